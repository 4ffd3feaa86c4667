//! The wizard's batch: the core's per-device run for every selected device, at most
//! eight at a time, each failure isolated; progress goes to the UI's channel as
//! [`RunEvent`]s; codes go to the embedded sign-in window's queue; a failed device
//! gets the fix for its error ([`fix_for_error`]) and, when its page could not be read, the
//! steps to do on the device's own page. "Check again" ([`Mode::CheckAgain`]) runs
//! the core's `check_again` over the same events.

use std::sync::Arc;
use std::time::Duration;

use printoauth_core::devices::{
    AdminCredentials, AuthMethod, DeviceDriver, DeviceError, EmailService, EmailSettings,
    OAuthTarget, SecureConnection,
};
use printoauth_core::diagnosis::{fix_for_error, Fix};
use printoauth_core::run::{check_again, configure_device, DeviceState, DeviceTask, RunOptions};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager};
use tokio::sync::{mpsc, Semaphore};

use crate::consent::Waiting;
use crate::error::{AppError, ErrorCode};
use crate::models::{
    Change, Coded, DeviceListEvent, MailService, ManualPathView, RunEvent, RunRequest, Step,
};
use crate::state::AppState;

/// A running batch: aborting it stops every device's task.
pub struct RunHandle {
    tasks: Vec<(String, tauri::async_runtime::JoinHandle<()>)>,
}

fn service(s: MailService) -> EmailService {
    match s {
        MailService::ExchangeOnline => EmailService::ExchangeOnline,
        MailService::OutlookCom => EmailService::OutlookCom,
    }
}

/// A plausible mail address: one @, something before, a dotted domain after, no spaces.
pub fn valid_address(a: &str) -> bool {
    let a = a.trim();
    let Some((local, domain)) = a.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !a
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>' || c == ',')
}

fn label_auth(m: &AuthMethod) -> String {
    match m {
        AuthMethod::Off => "Off".into(),
        AuthMethod::SmtpAuth => "SMTP AUTH".into(),
        AuthMethod::PopBeforeSmtp => "POP before SMTP".into(),
        AuthMethod::OAuth2 => "OAuth2".into(),
        AuthMethod::Other(s) => s.clone(),
    }
}

fn label_secure(s: &SecureConnection) -> String {
    match s {
        SecureConnection::None => "None".into(),
        SecureConnection::StartTls => "STARTTLS".into(),
        SecureConnection::SslTls => "SSL/TLS".into(),
        SecureConnection::Other(o) => o.clone(),
    }
}

fn label_service(s: Option<EmailService>) -> Option<String> {
    s.map(|s| match s {
        EmailService::ExchangeOnline => "Microsoft Exchange Online".into(),
        EmailService::OutlookCom => "Outlook.com".into(),
    })
}

/// What differs between the settings before and after, field by field.
pub fn changes(before: Option<&EmailSettings>, after: &EmailSettings) -> Vec<Change> {
    let fields: Vec<(&str, Option<String>, Option<String>)> = vec![
        (
            "authentication-method",
            before.map(|b| label_auth(&b.auth_method)),
            Some(label_auth(&after.auth_method)),
        ),
        (
            "email-service",
            before.and_then(|b| label_service(b.email_service)),
            label_service(after.email_service),
        ),
        (
            "sender",
            before.and_then(|b| b.sender.clone()),
            after.sender.clone(),
        ),
        (
            "smtp-server",
            before.and_then(|b| b.smtp_server.clone()),
            after.smtp_server.clone(),
        ),
        (
            "port",
            before.and_then(|b| b.smtp_port.map(|p| p.to_string())),
            after.smtp_port.map(|p| p.to_string()),
        ),
        (
            "secure-connection",
            before.map(|b| label_secure(&b.secure_connection)),
            Some(label_secure(&after.secure_connection)),
        ),
        (
            "current-status",
            before.and_then(|b| b.current_status.clone()),
            after.current_status.clone(),
        ),
    ];
    fields
        .into_iter()
        .filter_map(|(field, b, a)| {
            let a = a?;
            (b.as_deref() != Some(a.as_str())).then(|| Change {
                field: field.into(),
                before: b,
                after: a,
            })
        })
        .collect()
}

struct Prepared {
    id: String,
    web_config_url: String,
    driver: Arc<dyn DeviceDriver>,
    credentials: AdminCredentials,
    secrets: Arc<dyn crate::secrets::SecretStore>,
}

/// Checks the request and makes one task per device, before anything is touched.
fn prepare(state: &AppState, req: &RunRequest) -> Result<Vec<Prepared>, AppError> {
    if req.devices.is_empty() {
        return Err(AppError::new(ErrorCode::NoDevicesSelected));
    }
    if !valid_address(&req.sender) {
        return Err(AppError::new(ErrorCode::SenderInvalid).with("address", req.sender.trim()));
    }
    let mut out = Vec::new();
    for d in &req.devices {
        let entry = state.registry.get(&d.id)?;
        let secrets = state.secrets_for(entry.view.practice);
        let password = d
            .password
            .clone()
            .filter(|p| !p.is_empty())
            .or_else(|| req.shared_password.clone().filter(|p| !p.is_empty()))
            .or_else(|| secrets.get(&d.id))
            .ok_or_else(|| {
                AppError::new(ErrorCode::PasswordMissing).with(
                    "device",
                    entry.view.model.clone().unwrap_or_else(|| d.id.clone()),
                )
            })?;
        let user = req
            .admin_user
            .clone()
            .map(|u| u.trim().to_string())
            .filter(|u| !u.is_empty());
        let credentials = match user {
            Some(u) => AdminCredentials::with_user(u, password),
            None => AdminCredentials::new(password),
        };
        let driver = state
            .registry
            .driver(&d.id, &state.connect_options(entry.view.practice))?;
        out.push(Prepared {
            id: d.id.clone(),
            web_config_url: printoauth_core::manual::web_config_url(&entry.address),
            driver,
            credentials,
            secrets,
        });
    }
    Ok(out)
}

/// A run, or "Check again" after steps done by hand on the devices' pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Run,
    CheckAgain,
}

/// Runs the batch; resolves when every device has finished (or the batch was
/// cancelled). Events go to `channel`.
pub async fn run(
    app: AppHandle,
    req: RunRequest,
    channel: Channel<RunEvent>,
) -> Result<(), AppError> {
    run_mode(app, req, channel, Mode::Run).await
}

/// Like [`run`], each device read again and continued from where it is
/// (`printoauth_core::run::check_again`).
pub async fn run_mode(
    app: AppHandle,
    req: RunRequest,
    channel: Channel<RunEvent>,
    mode: Mode,
) -> Result<(), AppError> {
    let state = app.state::<AppState>();
    let prepared = {
        let mut running = state.run.lock().unwrap();
        if running.is_some() {
            return Err(AppError::new(ErrorCode::RunInProgress));
        }
        let prepared = prepare(&state, &req)?;
        *running = Some(RunHandle { tasks: Vec::new() });
        prepared
    };
    state.consent.set_auto_open(req.embedded_sign_in);
    let target = OAuthTarget::new(service(req.service), req.sender.trim());
    // Who to remember once their log-in has worked (the user asked for it).
    let remember: std::collections::HashMap<
        String,
        (Arc<dyn crate::secrets::SecretStore>, String),
    > = if req.remember_passwords {
        prepared
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    (p.secrets.clone(), p.credentials.password.clone()),
                )
            })
            .collect()
    } else {
        Default::default()
    };
    let limit = Arc::new(Semaphore::new(8));
    let (tx, mut rx) = mpsc::unbounded_channel::<(
        String,
        Option<EmailSettings>,
        printoauth_core::run::RunEvent,
    )>();
    let mut tasks = Vec::new();
    for p in prepared {
        let limit = limit.clone();
        let tx = tx.clone();
        let target = target.clone();
        let id = p.id.clone();
        let handle = tauri::async_runtime::spawn(async move {
            let _permit = limit.acquire_owned().await;
            // The "before" picture, best effort: the run reports log-in trouble itself.
            let before = match p.driver.login(&p.credentials).await {
                Ok(()) => p.driver.read_email_settings().await.ok(),
                Err(_) => None,
            };
            let (etx, mut erx) = mpsc::unbounded_channel();
            let task = DeviceTask {
                id: p.id.clone(),
                driver: p.driver.clone(),
                credentials: p.credentials.clone(),
                target,
                web_config_url: p.web_config_url.clone(),
            };
            let opts = RunOptions {
                concurrency: 1,
                poll_interval: Duration::from_secs(2),
                ..Default::default()
            };
            let forward = {
                let tx = tx.clone();
                let id = p.id.clone();
                let before = before.clone();
                tokio::spawn(async move {
                    while let Some(e) = erx.recv().await {
                        let _ = tx.send((id.clone(), before.clone(), e));
                    }
                })
            };
            match mode {
                Mode::Run => configure_device(&task, &opts, &etx).await,
                Mode::CheckAgain => check_again(&task, &opts, &etx).await,
            };
            drop(etx);
            let _ = forward.await;
        });
        tasks.push((id, handle));
    }
    drop(tx);
    if let Some(r) = state.run.lock().unwrap().as_mut() {
        r.tasks = tasks;
    }

    let (mut succeeded, mut failed) = (0u32, 0u32);
    let mut finished: Vec<String> = Vec::new();
    while let Some((id, before, e)) = rx.recv().await {
        let out = match e.state {
            DeviceState::Working { step } => {
                if step == printoauth_core::run::Step::LoggedIn {
                    if let Some((store, pw)) = remember.get(&id) {
                        if let Err(e) = store.set(&id, pw) {
                            eprintln!("printoauth: could not remember the password of {id}: {e}");
                        }
                    }
                }
                if step >= printoauth_core::run::Step::SignedIn {
                    let _ = state.consent.done(&app, &id);
                }
                RunEvent::Working {
                    device: id.clone(),
                    step: step.into(),
                }
            }
            DeviceState::NeedsYou { code } => {
                let _ = state.consent.enqueue(
                    &app,
                    Waiting {
                        device: id.clone(),
                        user_code: code.user_code.clone(),
                        verification_uri: code.verification_uri.clone(),
                    },
                );
                if req.embedded_sign_in {
                    let current = state.consent.current().map(|w| w.device);
                    let _ = channel.send(RunEvent::ConsentWindow {
                        open: true,
                        device: current,
                    });
                }
                RunEvent::NeedsYou {
                    device: id.clone(),
                    user_code: code.user_code,
                    verification_uri: code.verification_uri,
                    expires_at: code.expires_at.to_rfc3339(),
                }
            }
            DeviceState::Done { settings } => {
                succeeded += 1;
                // Job history failures up to now are from before this sign-in.
                if let Ok(entry) = state.registry.get(&id) {
                    if let Ok(d) = state
                        .registry
                        .driver(&id, &state.connect_options(entry.view.practice))
                    {
                        if let Ok(jobs) = d.job_history().await {
                            state.registry.set_seen_receipt(
                                &id,
                                printoauth_core::troubleshoot::newest_receipt(&jobs),
                            );
                        }
                    }
                }
                finished.push(id.clone());
                let _ = state.consent.done(&app, &id);
                if let Some(view) = state.registry.update(&id, Some(true), Some(&settings)) {
                    state.emit_device(DeviceListEvent::Changed { device: view });
                }
                RunEvent::Done {
                    device: id.clone(),
                    changes: changes(before.as_ref(), &settings),
                }
            }
            DeviceState::Failed {
                failed_at,
                error,
                device,
                manual,
            } => {
                failed += 1;
                finished.push(id.clone());
                let _ = state.consent.done(&app, &id);
                let oauth2 = match &error {
                    printoauth_core::Error::Device(DeviceError::DeviceOauth2Unavailable {
                        ..
                    }) => Some(false),
                    _ => None,
                };
                let settings = device.as_ref().and_then(|d| d.settings.as_ref());
                if let Some(view) = state.registry.update(&id, oauth2, settings) {
                    state.emit_device(DeviceListEvent::Changed { device: view });
                }
                RunEvent::Failed {
                    device: id.clone(),
                    failed_at: failed_at.into(),
                    fix: Some(Coded::from_serialisable(&fix_for_error(&error))),
                    error: AppError::from(error).coded(),
                    manual: manual.as_deref().map(ManualPathView::from),
                }
            }
        };
        let _ = channel.send(out);
    }

    // Devices whose task was aborted (cancelled) never sent a final state.
    let handle = state.run.lock().unwrap().take();
    if let Some(h) = handle {
        for (id, t) in h.tasks {
            if !finished.contains(&id) {
                t.abort();
                failed += 1;
                let _ = state.consent.done(&app, &id);
                let _ = channel.send(RunEvent::Failed {
                    device: id,
                    failed_at: Step::Verified,
                    error: AppError::new(ErrorCode::RunCancelled).coded(),
                    fix: Some(Coded::from_serialisable(&Fix::RetryOrReport {})),
                    manual: None,
                });
            }
        }
    }
    state.consent.finish(&app);
    let _ = channel.send(RunEvent::ConsentWindow {
        open: false,
        device: None,
    });
    let _ = channel.send(RunEvent::Finished { succeeded, failed });
    Ok(())
}

/// Stops the running batch: every device still working is reported as cancelled.
pub fn cancel(state: &AppState) {
    if let Some(h) = state.run.lock().unwrap().as_ref() {
        for (_, t) in &h.tasks {
            t.abort();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sender_addresses() {
        assert!(valid_address("scanner@contoso.com"));
        assert!(valid_address(" admin@contoso.example "));
        for bad in [
            "",
            "contoso.com",
            "a@b",
            "a@@b.com",
            "a b@c.com",
            "@c.com",
            "a@.com",
            "a@c.com.",
        ] {
            assert!(!valid_address(bad), "{bad}");
        }
    }

    #[test]
    fn changes_list_only_what_differs() {
        let before = EmailSettings {
            auth_method: AuthMethod::SmtpAuth,
            email_service: None,
            current_status: None,
            signed_in: false,
            oauth_account: None,
            sender: Some("scanner@contoso.com".into()),
            smtp_server: Some("smtp.office365.com".into()),
            smtp_port: Some(587),
            secure_connection: SecureConnection::StartTls,
            certificate_validation: Some(true),
        };
        let after = EmailSettings {
            auth_method: AuthMethod::OAuth2,
            email_service: Some(EmailService::ExchangeOnline),
            current_status: Some("Signed in".into()),
            signed_in: true,
            smtp_server: Some("smtp-mail.outlook.com".into()),
            ..before.clone()
        };
        let c = changes(Some(&before), &after);
        let fields: Vec<&str> = c.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "authentication-method",
                "email-service",
                "smtp-server",
                "current-status"
            ]
        );
        assert_eq!(c[0].before.as_deref(), Some("SMTP AUTH"));
        assert_eq!(c[0].after, "OAuth2");
        assert_eq!(changes(Some(&after), &after), vec![]);
    }
}
