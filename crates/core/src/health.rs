//! Health: whether each device that sends mail with OAuth2 still does. The refresh
//! tokens a device holds lapse after a long time unused; the device may go on saying
//! "Signed in" until the first mail fails with 361 (or 370). So the verdict reads the
//! sign-in status and the job history together ([`crate::troubleshoot::diagnose`]):
//! a 361/370 after the last sign-in means the sign-in lapsed, whatever the status
//! says. Failures from before the last sign-in (up to the receipt the run saw when it
//! signed the device in, see [`crate::run::DeviceState::Done`]) are history.
//!
//! A sign-in again is the normal configure run: it signs the device in, saves and
//! verifies. [`HealthVerdict::needs_sign_in`] says which devices it fixes, so a front
//! end can sign them all in again in one batch.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tokio::sync::Semaphore;

use crate::devices::{DeviceDriver, DeviceError, EmailService};
use crate::diagnosis::{fix_for_error, Cause, Diagnosis, Fix};
use crate::inventory::{InventoryTarget, ReadState};
use crate::troubleshoot::troubleshoot_after;
use crate::Error;

/// One device's health.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum HealthVerdict {
    /// Signed in with OAuth2 and no mail job failed since.
    Healthy {},
    /// The sign-in lapsed (the device says so, or a mail job failed with 361 since
    /// the last sign-in, `job_code`).
    SignInExpired { job_code: Option<u32> },
    /// On OAuth2 but not signed in, or a mail job failed with 370 since the last
    /// sign-in: it must be signed in again.
    SignInNeeded { job_code: Option<u32> },
    /// Mail jobs failed (`job_code`, e.g. 360) for a reason a sign-in does not fix.
    JobsFailed { job_code: Option<u32> },
    /// The device shows a problem a sign-in alone does not fix (the diagnoses say
    /// which, e.g. a sign-in blocked by Conditional Access).
    NeedsAttention {},
    /// The device does not send with OAuth2: there is no sign-in to keep healthy.
    NotOnOauth2 {},
    /// The device could not be read (`error` in the entry says why).
    NotReadable {},
}

impl HealthVerdict {
    /// A sign-in again (the configure run) makes the device healthy.
    pub fn needs_sign_in(&self) -> bool {
        matches!(
            self,
            HealthVerdict::SignInExpired { .. } | HealthVerdict::SignInNeeded { .. }
        )
    }

    /// Someone must act (exit code 1 of `printoauth health`). A device not on OAuth2
    /// is not counted: it has nothing to keep healthy.
    pub fn needs_attention(&self) -> bool {
        !matches!(
            self,
            HealthVerdict::Healthy {} | HealthVerdict::NotOnOauth2 {}
        )
    }
}

/// One device's health with what it was decided from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HealthEntry {
    /// The id the front end knows the device by.
    pub id: String,
    pub model: Option<String>,
    pub address: Option<String>,
    pub verdict: HealthVerdict,
    /// How far the device could be read.
    pub read: ReadState,
    /// The account signed in with OAuth2, as the device shows it.
    pub account: Option<String>,
    /// Sender's Email Address, as the device shows it (a sign-in again keeps it).
    pub sender: Option<String>,
    /// The email service the device is set for.
    pub service: Option<EmailService>,
    /// Troubleshooting's findings, each with its fix (empty when not read).
    pub diagnoses: Vec<Diagnosis>,
    /// Why the device could not be read.
    pub error: Option<Error>,
    /// What to do about `error`.
    pub fix: Option<Fix>,
}

/// The verdict from troubleshooting's diagnoses (the pure part).
pub fn verdict(diagnoses: &[Diagnosis]) -> HealthVerdict {
    let mut v = HealthVerdict::Healthy {};
    for d in diagnoses {
        let this = match &d.cause {
            Cause::Healthy { .. } => continue,
            Cause::StillOnBasicAuth { .. } => HealthVerdict::NotOnOauth2 {},
            Cause::SignInExpired { job_code } => HealthVerdict::SignInExpired {
                job_code: *job_code,
            },
            Cause::NotSignedIn {} => HealthVerdict::SignInNeeded { job_code: None },
            Cause::MustSignInAgain { job_code } => HealthVerdict::SignInNeeded {
                job_code: *job_code,
            },
            // Signed in, but mail says "sign in" (370) or the panel does: the run
            // signs in and saves again.
            Cause::SignedInNotSaved { .. } => HealthVerdict::SignInNeeded {
                job_code: Some(370),
            },
            Cause::NoConnection { job_code } => HealthVerdict::JobsFailed {
                job_code: *job_code,
            },
            _ => HealthVerdict::NeedsAttention {},
        };
        // The first finding that is not a sign-in wins over a sign-in (a sign-in
        // would not be enough); else the first.
        let rank = |v: &HealthVerdict| match v {
            HealthVerdict::Healthy {} => 0,
            HealthVerdict::NotOnOauth2 {} => 1,
            HealthVerdict::SignInExpired { .. } | HealthVerdict::SignInNeeded { .. } => 2,
            _ => 3,
        };
        if rank(&this) > rank(&v) {
            v = this;
        }
    }
    v
}

fn entry(t: &InventoryTarget, read: ReadState, verdict: HealthVerdict) -> HealthEntry {
    HealthEntry {
        id: t.id.clone(),
        model: t.model.clone(),
        address: t.address.clone(),
        verdict,
        read,
        account: None,
        sender: None,
        service: None,
        diagnoses: Vec::new(),
        error: None,
        fix: None,
    }
}

/// Logs in to the device, reads it and decides. `seen`: the newest job receipt when
/// the device was last signed in (failures up to it are history). Never fails: what
/// could not be read is said in the entry (a device without a driver or a password
/// is not readable).
pub async fn check_device(t: &InventoryTarget, seen: Option<&str>) -> HealthEntry {
    let not_readable = |read: ReadState| entry(t, read, HealthVerdict::NotReadable {});
    let Some(conn) = t.connection.as_ref() else {
        return not_readable(ReadState::NoDriver);
    };
    let Some(creds) = t.credentials.as_ref() else {
        return not_readable(ReadState::PasswordNeeded);
    };
    let failed = |read: ReadState, err: Error| {
        let mut e = not_readable(read);
        e.fix = Some(fix_for_error(&err));
        e.error = Some(err);
        e
    };
    let d: &dyn DeviceDriver = conn.driver.as_ref();
    if let Err(err) = d.login(creds).await {
        let read = match err {
            DeviceError::DeviceLoginRejected { .. } | DeviceError::DeviceLoginLockedOut { .. } => {
                ReadState::PasswordRefused
            }
            _ => ReadState::Failed,
        };
        return failed(read, Error::from(err));
    }
    match troubleshoot_after(d, seen).await {
        Ok(h) => {
            let mut e = entry(t, ReadState::Read, verdict(&h.diagnoses));
            e.account = h.settings.oauth_account.clone().filter(|a| !a.is_empty());
            e.sender = h.settings.sender.clone().filter(|a| !a.is_empty());
            e.service = h.settings.email_service;
            e.diagnoses = h.diagnoses;
            e
        }
        Err(err) => failed(ReadState::Failed, err),
    }
}

/// Checks every device, at most `concurrency` at a time; `seen` maps a device's id to
/// the receipt seen when it was last signed in. The entries come back in the order of
/// `targets`.
pub async fn check(
    targets: Vec<InventoryTarget>,
    seen: HashMap<String, String>,
    concurrency: usize,
) -> Vec<HealthEntry> {
    let limit = Arc::new(Semaphore::new(concurrency.max(1)));
    let seen = Arc::new(seen);
    let mut tasks = Vec::new();
    for t in targets {
        let (limit, seen) = (limit.clone(), seen.clone());
        tasks.push(tokio::spawn(async move {
            let _permit = limit.acquire_owned().await;
            check_device(&t, seen.get(&t.id).map(String::as_str)).await
        }));
    }
    let mut out = Vec::new();
    for task in tasks {
        if let Ok(e) = task.await {
            out.push(e);
        }
    }
    out
}

/// Whether any device needs someone to act.
pub fn any_needs_attention(entries: &[HealthEntry]) -> bool {
    entries.iter().any(|e| e.verdict.needs_attention())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(cause: Cause) -> Diagnosis {
        Diagnosis {
            cause,
            fix: Fix::None {},
        }
    }

    #[test]
    fn verdicts() {
        assert_eq!(
            verdict(&[d(Cause::Healthy { account: None })]),
            HealthVerdict::Healthy {}
        );
        let lapsed = verdict(&[d(Cause::SignInExpired {
            job_code: Some(361),
        })]);
        assert_eq!(
            lapsed,
            HealthVerdict::SignInExpired {
                job_code: Some(361)
            }
        );
        assert!(lapsed.needs_sign_in() && lapsed.needs_attention());
        let basic = verdict(&[d(Cause::StillOnBasicAuth {
            method: "smtp-auth".into(),
        })]);
        assert_eq!(basic, HealthVerdict::NotOnOauth2 {});
        assert!(!basic.needs_attention() && !basic.needs_sign_in());
        let net = verdict(&[d(Cause::NoConnection {
            job_code: Some(360),
        })]);
        assert!(net.needs_attention() && !net.needs_sign_in());
        assert_eq!(
            verdict(&[d(Cause::SignedInNotSaved { account: None })]),
            HealthVerdict::SignInNeeded {
                job_code: Some(370)
            }
        );
    }
}
