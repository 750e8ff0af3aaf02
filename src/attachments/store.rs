//! SQL for `order_attachments`.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::Attachment;
use crate::error::{Error, Result};

pub(super) struct NewAttachment<'a> {
    pub order_id: i64,
    pub file_name: &'a str,
    pub size_bytes: i64,
    pub pages: i64,
    pub sha256: &'a str,
    pub attached_by: &'a str,
    pub attached_at: DateTime<Utc>,
}

const SELECT: &str = "SELECT a.id, a.order_id, o.number AS order_number, a.file_name, a.size_bytes, a.pages,
        a.sha256, a.attached_by, a.attached_at
     FROM order_attachments a JOIN orders o ON o.id = a.order_id";

pub(super) async fn insert_attachment(conn: &mut SqliteConnection, new: &NewAttachment<'_>) -> Result<i64> {
    let id = sqlx::query(
        "INSERT INTO order_attachments (order_id, file_name, size_bytes, pages, sha256, attached_by, attached_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(new.order_id)
    .bind(new.file_name)
    .bind(new.size_bytes)
    .bind(new.pages)
    .bind(new.sha256)
    .bind(new.attached_by)
    .bind(new.attached_at)
    .execute(conn)
    .await?
    .last_insert_rowid();
    Ok(id)
}

/// An attachment that has not been removed.
pub(super) async fn get_attachment(conn: &mut SqliteConnection, id: i64) -> Result<Attachment> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE a.id = ? AND a.removed_at IS NULL")))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| Error::NotFound { entity: "attachment", key: id.to_string() })
}

pub(super) async fn list_attachments(conn: &mut SqliteConnection, order_id: i64) -> Result<Vec<Attachment>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE a.order_id = ? AND a.removed_at IS NULL ORDER BY a.id"
    )))
    .bind(order_id)
    .fetch_all(conn)
    .await?)
}

pub(super) async fn mark_removed(conn: &mut SqliteConnection, id: i64, by: &str, at: DateTime<Utc>) -> Result<()> {
    sqlx::query("UPDATE order_attachments SET removed_by = ?, removed_at = ? WHERE id = ?")
        .bind(by)
        .bind(at)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}
