//! The crate's error: one type, made of each area's error enum. Every error
//! serialises as `{"code": "...", "params": {...}}` — a stable code the UI and CLI
//! turn into a localised message, and the values that message needs.

use serde::{Deserialize, Serialize};

pub use crate::devices::DeviceError;
pub use crate::discovery::DiscoveryError;
pub use crate::identity::IdentityError;
pub use crate::mail::MailError;
pub use crate::run::RunError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "EngineError"))]
#[serde(untagged)]
pub enum Error {
    #[error(transparent)]
    Discovery(#[from] DiscoveryError),
    #[error(transparent)]
    Device(#[from] DeviceError),
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error(transparent)]
    Mail(#[from] MailError),
    #[error(transparent)]
    Run(#[from] RunError),
}

impl Error {
    /// The stable code, e.g. "device-login-rejected".
    pub fn code(&self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.get("code").and_then(|c| c.as_str()).map(str::to_string))
            .unwrap_or_default()
    }

    /// The device's firmware does not offer OAuth2 (so the device cannot do it yet).
    pub fn oauth2_unavailable(&self) -> bool {
        matches!(
            self,
            Error::Device(crate::devices::DeviceError::DeviceOauth2Unavailable { .. })
        )
    }
}
