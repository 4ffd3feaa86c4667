//! Commands the UI calls through `invoke`. Each returns `Result<_, AppError>` so a
//! failure reaches the UI as `{code, params}`; long work reports progress over a
//! `tauri::ipc::Channel`. The commands only carry calls to the modules that do the work.
//!
//! Kept out of lib.rs: `#[tauri::command]` items defined at the crate root clash with
//! the macros they generate (E0255).

use printoauth_core::discovery::InterfaceChoice;
use printoauth_core::tenant_check::{Prerequisite, TenantCheckProgress, TenantCheckReport};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::error::{AppError, ErrorCode};
use crate::models::*;
use crate::state::AppState;

/// The OS language, from the environment (LC_ALL, LC_MESSAGES, LANG) on Unix.
fn os_language() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty() && v != "C" && v != "POSIX")
        .map(|v| v.split(['.', '@']).next().unwrap_or("").replace('_', "-"))
        .filter(|v| !v.is_empty())
}

/// The app's name, version and which modes this build offers.
#[tauri::command]
pub fn app_info() -> Result<AppInfo, AppError> {
    Ok(AppInfo {
        name: "printoauth".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        practice_mode_available: cfg!(feature = "practice"),
        os_language: os_language(),
    })
}

/// The UI is interactive: logs the time since the process started (the bench reads it).
#[tauri::command]
pub fn ui_ready() -> Result<(), AppError> {
    eprintln!(
        "printoauth: interactive after {} ms",
        crate::ms_since_start()
    );
    Ok(())
}

#[tauri::command]
pub fn list_interfaces() -> Result<Vec<NetworkInterfaceView>, AppError> {
    Ok(crate::discovery::interfaces())
}

#[tauri::command]
pub fn discovery_start(
    app: AppHandle,
    state: State<'_, AppState>,
    interfaces: InterfaceChoice,
    on_event: Channel<DeviceListEvent>,
) -> Result<(), AppError> {
    // Rows already known (practice devices, manual adds) first.
    for device in state.registry.views() {
        let _ = on_event.send(DeviceListEvent::Added { device });
    }
    *state.device_events.lock().unwrap() = Some(on_event);
    crate::discovery::start(&app, interfaces)
}

#[tauri::command]
pub fn discovery_stop(state: State<'_, AppState>) -> Result<(), AppError> {
    state.discovery.lock().unwrap().take();
    Ok(())
}

#[tauri::command]
pub async fn add_device(state: State<'_, AppState>, host: String) -> Result<DeviceView, AppError> {
    let found = printoauth_core::discovery::probe(host.trim())
        .await
        .map_err(|e| AppError::from(printoauth_core::Error::from(e)))?;
    let address = found
        .admin_url
        .as_deref()
        .filter(|u| u.starts_with("https://"))
        .and_then(|u| printoauth_core::devices::DeviceAddress::from_urls(Some(u), None))
        .or_else(|| crate::devices::address_of(&found))
        .ok_or_else(|| AppError::internal("no address"))?;
    let (view, new) = state.registry.upsert(crate::devices::Registry::entry(
        crate::devices::view_of(&found, false),
        found.vendor,
        address,
    ));
    state.emit_device(if new {
        DeviceListEvent::Added {
            device: view.clone(),
        }
    } else {
        DeviceListEvent::Changed {
            device: view.clone(),
        }
    });
    Ok(view)
}

#[tauri::command]
pub async fn practice_start(
    state: State<'_, AppState>,
    devices: u32,
) -> Result<PracticeInfo, AppError> {
    #[cfg(feature = "practice")]
    {
        let mut slot = state.practice.lock().await;
        if let Some(old) = slot.take() {
            old.stop();
            for id in state.registry.remove_practice() {
                state.emit_device(DeviceListEvent::Removed { id });
            }
        }
        let mut p = crate::practice::Practice::start(devices as usize).await?;
        let views = p.register(&state.registry);
        for device in views {
            state.emit_device(DeviceListEvent::Added { device });
        }
        state.consent.set_practice(p.sign_in_hosts());
        let info = p.info(&state.registry);
        *slot = Some(p);
        Ok(info)
    }
    #[cfg(not(feature = "practice"))]
    {
        let _ = (state, devices);
        Err(AppError::new(ErrorCode::PracticeUnavailable))
    }
}

#[tauri::command]
pub async fn practice_stop(state: State<'_, AppState>) -> Result<(), AppError> {
    #[cfg(feature = "practice")]
    {
        if let Some(p) = state.practice.lock().await.take() {
            p.stop();
        }
        for id in state.registry.remove_practice() {
            state.emit_device(DeviceListEvent::Removed { id });
        }
        state.consent.set_practice(Vec::new());
        Ok(())
    }
    #[cfg(not(feature = "practice"))]
    {
        let _ = state;
        Err(AppError::new(ErrorCode::PracticeUnavailable))
    }
}

#[tauri::command]
pub async fn practice_set_fault(
    state: State<'_, AppState>,
    fault: PracticeFault,
    device: Option<String>,
    on: bool,
) -> Result<PracticeInfo, AppError> {
    #[cfg(feature = "practice")]
    {
        let mut slot = state.practice.lock().await;
        let p = slot
            .as_mut()
            .ok_or_else(|| AppError::new(ErrorCode::PracticeNotRunning))?;
        p.set_fault(fault, device, on).await?;
        Ok(p.info(&state.registry))
    }
    #[cfg(not(feature = "practice"))]
    {
        let _ = (state, fault, device, on);
        Err(AppError::new(ErrorCode::PracticeUnavailable))
    }
}

#[tauri::command]
pub fn tenant_prerequisites(sender: Option<String>) -> Result<Vec<Prerequisite>, AppError> {
    Ok(crate::tenant::prerequisites(sender.as_deref()))
}

#[tauri::command]
pub async fn tenant_check(
    app: AppHandle,
    request: TenantCheckRequest,
    on_progress: Channel<TenantCheckProgress>,
) -> Result<TenantCheckReport, AppError> {
    crate::tenant::check(app, request, on_progress).await
}

#[tauri::command]
pub fn tenant_check_cancel(state: State<'_, AppState>) -> Result<(), AppError> {
    crate::tenant::cancel(&state);
    Ok(())
}

#[tauri::command]
pub async fn run_start(
    app: AppHandle,
    request: RunRequest,
    on_event: Channel<RunEvent>,
) -> Result<(), AppError> {
    crate::run::run(app, request, on_event).await
}

/// The devices the last run (in practice mode or not) did not finish, from the audit
/// trail; `None` when it finished them all or there is no trail.
#[tauri::command]
pub fn audit_unfinished(
    state: State<'_, AppState>,
    practice: bool,
) -> Result<Option<UnfinishedRun>, AppError> {
    crate::run::unfinished(&state, practice)
}

/// Saves the customer's report of a run (the app's last run unless one is named) in
/// the reports folder, in the UI's language; the saved file's path comes back.
#[tauri::command]
pub fn report_save(
    state: State<'_, AppState>,
    request: crate::models::ReportRequest,
) -> Result<crate::models::SavedReport, AppError> {
    crate::report::save(&state, &request)
}

/// Opens a report `report_save` saved (`folder`: the folder it is in) with the user's
/// program for it. Only reports in the reports folder are opened.
#[tauri::command]
pub fn report_open(state: State<'_, AppState>, path: String, folder: bool) -> Result<(), AppError> {
    crate::report::open(&state, &path, folder)
}

/// "Check again": reads each device of `request` again and continues its run from
/// where the device is (after steps done by hand on its page); the same events as
/// `run_start`.
#[tauri::command]
pub async fn run_check_again(
    app: AppHandle,
    request: RunRequest,
    on_event: Channel<RunEvent>,
) -> Result<(), AppError> {
    crate::run::run_mode(
        app,
        request,
        on_event,
        printoauth_core::run::Mode::CheckAgain,
    )
    .await
}

/// Opens a device's own web page (Web Config, https) in the user's browser.
#[tauri::command]
pub fn open_device_page(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    let url = crate::devices::web_config_url(&state.registry, &id)?;
    open::that_detached(&url).map_err(AppError::internal)
}

/// Trusts a device's new certificate (the fingerprint its failed run showed, after a
/// reset or firmware update renewed it): the next run reaches the device again.
#[tauri::command]
pub fn trust_certificate(
    state: State<'_, AppState>,
    id: String,
    fingerprint: String,
) -> Result<(), AppError> {
    let entry = state.registry.get(&id)?;
    crate::devices::trust_certificate(
        &entry,
        &state.connect_options(entry.view.practice),
        &fingerprint,
    )
}

#[tauri::command]
pub fn run_cancel(state: State<'_, AppState>) -> Result<(), AppError> {
    crate::run::cancel(&state);
    Ok(())
}

/// Which of these devices have an administrator password remembered in the keyring
/// (the wizard then does not ask for it).
#[tauri::command]
pub fn remembered_passwords(
    state: State<'_, AppState>,
    ids: Vec<String>,
) -> Result<Vec<String>, AppError> {
    Ok(ids
        .into_iter()
        .filter(|id| {
            state
                .registry
                .get(id)
                .map(|e| state.secrets_for(e.view.practice).get(id).is_some())
                .unwrap_or(false)
        })
        .collect())
}

#[tauri::command]
pub fn consent_show(app: AppHandle, state: State<'_, AppState>) -> Result<(), AppError> {
    state.consent.set_auto_open(true);
    state.consent.show(&app)?;
    Ok(())
}

/// Opens a sign-in page in the user's own browser (for tenants that block embedded
/// sign-in). Only the pages the consent window may show.
#[tauri::command]
pub fn open_in_browser(state: State<'_, AppState>, url: String) -> Result<(), AppError> {
    open_verification_page(&state.consent.practice(), &url)
}

/// Hands a sign-in page to the desktop's opener: only Microsoft's sign-in pages (in
/// practice mode, the emulator's stand-ins for them), never anything else.
pub fn open_verification_page(
    practice: &[crate::consent::PracticeHost],
    url: &str,
) -> Result<(), AppError> {
    let parsed = url::Url::parse(url)
        .map_err(|_| AppError::new(ErrorCode::UrlNotAllowed).with("url", url))?;
    if !crate::consent::allowed(&parsed, practice) || parsed.scheme() == "about" {
        return Err(AppError::new(ErrorCode::UrlNotAllowed).with("url", url));
    }
    open::that_detached(parsed.as_str()).map_err(AppError::internal)
}

/// The UI's language changed (or the UI started): the texts the sign-in window shows
/// when the sign-in leaves Microsoft's pages.
#[tauri::command]
pub fn sign_in_texts(state: State<'_, AppState>, texts: crate::consent::SignInTexts) {
    state.consent.set_texts(texts);
}

/// The tenant check through a configured device's own connection test (when
/// printoauth has no application id in the tenant).
#[tauri::command]
pub async fn tenant_check_device(
    state: State<'_, AppState>,
    id: String,
    admin_user: Option<String>,
    password: Option<String>,
) -> Result<printoauth_core::tenant_check::DeviceTenantCheck, AppError> {
    crate::tenant::check_through_device(&state, &id, admin_user, password).await
}

#[tauri::command]
pub async fn troubleshoot(
    state: State<'_, AppState>,
    id: String,
    admin_user: Option<String>,
    password: Option<String>,
) -> Result<HealthView, AppError> {
    crate::troubleshoot::run(&state, &id, admin_user, password, false).await
}

#[tauri::command]
pub async fn remedy_resave(
    state: State<'_, AppState>,
    id: String,
    admin_user: Option<String>,
    password: Option<String>,
) -> Result<HealthView, AppError> {
    crate::troubleshoot::run(&state, &id, admin_user, password, true).await
}

/// Reads every device of the list without changing any (the inventory): what each can
/// do, how it sends mail now, and for those that cannot do OAuth2 the alternatives.
/// `password`: for devices without a remembered one, used for this reading only.
#[tauri::command]
pub async fn inventory(
    state: State<'_, AppState>,
    admin_user: Option<String>,
    password: Option<String>,
) -> Result<Vec<printoauth_core::inventory::InventoryEntry>, AppError> {
    crate::inventory::run(&state, admin_user, password).await
}

/// Checks every device whose password is known (remembered, or practice mode's):
/// which need a sign-in again, and why.
#[tauri::command]
pub async fn health_check(
    state: State<'_, AppState>,
) -> Result<Vec<printoauth_core::health::HealthEntry>, AppError> {
    crate::health::run(&state).await
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
        assert!(v.get("osLanguage").is_some(), "{v}");
    }
}
