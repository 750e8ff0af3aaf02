// The pages of the app in sidebar order, and where in them the window is (a Place).
import type { Queue } from "../bindings/Queue";
import type { ReportChoice } from "../pages/reports/reportChoices";

export type PageId = "dashboard" | "orders" | "customers" | "products" | "invoices" | "reports" | "queues" | "settings";

/** What the Orders page shows: the list, order entry, or one order (by number). */
export type OrdersView = { kind: "list" } | { kind: "new" } | { kind: "order"; number: string };

/** Where the window is: a page and, on Orders, which view of it; Reports and Queues may open at a given report or queue, Invoices at one invoice (by number) or at the overdue ones. */
export type Place = { page: PageId; orders: OrdersView; report?: ReportChoice; queue?: Queue; invoice?: string; overdueInvoices?: boolean };

/** A page as the sidebar opens it (Orders at its list). */
export const placeOf = (page: PageId): Place => ({ page, orders: { kind: "list" } });

/** One order's page. */
export const orderPlace = (number: string): Place => ({ page: "orders", orders: { kind: "order", number } });

export type NavEntry = { id: PageId; label: string };

export const NAV_ENTRIES: NavEntry[] = [
  { id: "dashboard", label: "Dashboard" },
  { id: "orders", label: "Orders" },
  { id: "customers", label: "Customers" },
  { id: "products", label: "Products" },
  { id: "invoices", label: "Invoices" },
  { id: "reports", label: "Reports" },
  { id: "queues", label: "Queues" },
  { id: "settings", label: "Settings" },
];

/** The Reports page at one report and range. */
export const reportPlace = (report: ReportChoice): Place => ({ ...placeOf("reports"), report });

/** The Queues page at one queue. */
export const queuePlace = (queue: Queue): Place => ({ ...placeOf("queues"), queue });

/** The invoices list showing only the overdue ones. */
export const overdueInvoicesPlace = (): Place => ({ ...placeOf("invoices"), overdueInvoices: true });

/** One invoice's (or credit note's) page. */
export const invoicePlace = (number: string): Place => ({ ...placeOf("invoices"), invoice: number });
