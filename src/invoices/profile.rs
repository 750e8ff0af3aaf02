//! The business profile's invoicing part (Settings): legal name, address,
//! tax id, logo, bank details, payment terms, footer, paper size, number
//! format and the invoice and credit-note prefixes. Owner only to change,
//! like the rest of the business profile; every change is in the history.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

use super::locale::NumberLocale;
use super::logo;
use crate::Kontor;
use crate::error::{Error, Result};
use crate::history::{self, Change, snapshot};
use crate::staff::{Actor, Permission};
use crate::validate::{optional_text, required_text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PaperSize {
    A4,
    Letter,
}

impl PaperSize {
    pub fn as_str(self) -> &'static str {
        match self {
            PaperSize::A4 => "a4",
            PaperSize::Letter => "letter",
        }
    }

    pub fn parse(text: &str) -> Result<PaperSize> {
        match text.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(PaperSize::A4),
            "letter" => Ok(PaperSize::Letter),
            _ => Err(Error::InvalidInput { field: "paperSize", reason: format!("\"{text}\" is not a4 or letter") }),
        }
    }
}

/// What an invoice says about the seller, as set in Settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InvoiceProfile {
    /// The registered name; the business name when left empty.
    pub legal_name: String,
    pub address: String,
    pub tax_id: String,
    pub bank_details: String,
    pub payment_terms_days: u32,
    pub invoice_footer: String,
    pub paper_size: PaperSize,
    pub number_locale: NumberLocale,
    pub invoice_prefix: String,
    pub credit_note_prefix: String,
}

/// The logo as stored: its id (issued invoices refer to it) and pixel size.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LogoInfo {
    #[ts(type = "number")]
    pub id: i64,
    pub mime: String,
    pub width: u32,
    pub height: u32,
}

/// The Settings screen's invoicing section.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InvoiceSettings {
    pub business_name: String,
    pub base_currency: String,
    pub profile: InvoiceProfile,
    pub logo: Option<LogoInfo>,
    pub updated_at: DateTime<Utc>,
}

impl Kontor {
    pub async fn invoice_settings(&self) -> Result<InvoiceSettings> {
        let mut conn = self.store().pool().acquire().await?;
        get_settings(&mut conn).await
    }

    pub async fn update_invoice_profile(&self, actor: &Actor, profile: InvoiceProfile) -> Result<InvoiceSettings> {
        actor.require(Permission::EditBusiness)?;
        let profile = clean(profile)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let before = get_settings(&mut tx).await?;
        sqlx::query(
            "UPDATE business SET legal_name = ?, address = ?, tax_id = ?, bank_details = ?, payment_terms_days = ?,
                    invoice_footer = ?, paper_size = ?, number_locale = ?, invoice_prefix = ?,
                    credit_note_prefix = ?, updated_at = ?
             WHERE id = 1",
        )
        .bind(&profile.legal_name)
        .bind(&profile.address)
        .bind(&profile.tax_id)
        .bind(&profile.bank_details)
        .bind(profile.payment_terms_days)
        .bind(&profile.invoice_footer)
        .bind(profile.paper_size.as_str())
        .bind(profile.number_locale.as_str())
        .bind(&profile.invoice_prefix)
        .bind(&profile.credit_note_prefix)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let after = get_settings(&mut tx).await?;
        record(&mut tx, actor, now, &before, &after).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Sets the logo from a PNG or JPEG file's bytes (`None` removes it).
    /// The old logo is kept for the invoices issued with it.
    pub async fn set_invoice_logo(&self, actor: &Actor, bytes: Option<&[u8]>) -> Result<InvoiceSettings> {
        actor.require(Permission::EditBusiness)?;
        let checked = bytes.map(|bytes| logo::check(bytes).map(|checked| (checked, bytes))).transpose()?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let before = get_settings(&mut tx).await?;
        let logo_id = match checked {
            Some((checked, bytes)) => Some(
                sqlx::query_scalar::<_, i64>(
                    "INSERT INTO business_logos (mime, width, height, bytes, created_at) VALUES (?, ?, ?, ?, ?)
                     RETURNING id",
                )
                .bind(checked.mime)
                .bind(checked.width)
                .bind(checked.height)
                .bind(bytes)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?,
            ),
            None => None,
        };
        sqlx::query("UPDATE business SET logo_id = ?, updated_at = ? WHERE id = 1")
            .bind(logo_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        let after = get_settings(&mut tx).await?;
        record(&mut tx, actor, now, &before, &after).await?;
        tx.commit().await?;
        Ok(after)
    }
}

fn clean(profile: InvoiceProfile) -> Result<InvoiceProfile> {
    if profile.payment_terms_days > 365 {
        return Err(Error::InvalidInput { field: "paymentTermsDays", reason: "must be between 0 and 365 days".into() });
    }
    Ok(InvoiceProfile {
        legal_name: optional_text("legalName", &profile.legal_name, 200)?,
        address: optional_text("address", &profile.address, 500)?,
        tax_id: optional_text("taxId", &profile.tax_id, 50)?,
        bank_details: optional_text("bankDetails", &profile.bank_details, 300)?,
        payment_terms_days: profile.payment_terms_days,
        invoice_footer: optional_text("invoiceFooter", &profile.invoice_footer, 300)?,
        paper_size: profile.paper_size,
        number_locale: profile.number_locale,
        invoice_prefix: clean_prefix("invoicePrefix", &profile.invoice_prefix)?,
        credit_note_prefix: clean_prefix("creditNotePrefix", &profile.credit_note_prefix)?,
    })
}

/// Letters and digits only: the prefix starts every number (`INV-2026-000042`).
fn clean_prefix(field: &'static str, prefix: &str) -> Result<String> {
    let prefix = required_text(field, prefix, 10)?.to_ascii_uppercase();
    if !prefix.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(Error::InvalidInput {
            field,
            reason: format!("\"{prefix}\" may hold only letters A–Z and digits"),
        });
    }
    Ok(prefix)
}

type SettingsRow = (String, String, String, String, String, String, u32, String, String, String, String, String);

pub(super) async fn get_settings(conn: &mut SqliteConnection) -> Result<InvoiceSettings> {
    let row: SettingsRow = sqlx::query_as(
        "SELECT name, base_currency, legal_name, address, tax_id, bank_details, payment_terms_days,
                invoice_footer, paper_size, number_locale, invoice_prefix, credit_note_prefix
         FROM business WHERE id = 1",
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(Error::NotSetUp)?;
    let (business_name, base_currency, legal_name, address, tax_id, bank_details, payment_terms_days) =
        (row.0, row.1, row.2, row.3, row.4, row.5, row.6);
    let logo: Option<(i64, String, u32, u32)> = sqlx::query_as(
        "SELECT l.id, l.mime, l.width, l.height FROM business b JOIN business_logos l ON l.id = b.logo_id
         WHERE b.id = 1",
    )
    .fetch_optional(&mut *conn)
    .await?;
    let updated_at: DateTime<Utc> =
        sqlx::query_scalar("SELECT updated_at FROM business WHERE id = 1").fetch_one(&mut *conn).await?;
    Ok(InvoiceSettings {
        business_name,
        base_currency,
        profile: InvoiceProfile {
            legal_name,
            address,
            tax_id,
            bank_details,
            payment_terms_days,
            invoice_footer: row.7,
            paper_size: PaperSize::parse(&row.8)?,
            number_locale: NumberLocale::parse(&row.9)?,
            invoice_prefix: row.10,
            credit_note_prefix: row.11,
        },
        logo: logo.map(|(id, mime, width, height)| LogoInfo { id, mime, width, height }),
        updated_at,
    })
}

/// A logo's bytes by id (issued invoices keep the id they were issued with).
pub(super) async fn logo_bytes(conn: &mut SqliteConnection, id: i64) -> Result<Vec<u8>> {
    sqlx::query_scalar("SELECT bytes FROM business_logos WHERE id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| Error::NotFound { entity: "logo", key: id.to_string() })
}

async fn record(
    conn: &mut SqliteConnection,
    actor: &Actor,
    now: DateTime<Utc>,
    before: &InvoiceSettings,
    after: &InvoiceSettings,
) -> Result<()> {
    history::record(
        conn,
        Change {
            entity: "business",
            entity_id: Some(1),
            action: "invoice_profile_updated",
            before: snapshot(before),
            after: snapshot(after),
            actor,
            at: now,
        },
    )
    .await
}
