//! The control API: JSON over HTTP on loopback, apart from the device pages. Tests and
//! practice mode use it to inject faults, advance the clock, change the tenant, and read
//! what devices really stored and what the mailbox received.
//!
//! Faults of a device: `PUT /devices/{i}/faults` with [`DeviceFaults`] (e.g.
//! `{"relabel": [["Sign In", "Connect account"]]}` shows the device's pages with that
//! wording). `POST /devices/{i}/sign-in-by-hand` (`{"service": "exchange_online"}` or
//! `"outlook_com"`) does what a person does on the device's page when a client cannot:
//! Sign In, "Sign in with Microsoft"; the code it answers is approved with
//! `POST /identity/approve`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put, MethodRouter};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::device::{Device, DeviceFaults, EmailService};
use crate::world::World;

pub(crate) fn router(world: World) -> Router {
    Router::new()
        .route("/world", read(World::summary))
        .route(
            "/devices",
            read(|w| w.devices().iter().map(Device::report).collect::<Vec<_>>()),
        )
        .route("/devices/{i}", get(device))
        .route("/devices/{i}/faults", put(device_faults))
        .route("/devices/{i}/restart", act(Device::restart))
        .route("/devices/{i}/lockout", act(Device::lock_out))
        .route(
            "/devices/{i}/stale-setup-token",
            act(Device::make_setup_tokens_stale),
        )
        .route("/devices/{i}/expire-tokens", act(Device::expire_tokens))
        .route("/devices/{i}/scan", post(scan))
        .route("/devices/{i}/connection-test", post(connection_test))
        .route("/devices/{i}/sign-in-by-hand", post(sign_in_by_hand))
        .route("/clock/advance", post(advance))
        .route(
            "/mailbox",
            read(|w| w.smtp().messages()).delete(clear_mailbox),
        )
        .route(
            "/smtp/faults",
            faults(|w| w.smtp().faults(), |w, f| w.smtp().set_faults(f)),
        )
        .route("/smtp/auth-log", read(|w| w.smtp().auth_log()))
        .route(
            "/identity/faults",
            faults(|w| w.identity().faults(), |w, f| w.identity().set_faults(f)),
        )
        .route("/identity/pending", read(|w| w.identity().pending()))
        .route("/identity/approve", post(approve))
        .route("/identity/decline", post(decline))
        .route("/tenant", get(tenant).patch(patch_tenant))
        .route("/tenant/users/{upn}", axum::routing::patch(patch_user))
        .route("/tenant/users/{upn}/revoke", post(revoke))
        .with_state(world)
}

/// GET: what `f` reads from the world, as JSON.
fn read<T: Serialize + Send + 'static>(f: fn(&World) -> T) -> MethodRouter<World> {
    get(move |State(w): State<World>| async move { Json(f(&w)) })
}

/// GET and PUT of one emulator's faults: PUT sets them (`set`); both answer them as
/// they then stand (`get`).
fn faults<F>(get_: fn(&World) -> F, set: fn(&World, F)) -> MethodRouter<World>
where
    F: Serialize + DeserializeOwned + Send + 'static,
{
    read(get_).put(move |State(w): State<World>, Json(f): Json<F>| async move {
        set(&w, f);
        Json(get_(&w))
    })
}

fn err(status: StatusCode, msg: impl Into<String>) -> Response {
    (status, Json(json!({ "error": msg.into() }))).into_response()
}

/// The device, or the 404 answer to send (boxed: a response is large).
fn dev(world: &World, i: usize) -> Result<Device, Box<Response>> {
    world
        .device(i)
        .cloned()
        .ok_or_else(|| Box::new(err(StatusCode::NOT_FOUND, format!("no device {i}"))))
}

/// What `f` makes of device `i`, as JSON (404 when there is no such device).
fn answer<T: Serialize>(w: &World, i: usize, f: impl FnOnce(&Device) -> T) -> Response {
    match dev(w, i) {
        Ok(d) => Json(f(&d)).into_response(),
        Err(r) => *r,
    }
}

async fn device(State(w): State<World>, Path(i): Path<usize>) -> Response {
    answer(&w, i, Device::report)
}

async fn device_faults(
    State(w): State<World>,
    Path(i): Path<usize>,
    Json(f): Json<DeviceFaults>,
) -> Response {
    answer(&w, i, |d| {
        d.set_faults(f);
        d.report().faults
    })
}

/// POST: runs `f` on device `{i}` and answers with its report.
fn act(f: fn(&Device)) -> MethodRouter<World> {
    post(
        move |State(w): State<World>, Path(i): Path<usize>| async move {
            answer(&w, i, |d| {
                f(d);
                d.report()
            })
        },
    )
}

#[derive(Deserialize)]
struct ScanRequest {
    to: String,
    #[serde(default = "one")]
    pages: u32,
}
fn one() -> u32 {
    1
}

async fn scan(
    State(w): State<World>,
    Path(i): Path<usize>,
    Json(req): Json<ScanRequest>,
) -> Response {
    match dev(&w, i) {
        Ok(d) => Json(d.scan_to_email(&req.to, req.pages).await).into_response(),
        Err(r) => *r,
    }
}

async fn connection_test(State(w): State<World>, Path(i): Path<usize>) -> Response {
    match dev(&w, i) {
        Ok(d) => match d.connection_test().await {
            Ok(m) => Json(json!({"ok": true, "message": m})).into_response(),
            Err(m) => Json(json!({"ok": false, "message": m})).into_response(),
        },
        Err(r) => *r,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ByHand {
    /// "exchange_online" (default) or "outlook_com".
    #[serde(default = "exchange_online")]
    service: EmailService,
}
fn exchange_online() -> EmailService {
    EmailService::ExchangeOnline
}

/// What a person does on the device's Email Server page: OAuth2 and the service
/// chosen, Sign In, "Sign in with Microsoft". Answers the device's sign-in state
/// (with the code it shows); 409 when the device refuses, as its page would.
async fn sign_in_by_hand(
    State(w): State<World>,
    Path(i): Path<usize>,
    body: Option<Json<ByHand>>,
) -> Response {
    let service = body
        .map(|b| b.0.service)
        .unwrap_or(EmailService::ExchangeOnline);
    match dev(&w, i) {
        Ok(d) => match d.sign_in_by_hand(service).await {
            Ok(state) => Json(state).into_response(),
            Err(e) => err(StatusCode::CONFLICT, e),
        },
        Err(r) => *r,
    }
}

#[derive(Deserialize)]
struct Advance {
    seconds: i64,
}

async fn advance(State(w): State<World>, Json(a): Json<Advance>) -> Response {
    w.clock().advance(a.seconds);
    Json(json!({"offset_seconds": w.clock().offset(), "now": w.clock().now()})).into_response()
}

async fn clear_mailbox(State(w): State<World>) -> Response {
    w.smtp().clear();
    StatusCode::NO_CONTENT.into_response()
}

#[derive(Deserialize)]
struct Approve {
    user_code: String,
    upn: String,
    password: String,
    #[serde(default)]
    consent_for_org: bool,
}

async fn approve(State(w): State<World>, Json(a): Json<Approve>) -> Response {
    match w
        .identity()
        .approve(&a.user_code, &a.upn, &a.password, a.consent_for_org)
    {
        Ok(()) => Json(json!({"approved": true})).into_response(),
        Err(e) => (
            StatusCode::CONFLICT,
            Json(json!({"approved": false, "error": e.to_string(), "aadsts": e.aadsts()})),
        )
            .into_response(),
    }
}

#[derive(Deserialize)]
struct Decline {
    user_code: String,
}

async fn decline(State(w): State<World>, Json(d): Json<Decline>) -> Response {
    match w.identity().decline(&d.user_code) {
        Ok(()) => Json(json!({"declined": true})).into_response(),
        Err(e) => err(StatusCode::CONFLICT, e.to_string()),
    }
}

async fn tenant(State(w): State<World>) -> Response {
    Json(w.tenant().config().clone()).into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TenantPatch {
    security_defaults: Option<bool>,
    smtp_auth_enabled: Option<bool>,
    basic_auth_enabled: Option<bool>,
    block_device_code_flow: Option<bool>,
}

async fn patch_tenant(State(w): State<World>, Json(p): Json<TenantPatch>) -> Response {
    let mut c = w.tenant().config();
    if let Some(v) = p.security_defaults {
        c.security_defaults = v;
    }
    if let Some(v) = p.smtp_auth_enabled {
        c.smtp_auth_enabled = v;
    }
    if let Some(v) = p.basic_auth_enabled {
        c.basic_auth_enabled = v;
    }
    if let Some(v) = p.block_device_code_flow {
        c.block_device_code_flow = v;
    }
    Json(c.clone()).into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UserPatch {
    /// "enabled", "disabled" or "inherit" (Set-CASMailbox -SmtpClientAuthenticationDisabled).
    smtp_auth: Option<String>,
}

async fn patch_user(
    State(w): State<World>,
    Path(upn): Path<String>,
    Json(p): Json<UserPatch>,
) -> Response {
    let mut c = w.tenant().config();
    let Some(user) = c
        .users
        .iter_mut()
        .find(|u| u.upn.eq_ignore_ascii_case(&upn))
    else {
        return err(StatusCode::NOT_FOUND, format!("no user {upn}"));
    };
    if let Some(v) = p.smtp_auth {
        user.smtp_auth = match v.as_str() {
            "enabled" => Some(true),
            "disabled" => Some(false),
            "inherit" => None,
            other => {
                return err(
                    StatusCode::BAD_REQUEST,
                    format!("smtp_auth must be enabled, disabled or inherit, not {other:?}"),
                )
            }
        };
    }
    Json(user.clone()).into_response()
}

async fn revoke(State(w): State<World>, Path(upn): Path<String>) -> Response {
    if w.tenant().user(&upn).is_none() {
        return err(StatusCode::NOT_FOUND, format!("no user {upn}"));
    }
    w.tenant().revoke_sessions(&upn);
    Json(json!({"revoked": upn})).into_response()
}
