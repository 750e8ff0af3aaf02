//! The dashboard, reports (with their charts drawn in the core) and their
//! export to the Downloads folder, and the work queues.

use kontor::queues::{Queue, QueueCount, QueueItem};
use kontor::reports::{DashboardView, ExportFormat, ReportName, ReportRequest, ReportView, downloads_folder};
use tauri::State;

use crate::error::CommandError;
use crate::state::Desktop;

#[tauri::command]
pub async fn dashboard_get(desktop: State<'_, Desktop>) -> Result<DashboardView, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.dashboard_view(&actor).await?)
}

#[tauri::command]
pub async fn reports_get(
    desktop: State<'_, Desktop>,
    name: ReportName,
    request: ReportRequest,
) -> Result<ReportView, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.report_view(&actor, name, &request).await?)
}

/// Saves the report in the user's Downloads folder; returns the file's path.
#[tauri::command]
pub async fn reports_export(
    desktop: State<'_, Desktop>,
    name: ReportName,
    request: ReportRequest,
    format: ExportFormat,
) -> Result<String, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    let path = kontor.export_report(&actor, name, &request, format, &downloads_folder()).await?;
    Ok(path.display().to_string())
}

#[tauri::command]
pub async fn queues_counts(desktop: State<'_, Desktop>) -> Result<Vec<QueueCount>, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.queue_counts(&actor).await?)
}

#[tauri::command]
pub async fn queues_items(desktop: State<'_, Desktop>, queue: Queue) -> Result<Vec<QueueItem>, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.queue_items(&actor, queue).await?)
}

#[tauri::command]
pub async fn queues_mark_done(desktop: State<'_, Desktop>, queue: Queue, item_id: i64) -> Result<(), CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.mark_done(&actor, queue, item_id).await?)
}
