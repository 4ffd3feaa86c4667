//! The wizard's batch, presented: the request becomes the engine's device tasks
//! (passwords from the request or the OS keyring, drivers from the engine's
//! registry), the engine runs the batch (`printoauth_core::run::start_batch`), and
//! each of its events goes to the UI's channel as a [`RunEvent`]. The shell only
//! manages what is the app's: the sign-in window's queue, the device list, and the
//! passwords the user asked to remember.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use printoauth_core::audit::{AuditSink, RunContext};
use printoauth_core::devices::{AdminCredentials, OAuthTarget};
use printoauth_core::run::{self, Canceller, DeviceState, DeviceTask, Mode, RunOptions, Step};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager};

use crate::consent::Waiting;
use crate::error::{AppError, ErrorCode};
use crate::models::{DeviceListEvent, RunEvent, RunRequest, UnfinishedDevice, UnfinishedRun};
use crate::secrets::SecretStore;
use crate::state::AppState;

/// The password store and password of each device to remember once its log-in worked.
type Remember = HashMap<String, (Arc<dyn SecretStore>, String)>;

/// A running batch: cancelling it stops every device still working.
pub struct RunHandle {
    canceller: Option<Canceller>,
}

/// The engine's tasks for the request, and the passwords to remember once their
/// log-in has worked (when the user asked for it). Checked before anything is touched.
fn prepare(state: &AppState, req: &RunRequest) -> Result<(Vec<DeviceTask>, Remember), AppError> {
    if req.devices.is_empty() {
        return Err(AppError::new(ErrorCode::NoDevicesSelected));
    }
    run::check_sender(&req.sender)?;
    let target = OAuthTarget::new(req.service, req.sender.trim());
    let user = req
        .admin_user
        .clone()
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty());
    let mut tasks = Vec::new();
    let mut remember = HashMap::new();
    for d in &req.devices {
        let entry = state.registry.get(&d.id)?;
        let secrets = state.secrets_for(entry.view.practice);
        let password = d
            .password
            .clone()
            .filter(|p| !p.is_empty())
            .or_else(|| req.shared_password.clone().filter(|p| !p.is_empty()))
            .or_else(|| secrets.get(&d.id))
            // Practice mode: the emulated device's own (as the health check reads it).
            .or_else(|| entry.practice_login.as_ref().map(|c| c.password.clone()))
            .ok_or_else(|| {
                AppError::new(ErrorCode::PasswordMissing).with(
                    "device",
                    entry.view.model.clone().unwrap_or_else(|| d.id.clone()),
                )
            })?;
        let connection = state
            .registry
            .connection(&d.id, &state.connect_options(entry.view.practice))?;
        if req.remember_passwords {
            remember.insert(d.id.clone(), (secrets, password.clone()));
        }
        let credentials = match &user {
            Some(u) => AdminCredentials::with_user(u.clone(), password),
            None => AdminCredentials::new(password),
        };
        tasks.push(DeviceTask::new(
            d.id.clone(),
            &connection,
            credentials,
            target.clone(),
        ));
    }
    Ok((tasks, remember))
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

/// A run, or with [`Mode::CheckAgain`] each device read again and continued from
/// where it is (after steps done by hand on its page).
pub async fn run_mode(
    app: AppHandle,
    req: RunRequest,
    channel: Channel<RunEvent>,
    mode: Mode,
) -> Result<(), AppError> {
    let state = app.state::<AppState>();
    let (tasks, remember) = {
        let mut running = state.run.lock().unwrap();
        if running.is_some() {
            return Err(AppError::new(ErrorCode::RunInProgress));
        }
        let prepared = prepare(&state, &req)?;
        *running = Some(RunHandle { canceller: None });
        prepared
    };
    let opts = RunOptions {
        concurrency: 8,
        poll_interval: Duration::from_secs(2),
        audit: recorder(&state, &req),
        ..Default::default()
    };
    let (batch, mut events) = match run::start_batch(tasks, opts, mode) {
        Ok(b) => b,
        Err(e) => {
            state.run.lock().unwrap().take();
            return Err(e.into());
        }
    };
    if let Some(r) = state.run.lock().unwrap().as_mut() {
        r.canceller = Some(batch.canceller());
    }
    state.consent.set_auto_open(req.embedded_sign_in);

    while let Some(e) = events.recv().await {
        let id = e.device;
        let out = match e.state {
            DeviceState::Working { step } => {
                if step == Step::LoggedIn {
                    if let Some((store, pw)) = remember.get(&id) {
                        if let Err(e) = store.set(&id, pw) {
                            eprintln!("printoauth: could not remember the password of {id}: {e}");
                        }
                    }
                }
                if step >= Step::SignedIn {
                    let _ = state.consent.done(&app, &id);
                }
                RunEvent::Working { device: id, step }
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
                    device: id,
                    user_code: code.user_code,
                    verification_uri: code.verification_uri,
                    expires_at: code.expires_at.to_rfc3339(),
                }
            }
            DeviceState::Waiting { reason, up_to_secs } => RunEvent::Waiting {
                device: id,
                reason,
                up_to_secs: up_to_secs.min(u32::MAX as u64) as u32,
            },
            DeviceState::WaitOver {} => RunEvent::WaitOver { device: id },
            DeviceState::Done {
                settings,
                changes,
                seen_receipt,
            } => {
                state.registry.set_seen_receipt(&id, seen_receipt);
                let _ = state.consent.done(&app, &id);
                if let Some(view) = state.registry.update(&id, Some(true), Some(&settings)) {
                    state.emit_device(DeviceListEvent::Changed { device: view });
                }
                RunEvent::Done {
                    device: id,
                    changes,
                }
            }
            DeviceState::Failed {
                failed_at,
                error,
                fix,
                device,
                manual,
            } => {
                let _ = state.consent.done(&app, &id);
                let settings = device.as_ref().and_then(|d| d.settings.as_ref());
                let oauth2 = error.oauth2_unavailable().then_some(false);
                if let Some(view) = state.registry.update(&id, oauth2, settings) {
                    state.emit_device(DeviceListEvent::Changed { device: view });
                }
                RunEvent::Failed {
                    device: id,
                    failed_at,
                    error,
                    fix,
                    manual,
                }
            }
        };
        let _ = channel.send(out);
    }

    let outcomes = batch.finish().await;
    state.run.lock().unwrap().take();
    let succeeded = outcomes.iter().filter(|o| o.succeeded()).count() as u32;
    state.consent.finish(&app);
    let _ = channel.send(RunEvent::ConsentWindow {
        open: false,
        device: None,
    });
    let _ = channel.send(RunEvent::Finished {
        succeeded,
        failed: outcomes.len() as u32 - succeeded,
    });
    Ok(())
}

/// The audit trail's recorder of this batch (`None` without a trail): the devices named
/// by model and address, practice runs marked as such.
pub fn recorder(state: &AppState, req: &RunRequest) -> Option<Arc<dyn AuditSink>> {
    let log = state.audit.as_ref()?;
    let mut labels = HashMap::new();
    let mut practice = false;
    for d in &req.devices {
        if let Ok(e) = state.registry.get(&d.id) {
            practice |= e.view.practice;
            labels.insert(d.id.clone(), audit_label(&e.view));
        }
    }
    let recorder = log.recorder(RunContext {
        front_end: "app".into(),
        practice,
        resumes: req.resumes.clone(),
        labels,
    });
    *state.last_run.lock().unwrap() = Some(recorder.run_id().to_string());
    let r: Arc<dyn AuditSink> = recorder;
    Some(r)
}

/// A device's name in the audit trail and the customer's report: its model and
/// address ("WF-C5890 Series (192.0.2.7)").
pub fn audit_label(view: &crate::models::DeviceView) -> String {
    let model = view.model.clone().unwrap_or_else(|| view.id.clone());
    match view.addresses.first() {
        Some(a) => format!("{model} ({a})"),
        None => model,
    }
}

/// The devices the last run (in practice mode or not) left unfinished.
pub fn unfinished(state: &AppState, practice: bool) -> Result<Option<UnfinishedRun>, AppError> {
    let Some(log) = state.audit.as_ref() else {
        return Ok(None);
    };
    let u = log.unfinished(practice).map_err(AppError::internal)?;
    Ok(u.map(|u| UnfinishedRun {
        run_id: u.run.id,
        started_at: u.run.started_at,
        sender: u.run.sender,
        service: u.run.service,
        devices: u
            .devices
            .into_iter()
            .map(|d| UnfinishedDevice {
                id: d.id,
                label: d.label,
                began_writing: d.began_writing,
                last: d.last,
            })
            .collect(),
    }))
}

/// Stops the running batch: every device still working is reported as cancelled.
pub fn cancel(state: &AppState) {
    if let Some(c) = state
        .run
        .lock()
        .unwrap()
        .as_ref()
        .and_then(|h| h.canceller.clone())
    {
        c.cancel();
    }
}
