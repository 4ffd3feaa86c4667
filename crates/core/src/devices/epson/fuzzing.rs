//! What the fuzz targets reach of the Epson driver (feature `fuzzing`): a page read
//! the way the driver reads it, the device's sign-in sentence and the job history
//! export. Each function panics only where the driver's reading would, or where a
//! property that always holds does not.

use url::Url;

use super::*;

/// Where a fuzzed page is said to come from (never contacted).
const PAGE_URL: &str = "http://device.invalid/PRESENTATION/ADVANCED/COMMON/TOP";
/// A secret the redacted copy of a page must never hold.
const SECRET: &str = "Practice-Admin-1";
const SENDER: &str = "printer@contoso.example";

const LABELS: &[&[&str]] = &[
    L_AUTH, L_SERVICE, L_SENDER, L_SERVER, L_PORT, L_SECURE, L_CERT, L_ACCOUNT, L_STATUS, L_CODE,
];
const BUTTONS: &[&str] = &[
    "Sign In",
    "Sign in with Microsoft",
    "Sign Out",
    "OK",
    "Apply",
    "Refresh",
    "Update",
    "Login",
    "Log In",
];
const MENU: &[(Option<&str>, &str)] = &[
    (None, "Network Status"),
    (None, "Product Status"),
    (Some("Email Server"), "Basic"),
    (Some("Fax Server"), "Email Server Settings"),
    (Some("Job History"), "Job History"),
];

/// A page as Web Config sends it: parsed, then read the way the driver reads it.
pub(crate) fn web_page(html: &str) {
    let url = Url::parse(PAGE_URL).expect("static URL");
    let page = Page::parse(url, 200, html.to_string());
    read_page(&page);
}

fn read_page(page: &Page) {
    let _ = EpsonWebConfig::check_session(page);
    let _ = EpsonWebConfig::refusal(page, "fuzzed");
    let _ = is_shutting_down(page);
    let _ = is_complete(page);
    let _ = product_model(page);
    let _ = product_firmware(page);
    let ours = ["192.0.2.10".to_string(), "fe80::1".to_string()];
    let _ = interface_is_additional(page, &ours);
    let _ = shows_code(page);
    let _ = page.login_form();
    if let Some(status) = page.row(L_STATUS) {
        let _ = is_signed_in(&status);
    }
    for labels in LABELS {
        let _ = page.row(labels);
        let _ = page.form_with_label(labels);
    }
    for b in BUTTONS {
        let _ = page.form_with_button(&[b]);
    }
    for marker in [
        "enter the code",
        "devicelogin",
        "open the page",
        "Shutting down",
    ] {
        if let Some(t) = page.text_containing(marker) {
            sentence_words(&t);
        }
    }
    for (parent, text) in MENU {
        let _ = forms::menu_link(&page.links, *parent, text);
    }

    let target = OAuthTarget::exchange_online(SENDER);
    let st = State {
        secrets: vec![SECRET.to_string()],
        ..Default::default()
    };
    for form in &page.forms {
        let _ = EpsonWebConfig::settings_from(page, form);
        let values = EpsonWebConfig::target_values(&st, page, form, &target).unwrap_or_default();
        for service in [EmailService::ExchangeOnline, EmailService::OutlookCom] {
            let vals = EpsonWebConfig::values_for(form, &values, service);
            let _ = form.submission(form.buttons.first(), &vals);
        }
        for labels in LABELS {
            for l in labels.iter() {
                let _ = form.field_by_label(l, EXCLUDE_POP);
            }
        }
        let _ = form.button(BUTTONS);
        for f in &form.fields {
            let shown = f.shown();
            let _ = parse_auth(&shown);
            let _ = parse_secure(&shown);
            let _ = option_texts(f);
            let _ = f.option_value(&["OAuth2", "STARTTLS", "Enable", "On"]);
            let _ = f.option_value(service_texts(EmailService::ExchangeOnline));
        }
    }

    let e = EpsonWebConfig::not_understood(&st, "fuzzed", "nothing".into(), page);
    if let DeviceError::DevicePageNotUnderstood { redacted_html, .. } = &e {
        assert!(
            !redacted_html.contains(SECRET),
            "the redacted page still holds the secret"
        );
    }
}

/// The sentence a device shows while its sign-in runs ("... open the page URL and
/// enter the code CODE ..."), read as the driver reads it, alone and on a page.
pub(crate) fn sign_in_sentence(text: &str) {
    sentence_words(text);
    let _ = is_signed_in(text);
    let esc = escape_html(text);
    let html = format!(
        "<html><body><dl><dt>Current Status&nbsp;:</dt><dd>{esc}</dd></dl>\
         <div class=\"message\"><p>{esc}</p></div></body></html>"
    );
    web_page(&html);
}

/// The words the driver takes out of a sentence: what `word_after` returns is the
/// word that follows the first mention of the marker (in any case), as a reading
/// that never changes the text's length finds it.
fn sentence_words(text: &str) {
    for marker in ["enter the code", "open the page"] {
        let got = word_after(text, marker);
        if let Some(w) = &got {
            assert!(!w.is_empty(), "an empty word after {marker:?}");
            assert!(
                !w.contains(char::is_whitespace),
                "{w:?} after {marker:?} is more than a word"
            );
        }
        let expected = (0..text.len())
            .filter(|&i| text.is_char_boundary(i))
            .find(|&i| {
                text.get(i..i + marker.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(marker))
            })
            .and_then(|i| text[i + marker.len()..].split_whitespace().next())
            .map(|w| w.trim_end_matches(['.', ',', ';', ')']))
            .filter(|w| !w.is_empty());
        assert_eq!(
            got.as_deref(),
            expected,
            "the word after {marker:?} in {text:?}"
        );
    }
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The job history export as the device sends it.
pub(crate) fn job_history(text: &str) {
    let records = jobs::parse_csv(text);
    if let Ok(entries) = jobs::entries(text) {
        assert!(entries.len() <= records.len(), "more entries than records");
        for e in &entries {
            let (outcome, code) = jobs::classify(&e.result);
            assert_eq!(outcome, e.outcome);
            assert_eq!(code, e.code);
        }
    }
    for r in records.iter().take(64) {
        for cell in r.iter().take(16) {
            let _ = jobs::result_code(cell);
        }
    }
}
