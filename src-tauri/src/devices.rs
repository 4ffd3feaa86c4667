//! The app's list of devices: what discovery (or practice mode, or a manual add) found,
//! with how to reach each one and, once read, whether OAuth2 is possible and how mail
//! is set up. One driver per device, kept so its session and certificate pin are reused.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use printoauth_core::devices::{
    AdminCredentials, AuthMethod, ConnectOptions, Connection, DeviceAddress, DeviceDriver,
    DriverRegistry, EmailSettings,
};
use printoauth_core::discovery::{DiscoveredDevice, Vendor};
use printoauth_core::text::plain;

use crate::error::{AppError, ErrorCode};
use crate::models::{DeviceView, MailStatus, Oauth2Support};

#[derive(Clone)]
pub struct DeviceEntry {
    pub view: DeviceView,
    pub address: DeviceAddress,
    /// Practice mode: the emulated device's own administrator log-in.
    pub practice_login: Option<AdminCredentials>,
    /// The newest job history entry when the app last signed the device in: older
    /// failures are history (see `troubleshoot_after`).
    pub seen_receipt: Option<String>,
    /// Who made it (decides its driver family).
    pub vendor: Vendor,
    connection: Option<Connection>,
}

/// The device list, shared by the commands; drivers come from the engine's
/// [`DriverRegistry`].
#[derive(Clone, Default)]
pub struct Registry {
    inner: Arc<Mutex<BTreeMap<String, DeviceEntry>>>,
    drivers: DriverRegistry,
}

pub fn vendor_name(v: Vendor) -> String {
    crate::models::wire_name(&v, None)
}

/// The longest model and host name a row shows (real ones are under 40 characters).
const MODEL_MAX: usize = 80;
const HOST_NAME_MAX: usize = 64;

/// The row for a discovered device (OAuth2 and mail status not read yet).
pub fn view_of(d: &DiscoveredDevice, practice: bool) -> DeviceView {
    DeviceView {
        id: d.id.clone(),
        vendor: vendor_name(d.vendor),
        // What anyone on the LAN may announce is shown as bounded plain text.
        model: d.model.as_deref().map(|m| plain(m, MODEL_MAX)),
        host_name: d.host_name.as_deref().map(|h| plain(h, HOST_NAME_MAX)),
        addresses: d.addresses.iter().map(|a| a.to_string()).collect(),
        admin_url: d.admin_url.clone(),
        supported: DriverRegistry::standard().supports(d.vendor),
        oauth2: Oauth2Support::Unknown,
        mail_status: MailStatus::NotChecked,
        practice,
    }
}

/// Where a discovered device's web server is (the engine decides).
pub use printoauth_core::devices::registry::address_of;

pub fn mail_status_of(s: &EmailSettings) -> MailStatus {
    match (&s.auth_method, s.signed_in) {
        (AuthMethod::OAuth2, true) => MailStatus::Oauth2SignedIn,
        (AuthMethod::OAuth2, false) => MailStatus::Oauth2SignedOut,
        _ => MailStatus::BasicAuth,
    }
}

impl Registry {
    /// Adds or replaces a device; keeps what was already read about it (OAuth2, mail
    /// status) and its driver when the address is unchanged. Returns the row and
    /// whether it is new.
    pub fn upsert(&self, mut entry: DeviceEntry) -> (DeviceView, bool) {
        let mut map = self.inner.lock().unwrap();
        let new = match map.get(&entry.view.id) {
            Some(old) => {
                entry.view.oauth2 = old.view.oauth2;
                entry.view.mail_status = old.view.mail_status;
                if old.address == entry.address {
                    entry.connection = old.connection.clone();
                }
                if entry.practice_login.is_none() {
                    entry.practice_login = old.practice_login.clone();
                }
                entry.seen_receipt = old.seen_receipt.clone();
                false
            }
            None => true,
        };
        let view = entry.view.clone();
        map.insert(view.id.clone(), entry);
        (view, new)
    }

    pub fn entry(view: DeviceView, vendor: Vendor, address: DeviceAddress) -> DeviceEntry {
        DeviceEntry {
            view,
            address,
            practice_login: None,
            seen_receipt: None,
            vendor,
            connection: None,
        }
    }

    pub fn remove(&self, id: &str) -> bool {
        self.inner.lock().unwrap().remove(id).is_some()
    }

    /// Removes every practice device; returns their ids.
    pub fn remove_practice(&self) -> Vec<String> {
        let mut map = self.inner.lock().unwrap();
        let ids: Vec<String> = map
            .values()
            .filter(|e| e.view.practice)
            .map(|e| e.view.id.clone())
            .collect();
        for id in &ids {
            map.remove(id);
        }
        ids
    }

    pub fn get(&self, id: &str) -> Result<DeviceEntry, AppError> {
        self.inner
            .lock()
            .unwrap()
            .get(id)
            .cloned()
            .ok_or_else(|| AppError::new(ErrorCode::DeviceUnknown).with("id", id))
    }

    pub fn views(&self) -> Vec<DeviceView> {
        self.inner
            .lock()
            .unwrap()
            .values()
            .map(|e| e.view.clone())
            .collect()
    }

    /// The device's driver and admin page (made on first use with `opts`, by the
    /// engine's registry). Devices no driver family drives are refused.
    pub fn connection(&self, id: &str, opts: &ConnectOptions) -> Result<Connection, AppError> {
        let mut map = self.inner.lock().unwrap();
        let e = map
            .get_mut(id)
            .ok_or_else(|| AppError::new(ErrorCode::DeviceUnknown).with("id", id))?;
        if let Some(c) = &e.connection {
            return Ok(c.clone());
        }
        let c = self
            .drivers
            .connect(Some(e.vendor), e.address.clone(), opts.clone())
            .map_err(printoauth_core::Error::from)?;
        e.connection = Some(c.clone());
        Ok(c)
    }

    /// The device's driver ([`Registry::connection`]).
    pub fn driver(
        &self,
        id: &str,
        opts: &ConnectOptions,
    ) -> Result<Arc<dyn DeviceDriver>, AppError> {
        Ok(self.connection(id, opts)?.driver)
    }

    pub fn set_seen_receipt(&self, id: &str, receipt: Option<String>) {
        if let Some(e) = self.inner.lock().unwrap().get_mut(id) {
            e.seen_receipt = receipt;
        }
    }

    /// Records what was read from the device; returns the updated row.
    pub fn update(
        &self,
        id: &str,
        oauth2: Option<bool>,
        settings: Option<&EmailSettings>,
    ) -> Option<DeviceView> {
        let mut map = self.inner.lock().unwrap();
        let e = map.get_mut(id)?;
        if let Some(o) = oauth2 {
            e.view.oauth2 = if o {
                Oauth2Support::Yes
            } else {
                Oauth2Support::No
            };
        }
        if let Some(s) = settings {
            e.view.mail_status = mail_status_of(s);
            if matches!(s.auth_method, AuthMethod::OAuth2) {
                e.view.oauth2 = Oauth2Support::Yes;
            }
        }
        Some(e.view.clone())
    }
}

impl Registry {
    /// Records what an inventory read (`None`: leave as it is); returns the updated row.
    pub fn set_read(
        &self,
        id: &str,
        oauth2: Option<Oauth2Support>,
        mail: Option<MailStatus>,
    ) -> Option<DeviceView> {
        let mut map = self.inner.lock().unwrap();
        let e = map.get_mut(id)?;
        if let Some(o) = oauth2 {
            e.view.oauth2 = o;
        }
        if let Some(m) = mail {
            e.view.mail_status = m;
        }
        Some(e.view.clone())
    }
}

/// The device's own web page (Web Config) for the user's browser: https at the
/// address printoauth reaches it on.
pub fn web_config_url(reg: &Registry, id: &str) -> Result<String, AppError> {
    let e = reg.get(id)?;
    if e.address.https_port.is_none() {
        return Err(AppError::new(ErrorCode::UrlNotAllowed)
            .with("url", printoauth_core::manual::web_config_url(&e.address)));
    }
    Ok(printoauth_core::manual::web_config_url(&e.address))
}

/// Pins `fingerprint` (SHA-256, as the engine reported it) for the device from now on.
pub fn trust_certificate(
    entry: &DeviceEntry,
    opts: &ConnectOptions,
    fingerprint: &str,
) -> Result<(), AppError> {
    let fp = printoauth_core::devices::pin::parse_fingerprint(fingerprint)
        .ok_or_else(|| AppError::internal(format!("not a SHA-256 fingerprint: {fingerprint:?}")))?;
    opts.pin_store
        .set(&entry.address.pin_key(), &fp)
        .map_err(|e| AppError::from(printoauth_core::Error::from(e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use printoauth_core::discovery::{merge_services, ServiceRecord, TxtItem};

    #[test]
    fn a_devices_page_is_its_https_address() {
        let d = discovered();
        let reg = Registry::default();
        let view = view_of(&d, false);
        reg.upsert(Registry::entry(
            view.clone(),
            d.vendor,
            address_of(&d).unwrap(),
        ));
        assert_eq!(
            web_config_url(&reg, &view.id).unwrap(),
            "https://192.0.2.7/"
        );
        let mut plain = view.clone();
        plain.id = "plain".into();
        reg.upsert(Registry::entry(
            plain,
            Vendor::Epson,
            DeviceAddress::with_ports("192.0.2.8", None, Some(80)),
        ));
        assert_eq!(
            web_config_url(&reg, "plain").unwrap_err().code,
            "url-not-allowed"
        );
        assert_eq!(
            web_config_url(&reg, "nope").unwrap_err().code,
            "device-unknown"
        );
    }

    fn discovered() -> DiscoveredDevice {
        let r = ServiceRecord::new(
            "EPSON ET-4850 Series._ipp._tcp.local.",
            "_ipp._tcp.local.",
            "EPSON4A3AAB.local.",
            631,
            ["192.0.2.7".parse().unwrap()],
            [
                TxtItem::new("usb_MFG", "EPSON"),
                TxtItem::new("usb_MDL", "ET-4850 Series"),
                TxtItem::new("UUID", "cfe92100-67c4-11d4-a45f-f8d0274a3aab"),
                TxtItem::new(
                    "adminurl",
                    "http://EPSON4A3AAB.local.:80/PRESENTATION/BONJOUR",
                ),
            ],
        );
        merge_services(&[r]).remove(0)
    }

    #[test]
    fn announced_text_is_shown_plain_and_bounded() {
        let mut d = discovered();
        d.model = Some(format!(
            "\u{202e}<b>WF</b>\u{1b}[31m\u{0}{}",
            "M".repeat(10_000)
        ));
        d.host_name = Some("EPSON\u{2066}\u{7}A".into());
        let view = view_of(&d, false);
        let model = view.model.unwrap();
        assert!(model.starts_with("<b>WF</b> M"), "{model:?}");
        assert_eq!(model.chars().count(), MODEL_MAX);
        assert_eq!(view.host_name.as_deref(), Some("EPSON A"));
    }

    #[test]
    fn rows_keep_what_was_read_when_rediscovered() {
        let d = discovered();
        let reg = Registry::default();
        let view = view_of(&d, false);
        assert_eq!(view.vendor, "epson");
        assert_eq!(view.model.as_deref(), Some("ET-4850 Series"));
        assert_eq!(view.oauth2, Oauth2Support::Unknown);
        let addr = address_of(&d).unwrap();
        assert_eq!(addr.host, "192.0.2.7");
        let (_, new) = reg.upsert(Registry::entry(view.clone(), d.vendor, addr.clone()));
        assert!(new);
        reg.update(&view.id, Some(true), None);
        let (again, new) = reg.upsert(Registry::entry(view.clone(), d.vendor, addr));
        assert!(!new);
        assert_eq!(
            again.oauth2,
            Oauth2Support::Yes,
            "kept across a Changed event"
        );
        assert!(reg.get("nope").is_err());
        assert_eq!(reg.get("nope").err().unwrap().code, "device-unknown");
    }

    #[test]
    fn a_trusted_certificate_is_pinned_for_the_devices_https_address() {
        let d = discovered();
        let entry = Registry::entry(view_of(&d, false), d.vendor, address_of(&d).unwrap());
        let opts = ConnectOptions::default();
        let new = "AB:".repeat(31) + "CD";
        trust_certificate(&entry, &opts, &new).unwrap();
        assert_eq!(
            opts.pin_store.get("192.0.2.7:443").unwrap().as_deref(),
            Some(("ab".repeat(31) + "cd").as_str())
        );
        assert_eq!(
            trust_certificate(&entry, &opts, "12:34").unwrap_err().code,
            "internal"
        );
    }
}
