//! Output: human-readable text, or with `--json` one JSON object per line
//! (`{"event": ...}` while working, `{"result": ...}` at the end, `{"error": ...}`).
//! Messages are rendered from codes and parameters; the languages' catalogues take
//! over the wording (issue "Speak the users' languages").

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use printoauth_core::devices::{EmailSettings, MailCapabilities, PanelState};
use printoauth_core::discovery::{DiscoveredDevice, DiscoveryEvent};
use printoauth_core::run::{DeviceOutcome, DeviceState, RunEvent};
use printoauth_core::tenant_check::{CheckStatus, TenantCheckProgress, TenantCheckReport};
use printoauth_core::troubleshoot::DeviceHealth;
use printoauth_sim::world::WorldSummary;
use serde::Serialize;
use serde_json::{json, Value};

pub struct Out {
    json: bool,
}

/// "code (k=v, k=v)" for a `{code, params}` value.
fn coded(v: &Value) -> String {
    let code = v.get("code").and_then(Value::as_str).unwrap_or("?");
    match v.get("params").and_then(Value::as_object) {
        Some(p) if !p.is_empty() => {
            let parts: Vec<String> = p
                .iter()
                .filter(|(k, _)| !k.starts_with("redacted"))
                .map(|(k, v)| match v {
                    Value::String(s) => format!("{k}={s}"),
                    other => format!("{k}={other}"),
                })
                .collect();
            format!("{code} ({})", parts.join(", "))
        }
        _ => code.to_string(),
    }
}

impl Out {
    pub fn new(json: bool) -> Out {
        Out { json }
    }

    fn line(&self, v: Value) {
        let mut o = std::io::stdout().lock();
        let _ = writeln!(o, "{v}");
        let _ = o.flush();
    }

    fn result<T: Serialize>(&self, r: &T) {
        self.line(json!({ "result": r }));
    }

    fn event<T: Serialize>(&self, e: &T) {
        self.line(json!({ "event": e }));
    }

    pub fn fatal(&self, code: &str, detail: &str) {
        if self.json {
            self.line(json!({"error": {"code": code, "params": {"detail": detail}}}));
        } else {
            eprintln!("printoauth: {code}: {detail}");
        }
    }

    pub fn error(&self, e: &printoauth_core::Error) {
        if self.json {
            self.line(json!({ "error": e }));
        } else {
            eprintln!(
                "printoauth: {}",
                coded(&serde_json::to_value(e).unwrap_or_default())
            );
        }
    }

    pub fn cannot_run(&self, why: &str) -> ExitCode {
        self.fatal("cannot-run", why);
        ExitCode::from(3)
    }

    pub fn devices(&self, devs: &[DiscoveredDevice]) {
        if self.json {
            return self.result(&devs);
        }
        if devs.is_empty() {
            println!("No printers or scanners answered.");
            return;
        }
        println!(
            "{:<10} {:<30} {:<18} {:<16} {:<5} ADMIN PAGE",
            "VENDOR", "MODEL", "HOST", "ADDRESS", "SCAN"
        );
        for d in devs {
            let vendor = serde_json::to_value(d.vendor).unwrap_or_default();
            let vendor = vendor.as_str().unwrap_or("?");
            let model = d.model.clone().unwrap_or_else(|| "?".into());
            let model = if d.supported {
                model
            } else {
                format!("{model} (not supported yet)")
            };
            println!(
                "{:<10} {:<30} {:<18} {:<16} {:<5} {}",
                vendor,
                model,
                d.host_name.as_deref().unwrap_or("-"),
                d.addresses
                    .first()
                    .map(|a| a.to_string())
                    .unwrap_or_else(|| "-".into()),
                if d.capabilities.scan { "yes" } else { "no" },
                d.admin_url.as_deref().unwrap_or("-"),
            );
        }
        println!("{} device(s).", devs.len());
    }

    pub fn discovery_event(&self, ev: &DiscoveryEvent) {
        if self.json {
            return self.event(ev);
        }
        match ev {
            DiscoveryEvent::Added(d) => {
                println!("+ {} {}", d.id, d.model.as_deref().unwrap_or("?"))
            }
            DiscoveryEvent::Changed(d) => {
                println!("~ {} {}", d.id, d.model.as_deref().unwrap_or("?"))
            }
            DiscoveryEvent::Removed { id } => println!("- {id}"),
        }
    }

    pub fn status(
        &self,
        label: &str,
        caps: &MailCapabilities,
        s: &EmailSettings,
        panel: &PanelState,
    ) {
        if self.json {
            return self.result(
                &json!({"device": label, "capabilities": caps, "settings": s, "panel": panel}),
            );
        }
        println!(
            "{label}: {} (firmware {})",
            caps.model.as_deref().unwrap_or("?"),
            caps.firmware.as_deref().unwrap_or("?")
        );
        println!(
            "  OAuth2 available:     {}",
            if caps.oauth2_available { "yes" } else { "no" }
        );
        if caps.additional_network {
            println!(
                "  Reached over the additional network: OAuth2 works only on the standard network."
            );
        }
        println!("  Authentication:       {:?}", s.auth_method);
        println!(
            "  Current status:       {}",
            s.current_status.as_deref().unwrap_or("-")
        );
        println!(
            "  Account:              {}",
            s.oauth_account.as_deref().unwrap_or("-")
        );
        println!(
            "  Sender:               {}",
            s.sender.as_deref().unwrap_or("-")
        );
        println!(
            "  SMTP server:          {}:{}",
            s.smtp_server.as_deref().unwrap_or("-"),
            s.smtp_port
                .map(|p| p.to_string())
                .unwrap_or_else(|| "-".into())
        );
        if let Some(m) = &panel.message {
            println!("  Device says:          {m}");
        }
    }

    pub fn run_event(&self, ev: &RunEvent) {
        if self.json {
            return self.event(ev);
        }
        match &ev.state {
            DeviceState::Working { step } => {
                let step = serde_json::to_value(step).unwrap_or_default();
                eprintln!("[{}] {}", ev.device, step.as_str().unwrap_or("?"));
            }
            DeviceState::NeedsYou { code } => {
                println!(
                    "[{}] Sign in: open {} and enter the code {} (an administrator who can consent for the organisation).",
                    ev.device, code.verification_uri, code.user_code
                );
            }
            DeviceState::Done { .. } => {
                println!("[{}] done: signed in, saved and verified.", ev.device)
            }
            DeviceState::Failed {
                failed_at, error, ..
            } => {
                let step = serde_json::to_value(failed_at).unwrap_or_default();
                println!(
                    "[{}] failed before {}: {}",
                    ev.device,
                    step.as_str().unwrap_or("?"),
                    coded(&serde_json::to_value(error).unwrap_or_default())
                );
            }
        }
    }

    pub fn run_summary(&self, outcomes: &[DeviceOutcome]) {
        if self.json {
            return self.result(&outcomes);
        }
        let done = outcomes.iter().filter(|o| o.succeeded()).count();
        println!("\n{done} of {} device(s) configured.", outcomes.len());
    }

    pub fn tenant_progress(&self, p: &TenantCheckProgress) {
        if self.json {
            return self.event(p);
        }
        match p {
            TenantCheckProgress::SigningIn {
                user_code,
                verification_uri,
                ..
            } => println!("Sign in: open {verification_uri} and enter the code {user_code}."),
            TenantCheckProgress::SignedIn { account } => {
                eprintln!("Signed in as {}.", account.as_deref().unwrap_or("?"))
            }
            TenantCheckProgress::SendingTestMail {
                from,
                to,
                host,
                port,
            } => {
                eprintln!("Sending a test mail from {from} to {to} through {host}:{port}…")
            }
            TenantCheckProgress::Done { .. } => {}
        }
    }

    pub fn tenant_report(&self, r: &TenantCheckReport) {
        if self.json {
            return self.result(r);
        }
        for c in &r.checks {
            let id = serde_json::to_value(c.id).unwrap_or_default();
            let mark = match c.status {
                CheckStatus::Passed => "ok  ",
                CheckStatus::Failed => "FAIL",
                CheckStatus::NotChecked => "-   ",
            };
            println!("{mark} {}", id.as_str().unwrap_or("?"));
            if let Some(cause) = &c.cause {
                println!(
                    "     cause: {}",
                    coded(&serde_json::to_value(cause).unwrap_or_default())
                );
            }
            if let Some(fix) = &c.fix {
                println!(
                    "     fix:   {}",
                    coded(&serde_json::to_value(fix).unwrap_or_default())
                );
            }
        }
        println!(
            "{}",
            if r.passed {
                "The tenant is ready."
            } else {
                "The tenant is not ready: see the fixes above."
            }
        );
    }

    pub fn health(&self, label: &str, h: &DeviceHealth) {
        if self.json {
            return self.result(&json!({"device": label, "health": h}));
        }
        println!("{label}:");
        for d in &h.diagnoses {
            println!(
                "  finding: {}",
                coded(&serde_json::to_value(&d.finding).unwrap_or_default())
            );
            println!(
                "  remedy:  {}",
                coded(&serde_json::to_value(&d.remedy).unwrap_or_default())
            );
        }
    }

    pub fn practice_started(&self, file: &Path, s: &WorldSummary) {
        if self.json {
            return self.result(&json!({"world_file": file, "world": s}));
        }
        println!(
            "Practice world running ({} devices). Ctrl-C stops it.",
            s.devices.len()
        );
        println!(
            "Point the CLI at it:  printoauth --world {} discover",
            file.display()
        );
        println!(
            "                      printoauth --world {} configure 0 1 --sender admin@{}",
            file.display(),
            s.tenant.domain
        );
        println!(
            "Sign in as admin@{} / {}",
            s.tenant.domain,
            s.tenant
                .users
                .first()
                .map(|u| u.password.as_str())
                .unwrap_or("?")
        );
        println!("Control API: {}", s.control_url);
    }
}
