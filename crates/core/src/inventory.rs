//! The inventory: every device found on the network or added by address, read without
//! changing anything. Per device: vendor, model, firmware, whether OAuth2 is possible
//! and why not ([`Oauth2Verdict`]), the current authentication method, whether it is
//! signed in and as whom, the sender, the last mail job (result and time), and whether
//! an administrator password is remembered; and for a device that cannot do OAuth2,
//! the real alternatives, each with what it needs ([`Alternative`]).
//!
//! Reading uses the drivers' read paths only (log in, capabilities, Email Server >
//! Basic, the job history): no setting is posted, no sign-in started, nothing saved.
//! A device whose administrator password is not known is still listed with what
//! discovery says about it (vendor, model, and whether its model can do OAuth2 where
//! [`ModelKnowledge`] knows it), marked [`ReadState::PasswordNeeded`].
//!
//! Whether a password is remembered is the front end's business (the app keeps them in
//! the OS keyring): it is handed in per device ([`InventoryTarget::password_remembered`]),
//! so the engine needs no keyring.
//!
//! What models can do comes from two places: [`ModelKnowledge`] (a vendor's published
//! list of the models with an OAuth2 firmware and the first such version, when the
//! front end has one) and the fleet itself (a device of the same model that offers
//! OAuth2 shows that the model has such a firmware: see [`conclude`]).

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tokio::sync::Semaphore;

use crate::devices::{
    AdminCredentials, AuthMethod, Connection, DeviceError, EmailService, JobEntry, JobOutcome,
    MailCapabilities,
};
use crate::diagnosis::{fix_for_error, Fix};
use crate::discovery::{DiscoveredDevice, Vendor};
use crate::Error;

/// Where Exchange Online connectors are made (Microsoft's menu names).
pub const CONNECTOR_ADMIN_CENTER: &str =
    "Exchange admin center > Mail flow > Connectors > Add a connector > From: Your organization's email server, To: Office 365";
/// Where High Volume Email accounts are made.
pub const HVE_ADMIN_CENTER: &str = "Exchange admin center > Mail flow > High volume email";
/// High Volume Email's SMTP endpoint.
pub const HVE_SMTP_SERVER: &str = "smtp-hve.office365.com";
/// Until when High Volume Email accepts Basic authentication (as announced in 2026).
pub const HVE_BASIC_AUTH_UNTIL: &str = "2028-09";

/// How the device authenticates to its mail server, as a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum AuthKind {
    Off,
    SmtpAuth,
    PopBeforeSmtp,
    Oauth2,
    /// A method the driver does not know (`auth_method_label` says what the device shows).
    Other,
}

impl AuthKind {
    pub fn of(m: &AuthMethod) -> (AuthKind, Option<String>) {
        match m {
            AuthMethod::Off => (AuthKind::Off, None),
            AuthMethod::SmtpAuth => (AuthKind::SmtpAuth, None),
            AuthMethod::PopBeforeSmtp => (AuthKind::PopBeforeSmtp, None),
            AuthMethod::OAuth2 => (AuthKind::Oauth2, None),
            AuthMethod::Other(s) => (AuthKind::Other, Some(s.clone())),
        }
    }
}

/// How far a device could be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ReadState {
    /// Logged in and read.
    Read,
    /// No administrator password known: only what discovery says.
    PasswordNeeded,
    /// The administrator password was refused (or the log-in is locked).
    PasswordRefused,
    /// No driver of printoauth reads this vendor's devices yet: only what discovery says.
    NoDriver,
    /// Reading failed (`error` says why, `fix` what to do).
    Failed,
}

/// Whether the device can send mail with OAuth2, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum Oauth2Verdict {
    /// Its Email Server page offers OAuth2 (or it already uses it).
    Possible {},
    /// Not known: the device was not read and its model is not known.
    Unknown {},
    /// Not known until it is read, but its model has OAuth2 from firmware `since`.
    ModelHasIt { since: String },
    /// This firmware has no OAuth2; the model has a firmware with it (`since`: the
    /// first such version, or the oldest seen with it in the fleet). `firmware` is
    /// empty when the device did not show it.
    FirmwareTooOld { firmware: String, since: String },
    /// No firmware of this model has OAuth2.
    ModelWithout { model: String },
    /// This firmware has no OAuth2; whether a newer one for the model adds it is not
    /// known. `firmware` is empty when the device did not show it.
    NotInFirmware { firmware: String },
    /// Reached through the additional network interface, which cannot do OAuth2 (the
    /// standard network can).
    AdditionalNetwork {},
    /// printoauth does not configure this vendor's devices yet.
    VendorNotSupported { vendor: String },
}

impl Oauth2Verdict {
    /// `Some(true)` possible, `Some(false)` not (as reached now), `None` not known.
    pub fn possible(&self) -> Option<bool> {
        match self {
            Oauth2Verdict::Possible {} => Some(true),
            Oauth2Verdict::Unknown {} | Oauth2Verdict::ModelHasIt { .. } => None,
            _ => Some(false),
        }
    }
}

/// A way for a device that cannot do OAuth2 to keep sending mail through Microsoft 365,
/// with what it needs (the catalogues' `alternative-` messages say it in words).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum Alternative {
    /// Reach the device through its standard network interface, which can do OAuth2.
    UseStandardNetwork {},
    /// Update the firmware to `since` or later (a version with OAuth2), then configure it.
    UpdateFirmware { model: String, since: String },
    /// Ask the vendor whether a firmware with OAuth2 exists for this model.
    AskVendorForFirmware { model: String },
    /// The vendor documents OAuth 2.0 for some of its models on the device's own web
    /// page: follow its guide (printoauth cannot do it for this vendor yet).
    VendorOwnSetup { vendor: String },
    /// An Exchange Online connector for SMTP relay: the device sends without a
    /// password to the domain's MX endpoint on port `port`; needs a static public IP
    /// address and outbound port 25, and a connector made at `admin_center`.
    ExchangeConnector { admin_center: String, port: u16 },
    /// Microsoft's High Volume Email: internal recipients only, paid; it accepts Basic
    /// authentication until `basic_auth_until` (year-month).
    HighVolumeEmail {
        admin_center: String,
        server: String,
        port: u16,
        basic_auth_until: String,
    },
    /// An SMTP-to-Graph relay or an OAuth proxy on the LAN: the device sends to it as
    /// it does today, and it signs in to Microsoft 365 for the device.
    LocalRelay {},
}

/// The device's last mail job, from its job history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LastMailJob {
    /// Date and time as the device wrote them.
    pub time: String,
    /// The job's type as the device wrote it (e.g. "Scan to Email").
    pub job_type: String,
    /// Succeeded or not.
    pub succeeded: bool,
    /// The error code (360, 361, 370, …), if any.
    pub code: Option<u32>,
    /// The Result column as the device wrote it.
    pub result: String,
}

/// One device of the inventory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InventoryEntry {
    /// The id the front end knows the device by (discovery's id, or the address typed).
    pub id: String,
    /// Kebab-case vendor name ("epson", "brother", …, "unknown").
    pub vendor: String,
    pub model: Option<String>,
    pub host_name: Option<String>,
    pub address: Option<String>,
    pub firmware: Option<String>,
    pub read: ReadState,
    /// Why reading failed, when it did (also a refused password).
    pub error: Option<Error>,
    /// What to do about `error`.
    pub fix: Option<Fix>,
    pub oauth2: Oauth2Verdict,
    pub auth_method: Option<AuthKind>,
    /// The device's own name for an authentication method printoauth does not know.
    pub auth_method_label: Option<String>,
    pub email_service: Option<EmailService>,
    /// `None`: not read, or not on OAuth2.
    pub signed_in: Option<bool>,
    /// The account signed in with OAuth2.
    pub account: Option<String>,
    /// Sender's Email Address.
    pub sender: Option<String>,
    pub last_mail_job: Option<LastMailJob>,
    pub password_remembered: bool,
    /// For a device that cannot do OAuth2: what it can do instead, best first.
    pub alternatives: Vec<Alternative>,
}

/// A model a vendor lists: whether it has a firmware with OAuth2, and from which version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownModel {
    pub vendor: Vendor,
    pub model: String,
    /// The first firmware with OAuth2 for the email server; `None`: no firmware of this
    /// model has it.
    pub oauth2_since: Option<String>,
}

/// What is known about models, beyond what a device shows. Empty unless the front end
/// has a list (practice mode has its emulated vendor's).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelKnowledge {
    pub models: Vec<KnownModel>,
}

/// "ET-4850 Series", "et-4850", "EPSON ET-4850 series" all name one model.
fn model_key(vendor: Vendor, model: &str) -> String {
    let mut m = model.trim().to_lowercase();
    if let Ok(serde_json::Value::String(v)) = serde_json::to_value(vendor) {
        if let Some(rest) = m.strip_prefix(&format!("{v} ")) {
            m = rest.to_string();
        }
    }
    m.trim_end_matches(" series").trim().to_string()
}

impl ModelKnowledge {
    pub fn find(&self, vendor: Vendor, model: &str) -> Option<&KnownModel> {
        let key = model_key(vendor, model);
        self.models
            .iter()
            .find(|k| k.vendor == vendor && model_key(k.vendor, &k.model) == key)
    }
}

/// Compares firmware versions by their leading dotted numbers ("25.01.LD21K1" <
/// "26.11.LD25K9"); `None` when either has none.
pub fn firmware_at_least(have: &str, need: &str) -> Option<bool> {
    fn nums(v: &str) -> Vec<u64> {
        v.trim()
            .split(['.', '-', '_', ' '])
            .map_while(|p| p.parse::<u64>().ok())
            .collect()
    }
    let (h, n) = (nums(have), nums(need));
    if h.is_empty() || n.is_empty() {
        return None;
    }
    Some(h >= n)
}

/// One device to read.
#[derive(Clone)]
pub struct InventoryTarget {
    pub id: String,
    pub vendor: Vendor,
    pub model: Option<String>,
    pub host_name: Option<String>,
    pub address: Option<String>,
    /// The driver to read it with; `None` when no driver family drives its vendor.
    pub connection: Option<Connection>,
    /// `None`: the password is not known (only the discovery facts are listed).
    pub credentials: Option<AdminCredentials>,
    /// The front end keeps a password for this device (e.g. in the OS keyring).
    pub password_remembered: bool,
}

impl InventoryTarget {
    /// A discovered device (its facts), to be read with `connection`.
    pub fn discovered(d: &DiscoveredDevice, connection: Option<Connection>) -> Self {
        let mut addrs = d.addresses.clone();
        addrs.sort_by_key(|a| a.is_ipv6());
        InventoryTarget {
            id: d.id.clone(),
            vendor: d.vendor,
            model: d.model.clone(),
            host_name: d.host_name.clone(),
            address: addrs.first().map(|a| a.to_string()),
            connection,
            credentials: None,
            password_remembered: false,
        }
    }
}

fn vendor_name(v: Vendor) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => "unknown".into(),
    }
}

/// Whether a job history line is a mail job (scan to email, email notification,
/// fax forwarded by email).
fn is_mail_job(j: &JobEntry) -> bool {
    let t = j.job_type.to_lowercase();
    t.contains("mail") || j.to.contains('@')
}

/// The newest mail job of a job history (as the device lists it, oldest first).
pub fn last_mail_job(jobs: &[JobEntry]) -> Option<LastMailJob> {
    jobs.iter()
        .rev()
        .find(|j| is_mail_job(j))
        .map(|j| LastMailJob {
            time: j.date_time.clone(),
            job_type: j.job_type.clone(),
            succeeded: j.outcome == JobOutcome::Succeeded,
            code: j.code,
            result: j.result.clone(),
        })
}

/// Reads one device. Never fails: what could not be read is said in the entry.
pub async fn read_device(t: InventoryTarget, knowledge: &ModelKnowledge) -> InventoryEntry {
    let mut e = InventoryEntry {
        id: t.id.clone(),
        vendor: vendor_name(t.vendor),
        model: t.model.clone(),
        host_name: t.host_name.clone(),
        address: t.address.clone(),
        firmware: None,
        read: ReadState::PasswordNeeded,
        error: None,
        fix: None,
        oauth2: Oauth2Verdict::Unknown {},
        auth_method: None,
        auth_method_label: None,
        email_service: None,
        signed_in: None,
        account: None,
        sender: None,
        last_mail_job: None,
        password_remembered: t.password_remembered,
        alternatives: Vec::new(),
    };
    let Some(conn) = t.connection.as_ref() else {
        e.read = ReadState::NoDriver;
        e.oauth2 = verdict(&t, None, knowledge);
        e.alternatives = alternatives(&e.oauth2, e.model.as_deref());
        return e;
    };
    let Some(creds) = t.credentials.as_ref() else {
        e.oauth2 = verdict(&t, None, knowledge);
        e.alternatives = alternatives(&e.oauth2, e.model.as_deref());
        return e;
    };
    let d = conn.driver.as_ref();
    let caps = async {
        d.login(creds).await?;
        d.mail_capabilities().await
    }
    .await;
    let caps = match caps {
        Ok(c) => c,
        Err(err) => {
            e.read = match err {
                DeviceError::DeviceLoginRejected { .. }
                | DeviceError::DeviceLoginLockedOut { .. } => ReadState::PasswordRefused,
                _ => ReadState::Failed,
            };
            let err = Error::from(err);
            e.fix = Some(fix_for_error(&err));
            e.error = Some(err);
            e.oauth2 = verdict(&t, None, knowledge);
            e.alternatives = alternatives(&e.oauth2, e.model.as_deref());
            return e;
        }
    };
    e.read = ReadState::Read;
    // The model as discovery names it; the device's page when discovery did not (a
    // page may add words around it, e.g. its title).
    if e.model.is_none() {
        e.model = caps.model.clone();
    }
    e.firmware = caps.firmware.clone();
    let settings = d.read_email_settings().await;
    let jobs = d.job_history().await;
    // Web Config's display language as the device had it (best effort: a device that
    // does not take it back keeps English, which changes no setting).
    let _ = d.restore_language().await;
    match &settings {
        Ok(s) => {
            let (kind, label) = AuthKind::of(&s.auth_method);
            e.auth_method = Some(kind);
            e.auth_method_label = label;
            e.email_service = s.email_service;
            e.sender = s.sender.clone().filter(|x| !x.is_empty());
            if kind == AuthKind::Oauth2 {
                e.signed_in = Some(s.signed_in);
                e.account = s.oauth_account.clone().filter(|x| !x.is_empty());
            }
        }
        Err(err) => e.fail(err.clone()),
    }
    match &jobs {
        Ok(j) => e.last_mail_job = last_mail_job(j),
        Err(err) => e.fail(err.clone()),
    }
    let uses_oauth2 = e.auth_method == Some(AuthKind::Oauth2);
    e.oauth2 = if uses_oauth2 && !caps.additional_network {
        Oauth2Verdict::Possible {}
    } else {
        verdict(&t, Some(&caps), knowledge)
    };
    e.alternatives = alternatives(&e.oauth2, e.model.as_deref());
    e
}

impl InventoryEntry {
    /// Records a read that failed after the log-in (the first one counts).
    fn fail(&mut self, err: DeviceError) {
        if self.error.is_none() {
            let err = Error::from(err);
            self.fix = Some(fix_for_error(&err));
            self.error = Some(err);
            self.read = ReadState::Failed;
        }
    }
}

/// Whether OAuth2 is possible, from what the device showed (`caps`, when read), its
/// vendor and model, and what is known about the model.
fn verdict(
    t: &InventoryTarget,
    caps: Option<&MailCapabilities>,
    knowledge: &ModelKnowledge,
) -> Oauth2Verdict {
    if t.connection.is_none() {
        return Oauth2Verdict::VendorNotSupported {
            vendor: vendor_name(t.vendor),
        };
    }
    let model = t
        .model
        .clone()
        .or_else(|| caps.and_then(|c| c.model.clone()));
    let known = model.as_deref().and_then(|m| knowledge.find(t.vendor, m));
    let Some(caps) = caps else {
        return match known {
            Some(k) => match &k.oauth2_since {
                None => Oauth2Verdict::ModelWithout {
                    model: k.model.clone(),
                },
                Some(since) => Oauth2Verdict::ModelHasIt {
                    since: since.clone(),
                },
            },
            None => Oauth2Verdict::Unknown {},
        };
    };
    if caps.additional_network {
        return Oauth2Verdict::AdditionalNetwork {};
    }
    if caps.oauth2_available {
        return Oauth2Verdict::Possible {};
    }
    match known {
        Some(KnownModel {
            oauth2_since: None,
            model,
            ..
        }) => Oauth2Verdict::ModelWithout {
            model: model.clone(),
        },
        Some(KnownModel {
            oauth2_since: Some(since),
            ..
        }) => Oauth2Verdict::FirmwareTooOld {
            firmware: caps.firmware.clone().unwrap_or_default(),
            since: since.clone(),
        },
        None => Oauth2Verdict::NotInFirmware {
            firmware: caps.firmware.clone().unwrap_or_default(),
        },
    }
}

/// Vendors that document OAuth 2.0 on some of their devices' own web pages.
fn vendor_documents_oauth2(vendor: &str) -> bool {
    matches!(vendor, "canon" | "xerox")
}

/// The alternatives for a device whose verdict is `v`, best first; none when OAuth2 is
/// possible or not known.
pub fn alternatives(v: &Oauth2Verdict, model: Option<&str>) -> Vec<Alternative> {
    let model = model.unwrap_or_default().to_string();
    let mut out = match v {
        Oauth2Verdict::Possible {}
        | Oauth2Verdict::Unknown {}
        | Oauth2Verdict::ModelHasIt { .. } => return Vec::new(),
        Oauth2Verdict::AdditionalNetwork {} => vec![Alternative::UseStandardNetwork {}],
        Oauth2Verdict::FirmwareTooOld { since, .. } => vec![Alternative::UpdateFirmware {
            model,
            since: since.clone(),
        }],
        Oauth2Verdict::NotInFirmware { .. } => vec![Alternative::AskVendorForFirmware { model }],
        Oauth2Verdict::ModelWithout { .. } => Vec::new(),
        Oauth2Verdict::VendorNotSupported { vendor } => {
            if vendor_documents_oauth2(vendor) {
                vec![Alternative::VendorOwnSetup {
                    vendor: vendor.clone(),
                }]
            } else {
                Vec::new()
            }
        }
    };
    out.extend([
        Alternative::ExchangeConnector {
            admin_center: CONNECTOR_ADMIN_CENTER.into(),
            port: 25,
        },
        Alternative::HighVolumeEmail {
            admin_center: HVE_ADMIN_CENTER.into(),
            server: HVE_SMTP_SERVER.into(),
            port: 587,
            basic_auth_until: HVE_BASIC_AUTH_UNTIL.into(),
        },
        Alternative::LocalRelay {},
    ]);
    out
}

/// What the fleet shows about models: a device whose firmware has no OAuth2 while
/// another device of the same model offers it has a firmware that is too old (update
/// to at least the other's version). Entries already concluded otherwise are kept.
pub fn conclude(entries: &mut [InventoryEntry]) {
    let key_of = |e: &InventoryEntry| {
        let vendor: Vendor =
            serde_json::from_value(serde_json::Value::String(e.vendor.clone())).unwrap_or_default();
        e.model
            .as_deref()
            .map(|m| (e.vendor.clone(), model_key(vendor, m)))
    };
    // Every model seen offering OAuth2, with the firmware it was seen on.
    let with_oauth2: Vec<((String, String), String)> = entries
        .iter()
        .filter(|e| e.read == ReadState::Read && e.oauth2 == Oauth2Verdict::Possible {})
        .filter_map(|e| Some((key_of(e)?, e.firmware.clone()?)))
        .collect();
    for e in entries.iter_mut() {
        let Oauth2Verdict::NotInFirmware { firmware } = &e.oauth2 else {
            continue;
        };
        let Some(key) = key_of(e) else {
            continue;
        };
        // The oldest firmware of the same model seen with OAuth2.
        let oldest = with_oauth2
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, f)| f)
            .min_by(
                |a, b| match (firmware_at_least(a, b), firmware_at_least(b, a)) {
                    (Some(true), Some(false)) => std::cmp::Ordering::Greater,
                    (Some(false), Some(true)) => std::cmp::Ordering::Less,
                    _ => a.cmp(b),
                },
            );
        let Some(since) = oldest else {
            continue;
        };
        e.oauth2 = Oauth2Verdict::FirmwareTooOld {
            firmware: firmware.clone(),
            since: since.clone(),
        };
        e.alternatives = alternatives(&e.oauth2, e.model.as_deref());
    }
}

/// Reads every device, at most `concurrency` at a time, and draws the fleet's
/// conclusions ([`conclude`]). The entries come back in the order of `targets`.
pub async fn inventory(
    targets: Vec<InventoryTarget>,
    knowledge: &ModelKnowledge,
    concurrency: usize,
) -> Vec<InventoryEntry> {
    let limit = Arc::new(Semaphore::new(concurrency.max(1)));
    let knowledge = Arc::new(knowledge.clone());
    let mut tasks = Vec::new();
    for t in targets {
        let limit = limit.clone();
        let knowledge = knowledge.clone();
        tasks.push(tokio::spawn(async move {
            let _permit = limit.acquire_owned().await;
            read_device(t, &knowledge).await
        }));
    }
    let mut entries = Vec::new();
    for task in tasks {
        if let Ok(e) = task.await {
            entries.push(e);
        }
    }
    conclude(&mut entries);
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(model: &str, firmware: &str, oauth2: Oauth2Verdict) -> InventoryEntry {
        let alternatives = alternatives(&oauth2, Some(model));
        InventoryEntry {
            id: model.into(),
            vendor: "epson".into(),
            model: Some(model.into()),
            host_name: None,
            address: None,
            firmware: Some(firmware.into()),
            read: ReadState::Read,
            error: None,
            fix: None,
            oauth2,
            auth_method: Some(AuthKind::SmtpAuth),
            auth_method_label: None,
            email_service: None,
            signed_in: None,
            account: None,
            sender: None,
            last_mail_job: None,
            password_remembered: false,
            alternatives,
        }
    }

    #[test]
    fn firmware_versions_compare_by_their_numbers() {
        assert_eq!(
            firmware_at_least("26.11.LD25K9", "25.01.LD21K1"),
            Some(true)
        );
        assert_eq!(
            firmware_at_least("24.05.MN07P2", "25.04.MN09A1"),
            Some(false)
        );
        assert_eq!(firmware_at_least("25.4", "25.04"), Some(true));
        assert_eq!(firmware_at_least("ZC", "25.01"), None);
    }

    #[test]
    fn models_are_named_many_ways() {
        let k = ModelKnowledge {
            models: vec![KnownModel {
                vendor: Vendor::Epson,
                model: "ET-4850 Series".into(),
                oauth2_since: Some("25.05".into()),
            }],
        };
        for name in ["ET-4850 Series", "et-4850", "EPSON ET-4850 series"] {
            assert!(k.find(Vendor::Epson, name).is_some(), "{name}");
        }
        assert!(k.find(Vendor::Canon, "ET-4850 Series").is_none());
        assert!(k.find(Vendor::Epson, "ET-4800").is_none());
    }

    #[test]
    fn the_fleet_shows_a_firmware_too_old() {
        let mut entries = vec![
            entry(
                "WF-M5899 Series",
                "24.05.MN07P2",
                Oauth2Verdict::NotInFirmware {
                    firmware: "24.05.MN07P2".into(),
                },
            ),
            entry(
                "WF-M5899 Series",
                "26.01.MN10A0",
                Oauth2Verdict::Possible {},
            ),
            entry(
                "WF-M5899 Series",
                "25.06.MN10A0",
                Oauth2Verdict::Possible {},
            ),
            entry(
                "WF-2930 Series",
                "23.03.WF11C2",
                Oauth2Verdict::NotInFirmware {
                    firmware: "23.03.WF11C2".into(),
                },
            ),
        ];
        conclude(&mut entries);
        assert_eq!(
            entries[0].oauth2,
            Oauth2Verdict::FirmwareTooOld {
                firmware: "24.05.MN07P2".into(),
                since: "25.06.MN10A0".into()
            }
        );
        assert_eq!(
            entries[0].alternatives[0],
            Alternative::UpdateFirmware {
                model: "WF-M5899 Series".into(),
                since: "25.06.MN10A0".into()
            }
        );
        // No other device of its model: whether a firmware adds it is not known.
        assert!(matches!(
            entries[3].oauth2,
            Oauth2Verdict::NotInFirmware { .. }
        ));
        assert_eq!(
            entries[3].alternatives[0],
            Alternative::AskVendorForFirmware {
                model: "WF-2930 Series".into()
            }
        );
    }

    #[test]
    fn every_device_that_cannot_gets_the_general_alternatives() {
        let general = |alts: &[Alternative]| {
            let codes: Vec<String> = alts
                .iter()
                .map(|a| {
                    serde_json::to_value(a).unwrap()["code"]
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .collect();
            codes.ends_with(&[
                "exchange-connector".to_string(),
                "high-volume-email".to_string(),
                "local-relay".to_string(),
            ])
        };
        for v in [
            Oauth2Verdict::AdditionalNetwork {},
            Oauth2Verdict::ModelWithout { model: "X".into() },
            Oauth2Verdict::NotInFirmware {
                firmware: String::new(),
            },
            Oauth2Verdict::FirmwareTooOld {
                firmware: String::new(),
                since: "1".into(),
            },
            Oauth2Verdict::VendorNotSupported {
                vendor: "brother".into(),
            },
        ] {
            assert_eq!(v.possible(), Some(false));
            assert!(general(&alternatives(&v, Some("X"))), "{v:?}");
        }
        for v in [
            Oauth2Verdict::Possible {},
            Oauth2Verdict::Unknown {},
            Oauth2Verdict::ModelHasIt { since: "1".into() },
        ] {
            assert!(alternatives(&v, None).is_empty());
        }
        // Canon documents OAuth 2.0 on its own pages; Brother does not.
        let canon = alternatives(
            &Oauth2Verdict::VendorNotSupported {
                vendor: "canon".into(),
            },
            None,
        );
        assert_eq!(
            canon[0],
            Alternative::VendorOwnSetup {
                vendor: "canon".into()
            }
        );
        let hve = serde_json::to_value(&canon[2]).unwrap();
        assert_eq!(hve["code"], "high-volume-email");
        assert_eq!(hve["params"]["basic_auth_until"], "2028-09");
        let connector = serde_json::to_value(&canon[1]).unwrap();
        assert_eq!(connector["params"]["port"], 25);
    }

    #[test]
    fn the_last_mail_job_is_the_newest_mail_line() {
        let job = |no: &str, t: &str, result: &str, outcome, code| JobEntry {
            receipt_no: no.into(),
            date_time: format!("2026-12-0{no} 10:00"),
            completed: String::new(),
            job_type: t.into(),
            result: result.into(),
            pages: Some(1),
            from: String::new(),
            to: String::new(),
            file_name: String::new(),
            outcome,
            code,
        };
        let jobs = vec![
            job("1", "Scan to Email", "OK", JobOutcome::Succeeded, None),
            job(
                "2",
                "Scan to Email",
                "Error 361",
                JobOutcome::ConnectionExpired,
                Some(361),
            ),
            job("3", "Copy", "OK", JobOutcome::Succeeded, None),
        ];
        let last = last_mail_job(&jobs).unwrap();
        assert_eq!(last.time, "2026-12-02 10:00");
        assert!(!last.succeeded);
        assert_eq!(last.code, Some(361));
        assert!(last_mail_job(&jobs[2..]).is_none());
    }
}
