//! The Web Config device emulator against a real HTTP client and a plain HTML parser,
//! driven the way a person's browser drives it (press a button, submit the form it
//! names): log-in for both firmware families over HTTP and HTTPS, lock-out, language
//! switch, setup tokens, both save styles, the device's own OAuth 2.0 sign-in through
//! the identity emulator on both page layouts, and scan-to-email landing in the SMTP
//! emulator's mailbox with the job history codes the guide names.

use std::time::{Duration, Instant};

use printoauth_sim::config::{DeviceConfig, Lang, WorldConfig};
use printoauth_sim::device::{AuthMethod, JobResult, OAuthState};
use printoauth_sim::world::World;
use printoauth_testkit::browser::{self, Browser, Doc};
use printoauth_testkit::practice::{
    assert_job_failed_with, control, csv_fields, device, set_device_faults, v, world, world_of,
    ADMIN, ADMIN_PW, DEVICE_PW as PW, SCANNER, SCANNER_PW, USER as RECIPIENT,
};
use serde_json::json;

const P: &str = "/PRESENTATION/ADVANCED";
const MAIL: &str = "/PRESENTATION/ADVANCED/NWS_MAIL_BASIC/TOP";

/// Logs in with the form the device shows (in place of `path`): the user name (blank
/// unless given) and the password typed, everything else as the form has it.
async fn log_in_at(b: &Browser, path: &str, user: &str, password: &str) -> Doc {
    let page = b.get(path).await;
    assert_eq!(page.status, 200);
    let form = page.button("OK").form;
    let mut values = vec![("INPUTT_USERNAME".to_string(), user.to_string())];
    if form.get("INPUTT_PASSWORD").is_some() {
        values.push(("INPUTT_PASSWORD".into(), password.into()));
    } else {
        values.push(("session".into(), password.into()));
    }
    b.press(&page, "OK", &values).await
}

async fn log_in(b: &Browser, password: &str) -> Doc {
    log_in_at(b, &format!("{P}/PASSWORD/TOP"), "", password).await
}

/// OK on Email Server > Basic with `values` (by label and option text or typed text),
/// then OK on the confirmation when the device asks for one.
async fn save_mail(b: &Browser, choose: &[(&str, &str)], typed: &[(&str, &str)]) -> Doc {
    let page = b.get(MAIL).await;
    let mut values = Vec::new();
    for (label, option) in choose {
        values.push(page.choose(label, option));
    }
    for (label, text) in typed {
        let name = page
            .control_name(label)
            .unwrap_or_else(|| panic!("no {label}"));
        values.push((name, text.to_string()));
    }
    let doc = b.press(&page, "OK", &values).await;
    if doc.has_form("confirm_form") {
        assert!(doc.message("warning").is_none(), "{}", doc.body);
        return b.press(&doc, "OK", &[]).await;
    }
    doc
}

#[tokio::test]
async fn both_families_and_layouts_log_in_over_http_and_https() {
    let w = world(vec![
        device("WF-C5890 Series"),
        device("ET-4850 Series"),
        device("AM-C4000 Series"),
        device("WF-C20590 Series"),
    ])
    .await;
    let s = w.summary();
    for (i, consumer) in [(0, false), (1, true), (2, false), (3, false)] {
        for base in [&s.devices[i].http_url, &s.devices[i].https_url] {
            let b = Browser::new(base);
            // Settings pages need a session: the log-in form answers in their place.
            let page = b.get(MAIL).await;
            assert_eq!(page.status, 200);
            assert!(page.body.contains("INPUTT_PASSWORD") || page.body.contains("\"session\""));
            assert!(!page.body.contains("INPUTT_SETUPTOKEN"), "{}", page.body);
            let done = log_in_at(&b, MAIL, "", PW).await;
            let cookie = done.set_cookie.clone().expect("session cookie");
            assert!(cookie.starts_with("EPSON_COOKIE_SESSION="), "{cookie}");
            if consumer {
                assert!(
                    cookie.starts_with("EPSON_COOKIE_SESSION=session&"),
                    "{cookie}"
                );
            }
            let page = b.get(MAIL).await;
            assert!(page.body.contains("INPUTT_SETUPTOKEN"));
            let (name, oauth2) = page.choose("Authentication Method", "OAuth2");
            assert!(!name.is_empty() && !oauth2.is_empty());
        }
        // The wrong family's endpoint does not exist.
        let c = browser::client();
        let wrong = if consumer {
            format!("{}{P}/PASSWORD/SET", s.devices[i].http_url)
        } else {
            format!("{}/PRESENTATION/PSWD", s.devices[i].http_url)
        };
        assert_eq!(c.post(wrong).send().await.unwrap().status().as_u16(), 404);
    }
    w.stop();
}

#[tokio::test]
async fn wrong_password_then_lock_out_then_unlock_with_time() {
    let w = world(vec![device("WF-C5890 Series"), device("L6270 Series")]).await;
    let s = w.summary();
    for (i, consumer) in [(0, false), (1, true)] {
        let b = Browser::new(&s.devices[i].http_url);
        let page = log_in(&b, "wrong").await;
        let err = page.message("error").unwrap_or_default();
        assert!(err.contains("Incorrect"), "{}", page.body);
        if !consumer {
            assert!(err.contains("Incorrect user name or password"));
        }
        for _ in 0..4 {
            log_in(&b, "wrong").await;
        }
        // Locked: even the right password is refused now.
        let page = log_in(&b, PW).await;
        assert!(page.body.contains("Try again later."), "{}", page.body);
        assert!(page.set_cookie.is_none());
        assert!(w.device(i).unwrap().report().locked);
        w.clock().advance(301);
        let page = log_in(&b, PW).await;
        assert!(page.set_cookie.is_some(), "{}", page.body);
        w.clock().advance(-301);
    }
    w.stop();
}

#[tokio::test]
async fn language_switch_through_the_language_form() {
    let w = world(vec![DeviceConfig {
        language: Lang::De,
        ..device("WF-C5890 Series")
    }])
    .await;
    let b = Browser::new(&w.summary().devices[0].http_url);
    let page = log_in(&b, "nope").await;
    assert!(page.body.contains("Benutzername oder Kennwort ist falsch"));
    log_in(&b, PW).await;
    let page = b.get(MAIL).await;
    assert!(page.control_name("Authentifizierungsmethode").is_some());
    assert!(page.control_name("Authentication Method").is_none());
    for (value, label, lang) in [
        ("1", "Authentication Method", Lang::En),
        ("2", "Méthode d'authentification", Lang::Fr),
        ("3", "Metodo di autenticazione", Lang::It),
        ("4", "Authentifizierungsmethode", Lang::De),
    ] {
        let page = b.get(MAIL).await;
        let mut lang_form = page.form("lang_form");
        lang_form.set("SEL_LANGA", value);
        let top = b.submit(&lang_form).await;
        assert_eq!(top.status, 200);
        assert_eq!(w.device(0).unwrap().report().language, lang);
        let page = b.get(MAIL).await;
        assert!(page.control_name(label).is_some(), "{value}: {}", page.body);
    }
    let page = b.get(MAIL).await;
    b.post(&format!("{P}/COMMON/TOP"), &v(&[("SEL_LANGA", "1")]))
        .await;
    let page2 = b.get(MAIL).await;
    assert!(page2.control_name("Sender's Email Address").is_some());
    assert_ne!(page.body, page2.body);
    w.stop();
}

#[tokio::test]
async fn top_pages_menu_bonjour_and_firmware_without_oauth2() {
    let w = world_of(&["WF-2930 Series", "WF-C20590 Series"]).await;
    let s = w.summary();
    // Captured layout: the model in h1#model_name, pages in the frame target_INFO.
    let b = Browser::new(&s.devices[0].http_url);
    let top = b.get(&format!("{P}/COMMON/TOP")).await;
    assert_eq!(
        browser::text_of(top.select("h1#model_name")[0]),
        "WF-2930 Series"
    );
    assert_eq!(top.select("iframe[name=target_INFO]").len(), 1);
    let links: Vec<_> = top
        .select("a[target=target_INFO]")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert!(links.iter().any(|h| h.ends_with("NWS_MAIL_BASIC/TOP")));
    let bonjour = b.get("/PRESENTATION/BONJOUR").await;
    assert!(bonjour.body.contains("COMMON/TOP"));
    // Legacy layout: a frameset with a menu frame.
    let lb = Browser::new(&s.devices[1].http_url);
    let top = lb.get(&format!("{P}/COMMON/TOP")).await;
    assert!(top.body.contains("<frameset") && top.body.contains("name=\"contents\""));
    let menu = lb.get(&format!("{P}/COMMON/MENU")).await;
    assert!(menu.body.contains("Email Server") && menu.body.contains("NWS_MAIL_BASIC/TOP"));

    log_in(&b, PW).await;
    let page = b.get(MAIL).await;
    let name = page.control_name("Authentication Method").unwrap();
    assert!(page.option_value(&name, "SMTP AUTH").is_some());
    assert!(
        page.option_value(&name, "OAuth2").is_none(),
        "no OAuth2 on old firmware"
    );
    assert!(!page.body.contains("Sign In"));
    // Posting OAuth2 anyway is refused, naming the field.
    let mut form = page.form("input_form");
    form.set(&name, "OAUTH2");
    let doc = b.submit(&form).await;
    assert_eq!(
        doc.message("error").as_deref(),
        Some("Invalid value: Authentication Method"),
        "{}",
        doc.body
    );
    assert_eq!(
        w.device(0).unwrap().report().stored.auth_method,
        AuthMethod::SmtpAuth
    );
    w.stop();
}

#[tokio::test]
async fn both_save_styles_validation_and_stale_token() {
    // Each model with whether its save asks for a confirmation.
    let models = [
        ("WF-C5890 Series", true),
        ("AM-C4000 Series", false),
        ("WF-C20590 Series", true),
        ("ET-4850 Series", false),
    ];
    let w = world_of(&models.map(|(m, _)| m)).await;
    let s = w.summary();
    for (i, (_, confirm)) in models.into_iter().enumerate() {
        let b = Browser::new(&s.devices[i].http_url);
        log_in(&b, PW).await;
        let dev = w.device(i).unwrap();
        assert_eq!(
            dev.report().save_style == printoauth_sim::models::SaveStyle::Confirm,
            confirm
        );

        // A sender with a forbidden character is refused.
        let page = b.get(MAIL).await;
        let sender = page.control_name("Sender's Email Address").unwrap();
        let doc = b
            .press(&page, "OK", &v(&[(&sender, "a;b@contoso.example")]))
            .await;
        assert_eq!(
            doc.message("error").as_deref(),
            Some("Invalid value: Sender's Email Address")
        );

        let page = b.get(MAIL).await;
        let port = page.control_name("SMTP Server Port Number").unwrap();
        let first = b
            .press(
                &page,
                "OK",
                &v(&[(&sender, "printer@contoso.example"), (&port, "2525")]),
            )
            .await;
        let done = if confirm {
            // Step one answers the confirmation; nothing is stored yet.
            assert!(first.has_form("confirm_form"), "{}", first.body);
            assert!(first.message("warning").is_none());
            assert_eq!(dev.report().stored.sender, SCANNER);
            assert_eq!(
                first.value("Sender's Email Address").as_deref(),
                Some("printer@contoso.example")
            );
            b.press(&first, "OK", &[]).await
        } else {
            first
        };
        assert_eq!(
            done.message("warning").as_deref(),
            Some("Setup complete."),
            "{}",
            done.body
        );
        let r = dev.report();
        assert_eq!(r.stored.sender, "printer@contoso.example");
        assert_eq!(r.stored.smtp_port, 2525);
        // The mailbox password shown empty is kept when left empty.
        assert_eq!(r.stored.password, SCANNER_PW);

        // A stale setup token is refused and nothing changes.
        let page = b.get(MAIL).await;
        dev.make_setup_tokens_stale();
        let doc = b.press(&page, "OK", &v(&[(&port, "25")])).await;
        assert!(doc.body.contains("no longer valid"), "{}", doc.body);
        assert_eq!(dev.report().stored.smtp_port, 2525);
    }
    w.stop();
}

#[tokio::test]
async fn faults_500_slow_and_restart_in_the_middle_of_a_save() {
    let w = world(vec![device("WF-C5890 Series")]).await;
    let base = w.summary().devices[0].http_url.clone();
    let dev = w.device(0).unwrap().clone();
    let b = Browser::new(&base);
    dev.set_faults(printoauth_sim::device::DeviceFaults {
        http_500_next: 2,
        ..Default::default()
    });
    assert_eq!(b.get("/PRESENTATION/BONJOUR").await.status, 500);
    assert_eq!(b.get("/PRESENTATION/BONJOUR").await.status, 500);
    assert_eq!(b.get("/PRESENTATION/BONJOUR").await.status, 200);
    dev.set_faults(printoauth_sim::device::DeviceFaults {
        delay_ms: 300,
        ..Default::default()
    });
    let t0 = Instant::now();
    b.get("/PRESENTATION/BONJOUR").await;
    assert!(t0.elapsed() >= Duration::from_millis(300));

    dev.set_faults(printoauth_sim::device::DeviceFaults {
        restart_on_next_save: true,
        ..Default::default()
    });
    log_in(&b, PW).await;
    let page = save_mail(&b, &[], &[("SMTP Server Port Number", "2526")]).await;
    assert!(
        page.message("warning")
            .is_some_and(|m| m.starts_with("Shutting down")),
        "{}",
        page.body
    );
    // Away while restarting, then back with the old settings and no session.
    assert_eq!(b.get(MAIL).await.status, 503);
    let r = dev.report();
    assert_eq!(r.stored.smtp_port, 587);
    assert_eq!(r.boot_count, 2);
    tokio::time::sleep(Duration::from_millis(
        printoauth_sim::device::RESTART_MS + 100,
    ))
    .await;
    let page = b.get(MAIL).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("INPUTT_PASSWORD"),
        "session gone after restart"
    );
    w.stop();
}

/// Drives a device through the guide's steps up to the code: OAuth2 chosen, Sign In,
/// "Sign in with Microsoft". Returns the user code and the verification URL.
async fn start_sign_in(b: &Browser) -> (String, String) {
    log_in(b, PW).await;
    let page = b.get(MAIL).await;
    let method = page.choose("Authentication Method", "OAuth2");
    let service = page.choose("Email service", "Microsoft Exchange Online");
    assert!(page.body.contains("will be signed out automatically"));
    assert_eq!(page.value("Current Status").as_deref(), Some("Signed out"));
    let signin = b.press(&page, "Sign In", &[method, service]).await;
    assert!(
        signin.body.contains("will be signed out automatically"),
        "{}",
        signin.body
    );
    let service = signin.choose("Email service", "Microsoft Exchange Online");
    let code_page = b.press(&signin, "Sign in with Microsoft", &[service]).await;
    let code = code_page
        .value("Authentication code")
        .unwrap_or_else(|| panic!("no code in {}", code_page.body));
    let url = code_page.value("URL").unwrap();
    assert!(code_page.body.contains(&format!(
        "To sign in, use a web browser to open the page {url} and enter the code {code} to authenticate."
    )));
    (code, url)
}

/// Follows the status page (Refresh, or the legacy page's own reload) until signed in;
/// returns the account.
async fn wait_signed_in(b: &Browser) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut page = b.get(&format!("{P}/NWS_MAIL_OAUTH/TOP")).await;
    loop {
        if page.value("Current Status").as_deref() == Some("Signed in") {
            return page.value("Authenticated Account").unwrap();
        }
        assert!(Instant::now() < deadline, "never signed in: {}", page.body);
        tokio::time::sleep(Duration::from_millis(250)).await;
        page = if page.has_button("Refresh") {
            b.press(&page, "Refresh", &[]).await
        } else {
            b.get(&format!("{P}/NWS_MAIL_OAUTH/TOP")).await
        };
    }
}

/// Follows the identity emulator's pages as the admin does in a browser.
async fn consent_in_browser(verification_uri: &str, code: &str, upn: &str, password: &str) {
    let c = Browser::new("http://unused");
    let mut page = c.post(verification_uri, &v(&[("otc", code)])).await;
    let mut steps = 0;
    while page.select("#message").is_empty() {
        steps += 1;
        assert!(steps < 8, "stuck at {}", page.body);
        let mut form = page.forms().into_iter().next().expect("a form");
        let base = verification_uri.trim_end_matches("/devicelogin");
        if !form.action.starts_with("http") {
            form.action = format!("{base}{}", form.action);
        }
        if page.body.contains("name=\"loginfmt\"") {
            form.set("loginfmt", upn);
        } else if page.body.contains("name=\"passwd\"") {
            form.set("passwd", password);
        } else if page.body.contains("id=\"KmsiDescription\"") {
            form.set("kmsi", "no");
        } else if page.body.contains("id=\"appConfirmText\"") {
            form.set("action", "continue");
        } else if page.body.contains("name=\"consent_org\"") {
            form.set("consent_org", "on");
            form.set("accept", "Accept");
        } else {
            panic!("unexpected page {}", page.body);
        }
        page = c.submit(&form).await;
    }
}

/// The scanner mailbox approves the device's code (no consent asked: the app has it).
fn approve_as_scanner(w: &World, code: &str) {
    w.identity()
        .approve(code, SCANNER, SCANNER_PW, false)
        .unwrap();
}

/// The guide's steps to the code, the scanner mailbox signs in, OK saves.
async fn sign_in_as_scanner_and_save(w: &World, b: &Browser) {
    let (code, _) = start_sign_in(b).await;
    approve_as_scanner(w, &code);
    wait_signed_in(b).await;
    save_oauth2(b).await;
}

async fn save_oauth2(b: &Browser) {
    let done = save_mail(
        b,
        &[
            ("Authentication Method", "OAuth2"),
            ("Email service", "Microsoft Exchange Online"),
        ],
        &[("Sender's Email Address", SCANNER)],
    )
    .await;
    assert_eq!(
        done.message("warning").as_deref(),
        Some("Setup complete."),
        "{}",
        done.body
    );
}

#[tokio::test]
async fn device_signs_in_saves_and_scan_to_email_lands_in_the_mailbox() {
    let w = world_of(&["WF-C5890 Series", "ET-4850 Series", "WF-C20590 Series"]).await;
    let s = w.summary();
    for i in 0..3 {
        let b = Browser::new(&s.devices[i].https_url);
        let dev = w.device(i).unwrap().clone();
        // Before: Basic auth, which Exchange refuses.
        let job = dev.scan_to_email(RECIPIENT, 1).await;
        assert!(
            matches!(&job.result, JobResult::Failed { detail, .. } if detail.contains("5.7.30")),
            "{job:?}"
        );
        // OAuth2 saved without signing in: the device asks for a sign-in (370).
        log_in(&b, PW).await;
        save_oauth2(&b).await;
        let job = dev.scan_to_email(RECIPIENT, 1).await;
        assert_job_failed_with(&job, 370);

        let (code, url) = start_sign_in(&b).await;
        assert_eq!(url, s.identity.verification_uri);
        if i == 0 {
            consent_in_browser(&url, &code, ADMIN, ADMIN_PW).await;
        } else {
            approve_as_scanner(&w, &code);
        }
        let account = wait_signed_in(&b).await;
        let expect = if i == 0 { ADMIN } else { SCANNER };
        assert_eq!(account, expect);
        let page = b.get(MAIL).await;
        assert_eq!(page.value("Current Status").as_deref(), Some("Signed in"));
        assert!(page.has_button("Sign Out"));

        // Signed in but not saved: the device still cannot mail.
        assert_eq!(dev.report().committed_account, None);
        let job = dev.scan_to_email(RECIPIENT, 1).await;
        assert_eq!(
            job.result_text().split(':').next().unwrap(),
            "Error 370",
            "{job:?}"
        );
        let panel = "You need to sign in to your email service. Contact your administrator.";
        assert_eq!(dev.report().panel_message.as_deref(), Some(panel));
        let status = b.get(&format!("{P}/INFO_PRTINFO/TOP")).await;
        assert_eq!(status.value("Printer Status").as_deref(), Some(panel));

        save_oauth2(&b).await;
        let r = dev.report();
        assert_eq!(r.stored.auth_method, AuthMethod::OAuth2);
        assert_eq!(r.stored.smtp_server, "smtp-mail.outlook.com");
        assert_eq!(r.committed_account.as_deref(), Some(expect));
        assert!(matches!(r.oauth, OAuthState::SignedIn { .. }));

        // The sender must be the signed-in mailbox; for the admin it is not.
        let job = dev.scan_to_email(RECIPIENT, 2).await;
        if i == 0 {
            assert!(
                matches!(&job.result, JobResult::Failed { detail, .. } if detail.contains("5.7.60")),
                "{job:?}"
            );
        } else {
            assert_eq!(job.result, JobResult::Succeeded, "{job:?}");
            let got = w.smtp().messages_to(RECIPIENT);
            let m = got.last().unwrap();
            assert_eq!(m.auth_user, SCANNER);
            assert!(m.data.contains("scan.pdf"));
            assert!(m.subject.as_deref().unwrap().contains(&s.devices[i].model));
        }

        // Saved with the other service chosen: the sign-in does not carry over.
        let done = save_mail(&b, &[("Email service", "Outlook.com")], &[]).await;
        assert_eq!(done.message("warning").as_deref(), Some("Setup complete."));
        assert_eq!(dev.report().committed_account, None);
        // Sign Out signs the device out.
        let page = b.get(MAIL).await;
        let page = b.press(&page, "Sign Out", &[]).await;
        assert_eq!(page.value("Current Status").as_deref(), Some("Signed out"));
        assert!(matches!(dev.report().oauth, OAuthState::SignedOut));
    }
    w.stop();
}

#[tokio::test]
async fn job_history_codes_360_361_370_and_refresh() {
    // The vendor's app already has the organisation's consent: the mailbox user signs in.
    let mut cfg = WorldConfig {
        devices: vec![device("WF-C5890 Series")],
        ..Default::default()
    };
    cfg.tenant.apps[0].admin_consented = true;
    let w = World::start(cfg).await.unwrap();
    let s = w.summary();
    let b = Browser::new(&s.devices[0].http_url);
    let dev = w.device(0).unwrap().clone();
    sign_in_as_scanner_and_save(&w, &b).await;
    assert_eq!(
        dev.scan_to_email(RECIPIENT, 1).await.result,
        JobResult::Succeeded
    );

    // Two hours later the access token has expired: the device refreshes it.
    w.clock().advance(2 * 3600);
    assert_eq!(
        dev.scan_to_email(RECIPIENT, 1).await.result,
        JobResult::Succeeded
    );

    // No connection to the email service: 360.
    w.smtp().set_faults(printoauth_sim::smtp::SmtpFaults {
        unavailable_next: 1,
        ..Default::default()
    });
    let job = dev.scan_to_email(RECIPIENT, 1).await;
    assert_job_failed_with(&job, 360);

    // Long disuse: the refresh token lapsed: 361, and the device says it expired.
    dev.expire_tokens();
    let job = dev.scan_to_email(RECIPIENT, 1).await;
    assert!(
        matches!(&job.result, JobResult::Failed { code: Some(361), detail } if detail.contains("700082")),
        "{job:?}"
    );
    assert!(matches!(dev.report().oauth, OAuthState::Expired { .. }));

    // Sign in again, save: mail works again; then sessions revoked: 370.
    sign_in_as_scanner_and_save(&w, &b).await;
    assert_eq!(
        dev.scan_to_email(RECIPIENT, 1).await.result,
        JobResult::Succeeded
    );
    w.tenant().revoke_sessions(SCANNER);
    w.clock().advance(2 * 3600);
    let job = dev.scan_to_email(RECIPIENT, 1).await;
    assert_job_failed_with(&job, 370);

    // The job history page and its CSV export carry the codes. (Hours of world time
    // have passed: the session has lapsed, so log in again.)
    let page = b.get(&format!("{P}/INFO_JOBHISTORY/TOP")).await;
    assert!(page.body.contains("INPUTT_PASSWORD"));
    log_in(&b, PW).await;
    let page = b.get(&format!("{P}/INFO_JOBHISTORY/TOP")).await;
    let csv = b.download(&page, "Export to CSV").await;
    let mut lines = csv.lines();
    let header = csv_fields(lines.next().unwrap());
    assert_eq!(header.len(), 13, "{header:?}");
    assert_eq!(header[0], "Receipt No.");
    let result_col = header.iter().position(|h| h == "Result").unwrap();
    let rows: Vec<_> = lines.map(csv_fields).collect();
    assert!(rows.iter().all(|r| r.len() == 13));
    let results: Vec<_> = rows.iter().map(|r| r[result_col].clone()).collect();
    for code in ["360", "361", "370"] {
        assert!(
            results
                .iter()
                .any(|r| r.starts_with(&format!("Error {code}"))),
            "{code} in {results:?}"
        );
    }
    assert!(results.iter().filter(|r| *r == "Succeeded").count() >= 3);
    w.stop();
}

#[tokio::test]
async fn additional_network_refuses_oauth2_and_fax_server_takes_it() {
    let mut devices = ["WF-C879R Series", "WF-C5890 Series", "ET-4850 Series"].map(device);
    devices[0].additional_network = true;
    let w = world(devices.to_vec()).await;
    let s = w.summary();
    let b = Browser::new(&s.devices[0].http_url);
    log_in(&b, PW).await;
    let page = b.get(MAIL).await;
    let refused = b.press(&page, "Sign In", &[]).await;
    assert_eq!(
        refused.message("error").as_deref(),
        Some("OAuth2 cannot be used on the additional network. Use the standard network to set OAuth2."),
        "{}",
        refused.body
    );
    let done = save_mail(&b, &[("Authentication Method", "OAuth2")], &[]).await;
    assert!(done.message("error").is_some(), "{}", done.body);
    assert_eq!(
        w.device(0).unwrap().report().stored.auth_method,
        AuthMethod::SmtpAuth
    );

    // Fax > Fax Server > Email Server Settings with OAuth2, in both save styles.
    for i in [1, 2] {
        let b = Browser::new(&s.devices[i].http_url);
        log_in(&b, PW).await;
        let page = b.get(&format!("{P}/FAX_SERVER_MAIL/TOP")).await;
        assert!(page.heading().contains("Email Server Settings"));
        let method = page.choose("Authentication Method", "OAuth2");
        let server = page.control_name("SMTP Server Address").unwrap();
        let port = page.control_name("SMTP Server Port Number").unwrap();
        let mut doc = b
            .press(
                &page,
                "OK",
                &[
                    method,
                    (server, "smtp.fax-provider.example".into()),
                    (port, "587".into()),
                ],
            )
            .await;
        if doc.has_form("confirm_form") {
            doc = b.press(&doc, "OK", &[]).await;
        }
        assert_eq!(doc.message("warning").as_deref(), Some("Setup complete."));
        let r = w.device(i).unwrap().report();
        assert_eq!(r.fax_stored.auth_method, AuthMethod::OAuth2);
        assert_eq!(r.fax_stored.smtp_server, "smtp.fax-provider.example");
    }
    w.stop();
}

#[tokio::test]
async fn control_api_reads_state_and_injects_faults() {
    let w = world(vec![device("WF-C5890 Series")]).await;
    let summary = control(&w, "GET", "/world", json!({})).await;
    assert_eq!(summary["devices"][0]["model"], "WF-C5890 Series");
    assert_eq!(summary["devices"][0]["admin_user"], "");
    assert_eq!(summary["devices"][0]["language"], "en");
    assert!(summary["ca_pem"]
        .as_str()
        .unwrap()
        .contains("BEGIN CERTIFICATE"));
    let report = control(&w, "POST", "/devices/0/lockout", json!({})).await;
    assert_eq!(report["locked"], true);
    assert_eq!(report["markup"], "captured");
    assert_eq!(report["save_style"], "confirm");
    let r = set_device_faults(&w, 0, json!({"http_500_next": 1})).await;
    assert_eq!(r["http_500_next"], 1);
    let r = control(&w, "POST", "/clock/advance", json!({"seconds": 60})).await;
    assert_eq!(r["offset_seconds"], 60);
    let r = control(&w, "PATCH", "/tenant", json!({"security_defaults": true})).await;
    assert_eq!(r["security_defaults"], true);
    assert!(w.tenant().config().security_defaults);
    let missing = reqwest::get(format!("{}/devices/9", w.control_url()))
        .await
        .unwrap();
    assert_eq!(missing.status().as_u16(), 404);
    w.stop();
}

/// Presses Start on Email Server > Connection Test; returns the page with the result.
async fn connection_test_in_browser(b: &Browser) -> Doc {
    let page = b.get(&format!("{P}/NWS_MAIL_CONNECTTEST/TOP")).await;
    assert_eq!(page.status, 200);
    assert!(page.message("warning").is_none() && page.message("error").is_none());
    assert!(page.has_button("Start"), "{}", page.body);
    b.press(&page, "Start", &[]).await
}

#[tokio::test]
async fn connection_test_page_reports_the_real_attempt_in_the_device_language() {
    let w = world_of(&["WF-C5890 Series"]).await;
    let s = w.summary();
    let b = Browser::new(&s.devices[0].https_url);
    // The menu leads to the page: Email Server > Connection Test.
    log_in(&b, PW).await;
    let menu = b.get(&format!("{P}/COMMON/MENU")).await;
    assert!(
        menu.body.contains("NWS_MAIL_CONNECTTEST/TOP\""),
        "{}",
        menu.body
    );
    assert!(menu.body.contains(">Connection Test<"));

    // Signed in as the Global Admin (who consents for the organisation), saved.
    let (code, _) = start_sign_in(&b).await;
    w.identity().approve(&code, ADMIN, ADMIN_PW, true).unwrap();
    wait_signed_in(&b).await;
    let saved = save_mail(
        &b,
        &[
            ("Authentication Method", "OAuth2"),
            ("Email service", "Microsoft Exchange Online"),
        ],
        &[("Sender's Email Address", ADMIN)],
    )
    .await;
    assert_eq!(saved.message("warning").as_deref(), Some("Setup complete."));
    let done = connection_test_in_browser(&b).await;
    assert_eq!(
        done.message("warning").as_deref(),
        Some("Connection test was successful."),
        "{}",
        done.body
    );
    let before = w.smtp().auth_log().len();

    // SMTP AUTH off for the organisation: the emulated Exchange refuses the XOAUTH2
    // attempt, and the device says so, quoting the server.
    w.tenant().config().smtp_auth_enabled = false;
    let done = connection_test_in_browser(&b).await;
    let err = done
        .message("error")
        .unwrap_or_else(|| panic!("{}", done.body));
    assert!(
        err.starts_with("SMTP server authentication error."),
        "{err}"
    );
    assert!(
        done.body
            .contains("535 5.7.139 Authentication unsuccessful"),
        "{}",
        done.body
    );
    assert!(
        done.body.contains("disabled for the Tenant"),
        "{}",
        done.body
    );
    assert!(
        w.smtp().auth_log().len() > before,
        "a real attempt was made"
    );

    // In German, the same result in the device's language.
    b.post(&format!("{P}/COMMON/TOP"), &v(&[("SEL_LANGA", "4")]))
        .await;
    let done = connection_test_in_browser(&b).await;
    let err = done.message("error").unwrap();
    assert!(
        err.starts_with("Authentifizierungsfehler beim SMTP-Server."),
        "{err}"
    );
    assert!(done.body.contains("Antwort des Servers"));

    // Sessions revoked and the token lapsed: the sign-in is what failed.
    b.post(&format!("{P}/COMMON/TOP"), &v(&[("SEL_LANGA", "1")]))
        .await;
    w.tenant().config().smtp_auth_enabled = true;
    w.tenant().revoke_sessions(ADMIN);
    w.device(0).unwrap().expire_tokens();
    let done = connection_test_in_browser(&b).await;
    let err = done.message("error").unwrap();
    assert!(
        err.starts_with("Could not sign in to the email service."),
        "{err}"
    );
    assert!(done.body.contains("AADSTS"), "{}", done.body);
    w.stop();
}
