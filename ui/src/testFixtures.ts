// Test helper: a customer, products and orders as Rust sends them, for the tests of the shop pages.
import type { Customer } from "./bindings/Customer";
import type { Order } from "./bindings/Order";
import type { OrderDetail } from "./bindings/OrderDetail";
import type { OrderLine } from "./bindings/OrderLine";
import type { OrderStatus } from "./bindings/OrderStatus";
import type { Product } from "./bindings/Product";
import type { SignedInUser } from "./bindings/SignedInUser";

const stamp = "2026-11-22T09:00:00Z";

export const owner: SignedInUser = { id: 1, name: "Anna Berg", username: "anna", role: "owner" };
export const clerk: SignedInUser = { id: 2, name: "Ben Clerk", username: "ben", role: "clerk" };

export const profile = { name: "Berg Hardware", baseCurrency: "EUR", idleLockMinutes: 15, updatedAt: stamp };

export function customer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: 7,
    name: "Nordlicht GmbH",
    email: "buy@nordlicht.example",
    phone: "",
    billingAddress: "",
    shippingAddress: "Hafenstr. 1, Kiel",
    vip: false,
    creditLimit: "500.00",
    currency: "EUR",
    balance: "120.00",
    availableCredit: "380.00",
    notes: "",
    createdAt: stamp,
    updatedAt: stamp,
    deletedAt: null,
    ...overrides,
  };
}

export function product(sku: string, name: string, overrides: Partial<Product> = {}): Product {
  return {
    id: sku.length,
    sku,
    name,
    unitPrice: "2.50",
    cost: "1.00",
    taxRate: "19",
    stock: 100,
    reorderLevel: 10,
    allowBackorder: false,
    active: true,
    lowStock: false,
    notes: "",
    createdAt: stamp,
    updatedAt: stamp,
    deletedAt: null,
    ...overrides,
  };
}

export function line(sku: string, overrides: Partial<OrderLine> = {}): OrderLine {
  return {
    id: sku.length,
    productId: sku.length,
    sku,
    name: `Product ${sku}`,
    unitPrice: "2.50",
    taxRate: "19",
    ordered: 4,
    cancelled: 0,
    returned: 0,
    damaged: 0,
    effective: 4,
    amount: "10.00",
    state: "placed",
    ...overrides,
  };
}

export function order(status: OrderStatus, overrides: Partial<Order> = {}): Order {
  return {
    id: 42,
    number: "SO-000042",
    customerId: 7,
    customerName: "Nordlicht GmbH",
    status,
    currency: "EUR",
    exchangeRate: "1",
    paymentMethod: "bank_transfer",
    urgent: false,
    promisedDate: null,
    notes: "",
    amountLines: "10.00",
    amountTax: "1.90",
    amountTotal: "11.90",
    amountTotalBase: "11.90",
    amountPaid: "0.00",
    amountDue: "11.90",
    refundDue: "0.00",
    creditOverrideBy: null,
    creditOverrideReason: null,
    placedAt: status === "draft" ? null : stamp,
    shippedAt: status === "shipped" || status === "delivered" ? stamp : null,
    deliveredAt: status === "delivered" ? stamp : null,
    cancelledAt: status === "cancelled" ? stamp : null,
    createdAt: stamp,
    updatedAt: stamp,
    lines: [line("BOLT-10")],
    ...overrides,
  };
}

export function detail(of: Order): OrderDetail {
  return {
    order: of,
    payments: [],
    history: [{ at: stamp, actorName: "Anna Berg", entity: "order", entityId: of.id, action: "entered", before: null, after: null }],
    shippingEvents: [],
  };
}
