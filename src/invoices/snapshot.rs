//! The frozen document: seller, buyer, lines, taxes per rate and totals as
//! they stood when the invoice or credit note was issued, stored as JSON and
//! never changed. The PDF and the invoice page read only this.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

use super::InvoiceKind;
use super::locale::NumberLocale;
use super::profile::{InvoiceSettings, PaperSize};
use crate::error::Result;
use crate::money::{Amount, Currency, TaxRate};
use crate::orders::{LineInput, Order, compute_totals};

/// A seller or buyer block as printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Party {
    pub name: String,
    pub address: String,
    pub tax_id: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SnapshotLine {
    /// The order line this bills (credit notes match on it).
    #[ts(type = "number")]
    pub order_line_id: i64,
    pub sku: String,
    pub description: String,
    #[ts(type = "number")]
    pub quantity: i64,
    pub unit_price: Amount,
    pub tax_rate: TaxRate,
    pub amount: Amount,
}

/// The tax on the lines at one rate, rounded once on their sum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TaxLine {
    pub rate: TaxRate,
    pub base: Amount,
    pub tax: Amount,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InvoiceSnapshot {
    pub kind: InvoiceKind,
    pub number: String,
    pub order_number: String,
    /// For a credit note: the invoice it corrects.
    pub corrects: Option<String>,
    pub issued_on: NaiveDate,
    pub due_on: NaiveDate,
    pub currency: String,
    pub seller: Party,
    pub buyer: Party,
    #[ts(type = "number | null")]
    pub logo_id: Option<i64>,
    pub bank_details: String,
    #[ts(type = "number")]
    pub payment_terms_days: u32,
    pub footer: String,
    pub paper_size: PaperSize,
    pub number_locale: NumberLocale,
    pub lines: Vec<SnapshotLine>,
    pub taxes: Vec<TaxLine>,
    pub amount_net: Amount,
    pub amount_tax: Amount,
    pub amount_total: Amount,
}

impl InvoiceSnapshot {
    pub fn currency(&self) -> Result<Currency> {
        Currency::parse(&self.currency)
    }
}

/// The header of a new document: which it is and when.
pub(super) struct Heading {
    pub kind: InvoiceKind,
    pub number: String,
    pub corrects: Option<String>,
    pub issued_on: NaiveDate,
    pub due_on: NaiveDate,
}

/// A document for `lines` and `taxes` of `order`, with the seller as set now.
pub(super) async fn build(
    conn: &mut SqliteConnection,
    heading: Heading,
    order: &Order,
    settings: &InvoiceSettings,
    lines: Vec<SnapshotLine>,
    taxes: Vec<TaxLine>,
) -> Result<InvoiceSnapshot> {
    let (email, billing_address): (String, String) =
        sqlx::query_as("SELECT email, billing_address FROM customers WHERE id = ?")
            .bind(order.customer_id)
            .fetch_one(conn)
            .await?;
    let profile = &settings.profile;
    let seller_name =
        if profile.legal_name.is_empty() { settings.business_name.clone() } else { profile.legal_name.clone() };
    let amount_net = taxes.iter().map(|tax| tax.base).sum();
    let amount_tax = taxes.iter().map(|tax| tax.tax).sum();
    Ok(InvoiceSnapshot {
        kind: heading.kind,
        number: heading.number,
        order_number: order.number.clone(),
        corrects: heading.corrects,
        issued_on: heading.issued_on,
        due_on: heading.due_on,
        currency: order.currency.clone(),
        seller: Party {
            name: seller_name,
            address: profile.address.clone(),
            tax_id: profile.tax_id.clone(),
            email: String::new(),
        },
        buyer: Party { name: order.customer_name.clone(), address: billing_address, tax_id: String::new(), email },
        logo_id: settings.logo.as_ref().map(|logo| logo.id),
        bank_details: profile.bank_details.clone(),
        payment_terms_days: profile.payment_terms_days,
        footer: profile.invoice_footer.clone(),
        paper_size: profile.paper_size,
        number_locale: profile.number_locale,
        lines,
        taxes,
        amount_net,
        amount_tax,
        amount_total: amount_net + amount_tax,
    })
}

/// The order's lines that are still charged, as invoice lines.
pub(super) fn charged_lines(order: &Order) -> Vec<SnapshotLine> {
    order
        .lines
        .iter()
        .filter(|line| line.effective > 0)
        .map(|line| SnapshotLine {
            order_line_id: line.id,
            sku: line.sku.clone(),
            description: line.name.clone(),
            quantity: line.effective,
            unit_price: line.unit_price,
            tax_rate: line.tax_rate,
            amount: line.amount,
        })
        .collect()
}

/// Tax per rate on the sum of the lines at that rate: the same rule (and
/// the same function) the order's totals use, so the invoice equals the order.
pub(super) fn taxes_of(lines: &[SnapshotLine], currency: Currency) -> Vec<TaxLine> {
    let mut by_rate: BTreeMap<TaxRate, Vec<LineInput>> = BTreeMap::new();
    for line in lines {
        by_rate.entry(line.tax_rate).or_default().push(LineInput {
            unit_price: line.unit_price,
            tax_rate: line.tax_rate,
            effective: line.quantity,
        });
    }
    by_rate
        .into_iter()
        .map(|(rate, inputs)| {
            let totals = compute_totals(&inputs, currency, rust_decimal::Decimal::ONE, currency);
            TaxLine { rate, base: totals.lines, tax: totals.tax }
        })
        .collect()
}

/// Per order line: quantity and amount billed so far (invoice less credit notes).
pub(super) fn billed_by_line(documents: &[InvoiceSnapshot]) -> BTreeMap<i64, (i64, Amount)> {
    let mut billed: BTreeMap<i64, (i64, Amount)> = BTreeMap::new();
    for document in documents {
        let sign = if document.kind == InvoiceKind::Invoice { 1 } else { -1 };
        for line in &document.lines {
            let entry = billed.entry(line.order_line_id).or_insert((0, Amount::ZERO));
            entry.0 += sign * line.quantity;
            entry.1 = if sign > 0 { entry.1 + line.amount } else { entry.1 - line.amount };
        }
    }
    billed
}

/// Per tax rate: base and tax billed so far (invoice less credit notes).
pub(super) fn billed_by_rate(documents: &[InvoiceSnapshot]) -> BTreeMap<TaxRate, (Amount, Amount)> {
    let mut billed: BTreeMap<TaxRate, (Amount, Amount)> = BTreeMap::new();
    for document in documents {
        for tax in &document.taxes {
            let entry = billed.entry(tax.rate).or_insert((Amount::ZERO, Amount::ZERO));
            *entry = match document.kind {
                InvoiceKind::Invoice => (entry.0 + tax.base, entry.1 + tax.tax),
                InvoiceKind::CreditNote => (entry.0 - tax.base, entry.1 - tax.tax),
            };
        }
    }
    billed
}
