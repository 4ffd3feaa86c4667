//! The driver against a Web Config flavour written apart from the emulator, with
//! other page paths, other field names and another page structure than
//! crates/sim: no log-in page at the known path (a "Log in" link leads to it), a
//! menu without nesting, labels in two-cell table rows ending in ":", label wording
//! that differs ("E-mail Service", "From Address", "SMTP Server"), script links and
//! buttons outside the forms (`forms[0]`, a link naming its form), "OAuth 2.0" as the
//! option text, "Signed in as …" as the status, "Settings saved." after OK, and a
//! sign-in that starts either from "Sign in with Microsoft" on the settings page
//! itself or at once from "Sign In". Plain HTTP on loopback, as a tiny server here.

mod common;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{save_and_verify, wait_signed_in};
use printoauth_core::devices::{
    AdminCredentials, AuthMethod, ConnectOptions, DeviceAddress, DeviceDriver, EpsonWebConfig,
    OAuthTarget, SignInStatus,
};
use printoauth_testkit::practice::ADMIN;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const PW: &str = "foreign-pw";
const CODE: &str = "FOREIGN42";

#[derive(Default)]
struct Device {
    /// Sign In starts the sign-in at once (else: "Sign in with Microsoft" on the page).
    start_at_once: bool,
    logged_in: bool,
    pending: bool,
    approved: bool,
    stored: HashMap<String, String>,
}

type Shared = Arc<Mutex<Device>>;

fn form_pairs(body: &str) -> HashMap<String, String> {
    url::form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect()
}

fn page(title: &str, body: &str) -> String {
    format!("<html><head><title>{title}</title></head><body><div id=\"nav\"><a href=\"/cgi/status\">Product Status</a> | <a href=\"/cgi/login\">Log in</a> | <a href=\"/cgi/mail\">Basic</a></div>{body}</body></html>")
}

fn login_form() -> String {
    page(
        "Printer",
        "<script>function doLogin(){ document.forms[0].submit(); }</script>\
         <form method=\"post\" action=\"/cgi/login\"><table><tr><td>Password:</td><td><input type=\"password\" name=\"pw\"></td></tr></table></form>\
         <p><button type=\"button\" onclick=\"doLogin()\">Log in</button></p>",
    )
}

fn select(name: &str, options: &[&str], chosen: &str) -> String {
    let opts: String = options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let sel = if *o == chosen { " selected" } else { "" };
            format!("<option value=\"v{i}\"{sel}>{o}</option>")
        })
        .collect();
    format!("<select name=\"{name}\">{opts}</select>")
}

fn shown(options: &[&str], value: Option<&String>, default: &str) -> String {
    value
        .and_then(|v| v.strip_prefix('v'))
        .and_then(|i| i.parse::<usize>().ok())
        .and_then(|i| options.get(i))
        .map(|s| s.to_string())
        .unwrap_or_else(|| default.to_string())
}

const AUTH: &[&str] = &["Off", "SMTP AUTH", "OAuth 2.0"];
const SERVICE: &[&str] = &["Microsoft Exchange Online", "Outlook.com"];
const SECURE: &[&str] = &["None", "STARTTLS", "SSL/TLS"];
const CERT: &[&str] = &["On", "Off"];

fn mail_page(d: &Device) -> String {
    let g = |k: &str| d.stored.get(k);
    let status = if d.approved {
        format!("Signed in as {ADMIN}")
    } else {
        "Signed out".into()
    };
    let row = |l: &str, c: String| format!("<tr><td>{l}:</td><td>{c}</td></tr>");
    let sign_in = if d.start_at_once {
        "<a href=\"#\" onclick=\"document.getElementById('signin').submit(); return false;\">Sign In</a>"
    } else {
        "<a href=\"#\" onclick=\"document.getElementById('signin').submit(); return false;\">Sign in with Microsoft</a>"
    };
    page(
        "Printer",
        &format!(
            "<h2>Mail</h2><form id=\"mailForm\" method=\"post\" action=\"/cgi/mail\"><table>{}{}{}{}{}{}{}{}</table></form>\
             <form id=\"signin\" method=\"post\" action=\"/cgi/signin\"><input type=\"hidden\" name=\"t\" value=\"1\"></form>\
             <p>{sign_in}</p><p><button type=\"button\" onclick=\"document.getElementById('mailForm').submit()\">OK</button></p>",
            row("Authentication Method", select("am", AUTH, &shown(AUTH, g("am"), "SMTP AUTH"))),
            row("E-mail Service", select("svc", SERVICE, &shown(SERVICE, g("svc"), SERVICE[0]))),
            row("Current Status", format!("<span>{status}</span>")),
            row(
                "From Address",
                format!(
                    "<input name=\"from\" value=\"{}\">",
                    g("from").cloned().unwrap_or_default()
                )
            ),
            row(
                "SMTP Server",
                format!(
                    "<input name=\"srv\" value=\"{}\">",
                    g("srv").cloned().unwrap_or_else(|| "smtp.office365.com".into())
                )
            ),
            row(
                "Port Number",
                format!(
                    "<input name=\"port\" value=\"{}\">",
                    g("port").cloned().unwrap_or_else(|| "25".into())
                )
            ),
            row("Secure Connection", select("sec", SECURE, &shown(SECURE, g("sec"), "None"))),
            row("Certificate Validation", select("cv", CERT, &shown(CERT, g("cv"), "Off"))),
        ),
    )
}

fn code_page() -> String {
    page(
        "Printer",
        &format!("<meta http-equiv=\"refresh\" content=\"5; url=/cgi/oauth\"><p>To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code {CODE} to authenticate.</p>"),
    )
}

fn handle(d: &Shared, method: &str, path: &str, cookie: bool, body: &str) -> (u16, String, bool) {
    let mut d = d.lock().unwrap();
    let authed = cookie && d.logged_in;
    match (method, path) {
        ("GET", "/PRESENTATION/ADVANCED/COMMON/TOP") | ("POST", "/PRESENTATION/ADVANCED/COMMON/TOP") => {
            (200, page("Printer", "<p>Welcome</p>"), false)
        }
        ("GET", "/cgi/login") => (200, login_form(), false),
        ("POST", "/cgi/login") => {
            if form_pairs(body).get("pw").map(String::as_str) == Some(PW) {
                d.logged_in = true;
                (200, page("Printer", "<p>Logged in.</p>"), true)
            } else {
                (200, page("Printer", "<p class=\"error\">Wrong password.</p>"), false)
            }
        }
        ("GET", "/cgi/status") => (
            200,
            page("Printer", "<table><tr><td>Model:</td><td>XP-FOREIGN 1</td></tr><tr><td>Firmware:</td><td>9.9</td></tr></table>"),
            false,
        ),
        (_, "/cgi/mail" | "/cgi/signin" | "/cgi/oauth") if !authed => (200, login_form(), false),
        ("GET", "/cgi/mail") => (200, mail_page(&d), false),
        ("POST", "/cgi/mail") => {
            d.stored.extend(form_pairs(body));
            (200, page("Printer", "<p class=\"info\">Settings saved.</p>"), false)
        }
        ("POST", "/cgi/signin") => {
            d.pending = true;
            (200, code_page(), false)
        }
        ("GET", "/cgi/oauth") => {
            let status = if d.approved {
                format!("Signed in as {ADMIN}")
            } else {
                "Signed out".into()
            };
            let code = if d.pending && !d.approved {
                format!("<tr><td>Code:</td><td>{CODE}</td></tr>")
            } else {
                String::new()
            };
            (
                200,
                page(
                    "Printer",
                    &format!("<table><tr><td>Current Status:</td><td>{status}</td></tr>{code}<tr><td>Authenticated Account:</td><td>{}</td></tr></table>", if d.approved { ADMIN } else { "" }),
                ),
                false,
            )
        }
        _ => (404, "<html><head><title>Not Found</title></head><body>Not Found</body></html>".into(), false),
    }
}

async fn serve(start_at_once: bool) -> (Shared, u16) {
    let d: Shared = Arc::new(Mutex::new(Device {
        start_at_once,
        ..Default::default()
    }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let dev = d.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            let dev = dev.clone();
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                let head_end = loop {
                    let n = sock.read(&mut chunk).await.unwrap_or(0);
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                        break i + 4;
                    }
                };
                let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
                let len: usize = head
                    .lines()
                    .find_map(|l| {
                        let (k, v) = l.split_once(':')?;
                        k.eq_ignore_ascii_case("content-length")
                            .then(|| v.trim().parse().ok())?
                    })
                    .unwrap_or(0);
                while buf.len() < head_end + len {
                    let n = sock.read(&mut chunk).await.unwrap_or(0);
                    if n == 0 {
                        break;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                }
                let body = String::from_utf8_lossy(&buf[head_end..]).to_string();
                let mut first = head.lines().next().unwrap_or("").split(' ');
                let method = first.next().unwrap_or("").to_string();
                let target = first.next().unwrap_or("/").to_string();
                let path = target.split('?').next().unwrap_or("/").to_string();
                let cookie = head
                    .lines()
                    .any(|l| l.to_ascii_lowercase().starts_with("cookie:") && l.contains("SID=ok"));
                let (status, html, set_cookie) = handle(&dev, &method, &path, cookie, &body);
                let reason = if status == 200 { "OK" } else { "Not Found" };
                let cookie_line = if set_cookie {
                    "Set-Cookie: SID=ok; Path=/\r\n"
                } else {
                    ""
                };
                let resp = format!(
                    "HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n{cookie_line}Connection: close\r\n\r\n{html}",
                    html.len()
                );
                let _ = sock.write_all(resp.as_bytes()).await;
                let _ = sock.shutdown().await;
            });
        }
    });
    (d, port)
}

async fn guide(start_at_once: bool) {
    let (dev, port) = serve(start_at_once).await;
    let d = EpsonWebConfig::new(
        DeviceAddress::with_ports("127.0.0.1", None, Some(port)),
        ConnectOptions {
            allow_http: true,
            retry_delay: Duration::from_millis(100),
            ..Default::default()
        },
    );
    d.login(&AdminCredentials::new(PW)).await.unwrap();
    let caps = d.mail_capabilities().await.unwrap();
    assert!(caps.oauth2_available, "{caps:?}");
    assert!(!caps.additional_network);
    assert_eq!(caps.model.as_deref(), Some("XP-FOREIGN 1"));
    let before = d.read_email_settings().await.unwrap();
    assert_eq!(before.auth_method, AuthMethod::SmtpAuth, "{before:?}");
    let target = OAuthTarget::exchange_online(ADMIN);
    d.configure_oauth2(&target).await.unwrap();
    let code = d.start_sign_in().await.unwrap();
    assert_eq!(code.user_code, CODE);
    assert_eq!(code.verification_uri, "https://microsoft.com/devicelogin");
    assert_eq!(
        d.sign_in_status().await.unwrap(),
        SignInStatus::Pending { code: CODE.into() }
    );
    dev.lock().unwrap().approved = true;
    assert_eq!(wait_signed_in(&d).await.as_deref(), Some(ADMIN));
    let after = save_and_verify(&d, &target).await;
    assert_eq!(after.sender.as_deref(), Some(ADMIN));
    let stored = dev.lock().unwrap().stored.clone();
    assert_eq!(
        stored.get("am").map(String::as_str),
        Some("v2"),
        "{stored:?}"
    );
    assert_eq!(stored.get("from").map(String::as_str), Some(ADMIN));
}

#[tokio::test]
async fn sign_in_with_microsoft_offered_on_the_settings_page() {
    guide(false).await;
}

#[tokio::test]
async fn sign_in_that_starts_at_once() {
    guide(true).await;
}
