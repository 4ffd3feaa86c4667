//! printoauth-sim: starts an emulated world (Epson Web Config devices, an Entra ID
//! emulator, an Exchange-like SMTP server) from flags or a TOML file, prints every
//! address, the control API and the test accounts, and stops cleanly on Ctrl-C.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use clap::{Parser, Subcommand};
use printoauth_sim::config::WorldConfig;
use printoauth_sim::world::{World, WorldSummary};

#[derive(Parser)]
#[command(
    name = "printoauth-sim",
    version,
    about = "The emulated world printoauth practises against"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Start a world and run until Ctrl-C.
    Run {
        /// A world described in TOML (see `printoauth-sim example-config`).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Instead of the practice set, this many Epson devices.
        #[arg(long, conflicts_with = "config")]
        epson: Option<usize>,
        /// Address to listen on (loopback by default).
        #[arg(long)]
        bind: Option<std::net::IpAddr>,
        /// Announce the devices over mDNS. Only inside a network namespace made for
        /// the purpose: on a real network it would announce emulated printers.
        #[arg(long)]
        mdns: bool,
        /// Also write the world's summary as JSON to this file once everything is up.
        #[arg(long)]
        summary: Option<PathBuf>,
        /// Print the summary as JSON on standard output instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print an example world in TOML (the practice world, then a business device
    /// whose administrator user name is set).
    ExampleConfig,
    /// Browse mDNS for printer services and print what resolves (inside a namespace only).
    MdnsBrowse {
        /// How long to browse.
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
        /// Service types to browse (default: every type printers announce).
        #[arg(long = "type")]
        types: Vec<String>,
    },
}

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("PRINTOAUTH_SIM_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::ExampleConfig => {
            print!("{}", toml::to_string_pretty(&WorldConfig::practice())?);
            println!(
                "\n# A business device whose administrator user name is set (the log-in then\n# needs that name; without admin_user it is blank, the factory default):\n#"
            );
            for line in printoauth_sim::config::NAMED_ADMIN_EXAMPLE.lines() {
                println!("# {line}");
            }
            Ok(())
        }
        Cmd::MdnsBrowse { seconds, types } => {
            let types = if types.is_empty() {
                printoauth_sim::mdns::EPSON_SERVICE_TYPES
                    .iter()
                    .map(|s| s.to_string())
                    .collect()
            } else {
                types
            };
            let found = printoauth_sim::mdns::browse(&types, Duration::from_secs_f64(seconds))?;
            println!("{}", serde_json::to_string_pretty(&found)?);
            Ok(())
        }
        Cmd::Run {
            config,
            epson,
            bind,
            mdns,
            summary,
            json,
        } => {
            let mut cfg = match (config, epson) {
                (Some(path), _) => {
                    let text = std::fs::read_to_string(&path)
                        .with_context(|| format!("reading {}", path.display()))?;
                    toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?
                }
                (None, Some(n)) => WorldConfig::with_epson_devices(n),
                (None, None) => WorldConfig::practice(),
            };
            if let Some(b) = bind {
                cfg.bind = b;
            }
            cfg.mdns |= mdns;
            let rt = tokio::runtime::Runtime::new()?;
            rt.block_on(run(cfg, summary, json))
        }
    }
}

async fn run(cfg: WorldConfig, summary_path: Option<PathBuf>, json: bool) -> anyhow::Result<()> {
    let world = World::start(cfg).await?;
    let summary = world.summary();
    if let Some(path) = &summary_path {
        // Written whole, then renamed: a reader never sees half a file.
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, serde_json::to_vec_pretty(&summary)?)?;
        std::fs::rename(&tmp, path)?;
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print_summary(&summary);
    }
    wait_for_stop().await;
    eprintln!("stopping…");
    world.stop();
    tokio::time::sleep(Duration::from_millis(200)).await;
    Ok(())
}

async fn wait_for_stop() {
    use tokio::signal::unix::{signal, SignalKind};
    let mut term = signal(SignalKind::terminate()).expect("SIGTERM handler");
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term.recv() => {}
    }
}

fn print_summary(s: &WorldSummary) {
    println!("printoauth practice world is up. Ctrl-C stops it.\n");
    println!("Identity (Entra ID emulator)");
    println!("  authority         {}", s.identity.authority);
    println!("  device code URL   {}", s.identity.device_code_url);
    println!("  token URL         {}", s.identity.token_url);
    println!("  sign-in page      {}", s.identity.verification_uri);
    println!("  personal accounts {}", s.identity.link_uri);
    for o in &s.identity.origins {
        println!("  {:<26} {}", o.host, o.origin);
    }
    println!("  printoauth app id {}", s.identity.printoauth_client_id);
    println!("SMTP submission (Exchange-like): {} (STARTTLS, name {}; trust the world CA from the control API /world)", s.smtp.addr, s.smtp.tls_name);
    println!("Control API: {}", s.control_url);
    println!("\nTenant {} ({})", s.tenant.domain, s.tenant.id);
    for u in &s.tenant.users {
        let note = match (&u.federated_idp, u.kind) {
            (_, printoauth_sim::tenant::AccountKind::Personal) => {
                "personal Microsoft account (Outlook.com)".to_string()
            }
            (Some(idp), _) => format!("{:?}, signs in at its own {idp}", u.role),
            (None, _) => format!("{:?}", u.role),
        };
        println!("  {:<34} {:<20} {note}", u.upn, u.password);
    }
    println!("\nDevices");
    for d in &s.devices {
        let oauth = if d.oauth2_available {
            if d.additional_network {
                "OAuth2 (additional network: refused)"
            } else {
                "OAuth2"
            }
        } else {
            "no OAuth2"
        };
        if d.vendor != printoauth_sim::models::Vendor::Epson {
            println!(
                "  [{}] {:<34} {:<14} {}  (recognised, not configured)",
                d.index, d.instance_name, d.host_name, d.http_url
            );
            continue;
        }
        let login = match d.admin_user.as_deref() {
            Some("") => format!("user name blank, password {}", d.admin_password),
            Some(u) => format!("user name {u}, password {}", d.admin_password),
            None => format!("password {}", d.admin_password),
        };
        println!(
            "  [{}] {:<34} {:<14} {}  {}  {}  Web Config in {}",
            d.index,
            d.instance_name,
            d.host_name,
            d.http_url,
            login,
            oauth,
            d.language.native_name()
        );
    }
    if s.mdns {
        println!("\nAnnouncing the devices over mDNS.");
    }
}
