//! The audit trail through the command line: a `configure` killed with SIGKILL in the
//! middle of its run leaves a database that opens, passes SQLite's integrity check and
//! holds every step the CLI had reported; the next `audit` and `configure` name the
//! devices it did not finish, and `configure --resume` finishes exactly those. No
//! password, token or sign-in code is ever in the database's files.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use printoauth_sim::config::WorldConfig;
use printoauth_testkit::cli::{self, json_lines};
use printoauth_testkit::practice::{device, WorldFile, ADMIN, ADMIN_PW};
use rusqlite::{Connection, OpenFlags};
use serde_json::Value;

const CLI: &str = env!("CARGO_BIN_EXE_printoauth");

/// A HOME of the test's own (the trail goes to its `.config/printoauth`), removed on
/// drop.
struct Home(PathBuf);

impl Home {
    fn new(tag: &str) -> Home {
        let p =
            std::env::temp_dir().join(format!("printoauth-cli-audit-{}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Home(p)
    }
    fn env(&self) -> Vec<(&'static str, &OsStr)> {
        vec![
            ("HOME", self.0.as_os_str()),
            ("XDG_CONFIG_HOME", OsStr::new("")),
            ("XDG_DATA_HOME", OsStr::new("")),
        ]
    }
    fn db(&self) -> PathBuf {
        self.0.join(".config/printoauth/audit.sqlite3")
    }
}

impl Drop for Home {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Every byte of the database and its WAL and shared-memory files.
fn db_bytes(db: &Path) -> Vec<u8> {
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        if let Ok(b) = std::fs::read(PathBuf::from(p)) {
            all.extend(b);
        }
    }
    all
}

fn contains(hay: &[u8], needle: &str) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// The entries `(device, action)` in the database, read with SQLite directly
/// (read-only), after its integrity check.
fn entries_read_only(db: &Path) -> Vec<(String, String, bool)> {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let check: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let mut st = c
        .prepare("SELECT device, action, is_write FROM entries ORDER BY id")
        .unwrap();
    let rows = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

/// The audit action a run step's event stands for.
fn action_of(step: &str) -> Option<&'static str> {
    Some(match step {
        "logged-in" => "logged-in",
        "oauth2-set" => "oauth2-set",
        "waiting-for-consent" => "sign-in-started",
        "signed-in" => "signed-in",
        "saved" => "saved",
        "verified" => "verified",
        _ => return None,
    })
}

/// Runs the CLI on the world with `home` as HOME: approving every sign-in code it
/// prints when `approve`. Returns the exit code, standard output and standard error.
async fn run_cli(
    w: &printoauth_sim::world::World,
    home: &Home,
    world_arg: &str,
    args: &[&str],
    approve: bool,
) -> (i32, String, String) {
    let mut all = vec!["--world", world_arg];
    all.extend_from_slice(args);
    let env = home.env();
    if approve {
        return cli::run_cli_with(CLI, w, &all, &env, true).await;
    }
    let out = Command::new(CLI)
        .args(&all)
        .env_remove("PRINTOAUTH_ADMIN_PASSWORD")
        .env_remove("PRINTOAUTH_LANG")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_killed_run_leaves_its_trail_and_the_next_run_resumes_it() {
    let models = ["WF-C5890 Series", "ET-4850 Series", "AM-C4000 Series"];
    let (w, file) = WorldFile::start(
        WorldConfig {
            devices: models.iter().map(|m| device(m)).collect(),
            ..Default::default()
        },
        "audit",
    )
    .await;
    let home = Home::new("kill");
    let world_arg = file.arg();

    // 1. configure, never approving the sign-ins; killed once every device waits
    //    for its sign-in (OAuth2 set and the device's sign-in started: written).
    let mut child = Command::new(CLI)
        .args([
            "--json",
            "--world",
            &world_arg,
            "configure",
            "--sender",
            ADMIN,
        ])
        .args(["0", "1", "2"])
        .env_remove("PRINTOAUTH_ADMIN_PASSWORD")
        .env_remove("PRINTOAUTH_LANG")
        .envs(home.env())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<Value>();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Ok(v) = serde_json::from_str::<Value>(&line) {
                if tx.send(v).is_err() {
                    break;
                }
            }
        }
    });
    let mut reported: Vec<(String, &'static str)> = Vec::new();
    let mut codes: Vec<String> = Vec::new();
    let mut waiting: HashSet<String> = HashSet::new();
    while waiting.len() < models.len() {
        let v = rx
            .recv_timeout(Duration::from_secs(120))
            .expect("every device comes to wait for its sign-in");
        let ev = &v["event"];
        let device = ev["device"].as_str().unwrap_or_default().to_string();
        match ev["state"]["state"].as_str() {
            Some("working") => {
                if let Some(a) = action_of(ev["state"]["step"].as_str().unwrap()) {
                    reported.push((device, a));
                }
            }
            Some("needs-you") => {
                codes.push(ev["state"]["code"]["user_code"].as_str().unwrap().into());
                waiting.insert(device);
            }
            Some(other) => panic!("unexpected {other}: {v}"),
            None => {}
        }
    }
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&status),
        Some(9),
        "killed by SIGKILL"
    );
    // The events that arrived after the last one read were reported too.
    while let Ok(v) = rx.try_recv() {
        let ev = &v["event"];
        if let Some(a) = ev["state"]["step"].as_str().and_then(action_of) {
            reported.push((ev["device"].as_str().unwrap().to_string(), a));
        }
    }

    // 2. The trail as the kill left it: opens, intact, every reported step in it.
    let db = home.db();
    assert!(db.exists(), "the trail is beside the certificate pins");
    let entries = entries_read_only(&db);
    for (device, action) in &reported {
        assert!(
            entries.iter().any(|(d, a, _)| d == device && a == action),
            "{device} {action} reported but not recorded: {entries:?}"
        );
    }
    for i in ["0", "1", "2"] {
        for write in ["oauth2-set", "sign-in-started"] {
            assert!(
                entries
                    .iter()
                    .any(|(d, a, is_write)| d == i && a == write && *is_write),
                "{i}: {write} recorded as a write: {entries:?}"
            );
        }
        assert!(
            !entries
                .iter()
                .any(|(d, a, _)| d == i && (a == "done" || a == "failed")),
            "{i} never ended"
        );
    }

    // 3. `audit` names the unfinished devices and how to resume them.
    let run = |args: &'static [&'static str], approve: bool| {
        run_cli(&w, &home, &world_arg, args, approve)
    };
    let (code, out, _) = run(&["--json", "audit"], false).await;
    assert_eq!(code, 0, "{out}");
    let result = json_lines(&out)
        .into_iter()
        .find_map(|l| l.get("result").cloned())
        .unwrap();
    let unfinished: Vec<&str> = result["unfinished"]["devices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(unfinished, ["0", "1", "2"], "{result}");
    let first_run = result["unfinished"]["run"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        result["unfinished"]["devices"][0]["last"], "sign-in-started",
        "{result}"
    );

    let (code, out, _) = run(&["--lang", "en", "audit"], false).await;
    assert_eq!(code, 0);
    assert!(
        out.contains("Devices the last run") && out.contains("configure --resume"),
        "{out}"
    );
    assert!(
        out.contains("OAuth2 set") && out.contains("sign-in started"),
        "{out}"
    );

    // `configure` says so before it starts (here it goes no further: no such device).
    let (code, _, err) = run(
        &[
            "--lang",
            "en",
            "configure",
            "--sender",
            ADMIN,
            "no-such-device",
        ],
        false,
    )
    .await;
    assert_eq!(code, 3);
    assert!(
        err.contains("Devices the last run") && err.contains("configure --resume"),
        "{err}"
    );
    for d in ["  0: ", "  1: ", "  2: "] {
        assert!(err.contains(d), "{d:?} in {err}");
    }

    // 4. `configure --resume` finishes exactly those devices, the sign-ins approved.
    let (code, out, err) = run(&["--json", "configure", "--resume"], true).await;
    assert_eq!(code, 0, "{out}\n{err}");
    let lines = json_lines(&out);
    let outcomes = lines
        .iter()
        .find_map(|l| l.get("result"))
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    let done: Vec<&str> = outcomes
        .iter()
        .map(|o| {
            assert_eq!(o["state"]["state"], "done", "{o}");
            o["device"].as_str().unwrap()
        })
        .collect();
    assert_eq!(done, ["0", "1", "2"]);
    for i in 0..3 {
        assert_eq!(
            w.device(i).unwrap().report().committed_account.as_deref(),
            Some(ADMIN),
            "device {i}"
        );
    }
    // New sign-in codes were shown (and approved) this time.
    for l in &lines {
        if let Some(c) = l["event"]["state"]["code"]["user_code"].as_str() {
            codes.push(c.to_string());
        }
    }

    // Nothing is left to resume; the resuming run names the run it resumed.
    let (code, out, _) = run(&["--json", "audit"], false).await;
    assert_eq!(code, 0);
    let result = json_lines(&out)
        .into_iter()
        .find_map(|l| l.get("result").cloned())
        .unwrap();
    assert!(result["unfinished"].is_null(), "{result}");
    let runs = result["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[0]["run"]["resumes"], first_run.as_str());
    let done_entry = runs[0]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "done" && e["device"] == "0")
        .unwrap();
    assert_eq!(
        done_entry["after"]["auth_method"]["kind"], "o-auth2",
        "{done_entry}"
    );
    let (code, _, _) = run(&["--json", "configure", "--resume"], false).await;
    assert_eq!(code, 0, "nothing to resume is no failure");

    // 5. No password, token or code anywhere in the database's files.
    let bytes = db_bytes(&db);
    assert!(
        contains(&bytes, "oauth2-set"),
        "the search sees the records"
    );
    let device_passwords: Vec<String> = w
        .summary()
        .devices
        .iter()
        .map(|d| d.admin_password.clone())
        .collect();
    assert!(codes.len() >= 6, "{codes:?}");
    // The refresh tokens the devices got from the tenant.
    let refresh: Vec<String> = w.tenant().state().refresh_tokens.keys().cloned().collect();
    assert!(refresh.len() >= 3, "the devices signed in");
    let secrets = codes
        .iter()
        .cloned()
        .chain(device_passwords)
        .chain(refresh)
        .chain([ADMIN_PW.to_string()]);
    for s in secrets {
        assert!(!contains(&bytes, &s), "{s:?} is in the audit database");
    }
    for word in ["access_token", "refresh_token", "device_code", "user_code"] {
        assert!(!contains(&bytes, word), "{word} in the audit database");
    }
    w.stop();
}
