//! Benchmarks that print figures (not timed tests): configuring N emulated Epson
//! devices with consent auto-approved, and discovering N devices over mDNS.
//!
//!     cargo run --release -p printoauth-core --example bench -- configure 10 25 50
//!     # inside a network namespace where a world announces N devices:
//!     cargo run --release -p printoauth-core --example bench -- discover 50
//!
//! `scripts/bench.sh` runs both, the discovery one between two network namespaces.

use std::sync::Arc;
use std::time::{Duration, Instant};

use printoauth_core::devices::{
    AdminCredentials, ConnectOptions, DeviceAddress, EpsonWebConfig, OAuthTarget,
};
use printoauth_core::discovery::{Discovery, DiscoveryOptions, InterfaceChoice};
use printoauth_core::run::{self, DeviceState, RunOptions};
use printoauth_sim::config::WorldConfig;
use printoauth_sim::world::World;

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

async fn discover(expect: usize, timeout: Duration) -> Option<Duration> {
    let opts = DiscoveryOptions {
        interfaces: InterfaceChoice::All,
        ..Default::default()
    };
    let t0 = Instant::now();
    let mut d = Discovery::start(opts).expect("discovery");
    let deadline = tokio::time::Instant::now() + timeout;
    let mut result = None;
    while let Ok(Some(_)) = tokio::time::timeout_at(deadline, d.next_event()).await {
        let complete = d
            .snapshot()
            .iter()
            .filter(|x| x.model.is_some() && x.admin_url.is_some())
            .count();
        if complete >= expect {
            result = Some(t0.elapsed());
            break;
        }
    }
    tokio::task::spawn_blocking(move || d.stop()).await.ok();
    result
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
        Some("discover") => {
            let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(50);
            match discover(n, Duration::from_secs(20)).await {
                Some(t) => println!("discover: {n} devices complete in {:.3} s", t.as_secs_f64()),
                None => {
                    println!("discover: fewer than {n} devices within 20 s");
                    std::process::exit(1);
                }
            }
            println!("peak RSS (browser): {:.1} MiB", peak_rss_mib());
        }
        _ => {
            eprintln!("usage: bench configure [N...] | bench discover N");
            std::process::exit(2);
        }
    }
}
