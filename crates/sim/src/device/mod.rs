//! The Epson Web Config device emulator: one emulated printer/scanner with its
//! embedded web server (HTTP and HTTPS, a self-signed certificate per device), its
//! administrator log-in (business and consumer firmware families), the Email Server
//! pages with OAuth2 sign-in run by the device itself, fax-server email settings,
//! job history, and real mail through the SMTP emulator.
//!
//! Pages are written in one of two layouts (`markup.rs`): the structure captured from
//! real devices, or an older table layout; `pages.rs` says which facts are captured
//! and which are assumed. A device whose TLS is too old (`legacy_tls.rs`) refuses
//! every modern ClientHello on its HTTPS port.

mod labels;
mod legacy_tls;
mod mail;
pub use mail::TestFailure;
mod markup;
mod pages;
mod relabel;
mod settings;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};

use serde::{Deserialize, Serialize};

use crate::certs::Leaf;
use crate::clock::Clock;
use crate::config::{DeviceConfig, Lang, DEFAULT_ADMIN_PASSWORD};
use crate::http::Shutdown;
use crate::models::{self, DeviceIdentity, Family, Markup, ModelSpec, SaveStyle, Vendor};
use crate::tenant::Tenant;

pub use mail::{Job, JobResult};
pub use settings::{AuthMethod, EmailService, FaxMailSettings, MailSettings, Secure};

/// Consecutive failed log-ins before the administrator log-in locks.
pub const LOCKOUT_AFTER: u32 = 5;
/// How long the lock-out lasts (world seconds).
pub const LOCKOUT_SECS: i64 = 300;
/// How long a restart keeps the web server away (real milliseconds).
pub const RESTART_MS: u64 = 1500;
/// How long an administrator session lives without use (world seconds).
pub const SESSION_IDLE_SECS: i64 = 20 * 60;

/// Faults a test can inject into one device.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct DeviceFaults {
    /// Every answer is delayed by this many milliseconds.
    pub delay_ms: u64,
    /// The next N requests answer HTTP 500.
    pub http_500_next: u32,
    /// The next save confirmation restarts the device before anything is stored.
    pub restart_on_next_save: bool,
    /// A page a client cannot read: in every HTML answer, visible text equal to the
    /// first string of a pair is shown as the second (see `relabel.rs`).
    pub relabel: Vec<(String, String)>,
}

/// Where the device reaches the outside world: the identity emulator and the SMTP
/// emulator (which stand in for login.microsoftonline.com and Exchange Online).
#[derive(Clone, Debug)]
pub struct Upstream {
    /// Base URL of the identity emulator, e.g. "http://127.0.0.1:4001".
    pub identity_base: String,
    /// The SMTP emulator's address: Microsoft's SMTP host names resolve to it.
    pub smtp_addr: SocketAddr,
    /// The world CA (PEM) the device trusts when validating certificates.
    pub ca_pem: String,
    /// Client id of the vendor's application the device signs in with.
    pub client_id: String,
}

/// The device's OAuth 2.0 sign-in for the email server.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum OAuthState {
    SignedOut,
    /// "Sign in with Microsoft" was pressed: the device shows a code and polls.
    Pending {
        user_code: String,
        verification_uri: String,
        expires_at: i64,
        #[serde(skip)]
        device_code: String,
        service: EmailService,
    },
    SignedIn {
        account: String,
        service: EmailService,
        #[serde(skip)]
        tokens: Tokens,
    },
    /// The last sign-in attempt failed; the page says why.
    Failed {
        error: String,
        description: String,
    },
    /// The tokens lapsed (long disuse, revoked): the admin must sign in again.
    Expired {
        account: String,
    },
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tokens {
    pub access_token: String,
    pub refresh_token: String,
    pub access_expires_at: i64,
}

/// One administrator session (cookie EPSON_COOKIE_SESSION).
#[derive(Clone, Debug)]
pub(crate) struct Session {
    setup_token: String,
    last_seen: i64,
    /// An administrator session (a general user's session opens no settings page).
    admin: bool,
    /// Email Server settings being edited and not yet saved (sent to the device with OK).
    draft: Option<MailSettings>,
    fax_draft: Option<FaxMailSettings>,
}

/// Everything the device knows; what the control API reads back.
#[derive(Debug)]
pub struct DeviceState {
    pub lang: Lang,
    pub firmware: String,
    /// The business log-in's administrator user name ("" = blank, the factory default).
    pub admin_user: String,
    pub admin_password: String,
    pub additional_network: bool,
    pub failed_logins: u32,
    pub locked_until: Option<i64>,
    pub boot_count: u32,
    /// While set (real time), the web server is restarting.
    pub restarting_until: Option<std::time::Instant>,
    pub(crate) sessions: HashMap<String, Session>,
    /// Email Server settings stored in the device (what mail uses).
    pub stored: MailSettings,
    /// Fax > Fax Server > Email Server Settings, stored.
    pub fax_stored: FaxMailSettings,
    /// The sign-in shown as Current Status.
    pub oauth: OAuthState,
    /// Tokens sent to the printer with OK: what mail really uses.
    pub committed: Option<(String, Tokens)>,
    pub jobs: Vec<Job>,
    /// A message on the device's panel, if any.
    pub panel_message: Option<String>,
    pub faults: DeviceFaults,
    /// World time of the last mail function use.
    pub last_mail_use: i64,
}

/// A running emulated device.
#[derive(Clone)]
pub struct Device {
    inner: Arc<DeviceInner>,
}

pub(crate) struct DeviceInner {
    pub index: usize,
    pub identity: DeviceIdentity,
    pub cert: Leaf,
    pub clock: Clock,
    pub tenant: Tenant,
    pub upstream: Upstream,
    pub http: Mutex<Option<(SocketAddr, SocketAddr)>>,
    pub state: Mutex<DeviceState>,
    pub shutdown: Shutdown,
    pub http_client: reqwest::Client,
    /// HTTPS answers every ClientHello with a protocol_version alert.
    pub legacy_tls_only: bool,
}

/// What the control API reports about a device.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DeviceReport {
    pub index: usize,
    pub vendor: Vendor,
    pub model: String,
    pub family: Family,
    pub firmware: String,
    pub oauth2_available: bool,
    pub additional_network: bool,
    pub host_name: String,
    pub mac: String,
    pub uuid: String,
    pub ip: IpAddr,
    pub http_url: String,
    pub https_url: String,
    pub cert_sha256: String,
    /// The administrator user name the log-in takes: `Some("")` for the blank
    /// factory default of business models, `Some(name)` when one is set, `None` when
    /// the log-in has no user name (consumer models, other vendors).
    pub admin_user: Option<String>,
    pub admin_password: String,
    /// Web Config's current language.
    pub language: Lang,
    pub markup: Markup,
    pub save_style: SaveStyle,
    /// The HTTPS port refuses modern TLS (protocol_version alert).
    pub legacy_tls_only: bool,
    pub locked: bool,
    pub boot_count: u32,
    pub stored: MailSettings,
    pub fax_stored: FaxMailSettings,
    pub oauth: OAuthState,
    pub committed_account: Option<String>,
    pub panel_message: Option<String>,
    pub jobs: Vec<Job>,
    pub faults: DeviceFaults,
}

fn derive_mac(index: usize, vendor: Vendor) -> [u8; 6] {
    let oui: [u8; 3] = match vendor {
        Vendor::Epson => [0x64, 0xeb, 0x8c],
        Vendor::Brother => [0x30, 0x05, 0x5c],
        Vendor::Hp => [0x28, 0x80, 0x23],
        Vendor::Canon => [0x00, 0x1e, 0x8f],
    };
    let n = index as u32 + 0x4a3a10;
    [
        oui[0],
        oui[1],
        oui[2],
        (n >> 16) as u8,
        (n >> 8) as u8,
        n as u8,
    ]
}

fn parse_mac(s: &str) -> Option<[u8; 6]> {
    let hex: String = s.chars().filter(|c| c.is_ascii_hexdigit()).collect();
    if hex.len() != 12 {
        return None;
    }
    let mut mac = [0u8; 6];
    for (i, b) in mac.iter_mut().enumerate() {
        *b = u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).ok()?;
    }
    Some(mac)
}

/// Builds the identity a device shows on the network (host name, UUID, instance name).
pub fn identity_for(
    index: usize,
    cfg: &DeviceConfig,
    spec: &'static ModelSpec,
    ip: IpAddr,
) -> anyhow::Result<DeviceIdentity> {
    let mac = match &cfg.mac {
        Some(m) => parse_mac(m).ok_or_else(|| anyhow::anyhow!("bad MAC address {m:?}"))?,
        None => derive_mac(index, spec.vendor),
    };
    let hex: String = mac.iter().map(|b| format!("{b:02x}")).collect();
    let tail: String = mac[3..].iter().map(|b| format!("{b:02X}")).collect();
    let (host_name, uuid, instance) = match spec.vendor {
        Vendor::Epson => (
            format!("EPSON{tail}"),
            format!("cfe92100-67c4-11d4-a45f-{hex}"),
            format!("EPSON {}", spec.name),
        ),
        Vendor::Brother => (
            format!("BRN{}", hex.to_uppercase()),
            format!("e3248000-80ce-11db-8000-{hex}"),
            format!("Brother {}", spec.name),
        ),
        Vendor::Hp => (
            format!("HP{}", hex.to_uppercase()),
            format!("564e4333-4e30-3738-3431-{hex}"),
            format!("{} [{}]", spec.name, &hex.to_uppercase()[6..]),
        ),
        Vendor::Canon => (
            format!("Canon{}", &hex[6..]),
            format!("00000000-0000-1000-8000-{hex}"),
            format!("Canon {}", spec.name),
        ),
    };
    Ok(DeviceIdentity {
        model: spec,
        mac,
        host_name: cfg.host_name.clone().unwrap_or(host_name),
        instance_name: instance,
        uuid,
        ip,
        http_port: 0,
        https_port: 0,
    })
}

impl Device {
    /// Creates the device (not yet serving).
    pub(crate) fn new(
        index: usize,
        cfg: &DeviceConfig,
        identity: DeviceIdentity,
        clock: Clock,
        tenant: Tenant,
        upstream: Upstream,
        shutdown: Shutdown,
    ) -> anyhow::Result<Self> {
        let spec = identity.model;
        let names = vec![
            format!("{}.local", identity.host_name),
            identity.host_name.clone(),
        ];
        let cert = crate::certs::self_signed(&identity.host_name, &names, &[identity.ip]);
        let mut stored = MailSettings::factory();
        if cfg.start_with_basic_auth {
            stored = MailSettings::basic_auth_example();
        }
        let mut roots = rustls::RootCertStore::empty();
        for c in rustls_pemfile::certs(&mut upstream.ca_pem.as_bytes()).flatten() {
            let _ = roots.add(c);
        }
        let http_client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(20))
            .build()?;
        let now = clock.unix();
        let state = DeviceState {
            lang: cfg.language,
            firmware: cfg
                .firmware
                .clone()
                .unwrap_or_else(|| spec.firmware.to_string()),
            admin_user: cfg.admin_user.clone().unwrap_or_default(),
            admin_password: cfg
                .admin_password
                .clone()
                .unwrap_or_else(|| DEFAULT_ADMIN_PASSWORD.to_string()),
            additional_network: cfg.additional_network,
            failed_logins: 0,
            locked_until: None,
            boot_count: 1,
            restarting_until: None,
            sessions: HashMap::new(),
            stored,
            fax_stored: FaxMailSettings::default(),
            oauth: OAuthState::SignedOut,
            committed: None,
            jobs: Vec::new(),
            panel_message: None,
            faults: DeviceFaults::default(),
            last_mail_use: now,
        };
        Ok(Self {
            inner: Arc::new(DeviceInner {
                index,
                identity,
                cert,
                clock,
                tenant,
                upstream,
                http: Mutex::new(None),
                state: Mutex::new(state),
                shutdown,
                http_client,
                legacy_tls_only: cfg.legacy_tls_only,
            }),
        })
    }

    /// Starts the web server: HTTP on `http` and HTTPS on `https`.
    pub(crate) async fn serve(&self, http: SocketAddr, https: SocketAddr) -> std::io::Result<()> {
        let router = relabel::layer(pages::router(self.clone()), self.clone());
        let (h, _) =
            crate::http::serve(http, None, router.clone(), self.inner.shutdown.clone()).await?;
        let s = if self.inner.legacy_tls_only {
            legacy_tls::serve(https, self.inner.shutdown.clone()).await?
        } else {
            let tls = tokio_rustls::TlsAcceptor::from(self.inner.cert.server_config());
            crate::http::serve(https, Some(tls), router, self.inner.shutdown.clone())
                .await?
                .0
        };
        *self.inner.http.lock().unwrap() = Some((h, s));
        Ok(())
    }

    pub fn index(&self) -> usize {
        self.inner.index
    }

    /// The network identity with the ports the web server really listens on.
    pub fn identity(&self) -> DeviceIdentity {
        let mut id = self.inner.identity.clone();
        if let Some((h, s)) = *self.inner.http.lock().unwrap() {
            id.http_port = h.port();
            id.https_port = s.port();
        }
        id
    }

    pub fn http_addr(&self) -> Option<SocketAddr> {
        self.inner.http.lock().unwrap().map(|(h, _)| h)
    }

    pub fn https_addr(&self) -> Option<SocketAddr> {
        self.inner.http.lock().unwrap().map(|(_, s)| s)
    }

    pub fn spec(&self) -> &'static ModelSpec {
        self.inner.identity.model
    }

    pub fn cert(&self) -> &Leaf {
        &self.inner.cert
    }

    /// The device's state (lock briefly, never across an await).
    pub fn state(&self) -> MutexGuard<'_, DeviceState> {
        self.inner.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether this device's firmware offers OAuth2 for the email server.
    pub fn oauth2_available(&self) -> bool {
        let spec = self.spec();
        spec.vendor == Vendor::Epson
            && match spec.oauth2_since {
                Some(since) => models::firmware_at_least(&self.state().firmware, since),
                None => false,
            }
    }

    pub fn set_faults(&self, f: DeviceFaults) {
        self.state().faults = f;
    }

    /// Locks the administrator log-in now, as repeated failures do.
    pub fn lock_out(&self) {
        let now = self.inner.clock.unix();
        let mut st = self.state();
        st.failed_logins = LOCKOUT_AFTER;
        st.locked_until = Some(now + LOCKOUT_SECS);
    }

    /// Replaces every session's setup token, so forms already loaded are stale.
    pub fn make_setup_tokens_stale(&self) {
        for s in self.state().sessions.values_mut() {
            s.setup_token = pages::new_token();
        }
    }

    /// Restarts the device: sessions and unsaved edits are lost, the web server is away
    /// for a moment; stored settings and the sign-in survive.
    pub fn restart(&self) {
        let mut st = self.state();
        st.sessions.clear();
        st.boot_count += 1;
        st.restarting_until =
            Some(std::time::Instant::now() + std::time::Duration::from_millis(RESTART_MS));
        if matches!(st.oauth, OAuthState::Pending { .. }) {
            st.oauth = OAuthState::SignedOut;
        }
    }

    /// Makes the device's tokens lapse as after long disuse: the access token is
    /// expired and the refresh token has been unused for longer than Entra ID allows.
    pub fn expire_tokens(&self) {
        let now = self.inner.clock.unix();
        let mut refresh = Vec::new();
        {
            let mut st = self.state();
            if let OAuthState::SignedIn { tokens, .. } = &mut st.oauth {
                tokens.access_expires_at = now - 1;
                refresh.push(tokens.refresh_token.clone());
            }
            if let Some((_, tokens)) = &mut st.committed {
                tokens.access_expires_at = now - 1;
                refresh.push(tokens.refresh_token.clone());
            }
        }
        let mut ts = self.inner.tenant.state();
        for r in refresh {
            if let Some(rec) = ts.refresh_tokens.get_mut(&r) {
                rec.last_used = now - crate::tenant::REFRESH_TOKEN_INACTIVITY - 1;
            }
        }
    }

    /// Scans a page and mails it to `to` (scan-to-email), as a user at the panel does.
    pub async fn scan_to_email(&self, to: &str, pages: u32) -> Job {
        mail::scan_to_email(self, to, pages).await
    }

    /// The connection test of Email Server > Connection Test.
    pub async fn connection_test(&self) -> Result<String, String> {
        mail::connection_test(self).await
    }

    /// The connection test's outcome: its failure's group and detail.
    pub async fn connection_test_outcome(&self) -> Result<(), (mail::TestFailure, String)> {
        mail::connection_test_outcome(self).await
    }

    /// Everything the control API reports.
    pub fn report(&self) -> DeviceReport {
        let id = self.identity();
        let spec = self.spec();
        let oauth2 = self.oauth2_available();
        let now = self.inner.clock.unix();
        let st = self.state();
        let host = id.ip;
        let fmt_host = |ip: IpAddr| match ip {
            IpAddr::V4(v) => v.to_string(),
            IpAddr::V6(v) => format!("[{v}]"),
        };
        DeviceReport {
            index: self.inner.index,
            vendor: spec.vendor,
            model: spec.name.to_string(),
            family: spec.family,
            firmware: st.firmware.clone(),
            oauth2_available: oauth2,
            additional_network: st.additional_network,
            host_name: id.host_name.clone(),
            mac: id
                .mac
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<Vec<_>>()
                .join(":"),
            uuid: id.uuid.clone(),
            ip: host,
            http_url: format!("http://{}:{}", fmt_host(host), id.http_port),
            https_url: format!("https://{}:{}", fmt_host(host), id.https_port),
            cert_sha256: self.inner.cert.sha256_fingerprint(),
            admin_user: (spec.vendor == Vendor::Epson && spec.family == Family::Business)
                .then(|| st.admin_user.clone()),
            admin_password: st.admin_password.clone(),
            language: st.lang,
            markup: spec.markup,
            save_style: spec.save_style,
            legacy_tls_only: self.inner.legacy_tls_only,
            locked: st.locked_until.is_some_and(|t| t > now),
            boot_count: st.boot_count,
            stored: st.stored.clone(),
            fax_stored: st.fax_stored.clone(),
            oauth: st.oauth.clone(),
            committed_account: st.committed.as_ref().map(|(a, _)| a.clone()),
            panel_message: st.panel_message.clone(),
            jobs: st.jobs.clone(),
            faults: st.faults.clone(),
        }
    }
}
