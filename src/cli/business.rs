//! `kontor business …`: what invoices say about the seller (legal name,
//! address, tax id, logo, bank details, terms, footer, paper, number format,
//! number prefixes). Only the options given change.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use kontor::error::Error;
use kontor::invoices::locale::NumberLocale;
use kontor::invoices::{InvoiceSettings, PaperSize};
use kontor::staff::Actor;
use kontor::{Kontor, Result};

use super::output;

#[derive(Debug, Subcommand)]
pub enum BusinessCommand {
    /// The invoicing profile
    Show,
    /// Change the invoicing profile
    Set(Box<ProfileArgs>),
}

#[derive(Debug, Args)]
pub struct ProfileArgs {
    #[arg(long)]
    legal_name: Option<String>,
    /// Use \n between lines
    #[arg(long)]
    address: Option<String>,
    #[arg(long)]
    tax_id: Option<String>,
    /// Use \n between lines
    #[arg(long)]
    bank_details: Option<String>,
    /// Days from issue to due date
    #[arg(long, value_name = "DAYS")]
    payment_terms: Option<u32>,
    #[arg(long)]
    footer: Option<String>,
    /// a4 or letter
    #[arg(long, value_parser = parse_paper)]
    paper: Option<PaperSize>,
    /// en (1,234.56), de (1.234,56) or fr (1 234,56)
    #[arg(long, value_parser = parse_locale)]
    number_format: Option<NumberLocale>,
    #[arg(long)]
    invoice_prefix: Option<String>,
    #[arg(long)]
    credit_note_prefix: Option<String>,
    /// A PNG or JPEG file
    #[arg(long, value_name = "FILE", conflicts_with = "no_logo")]
    logo: Option<PathBuf>,
    /// Remove the logo
    #[arg(long)]
    no_logo: bool,
}

fn parse_paper(text: &str) -> Result<PaperSize, String> {
    PaperSize::parse(text).map_err(|error| error.to_string())
}

fn parse_locale(text: &str) -> Result<NumberLocale, String> {
    NumberLocale::parse(text).map_err(|error| error.to_string())
}

pub async fn run(kontor: &Kontor, actor: &Actor, command: BusinessCommand, json: bool) -> Result<()> {
    let settings = match command {
        BusinessCommand::Show => kontor.invoice_settings().await?,
        BusinessCommand::Set(args) => {
            let ProfileArgs {
                legal_name,
                address,
                tax_id,
                bank_details,
                payment_terms,
                footer,
                paper,
                number_format,
                invoice_prefix,
                credit_note_prefix,
                logo,
                no_logo,
            } = *args;
            let logo = match logo {
                Some(path) => {
                    Some(std::fs::read(&path).map_err(|source| Error::File { action: "read", path, source })?)
                }
                None => None,
            };
            let mut profile = kontor.invoice_settings().await?.profile;
            let lines = |text: String| text.replace("\\n", "\n");
            profile.legal_name = legal_name.unwrap_or(profile.legal_name);
            profile.address = address.map(lines).unwrap_or(profile.address);
            profile.tax_id = tax_id.unwrap_or(profile.tax_id);
            profile.bank_details = bank_details.map(lines).unwrap_or(profile.bank_details);
            profile.payment_terms_days = payment_terms.unwrap_or(profile.payment_terms_days);
            profile.invoice_footer = footer.unwrap_or(profile.invoice_footer);
            profile.paper_size = paper.unwrap_or(profile.paper_size);
            profile.number_locale = number_format.unwrap_or(profile.number_locale);
            profile.invoice_prefix = invoice_prefix.unwrap_or(profile.invoice_prefix);
            profile.credit_note_prefix = credit_note_prefix.unwrap_or(profile.credit_note_prefix);
            // The logo is checked first, so a bad file changes nothing at all.
            if let Some(bytes) = &logo {
                kontor::invoices::logo::check(bytes)?;
            }
            let mut settings = kontor.update_invoice_profile(actor, profile).await?;
            if logo.is_some() || no_logo {
                settings = kontor.set_invoice_logo(actor, logo.as_deref()).await?;
            }
            settings
        }
    };
    output::print(json, &settings, || describe(&settings));
    Ok(())
}

fn describe(settings: &InvoiceSettings) -> String {
    let p = &settings.profile;
    let logo = settings.logo.as_ref().map_or("none".to_string(), |l| format!("{} {}×{}", l.mime, l.width, l.height));
    format!(
        "{} ({})\nlegal name: {}\naddress: {}\ntax id: {}\nbank details: {}\npayment terms: {} days\nfooter: {}\npaper: {}\nnumber format: {}\nprefixes: {} / {}\nlogo: {logo}",
        settings.business_name,
        settings.base_currency,
        p.legal_name,
        p.address.replace('\n', ", "),
        p.tax_id,
        p.bank_details.replace('\n', ", "),
        p.payment_terms_days,
        p.invoice_footer,
        p.paper_size.as_str(),
        p.number_locale.as_str(),
        p.invoice_prefix,
        p.credit_note_prefix
    )
}
