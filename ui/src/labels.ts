// How the order, payment and stock codes from Rust are named on screen.
import type { AdjustmentReason } from "./bindings/AdjustmentReason";
import type { LineState } from "./bindings/LineState";
import type { OrderStatus } from "./bindings/OrderStatus";
import type { PaymentMethod } from "./bindings/PaymentMethod";
import type { StockReason } from "./bindings/StockReason";

export const ORDER_STATUSES: OrderStatus[] = ["draft", "placed", "processing", "shipped", "delivered", "cancelled"];

const STATUS_LABELS: Record<OrderStatus, string> = {
  draft: "Draft",
  placed: "Placed",
  processing: "Processing",
  shipped: "Shipped",
  delivered: "Delivered",
  cancelled: "Cancelled",
};
export const statusLabel = (status: OrderStatus): string => STATUS_LABELS[status];

export const PAYMENT_METHODS: PaymentMethod[] = ["cash", "card", "bank_transfer", "other"];
const PAYMENT_LABELS: Record<PaymentMethod, string> = { cash: "Cash", card: "Card", bank_transfer: "Bank transfer", other: "Other" };
export const paymentMethodLabel = (method: PaymentMethod): string => PAYMENT_LABELS[method];

const LINE_STATE_LABELS: Record<LineState, string> = { placed: "Placed", updated: "Updated", cancelled: "Cancelled", returned: "Returned" };
export const lineStateLabel = (state: LineState): string => LINE_STATE_LABELS[state];

export const ADJUSTMENT_REASONS: AdjustmentReason[] = ["recount", "damage", "delivery_received"];
const STOCK_REASON_LABELS: Record<StockReason, string> = {
  order: "Order placed",
  order_change: "Order changed",
  line_cancelled: "Line cancelled",
  order_cancelled: "Order cancelled",
  return: "Returned",
  recount: "Recount",
  damage: "Damage",
  delivery_received: "Delivery received",
};
export const stockReasonLabel = (reason: StockReason): string => STOCK_REASON_LABELS[reason];

/** A history action ("line_returned_damaged") as a phrase ("Line returned damaged"). */
export function actionLabel(action: string): string {
  const words = action.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
