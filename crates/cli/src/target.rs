//! Turning what the user typed into devices to talk to, and the practice world file
//! into the sign-in service, mail server and devices of the emulated world.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use printoauth_core::devices::{
    AdminCredentials, ConnectOptions, DeviceAddress, DriverRegistry, JsonFilePinStore,
    MemoryPinStore, PinStore,
};
use printoauth_core::discovery::{
    merge_services, DiscoveredDevice, ServiceRecord, TxtItem, Vendor,
};
use printoauth_core::identity::Authority;
use printoauth_core::inventory::{InventoryTarget, KnownModel, ModelKnowledge};
use printoauth_core::mail::SmtpServer;
use printoauth_core::tenant_check::TenantCheckConfig;
use printoauth_sim::world::{DeviceSummary, WorldSummary};

use crate::error::{CliError, Failure};
use crate::Resolved;

/// The environment variable scripts use for the devices' administrator password.
pub const PASSWORD_ENV: &str = "PRINTOAUTH_ADMIN_PASSWORD";

/// A practice world, from the file `printoauth practice` writes.
#[derive(Clone)]
pub struct World {
    pub summary: WorldSummary,
}

impl World {
    pub fn load(path: &Path) -> anyhow::Result<World> {
        let bytes = std::fs::read(path)?;
        Ok(World {
            summary: serde_json::from_slice(&bytes)?,
        })
    }

    /// The emulated devices, through the same recognition as real mDNS answers.
    pub fn discovered(&self) -> Vec<DiscoveredDevice> {
        Self::recognise(self.summary.devices.iter())
    }

    fn recognise<'a>(devices: impl Iterator<Item = &'a DeviceSummary>) -> Vec<DiscoveredDevice> {
        let records: Vec<ServiceRecord> = devices
            .flat_map(|d| d.services.iter())
            .map(|s| {
                ServiceRecord::new(
                    &s.fullname(),
                    &s.service_type,
                    &s.host,
                    s.port,
                    [s.ip],
                    s.txt.iter().map(|(k, v)| TxtItem::new(k, v)),
                )
            })
            .collect();
        merge_services(&records)
    }

    /// The tenant check against the world's identity and SMTP emulators.
    pub fn tenant_check_config(&self) -> TenantCheckConfig {
        let s = &self.summary;
        let mut cfg = TenantCheckConfig::new(s.identity.printoauth_client_id.clone());
        cfg.authority = Authority::new(s.identity.base_url.clone(), s.tenant.id.clone());
        cfg.smtp = SmtpServer {
            host: s.smtp.addr.ip().to_string(),
            port: s.smtp.addr.port(),
            tls_name: s.smtp.tls_name.clone(),
            extra_root_ca_pem: Some(s.ca_pem.clone()),
        };
        cfg
    }

    /// The emulated vendor's support list, as what is known about its models.
    pub fn model_knowledge(&self) -> ModelKnowledge {
        ModelKnowledge {
            models: self
                .summary
                .support_list
                .iter()
                .map(|m| KnownModel {
                    vendor: serde_json::to_value(m.vendor)
                        .ok()
                        .and_then(|v| serde_json::from_value(v).ok())
                        .unwrap_or_default(),
                    model: m.model.clone(),
                    oauth2_since: m.oauth2_since.clone(),
                })
                .collect(),
        }
    }

    /// The index of every device of the world, as device arguments.
    pub fn device_args(&self) -> Vec<String> {
        self.summary
            .devices
            .iter()
            .map(|d| d.index.to_string())
            .collect()
    }

    /// A device by index, host name, instance name or address.
    fn device(&self, key: &str) -> Option<&DeviceSummary> {
        let k = key.trim();
        self.summary.devices.iter().find(|d| {
            k.parse::<usize>().ok() == Some(d.index)
                || d.host_name.eq_ignore_ascii_case(k)
                || format!("{}.local", d.host_name).eq_ignore_ascii_case(k)
                || d.instance_name.eq_ignore_ascii_case(k)
                || d.http_url == k
                || d.https_url == k
        })
    }
}

pub struct Targets {
    world: Option<World>,
    opts: ConnectOptions,
    drivers: DriverRegistry,
}

impl Targets {
    pub fn new(world: Option<World>, allow_http: bool, pins: Option<PathBuf>) -> Targets {
        let pin_store: Arc<dyn PinStore> = match (&world, pins.or_else(default_pin_file)) {
            // A practice world's devices are new each time: pin in memory only.
            (Some(_), _) | (None, None) => Arc::new(MemoryPinStore::new()),
            (None, Some(path)) => Arc::new(JsonFilePinStore::new(path)),
        };
        Targets {
            world,
            opts: ConnectOptions {
                allow_http,
                pin_store,
                ..Default::default()
            },
            drivers: DriverRegistry::standard(),
        }
    }

    /// Trusts `fingerprint` for the device `arg` from now on (its certificate was
    /// renewed); returns the fingerprint as kept. Nothing is contacted.
    pub fn trust_certificate(&self, arg: &str, fingerprint: &str) -> Result<String, Failure> {
        let fp =
            printoauth_core::devices::pin::parse_fingerprint(fingerprint).ok_or_else(|| {
                CliError::FingerprintInvalid {
                    fingerprint: fingerprint.to_string(),
                }
            })?;
        let address = match self.world.as_ref().and_then(|w| w.device(arg)) {
            Some(d) => DeviceAddress::from_urls(Some(&d.https_url), Some(&d.http_url)).ok_or_else(
                || CliError::WorldAddressBad {
                    device: arg.to_string(),
                },
            )?,
            None => parse_address(arg)?,
        };
        self.opts
            .pin_store
            .set(&address.pin_key(), &fp)
            .map_err(|e| CliError::PinsUnwritable {
                detail: e.to_string(),
            })?;
        Ok(fp)
    }

    /// A device argument to read for the inventory: its driver (none when no driver
    /// family drives its vendor) and its credentials: `shared` (the password given for
    /// every device), else in practice mode the emulated device's own, else none (the
    /// device is listed with what is known without reading it). Nothing is prompted.
    pub async fn inventory_target(
        &self,
        arg: &str,
        user: Option<&str>,
        shared: Option<&str>,
    ) -> Result<InventoryTarget, Failure> {
        let (address, practice_password, found) =
            match self.world.as_ref().and_then(|w| w.device(arg)) {
                Some(d) => (
                    DeviceAddress::from_urls(Some(&d.https_url), Some(&d.http_url)).ok_or_else(
                        || CliError::WorldAddressBad {
                            device: arg.to_string(),
                        },
                    )?,
                    Some(d.admin_password.clone()),
                    World::recognise(std::iter::once(d)).into_iter().next(),
                ),
                None => {
                    let address = parse_address(arg)?;
                    // What the device's web page says it is (vendor, model), when it answers.
                    let found = if address.https_port == Some(443) || address.https_port.is_none() {
                        printoauth_core::discovery::probe(&address.host).await.ok()
                    } else {
                        None
                    };
                    (address, None, found)
                }
            };
        let connection = self
            .drivers
            .connect(
                found.as_ref().map(|f| f.vendor),
                address.clone(),
                self.opts.clone(),
            )
            .ok();
        let mut t = match &found {
            Some(f) => InventoryTarget::discovered(f, connection),
            None => InventoryTarget {
                id: arg.to_string(),
                vendor: Vendor::Unknown,
                model: None,
                host_name: None,
                address: None,
                connection,
                credentials: None,
                password_remembered: false,
            },
        };
        t.id = arg.to_string();
        // The address as reached: with its port when not the standard one.
        let host = if address.host.contains(':') {
            format!("[{}]", address.host)
        } else {
            address.host.clone()
        };
        t.address = Some(match address.https_port.or(address.http_port) {
            Some(p) if p != 443 && p != 80 => format!("{host}:{p}"),
            _ => address.host.clone(),
        });
        t.credentials = shared
            .map(str::to_string)
            .or(practice_password)
            .map(|p| credentials(user, p));
        Ok(t)
    }

    /// A device found by discovery (or a probe), to read for the inventory with the
    /// `shared` password, if any.
    pub fn inventory_discovered(
        &self,
        d: &DiscoveredDevice,
        user: Option<&str>,
        shared: Option<&str>,
    ) -> InventoryTarget {
        // A probe names the https admin page it found; else the device's first address.
        let address = d
            .admin_url
            .as_deref()
            .filter(|u| u.starts_with("https://"))
            .and_then(|u| DeviceAddress::from_urls(Some(u), None))
            .or_else(|| printoauth_core::devices::registry::address_of(d));
        let connection = address.as_ref().and_then(|a| {
            self.drivers
                .connect(Some(d.vendor), a.clone(), self.opts.clone())
                .ok()
        });
        let mut t = InventoryTarget::discovered(d, connection);
        t.credentials = shared.map(|p| credentials(user, p.to_string()));
        t
    }

    /// In practice mode, the name of the world's device `arg` (its model and address,
    /// as runs record it); `None` when the world has no such device, or outside
    /// practice mode.
    pub fn practice_name(&self, arg: &str) -> Option<String> {
        self.world.as_ref().and_then(|w| w.device(arg)).map(|d| {
            // "https://127.0.0.1:40123/" → "127.0.0.1:40123"
            let host = d
                .https_url
                .split("://")
                .nth(1)
                .and_then(|rest| rest.split('/').next())
                .filter(|h| !h.is_empty())
                .map(str::to_string)
                .unwrap_or_else(|| d.ip.to_string());
            format!("{} ({host})", d.model)
        })
    }

    /// Resolves a device argument to a driver and credentials.
    pub fn resolve(&self, arg: &str, user: Option<String>) -> Result<Resolved, Failure> {
        let name = self.practice_name(arg);
        let (address, practice_password, vendor) =
            match self.world.as_ref().and_then(|w| w.device(arg)) {
                Some(d) => (
                    DeviceAddress::from_urls(Some(&d.https_url), Some(&d.http_url)).ok_or_else(
                        || CliError::WorldAddressBad {
                            device: arg.to_string(),
                        },
                    )?,
                    Some(d.admin_password.clone()),
                    World::recognise(std::iter::once(d))
                        .first()
                        .map(|found| found.vendor),
                ),
                // A typed address: the vendor is not known.
                None => (parse_address(arg)?, None, None::<Vendor>),
            };
        // The engine chooses the driver, before any password is asked for.
        let connection = self
            .drivers
            .connect(vendor, address, self.opts.clone())
            .map_err(printoauth_core::Error::from)?;
        let password = match std::env::var(PASSWORD_ENV) {
            Ok(p) if !p.is_empty() => p,
            _ => match practice_password {
                Some(p) => p,
                None => prompt_password(arg)?,
            },
        };
        let credentials = match user {
            Some(u) => AdminCredentials::with_user(u, password),
            None => AdminCredentials::new(password),
        };
        Ok(Resolved {
            label: arg.to_string(),
            name,
            connection,
            credentials,
        })
    }
}

fn credentials(user: Option<&str>, password: String) -> AdminCredentials {
    match user {
        Some(u) => AdminCredentials::with_user(u, password),
        None => AdminCredentials::new(password),
    }
}

/// The password for every device of an inventory: `PRINTOAUTH_ADMIN_PASSWORD`, else (on
/// a terminal, outside practice mode) one prompt, where an empty answer reads no device.
pub fn shared_password(prompt: &str, practice: bool) -> Result<Option<String>, CliError> {
    use std::io::IsTerminal;
    if let Ok(p) = std::env::var(PASSWORD_ENV) {
        if !p.is_empty() {
            return Ok(Some(p));
        }
    }
    if practice || !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    let p = rpassword::prompt_password(prompt).map_err(|e| CliError::PasswordUnreadable {
        detail: e.to_string(),
    })?;
    Ok((!p.is_empty()).then_some(p))
}

/// printoauth's folder of the user's configuration (`$XDG_CONFIG_HOME/printoauth`, else
/// `~/.config/printoauth`): the certificate pins and the audit trail.
fn config_folder() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("printoauth"))
}

fn default_pin_file() -> Option<PathBuf> {
    Some(config_folder()?.join("device-pins.json"))
}

/// The audit trail's database, beside the certificate pins.
pub fn default_audit_file() -> Option<PathBuf> {
    Some(config_folder()?.join(printoauth_core::audit::FILE_NAME))
}

/// "host", "host:port" (HTTPS port), "https://host:port" or "http://host:port".
fn parse_address(arg: &str) -> Result<DeviceAddress, CliError> {
    let a = arg.trim();
    let unreadable = || CliError::AddressUnreadable {
        address: a.to_string(),
    };
    if a.starts_with("https://") {
        return DeviceAddress::from_urls(Some(a), None).ok_or_else(unreadable);
    }
    if a.starts_with("http://") {
        return DeviceAddress::from_urls(None, Some(a)).ok_or_else(unreadable);
    }
    if a.is_empty() || a.contains('/') || a.contains(char::is_whitespace) {
        return Err(unreadable());
    }
    if a.parse::<std::net::IpAddr>().is_ok() {
        return Ok(DeviceAddress::new(a));
    }
    match a.rsplit_once(':') {
        Some((host, port)) if !host.contains(':') => {
            let port: u16 = port.parse().map_err(|_| unreadable())?;
            Ok(DeviceAddress::with_ports(host, Some(port), Some(80)))
        }
        _ => Ok(DeviceAddress::new(a)),
    }
}

fn prompt_password(device: &str) -> Result<String, CliError> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        return Err(CliError::PasswordMissing {
            device: device.to_string(),
            variable: PASSWORD_ENV.to_string(),
        });
    }
    rpassword::prompt_password(format!("Administrator password for {device}: ")).map_err(|e| {
        CliError::PasswordUnreadable {
            detail: e.to_string(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(
            parse_address("192.0.2.7").unwrap(),
            DeviceAddress::new("192.0.2.7")
        );
        assert_eq!(
            parse_address("printer.example:8443").unwrap(),
            DeviceAddress::with_ports("printer.example", Some(8443), Some(80))
        );
        assert_eq!(
            parse_address("https://192.0.2.7:4443").unwrap().https_port,
            Some(4443)
        );
        assert_eq!(parse_address("2001:db8::1").unwrap().host, "2001:db8::1");
        assert!(parse_address("a b").is_err());
    }
}
