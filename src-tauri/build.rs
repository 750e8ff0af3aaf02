//! Declares Kontor's commands to Tauri so that the window's capability can
//! allow exactly these and nothing else (capabilities/main-window.json).

const COMMANDS: &[&str] = &[
    "app_status",
    "app_restore_backup",
    "app_first_paint",
    "setup_business",
    "business_get",
    "business_update",
    "session_login",
    "session_logout",
    "session_lock",
    "session_unlock",
    "session_activity",
    "staff_list",
    "staff_add",
    "staff_reset_password",
    "staff_set_active",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
