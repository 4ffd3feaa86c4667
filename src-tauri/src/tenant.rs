//! The tenant step: the prerequisites as a checklist (where to change each, the
//! PowerShell line, how to verify), and the live check (printoauth's own device-code
//! sign-in, then a test mail with XOAUTH2), each result with its cause and fix.

use printoauth_core::identity::APP_ID_ENV;
use printoauth_core::report::ReportTenantCheck;
use printoauth_core::tenant_check::{
    run_tenant_check, DeviceTenantCheck, Prerequisite, TenantCheckConfig, TenantCheckProgress,
    TenantCheckReport,
};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager};

use crate::consent::Waiting;
use crate::error::{AppError, ErrorCode};
use crate::models::TenantCheckRequest;
use crate::state::AppState;

/// The queue entry of the app's own sign-in in the consent window.
pub const CONSENT_ID: &str = "tenant";

/// The prerequisites the vendor guide names, with where to change them (the
/// engine's checklist, as it is).
pub fn prerequisites(sender: Option<&str>) -> Vec<Prerequisite> {
    printoauth_core::tenant_check::prerequisites(sender)
}

/// Practice mode: the emulated tenant. Otherwise Entra ID with the application id
/// the user gave (the Microsoft 365 screen's field), else `PRINTOAUTH_APP_ID`; with
/// none, the check says how to register printoauth and sends nothing.
async fn config(app: &AppHandle, app_id: Option<&str>) -> TenantCheckConfig {
    #[cfg(feature = "practice")]
    {
        let state = app.state::<AppState>();
        let practice = state.practice.lock().await;
        if let Some(p) = practice.as_ref() {
            return p.tenant_check_config();
        }
    }
    let _ = app;
    let given = app_id
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .or_else(|| std::env::var(APP_ID_ENV).ok())
        .unwrap_or_default();
    TenantCheckConfig::new(given)
}

pub async fn check(
    app: AppHandle,
    req: TenantCheckRequest,
    channel: Channel<TenantCheckProgress>,
) -> Result<TenantCheckReport, AppError> {
    let state = app.state::<AppState>();
    let mut cfg = config(&app, req.app_id.as_deref()).await;
    {
        let mut running = state.tenant_cancel.lock().unwrap();
        if running.is_some() {
            return Err(AppError::new(ErrorCode::TenantCheckInProgress));
        }
        *running = Some(cfg.cancel.clone());
    }
    cfg.from = req
        .sender
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    cfg.to = req
        .to
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    // Practice mode checks the emulated tenant; a check that sends nothing (no valid
    // application id) or is cancelled is not recorded.
    let practice = is_practice(&state).await;
    let checks_something = printoauth_core::identity::is_app_id(&cfg.client_id);
    let cancelled = cfg.cancel.clone();
    state.consent.set_auto_open(true);
    let app2 = app.clone();
    let report = run_tenant_check(cfg, move |p| {
        let st = app2.state::<AppState>();
        match &p {
            TenantCheckProgress::SigningIn {
                user_code,
                verification_uri,
                ..
            } => {
                let _ = st.consent.enqueue(
                    &app2,
                    Waiting {
                        device: CONSENT_ID.into(),
                        user_code: user_code.clone(),
                        verification_uri: verification_uri.clone(),
                    },
                );
            }
            TenantCheckProgress::SignedIn { .. } => {
                let _ = st.consent.done(&app2, CONSENT_ID);
            }
            TenantCheckProgress::SendingTestMail { .. } | TenantCheckProgress::Done { .. } => {}
        }
        let _ = channel.send(p);
    })
    .await;
    state.tenant_cancel.lock().unwrap().take();
    let _ = state.consent.done(&app, CONSENT_ID);
    if state.run.lock().unwrap().is_none() {
        state.consent.finish(&app);
    }
    if checks_something && !cancelled.is_cancelled() {
        record(&state, &ReportTenantCheck::from(&report), practice);
    }
    Ok(report)
}

async fn is_practice(state: &AppState) -> bool {
    #[cfg(feature = "practice")]
    {
        state.practice.lock().await.is_some()
    }
    #[cfg(not(feature = "practice"))]
    {
        let _ = state;
        false
    }
}

/// Keeps the check's outcome in the audit trail (the customer's report shows the
/// newest one); a trail that cannot take it is logged, the check's answer stands.
fn record(state: &AppState, check: &ReportTenantCheck, practice: bool) {
    if let Some(log) = state.audit.as_ref() {
        if let Err(e) = log.record_tenant_check(check, practice, "app") {
            eprintln!("printoauth: the tenant check was not recorded: {e}");
        }
    }
}

/// The check through a configured device (no application id needed): logs in to the
/// device and runs the engine's device-based check on its own connection test.
pub async fn check_through_device(
    state: &AppState,
    id: &str,
    user: Option<String>,
    password: Option<String>,
) -> Result<DeviceTenantCheck, AppError> {
    use printoauth_core::devices::DeviceDriver;
    let creds = crate::troubleshoot::credentials(state, id, user, password)?;
    let entry = state.registry.get(id)?;
    let driver = state
        .registry
        .driver(id, &state.connect_options(entry.view.practice))?;
    let d: &dyn DeviceDriver = driver.as_ref();
    let core_err = |e| AppError::from(printoauth_core::Error::from(e));
    d.login(&creds).await.map_err(core_err)?;
    let r = printoauth_core::tenant_check::check_through_device(d, id)
        .await
        .map_err(core_err)?;
    let label = crate::run::audit_label(&entry.view);
    record(
        state,
        &ReportTenantCheck::through_device(&r.report, &label),
        entry.view.practice,
    );
    Ok(r)
}

pub fn cancel(state: &AppState) {
    if let Some(c) = state.tenant_cancel.lock().unwrap().as_ref() {
        c.cancel();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checklist_names_the_mailbox() {
        let p = prerequisites(Some("scanner@contoso.com"));
        let ids: Vec<String> = p
            .iter()
            .map(|p| crate::models::wire_name(&p.id, None))
            .collect();
        assert_eq!(
            ids,
            [
                "security-defaults",
                "smtp-auth-organisation",
                "smtp-auth-mailbox",
                "device-code-flow-allowed",
                "consent"
            ]
        );
        assert_eq!(
            p[2].powershell,
            ["Set-CASMailbox -Identity scanner@contoso.com -SmtpClientAuthenticationDisabled $false"]
        );
        assert!(prerequisites(None)[2].powershell[0].contains("<mailbox>"));
    }
}
