//! The emulator's state: device codes (their user codes, audiences and states), the
//! browsers' sign-in flows and sessions, and the federated identity providers' tickets,
//! with the codes made and checked here.

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, MutexGuard};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::{Rng, RngCore};
use serde::{Deserialize, Serialize};

use super::scopes::Scopes;
use super::{Identity, SignInError, CONSUMER_CODE_LIFETIME, DEVICE_CODE_LIFETIME, USER_CODE_LEN};
use crate::tenant::AppConfig;

/// User code alphabet: upper-case letters and digits without the look-alikes 0/O, 1/I.
const USER_CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/// Device codes are kept this long after expiry, so that late polls still read
/// `expired_token` rather than `bad_verification_code`.
const EXPIRED_RETENTION: i64 = 6 * 3600;

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

#[derive(Default)]
pub(super) struct Store {
    /// By device code.
    pub(super) codes: HashMap<String, CodeRecord>,
    /// User code -> device code.
    pub(super) by_user_code: HashMap<String, String>,
    /// Browser sign-in sessions by flow id.
    pub(super) flows: HashMap<String, Flow>,
    /// Work-account browser sessions (the ESTSAUTH cookie, kept when the person
    /// answers Yes to "Stay signed in?"): session id -> account. A browser with one
    /// picks its account for the next code instead of typing the password again.
    pub(super) sessions: HashMap<String, String>,
    /// Personal-account browser sessions on login.live.com (its own cookie).
    pub(super) live_sessions: HashMap<String, String>,
    /// Answers of a federated identity provider not yet brought back: ticket ->
    /// (flow id, account, expiry).
    pub(super) tickets: HashMap<String, (String, String, i64)>,
    /// Refresh tokens that come from a device code sign-in (Conditional Access
    /// "authentication flows" follows them: protocol tracking).
    pub(super) device_flow_refresh: HashSet<String>,
}

pub(super) struct CodeRecord {
    pub(super) user_code: String,
    /// The application's client id as registered (canonical case).
    pub(super) client_id: String,
    pub(super) scope_raw: String,
    pub(super) scopes: Scopes,
    pub(super) expires_at: i64,
    pub(super) state: CodeState,
    pub(super) audience: Audience,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum CodeState {
    Pending,
    Approved { upn: String },
    Declined,
    Denied(SignInError),
    Redeemed,
}

pub(super) struct Flow {
    pub(super) user_code: String,
    pub(super) upn: Option<String>,
    pub(super) stage: Stage,
}

/// Where a browser's sign-in for one code stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stage {
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

impl Identity {
    pub(super) fn now(&self) -> i64 {
        self.inner.tenant.clock().unix()
    }

    pub(super) fn store(&self) -> MutexGuard<'_, Store> {
        lock(&self.inner.store)
    }

    /// Moves a pending code to its final state (first finisher wins).
    pub(super) fn settle(&self, user_code: &str, state: CodeState) -> Result<(), SignInError> {
        let now = self.now();
        let mut st = self.store();
        check_pending(&st, user_code, now)?;
        let dc = st.by_user_code.get(user_code).cloned().unwrap_or_default();
        if let Some(rec) = st.codes.get_mut(&dc) {
            rec.state = state;
        }
        Ok(())
    }

    pub(super) fn app_for_code(&self, user_code: &str) -> Option<(AppConfig, Scopes)> {
        let (client_id, scopes) = {
            let st = self.store();
            let dc = st.by_user_code.get(user_code)?;
            let rec = st.codes.get(dc)?;
            (rec.client_id.clone(), rec.scopes.clone())
        };
        Some((self.inner.tenant.app(&client_id)?, scopes))
    }

    pub(super) fn prune(&self, st: &mut Store, now: i64) {
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

pub(super) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The code record for a user code that can still be signed in with.
pub(super) fn check_pending<'a>(
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
pub(super) fn normalize_user_code(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

pub(super) fn new_user_code() -> String {
    let mut rng = rand::rng();
    (0..USER_CODE_LEN)
        .map(|_| USER_CODE_ALPHABET[rng.random_range(0..USER_CODE_ALPHABET.len())] as char)
        .collect()
}

pub(super) fn new_device_code() -> String {
    let mut buf = [0u8; 120];
    rand::rng().fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
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
}
