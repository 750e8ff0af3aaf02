//! "Load demo data" on an empty book, reporting progress over a channel.

use kontor::demo::{DemoOptions, DemoProgress, DemoSummary};
use tauri::State;
use tauri::ipc::Channel;

use crate::error::CommandError;
use crate::state::Desktop;

/// The same business `kontor demo` makes, with its default size.
const DEMO_ORDERS: usize = 2000;

#[tauri::command]
pub async fn demo_load(
    desktop: State<'_, Desktop>,
    on_progress: Channel<DemoProgress>,
) -> Result<DemoSummary, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    let options = DemoOptions { orders: DEMO_ORDERS, seed: 1 };
    let summary = kontor
        .load_demo(&actor, options, |done, total| {
            // Progress is a courtesy: a window that closed mid-way must not stop the load.
            if done % 20 == 0 || done == total {
                let _ = on_progress.send(DemoProgress { done, total });
            }
        })
        .await?;
    Ok(summary)
}
