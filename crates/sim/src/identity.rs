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
//!
//! By concern: `server` (the origins and their routers), `endpoints` (the OAuth
//! endpoints and Entra's error bodies), `pages` (the sign-in pages), `sign_in` (the
//! steps the pages and [`Identity::approve`] share), `store` (codes, flows, sessions,
//! tickets) and `scopes`.

mod endpoints;
mod pages;
mod scopes;
mod server;
mod sign_in;
mod store;

use std::sync::{Arc, Mutex, OnceLock};

use serde::{Deserialize, Serialize};

pub use endpoints::sign_in_message;
pub use server::{start, EmulatedOrigin, HostRole};
pub use sign_in::SignInError;
pub use store::Audience;

use sign_in::Authorised;
use store::{lock, CodeState, Store};

use crate::tenant::Tenant;

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
}
