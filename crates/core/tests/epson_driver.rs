//! The Epson Web Config driver against emulated devices in an in-process world on
//! loopback: both firmware families end to end over HTTPS with the certificate
//! pinned, a German-language device, firmware without OAuth2, the additional
//! network, wrong password and lock-out, stale setup tokens, a restart in the middle
//! of a save, HTTP 500, a changed certificate, HTTP only when allowed, job history
//! codes and the panel message, fax server mail, and a non-Epson device; every
//! family, markup (the captured definition-list pages and the older table layout),
//! first language and save style; a named administrator; TLS too old.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{address, creds, driver, quick_opts, save_and_verify, wait_signed_in};
use printoauth_core::devices::{
    AdminCredentials, AuthMethod, ConnectOptions, DeviceAddress, DeviceDriver, DeviceError,
    EmailService, EpsonWebConfig, FaxOAuthTarget, FirmwareFamily, JobOutcome, JsonFilePinStore,
    MemoryPinStore, OAuthTarget, PinStore, SecureConnection, SignInStatus,
};
use printoauth_sim::config::{DeviceConfig, Lang, WorldConfig};
use printoauth_sim::device::{DeviceFaults, JobResult};
use printoauth_sim::world::World;
use printoauth_testkit::practice::{
    assert_job_failed_with, device, one_device, world, world_of, ADMIN, ADMIN_PW, DEVICE_PW,
    USER as RECIPIENT,
};

/// The driver of device 0, logged in.
async fn log_in(w: &World) -> EpsonWebConfig {
    let d = driver(w, 0);
    d.login(&creds(w, 0)).await.unwrap();
    d
}

/// A world of one `model` device, and its driver logged in.
async fn logged_in(model: &str) -> (World, EpsonWebConfig) {
    let w = world_of(&[model]).await;
    let d = log_in(&w).await;
    (w, d)
}

/// A world of one `model` device, its driver logged in and OAuth2 set for Exchange
/// Online as the Global Admin (not saved).
async fn configured(model: &str) -> (World, EpsonWebConfig, OAuthTarget) {
    let (w, d) = logged_in(model).await;
    let target = OAuthTarget::exchange_online(ADMIN);
    d.configure_oauth2(&target).await.unwrap();
    (w, d, target)
}

/// "Sign in with Microsoft" on the device, the code approved as the Global Admin;
/// returns the account once the device is signed in.
async fn sign_in(w: &World, d: &EpsonWebConfig) -> Option<String> {
    let code = d.start_sign_in().await.unwrap();
    w.identity()
        .approve(&code.user_code, ADMIN, ADMIN_PW, true)
        .unwrap();
    wait_signed_in(d).await
}

/// Log in → configure → sign in (approved as the Global Admin) → save → verify.
async fn run_guide(w: &World, i: usize, d: &EpsonWebConfig) {
    d.login(&creds(w, i)).await.unwrap();
    let caps = d.mail_capabilities().await.unwrap();
    assert!(caps.oauth2_available, "{caps:?}");
    assert!(!caps.additional_network);
    let before = d.read_email_settings().await.unwrap();
    assert_eq!(before.auth_method, AuthMethod::SmtpAuth, "{before:?}");
    let target = OAuthTarget::exchange_online(ADMIN);
    d.configure_oauth2(&target).await.unwrap();
    let code = d.start_sign_in().await.unwrap();
    assert!(!code.user_code.is_empty());
    assert!(code.verification_uri.ends_with("/devicelogin"), "{code:?}");
    assert!(code.expires_at > chrono::Utc::now());
    assert!(matches!(
        d.sign_in_status().await.unwrap(),
        SignInStatus::Pending { code: c } if c == code.user_code
    ));
    w.identity()
        .approve(&code.user_code, ADMIN, ADMIN_PW, true)
        .unwrap();
    assert_eq!(wait_signed_in(d).await.as_deref(), Some(ADMIN));
    let after = save_and_verify(d, &target).await;
    assert_eq!(after.oauth_account.as_deref(), Some(ADMIN));
}

async fn check_device_mails(w: &World, i: usize) {
    let dev = w.device(i).unwrap();
    let r = dev.report();
    assert_eq!(
        r.stored.auth_method,
        printoauth_sim::device::AuthMethod::OAuth2
    );
    assert_eq!(r.stored.sender, ADMIN);
    assert_eq!(r.committed_account.as_deref(), Some(ADMIN));
    let job = dev.scan_to_email(RECIPIENT, 1).await;
    assert_eq!(job.result, JobResult::Succeeded, "{job:?}");
}

#[tokio::test]
async fn both_families_end_to_end_over_https_with_pinned_certificate() {
    let w = world(vec![device("WF-C5890 Series"), device("ET-4850 Series")]).await;
    let pins: Arc<MemoryPinStore> = Arc::new(MemoryPinStore::new());
    let d0 = EpsonWebConfig::new(address(&w, 0), quick_opts(pins.clone()));
    let d1 = EpsonWebConfig::new(address(&w, 1), quick_opts(pins.clone()));
    tokio::join!(run_guide(&w, 0, &d0), run_guide(&w, 1, &d1));
    assert_eq!(d0.family().await, FirmwareFamily::Business);
    assert_eq!(d1.family().await, FirmwareFamily::Consumer);
    for i in 0..2 {
        check_device_mails(&w, i).await;
        let a = address(&w, i);
        let pinned = pins
            .get(&format!("{}:{}", a.host, a.https_port.unwrap()))
            .unwrap()
            .expect("pinned on first use");
        let want: String = w
            .device(i)
            .unwrap()
            .report()
            .cert_sha256
            .chars()
            .filter(|c| c.is_ascii_hexdigit())
            .collect::<String>()
            .to_lowercase();
        assert_eq!(pinned, want);
    }
    w.stop();
}

#[tokio::test]
async fn german_device_is_switched_to_english() {
    let w = one_device("WF-C5890 Series", |d| d.language = Lang::De).await;
    let d = driver(&w, 0);
    run_guide(&w, 0, &d).await;
    check_device_mails(&w, 0).await;
    w.stop();
}

#[tokio::test]
async fn firmware_without_oauth2_is_a_specific_error() {
    let (w, d) = logged_in("WF-2930 Series").await;
    let caps = d.mail_capabilities().await.unwrap();
    assert!(!caps.oauth2_available);
    assert!(
        caps.auth_methods.iter().any(|m| m == "SMTP AUTH"),
        "{caps:?}"
    );
    let err = d
        .configure_oauth2(&OAuthTarget::exchange_online(ADMIN))
        .await
        .unwrap_err();
    match &err {
        DeviceError::DeviceOauth2Unavailable {
            scope,
            offered,
            model,
            ..
        } => {
            assert_eq!(scope, "email-server");
            assert!(!offered.iter().any(|o| o.contains("OAuth")));
            assert!(
                model.as_deref().unwrap_or("").contains("WF-2930"),
                "{err:?}"
            );
        }
        e => panic!("{e:?}"),
    }
    assert_eq!(
        printoauth_core::Error::from(err).code(),
        "device-oauth2-unavailable"
    );
    w.stop();
}

#[tokio::test]
async fn additional_network_is_a_specific_error() {
    let w = one_device("WF-C879R Series", |d| d.additional_network = true).await;
    let d = log_in(&w).await;
    let caps = d.mail_capabilities().await.unwrap();
    assert!(caps.oauth2_available && caps.additional_network, "{caps:?}");
    let err = d
        .configure_oauth2(&OAuthTarget::exchange_online(ADMIN))
        .await
        .unwrap_err();
    assert!(
        matches!(err, DeviceError::DeviceAdditionalNetwork { .. }),
        "{err:?}"
    );
    w.stop();
}

#[tokio::test]
async fn wrong_password_then_lock_out_for_both_families() {
    let w = world(vec![device("WF-C5890 Series"), device("ET-4850 Series")]).await;
    for (i, family) in [(0, FirmwareFamily::Business), (1, FirmwareFamily::Consumer)] {
        let d = driver(&w, i);
        let mut wrong = creds(&w, i);
        wrong.password = "not-the-password".into();
        assert_eq!(
            d.login(&wrong).await.unwrap_err(),
            DeviceError::DeviceLoginRejected { family }
        );
        let mut last = None;
        for _ in 0..5 {
            last = Some(d.login(&wrong).await.unwrap_err());
        }
        assert_eq!(last.unwrap(), DeviceError::DeviceLoginLockedOut { family });
        // Locked: even the right password is refused for now.
        assert_eq!(
            d.login(&creds(&w, i)).await.unwrap_err(),
            DeviceError::DeviceLoginLockedOut { family }
        );
        // Operations without a log-in say so.
        assert_eq!(
            d.read_email_settings().await.unwrap_err(),
            DeviceError::DeviceNotLoggedIn {}
        );
    }
    w.stop();
}

#[tokio::test]
async fn stale_setup_token_and_lost_session_are_recovered() {
    let (w, d, target) = configured("WF-C5890 Series").await;
    let dev = w.device(0).unwrap();
    // The sign-in form already loaded now carries a stale token.
    dev.make_setup_tokens_stale();
    assert_eq!(sign_in(&w, &d).await.as_deref(), Some(ADMIN));
    // Sessions lost (as after a restart) before the save: log in again.
    dev.restart();
    tokio::time::sleep(Duration::from_millis(200)).await;
    d.save().await.unwrap();
    d.verify(&target).await.unwrap();
    check_device_mails(&w, 0).await;
    w.stop();
}

#[tokio::test]
async fn restart_in_the_middle_of_a_save_is_ridden_out() {
    let (w, d, target) = configured("ET-4850 Series").await;
    let dev = w.device(0).unwrap();
    sign_in(&w, &d).await;
    dev.set_faults(DeviceFaults {
        restart_on_next_save: true,
        ..Default::default()
    });
    let t0 = Instant::now();
    d.save().await.unwrap();
    assert!(t0.elapsed() < Duration::from_secs(15));
    assert_eq!(dev.report().boot_count, 2, "the device did restart");
    d.verify(&target).await.unwrap();
    check_device_mails(&w, 0).await;
    w.stop();
}

#[tokio::test]
async fn http_500_is_retried_a_bounded_number_of_times() {
    let w = world_of(&["WF-C5890 Series"]).await;
    let dev = w.device(0).unwrap();
    let d = driver(&w, 0);
    dev.set_faults(DeviceFaults {
        http_500_next: 2,
        ..Default::default()
    });
    d.login(&creds(&w, 0)).await.unwrap();
    assert!(d.mail_capabilities().await.unwrap().oauth2_available);
    dev.set_faults(DeviceFaults {
        http_500_next: 1000,
        ..Default::default()
    });
    let err = d.read_email_settings().await.unwrap_err();
    assert!(
        matches!(
            err,
            DeviceError::DeviceHttpStatus {
                status: 500,
                attempts: 4,
                ..
            }
        ),
        "{err:?}"
    );
    w.stop();
}

#[tokio::test]
async fn changed_certificate_stops_before_logging_in() {
    let w = world_of(&["WF-C5890 Series"]).await;
    let a = address(&w, 0);
    let key = format!("{}:{}", a.host, a.https_port.unwrap());
    let pins = Arc::new(MemoryPinStore::new());
    pins.set(&key, &"ab".repeat(32)).unwrap();
    let d = EpsonWebConfig::new(a, quick_opts(pins.clone()));
    let err = d.login(&creds(&w, 0)).await.unwrap_err();
    match &err {
        DeviceError::DeviceCertificateChanged {
            pinned_sha256,
            found_sha256,
            ..
        } => {
            assert_eq!(pinned_sha256, &"ab".repeat(32));
            assert_eq!(found_sha256.len(), 64);
        }
        e => panic!("{e:?}"),
    }
    // Even with HTTP allowed there is no silent fallback after a certificate change.
    let d = EpsonWebConfig::new(
        address(&w, 0),
        ConnectOptions {
            allow_http: true,
            ..quick_opts(pins)
        },
    );
    assert!(matches!(
        d.login(&creds(&w, 0)).await.unwrap_err(),
        DeviceError::DeviceCertificateChanged { .. }
    ));
    w.stop();
}

#[tokio::test]
async fn json_pin_file_is_written_on_first_use_and_reused() {
    let w = world_of(&["WF-C5890 Series"]).await;
    let dir = std::env::temp_dir().join(format!("printoauth-pins-{}", uuid::Uuid::new_v4()));
    let path = dir.join("pins.json");
    let store = Arc::new(JsonFilePinStore::new(&path));
    let d = EpsonWebConfig::new(address(&w, 0), quick_opts(store.clone()));
    d.login(&creds(&w, 0)).await.unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let a = address(&w, 0);
    let pinned = v["pins"][format!("{}:{}", a.host, a.https_port.unwrap())]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(pinned.len(), 64);
    // No temporary files are left behind.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    // A second driver with the same file trusts the same certificate.
    let d2 = EpsonWebConfig::new(
        address(&w, 0),
        quick_opts(Arc::new(JsonFilePinStore::new(&path))),
    );
    d2.login(&creds(&w, 0)).await.unwrap();
    store.remove("nobody:443").unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    w.stop();
}

#[tokio::test]
async fn plain_http_only_when_allowed() {
    let w = world_of(&["ET-4850 Series"]).await;
    let s = w.summary();
    let http_only = DeviceAddress::from_urls(None, Some(&s.devices[0].http_url)).unwrap();
    let d = EpsonWebConfig::new(
        http_only.clone(),
        quick_opts(Arc::new(MemoryPinStore::new())),
    );
    assert!(matches!(
        d.login(&creds(&w, 0)).await.unwrap_err(),
        DeviceError::DeviceHttpsUnavailable { .. }
    ));
    let d = EpsonWebConfig::new(
        http_only,
        ConnectOptions {
            allow_http: true,
            ..quick_opts(Arc::new(MemoryPinStore::new()))
        },
    );
    d.login(&creds(&w, 0)).await.unwrap();
    assert_eq!(
        d.read_email_settings().await.unwrap().auth_method,
        AuthMethod::SmtpAuth
    );
    w.stop();
}

#[tokio::test]
async fn job_history_codes_and_panel_message() {
    let (w, d, target) = configured("WF-C5890 Series").await;
    let dev = w.device(0).unwrap();
    // OAuth2 saved without signing in: the device asks for a sign-in (370).
    d.save().await.unwrap();
    assert!(matches!(
        d.verify(&target).await.unwrap_err(),
        DeviceError::DeviceVerifyMismatch { mismatches } if mismatches.len() == 1 && mismatches[0].field == "current-status"
    ));
    assert_eq!(d.sign_in_status().await.unwrap(), SignInStatus::SignedOut);
    let job = dev.scan_to_email(RECIPIENT, 1).await;
    assert_job_failed_with(&job, 370);
    let panel = d.panel_state().await.unwrap();
    assert!(panel.needs_sign_in, "{panel:?}");
    assert!(panel
        .message
        .as_deref()
        .unwrap()
        .contains("You need to sign in to your email service"));

    sign_in(&w, &d).await;
    d.save().await.unwrap();
    d.verify(&target).await.unwrap();
    assert_eq!(
        dev.scan_to_email(RECIPIENT, 2).await.result,
        JobResult::Succeeded
    );
    assert!(!d.panel_state().await.unwrap().needs_sign_in);
    dev.expire_tokens();
    let job = dev.scan_to_email(RECIPIENT, 1).await;
    assert_job_failed_with(&job, 361);

    // Later: the Web Config session has lapsed; the driver logs in again.
    w.clock().advance(30 * 60);
    let history = d.job_history().await.unwrap();
    let outcomes: Vec<_> = history.iter().map(|j| j.outcome.clone()).collect();
    assert!(
        outcomes.contains(&JobOutcome::SignInRequired),
        "{history:?}"
    );
    assert!(
        outcomes.contains(&JobOutcome::ConnectionExpired),
        "{history:?}"
    );
    assert!(outcomes.contains(&JobOutcome::Succeeded), "{history:?}");
    let ok = history
        .iter()
        .find(|j| j.outcome == JobOutcome::Succeeded)
        .unwrap();
    assert_eq!(ok.to, RECIPIENT);
    assert_eq!(ok.pages, Some(2));
    assert!(history.iter().any(|j| j.code == Some(361)));
    w.stop();
}

#[tokio::test]
async fn fax_server_email_takes_oauth2() {
    let (w, d) = logged_in("WF-C5890 Series").await;
    let caps = d.mail_capabilities().await.unwrap();
    assert!(caps.fax_server && caps.fax_server_oauth2, "{caps:?}");
    d.configure_fax_oauth2(&FaxOAuthTarget {
        sender: Some("fax@contoso.example".into()),
        account: None,
        smtp_server: "smtp.fax-provider.example".into(),
        smtp_port: 587,
        secure_connection: SecureConnection::StartTls,
    })
    .await
    .unwrap();
    let fax = w.device(0).unwrap().report().fax_stored;
    assert_eq!(fax.auth_method, printoauth_sim::device::AuthMethod::OAuth2);
    assert_eq!(fax.smtp_server, "smtp.fax-provider.example");
    assert_eq!(fax.sender, "fax@contoso.example");
    w.stop();
}

#[tokio::test]
async fn non_epson_device_is_named_as_not_a_device_page_printoauth_knows() {
    // Another vendor's device at a typed address: not Web Config, so neither a page to
    // report as misread nor steps to do by hand on it — the address is what to check.
    let w = world_of(&["MFC-L8900CDW series"]).await;
    let d = driver(&w, 0);
    let c = creds(&w, 0);
    let err = match d.login(&c).await {
        Err(e) => e,
        Ok(()) => d.mail_capabilities().await.unwrap_err(),
    };
    match &err {
        DeviceError::DeviceNotRecognised { address, detail } => {
            assert_eq!(address, "127.0.0.1");
            assert!(!detail.is_empty());
            assert!(!detail.contains(&c.password));
        }
        e => panic!("{e:?}"),
    }
    let json = serde_json::to_value(printoauth_core::Error::from(err)).unwrap();
    assert_eq!(json["code"], "device-not-recognised");
    w.stop();
}

#[test]
fn errors_serialise_as_code_and_params() {
    let e = DeviceError::DeviceLoginRejected {
        family: FirmwareFamily::Consumer,
    };
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"code": "device-login-rejected", "params": {"family": "consumer"}})
    );
    let back: DeviceError = serde_json::from_value(v).unwrap();
    assert_eq!(back, e);
    let c = AdminCredentials::new(DEVICE_PW);
    assert!(!format!("{c:?}").contains(DEVICE_PW));
}

#[tokio::test]
async fn outlook_com_is_chosen_by_its_option_text_and_bad_senders_are_refused() {
    let (w, d) = logged_in("ET-4850 Series").await;
    assert_eq!(
        d.configure_oauth2(&OAuthTarget::exchange_online("a;b@contoso.example"))
            .await
            .unwrap_err(),
        DeviceError::DeviceInvalidValue {
            field: "sender".into(),
            value: "a;b@contoso.example".into()
        }
    );
    let target = OAuthTarget::new(EmailService::OutlookCom, "someone@outlook.example");
    d.configure_oauth2(&target).await.unwrap();
    // Nothing is stored before the save.
    assert_eq!(
        w.device(0).unwrap().report().stored.auth_method,
        printoauth_sim::device::AuthMethod::SmtpAuth
    );
    // The device signs in to the service chosen by its option text…
    d.start_sign_in().await.unwrap();
    assert!(
        matches!(
            w.device(0).unwrap().report().oauth,
            printoauth_sim::device::OAuthState::Pending {
                service: printoauth_sim::device::EmailService::OutlookCom,
                ..
            }
        ),
        "{:?}",
        w.device(0).unwrap().report().oauth
    );
    // …and the save sends the same choice.
    d.save().await.unwrap();
    let s = d.read_email_settings().await.unwrap();
    assert_eq!(s.auth_method, AuthMethod::OAuth2);
    assert_eq!(s.email_service, Some(EmailService::OutlookCom));
    assert_eq!(s.sender.as_deref(), Some("someone@outlook.example"));
    assert!(!s.signed_in);
    w.stop();
}

/// Every OAuth2-capable family, markup, first language and save style of the
/// emulated world, from Basic auth to signed in, saved, verified and mailing: the
/// captured definition-list pages (business with and without the session-type
/// choice, consumer), the older table layout, French- and German-first devices,
/// saves that confirm and saves that apply at once, an additional-capable device on
/// its standard network (whose pages mention the additional network).
#[tokio::test]
async fn every_family_markup_language_and_save_style_end_to_end() {
    let w = world(vec![
        device("WF-C5890 Series"),
        DeviceConfig {
            language: Lang::Fr,
            ..device("ET-4850 Series")
        },
        DeviceConfig {
            language: Lang::De,
            ..device("AM-C4000 Series")
        },
        DeviceConfig {
            language: Lang::It,
            ..device("L6270 Series")
        },
        device("WF-C879R Series"),
        DeviceConfig {
            language: Lang::De,
            ..device("WF-C20590 Series")
        },
    ])
    .await;
    let n = w.devices().len();
    let drivers: Vec<EpsonWebConfig> = (0..n).map(|i| driver(&w, i)).collect();
    let mut set = tokio::task::JoinSet::new();
    for (i, d) in drivers.into_iter().enumerate() {
        let w = w.clone();
        set.spawn(async move { run_guide(&w, i, &d).await });
    }
    while let Some(r) = set.join_next().await {
        r.unwrap();
    }
    for i in 0..n {
        check_device_mails(&w, i).await;
    }
    // Blank administrator user names were sent as blank.
    assert_eq!(w.summary().devices[0].admin_user.as_deref(), Some(""));
    w.stop();
}

#[tokio::test]
async fn a_named_administrator_is_needed_where_one_was_set() {
    let w = World::start(WorldConfig::named_admin_user()).await.unwrap();
    let d = driver(&w, 0);
    let pw = w.summary().devices[0].admin_password.clone();
    assert!(matches!(
        d.login(&AdminCredentials::new(pw.clone()))
            .await
            .unwrap_err(),
        DeviceError::DeviceLoginRejected { .. }
    ));
    d.login(&AdminCredentials::with_user("printadmin", pw))
        .await
        .unwrap();
    assert!(d.mail_capabilities().await.unwrap().oauth2_available);
    w.stop();
}

#[tokio::test]
async fn a_device_whose_tls_is_too_old_gets_its_own_error() {
    let w = one_device("WF-C5890 Series", |d| d.legacy_tls_only = true).await;
    let d = driver(&w, 0);
    let e = d.login(&creds(&w, 0)).await.unwrap_err();
    assert!(
        matches!(&e, DeviceError::DeviceTlsTooOld { detail, .. } if detail.to_lowercase().contains("protocol")),
        "{e:?}"
    );
    w.stop();
}
