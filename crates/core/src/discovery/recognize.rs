//! Pure functions: turn resolved DNS-SD services into devices (vendor, model, admin
//! URL, MAC, capabilities) and merge the services of one device. No I/O: every input
//! comes from the network and may be hostile, so nothing here panics, whatever the
//! TXT records hold (non-UTF-8, huge, duplicated, oddly cased, missing or lying).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

/// Longest TXT value kept (chars); DNS-SD strings are at most 255 bytes anyway.
pub const MAX_TXT_VALUE_CHARS: usize = 512;
/// Longest TXT key kept (chars).
pub const MAX_TXT_KEY_CHARS: usize = 64;
/// Most TXT items kept per service.
pub const MAX_TXT_ITEMS: usize = 128;
/// Longest admin URL accepted.
const MAX_URL_LEN: usize = 2048;

/// Printer/scanner vendors discovery tells apart.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "kebab-case")]
pub enum Vendor {
    Epson,
    Brother,
    Hp,
    Canon,
    Xerox,
    Ricoh,
    Kyocera,
    #[default]
    Unknown,
}

const KNOWN_VENDORS: [Vendor; 7] = [
    Vendor::Epson,
    Vendor::Brother,
    Vendor::Hp,
    Vendor::Canon,
    Vendor::Xerox,
    Vendor::Ricoh,
    Vendor::Kyocera,
];

impl Vendor {
    fn index(self) -> Option<usize> {
        KNOWN_VENDORS.iter().position(|v| *v == self)
    }

    /// Whether printoauth can configure this vendor's devices (Epson Web Config only, so far).
    pub fn supported(self) -> bool {
        self == Vendor::Epson
    }
}

/// What a device can do, from its services and TXT flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Capabilities {
    pub print: bool,
    pub scan: bool,
    pub fax: bool,
}

/// One TXT item. Keys keep their case; values are decoded as UTF-8 (invalid bytes
/// replaced) and cut to [`MAX_TXT_VALUE_CHARS`]. `value` is `None` for a bare key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TxtItem {
    pub key: String,
    pub value: Option<String>,
}

impl TxtItem {
    /// From raw bytes as they came off the wire.
    pub fn from_bytes(key: &[u8], value: Option<&[u8]>) -> TxtItem {
        TxtItem {
            key: clip(&String::from_utf8_lossy(key), MAX_TXT_KEY_CHARS),
            value: value.map(|v| clip(&String::from_utf8_lossy(v), MAX_TXT_VALUE_CHARS)),
        }
    }

    pub fn new(key: &str, value: &str) -> TxtItem {
        TxtItem::from_bytes(key.as_bytes(), Some(value.as_bytes()))
    }
}

fn clip(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).collect()
}

/// One resolved DNS-SD service, kept on the device for diagnostics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceRecord {
    /// "<instance>.<type>", e.g. "EPSON ET-4850 Series._ipp._tcp.local.".
    pub fullname: String,
    /// e.g. "_ipp._tcp.local.".
    pub service_type: String,
    /// SRV target, e.g. "EPSON4A3AAB.local.".
    pub host: String,
    pub port: u16,
    /// From the host's A/AAAA records (not the sender of the reply), sorted.
    pub addresses: Vec<IpAddr>,
    /// TXT items in the order received (at most [`MAX_TXT_ITEMS`]).
    pub txt: Vec<TxtItem>,
}

impl ServiceRecord {
    /// Builds a record, bounding and sorting what needs it.
    pub fn new(
        fullname: &str,
        service_type: &str,
        host: &str,
        port: u16,
        addresses: impl IntoIterator<Item = IpAddr>,
        txt: impl IntoIterator<Item = TxtItem>,
    ) -> ServiceRecord {
        let addresses: BTreeSet<IpAddr> = addresses
            .into_iter()
            .filter(|a| !a.is_unspecified())
            .collect();
        ServiceRecord {
            fullname: clip(fullname, 1024),
            service_type: clip(service_type, 256),
            host: clip(host, 256),
            port,
            addresses: addresses.into_iter().collect(),
            txt: txt.into_iter().take(MAX_TXT_ITEMS).collect(),
        }
    }

    /// The first value of `key` (case-insensitive, as RFC 6763 6.4 says: the first
    /// occurrence wins), trimmed; `None` when absent or empty.
    pub fn txt(&self, key: &str) -> Option<&str> {
        self.txt
            .iter()
            .find(|t| t.key.eq_ignore_ascii_case(key))
            .and_then(|t| t.value.as_deref())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }

    /// Whether the key is present at all (even empty or bare).
    pub fn has_key(&self, key: &str) -> bool {
        self.txt.iter().any(|t| t.key.eq_ignore_ascii_case(key))
    }

    /// The service type without domain, lower case: "_ipp._tcp".
    pub fn kind(&self) -> String {
        let t = self.service_type.to_ascii_lowercase();
        let t = t.trim_end_matches('.');
        t.strip_suffix(".local").unwrap_or(t).to_string()
    }

    /// Host name, lower case, without the trailing dot ("" when absent).
    pub fn host_key(&self) -> String {
        self.host.trim().trim_end_matches('.').to_ascii_lowercase()
    }

    /// Normalised UUID from the `UUID` TXT key (lower case, no urn:/braces), when it
    /// looks like one.
    pub fn uuid(&self) -> Option<String> {
        normalise_uuid(self.txt("UUID")?)
    }
}

/// The service types printers and scanners announce.
pub const DEFAULT_SERVICE_TYPES: &[&str] = &[
    "_ipp._tcp.local.",
    "_ipps._tcp.local.",
    "_printer._tcp.local.",
    "_pdl-datastream._tcp.local.",
    "_http._tcp.local.",
    "_uscan._tcp.local.",
    "_scanner._tcp.local.",
];

const PRINT_KINDS: &[&str] = &[
    "_ipp._tcp",
    "_ipps._tcp",
    "_printer._tcp",
    "_pdl-datastream._tcp",
];
const SCAN_KINDS: &[&str] = &["_uscan._tcp", "_uscans._tcp", "_scanner._tcp"];

/// Which service's TXT to trust first for model and admin URL.
fn kind_rank(kind: &str) -> usize {
    match kind {
        "_ipp._tcp" => 0,
        "_ipps._tcp" => 1,
        "_printer._tcp" => 2,
        "_pdl-datastream._tcp" => 3,
        "_uscan._tcp" => 4,
        "_scanner._tcp" => 5,
        "_http._tcp" => 7,
        _ => 6,
    }
}

/// Epson's UUID prefix; the tail is the MAC.
pub const EPSON_UUID_PREFIX: &str = "cfe92100-67c4-11d4-a45f-";
/// Brother's UUID prefix; the tail is the MAC.
pub const BROTHER_UUID_PREFIX: &str = "e3248000-80ce-11db-8000-";

pub fn normalise_uuid(raw: &str) -> Option<String> {
    let s = raw.trim().to_ascii_lowercase();
    let s = s.strip_prefix("urn:uuid:").unwrap_or(&s);
    let s = s.trim_start_matches('{').trim_end_matches('}');
    let hex = s.chars().filter(|c| *c != '-').count();
    let ok = s.len() <= 36
        && hex == 32
        && s.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
        && s.chars().any(|c| c != '0' && c != '-');
    ok.then(|| s.to_string())
}

/// "aa:bb:cc:dd:ee:ff" from 12 hex digits, optionally separated by ':' or '-'.
pub fn normalise_mac(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.len() > 17 {
        return None;
    }
    let hex: String = raw
        .chars()
        .filter(|c| *c != ':' && *c != '-')
        .collect::<String>()
        .to_ascii_lowercase();
    if hex.len() != 12 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    if hex.chars().all(|c| c == '0') || hex.chars().all(|c| c == 'f') {
        return None;
    }
    let parts: Vec<&str> = (0..6).map(|i| &hex[i * 2..i * 2 + 2]).collect();
    Some(parts.join(":"))
}

/// A vendor from a manufacturer or make-and-model string.
pub fn vendor_from_name(name: &str) -> Option<Vendor> {
    let n = name
        .trim()
        .trim_start_matches('(')
        .trim()
        .to_ascii_lowercase();
    let first = n
        .split(|c: char| c.is_whitespace() || c == '_' || c == ',')
        .next()
        .unwrap_or("");
    if n.contains("epson") {
        Some(Vendor::Epson)
    } else if n.starts_with("brother") {
        Some(Vendor::Brother)
    } else if n.contains("hewlett") || first == "hp" {
        Some(Vendor::Hp)
    } else if n.starts_with("canon") {
        Some(Vendor::Canon)
    } else if n.contains("xerox") {
        Some(Vendor::Xerox)
    } else if n.starts_with("ricoh") {
        Some(Vendor::Ricoh)
    } else if n.starts_with("kyocera") {
        Some(Vendor::Kyocera)
    } else {
        None
    }
}

/// A vendor from a host-name shape (EPSON4A3AAB, BRN30055C112233, HP28802344...).
fn vendor_from_host(host: &str) -> Option<Vendor> {
    let h = host.trim().to_ascii_lowercase();
    let label = h.split('.').next().unwrap_or("");
    let hexy = |rest: &str| rest.len() >= 6 && rest.chars().all(|c| c.is_ascii_hexdigit());
    if let Some(rest) = label.strip_prefix("epson") {
        return hexy(rest).then_some(Vendor::Epson);
    }
    if let Some(rest) = label
        .strip_prefix("brn")
        .or_else(|| label.strip_prefix("brw"))
    {
        return hexy(rest).then_some(Vendor::Brother);
    }
    if let Some(rest) = label.strip_prefix("canon") {
        return (!rest.is_empty()).then_some(Vendor::Canon);
    }
    if let Some(rest) = label.strip_prefix("rnp") {
        return hexy(rest).then_some(Vendor::Ricoh);
    }
    if let Some(rest) = label.strip_prefix("km") {
        return hexy(rest).then_some(Vendor::Kyocera);
    }
    if let Some(rest) = label.strip_prefix("hp") {
        return hexy(rest).then_some(Vendor::Hp);
    }
    None
}

/// A parsed, acceptable admin URL (http/https with a host), or `None`.
pub fn valid_admin_url(raw: &str) -> Option<url::Url> {
    let raw = raw.trim();
    if raw.is_empty() || raw.len() > MAX_URL_LEN || raw.chars().any(|c| c.is_control()) {
        return None;
    }
    // "http:///x" parses with host "x": require the authority right after "://".
    let (_, rest) = raw.split_once("://")?;
    if rest.is_empty() || rest.starts_with('/') || rest.starts_with('\\') {
        return None;
    }
    let u = url::Url::parse(raw).ok()?;
    let scheme_ok = matches!(u.scheme(), "http" | "https");
    let host_ok = u.host_str().is_some_and(|h| !h.is_empty());
    (scheme_ok && host_ok).then_some(u)
}

fn bump(scores: &mut [i32; 7], v: Option<Vendor>, w: i32) {
    if let Some(i) = v.and_then(Vendor::index) {
        scores[i] += w;
    }
}

/// Evidence for each vendor in one service, weighted by how telling it is.
fn vendor_scores(s: &ServiceRecord) -> [i32; 7] {
    let mut sc = [0i32; 7];
    for key in ["usb_MFG", "MFG", "manufacturer"] {
        bump(&mut sc, s.txt(key).and_then(vendor_from_name), 10);
    }
    bump(&mut sc, s.txt("ty").and_then(vendor_from_name), 6);
    bump(&mut sc, s.txt("product").and_then(vendor_from_name), 6);
    if let Some(u) = s.uuid() {
        if u.starts_with(EPSON_UUID_PREFIX) {
            bump(&mut sc, Some(Vendor::Epson), 5);
        } else if u.starts_with(BROTHER_UUID_PREFIX) {
            bump(&mut sc, Some(Vendor::Brother), 5);
        }
    }
    if let Some(u) = s.txt("adminurl").and_then(valid_admin_url) {
        let path = u.path().to_ascii_lowercase();
        if path.starts_with("/presentation/") {
            bump(&mut sc, Some(Vendor::Epson), 4);
        } else if path.starts_with("/net/net/") {
            bump(&mut sc, Some(Vendor::Brother), 4);
        } else if path.starts_with("/sws/") {
            bump(&mut sc, Some(Vendor::Xerox), 4);
        }
        bump(&mut sc, u.host_str().and_then(vendor_from_host), 3);
    }
    bump(&mut sc, vendor_from_host(&s.host), 3);
    if s.txt("mac").and_then(normalise_mac).is_some() {
        bump(&mut sc, Some(Vendor::Hp), 1);
    }
    match s.txt("rp").map(str::to_ascii_lowercase).as_deref() {
        Some("ipp/port1") => bump(&mut sc, Some(Vendor::Brother), 1),
        Some("printer") => bump(&mut sc, Some(Vendor::Ricoh), 1),
        _ => {}
    }
    if s.kind() == "_uscan._tcp" && s.port == 9095 {
        bump(&mut sc, Some(Vendor::Kyocera), 1);
    }
    sc
}

fn best_vendor(sc: &[i32; 7]) -> Vendor {
    let max = sc.iter().copied().max().unwrap_or(0);
    if max <= 0 {
        return Vendor::Unknown;
    }
    let mut top = sc.iter().enumerate().filter(|(_, s)| **s == max);
    match (top.next(), top.next()) {
        (Some((i, _)), None) => KNOWN_VENDORS[i],
        _ => Vendor::Unknown, // a tie: do not guess
    }
}

/// The vendor one service points at, on its own.
pub fn service_vendor(s: &ServiceRecord) -> Vendor {
    best_vendor(&vendor_scores(s))
}

/// Strips a leading vendor word ("EPSON ET-4850 Series" -> "ET-4850 Series").
fn strip_vendor_word(s: &str) -> String {
    let t = s
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    if let Some((first, rest)) = t.split_once(' ') {
        if vendor_from_name(first).is_some() && !rest.trim().is_empty() {
            return rest.trim().to_string();
        }
    }
    t.to_string()
}

fn flag(v: Option<&str>) -> bool {
    matches!(
        v.map(str::to_ascii_lowercase).as_deref(),
        Some("t" | "true" | "1" | "yes")
    )
}

/// What the services of one device say, put together.
#[derive(Debug, Clone, PartialEq)]
pub struct Recognition {
    pub vendor: Vendor,
    pub model: Option<String>,
    pub host_name: Option<String>,
    pub addresses: Vec<IpAddr>,
    pub admin_url: Option<String>,
    pub mac: Option<String>,
    pub uuid: Option<String>,
    pub capabilities: Capabilities,
}

/// Recognises one device from its services (any order; none is fine too).
pub fn recognize(services: &[ServiceRecord]) -> Recognition {
    let mut ordered: Vec<&ServiceRecord> = services.iter().collect();
    ordered.sort_by(|a, b| {
        (kind_rank(&a.kind()), &a.fullname).cmp(&(kind_rank(&b.kind()), &b.fullname))
    });

    let mut scores = [0i32; 7];
    for s in &ordered {
        for (acc, v) in scores.iter_mut().zip(vendor_scores(s)) {
            *acc += v;
        }
    }
    let vendor = best_vendor(&scores);

    let first = |f: &dyn Fn(&ServiceRecord) -> Option<String>| ordered.iter().find_map(|s| f(s));
    let model = first(&|s| {
        s.txt("usb_MDL")
            .or_else(|| s.txt("MDL"))
            .map(|m| m.to_string())
            .or_else(|| s.txt("ty").map(strip_vendor_word))
            .filter(|m| !m.is_empty())
    });
    let host_name = first(&|s| {
        let h = s.host.trim().trim_end_matches('.');
        (!h.is_empty()).then(|| h.to_string())
    });
    let addresses: Vec<IpAddr> = ordered
        .iter()
        .flat_map(|s| s.addresses.iter().copied())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let admin_url = first(&|s| {
        s.txt("adminurl")
            .filter(|u| valid_admin_url(u).is_some())
            .map(str::to_string)
    })
    .or_else(|| {
        ordered
            .iter()
            .find(|s| s.kind() == "_http._tcp")
            .and_then(|s| {
                let host = s.host.trim().trim_end_matches('.');
                let host = if !host.is_empty() {
                    host.to_string()
                } else {
                    match s.addresses.first()? {
                        IpAddr::V4(a) => a.to_string(),
                        IpAddr::V6(a) => format!("[{a}]"),
                    }
                };
                let path = s.txt("path").filter(|p| p.starts_with('/')).unwrap_or("/");
                let u = format!("http://{host}:{}{path}", s.port);
                valid_admin_url(&u).map(|_| u)
            })
    });
    let uuid = {
        // The most common UUID of the device (ties: the first by service rank).
        let mut count: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for (rank, u) in ordered
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.uuid().map(|u| (i, u)))
        {
            let e = count.entry(u).or_insert((0, rank));
            e.0 += 1;
        }
        count
            .into_iter()
            .max_by(|a, b| {
                (a.1 .0, std::cmp::Reverse(a.1 .1)).cmp(&(b.1 .0, std::cmp::Reverse(b.1 .1)))
            })
            .map(|(u, _)| u)
    };
    let mac = first(&|s| s.txt("mac").and_then(normalise_mac)).or_else(|| {
        let prefix = match vendor {
            Vendor::Epson => EPSON_UUID_PREFIX,
            Vendor::Brother => BROTHER_UUID_PREFIX,
            _ => return None,
        };
        uuid.as_deref()
            .and_then(|u| u.strip_prefix(prefix))
            .and_then(normalise_mac)
    });
    let kinds: BTreeSet<String> = ordered.iter().map(|s| s.kind()).collect();
    let capabilities = Capabilities {
        print: PRINT_KINDS.iter().any(|k| kinds.contains(*k)),
        scan: SCAN_KINDS.iter().any(|k| kinds.contains(*k))
            || ordered.iter().any(|s| flag(s.txt("Scan"))),
        fax: ordered
            .iter()
            .any(|s| flag(s.txt("Fax")) || s.txt("rfo").is_some()),
    };
    Recognition {
        vendor,
        model,
        host_name,
        addresses,
        admin_url,
        mac,
        uuid,
        capabilities,
    }
}

/// What grouping needs of one service (computed once per service).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceKey {
    pub vendor: Vendor,
    pub uuid: Option<String>,
    /// Lower-case host name without the trailing dot.
    pub host: String,
    pub addresses: Vec<IpAddr>,
}

impl ServiceKey {
    pub fn of(s: &ServiceRecord) -> ServiceKey {
        ServiceKey {
            vendor: service_vendor(s),
            uuid: s.uuid(),
            host: s.host_key(),
            addresses: s.addresses.clone(),
        }
    }
}

/// Groups services into devices: by UUID (unless the services' vendors disagree,
/// as when two vendors' firmware share a UUID), then by host name, then by address.
/// Returns groups of indices into `services`, each sorted; groups ordered by their
/// first index.
pub fn group_services(services: &[ServiceRecord]) -> Vec<Vec<usize>> {
    let keys: Vec<ServiceKey> = services.iter().map(ServiceKey::of).collect();
    group_keys(&keys)
}

/// [`group_services`] on precomputed keys.
pub fn group_keys(keys: &[ServiceKey]) -> Vec<Vec<usize>> {
    let refs: Vec<&ServiceKey> = keys.iter().collect();
    group_key_refs(&refs)
}

/// [`group_keys`] on borrowed keys (the live set regroups without copying them).
pub(crate) fn group_key_refs(keys: &[&ServiceKey]) -> Vec<Vec<usize>> {
    let n = keys.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    fn union(p: &mut [usize], a: usize, b: usize) {
        let (ra, rb) = (find(p, a), find(p, b));
        if ra != rb {
            p[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut by_uuid: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_host: HashMap<&str, usize> = HashMap::new();
    let mut by_addr: HashMap<IpAddr, usize> = HashMap::new();
    for (i, s) in keys.iter().enumerate() {
        if let Some(u) = s.uuid.as_deref() {
            let seen = by_uuid.entry(u).or_default();
            for &j in seen.iter() {
                let (a, b) = (keys[i].vendor, keys[j].vendor);
                if a == b || a == Vendor::Unknown || b == Vendor::Unknown {
                    union(&mut parent, i, j);
                    break;
                }
            }
            seen.push(i);
        }
        let h = s.host.as_str();
        if !h.is_empty() {
            match by_host.get(h) {
                Some(&j) => union(&mut parent, i, j),
                None => {
                    by_host.insert(h, i);
                }
            }
        }
        for a in &s.addresses {
            if a.is_loopback() || a.is_unspecified() {
                continue; // shared by everything on one machine
            }
            match by_addr.get(a) {
                Some(&j) => union(&mut parent, i, j),
                None => {
                    by_addr.insert(*a, i);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    out.sort_by_key(|g| g[0]);
    out
}

/// A fresh id for a device: "uuid:…", else "host:…", else "addr:…", else "svc:…".
pub fn device_id(r: &Recognition, services: &[ServiceRecord]) -> String {
    if let Some(u) = &r.uuid {
        return format!("uuid:{u}");
    }
    if let Some(h) = &r.host_name {
        return format!("host:{}", h.to_ascii_lowercase());
    }
    if let Some(a) = r.addresses.first() {
        return format!("addr:{a}");
    }
    let name = services
        .iter()
        .map(|s| s.fullname.to_ascii_lowercase())
        .min()
        .unwrap_or_default();
    format!("svc:{name}")
}
