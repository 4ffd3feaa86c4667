//! The catalogue of emulated models: what each announces and what its Web Config does.
//!
//! From captures (see the reference's "What real Web Config pages look like"): the
//! two log-in families, the definition-list page layout with script buttons
//! ([`Markup::Captured`]), the confirmation step some pages take, the session-type
//! select of newer business firmware, the 13-column job history CSV. ASSUMED: the
//! model names and firmware numbers below, which model has which variant, and the
//! older table layout ([`Markup::Legacy`]) kept so that clients meet two layouts.

use serde::{Deserialize, Serialize};

/// Web Config firmware family: they differ in how the administrator logs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Business models: POST /PRESENTATION/ADVANCED/PASSWORD/SET with a user name.
    Business,
    /// Consumer models (EcoTank L-series): POST /PRESENTATION/PSWD, password only.
    Consumer,
}

/// How a model's Web Config pages are built.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Markup {
    /// As captured from real devices: HTML 4.01, `div.section > dl.values` label/value
    /// pairs, `div.footer` script buttons outside the forms that submit a form by id.
    Captured,
    /// An older table layout: `th > label[for]` rows, `<input type=submit>` inside the
    /// forms, a meta refresh on the sign-in status page.
    Legacy,
}

/// How a settings page saves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SaveStyle {
    /// Posting `input_form` applies the values and answers "Setup complete.".
    Immediate,
    /// Posting `input_form` answers a confirmation page (`confirm_form`); posting that
    /// applies the values.
    Confirm,
}

/// The session type on the business log-in form (`SEL_SESSIONTYPE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionType {
    /// The form has no session type.
    Absent,
    /// A hidden `SEL_SESSIONTYPE=ADMIN`.
    Hidden,
    /// A visible select (newer business firmware): Administrator (`ADMIN`) or a
    /// general user; only `ADMIN` gives an administrator session.
    Select,
}

/// The job history CSV export's shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobCsv {
    /// The header is the first line; column names as on the large business model.
    Plain,
    /// A title line with the export date comes before the header; some column names
    /// differ ("Receipt Number", "Date and Time", "Job Type", ...).
    Titled,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Vendor {
    Epson,
    Brother,
    Hp,
    Canon,
}

#[derive(Clone, Debug)]
pub struct ModelSpec {
    pub vendor: Vendor,
    /// As in `usb_MDL`, e.g. "ET-4750 Series".
    pub name: &'static str,
    pub family: Family,
    pub scanner: bool,
    pub fax: bool,
    pub color: bool,
    pub duplex: bool,
    /// The firmware version shipped in the emulator by default.
    pub firmware: &'static str,
    /// The first firmware version with OAuth2 for the email server; `None`: no
    /// firmware for this model has it.
    pub oauth2_since: Option<&'static str>,
    /// The model can carry an additional network interface (which does not support OAuth2).
    pub additional_network_capable: bool,
    pub paper_max: &'static str,
    /// Canon's `product` value; Epson uses "(EPSON <model>)".
    pub product: Option<&'static str>,
    pub markup: Markup,
    pub save_style: SaveStyle,
    /// Business log-in: whether and how `SEL_SESSIONTYPE` is on the form.
    pub session_type: SessionType,
    pub job_csv: JobCsv,
}

/// What a catalogue entry is unless it says otherwise: an Epson business model that
/// scans, faxes, prints in colour on both sides, without OAuth2 firmware, with the
/// captured pages and a confirmation step.
const USUAL: ModelSpec = ModelSpec {
    vendor: Vendor::Epson,
    name: "",
    family: Family::Business,
    scanner: true,
    fax: true,
    color: true,
    duplex: true,
    firmware: "",
    oauth2_since: None,
    additional_network_capable: false,
    paper_max: "legal-A4",
    product: None,
    markup: Markup::Captured,
    save_style: SaveStyle::Confirm,
    session_type: SessionType::Absent,
    job_csv: JobCsv::Plain,
};

pub const CATALOGUE: &[ModelSpec] = &[
    ModelSpec {
        name: "WF-C5890 Series",
        firmware: "26.11.LD25K9",
        oauth2_since: Some("25.01.LD21K1"),
        session_type: SessionType::Select,
        ..USUAL
    },
    ModelSpec {
        name: "WF-C879R Series",
        firmware: "26.10.XU22M4",
        oauth2_since: Some("25.02.XU20L1"),
        additional_network_capable: true,
        paper_max: "isc_a3",
        session_type: SessionType::Select,
        job_csv: JobCsv::Titled,
        ..USUAL
    },
    ModelSpec {
        name: "AM-C4000 Series",
        fax: false,
        firmware: "26.09.AM12B3",
        oauth2_since: Some("25.03.AM10A0"),
        additional_network_capable: true,
        paper_max: "isc_a3",
        save_style: SaveStyle::Immediate,
        ..USUAL
    },
    ModelSpec {
        name: "WF-M5899 Series",
        color: false,
        firmware: "24.05.MN07P2",
        oauth2_since: Some("25.04.MN09A1"),
        save_style: SaveStyle::Immediate,
        job_csv: JobCsv::Titled,
        ..USUAL
    },
    ModelSpec {
        name: "ET-4850 Series",
        family: Family::Consumer,
        firmware: "26.08.EC31K2",
        oauth2_since: Some("25.05.EC28J0"),
        save_style: SaveStyle::Immediate,
        job_csv: JobCsv::Titled,
        ..USUAL
    },
    ModelSpec {
        name: "L6270 Series",
        family: Family::Consumer,
        fax: false,
        firmware: "26.07.LC19H5",
        oauth2_since: Some("25.06.LC17A3"),
        ..USUAL
    },
    ModelSpec {
        name: "WF-2930 Series",
        family: Family::Consumer,
        duplex: false,
        firmware: "23.03.WF11C2",
        ..USUAL
    },
    // The older table layout, on a large business model with OAuth2 firmware.
    ModelSpec {
        name: "WF-C20590 Series",
        firmware: "25.09.GM04E1",
        oauth2_since: Some("25.02.GM01A7"),
        paper_max: "isc_a3",
        markup: Markup::Legacy,
        session_type: SessionType::Hidden,
        ..USUAL
    },
    ModelSpec {
        vendor: Vendor::Brother,
        name: "MFC-L8900CDW series",
        firmware: "ZC",
        ..USUAL
    },
    ModelSpec {
        vendor: Vendor::Hp,
        name: "HP Color LaserJet MFP M480",
        fax: false,
        firmware: "2507252_052315",
        ..USUAL
    },
    ModelSpec {
        vendor: Vendor::Canon,
        name: "MF632C/634C",
        firmware: "05.04",
        product: Some("(CNMF632C/634C)"),
        ..USUAL
    },
];

/// Finds a model by its name (case-insensitive; "Series" may be left out).
pub fn find(name: &str) -> Option<&'static ModelSpec> {
    let n = name.trim().to_ascii_lowercase();
    CATALOGUE.iter().find(|m| {
        let full = m.name.to_ascii_lowercase();
        full == n || full.trim_end_matches(" series") == n.trim_end_matches(" series")
    })
}

/// Compares dotted firmware versions ("25.01.LD21K1") by their numeric head.
pub fn firmware_at_least(have: &str, need: &str) -> bool {
    fn key(v: &str) -> (u32, u32) {
        let mut it = v.split('.');
        let a = it.next().and_then(|x| x.parse().ok()).unwrap_or(0);
        let b = it.next().and_then(|x| x.parse().ok()).unwrap_or(0);
        (a, b)
    }
    key(have) >= key(need)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_models_and_compares_firmware() {
        assert_eq!(find("et-4850").unwrap().family, Family::Consumer);
        assert_eq!(find("WF-C5890 Series").unwrap().family, Family::Business);
        assert!(find("nope").is_none());
        assert!(firmware_at_least("26.11.X", "25.01.Y"));
        assert!(!firmware_at_least("24.05.X", "25.04.Y"));
    }
}

/// What a running emulated device is, as it shows itself on the network.
#[derive(Clone, Debug)]
pub struct DeviceIdentity {
    pub model: &'static ModelSpec,
    pub mac: [u8; 6],
    /// Host name without ".local", e.g. "EPSON4A3AAB".
    pub host_name: String,
    /// The DNS-SD instance name, unique in the world, e.g. "EPSON ET-4850 Series".
    pub instance_name: String,
    /// UUID as announced, e.g. "cfe92100-67c4-11d4-a45f-f8d0274a3aab" for Epson.
    pub uuid: String,
    pub ip: std::net::IpAddr,
    pub http_port: u16,
    pub https_port: u16,
}

impl DeviceIdentity {
    /// The MAC as 12 lowercase hex digits.
    pub fn mac_hex(&self) -> String {
        self.mac.iter().map(|b| format!("{b:02x}")).collect()
    }
    /// The last three MAC bytes, uppercase hex (Epson's default host name suffix).
    pub fn mac_tail(&self) -> String {
        self.mac[3..].iter().map(|b| format!("{b:02X}")).collect()
    }
}
