//! mDNS between hosts, for real, inside network namespaces this test creates:
//! namespace A (the world: emulated devices, each with its own address) and
//! namespace B (a browser), joined by a veth pair.
//!
//! 1. `devices_resolve_across_a_veth`: printoauth_sim's announcer in A, its browser in B.
//! 2. `avahi_browses_the_devices`: Debian's avahi-daemon + avahi-browse in B.
//!
//! The processes inside the namespaces are this test binary itself, re-executed
//! (`ip netns exec NS <test binary> --exact helper_... --include-ignored`, see
//! printoauth-testkit's `hosts::helper_cmd`) with the helper's role and directory. Nothing
//! multicasts in the host's namespace. Needs root and iproute2 (skips otherwise,
//! fails in CI); the avahi test needs avahi-daemon, avahi-utils and dbus.
//!
//! Run: cargo test -p printoauth-sim --test mdns_netns -- --nocapture --test-threads=1
//! Debugging: POATEST_KEEP_TMP=1 keeps /tmp/poatest-<pid>-mdns* (JSON, helper logs,
//! avahi's config and log); POATEST_AVAHI_DEBUG=1 runs avahi-daemon with --debug.

use std::collections::{BTreeMap, BTreeSet};
use std::net::IpAddr;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use printoauth_sim::config::DeviceConfig;
use printoauth_sim::device::identity_for;
use printoauth_sim::mdns::{
    browse_until, device_services, group_by_device, Announcer, BrowsedService, ServiceAnnouncement,
};
use printoauth_sim::models::{find, DeviceIdentity, ModelSpec, Vendor};
use printoauth_testkit::hosts::{helper_cmd, helper_dir, TwoHosts, B_IF};
use printoauth_testkit::netns::{
    addr, privileged_or_skip, require_programs, run_in, wait_for, ChildGuard, NetNs, TempDir,
};
use printoauth_testkit::AVAHI_NS_SCRIPT;
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------------
// The emulated devices

fn model(name: &str) -> &'static ModelSpec {
    find(name).unwrap_or_else(|| panic!("model {name} not in the catalogue"))
}

/// A print-only variant (no scanner, no fax) of a catalogue model.
fn print_only(name: &str) -> &'static ModelSpec {
    let mut m = model(name).clone();
    m.scanner = false;
    m.fax = false;
    Box::leak(Box::new(m))
}

/// A device's network identity as the emulator makes it for `mac`, with its ports.
fn identity(
    m: &'static ModelSpec,
    mac: &str,
    ip: IpAddr,
    http_port: u16,
    https_port: u16,
) -> DeviceIdentity {
    let cfg = DeviceConfig {
        mac: Some(mac.into()),
        ..Default::default()
    };
    let mut id = identity_for(0, &cfg, m, ip).expect("a device identity");
    id.http_port = http_port;
    id.https_port = https_port;
    id
}

/// Nine devices: Epson scanner+fax, scanner-only, mono, consumer (one on port 8080),
/// print-only; a Brother, an HP and a Canon. Addresses .10.. in subnet `tag`.
fn world(tag: u8) -> Vec<DeviceIdentity> {
    let specs: [(&'static ModelSpec, &str, u16, u16); 9] = [
        (model("WF-C5890 Series"), "64:eb:8c:4a:3a:ab", 80, 443),
        (model("AM-C4000 Series"), "f8:d0:27:01:02:03", 80, 443),
        (model("WF-M5899 Series"), "38:1a:52:10:20:30", 80, 443),
        (model("ET-4850 Series"), "44:d2:44:aa:bb:cc", 8080, 8443),
        (model("L6270 Series"), "a4:ee:57:0d:0e:0f", 80, 443),
        (print_only("WF-C879R Series"), "dc:cd:2f:55:66:77", 80, 443),
        (model("MFC-L8900CDW series"), "30:05:5c:11:22:33", 80, 443),
        (
            model("HP Color LaserJet MFP M480"),
            "28:80:23:44:55:66",
            80,
            443,
        ),
        (model("MF632C/634C"), "00:1e:8f:77:88:99", 80, 443),
    ];
    specs
        .into_iter()
        .enumerate()
        .map(|(i, (m, mac, http, https))| {
            identity(m, mac, IpAddr::V4(addr(tag, 10 + i as u8)), http, https)
        })
        .collect()
}

// ---------------------------------------------------------------------------------
// Two hosts: A (world) and B (browser)

fn two_hosts(tag: u8, devices: &[DeviceIdentity]) -> TwoHosts {
    let hosts = TwoHosts::new(&format!("t{tag}"), tag).expect("namespaces A and B");
    for d in devices {
        hosts.add_device_address(d.ip).expect("device address");
    }
    hosts
}

/// Starts the announcer helper in `ns` for `services` and waits until all are announced.
/// Returns the guard and the time the announcer took (start to all announced).
fn start_announcer(
    ns: &NetNs,
    dir: &Path,
    services: &[ServiceAnnouncement],
) -> (ChildGuard, Duration) {
    std::fs::write(
        dir.join("announce.json"),
        serde_json::to_vec(services).unwrap(),
    )
    .unwrap();
    let mut g = run_in(ns, &helper_cmd("announce", dir), &dir.join("announcer.log"))
        .expect("spawn announcer");
    let ready = dir.join("announced");
    let ok = wait_for(Duration::from_secs(15), || {
        ready.exists() || matches!(g.try_wait(), Ok(Some(_)))
    });
    assert!(
        ok && ready.exists(),
        "announcer not ready; log:\n{}",
        g.log_text()
    );
    let ms: u64 = std::fs::read_to_string(&ready)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    (g, Duration::from_millis(ms))
}

/// The nine devices of [`world`] announced from A, with the work directory `name`.
struct Announced {
    devices: Vec<DeviceIdentity>,
    services: Vec<ServiceAnnouncement>,
    hosts: TwoHosts,
    tmp: TempDir,
    announcer: ChildGuard,
    /// From the announcer's start until all were announced.
    announce_time: Duration,
}

fn announce_world(tag: u8, name: &str) -> Announced {
    let devices = world(tag);
    let services = all_services(&devices);
    let hosts = two_hosts(tag, &devices);
    let tmp = TempDir::new(name).unwrap();
    let (announcer, announce_time) = start_announcer(&hosts.a, &tmp.path, &services);
    Announced {
        devices,
        services,
        hosts,
        tmp,
        announcer,
        announce_time,
    }
}

fn stop_announcer(mut g: ChildGuard, dir: &Path) {
    std::fs::write(dir.join("stop"), "").unwrap();
    g.assert_succeeds_within(Duration::from_secs(5), "announcer");
}

fn all_services(devices: &[DeviceIdentity]) -> Vec<ServiceAnnouncement> {
    devices.iter().flat_map(device_services).collect()
}

fn service_types(services: &[ServiceAnnouncement]) -> Vec<String> {
    services
        .iter()
        .map(|s| s.service_type.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

// ---------------------------------------------------------------------------------
// Helpers run inside the namespaces

#[derive(Serialize, Deserialize)]
struct BrowseJob {
    types: Vec<String>,
    /// Lower-case full names; browsing stops once all are resolved.
    expect: Vec<String>,
    timeout_ms: u64,
}

#[derive(Serialize, Deserialize)]
struct BrowseResult {
    /// From the browser's start until all expected services were resolved (or timeout).
    elapsed_ms: u64,
    services: Vec<BrowsedService>,
}

#[test]
#[ignore = "helper: run by the tests in this file inside a network namespace"]
fn helper_announce() {
    let Some(dir) = helper_dir("announce") else {
        return;
    };
    let services: Vec<ServiceAnnouncement> =
        serde_json::from_slice(&std::fs::read(dir.join("announce.json")).unwrap()).unwrap();
    let t0 = Instant::now();
    let announcer = Announcer::start(services).expect("announcer");
    announcer
        .wait_announced(Duration::from_secs(10))
        .expect("announced");
    let took = t0.elapsed();
    eprintln!(
        "helper_announce: {} services announced in {took:?}",
        announcer.fullnames().len()
    );
    std::fs::write(dir.join("announced"), took.as_millis().to_string()).unwrap();
    // Block until the test says stop (bounded, in case the test died).
    wait_for(Duration::from_secs(60), || dir.join("stop").exists());
    announcer.shutdown();
    eprintln!("helper_announce: stopped");
}

#[test]
#[ignore = "helper: run by the tests in this file inside a network namespace"]
fn helper_browse() {
    let Some(dir) = helper_dir("browse") else {
        return;
    };
    let job: BrowseJob =
        serde_json::from_slice(&std::fs::read(dir.join("browse.json")).unwrap()).unwrap();
    let expect: BTreeSet<String> = job.expect.iter().cloned().collect();
    let t0 = Instant::now();
    let services = browse_until(&job.types, Duration::from_millis(job.timeout_ms), |found| {
        let have: BTreeSet<String> = found.iter().map(|s| s.fullname.to_lowercase()).collect();
        expect.is_subset(&have)
    })
    .expect("browse");
    let elapsed_ms = t0.elapsed().as_millis() as u64;
    eprintln!(
        "helper_browse: {} services in {elapsed_ms} ms",
        services.len()
    );
    let out = BrowseResult {
        elapsed_ms,
        services,
    };
    std::fs::write(
        dir.join("browse-result.json"),
        serde_json::to_vec_pretty(&out).unwrap(),
    )
    .unwrap();
}

// ---------------------------------------------------------------------------------
// Test 1: printoauth_sim announcer in A, printoauth_sim browser in B

#[test]
fn devices_resolve_across_a_veth() {
    if !privileged_or_skip("devices_resolve_across_a_veth") {
        return;
    }
    let t_test = Instant::now();
    let setup = announce_world(1, "mdns1");

    let job = BrowseJob {
        types: service_types(&setup.services),
        expect: setup
            .services
            .iter()
            .map(|s| s.fullname().to_lowercase())
            .collect(),
        timeout_ms: 15_000,
    };
    std::fs::write(
        setup.tmp.join("browse.json"),
        serde_json::to_vec(&job).unwrap(),
    )
    .unwrap();
    let mut browser = run_in(
        &setup.hosts.b,
        &helper_cmd("browse", &setup.tmp.path),
        &setup.tmp.join("browser.log"),
    )
    .unwrap();
    browser.assert_succeeds_within(Duration::from_secs(25), "browser");
    let result: BrowseResult =
        serde_json::from_slice(&std::fs::read(setup.tmp.join("browse-result.json")).unwrap())
            .unwrap();
    stop_announcer(setup.announcer, &setup.tmp.path);

    // Every service exactly once, with host, the device's own address, port and TXT.
    let by_name: BTreeMap<String, &BrowsedService> = result
        .services
        .iter()
        .map(|s| (s.fullname.to_lowercase(), s))
        .collect();
    assert_eq!(
        by_name.len(),
        result.services.len(),
        "a service was reported twice"
    );
    let expected: BTreeSet<String> = setup
        .services
        .iter()
        .map(|s| s.fullname().to_lowercase())
        .collect();
    let seen: BTreeSet<String> = by_name.keys().cloned().collect();
    assert_eq!(
        seen,
        expected,
        "missing: {:?}; unexpected: {:?}",
        expected.difference(&seen).collect::<Vec<_>>(),
        seen.difference(&expected).collect::<Vec<_>>()
    );
    for a in &setup.services {
        let s = by_name[&a.fullname().to_lowercase()];
        let what = &s.fullname;
        assert_eq!(s.service_type, a.service_type, "{what}");
        assert_eq!(s.instance(), a.instance, "{what}");
        assert_eq!(s.host, a.host, "{what}");
        assert_eq!(
            s.addresses,
            vec![a.ip],
            "{what}: only the device's own address"
        );
        assert_eq!(s.port, a.port, "{what}");
        let want: BTreeMap<String, String> = a.txt.iter().cloned().collect();
        assert_eq!(s.txt, want, "{what}: TXT");
    }

    // Merged by UUID (then host): one device per MAC, each with all its services.
    let groups = group_by_device(&result.services);
    assert_eq!(
        groups.len(),
        setup.devices.len(),
        "devices: {:?}",
        groups.keys().collect::<Vec<_>>()
    );
    for d in &setup.devices {
        let key = format!("uuid:{}", d.uuid);
        let g = groups
            .get(&key)
            .unwrap_or_else(|| panic!("no device {key}"));
        assert_eq!(g.len(), device_services(d).len(), "{key}");
        assert!(g.iter().all(|s| s.addresses == vec![d.ip]), "{key}");
        if d.model.vendor == Vendor::Epson {
            assert!(d.uuid.ends_with(&d.mac_hex()));
        }
    }
    let epson_macs: BTreeSet<String> = groups
        .keys()
        .filter_map(|k| {
            k.strip_prefix("uuid:cfe92100-67c4-11d4-a45f-")
                .map(str::to_string)
        })
        .collect();
    let want_macs: BTreeSet<String> = setup
        .devices
        .iter()
        .filter(|d| d.model.vendor == Vendor::Epson)
        .map(|d| d.mac_hex())
        .collect();
    assert_eq!(epson_macs, want_macs);

    eprintln!(
        "devices_resolve_across_a_veth: {} devices, {} services; announced (probe+announce) in {:?}; \
         browser in B resolved all in {} ms; whole test {:?}",
        setup.devices.len(),
        setup.services.len(),
        setup.announce_time,
        result.elapsed_ms,
        t_test.elapsed()
    );
    drop(setup.hosts);
}

// ---------------------------------------------------------------------------------
// Test 2: printoauth_sim announcer in A, Debian's avahi in B

/// One `=` line of `avahi-browse -p -r`.
#[derive(Debug, Clone)]
struct AvahiResolved {
    iface: String,
    name: String,
    service_type: String,
    host: String,
    address: String,
    port: u16,
    /// In the order avahi prints them (the reverse of the announcement).
    txt: Vec<(String, String)>,
}

/// Undoes avahi's escaping in `-p` output: `\DDD` (decimal byte) and `\c`.
fn avahi_unescape(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 3 < b.len() && b[i + 1..i + 4].iter().all(u8::is_ascii_digit) {
            out.push(s[i + 1..i + 4].parse::<u8>().unwrap_or(b'?'));
            i += 4;
        } else if b[i] == b'\\' && i + 1 < b.len() {
            out.push(b[i + 1]);
            i += 2;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Splits avahi's TXT field `"a=1" "b=2"` into items.
fn avahi_txt(field: &str) -> Vec<(String, String)> {
    let mut items = Vec::new();
    let mut chars = field.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut item = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    if let Some(n) = chars.next() {
                        item.push('\\');
                        item.push(n);
                    }
                }
                '"' => break,
                c => item.push(c),
            }
        }
        let item = avahi_unescape(&item);
        let (k, v) = item.split_once('=').unwrap_or((&item, ""));
        items.push((k.to_string(), v.to_string()));
    }
    items
}

fn parse_avahi(out: &str) -> Vec<AvahiResolved> {
    out.lines()
        .filter(|l| l.starts_with("=;"))
        .filter_map(|l| {
            let f: Vec<&str> = l.splitn(10, ';').collect();
            if f.len() < 10 || f[2] != "IPv4" {
                return None;
            }
            Some(AvahiResolved {
                iface: f[1].to_string(),
                name: avahi_unescape(f[3]),
                service_type: f[4].to_string(),
                host: f[6].to_string(),
                address: f[7].to_string(),
                port: f[8].parse().ok()?,
                txt: avahi_txt(f[9]),
            })
        })
        .collect()
}

#[test]
fn avahi_parsing() {
    let line = r#"=;poa-b;IPv4;EPSON\032WF-C5890\032Series;_ipp._tcp;local;EPSON4A3AAB.local;10.0.0.10;631;"b=x\;y" "note=" "a=1""#;
    let r = parse_avahi(line);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].name, "EPSON WF-C5890 Series");
    assert_eq!(
        r[0].txt,
        vec![
            ("b".into(), "x;y".into()),
            ("note".into(), "".into()),
            ("a".into(), "1".into())
        ]
    );
}

#[test]
fn avahi_browses_the_devices() {
    if !privileged_or_skip("avahi_browses_the_devices") {
        return;
    }
    require_programs(
        "avahi_browses_the_devices",
        &[
            "avahi-daemon",
            "avahi-browse",
            "dbus-daemon",
            "unshare",
            "mount",
        ],
    );
    let t_test = Instant::now();
    let setup = announce_world(2, "mdns2");

    // avahi-daemon (browser only) with a private D-Bus, in B, in a private mount namespace.
    let avahi_dir = setup.tmp.join("avahi");
    std::fs::create_dir_all(&avahi_dir).unwrap();
    let mut cmd = Command::new("unshare");
    cmd.args(["-m", "--propagation", "private", "sh"])
        .arg(AVAHI_NS_SCRIPT)
        .arg(&avahi_dir)
        .arg(B_IF);
    let mut avahi =
        run_in(&setup.hosts.b, &cmd, &setup.tmp.join("avahi_ns.log")).expect("spawn avahi");
    let ready = avahi_dir.join("ready");
    let t_avahi = Instant::now();
    let ok = wait_for(Duration::from_secs(10), || {
        ready.exists() || matches!(avahi.try_wait(), Ok(Some(_)))
    });
    assert!(
        ok && ready.exists(),
        "avahi did not start; log:\n{}\n{}",
        avahi.log_text(),
        std::fs::read_to_string(avahi_dir.join("avahi.log")).unwrap_or_default()
    );
    let avahi_start = t_avahi.elapsed();

    // avahi-browse -rptk per type (in parallel), repeated until every service is seen.
    let bus = format!("unix:path={}", avahi_dir.join("dbus.sock").display());
    let types = service_types(&setup.services);
    let want: BTreeSet<(String, String)> = setup
        .services
        .iter()
        .map(|s| {
            (
                s.instance.clone(),
                s.service_type.trim_end_matches(".local.").to_string(),
            )
        })
        .collect();
    let mut seen: BTreeMap<(String, String), AvahiResolved> = BTreeMap::new();
    let t_browse = Instant::now();
    let mut rounds = 0;
    while t_browse.elapsed() < Duration::from_secs(20) {
        rounds += 1;
        let outputs: Vec<std::io::Result<std::process::Output>> = std::thread::scope(|s| {
            let handles: Vec<_> = types
                .iter()
                .map(|t| {
                    let t = t.trim_end_matches(".local.").to_string();
                    let mut c = Command::new("avahi-browse");
                    c.args(["-r", "-p", "-t", "-k", &t])
                        .env("DBUS_SYSTEM_BUS_ADDRESS", &bus);
                    let ns = &setup.hosts.b;
                    s.spawn(move || ns.output(&c, Duration::from_secs(10)))
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for o in outputs {
            let o = o.expect("avahi-browse");
            assert!(
                o.status.success(),
                "avahi-browse: {:?} {}",
                o.status,
                String::from_utf8_lossy(&o.stderr)
            );
            for r in parse_avahi(&String::from_utf8_lossy(&o.stdout)) {
                seen.insert((r.name.clone(), r.service_type.clone()), r);
            }
        }
        if want.iter().all(|k| seen.contains_key(k)) {
            break;
        }
    }
    let browse_time = t_browse.elapsed();
    let missing: Vec<_> = want.iter().filter(|k| !seen.contains_key(*k)).collect();
    assert!(
        missing.is_empty(),
        "avahi did not resolve {missing:?} in {browse_time:?} ({rounds} rounds); avahi log:\n{}",
        std::fs::read_to_string(avahi_dir.join("avahi.log")).unwrap_or_default()
    );
    let unexpected: Vec<_> = seen.keys().filter(|k| !want.contains(*k)).collect();
    assert!(unexpected.is_empty(), "unexpected services: {unexpected:?}");

    for a in &setup.services {
        let key = (
            a.instance.clone(),
            a.service_type.trim_end_matches(".local.").to_string(),
        );
        let r = &seen[&key];
        assert_eq!(r.iface, B_IF);
        assert_eq!(r.host, a.host.trim_end_matches('.'), "{key:?}");
        assert_eq!(
            r.address,
            a.ip.to_string(),
            "{key:?}: the device's own address"
        );
        assert_eq!(r.port, a.port, "{key:?}");
        let mut announced = a.txt.clone();
        announced.reverse();
        assert_eq!(
            r.txt, announced,
            "{key:?}: TXT (avahi prints it in reverse)"
        );
    }

    avahi.stop();
    stop_announcer(setup.announcer, &setup.tmp.path);
    eprintln!(
        "avahi_browses_the_devices: {} services; announced in {:?}; avahi-daemon up in {avahi_start:?}; \
         avahi-browse resolved all in {browse_time:?} ({rounds} round(s) of {} parallel avahi-browse -rptk); whole test {:?}",
        setup.services.len(),
        setup.announce_time,
        types.len(),
        t_test.elapsed()
    );
    drop(setup.hosts);
}
