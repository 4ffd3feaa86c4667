//! The structure of the emulated Web Config pages, checked with a plain HTML parser
//! against the reference's captures of real devices: definition lists of label/value
//! pairs, script buttons outside the forms that name an existing form, the log-in
//! form in place of protected pages with the real field names (blank user name,
//! session type, consumer `dummy=`), the language form, both save styles, languages,
//! Network Status tabs, the sign-in status page's refresh form, the job history CSV,
//! the older table layout, and a device whose TLS is too old.

use std::sync::Arc;

use printoauth_sim::config::{DeviceConfig, Lang, WorldConfig};
use printoauth_sim::models::{self, Markup, SaveStyle, SessionType};
use printoauth_sim::world::World;
use printoauth_testkit::browser::{self, bare_label, sel, text_of, Browser, Doc};
use printoauth_testkit::practice::{csv_fields, device, v, world, DEVICE_PW as PW};
use scraper::ElementRef;

const P: &str = "/PRESENTATION/ADVANCED";
const MAIL: &str = "/PRESENTATION/ADVANCED/NWS_MAIL_BASIC/TOP";
const STRICT: &str =
    "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\">";

fn in_form(e: ElementRef) -> bool {
    e.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| a.value().name() == "form")
}

/// The log-in fields a business form sends, as the page has them.
async fn log_in_business(
    b: &Browser,
    user: &str,
    password: &str,
    session_type: Option<&str>,
) -> Doc {
    let page = b.get(&format!("{P}/PASSWORD/TOP")).await;
    let mut values = v(&[("INPUTT_USERNAME", user), ("INPUTT_PASSWORD", password)]);
    if let Some(st) = session_type {
        values.push(("SEL_SESSIONTYPE".into(), st.into()));
    }
    b.press(&page, "OK", &values).await
}

async fn log_in(b: &Browser) -> Doc {
    let page = b.get(&format!("{P}/PASSWORD/TOP")).await;
    let fields = page.button("OK").form;
    let name = if fields.get("INPUTT_PASSWORD").is_some() {
        "INPUTT_PASSWORD"
    } else {
        "session"
    };
    let doc = b.press(&page, "OK", &v(&[(name, PW)])).await;
    assert!(doc.set_cookie.is_some(), "{}", doc.body);
    doc
}

/// Checks one page against the captured structure; returns the number of label/value
/// pairs it has.
fn check_captured(doc: &Doc, model: &str) -> usize {
    let what = &doc.url;
    assert_eq!(doc.status, 200, "{what}");
    assert!(doc.body.starts_with(STRICT), "{what}: doctype");
    assert_eq!(
        doc.select("meta[name=Author]")
            .first()
            .and_then(|m| m.value().attr("content")),
        Some("SEIKO EPSON"),
        "{what}"
    );
    assert_eq!(doc.title(), model, "{what}: the model only in <title>");
    let header = doc.select("div.header-main");
    assert_eq!(header.len(), 1, "{what}");
    assert!(!text_of(header[0]).is_empty());
    assert!(!text_of(header[0]).contains(model), "{what}");
    // Upper- and lower-case tags both occur in the source.
    assert!(
        doc.body.contains("<HTML") && doc.body.contains("<div"),
        "{what}"
    );
    assert!(doc.select("label[for]").is_empty(), "{what}: no label[for]");
    assert!(
        doc.select("input[type=submit]").is_empty(),
        "{what}: no submit inputs"
    );
    assert!(
        doc.select("meta[http-equiv=refresh]").is_empty(),
        "{what}: no meta refresh"
    );

    // dl.values: dt.key > span.key ("Label&nbsp;:") then dd.value.
    let mut pairs = 0;
    for dl in doc.select("dl.values") {
        assert!(
            dl.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().name() == "div" && a.value().classes().any(|c| c == "section")),
            "{what}: dl.values outside div.section"
        );
        let kids: Vec<_> = dl.children().filter_map(ElementRef::wrap).collect();
        assert!(!kids.is_empty() && kids.len() % 2 == 0, "{what}");
        for pair in kids.chunks(2) {
            let (dt, dd) = (pair[0], pair[1]);
            assert_eq!(dt.value().name(), "dt", "{what}");
            assert!(dt.value().classes().any(|c| c == "key"));
            let span = dt.select(&sel("span.key")).next().expect("span.key");
            let label: String = span.text().collect();
            assert!(label.ends_with("\u{a0}:"), "{what}: {label:?}");
            assert!(!bare_label(&label).is_empty());
            assert_eq!(dd.value().name(), "dd", "{what}");
            assert!(dd.value().classes().any(|c| c == "value"));
            let control = dd.select(&sel("input, select")).next().is_some();
            let readonly = dd.select(&sel("div.preserve-white-space")).next().is_some();
            assert!(
                control || readonly,
                "{what}: dd holds neither: {}",
                dd.html()
            );
            pairs += 1;
        }
    }
    // Buttons: type=button, class button, onclick ending "return false;", naming a
    // form of the page (directly or through a function of the page's script).
    let form_ids: Vec<String> = doc
        .select("form")
        .iter()
        .filter_map(|f| f.value().id().map(str::to_string))
        .collect();
    for b in doc.select("button") {
        assert_eq!(b.value().attr("type"), Some("button"), "{what}");
        assert!(b.value().classes().any(|c| c == "button"), "{what}");
        let onclick = b.value().attr("onclick").unwrap_or("");
        assert!(
            onclick.trim_end().ends_with("return false;"),
            "{what}: {onclick}"
        );
        let target = browser::form_named_in(onclick).or_else(|| {
            let f = browser::function_called(onclick)?;
            browser::form_named_in(&doc.function_body(&f)?)
        });
        let target = target.unwrap_or_else(|| panic!("{what}: {onclick} names no form"));
        assert!(
            form_ids.contains(&target),
            "{what}: {target} not on the page"
        );
    }
    for b in doc.select("div.footer > ul.buttons > li.button > button") {
        assert!(!in_form(b), "{what}: footer button inside a form");
    }
    assert_eq!(
        doc.select("div.footer button").len(),
        doc.select("div.footer > ul.buttons > li.button > button")
            .len()
    );
    pairs
}

fn check_lang_form(doc: &Doc, selected: &str) {
    let form = doc.select("form#lang_form");
    assert_eq!(form.len(), 1, "{}", doc.url);
    assert_eq!(
        form[0].value().attr("action"),
        Some(&*format!("{P}/COMMON/TOP"))
    );
    let opts: Vec<(String, String)> = form[0]
        .select(&sel("select[name=SEL_LANGA] option"))
        .map(|o| (o.value().attr("value").unwrap().to_string(), text_of(o)))
        .collect();
    assert_eq!(
        opts,
        v(&[
            ("1", "English"),
            ("2", "Français"),
            ("3", "Italiano"),
            ("4", "Deutsch")
        ])
    );
    assert_eq!(browser::read_form(form[0]).get("SEL_LANGA"), Some(selected));
}

#[tokio::test]
async fn every_page_of_captured_devices_has_the_captured_structure() {
    let models_ = [
        "WF-C5890 Series",
        "AM-C4000 Series",
        "ET-4850 Series",
        "WF-C879R Series",
        "WF-2930 Series",
    ];
    let w = world(models_.iter().map(|m| device(m)).collect()).await;
    let s = w.summary();
    for (i, model) in models_.iter().enumerate() {
        let spec = models::find(model).unwrap();
        assert_eq!(spec.markup, Markup::Captured);
        let b = Browser::new(&s.devices[i].http_url);
        let login = b.get(&format!("{P}/PASSWORD/TOP")).await;
        assert!(check_captured(&login, model) >= 1);
        log_in(&b).await;
        let mut pages = vec![
            "/PRESENTATION/HTML/TOP/INDEX.HTML".to_string(),
            "/PRESENTATION/BONJOUR".into(),
            format!("{P}/COMMON/HEADER"),
            format!("{P}/COMMON/MENU"),
            format!("{P}/INFO_PRTINFO/TOP"),
            format!("{P}/INFO_NWINFO/TOP"),
            MAIL.into(),
            format!("{P}/NWS_MAIL_OAUTH/TOP"),
            format!("{P}/NWS_MAIL_CONNECTTEST/TOP"),
            format!("{P}/INFO_JOBHISTORY/TOP"),
            format!("{P}/NW_BASIC/TOP"),
            format!("{P}/NW_SERVICE_PRTCL/TOP"),
            format!("{P}/NWS_CERT_SSLTLS/TOP"),
            format!("{P}/ADMIN_PASSWORDSET_CHANGE/TOP"),
        ];
        if spec.fax {
            pages.push(format!("{P}/FAX_SERVER_MAIL/TOP"));
        }
        for path in &pages {
            let doc = b.get(path).await;
            check_captured(&doc, model);
        }
        // Content pages carry the language form; read-only values are in
        // div.preserve-white-space.
        let status = b.get(&format!("{P}/INFO_PRTINFO/TOP")).await;
        check_lang_form(&status, "1");
        assert!(check_captured(&status, model) >= 2);
        assert!(status.value("Firmware").is_some());
        assert!(status.value("Printer Name").is_none());
        assert!(status.value("Email Server Status").is_none());
        assert!(!status.body.contains("Email Server Status"));

        // Email Server > Basic: the settings form and its OK button outside it.
        let mail = b.get(MAIL).await;
        assert!(check_captured(&mail, model) >= 9);
        check_lang_form(&mail, "1");
        assert!(mail.has_form("input_form"));
        let ok = mail.button("OK");
        assert_eq!(ok.form.id, "input_form");
        assert!(ok
            .form
            .get("INPUTT_SETUPTOKEN")
            .is_some_and(|t| !t.is_empty()));
        let footer: Vec<_> = mail.select("div.footer button");
        assert_eq!(footer.len(), 1);
        assert_eq!(text_of(footer[0]), "OK");
        let has_oauth = s.devices[i].oauth2_available;
        if has_oauth {
            // Current Status is read-only in its dd, with an inline Sign In that
            // submits a separate small form.
            assert_eq!(mail.value("Current Status").as_deref(), Some("Signed out"));
            let sign_in = mail.button("Sign In");
            assert_ne!(sign_in.form.id, "input_form");
            assert_eq!(
                sign_in
                    .form
                    .fields
                    .iter()
                    .map(|(k, _)| k.as_str())
                    .collect::<Vec<_>>(),
                vec!["INPUTT_SETUPTOKEN"]
            );
            assert!(mail
                .body
                .contains("Any other email services signed in will be signed out automatically"));
            let signin_page = b.press(&mail, "Sign In", &[]).await;
            check_captured(&signin_page, model);
            assert!(signin_page.control_name("Email service").is_some());
            assert!(signin_page.has_button("Sign in with Microsoft"));
            assert!(signin_page
                .body
                .contains("Any other email services signed in will be signed out automatically"));
        } else {
            assert!(!mail.has_button("Sign In"));
        }
        // The guide's note on the additional network, as plain text, although every
        // device here is reached over its standard network.
        let note = "the additional network does not support OAuth 2.0";
        assert_eq!(
            mail.body.contains(note),
            has_oauth || spec.additional_network_capable,
            "{model}"
        );

        // Saving in the model's style.
        let sender = mail.control_name("Sender's Email Address").unwrap();
        let first = b
            .press(&mail, "OK", &v(&[(&sender, "mfp@contoso.example")]))
            .await;
        check_captured(&first, model);
        let done = match spec.save_style {
            SaveStyle::Confirm => {
                let confirm = first.button("OK");
                assert_eq!(confirm.form.id, "confirm_form");
                assert!(first.message("warning").is_none());
                assert_eq!(
                    w.device(i).unwrap().report().stored.sender,
                    "scanner@contoso.example"
                );
                let done = b.press(&first, "OK", &[]).await;
                check_captured(&done, model);
                done
            }
            SaveStyle::Immediate => {
                assert!(!first.has_form("confirm_form"));
                first
            }
        };
        assert_eq!(done.message("warning").as_deref(), Some("Setup complete."));
        assert_eq!(
            w.device(i).unwrap().report().stored.sender,
            "mfp@contoso.example"
        );

        // Job history: its export button names the export form.
        let jobs = b.get(&format!("{P}/INFO_JOBHISTORY/TOP")).await;
        let export = jobs.button("Export to CSV");
        assert_eq!(export.form.get("INPUTD_HISTORYTYPE"), Some("ALL"));

        // Network settings answer "Shutting down".
        let nw = b.get(&format!("{P}/NW_BASIC/TOP")).await;
        let down = b.press(&nw, "OK", &[]).await;
        check_captured(&down, model);
        assert!(down
            .message("warning")
            .is_some_and(|m| m.starts_with("Shutting down")));
    }
    // Both save styles occur among the models checked.
    let styles: Vec<_> = models_
        .iter()
        .map(|m| models::find(m).unwrap().save_style)
        .collect();
    assert!(styles.contains(&SaveStyle::Immediate) && styles.contains(&SaveStyle::Confirm));
    w.stop();
}

#[tokio::test]
async fn the_log_in_form_answers_in_place_of_every_protected_page() {
    let w = world(vec![
        device("WF-C5890 Series"),
        device("AM-C4000 Series"),
        device("ET-4850 Series"),
    ])
    .await;
    let s = w.summary();
    let protected = [
        MAIL.to_string(),
        format!("{P}/NWS_MAIL_OAUTH/TOP"),
        format!("{P}/NWS_MAIL_SIGNIN/TOP"),
        format!("{P}/NWS_MAIL_CONNECTTEST/TOP"),
        format!("{P}/INFO_JOBHISTORY/TOP"),
        format!("{P}/NW_BASIC/TOP"),
        format!("{P}/ADMIN_PASSWORDSET_CHANGE/TOP"),
        format!("{P}/FAX_SERVER_MAIL/TOP"),
    ];
    for (i, consumer) in [(0, false), (1, false), (2, true)] {
        let spec = models::find(&s.devices[i].model).unwrap();
        let b = Browser::new(&s.devices[i].https_url);
        for path in &protected {
            let doc = b.get(path).await;
            assert_eq!(doc.status, 200, "{path}");
            check_captured(&doc, spec.name);
            assert!(!doc.body.contains("INPUTT_SETUPTOKEN"));
            // The OK button calls a function of the page's script.
            let button = doc.select("div.footer button")[0];
            let onclick = button.value().attr("onclick").unwrap();
            assert_eq!(onclick, "OnSetButton(); return false;");
            assert!(doc.function_body("OnSetButton").is_some());
            let form = doc.button("OK").form;
            let names: Vec<&str> = form.fields.iter().map(|(k, _)| k.as_str()).collect();
            if consumer {
                assert_eq!(form.action, "/PRESENTATION/PSWD");
                for (k, val) in [
                    ("from", "top"),
                    ("trigger", "set"),
                    ("access", "https"),
                    ("dummy", ""),
                ] {
                    assert_eq!(form.get(k), Some(val), "{k}");
                }
                assert!(names.contains(&"session"));
                assert!(!names.contains(&"INPUTT_USERNAME"));
            } else {
                assert_eq!(form.action, format!("{P}/PASSWORD/SET"));
                assert_eq!(form.get("INPUTT_USERNAME"), Some(""), "blank by default");
                assert_eq!(form.get("INPUTT_PASSWORD"), Some(""));
                assert_eq!(form.get("INPUTT_ACCSESSMETHOD"), Some("0"));
                assert_eq!(form.get("INPUTT_DUMMY"), Some(""));
                assert_eq!(form.get("access"), Some("https"));
                let visible_select = !doc.select("select[name=SEL_SESSIONTYPE]").is_empty();
                assert_eq!(visible_select, spec.session_type == SessionType::Select);
                assert_eq!(
                    form.get("SEL_SESSIONTYPE").is_some(),
                    spec.session_type != SessionType::Absent
                );
            }
        }
    }
    w.stop();
}

#[tokio::test]
async fn blank_user_name_by_default_and_a_named_administrator() {
    let w = world(vec![device("AM-C4000 Series")]).await;
    let s = w.summary();
    assert_eq!(s.devices[0].admin_user.as_deref(), Some(""));
    let b = Browser::new(&s.devices[0].http_url);
    let refused = log_in_business(&b, "admin", PW, None).await;
    assert!(refused.set_cookie.is_none());
    assert_eq!(
        refused.message("error").as_deref(),
        Some("Incorrect user name or password.")
    );
    let ok = log_in_business(&b, "", PW, None).await;
    assert!(ok.set_cookie.is_some(), "{}", ok.body);
    assert!(b.get(MAIL).await.body.contains("INPUTT_SETUPTOKEN"));
    w.stop();

    let w = World::start(WorldConfig::named_admin_user()).await.unwrap();
    let s = w.summary();
    assert_eq!(s.devices[0].admin_user.as_deref(), Some("printadmin"));
    let pw = s.devices[0].admin_password.clone();
    let b = Browser::new(&s.devices[0].http_url);
    for wrong in ["", "admin"] {
        let doc = log_in_business(&b, wrong, &pw, None).await;
        assert!(doc.set_cookie.is_none(), "{wrong:?}");
        assert!(doc.body.contains("Incorrect user name or password"));
    }
    let doc = log_in_business(&b, "printadmin", &pw, None).await;
    assert!(doc.set_cookie.is_some(), "{}", doc.body);
    assert!(b.get(MAIL).await.body.contains("INPUTT_SETUPTOKEN"));
    w.stop();
}

#[tokio::test]
async fn session_type_select_and_strict_log_in_posts() {
    let w = world(vec![device("WF-C5890 Series"), device("ET-4850 Series")]).await;
    let s = w.summary();
    let b = Browser::new(&s.devices[0].http_url);
    let page = b.get(&format!("{P}/PASSWORD/TOP")).await;
    let name = page
        .control_name("Log in as")
        .expect("a visible session type");
    assert_eq!(name, "SEL_SESSIONTYPE");
    assert_eq!(
        page.option_value(&name, "Administrator").as_deref(),
        Some("ADMIN")
    );
    let user = page.option_value(&name, "General User").unwrap();
    assert_ne!(user, "ADMIN");
    // A general user's session opens no administrator page.
    let doc = log_in_business(&b, "", PW, Some(&user)).await;
    assert!(doc.set_cookie.is_some());
    assert!(b.get(MAIL).await.body.contains("INPUTT_PASSWORD"));

    // Every field of the form must be posted; a short post is refused and does not
    // count towards the lock-out.
    let full = v(&[
        ("INPUTT_USERNAME", ""),
        ("INPUTT_PASSWORD", PW),
        ("INPUTT_ACCSESSMETHOD", "0"),
        ("INPUTT_DUMMY", ""),
        ("access", "https"),
        ("SEL_SESSIONTYPE", "ADMIN"),
    ]);
    for _ in 0..2 {
        for skip in 0..full.len() {
            let c = Browser::new(&s.devices[0].http_url);
            let mut form = full.clone();
            form.remove(skip);
            let doc = c.post(&format!("{P}/PASSWORD/SET"), &form).await;
            assert!(doc.set_cookie.is_none(), "without {}", full[skip].0);
            assert!(doc.body.contains("Incorrect user name or password"));
        }
    }
    assert!(!w.device(0).unwrap().report().locked);
    let c = Browser::new(&s.devices[0].http_url);
    let doc = c.post(&format!("{P}/PASSWORD/SET"), &full).await;
    assert!(doc.set_cookie.is_some(), "{}", doc.body);
    assert!(c.get(MAIL).await.body.contains("INPUTT_SETUPTOKEN"));

    // Consumer: session, from, trigger, access and dummy=.
    let mut consumer = v(&[
        ("session", PW),
        ("from", "top"),
        ("trigger", "set"),
        ("access", "https"),
    ]);
    let c = Browser::new(&s.devices[1].http_url);
    let doc = c.post("/PRESENTATION/PSWD", &consumer).await;
    assert!(doc.set_cookie.is_none(), "dummy= is part of the form");
    consumer.push(("dummy".into(), String::new()));
    let doc = c.post("/PRESENTATION/PSWD", &consumer).await;
    assert!(doc
        .set_cookie
        .is_some_and(|k| k.starts_with("EPSON_COOKIE_SESSION=session&")));
    w.stop();
}

#[tokio::test]
async fn french_and_german_first_devices_speak_their_language_everywhere() {
    let w = world(vec![
        DeviceConfig {
            language: Lang::Fr,
            ..device("ET-4850 Series")
        },
        DeviceConfig {
            language: Lang::De,
            ..device("WF-C5890 Series")
        },
        DeviceConfig {
            language: Lang::It,
            ..device("AM-C4000 Series")
        },
    ])
    .await;
    let s = w.summary();
    let cases = [
        (
            "2",
            "Connexion de l'administrateur",
            "Méthode d'authentification",
            "Configuration terminée.",
            "État du produit",
        ),
        (
            "4",
            "Administratoranmeldung",
            "Authentifizierungsmethode",
            "Einrichtung ist abgeschlossen.",
            "Produktstatus",
        ),
        (
            "3",
            "Accesso amministratore",
            "Metodo di autenticazione",
            "Configurazione completata.",
            "Stato prodotto",
        ),
    ];
    for (i, (langa, login_title, auth, complete, status_title)) in cases.iter().enumerate() {
        let model = &s.devices[i].model;
        let b = Browser::new(&s.devices[i].http_url);
        let login = b.get(MAIL).await;
        assert_eq!(login.heading(), *login_title);
        check_captured(&login, model);
        log_in(&b).await;
        let status = b.get(&format!("{P}/INFO_PRTINFO/TOP")).await;
        assert_eq!(status.heading(), *status_title);
        check_lang_form(&status, langa);
        check_captured(&status, model);
        let mail = b.get(MAIL).await;
        check_captured(&mail, model);
        assert!(mail.control_name(auth).is_some(), "{}", mail.body);
        // No English label is left on the page.
        for en in [
            "Authentication Method",
            "Current Status",
            "Sender's Email Address",
        ] {
            assert!(
                mail.control_name(en).is_none() && mail.value(en).is_none(),
                "{en}"
            );
        }
        // "Sign in with Microsoft" and the product names stay as Epson prints them.
        let (_, oauth2) = mail.choose(auth, "OAuth2");
        assert!(!oauth2.is_empty());
        let mut doc = b.press(&mail, "OK", &[]).await;
        if doc.has_form("confirm_form") {
            doc = b.press(&doc, "OK", &[]).await;
        }
        assert_eq!(doc.message("warning").as_deref(), Some(*complete));
        check_captured(&doc, model);
    }
    w.stop();
}

#[tokio::test]
async fn network_status_has_a_tab_per_interface() {
    let w = world(vec![
        DeviceConfig {
            additional_network: true,
            ..device("WF-C879R Series")
        },
        device("WF-C879R Series"),
        device("WF-C5890 Series"),
    ])
    .await;
    let s = w.summary();
    for i in 0..3 {
        let d = &s.devices[i];
        let b = Browser::new(&d.http_url);
        let doc = b.get(&format!("{P}/INFO_NWINFO/TOP")).await;
        check_captured(&doc, &d.model);
        assert!(doc.function_body("showDiv").is_some());
        let tabs = doc.select("ul.tabs > li.tab");
        assert!(tabs
            .iter()
            .all(|t| t.value().attr("onclick") == Some("showDiv(this)")));
        let panes = doc.select("div.tabbed-pane");
        assert_eq!(tabs.len(), panes.len());
        let names: Vec<String> = tabs.iter().map(|t| text_of(*t)).collect();
        let pane_ip = |k: usize| {
            let pane = panes[k];
            let mut ip = None;
            let mut labels = Vec::new();
            let dts: Vec<_> = pane.select(&sel("dt")).collect();
            let dds: Vec<_> = pane.select(&sel("dd")).collect();
            for (dt, dd) in dts.iter().zip(dds.iter()) {
                let l = bare_label(&text_of(*dt));
                if l == "IP Address" {
                    ip = Some(text_of(*dd));
                }
                labels.push(l);
            }
            assert!(labels.contains(&"MAC Address".to_string()));
            assert!(labels.contains(&"Device Name".to_string()));
            ip.unwrap()
        };
        let here = d.ip.to_string();
        match i {
            0 => {
                assert_eq!(names, ["Wired LAN", "Additional Network"]);
                assert_eq!(pane_ip(1), here, "reached over the additional network");
                assert!(pane_ip(0).starts_with("192.0.2."));
            }
            1 => {
                assert_eq!(names, ["Wired LAN", "Additional Network"]);
                assert_eq!(pane_ip(0), here);
                assert!(pane_ip(1).starts_with("192.0.2."));
            }
            _ => {
                assert_eq!(names, ["Wired LAN"]);
                assert_eq!(pane_ip(0), here);
            }
        }
    }
    w.stop();
}

#[tokio::test]
async fn sign_in_status_page_refreshes_through_a_get_form_with_tm() {
    let w = world(vec![device("ET-4850 Series"), device("WF-C20590 Series")]).await;
    let s = w.summary();
    for i in 0..2 {
        let b = Browser::new(&s.devices[i].http_url);
        log_in(&b).await;
        let mail = b.get(MAIL).await;
        let method = mail.choose("Authentication Method", "OAuth2");
        let signin = b.press(&mail, "Sign In", &[method]).await;
        let code_page = b.press(&signin, "Sign in with Microsoft", &[]).await;
        let code = code_page.value("Authentication code").unwrap();
        let url = code_page.value("URL").unwrap();
        assert_eq!(url, s.identity.verification_uri);
        let sentence = format!(
            "To sign in, use a web browser to open the page {url} and enter the code {code} to authenticate."
        );
        assert!(code_page.body.contains(&sentence));
        if i == 0 {
            check_captured(&code_page, &s.devices[i].model);
            let refresh = code_page.button("Refresh").form;
            assert_eq!(refresh.id, "refresh_form");
            assert_eq!(refresh.method, "get");
            let tm = refresh.get("tm").expect("tm");
            assert!(tm.parse::<i64>().is_ok(), "{tm}");
            let again = b.press(&code_page, "Refresh", &[]).await;
            check_captured(&again, &s.devices[i].model);
            assert_eq!(again.value("Authentication code"), Some(code.clone()));
            assert!(again.url.contains("tm="));
        } else {
            // The older layout reloads itself.
            let refresh = code_page.select("meta[http-equiv=refresh]");
            assert_eq!(refresh.len(), 1);
            assert!(refresh[0]
                .value()
                .attr("content")
                .unwrap()
                .contains("NWS_MAIL_OAUTH/TOP"));
            assert!(code_page.select("form#refresh_form").is_empty());
        }
    }
    w.stop();
}

#[tokio::test]
async fn the_legacy_layout_is_the_table_layout_and_still_configurable() {
    let w = world(vec![device("WF-C20590 Series")]).await;
    let s = w.summary();
    let spec = models::find("WF-C20590 Series").unwrap();
    assert_eq!(spec.markup, Markup::Legacy);
    assert!(s.devices[0].oauth2_available);
    let b = Browser::new(&s.devices[0].http_url);
    let login = b.get(MAIL).await;
    assert!(!login.select("label[for=INPUTT_PASSWORD]").is_empty());
    assert!(login.select("button").is_empty());
    let submit = login.select("form input[type=submit]");
    assert_eq!(submit.len(), 1);
    assert_eq!(
        login.button("OK").form.get("SEL_SESSIONTYPE"),
        Some("ADMIN")
    );
    log_in(&b).await;
    let mail = b.get(MAIL).await;
    assert!(mail.select("dl.values").is_empty());
    assert!(!mail.select("label[for]").is_empty());
    assert!(mail.select("form input[type=submit]").len() >= 2);
    assert!(!mail.body.starts_with(STRICT));
    let first = b
        .press(&mail, "OK", &v(&[("INPUTT_SMTPPORT", "2587")]))
        .await;
    let done = b.press(&first, "OK", &[]).await;
    assert_eq!(done.message("warning").as_deref(), Some("Setup complete."));
    assert_eq!(w.device(0).unwrap().report().stored.smtp_port, 2587);
    w.stop();
}

#[tokio::test]
async fn job_history_csv_has_13_columns_and_sometimes_a_line_before_the_header() {
    let w = world(vec![device("WF-C5890 Series"), device("WF-C879R Series")]).await;
    for (i, d) in w.summary().devices.iter().enumerate() {
        let dev = w.device(i).unwrap();
        dev.scan_to_email("user@contoso.example", 2).await;
        dev.scan_to_email("user@contoso.example", 1).await;
        let b = Browser::new(&d.http_url);
        log_in(&b).await;
        let page = b.get(&format!("{P}/INFO_JOBHISTORY/TOP")).await;
        let csv = b.download(&page, "Export to CSV").await;
        let lines: Vec<&str> = csv.lines().collect();
        let header_at = lines
            .iter()
            .position(|l| csv_fields(l).iter().any(|c| c == "Result"))
            .unwrap();
        let titled =
            models::find(&d.model).unwrap().job_csv == printoauth_sim::models::JobCsv::Titled;
        assert_eq!(header_at, usize::from(titled), "{csv}");
        let header = csv_fields(lines[header_at]);
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        assert_eq!(header.len(), 13, "{header:?}");
        for name in [
            "Completed",
            "Result",
            "Pages",
            "From",
            "To",
            "File Name",
            "Storage",
        ] {
            assert!(header.contains(&name), "{name}");
        }
        assert!(header.contains(&"Total Receipt Fax Data"));
        assert!(header.contains(&"Receipt Number for Sending"));
        let pages_col = header.iter().position(|h| *h == "Pages").unwrap();
        let rows: Vec<Vec<String>> = lines[header_at + 1..]
            .iter()
            .map(|l| csv_fields(l))
            .collect();
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|r| r.len() == 13));
        assert_eq!(rows[0][pages_col], "0/2");
        assert_eq!(rows[1][pages_col], "0/1");
    }
    w.stop();
}

#[tokio::test]
async fn a_device_with_old_tls_answers_protocol_version_and_still_serves_http() {
    let w = world(vec![DeviceConfig {
        legacy_tls_only: true,
        ..device("WF-C5890 Series")
    }])
    .await;
    let d = w.device(0).unwrap();
    assert!(d.report().legacy_tls_only);
    let addr = d.https_addr().unwrap();

    // A TLS 1.2/1.3 client gets the fatal protocol_version alert.
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let cfg = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(rustls::RootCertStore::empty())
        .with_no_client_auth();
    let connector = tokio_rustls::TlsConnector::from(Arc::new(cfg));
    let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    let name = rustls::pki_types::ServerName::try_from("printer.example").unwrap();
    let Err(err) = connector.connect(name, tcp).await else {
        panic!("the handshake must be refused");
    };
    let inner = err
        .get_ref()
        .and_then(|e| e.downcast_ref::<rustls::Error>())
        .cloned();
    assert_eq!(
        inner,
        Some(rustls::Error::AlertReceived(
            rustls::AlertDescription::ProtocolVersion
        )),
        "{err:?}"
    );

    // The raw bytes: one alert record, TLS 1.0, fatal (2), protocol_version (70).
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    let hello = [
        0x16, 0x03, 0x01, 0x00, 0x04, // handshake record, 4 bytes
        0x01, 0x00, 0x00, 0x00, // a (truncated) ClientHello
    ];
    tcp.write_all(&hello).await.unwrap();
    let mut answer = Vec::new();
    tcp.read_to_end(&mut answer).await.unwrap();
    assert_eq!(answer, [0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 70]);

    // reqwest (rustls) says the same; HTTP still serves.
    let s = w.summary();
    let err = browser::client()
        .get(format!("{}/PRESENTATION/BONJOUR", s.devices[0].https_url))
        .send()
        .await
        .unwrap_err();
    let mut chain = format!("{err}");
    let mut src: Option<&dyn std::error::Error> = std::error::Error::source(&err);
    while let Some(e) = src {
        chain.push_str(&format!(" / {e}"));
        src = e.source();
    }
    assert!(chain.contains("ProtocolVersion"), "{chain}");
    let page = Browser::new(&s.devices[0].http_url)
        .get("/PRESENTATION/BONJOUR")
        .await;
    assert_eq!(page.status, 200);
    w.stop();
}

#[tokio::test]
async fn practice_world_has_both_layouts_save_styles_and_languages() {
    let cfg = WorldConfig::practice();
    let specs: Vec<_> = cfg
        .devices
        .iter()
        .map(|d| models::find(&d.model).unwrap())
        .collect();
    assert!(specs.iter().any(|m| m.markup == Markup::Legacy));
    assert!(specs
        .iter()
        .any(|m| m.save_style == SaveStyle::Immediate && m.vendor == models::Vendor::Epson));
    assert!(specs
        .iter()
        .any(|m| m.save_style == SaveStyle::Confirm && m.vendor == models::Vendor::Epson));
    assert!(cfg.devices.iter().any(|d| d.language == Lang::De));
    assert!(cfg.devices.iter().any(|d| d.language == Lang::Fr));
    assert!(cfg.devices.iter().all(|d| !d.legacy_tls_only));
    let w = World::start(cfg).await.unwrap();
    for d in w.summary().devices {
        let spec = models::find(&d.model).unwrap();
        let expect = (spec.vendor == models::Vendor::Epson
            && spec.family == models::Family::Business)
            .then(String::new);
        assert_eq!(d.admin_user, expect, "{}", d.model);
    }
    // Every OAuth2-capable model, the legacy one included, in with_epson_devices.
    let many = WorldConfig::with_epson_devices(12);
    let names: Vec<_> = many.devices.iter().map(|d| d.model.as_str()).collect();
    assert!(names.contains(&"WF-C20590 Series"));
    w.stop();
}
