//! The OAuth 2.0 endpoints: device authorization, token (device code and refresh
//! token grants), OpenID configuration, the AADSTS lookup page, and Entra's error
//! bodies.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use serde_json::{json, Value};

use super::pages::page;
use super::scopes::Scopes;
use super::store::{new_device_code, new_user_code, CodeRecord};
use super::*;
use crate::html::{esc, field, parse_form};
use crate::tenant::{AppConfig, ACCESS_TOKEN_LIFETIME, REFRESH_TOKEN_INACTIVITY};

impl Identity {
    // ---- tokens ----------------------------------------------------------------

    /// The token answer for `upn` with `scopes`; a refresh token only with
    /// offline_access, an id token only with openid.
    fn token_answer(&self, upn: &str, client_id: &str, scopes: &Scopes) -> (Value, Option<String>) {
        let access = if scopes.is_exchange() {
            self.inner
                .tenant
                .issue_access_token(upn, client_id, &scopes.perms)
        } else {
            foreign_access_token(&scopes.resource(), upn, client_id, self.now())
        };
        let mut body = json!({
            "token_type": "Bearer",
            "scope": scopes.granted(),
            "expires_in": ACCESS_TOKEN_LIFETIME,
            "ext_expires_in": ACCESS_TOKEN_LIFETIME,
            "access_token": access,
        });
        let mut refresh = None;
        if scopes.has("offline_access") {
            let rt =
                self.inner
                    .tenant
                    .issue_refresh_token(upn, client_id, &scopes.to_scope_string());
            body["refresh_token"] = Value::String(rt.clone());
            refresh = Some(rt);
        }
        if scopes.has("openid") {
            body["id_token"] = Value::String(self.id_token(upn, client_id));
        }
        (body, refresh)
    }

    /// An unsigned (alg "none") but well-formed ID token.
    fn id_token(&self, upn: &str, client_id: &str) -> String {
        let now = self.now();
        let (tid, name) = {
            let user = self.inner.tenant.user(upn);
            let name = user
                .map(|u| {
                    if u.display_name.is_empty() {
                        u.upn
                    } else {
                        u.display_name
                    }
                })
                .unwrap_or_else(|| upn.to_string());
            (self.inner.tenant.tid_for(upn), name)
        };
        let oid = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, upn.to_lowercase().as_bytes());
        let sub = uuid::Uuid::new_v5(
            &uuid::Uuid::NAMESPACE_OID,
            format!("{}|{}", client_id.to_lowercase(), upn.to_lowercase()).as_bytes(),
        );
        let claims = json!({
            "aud": client_id,
            "iss": format!("{}/v2.0", self.authority()),
            "iat": now,
            "nbf": now,
            "exp": now + ACCESS_TOKEN_LIFETIME,
            "name": name,
            "oid": oid.to_string(),
            "preferred_username": upn,
            "sub": URL_SAFE_NO_PAD.encode(sub.as_bytes()),
            "tid": tid,
            "ver": "2.0",
        });
        format!(
            "{}.{}.",
            URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT","alg":"none"}"#),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        )
    }

    /// The device code grant for `device_code`.
    fn device_code_grant(&self, device_code: &str, app: &AppConfig) -> Result<Value, OAuthError> {
        let now = self.now();
        let (upn, scopes) = {
            let mut st = self.store();
            let rec = match st.codes.get_mut(device_code) {
                Some(r) if r.client_id == app.client_id => r,
                _ => return Err(OAuthError::bad_request(
                    "bad_verification_code",
                    70018,
                    "Invalid verification code. The device code is not known for this application.",
                )),
            };
            if rec.state == CodeState::Redeemed {
                return Err(OAuthError::bad_request(
                    "invalid_grant",
                    70000,
                    "The provided value for the input parameter 'device_code' is not valid. The device code has already been redeemed.",
                ));
            }
            if now >= rec.expires_at {
                return Err(OAuthError::bad_request(
                    "expired_token",
                    70020,
                    "This device code has expired.",
                ));
            }
            if self.take_slow_down() {
                return Err(OAuthError::bad_request(
                    "slow_down",
                    70016,
                    "OAuth 2.0 device flow error. Polling too often: slow down and add 5 seconds to the polling interval.",
                ));
            }
            match rec.state.clone() {
                CodeState::Pending => {
                    return Err(OAuthError::bad_request(
                        "authorization_pending",
                        70016,
                        "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
                    ))
                }
                CodeState::Declined => {
                    return Err(OAuthError::bad_request(
                        "authorization_declined",
                        65004,
                        "User declined to consent to access the app.",
                    ))
                }
                CodeState::Denied(SignInError::ConditionalAccess) => {
                    return Err(conditional_access_error())
                }
                CodeState::Denied(_) => {
                    return Err(OAuthError::bad_request(
                        "invalid_grant",
                        90094,
                        "The grant requires admin permission. An administrator of the organisation must consent to the application before it can be used.",
                    ))
                }
                CodeState::Approved { upn } => {
                    rec.state = CodeState::Redeemed;
                    (upn, rec.scopes.clone())
                }
                CodeState::Redeemed => unreachable!("handled above"),
            }
        };
        let (body, refresh) = self.token_answer(&upn, &app.client_id, &scopes);
        if let Some(rt) = refresh {
            self.store().device_flow_refresh.insert(rt);
        }
        Ok(body)
    }

    /// The refresh token grant for `token` (the request's `form` may narrow the scope).
    fn refresh_grant(
        &self,
        token: &str,
        form: &[(String, String)],
        app: &AppConfig,
    ) -> Result<Value, OAuthError> {
        let now = self.now();
        let tenant = &self.inner.tenant;
        let rec = tenant.state().refresh_tokens.get(token).cloned();
        let Some(rec) = rec else {
            return Err(OAuthError::bad_request(
                "invalid_grant",
                9002313,
                "Invalid request. Request is malformed or invalid.",
            ));
        };
        if !rec.client_id.eq_ignore_ascii_case(&app.client_id) {
            return Err(OAuthError::bad_request(
                "invalid_grant",
                70000,
                "The provided value for the input parameter 'refresh_token' is not valid. The refresh token was issued to a different client.",
            ));
        }
        let revoked_before = tenant
            .state()
            .revoked_before
            .get(&rec.upn.to_lowercase())
            .copied();
        if rec.revoked || revoked_before.is_some_and(|t| rec.issued_at < t) {
            return Err(OAuthError::bad_request(
                "invalid_grant",
                50173,
                format!(
                    "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '{}' and the TokensValidFrom date (before which tokens are not valid) for this user is '{}'.",
                    iso_time(rec.issued_at),
                    iso_time(revoked_before.unwrap_or(now)),
                ),
            ));
        }
        if now - rec.last_used > REFRESH_TOKEN_INACTIVITY {
            return Err(OAuthError::bad_request(
                "invalid_grant",
                700082,
                format!(
                    "The refresh token has expired due to inactivity. The token was issued on {} and was inactive for {}.00:00:00.",
                    iso_time(rec.issued_at),
                    REFRESH_TOKEN_INACTIVITY / 86400
                ),
            ));
        }
        let Some(user) = tenant.user(&rec.upn) else {
            let tname = tenant.config().name.clone();
            return Err(OAuthError::bad_request(
                "invalid_grant",
                50034,
                format!("The user account {} does not exist in the '{tname}' directory. To sign into this application, the account must be added to the directory.", rec.upn),
            ));
        };
        if !tenant.has_consent(&user.upn, &app.client_id) {
            return Err(consent_error(app));
        }
        let from_device_flow = self.store().device_flow_refresh.contains(token);
        if from_device_flow && tenant.config().block_device_code_flow {
            return Err(conditional_access_error());
        }
        let granted = Scopes::parse(&rec.scope).unwrap_or_default();
        let scopes = match field(form, "scope")
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => granted,
            Some(asked) => {
                let asked = Scopes::parse(asked).map_err(|e| e.to_oauth())?;
                let covered = asked
                    .perms
                    .iter()
                    .all(|p| granted.perms.iter().any(|g| g.eq_ignore_ascii_case(p)));
                if !covered {
                    return Err(consent_error(app));
                }
                // A refresh keeps the session's offline access.
                let mut s = asked;
                if granted.has("offline_access") && !s.has("offline_access") {
                    s.oidc.push("offline_access".into());
                }
                s
            }
        };
        if let Some(r) = tenant.state().refresh_tokens.get_mut(token) {
            r.last_used = now;
        }
        let (body, refresh) = self.token_answer(&user.upn, &app.client_id, &scopes);
        if let (Some(rt), true) = (refresh, from_device_flow) {
            self.store().device_flow_refresh.insert(rt);
        }
        Ok(body)
    }

    // ---- request checks --------------------------------------------------------

    /// An OAuth error answer with Entra's body.
    pub(super) fn oauth_error(&self, e: OAuthError) -> Response {
        let body = error_body(
            &self.base_url(),
            self.inner.tenant.clock().now(),
            e.error,
            e.code,
            &e.text,
        );
        json_response(e.status, &body)
    }

    pub(super) fn check_tenant(&self, seg: &str) -> Result<(), OAuthError> {
        if self.inner.tenant.matches_segment(seg) || seg.eq_ignore_ascii_case("consumers") {
            Ok(())
        } else {
            Err(OAuthError::bad_request(
                "invalid_request",
                90002,
                format!(
                    "Tenant '{seg}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."
                ),
            ))
        }
    }

    pub(super) fn check_client(&self, form: &[(String, String)]) -> Result<AppConfig, OAuthError> {
        let client_id = required(form, "client_id")?;
        self.inner.tenant.app(client_id).ok_or_else(|| {
            let tenant_name = self.inner.tenant.config().name.clone();
            OAuthError::bad_request(
                "unauthorized_client",
                700016,
                format!(
                    "Application with identifier '{client_id}' was not found in the directory '{tenant_name}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant."
                ),
            )
        })
    }
}

pub(super) struct OAuthError {
    pub(super) status: StatusCode,
    pub(super) error: &'static str,
    pub(super) code: u32,
    pub(super) text: String,
}

impl OAuthError {
    pub(super) fn bad_request(error: &'static str, code: u32, text: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            error,
            code,
            text: text.into(),
        }
    }
}

pub(super) fn missing_parameter(name: &str) -> OAuthError {
    OAuthError::bad_request(
        "invalid_request",
        900144,
        format!("The request body must contain the following parameter: '{name}'."),
    )
}

pub(super) fn required<'a>(
    form: &'a [(String, String)],
    name: &str,
) -> Result<&'a str, OAuthError> {
    field(form, name)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| missing_parameter(name))
}

pub(super) fn conditional_access_error() -> OAuthError {
    OAuthError::bad_request(
        "invalid_grant",
        53003,
        "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.",
    )
}

pub(super) fn consent_error(app: &AppConfig) -> OAuthError {
    OAuthError::bad_request(
        "invalid_grant",
        65001,
        format!(
            "The user or administrator has not consented to use the application with ID '{}' named '{}'. Send an interactive authorization request for this user and resource.",
            app.client_id, app.name
        ),
    )
}

/// Entra's error body: `error`, `error_description` ("AADSTSnnnnn: text" then the
/// trace id, correlation id and timestamp on their own lines), `error_codes`,
/// `timestamp`, `trace_id`, `correlation_id`, `error_uri`.
pub(super) fn error_body(
    base_url: &str,
    now: chrono::DateTime<chrono::Utc>,
    error: &str,
    code: u32,
    text: &str,
) -> Value {
    let trace_id = uuid::Uuid::new_v4().to_string();
    let correlation_id = uuid::Uuid::new_v4().to_string();
    let timestamp = now.format("%Y-%m-%d %H:%M:%SZ").to_string();
    json!({
        "error": error,
        "error_description": format!(
            "AADSTS{code}: {text}\r\nTrace ID: {trace_id}\r\nCorrelation ID: {correlation_id}\r\nTimestamp: {timestamp}"
        ),
        "error_codes": [code],
        "timestamp": timestamp,
        "trace_id": trace_id,
        "correlation_id": correlation_id,
        "error_uri": format!("{base_url}/error?code={code}"),
    })
}

pub(super) fn json_response(status: StatusCode, body: &Value) -> Response {
    let mut r = (status, body.to_string()).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store, no-cache"),
    );
    h.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    r
}

// ---- handlers: OAuth endpoints -------------------------------------------------

pub(super) async fn faults_layer(State(id): State<Identity>, req: Request, next: Next) -> Response {
    let delay = id.faults().delay_ms;
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    if id.take_500() {
        let text = "A transient error has occurred. Please try again.";
        if req.uri().path().contains("/oauth2/") {
            let mut e = OAuthError::bad_request("server_error", 90033, text);
            e.status = StatusCode::INTERNAL_SERVER_ERROR;
            return id.oauth_error(e);
        }
        let mut r = page(
            "Something went wrong",
            &format!(
                r#"<p id="error" role="alert">Sorry, we're having trouble signing you in. Try again in a moment. (AADSTS90033: {})</p>"#,
                esc(text)
            ),
        );
        *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        return r;
    }
    next.run(req).await
}

pub(super) async fn devicecode(
    State(id): State<Identity>,
    Path(tenant): Path<String>,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let form = parse_form(&body);
    let query = parse_form(query.unwrap_or_default().as_bytes());
    let result = (|| -> Result<Value, OAuthError> {
        id.check_tenant(&tenant)?;
        let audience = Audience::of_segment(&tenant);
        let app = id.check_client(&form)?;
        let scope_raw = required(&form, "scope")?.to_string();
        let scopes = Scopes::parse(&scope_raw).map_err(|e| e.to_oauth())?;
        let now = id.now();
        let lifetime = audience.code_lifetime();
        let device_code = new_device_code();
        let user_code = {
            let mut st = id.store();
            id.prune(&mut st, now);
            let user_code = loop {
                let c = new_user_code();
                if !st.by_user_code.contains_key(&c) {
                    break c;
                }
            };
            st.by_user_code
                .insert(user_code.clone(), device_code.clone());
            st.codes.insert(
                device_code.clone(),
                CodeRecord {
                    user_code: user_code.clone(),
                    client_id: app.client_id.clone(),
                    scope_raw: scope_raw.clone(),
                    scopes,
                    expires_at: now + lifetime,
                    state: CodeState::Pending,
                    audience,
                },
            );
            user_code
        };
        let uri = id.verification_uri_for(audience);
        Ok(json!({
            "user_code": user_code,
            "device_code": device_code,
            "verification_uri": uri,
            "expires_in": lifetime,
            "interval": POLL_INTERVAL,
            "message": sign_in_message(field(&query, "mkt"), &uri, &user_code),
        }))
    })();
    match result {
        Ok(v) => json_response(StatusCode::OK, &v),
        Err(e) => id.oauth_error(e),
    }
}

/// The device code answer's `message`, localised by `mkt` (language part decides).
pub fn sign_in_message(mkt: Option<&str>, uri: &str, code: &str) -> String {
    let lang = mkt
        .unwrap_or("en")
        .split(['-', '_'])
        .next()
        .unwrap_or("en")
        .to_ascii_lowercase();
    match lang.as_str() {
        "de" => format!("Um sich anzumelden, öffnen Sie mit einem Webbrowser die Seite {uri}, und geben Sie den Code {code} ein, um sich zu authentifizieren."),
        "lt" => format!("Norėdami prisijungti, žiniatinklio naršyklėje atidarykite puslapį {uri} ir įveskite kodą {code}, kad būtumėte autentifikuoti."),
        "fr" => format!("Pour vous connecter, utilisez un navigateur web pour ouvrir la page {uri} et entrez le code {code} pour vous authentifier."),
        "es" => format!("Para iniciar sesión, use un explorador web para abrir la página {uri} y escriba el código {code} para autenticarse."),
        _ => format!("To sign in, use a web browser to open the page {uri} and enter the code {code} to authenticate."),
    }
}

pub(super) async fn token(
    State(id): State<Identity>,
    Path(tenant): Path<String>,
    body: Bytes,
) -> Response {
    let form = parse_form(&body);
    let result = (|| -> Result<Value, OAuthError> {
        id.check_tenant(&tenant)?;
        let grant = required(&form, "grant_type")?;
        if grant != DEVICE_CODE_GRANT && grant != "refresh_token" {
            return Err(OAuthError::bad_request(
                "unsupported_grant_type",
                70003,
                format!("The app requested an unsupported grant type '{grant}'."),
            ));
        }
        let app = id.check_client(&form)?;
        if !app.public_client {
            // Without "Allow public client flows" the app must authenticate.
            return Err(OAuthError {
                status: StatusCode::UNAUTHORIZED,
                error: "invalid_client",
                code: 7000218,
                text: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.".into(),
            });
        }
        if grant == DEVICE_CODE_GRANT {
            id.device_code_grant(required(&form, "device_code")?, &app)
        } else {
            id.refresh_grant(required(&form, "refresh_token")?, &form, &app)
        }
    })();
    match result {
        Ok(v) => json_response(StatusCode::OK, &v),
        Err(e) => id.oauth_error(e),
    }
}

pub(super) async fn openid_configuration(
    State(id): State<Identity>,
    Path(tenant): Path<String>,
) -> Response {
    if let Err(e) = id.check_tenant(&tenant) {
        return id.oauth_error(e);
    }
    let authority = id.authority();
    json_response(
        StatusCode::OK,
        &json!({
            "issuer": format!("{authority}/v2.0"),
            "token_endpoint": id.token_url(),
            "device_authorization_endpoint": id.device_code_url(),
            "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
            "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
            "scopes_supported": ["openid", "profile", "email", "offline_access"],
            "id_token_signing_alg_values_supported": ["none"],
            "tenant_region_scope": "EU",
            "cloud_instance_name": "practice.invalid",
        }),
    )
}

pub(super) async fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Not found").into_response()
}

/// What an AADSTS number means (the `error_uri` of every error).
pub(super) async fn error_page(RawQuery(query): RawQuery) -> Response {
    let q = parse_form(query.unwrap_or_default().as_bytes());
    let code = field(&q, "code").unwrap_or("");
    let text = match code.trim_start_matches("AADSTS") {
        "28000" => "The scope names more than one resource. Ask for one resource's permissions at a time.",
        "50034" => "The account does not exist in the directory.",
        "50126" => "Invalid username or password.",
        "50173" => "The grant was revoked (sessions revoked or password changed). Sign in again.",
        "53003" => "Access was blocked by Conditional Access policies (for example a policy blocking the device code flow). An administrator must exclude the account or the application.",
        "65001" => "The user or administrator has not consented to the application. Sign in interactively again.",
        "65004" => "The user declined to consent to the application.",
        "70000" => "The grant is invalid, already used, or was issued to another client.",
        "70003" => "The grant type is not supported.",
        "70016" => "Authorization is pending: the user has not finished signing in yet. Keep polling.",
        "70018" => "The device code is not valid.",
        "70020" => "The device code has expired. Start again with a new code.",
        "90002" => "The tenant was not found.",
        "90033" => "A transient error occurred. Try again.",
        "90094" => "An administrator must grant consent to the application for the organisation.",
        "90119" => "The user code entered is not valid.",
        "90120" => "The code has already been used or declined.",
        "700016" => "The application was not found in the directory.",
        "700082" => "The refresh token expired because it was not used for 90 days. Sign in again.",
        "900144" => "A required parameter is missing from the request.",
        "7000218" => "The application does not allow public client flows, so it must authenticate with a secret or assertion.",
        "9002313" => "The request is malformed or the grant is invalid.",
        _ => "Unknown error code.",
    };
    page(
        "Error code lookup",
        &format!(
            r#"<p id="error-code">AADSTS{}</p><p id="error-text">{}</p>"#,
            esc(code.trim_start_matches("AADSTS")),
            esc(text)
        ),
    )
}

/// Seconds since the epoch as "2025-01-31T12:00:00.0000000Z".
fn iso_time(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S.0000000Z")
        .to_string()
}

/// A token for a resource other than Exchange Online: well formed, but Exchange
/// cannot verify it (as a Graph token would fail SMTP AUTH).
fn foreign_access_token(resource: &str, upn: &str, client_id: &str, now: i64) -> String {
    let claims = json!({
        "aud": resource, "iat": now, "nbf": now, "exp": now + ACCESS_TOKEN_LIFETIME,
        "appid": client_id, "upn": upn,
    });
    let mut sig = [0u8; 64];
    rand::rng().fill_bytes(&mut sig);
    format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT","alg":"RS256"}"#),
        URL_SAFE_NO_PAD.encode(claims.to_string()),
        URL_SAFE_NO_PAD.encode(sig)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_localised() {
        let en = sign_in_message(None, "http://x/devicelogin", "ABCDEFGHJ");
        assert_eq!(en, "To sign in, use a web browser to open the page http://x/devicelogin and enter the code ABCDEFGHJ to authenticate.");
        assert_eq!(
            sign_in_message(Some("en-GB"), "u", "c"),
            sign_in_message(None, "u", "c")
        );
        for mkt in ["de-DE", "lt-LT", "fr-FR", "es-ES"] {
            let m = sign_in_message(Some(mkt), "http://x/devicelogin", "ABCDEFGHJ");
            assert_ne!(m, en, "{mkt}");
            assert!(
                m.contains("http://x/devicelogin") && m.contains("ABCDEFGHJ"),
                "{m}"
            );
        }
    }

    #[test]
    fn error_body_has_entra_shape() {
        let now = chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let b = error_body("http://h", now, "authorization_pending", 70016, "Pending.");
        let d = b["error_description"].as_str().unwrap();
        assert!(d.starts_with("AADSTS70016: Pending.\r\nTrace ID: "), "{d}");
        assert!(d.ends_with("Timestamp: 2023-11-14 22:13:20Z"), "{d}");
        assert_eq!(b["error_codes"], json!([70016]));
        assert_eq!(b["timestamp"], "2023-11-14 22:13:20Z");
        assert!(uuid::Uuid::parse_str(b["trace_id"].as_str().unwrap()).is_ok());
        assert!(uuid::Uuid::parse_str(b["correlation_id"].as_str().unwrap()).is_ok());
        assert_eq!(b["error_uri"], "http://h/error?code=70016");
        assert!(d.contains(b["trace_id"].as_str().unwrap()));
    }

    #[test]
    fn iso_time_format() {
        assert_eq!(iso_time(1_700_000_000), "2023-11-14T22:13:20.0000000Z");
    }
}
