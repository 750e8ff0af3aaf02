//! A believable invoice that is not in any book: what Settings previews the
//! business profile with, and what the PDF golden tests and the benchmark
//! render. Its names need more than Latin-1 (Łukasz Müller, Ñoño, Σοφία, Дмитрий).

use chrono::NaiveDate;

use super::locale::NumberLocale;
use super::snapshot::{self, InvoiceSnapshot, Party, SnapshotLine};
use super::{InvoiceKind, PaperSize, pdf, profile};
use crate::Kontor;
use crate::error::Result;
use crate::money::{Amount, Currency, TaxRate};
use crate::staff::{Actor, Permission};

impl Kontor {
    /// The sample invoice as this business would print it now (seller,
    /// logo, terms, bank details, footer, paper and number format), for
    /// Settings to show before any invoice is issued.
    pub async fn invoice_preview_pdf(&self, actor: &Actor) -> Result<Vec<u8>> {
        actor.require(Permission::IssueInvoices)?;
        let mut conn = self.store().pool().acquire().await?;
        let settings = profile::get_settings(&mut conn).await?;
        let logo = match &settings.logo {
            Some(logo) => Some(profile::logo_bytes(&mut conn, logo.id).await?),
            None => None,
        };
        let profile = &settings.profile;
        let mut sample = sample_snapshot(8);
        sample.seller = Party {
            name: if profile.legal_name.is_empty() {
                settings.business_name.clone()
            } else {
                profile.legal_name.clone()
            },
            address: profile.address.clone(),
            tax_id: profile.tax_id.clone(),
            email: String::new(),
        };
        sample.number = format!("{}-{}-000001", profile.invoice_prefix, sample.issued_on.format("%Y"));
        sample.due_on = sample.issued_on + chrono::Duration::days(i64::from(profile.payment_terms_days));
        sample.logo_id = settings.logo.as_ref().map(|logo| logo.id);
        sample.bank_details = profile.bank_details.clone();
        sample.payment_terms_days = profile.payment_terms_days;
        sample.footer = profile.invoice_footer.clone();
        sample.paper_size = profile.paper_size;
        sample.number_locale = profile.number_locale;
        pdf::render(&sample, logo.as_deref())
    }
}

const PRODUCTS: &[(&str, &str, &str, &str)] = &[
    ("HW-1001", "Claw hammer, 450 g, hickory handle", "18.90", "19"),
    ("HW-1002", "Wood screws 4×40 mm, box of 200", "7.45", "19"),
    ("BK-2001", "Ñoño's garden guide (paperback)", "24.00", "7"),
    ("HW-1003", "Cordless drill 18 V with two batteries and case", "149.00", "19"),
    ("BK-2002", "Σοφία: a history of wisdom", "32.50", "7"),
    ("HW-1004", "Spirit level 600 mm", "21.35", "19"),
    ("BK-2003", "Дмитрий's workshop notebook", "9.99", "7"),
    ("HW-1005", "Masking tape 38 mm × 50 m", "3.1250", "19"),
];

/// A sample invoice with `lines` lines (at least one) in EUR.
pub fn sample_snapshot(lines: usize) -> InvoiceSnapshot {
    let currency = Currency::parse("EUR").expect("EUR is known");
    let lines: Vec<SnapshotLine> = (0..lines.max(1))
        .map(|index| {
            let (sku, description, price, rate) = PRODUCTS[index % PRODUCTS.len()];
            let unit_price = Amount::parse("unitPrice", price).expect("sample prices parse");
            let quantity = (index % 5) as i64 + 1;
            SnapshotLine {
                order_line_id: index as i64 + 1,
                sku: sku.to_string(),
                description: description.to_string(),
                quantity,
                unit_price,
                tax_rate: TaxRate::parse(rate).expect("sample rates parse"),
                amount: unit_price.times(quantity, currency),
            }
        })
        .collect();
    let taxes = snapshot::taxes_of(&lines, currency);
    let amount_net: Amount = taxes.iter().map(|tax| tax.base).sum();
    let amount_tax: Amount = taxes.iter().map(|tax| tax.tax).sum();
    let issued_on = NaiveDate::from_ymd_opt(2026, 11, 2).expect("a real date");
    InvoiceSnapshot {
        kind: InvoiceKind::Invoice,
        number: "INV-2026-000042".to_string(),
        order_number: "SO-001337".to_string(),
        corrects: None,
        issued_on,
        due_on: issued_on + chrono::Duration::days(14),
        currency: currency.code().to_string(),
        seller: Party {
            name: "Berg Hardware & Books GmbH".to_string(),
            address: "Hauptstraße 12\n10115 Berlin\nGermany".to_string(),
            tax_id: "DE 123 456 789".to_string(),
            email: String::new(),
        },
        buyer: Party {
            name: "Łukasz Müller".to_string(),
            address: "ul. Długa 5/7\n00-238 Warszawa\nPoland".to_string(),
            tax_id: String::new(),
            email: "lukasz.mueller@example.pl".to_string(),
        },
        logo_id: None,
        bank_details: "IBAN DE89 3704 0044 0532 0130 00\nBIC COBADEFFXXX · Commerzbank Berlin".to_string(),
        payment_terms_days: 14,
        footer: "Berg Hardware & Books GmbH · Managing director Anna Berg · Registered at Amtsgericht Berlin HRB 12345"
            .to_string(),
        paper_size: PaperSize::A4,
        number_locale: NumberLocale::En,
        lines,
        taxes,
        amount_net,
        amount_tax,
        amount_total: amount_net + amount_tax,
    }
}
