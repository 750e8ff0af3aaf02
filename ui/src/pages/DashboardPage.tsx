// The first page after signing in: sales figures and 30 days of sales for managers and owners, the work queues for everyone,
// and the demo-data offer on an empty book.
import { useEffect, useState } from "react";
import { messageOf } from "../api";
import type { DashboardView } from "../bindings/DashboardView";
import type { DemoSummary } from "../bindings/DemoSummary";
import type { Queue } from "../bindings/Queue";
import type { QueueCount } from "../bindings/QueueCount";
import type { SignedInUser } from "../bindings/SignedInUser";
import { ErrorBox } from "../components/ErrorBox";
import { getDashboard } from "../reportsApi";
import { DashboardFigures, type DashboardTarget } from "./dashboard/DashboardFigures";
import { DemoLoader } from "./dashboard/DemoLoader";
import { Page } from "./Page";

type Props = {
  businessName: string;
  user: SignedInUser;
  onOpen: (target: DashboardTarget) => void;
  onCounts?: (counts: QueueCount[]) => void;
};

export function DashboardPage({ businessName, user, onOpen, onCounts }: Props) {
  const [loaded, setLoaded] = useState<DemoSummary | null>(null);
  const [view, setView] = useState<DashboardView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    getDashboard()
      .then((answer) => {
        if (!current) return;
        setView(answer);
        onCounts?.(answer.queues);
      })
      .catch((reason: unknown) => current && setError(messageOf(reason)));
    return () => {
      current = false;
    };
  }, [loaded, onCounts]);

  const openQueue = (queue: Queue) => onOpen({ kind: "queue", queue });
  return (
    <Page id="dashboard" title={`Welcome, ${user.name}`} intro={`This is the day at ${businessName}.`}>
      {user.role === "owner" && loaded === null && <DemoLoader onLoaded={setLoaded} />}
      <ErrorBox testId="dashboard-error" message={error} />
      {view?.dashboard != null && view.chartSvg !== null && <DashboardFigures dashboard={view.dashboard} chartSvg={view.chartSvg} onOpen={onOpen} />}
      {view !== null && (
        <section className="card dashboard-queues" data-testid="dashboard-queues">
          <h2 className="card-title">Work queues</h2>
          <ul className="queue-summary">
            {view.queues.map((entry) => (
              <li key={entry.queue}>
                <button type="button" className="button-quiet" data-testid={`dashboard-queue-${entry.queue}`} onClick={() => openQueue(entry.queue)}>
                  {entry.label} <span className="badge queue-count">{entry.count}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
