// A report's table under its chart: exact amounts from Rust, figures grouped for reading and right-aligned.
import type { Report } from "../../bindings/Report";
import { formatFigure } from "../../format";

type Props = { report: Report };

export function ReportTable({ report }: Props) {
  if (report.rows.length === 0) {
    return (
      <p className="report-empty" data-testid="report-empty">
        {report.chart.emptyMessage ?? "Nothing in this period"}
      </p>
    );
  }
  return (
    <table className="table report-table" data-testid="report-table">
      <thead>
        <tr>
          {report.columns.map((column) => (
            <th key={column.key} className={column.numeric ? "cell-number" : undefined} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.rows.map((row, index) => (
          <tr key={index} data-testid="report-row">
            {row.map((cell, column) => (
              <td key={report.columns[column].key} className={report.columns[column].numeric ? "cell-number" : undefined}>
                {report.columns[column].numeric ? formatFigure(cell) : cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
