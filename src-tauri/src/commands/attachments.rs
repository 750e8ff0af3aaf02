//! PDFs attached to orders. The bytes travel as the raw IPC body (not a JSON
//! array of numbers), with the order and file name in headers; reading sends
//! raw bytes back. "Save elsewhere" asks for the place with the system save
//! dialog from Rust, so the window never names a path on disk.

use kontor::attachments::Attachment;
use tauri::ipc::{InvokeBody, Request, Response};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::CommandError;
use crate::state::Desktop;

#[tauri::command]
pub async fn attachments_list(desktop: State<'_, Desktop>, order: String) -> Result<Vec<Attachment>, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.list_attachments(&actor, &order).await?)
}

/// Body: the file's bytes. Headers: `x-kontor-order`, `x-kontor-file-name`
/// (URI-encoded, as `encodeURIComponent` writes it).
#[tauri::command]
pub async fn attachments_add(desktop: State<'_, Desktop>, request: Request<'_>) -> Result<Attachment, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    let order = header(&request, "x-kontor-order", "order")?;
    let file_name = header(&request, "x-kontor-file-name", "fileName")?;
    let bytes = match request.body() {
        InvokeBody::Raw(bytes) => bytes.clone(),
        // Where the webview cannot send a raw body, Tauri sends the array as JSON.
        InvokeBody::Json(value) => {
            serde_json::from_value(value.clone()).map_err(|_| invalid("file", "expected the file's bytes"))?
        }
    };
    Ok(kontor.attach_pdf(&actor, &order, &file_name, &bytes).await?)
}

#[tauri::command]
pub async fn attachments_read(desktop: State<'_, Desktop>, id: i64) -> Result<Response, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    let (_, bytes) = kontor.attachment_pdf(&actor, id).await?;
    Ok(Response::new(bytes))
}

#[tauri::command]
pub async fn attachments_remove(desktop: State<'_, Desktop>, id: i64) -> Result<Attachment, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.remove_attachment(&actor, id).await?)
}

/// Asks where to save the attachment and writes it there; `None` when the
/// dialog was cancelled, else the path written.
#[tauri::command]
pub async fn attachments_save(
    app: AppHandle,
    desktop: State<'_, Desktop>,
    id: i64,
) -> Result<Option<String>, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    let (attachment, bytes) = kontor.attachment_pdf(&actor, id).await?;
    let (sender, receiver) = tokio::sync::oneshot::channel();
    app.dialog().file().set_file_name(&attachment.file_name).add_filter("PDF", &["pdf"]).save_file(move |path| {
        let _ = sender.send(path);
    });
    let Some(path) = receiver.await.ok().flatten() else { return Ok(None) };
    let path = path.into_path().map_err(|_| invalid("path", "the chosen place is not a file on this computer"))?;
    std::fs::write(&path, &bytes).map_err(|source| kontor::Error::File {
        action: "write",
        path: path.clone(),
        source,
    })?;
    Ok(Some(path.display().to_string()))
}

fn header(request: &Request<'_>, name: &str, field: &'static str) -> Result<String, CommandError> {
    let raw =
        request.headers().get(name).and_then(|value| value.to_str().ok()).ok_or_else(|| invalid(field, "missing"))?;
    let decoded =
        percent_encoding::percent_decode_str(raw).decode_utf8().map_err(|_| invalid(field, "not UTF-8 text"))?;
    Ok(decoded.into_owned())
}

fn invalid(field: &'static str, reason: &str) -> CommandError {
    kontor::Error::InvalidInput { field, reason: reason.to_string() }.into()
}
