//! The audit trail: every step a run takes on a device (what was written, the settings
//! before and after, when, in which run, with what result) in an embedded SQLite
//! database, so there is a record to hand over and a killed run can be resumed.
//!
//! The batch ([`crate::run::start_batch`]) reports to an [`AuditSink`] given in its
//! options ([`crate::run::RunOptions::audit`]); [`AuditLog::recorder`] makes the sink
//! that writes a run into the database, so a front end only opens the database
//! ([`AuditLog::open`]) and passes the recorder in.
//!
//! Durability: the database is in WAL mode with `synchronous=FULL`, and every record
//! is one statement committed on its own before the engine reports the step it
//! records. A process killed at any moment (SIGKILL, a crash) therefore loses at
//! most the step in flight: a committed WAL transaction is in the file before
//! `COMMIT` returns. (`synchronous=NORMAL` would already survive a killed process,
//! since the WAL frames are written to the operating system at commit; FULL also
//! syncs them to the disk at each commit, so the record of a write to a device also
//! survives a power cut or an operating-system crash of the technician's laptop. It
//! costs one fsync per record, a few per device, against device steps that take
//! seconds.)
//!
//! No password, token or sign-in code is ever stored: the records carry the device's
//! id, the step, the target (service and sender), the e-mail settings the device shows
//! (which hold none) and a failed device's error: its code, and of its parameters only
//! those [`ERROR_PARAMS_KEPT`] names, with plain values ([`error_record`]), never its
//! free text.
//!
//! A device is *unfinished* when the run it was part of recorded no end for it
//! (done or failed): the run was killed, or cancelled, before it was through. Only the
//! latest run counts ([`AuditLog::unfinished`]): resuming it starts a new run.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::devices::{EmailService, EmailSettings, OAuthTarget};
use crate::run::{DeviceState, DeviceTask, Mode, Step};

/// The database's file name, in the front end's data folder.
pub const FILE_NAME: &str = "audit.sqlite3";

/// The schema this build writes. Each step of [`MIGRATIONS`] brings a database from
/// one version to the next.
pub const SCHEMA_VERSION: i64 = 5;

/// The schema, version by version (index 0 makes version 1). Never edit a released
/// step: add the next one.
const MIGRATIONS: &[&str] = &[
    // 1: runs, their devices, and the entries of each device.
    "CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        front_end TEXT NOT NULL,
        mode TEXT NOT NULL,
        practice INTEGER NOT NULL,
        service TEXT NOT NULL,
        sender TEXT NOT NULL,
        resumes TEXT
    );
    CREATE TABLE run_devices (
        run_id TEXT NOT NULL REFERENCES runs(id),
        device TEXT NOT NULL,
        label TEXT NOT NULL,
        position INTEGER NOT NULL,
        service TEXT NOT NULL,
        sender TEXT NOT NULL,
        PRIMARY KEY (run_id, device)
    );
    CREATE TABLE entries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id TEXT NOT NULL REFERENCES runs(id),
        device TEXT NOT NULL,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        is_write INTEGER NOT NULL,
        before_json TEXT,
        after_json TEXT,
        changes_json TEXT,
        failed_at TEXT,
        result TEXT NOT NULL
    );
    CREATE INDEX entries_by_device ON entries (run_id, device);",
    // 2: each sign-in a run completed, with the newest job receipt the device listed
    // then (health counts only the failures after it).
    "CREATE TABLE sign_ins (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        device TEXT NOT NULL,
        practice INTEGER NOT NULL,
        run_id TEXT NOT NULL,
        at TEXT NOT NULL,
        seen_receipt TEXT
    );
    CREATE INDEX sign_ins_by_device ON sign_ins (device, practice);",
    // 3: a failed device's fix (`{code, params}`), for the customer's report.
    "ALTER TABLE entries ADD COLUMN fix_json TEXT;",
    // 4: each tenant check (printoauth's own, or through a configured device), for
    // the customer's report: each check's id, status and fix (`{code, params}`), never
    // its cause, evidence or the account's token.
    "CREATE TABLE tenant_checks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        practice INTEGER NOT NULL,
        front_end TEXT NOT NULL,
        through_device TEXT,
        passed INTEGER NOT NULL,
        checks_json TEXT NOT NULL
    );
    CREATE INDEX tenant_checks_by_practice ON tenant_checks (practice, id);",
    // 5: a failed device's error as `{code, params}` (`result` keeps the code), its
    // params only those `error_record` keeps, for the customer's report.
    "ALTER TABLE entries ADD COLUMN error_json TEXT;",
];

/// The error parameters the audit trail keeps ([`error_record`]), so the customer's
/// report can say the whole sentence ("The device at 10.0.0.5 does not answer."). The
/// rule: a parameter is kept only when it is named here, and a name is here only when
/// what the engine puts in it is neither a secret, nor free text (words of a device,
/// a server or the system), nor personal. Where each comes from:
///
/// - `address`: the device's host and port (`DeviceAddress::display`); kept for
///   `device-*` errors only (in `run-sender-invalid` and `mail-address-invalid` it is
///   a mail address), and never with an `@`.
/// - `host`, `port`, `tls_name`: the mail server's name and port and the TLS name
///   expected of it (smtp.office365.com and the like); `host` for `mail-*` errors
///   only (a discovery error's `host` is what the user typed), never with an `@`.
/// - `url`: the sign-in authority's address (`identity-*`), kept only as
///   `http(s)://…` without user, query or fragment.
/// - `path`: the device page's path a status came from (`url.path()`, no query); kept
///   only as `/…` without `?`, `#` or `@`.
/// - `page`, `missing`, `field`, `scope`, `step`: the driver's own names of a page,
///   of what it missed on it (a label, a button, a menu path), of a setting, of the
///   mail page, of a step.
/// - `vendor`, `model`, `firmware`, `family`, `offered`: what the device or its
///   discovery says it is, and the sign-in methods its page offers.
/// - `pinned_sha256`, `found_sha256`: fingerprints of the device's certificates
///   (public).
/// - `status`, `attempts`, `waited_secs`, `after_secs`, `aadsts`: numbers.
///
/// Never kept (not named here): `detail`, `description`, `error`, `reply`, `text`,
/// `device_message`, `redacted_html`, `redacted_text`, `mismatches`, `value`,
/// `given`, `account`, `mailbox`, `from`, `location` (a file on the technician's
/// computer), and any name speaking of a code, token, password, secret, key or
/// credential, even if it were added here.
pub const ERROR_PARAMS_KEPT: &[&str] = &[
    "address",
    "host",
    "port",
    "tls_name",
    "url",
    "path",
    "page",
    "missing",
    "field",
    "scope",
    "step",
    "vendor",
    "model",
    "firmware",
    "family",
    "offered",
    "pinned_sha256",
    "found_sha256",
    "status",
    "attempts",
    "waited_secs",
    "after_secs",
    "aadsts",
];

/// The longest string parameter kept, in characters.
const ERROR_PARAM_MAX_CHARS: usize = 120;

/// A name that speaks of a secret.
fn names_a_secret(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    ["code", "token", "password", "secret", "credential", "key"]
        .iter()
        .any(|s| n.contains(s))
}

/// Whether the value of the kept parameter `name` of error `code` may be stored.
fn keeps_value(code: &str, name: &str, v: &serde_json::Value) -> bool {
    use serde_json::Value;
    let numeric = matches!(
        name,
        "port" | "status" | "attempts" | "waited_secs" | "after_secs" | "aadsts"
    );
    let plain =
        |s: &str| s.chars().count() <= ERROR_PARAM_MAX_CHARS && !s.chars().any(char::is_control);
    let text_ok = |s: &str| {
        plain(s)
            && match name {
                "address" => {
                    code.starts_with("device-")
                        && !s.contains('@')
                        && !s.contains(char::is_whitespace)
                }
                "host" => {
                    code.starts_with("mail-")
                        && !s.contains('@')
                        && !s.contains(char::is_whitespace)
                }
                "path" => {
                    s.starts_with('/')
                        && !s.contains(['?', '#', '@'])
                        && !s.contains(char::is_whitespace)
                }
                "url" => {
                    (s.starts_with("https://") || s.starts_with("http://"))
                        && !s.contains(['?', '#', '@'])
                        && !s.contains(char::is_whitespace)
                }
                _ => !numeric,
            }
    };
    match v {
        Value::Number(_) => true,
        Value::Bool(_) => !numeric,
        Value::String(s) => text_ok(s),
        Value::Array(items) => {
            !numeric
                && items.len() <= 20
                && items.iter().all(|i| match i {
                    Value::Number(_) | Value::Bool(_) => true,
                    Value::String(s) => text_ok(s),
                    _ => false,
                })
        }
        Value::Null | Value::Object(_) => false,
    }
}

/// What the audit trail keeps of an error (`{code, params}`, as the engine serialises
/// it): the code, and the params [`ERROR_PARAMS_KEPT`] names whose values are numbers,
/// booleans, strings of at most 120 characters without control characters, or lists
/// of those (with the checks that list gives per name). `None` without a code.
pub fn error_record(error: &serde_json::Value) -> Option<serde_json::Value> {
    let code = error.get("code")?.as_str()?;
    let params: serde_json::Map<String, serde_json::Value> = error
        .get("params")
        .and_then(|p| p.as_object())
        .map(|p| {
            p.iter()
                .filter(|(k, v)| {
                    ERROR_PARAMS_KEPT.contains(&k.as_str())
                        && !names_a_secret(k)
                        && keeps_value(code, k, v)
                })
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default();
    Some(serde_json::json!({ "code": code, "params": params }))
}

/// Why the audit database could not be used (`detail`: SQLite's or the system's words).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuditError {
    #[error("the audit database {file} could not be used: {detail}")]
    Unusable { file: String, detail: String },
    #[error("the audit database {file} was written by a newer printoauth (schema {found})")]
    TooNew { file: String, found: i64 },
}

/// What the batch tells the audit trail, as it happens. Each call returns only once
/// the record is stored: the engine reports the step after it.
pub trait AuditSink: Send + Sync + std::fmt::Debug {
    /// The batch starts on these devices (after its checks, before any device is
    /// touched).
    fn batch_started(&self, mode: Mode, tasks: &[DeviceTask]);
    /// `device` reached `step` (the write it names is done); `before`: its settings
    /// read right after the log-in, when read; `target`: what the run sets.
    fn step(&self, device: &str, step: Step, before: Option<&EmailSettings>, target: &OAuthTarget);
    /// `device` ended (done or failed); `before` as in [`AuditSink::step`].
    fn finished(&self, device: &str, state: &DeviceState, before: Option<&EmailSettings>);
}

/// What an entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum AuditAction {
    /// Logged in to the device's page (nothing written).
    LoggedIn,
    /// OAuth2 and the target's settings entered (a write).
    Oauth2Set,
    /// The device's own sign-in started (a write; its code is not recorded).
    SignInStarted,
    /// The device reports it is signed in.
    SignedIn,
    /// The settings saved on the device (a write).
    Saved,
    /// The stored settings read back and found as set.
    Verified,
    /// The device's run ended well (`before` → `after`, with the changes).
    Done,
    /// The device's run failed (`result`: the error's code).
    Failed,
    /// The batch was cancelled before this device was through (it stays unfinished).
    Cancelled,
}

impl AuditAction {
    fn of_step(step: Step) -> Option<AuditAction> {
        Some(match step {
            Step::Found => return None,
            Step::LoggedIn => AuditAction::LoggedIn,
            Step::Oauth2Set => AuditAction::Oauth2Set,
            Step::WaitingForConsent => AuditAction::SignInStarted,
            Step::SignedIn => AuditAction::SignedIn,
            Step::Saved => AuditAction::Saved,
            Step::Verified => AuditAction::Verified,
        })
    }

    /// Whether the action changed something on the device.
    pub fn is_write(self) -> bool {
        matches!(
            self,
            AuditAction::Oauth2Set | AuditAction::SignInStarted | AuditAction::Saved
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::LoggedIn => "logged-in",
            AuditAction::Oauth2Set => "oauth2-set",
            AuditAction::SignInStarted => "sign-in-started",
            AuditAction::SignedIn => "signed-in",
            AuditAction::Saved => "saved",
            AuditAction::Verified => "verified",
            AuditAction::Done => "done",
            AuditAction::Failed => "failed",
            AuditAction::Cancelled => "cancelled",
        }
    }

    fn parse(s: &str) -> Option<AuditAction> {
        serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
    }
}

/// One run as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AuditRun {
    pub id: String,
    /// RFC 3339, UTC.
    pub started_at: String,
    /// "cli" or "app".
    pub front_end: String,
    /// "run" or "check-again".
    pub mode: String,
    /// Against the emulated world (practice mode).
    pub practice: bool,
    pub service: EmailService,
    pub sender: String,
    /// The run whose unfinished devices this one resumed.
    pub resumes: Option<String>,
    /// The devices, in the order given.
    pub devices: Vec<AuditDevice>,
}

/// A device of a run and how far it got.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AuditDevice {
    /// The id the run used (the CLI: the argument as typed; the app: the device's id).
    pub id: String,
    /// A name for people (the model and address where known).
    pub label: String,
    /// The last thing recorded for it (`None`: never started).
    pub last: Option<AuditAction>,
    /// Whether anything was written to it.
    pub began_writing: bool,
    /// Done or failed: the run was through with it.
    pub finished: bool,
}

/// One record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AuditEntry {
    /// Increasing with time, across runs.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub seq: i64,
    pub run_id: String,
    pub device: String,
    /// RFC 3339, UTC, with milliseconds.
    pub at: String,
    pub action: AuditAction,
    pub is_write: bool,
    /// The device's settings before the run (as read after the log-in).
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub before: Option<serde_json::Value>,
    /// What was set (writes: the target), or the settings read at the end.
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub after: Option<serde_json::Value>,
    /// Done: what differs, field by field.
    pub changes: Option<Vec<crate::run::Change>>,
    /// Failed: the step not reached.
    pub failed_at: Option<Step>,
    /// "ok", or the error's code.
    pub result: String,
}

/// The unfinished devices of the last run ([`AuditLog::unfinished`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Unfinished {
    pub run: AuditRun,
    /// The run's devices without an end, in the run's order.
    pub devices: Vec<AuditDevice>,
}

/// A tenant check as the audit trail keeps it ([`AuditLog::record_tenant_check`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedTenantCheck {
    /// Increasing with time.
    pub seq: i64,
    /// When the check was made (RFC 3339, UTC).
    pub at: String,
    /// Against the emulated world (practice mode).
    pub practice: bool,
    /// "cli" or "app".
    pub front_end: String,
    /// Through a configured device's own connection test: that device's label
    /// (`None`: printoauth's own sign-in and test mail).
    pub through_device: Option<String>,
    pub passed: bool,
    /// Each check: its id, status and fix.
    pub checks: Vec<crate::report::ReportCheck>,
}

/// How a front end's run is described (beside what the batch reports).
#[derive(Debug, Clone, Default)]
pub struct RunContext {
    /// "cli" or "app".
    pub front_end: String,
    pub practice: bool,
    /// The run whose unfinished devices this one resumes.
    pub resumes: Option<String>,
    /// Names for people, by device id (the id itself otherwise).
    pub labels: std::collections::HashMap<String, String>,
}

/// The entries' columns that hold a `{code, params}` value.
#[derive(Clone, Copy)]
enum JsonColumn {
    Fix,
    Error,
}

/// The open audit database.
#[derive(Debug)]
pub struct AuditLog {
    conn: Mutex<Connection>,
    path: PathBuf,
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn service_str(s: EmailService) -> String {
    serde_json::to_value(s)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn service_of(s: &str) -> EmailService {
    serde_json::from_value(serde_json::Value::String(s.to_string()))
        .unwrap_or(EmailService::ExchangeOnline)
}

impl AuditLog {
    /// Opens the database at `path`, creating it (and its folder, owner-only) when
    /// missing, and brings its schema to [`SCHEMA_VERSION`].
    pub fn open(path: &Path) -> Result<AuditLog, AuditError> {
        let unusable = |detail: String| AuditError::Unusable {
            file: path.display().to_string(),
            detail,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if !dir.exists() {
                std::fs::create_dir_all(dir).map_err(|e| unusable(e.to_string()))?;
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
                }
            }
        }
        let new = !path.exists();
        let conn = Connection::open(path).map_err(|e| unusable(e.to_string()))?;
        #[cfg(unix)]
        if new {
            // The WAL and shared-memory files take the database's permissions.
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
        }
        let _ = new;
        let setup = || -> Result<(), String> {
            let sql = |e: rusqlite::Error| e.to_string();
            conn.busy_timeout(std::time::Duration::from_secs(10))
                .map_err(sql)?;
            let mode: String = conn
                .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
                .map_err(sql)?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(format!("journal mode {mode} instead of WAL"));
            }
            conn.execute_batch("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")
                .map_err(sql)
        };
        setup().map_err(unusable)?;
        migrate(&conn, path)?;
        Ok(AuditLog {
            conn: Mutex::new(conn),
            path: path.to_path_buf(),
        })
    }

    /// Opens an existing database to read it only (`None` when there is none yet):
    /// nothing is created or migrated.
    pub fn open_existing(path: &Path) -> Result<Option<AuditLog>, AuditError> {
        if !path.exists() {
            return Ok(None);
        }
        AuditLog::open(path).map(Some)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version the database has.
    pub fn schema_version(&self) -> Result<i64, AuditError> {
        let c = self.conn.lock().unwrap();
        c.query_row("SELECT version FROM schema_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    fn err(&self, e: rusqlite::Error) -> AuditError {
        AuditError::Unusable {
            file: self.path.display().to_string(),
            detail: e.to_string(),
        }
    }

    /// The sink that records one batch into this database (give it to the batch in
    /// [`crate::run::RunOptions::audit`]). Its run id is made now; the run is written
    /// when the batch starts.
    pub fn recorder(self: &Arc<Self>, context: RunContext) -> Arc<RunRecorder> {
        Arc::new(RunRecorder {
            log: self.clone(),
            run_id: uuid::Uuid::new_v4().to_string(),
            context,
        })
    }

    /// Records the start of a run (what [`RunRecorder`] does when the batch starts).
    pub fn record_run_start(
        &self,
        run_id: &str,
        context: &RunContext,
        mode: Mode,
        devices: &[(String, OAuthTarget)],
    ) -> Result<(), AuditError> {
        let mut c = self.conn.lock().unwrap();
        let tx = c.transaction().map_err(|e| self.err(e))?;
        let (service, sender) = devices
            .first()
            .map(|(_, t)| (service_str(t.service), t.sender.clone()))
            .unwrap_or_default();
        let mode = match mode {
            Mode::Run => "run",
            Mode::CheckAgain => "check-again",
        };
        tx.execute(
            "INSERT INTO runs (id, started_at, front_end, mode, practice, service, sender, resumes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                run_id,
                now(),
                context.front_end,
                mode,
                context.practice,
                service,
                sender,
                context.resumes
            ],
        )
        .map_err(|e| self.err(e))?;
        for (i, (id, target)) in devices.iter().enumerate() {
            let label = context
                .labels
                .get(id)
                .cloned()
                .unwrap_or_else(|| id.clone());
            tx.execute(
                "INSERT OR IGNORE INTO run_devices (run_id, device, label, position, service, sender)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    run_id,
                    id,
                    label,
                    i as i64,
                    service_str(target.service),
                    target.sender
                ],
            )
            .map_err(|e| self.err(e))?;
        }
        tx.commit().map_err(|e| self.err(e))
    }

    /// Records one entry, committed before this returns.
    pub fn record(&self, e: &NewEntry<'_>) -> Result<(), AuditError> {
        let json = |v: Option<serde_json::Value>| v.map(|v| v.to_string());
        let c = self.conn.lock().unwrap();
        c.execute(
            "INSERT INTO entries (run_id, device, at, action, is_write, before_json, after_json,
                                  changes_json, failed_at, result, fix_json, error_json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                e.run_id,
                e.device,
                now(),
                e.action.as_str(),
                e.action.is_write(),
                json(e.before.clone()),
                json(e.after.clone()),
                e.changes
                    .map(|c| serde_json::to_string(c).unwrap_or_default()),
                e.failed_at
                    .and_then(|s| serde_json::to_value(s).ok())
                    .and_then(|v| v.as_str().map(str::to_string)),
                e.result,
                json(e.fix.clone()),
                json(e.error.as_ref().and_then(error_record)),
            ],
        )
        .map(|_| ())
        .map_err(|er| self.err(er))
    }

    /// Records that a run signed `device` in, with the newest job receipt it listed
    /// then.
    pub fn record_sign_in(
        &self,
        run_id: &str,
        device: &str,
        practice: bool,
        seen_receipt: Option<&str>,
    ) -> Result<(), AuditError> {
        let c = self.conn.lock().unwrap();
        c.execute(
            "INSERT INTO sign_ins (device, practice, run_id, at, seen_receipt)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![device, practice, run_id, now(), seen_receipt],
        )
        .map(|_| ())
        .map_err(|er| self.err(er))
    }

    /// The newest job receipt `device` listed when a run last signed it in (`None`:
    /// never signed in by a recorded run, or its history was not read then).
    pub fn seen_receipt(&self, device: &str, practice: bool) -> Result<Option<String>, AuditError> {
        let c = self.conn.lock().unwrap();
        c.query_row(
            "SELECT seen_receipt FROM sign_ins WHERE device = ?1 AND practice = ?2
             ORDER BY id DESC LIMIT 1",
            params![device, practice],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()
        .map(Option::flatten)
        .map_err(|er| self.err(er))
    }

    /// Records a tenant check: when (`check.checked_at`, else now), in which world
    /// and front end, through which device, whether it passed, and each check's id,
    /// status and fix. Nothing else of the check is kept (see the module's note).
    pub fn record_tenant_check(
        &self,
        check: &crate::report::ReportTenantCheck,
        practice: bool,
        front_end: &str,
    ) -> Result<(), AuditError> {
        let checks = serde_json::to_string(&check.checks).unwrap_or_else(|_| "[]".into());
        let at = check.checked_at.clone().unwrap_or_else(now);
        let c = self.conn.lock().unwrap();
        c.execute(
            "INSERT INTO tenant_checks (at, practice, front_end, through_device, passed, checks_json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                at,
                practice,
                front_end,
                check.through_device,
                check.passed,
                checks
            ],
        )
        .map(|_| ())
        .map_err(|er| self.err(er))
    }

    /// The tenant check recorded last (of practice mode or not, as `practice` says).
    pub fn latest_tenant_check(
        &self,
        practice: bool,
    ) -> Result<Option<RecordedTenantCheck>, AuditError> {
        let c = self.conn.lock().unwrap();
        c.query_row(
            "SELECT id, at, practice, front_end, through_device, passed, checks_json
             FROM tenant_checks WHERE practice = ?1 ORDER BY id DESC LIMIT 1",
            [practice],
            |r| {
                Ok(RecordedTenantCheck {
                    seq: r.get(0)?,
                    at: r.get(1)?,
                    practice: r.get(2)?,
                    front_end: r.get(3)?,
                    through_device: r.get(4)?,
                    passed: r.get(5)?,
                    checks: serde_json::from_str(&r.get::<_, String>(6)?).unwrap_or_default(),
                })
            },
        )
        .optional()
        .map_err(|er| self.err(er))
    }

    /// The first device a run set up (its result done), with that run: the newest run
    /// (of practice mode or not, as `practice` says) that set one up, its devices in
    /// the order given. `None` when no recorded run set up a device.
    pub fn configured_device(
        &self,
        practice: bool,
    ) -> Result<Option<(AuditRun, AuditDevice)>, AuditError> {
        let ids: Vec<String> = {
            let c = self.conn.lock().unwrap();
            let mut st = c
                .prepare(
                    "SELECT id FROM runs WHERE practice = ?1 AND EXISTS (
                        SELECT 1 FROM entries e WHERE e.run_id = runs.id AND e.action = 'done')
                     ORDER BY started_at DESC, rowid DESC",
                )
                .map_err(|e| self.err(e))?;
            let rows = st
                .query_map([practice], |r| r.get::<_, String>(0))
                .map_err(|e| self.err(e))?;
            rows.collect::<Result<_, _>>().map_err(|e| self.err(e))?
        };
        for id in ids {
            let Some(run) = self.run(&id)? else { continue };
            if let Some(d) = run
                .devices
                .iter()
                .find(|d| d.last == Some(AuditAction::Done))
                .cloned()
            {
                return Ok(Some((run, d)));
            }
        }
        Ok(None)
    }

    /// The runs, newest first (at most `limit`).
    pub fn runs(&self, limit: usize) -> Result<Vec<AuditRun>, AuditError> {
        let ids: Vec<String> = {
            let c = self.conn.lock().unwrap();
            let mut st = c
                .prepare("SELECT id FROM runs ORDER BY started_at DESC, rowid DESC LIMIT ?1")
                .map_err(|e| self.err(e))?;
            let rows = st
                .query_map([limit as i64], |r| r.get::<_, String>(0))
                .map_err(|e| self.err(e))?;
            rows.collect::<Result<_, _>>().map_err(|e| self.err(e))?
        };
        ids.iter()
            .filter_map(|id| self.run(id).transpose())
            .collect()
    }

    /// One run with its devices.
    pub fn run(&self, run_id: &str) -> Result<Option<AuditRun>, AuditError> {
        let c = self.conn.lock().unwrap();
        let run = c
            .query_row(
                "SELECT id, started_at, front_end, mode, practice, service, sender, resumes
                 FROM runs WHERE id = ?1",
                [run_id],
                |r| {
                    Ok(AuditRun {
                        id: r.get(0)?,
                        started_at: r.get(1)?,
                        front_end: r.get(2)?,
                        mode: r.get(3)?,
                        practice: r.get(4)?,
                        service: service_of(&r.get::<_, String>(5)?),
                        sender: r.get(6)?,
                        resumes: r.get(7)?,
                        devices: Vec::new(),
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some(mut run) = run else {
            return Ok(None);
        };
        let mut st = c
            .prepare(
                "SELECT d.device, d.label,
                    (SELECT e.action FROM entries e WHERE e.run_id = d.run_id
                        AND e.device = d.device ORDER BY e.id DESC LIMIT 1),
                    EXISTS (SELECT 1 FROM entries e WHERE e.run_id = d.run_id
                        AND e.device = d.device AND e.is_write = 1),
                    EXISTS (SELECT 1 FROM entries e WHERE e.run_id = d.run_id
                        AND e.device = d.device AND e.action IN ('done', 'failed'))
                 FROM run_devices d WHERE d.run_id = ?1 ORDER BY d.position",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([run_id], |r| {
                Ok(AuditDevice {
                    id: r.get(0)?,
                    label: r.get(1)?,
                    last: r
                        .get::<_, Option<String>>(2)?
                        .as_deref()
                        .and_then(AuditAction::parse),
                    began_writing: r.get(3)?,
                    finished: r.get(4)?,
                })
            })
            .map_err(|e| self.err(e))?;
        run.devices = rows.collect::<Result<_, _>>().map_err(|e| self.err(e))?;
        Ok(Some(run))
    }

    /// The entries of a run, in the order they were made.
    pub fn entries(&self, run_id: &str) -> Result<Vec<AuditEntry>, AuditError> {
        let c = self.conn.lock().unwrap();
        let mut st = c
            .prepare(
                "SELECT id, run_id, device, at, action, is_write, before_json, after_json,
                        changes_json, failed_at, result
                 FROM entries WHERE run_id = ?1 ORDER BY id",
            )
            .map_err(|e| self.err(e))?;
        fn parse<T: serde::de::DeserializeOwned>(s: Option<String>) -> Option<T> {
            s.and_then(|s| serde_json::from_str(&s).ok())
        }
        let rows = st
            .query_map([run_id], |r| {
                let action: String = r.get(4)?;
                Ok(AuditEntry {
                    seq: r.get(0)?,
                    run_id: r.get(1)?,
                    device: r.get(2)?,
                    at: r.get(3)?,
                    action: AuditAction::parse(&action).unwrap_or(AuditAction::Failed),
                    is_write: r.get(5)?,
                    before: parse(r.get(6)?),
                    after: parse(r.get(7)?),
                    changes: parse(r.get(8)?),
                    failed_at: r
                        .get::<_, Option<String>>(9)?
                        .and_then(|s| serde_json::from_value(serde_json::Value::String(s)).ok()),
                    result: r.get(10)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// The fixes recorded for a run's failed devices (`{code, params}`), by device.
    /// Runs recorded before schema 2 have none.
    pub fn fixes(
        &self,
        run_id: &str,
    ) -> Result<std::collections::HashMap<String, serde_json::Value>, AuditError> {
        self.json_by_device(run_id, JsonColumn::Fix)
    }

    /// The errors recorded for a run's failed devices (`{code, params}`, the params as
    /// [`error_record`] kept them), by device. Entries recorded before schema 5 have
    /// none (their code is in [`AuditEntry::result`]).
    pub fn errors(
        &self,
        run_id: &str,
    ) -> Result<std::collections::HashMap<String, serde_json::Value>, AuditError> {
        self.json_by_device(run_id, JsonColumn::Error)
    }

    /// A JSON column of a run's entries, by device (the newest entry's where there
    /// are several; unreadable JSON is left out).
    fn json_by_device(
        &self,
        run_id: &str,
        column: JsonColumn,
    ) -> Result<std::collections::HashMap<String, serde_json::Value>, AuditError> {
        let sql = match column {
            JsonColumn::Fix => {
                "SELECT device, fix_json FROM entries
                 WHERE run_id = ?1 AND fix_json IS NOT NULL ORDER BY id"
            }
            JsonColumn::Error => {
                "SELECT device, error_json FROM entries
                 WHERE run_id = ?1 AND error_json IS NOT NULL ORDER BY id"
            }
        };
        let c = self.conn.lock().unwrap();
        let mut st = c.prepare(sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map([run_id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(|e| self.err(e))?;
        let mut out = std::collections::HashMap::new();
        for row in rows {
            let (device, json) = row.map_err(|e| self.err(e))?;
            if let Ok(v) = serde_json::from_str(&json) {
                out.insert(device, v);
            }
        }
        Ok(out)
    }

    /// The devices the last run (of practice mode or not, as `practice` says) left
    /// unfinished, with that run; `None` when it finished every device (or there is
    /// no run yet).
    pub fn unfinished(&self, practice: bool) -> Result<Option<Unfinished>, AuditError> {
        let last: Option<String> = {
            let c = self.conn.lock().unwrap();
            c.query_row(
                "SELECT id FROM runs WHERE practice = ?1
                 ORDER BY started_at DESC, rowid DESC LIMIT 1",
                [practice],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?
        };
        let Some(run) = last.map(|id| self.run(&id)).transpose()?.flatten() else {
            return Ok(None);
        };
        let devices: Vec<AuditDevice> = run
            .devices
            .iter()
            .filter(|d| !d.finished)
            .cloned()
            .collect();
        Ok((!devices.is_empty()).then_some(Unfinished { run, devices }))
    }
}

/// One entry to record ([`AuditLog::record`]).
#[derive(Debug, Clone)]
pub struct NewEntry<'a> {
    pub run_id: &'a str,
    pub device: &'a str,
    pub action: AuditAction,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub changes: Option<&'a [crate::run::Change]>,
    pub failed_at: Option<Step>,
    /// "ok", or an error code.
    pub result: &'a str,
    /// Failed: the fix (`{code, params}`; the params name addresses, models and
    /// Microsoft's admin-center paths, never a secret).
    pub fix: Option<serde_json::Value>,
    /// Failed: the error (`{code, params}` as the engine serialises it); only what
    /// [`error_record`] keeps of it is stored.
    pub error: Option<serde_json::Value>,
}

fn migrate(conn: &Connection, path: &Path) -> Result<(), AuditError> {
    let unusable = |e: rusqlite::Error| AuditError::Unusable {
        file: path.display().to_string(),
        detail: e.to_string(),
    };
    conn.execute_batch("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        .map_err(unusable)?;
    let found: Option<i64> = conn
        .query_row("SELECT version FROM schema_version", [], |r| r.get(0))
        .optional()
        .map_err(unusable)?;
    let found = found.unwrap_or(0);
    if found > SCHEMA_VERSION {
        return Err(AuditError::TooNew {
            file: path.display().to_string(),
            found,
        });
    }
    for (i, step) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let to = i as i64 + 1;
        let apply = || -> rusqlite::Result<()> {
            conn.execute_batch("BEGIN IMMEDIATE")?;
            let r = (|| {
                // Another process may have migrated meanwhile.
                let now: Option<i64> = conn
                    .query_row("SELECT version FROM schema_version", [], |r| r.get(0))
                    .optional()?;
                if now.unwrap_or(0) >= to {
                    return Ok(());
                }
                conn.execute_batch(step)?;
                conn.execute("DELETE FROM schema_version", [])?;
                conn.execute("INSERT INTO schema_version (version) VALUES (?1)", [to])?;
                Ok(())
            })();
            match r {
                Ok(()) => conn.execute_batch("COMMIT"),
                Err(e) => {
                    let _ = conn.execute_batch("ROLLBACK");
                    Err(e)
                }
            }
        };
        apply().map_err(unusable)?;
    }
    Ok(())
}

/// The [`AuditSink`] that records one batch into an [`AuditLog`]. A record that
/// cannot be written is reported on the log (`tracing`) and the run goes on: the
/// audit trail never stops a device half-way.
#[derive(Debug)]
pub struct RunRecorder {
    log: Arc<AuditLog>,
    run_id: String,
    context: RunContext,
}

impl RunRecorder {
    pub fn run_id(&self) -> &str {
        &self.run_id
    }

    fn note(&self, r: Result<(), AuditError>) {
        if let Err(e) = r {
            tracing::warn!("audit: {e}");
        }
    }
}

fn settings_json(s: Option<&EmailSettings>) -> Option<serde_json::Value> {
    s.and_then(|s| serde_json::to_value(s).ok())
}

/// What a write sets: the target's values (never a credential: it has none).
fn target_json(t: &OAuthTarget) -> serde_json::Value {
    serde_json::json!({
        "service": t.service,
        "sender": t.sender,
        "smtp_server": t.smtp_server,
        "smtp_port": t.smtp_port,
    })
}

impl AuditSink for RunRecorder {
    fn batch_started(&self, mode: Mode, tasks: &[DeviceTask]) {
        let devices: Vec<(String, OAuthTarget)> = tasks
            .iter()
            .map(|t| (t.id.clone(), t.target.clone()))
            .collect();
        self.note(
            self.log
                .record_run_start(&self.run_id, &self.context, mode, &devices),
        );
    }

    fn step(&self, device: &str, step: Step, before: Option<&EmailSettings>, target: &OAuthTarget) {
        let Some(action) = AuditAction::of_step(step) else {
            return;
        };
        let (b, a) = match action {
            AuditAction::Oauth2Set | AuditAction::Saved => {
                (settings_json(before), Some(target_json(target)))
            }
            _ => (None, None),
        };
        self.note(self.log.record(&NewEntry {
            run_id: &self.run_id,
            device,
            action,
            before: b,
            after: a,
            changes: None,
            failed_at: None,
            result: "ok",
            fix: None,
            error: None,
        }));
    }

    fn finished(&self, device: &str, state: &DeviceState, before: Option<&EmailSettings>) {
        let r = match state {
            DeviceState::Done {
                settings,
                changes,
                seen_receipt,
            } => self
                .log
                .record(&NewEntry {
                    run_id: &self.run_id,
                    device,
                    action: AuditAction::Done,
                    before: settings_json(before),
                    after: settings_json(Some(settings)),
                    changes: Some(changes),
                    failed_at: None,
                    result: "ok",
                    fix: None,
                    error: None,
                })
                .and_then(|()| {
                    self.log.record_sign_in(
                        &self.run_id,
                        device,
                        self.context.practice,
                        seen_receipt.as_deref(),
                    )
                }),
            DeviceState::Failed {
                failed_at,
                error,
                device: now,
                fix,
                ..
            } => {
                let code = error.code();
                let cancelled = matches!(
                    error,
                    crate::Error::Run(crate::run::RunError::RunCancelled {})
                );
                self.log.record(&NewEntry {
                    run_id: &self.run_id,
                    device,
                    action: if cancelled {
                        AuditAction::Cancelled
                    } else {
                        AuditAction::Failed
                    },
                    before: settings_json(before),
                    after: settings_json(now.as_ref().and_then(|n| n.settings.as_ref())),
                    changes: None,
                    failed_at: Some(*failed_at),
                    result: &code,
                    fix: serde_json::to_value(fix).ok(),
                    error: serde_json::to_value(error).ok(),
                })
            }
            _ => return,
        };
        self.note(r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::{AuthMethod, SecureConnection};

    fn temp_db() -> (tempdir::Dir, PathBuf) {
        let d = tempdir::Dir::new();
        let p = d.0.join("sub").join(FILE_NAME);
        (d, p)
    }

    /// A private temporary folder, removed on drop (no extra dependency).
    mod tempdir {
        pub struct Dir(pub std::path::PathBuf);
        impl Dir {
            pub fn new() -> Dir {
                let p = std::env::temp_dir()
                    .join(format!("printoauth-audit-test-{}", uuid::Uuid::new_v4()));
                std::fs::create_dir_all(&p).unwrap();
                Dir(p)
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    fn settings(auth: AuthMethod) -> EmailSettings {
        EmailSettings {
            auth_method: auth,
            email_service: None,
            current_status: None,
            signed_in: false,
            oauth_account: None,
            sender: Some("scanner@contoso.example".into()),
            smtp_server: Some("smtp.office365.com".into()),
            smtp_port: Some(587),
            secure_connection: SecureConnection::StartTls,
            certificate_validation: Some(true),
        }
    }

    fn target() -> OAuthTarget {
        OAuthTarget::exchange_online("scanner@contoso.example")
    }

    fn ctx() -> RunContext {
        RunContext {
            front_end: "cli".into(),
            practice: false,
            resumes: None,
            labels: [("a".to_string(), "Printer A".to_string())].into(),
        }
    }

    #[test]
    fn a_new_database_has_the_schema_in_wal_mode() {
        let (_d, p) = temp_db();
        let log = AuditLog::open(&p).unwrap();
        assert_eq!(log.schema_version().unwrap(), SCHEMA_VERSION);
        let c = log.conn.lock().unwrap();
        let mode: String = c
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let sync: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
        assert_eq!(sync, 2, "FULL");
        let tables: Vec<String> = c
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for t in [
            "entries",
            "run_devices",
            "runs",
            "schema_version",
            "tenant_checks",
        ] {
            assert!(tables.iter().any(|x| x == t), "{t} in {tables:?}");
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[test]
    fn a_newer_schema_is_refused_and_an_older_one_migrated() {
        let (_d, p) = temp_db();
        drop(AuditLog::open(&p).unwrap());
        {
            let c = Connection::open(&p).unwrap();
            c.execute(
                "UPDATE schema_version SET version = ?1",
                [SCHEMA_VERSION + 1],
            )
            .unwrap();
        }
        assert!(matches!(
            AuditLog::open(&p).unwrap_err(),
            AuditError::TooNew { found, .. } if found == SCHEMA_VERSION + 1
        ));
        // A database made before the schema table existed (version 0) is brought up.
        let (_d2, p2) = temp_db();
        std::fs::create_dir_all(p2.parent().unwrap()).unwrap();
        Connection::open(&p2)
            .unwrap()
            .execute_batch("CREATE TABLE unrelated (x INTEGER)")
            .unwrap();
        let log = AuditLog::open(&p2).unwrap();
        assert_eq!(log.schema_version().unwrap(), SCHEMA_VERSION);
        assert!(log.runs(10).unwrap().is_empty());
    }

    /// A database at `p` as a build writing schema `version` made it; the caller adds
    /// its rows.
    fn db_at_schema(p: &Path, version: usize) -> Connection {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        let c = Connection::open(p).unwrap();
        c.execute_batch("CREATE TABLE schema_version (version INTEGER NOT NULL)")
            .unwrap();
        for step in &MIGRATIONS[..version] {
            c.execute_batch(step).unwrap();
        }
        c
    }

    /// A database as schema 3 left it (what a build before the tenant checks wrote),
    /// with one run whose device `a` was done, is brought to schema 4 with its records
    /// kept, and takes tenant checks.
    #[test]
    fn a_schema_3_database_is_migrated_and_keeps_its_runs() {
        let (_d, p) = temp_db();
        {
            let c = db_at_schema(&p, 3);
            c.execute_batch(
                "INSERT INTO schema_version (version) VALUES (3);
                 INSERT INTO runs VALUES ('r3', '2026-11-01T10:00:00.000Z', 'cli', 'run', 0,
                     'exchange-online', 'scanner@contoso.example', NULL);
                 INSERT INTO run_devices VALUES ('r3', 'a', 'Printer A', 0, 'exchange-online',
                     'scanner@contoso.example');
                 INSERT INTO entries (run_id, device, at, action, is_write, result)
                     VALUES ('r3', 'a', '2026-11-01T10:01:00.000Z', 'done', 0, 'ok');",
            )
            .unwrap();
        }
        let log = AuditLog::open(&p).unwrap();
        assert_eq!(log.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(log.runs(10).unwrap()[0].id, "r3");
        assert_eq!(log.latest_tenant_check(false).unwrap(), None);
        let (run, device) = log.configured_device(false).unwrap().unwrap();
        assert_eq!((run.id.as_str(), device.id.as_str()), ("r3", "a"));
        log.record_tenant_check(&tenant_check(true, None), false, "cli")
            .unwrap();
        assert!(log.latest_tenant_check(false).unwrap().unwrap().passed);
        // Opening it again migrates nothing more.
        drop(log);
        assert_eq!(
            AuditLog::open(&p).unwrap().schema_version().unwrap(),
            SCHEMA_VERSION
        );
    }

    /// A database as schema 4 left it (before errors' params were kept), with a run
    /// whose device `a` failed, is brought to schema 5: the old entry keeps working
    /// (its code, no params), and new failures keep their params.
    #[test]
    fn a_schema_4_database_is_migrated_and_its_failures_keep_their_codes() {
        let (_d, p) = temp_db();
        {
            let c = db_at_schema(&p, 4);
            c.execute_batch(
                r#"INSERT INTO schema_version (version) VALUES (4);
                 INSERT INTO runs VALUES ('r4', '2026-11-01T10:00:00.000Z', 'cli', 'run', 0,
                     'exchange-online', 'scanner@contoso.example', NULL);
                 INSERT INTO run_devices VALUES ('r4', 'a', 'WF-C5890 Series (10.0.0.7)', 0,
                     'exchange-online', 'scanner@contoso.example');
                 INSERT INTO entries (run_id, device, at, action, is_write, failed_at, result,
                         fix_json)
                     VALUES ('r4', 'a', '2026-11-01T10:01:00.000Z', 'failed', 0, 'logged-in',
                         'device-unreachable',
                         '{"code":"check-device-connection","params":{"address":"10.0.0.7"}}');"#,
            )
            .unwrap();
        }
        let log = Arc::new(AuditLog::open(&p).unwrap());
        assert_eq!(log.schema_version().unwrap(), 5);
        let e = log.entries("r4").unwrap();
        assert_eq!(e[0].result, "device-unreachable");
        assert!(log.errors("r4").unwrap().is_empty());
        assert_eq!(
            log.fixes("r4").unwrap()["a"]["code"],
            "check-device-connection"
        );
        let r = crate::report::Report::from_audit(&log, Some("r4"), "", None).unwrap();
        assert_eq!(r.devices[0].error.as_deref(), Some("device-unreachable"));
        assert_eq!(r.devices[0].error_params, None);

        // A new run's failure keeps the error's params.
        let rec = log.recorder(ctx());
        log.record_run_start(
            rec.run_id(),
            &rec.context,
            Mode::Run,
            &[("a".into(), target())],
        )
        .unwrap();
        rec.finished("a", &failed(unreachable("Secret-Detail")), None);
        let errors = log.errors(rec.run_id()).unwrap();
        assert_eq!(
            errors["a"],
            serde_json::json!({"code": "device-unreachable", "params": {"address": "10.0.0.7:443"}})
        );
        drop(log);
        assert_eq!(
            AuditLog::open(&p).unwrap().schema_version().unwrap(),
            SCHEMA_VERSION
        );
    }

    fn failed(e: crate::Error) -> DeviceState {
        DeviceState::Failed {
            failed_at: Step::LoggedIn,
            fix: crate::diagnosis::fix_for_error(&e),
            error: e,
            device: None,
            manual: None,
        }
    }

    fn unreachable(detail: &str) -> crate::Error {
        crate::devices::DeviceError::DeviceUnreachable {
            address: "10.0.0.7:443".into(),
            detail: detail.into(),
        }
        .into()
    }

    /// The filter keeps the named params with plain values, and nothing else: no
    /// secret, no free text, nothing personal, whatever its name or size.
    #[test]
    fn an_error_record_keeps_the_allowed_params_only() {
        use serde_json::json;
        let kept = error_record(&json!({
            "code": "device-http-status",
            "params": {
                "path": "/PRESENTATION/ADVANCED/PASSWORD/TOP",
                "status": 500,
                "attempts": 4,
                "offered": ["SMTP AUTH", "POP before SMTP"],
                "family": "business",
                "model": null,
                "user_code": "ABCD-EFGH",
                "device_code": "DC-Secret-1",
                "detail": "connection refused (os error 111) Secret-Detail",
                "description": "AADSTS70016 Secret-Description",
                "reply": {"code": 535, "text": "5.7.3 Secret-Reply"},
                "text": "Secret-Text",
                "device_message": "Secret-Device-Message",
                "value": "Secret-Value",
                "account": "someone@contoso.example",
                "mailbox": "mailbox@contoso.example",
                "from": "from@contoso.example",
                "error": "invalid_grant",
                "location": "/home/alice/.config/printoauth/pins.json",
                "password": "Secret-Password",
                "access_token": "eyJSecret",
                "redacted_html": "<html>Secret-Html</html>",
            }
        }))
        .unwrap();
        assert_eq!(
            kept,
            json!({"code": "device-http-status", "params": {
                "path": "/PRESENTATION/ADVANCED/PASSWORD/TOP",
                "status": 500,
                "attempts": 4,
                "offered": ["SMTP AUTH", "POP before SMTP"],
                "family": "business",
            }})
        );
        // Values: too long, control characters, nested, the wrong kind, a query, a
        // user in a URL, a mail address where a device's address belongs.
        let kept = error_record(&json!({
            "code": "device-page-not-understood",
            "params": {
                "page": "x".repeat(121),
                "missing": "button 'OK'\nSecret-Line",
                "field": {"nested": "Secret-Nested"},
                "status": "500",
                "scope": ["email-server", ["nested"]],
                "path": "/PRESENTATION/TOP?token=Secret-Query",
                "address": "admin@10.0.0.7",
                "vendor": "Epson",
            }
        }))
        .unwrap();
        assert_eq!(
            kept,
            json!({"code": "device-page-not-understood", "params": {"vendor": "Epson"}})
        );
        let ok = |code: &str, k: &str, v: serde_json::Value| {
            !error_record(&json!({"code": code, "params": {k: v}})).unwrap()["params"]
                .as_object()
                .unwrap()
                .is_empty()
        };
        assert!(ok("device-unreachable", "address", json!("10.0.0.7:443")));
        assert!(ok("device-unreachable", "address", json!("fe80::1")));
        assert!(!ok(
            "run-sender-invalid",
            "address",
            json!("scanner@contoso.example")
        ));
        assert!(!ok("mail-address-invalid", "address", json!("10.0.0.7")));
        assert!(ok("mail-timed-out", "host", json!("smtp.office365.com")));
        assert!(ok("mail-timed-out", "port", json!(587)));
        assert!(ok(
            "identity-authority-unreachable",
            "url",
            json!("https://login.microsoftonline.com/organizations")
        ));
        assert!(!ok(
            "identity-authority-invalid",
            "url",
            json!("https://user:Secret-Pw@login.example/")
        ));
        assert!(!ok("identity-authority-invalid", "url", json!("not a url")));
        assert!(ok(
            "device-page-not-understood",
            "missing",
            json!("x".repeat(120))
        ));
        assert!(!ok("discovery-probe-invalid-host", "host", json!("typed")));
        // No kept name speaks of a secret.
        for k in ERROR_PARAMS_KEPT {
            assert!(!names_a_secret(k), "{k}");
        }
        assert_eq!(error_record(&json!({"params": {}})), None);
    }

    /// What is kept says the message whole for the errors whose words need only
    /// addresses, pages and numbers; those that need a secret, free text or something
    /// personal (a device's quoted words, a value typed, an account) stay incomplete
    /// (the report then says their code).
    #[test]
    fn the_kept_params_complete_the_messages_that_need_no_secret() {
        use crate::devices::{DeviceError as D, FirmwareFamily};
        use crate::identity::IdentityError as I;
        use crate::mail::MailError as M;
        use crate::run::RunError as R;
        let cat = crate::i18n::Catalogue::new("en");
        let said = |e: crate::Error| {
            let rec = error_record(&serde_json::to_value(&e).unwrap()).unwrap();
            (cat.coded("error", &rec), rec)
        };
        let s = |v: &str| v.to_string();
        let whole: Vec<crate::Error> = vec![
            D::DeviceUnreachable {
                address: s("10.0.0.7:443"),
                detail: s("refused"),
            }
            .into(),
            D::DeviceUnsupported {
                vendor: s("Brother"),
                address: s("10.0.0.7"),
            }
            .into(),
            D::DeviceNotRecognised {
                address: s("10.0.0.7"),
                detail: s("HTTP 404"),
            }
            .into(),
            D::DeviceHttpsUnavailable {
                address: s("10.0.0.7"),
                detail: s("x"),
            }
            .into(),
            D::DeviceTlsTooOld {
                address: s("10.0.0.7"),
                detail: s("x"),
            }
            .into(),
            D::DeviceCertificateChanged {
                address: s("10.0.0.7"),
                pinned_sha256: "ab".repeat(32),
                found_sha256: "cd".repeat(32),
            }
            .into(),
            D::DeviceHttpStatus {
                path: s("/PRESENTATION/TOP"),
                status: 500,
                attempts: 4,
            }
            .into(),
            D::DeviceRestartTimeout {
                address: s("10.0.0.7"),
                waited_secs: 180,
            }
            .into(),
            D::DevicePageNotUnderstood {
                page: s("email-server-basic"),
                missing: s("button 'Sign In'"),
                redacted_html: s("<html/>"),
            }
            .into(),
            D::DeviceLoginRejected {
                family: FirmwareFamily::Consumer,
            }
            .into(),
            D::DeviceSessionLost { attempts: 3 }.into(),
            D::DeviceOauth2Unavailable {
                scope: s("email-server"),
                model: None,
                firmware: None,
                offered: vec![s("SMTP AUTH")],
            }
            .into(),
            D::DeviceSaveNotConfirmed {
                page: s("email-server-basic"),
                redacted_html: s(""),
            }
            .into(),
            D::DeviceJobHistoryUnreadable {
                missing: s("column 'Result'"),
                redacted_text: s(""),
            }
            .into(),
            R::RunSignInTimedOut { waited_secs: 900 }.into(),
            M::MailConnectionFailed {
                host: s("smtp.office365.com"),
                port: 587,
                detail: s(""),
            }
            .into(),
            M::MailTlsFailed {
                host: s("smtp.office365.com"),
                port: 587,
                tls_name: s("smtp.office365.com"),
                detail: s(""),
            }
            .into(),
            I::IdentityTimedOut { after_secs: 900 }.into(),
            I::IdentityAuthorityUnreachable {
                url: s("https://login.microsoftonline.com/organizations"),
                detail: s(""),
            }
            .into(),
        ];
        for e in whole {
            let (words, rec) = said(e);
            assert!(words.is_some(), "{rec}");
        }
        let reply = crate::mail::SmtpReply {
            code: 550,
            enhanced: None,
            text: s("no"),
        };
        let incomplete: Vec<crate::Error> = vec![
            D::DevicePinStore {
                location: s("/home/alice/pins.json"),
                detail: s(""),
            }
            .into(),
            D::DeviceRefused {
                page: s("p"),
                device_message: s("Invalid"),
            }
            .into(),
            D::DeviceInvalidValue {
                field: s("sender"),
                value: s("x"),
            }
            .into(),
            R::RunSignInFailed {
                detail: s("declined"),
            }
            .into(),
            M::MailSendAsDenied {
                account: s("a@b.example"),
                from: s("c@d.example"),
                reply,
            }
            .into(),
            I::IdentityRejected {
                aadsts: None,
                error: s("invalid_grant"),
                description: s(""),
            }
            .into(),
        ];
        for e in incomplete {
            let (words, rec) = said(e);
            assert_eq!(words, None, "{rec}");
        }
    }

    /// A failed device's error reaches the database with its allowed params only: no
    /// secret or free-text value is anywhere in the database's files, whatever the
    /// caller hands in.
    #[test]
    fn failed_devices_errors_are_stored_without_secrets() {
        let (d, p) = temp_db();
        let log = Arc::new(AuditLog::open(&p).unwrap());
        let rec = log.recorder(ctx());
        let ids = ["a", "b", "c", "d", "e"];
        log.record_run_start(
            rec.run_id(),
            &rec.context,
            Mode::Run,
            &ids.iter()
                .map(|i| (i.to_string(), target()))
                .collect::<Vec<_>>(),
        )
        .unwrap();
        rec.finished("a", &failed(unreachable("refused Secret-Detail-1")), None);
        rec.finished(
            "b",
            &failed(
                crate::devices::DeviceError::DeviceInvalidValue {
                    field: "sender".into(),
                    value: "Secret-Value-2".into(),
                }
                .into(),
            ),
            None,
        );
        rec.finished(
            "c",
            &failed(
                crate::mail::MailError::MailSendAsDenied {
                    account: "secret-account-3@contoso.example".into(),
                    from: "secret-from-3@contoso.example".into(),
                    reply: crate::mail::SmtpReply {
                        code: 550,
                        enhanced: Some("5.7.60".into()),
                        text: "Secret-Reply-3".into(),
                    },
                }
                .into(),
            ),
            None,
        );
        rec.finished(
            "d",
            &failed(
                crate::run::RunError::RunSignInFailed {
                    detail: "Secret-Detail-4".into(),
                }
                .into(),
            ),
            None,
        );
        // A caller handing in secret-looking params by name: the record drops them.
        log.record(&NewEntry {
            run_id: rec.run_id(),
            device: "e",
            action: AuditAction::Failed,
            before: None,
            after: None,
            changes: None,
            failed_at: Some(Step::WaitingForConsent),
            result: "run-sign-in-timed-out",
            fix: None,
            error: Some(serde_json::json!({
                "code": "run-sign-in-timed-out",
                "params": {
                    "waited_secs": 900,
                    "user_code": "SECRETUC5",
                    "detail": "Secret-Detail-5",
                    "reply": "Secret-Reply-5",
                    "account": "secret-account-5@contoso.example",
                    "refresh_token": "Secret-Refresh-5",
                    "password": "Secret-Password-5",
                }
            })),
        })
        .unwrap();
        let errors = log.errors(rec.run_id()).unwrap();
        use serde_json::json;
        assert_eq!(errors["a"]["params"], json!({"address": "10.0.0.7:443"}));
        assert_eq!(errors["b"]["params"], json!({"field": "sender"}));
        assert_eq!(
            errors["c"],
            json!({"code": "mail-send-as-denied", "params": {}})
        );
        assert_eq!(errors["d"]["params"], json!({}));
        assert_eq!(errors["e"]["params"], json!({"waited_secs": 900}));
        drop(rec);
        drop(log);
        let mut bytes = Vec::new();
        for f in std::fs::read_dir(p.parent().unwrap()).unwrap() {
            bytes.extend(std::fs::read(f.unwrap().path()).unwrap());
        }
        assert!(contains(&bytes, "10.0.0.7:443"), "the record is there");
        for s in [
            "Secret-Detail-1",
            "Secret-Value-2",
            "secret-account-3",
            "secret-from-3",
            "Secret-Reply-3",
            "Secret-Detail-4",
            "SECRETUC5",
            "user_code",
            "Secret-Detail-5",
            "Secret-Reply-5",
            "secret-account-5",
            "Secret-Refresh-5",
            "Secret-Password-5",
        ] {
            assert!(!contains(&bytes, s), "{s} in the database");
        }
        drop(d);
    }

    fn contains(hay: &[u8], needle: &str) -> bool {
        hay.windows(needle.len()).any(|w| w == needle.as_bytes())
    }

    fn tenant_check(passed: bool, device: Option<&str>) -> crate::report::ReportTenantCheck {
        use crate::tenant_check::{CheckId, CheckStatus};
        crate::report::ReportTenantCheck {
            passed,
            checks: vec![
                crate::report::ReportCheck {
                    id: CheckId::SignIn,
                    status: CheckStatus::Passed,
                    fix: None,
                },
                crate::report::ReportCheck {
                    id: CheckId::SmtpAuthMailbox,
                    status: if passed {
                        CheckStatus::Passed
                    } else {
                        CheckStatus::Failed
                    },
                    fix: (!passed).then(|| {
                        serde_json::to_value(crate::diagnosis::Fix::enable_smtp_auth_mailbox(
                            "scanner@contoso.example",
                        ))
                        .unwrap()
                    }),
                },
            ],
            checked_at: None,
            through_device: device.map(str::to_string),
        }
    }

    /// Each tenant check is kept with when, where and through which device; the
    /// newest of a world is the latest; nothing but ids, statuses and fixes is stored.
    #[test]
    fn tenant_checks_are_recorded_per_world_without_secrets() {
        let (_d, p) = temp_db();
        let log = AuditLog::open(&p).unwrap();
        assert_eq!(log.latest_tenant_check(false).unwrap(), None);
        log.record_tenant_check(&tenant_check(true, None), false, "cli")
            .unwrap();
        let mut through = tenant_check(false, Some("WF-C5890 Series (10.0.0.5)"));
        through.checked_at = Some("2026-12-02T10:00:00Z".into());
        log.record_tenant_check(&through, false, "app").unwrap();
        log.record_tenant_check(&tenant_check(true, None), true, "cli")
            .unwrap();
        drop(log);

        let log = AuditLog::open(&p).unwrap();
        let last = log.latest_tenant_check(false).unwrap().unwrap();
        assert_eq!(last.at, "2026-12-02T10:00:00Z");
        assert_eq!(last.front_end, "app");
        assert!(!last.practice && !last.passed);
        assert_eq!(
            last.through_device.as_deref(),
            Some("WF-C5890 Series (10.0.0.5)")
        );
        assert_eq!(last.checks, through.checks);
        let practice = log.latest_tenant_check(true).unwrap().unwrap();
        assert!(practice.practice && practice.passed && practice.through_device.is_none());
        // Recorded now when the check gave no time.
        assert!(practice.at.starts_with("20") && practice.at.ends_with('Z'));
        assert!(practice.seq > last.seq);

        // The stored checks: ids, statuses, fixes (`{code, params}`) and nothing else.
        let c = log.conn.lock().unwrap();
        let json: String = c
            .query_row(
                "SELECT checks_json FROM tenant_checks WHERE passed = 0",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        for check in v.as_array().unwrap() {
            let mut keys: Vec<&str> = check
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            keys.sort();
            assert_eq!(keys, ["fix", "id", "status"], "{check}");
        }
        assert_eq!(v[1]["fix"]["code"], "enable-smtp-auth-mailbox");
    }

    /// The device to check the tenant through: the first done device of the newest
    /// run that set one up, in its world.
    #[test]
    fn the_configured_device_is_the_first_done_of_the_newest_run_that_set_one_up() {
        let (_d, p) = temp_db();
        let log = Arc::new(AuditLog::open(&p).unwrap());
        assert_eq!(log.configured_device(false).unwrap(), None);
        // `half_run`: `a` done, `b` not.
        let first = half_run(&log);
        let (run, d) = log.configured_device(false).unwrap().unwrap();
        assert_eq!(
            (run.id.as_str(), d.id.as_str(), d.label.as_str()),
            (first.as_str(), "a", "Printer A")
        );
        assert_eq!(
            log.configured_device(true).unwrap(),
            None,
            "practice is apart"
        );

        // A newer run that set nothing up leaves the earlier one's device.
        let rec = log.recorder(ctx());
        log.record_run_start(
            rec.run_id(),
            &rec.context,
            Mode::Run,
            &[("c".into(), target())],
        )
        .unwrap();
        rec.step("c", Step::LoggedIn, None, &target());
        assert_eq!(log.configured_device(false).unwrap().unwrap().1.id, "a");

        // A newer run where the second device was done: that one.
        let rec = log.recorder(ctx());
        log.record_run_start(
            rec.run_id(),
            &rec.context,
            Mode::Run,
            &[("x".into(), target()), ("y".into(), target())],
        )
        .unwrap();
        rec.finished(
            "x",
            &DeviceState::Failed {
                failed_at: Step::LoggedIn,
                fix: crate::diagnosis::Fix::RetryOrReport {},
                error: crate::run::RunError::RunCancelled {}.into(),
                device: None,
                manual: None,
            },
            None,
        );
        let after = settings(AuthMethod::OAuth2);
        rec.finished(
            "y",
            &DeviceState::Done {
                changes: vec![],
                settings: after,
                seen_receipt: None,
            },
            None,
        );
        let (run, d) = log.configured_device(false).unwrap().unwrap();
        assert_eq!((run.id.as_str(), d.id.as_str()), (rec.run_id(), "y"));
    }

    /// A run of two devices: `a` gets through to done, `b` stops after OAuth2 was set.
    fn half_run(log: &Arc<AuditLog>) -> String {
        let rec = log.recorder(ctx());
        let tasks_targets = [("a".to_string(), target()), ("b".to_string(), target())];
        log.record_run_start(rec.run_id(), &rec.context, Mode::Run, &tasks_targets)
            .unwrap();
        let before = settings(AuthMethod::SmtpAuth);
        for s in [Step::Found, Step::LoggedIn, Step::Oauth2Set] {
            rec.step("a", s, Some(&before), &target());
            rec.step("b", s, Some(&before), &target());
        }
        for s in [
            Step::WaitingForConsent,
            Step::SignedIn,
            Step::Saved,
            Step::Verified,
        ] {
            rec.step("a", s, Some(&before), &target());
        }
        let mut after = settings(AuthMethod::OAuth2);
        after.signed_in = true;
        rec.finished(
            "a",
            &DeviceState::Done {
                changes: crate::run::changes(Some(&before), &after),
                settings: after,
                seen_receipt: Some("0042".into()),
            },
            Some(&before),
        );
        rec.run_id().to_string()
    }

    #[test]
    fn a_sign_in_keeps_the_receipt_seen_then() {
        let (_d, p) = temp_db();
        let log = Arc::new(AuditLog::open(&p).unwrap());
        assert_eq!(log.seen_receipt("a", false).unwrap(), None);
        half_run(&log);
        drop(log);
        let log = AuditLog::open(&p).unwrap();
        assert_eq!(
            log.seen_receipt("a", false).unwrap().as_deref(),
            Some("0042")
        );
        // Only the device signed in, and only in its world.
        assert_eq!(log.seen_receipt("b", false).unwrap(), None);
        assert_eq!(log.seen_receipt("a", true).unwrap(), None);
    }

    #[test]
    fn records_and_the_unfinished_devices_survive_reopening() {
        let (_d, p) = temp_db();
        let log = Arc::new(AuditLog::open(&p).unwrap());
        let run_id = half_run(&log);
        drop(log);

        let log = Arc::new(AuditLog::open(&p).unwrap());
        let runs = log.runs(10).unwrap();
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].id, run_id);
        assert_eq!(runs[0].sender, "scanner@contoso.example");
        assert_eq!(runs[0].devices[0].label, "Printer A");
        assert_eq!(runs[0].devices[1].label, "b");

        let entries = log.entries(&run_id).unwrap();
        let of = |d: &str| -> Vec<AuditAction> {
            entries
                .iter()
                .filter(|e| e.device == d)
                .map(|e| e.action)
                .collect()
        };
        use AuditAction::*;
        assert_eq!(
            of("a"),
            [
                LoggedIn,
                Oauth2Set,
                SignInStarted,
                SignedIn,
                Saved,
                Verified,
                Done
            ]
        );
        assert_eq!(of("b"), [LoggedIn, Oauth2Set]);
        let set = entries
            .iter()
            .find(|e| e.device == "b" && e.action == Oauth2Set)
            .unwrap();
        assert!(set.is_write);
        assert_eq!(
            set.before.as_ref().unwrap()["auth_method"]["kind"],
            "smtp-auth"
        );
        assert_eq!(
            set.after.as_ref().unwrap()["sender"],
            "scanner@contoso.example"
        );
        let done = entries.iter().find(|e| e.action == Done).unwrap();
        assert_eq!(
            done.after.as_ref().unwrap()["auth_method"]["kind"],
            "o-auth2"
        );
        assert!(done
            .changes
            .as_ref()
            .unwrap()
            .iter()
            .any(|c| c.field == "authentication-method" && c.after == "OAuth2"));
        assert!(entries.windows(2).all(|w| w[0].seq < w[1].seq));

        let u = log.unfinished(false).unwrap().expect("b is unfinished");
        assert_eq!(u.run.id, run_id);
        let ids: Vec<&str> = u.devices.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["b"]);
        assert_eq!(u.devices[0].last, Some(Oauth2Set));
        assert!(u.devices[0].began_writing);
        // Practice runs are apart.
        assert_eq!(log.unfinished(true).unwrap(), None);
    }

    #[test]
    fn a_later_complete_run_leaves_nothing_unfinished_and_failures_and_cancels_count_right() {
        let (_d, p) = temp_db();
        let log = Arc::new(AuditLog::open(&p).unwrap());
        let first = half_run(&log);
        assert!(log.unfinished(false).unwrap().is_some());

        // Resume b: it fails (that is an end); c was cancelled (not an end).
        let rec = log.recorder(RunContext {
            resumes: Some(first.clone()),
            ..ctx()
        });
        log.record_run_start(
            rec.run_id(),
            &rec.context,
            Mode::CheckAgain,
            &[("b".to_string(), target()), ("c".to_string(), target())],
        )
        .unwrap();
        rec.step("b", Step::LoggedIn, None, &target());
        let failed = |e: crate::Error| DeviceState::Failed {
            failed_at: Step::Oauth2Set,
            fix: crate::diagnosis::fix_for_error(&e),
            error: e,
            device: None,
            manual: None,
        };
        rec.finished(
            "b",
            &failed(
                crate::devices::DeviceError::DeviceAdditionalNetwork {
                    device_message: None,
                }
                .into(),
            ),
            None,
        );
        rec.finished(
            "c",
            &failed(crate::run::RunError::RunCancelled {}.into()),
            None,
        );
        let u = log.unfinished(false).unwrap().unwrap();
        assert_eq!(u.run.id, rec.run_id());
        assert_eq!(u.run.resumes.as_deref(), Some(first.as_str()));
        assert_eq!(u.run.mode, "check-again");
        assert_eq!(
            u.devices.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            ["c"]
        );
        assert_eq!(u.devices[0].last, Some(AuditAction::Cancelled));
        let e = log.entries(rec.run_id()).unwrap();
        let b_end = e
            .iter()
            .find(|e| e.device == "b" && e.action == AuditAction::Failed)
            .unwrap();
        assert_eq!(b_end.result, "device-additional-network");
        assert_eq!(b_end.failed_at, Some(Step::Oauth2Set));
        // Its fix is recorded, for the customer's report.
        let fixes = log.fixes(rec.run_id()).unwrap();
        assert_eq!(fixes["b"]["code"], "use-standard-network", "{fixes:?}");

        // A run that finishes all its devices leaves nothing to resume.
        let rec = log.recorder(ctx());
        log.record_run_start(
            rec.run_id(),
            &rec.context,
            Mode::Run,
            &[("c".into(), target())],
        )
        .unwrap();
        rec.finished(
            "c",
            &failed(crate::run::RunError::RunSignInTimedOut { waited_secs: 1 }.into()),
            None,
        );
        assert_eq!(log.unfinished(false).unwrap(), None);
        assert_eq!(log.runs(2).unwrap()[0].id, rec.run_id());
        assert_eq!(log.runs(10).unwrap().len(), 3);
    }
}
