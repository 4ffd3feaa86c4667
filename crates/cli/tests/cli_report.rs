//! The customer's report through the command line: a practice tenant check, then a
//! practice batch with one device that cannot do OAuth2 and one whose web server keeps
//! answering HTTP 500, then `report` as PDF in each of the six languages (the text
//! pdftotext extracts holds every device and its result, the failed devices' errors as
//! whole sentences, and the tenant check the trail recorded, in that language; pdffonts lists
//! only embedded fonts; no device password, administrator password, token or sign-in
//! code is in the PDF's bytes or its text), and as CSV and JSON. And `check-tenant`
//! without an application id: the registration it needs, then the check through the
//! first device the trail shows set up, recorded for the report.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use printoauth_sim::config::WorldConfig;
use printoauth_testkit::cli::{json_lines, run_cli_with};
use printoauth_testkit::practice::{device, set_device_faults, WorldFile, ADMIN, ADMIN_PW};
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

/// The fields of one CSV line (RFC 4180 quoting).
fn csv_fields(row: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => fields.last_mut().unwrap().push(c),
        }
    }
    fields
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
    // Two devices that can do OAuth2, one model no firmware gives it, and one whose
    // web server keeps answering HTTP 500 (its error's sentence needs its params).
    let models = [
        "WF-C5890 Series",
        "ET-4850 Series",
        "WF-2930 Series",
        "AM-C4000 Series",
    ];
    let passwords = [
        "Rep-Secret-4Hq2-Pw",
        "Rep-Secret-8Lw3-Pw",
        "Rep-Secret-1Zt6-Pw",
        "Rep-Secret-6Kc9-Pw",
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
    set_device_faults(&w, 3, serde_json::json!({"http_500_next": 1_000_000})).await;
    let home = Home(std::env::temp_dir().join(format!("printoauth-report-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&home.0);
    std::fs::create_dir_all(&home.0).unwrap();
    let env: [(&str, &OsStr); 3] = [
        ("HOME", home.0.as_os_str()),
        ("XDG_CONFIG_HOME", OsStr::new("")),
        ("XDG_DATA_HOME", OsStr::new("")),
    ];
    let world = file.arg();

    // The tenant check first, as a technician does (its sign-in approved): recorded in
    // the audit trail, it goes into the report.
    let (code, out, err) = run_cli_with(
        CLI,
        &w,
        &["--world", &world, "--json", "check-tenant"],
        &env,
        true,
    )
    .await;
    assert_eq!(code, 0, "the practice tenant is ready: {out}\n{err}");

    // The batch: the sign-ins approved; the third and fourth devices fail.
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
            "3",
        ],
        &env,
        true,
    )
    .await;
    assert_eq!(code, 1, "two devices fail: {out}\n{err}");
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
    assert_eq!(states, ["done", "done", "failed", "failed"], "{outcomes}");

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
    let expected = [
        ("0", "done"),
        ("1", "done"),
        ("2", "failed"),
        ("3", "failed"),
    ];

    // The fourth device's error with the params the trail kept: the status, the
    // device page's path and the attempts (nothing else).
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
    let d3 = &r["devices"][3];
    assert_eq!(d3["error"], "device-http-status", "{d3}");
    let params = d3["error_params"].as_object().unwrap();
    let mut names: Vec<&str> = params.keys().map(String::as_str).collect();
    names.sort();
    assert_eq!(names, ["attempts", "path", "status"], "{d3}");
    assert_eq!(params["status"], 500, "{d3}");
    let path = params["path"].as_str().unwrap().to_string();
    assert!(path.starts_with("/PRESENTATION/"), "{d3}");
    let attempts = params["attempts"].as_u64().unwrap().to_string();
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
        // The failed devices' errors, whole sentences in the language, with their code.
        for (from, to, code, args) in [
            (at[4], at[6], "device-oauth2-unavailable", vec![]),
            (
                at[6],
                flat.len(),
                "device-http-status",
                vec![
                    ("status", "500"),
                    ("path", path.as_str()),
                    ("attempts", attempts.as_str()),
                ],
            ),
        ] {
            let sentence = message(lang, &format!("error-{code}"), &args);
            assert!(!sentence.contains("{ $"), "{lang}: {sentence}");
            let line = squash(&message(
                lang,
                "report-error",
                &[("error", &format!("{sentence} ({code})"))],
            ));
            assert!(flat[from..to].contains(&line), "{lang}: {line:?} in {text}");
        }
        // The failed device's fix: a firmware update.
        assert!(
            !flat.contains(&message(lang, "report-result-cancelled", &[])),
            "{lang}"
        );
        // The tenant check, after the devices: printoauth's own, passed, each check
        // in words.
        let tenant = flat
            .find(&squash(&message(lang, "report-tenant", &[])))
            .unwrap_or_else(|| panic!("{lang}: no tenant check in {text}"));
        assert!(tenant > *at.last().unwrap(), "{lang}");
        for id in ["report-tenant-own", "report-tenant-passed"] {
            let words = squash(&message(lang, id, &[]));
            assert!(flat[tenant..].contains(&words), "{lang}: {id} in {text}");
        }
        let checked = squash(&message(lang, "report-tenant-checked-at", &[("time", "")]));
        assert!(flat[tenant..].contains(&checked), "{lang}: {text}");
        for check in [
            "check-sign-in",
            "check-test-mail",
            "check-smtp-auth-mailbox",
        ] {
            let line = squash(&format!(
                "{}: {}",
                message(lang, check, &[]),
                message(lang, "report-check-passed", &[])
            ));
            assert!(flat[tenant..].contains(&line), "{lang}: {line:?} in {text}");
        }

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
        "site,date,run,device,label,model,address,result,failed_at,error,fix,fix_params,changes,\
         tenant_check,tenant_checked_at,tenant_check_device,tenant_check_failed,error_params"
    );
    assert_eq!(rows.len(), 5, "{csv}");
    for (i, (id, result)) in expected.iter().enumerate() {
        let row = rows[i + 1];
        assert!(row.starts_with(&format!("{site},")), "{row}");
        let cols = csv_fields(row);
        assert_eq!(cols.len(), 18, "{row}");
        assert_eq!(cols[3], *id, "{row}");
        assert_eq!(cols[5], models[i], "{row}");
        assert_eq!(cols[7], *result, "{row}");
        // The tenant check, on every line: passed, when, not through a device.
        let tail = &cols[cols.len() - 5..cols.len() - 1];
        assert_eq!(tail[0], "passed", "{row}");
        assert!(tail[1].starts_with("20"), "{row}");
        assert_eq!(&tail[2..], ["", ""], "{row}");
        // Last, the error's params (JSON) of a failed device.
        let error_params = &cols[cols.len() - 1];
        if *result == "failed" {
            let v: Value = serde_json::from_str(error_params).unwrap();
            assert!(v.is_object(), "{row}");
        } else {
            assert_eq!(error_params, "", "{row}");
        }
    }
    let last = csv_fields(rows[4]);
    let v: Value = serde_json::from_str(last.last().unwrap()).unwrap();
    assert_eq!(v["status"], 500, "{}", rows[4]);
    assert_eq!(v["path"], path.as_str(), "{}", rows[4]);
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
    assert_eq!(devs.len(), 4);
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
    assert_eq!(
        devs[2]["error_params"]["scope"], "email-server",
        "{}",
        devs[2]
    );
    assert_eq!(devs[3]["error"], "device-http-status");
    assert_eq!(devs[2]["fix"]["code"], "update-firmware");
    assert_eq!(devs[2]["fix"]["params"]["model"], models[2]);
    // The tenant check the trail recorded: printoauth's own, passed, each check.
    let tc = &r["tenant_check"];
    assert_eq!(tc["passed"], true, "{r}");
    assert!(
        tc["checked_at"]
            .as_str()
            .is_some_and(|t| t.starts_with("20")),
        "{tc}"
    );
    assert_eq!(tc["through_device"], Value::Null, "{tc}");
    let checks = tc["checks"].as_array().unwrap();
    assert_eq!(checks.len(), 7, "{tc}");
    assert!(checks.iter().all(|c| c["status"] == "passed"), "{tc}");
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

/// A practice world file whose tenant has not registered printoauth (no application
/// id in it), as `check-tenant` sees a real tenant before registration.
fn without_app_id(file: &WorldFile) {
    let mut v: Value = serde_json::from_slice(&std::fs::read(&file.path).unwrap()).unwrap();
    v["identity"]["printoauth_client_id"] = Value::String(String::new());
    std::fs::write(&file.path, serde_json::to_vec(&v).unwrap()).unwrap();
}

/// `check-tenant` without an application id and without `--device`: it says what it
/// needs (printoauth's registration) and, meanwhile, checks through the first device
/// the audit trail shows set up; with none, it says so and that `--device` names one.
/// The check through the device is recorded and reported. A device set up in an
/// earlier practice world is said to be gone.
#[tokio::test(flavor = "multi_thread")]
async fn check_tenant_without_an_application_id_checks_through_the_configured_device() {
    let home =
        Home(std::env::temp_dir().join(format!("printoauth-tenant-trail-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&home.0);
    std::fs::create_dir_all(&home.0).unwrap();
    let audit = home.0.join("audit.sqlite3");
    let env: [(&str, &OsStr); 1] = [("PRINTOAUTH_AUDIT", audit.as_os_str())];
    let (w, file) = WorldFile::start(
        WorldConfig {
            devices: vec![device("WF-C5890 Series")],
            ..Default::default()
        },
        "tenant-trail",
    )
    .await;
    without_app_id(&file);
    let world = file.arg();
    let run = |args: Vec<&str>| {
        let (w, env) = (w.clone(), env);
        let mut all = vec!["--world", world.as_str()];
        all.extend(args);
        let all: Vec<String> = all.into_iter().map(str::to_string).collect();
        async move { run_cli_with(CLI, &w, &all, &env, true).await }
    };
    let step = |lines: &[Value], step: &str| -> Value {
        lines
            .iter()
            .find(|l| l["event"]["step"] == step)
            .map(|l| l["event"].clone())
            .unwrap_or_else(|| panic!("no {step} in {lines:?}"))
    };

    // Nothing set up yet: the registration it needs, and no device to check through.
    let (code, out, err) = run(vec!["--json", "check-tenant"]).await;
    assert_eq!(code, 1, "{out}\n{err}");
    let lines = json_lines(&out);
    let refusal = step(&lines, "app-id-missing");
    let sign_in = &refusal["report"]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "sign-in")
        .unwrap()
        .clone();
    assert_eq!(sign_in["fix"]["code"], "register-app", "{refusal}");
    assert!(
        lines
            .iter()
            .any(|l| l["error"]["code"] == "no-configured-device"),
        "{out}"
    );
    let (code, out, err) = run(vec!["--lang", "en", "check-tenant"]).await;
    assert_eq!(code, 1, "{out}\n{err}");
    assert!(out.contains("Register printoauth"), "{out}");
    assert!(
        err.contains(&message("en", "cli-error-no-configured-device", &[])),
        "{err}"
    );
    // Nothing was checked: nothing recorded.
    let (_, json, _) = run(vec!["report", "--format", "json", "--output", "-"]).await;
    assert!(json.trim().is_empty(), "no run yet: {json}");

    // A device set up: the check goes through it.
    let (code, out, err) = run(vec!["--json", "configure", "--sender", ADMIN, "0"]).await;
    assert_eq!(code, 0, "{out}\n{err}");
    let mails = w.smtp().messages().len();
    let (code, out, err) = run(vec!["--json", "check-tenant"]).await;
    assert_eq!(code, 0, "{out}\n{err}");
    let lines = json_lines(&out);
    step(&lines, "app-id-missing");
    let picked = step(&lines, "through-configured-device");
    assert_eq!(picked["device"], "0", "{picked}");
    let label = picked["label"].as_str().unwrap().to_string();
    assert!(label.starts_with("WF-C5890 Series (127.0.0.1:"), "{label}");
    let result = lines.iter().find_map(|l| l.get("result")).unwrap();
    assert_eq!(result["device"], "0", "{result}");
    assert_eq!(result["test"]["ok"], true, "{result}");
    assert_eq!(result["report"]["passed"], true, "{result}");
    assert_eq!(
        w.smtp().messages().len(),
        mails,
        "a connection test sends no mail"
    );
    // `--device` alone picks the same device.
    let (code, out, err) = run(vec!["--json", "check-tenant", "--device"]).await;
    assert_eq!(code, 0, "{out}\n{err}");
    assert_eq!(
        step(&json_lines(&out), "through-configured-device")["device"],
        "0"
    );

    // The report has it: through the device, passed.
    let (code, json, err) = run(vec!["report", "--format", "json", "--output", "-"]).await;
    assert_eq!(code, 0, "{err}");
    let r: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(r["tenant_check"]["passed"], true, "{r}");
    assert_eq!(r["tenant_check"]["through_device"], label.as_str(), "{r}");
    for lang in ["en", "be"] {
        let pdf = home.0.join(format!("tenant-{lang}.pdf"));
        let (code, _, err) = run(vec![
            "--lang",
            lang,
            "report",
            "--output",
            pdf.to_str().unwrap(),
        ])
        .await;
        assert_eq!(code, 0, "{err}");
        let text = tool("pdftotext", &[pdf.as_os_str(), OsStr::new("-")]);
        let flat = squash(&text);
        for want in [
            message(lang, "report-tenant", &[]),
            message(lang, "report-tenant-through-device", &[("device", &label)]),
            message(lang, "report-tenant-passed", &[]),
        ] {
            assert!(flat.contains(&squash(&want)), "{lang}: {want:?} in {text}");
        }
    }

    // The trail cannot be opened: the check still runs, and says so.
    let (code, out, err) = run_cli_with(
        CLI,
        &w,
        &[
            "--lang",
            "en",
            "--world",
            &world,
            "check-tenant",
            "--device",
            "0",
        ],
        &[("PRINTOAUTH_AUDIT", home.0.as_os_str())],
        true,
    )
    .await;
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(
        err.contains("the check goes on without recording it"),
        "{err}"
    );
    assert!(
        out.contains(&message("en", "cli-tenant-ready", &[])),
        "{out}"
    );

    // A new practice world: the device the trail names was in the earlier one.
    let (w2, file2) = WorldFile::start(
        WorldConfig {
            devices: vec![device("WF-C5890 Series")],
            ..Default::default()
        },
        "tenant-trail-2",
    )
    .await;
    without_app_id(&file2);
    let world2 = file2.arg();
    let (code, out, err) = run_cli_with(
        CLI,
        &w2,
        &["--json", "--world", &world2, "check-tenant"],
        &env,
        true,
    )
    .await;
    assert_eq!(code, 1, "{out}\n{err}");
    let gone = json_lines(&out)
        .into_iter()
        .find(|l| l["error"]["code"] == "configured-device-gone")
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(gone["error"]["params"]["device"], label.as_str(), "{gone}");
    w2.stop();
    w.stop();
}
