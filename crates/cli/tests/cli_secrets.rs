//! No secret anywhere it should not be: a practice batch with distinctive device
//! passwords, then the tenant check, troubleshooting, status and a capture — and
//! neither the passwords, nor any access or refresh token the emulated tenant issued,
//! nor (in the capture) the sign-in codes appear in any line of standard output or
//! standard error (run with `RUST_LOG=trace`, should logging ever be switched on) or
//! in any file the CLI wrote under its home (pins, the capture, the audit trail).

use std::ffi::OsStr;
use std::path::Path;

use printoauth_sim::config::WorldConfig;
use printoauth_testkit::cli::{json_lines, run_cli_with};
use printoauth_testkit::practice::{device, WorldFile, ADMIN, ADMIN_PW};

const CLI: &str = env!("CARGO_BIN_EXE_printoauth");

/// Every file below `dir`, with its contents (lossy text).
fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else if let Ok(bytes) = std::fs::read(&p) {
            out.push((
                p.display().to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            ));
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn no_password_token_or_code_leaks_into_output_logs_or_files() {
    let passwords = ["Dev-Secret-7Qx1-Pw", "Dev-Secret-9Kz4-Pw"];
    let devices = ["WF-C5890 Series", "ET-4850 Series"]
        .iter()
        .zip(passwords)
        .map(|(m, pw)| {
            let mut d = device(m);
            d.admin_password = Some(pw.to_string());
            d
        })
        .collect();
    let (w, file) = WorldFile::start(
        WorldConfig {
            devices,
            ..Default::default()
        },
        "secrets",
    )
    .await;
    // Everything the CLI may write (config, pins, captures) lands in this home.
    let home = std::env::temp_dir().join(format!("printoauth-secrets-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    let capture = home.join("capture.json");
    let env: [(&str, &OsStr); 4] = [
        ("HOME", home.as_os_str()),
        ("XDG_CONFIG_HOME", home.as_os_str()),
        ("XDG_DATA_HOME", home.as_os_str()),
        ("RUST_LOG", OsStr::new("trace")),
    ];
    let world = file.arg();
    let runs: Vec<Vec<&str>> = vec![
        vec!["configure", "--sender", ADMIN, "0", "1"],
        vec!["check-tenant"],
        vec!["troubleshoot", "0"],
        vec!["status", "1"],
        vec!["capture", "0", "--output", capture.to_str().unwrap()],
    ];
    let mut seen = Vec::new();
    let mut codes = Vec::new();
    for args in runs {
        // Sign-ins are approved from the JSON lines; the rest also in words.
        let needs_sign_in = ["configure", "check-tenant"].contains(&args[0]);
        let modes: &[bool] = if needs_sign_in {
            &[true]
        } else {
            &[true, false]
        };
        for &json in modes {
            let mut all = vec!["--world", world.as_str()];
            if json {
                all.push("--json");
            }
            all.extend(args.iter().copied());
            let (code, out, err) = run_cli_with(CLI, &w, &all, &env, true).await;
            if json {
                assert!(code == 0 || code == 1, "{all:?}: {code} {err}");
                for l in json_lines(&out) {
                    if let Some(c) = l["event"]["state"]["code"]["user_code"].as_str() {
                        codes.push(c.to_string());
                    }
                }
            }
            seen.push((format!("{all:?} stdout"), out));
            seen.push((format!("{all:?} stderr"), err));
        }
    }
    assert!(!codes.is_empty(), "the devices showed sign-in codes");
    let written = files(&home);
    assert!(
        written.iter().any(|(p, _)| p.ends_with("capture.json")),
        "the capture was written: {written:?}"
    );
    // The audit trail is searched too (its database and write-ahead log).
    assert!(
        written.iter().any(|(p, _)| p.contains("audit.sqlite3")),
        "the audit trail was written under the home: {:?}",
        written.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );

    // The secrets: the passwords, every token the tenant issued, the token shapes.
    let mut secrets: Vec<String> = passwords.iter().map(|p| p.to_string()).collect();
    secrets.push(ADMIN_PW.to_string());
    let refresh: Vec<String> = w.tenant().state().refresh_tokens.keys().cloned().collect();
    assert!(
        !refresh.is_empty(),
        "the batch and the check got refresh tokens"
    );
    secrets.extend(refresh);
    // An access token is a JWT with the emulator's header; refresh tokens' prefix.
    secrets.push("eyJ0eXAiOiJKV1Qi".into());
    secrets.push("0.PRACTICE.".into());
    for (place, text) in seen.iter().chain(written.iter()) {
        for s in &secrets {
            assert!(!text.contains(s.as_str()), "{s:?} found in {place}");
        }
    }
    // The capture (meant for a bug report) holds no sign-in code either.
    let (_, cap) = written
        .iter()
        .find(|(p, _)| p.ends_with("capture.json"))
        .unwrap();
    for c in &codes {
        assert!(!cap.contains(c.as_str()), "code {c} in the capture");
    }
    let _ = std::fs::remove_dir_all(&home);
    w.stop();
}
