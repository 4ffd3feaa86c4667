//! Errors the commands return to the UI.
//!
//! An error crosses the IPC boundary as `{ "code": "...", "params": { ... } }`:
//! a stable code the UI turns into a localised message, and the values that
//! message needs. Never a free-form English string.

use std::collections::BTreeMap;

use serde::Serialize;

/// Stable identifiers of the errors the UI knows how to explain.
/// Serialised in kebab-case (`"internal"`, ...), the form the UI's catalogue uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// Something went wrong that the user cannot act on; `detail` says what, for logs.
    Internal,
}

impl ErrorCode {
    /// Every code, for tests that check each one has a message in the UI.
    pub const ALL: &'static [ErrorCode] = &[ErrorCode::Internal];

    /// The code as it appears on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Internal => "internal",
        }
    }
}

/// An error for the UI: a code and the named values its message needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{}{}", code.as_str(), fmt_params(params))]
pub struct AppError {
    pub code: ErrorCode,
    pub params: BTreeMap<String, String>,
}

fn fmt_params(params: &BTreeMap<String, String>) -> String {
    params.iter().map(|(k, v)| format!(" {k}={v:?}")).collect()
}

impl AppError {
    /// An error with no parameters.
    pub fn new(code: ErrorCode) -> Self {
        Self {
            code,
            params: BTreeMap::new(),
        }
    }

    /// Adds one named value for the message.
    pub fn with(mut self, name: impl Into<String>, value: impl ToString) -> Self {
        self.params.insert(name.into(), value.to_string());
        self
    }

    /// An internal error, keeping what happened for logs and bug reports.
    pub fn internal(detail: impl ToString) -> Self {
        Self::new(ErrorCode::Internal).with("detail", detail)
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
        let v = serde_json::to_value(AppError::new(ErrorCode::Internal)).unwrap();
        assert_eq!(v, serde_json::json!({"code": "internal", "params": {}}));
    }

    #[test]
    fn code_as_str_matches_serde() {
        for &code in ErrorCode::ALL {
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::Value::from(code.as_str())
            );
        }
    }

    #[test]
    fn every_code_has_an_english_message_in_the_ui() {
        let table = include_str!("../../ui/src/lib/i18n.ts");
        for code in ErrorCode::ALL {
            let id = format!("\"error-{}\":", code.as_str());
            assert!(table.contains(&id), "ui/src/lib/i18n.ts has no {id}");
        }
    }

    #[test]
    fn display_is_for_logs() {
        let e = AppError::internal("x").with("a", 1);
        assert_eq!(e.to_string(), r#"internal a="1" detail="x""#);
    }
}
