//! What a new user may type or point printoauth at, tried as they would: an address
//! where nothing listens, a web server that is not a printer, a sender that is not an
//! address. Each gets its own clear answer, at once.

use std::net::TcpListener;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const CLI: &str = env!("CARGO_BIN_EXE_printoauth");

fn cli(args: &[&str]) -> (Output, Duration) {
    cli_owned(args.iter().map(|a| a.to_string()).collect())
}

fn cli_owned(args: Vec<String>) -> (Output, Duration) {
    let started = Instant::now();
    let out = Command::new(CLI)
        .args(args)
        .env("PRINTOAUTH_ADMIN_PASSWORD", "Some-Password-1")
        .env("PRINTOAUTH_LANG", "en")
        .env(
            "PRINTOAUTH_PINS",
            std::env::temp_dir().join(format!("printoauth-pins-{}.json", std::process::id())),
        )
        .env(
            "PRINTOAUTH_AUDIT",
            std::env::temp_dir().join(format!("printoauth-audit-{}.sqlite3", std::process::id())),
        )
        .output()
        .unwrap();
    (out, started.elapsed())
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

/// The failure of the only device of a `configure --json` run.
fn failure(out: &Output) -> Value {
    json_lines(out)
        .iter()
        .find_map(|l| l.get("result"))
        .expect("result line")[0]["state"]
        .clone()
}

/// A loopback port nothing listens on.
fn closed_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    drop(l);
    port
}

#[test]
fn an_address_where_nothing_listens_is_not_reachable_within_seconds() {
    let port = closed_port();
    let https = format!("127.0.0.1:{port}");
    let http = format!("http://127.0.0.1:{port}");
    for (args, code) in [
        (
            vec!["--json", "configure", &https],
            "device-https-unavailable",
        ),
        (
            vec!["--json", "--allow-http", "configure", &http],
            "device-unreachable",
        ),
    ] {
        let mut args = args.clone();
        args.extend(["--sender", "scanner@contoso.example"]);
        let (out, took) = cli(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let state = failure(&out);
        assert_eq!(state["error"]["code"], code, "{args:?}: {state}");
        assert_eq!(state["fix"]["code"], "check-device-connection", "{state}");
        assert!(
            took < Duration::from_secs(10),
            "{args:?}: {took:?} before saying the device does not answer"
        );
    }
}

/// A web server that is not a printer: `reply` answers every request.
async fn web_server(reply: fn(&str) -> String) -> u16 {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = l.local_addr().unwrap().port();
    tokio::spawn(async move {
        loop {
            let Ok((mut s, _)) = l.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                let n = s.read(&mut buf).await.unwrap_or(0);
                let head = String::from_utf8_lossy(&buf[..n]).to_string();
                let _ = s.write_all(reply(&head).as_bytes()).await;
                let _ = s.shutdown().await;
            });
        }
    });
    port
}

/// `configure` of the device at `url` (plain HTTP allowed), as JSON lines when `json`.
async fn configure_at(url: &str, json: bool) -> (Output, Duration) {
    let mut args = vec![
        "--allow-http",
        "configure",
        url,
        "--sender",
        "scanner@contoso.example",
    ];
    if json {
        args.insert(0, "--json");
    }
    let args: Vec<String> = args.into_iter().map(String::from).collect();
    tokio::task::spawn_blocking(move || cli_owned(args))
        .await
        .unwrap()
}

fn answer(status: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_web_server_that_is_not_a_printer_is_named_as_such() {
    // A file server: pages for GET (404 for paths it lacks), 501 for POST.
    let files = web_server(|req| {
        if req.starts_with("POST") {
            answer("501 Unsupported method", "<h1>Error 501</h1>")
        } else if req.starts_with("GET / ") {
            answer("200 OK", "<html><title>Index of /</title></html>")
        } else {
            answer("404 Not Found", "<h1>Error 404</h1>")
        }
    })
    .await;
    // A site that shows its home page whatever is asked.
    let site = web_server(|_| {
        answer(
            "200 OK",
            "<html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>",
        )
    })
    .await;
    for port in [files, site] {
        let url = format!("http://127.0.0.1:{port}");
        let (out, took) = configure_at(&url, true).await;
        assert_eq!(out.status.code(), Some(1));
        let state = failure(&out);
        assert_eq!(state["error"]["code"], "device-not-recognised", "{state}");
        assert_eq!(state["fix"]["code"], "check-device-address", "{state}");
        assert_eq!(state["fix"]["params"]["address"], "127.0.0.1", "{state}");
        assert!(
            state["manual"].is_null(),
            "no steps by hand on a page that is not a device's"
        );
        assert!(took < Duration::from_secs(10), "{took:?}");
        // In words, without a code in front.
        let (out, _) = configure_at(&url, false).await;
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("does not show a device page printoauth knows")
                && text.contains("Check that 127.0.0.1 is the device's own address"),
            "{text}"
        );
    }
}

#[test]
fn a_sender_that_is_not_an_address_is_refused_before_anything_is_asked() {
    // The device address is one nothing listens on: a refused sender must not even
    // get as far as trying it (or asking for its password).
    let device = format!("127.0.0.1:{}", closed_port());
    let (out, took) = cli(&[
        "--json",
        "configure",
        &device,
        "--sender",
        "scanner at contoso",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1, "only the error: {lines:?}");
    assert_eq!(lines[0]["error"]["code"], "run-sender-invalid");
    assert_eq!(lines[0]["error"]["params"]["address"], "scanner at contoso");
    assert!(took < Duration::from_secs(5));
    let (out, _) = cli(&["configure", &device, "--sender", "scanner at contoso"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("“scanner at contoso” is not a mail address."),
        "{err}"
    );
    assert!(
        !err.contains("run-sender-invalid"),
        "words, not the code: {err}"
    );
}

#[test]
fn the_clis_own_errors_are_words_and_codes_only_in_json() {
    let missing = std::env::temp_dir().join("printoauth-no-such-world.json");
    let missing = missing.to_str().unwrap();
    for (args, code, words) in [
        (
            vec!["configure", "a b", "--sender", "scanner@contoso.example"],
            "address-unreadable",
            "“a b” is not an address printoauth can read",
        ),
        (
            vec!["--world", missing, "status", "1"],
            "world-file-unreadable",
            "The practice world file",
        ),
    ] {
        let (out, _) = cli(&args);
        assert_eq!(out.status.code(), Some(3), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("printoauth: ") && err.contains(words),
            "{err}"
        );
        assert!(!err.contains(code), "no raw code in words: {err}");
        let mut json = vec!["--json"];
        json.extend(args);
        let (out, _) = cli(&json);
        let lines = json_lines(&out);
        assert_eq!(lines[0]["error"]["code"], code, "{lines:?}");
    }
    // No password and no terminal: what to set, in the chosen language.
    let out = Command::new(CLI)
        .args([
            "--lang",
            "lt",
            "configure",
            "192.0.2.1",
            "--sender",
            "scanner@contoso.example",
        ])
        .env_remove("PRINTOAUTH_ADMIN_PASSWORD")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("administratoriaus slaptažodžio") && err.contains("PRINTOAUTH_ADMIN_PASSWORD"),
        "{err}"
    );
}

/// Text anyone on the network can announce: a TXT record's model with terminal
/// colour sequences, a window-title escape, a right-to-left override, control
/// characters and 150 characters reaches the terminal as plain, bounded text.
#[tokio::test(flavor = "multi_thread")]
async fn hostile_txt_text_reaches_the_terminal_as_plain_text() {
    use printoauth_sim::config::WorldConfig;
    use printoauth_sim::world::World;
    let w = World::start(WorldConfig::with_epson_devices(1))
        .await
        .unwrap();
    let mut summary = w.summary();
    let hostile = format!(
        "\u{1b}[31mWF-C5890\u{1b}[0m \u{1b}]0;owned\u{7} \u{202e}seireS\u{202c} a\u{0}b\u{8}c {}",
        "X".repeat(150)
    );
    for s in &mut summary.devices[0].services {
        for (k, v) in &mut s.txt {
            if ["usb_MDL", "ty", "product"].contains(&k.as_str()) {
                *v = hostile.clone();
            }
        }
    }
    let path = std::env::temp_dir().join(format!("printoauth-hostile-{}.json", std::process::id()));
    std::fs::write(&path, serde_json::to_vec(&summary).unwrap()).unwrap();
    let (out, _) = cli(&["--world", path.to_str().unwrap(), "discover"]);
    let _ = std::fs::remove_file(&path);
    w.stop();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("WF-C5890"),
        "the model is still shown: {text}"
    );
    for bad in ['\u{1b}', '\u{202e}', '\u{202c}', '\u{0}', '\u{8}', '\u{7}'] {
        assert!(
            !text.contains(bad),
            "{bad:?} reached the terminal: {text:?}"
        );
    }
    assert!(
        !text.contains("owned"),
        "an escape's payload reached the terminal: {text}"
    );
    for line in text.lines() {
        assert!(
            line.chars().count() <= 240,
            "line of {} characters: {line}",
            line.chars().count()
        );
    }
    // The machine-readable output keeps the text as announced (it is data).
    let (out, _) = {
        let w = World::start(WorldConfig::with_epson_devices(1))
            .await
            .unwrap();
        let mut summary = w.summary();
        for s in &mut summary.devices[0].services {
            for (k, v) in &mut s.txt {
                if k == "usb_MDL" {
                    *v = "\u{202e}seireS 0985C-FW".into();
                }
            }
        }
        let path = std::env::temp_dir().join(format!(
            "printoauth-hostile-json-{}.json",
            std::process::id()
        ));
        std::fs::write(&path, serde_json::to_vec(&summary).unwrap()).unwrap();
        let r = cli(&["--json", "--world", path.to_str().unwrap(), "discover"]);
        let _ = std::fs::remove_file(&path);
        w.stop();
        r
    };
    let lines = json_lines(&out);
    assert!(
        lines[0]["result"][0]["model"]
            .as_str()
            .is_some_and(|m| m.contains('\u{202e}')),
        "{lines:?}"
    );
}
