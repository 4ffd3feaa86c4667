//! mDNS / DNS-SD: what the emulated devices announce, an announcer for them, and a
//! browser (for the `mdns-browse` diagnostic and the tests).
//!
//! The services and TXT records follow the reference ("What printers advertise over
//! mDNS / DNS-SD"): Epson devices announce `_ipp`, `_ipps`, `_printer`,
//! `_pdl-datastream`, `_http` and, on scanners, `_uscan` and `_scanner`; Brother,
//! HP and Canon devices announce `_ipp`, `_http` and, on scanners, `_uscan`, with
//! their vendor's tell-tale TXT keys.
//!
//! NETWORK RULE: mDNS joins 224.0.0.251 on every interface of the network namespace
//! it runs in, before any interface filter applies. [`Announcer::start`] and
//! [`browse`] therefore refuse to run in the host's (PID 1's) network namespace:
//! run them inside a namespace created for the purpose (`ip netns add`, veth), see
//! the tests' harness in `crates/testkit/src/netns.rs`. [`ensure_private_netns`] is the check; the environment
//! variable [`ALLOW_HOST_NETNS_ENV`]`=1` overrides it (never on a machine attached
//! to a real network).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::net::IpAddr;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context};
use mdns_sd::{DaemonEvent, ServiceDaemon, ServiceEvent, ServiceInfo};
use serde::{Deserialize, Serialize};

use crate::models::{DeviceIdentity, ModelSpec, Vendor};

/// Every service type an Epson device may announce (scanners announce all of them).
pub const EPSON_SERVICE_TYPES: &[&str] = &[
    "_ipp._tcp.local.",
    "_ipps._tcp.local.",
    "_printer._tcp.local.",
    "_pdl-datastream._tcp.local.",
    "_http._tcp.local.",
    "_uscan._tcp.local.",
    "_scanner._tcp.local.",
];

/// Port of Epson's network scan protocol (`_scanner._tcp`).
pub const EPSON_SCANNER_PORT: u16 = 1865;
/// IPP and IPPS (`_ipp._tcp`, `_ipps._tcp`).
pub const IPP_PORT: u16 = 631;
/// LPD (`_printer._tcp`).
pub const LPD_PORT: u16 = 515;
/// Raw printing (`_pdl-datastream._tcp`).
pub const RAW_PORT: u16 = 9100;

/// Setting this environment variable to `1` lets [`Announcer::start`] and [`browse`]
/// run in the host's network namespace. Only for machines with no real network.
pub const ALLOW_HOST_NETNS_ENV: &str = "PRINTOAUTH_MDNS_ALLOW_HOST_NETNS";

/// One DNS-SD service instance to announce.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ServiceAnnouncement {
    /// Instance name, e.g. "EPSON ET-4850 Series".
    pub instance: String,
    /// Service type with domain, e.g. "_ipp._tcp.local.".
    pub service_type: String,
    /// Host name with domain, e.g. "EPSON4A3AAB.local.".
    pub host: String,
    /// The only address announced in the host's A record.
    pub ip: IpAddr,
    pub port: u16,
    /// TXT items in announcement order.
    pub txt: Vec<(String, String)>,
}

impl ServiceAnnouncement {
    /// The DNS-SD full name, "<instance>.<service type>" (dots in the instance escaped).
    pub fn fullname(&self) -> String {
        let escaped = self.instance.replace('\\', "\\\\").replace('.', "\\.");
        format!("{escaped}.{}", self.service_type)
    }
}

/// A service as a browser resolved it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct BrowsedService {
    /// "<instance>.<service type>", e.g. "EPSON ET-4850 Series._ipp._tcp.local.".
    pub fullname: String,
    /// e.g. "_ipp._tcp.local.".
    pub service_type: String,
    /// Host from the SRV record, e.g. "EPSON4A3AAB.local.".
    pub host: String,
    /// Addresses from the host's A/AAAA records (not the sender of the reply), sorted.
    pub addresses: Vec<IpAddr>,
    pub port: u16,
    pub txt: BTreeMap<String, String>,
}

impl BrowsedService {
    /// The instance part of `fullname` (unescaped).
    pub fn instance(&self) -> String {
        let head = self
            .fullname
            .strip_suffix(&self.service_type)
            .and_then(|h| h.strip_suffix('.'))
            .unwrap_or(&self.fullname);
        let mut out = String::new();
        let mut chars = head.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------------
// What a device announces

fn kv(k: &str, v: impl Into<String>) -> (String, String) {
    (k.to_string(), v.into())
}

fn tf(b: bool) -> &'static str {
    if b {
        "T"
    } else {
        "F"
    }
}

/// Manufacturer as in `usb_MFG`.
fn usb_mfg(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::Epson => "EPSON",
        Vendor::Brother => "Brother",
        Vendor::Hp => "HP",
        Vendor::Canon => "Canon",
    }
}

/// Model as in `usb_MDL` (HP's catalogue names carry the "HP " prefix, the USB model does not).
fn usb_mdl(model: &ModelSpec) -> &'static str {
    match model.vendor {
        Vendor::Hp => model.name.strip_prefix("HP ").unwrap_or(model.name),
        _ => model.name,
    }
}

/// The `ty` value: the make and model a person sees.
fn make_and_model(model: &ModelSpec) -> String {
    match model.vendor {
        Vendor::Hp if model.name.starts_with("HP ") => model.name.to_string(),
        v => format!("{} {}", usb_mfg(v), model.name),
    }
}

fn product(model: &ModelSpec) -> String {
    match model.product {
        Some(p) => p.to_string(),
        None => format!("({})", make_and_model(model)),
    }
}

/// The `adminurl` value in each vendor's own shape.
fn admin_url(dev: &DeviceIdentity) -> String {
    let host = &dev.host_name;
    let port = dev.http_port;
    match dev.model.vendor {
        // Epson always writes the port, even 80: "http://EPSON4A3AAB.local.:80/PRESENTATION/BONJOUR".
        Vendor::Epson => format!("http://{host}.local.:{port}/PRESENTATION/BONJOUR"),
        Vendor::Brother if port == 80 => format!("http://{host}.local./net/net/airprint.html"),
        Vendor::Brother => format!("http://{host}.local.:{port}/net/net/airprint.html"),
        Vendor::Hp if port == 80 => format!("http://{host}.local."),
        Vendor::Hp => format!("http://{host}.local.:{port}"),
        // Canon: no trailing dot, port always written.
        Vendor::Canon => format!("http://{host}.local:{port}/airprint.html"),
    }
}

/// AirPrint `URF` capabilities composed from the model's features.
fn urf(model: &ModelSpec) -> String {
    let mut v = vec!["CP1"];
    if model.duplex {
        v.push("DM3");
    }
    v.extend([
        "IS1-7-6",
        "MT1-3-8-10-11-12",
        "OB9",
        "OFU0",
        "PQ4-5",
        "RS360-720",
    ]);
    if model.color {
        v.push("SRGB24");
    }
    v.extend(["V1.4", "W8"]);
    v.join(",")
}

fn ipp_pdl(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::Epson => "application/octet-stream,image/pwg-raster,image/urf,image/jpeg",
        Vendor::Brother => {
            "application/octet-stream,image/urf,image/pwg-raster,image/jpeg,application/pdf"
        }
        Vendor::Hp => {
            "application/vnd.hp-PCL,application/pdf,image/urf,image/pwg-raster,image/jpeg"
        }
        Vendor::Canon => {
            "application/octet-stream,image/urf,image/pwg-raster,image/jpeg,application/pdf"
        }
    }
}

fn ipp_priority(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::Epson => "30",
        Vendor::Brother => "25",
        Vendor::Hp => "10",
        Vendor::Canon => "15",
    }
}

fn ipp_rp(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::Brother => "ipp/port1",
        _ => "ipp/print",
    }
}

fn mac_colons(dev: &DeviceIdentity) -> String {
    dev.mac
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// TXT of `_ipp._tcp` (and, on Epson, `_ipps._tcp`).
fn ipp_txt(dev: &DeviceIdentity) -> Vec<(String, String)> {
    let m = dev.model;
    let mut t = vec![
        kv("txtvers", "1"),
        kv("ty", make_and_model(m)),
        kv("usb_MFG", usb_mfg(m.vendor)),
        kv("usb_MDL", usb_mdl(m)),
        kv("product", product(m)),
        kv("pdl", ipp_pdl(m.vendor)),
        kv("rp", ipp_rp(m.vendor)),
        kv("qtotal", "1"),
        kv("Color", tf(m.color)),
        kv("Duplex", tf(m.duplex)),
        kv("Scan", tf(m.scanner)),
        kv("Fax", tf(m.fax)),
    ];
    if m.fax {
        t.push(kv("rfo", "ipp/faxout"));
    }
    t.extend([
        kv("kind", "document,envelope,photo"),
        kv("PaperMax", m.paper_max),
        kv("URF", urf(m)),
    ]);
    if m.vendor == Vendor::Epson {
        t.push(kv("mopria-certified", "1.3"));
    }
    t.extend([
        kv("priority", ipp_priority(m.vendor)),
        kv("note", ""),
        kv("TLS", "1.2"),
        kv("adminurl", admin_url(dev)),
        kv("UUID", dev.uuid.clone()),
    ]);
    if m.vendor == Vendor::Hp {
        t.push(kv("mac", mac_colons(dev)));
    }
    t
}

/// TXT of Epson's `_printer._tcp` (LPD) and `_pdl-datastream._tcp` (raw 9100).
fn epson_legacy_txt(
    dev: &DeviceIdentity,
    priority: &str,
    pdl: &str,
    rp: Option<&str>,
) -> Vec<(String, String)> {
    let m = dev.model;
    let mut t = vec![
        kv("txtvers", "1"),
        kv("qtotal", "1"),
        kv("priority", priority),
        kv("ty", make_and_model(m)),
        kv("usb_MFG", usb_mfg(m.vendor)),
        kv("usb_MDL", usb_mdl(m)),
        kv("product", product(m)),
        kv("pdl", pdl),
    ];
    if let Some(rp) = rp {
        t.push(kv("rp", rp));
    }
    t.extend([kv("adminurl", admin_url(dev)), kv("note", "")]);
    t
}

/// TXT of `_uscan._tcp` (eSCL).
fn uscan_txt(dev: &DeviceIdentity) -> Vec<(String, String)> {
    let m = dev.model;
    let (vers, representation) = match m.vendor {
        Vendor::Epson => ("2.5", "/PRESENTATION/AIRPRINT/PRINTER_128.PNG".to_string()),
        Vendor::Brother => ("2.63", "/icons/device-icons-128.png".to_string()),
        Vendor::Hp => ("2.63", "/ipp/images/printer.png".to_string()),
        Vendor::Canon => ("2.63", "/media/airprint_icon_128.png".to_string()),
    };
    vec![
        kv("txtvers", "1"),
        kv("ty", make_and_model(m)),
        kv("note", ""),
        kv("adminurl", admin_url(dev)),
        kv("representation", representation),
        kv("rs", "eSCL"),
        kv("vers", vers),
        kv("UUID", dev.uuid.clone()),
        kv("is", "platen,adf"),
        kv("cs", "color,grayscale,binary"),
        kv("pdl", "application/pdf,image/jpeg"),
        kv("duplex", "F"),
    ]
}

/// TXT of Epson's `_scanner._tcp` (not captured in the reference; Bonjour scanner keys).
fn epson_scanner_txt(dev: &DeviceIdentity) -> Vec<(String, String)> {
    let m = dev.model;
    vec![
        kv("txtvers", "1"),
        kv("ty", make_and_model(m)),
        kv("mfg", usb_mfg(m.vendor)),
        kv("mdl", usb_mdl(m)),
        kv("note", ""),
        kv("adminurl", admin_url(dev)),
        kv("scannerAvailable", "1"),
    ]
}

/// TXT of `_http._tcp` (not captured in the reference; the RFC 6763 `path` key).
fn http_txt(_dev: &DeviceIdentity) -> Vec<(String, String)> {
    vec![kv("path", "/")]
}

/// Every service a real device of this vendor/model announces, with TXT as in the reference.
pub fn device_services(dev: &DeviceIdentity) -> Vec<ServiceAnnouncement> {
    let m = dev.model;
    let svc = |ty: &str, port: u16, txt: Vec<(String, String)>| ServiceAnnouncement {
        instance: dev.instance_name.clone(),
        service_type: format!("{ty}.local."),
        host: format!("{}.local.", dev.host_name),
        ip: dev.ip,
        port,
        txt,
    };
    let mut out = vec![svc("_ipp._tcp", IPP_PORT, ipp_txt(dev))];
    if m.vendor == Vendor::Epson {
        out.push(svc("_ipps._tcp", IPP_PORT, ipp_txt(dev)));
        out.push(svc(
            "_printer._tcp",
            LPD_PORT,
            epson_legacy_txt(dev, "50", "raw", Some("auto")),
        ));
        out.push(svc(
            "_pdl-datastream._tcp",
            RAW_PORT,
            epson_legacy_txt(dev, "60", "application/octet-stream", None),
        ));
    }
    out.push(svc("_http._tcp", dev.http_port, http_txt(dev)));
    if m.scanner {
        out.push(svc("_uscan._tcp", dev.https_port, uscan_txt(dev)));
        if m.vendor == Vendor::Epson {
            out.push(svc(
                "_scanner._tcp",
                EPSON_SCANNER_PORT,
                epson_scanner_txt(dev),
            ));
        }
    }
    out
}

// ---------------------------------------------------------------------------------
// Network namespace guard

fn ns_link(path: &str) -> std::io::Result<std::path::PathBuf> {
    std::fs::read_link(path)
}

/// (device, inode) of a namespace file, following the /proc symlink.
fn ns_id(path: &std::path::Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// Name of the `ip netns` namespace (a bind mount in /run/netns) this process runs in.
fn named_netns() -> Option<String> {
    let mine = ns_id(std::path::Path::new("/proc/self/ns/net"))?;
    for dir in ["/run/netns", "/var/run/netns"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in entries.flatten() {
            if ns_id(&e.path()) == Some(mine) {
                return Some(e.file_name().to_string_lossy().into_owned());
            }
        }
    }
    None
}

/// Interfaces of this process's network namespace (/proc/self/net/dev).
fn netns_interfaces() -> Vec<String> {
    std::fs::read_to_string("/proc/self/net/dev")
        .unwrap_or_default()
        .lines()
        .skip(2)
        .filter_map(|l| l.split(':').next().map(|n| n.trim().to_string()))
        .filter(|n| !n.is_empty())
        .collect()
}

/// Errors unless this process runs in a network namespace that is not the host's:
/// one that differs from PID 1's, or (when PID 1's cannot be read, as in a container
/// without CAP_SYS_PTRACE) one created with `ip netns add` (found in /run/netns) or one
/// with no interface but `lo`. [`ALLOW_HOST_NETNS_ENV`]`=1` skips the check.
/// Multicast in the host's namespace would leave the machine.
pub fn ensure_private_netns() -> anyhow::Result<()> {
    if std::env::var(ALLOW_HOST_NETNS_ENV).is_ok_and(|v| v == "1") {
        return Ok(());
    }
    let hint = format!(
        "mDNS only runs inside a network namespace created for it (ip netns add NS; \
         ip netns exec NS ...), or set {ALLOW_HOST_NETNS_ENV}=1 on a machine with no real network"
    );
    let mine = ns_link("/proc/self/ns/net").context("reading /proc/self/ns/net")?;
    match ns_link("/proc/1/ns/net") {
        Ok(host) if host == mine => {
            bail!(
                "refusing to multicast mDNS from the host's network namespace ({}): {hint}",
                mine.display()
            )
        }
        Ok(_) => Ok(()),
        Err(_) if named_netns().is_some() => Ok(()),
        Err(_) if netns_interfaces().iter().all(|i| i == "lo") => Ok(()),
        Err(e) => bail!(
            "refusing to multicast mDNS: this network namespace ({}) is not one made with \
             `ip netns add` and has interfaces {:?} (PID 1's namespace unreadable: {e}); {hint}",
            mine.display(),
            netns_interfaces()
        ),
    }
}

// ---------------------------------------------------------------------------------
// Announcer

/// Biggest mDNS packet each device's responder sends (RFC 6762 section 17 allows up to
/// 9000 bytes; mdns-sd's ceiling valid over IPv4 and IPv6 is 8952).
///
/// Why not mdns-sd's default of 1452: when a response does not fit, mdns-sd 0.21 sends
/// the rest in continuation packets holding only additional records (ANCOUNT=0), and
/// avahi drops every such packet ("Invalid response packet"). mdns-sd also rate-limits
/// each record to one multicast per second, so a client asking for such a record right
/// after it went out in a dropped packet gets no answer either: measured, avahi-browse
/// then missed some devices for 20 s and more. One device's services (at most about
/// 3 KB with all TXT records) fit one packet of this size.
pub const MAX_PACKET_SIZE: usize = 8952;

/// One responder: the services of one host (device).
struct Responder {
    daemon: ServiceDaemon,
    monitor: mdns_sd::Receiver<DaemonEvent>,
    fullnames: Vec<String>,
}

/// Announces services over mDNS until shut down (or dropped). Each service's A record
/// holds only its announcement's `ip`; addresses are never added automatically.
///
/// Services are grouped by host, and each host (device) gets its own responder (an
/// mdns-sd daemon), as each real device answers for itself: a query is answered by
/// every device separately, in packets of at most [`MAX_PACKET_SIZE`] bytes.
///
/// The responders do not hear one another: multicast loop is off on their sockets,
/// so each hears only what comes over the wire (a browser in another network
/// namespace), as a device on a real LAN hears the network with a processor of its
/// own. With it on, every one of 250 responders parsed every other's answers on the
/// emulator's few cores (measured: 1.6 million datagrams and 631,000 dropped for one
/// browse), queries went unanswered and a browser waited 12 s for its retries. A
/// browser must therefore run in another namespace than the announcer (as the tests
/// and `scripts/bench.sh` do), or on the loopback interface.
pub struct Announcer {
    responders: Vec<Responder>,
}

impl Announcer {
    pub fn start(services: Vec<ServiceAnnouncement>) -> anyhow::Result<Announcer> {
        ensure_private_netns()?;
        // Group by host, keeping the order of first appearance.
        let mut hosts: Vec<(String, Vec<ServiceAnnouncement>)> = Vec::new();
        for s in services {
            let key = s.host.trim_end_matches('.').to_ascii_lowercase();
            match hosts.iter_mut().find(|(h, _)| *h == key) {
                Some((_, v)) => v.push(s),
                None => hosts.push((key, vec![s])),
            }
        }
        let mut announcer = Announcer {
            responders: Vec::new(),
        };
        for (host, services) in hosts {
            let daemon = ServiceDaemon::new()
                .map_err(|e| anyhow!("starting the mDNS daemon for {host}: {e}"))?;
            let monitor = daemon.monitor().map_err(|e| anyhow!("mDNS monitor: {e}"))?;
            daemon
                .set_max_packet_size(mdns_sd::IfKind::All, MAX_PACKET_SIZE)
                .map_err(|e| anyhow!("mDNS packet size: {e}"))?;
            // Each device hears only the wire, as on a real LAN (see `Announcer`).
            daemon
                .set_multicast_loop_v4(false)
                .and_then(|()| daemon.set_multicast_loop_v6(false))
                .map_err(|e| anyhow!("mDNS multicast loop: {e}"))?;
            let mut responder = Responder {
                daemon,
                monitor,
                fullnames: Vec::new(),
            };
            for s in &services {
                let stype = normalize_service_type(&s.service_type);
                // `ServiceInfo::new` with the device's own address; `enable_addr_auto` stays
                // off, so no interface address is added. (mdns-sd 0.21 keeps record TTLs at
                // its defaults, 120 s for SRV/A and 4500 s for PTR/TXT: no public setter.)
                let info = ServiceInfo::new(&stype, &s.instance, &s.host, s.ip, s.port, &s.txt[..])
                    .map_err(|e| anyhow!("service {} {}: {e}", s.instance, stype))?;
                debug_assert!(!info.is_addr_auto());
                let fullname = info.get_fullname().to_string();
                responder
                    .daemon
                    .register(info)
                    .map_err(|e| anyhow!("registering {fullname}: {e}"))?;
                responder.fullnames.push(fullname);
            }
            announcer.responders.push(responder);
        }
        tracing::debug!(
            hosts = announcer.responders.len(),
            services = announcer.fullnames().len(),
            "mDNS services registered"
        );
        Ok(announcer)
    }

    /// Full names of the registered services.
    pub fn fullnames(&self) -> Vec<String> {
        self.responders
            .iter()
            .flat_map(|r| r.fullnames.iter().cloned())
            .collect()
    }

    /// Waits until every registered service has been announced (after probing) on at
    /// least one interface, or errors after `timeout`, naming those not announced.
    /// Call it once: it consumes the daemons' announce events.
    pub fn wait_announced(&self, timeout: Duration) -> anyhow::Result<()> {
        let deadline = Instant::now() + timeout;
        let mut not_announced = Vec::new();
        for r in &self.responders {
            let mut pending: BTreeSet<String> =
                r.fullnames.iter().map(|f| f.to_lowercase()).collect();
            while !pending.is_empty() {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    break;
                }
                match r.monitor.recv_timeout(left) {
                    Ok(DaemonEvent::Announce(fullname, _)) => {
                        pending.remove(&fullname.to_lowercase());
                    }
                    Ok(DaemonEvent::NameChange(c)) => {
                        tracing::warn!(original = %c.original, new = %c.new_name, "mDNS name conflict");
                    }
                    Ok(DaemonEvent::Error(e)) => tracing::warn!("mDNS daemon: {e}"),
                    Ok(_) | Err(_) => {}
                }
            }
            not_announced.extend(pending);
        }
        if !not_announced.is_empty() {
            bail!("not announced within {timeout:?}: {not_announced:?}");
        }
        Ok(())
    }

    /// Says goodbye (unregisters every service) and stops the daemons.
    pub fn shutdown(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        let responders = std::mem::take(&mut self.responders);
        let mut waits = Vec::new();
        for r in &responders {
            for f in &r.fullnames {
                if let Ok(rx) = r.daemon.unregister(f) {
                    waits.push(rx);
                }
            }
        }
        let deadline = Instant::now() + Duration::from_secs(2);
        for rx in waits {
            let _ = rx.recv_timeout(deadline.saturating_duration_since(Instant::now()));
        }
        let stops: Vec<_> = responders
            .iter()
            .filter_map(|r| r.daemon.shutdown().ok())
            .collect();
        for rx in stops {
            let _ = rx.recv_timeout(
                deadline
                    .saturating_duration_since(Instant::now())
                    .max(Duration::from_millis(200)),
            );
        }
    }
}

impl Drop for Announcer {
    fn drop(&mut self) {
        self.stop();
    }
}

// ---------------------------------------------------------------------------------
// Browser

/// "_ipp._tcp", "_ipp._tcp.local" and "_ipp._tcp.local." all become "_ipp._tcp.local.".
pub fn normalize_service_type(t: &str) -> String {
    let t = t.trim().trim_end_matches('.');
    let t = t.strip_suffix(".local").unwrap_or(t);
    format!("{t}.local.")
}

/// Browses the given service types for `duration` and returns each resolved service once.
pub fn browse(service_types: &[String], duration: Duration) -> anyhow::Result<Vec<BrowsedService>> {
    browse_until(service_types, duration, |_| false)
}

/// Like [`browse`], but returns as soon as `done` (called with the services resolved so
/// far, sorted by full name, each time more arrive) returns true, or after `timeout`.
pub fn browse_until(
    service_types: &[String],
    timeout: Duration,
    mut done: impl FnMut(&[BrowsedService]) -> bool,
) -> anyhow::Result<Vec<BrowsedService>> {
    ensure_private_netns()?;
    let types: Vec<String> = service_types
        .iter()
        .map(|t| normalize_service_type(t))
        .collect();
    let daemon = ServiceDaemon::new().map_err(|e| anyhow!("starting the mDNS daemon: {e}"))?;
    let mut receivers = Vec::new();
    for t in &types {
        receivers.push(daemon.browse(t).map_err(|e| anyhow!("browsing {t}: {e}"))?);
    }
    let deadline = Instant::now() + timeout;
    let mut found: BTreeMap<String, BrowsedService> = BTreeMap::new();
    loop {
        let mut changed = false;
        for rx in &receivers {
            while let Ok(ev) = rx.try_recv() {
                if let ServiceEvent::ServiceResolved(rs) = ev {
                    let mut addresses: Vec<IpAddr> =
                        rs.get_addresses().iter().map(|a| a.to_ip_addr()).collect();
                    let txt: BTreeMap<String, String> = rs
                        .get_properties()
                        .iter()
                        .map(|p| (p.key().to_string(), p.val_str().to_string()))
                        .collect();
                    let key = rs.fullname.to_lowercase();
                    if let Some(prev) = found.get(&key) {
                        addresses.extend(prev.addresses.iter().copied());
                    }
                    addresses.sort();
                    addresses.dedup();
                    found.insert(
                        key,
                        BrowsedService {
                            fullname: rs.fullname.clone(),
                            service_type: rs.ty_domain.clone(),
                            host: rs.host.clone(),
                            addresses,
                            port: rs.port,
                            txt,
                        },
                    );
                    changed = true;
                }
            }
        }
        if changed {
            let now: Vec<BrowsedService> = found.values().cloned().collect();
            if done(&now) {
                break;
            }
        }
        if Instant::now() >= deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    for t in &types {
        let _ = daemon.stop_browse(t);
    }
    if let Ok(rx) = daemon.shutdown() {
        let _ = rx.recv_timeout(Duration::from_secs(2));
    }
    Ok(found.into_values().collect())
}

/// Groups browsed services into devices: by `UUID` TXT, then by host (a service without
/// `UUID` joins the group of another service on its host), then by address.
/// Returns each group's key ("uuid:<uuid>", "host:<host>" or "ip:<addr>") and services.
pub fn group_by_device(services: &[BrowsedService]) -> BTreeMap<String, Vec<BrowsedService>> {
    let uuid_of = |s: &BrowsedService| {
        s.txt
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("uuid"))
            .map(|(_, v)| v.to_ascii_lowercase())
    };
    let mut host_key: HashMap<String, String> = HashMap::new();
    let mut addr_key: HashMap<IpAddr, String> = HashMap::new();
    for s in services {
        if let Some(u) = uuid_of(s) {
            host_key
                .entry(s.host.to_lowercase())
                .or_insert_with(|| format!("uuid:{u}"));
            for a in &s.addresses {
                addr_key.entry(*a).or_insert_with(|| format!("uuid:{u}"));
            }
        }
    }
    let mut groups: BTreeMap<String, Vec<BrowsedService>> = BTreeMap::new();
    for s in services {
        let key = uuid_of(s)
            .map(|u| format!("uuid:{u}"))
            .or_else(|| host_key.get(&s.host.to_lowercase()).cloned())
            .or_else(|| s.addresses.iter().find_map(|a| addr_key.get(a).cloned()))
            .unwrap_or_else(|| match s.addresses.first() {
                Some(a) if s.host.is_empty() => format!("ip:{a}"),
                _ => format!("host:{}", s.host.to_lowercase()),
            });
        groups.entry(key).or_default().push(s.clone());
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::find;

    fn dev(model: &str, mac: [u8; 6], host: &str, uuid: &str, http_port: u16) -> DeviceIdentity {
        let model = find(model).unwrap();
        DeviceIdentity {
            model,
            mac,
            host_name: host.to_string(),
            instance_name: format!("{} {}", usb_mfg(model.vendor), model.name),
            uuid: uuid.to_string(),
            ip: "10.0.0.5".parse().unwrap(),
            http_port,
            https_port: 443,
        }
    }

    fn txt(s: &ServiceAnnouncement) -> HashMap<&str, &str> {
        s.txt
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }

    #[test]
    fn epson_scanner_fax_announces_seven_services_with_reference_txt() {
        let d = dev(
            "ET-4850 Series",
            [0xf8, 0xd0, 0x27, 0x4a, 0x3a, 0xab],
            "EPSON4A3AAB",
            "cfe92100-67c4-11d4-a45f-f8d0274a3aab",
            80,
        );
        let s = device_services(&d);
        let types: Vec<&str> = s.iter().map(|s| s.service_type.as_str()).collect();
        assert_eq!(types, EPSON_SERVICE_TYPES);
        let ports: Vec<u16> = s.iter().map(|s| s.port).collect();
        assert_eq!(ports, [631, 631, 515, 9100, 80, 443, 1865]);
        assert!(s
            .iter()
            .all(|s| s.host == "EPSON4A3AAB.local." && s.instance == "EPSON ET-4850 Series"));
        let ipp = txt(&s[0]);
        assert_eq!(ipp["ty"], "EPSON ET-4850 Series");
        assert_eq!(ipp["usb_MFG"], "EPSON");
        assert_eq!(ipp["usb_MDL"], "ET-4850 Series");
        assert_eq!(ipp["product"], "(EPSON ET-4850 Series)");
        assert_eq!(
            ipp["pdl"],
            "application/octet-stream,image/pwg-raster,image/urf,image/jpeg"
        );
        assert_eq!(ipp["rp"], "ipp/print");
        assert_eq!(
            (ipp["Color"], ipp["Duplex"], ipp["Scan"], ipp["Fax"]),
            ("T", "T", "T", "T")
        );
        assert_eq!(ipp["rfo"], "ipp/faxout");
        assert_eq!(ipp["PaperMax"], "legal-A4");
        assert_eq!(ipp["note"], "");
        assert_eq!(
            ipp["adminurl"],
            "http://EPSON4A3AAB.local.:80/PRESENTATION/BONJOUR"
        );
        assert_eq!(ipp["UUID"], "cfe92100-67c4-11d4-a45f-f8d0274a3aab");
        assert!(!ipp.contains_key("mac"));
        let lpd = txt(&s[2]);
        assert_eq!(
            (lpd["priority"], lpd["pdl"], lpd["rp"]),
            ("50", "raw", "auto")
        );
        let uscan = txt(&s[5]);
        assert_eq!(
            (uscan["rs"], uscan["vers"], uscan["duplex"]),
            ("eSCL", "2.5", "F")
        );
        assert_eq!(
            uscan["representation"],
            "/PRESENTATION/AIRPRINT/PRINTER_128.PNG"
        );
        // Every item fits a TXT string (255 bytes) and keys are unique.
        for svc in &s {
            let keys: BTreeSet<String> = svc.txt.iter().map(|(k, _)| k.to_lowercase()).collect();
            assert_eq!(keys.len(), svc.txt.len(), "{}", svc.service_type);
            assert!(svc.txt.iter().all(|(k, v)| k.len() + v.len() < 255));
        }
    }

    #[test]
    fn non_scanner_port_and_vendor_shapes() {
        let mut d = dev(
            "L6270",
            [0x64, 0xeb, 0x8c, 1, 2, 3],
            "EPSON010203",
            "cfe92100-67c4-11d4-a45f-64eb8c010203",
            8080,
        );
        let s = device_services(&d);
        assert_eq!(
            txt(&s[0])["adminurl"],
            "http://EPSON010203.local.:8080/PRESENTATION/BONJOUR"
        );
        assert!(!txt(&s[0]).contains_key("rfo"));
        assert_eq!(txt(&s[0])["Fax"], "F");
        // A model without scanner announces no scanner service.
        let mut no_scan = d.model.clone();
        no_scan.scanner = false;
        d.model = Box::leak(Box::new(no_scan));
        let types: Vec<String> = device_services(&d)
            .into_iter()
            .map(|s| s.service_type)
            .collect();
        assert!(!types
            .iter()
            .any(|t| t.starts_with("_uscan") || t.starts_with("_scanner")));

        let b = dev(
            "MFC-L8900CDW",
            [0x30, 0x05, 0x5c, 1, 2, 3],
            "BRN30055C010203",
            "e3248000-80ce-11db-8000-30055c010203",
            80,
        );
        let bs = device_services(&b);
        let types: Vec<&str> = bs.iter().map(|s| s.service_type.as_str()).collect();
        assert_eq!(
            types,
            [
                "_ipp._tcp.local.",
                "_http._tcp.local.",
                "_uscan._tcp.local."
            ]
        );
        let t = txt(&bs[0]);
        assert_eq!(
            t["adminurl"],
            "http://BRN30055C010203.local./net/net/airprint.html"
        );
        assert_eq!(t["rp"], "ipp/port1");

        let h = dev(
            "HP Color LaserJet MFP M480",
            [0x28, 0x80, 0x23, 0xaa, 0xbb, 0xcc],
            "HP2880AABBCC",
            "6d1b1b9e-0000-4000-8000-2880230aabbc",
            80,
        );
        let t = txt(&device_services(&h)[0])
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<HashMap<_, _>>();
        assert_eq!(t["mac"], "28:80:23:aa:bb:cc");
        assert_eq!(t["adminurl"], "http://HP2880AABBCC.local.");
        assert_eq!(t["usb_MDL"], "Color LaserJet MFP M480");
        assert_eq!(t["ty"], "HP Color LaserJet MFP M480");

        let c = dev(
            "MF632C/634C",
            [0, 0x1e, 0x8f, 1, 2, 3],
            "Canon010203",
            "00000000-0000-1000-8000-001e8f010203",
            80,
        );
        let t = txt(&device_services(&c)[0])
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<HashMap<_, _>>();
        assert_eq!(t["adminurl"], "http://Canon010203.local:80/airprint.html");
        assert_eq!(t["product"], "(CNMF632C/634C)");
    }

    #[test]
    fn service_types_normalize_and_instances_unescape() {
        assert_eq!(normalize_service_type("_ipp._tcp"), "_ipp._tcp.local.");
        assert_eq!(
            normalize_service_type("_ipp._tcp.local"),
            "_ipp._tcp.local."
        );
        assert_eq!(
            normalize_service_type("_ipp._tcp.local."),
            "_ipp._tcp.local."
        );
        let b = BrowsedService {
            fullname: "A\\.B C._ipp._tcp.local.".into(),
            service_type: "_ipp._tcp.local.".into(),
            host: "h.local.".into(),
            addresses: vec![],
            port: 631,
            txt: BTreeMap::new(),
        };
        assert_eq!(b.instance(), "A.B C");
    }

    #[test]
    fn refuses_the_host_namespace() {
        // In the test process's own namespace (normally the host's) the guard refuses,
        // unless this test itself runs inside a private namespace.
        let host = match ns_link("/proc/1/ns/net") {
            Ok(l) => ns_link("/proc/self/ns/net").ok() == Some(l),
            Err(_) => named_netns().is_none() && netns_interfaces().iter().any(|i| i != "lo"),
        };
        if std::env::var(ALLOW_HOST_NETNS_ENV).is_err() && host {
            assert!(ensure_private_netns().is_err());
            assert!(Announcer::start(vec![]).is_err());
            assert!(browse(&["_ipp._tcp".into()], Duration::from_millis(1)).is_err());
        }
    }
}
