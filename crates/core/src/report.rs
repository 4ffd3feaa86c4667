//! The customer's report of a run: the site, the date, each device (what was found,
//! what changed before → after, done or failed with its fix) and the tenant check
//! (the one given, else the last one the audit trail recorded: when it was made, and
//! through which device when it ran through one); as JSON, CSV or PDF.
//!
//! The report is built from the audit trail ([`Report::from_audit`]), which holds no
//! password, token or sign-in code; [`Report::from_audit`] also drops any settings
//! field whose name speaks of one, so none can reach a report.
//!
//! The PDF is made here, in Rust (krilla, text shaped with rustybuzz), so it is the
//! same on every OS: Noto Sans (Latin, Cyrillic) and Noto Sans Devanagari (Hindi) are
//! compiled in and embedded (subsets). Every word comes from the front end's
//! catalogues through [`Words`].

use serde::{Deserialize, Serialize};

use crate::audit::{AuditAction, AuditError, AuditLog, RecordedTenantCheck};
use crate::devices::EmailService;
use crate::run::{Change, Step};
use crate::tenant_check::{CheckId, CheckStatus, TenantCheckReport};
use crate::text::csv_line;

const FONT_REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
const FONT_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");
const FONT_DEVANAGARI: &[u8] = include_bytes!("../assets/fonts/NotoSansDevanagari-Regular.ttf");
/// The arrows of Noto Sans Symbols (7 KiB): "before → after".
const FONT_ARROWS: &[u8] = include_bytes!("../assets/fonts/NotoSansSymbols-Arrows.ttf");

/// How a device's run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeviceResult {
    /// Signed in, saved and verified.
    Done,
    Failed,
    /// The batch was cancelled before the device was through.
    Cancelled,
    /// The run recorded no end for it (killed).
    Unfinished,
}

impl DeviceResult {
    pub fn as_str(self) -> &'static str {
        match self {
            DeviceResult::Done => "done",
            DeviceResult::Failed => "failed",
            DeviceResult::Cancelled => "cancelled",
            DeviceResult::Unfinished => "unfinished",
        }
    }
}

/// One device of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportDevice {
    /// The id the run used.
    pub id: String,
    /// A name for people.
    pub label: String,
    pub model: Option<String>,
    pub address: Option<String>,
    pub result: DeviceResult,
    /// Failed: the step not reached.
    pub failed_at: Option<Step>,
    /// Failed: the error's code (its params, as far as recorded, in `error_params`).
    pub error: Option<String>,
    /// Failed: what to do about it (`{code, params}`).
    pub fix: Option<serde_json::Value>,
    /// The e-mail settings found (read after the log-in).
    pub before: Option<serde_json::Value>,
    /// The e-mail settings at the end.
    pub after: Option<serde_json::Value>,
    /// Done: what differs, field by field.
    pub changes: Vec<Change>,
    /// Failed: the error's params the audit trail kept (addresses, pages, numbers;
    /// never a secret or free text: [`crate::audit::ERROR_PARAMS_KEPT`]). `None` for
    /// runs recorded before they were kept.
    #[serde(default)]
    pub error_params: Option<serde_json::Value>,
}

/// One check of the tenant check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportCheck {
    pub id: CheckId,
    pub status: CheckStatus,
    pub fix: Option<serde_json::Value>,
}

/// The tenant check's outcome, as reported (and as the audit trail keeps it): each
/// check's id, status and fix, never its cause or evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportTenantCheck {
    pub passed: bool,
    pub checks: Vec<ReportCheck>,
    /// When the check was made (RFC 3339, UTC).
    #[serde(default)]
    pub checked_at: Option<String>,
    /// Through a configured device's own connection test: that device's label
    /// (`None`: printoauth's own sign-in and test mail).
    #[serde(default)]
    pub through_device: Option<String>,
}

impl ReportTenantCheck {
    /// The outcome of a check that ran through the device `label`
    /// ([`crate::tenant_check::check_through_device`]).
    pub fn through_device(r: &TenantCheckReport, label: &str) -> Self {
        ReportTenantCheck {
            through_device: Some(label.to_string()),
            ..ReportTenantCheck::from(r)
        }
    }
}

impl From<RecordedTenantCheck> for ReportTenantCheck {
    fn from(r: RecordedTenantCheck) -> Self {
        ReportTenantCheck {
            passed: r.passed,
            checks: r.checks,
            checked_at: Some(r.at),
            through_device: r.through_device,
        }
    }
}

impl From<&TenantCheckReport> for ReportTenantCheck {
    fn from(r: &TenantCheckReport) -> Self {
        ReportTenantCheck {
            passed: r.passed,
            checked_at: Some(
                r.finished_at
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            ),
            through_device: None,
            checks: r
                .checks
                .iter()
                .map(|c| ReportCheck {
                    id: c.id,
                    status: c.status,
                    fix: c.fix.as_ref().and_then(|f| serde_json::to_value(f).ok()),
                })
                .collect(),
        }
    }
}

/// The report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The customer's site, as the user names it.
    pub site: String,
    /// When the report was made (RFC 3339, UTC).
    pub created_at: String,
    pub run_id: String,
    /// When the run started (RFC 3339, UTC).
    pub run_started_at: String,
    /// Against the emulated world (practice mode).
    pub practice: bool,
    pub service: EmailService,
    pub sender: String,
    pub devices: Vec<ReportDevice>,
    pub tenant_check: Option<ReportTenantCheck>,
}

/// Why a report could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Audit(#[from] AuditError),
    #[error("no run {run} in the audit trail")]
    NoSuchRun { run: String },
    #[error("the PDF could not be made: {detail}")]
    Pdf { detail: String },
}

/// The words of a front end (its catalogues, in the user's language).
pub trait Words {
    /// The message `id` with its arguments.
    fn text(&self, id: &str, args: &[(&str, String)]) -> String;
    /// A `{code, params}` value in words: the catalogue's `<family>-<code>` message;
    /// `None` when there is none or it needs a value the params lack.
    fn coded(&self, family: &str, value: &serde_json::Value) -> Option<String>;
    /// The language's tag (for the PDF's metadata).
    fn lang(&self) -> String;
}

/// Settings fields that must never reach a report, whatever a driver records.
fn is_secret_key(k: &str) -> bool {
    let k = k.to_ascii_lowercase();
    ["password", "token", "secret", "code", "credential"]
        .iter()
        .any(|s| k.contains(s))
}

fn scrub(v: Option<serde_json::Value>) -> Option<serde_json::Value> {
    match v? {
        serde_json::Value::Object(m) => Some(serde_json::Value::Object(
            m.into_iter().filter(|(k, _)| !is_secret_key(k)).collect(),
        )),
        other => Some(other),
    }
}

/// "WF-C5890 Series (10.0.0.5)" → model and address.
fn split_label(label: &str, id: &str) -> (Option<String>, Option<String>) {
    if let Some(open) = label.rfind(" (") {
        if label.ends_with(')') {
            let model = label[..open].trim();
            let address = &label[open + 2..label.len() - 1];
            return (Some(model.to_string()), Some(address.to_string()));
        }
    }
    // The CLI names a device by its address.
    (None, Some(id.to_string()))
}

impl Report {
    /// The report of run `run_id` (the newest run when `None`) as the audit trail
    /// recorded it, with `tenant_check`; without one, the tenant check the trail
    /// recorded last in the run's world (practice mode or not), whenever it was made
    /// (before the run, as a technician checks the tenant first, or after it) and
    /// whichever front end made it: the newest is what the tenant is known to be now.
    /// The report says when it was made.
    pub fn from_audit(
        log: &AuditLog,
        run_id: Option<&str>,
        site: &str,
        tenant_check: Option<&TenantCheckReport>,
    ) -> Result<Report, ReportError> {
        let run = match run_id {
            Some(id) => match log.run(id)? {
                Some(r) => Some(r),
                // The start of an id, as `audit --run` takes it.
                None => log
                    .runs(usize::MAX >> 1)?
                    .into_iter()
                    .find(|r| r.id.starts_with(id)),
            },
            None => log.runs(1)?.into_iter().next(),
        };
        let Some(run) = run else {
            return Err(ReportError::NoSuchRun {
                run: run_id.unwrap_or_default().to_string(),
            });
        };
        let entries = log.entries(&run.id)?;
        let fixes = log.fixes(&run.id)?;
        let errors = log.errors(&run.id)?;
        let devices = run
            .devices
            .iter()
            .map(|d| {
                let last = entries
                    .iter()
                    .rev()
                    .find(|e| e.device == d.id && !matches!(e.action, AuditAction::LoggedIn))
                    .filter(|e| {
                        matches!(
                            e.action,
                            AuditAction::Done | AuditAction::Failed | AuditAction::Cancelled
                        )
                    });
                let before = entries
                    .iter()
                    .filter(|e| e.device == d.id)
                    .find_map(|e| e.before.clone());
                let (model, address) = split_label(&d.label, &d.id);
                let result = match last.map(|e| e.action) {
                    Some(AuditAction::Done) => DeviceResult::Done,
                    Some(AuditAction::Failed) => DeviceResult::Failed,
                    Some(AuditAction::Cancelled) => DeviceResult::Cancelled,
                    _ => DeviceResult::Unfinished,
                };
                let failed = result == DeviceResult::Failed;
                ReportDevice {
                    id: d.id.clone(),
                    label: d.label.clone(),
                    model,
                    address,
                    result,
                    failed_at: last.and_then(|e| e.failed_at),
                    error: last.filter(|_| failed).map(|e| e.result.clone()),
                    fix: if failed {
                        fixes.get(&d.id).cloned()
                    } else {
                        None
                    },
                    before: scrub(before),
                    after: scrub(last.and_then(|e| e.after.clone())),
                    changes: last.and_then(|e| e.changes.clone()).unwrap_or_default(),
                    error_params: last
                        .filter(|_| failed)
                        .and_then(|e| {
                            errors.get(&d.id).filter(|r| {
                                r.get("code").and_then(|c| c.as_str()) == Some(&e.result)
                            })
                        })
                        .and_then(|r| r.get("params").cloned()),
                }
            })
            .collect();
        let tenant_check = match tenant_check {
            Some(t) => Some(ReportTenantCheck::from(t)),
            None => log
                .latest_tenant_check(run.practice)?
                .map(ReportTenantCheck::from),
        };
        Ok(Report {
            site: site.to_string(),
            created_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            run_id: run.id,
            run_started_at: run.started_at,
            practice: run.practice,
            service: run.service,
            sender: run.sender,
            devices,
            tenant_check,
        })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// One line per device under a header of stable column names (RFC 4180, fields a
    /// spreadsheet would take for a formula defused). `changes`: `field: before → after`,
    /// joined by "; "; `fix`: its code and params as JSON. The tenant check's columns
    /// come last, the same on every line (empty without one): `tenant_check` passed or
    /// failed, when, through which device, and `tenant_check_failed`: each failed
    /// check as `id: fix`, joined by "; ". Then `error_params`: a failed device's
    /// error params the audit trail kept, as JSON.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        csv_line(&mut out, CSV_COLUMNS.iter().map(|c| c.to_string()));
        let tc = self.tenant_check.as_ref();
        let tenant = [
            tc.map(|t| if t.passed { "passed" } else { "failed" }.to_string())
                .unwrap_or_default(),
            tc.and_then(|t| t.checked_at.clone()).unwrap_or_default(),
            tc.and_then(|t| t.through_device.clone())
                .unwrap_or_default(),
            tc.map(|t| {
                t.checks
                    .iter()
                    .filter(|c| c.status == CheckStatus::Failed)
                    .map(|c| {
                        let id = kebab(c.id);
                        match c
                            .fix
                            .as_ref()
                            .and_then(|f| f.get("code"))
                            .and_then(|c| c.as_str())
                        {
                            Some(fix) => format!("{id}: {fix}"),
                            None => id,
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default(),
        ];
        for d in &self.devices {
            let changes = d
                .changes
                .iter()
                .map(|c| {
                    format!(
                        "{}: {} → {}",
                        c.field,
                        c.before.as_deref().unwrap_or(""),
                        c.after
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            csv_line(
                &mut out,
                [
                    self.site.clone(),
                    self.created_at.clone(),
                    self.run_id.clone(),
                    d.id.clone(),
                    d.label.clone(),
                    d.model.clone().unwrap_or_default(),
                    d.address.clone().unwrap_or_default(),
                    d.result.as_str().to_string(),
                    d.failed_at
                        .and_then(|s| serde_json::to_value(s).ok())
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    d.error.clone().unwrap_or_default(),
                    d.fix
                        .as_ref()
                        .and_then(|f| f.get("code"))
                        .and_then(|c| c.as_str())
                        .unwrap_or_default()
                        .to_string(),
                    d.fix
                        .as_ref()
                        .and_then(|f| f.get("params"))
                        .map(|p| p.to_string())
                        .unwrap_or_default(),
                    changes,
                ]
                .into_iter()
                .chain(tenant.iter().cloned())
                .chain([d
                    .error_params
                    .as_ref()
                    .map(|p| p.to_string())
                    .unwrap_or_default()]),
            );
        }
        out
    }

    /// The report as a PDF (A4), in the words given.
    pub fn to_pdf(&self, w: &dyn Words) -> Result<Vec<u8>, ReportError> {
        self.lay_out(w)
            .finish(&w.text("report-title", &[]), &w.lang())
    }

    /// The report's lines, wrapped and placed on pages.
    fn lay_out(&self, w: &dyn Words) -> Layout {
        let mut doc = Layout::new();
        let t = |id: &str, args: &[(&str, String)]| w.text(id, args);
        doc.para(Style::Title, &t("report-title", &[]));
        if !self.site.trim().is_empty() {
            doc.para(
                Style::Body,
                &t("report-site", &[("site", self.site.clone())]),
            );
        }
        doc.para(
            Style::Body,
            &t("report-date", &[("date", self.created_at.clone())]),
        );
        doc.para(
            Style::Body,
            &t(
                "report-run",
                &[
                    ("id", self.run_id.clone()),
                    ("time", self.run_started_at.clone()),
                ],
            ),
        );
        if self.practice {
            doc.para(Style::Body, &t("report-practice", &[]));
        }
        doc.para(
            Style::Body,
            &t("report-sender", &[("sender", self.sender.clone())]),
        );
        let done = self
            .devices
            .iter()
            .filter(|d| d.result == DeviceResult::Done)
            .count();
        doc.para(
            Style::Body,
            &t(
                "report-summary",
                &[
                    ("done", done.to_string()),
                    ("total", self.devices.len().to_string()),
                ],
            ),
        );
        for d in &self.devices {
            doc.gap();
            doc.para(Style::Heading, &d.label);
            doc.para(Style::Body, &t("report-device-id", &[("id", d.id.clone())]));
            if let Some(m) = &d.model {
                doc.para(Style::Body, &t("report-model", &[("model", m.clone())]));
            }
            if let Some(a) = &d.address {
                doc.para(Style::Body, &t("report-address", &[("address", a.clone())]));
            }
            let result = t(&format!("report-result-{}", d.result.as_str()), &[]);
            doc.para(
                Style::Strong,
                &t("report-result", &[("result", result.clone())]),
            );
            if let Some(step) = d.failed_at {
                let step = serde_json::to_value(step)
                    .ok()
                    .and_then(|v| v.as_str().map(|s| t(&format!("step-{s}"), &[])))
                    .unwrap_or_default();
                doc.para(Style::Body, &t("report-failed-at", &[("step", step)]));
            }
            if let Some(code) = &d.error {
                let words = error_words(w, d, code)
                    .map(|s| format!("{s} ({code})"))
                    .unwrap_or_else(|| code.clone());
                doc.para(Style::Body, &t("report-error", &[("error", words)]));
            }
            if let Some(fix) = &d.fix {
                let words = w.coded("fix", fix).unwrap_or_else(|| {
                    fix.get("code")
                        .and_then(|c| c.as_str())
                        .unwrap_or_default()
                        .to_string()
                });
                doc.para(Style::Body, &t("report-fix", &[("fix", words)]));
            }
            if let Some(before) = &d.before {
                doc.para(
                    Style::Body,
                    &t("report-found", &[("settings", settings_words(w, before))]),
                );
            }
            if d.result == DeviceResult::Done {
                if d.changes.is_empty() {
                    doc.para(Style::Body, &t("report-no-changes", &[]));
                } else {
                    doc.para(Style::Body, &t("report-changes", &[]));
                    for c in &d.changes {
                        let field = t(&format!("change-{}", c.field), &[]);
                        let field = if field.starts_with('[') {
                            c.field.clone()
                        } else {
                            field
                        };
                        doc.para(
                            Style::Indented,
                            &format!(
                                "{field}: {} → {}",
                                c.before.as_deref().unwrap_or("—"),
                                c.after
                            ),
                        );
                    }
                }
            }
        }
        if let Some(tc) = &self.tenant_check {
            doc.gap();
            doc.para(Style::Heading, &t("report-tenant", &[]));
            if let Some(at) = &tc.checked_at {
                doc.para(
                    Style::Body,
                    &t("report-tenant-checked-at", &[("time", at.clone())]),
                );
            }
            match &tc.through_device {
                Some(device) => doc.para(
                    Style::Body,
                    &t(
                        "report-tenant-through-device",
                        &[("device", device.clone())],
                    ),
                ),
                None => doc.para(Style::Body, &t("report-tenant-own", &[])),
            }
            doc.para(
                Style::Strong,
                &t(
                    if tc.passed {
                        "report-tenant-passed"
                    } else {
                        "report-tenant-failed"
                    },
                    &[],
                ),
            );
            for c in &tc.checks {
                let id = kebab(c.id);
                let status = match c.status {
                    CheckStatus::Passed => "report-check-passed",
                    CheckStatus::Failed => "report-check-failed",
                    CheckStatus::NotChecked => "report-check-not-checked",
                };
                doc.para(
                    Style::Body,
                    &format!("{}: {}", t(&format!("check-{id}"), &[]), t(status, &[])),
                );
                if let Some(words) = c.fix.as_ref().and_then(|f| w.coded("fix", f)) {
                    doc.para(Style::Indented, &t("report-fix", &[("fix", words)]));
                }
            }
        }
        doc.gap();
        doc.para(Style::Small, &t("report-no-secrets", &[]));
        doc
    }
}

/// A failed device's error in words: its message with the params the audit trail
/// kept; when that message still needs a value, a device error takes the device's
/// address and model the report knows. `None`: the message needs more than that.
fn error_words(w: &dyn Words, d: &ReportDevice, code: &str) -> Option<String> {
    let mut params = d
        .error_params
        .as_ref()
        .and_then(|p| p.as_object())
        .cloned()
        .unwrap_or_default();
    let coded = |params: &serde_json::Map<String, serde_json::Value>| {
        w.coded(
            "error",
            &serde_json::json!({ "code": code, "params": params }),
        )
    };
    coded(&params).or_else(|| {
        if !code.starts_with("device-") {
            return None;
        }
        for (k, v) in [("address", &d.address), ("model", &d.model)] {
            if let Some(v) = v {
                params
                    .entry(k)
                    .or_insert_with(|| serde_json::Value::String(v.clone()));
            }
        }
        coded(&params)
    })
}

/// The settings found, in words: the authentication method, the sender and server.
fn settings_words(w: &dyn Words, s: &serde_json::Value) -> String {
    let mut parts = Vec::new();
    let field = |k: &str| s.get(k).filter(|v| !v.is_null());
    if let Some(m) = field("auth_method") {
        let m = serde_json::from_value::<crate::devices::AuthMethod>(m.clone())
            .map(|m| crate::run::label_auth(&m))
            .unwrap_or_else(|_| m.to_string());
        parts.push(format!(
            "{}: {m}",
            w.text("change-authentication-method", &[])
        ));
    }
    if let Some(v) = field("sender").and_then(|v| v.as_str()) {
        parts.push(format!("{}: {v}", w.text("change-sender", &[])));
    }
    if let Some(v) = field("smtp_server").and_then(|v| v.as_str()) {
        let port = field("smtp_port")
            .map(|p| format!(":{p}"))
            .unwrap_or_default();
        parts.push(format!("{}: {v}{port}", w.text("change-smtp-server", &[])));
    }
    parts.join("; ")
}

/// A check's id as its JSON says it ("smtp-auth-mailbox").
fn kebab(id: CheckId) -> String {
    serde_json::to_value(id)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The CSV's columns, in order.
pub const CSV_COLUMNS: [&str; 18] = [
    "site",
    "date",
    "run",
    "device",
    "label",
    "model",
    "address",
    "result",
    "failed_at",
    "error",
    "fix",
    "fix_params",
    "changes",
    "tenant_check",
    "tenant_checked_at",
    "tenant_check_device",
    "tenant_check_failed",
    "error_params",
];

// ---- PDF layout ----

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 50.0;

#[derive(Clone, Copy)]
enum Style {
    Title,
    Heading,
    Strong,
    Body,
    Indented,
    Small,
}

impl Style {
    fn size(self) -> f32 {
        match self {
            Style::Title => 18.0,
            Style::Heading => 13.0,
            Style::Small => 8.5,
            _ => 10.0,
        }
    }
    fn bold(self) -> bool {
        matches!(self, Style::Title | Style::Heading | Style::Strong)
    }
    fn indent(self) -> f32 {
        if matches!(self, Style::Indented) {
            16.0
        } else {
            0.0
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Face {
    Regular,
    Bold,
    Devanagari,
    /// Arrows, which neither Noto Sans has.
    Arrows,
}

struct Fonts {
    faces: [rustybuzz::Face<'static>; 4],
    pdf: [krilla::text::Font; 4],
}

impl Fonts {
    fn new() -> Fonts {
        let face = |d: &'static [u8]| rustybuzz::Face::from_slice(d, 0).expect("bundled font");
        let pdf = |d: &'static [u8]| {
            krilla::text::Font::new(krilla::Data::from(d), 0).expect("bundled font")
        };
        Fonts {
            faces: [
                face(FONT_REGULAR),
                face(FONT_BOLD),
                face(FONT_DEVANAGARI),
                face(FONT_ARROWS),
            ],
            pdf: [
                pdf(FONT_REGULAR),
                pdf(FONT_BOLD),
                pdf(FONT_DEVANAGARI),
                pdf(FONT_ARROWS),
            ],
        }
    }

    fn idx(f: Face) -> usize {
        match f {
            Face::Regular => 0,
            Face::Bold => 1,
            Face::Devanagari => 2,
            Face::Arrows => 3,
        }
    }

    fn has(&self, f: Face, c: char) -> bool {
        self.faces[Fonts::idx(f)].glyph_index(c).is_some()
    }

    /// The text cut into runs of one font each: Devanagari → Noto Sans Devanagari,
    /// arrows → the arrows of Noto Sans Symbols, the rest → Noto Sans (regular or
    /// bold); spaces stay in the run they are in.
    fn runs(&self, text: &str, bold: bool) -> Vec<(Face, String)> {
        let latin = if bold { Face::Bold } else { Face::Regular };
        let mut out: Vec<(Face, String)> = Vec::new();
        for c in text.chars() {
            let devanagari = matches!(c as u32, 0x0900..=0x097F | 0xA8E0..=0xA8FF | 0x1CD0..=0x1CFF)
                || (matches!(c, '\u{200C}' | '\u{200D}')
                    && out.last().is_some_and(|(f, _)| *f == Face::Devanagari));
            let mut face = if devanagari { Face::Devanagari } else { latin };
            if c.is_whitespace() {
                if let Some((f, _)) = out.last() {
                    if self.has(*f, c) {
                        face = *f;
                    }
                }
            } else if !self.has(face, c) {
                let other = if face == Face::Devanagari {
                    latin
                } else {
                    Face::Devanagari
                };
                if self.has(other, c) {
                    face = other;
                } else if self.has(Face::Arrows, c) {
                    face = Face::Arrows;
                }
            }
            match out.last_mut() {
                Some((f, s)) if *f == face => s.push(c),
                _ => out.push((face, c.to_string())),
            }
        }
        out
    }

    /// The shaped width of one run, in points.
    fn run_width(&self, face: Face, text: &str, size: f32) -> f32 {
        let f = &self.faces[Fonts::idx(face)];
        let mut buf = rustybuzz::UnicodeBuffer::new();
        buf.push_str(text);
        buf.guess_segment_properties();
        let out = rustybuzz::shape(f, &[], buf);
        let units: i32 = out.glyph_positions().iter().map(|p| p.x_advance).sum();
        units as f32 * size / f.units_per_em() as f32
    }

    fn width(&self, text: &str, bold: bool, size: f32) -> f32 {
        self.runs(text, bold)
            .iter()
            .map(|(f, s)| self.run_width(*f, s, size))
            .sum()
    }
}

/// A laid-out line: its text, style and place.
struct Line {
    page: usize,
    y: f32,
    style: Style,
    text: String,
}

struct Layout {
    fonts: Fonts,
    lines: Vec<Line>,
    page: usize,
    y: f32,
}

impl Layout {
    fn new() -> Layout {
        Layout {
            fonts: Fonts::new(),
            lines: Vec::new(),
            page: 0,
            y: MARGIN,
        }
    }

    fn gap(&mut self) {
        self.y += 8.0;
    }

    /// A paragraph, wrapped at spaces by measured width (a word wider than a line is
    /// cut where it no longer fits), breaking to a new page where it must.
    fn para(&mut self, style: Style, text: &str) {
        // A character no font draws: "?" (never a blank box).
        let text: String = text
            .chars()
            .map(|c| {
                if c.is_whitespace()
                    || self.fonts.has(Face::Regular, c)
                    || self.fonts.has(Face::Devanagari, c)
                    || self.fonts.has(Face::Arrows, c)
                {
                    c
                } else {
                    '?'
                }
            })
            .collect();
        let text = text.as_str();
        let size = style.size();
        let max = PAGE_W - 2.0 * MARGIN - style.indent();
        let mut lines: Vec<String> = Vec::new();
        for raw in text.split('\n') {
            let mut cur = String::new();
            for word in raw.split(' ') {
                let candidate = if cur.is_empty() {
                    word.to_string()
                } else {
                    format!("{cur} {word}")
                };
                if self.fonts.width(&candidate, style.bold(), size) <= max || cur.is_empty() {
                    cur = candidate;
                } else {
                    lines.push(std::mem::take(&mut cur));
                    cur = word.to_string();
                }
                // A word longer than the line: cut it by characters.
                while self.fonts.width(&cur, style.bold(), size) > max && cur.chars().count() > 1 {
                    let mut head = String::new();
                    for c in cur.chars() {
                        let mut next = head.clone();
                        next.push(c);
                        if self.fonts.width(&next, style.bold(), size) > max && !head.is_empty() {
                            break;
                        }
                        head = next;
                    }
                    let rest = cur[head.len()..].to_string();
                    lines.push(head);
                    cur = rest;
                }
            }
            lines.push(cur);
        }
        let lh = size * 1.45;
        for l in lines {
            if self.y + lh > PAGE_H - MARGIN {
                self.page += 1;
                self.y = MARGIN;
            }
            self.y += lh;
            self.lines.push(Line {
                page: self.page,
                y: self.y - size * 0.3,
                style,
                text: l,
            });
        }
    }

    fn finish(self, title: &str, lang: &str) -> Result<Vec<u8>, ReportError> {
        use krilla::geom::Point;
        use krilla::page::PageSettings;
        use krilla::text::TextDirection;
        let mut document = krilla::Document::new();
        document.set_metadata(
            krilla::metadata::Metadata::new()
                .title(title.to_string())
                .language(lang.to_string())
                .creator("printoauth".to_string()),
        );
        let pages = self.lines.last().map(|l| l.page + 1).unwrap_or(1);
        for p in 0..pages {
            let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or(ReportError::Pdf {
                detail: "page size".into(),
            })?;
            let mut page = document.start_page_with(settings);
            let mut surface = page.surface();
            for l in self.lines.iter().filter(|l| l.page == p) {
                let size = l.style.size();
                let mut x = MARGIN + l.style.indent();
                for (face, run) in self.fonts.runs(&l.text, l.style.bold()) {
                    surface.draw_text(
                        Point::from_xy(x, l.y),
                        self.fonts.pdf[Fonts::idx(face)].clone(),
                        size,
                        &run,
                        false,
                        TextDirection::Auto,
                    );
                    x += self.fonts.run_width(face, &run, size);
                }
            }
            surface.finish();
            page.finish();
        }
        document.finish().map_err(|e| ReportError::Pdf {
            detail: format!("{e:?}"),
        })
    }
}

/// The report's file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Format {
    /// For the customer: in the user's language, fonts embedded.
    Pdf,
    /// One line per device, stable column names, codes (for spreadsheets).
    Csv,
    /// Everything, codes and params (for tools).
    Json,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
}

impl Report {
    /// The report's bytes in `format` (the PDF in the words given).
    pub fn render(&self, format: Format, w: &dyn Words) -> Result<Vec<u8>, ReportError> {
        Ok(match format {
            Format::Pdf => self.to_pdf(w)?,
            Format::Csv => self.to_csv().into_bytes(),
            Format::Json => (self.to_json() + "\n").into_bytes(),
        })
    }

    /// The file name this report takes by default: `printoauth-report-<run>.<ext>`, the
    /// run's id shortened to 8 characters.
    pub fn file_name(&self, format: Format) -> String {
        let short: String = self.run_id.chars().take(8).collect();
        format!("printoauth-report-{short}.{}", format.extension())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::csv_field;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("-x, y"), "\"'-x, y\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn secret_fields_are_dropped() {
        let v = serde_json::json!({"sender": "a@b", "admin_password": "p", "refresh_token": "t", "user_code": "C"});
        let s = scrub(Some(v)).unwrap();
        assert_eq!(s, serde_json::json!({"sender": "a@b"}));
    }

    #[test]
    fn labels_split_into_model_and_address() {
        assert_eq!(
            split_label("WF-C5890 Series (10.0.0.5)", "x"),
            (Some("WF-C5890 Series".into()), Some("10.0.0.5".into()))
        );
        assert_eq!(
            split_label("127.0.0.1:8080", "127.0.0.1:8080"),
            (None, Some("127.0.0.1:8080".into()))
        );
    }

    #[test]
    fn devanagari_takes_its_own_font_and_the_rest_noto_sans() {
        let f = Fonts::new();
        let runs = f.runs("Result: सफल रहा (OK)", false);
        let faces: Vec<Face> = runs.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            faces,
            vec![Face::Regular, Face::Devanagari, Face::Regular],
            "{:?}",
            runs.iter().map(|r| &r.1).collect::<Vec<_>>()
        );
        assert!(f.width("Привет", false, 10.0) > 10.0);
        // The arrow of "before → after" from the arrows font, not "?" or "->".
        let runs = f.runs("Off → OAuth2", false);
        assert_eq!(
            runs.iter()
                .map(|(f, s)| (*f, s.as_str()))
                .collect::<Vec<_>>(),
            vec![
                (Face::Regular, "Off "),
                (Face::Arrows, "→ "),
                (Face::Regular, "OAuth2")
            ]
        );
    }

    use crate::i18n::CATALOGUES;

    fn report_ids(source: &str) -> std::collections::BTreeSet<String> {
        source
            .lines()
            .filter_map(|l| l.split_once(" ="))
            .map(|(id, _)| id.trim().to_string())
            .filter(|id| id.starts_with("report-"))
            .collect()
    }

    #[test]
    fn every_report_message_is_used_and_in_every_catalogue() {
        let code = include_str!("report.rs");
        let english = report_ids(CATALOGUES[0].1);
        // Built from a result: `report-result-<result>`.
        let built: Vec<String> = [
            DeviceResult::Done,
            DeviceResult::Failed,
            DeviceResult::Cancelled,
            DeviceResult::Unfinished,
        ]
        .iter()
        .map(|r| format!("report-result-{}", r.as_str()))
        .collect();
        for id in &english {
            assert!(
                code.contains(&format!("\"{id}\"")) || built.contains(id),
                "{id} is never used"
            );
        }
        for b in &built {
            assert!(english.contains(b), "en.ftl lacks {b}");
        }
        for part in code.split('"').skip(1).step_by(2) {
            if part.starts_with("report-") && !part.ends_with('-') && !part.contains('{') {
                assert!(english.contains(part), "en.ftl lacks {part}");
            }
        }
        for (lang, source) in CATALOGUES {
            let these = report_ids(source);
            assert_eq!(
                these, english,
                "{lang}'s report- messages differ from English"
            );
            if *lang != "en" {
                // Translated, not copied: the result words differ from English.
                for id in ["report-title", "report-result-done", "report-result-failed"] {
                    let line = |s: &str| {
                        s.lines()
                            .find(|l| l.starts_with(&format!("{id} =")))
                            .map(str::to_string)
                    };
                    assert_ne!(line(source), line(CATALOGUES[0].1), "{lang} {id}");
                }
            }
        }
    }

    /// Words that show their id and arguments (enough to see what the PDF says).
    struct Ids;
    impl Words for Ids {
        fn text(&self, id: &str, args: &[(&str, String)]) -> String {
            let mut s = id.to_string();
            for (_, v) in args {
                s.push(' ');
                s.push_str(v);
            }
            s
        }
        fn coded(&self, family: &str, v: &serde_json::Value) -> Option<String> {
            Some(format!("{family}-{}", v.get("code")?.as_str()?))
        }
        fn lang(&self) -> String {
            "en".into()
        }
    }

    fn sample(devices: usize) -> Report {
        Report {
            site: "Site".into(),
            created_at: "2026-12-02T10:00:00Z".into(),
            run_id: "r1".into(),
            run_started_at: "2026-12-02T09:00:00Z".into(),
            practice: true,
            service: EmailService::ExchangeOnline,
            sender: "a@b.example".into(),
            devices: (0..devices)
                .map(|i| ReportDevice {
                    id: i.to_string(),
                    label: format!("WF-C5890 Series (10.0.0.{i})"),
                    model: Some("WF-C5890 Series".into()),
                    address: Some(format!("10.0.0.{i}")),
                    result: if i % 2 == 0 {
                        DeviceResult::Done
                    } else {
                        DeviceResult::Failed
                    },
                    failed_at: (i % 2 == 1).then_some(Step::Oauth2Set),
                    error: (i % 2 == 1).then(|| "device-oauth2-unavailable".into()),
                    fix: (i % 2 == 1).then(
                        || serde_json::json!({"code": "update-firmware", "params": {"model": "X"}}),
                    ),
                    before: None,
                    after: None,
                    changes: vec![Change {
                        field: "sender".into(),
                        before: None,
                        after: "a@b.example".into(),
                    }],
                    error_params: (i % 2 == 1)
                        .then(|| serde_json::json!({"scope": "email-server"})),
                })
                .collect(),
            tenant_check: Some(ReportTenantCheck {
                passed: false,
                checks: vec![ReportCheck {
                    id: CheckId::SmtpAuthMailbox,
                    status: CheckStatus::Failed,
                    fix: Some(
                        serde_json::json!({"code": "enable-smtp-auth-mailbox", "params": {"mailbox": "a@b.example"}}),
                    ),
                }],
                checked_at: Some("2026-12-02T08:30:00Z".into()),
                through_device: Some("WF-C5890 Series (10.0.0.9)".into()),
            }),
        }
    }

    #[test]
    fn a_long_report_breaks_into_pages_and_each_line_fits() {
        let fonts = Fonts::new();
        let mut l = Layout::new();
        let long = "word ".repeat(400);
        l.para(Style::Body, &long);
        assert!(l.lines.len() > 5);
        for line in &l.lines {
            assert!(fonts.width(&line.text, false, 10.0) <= PAGE_W - 2.0 * MARGIN);
            assert!(line.y <= PAGE_H - MARGIN && line.y > MARGIN);
        }
        // One unbroken word wider than a line is cut.
        let mut l = Layout::new();
        l.para(Style::Body, &"x".repeat(500));
        assert!(l.lines.len() > 1);
        assert_eq!(l.lines.iter().map(|l| l.text.len()).sum::<usize>(), 500);
        // Forty devices take more than one page.
        let pdf = sample(40).to_pdf(&Ids).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(sample(40).lay_out(&Ids).lines.last().unwrap().page >= 1);
        let mut l = Layout::new();
        for i in 0..200 {
            l.para(Style::Body, &format!("line {i}"));
        }
        assert!(l.lines.last().unwrap().page >= 2);
    }

    #[test]
    fn the_pdf_says_each_result_fix_and_the_tenant_check() {
        let lines: Vec<String> = sample(2)
            .lay_out(&Ids)
            .lines
            .into_iter()
            .map(|l| l.text)
            .collect();
        for want in [
            "report-site Site",
            "report-result report-result-done",
            "report-result report-result-failed",
            "report-error error-device-oauth2-unavailable (device-oauth2-unavailable)",
            "report-fix fix-update-firmware",
            "report-tenant",
            "report-tenant-checked-at 2026-12-02T08:30:00Z",
            "report-tenant-through-device WF-C5890 Series (10.0.0.9)",
            "report-tenant-failed",
            "check-smtp-auth-mailbox: report-check-failed",
            "report-fix fix-enable-smtp-auth-mailbox",
            "report-no-secrets",
        ] {
            assert!(lines.iter().any(|l| l == want), "{want:?} in {lines:?}");
        }
        assert!(!lines.iter().any(|l| l == "report-tenant-own"));
        // printoauth's own check says so.
        let mut r = sample(1);
        r.tenant_check.as_mut().unwrap().through_device = None;
        assert!(r
            .lay_out(&Ids)
            .lines
            .iter()
            .any(|l| l.text == "report-tenant-own"));
        // Without a tenant check, none is reported.
        let mut r = sample(1);
        r.tenant_check = None;
        assert!(!r
            .lay_out(&Ids)
            .lines
            .iter()
            .any(|l| l.text == "report-tenant"));
    }

    #[test]
    fn json_and_csv_carry_every_device_and_the_tenant_check() {
        let r = sample(3);
        let back: Report = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(back, r);
        let csv = r.to_csv();
        let rows: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0], CSV_COLUMNS.join(","));
        assert!(rows[2].contains(",failed,oauth2-set,device-oauth2-unavailable,update-firmware,"));
        // The tenant check's columns on every line, then the error's params.
        for (i, row) in rows[1..].iter().enumerate() {
            let params = if i % 2 == 1 {
                "\"{\"\"scope\"\":\"\"email-server\"\"}\""
            } else {
                ""
            };
            assert!(
                row.ends_with(&format!(
                    ",failed,2026-12-02T08:30:00Z,WF-C5890 Series (10.0.0.9),\
                     smtp-auth-mailbox: enable-smtp-auth-mailbox,{params}"
                )),
                "{row}"
            );
        }
        let mut none = sample(1);
        none.tenant_check = None;
        let csv = none.to_csv();
        let row = csv.split("\r\n").nth(1).unwrap();
        assert!(row.ends_with(",,,,"), "{row}");
        assert!(
            rows[2].contains("\"{\"\"model\"\":\"\"X\"\"}\""),
            "{}",
            rows[2]
        );
        // A label a spreadsheet would run is defused.
        let mut r = sample(1);
        r.devices[0].label = "=HYPERLINK(\"x\")".into();
        assert!(r.to_csv().contains(",\"'=HYPERLINK(\"\"x\"\")\","));
    }

    /// Every check's name (`check-<id>`, what the PDF shows for each check, whether the
    /// check ran through a device or not) and the fixes a check through a device gives
    /// are in every catalogue, translated.
    #[test]
    fn every_check_and_device_check_fix_has_words_in_every_language() {
        let line = |source: &str, id: &str| {
            source
                .lines()
                .find(|l| l.starts_with(&format!("{id} =")))
                .map(str::to_string)
        };
        let mut ids: Vec<String> = CheckId::ALL
            .iter()
            .map(|c| format!("check-{}", kebab(*c)))
            .collect();
        // The fixes of tenant_check::check_through_device's own findings (the rest
        // are the live check's, which the app's catalogue test covers).
        for fix in [
            crate::diagnosis::Fix::Configure {},
            crate::diagnosis::Fix::CheckDeviceNetwork {},
            crate::diagnosis::Fix::SignInAgain {},
            crate::diagnosis::Fix::CheckTls {
                host: "h".into(),
                tls_name: "h".into(),
            },
            crate::diagnosis::Fix::enable_smtp_auth("m@x"),
        ] {
            let v = serde_json::to_value(fix).unwrap();
            ids.push(format!("fix-{}", v["code"].as_str().unwrap()));
        }
        for id in &ids {
            let english = line(CATALOGUES[0].1, id).unwrap_or_else(|| panic!("en lacks {id}"));
            for (lang, source) in &CATALOGUES[1..] {
                let here = line(source, id).unwrap_or_else(|| panic!("{lang} lacks {id}"));
                assert_ne!(here, english, "{lang} {id} is not translated");
            }
        }
    }

    fn temp_log() -> (std::path::PathBuf, AuditLog) {
        let dir =
            std::env::temp_dir().join(format!("printoauth-report-test-{}", uuid::Uuid::new_v4()));
        let log = AuditLog::open(&dir.join(crate::audit::FILE_NAME)).unwrap();
        (dir, log)
    }

    fn run_of(log: &AuditLog, practice: bool) -> String {
        let id = uuid::Uuid::new_v4().to_string();
        let ctx = crate::audit::RunContext {
            front_end: "cli".into(),
            practice,
            ..Default::default()
        };
        log.record_run_start(
            &id,
            &ctx,
            crate::run::Mode::Run,
            &[(
                "0".to_string(),
                crate::devices::OAuthTarget::exchange_online("a@b.example"),
            )],
        )
        .unwrap();
        id
    }

    fn check(passed: bool, device: Option<&str>, at: &str) -> ReportTenantCheck {
        ReportTenantCheck {
            passed,
            checks: vec![ReportCheck {
                id: CheckId::SignIn,
                status: if passed {
                    CheckStatus::Passed
                } else {
                    CheckStatus::Failed
                },
                fix: (!passed).then(|| serde_json::json!({"code": "sign-in-again", "params": {}})),
            }],
            checked_at: Some(at.into()),
            through_device: device.map(str::to_string),
        }
    }

    /// A failed device's error is said whole: with the params the trail kept, or, for
    /// an entry recorded without them, with the device's address from its label; a
    /// message that needs more than the report knows falls back to the code.
    #[test]
    fn a_failed_devices_error_is_said_whole() {
        use crate::devices::DeviceError;
        use crate::i18n::Catalogue;
        let (dir, log) = temp_log();
        let log = std::sync::Arc::new(log);
        let ctx = crate::audit::RunContext {
            front_end: "cli".into(),
            labels: [
                ("0", "WF-C5890 Series (10.0.0.7)"),
                ("1", "ET-4850 Series (10.0.0.8)"),
                ("2", "AM-C4000 Series (10.0.0.9)"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
            ..Default::default()
        };
        let rec = log.recorder(ctx.clone());
        let target = crate::devices::OAuthTarget::exchange_online("a@b.example");
        log.record_run_start(
            rec.run_id(),
            &ctx,
            crate::run::Mode::Run,
            &["0", "1", "2"].map(|i| (i.to_string(), target.clone())),
        )
        .unwrap();
        let failed = |e: crate::Error| crate::run::DeviceState::Failed {
            failed_at: Step::LoggedIn,
            fix: crate::diagnosis::fix_for_error(&e),
            error: e,
            device: None,
            manual: None,
        };
        use crate::audit::AuditSink;
        rec.finished(
            "0",
            &failed(
                DeviceError::DeviceHttpStatus {
                    path: "/PRESENTATION/ADVANCED/PASSWORD/TOP".into(),
                    status: 500,
                    attempts: 4,
                }
                .into(),
            ),
            None,
        );
        // As a build before schema 5 recorded it: the code only.
        for (device, code) in [("1", "device-unreachable"), ("2", "device-restart-timeout")] {
            log.record(&crate::audit::NewEntry {
                run_id: rec.run_id(),
                device,
                action: AuditAction::Failed,
                before: None,
                after: None,
                changes: None,
                failed_at: Some(Step::LoggedIn),
                result: code,
                fix: None,
                error: None,
            })
            .unwrap();
        }
        let r = Report::from_audit(&log, Some(rec.run_id()), "", None).unwrap();
        assert_eq!(
            r.devices[0].error_params,
            Some(serde_json::json!({
                "path": "/PRESENTATION/ADVANCED/PASSWORD/TOP", "status": 500, "attempts": 4
            }))
        );
        assert_eq!(r.devices[1].error_params, None);
        let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(json["devices"][0]["error_params"]["status"], 500);
        let csv = r.to_csv();
        let row = csv.split("\r\n").nth(1).unwrap();
        assert!(
            row.ends_with(
                ",\"{\"\"attempts\"\":4,\"\"path\"\":\"\"/PRESENTATION/ADVANCED/PASSWORD/TOP\"\",\
                 \"\"status\"\":500}\""
            ),
            "{row}"
        );
        let said = |lang: &str| -> String {
            r.lay_out(&Catalogue::new(lang))
                .lines
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let en = said("en");
        for want in [
            "Error: The device kept answering with error 500 (page \
             /PRESENTATION/ADVANCED/PASSWORD/TOP, 4 attempts). (device-http-status)",
            "Error: The device at 10.0.0.8 does not answer. (device-unreachable)",
            "Error: device-restart-timeout",
        ] {
            assert!(en.contains(want), "{want:?} in {en}");
        }
        let be = said("be");
        let want = "Памылка: Прылада працягвала адказваць памылкай 500 (старонка \
                    /PRESENTATION/ADVANCED/PASSWORD/TOP, спроб: 4). (device-http-status)";
        assert!(be.contains(want), "{want:?} in {be}");
        drop(log);
        let _ = std::fs::remove_dir_all(dir);
    }

    /// Without a tenant check given, the report takes the newest one the trail
    /// recorded in the run's world; one given wins.
    #[test]
    fn the_report_takes_the_newest_recorded_tenant_check_of_its_world() {
        let (dir, log) = temp_log();
        let real = run_of(&log, false);
        let practice = run_of(&log, true);
        let r = Report::from_audit(&log, Some(&real), "", None).unwrap();
        assert_eq!(r.tenant_check, None);

        log.record_tenant_check(&check(false, None, "2026-12-01T10:00:00Z"), false, "cli")
            .unwrap();
        log.record_tenant_check(
            &check(
                true,
                Some("WF-C5890 Series (10.0.0.9)"),
                "2026-12-02T10:00:00Z",
            ),
            false,
            "app",
        )
        .unwrap();
        log.record_tenant_check(&check(false, None, "2026-12-03T10:00:00Z"), true, "cli")
            .unwrap();

        let r = Report::from_audit(&log, Some(&real), "", None).unwrap();
        assert_eq!(
            r.tenant_check,
            Some(check(
                true,
                Some("WF-C5890 Series (10.0.0.9)"),
                "2026-12-02T10:00:00Z"
            ))
        );
        let r = Report::from_audit(&log, Some(&practice), "", None).unwrap();
        assert_eq!(
            r.tenant_check,
            Some(check(false, None, "2026-12-03T10:00:00Z"))
        );
        // Its JSON says when and through which device.
        let v: serde_json::Value = serde_json::from_str(
            &Report::from_audit(&log, Some(&real), "", None)
                .unwrap()
                .to_json(),
        )
        .unwrap();
        assert_eq!(v["tenant_check"]["checked_at"], "2026-12-02T10:00:00Z");
        assert_eq!(
            v["tenant_check"]["through_device"],
            "WF-C5890 Series (10.0.0.9)"
        );

        // A check given wins over the trail's.
        let given = TenantCheckReport {
            passed: true,
            account: Some("a@b.example".into()),
            from: None,
            to: None,
            checks: vec![],
            started_at: chrono::Utc::now(),
            finished_at: chrono::Utc::now(),
        };
        let r = Report::from_audit(&log, Some(&real), "", Some(&given)).unwrap();
        let tc = r.tenant_check.unwrap();
        assert!(tc.passed && tc.checks.is_empty() && tc.through_device.is_none());
        assert!(tc.checked_at.is_some());
        drop(log);
        let _ = std::fs::remove_dir_all(dir);
    }
}
