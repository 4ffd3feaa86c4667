//! Conformance of the Entra ID emulator: the device authorization grant and the
//! refresh grant driven by the `oauth2` crate (v5) as a real client would, the device
//! login pages driven by a plain HTTP client posting forms, and the raw wire shapes
//! (statuses, `error_codes`, trace ids) checked with reqwest.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use oauth2::basic::{BasicClient, BasicTokenResponse};
use oauth2::{
    ClientId, DeviceAuthorizationResponse, DeviceAuthorizationUrl, EndpointNotSet, EndpointSet,
    ExtraDeviceAuthorizationFields, RefreshToken, RequestTokenError, Scope,
    StandardDeviceAuthorizationResponse, TokenResponse, TokenUrl,
};
use printoauth_sim::clock::Clock;
use printoauth_sim::http::Shutdown;
use printoauth_sim::identity::{self, HostRole, Identity, IdentityFaults, SignInError};
use printoauth_sim::tenant::{
    AppConfig, Tenant, TenantConfig, CONSUMERS_TENANT_ID, DEVICE_APP_CLIENT_ID,
    PRINTOAUTH_APP_CLIENT_ID, SMTP_SEND_SCOPE,
};
use printoauth_testkit::practice::{ADMIN, ADMIN_PW, USER};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use tokio::sync::Notify;

const USER_PW: &str = "Practice-User-1";
const PERSONAL: &str = "scanner.practice@outlook.example";
const PERSONAL_PW: &str = "Practice-Outlook-1";
const FEDERATED: &str = "it@sso.contoso.example";
const FEDERATED_PW: &str = "Practice-Federated-1";

type OAuthClient =
    BasicClient<EndpointNotSet, EndpointSet, EndpointNotSet, EndpointNotSet, EndpointSet>;

/// Microsoft's extra device authorization field, kept with the crate's extension point.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct MsDeviceFields {
    message: String,
}
impl ExtraDeviceAuthorizationFields for MsDeviceFields {}

/// The emulator with the practice tenant as `tune` changes it.
async fn start_with(tune: impl FnOnce(&mut TenantConfig)) -> Identity {
    let mut cfg = TenantConfig::default();
    tune(&mut cfg);
    identity::start(
        Tenant::new(cfg, Clock::new()),
        "127.0.0.1:0".parse().unwrap(),
        Shutdown::new(),
    )
    .await
    .expect("identity emulator starts")
}

async fn start() -> Identity {
    start_with(|_| {}).await
}

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn smtp_scopes() -> Vec<Scope> {
    vec![
        Scope::new(SMTP_SEND_SCOPE.to_string()),
        Scope::new("offline_access".to_string()),
    ]
}

/// An application asking for codes and tokens with the `oauth2` crate, as a device
/// does.
struct App {
    client: OAuthClient,
    http: reqwest::Client,
}

impl App {
    fn new(id: &Identity, client_id: &str) -> App {
        let client = BasicClient::new(ClientId::new(client_id.to_string()))
            .set_device_authorization_url(
                DeviceAuthorizationUrl::new(id.device_code_url()).unwrap(),
            )
            .set_token_uri(TokenUrl::new(id.token_url()).unwrap());
        App {
            client,
            http: http(),
        }
    }

    /// The device vendor's application.
    fn device(id: &Identity) -> App {
        App::new(id, DEVICE_APP_CLIENT_ID)
    }

    /// A device code for SMTP.Send and offline_access.
    async fn code(&self) -> DeviceAuthorizationResponse<MsDeviceFields> {
        self.code_with(smtp_scopes()).await
    }

    async fn code_with(&self, scopes: Vec<Scope>) -> DeviceAuthorizationResponse<MsDeviceFields> {
        self.client
            .exchange_device_code()
            .add_scopes(scopes)
            .request_async(&self.http)
            .await
            .expect("device code")
    }

    /// Polls with the crate's loop; the sleep function records the intervals the
    /// crate asks for and sleeps only briefly (the emulator does not police the rate).
    async fn poll<EF: ExtraDeviceAuthorizationFields>(
        &self,
        details: &DeviceAuthorizationResponse<EF>,
    ) -> (Polled, Vec<Duration>) {
        let log = Arc::new(Mutex::new(Vec::new()));
        let l = log.clone();
        let sleep = move |d: Duration| {
            l.lock().unwrap().push(d);
            tokio::time::sleep(Duration::from_millis(10))
        };
        let res = self
            .client
            .exchange_device_access_token(details)
            .request_async(&self.http, sleep, Some(Duration::from_secs(10)))
            .await;
        let intervals = log.lock().unwrap().clone();
        (classify(res), intervals)
    }

    /// A refresh the server refuses with invalid_grant and `aadsts`.
    async fn refresh_refused(&self, rt: &RefreshToken, aadsts: u32) {
        let err = self.refresh(rt).await.unwrap_err();
        assert_eq!(err, ("invalid_grant".to_string(), aadsts));
    }

    async fn refresh(&self, rt: &RefreshToken) -> Result<BasicTokenResponse, (String, u32)> {
        match self
            .client
            .exchange_refresh_token(rt)
            .request_async(&self.http)
            .await
        {
            Ok(t) => Ok(t),
            Err(RequestTokenError::ServerResponse(e)) => {
                let d = e.error_description().cloned().unwrap_or_default();
                Err((e.error().to_string(), aadsts_of(&d).unwrap_or(0)))
            }
            Err(e) => panic!("refresh transport error: {e:?}"),
        }
    }
}

/// The outcome of a poll as a product would look at it.
#[derive(Debug)]
enum Polled {
    Token(Box<BasicTokenResponse>),
    Server {
        error: String,
        description: String,
    },
    /// Transport or parse failures (only shown in panic messages).
    #[allow(dead_code)]
    Other(String),
}

impl Polled {
    fn token(self) -> BasicTokenResponse {
        match self {
            Polled::Token(t) => *t,
            other => panic!("expected a token, got {other:?}"),
        }
    }
    /// (error, AADSTS number from the description's prefix).
    fn server_error(&self) -> (&str, u32) {
        match self {
            Polled::Server { error, description } => (
                error.as_str(),
                aadsts_of(description).unwrap_or_else(|| panic!("no AADSTS in {description:?}")),
            ),
            other => panic!("expected a server error, got {other:?}"),
        }
    }
    fn description(&self) -> &str {
        match self {
            Polled::Server { description, .. } => description,
            other => panic!("expected a server error, got {other:?}"),
        }
    }
}

fn aadsts_of(desc: &str) -> Option<u32> {
    desc.strip_prefix("AADSTS")?.split(':').next()?.parse().ok()
}

fn classify<RE: std::error::Error>(
    res: Result<BasicTokenResponse, RequestTokenError<RE, oauth2::DeviceCodeErrorResponse>>,
) -> Polled {
    match res {
        Ok(t) => Polled::Token(Box::new(t)),
        Err(RequestTokenError::ServerResponse(e)) => Polled::Server {
            error: e.error().to_string(),
            description: e.error_description().cloned().unwrap_or_default(),
        },
        Err(e) => Polled::Other(format!("{e:?}")),
    }
}

/// The emulator with the practice tenant, and the device app.
async fn start_device() -> (Identity, App) {
    let id = start().await;
    let app = App::device(&id);
    (id, app)
}

/// [`start_device`], with a device code the app asked for.
async fn with_a_code() -> (Identity, App, DeviceAuthorizationResponse<MsDeviceFields>) {
    let (id, app) = start_device().await;
    let details = app.code().await;
    (id, app, details)
}

/// Signs in through approve() and redeems the code: (the device app, token).
async fn signed_in(id: &Identity, upn: &str, pw: &str) -> (App, BasicTokenResponse) {
    let app = App::device(id);
    let details = app.code().await;
    id.approve(details.user_code().secret(), upn, pw, true)
        .expect("approve");
    let (polled, _) = app.poll(&details).await;
    (app, polled.token())
}

/// A person with a browser on the device login pages.
struct Browser {
    http: reqwest::Client,
    url: String,
}

impl Browser {
    fn new(id: &Identity) -> Self {
        Self {
            http: http(),
            url: id.verification_uri(),
        }
    }

    /// A browser that keeps cookies (Microsoft's session cookies), not following
    /// redirects by itself.
    fn with_cookies(id: &Identity) -> Self {
        Self {
            http: cookie_http(),
            url: id.verification_uri(),
        }
    }

    async fn open(&self) -> String {
        let r = self.http.get(&self.url).send().await.unwrap();
        assert_eq!(r.status(), 200);
        assert!(r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        r.text().await.unwrap()
    }

    async fn submit(&self, form: &[(&str, &str)]) -> String {
        let r = self.http.post(&self.url).form(form).send().await.unwrap();
        assert_eq!(r.status(), 200);
        r.text().await.unwrap()
    }

    /// Code, account and password pages; then, when the password was right, "Stay
    /// signed in?" (answered `kmsi`) and Continue on "Are you trying to sign in…?".
    /// Returns (flow, the page after Continue, or the page the password led to).
    async fn sign_in_kmsi(&self, code: &str, upn: &str, pw: &str, kmsi: &str) -> (String, String) {
        let page = self.open().await;
        assert!(page.contains(r#"id="otc""#) && page.contains(r#"id="idSIButton9""#));
        assert!(
            page.contains("<title>Enter code to allow access</title>"),
            "{page}"
        );
        let page = self.submit(&[("otc", code)]).await;
        assert!(
            page.contains(r#"id="i0116""#) && page.contains(r#"name="loginfmt""#),
            "account page expected: {page}"
        );
        let flow = flow_of(&page);
        let page = self.submit(&[("flow", &flow), ("loginfmt", upn)]).await;
        assert!(
            page.contains(r#"id="i0118""#) && page.contains(r#"name="passwd""#),
            "password page expected: {page}"
        );
        assert_eq!(flow_of(&page), flow);
        let page = self.submit(&[("flow", &flow), ("passwd", pw)]).await;
        if !page.contains(r#"id="KmsiDescription""#) {
            return (flow, page);
        }
        assert_kmsi_page(&page);
        let page = self.submit(&[("flow", &flow), ("kmsi", kmsi)]).await;
        assert_confirm_page(&page, None);
        let page = self
            .submit(&[("flow", &flow), ("action", "continue")])
            .await;
        (flow, page)
    }

    async fn sign_in(&self, code: &str, upn: &str, pw: &str) -> (String, String) {
        self.sign_in_kmsi(code, upn, pw, "no").await
    }
}

const DEVICE_APP: &str = "Epson Device Authentication (practice)";

/// A browser's first sign-in in a fresh tenant, for a code of `app`: code, account,
/// password, "Stay signed in?" answered `kmsi`, Continue, consent for the
/// organisation; the device gets its token.
async fn first_sign_in(app: &App, b: &Browser, kmsi: &str) {
    let d1 = app.code().await;
    let (flow, page) = b
        .sign_in_kmsi(d1.user_code().secret(), ADMIN, ADMIN_PW, kmsi)
        .await;
    assert_has(
        &page,
        &[
            "<title>Permissions requested</title>",
            "Consent on behalf of your organization",
        ],
    );
    let page = b
        .submit(&[("flow", &flow), ("consent_org", "on"), ("accept", "Accept")])
        .await;
    assert_done(&page, DEVICE_APP);
    let _ = app.poll(&d1).await.0.token();
}

/// A sign-in on the pages that the tenant refuses after the password: the page shows
/// `shows`, the device's poll gets invalid_grant with `aadsts`, and approve() gives
/// `err` for a new code.
async fn refused_sign_in(
    (id, app, details): (
        &Identity,
        &App,
        &DeviceAuthorizationResponse<MsDeviceFields>,
    ),
    (upn, pw): (&str, &str),
    shows: &[&str],
    aadsts: u32,
    err: SignInError,
) {
    let (_, page) = Browser::new(id)
        .sign_in(details.user_code().secret(), upn, pw)
        .await;
    assert_has(&page, shows);
    let (polled, _) = app.poll(details).await;
    assert_eq!(polled.server_error(), ("invalid_grant", aadsts));
    let details = app.code().await;
    assert_eq!(
        id.approve(details.user_code().secret(), upn, pw, true),
        Err(err)
    );
}

fn cookie_http() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Asserts that `page` holds every one of `parts`.
fn assert_has(page: &str, parts: &[&str]) {
    for part in parts {
        assert!(page.contains(part), "{part:?} not in {page}");
    }
}

fn assert_kmsi_page(page: &str) {
    assert_has(
        page,
        &[
            "<title>Stay signed in?</title>",
            r#"id="KmsiDescription""#,
            r#"id="idSIButton9" name="kmsi" value="yes""#,
            r#"id="idBtn_Back" name="kmsi" value="no""#,
        ],
    );
}

/// "Are you trying to sign in to <app>?" (any app when `app` is None).
fn assert_confirm_page(page: &str, app: Option<&str>) {
    let title = match app {
        Some(app) => format!("<title>Are you trying to sign in to {app}?</title>"),
        None => "<title>Are you trying to sign in to ".to_string(),
    };
    assert_has(
        page,
        &[
            &title,
            "Only continue if you downloaded the app from a store or website that you trust.",
            r#"id="idSIButton9" name="action" value="continue">Continue<"#,
            r#"id="idBtn_Back" name="action" value="cancel">Cancel<"#,
        ],
    );
}

/// The done page: `#message` with Microsoft's words.
fn assert_done(page: &str, app: &str) {
    let expected = format!(
        r#"<p id="message">You have signed in to the {app} application on your device. You may now close this window.</p>"#
    );
    assert!(page.contains(&expected), "{page}");
}

fn flow_of(html: &str) -> String {
    let marker = r#"name="flow" value=""#;
    let start = html
        .find(marker)
        .unwrap_or_else(|| panic!("no flow field in {html}"))
        + marker.len();
    html[start..].split('"').next().unwrap().to_string()
}

async fn raw_post(url: &str, form: &[(&str, &str)]) -> (u16, Value) {
    let r = http().post(url).form(form).send().await.unwrap();
    let status = r.status().as_u16();
    let ct = r.headers()["content-type"].to_str().unwrap().to_string();
    assert!(ct.starts_with("application/json"), "{ct}");
    (status, r.json().await.unwrap())
}

/// A device code asked for at `url` with the raw HTTP form.
async fn raw_code_request(url: &str, client_id: &str, scope: &str) -> (u16, Value) {
    raw_post(url, &[("client_id", client_id), ("scope", scope)]).await
}

/// A device code for the device app (raw).
async fn raw_device_code(id: &Identity, scope: &str) -> Value {
    raw_device_code_for(id, DEVICE_APP_CLIENT_ID, scope).await
}

async fn raw_device_code_for(id: &Identity, client_id: &str, scope: &str) -> Value {
    let (status, body) = raw_code_request(&id.device_code_url(), client_id, scope).await;
    assert_eq!(status, 200, "{body}");
    body
}

/// The device app's code for SMTP.Send asked at `{tenant}` `segment` (raw).
async fn raw_code_at(id: &Identity, segment: &str) -> (u16, Value) {
    let url = format!("{}/{segment}/oauth2/v2.0/devicecode", id.base_url());
    raw_code_request(&url, DEVICE_APP_CLIENT_ID, SMTP_SEND_SCOPE).await
}

fn user_code(details: &Value) -> &str {
    details["user_code"].as_str().unwrap()
}

fn device_code(details: &Value) -> &str {
    details["device_code"].as_str().unwrap()
}

/// The device app's poll for the device code of `details` (a raw device code answer).
async fn redeem(id: &Identity, details: &Value) -> (u16, Value) {
    raw_poll(id, DEVICE_APP_CLIENT_ID, device_code(details)).await
}

async fn raw_poll(id: &Identity, client_id: &str, device_code: &str) -> (u16, Value) {
    raw_post(
        &id.token_url(),
        &[
            ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
            ("client_id", client_id),
            ("device_code", device_code),
        ],
    )
    .await
}

/// An answer that must be HTTP 400: its body.
async fn refused(answer: impl std::future::Future<Output = (u16, Value)>) -> Value {
    let (status, body) = answer.await;
    assert_eq!(status, 400, "{body}");
    body
}

/// Checks Entra's error body shape and returns its AADSTS number.
fn assert_entra_error(body: &Value, error: &str, code: u32) {
    assert_eq!(body["error"], error, "{body}");
    assert_eq!(body["error_codes"], json!([code]), "{body}");
    let desc = body["error_description"].as_str().unwrap();
    assert!(desc.starts_with(&format!("AADSTS{code}: ")), "{desc}");
    let trace = body["trace_id"].as_str().unwrap();
    let corr = body["correlation_id"].as_str().unwrap();
    let ts = body["timestamp"].as_str().unwrap();
    assert!(uuid::Uuid::parse_str(trace).is_ok() && uuid::Uuid::parse_str(corr).is_ok());
    assert_has(
        desc,
        &[
            &format!("Trace ID: {trace}"),
            &format!("Correlation ID: {corr}"),
            &format!("Timestamp: {ts}"),
        ],
    );
    assert!(
        chrono::NaiveDateTime::parse_from_str(ts, "%Y-%m-%d %H:%M:%SZ").is_ok(),
        "{ts}"
    );
    assert!(body["error_uri"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/error?code={code}")));
}

// ---- the whole device flow -----------------------------------------------------

#[tokio::test]
async fn device_flow_end_to_end_through_pages_then_refresh() {
    let (id, app) = start_device().await;
    let mut scopes = smtp_scopes();
    scopes.push(Scope::new("openid".into()));
    let details = app.code_with(scopes).await;
    assert_eq!(details.verification_uri().as_str(), id.verification_uri());
    assert!(details.verification_uri_complete().is_none());
    assert_eq!(details.interval(), Duration::from_secs(5));
    assert_eq!(details.expires_in(), Duration::from_secs(900));
    assert_eq!(
        details.extra_fields().message,
        format!(
            "To sign in, use a web browser to open the page {} and enter the code {} to authenticate.",
            id.verification_uri(),
            details.user_code().secret()
        )
    );
    assert_eq!(id.pending().len(), 1);

    // The admin starts on the pages once the device has seen authorization_pending.
    let first_pending = Arc::new(Notify::new());
    let driver = {
        let browser = Browser::new(&id);
        let code = details.user_code().secret().clone();
        let first_pending = first_pending.clone();
        tokio::spawn(async move {
            first_pending.notified().await;
            let (flow, page) = browser.sign_in(&code, ADMIN, ADMIN_PW).await;
            assert!(
                page.contains("<title>Permissions requested</title>"),
                "{page}"
            );
            assert_has(
                &page,
                &[
                    "Epson Device Authentication (practice)",
                    "Seiko Epson Corporation (emulated)",
                    "Send email from mailboxes using SMTP AUTH",
                    "Maintain access to data you have given it access to",
                    "Sign you in and read your profile",
                    r#"id="consent_org""#,
                    "Consent on behalf of your organization",
                    r#"id="idBtn_Back""#,
                ],
            );
            browser
                .submit(&[("flow", &flow), ("consent_org", "on"), ("accept", "Accept")])
                .await
        })
    };
    let sleeps = Arc::new(Mutex::new(Vec::new()));
    let sleep = {
        let sleeps = sleeps.clone();
        let first_pending = first_pending.clone();
        move |d: Duration| {
            sleeps.lock().unwrap().push(d);
            first_pending.notify_one();
            tokio::time::sleep(d)
        }
    };
    let started = Instant::now();
    let token = app
        .client
        .exchange_device_access_token(&details)
        .request_async(&app.http, sleep, Some(Duration::from_secs(60)))
        .await
        .expect("token after the admin signed in");
    let done_page = driver.await.unwrap();
    assert_done(&done_page, DEVICE_APP);
    // authorization_pending was answered at least once, at the announced interval.
    let sleeps = sleeps.lock().unwrap().clone();
    assert!(!sleeps.is_empty());
    assert!(
        sleeps.iter().all(|d| *d == Duration::from_secs(5)),
        "{sleeps:?}"
    );
    assert!(started.elapsed() >= Duration::from_secs(5));

    let tenant = id.tenant();
    let claims = tenant
        .validate_access_token(token.access_token().secret())
        .expect("valid Exchange token");
    assert_eq!(claims.upn, ADMIN);
    assert_eq!(claims.appid, DEVICE_APP_CLIENT_ID);
    assert_eq!(claims.scp, "SMTP.Send");
    assert_eq!(
        token.scopes().unwrap(),
        &vec![Scope::new(SMTP_SEND_SCOPE.into())]
    );
    assert_eq!(token.expires_in(), Some(Duration::from_secs(3600)));
    assert!(tenant.state().admin_consent.contains(DEVICE_APP_CLIENT_ID));
    assert!(tenant
        .state()
        .registered_apps
        .contains(DEVICE_APP_CLIENT_ID));
    assert!(tenant.has_consent(USER, DEVICE_APP_CLIENT_ID));
    assert!(id.pending().is_empty());

    let rt = token
        .refresh_token()
        .expect("offline_access gives a refresh token");
    tenant.clock().advance(3601);
    assert!(tenant
        .validate_access_token(token.access_token().secret())
        .is_err());
    let renewed = app.refresh(rt).await.expect("refresh");
    tenant
        .validate_access_token(renewed.access_token().secret())
        .expect("refreshed token valid");
    let rt2 = renewed.refresh_token().expect("a new refresh token");
    assert_ne!(rt2.secret(), rt.secret());
    app.refresh(rt2).await.expect("second refresh");
}

#[tokio::test]
async fn id_token_and_refresh_token_follow_the_scopes_asked() {
    let id = start().await;
    // Without offline_access: no refresh token; with openid: an id token.
    let details = raw_device_code(&id, &format!("{SMTP_SEND_SCOPE} openid profile")).await;
    id.approve(user_code(&details), ADMIN, ADMIN_PW, true)
        .unwrap();
    let (status, body) = redeem(&id, &details).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["scope"], SMTP_SEND_SCOPE);
    assert_eq!(body["expires_in"], 3600);
    assert_eq!(body["ext_expires_in"], 3600);
    assert!(body.get("refresh_token").is_none(), "{body}");
    let idt = body["id_token"].as_str().unwrap();
    let parts: Vec<&str> = idt.split('.').collect();
    assert_eq!(parts.len(), 3);
    use base64::Engine;
    let claims: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(parts[1])
            .unwrap(),
    )
    .unwrap();
    assert_eq!(claims["preferred_username"], ADMIN);
    assert_eq!(claims["name"], "Practice Global Admin");
    assert_eq!(claims["aud"], DEVICE_APP_CLIENT_ID);
    assert_eq!(claims["tid"], id.tenant().config().id.as_str());
    assert!(uuid::Uuid::parse_str(claims["oid"].as_str().unwrap()).is_ok());

    // Without openid: no id token.
    let app = App::device(&id);
    let details = app.code().await;
    id.approve(details.user_code().secret(), ADMIN, ADMIN_PW, false)
        .unwrap();
    let (status, body) = raw_poll(&id, DEVICE_APP_CLIENT_ID, details.device_code().secret()).await;
    assert_eq!(status, 200);
    assert!(body.get("id_token").is_none());
    assert!(body["refresh_token"].as_str().is_some());
}

// ---- device code errors ----------------------------------------------------------

#[tokio::test]
async fn authorization_pending_has_entras_wire_shape() {
    let id = start().await;
    let details = raw_device_code(&id, &format!("{SMTP_SEND_SCOPE} offline_access")).await;
    let dc = device_code(&details);
    for _ in 0..2 {
        let body = refused(raw_poll(&id, DEVICE_APP_CLIENT_ID, dc)).await;
        assert_entra_error(&body, "authorization_pending", 70016);
        assert!(body["error_description"].as_str().unwrap().starts_with(
            "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling."
        ));
    }
    // Each answer has its own trace id.
    let (_, a) = raw_poll(&id, DEVICE_APP_CLIENT_ID, dc).await;
    let (_, b) = raw_poll(&id, DEVICE_APP_CLIENT_ID, dc).await;
    assert_ne!(a["trace_id"], b["trace_id"]);

    id.approve(user_code(&details), ADMIN, ADMIN_PW, true)
        .unwrap();
    let (status, body) = raw_poll(&id, DEVICE_APP_CLIENT_ID, dc).await;
    assert_eq!(status, 200, "{body}");
    assert!(body["access_token"].as_str().is_some());
    assert!(body["refresh_token"].as_str().is_some());
}

#[tokio::test]
async fn device_code_is_redeemed_only_once() {
    let id = start().await;
    let details = raw_device_code(&id, SMTP_SEND_SCOPE).await;
    id.approve(user_code(&details), ADMIN, ADMIN_PW, true)
        .unwrap();
    let dc = device_code(&details);
    let (status, _) = raw_poll(&id, DEVICE_APP_CLIENT_ID, dc).await;
    assert_eq!(status, 200);
    let body = refused(raw_poll(&id, DEVICE_APP_CLIENT_ID, dc)).await;
    assert_entra_error(&body, "invalid_grant", 70000);
    // Another application cannot redeem someone else's device code.
    let details = raw_device_code(&id, SMTP_SEND_SCOPE).await;
    let body = refused(raw_poll(
        &id,
        PRINTOAUTH_APP_CLIENT_ID,
        device_code(&details),
    ))
    .await;
    assert_entra_error(&body, "bad_verification_code", 70018);
}

#[tokio::test]
async fn declined_on_the_consent_page_is_authorization_declined() {
    let (id, app, details) = with_a_code().await;
    let code = details.user_code().secret().clone();
    let browser = Browser::new(&id);
    let (flow, page) = browser.sign_in(&code, ADMIN, ADMIN_PW).await;
    assert!(page.contains("Permissions requested"));
    let page = browser
        .submit(&[("flow", &flow), ("cancel", "Cancel")])
        .await;
    assert!(page.contains(r#"id="declined""#), "{page}");

    let (polled, sleeps) = app.poll(&details).await;
    assert_eq!(polled.server_error(), ("authorization_declined", 65004));
    assert!(sleeps.is_empty(), "no retry after a decline");
    // Nothing was consented or registered.
    assert!(!id.tenant().has_consent(ADMIN, DEVICE_APP_CLIENT_ID));
    assert!(!id
        .tenant()
        .state()
        .registered_apps
        .contains(DEVICE_APP_CLIENT_ID));
    // The code is finished: entering it again says so.
    let page = browser.submit(&[("otc", &code)]).await;
    assert!(page.contains("AADSTS90120"), "{page}");
    assert_eq!(
        id.approve(&code, ADMIN, ADMIN_PW, true),
        Err(SignInError::CodeUsed)
    );
}

#[tokio::test]
async fn fabricated_device_code_is_bad_verification_code() {
    let (id, app) = start_device().await;
    let details: StandardDeviceAuthorizationResponse = serde_json::from_value(json!({
        "device_code": "DAQABIQEAAAD-fabricated-by-the-test",
        "user_code": "ABCDEFGHJ",
        "verification_uri": id.verification_uri(),
        "expires_in": 900,
        "interval": 5,
    }))
    .unwrap();
    let (polled, _) = app.poll(&details).await;
    assert_eq!(polled.server_error(), ("bad_verification_code", 70018));
    let body = refused(raw_poll(&id, DEVICE_APP_CLIENT_ID, "fabricated")).await;
    assert_entra_error(&body, "bad_verification_code", 70018);
}

#[tokio::test]
async fn device_code_expires_after_900_seconds_of_world_time() {
    let (id, app, details) = with_a_code().await;
    let code = details.user_code().secret().clone();
    id.tenant().clock().advance(899);
    assert_eq!(id.pending().len(), 1);
    id.tenant().clock().advance(2);
    assert!(id.pending().is_empty());

    let (polled, _) = app.poll(&details).await;
    assert_eq!(polled.server_error(), ("expired_token", 70020));
    // The server's answer, not the crate's own timeout (which has no AADSTS number).
    assert!(polled
        .description()
        .starts_with("AADSTS70020: This device code has expired."));

    assert_eq!(
        id.approve(&code, ADMIN, ADMIN_PW, true),
        Err(SignInError::CodeExpired)
    );
    let page = Browser::new(&id).submit(&[("otc", &code)]).await;
    assert!(page.contains(r#"id="code-expired""#), "{page}");
}

#[tokio::test]
async fn slow_down_grows_the_interval_and_the_flow_still_completes() {
    let (id, app, details) = with_a_code().await;
    id.approve(details.user_code().secret(), ADMIN, ADMIN_PW, true)
        .unwrap();
    id.set_faults(IdentityFaults {
        slow_down_polls: 2,
        ..Default::default()
    });
    let (polled, sleeps) = app.poll(&details).await;
    let token = polled.token();
    assert_eq!(
        sleeps,
        vec![Duration::from_secs(10), Duration::from_secs(15)]
    );
    assert_eq!(id.faults().slow_down_polls, 0);
    id.tenant()
        .validate_access_token(token.access_token().secret())
        .unwrap();

    // The raw answer.
    let details = raw_device_code(&id, SMTP_SEND_SCOPE).await;
    id.set_faults(IdentityFaults {
        slow_down_polls: 1,
        ..Default::default()
    });
    let (status, body) = redeem(&id, &details).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"], "slow_down");
    assert_eq!(body["error_codes"][0], 70016);
}

#[tokio::test]
async fn app_without_public_client_flows_gets_invalid_client() {
    let id = start_with(|t| {
        t.apps.push(AppConfig {
            client_id: "0c9d6c3a-0000-4000-8000-00000000c0de".into(),
            name: "Confidential app".into(),
            publisher: "Someone".into(),
            public_client: false,
            registered: true,
            admin_consented: true,
        })
    })
    .await;
    let app = App::new(&id, "0c9d6c3a-0000-4000-8000-00000000c0de");
    let details = app.code().await;
    // Even after a successful sign-in the poll is refused.
    id.approve(details.user_code().secret(), USER, USER_PW, false)
        .unwrap();
    let (polled, _) = app.poll(&details).await;
    assert_eq!(polled.server_error(), ("invalid_client", 7000218));
    let (status, body) = raw_poll(
        &id,
        "0c9d6c3a-0000-4000-8000-00000000c0de",
        details.device_code().secret(),
    )
    .await;
    assert_eq!(status, 401);
    assert_entra_error(&body, "invalid_client", 7000218);
}

// ---- sign-in outcomes on the pages -----------------------------------------------

#[tokio::test]
async fn conditional_access_blocks_the_device_code_flow() {
    let id = start_with(|t| t.block_device_code_flow = true).await;
    let app = App::device(&id);
    let details = app.code().await;
    // The pages and approve() give the same outcome.
    refused_sign_in(
        (&id, &app, &details),
        (ADMIN, ADMIN_PW),
        &["AADSTS53003", "Conditional Access", r#"id="blocked""#],
        53003,
        SignInError::ConditionalAccess,
    )
    .await;
    assert_eq!(SignInError::ConditionalAccess.aadsts(), Some(53003));
}

#[tokio::test]
async fn conditional_access_also_stops_refreshing_a_device_code_session() {
    let id = start().await;
    let (app, token) = signed_in(&id, ADMIN, ADMIN_PW).await;
    id.tenant().config().block_device_code_flow = true;
    app.refresh_refused(token.refresh_token().unwrap(), 53003)
        .await;
}

#[tokio::test]
async fn ordinary_user_needs_admin_approval_for_an_unregistered_app() {
    let (id, app, details) = with_a_code().await;
    refused_sign_in(
        (&id, &app, &details),
        (USER, USER_PW),
        &[
            "Need admin approval",
            "AADSTS90094",
            r#"id="need-admin-approval""#,
        ],
        90094,
        SignInError::AdminApprovalRequired,
    )
    .await;

    // Once an admin consented for the organisation, the user signs in without any
    // consent page.
    let details = app.code().await;
    id.approve(details.user_code().secret(), ADMIN, ADMIN_PW, true)
        .unwrap();
    let details = app.code().await;
    let (_, page) = Browser::new(&id)
        .sign_in(details.user_code().secret(), USER, USER_PW)
        .await;
    assert_done(&page, DEVICE_APP);
    let (polled, _) = app.poll(&details).await;
    let claims = id
        .tenant()
        .validate_access_token(polled.token().access_token().secret())
        .unwrap();
    assert_eq!(claims.upn, USER);
}

#[tokio::test]
async fn wrong_password_and_unknown_account_are_shown_on_the_pages() {
    let (id, _, details) = with_a_code().await;
    let browser = Browser::new(&id);
    let (flow, page) = browser
        .sign_in(details.user_code().secret(), ADMIN, "not-the-password")
        .await;
    assert!(page.contains("AADSTS50126"), "{page}");
    assert!(page.contains(r#"id="i0118""#), "stays on the password page");
    // A different account: unknown.
    let page = browser
        .submit(&[("flow", &flow), ("loginfmt", "nobody@contoso.example")])
        .await;
    assert_has(&page, &["AADSTS50034", r#"id="i0116""#]);
    // A personal account on a work-account code: refused.
    let page = browser
        .submit(&[("flow", &flow), ("loginfmt", PERSONAL)])
        .await;
    assert_has(&page, &["AADSTS50020", r#"id="i0116""#]);
    // The right account and password continue to "Stay signed in?".
    let page = browser
        .submit(&[("flow", &flow), ("loginfmt", ADMIN)])
        .await;
    assert!(page.contains(r#"id="i0118""#), "{page}");
    let page = browser
        .submit(&[("flow", &flow), ("passwd", ADMIN_PW)])
        .await;
    assert_kmsi_page(&page);
    // The code stays pending through failed attempts.
    assert_eq!(id.pending().len(), 1);

    assert_eq!(
        id.approve(details.user_code().secret(), ADMIN, "wrong", true),
        Err(SignInError::BadPassword)
    );
    assert_eq!(
        id.approve(
            details.user_code().secret(),
            "ghost@contoso.example",
            "x",
            true
        )
        .map_err(|e| e.aadsts()),
        Err(Some(50034))
    );
}

#[tokio::test]
async fn code_page_rejects_bad_and_used_codes_and_ignores_otc_in_the_url() {
    let id = start().await;
    let browser = Browser::new(&id);
    let page = browser.submit(&[("otc", "ZZZZZZZZZ")]).await;
    assert_has(&page, &["AADSTS90119", r#"id="otc""#]);
    assert_eq!(
        id.approve("ZZZZZZZZZ", ADMIN, ADMIN_PW, true),
        Err(SignInError::InvalidCode)
    );

    let details = raw_device_code(&id, SMTP_SEND_SCOPE).await;
    let code = user_code(&details);
    assert_eq!(code.len(), 9);
    assert!(code
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
    // ?otc= does not pre-fill or skip the page.
    let r = http()
        .get(format!("{}?otc={code}", id.verification_uri()))
        .send()
        .await
        .unwrap();
    let page = r.text().await.unwrap();
    assert!(!page.contains(code));
    assert!(!page.contains(r#"id="i0116""#));
    // Lower case with a space is accepted, as a person may type it.
    let loose = format!("{} {}", &code[..4].to_lowercase(), &code[4..]);
    let page = browser.submit(&[("otc", &loose)]).await;
    assert_has(
        &page,
        &[r#"id="i0116""#, "Epson Device Authentication (practice)"],
    );

    id.approve(code, ADMIN, ADMIN_PW, true).unwrap();
    let page = browser.submit(&[("otc", code)]).await;
    assert!(page.contains("AADSTS90120"), "{page}");
    // A stale flow field sends the user back to the code page.
    let page = browser
        .submit(&[("flow", "no-such-flow"), ("loginfmt", ADMIN)])
        .await;
    assert!(page.contains(r#"id="otc""#), "{page}");
}

#[tokio::test]
async fn user_consent_without_the_box_and_consent_withdrawn() {
    // printoauth's app is registered but has no admin consent.
    let id = start_with(|t| t.apps[1].registered = true).await;
    let app = App::new(&id, PRINTOAUTH_APP_CLIENT_ID);

    // An ordinary user sees the consent page without the organisation box.
    let details = app.code().await;
    let browser = Browser::new(&id);
    let (flow, page) = browser
        .sign_in(details.user_code().secret(), USER, USER_PW)
        .await;
    assert!(page.contains("Permissions requested"), "{page}");
    assert!(!page.contains(r#"id="consent_org""#));
    // A forged tick from an ordinary user is only the user's own consent.
    let page = browser
        .submit(&[("flow", &flow), ("consent_org", "on"), ("accept", "Accept")])
        .await;
    assert_done(&page, "printoauth");
    let (polled, _) = app.poll(&details).await;
    let token = polled.token();
    {
        let st = id.tenant().state();
        assert!(!st.admin_consent.contains(PRINTOAUTH_APP_CLIENT_ID));
        assert!(st
            .user_consent
            .contains(&(USER.to_string(), PRINTOAUTH_APP_CLIENT_ID.to_string())));
    }
    assert!(!id.tenant().has_consent(ADMIN, PRINTOAUTH_APP_CLIENT_ID));

    // Consent withdrawn: the refresh token no longer works.
    id.tenant().state().user_consent.clear();
    app.refresh_refused(token.refresh_token().unwrap(), 65001)
        .await;
}

// ---- refresh token lifetime -------------------------------------------------------

#[tokio::test]
async fn refresh_token_lapses_after_90_days_of_inactivity() {
    let id = start().await;
    let (app, token) = signed_in(&id, ADMIN, ADMIN_PW).await;
    let rt = token.refresh_token().unwrap();
    let day = 24 * 3600;
    // Use keeps it alive.
    id.tenant().clock().advance(89 * day);
    app.refresh(rt).await.expect("used within 90 days");
    id.tenant().clock().advance(89 * day);
    let renewed = app.refresh(rt).await.expect("last use 89 days ago");
    // Disuse kills it.
    id.tenant().clock().advance(91 * day);
    app.refresh_refused(rt, 700082).await;
    app.refresh_refused(renewed.refresh_token().unwrap(), 700082)
        .await;
    // The raw answer.
    let body = refused(raw_post(
        &id.token_url(),
        &[
            ("grant_type", "refresh_token"),
            ("client_id", DEVICE_APP_CLIENT_ID),
            ("refresh_token", rt.secret()),
        ],
    ))
    .await;
    assert_entra_error(&body, "invalid_grant", 700082);
}

#[tokio::test]
async fn revoked_sessions_void_refresh_tokens() {
    let id = start().await;
    let (app, token) = signed_in(&id, ADMIN, ADMIN_PW).await;
    id.tenant().revoke_sessions(ADMIN);
    app.refresh_refused(token.refresh_token().unwrap(), 50173)
        .await;
    // Signing in again works.
    id.tenant().clock().advance(1);
    let (app, token) = signed_in(&id, ADMIN, ADMIN_PW).await;
    app.refresh(token.refresh_token().unwrap())
        .await
        .expect("a fresh session refreshes");
}

#[tokio::test]
async fn unknown_or_foreign_refresh_tokens_are_refused() {
    let id = start().await;
    let (_, token) = signed_in(&id, ADMIN, ADMIN_PW).await;
    let app = App::device(&id);
    app.refresh_refused(&RefreshToken::new("0.PRACTICE.made-up".into()), 9002313)
        .await;
    let other = App::new(&id, PRINTOAUTH_APP_CLIENT_ID);
    other
        .refresh_refused(token.refresh_token().unwrap(), 70000)
        .await;
}

// ---- the device code endpoint and faults ---------------------------------------

#[tokio::test]
async fn device_code_endpoint_answers_and_refuses_like_entra() {
    let id = start().await;
    let body = raw_device_code(&id, &format!("{SMTP_SEND_SCOPE} offline_access")).await;
    assert_eq!(body["expires_in"], 900);
    assert_eq!(body["interval"], 5);
    assert_eq!(body["verification_uri"], id.verification_uri());
    assert!(body.get("verification_uri_complete").is_none());
    assert!(device_code(&body).len() >= 100);
    assert!(body["message"]
        .as_str()
        .unwrap()
        .starts_with("To sign in, use a web browser"));
    let pending = id.pending();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].user_code, user_code(&body));
    assert_eq!(pending[0].client_id, DEVICE_APP_CLIENT_ID);
    assert_eq!(
        pending[0].scope,
        format!("{SMTP_SEND_SCOPE} offline_access")
    );
    let now = id.tenant().clock().unix();
    assert!((now + 898..=now + 900).contains(&pending[0].expires_at));

    // Localised message.
    for (mkt, word) in [("de-DE", "Code"), ("lt-LT", "kodą")] {
        let (status, b) = raw_code_request(
            &format!("{}?mkt={mkt}", id.device_code_url()),
            DEVICE_APP_CLIENT_ID,
            SMTP_SEND_SCOPE,
        )
        .await;
        assert_eq!(status, 200);
        let m = b["message"].as_str().unwrap();
        assert!(!m.starts_with("To sign in"), "{m}");
        assert!(m.contains(word) && m.contains(user_code(&b)), "{m}");
    }

    // Tenant by domain and "organizations" work; an unknown tenant does not.
    let base = id.base_url();
    for seg in ["contoso.example", "organizations", "common"] {
        let (status, _) = raw_code_request(
            &format!("{base}/{seg}/oauth2/v2.0/devicecode"),
            DEVICE_APP_CLIENT_ID,
            SMTP_SEND_SCOPE,
        )
        .await;
        assert_eq!(status, 200, "{seg}");
    }
    let b = refused(raw_code_request(
        &format!("{base}/fabrikam.example/oauth2/v2.0/devicecode"),
        DEVICE_APP_CLIENT_ID,
        SMTP_SEND_SCOPE,
    ))
    .await;
    assert_entra_error(&b, "invalid_request", 90002);

    let b = refused(raw_code_request(
        &id.device_code_url(),
        "11111111-2222-3333-4444-555555555555",
        SMTP_SEND_SCOPE,
    ))
    .await;
    assert_entra_error(&b, "unauthorized_client", 700016);

    let b = refused(raw_post(
        &id.device_code_url(),
        &[("client_id", DEVICE_APP_CLIENT_ID)],
    ))
    .await;
    assert_entra_error(&b, "invalid_request", 900144);
    assert!(b["error_description"].as_str().unwrap().contains("'scope'"));

    // Scopes of two resources in one request.
    let b = refused(raw_post(
        &id.device_code_url(),
        &[
            ("client_id", DEVICE_APP_CLIENT_ID),
            (
                "scope",
                "https://outlook.office.com/SMTP.Send https://graph.microsoft.com/User.Read",
            ),
        ],
    ))
    .await;
    assert_entra_error(&b, "invalid_scope", 28000);
}

#[tokio::test]
async fn graph_scope_gives_a_token_exchange_cannot_use() {
    let id = start().await;
    // "SMTP.Send" without a resource is Microsoft Graph's permission, not Exchange's.
    let details = raw_device_code(&id, "SMTP.Send offline_access").await;
    id.approve(user_code(&details), ADMIN, ADMIN_PW, true)
        .unwrap();
    let (status, body) = redeem(&id, &details).await;
    assert_eq!(status, 200);
    assert_eq!(body["scope"], "https://graph.microsoft.com/SMTP.Send");
    assert!(id
        .tenant()
        .validate_access_token(body["access_token"].as_str().unwrap())
        .is_err());
}

#[tokio::test]
async fn http_500_and_delay_faults() {
    let id = start().await;
    id.set_faults(IdentityFaults {
        http_500_next: 2,
        ..Default::default()
    });
    let (status, b) =
        raw_code_request(&id.device_code_url(), DEVICE_APP_CLIENT_ID, SMTP_SEND_SCOPE).await;
    assert_eq!(status, 500);
    assert_eq!(b["error"], "server_error");
    let r = http().get(id.verification_uri()).send().await.unwrap();
    assert_eq!(r.status(), 500);
    assert_eq!(id.faults().http_500_next, 0);
    raw_device_code(&id, SMTP_SEND_SCOPE).await;

    id.set_faults(IdentityFaults {
        delay_ms: 300,
        ..Default::default()
    });
    let t = Instant::now();
    raw_device_code(&id, SMTP_SEND_SCOPE).await;
    assert!(t.elapsed() >= Duration::from_millis(300));
    id.set_faults(IdentityFaults::default());
    let t = Instant::now();
    raw_device_code(&id, SMTP_SEND_SCOPE).await;
    assert!(t.elapsed() < Duration::from_millis(300));
}

#[tokio::test]
async fn decline_and_pending_through_the_api() {
    let id = start().await;
    let a = raw_device_code(&id, SMTP_SEND_SCOPE).await;
    let b = raw_device_code_for(&id, PRINTOAUTH_APP_CLIENT_ID, SMTP_SEND_SCOPE).await;
    assert_eq!(id.pending().len(), 2);
    id.decline(user_code(&a)).unwrap();
    let left = id.pending();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].client_id, PRINTOAUTH_APP_CLIENT_ID);
    assert_eq!(id.decline(user_code(&a)), Err(SignInError::CodeUsed));
    assert_eq!(id.decline("NOTACODE1"), Err(SignInError::InvalidCode));
    let body = refused(redeem(&id, &a)).await;
    assert_entra_error(&body, "authorization_declined", 65004);
    // approve() by an admin without the box: user consent only, app registered.
    id.approve(user_code(&b), ADMIN, ADMIN_PW, false).unwrap();
    let st = id.tenant().state();
    assert!(st.registered_apps.contains(PRINTOAUTH_APP_CLIENT_ID));
    assert!(!st.admin_consent.contains(PRINTOAUTH_APP_CLIENT_ID));
    assert!(st
        .user_consent
        .contains(&(ADMIN.to_string(), PRINTOAUTH_APP_CLIENT_ID.to_string())));
}

#[tokio::test]
async fn a_browser_signed_in_once_picks_its_account_for_the_next_code() {
    let (id, app) = start_device().await;
    let b = Browser::with_cookies(&id);

    // First device: code, account, password, "Stay signed in?" Yes, Continue, consent
    // for the organisation.
    first_sign_in(&app, &b, "yes").await;

    // Every further device costs exactly three actions: Next (the code), the account
    // in the picker, Continue. No password, no consent page.
    for _ in 0..2 {
        let d = app.code().await;
        b.open().await;
        let page = b.submit(&[("otc", d.user_code().secret())]).await; // 1: Next
        assert_has(
            &page,
            &[
                "<title>Pick an account</title>",
                r#"id="pick-account""#,
                ADMIN,
            ],
        );
        assert!(!page.contains(r#"id="i0118""#));
        let flow = flow_of(&page);
        let page = b.submit(&[("flow", &flow), ("pick", ADMIN)]).await; // 2: the account
        assert_confirm_page(&page, Some(DEVICE_APP));
        let page = b.submit(&[("flow", &flow), ("action", "continue")]).await; // 3: Continue
        assert_done(&page, DEVICE_APP);
        let token = app.poll(&d).await.0.token();
        assert_eq!(
            id.tenant()
                .validate_access_token(token.access_token().secret())
                .unwrap()
                .upn,
            ADMIN
        );
    }

    // login.microsoft.com's /device builds its form by script: no field named
    // "otc" in the page as served, only the script that makes one labelled "Code".
    // Its form posts to the same code step, so the same session serves it.
    let device_page = format!("{}/device", id.origin(HostRole::LoginMicrosoft).unwrap());
    let (_, page, _) = get_page(&b.http, &device_page).await;
    assert!(
        page.contains("<title>Enter code to allow access</title>"),
        "{page}"
    );
    assert!(
        !page.contains(r#"id="otc""#) && !page.contains(r#"name="otc""#),
        "{page}"
    );
    assert!(
        page.contains(r#"setAttribute("aria-label", "Code")"#)
            && page.contains(r#"otc.name = "otc""#)
            && page.contains(r#"form.action = "/devicelogin""#),
        "{page}"
    );

    // Continue is asked for every code, and Cancel there declines the code.
    let d = app.code().await;
    let page = b.submit(&[("otc", d.user_code().secret())]).await;
    let flow = flow_of(&page);
    let page = b.submit(&[("flow", &flow), ("pick", ADMIN)]).await;
    assert_confirm_page(&page, Some(DEVICE_APP));
    let page = b.submit(&[("flow", &flow), ("action", "cancel")]).await;
    assert!(page.contains(r#"id="declined""#), "{page}");
    let (polled, _) = app.poll(&d).await;
    assert_eq!(polled.server_error(), ("authorization_declined", 65004));

    // "Use another account" goes to the account page.
    let d3 = app.code().await;
    let page = b.submit(&[("otc", d3.user_code().secret())]).await;
    let flow = flow_of(&page);
    let page = b
        .submit(&[("flow", &flow), ("other", "Use another account")])
        .await;
    assert!(page.contains(r#"id="i0116""#), "{page}");

    // A browser without the session cookie cannot pick an account.
    let plain = Browser::new(&id);
    let d4 = app.code().await;
    plain.open().await;
    let page = plain.submit(&[("otc", d4.user_code().secret())]).await;
    assert!(page.contains(r#"id="i0116""#) && !page.contains("pick-account"));
    let flow = flow_of(&page);
    let page = plain.submit(&[("flow", &flow), ("pick", ADMIN)]).await;
    assert!(page.contains(r#"id="i0116""#), "forged pick: {page}");
    assert!(id
        .pending()
        .iter()
        .any(|p| p.user_code == *d4.user_code().secret()));
}

#[tokio::test]
async fn stay_signed_in_no_keeps_no_session() {
    let (id, app) = start_device().await;
    let b = Browser::with_cookies(&id);
    first_sign_in(&app, &b, "no").await;

    // No session: the next code asks the account and password again, and Continue.
    let d2 = app.code().await;
    let page = b.submit(&[("otc", d2.user_code().secret())]).await;
    assert!(
        page.contains(r#"id="i0116""#) && !page.contains("pick-account"),
        "{page}"
    );
    let flow = flow_of(&page);
    let page = b.submit(&[("flow", &flow), ("loginfmt", ADMIN)]).await;
    assert!(page.contains(r#"id="i0118""#), "{page}");
    let page = b.submit(&[("flow", &flow), ("passwd", ADMIN_PW)]).await;
    assert_kmsi_page(&page);
    let page = b.submit(&[("flow", &flow), ("kmsi", "no")]).await;
    assert_confirm_page(&page, Some(DEVICE_APP));
    let page = b.submit(&[("flow", &flow), ("action", "continue")]).await;
    assert_done(&page, DEVICE_APP);
}

#[tokio::test]
async fn the_pages_carry_microsofts_titles_ids_and_words() {
    let (id, app) = start_device().await;
    let b = Browser::new(&id);
    let d = app.code().await;
    let page = b.open().await;
    assert_has(
        &page,
        &[
            "<title>Enter code to allow access</title>",
            r#"name="otc" id="otc""#,
            r#"<input type="submit" id="idSIButton9" value="Next">"#,
        ],
    );
    let page = b.submit(&[("otc", d.user_code().secret())]).await;
    assert_has(
        &page,
        &[
            r#"name="loginfmt" id="i0116""#,
            r#"id="idSIButton9" value="Next""#,
        ],
    );
    let flow = flow_of(&page);
    let page = b.submit(&[("flow", &flow), ("loginfmt", ADMIN)]).await;
    assert_has(
        &page,
        &[
            "<title>Enter password</title>",
            r#"name="passwd" id="i0118""#,
            r#"id="idSIButton9" value="Sign in""#,
        ],
    );
    let page = b.submit(&[("flow", &flow), ("passwd", ADMIN_PW)]).await;
    assert_kmsi_page(&page);
    // The code is still pending after the password and after "Stay signed in?":
    // Continue decides.
    assert_eq!(id.pending().len(), 1);
    let page = b.submit(&[("flow", &flow), ("kmsi", "yes")]).await;
    assert_confirm_page(&page, Some(DEVICE_APP));
    assert_eq!(id.pending().len(), 1);
    let page = b.submit(&[("flow", &flow), ("action", "continue")]).await;
    assert_has(
        &page,
        &[
            "<title>Permissions requested</title>",
            r#"<input type="checkbox" name="consent_org" id="consent_org">"#,
        ],
    );
    assert!(
        page.contains(r#"<label for="consent_org">Consent on behalf of your organization</label>"#)
    );
    assert!(page.contains(r#"id="idSIButton9" name="accept" value="Accept""#));
    let page = b
        .submit(&[("flow", &flow), ("consent_org", "on"), ("accept", "Accept")])
        .await;
    assert_done(&page, DEVICE_APP);
    // The done page again for a repeated post.
    let again = b.submit(&[("flow", &flow), ("action", "continue")]).await;
    assert_done(&again, DEVICE_APP);
    // After the organisation consented, the next admin sign-in skips the consent
    // page but not the confirmation.
    let d2 = app.code().await;
    let (_, page) = b
        .sign_in(
            d2.user_code().secret(),
            "cloudadmin@contoso.example",
            "Practice-Cloud-1",
        )
        .await;
    assert_done(&page, DEVICE_APP);
}

// ---- hosts --------------------------------------------------------------------

#[tokio::test]
async fn origins_name_each_emulated_host() {
    let id = start().await;
    let o = id.origins();
    let host = |h: &str| {
        o.iter()
            .find(|x| x.host == h)
            .unwrap_or_else(|| panic!("{h} in {o:?}"))
            .clone()
    };
    assert_eq!(host("login.microsoftonline.com").origin, id.base_url());
    assert_eq!(
        host("microsoft.com").origin,
        id.base_url(),
        "the page devices show"
    );
    let distinct: std::collections::HashSet<_> = [
        "login.microsoftonline.com",
        "login.microsoft.com",
        "www.microsoft.com",
        "login.live.com",
        "account.live.com",
        "fs.contoso.example",
    ]
    .iter()
    .map(|h| host(h).origin)
    .collect();
    assert_eq!(distinct.len(), 6, "one loopback origin per host: {o:?}");
    for x in &o {
        assert!(x.origin.starts_with("http://127.0.0.1:"), "{x:?}");
        assert_eq!(x.microsoft, x.host != "fs.contoso.example", "{x:?}");
    }
    assert_eq!(host("fs.contoso.example").role, HostRole::IdentityProvider);
    assert_eq!(
        id.link_uri(),
        format!("{}/link", host("www.microsoft.com").origin)
    );
}

/// A page as the browser got it: status, body and where a redirect leads.
async fn page_of(r: reqwest::RequestBuilder) -> (u16, String, Option<String>) {
    let r = r.send().await.unwrap();
    let status = r.status().as_u16();
    let loc = r
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string());
    (status, r.text().await.unwrap(), loc)
}

async fn get_page(c: &reqwest::Client, url: &str) -> (u16, String, Option<String>) {
    page_of(c.get(url)).await
}

async fn post_page(
    c: &reqwest::Client,
    url: &str,
    form: &[(&str, &str)],
) -> (u16, String, Option<String>) {
    page_of(c.post(url).form(form)).await
}

/// Continue or Cancel (`action`) on account.live.com's (`account`) app confirmation.
async fn confirm_app(
    c: &reqwest::Client,
    account: &str,
    flow: &str,
    action: &str,
) -> (u16, String, Option<String>) {
    let url = format!("{account}/App/Confirm");
    post_page(c, &url, &[("flow", flow), ("action", action)]).await
}

fn origin_of_url(u: &str) -> String {
    let rest = u.strip_prefix("http://").unwrap();
    format!("http://{}", rest.split('/').next().unwrap())
}

/// The value of a hidden field named `name`.
fn hidden(html: &str, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} in {html}"))
        + marker.len();
    html[start..].split('"').next().unwrap().to_string()
}

#[tokio::test]
async fn personal_account_signs_in_on_the_outlook_com_hosts() {
    let id = start().await;
    let live = id.origin(HostRole::LoginLive).unwrap();
    let account = id.origin(HostRole::AccountLive).unwrap();

    // A consumers code: the verification page is www.microsoft.com/link; it lives
    // 1800 s.
    let (status, d) = raw_post(
        &format!("{}/consumers/oauth2/v2.0/devicecode", id.base_url()),
        &[
            ("client_id", DEVICE_APP_CLIENT_ID),
            (
                "scope",
                "https://outlook.office.com/SMTP.Send offline_access openid",
            ),
        ],
    )
    .await;
    assert_eq!(status, 200, "{d}");
    assert_eq!(d["verification_uri"], id.link_uri());
    assert_eq!(d["expires_in"], 1800);
    assert!(d["message"].as_str().unwrap().contains(&id.link_uri()));
    let code = user_code(&d).to_string();
    let device_code = device_code(&d).to_string();

    let c = cookie_http();
    let (st, page, _) = get_page(&c, &id.link_uri()).await;
    assert_eq!(st, 200);
    assert!(
        page.contains(r#"id="otc""#) && page.contains(r#"action="/link""#),
        "{page}"
    );
    // /link -> login.live.com with the flow.
    let (st, _, loc) = post_page(&c, &id.link_uri(), &[("otc", &code)]).await;
    assert_eq!(st, 302);
    let loc = loc.unwrap();
    assert_eq!(origin_of_url(&loc), live);
    assert!(loc.contains("/oauth20_remoteconnect.srf?flow="), "{loc}");
    let (st, page, _) = get_page(&c, &loc).await;
    assert_eq!(st, 200);
    assert_has(
        &page,
        &[
            r#"name="loginfmt" id="i0116""#,
            r#"action="/ppsecure/post.srf""#,
        ],
    );
    let flow = flow_of(&page);
    let post = format!("{live}/ppsecure/post.srf");
    // A work account is not signed in here.
    let (_, page, _) = post_page(&c, &post, &[("flow", &flow), ("loginfmt", ADMIN)]).await;
    assert!(
        page.contains("work or school account") && page.contains(r#"id="i0116""#),
        "{page}"
    );
    let (_, page, _) = post_page(&c, &post, &[("flow", &flow), ("loginfmt", PERSONAL)]).await;
    assert!(page.contains(r#"name="passwd" id="i0118""#), "{page}");
    let (_, page, _) = post_page(&c, &post, &[("flow", &flow), ("passwd", "wrong")]).await;
    assert!(
        page.contains("Your account or password is incorrect."),
        "{page}"
    );
    let (_, page, _) = post_page(&c, &post, &[("flow", &flow), ("passwd", PERSONAL_PW)]).await;
    assert_kmsi_page(&page);
    let (st, _, loc) = post_page(&c, &post, &[("flow", &flow), ("kmsi", "yes")]).await;
    assert_eq!(st, 302);
    let loc = loc.unwrap();
    assert_eq!(loc, format!("{account}/App/Confirm?flow={flow}"));
    let (_, page, _) = get_page(&c, &loc).await;
    assert_confirm_page(&page, Some(DEVICE_APP));
    assert!(page.contains(r#"action="/App/Confirm""#));
    let (st, _, loc) = confirm_app(&c, &account, &flow, "continue").await;
    assert_eq!(st, 302);
    assert_eq!(
        loc.as_deref(),
        Some(format!("{account}/Consent/Update?flow={flow}").as_str())
    );
    let (_, page, _) = get_page(&c, &loc.unwrap()).await;
    assert!(
        page.contains("<title>Let this app access your info?</title>"),
        "{page}"
    );
    assert!(page.contains("Send email from mailboxes using SMTP AUTH"));
    assert!(
        !page.contains("consent_org"),
        "no organisation for a personal account"
    );
    assert_eq!(id.pending().len(), 1, "still pending before Accept");
    let (_, page, _) = post_page(
        &c,
        &format!("{account}/Consent/Update"),
        &[("flow", &flow), ("ucaccept", "yes")],
    )
    .await;
    assert_done(&page, DEVICE_APP);

    // The device's poll gets a token for the personal account, from the consumers
    // tenant, that the mail server accepts.
    let (status, tok) = raw_poll(&id, DEVICE_APP_CLIENT_ID, &device_code).await;
    assert_eq!(status, 200, "{tok}");
    let claims = id
        .tenant()
        .validate_access_token(tok["access_token"].as_str().unwrap())
        .unwrap();
    assert_eq!(claims.upn, PERSONAL);
    assert_eq!(claims.tid, CONSUMERS_TENANT_ID);
    // The tenant was not touched: no registration, no organisation consent.
    assert!(!id
        .tenant()
        .state()
        .registered_apps
        .contains(DEVICE_APP_CLIENT_ID));

    // A second device with the session kept: Next, the account, Continue.
    let (_, d2) = raw_code_at(&id, "consumers").await;
    let (_, _, loc) = post_page(&c, &id.link_uri(), &[("otc", user_code(&d2))]).await;
    let (_, page, _) = get_page(&c, &loc.unwrap()).await;
    assert!(
        page.contains("<title>Pick an account</title>") && page.contains(PERSONAL),
        "{page}"
    );
    let flow2 = flow_of(&page);
    let (st, _, loc) = post_page(&c, &post, &[("flow", &flow2), ("pick", PERSONAL)]).await;
    assert_eq!(st, 302);
    let (_, page, _) = get_page(&c, &loc.unwrap()).await;
    assert_confirm_page(&page, Some(DEVICE_APP));
    let (_, page, _) = confirm_app(&c, &account, &flow2, "continue").await;
    assert_done(&page, DEVICE_APP);
    let (status, _) = redeem(&id, &d2).await;
    assert_eq!(status, 200);

    // Cancel on account.live.com's confirmation declines.
    let (_, d3) = raw_code_at(&id, "consumers").await;
    let (_, _, loc) = post_page(&c, &id.link_uri(), &[("otc", user_code(&d3))]).await;
    let (_, page, _) = get_page(&c, &loc.unwrap()).await;
    let flow3 = flow_of(&page);
    let (_, _, loc) = post_page(&c, &post, &[("flow", &flow3), ("pick", PERSONAL)]).await;
    get_page(&c, &loc.unwrap()).await;
    let (_, page, _) = confirm_app(&c, &account, &flow3, "cancel").await;
    assert!(page.contains(r#"id="declined""#), "{page}");
    let (_, body) = redeem(&id, &d3).await;
    assert_entra_error(&body, "authorization_declined", 65004);

    // A work-account code is not taken at /link.
    let work = raw_device_code(&id, SMTP_SEND_SCOPE).await;
    assert_eq!(work["verification_uri"], id.verification_uri());
    assert_eq!(work["expires_in"], 900);
    let (st, page, _) = post_page(&c, &id.link_uri(), &[("otc", user_code(&work))]).await;
    assert_eq!(st, 200);
    assert!(
        page.contains("work or school account") && page.contains(r#"id="otc""#),
        "{page}"
    );
}

#[tokio::test]
async fn a_common_code_takes_a_personal_account_to_login_live_com() {
    // Devices set to Outlook.com ask at /common: the work-account code page, then
    // login.live.com once the account is known to be a personal one.
    let id = start().await;
    let (_, d) = raw_code_at(&id, "common").await;
    assert_eq!(d["verification_uri"], id.verification_uri());
    let c = cookie_http();
    let url = id.verification_uri();
    let (_, page, _) = post_page(&c, &url, &[("otc", user_code(&d))]).await;
    let flow = flow_of(&page);
    let (st, _, loc) = post_page(&c, &url, &[("flow", &flow), ("loginfmt", PERSONAL)]).await;
    assert_eq!(st, 302);
    let loc = loc.unwrap();
    assert_eq!(origin_of_url(&loc), id.origin(HostRole::LoginLive).unwrap());
    let (_, page, _) = get_page(&c, &loc).await;
    assert!(
        page.contains(r#"id="i0118""#) && page.contains(PERSONAL),
        "password at login.live.com: {page}"
    );
    let post = format!(
        "{}/ppsecure/post.srf",
        id.origin(HostRole::LoginLive).unwrap()
    );
    let (_, page, _) = post_page(&c, &post, &[("flow", &flow), ("passwd", PERSONAL_PW)]).await;
    assert_kmsi_page(&page);
    let (_, _, loc) = post_page(&c, &post, &[("flow", &flow), ("kmsi", "no")]).await;
    let (_, page, _) = get_page(&c, &loc.unwrap()).await;
    assert_confirm_page(&page, Some(DEVICE_APP));

    // approve() signs a personal account in too.
    let (_, d2) = raw_code_at(&id, "common").await;
    id.approve(user_code(&d2), PERSONAL, PERSONAL_PW, false)
        .unwrap();
    let (status, _) = redeem(&id, &d2).await;
    assert_eq!(status, 200);
    // A personal account on an organisations code: AADSTS50020.
    let d3 = raw_device_code(&id, SMTP_SEND_SCOPE).await;
    assert_eq!(
        id.approve(user_code(&d3), PERSONAL, PERSONAL_PW, false)
            .map_err(|e| e.aadsts()),
        Err(Some(50020))
    );
}

#[tokio::test]
async fn a_federated_domain_signs_in_at_its_own_identity_provider() {
    let (id, app) = start_device().await;
    let d = app.code().await;
    let idp = id.idp_origin("fs.contoso.example").unwrap();
    let c = cookie_http();
    let url = id.verification_uri();
    let (_, page, _) = post_page(&c, &url, &[("otc", d.user_code().secret())]).await;
    let flow = flow_of(&page);
    // The account page sends a federated domain's account away from Microsoft.
    let (st, _, loc) = post_page(&c, &url, &[("flow", &flow), ("loginfmt", FEDERATED)]).await;
    assert_eq!(st, 302);
    let loc = loc.unwrap();
    assert_eq!(origin_of_url(&loc), idp);
    assert_has(&loc, &["/adfs/ls/?wa=wsignin1.0", &format!("wctx={flow}")]);
    // Its own page: not Microsoft's look or ids.
    let (st, page, _) = get_page(&c, &loc).await;
    assert_eq!(st, 200);
    assert!(page.contains("Contoso single sign-on (practice)"), "{page}");
    assert!(
        page.contains(r#"id="userNameInput" value="it@sso.contoso.example""#),
        "{page}"
    );
    assert!(!page.contains("idSIButton9") && !page.contains(">Microsoft<"));
    let wctx = hidden(&page, "wctx");
    assert_eq!(wctx, flow);
    let idp_post = format!("{idp}/adfs/ls/");
    let (_, page, _) = post_page(
        &c,
        &idp_post,
        &[
            ("wctx", &wctx),
            ("UserName", FEDERATED),
            ("Password", "wrong"),
        ],
    )
    .await;
    assert!(page.contains("Incorrect user ID or password"), "{page}");
    // A managed account is not this provider's.
    let (_, page, _) = post_page(
        &c,
        &idp_post,
        &[("wctx", &wctx), ("UserName", ADMIN), ("Password", ADMIN_PW)],
    )
    .await;
    assert!(page.contains("Incorrect user ID or password"), "{page}");
    let (_, page, _) = post_page(
        &c,
        &idp_post,
        &[
            ("wctx", &wctx),
            ("UserName", FEDERATED),
            ("Password", FEDERATED_PW),
        ],
    )
    .await;
    // Its answer goes back to login.microsoftonline.com/login.srf.
    assert!(
        page.contains(&format!(r#"action="{}/login.srf""#, id.base_url())),
        "{page}"
    );
    let wresult = hidden(&page, "wresult");
    assert_eq!(hidden(&page, "wctx"), flow);
    let login_srf = format!("{}/login.srf", id.base_url());
    let answer = [
        ("wa", "wsignin1.0"),
        ("wresult", wresult.as_str()),
        ("wctx", flow.as_str()),
    ];
    let (_, page, _) = post_page(&c, &login_srf, &answer).await;
    assert_kmsi_page(&page);
    // The answer is good once.
    let (_, replay, _) = post_page(&c, &login_srf, &answer).await;
    assert!(
        replay.contains("Your sign-in session has ended"),
        "{replay}"
    );
    assert_eq!(id.pending().len(), 1);
    let page = Browser {
        http: c.clone(),
        url: url.clone(),
    }
    .submit(&[("flow", &flow), ("kmsi", "no")])
    .await;
    assert_confirm_page(&page, Some(DEVICE_APP));
    let (_, page, _) = post_page(&c, &url, &[("flow", &flow), ("action", "continue")]).await;
    assert!(
        page.contains("Consent on behalf of your organization"),
        "{page}"
    );
    let (_, page, _) = post_page(
        &c,
        &url,
        &[("flow", &flow), ("consent_org", "on"), ("accept", "Accept")],
    )
    .await;
    assert_done(&page, DEVICE_APP);
    let token = app.poll(&d).await.0.token();
    let claims = id
        .tenant()
        .validate_access_token(token.access_token().secret())
        .unwrap();
    assert_eq!(claims.upn, FEDERATED);
    assert_eq!(claims.tid, id.tenant().config().id);
}
