//! Email Server settings: the values, their validation rules (from the manuals), and
//! how each firmware family names them in its forms. The names are ASSUMED (not
//! public), and deliberately differ between the two families so that clients must
//! find controls by label and option text rather than by one guessed name.

use serde::{Deserialize, Serialize};

use crate::models::Family;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthMethod {
    Off,
    SmtpAuth,
    PopBeforeSmtp,
    OAuth2,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailService {
    ExchangeOnline,
    OutlookCom,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Secure {
    None,
    Starttls,
    SslTls,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailSettings {
    pub auth_method: AuthMethod,
    pub email_service: EmailService,
    pub account: String,
    pub password: String,
    pub sender: String,
    pub smtp_server: String,
    pub smtp_port: u16,
    pub secure: Secure,
    pub cert_validation: bool,
    pub pop3_server: String,
    pub pop3_port: u16,
}

impl MailSettings {
    /// Factory defaults: no mail server set.
    pub fn factory() -> Self {
        Self {
            auth_method: AuthMethod::Off,
            email_service: EmailService::ExchangeOnline,
            account: String::new(),
            password: String::new(),
            sender: String::new(),
            smtp_server: String::new(),
            smtp_port: 25,
            secure: Secure::None,
            cert_validation: true,
            pop3_server: String::new(),
            pop3_port: 110,
        }
    }

    /// What most devices run today: SMTP AUTH with a mailbox password.
    pub fn basic_auth_example() -> Self {
        Self {
            auth_method: AuthMethod::SmtpAuth,
            email_service: EmailService::ExchangeOnline,
            account: "scanner@contoso.example".into(),
            password: "Practice-Scanner-1".into(),
            sender: "scanner@contoso.example".into(),
            smtp_server: "smtp.office365.com".into(),
            smtp_port: 587,
            secure: Secure::Starttls,
            cert_validation: true,
            pop3_server: String::new(),
            pop3_port: 110,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaxMailSettings {
    pub auth_method: AuthMethod,
    pub account: String,
    pub sender: String,
    pub smtp_server: String,
    pub smtp_port: u16,
    pub secure: Secure,
}

impl Default for FaxMailSettings {
    fn default() -> Self {
        Self {
            auth_method: AuthMethod::Off,
            account: String::new(),
            sender: String::new(),
            smtp_server: String::new(),
            smtp_port: 25,
            secure: Secure::None,
        }
    }
}

/// Logical fields of the Email Server form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum F {
    AuthMethod,
    Service,
    Account,
    Password,
    Sender,
    SmtpServer,
    SmtpPort,
    Secure,
    CertValidation,
    Pop3Server,
    Pop3Port,
}

/// The form name a family gives a field.
pub fn name(family: Family, f: F) -> &'static str {
    match (family, f) {
        (Family::Business, F::AuthMethod) => "SEL_AUTHMETHOD",
        (Family::Business, F::Service) => "SEL_MAILSERVICE",
        (Family::Business, F::Account) => "INPUTT_AUTHACCOUNT",
        (Family::Business, F::Password) => "INPUTT_AUTHPASSWORD",
        (Family::Business, F::Sender) => "INPUTT_SENDERADDR",
        (Family::Business, F::SmtpServer) => "INPUTT_SMTPSERVER",
        (Family::Business, F::SmtpPort) => "INPUTT_SMTPPORT",
        (Family::Business, F::Secure) => "SEL_SECURECONNECT",
        (Family::Business, F::CertValidation) => "SEL_CERTVALID",
        (Family::Business, F::Pop3Server) => "INPUTT_POP3SERVER",
        (Family::Business, F::Pop3Port) => "INPUTT_POP3PORT",
        (Family::Consumer, F::AuthMethod) => "SEL_SMTPAUTH",
        (Family::Consumer, F::Service) => "SEL_OAUTHSERVICE",
        (Family::Consumer, F::Account) => "INPUTT_ACCOUNT",
        (Family::Consumer, F::Password) => "INPUTT_PASSWD",
        (Family::Consumer, F::Sender) => "INPUTT_FROMADDR",
        (Family::Consumer, F::SmtpServer) => "INPUTT_SMTPADDR",
        (Family::Consumer, F::SmtpPort) => "INPUTT_SMTPPORTNO",
        (Family::Consumer, F::Secure) => "SEL_SECURITY",
        (Family::Consumer, F::CertValidation) => "SEL_CERTVERIFY",
        (Family::Consumer, F::Pop3Server) => "INPUTT_POP3ADDR",
        (Family::Consumer, F::Pop3Port) => "INPUTT_POP3PORTNO",
    }
}

/// A setting's values in each family's forms: (setting, business, consumer).
type Values<T> = [(T, &'static str, &'static str)];

/// A setting the families write differently in their forms.
pub trait FormValue: Copy + PartialEq + 'static {
    /// Every setting with its business and consumer form value.
    const VALUES: &'static Values<Self>;

    /// The form value `family` gives this setting.
    fn form_value(self, family: Family) -> &'static str {
        let (_, business, consumer) = Self::VALUES
            .iter()
            .find(|(t, ..)| *t == self)
            .expect("every setting has its values");
        match family {
            Family::Business => business,
            Family::Consumer => consumer,
        }
    }

    /// The setting `family`'s form value `v` stands for.
    fn from_form(family: Family, v: &str) -> Option<Self> {
        Self::VALUES
            .iter()
            .map(|(t, ..)| *t)
            .find(|t| t.form_value(family) == v)
    }
}

impl FormValue for AuthMethod {
    const VALUES: &'static Values<Self> = &[
        (AuthMethod::Off, "0", "OFF"),
        (AuthMethod::SmtpAuth, "1", "SMTP"),
        (AuthMethod::PopBeforeSmtp, "2", "POP"),
        (AuthMethod::OAuth2, "3", "OAUTH2"),
    ];
}

impl FormValue for EmailService {
    const VALUES: &'static Values<Self> = &[
        (EmailService::ExchangeOnline, "EXO", "1"),
        (EmailService::OutlookCom, "OUTLOOK", "2"),
    ];
}

impl FormValue for Secure {
    const VALUES: &'static Values<Self> = &[
        (Secure::None, "0", "NONE"),
        (Secure::Starttls, "1", "STARTTLS"),
        (Secure::SslTls, "2", "SSLTLS"),
    ];
}

/// Certificate validation on or off.
impl FormValue for bool {
    const VALUES: &'static Values<Self> = &[(true, "1", "ENABLE"), (false, "0", "DISABLE")];
}

/// Why a value was refused; the page names the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid(pub F);

fn ascii_printable(s: &str) -> bool {
    s.bytes().all(|b| (0x20..=0x7e).contains(&b))
}

/// An IPv4 address or a fully qualified domain name.
pub fn valid_server(s: &str) -> bool {
    if s.parse::<std::net::Ipv4Addr>().is_ok() {
        return true;
    }
    if s.is_empty() || s.len() > 255 || s.starts_with('.') || s.ends_with('.') {
        return false;
    }
    s.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    }) && !s.split('.').all(|l| l.chars().all(|c| c.is_ascii_digit()))
}

/// The manuals' rules for the Email Server > Basic values.
pub fn validate(m: &MailSettings) -> Result<(), Invalid> {
    if m.account.len() > 255 || !ascii_printable(&m.account) {
        return Err(Invalid(F::Account));
    }
    if m.password.len() > 20 || !ascii_printable(&m.password) {
        return Err(Invalid(F::Password));
    }
    if m.sender.chars().count() > 255
        || m.sender.starts_with('.')
        || m.sender.chars().any(|c| ":()<>[];¥".contains(c))
    {
        return Err(Invalid(F::Sender));
    }
    if (m.auth_method != AuthMethod::Off || !m.smtp_server.is_empty())
        && !valid_server(&m.smtp_server)
    {
        return Err(Invalid(F::SmtpServer));
    }
    if m.smtp_port == 0 {
        return Err(Invalid(F::SmtpPort));
    }
    if m.auth_method == AuthMethod::PopBeforeSmtp && !valid_server(&m.pop3_server) {
        return Err(Invalid(F::Pop3Server));
    }
    if m.pop3_port == 0 {
        return Err(Invalid(F::Pop3Port));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_follows_the_manual() {
        let mut m = MailSettings::basic_auth_example();
        assert_eq!(validate(&m), Ok(()));
        m.sender = "a(b)@x.example".into();
        assert_eq!(validate(&m), Err(Invalid(F::Sender)));
        m.sender = ".a@x.example".into();
        assert_eq!(validate(&m), Err(Invalid(F::Sender)));
        m.sender = "a@x.example".into();
        m.password = "x".repeat(21);
        assert_eq!(validate(&m), Err(Invalid(F::Password)));
        m.password = "ok".into();
        m.account = "tab\there".into();
        assert_eq!(validate(&m), Err(Invalid(F::Account)));
        m.account = "a".into();
        m.smtp_server = "bad_host!".into();
        assert_eq!(validate(&m), Err(Invalid(F::SmtpServer)));
        m.smtp_server = "192.0.2.10".into();
        assert_eq!(validate(&m), Ok(()));
        m.smtp_server = "999.1.1.1".into();
        assert_eq!(validate(&m), Err(Invalid(F::SmtpServer)));
    }

    #[test]
    fn every_setting_has_a_value_in_both_families_and_reads_back() {
        for fam in [Family::Business, Family::Consumer] {
            for m in [
                AuthMethod::Off,
                AuthMethod::SmtpAuth,
                AuthMethod::PopBeforeSmtp,
                AuthMethod::OAuth2,
            ] {
                assert_eq!(AuthMethod::from_form(fam, m.form_value(fam)), Some(m));
            }
            for v in [EmailService::ExchangeOnline, EmailService::OutlookCom] {
                assert_eq!(EmailService::from_form(fam, v.form_value(fam)), Some(v));
            }
            for v in [Secure::None, Secure::Starttls, Secure::SslTls] {
                assert_eq!(Secure::from_form(fam, v.form_value(fam)), Some(v));
            }
            for v in [true, false] {
                assert_eq!(bool::from_form(fam, v.form_value(fam)), Some(v));
            }
            assert_eq!(AuthMethod::from_form(fam, "no such value"), None);
        }
    }

    #[test]
    fn families_name_fields_differently_but_round_trip() {
        for fam in [Family::Business, Family::Consumer] {
            for m in [AuthMethod::Off, AuthMethod::OAuth2] {
                assert_eq!(AuthMethod::from_form(fam, m.form_value(fam)), Some(m));
            }
        }
        assert_ne!(
            name(Family::Business, F::AuthMethod),
            name(Family::Consumer, F::AuthMethod)
        );
    }
}
