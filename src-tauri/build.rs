fn main() {
    // Declaring the app's own commands makes tauri-build generate one permission
    // per command (`allow-app-info`, ...): no command is callable from the UI
    // unless a capability grants it.
    let manifest = tauri_build::AppManifest::new().commands(&[
        "app_info",
        "ui_ready",
        "list_interfaces",
        "discovery_start",
        "discovery_stop",
        "add_device",
        "practice_start",
        "practice_stop",
        "practice_set_fault",
        "tenant_prerequisites",
        "tenant_check",
        "tenant_check_cancel",
        "run_start",
        "run_cancel",
        "run_check_again",
        "open_device_page",
        "trust_certificate",
        "remembered_passwords",
        "consent_show",
        "open_in_browser",
        "sign_in_texts",
        "troubleshoot",
        "remedy_resave",
        "inventory",
        "health_check",
        "audit_unfinished",
        "tenant_check_device",
        "report_save",
        "report_open",
        "update_status",
        "update_set_check_at_start",
        "update_check",
        "update_install",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri-build failed");
}
