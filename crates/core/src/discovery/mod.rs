//! Discovery of printers and scanners on the local network.
//!
//! # API
//!
//! ```ignore
//! // Live: browse, merge, and follow the devices as they come and go.
//! let mut d = Discovery::start(DiscoveryOptions { allow_host_network: true, ..Default::default() })?;
//! while let Some(ev) = d.next_event().await {
//!     match ev {
//!         DiscoveryEvent::Added(dev) | DiscoveryEvent::Changed(dev) => { /* show dev */ }
//!         DiscoveryEvent::Removed { id } => { /* drop id */ }
//!     }
//! }
//! let now: Vec<DiscoveredDevice> = d.snapshot();
//! d.stop();
//!
//! // One shot: browse for a while and return what was found.
//! let devices = discover_for(opts, Duration::from_secs(3)).await?;
//!
//! // Manual add by IP or host name (web server probe, no mDNS).
//! let dev = probe("192.168.1.40").await?;
//! ```
//!
//! * [`DiscoveryOptions`]: `interfaces` ([`InterfaceChoice::Default`] skips VPN and
//!   virtual interfaces — tun*, tap*, wg*, utun*, ppp*, docker*, veth*, virbr*,
//!   vboxnet*, vmnet*; `Only(names)`; `All`), `service_types` (default:
//!   [`DEFAULT_SERVICE_TYPES`]: `_ipp`, `_ipps`, `_printer`, `_pdl-datastream`,
//!   `_http`, `_uscan`, `_scanner`, all `._tcp.local.`), and `allow_host_network`.
//! * [`DiscoveredDevice`]: one entry per device, its services merged by UUID (unless
//!   the services' vendors disagree), then host name, then address. `id` is stable
//!   for the life of a [`Discovery`]: "uuid:<uuid>", else "host:<name>", else
//!   "addr:<ip>" (probe: "host:<name>" / "addr:<ip>"). `vendor` from TXT
//!   (usb_MFG/MFG, ty, product, UUID prefixes, adminurl shapes, host-name shapes,
//!   mac=, rp=); `model` from usb_MDL (else MDL, else ty without the vendor word);
//!   `addresses` from A/AAAA records; `admin_url` from adminurl (else
//!   http://host:port of `_http`); `mac` from mac= or the Epson/Brother UUID tail;
//!   `capabilities` from the service types and Scan=/Fax=/rfo; `supported` is true
//!   for Epson only; `services` are the raw records, for diagnostics.
//! * [`DiscoveryEvent`]: `Added`, `Changed`, `Removed { id }` (all services of the
//!   device removed: goodbye packets or TTL lapsed).
//!
//! # Network rule
//!
//! mDNS joins 224.0.0.251 on every interface of the network namespace before any
//! interface filter applies. [`Discovery::start`] therefore refuses to run in the
//! host's network namespace (Linux: the one PID 1 is in) with
//! [`DiscoveryError::DiscoveryHostNetworkRefused`] unless
//! `allow_host_network` is true — the app on a user's LAN sets it; tests never do
//! and browse only inside network namespaces they create. Where the namespace cannot
//! be told (not Linux, /proc unreadable) it refuses too unless opted in. [`probe`]
//! sends no multicast: it talks to the one host it is given.
//!
//! # Inside
//!
//! `recognize` (pure: TXT -> vendor/model/URL/MAC/capabilities, grouping of services),
//! `merge` ([`DeviceSet`]: the live set, stable ids, Added/Changed/Removed; also
//! usable in-process, e.g. to feed emulated devices without multicast), `probe`
//! (the web-server probe). One thread per service type drains mdns-sd's channel into
//! the [`DeviceSet`]; events reach [`Discovery::next_event`] over an unbounded
//! channel, so no async runtime is needed to start. Hostile input is bounded: TXT
//! values are cut to 512 chars, 128 items per service, 4096 services in all.

mod merge;
mod probe;
mod recognize;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use mdns_sd::{IfKind, IfPredicate, ServiceDaemon, ServiceEvent};
use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;

pub use merge::{build_device, merge_services, DeviceSet, ServiceChange};
pub use probe::{probe, recognize_page, PageRecognition};
pub use recognize::{
    group_keys, group_services, normalise_mac, normalise_uuid, recognize, service_vendor,
    valid_admin_url, vendor_from_name, Capabilities, Recognition, ServiceKey, ServiceRecord,
    TxtItem, Vendor, DEFAULT_SERVICE_TYPES,
};

/// Discovery's errors: a stable code and the values a message needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum DiscoveryError {
    /// Browsing would multicast from the host's network namespace and the caller did
    /// not opt in (`allow_host_network`).
    #[error("mDNS refused in the host's network namespace {namespace}")]
    DiscoveryHostNetworkRefused { namespace: String },
    /// The mDNS daemon could not start or browse.
    #[error("mDNS unavailable: {detail}")]
    DiscoveryMdnsUnavailable { detail: String },
    /// A service type that is not "_x._tcp.local." / "_x._udp.local.".
    #[error("invalid service type {service_type}")]
    DiscoveryInvalidServiceType { service_type: String },
    /// `InterfaceChoice::Only` named interfaces this machine does not have.
    #[error("no such network interface: {names:?}")]
    DiscoveryInterfaceNotFound { names: Vec<String> },
    /// `probe` was given something that is neither an IP address nor a host name.
    #[error("not an IP address or host name: {host}")]
    DiscoveryProbeInvalidHost { host: String },
    /// No web server answered at `host` (https nor http).
    #[error("no web server answered at {host}: {detail}")]
    DiscoveryProbeUnreachable { host: String, detail: String },
}

/// Which network interfaces to browse on.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum InterfaceChoice {
    /// Every interface except VPN and virtual ones (see [`is_virtual_interface`]).
    #[default]
    Default,
    /// Only these interfaces (by name).
    Only(Vec<String>),
    /// Every interface.
    All,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiscoveryOptions {
    pub interfaces: InterfaceChoice,
    /// Service types with domain ("_ipp._tcp.local."); "._local." is added when missing.
    pub service_types: Vec<String>,
    /// Browse even in the host's network namespace. The app on a real LAN sets it;
    /// tests never do.
    pub allow_host_network: bool,
}

impl Default for DiscoveryOptions {
    fn default() -> Self {
        DiscoveryOptions {
            interfaces: InterfaceChoice::Default,
            service_types: DEFAULT_SERVICE_TYPES
                .iter()
                .map(|s| s.to_string())
                .collect(),
            allow_host_network: false,
        }
    }
}

/// One device, its services merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiscoveredDevice {
    pub id: String,
    pub vendor: Vendor,
    pub model: Option<String>,
    pub host_name: Option<String>,
    pub addresses: Vec<std::net::IpAddr>,
    pub admin_url: Option<String>,
    pub mac: Option<String>,
    pub capabilities: Capabilities,
    /// printoauth can configure it (Epson); others are listed as "not supported yet".
    pub supported: bool,
    pub services: Vec<ServiceRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DiscoveryEvent {
    Added(DiscoveredDevice),
    Changed(DiscoveredDevice),
    Removed { id: String },
}

/// VPN and virtual interfaces skipped by [`InterfaceChoice::Default`].
pub fn is_virtual_interface(name: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "tun", "tap", "wg", "utun", "ppp", "docker", "veth", "virbr", "vboxnet", "vmnet",
    ];
    let n = name.to_ascii_lowercase();
    PREFIXES.iter().any(|p| n.starts_with(p))
}

/// A network interface of this machine (for an interface picker).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkInterface {
    pub name: String,
    pub addresses: Vec<std::net::IpAddr>,
    pub loopback: bool,
    /// Skipped by [`InterfaceChoice::Default`].
    pub is_virtual: bool,
}

/// The machine's network interfaces with their addresses, by name.
pub fn network_interfaces() -> Vec<NetworkInterface> {
    let mut out: Vec<NetworkInterface> = Vec::new();
    for i in if_addrs::get_if_addrs().unwrap_or_default() {
        let ip = i.ip();
        match out.iter_mut().find(|n| n.name == i.name) {
            Some(n) => n.addresses.push(ip),
            None => out.push(NetworkInterface {
                is_virtual: is_virtual_interface(&i.name),
                loopback: i.is_loopback(),
                name: i.name.clone(),
                addresses: vec![ip],
            }),
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// Whether this process runs in the host's network namespace: `Some(true)` when it
/// shares PID 1's, `Some(false)` when it provably does not, `None` when unknown.
pub fn in_host_network_namespace() -> Option<bool> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let mine = std::fs::read_link("/proc/self/ns/net").ok()?;
    match std::fs::read_link("/proc/1/ns/net") {
        Ok(init) => Some(init == mine),
        Err(_) => {
            // PID 1's namespace unreadable (a container without ptrace rights): a
            // namespace made with `ip netns add` is listed under /run/netns.
            use std::os::unix::fs::MetadataExt;
            let me = std::fs::metadata("/proc/self/ns/net").ok()?;
            for dir in ["/run/netns", "/var/run/netns"] {
                for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                    if let Ok(m) = std::fs::metadata(e.path()) {
                        if m.dev() == me.dev() && m.ino() == me.ino() {
                            return Some(false);
                        }
                    }
                }
            }
            None
        }
    }
}

fn check_network(allow_host_network: bool) -> Result<(), DiscoveryError> {
    if allow_host_network {
        return Ok(());
    }
    match in_host_network_namespace() {
        Some(false) => Ok(()),
        _ => Err(DiscoveryError::DiscoveryHostNetworkRefused {
            namespace: std::fs::read_link("/proc/self/ns/net")
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        }),
    }
}

fn normalise_service_type(t: &str) -> Result<String, DiscoveryError> {
    let t = t.trim();
    let full = if t.ends_with(".local.") {
        t.to_string()
    } else if t.ends_with(".local") {
        format!("{t}.")
    } else {
        format!("{}.local.", t.trim_end_matches('.'))
    };
    let ok = (full.ends_with("._tcp.local.") || full.ends_with("._udp.local."))
        && full.starts_with('_')
        && full.len() <= 255;
    if ok {
        Ok(full)
    } else {
        Err(DiscoveryError::DiscoveryInvalidServiceType {
            service_type: t.to_string(),
        })
    }
}

fn mdns_err(e: mdns_sd::Error) -> DiscoveryError {
    DiscoveryError::DiscoveryMdnsUnavailable {
        detail: e.to_string(),
    }
}

/// A running browse: events as devices come, change and go; a snapshot at any time.
pub struct Discovery {
    daemon: Option<ServiceDaemon>,
    state: Arc<Mutex<DeviceSet>>,
    events: mpsc::UnboundedReceiver<DiscoveryEvent>,
}

impl Discovery {
    /// Starts browsing. Refuses in the host's network namespace unless
    /// `opts.allow_host_network` (see the module doc). Needs no async runtime.
    pub fn start(opts: DiscoveryOptions) -> Result<Discovery, DiscoveryError> {
        let types = opts
            .service_types
            .iter()
            .map(|t| normalise_service_type(t))
            .collect::<Result<Vec<_>, _>>()?;
        if let InterfaceChoice::Only(names) = &opts.interfaces {
            let have: Vec<String> = network_interfaces().into_iter().map(|i| i.name).collect();
            let missing: Vec<String> = names
                .iter()
                .filter(|n| !have.contains(n))
                .cloned()
                .collect();
            if !missing.is_empty() || names.is_empty() {
                return Err(DiscoveryError::DiscoveryInterfaceNotFound { names: missing });
            }
        }
        // Before any socket exists: the daemon joins the multicast group on creation.
        check_network(opts.allow_host_network)?;
        let daemon = ServiceDaemon::new().map_err(mdns_err)?;
        let setup = (|| -> Result<Vec<mdns_sd::Receiver<ServiceEvent>>, DiscoveryError> {
            match &opts.interfaces {
                InterfaceChoice::All => {}
                InterfaceChoice::Default => daemon
                    .disable_interface(IfKind::Predicate(IfPredicate::new(|i| {
                        is_virtual_interface(&i.name)
                    })))
                    .map_err(mdns_err)?,
                InterfaceChoice::Only(names) => {
                    daemon.disable_interface(IfKind::All).map_err(mdns_err)?;
                    daemon
                        .enable_interface(
                            names
                                .iter()
                                .map(|n| IfKind::Name(n.clone()))
                                .collect::<Vec<_>>(),
                        )
                        .map_err(mdns_err)?;
                }
            }
            // The first type now, the others one by one (see `BROWSE_SPACING`).
            types
                .iter()
                .take(1)
                .map(|t| daemon.browse(t).map_err(mdns_err))
                .collect()
        })();
        let receivers = match setup {
            Ok(r) => r,
            Err(e) => {
                let _ = daemon.shutdown();
                return Err(e);
            }
        };
        let state = Arc::new(Mutex::new(DeviceSet::default()));
        let (tx, rx) = mpsc::unbounded_channel();
        let spawn_err = |e: std::io::Error| DiscoveryError::DiscoveryMdnsUnavailable {
            detail: e.to_string(),
        };
        for (t, r) in types.iter().zip(receivers) {
            spawn_pump(t, r, &state, &tx).map_err(spawn_err)?;
        }
        if types.len() > 1 {
            let (daemon, state, tx) = (daemon.clone(), Arc::clone(&state), tx.clone());
            let rest: Vec<String> = types[1..].to_vec();
            std::thread::Builder::new()
                .name("discovery browse".into())
                .spawn(move || {
                    for t in rest {
                        std::thread::sleep(BROWSE_SPACING);
                        if tx.is_closed() {
                            return;
                        }
                        // An error here means the daemon has stopped.
                        let Ok(r) = daemon.browse(&t) else { return };
                        if let Err(e) = spawn_pump(&t, r, &state, &tx) {
                            tracing::warn!("discovery: {t}: {e}");
                        }
                    }
                })
                .map_err(spawn_err)?;
        }
        Ok(Discovery {
            daemon: Some(daemon),
            state,
            events: rx,
        })
    }

    /// The next event; `None` once stopped.
    pub async fn next_event(&mut self) -> Option<DiscoveryEvent> {
        self.events.recv().await
    }

    /// The devices known now, ordered by id.
    pub fn snapshot(&self) -> Vec<DiscoveredDevice> {
        self.state
            .lock()
            .map(|s| s.snapshot())
            .unwrap_or_else(|p| p.into_inner().snapshot())
    }

    /// Stops browsing (also done on drop).
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(d) = self.daemon.take() {
            if let Ok(status) = d.shutdown() {
                let _ = status.recv_timeout(Duration::from_secs(2));
            }
        }
    }
}

impl Drop for Discovery {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Turns one mdns-sd service into a record.
fn record_of(s: &mdns_sd::ResolvedService) -> ServiceRecord {
    ServiceRecord::new(
        &s.fullname,
        &s.ty_domain,
        &s.host,
        s.port,
        s.addresses.iter().map(|a| a.to_ip_addr()),
        s.txt_properties
            .iter()
            .map(|p| TxtItem::from_bytes(p.key().as_bytes(), p.val())),
    )
}

/// The pause between starting to browse one service type and the next. Every device
/// answers each type's query within about a tenth of a second (RFC 6762 section 6:
/// 20–120 ms), so browsing all types at once makes each device answer several times
/// in that window: on a network of hundreds of devices, more datagrams than a
/// socket's receive buffer holds, and the dropped ones are asked again only after
/// seconds. One type at a time, `_ipp` first (it names the model and the admin page),
/// each burst is read before the next begins. Measured with 250 emulated devices
/// (`scripts/bench.sh 250`): all at once, or 120 ms apart, lost answers and left
/// services unresolved for 30 s and more; 400 ms apart keeps each type's first query
/// clear of the retries of the types before it (after 1 s, then 2 s, 4 s, ...).
pub const BROWSE_SPACING: Duration = Duration::from_millis(400);

fn spawn_pump(
    t: &str,
    r: mdns_sd::Receiver<ServiceEvent>,
    state: &Arc<Mutex<DeviceSet>>,
    tx: &mpsc::UnboundedSender<DiscoveryEvent>,
) -> std::io::Result<()> {
    let (state, tx) = (Arc::clone(state), tx.clone());
    std::thread::Builder::new()
        .name(format!("discovery {t}"))
        .spawn(move || pump(r, state, tx))
        .map(|_| ())
}

/// Most answers merged into the device set at once (see [`pump`]).
const PUMP_BATCH: usize = 1024;

/// Feeds one service type's events into the device set until the daemon stops. The
/// events waiting when one arrives are merged with it at once: when hundreds of
/// devices answer together, the set regroups once per burst, not once per answer
/// (which cost time in the square of the devices, and fell behind the network).
fn pump(
    rx: mdns_sd::Receiver<ServiceEvent>,
    state: Arc<Mutex<DeviceSet>>,
    tx: mpsc::UnboundedSender<DiscoveryEvent>,
) {
    while let Ok(first) = rx.recv() {
        let mut changes = Vec::new();
        let mut next = Some(first);
        while let Some(ev) = next.take() {
            match ev {
                ServiceEvent::ServiceResolved(s) => {
                    changes.push(ServiceChange::Resolved(record_of(&s)))
                }
                ServiceEvent::ServiceRemoved(_ty, fullname) => {
                    changes.push(ServiceChange::Removed(fullname))
                }
                _ => {}
            }
            if changes.len() < PUMP_BATCH {
                next = rx.try_recv().ok();
            }
        }
        if changes.is_empty() {
            continue;
        }
        let events = {
            let mut st = match state.lock() {
                Ok(s) => s,
                Err(p) => p.into_inner(),
            };
            st.apply(changes)
        };
        for e in events {
            tracing::debug!(?e, "discovery event");
            let _ = tx.send(e);
        }
    }
}

/// Browses for `duration` and returns the devices found, ordered by id.
pub async fn discover_for(
    opts: DiscoveryOptions,
    duration: Duration,
) -> Result<Vec<DiscoveredDevice>, DiscoveryError> {
    let mut d = Discovery::start(opts)?;
    let deadline = tokio::time::Instant::now() + duration;
    while let Ok(Some(_)) = tokio::time::timeout_at(deadline, d.next_event()).await {}
    let out = d.snapshot();
    tokio::task::spawn_blocking(move || d.stop()).await.ok();
    Ok(out)
}

#[cfg(test)]
mod tests;
