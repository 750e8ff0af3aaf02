//! How the period's orders split: by their status now, and by payment
//! method. An order counts in the period it was placed (a draft: entered);
//! values are order totals including tax, in the base currency as stored.

use sqlx::{AssertSqlSafe, SqliteConnection};

use super::period::Period;
use super::report::{ChartData, ChartKind, Report, ReportName, Series, columns, nothing_in};
use crate::error::Result;
use crate::money::{Amount, Currency};

struct Slice {
    name: String,
    orders: i64,
    total: Amount,
}

async fn slices(conn: &mut SqliteConnection, column: &str, window: &(String, String)) -> Result<Vec<Slice>> {
    let sql = format!(
        "SELECT {column}, count(*), sum(amount_total_base) FROM orders
         WHERE coalesce(placed_at, created_at) >= ?1 AND coalesce(placed_at, created_at) < ?2
         GROUP BY 1 ORDER BY 2 DESC, 1"
    );
    let rows: Vec<(String, i64, i64)> =
        sqlx::query_as(AssertSqlSafe(sql)).bind(&window.0).bind(&window.1).fetch_all(conn).await?;
    Ok(rows
        .into_iter()
        .map(|(name, orders, total)| Slice { name, orders, total: Amount::from_storage(total) })
        .collect())
}

fn report(name: ReportName, label: &str, period: Period, base: Currency, slices: Vec<Slice>) -> Report {
    let currency = base.code();
    let orders: i64 = slices.iter().map(|slice| slice.orders).sum();
    let rows = slices
        .iter()
        .map(|slice| {
            let share = if orders == 0 { 0.0 } else { slice.orders as f64 * 100.0 / orders as f64 };
            vec![slice.name.replace('_', " "), slice.orders.to_string(), format!("{share:.1}"), slice.total.to_string()]
        })
        .collect();
    Report {
        name,
        title: name.title().into(),
        period,
        currency: currency.into(),
        columns: columns(&[
            ("name", label, false),
            ("orders", "Orders", true),
            ("share", "Share of orders (%)", true),
            ("total", &format!("Order totals incl. tax ({currency})"), true),
        ]),
        rows,
        chart: ChartData {
            kind: ChartKind::Pie,
            title: name.title().into(),
            categories: slices.iter().map(|slice| slice.name.replace('_', " ")).collect(),
            category_label: label.into(),
            series: vec![Series {
                name: "Orders".into(),
                values: slices.iter().map(|slice| slice.orders as f64).collect(),
            }],
            value_label: "Orders".into(),
            empty_message: if slices.is_empty() { nothing_in("orders") } else { None },
        },
    }
}

pub async fn status(
    conn: &mut SqliteConnection,
    period: Period,
    base: Currency,
    window: &(String, String),
) -> Result<Report> {
    Ok(report(ReportName::Status, "Status", period, base, slices(conn, "status", window).await?))
}

pub async fn payment_methods(
    conn: &mut SqliteConnection,
    period: Period,
    base: Currency,
    window: &(String, String),
) -> Result<Report> {
    let slices = slices(conn, "payment_method", window).await?;
    Ok(report(ReportName::PaymentMethods, "Payment method", period, base, slices))
}
