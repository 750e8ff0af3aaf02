// The reports, range presets and groupings the Reports page offers, with their labels.
import type { Grouping } from "../../bindings/Grouping";
import type { Preset } from "../../bindings/Preset";
import type { ReportName } from "../../bindings/ReportName";

/** `overTime`: figures per day, week or month (the others cover the whole range, so grouping does not apply). */
export const REPORTS: { name: ReportName; label: string; overTime: boolean }[] = [
  { name: "sales", label: "Sales over time", overTime: true },
  { name: "gross_profit", label: "Gross profit", overTime: true },
  { name: "status", label: "Orders by status", overTime: false },
  { name: "payment_methods", label: "Payment methods", overTime: false },
  { name: "returns", label: "Returns and refunds", overTime: true },
  { name: "top_products", label: "Top products", overTime: false },
  { name: "top_customers", label: "Top customers", overTime: false },
];

export const PRESETS: { preset: Preset; label: string }[] = [
  { preset: "today", label: "Today" },
  { preset: "this_week", label: "This week" },
  { preset: "this_month", label: "This month" },
  { preset: "last_month", label: "Last month" },
  { preset: "this_quarter", label: "This quarter" },
  { preset: "this_year", label: "This year" },
];

export const GROUPINGS: { grouping: Grouping; label: string }[] = [
  { grouping: "day", label: "By day" },
  { grouping: "week", label: "By week" },
  { grouping: "month", label: "By month" },
];

/** What the page is showing: a report over a preset or a custom range, grouped. */
export type ReportChoice = { name: ReportName; preset: Preset | "custom"; from: string; to: string; grouping: Grouping };

export const DEFAULT_CHOICE: ReportChoice = { name: "sales", preset: "this_month", from: "", to: "", grouping: "day" };
