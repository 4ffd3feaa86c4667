//! Output: human-readable text, or with `--json` one JSON object per line
//! (`{"event": ...}` while working, `{"result": ...}` at the end, `{"error": ...}`).
//! Human output comes from the language's Fluent catalogue (`i18n/`); codes and
//! parameters of errors, causes and fixes are shown as data until their own messages
//! join the catalogues.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::error::Failure;
use printoauth_core::audit::{AuditAction, AuditEntry, AuditRun, Unfinished};
use printoauth_core::capture::Capture;
use printoauth_core::devices::{
    AuthMethod, EmailSettings, MailCapabilities, PanelState, WaitReason,
};
use printoauth_core::discovery::{DiscoveredDevice, DiscoveryEvent};
use printoauth_core::inventory::{AuthKind, InventoryEntry, Oauth2Verdict, ReadState};
use printoauth_core::manual::ManualPath;
use printoauth_core::run::{DeviceOutcome, DeviceState, RunEvent, Step};
use printoauth_core::tenant_check::{CheckId, CheckStatus, TenantCheckProgress, TenantCheckReport};
use printoauth_core::text::{csv_line, plain};
use printoauth_core::troubleshoot::DeviceHealth;
use printoauth_sim::world::WorldSummary;
use serde::Serialize;
use serde_json::{json, Value};

use crate::i18n::{Arg, Tr};

pub struct Out {
    json: bool,
    tr: Tr,
}

/// A device of the audit trail for people: the id to type, and its name when the run
/// recorded one (a practice device's model and address).
fn device_name(id: &str, label: &str) -> String {
    if label == id {
        term_safe(id, 60)
    } else {
        format!("{}: {}", term_safe(id, 60), term_safe(label, 60))
    }
}

/// Text from a device, made safe for a terminal (the engine's [`plain`]: escape
/// sequences, control characters and bidirectional overrides removed, at most `max`
/// characters).
pub(crate) fn term_safe(s: &str, max: usize) -> String {
    plain(s, max)
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
    /// An engine `{code, params}` value in the user's language; the raw code and
    /// params only when no catalogue has words for it.
    fn words(&self, family: &str, v: &impl serde::Serialize) -> String {
        let v = serde_json::to_value(v).unwrap_or_default();
        self.tr.coded(family, &v).unwrap_or_else(|| coded(&v))
    }

    /// The admin-center paths, PowerShell lines and checks a fix carries, one per line.
    fn fix_lines(&self, fix: &impl serde::Serialize) -> Vec<String> {
        let v = serde_json::to_value(fix).unwrap_or_default();
        let mut out = Vec::new();
        for (param, label) in [
            ("admin_center", "app-block-admin-center"),
            ("powershell", "app-block-powershell"),
            ("verify", "app-block-verify"),
        ] {
            let lines: Vec<String> = match v.get("params").and_then(|p| p.get(param)) {
                Some(Value::String(s)) => vec![s.clone()],
                Some(Value::Array(a)) => a
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_string))
                    .collect(),
                _ => vec![],
            };
            for l in lines {
                out.push(format!("{}: {l}", self.t(label, &[])));
            }
        }
        out
    }

    pub fn new(json: bool, lang: &str) -> Out {
        Out {
            json,
            tr: Tr::new(lang),
        }
    }

    fn t(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.tr.t(id, args)
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

    fn unknown(&self) -> String {
        self.t("cli-unknown", &[])
    }

    /// A failure of the CLI or the engine: in words (`printoauth: …` on standard
    /// error), or as `{"error": {code, params}}` with `--json`.
    pub fn failure(&self, f: &Failure) {
        match f {
            Failure::Engine(e) => self.error(e),
            Failure::Cli(e) if self.json => self.line(json!({ "error": e })),
            Failure::Cli(e) => {
                let words = self.words("cli-error", e);
                eprintln!("{}", self.t("cli-error", &[("error", words.into())]));
            }
        }
    }

    pub fn error(&self, e: &printoauth_core::Error) {
        if self.json {
            self.line(json!({ "error": e }));
        } else {
            let error = self.words("error", e);
            eprintln!("{}", self.t("cli-error", &[("error", error.into())]));
        }
    }

    /// [`Out::failure`], and the exit code of a command that could not run.
    pub fn cannot_run(&self, f: &Failure) -> ExitCode {
        self.failure(f);
        ExitCode::from(3)
    }

    fn yes_no(&self, b: bool) -> String {
        self.t(if b { "cli-yes" } else { "cli-no" }, &[])
    }

    pub fn devices(&self, devs: &[DiscoveredDevice]) {
        if self.json {
            return self.result(&devs);
        }
        if devs.is_empty() {
            println!("{}", self.t("cli-no-devices", &[]));
            return;
        }
        let h = |id: &str| self.t(id, &[]);
        println!(
            "{:<10} {:<30} {:<18} {:<16} {:<5} {}",
            h("cli-col-vendor"),
            h("cli-col-model"),
            h("cli-col-host"),
            h("cli-col-address"),
            h("cli-col-scan"),
            h("cli-col-admin")
        );
        for d in devs {
            println!("{}", self.device_row(d));
        }
        println!(
            "{}",
            self.t("cli-devices-found", &[("count", devs.len().into())])
        );
    }

    /// One row of the device table. Every text a device announced (model, host
    /// name, admin page) is shown as plain text of bounded width: anyone on the LAN
    /// can announce anything, escape sequences and direction overrides included.
    fn device_row(&self, d: &DiscoveredDevice) -> String {
        let vendor = serde_json::to_value(d.vendor).unwrap_or_default();
        let vendor = vendor.as_str().unwrap_or("?").to_string();
        let model = d
            .model
            .as_deref()
            .map(|m| term_safe(m, 30))
            .unwrap_or_else(|| self.unknown());
        let model = if d.supported {
            model
        } else {
            term_safe(&self.t("cli-not-supported", &[("model", model.into())]), 30)
        };
        format!(
            "{:<10} {:<30} {:<18} {:<16} {:<5} {}",
            vendor,
            model,
            term_safe(d.host_name.as_deref().unwrap_or("-"), 18),
            d.addresses
                .first()
                .map(|a| a.to_string())
                .unwrap_or_else(|| "-".into()),
            self.yes_no(d.capabilities.scan),
            term_safe(d.admin_url.as_deref().unwrap_or("-"), 120),
        )
    }

    pub fn discovery_event(&self, ev: &DiscoveryEvent) {
        if self.json {
            return self.event(ev);
        }
        let unknown = self.unknown();
        match ev {
            DiscoveryEvent::Added(d) => println!(
                "+ {} {}",
                term_safe(&d.id, 80),
                term_safe(d.model.as_deref().unwrap_or(&unknown), 80)
            ),
            DiscoveryEvent::Changed(d) => println!(
                "~ {} {}",
                term_safe(&d.id, 80),
                term_safe(d.model.as_deref().unwrap_or(&unknown), 80)
            ),
            DiscoveryEvent::Removed { id } => println!("- {}", term_safe(id, 80)),
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
        let or_dash = |v: Option<&str>| v.unwrap_or("-").to_string();
        println!(
            "{}",
            self.t(
                "cli-status-title",
                &[
                    ("device", label.into()),
                    (
                        "model",
                        caps.model
                            .as_deref()
                            .map(|m| term_safe(m, 80))
                            .unwrap_or_else(|| self.unknown())
                            .into()
                    ),
                    (
                        "firmware",
                        caps.firmware
                            .as_deref()
                            .map(|f| term_safe(f, 80))
                            .unwrap_or_else(|| self.unknown())
                            .into()
                    ),
                ]
            )
        );
        let line = |text: String| println!("  {text}");
        line(self.t(
            "cli-status-oauth2",
            &[("available", self.yes_no(caps.oauth2_available).into())],
        ));
        if caps.additional_network {
            line(self.t("cli-status-additional-network", &[]));
        }
        let method = match &s.auth_method {
            AuthMethod::Off => "Off".to_string(),
            AuthMethod::SmtpAuth => "SMTP AUTH".to_string(),
            AuthMethod::PopBeforeSmtp => "POP before SMTP".to_string(),
            AuthMethod::OAuth2 => "OAuth2".to_string(),
            AuthMethod::Other(o) => o.clone(),
        };
        line(self.t("cli-status-auth", &[("method", method.into())]));
        line(self.t(
            "cli-status-current",
            &[("status", or_dash(s.current_status.as_deref()).into())],
        ));
        line(self.t(
            "cli-status-account",
            &[("account", or_dash(s.oauth_account.as_deref()).into())],
        ));
        line(self.t(
            "cli-status-sender",
            &[("sender", or_dash(s.sender.as_deref()).into())],
        ));
        line(
            self.t(
                "cli-status-smtp",
                &[
                    ("server", or_dash(s.smtp_server.as_deref()).into()),
                    (
                        "port",
                        s.smtp_port
                            .map(|p| p.to_string())
                            .unwrap_or_else(|| "-".into())
                            .into(),
                    ),
                ],
            ),
        );
        if let Some(m) = &panel.message {
            line(self.t("cli-status-device-says", &[("message", m.into())]));
        }
    }

    fn step_name(&self, step: Step) -> String {
        let id = match step {
            Step::Found => "cli-step-found",
            Step::LoggedIn => "cli-step-logged-in",
            Step::Oauth2Set => "cli-step-oauth2-set",
            Step::WaitingForConsent => "cli-step-waiting-for-consent",
            Step::SignedIn => "cli-step-signed-in",
            Step::Saved => "cli-step-saved",
            Step::Verified => "cli-step-verified",
        };
        self.t(id, &[])
    }

    pub fn run_event(&self, ev: &RunEvent) {
        if self.json {
            return self.event(ev);
        }
        let device = || Arg::from(&ev.device);
        match &ev.state {
            DeviceState::Working { step } => {
                eprintln!(
                    "{}",
                    self.t(
                        "cli-run-step",
                        &[("device", device()), ("step", self.step_name(*step).into())]
                    )
                );
            }
            DeviceState::Waiting { reason, up_to_secs } => {
                let id = match reason {
                    WaitReason::DeviceAway => "wait-device-away",
                    WaitReason::DeviceServerError => "wait-device-server-error",
                    WaitReason::DeviceRestarting => "wait-device-restarting",
                };
                let words = self.t(id, &[("secs", Arg::Num(*up_to_secs as i64))]);
                eprintln!(
                    "{}",
                    self.t(
                        "cli-run-step",
                        &[("device", device()), ("step", words.into())]
                    )
                );
            }
            DeviceState::WaitOver {} => eprintln!(
                "{}",
                self.t(
                    "cli-run-step",
                    &[
                        ("device", device()),
                        ("step", self.t("wait-over", &[]).into())
                    ]
                )
            ),
            DeviceState::NeedsYou { code } => println!(
                "{}",
                self.t(
                    "cli-run-sign-in",
                    &[
                        ("device", device()),
                        ("url", code.verification_uri.clone().into()),
                        ("code", code.user_code.clone().into()),
                    ]
                )
            ),
            DeviceState::Done { .. } => {
                println!("{}", self.t("cli-run-done", &[("device", device())]))
            }
            DeviceState::Failed {
                failed_at,
                error,
                fix,
                ..
            } => {
                println!(
                    "{}",
                    self.t(
                        "cli-run-failed",
                        &[
                            ("device", device()),
                            ("step", self.step_name(*failed_at).into()),
                            ("error", self.words("error", error).into()),
                        ]
                    )
                );
                let words = self.words("fix", fix);
                println!("  {}", self.t("cli-fix", &[("fix", words.into())]));
                for line in self.fix_lines(fix) {
                    println!("    {line}");
                }
            }
        }
    }

    /// The command that trusts a device's new certificate (words only; with `--json`
    /// the failure's fix carries the fingerprint).
    pub fn trust_hint(&self, command: &str) {
        if !self.json {
            println!(
                "  {}",
                self.t("cli-trust-certificate-hint", &[("command", command.into())])
            );
        }
    }

    pub fn certificate_trusted(&self, device: &str, fingerprint: &str) {
        if self.json {
            return self.result(&json!({"device": device, "trusted_sha256": fingerprint}));
        }
        println!(
            "{}",
            self.t(
                "cli-certificate-trusted",
                &[
                    ("device", device.into()),
                    ("fingerprint", fingerprint.into())
                ]
            )
        );
    }

    /// What to do on the device's own page, and the command that resumes it.
    pub fn manual(
        &self,
        device: &str,
        path: &ManualPath,
        resume: &[String],
        command: &str,
        capture: &str,
    ) {
        if self.json {
            return self.line(json!({"manual": {
                "device": device,
                "path": path,
                "resume": resume,
            }}));
        }
        println!(
            "{}",
            self.t(
                "cli-manual-title",
                &[
                    ("device", device.into()),
                    ("url", (&path.web_config_url).into())
                ]
            )
        );
        let what = self.words("missing", &path.missing_code);
        for (i, step) in path.steps.iter().enumerate() {
            let words = self.words("manual", step);
            let mark = if i == path.stop_index { "->" } else { "  " };
            println!("  {mark} {:>2}. {words}", i + 1);
            if i == path.stop_index {
                println!(
                    "         {}",
                    self.t("cli-manual-stopped-here", &[("what", what.clone().into())])
                );
            }
        }
        println!(
            "{}",
            self.t("cli-manual-resume", &[("command", command.into())])
        );
        println!(
            "{}",
            self.t("cli-manual-capture", &[("command", capture.into())])
        );
    }

    /// The language's words (for the customer report).
    pub fn tr(&self) -> &Tr {
        &self.tr
    }

    pub fn report_written(&self, file: &Path, run: &str, devices: usize) {
        if self.json {
            return self.result(&json!({ "file": file, "run": run, "devices": devices }));
        }
        println!(
            "{}",
            self.t(
                "cli-report-written",
                &[
                    ("id", run.into()),
                    ("count", devices.into()),
                    ("file", file.display().to_string().into())
                ]
            )
        );
    }

    pub fn capture_written(&self, file: &Path, c: &Capture) {
        if self.json {
            return self.result(&json!({
                "file": file,
                "pages": c.pages.len(),
                "reads": c.reads,
            }));
        }
        println!(
            "{}",
            self.t(
                "cli-capture-written",
                &[
                    ("count", c.pages.len().into()),
                    ("file", file.display().to_string().into())
                ]
            )
        );
    }

    pub fn run_summary(&self, outcomes: &[DeviceOutcome]) {
        if self.json {
            return self.result(&outcomes);
        }
        let done = outcomes.iter().filter(|o| o.succeeded()).count();
        println!(
            "\n{}",
            self.t(
                "cli-run-summary",
                &[("done", done.into()), ("total", outcomes.len().into())]
            )
        );
    }

    /// The audit trail could not be opened: the run goes on without it.
    /// The audit trail cannot be written: `message` says what goes on without it
    /// (`cli-audit-unavailable`: a run; `cli-audit-unavailable-check`: a tenant check).
    pub fn audit_unavailable(&self, detail: &str, message: &str) {
        if self.json {
            return self.line(json!({"audit_unavailable": {"detail": detail}}));
        }
        eprintln!("{}", self.t(message, &[("detail", detail.into())]));
    }

    fn audit_action(&self, a: Option<AuditAction>) -> String {
        match a {
            None => self.t("cli-audit-not-started", &[]),
            // One family, shared with the app (its resume banner).
            Some(a) => self.t(&format!("audit-action-{}", a.as_str()), &[]),
        }
    }

    /// An RFC 3339 time from the trail, in local time.
    fn local_time(at: &str) -> String {
        chrono::DateTime::parse_from_rfc3339(at)
            .map(|t| {
                t.with_timezone(&chrono::Local)
                    .format("%Y-%m-%d %H:%M:%S")
                    .to_string()
            })
            .unwrap_or_else(|_| at.to_string())
    }

    /// The devices the last run did not finish, and how to resume them (on standard
    /// error: it precedes the command's own output).
    pub fn unfinished(&self, u: &Unfinished, command: &str) {
        self.unfinished_to(u, command, false)
    }

    /// [`Out::unfinished`], on standard output when `stdout` (the `audit` command's
    /// own report).
    fn unfinished_to(&self, u: &Unfinished, command: &str, stdout: bool) {
        let say = |s: String| {
            if stdout {
                println!("{s}")
            } else {
                eprintln!("{s}")
            }
        };
        if self.json {
            return self.line(json!({"unfinished": {
                "run": u.run.id,
                "started_at": u.run.started_at,
                "devices": u.devices,
                "resume": command,
            }}));
        }
        say(self.t(
            "cli-unfinished-title",
            &[
                ("time", Self::local_time(&u.run.started_at).into()),
                ("count", u.devices.len().into()),
            ],
        ));
        for d in &u.devices {
            say(format!(
                "  {}: {}",
                device_name(&d.id, &d.label),
                self.audit_action(d.last)
            ));
        }
        say(self.t("cli-unfinished-resume", &[("command", command.into())]));
    }

    pub fn nothing_to_resume(&self) {
        if self.json {
            return self.result(&Vec::<DeviceOutcome>::new());
        }
        println!("{}", self.t("cli-resume-nothing", &[]));
    }

    /// `configure --resume`: which devices of which run are resumed.
    pub fn resuming(&self, u: &Unfinished) {
        if self.json {
            return self.line(json!({"resuming": {
                "run": u.run.id,
                "devices": u.devices.iter().map(|d| &d.id).collect::<Vec<_>>(),
            }}));
        }
        let names: Vec<String> = u
            .devices
            .iter()
            .map(|d| device_name(&d.id, &d.label))
            .collect();
        eprintln!(
            "{}",
            self.t(
                "cli-resuming",
                &[
                    ("time", Self::local_time(&u.run.started_at).into()),
                    ("devices", names.join(", ").into()),
                ]
            )
        );
    }

    /// `printoauth audit`: each run with its entries, then what the last run left
    /// unfinished. `file: None`: there is no trail yet.
    pub fn audit(
        &self,
        file: Option<&Path>,
        runs: &[(AuditRun, Vec<AuditEntry>)],
        unfinished: Option<&Unfinished>,
        command: &str,
    ) {
        if self.json {
            let runs: Vec<Value> = runs
                .iter()
                .map(|(r, e)| json!({"run": r, "entries": e}))
                .collect();
            return self.result(&json!({
                "file": file,
                "runs": runs,
                "unfinished": unfinished,
            }));
        }
        if let Some(f) = file {
            println!(
                "{}",
                self.t(
                    "cli-audit-file",
                    &[("file", f.display().to_string().into())]
                )
            );
        }
        if runs.is_empty() {
            println!("{}", self.t("cli-audit-empty", &[]));
        }
        let h = |id: &str| self.t(id, &[]);
        for (r, entries) in runs {
            let finished = r.devices.iter().filter(|d| d.finished).count();
            println!();
            println!(
                "{}",
                self.t(
                    if r.practice {
                        "cli-audit-run-practice"
                    } else {
                        "cli-audit-run"
                    },
                    &[
                        ("time", Self::local_time(&r.started_at).into()),
                        ("id", r.id.clone().into()),
                        ("sender", term_safe(&r.sender, 80).into()),
                        ("finished", finished.into()),
                        ("total", r.devices.len().into()),
                    ]
                )
            );
            println!(
                "  {:<19} {:<20} {:<22} {:<28} {}",
                h("cli-col-time"),
                h("cli-col-device"),
                h("cli-col-action"),
                h("cli-col-result"),
                h("cli-col-change")
            );
            for e in entries {
                let label = r
                    .devices
                    .iter()
                    .find(|d| d.id == e.device)
                    .map(|d| d.label.as_str())
                    .unwrap_or(&e.device);
                let result = if e.result == "ok" {
                    h("cli-audit-ok")
                } else {
                    e.result.clone()
                };
                let change = match &e.changes {
                    None if e.is_write => {
                        let (b, a) = (e.before.as_ref(), e.after.as_ref());
                        let field = |v: Option<&Value>, k: &str| {
                            v.and_then(|v| v.get(k))
                                .and_then(Value::as_str)
                                .unwrap_or("-")
                                .to_string()
                        };
                        match a {
                            Some(_) => format!(
                                "{} -> OAuth2 ({}, {})",
                                b.and_then(|b| b["auth_method"]["kind"].as_str())
                                    .unwrap_or("-"),
                                field(a, "service"),
                                field(a, "sender"),
                            ),
                            None => String::new(),
                        }
                    }
                    Some(c) => c
                        .iter()
                        .map(|c| {
                            format!(
                                "{}: {} -> {}",
                                c.field,
                                c.before.as_deref().unwrap_or("-"),
                                c.after
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("; "),
                    None => String::new(),
                };
                println!(
                    "  {:<19} {:<20} {:<22} {:<28} {}",
                    Self::local_time(&e.at),
                    term_safe(label, 20),
                    self.audit_action(Some(e.action)),
                    result,
                    term_safe(&change, 400)
                );
            }
        }
        if let Some(u) = unfinished {
            println!();
            self.unfinished_to(u, command, true);
        }
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
            } => println!(
                "{}",
                self.t(
                    "cli-tenant-sign-in",
                    &[("url", verification_uri.into()), ("code", user_code.into())]
                )
            ),
            TenantCheckProgress::SignedIn { account } => eprintln!(
                "{}",
                self.t(
                    "cli-tenant-signed-in",
                    &[(
                        "account",
                        account.clone().unwrap_or_else(|| self.unknown()).into()
                    )]
                )
            ),
            TenantCheckProgress::SendingTestMail {
                from,
                to,
                host,
                port,
            } => eprintln!(
                "{}",
                self.t(
                    "cli-tenant-sending",
                    &[
                        ("from", from.into()),
                        ("to", to.into()),
                        ("server", format!("{host}:{port}").into()),
                    ]
                )
            ),
            TenantCheckProgress::Done { .. } => {}
        }
    }

    /// The tenant check through a device: what its connection test said, then the
    /// checks as the tenant check reports them.
    pub fn device_tenant_check(&self, r: &printoauth_core::tenant_check::DeviceTenantCheck) {
        if self.json {
            return self.result(r);
        }
        println!(
            "{}",
            self.t(
                "cli-tenant-through-device",
                &[("device", r.device.clone().into())]
            )
        );
        if let Some(test) = &r.test {
            println!(
                "  {}",
                self.t(
                    "cli-tenant-device-said",
                    &[("message", test.message.clone().into())]
                )
            );
            if let Some(detail) = &test.detail {
                println!("  {detail}");
            }
        }
        self.tenant_report(&r.report);
    }

    pub fn tenant_report(&self, r: &TenantCheckReport) {
        if self.json {
            return self.result(r);
        }
        self.tenant_checks(r);
        let verdict = if r.passed {
            "cli-tenant-ready"
        } else {
            "cli-tenant-not-ready"
        };
        println!("{}", self.t(verdict, &[]));
    }

    /// `check-tenant` without an application id: what printoauth needs and how to
    /// register it (the check's refusal; with `--json` an event, since the check
    /// through a device follows).
    pub fn tenant_app_id_missing(&self, r: &TenantCheckReport) {
        if self.json {
            return self.event(&json!({"step": "app-id-missing", "report": r}));
        }
        self.tenant_checks(r);
    }

    /// `check-tenant` goes on through the first device `run` set up.
    pub fn tenant_meanwhile(&self, run: &AuditRun, device: &printoauth_core::audit::AuditDevice) {
        if self.json {
            return self.event(&json!({"step": "through-configured-device",
                "device": device.id, "label": device.label,
                "run": run.id, "run_started_at": run.started_at}));
        }
        println!(
            "{}",
            self.t(
                "cli-tenant-meanwhile",
                &[
                    ("time", Self::local_time(&run.started_at).into()),
                    ("device", device_name(&device.id, &device.label).into()),
                ]
            )
        );
    }

    /// Each check of a tenant check, with its cause and fix.
    fn tenant_checks(&self, r: &TenantCheckReport) {
        for c in &r.checks {
            let name = match c.id {
                CheckId::SecurityDefaults => "cli-check-security-defaults",
                CheckId::SmtpAuthOrganisation => "cli-check-smtp-auth-organisation",
                CheckId::SmtpAuthMailbox => "cli-check-smtp-auth-mailbox",
                CheckId::DeviceCodeFlowAllowed => "cli-check-device-code-flow-allowed",
                CheckId::Consent => "cli-check-consent",
                CheckId::SignIn => "cli-check-sign-in",
                CheckId::TestMail => "cli-check-test-mail",
            };
            let mark = match c.status {
                CheckStatus::Passed => "cli-check-passed",
                CheckStatus::Failed => "cli-check-failed",
                CheckStatus::NotChecked => "cli-check-not-checked",
            };
            println!("{:<12} {}", self.t(mark, &[]), self.t(name, &[]));
            if let Some(cause) = &c.cause {
                let cause = self.words("cause", cause);
                println!(
                    "             {}",
                    self.t("cli-cause", &[("cause", cause.into())])
                );
            }
            if let Some(fix) = &c.fix {
                let words = self.words("fix", fix);
                println!(
                    "             {}",
                    self.t("cli-fix", &[("fix", words.into())])
                );
                for line in self.fix_lines(fix) {
                    println!("               {line}");
                }
            }
        }
    }

    pub fn health(&self, label: &str, h: &DeviceHealth) {
        if self.json {
            return self.result(&json!({"device": label, "health": h}));
        }
        println!("{label}:");
        for d in &h.diagnoses {
            let cause = self.words("cause", &d.cause);
            let fix = self.words("fix", &d.fix);
            println!("  {}", self.t("cli-cause", &[("cause", cause.into())]));
            println!("  {}", self.t("cli-fix", &[("fix", fix.into())]));
            for line in self.fix_lines(&d.fix) {
                println!("    {line}");
            }
        }
    }

    /// `printoauth health`: one line per device, then each finding needing action with
    /// its fix; with `--json`, the entries.
    pub fn health_table(&self, entries: &[printoauth_core::health::HealthEntry]) {
        use printoauth_core::health::HealthVerdict;
        if self.json {
            return self.result(&entries);
        }
        if entries.is_empty() {
            println!("{}", self.t("cli-no-devices", &[]));
            return;
        }
        let h = |id: &str| self.t(id, &[]);
        println!(
            "{:<12} {:<24} {:<18} {:<28} {}",
            h("cli-col-device"),
            h("cli-col-model"),
            h("cli-col-address"),
            h("cli-col-signed-in"),
            h("cli-col-health"),
        );
        for e in entries {
            let mut verdict = self.words("health", &e.verdict);
            let code = match &e.verdict {
                HealthVerdict::SignInExpired { job_code }
                | HealthVerdict::SignInNeeded { job_code }
                | HealthVerdict::JobsFailed { job_code } => *job_code,
                _ => None,
            };
            if let Some(c) = code {
                verdict = format!(
                    "{verdict} ({})",
                    self.t("cli-health-job-code", &[("code", c.to_string().into())])
                );
            }
            if e.verdict == (HealthVerdict::NotReadable {}) {
                verdict = format!("{verdict} {}", self.read_state_words(e.read));
            }
            println!(
                "{:<12} {:<24} {:<18} {:<28} {}",
                e.id,
                e.model.clone().unwrap_or_else(|| self.unknown()),
                e.address.clone().unwrap_or_else(|| self.unknown()),
                e.account.clone().unwrap_or_default(),
                verdict,
            );
            if !e.verdict.needs_attention() {
                continue;
            }
            if let Some(err) = &e.error {
                println!("  {}", self.words("error", err));
            }
            if let Some(fix) = &e.fix {
                println!(
                    "  {}",
                    self.t("cli-fix", &[("fix", self.words("fix", fix).into())])
                );
            }
            for d in e
                .diagnoses
                .iter()
                .filter(|d| d.fix != printoauth_core::diagnosis::Fix::None {})
            {
                let cause = self.words("cause", &d.cause);
                let fix = self.words("fix", &d.fix);
                println!("  {}", self.t("cli-cause", &[("cause", cause.into())]));
                println!("  {}", self.t("cli-fix", &[("fix", fix.into())]));
                for line in self.fix_lines(&d.fix) {
                    println!("    {line}");
                }
            }
        }
        let attention = entries
            .iter()
            .filter(|e| e.verdict.needs_attention())
            .count();
        let sign_in = entries.iter().filter(|e| e.verdict.needs_sign_in()).count();
        println!(
            "{}",
            self.t(
                "cli-health-summary",
                &[
                    ("total", entries.len().into()),
                    ("attention", attention.into()),
                    ("sign_in", sign_in.into()),
                ]
            )
        );
    }

    /// The prompt for the password every device of an inventory is read with.
    pub fn inventory_prompt(&self) -> String {
        format!("{} ", self.t("cli-inventory-password-prompt", &[]))
    }

    /// The device's own name for its authentication method (Web Config's labels stay
    /// in English).
    fn auth_label(e: &InventoryEntry) -> Option<String> {
        e.auth_method.map(|k| match k {
            AuthKind::Off => "Off".to_string(),
            AuthKind::SmtpAuth => "SMTP AUTH".to_string(),
            AuthKind::PopBeforeSmtp => "POP before SMTP".to_string(),
            AuthKind::Oauth2 => "OAuth2".to_string(),
            AuthKind::Other => e.auth_method_label.clone().unwrap_or_default(),
        })
    }

    fn read_state_words(&self, r: ReadState) -> String {
        self.words("read-state", &r)
    }

    fn signed_in_words(&self, e: &InventoryEntry) -> Option<String> {
        match e.signed_in {
            Some(true) => Some(e.account.clone().unwrap_or_else(|| self.yes_no(true))),
            Some(false) => Some(self.t("cli-inventory-signed-out", &[])),
            None => None,
        }
    }

    fn last_mail_words(&self, e: &InventoryEntry) -> Option<String> {
        e.last_mail_job.as_ref().map(|j| {
            if j.succeeded {
                self.t("cli-inventory-job-ok", &[("time", (&j.time).into())])
            } else {
                let result = j
                    .code
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| j.result.clone());
                self.t(
                    "cli-inventory-job-failed",
                    &[("time", (&j.time).into()), ("result", result.into())],
                )
            }
        })
    }

    fn oauth2_short(&self, v: &Oauth2Verdict) -> String {
        match v.possible() {
            Some(b) => self.yes_no(b),
            None => self.unknown(),
        }
    }

    /// The inventory: a table (one row per device, the reasons and alternatives under
    /// it), or with `--json` the entries.
    pub fn inventory(&self, entries: &[InventoryEntry]) {
        if self.json {
            return self.result(&entries);
        }
        if entries.is_empty() {
            println!("{}", self.t("cli-no-devices", &[]));
            return;
        }
        let h = |id: &str| self.t(id, &[]);
        println!(
            "{:<8} {:<24} {:<15} {:<14} {:<6} {:<16} {:<26} {:<26} {:<8} {}",
            h("cli-col-vendor"),
            h("cli-col-model"),
            h("cli-col-address"),
            h("cli-col-firmware"),
            h("cli-col-oauth2"),
            h("cli-col-auth"),
            h("cli-col-signed-in"),
            h("cli-col-sender"),
            h("cli-col-password"),
            h("cli-col-last-mail"),
        );
        for e in entries {
            for line in self.inventory_lines(e) {
                println!("{line}");
            }
        }
        let count = |f: &dyn Fn(&InventoryEntry) -> bool| entries.iter().filter(|e| f(e)).count();
        println!(
            "{}",
            self.t(
                "cli-inventory-summary",
                &[
                    ("total", entries.len().into()),
                    (
                        "oauth2",
                        count(&|e| e.auth_method == Some(AuthKind::Oauth2)).into()
                    ),
                    (
                        "possible",
                        count(&|e| e.oauth2.possible() == Some(true)
                            && e.auth_method != Some(AuthKind::Oauth2))
                        .into()
                    ),
                    (
                        "cannot",
                        count(&|e| e.oauth2.possible() == Some(false)).into()
                    ),
                    ("unknown", count(&|e| e.oauth2.possible().is_none()).into()),
                ]
            )
        );
    }

    /// One device: its row, then what it cannot do and what to do instead. Every text
    /// a device supplied is shown as plain text of bounded width.
    fn inventory_lines(&self, e: &InventoryEntry) -> Vec<String> {
        let dash = || "-".to_string();
        let model = e
            .model
            .as_deref()
            .map(|m| term_safe(m, 24))
            .unwrap_or_else(|| self.unknown());
        let mut out = vec![format!(
            "{:<8} {:<24} {:<15} {:<14} {:<6} {:<16} {:<26} {:<26} {:<8} {}",
            term_safe(&e.vendor, 8),
            model,
            term_safe(e.address.as_deref().unwrap_or("-"), 15),
            term_safe(e.firmware.as_deref().unwrap_or("-"), 14),
            self.oauth2_short(&e.oauth2),
            Self::auth_label(e)
                .map(|a| term_safe(&a, 16))
                .unwrap_or_else(dash),
            self.signed_in_words(e)
                .map(|a| term_safe(&a, 26))
                .unwrap_or_else(dash),
            term_safe(e.sender.as_deref().unwrap_or("-"), 26),
            self.yes_no(e.password_remembered),
            self.last_mail_words(e)
                .map(|a| term_safe(&a, 80))
                .unwrap_or_else(dash),
        )];
        if e.read != ReadState::Read {
            out.push(format!("    {}", self.read_state_words(e.read)));
        }
        if let Some(err) = &e.error {
            let error = term_safe(&self.words("error", err), 400);
            out.push(format!(
                "    {}",
                self.t("cli-cause", &[("cause", error.into())])
            ));
        }
        if let Some(fix) = &e.fix {
            let fix = self.words("fix", fix);
            out.push(format!("    {}", self.t("cli-fix", &[("fix", fix.into())])));
        }
        if e.oauth2 != (Oauth2Verdict::Possible {}) {
            let why = term_safe(&self.words("oauth2", &e.oauth2), 400);
            out.push(format!(
                "    {}",
                self.t("cli-inventory-why", &[("reason", why.into())])
            ));
        }
        for a in &e.alternatives {
            let alt = term_safe(&self.words("alternative", a), 600);
            out.push(format!(
                "    {}",
                self.t("cli-inventory-instead", &[("alternative", alt.into())])
            ));
        }
        out
    }

    /// The inventory as CSV (RFC 4180): a header of stable column names, one line per
    /// device; codes for scripts and the same in words (in the chosen language) for
    /// people.
    pub fn inventory_csv(&self, entries: &[InventoryEntry]) {
        let mut o = std::io::stdout().lock();
        let _ = o.write_all(self.inventory_csv_text(entries).as_bytes());
        let _ = o.flush();
    }

    pub(crate) fn inventory_csv_text(&self, entries: &[InventoryEntry]) -> String {
        let mut out = String::new();
        csv_line(
            &mut out,
            INVENTORY_CSV_COLUMNS.iter().map(|c| c.to_string()),
        );
        for e in entries {
            let code = |v: &dyn erased::Coded| v.code();
            let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
            let job = e.last_mail_job.as_ref();
            csv_line(
                &mut out,
                [
                    e.id.clone(),
                    e.vendor.clone(),
                    e.model.clone().unwrap_or_default(),
                    e.host_name.clone().unwrap_or_default(),
                    e.address.clone().unwrap_or_default(),
                    e.firmware.clone().unwrap_or_default(),
                    code(&e.read),
                    self.read_state_words(e.read),
                    match e.oauth2.possible() {
                        Some(true) => "yes".into(),
                        Some(false) => "no".into(),
                        None => "unknown".into(),
                    },
                    code(&e.oauth2),
                    self.words("oauth2", &e.oauth2),
                    e.auth_method.map(|k| code(&k)).unwrap_or_default(),
                    Self::auth_label(e).unwrap_or_default(),
                    e.email_service.map(|s| code(&s)).unwrap_or_default(),
                    e.signed_in.map(yes_no).unwrap_or_default(),
                    e.account.clone().unwrap_or_default(),
                    e.sender.clone().unwrap_or_default(),
                    job.map(|j| j.time.clone()).unwrap_or_default(),
                    job.map(|j| yes_no(j.succeeded)).unwrap_or_default(),
                    job.and_then(|j| j.code)
                        .map(|c| c.to_string())
                        .unwrap_or_default(),
                    job.map(|j| j.result.clone()).unwrap_or_default(),
                    yes_no(e.password_remembered),
                    e.error.as_ref().map(|x| x.code()).unwrap_or_default(),
                    e.alternatives
                        .iter()
                        .map(|a| code(a))
                        .collect::<Vec<_>>()
                        .join(";"),
                    e.alternatives
                        .iter()
                        .map(|a| self.words("alternative", a))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ],
            );
        }
        out
    }

    pub fn practice_started(&self, file: &Path, s: &WorldSummary) {
        if self.json {
            return self.result(&json!({"world_file": file, "world": s}));
        }
        println!(
            "{}",
            self.t("cli-practice-running", &[("count", s.devices.len().into())])
        );
        let file = file.display();
        for command in [
            format!("printoauth --world {file} discover"),
            format!(
                "printoauth --world {file} configure 0 1 --sender admin@{}",
                s.tenant.domain
            ),
        ] {
            println!(
                "  {}",
                self.t("cli-practice-point", &[("command", command.into())])
            );
        }
        if let Some(admin) = s.tenant.users.first() {
            println!(
                "{}",
                self.t(
                    "cli-practice-sign-in-as",
                    &[
                        ("account", (&admin.upn).into()),
                        ("password", (&admin.password).into())
                    ]
                )
            );
        }
        println!(
            "{}",
            self.t("cli-practice-control", &[("url", (&s.control_url).into())])
        );
    }
}

/// The inventory CSV's columns, in order.
pub const INVENTORY_CSV_COLUMNS: [&str; 25] = [
    "id",
    "vendor",
    "model",
    "host_name",
    "address",
    "firmware",
    "read",
    "read_text",
    "oauth2",
    "oauth2_reason",
    "oauth2_text",
    "auth_method",
    "auth_method_label",
    "email_service",
    "signed_in",
    "account",
    "sender",
    "last_mail_job_time",
    "last_mail_job_succeeded",
    "last_mail_job_code",
    "last_mail_job_result",
    "password_remembered",
    "error",
    "alternatives",
    "alternatives_text",
];

/// The code a value serialises to: a unit variant's string, or `{code}`'s code.
mod erased {
    pub trait Coded {
        fn code(&self) -> String;
    }
    impl<T: serde::Serialize> Coded for T {
        fn code(&self) -> String {
            match serde_json::to_value(self).unwrap_or_default() {
                serde_json::Value::String(s) => s,
                v => v
                    .get("code")
                    .and_then(|c| c.as_str())
                    .unwrap_or_default()
                    .to_string(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use printoauth_core::discovery::Vendor;

    #[test]
    fn a_hostile_announcement_keeps_the_table_in_its_columns() {
        let out = Out::new(false, "en");
        let d = DiscoveredDevice {
            id: "addr:192.0.2.7".into(),
            vendor: Vendor::Epson,
            model: Some(format!("\u{1b}[31m\u{202e}{}", "M".repeat(150))),
            host_name: Some("EPSON\u{1b}[2JA".into()),
            addresses: vec!["192.0.2.7".parse().unwrap()],
            admin_url: Some("http://x/\u{1b}]0;pwned\u{7}".into()),
            mac: None,
            capabilities: Default::default(),
            supported: true,
            services: Vec::new(),
        };
        let row = out.device_row(&d);
        assert!(
            !row.contains('\u{1b}') && !row.contains('\u{202e}'),
            "{row:?}"
        );
        // The host column starts where the header's does: the model took its 30.
        let cols: Vec<&str> = row.splitn(3, ' ').collect();
        assert_eq!(cols[0], "epson");
        assert_eq!(row.chars().nth(10 + 1 + 30 + 1 - 1), Some(' '));
        assert!(row[..].contains("EPSONA"), "{row:?}");
        assert!(row.ends_with("http://x/"), "{row:?}");
    }
}
