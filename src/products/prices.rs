//! A product's price history (`product_prices`) and the stock movements its
//! detail shows (`stock_movements`, written by `stock::move_stock`).

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::stock::StockReason;
use super::store::ProductFields;
use super::{PriceChange, StockMovement};
use crate::error::Result;
use crate::money::Amount;

/// Records the price and cost in force from `now`.
pub(super) async fn insert_price(
    conn: &mut SqliteConnection,
    product_id: i64,
    fields: &ProductFields,
    actor_name: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO product_prices (product_id, valid_from, unit_price, cost, actor_name) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(product_id)
    .bind(now)
    .bind(fields.unit_price)
    .bind(fields.cost)
    .bind(actor_name)
    .execute(conn)
    .await?;
    Ok(())
}

/// Every price the product has had, newest first.
pub(super) async fn list_prices(conn: &mut SqliteConnection, product_id: i64) -> Result<Vec<PriceChange>> {
    let rows: Vec<(DateTime<Utc>, i64, i64, String)> = sqlx::query_as(
        "SELECT valid_from, unit_price, cost, actor_name FROM product_prices WHERE product_id = ? ORDER BY id DESC",
    )
    .bind(product_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(valid_from, unit_price, cost, actor_name)| PriceChange {
            valid_from,
            unit_price: Amount::from_storage(unit_price),
            cost: Amount::from_storage(cost),
            actor_name,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct MovementRow {
    at: DateTime<Utc>,
    delta: i64,
    reason: String,
    order_id: Option<i64>,
    note: String,
    actor_name: String,
}

/// The product's most recent stock movements, newest first.
pub(super) async fn recent_movements(
    conn: &mut SqliteConnection,
    product_id: i64,
    limit: u32,
) -> Result<Vec<StockMovement>> {
    let rows: Vec<MovementRow> = sqlx::query_as(
        "SELECT at, delta, reason, order_id, note, actor_name FROM stock_movements
         WHERE product_id = ? ORDER BY id DESC LIMIT ?",
    )
    .bind(product_id)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(StockMovement {
                at: row.at,
                delta: row.delta,
                reason: StockReason::parse(&row.reason)?,
                order_id: row.order_id,
                note: row.note,
                actor_name: row.actor_name,
            })
        })
        .collect()
}
