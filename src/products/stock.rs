//! Stock on hand: every change is a movement with a reason, and on hand never
//! goes below zero unless the product allows backorders.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::SqliteConnection;
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
    // One guarded write: the stock only moves if it stays at or above zero
    // (or the product allows backorders); otherwise nothing changed and the
    // product is read to say why.
    let after: Option<i64> = sqlx::query_scalar(
        "UPDATE products SET stock = stock + ?1, updated_at = ?2
         WHERE id = ?3 AND (stock + ?1 >= 0 OR allow_backorder) RETURNING stock",
    )
    .bind(movement.delta)
    .bind(now)
    .bind(movement.product_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(after) = after else {
        let (sku, stock): (String, i64) = sqlx::query_as("SELECT sku, stock FROM products WHERE id = ?")
            .bind(movement.product_id)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or_else(|| Error::NotFound { entity: "product", key: movement.product_id.to_string() })?;
        return Err(Error::InsufficientStock { sku, available: stock, requested: -movement.delta });
    };
    sqlx::query(
        "INSERT INTO stock_movements (product_id, delta, reason, order_id, note, actor_name, at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(movement.product_id)
    .bind(movement.delta)
    .bind(movement.reason.as_str())
    .bind(movement.order_id)
    .bind(movement.note)
    .bind(&actor.name)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(after)
}

async fn current_stock(conn: &mut SqliteConnection, product_id: i64) -> Result<i64> {
    sqlx::query_scalar("SELECT stock FROM products WHERE id = ?")
        .bind(product_id)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| Error::NotFound { entity: "product", key: product_id.to_string() })
}
