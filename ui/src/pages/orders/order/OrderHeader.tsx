// The top of an order's page: number, customer, status, dates and terms, and the totals as the server derived them.
import type { Order } from "../../../bindings/Order";
import { Facts, type Fact } from "../../../components/Facts";
import { Money } from "../../../components/Money";
import { StatusChip } from "../../../components/StatusChip";
import { formatDateTime, formatDay } from "../../../format";
import { paymentMethodLabel } from "../../../labels";

export function OrderHeader({ order }: { order: Order }) {
  const dates: Fact[] = [
    { label: "Entered", value: formatDateTime(order.createdAt) },
    ...(order.placedAt === null ? [] : [{ label: "Placed", value: formatDateTime(order.placedAt) }]),
    ...(order.shippedAt === null ? [] : [{ label: "Shipped", value: formatDateTime(order.shippedAt) }]),
    ...(order.deliveredAt === null ? [] : [{ label: "Delivered", value: formatDateTime(order.deliveredAt) }]),
    ...(order.cancelledAt === null ? [] : [{ label: "Cancelled", value: formatDateTime(order.cancelledAt) }]),
    ...(order.promisedDate === null ? [] : [{ label: "Promised for", value: formatDay(order.promisedDate) }]),
  ];
  const terms: Fact[] = [
    { label: "Payment", value: paymentMethodLabel(order.paymentMethod) },
    { label: "Currency", value: order.exchangeRate === "1" ? order.currency : `${order.currency} at ${order.exchangeRate}` },
    ...(order.creditOverrideReason === null ? [] : [{ label: "Credit override", value: `${order.creditOverrideReason} (${order.creditOverrideBy ?? "?"})` }]),
    ...(order.notes === "" ? [] : [{ label: "Notes", value: order.notes }]),
  ];
  const money = (amount: string, testId: string) => <Money amount={amount} currency={order.currency} testId={testId} />;

  return (
    <div className="order-header">
      <div className="order-title">
        <h2 className="order-number" data-testid="order-number">
          {order.number}
        </h2>
        <StatusChip status={order.status} testId="order-status" />
        {order.urgent && <span className="badge badge-urgent">Urgent</span>}
        <span className="order-customer" data-testid="order-customer">
          {order.customerName}
        </span>
      </div>
      <div className="order-facts">
        <Facts facts={dates} />
        <Facts facts={terms} />
        <dl className="totals" data-testid="order-totals">
          <div>
            <dt>Lines</dt>
            <dd>{money(order.amountLines, "order-lines-total")}</dd>
          </div>
          <div>
            <dt>Tax</dt>
            <dd>{money(order.amountTax, "order-tax")}</dd>
          </div>
          <div className="totals-grand">
            <dt>Total</dt>
            <dd>{money(order.amountTotal, "order-total")}</dd>
          </div>
          <div>
            <dt>Paid</dt>
            <dd>{money(order.amountPaid, "order-paid")}</dd>
          </div>
          <div>
            <dt>Still due</dt>
            <dd>{money(order.amountDue, "order-due")}</dd>
          </div>
          <div>
            <dt>Refund due</dt>
            <dd>{money(order.refundDue, "order-refund-due")}</dd>
          </div>
        </dl>
      </div>
    </div>
  );
}
