//! The Web Config device emulator against a real HTTP client (reqwest): log-in for
//! both firmware families over HTTP and HTTPS, lock-out, language switch, setup
//! tokens, the two-step save, the device's own OAuth 2.0 sign-in through the identity
//! emulator, and scan-to-email landing in the SMTP emulator's mailbox with the job
//! history codes the guide names.

use std::time::{Duration, Instant};

use printoauth_sim::config::{DeviceConfig, Lang, WorldConfig};
use printoauth_sim::device::{AuthMethod, JobResult, OAuthState};
use printoauth_sim::world::World;

const P: &str = "/PRESENTATION/ADVANCED";
const RECIPIENT: &str = "user@contoso.example";

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .danger_accept_invalid_certs(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

fn device(model: &str) -> DeviceConfig {
    DeviceConfig {
        model: model.into(),
        start_with_basic_auth: true,
        ..Default::default()
    }
}

async fn world(devices: Vec<DeviceConfig>) -> World {
    World::start(WorldConfig {
        devices,
        ..Default::default()
    })
    .await
    .unwrap()
}

/// The value of the input named `name` in `html` (test-side scraping, deliberately
/// independent of the emulator's code).
fn input_value(html: &str, name: &str) -> Option<String> {
    let needle = format!("name=\"{name}\" value=\"");
    let start = html.find(&needle)? + needle.len();
    let end = html[start..].find('"')? + start;
    Some(
        html[start..end]
            .replace("&amp;", "&")
            .replace("&quot;", "\""),
    )
}

fn all_hidden(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<input type=\"hidden\" name=\"") {
        rest = &rest[i + 27..];
        let name_end = rest.find('"').unwrap();
        let name = rest[..name_end].to_string();
        out.push((
            name.clone(),
            input_value(&format!("name=\"{name}\"{}", &rest[name_end + 1..]), &name)
                .unwrap_or_default(),
        ));
    }
    out
}

/// Splits one CSV line (RFC 4180 quoting).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        match (ch, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(String::new()),
            (c, _) => out.last_mut().unwrap().push(c),
        }
    }
    out
}

fn text_of_id(html: &str, id: &str) -> Option<String> {
    let needle = format!("id=\"{id}\">");
    let start = html.find(&needle)? + needle.len();
    let end = html[start..].find('<')? + start;
    Some(html[start..end].to_string())
}

async fn get(c: &reqwest::Client, url: String) -> (u16, String) {
    let r = c.get(url).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn post(c: &reqwest::Client, url: String, form: &[(String, String)]) -> (u16, String) {
    let r = c.post(url).form(form).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Logs in and opens Email Server > Basic; returns the form's setup token.
async fn open_mail_form(c: &reqwest::Client, base: &str, consumer: bool) -> String {
    login(c, base, consumer, "epson-practice").await;
    let (_, page) = get(c, format!("{base}{P}/NWS_MAIL_BASIC/TOP")).await;
    input_value(&page, "INPUTT_SETUPTOKEN").unwrap_or_else(|| panic!("no setup token in {page}"))
}

/// Logs in as administrator the way each firmware family expects.
async fn login(c: &reqwest::Client, base: &str, consumer: bool, password: &str) -> String {
    if consumer {
        post(
            c,
            format!("{base}/PRESENTATION/PSWD"),
            &pairs(&[
                ("session", password),
                ("from", "top"),
                ("trigger", "set"),
                ("access", "https"),
            ]),
        )
        .await
        .1
    } else {
        post(
            c,
            format!("{base}{P}/PASSWORD/SET"),
            &pairs(&[
                ("INPUTT_USERNAME", "admin"),
                ("INPUTT_PASSWORD", password),
                ("INPUTT_ACCSESSMETHOD", "0"),
                ("INPUTT_DUMMY", ""),
                ("access", "https"),
            ]),
        )
        .await
        .1
    }
}

#[tokio::test]
async fn both_families_log_in_over_http_and_https() {
    let w = world(vec![device("WF-C5890 Series"), device("ET-4850 Series")]).await;
    let s = w.summary();
    for (i, consumer) in [(0, false), (1, true)] {
        for base in [&s.devices[i].http_url, &s.devices[i].https_url] {
            let c = client();
            // Settings pages need a session.
            let (_, page) = get(&c, format!("{base}{P}/NWS_MAIL_BASIC/TOP")).await;
            assert!(page.contains("Log in as administrator"), "{page}");
            assert!(input_value(&page, "INPUTT_SETUPTOKEN").is_none());
            let r = c
                .post(if consumer {
                    format!("{base}/PRESENTATION/PSWD")
                } else {
                    format!("{base}{P}/PASSWORD/SET")
                })
                .form(&if consumer {
                    pairs(&[
                        ("session", "epson-practice"),
                        ("from", "top"),
                        ("trigger", "set"),
                        ("access", "https"),
                    ])
                } else {
                    pairs(&[
                        ("INPUTT_USERNAME", "admin"),
                        ("INPUTT_PASSWORD", "epson-practice"),
                        ("INPUTT_ACCSESSMETHOD", "0"),
                        ("INPUTT_DUMMY", ""),
                        ("access", "https"),
                    ])
                })
                .send()
                .await
                .unwrap();
            let cookie = r
                .headers()
                .get("set-cookie")
                .expect("session cookie")
                .to_str()
                .unwrap()
                .to_string();
            assert!(cookie.starts_with("EPSON_COOKIE_SESSION="), "{cookie}");
            if consumer {
                assert!(
                    cookie.starts_with("EPSON_COOKIE_SESSION=session&"),
                    "{cookie}"
                );
            }
            let (_, page) = get(&c, format!("{base}{P}/NWS_MAIL_BASIC/TOP")).await;
            assert!(input_value(&page, "INPUTT_SETUPTOKEN").is_some_and(|t| !t.is_empty()));
            assert!(page.contains("Authentication Method"));
            assert!(page.contains(">OAuth2<"));
        }
        // The wrong family's endpoint does not exist.
        let c = client();
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
        let base = &s.devices[i].http_url;
        let c = client();
        let page = login(&c, base, consumer, "wrong").await;
        assert!(page.contains("Incorrect"), "{page}");
        if !consumer {
            assert!(page.contains("Incorrect user name or password"));
        }
        for _ in 0..4 {
            login(&c, base, consumer, "wrong").await;
        }
        // Locked: even the right password is refused now.
        let page = login(&c, base, consumer, "epson-practice").await;
        assert!(page.contains("Try again later."), "{page}");
        assert!(w.device(i).unwrap().report().locked);
        w.clock().advance(301);
        let page = login(&c, base, consumer, "epson-practice").await;
        assert!(page.contains("Logged in"), "{page}");
        w.clock().advance(-301);
    }
    w.stop();
}

#[tokio::test]
async fn language_switch_and_english_labels() {
    let w = world(vec![DeviceConfig {
        language: Lang::De,
        ..device("WF-C5890 Series")
    }])
    .await;
    let base = w.summary().devices[0].http_url.clone();
    let c = client();
    login(&c, &base, false, "epson-practice").await;
    let (_, page) = get(&c, format!("{base}{P}/NWS_MAIL_BASIC/TOP")).await;
    assert!(page.contains("Authentifizierungsmethode"));
    assert!(!page.contains("Authentication Method"));
    let page = login(&c, &base, false, "nope").await;
    assert!(page.contains("Benutzername oder Kennwort ist falsch"));
    post(
        &c,
        format!("{base}{P}/COMMON/TOP"),
        &pairs(&[("SEL_LANGA", "1")]),
    )
    .await;
    let (_, page) = get(&c, format!("{base}{P}/NWS_MAIL_BASIC/TOP")).await;
    assert!(page.contains("Authentication Method"), "{page}");
    assert!(page.contains("Sender&#39;s Email Address"));
    w.stop();
}

#[tokio::test]
async fn frameset_menu_bonjour_and_firmware_without_oauth2() {
    let w = world(vec![device("WF-2930 Series"), device("WF-C5890 Series")]).await;
    let s = w.summary();
    let c = client();
    let base = &s.devices[0].http_url;
    let (_, top) = get(&c, format!("{base}{P}/COMMON/TOP")).await;
    assert!(top.contains("<frameset") && top.contains("name=\"contents\""));
    let (_, menu) = get(&c, format!("{base}{P}/COMMON/MENU")).await;
    assert!(menu.contains("Email Server") && menu.contains("NWS_MAIL_BASIC/TOP"));
    let (_, bonjour) = get(&c, format!("{base}/PRESENTATION/BONJOUR")).await;
    assert!(bonjour.contains("COMMON/TOP"));
    login(&c, base, true, "epson-practice").await;
    let (_, page) = get(&c, format!("{base}{P}/NWS_MAIL_BASIC/TOP")).await;
    assert!(page.contains("SMTP AUTH"));
    assert!(!page.contains("OAuth2"), "no OAuth2 on old firmware");
    // Posting OAuth2 anyway is refused, naming the field.
    let token = input_value(&page, "INPUTT_SETUPTOKEN").unwrap();
    let (_, page) = post(
        &c,
        format!("{base}{P}/NWS_MAIL_BASIC/SET"),
        &pairs(&[
            ("INPUTT_SETUPTOKEN", &token),
            ("SEL_SMTPAUTH", "OAUTH2"),
            ("btn_ok", "OK"),
        ]),
    )
    .await;
    assert!(
        page.contains("Invalid value: Authentication Method"),
        "{page}"
    );
    assert_eq!(
        w.device(0).unwrap().report().stored.auth_method,
        AuthMethod::SmtpAuth
    );
    w.stop();
}

#[tokio::test]
async fn two_step_save_validation_and_stale_token() {
    let w = world(vec![device("WF-C5890 Series")]).await;
    let base = w.summary().devices[0].http_url.clone();
    let c = client();
    let token = open_mail_form(&c, &base, false).await;

    // A sender with a forbidden character is refused by the form.
    let (_, page) = post(
        &c,
        format!("{base}{P}/NWS_MAIL_BASIC/SET"),
        &pairs(&[
            ("INPUTT_SETUPTOKEN", &token),
            ("INPUTT_SENDERADDR", "a;b@contoso.example"),
            ("btn_ok", "OK"),
        ]),
    )
    .await;
    assert!(page.contains("Invalid value: Sender"), "{page}");

    // Step one: the form answers a confirmation, nothing stored yet.
    let (_, confirm) = post(
        &c,
        format!("{base}{P}/NWS_MAIL_BASIC/SET"),
        &pairs(&[
            ("INPUTT_SETUPTOKEN", &token),
            ("INPUTT_SENDERADDR", "printer@contoso.example"),
            ("INPUTT_SMTPPORT", "2525"),
            ("btn_ok", "OK"),
        ]),
    )
    .await;
    assert!(confirm.contains("NWS_MAIL_BASIC/CONFIRM"), "{confirm}");
    assert_eq!(
        w.device(0).unwrap().report().stored.sender,
        "scanner@contoso.example"
    );
    // Step two: post the confirmation back with every hidden input.
    let hidden = all_hidden(&confirm);
    assert!(hidden.iter().any(|(k, _)| k == "INPUTT_SETUPTOKEN"));
    let (_, done) = post(&c, format!("{base}{P}/NWS_MAIL_BASIC/CONFIRM"), &hidden).await;
    assert!(
        done.contains("<div class=\"warning\">Setup complete.</div>"),
        "{done}"
    );
    let r = w.device(0).unwrap().report();
    assert_eq!(r.stored.sender, "printer@contoso.example");
    assert_eq!(r.stored.smtp_port, 2525);

    // A stale setup token is refused and nothing changes.
    let (_, page) = get(&c, format!("{base}{P}/NWS_MAIL_BASIC/TOP")).await;
    let token = input_value(&page, "INPUTT_SETUPTOKEN").unwrap();
    w.device(0).unwrap().make_setup_tokens_stale();
    let (_, page) = post(
        &c,
        format!("{base}{P}/NWS_MAIL_BASIC/SET"),
        &pairs(&[
            ("INPUTT_SETUPTOKEN", &token),
            ("INPUTT_SMTPPORT", "25"),
            ("btn_ok", "OK"),
        ]),
    )
    .await;
    assert!(page.contains("no longer valid"), "{page}");
    assert_eq!(w.device(0).unwrap().report().stored.smtp_port, 2525);
    w.stop();
}

#[tokio::test]
async fn faults_500_slow_and_restart_in_the_middle_of_a_save() {
    let w = world(vec![device("WF-C5890 Series")]).await;
    let base = w.summary().devices[0].http_url.clone();
    let dev = w.device(0).unwrap().clone();
    let c = client();
    dev.set_faults(printoauth_sim::device::DeviceFaults {
        http_500_next: 2,
        ..Default::default()
    });
    assert_eq!(get(&c, format!("{base}/PRESENTATION/BONJOUR")).await.0, 500);
    assert_eq!(get(&c, format!("{base}/PRESENTATION/BONJOUR")).await.0, 500);
    assert_eq!(get(&c, format!("{base}/PRESENTATION/BONJOUR")).await.0, 200);
    dev.set_faults(printoauth_sim::device::DeviceFaults {
        delay_ms: 300,
        ..Default::default()
    });
    let t0 = Instant::now();
    get(&c, format!("{base}/PRESENTATION/BONJOUR")).await;
    assert!(t0.elapsed() >= Duration::from_millis(300));

    dev.set_faults(printoauth_sim::device::DeviceFaults {
        restart_on_next_save: true,
        ..Default::default()
    });
    let token = open_mail_form(&c, &base, false).await;
    let (_, confirm) = post(
        &c,
        format!("{base}{P}/NWS_MAIL_BASIC/SET"),
        &pairs(&[
            ("INPUTT_SETUPTOKEN", &token),
            ("INPUTT_SMTPPORT", "2526"),
            ("btn_ok", "OK"),
        ]),
    )
    .await;
    let (_, page) = post(
        &c,
        format!("{base}{P}/NWS_MAIL_BASIC/CONFIRM"),
        &all_hidden(&confirm),
    )
    .await;
    assert!(page.contains("Shutting down"), "{page}");
    // Away while restarting, then back with the old settings and no session.
    assert_eq!(
        get(&c, format!("{base}{P}/NWS_MAIL_BASIC/TOP")).await.0,
        503
    );
    let r = dev.report();
    assert_eq!(r.stored.smtp_port, 587);
    assert_eq!(r.boot_count, 2);
    tokio::time::sleep(Duration::from_millis(
        printoauth_sim::device::RESTART_MS + 100,
    ))
    .await;
    let (status, page) = get(&c, format!("{base}{P}/NWS_MAIL_BASIC/TOP")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Log in as administrator"),
        "session gone after restart"
    );
    w.stop();
}

fn oauth_fields(consumer: bool) -> [(&'static str, &'static str); 3] {
    if consumer {
        [
            ("SEL_SMTPAUTH", "OAUTH2"),
            ("SEL_OAUTHSERVICE", "1"),
            ("INPUTT_FROMADDR", "scanner@contoso.example"),
        ]
    } else {
        [
            ("SEL_AUTHMETHOD", "3"),
            ("SEL_MAILSERVICE", "EXO"),
            ("INPUTT_SENDERADDR", "scanner@contoso.example"),
        ]
    }
}

async fn save_oauth2_signed_out(c: &reqwest::Client, base: &str, consumer: bool) {
    let token = open_mail_form(c, base, consumer).await;
    let mut form = pairs(&oauth_fields(consumer));
    form.push(("INPUTT_SETUPTOKEN".into(), token));
    form.push(("btn_ok".into(), "OK".into()));
    let (_, confirm) = post(c, format!("{base}{P}/NWS_MAIL_BASIC/SET"), &form).await;
    let (_, done) = post(
        c,
        format!("{base}{P}/NWS_MAIL_BASIC/CONFIRM"),
        &all_hidden(&confirm),
    )
    .await;
    assert!(done.contains("Setup complete."), "{done}");
}

/// Drives a device through the guide's steps up to the code; returns the user code.
async fn start_sign_in(c: &reqwest::Client, base: &str, consumer: bool) -> String {
    let [(auth, oauth), (svc, exo), (sender, _)] = oauth_fields(consumer);
    login(c, base, consumer, "epson-practice").await;
    let (_, page) = get(c, format!("{base}{P}/NWS_MAIL_BASIC/TOP")).await;
    assert!(page.contains("Microsoft Exchange Online"));
    let token = input_value(&page, "INPUTT_SETUPTOKEN").unwrap();
    let (_, page) = post(
        c,
        format!("{base}{P}/NWS_MAIL_BASIC/SET"),
        &pairs(&[
            ("INPUTT_SETUPTOKEN", &token),
            (auth, oauth),
            (svc, exo),
            (sender, "scanner@contoso.example"),
            ("btn_signin", "Sign In"),
        ]),
    )
    .await;
    assert!(page.contains("Sign in with Microsoft"), "{page}");
    assert!(page.contains("will be signed out automatically"));
    let (_, page) = post(
        c,
        format!("{base}{P}/NWS_MAIL_BASIC/SET"),
        &pairs(&[
            ("INPUTT_SETUPTOKEN", &token),
            ("btn_msft", "Sign in with Microsoft"),
        ]),
    )
    .await;
    let code = text_of_id(&page, "user_code").unwrap_or_else(|| panic!("no code in {page}"));
    assert!(page.contains("use a web browser to open the page"));
    assert!(page.contains(&format!("enter the code {code} to authenticate")));
    code
}

async fn wait_signed_in(c: &reqwest::Client, base: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (_, page) = get(c, format!("{base}{P}/NWS_MAIL_OAUTH/TOP")).await;
        if text_of_id(&page, "current_status").as_deref() == Some("Signed in") {
            return text_of_id(&page, "oauth_account").unwrap();
        }
        assert!(Instant::now() < deadline, "never signed in: {page}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Follows the identity emulator's pages as the admin does in a browser.
async fn consent_in_browser(verification_uri: &str, code: &str, upn: &str, password: &str) {
    let c = client();
    let mut page = post(&c, verification_uri.to_string(), &pairs(&[("otc", code)]))
        .await
        .1;
    let mut steps = 0;
    while !page.contains("id=\"message\"") {
        steps += 1;
        assert!(steps < 8, "stuck at {page}");
        let action = {
            let i = page.find("<form").unwrap();
            let a = page[i..].find("action=\"").unwrap() + i + 8;
            let e = page[a..].find('"').unwrap() + a;
            page[a..e].replace("&amp;", "&")
        };
        let base = verification_uri.trim_end_matches("/devicelogin");
        let url = if action.starts_with("http") {
            action
        } else {
            format!("{base}{action}")
        };
        let mut form = all_hidden(&page);
        if page.contains("name=\"loginfmt\"") {
            form.push(("loginfmt".into(), upn.into()));
        } else if page.contains("name=\"passwd\"") {
            form.push(("passwd".into(), password.into()));
        } else if page.contains("id=\"KmsiDescription\"") {
            form.push(("kmsi".into(), "no".into()));
        } else if page.contains("id=\"appConfirmText\"") {
            form.push(("action".into(), "continue".into()));
        } else if page.contains("name=\"consent_org\"") {
            form.push(("consent_org".into(), "on".into()));
            form.push(("accept".into(), "Accept".into()));
        } else {
            panic!("unexpected page {page}");
        }
        page = post(&c, url, &form).await.1;
    }
}

async fn save_ok(c: &reqwest::Client, base: &str) {
    let (_, page) = get(c, format!("{base}{P}/NWS_MAIL_BASIC/TOP")).await;
    let token = input_value(&page, "INPUTT_SETUPTOKEN").unwrap();
    let (_, confirm) = post(
        c,
        format!("{base}{P}/NWS_MAIL_BASIC/SET"),
        &pairs(&[("INPUTT_SETUPTOKEN", &token), ("btn_ok", "OK")]),
    )
    .await;
    let (_, done) = post(
        c,
        format!("{base}{P}/NWS_MAIL_BASIC/CONFIRM"),
        &all_hidden(&confirm),
    )
    .await;
    assert!(done.contains("Setup complete."), "{done}");
}

#[tokio::test]
async fn device_signs_in_saves_and_scan_to_email_lands_in_the_mailbox() {
    let w = world(vec![device("WF-C5890 Series"), device("ET-4850 Series")]).await;
    let s = w.summary();
    for (i, consumer) in [(0, false), (1, true)] {
        let base = &s.devices[i].https_url;
        let dev = w.device(i).unwrap().clone();
        let c = client();
        // Before: Basic auth, which Exchange refuses.
        let job = dev.scan_to_email(RECIPIENT, 1).await;
        assert!(
            matches!(&job.result, JobResult::Failed { detail, .. } if detail.contains("5.7.30")),
            "{job:?}"
        );
        // OAuth2 saved without signing in: the device asks for a sign-in (370).
        save_oauth2_signed_out(&c, base, consumer).await;
        let job = dev.scan_to_email(RECIPIENT, 1).await;
        assert!(
            matches!(
                job.result,
                JobResult::Failed {
                    code: Some(370),
                    ..
                }
            ),
            "{job:?}"
        );

        let code = start_sign_in(&c, base, consumer).await;
        if i == 0 {
            consent_in_browser(
                &s.identity.verification_uri,
                &code,
                "admin@contoso.example",
                "Practice-Admin-1",
            )
            .await;
        } else {
            w.identity()
                .approve(
                    &code,
                    "scanner@contoso.example",
                    "Practice-Scanner-1",
                    false,
                )
                .unwrap();
        }
        let account = wait_signed_in(&c, base).await;
        let expect = if i == 0 {
            "admin@contoso.example"
        } else {
            "scanner@contoso.example"
        };
        assert_eq!(account, expect);

        // Signed in but not saved: the device still cannot mail.
        assert_eq!(dev.report().committed_account, None);
        let job = dev.scan_to_email(RECIPIENT, 1).await;
        assert_eq!(
            job.result_text().split(':').next().unwrap(),
            "Error 370",
            "{job:?}"
        );
        assert_eq!(
            dev.report().panel_message.as_deref(),
            Some("You need to sign in to your email service. Contact your administrator.")
        );

        save_ok(&c, base).await;
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
            assert_eq!(m.auth_user, "scanner@contoso.example");
            assert!(m.data.contains("scan.pdf"));
            assert!(m.subject.as_deref().unwrap().contains("ET-4850"));
        }
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
    let base = &s.devices[0].http_url;
    let dev = w.device(0).unwrap().clone();
    let c = client();
    let code = start_sign_in(&c, base, false).await;
    w.identity()
        .approve(
            &code,
            "scanner@contoso.example",
            "Practice-Scanner-1",
            false,
        )
        .unwrap();
    wait_signed_in(&c, base).await;
    save_ok(&c, base).await;
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
    assert!(
        matches!(
            job.result,
            JobResult::Failed {
                code: Some(360),
                ..
            }
        ),
        "{job:?}"
    );

    // Long disuse: the refresh token lapsed: 361, and the device says it expired.
    dev.expire_tokens();
    let job = dev.scan_to_email(RECIPIENT, 1).await;
    assert!(
        matches!(&job.result, JobResult::Failed { code: Some(361), detail } if detail.contains("700082")),
        "{job:?}"
    );
    assert!(matches!(dev.report().oauth, OAuthState::Expired { .. }));

    // Sign in again, save: mail works again; then sessions revoked: 370.
    let code = start_sign_in(&c, base, false).await;
    w.identity()
        .approve(
            &code,
            "scanner@contoso.example",
            "Practice-Scanner-1",
            false,
        )
        .unwrap();
    wait_signed_in(&c, base).await;
    save_ok(&c, base).await;
    assert_eq!(
        dev.scan_to_email(RECIPIENT, 1).await.result,
        JobResult::Succeeded
    );
    w.tenant().revoke_sessions("scanner@contoso.example");
    w.clock().advance(2 * 3600);
    let job = dev.scan_to_email(RECIPIENT, 1).await;
    assert!(
        matches!(
            job.result,
            JobResult::Failed {
                code: Some(370),
                ..
            }
        ),
        "{job:?}"
    );

    // The job history page and its CSV export carry the codes. (Hours of world time
    // have passed: the session has lapsed, so log in again.)
    let (_, page) = get(&c, format!("{base}{P}/INFO_JOBHISTORY/TOP")).await;
    assert!(page.contains("Log in as administrator"));
    login(&c, base, false, "epson-practice").await;
    let (_, page) = get(&c, format!("{base}{P}/INFO_JOBHISTORY/TOP")).await;
    let token = input_value(&page, "INPUTT_SETUPTOKEN").unwrap();
    let csv = c
        .post(format!("{base}{P}/INFO_JOBHISTORY/OUTPUT.CSV"))
        .form(&pairs(&[
            ("INPUTT_SETUPTOKEN", &token),
            ("INPUTD_HISTORYTYPE", "ALL"),
        ]))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "Receipt No.,Date/Time,Completed,Type,Result,Pages,From,To,File Name"
    );
    let results: Vec<_> = lines.map(|l| csv_fields(l)[4].clone()).collect();
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
    let w = world(vec![
        DeviceConfig {
            additional_network: true,
            ..device("WF-C879R Series")
        },
        device("WF-C5890 Series"),
    ])
    .await;
    let s = w.summary();
    let c = client();
    let base = &s.devices[0].http_url;
    let token = open_mail_form(&c, base, false).await;
    let (_, page) = post(
        &c,
        format!("{base}{P}/NWS_MAIL_BASIC/SET"),
        &pairs(&[
            ("INPUTT_SETUPTOKEN", &token),
            ("SEL_AUTHMETHOD", "3"),
            ("btn_signin", "Sign In"),
        ]),
    )
    .await;
    assert!(page.contains("additional network"), "{page}");
    let (_, page) = get(&c, format!("{base}{P}/INFO_NWINFO/TOP")).await;
    assert!(page.contains("Additional network"));

    // Fax > Fax Server > Email Server Settings with OAuth2, two-step save.
    let base = &s.devices[1].http_url;
    let c = client();
    login(&c, base, false, "epson-practice").await;
    let (_, page) = get(&c, format!("{base}{P}/FAX_SERVER_MAIL/TOP")).await;
    assert!(page.contains("Email Server Settings") && page.contains(">OAuth2<"));
    let token = input_value(&page, "INPUTT_SETUPTOKEN").unwrap();
    let (_, confirm) = post(
        &c,
        format!("{base}{P}/FAX_SERVER_MAIL/SET"),
        &pairs(&[
            ("INPUTT_SETUPTOKEN", &token),
            ("SEL_FAXAUTHMETHOD", "3"),
            ("INPUTT_FAXSMTPSERVER", "smtp.fax-provider.example"),
            ("INPUTT_FAXSMTPPORT", "587"),
            ("btn_ok", "OK"),
        ]),
    )
    .await;
    let (_, done) = post(
        &c,
        format!("{base}{P}/FAX_SERVER_MAIL/CONFIRM"),
        &all_hidden(&confirm),
    )
    .await;
    assert!(done.contains("Setup complete."), "{done}");
    assert_eq!(
        w.device(1).unwrap().report().fax_stored.auth_method,
        AuthMethod::OAuth2
    );
    w.stop();
}

#[tokio::test]
async fn control_api_reads_state_and_injects_faults() {
    let w = world(vec![device("WF-C5890 Series")]).await;
    let url = w.control_url();
    let c = reqwest::Client::new();
    let summary: serde_json::Value = c
        .get(format!("{url}/world"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(summary["devices"][0]["model"], "WF-C5890 Series");
    assert!(summary["ca_pem"]
        .as_str()
        .unwrap()
        .contains("BEGIN CERTIFICATE"));
    let r = c
        .post(format!("{url}/devices/0/lockout"))
        .send()
        .await
        .unwrap();
    let report: serde_json::Value = r.json().await.unwrap();
    assert_eq!(report["locked"], true);
    let r: serde_json::Value = c
        .put(format!("{url}/devices/0/faults"))
        .json(&serde_json::json!({"http_500_next": 1}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["http_500_next"], 1);
    let r: serde_json::Value = c
        .post(format!("{url}/clock/advance"))
        .json(&serde_json::json!({"seconds": 60}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["offset_seconds"], 60);
    let r: serde_json::Value = c
        .patch(format!("{url}/tenant"))
        .json(&serde_json::json!({"security_defaults": true}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["security_defaults"], true);
    assert!(w.tenant().config().security_defaults);
    assert_eq!(
        c.get(format!("{url}/devices/9"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        404
    );
    w.stop();
}
