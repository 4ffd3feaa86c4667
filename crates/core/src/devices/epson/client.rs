//! HTTP to one device: HTTPS with the leaf certificate pinned on first use (plain
//! HTTP only when allowed), a cookie store for the Web Config session, and bounded
//! retries for HTTP 500 and for the moments a restarting device is away (HTTP 503,
//! connection refused).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use sha2::{Digest, Sha256};
use url::Url;

use super::forms::Page;
use super::{ConnectOptions, DeviceAddress};
use crate::devices::{DeviceError, Wait, WaitObserver, WaitReason};

/// Who is told of this device's waits (shared with the driver, which sets it).
pub(crate) type Waits = Arc<Mutex<Option<WaitObserver>>>;

/// Accepts the device's (self-signed) certificate when it matches the pin, or when
/// there is no pin yet; records what it saw.
#[derive(Debug)]
struct PinVerifier {
    expected: Arc<Mutex<Option<String>>>,
    seen: Arc<Mutex<Option<String>>>,
    provider: Arc<CryptoProvider>,
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl ServerCertVerifier for PinVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let fp = sha256_hex(end_entity.as_ref());
        *self.seen.lock().unwrap() = Some(fp.clone());
        match &*self.expected.lock().unwrap() {
            Some(pin) if *pin != fp => Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::ApplicationVerificationFailure,
            )),
            _ => Ok(ServerCertVerified::assertion()),
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

pub(crate) struct Http {
    client: reqwest::Client,
    expected: Arc<Mutex<Option<String>>>,
    seen: Arc<Mutex<Option<String>>>,
    addr: DeviceAddress,
    opts: ConnectOptions,
    /// The chosen base URL (https or http), once probed.
    base: Mutex<Option<Url>>,
    /// The address the device last answered from.
    peer: Mutex<Option<std::net::IpAddr>>,
    /// The device has answered at least once: only then is a refused connection a
    /// restart worth waiting for; before, the device is simply not reachable.
    answered: std::sync::atomic::AtomicBool,
    waits: Waits,
}

impl Http {
    pub fn new(
        addr: DeviceAddress,
        opts: ConnectOptions,
        waits: Waits,
    ) -> Result<Http, DeviceError> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let expected = Arc::new(Mutex::new(None));
        let seen = Arc::new(Mutex::new(None));
        let verifier = PinVerifier {
            expected: expected.clone(),
            seen: seen.clone(),
            provider: provider.clone(),
        };
        let tls_err = |e: &dyn std::fmt::Display| DeviceError::DeviceHttpsUnavailable {
            address: addr.display(),
            detail: e.to_string(),
        };
        let mut tls = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| tls_err(&e))?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(verifier))
            .with_no_client_auth();
        // Every new connection is verified against the pin.
        tls.resumption = rustls::client::Resumption::disabled();
        let client = reqwest::Client::builder()
            .use_preconfigured_tls(tls)
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::limited(5))
            .connect_timeout(opts.connect_timeout)
            .timeout(opts.request_timeout)
            .user_agent(concat!("printoauth/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| tls_err(&e))?;
        Ok(Http {
            client,
            expected,
            seen,
            addr,
            opts,
            base: Mutex::new(None),
            peer: Mutex::new(None),
            answered: std::sync::atomic::AtomicBool::new(false),
            waits,
        })
    }

    /// Tells the observer, if any, of a wait.
    pub(crate) fn tell(&self, w: Wait) {
        let observer = self.waits.lock().unwrap().clone();
        if let Some(o) = observer {
            o(w);
        }
    }

    /// A wait begins: told once per reason in a row.
    fn wait_begins(&self, current: &mut Option<WaitReason>, reason: WaitReason, up_to: Duration) {
        if *current != Some(reason) {
            *current = Some(reason);
            self.tell(Wait::Begins {
                reason,
                up_to_secs: up_to.as_secs().max(1),
            });
        }
    }

    fn pin_key(&self) -> String {
        self.addr.pin_key()
    }

    pub fn address(&self) -> String {
        self.addr.display()
    }

    /// The address the device last answered from.
    pub fn peer_ip(&self) -> Option<std::net::IpAddr> {
        *self.peer.lock().unwrap()
    }

    /// Whether the device has answered in this run.
    pub fn has_answered(&self) -> bool {
        self.answered.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn mark_answered(&self) {
        self.answered
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// The base URL, choosing HTTPS (pinning its certificate) or, when allowed and
    /// HTTPS is unavailable, HTTP.
    pub async fn base(&self) -> Result<Url, DeviceError> {
        if let Some(b) = self.base.lock().unwrap().clone() {
            return Ok(b);
        }
        let mut https_detail = String::from("no HTTPS port");
        let mut https_timed_out = false;
        if let Some(port) = self.addr.https_port {
            let base = Url::parse(&format!("https://{}:{port}/", self.addr.host_for_url()))
                .map_err(|e| DeviceError::DeviceUnreachable {
                    address: self.address(),
                    detail: e.to_string(),
                })?;
            let key = self.pin_key();
            let pinned = self.opts.pin_store.get(&key)?;
            *self.expected.lock().unwrap() = pinned.clone();
            *self.seen.lock().unwrap() = None;
            let probe = base.join(super::COMMON_TOP).expect("static path");
            let started = Instant::now();
            loop {
                match self.client.get(probe.clone()).send().await {
                    Ok(_) => {
                        self.mark_answered();
                        let seen = self.seen.lock().unwrap().clone();
                        if pinned.is_none() {
                            if let Some(fp) = &seen {
                                self.opts.pin_store.set(&key, fp)?;
                                *self.expected.lock().unwrap() = Some(fp.clone());
                            }
                        }
                        *self.base.lock().unwrap() = Some(base.clone());
                        return Ok(base);
                    }
                    Err(e) => {
                        if let Some(err) = self.pin_error() {
                            return Err(err);
                        }
                        https_detail = error_chain(&e);
                        https_timed_out = e.is_timeout();
                        if tls_too_old(&https_detail) {
                            // An answer, only not one we can use: no point waiting.
                            break;
                        }
                        // A device that answered before and is now in the middle
                        // of a restart: wait a little.
                        if e.is_connect()
                            && self.has_answered()
                            && started.elapsed()
                                < self.opts.restart_timeout.min(Duration::from_secs(5))
                            && !self.opts.allow_http
                        {
                            tokio::time::sleep(Duration::from_millis(500)).await;
                            continue;
                        }
                        break;
                    }
                }
            }
        }
        if self.opts.allow_http {
            let port = self.addr.http_port.unwrap_or(80);
            let base = Url::parse(&format!("http://{}:{port}/", self.addr.host_for_url()))
                .map_err(|e| DeviceError::DeviceUnreachable {
                    address: self.address(),
                    detail: e.to_string(),
                })?;
            *self.base.lock().unwrap() = Some(base.clone());
            return Ok(base);
        }
        if tls_too_old(&https_detail) {
            return Err(DeviceError::DeviceTlsTooOld {
                address: self.address(),
                detail: https_detail,
            });
        }
        if https_timed_out {
            // No answer in time at all: the device is unreachable (or too slow),
            // not merely without HTTPS.
            return Err(DeviceError::DeviceUnreachable {
                address: self.address(),
                detail: https_detail,
            });
        }
        Err(DeviceError::DeviceHttpsUnavailable {
            address: self.address(),
            detail: https_detail,
        })
    }

    fn pin_error(&self) -> Option<DeviceError> {
        let expected = self.expected.lock().unwrap().clone()?;
        let seen = self.seen.lock().unwrap().clone()?;
        (expected != seen).then(|| DeviceError::DeviceCertificateChanged {
            address: self.pin_key(),
            pinned_sha256: expected,
            found_sha256: seen,
        })
    }

    /// An absolute URL for a path on the device.
    pub async fn url(&self, path: &str) -> Result<Url, DeviceError> {
        Ok(self.base().await?.join(path).expect("path joins"))
    }

    /// GET, with retries. 404 and other client errors come back as pages.
    pub async fn get(&self, url: &Url) -> Result<Page, DeviceError> {
        self.send(url, None).await
    }

    /// POST form-urlencoded, with retries.
    pub async fn post(&self, url: &Url, form: &[(String, String)]) -> Result<Page, DeviceError> {
        self.send(url, Some(form)).await
    }

    /// POST returning the raw body text (CSV exports).
    pub async fn post_text(
        &self,
        url: &Url,
        form: &[(String, String)],
    ) -> Result<(u16, String, String), DeviceError> {
        let (status, ctype, body) = self.send_raw(url, Some(form)).await?;
        Ok((status, ctype, body))
    }

    async fn send(
        &self,
        url: &Url,
        form: Option<&[(String, String)]>,
    ) -> Result<Page, DeviceError> {
        let (status, _, body) = self.send_raw(url, form).await?;
        Ok(Page::parse(url.clone(), status, body))
    }

    async fn send_raw(
        &self,
        url: &Url,
        form: Option<&[(String, String)]>,
    ) -> Result<(u16, String, String), DeviceError> {
        let mut waiting = None;
        let answer = self.send_waiting(url, form, &mut waiting).await;
        if waiting.is_some() && answer.is_ok() {
            self.tell(Wait::Over);
        }
        answer
    }

    /// One request with its retries; `waiting`: the wait told of, if any.
    async fn send_waiting(
        &self,
        url: &Url,
        form: Option<&[(String, String)]>,
        waiting: &mut Option<WaitReason>,
    ) -> Result<(u16, String, String), DeviceError> {
        let started = Instant::now();
        let mut server_errors = 0u32;
        let mut attempts = 0u32;
        loop {
            attempts += 1;
            *self.seen.lock().unwrap() = None;
            let req = match form {
                Some(f) => self.client.post(url.clone()).form(f),
                None => self.client.get(url.clone()),
            };
            let away = match req.send().await {
                Ok(resp) => {
                    self.mark_answered();
                    if let Some(a) = resp.remote_addr() {
                        *self.peer.lock().unwrap() = Some(a.ip());
                    }
                    let status = resp.status().as_u16();
                    let ctype = resp
                        .headers()
                        .get(reqwest::header::CONTENT_TYPE)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("")
                        .to_string();
                    match status {
                        503 => "HTTP 503".to_string(),
                        // The server does not do this at all: asking again changes nothing.
                        501 => {
                            return Err(DeviceError::DeviceHttpStatus {
                                path: url.path().to_string(),
                                status,
                                attempts,
                            })
                        }
                        500..=599 => {
                            server_errors += 1;
                            if server_errors > self.opts.server_error_retries {
                                return Err(DeviceError::DeviceHttpStatus {
                                    path: url.path().to_string(),
                                    status,
                                    attempts,
                                });
                            }
                            let left = self.opts.server_error_retries + 1 - server_errors;
                            self.wait_begins(
                                waiting,
                                WaitReason::DeviceServerError,
                                self.opts.retry_delay * left,
                            );
                            tokio::time::sleep(self.opts.retry_delay).await;
                            continue;
                        }
                        _ => {
                            // Kept only while a capture runs (crate::capture).
                            let recording = crate::capture::exchange(url, form, &resp);
                            let body =
                                resp.text()
                                    .await
                                    .map_err(|e| DeviceError::DeviceUnreachable {
                                        address: self.address(),
                                        detail: error_chain(&e),
                                    })?;
                            if let Some(r) = recording {
                                r.finish(&body);
                            }
                            return Ok((status, ctype, body));
                        }
                    }
                }
                Err(e) => {
                    if let Some(err) = self.pin_error() {
                        return Err(err);
                    }
                    if !(e.is_connect() || e.is_timeout() || e.is_request()) {
                        return Err(DeviceError::DeviceUnreachable {
                            address: self.address(),
                            detail: error_chain(&e),
                        });
                    }
                    // Never answered in this run: not a restart, not reachable.
                    if !self.has_answered() && attempts >= NOT_ANSWERING_ATTEMPTS {
                        return Err(DeviceError::DeviceUnreachable {
                            address: self.address(),
                            detail: error_chain(&e),
                        });
                    }
                    error_chain(&e)
                }
            };
            // Away: a restart in progress, or the network. Wait within the budget.
            if started.elapsed() >= self.opts.restart_timeout {
                return Err(if away.starts_with("HTTP") {
                    DeviceError::DeviceRestartTimeout {
                        address: self.address(),
                        waited_secs: started.elapsed().as_secs(),
                    }
                } else {
                    DeviceError::DeviceUnreachable {
                        address: self.address(),
                        detail: away,
                    }
                });
            }
            tracing::debug!(url = %url, reason = %away, "device away, retrying");
            self.wait_begins(
                waiting,
                WaitReason::DeviceAway,
                self.opts.restart_timeout.saturating_sub(started.elapsed()),
            );
            tokio::time::sleep(self.opts.retry_delay).await;
        }
    }
}

/// Connection attempts to a device that has not answered in this run before it is
/// reported as not reachable (a refused or timed-out connection is taken for a
/// restart only once the device has answered).
const NOT_ANSWERING_ATTEMPTS: u32 = 2;

/// Whether a failed TLS handshake means the device offers only an old protocol
/// version (or old ciphers): its alert "protocol version" / "handshake failure",
/// or rustls finding nothing in common.
fn tls_too_old(detail: &str) -> bool {
    let d = detail.to_ascii_lowercase();
    [
        "protocolversion",
        "protocol version",
        "handshakefailure",
        "handshake failure",
        "peerincompatible",
        "peer is incompatible",
        "insufficientsecurity",
    ]
    .iter()
    .any(|m| d.contains(m))
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(x) = src {
        s.push_str(": ");
        s.push_str(&x.to_string());
        src = x.source();
    }
    s
}
