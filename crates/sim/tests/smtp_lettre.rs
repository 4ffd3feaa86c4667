//! Conformance of the Exchange-like SMTP submission emulator, driven by lettre (the
//! client the product and the emulated devices use) and by hand on the wire.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use lettre::address::Envelope;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::transport::smtp::response::Response;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use printoauth_sim::certs::WorldCa;
use printoauth_sim::clock::Clock;
use printoauth_sim::http::Shutdown;
use printoauth_sim::smtp::{self, Smtp, SmtpFaults};
use printoauth_sim::tenant::{
    Tenant, TenantConfig, UserConfig, ACCESS_TOKEN_LIFETIME, DEVICE_APP_CLIENT_ID, SMTP_SEND_SCOPE,
};
use printoauth_testkit::practice::{SCANNER, SCANNER_PW, USER};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const HOST: &str = "PR3P281CA0042.outlook.office365.com";
const RCPT: &str = "someone@fabrikam.example";

struct World {
    tenant: Tenant,
    smtp: Smtp,
    ca_pem: String,
    shutdown: Shutdown,
}

impl Drop for World {
    fn drop(&mut self) {
        self.shutdown.trigger();
    }
}

/// The SMTP emulator for the practice tenant as `tune` changes it.
async fn world(tune: impl FnOnce(&mut TenantConfig)) -> World {
    let mut cfg = TenantConfig::default();
    tune(&mut cfg);
    let tenant = Tenant::new(cfg, Clock::new());
    let ca = WorldCa::new();
    let leaf = ca.issue(
        "localhost",
        &["localhost".into()],
        &["127.0.0.1".parse().unwrap()],
    );
    let shutdown = Shutdown::new();
    let smtp = smtp::start(
        tenant.clone(),
        "127.0.0.1:0".parse().unwrap(),
        leaf.server_config(),
        HOST.into(),
        shutdown.clone(),
    )
    .await
    .expect("smtp server starts");
    World {
        tenant,
        smtp,
        ca_pem: ca.cert_pem.clone(),
        shutdown,
    }
}

fn token(w: &World, upn: &str) -> String {
    w.tenant
        .issue_access_token(upn, DEVICE_APP_CLIENT_ID, &[SMTP_SEND_SCOPE.into()])
}

/// A STARTTLS transport to the emulator, trusting the world CA; `creds` with
/// `mechanism`, or no authentication at all.
fn transport(
    w: &World,
    creds: Option<(&str, &str)>,
    mechanism: Mechanism,
) -> AsyncSmtpTransport<Tokio1Executor> {
    let tls = TlsParameters::builder("localhost".into())
        .add_root_certificate(Certificate::from_pem(w.ca_pem.as_bytes()).unwrap())
        .build_rustls()
        .unwrap();
    let mut b = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1")
        .port(w.smtp.addr().port())
        .timeout(Some(Duration::from_secs(10)))
        .tls(Tls::Required(tls));
    if let Some((user, secret)) = creds {
        b = b
            .credentials(Credentials::new(user.into(), secret.into()))
            .authentication(vec![mechanism]);
    }
    b.build()
}

fn oauth(w: &World, user: &str, token: &str) -> AsyncSmtpTransport<Tokio1Executor> {
    transport(w, Some((user, token)), Mechanism::Xoauth2)
}

/// The scanner mailbox's account in `t`.
fn scanner(t: &mut TenantConfig) -> &mut UserConfig {
    t.users.iter_mut().find(|u| u.upn == SCANNER).unwrap()
}

/// A message from the scanner mailbox to [`RCPT`], over XOAUTH2 with a fresh token.
async fn send_as_scanner(w: &World) -> Result<Response, lettre::transport::smtp::Error> {
    oauth(w, SCANNER, &token(w, SCANNER))
        .send(message(SCANNER, RCPT, "x", "x"))
        .await
}

/// The message of [`send_as_scanner`] with the header From `from`, in an envelope
/// from `envelope_from`.
async fn send_raw_as_scanner(
    w: &World,
    envelope_from: &str,
    from: &str,
) -> Result<Response, lettre::transport::smtp::Error> {
    let envelope = Envelope::new(
        Some(envelope_from.parse().unwrap()),
        vec![RCPT.parse().unwrap()],
    )
    .unwrap();
    let raw = message(from, RCPT, "x", "x").formatted();
    oauth(w, SCANNER, &token(w, SCANNER))
        .send_raw(&envelope, &raw)
        .await
}

/// With the tenant as `tune` makes it, the scanner mailbox's message is refused with
/// 535 and `text`, and nothing is stored.
async fn refused_as_scanner(tune: impl FnOnce(&mut TenantConfig), text: &str) {
    let w = world(tune).await;
    assert_reply(send_as_scanner(&w).await, 535, text);
    assert!(w.smtp.messages().is_empty());
}

/// The same with Basic authentication (LOGIN) and `password`.
async fn basic_as_scanner(
    w: &World,
    password: &str,
) -> Result<Response, lettre::transport::smtp::Error> {
    transport(w, Some((SCANNER, password)), Mechanism::Login)
        .send(message(SCANNER, RCPT, "x", "x"))
        .await
}

fn message(from: &str, to: &str, subject: &str, body: &str) -> Message {
    Message::builder()
        .from(from.parse::<Mailbox>().unwrap())
        .to(to.parse::<Mailbox>().unwrap())
        .subject(subject)
        .body(body.to_string())
        .unwrap()
}

/// Asserts that `r` failed with exactly `code` and `text` (the reply after the code).
fn assert_reply<T: std::fmt::Debug>(
    r: Result<T, lettre::transport::smtp::Error>,
    code: u16,
    text: &str,
) {
    let e = r.expect_err("the server should have refused");
    assert_eq!(e.status().map(u16::from), Some(code), "{e}");
    let kind = if code >= 500 {
        "permanent"
    } else {
        "transient"
    };
    assert_eq!(e.to_string(), format!("{kind} error ({code}): {text}"));
}

#[tokio::test]
async fn xoauth2_submission_is_stored() {
    let w = world(|_| {}).await;
    let t = oauth(&w, SCANNER, &token(&w, SCANNER));
    let body = "Scan attached.\r\n.a line that starts with a dot\r\n";
    let resp = t
        .send(message(SCANNER, RCPT, "Scan from EPSON4A3AAB", body))
        .await
        .expect("accepted");
    let first = resp.message().next().unwrap_or_default().to_string();
    assert!(
        first.starts_with("2.0.0 OK <") && first.ends_with(&format!("> [Hostname={HOST}]")),
        "{first}"
    );
    assert_eq!(u16::from(resp.code()), 250);

    let msgs = w.smtp.messages();
    assert_eq!(msgs.len(), 1);
    let m = &msgs[0];
    assert_eq!(m.auth_user, SCANNER);
    assert_eq!(m.mail_from, SCANNER);
    assert_eq!(m.rcpt_to, vec![RCPT.to_string()]);
    assert_eq!(m.subject.as_deref(), Some("Scan from EPSON4A3AAB"));
    assert!(first.contains(&m.id), "{first} / {}", m.id);
    assert!(
        m.data.contains("\r\n.a line that starts with a dot\r\n"),
        "{}",
        m.data
    );
    assert!(!m.data.contains("..a line"), "dot-stuffing must be undone");
    assert_eq!(w.smtp.messages_to("SOMEONE@fabrikam.example").len(), 1);
    assert!(w.smtp.messages_to(SCANNER).is_empty());

    let log = w.smtp.auth_log();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].user, SCANNER);
    assert_eq!(log[0].mechanism, "XOAUTH2");
    assert_eq!(log[0].code, 235);
    assert_eq!(log[0].text, "2.7.0 Authentication successful");

    w.smtp.clear();
    assert!(w.smtp.messages().is_empty());
    assert!(w.smtp.auth_log().is_empty());
}

#[tokio::test]
async fn smtp_auth_disabled_for_the_tenant() {
    refused_as_scanner(|t| t.smtp_auth_enabled = false, "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.").await;
}

#[tokio::test]
async fn smtp_auth_disabled_for_the_mailbox() {
    let w = world(|t| scanner(t).smtp_auth = Some(false)).await;
    let r = send_as_scanner(&w).await;
    assert_reply(r, 535, "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.");
    // Another mailbox, inheriting the organisation's setting, still works.
    oauth(&w, USER, &token(&w, USER))
        .send(message(USER, RCPT, "y", "y"))
        .await
        .expect("user@ inherits the enabled org setting");
    assert_eq!(w.smtp.messages().len(), 1);
}

#[tokio::test]
async fn mailbox_enabled_overrides_org_disabled() {
    let w = world(|t| {
        t.smtp_auth_enabled = false;
        scanner(t).smtp_auth = Some(true);
    })
    .await;
    oauth(&w, SCANNER, &token(&w, SCANNER))
        .send(message(SCANNER, RCPT, "override", "x"))
        .await
        .expect("the mailbox setting wins over the org's");
    assert_eq!(w.smtp.messages().len(), 1);
    let r = oauth(&w, USER, &token(&w, USER))
        .send(message(USER, RCPT, "x", "x"))
        .await;
    assert_reply(r, 535, "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.");
}

#[tokio::test]
async fn security_defaults_block_smtp_auth() {
    refused_as_scanner(|t| t.security_defaults = true, "5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.").await;
}

#[tokio::test]
async fn expired_token_is_refused() {
    let w = world(|_| {}).await;
    let tok = token(&w, SCANNER);
    w.tenant.clock().advance(ACCESS_TOKEN_LIFETIME + 1);
    let r = oauth(&w, SCANNER, &tok)
        .send(message(SCANNER, RCPT, "x", "x"))
        .await;
    assert_reply(r, 535, "5.7.3 Authentication unsuccessful");
    let log = w.smtp.auth_log();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].code, 535);
    assert!(log[0].detail.contains("expired"), "{}", log[0].detail);
    // A fresh token works again.
    send_as_scanner(&w).await.expect("fresh token");
}

#[tokio::test]
async fn token_of_another_user_is_refused() {
    let w = world(|_| {}).await;
    let r = oauth(&w, SCANNER, &token(&w, USER))
        .send(message(SCANNER, RCPT, "x", "x"))
        .await;
    assert_reply(r, 535, "5.7.3 Authentication unsuccessful");
    // A token from another tenant (other signing key) too.
    let foreign = Tenant::new(TenantConfig::default(), Clock::new()).issue_access_token(
        SCANNER,
        DEVICE_APP_CLIENT_ID,
        &[SMTP_SEND_SCOPE.into()],
    );
    let r = oauth(&w, SCANNER, &foreign)
        .send(message(SCANNER, RCPT, "x", "x"))
        .await;
    assert_reply(r, 535, "5.7.3 Authentication unsuccessful");
    assert!(w.smtp.messages().is_empty());
}

#[tokio::test]
async fn no_credentials_is_not_authenticated() {
    let w = world(|_| {}).await;
    let r = transport(&w, None, Mechanism::Xoauth2)
        .send(message(SCANNER, RCPT, "x", "x"))
        .await;
    assert_reply(
        r,
        530,
        &format!("5.7.57 Client not authenticated to send mail. [{HOST}]"),
    );
}

#[tokio::test]
async fn envelope_sender_must_be_the_mailbox_or_granted() {
    let w = world(|_| {}).await;
    let r = send_raw_as_scanner(&w, USER, SCANNER).await;
    assert_reply(
        r,
        550,
        "5.7.60 SMTP; Client does not have permissions to send as this sender",
    );
    assert!(w.smtp.messages().is_empty());

    // With Send As granted, the same envelope (and header) pass.
    let w = world(|t| scanner(t).send_as = vec![USER.into()]).await;
    send_raw_as_scanner(&w, USER, USER)
        .await
        .expect("Send As granted");
    let m = &w.smtp.messages()[0];
    assert_eq!(m.auth_user, SCANNER);
    assert_eq!(m.mail_from, USER);
}

#[tokio::test]
async fn header_from_must_be_the_mailbox() {
    let w = world(|_| {}).await;
    let denied = format!(
        "5.2.252 SendAsDenied; {SCANNER} not allowed to send as {USER}; \
             STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; \
             Failed to process message due to a permanent exception with message \
             [BeginDiagnosticData]Cannot submit message.[EndDiagnosticData] [Hostname={HOST}]"
    );
    let r = send_raw_as_scanner(&w, SCANNER, USER).await;
    assert_reply(r, 554, &denied);
    assert!(w.smtp.messages().is_empty());
}

#[tokio::test]
async fn basic_auth_login() {
    // Off (the default from the end of 2026): refused whatever the password.
    let w = world(|_| {}).await;
    let r = basic_as_scanner(&w, SCANNER_PW).await;
    assert_reply(
        r,
        550,
        "5.7.30 Basic authentication is not supported for Client Submission",
    );
    assert_eq!(w.smtp.auth_log()[0].mechanism, "LOGIN");
    assert_eq!(w.smtp.auth_log()[0].user, SCANNER);

    // SMTP AUTH off for the organisation: its 5.7.139 wins over 5.7.30.
    let w = world(|t| t.smtp_auth_enabled = false).await;
    let r = basic_as_scanner(&w, SCANNER_PW).await;
    assert_reply(r, 535, "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.");

    // Basic still enabled: the password decides.
    let w = world(|t| t.basic_auth_enabled = true).await;
    let r = basic_as_scanner(&w, "wrong").await;
    assert_reply(r, 535, "5.7.3 Authentication unsuccessful");
    transport(&w, Some((SCANNER, SCANNER_PW)), Mechanism::Login)
        .send(message(SCANNER, RCPT, "basic", "x"))
        .await
        .expect("basic auth with the right password");
    assert_eq!(w.smtp.messages()[0].auth_user, SCANNER);
}

#[tokio::test]
async fn xoauth2_with_a_bad_user_address() {
    let w = world(|_| {}).await;
    let r = oauth(&w, "scanner", &token(&w, SCANNER))
        .send(message(SCANNER, RCPT, "x", "x"))
        .await;
    assert_reply(
        r,
        501,
        "5.5.124 Invalid XOAUTH2 auth data - User address provided is not valid",
    );
}

#[tokio::test]
async fn unavailable_and_delay_faults() {
    let w = world(|_| {}).await;
    w.smtp.set_faults(SmtpFaults {
        unavailable_next: 1,
        ..Default::default()
    });
    let t = oauth(&w, SCANNER, &token(&w, SCANNER));
    let r = t.send(message(SCANNER, RCPT, "x", "x")).await;
    assert_reply(r, 421, "4.3.2 Service not available");
    assert_eq!(w.smtp.faults().unavailable_next, 0);

    w.smtp.set_faults(SmtpFaults {
        delay_ms: 40,
        ..Default::default()
    });
    let started = Instant::now();
    t.send(message(SCANNER, RCPT, "x", "x"))
        .await
        .expect("second connection served");
    // Banner, EHLO, STARTTLS, EHLO, AUTH, MAIL, RCPT, DATA, end of data: 9 replies.
    assert!(
        started.elapsed() >= Duration::from_millis(9 * 40),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(w.smtp.messages().len(), 1);
}

// ---- on the wire, by hand ----

struct Wire<S> {
    s: BufReader<S>,
}

impl<S: AsyncRead + AsyncWrite + Unpin> Wire<S> {
    /// Reads one reply (all its lines).
    async fn read(&mut self) -> Vec<String> {
        let mut lines = Vec::new();
        loop {
            let mut l = String::new();
            let n = tokio::time::timeout(Duration::from_secs(10), self.s.read_line(&mut l))
                .await
                .expect("reply in time")
                .unwrap();
            assert!(n > 0, "connection closed after {lines:?}");
            let l = l.trim_end_matches(['\r', '\n']).to_string();
            let more = l.as_bytes().get(3) == Some(&b'-');
            lines.push(l);
            if !more {
                return lines;
            }
        }
    }

    async fn cmd(&mut self, line: &str) -> Vec<String> {
        self.send(line.as_bytes()).await;
        self.send(b"\r\n").await;
        self.read().await
    }

    async fn send(&mut self, bytes: &[u8]) {
        self.s.get_mut().write_all(bytes).await.unwrap();
        self.s.get_mut().flush().await.unwrap();
    }
}

fn tls_connector(ca_pem: &str) -> tokio_rustls::TlsConnector {
    let mut roots = rustls::RootCertStore::empty();
    let der = rustls_pemfile::certs(&mut ca_pem.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    roots.add(der).unwrap();
    let cfg = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    tokio_rustls::TlsConnector::from(Arc::new(cfg))
}

#[tokio::test]
async fn wire_banner_ehlo_starttls_and_auth() {
    let w = world(|_| {}).await;
    let tcp = TcpStream::connect(w.smtp.addr()).await.unwrap();
    let mut c = Wire {
        s: BufReader::new(tcp),
    };
    let banner = c.read().await;
    assert_eq!(banner.len(), 1);
    let prefix = format!("220 {HOST} Microsoft ESMTP MAIL Service ready at ");
    assert!(banner[0].starts_with(&prefix), "{banner:?}");
    let date = &banner[0][prefix.len()..];
    chrono::DateTime::parse_from_rfc2822(date).expect("an RFC 2822 date");

    let ehlo = c.cmd("EHLO printer.local").await;
    assert_eq!(ehlo[0], format!("250-{HOST} Hello [127.0.0.1]"));
    assert!(ehlo.contains(&"250-STARTTLS".to_string()), "{ehlo:?}");
    assert!(ehlo.contains(&"250-SIZE 157286400".to_string()), "{ehlo:?}");
    assert!(!ehlo.iter().any(|l| l.contains("AUTH")), "{ehlo:?}");
    assert_eq!(ehlo.last().unwrap(), "250 SMTPUTF8");

    assert_eq!(
        c.cmd("AUTH XOAUTH2").await,
        vec!["504 5.7.4 Unrecognized authentication type"]
    );
    assert_eq!(
        c.cmd(&format!("MAIL FROM:<{SCANNER}>")).await,
        vec![format!(
            "530 5.7.57 Client not authenticated to send mail. [{HOST}]"
        )]
    );
    assert_eq!(
        c.cmd("FOO bar").await,
        vec!["500 5.3.3 Unrecognized command"]
    );
    assert_eq!(c.cmd("NOOP").await, vec!["250 2.0.0 OK"]);
    assert_eq!(c.cmd("STARTTLS").await, vec!["220 2.0.0 SMTP server ready"]);

    let tls = tls_connector(&w.ca_pem)
        .connect(
            rustls::pki_types::ServerName::try_from("localhost").unwrap(),
            c.s.into_inner(),
        )
        .await
        .expect("TLS handshake with the world CA");
    let mut c = Wire {
        s: BufReader::new(tls),
    };
    let ehlo = c.cmd("EHLO printer.local").await;
    let expected: Vec<String> = [
        format!("250-{HOST} Hello [127.0.0.1]"),
        "250-SIZE 157286400".into(),
        "250-PIPELINING".into(),
        "250-DSN".into(),
        "250-ENHANCEDSTATUSCODES".into(),
        "250-AUTH LOGIN XOAUTH2".into(),
        "250-8BITMIME".into(),
        "250-BINARYMIME".into(),
        "250-CHUNKING".into(),
        "250 SMTPUTF8".into(),
    ]
    .into();
    assert_eq!(ehlo, expected);
    assert_eq!(
        c.cmd("STARTTLS").await[0].split(' ').next(),
        Some("503"),
        "no second STARTTLS"
    );
    assert_eq!(
        c.cmd("AUTH PLAIN").await,
        vec!["504 5.7.4 Unrecognized authentication type"]
    );

    // XOAUTH2 in the continuation form.
    assert_eq!(c.cmd("AUTH XOAUTH2").await, vec!["334 "]);
    let sasl = format!(
        "user={SCANNER}\x01auth=Bearer {}\x01\x01",
        token(&w, SCANNER)
    );
    assert_eq!(
        c.cmd(&STANDARD.encode(sasl)).await,
        vec!["235 2.7.0 Authentication successful"]
    );

    // A message in two BDAT chunks.
    assert_eq!(
        c.cmd(&format!("MAIL FROM:<{SCANNER}> BODY=BINARYMIME"))
            .await,
        vec!["250 2.1.0 Sender OK"]
    );
    assert_eq!(c.cmd("DATA").await, vec!["503 5.5.1 Need rcpt command"]);
    assert_eq!(
        c.cmd(&format!("RCPT TO:<{RCPT}>")).await,
        vec!["250 2.1.5 Recipient OK"]
    );
    let part1 = format!("From: {SCANNER}\r\nTo: {RCPT}\r\nSubject: chunked\r\n\r\n");
    let part2 = ".not stuffed\r\n";
    c.send(format!("BDAT {}\r\n{part1}", part1.len()).as_bytes())
        .await;
    assert_eq!(c.read().await[0].split(' ').next(), Some("250"));
    c.send(format!("BDAT {} LAST\r\n{part2}", part2.len()).as_bytes())
        .await;
    let done = c.read().await;
    assert!(done[0].starts_with("250 2.0.0 OK <"), "{done:?}");
    assert_eq!(
        c.cmd("QUIT").await,
        vec!["221 2.0.0 Service closing transmission channel"]
    );
    let m = &w.smtp.messages()[0];
    assert_eq!(m.subject.as_deref(), Some("chunked"));
    assert_eq!(m.data, format!("{part1}{part2}"));
}

#[tokio::test]
async fn wire_tolerates_abrupt_clients_and_stops_on_shutdown() {
    let w = world(|_| {}).await;
    let addr: SocketAddr = w.smtp.addr();
    // A client that vanishes mid-line, one that sends an overlong line.
    {
        let mut tcp = TcpStream::connect(addr).await.unwrap();
        tcp.write_all(b"EHLO half").await.unwrap();
    }
    let tcp = TcpStream::connect(addr).await.unwrap();
    let mut c = Wire {
        s: BufReader::new(tcp),
    };
    c.read().await;
    let long = "NOOP ".to_string() + &"x".repeat(100_000);
    assert_eq!(c.cmd(&long).await, vec!["500 5.5.2 Line too long"]);
    assert_eq!(c.cmd("NOOP").await, vec!["250 2.0.0 OK"]);

    // Still serving others.
    send_as_scanner(&w).await.expect("server still up");

    w.shutdown.trigger();
    // The open session ends...
    let mut l = String::new();
    let n = tokio::time::timeout(Duration::from_secs(5), c.s.read_line(&mut l))
        .await
        .expect("session closed on shutdown")
        .unwrap_or(0);
    assert_eq!(n, 0, "{l}");
    // ...and the listener goes away.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if TcpStream::connect(addr).await.is_err() {
            break;
        }
        assert!(Instant::now() < deadline, "still accepting after shutdown");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
