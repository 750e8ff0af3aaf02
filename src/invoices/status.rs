//! Where an invoice stands, derived (never stored) from the order's payments
//! less refunds against the invoice total less its credit notes: issued →
//! partially paid → paid, or credited when credit notes cancel it whole.
//! Overdue = not fully paid after the due date (issue date + payment terms).
//! The rule lives in one SQL expression so the list can filter on it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Sqlite};
use ts_rs::TS;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum InvoiceStatus {
    /// Nothing paid yet (a credit note is always just issued).
    Issued,
    PartiallyPaid,
    Paid,
    /// Credit notes bring what is owed to zero.
    Credited,
}

impl InvoiceStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            InvoiceStatus::Issued => "issued",
            InvoiceStatus::PartiallyPaid => "partially_paid",
            InvoiceStatus::Paid => "paid",
            InvoiceStatus::Credited => "credited",
        }
    }

    pub fn parse(text: &str) -> Result<InvoiceStatus> {
        [InvoiceStatus::Issued, InvoiceStatus::PartiallyPaid, InvoiceStatus::Paid, InvoiceStatus::Credited]
            .into_iter()
            .find(|status| status.as_str() == text.trim())
            .ok_or_else(|| Error::InvalidInput {
                field: "status",
                reason: format!("\"{text}\" is not an invoice status (issued, partially_paid, paid, credited)"),
            })
    }
}

/// Starts a query over every document with what was credited and paid
/// against it, its `status` and whether it is `overdue` on `today`; the
/// caller appends ` AND …` conditions. `head` goes before it (a count).
pub(super) fn select_documents(head: &str, today: NaiveDate) -> QueryBuilder<Sqlite> {
    let mut sql = QueryBuilder::new(format!("{head}{DOCUMENTS}"));
    sql.push_bind(today).push(") AS overdue FROM documents WHERE 1 = 1");
    sql
}

const DOCUMENTS: &str = "
    WITH figures AS (
        SELECT i.id, i.kind, i.number, o.number AS order_number, i.customer_name, i.issued_on, i.due_on,
               i.currency, i.amount_total,
               CASE WHEN i.kind = 'invoice'
                    THEN coalesce((SELECT sum(c.amount_total) FROM invoices c WHERE c.invoice_id = i.id), 0)
                    ELSE 0 END AS amount_credited,
               CASE WHEN i.kind = 'invoice' THEN o.amount_paid ELSE 0 END AS amount_paid
        FROM invoices i JOIN orders o ON o.id = i.order_id
    ),
    documents AS (
        SELECT *,
               CASE WHEN kind = 'credit_note' THEN 'issued'
                    WHEN amount_total - amount_credited <= 0 THEN 'credited'
                    WHEN amount_paid >= amount_total - amount_credited THEN 'paid'
                    WHEN amount_paid > 0 THEN 'partially_paid'
                    ELSE 'issued' END AS status
        FROM figures
    )
    SELECT id, kind, number, order_number, customer_name, issued_on, due_on, currency, amount_total,
           amount_credited, amount_paid, status,
           (kind = 'invoice' AND status IN ('issued', 'partially_paid') AND due_on < ";
