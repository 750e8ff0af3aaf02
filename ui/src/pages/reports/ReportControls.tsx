// The Reports page's choices: which report, over which range (a preset or two dates), grouped how.
import type { Grouping } from "../../bindings/Grouping";
import type { ReportName } from "../../bindings/ReportName";
import { GROUPINGS, PRESETS, REPORTS, type ReportChoice } from "./reportChoices";

type Props = { choice: ReportChoice; onChange: (choice: ReportChoice) => void };

export function ReportControls({ choice, onChange }: Props) {
  const set = (change: Partial<ReportChoice>) => onChange({ ...choice, ...change });
  const overTime = REPORTS.find((report) => report.name === choice.name)?.overTime ?? true;
  return (
    <div className="toolbar report-controls">
      <select data-testid="report-name" aria-label="Report" value={choice.name} onChange={(event) => set({ name: event.target.value as ReportName })}>
        {REPORTS.map((report) => (
          <option key={report.name} value={report.name}>
            {report.label}
          </option>
        ))}
      </select>
      <select
        data-testid="report-preset"
        aria-label="Period"
        value={choice.preset}
        onChange={(event) => {
          const preset = PRESETS.find((entry) => entry.preset === event.target.value)?.preset ?? "custom";
          set({ preset });
        }}
      >
        {PRESETS.map((entry) => (
          <option key={entry.preset} value={entry.preset}>
            {entry.label}
          </option>
        ))}
        <option value="custom">Custom range</option>
      </select>
      {choice.preset === "custom" && (
        <>
          <input type="date" className="toolbar-date" data-testid="report-from" aria-label="From" value={choice.from} onChange={(event) => set({ from: event.target.value })} />
          <input type="date" className="toolbar-date" data-testid="report-to" aria-label="To" value={choice.to} onChange={(event) => set({ to: event.target.value })} />
        </>
      )}
      <select data-testid="report-grouping" aria-label="Grouping" disabled={!overTime} value={choice.grouping} onChange={(event) => set({ grouping: event.target.value as Grouping })}>
        {GROUPINGS.map((entry) => (
          <option key={entry.grouping} value={entry.grouping}>
            {entry.label}
          </option>
        ))}
      </select>
    </div>
  );
}
