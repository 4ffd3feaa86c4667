//! The CLI's own errors (what it was given could not be used), beside the engine's.
//! Both are `{code, params}`: words from the catalogues for people (`cli-error-<code>`
//! for these, `error-<code>` for the engine's), the code and params with `--json`.

use serde::Serialize;

/// Why the CLI could not do what it was asked, before the engine was involved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum CliError {
    /// A device argument that is no host name, IP address or URL.
    AddressUnreadable {
        address: String,
    },
    /// The practice world file has no usable address for `device`.
    WorldAddressBad {
        device: String,
    },
    /// No administrator password: not in `variable`, and no terminal to ask on.
    PasswordMissing {
        device: String,
        variable: String,
    },
    /// The password prompt failed.
    PasswordUnreadable {
        detail: String,
    },
    /// The async runtime could not start.
    Runtime {
        detail: String,
    },
    WorldFileUnreadable {
        file: String,
        detail: String,
    },
    WorldFileUnwritable {
        file: String,
        detail: String,
    },
    CaptureUnwritable {
        file: String,
        detail: String,
    },
    PracticeWorldFailed {
        detail: String,
    },
    /// Not a SHA-256 fingerprint (64 hex digits).
    FingerprintInvalid {
        fingerprint: String,
    },
    /// The certificate pins could not be written.
    PinsUnwritable {
        detail: String,
    },
    /// `configure --resume DEVICE` without `--sender`, and no earlier run to take it from.
    SenderMissing {},
    /// `check-tenant` through the first configured device: the audit trail shows no
    /// device a run set up.
    NoConfiguredDevice {},
    /// `check-tenant` through the first configured device: in practice mode, the device
    /// the run of `time` set up is not in this world (the run was in an earlier one).
    ConfiguredDeviceGone {
        device: String,
        time: String,
    },
    /// The audit trail's database could not be read.
    AuditUnreadable {
        detail: String,
    },
    /// `report`: no such run in the audit trail (`run` empty: no run at all).
    ReportNoRun {
        run: String,
    },
    /// `report`: the audit trail holds no run yet.
    ReportNothing {},
    /// `report`: the report could not be made or written.
    ReportUnwritable {
        file: String,
        detail: String,
    },
}

#[cfg(test)]
impl CliError {
    /// Every code, for the test that each has a message in every catalogue.
    pub const CODES: &'static [&'static str] = &[
        "address-unreadable",
        "world-address-bad",
        "password-missing",
        "password-unreadable",
        "runtime",
        "world-file-unreadable",
        "world-file-unwritable",
        "capture-unwritable",
        "practice-world-failed",
        "fingerprint-invalid",
        "pins-unwritable",
        "sender-missing",
        "no-configured-device",
        "configured-device-gone",
        "audit-unreadable",
        "report-no-run",
        "report-nothing",
        "report-unwritable",
    ];
}

/// A failure to report: the CLI's own or the engine's.
#[derive(Debug, Clone)]
pub enum Failure {
    Cli(CliError),
    Engine(printoauth_core::Error),
}

impl From<CliError> for Failure {
    fn from(e: CliError) -> Self {
        Failure::Cli(e)
    }
}

impl From<printoauth_core::Error> for Failure {
    fn from(e: printoauth_core::Error) -> Self {
        Failure::Engine(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_listed() {
        let s = |v: &str| v.to_string();
        let all = [
            CliError::AddressUnreadable { address: s("a") },
            CliError::WorldAddressBad { device: s("d") },
            CliError::PasswordMissing {
                device: s("d"),
                variable: s("V"),
            },
            CliError::PasswordUnreadable { detail: s("x") },
            CliError::Runtime { detail: s("x") },
            CliError::WorldFileUnreadable {
                file: s("f"),
                detail: s("x"),
            },
            CliError::WorldFileUnwritable {
                file: s("f"),
                detail: s("x"),
            },
            CliError::CaptureUnwritable {
                file: s("f"),
                detail: s("x"),
            },
            CliError::PracticeWorldFailed { detail: s("x") },
            CliError::FingerprintInvalid {
                fingerprint: s("x"),
            },
            CliError::PinsUnwritable { detail: s("x") },
            CliError::SenderMissing {},
            CliError::NoConfiguredDevice {},
            CliError::ConfiguredDeviceGone {
                device: s("d"),
                time: s("t"),
            },
            CliError::AuditUnreadable { detail: s("x") },
            CliError::ReportNoRun { run: s("r") },
            CliError::ReportNothing {},
            CliError::ReportUnwritable {
                file: s("f"),
                detail: s("x"),
            },
        ];
        // A new variant must be added above (the match makes the compiler say so).
        for e in &all {
            match e {
                CliError::AddressUnreadable { .. }
                | CliError::WorldAddressBad { .. }
                | CliError::PasswordMissing { .. }
                | CliError::PasswordUnreadable { .. }
                | CliError::Runtime { .. }
                | CliError::WorldFileUnreadable { .. }
                | CliError::WorldFileUnwritable { .. }
                | CliError::CaptureUnwritable { .. }
                | CliError::PracticeWorldFailed { .. }
                | CliError::FingerprintInvalid { .. }
                | CliError::PinsUnwritable { .. }
                | CliError::SenderMissing {}
                | CliError::NoConfiguredDevice {}
                | CliError::ConfiguredDeviceGone { .. }
                | CliError::AuditUnreadable { .. }
                | CliError::ReportNoRun { .. }
                | CliError::ReportNothing {}
                | CliError::ReportUnwritable { .. } => {}
            }
        }
        let codes: Vec<String> = all
            .iter()
            .map(|e| {
                serde_json::to_value(e).unwrap()["code"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(codes, CliError::CODES);
    }
}
