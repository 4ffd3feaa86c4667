//! Troubleshooting one device: the vendor guide's symptoms, read from what the device
//! shows (Email Server settings and sign-in, the panel/status message, the job
//! history), turned into diagnoses: a [`Cause`] with its [`Fix`], in the engine's one
//! vocabulary ([`crate::diagnosis`]), which the UI and CLI localise. Only the reading
//! is here; a sign-in failure the device quotes is read as Entra ID's answer
//! ([`diagnose_device_sign_in`]), as the run reads it.

use serde::{Deserialize, Serialize};

use crate::devices::{
    AuthMethod, DeviceDriver, EmailSettings, JobEntry, JobOutcome, PanelState, SignInStatus,
};
use crate::diagnosis::{diagnose_device_sign_in, Cause, Diagnosis, Fix};
use crate::Error;

/// Everything the diagnosis was made from, for the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeviceHealth {
    pub settings: EmailSettings,
    pub sign_in: SignInStatus,
    pub panel: PanelState,
    /// The newest job history entries first (at most 10).
    pub recent_jobs: Vec<JobEntry>,
    pub diagnoses: Vec<Diagnosis>,
}

/// Reads the device (already logged in) and diagnoses it.
pub async fn troubleshoot(d: &dyn DeviceDriver) -> Result<DeviceHealth, Error> {
    troubleshoot_after(d, None).await
}

/// As [`troubleshoot`], ignoring the jobs up to and including the job with receipt
/// number `seen` (the newest job when the device was last signed in: failures before
/// a new sign-in are history, not the device's state).
pub async fn troubleshoot_after(
    d: &dyn DeviceDriver,
    seen: Option<&str>,
) -> Result<DeviceHealth, Error> {
    let settings = d.read_email_settings().await?;
    let sign_in = d.sign_in_status().await?;
    let panel = d.panel_state().await?;
    let mut jobs = jobs_after(d.job_history().await?, seen);
    jobs.truncate(10);
    let diagnoses = diagnose(&settings, &sign_in, &panel, &jobs);
    Ok(DeviceHealth {
        settings,
        sign_in,
        panel,
        recent_jobs: jobs,
        diagnoses,
    })
}

/// The newest receipt number in a job history (as the device lists it, oldest first).
pub fn newest_receipt(jobs: &[JobEntry]) -> Option<String> {
    jobs.last().map(|j| j.receipt_no.clone())
}

/// The jobs newer than the one with receipt `seen`, newest first. `jobs` as the device
/// lists them (oldest first). When `seen` is not in the list (it scrolled out), all.
pub fn jobs_after(mut jobs: Vec<JobEntry>, seen: Option<&str>) -> Vec<JobEntry> {
    if let Some(pos) = seen.and_then(|s| jobs.iter().position(|j| j.receipt_no == s)) {
        jobs.drain(..=pos);
    }
    jobs.reverse();
    jobs
}

/// The pure part: from what the device shows to diagnoses. `jobs` newest first.
pub fn diagnose(
    settings: &EmailSettings,
    sign_in: &SignInStatus,
    panel: &PanelState,
    jobs: &[JobEntry],
) -> Vec<Diagnosis> {
    let mut out = Vec::new();
    let add = |out: &mut Vec<Diagnosis>, cause, fix| out.push(Diagnosis { cause, fix });

    if let SignInStatus::Failed { detail } = sign_in {
        out.push(diagnose_device_sign_in(detail));
    }
    if settings.auth_method != AuthMethod::OAuth2 {
        let method = match &settings.auth_method {
            AuthMethod::Off => "off".to_string(),
            AuthMethod::SmtpAuth => "smtp-auth".to_string(),
            AuthMethod::PopBeforeSmtp => "pop-before-smtp".to_string(),
            AuthMethod::OAuth2 => "oauth2".to_string(),
            AuthMethod::Other(s) => s.clone(),
        };
        add(
            &mut out,
            Cause::StillOnBasicAuth { method },
            Fix::Configure {},
        );
        return out;
    }

    // The newest mail job that failed with one of the guide's codes, unless a later
    // job succeeded.
    let last_failure = jobs
        .iter()
        .take_while(|j| j.outcome != JobOutcome::Succeeded)
        .find(|j| {
            matches!(
                j.outcome,
                JobOutcome::NoConnection
                    | JobOutcome::ConnectionExpired
                    | JobOutcome::SignInRequired
            )
        });
    let signed_in = settings.signed_in || matches!(sign_in, SignInStatus::SignedIn { .. });

    if panel.sign_in_expired
        || matches!(
            last_failure.map(|j| &j.outcome),
            Some(JobOutcome::ConnectionExpired)
        )
    {
        add(
            &mut out,
            Cause::SignInExpired {
                job_code: last_failure.and_then(|j| j.code),
            },
            Fix::SignInAgain {},
        );
    } else if signed_in
        && (panel.needs_sign_in
            || matches!(
                last_failure.map(|j| &j.outcome),
                Some(JobOutcome::SignInRequired)
            ))
    {
        add(
            &mut out,
            Cause::SignedInNotSaved {
                account: settings.oauth_account.clone(),
            },
            Fix::Resave {},
        );
    } else if !signed_in {
        add(&mut out, Cause::NotSignedIn {}, Fix::SignInAgain {});
    } else if let Some(j) = last_failure {
        match j.outcome {
            JobOutcome::NoConnection => add(
                &mut out,
                Cause::NoConnection { job_code: j.code },
                Fix::CheckDeviceNetwork {},
            ),
            _ => add(
                &mut out,
                Cause::MustSignInAgain { job_code: j.code },
                Fix::SignInAgain {},
            ),
        }
    }
    if out.is_empty() {
        add(
            &mut out,
            Cause::Healthy {
                account: settings.oauth_account.clone(),
            },
            Fix::None {},
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::SecureConnection;

    fn settings(method: AuthMethod, signed_in: bool) -> EmailSettings {
        EmailSettings {
            auth_method: method,
            email_service: None,
            current_status: None,
            signed_in,
            oauth_account: signed_in.then(|| "scanner@contoso.example".to_string()),
            sender: None,
            smtp_server: None,
            smtp_port: None,
            secure_connection: SecureConnection::StartTls,
            certificate_validation: Some(true),
        }
    }

    fn panel(needs: bool, expired: bool) -> PanelState {
        PanelState {
            email_server_status: None,
            message: None,
            needs_sign_in: needs,
            sign_in_expired: expired,
        }
    }

    fn job(outcome: JobOutcome, code: Option<u32>) -> JobEntry {
        JobEntry {
            receipt_no: "1".into(),
            date_time: String::new(),
            completed: String::new(),
            job_type: "Scan to Email".into(),
            result: String::new(),
            pages: Some(1),
            from: String::new(),
            to: String::new(),
            file_name: String::new(),
            outcome,
            code,
        }
    }

    #[test]
    fn failures_before_the_last_sign_in_are_history() {
        let mut old = job(JobOutcome::ConnectionExpired, Some(361));
        old.receipt_no = "0007".into();
        let mut ok = job(JobOutcome::Succeeded, None);
        ok.receipt_no = "0006".into();
        let listed = vec![ok.clone(), old.clone()];
        assert_eq!(newest_receipt(&listed).as_deref(), Some("0007"));
        // Nothing seen: every job, newest first.
        let all = jobs_after(listed.clone(), None);
        assert_eq!(all[0].receipt_no, "0007");
        assert_eq!(all.len(), 2);
        // Seen the 361: it no longer counts.
        assert!(jobs_after(listed.clone(), Some("0007")).is_empty());
        // A receipt that scrolled out of the history: keep everything.
        assert_eq!(jobs_after(listed, Some("0001")).len(), 2);
    }

    fn codes(d: &[Diagnosis]) -> Vec<String> {
        d.iter()
            .map(|x| {
                serde_json::to_value(&x.cause).unwrap()["code"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn the_guides_symptoms() {
        let signed_in = SignInStatus::SignedIn { account: None };
        let out = SignInStatus::SignedOut;
        assert_eq!(
            codes(&diagnose(
                &settings(AuthMethod::SmtpAuth, false),
                &out,
                &panel(false, false),
                &[]
            )),
            ["still-on-basic-auth"]
        );
        assert_eq!(
            codes(&diagnose(
                &settings(AuthMethod::OAuth2, true),
                &signed_in,
                &panel(true, false),
                &[]
            )),
            ["signed-in-not-saved"]
        );
        assert_eq!(
            codes(&diagnose(
                &settings(AuthMethod::OAuth2, false),
                &out,
                &panel(true, false),
                &[]
            )),
            ["not-signed-in"]
        );
        assert_eq!(
            codes(&diagnose(
                &settings(AuthMethod::OAuth2, false),
                &out,
                &panel(false, true),
                &[job(JobOutcome::ConnectionExpired, Some(361))]
            )),
            ["sign-in-expired"]
        );
        assert_eq!(
            codes(&diagnose(
                &settings(AuthMethod::OAuth2, true),
                &signed_in,
                &panel(false, false),
                &[job(JobOutcome::NoConnection, Some(360))]
            )),
            ["no-connection"]
        );
        // A success after the failure: healthy.
        assert_eq!(
            codes(&diagnose(
                &settings(AuthMethod::OAuth2, true),
                &signed_in,
                &panel(false, false),
                &[
                    job(JobOutcome::Succeeded, None),
                    job(JobOutcome::NoConnection, Some(360))
                ]
            )),
            ["healthy"]
        );
        let blocked = SignInStatus::Failed {
            detail: "AADSTS53003: Access has been blocked by Conditional Access policies.".into(),
        };
        let d = diagnose(
            &settings(AuthMethod::OAuth2, false),
            &blocked,
            &panel(false, false),
            &[],
        );
        assert_eq!(codes(&d)[0], "conditional-access-blocked");
        assert_eq!(d[0].fix, Fix::review_conditional_access());
    }

    /// One mapping: a sign-in failure the device quotes gives troubleshooting the cause
    /// and fix that the run gives the same failure.
    #[test]
    fn a_quoted_sign_in_failure_reads_as_in_a_run() {
        use crate::diagnosis::fix_for_error;
        use crate::run::RunError;
        for detail in [
            "AADSTS53003: Access has been blocked by Conditional Access policies.",
            "AADSTS65001: The user or administrator has not consented to use the application.",
            "AADSTS50126: Error validating credentials due to invalid username or password.",
        ] {
            let d = diagnose(
                &settings(AuthMethod::OAuth2, false),
                &SignInStatus::Failed {
                    detail: detail.into(),
                },
                &panel(false, false),
                &[],
            );
            assert_eq!(d[0], diagnose_device_sign_in(detail), "{detail}");
            let run = fix_for_error(
                &RunError::RunSignInFailed {
                    detail: detail.into(),
                }
                .into(),
            );
            assert_eq!(d[0].fix, run, "{detail}");
        }
        let d = diagnose(
            &settings(AuthMethod::OAuth2, false),
            &SignInStatus::Failed {
                detail: "AADSTS53003: Access has been blocked by Conditional Access policies."
                    .into(),
            },
            &panel(false, false),
            &[],
        );
        assert_eq!(
            d[0].cause,
            Cause::ConditionalAccessBlocked {
                aadsts: Some(53003)
            }
        );
        assert_eq!(d[0].fix, Fix::review_conditional_access());
    }
}
