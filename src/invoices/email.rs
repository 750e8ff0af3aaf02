//! Sending a document to its customer: "Email invoice" renders the invoice's
//! (or credit note's) PDF from its snapshot and queues one message to the
//! customer's e-mail address in the outbox (sent now or retried later), and
//! the order's history says so. Printing sends the same PDF to a CUPS printer.

use serde_json::json;
use sqlx::SqliteConnection;

use super::snapshot::InvoiceSnapshot;
use super::{InvoiceKind, query, store};
use crate::Kontor;
use crate::error::{Error, Result};
use crate::history::{self, Change};
use crate::mail::{self, OutboxEntry, OutgoingMail, PdfFile};
use crate::print::{PrintJob, print_pdf};
use crate::staff::{Actor, Permission};

impl Kontor {
    /// Queues the document's PDF to the customer's current e-mail address.
    pub async fn email_invoice(&self, actor: &Actor, key: &str) -> Result<OutboxEntry> {
        actor.require(Permission::IssueInvoices)?;
        let (order_id, recipient, snapshot, bytes) = {
            let mut conn = self.store().pool().acquire().await?;
            let (id, _, snapshot) = store::find(&mut conn, key).await?;
            let (order_id, recipient) = order_and_email(&mut conn, id).await?;
            let bytes = query::pdf_of(&mut conn, &snapshot.number).await?;
            (order_id, recipient, snapshot, bytes)
        };
        if recipient.trim().is_empty() {
            return Err(Error::NoEmailAddress { customer: snapshot.buyer.name.clone(), document: snapshot.number });
        }
        self.check_mail_set_up().await?;
        let letter = OutgoingMail {
            recipient,
            subject: subject(&snapshot),
            body: body(&snapshot)?,
            attachment: Some(PdfFile { file_name: format!("{}.pdf", snapshot.number), bytes }),
        };
        let ready = self.ready_to_queue(&letter)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let entry = mail::queue_ready(&mut tx, actor, now, &ready).await?;
        let after = json!({ "number": snapshot.number, "recipient": entry.recipient, "mailId": entry.id });
        let change = Change {
            entity: "order",
            entity_id: Some(order_id),
            action: "invoice_emailed",
            before: None,
            after: Some(after),
            actor,
            at: now,
        };
        history::record(&mut tx, change).await?;
        tx.commit().await?;
        Ok(entry)
    }

    /// Prints the document's PDF on the named CUPS printer.
    pub async fn print_invoice(&self, actor: &Actor, key: &str, printer: &str) -> Result<PrintJob> {
        actor.require(Permission::IssueInvoices)?;
        let (number, bytes) = {
            let mut conn = self.store().pool().acquire().await?;
            let (_, _, snapshot) = store::find(&mut conn, key).await?;
            let bytes = query::pdf_of(&mut conn, &snapshot.number).await?;
            (snapshot.number, bytes)
        };
        print_pdf(printer, &format!("{number}.pdf"), &bytes).await
    }
}

/// The document's order and its customer's e-mail address as it is now
/// (a corrected address is used, not the one frozen in the snapshot).
async fn order_and_email(conn: &mut SqliteConnection, document_id: i64) -> Result<(i64, String)> {
    Ok(sqlx::query_as(
        "SELECT o.id, c.email FROM invoices i
           JOIN orders o ON o.id = i.order_id
           JOIN customers c ON c.id = o.customer_id
          WHERE i.id = ?",
    )
    .bind(document_id)
    .fetch_one(conn)
    .await?)
}

fn subject(snapshot: &InvoiceSnapshot) -> String {
    format!("{} {} from {}", snapshot.kind.title(), snapshot.number, snapshot.seller.name)
}

/// A short letter naming the number, the total and (for an invoice) when it is due.
fn body(snapshot: &InvoiceSnapshot) -> Result<String> {
    let locale = snapshot.number_locale;
    let total = locale.money(snapshot.amount_total, snapshot.currency()?);
    let what = match (snapshot.kind, &snapshot.corrects) {
        (InvoiceKind::CreditNote, Some(invoice)) => format!(
            "please find attached our credit note {} for order {}, correcting invoice {invoice}: {total} in your favour.",
            snapshot.number, snapshot.order_number
        ),
        (InvoiceKind::CreditNote, None) => format!(
            "please find attached our credit note {} for order {}: {total} in your favour.",
            snapshot.number, snapshot.order_number
        ),
        (InvoiceKind::Invoice, _) => format!(
            "please find attached our invoice {} for order {}: {total}, due on {}.",
            snapshot.number,
            snapshot.order_number,
            locale.date(snapshot.due_on)
        ),
    };
    let bank = match (snapshot.kind, snapshot.bank_details.trim()) {
        (InvoiceKind::Invoice, details) if !details.is_empty() => format!("\n\nPlease pay to:\n{details}"),
        _ => String::new(),
    };
    Ok(format!("Hello {},\n\n{what}{bank}\n\nKind regards,\n{}\n", snapshot.buyer.name, snapshot.seller.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letter_names_the_number_the_total_and_the_due_date() {
        let snapshot = crate::invoices::sample_snapshot(2);
        let text = body(&snapshot).unwrap();
        assert!(text.contains(&snapshot.number), "{text}");
        assert!(text.contains(&snapshot.order_number), "{text}");
        let total = snapshot.number_locale.money(snapshot.amount_total, snapshot.currency().unwrap());
        assert!(text.contains(&total), "{text}");
        assert!(text.contains(&snapshot.number_locale.date(snapshot.due_on)), "{text}");
        assert!(text.starts_with(&format!("Hello {},", snapshot.buyer.name)), "{text}");
        assert_eq!(subject(&snapshot), format!("Invoice {} from {}", snapshot.number, snapshot.seller.name));
    }

    #[test]
    fn a_credit_note_names_the_invoice_it_corrects_and_asks_for_no_payment() {
        let mut snapshot = crate::invoices::sample_snapshot(2);
        snapshot.kind = InvoiceKind::CreditNote;
        snapshot.number = "CN-2026-000001".into();
        snapshot.corrects = Some("INV-2026-000001".into());
        let text = body(&snapshot).unwrap();
        assert!(text.contains("credit note CN-2026-000001"), "{text}");
        assert!(text.contains("correcting invoice INV-2026-000001"), "{text}");
        assert!(!text.contains("due on") && !text.contains("Please pay"), "{text}");
        assert!(subject(&snapshot).starts_with("Credit note CN-2026-000001"));
    }
}
