//! Stock on hand: every change is a movement with a reason, and on hand never
//! goes below zero unless the product allows backorders.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::staff::Actor;

/// Why stock moved; stored in `stock_movements.reason`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StockReason {
    Order,
    OrderChange,
    LineCancelled,
    OrderCancelled,
    Return,
    Recount,
    Damage,
    DeliveryReceived,
}

impl StockReason {
    const ALL: [StockReason; 8] = [
        StockReason::Order,
        StockReason::OrderChange,
        StockReason::LineCancelled,
        StockReason::OrderCancelled,
        StockReason::Return,
        StockReason::Recount,
        StockReason::Damage,
        StockReason::DeliveryReceived,
    ];

    /// Reads a stored reason back.
    pub fn parse(text: &str) -> Result<StockReason> {
        StockReason::ALL.into_iter().find(|reason| reason.as_str() == text).ok_or_else(|| Error::InvalidInput {
            field: "reason",
            reason: format!("\"{text}\" is not a reason stock moves for"),
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StockReason::Order => "order",
            StockReason::OrderChange => "order_change",
            StockReason::LineCancelled => "line_cancelled",
            StockReason::OrderCancelled => "order_cancelled",
            StockReason::Return => "return",
            StockReason::Recount => "recount",
            StockReason::Damage => "damage",
            StockReason::DeliveryReceived => "delivery_received",
        }
    }
}

/// One stock movement, as the caller describes it.
pub struct Movement<'a> {
    pub product_id: i64,
    pub delta: i64,
    pub reason: StockReason,
    pub order_id: Option<i64>,
    pub note: &'a str,
}

/// Applies a movement inside the caller's transaction and returns the new
/// stock on hand; refuses with `insufficient_stock` rather than go negative.
pub(crate) async fn move_stock(
    conn: &mut SqliteConnection,
    movement: Movement<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<i64> {
    if movement.delta == 0 {
        return current_stock(conn, movement.product_id).await;
    }
    let moved = move_stocks(conn, &[movement], actor, now).await?;
    Ok(moved[0].1)
}

/// Applies movements of different products in two statements however many
/// there are (up to `ROWS_PER_STATEMENT`; placing an order moves one per
/// line) and returns each moved product's id and new stock. A zero delta
/// moves nothing and is skipped. The first movement that would take a
/// product below zero is refused with `insufficient_stock`; others may be
/// applied by then, so the caller drops its transaction on any error, as
/// every caller does.
pub(crate) async fn move_stocks(
    conn: &mut SqliteConnection,
    movements: &[Movement<'_>],
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Vec<(i64, i64)>> {
    let moving: Vec<&Movement> = movements.iter().filter(|movement| movement.delta != 0).collect();
    let mut stock_after = HashMap::with_capacity(moving.len());
    for chunk in moving.chunks(crate::store::ROWS_PER_STATEMENT) {
        stock_after.extend(change_stock(conn, chunk, now).await?);
        record(conn, chunk, actor, now).await?;
    }
    Ok(moving.iter().map(|movement| (movement.product_id, stock_after[&movement.product_id])).collect())
}

/// Changes the stock of each product moved; returns their ids and new stock.
/// One guarded write: a product's stock only moves if it stays at or above
/// zero (or the product allows backorders); the first that did not is read
/// to say why.
async fn change_stock(
    conn: &mut SqliteConnection,
    moving: &[&Movement<'_>],
    now: DateTime<Utc>,
) -> Result<Vec<(i64, i64)>> {
    let mut update = QueryBuilder::<Sqlite>::new("WITH moving (product_id, delta) AS (");
    update.push_values(moving, |mut row, movement| {
        row.push_bind(movement.product_id).push_bind(movement.delta);
    });
    update.push(") UPDATE products SET stock = stock + moving.delta, updated_at = ").push_bind(now).push(
        " FROM moving WHERE products.id = moving.product_id
                AND (products.stock + moving.delta >= 0 OR products.allow_backorder)
              RETURNING products.id, products.stock",
    );
    let moved: Vec<(i64, i64)> = update.build_query_as().fetch_all(&mut *conn).await?;
    let applied: HashSet<i64> = moved.iter().map(|(id, _)| *id).collect();
    match moving.iter().find(|movement| !applied.contains(&movement.product_id)) {
        Some(refused) => Err(refusal(conn, refused).await?),
        None => Ok(moved),
    }
}

/// Writes the movements to the stock trail.
async fn record(
    conn: &mut SqliteConnection,
    moving: &[&Movement<'_>],
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut insert = QueryBuilder::<Sqlite>::new(
        "INSERT INTO stock_movements (product_id, delta, reason, order_id, note, actor_name, at) ",
    );
    insert.push_values(moving, |mut row, movement| {
        row.push_bind(movement.product_id)
            .push_bind(movement.delta)
            .push_bind(movement.reason.as_str())
            .push_bind(movement.order_id)
            .push_bind(movement.note)
            .push_bind(&actor.name)
            .push_bind(now);
    });
    insert.build().execute(conn).await?;
    Ok(())
}

/// Why a movement was not applied: the product is gone, or has too little.
async fn refusal(conn: &mut SqliteConnection, movement: &Movement<'_>) -> Result<Error> {
    let found: Option<(String, i64)> = sqlx::query_as("SELECT sku, stock FROM products WHERE id = ?")
        .bind(movement.product_id)
        .fetch_optional(conn)
        .await?;
    Ok(match found {
        Some((sku, stock)) => Error::InsufficientStock { sku, available: stock, requested: -movement.delta },
        None => Error::NotFound { entity: "product", key: movement.product_id.to_string() },
    })
}

async fn current_stock(conn: &mut SqliteConnection, product_id: i64) -> Result<i64> {
    sqlx::query_scalar("SELECT stock FROM products WHERE id = ?")
        .bind(product_id)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| Error::NotFound { entity: "product", key: product_id.to_string() })
}
