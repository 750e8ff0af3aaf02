// The dashboard's figures for managers and owners: one widget per figure (each opens its report, queue or list) and 30 days of sales.
import type { Dashboard } from "../../bindings/Dashboard";
import type { Queue } from "../../bindings/Queue";
import { Money } from "../../components/Money";
import { svgSource } from "../../reportsApi";

/** Where a widget leads. */
export type DashboardTarget = { kind: "report"; preset: "today" | "this_month" } | { kind: "queue"; queue: Queue } | { kind: "overdue_invoices" };

type Props = { dashboard: Dashboard; chartSvg: string; onOpen: (target: DashboardTarget) => void };

function Change({ percent }: { percent: string | null }) {
  if (percent === null) return <span className="widget-note">no figure last month</span>;
  const down = percent.startsWith("-");
  return (
    <span className={down ? "widget-change widget-down" : "widget-change widget-up"}>
      {down ? "▼" : "▲"} {percent.replace("-", "")} % vs last month
    </span>
  );
}

export function DashboardFigures({ dashboard, chartSvg, onOpen }: Props) {
  const currency = dashboard.currency;
  return (
    <>
      <div className="widgets" data-testid="dashboard-widgets">
        <button type="button" className="widget" data-testid="widget-sales-today" onClick={() => onOpen({ kind: "report", preset: "today" })}>
          <span className="widget-label">Sales today</span>
          <Money amount={dashboard.salesToday} currency={currency} />
          <span className="widget-note">
            {dashboard.ordersToday} {dashboard.ordersToday === 1 ? "order" : "orders"} placed
          </span>
        </button>
        <button type="button" className="widget" data-testid="widget-sales-month" onClick={() => onOpen({ kind: "report", preset: "this_month" })}>
          <span className="widget-label">This month</span>
          <Money amount={dashboard.salesThisMonth} currency={currency} />
          <Change percent={dashboard.salesChangePercent} />
        </button>
        <button type="button" className="widget" data-testid="widget-orders-pending" onClick={() => onOpen({ kind: "queue", queue: "sales" })}>
          <span className="widget-label">Orders pending</span>
          <span className="widget-count">{dashboard.ordersPending}</span>
          <span className="widget-note">placed or processing</span>
        </button>
        <button type="button" className="widget" data-testid="widget-average-order" onClick={() => onOpen({ kind: "report", preset: "this_month" })}>
          <span className="widget-label">Average order</span>
          <Money amount={dashboard.averageOrderValue} currency={currency} />
          <Change percent={dashboard.averageOrderValueChangePercent} />
        </button>
        <button type="button" className="widget" data-testid="widget-low-stock" onClick={() => onOpen({ kind: "queue", queue: "products" })}>
          <span className="widget-label">Low stock</span>
          <span className="widget-count">{dashboard.lowStockProducts}</span>
          <span className="widget-note">products to reorder</span>
        </button>
        <button type="button" className="widget" data-testid="widget-overdue-invoices" onClick={() => onOpen({ kind: "overdue_invoices" })}>
          <span className="widget-label">Overdue invoices</span>
          <span className="widget-count">{dashboard.overdueInvoices}</span>
          <span className="widget-note">unpaid after their due date</span>
        </button>
      </div>
      <section className="card">
        <img className="report-chart" data-testid="dashboard-chart" src={svgSource(chartSvg)} alt="Sales in the last 30 days" />
      </section>
    </>
  );
}
