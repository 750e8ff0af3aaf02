//! Declares Kontor's commands to Tauri so that the window's capability can
//! allow exactly these and nothing else (capabilities/main-window.json).

include!("src/command_names.rs");

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
