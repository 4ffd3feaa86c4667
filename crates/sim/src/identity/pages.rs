//! The device sign-in pages, as a browser sees them on each host.
//!
//! Work accounts (main origin = login.microsoftonline.com, also microsoft.com's
//! `/devicelogin` and login.microsoft.com's `/device`), every form posting to
//! `/devicelogin` with a hidden `flow`:
//! 1. "Enter code to allow access": `otc`, Next (`idSIButton9`, the primary button of
//!    every later page too);
//! 2. "Pick an account" (a browser with a session) or the account page (`loginfmt`,
//!    id `i0116`). A federated domain's account leaves for its identity provider
//!    here (HTTP 302), a personal account for login.live.com;
//! 3. the password (`passwd`, id `i0118`), "Sign in";
//! 4. "Stay signed in?" (`#KmsiDescription`): Yes keeps the ESTSAUTH session, No
//!    (`idBtn_Back`) does not;
//! 5. "Are you trying to sign in to <app>?": Continue / Cancel, for every code;
//! 6. "Permissions requested" (with "Consent on behalf of your organization" where
//!    the account may), Accept;
//! 7. the done page, `#message`.
//!
//! Personal accounts: the code at www.microsoft.com `/link`, the account, password
//! and "Stay signed in?" at login.live.com (`/oauth20_remoteconnect.srf`, posting to
//! `/ppsecure/post.srf`), then account.live.com `/App/Confirm` and
//! `/Consent/Update`.
//!
//! A federated domain's identity provider (`/adfs/ls/`): its own page asks the
//! password and posts the answer back to login.microsoftonline.com `/login.srf`.
//!
//! Plain HTML with stable ids; the only script is the identity provider's one-line
//! auto-submit, with a button for browsers without script.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};

use super::scopes::Scopes;
use super::store::{Flow, Stage};
use super::*;
use crate::html::{esc, field, parse_form};
use crate::tenant::{AppConfig, UserConfig};

/// The work-account browser session cookie (Entra's ESTSAUTH).
pub(super) const SESSION_COOKIE: &str = "ESTSAUTH";
/// The personal-account browser session cookie (login.live.com's).
pub(super) const LIVE_SESSION_COOKIE: &str = "MSPAuth";

/// The identity provider a listener stands for (its host name).
#[derive(Clone)]
pub(super) struct IdpHost(pub(super) String);

pub(super) fn work_routes() -> Router<Identity> {
    Router::new()
        .route("/devicelogin", get(work_code_get).post(work_post))
        .route("/device", get(scripted_code_get))
        .route("/login.srf", axum::routing::post(federated_return))
}

pub(super) fn link_routes() -> Router<Identity> {
    Router::new().route("/link", get(link_get).post(link_post))
}

pub(super) fn live_login_routes() -> Router<Identity> {
    Router::new()
        .route("/oauth20_remoteconnect.srf", get(live_get))
        .route("/ppsecure/post.srf", axum::routing::post(live_post))
}

pub(super) fn account_live_routes() -> Router<Identity> {
    Router::new()
        .route("/App/Confirm", get(app_confirm_get).post(app_confirm_post))
        .route(
            "/Consent/Update",
            get(live_consent_get).post(live_consent_post),
        )
}

pub(super) fn idp_routes(host: &str) -> Router<Identity> {
    Router::new()
        .route("/adfs/ls/", get(idp_get).post(idp_post))
        .layer(Extension(IdpHost(host.to_string())))
}

// ---- markup ----------------------------------------------------------------------

/// Microsoft's look; `title` is the page's heading and title.
pub(super) fn page(title: &str, body: &str) -> Response {
    html_page(title, "Microsoft", body, MICROSOFT_STYLE)
}

const MICROSOFT_STYLE: &str = r#"body{font-family:"Segoe UI",Arial,sans-serif;background:#f2f2f2;margin:0}
main{max-width:440px;margin:40px auto;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
.brand{color:#666;font-size:14px} .practice{color:#8a6d00;font-size:12px}
input[type=text],input[type=email],input[type=password]{width:100%;padding:6px 0;border:0;border-bottom:1px solid #666;font-size:15px}
.buttons{margin-top:24px;text-align:right} input[type=submit],button{padding:6px 24px;font-size:15px}
#idSIButton9{background:#0067b8;color:#fff;border:0}
.tile{display:block;width:100%;text-align:left;background:#fff;border:0;border-bottom:1px solid #ddd;padding:12px 0}
.error{color:#e81123} .small{font-size:13px;color:#444}"#;

const IDP_STYLE: &str = r#"body{font-family:Verdana,Arial,sans-serif;background:#23395d;margin:0;color:#222}
main{max-width:380px;margin:60px auto;background:#fdfdfd;padding:32px;border-radius:4px}
.brand{font-weight:bold;color:#23395d} .practice{color:#8a6d00;font-size:12px}
input[type=text],input[type=password]{width:100%;padding:6px;margin:4px 0 12px;border:1px solid #888}
#submitButton{background:#23395d;color:#fff;border:0;padding:8px 20px}
.error{color:#b00020}"#;

fn html_page(title: &str, brand: &str, body: &str, style: &str) -> Response {
    let html = format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{t}</title>
<style>
{style}
</style>
</head>
<body>
<main>
<div class="brand">{brand}</div>
<div class="practice">Practice sign-in (emulated, no real account is used)</div>
<h1 id="title">{t}</h1>
{body}
</main>
</body>
</html>
"#,
        t = esc(title),
        brand = esc(brand),
    );
    let mut r = (StatusCode::OK, html).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn error_line(error: Option<&str>) -> String {
    error
        .map(|e| format!(r#"<p id="error" class="error" role="alert">{}</p>"#, esc(e)))
        .unwrap_or_default()
}

fn hidden_flow(flow: &str) -> String {
    format!(r#"<input type="hidden" name="flow" value="{}">"#, esc(flow))
}

/// A redirect as Microsoft's pages send one (302, the browser follows with a GET).
fn redirect(to: &str) -> Response {
    let mut r = StatusCode::FOUND.into_response();
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn with_cookie(mut resp: Response, name: &str, sid: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(&format!("{name}={sid}; Path=/; HttpOnly; SameSite=Lax")) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}

/// "Enter code to allow access", posting to `action` (`/devicelogin` or `/link`).
fn code_page(action: &str, error: Option<&str>) -> Response {
    page(
        "Enter code to allow access",
        &format!(
            r#"<p>Enter the code displayed on your app or device.</p>
{err}<form method="post" action="{action}">
<label for="otc">Code</label>
<input type="text" name="otc" id="otc" autocomplete="off" maxlength="32" placeholder="Code" aria-label="Code">
<div class="buttons"><input type="submit" id="idSIButton9" value="Next"></div>
</form>"#,
            action = esc(action),
            err = error_line(error)
        ),
    )
}

fn pick_account_page(action: &str, flow: &str, app: &AppConfig, user: &UserConfig) -> Response {
    let name = if user.display_name.is_empty() {
        &user.upn
    } else {
        &user.display_name
    };
    page(
        "Pick an account",
        &format!(
            r#"<p>to continue to <b id="app-name">{app}</b></p>
<form method="post" action="{action}">
{flow}
<div id="tilesHolder">
<button type="submit" name="pick" value="{upn}" id="pick-account" class="tile" data-test-id="{upn}"><span class="name">{name}</span><br><small>{upn}</small><br><small>Signed in</small></button>
<button type="submit" name="other" value="1" id="otherTile" class="tile">Use another account</button>
</div>
</form>"#,
            action = esc(action),
            app = esc(&app.name),
            upn = esc(&user.upn),
            name = esc(name),
            flow = hidden_flow(flow)
        ),
    )
}

fn account_page(action: &str, flow: &str, app: &AppConfig, error: Option<&str>) -> Response {
    page(
        "Sign in",
        &format!(
            r#"<p>to continue to <b id="app-name">{app}</b></p>
{err}<form method="post" action="{action}">
{flow}
<label for="i0116">Email, phone, or Skype</label>
<input type="email" name="loginfmt" id="i0116" autocomplete="username" aria-label="Email, phone, or Skype">
<div class="buttons"><input type="submit" id="idSIButton9" value="Next"></div>
</form>"#,
            action = esc(action),
            app = esc(&app.name),
            err = error_line(error),
            flow = hidden_flow(flow)
        ),
    )
}

fn password_page(action: &str, flow: &str, upn: &str, error: Option<&str>) -> Response {
    page(
        "Enter password",
        &format!(
            r#"<p id="displayName">{upn}</p>
{err}<form method="post" action="{action}">
{flow}
<label for="i0118">Password</label>
<input type="password" name="passwd" id="i0118" autocomplete="current-password" aria-label="Password">
<div class="buttons"><input type="submit" id="idSIButton9" value="Sign in"></div>
</form>"#,
            action = esc(action),
            upn = esc(upn),
            err = error_line(error),
            flow = hidden_flow(flow)
        ),
    )
}

fn kmsi_page(action: &str, flow: &str, upn: &str) -> Response {
    page(
        "Stay signed in?",
        &format!(
            r#"<p id="displayName">{upn}</p>
<p id="KmsiDescription">Stay signed in so that you are asked to sign in less often on this browser.</p>
<form method="post" action="{action}">
{flow}
<div class="buttons"><button type="submit" id="idBtn_Back" name="kmsi" value="no">No</button> <button type="submit" id="idSIButton9" name="kmsi" value="yes">Yes</button></div>
</form>"#,
            action = esc(action),
            upn = esc(upn),
            flow = hidden_flow(flow)
        ),
    )
}

/// "Are you trying to sign in to <app>?", shown for every code.
fn confirm_page(action: &str, flow: &str, app: &AppConfig, upn: &str) -> Response {
    page(
        &format!("Are you trying to sign in to {}?", app.name),
        &format!(
            r#"<p id="displayName">{upn}</p>
<p id="appConfirmText">Only continue if you downloaded the app from a store or website that you trust.</p>
<form method="post" action="{action}">
{flow}
<div class="buttons"><button type="submit" id="idBtn_Back" name="action" value="cancel">Cancel</button> <button type="submit" id="idSIButton9" name="action" value="continue">Continue</button></div>
</form>"#,
            action = esc(action),
            upn = esc(upn),
            flow = hidden_flow(flow)
        ),
    )
}

fn consent_page(flow: &str, app: &AppConfig, scopes: &Scopes, user: &UserConfig) -> Response {
    let perms: String = scopes
        .descriptions()
        .iter()
        .map(|d| format!("<li>{}</li>\n", esc(d)))
        .collect();
    let org = if user.role.can_grant_admin_consent() {
        r#"<p><input type="checkbox" name="consent_org" id="consent_org"> <label for="consent_org">Consent on behalf of your organization</label></p>
<p class="small">If you tick this, nobody else in your organisation will be asked to consent to these permissions.</p>
"#
    } else {
        ""
    };
    let publisher = if app.publisher.is_empty() {
        "unverified".to_string()
    } else {
        app.publisher.clone()
    };
    page(
        "Permissions requested",
        &format!(
            r#"<p id="consent-app"><b id="app-name">{app}</b><br><span id="app-publisher">{publisher}</span></p>
<p>This app would like to:</p>
<ul id="permissions">
{perms}</ul>
<form method="post" action="/devicelogin">
{flow}
{org}<p>Accepting lets this app use your data as its terms of service and privacy statement describe. You can change these permissions later.</p>
<div class="buttons"><input type="submit" id="idBtn_Back" name="cancel" value="Cancel"> <input type="submit" id="idSIButton9" name="accept" value="Accept"></div>
</form>"#,
            app = esc(&app.name),
            publisher = esc(&publisher),
            flow = hidden_flow(flow),
        ),
    )
}

/// account.live.com's consent page for a personal account.
fn live_consent_page(flow: &str, app: &AppConfig, scopes: &Scopes, upn: &str) -> Response {
    let perms: String = scopes
        .descriptions()
        .iter()
        .map(|d| format!("<li>{}</li>\n", esc(d)))
        .collect();
    page(
        "Let this app access your info?",
        &format!(
            r#"<p id="displayName">{upn}</p>
<p id="consent-app"><b id="app-name">{app}</b> needs your permission to:</p>
<ul id="permissions">
{perms}</ul>
<form method="post" action="/Consent/Update">
{flow}
<p>Accepting these permissions means that you allow this app to use your data as specified in its terms of service and privacy statement. You can change these permissions at https://microsoft.com/consent.</p>
<div class="buttons"><button type="submit" id="idBtn_Back" name="ucaccept" value="no">No</button> <button type="submit" id="idSIButton9" name="ucaccept" value="yes">Accept</button></div>
</form>"#,
            upn = esc(upn),
            app = esc(&app.name),
            flow = hidden_flow(flow),
        ),
    )
}

fn signed_in_page(app: &str) -> Response {
    page(
        app,
        &format!(
            r#"<p id="message">You have signed in to the {} application on your device. You may now close this window.</p>"#,
            esc(app)
        ),
    )
}

fn declined_page(app: &str) -> Response {
    page(
        "Sign-in cancelled",
        &format!(
            r#"<p id="declined">You cancelled the sign-in to <b>{}</b>. The device will not be signed in. You can close this window now.</p>"#,
            esc(app)
        ),
    )
}

/// The page for a sign-in error after the code page (`code_action`: where the code
/// page of this host posts).
fn sign_in_error_page(code_action: &str, e: &SignInError, app: Option<&AppConfig>) -> Response {
    let app_name = app.map(|a| a.name.as_str()).unwrap_or("the application");
    match e {
        SignInError::InvalidCode => code_page(
            code_action,
            Some("That code didn't work. Check the code and try again. (AADSTS90119)"),
        ),
        SignInError::CodeUsed => code_page(
            code_action,
            Some("This code has already been used or the sign-in was declined. Go back to your device, get a new code and enter it here. (AADSTS90120)"),
        ),
        SignInError::SessionExpired => code_page(
            code_action,
            Some("Your sign-in session has ended. Enter the code again."),
        ),
        SignInError::CodeExpired => page(
            "Code expired",
            &format!(
                r#"<p id="code-expired">That code has expired. Go back to your device and start the sign-in again to get a new code. (AADSTS70020)</p>
<p><a href="{}">Enter another code</a></p>"#,
                esc(code_action)
            ),
        ),
        SignInError::ConditionalAccess => page(
            "You cannot access this right now",
            r#"<p id="blocked">Your sign-in was successful, but it was blocked by Conditional Access: a policy of your organisation does not allow signing in to a device with a code. An administrator must exclude your account or this application from the policy.</p>
<p class="error">AADSTS53003: Access has been blocked by Conditional Access policies.</p>"#,
        ),
        SignInError::AdminApprovalRequired => page(
            "Need admin approval",
            &format!(
                r#"<p id="need-admin-approval"><b>{}</b> needs permission to access resources in your organization that only an admin can grant. Ask an administrator (for example a Global Administrator or Cloud Application Administrator) to sign in to the device instead, or to grant permission to this app first.</p>
<p class="error">AADSTS90094: Admin consent is required.</p>"#,
                esc(app_name)
            ),
        ),
        // These keep the user on their page; callers render them in place.
        SignInError::UnknownUser(_)
        | SignInError::BadPassword
        | SignInError::PersonalAccountNotAllowed(_)
        | SignInError::WorkAccountNotAllowed(_) => code_page(code_action, Some(&e.to_string())),
    }
}

// ---- flows -------------------------------------------------------------------------

/// A flow as a handler sees it.
struct FlowView {
    id: String,
    code: String,
    upn: Option<String>,
    stage: Stage,
    app: AppConfig,
    scopes: Scopes,
}

impl Identity {
    fn new_flow(&self, code: &str) -> String {
        let flow_id = uuid::Uuid::new_v4().simple().to_string();
        self.store().flows.insert(
            flow_id.clone(),
            Flow {
                user_code: code.to_string(),
                upn: None,
                stage: Stage::Account,
            },
        );
        flow_id
    }

    /// The flow named `flow_id`, if known and its code can still be signed in with.
    /// Errors are ready pages.
    fn load_flow(&self, flow_id: &str, code_action: &str) -> Result<FlowView, Box<Response>> {
        let expired = || sign_in_error_page(code_action, &SignInError::SessionExpired, None);
        let Some((code, upn, stage)) = self
            .store()
            .flows
            .get(flow_id)
            .map(|f| (f.user_code.clone(), f.upn.clone(), f.stage))
        else {
            return Err(Box::new(expired()));
        };
        let Some((app, scopes)) = self.app_for_code(&code) else {
            return Err(Box::new(expired()));
        };
        if stage == Stage::Done {
            return Err(Box::new(signed_in_page(&app.name)));
        }
        if let Err(e) = self.step_code(&code) {
            self.end_flow(flow_id);
            return Err(Box::new(sign_in_error_page(code_action, &e, Some(&app))));
        }
        Ok(FlowView {
            id: flow_id.to_string(),
            code,
            upn,
            stage,
            app,
            scopes,
        })
    }

    fn set_flow(&self, flow_id: &str, upn: Option<&str>, stage: Stage) {
        if let Some(f) = self.store().flows.get_mut(flow_id) {
            f.upn = upn.map(str::to_string);
            f.stage = stage;
        }
    }

    fn end_flow(&self, flow_id: &str) {
        self.store().flows.remove(flow_id);
    }

    fn flow_user(&self, f: &FlowView) -> Option<UserConfig> {
        f.upn.as_deref().and_then(|u| self.inner.tenant.user(u))
    }

    /// The personal-account flow `flow_id` at `stage`, with its user; else the page
    /// that says the sign-in session ended.
    fn personal_flow(
        &self,
        flow_id: &str,
        stage: Stage,
    ) -> Result<(FlowView, UserConfig), Box<Response>> {
        let link = self.link_uri();
        let f = self.load_flow(flow_id, &link)?;
        match self
            .flow_user(&f)
            .filter(|u| u.is_personal() && f.stage == stage)
        {
            Some(u) => Ok((f, u)),
            None => Err(Box::new(sign_in_error_page(
                &link,
                &SignInError::SessionExpired,
                Some(&f.app),
            ))),
        }
    }

    /// "Continue" on the app confirmation page, for either kind of account.
    fn continue_page(&self, f: &FlowView, user: &UserConfig, code_action: &str) -> Response {
        match self.step_continue(&f.code, user) {
            Ok(Authorised::SignedIn) => {
                self.set_flow(&f.id, Some(&user.upn), Stage::Done);
                signed_in_page(&f.app.name)
            }
            Ok(Authorised::NeedsConsent) => {
                self.set_flow(&f.id, Some(&user.upn), Stage::Consent);
                if user.is_personal() {
                    redirect(&format!(
                        "{}/Consent/Update?flow={}",
                        self.origin(HostRole::AccountLive).unwrap_or_default(),
                        f.id
                    ))
                } else {
                    consent_page(&f.id, &f.app, &f.scopes, user)
                }
            }
            Err(e) => {
                self.end_flow(&f.id);
                sign_in_error_page(code_action, &e, Some(&f.app))
            }
        }
    }

    fn cancel_page(&self, f: &FlowView, code_action: &str) -> Response {
        self.end_flow(&f.id);
        match self.settle(&f.code, CodeState::Declined) {
            Ok(()) => declined_page(&f.app.name),
            Err(e) => sign_in_error_page(code_action, &e, Some(&f.app)),
        }
    }

    fn live_login_url(&self, flow_id: &str) -> String {
        format!(
            "{}/oauth20_remoteconnect.srf?flow={flow_id}",
            self.origin(HostRole::LoginLive).unwrap_or_default()
        )
    }

    fn app_confirm_url(&self, flow_id: &str) -> String {
        format!(
            "{}/App/Confirm?flow={flow_id}",
            self.origin(HostRole::AccountLive).unwrap_or_default()
        )
    }
}

fn query_flow(query: Option<String>) -> String {
    let q = parse_form(query.unwrap_or_default().as_bytes());
    field(&q, "flow").unwrap_or("").to_string()
}

// ---- work accounts: login.microsoftonline.com, microsoft.com, login.microsoft.com ----

const WORK: &str = "/devicelogin";

/// login.microsoft.com's `/device` as a page built by script: the form appears only
/// after the page's script runs; the code field has neither id nor name "otc" (only
/// an aria-label and a placeholder say what it is); the page keeps the code in its
/// own state, updated by `input` events, and posts that state as `otc` on Next.
/// Like a framework's value tracking, the state ignores an `input` event after the
/// value was assigned through the element's `value` property: only typing, or the
/// input's native value setter, registers a code. A helper that merely assigns
/// `.value` leaves the page without a code.
async fn scripted_code_get() -> Response {
    page(
        "Enter code to allow access",
        &format!(
            r#"<div id="root"><p class="small">Loading…</p></div>
<script>
(function () {{
  function build() {{
    var root = document.getElementById("root");
    root.textContent = "";
    var form = document.createElement("form");
    form.method = "post";
    form.action = "{WORK}";
    form.id = "codeForm";
    var p = document.createElement("p");
    p.textContent = "Enter the code displayed on your app or device.";
    var input = document.createElement("input");
    input.type = "text";
    input.className = "code-input";
    input.autocomplete = "off";
    input.maxLength = 32;
    input.placeholder = "Code";
    input.setAttribute("aria-label", "Code");
    var otc = document.createElement("input");
    otc.type = "hidden";
    otc.name = "otc";
    var native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value");
    var tracked = "";
    var state = {{ code: "" }};
    Object.defineProperty(input, "value", {{
      configurable: true,
      get: function () {{ return native.get.call(this); }},
      set: function (v) {{ tracked = String(v); native.set.call(this, v); }}
    }});
    input.addEventListener("input", function () {{
      var v = native.get.call(input);
      if (v === tracked) return;
      tracked = v;
      state.code = v.trim();
      form.setAttribute("data-code", state.code);
    }});
    form.addEventListener("submit", function () {{ otc.value = state.code; }});
    var buttons = document.createElement("div");
    buttons.className = "buttons";
    var next = document.createElement("input");
    next.type = "submit";
    next.id = "idSIButton9";
    next.value = "Next";
    buttons.appendChild(next);
    form.appendChild(p);
    form.appendChild(input);
    form.appendChild(otc);
    form.appendChild(buttons);
    root.appendChild(form);
  }}
  setTimeout(build, 300);
}})();
</script>"#
        ),
    )
}

async fn work_code_get() -> Response {
    // A code in the URL (?otc=) is not supported, as on Entra.
    code_page(WORK, None)
}

async fn work_post(State(id): State<Identity>, headers: HeaderMap, body: Bytes) -> Response {
    let form = parse_form(&body);
    let Some(flow_id) = field(&form, "flow").map(str::to_string) else {
        return work_code_post(&id, &headers, &form);
    };
    let f = match id.load_flow(&flow_id, WORK) {
        Ok(f) => f,
        Err(page) => return *page,
    };
    let user = id.flow_user(&f);
    match f.stage {
        Stage::Account | Stage::Federated => {
            if field(&form, "other").is_some() {
                return account_page(WORK, &f.id, &f.app, None);
            }
            if let Some(picked) = field(&form, "pick") {
                let Some(user) = id
                    .session_user(&headers, false)
                    .filter(|u| u.upn.eq_ignore_ascii_case(picked))
                    .filter(|u| id.step_account(&f.code, &u.upn).is_ok())
                else {
                    // No (or another) session: sign in with a password.
                    return account_page(WORK, &f.id, &f.app, None);
                };
                id.set_flow(&f.id, Some(&user.upn), Stage::Confirm);
                return confirm_page(WORK, &f.id, &f.app, &user.upn);
            }
            if let Some(login) = field(&form, "loginfmt") {
                return work_account_step(&id, &f, login);
            }
            account_page(WORK, &f.id, &f.app, None)
        }
        Stage::Password => {
            let Some(user) = user.filter(|u| !u.is_personal()) else {
                id.end_flow(&f.id);
                return sign_in_error_page(WORK, &SignInError::SessionExpired, Some(&f.app));
            };
            if let Some(login) = field(&form, "loginfmt") {
                return work_account_step(&id, &f, login);
            }
            let Some(passwd) = field(&form, "passwd") else {
                return password_page(WORK, &f.id, &user.upn, None);
            };
            if passwd.is_empty() {
                return password_page(WORK, &f.id, &user.upn, Some("Please enter your password."));
            }
            match id.check_password(&f.code, &user, passwd) {
                Ok(()) => {
                    id.set_flow(&f.id, Some(&user.upn), Stage::Kmsi);
                    kmsi_page(WORK, &f.id, &user.upn)
                }
                Err(SignInError::BadPassword) => password_page(
                    WORK,
                    &f.id,
                    &user.upn,
                    Some("Your account or password is incorrect. (AADSTS50126)"),
                ),
                Err(e) => {
                    id.end_flow(&f.id);
                    sign_in_error_page(WORK, &e, Some(&f.app))
                }
            }
        }
        Stage::Kmsi => {
            let Some(user) = user.filter(|u| !u.is_personal()) else {
                id.end_flow(&f.id);
                return sign_in_error_page(WORK, &SignInError::SessionExpired, Some(&f.app));
            };
            let Some(answer) = field(&form, "kmsi") else {
                return kmsi_page(WORK, &f.id, &user.upn);
            };
            id.set_flow(&f.id, Some(&user.upn), Stage::Confirm);
            let page = confirm_page(WORK, &f.id, &f.app, &user.upn);
            if answer == "yes" {
                with_cookie(page, SESSION_COOKIE, &id.new_session(&user.upn, false))
            } else {
                page
            }
        }
        Stage::Confirm => {
            let Some(user) = user.filter(|u| !u.is_personal()) else {
                id.end_flow(&f.id);
                return sign_in_error_page(WORK, &SignInError::SessionExpired, Some(&f.app));
            };
            match field(&form, "action") {
                Some("continue") => id.continue_page(&f, &user, WORK),
                Some("cancel") => id.cancel_page(&f, WORK),
                _ => confirm_page(WORK, &f.id, &f.app, &user.upn),
            }
        }
        Stage::Consent => {
            let Some(user) = user.filter(|u| !u.is_personal()) else {
                id.end_flow(&f.id);
                return sign_in_error_page(WORK, &SignInError::SessionExpired, Some(&f.app));
            };
            if field(&form, "cancel").is_some() {
                return id.cancel_page(&f, WORK);
            }
            if field(&form, "accept").is_none() {
                return consent_page(&f.id, &f.app, &f.scopes, &user);
            }
            let for_org = field(&form, "consent_org").is_some_and(|v| v != "off" && v != "false");
            match id.step_consent(&f.code, &user, for_org) {
                Ok(()) => {
                    id.set_flow(&f.id, Some(&user.upn), Stage::Done);
                    signed_in_page(&f.app.name)
                }
                Err(e) => {
                    id.end_flow(&f.id);
                    sign_in_error_page(WORK, &e, Some(&f.app))
                }
            }
        }
        Stage::Done => signed_in_page(&f.app.name),
    }
}

/// The code page's Next: the picker when the browser has a session, else the
/// account page.
fn work_code_post(id: &Identity, headers: &HeaderMap, form: &[(String, String)]) -> Response {
    let typed = field(form, "otc").unwrap_or("");
    if typed.trim().is_empty() {
        return code_page(WORK, Some("Enter the code displayed on your device."));
    }
    let code = match id.step_code(typed) {
        Ok(c) => c,
        Err(e) => return sign_in_error_page(WORK, &e, None),
    };
    let Some((app, _)) = id.app_for_code(&code) else {
        return sign_in_error_page(WORK, &SignInError::InvalidCode, None);
    };
    let flow_id = id.new_flow(&code);
    let allows_work = id
        .audience_of(&code)
        .map(Audience::allows_work)
        .unwrap_or(true);
    match id.session_user(headers, false).filter(|_| allows_work) {
        Some(u) => pick_account_page(WORK, &flow_id, &app, &u),
        None => account_page(WORK, &flow_id, &app, None),
    }
}

/// The account page's Next: the password page, or away to the federated domain's
/// identity provider, or to login.live.com for a personal account.
fn work_account_step(id: &Identity, f: &FlowView, login: &str) -> Response {
    if login.trim().is_empty() {
        return account_page(
            WORK,
            &f.id,
            &f.app,
            Some("Enter a valid email address, phone number, or Skype name."),
        );
    }
    match id.step_account(&f.code, login) {
        Ok(user) if user.is_personal() => {
            // Microsoft accounts sign in at login.live.com; the account is known.
            id.set_flow(&f.id, Some(&user.upn), Stage::Password);
            redirect(&id.live_login_url(&f.id))
        }
        Ok(user) => match id.inner.tenant.federation_for(&user.upn) {
            Some(fed) => {
                let Some(idp) = id.idp_origin(&fed.idp_host) else {
                    return sign_in_error_page(WORK, &SignInError::SessionExpired, Some(&f.app));
                };
                id.set_flow(&f.id, Some(&user.upn), Stage::Federated);
                let q: String = form_urlencoded::Serializer::new(String::new())
                    .append_pair("wa", "wsignin1.0")
                    .append_pair("wtrealm", "urn:federation:MicrosoftOnline")
                    .append_pair("wctx", &f.id)
                    .append_pair("username", &user.upn)
                    .finish();
                redirect(&format!("{idp}/adfs/ls/?{q}"))
            }
            None => {
                id.set_flow(&f.id, Some(&user.upn), Stage::Password);
                password_page(WORK, &f.id, &user.upn, None)
            }
        },
        Err(SignInError::UnknownUser(_)) => account_page(
            WORK,
            &f.id,
            &f.app,
            Some("This username may be incorrect. We couldn't find an account with that username in this organisation. (AADSTS50034)"),
        ),
        Err(SignInError::PersonalAccountNotAllowed(_)) => account_page(
            WORK,
            &f.id,
            &f.app,
            Some("You can't sign in here with a personal account. Use your work or school account instead. (AADSTS50020)"),
        ),
        Err(SignInError::WorkAccountNotAllowed(_)) => account_page(
            WORK,
            &f.id,
            &f.app,
            Some("This device asks for a personal Microsoft account (Outlook.com). Use a personal account instead of a work or school account."),
        ),
        Err(e) => {
            id.end_flow(&f.id);
            sign_in_error_page(WORK, &e, Some(&f.app))
        }
    }
}

/// The identity provider's answer comes back (login.srf): the account is
/// authenticated; "Stay signed in?" follows.
async fn federated_return(State(id): State<Identity>, body: Bytes) -> Response {
    let form = parse_form(&body);
    let wctx = field(&form, "wctx").unwrap_or("");
    let ticket = field(&form, "wresult").unwrap_or("");
    let Some((flow_id, upn)) = id.redeem_ticket(ticket).filter(|(f, _)| f == wctx) else {
        return sign_in_error_page(WORK, &SignInError::SessionExpired, None);
    };
    let f = match id.load_flow(&flow_id, WORK) {
        Ok(f) => f,
        Err(page) => return *page,
    };
    let same_user = f
        .upn
        .as_deref()
        .is_some_and(|u| u.eq_ignore_ascii_case(&upn));
    if f.stage != Stage::Federated || !same_user {
        id.end_flow(&f.id);
        return sign_in_error_page(WORK, &SignInError::SessionExpired, Some(&f.app));
    }
    id.set_flow(&f.id, Some(&upn), Stage::Kmsi);
    kmsi_page(WORK, &f.id, &upn)
}

// ---- the federated domain's identity provider ---------------------------------------

fn idp_page(host: &str, name: &str, wctx: &str, username: &str, error: Option<&str>) -> Response {
    let brand = if name.is_empty() { host } else { name };
    html_page(
        "Sign in",
        brand,
        &format!(
            r#"<p id="idp-host">{host}</p>
{err}<form method="post" action="/adfs/ls/" id="loginForm">
<input type="hidden" name="wctx" value="{wctx}">
<label for="userNameInput">User account</label>
<input type="text" name="UserName" id="userNameInput" value="{username}" autocomplete="username">
<label for="passwordInput">Password</label>
<input type="password" name="Password" id="passwordInput" autocomplete="current-password">
<input type="submit" id="submitButton" value="Sign in">
</form>"#,
            host = esc(host),
            err = error_line(error),
            wctx = esc(wctx),
            username = esc(username),
        ),
        IDP_STYLE,
    )
}

fn idp_name(id: &Identity, host: &str) -> String {
    id.inner
        .tenant
        .config()
        .federated_domains
        .iter()
        .find(|f| f.idp_host.eq_ignore_ascii_case(host))
        .map(|f| f.idp_name.clone())
        .unwrap_or_default()
}

async fn idp_get(
    State(id): State<Identity>,
    Extension(IdpHost(host)): Extension<IdpHost>,
    RawQuery(query): RawQuery,
) -> Response {
    let q = parse_form(query.unwrap_or_default().as_bytes());
    idp_page(
        &host,
        &idp_name(&id, &host),
        field(&q, "wctx").unwrap_or(""),
        field(&q, "username").unwrap_or(""),
        None,
    )
}

/// The identity provider checks the password in its own directory (the accounts of
/// the domains federated to it) and posts its answer back to Microsoft.
async fn idp_post(
    State(id): State<Identity>,
    Extension(IdpHost(host)): Extension<IdpHost>,
    body: Bytes,
) -> Response {
    let form = parse_form(&body);
    let wctx = field(&form, "wctx").unwrap_or("");
    let username = field(&form, "UserName").unwrap_or("").trim();
    let password = field(&form, "Password").unwrap_or("");
    let name = idp_name(&id, &host);
    let ours = id
        .inner
        .tenant
        .federation_for(username)
        .is_some_and(|f| f.idp_host.eq_ignore_ascii_case(&host));
    let user = id.inner.tenant.user(username).filter(|_| ours);
    match user {
        Some(u) if u.password == password => {
            let ticket = id.issue_ticket(wctx, &u.upn);
            html_page(
                "Working…",
                if name.is_empty() { &host } else { &name },
                &format!(
                    r#"<form method="post" name="hiddenform" id="hiddenform" action="{back}/login.srf">
<input type="hidden" name="wa" value="wsignin1.0">
<input type="hidden" name="wresult" value="{ticket}">
<input type="hidden" name="wctx" value="{wctx}">
<noscript><p>Script is disabled. Click Submit to continue.</p></noscript>
<input type="submit" id="submitButton" value="Submit">
</form>
<script>document.getElementById("hiddenform").submit();</script>"#,
                    back = esc(&id.base_url()),
                    ticket = esc(&ticket),
                    wctx = esc(wctx),
                ),
                IDP_STYLE,
            )
        }
        _ => idp_page(
            &host,
            &name,
            wctx,
            username,
            Some("Incorrect user ID or password. Type the correct user ID and password, and try again."),
        ),
    }
}

// ---- personal accounts: www.microsoft.com/link, login.live.com, account.live.com ----

const LINK: &str = "/link";
const LIVE_POST: &str = "/ppsecure/post.srf";

async fn link_get() -> Response {
    code_page(LINK, None)
}

async fn link_post(State(id): State<Identity>, body: Bytes) -> Response {
    let form = parse_form(&body);
    let typed = field(&form, "otc").unwrap_or("");
    if typed.trim().is_empty() {
        return code_page(LINK, Some("Enter the code displayed on your device."));
    }
    let code = match id.step_code(typed) {
        Ok(c) => c,
        Err(e) => return sign_in_error_page(LINK, &e, None),
    };
    if !id.audience_of(&code).is_ok_and(Audience::allows_personal) {
        return code_page(
            LINK,
            Some(&format!(
                "This code is for a work or school account. Enter it at {} instead.",
                id.verification_uri()
            )),
        );
    }
    let flow_id = id.new_flow(&code);
    redirect(&id.live_login_url(&flow_id))
}

async fn live_get(
    State(id): State<Identity>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let flow_id = query_flow(query);
    let f = match id.load_flow(&flow_id, &id.link_uri()) {
        Ok(f) => f,
        Err(page) => return *page,
    };
    match (f.stage, id.flow_user(&f)) {
        (Stage::Password, Some(u)) if u.is_personal() => {
            password_page(LIVE_POST, &f.id, &u.upn, None)
        }
        (Stage::Account, _) => match id.session_user(&headers, true) {
            Some(u) => pick_account_page(LIVE_POST, &f.id, &f.app, &u),
            None => account_page(LIVE_POST, &f.id, &f.app, None),
        },
        _ => account_page(LIVE_POST, &f.id, &f.app, None),
    }
}

async fn live_post(State(id): State<Identity>, headers: HeaderMap, body: Bytes) -> Response {
    let form = parse_form(&body);
    let link = id.link_uri();
    let flow_id = field(&form, "flow").unwrap_or("").to_string();
    let f = match id.load_flow(&flow_id, &link) {
        Ok(f) => f,
        Err(page) => return *page,
    };
    let user = id.flow_user(&f).filter(UserConfig::is_personal);
    match f.stage {
        Stage::Account | Stage::Password if field(&form, "loginfmt").is_some() => {
            let login = field(&form, "loginfmt").unwrap_or("");
            match id.step_account(&f.code, login) {
                Ok(u) if u.is_personal() => {
                    id.set_flow(&f.id, Some(&u.upn), Stage::Password);
                    password_page(LIVE_POST, &f.id, &u.upn, None)
                }
                Ok(_) | Err(SignInError::WorkAccountNotAllowed(_)) => account_page(
                    LIVE_POST,
                    &f.id,
                    &f.app,
                    Some(&format!(
                        "That is a work or school account. Sign in with it at {} instead.",
                        id.verification_uri()
                    )),
                ),
                Err(SignInError::UnknownUser(_)) => account_page(
                    LIVE_POST,
                    &f.id,
                    &f.app,
                    Some("That Microsoft account doesn't exist. Enter a different account."),
                ),
                Err(e) => {
                    id.end_flow(&f.id);
                    sign_in_error_page(&link, &e, Some(&f.app))
                }
            }
        }
        Stage::Account => {
            if let Some(picked) = field(&form, "pick") {
                if let Some(u) = id
                    .session_user(&headers, true)
                    .filter(|u| u.upn.eq_ignore_ascii_case(picked))
                    .filter(|u| id.step_account(&f.code, &u.upn).is_ok())
                {
                    id.set_flow(&f.id, Some(&u.upn), Stage::Confirm);
                    return redirect(&id.app_confirm_url(&f.id));
                }
            }
            account_page(LIVE_POST, &f.id, &f.app, None)
        }
        Stage::Password => {
            let Some(u) = user else {
                return account_page(LIVE_POST, &f.id, &f.app, None);
            };
            let passwd = field(&form, "passwd").unwrap_or("");
            if passwd.is_empty() {
                return password_page(
                    LIVE_POST,
                    &f.id,
                    &u.upn,
                    Some("Please enter the password for your Microsoft account."),
                );
            }
            match id.check_password(&f.code, &u, passwd) {
                Ok(()) => {
                    id.set_flow(&f.id, Some(&u.upn), Stage::Kmsi);
                    kmsi_page(LIVE_POST, &f.id, &u.upn)
                }
                Err(SignInError::BadPassword) => password_page(
                    LIVE_POST,
                    &f.id,
                    &u.upn,
                    Some("Your account or password is incorrect."),
                ),
                Err(e) => {
                    id.end_flow(&f.id);
                    sign_in_error_page(&link, &e, Some(&f.app))
                }
            }
        }
        Stage::Kmsi => {
            let Some(u) = user else {
                return account_page(LIVE_POST, &f.id, &f.app, None);
            };
            let Some(answer) = field(&form, "kmsi") else {
                return kmsi_page(LIVE_POST, &f.id, &u.upn);
            };
            id.set_flow(&f.id, Some(&u.upn), Stage::Confirm);
            let to = redirect(&id.app_confirm_url(&f.id));
            if answer == "yes" {
                with_cookie(to, LIVE_SESSION_COOKIE, &id.new_session(&u.upn, true))
            } else {
                to
            }
        }
        _ => redirect(&id.app_confirm_url(&f.id)),
    }
}

async fn app_confirm_get(State(id): State<Identity>, RawQuery(query): RawQuery) -> Response {
    let link = id.link_uri();
    let f = match id.load_flow(&query_flow(query), &link) {
        Ok(f) => f,
        Err(page) => return *page,
    };
    match (f.stage, id.flow_user(&f).filter(UserConfig::is_personal)) {
        (Stage::Confirm, Some(u)) => confirm_page("/App/Confirm", &f.id, &f.app, &u.upn),
        (Stage::Consent, Some(_)) => redirect(&format!("/Consent/Update?flow={}", f.id)),
        _ => sign_in_error_page(&link, &SignInError::SessionExpired, Some(&f.app)),
    }
}

async fn app_confirm_post(State(id): State<Identity>, body: Bytes) -> Response {
    let form = parse_form(&body);
    let link = id.link_uri();
    let (f, u) = match id.personal_flow(field(&form, "flow").unwrap_or(""), Stage::Confirm) {
        Ok(x) => x,
        Err(page) => return *page,
    };
    match field(&form, "action") {
        Some("continue") => id.continue_page(&f, &u, &link),
        Some("cancel") => id.cancel_page(&f, &link),
        _ => confirm_page("/App/Confirm", &f.id, &f.app, &u.upn),
    }
}

async fn live_consent_get(State(id): State<Identity>, RawQuery(query): RawQuery) -> Response {
    let link = id.link_uri();
    let f = match id.load_flow(&query_flow(query), &link) {
        Ok(f) => f,
        Err(page) => return *page,
    };
    match (f.stage, id.flow_user(&f).filter(UserConfig::is_personal)) {
        (Stage::Consent, Some(u)) => live_consent_page(&f.id, &f.app, &f.scopes, &u.upn),
        _ => sign_in_error_page(&link, &SignInError::SessionExpired, Some(&f.app)),
    }
}

async fn live_consent_post(State(id): State<Identity>, body: Bytes) -> Response {
    let form = parse_form(&body);
    let link = id.link_uri();
    let (f, u) = match id.personal_flow(field(&form, "flow").unwrap_or(""), Stage::Consent) {
        Ok(x) => x,
        Err(page) => return *page,
    };
    match field(&form, "ucaccept") {
        Some("yes") => match id.step_consent(&f.code, &u, false) {
            Ok(()) => {
                id.set_flow(&f.id, Some(&u.upn), Stage::Done);
                signed_in_page(&f.app.name)
            }
            Err(e) => {
                id.end_flow(&f.id);
                sign_in_error_page(&link, &e, Some(&f.app))
            }
        },
        Some("no") => id.cancel_page(&f, &link),
        _ => live_consent_page(&f.id, &f.app, &f.scopes, &u.upn),
    }
}
