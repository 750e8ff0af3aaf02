//! Credit notes: after returns or cancellations, a document for the
//! difference between what was billed (the invoice less earlier credit
//! notes) and what the order comes to now. Per line the credited amount is
//! billed − now, and per tax rate the credited tax is billed tax − the tax
//! on what remains, so invoice − credit notes equals the order to the cent.

use std::collections::BTreeMap;

use super::snapshot::{self, Heading, SnapshotLine, TaxLine};
use super::store::{self, NewDocument};
use super::{InvoiceDetail, InvoiceKind, issue, numbering, profile, query};
use crate::Kontor;
use crate::error::{Error, Result};
use crate::money::{Amount, Currency, TaxRate};
use crate::orders::{self, Order};
use crate::staff::{Actor, Permission};

impl Kontor {
    pub async fn issue_credit_note(&self, actor: &Actor, order_key: &str) -> Result<InvoiceDetail> {
        actor.require(Permission::IssueInvoices)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let order = orders::find_order(&mut tx, order_key).await?;
        let (invoice_id, invoice_number) = store::invoice_of_order(&mut tx, order.id)
            .await?
            .ok_or_else(|| Error::NotInvoiced { order: order.number.clone() })?;
        let documents = store::snapshots_of_order(&mut tx, order.id).await?;
        let currency = Currency::parse(&order.currency)?;
        let (lines, taxes) = difference(&order, &documents, currency);
        if lines.is_empty() {
            return Err(Error::NothingToCredit { order: order.number, invoice: invoice_number });
        }
        let settings = profile::get_settings(&mut tx).await?;
        let issued_on = now.date_naive();
        let number =
            numbering::allocate(&mut tx, InvoiceKind::CreditNote, &settings.profile.credit_note_prefix, issued_on)
                .await?;
        let heading = Heading {
            kind: InvoiceKind::CreditNote,
            number: number.number.clone(),
            corrects: Some(invoice_number),
            issued_on,
            due_on: issued_on,
        };
        let document = snapshot::build(&mut tx, heading, &order, &settings, lines, taxes).await?;
        store::insert(
            &mut tx,
            NewDocument {
                number: &number,
                order_id: order.id,
                invoice_id: Some(invoice_id),
                customer_name: &order.customer_name,
                snapshot: &document,
            },
            actor,
            now,
        )
        .await?;
        issue::record(&mut tx, actor, now, &order, "credit_note_issued", &document.number, document.amount_total)
            .await?;
        let detail = query::detail(&mut tx, &document.number, issued_on).await?;
        tx.commit().await?;
        Ok(detail)
    }
}

/// The lines and taxes to credit: every order line now charged for fewer
/// units than billed. Lines added after the invoice are not on it and are
/// not credited.
fn difference(
    order: &Order,
    documents: &[snapshot::InvoiceSnapshot],
    currency: Currency,
) -> (Vec<SnapshotLine>, Vec<TaxLine>) {
    let billed = snapshot::billed_by_line(documents);
    let lines: Vec<SnapshotLine> = order
        .lines
        .iter()
        .filter_map(|line| {
            let &(quantity, amount) = billed.get(&line.id)?;
            (quantity > line.effective).then(|| SnapshotLine {
                order_line_id: line.id,
                sku: line.sku.clone(),
                description: line.name.clone(),
                quantity: quantity - line.effective,
                unit_price: line.unit_price,
                tax_rate: line.tax_rate,
                amount: amount - line.unit_price.times(line.effective, currency),
            })
        })
        .collect();
    let billed_rates = snapshot::billed_by_rate(documents);
    let mut credited: BTreeMap<TaxRate, Amount> = BTreeMap::new();
    for line in &lines {
        let base = credited.entry(line.tax_rate).or_default();
        *base = *base + line.amount;
    }
    let taxes = credited
        .into_iter()
        .map(|(rate, base)| {
            let (billed_base, billed_tax) = billed_rates.get(&rate).copied().unwrap_or_default();
            let remaining_tax = rate.tax_on(billed_base - base, currency);
            TaxLine { rate, base, tax: billed_tax - remaining_tax }
        })
        .collect();
    (lines, taxes)
}
