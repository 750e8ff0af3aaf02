// Typed calls for the dashboard, reports and work queues (the command table in docs/DEVELOPMENT.md); all go through `call`.
import { call } from "./api";
import type { DashboardView } from "./bindings/DashboardView";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { Queue } from "./bindings/Queue";
import type { QueueCount } from "./bindings/QueueCount";
import type { QueueItem } from "./bindings/QueueItem";
import type { ReportName } from "./bindings/ReportName";
import type { ReportRequest } from "./bindings/ReportRequest";
import type { ReportView } from "./bindings/ReportView";

export const getDashboard = () => call<DashboardView>("dashboard_get");
export const getReport = (name: ReportName, request: ReportRequest) => call<ReportView>("reports_get", { name, request });
/** Saves the report in the Downloads folder; resolves to the file's path. */
export const exportReport = (name: ReportName, request: ReportRequest, format: ExportFormat) =>
  call<string>("reports_export", { name, request, format });

export const queueCounts = () => call<QueueCount[]>("queues_counts");
export const queueItems = (queue: Queue) => call<QueueItem[]>("queues_items", { queue });
export const markDone = (queue: Queue, itemId: number) => call<void>("queues_mark_done", { queue, itemId });

/** An SVG document from Rust as an <img> source: shown as a picture, so nothing in it can run. */
export const svgSource = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
