// The left sidebar: the Kontor mark and one entry per page; the current page is marked.
import { KontorMark } from "../components/KontorMark";
import { NAV_ENTRIES, type PageId } from "./nav";
import { NavIcon } from "./NavIcon";

type Props = { current: PageId; onNavigate: (page: PageId) => void };

export function Sidebar({ current, onNavigate }: Props) {
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
              onClick={() => onNavigate(entry.id)}
            >
              <NavIcon page={entry.id} />
              {entry.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
