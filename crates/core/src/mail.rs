//! mail (being written)

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum MailError {
    #[error("placeholder: {detail}")]
    ServerUnreachable { detail: String },
}
