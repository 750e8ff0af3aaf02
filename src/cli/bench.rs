//! `kontor bench`: prints the benchmark's figures as a table (or JSON).

use kontor::benchmark::{self, DatasetSize};
use kontor::staff::Actor;
use kontor::{Kontor, Result};

use super::output;

pub async fn run(kontor: &Kontor, actor: &Actor, size: DatasetSize, runs: usize, json: bool) -> Result<()> {
    if kontor.business_profile().await?.is_none() {
        kontor.register_business(actor, "Benchmark GmbH", "EUR").await?;
    }
    let report = benchmark::run(kontor, actor, size, runs).await?;
    output::print(json, &report, || {
        let mut lines = vec![
            format!(
                "dataset: {} orders, {} lines, {} products, {} customers, generated in {:.1} s",
                report.orders, report.lines, report.products, report.customers, report.generate_seconds
            ),
            format!("{:<45} {:>6} {:>9} {:>8} {:>8} {:>8}", "operation", "runs", "per s", "p50 ms", "p95 ms", "p99 ms"),
        ];
        lines.extend(report.timings.iter().map(|t| {
            format!(
                "{:<45} {:>6} {:>9.0} {:>8.2} {:>8.2} {:>8.2}",
                t.name, t.runs, t.per_second, t.p50_ms, t.p95_ms, t.p99_ms
            )
        }));
        lines.push(format!(
            "placing orders runs at {:.0}% of the raw one-row transaction rate",
            report.place_vs_raw * 100.0
        ));
        let reports = &report.reports;
        lines.extend(reports.timings.iter().chain(reports.sqlite3.iter().map(|run| &run.timing)).map(|t| {
            format!(
                "{:<45} {:>6} {:>9.0} {:>8.2} {:>8.2} {:>8.2}",
                t.name, t.runs, t.per_second, t.p50_ms, t.p95_ms, t.p99_ms
            )
        }));
        lines.push(format!(
            "one year of daily sales: {} orders, revenue {} (sqlite3, same figures: {} orders, {}); report ÷ sqlite3 = {:.2}",
            reports.report_orders,
            reports.report_revenue,
            reports.sqlite3[0].orders,
            reports.sqlite3[0].revenue,
            reports.report_vs_sqlite3
        ));
        lines.join("\n")
    });
    Ok(())
}
