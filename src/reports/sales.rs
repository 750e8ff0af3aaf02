//! Sales over time (revenue, orders, average order value) and gross profit
//! (revenue − cost), bucket by bucket from the daily figures.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::daily::Day;
use super::period::Period;
use super::report::{ChartData, ChartKind, Report, ReportName, Series, columns, nothing_in, percent, plotted};
use crate::money::{Amount, Currency};

/// The daily figures summed into the period's buckets, every bucket present.
pub fn bucketed(period: &Period, days: &BTreeMap<NaiveDate, Day>) -> Vec<(String, Day)> {
    let mut buckets: Vec<(NaiveDate, String, Day)> =
        period.labelled_buckets().into_iter().map(|(start, label)| (start, label, Day::default())).collect();
    for (day, figures) in days.range(period.from..=period.to) {
        let start = period.grouping.bucket_start(*day);
        if let Some((_, _, bucket)) = buckets.iter_mut().find(|(bucket_start, ..)| *bucket_start == start) {
            bucket.add(figures);
        }
    }
    buckets.into_iter().map(|(_, label, figures)| (label, figures)).collect()
}

/// Revenue per order, rounded to the base currency; zero without orders.
pub fn average_order_value(revenue: Amount, orders: i64, base: Currency) -> Amount {
    if orders == 0 {
        return Amount::ZERO;
    }
    Amount::new(revenue.value() / Decimal::from(orders)).round_to(base)
}

fn has_sales(buckets: &[(String, Day)]) -> bool {
    buckets.iter().any(|(_, day)| *day != Day::default())
}

pub fn sales(period: Period, base: Currency, days: &BTreeMap<NaiveDate, Day>) -> Report {
    let buckets = bucketed(&period, days);
    let rows = buckets
        .iter()
        .map(|(label, day)| {
            vec![
                label.clone(),
                day.orders.to_string(),
                day.booked.to_string(),
                (day.cancelled + day.returned).to_string(),
                day.revenue().to_string(),
                average_order_value(day.revenue(), day.orders, base).to_string(),
            ]
        })
        .collect();
    let currency = base.code();
    Report {
        name: ReportName::Sales,
        title: ReportName::Sales.title().into(),
        period,
        currency: currency.into(),
        columns: columns(&[
            ("period", "Period", false),
            ("orders", "Orders", true),
            ("booked", &format!("Booked ({currency})"), true),
            ("reductions", &format!("Cancelled and returned ({currency})"), true),
            ("revenue", &format!("Revenue ({currency})"), true),
            ("averageOrderValue", &format!("Average order ({currency})"), true),
        ]),
        rows,
        chart: ChartData {
            kind: ChartKind::Line,
            title: ReportName::Sales.title().into(),
            categories: buckets.iter().map(|(label, _)| label.clone()).collect(),
            category_label: period.grouping.title().into(),
            series: vec![Series {
                name: "Revenue".into(),
                values: buckets.iter().map(|(_, day)| plotted(day.revenue())).collect(),
            }],
            value_label: format!("Revenue ({currency})"),
            empty_message: if has_sales(&buckets) { None } else { nothing_in("sales") },
        },
    }
}

pub fn gross_profit(period: Period, base: Currency, days: &BTreeMap<NaiveDate, Day>) -> Report {
    let buckets = bucketed(&period, days);
    let rows = buckets
        .iter()
        .map(|(label, day)| {
            let profit = day.revenue() - day.cost;
            vec![
                label.clone(),
                day.revenue().to_string(),
                day.cost.to_string(),
                profit.to_string(),
                margin(profit, day.revenue()),
            ]
        })
        .collect();
    let currency = base.code();
    Report {
        name: ReportName::GrossProfit,
        title: ReportName::GrossProfit.title().into(),
        period,
        currency: currency.into(),
        columns: columns(&[
            ("period", "Period", false),
            ("revenue", &format!("Revenue ({currency})"), true),
            ("cost", &format!("Cost ({currency})"), true),
            ("grossProfit", &format!("Gross profit ({currency})"), true),
            ("margin", "Margin (%)", true),
        ]),
        rows,
        chart: ChartData {
            kind: ChartKind::Bar,
            title: ReportName::GrossProfit.title().into(),
            categories: buckets.iter().map(|(label, _)| label.clone()).collect(),
            category_label: period.grouping.title().into(),
            series: vec![
                Series {
                    name: "Revenue".into(),
                    values: buckets.iter().map(|(_, day)| plotted(day.revenue())).collect(),
                },
                Series {
                    name: "Gross profit".into(),
                    values: buckets.iter().map(|(_, day)| plotted(day.revenue() - day.cost)).collect(),
                },
            ],
            value_label: format!("Amount ({currency})"),
            empty_message: if has_sales(&buckets) { None } else { nothing_in("sales") },
        },
    }
}

/// Profit as a percentage of revenue, one decimal; "–" without revenue.
fn margin(profit: Amount, revenue: Amount) -> String {
    if revenue.value().is_zero() {
        return "–".into();
    }
    percent(profit.value(), revenue.value())
}
