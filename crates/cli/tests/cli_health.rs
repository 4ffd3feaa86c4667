//! `printoauth health` against an emulated world: a device signed in with OAuth2 whose
//! tokens lapsed still says "Signed in" until the first mail fails with 361; `health`
//! flags it (exit 1, the device named with its cause) from the job history, and after
//! `configure` signs it in again, the 361 from before the sign-in is history: exit 0.

use std::ffi::OsStr;
use std::path::PathBuf;

use printoauth_sim::config::WorldConfig;
use printoauth_sim::device::JobResult;
use printoauth_sim::world::World;
use printoauth_testkit::cli::{self, json_lines};
use printoauth_testkit::practice::{device, WorldFile, ADMIN, USER as RECIPIENT};
use serde_json::Value;

const CLI: &str = env!("CARGO_BIN_EXE_printoauth");

/// The test's own audit trail (the sign-ins `health` reads), removed on drop.
struct Trail(PathBuf);

impl Drop for Trail {
    fn drop(&mut self) {
        for s in ["", "-wal", "-shm"] {
            let mut p = self.0.as_os_str().to_owned();
            p.push(s);
            let _ = std::fs::remove_file(PathBuf::from(p));
        }
    }
}

async fn run(
    w: &World,
    file: &WorldFile,
    trail: &Trail,
    args: &[&str],
) -> (i32, Vec<Value>, String) {
    let world_arg = file.arg();
    let mut all = vec!["--world", &world_arg];
    all.extend_from_slice(args);
    let env = [("PRINTOAUTH_AUDIT", trail.0.as_os_str() as &OsStr)];
    let (code, out, err) = cli::run_cli_with(CLI, w, &all, &env, true).await;
    (code, json_lines(&out), err)
}

fn entries(lines: &[Value]) -> Vec<Value> {
    lines
        .iter()
        .find_map(|l| l.get("result"))
        .and_then(|r| r.as_array().cloned())
        .expect("a result line")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lapsed_sign_in_is_flagged_until_the_device_signs_in_again() {
    let (w, file) = WorldFile::start(
        WorldConfig {
            devices: vec![device("WF-C5890 Series"), device("ET-4850 Series")],
            ..Default::default()
        },
        "health",
    )
    .await;
    let trail = Trail(
        std::env::temp_dir().join(format!("printoauth-health-{}.sqlite3", std::process::id())),
    );
    let (code, _, err) = run(
        &w,
        &file,
        &trail,
        &["--json", "configure", "--sender", ADMIN, "0", "1"],
    )
    .await;
    assert_eq!(code, 0, "{err}");
    let (code, lines, err) = run(&w, &file, &trail, &["--json", "health", "0", "1"]).await;
    assert_eq!(code, 0, "both freshly signed in: {lines:?} {err}");
    let e = entries(&lines);
    assert!(e.iter().all(|x| x["verdict"]["code"] == "healthy"), "{e:?}");

    // Device 1's tokens lapse; it still says it is signed in, until a scan fails.
    let d1 = w.device(1).unwrap();
    d1.expire_tokens();
    let job = d1.scan_to_email(RECIPIENT, 1).await;
    assert_ne!(job.result, JobResult::Succeeded, "{job:?}");
    let (code, lines, _) = run(&w, &file, &trail, &["--json", "health", "0", "1"]).await;
    assert_eq!(code, 1, "a lapsed sign-in needs attention: {lines:?}");
    let e = entries(&lines);
    assert_eq!(e[0]["verdict"]["code"], "healthy", "{e:?}");
    assert_eq!(e[1]["id"], "1");
    assert_eq!(e[1]["verdict"]["code"], "sign-in-expired", "{e:?}");
    assert_eq!(e[1]["verdict"]["params"]["job_code"], 361, "{e:?}");
    assert_eq!(
        e[1]["diagnoses"][0]["fix"]["code"], "sign-in-again",
        "{e:?}"
    );

    // The table names the device and its cause, in words.
    let (code, out, _) = {
        let world_arg = file.arg();
        let env = [
            ("PRINTOAUTH_AUDIT", trail.0.as_os_str() as &OsStr),
            ("PRINTOAUTH_LANG", OsStr::new("en")),
        ];
        cli::run_cli_with(CLI, &w, &["--world", &world_arg, "health", "1"], &env, true).await
    };
    assert_eq!(code, 1);
    assert!(
        out.contains("Sign-in expired") && out.contains("job code 361"),
        "{out}"
    );
    assert!(out.contains("ET-4850"), "{out}");

    // Signing it in again (the normal configure run) makes it healthy: the 361 from
    // before the sign-in is history.
    let (code, _, err) = run(
        &w,
        &file,
        &trail,
        &["--json", "configure", "--sender", ADMIN, "1"],
    )
    .await;
    assert_eq!(code, 0, "{err}");
    let (code, lines, _) = run(&w, &file, &trail, &["--json", "health", "0", "1"]).await;
    assert_eq!(code, 0, "{lines:?}");
    assert!(entries(&lines)
        .iter()
        .all(|x| x["verdict"]["code"] == "healthy"));
    // And mail works again.
    let job = d1.scan_to_email(RECIPIENT, 1).await;
    assert_eq!(job.result, JobResult::Succeeded, "{job:?}");
    w.stop();
}
