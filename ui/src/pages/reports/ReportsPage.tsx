// Reports: pick a report, a range and a grouping; the chart (SVG drawn in Rust) above its table, with exports.
import { useEffect, useState } from "react";
import { messageOf } from "../../api";
import type { ExportFormat } from "../../bindings/ExportFormat";
import type { ReportRequest } from "../../bindings/ReportRequest";
import type { ReportView } from "../../bindings/ReportView";
import { ErrorBox } from "../../components/ErrorBox";
import { exportReport, getReport, svgSource } from "../../reportsApi";
import { Page } from "../Page";
import { ReportControls } from "./ReportControls";
import { DEFAULT_CHOICE, type ReportChoice } from "./reportChoices";
import { ReportTable } from "./ReportTable";

type Props = { initial?: ReportChoice };

const EXPORTS: { format: ExportFormat; label: string }[] = [
  { format: "csv", label: "Table as CSV" },
  { format: "png", label: "Chart as PNG" },
  { format: "svg", label: "Chart as SVG" },
  { format: "pdf", label: "Report as PDF" },
];

/** The request the core checks: a preset, or the two typed dates (a missing one is refused there, by name). */
export function requestOf(choice: ReportChoice): ReportRequest {
  return choice.preset === "custom"
    ? { preset: null, from: choice.from, to: choice.to, grouping: choice.grouping }
    : { preset: choice.preset, from: null, to: null, grouping: choice.grouping };
}

export function ReportsPage({ initial = DEFAULT_CHOICE }: Props) {
  const [choice, setChoice] = useState(initial);
  const [view, setView] = useState<ReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    if (choice.preset === "custom" && (choice.from === "" || choice.to === "")) return;
    getReport(choice.name, requestOf(choice))
      .then((answer) => {
        if (!current) return;
        setView(answer);
        setError(null);
      })
      .catch((reason: unknown) => current && setError(messageOf(reason)));
    return () => {
      current = false;
    };
  }, [choice]);

  const save = (format: ExportFormat) => {
    setSaved(null);
    exportReport(choice.name, requestOf(choice), format)
      .then((path) => setSaved(`Saved to ${path}`))
      .catch((reason: unknown) => setError(messageOf(reason)));
  };

  return (
    <Page id="reports" title="Reports">
      <ReportControls choice={choice} onChange={(next) => { setSaved(null); setChoice(next); }} />
      <ErrorBox testId="report-error" message={error} />
      {view !== null && error === null && (
        <section className="card report" data-testid="report">
          <img className="report-chart" data-testid="report-chart" src={svgSource(view.chartSvg)} alt={`${view.report.title}: chart`} />
          <div className="report-exports">
            {EXPORTS.map((entry) => (
              <button key={entry.format} type="button" className="button-small" data-testid={`report-export-${entry.format}`} onClick={() => save(entry.format)}>
                {entry.label}
              </button>
            ))}
            {saved !== null && (
              <span className="report-saved" data-testid="report-saved">
                {saved}
              </span>
            )}
          </div>
          <ReportTable report={view.report} />
        </section>
      )}
    </Page>
  );
}
