//! The tenant check against an in-process emulated world (Entra ID emulator and an
//! Exchange-like SMTP server). Each test starts its own world; they run concurrently.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use printoauth_core::diagnosis::{Cause, Fix};
use printoauth_core::identity::Authority;
use printoauth_core::mail::SmtpServer;
use printoauth_core::tenant_check::{
    run_tenant_check, Check, CheckId, CheckStatus, TenantCheckConfig, TenantCheckProgress,
    TenantCheckReport,
};
use printoauth_sim::config::WorldConfig;
use printoauth_sim::tenant::TenantConfig;
use printoauth_sim::world::World;
use printoauth_testkit::practice::{ADMIN, ADMIN_PW as ADMIN_PASSWORD, SCANNER};

async fn world(tune: impl FnOnce(&mut TenantConfig)) -> World {
    let mut cfg = WorldConfig::default();
    tune(&mut cfg.tenant);
    World::start(cfg).await.expect("world starts")
}

fn check_config(w: &World) -> TenantCheckConfig {
    let s = w.summary();
    let mut c = TenantCheckConfig::new(s.identity.printoauth_client_id.clone());
    c.authority = Authority::from_url(&s.identity.authority).expect("authority");
    c.smtp = SmtpServer {
        host: s.smtp.addr.ip().to_string(),
        port: s.smtp.addr.port(),
        tls_name: s.smtp.tls_name.clone(),
        extra_root_ca_pem: Some(s.ca_pem.clone()),
    };
    c.sign_in_timeout_secs = Some(60);
    c
}

/// What the person at the browser does once the code shows.
#[derive(Clone, Copy)]
enum Person {
    Approve,
    Decline,
    Cancel,
}

struct Run {
    report: TenantCheckReport,
    events: Vec<TenantCheckProgress>,
    approval: Option<String>,
}

/// Runs the check; `person` acts on the code; `on_signed_in` runs when the sign-in is
/// reported.
async fn run(
    w: &World,
    cfg: TenantCheckConfig,
    person: Person,
    on_signed_in: impl Fn(&World) + Send + Sync + 'static,
) -> Run {
    let events = Arc::new(Mutex::new(Vec::new()));
    let approval = Arc::new(Mutex::new(None::<String>));
    let (ev, ap, world, cancel) = (
        events.clone(),
        approval.clone(),
        w.clone(),
        cfg.cancel.clone(),
    );
    let report = run_tenant_check(cfg, move |p| {
        ev.lock().unwrap().push(p.clone());
        match &p {
            TenantCheckProgress::SigningIn { user_code, .. } => {
                let (w, code, ap, cancel) =
                    (world.clone(), user_code.clone(), ap.clone(), cancel.clone());
                tokio::spawn(async move {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    let r = match person {
                        Person::Approve => w.identity().approve(&code, ADMIN, ADMIN_PASSWORD, true),
                        Person::Decline => w.identity().decline(&code),
                        Person::Cancel => {
                            cancel.cancel();
                            Ok(())
                        }
                    };
                    *ap.lock().unwrap() = Some(match r {
                        Ok(()) => "ok".to_string(),
                        Err(e) => e.to_string(),
                    });
                });
            }
            TenantCheckProgress::SignedIn { .. } => on_signed_in(&world),
            _ => {}
        }
    })
    .await;
    let events = events.lock().unwrap().clone();
    let approval = approval.lock().unwrap().clone();
    Run {
        report,
        events,
        approval,
    }
}

fn status(r: &TenantCheckReport, id: CheckId) -> CheckStatus {
    r.check(id).status
}

/// The check `id`, which must have failed.
fn failed(r: &TenantCheckReport, id: CheckId) -> &Check {
    let c = r.check(id);
    assert_eq!(c.status, CheckStatus::Failed, "{id:?}");
    c
}

fn json(r: &TenantCheckReport) -> serde_json::Value {
    let v = serde_json::to_value(r).expect("serialises");
    let back: TenantCheckReport = serde_json::from_value(v.clone()).expect("deserialises");
    assert_eq!(&back, r);
    v
}

fn check_json<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("check {id}"))
}

#[tokio::test]
async fn all_good_the_test_mail_lands() {
    let w = world(|_| {}).await;
    let r = run(&w, check_config(&w), Person::Approve, |_| {}).await;
    assert!(r.report.passed, "{:#?}", r.report);
    for c in &r.report.checks {
        assert_eq!(c.status, CheckStatus::Passed, "{:?}", c.id);
        assert!(c.cause.is_none() && c.fix.is_none());
    }
    assert_eq!(r.report.account.as_deref(), Some(ADMIN));
    let msgs = w.smtp().messages_to(ADMIN);
    assert_eq!(msgs.len(), 1);
    assert_eq!(msgs[0].auth_user.to_lowercase(), ADMIN);

    // Progress: code + URL, signed in as, sending, done.
    let s = w.summary();
    match &r.events[0] {
        TenantCheckProgress::SigningIn {
            user_code,
            verification_uri,
            ..
        } => {
            assert!(!user_code.is_empty());
            assert_eq!(verification_uri, &s.identity.verification_uri);
        }
        other => panic!("first event {other:?}"),
    }
    assert!(matches!(
        &r.events[1],
        TenantCheckProgress::SignedIn { account: Some(a) } if a == ADMIN
    ));
    assert!(matches!(
        &r.events[2],
        TenantCheckProgress::SendingTestMail { to, .. } if to == ADMIN
    ));
    assert_eq!(r.events[3], TenantCheckProgress::Done { passed: true });
    assert_eq!(r.events.len(), 4);

    let v = json(&r.report);
    assert_eq!(check_json(&v, "test-mail")["status"], "passed");
    assert_eq!(
        check_json(&v, "device-code-flow-allowed")["status"],
        "passed"
    );
}

#[tokio::test]
async fn security_defaults_on() {
    let w = world(|t| t.security_defaults = true).await;
    let r = run(&w, check_config(&w), Person::Approve, |_| {}).await;
    let rep = &r.report;
    assert!(!rep.passed);
    let c = failed(rep, CheckId::SecurityDefaults);
    assert_eq!(c.cause, Some(Cause::SecurityDefaultsOn { aadsts: None }));
    assert!(matches!(c.fix, Some(Fix::TurnOffSecurityDefaults { .. })));
    assert_eq!(status(rep, CheckId::SignIn), CheckStatus::Passed);
    assert_eq!(status(rep, CheckId::TestMail), CheckStatus::Failed);
    assert_eq!(
        status(rep, CheckId::SmtpAuthOrganisation),
        CheckStatus::NotChecked
    );
    assert!(w.smtp().messages().is_empty());
    let v = json(rep);
    let sd = check_json(&v, "security-defaults");
    assert_eq!(sd["cause"]["code"], "security-defaults-on");
    assert_eq!(sd["fix"]["code"], "turn-off-security-defaults");
    assert_eq!(sd["evidence"]["code"], "mail-security-defaults");
    assert_eq!(sd["evidence"]["params"]["reply"]["code"], 535);
    assert_eq!(sd["evidence"]["params"]["reply"]["enhanced"], "5.7.139");
}

#[tokio::test]
async fn smtp_auth_off_for_the_organisation() {
    let w = world(|t| t.smtp_auth_enabled = false).await;
    let r = run(&w, check_config(&w), Person::Approve, |_| {}).await;
    let rep = &r.report;
    let c = failed(rep, CheckId::SmtpAuthOrganisation);
    assert_eq!(c.cause, Some(Cause::SmtpAuthDisabledOrganisation {}));
    match &c.fix {
        Some(Fix::EnableSmtpAuthOrganisation {
            powershell,
            admin_center,
            ..
        }) => {
            assert_eq!(
                powershell,
                "Set-TransportConfig -SmtpClientAuthenticationDisabled $false"
            );
            assert!(admin_center.starts_with("Exchange admin center"));
        }
        other => panic!("fix {other:?}"),
    }
    assert_eq!(
        status(rep, CheckId::SmtpAuthMailbox),
        CheckStatus::NotChecked
    );
    assert_eq!(status(rep, CheckId::TestMail), CheckStatus::Failed);
    let v = json(rep);
    assert_eq!(
        check_json(&v, "smtp-auth-organisation")["cause"]["code"],
        "smtp-auth-disabled-organisation"
    );
}

#[tokio::test]
async fn smtp_auth_off_for_the_mailbox() {
    let w = world(|t| {
        let u = t.users.iter_mut().find(|u| u.upn == ADMIN).unwrap();
        u.smtp_auth = Some(false);
    })
    .await;
    let r = run(&w, check_config(&w), Person::Approve, |_| {}).await;
    let rep = &r.report;
    let c = failed(rep, CheckId::SmtpAuthMailbox);
    assert_eq!(
        c.cause,
        Some(Cause::SmtpAuthDisabledMailbox {
            mailbox: ADMIN.into()
        })
    );
    match &c.fix {
        Some(Fix::EnableSmtpAuthMailbox { powershell, .. }) => assert_eq!(
            powershell,
            "Set-CASMailbox -Identity admin@contoso.example -SmtpClientAuthenticationDisabled $false"
        ),
        other => panic!("fix {other:?}"),
    }
    assert_eq!(
        status(rep, CheckId::SmtpAuthOrganisation),
        CheckStatus::NotChecked
    );
    assert_eq!(status(rep, CheckId::SignIn), CheckStatus::Passed);
}

#[tokio::test]
async fn mailbox_setting_overrides_the_organisation() {
    let w = world(|t| {
        t.smtp_auth_enabled = false;
        let u = t.users.iter_mut().find(|u| u.upn == ADMIN).unwrap();
        u.smtp_auth = Some(true);
    })
    .await;
    let r = run(&w, check_config(&w), Person::Approve, |_| {}).await;
    assert!(r.report.passed, "{:#?}", r.report);
    assert_eq!(w.smtp().messages_to(ADMIN).len(), 1);
}

#[tokio::test]
async fn conditional_access_blocks_the_device_code_flow() {
    let w = world(|t| t.block_device_code_flow = true).await;
    let r = run(&w, check_config(&w), Person::Approve, |_| {}).await;
    let rep = &r.report;
    assert!(r.approval.as_deref().unwrap_or_default().contains("53003"));
    for id in [CheckId::DeviceCodeFlowAllowed, CheckId::SignIn] {
        let c = failed(rep, id);
        assert_eq!(
            c.cause,
            Some(Cause::ConditionalAccessBlocked {
                aadsts: Some(53003)
            })
        );
        assert!(matches!(
            &c.fix,
            Some(Fix::ReviewConditionalAccess { policy, .. }) if policy == "Block device code flow"
        ));
    }
    for id in [
        CheckId::SecurityDefaults,
        CheckId::SmtpAuthOrganisation,
        CheckId::SmtpAuthMailbox,
        CheckId::Consent,
        CheckId::TestMail,
    ] {
        assert_eq!(status(rep, id), CheckStatus::NotChecked, "{id:?}");
    }
    let v = json(rep);
    let ev = &check_json(&v, "sign-in")["evidence"];
    assert_eq!(ev["code"], "identity-conditional-access-blocked");
    assert_eq!(ev["params"]["aadsts"], 53003);
    assert!(ev["params"]["description"]
        .as_str()
        .unwrap()
        .starts_with("AADSTS53003"));
    assert!(!r
        .events
        .iter()
        .any(|e| matches!(e, TenantCheckProgress::SignedIn { .. })));
}

#[tokio::test]
async fn sign_in_declined() {
    let w = world(|_| {}).await;
    let r = run(&w, check_config(&w), Person::Decline, |_| {}).await;
    let c = failed(&r.report, CheckId::SignIn);
    assert!(matches!(c.cause, Some(Cause::SignInDeclined { .. })));
    assert_eq!(c.fix, Some(Fix::SignInAgain {}));
    let v = json(&r.report);
    let ev = &check_json(&v, "sign-in")["evidence"];
    assert_eq!(ev["code"], "identity-authorization-declined");
    assert_eq!(ev["params"]["error"], "authorization_declined");
    assert_eq!(
        status(&r.report, CheckId::TestMail),
        CheckStatus::NotChecked
    );
}

#[tokio::test]
async fn expired_token_is_refused_with_5_7_3() {
    let w = world(|_| {}).await;
    // The token ages two hours between the sign-in and the mail.
    let r = run(&w, check_config(&w), Person::Approve, |w| {
        w.clock().advance(7200)
    })
    .await;
    let rep = &r.report;
    assert_eq!(status(rep, CheckId::SignIn), CheckStatus::Passed);
    let c = failed(rep, CheckId::TestMail);
    assert_eq!(
        c.cause,
        Some(Cause::TokenRejected {
            account: ADMIN.into()
        })
    );
    assert_eq!(c.fix, Some(Fix::SignInAgain {}));
    let v = json(rep);
    let ev = &check_json(&v, "test-mail")["evidence"];
    assert_eq!(ev["code"], "mail-authentication-unsuccessful");
    assert_eq!(ev["params"]["reply"]["enhanced"], "5.7.3");
    assert!(w.smtp().messages().is_empty());
}

#[tokio::test]
async fn sender_other_than_the_signed_in_mailbox_is_denied() {
    let w = world(|_| {}).await;
    let mut cfg = check_config(&w);
    cfg.from = Some(SCANNER.into());
    let r = run(&w, cfg, Person::Approve, |_| {}).await;
    let rep = &r.report;
    let c = failed(rep, CheckId::TestMail);
    assert_eq!(
        c.cause,
        Some(Cause::SendAsDenied {
            account: ADMIN.into(),
            from: SCANNER.into()
        })
    );
    assert!(matches!(
        &c.fix,
        Some(Fix::UseSignedInMailboxAsSender { powershell, .. })
            if powershell.contains("-AccessRights SendAs")
    ));
    // XOAUTH2 was accepted: the tenant's SMTP AUTH prerequisites hold.
    for id in [
        CheckId::SecurityDefaults,
        CheckId::SmtpAuthOrganisation,
        CheckId::SmtpAuthMailbox,
    ] {
        assert_eq!(status(rep, id), CheckStatus::Passed, "{id:?}");
    }
    let v = json(rep);
    let enhanced = &check_json(&v, "test-mail")["evidence"]["params"]["reply"]["enhanced"];
    assert!(enhanced == "5.7.60" || enhanced == "5.2.252", "{enhanced}");
}

#[tokio::test]
async fn cancelled_while_waiting_for_the_sign_in() {
    let w = world(|_| {}).await;
    let r = run(&w, check_config(&w), Person::Cancel, |_| {}).await;
    let c = failed(&r.report, CheckId::SignIn);
    assert_eq!(c.cause, Some(Cause::Cancelled {}));
}

#[tokio::test]
async fn unknown_application_is_reported_with_its_aadsts() {
    let w = world(|_| {}).await;
    let mut cfg = check_config(&w);
    cfg.client_id = "11111111-2222-3333-4444-555555555555".into();
    let r = run(&w, cfg, Person::Approve, |_| {}).await;
    let c = failed(&r.report, CheckId::SignIn);
    match &c.cause {
        Some(Cause::ApplicationNotUsable { aadsts, client_id }) => {
            assert_eq!(*aadsts, Some(700016));
            assert_eq!(client_id, "11111111-2222-3333-4444-555555555555");
        }
        other => panic!("cause {other:?}"),
    }
    assert!(r
        .events
        .iter()
        .all(|e| !matches!(e, TenantCheckProgress::SigningIn { .. })));
}

/// A server that refuses the token with a 334 challenge (RFC 7628, as other providers
/// do) refused the sign-in: never "no connection".
#[tokio::test]
async fn a_334_challenge_is_a_rejected_sign_in() {
    let w = world(|_| {}).await;
    w.smtp().set_faults(printoauth_sim::smtp::SmtpFaults {
        xoauth2_challenge: true,
        ..Default::default()
    });
    let r = run(&w, check_config(&w), Person::Approve, |_| {}).await;
    let c = failed(&r.report, CheckId::TestMail);
    assert_eq!(
        c.cause,
        Some(Cause::TokenRejected {
            account: ADMIN.into()
        }),
        "{c:#?}"
    );
    assert_eq!(c.fix, Some(Fix::SignInAgain {}));
    assert!(w
        .smtp()
        .auth_log()
        .iter()
        .any(|a| a.detail.contains("334 challenge")));
    assert_eq!(w.smtp().messages_to(ADMIN).len(), 0);
}
