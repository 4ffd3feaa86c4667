//! Live discovery for the device list: the core's mDNS browse, its events turned into
//! rows on the UI's channel, and a "quiet" event when nothing answered within a few
//! seconds (the UI then offers practice mode).

use std::time::Duration;

use printoauth_core::discovery::{
    network_interfaces, Discovery, DiscoveryEvent, DiscoveryOptions, InterfaceChoice,
};
use tauri::{AppHandle, Manager};

use crate::devices::{address_of, view_of, Registry};
use crate::error::AppError;
use crate::models::{DeviceListEvent, NetworkInterfaceView};
use crate::state::AppState;

/// How long without any device before the UI is told nothing answers.
pub const QUIET_AFTER: Duration = Duration::from_secs(4);

/// A running browse; dropping it stops it.
pub struct Browse {
    task: tauri::async_runtime::JoinHandle<()>,
}

impl Drop for Browse {
    fn drop(&mut self) {
        self.task.abort();
    }
}

pub fn interfaces() -> Vec<NetworkInterfaceView> {
    network_interfaces()
        .into_iter()
        .filter(|i| !i.loopback)
        .map(|i| NetworkInterfaceView {
            is_virtual: printoauth_core::discovery::is_virtual_interface(&i.name),
            addresses: i.addresses.iter().map(|a| a.to_string()).collect(),
            name: i.name,
        })
        .collect()
}

/// Browsing the host's network is what the app is for on a real LAN. Our own machines
/// run it in a network namespace; `PRINTOAUTH_LAN_DISCOVERY=0` refuses the host's.
fn allow_host_network() -> bool {
    std::env::var("PRINTOAUTH_LAN_DISCOVERY").as_deref() != Ok("0")
}

/// Starts (or restarts) browsing; rows go to the registry and the UI's channel.
pub fn start(app: &AppHandle, choice: InterfaceChoice) -> Result<(), AppError> {
    let state = app.state::<AppState>();
    state.discovery.lock().unwrap().take();
    let opts = DiscoveryOptions {
        interfaces: choice,
        allow_host_network: allow_host_network(),
        ..Default::default()
    };
    let started = Discovery::start(opts);
    let app2 = app.clone();
    let task = tauri::async_runtime::spawn(async move {
        let state = app2.state::<AppState>();
        let mut d = match started {
            Ok(d) => d,
            Err(e) => {
                state.emit_device(DeviceListEvent::Error {
                    error: AppError::from(printoauth_core::Error::from(e)),
                });
                state.emit_device(DeviceListEvent::Quiet { after_secs: 0 });
                return;
            }
        };
        let mut seen_any = false;
        let quiet_at = tokio::time::Instant::now() + QUIET_AFTER;
        loop {
            let next = if seen_any {
                d.next_event().await
            } else {
                match tokio::time::timeout_at(quiet_at, d.next_event()).await {
                    Ok(e) => e,
                    Err(_) => {
                        seen_any = true; // tell once
                        state.emit_device(DeviceListEvent::Quiet {
                            after_secs: QUIET_AFTER.as_secs() as u32,
                        });
                        continue;
                    }
                }
            };
            let Some(event) = next else { break };
            seen_any = true;
            if let Some(e) = apply(&state.registry, event) {
                state.emit_device(e);
            }
        }
        d.stop();
    });
    *state.discovery.lock().unwrap() = Some(Browse { task });
    Ok(())
}

/// One discovery event into the registry; the row event for the UI.
pub fn apply(reg: &Registry, event: DiscoveryEvent) -> Option<DeviceListEvent> {
    match event {
        DiscoveryEvent::Added(d) | DiscoveryEvent::Changed(d) => {
            let address = address_of(&d)?;
            let (device, new) = reg.upsert(Registry::entry(view_of(&d, false), d.vendor, address));
            Some(if new {
                DeviceListEvent::Added { device }
            } else {
                DeviceListEvent::Changed { device }
            })
        }
        DiscoveryEvent::Removed { id } => {
            reg.remove(&id).then_some(DeviceListEvent::Removed { id })
        }
    }
}
