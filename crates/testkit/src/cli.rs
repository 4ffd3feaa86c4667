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
    let mut child = Command::new(exe)
        .args(args)
        .env_remove("PRINTOAUTH_ADMIN_PASSWORD")
        .env_remove("PRINTOAUTH_LANG")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
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
    (status.code().unwrap(), out)
}

/// Every line of `out` as JSON (what `--json` prints).
pub fn json_lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}
