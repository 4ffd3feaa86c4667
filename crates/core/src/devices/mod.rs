//! Device drivers: how printoauth talks to a printer's or scanner's own web UI to
//! switch its mail sending to OAuth 2.0 (Exchange Online / Outlook.com).
//!
//! # The driver contract
//!
//! [`DeviceDriver`] is the device-family trait: one implementation per vendor web UI.
//! Epson Web Config ([`EpsonWebConfig`]) is the first. A run follows the vendor
//! guide's steps:
//!
//! 1. [`DeviceDriver::login`] as administrator;
//! 2. [`DeviceDriver::mail_capabilities`]: is OAuth2 offered, is the device reached
//!    through an additional network interface (which cannot do OAuth2), is there a
//!    fax server mail page;
//! 3. [`DeviceDriver::read_email_settings`] (the "before" picture);
//! 4. [`DeviceDriver::configure_oauth2`] with an [`OAuthTarget`] (OAuth2, email
//!    service, sender, SMTP server/port, STARTTLS, certificate validation on);
//! 5. [`DeviceDriver::start_sign_in`]: the device starts the OAuth 2.0 device
//!    authorization grant and shows a [`SignInCode`] the administrator enters at the
//!    verification URL; [`DeviceDriver::sign_in_status`] polls until
//!    [`SignInStatus::SignedIn`];
//! 6. [`DeviceDriver::save`] (OK, then the confirmation) and
//!    [`DeviceDriver::verify`] (read back and compare).
//!
//! Afterwards [`DeviceDriver::job_history`] and [`DeviceDriver::panel_state`] tell
//! whether mail works (job history codes 360/361/370, "You need to sign in to your
//! email service").
//!
//! Errors are [`DeviceError`]: a stable code and data, never an English sentence.
//! When a page cannot be understood the error names what was missing and carries a
//! redacted copy of the page (no passwords, setup tokens or session values) that a
//! user can attach to a bug report.
//!
//! Connections prefer HTTPS and pin the device's certificate on first use (SHA-256
//! of the leaf certificate, kept in a [`PinStore`]); a changed certificate stops the
//! run with [`DeviceError::DeviceCertificateChanged`]. Plain HTTP is used only when
//! [`ConnectOptions::allow_http`] is set.

pub mod connect;
pub mod epson;
pub mod pin;
pub mod registry;

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use connect::{ConnectOptions, DeviceAddress};
pub use epson::EpsonWebConfig;
pub use pin::{JsonFilePinStore, MemoryPinStore, PinStore};
pub use registry::{Connection, DriverFamily, DriverRegistry};

/// Everything that can go wrong talking to a device. Serialised as
/// `{"code": "device-…", "params": {…}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum DeviceError {
    /// No answer at the address (connection refused, timeout, DNS).
    #[error("device unreachable at {address}: {detail}")]
    DeviceUnreachable { address: String, detail: String },
    /// No driver of printoauth configures this vendor's devices yet (`vendor` as
    /// discovery names it, empty when unknown).
    #[error("no driver for {vendor} devices (at {address})")]
    DeviceUnsupported { vendor: String, address: String },
    /// Something answers at the address, but not a device page printoauth knows (a
    /// web server that is not a printer, or another vendor's device): `detail` says
    /// what it answered.
    #[error("not a device page printoauth knows at {address}: {detail}")]
    DeviceNotRecognised { address: String, detail: String },
    /// HTTPS failed and plain HTTP was not allowed by the caller.
    #[error("HTTPS unavailable at {address} and plain HTTP not allowed: {detail}")]
    DeviceHttpsUnavailable { address: String, detail: String },
    /// The device's HTTPS speaks only a TLS version (or ciphers) older than TLS 1.2,
    /// which printoauth does not use; plain HTTP was not allowed by the caller.
    #[error("device at {address} offers only TLS older than 1.2: {detail}")]
    DeviceTlsTooOld { address: String, detail: String },
    /// The device's certificate differs from the one pinned on first use.
    #[error("certificate of {address} changed: pinned {pinned_sha256}, now {found_sha256}")]
    DeviceCertificateChanged {
        address: String,
        pinned_sha256: String,
        found_sha256: String,
    },
    /// The pin store could not be read or written.
    #[error("pin store {location}: {detail}")]
    DevicePinStore { location: String, detail: String },
    /// The device kept answering an HTTP error status after bounded retries.
    #[error("HTTP {status} from {path} after {attempts} attempts")]
    DeviceHttpStatus {
        path: String,
        status: u16,
        attempts: u32,
    },
    /// The device went away (restart) and did not come back in time.
    #[error("device at {address} did not come back within {waited_secs} s")]
    DeviceRestartTimeout { address: String, waited_secs: u64 },
    /// A page did not have what the driver looks for. `missing` names it (a label,
    /// a button, a menu entry), `page` says which page, `redacted_html` is a copy of
    /// the page with secrets removed, for a bug report.
    #[error("page {page} not understood: missing {missing}")]
    DevicePageNotUnderstood {
        page: String,
        missing: String,
        redacted_html: String,
    },
    /// The administrator password (or user name) was refused.
    #[error("administrator log-in refused")]
    DeviceLoginRejected { family: FirmwareFamily },
    /// Too many failed log-ins: the device refuses log-ins for a while.
    #[error("administrator log-in locked on the device")]
    DeviceLoginLockedOut { family: FirmwareFamily },
    /// An operation that needs a log-in was called before [`DeviceDriver::login`].
    #[error("not logged in")]
    DeviceNotLoggedIn {},
    /// The session kept getting lost although the driver logged in again.
    #[error("session lost {attempts} times")]
    DeviceSessionLost { attempts: u32 },
    /// The firmware does not offer OAuth2 (`offered`: the authentication methods it
    /// does offer). `scope` is "email-server" or "fax-server".
    #[error("OAuth2 not offered ({scope})")]
    DeviceOauth2Unavailable {
        scope: String,
        model: Option<String>,
        firmware: Option<String>,
        offered: Vec<String>,
    },
    /// The device is reached through its additional network interface, which does
    /// not support OAuth2: use the standard network. `device_message` quotes the
    /// device when it said so.
    #[error("additional network: OAuth2 unavailable")]
    DeviceAdditionalNetwork { device_message: Option<String> },
    /// The device refused what was posted; `device_message` quotes its error text.
    #[error("device refused the settings on {page}: {device_message}")]
    DeviceRefused {
        page: String,
        device_message: String,
    },
    /// A value the caller asked for cannot be set (rejected before posting).
    #[error("invalid {field}: {value}")]
    DeviceInvalidValue { field: String, value: String },
    /// A sign-in was asked for while the device is already signed in.
    #[error("already signed in as {account:?}")]
    DeviceAlreadySignedIn { account: Option<String> },
    /// There is no sign-in in progress to poll.
    #[error("no sign-in started")]
    DeviceSignInNotStarted {},
    /// No Fax > Fax Server > Email Server Settings page on this device.
    #[error("no fax server mail settings on this device")]
    DeviceFaxServerUnavailable {},
    /// Save did not end in the device's completion message.
    #[error("save not confirmed on {page}")]
    DeviceSaveNotConfirmed { page: String, redacted_html: String },
    /// Read back after saving, the settings differ from what was asked for.
    #[error("settings differ after saving: {mismatches:?}")]
    DeviceVerifyMismatch { mismatches: Vec<SettingMismatch> },
    /// This device (or its driver) offers no connection test of its mail server.
    #[error("no connection test on this device")]
    DeviceConnectionTestUnavailable {},
    /// The job history export was not a CSV the driver understands.
    #[error("job history unreadable: missing {missing}")]
    DeviceJobHistoryUnreadable {
        missing: String,
        redacted_text: String,
    },
}

/// The device's own mail server connection test (Epson: Email Server > Connection
/// Test), as its page reported it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ConnectionTestResult {
    /// The device said the test succeeded.
    pub ok: bool,
    /// The device's result message, quoted.
    pub message: String,
    /// What the device quotes of the mail server's or the sign-in service's answer.
    pub detail: Option<String>,
}

/// One setting that differs after saving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SettingMismatch {
    /// e.g. "authentication-method", "sender", "smtp-server", "current-status".
    pub field: String,
    pub expected: String,
    pub found: String,
}

/// Which log-in a firmware family uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum FirmwareFamily {
    /// Business models: user name and password form.
    Business,
    /// Consumer models (e.g. EcoTank): password only.
    Consumer,
    /// Not determined (no log-in form seen yet).
    Unknown,
}

/// The device administrator's credentials. `Debug` does not show the password.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminCredentials {
    /// User name for business models; `None` sends it blank, which is the default
    /// administrator user name of Web Config. Consumer models have none.
    pub user: Option<String>,
    pub password: String,
}

impl AdminCredentials {
    pub fn new(password: impl Into<String>) -> Self {
        Self {
            user: None,
            password: password.into(),
        }
    }
    pub fn with_user(user: impl Into<String>, password: impl Into<String>) -> Self {
        Self {
            user: Some(user.into()),
            password: password.into(),
        }
    }
}

impl std::fmt::Debug for AdminCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AdminCredentials")
            .field("user", &self.user)
            .field("password", &"[redacted]")
            .finish()
    }
}

/// The email service the device signs in to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum EmailService {
    /// Microsoft Exchange Online (work or school accounts).
    ExchangeOnline,
    /// Outlook.com (personal accounts).
    OutlookCom,
}

/// How the device authenticates to its SMTP server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "label", rename_all = "kebab-case")]
pub enum AuthMethod {
    Off,
    SmtpAuth,
    PopBeforeSmtp,
    OAuth2,
    /// A value the driver does not know, as the device labels it.
    Other(String),
}

/// The SMTP connection security.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "label", rename_all = "kebab-case")]
pub enum SecureConnection {
    None,
    StartTls,
    SslTls,
    Other(String),
}

/// What the device offers for mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailCapabilities {
    pub family: FirmwareFamily,
    pub model: Option<String>,
    pub firmware: Option<String>,
    /// The Email Server page offers OAuth2.
    pub oauth2_available: bool,
    /// The authentication methods offered, as labelled by the device.
    pub auth_methods: Vec<String>,
    /// The device is reached through its additional network interface (OAuth2 is
    /// not supported there).
    pub additional_network: bool,
    /// A Fax > Fax Server > Email Server Settings page exists.
    pub fax_server: bool,
    /// ... and it offers OAuth2.
    pub fax_server_oauth2: bool,
}

/// The Email Server > Basic settings as the device shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailSettings {
    pub auth_method: AuthMethod,
    pub email_service: Option<EmailService>,
    /// "Current Status" as shown (e.g. "Signed in"); `None` when not shown.
    pub current_status: Option<String>,
    pub signed_in: bool,
    /// The account signed in with OAuth2, when shown.
    pub oauth_account: Option<String>,
    pub sender: Option<String>,
    pub smtp_server: Option<String>,
    pub smtp_port: Option<u16>,
    pub secure_connection: SecureConnection,
    pub certificate_validation: Option<bool>,
}

/// What to set on the device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OAuthTarget {
    pub service: EmailService,
    /// Sender's Email Address: the mailbox the device sends as.
    pub sender: String,
    /// SMTP server; `None` leaves the device's value.
    pub smtp_server: Option<String>,
    /// SMTP port; `None` leaves the device's value.
    pub smtp_port: Option<u16>,
}

/// The SMTP server Microsoft's guide shows for OAuth2 on these devices.
pub const MICROSOFT_SMTP_SERVER: &str = "smtp-mail.outlook.com";

impl OAuthTarget {
    /// The guide's values: the service, the sender, `smtp-mail.outlook.com`, 587
    /// (STARTTLS and certificate validation are always set).
    pub fn new(service: EmailService, sender: impl Into<String>) -> Self {
        Self {
            service,
            sender: sender.into(),
            smtp_server: Some(MICROSOFT_SMTP_SERVER.into()),
            smtp_port: Some(587),
        }
    }
    pub fn exchange_online(sender: impl Into<String>) -> Self {
        Self::new(EmailService::ExchangeOnline, sender)
    }
}

/// What to set on Fax > Fax Server > Email Server Settings (values from the
/// Internet-fax provider).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaxOAuthTarget {
    pub sender: Option<String>,
    pub account: Option<String>,
    pub smtp_server: String,
    pub smtp_port: u16,
    pub secure_connection: SecureConnection,
}

/// The code the device shows for the device authorization grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInCode {
    pub user_code: String,
    pub verification_uri: String,
    /// When the code expires. Devices do not show it: estimated from
    /// [`ConnectOptions::sign_in_code_lifetime`] (Entra ID's default is 15 minutes).
    pub expires_at: DateTime<Utc>,
}

/// Where the device's sign-in stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum SignInStatus {
    SignedOut,
    Pending {
        code: String,
    },
    SignedIn {
        account: Option<String>,
    },
    /// The device reports a failure; `detail` quotes it.
    Failed {
        detail: String,
    },
}

/// How a job history line ended, from the guide's codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum JobOutcome {
    Succeeded,
    /// 360: no connection to the cloud or email service.
    NoConnection,
    /// 361: the connection to the cloud or email service expired: sign in again.
    ConnectionExpired,
    /// 370: must sign in to the cloud service again.
    SignInRequired,
    /// Another error; the code when there is one.
    OtherError {
        code: Option<u32>,
    },
    /// Anything else (in progress, cancelled…).
    Other,
}

/// One line of the job history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobEntry {
    pub receipt_no: String,
    pub date_time: String,
    pub completed: String,
    pub job_type: String,
    /// The Result column as the device wrote it.
    pub result: String,
    pub pages: Option<u32>,
    pub from: String,
    pub to: String,
    pub file_name: String,
    pub outcome: JobOutcome,
    /// The error code in the Result column, if any.
    pub code: Option<u32>,
}

/// What the device's status page says about mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelState {
    /// "Email Server Status" as shown.
    pub email_server_status: Option<String>,
    /// A message the panel shows about mail, quoted.
    pub message: Option<String>,
    /// The panel says "You need to sign in to your email service".
    pub needs_sign_in: bool,
    /// The panel says the sign-in expired.
    pub sign_in_expired: bool,
}

/// Why a device keeps a run waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum WaitReason {
    /// The device stopped answering after it had answered (a restart, or the
    /// network): asked again until it answers or the time is up.
    DeviceAway,
    /// The device answered with a server error (HTTP 5xx): asked again a few times.
    DeviceServerError,
    /// The device restarts to apply what was saved.
    DeviceRestarting,
}

/// A wait begins (what for, and for how long at most) or ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    Begins { reason: WaitReason, up_to_secs: u64 },
    Over,
}

/// Told of every wait a driver goes through, as it goes through it (the run turns
/// them into events, so every wait shows what it waits for and how long).
pub type WaitObserver = Arc<dyn Fn(Wait) + Send + Sync>;

/// A device family's driver. Implementations keep their session internally; calls
/// on one driver are serialised.
#[async_trait]
pub trait DeviceDriver: Send + Sync {
    /// Logs in as administrator (and remembers the credentials to log in again when
    /// the session is lost or the device restarts).
    async fn login(&self, creds: &AdminCredentials) -> Result<(), DeviceError>;
    async fn mail_capabilities(&self) -> Result<MailCapabilities, DeviceError>;
    async fn read_email_settings(&self) -> Result<EmailSettings, DeviceError>;
    /// Sets OAuth2, the service and the sender/server values, and opens the
    /// device's sign-in step when it is signed out. Nothing is stored before
    /// [`DeviceDriver::save`].
    async fn configure_oauth2(&self, target: &OAuthTarget) -> Result<(), DeviceError>;
    async fn start_sign_in(&self) -> Result<SignInCode, DeviceError>;
    async fn sign_in_status(&self) -> Result<SignInStatus, DeviceError>;
    /// OK, then the confirmation; rides out a restart and saves again.
    async fn save(&self) -> Result<(), DeviceError>;
    async fn verify(&self, target: &OAuthTarget) -> Result<EmailSettings, DeviceError>;
    async fn job_history(&self) -> Result<Vec<JobEntry>, DeviceError>;
    async fn panel_state(&self) -> Result<PanelState, DeviceError>;
    async fn configure_fax_oauth2(&self, target: &FaxOAuthTarget) -> Result<(), DeviceError>;
    /// Sets the device's display language back to what it was before the driver
    /// changed it, if it did (a reading leaves the device as it found it).
    async fn restore_language(&self) -> Result<(), DeviceError> {
        Ok(())
    }

    /// Runs the device's own mail server connection test (it connects and signs in
    /// with its stored settings and token) and reads its result. Drivers of devices
    /// without one answer [`DeviceError::DeviceConnectionTestUnavailable`].
    async fn connection_test(&self) -> Result<ConnectionTestResult, DeviceError> {
        Err(DeviceError::DeviceConnectionTestUnavailable {})
    }
    /// Who is told of the driver's waits from now on (`None`: nobody). A driver that
    /// never waits ignores it.
    fn observe_waits(&self, _observer: Option<WaitObserver>) {}
}
