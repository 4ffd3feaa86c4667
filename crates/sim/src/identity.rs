//! The Entra ID emulator: the OAuth 2.0 device authorization grant (RFC 8628) as the
//! Microsoft identity platform runs it, the refresh token grant, and the device sign-in
//! pages a person goes through in a browser, on the hosts Microsoft serves them from.
//!
//! Endpoints (all answers carry Entra's shapes and AADSTS numbers, see
//! `/work/shared/reference/identity-and-smtp.md`), on the main origin, which stands for
//! login.microsoftonline.com (and microsoft.com, whose `/devicelogin` it serves):
//! - `POST /{tenant}/oauth2/v2.0/devicecode` (form `client_id`, `scope`; `?mkt=xx-XX`
//!   localises `message`). `{tenant}` `consumers` gives personal-account codes, whose
//!   verification page is www.microsoft.com/link and which live 1800 s.
//! - `POST /{tenant}/oauth2/v2.0/token` (device code and refresh token grants)
//! - `GET|POST /devicelogin` (also `GET /device`, as login.microsoft.com serves it): the
//!   work-account pages ([`pages`]); `POST /login.srf`: the return from a federated
//!   domain's own identity provider
//! - `GET /{tenant}/v2.0/.well-known/openid-configuration` and `GET /error?code=n`
//!
//! Every other host the sign-in passes through is a loopback origin of its own
//! ([`Identity::origins`]): login.microsoft.com (`/device`), www.microsoft.com (`/link`),
//! login.live.com and account.live.com (personal accounts), and each federated domain's
//! identity provider. The sign-in state lives on the server: each page after the code
//! page names its flow (a hidden `flow` field, or `?flow=` in a redirect). All time
//! comes from the tenant's world clock.

mod endpoints;
mod pages;
mod scopes;

use std::collections::{HashMap, HashSet};
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use axum::http::header;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::{Rng, RngCore};
use serde::{Deserialize, Serialize};
use serde_json::json;

pub use endpoints::sign_in_message;
use endpoints::{OAuthError, *};
use scopes::Scopes;

use crate::http::Shutdown;
use crate::tenant::{AppConfig, Tenant, UserConfig, ACCESS_TOKEN_LIFETIME};

/// Lifetime of a device code / user code for work accounts, seconds (Entra: 900).
pub const DEVICE_CODE_LIFETIME: i64 = 900;
/// Lifetime of a personal-account (`consumers`) code, seconds (up to 1800 on
/// Microsoft's side).
pub const CONSUMER_CODE_LIFETIME: i64 = 1800;
/// The polling interval Entra announces, seconds.
pub const POLL_INTERVAL: u64 = 5;
/// The device code grant type.
pub const DEVICE_CODE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";
/// Length of user codes.
pub const USER_CODE_LEN: usize = 9;

/// User code alphabet: upper-case letters and digits without the look-alikes 0/O, 1/I.
const USER_CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/// Device codes are kept this long after expiry, so that late polls still read
/// `expired_token` rather than `bad_verification_code`.
const EXPIRED_RETENTION: i64 = 6 * 3600;
/// A federated identity provider's answer must come back within this many seconds.
const TICKET_LIFETIME: i64 = 300;

/// Faults a test can inject.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IdentityFaults {
    /// The next N device code token polls answer `slow_down`.
    pub slow_down_polls: u32,
    /// The next N requests to any endpoint answer HTTP 500.
    pub http_500_next: u32,
    /// Every answer is delayed by this many milliseconds.
    pub delay_ms: u64,
}

/// A device code nobody has finished signing in for yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingCode {
    pub user_code: String,
    pub client_id: String,
    /// The scope as the device asked for it.
    pub scope: String,
    /// Unix seconds, world clock.
    pub expires_at: i64,
}

/// Why a sign-in on the device login pages (or [`Identity::approve`]) did not go through.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SignInError {
    #[error("AADSTS90119: the code is not valid")]
    InvalidCode,
    #[error("AADSTS70020: the code has expired")]
    CodeExpired,
    #[error("AADSTS90120: the code has already been used or declined")]
    CodeUsed,
    #[error("AADSTS50034: the account {0} does not exist in the directory")]
    UnknownUser(String),
    #[error("AADSTS50126: invalid username or password")]
    BadPassword,
    #[error("AADSTS53003: access blocked by Conditional Access")]
    ConditionalAccess,
    #[error("AADSTS90094: the application needs an administrator's approval")]
    AdminApprovalRequired,
    /// A personal Microsoft account on a code for work accounts only.
    #[error("AADSTS50020: {0} is a personal account; this code needs a work or school account")]
    PersonalAccountNotAllowed(String),
    /// A work account on a code for personal accounts only.
    #[error("{0} is a work or school account; this code needs a personal Microsoft account")]
    WorkAccountNotAllowed(String),
    /// The page's sign-in session is unknown (restart from the code page).
    #[error("the sign-in session has ended; enter the code again")]
    SessionExpired,
}

impl SignInError {
    /// The AADSTS number Entra shows for this outcome.
    pub fn aadsts(&self) -> Option<u32> {
        match self {
            SignInError::InvalidCode => Some(90119),
            SignInError::CodeExpired => Some(70020),
            SignInError::CodeUsed => Some(90120),
            SignInError::UnknownUser(_) => Some(50034),
            SignInError::BadPassword => Some(50126),
            SignInError::ConditionalAccess => Some(53003),
            SignInError::AdminApprovalRequired => Some(90094),
            SignInError::PersonalAccountNotAllowed(_) => Some(50020),
            SignInError::WorkAccountNotAllowed(_) | SignInError::SessionExpired => None,
        }
    }
}

/// Which accounts a device code is for, from the `{tenant}` it was asked at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// A tenant id or domain, or `organizations`: work accounts.
    Organizations,
    /// `consumers`: personal Microsoft accounts (Outlook.com).
    Consumers,
    /// `common`: either.
    Common,
}

impl Audience {
    pub fn of_segment(seg: &str) -> Audience {
        if seg.eq_ignore_ascii_case("consumers") {
            Audience::Consumers
        } else if seg.eq_ignore_ascii_case("common") {
            Audience::Common
        } else {
            Audience::Organizations
        }
    }

    pub fn allows_work(self) -> bool {
        self != Audience::Consumers
    }

    pub fn allows_personal(self) -> bool {
        self != Audience::Organizations
    }

    pub fn code_lifetime(self) -> i64 {
        match self {
            Audience::Consumers => CONSUMER_CODE_LIFETIME,
            _ => DEVICE_CODE_LIFETIME,
        }
    }
}

/// The hosts of Microsoft's device sign-in (and a federated domain's identity
/// provider) that the emulator stands in for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HostRole {
    /// login.microsoftonline.com: the OAuth endpoints and the work-account pages.
    LoginMicrosoftOnline,
    /// microsoft.com: its `/devicelogin` (served on the main origin, the page devices show).
    MicrosoftCom,
    /// login.microsoft.com: `/device`.
    LoginMicrosoft,
    /// www.microsoft.com: `/link`, the personal accounts' code page.
    WwwMicrosoft,
    /// login.live.com: personal accounts' account, password and "Stay signed in?".
    LoginLive,
    /// account.live.com: `/App/Confirm` and `/Consent/Update`.
    AccountLive,
    /// A federated domain's own identity provider (not Microsoft's).
    IdentityProvider,
}

/// One emulated host and the loopback origin that stands for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmulatedOrigin {
    /// The real host name ("login.live.com", or the identity provider's).
    pub host: String,
    /// "http://127.0.0.1:PORT".
    pub origin: String,
    pub role: HostRole,
    /// Whether the host is Microsoft's (a sign-in window may show it).
    pub microsoft: bool,
}

/// The running Entra ID emulator.
#[derive(Clone)]
pub struct Identity {
    inner: Arc<Inner>,
}

struct Inner {
    tenant: Tenant,
    origins: OnceLock<Vec<EmulatedOrigin>>,
    faults: Mutex<IdentityFaults>,
    store: Mutex<Store>,
}

#[derive(Default)]
struct Store {
    /// By device code.
    codes: HashMap<String, CodeRecord>,
    /// User code -> device code.
    by_user_code: HashMap<String, String>,
    /// Browser sign-in sessions by flow id.
    flows: HashMap<String, Flow>,
    /// Work-account browser sessions (the ESTSAUTH cookie, kept when the person
    /// answers Yes to "Stay signed in?"): session id -> account. A browser with one
    /// picks its account for the next code instead of typing the password again.
    sessions: HashMap<String, String>,
    /// Personal-account browser sessions on login.live.com (its own cookie).
    live_sessions: HashMap<String, String>,
    /// Answers of a federated identity provider not yet brought back: ticket ->
    /// (flow id, account, expiry).
    tickets: HashMap<String, (String, String, i64)>,
    /// Refresh tokens that come from a device code sign-in (Conditional Access
    /// "authentication flows" follows them: protocol tracking).
    device_flow_refresh: HashSet<String>,
}

struct CodeRecord {
    user_code: String,
    /// The application's client id as registered (canonical case).
    client_id: String,
    scope_raw: String,
    scopes: Scopes,
    expires_at: i64,
    state: CodeState,
    audience: Audience,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum CodeState {
    Pending,
    Approved { upn: String },
    Declined,
    Denied(SignInError),
    Redeemed,
}

struct Flow {
    user_code: String,
    upn: Option<String>,
    stage: Stage,
}

/// Where a browser's sign-in for one code stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    /// The account page (or the account picker).
    Account,
    /// The password page.
    Password,
    /// Gone to the federated domain's identity provider.
    Federated,
    /// "Stay signed in?".
    Kmsi,
    /// "Are you trying to sign in to …?".
    Confirm,
    /// "Permissions requested".
    Consent,
    Done,
}

/// What follows "Continue" on the app confirmation page.
enum Authorised {
    SignedIn,
    NeedsConsent,
}

/// Starts the emulator on `addr` (port 0 picks a free port) until `shutdown`; each
/// other emulated host gets a listener of its own on the same address, any free port.
pub async fn start(
    tenant: Tenant,
    addr: SocketAddr,
    shutdown: Shutdown,
) -> std::io::Result<Identity> {
    let id = Identity {
        inner: Arc::new(Inner {
            tenant,
            origins: OnceLock::new(),
            faults: Mutex::new(IdentityFaults::default()),
            store: Mutex::new(Store::default()),
        }),
    };
    let bind = |port| SocketAddr::new(addr.ip(), port);
    let (main, _) = crate::http::serve(addr, None, id.router(), shutdown.clone()).await?;
    let mut origins = vec![
        (
            HostRole::LoginMicrosoftOnline,
            "login.microsoftonline.com".to_string(),
            main,
        ),
        (HostRole::MicrosoftCom, "microsoft.com".to_string(), main),
    ];
    for (role, host) in [
        (HostRole::LoginMicrosoft, "login.microsoft.com"),
        (HostRole::WwwMicrosoft, "www.microsoft.com"),
        (HostRole::LoginLive, "login.live.com"),
        (HostRole::AccountLive, "account.live.com"),
    ] {
        let router = id.host_router(role, host);
        let (local, _) = crate::http::serve(bind(0), None, router, shutdown.clone()).await?;
        origins.push((role, host.to_string(), local));
    }
    let mut idp_hosts: Vec<String> = id
        .inner
        .tenant
        .config()
        .federated_domains
        .iter()
        .map(|f| f.idp_host.to_ascii_lowercase())
        .collect();
    idp_hosts.sort();
    idp_hosts.dedup();
    for host in idp_hosts {
        let router = id.host_router(HostRole::IdentityProvider, &host);
        let (local, _) = crate::http::serve(bind(0), None, router, shutdown.clone()).await?;
        origins.push((HostRole::IdentityProvider, host, local));
    }
    let list = origins
        .into_iter()
        .map(|(role, host, local)| EmulatedOrigin {
            host,
            origin: origin_of(local),
            role,
            microsoft: role != HostRole::IdentityProvider,
        })
        .collect();
    let _ = id.inner.origins.set(list);
    tracing::info!("identity emulator on {}", id.base_url());
    Ok(id)
}

/// "http://HOST:PORT" for a bound address (an unspecified address reads as loopback).
fn origin_of(local: SocketAddr) -> String {
    let host = match local.ip() {
        ip if ip.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(ip) => format!("[{ip}]"),
        ip => ip.to_string(),
    };
    format!("http://{host}:{}", local.port())
}

impl Identity {
    /// "http://127.0.0.1:PORT": the main origin (login.microsoftonline.com).
    pub fn base_url(&self) -> String {
        self.origin(HostRole::LoginMicrosoftOnline)
            .unwrap_or_default()
    }

    /// Every emulated host with the origin that stands for it.
    pub fn origins(&self) -> Vec<EmulatedOrigin> {
        self.inner.origins.get().cloned().unwrap_or_default()
    }

    /// The origin of the first host with `role`.
    pub fn origin(&self, role: HostRole) -> Option<String> {
        self.inner
            .origins
            .get()?
            .iter()
            .find(|o| o.role == role)
            .map(|o| o.origin.clone())
    }

    /// The origin of the identity provider named `host` (a federated domain's).
    pub fn idp_origin(&self, host: &str) -> Option<String> {
        self.inner
            .origins
            .get()?
            .iter()
            .find(|o| o.role == HostRole::IdentityProvider && o.host.eq_ignore_ascii_case(host))
            .map(|o| o.origin.clone())
    }

    /// base_url + "/" + tenant id.
    pub fn authority(&self) -> String {
        format!("{}/{}", self.base_url(), self.inner.tenant.config().id)
    }

    pub fn device_code_url(&self) -> String {
        format!("{}/oauth2/v2.0/devicecode", self.authority())
    }

    pub fn token_url(&self) -> String {
        format!("{}/oauth2/v2.0/token", self.authority())
    }

    /// Where the user enters a work-account code (Entra: https://microsoft.com/devicelogin).
    pub fn verification_uri(&self) -> String {
        format!("{}/devicelogin", self.base_url())
    }

    /// Where a personal-account code is entered (https://www.microsoft.com/link).
    pub fn link_uri(&self) -> String {
        format!(
            "{}/link",
            self.origin(HostRole::WwwMicrosoft).unwrap_or_default()
        )
    }

    /// The verification page a device code answer names.
    pub fn verification_uri_for(&self, audience: Audience) -> String {
        match audience {
            Audience::Consumers => self.link_uri(),
            _ => self.verification_uri(),
        }
    }

    pub fn tenant(&self) -> &Tenant {
        &self.inner.tenant
    }

    pub fn set_faults(&self, f: IdentityFaults) {
        *lock(&self.inner.faults) = f;
    }

    pub fn faults(&self) -> IdentityFaults {
        lock(&self.inner.faults).clone()
    }

    /// Does exactly what a person does on the sign-in pages (code, account, password
    /// — at the identity provider for a federated domain — Continue, consent), with
    /// the same checks and outcomes as the pages.
    pub fn approve(
        &self,
        user_code: &str,
        upn: &str,
        password: &str,
        consent_for_org: bool,
    ) -> Result<(), SignInError> {
        let code = self.step_code(user_code)?;
        let user = self.step_account(&code, upn)?;
        self.check_password(&code, &user, password)?;
        match self.step_continue(&code, &user)? {
            Authorised::SignedIn => Ok(()),
            Authorised::NeedsConsent => self.step_consent(&code, &user, consent_for_org),
        }
    }

    /// Declines the sign-in for `user_code` (Cancel on the app confirmation or the
    /// consent page).
    pub fn decline(&self, user_code: &str) -> Result<(), SignInError> {
        let code = self.step_code(user_code)?;
        self.settle(&code, CodeState::Declined)
    }

    /// Codes not yet finished (neither approved, declined, refused nor expired).
    pub fn pending(&self) -> Vec<PendingCode> {
        let now = self.now();
        let st = self.store();
        let mut v: Vec<PendingCode> = st
            .codes
            .values()
            .filter(|c| c.state == CodeState::Pending && now < c.expires_at)
            .map(|c| PendingCode {
                user_code: c.user_code.clone(),
                client_id: c.client_id.clone(),
                scope: c.scope_raw.clone(),
                expires_at: c.expires_at,
            })
            .collect();
        v.sort_by(|a, b| {
            a.expires_at
                .cmp(&b.expires_at)
                .then(a.user_code.cmp(&b.user_code))
        });
        v
    }

    // ---- internals -------------------------------------------------------------

    fn now(&self) -> i64 {
        self.inner.tenant.clock().unix()
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        lock(&self.inner.store)
    }

    /// The main origin: OAuth endpoints and the work-account pages.
    fn router(&self) -> Router {
        Router::new()
            .route("/{tenant}/oauth2/v2.0/devicecode", post(devicecode))
            .route("/{tenant}/oauth2/v2.0/token", post(token))
            .route(
                "/{tenant}/v2.0/.well-known/openid-configuration",
                get(openid_configuration),
            )
            .merge(pages::work_routes())
            .route("/error", get(error_page))
            .fallback(not_found)
            .layer(axum::middleware::from_fn_with_state(
                self.clone(),
                faults_layer,
            ))
            .with_state(self.clone())
    }

    /// The router of another emulated host.
    fn host_router(&self, role: HostRole, host: &str) -> Router {
        let routes = match role {
            HostRole::LoginMicrosoft | HostRole::LoginMicrosoftOnline | HostRole::MicrosoftCom => {
                pages::work_routes()
            }
            HostRole::WwwMicrosoft => pages::link_routes(),
            HostRole::LoginLive => pages::live_login_routes(),
            HostRole::AccountLive => pages::account_live_routes(),
            HostRole::IdentityProvider => pages::idp_routes(host),
        };
        routes
            .fallback(not_found)
            .layer(axum::middleware::from_fn_with_state(
                self.clone(),
                faults_layer,
            ))
            .with_state(self.clone())
    }

    /// Takes one "HTTP 500" fault if any is left.
    fn take_500(&self) -> bool {
        let mut f = lock(&self.inner.faults);
        if f.http_500_next > 0 {
            f.http_500_next -= 1;
            true
        } else {
            false
        }
    }

    fn take_slow_down(&self) -> bool {
        let mut f = lock(&self.inner.faults);
        if f.slow_down_polls > 0 {
            f.slow_down_polls -= 1;
            true
        } else {
            false
        }
    }

    /// An OAuth error answer with Entra's body.
    fn oauth_error(&self, e: OAuthError) -> Response {
        let body = error_body(
            &self.base_url(),
            self.inner.tenant.clock().now(),
            e.error,
            e.code,
            &e.text,
        );
        json_response(e.status, &body)
    }

    fn check_tenant(&self, seg: &str) -> Result<(), OAuthError> {
        if self.inner.tenant.matches_segment(seg) || seg.eq_ignore_ascii_case("consumers") {
            Ok(())
        } else {
            Err(OAuthError::bad_request(
                "invalid_request",
                90002,
                format!(
                    "Tenant '{seg}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."
                ),
            ))
        }
    }

    fn check_client(&self, form: &[(String, String)]) -> Result<AppConfig, OAuthError> {
        let client_id = required(form, "client_id")?;
        self.inner.tenant.app(client_id).ok_or_else(|| {
            let tenant_name = self.inner.tenant.config().name.clone();
            OAuthError::bad_request(
                "unauthorized_client",
                700016,
                format!(
                    "Application with identifier '{client_id}' was not found in the directory '{tenant_name}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant."
                ),
            )
        })
    }

    // ---- the sign-in steps shared by the pages and approve() -------------------

    /// Checks a user code as typed; returns the normalised code.
    fn step_code(&self, typed: &str) -> Result<String, SignInError> {
        let code = normalize_user_code(typed);
        let now = self.now();
        let st = self.store();
        check_pending(&st, &code, now)?;
        Ok(code)
    }

    /// The account typed for `user_code`: known, and of a kind the code is for.
    fn step_account(&self, user_code: &str, upn: &str) -> Result<UserConfig, SignInError> {
        let upn = upn.trim();
        let user = self
            .inner
            .tenant
            .user(upn)
            .ok_or_else(|| SignInError::UnknownUser(upn.to_string()))?;
        let audience = self.audience_of(user_code)?;
        if user.is_personal() && !audience.allows_personal() {
            return Err(SignInError::PersonalAccountNotAllowed(user.upn));
        }
        if !user.is_personal() && !audience.allows_work() {
            return Err(SignInError::WorkAccountNotAllowed(user.upn));
        }
        Ok(user)
    }

    fn audience_of(&self, user_code: &str) -> Result<Audience, SignInError> {
        let st = self.store();
        Ok(check_pending(&st, user_code, self.now())?.audience)
    }

    /// The password (at Microsoft, or at the federated domain's identity provider).
    fn check_password(
        &self,
        user_code: &str,
        user: &UserConfig,
        password: &str,
    ) -> Result<(), SignInError> {
        {
            let st = self.store();
            check_pending(&st, user_code, self.now())?;
        }
        if password != user.password {
            return Err(SignInError::BadPassword);
        }
        Ok(())
    }

    /// Starts a browser sign-in session for `upn`; returns its id (the cookie value).
    fn new_session(&self, upn: &str, personal: bool) -> String {
        let sid = uuid::Uuid::new_v4().simple().to_string();
        let mut st = self.store();
        if personal {
            st.live_sessions.insert(sid.clone(), upn.to_string());
        } else {
            st.sessions.insert(sid.clone(), upn.to_string());
        }
        sid
    }

    /// The account of the browser's sign-in session, if its cookie names a live one:
    /// the work session (ESTSAUTH) or the personal one (login.live.com's).
    fn session_user(&self, headers: &axum::http::HeaderMap, personal: bool) -> Option<UserConfig> {
        let name = if personal {
            pages::LIVE_SESSION_COOKIE
        } else {
            pages::SESSION_COOKIE
        };
        let sid = headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|kv| kv.trim().split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())?;
        let upn = {
            let st = self.store();
            let map = if personal {
                &st.live_sessions
            } else {
                &st.sessions
            };
            map.get(&sid).cloned()?
        };
        self.inner
            .tenant
            .user(&upn)
            .filter(|u| u.is_personal() == personal)
    }

    /// "Continue" on "Are you trying to sign in to …?": the account is authenticated;
    /// Conditional Access, admin approval and consent decide what follows. Personal
    /// accounts answer to none of the tenant's policies, only to their own consent.
    fn step_continue(&self, user_code: &str, user: &UserConfig) -> Result<Authorised, SignInError> {
        let client_id = {
            let st = self.store();
            check_pending(&st, user_code, self.now())?.client_id.clone()
        };
        let tenant = &self.inner.tenant;
        if !user.is_personal() {
            if tenant.config().block_device_code_flow {
                self.settle(user_code, CodeState::Denied(SignInError::ConditionalAccess))?;
                return Err(SignInError::ConditionalAccess);
            }
            let registered = tenant.state().registered_apps.contains(&client_id);
            if !registered && !user.role.can_grant_admin_consent() {
                self.settle(
                    user_code,
                    CodeState::Denied(SignInError::AdminApprovalRequired),
                )?;
                return Err(SignInError::AdminApprovalRequired);
            }
        }
        let consented = if user.is_personal() {
            tenant
                .state()
                .user_consent
                .contains(&(user.upn.to_lowercase(), client_id.clone()))
        } else {
            tenant.has_consent(&user.upn, &client_id)
        };
        if consented {
            self.settle(
                user_code,
                CodeState::Approved {
                    upn: user.upn.clone(),
                },
            )?;
            Ok(Authorised::SignedIn)
        } else {
            Ok(Authorised::NeedsConsent)
        }
    }

    /// Accept on the consent page: records consent (for the organisation when asked
    /// and allowed), registers the application (work accounts), finishes the sign-in.
    fn step_consent(
        &self,
        user_code: &str,
        user: &UserConfig,
        for_org: bool,
    ) -> Result<(), SignInError> {
        let client_id = {
            let st = self.store();
            check_pending(&st, user_code, self.now())?.client_id.clone()
        };
        {
            let mut ts = self.inner.tenant.state();
            if user.is_personal() {
                ts.user_consent
                    .insert((user.upn.to_lowercase(), client_id.clone()));
            } else {
                ts.registered_apps.insert(client_id.clone());
                if for_org && user.role.can_grant_admin_consent() {
                    ts.admin_consent.insert(client_id.clone());
                } else {
                    ts.user_consent
                        .insert((user.upn.to_lowercase(), client_id.clone()));
                }
            }
        }
        self.settle(
            user_code,
            CodeState::Approved {
                upn: user.upn.clone(),
            },
        )
    }

    /// The identity provider vouches for `upn` in `flow`: a one-time ticket the
    /// browser brings back to login.srf.
    fn issue_ticket(&self, flow: &str, upn: &str) -> String {
        let mut buf = [0u8; 24];
        rand::rng().fill_bytes(&mut buf);
        let ticket = URL_SAFE_NO_PAD.encode(buf);
        let expires = self.now() + TICKET_LIFETIME;
        self.store()
            .tickets
            .insert(ticket.clone(), (flow.to_string(), upn.to_string(), expires));
        ticket
    }

    /// Takes a ticket: (flow, account) if it is known and fresh.
    fn redeem_ticket(&self, ticket: &str) -> Option<(String, String)> {
        let now = self.now();
        let (flow, upn, expires) = self.store().tickets.remove(ticket)?;
        (now < expires).then_some((flow, upn))
    }

    /// Moves a pending code to its final state (first finisher wins).
    fn settle(&self, user_code: &str, state: CodeState) -> Result<(), SignInError> {
        let now = self.now();
        let mut st = self.store();
        check_pending(&st, user_code, now)?;
        let dc = st.by_user_code.get(user_code).cloned().unwrap_or_default();
        if let Some(rec) = st.codes.get_mut(&dc) {
            rec.state = state;
        }
        Ok(())
    }

    fn app_for_code(&self, user_code: &str) -> Option<(AppConfig, Scopes)> {
        let (client_id, scopes) = {
            let st = self.store();
            let dc = st.by_user_code.get(user_code)?;
            let rec = st.codes.get(dc)?;
            (rec.client_id.clone(), rec.scopes.clone())
        };
        Some((self.inner.tenant.app(&client_id)?, scopes))
    }

    fn prune(&self, st: &mut Store, now: i64) {
        let gone: Vec<String> = st
            .codes
            .iter()
            .filter(|(_, c)| c.expires_at + EXPIRED_RETENTION < now)
            .map(|(k, _)| k.clone())
            .collect();
        for dc in gone {
            if let Some(rec) = st.codes.remove(&dc) {
                st.by_user_code.remove(&rec.user_code);
            }
        }
        let Store {
            flows,
            by_user_code,
            ..
        } = st;
        flows.retain(|_, f| by_user_code.contains_key(&f.user_code));
        st.tickets.retain(|_, t| t.2 > now);
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The code record for a user code that can still be signed in with.
fn check_pending<'a>(
    st: &'a Store,
    user_code: &str,
    now: i64,
) -> Result<&'a CodeRecord, SignInError> {
    let rec = st
        .by_user_code
        .get(user_code)
        .and_then(|dc| st.codes.get(dc))
        .ok_or(SignInError::InvalidCode)?;
    if rec.state != CodeState::Pending {
        return Err(SignInError::CodeUsed);
    }
    if now >= rec.expires_at {
        return Err(SignInError::CodeExpired);
    }
    Ok(rec)
}

/// Upper-case, without spaces or dashes (people type codes loosely).
fn normalize_user_code(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

fn new_user_code() -> String {
    let mut rng = rand::rng();
    (0..USER_CODE_LEN)
        .map(|_| USER_CODE_ALPHABET[rng.random_range(0..USER_CODE_ALPHABET.len())] as char)
        .collect()
}

fn new_device_code() -> String {
    let mut buf = [0u8; 120];
    rand::rng().fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

/// Seconds since the epoch as "2025-01-31T12:00:00.0000000Z".
fn iso_time(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S.0000000Z")
        .to_string()
}

/// A token for a resource other than Exchange Online: well formed, but Exchange
/// cannot verify it (as a Graph token would fail SMTP AUTH).
fn foreign_access_token(resource: &str, upn: &str, client_id: &str, now: i64) -> String {
    let claims = json!({
        "aud": resource, "iat": now, "nbf": now, "exp": now + ACCESS_TOKEN_LIFETIME,
        "appid": client_id, "upn": upn,
    });
    let mut sig = [0u8; 64];
    rand::rng().fill_bytes(&mut sig);
    format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT","alg":"RS256"}"#),
        URL_SAFE_NO_PAD.encode(claims.to_string()),
        URL_SAFE_NO_PAD.encode(sig)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_codes_are_nine_upper_case_letters_or_digits() {
        for _ in 0..200 {
            let c = new_user_code();
            assert_eq!(c.len(), USER_CODE_LEN);
            assert!(
                c.chars()
                    .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit()),
                "{c}"
            );
        }
        assert_eq!(normalize_user_code(" abc-def 123 "), "ABCDEF123");
        assert!(new_device_code().len() > 100);
    }

    #[test]
    fn messages_are_localised() {
        let en = sign_in_message(None, "http://x/devicelogin", "ABCDEFGHJ");
        assert_eq!(en, "To sign in, use a web browser to open the page http://x/devicelogin and enter the code ABCDEFGHJ to authenticate.");
        assert_eq!(
            sign_in_message(Some("en-GB"), "u", "c"),
            sign_in_message(None, "u", "c")
        );
        for mkt in ["de-DE", "lt-LT", "fr-FR", "es-ES"] {
            let m = sign_in_message(Some(mkt), "http://x/devicelogin", "ABCDEFGHJ");
            assert_ne!(m, en, "{mkt}");
            assert!(
                m.contains("http://x/devicelogin") && m.contains("ABCDEFGHJ"),
                "{m}"
            );
        }
    }

    #[test]
    fn error_body_has_entra_shape() {
        let now = chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let b = error_body("http://h", now, "authorization_pending", 70016, "Pending.");
        let d = b["error_description"].as_str().unwrap();
        assert!(d.starts_with("AADSTS70016: Pending.\r\nTrace ID: "), "{d}");
        assert!(d.ends_with("Timestamp: 2023-11-14 22:13:20Z"), "{d}");
        assert_eq!(b["error_codes"], json!([70016]));
        assert_eq!(b["timestamp"], "2023-11-14 22:13:20Z");
        assert!(uuid::Uuid::parse_str(b["trace_id"].as_str().unwrap()).is_ok());
        assert!(uuid::Uuid::parse_str(b["correlation_id"].as_str().unwrap()).is_ok());
        assert_eq!(b["error_uri"], "http://h/error?code=70016");
        assert!(d.contains(b["trace_id"].as_str().unwrap()));
    }

    #[test]
    fn sign_in_errors_carry_aadsts_numbers() {
        assert_eq!(SignInError::InvalidCode.aadsts(), Some(90119));
        assert_eq!(SignInError::CodeUsed.aadsts(), Some(90120));
        assert_eq!(SignInError::BadPassword.aadsts(), Some(50126));
        assert_eq!(SignInError::UnknownUser("x".into()).aadsts(), Some(50034));
        assert_eq!(SignInError::ConditionalAccess.aadsts(), Some(53003));
        assert_eq!(SignInError::AdminApprovalRequired.aadsts(), Some(90094));
        assert_eq!(SignInError::CodeExpired.aadsts(), Some(70020));
        assert_eq!(SignInError::SessionExpired.aadsts(), None);
    }

    #[test]
    fn iso_time_format() {
        assert_eq!(iso_time(1_700_000_000), "2023-11-14T22:13:20.0000000Z");
    }
}
