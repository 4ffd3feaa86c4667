//! The tenant check: signs in with the device code flow (as a printer does) and sends a
//! test mail over SMTP with XOAUTH2, then reports each of the tenant's prerequisites as
//! passed, failed (with its cause and fix, as data) or not checked.
//!
//! Microsoft Graph cannot read the SMTP AUTH settings (organisation or mailbox), so
//! the test mail is what proves them: a successful XOAUTH2 authentication shows that
//! security defaults do not block it and that SMTP AUTH is on for the mailbox.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::diagnosis::{diagnose_identity, diagnose_mail, Cause, Diagnosis, Fix};
use crate::error::Error;
use crate::identity::{self, Authority, CancelToken, DeviceCodeSignIn, IdentityError};
use crate::mail::{self, MailError, SmtpServer};

// ---------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------

/// What to check against.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TenantCheckConfig {
    /// Entra ID, organizations, by default.
    #[serde(default)]
    pub authority: Authority,
    /// printoauth's application (client) id in the tenant ([`identity::is_app_id`]);
    /// without a valid one nothing is sent and the check says how to register it.
    pub client_id: String,
    #[serde(default = "identity::default_scopes")]
    pub scopes: Vec<String>,
    /// Exchange Online by default.
    #[serde(default)]
    pub smtp: SmtpServer,
    /// The sender (From and envelope); the signed-in mailbox when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The test mail's recipient; the signed-in mailbox when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// How long to wait for the sign-in, seconds; the code's lifetime when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_in_timeout_secs: Option<u64>,
    /// Cancels the check (while waiting for the sign-in).
    #[serde(skip)]
    pub cancel: CancelToken,
}

impl TenantCheckConfig {
    /// Entra ID (organizations) and Exchange Online, with `client_id`.
    pub fn new(client_id: impl Into<String>) -> Self {
        Self {
            authority: Authority::default(),
            client_id: client_id.into(),
            scopes: identity::default_scopes(),
            smtp: SmtpServer::default(),
            from: None,
            to: None,
            sign_in_timeout_secs: None,
            cancel: CancelToken::new(),
        }
    }
}

/// Progress of a running check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "step", rename_all = "kebab-case")]
pub enum TenantCheckProgress {
    /// Show the code and the URL: someone must sign in there.
    SigningIn {
        user_code: String,
        verification_uri: String,
        expires_at: DateTime<Utc>,
        /// Microsoft's own instruction, if sent.
        message: Option<String>,
    },
    SignedIn {
        account: Option<String>,
    },
    SendingTestMail {
        from: String,
        to: String,
        host: String,
        port: u16,
    },
    Done {
        passed: bool,
    },
}

/// One prerequisite of the tenant with where to change it: the admin-center path, the
/// PowerShell line and the command that shows its status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Prerequisite {
    pub id: CheckId,
    pub admin_center: Vec<String>,
    pub powershell: Vec<String>,
    pub verify: Vec<String>,
}

/// The prerequisites the vendor guide names, in report order; `mailbox` is the
/// sender's ("<mailbox>" in the lines when not known yet).
pub fn prerequisites(mailbox: Option<&str>) -> Vec<Prerequisite> {
    use crate::diagnosis::howto;
    let mailbox = mailbox
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or("<mailbox>");
    let p = |id: CheckId, ac: &[String], ps: &[String], v: &[String]| Prerequisite {
        id,
        admin_center: ac.to_vec(),
        powershell: ps.to_vec(),
        verify: v.to_vec(),
    };
    vec![
        p(
            CheckId::SecurityDefaults,
            &[howto::SECURITY_DEFAULTS_ADMIN_CENTER.into()],
            &[howto::SECURITY_DEFAULTS_POWERSHELL.into()],
            &[],
        ),
        p(
            CheckId::SmtpAuthOrganisation,
            &[howto::SMTP_AUTH_ORG_ADMIN_CENTER.into()],
            &[howto::SMTP_AUTH_ORG_POWERSHELL.into()],
            &[howto::SMTP_AUTH_ORG_VERIFY.into()],
        ),
        p(
            CheckId::SmtpAuthMailbox,
            &[howto::SMTP_AUTH_MAILBOX_ADMIN_CENTER.into()],
            &[howto::smtp_auth_mailbox_powershell(mailbox)],
            // The mailbox's value wins; empty, it inherits the organisation's.
            &[
                howto::smtp_auth_mailbox_verify(mailbox),
                howto::SMTP_AUTH_ORG_VERIFY.into(),
            ],
        ),
        p(
            CheckId::DeviceCodeFlowAllowed,
            &[format!(
                "{} > {}",
                howto::CONDITIONAL_ACCESS_ADMIN_CENTER,
                howto::CONDITIONAL_ACCESS_POLICY
            )],
            &[],
            &[],
        ),
        p(
            CheckId::Consent,
            &[howto::ADMIN_CONSENT_ADMIN_CENTER.into()],
            &[],
            &[],
        ),
    ]
}

/// The checks, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum CheckId {
    SecurityDefaults,
    SmtpAuthOrganisation,
    SmtpAuthMailbox,
    DeviceCodeFlowAllowed,
    Consent,
    SignIn,
    TestMail,
}

impl CheckId {
    pub const ALL: [CheckId; 7] = [
        CheckId::SecurityDefaults,
        CheckId::SmtpAuthOrganisation,
        CheckId::SmtpAuthMailbox,
        CheckId::DeviceCodeFlowAllowed,
        CheckId::Consent,
        CheckId::SignIn,
        CheckId::TestMail,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum CheckStatus {
    Passed,
    Failed,
    NotChecked,
}

/// One prerequisite's outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Check {
    pub id: CheckId,
    pub status: CheckStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Cause>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// The error that shows it (AADSTS number and Microsoft's message, or the SMTP reply).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Error>,
}

/// The whole outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TenantCheckReport {
    /// Every check passed (the test mail was accepted).
    pub passed: bool,
    /// The account that signed in.
    pub account: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub checks: Vec<Check>,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
}

impl TenantCheckReport {
    pub fn check(&self, id: CheckId) -> &Check {
        self.checks
            .iter()
            .find(|c| c.id == id)
            .expect("every check is in the report")
    }

    /// The checks that failed.
    pub fn failed(&self) -> impl Iterator<Item = &Check> {
        self.checks
            .iter()
            .filter(|c| c.status == CheckStatus::Failed)
    }
}

struct Builder {
    checks: Vec<Check>,
}

impl Builder {
    fn new() -> Self {
        Self {
            checks: CheckId::ALL
                .iter()
                .map(|id| Check {
                    id: *id,
                    status: CheckStatus::NotChecked,
                    cause: None,
                    fix: None,
                    evidence: None,
                })
                .collect(),
        }
    }

    fn get(&mut self, id: CheckId) -> &mut Check {
        self.checks
            .iter_mut()
            .find(|c| c.id == id)
            .expect("known check")
    }

    fn pass(&mut self, id: CheckId) {
        let c = self.get(id);
        c.status = CheckStatus::Passed;
    }

    fn fail(&mut self, id: CheckId, d: &Diagnosis, evidence: Option<Error>) {
        let c = self.get(id);
        c.status = CheckStatus::Failed;
        c.cause = Some(d.cause.clone());
        c.fix = Some(d.fix.clone());
        c.evidence = evidence;
    }
}

/// Runs the check: sign-in (device code), then a test mail with XOAUTH2. Never fails
/// as such: every failure is a failed check with its cause and fix.
pub async fn run_tenant_check(
    cfg: TenantCheckConfig,
    progress: impl Fn(TenantCheckProgress),
) -> TenantCheckReport {
    let started_at = Utc::now();
    let mut b = Builder::new();
    let mut account = None;
    let mut from = None;
    let mut to = None;

    // No application id, or not one: nothing is sent; the check says how to get one.
    let signed_in = if identity::is_app_id(&cfg.client_id) {
        sign_in(&cfg, &progress).await
    } else {
        Err(IdentityError::IdentityAppIdMissing {
            given: cfg.client_id.trim().to_string(),
        })
    };
    match signed_in {
        Err(e) => {
            let d = diagnose_identity(&e, &cfg.client_id);
            let ev = Some(Error::from(e.clone()));
            let specific = match &e {
                IdentityError::IdentityConditionalAccessBlocked { .. } => {
                    Some(CheckId::DeviceCodeFlowAllowed)
                }
                IdentityError::IdentitySecurityDefaultsBlocked { .. } => {
                    Some(CheckId::SecurityDefaults)
                }
                IdentityError::IdentityAdminConsentRequired { .. }
                | IdentityError::IdentityConsentRequired { .. } => Some(CheckId::Consent),
                _ => None,
            };
            if let Some(id) = specific {
                b.fail(id, &d, ev.clone());
            }
            b.fail(CheckId::SignIn, &d, ev);
        }
        Ok(tokens) => {
            b.pass(CheckId::DeviceCodeFlowAllowed);
            b.pass(CheckId::Consent);
            b.pass(CheckId::SignIn);
            account = tokens.account.clone();
            progress(TenantCheckProgress::SignedIn {
                account: account.clone(),
            });
            match &tokens.account {
                None => {
                    let d = Diagnosis {
                        cause: Cause::AccountUnknown {},
                        fix: Fix::SeeDetails {},
                    };
                    b.fail(CheckId::TestMail, &d, None);
                }
                Some(acc) => {
                    let sender = cfg.from.clone().unwrap_or_else(|| acc.clone());
                    let rcpt = cfg.to.clone().unwrap_or_else(|| acc.clone());
                    from = Some(sender.clone());
                    to = Some(rcpt.clone());
                    progress(TenantCheckProgress::SendingTestMail {
                        from: sender.clone(),
                        to: rcpt.clone(),
                        host: cfg.smtp.host.clone(),
                        port: cfg.smtp.port,
                    });
                    let sent = mail::send_test_mail_as(
                        &cfg.smtp,
                        acc,
                        &sender,
                        &tokens.access_token,
                        &rcpt,
                    )
                    .await;
                    record_mail(&mut b, sent);
                }
            }
        }
    }

    let passed = b.checks.iter().all(|c| c.status == CheckStatus::Passed);
    progress(TenantCheckProgress::Done { passed });
    TenantCheckReport {
        passed,
        account,
        from,
        to,
        checks: b.checks,
        started_at,
        finished_at: Utc::now(),
    }
}

async fn sign_in(
    cfg: &TenantCheckConfig,
    progress: &impl Fn(TenantCheckProgress),
) -> Result<identity::Tokens, IdentityError> {
    if cfg.cancel.is_cancelled() {
        return Err(IdentityError::IdentityCancelled {});
    }
    let start = DeviceCodeSignIn::start(&cfg.authority, &cfg.client_id, &cfg.scopes);
    let flow = tokio::select! {
        r = start => r?,
        _ = cfg.cancel.cancelled() => return Err(IdentityError::IdentityCancelled {}),
    };
    let p = flow.prompt().clone();
    progress(TenantCheckProgress::SigningIn {
        user_code: p.user_code,
        verification_uri: p.verification_uri,
        expires_at: p.expires_at,
        message: p.message,
    });
    flow.wait(
        &cfg.cancel,
        cfg.sign_in_timeout_secs.map(Duration::from_secs),
    )
    .await
}

fn record_mail(b: &mut Builder, sent: Result<(), MailError>) {
    let e = match sent {
        Ok(()) => {
            for id in [
                CheckId::SecurityDefaults,
                CheckId::SmtpAuthOrganisation,
                CheckId::SmtpAuthMailbox,
                CheckId::TestMail,
            ] {
                b.pass(id);
            }
            return;
        }
        Err(e) => e,
    };
    let d = diagnose_mail(&e);
    let ev = Some(Error::from(e.clone()));
    match &e {
        MailError::MailSecurityDefaults { .. } => b.fail(CheckId::SecurityDefaults, &d, ev.clone()),
        MailError::MailSmtpAuthDisabledOrganisation { .. } => {
            b.fail(CheckId::SmtpAuthOrganisation, &d, ev.clone())
        }
        MailError::MailSmtpAuthDisabledMailbox { .. } => {
            b.fail(CheckId::SmtpAuthMailbox, &d, ev.clone())
        }
        MailError::MailSmtpAuthDisabled { .. } => {
            b.fail(CheckId::SmtpAuthOrganisation, &d, ev.clone());
            b.fail(CheckId::SmtpAuthMailbox, &d, ev.clone());
        }
        other if other.after_authentication() => {
            // The server accepted XOAUTH2: nothing in the tenant blocks SMTP AUTH.
            b.pass(CheckId::SecurityDefaults);
            b.pass(CheckId::SmtpAuthOrganisation);
            b.pass(CheckId::SmtpAuthMailbox);
        }
        _ => {}
    }
    b.fail(CheckId::TestMail, &d, ev);
}

// ---------------------------------------------------------------------------------
// Through a device
// ---------------------------------------------------------------------------------

/// The tenant check through a configured device, for when printoauth has no
/// application id in the tenant: the device's own connection test signs in to the
/// mail server with the device's token, and its answer is mapped to the same checks,
/// causes and fixes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DeviceTenantCheck {
    /// The device as the caller names it (its address).
    pub device: String,
    /// What the device's connection test said, when it ran.
    pub test: Option<crate::devices::ConnectionTestResult>,
    pub report: TenantCheckReport,
}

/// Runs the device-based check on a driver that is logged in: reads the device's
/// mail settings (its signed-in account and sender), runs its connection test and
/// maps the answer. A device that cannot be read or tested is the device's error; a
/// device not configured for OAuth2 is a failed check with its fix.
pub async fn check_through_device(
    driver: &dyn crate::devices::DeviceDriver,
    device: &str,
) -> Result<DeviceTenantCheck, crate::devices::DeviceError> {
    use crate::devices::{AuthMethod, ConnectionTestResult};
    let started_at = Utc::now();
    let mut b = Builder::new();
    let finish = |b: Builder,
                  account: Option<String>,
                  from: Option<String>,
                  test: Option<ConnectionTestResult>| {
        let passed = b.checks.iter().all(|c| c.status == CheckStatus::Passed);
        DeviceTenantCheck {
            device: device.to_string(),
            test,
            report: TenantCheckReport {
                passed,
                account,
                from: from.clone(),
                to: from,
                checks: b.checks,
                started_at,
                finished_at: Utc::now(),
            },
        }
    };
    let settings = driver.read_email_settings().await?;
    let account = settings.oauth_account.clone();
    let from = settings.sender.clone().or(account.clone());
    if settings.auth_method == AuthMethod::OAuth2 && !settings.signed_in {
        // Set to OAuth2 but its last sign-in failed: what the device says about it
        // (declined, blocked, consent missing) is the answer.
        if let Ok(crate::devices::SignInStatus::Failed { detail }) = driver.sign_in_status().await {
            let d = crate::diagnosis::diagnose_device_sign_in(&detail);
            fail_sign_in(&mut b, &d);
            return Ok(finish(b, account, from, None));
        }
    }
    if settings.auth_method != AuthMethod::OAuth2 || !settings.signed_in {
        // Not configured yet: the test would say nothing about the tenant.
        let d = Diagnosis {
            cause: if settings.auth_method == AuthMethod::OAuth2 {
                Cause::NotSignedIn {}
            } else {
                Cause::StillOnBasicAuth {
                    method: match &settings.auth_method {
                        AuthMethod::Off => "off".to_string(),
                        AuthMethod::SmtpAuth => "smtp-auth".to_string(),
                        AuthMethod::PopBeforeSmtp => "pop-before-smtp".to_string(),
                        AuthMethod::OAuth2 => "oauth2".to_string(),
                        AuthMethod::Other(s) => s.clone(),
                    },
                }
            },
            fix: Fix::Configure {},
        };
        b.fail(CheckId::SignIn, &d, None);
        return Ok(finish(b, account, from, None));
    }
    let test = driver.connection_test().await?;
    let mailbox = account.clone().unwrap_or_default();
    let sender = from.clone().unwrap_or_else(|| mailbox.clone());
    record_device_test(&mut b, &test, &mailbox, &sender, &settings);
    Ok(finish(b, account, from, Some(test)))
}

/// A device's failed sign-in: the sign-in check, and the check its cause names
/// (Conditional Access, security defaults, consent — a declined sign-in is consent
/// not given).
fn fail_sign_in(b: &mut Builder, d: &Diagnosis) {
    let specific = match &d.cause {
        Cause::ConditionalAccessBlocked { .. } => Some(CheckId::DeviceCodeFlowAllowed),
        Cause::SecurityDefaultsOn { .. } => Some(CheckId::SecurityDefaults),
        Cause::AdminConsentRequired { .. }
        | Cause::ConsentNotGranted { .. }
        | Cause::SignInDeclined { .. } => Some(CheckId::Consent),
        _ => None,
    };
    if let Some(id) = specific {
        b.fail(id, d, None);
    }
    b.fail(CheckId::SignIn, d, None);
}

/// Maps a device's connection test to the checks: the server's reply when the device
/// quotes one (as the tenant check's own test mail), else Entra ID's answer, else the
/// group the device's message names.
fn record_device_test(
    b: &mut Builder,
    test: &crate::devices::ConnectionTestResult,
    account: &str,
    from: &str,
    settings: &crate::devices::EmailSettings,
) {
    if test.ok {
        for id in CheckId::ALL {
            b.pass(id);
        }
        return;
    }
    let quoted = test.detail.clone().unwrap_or_default();
    let all = format!("{} {quoted}", test.message);
    if let Some(reply) = mail::SmtpReply::find_in(&all) {
        let e = MailError::from_reply(reply, account, from);
        // The device had a token to offer: its sign-in was done.
        b.pass(CheckId::DeviceCodeFlowAllowed);
        b.pass(CheckId::Consent);
        if matches!(e, MailError::MailAuthenticationUnsuccessful { .. }) {
            let d = diagnose_mail(&e);
            b.fail(CheckId::SignIn, &d, Some(Error::from(e.clone())));
        } else {
            b.pass(CheckId::SignIn);
        }
        record_mail(b, Err(e));
        return;
    }
    let lower = all.to_lowercase();
    let host = settings.smtp_server.clone().unwrap_or_default();
    let port = settings.smtp_port.unwrap_or(mail::SUBMISSION_PORT);
    let d = if all.contains("AADSTS") || lower.contains("sign in") || lower.contains("sign-in") {
        let d = crate::diagnosis::diagnose_device_sign_in(if quoted.is_empty() {
            &test.message
        } else {
            &quoted
        });
        fail_sign_in(b, &d);
        d
    } else if lower.contains("secure") || lower.contains("ssl") || lower.contains("tls") {
        Diagnosis {
            cause: Cause::SmtpTlsFailed {
                host: host.clone(),
                port,
                tls_name: host.clone(),
            },
            fix: Fix::CheckTls {
                host: host.clone(),
                tls_name: host,
            },
        }
    } else if lower.contains("authentication") {
        // Refused at SMTP AUTH without the server's words: either setting may be off.
        let d = Diagnosis {
            cause: Cause::SmtpAuthDisabled {
                mailbox: account.into(),
            },
            fix: Fix::enable_smtp_auth(account),
        };
        b.fail(CheckId::SmtpAuthOrganisation, &d, None);
        b.fail(CheckId::SmtpAuthMailbox, &d, None);
        d
    } else {
        Diagnosis {
            cause: Cause::NoConnection { job_code: None },
            fix: Fix::CheckDeviceNetwork {},
        }
    };
    b.fail(CheckId::TestMail, &d, None);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn application_ids() {
        assert!(identity::is_app_id("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
        assert!(identity::is_app_id(
            " {3F2504E0-4F89-11D3-9A0C-0305E82C3301} "
        ));
        for bad in [
            "",
            "00000000-0000-0000-0000-000000000000",
            "{00000000-0000-0000-0000-000000000000}",
            "3f2504e0-4f89-11d3-9a0c-0305e82c330",
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301-1",
            "3f2504e04f8911d39a0c0305e82c3301",
            "printoauth",
            "3g2504e0-4f89-11d3-9a0c-0305e82c3301",
        ] {
            assert!(!identity::is_app_id(bad), "{bad}");
        }
    }

    /// Without an application id nothing is sent: the authority here is a loopback
    /// port nothing listens on, so an attempt would fail as "unreachable" instead.
    #[tokio::test]
    async fn a_missing_or_nil_application_id_sends_nothing_and_says_how_to_register() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        for given in ["", "00000000-0000-0000-0000-000000000000", "not-an-id"] {
            let mut cfg = TenantCheckConfig::new(given);
            cfg.authority = Authority::new(format!("http://127.0.0.1:{port}"), "organizations");
            let progress = std::sync::Mutex::new(Vec::new());
            let r = run_tenant_check(cfg, |p| progress.lock().unwrap().push(p)).await;
            assert!(!r.passed);
            let sign_in = r.check(CheckId::SignIn);
            assert_eq!(sign_in.status, CheckStatus::Failed);
            assert_eq!(
                sign_in.cause,
                Some(Cause::AppIdMissing {
                    given: given.into()
                })
            );
            let Some(Fix::RegisterApp {
                admin_center,
                permission,
                setting,
            }) = &sign_in.fix
            else {
                panic!("{:?}", sign_in.fix);
            };
            assert!(admin_center
                .iter()
                .any(|p| p.contains("Allow public client flows")));
            assert!(permission.contains("SMTP.Send"));
            assert_eq!(setting, "PRINTOAUTH_APP_ID");
            assert_eq!(r.check(CheckId::TestMail).status, CheckStatus::NotChecked);
            assert!(
                !progress
                    .lock()
                    .unwrap()
                    .iter()
                    .any(|p| matches!(p, TenantCheckProgress::SigningIn { .. })),
                "no sign-in was started"
            );
        }
    }

    /// The checklist gives the status commands: the organisation's setting, and the
    /// mailbox's (whose empty value inherits the organisation's, so both are shown).
    #[test]
    fn checklist_gives_the_status_commands() {
        let p = prerequisites(Some("scanner@contoso.example"));
        let org = p
            .iter()
            .find(|p| p.id == CheckId::SmtpAuthOrganisation)
            .unwrap();
        assert_eq!(
            org.verify,
            ["Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled"]
        );
        let mb = p.iter().find(|p| p.id == CheckId::SmtpAuthMailbox).unwrap();
        assert_eq!(
            mb.verify,
            [
                "Get-CASMailbox -Identity scanner@contoso.example | Format-List SmtpClientAuthenticationDisabled",
                "Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled",
            ]
        );
    }

    #[test]
    fn json_is_stable() {
        let c = Check {
            id: CheckId::SmtpAuthMailbox,
            status: CheckStatus::NotChecked,
            cause: Some(Cause::SmtpAuthDisabledMailbox {
                mailbox: "m@x".into(),
            }),
            fix: Some(Fix::enable_smtp_auth_mailbox("m@x")),
            evidence: None,
        };
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(v["id"], "smtp-auth-mailbox");
        assert_eq!(v["status"], "not-checked");
        assert_eq!(v["cause"]["code"], "smtp-auth-disabled-mailbox");
        assert_eq!(
            v["fix"]["params"]["powershell"],
            "Set-CASMailbox -Identity m@x -SmtpClientAuthenticationDisabled $false"
        );
        let back: Check = serde_json::from_value(v).unwrap();
        assert_eq!(back, c);
    }
}
