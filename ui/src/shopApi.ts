// Typed calls for customers, products and orders (the command table in docs/DEVELOPMENT.md); all go through `call`.
import { call } from "./api";
import type { Customer } from "./bindings/Customer";
import type { CustomerPage } from "./bindings/CustomerPage";
import type { CustomerQuery } from "./bindings/CustomerQuery";
import type { CustomerUpdate } from "./bindings/CustomerUpdate";
import type { NewCustomer } from "./bindings/NewCustomer";
import type { NewOrder } from "./bindings/NewOrder";
import type { NewProduct } from "./bindings/NewProduct";
import type { Order } from "./bindings/Order";
import type { OrderDetail } from "./bindings/OrderDetail";
import type { OrderPage } from "./bindings/OrderPage";
import type { OrderPreview } from "./bindings/OrderPreview";
import type { OrderQuery } from "./bindings/OrderQuery";
import type { PaymentMethod } from "./bindings/PaymentMethod";
import type { Product } from "./bindings/Product";
import type { ProductDetail } from "./bindings/ProductDetail";
import type { ProductPage } from "./bindings/ProductPage";
import type { ProductQuery } from "./bindings/ProductQuery";
import type { ProductUpdate } from "./bindings/ProductUpdate";
import type { ExchangeRate } from "./bindings/ExchangeRate";
import type { RateSheet } from "./bindings/RateSheet";
import type { StockAdjustment } from "./bindings/StockAdjustment";

/** How many results a type-ahead search offers. */
const SEARCH_LIMIT = 10;

export const listCustomers = (query: CustomerQuery) => call<CustomerPage>("customers_list", { query });
export const getCustomer = (id: number) => call<Customer>("customers_get", { id });
export const addCustomer = (input: NewCustomer) => call<Customer>("customers_add", { input });
export const updateCustomer = (id: number, input: CustomerUpdate) => call<Customer>("customers_update", { id, input });
export const searchCustomers = (text: string) =>
  listCustomers({ search: text, vipOnly: false, offset: 0, limit: SEARCH_LIMIT }).then((page) => page.items);

export const listProducts = (query: ProductQuery) => call<ProductPage>("products_list", { query });
export const getProduct = (id: number) => call<ProductDetail>("products_get", { id });
export const addProduct = (input: NewProduct) => call<Product>("products_add", { input });
export const updateProduct = (id: number, input: ProductUpdate) => call<Product>("products_update", { id, input });
export const adjustStock = (id: number, adjustment: StockAdjustment) => call<Product>("products_adjust_stock", { id, adjustment });
/** The order-entry search: active products whose SKU starts with, or name contains, the text. */
export const searchProducts = (text: string) =>
  listProducts({ search: text, lowStockOnly: false, activeOnly: true, offset: 0, limit: SEARCH_LIMIT }).then((page) => page.items);

export const listOrders = (query: OrderQuery) => call<OrderPage>("orders_list", { query });
export const getOrder = (order: string) => call<OrderDetail>("orders_get", { order });
export const previewOrder = (input: NewOrder) => call<OrderPreview>("orders_preview", { input });
export const createOrder = (input: NewOrder) => call<Order>("orders_create", { input });
export const placeOrder = (order: string, creditOverride: string | null) => call<Order>("orders_place", { order, creditOverride });
export const updateLine = (order: string, sku: string, quantity: number) => call<Order>("orders_update_line", { order, sku, quantity });
export const addLine = (order: string, sku: string, quantity: number) => call<Order>("orders_add_line", { order, sku, quantity });
export const cancelLine = (order: string, sku: string) => call<Order>("orders_cancel_line", { order, sku });
export const cancelOrder = (order: string) => call<Order>("orders_cancel", { order });
export const shipOrder = (order: string) => call<Order>("orders_ship", { order });
export const deliverOrder = (order: string) => call<Order>("orders_deliver", { order });
export const returnLine = (order: string, sku: string, quantity: number, restock: boolean) =>
  call<Order>("orders_return", { order, sku, quantity, restock });
export const payOrder = (order: string, method: PaymentMethod, amount: string, reference: string) =>
  call<Order>("orders_pay", { order, method, amount, reference });
export const refundOrder = (order: string, method: PaymentMethod, amount: string, reference: string) =>
  call<Order>("orders_refund", { order, method, amount, reference });

export const listRates = () => call<RateSheet>("rates_list");
/** `rate` and `validFrom` ("YYYY-MM-DD") as typed: the core reads them and names the field it refuses. */
export const setRate = (currency: string, validFrom: string, rate: string) => call<ExchangeRate>("rates_set", { currency, validFrom, rate });
