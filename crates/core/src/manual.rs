//! The guided manual path: when a run stops because the driver could not read a
//! device's page ([`DeviceError::DevicePageNotUnderstood`]) or the device did not
//! confirm the save ([`DeviceError::DeviceSaveNotConfirmed`]), the failure carries
//! what a person does on the device's own page instead — never a dead end.
//!
//! A [`ManualPath`] names the device's Web Config address, the exact thing that was
//! missing (as the driver named it, and as a [`Missing`] code for the catalogues), the
//! run step it stopped at, and the vendor guide's steps for this device from there,
//! each a [`ManualStep`]: a stable code with its values (never an English sentence;
//! the catalogues' `manual-<code>` and `missing-<code>` messages say them in every
//! language). Vendor wording the guide prints in English ("Email Server > Basic",
//! "Sign in with Microsoft", OK) is in the messages, not in the values.
//!
//! After the person has done the steps, [`crate::run::check_again`] reads the device
//! again and continues the run from where the device is.

use serde::{Deserialize, Serialize};

use crate::devices::{DeviceAddress, DeviceError, EmailService, OAuthTarget, SignInCode};
use crate::run::Step;
use crate::Error;

/// What the driver could not find, for the catalogues (`missing-<code>`). The
/// driver's own words are kept beside it in [`ManualPath::missing`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum Missing {
    /// A button with this label.
    Button { label: String },
    /// A field with this label.
    Field { label: String },
    /// An option of a field.
    Option { option: String, field: String },
    /// A menu entry (e.g. "Email Server > Basic").
    MenuEntry { path: String },
    /// A page the menu pointed to did not answer.
    Page { path: String },
    /// A row (label and value) of a page, e.g. "Current Status".
    Row { label: String },
    /// The administrator log-in form.
    LoginForm {},
    /// The confirmation form of a save.
    ConfirmationForm {},
    /// The device's "Setup complete." after a save.
    SaveConfirmation {},
    /// The code of the device's sign-in.
    SignInCode {},
    /// The address where the code is entered.
    VerificationUrl {},
    /// Anything else, as the driver named it.
    Other { what: String },
}

impl Missing {
    /// Reads the driver's name for what it missed ("button 'Sign In'", "field
    /// 'Authentication Method'", "option 'OAuth2' of 'Authentication Method'",
    /// "menu entry 'Email Server > Basic'", ...). Unknown wording stays as it is.
    pub fn from_driver(missing: &str) -> Missing {
        let m = missing.trim();
        let quoted = |s: &str| -> Option<String> {
            let s = s.trim();
            let inner = s.strip_prefix('\'')?;
            let end = inner.find('\'')?;
            Some(inner[..end].to_string())
        };
        let after = |prefix: &str| -> Option<&str> {
            m.get(..prefix.len())
                .filter(|p| p.eq_ignore_ascii_case(prefix))
                .map(|_| &m[prefix.len()..])
        };
        if let Some(rest) = after("button ") {
            if let Some(label) = quoted(rest) {
                return Missing::Button { label };
            }
        }
        if let Some(rest) = after("field ") {
            if let Some(label) = quoted(rest) {
                return Missing::Field { label };
            }
        }
        if let Some(rest) = after("option ") {
            if let Some(option) = quoted(rest) {
                let tail = rest.trim()[option.len() + 2..].trim_start();
                let field = tail
                    .strip_prefix("of ")
                    .and_then(quoted)
                    .unwrap_or_default();
                return Missing::Option { option, field };
            }
        }
        if let Some(rest) = after("menu entry ") {
            if let Some(path) = quoted(rest) {
                return Missing::MenuEntry { path };
            }
        }
        if let Some(rest) = after("page ") {
            if let Some(path) = quoted(rest) {
                return Missing::Page { path };
            }
        }
        if let Some(rest) = after("row ") {
            if let Some(label) = quoted(rest) {
                return Missing::Row { label };
            }
        }
        let lower = m.to_ascii_lowercase();
        match lower.as_str() {
            "log-in form" | "login form" => Missing::LoginForm {},
            "confirmation form" => Missing::ConfirmationForm {},
            "authentication code" | "sign-in code" | "user code" => Missing::SignInCode {},
            "verification url" | "verification uri" => Missing::VerificationUrl {},
            _ => Missing::Other {
                what: m.to_string(),
            },
        }
    }
}

/// One thing to do on the device's page (or, for the sign-in, in a browser). Each is
/// a catalogue message `manual-<code>`; the params are the values it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum ManualStep {
    /// Open the device's Web Config at `url` in a browser on a computer on the same
    /// network (the browser may warn about the device's own certificate).
    OpenWebConfig { url: String },
    /// Log in as administrator: Log in, the administrator password, OK.
    LogIn {},
    /// The Network tab, then Email Server > Basic.
    OpenEmailServerBasic {},
    /// Authentication Method: OAuth2.
    SetAuthMethodOauth2 {},
    /// Email service: `service` (the device's wording: "Microsoft Exchange Online" or
    /// "Outlook.com").
    SetEmailService { service: String },
    /// Sign In (the page warns that other signed-in services are signed out).
    PressSignIn {},
    /// "Sign in with Microsoft": the page shows a code and an address.
    PressSignInWithMicrosoft {},
    /// In a browser, open the address the device shows and enter the code it shows.
    EnterShownCode {},
    /// In a browser, open `url` and enter `code` (the code the device showed).
    EnterCode { code: String, url: String },
    /// Sign in with an account that may register the vendor's application (Cloud
    /// Application Administrator or higher): password, Sign In.
    SignInAsAdministrator {},
    /// On "Permissions requested", tick "Consent on behalf of your organization",
    /// then Accept; the browser can then be closed.
    ConsentForOrganisation {},
    /// Back on Email Server > Basic, Current Status shows Signed in (reload the page).
    CheckSignedIn {},
    /// The other values: Sender's Email Address `sender`, SMTP Server Address
    /// `server`, SMTP Server Port Number `port`, Secure Connection STARTTLS,
    /// Certificate Validation Enable.
    CheckValues {
        sender: String,
        server: String,
        port: u16,
    },
    /// OK to send the settings to the printer, then OK on the confirmation page; the
    /// page says "Setup complete.".
    PressOk {},
}

/// Where on the guide a run stopped (from what was missing and the step).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Point {
    LogIn,
    EmailServerPage,
    Fields,
    SignIn,
    SignInWithMicrosoft,
    Code,
    Status,
    Save,
}

/// What a person does on the device's own page when the run could not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ManualPath {
    /// The device's Web Config address (https).
    pub web_config_url: String,
    /// Which page the driver could not read (the driver's name, e.g.
    /// "email-server-basic").
    pub page: String,
    /// What was missing, exactly as the driver named it.
    pub missing: String,
    /// The same, as a code for the catalogues.
    pub missing_code: Missing,
    /// The run step that was not reached.
    pub stopped_at: Step,
    /// The steps to do, in order.
    pub steps: Vec<ManualStep>,
    /// Index in `steps` of the step the run stopped at (the first the person does
    /// that the run could not); the steps before it only lead to that page.
    pub stop_index: usize,
}

/// The device's Web Config address: `https://host[:port]/` (plain `http://` only
/// for a device that has no HTTPS port).
pub fn web_config_url(addr: &DeviceAddress) -> String {
    let host = addr.host_for_url();
    match (addr.https_port, addr.http_port) {
        (Some(443), _) => format!("https://{host}/"),
        (Some(p), _) => format!("https://{host}:{p}/"),
        (None, Some(80) | None) => format!("http://{host}/"),
        (None, Some(p)) => format!("http://{host}:{p}/"),
    }
}

/// The device's wording of an email service.
pub fn service_label(s: EmailService) -> &'static str {
    match s {
        EmailService::ExchangeOnline => "Microsoft Exchange Online",
        EmailService::OutlookCom => "Outlook.com",
    }
}

fn point_of(failed_at: Step, page: &str, missing: &Missing) -> Point {
    let is_button =
        |l: &str| matches!(missing, Missing::Button { label } if label.eq_ignore_ascii_case(l));
    match failed_at {
        Step::Found | Step::LoggedIn => Point::LogIn,
        Step::Oauth2Set | Step::WaitingForConsent => {
            if page == "log-in" || matches!(missing, Missing::LoginForm {}) {
                Point::LogIn
            } else if matches!(missing, Missing::MenuEntry { .. } | Missing::Page { .. })
                || page == "menu"
            {
                Point::EmailServerPage
            } else if is_button("Sign in with Microsoft") {
                Point::SignInWithMicrosoft
            } else if is_button("Sign In") {
                Point::SignIn
            } else if matches!(
                missing,
                Missing::SignInCode {} | Missing::VerificationUrl {}
            ) || (failed_at == Step::WaitingForConsent && page == "email-server-sign-in")
            {
                Point::Code
            } else {
                Point::Fields
            }
        }
        Step::SignedIn => Point::Status,
        Step::Saved | Step::Verified => Point::Save,
    }
}

/// The guided path for a failed device, when the failure is one a person can get
/// past on the device's page: a page the driver did not understand, or a save the
/// device did not confirm. `code`: the sign-in code the device showed during the run,
/// if it got that far.
pub fn manual_path(
    web_config_url: &str,
    target: &OAuthTarget,
    failed_at: Step,
    error: &Error,
    code: Option<&SignInCode>,
) -> Option<ManualPath> {
    let (page, missing, missing_code) = match error {
        Error::Device(DeviceError::DevicePageNotUnderstood { page, missing, .. }) => {
            (page.clone(), missing.clone(), Missing::from_driver(missing))
        }
        Error::Device(DeviceError::DeviceSaveNotConfirmed { page, .. }) => (
            page.clone(),
            "Setup complete.".to_string(),
            Missing::SaveConfirmation {},
        ),
        _ => return None,
    };
    let point = if matches!(missing_code, Missing::SaveConfirmation {}) {
        Point::Save
    } else {
        point_of(failed_at, &page, &missing_code)
    };
    let (steps, stop_index) = steps_for(web_config_url, target, point, code);
    Some(ManualPath {
        web_config_url: web_config_url.to_string(),
        page,
        missing,
        missing_code,
        stopped_at: failed_at,
        steps,
        stop_index,
    })
}

fn steps_for(
    url: &str,
    target: &OAuthTarget,
    point: Point,
    code: Option<&SignInCode>,
) -> (Vec<ManualStep>, usize) {
    use ManualStep as M;
    let reach = [
        M::OpenWebConfig { url: url.into() },
        M::LogIn {},
        M::OpenEmailServerBasic {},
    ];
    let choose = [
        M::SetAuthMethodOauth2 {},
        M::SetEmailService {
            service: service_label(target.service).into(),
        },
    ];
    let finish = [
        M::CheckSignedIn {},
        M::CheckValues {
            sender: target.sender.clone(),
            server: target
                .smtp_server
                .clone()
                .unwrap_or_else(|| crate::devices::MICROSOFT_SMTP_SERVER.into()),
            port: target.smtp_port.unwrap_or(587),
        },
        M::PressOk {},
    ];
    let mut steps: Vec<ManualStep> = Vec::new();
    let stop_at = |steps: &[ManualStep], want: &ManualStep| {
        steps
            .iter()
            .position(|s| std::mem::discriminant(s) == std::mem::discriminant(want))
            .unwrap_or(0)
    };
    match (point, code) {
        (Point::Status, Some(c)) => {
            // The device showed its code and waits for it: sign in first, then look
            // at the device's page.
            steps.push(M::EnterCode {
                code: c.user_code.clone(),
                url: c.verification_uri.clone(),
            });
            steps.push(M::SignInAsAdministrator {});
            steps.push(M::ConsentForOrganisation {});
            steps.extend(reach);
            steps.extend(choose);
            steps.extend(finish);
            let i = stop_at(&steps, &M::CheckSignedIn {});
            (steps, i)
        }
        (Point::Save, _) => {
            steps.extend(reach);
            steps.extend(choose);
            steps.extend(finish);
            let i = stop_at(&steps, &M::PressOk {});
            (steps, i)
        }
        _ => {
            steps.extend(reach);
            steps.extend(choose);
            steps.push(M::PressSignIn {});
            steps.push(M::PressSignInWithMicrosoft {});
            steps.push(M::EnterShownCode {});
            steps.push(M::SignInAsAdministrator {});
            steps.push(M::ConsentForOrganisation {});
            steps.extend(finish);
            let want = match point {
                Point::LogIn => M::LogIn {},
                Point::EmailServerPage => M::OpenEmailServerBasic {},
                Point::Fields => M::SetAuthMethodOauth2 {},
                Point::SignIn => M::PressSignIn {},
                Point::SignInWithMicrosoft => M::PressSignInWithMicrosoft {},
                Point::Code => M::EnterShownCode {},
                // The code is not known: the person reads it on the device's page.
                Point::Status => M::EnterShownCode {},
                Point::Save => M::PressOk {},
            };
            let i = stop_at(&steps, &want);
            (steps, i)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::FirmwareFamily;

    fn not_understood(page: &str, missing: &str) -> Error {
        DeviceError::DevicePageNotUnderstood {
            page: page.into(),
            missing: missing.into(),
            redacted_html: "<html></html>".into(),
        }
        .into()
    }

    fn codes(p: &ManualPath) -> Vec<String> {
        p.steps
            .iter()
            .map(|s| {
                serde_json::to_value(s).unwrap()["code"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn reads_the_drivers_names() {
        assert_eq!(
            Missing::from_driver("button 'Sign In'"),
            Missing::Button {
                label: "Sign In".into()
            }
        );
        assert_eq!(
            Missing::from_driver("option 'OAuth2' of 'Authentication Method'"),
            Missing::Option {
                option: "OAuth2".into(),
                field: "Authentication Method".into()
            }
        );
        assert_eq!(
            Missing::from_driver("menu entry 'Email Server > Basic'"),
            Missing::MenuEntry {
                path: "Email Server > Basic".into()
            }
        );
        assert_eq!(
            Missing::from_driver("page 'Email Server > Basic' at /X/TOP (HTTP 404)"),
            Missing::Page {
                path: "Email Server > Basic".into()
            }
        );
        assert_eq!(
            Missing::from_driver("row 'Current Status'"),
            Missing::Row {
                label: "Current Status".into()
            }
        );
        assert_eq!(Missing::from_driver("log-in form"), Missing::LoginForm {});
        assert_eq!(
            Missing::from_driver("authentication code"),
            Missing::SignInCode {}
        );
        assert_eq!(
            Missing::from_driver("something new"),
            Missing::Other {
                what: "something new".into()
            }
        );
        let v = serde_json::to_value(Missing::from_driver("field 'Sender'")).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"code": "field", "params": {"label": "Sender"}})
        );
    }

    #[test]
    fn a_missing_sign_in_button_leads_through_the_guides_remaining_steps() {
        let t = OAuthTarget::exchange_online("scan@contoso.example");
        let p = manual_path(
            "https://192.0.2.5/",
            &t,
            Step::Oauth2Set,
            &not_understood("email-server-basic", "button 'Sign In'"),
            None,
        )
        .unwrap();
        assert_eq!(p.missing, "button 'Sign In'");
        assert_eq!(p.stopped_at, Step::Oauth2Set);
        assert_eq!(
            codes(&p),
            [
                "open-web-config",
                "log-in",
                "open-email-server-basic",
                "set-auth-method-oauth2",
                "set-email-service",
                "press-sign-in",
                "press-sign-in-with-microsoft",
                "enter-shown-code",
                "sign-in-as-administrator",
                "consent-for-organisation",
                "check-signed-in",
                "check-values",
                "press-ok"
            ]
        );
        assert_eq!(codes(&p)[p.stop_index], "press-sign-in");
        assert_eq!(
            p.steps[0],
            ManualStep::OpenWebConfig {
                url: "https://192.0.2.5/".into()
            }
        );
        assert_eq!(
            p.steps[4],
            ManualStep::SetEmailService {
                service: "Microsoft Exchange Online".into()
            }
        );
        assert_eq!(
            p.steps[11],
            ManualStep::CheckValues {
                sender: "scan@contoso.example".into(),
                server: "smtp-mail.outlook.com".into(),
                port: 587
            }
        );
    }

    #[test]
    fn each_stop_starts_where_the_run_could_not_go_on() {
        let t = OAuthTarget::new(EmailService::OutlookCom, "me@outlook.example");
        let stop = |at, page: &str, missing: &str| {
            let p =
                manual_path("https://h/", &t, at, &not_understood(page, missing), None).unwrap();
            codes(&p)[p.stop_index].clone()
        };
        assert_eq!(stop(Step::LoggedIn, "log-in", "log-in form"), "log-in");
        assert_eq!(
            stop(Step::Oauth2Set, "menu", "menu entry 'Email Server > Basic'"),
            "open-email-server-basic"
        );
        assert_eq!(
            stop(
                Step::Oauth2Set,
                "email-server-basic",
                "field 'Authentication Method'"
            ),
            "set-auth-method-oauth2"
        );
        assert_eq!(
            stop(
                Step::Oauth2Set,
                "email-server-sign-in",
                "button 'Sign in with Microsoft'"
            ),
            "press-sign-in-with-microsoft"
        );
        assert_eq!(
            stop(
                Step::WaitingForConsent,
                "email-server-sign-in",
                "authentication code"
            ),
            "enter-shown-code"
        );
        assert_eq!(
            stop(Step::Saved, "email-server-basic", "button 'OK'"),
            "press-ok"
        );
        let p = manual_path(
            "https://h/",
            &t,
            Step::Oauth2Set,
            &not_understood("email-server-basic", "button 'Sign In'"),
            None,
        )
        .unwrap();
        assert!(p.steps.contains(&ManualStep::SetEmailService {
            service: "Outlook.com".into()
        }));
    }

    #[test]
    fn a_known_code_comes_first_when_the_status_could_not_be_read() {
        let t = OAuthTarget::exchange_online("scan@contoso.example");
        let code = SignInCode {
            user_code: "ABCD1234".into(),
            verification_uri: "https://microsoft.com/devicelogin".into(),
            expires_at: chrono::Utc::now(),
        };
        let p = manual_path(
            "https://h/",
            &t,
            Step::SignedIn,
            &not_understood("email-server-sign-in-status", "row 'Current Status'"),
            Some(&code),
        )
        .unwrap();
        assert_eq!(
            p.steps[0],
            ManualStep::EnterCode {
                code: "ABCD1234".into(),
                url: "https://microsoft.com/devicelogin".into()
            }
        );
        assert_eq!(codes(&p)[p.stop_index], "check-signed-in");
        assert_eq!(
            p.missing_code,
            Missing::Row {
                label: "Current Status".into()
            }
        );
    }

    #[test]
    fn an_unconfirmed_save_ends_with_ok_and_other_errors_have_no_path() {
        let t = OAuthTarget::exchange_online("scan@contoso.example");
        let e: Error = DeviceError::DeviceSaveNotConfirmed {
            page: "email-server-basic".into(),
            redacted_html: String::new(),
        }
        .into();
        let p = manual_path("https://h/", &t, Step::Saved, &e, None).unwrap();
        assert_eq!(p.missing_code, Missing::SaveConfirmation {});
        assert_eq!(codes(&p)[p.stop_index], "press-ok");
        assert!(!codes(&p).contains(&"press-sign-in".to_string()));
        let e: Error = DeviceError::DeviceLoginRejected {
            family: FirmwareFamily::Business,
        }
        .into();
        assert_eq!(
            manual_path("https://h/", &t, Step::LoggedIn, &e, None),
            None
        );
    }

    #[test]
    fn web_config_addresses() {
        assert_eq!(
            web_config_url(&DeviceAddress::new("192.0.2.5")),
            "https://192.0.2.5/"
        );
        assert_eq!(
            web_config_url(&DeviceAddress::with_ports("2001:db8::5", Some(8443), None)),
            "https://[2001:db8::5]:8443/"
        );
        assert_eq!(
            web_config_url(&DeviceAddress::with_ports("h", None, Some(8080))),
            "http://h:8080/"
        );
    }
}
