//! The mail outbox: a message is queued in one transaction (its PDF in the
//! content-addressed store), then sent by `send_pending_mail` — at start-up,
//! every few minutes, and after queueing. While the server cannot be reached
//! messages stay pending and are retried with the shipping events' back-off.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::OutboxEntry;
use crate::error::Result;

#[derive(sqlx::FromRow)]
pub(super) struct DueMessage {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub attachment_name: Option<String>,
    pub attachment_sha256: Option<String>,
    pub attempts: i64,
}

pub(super) struct NewMessage<'a> {
    pub recipient: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub attachment: Option<(&'a str, &'a str)>,
    pub queued_by: &'a str,
    pub now: DateTime<Utc>,
}

const ENTRY: &str = "SELECT id, recipient, subject, attachment_name, status, attempts, next_attempt_at, last_error,
        queued_by, created_at, sent_at FROM mail_outbox";

pub(super) async fn insert(conn: &mut SqliteConnection, new: &NewMessage<'_>) -> Result<i64> {
    Ok(sqlx::query(
        "INSERT INTO mail_outbox (recipient, subject, body, attachment_name, attachment_sha256, status,
                                  next_attempt_at, queued_by, created_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
    )
    .bind(new.recipient)
    .bind(new.subject)
    .bind(new.body)
    .bind(new.attachment.map(|(name, _)| name))
    .bind(new.attachment.map(|(_, sha256)| sha256))
    .bind(new.now)
    .bind(new.queued_by)
    .bind(new.now)
    .execute(conn)
    .await?
    .last_insert_rowid())
}

pub(super) async fn get(conn: &mut SqliteConnection, id: i64) -> Result<OutboxEntry> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{ENTRY} WHERE id = ?"))).bind(id).fetch_one(conn).await?)
}

/// Pending and failed messages, then the last sent ones: newest first.
pub(super) async fn list(conn: &mut SqliteConnection, limit: i64) -> Result<Vec<OutboxEntry>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{ENTRY} ORDER BY status = 'sent', id DESC LIMIT ?")))
        .bind(limit)
        .fetch_all(conn)
        .await?)
}

pub(super) async fn due(conn: &mut SqliteConnection, now: DateTime<Utc>) -> Result<Vec<DueMessage>> {
    Ok(sqlx::query_as(
        "SELECT id, recipient, subject, body, attachment_name, attachment_sha256, attempts FROM mail_outbox
         WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id",
    )
    .bind(now)
    .fetch_all(conn)
    .await?)
}

pub(super) async fn mark_sent(conn: &mut SqliteConnection, id: i64, now: DateTime<Utc>) -> Result<()> {
    sqlx::query(
        "UPDATE mail_outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
    )
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// A refusal: final ones fail the message; others leave it pending until `retry_at`.
pub(super) async fn mark_refused(
    conn: &mut SqliteConnection,
    id: i64,
    reason: &str,
    permanent: bool,
    retry_at: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                status = CASE WHEN ? THEN 'failed' ELSE 'pending' END
         WHERE id = ?",
    )
    .bind(reason)
    .bind(retry_at)
    .bind(permanent)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}
