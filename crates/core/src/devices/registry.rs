//! Which driver talks to which device. Front ends never construct a vendor's driver:
//! they ask a [`DriverRegistry`] for the driver of a discovered device (its vendor)
//! or of an address someone typed, and get a [`Connection`] to hand to a run.
//!
//! A new vendor is one [`DriverFamily`] registered here ([`DriverRegistry::standard`]
//! lists the families printoauth ships); neither the app nor the CLI changes.

use std::sync::Arc;

use super::epson::EpsonWebConfig;
use super::{ConnectOptions, DeviceAddress, DeviceDriver, DeviceError};
use crate::discovery::{DiscoveredDevice, Vendor};

/// One family of devices printoauth can configure (a vendor's web UI).
pub trait DriverFamily: Send + Sync {
    /// A stable name, e.g. "epson-web-config".
    fn name(&self) -> &'static str;
    /// Whether this family drives the devices of `vendor`.
    fn drives(&self, vendor: Vendor) -> bool;
    /// A driver for the device at `address`.
    fn connect(&self, address: DeviceAddress, opts: ConnectOptions) -> Arc<dyn DeviceDriver>;
    /// The device's own admin page for a person's browser (named in the steps to do
    /// by hand).
    fn admin_page_url(&self, address: &DeviceAddress) -> String {
        crate::manual::web_config_url(address)
    }
}

/// Epson Web Config.
pub struct EpsonWebConfigFamily;

impl DriverFamily for EpsonWebConfigFamily {
    fn name(&self) -> &'static str {
        "epson-web-config"
    }
    fn drives(&self, vendor: Vendor) -> bool {
        vendor == Vendor::Epson
    }
    fn connect(&self, address: DeviceAddress, opts: ConnectOptions) -> Arc<dyn DeviceDriver> {
        Arc::new(EpsonWebConfig::new(address, opts))
    }
}

/// A device's driver with what a run needs besides it.
#[derive(Clone)]
pub struct Connection {
    pub driver: Arc<dyn DeviceDriver>,
    pub address: DeviceAddress,
    /// The device's admin page for a person's browser.
    pub admin_page_url: String,
    /// The family's name ([`DriverFamily::name`]).
    pub family: &'static str,
}

/// The driver families, searched newest registration first.
#[derive(Clone)]
pub struct DriverRegistry {
    families: Vec<Arc<dyn DriverFamily>>,
    /// The family tried for an address whose vendor is unknown.
    unknown_vendor: Option<Arc<dyn DriverFamily>>,
}

impl Default for DriverRegistry {
    fn default() -> Self {
        Self::standard()
    }
}

impl DriverRegistry {
    /// No family at all.
    pub fn empty() -> Self {
        Self {
            families: Vec::new(),
            unknown_vendor: None,
        }
    }

    /// The families printoauth ships. An address typed without a known vendor is
    /// tried with Epson Web Config, whose driver says exactly what it did not find
    /// when the device is something else.
    pub fn standard() -> Self {
        let epson: Arc<dyn DriverFamily> = Arc::new(EpsonWebConfigFamily);
        Self {
            families: vec![epson.clone()],
            unknown_vendor: Some(epson),
        }
    }

    /// Adds a family; it takes precedence over those registered before it.
    pub fn register(&mut self, family: Arc<dyn DriverFamily>) {
        self.families.insert(0, family);
    }

    /// The family for `vendor`, if printoauth can configure its devices.
    pub fn family(&self, vendor: Vendor) -> Option<&Arc<dyn DriverFamily>> {
        self.families.iter().find(|f| f.drives(vendor))
    }

    pub fn supports(&self, vendor: Vendor) -> bool {
        self.family(vendor).is_some()
    }

    /// A driver for a device of `vendor` (`None`: not known, e.g. a typed address)
    /// at `address`.
    pub fn connect(
        &self,
        vendor: Option<Vendor>,
        address: DeviceAddress,
        opts: ConnectOptions,
    ) -> Result<Connection, DeviceError> {
        let family = match vendor {
            Some(v) => self.family(v),
            None => self.unknown_vendor.as_ref(),
        }
        .ok_or_else(|| DeviceError::DeviceUnsupported {
            vendor: vendor
                .map(|v| {
                    serde_json::to_value(v)
                        .ok()
                        .and_then(|s| s.as_str().map(str::to_string))
                        .unwrap_or_default()
                })
                .unwrap_or_default(),
            address: address.host.clone(),
        })?;
        Ok(Connection {
            driver: family.connect(address.clone(), opts),
            admin_page_url: family.admin_page_url(&address),
            address,
            family: family.name(),
        })
    }

    /// A driver for a discovered device, reached at its first address (IPv4 first,
    /// else its host name) on the standard ports.
    pub fn connect_discovered(
        &self,
        d: &DiscoveredDevice,
        opts: ConnectOptions,
    ) -> Result<Connection, DeviceError> {
        let address = address_of(d).ok_or_else(|| DeviceError::DeviceUnreachable {
            address: d.id.clone(),
            detail: "no address announced".into(),
        })?;
        self.connect(Some(d.vendor), address, opts)
    }
}

/// Where a discovered device's web server is: its first address (IPv4 first), else
/// its host name, on the standard ports.
pub fn address_of(d: &DiscoveredDevice) -> Option<DeviceAddress> {
    let mut addrs = d.addresses.clone();
    addrs.sort_by_key(|a| a.is_ipv6());
    if let Some(a) = addrs.first() {
        return Some(DeviceAddress::new(a.to_string()));
    }
    d.host_name
        .as_ref()
        .map(|h| DeviceAddress::new(h.trim_end_matches('.').to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_families_drive_epson_only() {
        let r = DriverRegistry::standard();
        assert!(r.supports(Vendor::Epson));
        assert!(!r.supports(Vendor::Brother));
        let c = r
            .connect(
                Some(Vendor::Epson),
                DeviceAddress::new("192.0.2.7"),
                ConnectOptions::default(),
            )
            .unwrap();
        assert_eq!(c.family, "epson-web-config");
        assert_eq!(c.admin_page_url, "https://192.0.2.7/");
        let e = r
            .connect(
                Some(Vendor::Brother),
                DeviceAddress::new("192.0.2.8"),
                ConnectOptions::default(),
            )
            .err()
            .unwrap();
        assert_eq!(
            e,
            DeviceError::DeviceUnsupported {
                vendor: "brother".into(),
                address: "192.0.2.8".into()
            }
        );
        // A typed address without a vendor is tried with Web Config.
        let c = r
            .connect(None, DeviceAddress::new("192.0.2.9"), Default::default())
            .unwrap();
        assert_eq!(c.family, "epson-web-config");
        assert!(DriverRegistry::empty()
            .connect(None, DeviceAddress::new("192.0.2.9"), Default::default())
            .is_err());
    }
}
