//! The chaos run: N emulated Epson devices of every family, page layout, save style
//! and language the emulator offers, configured at once through the engine's batch
//! ([`run::start_batch`]) while faults are injected at random with a fixed seed.
//! Every device must end as its fault says (the engine rides out some faults, others
//! end in their own error at their own step) and the device itself, read through
//! the emulator's control API, must be in the state that outcome describes.
//!
//! Shared by the bench (`crates/core/examples/bench.rs chaos N --seed S`, through
//! `scripts/bench.sh chaos`) and the CI test (`crates/core/tests/chaos.rs`, a few
//! devices).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use printoauth_core::devices::{
    AdminCredentials, ConnectOptions, DeviceAddress, EpsonWebConfig, MemoryPinStore, OAuthTarget,
};
use printoauth_core::run::{self, DeviceOutcome, DeviceState, Mode, RunOptions, Step};
use printoauth_sim::config::{DeviceConfig, Lang, WorldConfig};
use printoauth_sim::device::{AuthMethod, DeviceReport, OAuthState};
use printoauth_sim::world::World;
use serde_json::{json, Value};

/// The practice tenant's administrator: the sender, and who approves every sign-in.
const ADMIN: &str = "admin@contoso.example";
const ADMIN_PW: &str = "Practice-Admin-1";

/// What is done to one device.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fault {
    None,
    /// The device restarts when the save is confirmed, before storing anything.
    RestartMidSave,
    /// One or two answers are HTTP 500 (the driver retries three times).
    Http500Once,
    /// Every answer is HTTP 500.
    Http500Always,
    /// Every answer takes a few hundred milliseconds.
    Slow,
    /// Every answer takes longer than the driver waits.
    SlowBeyondTimeout,
    /// The administrator log-in is locked out before the run.
    LockOut,
    /// The forms' setup tokens go stale while the device waits for the sign-in.
    StaleSetupToken,
    /// The device was signed in by hand before the run, and its tokens have lapsed
    /// since (as after long disuse); it still shows "Signed in" until it next mails.
    ExpiredTokens,
    /// The administrator declines the sign-in (Cancel on Microsoft's page).
    DeclinedSignIn,
    /// A model whose firmware has no OAuth2 (the device's own limit, not a fault).
    NoOauth2Firmware,
    /// Reached through its additional network interface, which has no OAuth2.
    AdditionalNetwork,
}

impl Fault {
    /// Each fault with its weight in the draw.
    const DRAW: [(Fault, u32); 12] = [
        (Fault::None, 6),
        (Fault::RestartMidSave, 2),
        (Fault::Http500Once, 2),
        (Fault::Http500Always, 1),
        (Fault::Slow, 2),
        (Fault::SlowBeyondTimeout, 1),
        (Fault::LockOut, 1),
        (Fault::StaleSetupToken, 2),
        (Fault::ExpiredTokens, 1),
        (Fault::DeclinedSignIn, 1),
        (Fault::NoOauth2Firmware, 1),
        (Fault::AdditionalNetwork, 1),
    ];

    /// How the run must end: `None` for Done, else the step it fails at and the
    /// error's code.
    pub fn expected(self) -> Option<(Step, &'static str)> {
        match self {
            Fault::None
            | Fault::RestartMidSave
            | Fault::Http500Once
            | Fault::Slow
            | Fault::StaleSetupToken
            | Fault::ExpiredTokens => None,
            Fault::Http500Always => Some((Step::LoggedIn, "device-http-status")),
            Fault::SlowBeyondTimeout => Some((Step::LoggedIn, "device-unreachable")),
            Fault::LockOut => Some((Step::LoggedIn, "device-login-locked-out")),
            Fault::DeclinedSignIn => Some((Step::SignedIn, "run-sign-in-failed")),
            Fault::NoOauth2Firmware => Some((Step::Oauth2Set, "device-oauth2-unavailable")),
            Fault::AdditionalNetwork => Some((Step::Oauth2Set, "device-additional-network")),
        }
    }
}

/// A small, fixed pseudo-random generator (SplitMix64): the same seed, the same run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// One device of the run: its configuration and its fault.
#[derive(Clone, Debug)]
pub struct Plan {
    pub config: DeviceConfig,
    pub fault: Fault,
    /// HTTP 500 answers (`Http500Once`) or delay in ms (`Slow*`).
    pub amount: u64,
}

/// The OAuth2-capable models, cycled so that any eight devices cover both firmware
/// families, both page layouts, both save styles, every session-type variant and
/// the four languages; every third business device has a named administrator.
const MODELS: [(&str, Lang); 8] = [
    ("WF-C5890 Series", Lang::En),
    ("ET-4850 Series", Lang::Fr),
    ("AM-C4000 Series", Lang::De),
    ("L6270 Series", Lang::It),
    ("WF-C879R Series", Lang::En),
    ("WF-C20590 Series", Lang::De),
    ("WF-M5899 Series", Lang::Fr),
    ("ET-4850 Series", Lang::It),
];

/// The devices of a run of `n` with `seed`: the same plan for the same arguments.
pub fn plan(n: usize, seed: u64) -> Vec<Plan> {
    let mut rng = Rng::new(seed);
    let total: u32 = Fault::DRAW.iter().map(|(_, w)| w).sum();
    (0..n)
        .map(|i| {
            let (model, language) = MODELS[i % MODELS.len()];
            let mut pick = rng.below(u64::from(total)) as u32;
            let mut fault = Fault::None;
            for (f, w) in Fault::DRAW {
                if pick < w {
                    fault = f;
                    break;
                }
                pick -= w;
            }
            let mut config = DeviceConfig {
                model: model.into(),
                language,
                start_with_basic_auth: true,
                ..Default::default()
            };
            if model == "WF-M5899 Series" {
                // Its default firmware predates OAuth2; this one is updated.
                config.firmware = Some("25.06.MN09B2".into());
            }
            let business = !model.starts_with("ET-") && !model.starts_with("L6");
            if business && i % 3 == 0 {
                config.admin_user = Some("printadmin".into());
                config.admin_password = Some(format!("Chaos-Admin-{i}"));
            }
            match fault {
                Fault::NoOauth2Firmware => {
                    config.model = "WF-2930 Series".into();
                    config.firmware = None;
                    config.admin_user = None;
                }
                Fault::AdditionalNetwork => {
                    config.model = "WF-C879R Series".into();
                    config.additional_network = true;
                }
                _ => {}
            }
            let amount = match fault {
                Fault::Http500Once => 1 + rng.below(2),
                Fault::Slow => 200 + rng.below(400),
                Fault::SlowBeyondTimeout => 5_000,
                _ => 0,
            };
            Plan {
                config,
                fault,
                amount,
            }
        })
        .collect()
}

/// How long the driver waits for one answer in the chaos run.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(3);

/// One device that did not end as planned.
#[derive(Debug)]
pub struct Unexpected {
    pub device: usize,
    pub fault: Fault,
    pub model: String,
    pub what: String,
}

/// What a chaos run did.
#[derive(Debug)]
pub struct Report {
    pub devices: usize,
    pub took: Duration,
    /// Per fault: how many devices had it, and how many ended as expected.
    pub by_fault: BTreeMap<Fault, (usize, usize)>,
    pub done: usize,
    pub failed: usize,
    pub unexpected: Vec<Unexpected>,
}

/// A control API call: JSON in, JSON out (the answer's status checked).
async fn control(
    http: &reqwest::Client,
    base: &str,
    method: &str,
    path: &str,
    body: Value,
) -> Result<Value, String> {
    let url = format!("{base}{path}");
    let req = match method {
        "PUT" => http.put(&url),
        "POST" => http.post(&url),
        _ => http.get(&url),
    };
    let resp = req
        .json(&body)
        .send()
        .await
        .map_err(|e| format!("{method} {path}: {e}"))?;
    let status = resp.status();
    let v: Value = resp
        .json()
        .await
        .map_err(|e| format!("{method} {path}: {e}"))?;
    if !status.is_success() {
        return Err(format!("{method} {path}: {status} {v}"));
    }
    Ok(v)
}

async fn report_of(http: &reqwest::Client, base: &str, i: usize) -> Result<DeviceReport, String> {
    let v = control(http, base, "GET", &format!("/devices/{i}"), json!({})).await?;
    serde_json::from_value(v).map_err(|e| format!("device {i}'s report: {e}"))
}

/// Signs device `i` in by hand (as on its own page) and waits until it is.
async fn sign_in_beforehand(http: &reqwest::Client, base: &str, i: usize) -> Result<(), String> {
    let shown = control(
        http,
        base,
        "POST",
        &format!("/devices/{i}/sign-in-by-hand"),
        json!({}),
    )
    .await?;
    control(
        http,
        base,
        "POST",
        "/identity/approve",
        json!({"user_code": shown["user_code"], "upn": ADMIN, "password": ADMIN_PW,
               "consent_for_org": true}),
    )
    .await?;
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if matches!(
            report_of(http, base, i).await?.oauth,
            OAuthState::SignedIn { .. }
        ) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    Err(format!("device {i} did not sign in by hand"))
}

/// Runs the chaos run of `n` devices with `seed`.
pub async fn run(n: usize, seed: u64) -> Report {
    let plans = plan(n, seed);
    let world = World::start(WorldConfig {
        devices: plans.iter().map(|p| p.config.clone()).collect(),
        ..Default::default()
    })
    .await
    .expect("the chaos world starts");
    let base = world.control_url();
    let http = reqwest::Client::new();
    let summary = world.summary();

    // Before the run: the faults that are there from the start.
    let mut before = Vec::new();
    for (i, p) in plans.iter().enumerate() {
        let (http, base) = (http.clone(), base.clone());
        let p = p.clone();
        before.push(tokio::spawn(async move {
            let faults = match p.fault {
                Fault::RestartMidSave => json!({"restart_on_next_save": true}),
                Fault::Http500Once | Fault::Http500Always => {
                    let n = if p.fault == Fault::Http500Always {
                        100_000
                    } else {
                        p.amount
                    };
                    json!({ "http_500_next": n })
                }
                Fault::Slow | Fault::SlowBeyondTimeout => json!({"delay_ms": p.amount}),
                Fault::LockOut => {
                    return control(
                        &http,
                        &base,
                        "POST",
                        &format!("/devices/{i}/lockout"),
                        json!({}),
                    )
                    .await
                    .map(|_| ());
                }
                Fault::ExpiredTokens => {
                    sign_in_beforehand(&http, &base, i).await?;
                    return control(
                        &http,
                        &base,
                        "POST",
                        &format!("/devices/{i}/expire-tokens"),
                        json!({}),
                    )
                    .await
                    .map(|_| ());
                }
                _ => return Ok(()),
            };
            control(&http, &base, "PUT", &format!("/devices/{i}/faults"), faults)
                .await
                .map(|_| ())
        }));
    }
    for b in before {
        b.await.expect("fault task").expect("fault injected");
    }

    let pins = Arc::new(MemoryPinStore::new());
    let tasks: Vec<run::DeviceTask> = summary
        .devices
        .iter()
        .map(|d| {
            let address = DeviceAddress::from_urls(Some(&d.https_url), Some(&d.http_url))
                .expect("device address");
            run::DeviceTask {
                id: format!("device-{}", d.index),
                driver: Arc::new(EpsonWebConfig::new(
                    address,
                    ConnectOptions {
                        pin_store: pins.clone(),
                        request_timeout: REQUEST_TIMEOUT,
                        retry_delay: Duration::from_millis(200),
                        restart_timeout: Duration::from_secs(30),
                        ..Default::default()
                    },
                )),
                credentials: AdminCredentials {
                    user: d.admin_user.clone(),
                    password: d.admin_password.clone(),
                },
                target: OAuthTarget::exchange_online(ADMIN),
                web_config_url: d.https_url.clone(),
            }
        })
        .collect();

    let t0 = Instant::now();
    let (batch, mut events) = run::start_batch(
        tasks,
        RunOptions {
            concurrency: n.max(1),
            poll_interval: Duration::from_millis(500),
            sign_in_timeout: Duration::from_secs(120),
            ..Default::default()
        },
        Mode::Run,
    )
    .expect("the batch starts");
    // The administrator: approves each code shown, or declines it; the stale setup
    // tokens happen while the device waits.
    let mut answers = Vec::new();
    while let Some(ev) = events.recv().await {
        let DeviceState::NeedsYou { code } = ev.state else {
            continue;
        };
        let i: usize = ev
            .device
            .strip_prefix("device-")
            .and_then(|x| x.parse().ok())
            .expect("device id");
        let fault = plans[i].fault;
        let (http, base) = (http.clone(), base.clone());
        answers.push(tokio::spawn(async move {
            if fault == Fault::StaleSetupToken {
                control(
                    &http,
                    &base,
                    "POST",
                    &format!("/devices/{i}/stale-setup-token"),
                    json!({}),
                )
                .await?;
            }
            if fault == Fault::DeclinedSignIn {
                control(
                    &http,
                    &base,
                    "POST",
                    "/identity/decline",
                    json!({"user_code": code.user_code}),
                )
                .await
                .map(|_| ())
            } else {
                control(
                    &http,
                    &base,
                    "POST",
                    "/identity/approve",
                    json!({"user_code": code.user_code, "upn": ADMIN, "password": ADMIN_PW,
                           "consent_for_org": true}),
                )
                .await
                .map(|_| ())
            }
        }));
    }
    let outcomes = batch.finish().await;
    let took = t0.elapsed();
    let mut answer_errors = Vec::new();
    for a in answers {
        if let Err(e) = a.await.expect("answer task") {
            answer_errors.push(e);
        }
    }

    let mut rep = Report {
        devices: n,
        took,
        by_fault: BTreeMap::new(),
        done: 0,
        failed: 0,
        unexpected: Vec::new(),
    };
    for e in answer_errors {
        rep.unexpected.push(Unexpected {
            device: usize::MAX,
            fault: Fault::None,
            model: String::new(),
            what: format!("the administrator's answer failed: {e}"),
        });
    }
    for (i, (p, o)) in plans.iter().zip(&outcomes).enumerate() {
        if o.succeeded() {
            rep.done += 1;
        } else {
            rep.failed += 1;
        }
        let device = report_of(&http, &base, i).await;
        let problems = match device {
            Ok(d) => check(p, o, &d),
            Err(e) => vec![e],
        };
        let entry = rep.by_fault.entry(p.fault).or_default();
        entry.0 += 1;
        if problems.is_empty() {
            entry.1 += 1;
        }
        for what in problems {
            rep.unexpected.push(Unexpected {
                device: i,
                fault: p.fault,
                model: p.config.model.clone(),
                what,
            });
        }
    }
    world.stop();
    rep
}

/// What is wrong with device `p`'s outcome `o` and its state `d` (nothing: as planned).
pub fn check(p: &Plan, o: &DeviceOutcome, d: &DeviceReport) -> Vec<String> {
    let mut wrong = Vec::new();
    match (&o.state, p.fault.expected()) {
        (DeviceState::Done { settings, .. }, None) => {
            if !settings.signed_in {
                wrong.push("Done, but the settings read do not say signed in".into());
            }
            if d.stored.auth_method != AuthMethod::OAuth2 {
                wrong.push(format!(
                    "Done, but the device stores {:?}",
                    d.stored.auth_method
                ));
            }
            if d.committed_account.as_deref() != Some(ADMIN) {
                wrong.push(format!(
                    "Done, but the device's committed account is {:?}",
                    d.committed_account
                ));
            }
            if !matches!(&d.oauth, OAuthState::SignedIn { account, .. } if account == ADMIN) {
                wrong.push(format!("Done, but the device shows {:?}", d.oauth));
            }
            let boots = if p.fault == Fault::RestartMidSave {
                2
            } else {
                1
            };
            if d.boot_count != boots {
                wrong.push(format!("booted {} times, not {boots}", d.boot_count));
            }
        }
        (
            DeviceState::Failed {
                failed_at,
                error,
                device: snapshot,
                ..
            },
            Some((step, code)),
        ) => {
            if (*failed_at, error.code().as_str()) != (step, code) {
                wrong.push(format!(
                    "failed at {failed_at:?} with {} ({error}), expected {step:?} with {code}",
                    error.code()
                ));
            }
            if p.fault == Fault::Http500Always {
                let status = serde_json::to_value(error)
                    .ok()
                    .map(|v| v["params"]["status"].clone());
                if status != Some(json!(500)) {
                    wrong.push(format!("the error names status {status:?}, not 500"));
                }
            }
            // Nothing changed on the device: the previous mail settings, nothing sent
            // to the printer.
            if d.stored.auth_method != AuthMethod::SmtpAuth {
                wrong.push(format!(
                    "failed, but the device stores {:?}",
                    d.stored.auth_method
                ));
            }
            if d.committed_account.is_some() {
                wrong.push(format!(
                    "failed, but the device committed {:?}",
                    d.committed_account
                ));
            }
            let sign_in_ok = match p.fault {
                Fault::DeclinedSignIn => matches!(d.oauth, OAuthState::Failed { .. }),
                _ => d.oauth == OAuthState::SignedOut,
            };
            if !sign_in_ok {
                wrong.push(format!("the device's sign-in is {:?}", d.oauth));
            }
            if p.fault == Fault::LockOut && !d.locked {
                wrong.push("the device is not locked out".into());
            }
            // What the run read of the device after the failure says the same.
            if let Some(snap) = snapshot {
                if snap.settings.as_ref().is_some_and(|s| s.signed_in) {
                    wrong.push("the run's snapshot says signed in".into());
                }
                if p.fault == Fault::DeclinedSignIn
                    && !matches!(
                        snap.sign_in,
                        Some(printoauth_core::devices::SignInStatus::Failed { .. })
                    )
                {
                    wrong.push(format!("the run's snapshot shows {:?}", snap.sign_in));
                }
            }
        }
        (DeviceState::Done { .. }, Some((step, code))) => {
            wrong.push(format!("Done, expected a failure at {step:?} with {code}"))
        }
        (
            DeviceState::Failed {
                failed_at, error, ..
            },
            None,
        ) => wrong.push(format!(
            "failed at {failed_at:?} with {} ({error}), expected Done",
            error.code()
        )),
        (other, _) => wrong.push(format!("ended in {other:?}")),
    }
    wrong
}

impl Report {
    /// The figures and every unexpected outcome, as the bench prints them.
    pub fn print(&self) {
        println!(
            "chaos: {} devices in {:.2} s: {} verified, {} failed as injected, {} unexpected",
            self.devices,
            self.took.as_secs_f64(),
            self.done,
            self.failed,
            self.unexpected.len()
        );
        for (f, (had, ok)) in &self.by_fault {
            let expect = match f.expected() {
                None => "Done".to_string(),
                Some((step, code)) => format!("{code} at {step:?}"),
            };
            println!(
                "  {:<20} {:>4} devices, {:>4} as expected ({expect})",
                format!("{f:?}"),
                had,
                ok
            );
        }
        for u in &self.unexpected {
            println!(
                "  UNEXPECTED device {} ({}, {:?}): {}",
                u.device, u.model, u.fault, u.what
            );
        }
    }
}
