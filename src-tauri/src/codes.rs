//! The codes the catalogues have a message for, as the engine and the app define
//! them: every family (`error-`, `cause-`, `fix-`, `manual-`, `missing-`, `step-`,
//! `check-`, `fault-`, `mail-status-`, `change-`, and the inventory's `read-state-`,
//! `oauth2-`, `alternative-`) with each code and the names of the
//! values its message may use. Written to ui/src/bindings/codes.json beside the
//! TypeScript declarations, under the same guard (`bindings::tests::bindings_are_up_to_date`
//! fails when it is stale; `PRINTOAUTH_UPDATE_BINDINGS=1 cargo test -p printoauth-app
//! bindings` rewrites it); the UI's catalogue test reads it.
//!
//! Nothing here can fall behind the types: each enum is listed with [`every!`], which
//! matches every variant (a variant left out does not compile) and builds each one with
//! all its fields named (a field left out or renamed does not compile); the codes and
//! the param names are then what serde writes for those values, as on the wire.

use std::collections::BTreeMap;

use printoauth_core::audit::AuditAction;
use printoauth_core::devices::{
    AuthMethod, DeviceError, EmailService, EmailSettings, FirmwareFamily, SecureConnection,
    SettingMismatch, WaitReason,
};
use printoauth_core::diagnosis::{Cause, Fix};
use printoauth_core::discovery::DiscoveryError;
use printoauth_core::health::HealthVerdict;
use printoauth_core::identity::IdentityError;
use printoauth_core::inventory::{Alternative, Oauth2Verdict, ReadState};
use printoauth_core::mail::{MailError, SmtpReply};
use printoauth_core::manual::{ManualStep, Missing};
use printoauth_core::run::{RunError, Step};
use printoauth_core::tenant_check::CheckId;
use serde::Serialize;

use crate::error::ErrorCode;
use crate::models::{MailStatus, PracticeFault};

/// The file in ui/src/bindings/.
pub const FILE: &str = "codes.json";

/// A value of a field, to build every variant with.
trait Example {
    fn example() -> Self;
}

impl Example for String {
    fn example() -> Self {
        String::new()
    }
}
impl Example for bool {
    fn example() -> Self {
        false
    }
}
impl Example for u16 {
    fn example() -> Self {
        0
    }
}
impl Example for u32 {
    fn example() -> Self {
        0
    }
}
impl Example for u64 {
    fn example() -> Self {
        0
    }
}
impl<T: Example> Example for Option<T> {
    fn example() -> Self {
        Some(T::example())
    }
}
impl<T: Example> Example for Vec<T> {
    fn example() -> Self {
        vec![T::example()]
    }
}
impl Example for FirmwareFamily {
    fn example() -> Self {
        FirmwareFamily::Unknown
    }
}
impl Example for SmtpReply {
    fn example() -> Self {
        SmtpReply {
            code: 0,
            enhanced: Example::example(),
            text: Example::example(),
        }
    }
}
impl Example for SettingMismatch {
    fn example() -> Self {
        SettingMismatch {
            field: Example::example(),
            expected: Example::example(),
            found: Example::example(),
        }
    }
}

/// One value of every variant of an enum, each field named: `every!(E { A { x, y }, B {} })`.
/// The match makes leaving out a variant a compile error; the struct expressions make
/// leaving out a field one.
macro_rules! every {
    ($E:ident { $($V:ident $({ $($f:ident),* $(,)? })?),* $(,)? }) => {{
        fn _every_variant_is_listed(e: &$E) {
            match e {
                $($E::$V { .. } => {})*
            }
        }
        vec![$($E::$V $({ $($f: Example::example()),* })?),*]
    }};
}

/// Code -> the names of its params, from serialised values (`{code, params}`, or a
/// unit variant's string).
fn codes<T: Serialize>(values: &[T]) -> BTreeMap<String, Vec<String>> {
    values
        .iter()
        .map(|v| {
            let v = serde_json::to_value(v).expect("serialisable");
            match v {
                serde_json::Value::String(code) => (code, Vec::new()),
                v => {
                    let code = v["code"].as_str().expect("a code").to_string();
                    let params = v["params"]
                        .as_object()
                        .map(|p| p.keys().cloned().collect())
                        .unwrap_or_default();
                    (code, params)
                }
            }
        })
        .collect()
}

/// Adds `more` to `into`; a code defined twice is a bug.
fn merge(into: &mut BTreeMap<String, Vec<String>>, more: BTreeMap<String, Vec<String>>) {
    for (code, params) in more {
        assert!(
            into.insert(code.clone(), params).is_none(),
            "the code {code} is defined twice"
        );
    }
}

/// Family -> code -> param names.
pub fn families() -> BTreeMap<&'static str, BTreeMap<String, Vec<String>>> {
    // A run's waits: each reason says how long at most; "over" ends one.
    let mut wait: BTreeMap<String, Vec<String>> = codes(&every!(WaitReason {
        DeviceAway,
        DeviceServerError,
        DeviceRestarting,
    }))
    .into_keys()
    .map(|c| (c, vec!["secs".to_string()]))
    .collect();
    wait.insert("over".into(), Vec::new());
    let mut error = BTreeMap::new();
    merge(
        &mut error,
        codes(&every!(DeviceError {
            DeviceUnreachable { address, detail },
            DeviceUnsupported { vendor, address },
            DeviceNotRecognised { address, detail },
            DeviceHttpsUnavailable { address, detail },
            DeviceTlsTooOld { address, detail },
            DeviceCertificateChanged { address, pinned_sha256, found_sha256 },
            DevicePinStore { location, detail },
            DeviceHttpStatus { path, status, attempts },
            DeviceRestartTimeout { address, waited_secs },
            DevicePageNotUnderstood { page, missing, redacted_html },
            DeviceLoginRejected { family },
            DeviceLoginLockedOut { family },
            DeviceNotLoggedIn {},
            DeviceSessionLost { attempts },
            DeviceOauth2Unavailable { scope, model, firmware, offered },
            DeviceAdditionalNetwork { device_message },
            DeviceRefused { page, device_message },
            DeviceInvalidValue { field, value },
            DeviceAlreadySignedIn { account },
            DeviceSignInNotStarted {},
            DeviceFaxServerUnavailable {},
            DeviceSaveNotConfirmed { page, redacted_html },
            DeviceVerifyMismatch { mismatches },
            DeviceConnectionTestUnavailable {},
            DeviceJobHistoryUnreadable { missing, redacted_text },
        })),
    );
    merge(
        &mut error,
        codes(&every!(DiscoveryError {
            DiscoveryHostNetworkRefused { namespace },
            DiscoveryMdnsUnavailable { detail },
            DiscoveryInvalidServiceType { service_type },
            DiscoveryInterfaceNotFound { names },
            DiscoveryProbeInvalidHost { host },
            DiscoveryProbeUnreachable { host, detail },
        })),
    );
    merge(
        &mut error,
        codes(&every!(IdentityError {
            IdentityAuthorityInvalid { url },
            IdentityAuthorityUnreachable { url, detail },
            IdentityUnexpectedResponse { url, detail },
            IdentityAuthorizationPending { aadsts, error, description },
            IdentityAuthorizationDeclined { aadsts, error, description },
            IdentityDeviceCodeExpired { aadsts, error, description },
            IdentityBadVerificationCode { aadsts, error, description },
            IdentityInvalidClient { aadsts, error, description },
            IdentityConditionalAccessBlocked { aadsts, error, description },
            IdentitySecurityDefaultsBlocked { aadsts, error, description },
            IdentityAdminConsentRequired { aadsts, error, description },
            IdentityConsentRequired { aadsts, error, description },
            IdentitySessionExpired { aadsts, error, description },
            IdentityRejected { aadsts, error, description },
            IdentityNoAccessToken {},
            IdentityAppIdMissing { given },
            IdentityCancelled {},
            IdentityTimedOut { after_secs },
        })),
    );
    merge(
        &mut error,
        codes(&every!(MailError {
            MailAddressInvalid { address },
            MailCaCertificateInvalid { detail },
            MailConnectionFailed { host, port, detail },
            MailTlsFailed { host, port, tls_name, detail },
            MailTimedOut { host, port },
            MailXoauth2NotOffered { host, port },
            MailSmtpAuthDisabledOrganisation { reply },
            MailSmtpAuthDisabledMailbox { mailbox, reply },
            MailSecurityDefaults { reply },
            MailSmtpAuthDisabled { mailbox, reply },
            MailAuthenticationUnsuccessful { account, reply },
            MailClientNotAuthenticated { reply },
            MailSendAsDenied { account, from, reply },
            MailXoauth2UserInvalid { account, reply },
            MailBasicAuthNotSupported { reply },
            MailServerBusy { reply },
            MailRejected { reply },
            MailProtocolError { host, port, detail },
        })),
    );
    merge(
        &mut error,
        codes(&every!(RunError {
            RunSignInFailed { detail },
            RunSignInTimedOut { waited_secs },
            RunSignedOutWhileWaiting {},
            RunCancelled {},
            RunSenderInvalid { address },
        })),
    );
    let app: Vec<ErrorCode> = every!(ErrorCode {
        Internal,
        PracticeUnavailable,
        PracticeNotRunning,
        DeviceUnknown,
        RunInProgress,
        NoDevicesSelected,
        PasswordMissing,
        UrlNotAllowed,
        TenantCheckInProgress,
        UpdateUnavailable,
        UpdateCheckFailed,
        UpdateInstallFailed,
        ReportNoRun,
        ReportUnwritable,
        ReportNotFound,
    });
    merge(
        &mut error,
        app.iter()
            .map(|c| {
                let params = c.params().iter().map(|p| p.to_string()).collect();
                (c.as_str(), params)
            })
            .collect(),
    );
    // The settings a run reports as changed: every field the engine compares, all of
    // them changed (nothing before).
    let settings = EmailSettings {
        auth_method: AuthMethod::OAuth2,
        email_service: Some(EmailService::ExchangeOnline),
        current_status: Some(String::new()),
        signed_in: true,
        oauth_account: Some(String::new()),
        sender: Some(String::new()),
        smtp_server: Some(String::new()),
        smtp_port: Some(0),
        secure_connection: SecureConnection::StartTls,
        certificate_validation: Some(true),
    };
    let change = printoauth_core::run::changes(None, &settings)
        .into_iter()
        .map(|c| (c.field, Vec::new()))
        .collect();
    BTreeMap::from([
        ("error", error),
        (
            "cause",
            codes(&every!(Cause {
                SecurityDefaultsOn { aadsts },
                SmtpAuthDisabledOrganisation {},
                SmtpAuthDisabledMailbox { mailbox },
                SmtpAuthDisabled { mailbox },
                ConditionalAccessBlocked { aadsts },
                ApplicationNotUsable { aadsts, client_id },
                AdminConsentRequired { aadsts },
                ConsentNotGranted { aadsts },
                SignInDeclined { aadsts },
                DeviceCodeExpired { aadsts },
                DeviceCodeInvalid { aadsts },
                SessionExpired { aadsts },
                SignInRejected { aadsts, error },
                AppIdMissing { given },
                Cancelled {},
                SignInTimedOut { after_secs },
                AuthorityUnreachable { url },
                AccountUnknown {},
                TokenRejected { account },
                ClientNotAuthenticated {},
                SendAsDenied { account, from },
                Xoauth2UserInvalid { account },
                BasicAuthNotSupported {},
                SmtpServerUnreachable { host, port },
                SmtpTlsFailed { host, port, tls_name },
                Xoauth2NotOffered { host, port },
                SmtpServerBusy { code, enhanced },
                SmtpRejected { code, enhanced },
                AddressInvalid { address },
                CaCertificateInvalid {},
                Healthy { account },
                StillOnBasicAuth { method },
                SignedInNotSaved { account },
                NotSignedIn {},
                SignInExpired { job_code },
                MustSignInAgain { job_code },
                NoConnection { job_code },
                SignInFailed { detail, aadsts },
            })),
        ),
        (
            "fix",
            codes(&every!(Fix {
                TurnOffSecurityDefaults { admin_center, powershell },
                EnableSmtpAuthOrganisation { admin_center, powershell, verify },
                EnableSmtpAuthMailbox { mailbox, admin_center, powershell, verify },
                EnableSmtpAuth { mailbox, admin_center, powershell, verify },
                ReviewConditionalAccess { admin_center, policy },
                RegisterApp {
                    admin_center,
                    permission,
                    setting
                },
                AllowPublicClientFlows { client_id, admin_center },
                GrantAdminConsent { roles, admin_center },
                SignInAgain {},
                CheckConnection { host, port },
                CheckTls { host, tls_name },
                CheckAuthority { url },
                UseSignedInMailboxAsSender { account, from, powershell },
                UseMailboxAddress { account },
                UseOauth {},
                EnableAuthentication {},
                UseExchangeOnlineServer { host, port },
                RetryLater {},
                CorrectAddress { address },
                SeeDetails {},
                None {},
                Configure {},
                Resave {},
                CheckDeviceNetwork {},
                CheckAdminPassword {},
                WaitForLockOut {},
                UpdateFirmware { model },
                UseStandardNetwork {},
                CheckDeviceConnection { address },
                CheckDeviceAddress { address },
                ConfirmCertificate {
                    address,
                    pinned_sha256,
                    found_sha256
                },
                DoOnDevicePage {},
                RetryOrReport {},
            })),
        ),
        (
            "manual",
            codes(&every!(ManualStep {
                OpenWebConfig { url },
                LogIn {},
                OpenEmailServerBasic {},
                SetAuthMethodOauth2 {},
                SetEmailService { service },
                PressSignIn {},
                PressSignInWithMicrosoft {},
                EnterShownCode {},
                EnterCode { code, url },
                SignInAsAdministrator {},
                ConsentForOrganisation {},
                CheckSignedIn {},
                CheckValues { sender, server, port },
                PressOk {},
            })),
        ),
        (
            "missing",
            codes(&every!(Missing {
                Button { label },
                Field { label },
                Option { option, field },
                MenuEntry { path },
                Page { path },
                Row { label },
                LoginForm {},
                ConfirmationForm {},
                SaveConfirmation {},
                SignInCode {},
                VerificationUrl {},
                Other { what },
            })),
        ),
        (
            "step",
            codes(&every!(Step {
                Found,
                LoggedIn,
                Oauth2Set,
                WaitingForConsent,
                SignedIn,
                Saved,
                Verified,
            })),
        ),
        (
            "check",
            codes(&every!(CheckId {
                SecurityDefaults,
                SmtpAuthOrganisation,
                SmtpAuthMailbox,
                DeviceCodeFlowAllowed,
                Consent,
                SignIn,
                TestMail,
            })),
        ),
        (
            "fault",
            codes(&every!(PracticeFault {
                WrongPassword,
                NoOauth2,
                ConditionalAccess,
                ExpiredSignIn,
                UnreadablePage,
            })),
        ),
        (
            "mail-status",
            codes(&every!(MailStatus {
                NotChecked,
                BasicAuth,
                Oauth2SignedOut,
                Oauth2SignedIn,
            })),
        ),
        ("change", change),
        ("wait", wait),
        (
            "read-state",
            codes(&every!(ReadState {
                Read,
                PasswordNeeded,
                PasswordRefused,
                NoDriver,
                Failed,
            })),
        ),
        (
            "oauth2",
            codes(&every!(Oauth2Verdict {
                Possible {},
                Unknown {},
                ModelHasIt { since },
                FirmwareTooOld { firmware, since },
                ModelWithout { model },
                NotInFirmware { firmware },
                AdditionalNetwork {},
                VendorNotSupported { vendor },
            })),
        ),
        (
            "health",
            codes(&every!(HealthVerdict {
                Healthy {},
                SignInExpired { job_code },
                SignInNeeded { job_code },
                JobsFailed { job_code },
                NeedsAttention {},
                NotOnOauth2 {},
                NotReadable {},
            })),
        ),
        (
            "audit-action",
            codes(&every!(AuditAction {
                LoggedIn,
                Oauth2Set,
                SignInStarted,
                SignedIn,
                Saved,
                Verified,
                Done,
                Failed,
                Cancelled,
            })),
        ),
        (
            "alternative",
            codes(&every!(Alternative {
                UseStandardNetwork {},
                UpdateFirmware { model, since },
                AskVendorForFirmware { model },
                VendorOwnSetup { vendor },
                ExchangeConnector { admin_center, port },
                HighVolumeEmail {
                    admin_center,
                    server,
                    port,
                    basic_auth_until
                },
                LocalRelay {},
            })),
        ),
    ])
}

/// codes.json: `{family: {code: [param, ...]}}`, sorted, one code a line.
pub fn json() -> String {
    let mut s = String::from("{\n");
    let families = families();
    let n = families.len();
    for (i, (family, codes)) in families.into_iter().enumerate() {
        s.push_str(&format!(
            "  {}: {{\n",
            serde_json::to_string(family).unwrap()
        ));
        let m = codes.len();
        for (j, (code, params)) in codes.into_iter().enumerate() {
            s.push_str(&format!(
                "    {}: {}{}\n",
                serde_json::to_string(&code).unwrap(),
                serde_json::to_string(&params).unwrap(),
                if j + 1 < m { "," } else { "" }
            ));
        }
        s.push_str(&format!("  }}{}\n", if i + 1 < n { "," } else { "" }));
    }
    s.push_str("}\n");
    s
}
