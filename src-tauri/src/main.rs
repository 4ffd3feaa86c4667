// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK paints with Skia on the GPU by default; where the GPU is emulated in
    // software (VMs, remote desktops, Xvfb) that costs about 40 MiB more memory than
    // Skia's own CPU painting, and a few forms need no GPU (the main window also
    // draws without GPU compositing: lib.rs).
    // Set before any thread starts; a value the user set wins.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_SKIA_ENABLE_CPU_RENDERING").is_none() {
        std::env::set_var("WEBKIT_SKIA_ENABLE_CPU_RENDERING", "1");
    }
    printoauth_app::run();
}
