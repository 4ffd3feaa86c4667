//! printoauth: discover printers and scanners, check the tenant, configure devices for
//! OAuth 2.0 with Exchange Online, and troubleshoot them — from a terminal or a script.
//!
//! Exit codes (stable):
//! - 0: everything asked for succeeded;
//! - 1: something was done but failed (a device, a check, a finding that needs action;
//!   for `health`: any device whose sign-in expired, whose mail jobs failed, or that
//!   could not be read);
//! - 2: the command line was wrong;
//! - 3: the command could not run (no password, unreadable world file, discovery
//!   unavailable, a device that cannot be resolved).
//!
//! `--json` prints machine-readable output on standard output: one JSON object per
//! line for progress events (`{"event": ...}`), and a final `{"result": ...}` line.
//! Errors are `{code, params}` objects. Human output goes to standard output, and
//! progress to standard error.
//!
//! Passwords are never taken as arguments: `PRINTOAUTH_ADMIN_PASSWORD` (scripts), a
//! prompt on the terminal, or, in practice mode, the emulated device's own.
//!
//! A device whose page printoauth cannot read is never a dead end: `configure` prints
//! what to do on the device's own page (with `--json`, a `{"manual": {device, path,
//! resume}}` line: the steps as codes and params, and the command that resumes it),
//! and `configure --resume DEVICE ...` reads the device again and continues its run
//! from where the device is. Every run is recorded in the audit trail (an SQLite
//! database beside the certificate pins, or `--audit FILE`): `audit` lists the runs
//! and what each did on each device, and when a run was killed or interrupted,
//! `configure --resume` with no device named resumes the devices it did not finish
//! (the password, as always, from the environment or a prompt, never from the
//! trail). Every `check-tenant` outcome is recorded there too, and `report` shows the
//! newest one. `capture DEVICE` saves the pages printoauth reads on a
//! device, redacted, into one file to attach to a bug report.

mod error;
mod i18n;
mod output;
mod target;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};
use printoauth_core::audit::{AuditLog, AuditSink, RunContext};
use printoauth_core::devices::{DeviceDriver, EmailService, OAuthTarget};
use printoauth_core::diagnosis::Fix;
use printoauth_core::discovery::{self, DiscoveryOptions, InterfaceChoice};
use printoauth_core::run::{self, DeviceState, RunOptions};
use printoauth_core::tenant_check::{self, TenantCheckConfig};
use printoauth_core::troubleshoot;

use error::CliError;
use output::Out;
use target::{Targets, World};

#[derive(Parser)]
#[command(
    name = "printoauth",
    version,
    about = "Move scan-to-email devices to OAuth 2.0 with Exchange Online"
)]
struct Cli {
    /// Machine-readable output (JSON lines, language-neutral).
    #[arg(long, global = true)]
    json: bool,
    /// Language of the output: en, uz, lt, be, hi, mk (default: the system's).
    #[arg(long, global = true, env = "PRINTOAUTH_LANG")]
    lang: Option<String>,
    /// A practice world file (from `printoauth practice`): use its emulated devices,
    /// sign-in service and mail server instead of the real ones.
    #[arg(long, global = true, env = "PRINTOAUTH_WORLD")]
    world: Option<PathBuf>,
    /// Allow plain HTTP to devices when HTTPS is unavailable.
    #[arg(long, global = true)]
    allow_http: bool,
    /// Where device certificates are pinned (default: the user's config folder).
    #[arg(long, global = true, env = "PRINTOAUTH_PINS")]
    pins: Option<PathBuf>,
    /// The audit trail's database (default: audit.sqlite3 beside the certificate pins).
    #[arg(long, global = true, env = "PRINTOAUTH_AUDIT")]
    audit: Option<PathBuf>,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    Pdf,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Service {
    ExchangeOnline,
    OutlookCom,
}

#[derive(Subcommand)]
enum Cmd {
    /// List printers and scanners on the network (mDNS).
    Discover {
        /// How long to listen, in seconds.
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
        /// Keep listening and print changes as they happen (Ctrl-C stops).
        #[arg(long)]
        watch: bool,
        /// Only these network interfaces (repeatable).
        #[arg(long = "interface")]
        interfaces: Vec<String>,
        /// Include VPN and virtual interfaces.
        #[arg(long)]
        all_interfaces: bool,
        /// Add a device by IP address or host name (its web page is probed) instead
        /// of listening (repeatable).
        #[arg(long = "add", value_name = "HOST")]
        add: Vec<String>,
    },
    /// Show a device's mail settings and whether OAuth2 is possible.
    Status {
        /// Address, host name, URL — or in practice mode the device's index or host name.
        device: String,
        /// Administrator user name (business models; blank by default, as Web Config ships).
        #[arg(long)]
        user: Option<String>,
    },
    /// Configure devices: OAuth2 with Exchange Online, sign-in, save, verify.
    Configure {
        /// The devices (with `--resume` and none named: the devices the last run did
        /// not finish, from the audit trail).
        #[arg(required_unless_present = "resume")]
        devices: Vec<String>,
        /// Sender's Email Address (the mailbox the devices send as; with `--resume`,
        /// the last run's by default).
        #[arg(long, required_unless_present = "resume")]
        sender: Option<String>,
        #[arg(long, value_enum, default_value_t = Service::ExchangeOnline)]
        service: Service,
        /// Devices worked on at once.
        #[arg(long, default_value_t = 8)]
        concurrency: usize,
        #[arg(long)]
        user: Option<String>,
        /// Read the devices again and continue their runs from where each device is
        /// (after a step was done by hand on the device's page, or after a run was
        /// interrupted); with no device named, the devices the last run did not finish.
        #[arg(long)]
        resume: bool,
    },
    /// The audit trail: every run and each step it took on each device (what was
    /// written, before and after, when, the result), newest run first.
    Audit {
        /// Only this run (its id, or the start of it).
        #[arg(long)]
        run: Option<String>,
        /// How many runs to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// The customer's report of a run from the audit trail (default: the last run): the
    /// site, the date, each device (what was found, what changed before → after, done
    /// or failed with its fix), in the output language. Holds no password, token or
    /// sign-in code.
    Report {
        /// The run (its id, or the start of it).
        #[arg(long)]
        run: Option<String>,
        /// The customer's site, as it should appear on the report.
        #[arg(long, default_value = "")]
        site: String,
        #[arg(long, value_enum, default_value_t = ReportFormat::Pdf)]
        format: ReportFormat,
        /// The file to write (default: printoauth-report-<run>.<format> here; "-":
        /// standard output).
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Save the pages printoauth reads on a device, with passwords, tokens, session
    /// cookies and codes removed, into one file for a bug report. No setting is
    /// changed, no sign-in started, nothing saved (as for every read, Web Config is
    /// switched to English).
    Capture {
        /// Address, host name, URL — or in practice mode the device's index or host name.
        device: String,
        /// Administrator user name (business models; "admin" by default).
        #[arg(long)]
        user: Option<String>,
        /// The file to write (default: printoauth-capture-<device>-<time>.json here).
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Trust a device's new certificate (after a reset or firmware update gave it one):
    /// the fingerprint printoauth showed when the certificate changed.
    TrustCertificate {
        /// Address, host name, URL — or in practice mode the device's index or host name.
        device: String,
        /// The new certificate's SHA-256 fingerprint (64 hexadecimal digits).
        #[arg(long)]
        fingerprint: String,
    },
    /// Check the tenant's prerequisites: sign in, then send a test mail. Without an
    /// application id nothing is sent: the check says how to register printoauth, and
    /// meanwhile checks through a configured device (its own connection test): the
    /// one `--device` names, else the first device the audit trail shows set up (the
    /// newest run that set one up, of practice mode or not as now). Each outcome is
    /// recorded in the audit trail, for the customer's report. Exit code 0 when every
    /// check passed, 1 when one needs action (a check failed, a device could not be
    /// checked, or no application id and no configured device to check through), 3
    /// when the check could not run (a device that cannot be resolved).
    CheckTenant {
        /// printoauth's application (client) id in the tenant (register it once: the
        /// check says how when it is missing).
        #[arg(long, env = "PRINTOAUTH_APP_ID")]
        app_id: Option<String>,
        /// The mailbox to send the test mail from (the signed-in account by default).
        #[arg(long)]
        sender: Option<String>,
        /// Where the test mail goes (the sender by default).
        #[arg(long)]
        to: Option<String>,
        /// Without an application id: check through this configured device instead
        /// (its own connection test). Address, host name, URL — or in practice mode
        /// the device's index or host name. `--device` alone: the first device the
        /// audit trail shows set up.
        #[arg(long, num_args = 0..=1, default_missing_value = "", value_name = "DEVICE")]
        device: Option<String>,
        /// The device's administrator user name (business models that have one).
        #[arg(long, requires = "device")]
        user: Option<String>,
    },
    /// List every device with what it can do and how it sends mail now, reading each
    /// without changing it: vendor, model, firmware, whether OAuth2 is possible (and
    /// why not), the authentication method, who is signed in, the sender, the last
    /// mail job, and for devices that cannot do OAuth2 the alternatives. Devices are
    /// the ones named, else those discovery finds (or `--add` probes). The password
    /// for every device: PRINTOAUTH_ADMIN_PASSWORD, else one prompt; without one the
    /// devices are listed with what discovery says.
    Inventory {
        /// Address, host name, URL — or in practice mode the device's index or host name.
        devices: Vec<String>,
        /// How long to listen for devices, in seconds (when none is named).
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
        /// Only these network interfaces (repeatable).
        #[arg(long = "interface")]
        interfaces: Vec<String>,
        /// Include VPN and virtual interfaces.
        #[arg(long)]
        all_interfaces: bool,
        /// Add a device by IP address or host name (its web page is probed) instead
        /// of listening (repeatable).
        #[arg(long = "add", value_name = "HOST")]
        add: Vec<String>,
        /// Administrator user name (business models; blank by default).
        #[arg(long)]
        user: Option<String>,
        /// CSV (one line per device) instead of the table.
        #[arg(long)]
        csv: bool,
        /// Devices read at once.
        #[arg(long, default_value_t = 8)]
        concurrency: usize,
    },
    /// Check that devices still send mail: flags a sign-in that expired (the device
    /// says so, or a mail job failed with 361/370 since the last sign-in) and recent
    /// mail jobs that failed (360). For RMM tools and scheduled tasks: exit code 0
    /// when every device is healthy (a device not on OAuth2 is listed, not counted),
    /// 1 when any device needs attention (sign-in expired, jobs failed, not readable),
    /// 3 when the check could not run. `configure` the flagged devices again to sign
    /// them in. Devices and the password as for `inventory`.
    Health {
        /// Address, host name, URL — or in practice mode the device's index or host name.
        devices: Vec<String>,
        /// How long to listen for devices, in seconds (when none is named).
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
        /// Only these network interfaces (repeatable).
        #[arg(long = "interface")]
        interfaces: Vec<String>,
        /// Include VPN and virtual interfaces.
        #[arg(long)]
        all_interfaces: bool,
        /// Add a device by IP address or host name (its web page is probed) instead
        /// of listening (repeatable).
        #[arg(long = "add", value_name = "HOST")]
        add: Vec<String>,
        /// Administrator user name (business models; blank by default).
        #[arg(long)]
        user: Option<String>,
        /// Devices checked at once.
        #[arg(long, default_value_t = 8)]
        concurrency: usize,
    },
    /// Diagnose one device: expired sign-in, unsaved settings, job errors 360/361/370.
    Troubleshoot {
        device: String,
        #[arg(long)]
        user: Option<String>,
    },
    /// Start the emulated world (practice mode) and say how to use it.
    Practice {
        /// Instead of the practice set, this many Epson devices.
        #[arg(long)]
        epson: Option<usize>,
        /// Where to write the world file.
        #[arg(long, default_value = "printoauth-world.json")]
        world_file: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = Out::new(cli.json, i18n::choose(cli.lang.as_deref()));
    let rt = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            return out.cannot_run(
                &CliError::Runtime {
                    detail: e.to_string(),
                }
                .into(),
            );
        }
    };
    rt.block_on(dispatch(cli, out))
}

async fn dispatch(cli: Cli, out: Out) -> ExitCode {
    let world = match cli.world.as_deref().map(World::load).transpose() {
        Ok(w) => w,
        Err(e) => {
            let file = cli.world.as_deref().unwrap_or(std::path::Path::new(""));
            return out.cannot_run(
                &CliError::WorldFileUnreadable {
                    file: file.display().to_string(),
                    detail: e.to_string(),
                }
                .into(),
            );
        }
    };
    let targets = Targets::new(world.clone(), cli.allow_http, cli.pins.clone());
    // The global options a printed command must repeat.
    let mut global: Vec<String> = Vec::new();
    if let Some(w) = &cli.world {
        global.extend(["--world".to_string(), w.display().to_string()]);
    }
    if cli.allow_http {
        global.push("--allow-http".into());
    }
    if let Some(p) = &cli.pins {
        global.extend(["--pins".to_string(), p.display().to_string()]);
    }
    // ... and the command that resumes the last run, which reads the trail.
    let mut resume_global = global.clone();
    if let Some(p) = &cli.audit {
        resume_global.extend(["--audit".to_string(), p.display().to_string()]);
    }
    let audit_file = cli.audit.clone().or_else(target::default_audit_file);
    let in_practice = world.is_some();
    match cli.cmd {
        Cmd::Discover {
            seconds,
            watch,
            interfaces,
            all_interfaces,
            add,
        } => {
            if add.is_empty() {
                discover(
                    &out,
                    world.as_ref(),
                    seconds,
                    watch,
                    interfaces,
                    all_interfaces,
                )
                .await
            } else {
                add_by_address(&out, &add).await
            }
        }
        Cmd::Status { device, user } => status(&out, &targets, &device, user).await,
        Cmd::Configure {
            devices,
            sender,
            service,
            concurrency,
            user,
            resume,
        } => {
            let job = Job {
                sender: sender.unwrap_or_default(),
                service,
                concurrency,
                user,
                resume,
                global,
                audit_file,
                practice: in_practice,
                resume_global,
            };
            configure(&out, &targets, devices, job).await
        }
        Cmd::Audit { run, limit } => {
            audit_cmd(&out, audit_file, in_practice, &resume_global, run, limit)
        }
        Cmd::Report {
            run,
            site,
            format,
            output,
        } => report_cmd(&out, audit_file, run, &site, format, output),
        Cmd::Capture {
            device,
            user,
            output,
        } => capture(&out, &targets, &device, user, output).await,
        Cmd::TrustCertificate {
            device,
            fingerprint,
        } => match targets.trust_certificate(&device, &fingerprint) {
            Ok(fp) => {
                out.certificate_trusted(&device, &fp);
                ExitCode::SUCCESS
            }
            Err(e) => out.cannot_run(&e),
        },
        Cmd::CheckTenant {
            app_id,
            sender,
            to,
            device,
            user,
        } => {
            let log = open_audit_saying(&out, audit_file.as_deref(), "cli-audit-unavailable-check");
            let check = TenantJob {
                out: &out,
                targets: &targets,
                log: log.as_deref(),
                practice: in_practice,
            };
            let given = app_id
                .as_deref()
                .is_some_and(printoauth_core::identity::is_app_id);
            match device {
                // No application id given: the device's own connection test instead
                // (`--device` alone: the first device the audit trail shows set up).
                Some(device) if !given => match device.trim() {
                    "" => check.through_configured_device(user).await,
                    named => check.through_device(named, None, user).await,
                },
                _ => check.live(world.as_ref(), app_id, sender, to, user).await,
            }
        }
        Cmd::Troubleshoot { device, user } => troubleshoot_cmd(&out, &targets, &device, user).await,
        Cmd::Inventory {
            devices,
            seconds,
            interfaces,
            all_interfaces,
            add,
            user,
            csv,
            concurrency,
        } => {
            let select = Selection {
                devices,
                seconds,
                interfaces,
                all_interfaces,
                add,
            };
            inventory_cmd(
                &out,
                &targets,
                world.as_ref(),
                select,
                user,
                csv,
                concurrency,
            )
            .await
        }
        Cmd::Health {
            devices,
            seconds,
            interfaces,
            all_interfaces,
            add,
            user,
            concurrency,
        } => {
            let select = Selection {
                devices,
                seconds,
                interfaces,
                all_interfaces,
                add,
            };
            let audit = audit_file
                .as_deref()
                .and_then(|p| AuditLog::open_existing(p).ok().flatten());
            health_cmd(
                &out,
                &targets,
                world.as_ref(),
                select,
                user,
                concurrency,
                audit.as_ref(),
            )
            .await
        }
        Cmd::Practice { epson, world_file } => practice(&out, epson, world_file).await,
    }
}

async fn discover(
    out: &Out,
    world: Option<&World>,
    seconds: f64,
    watch: bool,
    interfaces: Vec<String>,
    all_interfaces: bool,
) -> ExitCode {
    if let Some(w) = world {
        // Practice mode: the emulated devices are fed in directly; nothing is announced
        // on the real network.
        out.devices(&w.discovered());
        return ExitCode::SUCCESS;
    }
    let opts = DiscoveryOptions {
        interfaces: if all_interfaces {
            InterfaceChoice::All
        } else if !interfaces.is_empty() {
            InterfaceChoice::Only(interfaces)
        } else {
            InterfaceChoice::Default
        },
        allow_host_network: true,
        ..Default::default()
    };
    if watch {
        let mut d = match discovery::Discovery::start(opts) {
            Ok(d) => d,
            Err(e) => {
                out.error(&e.into());
                return ExitCode::from(3);
            }
        };
        loop {
            tokio::select! {
                ev = d.next_event() => match ev {
                    Some(ev) => out.discovery_event(&ev),
                    None => break,
                },
                _ = tokio::signal::ctrl_c() => break,
            }
        }
        tokio::task::spawn_blocking(move || d.stop()).await.ok();
        return ExitCode::SUCCESS;
    }
    match discovery::discover_for(opts, Duration::from_secs_f64(seconds)).await {
        Ok(devs) => {
            out.devices(&devs);
            ExitCode::SUCCESS
        }
        Err(e) => {
            out.error(&e.into());
            ExitCode::from(3)
        }
    }
}

/// Manual add: probes each address's web server and lists what answered.
async fn add_by_address(out: &Out, hosts: &[String]) -> ExitCode {
    let mut found = Vec::new();
    let mut failed = false;
    for h in hosts {
        match discovery::probe(h).await {
            Ok(d) => found.push(d),
            Err(e) => {
                failed = true;
                out.error(&e.into());
            }
        }
    }
    out.devices(&found);
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

async fn status(out: &Out, targets: &Targets, device: &str, user: Option<String>) -> ExitCode {
    let t = match targets.resolve(device, user) {
        Ok(t) => t,
        Err(e) => return out.cannot_run(&e),
    };
    let d = t.connection.driver.as_ref();
    let r = async {
        d.login(&t.credentials).await?;
        let caps = d.mail_capabilities().await?;
        let settings = d.read_email_settings().await?;
        let panel = d.panel_state().await?;
        Ok::<_, printoauth_core::Error>((caps, settings, panel))
    }
    .await;
    match r {
        Ok((caps, settings, panel)) => {
            out.status(&t.label, &caps, &settings, &panel);
            ExitCode::SUCCESS
        }
        Err(e) => {
            out.error(&e);
            ExitCode::from(1)
        }
    }
}

/// What `configure` was asked to do.
struct Job {
    sender: String,
    service: Service,
    concurrency: usize,
    user: Option<String>,
    resume: bool,
    /// Global options to repeat in a printed command (`--world`, `--allow-http`, `--pins`).
    global: Vec<String>,
    /// ... and `--audit`, for the command that resumes the last run.
    resume_global: Vec<String>,
    /// The audit trail's database (`None`: no folder to keep it in).
    audit_file: Option<PathBuf>,
    /// Against a practice world.
    practice: bool,
}

impl Job {
    /// The command that resumes `device` (as typed, quoted for a POSIX shell where
    /// needed).
    fn resume_args(&self, device: &str) -> Vec<String> {
        let mut a = vec!["printoauth".to_string()];
        a.extend(self.global.iter().cloned());
        a.extend(["configure".into(), "--resume".into(), device.to_string()]);
        a.extend(["--sender".into(), self.sender.clone()]);
        if matches!(self.service, Service::OutlookCom) {
            a.extend(["--service".into(), "outlook-com".into()]);
        }
        if let Some(u) = &self.user {
            a.extend(["--user".into(), u.clone()]);
        }
        a
    }
}

/// One argument as a POSIX shell reads it back.
fn shell_word(w: &str) -> String {
    let plain = !w.is_empty()
        && w.chars()
            .all(|c| c.is_ascii_alphanumeric() || "@%+=:,./_-".contains(c));
    if plain {
        w.to_string()
    } else {
        format!("'{}'", w.replace('\'', "'\\''"))
    }
}

/// The command that resumes the unfinished devices of the last run.
fn resume_last_command(global: &[String]) -> String {
    let mut a = vec!["printoauth".to_string()];
    a.extend(global.iter().cloned());
    a.extend(["configure".into(), "--resume".into()]);
    a.iter()
        .map(|w| shell_word(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Opens the audit trail to write to it; a warning (and no trail) when it cannot.
fn open_audit(out: &Out, file: Option<&std::path::Path>) -> Option<Arc<AuditLog>> {
    open_audit_saying(out, file, "cli-audit-unavailable")
}

/// [`open_audit`], the warning saying what goes on without the trail (`message`).
fn open_audit_saying(
    out: &Out,
    file: Option<&std::path::Path>,
    message: &str,
) -> Option<Arc<AuditLog>> {
    let file = file?;
    match AuditLog::open(file) {
        Ok(log) => Some(Arc::new(log)),
        Err(e) => {
            out.audit_unavailable(&e.to_string(), message);
            None
        }
    }
}

async fn configure(out: &Out, targets: &Targets, devices: Vec<String>, job: Job) -> ExitCode {
    let mut job = job;
    let mut devices = devices;
    // A sender given is checked before anything is opened, asked for or touched.
    if !job.sender.is_empty() {
        if let Err(e) = run::check_sender(&job.sender) {
            out.error(&e);
            return ExitCode::from(2);
        }
    }
    let log = open_audit(out, job.audit_file.as_deref());
    let unfinished = log
        .as_ref()
        .and_then(|l| l.unfinished(job.practice).ok().flatten());
    let mut resumes = None;
    if job.resume && devices.is_empty() {
        // The devices the last run did not finish, with that run's target.
        let Some(u) = unfinished else {
            out.nothing_to_resume();
            return ExitCode::SUCCESS;
        };
        devices = u.devices.iter().map(|d| d.id.clone()).collect();
        if job.sender.is_empty() {
            job.sender = u.run.sender.clone();
            job.service = match u.run.service {
                EmailService::ExchangeOnline => Service::ExchangeOnline,
                EmailService::OutlookCom => Service::OutlookCom,
            };
        }
        out.resuming(&u);
        resumes = Some(u.run.id.clone());
    } else {
        if let Some(u) = &unfinished {
            out.unfinished(u, &resume_last_command(&job.resume_global));
        }
        if job.sender.is_empty() {
            // `--resume DEVICE...` without a sender: the last run's.
            match log
                .as_ref()
                .and_then(|l| l.runs(1).ok())
                .and_then(|r| r.into_iter().next())
            {
                Some(r) => job.sender = r.sender,
                None => {
                    return out.cannot_run(&CliError::SenderMissing {}.into());
                }
            }
        }
    }
    let service = match job.service {
        Service::ExchangeOnline => EmailService::ExchangeOnline,
        Service::OutlookCom => EmailService::OutlookCom,
    };
    // The sender is checked before any password is asked for or any device touched.
    if let Err(e) = run::check_sender(&job.sender) {
        out.error(&e);
        return ExitCode::from(2);
    }
    let mut tasks = Vec::new();
    let mut labels = std::collections::HashMap::new();
    for dev in &devices {
        match targets.resolve(dev, job.user.clone()) {
            Ok(t) => {
                if let Some(n) = &t.name {
                    labels.insert(t.label.clone(), n.clone());
                }
                tasks.push(run::DeviceTask::new(
                    t.label.clone(),
                    &t.connection,
                    t.credentials.clone(),
                    OAuthTarget::new(service, job.sender.clone()),
                ))
            }
            Err(e) => return out.cannot_run(&e),
        }
    }
    let audit = log.as_ref().map(|l| {
        let r: Arc<dyn AuditSink> = l.recorder(RunContext {
            front_end: "cli".into(),
            practice: job.practice,
            resumes,
            labels,
        });
        r
    });
    let opts = RunOptions {
        concurrency: job.concurrency,
        audit,
        ..Default::default()
    };
    let mode = if job.resume {
        run::Mode::CheckAgain
    } else {
        run::Mode::Run
    };
    let (batch, mut rx) = match run::start_batch(tasks, opts, mode) {
        Ok(b) => b,
        Err(e) => {
            out.error(&e);
            return ExitCode::from(2);
        }
    };
    // Ctrl-C cancels: every device still working is reported as cancelled.
    let canceller = batch.canceller();
    let ctrl_c = tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            canceller.cancel();
        }
    });
    while let Some(ev) = rx.recv().await {
        out.run_event(&ev);
        if let DeviceState::Failed {
            fix: Fix::ConfirmCertificate { found_sha256, .. },
            ..
        } = &ev.state
        {
            let mut a = vec!["printoauth".to_string()];
            a.extend(job.global.iter().cloned());
            a.extend([
                "trust-certificate".to_string(),
                ev.device.clone(),
                "--fingerprint".to_string(),
                found_sha256.clone(),
            ]);
            let command = a
                .iter()
                .map(|w| shell_word(w))
                .collect::<Vec<_>>()
                .join(" ");
            out.trust_hint(&command);
        }
        if let DeviceState::Failed {
            manual: Some(path), ..
        } = &ev.state
        {
            let args = job.resume_args(&ev.device);
            let command = args
                .iter()
                .map(|a| shell_word(a))
                .collect::<Vec<_>>()
                .join(" ");
            let mut capture = vec!["printoauth".to_string()];
            capture.extend(job.global.iter().cloned());
            capture.extend(["capture".to_string(), ev.device.clone()]);
            if let Some(u) = &job.user {
                capture.extend(["--user".to_string(), u.clone()]);
            }
            let capture = capture
                .iter()
                .map(|a| shell_word(a))
                .collect::<Vec<_>>()
                .join(" ");
            out.manual(&ev.device, path, &args, &command, &capture);
        }
    }
    ctrl_c.abort();
    let outcomes = batch.finish().await;
    out.run_summary(&outcomes);
    if outcomes
        .iter()
        .all(|o| matches!(o.state, DeviceState::Done { .. }))
    {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `printoauth audit`: the runs and their entries, and what the last run left
/// unfinished.
fn report_cmd(
    out: &Out,
    file: Option<PathBuf>,
    run: Option<String>,
    site: &str,
    format: ReportFormat,
    output: Option<PathBuf>,
) -> ExitCode {
    use printoauth_core::report::{self, Report, ReportError};
    let no_run = || match &run {
        Some(r) => CliError::ReportNoRun { run: r.clone() },
        None => CliError::ReportNothing {},
    };
    let log = match file.as_deref().map(AuditLog::open_existing).transpose() {
        Ok(Some(Some(l))) => l,
        Ok(_) => return out.cannot_run(&no_run().into()),
        Err(e) => {
            return out.cannot_run(
                &CliError::AuditUnreadable {
                    detail: e.to_string(),
                }
                .into(),
            )
        }
    };
    let report = match Report::from_audit(&log, run.as_deref(), site, None) {
        Ok(r) => r,
        Err(ReportError::NoSuchRun { .. }) => return out.cannot_run(&no_run().into()),
        Err(e) => {
            return out.cannot_run(
                &CliError::AuditUnreadable {
                    detail: e.to_string(),
                }
                .into(),
            )
        }
    };
    let format = match format {
        ReportFormat::Pdf => report::Format::Pdf,
        ReportFormat::Csv => report::Format::Csv,
        ReportFormat::Json => report::Format::Json,
    };
    let path = output.unwrap_or_else(|| PathBuf::from(report.file_name(format)));
    let unwritable = |detail: String| CliError::ReportUnwritable {
        file: path.display().to_string(),
        detail,
    };
    let bytes = match report.render(format, out.tr()) {
        Ok(b) => b,
        Err(e) => return out.cannot_run(&unwritable(e.to_string()).into()),
    };
    if path.as_os_str() == "-" {
        use std::io::Write;
        let mut o = std::io::stdout().lock();
        return match o.write_all(&bytes).and_then(|_| o.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => out.cannot_run(&unwritable(e.to_string()).into()),
        };
    }
    if let Err(e) = printoauth_core::files::write_atomically(&path, &bytes) {
        return out.cannot_run(&unwritable(e.to_string()).into());
    }
    let path = std::fs::canonicalize(&path).unwrap_or(path);
    out.report_written(&path, &report.run_id, report.devices.len());
    ExitCode::SUCCESS
}

fn audit_cmd(
    out: &Out,
    file: Option<PathBuf>,
    practice: bool,
    global: &[String],
    run: Option<String>,
    limit: usize,
) -> ExitCode {
    let log = match file.as_deref().map(AuditLog::open_existing).transpose() {
        Ok(l) => l.flatten(),
        Err(e) => {
            return out.cannot_run(
                &CliError::AuditUnreadable {
                    detail: e.to_string(),
                }
                .into(),
            )
        }
    };
    let Some(log) = log else {
        out.audit(None, &[], None, "");
        return ExitCode::SUCCESS;
    };
    let read = || -> Result<_, printoauth_core::audit::AuditError> {
        let mut runs = log.runs(if run.is_some() {
            usize::MAX >> 1
        } else {
            limit
        })?;
        if let Some(id) = &run {
            runs.retain(|r| r.id.starts_with(id.as_str()));
        }
        let mut out = Vec::new();
        for r in runs {
            let entries = log.entries(&r.id)?;
            out.push((r, entries));
        }
        Ok((out, log.unfinished(practice)?))
    };
    match read() {
        Ok((runs, unfinished)) => {
            out.audit(
                Some(log.path()),
                &runs,
                unfinished.as_ref(),
                &resume_last_command(global),
            );
            ExitCode::SUCCESS
        }
        Err(e) => out.cannot_run(
            &CliError::AuditUnreadable {
                detail: e.to_string(),
            }
            .into(),
        ),
    }
}

async fn capture(
    out: &Out,
    targets: &Targets,
    device: &str,
    user: Option<String>,
    output: Option<PathBuf>,
) -> ExitCode {
    let t = match targets.resolve(device, user) {
        Ok(t) => t,
        Err(e) => return out.cannot_run(&e),
    };
    let cap =
        printoauth_core::capture::capture(t.connection.driver.as_ref(), &t.credentials, &t.label)
            .await;
    let path = output.unwrap_or_else(|| PathBuf::from(cap.file_name()));
    if let Err(e) = cap.write_to(&path) {
        return out.cannot_run(
            &CliError::CaptureUnwritable {
                file: path.display().to_string(),
                detail: e.to_string(),
            }
            .into(),
        );
    }
    let path = std::fs::canonicalize(&path).unwrap_or(path);
    out.capture_written(&path, &cap);
    ExitCode::SUCCESS
}

/// `check-tenant`: where it reports and records.
struct TenantJob<'a> {
    out: &'a Out,
    targets: &'a Targets,
    /// The audit trail, where each outcome is recorded (`None`: it cannot be written).
    log: Option<&'a AuditLog>,
    /// Against a practice world.
    practice: bool,
}

/// The first device a run set up, as `check-tenant` picked it from the audit trail.
struct Picked {
    run: printoauth_core::audit::AuditRun,
    device: printoauth_core::audit::AuditDevice,
}

impl TenantJob<'_> {
    /// Records a tenant check's outcome in the audit trail; a warning when it cannot.
    fn record(&self, check: &printoauth_core::report::ReportTenantCheck) {
        if let Some(log) = self.log {
            if let Err(e) = log.record_tenant_check(check, self.practice, "cli") {
                self.out
                    .audit_unavailable(&e.to_string(), "cli-audit-unavailable-check");
            }
        }
    }

    /// printoauth's own check (sign-in, test mail) with the application id given (in
    /// practice mode: the world's). Without a valid one nothing is sent: the check
    /// says how to register printoauth, and meanwhile checks through the first
    /// configured device.
    async fn live(
        &self,
        world: Option<&World>,
        app_id: Option<String>,
        sender: Option<String>,
        to: Option<String>,
        user: Option<String>,
    ) -> ExitCode {
        let out = self.out;
        let mut cfg = match world {
            Some(w) => w.tenant_check_config(),
            None => TenantCheckConfig::new(app_id.unwrap_or_default()),
        };
        cfg.from = sender;
        cfg.to = to;
        if !printoauth_core::identity::is_app_id(&cfg.client_id) {
            // Nothing is sent and nothing checked: the refusal is not recorded.
            let refusal = tenant_check::run_tenant_check(cfg, |p| out.tenant_progress(&p)).await;
            out.tenant_app_id_missing(&refusal);
            // The exit code is the device check's: it checks the same tenant.
            return self.through_configured_device(user).await;
        }
        let report = tenant_check::run_tenant_check(cfg, |p| out.tenant_progress(&p)).await;
        self.record(&(&report).into());
        out.tenant_report(&report);
        if report.passed {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }

    /// The first device the audit trail shows set up (see
    /// [`AuditLog::configured_device`]).
    fn picked(&self) -> Option<Picked> {
        self.log
            .and_then(|l| l.configured_device(self.practice).ok().flatten())
            .map(|(run, device)| Picked { run, device })
    }

    /// Through the first device the audit trail shows set up; when there is none,
    /// says so (and that `--device DEVICE` names one).
    async fn through_configured_device(&self, user: Option<String>) -> ExitCode {
        let Some(picked) = self.picked() else {
            self.out.failure(&CliError::NoConfiguredDevice {}.into());
            return ExitCode::from(1);
        };
        self.out.tenant_meanwhile(&picked.run, &picked.device);
        // The CLI's runs name a device as typed; the app's by its own id, so its
        // address (in the label) is what reaches it here.
        let arg = if picked.run.front_end == "cli" {
            picked.device.id.clone()
        } else {
            label_address(&picked.device.label).unwrap_or_else(|| picked.device.id.clone())
        };
        self.through_device(&arg, Some(&picked), user).await
    }

    /// Through `device`'s own connection test (`picked`: as the audit trail named it).
    async fn through_device(
        &self,
        device: &str,
        picked: Option<&Picked>,
        user: Option<String>,
    ) -> ExitCode {
        let out = self.out;
        // A practice world's devices live only as long as its `printoauth practice`:
        // the device an earlier world's run set up is not this world's device of the
        // same index (its name, with its address, differs), or not in it at all.
        if let Some(p) = picked.filter(|_| self.practice) {
            if self.targets.practice_name(device).as_deref() != Some(p.device.label.as_str()) {
                out.failure(
                    &CliError::ConfiguredDeviceGone {
                        device: p.device.label.clone(),
                        time: p.run.started_at.clone(),
                    }
                    .into(),
                );
                return ExitCode::from(1);
            }
        }
        let t = match self.targets.resolve(device, user) {
            Ok(t) => t,
            Err(e) => return out.cannot_run(&e),
        };
        let label = match picked {
            Some(p) => p.device.label.clone(),
            None => t.name.clone().unwrap_or_else(|| t.label.clone()),
        };
        let d: &dyn DeviceDriver = t.connection.driver.as_ref();
        let r = async {
            d.login(&t.credentials).await?;
            tenant_check::check_through_device(d, &t.label).await
        }
        .await;
        match r {
            Ok(r) => {
                self.record(&printoauth_core::report::ReportTenantCheck::through_device(
                    &r.report, &label,
                ));
                out.device_tenant_check(&r);
                if r.report.passed {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(1)
                }
            }
            Err(e) => {
                out.error(&e.into());
                ExitCode::from(1)
            }
        }
    }
}

/// "WF-C5890 Series (192.0.2.7)" → "192.0.2.7".
fn label_address(label: &str) -> Option<String> {
    let open = label.rfind(" (")?;
    label
        .strip_suffix(')')
        .map(|l| l[open + 2..].to_string())
        .filter(|a| !a.is_empty())
}

async fn troubleshoot_cmd(
    out: &Out,
    targets: &Targets,
    device: &str,
    user: Option<String>,
) -> ExitCode {
    let t = match targets.resolve(device, user) {
        Ok(t) => t,
        Err(e) => return out.cannot_run(&e),
    };
    let d: &dyn DeviceDriver = t.connection.driver.as_ref();
    let r = async {
        d.login(&t.credentials).await?;
        troubleshoot::troubleshoot(d).await
    }
    .await;
    match r {
        Ok(health) => {
            out.health(&t.label, &health);
            let healthy = health
                .diagnoses
                .iter()
                .all(|x| x.fix == printoauth_core::diagnosis::Fix::None {});
            if healthy {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            out.error(&e);
            ExitCode::from(1)
        }
    }
}

/// Which devices an inventory reads.
struct Selection {
    devices: Vec<String>,
    seconds: f64,
    interfaces: Vec<String>,
    all_interfaces: bool,
    add: Vec<String>,
}

async fn inventory_cmd(
    out: &Out,
    targets: &Targets,
    world: Option<&World>,
    select: Selection,
    user: Option<String>,
    csv: bool,
    concurrency: usize,
) -> ExitCode {
    use printoauth_core::inventory::{self, ReadState};
    let shared = match target::shared_password(&out.inventory_prompt(), world.is_some()) {
        Ok(p) => p,
        Err(e) => return out.cannot_run(&e.into()),
    };
    let (list, mut failed) = match select_targets(
        out,
        targets,
        world,
        &select,
        user.as_deref(),
        shared.as_deref(),
    )
    .await
    {
        Ok(x) => x,
        Err(code) => return code,
    };
    let knowledge = world.map(World::model_knowledge).unwrap_or_default();
    let entries = inventory::inventory(list, &knowledge, concurrency).await;
    if csv {
        out.inventory_csv(&entries);
    } else {
        out.inventory(&entries);
    }
    failed |= entries
        .iter()
        .any(|e| matches!(e.read, ReadState::Failed | ReadState::PasswordRefused));
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The devices a selection names (read with the `shared` password, if any), and
/// whether a probe failed; `Err`: the exit code of a selection that could not be made.
async fn select_targets(
    out: &Out,
    targets: &Targets,
    world: Option<&World>,
    select: &Selection,
    user: Option<&str>,
    shared: Option<&str>,
) -> Result<(Vec<printoauth_core::inventory::InventoryTarget>, bool), ExitCode> {
    let mut list = Vec::new();
    let mut failed = false;
    if !select.devices.is_empty() || (world.is_some() && select.add.is_empty()) {
        let args = if select.devices.is_empty() {
            world.map(World::device_args).unwrap_or_default()
        } else {
            select.devices.clone()
        };
        for a in &args {
            match targets.inventory_target(a, user, shared).await {
                Ok(t) => list.push(t),
                Err(e) => return Err(out.cannot_run(&e)),
            }
        }
    } else if !select.add.is_empty() {
        for h in &select.add {
            match discovery::probe(h).await {
                Ok(d) => list.push(targets.inventory_discovered(&d, user, shared)),
                Err(e) => {
                    failed = true;
                    out.error(&e.into());
                }
            }
        }
    } else {
        let opts = DiscoveryOptions {
            interfaces: if select.all_interfaces {
                InterfaceChoice::All
            } else if !select.interfaces.is_empty() {
                InterfaceChoice::Only(select.interfaces.clone())
            } else {
                InterfaceChoice::Default
            },
            allow_host_network: true,
            ..Default::default()
        };
        match discovery::discover_for(opts, Duration::from_secs_f64(select.seconds)).await {
            Ok(devs) => list.extend(
                devs.iter()
                    .map(|d| targets.inventory_discovered(d, user, shared)),
            ),
            Err(e) => {
                out.error(&e.into());
                return Err(ExitCode::from(3));
            }
        }
    }
    Ok((list, failed))
}

async fn health_cmd(
    out: &Out,
    targets: &Targets,
    world: Option<&World>,
    select: Selection,
    user: Option<String>,
    concurrency: usize,
    audit: Option<&AuditLog>,
) -> ExitCode {
    use printoauth_core::health;
    let shared = match target::shared_password(&out.inventory_prompt(), world.is_some()) {
        Ok(p) => p,
        Err(e) => return out.cannot_run(&e.into()),
    };
    let (list, failed) = match select_targets(
        out,
        targets,
        world,
        &select,
        user.as_deref(),
        shared.as_deref(),
    )
    .await
    {
        Ok(x) => x,
        Err(code) => return code,
    };
    // Job failures from before the last sign-in a run recorded are history.
    let practice = world.is_some();
    let seen = list
        .iter()
        .filter_map(|t| {
            let r = audit?.seen_receipt(&t.id, practice).ok()??;
            Some((t.id.clone(), r))
        })
        .collect();
    let entries = health::check(list, seen, concurrency).await;
    out.health_table(&entries);
    if failed || health::any_needs_attention(&entries) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

async fn practice(out: &Out, epson: Option<usize>, world_file: PathBuf) -> ExitCode {
    use printoauth_sim::config::WorldConfig;
    let cfg = match epson {
        Some(n) => WorldConfig::with_epson_devices(n),
        None => WorldConfig::practice(),
    };
    let world = match printoauth_sim::world::World::start(cfg).await {
        Ok(w) => w,
        Err(e) => {
            return out.cannot_run(
                &CliError::PracticeWorldFailed {
                    detail: format!("{e:#}"),
                }
                .into(),
            );
        }
    };
    let summary = world.summary();
    if let Err(e) = printoauth_core::files::write_atomically(
        &world_file,
        &serde_json::to_vec_pretty(&summary).expect("summary"),
    ) {
        world.stop();
        return out.cannot_run(
            &CliError::WorldFileUnwritable {
                file: world_file.display().to_string(),
                detail: e.to_string(),
            }
            .into(),
        );
    }
    out.practice_started(&world_file, &summary);
    let _ = tokio::signal::ctrl_c().await;
    world.stop();
    let _ = std::fs::remove_file(&world_file);
    ExitCode::SUCCESS
}

/// Shared by the commands that work on one device.
pub struct Resolved {
    pub label: String,
    /// A name for people (the audit trail, the report): the model and address, when
    /// known before the device is read (a practice world's devices).
    pub name: Option<String>,
    /// The driver the engine chose, and the device's admin page.
    pub connection: printoauth_core::devices::Connection,
    pub credentials: printoauth_core::devices::AdminCredentials,
}
