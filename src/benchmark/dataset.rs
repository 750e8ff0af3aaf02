//! A large book for benchmarks, written straight into the tables in big
//! transactions (the services would take hours for a million orders). The
//! figures are consistent — line amounts, tax, totals and balances come from
//! the same functions the services use — but there is no history, payment or
//! stock-movement trail behind them. Use it only in a data folder of its own.

use std::time::{Duration, Instant};

use chrono::{DateTime, Duration as Days, Utc};
use rust_decimal::Decimal;
use sqlx::SqliteConnection;

use crate::Kontor;
use crate::demo::Random;
use crate::error::{Error, Result};
use crate::money::{Amount, Currency, TaxRate};
use crate::orders::{LineInput, compute_totals};

pub struct DatasetSize {
    pub orders: usize,
    pub lines_per_order: usize,
    pub products: usize,
    pub customers: usize,
}

/// Orders written per transaction: large enough to amortise the fsync.
const BATCH: usize = 20_000;

const STATUSES: [(&str, u64); 5] =
    [("delivered", 80), ("shipped", 5), ("processing", 4), ("placed", 6), ("cancelled", 5)];

/// Writes the dataset into an empty, set-up book and returns how long it took.
pub async fn generate(kontor: &Kontor, size: &DatasetSize, seed: u64) -> Result<Duration> {
    let started = Instant::now();
    let mut conn = kontor.store().pool().acquire().await?;
    let existing: i64 = sqlx::query_scalar("SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM products)")
        .fetch_one(&mut *conn)
        .await?;
    if existing > 0 {
        return Err(Error::InvalidInput {
            field: "dataDir",
            reason: "benchmark data goes into an empty book only; use a data folder of its own".into(),
        });
    }
    let base = crate::business::base_currency(&mut conn).await?;
    let now = kontor.now();
    let mut random = Random::new(seed);
    let prices = write_products(&mut conn, size.products, &mut random, now).await?;
    write_customers(&mut conn, size.customers, base, now).await?;
    let mut written = 0;
    while written < size.orders {
        let batch = BATCH.min(size.orders - written);
        write_orders(&mut conn, written, batch, size, &prices, base, &mut random, now).await?;
        written += batch;
    }
    sqlx::query(
        "UPDATE customers SET balance = (SELECT coalesce(sum(amount_total_base), 0) FROM orders
         WHERE customer_id = customers.id AND status IN ('placed', 'processing') AND shipped_at IS NULL)",
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query("ANALYZE").execute(&mut *conn).await?;
    Ok(started.elapsed())
}

/// Products `BEN-000001` …; returns each one's (unit price, tax rate), by index.
async fn write_products(
    conn: &mut SqliteConnection,
    count: usize,
    random: &mut Random,
    now: DateTime<Utc>,
) -> Result<Vec<(Amount, TaxRate)>> {
    let mut prices = Vec::with_capacity(count);
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    for n in 0..count {
        let price = Amount::new(Decimal::new(random.between(50, 50_000), 2));
        let tax = TaxRate::parse(if n % 4 == 0 { "7" } else { "19" })?;
        sqlx::query(
            "INSERT INTO products (sku, name, unit_price, cost, tax_rate, stock, reorder_level, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, 1000000, 10, ?, ?)",
        )
        .bind(format!("BEN-{:06}", n + 1))
        .bind(format!("Bench article {} {}", n + 1, ["bolt", "washer", "hinge", "bracket", "clamp"][n % 5]))
        .bind(price.to_storage("unitPrice")?)
        .bind(price.to_storage("cost")? / 2)
        .bind(tax.to_storage()?)
        .bind(now)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        prices.push((price, tax));
    }
    tx.commit().await?;
    Ok(prices)
}

async fn write_customers(conn: &mut SqliteConnection, count: usize, base: Currency, now: DateTime<Utc>) -> Result<()> {
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    for n in 0..count {
        sqlx::query("INSERT INTO customers (name, email, currency, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
            .bind(format!("Bench customer {:05}", n + 1))
            .bind(format!("customer{}@example.com", n + 1))
            .bind(base.code())
            .bind(now)
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

#[allow(clippy::too_many_arguments)] // one batch of the generator's state, used once
async fn write_orders(
    conn: &mut SqliteConnection,
    first: usize,
    count: usize,
    size: &DatasetSize,
    prices: &[(Amount, TaxRate)],
    base: Currency,
    random: &mut Random,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    for n in first..first + count {
        // Spread over the past year, oldest first, so ids follow time.
        let age =
            Days::seconds(365 * 24 * 3600 * i64::try_from(size.orders - n).unwrap_or(0) / size.orders.max(1) as i64);
        let at = now - age;
        let status = pick_status(random);
        // Distinct products per order: evenly spaced from a random start.
        let step = (prices.len() / size.lines_per_order.max(1)).max(1);
        let start = random.next() as usize;
        let products: Vec<usize> = (0..size.lines_per_order).map(|k| (start + k * step) % prices.len()).collect();
        let quantities: Vec<i64> = products.iter().map(|_| random.between(1, 9)).collect();
        let cancelled = status == "cancelled";
        let inputs: Vec<LineInput> = products
            .iter()
            .zip(&quantities)
            .map(|(&p, &q)| LineInput {
                unit_price: prices[p].0,
                tax_rate: prices[p].1,
                effective: if cancelled { 0 } else { q },
            })
            .collect();
        let totals = compute_totals(&inputs, base, Decimal::ONE, base);
        let shipped_at = matches!(status, "shipped" | "delivered").then_some(at + Days::days(1));
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO orders (number, customer_id, status, currency, exchange_rate, payment_method, amount_lines,
                                 amount_tax, amount_total, amount_total_base, placed_at, shipped_at, delivered_at,
                                 cancelled_at, created_at, updated_at)
             VALUES (?, ?, ?, ?, '1', 'bank_transfer', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(format!("SO-{:06}", n + 1))
        .bind(i64::try_from(n % size.customers).unwrap_or(0) + 1)
        .bind(status)
        .bind(base.code())
        .bind(totals.lines.to_storage("amountLines")?)
        .bind(totals.tax.to_storage("amountTax")?)
        .bind(totals.total.to_storage("amountTotal")?)
        .bind(totals.total_base.to_storage("amountTotalBase")?)
        .bind(at)
        .bind(shipped_at)
        .bind((status == "delivered").then_some(at + Days::days(3)))
        .bind(cancelled.then_some(at))
        .bind(at)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        for ((&p, &q), amount) in products.iter().zip(&quantities).zip(&totals.line_amounts) {
            sqlx::query(
                "INSERT INTO order_lines (order_id, product_id, sku, name, unit_price, tax_rate, ordered, cancelled,
                                          amount, state, created_at, updated_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(id)
            .bind(i64::try_from(p).unwrap_or(0) + 1)
            .bind(format!("BEN-{:06}", p + 1))
            .bind(format!("Bench article {}", p + 1))
            .bind(prices[p].0.to_storage("unitPrice")?)
            .bind(prices[p].1.to_storage()?)
            .bind(q)
            .bind(if cancelled { q } else { 0 })
            .bind(amount.to_storage("amount")?)
            .bind(if cancelled { "cancelled" } else { "placed" })
            .bind(at)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

fn pick_status(random: &mut Random) -> &'static str {
    let mut roll = random.next() % 100;
    for (status, percent) in STATUSES {
        if roll < percent {
            return status;
        }
        roll -= percent;
    }
    "delivered"
}
