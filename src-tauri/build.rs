fn main() {
    // Declaring the app's own commands makes tauri-build generate one permission
    // per command (`allow-app-info`, ...): no command is callable from the UI
    // unless a capability grants it.
    let manifest = tauri_build::AppManifest::new().commands(&["app_info"]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri-build failed");
}
