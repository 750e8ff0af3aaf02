//! Issuing an order's invoice: once per order (issuing again returns the
//! existing invoice, never a second number), only for orders that were
//! placed and not cancelled (placed, processing, shipped, delivered: the
//! customer owes money for them), numbered and frozen in one transaction,
//! and recorded in the order's history.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use super::snapshot::{self, Heading};
use super::store::{self, NewDocument};
use super::{InvoiceKind, IssuedInvoice, numbering, profile, query};
use crate::Kontor;
use crate::error::{Error, Result};
use crate::history::{self, Change};
use crate::money::{Amount, Currency};
use crate::orders::{self, Order, OrderStatus};
use crate::staff::{Actor, Permission};

impl Kontor {
    pub async fn issue_invoice(&self, actor: &Actor, order_key: &str) -> Result<IssuedInvoice> {
        actor.require(Permission::IssueInvoices)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let order = orders::find_order(&mut tx, order_key).await?;
        let created = match store::invoice_of_order(&mut tx, order.id).await? {
            Some(_) => false,
            None => {
                issue_for(&mut tx, &order, actor, now).await?;
                true
            }
        };
        let number = store::invoice_of_order(&mut tx, order.id).await?.expect("the invoice exists now").1;
        let detail = query::detail(&mut tx, &number, now.date_naive()).await?;
        tx.commit().await?;
        Ok(IssuedInvoice { created, detail })
    }
}

/// Orders a customer owes money for; drafts and cancelled orders are not billed.
pub(super) fn check_invoiceable(order: &Order) -> Result<()> {
    if matches!(order.status, OrderStatus::Draft | OrderStatus::Cancelled) {
        return Err(Error::InvalidState {
            order: order.number.clone(),
            status: order.status.as_str(),
            action: "issue an invoice",
        });
    }
    if order.amount_total == Amount::ZERO {
        return Err(Error::NothingToInvoice { order: order.number.clone() });
    }
    Ok(())
}

/// Numbers, freezes and stores the invoice of an order that has none yet.
pub(super) async fn issue_for(
    conn: &mut SqliteConnection,
    order: &Order,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<i64> {
    check_invoiceable(order)?;
    let settings = profile::get_settings(conn).await?;
    let issued_on = now.date_naive();
    let number = numbering::allocate(conn, InvoiceKind::Invoice, &settings.profile.invoice_prefix, issued_on).await?;
    let currency = Currency::parse(&order.currency)?;
    let lines = snapshot::charged_lines(order);
    let taxes = snapshot::taxes_of(&lines, currency);
    let heading = Heading {
        kind: InvoiceKind::Invoice,
        number: number.number.clone(),
        corrects: None,
        issued_on,
        due_on: due_date(issued_on, settings.profile.payment_terms_days),
    };
    let document = snapshot::build(conn, heading, order, &settings, lines, taxes).await?;
    let id = store::insert(
        conn,
        NewDocument {
            number: &number,
            order_id: order.id,
            invoice_id: None,
            customer_name: &order.customer_name,
            snapshot: &document,
        },
        actor,
        now,
    )
    .await?;
    record(conn, actor, now, order, "invoice_issued", &document.number, document.amount_total).await?;
    Ok(id)
}

pub(super) fn due_date(issued_on: NaiveDate, payment_terms_days: u32) -> NaiveDate {
    issued_on + Duration::days(i64::from(payment_terms_days))
}

/// The order's history names the document and its total.
pub(super) async fn record(
    conn: &mut SqliteConnection,
    actor: &Actor,
    now: DateTime<Utc>,
    order: &Order,
    action: &'static str,
    number: &str,
    total: Amount,
) -> Result<()> {
    history::record(
        conn,
        Change {
            entity: "order",
            entity_id: Some(order.id),
            action,
            before: None,
            after: Some(json!({ "number": number, "amountTotal": total, "currency": order.currency })),
            actor,
            at: now,
        },
    )
    .await
}
