//! A large book for benchmarks, written straight into the tables in big
//! transactions (the services would take hours for a million orders). The
//! figures are consistent — line amounts, tax, totals and balances come from
//! the same functions the services use — but there is no history, payment or
//! stock-movement trail behind them. Use it only in a data folder of its own.

use std::time::{Duration, Instant};

use chrono::{DateTime, Duration as Days, Utc};
use rust_decimal::Decimal;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

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

/// Rows per multi-row INSERT: one statement instead of hundreds, well under
/// SQLite's limit of 32,766 bound values (17 a row at most here).
const ROWS_PER_INSERT: usize = 1_000;

const STATUSES: [(&str, u64); 5] =
    [("delivered", 80), ("shipped", 5), ("processing", 4), ("placed", 6), ("cancelled", 5)];

/// Writes the dataset into an empty, set-up book and returns how long it took.
pub async fn generate(kontor: &Kontor, size: &DatasetSize, seed: u64) -> Result<Duration> {
    let started = Instant::now();
    // A connection of its own, closed afterwards, so the loading pragmas
    // below never reach the pool the services use.
    let mut conn = kontor.store().pool().acquire().await?.detach();
    let existing: i64 = sqlx::query_scalar("SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM products)")
        .fetch_one(&mut conn)
        .await?;
    if existing > 0 {
        return Err(Error::InvalidInput {
            field: "dataDir",
            reason: "benchmark data goes into an empty book only; use a data folder of its own".into(),
        });
    }
    // A big page cache keeps the B-trees being appended to in memory.
    sqlx::query("PRAGMA cache_size = -1000000").execute(&mut conn).await?;
    let base = crate::business::base_currency(&mut conn).await?;
    let now = kontor.now();
    let mut random = Random::new(seed);
    let prices = write_products(&mut conn, size.products, &mut random, now).await?;
    write_customers(&mut conn, size.customers, base, now).await?;
    // Secondary indexes are built once at the end from sorted data, which is
    // several times faster than keeping them up to date row by row.
    let indexes = drop_indexes(&mut conn, &["orders", "order_lines"]).await?;
    let mut written = 0;
    while written < size.orders {
        let batch = BATCH.min(size.orders - written);
        write_orders(&mut conn, written, batch, size, &prices, base, &mut random, now).await?;
        written += batch;
    }
    for create in indexes {
        sqlx::query(sqlx::AssertSqlSafe(create)).execute(&mut conn).await?;
    }
    sqlx::query(
        "UPDATE customers SET balance = (SELECT coalesce(sum(amount_total_base), 0) FROM orders
         WHERE customer_id = customers.id AND status IN ('placed', 'processing') AND shipped_at IS NULL)",
    )
    .execute(&mut conn)
    .await?;
    // The rows went in past the services, so the sales rollup is built from them.
    crate::reports::rollup::rebuild(&mut conn).await?;
    // Table statistics as `PRAGMA optimize` would gather them, but without
    // the STAT4 samples of key values (the bundled SQLite is built with
    // them): with those, SQLite re-plans a statement every time a bound value
    // changes, which on this book cost placing an order a tenth of its time
    // and doubled product search.
    sqlx::query("ANALYZE").execute(&mut conn).await?;
    sqlx::query("DELETE FROM sqlite_stat4").execute(&mut conn).await?;
    sqlx::query("ANALYZE sqlite_schema").execute(&mut conn).await?;
    Ok(started.elapsed())
}

/// Drops the named tables' own (non-automatic) indexes; returns the
/// statements that create them again.
async fn drop_indexes(conn: &mut SqliteConnection, tables: &[&str]) -> Result<Vec<String>> {
    let mut creates = Vec::new();
    for table in tables {
        let indexes: Vec<(String, String)> = sqlx::query_as(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        )
        .bind(table)
        .fetch_all(&mut *conn)
        .await?;
        for (name, create) in indexes {
            sqlx::query(sqlx::AssertSqlSafe(format!("DROP INDEX \"{name}\""))).execute(&mut *conn).await?;
            creates.push(create);
        }
    }
    Ok(creates)
}

/// Products `BEN-000001` …; returns each one's (unit price, tax rate), by index.
async fn write_products(
    conn: &mut SqliteConnection,
    count: usize,
    random: &mut Random,
    now: DateTime<Utc>,
) -> Result<Vec<(Amount, TaxRate)>> {
    let mut prices = Vec::with_capacity(count);
    for n in 0..count {
        let price = Amount::new(Decimal::new(random.between(50, 50_000), 2));
        let tax = TaxRate::parse(if n % 4 == 0 { "7" } else { "19" })?;
        prices.push((price, tax));
    }
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    for chunk in (0..count).collect::<Vec<_>>().chunks(ROWS_PER_INSERT) {
        let mut insert = QueryBuilder::<Sqlite>::new(
            "INSERT INTO products (sku, name, unit_price, cost, tax_rate, stock, reorder_level, created_at, updated_at) ",
        );
        let mut rows = Vec::with_capacity(chunk.len());
        for &n in chunk {
            let (price, tax) = prices[n];
            rows.push((n, price.to_storage("unitPrice")?, tax.to_storage()?));
        }
        insert.push_values(rows, |mut row, (n, price, tax)| {
            row.push_bind(format!("BEN-{:06}", n + 1))
                .push_bind(format!(
                    "Bench article {} {}",
                    n + 1,
                    ["bolt", "washer", "hinge", "bracket", "clamp"][n % 5]
                ))
                .push_bind(price)
                .push_bind(price / 2)
                .push_bind(tax)
                .push_bind(1_000_000)
                .push_bind(10)
                .push_bind(now)
                .push_bind(now);
        });
        insert.build().execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(prices)
}

async fn write_customers(conn: &mut SqliteConnection, count: usize, base: Currency, now: DateTime<Utc>) -> Result<()> {
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    for chunk in (0..count).collect::<Vec<_>>().chunks(ROWS_PER_INSERT) {
        let mut insert =
            QueryBuilder::<Sqlite>::new("INSERT INTO customers (name, email, currency, created_at, updated_at) ");
        insert.push_values(chunk, |mut row, n| {
            row.push_bind(format!("Bench customer {:05}", n + 1))
                .push_bind(format!("customer{}@example.com", n + 1))
                .push_bind(base.code())
                .push_bind(now)
                .push_bind(now);
        });
        insert.build().execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// One generated order, ready to be written.
struct OrderRow {
    id: i64,
    customer_id: i64,
    status: &'static str,
    at: DateTime<Utc>,
    totals: [i64; 4],
    lines: Vec<LineRow>,
}

struct LineRow {
    product: usize,
    quantity: i64,
    amount: i64,
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
    let mut orders = Vec::with_capacity(count);
    for n in first..first + count {
        orders.push(make_order(n, size, prices, base, random, now)?);
    }
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    for chunk in orders.chunks(ROWS_PER_INSERT) {
        let mut insert = QueryBuilder::<Sqlite>::new(
            "INSERT INTO orders (id, number, customer_id, status, currency, exchange_rate, payment_method, amount_lines,
                                 amount_tax, amount_total, amount_total_base, placed_at, shipped_at, delivered_at,
                                 cancelled_at, created_at, updated_at) ",
        );
        insert.push_values(chunk, |mut row, order| {
            let shipped_at = matches!(order.status, "shipped" | "delivered").then_some(order.at + Days::days(1));
            row.push_bind(order.id)
                .push_bind(format!("SO-{:06}", order.id))
                .push_bind(order.customer_id)
                .push_bind(order.status)
                .push_bind(base.code())
                .push_bind("1")
                .push_bind("bank_transfer");
            for amount in order.totals {
                row.push_bind(amount);
            }
            row.push_bind(order.at)
                .push_bind(shipped_at)
                .push_bind((order.status == "delivered").then_some(order.at + Days::days(3)))
                .push_bind((order.status == "cancelled").then_some(order.at))
                .push_bind(order.at)
                .push_bind(order.at);
        });
        insert.build().execute(&mut *tx).await?;
    }
    let lines: Vec<(&OrderRow, &LineRow)> =
        orders.iter().flat_map(|order| order.lines.iter().map(move |line| (order, line))).collect();
    for chunk in lines.chunks(ROWS_PER_INSERT) {
        let mut insert = QueryBuilder::<Sqlite>::new(
            "INSERT INTO order_lines (order_id, product_id, sku, name, unit_price, tax_rate, ordered, cancelled,
                                      amount, state, created_at, updated_at) ",
        );
        let mut rows = Vec::with_capacity(chunk.len());
        for &(order, line) in chunk {
            let (price, tax) = prices[line.product];
            rows.push((order, line, price.to_storage("unitPrice")?, tax.to_storage()?));
        }
        insert.push_values(rows, |mut row, (order, line, price, tax)| {
            let cancelled = order.status == "cancelled";
            row.push_bind(order.id)
                .push_bind(i64::try_from(line.product).unwrap_or(0) + 1)
                .push_bind(format!("BEN-{:06}", line.product + 1))
                .push_bind(format!("Bench article {}", line.product + 1))
                .push_bind(price)
                .push_bind(tax)
                .push_bind(line.quantity)
                .push_bind(if cancelled { line.quantity } else { 0 })
                .push_bind(line.amount)
                .push_bind(if cancelled { "cancelled" } else { "placed" })
                .push_bind(order.at)
                .push_bind(order.at);
        });
        insert.build().execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Order number `n` (from 0): its time, status, lines and totals.
fn make_order(
    n: usize,
    size: &DatasetSize,
    prices: &[(Amount, TaxRate)],
    base: Currency,
    random: &mut Random,
    now: DateTime<Utc>,
) -> Result<OrderRow> {
    // Spread over the past year, oldest first, so ids follow time.
    let age = Days::seconds(365 * 24 * 3600 * i64::try_from(size.orders - n).unwrap_or(0) / size.orders.max(1) as i64);
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
    let mut lines = Vec::with_capacity(products.len());
    for ((&product, &quantity), amount) in products.iter().zip(&quantities).zip(&totals.line_amounts) {
        lines.push(LineRow { product, quantity, amount: amount.to_storage("amount")? });
    }
    Ok(OrderRow {
        id: i64::try_from(n).unwrap_or(0) + 1,
        customer_id: i64::try_from(n % size.customers).unwrap_or(0) + 1,
        status,
        at: now - age,
        totals: [
            totals.lines.to_storage("amountLines")?,
            totals.tax.to_storage("amountTax")?,
            totals.total.to_storage("amountTotal")?,
            totals.total_base.to_storage("amountTotalBase")?,
        ],
        lines,
    })
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
