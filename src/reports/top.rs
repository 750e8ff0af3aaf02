//! Top products and top customers: what the orders placed in the period
//! came to as they stand now (after cancellations and returns), net of tax.
//! Each (product or customer, currency, frozen rate) sum is converted once.

use std::collections::HashMap;

use sqlx::SqliteConnection;

use super::daily::in_base;
use super::period::Period;
use super::report::{ChartData, ChartKind, Report, ReportName, Series, columns, nothing_in, plotted};
use crate::error::Result;
use crate::money::{Amount, Currency};

/// How many a top list shows.
pub const TOP: usize = 10;

struct Ranked {
    name: String,
    detail: String,
    count: i64,
    revenue: Amount,
}

/// Sums per key in the base currency, best first (ties by name).
fn rank(rows: Vec<(String, String, String, String, i64, i64)>, base: Currency) -> Vec<Ranked> {
    let mut by_key: HashMap<(String, String), Ranked> = HashMap::new();
    for (name, detail, currency, rate, count, value) in rows {
        let entry = by_key.entry((name.clone(), detail.clone())).or_insert(Ranked {
            name,
            detail,
            count: 0,
            revenue: Amount::ZERO,
        });
        entry.count += count;
        entry.revenue = entry.revenue + in_base(Amount::from_storage(value), &currency, &rate, base);
    }
    let mut ranked: Vec<Ranked> = by_key.into_values().collect();
    ranked.sort_by(|a, b| b.revenue.cmp(&a.revenue).then_with(|| a.name.cmp(&b.name)));
    ranked.truncate(TOP);
    ranked
}

pub async fn products(
    conn: &mut SqliteConnection,
    period: Period,
    base: Currency,
    window: &(String, String),
) -> Result<Report> {
    let rows = sqlx::query_as(
        "SELECT l.sku, min(l.name), o.currency, o.exchange_rate, sum(l.ordered - l.cancelled - l.returned), sum(l.amount)
         FROM orders o JOIN order_lines l ON l.order_id = o.id
         WHERE o.placed_at >= ?1 AND o.placed_at < ?2
         GROUP BY l.product_id, o.currency, o.exchange_rate",
    )
    .bind(&window.0)
    .bind(&window.1)
    .fetch_all(conn)
    .await?;
    Ok(report(ReportName::TopProducts, period, base, rank(rows, base), ("SKU", "Product", "Units")))
}

pub async fn customers(
    conn: &mut SqliteConnection,
    period: Period,
    base: Currency,
    window: &(String, String),
) -> Result<Report> {
    let rows = sqlx::query_as(
        "SELECT c.name, CAST(c.id AS TEXT), o.currency, o.exchange_rate, count(*), sum(o.amount_lines)
         FROM orders o JOIN customers c ON c.id = o.customer_id
         WHERE o.placed_at >= ?1 AND o.placed_at < ?2
         GROUP BY o.customer_id, o.currency, o.exchange_rate",
    )
    .bind(&window.0)
    .bind(&window.1)
    .fetch_all(conn)
    .await?;
    Ok(report(ReportName::TopCustomers, period, base, rank(rows, base), ("Customer", "Customer no.", "Orders")))
}

fn report(name: ReportName, period: Period, base: Currency, ranked: Vec<Ranked>, labels: (&str, &str, &str)) -> Report {
    let currency = base.code();
    let rows = ranked
        .iter()
        .map(|item| vec![item.name.clone(), item.detail.clone(), item.count.to_string(), item.revenue.to_string()])
        .collect();
    Report {
        name,
        title: name.title().into(),
        period,
        currency: currency.into(),
        columns: columns(&[
            ("name", labels.0, false),
            ("detail", labels.1, false),
            ("count", labels.2, true),
            ("revenue", &format!("Revenue ({currency})"), true),
        ]),
        rows,
        chart: ChartData {
            kind: ChartKind::Bar,
            title: name.title().into(),
            categories: ranked.iter().map(|item| item.name.clone()).collect(),
            category_label: labels.0.into(),
            series: vec![Series {
                name: "Revenue".into(),
                values: ranked.iter().map(|item| plotted(item.revenue)).collect(),
            }],
            value_label: format!("Revenue ({currency})"),
            empty_message: if ranked.is_empty() { nothing_in("sales") } else { None },
        },
    }
}
