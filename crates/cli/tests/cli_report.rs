//! The customer's report through the command line: a practice batch with one device
//! that cannot do OAuth2, then `report` as PDF in each of the six languages (the text
//! pdftotext extracts holds every device and its result in that language; pdffonts
//! lists only embedded fonts; no device password, administrator password, token or
//! sign-in code is in the PDF's bytes or its text), and as CSV and JSON.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use printoauth_sim::config::WorldConfig;
use printoauth_testkit::cli::{json_lines, run_cli_with};
use printoauth_testkit::practice::{device, WorldFile, ADMIN, ADMIN_PW};
use serde_json::Value;

const CLI: &str = env!("CARGO_BIN_EXE_printoauth");

const LANGS: [&str; 6] = ["en", "uz", "lt", "be", "hi", "mk"];

/// The message `id` of the catalogue of `lang`, its `{ $name }` placeables filled in
/// (the report's messages are single lines without selectors).
fn message(lang: &str, id: &str, args: &[(&str, &str)]) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../i18n/{lang}.ftl"));
    let source = std::fs::read_to_string(path).unwrap();
    let mut text = source
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("{lang} has no {id}"))
        .to_string();
    for (k, v) in args {
        text = text.replace(&format!("{{ ${k} }}"), v);
    }
    text
}

/// Without white space: pdftotext breaks lines where the PDF does, and may see a gap
/// inside a Devanagari word where a vowel sign is drawn.
fn squash(s: &str) -> String {
    s.split_whitespace().collect()
}

fn tool(name: &str, args: &[&OsStr]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} (poppler-utils, scripts/setup.sh): {e}"));
    assert!(out.status.success(), "{name}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn contains(hay: &[u8], needle: &str) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

struct Home(PathBuf);
impl Drop for Home {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_practice_run_is_reported_in_every_language_without_secrets() {
    // Two devices that can do OAuth2 and one model no firmware gives it.
    let models = ["WF-C5890 Series", "ET-4850 Series", "WF-2930 Series"];
    let passwords = [
        "Rep-Secret-4Hq2-Pw",
        "Rep-Secret-8Lw3-Pw",
        "Rep-Secret-1Zt6-Pw",
    ];
    let devices = models
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
        "report",
    )
    .await;
    let home = Home(std::env::temp_dir().join(format!("printoauth-report-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&home.0);
    std::fs::create_dir_all(&home.0).unwrap();
    let env: [(&str, &OsStr); 3] = [
        ("HOME", home.0.as_os_str()),
        ("XDG_CONFIG_HOME", OsStr::new("")),
        ("XDG_DATA_HOME", OsStr::new("")),
    ];
    let world = file.arg();

    // The batch: the sign-ins approved; the third device fails.
    let (code, out, err) = run_cli_with(
        CLI,
        &w,
        &[
            "--world",
            &world,
            "--json",
            "configure",
            "--sender",
            ADMIN,
            "0",
            "1",
            "2",
        ],
        &env,
        true,
    )
    .await;
    assert_eq!(code, 1, "one device fails: {out}\n{err}");
    let lines = json_lines(&out);
    let mut codes = Vec::new();
    for l in &lines {
        if let Some(c) = l["event"]["state"]["code"]["user_code"].as_str() {
            codes.push(c.to_string());
        }
    }
    assert_eq!(codes.len(), 2, "the two OAuth2 devices showed codes");
    let outcomes = lines.iter().find_map(|l| l.get("result")).unwrap().clone();
    let states: Vec<&str> = outcomes
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["state"]["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["done", "done", "failed"], "{outcomes}");

    // The secrets: the device passwords, the administrator's, the codes, the tokens.
    let mut secrets: Vec<String> = passwords.iter().map(|p| p.to_string()).collect();
    secrets.push(ADMIN_PW.to_string());
    secrets.extend(codes.iter().cloned());
    let refresh: Vec<String> = w.tenant().state().refresh_tokens.keys().cloned().collect();
    assert!(!refresh.is_empty());
    secrets.extend(refresh);
    secrets.push("eyJ0eXAiOiJKV1Qi".into());
    secrets.push("0.PRACTICE.".into());

    let site = "Contoso Head Office";
    let expected = [("0", "done"), ("1", "done"), ("2", "failed")];
    for lang in LANGS {
        let pdf = home.0.join(format!("report-{lang}.pdf"));
        let (code, out, err) = run_cli_with(
            CLI,
            &w,
            &[
                "--lang",
                lang,
                "report",
                "--site",
                site,
                "--format",
                "pdf",
                "--output",
                pdf.to_str().unwrap(),
            ],
            &env,
            true,
        )
        .await;
        assert_eq!(code, 0, "{lang}: {out}\n{err}");
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{lang}");

        // Every device and its result, in the language.
        let text = tool("pdftotext", &[pdf.as_os_str(), OsStr::new("-")]);
        let flat = squash(&text);
        assert!(
            flat.contains(&squash(&message(lang, "report-title", &[]))),
            "{lang}: {text}"
        );
        assert!(flat.contains(&squash(site)), "{lang}: {text}");
        let mut at = Vec::new();
        for (id, result) in expected {
            let heading = squash(&message(lang, "report-device-id", &[("id", id)]));
            let pos = flat
                .find(&heading)
                .unwrap_or_else(|| panic!("{lang}: {heading:?} not in {text}"));
            at.push(pos);
            let word = message(lang, &format!("report-result-{result}"), &[]);
            let line = squash(&message(lang, "report-result", &[("result", &word)]));
            at.push(
                flat[pos..]
                    .find(&line)
                    .map(|p| p + pos)
                    .unwrap_or_else(|| panic!("{lang}: {line:?} not after {heading:?} in {text}")),
            );
            // The model is named, as the run recorded it.
            let model = models[id.parse::<usize>().unwrap()];
            let named = squash(&message(lang, "report-model", &[("model", model)]));
            assert!(
                flat[pos..].starts_with(&format!("{heading}{named}")),
                "{lang}: {model}"
            );
        }
        // In the devices' order, each result before the next device.
        assert!(at.windows(2).all(|p| p[0] < p[1]), "{lang}: {at:?}\n{text}");
        // The failed device's fix: a firmware update.
        assert!(
            !flat.contains(&message(lang, "report-result-cancelled", &[])),
            "{lang}"
        );

        // Every font embedded (and the Devanagari one for Hindi).
        let fonts = tool("pdffonts", &[pdf.as_os_str()]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{lang}: {fonts}");
        for row in &rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            // name type encoding emb sub uni object ID: emb is the 4th from the end
            // of "emb sub uni obj gen".
            let emb = cols[cols.len() - 5];
            assert_eq!(emb, "yes", "{lang}: not embedded: {row}");
        }
        let has = |f: &str| rows.iter().any(|r| r.contains(f));
        assert!(
            has("NotoSans-Regular") && has("NotoSans-Bold"),
            "{lang}: {fonts}"
        );
        assert_eq!(has("NotoSansDevanagari"), lang == "hi", "{lang}: {fonts}");

        // No secret in the bytes nor the text.
        for s in &secrets {
            assert!(!contains(&bytes, s), "{lang}: {s:?} in the PDF's bytes");
            assert!(
                !text.contains(s.as_str()),
                "{lang}: {s:?} in the PDF's text"
            );
        }
    }

    // CSV: a header and one line per device with its result; the fix of the failed one.
    let csv_file = home.0.join("report.csv");
    let (code, _, err) = run_cli_with(
        CLI,
        &w,
        &[
            "report",
            "--site",
            site,
            "--format",
            "csv",
            "--output",
            csv_file.to_str().unwrap(),
        ],
        &env,
        true,
    )
    .await;
    assert_eq!(code, 0, "{err}");
    let csv = std::fs::read_to_string(&csv_file).unwrap();
    let rows: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        rows[0],
        "site,date,run,device,label,model,address,result,failed_at,error,fix,fix_params,changes"
    );
    assert_eq!(rows.len(), 4, "{csv}");
    for (i, (id, result)) in expected.iter().enumerate() {
        let row = rows[i + 1];
        assert!(row.starts_with(&format!("{site},")), "{row}");
        let cols: Vec<&str> = row.split(',').collect();
        assert_eq!(cols[3], *id, "{row}");
        assert_eq!(cols[5], models[i], "{row}");
        assert!(row.contains(&format!(",{result},")), "{row}");
    }
    assert!(rows[3].contains("device-oauth2-unavailable"), "{}", rows[3]);
    assert!(rows[3].contains("update-firmware"), "{}", rows[3]);
    assert!(rows[1].contains("authentication-method: "), "{}", rows[1]);

    // JSON: the model, with before → after for the devices done.
    let (code, json, err) = run_cli_with(
        CLI,
        &w,
        &["report", "--format", "json", "--output", "-"],
        &env,
        true,
    )
    .await;
    assert_eq!(code, 0, "{err}");
    let r: Value = serde_json::from_str(&json).unwrap();
    let devs = r["devices"].as_array().unwrap();
    assert_eq!(devs.len(), 3);
    for (d, (id, result)) in devs.iter().zip(expected) {
        assert_eq!(d["id"], id);
        assert_eq!(d["result"], result);
    }
    let changes = devs[0]["changes"].as_array().unwrap();
    let auth = changes
        .iter()
        .find(|c| c["field"] == "authentication-method")
        .unwrap();
    assert_eq!(auth["before"], "SMTP AUTH", "{auth}");
    assert_eq!(auth["after"], "OAuth2", "{auth}");
    assert_eq!(devs[2]["error"], "device-oauth2-unavailable");
    assert_eq!(devs[2]["fix"]["code"], "update-firmware");
    assert_eq!(devs[2]["fix"]["params"]["model"], models[2]);
    for text in [&csv, &json] {
        for s in &secrets {
            assert!(!text.contains(s.as_str()), "{s:?} in a report");
        }
    }

    // No run of that id: says so (exit 3).
    let (code, _, err) = run_cli_with(
        CLI,
        &w,
        &[
            "--lang",
            "en",
            "report",
            "--run",
            "no-such-run",
            "--output",
            "-",
        ],
        &env,
        true,
    )
    .await;
    assert_eq!(code, 3);
    assert!(err.contains("no-such-run"), "{err}");
    w.stop();
}
