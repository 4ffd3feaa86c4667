//! The Exchange-like SMTP submission server: port 587 style, STARTTLS, then SASL
//! XOAUTH2 (or LOGIN, Basic) checked against the tenant, then the envelope and the
//! header From checked against the signed-in mailbox and its Send As grants.
//!
//! Reply texts follow the reference (`identity-and-smtp.md`, "SMTP submission with
//! OAuth" and "Failures and their fixes"); where it is silent they imitate Exchange
//! Online's style (`<code> <enhanced code> <text>`).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use base64::Engine;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;

use crate::http::Shutdown;
use crate::tenant::{Tenant, TokenError};

/// The message size limit announced in EHLO (150 MiB, as Exchange Online).
pub const MAX_MESSAGE_SIZE: usize = 157_286_400;
/// Longest command line accepted (an XOAUTH2 initial response carries a whole JWT).
const MAX_COMMAND_LINE: usize = 16 * 1024;
/// Most recipients per message.
const MAX_RECIPIENTS: usize = 500;
/// A connection idle this long is dropped.
const IDLE_TIMEOUT: Duration = Duration::from_secs(600);

pub const REPLY_UNAVAILABLE: &str = "421 4.3.2 Service not available";
pub const REPLY_STARTTLS: &str = "220 2.0.0 SMTP server ready";
pub const REPLY_AUTH_OK: &str = "235 2.7.0 Authentication successful";
pub const REPLY_AUTH_UNSUCCESSFUL: &str = "535 5.7.3 Authentication unsuccessful";
pub const REPLY_AUTH_UNRECOGNIZED: &str = "504 5.7.4 Unrecognized authentication type";
pub const REPLY_SMTP_AUTH_DISABLED_TENANT: &str = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.";
pub const REPLY_SMTP_AUTH_DISABLED_MAILBOX: &str = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.";
pub const REPLY_SECURITY_DEFAULTS: &str = "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.";
pub const REPLY_BASIC_AUTH_UNSUPPORTED: &str =
    "550 5.7.30 Basic authentication is not supported for Client Submission";
pub const REPLY_SEND_AS_ENVELOPE: &str =
    "550 5.7.60 SMTP; Client does not have permissions to send as this sender";
pub const REPLY_XOAUTH2_BAD_USER: &str =
    "501 5.5.124 Invalid XOAUTH2 auth data - User address provided is not valid";
pub const REPLY_QUIT: &str = "221 2.0.0 Service closing transmission channel";
pub const REPLY_UNRECOGNIZED: &str = "500 5.3.3 Unrecognized command";

/// Faults the control API can inject.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SmtpFaults {
    /// Delay before each reply, milliseconds.
    #[serde(default)]
    pub delay_ms: u64,
    /// The next N connections get `421 4.3.2 Service not available` and are closed.
    #[serde(default)]
    pub unavailable_next: u32,
    /// Refuse every XOAUTH2 token the way RFC 7628 servers do (other providers, not
    /// Exchange): a `334` challenge carrying a base64 JSON error, then `535 5.7.8`
    /// after the client's empty answer.
    #[serde(default)]
    pub xoauth2_challenge: bool,
}

/// A message accepted for delivery.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoredMessage {
    pub id: String,
    /// The mailbox that authenticated the session.
    pub auth_user: String,
    /// Envelope sender (MAIL FROM).
    pub mail_from: String,
    /// Envelope recipients (RCPT TO).
    pub rcpt_to: Vec<String>,
    /// The raw message as received (dot-unstuffed for DATA).
    pub data: String,
    /// The Subject header, unfolded and RFC 2047 decoded.
    pub subject: Option<String>,
    pub received_at: DateTime<Utc>,
}

/// One AUTH command and how it ended.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AuthAttempt {
    /// The user the client named (XOAUTH2 `user=`, LOGIN user name); empty if none
    /// could be decoded.
    pub user: String,
    /// The mechanism as the client named it, upper case (`XOAUTH2`, `LOGIN`, ...).
    pub mechanism: String,
    /// The reply code (235 on success).
    pub code: u16,
    /// The reply text after the code, e.g. `5.7.3 Authentication unsuccessful`.
    pub text: String,
    /// Why the server decided so (e.g. "token expired"), for diagnostics.
    pub detail: String,
    pub at: DateTime<Utc>,
}

impl AuthAttempt {
    pub fn succeeded(&self) -> bool {
        self.code == 235
    }
}

/// A running SMTP submission server.
#[derive(Clone)]
pub struct Smtp {
    inner: Arc<Inner>,
}

struct Inner {
    addr: SocketAddr,
    host: String,
    tenant: Tenant,
    tls: TlsAcceptor,
    messages: Mutex<Vec<StoredMessage>>,
    faults: Mutex<SmtpFaults>,
    auth_log: Mutex<Vec<AuthAttempt>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Binds `addr` and serves SMTP submission until `shutdown`.
pub async fn start(
    tenant: Tenant,
    addr: SocketAddr,
    tls: Arc<rustls::ServerConfig>,
    host: String,
    shutdown: Shutdown,
) -> std::io::Result<Smtp> {
    let listener = TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    let smtp = Smtp {
        inner: Arc::new(Inner {
            addr: local,
            host,
            tenant,
            tls: TlsAcceptor::from(tls),
            messages: Mutex::new(Vec::new()),
            faults: Mutex::new(SmtpFaults::default()),
            auth_log: Mutex::new(Vec::new()),
        }),
    };
    let server = smtp.clone();
    tokio::spawn(async move {
        while let Some((stream, peer)) = crate::http::accept(&listener, &shutdown).await {
            let server = server.clone();
            let shutdown = shutdown.clone();
            tokio::spawn(async move {
                tokio::select! {
                    r = server.connection(stream, peer) => {
                        if let Err(e) = r {
                            tracing::debug!("smtp session with {peer}: {e}");
                        }
                    }
                    _ = shutdown.wait() => {}
                }
            });
        }
        tracing::debug!("smtp server on {local} stopped");
    });
    Ok(smtp)
}

impl Smtp {
    pub fn addr(&self) -> SocketAddr {
        self.inner.addr
    }

    /// The host name the server announces.
    pub fn host(&self) -> &str {
        &self.inner.host
    }

    /// Every message accepted so far, oldest first.
    pub fn messages(&self) -> Vec<StoredMessage> {
        lock(&self.inner.messages).clone()
    }

    /// Messages with `rcpt` among their envelope recipients (case-insensitive).
    pub fn messages_to(&self, rcpt: &str) -> Vec<StoredMessage> {
        lock(&self.inner.messages)
            .iter()
            .filter(|m| m.rcpt_to.iter().any(|r| r.eq_ignore_ascii_case(rcpt)))
            .cloned()
            .collect()
    }

    /// Forgets stored messages and the AUTH log.
    pub fn clear(&self) {
        lock(&self.inner.messages).clear();
        lock(&self.inner.auth_log).clear();
    }

    pub fn set_faults(&self, f: SmtpFaults) {
        *lock(&self.inner.faults) = f;
    }

    pub fn faults(&self) -> SmtpFaults {
        lock(&self.inner.faults).clone()
    }

    /// Every AUTH command so far, oldest first.
    pub fn auth_log(&self) -> Vec<AuthAttempt> {
        lock(&self.inner.auth_log).clone()
    }

    /// Whether this connection is to be refused (consumes one `unavailable_next`).
    fn take_unavailable(&self) -> bool {
        crate::http::take_one(&mut lock(&self.inner.faults).unavailable_next)
    }

    async fn connection(&self, stream: TcpStream, peer: SocketAddr) -> std::io::Result<()> {
        let _ = stream.set_nodelay(true);
        let mut s = Session {
            smtp: self.clone(),
            io: Some(BufReader::new(Box::new(stream))),
            peer,
            tls: false,
            greeted: false,
            auth_user: None,
            tx: None,
        };
        if self.take_unavailable() {
            s.reply(REPLY_UNAVAILABLE).await?;
            return s.close().await;
        }
        let banner = format!(
            "220 {} Microsoft ESMTP MAIL Service ready at {}",
            self.inner.host,
            self.inner.tenant.clock().now().to_rfc2822()
        );
        s.reply(&banner).await?;
        s.run().await
    }
}

trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Stream for T {}
type Io = BufReader<Box<dyn Stream>>;

enum Line {
    Data(Vec<u8>),
    TooLong,
    Eof,
}

/// Reads one line (terminator included), at most `max` bytes; a longer line is
/// consumed up to its end and reported as `TooLong`.
async fn read_line(r: &mut Io, max: usize) -> std::io::Result<Line> {
    let mut out = Vec::new();
    let mut too_long = false;
    loop {
        let buf = r.fill_buf().await?;
        if buf.is_empty() {
            return Ok(Line::Eof);
        }
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..=i], true),
            None => (buf, false),
        };
        let n = chunk.len();
        if !too_long {
            if out.len() + n > max {
                too_long = true;
                out = Vec::new();
            } else {
                out.extend_from_slice(chunk);
            }
        }
        r.consume(n);
        if done {
            return Ok(if too_long {
                Line::TooLong
            } else {
                Line::Data(out)
            });
        }
    }
}

fn trim_eol(line: &[u8]) -> String {
    let mut l = line;
    while let Some((&last, rest)) = l.split_last() {
        if last == b'\n' || last == b'\r' {
            l = rest;
        } else {
            break;
        }
    }
    String::from_utf8_lossy(l).into_owned()
}

/// The mail transaction in progress.
#[derive(Default)]
struct Transaction {
    mail_from: String,
    rcpt_to: Vec<String>,
    /// BDAT chunks received so far (Some once BDAT was used).
    bdat: Option<Vec<u8>>,
    oversize: bool,
}

enum Flow {
    Continue,
    Close,
}

struct Session {
    smtp: Smtp,
    io: Option<Io>,
    peer: SocketAddr,
    tls: bool,
    greeted: bool,
    auth_user: Option<String>,
    tx: Option<Transaction>,
}

impl Session {
    fn io(&mut self) -> &mut Io {
        self.io.as_mut().expect("stream present")
    }

    fn host(&self) -> &str {
        &self.smtp.inner.host
    }

    fn tenant(&self) -> &Tenant {
        &self.smtp.inner.tenant
    }

    /// Writes a reply (lines separated by CRLF), after the injected delay.
    async fn reply(&mut self, text: &str) -> std::io::Result<()> {
        let delay = self.smtp.faults().delay_ms;
        if delay > 0 {
            tokio::time::sleep(Duration::from_millis(delay)).await;
        }
        tracing::trace!("smtp {} << {}", self.peer, text);
        let w = self.io().get_mut();
        w.write_all(text.as_bytes()).await?;
        w.write_all(b"\r\n").await?;
        w.flush().await
    }

    async fn close(&mut self) -> std::io::Result<()> {
        let _ = self.io().get_mut().shutdown().await;
        Ok(())
    }

    async fn read_command_line(&mut self) -> std::io::Result<Option<Line>> {
        match tokio::time::timeout(IDLE_TIMEOUT, read_line(self.io(), MAX_COMMAND_LINE)).await {
            Ok(r) => r.map(Some),
            Err(_) => Ok(None),
        }
    }

    async fn run(&mut self) -> std::io::Result<()> {
        loop {
            let line = match self.read_command_line().await? {
                None => {
                    let t = format!("421 4.4.1 Connection timed out. [{}]", self.host());
                    self.reply(&t).await?;
                    return self.close().await;
                }
                Some(Line::Eof) => return Ok(()),
                Some(Line::TooLong) => {
                    self.reply("500 5.5.2 Line too long").await?;
                    continue;
                }
                Some(Line::Data(l)) => trim_eol(&l),
            };
            let (verb, args) = match line.find(' ') {
                Some(i) => (&line[..i], line[i + 1..].trim()),
                None => (line.as_str(), ""),
            };
            let verb = verb.to_ascii_uppercase();
            let args = args.to_string();
            tracing::trace!(
                "smtp {} >> {}",
                self.peer,
                if verb == "AUTH" { "AUTH ..." } else { &line }
            );
            let flow = match verb.as_str() {
                "EHLO" => self.ehlo(&args, true).await?,
                "HELO" => self.ehlo(&args, false).await?,
                "STARTTLS" => self.starttls(&args).await?,
                "AUTH" => self.auth(&args).await?,
                "MAIL" => self.mail(&args).await?,
                "RCPT" => self.rcpt(&args).await?,
                "DATA" => self.data(&args).await?,
                "BDAT" => self.bdat(&args).await?,
                "RSET" => {
                    self.tx = None;
                    self.reply("250 2.0.0 Resetting").await?;
                    Flow::Continue
                }
                "NOOP" => {
                    self.reply("250 2.0.0 OK").await?;
                    Flow::Continue
                }
                "QUIT" => {
                    self.reply(REPLY_QUIT).await?;
                    Flow::Close
                }
                _ => {
                    self.reply(REPLY_UNRECOGNIZED).await?;
                    Flow::Continue
                }
            };
            if let Flow::Close = flow {
                return self.close().await;
            }
        }
    }

    async fn ehlo(&mut self, args: &str, extended: bool) -> std::io::Result<Flow> {
        if args.is_empty() {
            self.reply("501 5.5.4 Invalid domain name").await?;
            return Ok(Flow::Continue);
        }
        self.greeted = true;
        self.tx = None;
        let hello = format!("{} Hello [{}]", self.host(), self.peer.ip());
        if !extended {
            self.reply(&format!("250 {hello}")).await?;
            return Ok(Flow::Continue);
        }
        let mut lines = vec![
            hello,
            format!("SIZE {MAX_MESSAGE_SIZE}"),
            "PIPELINING".into(),
            "DSN".into(),
            "ENHANCEDSTATUSCODES".into(),
        ];
        if self.tls {
            lines.push("AUTH LOGIN XOAUTH2".into());
        } else {
            lines.push("STARTTLS".into());
        }
        for ext in ["8BITMIME", "BINARYMIME", "CHUNKING", "SMTPUTF8"] {
            lines.push(ext.into());
        }
        let last = lines.len() - 1;
        let text = lines
            .iter()
            .enumerate()
            .map(|(i, l)| format!("250{}{l}", if i == last { ' ' } else { '-' }))
            .collect::<Vec<_>>()
            .join("\r\n");
        self.reply(&text).await?;
        Ok(Flow::Continue)
    }

    async fn starttls(&mut self, args: &str) -> std::io::Result<Flow> {
        if self.tls {
            self.reply("503 5.5.1 Bad sequence of commands: TLS already active")
                .await?;
            return Ok(Flow::Continue);
        }
        if !args.is_empty() {
            self.reply("501 5.5.4 Invalid arguments").await?;
            return Ok(Flow::Continue);
        }
        self.reply(REPLY_STARTTLS).await?;
        // Anything the client pipelined after STARTTLS in clear text is discarded
        // with the buffer (no command injection across the upgrade).
        let plain = self.io.take().expect("stream present").into_inner();
        let acceptor = self.smtp.inner.tls.clone();
        let tls = match acceptor.accept(plain).await {
            Ok(t) => t,
            Err(e) => {
                tracing::debug!("smtp TLS handshake with {}: {e}", self.peer);
                return Err(e);
            }
        };
        self.io = Some(BufReader::new(Box::new(tls)));
        self.tls = true;
        self.greeted = false;
        self.auth_user = None;
        self.tx = None;
        Ok(Flow::Continue)
    }

    fn log_auth(&self, user: &str, mechanism: &str, reply: &str, detail: &str) {
        let (code, text) = match reply.split_once(' ') {
            Some((c, t)) => (c.parse().unwrap_or(0), t.to_string()),
            None => (reply.parse().unwrap_or(0), String::new()),
        };
        lock(&self.smtp.inner.auth_log).push(AuthAttempt {
            user: user.into(),
            mechanism: mechanism.into(),
            code,
            text,
            detail: detail.into(),
            at: self.tenant().clock().now(),
        });
    }

    /// Reads one SASL client response line; `Err(reply)` for a cancel, a bad line or
    /// undecodable base64.
    async fn sasl_response(&mut self) -> std::io::Result<Result<Vec<u8>, Option<&'static str>>> {
        let line = match self.read_command_line().await? {
            None | Some(Line::Eof) => return Ok(Err(None)),
            Some(Line::TooLong) => return Ok(Err(Some("500 5.5.2 Line too long"))),
            Some(Line::Data(l)) => trim_eol(&l),
        };
        if line.trim() == "*" {
            return Ok(Err(Some("501 5.0.0 Authentication cancelled")));
        }
        Ok(decode_b64(line.trim()).ok_or(Some("501 5.5.2 Cannot Base64-decode Client responses")))
    }

    async fn auth(&mut self, args: &str) -> std::io::Result<Flow> {
        let mut parts = args.split_whitespace();
        let mechanism = parts.next().unwrap_or("").to_ascii_uppercase();
        let initial = parts.next().map(str::to_string);
        if !self.tls {
            self.log_auth(
                "",
                &mechanism,
                REPLY_AUTH_UNRECOGNIZED,
                "AUTH before STARTTLS",
            );
            self.reply(REPLY_AUTH_UNRECOGNIZED).await?;
            return Ok(Flow::Continue);
        }
        if !self.greeted {
            self.reply("503 5.5.2 Send hello first").await?;
            return Ok(Flow::Continue);
        }
        if self.auth_user.is_some() {
            self.reply("503 5.5.2 Already authenticated").await?;
            return Ok(Flow::Continue);
        }
        if self.tx.is_some() {
            self.reply("503 5.5.1 Bad sequence of commands: mail transaction in progress")
                .await?;
            return Ok(Flow::Continue);
        }
        match mechanism.as_str() {
            "XOAUTH2" => self.auth_xoauth2(initial).await,
            "LOGIN" => self.auth_login(initial).await,
            _ => {
                self.log_auth(
                    "",
                    &mechanism,
                    REPLY_AUTH_UNRECOGNIZED,
                    "mechanism not offered",
                );
                self.reply(REPLY_AUTH_UNRECOGNIZED).await?;
                Ok(Flow::Continue)
            }
        }
    }

    async fn auth_xoauth2(&mut self, initial: Option<String>) -> std::io::Result<Flow> {
        let raw = match initial {
            Some(s) if s == "=" => Vec::new(),
            Some(s) => match decode_b64(&s) {
                Some(b) => b,
                None => {
                    let r = "501 5.5.2 Cannot Base64-decode Client responses";
                    self.log_auth("", "XOAUTH2", r, "initial response is not base64");
                    self.reply(r).await?;
                    return Ok(Flow::Continue);
                }
            },
            None => {
                self.reply("334 ").await?;
                match self.sasl_response().await? {
                    Ok(b) => b,
                    Err(None) => return Ok(Flow::Close),
                    Err(Some(r)) => {
                        self.log_auth("", "XOAUTH2", r, "bad continuation");
                        self.reply(r).await?;
                        return Ok(Flow::Continue);
                    }
                }
            }
        };
        if self.smtp.faults().xoauth2_challenge {
            let user = parse_xoauth2(&raw).map(|(u, _)| u).unwrap_or_default();
            let error = r#"{"status":"401","schemes":"bearer","scope":"https://outlook.office.com/SMTP.Send"}"#;
            self.reply(&format!("334 {}", STANDARD.encode(error)))
                .await?;
            let r = "535 5.7.8 Username and Password not accepted";
            self.log_auth(&user, "XOAUTH2", r, "token refused with a 334 challenge");
            return match self.sasl_response().await? {
                Err(None) => Ok(Flow::Close),
                _ => {
                    self.reply(r).await?;
                    Ok(Flow::Continue)
                }
            };
        }
        let (reply, user, detail) = match parse_xoauth2(&raw) {
            Err(Xoauth2Error::BadUser) => (
                REPLY_XOAUTH2_BAD_USER.to_string(),
                String::new(),
                "user= missing or not an address".to_string(),
            ),
            Err(Xoauth2Error::BadAuth(user)) => (
                "501 5.5.124 Invalid XOAUTH2 auth data - Auth data provided is not valid"
                    .to_string(),
                user,
                "auth=Bearer missing".to_string(),
            ),
            Ok((user, token)) => {
                let (reply, detail) = self.check_oauth(&user, &token);
                (reply.to_string(), user, detail)
            }
        };
        self.log_auth(&user, "XOAUTH2", &reply, &detail);
        if reply.starts_with("235") {
            self.auth_user = Some(self.canonical_upn(&user));
        }
        self.reply(&reply).await?;
        Ok(Flow::Continue)
    }

    /// The tenant's spelling of `user` (as configured), or `user` itself.
    fn canonical_upn(&self, user: &str) -> String {
        self.tenant()
            .user(user)
            .map(|u| u.upn)
            .unwrap_or_else(|| user.to_string())
    }

    /// Tenant-side checks common to every mechanism: security defaults, then
    /// SMTP AUTH for the organisation / the mailbox.
    fn check_smtp_auth_allowed(&self, user: &str) -> Result<(), (&'static str, String)> {
        let tenant = self.tenant();
        if tenant.config().security_defaults {
            return Err((REPLY_SECURITY_DEFAULTS, "security defaults on".into()));
        }
        if !tenant.smtp_auth_effective(user) {
            let own = tenant.user(user).and_then(|u| u.smtp_auth).is_some();
            return Err(if own {
                (
                    REPLY_SMTP_AUTH_DISABLED_MAILBOX,
                    "SMTP AUTH disabled for the mailbox".into(),
                )
            } else {
                (
                    REPLY_SMTP_AUTH_DISABLED_TENANT,
                    "SMTP AUTH disabled for the organisation".into(),
                )
            });
        }
        Ok(())
    }

    fn check_oauth(&self, user: &str, token: &str) -> (&'static str, String) {
        let claims = match self.tenant().validate_access_token(token) {
            Ok(c) => c,
            Err(e) => {
                let detail = match e {
                    TokenError::Expired => "token expired or revoked".to_string(),
                    other => format!("token refused: {other}"),
                };
                return (REPLY_AUTH_UNSUCCESSFUL, detail);
            }
        };
        if !claims.upn.eq_ignore_ascii_case(user) {
            return (
                REPLY_AUTH_UNSUCCESSFUL,
                format!("token was issued to {}, not {user}", claims.upn),
            );
        }
        match self.tenant().user(user) {
            Some(u) if u.has_mailbox => {}
            Some(_) => return (REPLY_AUTH_UNSUCCESSFUL, format!("{user} has no mailbox")),
            None => {
                return (
                    REPLY_AUTH_UNSUCCESSFUL,
                    format!("{user} is not in the tenant"),
                )
            }
        }
        if let Err(e) = self.check_smtp_auth_allowed(user) {
            return e;
        }
        (REPLY_AUTH_OK, "OAuth token accepted".into())
    }

    async fn auth_login(&mut self, initial: Option<String>) -> std::io::Result<Flow> {
        // The user name may come as an initial response (RFC 4954 style).
        let user_raw = match initial {
            Some(s) => decode_b64(&s).ok_or("501 5.5.2 Cannot Base64-decode Client responses"),
            None => {
                self.reply("334 VXNlcm5hbWU6").await?;
                match self.sasl_response().await? {
                    Ok(b) => Ok(b),
                    Err(None) => return Ok(Flow::Close),
                    Err(Some(r)) => Err(r),
                }
            }
        };
        let user = match user_raw {
            Ok(b) => String::from_utf8_lossy(&b).trim().to_string(),
            Err(r) => {
                self.log_auth("", "LOGIN", r, "bad user name response");
                self.reply(r).await?;
                return Ok(Flow::Continue);
            }
        };
        self.reply("334 UGFzc3dvcmQ6").await?;
        let password = match self.sasl_response().await? {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(None) => return Ok(Flow::Close),
            Err(Some(r)) => {
                self.log_auth(&user, "LOGIN", r, "bad password response");
                self.reply(r).await?;
                return Ok(Flow::Continue);
            }
        };
        let (reply, detail) = match self.check_smtp_auth_allowed(&user) {
            Err((r, d)) => (r, d),
            Ok(()) if !self.tenant().config().basic_auth_enabled => (
                REPLY_BASIC_AUTH_UNSUPPORTED,
                "Basic authentication disabled".to_string(),
            ),
            Ok(()) => match self.tenant().user(&user) {
                Some(u) if u.password == password && u.has_mailbox => {
                    (REPLY_AUTH_OK, "password accepted".to_string())
                }
                Some(u) if u.password == password => {
                    (REPLY_AUTH_UNSUCCESSFUL, format!("{} has no mailbox", u.upn))
                }
                Some(_) => (REPLY_AUTH_UNSUCCESSFUL, "wrong password".to_string()),
                None => (
                    REPLY_AUTH_UNSUCCESSFUL,
                    format!("{user} is not in the tenant"),
                ),
            },
        };
        self.log_auth(&user, "LOGIN", reply, &detail);
        if reply == REPLY_AUTH_OK {
            self.auth_user = Some(self.canonical_upn(&user));
        }
        self.reply(reply).await?;
        Ok(Flow::Continue)
    }

    /// Whether the authenticated user may send as `addr`.
    fn may_send_as(&self, addr: &str) -> bool {
        let Some(auth) = &self.auth_user else {
            return false;
        };
        if auth.eq_ignore_ascii_case(addr) {
            return true;
        }
        self.tenant()
            .user(auth)
            .map(|u| u.send_as.iter().any(|s| s.eq_ignore_ascii_case(addr)))
            .unwrap_or(false)
    }

    async fn mail(&mut self, args: &str) -> std::io::Result<Flow> {
        if !self.greeted {
            self.reply("503 5.5.2 Send hello first").await?;
            return Ok(Flow::Continue);
        }
        if self.auth_user.is_none() {
            let t = format!(
                "530 5.7.57 Client not authenticated to send mail. [{}]",
                self.host()
            );
            self.reply(&t).await?;
            return Ok(Flow::Continue);
        }
        if self.tx.is_some() {
            self.reply("503 5.5.1 Sender already specified").await?;
            return Ok(Flow::Continue);
        }
        let Some((addr, params)) = parse_path(args, "FROM:") else {
            self.reply("501 5.5.4 Invalid arguments").await?;
            return Ok(Flow::Continue);
        };
        if !addr.is_empty() && !valid_address(&addr) {
            self.reply("501 5.1.7 Invalid address").await?;
            return Ok(Flow::Continue);
        }
        for p in params.split_whitespace() {
            if let Some(v) = p.strip_prefix("SIZE=").or_else(|| p.strip_prefix("size=")) {
                if v.parse::<u64>()
                    .map(|n| n > MAX_MESSAGE_SIZE as u64)
                    .unwrap_or(true)
                {
                    self.reply("552 5.3.4 Message size exceeds fixed maximum message size")
                        .await?;
                    return Ok(Flow::Continue);
                }
            }
        }
        if !self.may_send_as(&addr) {
            self.reply(REPLY_SEND_AS_ENVELOPE).await?;
            return Ok(Flow::Continue);
        }
        self.tx = Some(Transaction {
            mail_from: addr,
            ..Default::default()
        });
        self.reply("250 2.1.0 Sender OK").await?;
        Ok(Flow::Continue)
    }

    async fn rcpt(&mut self, args: &str) -> std::io::Result<Flow> {
        let Some(tx) = self.tx.as_ref() else {
            self.reply("503 5.5.1 Need mail command").await?;
            return Ok(Flow::Continue);
        };
        let count = tx.rcpt_to.len();
        let addr = match parse_path(args, "TO:") {
            Some((a, _)) if valid_address(&a) => a,
            Some(_) => {
                self.reply("501 5.1.3 Invalid address").await?;
                return Ok(Flow::Continue);
            }
            None => {
                self.reply("501 5.5.4 Invalid arguments").await?;
                return Ok(Flow::Continue);
            }
        };
        if count >= MAX_RECIPIENTS {
            self.reply("452 4.5.3 Too many recipients").await?;
            return Ok(Flow::Continue);
        }
        if let Some(tx) = self.tx.as_mut() {
            tx.rcpt_to.push(addr);
        }
        self.reply("250 2.1.5 Recipient OK").await?;
        Ok(Flow::Continue)
    }

    /// The reply to DATA/BDAT when no transaction is ready, if any.
    fn transaction_not_ready(&self) -> Option<&'static str> {
        match &self.tx {
            None => Some("503 5.5.1 Need mail command"),
            Some(tx) if tx.rcpt_to.is_empty() => Some("503 5.5.1 Need rcpt command"),
            _ => None,
        }
    }

    async fn data(&mut self, args: &str) -> std::io::Result<Flow> {
        if !args.is_empty() {
            self.reply("501 5.5.4 Invalid arguments").await?;
            return Ok(Flow::Continue);
        }
        if let Some(r) = self.transaction_not_ready() {
            self.reply(r).await?;
            return Ok(Flow::Continue);
        }
        if self.tx.as_ref().is_some_and(|t| t.bdat.is_some()) {
            self.reply("503 5.5.1 Bad sequence of commands").await?;
            return Ok(Flow::Continue);
        }
        self.reply("354 Start mail input; end with <CRLF>.<CRLF>")
            .await?;
        let mut data = Vec::new();
        let mut oversize = false;
        loop {
            let line = match read_line(self.io(), MAX_MESSAGE_SIZE + 2).await? {
                Line::Eof => return Ok(Flow::Close),
                Line::TooLong => {
                    oversize = true;
                    continue;
                }
                Line::Data(l) => l,
            };
            if line == b".\r\n" || line == b".\n" {
                break;
            }
            let body = line.strip_prefix(b".").unwrap_or(&line);
            if data.len() + body.len() > MAX_MESSAGE_SIZE {
                oversize = true;
            }
            if !oversize {
                data.extend_from_slice(body);
            }
        }
        let reply = if oversize {
            self.tx = None;
            "552 5.3.4 Message size exceeds fixed maximum message size".to_string()
        } else {
            self.finish_message(data)
        };
        self.reply(&reply).await?;
        Ok(Flow::Continue)
    }

    async fn bdat(&mut self, args: &str) -> std::io::Result<Flow> {
        let mut parts = args.split_whitespace();
        let size = parts.next().and_then(|s| s.parse::<u64>().ok());
        let last = match parts.next() {
            None => false,
            Some(l) if l.eq_ignore_ascii_case("LAST") => true,
            Some(_) => {
                self.reply("501 5.5.4 Invalid arguments").await?;
                return Ok(Flow::Close);
            }
        };
        let Some(size) = size.filter(|_| parts.next().is_none()) else {
            // Without a size the chunk cannot be skipped: end the session.
            self.reply("501 5.5.4 Invalid arguments").await?;
            return Ok(Flow::Close);
        };
        let not_ready = self.transaction_not_ready();
        let mut chunk = Vec::new();
        let mut remaining = size;
        let already = self
            .tx
            .as_ref()
            .and_then(|t| t.bdat.as_ref().map(Vec::len))
            .unwrap_or(0);
        let mut oversize = self.tx.as_ref().is_some_and(|t| t.oversize)
            || already as u64 + size > MAX_MESSAGE_SIZE as u64;
        let mut buf = vec![0u8; 64 * 1024];
        while remaining > 0 {
            let want = remaining.min(buf.len() as u64) as usize;
            let n = self.io().read(&mut buf[..want]).await?;
            if n == 0 {
                return Ok(Flow::Close);
            }
            if !oversize && not_ready.is_none() {
                chunk.extend_from_slice(&buf[..n]);
            }
            remaining -= n as u64;
        }
        if let Some(r) = not_ready {
            self.reply(r).await?;
            return Ok(Flow::Continue);
        }
        let tx = self.tx.as_mut().expect("transaction ready");
        let acc = tx.bdat.get_or_insert_with(Vec::new);
        if oversize {
            tx.oversize = true;
            acc.clear();
        } else {
            acc.extend_from_slice(&chunk);
        }
        oversize |= tx.oversize;
        let reply = if !last {
            format!("250 2.0.0 {size} octets received")
        } else if oversize {
            self.tx = None;
            "552 5.3.4 Message size exceeds fixed maximum message size".to_string()
        } else {
            let data = tx.bdat.take().unwrap_or_default();
            self.finish_message(data)
        };
        self.reply(&reply).await?;
        Ok(Flow::Continue)
    }

    /// Checks the header From, stores the message and ends the transaction; returns
    /// the reply.
    fn finish_message(&mut self, data: Vec<u8>) -> String {
        let tx = self.tx.take().unwrap_or_default();
        let auth = self.auth_user.clone().unwrap_or_default();
        let data = String::from_utf8_lossy(&data).into_owned();
        let headers = parse_headers(&data);
        let header = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        if let Some(from) = header("From").and_then(|v| first_address(&v)) {
            if !self.may_send_as(&from) {
                return format!(
                    "554 5.2.252 SendAsDenied; {auth} not allowed to send as {from}; \
                     STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; \
                     Failed to process message due to a permanent exception with message \
                     [BeginDiagnosticData]Cannot submit message.[EndDiagnosticData] [Hostname={}]",
                    self.host()
                );
            }
        }
        let id = format!(
            "{}@{}",
            uuid::Uuid::new_v4()
                .simple()
                .to_string()
                .to_ascii_uppercase(),
            self.host()
        );
        let msg = StoredMessage {
            id: id.clone(),
            auth_user: auth,
            mail_from: tx.mail_from,
            rcpt_to: tx.rcpt_to,
            subject: header("Subject").map(|s| decode_rfc2047(&s)),
            data,
            received_at: self.tenant().clock().now(),
        };
        tracing::debug!(
            "smtp stored message {} from {} to {:?}",
            msg.id,
            msg.mail_from,
            msg.rcpt_to
        );
        lock(&self.smtp.inner.messages).push(msg);
        format!("250 2.0.0 OK <{id}> [Hostname={}]", self.host())
    }
}

fn decode_b64(s: &str) -> Option<Vec<u8>> {
    let s = s.trim();
    STANDARD
        .decode(s)
        .or_else(|_| STANDARD_NO_PAD.decode(s.trim_end_matches('=')))
        .ok()
}

#[derive(Debug, PartialEq)]
enum Xoauth2Error {
    BadUser,
    /// The user was fine (kept for the log), the auth= part was not.
    BadAuth(String),
}

/// Parses the decoded XOAUTH2 initial response
/// `user=<address>\x01auth=Bearer <token>\x01\x01` into (user, token).
fn parse_xoauth2(raw: &[u8]) -> Result<(String, String), Xoauth2Error> {
    let text = std::str::from_utf8(raw).map_err(|_| Xoauth2Error::BadUser)?;
    let mut user = None;
    let mut auth = None;
    for field in text.split('\x01') {
        if let Some(u) = field.strip_prefix("user=") {
            user.get_or_insert(u.to_string());
        } else if let Some(a) = field.strip_prefix("auth=") {
            auth.get_or_insert(a.to_string());
        }
    }
    let user = user
        .filter(|u| valid_address(u))
        .ok_or(Xoauth2Error::BadUser)?;
    let token = auth
        .as_deref()
        .and_then(|a| {
            let (scheme, tok) = a.split_once(' ')?;
            scheme
                .eq_ignore_ascii_case("Bearer")
                .then(|| tok.trim().to_string())
        })
        .filter(|t| !t.is_empty())
        .ok_or_else(|| Xoauth2Error::BadAuth(user.clone()))?;
    Ok((user, token))
}

/// A plausible mailbox address: `local@domain`, printable, no spaces or brackets.
fn valid_address(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.is_empty()
        && s.len() <= 320
        && !domain.contains('@')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'))
}

/// Parses `FROM:<addr> params` / `TO:<addr> params`: the address (source route
/// dropped, may be empty for `<>`) and the parameters.
fn parse_path(args: &str, keyword: &str) -> Option<(String, String)> {
    let head = args.get(..keyword.len())?;
    if !head.eq_ignore_ascii_case(keyword) {
        return None;
    }
    let rest = args[keyword.len()..].trim_start();
    let (path, params) = if let Some(r) = rest.strip_prefix('<') {
        let end = r.find('>')?;
        (&r[..end], &r[end + 1..])
    } else {
        match rest.find(' ') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        }
    };
    let path = if path.starts_with('@') {
        path.split_once(':').map(|(_, a)| a).unwrap_or("")
    } else {
        path
    };
    Some((path.trim().to_string(), params.trim().to_string()))
}

/// The header fields of a message, unfolded, in order.
fn parse_headers(data: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in data.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = out.last_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        match line.split_once(':') {
            Some((name, value)) => out.push((name.trim().to_string(), value.trim().to_string())),
            None => break,
        }
    }
    out
}

/// The first address of an address-list header value (`Name <a@b>` or `a@b`).
fn first_address(value: &str) -> Option<String> {
    let addr = if let Some(start) = value.find('<') {
        let rest = &value[start + 1..];
        &rest[..rest.find('>')?]
    } else {
        let first = value.split(',').next().unwrap_or("");
        // Drop a trailing comment: "a@b (Name)".
        first.split('(').next().unwrap_or("")
    };
    let addr = addr.trim();
    (!addr.is_empty()).then(|| addr.to_string())
}

/// Decodes RFC 2047 encoded words (UTF-8 / US-ASCII, B and Q); others stay as is.
fn decode_rfc2047(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    let mut last_was_word = false;
    while let Some(start) = rest.find("=?") {
        let (before, from) = rest.split_at(start);
        let decoded = encoded_word(from);
        match decoded {
            Some((text, len)) => {
                // Whitespace between two adjacent encoded words is dropped.
                if !(last_was_word && before.trim().is_empty()) {
                    out.push_str(before);
                }
                out.push_str(&text);
                rest = &from[len..];
                last_was_word = true;
            }
            None => {
                out.push_str(before);
                out.push_str("=?");
                rest = &from[2..];
                last_was_word = false;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes one encoded word at the start of `s`: (text, bytes consumed).
fn encoded_word(s: &str) -> Option<(String, usize)> {
    let inner = s.strip_prefix("=?")?;
    let (charset, r) = inner.split_once('?')?;
    let (enc, r) = r.split_once('?')?;
    let end = r.find("?=")?;
    let text = &r[..end];
    let len = 2 + charset.len() + 1 + enc.len() + 1 + end + 2;
    let charset = charset.split('*').next().unwrap_or(charset);
    if !(charset.eq_ignore_ascii_case("utf-8") || charset.eq_ignore_ascii_case("us-ascii")) {
        return None;
    }
    let bytes = if enc.eq_ignore_ascii_case("B") {
        decode_b64(text)?
    } else if enc.eq_ignore_ascii_case("Q") {
        let mut out = Vec::new();
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'_' => out.push(b' '),
                b'=' => {
                    let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
                    out.push(u8::from_str_radix(hex, 16).ok()?);
                    i += 2;
                }
                c => out.push(c),
            }
            i += 1;
        }
        out
    } else {
        return None;
    };
    Some((String::from_utf8_lossy(&bytes).into_owned(), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xoauth2_parsing() {
        let ok = parse_xoauth2(b"user=scanner@contoso.example\x01auth=Bearer abc.def.ghi\x01\x01");
        assert_eq!(
            ok,
            Ok(("scanner@contoso.example".into(), "abc.def.ghi".into()))
        );
        assert_eq!(
            parse_xoauth2(b"user=scanner\x01auth=Bearer x\x01\x01"),
            Err(Xoauth2Error::BadUser)
        );
        assert_eq!(
            parse_xoauth2(b"auth=Bearer x\x01\x01"),
            Err(Xoauth2Error::BadUser)
        );
        assert_eq!(parse_xoauth2(b""), Err(Xoauth2Error::BadUser));
        assert_eq!(
            parse_xoauth2(b"user=a@b.example\x01auth=Basic x\x01\x01"),
            Err(Xoauth2Error::BadAuth("a@b.example".into()))
        );
        assert_eq!(
            parse_xoauth2(b"user=a@b.example\x01\x01"),
            Err(Xoauth2Error::BadAuth("a@b.example".into()))
        );
    }

    #[test]
    fn paths_and_addresses() {
        assert_eq!(
            parse_path("FROM:<a@b.example> SIZE=10 BODY=8BITMIME", "FROM:"),
            Some(("a@b.example".into(), "SIZE=10 BODY=8BITMIME".into()))
        );
        assert_eq!(
            parse_path("from: <>", "FROM:"),
            Some((String::new(), String::new()))
        );
        assert_eq!(
            parse_path("TO:<@relay.example:c@d.example>", "TO:"),
            Some(("c@d.example".into(), String::new()))
        );
        assert_eq!(
            parse_path("TO:c@d.example", "TO:"),
            Some(("c@d.example".into(), "".into()))
        );
        assert_eq!(parse_path("FROM <a@b>", "FROM:"), None);
        assert_eq!(parse_path("FROM:<a@b", "FROM:"), None);
        assert!(valid_address("scanner@contoso.example"));
        assert!(!valid_address("scanner"));
        assert!(!valid_address("@contoso.example"));
        assert!(!valid_address("a b@contoso.example"));
        assert!(!valid_address("a@"));
    }

    #[test]
    fn headers_and_from() {
        let msg = "From: \"Scanner\" <Scanner@Contoso.example>\r\nSubject: Scan\r\n from the\r\n\tprinter\r\nTo: x@y.example\r\n\r\nFrom: not-a-header@x\r\n";
        let h = parse_headers(msg);
        assert_eq!(h.len(), 3);
        assert_eq!(h[1], ("Subject".into(), "Scan from the printer".into()));
        assert_eq!(
            first_address(&h[0].1).as_deref(),
            Some("Scanner@Contoso.example")
        );
        assert_eq!(
            first_address("a@b.example (A), c@d.example").as_deref(),
            Some("a@b.example")
        );
    }

    #[test]
    fn rfc2047() {
        assert_eq!(decode_rfc2047("plain"), "plain");
        assert_eq!(decode_rfc2047("=?utf-8?b?U2Nhbm7DqWU=?="), "Scannée");
        assert_eq!(
            decode_rfc2047("=?UTF-8?Q?Scan_=C3=A9t=C3=A9?= =?utf-8?q?_ok?= end"),
            "Scan été ok end"
        );
        assert_eq!(decode_rfc2047("=?iso-8859-1?q?x?="), "=?iso-8859-1?q?x?=");
        assert_eq!(decode_rfc2047("a =? b"), "a =? b");
    }
}
