//! Mail: a test message over SMTP submission with STARTTLS and SASL XOAUTH2 (lettre),
//! the way a printer sends, so that its failures say what a device would meet.
//!
//! Every negative server reply is kept as data ([`SmtpReply`]: reply code, enhanced
//! status code, text) and classified into a [`MailError`] variant naming its cause.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};

/// Exchange Online's SMTP submission host.
pub const EXCHANGE_ONLINE_SMTP_HOST: &str = "smtp.office365.com";
/// SMTP submission port (STARTTLS).
pub const SUBMISSION_PORT: u16 = 587;

/// How long one SMTP command may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// Where to submit mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmtpServer {
    /// Host name or IP address to connect to.
    pub host: String,
    pub port: u16,
    /// The name the server's certificate must carry.
    pub tls_name: String,
    /// An extra root CA to trust (PEM), e.g. the emulated world's CA; the public
    /// roots are trusted anyway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_root_ca_pem: Option<String>,
}

impl Default for SmtpServer {
    /// Exchange Online: smtp.office365.com:587, STARTTLS.
    fn default() -> Self {
        Self::exchange_online()
    }
}

impl SmtpServer {
    pub fn exchange_online() -> Self {
        Self {
            host: EXCHANGE_ONLINE_SMTP_HOST.to_string(),
            port: SUBMISSION_PORT,
            tls_name: EXCHANGE_ONLINE_SMTP_HOST.to_string(),
            extra_root_ca_pem: None,
        }
    }
}

/// A negative SMTP reply: `535 5.7.139 Authentication unsuccessful, ...` is
/// `{code: 535, enhanced: "5.7.139", text: "Authentication unsuccessful, ..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SmtpReply {
    pub code: u16,
    pub enhanced: Option<String>,
    /// The reply text after the codes, as the server sent it (lines joined).
    pub text: String,
}

impl SmtpReply {
    /// Parses a reply from its code and its text (which may start with an enhanced
    /// status code).
    pub fn parse(code: u16, message: &str) -> Self {
        let message = message.trim();
        let (first, rest) = match message.split_once(char::is_whitespace) {
            Some((f, r)) => (f, r.trim_start()),
            None => (message, ""),
        };
        if is_enhanced_status(first) {
            SmtpReply {
                code,
                enhanced: Some(first.to_string()),
                text: rest.to_string(),
            }
        } else {
            SmtpReply {
                code,
                enhanced: None,
                text: message.to_string(),
            }
        }
    }

    /// The first negative reply quoted in `text` ("... 535 5.7.139 Authentication
    /// unsuccessful, ..."): a 4xx/5xx code followed by an enhanced status code, as a
    /// device's page quotes the server.
    pub fn find_in(text: &str) -> Option<Self> {
        let words: Vec<(usize, &str)> = text
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect();
        words.windows(2).find_map(|pair| {
            let (at, code) = pair[0];
            let code = code.trim_start_matches(['(', '[', '"', '\'']);
            let ok = code.len() == 3
                && code.bytes().all(|b| b.is_ascii_digit())
                && matches!(code.as_bytes()[0], b'4' | b'5')
                && is_enhanced_status(pair[1].1.trim_end_matches([',', ':', '.']));
            ok.then(|| {
                let rest = &text[at..];
                let rest = rest[rest.find(char::is_whitespace).unwrap_or(rest.len())..].trim();
                SmtpReply::parse(code.parse().unwrap_or(0), rest)
            })
        })
    }

    fn enhanced_is(&self, e: &str) -> bool {
        self.enhanced.as_deref() == Some(e)
    }

    fn text_has(&self, needle: &str) -> bool {
        self.text
            .to_ascii_lowercase()
            .contains(&needle.to_ascii_lowercase())
    }
}

/// `class.subject.detail`, class 2, 4 or 5 (RFC 3463).
fn is_enhanced_status(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 3
        && matches!(parts[0], "2" | "4" | "5")
        && parts[1..]
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum MailError {
    /// An address (sender, recipient, XOAUTH2 user) is not a mail address.
    #[error("mail-address-invalid: {address}")]
    MailAddressInvalid { address: String },
    /// The extra root CA is not a usable PEM certificate.
    #[error("mail-ca-certificate-invalid: {detail}")]
    MailCaCertificateInvalid { detail: String },
    /// No TCP connection to the server (DNS, refused, unreachable).
    #[error("mail-connection-failed: {host}:{port}: {detail}")]
    MailConnectionFailed {
        host: String,
        port: u16,
        detail: String,
    },
    /// STARTTLS or the TLS handshake failed (certificate, name, protocol).
    #[error("mail-tls-failed: {host}:{port} ({tls_name}): {detail}")]
    MailTlsFailed {
        host: String,
        port: u16,
        tls_name: String,
        detail: String,
    },
    /// The server stopped answering.
    #[error("mail-timed-out: {host}:{port}")]
    MailTimedOut { host: String, port: u16 },
    /// The server does not offer AUTH XOAUTH2 (after STARTTLS).
    #[error("mail-xoauth2-not-offered: {host}:{port}")]
    MailXoauth2NotOffered { host: String, port: u16 },
    /// 535 5.7.139 "... SmtpClientAuthentication is disabled for the Tenant ...".
    #[error("mail-smtp-auth-disabled-organisation: {reply:?}")]
    MailSmtpAuthDisabledOrganisation { reply: SmtpReply },
    /// 535 5.7.139 "... SmtpClientAuthentication is disabled for the Mailbox ...".
    #[error("mail-smtp-auth-disabled-mailbox: {mailbox}: {reply:?}")]
    MailSmtpAuthDisabledMailbox { mailbox: String, reply: SmtpReply },
    /// 535 5.7.139 naming security defaults.
    #[error("mail-security-defaults: {reply:?}")]
    MailSecurityDefaults { reply: SmtpReply },
    /// 535 5.7.139 otherwise (SMTP AUTH off, scope not said).
    #[error("mail-smtp-auth-disabled: {mailbox}: {reply:?}")]
    MailSmtpAuthDisabled { mailbox: String, reply: SmtpReply },
    /// 535 5.7.3: bad or expired token, or a token for another account.
    #[error("mail-authentication-unsuccessful: {account}: {reply:?}")]
    MailAuthenticationUnsuccessful { account: String, reply: SmtpReply },
    /// 530 5.7.57: the client did not authenticate.
    #[error("mail-client-not-authenticated: {reply:?}")]
    MailClientNotAuthenticated { reply: SmtpReply },
    /// 550 5.7.60 / 554 5.2.252: the sender is not the signed-in mailbox.
    #[error("mail-send-as-denied: {account} as {from}: {reply:?}")]
    MailSendAsDenied {
        account: String,
        from: String,
        reply: SmtpReply,
    },
    /// 501 5.5.124: the XOAUTH2 `user=` is not a valid address.
    #[error("mail-xoauth2-user-invalid: {account}: {reply:?}")]
    MailXoauth2UserInvalid { account: String, reply: SmtpReply },
    /// 550 5.7.30: Basic authentication is not supported.
    #[error("mail-basic-auth-not-supported: {reply:?}")]
    MailBasicAuthNotSupported { reply: SmtpReply },
    /// A 4xx reply: try again later.
    #[error("mail-server-busy: {reply:?}")]
    MailServerBusy { reply: SmtpReply },
    /// Any other negative reply.
    #[error("mail-rejected: {reply:?}")]
    MailRejected { reply: SmtpReply },
    /// The exchange broke off in a way that is none of the above.
    #[error("mail-protocol-error: {host}:{port}: {detail}")]
    MailProtocolError {
        host: String,
        port: u16,
        detail: String,
    },
}

impl MailError {
    /// The server's reply, for the variants that come from one.
    pub fn reply(&self) -> Option<&SmtpReply> {
        match self {
            Self::MailSmtpAuthDisabledOrganisation { reply }
            | Self::MailSmtpAuthDisabledMailbox { reply, .. }
            | Self::MailSecurityDefaults { reply }
            | Self::MailSmtpAuthDisabled { reply, .. }
            | Self::MailAuthenticationUnsuccessful { reply, .. }
            | Self::MailClientNotAuthenticated { reply }
            | Self::MailSendAsDenied { reply, .. }
            | Self::MailXoauth2UserInvalid { reply, .. }
            | Self::MailBasicAuthNotSupported { reply }
            | Self::MailServerBusy { reply }
            | Self::MailRejected { reply } => Some(reply),
            _ => None,
        }
    }

    /// Whether the server had accepted the authentication before this failure (so
    /// the tenant's SMTP AUTH settings are proven good).
    pub fn after_authentication(&self) -> bool {
        matches!(self, Self::MailSendAsDenied { .. })
            || matches!(self, Self::MailRejected { reply } if reply.enhanced.as_deref().is_some_and(|e| e.starts_with("5.1.")))
    }

    /// Classifies a negative reply. `account` is the XOAUTH2 user, `from` the sender.
    pub fn from_reply(reply: SmtpReply, account: &str, from: &str) -> Self {
        let account = account.to_string();
        if reply.enhanced_is("5.7.139") {
            return if reply.text_has("security defaults") {
                Self::MailSecurityDefaults { reply }
            } else if reply.text_has("disabled for the mailbox") {
                Self::MailSmtpAuthDisabledMailbox {
                    mailbox: account,
                    reply,
                }
            } else if reply.text_has("disabled for the tenant") {
                Self::MailSmtpAuthDisabledOrganisation { reply }
            } else {
                Self::MailSmtpAuthDisabled {
                    mailbox: account,
                    reply,
                }
            };
        }
        if reply.enhanced_is("5.7.3") || (reply.code == 535 && reply.enhanced.is_none()) {
            return Self::MailAuthenticationUnsuccessful { account, reply };
        }
        if reply.enhanced_is("5.7.57") {
            return Self::MailClientNotAuthenticated { reply };
        }
        if reply.enhanced_is("5.7.60") || reply.enhanced_is("5.2.252") {
            return Self::MailSendAsDenied {
                account,
                from: from.to_string(),
                reply,
            };
        }
        if reply.enhanced_is("5.5.124") {
            return Self::MailXoauth2UserInvalid { account, reply };
        }
        if reply.enhanced_is("5.7.30") {
            return Self::MailBasicAuthNotSupported { reply };
        }
        if (400..500).contains(&reply.code) {
            return Self::MailServerBusy { reply };
        }
        Self::MailRejected { reply }
    }
}

/// The rustls error inside a lettre connection error, if the failure was TLS.
fn tls_failure(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(r) = err.downcast_ref::<rustls::Error>() {
            return Some(r.to_string());
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            if let Some(inner) = io.get_ref() {
                if let Some(r) = inner.downcast_ref::<rustls::Error>() {
                    return Some(r.to_string());
                }
            }
        }
        cur = err.source();
    }
    None
}

fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(inner) = cur {
        let t = inner.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        cur = inner.source();
    }
    s
}

fn from_lettre(
    e: lettre::transport::smtp::Error,
    server: &SmtpServer,
    account: &str,
    from: &str,
) -> MailError {
    if let Some(code) = e.status() {
        let text = std::error::Error::source(&e)
            .map(|s| s.to_string())
            .unwrap_or_default();
        return MailError::from_reply(SmtpReply::parse(u16::from(code), &text), account, from);
    }
    let host = server.host.clone();
    let port = server.port;
    if e.is_timeout() {
        return MailError::MailTimedOut { host, port };
    }
    let detail = chain(&e);
    if e.is_tls() {
        return MailError::MailTlsFailed {
            host,
            port,
            tls_name: server.tls_name.clone(),
            detail,
        };
    }
    if let Some(tls) = tls_failure(&e) {
        return MailError::MailTlsFailed {
            host,
            port,
            tls_name: server.tls_name.clone(),
            detail: tls,
        };
    }
    // A server that answers XOAUTH2 with a 334 challenge (RFC 7628: the token was
    // refused, the details base64-encoded in the challenge) refused the sign-in;
    // the connection itself was fine.
    if detail.contains("does not expect a challenge") || detail.contains("number of challenges") {
        return MailError::MailAuthenticationUnsuccessful {
            account: account.to_string(),
            reply: SmtpReply::parse(334, &detail),
        };
    }
    if e.is_client() && detail.contains("authentication mechanism") {
        return MailError::MailXoauth2NotOffered { host, port };
    }
    if detail.contains("STARTTLS") || detail.contains("starttls") {
        return MailError::MailTlsFailed {
            host,
            port,
            tls_name: server.tls_name.clone(),
            detail,
        };
    }
    let connection_kind = {
        let mut found = false;
        let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(&e);
        while let Some(err) = cur {
            if let Some(io) = err.downcast_ref::<std::io::Error>() {
                found |= matches!(
                    io.kind(),
                    std::io::ErrorKind::ConnectionRefused
                        | std::io::ErrorKind::ConnectionReset
                        | std::io::ErrorKind::ConnectionAborted
                        | std::io::ErrorKind::NotConnected
                        | std::io::ErrorKind::AddrNotAvailable
                        | std::io::ErrorKind::HostUnreachable
                        | std::io::ErrorKind::NetworkUnreachable
                );
            }
            cur = err.source();
        }
        found
    };
    if connection_kind || detail.starts_with("Connection error") || detail.contains("resolve") {
        return MailError::MailConnectionFailed { host, port, detail };
    }
    MailError::MailProtocolError { host, port, detail }
}

fn mailbox(address: &str) -> Result<Mailbox, MailError> {
    address
        .trim()
        .parse::<Mailbox>()
        .map_err(|_| MailError::MailAddressInvalid {
            address: address.to_string(),
        })
}

/// Sends a test message from `account` to `to`, authenticating as `account` with
/// XOAUTH2 and `access_token`.
pub async fn send_test_mail(
    server: &SmtpServer,
    account: &str,
    access_token: &str,
    to: &str,
) -> Result<(), MailError> {
    send_test_mail_as(server, account, account, access_token, to).await
}

/// As [`send_test_mail`], with a sender (`From` and envelope) other than the
/// authenticated mailbox; Exchange refuses it unless `account` may send as `from`.
pub async fn send_test_mail_as(
    server: &SmtpServer,
    account: &str,
    from: &str,
    access_token: &str,
    to: &str,
) -> Result<(), MailError> {
    // XOAUTH2's user= must be a mail address; refuse locally what Exchange would
    // refuse with 5.5.124.
    mailbox(account)?;
    let from_box = mailbox(from)?;
    let to_box = mailbox(to)?;

    let now = chrono::Utc::now();
    let message = Message::builder()
        .from(from_box)
        .to(to_box)
        .subject(format!("printoauth test mail {}", now.format("%Y-%m-%d %H:%M:%SZ")))
        .header(ContentType::TEXT_PLAIN)
        .body(format!(
            "printoauth tenant check: SMTP submission with OAuth 2.0 (XOAUTH2) works for {account}.\r\n"
        ))
        .map_err(|_| MailError::MailAddressInvalid {
            address: from.to_string(),
        })?;

    let mut tls = TlsParameters::builder(server.tls_name.clone());
    if let Some(pem) = &server.extra_root_ca_pem {
        let cert = Certificate::from_pem(pem.as_bytes()).map_err(|e| {
            MailError::MailCaCertificateInvalid {
                detail: e.to_string(),
            }
        })?;
        tls = tls.add_root_certificate(cert);
    }
    let tls = tls.build_rustls().map_err(|e| MailError::MailTlsFailed {
        host: server.host.clone(),
        port: server.port,
        tls_name: server.tls_name.clone(),
        detail: chain(&e),
    })?;

    let transport: AsyncSmtpTransport<Tokio1Executor> =
        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(server.host.clone())
            .port(server.port)
            .tls(Tls::Required(tls))
            .credentials(Credentials::new(
                account.to_string(),
                access_token.to_string(),
            ))
            .authentication(vec![Mechanism::Xoauth2])
            .timeout(Some(SMTP_TIMEOUT))
            .build();

    transport
        .send(message)
        .await
        .map(|_| ())
        .map_err(|e| from_lettre(e, server, account, from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_quoted_in_text_are_found() {
        let r = SmtpReply::find_in(
            "Server response\u{a0}: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.",
        )
        .unwrap();
        assert_eq!(r.code, 535);
        assert_eq!(r.enhanced.as_deref(), Some("5.7.139"));
        assert!(r.text.ends_with("disabled for the Mailbox."), "{r:?}");
        assert_eq!(
            SmtpReply::find_in("port 25 and 2525, 5.7.3 alone: no reply"),
            None
        );
        assert_eq!(SmtpReply::find_in("AADSTS50173: revoked"), None);
        assert_eq!(SmtpReply::find_in(""), None);
    }

    #[test]
    fn replies_are_parsed() {
        let r = SmtpReply::parse(535, "5.7.3 Authentication unsuccessful");
        assert_eq!(r.enhanced.as_deref(), Some("5.7.3"));
        assert_eq!(r.text, "Authentication unsuccessful");
        let r = SmtpReply::parse(421, "Service not available");
        assert_eq!(r.enhanced, None);
    }

    #[test]
    fn replies_are_classified() {
        let c =
            |code, text: &str| MailError::from_reply(SmtpReply::parse(code, text), "a@x", "b@x");
        assert!(matches!(
            c(535, "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information."),
            MailError::MailSmtpAuthDisabledOrganisation { .. }
        ));
        assert!(matches!(
            c(535, "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox."),
            MailError::MailSmtpAuthDisabledMailbox { .. }
        ));
        assert!(matches!(
            c(535, "5.7.139 Authentication unsuccessful, the request did not meet the criteria of the security defaults."),
            MailError::MailSecurityDefaults { .. }
        ));
        assert!(matches!(
            c(535, "5.7.3 Authentication unsuccessful"),
            MailError::MailAuthenticationUnsuccessful { .. }
        ));
        assert!(matches!(
            c(530, "5.7.57 Client not authenticated to send mail"),
            MailError::MailClientNotAuthenticated { .. }
        ));
        assert!(matches!(
            c(554, "5.2.252 SendAsDenied; a not allowed to send as b"),
            MailError::MailSendAsDenied { .. }
        ));
        assert!(matches!(
            c(501, "5.5.124 Invalid XOAUTH2 auth data"),
            MailError::MailXoauth2UserInvalid { .. }
        ));
        assert!(matches!(
            c(550, "5.7.30 Basic authentication is not supported"),
            MailError::MailBasicAuthNotSupported { .. }
        ));
        let v = serde_json::to_value(c(
            550,
            "5.7.60 Client does not have permissions to send as this sender",
        ))
        .unwrap();
        assert_eq!(v["code"], "mail-send-as-denied");
        assert_eq!(v["params"]["reply"]["enhanced"], "5.7.60");
    }
}
