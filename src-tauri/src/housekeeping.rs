//! Runs the core's housekeeping (automatic delivery, shipping events) at
//! start-up and then every few minutes while the window is open.

use std::time::Duration;

use tauri::{AppHandle, Manager};

use crate::state::Desktop;

const EVERY: Duration = Duration::from_secs(5 * 60);

pub async fn run_forever(app: AppHandle) {
    loop {
        let desktop = app.state::<Desktop>();
        // A book that failed to open has nothing to keep; the problem screen says why.
        if let Ok(kontor) = desktop.kontor().await
            && let Err(error) = kontor.housekeeping().await
        {
            eprintln!("kontor: housekeeping: {error}");
        }
        tokio::time::sleep(EVERY).await;
    }
}
