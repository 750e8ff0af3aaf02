// Work queues: one tab per queue with its count; items open their order and can be marked done (who and when are kept).
import { useCallback, useEffect, useState } from "react";
import { messageOf } from "../../api";
import type { Queue } from "../../bindings/Queue";
import type { QueueCount } from "../../bindings/QueueCount";
import type { QueueItem } from "../../bindings/QueueItem";
import { ErrorBox } from "../../components/ErrorBox";
import { Money } from "../../components/Money";
import { formatDateTime } from "../../format";
import { markDone, queueCounts, queueItems } from "../../reportsApi";
import { EmptyState } from "../EmptyState";
import { Page } from "../Page";

type Props = {
  initial?: Queue;
  onOpenOrder: (number: string) => void;
  /** Told whenever the counts change, so the sidebar badges follow. */
  onCounts?: (counts: QueueCount[]) => void;
};

export function QueuesPage({ initial = "sales", onOpenOrder, onCounts }: Props) {
  const [queue, setQueue] = useState<Queue>(initial);
  const [counts, setCounts] = useState<QueueCount[]>([]);
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([queueCounts(), queueItems(queue)])
      .then(([latest, waiting]) => {
        setCounts(latest);
        onCounts?.(latest);
        setItems(waiting);
        setError(null);
      })
      .catch((reason: unknown) => setError(messageOf(reason)));
  }, [queue, onCounts]);

  useEffect(load, [load]);

  const done = (item: QueueItem) => {
    markDone(queue, item.itemId).then(load).catch((reason: unknown) => setError(messageOf(reason)));
  };

  return (
    <Page id="queues" title="Queues">
      <div className="queue-tabs" role="tablist" aria-label="Queues">
        {counts.map((entry) => (
          <button
            key={entry.queue}
            type="button"
            role="tab"
            className="queue-tab"
            aria-selected={entry.queue === queue}
            data-testid={`queue-tab-${entry.queue}`}
            onClick={() => setQueue(entry.queue)}
          >
            {entry.label}
            <span className="badge queue-count">{entry.count}</span>
          </button>
        ))}
      </div>
      <ErrorBox testId="queue-error" message={error} />
      {items !== null && items.length === 0 && <EmptyState headline="Nothing waiting here" line="Items appear as soon as an order, line or product meets this queue's rule." />}
      {items !== null && items.length > 0 && (
        <table className="table queue-items" data-testid="queue-items">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Customer or product</th>
              <th scope="col">What</th>
              <th scope="col" className="cell-number">Amount</th>
              <th scope="col">Since</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.itemId} data-testid="queue-item">
                <td>
                  {item.orderNumber !== null ? (
                    <button type="button" className="button-link" data-testid="queue-open" onClick={() => onOpenOrder(item.orderNumber ?? "")}>
                      {item.orderNumber}
                    </button>
                  ) : (
                    "—"
                  )}
                </td>
                <td>{item.title}</td>
                <td>{item.detail}</td>
                <td className="cell-number">{item.amount === null ? "" : <Money amount={item.amount} currency={null} />}</td>
                <td>{formatDateTime(item.at)}</td>
                <td className="cell-actions">
                  <button type="button" className="button-small" data-testid="queue-done" onClick={() => done(item)}>
                    Mark done
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
