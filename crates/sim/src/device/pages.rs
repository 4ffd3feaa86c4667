//! Web Config's pages: TOP renders a form, SET receives it; saving is two steps
//! (the form, then a confirmation form) ending in "Setup complete.". Every settings
//! page needs an administrator session (cookie EPSON_COOKIE_SESSION) and carries a
//! hidden INPUTT_SETUPTOKEN bound to that session.

use std::fmt::Write as _;

use axum::body::Bytes;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;

use super::labels::t;
use super::settings::{self as s, AuthMethod, EmailService, MailSettings, Secure, F};
use super::{mail, Device, OAuthState, Session};
use crate::config::Lang;
use crate::html::{esc, field, parse_form};
use crate::models::{Family, Vendor};

pub const COOKIE: &str = "EPSON_COOKIE_SESSION";
const P: &str = "/PRESENTATION/ADVANCED";

pub(crate) fn new_token() -> String {
    uuid::Uuid::new_v4().simple().to_string().to_uppercase()
}

pub(crate) fn router(dev: Device) -> Router {
    Router::new().fallback(
        move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
            let dev = dev.clone();
            async move { handle(dev, method, uri, headers, body).await }
        },
    )
}

struct Ctx {
    dev: Device,
    lang: Lang,
    family: Family,
    /// The session id when the request carries a live administrator session.
    session: Option<String>,
    form: Vec<(String, String)>,
}

fn html(body: String) -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

fn redirect(to: &str) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, to.to_string())], "").into_response()
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        "<html><body><h1>404 Not Found</h1></body></html>",
    )
        .into_response()
}

fn cookie_value(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_string())
}

async fn handle(
    dev: Device,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    // Injected faults first, as a struggling device would show them.
    let (delay, fail) = {
        let mut st = dev.state();
        let fail = st.faults.http_500_next > 0;
        if fail {
            st.faults.http_500_next -= 1;
        }
        (st.faults.delay_ms, fail)
    };
    if delay > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
    }
    if fail {
        return (StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error").into_response();
    }
    {
        let mut st = dev.state();
        if let Some(until) = st.restarting_until {
            if std::time::Instant::now() < until {
                return (StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable").into_response();
            }
            st.restarting_until = None;
        }
    }

    let now = dev.inner.clock.unix();
    let session = cookie_value(&headers).and_then(|c| {
        let mut st = dev.state();
        st.sessions
            .retain(|_, s| now - s.last_seen <= super::SESSION_IDLE_SECS);
        let s = st.sessions.get_mut(&c)?;
        s.last_seen = now;
        Some(c)
    });
    let form = if method == Method::POST {
        parse_form(&body)
    } else {
        parse_form(uri.query().unwrap_or("").as_bytes())
    };
    let lang = dev.state().lang;
    let ctx = Ctx {
        lang,
        family: dev.spec().family,
        dev,
        session,
        form,
    };
    let path = uri.path().to_string();
    let is_post = method == Method::POST;

    match (is_post, path.as_str()) {
        (false, "/") => redirect("/PRESENTATION/HTML/TOP/INDEX.HTML"),
        (false, "/PRESENTATION/BONJOUR") => bonjour(&ctx),
        (false, "/PRESENTATION/HTML/TOP/INDEX.HTML") => basic_index(&ctx),
        (_, "/PRESENTATION/ADVANCED/COMMON/TOP") => common_top(ctx, is_post),
        (false, "/PRESENTATION/ADVANCED/COMMON/HEADER") => header_page(&ctx),
        (false, "/PRESENTATION/ADVANCED/COMMON/MENU") => menu(&ctx),
        (false, "/PRESENTATION/ADVANCED/COMMON/LOGOUT") => logout(&ctx),
        (false, "/PRESENTATION/ADVANCED/PASSWORD/TOP") => login_page(&ctx, None),
        (true, "/PRESENTATION/ADVANCED/PASSWORD/SET") if ctx.family == Family::Business => {
            login(&ctx)
        }
        (true, "/PRESENTATION/PSWD") if ctx.family == Family::Consumer => login(&ctx),
        // The other family's log-in endpoint does not exist on this firmware.
        (true, "/PRESENTATION/PSWD" | "/PRESENTATION/ADVANCED/PASSWORD/SET") => not_found(),
        (false, "/PRESENTATION/ADVANCED/INFO_PRTINFO/TOP") => product_status(&ctx),
        (false, "/PRESENTATION/ADVANCED/INFO_NWINFO/TOP") => network_status(&ctx),
        _ if ctx.dev.spec().vendor != Vendor::Epson => not_found(),
        _ if path.starts_with(P) && ctx.session.is_none() => {
            login_page(&ctx, Some(t(ctx.lang, "login_required")))
        }
        (false, "/PRESENTATION/ADVANCED/NWS_MAIL_BASIC/TOP") => mail_page(&ctx, None),
        (true, "/PRESENTATION/ADVANCED/NWS_MAIL_BASIC/SET") => mail_set(&ctx).await,
        (true, "/PRESENTATION/ADVANCED/NWS_MAIL_BASIC/CONFIRM") => mail_confirm(&ctx),
        (false, "/PRESENTATION/ADVANCED/NWS_MAIL_OAUTH/TOP") => oauth_page(&ctx),
        (false, "/PRESENTATION/ADVANCED/NWS_MAIL_CONNECTTEST/TOP") => conn_test_page(&ctx, None),
        (true, "/PRESENTATION/ADVANCED/NWS_MAIL_CONNECTTEST/SET") => conn_test(&ctx).await,
        (false, "/PRESENTATION/ADVANCED/FAX_SERVER_MAIL/TOP") if ctx.dev.spec().fax => {
            fax_page(&ctx, None)
        }
        (true, "/PRESENTATION/ADVANCED/FAX_SERVER_MAIL/SET") if ctx.dev.spec().fax => fax_set(&ctx),
        (true, "/PRESENTATION/ADVANCED/FAX_SERVER_MAIL/CONFIRM") if ctx.dev.spec().fax => {
            fax_confirm(&ctx)
        }
        (false, "/PRESENTATION/ADVANCED/INFO_JOBHISTORY/TOP") => job_history(&ctx),
        (true, "/PRESENTATION/ADVANCED/INFO_JOBHISTORY/OUTPUT.CSV") => job_csv(&ctx),
        (
            false,
            "/PRESENTATION/ADVANCED/NW_BASIC/TOP"
            | "/PRESENTATION/ADVANCED/NW_SERVICE_PRTCL/TOP"
            | "/PRESENTATION/ADVANCED/NWS_CERT_SSLTLS/TOP"
            | "/PRESENTATION/ADVANCED/ADMIN_PASSWORDSET_CHANGE/TOP",
        ) => plain_settings_page(&ctx, &path),
        _ => not_found(),
    }
}

// ---------------------------------------------------------------- page frame

fn page(ctx: &Ctx, title: &str, body: &str) -> String {
    let model = ctx.dev.spec().name;
    let lang = match ctx.lang {
        Lang::En => "en",
        Lang::De => "de",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
<title>{} - {}</title></head><body>\n<div id=\"pageheader\"><h1>{}</h1></div>\n<div id=\"contents\">\n<h2>{}</h2>\n{body}\n</div>\n</body></html>\n",
        esc(title),
        esc(model),
        esc(&format!("{} {}", vendor_name(ctx), model)),
        esc(title)
    )
}

fn vendor_name(ctx: &Ctx) -> &'static str {
    match ctx.dev.spec().vendor {
        Vendor::Epson => "EPSON",
        Vendor::Brother => "Brother",
        Vendor::Hp => "HP",
        Vendor::Canon => "Canon",
    }
}

fn token_of(ctx: &Ctx) -> String {
    ctx.session
        .as_ref()
        .and_then(|sid| {
            ctx.dev
                .state()
                .sessions
                .get(sid)
                .map(|s| s.setup_token.clone())
        })
        .unwrap_or_default()
}

fn token_ok(ctx: &Ctx) -> bool {
    let posted = field(&ctx.form, "INPUTT_SETUPTOKEN").unwrap_or("");
    !posted.is_empty() && posted == token_of(ctx)
}

fn stale(ctx: &Ctx) -> Response {
    html(page(
        ctx,
        t(ctx.lang, "title"),
        &format!(
            "<div class=\"error\">{}</div><p><a href=\"{P}/PASSWORD/TOP\">{}</a></p>",
            esc(t(ctx.lang, "stale_token")),
            esc(t(ctx.lang, "login"))
        ),
    ))
}

fn hidden(name: &str, value: &str) -> String {
    format!(
        "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
        esc(name),
        esc(value)
    )
}

fn row(label: &str, id: &str, control: &str) -> String {
    format!(
        "<tr><th><label for=\"{id}\">{}</label></th><td>{control}</td></tr>\n",
        esc(label)
    )
}

fn text_input(name: &str, value: &str, ty: &str, maxlen: usize) -> String {
    format!(
        "<input type=\"{ty}\" id=\"{n}\" name=\"{n}\" value=\"{v}\" maxlength=\"{maxlen}\">",
        n = esc(name),
        v = esc(value)
    )
}

fn select(name: &str, options: &[(&str, &str)], selected: &str) -> String {
    let mut out = format!("<select id=\"{n}\" name=\"{n}\">", n = esc(name));
    for (v, label) in options {
        let sel = if *v == selected { " selected" } else { "" };
        let _ = write!(
            out,
            "<option value=\"{}\"{sel}>{}</option>",
            esc(v),
            esc(label)
        );
    }
    out.push_str("</select>");
    out
}

fn submit(name: &str, label: &str) -> String {
    format!(
        "<input type=\"submit\" name=\"{}\" value=\"{}\">",
        esc(name),
        esc(label)
    )
}

// ---------------------------------------------------------------- basic pages

fn bonjour(ctx: &Ctx) -> Response {
    let body = format!(
        "<meta http-equiv=\"refresh\" content=\"0; url={P}/COMMON/TOP\">\
<p><a href=\"{P}/COMMON/TOP\">{}</a></p>",
        esc(t(ctx.lang, "advanced"))
    );
    html(page(ctx, t(ctx.lang, "title"), &body))
}

fn basic_index(ctx: &Ctx) -> Response {
    let id = ctx.dev.identity();
    let body = format!(
        "<table>{}{}</table><p><a href=\"{P}/COMMON/TOP\">{}</a></p>",
        row(t(ctx.lang, "model"), "m", &esc(&id.instance_name)),
        row(t(ctx.lang, "host"), "h", &esc(&id.host_name)),
        esc(t(ctx.lang, "advanced"))
    );
    html(page(ctx, t(ctx.lang, "title"), &body))
}

fn common_top(ctx: Ctx, is_post: bool) -> Response {
    if is_post {
        if let Some(v) = field(&ctx.form, "SEL_LANGA") {
            let lang = match v {
                "1" => Some(Lang::En),
                "2" => Some(Lang::De),
                _ => None,
            };
            if let Some(l) = lang {
                ctx.dev.state().lang = l;
            }
        }
    }
    let lang = ctx.dev.state().lang;
    let body = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{} - {}</title></head>\n\
<frameset rows=\"90,*\">\n<frame name=\"header\" src=\"{P}/COMMON/HEADER\">\n\
<frameset cols=\"240,*\">\n<frame name=\"menu\" src=\"{P}/COMMON/MENU\">\n\
<frame name=\"contents\" src=\"{P}/INFO_PRTINFO/TOP\">\n</frameset>\n</frameset>\n</html>\n",
        esc(t(lang, "title")),
        esc(ctx.dev.spec().name)
    );
    html(body)
}

fn header_page(ctx: &Ctx) -> Response {
    let login = if ctx.session.is_some() {
        format!(
            "<a href=\"{P}/COMMON/LOGOUT\" target=\"_top\">{}</a>",
            esc(t(ctx.lang, "logout"))
        )
    } else {
        format!(
            "<a href=\"{P}/PASSWORD/TOP\" target=\"contents\">{}</a>",
            esc(t(ctx.lang, "login"))
        )
    };
    let cur = match ctx.lang {
        Lang::En => "1",
        Lang::De => "2",
    };
    let body = format!(
        "<div id=\"login\">{login}</div>\
<form method=\"post\" action=\"{P}/COMMON/TOP\" target=\"_top\">{}{}{}</form>",
        format_args!(
            "<label for=\"SEL_LANGA\">{}</label>",
            esc(t(ctx.lang, "language"))
        ),
        select("SEL_LANGA", &[("1", "English"), ("2", "Deutsch")], cur),
        submit("btn_lang", t(ctx.lang, "ok")),
    );
    html(page(ctx, t(ctx.lang, "title"), &body))
}

fn menu(ctx: &Ctx) -> Response {
    let l = |k| esc(t(ctx.lang, k));
    let mut body = String::new();
    let _ = write!(
        body,
        "<ul id=\"menu\">\n<li>{}<ul><li><a href=\"{P}/INFO_PRTINFO/TOP\" target=\"contents\">{}</a></li>\
<li><a href=\"{P}/INFO_NWINFO/TOP\" target=\"contents\">{}</a></li></ul></li>\n",
        l("tab_status"),
        l("product_status"),
        l("network_status")
    );
    let _ = write!(
        body,
        "<li>{}<ul><li>{}<ul><li><a href=\"{P}/NWS_MAIL_BASIC/TOP\" target=\"contents\">{}</a></li>\
<li><a href=\"{P}/NWS_MAIL_CONNECTTEST/TOP\" target=\"contents\">{}</a></li></ul></li></ul></li>",
        l("tab_network"),
        l("email_server"),
        l("basic"),
        l("connection_test")
    );
    if ctx.dev.spec().fax {
        let _ = write!(
            body,
            "<li>{}<ul><li>{}<ul><li><a href=\"{P}/FAX_SERVER_MAIL/TOP\" target=\"contents\">{}</a></li></ul></li></ul></li>",
            l("tab_fax"),
            l("fax_server"),
            l("email_server_settings")
        );
    }
    let _ = write!(
        body,
        "<li>{}<ul><li><a href=\"{P}/INFO_JOBHISTORY/TOP\" target=\"contents\">{}</a></li></ul></li>\n</ul>",
        l("tab_job"),
        l("job_status")
    );
    html(page(ctx, t(ctx.lang, "title"), &body))
}

fn logout(ctx: &Ctx) -> Response {
    if let Some(sid) = &ctx.session {
        ctx.dev.state().sessions.remove(sid);
    }
    redirect(&format!("{P}/COMMON/TOP"))
}

fn login_page(ctx: &Ctx, message: Option<&str>) -> Response {
    let l = |k| t(ctx.lang, k);
    let msg = message
        .map(|m| format!("<div class=\"error\">{}</div>", esc(m)))
        .unwrap_or_default();
    let form = match ctx.family {
        Family::Business => format!(
            "<form method=\"post\" action=\"{P}/PASSWORD/SET\"><table>{}{}</table>{}{}{}{}<p>{}</p></form>",
            row(l("user_name"), "INPUTT_USERNAME", &text_input("INPUTT_USERNAME", "", "text", 20)),
            row(
                l("current_password"),
                "INPUTT_PASSWORD",
                &text_input("INPUTT_PASSWORD", "", "password", 20)
            ),
            hidden("INPUTT_ACCSESSMETHOD", "0"),
            hidden("INPUTT_DUMMY", ""),
            hidden("access", "https"),
            hidden("SEL_SESSIONTYPE", "ADMIN"),
            submit("btn_login", l("ok")),
        ),
        Family::Consumer => format!(
            "<form method=\"post\" action=\"/PRESENTATION/PSWD\"><table>{}</table>{}{}{}<p>{}</p></form>",
            row(l("current_password"), "session", &text_input("session", "", "password", 20)),
            hidden("from", "top"),
            hidden("trigger", "set"),
            hidden("access", "https"),
            submit("btn_login", l("ok")),
        ),
    };
    html(page(ctx, l("login"), &format!("{msg}{form}")))
}

fn login(ctx: &Ctx) -> Response {
    let now = ctx.dev.inner.clock.unix();
    let lang = ctx.lang;
    let mut st = ctx.dev.state();
    if let Some(until) = st.locked_until {
        if until > now {
            drop(st);
            return login_page(ctx, Some(t(lang, "try_later")));
        }
        st.locked_until = None;
        st.failed_logins = 0;
    }
    let ok = match ctx.family {
        Family::Business => {
            field(&ctx.form, "INPUTT_USERNAME") == Some("admin")
                && field(&ctx.form, "INPUTT_PASSWORD") == Some(st.admin_password.as_str())
        }
        Family::Consumer => field(&ctx.form, "session") == Some(st.admin_password.as_str()),
    };
    if !ok {
        st.failed_logins += 1;
        let locked = st.failed_logins >= super::LOCKOUT_AFTER;
        if locked {
            st.locked_until = Some(now + super::LOCKOUT_SECS);
        }
        drop(st);
        let msg = if locked {
            t(lang, "try_later")
        } else if ctx.family == Family::Business {
            t(lang, "incorrect")
        } else {
            t(lang, "incorrect_pw")
        };
        return login_page(ctx, Some(msg));
    }
    st.failed_logins = 0;
    let sid = match ctx.family {
        Family::Business => new_token(),
        Family::Consumer => format!("session&{}", uuid::Uuid::new_v4()),
    };
    st.sessions.insert(
        sid.clone(),
        Session {
            setup_token: new_token(),
            last_seen: now,
            draft: None,
            fax_draft: None,
        },
    );
    drop(st);
    let body = format!(
        "<div class=\"warning\">{}</div><p><a href=\"{P}/COMMON/TOP\" target=\"_top\">{}</a></p>",
        esc(t(lang, "logged_in")),
        esc(t(lang, "ok"))
    );
    let mut resp = html(page(ctx, t(lang, "login"), &body));
    let cookie = format!("{COOKIE}={sid}; Path=/; HttpOnly");
    resp.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).expect("cookie"),
    );
    resp
}

fn email_status_text(ctx: &Ctx) -> String {
    let st = ctx.dev.state();
    match (&st.stored.auth_method, &st.committed, &st.oauth) {
        (AuthMethod::OAuth2, Some((acct, _)), _) => {
            format!("{} ({})", t(ctx.lang, "signed_in"), acct)
        }
        (AuthMethod::OAuth2, None, _) => t(ctx.lang, "signed_out").to_string(),
        (AuthMethod::Off, _, _) => t(ctx.lang, "off").to_string(),
        (AuthMethod::SmtpAuth, _, _) => "SMTP AUTH".into(),
        (AuthMethod::PopBeforeSmtp, _, _) => "POP before SMTP".into(),
    }
}

fn product_status(ctx: &Ctx) -> Response {
    let id = ctx.dev.identity();
    let (fw, panel) = {
        let st = ctx.dev.state();
        (st.firmware.clone(), st.panel_message.clone())
    };
    let l = |k| t(ctx.lang, k);
    let mut body = format!(
        "<table>{}{}{}{}</table>",
        row(l("model"), "model", &esc(&id.instance_name)),
        row(l("firmware"), "fw", &esc(&fw)),
        row(l("mac"), "mac", &esc(&id.mac_hex().to_uppercase())),
        row(
            l("email_server_status"),
            "mailstatus",
            &esc(&email_status_text(ctx))
        ),
    );
    if let Some(p) = panel {
        let _ = write!(
            body,
            "<div class=\"panel\" id=\"panel-message\">{}</div>",
            esc(&p)
        );
    }
    html(page(ctx, l("product_status"), &body))
}

fn network_status(ctx: &Ctx) -> Response {
    let id = ctx.dev.identity();
    let l = |k| t(ctx.lang, k);
    let via = if ctx.dev.state().additional_network {
        l("additional_network")
    } else {
        l("standard_network")
    };
    let body = format!(
        "<table>{}{}{}{}{}</table>",
        row(l("host"), "host", &esc(&id.host_name)),
        row(l("ip"), "ip", &esc(&id.ip.to_string())),
        row(l("mac"), "mac", &esc(&id.mac_hex().to_uppercase())),
        row(l("connected_via"), "via", &esc(via)),
        row(
            l("email_server_status"),
            "mailstatus",
            &esc(&email_status_text(ctx))
        ),
    );
    html(page(ctx, l("network_status"), &body))
}

fn plain_settings_page(ctx: &Ctx, path: &str) -> Response {
    let name = path.trim_start_matches(P).trim_start_matches('/');
    let name = name.split('/').next().unwrap_or(name);
    let body = format!(
        "<form method=\"post\" action=\"{P}/{name}/SET\">{}</form>",
        hidden("INPUTT_SETUPTOKEN", &token_of(ctx))
    );
    html(page(ctx, name, &body))
}

// ---------------------------------------------------------------- Email Server > Basic

/// The form's current values: the session's unsaved draft, else what is stored.
fn draft(ctx: &Ctx) -> MailSettings {
    let st = ctx.dev.state();
    ctx.session
        .as_ref()
        .and_then(|sid| st.sessions.get(sid))
        .and_then(|s| s.draft.clone())
        .unwrap_or_else(|| st.stored.clone())
}

fn set_draft(ctx: &Ctx, m: Option<MailSettings>) {
    if let Some(sid) = &ctx.session {
        if let Some(s) = ctx.dev.state().sessions.get_mut(sid) {
            s.draft = m;
        }
    }
}

fn auth_options(ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    let fam = ctx.family;
    let mut v = vec![
        (s::auth_value(fam, AuthMethod::Off), t(ctx.lang, "off")),
        (s::auth_value(fam, AuthMethod::SmtpAuth), "SMTP AUTH"),
        (
            s::auth_value(fam, AuthMethod::PopBeforeSmtp),
            "POP before SMTP",
        ),
    ];
    if ctx.dev.oauth2_available() {
        v.push((s::auth_value(fam, AuthMethod::OAuth2), "OAuth2"));
    }
    v
}

/// Reads the posted form over `base`; unknown values are errors naming the field.
fn read_mail_form(ctx: &Ctx, base: &MailSettings) -> Result<MailSettings, F> {
    let fam = ctx.family;
    let get = |f: F| field(&ctx.form, s::name(fam, f));
    let mut m = base.clone();
    if let Some(v) = get(F::AuthMethod) {
        m.auth_method = s::parse_auth(fam, v).ok_or(F::AuthMethod)?;
        if m.auth_method == AuthMethod::OAuth2 && !ctx.dev.oauth2_available() {
            return Err(F::AuthMethod);
        }
    }
    if let Some(v) = get(F::Service) {
        m.email_service = s::parse_service(fam, v).ok_or(F::Service)?;
    }
    if let Some(v) = get(F::Account) {
        m.account = v.to_string();
    }
    if let Some(v) = get(F::Password) {
        m.password = v.to_string();
    }
    if let Some(v) = get(F::Sender) {
        m.sender = v.to_string();
    }
    if let Some(v) = get(F::SmtpServer) {
        m.smtp_server = v.trim().to_string();
    }
    if let Some(v) = get(F::SmtpPort) {
        m.smtp_port = v.trim().parse().map_err(|_| F::SmtpPort)?;
    }
    if let Some(v) = get(F::Secure) {
        m.secure = s::parse_secure(fam, v).ok_or(F::Secure)?;
    }
    if let Some(v) = get(F::CertValidation) {
        m.cert_validation = s::parse_cert(fam, v).ok_or(F::CertValidation)?;
    }
    if let Some(v) = get(F::Pop3Server) {
        m.pop3_server = v.trim().to_string();
    }
    if let Some(v) = get(F::Pop3Port) {
        m.pop3_port = v.trim().parse().map_err(|_| F::Pop3Port)?;
    }
    if m.auth_method == AuthMethod::OAuth2 {
        // With OAuth2 the device uses the service's submission server (as the page
        // shows once signed in); these values are not the admin's to choose.
        m.smtp_server = "smtp-mail.outlook.com".into();
        m.smtp_port = 587;
        m.secure = Secure::Starttls;
    }
    s::validate(&m).map_err(|s::Invalid(f)| f)?;
    Ok(m)
}

fn field_label(ctx: &Ctx, f: F) -> &'static str {
    let k = match f {
        F::AuthMethod => "auth_method",
        F::Service => "email_service",
        F::Account => "auth_account",
        F::Password => "auth_password",
        F::Sender => "sender",
        F::SmtpServer => "smtp_server",
        F::SmtpPort => "smtp_port",
        F::Secure => "secure",
        F::CertValidation => "cert_validation",
        F::Pop3Server => "pop3_server",
        F::Pop3Port => "pop3_port",
    };
    t(ctx.lang, k)
}

fn invalid_msg(ctx: &Ctx, f: F) -> String {
    format!("{}: {}", t(ctx.lang, "invalid"), field_label(ctx, f))
}

fn mail_page(ctx: &Ctx, message: Option<(&str, String)>) -> Response {
    let fam = ctx.family;
    let m = draft(ctx);
    let l = |k| t(ctx.lang, k);
    let n = |f| s::name(fam, f);
    let oauth = ctx.dev.state().oauth.clone();
    let mut body = String::new();
    if let Some((class, text)) = message {
        let _ = write!(body, "<div class=\"{class}\">{}</div>", esc(&text));
    }
    let _ = write!(
        body,
        "<form method=\"post\" action=\"{P}/NWS_MAIL_BASIC/SET\" id=\"mailform\">{}<table>",
        hidden("INPUTT_SETUPTOKEN", &token_of(ctx))
    );
    body.push_str(&row(
        l("auth_method"),
        n(F::AuthMethod),
        &select(
            n(F::AuthMethod),
            &auth_options(ctx),
            s::auth_value(fam, m.auth_method),
        ),
    ));
    if ctx.dev.oauth2_available() {
        // The OAuth2 part of the page (shown by the page's script when OAuth2 is chosen).
        body.push_str("<tbody id=\"oauth2-settings\" data-show-when=\"OAuth2\">");
        body.push_str(&row(
            l("email_service"),
            n(F::Service),
            &select(
                n(F::Service),
                &[
                    (
                        s::service_value(fam, EmailService::ExchangeOnline),
                        "Microsoft Exchange Online",
                    ),
                    (
                        s::service_value(fam, EmailService::OutlookCom),
                        "Outlook.com",
                    ),
                ],
                s::service_value(fam, m.email_service),
            ),
        ));
        let _ = write!(
            body,
            "<tr><td colspan=\"2\" class=\"note\">{}</td></tr>",
            esc(l("other_services_warning"))
        );
        let (status, button) = match &oauth {
            OAuthState::SignedIn { .. } => (l("signed_in"), submit("btn_signout", l("sign_out"))),
            _ => (l("signed_out"), submit("btn_signin", l("sign_in"))),
        };
        body.push_str(&row(
            l("current_status"),
            "current_status",
            &format!(
                "<span id=\"current_status\">{}</span> {button}",
                esc(status)
            ),
        ));
        if let OAuthState::SignedIn { account, .. } = &oauth {
            body.push_str(&row(
                l("auth_account"),
                "oauth_account",
                &format!("<span id=\"oauth_account\">{}</span>", esc(account)),
            ));
        }
        if let OAuthState::Expired { .. } = &oauth {
            let _ = write!(
                body,
                "<tr><td colspan=\"2\" class=\"error\">{}</td></tr>",
                esc(l("signin_expired"))
            );
        }
        body.push_str("</tbody>");
    }
    body.push_str("<tbody id=\"password-settings\">");
    body.push_str(&row(
        l("auth_account"),
        n(F::Account),
        &text_input(n(F::Account), &m.account, "text", 255),
    ));
    body.push_str(&row(
        l("auth_password"),
        n(F::Password),
        &text_input(n(F::Password), "", "password", 20),
    ));
    body.push_str("</tbody>");
    body.push_str(&row(
        l("sender"),
        n(F::Sender),
        &text_input(n(F::Sender), &m.sender, "text", 255),
    ));
    body.push_str(&row(
        l("smtp_server"),
        n(F::SmtpServer),
        &text_input(n(F::SmtpServer), &m.smtp_server, "text", 255),
    ));
    body.push_str(&row(
        l("smtp_port"),
        n(F::SmtpPort),
        &text_input(n(F::SmtpPort), &m.smtp_port.to_string(), "text", 5),
    ));
    body.push_str(&row(
        l("secure"),
        n(F::Secure),
        &secure_select(ctx, n(F::Secure), m.secure),
    ));
    body.push_str(&row(
        l("cert_validation"),
        n(F::CertValidation),
        &select(
            n(F::CertValidation),
            &[
                (s::cert_value(fam, true), l("enable")),
                (s::cert_value(fam, false), l("disable")),
            ],
            s::cert_value(fam, m.cert_validation),
        ),
    ));
    body.push_str(&row(
        l("pop3_server"),
        n(F::Pop3Server),
        &text_input(n(F::Pop3Server), &m.pop3_server, "text", 255),
    ));
    body.push_str(&row(
        l("pop3_port"),
        n(F::Pop3Port),
        &text_input(n(F::Pop3Port), &m.pop3_port.to_string(), "text", 5),
    ));
    let _ = write!(
        body,
        "</table><p class=\"note\">{}</p><p>{}</p></form>",
        esc(l("ca_note")),
        submit("btn_ok", l("ok"))
    );
    // Progressive enhancement for people: hide the parts that do not apply.
    let oauth_value = s::auth_value(fam, AuthMethod::OAuth2);
    let _ = write!(
        body,
        "<script>(function(){{var s=document.getElementById('{a}');function u(){{var o=s.value==='{oauth_value}';\
var x=document.getElementById('oauth2-settings');if(x)x.style.display=o?'':'none';\
var y=document.getElementById('password-settings');if(y)y.style.display=o?'none':'';}}s.addEventListener('change',u);u();}})();</script>",
        a = n(F::AuthMethod)
    );
    html(page(
        ctx,
        &format!("{} > {}", l("email_server"), l("basic")),
        &body,
    ))
}

/// The Secure Connection select (Email Server and Fax Server pages alike).
fn secure_select(ctx: &Ctx, name: &str, value: Secure) -> String {
    let fam = ctx.family;
    select(
        name,
        &[
            (s::secure_value(fam, Secure::None), t(ctx.lang, "none")),
            (s::secure_value(fam, Secure::Starttls), "STARTTLS"),
            (s::secure_value(fam, Secure::SslTls), "SSL/TLS"),
        ],
        s::secure_value(fam, value),
    )
}

fn additional_network_refusal(ctx: &Ctx) -> Option<Response> {
    let additional = ctx.dev.state().additional_network;
    additional.then(|| {
        mail_page(
            ctx,
            Some((
                "error",
                t(ctx.lang, "oauth_unsupported_network").to_string(),
            )),
        )
    })
}

async fn mail_set(ctx: &Ctx) -> Response {
    if !token_ok(ctx) {
        return stale(ctx);
    }
    let pressed = |b: &str| field(&ctx.form, b).is_some();
    let base = draft(ctx);
    let m = match read_mail_form(ctx, &base) {
        Ok(m) => m,
        Err(f) => return mail_page(ctx, Some(("error", invalid_msg(ctx, f)))),
    };
    set_draft(ctx, Some(m.clone()));
    let l = |k| t(ctx.lang, k);

    if pressed("btn_signout") {
        let mut st = ctx.dev.state();
        st.oauth = OAuthState::SignedOut;
        st.committed = None;
        drop(st);
        return mail_page(ctx, None);
    }
    if pressed("btn_signin") || pressed("btn_msft") {
        if m.auth_method != AuthMethod::OAuth2 {
            return mail_page(ctx, Some(("error", invalid_msg(ctx, F::AuthMethod))));
        }
        if let Some(r) = additional_network_refusal(ctx) {
            return r;
        }
    }
    if pressed("btn_signin") {
        // Any other email service signed in is signed out automatically.
        {
            let mut st = ctx.dev.state();
            if let OAuthState::SignedIn { service, .. } = &st.oauth {
                if *service != m.email_service {
                    st.oauth = OAuthState::SignedOut;
                }
            }
        }
        let body = format!(
            "<form method=\"post\" action=\"{P}/NWS_MAIL_BASIC/SET\">{}<p>{}</p><p>{} {}</p></form>",
            hidden("INPUTT_SETUPTOKEN", &token_of(ctx)),
            esc(l("other_services_warning")),
            submit("btn_msft", l("sign_in_ms")),
            submit("btn_back", l("back")),
        );
        return html(page(
            ctx,
            &format!("{} > {}", l("email_server"), l("sign_in")),
            &body,
        ));
    }
    if pressed("btn_msft") {
        return match mail::start_sign_in(&ctx.dev, m.email_service).await {
            Ok(()) => oauth_page(ctx),
            Err(e) => mail_page(ctx, Some(("error", format!("{} {e}", l("signin_failed"))))),
        };
    }
    if pressed("btn_ok") {
        if m.auth_method == AuthMethod::OAuth2 {
            if let Some(r) = additional_network_refusal(ctx) {
                return r;
            }
        }
        return confirm_page(ctx, &m);
    }
    mail_page(ctx, None)
}

fn confirm_page(ctx: &Ctx, m: &MailSettings) -> Response {
    let fam = ctx.family;
    let l = |k| t(ctx.lang, k);
    let n = |f| s::name(fam, f);
    let auth_label = match m.auth_method {
        AuthMethod::Off => l("off"),
        AuthMethod::SmtpAuth => "SMTP AUTH",
        AuthMethod::PopBeforeSmtp => "POP before SMTP",
        AuthMethod::OAuth2 => "OAuth2",
    };
    let mut rows = String::new();
    rows.push_str(&row(l("auth_method"), "c_auth", &esc(auth_label)));
    if m.auth_method == AuthMethod::OAuth2 {
        let svc = match m.email_service {
            EmailService::ExchangeOnline => "Microsoft Exchange Online",
            EmailService::OutlookCom => "Outlook.com",
        };
        rows.push_str(&row(l("email_service"), "c_svc", svc));
    }
    rows.push_str(&row(l("sender"), "c_sender", &esc(&m.sender)));
    rows.push_str(&row(l("smtp_server"), "c_server", &esc(&m.smtp_server)));
    rows.push_str(&row(l("smtp_port"), "c_port", &m.smtp_port.to_string()));
    let mut hiddens = hidden("INPUTT_SETUPTOKEN", &token_of(ctx));
    for (f, v) in [
        (F::AuthMethod, s::auth_value(fam, m.auth_method).to_string()),
        (
            F::Service,
            s::service_value(fam, m.email_service).to_string(),
        ),
        (F::Account, m.account.clone()),
        (F::Password, m.password.clone()),
        (F::Sender, m.sender.clone()),
        (F::SmtpServer, m.smtp_server.clone()),
        (F::SmtpPort, m.smtp_port.to_string()),
        (F::Secure, s::secure_value(fam, m.secure).to_string()),
        (
            F::CertValidation,
            s::cert_value(fam, m.cert_validation).to_string(),
        ),
        (F::Pop3Server, m.pop3_server.clone()),
        (F::Pop3Port, m.pop3_port.to_string()),
    ] {
        hiddens.push_str(&hidden(n(f), &v));
    }
    let body = format!(
        "<p>{}</p><table>{rows}</table><form method=\"post\" action=\"{P}/NWS_MAIL_BASIC/CONFIRM\">{hiddens}<p>{}</p></form>\
<p><a href=\"{P}/NWS_MAIL_BASIC/TOP\">{}</a></p>",
        esc(l("confirm_title")),
        submit("btn_confirm", l("ok")),
        esc(l("back")),
    );
    html(page(
        ctx,
        &format!("{} > {}", l("email_server"), l("basic")),
        &body,
    ))
}

fn shutting_down(ctx: &Ctx) -> Response {
    ctx.dev.restart();
    html(page(
        ctx,
        t(ctx.lang, "title"),
        &format!(
            "<div class=\"warning\">{}</div>",
            esc(t(ctx.lang, "shutting_down"))
        ),
    ))
}

fn take_restart_fault(ctx: &Ctx) -> bool {
    let mut st = ctx.dev.state();
    std::mem::take(&mut st.faults.restart_on_next_save)
}

fn mail_confirm(ctx: &Ctx) -> Response {
    if !token_ok(ctx) {
        return stale(ctx);
    }
    let base = draft(ctx);
    let m = match read_mail_form(ctx, &base) {
        Ok(m) => m,
        Err(f) => return mail_page(ctx, Some(("error", invalid_msg(ctx, f)))),
    };
    if m.auth_method == AuthMethod::OAuth2 {
        if let Some(r) = additional_network_refusal(ctx) {
            return r;
        }
    }
    if take_restart_fault(ctx) {
        return shutting_down(ctx);
    }
    {
        let mut st = ctx.dev.state();
        st.committed = match (&m.auth_method, &st.oauth) {
            (
                AuthMethod::OAuth2,
                OAuthState::SignedIn {
                    account, tokens, ..
                },
            ) => Some((account.clone(), tokens.clone())),
            _ => None,
        };
        if m.auth_method != AuthMethod::OAuth2 || st.committed.is_some() {
            st.panel_message = None;
        }
        st.stored = m;
    }
    set_draft(ctx, None);
    let l = |k| t(ctx.lang, k);
    let body = format!(
        "<div class=\"warning\">{}</div><p><a href=\"{P}/NWS_MAIL_BASIC/TOP\">{}</a></p>",
        esc(l("setup_complete")),
        esc(l("ok"))
    );
    html(page(
        ctx,
        &format!("{} > {}", l("email_server"), l("basic")),
        &body,
    ))
}

/// The sign-in sub-page: the code and URL while the device polls, then the result.
fn oauth_page(ctx: &Ctx) -> Response {
    let l = |k| t(ctx.lang, k);
    let oauth = ctx.dev.state().oauth.clone();
    let mut body = String::new();
    let mut refresh = false;
    match &oauth {
        OAuthState::Pending {
            user_code,
            verification_uri,
            ..
        } => {
            refresh = true;
            let prompt = l("device_code_prompt")
                .replace("{url}", verification_uri)
                .replace("{code}", user_code);
            let _ = write!(
                body,
                "<p id=\"device-code-message\">{}</p>{}{}<p>{}</p>",
                esc(&prompt),
                row(
                    l("auth_code"),
                    "user_code",
                    &format!("<strong id=\"user_code\">{}</strong>", esc(user_code))
                ),
                format_args!(
                    "<p><a id=\"verification_uri\" href=\"{0}\" target=\"_blank\">{0}</a></p>",
                    esc(verification_uri)
                ),
                esc(l("waiting"))
            );
            let _ = write!(
                body,
                "{}",
                row(
                    l("current_status"),
                    "current_status",
                    &format!(
                        "<span id=\"current_status\">{}</span>",
                        esc(l("signed_out"))
                    )
                )
            );
        }
        OAuthState::SignedIn { account, .. } => {
            let _ = write!(
                body,
                "<table>{}{}</table>",
                row(
                    l("current_status"),
                    "current_status",
                    &format!("<span id=\"current_status\">{}</span>", esc(l("signed_in")))
                ),
                row(
                    l("auth_account"),
                    "oauth_account",
                    &format!("<span id=\"oauth_account\">{}</span>", esc(account))
                ),
            );
        }
        OAuthState::Failed { description, .. } => {
            let _ = write!(
                body,
                "<div class=\"error\">{} {}</div><table>{}</table>",
                esc(l("signin_failed")),
                esc(description),
                row(
                    l("current_status"),
                    "current_status",
                    &format!(
                        "<span id=\"current_status\">{}</span>",
                        esc(l("signed_out"))
                    )
                ),
            );
        }
        OAuthState::SignedOut | OAuthState::Expired { .. } => {
            let _ = write!(
                body,
                "<table>{}</table>",
                row(
                    l("current_status"),
                    "current_status",
                    &format!(
                        "<span id=\"current_status\">{}</span>",
                        esc(l("signed_out"))
                    )
                ),
            );
        }
    }
    let _ = write!(
        body,
        "<p><a href=\"{P}/NWS_MAIL_OAUTH/TOP\">{}</a> <a href=\"{P}/NWS_MAIL_BASIC/TOP\">{}</a></p>",
        esc(l("reload")),
        esc(l("back"))
    );
    if refresh {
        body.insert_str(
            0,
            &format!("<meta http-equiv=\"refresh\" content=\"5; url={P}/NWS_MAIL_OAUTH/TOP\">"),
        );
    }
    html(page(
        ctx,
        &format!("{} > {}", l("email_server"), l("sign_in_ms")),
        &body,
    ))
}

fn conn_test_page(ctx: &Ctx, result: Option<(&str, String)>) -> Response {
    let l = |k| t(ctx.lang, k);
    let mut body = String::new();
    if let Some((class, text)) = result {
        let _ = write!(
            body,
            "<div class=\"{class}\" id=\"test-result\">{}</div>",
            esc(&text)
        );
    }
    let _ = write!(
        body,
        "<form method=\"post\" action=\"{P}/NWS_MAIL_CONNECTTEST/SET\">{}<p>{}</p></form>",
        hidden("INPUTT_SETUPTOKEN", &token_of(ctx)),
        submit("btn_start", l("start"))
    );
    html(page(
        ctx,
        &format!("{} > {}", l("email_server"), l("connection_test")),
        &body,
    ))
}

async fn conn_test(ctx: &Ctx) -> Response {
    if !token_ok(ctx) {
        return stale(ctx);
    }
    match ctx.dev.connection_test().await {
        Ok(msg) => conn_test_page(ctx, Some(("warning", msg))),
        Err(e) => conn_test_page(
            ctx,
            Some(("error", format!("{} {e}", t(ctx.lang, "test_failed")))),
        ),
    }
}

// ---------------------------------------------------------------- Fax > Fax Server

fn fax_names(fam: Family) -> [&'static str; 6] {
    match fam {
        Family::Business => [
            "SEL_FAXAUTHMETHOD",
            "INPUTT_FAXACCOUNT",
            "INPUTT_FAXSENDER",
            "INPUTT_FAXSMTPSERVER",
            "INPUTT_FAXSMTPPORT",
            "SEL_FAXSECURE",
        ],
        Family::Consumer => [
            "SEL_FSAUTH",
            "INPUTT_FSACCOUNT",
            "INPUTT_FSFROM",
            "INPUTT_FSSMTPADDR",
            "INPUTT_FSSMTPPORT",
            "SEL_FSSECURITY",
        ],
    }
}

fn fax_draft(ctx: &Ctx) -> super::FaxMailSettings {
    let st = ctx.dev.state();
    ctx.session
        .as_ref()
        .and_then(|sid| st.sessions.get(sid))
        .and_then(|s| s.fax_draft.clone())
        .unwrap_or_else(|| st.fax_stored.clone())
}

fn fax_page(ctx: &Ctx, message: Option<(&str, String)>) -> Response {
    let fam = ctx.family;
    let [na, nacc, nsend, nsrv, nport, nsec] = fax_names(fam);
    let m = fax_draft(ctx);
    let l = |k| t(ctx.lang, k);
    let mut body = String::new();
    if let Some((class, text)) = message {
        let _ = write!(body, "<div class=\"{class}\">{}</div>", esc(&text));
    }
    let _ = write!(
        body,
        "<form method=\"post\" action=\"{P}/FAX_SERVER_MAIL/SET\">{}<table>{}{}{}{}{}{}</table><p>{}</p></form>",
        hidden("INPUTT_SETUPTOKEN", &token_of(ctx)),
        row(l("auth_method"), na, &select(na, &auth_options(ctx), s::auth_value(fam, m.auth_method))),
        row(l("auth_account"), nacc, &text_input(nacc, &m.account, "text", 255)),
        row(l("sender"), nsend, &text_input(nsend, &m.sender, "text", 255)),
        row(l("smtp_server"), nsrv, &text_input(nsrv, &m.smtp_server, "text", 255)),
        row(l("smtp_port"), nport, &text_input(nport, &m.smtp_port.to_string(), "text", 5)),
        row(
            l("secure"),
            nsec,
            &secure_select(ctx, nsec, m.secure)
        ),
        submit("btn_ok", l("ok")),
    );
    html(page(
        ctx,
        &format!(
            "{} > {} > {}",
            l("tab_fax"),
            l("fax_server"),
            l("email_server_settings")
        ),
        &body,
    ))
}

fn read_fax_form(ctx: &Ctx) -> Result<super::FaxMailSettings, F> {
    let fam = ctx.family;
    let [na, nacc, nsend, nsrv, nport, nsec] = fax_names(fam);
    let mut m = fax_draft(ctx);
    if let Some(v) = field(&ctx.form, na) {
        m.auth_method = s::parse_auth(fam, v).ok_or(F::AuthMethod)?;
        if m.auth_method == AuthMethod::OAuth2 && !ctx.dev.oauth2_available() {
            return Err(F::AuthMethod);
        }
    }
    if let Some(v) = field(&ctx.form, nacc) {
        m.account = v.to_string();
    }
    if let Some(v) = field(&ctx.form, nsend) {
        m.sender = v.to_string();
    }
    if let Some(v) = field(&ctx.form, nsrv) {
        m.smtp_server = v.trim().to_string();
    }
    if let Some(v) = field(&ctx.form, nport) {
        m.smtp_port = v.trim().parse().map_err(|_| F::SmtpPort)?;
    }
    if let Some(v) = field(&ctx.form, nsec) {
        m.secure = s::parse_secure(fam, v).ok_or(F::Secure)?;
    }
    let check = MailSettings {
        auth_method: m.auth_method,
        account: m.account.clone(),
        sender: m.sender.clone(),
        smtp_server: m.smtp_server.clone(),
        smtp_port: m.smtp_port,
        secure: m.secure,
        ..MailSettings::factory()
    };
    s::validate(&check).map_err(|s::Invalid(f)| f)?;
    Ok(m)
}

fn fax_set(ctx: &Ctx) -> Response {
    if !token_ok(ctx) {
        return stale(ctx);
    }
    let m = match read_fax_form(ctx) {
        Ok(m) => m,
        Err(f) => return fax_page(ctx, Some(("error", invalid_msg(ctx, f)))),
    };
    if m.auth_method == AuthMethod::OAuth2 && ctx.dev.state().additional_network {
        return fax_page(
            ctx,
            Some((
                "error",
                t(ctx.lang, "oauth_unsupported_network").to_string(),
            )),
        );
    }
    if let Some(sid) = &ctx.session {
        if let Some(s) = ctx.dev.state().sessions.get_mut(sid) {
            s.fax_draft = Some(m.clone());
        }
    }
    let fam = ctx.family;
    let [na, nacc, nsend, nsrv, nport, nsec] = fax_names(fam);
    let l = |k| t(ctx.lang, k);
    let mut hiddens = hidden("INPUTT_SETUPTOKEN", &token_of(ctx));
    for (n, v) in [
        (na, s::auth_value(fam, m.auth_method).to_string()),
        (nacc, m.account.clone()),
        (nsend, m.sender.clone()),
        (nsrv, m.smtp_server.clone()),
        (nport, m.smtp_port.to_string()),
        (nsec, s::secure_value(fam, m.secure).to_string()),
    ] {
        hiddens.push_str(&hidden(n, &v));
    }
    let body = format!(
        "<p>{}</p><form method=\"post\" action=\"{P}/FAX_SERVER_MAIL/CONFIRM\">{hiddens}<p>{}</p></form>",
        esc(l("confirm_title")),
        submit("btn_confirm", l("ok"))
    );
    html(page(
        ctx,
        &format!("{} > {}", l("tab_fax"), l("fax_server")),
        &body,
    ))
}

fn fax_confirm(ctx: &Ctx) -> Response {
    if !token_ok(ctx) {
        return stale(ctx);
    }
    let m = match read_fax_form(ctx) {
        Ok(m) => m,
        Err(f) => return fax_page(ctx, Some(("error", invalid_msg(ctx, f)))),
    };
    if take_restart_fault(ctx) {
        return shutting_down(ctx);
    }
    ctx.dev.state().fax_stored = m;
    if let Some(sid) = &ctx.session {
        if let Some(s) = ctx.dev.state().sessions.get_mut(sid) {
            s.fax_draft = None;
        }
    }
    let l = |k| t(ctx.lang, k);
    html(page(
        ctx,
        &format!("{} > {}", l("tab_fax"), l("fax_server")),
        &format!("<div class=\"warning\">{}</div>", esc(l("setup_complete"))),
    ))
}

// ---------------------------------------------------------------- Job history

fn job_history(ctx: &Ctx) -> Response {
    let l = |k| t(ctx.lang, k);
    let jobs = ctx.dev.state().jobs.clone();
    let mut body = String::from(
        "<table id=\"jobhistory\"><tr><th>Receipt No.</th><th>Date/Time</th><th>Type</th><th>Result</th><th>To</th></tr>",
    );
    for j in jobs.iter().rev() {
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            j.receipt_no,
            esc(&j.at.format("%Y-%m-%d %H:%M:%S").to_string()),
            esc(&j.kind),
            esc(&j.result_text()),
            esc(&j.to)
        );
    }
    let _ = write!(
        body,
        "</table><form method=\"post\" action=\"{P}/INFO_JOBHISTORY/OUTPUT.CSV\">{}{}<p>{}</p></form>",
        hidden("INPUTT_SETUPTOKEN", &token_of(ctx)),
        select("INPUTD_HISTORYTYPE", &[("ALL", "All")], "ALL"),
        submit("btn_export", l("export_csv"))
    );
    html(page(ctx, l("job_status"), &body))
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn job_csv(ctx: &Ctx) -> Response {
    if !token_ok(ctx) {
        return stale(ctx);
    }
    let jobs = ctx.dev.state().jobs.clone();
    let mut out =
        String::from("Receipt No.,Date/Time,Completed,Type,Result,Pages,From,To,File Name\r\n");
    for j in &jobs {
        let when = j.at.format("%Y/%m/%d %H:%M:%S").to_string();
        let _ = write!(
            out,
            "{},{},{},{},{},{},{},{},{}\r\n",
            j.receipt_no,
            when,
            when,
            csv_cell(&j.kind),
            csv_cell(&j.result_text()),
            j.pages,
            csv_cell(&j.from),
            csv_cell(&j.to),
            csv_cell(&j.file_name)
        );
    }
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"jobhistory.csv\"",
            ),
        ],
        out,
    )
        .into_response()
}
