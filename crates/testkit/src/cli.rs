//! The `printoauth` command line run as a person runs it, against an emulated world.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use printoauth_sim::world::World;
use serde_json::Value;

use crate::practice::{ADMIN, ADMIN_PW};

/// Runs the CLI `exe` (`env!("CARGO_BIN_EXE_printoauth")`) with `args`, without
/// PRINTOAUTH_ADMIN_PASSWORD and PRINTOAUTH_LANG from the environment and with its
/// standard error discarded. Every sign-in code a JSON line of its output shows
/// (`event.state.code.user_code`, or `event.user_code`) is approved in `w` as
/// [`ADMIN`] with consent for the organisation, as the administrator does in a
/// browser. Returns the exit code and the standard output.
pub async fn run_cli<S: AsRef<OsStr>>(exe: &str, w: &World, args: &[S]) -> (i32, String) {
    let (code, out, _) = run_cli_with(exe, w, args, &[], false).await;
    (code, out)
}

/// A fresh audit trail file for one CLI run, removed (with its WAL and shared-memory
/// files) on drop: runs that do not choose where the CLI keeps its files (`HOME`,
/// `XDG_CONFIG_HOME`, `PRINTOAUTH_AUDIT`) neither write the user's own trail nor see
/// each other's runs.
struct TempAudit(std::path::PathBuf);

impl TempAudit {
    fn new() -> TempAudit {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        TempAudit(std::env::temp_dir().join(format!(
            "printoauth-audit-{}-{n}.sqlite3",
            std::process::id()
        )))
    }
}

impl Drop for TempAudit {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let mut p = self.0.as_os_str().to_owned();
            p.push(suffix);
            let _ = std::fs::remove_file(std::path::PathBuf::from(p));
        }
    }
}

/// [`run_cli`] with `env` added to its environment, and its standard error returned
/// too when `keep_stderr` (else discarded, "").
pub async fn run_cli_with<S: AsRef<OsStr>>(
    exe: &str,
    w: &World,
    args: &[S],
    env: &[(&str, &OsStr)],
    keep_stderr: bool,
) -> (i32, String, String) {
    let chooses = env
        .iter()
        .any(|(k, _)| ["HOME", "XDG_CONFIG_HOME", "PRINTOAUTH_AUDIT"].contains(k));
    let audit = (!chooses).then(TempAudit::new);
    let mut cmd = Command::new(exe);
    if let Some(a) = &audit {
        cmd.env("PRINTOAUTH_AUDIT", &a.0);
    }
    cmd.args(args)
        .env_remove("PRINTOAUTH_ADMIN_PASSWORD")
        .env_remove("PRINTOAUTH_LANG")
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(if keep_stderr {
            Stdio::piped()
        } else {
            Stdio::null()
        });
    let mut child = cmd.spawn().unwrap();
    let stderr = child.stderr.take();
    let err = tokio::task::spawn_blocking(move || {
        let mut s = String::new();
        if let Some(mut e) = stderr {
            let _ = std::io::Read::read_to_string(&mut e, &mut s);
        }
        s
    });
    let stdout = child.stdout.take().unwrap();
    let identity = w.identity().clone();
    let out = tokio::task::spawn_blocking(move || {
        let mut all = String::new();
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            if let Ok(v) = serde_json::from_str::<Value>(&line) {
                let code = v["event"]["state"]["code"]["user_code"]
                    .as_str()
                    .or(v["event"]["user_code"].as_str());
                if let Some(code) = code {
                    identity.approve(code, ADMIN, ADMIN_PW, true).unwrap();
                }
            }
            all.push_str(&line);
            all.push('\n');
        }
        all
    })
    .await
    .unwrap();
    let status = tokio::task::spawn_blocking(move || child.wait().unwrap())
        .await
        .unwrap();
    drop(audit);
    (status.code().unwrap(), out, err.await.unwrap())
}

/// Every line of `out` as JSON (what `--json` prints).
pub fn json_lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}
