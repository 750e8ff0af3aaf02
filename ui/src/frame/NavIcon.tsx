// Small line icons for the sidebar entries (16 px, drawn in the text colour).
import type { PageId } from "./nav";

const ICON_PATHS: Record<PageId, string> = {
  dashboard: "M2 2h5v6H2zM9 2h5v3H9zM9 7h5v7H9zM2 10h5v4H2z",
  orders: "M4 1.5h8v13l-2-1.2-2 1.2-2-1.2-2 1.2zM6 5h4M6 8h4M6 11h2",
  customers: "M6 7.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM1.5 14c0-2.5 2-4.5 4.5-4.5s4.5 2 4.5 4.5M11 3a2.2 2.2 0 0 1 0 4.4M12.5 9.8c1.2.6 2 2.2 2 4.2",
  products: "M8 1.5l6 3v7l-6 3-6-3v-7zM2 4.5l6 3 6-3M8 7.5v7",
  invoices: "M3 1.5h7l3 3v10H3zM10 1.5v3h3M5.5 8h5M5.5 10.5h5M5.5 5.5h2",
  reports: "M2 14.5h12M3.5 12V8M6.5 12V4M9.5 12V6.5M12.5 12V2.5",
  queues: "M2 3.5h12M2 8h12M2 12.5h8",
  settings: "M8 10.2a2.2 2.2 0 1 0 0-4.4 2.2 2.2 0 0 0 0 4.4zM8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4",
};

export function NavIcon({ page }: { page: PageId }) {
  return (
    <svg className="nav-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={ICON_PATHS[page]} fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
