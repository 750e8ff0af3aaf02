//! SQL for issued invoices and credit notes. Rows are only ever inserted.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::InvoiceKind;
use super::numbering::Allocated;
use super::snapshot::InvoiceSnapshot;
use crate::error::{Error, Result};
use crate::staff::Actor;

/// The fields a new document row is written with.
pub(super) struct NewDocument<'a> {
    pub number: &'a Allocated,
    pub order_id: i64,
    pub invoice_id: Option<i64>,
    pub customer_name: &'a str,
    pub snapshot: &'a InvoiceSnapshot,
}

pub(super) async fn insert(
    conn: &mut SqliteConnection,
    document: NewDocument<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<i64> {
    let snapshot = document.snapshot;
    let json = serde_json::to_string(snapshot).expect("snapshots serialise to JSON");
    Ok(sqlx::query_scalar(
        "INSERT INTO invoices (kind, number, year, sequence, order_id, invoice_id, issued_on, due_on, currency,
                               amount_net, amount_tax, amount_total, customer_name, snapshot, actor_name, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(snapshot.kind.as_str())
    .bind(&document.number.number)
    .bind(document.number.year)
    .bind(document.number.sequence)
    .bind(document.order_id)
    .bind(document.invoice_id)
    .bind(snapshot.issued_on)
    .bind(snapshot.due_on)
    .bind(&snapshot.currency)
    .bind(snapshot.amount_net.to_storage("amountNet")?)
    .bind(snapshot.amount_tax.to_storage("amountTax")?)
    .bind(snapshot.amount_total.to_storage("amountTotal")?)
    .bind(document.customer_name)
    .bind(json)
    .bind(&actor.name)
    .bind(now)
    .fetch_one(conn)
    .await?)
}

/// The order's invoice id and number, if it has one.
pub(super) async fn invoice_of_order(conn: &mut SqliteConnection, order_id: i64) -> Result<Option<(i64, String)>> {
    Ok(sqlx::query_as("SELECT id, number FROM invoices WHERE order_id = ? AND kind = 'invoice'")
        .bind(order_id)
        .fetch_optional(conn)
        .await?)
}

/// Every document of an order (its invoice, then its credit notes), as issued.
pub(super) async fn snapshots_of_order(conn: &mut SqliteConnection, order_id: i64) -> Result<Vec<InvoiceSnapshot>> {
    let rows: Vec<String> = sqlx::query_scalar("SELECT snapshot FROM invoices WHERE order_id = ? ORDER BY id")
        .bind(order_id)
        .fetch_all(conn)
        .await?;
    rows.iter().map(|json| parse(json)).collect()
}

/// A document by number ("INV-2026-000042", any case) or id.
pub(super) async fn find(conn: &mut SqliteConnection, key: &str) -> Result<(i64, InvoiceKind, InvoiceSnapshot)> {
    let key = key.trim();
    let mut row: Option<(i64, String, String)> =
        sqlx::query_as("SELECT id, kind, snapshot FROM invoices WHERE number = ?")
            .bind(key)
            .fetch_optional(&mut *conn)
            .await?;
    if let (None, Ok(id)) = (&row, key.parse::<i64>()) {
        row = sqlx::query_as("SELECT id, kind, snapshot FROM invoices WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    }
    let (id, kind, json) = row.ok_or_else(|| Error::NotFound { entity: "invoice", key: key.to_string() })?;
    Ok((id, InvoiceKind::parse(&kind)?, parse(&json)?))
}

fn parse(json: &str) -> Result<InvoiceSnapshot> {
    serde_json::from_str(json).map_err(|error| Error::InvalidInput {
        field: "snapshot",
        reason: format!("a stored invoice cannot be read ({error})"),
    })
}
