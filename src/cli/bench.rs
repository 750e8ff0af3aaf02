//! `kontor bench`: prints the benchmark's figures as a table (or JSON).

use kontor::benchmark::invoices::InvoiceBenchOptions;
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
            "placing orders runs at {:.0}% of the raw one-row transaction rate; a placement writes {:.1} pages, \
             and runs at {:.0}% of a raw transaction writing as many",
            report.place_vs_raw * 100.0,
            report.pages_per_placement,
            report.place_vs_same_pages * 100.0
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

/// What `kontor bench` measures.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum BenchTarget {
    /// Placing orders, the orders list and product search on a large book
    Orders,
    /// Invoice PDFs in-process and as a process, a batch, wkhtmltopdf and Chromium
    Invoices,
}

/// `kontor bench invoices`: works in a throw-away book, not the data folder.
pub async fn invoices(runs: usize, batch: usize, json: bool) -> Result<()> {
    let kontor_exe = std::env::current_exe().map_err(|source| kontor::Error::File {
        action: "find",
        path: "kontor".into(),
        source,
    })?;
    let options = InvoiceBenchOptions { runs, batch, kontor_exe };
    let report = kontor::benchmark::invoices::run(&options).await?;
    output::print(json, &report, || {
        let mut lines = vec![format!(
            "{:<45} {:>6} {:>9} {:>8} {:>8} {:>8}",
            "invoice PDF", "runs", "per s", "p50 ms", "p95 ms", "p99 ms"
        )];
        lines.extend(report.timings.iter().map(|t| {
            format!(
                "{:<45} {:>6} {:>9.1} {:>8.2} {:>8.2} {:>8.2}",
                t.name, t.runs, t.per_second, t.p50_ms, t.p95_ms, t.p99_ms
            )
        }));
        let p50 = |prefix: &str, pages: &str| {
            report.timings.iter().find(|t| t.name.starts_with(prefix) && t.name.ends_with(pages)).map(|t| t.p50_ms)
        };
        for pages in [", 1 page", ", 10 pages"] {
            for peer in ["wkhtmltopdf", "chromium"] {
                if let (Some(kontor), Some(peer_ms)) = (p50("kontor invoice pdf process", pages), p50(peer, pages)) {
                    lines.push(format!(
                        "{}: the kontor process is {:.0}× faster than {peer}",
                        &pages[2..],
                        peer_ms / kontor
                    ));
                }
            }
        }
        lines.push(format!(
            "file size: 1 page {:.1} KB, 10 pages ({} lines) {:.1} KB (subset font, no logo)",
            report.one_page_bytes as f64 / 1024.0,
            report.ten_page_lines,
            report.ten_page_bytes as f64 / 1024.0
        ));
        lines.push(format!(
            "batch: {} invoices issued and exported in {:.2} s",
            report.batch_invoices, report.batch_seconds
        ));
        lines.extend(report.skipped.iter().map(|reason| format!("skipped {reason}")));
        lines.join("\n")
    });
    Ok(())
}
