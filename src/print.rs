//! Printing a PDF on a named CUPS printer with `lp -d NAME`, the bytes on
//! standard input (no temporary file). Used by `kontor print` now and by the
//! invoice's print command. A missing `lp`, a stopped CUPS or an unknown
//! printer is `printer_unavailable` with CUPS's own words.

use std::io::Write;
use std::process::{Command, Stdio};

use serde::Serialize;
use ts_rs::TS;

use crate::attachments::check_pdf;
use crate::error::{Error, Result};

/// A job CUPS accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PrintJob {
    pub printer: String,
    /// CUPS's request id, e.g. "PDF-12".
    pub job_id: String,
}

/// Sends `bytes` (a PDF, checked like an attachment) to `printer` as `title`.
pub async fn print_pdf(printer: &str, title: &str, bytes: &[u8]) -> Result<PrintJob> {
    let printer = printer.trim().to_string();
    // CUPS queue names: printable characters except space, tab, "/", "\", "#", quotes.
    if printer.is_empty() || printer.chars().any(|c| c.is_control() || " \t/\\#'\"".contains(c)) {
        return Err(Error::InvalidInput { field: "printer", reason: format!("\"{printer}\" is not a printer name") });
    }
    check_pdf(title, bytes)?;
    let (title, bytes, name) = (title.to_string(), bytes.to_vec(), printer.clone());
    tokio::task::spawn_blocking(move || run_lp(&printer, &title, &bytes))
        .await
        .map_err(|error| Error::PrinterUnavailable { printer: name, reason: format!("lp stopped: {error}") })?
}

fn run_lp(printer: &str, title: &str, bytes: &[u8]) -> Result<PrintJob> {
    let unavailable = |reason: String| Error::PrinterUnavailable { printer: printer.to_string(), reason };
    let mut child = Command::new("lp")
        .args(["-d", printer, "-t", title, "--", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => unavailable("the lp command (CUPS) is not installed".into()),
            _ => unavailable(format!("lp could not be started ({error})")),
        })?;
    let written = child.stdin.take().expect("stdin is piped").write_all(bytes);
    let output = child.wait_with_output().map_err(|error| unavailable(format!("lp failed ({error})")))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() || written.is_err() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let reason = stderr.trim().trim_start_matches("lp:").trim().trim_start_matches("Error -").trim();
        return Err(unavailable(if reason.is_empty() {
            format!("lp ended with {}", output.status)
        } else {
            reason.to_string()
        }));
    }
    // "request id is PDF-12 (1 file(s))"
    let job_id = stdout.split_whitespace().skip_while(|word| *word != "is").nth(1).unwrap_or_default().to_string();
    Ok(PrintJob { printer: printer.to_string(), job_id })
}
