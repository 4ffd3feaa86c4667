//! The tenant step: the prerequisites as a checklist (where to change each, the
//! PowerShell line, how to verify), and the live check (printoauth's own device-code
//! sign-in, then a test mail with XOAUTH2), each result with its cause and fix.

use printoauth_core::identity::PRINTOAUTH_CLIENT_ID_PLACEHOLDER;
use printoauth_core::tenant_check::{
    run_tenant_check, CheckId, CheckStatus as CoreStatus, TenantCheckConfig, TenantCheckProgress,
    TenantCheckReport,
};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager};

use crate::consent::Waiting;
use crate::error::{AppError, ErrorCode};
use crate::models::{
    CheckStatus, CheckView, Coded, Prerequisite, TenantCheckRequest, TenantCheckView,
    TenantProgress,
};
use crate::state::AppState;

/// The queue entry of the app's own sign-in in the consent window.
pub const CONSENT_ID: &str = "tenant";

fn id_str(id: CheckId) -> String {
    crate::models::wire_name(&id, None)
}

/// The prerequisites the vendor guide names, with where to change them (the
/// engine's checklist).
pub fn prerequisites(sender: Option<&str>) -> Vec<Prerequisite> {
    printoauth_core::tenant_check::prerequisites(sender)
        .into_iter()
        .map(|p| Prerequisite {
            id: id_str(p.id),
            admin_center: p.admin_center,
            powershell: p.powershell,
            verify: p.verify,
        })
        .collect()
}

pub fn view(r: &TenantCheckReport) -> TenantCheckView {
    TenantCheckView {
        passed: r.passed,
        account: r.account.clone(),
        checks: r
            .checks
            .iter()
            .map(|c| CheckView {
                id: id_str(c.id),
                status: match c.status {
                    CoreStatus::Passed => CheckStatus::Passed,
                    CoreStatus::Failed => CheckStatus::Failed,
                    CoreStatus::NotChecked => CheckStatus::NotChecked,
                },
                cause: c.cause.as_ref().map(Coded::from_serialisable),
                fix: c.fix.as_ref().map(Coded::from_serialisable),
                evidence: c.evidence.as_ref().map(Coded::from_serialisable),
            })
            .collect(),
    }
}

async fn config(app: &AppHandle) -> TenantCheckConfig {
    #[cfg(feature = "practice")]
    {
        let state = app.state::<AppState>();
        let practice = state.practice.lock().await;
        if let Some(p) = practice.as_ref() {
            return p.tenant_check_config();
        }
    }
    let _ = app;
    TenantCheckConfig::new(PRINTOAUTH_CLIENT_ID_PLACEHOLDER)
}

pub async fn check(
    app: AppHandle,
    req: TenantCheckRequest,
    channel: Channel<TenantProgress>,
) -> Result<TenantCheckView, AppError> {
    let state = app.state::<AppState>();
    let mut cfg = config(&app).await;
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
    state.consent.set_auto_open(true);
    let app2 = app.clone();
    let report = run_tenant_check(cfg, move |p| {
        let st = app2.state::<AppState>();
        let out = match p {
            TenantCheckProgress::SigningIn {
                user_code,
                verification_uri,
                expires_at,
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
                TenantProgress::SigningIn {
                    user_code,
                    verification_uri,
                    expires_at: expires_at.to_rfc3339(),
                }
            }
            TenantCheckProgress::SignedIn { account } => {
                let _ = st.consent.done(&app2, CONSENT_ID);
                TenantProgress::SignedIn { account }
            }
            TenantCheckProgress::SendingTestMail {
                from,
                to,
                host,
                port,
            } => TenantProgress::SendingTestMail {
                from,
                to,
                host,
                port,
            },
            TenantCheckProgress::Done { passed } => TenantProgress::Done { passed },
        };
        let _ = channel.send(out);
    })
    .await;
    state.tenant_cancel.lock().unwrap().take();
    let _ = state.consent.done(&app, CONSENT_ID);
    if state.run.lock().unwrap().is_none() {
        state.consent.finish(&app);
    }
    Ok(view(&report))
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
        let ids: Vec<&str> = p.iter().map(|p| p.id.as_str()).collect();
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
