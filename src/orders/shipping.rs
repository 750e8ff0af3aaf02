//! Shipping events: written to the outbox in the shipping transaction, then
//! delivered at least once to each sink — the JSON Lines file in the data
//! folder, and the webhook when one is set. Each event has a stable id so a
//! receiver can drop repeats; a sink that fails is retried with back-off.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use serde_json::json;
use sqlx::SqliteConnection;
use ts_rs::TS;

use super::Order;
use super::webhook;
use crate::Kontor;
use crate::error::{Error, Result};
use crate::settings;

/// The file shipping events are appended to, one JSON object per line.
pub const SHIPPING_EVENTS_FILE: &str = "shipping-events.jsonl";

#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ShippingEvent {
    pub id: String,
    /// The event as delivered, JSON text.
    pub payload: String,
    pub created_at: DateTime<Utc>,
    /// When every sink had it; `None` while one is still pending.
    pub delivered_at: Option<DateTime<Utc>>,
}

/// Adds the order's shipping event to the outbox (caller's transaction),
/// with one pending delivery per configured sink.
pub(super) async fn write_event(conn: &mut SqliteConnection, order: &Order, now: DateTime<Utc>) -> Result<()> {
    let id = format!("{}-shipped", order.number);
    let destination: String = sqlx::query_scalar("SELECT shipping_address FROM customers WHERE id = ?")
        .bind(order.customer_id)
        .fetch_one(&mut *conn)
        .await?;
    let payload = json!({
        "id": id,
        "type": "order_shipped",
        "order": order.number,
        "customer": order.customer_name,
        "destination": destination,
        "shippedAt": now,
        "lines": order.lines.iter().filter(|line| line.effective > 0).map(|line| json!({
            "sku": line.sku, "name": line.name, "quantity": line.effective,
        })).collect::<Vec<_>>(),
    });
    sqlx::query("INSERT INTO shipping_events (id, order_id, payload, created_at) VALUES (?, ?, ?, ?)")
        .bind(&id)
        .bind(order.id)
        .bind(payload.to_string())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    let mut sinks = vec!["jsonl"];
    if settings::shipping_webhook(conn).await?.is_some() {
        sinks.push("webhook");
    }
    for sink in sinks {
        sqlx::query("INSERT INTO shipping_deliveries (event_id, sink, next_attempt_at) VALUES (?, ?, ?)")
            .bind(&id)
            .bind(sink)
            .bind(now)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub(super) async fn list_for_order(conn: &mut SqliteConnection, order_id: i64) -> Result<Vec<ShippingEvent>> {
    Ok(sqlx::query_as(
        "SELECT e.id, e.payload, e.created_at,
                CASE WHEN count(d.delivered_at) = count(*) THEN max(d.delivered_at) END AS delivered_at
         FROM shipping_events e JOIN shipping_deliveries d ON d.event_id = e.id
         WHERE e.order_id = ? GROUP BY e.id ORDER BY e.created_at",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?)
}

/// Waits after the n-th failed attempt: 30 s, 1 min, 2 min, … at most an hour.
pub(crate) fn back_off(attempts: i64) -> Duration {
    let seconds = 30_i64.saturating_mul(1_i64 << attempts.clamp(1, 8).saturating_sub(1));
    Duration::seconds(seconds.min(3600))
}

impl Kontor {
    /// Delivers every event due to each sink, oldest first, and returns how
    /// many deliveries succeeded. A sink that fails keeps its events (and the
    /// ones after them, so a receiver sees them in order) for a later try.
    pub async fn deliver_shipping_events(&self) -> Result<usize> {
        let now = self.now();
        let due: Vec<(String, String, i64, String)> = sqlx::query_as(
            "SELECT e.id, d.sink, d.attempts, e.payload FROM shipping_deliveries d
             JOIN shipping_events e ON e.id = d.event_id
             WHERE d.delivered_at IS NULL AND d.next_attempt_at <= ? ORDER BY e.created_at, e.id",
        )
        .bind(now)
        .fetch_all(self.store().pool())
        .await?;
        let (to_file, to_webhook): (Vec<_>, Vec<_>) = due.into_iter().partition(|(_, sink, ..)| sink == "jsonl");
        let mut delivered = append_to_file(self, &to_file).await?;
        if !to_webhook.is_empty() {
            let url = {
                let mut conn = self.store().pool().acquire().await?;
                settings::shipping_webhook(&mut conn).await?
            };
            for (id, _, attempts, payload) in &to_webhook {
                let outcome = match &url {
                    Some(url) => webhook::post(url, id, payload).await,
                    None => Err("no webhook is set any more".to_string()),
                };
                if let Err(reason) = outcome {
                    record_failure(self, id, "webhook", attempts + 1, &reason).await?;
                    break;
                }
                mark_delivered(self, &[id.as_str()], "webhook").await?;
                delivered += 1;
            }
        }
        Ok(delivered)
    }
}

/// Appends the events to the JSON Lines file, synced, then marks them.
/// A crash between the two repeats lines on the next run (at least once).
async fn append_to_file(kontor: &Kontor, events: &[(String, String, i64, String)]) -> Result<usize> {
    use std::io::Write;
    if events.is_empty() {
        return Ok(0);
    }
    let path = kontor.store().data_dir().join(SHIPPING_EVENTS_FILE);
    let file_error = |source| Error::File { action: "append to", path: path.clone(), source };
    let mut file = std::fs::OpenOptions::new().create(true).append(true).open(&path).map_err(file_error)?;
    for (.., payload) in events {
        writeln!(file, "{payload}").map_err(file_error)?;
    }
    file.sync_all().map_err(file_error)?;
    let ids: Vec<&str> = events.iter().map(|(id, ..)| id.as_str()).collect();
    mark_delivered(kontor, &ids, "jsonl").await?;
    Ok(events.len())
}

async fn mark_delivered(kontor: &Kontor, ids: &[&str], sink: &str) -> Result<()> {
    let now = kontor.now();
    let mut tx = kontor.store().write().await?;
    for id in ids {
        sqlx::query(
            "UPDATE shipping_deliveries SET delivered_at = ?, attempts = attempts + 1, last_error = NULL
             WHERE event_id = ? AND sink = ?",
        )
        .bind(now)
        .bind(id)
        .bind(sink)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn record_failure(kontor: &Kontor, id: &str, sink: &str, attempts: i64, reason: &str) -> Result<()> {
    let retry_at = kontor.now() + back_off(attempts);
    sqlx::query(
        "UPDATE shipping_deliveries SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE event_id = ? AND sink = ?",
    )
    .bind(attempts)
    .bind(retry_at)
    .bind(reason)
    .bind(id)
    .bind(sink)
    .execute(kontor.store().pool())
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::back_off;

    #[test]
    fn back_off_doubles_from_thirty_seconds_up_to_an_hour() {
        let waits: Vec<i64> = (1..=9).map(|attempt| back_off(attempt).num_seconds()).collect();
        assert_eq!(waits, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    }
}
