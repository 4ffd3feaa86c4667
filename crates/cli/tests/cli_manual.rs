//! `printoauth configure` on a device whose "Sign In" button is worded differently
//! (the emulator's `relabel` fault): the steps to do on the device's own page, in
//! English and in other languages, with the command that resumes it; `--json` with
//! their codes and params; `configure --resume` after the sign-in was done by hand
//! (the emulator's control API and identity approval) finishes the device while the
//! other device of the batch was configured normally. And `printoauth capture`.

use printoauth_sim::world::World;
use printoauth_testkit::cli::{json_lines, run_cli};
use printoauth_testkit::practice::{
    set_device_faults, sign_in_by_hand, world_of, WorldFile, ADMIN,
};
use serde_json::{json, Value};

const CLI: &str = env!("CARGO_BIN_EXE_printoauth");
const UNFAMILIAR: &str = "Connect to the mail service";

async fn world() -> World {
    world_of(&["WF-C5890 Series", "ET-4850 Series"]).await
}

/// `configure 1` on the world in `world_arg`, in words in `lang`.
async fn configure_in(w: &World, lang: &str, world_arg: &str) -> (i32, String) {
    let args = [
        "--lang",
        lang,
        "--world",
        world_arg,
        "configure",
        "1",
        "--sender",
        ADMIN,
    ];
    run_cli(CLI, w, &args).await
}

fn args(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|s| s.to_string()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn configure_prints_the_manual_path_and_resume_finishes_the_device() {
    let w = world().await;
    let file = WorldFile::write(&w, "configure");
    let world_arg = file.arg();
    set_device_faults(&w, 1, json!({"relabel": [["Sign In", UNFAMILIAR]]})).await;

    // --json: the other device is configured, this one carries its manual path.
    let (code, out) = run_cli(
        CLI,
        &w,
        &[
            "--json",
            "--world",
            &world_arg,
            "configure",
            "0",
            "1",
            "--sender",
            ADMIN,
        ],
    )
    .await;
    assert_eq!(code, 1, "{out}");
    let lines = json_lines(&out);
    let result = lines.iter().find_map(|l| l.get("result")).unwrap();
    assert_eq!(result[0]["state"]["state"], "done");
    assert_eq!(result[1]["state"]["state"], "failed");
    assert_eq!(
        result[1]["state"]["error"]["code"],
        "device-page-not-understood"
    );
    let manual = lines
        .iter()
        .find_map(|l| l.get("manual"))
        .expect("a manual line");
    assert_eq!(manual["device"], "1");
    let path = &manual["path"];
    assert_eq!(path["missing"], "button 'Sign In'");
    assert_eq!(
        path["missing_code"],
        json!({"code": "button", "params": {"label": "Sign In"}})
    );
    assert_eq!(path["stopped_at"], "oauth2-set");
    assert!(path["web_config_url"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    let steps = path["steps"].as_array().unwrap();
    let codes: Vec<&str> = steps.iter().map(|s| s["code"].as_str().unwrap()).collect();
    assert_eq!(
        codes[path["stop_index"].as_u64().unwrap() as usize],
        "press-sign-in"
    );
    assert_eq!(
        steps[0],
        json!({"code": "open-web-config", "params": {"url": path["web_config_url"]}})
    );
    assert!(steps.contains(
        &json!({"code": "set-email-service", "params": {"service": "Microsoft Exchange Online"}})
    ));
    assert!(steps.contains(&json!({"code": "check-values", "params": {
        "sender": ADMIN, "server": "smtp-mail.outlook.com", "port": 587}})));
    let resume: Vec<String> = manual["resume"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        resume,
        args(&[
            "printoauth",
            "--world",
            &world_arg,
            "configure",
            "--resume",
            "1",
            "--sender",
            ADMIN
        ])
    );

    // In words: English and Lithuanian (the device's own names stay in English).
    let (code, en) = configure_in(&w, "en", &world_arg).await;
    assert_eq!(code, 1);
    for want in [
        "Do this on the device's own page",
        "Open the Network tab, then Email Server > Basic.",
        "Set Email service to Microsoft Exchange Online.",
        "Press Sign In.",
        "Press “Sign in with Microsoft”.",
        "Consent on behalf of your organization",
        "printoauth stopped here. Not found on the device's page: the button “Sign In”",
        &format!("When it is done, continue with: printoauth --world {world_arg} configure --resume 1 --sender {ADMIN}"),
        &format!("printoauth --world {world_arg} capture 1"),
    ] {
        assert!(en.contains(want), "{want:?} not in:\n{en}");
    }
    assert!(
        en.contains("-> "),
        "the step printoauth stopped at is marked:\n{en}"
    );
    let (_, lt) = configure_in(&w, "lt", &world_arg).await;
    for want in [
        "Atlikite tai paties įrenginio puslapyje",
        "Atidarykite skirtuką Network, tada Email Server > Basic.",
        "Spustelėkite Sign In.",
        "Spustelėkite „Sign in with Microsoft“.",
        "Įrenginio puslapyje nerasta: mygtukas „Sign In“",
        "Kai tai atliksite, tęskite komanda: printoauth",
    ] {
        assert!(lt.contains(want), "{want:?} not in:\n{lt}");
    }
    assert!(!lt.contains("Press Sign In"), "{lt}");

    // Resume before anything changed: the same stop.
    let mut again = resume.clone();
    again.remove(0);
    again.insert(0, "--json".into());
    let (code, out) = run_cli(CLI, &w, &again).await;
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("\"missing\":\"button 'Sign In'\""), "{out}");

    // The administrator signs the device in by hand.
    sign_in_by_hand(&w, 1, json!({})).await;

    // The printed command resumes it: saved and verified.
    let (code, out) = run_cli(CLI, &w, &again).await;
    assert_eq!(code, 0, "{out}");
    let lines = json_lines(&out);
    let result = lines.iter().find_map(|l| l.get("result")).unwrap();
    assert_eq!(result[0]["device"], "1");
    assert_eq!(result[0]["state"]["state"], "done");
    assert_eq!(result[0]["state"]["settings"]["signed_in"], true);
    let steps: Vec<&str> = result[0]["steps_ms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s[0].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        [
            "found",
            "logged-in",
            "oauth2-set",
            "signed-in",
            "saved",
            "verified"
        ]
    );
    let r = w.device(1).unwrap().report();
    assert_eq!(r.committed_account.as_deref(), Some(ADMIN));
    assert_eq!(
        w.device(0).unwrap().report().committed_account.as_deref(),
        Some(ADMIN)
    );
    w.stop();
}

#[tokio::test(flavor = "multi_thread")]
async fn capture_writes_one_redacted_file_and_prints_its_path() {
    let w = world().await;
    let file = WorldFile::write(&w, "capture");
    let out_file = std::env::temp_dir().join(format!(
        "printoauth-cli-capture-{}.json",
        std::process::id()
    ));
    let before = w.device(0).unwrap().report();
    let (code, out) = run_cli(
        CLI,
        &w,
        &[
            "--lang",
            "en",
            "--world",
            &file.arg(),
            "capture",
            "0",
            "--output",
            &out_file.display().to_string(),
        ],
    )
    .await;
    assert_eq!(code, 0, "{out}");
    let written = std::fs::canonicalize(&out_file).unwrap();
    assert!(out.contains("pages saved"), "{out}");
    assert!(out.contains(&written.display().to_string()), "{out}");
    let text = std::fs::read_to_string(&out_file).unwrap();
    let _ = std::fs::remove_file(&out_file);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "printoauth-capture/1");
    assert_eq!(v["device"], "0");
    assert!(v["pages"].as_array().unwrap().len() >= 6);
    assert!(text.contains("Authentication Method"));
    assert!(!text.contains(&before.admin_password));
    let (sessions, tokens) = w.device(0).unwrap().session_secrets();
    assert!(!sessions.is_empty());
    for s in sessions.iter().chain(tokens.iter()) {
        assert!(!text.contains(s.as_str()), "{s}");
    }
    let after = w.device(0).unwrap().report();
    assert_eq!(
        serde_json::to_value(&after.stored).unwrap(),
        serde_json::to_value(&before.stored).unwrap()
    );
    assert_eq!(after.committed_account, before.committed_account);
    w.stop();
}
