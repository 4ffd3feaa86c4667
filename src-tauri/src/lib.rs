//! printoauth's desktop shell: builds the Tauri app and registers its commands.
//! The work itself lives in printoauth-core; this crate only carries it to the UI.

pub mod commands;
pub mod error;
pub mod models;

pub use error::{AppError, ErrorCode};

/// Builds the Tauri app with every command the UI may call.
pub fn builder() -> tauri::Builder<tauri::Wry> {
    tauri::Builder::default().invoke_handler(tauri::generate_handler![commands::app_info])
}

/// Runs the app until its last window closes.
pub fn run() {
    builder()
        .run(tauri::generate_context!())
        .expect("error while running printoauth");
}
