//! Invoices and credit notes: issue from an order page, the list, one
//! document, its PDF (raw bytes for the viewer), the batch with progress and
//! cancel, e-mailing one to its customer, and the invoicing part of the
//! business profile in Settings.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use kontor::invoices::{
    BatchOptions, BatchProgress, BatchSummary, InvoiceDetail, InvoicePage, InvoiceProfile, InvoiceQuery,
    InvoiceSettings, IssuedInvoice,
};
use kontor::mail::OutboxEntry;
use kontor::orders::OrderQuery;
use tauri::State;
use tauri::ipc::{Channel, Response};

use crate::error::CommandError;
use crate::state::Desktop;

/// One window, one batch at a time: the Cancel button sets this, the
/// running batch reads it before each order.
static BATCH_CANCEL: AtomicBool = AtomicBool::new(false);

#[tauri::command]
pub async fn invoices_issue(desktop: State<'_, Desktop>, order: String) -> Result<IssuedInvoice, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.issue_invoice(&actor, &order).await?)
}

#[tauri::command]
pub async fn invoices_credit(desktop: State<'_, Desktop>, order: String) -> Result<InvoiceDetail, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.issue_credit_note(&actor, &order).await?)
}

#[tauri::command]
pub async fn invoices_list(desktop: State<'_, Desktop>, query: InvoiceQuery) -> Result<InvoicePage, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.list_invoices(&actor, &query).await?)
}

#[tauri::command]
pub async fn invoices_get(desktop: State<'_, Desktop>, number: String) -> Result<InvoiceDetail, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.invoice_detail(&actor, &number).await?)
}

/// The PDF as raw bytes (an ArrayBuffer in the window), not a JSON array.
#[tauri::command]
pub async fn invoices_pdf(desktop: State<'_, Desktop>, number: String) -> Result<Response, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(Response::new(kontor.invoice_pdf(&actor, &number).await?))
}

/// "Email invoice": queued in the outbox (housekeeping sends it, and retries while offline).
#[tauri::command]
pub async fn invoices_email(desktop: State<'_, Desktop>, number: String) -> Result<OutboxEntry, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.email_invoice(&actor, &number).await?)
}

#[tauri::command]
pub async fn invoices_batch(
    desktop: State<'_, Desktop>,
    filter: OrderQuery,
    out_dir: Option<String>,
    on_progress: Channel<BatchProgress>,
) -> Result<BatchSummary, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    BATCH_CANCEL.store(false, Ordering::Relaxed);
    let options = BatchOptions { filter, out_dir: out_dir.map(PathBuf::from) };
    let summary = kontor
        .issue_invoices_batch(
            &actor,
            &options,
            // Progress is a courtesy: a closed window must not stop the batch.
            |done, total| drop(on_progress.send(BatchProgress { done, total })),
            &BATCH_CANCEL,
        )
        .await?;
    Ok(summary)
}

#[tauri::command]
pub async fn invoices_batch_cancel() -> Result<(), CommandError> {
    BATCH_CANCEL.store(true, Ordering::Relaxed);
    Ok(())
}

#[tauri::command]
pub async fn invoice_settings_get(desktop: State<'_, Desktop>) -> Result<InvoiceSettings, CommandError> {
    let (kontor, _actor) = desktop.acting().await?;
    Ok(kontor.invoice_settings().await?)
}

#[tauri::command]
pub async fn invoice_profile_update(
    desktop: State<'_, Desktop>,
    profile: InvoiceProfile,
) -> Result<InvoiceSettings, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.update_invoice_profile(&actor, profile).await?)
}

/// `logo`: the PNG or JPEG file's bytes, or null to remove the logo.
#[tauri::command]
pub async fn invoice_logo_set(
    desktop: State<'_, Desktop>,
    logo: Option<Vec<u8>>,
) -> Result<InvoiceSettings, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.set_invoice_logo(&actor, logo.as_deref()).await?)
}

/// The sample invoice printed with the business profile as it is now.
#[tauri::command]
pub async fn invoice_preview_pdf(desktop: State<'_, Desktop>) -> Result<Response, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(Response::new(kontor.invoice_preview_pdf(&actor).await?))
}
