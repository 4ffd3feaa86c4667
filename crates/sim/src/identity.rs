//! The Entra ID emulator: the OAuth 2.0 device authorization grant (RFC 8628) as the
//! Microsoft identity platform runs it, the refresh token grant, and the device login
//! pages an administrator goes through in a browser (code, account, password, consent).
//!
//! Endpoints (all answers carry Entra's shapes and AADSTS numbers, see
//! `/work/shared/reference/identity-and-smtp.md`):
//! - `POST /{tenant}/oauth2/v2.0/devicecode` (form `client_id`, `scope`; `?mkt=xx-XX`
//!   localises `message`)
//! - `POST /{tenant}/oauth2/v2.0/token` (device code and refresh token grants)
//! - `GET|POST /devicelogin` (the sign-in pages; plain HTML, no script, stable ids)
//! - `GET /{tenant}/v2.0/.well-known/openid-configuration` and `GET /error?code=n`
//!
//! The sign-in state lives on the server: each page after the code page carries a
//! hidden `flow` field naming it. All time comes from the tenant's world clock.

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::{Rng, RngCore};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::html::{esc, field, parse_form};
use crate::http::Shutdown;
use crate::tenant::{
    AppConfig, Tenant, UserConfig, ACCESS_TOKEN_LIFETIME, REFRESH_TOKEN_INACTIVITY,
};

/// Lifetime of a device code / user code, seconds (Entra: 900).
pub const DEVICE_CODE_LIFETIME: i64 = 900;
/// The polling interval Entra announces, seconds.
pub const POLL_INTERVAL: u64 = 5;
/// The device code grant type.
pub const DEVICE_CODE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";
/// Length of user codes.
pub const USER_CODE_LEN: usize = 9;

/// Resources whose tokens Exchange Online accepts for SMTP submission.
const EXCHANGE_RESOURCES: [&str; 2] = [
    "https://outlook.office.com",
    "https://outlook.office365.com",
];
/// Where a scope without a resource goes (as on the v2.0 endpoint).
const GRAPH: &str = "https://graph.microsoft.com";
/// OpenID Connect scopes, which name no resource.
const OIDC_SCOPES: [&str; 4] = ["openid", "profile", "email", "offline_access"];
/// User code alphabet: upper-case letters and digits without the look-alikes 0/O, 1/I.
const USER_CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/// Device codes are kept this long after expiry, so that late polls still read
/// `expired_token` rather than `bad_verification_code`.
const EXPIRED_RETENTION: i64 = 6 * 3600;

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
            SignInError::SessionExpired => None,
        }
    }
}

/// The running Entra ID emulator.
#[derive(Clone)]
pub struct Identity {
    inner: Arc<Inner>,
}

struct Inner {
    tenant: Tenant,
    base_url: OnceLock<String>,
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
    /// Browser sign-in sessions (the ESTSAUTH cookie): session id -> account. A
    /// browser that signed in once picks its account for the next code instead of
    /// typing the password again, as on Entra.
    sessions: HashMap<String, String>,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Account,
    Password,
    Consent,
    Done,
}

/// What follows a correct password.
enum AfterPassword {
    SignedIn,
    NeedsConsent,
}

/// Starts the emulator on `addr` (port 0 picks a free port) until `shutdown`.
pub async fn start(
    tenant: Tenant,
    addr: SocketAddr,
    shutdown: Shutdown,
) -> std::io::Result<Identity> {
    let id = Identity {
        inner: Arc::new(Inner {
            tenant,
            base_url: OnceLock::new(),
            faults: Mutex::new(IdentityFaults::default()),
            store: Mutex::new(Store::default()),
        }),
    };
    let router = id.router();
    let (local, _task) = crate::http::serve(addr, None, router, shutdown).await?;
    let host = if local.ip().is_unspecified() {
        "127.0.0.1".to_string()
    } else {
        match local.ip() {
            std::net::IpAddr::V6(ip) => format!("[{ip}]"),
            ip => ip.to_string(),
        }
    };
    let _ = id
        .inner
        .base_url
        .set(format!("http://{host}:{}", local.port()));
    tracing::info!("identity emulator on {}", id.base_url());
    Ok(id)
}

impl Identity {
    /// "http://127.0.0.1:PORT".
    pub fn base_url(&self) -> String {
        self.inner.base_url.get().cloned().unwrap_or_default()
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

    /// Where the user enters the code (Entra: https://microsoft.com/devicelogin).
    pub fn verification_uri(&self) -> String {
        format!("{}/devicelogin", self.base_url())
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

    /// Does exactly what a person does on the login pages (code, account, password,
    /// consent), with the same checks and outcomes as the pages.
    pub fn approve(
        &self,
        user_code: &str,
        upn: &str,
        password: &str,
        consent_for_org: bool,
    ) -> Result<(), SignInError> {
        let code = self.step_code(user_code)?;
        let user = self.step_account(upn)?;
        match self.step_password(&code, &user, password)? {
            AfterPassword::SignedIn => Ok(()),
            AfterPassword::NeedsConsent => self.step_consent(&code, &user, consent_for_org),
        }
    }

    /// Declines the sign-in for `user_code` (Cancel on the consent page).
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

    fn router(&self) -> Router {
        Router::new()
            .route(
                "/{tenant}/oauth2/v2.0/devicecode",
                axum::routing::post(devicecode),
            )
            .route("/{tenant}/oauth2/v2.0/token", axum::routing::post(token))
            .route(
                "/{tenant}/v2.0/.well-known/openid-configuration",
                get(openid_configuration),
            )
            .route("/devicelogin", get(devicelogin_get).post(devicelogin_post))
            .route("/error", get(error_page))
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
        if self.inner.tenant.matches_segment(seg) {
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

    fn step_account(&self, upn: &str) -> Result<UserConfig, SignInError> {
        let upn = upn.trim();
        self.inner
            .tenant
            .user(upn)
            .ok_or_else(|| SignInError::UnknownUser(upn.to_string()))
    }

    fn step_password(
        &self,
        user_code: &str,
        user: &UserConfig,
        password: &str,
    ) -> Result<AfterPassword, SignInError> {
        let client_id = {
            let st = self.store();
            check_pending(&st, user_code, self.now())?.client_id.clone()
        };
        if password != user.password {
            return Err(SignInError::BadPassword);
        }
        self.step_authenticated(user_code, user, &client_id)
    }

    /// The account picked from the browser's sign-in session (no password asked).
    fn step_session(
        &self,
        user_code: &str,
        user: &UserConfig,
    ) -> Result<AfterPassword, SignInError> {
        let client_id = {
            let st = self.store();
            check_pending(&st, user_code, self.now())?.client_id.clone()
        };
        self.step_authenticated(user_code, user, &client_id)
    }

    /// Starts a browser sign-in session for `upn`; returns its id (the cookie value).
    fn new_session(&self, upn: &str) -> String {
        let sid = uuid::Uuid::new_v4().simple().to_string();
        self.store().sessions.insert(sid.clone(), upn.to_string());
        sid
    }

    /// The account of the browser's sign-in session, if the cookie names a live one.
    fn session_user(&self, headers: &axum::http::HeaderMap) -> Option<UserConfig> {
        let sid = headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|kv| kv.trim().split_once('='))
            .find(|(k, _)| *k == SESSION_COOKIE)
            .map(|(_, v)| v.to_string())?;
        let upn = self.store().sessions.get(&sid).cloned()?;
        self.inner.tenant.user(&upn)
    }

    /// The account is authenticated (password, or a browser session): Conditional
    /// Access, admin approval and consent decide what follows.
    fn step_authenticated(
        &self,
        user_code: &str,
        user: &UserConfig,
        client_id: &str,
    ) -> Result<AfterPassword, SignInError> {
        let client_id = client_id.to_string();
        let tenant = &self.inner.tenant;
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
        if tenant.has_consent(&user.upn, &client_id) {
            self.settle(
                user_code,
                CodeState::Approved {
                    upn: user.upn.clone(),
                },
            )?;
            Ok(AfterPassword::SignedIn)
        } else {
            Ok(AfterPassword::NeedsConsent)
        }
    }

    /// Accept on the consent page: records consent (for the organisation when asked
    /// and allowed), registers the application, finishes the sign-in.
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
            ts.registered_apps.insert(client_id.clone());
            if for_org && user.role.can_grant_admin_consent() {
                ts.admin_consent.insert(client_id.clone());
            } else {
                ts.user_consent
                    .insert((user.upn.to_lowercase(), client_id.clone()));
            }
        }
        self.settle(
            user_code,
            CodeState::Approved {
                upn: user.upn.clone(),
            },
        )
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
    }

    // ---- tokens ----------------------------------------------------------------

    /// The token answer for `upn` with `scopes`; a refresh token only with
    /// offline_access, an id token only with openid.
    fn token_answer(&self, upn: &str, client_id: &str, scopes: &Scopes) -> (Value, Option<String>) {
        let access = if scopes.is_exchange() {
            self.inner
                .tenant
                .issue_access_token(upn, client_id, &scopes.perms)
        } else {
            foreign_access_token(&scopes.resource(), upn, client_id, self.now())
        };
        let mut body = json!({
            "token_type": "Bearer",
            "scope": scopes.granted(),
            "expires_in": ACCESS_TOKEN_LIFETIME,
            "ext_expires_in": ACCESS_TOKEN_LIFETIME,
            "access_token": access,
        });
        let mut refresh = None;
        if scopes.has("offline_access") {
            let rt =
                self.inner
                    .tenant
                    .issue_refresh_token(upn, client_id, &scopes.to_scope_string());
            body["refresh_token"] = Value::String(rt.clone());
            refresh = Some(rt);
        }
        if scopes.has("openid") {
            body["id_token"] = Value::String(self.id_token(upn, client_id));
        }
        (body, refresh)
    }

    /// An unsigned (alg "none") but well-formed ID token.
    fn id_token(&self, upn: &str, client_id: &str) -> String {
        let now = self.now();
        let (tid, name) = {
            let user = self.inner.tenant.user(upn);
            let name = user
                .map(|u| {
                    if u.display_name.is_empty() {
                        u.upn
                    } else {
                        u.display_name
                    }
                })
                .unwrap_or_else(|| upn.to_string());
            (self.inner.tenant.config().id.clone(), name)
        };
        let oid = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, upn.to_lowercase().as_bytes());
        let sub = uuid::Uuid::new_v5(
            &uuid::Uuid::NAMESPACE_OID,
            format!("{}|{}", client_id.to_lowercase(), upn.to_lowercase()).as_bytes(),
        );
        let claims = json!({
            "aud": client_id,
            "iss": format!("{}/v2.0", self.authority()),
            "iat": now,
            "nbf": now,
            "exp": now + ACCESS_TOKEN_LIFETIME,
            "name": name,
            "oid": oid.to_string(),
            "preferred_username": upn,
            "sub": URL_SAFE_NO_PAD.encode(sub.as_bytes()),
            "tid": tid,
            "ver": "2.0",
        });
        format!(
            "{}.{}.",
            URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT","alg":"none"}"#),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        )
    }

    fn device_code_grant(
        &self,
        form: &[(String, String)],
        app: &AppConfig,
    ) -> Result<Value, OAuthError> {
        let device_code = required(form, "device_code")?;
        let now = self.now();
        let (upn, scopes) = {
            let mut st = self.store();
            let rec = match st.codes.get_mut(device_code) {
                Some(r) if r.client_id == app.client_id => r,
                _ => return Err(OAuthError::bad_request(
                    "bad_verification_code",
                    70018,
                    "Invalid verification code. The device code is not known for this application.",
                )),
            };
            if rec.state == CodeState::Redeemed {
                return Err(OAuthError::bad_request(
                    "invalid_grant",
                    70000,
                    "The provided value for the input parameter 'device_code' is not valid. The device code has already been redeemed.",
                ));
            }
            if now >= rec.expires_at {
                return Err(OAuthError::bad_request(
                    "expired_token",
                    70020,
                    "This device code has expired.",
                ));
            }
            if self.take_slow_down() {
                return Err(OAuthError::bad_request(
                    "slow_down",
                    70016,
                    "OAuth 2.0 device flow error. Polling too often: slow down and add 5 seconds to the polling interval.",
                ));
            }
            match rec.state.clone() {
                CodeState::Pending => {
                    return Err(OAuthError::bad_request(
                        "authorization_pending",
                        70016,
                        "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
                    ))
                }
                CodeState::Declined => {
                    return Err(OAuthError::bad_request(
                        "authorization_declined",
                        65004,
                        "User declined to consent to access the app.",
                    ))
                }
                CodeState::Denied(SignInError::ConditionalAccess) => {
                    return Err(conditional_access_error())
                }
                CodeState::Denied(_) => {
                    return Err(OAuthError::bad_request(
                        "invalid_grant",
                        90094,
                        "The grant requires admin permission. An administrator of the organisation must consent to the application before it can be used.",
                    ))
                }
                CodeState::Approved { upn } => {
                    rec.state = CodeState::Redeemed;
                    (upn, rec.scopes.clone())
                }
                CodeState::Redeemed => unreachable!("handled above"),
            }
        };
        let (body, refresh) = self.token_answer(&upn, &app.client_id, &scopes);
        if let Some(rt) = refresh {
            self.store().device_flow_refresh.insert(rt);
        }
        Ok(body)
    }

    fn refresh_grant(
        &self,
        form: &[(String, String)],
        app: &AppConfig,
    ) -> Result<Value, OAuthError> {
        let token = required(form, "refresh_token")?;
        let now = self.now();
        let tenant = &self.inner.tenant;
        let rec = tenant.state().refresh_tokens.get(token).cloned();
        let Some(rec) = rec else {
            return Err(OAuthError::bad_request(
                "invalid_grant",
                9002313,
                "Invalid request. Request is malformed or invalid.",
            ));
        };
        if !rec.client_id.eq_ignore_ascii_case(&app.client_id) {
            return Err(OAuthError::bad_request(
                "invalid_grant",
                70000,
                "The provided value for the input parameter 'refresh_token' is not valid. The refresh token was issued to a different client.",
            ));
        }
        let revoked_before = tenant
            .state()
            .revoked_before
            .get(&rec.upn.to_lowercase())
            .copied();
        if rec.revoked || revoked_before.is_some_and(|t| rec.issued_at < t) {
            return Err(OAuthError::bad_request(
                "invalid_grant",
                50173,
                format!(
                    "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '{}' and the TokensValidFrom date (before which tokens are not valid) for this user is '{}'.",
                    iso_time(rec.issued_at),
                    iso_time(revoked_before.unwrap_or(now)),
                ),
            ));
        }
        if now - rec.last_used > REFRESH_TOKEN_INACTIVITY {
            return Err(OAuthError::bad_request(
                "invalid_grant",
                700082,
                format!(
                    "The refresh token has expired due to inactivity. The token was issued on {} and was inactive for {}.00:00:00.",
                    iso_time(rec.issued_at),
                    REFRESH_TOKEN_INACTIVITY / 86400
                ),
            ));
        }
        let Some(user) = tenant.user(&rec.upn) else {
            let tname = tenant.config().name.clone();
            return Err(OAuthError::bad_request(
                "invalid_grant",
                50034,
                format!("The user account {} does not exist in the '{tname}' directory. To sign into this application, the account must be added to the directory.", rec.upn),
            ));
        };
        if !tenant.has_consent(&user.upn, &app.client_id) {
            return Err(consent_error(app));
        }
        let from_device_flow = self.store().device_flow_refresh.contains(token);
        if from_device_flow && tenant.config().block_device_code_flow {
            return Err(conditional_access_error());
        }
        let granted = Scopes::parse(&rec.scope).unwrap_or_default();
        let scopes = match field(form, "scope")
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => granted,
            Some(asked) => {
                let asked = Scopes::parse(asked).map_err(|e| e.to_oauth())?;
                let covered = asked
                    .perms
                    .iter()
                    .all(|p| granted.perms.iter().any(|g| g.eq_ignore_ascii_case(p)));
                if !covered {
                    return Err(consent_error(app));
                }
                // A refresh keeps the session's offline access.
                let mut s = asked;
                if granted.has("offline_access") && !s.has("offline_access") {
                    s.oidc.push("offline_access".into());
                }
                s
            }
        };
        if let Some(r) = tenant.state().refresh_tokens.get_mut(token) {
            r.last_used = now;
        }
        let (body, refresh) = self.token_answer(&user.upn, &app.client_id, &scopes);
        if let (Some(rt), true) = (refresh, from_device_flow) {
            self.store().device_flow_refresh.insert(rt);
        }
        Ok(body)
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

// ---- scopes --------------------------------------------------------------------

/// A scope list split into OpenID Connect scopes and one resource's permissions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Scopes {
    /// Lower-case OIDC scopes, in order asked.
    oidc: Vec<String>,
    /// Permissions as full URLs ("https://outlook.office.com/SMTP.Send").
    perms: Vec<String>,
}

#[derive(Debug, PartialEq, Eq)]
enum ScopeError {
    Missing,
    MultipleResources(String),
}

impl ScopeError {
    fn to_oauth(&self) -> OAuthError {
        match self {
            ScopeError::Missing => missing_parameter("scope"),
            ScopeError::MultipleResources(s) => OAuthError::bad_request(
                "invalid_scope",
                28000,
                format!("Provided value for the input parameter scope is not valid because it contains more than one resource. Scope {s} is not valid."),
            ),
        }
    }
}

impl Scopes {
    fn parse(s: &str) -> Result<Scopes, ScopeError> {
        let mut out = Scopes::default();
        for item in s.split_whitespace() {
            let lower = item.to_ascii_lowercase();
            if OIDC_SCOPES.contains(&lower.as_str()) {
                if !out.oidc.contains(&lower) {
                    out.oidc.push(lower);
                }
                continue;
            }
            let (resource, perm) = match item.rfind('/') {
                Some(i) if item.contains("://") => (&item[..i], &item[i + 1..]),
                _ => (GRAPH, item),
            };
            let resource = resource.trim_end_matches('/');
            let is_exchange = EXCHANGE_RESOURCES
                .iter()
                .any(|r| r.eq_ignore_ascii_case(resource));
            let perm = match perm {
                // The application's configured permissions.
                "" | ".default" if is_exchange => "SMTP.Send",
                "" | ".default" => "User.Read",
                p => p,
            };
            let full = format!("{resource}/{perm}");
            if let Some(first) = out.perms.first() {
                let first_res = &first[..first.rfind('/').unwrap_or(0)];
                if !first_res.eq_ignore_ascii_case(resource) {
                    return Err(ScopeError::MultipleResources(s.to_string()));
                }
            }
            if !out.perms.iter().any(|p| p.eq_ignore_ascii_case(&full)) {
                out.perms.push(full);
            }
        }
        if out.oidc.is_empty() && out.perms.is_empty() {
            return Err(ScopeError::Missing);
        }
        Ok(out)
    }

    fn has(&self, oidc: &str) -> bool {
        self.oidc.iter().any(|s| s == oidc)
    }

    fn resource(&self) -> String {
        match self.perms.first() {
            Some(p) => p[..p.rfind('/').unwrap_or(0)].to_string(),
            None => GRAPH.to_string(),
        }
    }

    fn is_exchange(&self) -> bool {
        let r = self.resource();
        EXCHANGE_RESOURCES
            .iter()
            .any(|e| e.eq_ignore_ascii_case(&r))
    }

    /// The `scope` of a token answer: the resource permissions as full URLs.
    fn granted(&self) -> String {
        if self.perms.is_empty() {
            format!("{GRAPH}/User.Read")
        } else {
            self.perms.join(" ")
        }
    }

    /// Everything, for the refresh token's record.
    fn to_scope_string(&self) -> String {
        self.perms
            .iter()
            .chain(self.oidc.iter())
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// What the consent page lists.
    fn descriptions(&self) -> Vec<String> {
        let mut v = Vec::new();
        for p in &self.perms {
            let short = &p[p.rfind('/').map(|i| i + 1).unwrap_or(0)..];
            v.push(match short.to_ascii_lowercase().as_str() {
                "smtp.send" => "Send email from mailboxes using SMTP AUTH".to_string(),
                "imap.accessasuser.all" => "Read and write access to mailboxes via IMAP".into(),
                "pop.accessasuser.all" => "Read and write access to mailboxes via POP".into(),
                "user.read" => continue,
                _ => format!("Use the permission {short}"),
            });
        }
        if self.has("offline_access") {
            v.push("Maintain access to data you have given it access to".into());
        }
        v.push("Sign you in and read your profile".into());
        v
    }
}

// ---- OAuth errors --------------------------------------------------------------

struct OAuthError {
    status: StatusCode,
    error: &'static str,
    code: u32,
    text: String,
}

impl OAuthError {
    fn bad_request(error: &'static str, code: u32, text: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            error,
            code,
            text: text.into(),
        }
    }
}

fn missing_parameter(name: &str) -> OAuthError {
    OAuthError::bad_request(
        "invalid_request",
        900144,
        format!("The request body must contain the following parameter: '{name}'."),
    )
}

fn required<'a>(form: &'a [(String, String)], name: &str) -> Result<&'a str, OAuthError> {
    field(form, name)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| missing_parameter(name))
}

fn conditional_access_error() -> OAuthError {
    OAuthError::bad_request(
        "invalid_grant",
        53003,
        "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.",
    )
}

fn consent_error(app: &AppConfig) -> OAuthError {
    OAuthError::bad_request(
        "invalid_grant",
        65001,
        format!(
            "The user or administrator has not consented to use the application with ID '{}' named '{}'. Send an interactive authorization request for this user and resource.",
            app.client_id, app.name
        ),
    )
}

/// Entra's error body: `error`, `error_description` ("AADSTSnnnnn: text" then the
/// trace id, correlation id and timestamp on their own lines), `error_codes`,
/// `timestamp`, `trace_id`, `correlation_id`, `error_uri`.
fn error_body(
    base_url: &str,
    now: chrono::DateTime<chrono::Utc>,
    error: &str,
    code: u32,
    text: &str,
) -> Value {
    let trace_id = uuid::Uuid::new_v4().to_string();
    let correlation_id = uuid::Uuid::new_v4().to_string();
    let timestamp = now.format("%Y-%m-%d %H:%M:%SZ").to_string();
    json!({
        "error": error,
        "error_description": format!(
            "AADSTS{code}: {text}\r\nTrace ID: {trace_id}\r\nCorrelation ID: {correlation_id}\r\nTimestamp: {timestamp}"
        ),
        "error_codes": [code],
        "timestamp": timestamp,
        "trace_id": trace_id,
        "correlation_id": correlation_id,
        "error_uri": format!("{base_url}/error?code={code}"),
    })
}

fn json_response(status: StatusCode, body: &Value) -> Response {
    let mut r = (status, body.to_string()).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store, no-cache"),
    );
    h.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    r
}

// ---- handlers: OAuth endpoints -------------------------------------------------

async fn faults_layer(State(id): State<Identity>, req: Request, next: Next) -> Response {
    let delay = id.faults().delay_ms;
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    if id.take_500() {
        let text = "A transient error has occurred. Please try again.";
        if req.uri().path().contains("/oauth2/") {
            let mut e = OAuthError::bad_request("server_error", 90033, text);
            e.status = StatusCode::INTERNAL_SERVER_ERROR;
            return id.oauth_error(e);
        }
        let mut r = page(
            "Something went wrong",
            &format!(
                r#"<p id="error" role="alert">Sorry, we're having trouble signing you in. Try again in a moment. (AADSTS90033: {})</p>"#,
                esc(text)
            ),
        );
        *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        return r;
    }
    next.run(req).await
}

async fn devicecode(
    State(id): State<Identity>,
    Path(tenant): Path<String>,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let form = parse_form(&body);
    let query = parse_form(query.unwrap_or_default().as_bytes());
    let result = (|| -> Result<Value, OAuthError> {
        id.check_tenant(&tenant)?;
        let app = id.check_client(&form)?;
        let scope_raw = required(&form, "scope")?.to_string();
        let scopes = Scopes::parse(&scope_raw).map_err(|e| e.to_oauth())?;
        let now = id.now();
        let device_code = new_device_code();
        let user_code = {
            let mut st = id.store();
            id.prune(&mut st, now);
            let user_code = loop {
                let c = new_user_code();
                if !st.by_user_code.contains_key(&c) {
                    break c;
                }
            };
            st.by_user_code
                .insert(user_code.clone(), device_code.clone());
            st.codes.insert(
                device_code.clone(),
                CodeRecord {
                    user_code: user_code.clone(),
                    client_id: app.client_id.clone(),
                    scope_raw: scope_raw.clone(),
                    scopes,
                    expires_at: now + DEVICE_CODE_LIFETIME,
                    state: CodeState::Pending,
                },
            );
            user_code
        };
        let uri = id.verification_uri();
        Ok(json!({
            "user_code": user_code,
            "device_code": device_code,
            "verification_uri": uri,
            "expires_in": DEVICE_CODE_LIFETIME,
            "interval": POLL_INTERVAL,
            "message": sign_in_message(field(&query, "mkt"), &uri, &user_code),
        }))
    })();
    match result {
        Ok(v) => json_response(StatusCode::OK, &v),
        Err(e) => id.oauth_error(e),
    }
}

/// The device code answer's `message`, localised by `mkt` (language part decides).
pub fn sign_in_message(mkt: Option<&str>, uri: &str, code: &str) -> String {
    let lang = mkt
        .unwrap_or("en")
        .split(['-', '_'])
        .next()
        .unwrap_or("en")
        .to_ascii_lowercase();
    match lang.as_str() {
        "de" => format!("Um sich anzumelden, öffnen Sie mit einem Webbrowser die Seite {uri}, und geben Sie den Code {code} ein, um sich zu authentifizieren."),
        "lt" => format!("Norėdami prisijungti, žiniatinklio naršyklėje atidarykite puslapį {uri} ir įveskite kodą {code}, kad būtumėte autentifikuoti."),
        "fr" => format!("Pour vous connecter, utilisez un navigateur web pour ouvrir la page {uri} et entrez le code {code} pour vous authentifier."),
        "es" => format!("Para iniciar sesión, use un explorador web para abrir la página {uri} y escriba el código {code} para autenticarse."),
        _ => format!("To sign in, use a web browser to open the page {uri} and enter the code {code} to authenticate."),
    }
}

async fn token(State(id): State<Identity>, Path(tenant): Path<String>, body: Bytes) -> Response {
    let form = parse_form(&body);
    let result = (|| -> Result<Value, OAuthError> {
        id.check_tenant(&tenant)?;
        let grant = required(&form, "grant_type")?;
        if grant != DEVICE_CODE_GRANT && grant != "refresh_token" {
            return Err(OAuthError::bad_request(
                "unsupported_grant_type",
                70003,
                format!("The app requested an unsupported grant type '{grant}'."),
            ));
        }
        let app = id.check_client(&form)?;
        if !app.public_client {
            // Without "Allow public client flows" the app must authenticate.
            return Err(OAuthError {
                status: StatusCode::UNAUTHORIZED,
                error: "invalid_client",
                code: 7000218,
                text: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.".into(),
            });
        }
        if grant == DEVICE_CODE_GRANT {
            id.device_code_grant(&form, &app)
        } else {
            id.refresh_grant(&form, &app)
        }
    })();
    match result {
        Ok(v) => json_response(StatusCode::OK, &v),
        Err(e) => id.oauth_error(e),
    }
}

async fn openid_configuration(State(id): State<Identity>, Path(tenant): Path<String>) -> Response {
    if let Err(e) = id.check_tenant(&tenant) {
        return id.oauth_error(e);
    }
    let authority = id.authority();
    json_response(
        StatusCode::OK,
        &json!({
            "issuer": format!("{authority}/v2.0"),
            "token_endpoint": id.token_url(),
            "device_authorization_endpoint": id.device_code_url(),
            "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
            "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
            "scopes_supported": ["openid", "profile", "email", "offline_access"],
            "id_token_signing_alg_values_supported": ["none"],
            "tenant_region_scope": "EU",
            "cloud_instance_name": "practice.invalid",
        }),
    )
}

async fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Not found").into_response()
}

/// What an AADSTS number means (the `error_uri` of every error).
async fn error_page(RawQuery(query): RawQuery) -> Response {
    let q = parse_form(query.unwrap_or_default().as_bytes());
    let code = field(&q, "code").unwrap_or("");
    let text = match code.trim_start_matches("AADSTS") {
        "28000" => "The scope names more than one resource. Ask for one resource's permissions at a time.",
        "50034" => "The account does not exist in the directory.",
        "50126" => "Invalid username or password.",
        "50173" => "The grant was revoked (sessions revoked or password changed). Sign in again.",
        "53003" => "Access was blocked by Conditional Access policies (for example a policy blocking the device code flow). An administrator must exclude the account or the application.",
        "65001" => "The user or administrator has not consented to the application. Sign in interactively again.",
        "65004" => "The user declined to consent to the application.",
        "70000" => "The grant is invalid, already used, or was issued to another client.",
        "70003" => "The grant type is not supported.",
        "70016" => "Authorization is pending: the user has not finished signing in yet. Keep polling.",
        "70018" => "The device code is not valid.",
        "70020" => "The device code has expired. Start again with a new code.",
        "90002" => "The tenant was not found.",
        "90033" => "A transient error occurred. Try again.",
        "90094" => "An administrator must grant consent to the application for the organisation.",
        "90119" => "The user code entered is not valid.",
        "90120" => "The code has already been used or declined.",
        "700016" => "The application was not found in the directory.",
        "700082" => "The refresh token expired because it was not used for 90 days. Sign in again.",
        "900144" => "A required parameter is missing from the request.",
        "7000218" => "The application does not allow public client flows, so it must authenticate with a secret or assertion.",
        "9002313" => "The request is malformed or the grant is invalid.",
        _ => "Unknown error code.",
    };
    page(
        "Error code lookup",
        &format!(
            r#"<p id="error-code">AADSTS{}</p><p id="error-text">{}</p>"#,
            esc(code.trim_start_matches("AADSTS")),
            esc(text)
        ),
    )
}

// ---- handlers: the device login pages -----------------------------------------

fn page(title: &str, body: &str) -> Response {
    let html = format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{t}</title>
<style>
body{{font-family:"Segoe UI",Arial,sans-serif;background:#f2f2f2;margin:0}}
main{{max-width:440px;margin:40px auto;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}}
.brand{{color:#666;font-size:14px}} .practice{{color:#8a6d00;font-size:12px}}
input[type=text],input[type=email],input[type=password]{{width:100%;padding:6px 0;border:0;border-bottom:1px solid #666;font-size:15px}}
.buttons{{margin-top:24px;text-align:right}} input[type=submit]{{padding:6px 24px;font-size:15px}}
#idSIButton9{{background:#0067b8;color:#fff;border:0}}
.error{{color:#e81123}}
</style>
</head>
<body>
<main>
<div class="brand">Microsoft Entra ID</div>
<div class="practice">Practice sign-in (emulated, no real account is used)</div>
<h1 id="title">{t}</h1>
{body}
</main>
</body>
</html>
"#,
        t = esc(title),
    );
    let mut r = (StatusCode::OK, html).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn error_line(error: Option<&str>) -> String {
    error
        .map(|e| format!(r#"<p id="error" class="error" role="alert">{}</p>"#, esc(e)))
        .unwrap_or_default()
}

/// The browser sign-in session cookie (Entra's is ESTSAUTH).
const SESSION_COOKIE: &str = "ESTSAUTH";

fn with_session_cookie(mut resp: Response, sid: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={sid}; Path=/; HttpOnly; SameSite=Lax"
    )) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}

fn pick_account_page(flow: &str, app: &AppConfig, upn: &str) -> Response {
    page(
        "Pick an account",
        &format!(
            r#"<p id="app-notice">You are signing in to <b id="app-name">{app}</b> on another device. Continue only if you started this sign-in yourself on a device you are setting up (for example in a printer's Web Config); otherwise close this page.</p>
<form method="post" action="/devicelogin">
{flow}
<p>Pick an account</p>
<button type="submit" name="pick" value="{upn}" id="pick-account" class="tile">{upn}<br><small>Signed in</small></button>
<div class="buttons"><input type="submit" name="other" id="otherTile" value="Use another account"></div>
</form>"#,
            app = esc(&app.name),
            upn = esc(upn),
            flow = hidden_flow(flow)
        ),
    )
}

fn hidden_flow(flow: &str) -> String {
    format!(r#"<input type="hidden" name="flow" value="{}">"#, esc(flow))
}

fn code_page(error: Option<&str>) -> Response {
    page(
        "Enter code",
        &format!(
            r#"<p>Enter the code displayed on your app or device.</p>
{err}<form method="post" action="/devicelogin">
<label for="otc">Code</label>
<input type="text" name="otc" id="otc" autocomplete="off" maxlength="32" placeholder="Code">
<div class="buttons"><input type="submit" id="idSIButton9" value="Next"></div>
</form>"#,
            err = error_line(error)
        ),
    )
}

fn account_page(flow: &str, app: &AppConfig, error: Option<&str>) -> Response {
    page(
        "Sign in",
        &format!(
            r#"<p id="app-notice">You are signing in to <b id="app-name">{app}</b> on another device. Continue only if you started this sign-in yourself on a device you are setting up (for example in a printer's Web Config); otherwise close this page.</p>
{err}<form method="post" action="/devicelogin">
{flow}
<label for="i0116">Email, phone, or Skype</label>
<input type="email" name="login" id="i0116" autocomplete="username">
<div class="buttons"><input type="submit" id="idSIButton9" value="Next"></div>
</form>"#,
            app = esc(&app.name),
            err = error_line(error),
            flow = hidden_flow(flow)
        ),
    )
}

fn password_page(flow: &str, upn: &str, error: Option<&str>) -> Response {
    page(
        "Enter password",
        &format!(
            r#"<p id="displayName">{upn}</p>
{err}<form method="post" action="/devicelogin">
{flow}
<label for="i0118">Password</label>
<input type="password" name="passwd" id="i0118" autocomplete="current-password">
<div class="buttons"><input type="submit" id="idSIButton9" value="Sign in"></div>
</form>"#,
            upn = esc(upn),
            err = error_line(error),
            flow = hidden_flow(flow)
        ),
    )
}

fn consent_page(flow: &str, app: &AppConfig, scopes: &Scopes, user: &UserConfig) -> Response {
    let perms: String = scopes
        .descriptions()
        .iter()
        .map(|d| format!("<li>{}</li>\n", esc(d)))
        .collect();
    let org = if user.role.can_grant_admin_consent() {
        r#"<p><input type="checkbox" name="consent_org" id="consent_org"> <label for="consent_org">Consent on behalf of your organization</label></p>
<p class="small">If you tick this, nobody else in your organisation will be asked to consent to these permissions.</p>
"#
    } else {
        ""
    };
    let publisher = if app.publisher.is_empty() {
        "unverified".to_string()
    } else {
        app.publisher.clone()
    };
    page(
        "Permissions requested",
        &format!(
            r#"<p id="consent-app"><b id="app-name">{app}</b><br><span id="app-publisher">{publisher}</span></p>
<p>This app would like to:</p>
<ul id="permissions">
{perms}</ul>
<form method="post" action="/devicelogin">
{flow}
{org}<p>Accepting lets this app use your data as its terms of service and privacy statement describe. You can change these permissions later.</p>
<div class="buttons"><input type="submit" id="idBtn_Back" name="cancel" value="Cancel"> <input type="submit" id="idSIButton9" name="accept" value="Accept"></div>
</form>"#,
            app = esc(&app.name),
            publisher = esc(&publisher),
            flow = hidden_flow(flow),
        ),
    )
}

fn signed_in_page(app: &str) -> Response {
    page(
        "Signed in",
        &format!(
            r#"<p id="signed-in">You have signed in to <b>{}</b> on your device. You can close this window now.</p>"#,
            esc(app)
        ),
    )
}

fn declined_page(app: &str) -> Response {
    page(
        "Sign-in cancelled",
        &format!(
            r#"<p id="declined">You declined the permissions for <b>{}</b>. The device will not be signed in. You can close this window now.</p>"#,
            esc(app)
        ),
    )
}

/// The page for a sign-in error after the code page.
fn sign_in_error_page(e: &SignInError, app: Option<&AppConfig>) -> Response {
    let app_name = app.map(|a| a.name.as_str()).unwrap_or("the application");
    match e {
        SignInError::InvalidCode => code_page(Some(
            "That code didn't work. Check the code and try again. (AADSTS90119)",
        )),
        SignInError::CodeUsed => code_page(Some(
            "This code has already been used or the sign-in was declined. Go back to your device, get a new code and enter it here. (AADSTS90120)",
        )),
        SignInError::SessionExpired => code_page(Some(
            "Your sign-in session has ended. Enter the code again.",
        )),
        SignInError::CodeExpired => page(
            "Code expired",
            r#"<p id="code-expired">That code has expired. Go back to your device and start the sign-in again to get a new code. (AADSTS70020)</p>
<p><a href="/devicelogin">Enter another code</a></p>"#,
        ),
        SignInError::ConditionalAccess => page(
            "You cannot access this right now",
            r#"<p id="blocked">Your sign-in was successful, but it was blocked by Conditional Access: a policy of your organisation does not allow signing in to a device with a code. An administrator must exclude your account or this application from the policy.</p>
<p class="error">AADSTS53003: Access has been blocked by Conditional Access policies.</p>"#,
        ),
        SignInError::AdminApprovalRequired => page(
            "Need admin approval",
            &format!(
                r#"<p id="need-admin-approval"><b>{}</b> needs permission to access resources in your organization that only an admin can grant. Ask an administrator (for example a Global Administrator or Cloud Application Administrator) to sign in to the device instead, or to grant permission to this app first.</p>
<p class="error">AADSTS90094: Admin consent is required.</p>"#,
                esc(app_name)
            ),
        ),
        // These two keep the user on their page; callers render them in place.
        SignInError::UnknownUser(_) | SignInError::BadPassword => {
            code_page(Some(&e.to_string()))
        }
    }
}

async fn devicelogin_get() -> Response {
    // A code in the URL (?otc=) is not supported, as on Entra.
    code_page(None)
}

async fn devicelogin_post(
    State(id): State<Identity>,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> Response {
    let form = parse_form(&body);
    let session_user = id.session_user(&headers);
    let Some(flow_id) = field(&form, "flow").map(str::to_string) else {
        // The code page.
        let typed = field(&form, "otc").unwrap_or("");
        if typed.trim().is_empty() {
            return code_page(Some("Enter the code displayed on your device."));
        }
        return match id.step_code(typed) {
            Ok(code) => {
                let Some((app, _)) = id.app_for_code(&code) else {
                    return sign_in_error_page(&SignInError::InvalidCode, None);
                };
                let flow_id = uuid::Uuid::new_v4().simple().to_string();
                id.store().flows.insert(
                    flow_id.clone(),
                    Flow {
                        user_code: code,
                        upn: None,
                        stage: Stage::Account,
                    },
                );
                match &session_user {
                    Some(u) => pick_account_page(&flow_id, &app, &u.upn),
                    None => account_page(&flow_id, &app, None),
                }
            }
            Err(e) => sign_in_error_page(&e, None),
        };
    };

    let Some((code, upn, stage)) = id
        .store()
        .flows
        .get(&flow_id)
        .map(|f| (f.user_code.clone(), f.upn.clone(), f.stage))
    else {
        return sign_in_error_page(&SignInError::SessionExpired, None);
    };
    let Some((app, scopes)) = id.app_for_code(&code) else {
        return sign_in_error_page(&SignInError::SessionExpired, None);
    };
    if stage == Stage::Done {
        return signed_in_page(&app.name);
    }
    let set_flow = |upn: Option<String>, stage: Stage| {
        if let Some(f) = id.store().flows.get_mut(&flow_id) {
            f.upn = upn;
            f.stage = stage;
        }
    };
    let end_flow = || {
        id.store().flows.remove(&flow_id);
    };
    // Each step first checks the code is still good.
    if let Err(e) = id.step_code(&code) {
        end_flow();
        return sign_in_error_page(&e, Some(&app));
    }
    let user = upn.as_deref().and_then(|u| id.inner.tenant.user(u));

    if stage == Stage::Consent
        && (field(&form, "accept").is_some() || field(&form, "cancel").is_some())
    {
        let Some(user) = user else {
            end_flow();
            return sign_in_error_page(&SignInError::SessionExpired, Some(&app));
        };
        if field(&form, "cancel").is_some() {
            end_flow();
            return match id.settle(&code, CodeState::Declined) {
                Ok(()) => declined_page(&app.name),
                Err(e) => sign_in_error_page(&e, Some(&app)),
            };
        }
        let for_org = field(&form, "consent_org").is_some_and(|v| v != "off" && v != "false");
        return match id.step_consent(&code, &user, for_org) {
            Ok(()) => {
                set_flow(Some(user.upn.clone()), Stage::Done);
                signed_in_page(&app.name)
            }
            Err(e) => {
                end_flow();
                sign_in_error_page(&e, Some(&app))
            }
        };
    }

    if stage == Stage::Account && field(&form, "other").is_some() {
        return account_page(&flow_id, &app, None);
    }
    if let (Some(picked), Stage::Account) = (field(&form, "pick"), stage) {
        let Some(user) = session_user.filter(|u| u.upn.eq_ignore_ascii_case(picked)) else {
            // No (or another) session: sign in with a password.
            return account_page(&flow_id, &app, None);
        };
        return match id.step_session(&code, &user) {
            Ok(AfterPassword::SignedIn) => {
                set_flow(Some(user.upn.clone()), Stage::Done);
                signed_in_page(&app.name)
            }
            Ok(AfterPassword::NeedsConsent) => {
                set_flow(Some(user.upn.clone()), Stage::Consent);
                consent_page(&flow_id, &app, &scopes, &user)
            }
            Err(e) => {
                end_flow();
                sign_in_error_page(&e, Some(&app))
            }
        };
    }

    if let (Some(passwd), Some(user), Stage::Password) =
        (field(&form, "passwd"), user.as_ref(), stage)
    {
        if passwd.is_empty() {
            return password_page(&flow_id, &user.upn, Some("Please enter your password."));
        }
        return match id.step_password(&code, user, passwd) {
            Ok(AfterPassword::SignedIn) => {
                set_flow(Some(user.upn.clone()), Stage::Done);
                with_session_cookie(signed_in_page(&app.name), &id.new_session(&user.upn))
            }
            Ok(AfterPassword::NeedsConsent) => {
                set_flow(Some(user.upn.clone()), Stage::Consent);
                with_session_cookie(
                    consent_page(&flow_id, &app, &scopes, user),
                    &id.new_session(&user.upn),
                )
            }
            Err(SignInError::BadPassword) => password_page(
                &flow_id,
                &user.upn,
                Some("Your account or password is incorrect. (AADSTS50126)"),
            ),
            Err(e) => {
                end_flow();
                sign_in_error_page(&e, Some(&app))
            }
        };
    }

    if let (Some(login), Stage::Account | Stage::Password) = (field(&form, "login"), stage) {
        if login.trim().is_empty() {
            return account_page(
                &flow_id,
                &app,
                Some("Enter a valid email address, phone number, or Skype name."),
            );
        }
        return match id.step_account(login) {
            Ok(user) => {
                set_flow(Some(user.upn.clone()), Stage::Password);
                password_page(&flow_id, &user.upn, None)
            }
            Err(SignInError::UnknownUser(_)) => account_page(
                &flow_id,
                &app,
                Some("This username may be incorrect. We couldn't find an account with that username in this organisation. (AADSTS50034)"),
            ),
            Err(e) => sign_in_error_page(&e, Some(&app)),
        };
    }

    // Anything else: show the page of the current stage again.
    match (stage, user) {
        (Stage::Password, Some(u)) => password_page(&flow_id, &u.upn, None),
        (Stage::Consent, Some(u)) => consent_page(&flow_id, &app, &scopes, &u),
        _ => account_page(&flow_id, &app, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_split_and_normalise() {
        let s =
            Scopes::parse("https://outlook.office.com/SMTP.Send offline_access OpenID").unwrap();
        assert_eq!(s.perms, vec!["https://outlook.office.com/SMTP.Send"]);
        assert_eq!(s.oidc, vec!["offline_access", "openid"]);
        assert!(s.is_exchange());
        assert_eq!(s.granted(), "https://outlook.office.com/SMTP.Send");
        assert_eq!(Scopes::parse(&s.to_scope_string()).unwrap(), s);

        let d = Scopes::parse("https://outlook.office365.com/.default").unwrap();
        assert_eq!(d.perms, vec!["https://outlook.office365.com/SMTP.Send"]);
        assert!(d.is_exchange());

        let g = Scopes::parse("SMTP.Send offline_access").unwrap();
        assert_eq!(g.perms, vec!["https://graph.microsoft.com/SMTP.Send"]);
        assert!(!g.is_exchange());

        assert_eq!(Scopes::parse("  "), Err(ScopeError::Missing));
        assert!(matches!(
            Scopes::parse("https://outlook.office.com/SMTP.Send Mail.Send"),
            Err(ScopeError::MultipleResources(_))
        ));
    }

    #[test]
    fn consent_descriptions() {
        let s = Scopes::parse("https://outlook.office.com/SMTP.Send offline_access").unwrap();
        assert_eq!(
            s.descriptions(),
            vec![
                "Send email from mailboxes using SMTP AUTH",
                "Maintain access to data you have given it access to",
                "Sign you in and read your profile"
            ]
        );
    }

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
