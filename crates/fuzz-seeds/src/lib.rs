//! Seed corpora for the fuzz targets (`fuzz/`), taken from the emulated world's own
//! output: a practice world is started on loopback (no mDNS), and what it sends is
//! written down, one file per input, in one folder per target:
//!
//! - `txt_records`: every device's DNS-SD services (the TXT records it announces),
//!   one device a file and all of them together, in the target's line format;
//! - `web_page`: every page the driver reads on each Epson device (a capture, also
//!   while a sign-in waits for its code), and the other vendors' home pages;
//! - `job_history`: the job history exports (after a connection test and a scan);
//! - `sign_in_sentence`: the sign-in sentences and status texts of those pages, and
//!   the identity emulator's device code messages in its languages;
//! - `oauth_error`: the identity emulator's JSON answers, errors first;
//! - `smtp_reply`: the SMTP emulator's raw replies to a session's commands.
//!
//! Nothing outside this machine is contacted: every server is the world's, on
//! 127.0.0.1.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use printoauth_core::capture;
use printoauth_core::devices::{
    AdminCredentials, ConnectOptions, DeviceAddress, DeviceDriver, EpsonWebConfig, MemoryPinStore,
    OAuthTarget, SignInStatus,
};
use printoauth_sim::config::WorldConfig;
use printoauth_sim::mdns::ServiceAnnouncement;
use printoauth_sim::world::World;
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// The fuzz targets, by name (the folders written).
pub const TARGETS: &[&str] = &[
    "txt_records",
    "web_page",
    "sign_in_sentence",
    "job_history",
    "oauth_error",
    "smtp_reply",
];

/// Inputs per target, as they are written.
#[derive(Default)]
pub struct Seeds {
    files: Vec<(&'static str, String, Vec<u8>)>,
    seen: BTreeSet<(&'static str, Vec<u8>)>,
}

impl Seeds {
    fn add(&mut self, target: &'static str, name: &str, bytes: impl Into<Vec<u8>>) {
        let bytes = bytes.into();
        if bytes.is_empty() || !self.seen.insert((target, bytes.clone())) {
            return;
        }
        let safe: String = name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .take(80)
            .collect();
        let n = self.files.iter().filter(|f| f.0 == target).count();
        self.files.push((target, format!("{n:03}-{safe}"), bytes));
    }

    /// How many inputs `target` has.
    pub fn count(&self, target: &str) -> usize {
        self.files.iter().filter(|f| f.0 == target).count()
    }

    /// The inputs of `target`.
    pub fn inputs<'a>(&'a self, target: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.files
            .iter()
            .filter(move |f| f.0 == target)
            .map(|f| f.2.as_slice())
    }

    /// Writes every input to `out/<target>/<name>`.
    pub fn write(&self, out: &Path) -> Result<()> {
        for t in TARGETS {
            std::fs::create_dir_all(out.join(t))?;
        }
        for (t, name, bytes) in &self.files {
            std::fs::write(out.join(t).join(name), bytes)?;
        }
        Ok(())
    }
}

/// Starts a practice world, takes everything it says and stops it.
pub async fn generate() -> Result<Seeds> {
    let cfg = WorldConfig {
        mdns: false,
        ..WorldConfig::practice()
    };
    let w = World::start(cfg).await.context("the world starts")?;
    let mut seeds = Seeds::default();
    let r = async {
        txt_records(&w, &mut seeds);
        devices(&w, &mut seeds).await?;
        identity(&w, &mut seeds).await?;
        smtp(&w, &mut seeds).await?;
        anyhow::Ok(())
    }
    .await;
    w.stop();
    r?;
    Ok(seeds)
}

/// A service in the `txt_records` target's line format.
fn service_lines(s: &ServiceAnnouncement, out: &mut String) {
    out.push_str(&format!(
        "@{}\t{}\t{}\t{}\t{}\n",
        s.fullname(),
        s.service_type,
        s.host,
        s.port,
        s.ip
    ));
    for (k, v) in &s.txt {
        out.push_str(&format!("{k}={v}\n"));
    }
}

fn txt_records(w: &World, seeds: &mut Seeds) {
    let summary = w.summary();
    let mut all = String::new();
    for d in &summary.devices {
        let mut one = String::new();
        for s in &d.services {
            service_lines(s, &mut one);
        }
        seeds.add("txt_records", &d.model, one.clone());
        all.push_str(&one);
        // The same device saying goodbye to its first service.
        if let Some(s) = d.services.first() {
            seeds.add(
                "txt_records",
                &format!("{}-goodbye", d.model),
                format!("{one}-{}\n", s.fullname()),
            );
        }
    }
    seeds.add("txt_records", "all-devices", all);
}

async fn control(w: &World, path: &str, body: Value) -> Result<Value> {
    let r = reqwest::Client::new()
        .post(format!("{}{path}", w.control_url()))
        .json(&body)
        .send()
        .await?;
    Ok(r.json().await.unwrap_or(Value::Null))
}

async fn devices(w: &World, seeds: &mut Seeds) -> Result<()> {
    let summary = w.summary();
    let http = reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        .timeout(Duration::from_secs(20))
        .build()?;
    for d in &summary.devices {
        if d.vendor != printoauth_sim::models::Vendor::Epson {
            // Not configured, only recognised: the home page the manual add reads.
            for url in [&d.http_url, &d.https_url] {
                if let Ok(r) = http.get(url.as_str()).send().await {
                    if let Ok(body) = r.bytes().await {
                        seeds.add("web_page", &format!("{}-home", d.model), body.to_vec());
                    }
                }
            }
            continue;
        }
        let i = d.index;
        // Jobs in the history: a connection test and a scan to email.
        let _ = control(w, &format!("/devices/{i}/connection-test"), json!({})).await;
        let _ = control(
            w,
            &format!("/devices/{i}/scan"),
            json!({"to": "admin@contoso.example", "pages": 2}),
        )
        .await;
        let Some(address) = DeviceAddress::from_urls(Some(&d.https_url), Some(&d.http_url)) else {
            continue;
        };
        let driver = EpsonWebConfig::new(
            address,
            ConnectOptions {
                pin_store: Arc::new(MemoryPinStore::new()),
                allow_http: true,
                retry_delay: Duration::from_millis(50),
                ..Default::default()
            },
        );
        let creds = AdminCredentials {
            user: d.admin_user.clone(),
            password: d.admin_password.clone(),
        };
        let cap = capture::capture(&driver, &creds, &i.to_string()).await;
        add_pages(seeds, &d.model, &cap);
        if d.oauth2_available && !d.additional_network {
            sign_in(w, &driver, &creds, &d.model, seeds).await;
        }
    }
    Ok(())
}

/// The driver sets OAuth2 up and starts the device's sign-in; a capture then reads
/// the sign-in page while it shows the code (and the sentence), and again once the
/// administrator approved it.
async fn sign_in(
    w: &World,
    driver: &EpsonWebConfig,
    creds: &AdminCredentials,
    model: &str,
    seeds: &mut Seeds,
) {
    let Some(admin) = w
        .summary()
        .tenant
        .users
        .into_iter()
        .find(|u| u.upn.starts_with("admin@"))
    else {
        return;
    };
    if driver.login(creds).await.is_err()
        || driver
            .configure_oauth2(&OAuthTarget::exchange_online(&admin.upn))
            .await
            .is_err()
    {
        return;
    }
    let Ok(code) = driver.start_sign_in().await else {
        return;
    };
    let cap = capture::capture(driver, creds, "0").await;
    add_pages(seeds, &format!("{model}-code-shown"), &cap);
    if w.identity()
        .approve(&code.user_code, &admin.upn, &admin.password, true)
        .is_ok()
    {
        for _ in 0..40 {
            if let Ok(SignInStatus::SignedIn { .. }) = driver.sign_in_status().await {
                break;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        let cap = capture::capture(driver, creds, "0").await;
        add_pages(seeds, &format!("{model}-signed-in"), &cap);
    }
}

fn add_pages(seeds: &mut Seeds, model: &str, cap: &capture::Capture) {
    for p in &cap.pages {
        let path = p
            .final_url
            .as_deref()
            .unwrap_or(&p.url)
            .rsplit('/')
            .take(2)
            .collect::<Vec<_>>()
            .join("-");
        let name = format!("{model}-{path}");
        if p.content_type.contains("csv") || p.url.ends_with(".CSV") {
            seeds.add("job_history", &name, p.body.clone());
        } else {
            seeds.add("web_page", &name, p.body.clone());
            sentences(seeds, &name, &p.body);
        }
    }
}

/// The texts of a page that speak of signing in: status rows and the sentence that
/// gives the code.
fn sentences(seeds: &mut Seeds, name: &str, html: &str) {
    let doc = scraper::Html::parse_document(html);
    for t in doc.root_element().text() {
        let t = t.trim();
        let l = t.to_lowercase();
        if t.len() < 300
            && [
                "code",
                "signed",
                "sign in",
                "connect",
                "angemeldet",
                "expired",
            ]
            .iter()
            .any(|w| l.contains(w))
        {
            seeds.add("sign_in_sentence", name, t);
        }
    }
}

async fn identity(w: &World, seeds: &mut Seeds) -> Result<()> {
    let id = w.summary().identity;
    let c = reqwest::Client::new();
    let post = |url: String, form: Vec<(&'static str, String)>| {
        let c = c.clone();
        async move {
            let r = c.post(url).form(&form).send().await?;
            anyhow::Ok(r.bytes().await?.to_vec())
        }
    };
    let scope = "https://outlook.office.com/SMTP.Send offline_access".to_string();
    let dev = id.device_client_id.clone();
    let mut code_answers = Vec::new();
    for mkt in ["en-US", "de-DE", "fr-FR", "lt-LT", "es-ES"] {
        let body = post(
            format!("{}?mkt={mkt}", id.device_code_url),
            vec![("client_id", dev.clone()), ("scope", scope.clone())],
        )
        .await?;
        if let Ok(v) = serde_json::from_slice::<Value>(&body) {
            if let Some(m) = v["message"].as_str() {
                seeds.add("sign_in_sentence", &format!("device-code-{mkt}"), m);
            }
            code_answers.push(v);
        }
        seeds.add("oauth_error", &format!("device-code-answer-{mkt}"), body);
    }
    let token = |device_code: &str, client: &str| {
        vec![
            (
                "grant_type",
                "urn:ietf:params:oauth:grant-type:device_code".to_string(),
            ),
            ("client_id", client.to_string()),
            ("device_code", device_code.to_string()),
        ]
    };
    let first = code_answers
        .first()
        .and_then(|v| v["device_code"].as_str())
        .unwrap_or("none")
        .to_string();
    type Form = Vec<(&'static str, String)>;
    let asks: Vec<(&str, String, Form)> = vec![
        ("pending", id.token_url.clone(), token(&first, &dev)),
        ("bad-code", id.token_url.clone(), token("not-a-code", &dev)),
        (
            "unknown-client",
            id.token_url.clone(),
            token(&first, "00000000-0000-0000-0000-00000000dead"),
        ),
        (
            "no-grant",
            id.token_url.clone(),
            vec![("client_id", dev.clone())],
        ),
        (
            "devicecode-unknown-client",
            id.device_code_url.clone(),
            vec![
                ("client_id", "00000000-0000-0000-0000-00000000dead".into()),
                ("scope", scope.clone()),
            ],
        ),
        (
            "devicecode-no-scope",
            id.device_code_url.clone(),
            vec![("client_id", dev.clone())],
        ),
        (
            "unknown-tenant",
            id.token_url.replace(
                &id.authority
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .to_string(),
                "fabrikam.example",
            ),
            token(&first, &dev),
        ),
    ];
    for (name, url, form) in asks {
        let body = post(url, form).await?;
        seeds.add("oauth_error", name, body);
    }
    // Declined, then expired.
    if let Some(v) = code_answers.get(1) {
        if let (Some(user), Some(dc)) = (v["user_code"].as_str(), v["device_code"].as_str()) {
            let _ = w.identity().decline(user);
            let body = post(id.token_url.clone(), token(dc, &dev)).await?;
            seeds.add("oauth_error", "declined", body);
        }
    }
    let _ = control(w, "/clock/advance", json!({"seconds": 7200})).await;
    if let Some(dc) = code_answers.get(2).and_then(|v| v["device_code"].as_str()) {
        let body = post(id.token_url.clone(), token(dc, &dev)).await?;
        seeds.add("oauth_error", "expired", body);
    }
    Ok(())
}

/// Sends `cmds` on one SMTP session and keeps every raw reply (all its lines).
async fn smtp_session(w: &World, cmds: &[&str], name: &str, seeds: &mut Seeds) -> Result<()> {
    let stream = tokio::net::TcpStream::connect(w.smtp().addr()).await?;
    let (r, mut wr) = stream.into_split();
    let mut r = BufReader::new(r);
    let read_reply = async |r: &mut BufReader<tokio::net::tcp::OwnedReadHalf>| {
        let mut reply = Vec::new();
        loop {
            let mut line = Vec::new();
            let n = tokio::time::timeout(Duration::from_secs(10), r.read_until(b'\n', &mut line))
                .await??;
            reply.extend_from_slice(&line);
            if n == 0 || line.get(3) != Some(&b'-') {
                break;
            }
        }
        anyhow::Ok(reply)
    };
    let greeting = read_reply(&mut r).await?;
    seeds.add("smtp_reply", &format!("{name}-greeting"), greeting);
    for cmd in cmds {
        wr.write_all(format!("{cmd}\r\n").as_bytes()).await?;
        let reply = read_reply(&mut r).await?;
        let word = cmd.split_whitespace().next().unwrap_or("empty");
        seeds.add("smtp_reply", &format!("{name}-{word}"), reply);
    }
    Ok(())
}

async fn smtp(w: &World, seeds: &mut Seeds) -> Result<()> {
    let long = format!("NOOP {}", "x".repeat(1200));
    smtp_session(
        w,
        &[
            "EHLO fuzz.invalid",
            "FROB",
            "MAIL FROM:<printer@contoso.example>",
            "RCPT TO:<admin@contoso.example>",
            "DATA",
            "AUTH PLAIN AGFkbWluQGNvbnRvc28uZXhhbXBsZQB4",
            "AUTH XOAUTH2 !!!",
            "AUTH XOAUTH2 dXNlcj1hZG1pbkBjb250b3NvLmV4YW1wbGUBYXV0aD1CZWFyZXIgeAEB",
            "AUTH CRAM-MD5",
            "EHLO",
            &long,
            "QUIT",
        ],
        "session",
        seeds,
    )
    .await?;
    for r in [
        printoauth_sim::smtp::REPLY_UNAVAILABLE,
        printoauth_sim::smtp::REPLY_AUTH_UNSUCCESSFUL,
        printoauth_sim::smtp::REPLY_AUTH_UNRECOGNIZED,
        printoauth_sim::smtp::REPLY_SMTP_AUTH_DISABLED_TENANT,
        printoauth_sim::smtp::REPLY_SMTP_AUTH_DISABLED_MAILBOX,
        printoauth_sim::smtp::REPLY_SECURITY_DEFAULTS,
        printoauth_sim::smtp::REPLY_UNRECOGNIZED,
        printoauth_sim::smtp::REPLY_BASIC_AUTH_UNSUPPORTED,
        printoauth_sim::smtp::REPLY_SEND_AS_ENVELOPE,
        printoauth_sim::smtp::REPLY_XOAUTH2_BAD_USER,
        printoauth_sim::smtp::REPLY_QUIT,
    ] {
        seeds.add("smtp_reply", "reply", format!("{r}\r\n"));
    }
    Ok(())
}
