//! Data the commands hand to the UI and take from it. Field names are camelCase on the
//! wire; TypeScript declarations are generated from these types by ts-rs into
//! ui/src/bindings/ (`bindings::tests::bindings_are_up_to_date` fails when they are
//! stale; `PRINTOAUTH_UPDATE_BINDINGS=1 cargo test -p printoauth-app bindings` rewrites
//! them).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A code the UI localises and the named values its message needs: errors, causes
/// and fixes (the tenant check's, troubleshooting's, a run's) all travel in this
/// shape. Lists (PowerShell lines, admin-center paths) are joined with "\n".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Coded {
    pub code: String,
    pub params: BTreeMap<String, String>,
}

impl Coded {
    /// Flattens any serialised `{code, params}` value (the core's enums) into strings.
    pub fn from_serialisable<T: Serialize>(value: &T) -> Coded {
        let v = serde_json::to_value(value).unwrap_or_default();
        let code = v
            .get("code")
            .and_then(|c| c.as_str())
            .unwrap_or("internal")
            .to_string();
        let mut params = BTreeMap::new();
        if let Some(obj) = v.get("params").and_then(|p| p.as_object()) {
            for (k, val) in obj {
                if let Some(s) = flatten(val) {
                    params.insert(k.clone(), s);
                }
            }
        }
        Coded { code, params }
    }
}

fn flatten(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => Some(
            items
                .iter()
                .filter_map(|i| match i {
                    Value::Object(_) => Some(i.to_string()),
                    other => flatten(other),
                })
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        Value::Object(_) => Some(v.to_string()),
    }
}

/// The name a value has on the wire: a unit enum's string, or with `tag`, the tag of
/// an internally tagged enum ("" when there is none).
pub fn wire_name<T: Serialize>(value: &T, tag: Option<&str>) -> String {
    let v = serde_json::to_value(value).unwrap_or_default();
    let v = match tag {
        Some(t) => v.get(t).cloned().unwrap_or_default(),
        None => v,
    };
    v.as_str().unwrap_or_default().to_string()
}

/// What the UI shows about the running app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    /// The product's name, "printoauth".
    pub name: String,
    /// The app's version, from Cargo.
    pub version: String,
    /// Whether this build can run the wizard against an emulated office.
    pub practice_mode_available: bool,
    /// The operating system's language (e.g. "lt-LT"), when known.
    pub os_language: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Oauth2Support {
    Unknown,
    Yes,
    No,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum MailStatus {
    NotChecked,
    BasicAuth,
    Oauth2SignedOut,
    Oauth2SignedIn,
}

/// One row of the device list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeviceView {
    pub id: String,
    pub vendor: String,
    pub model: Option<String>,
    pub host_name: Option<String>,
    pub addresses: Vec<String>,
    pub admin_url: Option<String>,
    /// printoauth can configure it.
    pub supported: bool,
    pub oauth2: Oauth2Support,
    pub mail_status: MailStatus,
    /// An emulated device of practice mode.
    pub practice: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum DeviceListEvent {
    Added {
        device: DeviceView,
    },
    Changed {
        device: DeviceView,
    },
    Removed {
        id: String,
    },
    /// Nothing answered within a few seconds: the UI offers practice mode.
    Quiet {
        after_secs: u32,
    },
    Error {
        error: Coded,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum InterfaceChoice {
    Default,
    All,
    Only { names: Vec<String> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NetworkInterfaceView {
    pub name: String,
    pub addresses: Vec<String>,
    #[serde(rename = "virtual")]
    #[ts(rename = "virtual")]
    pub is_virtual: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum PracticeFault {
    /// The device's administrator password is not the one the trainee was given.
    WrongPassword,
    /// The device's firmware predates OAuth2.
    NoOauth2,
    /// A Conditional Access policy blocks the device code flow (tenant-wide).
    ConditionalAccess,
    /// The device's sign-in has lapsed (job code 361): sign in again.
    ExpiredSignIn,
    /// A page printoauth cannot read: the device's pages word the Sign In button
    /// differently, so the run stops there and offers the steps to do by hand.
    UnreadablePage,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PracticeFaultState {
    pub fault: PracticeFault,
    /// `None` for tenant-wide faults.
    pub device: Option<String>,
    pub on: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PracticeUser {
    pub upn: String,
    pub password: String,
    pub role: String,
    pub kind: PracticeAccountKind,
    /// For a federated domain's account: its own sign-in page's host.
    pub idp_host: Option<String>,
}

/// How a practice account signs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum PracticeAccountKind {
    /// A work account: Microsoft's pages only.
    Work,
    /// A federated domain's work account: its own sign-in page after the account.
    Federated,
    /// A personal Microsoft account (Outlook.com): login.live.com.
    Personal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PracticeInfo {
    pub devices: Vec<DeviceView>,
    pub admin_user: String,
    pub admin_password: String,
    pub sender: String,
    pub users: Vec<PracticeUser>,
    pub faults: Vec<PracticeFaultState>,
}

/// One tenant prerequisite with where to change it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Prerequisite {
    pub id: String,
    pub admin_center: Vec<String>,
    pub powershell: Vec<String>,
    pub verify: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TenantCheckRequest {
    pub sender: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "step",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum TenantProgress {
    SigningIn {
        user_code: String,
        verification_uri: String,
        expires_at: String,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum CheckStatus {
    Passed,
    Failed,
    NotChecked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckView {
    pub id: String,
    pub status: CheckStatus,
    pub cause: Option<Coded>,
    pub fix: Option<Coded>,
    pub evidence: Option<Coded>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TenantCheckView {
    pub passed: bool,
    pub account: Option<String>,
    pub checks: Vec<CheckView>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum MailService {
    ExchangeOnline,
    OutlookCom,
}

/// A device to configure; `password: None` uses the request's shared password.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeviceCredentials {
    pub id: String,
    pub password: Option<String>,
}

impl std::fmt::Debug for DeviceCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceCredentials")
            .field("id", &self.id)
            .field("password", &self.password.as_ref().map(|_| "[redacted]"))
            .finish()
    }
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RunRequest {
    pub devices: Vec<DeviceCredentials>,
    pub admin_user: Option<String>,
    pub shared_password: Option<String>,
    pub sender: String,
    pub service: MailService,
    pub embedded_sign_in: bool,
    pub remember_passwords: bool,
}

impl std::fmt::Debug for RunRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunRequest")
            .field("devices", &self.devices)
            .field("admin_user", &self.admin_user)
            .field(
                "shared_password",
                &self.shared_password.as_ref().map(|_| "[redacted]"),
            )
            .field("sender", &self.sender)
            .field("service", &self.service)
            .field("embedded_sign_in", &self.embedded_sign_in)
            .finish()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    Found,
    LoggedIn,
    Oauth2Set,
    WaitingForConsent,
    SignedIn,
    Saved,
    Verified,
}

impl From<printoauth_core::run::Step> for Step {
    fn from(s: printoauth_core::run::Step) -> Self {
        use printoauth_core::run::Step as S;
        match s {
            S::Found => Step::Found,
            S::LoggedIn => Step::LoggedIn,
            S::Oauth2Set => Step::Oauth2Set,
            S::WaitingForConsent => Step::WaitingForConsent,
            S::SignedIn => Step::SignedIn,
            S::Saved => Step::Saved,
            S::Verified => Step::Verified,
        }
    }
}

/// What to do on the device's own page when printoauth could not read it (a page it
/// did not understand, a save the device did not confirm).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ManualPathView {
    /// The device's Web Config address (https).
    pub web_config_url: String,
    /// The page the driver could not read (its own name for it).
    pub page: String,
    /// What was missing, exactly as the driver named it.
    pub missing: String,
    /// The same as a code (`missing-<code>` in the catalogues).
    pub missing_code: Coded,
    /// The run step that was not reached.
    pub stopped_at: Step,
    /// The steps, in order (`manual-<code>` in the catalogues).
    pub steps: Vec<Coded>,
    /// Index in `steps` of the step the run stopped at.
    pub stop_index: u32,
}

impl From<&printoauth_core::manual::ManualPath> for ManualPathView {
    fn from(m: &printoauth_core::manual::ManualPath) -> Self {
        ManualPathView {
            web_config_url: m.web_config_url.clone(),
            page: m.page.clone(),
            missing: m.missing.clone(),
            missing_code: Coded::from_serialisable(&m.missing_code),
            stopped_at: m.stopped_at.into(),
            steps: m.steps.iter().map(Coded::from_serialisable).collect(),
            stop_index: m.stop_index as u32,
        }
    }
}

/// One setting the run changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// authentication-method, email-service, sender, smtp-server, port,
    /// secure-connection, current-status
    pub field: String,
    pub before: Option<String>,
    pub after: String,
}

impl From<printoauth_core::run::Change> for Change {
    fn from(c: printoauth_core::run::Change) -> Self {
        Change {
            field: c.field,
            before: c.before,
            after: c.after,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum RunEvent {
    Working {
        device: String,
        step: Step,
    },
    NeedsYou {
        device: String,
        user_code: String,
        verification_uri: String,
        expires_at: String,
    },
    Done {
        device: String,
        changes: Vec<Change>,
    },
    Failed {
        device: String,
        failed_at: Step,
        error: Coded,
        fix: Option<Coded>,
        /// When the device's page could not be read: what to do on it by hand, then
        /// `run_check_again`.
        manual: Option<ManualPathView>,
    },
    ConsentWindow {
        open: bool,
        device: Option<String>,
    },
    Finished {
        succeeded: u32,
        failed: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobView {
    pub time: Option<String>,
    pub code: Option<u32>,
    pub outcome: String,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosisView {
    pub cause: Coded,
    pub fix: Coded,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HealthView {
    pub device: String,
    pub auth_method: Option<String>,
    pub sender: Option<String>,
    pub signed_in: bool,
    pub account: Option<String>,
    pub panel_message: Option<String>,
    pub recent_jobs: Vec<JobView>,
    pub diagnoses: Vec<DiagnosisView>,
}
