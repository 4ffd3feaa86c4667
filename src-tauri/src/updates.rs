//! Updates of the installed app, through the Tauri updater plugin.
//!
//! Every installer the release workflow publishes is signed with the project's updater
//! key: the public key is in tauri.conf.json (`plugins > updater > pubkey`), the private
//! key is a secret of the release workflow only. The plugin installs nothing whose
//! signature does not verify with that public key (`src-tauri/tests/updater_signing.rs`
//! proves it with a throwaway key pair).
//!
//! The user decides whether printoauth looks for a new version when it starts (About >
//! "Look for a new version when printoauth starts"); the choice is kept in the app's
//! config folder. Only builds made by the release workflow update themselves: it sets
//! the update address (`plugins > updater > endpoints`). A build without one (a
//! developer's, CI's) never asks the network and says so.

use std::path::PathBuf;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_updater::{Update, UpdaterExt};
use ts_rs::TS;

use crate::error::{AppError, ErrorCode};

/// Whether this build updates itself, and the user's choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateStatus {
    /// A build with an update address and a public key (a published release).
    pub supported: bool,
    /// Look for a new version when the app starts (the user's choice; on by default).
    pub check_at_start: bool,
}

/// A newer version that is available.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateView {
    pub version: String,
    pub current_version: String,
    /// The release notes, as published (plain text).
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Settings {
    check_at_start: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            check_at_start: true,
        }
    }
}

/// The updater's state: the user's choice and the update found by the last check.
pub struct Updates {
    supported: bool,
    settings_file: Option<PathBuf>,
    settings: Mutex<Settings>,
    pending: tokio::sync::Mutex<Option<Update>>,
}

/// Whether the updater's configuration (`plugins > updater`) lets this build update
/// itself: a public key and at least one update address.
pub fn configured(updater: Option<&serde_json::Value>) -> bool {
    let Some(u) = updater else { return false };
    let pubkey = u.get("pubkey").and_then(|k| k.as_str()).unwrap_or("");
    let endpoints = u
        .get("endpoints")
        .and_then(|e| e.as_array())
        .map(|e| e.iter().any(|x| x.as_str().is_some_and(|s| !s.is_empty())))
        .unwrap_or(false);
    !pubkey.trim().is_empty() && endpoints
}

impl Updates {
    /// Reads the user's choice from `settings_file` (missing or unreadable: on).
    pub fn new(supported: bool, settings_file: Option<PathBuf>) -> Updates {
        let settings = settings_file
            .as_ref()
            .and_then(|f| std::fs::read(f).ok())
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        Updates {
            supported,
            settings_file,
            settings: Mutex::new(settings),
            pending: tokio::sync::Mutex::new(None),
        }
    }

    /// For the app: supported when the bundled configuration names the updater's key
    /// and address; the choice lives in the app's config folder.
    pub fn for_app<R: Runtime>(app: &AppHandle<R>) -> Updates {
        let supported = configured(app.config().plugins.0.get("updater"));
        let file = app
            .path()
            .app_config_dir()
            .ok()
            .map(|d| d.join("update-settings.json"));
        Updates::new(supported, file)
    }

    pub fn status(&self) -> UpdateStatus {
        UpdateStatus {
            supported: self.supported,
            check_at_start: self.settings.lock().expect("settings").check_at_start,
        }
    }

    /// Stores the user's choice (kept for the next start).
    pub fn set_check_at_start(&self, on: bool) -> Result<UpdateStatus, AppError> {
        let mut s = self.settings.lock().expect("settings");
        s.check_at_start = on;
        if let Some(file) = &self.settings_file {
            let write = || -> std::io::Result<()> {
                if let Some(dir) = file.parent() {
                    std::fs::create_dir_all(dir)?;
                }
                printoauth_core::files::write_atomically(file, &serde_json::to_vec_pretty(&*s)?)
            };
            write().map_err(|e| {
                AppError::new(ErrorCode::Internal).with("detail", format!("update settings: {e}"))
            })?;
        }
        drop(s);
        Ok(self.status())
    }

    fn require_supported(&self) -> Result<(), AppError> {
        if self.supported {
            Ok(())
        } else {
            Err(AppError::new(ErrorCode::UpdateUnavailable))
        }
    }
}

#[tauri::command]
pub fn update_status(updates: State<'_, Updates>) -> Result<UpdateStatus, AppError> {
    Ok(updates.status())
}

#[tauri::command]
pub fn update_set_check_at_start(
    updates: State<'_, Updates>,
    on: bool,
) -> Result<UpdateStatus, AppError> {
    updates.set_check_at_start(on)
}

/// Asks the update address for a newer version (`None`: this is the newest).
#[tauri::command]
pub async fn update_check(
    app: AppHandle,
    updates: State<'_, Updates>,
) -> Result<Option<UpdateView>, AppError> {
    updates.require_supported()?;
    let failed = |e: tauri_plugin_updater::Error| {
        AppError::new(ErrorCode::UpdateCheckFailed).with("detail", e.to_string())
    };
    let found = app
        .updater()
        .map_err(failed)?
        .check()
        .await
        .map_err(failed)?;
    let view = found.as_ref().map(|u| UpdateView {
        version: u.version.clone(),
        current_version: u.current_version.clone(),
        notes: u.body.clone(),
    });
    *updates.pending.lock().await = found;
    Ok(view)
}

/// Downloads the version found by `update_check`, verifies its signature, installs it
/// and starts the new version.
#[tauri::command]
pub async fn update_install(app: AppHandle, updates: State<'_, Updates>) -> Result<(), AppError> {
    updates.require_supported()?;
    let Some(update) = updates.pending.lock().await.take() else {
        return Err(AppError::new(ErrorCode::UpdateInstallFailed).with("detail", "no update found"));
    };
    update
        .download_and_install(|_, _| {}, || {})
        .await
        .map_err(|e| AppError::new(ErrorCode::UpdateInstallFailed).with("detail", e.to_string()))?;
    // Windows: the installer has taken over and ends the app. Elsewhere: start the new one.
    app.restart();
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_a_build_with_key_and_address_updates_itself() {
        assert!(!configured(None));
        assert!(!configured(Some(
            &json!({ "pubkey": "abc", "endpoints": [] })
        )));
        assert!(!configured(Some(
            &json!({ "pubkey": "", "endpoints": ["https://x.example/latest.json"] })
        )));
        assert!(configured(Some(
            &json!({ "pubkey": "abc", "endpoints": ["https://x.example/latest.json"] })
        )));
    }

    #[test]
    fn the_repository_config_has_a_key_but_no_address() {
        // Developers' and CI's builds never ask the network; the release workflow adds
        // the address of the published releases.
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../tauri.conf.json")).expect("tauri.conf.json");
        let updater = conf.pointer("/plugins/updater");
        assert!(!configured(updater));
        let pubkey = updater
            .and_then(|u| u.get("pubkey"))
            .and_then(|k| k.as_str())
            .unwrap_or("");
        assert!(
            !pubkey.is_empty(),
            "the updater's public key is in tauri.conf.json"
        );
    }

    #[test]
    fn the_choice_is_on_by_default_and_kept() {
        let dir = std::env::temp_dir().join(format!("printoauth-update-{}", uuid::Uuid::new_v4()));
        let file = dir.join("update-settings.json");
        let u = Updates::new(true, Some(file.clone()));
        assert_eq!(
            u.status(),
            UpdateStatus {
                supported: true,
                check_at_start: true
            }
        );
        assert!(!u.set_check_at_start(false).unwrap().check_at_start);
        let again = Updates::new(true, Some(file));
        assert!(
            !again.status().check_at_start,
            "the choice survives a restart"
        );
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_build_without_updates_refuses_to_check() {
        let u = Updates::new(false, None);
        assert_eq!(
            u.require_supported().unwrap_err().code,
            "update-unavailable"
        );
    }
}
