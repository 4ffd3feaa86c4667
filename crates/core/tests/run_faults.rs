//! One test per fault the emulated world can inject, run through the per-device run
//! model (log in → OAuth2 → sign-in → save → verify): each ends in its own error, or
//! in recovery where the guide's device recovers, with an exact account of where the
//! device stands; and the faults that show after configuration are found by
//! troubleshooting.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{address, quick_opts, task, Watch};
use printoauth_core::devices::{
    AdminCredentials, ConnectOptions, DeviceDriver, EpsonWebConfig, MemoryPinStore, SignInStatus,
};
use printoauth_core::diagnosis::{fix_for_error, Cause, Fix};
use printoauth_core::run::{self, DeviceOutcome, DeviceState, RunEvent, RunOptions, Step};
use printoauth_core::troubleshoot;
use printoauth_sim::device::DeviceFaults;
use printoauth_sim::identity::IdentityFaults;
use printoauth_sim::smtp::SmtpFaults;
use printoauth_sim::world::World;
use printoauth_testkit::practice::{world_of, ADMIN, DEVICE_PW, USER as RECIPIENT};
use serde_json::Value;

/// A world of one `model` device that starts on Basic auth, with the faults `tune`
/// sets.
async fn world(model: &str, tune: impl FnOnce(&mut DeviceFaults)) -> World {
    let w = world_of(&[model]).await;
    let mut faults = DeviceFaults::default();
    tune(&mut faults);
    w.device(0).unwrap().set_faults(faults);
    w
}

fn opts() -> ConnectOptions {
    quick_opts(Arc::new(MemoryPinStore::new()))
}

fn driver(w: &World, opts: ConnectOptions) -> Arc<EpsonWebConfig> {
    Arc::new(EpsonWebConfig::new(address(w, 0), opts))
}

fn run_options(poll_interval: Duration, sign_in_timeout: Duration) -> RunOptions {
    RunOptions {
        poll_interval,
        sign_in_timeout,
        ..Default::default()
    }
}

/// Runs `t`; `on_code` runs when the device shows its code, then the admin approves.
async fn run_one(
    w: &World,
    t: run::DeviceTask,
    on_code: impl Fn(&World) + Send + 'static,
) -> DeviceOutcome {
    run_one_events(w, t, on_code).await.0
}

/// As [`run_one`], with the events the run sent.
async fn run_one_events(
    w: &World,
    t: run::DeviceTask,
    on_code: impl Fn(&World) + Send + 'static,
) -> (DeviceOutcome, Vec<RunEvent>) {
    let watch = Watch::new(w, on_code);
    let opts = run_options(Duration::from_millis(300), Duration::from_secs(30));
    let o = run::configure_device(&t, &opts, &watch.tx).await;
    (o, watch.finish().await)
}

/// The waits in `events`, in order: "reason up to N s" and "over".
fn waits(events: &[RunEvent]) -> Vec<(String, u64)> {
    events
        .iter()
        .filter_map(|e| match &e.state {
            DeviceState::Waiting { reason, up_to_secs } => Some((
                serde_json::to_value(reason)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string(),
                *up_to_secs,
            )),
            DeviceState::WaitOver {} => Some(("over".to_string(), 0)),
            _ => None,
        })
        .collect()
}

/// Runs device 0 with `driver` (and the admin approving its code).
async fn run_with(w: &World, driver: Arc<EpsonWebConfig>) -> DeviceOutcome {
    run_one(w, task(w, 0, driver), |_| {}).await
}

/// Runs device 0 with the default options.
async fn run(w: &World) -> DeviceOutcome {
    run_with(w, driver(w, opts())).await
}

fn failure(o: &DeviceOutcome) -> (Step, String, Value) {
    match &o.state {
        DeviceState::Failed {
            failed_at,
            error,
            device,
            ..
        } => (
            *failed_at,
            error.code(),
            serde_json::to_value(device).unwrap(),
        ),
        other => panic!("expected a failure, got {other:?}"),
    }
}

fn nothing_changed(w: &World) {
    let r = w.device(0).unwrap().report();
    assert_eq!(
        serde_json::to_value(r.stored.auth_method).unwrap(),
        "smtp_auth",
        "the device keeps its previous settings"
    );
    assert_eq!(r.committed_account, None);
}

#[tokio::test]
async fn lock_out_ends_in_its_own_error_and_nothing_changes() {
    let w = world("WF-C5890 Series", |_| {}).await;
    w.device(0).unwrap().lock_out();
    let o = run(&w).await;
    let (at, code, device) = failure(&o);
    assert_eq!(
        (at, code.as_str()),
        (Step::LoggedIn, "device-login-locked-out")
    );
    assert!(
        device.is_null(),
        "nothing could be read while locked: {device}"
    );
    nothing_changed(&w);
}

#[tokio::test]
async fn wrong_password_ends_in_its_own_error() {
    let w = world("ET-4850 Series", |_| {}).await;
    let mut t = task(&w, 0, driver(&w, opts()));
    t.credentials.password = "not-it".into();
    let o = run_one(&w, t, |_| {}).await;
    let (at, code, _) = failure(&o);
    assert_eq!(
        (at, code.as_str()),
        (Step::LoggedIn, "device-login-rejected")
    );
    nothing_changed(&w);
}

#[tokio::test]
async fn persistent_http_500_ends_in_its_own_error() {
    let w = world("WF-C5890 Series", |f| f.http_500_next = 1000).await;
    let o = run(&w).await;
    let (at, code, _) = failure(&o);
    assert_eq!(at, Step::LoggedIn);
    assert_eq!(code, "device-http-status");
    let DeviceState::Failed { error, .. } = &o.state else {
        unreachable!()
    };
    assert_eq!(
        serde_json::to_value(error).unwrap()["params"]["status"],
        500
    );
    nothing_changed(&w);
}

#[tokio::test]
async fn a_passing_http_500_is_a_wait_that_is_shown_and_ends() {
    let w = world("ET-4850 Series", |_| {}).await;
    // The device has answered (its address is known); then one page answers HTTP 500.
    let d = driver(&w, opts());
    d.login(&AdminCredentials::new(DEVICE_PW)).await.unwrap();
    w.device(0).unwrap().set_faults(DeviceFaults {
        http_500_next: 1,
        ..Default::default()
    });
    let (o, events) = run_one_events(&w, task(&w, 0, d), |_| {}).await;
    assert!(o.succeeded(), "{o:?}");
    let waits = waits(&events);
    assert_eq!(waits.len(), 2, "{waits:?}");
    assert_eq!(waits[0].0, "device-server-error");
    assert!(waits[0].1 >= 1);
    assert_eq!(waits[1].0, "over");
}

#[tokio::test]
async fn slow_answers_beyond_the_timeout_end_in_unreachable() {
    let w = world("WF-C5890 Series", |f| f.delay_ms = 2500).await;
    let slow = ConnectOptions {
        request_timeout: Duration::from_millis(800),
        ..opts()
    };
    let o = run_with(&w, driver(&w, slow)).await;
    let (at, code, _) = failure(&o);
    assert_eq!((at, code.as_str()), (Step::LoggedIn, "device-unreachable"));
    nothing_changed(&w);
}

#[tokio::test]
async fn slow_answers_within_the_timeout_still_finish() {
    let w = world("ET-4850 Series", |f| f.delay_ms = 150).await;
    let o = run(&w).await;
    assert!(o.succeeded(), "{o:?}");
}

#[tokio::test]
async fn restart_in_the_middle_of_a_save_is_ridden_out() {
    let w = world("WF-C5890 Series", |f| f.restart_on_next_save = true).await;
    let (o, events) = run_one_events(&w, task(&w, 0, driver(&w, opts())), |_| {}).await;
    assert!(o.succeeded(), "{o:?}");
    // The wait was shown, with what it waits for and how long at most, and it ended
    // before the device was done.
    let waits = waits(&events);
    assert!(
        matches!(waits.first(), Some((r, secs)) if (r == "device-restarting" || r == "device-away") && *secs > 0),
        "{waits:?}"
    );
    assert_eq!(
        waits.last().map(|w| w.0.as_str()),
        Some("over"),
        "{waits:?}"
    );
    assert!(matches!(
        events.last().unwrap().state,
        DeviceState::Done { .. }
    ));
    let r = w.device(0).unwrap().report();
    assert_eq!(r.boot_count, 2, "the device did restart");
    assert_eq!(r.committed_account.as_deref(), Some(ADMIN));
}

#[tokio::test]
async fn stale_setup_token_while_waiting_for_consent_is_recovered() {
    let w = world("ET-4850 Series", |_| {}).await;
    let o = run_one(&w, task(&w, 0, driver(&w, opts())), |w| {
        w.device(0).unwrap().make_setup_tokens_stale();
    })
    .await;
    assert!(o.succeeded(), "{o:?}");
    assert_eq!(
        w.device(0).unwrap().report().committed_account.as_deref(),
        Some(ADMIN)
    );
}

#[tokio::test]
async fn conditional_access_block_ends_at_the_sign_in_with_the_device_state() {
    let w = world("WF-C5890 Series", |_| {}).await;
    w.tenant().config().block_device_code_flow = true;
    // The admin signs in on the pages; Conditional Access refuses.
    let d = driver(&w, opts());
    let o = run_with(&w, d.clone()).await;
    let (at, code, device) = failure(&o);
    assert_eq!((at, code.as_str()), (Step::SignedIn, "run-sign-in-failed"));
    let DeviceState::Failed { error, .. } = &o.state else {
        unreachable!()
    };
    assert!(
        serde_json::to_string(error).unwrap().contains("53003"),
        "{error:?}"
    );
    assert_eq!(device["sign_in"]["state"], "failed", "{device}");
    nothing_changed(&w);

    // Troubleshooting the device (on the run's connection) names Conditional Access
    // and its fix, the fix the run gives for its error.
    let h = troubleshoot::troubleshoot(d.as_ref()).await.unwrap();
    assert!(
        h.diagnoses.iter().any(|x| matches!(
            x.cause,
            Cause::ConditionalAccessBlocked {
                aadsts: Some(53003)
            }
        ) && x.fix == Fix::review_conditional_access()),
        "{:?}",
        h.diagnoses
    );
    assert_eq!(fix_for_error(error), Fix::review_conditional_access());
}

#[tokio::test]
async fn identity_service_down_ends_at_the_sign_in() {
    let w = world("ET-4850 Series", |_| {}).await;
    w.identity().set_faults(IdentityFaults {
        http_500_next: 1000,
        ..Default::default()
    });
    let o = run(&w).await;
    let (at, _code, device) = failure(&o);
    assert!(at <= Step::SignedIn, "{o:?}");
    assert_ne!(device["sign_in"]["state"], "signed-in", "{device}");
    nothing_changed(&w);
}

#[tokio::test]
async fn nobody_signs_in_before_the_timeout() {
    let w = world("ET-4850 Series", |_| {}).await;
    let t = task(&w, 0, driver(&w, opts()));
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
    let opts = run_options(Duration::from_millis(200), Duration::from_secs(2));
    let o = run::configure_device(&t, &opts, &tx).await;
    let (at, code, device) = failure(&o);
    assert_eq!(
        (at, code.as_str()),
        (Step::SignedIn, "run-sign-in-timed-out")
    );
    assert_eq!(device["sign_in"]["state"], "pending", "{device}");
}

/// Configured, then the guide's later symptoms: expired tokens (361), no connection
/// (360), signed in but not saved.
#[tokio::test]
async fn expired_tokens_and_lost_connection_are_found_by_troubleshooting() {
    let w = world("WF-C5890 Series", |_| {}).await;
    let d = driver(&w, opts());
    let o = run_with(&w, d.clone()).await;
    assert!(o.succeeded(), "{o:?}");
    let dev = w.device(0).unwrap().clone();
    // The factory-default administrator user name is blank.
    let creds = AdminCredentials::new(DEVICE_PW);

    w.smtp().set_faults(SmtpFaults {
        unavailable_next: 1,
        ..Default::default()
    });
    dev.scan_to_email(RECIPIENT, 1).await;
    d.login(&creds).await.unwrap();
    let h = troubleshoot::troubleshoot(d.as_ref()).await.unwrap();
    assert!(
        matches!(
            h.diagnoses[0].cause,
            Cause::NoConnection {
                job_code: Some(360)
            }
        ),
        "{:?}",
        h.diagnoses
    );

    dev.expire_tokens();
    dev.scan_to_email(RECIPIENT, 1).await;
    let h = troubleshoot::troubleshoot(d.as_ref()).await.unwrap();
    assert!(
        matches!(h.diagnoses[0].cause, Cause::SignInExpired { .. }),
        "{:?}",
        h.diagnoses
    );
    assert_eq!(h.diagnoses[0].fix, Fix::SignInAgain {});
    assert!(!matches!(h.sign_in, SignInStatus::SignedIn { .. }));
}
