//! How a world is described: from flags, a TOML file, or code (tests, practice mode).

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::tenant::TenantConfig;

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorldConfig {
    /// Where the identity, SMTP and control servers listen (and the devices, unless
    /// a device has its own `ip`). Loopback by default.
    #[serde(default = "loopback")]
    pub bind: IpAddr,
    /// Port of the identity emulator (0: any free port).
    #[serde(default)]
    pub identity_port: u16,
    /// Port of the SMTP submission emulator (0: any free port).
    #[serde(default)]
    pub smtp_port: u16,
    /// Port of the control API (0: any free port).
    #[serde(default)]
    pub control_port: u16,
    /// Announce the devices over mDNS. Only ever inside a network namespace made for
    /// the purpose: announcing on the host's network would multicast out of the machine.
    #[serde(default)]
    pub mdns: bool,
    /// Host name of the SMTP emulator as it shows in its banner.
    #[serde(default = "smtp_host")]
    pub smtp_host: String,
    #[serde(default)]
    pub tenant: TenantConfig,
    #[serde(default)]
    pub devices: Vec<DeviceConfig>,
}

fn loopback() -> IpAddr {
    IpAddr::from([127, 0, 0, 1])
}
fn smtp_host() -> String {
    "PR3P281CA0042.outlook.office365.com".into()
}

impl Default for WorldConfig {
    fn default() -> Self {
        Self {
            bind: loopback(),
            identity_port: 0,
            smtp_port: 0,
            control_port: 0,
            mdns: false,
            smtp_host: smtp_host(),
            tenant: TenantConfig::default(),
            devices: Vec::new(),
        }
    }
}

/// Web Config language at start: English or German (switchable with SEL_LANGA).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    En,
    De,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeviceConfig {
    /// A model from the catalogue (`models::CATALOGUE`), e.g. "WF-C5890 Series".
    pub model: String,
    /// MAC address "aa:bb:cc:dd:ee:ff"; derived from the device's index when absent.
    #[serde(default)]
    pub mac: Option<String>,
    /// Host name; "EPSON" + the last three MAC bytes when absent.
    #[serde(default)]
    pub host_name: Option<String>,
    /// Administrator password; the practice default when absent.
    #[serde(default)]
    pub admin_password: Option<String>,
    /// Firmware version; the model's default when absent. A version older than the
    /// model's first OAuth2 firmware has no OAuth2.
    #[serde(default)]
    pub firmware: Option<String>,
    /// The device is reached through its additional network interface, which does not
    /// support OAuth2.
    #[serde(default)]
    pub additional_network: bool,
    /// Web Config's language at start.
    #[serde(default)]
    pub language: Lang,
    /// The device's own address (a host address inside a test namespace). Defaults to
    /// the world's `bind`.
    #[serde(default)]
    pub ip: Option<IpAddr>,
    /// HTTP port (0: any free port; 80 on its own address).
    #[serde(default)]
    pub http_port: Option<u16>,
    /// HTTPS port (0: any free port; 443 on its own address).
    #[serde(default)]
    pub https_port: Option<u16>,
    /// Mail settings the device starts with: the pre-OAuth state most devices are in
    /// (SMTP AUTH with a password).
    #[serde(default)]
    pub start_with_basic_auth: bool,
}

/// The practice administrator password of emulated Epson devices (business models
/// log in as "admin").
pub const DEFAULT_ADMIN_PASSWORD: &str = "epson-practice";

impl WorldConfig {
    /// The practice world: a few Epson devices of both firmware families (one without
    /// OAuth2 firmware, one reached over its additional network), plus a Brother, an HP
    /// and a Canon that can be recognised but not configured.
    pub fn practice() -> Self {
        let dev = |model: &str| DeviceConfig {
            model: model.into(),
            start_with_basic_auth: true,
            ..Default::default()
        };
        let mut devices = vec![
            dev("WF-C5890 Series"),
            dev("ET-4850 Series"),
            dev("AM-C4000 Series"),
            dev("WF-2930 Series"),
        ];
        devices.push(DeviceConfig {
            additional_network: true,
            ..dev("WF-C879R Series")
        });
        for m in [
            "MFC-L8900CDW series",
            "HP Color LaserJet MFP M480",
            "MF632C/634C",
        ] {
            devices.push(DeviceConfig {
                model: m.into(),
                ..Default::default()
            });
        }
        Self {
            devices,
            ..Default::default()
        }
    }

    /// `n` Epson devices cycling through the OAuth2-capable models of both families.
    pub fn with_epson_devices(n: usize) -> Self {
        let models = [
            "WF-C5890 Series",
            "ET-4850 Series",
            "AM-C4000 Series",
            "L6270 Series",
            "WF-C879R Series",
        ];
        Self {
            devices: (0..n)
                .map(|i| DeviceConfig {
                    model: models[i % models.len()].into(),
                    start_with_basic_auth: true,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }
}
