//! One vocabulary for what went wrong and what to do about it, for every part of the
//! engine: the tenant check, troubleshooting a device and the run. A [`Cause`] says
//! why, a [`Fix`] says what to do (with Microsoft's admin-center paths and
//! ready-to-paste PowerShell lines where there are some); a [`Diagnosis`] is the two
//! together. Microsoft's and the mail server's answers are mapped to them here and
//! only here ([`diagnose_identity`], [`diagnose_device_sign_in`], [`diagnose_mail`],
//! [`fix_for_error`]); Entra ID's AADSTS numbers are read by
//! [`IdentityError::from_oauth`] alone.
//!
//! Everything serialises as `{"code": "...", "params": {...}}`; the catalogues have a
//! message per code (`cause-`, `fix-`).

use serde::{Deserialize, Serialize};

use crate::devices::DeviceError;
use crate::identity::IdentityError;
use crate::mail::{self, MailError};
use crate::run::RunError;

/// Why something failed. Serialised as `{"code": "...", "params": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    /// (AADSTS53003): the check's own or the device's.
    ConditionalAccessBlocked { aadsts: Option<u32> },
    /// The application does not allow public client flows, or is unknown (AADSTS7000218,
    /// 700016).
    ApplicationNotUsable {
        aadsts: Option<u32>,
        client_id: String,
    },
    /// No application (client) id for printoauth in the tenant was given (`given`:
    /// what was, if anything).
    AppIdMissing { given: String },
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
    // What troubleshooting reads from a device (the vendor guide's symptoms).
    /// OAuth2 is set, signed in, and the last mail job succeeded (or none failed since).
    Healthy { account: Option<String> },
    /// The device still uses a password (SMTP AUTH / POP before SMTP / none):
    /// Exchange Online refuses Basic authentication.
    StillOnBasicAuth { method: String },
    /// Current Status says Signed in but mail asks for a sign-in: the settings were
    /// not sent to the device (OK was not pressed).
    SignedInNotSaved { account: Option<String> },
    /// OAuth2 is chosen but nobody signed in.
    NotSignedIn {},
    /// The device's sign-in lapsed (long disuse, sign-in frequency): job code 361 or
    /// the device's expiry message.
    SignInExpired { job_code: Option<u32> },
    /// The device must sign in again (job code 370, tokens revoked or refused).
    MustSignInAgain { job_code: Option<u32> },
    /// The device has no connection to the cloud or email service (job code 360).
    NoConnection { job_code: Option<u32> },
    /// The device's sign-in failed for a reason Entra ID's answer does not narrow
    /// down; `detail` is what the device quotes, `aadsts` its number when it has one.
    SignInFailed { detail: String, aadsts: Option<u32> },
}

/// What to do about it. Admin-center paths name Microsoft's menus (shown as given);
/// `powershell` lines are ready to paste.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    /// An Entra ID administrator excludes the account (or the application, e.g. the
    /// device's) from the Conditional Access policy that blocks the device code flow.
    ReviewConditionalAccess {
        admin_center: String,
        policy: String,
    },
    /// Register printoauth in the tenant once and give its application (client) id:
    /// `admin_center` the steps' paths, `permission` the delegated permission it needs,
    /// `setting` where printoauth takes the id.
    RegisterApp {
        admin_center: Vec<String>,
        permission: String,
        setting: String,
    },
    /// Allow public client flows on the app registration / use the right client id.
    AllowPublicClientFlows {
        client_id: String,
        admin_center: String,
    },
    /// Sign in with an administrator who can consent for the organisation and tick
    /// "Consent on behalf of your organization", or grant admin consent in the admin
    /// center.
    GrantAdminConsent {
        roles: Vec<String>,
        admin_center: String,
    },
    /// Sign in again (the check, the run, or the device) and finish the sign-in while
    /// the code is valid.
    SignInAgain {},
    /// Check the network, proxy and firewall between this computer and this address.
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
    // For a device (a run that failed, or troubleshooting).
    /// Nothing to do.
    None {},
    /// Run the configuration (OAuth2 with Exchange Online, sign in, save).
    Configure {},
    /// Save the settings again (Email Server > Basic, OK) so the device has them.
    Resave {},
    /// Check the device's own network (gateway, DNS, firewall) and that it reaches the
    /// mail service.
    CheckDeviceNetwork {},
    /// Check the administrator password (the device's own, often on a label or set at
    /// installation); business models also need the user name.
    CheckAdminPassword {},
    /// Too many wrong passwords: wait until the device accepts log-ins again.
    WaitForLockOut {},
    /// Update the device's firmware to a version with OAuth2, then retry.
    UpdateFirmware { model: String },
    /// Connect the device through its standard network interface.
    UseStandardNetwork {},
    /// Check the device is on and reachable from this computer.
    CheckDeviceConnection { address: String },
    /// Check that the address is the device's own (something else answered there).
    CheckDeviceAddress { address: String },
    /// The device's certificate changed: confirm it is the same device.
    ConfirmCertificate {
        address: String,
        pinned_sha256: String,
        found_sha256: String,
    },
    /// printoauth could not read the device's page: do the step on the device's own
    /// page (the steps come with the failure), then check again.
    DoOnDevicePage {},
    /// Retry; if it happens again, send the details to support.
    RetryOrReport {},
}

/// A cause with its fix. A tenant check's failed check, each of troubleshooting's
/// findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    pub const REGISTER_APP_ADMIN_CENTER: [&str; 4] = [
        "Microsoft Entra admin center > Identity > Applications > App registrations > New registration > Accounts in this organizational directory only",
        "App registrations > printoauth > Authentication > Allow public client flows > Yes",
        "App registrations > printoauth > API permissions > Add a permission > APIs my organization uses > Office 365 Exchange Online > Delegated permissions > SMTP.Send",
        "App registrations > printoauth > API permissions > Grant admin consent",
    ];
    pub const REGISTER_APP_PERMISSION: &str = "Office 365 Exchange Online: SMTP.Send (delegated)";
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
        E::IdentityAppIdMissing { given } => d(
            Cause::AppIdMissing {
                given: given.clone(),
            },
            Fix::RegisterApp {
                admin_center: howto::REGISTER_APP_ADMIN_CENTER
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                permission: howto::REGISTER_APP_PERMISSION.into(),
                setting: crate::identity::APP_ID_ENV.into(),
            },
        ),
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

/// The cause and fix of a sign-in failure that a device quotes (Entra ID's answer as
/// its page shows it, in troubleshooting or at the end of a run): read as Entra ID's
/// own error ([`IdentityError::from_oauth`]). Causes an administrator fixes in the
/// tenant are named as the tenant check names them; any other failure is the device's
/// failed sign-in, fixed by signing in again.
pub fn diagnose_device_sign_in(detail: &str) -> Diagnosis {
    use IdentityError as E;
    let e = IdentityError::from_oauth("", Some(detail));
    // A device quotes Entra ID's description (often without the error's name): "the
    // user declined", "access was denied", "cancelled" is the person saying no.
    let lower = detail.to_lowercase();
    let said_no = ["declined", "denied", "cancelled", "canceled"]
        .iter()
        .any(|w| lower.contains(w));
    match e {
        E::IdentityConditionalAccessBlocked { .. }
        | E::IdentitySecurityDefaultsBlocked { .. }
        | E::IdentityAdminConsentRequired { .. }
        | E::IdentityConsentRequired { .. }
        | E::IdentityAuthorizationDeclined { .. } => diagnose_identity(&e, ""),
        E::IdentityRejected { aadsts, .. } if said_no => Diagnosis {
            cause: Cause::SignInDeclined { aadsts },
            fix: Fix::SignInAgain {},
        },
        _ => Diagnosis {
            cause: Cause::SignInFailed {
                detail: detail.into(),
                aadsts: e.aadsts(),
            },
            fix: Fix::SignInAgain {},
        },
    }
}

/// What to do about a device the run could not finish, from its error.
pub fn fix_for_error(e: &crate::Error) -> Fix {
    use crate::Error as E;
    match e {
        E::Device(d) => match d {
            DeviceError::DeviceLoginRejected { .. } => Fix::CheckAdminPassword {},
            DeviceError::DeviceLoginLockedOut { .. } => Fix::WaitForLockOut {},
            DeviceError::DeviceOauth2Unavailable { model, .. } => Fix::UpdateFirmware {
                model: model.clone().unwrap_or_default(),
            },
            // Firmware that offers OAuth2 also speaks TLS 1.2.
            DeviceError::DeviceTlsTooOld { .. } => Fix::UpdateFirmware {
                model: String::new(),
            },
            DeviceError::DeviceAdditionalNetwork { .. } => Fix::UseStandardNetwork {},
            DeviceError::DeviceUnreachable { address, .. }
            | DeviceError::DeviceHttpsUnavailable { address, .. }
            | DeviceError::DeviceRestartTimeout { address, .. } => Fix::CheckDeviceConnection {
                address: address.clone(),
            },
            DeviceError::DeviceNotRecognised { address, .. } => Fix::CheckDeviceAddress {
                address: address.clone(),
            },
            DeviceError::DeviceCertificateChanged {
                address,
                pinned_sha256,
                found_sha256,
            } => Fix::ConfirmCertificate {
                address: address.clone(),
                pinned_sha256: pinned_sha256.clone(),
                found_sha256: found_sha256.clone(),
            },
            DeviceError::DeviceSaveNotConfirmed { .. }
            | DeviceError::DeviceVerifyMismatch { .. } => Fix::Resave {},
            DeviceError::DevicePageNotUnderstood { .. } => Fix::DoOnDevicePage {},
            _ => Fix::RetryOrReport {},
        },
        E::Run(r) => match r {
            // The device quotes Entra ID's answer: the same reading as troubleshooting's.
            RunError::RunSignInFailed { detail } => diagnose_device_sign_in(detail).fix,
            RunError::RunSignInTimedOut { .. } | RunError::RunSignedOutWhileWaiting {} => {
                Fix::SignInAgain {}
            }
            RunError::RunCancelled {} => Fix::RetryOrReport {},
            RunError::RunSenderInvalid { address } => Fix::CorrectAddress {
                address: address.clone(),
            },
        },
        _ => Fix::RetryOrReport {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::FirmwareFamily;

    #[test]
    fn fixes_for_errors() {
        let e: crate::Error = DeviceError::DeviceLoginRejected {
            family: FirmwareFamily::Business,
        }
        .into();
        assert_eq!(fix_for_error(&e), Fix::CheckAdminPassword {});
        let old_tls = crate::Error::Device(DeviceError::DeviceTlsTooOld {
            address: "192.0.2.9".into(),
            detail: "received fatal alert: ProtocolVersion".into(),
        });
        assert_eq!(
            fix_for_error(&old_tls),
            Fix::UpdateFirmware {
                model: String::new()
            }
        );
        let e: crate::Error = RunError::RunSignInFailed {
            detail: "AADSTS53003: Access has been blocked by Conditional Access policies.".into(),
        }
        .into();
        assert_eq!(fix_for_error(&e), Fix::review_conditional_access());
        let e: crate::Error = RunError::RunSignInFailed {
            detail: "AADSTS65001: The user or administrator has not consented.".into(),
        }
        .into();
        assert_eq!(fix_for_error(&e), Fix::grant_admin_consent());
        let v = serde_json::to_value(Fix::UpdateFirmware {
            model: "WF-2930 Series".into(),
        })
        .unwrap();
        assert_eq!(v["code"], "update-firmware");
        assert_eq!(v["params"]["model"], "WF-2930 Series");
    }

    /// The codes the app's pages and their tests rely on.
    #[test]
    fn wire_codes() {
        let code = |f: &Fix| serde_json::to_value(f).unwrap()["code"].clone();
        for (fix, wire) in [
            (Fix::CheckAdminPassword {}, "check-admin-password"),
            (
                Fix::UpdateFirmware {
                    model: String::new(),
                },
                "update-firmware",
            ),
            (
                Fix::review_conditional_access(),
                "review-conditional-access",
            ),
            (Fix::DoOnDevicePage {}, "do-on-device-page"),
            (Fix::SignInAgain {}, "sign-in-again"),
            (Fix::Resave {}, "resave"),
            (Fix::Configure {}, "configure"),
            (Fix::None {}, "none"),
        ] {
            assert_eq!(code(&fix), wire);
        }
        let v = serde_json::to_value(Cause::SignInExpired { job_code: None }).unwrap();
        assert_eq!(v["code"], "sign-in-expired");
        let v = serde_json::to_value(Cause::Healthy { account: None }).unwrap();
        assert_eq!(v["code"], "healthy");
    }

    /// A sign-in failure a device quotes is read by Entra ID's table: what an
    /// administrator fixes in the tenant is named as the tenant check names it.
    #[test]
    fn a_devices_quoted_sign_in_failure() {
        let d = diagnose_device_sign_in(
            "AADSTS53003: Access has been blocked by Conditional Access policies.",
        );
        assert_eq!(
            d.cause,
            Cause::ConditionalAccessBlocked {
                aadsts: Some(53003)
            }
        );
        assert_eq!(d.fix, Fix::review_conditional_access());
        let Fix::ReviewConditionalAccess {
            admin_center,
            policy,
        } = &d.fix
        else {
            unreachable!()
        };
        assert_eq!(admin_center, howto::CONDITIONAL_ACCESS_ADMIN_CENTER);
        assert_eq!(policy, howto::CONDITIONAL_ACCESS_POLICY);
        // The same answer in the tenant check's own sign-in.
        let own = diagnose_identity(
            &IdentityError::from_oauth(
                "invalid_grant",
                Some("AADSTS53003: Access has been blocked by Conditional Access policies."),
            ),
            "",
        );
        assert_eq!(own, d);
        assert_eq!(
            diagnose_device_sign_in("AADSTS530035: blocked by security defaults").fix,
            Fix::turn_off_security_defaults()
        );
        // Anything else: the device's failure, quoted, and a new sign-in.
        let d = diagnose_device_sign_in("AADSTS50126: Error validating credentials.");
        assert_eq!(
            d.cause,
            Cause::SignInFailed {
                detail: "AADSTS50126: Error validating credentials.".into(),
                aadsts: Some(50126)
            }
        );
        assert_eq!(d.fix, Fix::SignInAgain {});
        assert_eq!(
            diagnose_device_sign_in("Sign-in failed.").cause,
            Cause::SignInFailed {
                detail: "Sign-in failed.".into(),
                aadsts: None
            }
        );
        // The person said no, in Entra ID's words as a device quotes them.
        for said in [
            "Sign-in failed. User declined to consent to access the app.",
            "AADSTS65004: User declined to consent to access the app.",
            "The sign-in was cancelled.",
        ] {
            let d = diagnose_device_sign_in(said);
            assert!(
                matches!(d.cause, Cause::SignInDeclined { .. }),
                "{said}: {d:?}"
            );
            assert_eq!(d.fix, Fix::SignInAgain {});
        }
    }
}
