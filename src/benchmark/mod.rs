//! `kontor bench`: builds a large book and measures the operations a busy
//! shop feels — placing orders, the orders list, product search — with the
//! figures next to the same machine's raw SQLite write rate.

mod dataset;
pub mod invoices;
mod measure;
mod peers;
mod reports;

use serde::Serialize;

use crate::Kontor;
use crate::error::Result;
use crate::staff::Actor;
pub use dataset::DatasetSize;
pub use measure::Timing;
pub use reports::ReportsBench;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BenchReport {
    pub orders: usize,
    pub lines: usize,
    pub products: usize,
    pub customers: usize,
    pub generate_seconds: f64,
    pub timings: Vec<Timing>,
    /// Order placements per second as a share of raw one-row transactions.
    pub place_vs_raw: f64,
    /// Pages one placement writes to the write-ahead log (and syncs).
    pub pages_per_placement: f64,
    /// Order placements per second as a share of raw transactions that
    /// write as many pages: how close placing comes to what the disk allows.
    pub place_vs_same_pages: f64,
    pub reports: ReportsBench,
}

/// Orders placed (after the timed ones) to count the pages a placement writes.
pub const WAL_SAMPLE: usize = 20;

/// Generates the dataset into an empty book, then measures.
pub async fn run(kontor: &Kontor, actor: &Actor, size: DatasetSize, runs: usize) -> Result<BenchReport> {
    let generated = dataset::generate(kontor, &size, 7).await?;
    let place = measure::place_orders(kontor, actor, runs, size.products, size.customers).await?;
    let raw = measure::raw_sqlite_writes(kontor, runs).await?;
    let pages_per_placement = measure::wal_pages_per_run(kontor, WAL_SAMPLE, || async {
        measure::place_orders(kontor, actor, WAL_SAMPLE, size.products, size.customers).await.map(|_| ())
    })
    .await?;
    let same_pages = measure::raw_sqlite_page_writes(kontor, runs, pages_per_placement.round() as usize).await?;
    let list = measure::orders_first_page(kontor, actor, 200).await?;
    let search = measure::product_search(kontor, actor, 500).await?;
    let reports = reports::run(kontor, actor, 10).await?;
    Ok(BenchReport {
        orders: size.orders,
        lines: size.orders * size.lines_per_order,
        products: size.products,
        customers: size.customers,
        generate_seconds: generated.as_secs_f64(),
        place_vs_raw: place.per_second / raw.per_second,
        pages_per_placement,
        place_vs_same_pages: place.per_second / same_pages.per_second,
        timings: vec![place, raw, same_pages, list, search],
        reports,
    })
}
