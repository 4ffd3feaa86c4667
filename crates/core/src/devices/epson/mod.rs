//! Epson Web Config driver.
//!
//! What it relies on (public facts about Web Config): the admin log-in page
//! `/PRESENTATION/ADVANCED/PASSWORD/TOP` and the two log-in forms (business models
//! post user name and password to `.../PASSWORD/SET`, consumer models post
//! `session=<password>` to `/PRESENTATION/PSWD`; which one is decided from the form
//! the device serves), the session cookie, the `INPUTT_SETUPTOKEN` hidden input that
//! every settings form carries, the two-step save ending in "Setup complete.", the
//! "Shutting down" page of a restart, `SEL_LANGA=1` posted to
//! `/PRESENTATION/ADVANCED/COMMON/TOP` switching the UI to English, and the job
//! history CSV export.
//!
//! What it does not rely on: the Email Server page's path and field names, and how
//! the OAuth sub-page polls. The driver switches Web Config to English, follows the
//! menu link "Email Server" > "Basic", finds controls by their label (or row header)
//! text and select options by their text, presses buttons by their visible value
//! ("Sign In", "Sign in with Microsoft", "OK"), posts every form to its own action
//! with every hidden input kept, and polls the page the sign-in page refreshes to.
//! When something is missing the error names it and carries a redacted copy of the
//! page.
//!
//! Note: the language switch is device-wide on Web Config. A run leaves the device in
//! English; a reading (the inventory) sets the language it found back
//! ([`DeviceDriver::restore_language`]), when the top page showed it.
//!
//! Robustness: a lost session or stale setup token → log in again (with the
//! credentials given to `login`) and repeat; HTTP 500 → a few retries; HTTP 503 or
//! connection refused (a restart) → wait up to [`ConnectOptions::restart_timeout`];
//! "Shutting down" during a save → wait, log in again, and save again unless the
//! device already shows the target settings.

mod client;
mod forms;
#[cfg(feature = "fuzzing")]
pub(crate) mod fuzzing;
mod jobs;

use async_trait::async_trait;
use tokio::sync::Mutex;
use url::Url;

use self::client::Http;
use self::forms::{contains_ci, same, Button, Field, FieldKind, Form, Link, Method, Page};
pub use super::connect::{ConnectOptions, DeviceAddress};
use super::{
    AdminCredentials, AuthMethod, ConnectionTestResult, DeviceDriver, DeviceError, EmailService,
    EmailSettings, FaxOAuthTarget, FirmwareFamily, JobEntry, MailCapabilities, OAuthTarget,
    PanelState, SecureConnection, SettingMismatch, SignInCode, SignInStatus, Wait, WaitObserver,
    WaitReason,
};

// Public facts about Web Config.
const COMMON_TOP: &str = "/PRESENTATION/ADVANCED/COMMON/TOP";
const PASSWORD_TOP: &str = "/PRESENTATION/ADVANCED/PASSWORD/TOP";
const CONSUMER_LOGIN: &str = "/PRESENTATION/PSWD";
const BUSINESS_LOGIN: &str = "/PRESENTATION/ADVANCED/PASSWORD/SET";
const PRODUCT_STATUS: &str = "/PRESENTATION/ADVANCED/INFO_PRTINFO/TOP";
const NETWORK_STATUS: &str = "/PRESENTATION/ADVANCED/INFO_NWINFO/TOP";
const JOB_HISTORY_CSV: &str = "/PRESENTATION/ADVANCED/INFO_JOBHISTORY/OUTPUT.CSV";
/// Where Email Server > Basic is assumed to be when no menu link leads there (the
/// path is not public; tried only as a last resort, and named when absent).
const MAIL_BASIC_GUESS: &str = "/PRESENTATION/ADVANCED/NWS_MAIL_BASIC/TOP";

// Visible labels (English, after the language switch).
const L_AUTH: &[&str] = &["Authentication Method"];
const L_SERVICE: &[&str] = &[
    "Email service",
    "Email Service Provider",
    "E-mail service",
    "Mail service",
    "Service",
];
const L_SENDER: &[&str] = &[
    "Sender's Email Address",
    "Sender Email Address",
    "Sender's E-mail Address",
    "Sender Address",
    "From Address",
];
const L_SERVER: &[&str] = &["SMTP Server Address", "SMTP Server", "Server Address"];
const L_PORT: &[&str] = &["SMTP Server Port Number", "SMTP Port Number", "Port Number"];
const L_SECURE: &[&str] = &["Secure Connection"];
const L_CERT: &[&str] = &["Certificate Validation"];
const L_ACCOUNT: &[&str] = &["Authenticated Account"];
const L_STATUS: &[&str] = &["Current Status"];
const L_CODE: &[&str] = &[
    "Authentication code",
    "Authentication Code",
    "User code",
    "Code",
];
const EXCLUDE_POP: &[&str] = &["POP3", "POP "];

const MAX_RECOVERIES: u32 = 3;

/// Why an attempt stopped.
enum Step {
    Fail(DeviceError),
    /// The device shows its log-in page or says the setup token is stale.
    SessionLost,
    /// The device said "Shutting down".
    Restarting,
}

impl From<DeviceError> for Step {
    fn from(e: DeviceError) -> Self {
        Step::Fail(e)
    }
}

type StepResult<T> = Result<T, Step>;

/// Where the sign-in status is read again: the page a meta refresh or a
/// "Refresh" link points to, or the form a "Refresh" button submits.
#[derive(Clone)]
enum StatusSource {
    Url(Url),
    Form(Form),
}

#[derive(Default)]
struct State {
    creds: Option<AdminCredentials>,
    family: Option<FirmwareFamily>,
    english: bool,
    /// Web Config's display language before the driver chose English (the language
    /// field's name and value), when the page showed it: what
    /// [`DeviceDriver::restore_language`] sets back.
    language_before: Option<(String, String)>,
    menu: Option<(Vec<Link>, String)>,
    mail_url: Option<Url>,
    signin_form: Option<Form>,
    /// What goes with the sign-in form when it is submitted.
    signin_values: Vec<(String, String)>,
    /// A page that already shows the device's code (a device that starts its
    /// sign-in at the first button).
    started: Option<Page>,
    status: Option<StatusSource>,
    pending_code: Option<String>,
    target: Option<OAuthTarget>,
    secrets: Vec<String>,
}

/// The Epson Web Config driver. See the module documentation.
pub struct EpsonWebConfig {
    addr: DeviceAddress,
    opts: ConnectOptions,
    http: std::sync::OnceLock<Result<Http, DeviceError>>,
    state: Mutex<State>,
    waits: client::Waits,
}

/// Runs an attempt again after logging in again (lost session, stale token) or
/// after waiting out a restart, a bounded number of times.
macro_rules! recovering {
    ($self:ident, $st:ident, $attempt:expr) => {{
        let mut recoveries = 0u32;
        let started = std::time::Instant::now();
        loop {
            match $attempt {
                Ok(v) => break Ok(v),
                Err(Step::Fail(e)) => break Err(e),
                Err(Step::SessionLost) => {
                    recoveries += 1;
                    if recoveries > MAX_RECOVERIES {
                        break Err(DeviceError::DeviceSessionLost {
                            attempts: recoveries,
                        });
                    }
                    $self.relogin(&mut $st).await?;
                }
                Err(Step::Restarting) => {
                    recoveries += 1;
                    if recoveries > MAX_RECOVERIES {
                        break Err(DeviceError::DeviceRestartTimeout {
                            address: $self.addr.display(),
                            waited_secs: started.elapsed().as_secs(),
                        });
                    }
                    $self.wait_back().await?;
                    $self.relogin(&mut $st).await?;
                }
            }
        }
    }};
}

fn is_shutting_down(p: &Page) -> bool {
    p.texts.iter().any(|t| contains_ci(t, "Shutting down"))
}

fn is_complete(p: &Page) -> bool {
    p.warnings.iter().chain(p.texts.iter()).any(|t| {
        [
            "Setup complete",
            "Setting complete",
            "Settings saved",
            "Configuration complete",
        ]
        .iter()
        .any(|m| contains_ci(t, m))
    })
}

fn option_texts(f: &Field) -> Vec<String> {
    f.options().iter().map(|o| o.1.clone()).collect()
}

fn is_oauth2_text(t: &str) -> bool {
    same(t, "OAuth2") || same(t, "OAuth 2.0") || same(t, "OAuth")
}

fn secure_texts(s: &SecureConnection) -> Vec<&str> {
    match s {
        SecureConnection::None => vec!["None"],
        SecureConnection::StartTls => vec!["STARTTLS"],
        SecureConnection::SslTls => vec!["SSL/TLS"],
        SecureConnection::Other(o) => vec![o.as_str()],
    }
}

fn service_texts(s: EmailService) -> &'static [&'static str] {
    match s {
        EmailService::ExchangeOnline => &["Microsoft Exchange Online", "Exchange Online"],
        EmailService::OutlookCom => &["Outlook.com"],
    }
}

fn parse_auth(t: &str) -> AuthMethod {
    if same(t, "Off") {
        AuthMethod::Off
    } else if same(t, "SMTP AUTH") {
        AuthMethod::SmtpAuth
    } else if same(t, "POP before SMTP") {
        AuthMethod::PopBeforeSmtp
    } else if is_oauth2_text(t) {
        AuthMethod::OAuth2
    } else {
        AuthMethod::Other(t.to_string())
    }
}

fn parse_secure(t: &str) -> SecureConnection {
    if same(t, "None") {
        SecureConnection::None
    } else if same(t, "STARTTLS") {
        SecureConnection::StartTls
    } else if same(t, "SSL/TLS") {
        SecureConnection::SslTls
    } else {
        SecureConnection::Other(t.to_string())
    }
}

/// The model: a row naming it where the page has one, else the page title (real
/// devices name the model only in `<title>`, e.g. "AM-C6000 Series").
fn product_model(p: &Page) -> Option<String> {
    p.row(&["Printer Name", "Model", "Product Name", "Model Name"])
        .or_else(|| {
            let t = p.title.trim();
            (!t.is_empty()).then(|| t.to_string())
        })
}

fn product_firmware(p: &Page) -> Option<String> {
    p.row(&["Firmware", "Firmware Version", "Main Version", "Version"])
}

/// Whether the interface the device is reached through (one of `ours`: the
/// address used and the peer address seen) is its additional network, read from
/// Network Status: the tab (one per interface) whose IP address is ours, else a
/// row naming the interface. Text elsewhere that merely mentions the additional
/// network (a note, a warning) says nothing about this connection.
fn interface_is_additional(page: &Page, ours: &[String]) -> bool {
    const L_IP: &[&str] = &["IP Address", "IPv4 Address", "IPv6 Address", "IP address"];
    let is_ours = |v: &str| {
        v.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
            .any(|w| {
                ours.iter()
                    .any(|o| !o.is_empty() && w.eq_ignore_ascii_case(o))
            })
    };
    if !page.tabs.is_empty() {
        return page.tabs.iter().any(|t| {
            contains_ci(&t.title, "additional")
                && t.rows
                    .iter()
                    .any(|(l, v)| L_IP.iter().any(|x| same(l, x)) && is_ours(v))
        });
    }
    page.row(&[
        "Connected via",
        "Network Interface",
        "Interface",
        "Connection",
    ])
    .is_some_and(|v| contains_ci(&v, "additional"))
}

/// "Signed in", also "Signed in as …" / "Signed in (…)".
fn is_signed_in(status: &str) -> bool {
    let s = forms::norm(status).to_lowercase();
    s == "signed in" || s.starts_with("signed in ") || s.starts_with("signed in(")
}

/// The page shows a device sign-in code (its row, or the guide's sentence).
fn shows_code(p: &Page) -> bool {
    p.row(L_CODE).is_some() || p.text_containing("enter the code").is_some()
}

/// The word after `marker` in `text` ("... enter the code ABC to ..." → "ABC").
/// The marker is found in ASCII lower case, which keeps every byte in its place (a
/// full lower case may change the length of the text before it).
fn word_after(text: &str, marker: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let i = lower.find(&marker.to_ascii_lowercase())? + marker.len();
    let w = text.get(i..)?.split_whitespace().next()?;
    let w = w.trim_end_matches(['.', ',', ';', ')']);
    (!w.is_empty()).then(|| w.to_string())
}

/// Checks an address the way the device's form does (manual: 0-255 characters,
/// none of `:()<>[];¥`, not starting with ".").
fn check_sender(sender: &str) -> Result<(), DeviceError> {
    let bad = sender.is_empty()
        || sender.len() > 255
        || sender.starts_with('.')
        || !sender.contains('@')
        || sender
            .chars()
            .any(|c| ":()<>[];¥\\\"".contains(c) || !(' '..='~').contains(&c) || c == ' ');
    if bad {
        return Err(DeviceError::DeviceInvalidValue {
            field: "sender".into(),
            value: sender.into(),
        });
    }
    Ok(())
}

/// A page's language field: its name, the value chosen now and English's value.
fn language_field(page: &Page) -> Option<(String, String, String)> {
    page.forms.iter().find_map(|f| {
        let lang = f.fields.iter().find(|x| {
            x.name.eq_ignore_ascii_case("SEL_LANGA")
                || (x.options().len() > 1 && x.option_value(&["English"]).is_some())
        })?;
        let en = lang.option_value(&["English"])?;
        Some((lang.name.clone(), lang.value.clone(), en))
    })
}

impl EpsonWebConfig {
    pub fn new(base: DeviceAddress, opts: ConnectOptions) -> Self {
        Self {
            addr: base,
            opts,
            http: std::sync::OnceLock::new(),
            state: Mutex::new(State::default()),
            waits: Default::default(),
        }
    }

    pub fn address(&self) -> &DeviceAddress {
        &self.addr
    }

    /// The firmware family seen at log-in.
    pub async fn family(&self) -> FirmwareFamily {
        self.state
            .lock()
            .await
            .family
            .unwrap_or(FirmwareFamily::Unknown)
    }

    fn http(&self) -> Result<&Http, DeviceError> {
        self.http
            .get_or_init(|| Http::new(self.addr.clone(), self.opts.clone(), self.waits.clone()))
            .as_ref()
            .map_err(Clone::clone)
    }

    async fn url(&self, path: &str) -> Result<Url, DeviceError> {
        self.http()?.url(path).await
    }

    /// Submits `form` as a browser does when `button` is pressed (a script button
    /// sends nothing of its own), with `values` applied; GET forms as a query.
    async fn submit(
        &self,
        form: &Form,
        button: Option<&Button>,
        values: &[(String, String)],
    ) -> Result<Page, DeviceError> {
        let body = form.submission(button, values);
        let http = self.http()?;
        match form.method {
            Method::Post => http.post(&form.action, &body).await,
            Method::Get => {
                let mut u = form.action.clone();
                u.set_query(None);
                u.query_pairs_mut().extend_pairs(body.iter());
                http.get(&u).await
            }
        }
    }

    fn not_understood(st: &State, page_name: &str, missing: String, page: &Page) -> DeviceError {
        DeviceError::DevicePageNotUnderstood {
            page: page_name.into(),
            missing,
            redacted_html: forms::redact(&page.html, &st.secrets),
        }
    }

    /// Session checks on a page answered to a logged-in request.
    fn check_session(p: &Page) -> StepResult<()> {
        let stale = p.errors.iter().any(|e| {
            contains_ci(e, "no longer valid")
                || contains_ci(e, "log in again")
                || contains_ci(e, "session")
        });
        let login = p.login_form().is_some() && p.form_with_label(L_AUTH).is_none();
        if stale || login {
            Err(Step::SessionLost)
        } else {
            Ok(())
        }
    }

    /// The device's refusal, if the page shows one.
    fn refusal(p: &Page, page_name: &str) -> StepResult<()> {
        if let Some(msg) = p.errors.first() {
            if contains_ci(msg, "additional network") {
                return Err(Step::Fail(DeviceError::DeviceAdditionalNetwork {
                    device_message: Some(msg.clone()),
                }));
            }
            return Err(Step::Fail(DeviceError::DeviceRefused {
                page: page_name.into(),
                device_message: msg.clone(),
            }));
        }
        Ok(())
    }

    async fn ensure_english(&self, st: &mut State) -> Result<(), DeviceError> {
        if !st.english {
            let url = self.url(COMMON_TOP).await?;
            let http = self.http()?;
            // The language shown now, when the top page has the language form: kept to
            // set back after a reading; already English, nothing is posted.
            match http.get(&url).await {
                Ok(top) => {
                    if let Some((name, now, en)) = language_field(&top) {
                        if now == en {
                            st.english = true;
                            return Ok(());
                        }
                        if st.language_before.is_none() {
                            st.language_before = Some((name, now));
                        }
                    }
                }
                // An error page: the post below tells what the server is.
                Err(DeviceError::DeviceHttpStatus { .. }) => {}
                Err(e) => return Err(e),
            }
            match http.post(&url, &[("SEL_LANGA".into(), "1".into())]).await {
                // The first request to a web server that is no Web Config.
                Err(DeviceError::DeviceHttpStatus {
                    status: status @ (404 | 405 | 501),
                    path,
                    ..
                }) => {
                    return Err(DeviceError::DeviceNotRecognised {
                        address: http.address(),
                        detail: format!("HTTP {status} at {path}"),
                    })
                }
                Err(e) => return Err(e),
                Ok(p) if matches!(p.status, 404 | 405 | 501) => {
                    return Err(DeviceError::DeviceNotRecognised {
                        address: http.address(),
                        detail: format!("HTTP {} at {COMMON_TOP}", p.status),
                    })
                }
                Ok(_) => {}
            }
            st.english = true;
        }
        Ok(())
    }

    async fn login_inner(
        &self,
        st: &mut State,
        creds: &AdminCredentials,
    ) -> Result<(), DeviceError> {
        self.ensure_english(st).await?;
        if !st.secrets.contains(&creds.password) {
            st.secrets.push(creds.password.clone());
        }
        let http = self.http()?;
        // The log-in page; real devices also show the log-in form in place of any
        // protected page, so the top page's frames are tried next.
        let mut page = http.get(&self.url(PASSWORD_TOP).await?).await?;
        if page.login_form().is_none() {
            let top = http.get(&self.url(COMMON_TOP).await?).await?;
            let mut found = top.login_form().is_some().then_some(top.clone());
            for (src, _) in &top.frames {
                if found.is_some() {
                    break;
                }
                let p = http.get(src).await?;
                if p.login_form().is_some() {
                    found = Some(p);
                }
            }
            if found.is_none() {
                // A "Log in" link (header frame) leads to it.
                let (links, _) = self.menu(st).await?;
                let login_link = links.iter().find(|l| {
                    [
                        "Log in",
                        "Login",
                        "Log In",
                        "Administrator Login",
                        "Administrator Log in",
                    ]
                    .iter()
                    .any(|t| same(&l.text, t))
                });
                if let Some(l) = login_link {
                    let p = http.get(&l.href).await?;
                    if p.login_form().is_some() {
                        found = Some(p);
                    }
                }
            }
            if let Some(p) = found {
                page = p;
            }
        }
        let Some(form) = page.login_form() else {
            // Not Web Config at all (another web server, another vendor's device):
            // not a page to do by hand either.
            let seen = crate::discovery::recognize_page("/", &page.html);
            if !seen.web_config && seen.vendor != crate::discovery::Vendor::Epson {
                return Err(DeviceError::DeviceNotRecognised {
                    address: http.address(),
                    detail: format!(
                        "no Web Config log-in at {PASSWORD_TOP} (HTTP {}, title {:?})",
                        page.status, page.title
                    ),
                });
            }
            return Err(Self::not_understood(
                st,
                "log-in",
                format!("log-in form (tried {PASSWORD_TOP} and {COMMON_TOP})"),
                &page,
            ));
        };
        let path = form.action.path().to_string();
        let has = |n: &str| form.fields.iter().any(|f| f.name == n);
        let family = if path.eq_ignore_ascii_case(CONSUMER_LOGIN) || has("session") {
            FirmwareFamily::Consumer
        } else if path.eq_ignore_ascii_case(BUSINESS_LOGIN)
            || has("INPUTT_PASSWORD")
            || form.fields.iter().any(|f| f.kind == FieldKind::Text)
        {
            FirmwareFamily::Business
        } else {
            FirmwareFamily::Consumer
        };
        let mut over: Vec<(String, String)> = Vec::new();
        for f in &form.fields {
            match &f.kind {
                FieldKind::Password => over.push((f.name.clone(), creds.password.clone())),
                // The default administrator user name is blank: send exactly what the
                // administrator typed, or nothing.
                FieldKind::Text => {
                    over.push((f.name.clone(), creds.user.clone().unwrap_or_default()))
                }
                // A session-type choice (SEL_SESSIONTYPE): the administrator's.
                FieldKind::Select(options) => {
                    let admin = options
                        .iter()
                        .find(|o| o.0.eq_ignore_ascii_case("ADMIN"))
                        .or_else(|| options.iter().find(|o| contains_ci(&o.1, "admin")));
                    if let Some(o) = admin {
                        over.push((f.name.clone(), o.0.clone()));
                    }
                }
                _ => {}
            }
        }
        let defaults: &[(&str, &str)] = match family {
            FirmwareFamily::Consumer => &[
                ("from", "top"),
                ("trigger", "set"),
                ("access", "https"),
                ("dummy", ""),
            ],
            _ => &[
                ("INPUTT_ACCSESSMETHOD", "0"),
                ("INPUTT_DUMMY", ""),
                ("access", "https"),
            ],
        };
        for (k, v) in defaults {
            if !has(k) {
                over.push((k.to_string(), v.to_string()));
            }
        }
        let resp = self.submit(form, form.buttons.first(), &over).await?;
        let said = |needle: &str| {
            resp.errors
                .iter()
                .chain(resp.texts.iter())
                .any(|t| contains_ci(t, needle))
        };
        if said("Try again later") || said("locked") {
            return Err(DeviceError::DeviceLoginLockedOut { family });
        }
        if resp.status == 404 {
            return Err(Self::not_understood(
                st,
                "log-in",
                "log-in endpoint".into(),
                &resp,
            ));
        }
        if !resp.errors.is_empty() || resp.login_form().is_some() || said("Incorrect") {
            return Err(DeviceError::DeviceLoginRejected { family });
        }
        st.family = Some(family);
        st.creds = Some(creds.clone());
        // The menu seen before logging in may lack the administrator's pages.
        st.menu = None;
        Ok(())
    }

    async fn relogin(&self, st: &mut State) -> Result<(), DeviceError> {
        let creds = st.creds.clone().ok_or(DeviceError::DeviceNotLoggedIn {})?;
        st.signin_form = None;
        st.started = None;
        self.login_inner(st, &creds).await
    }

    /// After "Shutting down": wait until the device answers again.
    async fn wait_back(&self) -> Result<(), DeviceError> {
        let http = self.http()?;
        http.tell(Wait::Begins {
            reason: WaitReason::DeviceRestarting,
            up_to_secs: self.opts.restart_timeout.as_secs().max(1),
        });
        tokio::time::sleep(self.opts.retry_delay).await;
        let url = self.url(PASSWORD_TOP).await?;
        http.get(&url).await?;
        http.tell(Wait::Over);
        Ok(())
    }

    /// Menu links (from the frameset's frames and the top page), cached.
    async fn menu(&self, st: &mut State) -> Result<(Vec<Link>, String), DeviceError> {
        if let Some(m) = &st.menu {
            return Ok(m.clone());
        }
        let http = self.http()?;
        let top = http.get(&self.url(COMMON_TOP).await?).await?;
        let mut links = top.links.clone();
        let mut html = top.html.clone();
        // Frames, and frames within frames (a frameset per area), a bounded few.
        let mut queue: Vec<Url> = top.frames.iter().map(|(u, _)| u.clone()).collect();
        let mut seen: Vec<Url> = Vec::new();
        while let Some(src) = queue.pop() {
            if seen.contains(&src) || seen.len() >= 12 {
                continue;
            }
            seen.push(src.clone());
            let p = http.get(&src).await?;
            links.extend(p.links.iter().cloned());
            queue.extend(p.frames.iter().map(|(u, _)| u.clone()));
            html.push_str("\n<!-- frame -->\n");
            html.push_str(&p.html);
        }
        if links.is_empty() {
            return Ok((links, html));
        }
        st.menu = Some((links, html));
        Ok(st.menu.clone().unwrap())
    }

    async fn menu_url(
        &self,
        st: &mut State,
        parent: Option<&str>,
        text: &str,
    ) -> Result<Result<Url, String>, DeviceError> {
        let (links, html) = self.menu(st).await?;
        let found = forms::menu_link(&links, parent, text).map(|l| l.href.clone());
        Ok(found.ok_or(html))
    }

    async fn mail_page(&self, st: &mut State) -> StepResult<(Page, Form)> {
        let url = match &st.mail_url {
            Some(u) => u.clone(),
            None => match self.menu_url(st, Some("Email Server"), "Basic").await? {
                Ok(u) => {
                    st.mail_url = Some(u.clone());
                    u
                }
                Err(html) => {
                    // A menu without nested entries: a "Basic" link to a mail page.
                    let (links, _) = self.menu(st).await?;
                    if let Some(l) = links.iter().find(|l| {
                        same(&l.text, "Basic")
                            && l.href.path().to_ascii_uppercase().contains("MAIL")
                    }) {
                        st.mail_url = Some(l.href.clone());
                        return Box::pin(self.mail_page(st)).await;
                    }
                    // No menu link: try the page path such firmware is known to use,
                    // and say so when it is not there either.
                    let guess = self.url(MAIL_BASIC_GUESS).await?;
                    let page = self.http()?.get(&guess).await?;
                    Self::check_session(&page)?;
                    if page.status < 400 && page.form_with_label(L_AUTH).is_some() {
                        st.mail_url = Some(guess.clone());
                        guess
                    } else {
                        return Err(Step::Fail(DeviceError::DevicePageNotUnderstood {
                            page: "menu".into(),
                            missing: format!(
                                "menu entry 'Email Server > Basic' (and no such page at {MAIL_BASIC_GUESS})"
                            ),
                            redacted_html: forms::redact(&html, &st.secrets),
                        }));
                    }
                }
            },
        };
        let page = self.http()?.get(&url).await?;
        Self::check_session(&page)?;
        if page.status >= 400 {
            // Attach the menu that pointed there as well: the error page alone says
            // little.
            let menu = st.menu.as_ref().map(|m| m.1.clone()).unwrap_or_default();
            let html = format!(
                "{menu}\n<!-- {} answered HTTP {}: -->\n{}",
                url.path(),
                page.status,
                page.html
            );
            return Err(Step::Fail(DeviceError::DevicePageNotUnderstood {
                page: "email-server-basic".into(),
                missing: format!(
                    "page 'Email Server > Basic' at {} (HTTP {})",
                    url.path(),
                    page.status
                ),
                redacted_html: forms::redact(&html, &st.secrets),
            }));
        }
        let page = match page.form_with_label(L_AUTH) {
            Some(_) => page,
            // Still in the device's own language (the switch posted before the
            // log-in did not take): choose English in the page's language form.
            None => match self.switch_to_english(&page).await? {
                Some(()) => {
                    let p = self.http()?.get(&url).await?;
                    Self::check_session(&p)?;
                    p
                }
                None => page,
            },
        };
        let Some(form) = page.form_with_label(L_AUTH).cloned() else {
            return Err(Step::Fail(Self::not_understood(
                st,
                "email-server-basic",
                "field 'Authentication Method'".into(),
                &page,
            )));
        };
        Ok((page, form))
    }

    /// Sets Web Config's display language back to what it was before the driver chose
    /// English (a reading leaves the device as it found it).
    async fn restore_language_inner(&self, st: &mut State) -> Result<(), DeviceError> {
        let Some((name, value)) = st.language_before.take() else {
            return Ok(());
        };
        let url = self.url(COMMON_TOP).await?;
        self.http()?.post(&url, &[(name, value)]).await?;
        st.english = false;
        Ok(())
    }

    /// Submits the page's language form with English chosen, when it has one and
    /// English is not chosen yet.
    async fn switch_to_english(&self, page: &Page) -> Result<Option<()>, DeviceError> {
        for f in &page.forms {
            let Some(lang) = f.fields.iter().find(|x| {
                x.name.eq_ignore_ascii_case("SEL_LANGA")
                    || (x.options().len() > 1 && x.option_value(&["English"]).is_some())
            }) else {
                continue;
            };
            let Some(en) = lang.option_value(&["English"]) else {
                continue;
            };
            if lang.value == en {
                return Ok(None);
            }
            let button = f.buttons.first();
            self.submit(f, button, &[(lang.name.clone(), en)]).await?;
            return Ok(Some(()));
        }
        Ok(None)
    }

    fn field<'a>(
        st: &State,
        page: &Page,
        form: &'a Form,
        labels: &[&str],
        page_name: &str,
    ) -> Result<&'a Field, DeviceError> {
        labels
            .iter()
            .find_map(|l| form.field_by_label(l, EXCLUDE_POP))
            .ok_or_else(|| {
                Self::not_understood(st, page_name, format!("field '{}'", labels[0]), page)
            })
    }

    fn select(
        st: &State,
        page: &Page,
        field: &Field,
        texts: &[&str],
        label: &str,
        page_name: &str,
    ) -> Result<(String, String), DeviceError> {
        field
            .option_value(texts)
            .map(|v| (field.name.clone(), v))
            .ok_or_else(|| {
                Self::not_understood(
                    st,
                    page_name,
                    format!("option '{}' of '{label}'", texts[0]),
                    page,
                )
            })
    }

    fn oauth2_option(
        st: &State,
        page: &Page,
        auth: &Field,
        scope: &str,
    ) -> Result<(String, String), DeviceError> {
        match auth.options().iter().find(|o| is_oauth2_text(&o.1)) {
            Some(o) => Ok((auth.name.clone(), o.0.clone())),
            None => {
                let (model, firmware) = (None, None);
                let _ = (st, page);
                Err(DeviceError::DeviceOauth2Unavailable {
                    scope: scope.into(),
                    model,
                    firmware,
                    offered: option_texts(auth),
                })
            }
        }
    }

    /// The field values that put `target` on the Email Server form.
    fn target_values(
        st: &State,
        page: &Page,
        form: &Form,
        target: &OAuthTarget,
    ) -> Result<Vec<(String, String)>, DeviceError> {
        const P: &str = "email-server-basic";
        let auth = Self::field(st, page, form, L_AUTH, P)?;
        let mut out = vec![Self::oauth2_option(st, page, auth, "email-server")?];
        let svc = Self::field(st, page, form, L_SERVICE, P)?;
        out.push(Self::select(
            st,
            page,
            svc,
            service_texts(target.service),
            "Email service",
            P,
        )?);
        let sender = Self::field(st, page, form, L_SENDER, P)?;
        out.push((sender.name.clone(), target.sender.clone()));
        if let Some(s) = &target.smtp_server {
            let f = Self::field(st, page, form, L_SERVER, P)?;
            out.push((f.name.clone(), s.clone()));
        }
        if let Some(p) = target.smtp_port {
            let f = Self::field(st, page, form, L_PORT, P)?;
            out.push((f.name.clone(), p.to_string()));
        }
        let sec = Self::field(st, page, form, L_SECURE, P)?;
        out.push(Self::select(
            st,
            page,
            sec,
            &["STARTTLS"],
            "Secure Connection",
            P,
        )?);
        let cert = Self::field(st, page, form, L_CERT, P)?;
        out.push(Self::select(
            st,
            page,
            cert,
            &["Enable", "On"],
            "Certificate Validation",
            P,
        )?);
        Ok(out)
    }

    fn settings_from(page: &Page, form: &Form) -> EmailSettings {
        let shown = |labels: &[&str]| {
            labels
                .iter()
                .find_map(|l| form.field_by_label(l, EXCLUDE_POP))
                .map(|f| f.shown())
        };
        let auth_method = shown(L_AUTH)
            .map(|t| parse_auth(&t))
            .unwrap_or(AuthMethod::Other(String::new()));
        let email_service = if auth_method == AuthMethod::OAuth2 {
            shown(L_SERVICE).and_then(|t| {
                if service_texts(EmailService::ExchangeOnline)
                    .iter()
                    .any(|x| same(x, &t))
                {
                    Some(EmailService::ExchangeOnline)
                } else if service_texts(EmailService::OutlookCom)
                    .iter()
                    .any(|x| same(x, &t))
                {
                    Some(EmailService::OutlookCom)
                } else {
                    None
                }
            })
        } else {
            None
        };
        let current_status = page.row(L_STATUS);
        let signed_in = current_status.as_deref().is_some_and(is_signed_in);
        let oauth_account = if signed_in { page.row(L_ACCOUNT) } else { None };
        EmailSettings {
            auth_method,
            email_service,
            current_status,
            signed_in,
            oauth_account,
            sender: shown(L_SENDER),
            smtp_server: shown(L_SERVER),
            smtp_port: shown(L_PORT).and_then(|p| p.trim().parse().ok()),
            secure_connection: shown(L_SECURE)
                .map(|t| parse_secure(&t))
                .unwrap_or(SecureConnection::Other(String::new())),
            certificate_validation: shown(L_CERT).and_then(|t| {
                if same(&t, "Enable") || same(&t, "On") {
                    Some(true)
                } else if same(&t, "Disable") || same(&t, "Off") {
                    Some(false)
                } else {
                    None
                }
            }),
        }
    }

    async fn network_says_additional(&self, st: &mut State) -> StepResult<bool> {
        let url = match self.menu_url(st, None, "Network Status").await? {
            Ok(u) => u,
            Err(_) => self.url(NETWORK_STATUS).await?,
        };
        let page = self.http()?.get(&url).await?;
        Self::check_session(&page)?;
        let mut ours: Vec<String> = vec![self.addr.host.trim_matches(['[', ']']).to_string()];
        if let Some(ip) = self.http()?.peer_ip() {
            ours.push(ip.to_string());
        }
        Ok(interface_is_additional(&page, &ours))
    }

    async fn product_page(&self, st: &mut State) -> StepResult<Page> {
        let url = match self.menu_url(st, None, "Product Status").await? {
            Ok(u) => u,
            Err(_) => self.url(PRODUCT_STATUS).await?,
        };
        let page = self.http()?.get(&url).await?;
        Self::check_session(&page)?;
        Ok(page)
    }

    async fn fax_page(&self, st: &mut State) -> StepResult<Option<(Page, Form)>> {
        let Ok(url) = self
            .menu_url(st, Some("Fax Server"), "Email Server Settings")
            .await?
        else {
            return Ok(None);
        };
        let page = self.http()?.get(&url).await?;
        Self::check_session(&page)?;
        if page.status >= 400 {
            return Ok(None);
        }
        Ok(page.form_with_label(L_AUTH).cloned().map(|f| (page, f)))
    }

    async fn try_capabilities(&self, st: &mut State) -> StepResult<MailCapabilities> {
        let (page, form) = self.mail_page(st).await?;
        let auth = Self::field(st, &page, &form, L_AUTH, "email-server-basic")?;
        let auth_methods = option_texts(auth);
        let oauth2_available = auth_methods.iter().any(|t| is_oauth2_text(t));
        let additional_network = self.network_says_additional(st).await?
            || page
                .errors
                .iter()
                .any(|e| contains_ci(e, "additional network"));
        let product = self.product_page(st).await?;
        let fax = self.fax_page(st).await?;
        let fax_server_oauth2 = fax.as_ref().is_some_and(|(_, f)| {
            f.field_by_label(L_AUTH[0], &[])
                .is_some_and(|a| a.options().iter().any(|o| is_oauth2_text(&o.1)))
        });
        Ok(MailCapabilities {
            family: st.family.unwrap_or(FirmwareFamily::Unknown),
            model: product_model(&product),
            firmware: product_firmware(&product),
            oauth2_available,
            auth_methods,
            additional_network,
            fax_server: fax.is_some(),
            fax_server_oauth2,
        })
    }

    async fn try_configure(&self, st: &mut State, target: &OAuthTarget) -> StepResult<()> {
        st.signin_form = None;
        st.started = None;
        let (page, form) = self.mail_page(st).await?;
        let auth = Self::field(st, &page, &form, L_AUTH, "email-server-basic")?;
        if let Err(DeviceError::DeviceOauth2Unavailable { scope, offered, .. }) =
            Self::oauth2_option(st, &page, auth, "email-server")
        {
            let product = self.product_page(st).await.ok();
            return Err(Step::Fail(DeviceError::DeviceOauth2Unavailable {
                scope,
                model: product.as_ref().and_then(product_model),
                firmware: product.as_ref().and_then(product_firmware),
                offered,
            }));
        }
        if self.network_says_additional(st).await? {
            return Err(Step::Fail(DeviceError::DeviceAdditionalNetwork {
                device_message: None,
            }));
        }
        let values = Self::target_values(st, &page, &form, target)?;
        let signed_in = page.row(L_STATUS).is_some_and(|s| is_signed_in(&s));
        if signed_in
            || (page.form_with_button(&["Sign Out"]).is_some()
                && page.form_with_button(&["Sign In"]).is_none())
        {
            // Already signed in: the values go with the save.
            return Ok(());
        }
        // "Sign In" may submit the settings form itself or a form of its own (a
        // script button outside the forms); some pages offer "Sign in with
        // Microsoft" at once.
        let Some((sform, button)) = page.form_with_button(&["Sign In"]) else {
            if let Some((f, _)) = page.form_with_button(&["Sign in with Microsoft"]) {
                st.signin_values = Self::values_for(f, &values, target.service);
                st.signin_form = Some(f.clone());
                return Ok(());
            }
            return Err(Step::Fail(Self::not_understood(
                st,
                "email-server-basic",
                "button 'Sign In'".into(),
                &page,
            )));
        };
        let vals = Self::values_for(sform, &values, target.service);
        let resp = self.submit(sform, Some(button), &vals).await?;
        Self::check_session(&resp)?;
        Self::refusal(&resp, "email-server-basic")?;
        match resp.form_with_button(&["Sign in with Microsoft"]) {
            Some((f, _)) => {
                st.signin_values = Self::values_for(f, &[], target.service);
                st.signin_form = Some(f.clone());
                Ok(())
            }
            // The device started its sign-in at once: the page shows the code.
            None if shows_code(&resp) => {
                st.started = Some(resp);
                Ok(())
            }
            None => Err(Step::Fail(Self::not_understood(
                st,
                "email-server-sign-in",
                "button 'Sign in with Microsoft'".into(),
                &resp,
            ))),
        }
    }

    /// The subset of `values` that `form` has fields for, plus the email service
    /// where `form` asks for it by label (a sign-in page may ask again).
    fn values_for(
        form: &Form,
        values: &[(String, String)],
        service: EmailService,
    ) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = values
            .iter()
            .filter(|(k, _)| form.fields.iter().any(|f| &f.name == k))
            .cloned()
            .collect();
        let svc = L_SERVICE
            .iter()
            .find_map(|l| form.field_by_label(l, EXCLUDE_POP))
            .filter(|f| matches!(f.kind, FieldKind::Select(_)));
        if let Some(f) = svc {
            if let Some(v) = f.option_value(service_texts(service)) {
                out.retain(|(k, _)| *k != f.name);
                out.push((f.name.clone(), v));
            }
        }
        out
    }

    async fn try_start_sign_in(&self, st: &mut State) -> StepResult<SignInCode> {
        if st.signin_form.is_none() && st.started.is_none() {
            let target = st
                .target
                .clone()
                .ok_or(DeviceError::DeviceSignInNotStarted {})?;
            self.try_configure(st, &target).await?;
        }
        let resp = match st.started.take() {
            Some(p) => p,
            None => {
                let Some(form) = st.signin_form.take() else {
                    let (page, _) = self.mail_page(st).await?;
                    return Err(Step::Fail(DeviceError::DeviceAlreadySignedIn {
                        account: page.row(L_ACCOUNT),
                    }));
                };
                let button = form.button(&["Sign in with Microsoft"]);
                let vals = std::mem::take(&mut st.signin_values);
                let resp = self.submit(&form, button, &vals).await?;
                Self::check_session(&resp)?;
                Self::refusal(&resp, "email-server-sign-in")?;
                resp
            }
        };
        let message = resp
            .text_containing("enter the code")
            .or_else(|| resp.text_containing("devicelogin"));
        let code = resp.row(L_CODE).or_else(|| {
            message
                .as_deref()
                .and_then(|m| word_after(m, "enter the code"))
        });
        let device_host = resp.url.host_str().map(str::to_string);
        let uri = message
            .as_deref()
            .and_then(|m| word_after(m, "open the page"))
            .filter(|u| u.starts_with("http"))
            .or_else(|| {
                resp.links
                    .iter()
                    .find(|l| {
                        l.href.path().contains("devicelogin")
                            || (l.href.host_str().map(str::to_string) != device_host
                                && l.href.scheme().starts_with("http"))
                    })
                    .map(|l| l.href.to_string())
            });
        let Some(code) = code else {
            return Err(Step::Fail(Self::not_understood(
                st,
                "email-server-sign-in",
                "authentication code".into(),
                &resp,
            )));
        };
        let Some(uri) = uri else {
            return Err(Step::Fail(Self::not_understood(
                st,
                "email-server-sign-in",
                "verification URL".into(),
                &resp,
            )));
        };
        st.status = resp
            .meta_refresh
            .clone()
            .or_else(|| {
                resp.links
                    .iter()
                    .find(|l| same(&l.text, "Refresh"))
                    .map(|l| l.href.clone())
            })
            .map(StatusSource::Url)
            .or_else(|| {
                resp.form_with_button(&["Refresh", "Update"])
                    .map(|(f, _)| StatusSource::Form(f.clone()))
            });
        st.pending_code = Some(code.clone());
        let lifetime = chrono::Duration::from_std(self.opts.sign_in_code_lifetime)
            .unwrap_or_else(|_| chrono::Duration::minutes(15));
        Ok(SignInCode {
            user_code: code,
            verification_uri: uri,
            expires_at: chrono::Utc::now() + lifetime,
        })
    }

    async fn try_sign_in_status(&self, st: &mut State) -> StepResult<SignInStatus> {
        let page = match st.status.clone() {
            Some(StatusSource::Url(u)) => {
                let p = self.http()?.get(&u).await?;
                Self::check_session(&p)?;
                p
            }
            Some(StatusSource::Form(f)) => {
                // A refresh form carries a timestamp (`tm`) a browser's script sets.
                let now = chrono::Utc::now().timestamp_millis().to_string();
                let tm: Vec<(String, String)> = f
                    .fields
                    .iter()
                    .filter(|x| x.name.eq_ignore_ascii_case("tm"))
                    .map(|x| (x.name.clone(), now.clone()))
                    .collect();
                let p = self
                    .submit(&f, f.button(&["Refresh", "Update"]), &tm)
                    .await?;
                Self::check_session(&p)?;
                p
            }
            None => self.mail_page(st).await?.0,
        };
        let status = page.row(L_STATUS);
        if let Some(e) = page.errors.first() {
            // A notice that an earlier sign-in lapsed, while no sign-in of ours is
            // under way, means signed out (with that reason), not a failed attempt.
            let lapsed = st.pending_code.is_none()
                && contains_ci(e, "expired")
                && status.as_deref().is_some_and(|s| !is_signed_in(s));
            if !lapsed {
                return Ok(SignInStatus::Failed { detail: e.clone() });
            }
        }
        if let Some(s) = &status {
            if is_signed_in(s) {
                st.pending_code = None;
                return Ok(SignInStatus::SignedIn {
                    account: page.row(L_ACCOUNT),
                });
            }
            let l = s.to_lowercase();
            if ["fail", "error", "expired", "denied", "declined", "cancel"]
                .iter()
                .any(|w| l.contains(w))
            {
                return Ok(SignInStatus::Failed { detail: s.clone() });
            }
        }
        let code = page.row(L_CODE).or_else(|| {
            page.text_containing("enter the code")
                .and_then(|m| word_after(&m, "enter the code"))
        });
        match code {
            Some(code) => Ok(SignInStatus::Pending { code }),
            None if status.is_none() => Err(Step::Fail(Self::not_understood(
                st,
                "email-server-sign-in-status",
                "row 'Current Status'".into(),
                &page,
            ))),
            None => Ok(SignInStatus::SignedOut),
        }
    }

    /// Posts `form` with `values` and OK, then the confirmation form.
    async fn submit_and_confirm(
        &self,
        st: &State,
        page: &Page,
        form: &Form,
        values: &[(String, String)],
        page_name: &str,
    ) -> StepResult<()> {
        let Some(ok) = form.button(&["OK", "Apply", "Save"]) else {
            return Err(Step::Fail(Self::not_understood(
                st,
                page_name,
                "button 'OK'".into(),
                page,
            )));
        };
        let resp = self.submit(form, Some(ok), values).await?;
        Self::check_session(&resp)?;
        Self::refusal(&resp, page_name)?;
        if is_shutting_down(&resp) {
            return Err(Step::Restarting);
        }
        if is_complete(&resp) {
            return Ok(());
        }
        let Some((confirm, button)) = resp.form_with_button(&["OK", "Apply", "Confirm"]) else {
            return Err(Step::Fail(Self::not_understood(
                st,
                page_name,
                "confirmation form".into(),
                &resp,
            )));
        };
        let done = self.submit(confirm, Some(button), &[]).await?;
        Self::check_session(&done)?;
        Self::refusal(&done, page_name)?;
        if is_shutting_down(&done) {
            return Err(Step::Restarting);
        }
        if is_complete(&done) {
            return Ok(());
        }
        Err(Step::Fail(DeviceError::DeviceSaveNotConfirmed {
            page: page_name.into(),
            redacted_html: forms::redact(&done.html, &st.secrets),
        }))
    }

    async fn try_save(&self, st: &mut State, restarted: bool) -> StepResult<()> {
        let (page, form) = self.mail_page(st).await?;
        let values = match &st.target {
            Some(t) => {
                if restarted && Self::mismatches(&Self::settings_from(&page, &form), t).is_empty() {
                    // Saved before the restart.
                    return Ok(());
                }
                Self::target_values(st, &page, &form, t)?
            }
            None => Vec::new(),
        };
        self.submit_and_confirm(st, &page, &form, &values, "email-server-basic")
            .await
    }

    fn mismatches(s: &EmailSettings, t: &OAuthTarget) -> Vec<SettingMismatch> {
        let mut out = Vec::new();
        let mut check = |field: &str, expected: String, found: String, ok: bool| {
            if !ok {
                out.push(SettingMismatch {
                    field: field.into(),
                    expected,
                    found,
                });
            }
        };
        check(
            "authentication-method",
            "OAuth2".into(),
            format!("{:?}", s.auth_method),
            s.auth_method == AuthMethod::OAuth2,
        );
        check(
            "email-service",
            format!("{:?}", t.service),
            format!("{:?}", s.email_service),
            s.email_service == Some(t.service),
        );
        let sender = s.sender.clone().unwrap_or_default();
        check(
            "sender",
            t.sender.clone(),
            sender.clone(),
            sender.eq_ignore_ascii_case(&t.sender),
        );
        if let Some(server) = &t.smtp_server {
            let found = s.smtp_server.clone().unwrap_or_default();
            check(
                "smtp-server",
                server.clone(),
                found.clone(),
                found.eq_ignore_ascii_case(server),
            );
        }
        if let Some(port) = t.smtp_port {
            check(
                "smtp-port",
                port.to_string(),
                s.smtp_port.map(|p| p.to_string()).unwrap_or_default(),
                s.smtp_port == Some(port),
            );
        }
        check(
            "secure-connection",
            "StartTls".into(),
            format!("{:?}", s.secure_connection),
            s.secure_connection == SecureConnection::StartTls,
        );
        check(
            "certificate-validation",
            "true".into(),
            format!("{:?}", s.certificate_validation),
            s.certificate_validation == Some(true),
        );
        out
    }

    async fn try_job_history(&self, st: &mut State) -> StepResult<Vec<JobEntry>> {
        let url = match self.menu_url(st, None, "Job Status").await? {
            Ok(u) => u,
            Err(_) => {
                self.url("/PRESENTATION/ADVANCED/INFO_JOBHISTORY/TOP")
                    .await?
            }
        };
        let http = self.http()?;
        let page = http.get(&url).await?;
        Self::check_session(&page)?;
        let form = page
            .forms
            .iter()
            .find(|f| f.action.path().to_ascii_uppercase().ends_with(".CSV"))
            .or_else(|| {
                page.form_with_button(&["Export to CSV", "Export"])
                    .map(|x| x.0)
            });
        let (action, body) = match form {
            Some(f) => (
                f.action.clone(),
                f.submission(None, &[("INPUTD_HISTORYTYPE".into(), "ALL".into())]),
            ),
            None => {
                let Some(token) = page
                    .forms
                    .iter()
                    .flat_map(|f| f.fields.iter())
                    .find(|f| f.name == "INPUTT_SETUPTOKEN")
                else {
                    return Err(Step::Fail(Self::not_understood(
                        st,
                        "job-history",
                        "export form".into(),
                        &page,
                    )));
                };
                (
                    self.url(JOB_HISTORY_CSV).await?,
                    vec![
                        ("INPUTT_SETUPTOKEN".into(), token.value.clone()),
                        ("INPUTD_HISTORYTYPE".into(), "ALL".into()),
                    ],
                )
            }
        };
        let (status, ctype, text) = http.post_text(&action, &body).await?;
        let looks_html = ctype.contains("html") || text.trim_start().starts_with('<');
        if looks_html {
            let p = Page::parse(action.clone(), status, text);
            Self::check_session(&p)?;
            return Err(Step::Fail(Self::not_understood(
                st,
                "job-history-export",
                "CSV export".into(),
                &p,
            )));
        }
        jobs::entries(&text).map_err(|missing| {
            Step::Fail(DeviceError::DeviceJobHistoryUnreadable {
                missing,
                redacted_text: forms::redact(
                    &text.chars().take(4000).collect::<String>(),
                    &st.secrets,
                ),
            })
        })
    }

    async fn try_panel(&self, st: &mut State) -> StepResult<PanelState> {
        let page = self.product_page(st).await?;
        let email_server_status = page.row(&["Email Server Status"]);
        let message = page
            .text_containing("sign in to your email service")
            .or_else(|| page.text_containing("email service"))
            .filter(|m| Some(m) != email_server_status.as_ref());
        let needs_sign_in = message
            .as_deref()
            .is_some_and(|m| contains_ci(m, "need to sign in"));
        let sign_in_expired = message
            .as_deref()
            .is_some_and(|m| contains_ci(m, "expired"))
            || email_server_status
                .as_deref()
                .is_some_and(|m| contains_ci(m, "expired"));
        Ok(PanelState {
            email_server_status,
            message,
            needs_sign_in,
            sign_in_expired,
        })
    }

    /// Email Server > Connection Test: found by its menu entry; its form's Start
    /// button pressed; the result read from the page's message (success as
    /// `warning`, failure as `error`) and the server's answer it quotes.
    async fn try_connection_test(&self, st: &mut State) -> StepResult<ConnectionTestResult> {
        const P: &str = "email-server-connection-test";
        let url = match self
            .menu_url(st, Some("Email Server"), "Connection Test")
            .await?
        {
            Ok(u) => u,
            Err(_) => return Err(Step::Fail(DeviceError::DeviceConnectionTestUnavailable {})),
        };
        let page = self.http()?.get(&url).await?;
        Self::check_session(&page)?;
        if page.status >= 400 {
            return Err(Step::Fail(DeviceError::DeviceConnectionTestUnavailable {}));
        }
        let Some((form, start)) = page.form_with_button(&["Start", "Test", "Check"]) else {
            return Err(Step::Fail(Self::not_understood(
                st,
                P,
                "button 'Start'".into(),
                &page,
            )));
        };
        let done = self.submit(form, Some(start), &[]).await?;
        Self::check_session(&done)?;
        let (ok, message) = match (done.errors.first(), done.warnings.first()) {
            (Some(e), _) => (false, e.clone()),
            (None, Some(w)) => (true, w.clone()),
            (None, None) => {
                return Err(Step::Fail(Self::not_understood(
                    st,
                    P,
                    "the test's result message".into(),
                    &done,
                )))
            }
        };
        // The server's (or the sign-in service's) answer the page quotes: the most
        // specific text block that holds an SMTP reply or an AADSTS number.
        let detail = done
            .texts
            .iter()
            .filter(|t| !t.contains(&message) || t.len() > message.len() + 8)
            .filter(|t| crate::mail::SmtpReply::find_in(t).is_some() || t.contains("AADSTS"))
            .min_by_key(|t| t.len())
            .map(|t| t.replace(&message, "").trim().to_string());
        Ok(ConnectionTestResult {
            ok,
            message,
            detail,
        })
    }

    async fn try_fax(&self, st: &mut State, target: &FaxOAuthTarget) -> StepResult<()> {
        const P: &str = "fax-server-email";
        let Some((page, form)) = self.fax_page(st).await? else {
            return Err(Step::Fail(DeviceError::DeviceFaxServerUnavailable {}));
        };
        let auth = Self::field(st, &page, &form, L_AUTH, P)?;
        let mut values = vec![Self::oauth2_option(st, &page, auth, "fax-server")?];
        if let Some(s) = &target.sender {
            check_sender(s)?;
            let f = Self::field(st, &page, &form, L_SENDER, P)?;
            values.push((f.name.clone(), s.clone()));
        }
        if let Some(a) = &target.account {
            let f = Self::field(st, &page, &form, L_ACCOUNT, P)?;
            values.push((f.name.clone(), a.clone()));
        }
        let f = Self::field(st, &page, &form, L_SERVER, P)?;
        values.push((f.name.clone(), target.smtp_server.clone()));
        let f = Self::field(st, &page, &form, L_PORT, P)?;
        values.push((f.name.clone(), target.smtp_port.to_string()));
        let f = Self::field(st, &page, &form, L_SECURE, P)?;
        values.push(Self::select(
            st,
            &page,
            f,
            &secure_texts(&target.secure_connection),
            "Secure Connection",
            P,
        )?);
        self.submit_and_confirm(st, &page, &form, &values, P).await
    }
}

#[async_trait]
impl DeviceDriver for EpsonWebConfig {
    async fn login(&self, creds: &AdminCredentials) -> Result<(), DeviceError> {
        let mut st = self.state.lock().await;
        st.menu = None;
        self.login_inner(&mut st, creds).await
    }

    async fn mail_capabilities(&self) -> Result<MailCapabilities, DeviceError> {
        let mut st = self.state.lock().await;
        recovering!(self, st, self.try_capabilities(&mut st).await)
    }

    async fn read_email_settings(&self) -> Result<EmailSettings, DeviceError> {
        let mut st = self.state.lock().await;
        recovering!(
            self,
            st,
            self.mail_page(&mut st)
                .await
                .map(|(p, f)| Self::settings_from(&p, &f))
        )
    }

    async fn configure_oauth2(&self, target: &OAuthTarget) -> Result<(), DeviceError> {
        check_sender(&target.sender)?;
        if target.smtp_port == Some(0) {
            return Err(DeviceError::DeviceInvalidValue {
                field: "smtp-port".into(),
                value: "0".into(),
            });
        }
        let mut st = self.state.lock().await;
        st.target = Some(target.clone());
        recovering!(self, st, self.try_configure(&mut st, target).await)
    }

    async fn start_sign_in(&self) -> Result<SignInCode, DeviceError> {
        let mut st = self.state.lock().await;
        recovering!(self, st, self.try_start_sign_in(&mut st).await)
    }

    async fn sign_in_status(&self) -> Result<SignInStatus, DeviceError> {
        let mut st = self.state.lock().await;
        recovering!(self, st, self.try_sign_in_status(&mut st).await)
    }

    async fn save(&self) -> Result<(), DeviceError> {
        let mut st = self.state.lock().await;
        let mut restarted = false;
        let mut recoveries = 0u32;
        let started = std::time::Instant::now();
        loop {
            match self.try_save(&mut st, restarted).await {
                Ok(()) => {
                    // A sign-in page loaded before the save is not reused.
                    st.signin_form = None;
                    st.started = None;
                    return Ok(());
                }
                Err(Step::Fail(e)) => return Err(e),
                Err(Step::SessionLost) => {
                    recoveries += 1;
                    if recoveries > MAX_RECOVERIES {
                        return Err(DeviceError::DeviceSessionLost {
                            attempts: recoveries,
                        });
                    }
                    self.relogin(&mut st).await?;
                }
                Err(Step::Restarting) => {
                    recoveries += 1;
                    if recoveries > MAX_RECOVERIES {
                        return Err(DeviceError::DeviceRestartTimeout {
                            address: self.addr.display(),
                            waited_secs: started.elapsed().as_secs(),
                        });
                    }
                    restarted = true;
                    self.wait_back().await?;
                    self.relogin(&mut st).await?;
                }
            }
        }
    }

    async fn verify(&self, target: &OAuthTarget) -> Result<EmailSettings, DeviceError> {
        let settings = self.read_email_settings().await?;
        let mut mismatches = Self::mismatches(&settings, target);
        if !settings.signed_in {
            mismatches.push(SettingMismatch {
                field: "current-status".into(),
                expected: "Signed in".into(),
                found: settings.current_status.clone().unwrap_or_default(),
            });
        }
        if mismatches.is_empty() {
            Ok(settings)
        } else {
            Err(DeviceError::DeviceVerifyMismatch { mismatches })
        }
    }

    async fn job_history(&self) -> Result<Vec<JobEntry>, DeviceError> {
        let mut st = self.state.lock().await;
        recovering!(self, st, self.try_job_history(&mut st).await)
    }

    async fn panel_state(&self) -> Result<PanelState, DeviceError> {
        let mut st = self.state.lock().await;
        recovering!(self, st, self.try_panel(&mut st).await)
    }

    async fn configure_fax_oauth2(&self, target: &FaxOAuthTarget) -> Result<(), DeviceError> {
        let mut st = self.state.lock().await;
        recovering!(self, st, self.try_fax(&mut st, target).await)
    }

    async fn restore_language(&self) -> Result<(), DeviceError> {
        let mut st = self.state.lock().await;
        self.restore_language_inner(&mut st).await
    }

    async fn connection_test(&self) -> Result<ConnectionTestResult, DeviceError> {
        let mut st = self.state.lock().await;
        recovering!(self, st, self.try_connection_test(&mut st).await)
    }

    fn observe_waits(&self, observer: Option<WaitObserver>) {
        *self.waits.lock().unwrap() = observer;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(html: &str) -> Page {
        Page::parse(Url::parse("https://192.0.2.7/S").unwrap(), 200, html.into())
    }

    /// Letters whose lower case is longer or shorter than they are ("Ⱥ", "İ", the
    /// Kelvin sign) before the marker once moved the place the code was read from,
    /// so a page gave a cut or wrong code (found by the property the
    /// `sign_in_sentence` fuzz target checks).
    #[test]
    fn the_word_after_a_marker_is_read_whatever_comes_before() {
        let code = |t: &str| word_after(t, "enter the code");
        assert_eq!(
            code("ȺȺ enter the code ABC to sign in").as_deref(),
            Some("ABC")
        );
        assert_eq!(
            code("İzmir office: ENTER THE CODE XYZ.").as_deref(),
            Some("XYZ")
        );
        assert_eq!(
            code("\u{212A}\u{212A} enter the code QRS").as_deref(),
            Some("QRS")
        );
        assert_eq!(
            word_after("Ⱥ open the page https://x.example/d and", "open the page").as_deref(),
            Some("https://x.example/d")
        );
        assert_eq!(code("enter the code"), None);
    }

    #[test]
    fn additional_network_is_read_from_the_tab_of_our_address_only() {
        let tabs = |std_ip: &str, add_ip: &str| {
            page(&format!(
                r#"<ul class="tabs"><li class="tab">Wi-Fi</li><li class="tab">Additional Network</li></ul>
                <div class="tabbed-pane"><dl><dt>IP Address&nbsp;:</dt><dd>{std_ip}</dd></dl></div>
                <div class="tabbed-pane"><dl><dt>IP Address&nbsp;:</dt><dd>{add_ip}</dd></dl></div>
                <p>The additional network does not support OAuth 2.0.</p>"#
            ))
        };
        let ours = vec!["10.0.0.9".to_string()];
        assert!(interface_is_additional(
            &tabs("192.0.2.1", "10.0.0.9"),
            &ours
        ));
        assert!(!interface_is_additional(
            &tabs("10.0.0.9", "192.0.2.1"),
            &ours
        ));
        // Text that merely mentions the additional network says nothing.
        let plain = page("<p>The additional network does not support OAuth 2.0.</p>");
        assert!(!interface_is_additional(&plain, &ours));
        // An older layout names the interface in a row.
        let rows =
            page("<table><tr><th>Connected via</th><td>Additional network</td></tr></table>");
        assert!(interface_is_additional(&rows, &ours));
    }

    #[test]
    fn model_from_the_title_when_no_row_names_it() {
        let p = page("<html><head><title>AM-C6000 Series</title></head><body></body></html>");
        assert_eq!(product_model(&p).as_deref(), Some("AM-C6000 Series"));
    }
}
