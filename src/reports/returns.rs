//! Returns and refunds over time: what cancellations and returns took off
//! revenue on the day they happened (from the daily figures), and the refunds
//! paid out that day (negative payments, converted at the order's frozen rate).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sqlx::{AssertSqlSafe, SqliteConnection};

use super::daily::{Day, in_base};
use super::period::Period;
use super::report::{ChartData, ChartKind, Report, ReportName, Series, columns, nothing_in, plotted};
use super::sales::bucketed;
use super::zone::Zone;
use crate::error::Result;
use crate::money::{Amount, Currency};

/// Refunds paid per local day: how many and how much, in the base currency.
pub async fn refunds_by_day(
    conn: &mut SqliteConnection,
    zone: Zone,
    base: Currency,
    period: &Period,
) -> Result<BTreeMap<NaiveDate, (i64, Amount)>> {
    let (start, end) = zone.window(period.from, period.to);
    let day = zone.local_day_sql("p.at", period.from, period.to);
    let sql = format!(
        "SELECT {day}, o.currency, o.exchange_rate, count(*), sum(-p.amount)
         FROM payments p JOIN orders o ON o.id = p.order_id
         WHERE p.amount < 0 AND p.at >= ?1 AND p.at < ?2 GROUP BY 1, 2, 3"
    );
    let rows: Vec<(String, String, String, i64, i64)> =
        sqlx::query_as(AssertSqlSafe(sql)).bind(start).bind(end).fetch_all(conn).await?;
    let mut refunds: BTreeMap<NaiveDate, (i64, Amount)> = BTreeMap::new();
    for (day, currency, rate, count, amount) in rows {
        let date = NaiveDate::parse_from_str(&day, "%Y-%m-%d").expect("SQLite date() gives YYYY-MM-DD");
        let entry = refunds.entry(date).or_insert((0, Amount::ZERO));
        entry.0 += count;
        entry.1 = entry.1 + in_base(Amount::from_storage(amount), &currency, &rate, base);
    }
    Ok(refunds)
}

pub fn report(
    period: Period,
    base: Currency,
    days: &BTreeMap<NaiveDate, Day>,
    refunds: &BTreeMap<NaiveDate, (i64, Amount)>,
) -> Report {
    let buckets = bucketed(&period, days);
    let refund_buckets: Vec<(i64, Amount)> = period
        .buckets()
        .into_iter()
        .map(|start| {
            refunds
                .range(period.from..=period.to)
                .filter(|(day, _)| period.grouping.bucket_start(**day) == start)
                .fold((0, Amount::ZERO), |(count, sum), (_, (n, amount))| (count + n, sum + *amount))
        })
        .collect();
    let rows = buckets
        .iter()
        .zip(&refund_buckets)
        .map(|((label, day), (refund_count, refunded))| {
            vec![
                label.clone(),
                day.cancelled.to_string(),
                day.returned_units.to_string(),
                day.returned.to_string(),
                refund_count.to_string(),
                refunded.to_string(),
            ]
        })
        .collect();
    let empty = buckets.iter().all(|(_, day)| day.cancelled.value().is_zero() && day.returned_units == 0)
        && refund_buckets.iter().all(|(count, _)| *count == 0);
    let currency = base.code();
    Report {
        name: ReportName::Returns,
        title: ReportName::Returns.title().into(),
        period,
        currency: currency.into(),
        columns: columns(&[
            ("period", "Period", false),
            ("cancelled", &format!("Cancelled ({currency})"), true),
            ("returnedUnits", "Units returned", true),
            ("returned", &format!("Returned ({currency})"), true),
            ("refunds", "Refunds", true),
            ("refunded", &format!("Refunded ({currency})"), true),
        ]),
        rows,
        chart: ChartData {
            kind: ChartKind::Bar,
            title: ReportName::Returns.title().into(),
            categories: buckets.iter().map(|(label, _)| label.clone()).collect(),
            category_label: period.grouping.title().into(),
            series: vec![
                Series {
                    name: "Cancelled".into(),
                    values: buckets.iter().map(|(_, d)| plotted(d.cancelled)).collect(),
                },
                Series { name: "Returned".into(), values: buckets.iter().map(|(_, d)| plotted(d.returned)).collect() },
                Series { name: "Refunded".into(), values: refund_buckets.iter().map(|(_, a)| plotted(*a)).collect() },
            ],
            value_label: format!("Amount ({currency})"),
            empty_message: if empty { nothing_in("returns or refunds") } else { None },
        },
    }
}
