//! The sign-in steps the pages and [`Identity::approve`] share: the code, the account,
//! the password, the browser's sessions, "Continue" (Conditional Access, admin
//! approval, consent), the consent itself, and a federated identity provider's
//! tickets; and why a sign-in did not go through.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;

use super::store::{check_pending, normalize_user_code, Audience, CodeState};
use super::{pages, Identity};
use crate::tenant::UserConfig;

/// A federated identity provider's answer must come back within this many seconds.
const TICKET_LIFETIME: i64 = 300;

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

/// What follows "Continue" on the app confirmation page.
pub(super) enum Authorised {
    SignedIn,
    NeedsConsent,
}

impl Identity {
    /// Checks a user code as typed; returns the normalised code.
    pub(super) fn step_code(&self, typed: &str) -> Result<String, SignInError> {
        let code = normalize_user_code(typed);
        let now = self.now();
        let st = self.store();
        check_pending(&st, &code, now)?;
        Ok(code)
    }

    /// The account typed for `user_code`: known, and of a kind the code is for.
    pub(super) fn step_account(
        &self,
        user_code: &str,
        upn: &str,
    ) -> Result<UserConfig, SignInError> {
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

    pub(super) fn audience_of(&self, user_code: &str) -> Result<Audience, SignInError> {
        let st = self.store();
        Ok(check_pending(&st, user_code, self.now())?.audience)
    }

    /// The password (at Microsoft, or at the federated domain's identity provider).
    pub(super) fn check_password(
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
    pub(super) fn new_session(&self, upn: &str, personal: bool) -> String {
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
    pub(super) fn session_user(
        &self,
        headers: &axum::http::HeaderMap,
        personal: bool,
    ) -> Option<UserConfig> {
        let name = if personal {
            pages::LIVE_SESSION_COOKIE
        } else {
            pages::SESSION_COOKIE
        };
        let sid = crate::http::cookie(headers, name)?;
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
    pub(super) fn step_continue(
        &self,
        user_code: &str,
        user: &UserConfig,
    ) -> Result<Authorised, SignInError> {
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
    pub(super) fn step_consent(
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
    pub(super) fn issue_ticket(&self, flow: &str, upn: &str) -> String {
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
    pub(super) fn redeem_ticket(&self, ticket: &str) -> Option<(String, String)> {
        let now = self.now();
        let (flow, upn, expires) = self.store().tickets.remove(ticket)?;
        (now < expires).then_some((flow, upn))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
