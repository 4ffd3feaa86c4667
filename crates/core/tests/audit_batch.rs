//! The batch records into the audit trail as it goes: every step is in the database
//! (read through a second, read-only connection, as another process would) before
//! its event is reported; a device that ends has its end recorded with the settings
//! before and after; and no password or sign-in code is in the database's files.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{driver, task};
use printoauth_core::audit::{AuditAction, AuditLog, RunContext};
use printoauth_core::run::{self, DeviceState, Mode, RunOptions, Step};
use printoauth_testkit::practice::{world_of, ADMIN, ADMIN_PW};
use rusqlite::{Connection, OpenFlags};

fn action_of(step: Step) -> Option<&'static str> {
    Some(match step {
        Step::Found => return None,
        Step::LoggedIn => "logged-in",
        Step::Oauth2Set => "oauth2-set",
        Step::WaitingForConsent => "sign-in-started",
        Step::SignedIn => "signed-in",
        Step::Saved => "saved",
        Step::Verified => "verified",
    })
}

fn recorded(db: &std::path::Path, device: &str, action: &str) -> bool {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    c.query_row(
        "SELECT COUNT(*) FROM entries WHERE device = ?1 AND action = ?2",
        [device, action],
        |r| r.get::<_, i64>(0),
    )
    .unwrap()
        > 0
}

#[tokio::test(flavor = "multi_thread")]
async fn each_step_is_recorded_before_it_is_reported() {
    let w = world_of(&["WF-C5890 Series", "WF-2930 Series"]).await;
    let dir = std::env::temp_dir().join(format!("printoauth-audit-batch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = dir.join("audit.sqlite3");
    let log = Arc::new(AuditLog::open(&db).unwrap());
    let recorder = log.recorder(RunContext {
        front_end: "test".into(),
        practice: true,
        ..Default::default()
    });
    let run_id = recorder.run_id().to_string();
    let tasks = (0..2)
        .map(|i| task(&w, i, Arc::new(driver(&w, i))))
        .collect();
    let opts = RunOptions {
        poll_interval: Duration::from_millis(200),
        sign_in_timeout: Duration::from_secs(30),
        audit: Some(recorder),
        ..Default::default()
    };
    let (batch, mut events) = run::start_batch(tasks, opts, Mode::Run).unwrap();
    let mut codes = Vec::new();
    let mut checked = 0;
    while let Some(ev) = events.recv().await {
        match &ev.state {
            DeviceState::Working { step } => {
                if let Some(a) = action_of(*step) {
                    assert!(
                        recorded(&db, &ev.device, a),
                        "{} {a} reported before it was recorded",
                        ev.device
                    );
                    checked += 1;
                }
            }
            DeviceState::NeedsYou { code } => {
                assert!(recorded(&db, &ev.device, "sign-in-started"));
                codes.push(code.user_code.clone());
                w.identity()
                    .approve(&code.user_code, ADMIN, ADMIN_PW, true)
                    .unwrap();
            }
            DeviceState::Done { .. } => assert!(recorded(&db, &ev.device, "done")),
            DeviceState::Failed { .. } => assert!(recorded(&db, &ev.device, "failed")),
            // Waits write nothing to a device.
            DeviceState::Waiting { .. } | DeviceState::WaitOver {} => {}
        }
    }
    let outcomes = batch.finish().await;
    assert!(outcomes[0].succeeded(), "{:?}", outcomes[0].state);
    assert!(!outcomes[1].succeeded(), "the WF-2930 has no OAuth2");
    assert!(checked >= 6, "{checked}");

    // Read back through the API: the run, its devices and the entries.
    let run = log.run(&run_id).unwrap().unwrap();
    assert!(run.practice);
    assert_eq!(run.sender, ADMIN);
    assert!(run.devices.iter().all(|d| d.finished));
    assert!(log.unfinished(true).unwrap().is_none());
    let entries = log.entries(&run_id).unwrap();
    let done = entries
        .iter()
        .find(|e| e.device == "device-0" && e.action == AuditAction::Done)
        .unwrap();
    assert_eq!(
        done.before.as_ref().unwrap()["auth_method"]["kind"],
        "smtp-auth"
    );
    assert_eq!(
        done.after.as_ref().unwrap()["auth_method"]["kind"],
        "o-auth2"
    );
    assert!(done.changes.as_ref().is_some_and(|c| !c.is_empty()));
    let failed = entries
        .iter()
        .find(|e| e.device == "device-1" && e.action == AuditAction::Failed)
        .unwrap();
    assert_eq!(failed.result, "device-oauth2-unavailable");
    assert_eq!(failed.failed_at, Some(Step::Oauth2Set));
    assert!(
        !entries
            .iter()
            .any(|e| e.device == "device-1" && e.action == AuditAction::Oauth2Set),
        "nothing was written to the device that cannot do OAuth2"
    );

    // No password or code in the files.
    drop(log);
    let mut bytes = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        bytes.extend(std::fs::read(std::path::PathBuf::from(p)).unwrap_or_default());
    }
    let summary = w.summary();
    let secrets = codes
        .iter()
        .cloned()
        .chain(summary.devices.iter().map(|d| d.admin_password.clone()))
        .chain([ADMIN_PW.to_string()]);
    for s in secrets {
        assert!(
            !bytes.windows(s.len()).any(|win| win == s.as_bytes()),
            "{s:?} in the audit database"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    w.stop();
}
