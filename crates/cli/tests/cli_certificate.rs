//! A device whose certificate changed since printoauth pinned it: the run stops with
//! both fingerprints and what to do, the CLI prints the command that trusts the new
//! one, and after `trust-certificate` the device is reached again.

use std::process::{Command, Output};

use printoauth_sim::config::{DeviceConfig, WorldConfig};
use printoauth_sim::world::World;
use serde_json::Value;

const CLI: &str = env!("CARGO_BIN_EXE_printoauth");

fn cli(pins: &std::path::Path, password: &str, args: &[&str]) -> Output {
    Command::new(CLI)
        .arg("--pins")
        .arg(pins)
        .args(args)
        .env("PRINTOAUTH_ADMIN_PASSWORD", password)
        .env("PRINTOAUTH_LANG", "en")
        .output()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_changed_certificate_stops_with_both_fingerprints_and_can_be_trusted() {
    let w = World::start(WorldConfig {
        devices: vec![DeviceConfig {
            model: "WF-C5890 Series".into(),
            ..Default::default()
        }],
        ..Default::default()
    })
    .await
    .unwrap();
    let s = w.summary();
    let d = &s.devices[0];
    let url = d.https_url.clone();
    let password = d.admin_password.clone();
    let host_port = url.trim_start_matches("https://").trim_end_matches('/');
    // What printoauth pinned when it first saw the device, before a reset renewed it.
    let dir = std::env::temp_dir().join(format!("printoauth-cert-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pins = dir.join("pins.json");
    let old = "ab".repeat(32);
    std::fs::write(
        &pins,
        serde_json::to_vec(&serde_json::json!({ "version": 1, "pins": { host_port: old } }))
            .unwrap(),
    )
    .unwrap();

    let sender = "scanner@contoso.example";
    let (p, pw, u) = (pins.clone(), password.clone(), url.clone());
    let out = tokio::task::spawn_blocking(move || {
        cli(&p, &pw, &["--json", "configure", &u, "--sender", sender])
    })
    .await
    .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let result: Value = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find_map(|l| l.get("result").cloned())
        .expect("result");
    let state = &result[0]["state"];
    assert_eq!(
        state["error"]["code"], "device-certificate-changed",
        "{state}"
    );
    assert_eq!(state["fix"]["code"], "confirm-certificate", "{state}");
    assert_eq!(state["fix"]["params"]["pinned_sha256"], old.as_str());
    let new = state["fix"]["params"]["found_sha256"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(new.len(), 64);
    assert_ne!(new, old);

    // In words: both fingerprints, what to check, and the command.
    let (p, pw, u) = (pins.clone(), password.clone(), url.clone());
    let out =
        tokio::task::spawn_blocking(move || cli(&p, &pw, &["configure", &u, "--sender", sender]))
            .await
            .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&old) && text.contains(&new), "{text}");
    assert!(
        text.contains("Network Security > SSL/TLS > Certificate"),
        "{text}"
    );
    let command = format!(
        "printoauth --pins {} trust-certificate {url} --fingerprint {new}",
        pins.display()
    );
    assert!(text.contains(&command), "{command:?} not in\n{text}");

    // A fingerprint mistyped is refused in words; the right one (as colons and
    // capitals, as certificate pages show it) is trusted.
    let out = cli(
        &pins,
        "",
        &["trust-certificate", &url, "--fingerprint", "12:34"],
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a certificate fingerprint"));
    let pretty: String = new
        .to_uppercase()
        .as_bytes()
        .chunks(2)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(":");
    let out = cli(
        &pins,
        "",
        &["trust-certificate", &url, "--fingerprint", &pretty],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let kept: Value = serde_json::from_slice(&std::fs::read(&pins).unwrap()).unwrap();
    assert_eq!(kept["pins"][host_port], new.as_str());

    // The device is reached again.
    let (p, pw, u) = (pins.clone(), password.clone(), url.clone());
    let out = tokio::task::spawn_blocking(move || cli(&p, &pw, &["--json", "status", &u]))
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let _ = std::fs::remove_dir_all(&dir);
    w.stop();
}
