//! A device whose page the driver cannot read is never a dead end. One device of a
//! batch words its "Sign In" button differently (the emulator's `relabel` fault, which
//! works on any page markup): the run stops on that device with the exact missing
//! thing and the guide's remaining steps for it, while the other devices are
//! verified. Check again before anything changed stops the same way; after the
//! administrator did the sign-in by hand (through the emulator's control API, as a
//! person on the device's page would, and the identity emulator's approval), Check
//! again finishes the device, verified, with a run's events.
//!
//! Also: a capture of a device's pages holds every page the driver reads and no
//! password, setup token, session cookie or sign-in code.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{driver, task, Watch};
use printoauth_core::capture;
use printoauth_core::devices::DeviceError;
use printoauth_core::manual::{ManualStep, Missing};
use printoauth_core::run::{self, DeviceOutcome, DeviceState, RunOptions, Step};
use printoauth_sim::world::World;
use printoauth_testkit::practice::{
    control, item, set_device_faults, sign_in_by_hand, world_of, ADMIN,
};
use serde_json::{json, Value};

const UNFAMILIAR: &str = "Connect to the mail service";
/// The states of a device the run takes all the way.
const EVERY_STEP_THEN_DONE: [&str; 7] = [
    "working:found",
    "working:logged-in",
    "working:oauth2-set",
    "working:signed-in",
    "working:saved",
    "working:verified",
    "done",
];

fn opts() -> RunOptions {
    RunOptions {
        poll_interval: Duration::from_millis(300),
        sign_in_timeout: Duration::from_secs(60),
        ..Default::default()
    }
}

/// Device `i`'s run task.
fn device_task(w: &World, i: usize) -> run::DeviceTask {
    task(w, i, Arc::new(driver(w, i)))
}

/// The states one device went through, as codes ("working:logged-in", "done"),
/// once its final state has come through.
async fn states(watch: &Watch, device: &str) -> Vec<String> {
    for _ in 0..100 {
        let last_final = watch
            .events()
            .iter()
            .rev()
            .find(|e| e.device == device)
            .is_some_and(|e| e.state.is_final());
        if last_final {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    watch
        .events()
        .iter()
        .filter(|e| e.device == device)
        .map(|e| match &e.state {
            DeviceState::Working { step } => {
                format!(
                    "working:{}",
                    serde_json::to_value(step).unwrap().as_str().unwrap()
                )
            }
            DeviceState::NeedsYou { .. } => "needs-you".into(),
            DeviceState::Waiting { .. } => "waiting".into(),
            DeviceState::WaitOver {} => "wait-over".into(),
            DeviceState::Done { .. } => "done".into(),
            DeviceState::Failed { .. } => "failed".into(),
        })
        .collect()
}

fn failure(o: &DeviceOutcome) -> (Step, DeviceError, printoauth_core::manual::ManualPath) {
    match &o.state {
        DeviceState::Failed {
            failed_at,
            error: printoauth_core::Error::Device(e),
            manual: Some(m),
            ..
        } => (*failed_at, e.clone(), (**m).clone()),
        other => panic!("expected a failure with a manual path, got {other:?}"),
    }
}

fn step_codes(m: &printoauth_core::manual::ManualPath) -> Vec<String> {
    m.steps
        .iter()
        .map(|s| {
            serde_json::to_value(s).unwrap()["code"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unreadable_page_gives_the_manual_path_and_check_again_finishes_the_device() {
    let w = world_of(&["WF-C5890 Series", "ET-4850 Series", "AM-C4000 Series"]).await;
    set_device_faults(&w, 1, json!({"relabel": [["Sign In", UNFAMILIAR]]})).await;

    let watch = Watch::new(&w, |_| {});
    let tasks: Vec<_> = (0..3).map(|i| device_task(&w, i)).collect();
    let outcomes = run::run_batch(tasks.clone(), opts(), watch.tx.clone()).await;

    // The other devices were configured and verified as usual.
    for i in [0, 2] {
        assert!(
            outcomes[i].succeeded(),
            "device {i}: {:?}",
            outcomes[i].state
        );
        let r = w.device(i).unwrap().report();
        assert_eq!(r.committed_account.as_deref(), Some(ADMIN));
    }
    // The relabelled device stopped where its page could not be read.
    let (at, error, manual) = failure(&outcomes[1]);
    assert_eq!(at, Step::Oauth2Set);
    match &error {
        DeviceError::DevicePageNotUnderstood {
            page,
            missing,
            redacted_html,
        } => {
            assert_eq!(page, "email-server-basic");
            assert_eq!(missing, "button 'Sign In'");
            assert!(
                redacted_html.contains(UNFAMILIAR),
                "the page as the device showed it"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(manual.missing, "button 'Sign In'");
    assert_eq!(
        manual.missing_code,
        Missing::Button {
            label: "Sign In".into()
        }
    );
    assert_eq!(manual.stopped_at, Step::Oauth2Set);
    assert_eq!(manual.web_config_url, tasks[1].web_config_url);
    assert!(manual.web_config_url.starts_with("https://"));
    assert_eq!(
        step_codes(&manual),
        [
            "open-web-config",
            "log-in",
            "open-email-server-basic",
            "set-auth-method-oauth2",
            "set-email-service",
            "press-sign-in",
            "press-sign-in-with-microsoft",
            "enter-shown-code",
            "sign-in-as-administrator",
            "consent-for-organisation",
            "check-signed-in",
            "check-values",
            "press-ok",
        ]
    );
    assert_eq!(step_codes(&manual)[manual.stop_index], "press-sign-in");
    assert!(manual.steps.contains(&ManualStep::SetEmailService {
        service: "Microsoft Exchange Online".into()
    }));
    let r = w.device(1).unwrap().report();
    assert_eq!(r.committed_account, None, "nothing was signed in on it");
    assert_eq!(
        r.stored.auth_method,
        printoauth_sim::device::AuthMethod::SmtpAuth
    );

    // Check again with nothing changed: the same stop, the same path.
    watch.clear();
    let again = run::check_again(&tasks[1], &opts(), &watch.tx).await;
    let (at2, error2, manual2) = failure(&again);
    assert_eq!(at2, at);
    assert_eq!(
        serde_json::to_value(&error2).unwrap()["params"]["missing"],
        "button 'Sign In'"
    );
    assert_eq!(manual2, manual);
    assert_eq!(
        states(&watch, "device-1").await,
        ["working:found", "working:logged-in", "failed"]
    );

    // The administrator does the step by hand: Sign In, "Sign in with Microsoft"
    // on the device's page, then the code in a browser with consent.
    sign_in_by_hand(&w, 1, json!({"service": "exchange_online"})).await;
    assert_eq!(
        w.device(1).unwrap().report().committed_account,
        None,
        "signed in, but OK not pressed yet"
    );

    // Check again: the device is signed in, so the run saves and checks.
    watch.clear();
    let done = run::check_again(&tasks[1], &opts(), &watch.tx).await;
    let DeviceState::Done { settings, .. } = &done.state else {
        panic!("expected done, got {:?}", done.state);
    };
    assert!(settings.signed_in);
    assert_eq!(settings.oauth_account.as_deref(), Some(ADMIN));
    assert_eq!(states(&watch, "device-1").await, EVERY_STEP_THEN_DONE);
    let r = w.device(1).unwrap().report();
    assert_eq!(
        r.committed_account.as_deref(),
        Some(ADMIN),
        "OK was pressed"
    );
    assert_eq!(
        r.stored.auth_method,
        printoauth_sim::device::AuthMethod::OAuth2
    );
    assert_eq!(r.stored.sender, ADMIN);

    // Once more: the device stores the settings and is signed in, so nothing is
    // saved again (a save now would restart the device: the fault shows it).
    set_device_faults(
        &w,
        1,
        json!({"relabel": [["Sign In", UNFAMILIAR]], "restart_on_next_save": true}),
    )
    .await;
    watch.clear();
    let boot = r.boot_count;
    let again = run::check_again(&tasks[1], &opts(), &watch.tx).await;
    assert!(again.succeeded(), "{:?}", again.state);
    assert_eq!(states(&watch, "device-1").await, EVERY_STEP_THEN_DONE);
    let r = w.device(1).unwrap().report();
    assert_eq!(r.boot_count, boot, "no save, so no restart");
    assert!(
        r.faults.restart_on_next_save,
        "the save fault is still armed"
    );
    w.stop();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_capture_holds_the_pages_and_no_secret() {
    let w = world_of(&["WF-C5890 Series"]).await;
    let d = w.summary().devices[0].clone();
    // A sign-in started on the device (its code is a secret) and the device's page
    // wording its status with that code in it.
    let shown = control(&w, "POST", "/devices/0/sign-in-by-hand", json!({})).await;
    let code = shown["user_code"].as_str().unwrap().to_string();
    set_device_faults(
        &w,
        0,
        json!({"relabel": [["Signed out", format!("Signed out (enter the code {code})")]]}),
    )
    .await;
    let before = serde_json::to_value(w.device(0).unwrap().report()).unwrap();

    let t = device_task(&w, 0);
    let cap = capture::capture(t.driver.as_ref(), &t.credentials, "0").await;
    let file = std::env::temp_dir().join(format!(
        "printoauth-test-{}-{}",
        std::process::id(),
        cap.file_name()
    ));
    cap.write_to(&file).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let _ = std::fs::remove_file(&file);

    // Nothing on the device changed (the language is Web Config's display only).
    let mut after = serde_json::to_value(w.device(0).unwrap().report()).unwrap();
    after["language"] = before["language"].clone();
    assert_eq!(after["stored"], before["stored"]);
    assert_eq!(after["fax_stored"], before["fax_stored"]);
    assert_eq!(after["oauth"], before["oauth"]);
    assert_eq!(after["committed_account"], before["committed_account"]);

    // Every read succeeded and the pages the driver reads are in the file.
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], capture::FORMAT);
    for r in v["reads"].as_array().unwrap() {
        assert!(r.get("error").is_none(), "{r}");
    }
    let paths: Vec<String> = v["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            url::Url::parse(p["url"].as_str().unwrap())
                .unwrap()
                .path()
                .to_string()
        })
        .collect();
    for want in [
        "/PRESENTATION/ADVANCED/PASSWORD/TOP",
        "/PRESENTATION/ADVANCED/COMMON/TOP",
        "/PRESENTATION/ADVANCED/INFO_PRTINFO/TOP",
        "/PRESENTATION/ADVANCED/INFO_NWINFO/TOP",
        "/PRESENTATION/ADVANCED/INFO_JOBHISTORY/TOP",
        "/PRESENTATION/ADVANCED/INFO_JOBHISTORY/OUTPUT.CSV",
    ] {
        assert!(paths.iter().any(|p| p == want), "{want} not in {paths:?}");
    }
    let bodies: Vec<&str> = v["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["body"].as_str().unwrap())
        .collect();
    assert!(bodies.iter().any(|b| b.contains("Authentication Method")));
    assert!(bodies.iter().any(|b| b.contains("SMTP Server Address")));
    let caps = item(&v["reads"], "read", "mail-capabilities");
    assert_eq!(
        caps["result"]["fax_server"], true,
        "the fax server page was read"
    );
    let status = item(&v["reads"], "read", "sign-in-status");
    assert_eq!(
        status["result"],
        json!({"state": "pending", "code": capture::REDACTED}),
        "the page showed the code, the file does not"
    );
    assert!(
        text.contains("INPUTT_SETUPTOKEN"),
        "the forms' structure stays"
    );
    assert!(text.contains(capture::REDACTED));

    // No secret of the session.
    assert!(!text.contains(&d.admin_password), "the admin password");
    assert!(!text.contains(&code), "the sign-in code");
    let device = w.device(0).unwrap();
    let (sessions, tokens): (Vec<String>, Vec<String>) = device.session_secrets();
    assert!(!sessions.is_empty() && !tokens.is_empty());
    for s in sessions.iter().chain(tokens.iter()) {
        assert!(
            !text.contains(s.as_str()),
            "session secret {s} in the capture"
        );
    }
    w.stop();
}
