//! The `printoauth-sim` binary as a person or a test harness uses it: a world from a
//! TOML file, its summary, Ctrl-C; and, inside a network namespace, the same world
//! announcing its devices over real multicast to a browser on another host.

use std::collections::BTreeMap;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use printoauth_sim::mdns::BrowsedService;
use printoauth_sim::world::WorldSummary;
use printoauth_testkit::hosts::NsWorld;
use printoauth_testkit::netns::{privileged_or_skip, wait_for, TempDir};

const SIM: &str = env!("CARGO_BIN_EXE_printoauth-sim");

fn read_summary(path: &std::path::Path) -> WorldSummary {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn runs_from_toml_prints_the_world_and_stops_on_ctrl_c() {
    let tmp = TempDir::new("simbin").unwrap();
    let cfg = tmp.join("world.toml");
    std::fs::write(
        &cfg,
        r#"
[tenant]
security_defaults = true

[[devices]]
model = "WF-C5890 Series"
admin_password = "s3cret"

[[devices]]
model = "ET-4850 Series"
language = "de"
"#,
    )
    .unwrap();
    let summary = tmp.join("summary.json");
    let child = Command::new(SIM)
        .args(["run", "--config"])
        .arg(&cfg)
        .arg("--summary")
        .arg(&summary)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    assert!(
        wait_for(Duration::from_secs(15), || summary.exists()),
        "no summary written"
    );
    let s = read_summary(&summary);
    assert_eq!(s.devices.len(), 2);
    assert_eq!(s.devices[0].admin_password, "s3cret");
    // Business models: the blank factory-default user name; consumer models have none.
    assert_eq!(s.devices[0].admin_user.as_deref(), Some(""));
    assert_eq!(s.devices[1].admin_user, None);
    assert_eq!(s.devices[1].language, printoauth_sim::config::Lang::De);
    assert!(!s.mdns);
    // Every address printed answers.
    let page = reqwest::blocking_get(&format!("{}/PRESENTATION/BONJOUR", s.devices[1].http_url));
    assert!(page.contains("Erweiterte Einstellungen"), "{page}");
    let tenant = reqwest::blocking_get(&format!("{}/tenant", s.control_url));
    assert!(tenant.contains("\"security_defaults\":true"), "{tenant}");

    // Ctrl-C: a clean stop.
    let t0 = Instant::now();
    unsafe_kill(child.id(), 2);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(t0.elapsed() < Duration::from_secs(5));
    let stdout = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "Identity (Entra ID emulator)",
        "Control API:",
        "admin@contoso.example",
        "Practice-Admin-1",
        "EPSON WF-C5890 Series",
        "user name blank, password s3cret",
        "Web Config in Deutsch",
        &s.devices[0].http_url,
    ] {
        assert!(
            stdout.contains(needle),
            "{needle:?} missing from:\n{stdout}"
        );
    }
    // The ports are free again.
    assert!(std::net::TcpStream::connect(s.smtp.addr).is_err());
}

#[test]
fn refuses_mdns_outside_a_namespace_made_for_it() {
    let out = Command::new(SIM)
        .args(["run", "--mdns", "--epson", "1"])
        .env_remove("PRINTOAUTH_MDNS_ALLOW_HOST_NETNS")
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "mDNS must not start in the host's namespace"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.to_lowercase().contains("namespace"), "{err}");
}

/// Sends signal `sig` to `pid` via kill(1) (no libc dependency in tests).
fn unsafe_kill(pid: u32, sig: u8) {
    let st = Command::new("kill")
        .arg(format!("-{sig}"))
        .arg(pid.to_string())
        .status()
        .unwrap();
    assert!(st.success());
}

mod reqwest {
    /// A GET on loopback with the standard library only, returning the body.
    pub fn blocking_get(url: &str) -> String {
        use std::io::{Read, Write};
        let rest = url.strip_prefix("http://").expect("http URL");
        let (hostport, path) = rest
            .split_once('/')
            .map(|(h, p)| (h, format!("/{p}")))
            .unwrap_or((rest, "/".into()));
        let mut s = std::net::TcpStream::connect(hostport).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {hostport}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    }
}

#[test]
fn world_in_one_namespace_browsed_from_another() {
    if !privileged_or_skip("world_in_one_namespace_browsed_from_another") {
        return;
    }
    let models = [
        "WF-C5890 Series",
        "ET-4850 Series",
        "WF-2930 Series",
        "AM-C4000 Series",
        "MFC-L8900CDW series",
        "HP Color LaserJet MFP M480",
        "MF632C/634C",
    ];
    let mut world = NsWorld::start(SIM.as_ref(), "sim7", 7, &models);
    let s = world.world_summary();
    assert!(s.mdns);

    let mut browse = Command::new(SIM);
    browse.args(["mdns-browse", "--seconds", "4"]);
    let out = world
        .hosts
        .b
        .output(&browse, Duration::from_secs(30))
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found: Vec<BrowsedService> = serde_json::from_slice(&out.stdout).unwrap();

    let mut by_host: BTreeMap<String, Vec<&BrowsedService>> = BTreeMap::new();
    for f in &found {
        by_host
            .entry(f.host.trim_end_matches('.').to_lowercase())
            .or_default()
            .push(f);
    }
    for d in &s.devices {
        let host = format!("{}.local", d.host_name).to_lowercase();
        let services = by_host.get(&host).unwrap_or_else(|| {
            panic!(
                "{} ({host}) not seen; found {:?}",
                d.instance_name,
                by_host.keys()
            )
        });
        for svc in services.iter() {
            assert_eq!(
                svc.addresses,
                vec![d.ip],
                "{} {}",
                d.instance_name,
                svc.service_type
            );
        }
        let ipp = services
            .iter()
            .find(|s| s.service_type.starts_with("_ipp._tcp"))
            .unwrap_or_else(|| panic!("no _ipp._tcp for {}", d.instance_name));
        let http = services
            .iter()
            .find(|s| s.service_type.starts_with("_http._tcp"))
            .unwrap();
        assert_eq!(http.port, 80, "Web Config on its own address listens on 80");
        if d.vendor == printoauth_sim::models::Vendor::Epson {
            assert_eq!(ipp.txt.get("UUID"), Some(&d.uuid));
            assert_eq!(ipp.txt.get("usb_MFG").map(String::as_str), Some("EPSON"));
            assert_eq!(ipp.txt.get("usb_MDL"), Some(&d.model));
            assert_eq!(
                ipp.txt.get("adminurl"),
                Some(&format!(
                    "http://{}.local.:80/PRESENTATION/BONJOUR",
                    d.host_name
                ))
            );
            // Every Epson device announces its printing services, and scanners theirs.
            for ty in [
                "_ipp._tcp",
                "_ipps._tcp",
                "_printer._tcp",
                "_pdl-datastream._tcp",
                "_uscan._tcp",
                "_scanner._tcp",
            ] {
                assert_eq!(
                    services
                        .iter()
                        .filter(|s| s.service_type.starts_with(ty))
                        .count(),
                    1,
                    "{ty} for {}",
                    d.instance_name
                );
            }
        }
    }
    world.sim.take().unwrap().stop();
}
