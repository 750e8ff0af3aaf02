//! The timed part of `kontor bench`: placing orders through the service next
//! to raw one-row SQLite transactions at the same `synchronous` setting, the
//! first page of the orders list, and product search as you type.

use std::time::{Duration, Instant};

use serde::Serialize;

use crate::Kontor;
use crate::demo::Random;
use crate::error::Result;
use crate::orders::{NewLine, NewOrder, OrderQuery, OrderStatus, PaymentMethod};
use crate::products::ProductQuery;
use crate::staff::Actor;

/// Latency figures of one measured operation, in milliseconds.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timing {
    pub name: String,
    pub runs: usize,
    pub per_second: f64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
}

impl Timing {
    pub(crate) fn of(name: &str, mut samples: Vec<Duration>) -> Timing {
        samples.sort();
        let total: Duration = samples.iter().sum();
        let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize].as_secs_f64() * 1000.0;
        Timing {
            name: name.to_string(),
            runs: samples.len(),
            per_second: samples.len() as f64 / total.as_secs_f64(),
            p50_ms: at(0.50),
            p95_ms: at(0.95),
            p99_ms: at(0.99),
        }
    }
}

pub(super) async fn time<F, Fut>(runs: usize, mut op: F) -> Result<Vec<Duration>>
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = Result<()>>,
{
    let mut samples = Vec::with_capacity(runs);
    for run in 0..runs {
        let started = Instant::now();
        op(run).await?;
        samples.push(started.elapsed());
    }
    Ok(samples)
}

/// Places `runs` orders of three lines for random customers of the dataset.
pub async fn place_orders(
    kontor: &Kontor,
    actor: &Actor,
    runs: usize,
    products: usize,
    customers: usize,
) -> Result<Timing> {
    let mut random = Random::new(99);
    let samples = time(runs, |_| {
        let first = random.between(1, i64::try_from(products).unwrap_or(1) - 3);
        let input = NewOrder {
            customer_id: random.between(1, i64::try_from(customers).unwrap_or(1)),
            currency: None,
            exchange_rate: None,
            payment_method: PaymentMethod::Card,
            urgent: false,
            promised_date: None,
            notes: String::new(),
            lines: (0..3).map(|k| NewLine { sku: format!("BEN-{:06}", first + k), quantity: 2 }).collect(),
            place: true,
            credit_override: None,
        };
        async move { kontor.create_order(actor, input).await.map(|_| ()) }
    })
    .await?;
    Ok(Timing::of("place an order of 3 lines", samples))
}

/// One-row write transactions, the fastest a write can commit on this disk.
pub async fn raw_sqlite_writes(kontor: &Kontor, runs: usize) -> Result<Timing> {
    let pool = kontor.store().pool();
    sqlx::query("CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)")
        .execute(pool)
        .await?;
    let samples = time(runs, |run| async move {
        let mut tx = kontor.store().write().await?;
        sqlx::query("INSERT INTO bench_raw (value) VALUES (?)")
            .bind(i64::try_from(run).unwrap_or(0))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    })
    .await?;
    sqlx::query("DROP TABLE bench_raw").execute(pool).await?;
    Ok(Timing::of("raw SQLite one-row transaction", samples))
}

/// A transaction that rewrites `pages` whole pages in one statement: the
/// least a commit of that many pages costs on this disk, whatever writes them.
pub async fn raw_sqlite_page_writes(kontor: &Kontor, runs: usize, pages: usize) -> Result<Timing> {
    let pool = kontor.store().pool();
    // 3,500 bytes a row on 4 KiB pages: every row fills a page of its own.
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS bench_pages (id INTEGER PRIMARY KEY, round INTEGER NOT NULL, filler BLOB NOT NULL)",
    )
    .execute(pool)
    .await?;
    sqlx::query(
        "WITH RECURSIVE n (id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n WHERE id < ?)
         INSERT INTO bench_pages (id, round, filler) SELECT id, 0, zeroblob(3500) FROM n",
    )
    .bind(i64::try_from(pages).unwrap_or(1))
    .execute(pool)
    .await?;
    let samples = time(runs, |run| async move {
        let mut tx = kontor.store().write().await?;
        sqlx::query("UPDATE bench_pages SET round = ?").bind(i64::try_from(run).unwrap_or(0)).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    })
    .await?;
    sqlx::query("DROP TABLE bench_pages").execute(pool).await?;
    Ok(Timing::of(&format!("raw SQLite transaction writing {pages} pages"), samples))
}

/// Pages written to the write-ahead log per run of `op`, over `runs` runs:
/// what a commit has to write and sync. The log starts empty and stays under
/// SQLite's auto-checkpoint (1,000 pages) for the small `runs` used here.
pub async fn wal_pages_per_run<F, Fut>(kontor: &Kontor, runs: usize, op: F) -> Result<f64>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<()>>,
{
    let pool = kontor.store().pool();
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(pool).await?;
    op().await?;
    let (_busy, pages, _checkpointed): (i64, i64, i64) =
        sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)").fetch_one(pool).await?;
    Ok(pages as f64 / runs as f64)
}

/// The orders list's first page, filtered by status and searched.
pub async fn orders_first_page(kontor: &Kontor, actor: &Actor, runs: usize) -> Result<Timing> {
    let searches = ["customer 0042", "SO-0001", "Bench customer 01", "SO-00099", "customer 1999"];
    let samples = time(runs, |run| {
        let query = OrderQuery {
            status: Some(if run % 2 == 0 { OrderStatus::Delivered } else { OrderStatus::Placed }),
            search: Some(searches[run % searches.len()].to_string()),
            limit: 50,
            ..OrderQuery::default()
        };
        async move { kontor.list_orders(actor, &query).await.map(|_| ()) }
    })
    .await?;
    Ok(Timing::of("orders list, first page, filter + search", samples))
}

/// Product search as a clerk types "BEN-01234" or "hinge" one key at a time.
pub async fn product_search(kontor: &Kontor, actor: &Actor, runs: usize) -> Result<Timing> {
    let typed: Vec<String> = ["BEN-01234", "Bench article 77", "hinge"]
        .iter()
        .flat_map(|word| (1..=word.len()).map(move |n| word[..n].to_string()))
        .collect();
    let samples = time(runs, |run| {
        let query = ProductQuery {
            search: Some(typed[run % typed.len()].clone()),
            low_stock_only: false,
            active_only: true,
            offset: 0,
            limit: 10,
        };
        async move { kontor.list_products(actor, query).await.map(|_| ()) }
    })
    .await?;
    Ok(Timing::of("product search as you type (10 results)", samples))
}
