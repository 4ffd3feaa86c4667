//! One test per fault the emulated world can inject, run through the per-device run
//! model (log in → OAuth2 → sign-in → save → verify): each ends in its own error, or
//! in recovery where the guide's device recovers, with an exact account of where the
//! device stands; and the faults that show after configuration are found by
//! troubleshooting.

use std::sync::Arc;
use std::time::Duration;

use printoauth_core::devices::{
    AdminCredentials, ConnectOptions, DeviceAddress, DeviceDriver, EpsonWebConfig, MemoryPinStore,
    OAuthTarget, SignInStatus,
};
use printoauth_core::diagnosis::{fix_for_error, Cause, Fix};
use printoauth_core::run::{self, DeviceOutcome, DeviceState, RunOptions, Step};
use printoauth_core::troubleshoot;
use printoauth_sim::config::{DeviceConfig, WorldConfig};
use printoauth_sim::device::DeviceFaults;
use printoauth_sim::identity::IdentityFaults;
use printoauth_sim::smtp::SmtpFaults;
use printoauth_sim::world::World;
use serde_json::Value;

const ADMIN: &str = "admin@contoso.example";
const ADMIN_PW: &str = "Practice-Admin-1";

async fn world(model: &str) -> World {
    World::start(WorldConfig {
        devices: vec![DeviceConfig {
            model: model.into(),
            start_with_basic_auth: true,
            ..Default::default()
        }],
        ..Default::default()
    })
    .await
    .unwrap()
}

fn driver(w: &World, opts: ConnectOptions) -> Arc<EpsonWebConfig> {
    let d = &w.summary().devices[0];
    Arc::new(EpsonWebConfig::new(
        DeviceAddress::from_urls(Some(&d.https_url), Some(&d.http_url)).unwrap(),
        opts,
    ))
}

fn opts() -> ConnectOptions {
    ConnectOptions {
        pin_store: Arc::new(MemoryPinStore::new()),
        retry_delay: Duration::from_millis(100),
        restart_timeout: Duration::from_secs(20),
        ..Default::default()
    }
}

fn task(w: &World, driver: Arc<EpsonWebConfig>, password: Option<&str>) -> run::DeviceTask {
    let d = &w.summary().devices[0];
    run::DeviceTask {
        id: d.host_name.clone(),
        driver,
        credentials: AdminCredentials {
            user: d.admin_user.clone(),
            password: password.unwrap_or(&d.admin_password).to_string(),
        },
        target: OAuthTarget::exchange_online(ADMIN),
        web_config_url: d.https_url.clone(),
    }
}

/// Runs one device; `on_code` runs when the device shows its code (then the admin
/// approves, unless `approve` is false).
async fn run_one(
    w: &World,
    t: run::DeviceTask,
    approve: bool,
    on_code: impl Fn(&World) + Send + 'static,
) -> DeviceOutcome {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<run::RunEvent>();
    let wc = w.clone();
    let watcher = tokio::spawn(async move {
        while let Some(ev) = rx.recv().await {
            if let DeviceState::NeedsYou { code } = ev.state {
                on_code(&wc);
                if approve {
                    let _ = wc
                        .identity()
                        .approve(&code.user_code, ADMIN, ADMIN_PW, true);
                }
            }
        }
    });
    let o = run::configure_device(
        &t,
        &RunOptions {
            poll_interval: Duration::from_millis(300),
            sign_in_timeout: Duration::from_secs(30),
            ..Default::default()
        },
        &tx,
    )
    .await;
    drop(tx);
    watcher.await.unwrap();
    o
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
    let w = world("WF-C5890 Series").await;
    w.device(0).unwrap().lock_out();
    let o = run_one(&w, task(&w, driver(&w, opts()), None), true, |_| {}).await;
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
    let w = world("ET-4850 Series").await;
    let o = run_one(
        &w,
        task(&w, driver(&w, opts()), Some("not-it")),
        true,
        |_| {},
    )
    .await;
    let (at, code, _) = failure(&o);
    assert_eq!(
        (at, code.as_str()),
        (Step::LoggedIn, "device-login-rejected")
    );
    nothing_changed(&w);
}

#[tokio::test]
async fn persistent_http_500_ends_in_its_own_error() {
    let w = world("WF-C5890 Series").await;
    w.device(0).unwrap().set_faults(DeviceFaults {
        http_500_next: 1000,
        ..Default::default()
    });
    let o = run_one(&w, task(&w, driver(&w, opts()), None), true, |_| {}).await;
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
async fn slow_answers_beyond_the_timeout_end_in_unreachable() {
    let w = world("WF-C5890 Series").await;
    w.device(0).unwrap().set_faults(DeviceFaults {
        delay_ms: 2500,
        ..Default::default()
    });
    let slow = ConnectOptions {
        request_timeout: Duration::from_millis(800),
        ..opts()
    };
    let o = run_one(&w, task(&w, driver(&w, slow), None), true, |_| {}).await;
    let (at, code, _) = failure(&o);
    assert_eq!((at, code.as_str()), (Step::LoggedIn, "device-unreachable"));
    nothing_changed(&w);
}

#[tokio::test]
async fn slow_answers_within_the_timeout_still_finish() {
    let w = world("ET-4850 Series").await;
    w.device(0).unwrap().set_faults(DeviceFaults {
        delay_ms: 150,
        ..Default::default()
    });
    let o = run_one(&w, task(&w, driver(&w, opts()), None), true, |_| {}).await;
    assert!(o.succeeded(), "{o:?}");
}

#[tokio::test]
async fn restart_in_the_middle_of_a_save_is_ridden_out() {
    let w = world("WF-C5890 Series").await;
    w.device(0).unwrap().set_faults(DeviceFaults {
        restart_on_next_save: true,
        ..Default::default()
    });
    let o = run_one(&w, task(&w, driver(&w, opts()), None), true, |_| {}).await;
    assert!(o.succeeded(), "{o:?}");
    let r = w.device(0).unwrap().report();
    assert_eq!(r.boot_count, 2, "the device did restart");
    assert_eq!(r.committed_account.as_deref(), Some(ADMIN));
}

#[tokio::test]
async fn stale_setup_token_while_waiting_for_consent_is_recovered() {
    let w = world("ET-4850 Series").await;
    let o = run_one(&w, task(&w, driver(&w, opts()), None), true, |w| {
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
    let w = world("WF-C5890 Series").await;
    w.tenant().config().block_device_code_flow = true;
    // The admin signs in on the pages; Conditional Access refuses.
    let d = driver(&w, opts());
    let o = run_one(&w, task(&w, d.clone(), None), true, |_| {}).await;
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
    let w = world("ET-4850 Series").await;
    w.identity().set_faults(IdentityFaults {
        http_500_next: 1000,
        ..Default::default()
    });
    let o = run_one(&w, task(&w, driver(&w, opts()), None), true, |_| {}).await;
    let (at, _code, device) = failure(&o);
    assert!(at <= Step::SignedIn, "{o:?}");
    assert_ne!(device["sign_in"]["state"], "signed-in", "{device}");
    nothing_changed(&w);
}

#[tokio::test]
async fn nobody_signs_in_before_the_timeout() {
    let w = world("ET-4850 Series").await;
    let t = task(&w, driver(&w, opts()), None);
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
    let o = run::configure_device(
        &t,
        &RunOptions {
            poll_interval: Duration::from_millis(200),
            sign_in_timeout: Duration::from_secs(2),
            ..Default::default()
        },
        &tx,
    )
    .await;
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
    let w = world("WF-C5890 Series").await;
    let d = driver(&w, opts());
    let o = run_one(&w, task(&w, d.clone(), None), true, |_| {}).await;
    assert!(o.succeeded(), "{o:?}");
    let dev = w.device(0).unwrap().clone();
    // The factory-default administrator user name is blank.
    let creds = AdminCredentials::new("epson-practice");

    w.smtp().set_faults(SmtpFaults {
        unavailable_next: 1,
        ..Default::default()
    });
    dev.scan_to_email("user@contoso.example", 1).await;
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
    dev.scan_to_email("user@contoso.example", 1).await;
    let h = troubleshoot::troubleshoot(d.as_ref()).await.unwrap();
    assert!(
        matches!(h.diagnoses[0].cause, Cause::SignInExpired { .. }),
        "{:?}",
        h.diagnoses
    );
    assert_eq!(h.diagnoses[0].fix, Fix::SignInAgain {});
    assert!(!matches!(h.sign_in, SignInStatus::SignedIn { .. }));
}
