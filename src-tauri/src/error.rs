//! Errors the commands return to the UI.
//!
//! An error crosses the IPC boundary as `{ "code": "...", "params": { ... } }`:
//! a stable code the UI turns into a localised message (`error-<code>` in the Fluent
//! catalogues), and the values that message needs, as JSON values (lists stay lists,
//! objects stay objects). Never a free-form English sentence. The core's errors keep their own codes (`device-…`, `identity-…`,
//! `mail-…`, `run-…`, `discovery-…`); the app adds the codes of [`ErrorCode`].

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

/// The app's own error codes. Serialised in kebab-case, the form the catalogues use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// Something went wrong that the user cannot act on; `detail` says what, for logs.
    Internal,
    /// This build has no practice mode.
    PracticeUnavailable,
    /// A practice command while practice mode is off.
    PracticeNotRunning,
    /// No device with this id (`id`) is known.
    DeviceUnknown,
    /// A batch is already running.
    RunInProgress,
    /// The wizard was started with no device.
    NoDevicesSelected,
    /// No administrator password for `device`.
    PasswordMissing,
    /// Only Microsoft's sign-in pages (or the practice emulator) may be opened (`url`).
    UrlNotAllowed,
    /// A tenant check is already running.
    TenantCheckInProgress,
    /// This build does not update itself (no update address: not a published release).
    UpdateUnavailable,
    /// Looking for a new version failed; `detail` says why.
    UpdateCheckFailed,
    /// Downloading, verifying or installing the new version failed; `detail` says why.
    UpdateInstallFailed,
    /// No run is recorded to report on (none yet, or no audit trail).
    ReportNoRun,
    /// The report could not be written to `file`; `detail` says why.
    ReportUnwritable,
    /// `file` is not a report this app saved (it was moved or deleted).
    ReportNotFound,
}

impl ErrorCode {
    /// Every code, for tests that check each one has a message.
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::Internal,
        ErrorCode::PracticeUnavailable,
        ErrorCode::PracticeNotRunning,
        ErrorCode::DeviceUnknown,
        ErrorCode::RunInProgress,
        ErrorCode::NoDevicesSelected,
        ErrorCode::PasswordMissing,
        ErrorCode::UrlNotAllowed,
        ErrorCode::TenantCheckInProgress,
        ErrorCode::UpdateUnavailable,
        ErrorCode::UpdateCheckFailed,
        ErrorCode::UpdateInstallFailed,
        ErrorCode::ReportNoRun,
        ErrorCode::ReportUnwritable,
        ErrorCode::ReportNotFound,
    ];

    /// The names of the values each code's message may use ([`AppError::with`]).
    pub fn params(self) -> &'static [&'static str] {
        match self {
            ErrorCode::Internal | ErrorCode::UpdateCheckFailed | ErrorCode::UpdateInstallFailed => {
                &["detail"]
            }
            ErrorCode::DeviceUnknown => &["id"],
            ErrorCode::PasswordMissing => &["device"],
            ErrorCode::UrlNotAllowed => &["url"],
            ErrorCode::ReportUnwritable => &["file", "detail"],
            ErrorCode::ReportNotFound => &["file"],
            ErrorCode::PracticeUnavailable
            | ErrorCode::PracticeNotRunning
            | ErrorCode::RunInProgress
            | ErrorCode::NoDevicesSelected
            | ErrorCode::TenantCheckInProgress
            | ErrorCode::UpdateUnavailable
            | ErrorCode::ReportNoRun => &[],
        }
    }

    /// The code as it appears on the wire.
    pub fn as_str(self) -> String {
        crate::models::wire_name(&self, None)
    }
}

/// An error for the UI: a code and the named values its message needs (`Coded` in
/// TypeScript: the app's own codes and the engine's, as any command or event reports
/// them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[ts(rename = "Coded")]
#[error("{}{}", code, fmt_params(params))]
pub struct AppError {
    pub code: String,
    pub params: BTreeMap<String, serde_json::Value>,
}

fn fmt_params(params: &BTreeMap<String, serde_json::Value>) -> String {
    params.iter().map(|(k, v)| format!(" {k}={v}")).collect()
}

impl AppError {
    /// An error with no parameters.
    pub fn new(code: ErrorCode) -> Self {
        Self {
            code: code.as_str(),
            params: BTreeMap::new(),
        }
    }

    /// Adds one named value for the message.
    pub fn with(mut self, name: impl Into<String>, value: impl ToString) -> Self {
        self.params
            .insert(name.into(), serde_json::Value::String(value.to_string()));
        self
    }

    /// An internal error, keeping what happened for logs and bug reports.
    pub fn internal(detail: impl ToString) -> Self {
        Self::new(ErrorCode::Internal).with("detail", detail)
    }
}

impl From<printoauth_core::Error> for AppError {
    /// The engine's error with its code, its params as they serialise (a param that is
    /// null is left out).
    fn from(e: printoauth_core::Error) -> Self {
        let v = serde_json::to_value(&e).unwrap_or_default();
        let Some(code) = v.get("code").and_then(|c| c.as_str()) else {
            return AppError::internal(e);
        };
        let params = match v.get("params") {
            Some(serde_json::Value::Object(obj)) => obj
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            _ => BTreeMap::new(),
        };
        AppError {
            code: code.to_string(),
            params,
        }
    }
}

impl From<tauri::Error> for AppError {
    fn from(e: tauri::Error) -> Self {
        AppError::internal(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use printoauth_core::devices::{DeviceError, FirmwareFamily};

    #[test]
    fn serialises_as_code_and_params() {
        let e = AppError::internal("disk full");
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"code": "internal", "params": {"detail": "disk full"}})
        );
    }

    #[test]
    fn no_params_is_an_empty_object() {
        let v = serde_json::to_value(AppError::new(ErrorCode::RunInProgress)).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"code": "run-in-progress", "params": {}})
        );
    }

    #[test]
    fn core_errors_keep_their_code_and_structured_params() {
        let e: printoauth_core::Error = DeviceError::DeviceOauth2Unavailable {
            scope: "email-server".into(),
            model: Some("WF-2930 Series".into()),
            firmware: None,
            offered: vec!["SMTP AUTH".into(), "POP before SMTP".into()],
        }
        .into();
        let a = AppError::from(e);
        assert_eq!(a.code, "device-oauth2-unavailable");
        assert_eq!(a.params["model"], "WF-2930 Series");
        assert_eq!(
            a.params["offered"],
            serde_json::json!(["SMTP AUTH", "POP before SMTP"]),
            "lists stay lists"
        );
        assert!(
            !a.params.contains_key("firmware"),
            "null params are left out"
        );

        let e: printoauth_core::Error = DeviceError::DeviceLoginRejected {
            family: FirmwareFamily::Business,
        }
        .into();
        let a = AppError::from(e);
        assert_eq!(a.code, "device-login-rejected");
        assert_eq!(a.params["family"], "business");
    }

    #[test]
    fn an_smtp_reply_stays_an_object() {
        let e: printoauth_core::Error = printoauth_core::mail::MailError::MailServerBusy {
            reply: printoauth_core::mail::SmtpReply {
                code: 421,
                enhanced: Some("4.3.2".into()),
                text: "Service not available".into(),
            },
        }
        .into();
        let a = AppError::from(e);
        assert_eq!(a.code, "mail-server-busy");
        assert_eq!(
            a.params["reply"],
            serde_json::json!({"code": 421, "enhanced": "4.3.2", "text": "Service not available"})
        );
    }

    #[test]
    fn every_app_code_is_kebab_case_and_distinct() {
        let mut seen = std::collections::HashSet::new();
        for &code in ErrorCode::ALL {
            let s = code.as_str();
            assert!(!s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
            assert!(seen.insert(s));
        }
    }

    #[test]
    fn display_is_for_logs() {
        let e = AppError::internal("x").with("a", 1);
        assert_eq!(e.to_string(), r#"internal a="1" detail="x""#);
    }
}
