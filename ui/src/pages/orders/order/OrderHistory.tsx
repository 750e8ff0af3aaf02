// What happened to an order (when, who, what) and the shipping events it sent.
import type { HistoryEntry } from "../../../bindings/HistoryEntry";
import type { ShippingEvent } from "../../../bindings/ShippingEvent";
import { Card } from "../../../components/Card";
import { formatDateTime } from "../../../format";
import { actionLabel } from "../../../labels";

type Props = { history: HistoryEntry[]; shippingEvents: ShippingEvent[] };

export function OrderHistory({ history, shippingEvents }: Props) {
  return (
    <Card title="History">
      <table className="table" data-testid="order-history">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          {history.map((entry, index) => (
            <tr key={`${entry.at}-${index}`}>
              <td>{formatDateTime(entry.at)}</td>
              <td>{entry.actorName}</td>
              <td>{actionLabel(entry.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shippingEvents.length > 0 && (
        <>
          <h3 className="form-section">Shipping events</h3>
          <table className="table" data-testid="shipping-events">
            <thead>
              <tr>
                <th scope="col">Written</th>
                <th scope="col">Sent</th>
                <th scope="col">Event</th>
              </tr>
            </thead>
            <tbody>
              {shippingEvents.map((event) => (
                <tr key={event.id}>
                  <td>{formatDateTime(event.createdAt)}</td>
                  <td>{event.deliveredAt === null ? "Pending (retried automatically)" : formatDateTime(event.deliveredAt)}</td>
                  <td>
                    <code className="event-payload">{event.payload}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
