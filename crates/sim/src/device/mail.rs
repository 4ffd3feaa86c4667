//! What the device does on the wire: the OAuth 2.0 device authorization grant against
//! the identity emulator (the device runs it itself, as the guide describes), token
//! refresh, and mail through the SMTP emulator with XOAUTH2 (scan-to-email and the
//! connection test), recording job history with the guide's result codes.

use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use lettre::message::{header::ContentType, Attachment, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};

use super::labels::t;
use super::settings::{AuthMethod, EmailService, Secure};
use super::{Device, OAuthState, Tokens};

/// Scopes the device asks for.
const DEVICE_SCOPES: &str = "https://outlook.office.com/SMTP.Send offline_access openid profile";

/// Host names that stand for Microsoft's SMTP submission service.
const MICROSOFT_SMTP_HOSTS: &[&str] = &[
    "smtp.office365.com",
    "smtp-mail.outlook.com",
    "outlook.office365.com",
];

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum JobResult {
    Succeeded,
    /// `code`: the guide's job history code (360, 361, 370) when one applies.
    Failed {
        code: Option<u32>,
        detail: String,
    },
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Job {
    pub receipt_no: u32,
    pub kind: String,
    pub at: chrono::DateTime<chrono::Utc>,
    pub pages: u32,
    pub from: String,
    pub to: String,
    pub file_name: String,
    pub result: JobResult,
}

impl Job {
    /// The "Pages" column: pages sent of pages scanned, e.g. "2/2" (captured format).
    pub fn pages_text(&self) -> String {
        let sent = if self.result == JobResult::Succeeded {
            self.pages
        } else {
            0
        };
        format!("{sent}/{}", self.pages)
    }

    /// The "Result" column of the job history (ASSUMED wording; codes per the guide).
    pub fn result_text(&self) -> String {
        let first_line = |d: &str| d.lines().next().unwrap_or("").trim().to_string();
        match &self.result {
            JobResult::Succeeded => "Succeeded".into(),
            JobResult::Failed {
                code: Some(c),
                detail,
            } => format!("Error {c}: {}", first_line(detail)),
            JobResult::Failed { code: None, detail } => format!("Error: {}", first_line(detail)),
        }
    }
}

#[derive(Deserialize)]
struct DeviceCodeAnswer {
    device_code: String,
    user_code: String,
    verification_uri: String,
    expires_in: i64,
    interval: Option<u64>,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    #[serde(default)]
    refresh_token: Option<String>,
    expires_in: i64,
    #[serde(default)]
    id_token: Option<String>,
}

#[derive(Deserialize, Default)]
struct ErrorAnswer {
    #[serde(default)]
    error: String,
    #[serde(default)]
    error_description: String,
    #[serde(default)]
    error_codes: Vec<u32>,
}

fn tenant_segment(service: EmailService) -> &'static str {
    match service {
        EmailService::ExchangeOnline => "organizations",
        EmailService::OutlookCom => "common",
    }
}

/// `<identity>/<tenant>/oauth2/v2.0/<endpoint>` for the service the device signs in to.
fn identity_url(dev: &Device, service: EmailService, endpoint: &str) -> String {
    format!(
        "{}/{}/oauth2/v2.0/{endpoint}",
        dev.inner.upstream.identity_base,
        tenant_segment(service)
    )
}

/// Reads the signed-in account from the token answer (id token, else access token).
fn account_of(ans: &TokenAnswer) -> String {
    let claim = |jwt: &str, keys: &[&str]| -> Option<String> {
        let payload = jwt.split('.').nth(1)?;
        let v: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?;
        keys.iter()
            .find_map(|k| v.get(*k).and_then(|x| x.as_str()).map(str::to_string))
    };
    ans.id_token
        .as_deref()
        .and_then(|j| claim(j, &["preferred_username", "upn", "email"]))
        .or_else(|| claim(&ans.access_token, &["upn", "unique_name"]))
        .unwrap_or_default()
}

/// "Sign in with Microsoft": asks the identity service for a device code, shows it,
/// and polls in the background until the admin has signed in (or it fails).
pub(crate) async fn start_sign_in(dev: &Device, service: EmailService) -> Result<(), String> {
    let inner = &dev.inner;
    let url = identity_url(dev, service, "devicecode");
    let resp = inner
        .http_client
        .post(&url)
        .form(&[
            ("client_id", inner.upstream.client_id.as_str()),
            ("scope", DEVICE_SCOPES),
        ])
        .send()
        .await
        .map_err(|e| format!("cannot reach the sign-in service: {e}"))?;
    let status = resp.status();
    let body = resp.bytes().await.map_err(|e| e.to_string())?;
    if !status.is_success() {
        let err: ErrorAnswer = serde_json::from_slice(&body).unwrap_or_default();
        let mut st = dev.state();
        st.oauth = OAuthState::Failed {
            error: err.error.clone(),
            description: err.error_description.clone(),
        };
        return Err(err.error_description);
    }
    let ans: DeviceCodeAnswer =
        serde_json::from_slice(&body).map_err(|e| format!("unexpected answer: {e}"))?;
    let now = inner.clock.unix();
    {
        let mut st = dev.state();
        st.oauth = OAuthState::Pending {
            user_code: ans.user_code.clone(),
            verification_uri: ans.verification_uri.clone(),
            expires_at: now + ans.expires_in,
            device_code: ans.device_code.clone(),
            service,
        };
    }
    let dev = dev.clone();
    let interval = ans.interval.unwrap_or(5).max(1);
    tokio::spawn(async move {
        poll(dev, ans.device_code, interval, service).await;
    });
    Ok(())
}

/// A request to the token endpoint at `url` as the vendor's application: the grant,
/// the device's client id, then `fields`.
async fn token_request(
    dev: &Device,
    url: &str,
    grant_type: &str,
    fields: &[(&str, &str)],
) -> reqwest::Result<reqwest::Response> {
    let inner = &dev.inner;
    let mut form = vec![
        ("grant_type", grant_type),
        ("client_id", inner.upstream.client_id.as_str()),
    ];
    form.extend_from_slice(fields);
    inner.http_client.post(url).form(&form).send().await
}

async fn poll(dev: Device, device_code: String, mut interval: u64, service: EmailService) {
    let inner = &dev.inner;
    let url = identity_url(&dev, service, "token");
    loop {
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(interval)) => {}
            _ = inner.shutdown.wait() => return,
        }
        // Stop when the sign-in was cancelled, restarted or replaced.
        let still_pending = matches!(&dev.state().oauth,
            OAuthState::Pending { device_code: d, .. } if *d == device_code);
        if !still_pending {
            return;
        }
        let resp = token_request(
            &dev,
            &url,
            "urn:ietf:params:oauth:grant-type:device_code",
            &[("device_code", device_code.as_str())],
        )
        .await;
        let Ok(resp) = resp else {
            continue; // transient: keep polling
        };
        let ok = resp.status().is_success();
        let Ok(body) = resp.bytes().await else {
            continue;
        };
        let now = inner.clock.unix();
        let mut st = dev.state();
        if !matches!(&st.oauth, OAuthState::Pending { device_code: d, .. } if *d == device_code) {
            return;
        }
        if ok {
            match serde_json::from_slice::<TokenAnswer>(&body) {
                Ok(ans) => {
                    st.oauth = OAuthState::SignedIn {
                        account: account_of(&ans),
                        service,
                        tokens: Tokens {
                            access_token: ans.access_token.clone(),
                            refresh_token: ans.refresh_token.clone().unwrap_or_default(),
                            access_expires_at: now + ans.expires_in,
                        },
                    };
                }
                Err(e) => {
                    st.oauth = OAuthState::Failed {
                        error: "invalid_response".into(),
                        description: e.to_string(),
                    }
                }
            }
            return;
        }
        let err: ErrorAnswer = serde_json::from_slice(&body).unwrap_or_default();
        match err.error.as_str() {
            "authorization_pending" => {}
            "slow_down" => interval += 5,
            _ => {
                st.oauth = OAuthState::Failed {
                    error: err.error,
                    description: err.error_description,
                };
                return;
            }
        }
    }
}

/// Tokens in effect for mail, refreshed when due. Errors carry the job code.
async fn mail_token(dev: &Device) -> Result<(String, String), (Option<u32>, String)> {
    let inner = &dev.inner;
    let now = inner.clock.unix();
    let (account, tokens) = {
        let mut st = dev.state();
        st.last_mail_use = now;
        match &st.committed {
            Some(c) => c.clone(),
            None => {
                let msg = t(st.lang, "need_sign_in_panel").to_string();
                st.panel_message = Some(msg.clone());
                return Err((Some(370), msg));
            }
        }
    };
    if tokens.access_expires_at > now + 60 {
        return Ok((account, tokens.access_token));
    }
    let service = match &dev.state().oauth {
        OAuthState::SignedIn { service, .. } => *service,
        _ => EmailService::ExchangeOnline,
    };
    let url = identity_url(dev, service, "token");
    let resp = token_request(
        dev,
        &url,
        "refresh_token",
        &[
            ("refresh_token", tokens.refresh_token.as_str()),
            ("scope", DEVICE_SCOPES),
        ],
    )
    .await
    .map_err(|e| {
        (
            Some(360),
            format!("no connection to the email service: {e}"),
        )
    })?;
    let ok = resp.status().is_success();
    let body = resp.bytes().await.map_err(|e| {
        (
            Some(360),
            format!("no connection to the email service: {e}"),
        )
    })?;
    let now = inner.clock.unix();
    let mut st = dev.state();
    if ok {
        let ans: TokenAnswer = serde_json::from_slice(&body)
            .map_err(|e| (Some(360), format!("unexpected answer: {e}")))?;
        let fresh = Tokens {
            access_token: ans.access_token.clone(),
            refresh_token: ans
                .refresh_token
                .clone()
                .unwrap_or(tokens.refresh_token.clone()),
            access_expires_at: now + ans.expires_in,
        };
        st.committed = Some((account.clone(), fresh.clone()));
        if let OAuthState::SignedIn { tokens, .. } = &mut st.oauth {
            *tokens = fresh;
        }
        return Ok((account, ans.access_token));
    }
    let err: ErrorAnswer = serde_json::from_slice(&body).unwrap_or_default();
    let lapsed = err.error_codes.iter().any(|c| [700082, 70043].contains(c));
    st.oauth = OAuthState::Expired {
        account: account.clone(),
    };
    st.committed = None;
    if lapsed {
        st.panel_message = Some(t(st.lang, "signin_expired").to_string());
        Err((Some(361), err.error_description))
    } else {
        st.panel_message = Some(t(st.lang, "need_sign_in_panel").to_string());
        Err((Some(370), err.error_description))
    }
}

/// Builds the SMTP transport for the stored settings, or says why it cannot.
async fn transport(
    dev: &Device,
) -> Result<(AsyncSmtpTransport<Tokio1Executor>, String), (Option<u32>, String)> {
    let inner = &dev.inner;
    let s = dev.state().stored.clone();
    if s.smtp_server.is_empty() {
        return Err((Some(360), "no email server is set".into()));
    }
    let target = if MICROSOFT_SMTP_HOSTS
        .iter()
        .any(|h| h.eq_ignore_ascii_case(&s.smtp_server))
    {
        inner.upstream.smtp_addr
    } else if let Ok(ip) = s.smtp_server.parse::<std::net::IpAddr>() {
        std::net::SocketAddr::new(ip, s.smtp_port)
    } else {
        return Err((Some(360), format!("cannot resolve {}", s.smtp_server)));
    };
    let mut tls = TlsParameters::builder(s.smtp_server.clone());
    if s.cert_validation {
        let ca = Certificate::from_pem(inner.upstream.ca_pem.as_bytes())
            .map_err(|e| (None, e.to_string()))?;
        tls = tls.add_root_certificate(ca);
    } else {
        tls = tls.dangerous_accept_invalid_certs(true);
    }
    let tls = tls.build_rustls().map_err(|e| (None, e.to_string()))?;
    let mut b: lettre::transport::smtp::AsyncSmtpTransportBuilder =
        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(target.ip().to_string())
            .port(target.port())
            .timeout(Some(Duration::from_secs(15)))
            .hello_name(lettre::transport::smtp::extension::ClientId::Domain(
                dev.identity().host_name,
            ));
    b = match s.secure {
        Secure::None => b.tls(Tls::None),
        Secure::Starttls => b.tls(Tls::Required(tls)),
        Secure::SslTls => b.tls(Tls::Wrapper(tls)),
    };
    let account = match s.auth_method {
        AuthMethod::OAuth2 => {
            let (account, token) = mail_token(dev).await?;
            b = b
                .credentials(Credentials::new(account.clone(), token))
                .authentication(vec![Mechanism::Xoauth2]);
            account
        }
        AuthMethod::SmtpAuth => {
            b = b
                .credentials(Credentials::new(s.account.clone(), s.password.clone()))
                .authentication(vec![Mechanism::Login, Mechanism::Plain]);
            s.account.clone()
        }
        AuthMethod::Off | AuthMethod::PopBeforeSmtp => s.account.clone(),
    };
    Ok((b.build(), account))
}

/// Maps an SMTP failure to the job history code the guide names, if any.
fn classify(e: &lettre::transport::smtp::Error) -> (Option<u32>, String) {
    let text = e.to_string();
    if e.is_transient() && text.contains("(421)") {
        // "Service not available": no connection to the email service.
        return (Some(360), text);
    }
    if e.is_permanent() || e.is_transient() {
        if text.contains("5.7.3 ") || text.ends_with("5.7.3") {
            return (Some(370), text);
        }
        return (None, text);
    }
    // Connection, TLS and timeouts: no connection to the email service.
    (Some(360), text)
}

fn record(
    dev: &Device,
    kind: &str,
    pages: u32,
    from: &str,
    to: &str,
    result: JobResult,
) -> super::Job {
    let mut st = dev.state();
    let receipt_no = st.jobs.last().map(|j| j.receipt_no + 1).unwrap_or(1);
    let job = Job {
        receipt_no,
        kind: kind.into(),
        at: dev.inner.clock.now(),
        pages,
        from: from.into(),
        to: to.into(),
        file_name: format!("img-{receipt_no:04}.pdf"),
        result,
    };
    if job.result == JobResult::Succeeded {
        st.panel_message = None;
    }
    st.jobs.push(job.clone());
    job
}

pub(crate) async fn scan_to_email(dev: &Device, to: &str, pages: u32) -> Job {
    let sender = dev.state().stored.sender.clone();
    let outcome = async {
        let (transport, _account) = transport(dev).await?;
        let to_mb = to
            .parse()
            .map_err(|e| (None, format!("bad recipient: {e}")))?;
        let from_mb = sender
            .parse()
            .map_err(|e| (None, format!("bad sender address: {e}")))?;
        let id = dev.identity();
        let body = format!("Scanned by {} ({}).", id.instance_name, id.host_name);
        let msg = Message::builder()
            .from(from_mb)
            .to(to_mb)
            .subject(format!("Scan from {}", id.instance_name))
            .multipart(
                MultiPart::mixed()
                    .singlepart(SinglePart::plain(body))
                    .singlepart(Attachment::new("scan.pdf".into()).body(
                        fake_pdf(pages),
                        ContentType::parse("application/pdf").expect("mime"),
                    )),
            )
            .map_err(|e| (None, e.to_string()))?;
        transport.send(msg).await.map_err(|e| classify(&e))?;
        Ok::<(), (Option<u32>, String)>(())
    }
    .await;
    let result = match outcome {
        Ok(()) => JobResult::Succeeded,
        Err((code, detail)) => JobResult::Failed { code, detail },
    };
    record(dev, "Scan to Email", pages, &sender, to, result)
}

/// Why a connection test failed, as the device's result message names it (the
/// manuals' groups: communication, secure connection, SMTP authentication, and on
/// OAuth2 firmware the sign-in to the email service).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TestFailure {
    Communication,
    SecureConnection,
    Authentication,
    SignIn,
}

impl TestFailure {
    /// The label key of the result message.
    pub(crate) fn label(self) -> &'static str {
        match self {
            TestFailure::Communication => "test_err_communication",
            TestFailure::SecureConnection => "test_err_secure",
            TestFailure::Authentication => "test_err_auth",
            TestFailure::SignIn => "test_err_sign_in",
        }
    }
}

/// Email Server > Connection Test: connects to the stored server with the stored
/// settings and authenticates as a job would (XOAUTH2 with the device's token).
/// A failure carries its group and what the server (or Entra ID) said.
pub(crate) async fn connection_test_outcome(dev: &Device) -> Result<(), (TestFailure, String)> {
    let (transport, _) = transport(dev).await.map_err(|(code, d)| {
        let kind = match code {
            Some(361 | 370) => TestFailure::SignIn,
            None => TestFailure::SecureConnection,
            _ => TestFailure::Communication,
        };
        (kind, d)
    })?;
    match transport.test_connection().await {
        Ok(true) => Ok(()),
        Ok(false) => Err((
            TestFailure::Communication,
            "the server did not answer".into(),
        )),
        Err(e) => {
            let detail = server_reply(&e);
            let kind = if e.is_tls() {
                TestFailure::SecureConnection
            } else if e.is_permanent() || e.is_transient() {
                let code = e.status().map(u16::from).unwrap_or(0);
                if (530..=539).contains(&code) || code == 334 {
                    TestFailure::Authentication
                } else {
                    TestFailure::Communication
                }
            } else {
                TestFailure::Communication
            };
            Err((kind, detail))
        }
    }
}

/// The server's reply as it came on the wire ("535 5.7.139 ..."), else the error.
fn server_reply(e: &lettre::transport::smtp::Error) -> String {
    let text = e.to_string();
    match (e.status(), text.split_once("): ")) {
        (Some(code), Some((_, msg))) => format!("{} {msg}", u16::from(code)),
        _ => classify(e).1,
    }
}

pub(crate) async fn connection_test(dev: &Device) -> Result<String, String> {
    let lang = dev.state().lang;
    match connection_test_outcome(dev).await {
        Ok(()) => Ok(t(lang, "test_ok").to_string()),
        Err((kind, detail)) => Err(format!("{} {detail}", t(lang, kind.label()))),
    }
}

fn fake_pdf(pages: u32) -> Vec<u8> {
    let mut v = b"%PDF-1.4\n".to_vec();
    for p in 0..pages.max(1) {
        v.extend_from_slice(format!("% page {}\n", p + 1).as_bytes());
    }
    v.extend_from_slice(b"%%EOF\n");
    v
}
