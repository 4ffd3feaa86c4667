//! discovery (being written)

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum DiscoveryError {
    #[error("placeholder: {detail}")]
    MdnsUnavailable { detail: String },
}
