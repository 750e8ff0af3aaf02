//! The window's start: what to show, restoring a damaged database, and the
//! first-paint mark the start-up benchmark reads.

use kontor::Kontor;
use tauri::State;

use crate::error::CommandError;
use crate::state::Desktop;
use crate::status::AppStatus;

#[tauri::command]
pub async fn app_status(desktop: State<'_, Desktop>) -> Result<AppStatus, CommandError> {
    AppStatus::of(&desktop).await
}

/// After a `database_corrupt` start: move the bad file aside, put the newest
/// backup in its place and open it.
#[tauri::command]
pub async fn app_restore_backup(desktop: State<'_, Desktop>) -> Result<AppStatus, CommandError> {
    if desktop.opened().await.is_ok() {
        return AppStatus::of(&desktop).await;
    }
    kontor::store::restore_latest_backup(&desktop.data_dir, chrono::Utc::now())?;
    desktop.reopen(Kontor::open(&desktop.data_dir).await).await;
    AppStatus::of(&desktop).await
}

/// The UI calls this once its first screen is painted. With
/// `KONTOR_REPORT_FIRST_PAINT=1` the time since start goes to stderr.
#[tauri::command]
pub fn app_first_paint(desktop: State<'_, Desktop>) {
    if std::env::var_os("KONTOR_REPORT_FIRST_PAINT").is_some_and(|value| value == "1") {
        eprintln!("kontor: first-paint {} ms", desktop.started.elapsed().as_millis());
    }
}
