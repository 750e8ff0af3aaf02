//! Invoices and credit notes: issued from an order with a gapless number,
//! frozen as a snapshot (seller, buyer, lines, taxes, totals) that is never
//! edited, corrected by credit notes after returns or cancellations, settled
//! by the order's payments, and printed as a PDF that is the same bytes
//! every time. Manager and owner only.

mod batch;
mod credit_note;
mod email;
mod issue;
pub mod locale;
pub mod logo;
mod numbering;
pub mod pdf;
mod profile;
mod query;
mod sample;
mod snapshot;
mod status;
mod store;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::money::Amount;

pub use batch::{BatchOptions, BatchProgress, BatchSummary, SkippedOrder};
pub use profile::{InvoiceProfile, InvoiceSettings, LogoInfo, PaperSize};
pub(crate) use query::overdue_count;
pub use query::{InvoicePage, InvoiceQuery};
pub use sample::sample_snapshot;
pub use snapshot::{InvoiceSnapshot, Party, SnapshotLine, TaxLine};
pub use status::InvoiceStatus;

/// Invoice or credit note: two number series sharing one table and one PDF layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum InvoiceKind {
    Invoice,
    CreditNote,
}

impl InvoiceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            InvoiceKind::Invoice => "invoice",
            InvoiceKind::CreditNote => "credit_note",
        }
    }

    pub fn parse(text: &str) -> Result<InvoiceKind> {
        match text.trim() {
            "invoice" => Ok(InvoiceKind::Invoice),
            "credit_note" => Ok(InvoiceKind::CreditNote),
            _ => {
                Err(Error::InvalidInput { field: "kind", reason: format!("\"{text}\" is not invoice or credit_note") })
            }
        }
    }

    /// The title printed on the document.
    pub fn title(self) -> &'static str {
        match self {
            InvoiceKind::Invoice => "Invoice",
            InvoiceKind::CreditNote => "Credit note",
        }
    }
}

/// One row of the invoices list, with what has been paid and credited.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InvoiceSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: InvoiceKind,
    pub number: String,
    pub order_number: String,
    pub customer_name: String,
    pub issued_on: NaiveDate,
    pub due_on: NaiveDate,
    pub currency: String,
    pub amount_total: Amount,
    /// For an invoice: the sum of its credit notes.
    pub amount_credited: Amount,
    /// For an invoice: the order's payments less refunds.
    pub amount_paid: Amount,
    pub status: InvoiceStatus,
    /// Unpaid (in whole or part) after its due date.
    pub overdue: bool,
}

/// Everything the invoice page shows: the row, the frozen document, and
/// the credit notes issued against it (or, for a credit note, its invoice).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InvoiceDetail {
    pub invoice: InvoiceSummary,
    pub snapshot: InvoiceSnapshot,
    pub related: Vec<InvoiceSummary>,
}

/// What `issue_invoice` did: issued a new invoice, or found the order's existing one.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IssuedInvoice {
    pub created: bool,
    pub detail: InvoiceDetail,
}
