//! The `printoauth` CLI against an emulated world (a world file, as `printoauth
//! practice` writes): configure ten Epson devices (every family and markup, French-,
//! German- and Italian-first pages, both save styles) end to end with the identity
//! emulator approving consent, check the tenant, troubleshoot, discover.

use std::process::Command;

use printoauth_sim::config::{DeviceConfig, Lang, WorldConfig};
use printoauth_sim::device::JobResult;
use printoauth_sim::world::World;
use printoauth_testkit::cli::{self, json_lines};
use printoauth_testkit::practice::{device, item, world_of, WorldFile, ADMIN, USER as RECIPIENT};
use serde_json::Value;

const CLI: &str = env!("CARGO_BIN_EXE_printoauth");

/// Runs the CLI with `--json` on the world in `file`, approving every sign-in code it
/// prints; returns the exit code and every line, each of them JSON.
async fn run_cli(w: &World, file: &WorldFile, args: &[&str]) -> (i32, Vec<Value>) {
    let world_arg = file.arg();
    let mut all = vec!["--json", "--world", &world_arg];
    all.extend_from_slice(args);
    let (code, out) = cli::run_cli(CLI, w, &all).await;
    (code, json_lines(&out))
}

#[tokio::test(flavor = "multi_thread")]
async fn configure_ten_devices_end_to_end() {
    let mut devices: Vec<DeviceConfig> = [
        "WF-C5890 Series",
        "ET-4850 Series",
        "AM-C4000 Series",
        "L6270 Series",
        "WF-M5899 Series",
        "WF-C20590 Series",
        "ET-4850 Series",
        "AM-C4000 Series",
        "WF-2930 Series",
        "WF-C879R Series",
    ]
    .iter()
    .map(|m| device(m))
    .collect();
    devices[4].firmware = Some("25.06.MN10A0".into()); // WF-M5899 updated to OAuth2 firmware
    devices[9].additional_network = true;
    // Pages in the device's own language first: French and German.
    devices[1].language = Lang::Fr;
    devices[2].language = Lang::De;
    devices[5].language = Lang::De; // the older table layout, in German
    devices[6].language = Lang::It;
    let (w, file) = WorldFile::start(
        WorldConfig {
            devices,
            ..Default::default()
        },
        "configure",
    )
    .await;
    let args: Vec<String> = (0..10).map(|i| i.to_string()).collect();
    let mut all = vec!["configure", "--sender", ADMIN, "--concurrency", "10"];
    all.extend(args.iter().map(String::as_str));
    let (code, lines) = run_cli(&w, &file, &all).await;
    assert_eq!(code, 1, "two devices cannot be done: exit 1");
    let result = lines
        .iter()
        .find_map(|l| l.get("result"))
        .expect("result line");
    let outcomes = result.as_array().unwrap();
    assert_eq!(outcomes.len(), 10);
    for (i, o) in outcomes.iter().enumerate() {
        let state = o["state"]["state"].as_str().unwrap();
        match i {
            8 => {
                assert_eq!(state, "failed");
                assert_eq!(
                    o["state"]["error"]["code"], "device-oauth2-unavailable",
                    "{o}"
                );
                assert_eq!(o["state"]["failed_at"], "oauth2-set");
            }
            9 => {
                assert_eq!(state, "failed");
                assert_eq!(
                    o["state"]["error"]["code"], "device-additional-network",
                    "{o}"
                );
            }
            _ => assert_eq!(state, "done", "device {i}: {o}"),
        }
    }
    // Events: every configured device needed the administrator once.
    let needs = lines
        .iter()
        .filter(|l| l["event"]["state"]["state"] == "needs-you")
        .count();
    assert_eq!(needs, 8);
    // The devices really switched, and their scan-to-email lands in the mailbox.
    for i in 0..8 {
        let d = w.device(i).unwrap();
        let r = d.report();
        assert_eq!(r.committed_account.as_deref(), Some(ADMIN), "device {i}");
        let job = d.scan_to_email(RECIPIENT, 1).await;
        assert_eq!(job.result, JobResult::Succeeded, "device {i}: {job:?}");
    }
    assert_eq!(w.smtp().messages_to(RECIPIENT).len(), 8);
    // The two that could not be done still use what they had.
    assert_eq!(w.device(8).unwrap().report().committed_account, None);
    w.stop();
}

#[tokio::test(flavor = "multi_thread")]
async fn check_tenant_reports_each_failed_prerequisite_with_its_fix() {
    let (w, file) = WorldFile::start(WorldConfig::default(), "tenant").await;
    let (code, lines) = run_cli(&w, &file, &["check-tenant"]).await;
    assert_eq!(code, 0, "{lines:?}");
    assert_eq!(w.smtp().messages_to(ADMIN).len(), 1, "the test mail landed");

    w.tenant().config().smtp_auth_enabled = false;
    let (code, lines) = run_cli(&w, &file, &["check-tenant"]).await;
    assert_eq!(code, 1);
    let report = lines.iter().find_map(|l| l.get("result")).unwrap();
    let check = item(&report["checks"], "id", "smtp-auth-organisation");
    assert_eq!(check["status"], "failed", "{report}");
    let fix = serde_json::to_string(&check["fix"]).unwrap();
    assert!(
        fix.contains("Set-TransportConfig -SmtpClientAuthenticationDisabled $false"),
        "{fix}"
    );
    w.stop();
}

#[tokio::test(flavor = "multi_thread")]
async fn discover_troubleshoot_and_status_in_practice_mode() {
    let (w, file) = WorldFile::start(WorldConfig::practice(), "discover").await;
    let (code, lines) = run_cli(&w, &file, &["discover"]).await;
    assert_eq!(code, 0);
    let devs = lines[0]["result"].as_array().unwrap();
    let s = w.summary();
    assert_eq!(devs.len(), s.devices.len(), "each device exactly once");
    for d in &s.devices {
        let found = devs
            .iter()
            .find(|x| {
                x["host_name"]
                    .as_str()
                    .map(|h| h.trim_end_matches('.').trim_end_matches(".local"))
                    == Some(d.host_name.as_str())
            })
            .unwrap_or_else(|| panic!("{} not listed", d.host_name));
        let vendor = serde_json::to_value(d.vendor).unwrap();
        assert_eq!(found["vendor"], vendor, "{found}");
        assert_eq!(found["supported"], vendor == "epson");
        if vendor == "epson" {
            assert_eq!(found["model"].as_str(), Some(d.model.as_str()), "{found}");
            let admin = found["admin_url"].as_str().unwrap();
            assert!(
                admin.contains(&d.host_name) && admin.ends_with("/PRESENTATION/BONJOUR"),
                "{admin}"
            );
        }
    }

    // A device still on Basic auth: troubleshoot says so and exits 1.
    let (code, lines) = run_cli(&w, &file, &["troubleshoot", "0"]).await;
    assert_eq!(code, 1);
    let cause = &lines[0]["result"]["health"]["diagnoses"][0]["cause"]["code"];
    assert_eq!(cause, "still-on-basic-auth", "{lines:?}");

    // Manual add by address: the device's web page is probed.
    let http = s.devices[1]
        .http_url
        .trim_start_matches("http://")
        .to_string();
    let (code, lines) = run_cli(&w, &file, &["discover", "--add", &http]).await;
    assert_eq!(code, 0, "{lines:?}");
    let added = &lines.last().unwrap()["result"][0];
    assert_eq!(added["vendor"], "epson", "{added}");

    let (code, lines) = run_cli(&w, &file, &["status", "1"]).await;
    assert_eq!(code, 0);
    assert_eq!(lines[0]["result"]["capabilities"]["oauth2_available"], true);
    w.stop();
}

/// A device whose password is wrong and one whose firmware has no OAuth2: each fails
/// with the fix the app shows for it, in words from the catalogue (and as code and
/// parameters with `--json`), while the third is configured.
#[tokio::test(flavor = "multi_thread")]
async fn configure_prints_the_fix_for_each_failed_device() {
    let w = world_of(&["WF-C5890 Series", "WF-2930 Series", "ET-4850 Series"]).await;
    // The world file gives device 0 a password the device does not have.
    let mut summary = w.summary();
    summary.devices[0].admin_password = "Not-The-Password-1".into();
    let path =
        std::env::temp_dir().join(format!("printoauth-cli-{}-fixes.json", std::process::id()));
    std::fs::write(&path, serde_json::to_vec(&summary).unwrap()).unwrap();
    let file = WorldFile { path };

    let (code, lines) = run_cli(&w, &file, &["configure", "--sender", ADMIN, "0", "1", "2"]).await;
    assert_eq!(code, 1, "{lines:?}");
    let failed = |device: &str| {
        lines
            .iter()
            .find(|l| l["event"]["device"] == device && l["event"]["state"]["state"] == "failed")
            .unwrap_or_else(|| panic!("no failure event for {device}: {lines:?}"))["event"]["state"]
            .clone()
    };
    let wrong = failed("0");
    assert_eq!(wrong["error"]["code"], "device-login-rejected", "{wrong}");
    assert_eq!(wrong["fix"]["code"], "check-admin-password", "{wrong}");
    let old = failed("1");
    assert_eq!(old["error"]["code"], "device-oauth2-unavailable", "{old}");
    assert_eq!(old["fix"]["code"], "update-firmware", "{old}");
    assert_eq!(old["fix"]["params"]["model"], "WF-2930 Series", "{old}");
    let result = lines.iter().find_map(|l| l.get("result")).unwrap();
    assert_eq!(result[2]["state"]["state"], "done", "{result}");

    // In words: the catalogue's sentences, in English and in Lithuanian.
    let catalogue = |lang: &str| {
        std::fs::read_to_string(format!(
            "{}/../../i18n/{lang}.ftl",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let message = |ftl: &str, id: &str| {
        ftl.lines()
            .find_map(|l| l.strip_prefix(&format!("{id} = ")))
            .unwrap_or_else(|| panic!("{id} missing"))
            .replace("{ $model }", "WF-2930 Series")
    };
    for lang in ["en", "lt"] {
        let out = Command::new(CLI)
            .args(["--lang", lang, "--world"])
            .arg(&file.path)
            .args(["configure", "--sender", ADMIN, "0", "1"])
            .env_remove("PRINTOAUTH_ADMIN_PASSWORD")
            .env(
                "PRINTOAUTH_AUDIT",
                std::env::temp_dir().join(format!(
                    "printoauth-audit-{}-fixes-{lang}.sqlite3",
                    std::process::id()
                )),
            )
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8_lossy(&out.stdout);
        let ftl = catalogue(lang);
        for id in ["fix-check-admin-password", "fix-update-firmware"] {
            let sentence = message(&ftl, id);
            assert!(
                text.contains(&sentence),
                "{lang}: {sentence:?} not in\n{text}"
            );
        }
    }
    w.stop();
}

/// Without an application id, `check-tenant --device` checks through a configured
/// device's own connection test: SMTP AUTH off for the organisation, then for the
/// mailbox, then the user's sessions revoked, each with its fix; all on passes.
#[tokio::test(flavor = "multi_thread")]
async fn check_tenant_through_a_device_maps_its_connection_test_to_fixes() {
    let (w, file) = WorldFile::start(
        WorldConfig {
            devices: vec![device("WF-C5890 Series")],
            ..Default::default()
        },
        "devcheck",
    )
    .await;
    let (code, lines) = run_cli(&w, &file, &["configure", "--sender", ADMIN, "0"]).await;
    assert_eq!(code, 0, "{lines:?}");
    let check = |w: &World| {
        let (w, file_arg) = (w.clone(), file.arg());
        async move {
            let (code, out) = cli::run_cli(
                CLI,
                &w,
                &[
                    "--json",
                    "--world",
                    &file_arg,
                    "check-tenant",
                    "--device",
                    "0",
                ],
            )
            .await;
            let lines = json_lines(&out);
            let r = lines
                .iter()
                .find_map(|l| l.get("result"))
                .cloned()
                .unwrap_or_else(|| panic!("{out}"));
            (code, r)
        }
    };
    let failed = |r: &Value, id: &str| -> Value {
        let c = item(&r["report"]["checks"], "id", id);
        assert_eq!(c["status"], "failed", "{id}: {r}");
        c.clone()
    };

    let (code, r) = check(&w).await;
    assert_eq!(code, 0, "{r}");
    assert_eq!(r["test"]["ok"], true);
    assert_eq!(r["report"]["passed"], true);
    assert_eq!(
        w.smtp().messages().len(),
        0,
        "a connection test sends no mail"
    );

    w.tenant().config().smtp_auth_enabled = false;
    let (code, r) = check(&w).await;
    assert_eq!(code, 1);
    let c = failed(&r, "smtp-auth-organisation");
    assert_eq!(c["cause"]["code"], "smtp-auth-disabled-organisation");
    assert_eq!(c["fix"]["code"], "enable-smtp-auth-organisation");
    assert_eq!(
        c["fix"]["params"]["powershell"],
        "Set-TransportConfig -SmtpClientAuthenticationDisabled $false"
    );
    // As a person reads it, in Uzbek: the device's words, then the fix.
    let world_arg = file.arg();
    let (code, text) = cli::run_cli(
        CLI,
        &w,
        &[
            "--lang",
            "uz",
            "--world",
            &world_arg,
            "check-tenant",
            "--device",
            "0",
        ],
    )
    .await;
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("orqali tekshirilmoqda"), "{text}");
    assert!(
        text.contains("Qurilma javobi: SMTP server authentication error."),
        "{text}"
    );
    assert!(text.contains("535 5.7.139"), "{text}");
    assert!(
        text.contains("Set-TransportConfig -SmtpClientAuthenticationDisabled $false"),
        "{text}"
    );
    w.tenant().config().smtp_auth_enabled = true;

    {
        let mut cfg = w.tenant().config();
        let u = cfg.users.iter_mut().find(|u| u.upn == ADMIN).unwrap();
        u.smtp_auth = Some(false);
    }
    let (code, r) = check(&w).await;
    assert_eq!(code, 1);
    let c = failed(&r, "smtp-auth-mailbox");
    assert_eq!(c["fix"]["code"], "enable-smtp-auth-mailbox");
    assert_eq!(
        c["fix"]["params"]["powershell"],
        format!("Set-CASMailbox -Identity {ADMIN} -SmtpClientAuthenticationDisabled $false")
    );
    {
        let mut cfg = w.tenant().config();
        let u = cfg.users.iter_mut().find(|u| u.upn == ADMIN).unwrap();
        u.smtp_auth = None;
    }

    w.tenant().revoke_sessions(ADMIN);
    w.device(0).unwrap().expire_tokens();
    let (code, r) = check(&w).await;
    assert_eq!(code, 1);
    let c = failed(&r, "sign-in");
    assert_eq!(c["fix"]["code"], "sign-in-again", "{r}");
    w.stop();
}
