//! The system print dialog for what the window shows. The UI lays out only
//! the pages to print for print media (a PDF's pages drawn by pdf.js), so
//! this prints an attachment or an invoice exactly as seen, on any printer
//! the system knows.

use tauri::{State, Webview};

use crate::error::CommandError;
use crate::state::Desktop;

#[tauri::command]
pub async fn window_print(webview: Webview, desktop: State<'_, Desktop>) -> Result<(), CommandError> {
    // Only a signed-in, unlocked session may print what the window shows.
    desktop.acting().await?;
    webview.print().map_err(|error| kontor::Error::PrinterUnavailable {
        printer: "the system print dialog".into(),
        reason: error.to_string(),
    })?;
    Ok(())
}
