//! Discovery for real, inside network namespaces this test creates: namespace A runs
//! the emulated world (`printoauth-sim run --mdns`, each device on its own address),
//! namespace B runs printoauth-core's discovery (this test binary re-executed there:
//! `ip netns exec B <test binary> --exact helper_discover --include-ignored`, see
//! printoauth-testkit's `hosts::helper_cmd`). Nothing multicasts in the host's namespace.
//!
//! Needs root and iproute2 (skips otherwise, fails when CI=true), and the sim binary
//! (target/<profile>/printoauth-sim; built with cargo when missing).
//!
//! Run: cargo test -p printoauth-core --test discovery_netns -- --test-threads=1 --nocapture
//! Debugging: POATEST_KEEP_TMP=1 keeps /tmp/poatest-<pid>-disc* (TOML, summary, logs).

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

use printoauth_core::discovery::{
    discover_for, probe, DiscoveredDevice, Discovery, DiscoveryEvent, DiscoveryOptions,
    InterfaceChoice, Vendor,
};
use printoauth_testkit::hosts::{helper_cmd, helper_dir, sim_binary, NsWorld, B_IF};
use printoauth_testkit::netns::{privileged_or_skip, run_in, wait_for, ChildGuard};
use serde::{Deserialize, Serialize};
use serde_json::Value;

// ---------------------------------------------------------------------------------
// The world

/// Namespaces A and B joined by a veth; the world in A with `models`, each device on
/// its own /32 address; returns once its summary is written.
fn start_world(tag: u8, name: &str, models: &[&str]) -> NsWorld {
    NsWorld::start(&sim_binary(), name, tag, models)
}

// ---------------------------------------------------------------------------------
// The helper run inside namespace B

#[derive(Serialize, Deserialize)]
struct Job {
    /// Lower-case host names ("epson4a3aab.local") expected.
    hosts: Vec<String>,
    /// After all are recognised, keep browsing this long (duplicates would show).
    settle_ms: u64,
    timeout_ms: u64,
    /// Then wait for the world to stop and for every device to be Removed.
    expect_removal: bool,
    interfaces: InterfaceChoice,
    /// Afterwards, also run `discover_for` this long (0: not).
    discover_for_ms: u64,
}

#[derive(Serialize, Deserialize, Default)]
struct Outcome {
    /// Start of discovery to the first Added event.
    first_ms: Option<u64>,
    /// Start of discovery until every expected host was recognised (vendor + model).
    all_ms: Option<u64>,
    devices: Vec<DiscoveredDevice>,
    /// Ids added over the whole run (each device must be Added once).
    added: Vec<String>,
    /// Removed ids after the world stopped, and how long after the stop signal.
    removed: Vec<String>,
    removal_ms: Option<u64>,
}

fn recognised(d: &DiscoveredDevice) -> bool {
    d.vendor != Vendor::Unknown && d.model.is_some() && d.admin_url.is_some()
}

#[test]
#[ignore = "helper: run by the tests in this file inside a network namespace"]
fn helper_discover() {
    let Some(dir) = helper_dir("discover") else {
        return;
    };
    let job: Job = serde_json::from_slice(&std::fs::read(dir.join("job.json")).unwrap()).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let out = rt.block_on(async {
        let t0 = Instant::now();
        let mut d = Discovery::start(DiscoveryOptions {
            interfaces: job.interfaces.clone(),
            ..Default::default()
        })
        .expect("discovery starts inside the namespace");
        let mut out = Outcome::default();
        let expected: BTreeSet<String> = job.hosts.iter().cloned().collect();
        let deadline = t0 + Duration::from_millis(job.timeout_ms);
        let mut settle_until: Option<Instant> = None;
        loop {
            let until = settle_until.unwrap_or(deadline).min(deadline);
            let ev = tokio::time::timeout_at(until.into(), d.next_event()).await;
            match ev {
                Ok(Some(DiscoveryEvent::Added(dev))) => {
                    out.first_ms.get_or_insert(t0.elapsed().as_millis() as u64);
                    out.added.push(dev.id);
                }
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => break,
            }
            if settle_until.is_none() {
                let have: BTreeSet<String> = d
                    .snapshot()
                    .iter()
                    .filter(|d| recognised(d))
                    .filter_map(|d| d.host_name.as_ref().map(|h| h.to_lowercase()))
                    .collect();
                if expected.is_subset(&have) {
                    out.all_ms = Some(t0.elapsed().as_millis() as u64);
                    settle_until = Some(Instant::now() + Duration::from_millis(job.settle_ms));
                }
            }
        }
        out.devices = d.snapshot();
        std::fs::write(
            dir.join("found.json"),
            serde_json::to_vec_pretty(&out).unwrap(),
        )
        .unwrap();
        eprintln!(
            "helper_discover: {} devices; first Added after {:?} ms, all recognised after {:?} ms",
            out.devices.len(),
            out.first_ms,
            out.all_ms
        );
        if job.expect_removal {
            // Wait (bounded) for the test to stop the world, then for the Removed events.
            let stopped = dir.join("world-stopped");
            let t_wait = Instant::now();
            while !stopped.exists() && t_wait.elapsed() < Duration::from_secs(30) {
                // Keep draining events meanwhile.
                let _ = tokio::time::timeout(Duration::from_millis(20), d.next_event()).await;
            }
            let t_stop = Instant::now();
            let ids: BTreeSet<String> = out.devices.iter().map(|d| d.id.clone()).collect();
            let mut removed = BTreeSet::new();
            let deadline = t_stop + Duration::from_secs(20);
            while !ids.is_subset(&removed) {
                match tokio::time::timeout_at(deadline.into(), d.next_event()).await {
                    Ok(Some(DiscoveryEvent::Removed { id })) => {
                        removed.insert(id);
                    }
                    Ok(Some(_)) => {}
                    Ok(None) | Err(_) => break,
                }
            }
            out.removal_ms = Some(t_stop.elapsed().as_millis() as u64);
            out.removed = removed.into_iter().collect();
            out.devices = d.snapshot();
            std::fs::write(
                dir.join("removed.json"),
                serde_json::to_vec_pretty(&out).unwrap(),
            )
            .unwrap();
        }
        d.stop();
        if job.discover_for_ms > 0 {
            let t0 = Instant::now();
            let devices = discover_for(
                DiscoveryOptions {
                    interfaces: job.interfaces.clone(),
                    ..Default::default()
                },
                Duration::from_millis(job.discover_for_ms),
            )
            .await
            .expect("discover_for");
            eprintln!(
                "helper_discover: discover_for returned {} devices in {:?}",
                devices.len(),
                t0.elapsed()
            );
            std::fs::write(
                dir.join("discover_for.json"),
                serde_json::to_vec_pretty(&devices).unwrap(),
            )
            .unwrap();
        }
        out
    });
    drop(out);
}

/// Writes `job` and starts the discovery helper on it in namespace B.
fn start_helper(world: &NsWorld, job: &Job) -> ChildGuard {
    std::fs::write(world.tmp.join("job.json"), serde_json::to_vec(job).unwrap()).unwrap();
    run_in(
        &world.hosts.b,
        &helper_cmd("discover", &world.tmp.path),
        &world.tmp.join("helper.log"),
    )
    .unwrap()
}

fn expected_hosts(summary: &Value) -> Vec<String> {
    summary["devices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{}.local", d["host_name"].as_str().unwrap()).to_lowercase())
        .collect()
}

fn read_outcome(path: &Path) -> Outcome {
    serde_json::from_slice(
        &std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .unwrap()
}

fn vendor_of(sim_vendor: &str) -> Vendor {
    match sim_vendor {
        "epson" => Vendor::Epson,
        "brother" => Vendor::Brother,
        "hp" => Vendor::Hp,
        "canon" => Vendor::Canon,
        other => panic!("unexpected vendor {other}"),
    }
}

// ---------------------------------------------------------------------------------
// Tests

/// Epson business (fax, scanner-only, mono), consumer, a model without OAuth2, a
/// print-only one; a Brother, an HP and a Canon.
const MODELS: &[&str] = &[
    "WF-C5890 Series",
    "AM-C4000 Series",
    "WF-M5899 Series",
    "ET-4850 Series",
    "L6270 Series",
    "WF-2930 Series",
    "WF-C879R Series",
    "MFC-L8900CDW series",
    "HP Color LaserJet MFP M480",
    "MF632C/634C",
];

#[test]
fn every_emulated_device_is_listed_exactly_once() {
    if !privileged_or_skip("every_emulated_device_is_listed_exactly_once") {
        return;
    }
    let t_test = Instant::now();
    let world = start_world(1, "disc1", MODELS);
    let t_world = t_test.elapsed();
    let hosts = expected_hosts(&world.summary);
    let job = Job {
        hosts: hosts.clone(),
        settle_ms: 2500,
        timeout_ms: 20_000,
        expect_removal: false,
        interfaces: InterfaceChoice::Only(vec![B_IF.into()]),
        discover_for_ms: 3000,
    };
    let mut helper = start_helper(&world, &job);
    helper.assert_succeeds_within(Duration::from_secs(40), "helper");
    let out = read_outcome(&world.tmp.join("found.json"));
    assert!(
        out.all_ms.is_some(),
        "not every device was recognised in time: {:#?}",
        out.devices
    );

    // Exactly once: as many devices as emulated, one per host, each Added once.
    let listed: Vec<String> = out
        .devices
        .iter()
        .map(|d| d.host_name.clone().unwrap_or_default().to_lowercase())
        .collect();
    assert_eq!(out.devices.len(), MODELS.len(), "listed: {listed:?}");
    let unique_ids: BTreeSet<&String> = out.added.iter().collect();
    assert_eq!(
        unique_ids.len(),
        out.added.len(),
        "a device was added twice: {:?}",
        out.added
    );
    assert_eq!(out.added.len(), MODELS.len(), "added: {:?}", out.added);

    for s in world.summary["devices"].as_array().unwrap() {
        let host = format!("{}.local", s["host_name"].as_str().unwrap()).to_lowercase();
        let matching: Vec<&DiscoveredDevice> = out
            .devices
            .iter()
            .filter(|d| d.host_name.as_deref().map(str::to_lowercase) == Some(host.clone()))
            .collect();
        assert_eq!(matching.len(), 1, "{host}: {matching:#?}");
        let d = matching[0];
        let what = format!("{} ({host})", s["model"]);
        let vendor = vendor_of(s["vendor"].as_str().unwrap());
        assert_eq!(d.vendor, vendor, "{what}");
        assert_eq!(d.supported, vendor == Vendor::Epson, "{what}");
        let model = d.model.as_deref().unwrap();
        let want_model = s["model"].as_str().unwrap();
        assert!(
            model == want_model || (vendor == Vendor::Hp && format!("HP {model}") == want_model),
            "{what}: model {model:?}"
        );
        let ip: std::net::IpAddr = s["ip"].as_str().unwrap().parse().unwrap();
        assert_eq!(
            d.addresses,
            vec![ip],
            "{what}: addresses from the A records"
        );
        // The admin URL names the device's host and, for Epson, Web Config's entry.
        let admin = url::Url::parse(d.admin_url.as_deref().unwrap()).unwrap();
        assert_eq!(
            admin
                .host_str()
                .unwrap()
                .trim_end_matches('.')
                .to_lowercase(),
            host,
            "{what}: {admin}"
        );
        let http = url::Url::parse(s["http_url"].as_str().unwrap()).unwrap();
        assert_eq!(
            admin.port_or_known_default(),
            http.port_or_known_default(),
            "{what}: {admin}"
        );
        if vendor == Vendor::Epson {
            assert_eq!(admin.path(), "/PRESENTATION/BONJOUR", "{what}");
        }
        let mac = s["mac"].as_str().unwrap().to_lowercase().replace('-', ":");
        match vendor {
            Vendor::Canon => assert_eq!(d.mac, None, "{what}"),
            _ => assert_eq!(d.mac.as_deref(), Some(mac.as_str()), "{what}"),
        }
        assert!(d.capabilities.print, "{what}");
        assert!(d.services.len() >= 2, "{what}: {:?}", d.services);
    }
    // The one-shot API finds the same devices (fresh ids may differ: compare content).
    let once: Vec<DiscoveredDevice> =
        serde_json::from_slice(&std::fs::read(world.tmp.join("discover_for.json")).unwrap())
            .unwrap();
    let key = |d: &DiscoveredDevice| {
        (
            d.host_name.clone(),
            d.vendor,
            d.model.clone(),
            d.admin_url.clone(),
            d.mac.clone(),
        )
    };
    let a: BTreeSet<_> = out.devices.iter().map(key).collect();
    let b: BTreeSet<_> = once.iter().map(key).collect();
    assert_eq!(once.len(), MODELS.len());
    assert_eq!(a, b, "discover_for disagrees with Discovery");
    eprintln!(
        "every_emulated_device_is_listed_exactly_once: {} devices; world up in {t_world:?}; \
         first device after {:?} ms, all recognised after {:?} ms (browser start); whole test {:?}",
        MODELS.len(),
        out.first_ms,
        out.all_ms,
        t_test.elapsed()
    );
}

#[test]
fn devices_are_removed_when_the_world_says_goodbye() {
    if !privileged_or_skip("devices_are_removed_when_the_world_says_goodbye") {
        return;
    }
    let t_test = Instant::now();
    let mut world = start_world(
        2,
        "disc2",
        &["WF-C5890 Series", "ET-4850 Series", "MFC-L8900CDW series"],
    );
    let job = Job {
        hosts: expected_hosts(&world.summary),
        settle_ms: 1000,
        timeout_ms: 20_000,
        expect_removal: true,
        // The default choice (skips VPN/virtual interfaces; "poa-b" is neither).
        interfaces: InterfaceChoice::Default,
        discover_for_ms: 0,
    };
    let mut helper = start_helper(&world, &job);
    let found = world.tmp.join("found.json");
    assert!(
        wait_for(Duration::from_secs(30), || found.exists()),
        "helper found nothing; log:\n{}",
        helper.log_text()
    );
    let before = read_outcome(&found);
    assert_eq!(before.devices.len(), 3, "{:#?}", before.devices);
    // A clean stop (SIGTERM): the world unregisters its services (goodbye packets).
    let mut sim = world.sim.take().unwrap();
    sim.stop();
    std::fs::write(world.tmp.join("world-stopped"), "").unwrap();
    helper.assert_succeeds_within(Duration::from_secs(40), "helper");
    let after = read_outcome(&world.tmp.join("removed.json"));
    let ids: BTreeSet<String> = before.devices.iter().map(|d| d.id.clone()).collect();
    let removed: BTreeSet<String> = after.removed.iter().cloned().collect();
    assert_eq!(removed, ids, "world log:\n{}", sim.log_text());
    assert!(after.devices.is_empty(), "{:#?}", after.devices);
    eprintln!(
        "devices_are_removed_when_the_world_says_goodbye: 3 devices removed {:?} ms after the stop; whole test {:?}",
        after.removal_ms,
        t_test.elapsed()
    );
}

/// `probe` against a world on loopback (in-process, no mDNS): https then http,
/// self-signed certificate, Epson recognised with its model; other vendors not supported.
#[test]
fn probe_recognises_web_config_on_loopback() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let cfg = printoauth_sim::config::WorldConfig {
            devices: ["WF-C5890 Series", "ET-4850 Series", "MFC-L8900CDW series"]
                .iter()
                .map(|m| printoauth_sim::config::DeviceConfig {
                    model: m.to_string(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        };
        let world = printoauth_sim::world::World::start(cfg)
            .await
            .expect("world");
        let summary = serde_json::to_value(world.summary()).unwrap();
        for s in summary["devices"].as_array().unwrap() {
            let model = s["model"].as_str().unwrap();
            let vendor = vendor_of(s["vendor"].as_str().unwrap());
            for key in ["https_url", "http_url"] {
                let u = url::Url::parse(s[key].as_str().unwrap()).unwrap();
                let target = format!(
                    "{}:{}",
                    u.host_str().unwrap(),
                    u.port_or_known_default().unwrap()
                );
                let t0 = Instant::now();
                let d = probe(&target)
                    .await
                    .unwrap_or_else(|e| panic!("{target}: {e:?}"));
                eprintln!(
                    "probe {target} ({model}, {key}): {:?} {:?} in {:?}",
                    d.vendor,
                    d.model,
                    t0.elapsed()
                );
                assert_eq!(d.vendor, vendor, "{target}");
                assert_eq!(d.model.as_deref(), Some(model), "{target}");
                assert_eq!(d.supported, vendor == Vendor::Epson);
                assert_eq!(
                    d.addresses,
                    vec![u.host_str().unwrap().parse::<std::net::IpAddr>().unwrap()]
                );
                let admin = d.admin_url.unwrap();
                assert!(admin.starts_with(&format!("{}://", u.scheme())), "{admin}");
            }
        }
        // Nothing listens: a typed error, quickly.
        let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = free.local_addr().unwrap().port();
        drop(free);
        let err = probe(&format!("127.0.0.1:{port}")).await.unwrap_err();
        assert!(
            matches!(
                err,
                printoauth_core::discovery::DiscoveryError::DiscoveryProbeUnreachable { .. }
            ),
            "{err:?}"
        );
        let err = probe("not a host").await.unwrap_err();
        assert!(matches!(
            err,
            printoauth_core::discovery::DiscoveryError::DiscoveryProbeInvalidHost { .. }
        ));
        world.stop();
    });
}
