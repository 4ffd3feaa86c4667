//! The run model: the vendor guide's steps for one device as a state machine, and a
//! batch runner with bounded concurrency in which one device's failure never stops
//! the others.
//!
//! Every transition is reported as a [`RunEvent`] (device id + [`DeviceState`]), so a
//! UI or the CLI can show progress, the code the administrator must enter
//! ([`DeviceState::NeedsYou`]), and on failure the step and the device's exact state.
//!
//! A device whose page the driver could not read is never a dead end: its failure
//! carries a [`ManualPath`] (what to do on the device's own page), and
//! [`check_again`] reads the device again afterwards and continues from where the
//! device is, with the same events and errors as a run.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tokio::sync::{mpsc, Semaphore};

use crate::devices::{
    AdminCredentials, DeviceDriver, DeviceError, EmailSettings, OAuthTarget, SignInCode,
    SignInStatus,
};
use crate::manual::{manual_path, ManualPath};
use crate::Error;

/// The guide's steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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
}

/// What the device has, read after a failure, so the report says exactly where it
/// stands (both are best effort: `None` when they could not be read).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeviceSnapshot {
    pub settings: Option<EmailSettings>,
    pub sign_in: Option<SignInStatus>,
}

/// Where one device stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum DeviceState {
    /// Working; `step` is the last step reached.
    Working { step: Step },
    /// The administrator must sign in with this code (and consent).
    NeedsYou { code: SignInCode },
    /// Signed in, saved and verified.
    Done { settings: EmailSettings },
    /// Stopped before reaching `failed_at`; `device` is what the device shows now;
    /// `manual`: when a person can get past it on the device's own page (a page the
    /// driver could not read, a save the device did not confirm), how.
    Failed {
        failed_at: Step,
        error: Error,
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

#[derive(Debug, Clone)]
pub struct RunOptions {
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
    };
    t.reached(Step::Found);
    let result = if again {
        steps_again(task, opts, &mut t).await
    } else {
        steps(task, opts, &mut t).await
    };
    let state = match result {
        Ok(settings) => DeviceState::Done { settings },
        Err(error) => {
            let failed_at = next_step(t.step);
            let device = snapshot(task.driver.as_ref()).await;
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
                error,
                device,
                manual,
            }
        }
    };
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

/// Configures every device, at most `opts.concurrency` at a time. The outcomes come
/// back in the order of `tasks`; one device's failure never stops the others.
pub async fn run_batch(
    tasks: Vec<DeviceTask>,
    opts: RunOptions,
    events: mpsc::UnboundedSender<RunEvent>,
) -> Vec<DeviceOutcome> {
    batch(tasks, opts, events, false).await
}

/// [`check_again`] for every device, as [`run_batch`] runs them.
pub async fn check_again_batch(
    tasks: Vec<DeviceTask>,
    opts: RunOptions,
    events: mpsc::UnboundedSender<RunEvent>,
) -> Vec<DeviceOutcome> {
    batch(tasks, opts, events, true).await
}

async fn batch(
    tasks: Vec<DeviceTask>,
    opts: RunOptions,
    events: mpsc::UnboundedSender<RunEvent>,
    again: bool,
) -> Vec<DeviceOutcome> {
    let limit = Arc::new(Semaphore::new(opts.concurrency.max(1)));
    let opts = Arc::new(opts);
    let handles: Vec<_> = tasks
        .into_iter()
        .map(|task| {
            let limit = limit.clone();
            let opts = opts.clone();
            let events = events.clone();
            tokio::spawn(async move {
                let _permit = limit.acquire_owned().await.expect("semaphore open");
                drive(&task, &opts, &events, again).await
            })
        })
        .collect();
    let mut out = Vec::with_capacity(handles.len());
    for h in handles {
        match h.await {
            Ok(o) => out.push(o),
            Err(e) => std::panic::resume_unwind(e.into_panic()),
        }
    }
    out
}
