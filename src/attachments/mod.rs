//! PDFs attached to orders: checked to be real, complete, unencrypted PDFs,
//! kept content-addressed in the data folder (`files`), listed on the order
//! with name, size, pages and who attached them, and removed softly (the row
//! and the file stay). Attaching and removing are recorded in the order's
//! history, in the same transaction as the row.

mod check;
pub mod files;
mod store;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use crate::Kontor;
use crate::error::{Error, Result};
use crate::history::{self, Change};
use crate::orders::find_order;
use crate::staff::{Actor, Permission};

pub use check::{MAX_ATTACHMENT_BYTES, PdfFacts, check_pdf};

/// A PDF attached to an order, as lists show it (never the bytes).
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Attachment {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub order_id: i64,
    pub order_number: String,
    pub file_name: String,
    #[ts(type = "number")]
    pub size_bytes: i64,
    #[ts(type = "number")]
    pub pages: i64,
    pub sha256: String,
    pub attached_by: String,
    pub attached_at: DateTime<Utc>,
}

/// The name a file is listed under: its last path part, trimmed, without
/// control characters, at most 200 characters.
pub fn clean_file_name(name: &str) -> Result<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("").trim();
    let invalid = |reason: &str| Error::InvalidInput { field: "fileName", reason: reason.to_string() };
    if base.is_empty() {
        return Err(invalid("a file name is required"));
    }
    if base.chars().any(char::is_control) {
        return Err(invalid("must not contain control characters"));
    }
    if base.chars().count() > 200 {
        return Err(invalid("at most 200 characters"));
    }
    Ok(base.to_string())
}

impl Kontor {
    /// Attaches `bytes` as `file_name` to the order. Everything is checked
    /// before anything is written; the file lands in the store before the
    /// row is written, so a row never points at a missing file, and outside
    /// the write transaction, so other writers do not wait for the disk.
    pub async fn attach_pdf(
        &self,
        actor: &Actor,
        order_key: &str,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<Attachment> {
        actor.require(Permission::EnterOrders)?;
        let file_name = clean_file_name(file_name)?;
        let facts = check_pdf(&file_name, bytes)?;
        {
            // An unknown order is refused before a file is stored.
            let mut conn = self.store().pool().acquire().await?;
            find_order(&mut conn, order_key).await?;
        }
        let sha256 = files::store(self.store().data_dir(), bytes)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let order = find_order(&mut tx, order_key).await?;
        let new = store::NewAttachment {
            order_id: order.id,
            file_name: &file_name,
            size_bytes: bytes.len() as i64,
            pages: facts.pages,
            sha256: &sha256,
            attached_by: &actor.name,
            attached_at: now,
        };
        let id = store::insert_attachment(&mut tx, &new).await?;
        let attachment = store::get_attachment(&mut tx, id).await?;
        record(&mut tx, actor, now, "attachment_added", &attachment).await?;
        tx.commit().await?;
        Ok(attachment)
    }

    /// The order's attachments (not removed ones), oldest first.
    pub async fn list_attachments(&self, actor: &Actor, order_key: &str) -> Result<Vec<Attachment>> {
        actor.require(Permission::EnterOrders)?;
        let mut conn = self.store().pool().acquire().await?;
        let order = find_order(&mut conn, order_key).await?;
        store::list_attachments(&mut conn, order.id).await
    }

    /// An attachment and its bytes, checked against the stored digest.
    pub async fn attachment_pdf(&self, actor: &Actor, id: i64) -> Result<(Attachment, Vec<u8>)> {
        actor.require(Permission::EnterOrders)?;
        let mut conn = self.store().pool().acquire().await?;
        let attachment = store::get_attachment(&mut conn, id).await?;
        let bytes = files::read(self.store().data_dir(), &attachment.sha256)?;
        Ok((attachment, bytes))
    }

    /// Removes an attachment from the order's list; the row and the file are
    /// kept (history and other orders may still name the same bytes).
    pub async fn remove_attachment(&self, actor: &Actor, id: i64) -> Result<Attachment> {
        actor.require(Permission::RemoveAttachments)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let attachment = store::get_attachment(&mut tx, id).await?;
        store::mark_removed(&mut tx, id, &actor.name, now).await?;
        record(&mut tx, actor, now, "attachment_removed", &attachment).await?;
        tx.commit().await?;
        Ok(attachment)
    }
}

/// The order's history entry for an attachment added or removed.
async fn record(
    conn: &mut sqlx::SqliteConnection,
    actor: &Actor,
    now: DateTime<Utc>,
    action: &'static str,
    attachment: &Attachment,
) -> Result<()> {
    let summary = json!({
        "attachmentId": attachment.id, "fileName": attachment.file_name, "sizeBytes": attachment.size_bytes,
        "pages": attachment.pages, "sha256": attachment.sha256,
    });
    let (before, after) = if action == "attachment_removed" { (Some(summary), None) } else { (None, Some(summary)) };
    history::record(
        conn,
        Change { entity: "order", entity_id: Some(attachment.order_id), action, before, after, actor, at: now },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::clean_file_name;

    #[test]
    fn a_file_name_keeps_only_its_last_part() {
        assert_eq!(clean_file_name("/home/anna/Scans/delivery note.pdf").unwrap(), "delivery note.pdf");
        assert_eq!(clean_file_name(r"C:\Users\anna\quote.pdf").unwrap(), "quote.pdf");
        assert_eq!(clean_file_name("  ").unwrap_err().code(), "invalid_input");
        assert_eq!(clean_file_name("a\nb.pdf").unwrap_err().code(), "invalid_input");
    }
}
