//! Practice mode: the emulated office of printoauth-sim (Epson Web Config devices, an
//! Entra ID emulator, an Exchange-like SMTP server), started in this process on
//! loopback. Its devices are never announced on the network: their DNS-SD records are
//! handed to the core's recognition in-process, so they reach the device list through
//! the same merge as real mDNS answers.
//!
//! Fault toggles, for training: a wrong administrator password, firmware without
//! OAuth2, a Conditional Access policy blocking the device code flow, a device
//! whose sign-in has lapsed, and a device page printoauth cannot read (its Sign In
//! button worded differently), which leads to the steps done by hand.

use std::collections::BTreeSet;

use printoauth_core::devices::{AdminCredentials, DeviceAddress};
use printoauth_core::discovery::{merge_services, ServiceRecord, TxtItem};
use printoauth_core::identity::Authority;
use printoauth_core::mail::SmtpServer;
use printoauth_core::tenant_check::TenantCheckConfig;
use printoauth_sim::config::WorldConfig;
use printoauth_sim::tenant::AccountKind;
use printoauth_sim::world::{DeviceSummary, World, WorldSummary};

use crate::devices::{view_of, Registry};
use crate::error::{AppError, ErrorCode};
use crate::models::{
    PracticeAccountKind, PracticeFault, PracticeFaultState, PracticeInfo, PracticeUser,
};

/// The most devices practice mode starts.
pub const MAX_DEVICES: usize = 50;

/// A password no trainee is given, for the wrong-password fault.
const CHANGED_PASSWORD: &str = "changed-by-someone-else";
/// Firmware older than any OAuth2 firmware, for the no-OAuth2 fault.
const OLD_FIRMWARE: &str = "01.00.AA01";
/// How the unreadable-page fault words the device's Sign In button.
pub const UNFAMILIAR_SIGN_IN: &str = "Connect to the mail service";

pub struct Practice {
    world: World,
    summary: WorldSummary,
    /// (device id, device index) of each emulated device.
    ids: Vec<(String, usize)>,
    faults: BTreeSet<(PracticeFault, Option<String>)>,
    /// Original firmware and password of devices with a fault on.
    originals: Vec<(usize, String, String)>,
}

impl Practice {
    /// Starts a world with `n` Epson devices of both firmware families.
    pub async fn start(n: usize) -> Result<Practice, AppError> {
        let n = n.clamp(1, MAX_DEVICES);
        let world = World::start(WorldConfig::with_epson_devices(n))
            .await
            .map_err(AppError::internal)?;
        let summary = world.summary();
        Ok(Practice {
            world,
            summary,
            ids: Vec::new(),
            faults: BTreeSet::new(),
            originals: Vec::new(),
        })
    }

    pub fn stop(self) {
        self.world.stop();
    }

    /// Puts the emulated devices into the device list (as discovery would).
    pub fn register(&mut self, reg: &Registry) -> Vec<crate::models::DeviceView> {
        let mut views = Vec::new();
        self.ids.clear();
        for d in &self.summary.devices {
            let records: Vec<ServiceRecord> = d
                .services
                .iter()
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
            let Some(found) = merge_services(&records).into_iter().next() else {
                continue;
            };
            let Some(address) = DeviceAddress::from_urls(Some(&d.https_url), Some(&d.http_url))
            else {
                continue;
            };
            let mut entry = Registry::entry(view_of(&found, true), found.vendor, address);
            entry.practice_login = Some(login_of(d));
            self.ids.push((found.id.clone(), d.index));
            let (view, _) = reg.upsert(entry);
            views.push(view);
        }
        views
    }

    /// The emulated vendor's support list: which of its models have an OAuth2
    /// firmware, from which version.
    pub fn model_knowledge(&self) -> printoauth_core::inventory::ModelKnowledge {
        printoauth_core::inventory::ModelKnowledge {
            models: self
                .summary
                .support_list
                .iter()
                .map(|m| printoauth_core::inventory::KnownModel {
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

    pub fn info(&self, reg: &Registry) -> PracticeInfo {
        let admin = self.info_sender();
        let first = self.summary.devices.first();
        PracticeInfo {
            devices: self
                .ids
                .iter()
                .filter_map(|(id, _)| reg.get(id).ok().map(|e| e.view))
                .collect(),
            admin_user: first.and_then(|d| d.admin_user.clone()).unwrap_or_default(),
            admin_password: first.map(|d| d.admin_password.clone()).unwrap_or_default(),
            sender: admin,
            users: self
                .summary
                .tenant
                .users
                .iter()
                .map(|u| PracticeUser {
                    upn: u.upn.clone(),
                    password: u.password.clone(),
                    role: u.role.display().to_string(),
                    kind: match (u.kind, &u.federated_idp) {
                        (AccountKind::Personal, _) => PracticeAccountKind::Personal,
                        (_, Some(_)) => PracticeAccountKind::Federated,
                        _ => PracticeAccountKind::Work,
                    },
                    idp_host: u.federated_idp.clone(),
                })
                .collect(),
            faults: self
                .faults
                .iter()
                .map(|(f, d)| PracticeFaultState {
                    fault: *f,
                    device: d.clone(),
                    on: true,
                })
                .collect(),
        }
    }

    /// The hosts the emulated sign-in stands in for, each with its loopback origin:
    /// the sign-in window may open those that stand for Microsoft's sign-in hosts.
    pub fn sign_in_hosts(&self) -> Vec<crate::consent::PracticeHost> {
        self.summary
            .identity
            .origins
            .iter()
            .filter_map(|o| {
                let u = url::Url::parse(&o.origin).ok()?;
                Some(crate::consent::PracticeHost {
                    host: o.host.clone(),
                    origin: u.origin().ascii_serialization(),
                    microsoft: o.microsoft,
                })
            })
            .collect()
    }

    /// The tenant check against the emulated sign-in and mail servers.
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

    fn index_of(&self, id: &str) -> Result<usize, AppError> {
        self.ids
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, idx)| *idx)
            .ok_or_else(|| AppError::new(ErrorCode::DeviceUnknown).with("id", id))
    }

    /// The emulated device of the app's device `id` (its index in the world, itself).
    fn emulated(
        &self,
        id: Option<&str>,
    ) -> Result<(usize, printoauth_sim::device::Device), AppError> {
        let idx = self.index_of(id.unwrap_or_default())?;
        let dev = self
            .world
            .device(idx)
            .ok_or_else(|| AppError::internal("no such emulated device"))?;
        Ok((idx, dev.clone()))
    }

    /// Turns a fault on or off. Device faults need `device`; Conditional Access is
    /// tenant-wide.
    pub async fn set_fault(
        &mut self,
        fault: PracticeFault,
        device: Option<String>,
        on: bool,
    ) -> Result<(), AppError> {
        let key_device = match fault {
            PracticeFault::ConditionalAccess => None,
            _ => {
                Some(device.ok_or_else(|| AppError::new(ErrorCode::DeviceUnknown).with("id", ""))?)
            }
        };
        match fault {
            PracticeFault::ConditionalAccess => {
                self.world.tenant().config().block_device_code_flow = on;
            }
            PracticeFault::WrongPassword | PracticeFault::NoOauth2 => {
                let (idx, dev) = self.emulated(key_device.as_deref())?;
                let mut st = dev.state();
                if !self.originals.iter().any(|(i, _, _)| *i == idx) {
                    self.originals
                        .push((idx, st.firmware.clone(), st.admin_password.clone()));
                }
                let (_, fw, pw) = self
                    .originals
                    .iter()
                    .find(|(i, _, _)| *i == idx)
                    .cloned()
                    .unwrap();
                match (fault, on) {
                    (PracticeFault::WrongPassword, true) => {
                        st.admin_password = CHANGED_PASSWORD.into();
                        st.failed_logins = 0;
                    }
                    (PracticeFault::WrongPassword, false) => st.admin_password = pw,
                    (_, true) => st.firmware = OLD_FIRMWARE.into(),
                    (_, false) => st.firmware = fw,
                }
            }
            PracticeFault::UnreadablePage => {
                let (_, dev) = self.emulated(key_device.as_deref())?;
                let mut st = dev.state();
                st.faults.relabel.retain(|(from, _)| from != "Sign In");
                if on {
                    st.faults
                        .relabel
                        .push(("Sign In".into(), UNFAMILIAR_SIGN_IN.into()));
                }
            }
            PracticeFault::ExpiredSignIn => {
                let (_, dev) = self.emulated(key_device.as_deref())?;
                if on {
                    // The sign-in lapses, and the next scan to email fails as it
                    // would at the office (job history code 361).
                    dev.expire_tokens();
                    let to = self.info_sender();
                    dev.scan_to_email(&to, 1).await;
                }
            }
        }
        if on {
            self.faults.insert((fault, key_device));
        } else {
            self.faults.remove(&(fault, key_device));
        }
        Ok(())
    }

    fn info_sender(&self) -> String {
        self.summary
            .tenant
            .users
            .first()
            .map(|u| u.upn.clone())
            .unwrap_or_default()
    }
}

fn login_of(d: &DeviceSummary) -> AdminCredentials {
    match &d.admin_user {
        Some(u) => AdminCredentials::with_user(u.clone(), d.admin_password.clone()),
        None => AdminCredentials::new(d.admin_password.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use printoauth_core::devices::OAuthTarget;
    use printoauth_core::run::{configure_device, DeviceState, DeviceTask, RunOptions};

    #[tokio::test(flavor = "multi_thread")]
    async fn the_unreadable_page_fault_stops_a_run_with_the_steps_to_do_by_hand() {
        let mut p = Practice::start(1).await.unwrap();
        let reg = Registry::default();
        let id = p.register(&reg)[0].id.clone();
        p.set_fault(PracticeFault::UnreadablePage, Some(id.clone()), true)
            .await
            .unwrap();
        assert!(p
            .info(&reg)
            .faults
            .iter()
            .any(|f| f.fault == PracticeFault::UnreadablePage && f.on));
        let entry = reg.get(&id).unwrap();
        let opts = printoauth_core::devices::ConnectOptions::default();
        let task = DeviceTask {
            id: id.clone(),
            driver: reg.driver(&id, &opts).unwrap(),
            credentials: entry.practice_login.clone().unwrap(),
            target: OAuthTarget::exchange_online(p.info_sender()),
            web_config_url: printoauth_core::manual::web_config_url(&entry.address),
        };
        let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
        let o = configure_device(&task, &RunOptions::default(), &tx).await;
        let DeviceState::Failed {
            manual: Some(m), ..
        } = &o.state
        else {
            panic!("expected the manual path, got {:?}", o.state);
        };
        assert_eq!(m.missing, "button 'Sign In'");

        p.set_fault(PracticeFault::UnreadablePage, Some(id.clone()), false)
            .await
            .unwrap();
        assert!(p.info(&reg).faults.is_empty());
        assert!(p.world.device(0).unwrap().state().faults.relabel.is_empty());
        p.stop();
    }
}
