// Tests of the Reports page: the chart and table from Rust, range presets and custom dates, a refusal, and an export.
import { invoke } from "@tauri-apps/api/core";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ReportView } from "../../bindings/ReportView";
import { answerCommands } from "../../testCommands";
import { ReportsPage } from "./ReportsPage";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

afterEach(() => {
  invokeMock.mockReset();
});

const view: ReportView = {
  chartSvg: '<svg xmlns="http://www.w3.org/2000/svg"><text>Sales over time</text></svg>',
  report: {
    name: "sales",
    title: "Sales over time",
    period: { from: "2026-11-01", to: "2026-11-02", grouping: "day" },
    currency: "EUR",
    columns: [
      { key: "period", label: "Period", numeric: false },
      { key: "revenue", label: "Revenue (EUR)", numeric: true },
    ],
    rows: [
      ["2026-11-01", "1234.50"],
      ["2026-11-02", "0.00"],
    ],
    chart: { kind: "line", title: "Sales over time", categories: [], categoryLabel: "Day", series: [], valueLabel: "Revenue (EUR)", emptyMessage: null },
  },
};

describe("ReportsPage", () => {
  it("shows this month's sales by day: the chart as an image and the table under it", async () => {
    invokeMock.mockImplementation(answerCommands({ reports_get: { ok: view } }));
    render(<ReportsPage />);
    const chart = await screen.findByTestId("report-chart");
    expect(chart.getAttribute("src")).toContain("data:image/svg+xml");
    expect(decodeURIComponent(chart.getAttribute("src") ?? "")).toContain("<text>Sales over time</text>");
    expect(screen.getAllByTestId("report-row").map((row) => row.textContent)).toEqual(["2026-11-011,234.50", "2026-11-020.00"]);
    expect(invokeMock).toHaveBeenCalledWith("reports_get", { name: "sales", request: { preset: "this_month", from: null, to: null, grouping: "day" } });
  });

  it("asks for a custom range only once both dates are given, with the chosen grouping", async () => {
    invokeMock.mockImplementation(answerCommands({ reports_get: { ok: view } }));
    render(<ReportsPage />);
    await screen.findByTestId("report-chart");
    fireEvent.change(screen.getByTestId("report-preset"), { target: { value: "custom" } });
    fireEvent.change(screen.getByTestId("report-grouping"), { target: { value: "week" } });
    fireEvent.change(screen.getByTestId("report-from"), { target: { value: "2026-01-01" } });
    expect(invokeMock).toHaveBeenCalledTimes(1);
    fireEvent.change(screen.getByTestId("report-to"), { target: { value: "2026-03-31" } });
    await waitFor(() =>
      expect(invokeMock).toHaveBeenLastCalledWith("reports_get", {
        name: "sales",
        request: { preset: null, from: "2026-01-01", to: "2026-03-31", grouping: "week" },
      }),
    );
  });

  it("shows a refused range in the core's words instead of the chart", async () => {
    invokeMock.mockImplementation(
      answerCommands({
        reports_get: { refuse: { code: "invalid_range", message: "from: 2026-03-31 is after the end date 2026-01-01", details: { field: "from" } } },
      }),
    );
    render(<ReportsPage initial={{ name: "sales", preset: "custom", from: "2026-03-31", to: "2026-01-01", grouping: "day" }} />);
    expect((await screen.findByTestId("report-error")).textContent).toBe("from: 2026-03-31 is after the end date 2026-01-01");
    expect(screen.queryByTestId("report-chart")).toBeNull();
  });

  it("exports the table as CSV and says where the file went", async () => {
    invokeMock.mockImplementation(answerCommands({ reports_get: { ok: view }, reports_export: { ok: "/home/anna/Downloads/sales.csv" } }));
    render(<ReportsPage />);
    fireEvent.click(await screen.findByTestId("report-export-csv"));
    expect((await screen.findByTestId("report-saved")).textContent).toBe("Saved to /home/anna/Downloads/sales.csv");
    expect(invokeMock).toHaveBeenCalledWith("reports_export", {
      name: "sales",
      request: { preset: "this_month", from: null, to: null, grouping: "day" },
      format: "csv",
    });
  });
});
