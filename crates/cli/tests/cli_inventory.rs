//! `printoauth inventory` against the practice world: every device listed with its
//! vendor, model, firmware, whether OAuth2 is possible (and why not), the
//! authentication method, who is signed in, the sender, the last mail job and whether
//! a password is remembered; the devices that cannot do OAuth2 with their
//! alternatives; as JSON, as CSV and as a table. Reading changes no device.

use printoauth_sim::config::{DeviceConfig, WorldConfig};
use printoauth_sim::world::World;
use printoauth_testkit::cli::{json_lines, run_cli, run_cli_with};
use printoauth_testkit::practice::{control, device, WorldFile, ADMIN, USER};
use serde_json::{json, Value};

const CLI: &str = env!("CARGO_BIN_EXE_printoauth");

/// What each device holds: its settings, sign-in, job history, firmware, password
/// and Web Config's display language (the driver reads pages in English and sets the
/// device's own language back).
fn device_states(w: &World) -> Vec<Value> {
    (0..w.summary().devices.len())
        .map(|i| {
            let r = serde_json::to_value(w.device(i).unwrap().report()).unwrap();
            json!({
                "stored": r["stored"],
                "fax_stored": r["fax_stored"],
                "oauth": r["oauth"],
                "committed_account": r["committed_account"],
                "panel_message": r["panel_message"],
                "jobs": r["jobs"],
                "firmware": r["firmware"],
                "admin_user": r["admin_user"],
                "admin_password": r["admin_password"],
                "boot_count": r["boot_count"],
                "locked": r["locked"],
                "additional_network": r["additional_network"],
                "language": r["language"],
            })
        })
        .collect()
}

/// The codes of a list of `{code, params}` values.
fn codes(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|a| a["code"].as_str().unwrap().to_string())
        .collect()
}

/// RFC 4180: records of fields, quoted fields holding commas, quotes and line breaks.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\r', false) if chars.peek() == Some(&'\n') => {}
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (c, _) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(
        field.is_empty() && record.is_empty(),
        "last line unterminated"
    );
    records
}

const GENERAL: [&str; 3] = ["exchange-connector", "high-volume-email", "local-relay"];

#[tokio::test(flavor = "multi_thread")]
async fn the_practice_world_listed_device_by_device_without_a_change() {
    let (w, file) = WorldFile::start(WorldConfig::practice(), "inventory").await;
    let world = file.arg();
    let n = w.summary().devices.len();
    assert_eq!(n, 9);

    // Device 0 on OAuth2 (configured by printoauth) with a mail job since.
    let (code, _) = run_cli(
        CLI,
        &w,
        &[
            "--json",
            "--world",
            &world,
            "configure",
            "0",
            "--sender",
            ADMIN,
        ],
    )
    .await;
    assert_eq!(code, 0, "device 0 configured");
    let sent = control(&w, "POST", "/devices/0/scan", json!({"to": USER})).await;
    assert_eq!(sent["result"]["outcome"], "succeeded", "{sent}");

    let before = device_states(&w);

    // JSON.
    let (code, out) = run_cli(CLI, &w, &["--json", "--world", &world, "inventory"]).await;
    assert_eq!(code, 0, "{out}");
    let lines = json_lines(&out);
    let result = lines.iter().find_map(|l| l.get("result")).expect("result");
    let entries = result.as_array().unwrap();
    assert_eq!(entries.len(), n);
    for (i, e) in entries.iter().enumerate() {
        let s = &w.summary().devices[i];
        let r = serde_json::to_value(w.device(i).unwrap().report()).unwrap();
        assert_eq!(e["id"], i.to_string(), "{e}");
        // As the device names itself (discovery drops the vendor's own name).
        let model = e["model"].as_str().unwrap();
        assert!(s.model.ends_with(model), "{e}");
        assert_eq!(
            e["password_remembered"], false,
            "the command line keeps no password"
        );
        assert!(
            s.https_url.ends_with(e["address"].as_str().unwrap()),
            "the address with its port: {e}"
        );
        let vendor = serde_json::to_value(s.vendor).unwrap();
        assert_eq!(e["vendor"], vendor, "{e}");
        if vendor == "epson" {
            assert_eq!(e["read"], "read", "{e}");
            assert_eq!(e["error"], Value::Null, "{e}");
            assert_eq!(e["firmware"], r["firmware"], "{e}");
            assert_eq!(e["sender"], r["stored"]["sender"], "{e}");
        } else {
            // Another vendor: what it announces, and no driver reads it.
            assert_eq!(e["read"], "no-driver", "{e}");
            assert_eq!(e["firmware"], Value::Null);
            assert_eq!(e["oauth2"]["code"], "vendor-not-supported", "{e}");
            assert_eq!(e["oauth2"]["params"]["vendor"], vendor);
        }
    }
    let e = |i: usize| &entries[i];
    // Device 0: OAuth2, signed in as the administrator, its scan sent.
    assert_eq!(e(0)["oauth2"]["code"], "possible");
    assert_eq!(e(0)["auth_method"], "oauth2");
    assert_eq!(e(0)["email_service"], "exchange-online");
    assert_eq!(e(0)["signed_in"], true);
    assert_eq!(e(0)["account"], ADMIN);
    assert_eq!(e(0)["sender"], ADMIN);
    assert_eq!(e(0)["last_mail_job"]["succeeded"], true, "{}", e(0));
    assert_eq!(e(0)["last_mail_job"]["job_type"], "Scan to Email");
    assert!(e(0)["last_mail_job"]["time"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    assert_eq!(codes(&e(0)["alternatives"]), Vec::<String>::new());
    // Business, consumer and the older layout, on a password: they can move to OAuth2.
    for i in [1, 2, 8] {
        assert_eq!(e(i)["oauth2"]["code"], "possible", "{}", e(i));
        assert_eq!(e(i)["auth_method"], "smtp-auth", "{}", e(i));
        assert_eq!(e(i)["signed_in"], Value::Null);
        assert_eq!(codes(&e(i)["alternatives"]), Vec::<String>::new());
    }
    // A model no firmware gives OAuth2: the general alternatives.
    assert_eq!(e(3)["model"], "WF-2930 Series");
    assert_eq!(e(3)["oauth2"]["code"], "model-without", "{}", e(3));
    assert_eq!(e(3)["auth_method"], "smtp-auth");
    assert_eq!(codes(&e(3)["alternatives"]), GENERAL);
    let hve = &e(3)["alternatives"][1]["params"];
    assert_eq!(hve["basic_auth_until"], "2028-09");
    assert_eq!(hve["server"], "smtp-hve.office365.com");
    assert_eq!(e(3)["alternatives"][0]["params"]["port"], 25);
    // Reached over the additional network: the standard one first.
    assert_eq!(e(4)["oauth2"]["code"], "additional-network", "{}", e(4));
    assert_eq!(
        codes(&e(4)["alternatives"]),
        ["use-standard-network", GENERAL[0], GENERAL[1], GENERAL[2]]
    );
    // Brother and HP: the general alternatives; Canon documents OAuth 2.0 itself.
    for i in [5, 6] {
        assert_eq!(codes(&e(i)["alternatives"]), GENERAL, "{}", e(i));
    }
    assert_eq!(
        codes(&e(7)["alternatives"]),
        ["vendor-own-setup", GENERAL[0], GENERAL[1], GENERAL[2]]
    );

    // CSV: a header, one record per device, quoted where needed.
    let (code, csv) = run_cli(CLI, &w, &["--world", &world, "inventory", "--csv"]).await;
    assert_eq!(code, 0, "{csv}");
    let records = parse_csv(&csv);
    let header = &records[0];
    assert_eq!(header[0], "id");
    assert_eq!(header.len(), 25, "{header:?}");
    assert_eq!(records.len(), n + 1, "{csv}");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (i, rec) in records[1..].iter().enumerate() {
        assert_eq!(rec.len(), header.len(), "{rec:?}");
        assert_eq!(rec[col("id")], i.to_string());
        assert_eq!(rec[col("model")], e(i)["model"].as_str().unwrap());
        assert_eq!(
            rec[col("oauth2_reason")],
            e(i)["oauth2"]["code"].as_str().unwrap()
        );
        assert_eq!(
            rec[col("alternatives")],
            codes(&e(i)["alternatives"]).join(";")
        );
        let texts = &rec[col("alternatives_text")];
        assert_eq!(
            texts.lines().filter(|l| !l.is_empty()).count(),
            codes(&e(i)["alternatives"]).len(),
            "one sentence a line: {texts:?}"
        );
    }
    assert_eq!(records[1][col("oauth2")], "yes");
    assert_eq!(records[1][col("signed_in")], "yes");
    assert_eq!(records[1][col("account")], ADMIN);
    assert_eq!(records[1][col("last_mail_job_succeeded")], "yes");
    assert_eq!(records[4][col("oauth2")], "no");
    assert_eq!(records[4][col("auth_method_label")], "SMTP AUTH");
    // The High Volume Email sentence, in words, with its server.
    assert!(records[4][col("alternatives_text")].contains("smtp-hve.office365.com"));

    // The table, in English and in Hindi.
    let (code, table) = run_cli(CLI, &w, &["--world", &world, "--lang", "en", "inventory"]).await;
    assert_eq!(code, 0, "{table}");
    for e in entries {
        assert!(table.contains(e["model"].as_str().unwrap()), "{table}");
    }
    assert!(
        table.contains("SMTP AUTH") && table.contains(ADMIN),
        "{table}"
    );
    assert!(
        table.contains("instead: Connect the device through its standard network"),
        "{table}"
    );
    assert!(table.contains("9 devices"), "{table}");
    assert!(!table.contains('\u{1b}'));
    let (code, hindi) = run_cli(CLI, &w, &["--world", &world, "--lang", "hi", "inventory"]).await;
    assert_eq!(code, 0);
    assert!(hindi.contains("इसके बजाय"), "{hindi}");

    // Nothing any of the three readings did changed a device.
    assert_eq!(device_states(&w), before);
    w.stop();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_device_not_read_is_listed_with_what_is_known() {
    let mut old = device("WF-M5899 Series");
    old.firmware = None; // the model's older firmware, without OAuth2
    let (w, file) = WorldFile::start(
        WorldConfig {
            devices: vec![
                old,
                device("WF-C5890 Series"),
                DeviceConfig {
                    model: "MF632C/634C".into(),
                    ..Default::default()
                },
            ],
            ..Default::default()
        },
        "inventory-unread",
    )
    .await;
    let world = file.arg();
    let before = device_states(&w);

    // The firmware too old, from the vendor's list of models.
    let (code, out) = run_cli(CLI, &w, &["--json", "--world", &world, "inventory", "0"]).await;
    assert_eq!(code, 0, "{out}");
    let r = &json_lines(&out)[0]["result"][0];
    assert_eq!(r["oauth2"]["code"], "firmware-too-old", "{r}");
    assert_eq!(
        r["oauth2"]["params"]["firmware"],
        w.device(0).unwrap().report().firmware
    );
    assert_eq!(r["oauth2"]["params"]["since"], "25.04.MN09A1");
    assert_eq!(r["alternatives"][0]["code"], "update-firmware");
    assert_eq!(r["alternatives"][0]["params"]["since"], "25.04.MN09A1");

    // A refused password: listed with what the device announces, the error and its fix.
    let wrong = std::ffi::OsStr::new("not-the-password");
    let (code, out, _) = run_cli_with(
        CLI,
        &w,
        &["--json", "--world", &world, "inventory", "1", "2"],
        &[("PRINTOAUTH_ADMIN_PASSWORD", wrong)],
        false,
    )
    .await;
    assert_eq!(code, 1, "a device that refused the password: exit 1");
    let entries = json_lines(&out)[0]["result"].clone();
    assert_eq!(entries[0]["read"], "password-refused", "{entries}");
    assert_eq!(entries[0]["model"], "WF-C5890 Series");
    assert_eq!(entries[0]["vendor"], "epson");
    assert_eq!(entries[0]["error"]["code"], "device-login-rejected");
    assert_eq!(entries[0]["fix"]["code"], "check-admin-password");
    // The model is known to have OAuth2 from a firmware: not known until it is read.
    assert_eq!(entries[0]["oauth2"]["code"], "model-has-it", "{entries}");
    assert_eq!(entries[1]["read"], "no-driver");

    // No password at all (no practice world, not a terminal): the address alone.
    let pins =
        std::env::temp_dir().join(format!("printoauth-inv-pins-{}.json", std::process::id()));
    let url = w.summary().devices[1].https_url.clone();
    let (code, out) = run_cli(
        CLI,
        &w,
        &[
            "--json",
            "--pins",
            pins.to_str().unwrap(),
            "inventory",
            &url,
        ],
    )
    .await;
    let _ = std::fs::remove_file(&pins);
    assert_eq!(code, 0, "listing without reading is no failure: {out}");
    let e = &json_lines(&out)[0]["result"][0];
    assert_eq!(e["read"], "password-needed", "{e}");
    assert_eq!(e["oauth2"]["code"], "unknown");
    assert_eq!(e["id"], url);
    assert_eq!(e["alternatives"], json!([]));

    // The stored settings are as they were (a refused log-in counts, as on any device).
    let after = device_states(&w);
    for (a, b) in after.iter().zip(&before) {
        assert_eq!(a["stored"], b["stored"]);
        assert_eq!(a["oauth"], b["oauth"]);
        assert_eq!(a["jobs"], b["jobs"]);
    }
    w.stop();
}
