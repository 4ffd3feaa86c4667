//! The run model: the vendor guide's steps for one device as a state machine, and the
//! batch every front end runs ([`start_batch`]): bounded concurrency, cancellation,
//! one device's failure never stopping the others.
//!
//! Every transition is reported as a [`RunEvent`] (device id + [`DeviceState`]) with
//! everything a front end shows, so the app and the CLI only present it: the step
//! reached, the code the administrator must enter ([`DeviceState::NeedsYou`]), the
//! settings changed before → after ([`DeviceState::Done`]), and on failure the step,
//! the error, its fix ([`crate::diagnosis::RunFix`]) and the device's exact state.
//!
//! A device whose page the driver could not read is never a dead end: its failure
//! carries a [`ManualPath`] (what to do on the device's own page), and
//! [`check_again`] reads the device again afterwards and continues from where the
//! device is, with the same events and errors as a run.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tokio::sync::{mpsc, Semaphore};

use crate::audit::AuditSink;
use crate::devices::{
    AdminCredentials, AuthMethod, DeviceDriver, DeviceError, EmailService, EmailSettings,
    OAuthTarget, SecureConnection, SignInCode, SignInStatus, Wait, WaitReason,
};
use crate::diagnosis::{fix_for_error, Fix};
use crate::manual::{manual_path, ManualPath};
use crate::Error;

/// The guide's steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    Found,
    LoggedIn,
    Oauth2Set,
    WaitingForConsent,
    SignedIn,
    Saved,
    Verified,
}

/// Errors of the run itself (the device's own errors are [`DeviceError`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum RunError {
    /// The device reported that the sign-in failed; `detail` quotes it.
    #[error("the device's sign-in failed: {detail}")]
    RunSignInFailed { detail: String },
    /// Nobody finished the sign-in before the code expired.
    #[error("the sign-in was not finished within {waited_secs} s")]
    RunSignInTimedOut { waited_secs: u64 },
    /// The device signed out while waiting (e.g. restarted).
    #[error("the device is signed out again")]
    RunSignedOutWhileWaiting {},
    /// The batch was cancelled before this device was finished.
    #[error("cancelled")]
    RunCancelled {},
    /// The sender (`address`) is not a mail address; nothing was started.
    #[error("not a mail address: {address}")]
    RunSenderInvalid { address: String },
}

/// What the device has, read after a failure, so the report says exactly where it
/// stands (both are best effort: `None` when they could not be read).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeviceSnapshot {
    pub settings: Option<EmailSettings>,
    pub sign_in: Option<SignInStatus>,
}

/// Where one device stands. (A few events per device: their size does not matter,
/// so the final states are kept whole rather than boxed.)
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum DeviceState {
    /// Working; `step` is the last step reached.
    Working { step: Step },
    /// The administrator must sign in with this code (and consent).
    NeedsYou { code: SignInCode },
    /// The device keeps the run waiting (`reason`), for `up_to_secs` at most; the
    /// run goes on at [`DeviceState::WaitOver`] or ends in a final state.
    Waiting { reason: WaitReason, up_to_secs: u64 },
    /// The wait is over: the device answers again.
    WaitOver {},
    /// Signed in, saved and verified. `changes`: what differs from the settings read
    /// right after the log-in; `seen_receipt`: the newest job in the device's history
    /// once signed in (failures up to it are from before this sign-in).
    Done {
        settings: EmailSettings,
        changes: Vec<Change>,
        seen_receipt: Option<String>,
    },
    /// Stopped before reaching `failed_at`; `device` is what the device shows now;
    /// `manual`: when a person can get past it on the device's own page (a page the
    /// driver could not read, a save the device did not confirm), how.
    Failed {
        failed_at: Step,
        error: Error,
        /// What to do about it.
        fix: Fix,
        device: Option<DeviceSnapshot>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        manual: Option<Box<ManualPath>>,
    },
}

impl DeviceState {
    pub fn is_final(&self) -> bool {
        matches!(self, DeviceState::Done { .. } | DeviceState::Failed { .. })
    }
}

/// One device's progress report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunEvent {
    pub device: String,
    pub state: DeviceState,
}

/// One device to configure.
#[derive(Clone)]
pub struct DeviceTask {
    /// Stable id the events carry (e.g. the discovery id or the address).
    pub id: String,
    pub driver: Arc<dyn DeviceDriver>,
    pub credentials: AdminCredentials,
    pub target: OAuthTarget,
    /// The device's Web Config address for a person's browser
    /// ([`crate::manual::web_config_url`]), named in the manual path.
    pub web_config_url: String,
}

impl DeviceTask {
    /// The task for a device the engine's driver registry connected
    /// ([`crate::devices::DriverRegistry`]): what both front ends build.
    pub fn new(
        id: impl Into<String>,
        connection: &crate::devices::Connection,
        credentials: AdminCredentials,
        target: OAuthTarget,
    ) -> Self {
        DeviceTask {
            id: id.into(),
            driver: connection.driver.clone(),
            credentials,
            target,
            web_config_url: connection.admin_page_url.clone(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Where each step on a device is recorded before it is reported (the audit
    /// trail, [`crate::audit`]); `None` records nothing.
    pub audit: Option<Arc<dyn AuditSink>>,
    /// How many devices are worked on at once.
    pub concurrency: usize,
    /// How often the device's sign-in status is read while waiting.
    pub poll_interval: Duration,
    /// How long to wait for the administrator at most (capped by the code's expiry).
    pub sign_in_timeout: Duration,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            concurrency: 8,
            poll_interval: Duration::from_secs(2),
            sign_in_timeout: Duration::from_secs(15 * 60),
            audit: None,
        }
    }
}

/// How one device ended, with how long each step took.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeviceOutcome {
    pub device: String,
    pub state: DeviceState,
    /// Milliseconds from the start of this device's run to each step reached.
    pub steps_ms: Vec<(Step, u64)>,
}

impl DeviceOutcome {
    pub fn succeeded(&self) -> bool {
        matches!(self.state, DeviceState::Done { .. })
    }
}

struct Tracker<'a> {
    id: &'a str,
    events: &'a mpsc::UnboundedSender<RunEvent>,
    start: Instant,
    steps_ms: Vec<(Step, u64)>,
    step: Step,
    /// The last code the device showed.
    code: Option<SignInCode>,
    /// The settings read right after the log-in, for the changes.
    before: Option<EmailSettings>,
    target: &'a OAuthTarget,
    audit: Option<&'a dyn AuditSink>,
}

impl Tracker<'_> {
    fn emit(&mut self, state: DeviceState) {
        if let DeviceState::NeedsYou { code } = &state {
            self.code = Some(code.clone());
        }
        // A closed receiver only means nobody is watching.
        let _ = self.events.send(RunEvent {
            device: self.id.to_string(),
            state,
        });
    }
    fn reached(&mut self, step: Step) {
        // Recorded (committed) before it is reported.
        if let Some(a) = self.audit {
            a.step(self.id, step, self.before.as_ref(), self.target);
        }
        self.step = step;
        self.steps_ms
            .push((step, self.start.elapsed().as_millis() as u64));
        self.emit(DeviceState::Working { step });
    }
}

/// Runs the guide's steps on one device. Never panics on device trouble: every
/// failure ends in [`DeviceState::Failed`] with the step and the device's state.
pub async fn configure_device(
    task: &DeviceTask,
    opts: &RunOptions,
    events: &mpsc::UnboundedSender<RunEvent>,
) -> DeviceOutcome {
    drive(task, opts, events, false).await
}

/// "Check again", after a person did steps on the device's page by hand: logs in,
/// reads the device (its settings and Current Status) and continues the run from
/// where the device is. Signed in and already showing the target settings: the
/// settings are saved, so only the check remains. Signed in otherwise: the
/// settings are set and saved (OK), then checked. Not signed in: the run goes on
/// as a run does (so a page that still cannot be read stops it again, with the same
/// missing thing and manual path). Events and errors are those of a run.
pub async fn check_again(
    task: &DeviceTask,
    opts: &RunOptions,
    events: &mpsc::UnboundedSender<RunEvent>,
) -> DeviceOutcome {
    drive(task, opts, events, true).await
}

async fn drive(
    task: &DeviceTask,
    opts: &RunOptions,
    events: &mpsc::UnboundedSender<RunEvent>,
    again: bool,
) -> DeviceOutcome {
    let mut t = Tracker {
        id: &task.id,
        events,
        start: Instant::now(),
        steps_ms: Vec::new(),
        step: Step::Found,
        code: None,
        before: None,
        target: &task.target,
        audit: opts.audit.as_deref(),
    };
    t.reached(Step::Found);
    // The driver's waits become events (a weak sender: the batch's channel still
    // closes when the batch ends).
    let weak = events.downgrade();
    let id = task.id.clone();
    task.driver.observe_waits(Some(Arc::new(move |w| {
        let state = match w {
            Wait::Begins { reason, up_to_secs } => DeviceState::Waiting { reason, up_to_secs },
            Wait::Over => DeviceState::WaitOver {},
        };
        if let Some(tx) = weak.upgrade() {
            let _ = tx.send(RunEvent {
                device: id.clone(),
                state,
            });
        }
    })));
    let result = if again {
        steps_again(task, opts, &mut t).await
    } else {
        steps(task, opts, &mut t).await
    };
    let state = match result {
        Ok(settings) => {
            // Job history up to now is from before this sign-in (best effort).
            let seen_receipt = match task.driver.job_history().await {
                Ok(jobs) => crate::troubleshoot::newest_receipt(&jobs),
                Err(_) => None,
            };
            DeviceState::Done {
                changes: changes(t.before.as_ref(), &settings),
                settings,
                seen_receipt,
            }
        }
        Err(error) => {
            let failed_at = next_step(t.step);
            // A device that cannot be reached cannot be read either: no second wait.
            let unreachable = matches!(
                &error,
                Error::Device(
                    DeviceError::DeviceUnreachable { .. }
                        | DeviceError::DeviceHttpsUnavailable { .. }
                        | DeviceError::DeviceTlsTooOld { .. }
                )
            );
            let device = if unreachable {
                None
            } else {
                snapshot(task.driver.as_ref()).await
            };
            let manual = manual_path(
                &task.web_config_url,
                &task.target,
                failed_at,
                &error,
                t.code.as_ref(),
            )
            .map(Box::new);
            DeviceState::Failed {
                failed_at,
                fix: fix_for_error(&error),
                error,
                device,
                manual,
            }
        }
    };
    task.driver.observe_waits(None);
    if let Some(a) = t.audit {
        a.finished(&task.id, &state, t.before.as_ref());
    }
    t.emit(state.clone());
    DeviceOutcome {
        device: task.id.clone(),
        state,
        steps_ms: t.steps_ms,
    }
}

fn next_step(s: Step) -> Step {
    match s {
        Step::Found => Step::LoggedIn,
        Step::LoggedIn => Step::Oauth2Set,
        Step::Oauth2Set => Step::WaitingForConsent,
        Step::WaitingForConsent => Step::SignedIn,
        Step::SignedIn => Step::Saved,
        Step::Saved | Step::Verified => Step::Verified,
    }
}

async fn steps(
    task: &DeviceTask,
    opts: &RunOptions,
    t: &mut Tracker<'_>,
) -> Result<EmailSettings, Error> {
    let d = task.driver.as_ref();
    d.login(&task.credentials).await?;
    t.reached(Step::LoggedIn);
    // The "before" picture, best effort: the run reports page trouble itself.
    t.before = d.read_email_settings().await.ok();
    from_logged_in(task, opts, t).await
}

/// The run after the log-in: capabilities, OAuth2, sign-in, save, check.
async fn from_logged_in(
    task: &DeviceTask,
    opts: &RunOptions,
    t: &mut Tracker<'_>,
) -> Result<EmailSettings, Error> {
    let d = task.driver.as_ref();
    let caps = d.mail_capabilities().await?;
    if caps.additional_network {
        return Err(DeviceError::DeviceAdditionalNetwork {
            device_message: None,
        }
        .into());
    }
    if !caps.oauth2_available {
        return Err(DeviceError::DeviceOauth2Unavailable {
            scope: "email-server".into(),
            model: caps.model,
            firmware: caps.firmware,
            offered: caps.auth_methods,
        }
        .into());
    }
    d.configure_oauth2(&task.target).await?;
    t.reached(Step::Oauth2Set);

    let already = matches!(d.sign_in_status().await?, SignInStatus::SignedIn { .. });
    if !already {
        let code = d.start_sign_in().await?;
        t.reached(Step::WaitingForConsent);
        t.emit(DeviceState::NeedsYou { code: code.clone() });
        wait_signed_in(d, &code, opts).await?;
    }
    t.reached(Step::SignedIn);

    d.save().await?;
    t.reached(Step::Saved);
    let settings = d.verify(&task.target).await?;
    t.reached(Step::Verified);
    Ok(settings)
}

/// Check again: the device as it is now decides where the run goes on.
async fn steps_again(
    task: &DeviceTask,
    opts: &RunOptions,
    t: &mut Tracker<'_>,
) -> Result<EmailSettings, Error> {
    let d = task.driver.as_ref();
    d.login(&task.credentials).await?;
    t.reached(Step::LoggedIn);
    let settings = d.read_email_settings().await?;
    t.before = Some(settings.clone());
    if settings.signed_in {
        // A fresh session shows what the device stores: when that is already the
        // target, someone pressed OK by hand and only the check remains.
        if let Ok(verified) = d.verify(&task.target).await {
            for s in [Step::Oauth2Set, Step::SignedIn, Step::Saved, Step::Verified] {
                t.reached(s);
            }
            return Ok(verified);
        }
    }
    from_logged_in(task, opts, t).await
}

async fn wait_signed_in(
    d: &dyn DeviceDriver,
    code: &SignInCode,
    opts: &RunOptions,
) -> Result<(), Error> {
    let started = Instant::now();
    let until_expiry = (code.expires_at - chrono::Utc::now())
        .to_std()
        .unwrap_or(Duration::ZERO);
    let limit = opts
        .sign_in_timeout
        .min(until_expiry.max(opts.poll_interval));
    loop {
        tokio::time::sleep(opts.poll_interval).await;
        match d.sign_in_status().await? {
            SignInStatus::SignedIn { .. } => return Ok(()),
            SignInStatus::Failed { detail } => {
                return Err(RunError::RunSignInFailed { detail }.into())
            }
            SignInStatus::SignedOut => return Err(RunError::RunSignedOutWhileWaiting {}.into()),
            SignInStatus::Pending { .. } => {}
        }
        if started.elapsed() >= limit {
            return Err(RunError::RunSignInTimedOut {
                waited_secs: started.elapsed().as_secs(),
            }
            .into());
        }
    }
}

async fn snapshot(d: &dyn DeviceDriver) -> Option<DeviceSnapshot> {
    let read = async {
        DeviceSnapshot {
            settings: d.read_email_settings().await.ok(),
            sign_in: d.sign_in_status().await.ok(),
        }
    };
    let snap = tokio::time::timeout(Duration::from_secs(20), read)
        .await
        .ok()?;
    (snap.settings.is_some() || snap.sign_in.is_some()).then_some(snap)
}

// ---------------------------------------------------------------------------------
// What a run changed
// ---------------------------------------------------------------------------------

/// One setting a run changed, as the device's page words it (`field` is a stable
/// name the catalogues have a `change-<field>` message for).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Change {
    /// authentication-method, email-service, sender, smtp-server, port,
    /// secure-connection, current-status
    pub field: String,
    pub before: Option<String>,
    pub after: String,
}

pub(crate) fn label_auth(m: &AuthMethod) -> String {
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
    let fields: [(&str, Option<String>, Option<String>); 7] = [
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

/// A plausible mail address: one @, something before, a dotted domain after, no
/// spaces or list punctuation.
pub fn is_mail_address(a: &str) -> bool {
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

/// The sender every front end checks before anything is asked or touched.
pub fn check_sender(sender: &str) -> Result<(), Error> {
    if is_mail_address(sender) {
        Ok(())
    } else {
        Err(RunError::RunSenderInvalid {
            address: sender.trim().to_string(),
        }
        .into())
    }
}

// ---------------------------------------------------------------------------------
// The batch
// ---------------------------------------------------------------------------------

/// A run, or "Check again" ([`check_again`]) after steps done by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    #[default]
    Run,
    CheckAgain,
}

/// Stops a running batch: every device not finished yet ends as
/// [`RunError::RunCancelled`] (cloneable; cancelling twice is harmless).
#[derive(Clone)]
pub struct Canceller(tokio::sync::watch::Sender<bool>);

impl Canceller {
    pub fn cancel(&self) {
        self.0.send_replace(true);
    }
}

/// A running batch ([`start_batch`]).
pub struct Batch {
    canceller: Canceller,
    coordinator: tokio::task::JoinHandle<Vec<DeviceOutcome>>,
}

impl Batch {
    pub fn canceller(&self) -> Canceller {
        self.canceller.clone()
    }

    /// Waits until every device has finished (or was cancelled); the outcomes in the
    /// order of the tasks.
    pub async fn finish(self) -> Vec<DeviceOutcome> {
        match self.coordinator.await {
            Ok(o) => o,
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(_) => Vec::new(),
        }
    }
}

/// Starts the batch every front end runs: each device's run ([`configure_device`],
/// or [`check_again`] in [`Mode::CheckAgain`]), at most `opts.concurrency` at a time,
/// events on the returned receiver (it closes when the batch is over). Refused
/// before anything is touched when a task's sender is not a mail address.
pub fn start_batch(
    tasks: Vec<DeviceTask>,
    opts: RunOptions,
    mode: Mode,
) -> Result<(Batch, mpsc::UnboundedReceiver<RunEvent>), Error> {
    for t in &tasks {
        check_sender(&t.target.sender)?;
    }
    if let Some(a) = &opts.audit {
        a.batch_started(mode, &tasks);
    }
    let (out_tx, out_rx) = mpsc::unbounded_channel();
    let (cancel_tx, cancel_rx) = tokio::sync::watch::channel(false);
    let coordinator = tokio::spawn(coordinate(tasks, opts, mode, out_tx, cancel_rx));
    Ok((
        Batch {
            canceller: Canceller(cancel_tx),
            coordinator,
        },
        out_rx,
    ))
}

async fn coordinate(
    tasks: Vec<DeviceTask>,
    opts: RunOptions,
    mode: Mode,
    out: mpsc::UnboundedSender<RunEvent>,
    mut cancelled: tokio::sync::watch::Receiver<bool>,
) -> Vec<DeviceOutcome> {
    let limit = Arc::new(Semaphore::new(opts.concurrency.max(1)));
    let opts = Arc::new(opts);
    let (tx, mut rx) = mpsc::unbounded_channel::<RunEvent>();
    let ids: Vec<String> = tasks.iter().map(|t| t.id.clone()).collect();
    let handles: Vec<_> = tasks
        .into_iter()
        .map(|task| {
            let limit = limit.clone();
            let opts = opts.clone();
            let tx = tx.clone();
            tokio::spawn(async move {
                let _permit = limit.acquire_owned().await.expect("semaphore open");
                drive(&task, &opts, &tx, mode == Mode::CheckAgain).await
            })
        })
        .collect();
    drop(tx);
    // The last step each device reached, for a cancelled device's report.
    let mut reached: std::collections::HashMap<String, Step> = Default::default();
    let mut was_cancelled = false;
    loop {
        tokio::select! {
            ev = rx.recv() => match ev {
                Some(ev) => {
                    if let DeviceState::Working { step } = &ev.state {
                        reached.insert(ev.device.clone(), *step);
                    }
                    let _ = out.send(ev);
                }
                None => break,
            },
            changed = cancelled.changed(), if !was_cancelled => {
                if changed.is_err() || *cancelled.borrow() {
                    was_cancelled = changed.is_ok();
                    if was_cancelled {
                        for h in &handles {
                            h.abort();
                        }
                    }
                }
            }
        }
    }
    let mut outcomes = Vec::with_capacity(handles.len());
    for (id, h) in ids.into_iter().zip(handles) {
        match h.await {
            Ok(o) => outcomes.push(o),
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(_) => {
                let state = DeviceState::Failed {
                    failed_at: next_step(reached.get(&id).copied().unwrap_or(Step::Found)),
                    error: RunError::RunCancelled {}.into(),
                    fix: Fix::RetryOrReport {},
                    device: None,
                    manual: None,
                };
                if let Some(a) = &opts.audit {
                    a.finished(&id, &state, None);
                }
                let _ = out.send(RunEvent {
                    device: id.clone(),
                    state: state.clone(),
                });
                outcomes.push(DeviceOutcome {
                    device: id,
                    state,
                    steps_ms: Vec::new(),
                });
            }
        }
    }
    outcomes
}

/// Runs a batch to its end, its events forwarded to `events` (for callers that only
/// want the outcomes; see [`start_batch`]).
pub async fn run_batch(
    tasks: Vec<DeviceTask>,
    opts: RunOptions,
    events: mpsc::UnboundedSender<RunEvent>,
) -> Vec<DeviceOutcome> {
    batch_to_end(tasks, opts, Mode::Run, events).await
}

async fn batch_to_end(
    tasks: Vec<DeviceTask>,
    opts: RunOptions,
    mode: Mode,
    events: mpsc::UnboundedSender<RunEvent>,
) -> Vec<DeviceOutcome> {
    let (batch, mut rx) = match start_batch(tasks.clone(), opts, mode) {
        Ok(b) => b,
        Err(error) => {
            // A bad sender: every device fails at once, nothing touched.
            return tasks
                .into_iter()
                .map(|t| {
                    let state = DeviceState::Failed {
                        failed_at: Step::Found,
                        fix: fix_for_error(&error),
                        error: error.clone(),
                        device: None,
                        manual: None,
                    };
                    let _ = events.send(RunEvent {
                        device: t.id.clone(),
                        state: state.clone(),
                    });
                    DeviceOutcome {
                        device: t.id,
                        state,
                        steps_ms: Vec::new(),
                    }
                })
                .collect();
        }
    };
    while let Some(ev) = rx.recv().await {
        let _ = events.send(ev);
    }
    batch.finish().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sender_addresses() {
        assert!(is_mail_address("scanner@contoso.com"));
        assert!(is_mail_address(" admin@contoso.example "));
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
            assert!(!is_mail_address(bad), "{bad}");
        }
        assert_eq!(
            check_sender(" not an address ").unwrap_err().code(),
            "run-sender-invalid"
        );
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
