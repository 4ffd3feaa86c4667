//! Capture: the pages a driver reads on one device, saved (redacted) into one file a
//! user can attach to a bug report when printoauth cannot read their device.
//!
//! [`capture`] makes the driver do only what reads: log in, then the reads of a run
//! and of troubleshooting (the menu, Email Server > Basic, Network Status, Product
//! Status, the fax server page, Current Status, the job history page and its CSV
//! export). Nothing is set, no sign-in is started and nothing is saved. (Like every
//! read of the Epson driver, the log-in shows Web Config in English.) Every answer
//! the driver received is recorded through a hook in the driver's HTTP layer, which
//! records only inside [`capture`] (a task-local recorder), never during a run.
//!
//! Before anything is kept, secrets are removed from every page, URL, posted form and
//! read result: the administrator password, session cookies, setup tokens and any
//! value of a password field or of a field named like a token, session, key or
//! secret, long token-like hidden values, and sign-in codes (the device's user code,
//! wherever a page shows it). The page structure stays, so the pages still show what
//! the driver met.

use std::collections::BTreeSet;
use std::future::Future;
use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use url::Url;

use crate::devices::{AdminCredentials, DeviceDriver, SignInStatus};

/// The file format's name and version.
pub const FORMAT: &str = "printoauth-capture/1";
/// What replaces a secret.
pub const REDACTED: &str = "[redacted]";

tokio::task_local! {
    static RECORDER: Recorder;
}

#[derive(Clone, Default)]
struct Recorder {
    exchanges: Arc<Mutex<Vec<CapturedPage>>>,
    cookies: Arc<Mutex<Vec<String>>>,
    read: Arc<Mutex<String>>,
}

/// An answer being recorded (from [`exchange`] until its body is read).
pub(crate) struct Recording {
    page: CapturedPage,
}

/// The driver's HTTP layer calls this for every answer it reads; outside a capture
/// it does nothing and returns `None`.
pub(crate) fn exchange(
    url: &Url,
    form: Option<&[(String, String)]>,
    resp: &reqwest::Response,
) -> Option<Recording> {
    RECORDER
        .try_with(|r| {
            let set_cookies: Vec<String> = resp
                .headers()
                .get_all(reqwest::header::SET_COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .map(str::to_string)
                .collect();
            r.cookies.lock().unwrap().extend(set_cookies);
            let final_url = resp.url();
            Recording {
                page: CapturedPage {
                    read: r.read.lock().unwrap().clone(),
                    method: if form.is_some() { "POST" } else { "GET" }.into(),
                    url: url.to_string(),
                    final_url: (final_url != url).then(|| final_url.to_string()),
                    form: form.map(<[_]>::to_vec).unwrap_or_default(),
                    status: resp.status().as_u16(),
                    content_type: resp
                        .headers()
                        .get(reqwest::header::CONTENT_TYPE)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("")
                        .to_string(),
                    body: String::new(),
                },
            }
        })
        .ok()
}

impl Recording {
    /// The answer's body, read: the exchange is kept.
    pub(crate) fn finish(mut self, body: &str) {
        self.page.body = body.to_string();
        let _ = RECORDER.try_with(|r| r.exchanges.lock().unwrap().push(self.page));
    }
}

/// One request the driver made and the answer it got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapturedPage {
    /// Which read asked for it (see [`CaptureRead::read`]).
    pub read: String,
    pub method: String,
    pub url: String,
    /// Where redirects ended, when elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_url: Option<String>,
    /// The form posted (secrets redacted).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub form: Vec<(String, String)>,
    pub status: u16,
    pub content_type: String,
    /// The page (or CSV export), secrets redacted.
    pub body: String,
}

/// One read of the driver and how it ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaptureRead {
    /// "log-in", "mail-capabilities", "email-settings", "sign-in-status",
    /// "panel-state" or "job-history".
    pub read: String,
    /// What the driver read (secrets redacted), when it succeeded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Value>,
    /// The error `{code, params}` (without the page copies, which are in `pages`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Value>,
}

/// Everything a capture saw, redacted: what the file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Capture {
    pub format: String,
    pub printoauth_version: String,
    /// The device as the user named it.
    pub device: String,
    pub taken_at: DateTime<Utc>,
    pub reads: Vec<CaptureRead>,
    pub pages: Vec<CapturedPage>,
}

impl Capture {
    /// A file name for it: `printoauth-capture-<device>-<UTC time>.json`.
    pub fn file_name(&self) -> String {
        let device: String = self
            .device
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        format!(
            "printoauth-capture-{}-{}.json",
            if device.is_empty() { "device" } else { &device },
            self.taken_at.format("%Y%m%dT%H%M%SZ")
        )
    }

    /// Writes the capture as JSON to `path`, whole or not at all.
    pub fn write_to(&self, path: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        crate::files::write_atomically(path, &json)
    }
}

/// Runs `f` with the driver's answers recorded (for `read`).
async fn recorded<T>(rec: &Recorder, read: &str, f: impl Future<Output = T>) -> T {
    *rec.read.lock().unwrap() = read.to_string();
    RECORDER.scope(rec.clone(), f).await
}

fn outcome<T: Serialize, E: Serialize>(read: &str, r: Result<T, E>) -> CaptureRead {
    match r {
        Ok(v) => CaptureRead {
            read: read.into(),
            result: serde_json::to_value(v).ok(),
            error: None,
        },
        Err(e) => {
            let mut v = serde_json::to_value(e).unwrap_or_default();
            if let Some(p) = v.get_mut("params").and_then(Value::as_object_mut) {
                p.retain(|k, _| !k.starts_with("redacted"));
            }
            CaptureRead {
                read: read.into(),
                result: None,
                error: Some(v),
            }
        }
    }
}

/// Visits the pages the driver reads on one device, changing nothing, and returns
/// them redacted. `device` names the device in the file.
pub async fn capture(
    driver: &dyn DeviceDriver,
    credentials: &AdminCredentials,
    device: &str,
) -> Capture {
    let rec = Recorder::default();
    let mut reads = Vec::new();
    let mut codes: Vec<String> = Vec::new();
    reads.push(outcome(
        "log-in",
        recorded(&rec, "log-in", driver.login(credentials)).await,
    ));
    reads.push(outcome(
        "mail-capabilities",
        recorded(&rec, "mail-capabilities", driver.mail_capabilities()).await,
    ));
    reads.push(outcome(
        "email-settings",
        recorded(&rec, "email-settings", driver.read_email_settings()).await,
    ));
    let status = recorded(&rec, "sign-in-status", driver.sign_in_status()).await;
    if let Ok(SignInStatus::Pending { code }) = &status {
        codes.push(code.clone());
    }
    reads.push(outcome("sign-in-status", status));
    reads.push(outcome(
        "panel-state",
        recorded(&rec, "panel-state", driver.panel_state()).await,
    ));
    reads.push(outcome(
        "job-history",
        recorded(&rec, "job-history", driver.job_history()).await,
    ));

    let pages = std::mem::take(&mut *rec.exchanges.lock().unwrap());
    let cookies = std::mem::take(&mut *rec.cookies.lock().unwrap());
    let mut secrets = Secrets::default();
    secrets.add(&credentials.password);
    for c in &codes {
        secrets.add(c);
    }
    for c in &cookies {
        secrets.add_cookie(c);
    }
    for p in &pages {
        secrets.learn_from_page(p);
    }
    let pages = pages.into_iter().map(|p| secrets.page(p)).collect();
    for r in &mut reads {
        if let Some(v) = &mut r.result {
            secrets.value(v);
        }
        if let Some(v) = &mut r.error {
            secrets.value(v);
        }
    }
    Capture {
        format: FORMAT.into(),
        printoauth_version: env!("CARGO_PKG_VERSION").into(),
        device: secrets.text(device),
        taken_at: Utc::now(),
        reads,
        pages,
    }
}

// ---------------------------------------------------------------------------
// Redaction

const SENSITIVE_NAMES: &[&str] = &[
    "pass", "pswd", "pwd", "token", "session", "secret", "key", "cookie", "code",
];

fn sensitive_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    SENSITIVE_NAMES.iter().any(|s| n.contains(s))
}

fn tokenish(v: &str) -> bool {
    v.len() >= 16
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_=+/.".contains(c))
}

/// A sign-in code as Entra ID makes them: 6 to 16 capital letters and digits.
fn codeish(v: &str) -> bool {
    (6..=16).contains(&v.len())
        && v.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// The start and end of each `<input ...>` tag.
fn input_tags(html: &str) -> Vec<(usize, usize)> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = lower[from..].find("<input") {
        let start = from + p;
        let end = lower[start..]
            .find('>')
            .map(|e| start + e + 1)
            .unwrap_or(lower.len());
        out.push((start, end));
        from = end;
    }
    out
}

/// The value range of attribute `name` in `tag` (quotes excluded).
fn attr(tag: &str, name: &str) -> Option<(usize, usize)> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(name) {
        let start = from + p;
        from = start + name.len();
        let before = lower[..start].chars().last();
        if !before.is_some_and(|c| c.is_ascii_whitespace()) {
            continue;
        }
        let rest = lower[from..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let vstart = lower.len() - rest.trim_start().len();
        return match tag[vstart..].chars().next() {
            Some(q @ ('"' | '\'')) => {
                let end = tag[vstart + 1..].find(q).map(|e| vstart + 1 + e)?;
                Some((vstart + 1, end))
            }
            Some(_) => {
                let end = tag[vstart..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .map(|e| vstart + e)
                    .unwrap_or(tag.len());
                Some((vstart, end))
            }
            None => None,
        };
    }
    None
}

/// Whether the value of this `<input>` is a secret.
fn secret_input(tag: &str) -> Option<(usize, usize)> {
    let get = |n: &str| attr(tag, n).map(|(a, b)| tag[a..b].to_string());
    let ty = get("type").unwrap_or_default().to_ascii_lowercase();
    let name = get("name").unwrap_or_default();
    let (a, b) = attr(tag, "value")?;
    let value = &tag[a..b];
    let secret = !value.is_empty()
        && (ty == "password"
            || (ty != "submit" && ty != "button" && sensitive_name(&name))
            || (ty == "hidden" && tokenish(value)));
    secret.then_some((a, b))
}

/// The words shown after "code" (tags skipped): the sign-in codes a page shows.
fn codes_in(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = lower[from..].find("code") {
        let mut i = from + p + 4;
        from = i;
        // Skip spaces, punctuation and tags up to the next word.
        loop {
            let rest = &html[i..];
            let trimmed = rest.trim_start_matches(|c: char| {
                c.is_whitespace() || c == ':' || c == '\u{a0}' || c == '"'
            });
            i += rest.len() - trimmed.len();
            if let Some(t) = trimmed.strip_prefix("&nbsp;") {
                i += trimmed.len() - t.len();
                continue;
            }
            if trimmed.starts_with('<') {
                match trimmed.find('>') {
                    Some(e) => {
                        i += e + 1;
                        continue;
                    }
                    None => break,
                }
            }
            break;
        }
        let word: String = html[i..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if codeish(&word) {
            out.push(word);
        }
    }
    out
}

#[derive(Default)]
struct Secrets {
    values: BTreeSet<String>,
}

impl Secrets {
    fn add(&mut self, s: &str) {
        let s = s.trim();
        if s.len() >= 4 {
            self.values.insert(s.to_string());
        }
    }

    /// `NAME=VALUE; attributes`: the value (and each `&`-separated part of it).
    fn add_cookie(&mut self, header: &str) {
        let pair = header.split(';').next().unwrap_or("");
        if let Some((_, v)) = pair.split_once('=') {
            self.add(v);
            for part in v.split('&') {
                if tokenish(part) {
                    self.add(part);
                }
            }
        }
    }

    /// A value of a field named like a secret, to be removed everywhere: only when it
    /// looks like one (a plain word such as "ADMIN" in `SEL_SESSIONTYPE` is blanked
    /// in its field only).
    fn add_named(&mut self, v: &str) {
        let digits = v.chars().any(|c| c.is_ascii_digit());
        if tokenish(v) || codeish(v) || (digits && v.len() >= 8) {
            self.add(v);
        }
    }

    fn learn_from_page(&mut self, p: &CapturedPage) {
        for (a, b) in input_tags(&p.body) {
            let tag = &p.body[a..b];
            if let Some((x, y)) = secret_input(tag) {
                let is_password = attr(tag, "type")
                    .is_some_and(|(a, b)| tag[a..b].eq_ignore_ascii_case("password"));
                if is_password {
                    self.add(&tag[x..y]);
                } else {
                    self.add_named(&tag[x..y]);
                }
            }
        }
        for c in codes_in(&p.body) {
            self.add(&c);
        }
        for (k, v) in &p.form {
            if sensitive_name(k) {
                self.add_named(v);
            }
        }
        for u in [Some(&p.url), p.final_url.as_ref()].into_iter().flatten() {
            if let Ok(u) = Url::parse(u) {
                for (k, v) in u.query_pairs() {
                    if sensitive_name(&k) {
                        self.add_named(&v);
                    }
                }
            }
        }
    }

    /// `s` with every known secret (and its URL-encoded form) replaced.
    fn text(&self, s: &str) -> String {
        let mut out = s.to_string();
        let mut by_length: Vec<&String> = self.values.iter().collect();
        by_length.sort_by_key(|v| std::cmp::Reverse(v.len()));
        for v in by_length {
            out = out.replace(v.as_str(), REDACTED);
            let enc: String = url::form_urlencoded::byte_serialize(v.as_bytes()).collect();
            if enc != *v {
                out = out.replace(enc.as_str(), REDACTED);
            }
        }
        out
    }

    /// A page: secret inputs blanked (whatever their length), then known secrets.
    fn html(&self, html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut last = 0;
        for (a, b) in input_tags(html) {
            out.push_str(&html[last..a]);
            let tag = &html[a..b];
            match secret_input(tag) {
                Some((x, y)) => {
                    out.push_str(&tag[..x]);
                    out.push_str(REDACTED);
                    out.push_str(&tag[y..]);
                }
                None => out.push_str(tag),
            }
            last = b;
        }
        out.push_str(&html[last..]);
        self.text(&out)
    }

    fn page(&self, mut p: CapturedPage) -> CapturedPage {
        p.url = self.text(&p.url);
        p.final_url = p.final_url.map(|u| self.text(&u));
        p.form = p
            .form
            .into_iter()
            .map(|(k, v)| {
                let v = if sensitive_name(&k) && !v.is_empty() {
                    REDACTED.to_string()
                } else {
                    self.text(&v)
                };
                (k, v)
            })
            .collect();
        p.body = self.html(&p.body);
        p
    }

    fn value(&self, v: &mut Value) {
        match v {
            Value::String(s) => *s = self.text(s),
            Value::Array(a) => a.iter_mut().for_each(|x| self.value(x)),
            Value::Object(o) => o.values_mut().for_each(|x| self.value(x)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str, form: &[(&str, &str)]) -> CapturedPage {
        CapturedPage {
            read: "x".into(),
            method: "POST".into(),
            url: "https://h/PRESENTATION/ADVANCED/PASSWORD/SET?tm=1".into(),
            final_url: None,
            form: form
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            status: 200,
            content_type: "text/html".into(),
            body: body.into(),
        }
    }

    #[test]
    fn secrets_go_and_structure_stays() {
        let body = r#"<form id="input_form"><input type="hidden" name="INPUTT_SETUPTOKEN" value="8C0AD164F4DC40CF9D1E9F9601758B19">
<input type="password" name="INPUTT_PASSWORD" value="abc">
<input type="hidden" name="from" value="top"><input type="submit" name="btn_signin" value="Sign In"></form>
<p id="device-code-message">To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code GHJK7MNP to authenticate.</p>
<tr><th>Authentication code</th><td><strong id="user_code">QRST2345</strong></td></tr>
<p>Setup token again: 8C0AD164F4DC40CF9D1E9F9601758B19, password Hunter-22</p>"#;
        let p = page(
            body,
            &[
                ("INPUTT_PASSWORD", "Hunter-22"),
                ("INPUTT_USERNAME", ""),
                ("access", "https"),
            ],
        );
        let mut s = Secrets::default();
        s.add("Hunter-22");
        s.add_cookie(
            "EPSON_COOKIE_SESSION=session&5f0c8a52-8d0c-4b3e-a0c6-1b9f0c2d3e4f; Path=/; HttpOnly",
        );
        s.learn_from_page(&p);
        let r = s.page(p);
        for secret in [
            "8C0AD164F4DC40CF9D1E9F9601758B19",
            "Hunter-22",
            "\"abc\"",
            "GHJK7MNP",
            "QRST2345",
        ] {
            assert!(!r.body.contains(secret), "{secret} in {}", r.body);
        }
        assert!(r
            .body
            .contains("name=\"INPUTT_SETUPTOKEN\" value=\"[redacted]\""));
        assert!(r.body.contains("value=\"top\""));
        assert!(r.body.contains("value=\"Sign In\""));
        assert!(r
            .body
            .contains("<strong id=\"user_code\">[redacted]</strong>"));
        assert!(r.body.contains("https://microsoft.com/devicelogin"));
        assert_eq!(
            r.form,
            vec![
                ("INPUTT_PASSWORD".to_string(), REDACTED.to_string()),
                ("INPUTT_USERNAME".into(), "".into()),
                ("access".into(), "https".into())
            ]
        );
        assert!(s.values.contains("5f0c8a52-8d0c-4b3e-a0c6-1b9f0c2d3e4f"));
        let mut v = serde_json::json!({"state": "pending", "code": "GHJK7MNP"});
        s.value(&mut v);
        assert_eq!(v["code"], REDACTED);
    }

    #[test]
    fn file_names_are_plain() {
        let c = Capture {
            format: FORMAT.into(),
            printoauth_version: "0".into(),
            device: "https://[2001:db8::5]:8443".into(),
            taken_at: DateTime::parse_from_rfc3339("2026-03-01T10:20:30Z")
                .unwrap()
                .with_timezone(&Utc),
            reads: vec![],
            pages: vec![],
        };
        assert_eq!(
            c.file_name(),
            "printoauth-capture-https-2001-db8-5-8443-20260301T102030Z.json"
        );
    }
}
