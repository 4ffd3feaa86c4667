//! Commands the UI calls through `invoke`. Each returns `Result<_, AppError>`
//! so a failure reaches the UI as `{code, params}`.
//!
//! Kept out of lib.rs: `#[tauri::command]` items defined at the crate root
//! clash with the macros they generate (E0255).

use crate::error::AppError;
use crate::models::AppInfo;

/// The app's name, version and which modes this build offers.
#[tauri::command]
pub fn app_info() -> Result<AppInfo, AppError> {
    Ok(AppInfo {
        name: "printoauth".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        practice_mode_available: cfg!(feature = "practice"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_info_names_the_product_and_version() {
        let info = app_info().unwrap();
        assert_eq!(info.name, "printoauth");
        assert_eq!(info.version, env!("CARGO_PKG_VERSION"));
        assert_eq!(info.practice_mode_available, cfg!(feature = "practice"));
    }

    #[test]
    fn app_info_is_camel_case_on_the_wire() {
        let v = serde_json::to_value(app_info().unwrap()).unwrap();
        assert!(v.get("practiceModeAvailable").is_some(), "{v}");
        assert!(v.get("version").is_some(), "{v}");
    }
}
