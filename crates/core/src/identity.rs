//! Identity: the OAuth 2.0 device authorization grant (RFC 8628) against Entra ID (or
//! the emulator in tests), run with the oauth2 crate.
//!
//! Entra ID's errors carry an AADSTS number and Microsoft's own message. The oauth2
//! crate keeps only `error` and `error_description`, so the number is read from the
//! description's "AADSTSnnnnn:" prefix and the description is kept whole. The device
//! authorization answer's `message` (localised by Microsoft) comes through a custom
//! extra field.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use oauth2::basic::{
    BasicErrorResponse, BasicRevocationErrorResponse, BasicTokenIntrospectionResponse,
    BasicTokenType,
};
use oauth2::{
    Client, ClientId, DeviceAuthorizationResponse, DeviceAuthorizationUrl,
    DeviceCodeErrorResponseType, EndpointNotSet, EndpointSet, ErrorResponse,
    ExtraDeviceAuthorizationFields, ExtraTokenFields, RequestTokenError, Scope,
    StandardRevocableToken, StandardTokenResponse, TokenResponse, TokenUrl,
};
use serde::{Deserialize, Serialize};
use tokio::sync::Notify;

/// Entra ID's sign-in host.
pub const ENTRA_BASE_URL: &str = "https://login.microsoftonline.com";
/// The `{tenant}` segment for work and school accounts of any tenant.
pub const ENTRA_TENANT_ORGANIZATIONS: &str = "organizations";

/// The environment variable that gives printoauth's application (client) id in the
/// tenant (the CLI's `--app-id`, the app's setting).
pub const APP_ID_ENV: &str = "PRINTOAUTH_APP_ID";

/// Whether `id` can be an application (client) id: a GUID (8-4-4-4-12 hexadecimal
/// digits, braces allowed) other than the nil GUID. printoauth has no id of its own
/// to fall back on: each tenant registers it (see
/// [`crate::diagnosis::Fix::RegisterApp`]) and gives its id.
pub fn is_app_id(id: &str) -> bool {
    let id = id.trim().trim_start_matches('{').trim_end_matches('}');
    let groups: Vec<&str> = id.split('-').collect();
    let shape = groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()));
    shape && id.chars().any(|c| c.is_ascii_hexdigit() && c != '0')
}

/// Scopes of the tenant check: SMTP submission, a refresh token, and an id token that
/// names the account.
pub const TENANT_CHECK_SCOPES: [&str; 4] = [
    "https://outlook.office.com/SMTP.Send",
    "offline_access",
    "openid",
    "profile",
];

/// The scopes of [`TENANT_CHECK_SCOPES`] as owned strings.
pub fn default_scopes() -> Vec<String> {
    TENANT_CHECK_SCOPES.iter().map(|s| s.to_string()).collect()
}

/// Where to sign in: `{base_url}/{tenant}/oauth2/v2.0/...`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Authority {
    /// e.g. "https://login.microsoftonline.com" (no trailing slash needed).
    pub base_url: String,
    /// `organizations`, `common`, a tenant GUID or a verified domain.
    pub tenant: String,
}

impl Default for Authority {
    fn default() -> Self {
        Self {
            base_url: ENTRA_BASE_URL.to_string(),
            tenant: ENTRA_TENANT_ORGANIZATIONS.to_string(),
        }
    }
}

impl Authority {
    pub fn new(base_url: impl Into<String>, tenant: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into(),
            tenant: tenant.into(),
        }
    }

    /// Splits a full authority URL ("https://host/tenant") into base and tenant.
    pub fn from_url(authority: &str) -> Result<Self, IdentityError> {
        let trimmed = authority.trim().trim_end_matches('/');
        let invalid = || IdentityError::IdentityAuthorityInvalid {
            url: authority.to_string(),
        };
        let parsed = url::Url::parse(trimmed).map_err(|_| invalid())?;
        if parsed.host_str().is_none() {
            return Err(invalid());
        }
        let (base, tenant) = trimmed.rsplit_once('/').ok_or_else(invalid)?;
        if tenant.is_empty() || base.ends_with(':') || base.ends_with("/") {
            return Err(invalid());
        }
        Ok(Self::new(base, tenant))
    }

    fn root(&self) -> String {
        format!(
            "{}/{}",
            self.base_url.trim_end_matches('/'),
            self.tenant.trim_matches('/')
        )
    }

    /// `{base}/{tenant}/oauth2/v2.0/devicecode`
    pub fn device_code_url(&self) -> String {
        format!("{}/oauth2/v2.0/devicecode", self.root())
    }

    /// `{base}/{tenant}/oauth2/v2.0/token`
    pub fn token_url(&self) -> String {
        format!("{}/oauth2/v2.0/token", self.root())
    }
}

/// What the person signing in needs: the code, where to enter it, until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceCodePrompt {
    pub user_code: String,
    /// Opaque: show it as given (Entra: https://microsoft.com/devicelogin).
    pub verification_uri: String,
    pub expires_at: DateTime<Utc>,
    /// Polling interval, seconds.
    pub interval: u64,
    /// Microsoft's own instruction text, if the server sent one.
    pub message: Option<String>,
}

/// The result of a sign-in.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tokens {
    pub access_token: String,
    pub refresh_token: Option<String>,
    pub expires_at: Option<DateTime<Utc>>,
    /// The signed-in account (id token `preferred_username`, else `upn`/`email`).
    pub account: Option<String>,
    /// Scopes granted, as the server reported them.
    pub scopes: Vec<String>,
}

impl fmt::Debug for Tokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tokens")
            .field("access_token", &"<redacted>")
            .field(
                "refresh_token",
                &self.refresh_token.as_ref().map(|_| "<redacted>"),
            )
            .field("expires_at", &self.expires_at)
            .field("account", &self.account)
            .field("scopes", &self.scopes)
            .finish()
    }
}

/// Cancels a running [`DeviceCodeSignIn::wait`]. Cheap to clone.
#[derive(Clone, Default)]
pub struct CancelToken {
    inner: Arc<CancelInner>,
}

#[derive(Default)]
struct CancelInner {
    cancelled: AtomicBool,
    notify: Notify,
}

impl fmt::Debug for CancelToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CancelToken")
            .field("cancelled", &self.is_cancelled())
            .finish()
    }
}

impl CancelToken {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn cancel(&self) {
        self.inner.cancelled.store(true, Ordering::SeqCst);
        self.inner.notify.notify_waiters();
    }

    pub fn is_cancelled(&self) -> bool {
        self.inner.cancelled.load(Ordering::SeqCst)
    }

    /// Resolves once [`CancelToken::cancel`] has been called.
    pub async fn cancelled(&self) {
        loop {
            let notified = self.inner.notify.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.is_cancelled() {
                return;
            }
            notified.await;
        }
    }
}

/// Identity errors. `aadsts` is the number Entra ID put in front of its description;
/// `error` the OAuth error code; `description` Microsoft's message, whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum IdentityError {
    /// The authority URL is not usable.
    #[error("identity-authority-invalid: {url}")]
    IdentityAuthorityInvalid { url: String },
    /// The authority could not be reached (DNS, TCP, TLS, HTTP).
    #[error("identity-authority-unreachable: {url}: {detail}")]
    IdentityAuthorityUnreachable { url: String, detail: String },
    /// The authority answered something that is not an OAuth answer.
    #[error("identity-unexpected-response: {url}: {detail}")]
    IdentityUnexpectedResponse { url: String, detail: String },
    /// `authorization_pending` (AADSTS70016): nobody has finished signing in yet.
    #[error("identity-authorization-pending: {description}")]
    IdentityAuthorizationPending {
        aadsts: Option<u32>,
        error: String,
        description: String,
    },
    /// `authorization_declined` / `access_denied`: the person said no.
    #[error("identity-authorization-declined: {description}")]
    IdentityAuthorizationDeclined {
        aadsts: Option<u32>,
        error: String,
        description: String,
    },
    /// `expired_token` (AADSTS70020) or the code's lifetime passed while waiting.
    #[error("identity-device-code-expired: {description}")]
    IdentityDeviceCodeExpired {
        aadsts: Option<u32>,
        error: String,
        description: String,
    },
    /// `bad_verification_code` (70018), invalid user code (90119), code used (90120).
    #[error("identity-bad-verification-code: {description}")]
    IdentityBadVerificationCode {
        aadsts: Option<u32>,
        error: String,
        description: String,
    },
    /// `invalid_client`: public client flows not allowed (7000218) or unknown app.
    #[error("identity-invalid-client: {description}")]
    IdentityInvalidClient {
        aadsts: Option<u32>,
        error: String,
        description: String,
    },
    /// AADSTS53003: blocked by Conditional Access (e.g. "Block device code flow").
    #[error("identity-conditional-access-blocked: {description}")]
    IdentityConditionalAccessBlocked {
        aadsts: Option<u32>,
        error: String,
        description: String,
    },
    /// AADSTS530035: blocked by security defaults.
    #[error("identity-security-defaults-blocked: {description}")]
    IdentitySecurityDefaultsBlocked {
        aadsts: Option<u32>,
        error: String,
        description: String,
    },
    /// AADSTS90094: an administrator must consent for the organisation.
    #[error("identity-admin-consent-required: {description}")]
    IdentityAdminConsentRequired {
        aadsts: Option<u32>,
        error: String,
        description: String,
    },
    /// AADSTS65001: the user or administrator has not consented.
    #[error("identity-consent-required: {description}")]
    IdentityConsentRequired {
        aadsts: Option<u32>,
        error: String,
        description: String,
    },
    /// Refresh token or session no longer valid: 700082, 70043, 50173.
    #[error("identity-session-expired: {description}")]
    IdentitySessionExpired {
        aadsts: Option<u32>,
        error: String,
        description: String,
    },
    /// Any other OAuth error answer.
    #[error("identity-rejected: {error}: {description}")]
    IdentityRejected {
        aadsts: Option<u32>,
        error: String,
        description: String,
    },
    /// The token answer had no usable access token.
    #[error("identity-no-access-token")]
    IdentityNoAccessToken {},
    /// No application (client) id for printoauth in the tenant was given, or `given`
    /// is not one (not a GUID, or the nil GUID): nothing was sent to Entra ID.
    #[error("identity-app-id-missing {given:?}")]
    IdentityAppIdMissing { given: String },
    /// The caller cancelled the wait.
    #[error("identity-cancelled")]
    IdentityCancelled {},
    /// The caller's timeout passed before the sign-in finished.
    #[error("identity-timed-out after {after_secs}s")]
    IdentityTimedOut { after_secs: u64 },
}

/// The AADSTS number at the start of an Entra ID error description
/// ("AADSTS70016: OAuth 2.0 device flow error. ..."), or anywhere in it. Read only
/// by [`IdentityError::from_oauth`], the one table of AADSTS numbers.
fn parse_aadsts(description: &str) -> Option<u32> {
    let idx = description.find("AADSTS")?;
    let digits: String = description[idx + "AADSTS".len()..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

impl IdentityError {
    /// Builds the error for an OAuth error answer from Entra ID.
    pub fn from_oauth(error: &str, description: Option<&str>) -> Self {
        let description = description.unwrap_or_default().to_string();
        let aadsts = parse_aadsts(&description);
        let error = error.to_string();
        // The AADSTS number decides first: Entra ID reuses `invalid_grant` for most.
        match aadsts {
            Some(53003) => {
                return Self::IdentityConditionalAccessBlocked {
                    aadsts,
                    error,
                    description,
                }
            }
            Some(530035) => {
                return Self::IdentitySecurityDefaultsBlocked {
                    aadsts,
                    error,
                    description,
                }
            }
            Some(90094) => {
                return Self::IdentityAdminConsentRequired {
                    aadsts,
                    error,
                    description,
                }
            }
            Some(65001) => {
                return Self::IdentityConsentRequired {
                    aadsts,
                    error,
                    description,
                }
            }
            Some(7000218) | Some(700016) => {
                return Self::IdentityInvalidClient {
                    aadsts,
                    error,
                    description,
                }
            }
            Some(70020) => {
                return Self::IdentityDeviceCodeExpired {
                    aadsts,
                    error,
                    description,
                }
            }
            Some(70018) | Some(90119) | Some(90120) => {
                return Self::IdentityBadVerificationCode {
                    aadsts,
                    error,
                    description,
                }
            }
            Some(700082) | Some(70043) | Some(50173) => {
                return Self::IdentitySessionExpired {
                    aadsts,
                    error,
                    description,
                }
            }
            _ => {}
        }
        match error.as_str() {
            "authorization_pending" => Self::IdentityAuthorizationPending {
                aadsts,
                error,
                description,
            },
            "authorization_declined" | "access_denied" => Self::IdentityAuthorizationDeclined {
                aadsts,
                error,
                description,
            },
            "expired_token" => Self::IdentityDeviceCodeExpired {
                aadsts,
                error,
                description,
            },
            "bad_verification_code" => Self::IdentityBadVerificationCode {
                aadsts,
                error,
                description,
            },
            "invalid_client" | "unauthorized_client" => Self::IdentityInvalidClient {
                aadsts,
                error,
                description,
            },
            _ => Self::IdentityRejected {
                aadsts,
                error,
                description,
            },
        }
    }

    /// The AADSTS number, when Entra ID gave one.
    pub fn aadsts(&self) -> Option<u32> {
        match self {
            Self::IdentityAuthorizationPending { aadsts, .. }
            | Self::IdentityAuthorizationDeclined { aadsts, .. }
            | Self::IdentityDeviceCodeExpired { aadsts, .. }
            | Self::IdentityBadVerificationCode { aadsts, .. }
            | Self::IdentityInvalidClient { aadsts, .. }
            | Self::IdentityConditionalAccessBlocked { aadsts, .. }
            | Self::IdentitySecurityDefaultsBlocked { aadsts, .. }
            | Self::IdentityAdminConsentRequired { aadsts, .. }
            | Self::IdentityConsentRequired { aadsts, .. }
            | Self::IdentitySessionExpired { aadsts, .. }
            | Self::IdentityRejected { aadsts, .. } => *aadsts,
            _ => None,
        }
    }

    /// Microsoft's message (the error description), when there is one.
    pub fn description(&self) -> Option<&str> {
        match self {
            Self::IdentityAuthorizationPending { description, .. }
            | Self::IdentityAuthorizationDeclined { description, .. }
            | Self::IdentityDeviceCodeExpired { description, .. }
            | Self::IdentityBadVerificationCode { description, .. }
            | Self::IdentityInvalidClient { description, .. }
            | Self::IdentityConditionalAccessBlocked { description, .. }
            | Self::IdentitySecurityDefaultsBlocked { description, .. }
            | Self::IdentityAdminConsentRequired { description, .. }
            | Self::IdentityConsentRequired { description, .. }
            | Self::IdentitySessionExpired { description, .. }
            | Self::IdentityRejected { description, .. } => Some(description),
            _ => None,
        }
    }
}

/// Extra fields of Entra ID's device authorization answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct EntraDeviceFields {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}
impl ExtraDeviceAuthorizationFields for EntraDeviceFields {}

/// Extra fields of Entra ID's token answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct EntraTokenFields {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id_token: Option<String>,
}
impl ExtraTokenFields for EntraTokenFields {}

type EntraTokenResponse = StandardTokenResponse<EntraTokenFields, BasicTokenType>;

type EntraClient = Client<
    BasicErrorResponse,
    EntraTokenResponse,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    EndpointNotSet,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
>;

/// A device code sign-in in progress: show [`DeviceCodeSignIn::prompt`], then
/// [`DeviceCodeSignIn::wait`].
pub struct DeviceCodeSignIn {
    prompt: DeviceCodePrompt,
    client: EntraClient,
    http: oauth2::reqwest::Client,
    details: DeviceAuthorizationResponse<EntraDeviceFields>,
    token_url: String,
}

impl fmt::Debug for DeviceCodeSignIn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeviceCodeSignIn")
            .field("prompt", &self.prompt)
            .field("token_url", &self.token_url)
            .finish()
    }
}

fn http_client() -> Result<oauth2::reqwest::Client, String> {
    // No redirects: the token endpoint must answer itself (oauth2's advice, against
    // SSRF).
    oauth2::reqwest::Client::builder()
        .redirect(oauth2::reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(15))
        .timeout(Duration::from_secs(30))
        .build()
        .map_err(|e| e.to_string())
}

fn source_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(inner) = cur {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        cur = inner.source();
    }
    s
}

fn map_request_error<RE, TE>(url: &str, e: RequestTokenError<RE, TE>) -> IdentityError
where
    RE: std::error::Error + 'static,
    TE: ErrorResponse + 'static,
    TE: ErrorParts,
{
    match e {
        RequestTokenError::ServerResponse(err) => {
            let (code, desc) = err.parts();
            IdentityError::from_oauth(&code, desc.as_deref())
        }
        RequestTokenError::Request(re) => IdentityError::IdentityAuthorityUnreachable {
            url: url.to_string(),
            detail: source_chain(&re),
        },
        RequestTokenError::Parse(pe, body) => IdentityError::IdentityUnexpectedResponse {
            url: url.to_string(),
            detail: format!(
                "{pe}; body: {}",
                String::from_utf8_lossy(&body[..body.len().min(512)])
            ),
        },
        RequestTokenError::Other(s) => IdentityError::IdentityUnexpectedResponse {
            url: url.to_string(),
            detail: s,
        },
    }
}

/// The error code and description of an oauth2 error answer.
trait ErrorParts {
    fn parts(&self) -> (String, Option<String>);
}

impl ErrorParts for BasicErrorResponse {
    fn parts(&self) -> (String, Option<String>) {
        (
            self.error().as_ref().to_string(),
            self.error_description().cloned(),
        )
    }
}

impl ErrorParts for oauth2::DeviceCodeErrorResponse {
    fn parts(&self) -> (String, Option<String>) {
        let code = match self.error() {
            DeviceCodeErrorResponseType::Basic(b) => b.as_ref().to_string(),
            other => other.as_ref().to_string(),
        };
        (code, self.error_description().cloned())
    }
}

impl DeviceCodeSignIn {
    /// Asks the authority for a device code (`POST .../devicecode`).
    pub async fn start(
        authority: &Authority,
        client_id: &str,
        scopes: &[String],
    ) -> Result<DeviceCodeSignIn, IdentityError> {
        let device_url = authority.device_code_url();
        let token_url = authority.token_url();
        let invalid = || IdentityError::IdentityAuthorityInvalid {
            url: authority.root(),
        };
        let client: EntraClient = Client::new(ClientId::new(client_id.to_string()))
            .set_device_authorization_url(
                DeviceAuthorizationUrl::new(device_url.clone()).map_err(|_| invalid())?,
            )
            .set_token_uri(TokenUrl::new(token_url.clone()).map_err(|_| invalid())?)
            .set_auth_type(oauth2::AuthType::RequestBody);
        let http = http_client().map_err(|detail| IdentityError::IdentityAuthorityUnreachable {
            url: device_url.clone(),
            detail,
        })?;
        let details: DeviceAuthorizationResponse<EntraDeviceFields> = client
            .exchange_device_code()
            .add_scopes(scopes.iter().map(|s| Scope::new(s.clone())))
            .request_async(&http)
            .await
            .map_err(|e| map_request_error(&device_url, e))?;
        let expires_in = details.expires_in();
        let prompt = DeviceCodePrompt {
            user_code: details.user_code().secret().to_string(),
            verification_uri: details.verification_uri().to_string(),
            expires_at: Utc::now()
                + chrono::Duration::from_std(expires_in)
                    .unwrap_or_else(|_| chrono::Duration::seconds(900)),
            interval: details.interval().as_secs(),
            message: details.extra_fields().message.clone(),
        };
        Ok(DeviceCodeSignIn {
            prompt,
            client,
            http,
            details,
            token_url,
        })
    }

    pub fn prompt(&self) -> &DeviceCodePrompt {
        &self.prompt
    }

    /// Polls the token endpoint until the person finishes, declines, the code expires,
    /// `timeout` passes (default: the code's lifetime) or `cancel` fires.
    pub async fn wait(
        self,
        cancel: &CancelToken,
        timeout: Option<Duration>,
    ) -> Result<Tokens, IdentityError> {
        let poll = self
            .client
            .exchange_device_access_token(&self.details)
            .request_async(&self.http, tokio::time::sleep, timeout);
        let outcome = tokio::select! {
            r = poll => r,
            _ = cancel.cancelled() => return Err(IdentityError::IdentityCancelled {}),
        };
        let resp = match outcome {
            Ok(r) => r,
            Err(RequestTokenError::ServerResponse(err))
                if timeout.is_some()
                    && *err.error() == DeviceCodeErrorResponseType::ExpiredToken
                    && Utc::now() < self.prompt.expires_at =>
            {
                // oauth2 reports its own deadline as expired_token; ours was shorter.
                let _ = err;
                return Err(IdentityError::IdentityTimedOut {
                    after_secs: timeout.map(|t| t.as_secs()).unwrap_or_default(),
                });
            }
            Err(e) => return Err(map_request_error(&self.token_url, e)),
        };
        let access_token = resp.access_token().secret().to_string();
        if access_token.is_empty() {
            return Err(IdentityError::IdentityNoAccessToken {});
        }
        let account = resp
            .extra_fields()
            .id_token
            .as_deref()
            .and_then(account_from_jwt)
            .or_else(|| account_from_jwt(&access_token));
        Ok(Tokens {
            refresh_token: resp.refresh_token().map(|t| t.secret().to_string()),
            expires_at: resp
                .expires_in()
                .and_then(|d| chrono::Duration::from_std(d).ok())
                .map(|d| Utc::now() + d),
            scopes: resp
                .scopes()
                .map(|v| v.iter().map(|s| s.to_string()).collect())
                .unwrap_or_default(),
            access_token,
            account,
        })
    }
}

/// The account a JWT names: `preferred_username`, else `upn`, `unique_name`, `email`.
/// The signature is not checked: the value is only shown and used as the SMTP user.
pub fn account_from_jwt(jwt: &str) -> Option<String> {
    let payload = jwt.split('.').nth(1)?;
    let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    ["preferred_username", "upn", "unique_name", "email"]
        .iter()
        .filter_map(|k| claims.get(*k).and_then(|v| v.as_str()))
        .map(str::trim)
        .find(|s| !s.is_empty())
        .map(str::to_string)
}

/// The fuzz target's way in (feature `fuzzing`): an error answer's body read as the
/// oauth2 crate reads it (the token and the device code endpoints' error types), then
/// mapped as a sign-in maps it. The AADSTS number and the description always come
/// through as read.
#[cfg(feature = "fuzzing")]
pub(crate) fn fuzz_error_body(body: &[u8]) {
    fn read<TE>(body: &[u8])
    where
        TE: ErrorResponse + ErrorParts + serde::de::DeserializeOwned + 'static,
    {
        const URL: &str = "https://login.invalid/organizations/oauth2/v2.0/token";
        let parsed: Result<TE, _> =
            serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_slice(body));
        let (e, parts) = match parsed {
            Ok(te) => {
                let parts = te.parts();
                let e = map_request_error::<std::io::Error, TE>(
                    URL,
                    RequestTokenError::ServerResponse(te),
                );
                (e, Some(parts))
            }
            Err(pe) => (
                map_request_error::<std::io::Error, TE>(
                    URL,
                    RequestTokenError::Parse(pe, body.to_vec()),
                ),
                None,
            ),
        };
        if let Some((code, desc)) = parts {
            assert_eq!(e.aadsts(), desc.as_deref().and_then(parse_aadsts));
            assert_eq!(e.description(), Some(desc.as_deref().unwrap_or_default()));
            let again = IdentityError::from_oauth(&code, desc.as_deref());
            assert_eq!(again, e, "the same answer maps the same way");
        }
        let _ = e.to_string();
        let _ = serde_json::to_value(&e).expect("an error serialises");
    }
    read::<BasicErrorResponse>(body);
    read::<oauth2::DeviceCodeErrorResponse>(body);
    let text = String::from_utf8_lossy(body);
    let _ = parse_aadsts(&text);
    let _ = IdentityError::from_oauth(&text, Some(&text));
    let _ = account_from_jwt(&text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aadsts_is_parsed_from_the_description() {
        assert_eq!(
            parse_aadsts("AADSTS70016: OAuth 2.0 device flow error. Trace ID: x"),
            Some(70016)
        );
        assert_eq!(
            parse_aadsts("AADSTS7000218: The request body"),
            Some(7000218)
        );
        assert_eq!(parse_aadsts("no number"), None);
    }

    #[test]
    fn errors_are_classified_by_number_then_code() {
        let e = IdentityError::from_oauth("invalid_grant", Some("AADSTS53003: Access blocked."));
        assert!(matches!(
            e,
            IdentityError::IdentityConditionalAccessBlocked {
                aadsts: Some(53003),
                ..
            }
        ));
        let e = IdentityError::from_oauth("authorization_declined", Some("AADSTS65004: no"));
        assert!(matches!(
            e,
            IdentityError::IdentityAuthorizationDeclined { .. }
        ));
        let e = IdentityError::from_oauth("invalid_client", Some("AADSTS7000218: x"));
        assert!(matches!(e, IdentityError::IdentityInvalidClient { .. }));
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v["code"], "identity-invalid-client");
        assert_eq!(v["params"]["aadsts"], 7000218);
    }

    #[test]
    fn authority_urls() {
        let a = Authority::default();
        assert_eq!(
            a.device_code_url(),
            "https://login.microsoftonline.com/organizations/oauth2/v2.0/devicecode"
        );
        let b = Authority::from_url("http://127.0.0.1:4000/5e1f/").unwrap();
        assert_eq!(b.base_url, "http://127.0.0.1:4000");
        assert_eq!(b.tenant, "5e1f");
        assert!(Authority::from_url("not a url").is_err());
    }

    #[test]
    fn account_from_id_token() {
        let payload = URL_SAFE_NO_PAD.encode(br#"{"preferred_username":"a@b.example"}"#);
        let jwt = format!("e30.{payload}.");
        assert_eq!(account_from_jwt(&jwt).as_deref(), Some("a@b.example"));
    }
}
