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

/// Web Config's language: the device starts in its configured (panel) language and
/// switches with `SEL_LANGA` posted to `COMMON/TOP`. The `SEL_LANGA` values are Web
/// Config's own (from captures): 1 English, 2 Français, 3 Italiano, 4 Deutsch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    En,
    Fr,
    It,
    De,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::It, Lang::De];

    /// The `SEL_LANGA` value Web Config gives this language.
    pub fn selanga(self) -> &'static str {
        match self {
            Lang::En => "1",
            Lang::Fr => "2",
            Lang::It => "3",
            Lang::De => "4",
        }
    }

    /// The language a `SEL_LANGA` value names, if the emulator speaks it.
    pub fn from_selanga(v: &str) -> Option<Lang> {
        Self::ALL.into_iter().find(|l| l.selanga() == v.trim())
    }

    /// The language's name as Web Config's select shows it (in that language).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::It => "Italiano",
            Lang::De => "Deutsch",
        }
    }

    /// The HTML `lang` code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::It => "it",
            Lang::De => "de",
        }
    }
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
    /// Administrator user name of a business model. Absent: blank, the factory
    /// default (the log-in then takes an empty user name and refuses any other, "admin"
    /// included). Consumer models have no user name and ignore it.
    #[serde(default)]
    pub admin_user: Option<String>,
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
    /// The device's TLS is too old for a modern client: its HTTPS port answers every
    /// ClientHello with a fatal `protocol_version` alert, as a TLS 1.0-only server does
    /// to a TLS 1.2+ client. HTTP still serves.
    #[serde(default)]
    pub legacy_tls_only: bool,
}

/// The practice administrator password of emulated Epson devices (business models
/// log in with a blank user name unless `admin_user` is set).
pub const DEFAULT_ADMIN_PASSWORD: &str = "epson-practice";

/// A world with a business device whose administrator user name is set (the log-in
/// then needs that name), as TOML; [`WorldConfig::named_admin_user`] builds the same.
pub const NAMED_ADMIN_EXAMPLE: &str = r#"[[devices]]
model = "AM-C4000 Series"
admin_user = "printadmin"
admin_password = "Named-Admin-1"
start_with_basic_auth = true
"#;

impl WorldConfig {
    /// The practice world: a few Epson devices of both firmware families (one without
    /// OAuth2 firmware, one reached over its additional network, one French-first and
    /// one German-first, both save styles, one with the older table layout), plus a
    /// Brother, an HP and a Canon that can be recognised but not configured. Business
    /// devices have the factory-default blank administrator user name.
    pub fn practice() -> Self {
        let dev = |model: &str| DeviceConfig {
            model: model.into(),
            start_with_basic_auth: true,
            ..Default::default()
        };
        let mut devices = vec![
            dev("WF-C5890 Series"),
            DeviceConfig {
                language: Lang::Fr,
                ..dev("ET-4850 Series")
            },
            DeviceConfig {
                language: Lang::De,
                ..dev("AM-C4000 Series")
            },
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
        // Last, so that the other devices keep their places.
        devices.push(dev("WF-C20590 Series"));
        Self {
            devices,
            ..Default::default()
        }
    }

    /// One business device (AM-C4000) whose administrator user name is set to
    /// "printadmin" (password "Named-Admin-1"); the same as [`NAMED_ADMIN_EXAMPLE`].
    pub fn named_admin_user() -> Self {
        toml::from_str(NAMED_ADMIN_EXAMPLE).expect("the example parses")
    }

    /// `n` Epson devices cycling through the OAuth2-capable models of both families
    /// and both markups, and through the languages devices start in (English,
    /// French, German, Italian), so any six of them cover every family, markup,
    /// save style and a French- and a German-first device.
    pub fn with_epson_devices(n: usize) -> Self {
        let models = [
            ("WF-C5890 Series", Lang::En),
            ("ET-4850 Series", Lang::Fr),
            ("AM-C4000 Series", Lang::De),
            ("L6270 Series", Lang::It),
            ("WF-C879R Series", Lang::En),
            ("WF-C20590 Series", Lang::De),
        ];
        Self {
            devices: (0..n)
                .map(|i| {
                    let (model, language) = models[i % models.len()];
                    DeviceConfig {
                        model: model.into(),
                        language,
                        start_with_basic_auth: true,
                        ..Default::default()
                    }
                })
                .collect(),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_use_web_configs_values() {
        assert_eq!(Lang::from_selanga("1"), Some(Lang::En));
        assert_eq!(Lang::from_selanga("2"), Some(Lang::Fr));
        assert_eq!(Lang::from_selanga("3"), Some(Lang::It));
        assert_eq!(Lang::from_selanga("4"), Some(Lang::De));
        assert_eq!(Lang::from_selanga("5"), None);
        for l in Lang::ALL {
            assert_eq!(Lang::from_selanga(l.selanga()), Some(l));
        }
    }

    #[test]
    fn named_admin_example_parses() {
        let w = WorldConfig::named_admin_user();
        assert_eq!(w.devices[0].admin_user.as_deref(), Some("printadmin"));
        let p = WorldConfig::practice();
        assert!(p.devices.iter().any(|d| d.language == Lang::Fr));
        assert!(p.devices.iter().any(|d| d.language == Lang::De));
        assert!(p.devices.iter().all(|d| d.admin_user.is_none()));
    }
}
