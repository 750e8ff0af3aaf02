//! `kontor print FILE --printer NAME`: a PDF to a CUPS printer (the invoice
//! command `kontor invoice print` uses the same core function).

use std::path::Path;

use kontor::print::print_pdf;
use kontor::{Error, Result};

use super::output;

pub async fn run(file: &Path, printer: &str, json: bool) -> Result<()> {
    let bytes =
        std::fs::read(file).map_err(|source| Error::File { action: "read", path: file.to_path_buf(), source })?;
    let title = file.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let job = print_pdf(printer, &title, &bytes).await?;
    output::print(json, &job, || format!("sent {title} to {} (job {})", job.printer, job.job_id));
    Ok(())
}
