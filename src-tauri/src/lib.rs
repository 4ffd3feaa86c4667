//! printoauth's desktop shell: builds the Tauri app, owns the app's state and windows,
//! and registers its commands. The work itself lives in printoauth-core (and, for
//! practice mode, printoauth-sim); this crate only carries it to the UI.
//!
//! Windows:
//! - `main`: the app's own UI (bundled assets, the only window with a capability);
//! - `consent`: the embedded sign-in window ([`consent`]), remote pages only, no
//!   capability and no IPC, allowed to navigate only to Microsoft's sign-in hosts (or,
//!   in practice mode, the emulator's stand-ins for them); a sign-in that leaves for
//!   another host (a federated organisation's own page) gets a notice offering the
//!   system browser instead.
//!
//! Browsing data of both lives in a private folder of this app run
//! ([`session::SessionDir`]), wiped after every batch and deleted when the app exits.

pub mod bindings;
#[cfg(test)]
mod codes;
pub mod commands;
pub mod consent;
pub mod devices;
pub mod discovery;
pub mod error;
pub mod health;
pub mod inventory;
pub mod models;
#[cfg(feature = "practice")]
pub mod practice;
pub mod report;
pub mod run;
pub mod secrets;
pub mod session;
pub mod state;
pub mod tenant;
pub mod troubleshoot;
pub mod updates;

use std::time::Instant;

use tauri::{Manager, RunEvent, WebviewUrl, WebviewWindowBuilder};

pub use error::{AppError, ErrorCode};

/// When the process started, for the start-to-interactive figure.
static STARTED: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();

/// Builds the Tauri app with every command the UI may call.
pub fn builder() -> tauri::Builder<tauri::Wry> {
    tauri::Builder::default()
        .plugin(tauri_plugin_updater::Builder::new().build())
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::ui_ready,
            commands::list_interfaces,
            commands::discovery_start,
            commands::discovery_stop,
            commands::add_device,
            commands::practice_start,
            commands::practice_stop,
            commands::practice_set_fault,
            commands::tenant_prerequisites,
            commands::tenant_check,
            commands::tenant_check_cancel,
            commands::tenant_check_device,
            commands::run_start,
            commands::run_cancel,
            commands::run_check_again,
            commands::open_device_page,
            commands::trust_certificate,
            commands::remembered_passwords,
            commands::consent_show,
            commands::open_in_browser,
            commands::sign_in_texts,
            commands::troubleshoot,
            commands::remedy_resave,
            commands::inventory,
            commands::health_check,
            commands::audit_unfinished,
            commands::report_save,
            commands::report_open,
            updates::update_status,
            updates::update_set_check_at_start,
            updates::update_check,
            updates::update_install,
        ])
        .on_window_event(|window, event| {
            // Closing the main window ends the app, sign-in window included.
            if window.label() == "main" && matches!(event, tauri::WindowEvent::Destroyed) {
                window.app_handle().exit(0);
            }
        })
        .setup(|app| {
            let session = session::SessionDir::create()?;
            let webview_data = session.webview_data();
            let data = app.path().app_data_dir().ok();
            let pins = data.as_ref().map(|d| d.join("device-pins.json"));
            // The audit trail, beside the pins: every run's steps on each device.
            let audit = data.as_ref().and_then(|d| {
                let file = d.join(printoauth_core::audit::FILE_NAME);
                printoauth_core::audit::AuditLog::open(&file)
                    .map_err(|e| eprintln!("printoauth: no audit trail: {e}"))
                    .ok()
            });
            let reports = report::folder(app.path().document_dir().ok(), data.clone());
            app.manage(
                state::AppState::new(session, pins)
                    .with_audit(audit)
                    .with_reports(reports),
            );
            app.manage(updates::Updates::for_app(app.handle()));
            // The main window is made here, not in tauri.conf.json, so its browsing
            // data goes to this run's private folder (shared with the consent window:
            // WebKitGTK lets one web context be driven by WebDriver).
            let main = WebviewWindowBuilder::new(app, "main", WebviewUrl::App("index.html".into()))
                .title("printoauth")
                .inner_size(1100.0, 760.0)
                .min_inner_size(720.0, 520.0)
                .center()
                .data_directory(webview_data)
                .build()?;
            #[cfg(target_os = "linux")]
            draw_without_gpu(&main)?;
            #[cfg(not(target_os = "linux"))]
            let _ = main;
            exit_on_signals(app.handle().clone());
            Ok(())
        })
}

/// The main window shows forms: WebKitGTK draws it on the CPU, without GPU
/// compositing, which spares the GL context and its buffers in the web process
/// (about 40 MiB less in all, measured by scripts/bench-app.sh). The sign-in window keeps
/// WebKit's default, as Microsoft's pages are not ours to judge.
#[cfg(target_os = "linux")]
fn draw_without_gpu(window: &tauri::WebviewWindow) -> tauri::Result<()> {
    window.with_webview(|webview| {
        use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
        if let Some(settings) = WebViewExt::settings(&webview.inner()) {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    })
}

/// Runs the app until its last window closes.
pub fn run() {
    let _ = STARTED.set(Instant::now());
    builder()
        .build(tauri::generate_context!())
        .expect("error while building printoauth")
        .run(|app, event| {
            if let RunEvent::Exit = event {
                if let Some(state) = app.try_state::<state::AppState>() {
                    state.shutdown();
                }
            }
        });
}

/// SIGTERM, SIGINT and SIGHUP end the app as closing its window does, so this run's
/// private folder is removed and the practice world stopped.
fn exit_on_signals(app: tauri::AppHandle) {
    #[cfg(unix)]
    tauri::async_runtime::spawn(async move {
        use tokio::signal::unix::{signal, SignalKind};
        let (Ok(mut term), Ok(mut int), Ok(mut hup)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
            signal(SignalKind::hangup()),
        ) else {
            return;
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
            _ = hup.recv() => {}
        }
        if let Some(state) = app.try_state::<state::AppState>() {
            state.shutdown();
        }
        app.exit(0);
    });
    #[cfg(not(unix))]
    let _ = app;
}

/// Milliseconds since the process started (0 when unknown).
pub fn ms_since_start() -> u128 {
    STARTED.get().map(|s| s.elapsed().as_millis()).unwrap_or(0)
}

#[cfg(test)]
mod permission_tests {
    use std::collections::BTreeSet;

    fn read(rel: &str) -> String {
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
    }

    /// Every command the UI can call is declared (build.rs makes its permission) and
    /// granted to the main window: with an app manifest, Tauri refuses a command that has
    /// no permission, so a command left out would fail only when the user clicks.
    #[test]
    fn every_registered_command_has_a_permission_and_the_main_window_has_it() {
        let lib = read("src/lib.rs");
        let start = lib.find("generate_handler![").expect("the handler list");
        let list = &lib[start..start + lib[start..].find("])").unwrap()];
        let registered: BTreeSet<String> = list
            .split(['[', ',', '\n'])
            .map(str::trim)
            .filter(|s| s.contains("::"))
            .map(|s| s.rsplit("::").next().unwrap().to_string())
            .collect();
        assert!(registered.len() > 20, "{registered:?}");

        let build = read("build.rs");
        let declared: BTreeSet<String> = build
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| s.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .map(str::to_string)
            .collect();
        let capability: serde_json::Value =
            serde_json::from_str(&read("capabilities/main.json")).unwrap();
        let granted: BTreeSet<String> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
            .map(|p| p.replace('-', "_"))
            .collect();
        let undeclared: Vec<_> = registered.difference(&declared).collect();
        assert!(
            undeclared.is_empty(),
            "no permission in build.rs: {undeclared:?}"
        );
        let ungranted: Vec<_> = registered.difference(&granted).collect();
        assert!(
            ungranted.is_empty(),
            "not granted to the main window: {ungranted:?}"
        );
        let unknown: Vec<_> = granted.difference(&registered).collect();
        assert!(
            unknown.is_empty(),
            "granted but not registered: {unknown:?}"
        );
    }
}
