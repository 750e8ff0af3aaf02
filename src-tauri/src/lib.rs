//! kontor-desktop: the Tauri window around Kontor's core.

#[cfg(test)]
mod command_names;
mod commands;
mod error;
mod housekeeping;
mod state;
mod status;

use std::path::PathBuf;
use std::time::Instant;

use kontor::Kontor;

use crate::state::Desktop;

pub fn run() {
    let started = Instant::now();
    if !has_display() {
        eprintln!("kontor: no display found — try: xvfb-run -a make run");
        std::process::exit(1);
    }
    let data_dir = data_dir_from_args().unwrap_or_else(kontor::store::default_data_dir);
    let opened = tauri::async_runtime::block_on(Kontor::open(&data_dir));
    if let Err(error) = &opened {
        eprintln!("kontor: {error}");
    }
    tauri::Builder::default()
        .manage(Desktop::new(data_dir, started, opened))
        // Used from Rust only (save dialogs); the window is granted none of its commands.
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            tauri::async_runtime::spawn(housekeeping::run_forever(app.handle().clone()));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_status,
            commands::app::app_restore_backup,
            commands::app::app_first_paint,
            commands::business::setup_business,
            commands::business::business_get,
            commands::business::business_update,
            commands::session::session_login,
            commands::session::session_logout,
            commands::session::session_lock,
            commands::session::session_unlock,
            commands::session::session_activity,
            commands::staff::staff_list,
            commands::staff::staff_add,
            commands::staff::staff_reset_password,
            commands::staff::staff_set_active,
            commands::demo::demo_load,
            commands::customers::customers_list,
            commands::customers::customers_get,
            commands::customers::customers_add,
            commands::customers::customers_update,
            commands::products::products_list,
            commands::products::products_get,
            commands::products::products_add,
            commands::products::products_update,
            commands::products::products_adjust_stock,
            commands::orders::orders_list,
            commands::orders::orders_get,
            commands::orders::orders_preview,
            commands::orders::orders_create,
            commands::orders::orders_place,
            commands::orders::orders_update_line,
            commands::orders::orders_add_line,
            commands::orders::orders_cancel_line,
            commands::orders::orders_cancel,
            commands::orders::orders_ship,
            commands::orders::orders_deliver,
            commands::orders::orders_return,
            commands::orders::orders_pay,
            commands::orders::orders_refund,
            commands::rates::rates_list,
            commands::rates::rates_set,
            commands::reports::dashboard_get,
            commands::reports::reports_get,
            commands::reports::reports_export,
            commands::reports::queues_counts,
            commands::reports::queues_items,
            commands::reports::queues_mark_done,
            commands::invoices::invoices_issue,
            commands::invoices::invoices_credit,
            commands::invoices::invoices_list,
            commands::invoices::invoices_get,
            commands::invoices::invoices_pdf,
            commands::invoices::invoices_batch,
            commands::invoices::invoices_batch_cancel,
            commands::invoices::invoice_settings_get,
            commands::invoices::invoice_profile_update,
            commands::invoices::invoice_logo_set,
            commands::invoices::invoice_preview_pdf,
            commands::invoices::invoices_email,
            commands::attachments::attachments_list,
            commands::attachments::attachments_add,
            commands::attachments::attachments_read,
            commands::attachments::attachments_remove,
            commands::attachments::attachments_save,
            commands::mail::mail_settings_get,
            commands::mail::mail_settings_save,
            commands::mail::mail_password_set,
            commands::mail::mail_test,
            commands::mail::mail_outbox,
            commands::mail::mail_send_pending,
            commands::printing::window_print,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|error| {
            eprintln!("kontor: the window could not start: {error}");
            std::process::exit(1);
        });
}

/// `--data-dir DIR` (used by the e2e suite and for portable use) wins over
/// `KONTOR_DATA_DIR` and the OS data directory.
fn data_dir_from_args() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
    }
    None
}

/// GTK aborts with a backtrace when there is no display; say it in one line.
fn has_display() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|name| std::env::var_os(name).is_some_and(|value| !value.is_empty()))
}
