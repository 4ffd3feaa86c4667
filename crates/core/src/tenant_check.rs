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

use crate::error::Error;
use crate::identity::{self, Authority, CancelToken, DeviceCodeSignIn, IdentityError};
use crate::mail::{self, MailError, SmtpServer};

// ---------------------------------------------------------------------------------
// Causes and fixes (shared vocabulary of identity, mail and the tenant check)
// ---------------------------------------------------------------------------------

/// Why something failed. Serialised as `{"code": "...", "params": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum Cause {
    /// Security defaults are on for the tenant (they block SMTP AUTH; sign-in AADSTS530035).
    SecurityDefaultsOn { aadsts: Option<u32> },
    /// SMTP AUTH is off for the organisation (Set-TransportConfig).
    SmtpAuthDisabledOrganisation {},
    /// SMTP AUTH is off for the mailbox (Set-CASMailbox), which overrides the organisation.
    SmtpAuthDisabledMailbox { mailbox: String },
    /// SMTP AUTH is off, for the organisation or the mailbox (the server did not say).
    SmtpAuthDisabled { mailbox: String },
    /// A Conditional Access policy blocked the sign-in, e.g. "Block device code flow"
    /// (AADSTS53003).
    ConditionalAccessBlocked { aadsts: Option<u32> },
    /// The application does not allow public client flows, or is unknown (AADSTS7000218,
    /// 700016).
    ApplicationNotUsable {
        aadsts: Option<u32>,
        client_id: String,
    },
    /// An administrator must consent for the organisation (AADSTS90094).
    AdminConsentRequired { aadsts: Option<u32> },
    /// Consent was not granted (AADSTS65001).
    ConsentNotGranted { aadsts: Option<u32> },
    /// The person declined the sign-in.
    SignInDeclined { aadsts: Option<u32> },
    /// The code expired before anyone signed in (AADSTS70020).
    DeviceCodeExpired { aadsts: Option<u32> },
    /// The code was wrong, already used or declined (70018, 90119, 90120).
    DeviceCodeInvalid { aadsts: Option<u32> },
    /// The session or refresh token is no longer valid (700082, 70043, 50173).
    SessionExpired { aadsts: Option<u32> },
    /// Entra ID refused for another reason.
    SignInRejected { aadsts: Option<u32>, error: String },
    /// The check was cancelled.
    Cancelled {},
    /// Nobody finished signing in within the time allowed.
    SignInTimedOut { after_secs: u64 },
    /// The sign-in service could not be reached or answered something unexpected.
    AuthorityUnreachable { url: String },
    /// The sign-in did not say which account signed in.
    AccountUnknown {},
    /// 5.7.3: the token was refused (expired, revoked, for another account or resource).
    TokenRejected { account: String },
    /// 5.7.57: the client sent mail without authenticating.
    ClientNotAuthenticated {},
    /// 5.7.60 / 5.2.252: the sender differs from the signed-in mailbox.
    SendAsDenied { account: String, from: String },
    /// 5.5.124: the XOAUTH2 user is not a valid mailbox address.
    Xoauth2UserInvalid { account: String },
    /// 5.7.30: Basic authentication was used and is not supported.
    BasicAuthNotSupported {},
    /// No connection to the SMTP server.
    SmtpServerUnreachable { host: String, port: u16 },
    /// STARTTLS / certificate failure.
    SmtpTlsFailed {
        host: String,
        port: u16,
        tls_name: String,
    },
    /// The SMTP server does not offer AUTH XOAUTH2.
    Xoauth2NotOffered { host: String, port: u16 },
    /// The SMTP server is temporarily unavailable (4xx).
    SmtpServerBusy { code: u16, enhanced: Option<String> },
    /// Another SMTP refusal.
    SmtpRejected { code: u16, enhanced: Option<String> },
    /// An address is not a valid mail address.
    AddressInvalid { address: String },
    /// The configured CA certificate is not valid PEM.
    CaCertificateInvalid {},
}

/// What to do about it. Admin-center paths name Microsoft's menus (shown as given);
/// `powershell` lines are ready to paste.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum Fix {
    /// Turn security defaults off (the device guide's prerequisite).
    TurnOffSecurityDefaults {
        admin_center: String,
        powershell: String,
    },
    /// Turn SMTP AUTH on for the organisation (this blocks OAuth SMTP too, not only Basic).
    EnableSmtpAuthOrganisation {
        admin_center: String,
        powershell: String,
        verify: String,
    },
    /// Turn SMTP AUTH on for the mailbox (the mailbox setting overrides the organisation;
    /// empty inherits it).
    EnableSmtpAuthMailbox {
        mailbox: String,
        admin_center: String,
        powershell: String,
        verify: String,
    },
    /// Both of the above, since the server did not say which is off.
    EnableSmtpAuth {
        mailbox: String,
        admin_center: Vec<String>,
        powershell: Vec<String>,
        verify: Vec<String>,
    },
    /// Exclude the account (or the application) from the Conditional Access policy that
    /// blocks the device code flow.
    ReviewConditionalAccess {
        admin_center: String,
        policy: String,
    },
    /// Allow public client flows on the app registration / use the right client id.
    AllowPublicClientFlows {
        client_id: String,
        admin_center: String,
    },
    /// Sign in with an administrator and tick "Consent on behalf of your organization",
    /// or grant admin consent in the admin center.
    GrantAdminConsent {
        roles: Vec<String>,
        admin_center: String,
    },
    /// Run the check again and complete the sign-in with a new code.
    SignInAgain {},
    /// Check the network, proxy and firewall for this address.
    CheckConnection { host: String, port: u16 },
    /// Check the TLS name and trusted certificates.
    CheckTls { host: String, tls_name: String },
    /// Check the sign-in service address (authority).
    CheckAuthority { url: String },
    /// Make the sender the signed-in mailbox, or grant Send As.
    UseSignedInMailboxAsSender {
        account: String,
        from: String,
        powershell: String,
    },
    /// Use the mailbox address as the XOAUTH2 user.
    UseMailboxAddress { account: String },
    /// Use OAuth 2.0 instead of Basic authentication.
    UseOauth {},
    /// Turn authentication on in the sending client.
    EnableAuthentication {},
    /// Use an SMTP server that offers XOAUTH2 (Exchange Online: smtp.office365.com:587).
    UseExchangeOnlineServer { host: String, port: u16 },
    /// Try again later.
    RetryLater {},
    /// Correct the address.
    CorrectAddress { address: String },
    /// Nothing specific: read the server's or Microsoft's message in the evidence.
    SeeDetails {},
}

/// A cause with its fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnosis {
    pub cause: Cause,
    pub fix: Fix,
}

/// Admin-center paths and PowerShell lines for the fixes (Microsoft's menu names).
pub mod howto {
    pub const SECURITY_DEFAULTS_ADMIN_CENTER: &str =
        "Microsoft Entra admin center > Identity > Overview > Properties > Manage security defaults > Disabled";
    pub const SECURITY_DEFAULTS_POWERSHELL: &str =
        "Update-MgPolicyIdentitySecurityDefaultEnforcementPolicy -IsEnabled:$false";
    pub const SMTP_AUTH_ORG_ADMIN_CENTER: &str =
        "Exchange admin center > Settings > Mail flow > Turn off SMTP AUTH protocol for your organization (clear)";
    pub const SMTP_AUTH_ORG_POWERSHELL: &str =
        "Set-TransportConfig -SmtpClientAuthenticationDisabled $false";
    pub const SMTP_AUTH_ORG_VERIFY: &str =
        "Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled";
    pub const SMTP_AUTH_MAILBOX_ADMIN_CENTER: &str =
        "Microsoft 365 admin center > Users > Active users > <mailbox> > Mail > Manage email apps > Authenticated SMTP";
    pub const CONDITIONAL_ACCESS_ADMIN_CENTER: &str =
        "Microsoft Entra admin center > Protection > Conditional Access > Policies";
    pub const CONDITIONAL_ACCESS_POLICY: &str = "Block device code flow";
    pub const PUBLIC_CLIENT_ADMIN_CENTER: &str =
        "Microsoft Entra admin center > Identity > Applications > App registrations > <application> > Authentication > Allow public client flows";
    pub const ADMIN_CONSENT_ADMIN_CENTER: &str =
        "Microsoft Entra admin center > Identity > Applications > Enterprise applications > <application> > Permissions > Grant admin consent";
    pub const CONSENT_ROLES: [&str; 4] = [
        "Global Administrator",
        "Privileged Role Administrator",
        "Cloud Application Administrator",
        "Application Administrator",
    ];

    pub fn smtp_auth_mailbox_powershell(mailbox: &str) -> String {
        format!("Set-CASMailbox -Identity {mailbox} -SmtpClientAuthenticationDisabled $false")
    }
    pub fn smtp_auth_mailbox_verify(mailbox: &str) -> String {
        format!("Get-CASMailbox -Identity {mailbox} | Format-List SmtpClientAuthenticationDisabled")
    }
    pub fn send_as_powershell(from: &str, account: &str) -> String {
        format!("Add-RecipientPermission -Identity {from} -Trustee {account} -AccessRights SendAs")
    }
}

impl Fix {
    pub fn turn_off_security_defaults() -> Self {
        Fix::TurnOffSecurityDefaults {
            admin_center: howto::SECURITY_DEFAULTS_ADMIN_CENTER.into(),
            powershell: howto::SECURITY_DEFAULTS_POWERSHELL.into(),
        }
    }
    pub fn enable_smtp_auth_organisation() -> Self {
        Fix::EnableSmtpAuthOrganisation {
            admin_center: howto::SMTP_AUTH_ORG_ADMIN_CENTER.into(),
            powershell: howto::SMTP_AUTH_ORG_POWERSHELL.into(),
            verify: howto::SMTP_AUTH_ORG_VERIFY.into(),
        }
    }
    pub fn enable_smtp_auth_mailbox(mailbox: &str) -> Self {
        Fix::EnableSmtpAuthMailbox {
            mailbox: mailbox.into(),
            admin_center: howto::SMTP_AUTH_MAILBOX_ADMIN_CENTER.into(),
            powershell: howto::smtp_auth_mailbox_powershell(mailbox),
            verify: howto::smtp_auth_mailbox_verify(mailbox),
        }
    }
    pub fn enable_smtp_auth(mailbox: &str) -> Self {
        Fix::EnableSmtpAuth {
            mailbox: mailbox.into(),
            admin_center: vec![
                howto::SMTP_AUTH_ORG_ADMIN_CENTER.into(),
                howto::SMTP_AUTH_MAILBOX_ADMIN_CENTER.into(),
            ],
            powershell: vec![
                howto::SMTP_AUTH_ORG_POWERSHELL.into(),
                howto::smtp_auth_mailbox_powershell(mailbox),
            ],
            verify: vec![
                howto::SMTP_AUTH_ORG_VERIFY.into(),
                howto::smtp_auth_mailbox_verify(mailbox),
            ],
        }
    }
    pub fn review_conditional_access() -> Self {
        Fix::ReviewConditionalAccess {
            admin_center: howto::CONDITIONAL_ACCESS_ADMIN_CENTER.into(),
            policy: howto::CONDITIONAL_ACCESS_POLICY.into(),
        }
    }
    pub fn grant_admin_consent() -> Self {
        Fix::GrantAdminConsent {
            roles: howto::CONSENT_ROLES.iter().map(|r| r.to_string()).collect(),
            admin_center: howto::ADMIN_CONSENT_ADMIN_CENTER.into(),
        }
    }
}

/// The cause and fix of an identity error. `client_id` is the application signed in with.
pub fn diagnose_identity(e: &IdentityError, client_id: &str) -> Diagnosis {
    use IdentityError as E;
    let aadsts = e.aadsts();
    let d = |cause, fix| Diagnosis { cause, fix };
    match e {
        E::IdentityAuthorityInvalid { url }
        | E::IdentityAuthorityUnreachable { url, .. }
        | E::IdentityUnexpectedResponse { url, .. } => d(
            Cause::AuthorityUnreachable { url: url.clone() },
            Fix::CheckAuthority { url: url.clone() },
        ),
        E::IdentityAuthorizationPending { .. } | E::IdentityDeviceCodeExpired { .. } => {
            d(Cause::DeviceCodeExpired { aadsts }, Fix::SignInAgain {})
        }
        E::IdentityAuthorizationDeclined { .. } => {
            d(Cause::SignInDeclined { aadsts }, Fix::SignInAgain {})
        }
        E::IdentityBadVerificationCode { .. } => {
            d(Cause::DeviceCodeInvalid { aadsts }, Fix::SignInAgain {})
        }
        E::IdentityInvalidClient { .. } => d(
            Cause::ApplicationNotUsable {
                aadsts,
                client_id: client_id.into(),
            },
            Fix::AllowPublicClientFlows {
                client_id: client_id.into(),
                admin_center: howto::PUBLIC_CLIENT_ADMIN_CENTER.into(),
            },
        ),
        E::IdentityConditionalAccessBlocked { .. } => d(
            Cause::ConditionalAccessBlocked { aadsts },
            Fix::review_conditional_access(),
        ),
        E::IdentitySecurityDefaultsBlocked { .. } => d(
            Cause::SecurityDefaultsOn { aadsts },
            Fix::turn_off_security_defaults(),
        ),
        E::IdentityAdminConsentRequired { .. } => d(
            Cause::AdminConsentRequired { aadsts },
            Fix::grant_admin_consent(),
        ),
        E::IdentityConsentRequired { .. } => d(
            Cause::ConsentNotGranted { aadsts },
            Fix::grant_admin_consent(),
        ),
        E::IdentitySessionExpired { .. } => {
            d(Cause::SessionExpired { aadsts }, Fix::SignInAgain {})
        }
        E::IdentityRejected { error, .. } => d(
            Cause::SignInRejected {
                aadsts,
                error: error.clone(),
            },
            Fix::SeeDetails {},
        ),
        E::IdentityNoAccessToken {} => d(
            Cause::SignInRejected {
                aadsts: None,
                error: String::new(),
            },
            Fix::SeeDetails {},
        ),
        E::IdentityCancelled {} => d(Cause::Cancelled {}, Fix::SignInAgain {}),
        E::IdentityTimedOut { after_secs } => d(
            Cause::SignInTimedOut {
                after_secs: *after_secs,
            },
            Fix::SignInAgain {},
        ),
    }
}

/// The cause and fix of a mail error.
pub fn diagnose_mail(e: &MailError) -> Diagnosis {
    use MailError as E;
    let d = |cause, fix| Diagnosis { cause, fix };
    match e {
        E::MailAddressInvalid { address } => d(
            Cause::AddressInvalid {
                address: address.clone(),
            },
            Fix::CorrectAddress {
                address: address.clone(),
            },
        ),
        E::MailCaCertificateInvalid { .. } => d(Cause::CaCertificateInvalid {}, Fix::SeeDetails {}),
        E::MailConnectionFailed { host, port, .. } | E::MailTimedOut { host, port } => d(
            Cause::SmtpServerUnreachable {
                host: host.clone(),
                port: *port,
            },
            Fix::CheckConnection {
                host: host.clone(),
                port: *port,
            },
        ),
        E::MailTlsFailed {
            host,
            port,
            tls_name,
            ..
        } => d(
            Cause::SmtpTlsFailed {
                host: host.clone(),
                port: *port,
                tls_name: tls_name.clone(),
            },
            Fix::CheckTls {
                host: host.clone(),
                tls_name: tls_name.clone(),
            },
        ),
        E::MailXoauth2NotOffered { host, port } => d(
            Cause::Xoauth2NotOffered {
                host: host.clone(),
                port: *port,
            },
            Fix::UseExchangeOnlineServer {
                host: mail::EXCHANGE_ONLINE_SMTP_HOST.into(),
                port: mail::SUBMISSION_PORT,
            },
        ),
        E::MailSmtpAuthDisabledOrganisation { .. } => d(
            Cause::SmtpAuthDisabledOrganisation {},
            Fix::enable_smtp_auth_organisation(),
        ),
        E::MailSmtpAuthDisabledMailbox { mailbox, .. } => d(
            Cause::SmtpAuthDisabledMailbox {
                mailbox: mailbox.clone(),
            },
            Fix::enable_smtp_auth_mailbox(mailbox),
        ),
        E::MailSmtpAuthDisabled { mailbox, .. } => d(
            Cause::SmtpAuthDisabled {
                mailbox: mailbox.clone(),
            },
            Fix::enable_smtp_auth(mailbox),
        ),
        E::MailSecurityDefaults { .. } => d(
            Cause::SecurityDefaultsOn { aadsts: None },
            Fix::turn_off_security_defaults(),
        ),
        E::MailAuthenticationUnsuccessful { account, .. } => d(
            Cause::TokenRejected {
                account: account.clone(),
            },
            Fix::SignInAgain {},
        ),
        E::MailClientNotAuthenticated { .. } => d(
            Cause::ClientNotAuthenticated {},
            Fix::EnableAuthentication {},
        ),
        E::MailSendAsDenied { account, from, .. } => d(
            Cause::SendAsDenied {
                account: account.clone(),
                from: from.clone(),
            },
            Fix::UseSignedInMailboxAsSender {
                account: account.clone(),
                from: from.clone(),
                powershell: howto::send_as_powershell(from, account),
            },
        ),
        E::MailXoauth2UserInvalid { account, .. } => d(
            Cause::Xoauth2UserInvalid {
                account: account.clone(),
            },
            Fix::UseMailboxAddress {
                account: account.clone(),
            },
        ),
        E::MailBasicAuthNotSupported { .. } => d(Cause::BasicAuthNotSupported {}, Fix::UseOauth {}),
        E::MailServerBusy { reply } => d(
            Cause::SmtpServerBusy {
                code: reply.code,
                enhanced: reply.enhanced.clone(),
            },
            Fix::RetryLater {},
        ),
        E::MailRejected { reply } => d(
            Cause::SmtpRejected {
                code: reply.code,
                enhanced: reply.enhanced.clone(),
            },
            Fix::SeeDetails {},
        ),
        E::MailProtocolError { host, port, .. } => d(
            Cause::SmtpServerUnreachable {
                host: host.clone(),
                port: *port,
            },
            Fix::CheckConnection {
                host: host.clone(),
                port: *port,
            },
        ),
    }
}

// ---------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------

/// What to check against.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TenantCheckConfig {
    /// Entra ID, organizations, by default.
    #[serde(default)]
    pub authority: Authority,
    /// printoauth's application id (see [`identity::PRINTOAUTH_CLIENT_ID_PLACEHOLDER`]).
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

/// The checks, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[serde(rename_all = "kebab-case")]
pub enum CheckStatus {
    Passed,
    Failed,
    NotChecked,
}

/// One prerequisite's outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

    let signed_in = sign_in(&cfg, &progress).await;
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

#[cfg(test)]
mod tests {
    use super::*;

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
