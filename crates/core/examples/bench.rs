//! Benchmarks that print figures (not timed tests): configuring N emulated Epson
//! devices with consent auto-approved, and discovering N devices over mDNS.
//!
//!     cargo run --release -p printoauth-core --example bench -- configure 10 25 50
//!     # inside a network namespace where a world announces N devices:
//!     cargo run --release -p printoauth-core --example bench -- discover 50
//!
//!     # N devices of every family configured at once while faults are injected:
//!     cargo run --release -p printoauth-core --example bench -- chaos 250 --seed 7
//!     # avahi-browse on the same world (inside the namespace, with avahi-daemon):
//!     cargo run --release -p printoauth-core --example bench -- avahi 50
//!
//! `scripts/bench.sh` runs them, the discovery ones between two network namespaces.

use std::sync::Arc;
use std::time::{Duration, Instant};

use printoauth_core::devices::{
    AdminCredentials, ConnectOptions, DeviceAddress, EpsonWebConfig, OAuthTarget,
};
use printoauth_core::discovery::{Discovery, DiscoveryEvent, DiscoveryOptions, InterfaceChoice};
use printoauth_core::run::{self, DeviceState, RunOptions};
use printoauth_sim::config::WorldConfig;
use printoauth_sim::world::World;

#[path = "support/chaos.rs"]
mod chaos;

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|k| k.parse::<f64>().ok())
            })
        })
        .map(|kib| kib / 1024.0)
        .unwrap_or(f64::NAN)
}

async fn configure(n: usize) -> (Duration, usize) {
    let mut cfg = WorldConfig::with_epson_devices(n);
    // The vendor's app already has the organisation's consent, as after the first device.
    cfg.tenant.apps[0].admin_consented = true;
    let world = World::start(cfg).await.expect("world");
    let s = world.summary();
    let tasks: Vec<_> = s
        .devices
        .iter()
        .map(|d| run::DeviceTask {
            id: d.host_name.clone(),
            driver: Arc::new(EpsonWebConfig::new(
                DeviceAddress::from_urls(Some(&d.https_url), Some(&d.http_url)).unwrap(),
                ConnectOptions::default(),
            )),
            credentials: AdminCredentials::new(d.admin_password.clone()),
            target: OAuthTarget::exchange_online("scanner@contoso.example"),
            web_config_url: d.https_url.clone(),
        })
        .collect();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<run::RunEvent>();
    let identity = world.identity().clone();
    let approver = tokio::spawn(async move {
        while let Some(ev) = rx.recv().await {
            if let DeviceState::NeedsYou { code } = ev.state {
                identity
                    .approve(
                        &code.user_code,
                        "scanner@contoso.example",
                        "Practice-Scanner-1",
                        false,
                    )
                    .expect("approve");
            }
        }
    });
    let t0 = Instant::now();
    let outcomes = run::run_batch(
        tasks,
        RunOptions {
            concurrency: n,
            poll_interval: Duration::from_millis(500),
            ..Default::default()
        },
        tx,
    )
    .await;
    let took = t0.elapsed();
    approver.await.ok();
    let ok = outcomes.iter().filter(|o| o.succeeded()).count();
    world.stop();
    (took, ok)
}

/// Discovery's figures: when `expect` devices are complete (model and admin page
/// known) and when every device has all `services` service types resolved.
struct Found {
    complete: Option<Duration>,
    all_services: Option<Duration>,
}

async fn discover(expect: usize, services: usize, timeout: Duration) -> Found {
    let opts = DiscoveryOptions {
        interfaces: InterfaceChoice::All,
        ..Default::default()
    };
    let t0 = Instant::now();
    let mut d = Discovery::start(opts).expect("discovery");
    let deadline = tokio::time::Instant::now() + timeout;
    let mut found = Found {
        complete: None,
        all_services: None,
    };
    // Which devices are complete, from the events (a snapshot per event would copy
    // every device each time: the bench's own cost, not discovery's).
    let mut complete = std::collections::HashSet::new();
    let mut whole = std::collections::HashSet::new();
    while let Ok(Some(ev)) = tokio::time::timeout_at(deadline, d.next_event()).await {
        match ev {
            DiscoveryEvent::Added(x) | DiscoveryEvent::Changed(x) => {
                if x.model.is_some() && x.admin_url.is_some() {
                    complete.insert(x.id.clone());
                } else {
                    complete.remove(&x.id);
                }
                if x.services.len() >= services {
                    whole.insert(x.id);
                } else {
                    whole.remove(&x.id);
                }
            }
            DiscoveryEvent::Removed { id } => {
                complete.remove(&id);
                whole.remove(&id);
            }
        }
        if found.complete.is_none() && complete.len() >= expect {
            found.complete = Some(t0.elapsed());
        }
        if whole.len() >= expect {
            found.all_services = Some(t0.elapsed());
            break;
        }
    }
    tokio::task::spawn_blocking(move || d.stop()).await.ok();
    found
}

/// avahi-browse on the same world, as a person would: one `avahi-browse -r -p -k` per
/// service type discovery browses (all at once, through the avahi-daemon of this
/// network namespace; `DBUS_SYSTEM_BUS_ADDRESS` names its bus). A device counts as
/// listed once its `_ipp._tcp` service is resolved with its `adminurl` (what makes a
/// device complete for printoauth too: model and admin page). Returns the time until
/// `expect` devices are listed, or `None` after `timeout`.
fn avahi_discover(expect: usize, services: usize, timeout: Duration) -> Found {
    use std::io::BufRead;
    use std::process::{Command, Stdio};
    let t0 = Instant::now();
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    let mut children = Vec::new();
    for t in printoauth_core::discovery::DEFAULT_SERVICE_TYPES {
        let t = t.trim_end_matches(".local.");
        let mut child = Command::new("avahi-browse")
            .args(["-r", "-p", "-k", t])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("avahi-browse");
        let out = child.stdout.take().expect("stdout");
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        children.push(child);
    }
    drop(tx);
    let mut hosts = std::collections::BTreeSet::new();
    let mut resolved = std::collections::BTreeSet::new();
    let mut result = None;
    let mut all = None;
    let deadline = t0 + timeout;
    while let Ok(line) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        // =;iface;IPv4;name;type;domain;host;address;port;"txt" "txt"...
        let f: Vec<&str> = line.splitn(10, ';').collect();
        if f.len() == 10 && f[0] == "=" {
            resolved.insert((f[3].to_string(), f[4].to_string()));
            if f[4] == "_ipp._tcp" && f[9].contains("\"adminurl=") {
                hosts.insert(f[6].to_string());
                if hosts.len() >= expect && result.is_none() {
                    result = Some(t0.elapsed());
                }
            }
            if resolved.len() >= expect * services {
                all = Some(t0.elapsed());
                break;
            }
        }
    }
    for mut c in children {
        let _ = c.kill();
        let _ = c.wait();
    }
    if all.is_none() {
        eprintln!(
            "avahi-browse: {} of {expect} devices complete, {} of {} services resolved",
            hosts.len(),
            resolved.len(),
            expect * services
        );
    }
    Found {
        complete: result,
        all_services: all,
    }
}

/// Prints one browser's figures; false when it did not find everything.
fn report(who: &str, n: usize, f: &Found, timeout: Duration) -> bool {
    let secs = |t: Option<Duration>| match t {
        Some(t) => format!("{:.3} s", t.as_secs_f64()),
        None => format!("not within {} s", timeout.as_secs()),
    };
    println!(
        "{who}: {n} devices complete (model, admin page) in {}; every service of every device in {}",
        secs(f.complete),
        secs(f.all_services)
    );
    f.complete.is_some() && f.all_services.is_some()
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("configure") => {
            let sizes: Vec<usize> = args[1..].iter().filter_map(|a| a.parse().ok()).collect();
            let sizes = if sizes.is_empty() {
                vec![10, 25, 50]
            } else {
                sizes
            };
            println!("configure (consent auto-approved; the device polls Entra every 5 s as real ones do)");
            println!(
                "{:>8} {:>10} {:>12} {:>8}",
                "devices", "seconds", "ms/device", "ok"
            );
            for n in sizes {
                let (took, ok) = configure(n).await;
                println!(
                    "{:>8} {:>10.2} {:>12.1} {:>8}",
                    n,
                    took.as_secs_f64(),
                    took.as_secs_f64() * 1000.0 / n as f64,
                    ok
                );
            }
            println!(
                "peak RSS (world + client in one process): {:.1} MiB",
                peak_rss_mib()
            );
        }
        Some(which @ ("discover" | "avahi")) => {
            // N devices, each announcing SERVICES service types (7: every Epson
            // scanner's; the bench's world has only such devices).
            let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(50);
            let services: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(7);
            let timeout = Duration::from_secs(60);
            let ok = if which == "discover" {
                let f = discover(n, services, timeout).await;
                let ok = report("printoauth", n, &f, timeout);
                println!("peak RSS (browser): {:.1} MiB", peak_rss_mib());
                ok
            } else {
                let f = tokio::task::spawn_blocking(move || avahi_discover(n, services, timeout))
                    .await
                    .expect("avahi-browse");
                report("avahi-browse", n, &f, timeout)
            };
            if !ok {
                std::process::exit(1);
            }
        }
        Some("chaos") => {
            let mut n = 50;
            let mut seed = 7;
            let mut it = args[1..].iter();
            while let Some(a) = it.next() {
                match a.as_str() {
                    "--seed" => {
                        seed = it
                            .next()
                            .and_then(|s| s.parse().ok())
                            .expect("--seed takes a number")
                    }
                    x => n = x.parse().expect("the number of devices"),
                }
            }
            println!("chaos: {n} devices, seed {seed}");
            let report = chaos::run(n, seed).await;
            report.print();
            println!(
                "peak RSS (world + engine in one process): {:.1} MiB",
                peak_rss_mib()
            );
            if !report.unexpected.is_empty() {
                std::process::exit(1);
            }
        }
        _ => {
            eprintln!("usage: bench configure [N...] | bench discover N [SERVICES] | bench avahi N [SERVICES] | bench chaos N [--seed S]");
            std::process::exit(2);
        }
    }
}
