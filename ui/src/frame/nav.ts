// The pages of the app, in sidebar order.
export type PageId = "dashboard" | "orders" | "customers" | "products" | "invoices" | "reports" | "queues" | "settings";

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
