// Tests of the dashboard widgets: figures with their currency and change, each opening its report or queue.
import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Dashboard } from "../../bindings/Dashboard";
import { DashboardFigures } from "./DashboardFigures";

const dashboard: Dashboard = {
  currency: "EUR",
  today: "2026-12-02",
  salesToday: "30.00",
  ordersToday: 1,
  salesThisMonth: "10.00",
  salesLastMonth: "72.50",
  salesChangePercent: "-86.2",
  ordersPending: 4,
  averageOrderValue: "10.00",
  averageOrderValueLastMonth: "14.50",
  averageOrderValueChangePercent: null,
  lowStockProducts: 2,
  overdueInvoices: 3,
  salesChart: { kind: "line", title: "Sales", categories: [], categoryLabel: "Day", series: [], valueLabel: "Revenue (EUR)", emptyMessage: null },
};

describe("DashboardFigures", () => {
  it("shows each figure and opens the matching report or queue", () => {
    const onOpen = vi.fn();
    render(<DashboardFigures dashboard={dashboard} chartSvg="<svg/>" onOpen={onOpen} />);
    expect(screen.getByTestId("widget-sales-today").textContent).toContain("30.00 EUR");
    expect(screen.getByTestId("widget-sales-month").textContent).toContain("▼ 86.2 % vs last month");
    expect(screen.getByTestId("widget-average-order").textContent).toContain("no figure last month");
    expect(screen.getByTestId("widget-orders-pending").textContent).toContain("4");
    fireEvent.click(screen.getByTestId("widget-sales-today"));
    expect(onOpen).toHaveBeenLastCalledWith({ kind: "report", preset: "today" });
    fireEvent.click(screen.getByTestId("widget-low-stock"));
    expect(onOpen).toHaveBeenLastCalledWith({ kind: "queue", queue: "products" });
    expect(screen.getByTestId("widget-overdue-invoices").textContent).toContain("3");
    fireEvent.click(screen.getByTestId("widget-overdue-invoices"));
    expect(onOpen).toHaveBeenLastCalledWith({ kind: "overdue_invoices" });
    expect(screen.getByTestId("dashboard-chart").getAttribute("src")).toBe("data:image/svg+xml;charset=utf-8,%3Csvg%2F%3E");
  });
});
