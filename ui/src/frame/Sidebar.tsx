// The left sidebar: the Kontor mark and one entry per page; the current page is marked; under Queues, each queue with its count.
import type { QueueCount } from "../bindings/QueueCount";
import { KontorMark } from "../components/KontorMark";
import { NAV_ENTRIES, placeOf, queuePlace, type PageId, type Place } from "./nav";
import { NavIcon } from "./NavIcon";

type Props = { current: PageId; counts: QueueCount[] | null; onNavigate: (place: Place) => void };

export function Sidebar({ current, counts, onNavigate }: Props) {
  return (
    <nav className="sidebar" data-testid="sidebar" aria-label="Pages">
      <div className="sidebar-brand">
        <KontorMark size={30} />
        <span className="sidebar-brand-name">Kontor</span>
      </div>
      <ul className="sidebar-entries">
        {NAV_ENTRIES.map((entry) => (
          <li key={entry.id} className={entry.id === "settings" ? "sidebar-entry-last" : undefined}>
            <button
              type="button"
              className="sidebar-entry"
              data-testid={`nav-${entry.id}`}
              aria-current={entry.id === current ? "page" : undefined}
              onClick={() => onNavigate(placeOf(entry.id))}
            >
              <NavIcon page={entry.id} />
              {entry.label}
            </button>
            {entry.id === "queues" && counts !== null && (
              <ul className="sidebar-queues">
                {counts.map((count) => (
                  <li key={count.queue}>
                    <button type="button" className="sidebar-queue" data-testid={`nav-queue-${count.queue}`} onClick={() => onNavigate(queuePlace(count.queue))}>
                      {count.label}
                      <span className={count.count > 0 ? "sidebar-badge" : "sidebar-badge sidebar-badge-zero"} data-testid={`nav-queue-count-${count.queue}`}>
                        {count.count}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
