// The order-list columns, shared by the Orders page and a customer's orders.
import type { OrderSummary } from "../../bindings/OrderSummary";
import { Money } from "../../components/Money";
import { StatusChip } from "../../components/StatusChip";
import { formatDateTime, formatDay } from "../../format";
import type { Column, Noun } from "../../lists/VirtualTable";
import { listOrders } from "../../shopApi";
import type { OrderQuery } from "../../bindings/OrderQuery";

export const ORDERS: Noun = { one: "order", many: "orders" };

type OrderFilters = Omit<OrderQuery, "offset" | "limit">;

export const fetchOrders = (filters: OrderFilters, offset: number, limit: number) => listOrders({ ...filters, offset, limit });

export const orderRowKey = (order: OrderSummary) => order.id;
export const orderRowTestId = (order: OrderSummary) => `order-row-${order.number}`;

const NUMBER: Column<OrderSummary> = {
  header: "Number",
  width: "180px",
  cell: (order) => (
    <>
      <span className="cell-mono">{order.number}</span>
      {order.urgent && <span className="badge badge-urgent">Urgent</span>}
    </>
  ),
};
const CUSTOMER: Column<OrderSummary> = { header: "Customer", cell: (order) => order.customerName };
const STATUS: Column<OrderSummary> = { header: "Status", width: "130px", cell: (order) => <StatusChip status={order.status} /> };
const TOTAL: Column<OrderSummary> = {
  header: "Total",
  className: "cell-number",
  width: "140px",
  cell: (order) => <Money amount={order.amountTotal} currency={order.currency} />,
};
const PROMISED: Column<OrderSummary> = { header: "Promised", width: "130px", cell: (order) => (order.promisedDate === null ? "" : formatDay(order.promisedDate)) };
const CREATED: Column<OrderSummary> = { header: "Entered", width: "200px", cell: (order) => formatDateTime(order.createdAt) };

export const ORDER_COLUMNS: Column<OrderSummary>[] = [NUMBER, CUSTOMER, STATUS, TOTAL, PROMISED, CREATED];
/** Without the customer: the list is one customer's. */
export const CUSTOMER_ORDER_COLUMNS: Column<OrderSummary>[] = [NUMBER, STATUS, TOTAL, CREATED];
