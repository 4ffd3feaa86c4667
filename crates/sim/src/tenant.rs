//! The tenant model shared by the identity emulator and the SMTP emulator: users and
//! their roles, the organisation's settings (security defaults, SMTP AUTH, Conditional
//! Access), registered applications, consent, and the access tokens (signed JWTs)
//! Entra ID issues and Exchange Online validates.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, MutexGuard};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::clock::Clock;

/// The audience of Exchange Online access tokens.
pub const EXCHANGE_AUDIENCE: &str = "https://outlook.office.com";
/// The scope a token needs for SMTP submission.
pub const SMTP_SEND_SCOPE: &str = "https://outlook.office.com/SMTP.Send";
/// Access token lifetime (seconds), as Entra ID issues by default (60-90 min).
pub const ACCESS_TOKEN_LIFETIME: i64 = 3600;
/// A refresh token lapses after this much inactivity (AADSTS700082): 90 days.
pub const REFRESH_TOKEN_INACTIVITY: i64 = 90 * 24 * 3600;

/// The vendor's multi-tenant application that devices sign in with (the id is the
/// emulator's own; the real one is the vendor's).
pub const DEVICE_APP_CLIENT_ID: &str = "8b7a5a1e-4f0c-4d55-9e1c-5e2a0d6f3b21";
/// printoauth's own application, for the tenant check.
pub const PRINTOAUTH_APP_CLIENT_ID: &str = "3f1c2b7e-90a4-4b1e-8f6d-2c9e7a4d5b10";
/// The tenant id Microsoft uses for personal accounts (the `tid` of their tokens).
pub const CONSUMERS_TENANT_ID: &str = "9188040d-6c67-4c5b-b112-36a304b66dad";

/// What kind of account a user is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    /// A work account of the tenant (Exchange Online).
    #[default]
    Work,
    /// A personal Microsoft account (Outlook.com): signs in on login.live.com and
    /// account.live.com, not in the tenant.
    Personal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    GlobalAdministrator,
    PrivilegedRoleAdministrator,
    CloudApplicationAdministrator,
    ApplicationAdministrator,
    User,
}

impl Role {
    /// Roles that can grant consent on behalf of the organisation and register an
    /// enterprise application on first sign-in.
    pub fn can_grant_admin_consent(self) -> bool {
        !matches!(self, Role::User)
    }

    pub fn display(self) -> &'static str {
        match self {
            Role::GlobalAdministrator => "Global Administrator",
            Role::PrivilegedRoleAdministrator => "Privileged Role Administrator",
            Role::CloudApplicationAdministrator => "Cloud Application Administrator",
            Role::ApplicationAdministrator => "Application Administrator",
            Role::User => "User",
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserConfig {
    /// User principal name, which is also the mailbox address.
    pub upn: String,
    pub password: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default = "default_role")]
    pub role: Role,
    /// Per-mailbox SMTP AUTH: `None` inherits the organisation's setting,
    /// `Some(true)` enables, `Some(false)` disables (Set-CASMailbox).
    #[serde(default)]
    pub smtp_auth: Option<bool>,
    /// Mailboxes this user may send as.
    #[serde(default)]
    pub send_as: Vec<String>,
    /// Whether the user has a mailbox at all.
    #[serde(default = "yes")]
    pub has_mailbox: bool,
    /// Work account (default) or personal Microsoft account.
    #[serde(default)]
    pub kind: AccountKind,
}

impl UserConfig {
    pub fn is_personal(&self) -> bool {
        self.kind == AccountKind::Personal
    }

    /// The part after '@', lower case.
    pub fn domain(&self) -> String {
        self.upn
            .rsplit_once('@')
            .map(|(_, d)| d.to_ascii_lowercase())
            .unwrap_or_default()
    }
}

/// A verified domain of the tenant whose users sign in at the organisation's own
/// identity provider (ADFS, Okta…): Entra sends them there after the account page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FederatedDomain {
    pub domain: String,
    /// The identity provider's host name (emulated on a loopback origin of its own).
    pub idp_host: String,
    /// What the identity provider's page calls itself.
    #[serde(default)]
    pub idp_name: String,
}

fn default_role() -> Role {
    Role::User
}
fn yes() -> bool {
    true
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppConfig {
    pub client_id: String,
    pub name: String,
    #[serde(default)]
    pub publisher: String,
    /// "Allow public client flows": without it the device flow fails (AADSTS7000218).
    #[serde(default = "yes")]
    pub public_client: bool,
    /// Already registered as an enterprise application in this tenant.
    #[serde(default)]
    pub registered: bool,
    /// Admin consent already granted for the organisation.
    #[serde(default)]
    pub admin_consented: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenantConfig {
    /// Tenant id (a GUID).
    #[serde(default = "default_tenant_id")]
    pub id: String,
    /// The tenant's verified domain; `{tenant}` in URLs may be this, the id,
    /// `common` or `organizations`.
    #[serde(default = "default_domain")]
    pub domain: String,
    #[serde(default = "default_tenant_name")]
    pub name: String,
    /// Security defaults (the guide's prerequisite: off).
    #[serde(default)]
    pub security_defaults: bool,
    /// SMTP AUTH for the organisation (Set-TransportConfig -SmtpClientAuthenticationDisabled).
    #[serde(default = "yes")]
    pub smtp_auth_enabled: bool,
    /// Basic authentication for SMTP AUTH (off by default from the end of 2026).
    #[serde(default)]
    pub basic_auth_enabled: bool,
    /// A Conditional Access policy blocking the device code flow (AADSTS53003).
    #[serde(default)]
    pub block_device_code_flow: bool,
    #[serde(default = "default_users")]
    pub users: Vec<UserConfig>,
    #[serde(default = "default_apps")]
    pub apps: Vec<AppConfig>,
    /// Federated domains (their users leave Microsoft's pages for their own sign-in).
    #[serde(default = "default_federation")]
    pub federated_domains: Vec<FederatedDomain>,
}

fn default_tenant_id() -> String {
    "5e1f0c9a-7b3d-4c2e-9a81-0d4b6e2f7c35".into()
}
fn default_domain() -> String {
    "contoso.example".into()
}
fn default_tenant_name() -> String {
    "Contoso (practice)".into()
}

/// The practice tenant's federated domain and its identity provider.
pub fn default_federation() -> Vec<FederatedDomain> {
    vec![FederatedDomain {
        domain: "sso.contoso.example".into(),
        idp_host: "fs.contoso.example".into(),
        idp_name: "Contoso single sign-on (practice)".into(),
    }]
}

/// The practice tenant's accounts.
pub fn default_users() -> Vec<UserConfig> {
    use Role::{CloudApplicationAdministrator, GlobalAdministrator, User};
    vec![
        account(
            "admin@contoso.example",
            "Practice-Admin-1",
            GlobalAdministrator,
        )
        .named("Practice Global Admin"),
        account(
            "cloudadmin@contoso.example",
            "Practice-Cloud-1",
            CloudApplicationAdministrator,
        )
        .named("Practice Cloud Application Admin"),
        account("scanner@contoso.example", "Practice-Scanner-1", User).named("Scanner mailbox"),
        account("user@contoso.example", "Practice-User-1", User).named("Ordinary user"),
        // A user of the federated domain: signs in at the organisation's own page.
        account(
            "it@sso.contoso.example",
            "Practice-Federated-1",
            GlobalAdministrator,
        )
        .named("Federated administrator"),
        // A personal Microsoft account, for devices set to Outlook.com.
        UserConfig {
            kind: AccountKind::Personal,
            ..account(
                "scanner.practice@outlook.example",
                "Practice-Outlook-1",
                User,
            )
            .named("Outlook.com practice account")
        },
    ]
}

/// A work account with a mailbox, SMTP AUTH as the organisation sets it, no Send As.
fn account(upn: &str, password: &str, role: Role) -> UserConfig {
    UserConfig {
        upn: upn.into(),
        password: password.into(),
        display_name: upn.into(),
        role,
        smtp_auth: None,
        send_as: vec![],
        has_mailbox: true,
        kind: AccountKind::Work,
    }
}

impl UserConfig {
    /// The same account with `display_name`.
    fn named(self, display_name: &str) -> UserConfig {
        UserConfig {
            display_name: display_name.into(),
            ..self
        }
    }
}

pub fn default_apps() -> Vec<AppConfig> {
    vec![
        AppConfig {
            client_id: DEVICE_APP_CLIENT_ID.into(),
            name: "Epson Device Authentication (practice)".into(),
            publisher: "Seiko Epson Corporation (emulated)".into(),
            public_client: true,
            registered: false,
            admin_consented: false,
        },
        AppConfig {
            client_id: PRINTOAUTH_APP_CLIENT_ID.into(),
            name: "printoauth".into(),
            publisher: "printoauth".into(),
            public_client: true,
            registered: false,
            admin_consented: false,
        },
    ]
}

impl Default for TenantConfig {
    fn default() -> Self {
        Self {
            id: default_tenant_id(),
            domain: default_domain(),
            name: default_tenant_name(),
            security_defaults: false,
            smtp_auth_enabled: true,
            basic_auth_enabled: false,
            block_device_code_flow: false,
            users: default_users(),
            apps: default_apps(),
            federated_domains: default_federation(),
        }
    }
}

/// The claims of an emulated Exchange Online access token.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct AccessClaims {
    pub aud: String,
    pub iss: String,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    pub appid: String,
    pub tid: String,
    pub upn: String,
    pub unique_name: String,
    pub oid: String,
    /// Space-separated delegated scopes, short names (e.g. "SMTP.Send").
    pub scp: String,
    /// Token id, unique per token.
    pub uti: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    #[error("malformed token")]
    Malformed,
    #[error("bad signature")]
    BadSignature,
    #[error("token expired")]
    Expired,
    #[error("wrong audience {0}")]
    WrongAudience(String),
    #[error("scope SMTP.Send missing")]
    MissingScope,
    #[error("token for another tenant")]
    WrongTenant,
}

/// A refresh token's server-side record.
#[derive(Clone, Debug)]
pub struct RefreshRecord {
    pub upn: String,
    pub client_id: String,
    pub scope: String,
    pub issued_at: i64,
    pub last_used: i64,
    pub revoked: bool,
}

/// Mutable tenant state.
#[derive(Debug, Default)]
pub struct TenantState {
    /// Registered enterprise applications (client ids).
    pub registered_apps: BTreeSet<String>,
    /// Organisation-wide admin consent, per client id.
    pub admin_consent: BTreeSet<String>,
    /// Per-user consent: (upn, client id).
    pub user_consent: BTreeSet<(String, String)>,
    /// Refresh tokens by value.
    pub refresh_tokens: BTreeMap<String, RefreshRecord>,
    /// Revoked sessions (AADSTS50173) per user: tokens issued before are void.
    pub revoked_before: BTreeMap<String, i64>,
}

/// A tenant: its configuration (mutable by the control API) and state.
#[derive(Clone)]
pub struct Tenant {
    inner: Arc<TenantInner>,
}

struct TenantInner {
    cfg: Mutex<TenantConfig>,
    state: Mutex<TenantState>,
    key: [u8; 32],
    clock: Clock,
}

type HmacSha256 = Hmac<Sha256>;

impl Tenant {
    pub fn new(cfg: TenantConfig, clock: Clock) -> Self {
        let mut state = TenantState::default();
        for app in &cfg.apps {
            if app.registered || app.admin_consented {
                state.registered_apps.insert(app.client_id.clone());
            }
            if app.admin_consented {
                state.admin_consent.insert(app.client_id.clone());
            }
        }
        let key: [u8; 32] = rand::random();
        Self {
            inner: Arc::new(TenantInner {
                cfg: Mutex::new(cfg),
                state: Mutex::new(state),
                key,
                clock,
            }),
        }
    }

    pub fn clock(&self) -> &Clock {
        &self.inner.clock
    }

    /// The configuration (lock briefly; never hold across an await).
    pub fn config(&self) -> MutexGuard<'_, TenantConfig> {
        self.inner.cfg.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn state(&self) -> MutexGuard<'_, TenantState> {
        self.inner.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether `{tenant}` in a URL names this tenant.
    pub fn matches_segment(&self, seg: &str) -> bool {
        let c = self.config();
        seg.eq_ignore_ascii_case(&c.id)
            || seg.eq_ignore_ascii_case(&c.domain)
            || seg.eq_ignore_ascii_case("common")
            || seg.eq_ignore_ascii_case("organizations")
    }

    pub fn user(&self, upn: &str) -> Option<UserConfig> {
        self.config()
            .users
            .iter()
            .find(|u| u.upn.eq_ignore_ascii_case(upn))
            .cloned()
    }

    /// The federated domain `upn` belongs to, if its domain is federated.
    pub fn federation_for(&self, upn: &str) -> Option<FederatedDomain> {
        let domain = upn.rsplit_once('@')?.1.to_ascii_lowercase();
        self.config()
            .federated_domains
            .iter()
            .find(|f| f.domain.eq_ignore_ascii_case(&domain))
            .cloned()
    }

    /// The tenant id a user's tokens carry: the tenant's, or the personal accounts' one.
    pub fn tid_for(&self, upn: &str) -> String {
        match self.user(upn) {
            Some(u) if u.is_personal() => CONSUMERS_TENANT_ID.to_string(),
            _ => self.config().id.clone(),
        }
    }

    pub fn app(&self, client_id: &str) -> Option<AppConfig> {
        self.config()
            .apps
            .iter()
            .find(|a| a.client_id.eq_ignore_ascii_case(client_id))
            .cloned()
    }

    /// Effective SMTP AUTH for a mailbox: the mailbox's own setting wins over the
    /// organisation's.
    pub fn smtp_auth_effective(&self, upn: &str) -> bool {
        let org = self.config().smtp_auth_enabled;
        self.user(upn).and_then(|u| u.smtp_auth).unwrap_or(org)
    }

    /// Issues a signed access token for `upn` with `scopes` (full or short names).
    pub fn issue_access_token(&self, upn: &str, client_id: &str, scopes: &[String]) -> String {
        let now = self.inner.clock.unix();
        let tid = self.tid_for(upn);
        let scp = scopes
            .iter()
            .filter_map(|s| {
                let short = s.rsplit('/').next().unwrap_or(s);
                (!matches!(short, "offline_access" | "openid" | "profile" | "email"))
                    .then(|| short.to_string())
            })
            .collect::<Vec<_>>()
            .join(" ");
        let claims = AccessClaims {
            aud: EXCHANGE_AUDIENCE.into(),
            iss: format!("https://sts.windows.net/{tid}/"),
            iat: now,
            nbf: now - 300,
            exp: now + ACCESS_TOKEN_LIFETIME,
            appid: client_id.into(),
            tid,
            upn: upn.into(),
            unique_name: upn.into(),
            oid: uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, upn.to_lowercase().as_bytes())
                .to_string(),
            scp,
            uti: uuid::Uuid::new_v4().simple().to_string(),
        };
        self.sign(&claims)
    }

    fn sign(&self, claims: &AccessClaims) -> String {
        let header = URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT","alg":"HS256"}"#);
        let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).expect("claims"));
        let signing_input = format!("{header}.{payload}");
        let mut mac = HmacSha256::new_from_slice(&self.inner.key).expect("hmac key");
        mac.update(signing_input.as_bytes());
        let sig = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        format!("{signing_input}.{sig}")
    }

    /// Validates an access token as Exchange Online would for SMTP submission:
    /// signature, tenant, audience, expiry, SMTP.Send scope and session revocation.
    pub fn validate_access_token(&self, token: &str) -> Result<AccessClaims, TokenError> {
        let mut parts = token.split('.');
        let (Some(h), Some(p), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(TokenError::Malformed);
        };
        let sig = URL_SAFE_NO_PAD
            .decode(s)
            .map_err(|_| TokenError::Malformed)?;
        let mut mac = HmacSha256::new_from_slice(&self.inner.key).expect("hmac key");
        mac.update(format!("{h}.{p}").as_bytes());
        mac.verify_slice(&sig)
            .map_err(|_| TokenError::BadSignature)?;
        let claims: AccessClaims = URL_SAFE_NO_PAD
            .decode(p)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .ok_or(TokenError::Malformed)?;
        if claims.tid != self.tid_for(&claims.upn) {
            return Err(TokenError::WrongTenant);
        }
        if claims.aud != EXCHANGE_AUDIENCE {
            return Err(TokenError::WrongAudience(claims.aud));
        }
        let now = self.inner.clock.unix();
        if now >= claims.exp {
            return Err(TokenError::Expired);
        }
        if let Some(before) = self.state().revoked_before.get(&claims.upn.to_lowercase()) {
            if claims.iat <= *before {
                return Err(TokenError::Expired);
            }
        }
        if !claims.scp.split(' ').any(|s| s == "SMTP.Send") {
            return Err(TokenError::MissingScope);
        }
        Ok(claims)
    }

    /// Stores and returns a new refresh token.
    pub fn issue_refresh_token(&self, upn: &str, client_id: &str, scope: &str) -> String {
        let now = self.inner.clock.unix();
        let value = format!(
            "0.PRACTICE.{}{}",
            uuid::Uuid::new_v4().simple(),
            uuid::Uuid::new_v4().simple()
        );
        self.state().refresh_tokens.insert(
            value.clone(),
            RefreshRecord {
                upn: upn.into(),
                client_id: client_id.into(),
                scope: scope.into(),
                issued_at: now,
                last_used: now,
                revoked: false,
            },
        );
        value
    }

    /// Revokes every session of `upn` (AADSTS50173 for its refresh tokens).
    pub fn revoke_sessions(&self, upn: &str) {
        let now = self.inner.clock.unix();
        let mut st = self.state();
        st.revoked_before.insert(upn.to_lowercase(), now);
        for r in st.refresh_tokens.values_mut() {
            if r.upn.eq_ignore_ascii_case(upn) {
                r.revoked = true;
            }
        }
    }

    /// Whether the application may be used by `upn` without a consent prompt.
    pub fn has_consent(&self, upn: &str, client_id: &str) -> bool {
        let st = self.state();
        st.admin_consent.contains(client_id)
            || st
                .user_consent
                .contains(&(upn.to_lowercase(), client_id.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tenant() -> Tenant {
        Tenant::new(TenantConfig::default(), Clock::new())
    }

    #[test]
    fn access_token_round_trip_and_expiry() {
        let t = tenant();
        let tok = t.issue_access_token(
            "scanner@contoso.example",
            DEVICE_APP_CLIENT_ID,
            &[SMTP_SEND_SCOPE.into(), "offline_access".into()],
        );
        let c = t.validate_access_token(&tok).unwrap();
        assert_eq!(c.upn, "scanner@contoso.example");
        assert_eq!(c.scp, "SMTP.Send");
        t.clock().advance(ACCESS_TOKEN_LIFETIME + 1);
        assert_eq!(t.validate_access_token(&tok), Err(TokenError::Expired));
    }

    #[test]
    fn tampered_and_foreign_tokens_are_refused() {
        let t = tenant();
        let other = tenant();
        let tok = other.issue_access_token("a@contoso.example", "x", &[SMTP_SEND_SCOPE.into()]);
        assert_eq!(t.validate_access_token(&tok), Err(TokenError::BadSignature));
        assert_eq!(t.validate_access_token("abc"), Err(TokenError::Malformed));
        let tok = t.issue_access_token("a@contoso.example", "x", &["openid".into()]);
        assert_eq!(t.validate_access_token(&tok), Err(TokenError::MissingScope));
    }

    #[test]
    fn mailbox_setting_overrides_org() {
        let mut cfg = TenantConfig {
            smtp_auth_enabled: false,
            ..Default::default()
        };
        cfg.users[2].smtp_auth = Some(true);
        cfg.users[3].smtp_auth = None;
        let t = Tenant::new(cfg, Clock::new());
        assert!(t.smtp_auth_effective("scanner@contoso.example"));
        assert!(!t.smtp_auth_effective("user@contoso.example"));
    }

    #[test]
    fn revoked_sessions_void_tokens() {
        let t = tenant();
        let tok = t.issue_access_token("a@contoso.example", "x", &[SMTP_SEND_SCOPE.into()]);
        t.revoke_sessions("a@contoso.example");
        assert_eq!(t.validate_access_token(&tok), Err(TokenError::Expired));
    }
}
