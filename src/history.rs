//! The history of every change: who, when, what, before → after. Written in
//! the same transaction as the change itself, so neither exists without the other.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;
use sqlx::SqliteConnection;
use ts_rs::TS;

use crate::error::Result;
use crate::staff::Actor;

/// One change to one record.
pub struct Change<'a> {
    pub entity: &'static str,
    pub entity_id: Option<i64>,
    pub action: &'static str,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub actor: &'a Actor,
    pub at: DateTime<Utc>,
}

/// Serialises a record for `before` / `after`.
pub fn snapshot<T: Serialize>(record: &T) -> Option<Value> {
    Some(serde_json::to_value(record).expect("records serialise to JSON"))
}

pub async fn record(conn: &mut SqliteConnection, change: Change<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO history (at, actor_user_id, actor_name, entity, entity_id, action, before, after)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(change.at)
    .bind(change.actor.user_id)
    .bind(&change.actor.name)
    .bind(change.entity)
    .bind(change.entity_id)
    .bind(change.action)
    .bind(change.before.map(|value| value.to_string()))
    .bind(change.after.map(|value| value.to_string()))
    .execute(conn)
    .await?;
    Ok(())
}

/// A history entry as shown to people.
#[derive(Debug, Clone, Serialize, sqlx::FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    pub actor_name: String,
    pub entity: String,
    #[ts(type = "number | null")]
    pub entity_id: Option<i64>,
    pub action: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The history of one record, oldest first.
pub async fn list_for(conn: &mut SqliteConnection, entity: &str, entity_id: i64) -> Result<Vec<HistoryEntry>> {
    Ok(sqlx::query_as(
        "SELECT at, actor_name, entity, entity_id, action, before, after
         FROM history WHERE entity = ? AND entity_id = ? ORDER BY id",
    )
    .bind(entity)
    .bind(entity_id)
    .fetch_all(conn)
    .await?)
}
