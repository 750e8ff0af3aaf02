//! `kontor order attach | attachments | attachment-save | detach`: PDFs on
//! an order from a script. Part of `kontor order` (flattened into it).

use std::path::PathBuf;

use clap::Subcommand;
use kontor::attachments::{Attachment, MAX_ATTACHMENT_BYTES};
use kontor::staff::Actor;
use kontor::{Error, Kontor, Result};

use super::output;

#[derive(Debug, Subcommand)]
pub enum AttachmentCommand {
    /// Attach a PDF (at most 25 MB, not encrypted) to an order
    Attach {
        order: String,
        file: PathBuf,
        /// The name it is listed under (default: the file's name)
        #[arg(long)]
        name: Option<String>,
    },
    /// The PDFs attached to an order
    Attachments { order: String },
    /// Save an attached PDF to a file
    AttachmentSave {
        /// The attachment's id (from `attachments`)
        id: i64,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Remove an attachment from its order (managers and owners; the file is kept)
    Detach { id: i64 },
}

pub async fn run(kontor: &Kontor, actor: &Actor, command: AttachmentCommand, json: bool) -> Result<()> {
    match command {
        AttachmentCommand::Attach { order, file, name } => {
            let bytes = read_limited(&file)?;
            let name = name.unwrap_or_else(|| file.display().to_string());
            let attachment = kontor.attach_pdf(actor, &order, &name, &bytes).await?;
            output::print(json, &attachment, || format!("attached {}", describe(&attachment)));
        }
        AttachmentCommand::Attachments { order } => {
            let attachments = kontor.list_attachments(actor, &order).await?;
            let body = serde_json::json!({ "attachments": attachments });
            output::print(json, &body, || {
                let mut lines: Vec<String> = attachments.iter().map(describe).collect();
                lines.push(match attachments.len() {
                    1 => "1 attachment".to_string(),
                    count => format!("{count} attachments"),
                });
                lines.join("\n")
            });
        }
        AttachmentCommand::AttachmentSave { id, out } => {
            let (attachment, bytes) = kontor.attachment_pdf(actor, id).await?;
            std::fs::write(&out, &bytes).map_err(|source| Error::File {
                action: "write",
                path: out.clone(),
                source,
            })?;
            let body = serde_json::json!({ "attachment": attachment, "savedTo": out });
            output::print(json, &body, || format!("saved {} to {}", attachment.file_name, out.display()));
        }
        AttachmentCommand::Detach { id } => {
            let attachment = kontor.remove_attachment(actor, id).await?;
            output::print(json, &attachment, || format!("removed {}", describe(&attachment)));
        }
    }
    Ok(())
}

/// Reads the file, refusing one over the limit before reading it all.
fn read_limited(path: &PathBuf) -> Result<Vec<u8>> {
    let file_error = |source| Error::File { action: "read", path: path.clone(), source };
    let size = std::fs::metadata(path).map_err(file_error)?.len();
    if size > MAX_ATTACHMENT_BYTES as u64 {
        return Err(Error::InvalidAttachment {
            name: path.display().to_string(),
            reason: format!("the file is {size} bytes, over the limit of 25 MB ({MAX_ATTACHMENT_BYTES} bytes)"),
        });
    }
    std::fs::read(path).map_err(file_error)
}

fn describe(attachment: &Attachment) -> String {
    format!(
        "{:>5}  {}  {}  {} bytes  {} pages  by {}  {}",
        attachment.id,
        attachment.order_number,
        attachment.file_name,
        attachment.size_bytes,
        attachment.pages,
        attachment.attached_by,
        attachment.attached_at.format("%Y-%m-%d %H:%M UTC")
    )
}
