//! Web Config's pages: TOP renders a page, SET receives its form. Every settings page
//! needs an administrator session (cookie EPSON_COOKIE_SESSION) and carries a hidden
//! INPUTT_SETUPTOKEN bound to that session; without a session any protected page
//! answers the log-in form in its place (same URL, HTTP 200).
//!
//! From captures and public scripts: the log-in endpoints and their fields (business:
//! INPUTT_USERNAME with a blank default, INPUTT_PASSWORD, INPUTT_ACCSESSMETHOD=0,
//! INPUTT_DUMMY=, access=https, SEL_SESSIONTYPE on newer firmware; consumer: session,
//! from=top, trigger=set, access=https, dummy=), the cookie, the setup token,
//! SEL_LANGA posted to COMMON/TOP with values 1 English, 2 Français, 3 Italiano, 4
//! Deutsch, saving in one step or through `confirm_form`, "Setup complete." in a
//! `div.warning`, "Shutting down" from network settings, the job history CSV export.
//!
//! ASSUMED (not public): the Email Server pages' paths and field names
//! (NWS_MAIL_BASIC, the sign-in sub-pages NWS_MAIL_SIGNIN / NWS_MAIL_SIGNOUT /
//! NWS_MAIL_OAUTH, the per-family names in `settings.rs`), how the sign-in sub-page
//! refreshes (a GET `refresh_form` with `tm`, as other captured pages do), the
//! Fax Server page, the wording of messages other than those the guide quotes, that a
//! log-in post missing one of its form's fields is refused like a wrong password
//! (without counting towards the lock-out), and that a non-administrator session type
//! logs in without access to the administrator's pages.

use std::fmt::Write as _;

use axum::body::Bytes;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;

use super::labels::t;
use super::markup::{self as mk, row, text_row, Block, Button, Call, Form, Page, Section, Value};
use super::settings::{self as s, AuthMethod, EmailService, FormValue, MailSettings, Secure, F};
use super::{mail, Device, OAuthState, Session, TestFailure};
use crate::config::Lang;
use crate::html::{esc, field, parse_form};
use crate::models::{Family, JobCsv, Markup, ModelSpec, SaveStyle, SessionType, Vendor};

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
    markup: Markup,
    /// The session id when the request carries a live administrator session.
    session: Option<String>,
    form: Vec<(String, String)>,
}

impl Ctx {
    fn spec(&self) -> &'static ModelSpec {
        self.dev.spec()
    }
    fn l(&self, key: &str) -> &'static str {
        t(self.lang, key)
    }
    fn captured(&self) -> bool {
        self.markup == Markup::Captured
    }
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
    crate::http::cookie(headers, COOKIE)
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
        let fail = crate::http::take_one(&mut st.faults.http_500_next);
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
        // A general user's session opens no administrator page.
        s.admin.then_some(c)
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
        markup: dev.spec().markup,
        dev,
        session,
        form,
    };
    let path = uri.path().to_string();
    let is_post = method == Method::POST;

    if ctx.spec().vendor != Vendor::Epson {
        // Other vendors' devices have web servers of their own, not Web Config:
        // a page naming the vendor and model at "/", nothing under /PRESENTATION.
        return match (is_post, path.as_str()) {
            (false, "/") => other_vendor_home(&ctx),
            _ => not_found(),
        };
    }
    match (is_post, path.as_str()) {
        (false, "/") => redirect("/PRESENTATION/HTML/TOP/INDEX.HTML"),
        (false, "/PRESENTATION/BONJOUR") => bonjour(&ctx),
        (false, "/PRESENTATION/HTML/TOP/INDEX.HTML") => basic_index(&ctx),
        (_, "/PRESENTATION/ADVANCED/COMMON/TOP") => common_top(ctx, is_post),
        (false, "/PRESENTATION/ADVANCED/COMMON/HEADER") => header_page(&ctx),
        (false, "/PRESENTATION/ADVANCED/COMMON/MENU") => menu_page(&ctx),
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
        _ if ctx.spec().vendor != Vendor::Epson => not_found(),
        _ if path.starts_with(P) && ctx.session.is_none() => {
            login_page(&ctx, Some(("information", ctx.l("login_required"))))
        }
        (false, "/PRESENTATION/ADVANCED/NWS_MAIL_BASIC/TOP") => mail_page(&ctx, None),
        (true, "/PRESENTATION/ADVANCED/NWS_MAIL_BASIC/SET") => mail_set(&ctx),
        (true, "/PRESENTATION/ADVANCED/NWS_MAIL_BASIC/CONFIRM") => mail_confirm(&ctx),
        (_, "/PRESENTATION/ADVANCED/NWS_MAIL_SIGNIN/TOP") => {
            if is_post && !token_ok(&ctx) {
                return stale(&ctx);
            }
            signin_page(&ctx, None)
        }
        (true, "/PRESENTATION/ADVANCED/NWS_MAIL_SIGNIN/SET") => signin_start(&ctx).await,
        (true, "/PRESENTATION/ADVANCED/NWS_MAIL_SIGNOUT/SET") => signout(&ctx),
        (false, "/PRESENTATION/ADVANCED/NWS_MAIL_OAUTH/TOP") => oauth_page(&ctx),
        (false, "/PRESENTATION/ADVANCED/NWS_MAIL_CONNECTTEST/TOP") => conn_test_page(&ctx, None),
        (true, "/PRESENTATION/ADVANCED/NWS_MAIL_CONNECTTEST/SET") => conn_test(&ctx).await,
        (false, "/PRESENTATION/ADVANCED/FAX_SERVER_MAIL/TOP") if ctx.spec().fax => {
            fax_page(&ctx, None)
        }
        (true, "/PRESENTATION/ADVANCED/FAX_SERVER_MAIL/SET") if ctx.spec().fax => fax_set(&ctx),
        (true, "/PRESENTATION/ADVANCED/FAX_SERVER_MAIL/CONFIRM") if ctx.spec().fax => {
            fax_confirm(&ctx)
        }
        (false, "/PRESENTATION/ADVANCED/INFO_JOBHISTORY/TOP") => job_history(&ctx),
        (true, "/PRESENTATION/ADVANCED/INFO_JOBHISTORY/OUTPUT.CSV") => job_csv(&ctx),
        (false, "/PRESENTATION/ADVANCED/NW_BASIC/TOP") => nw_basic(&ctx),
        (false, "/PRESENTATION/ADVANCED/NW_SERVICE_PRTCL/TOP") => nw_protocol(&ctx),
        (
            true,
            "/PRESENTATION/ADVANCED/NW_BASIC/SET" | "/PRESENTATION/ADVANCED/NW_SERVICE_PRTCL/SET",
        ) => {
            if !token_ok(&ctx) {
                return stale(&ctx);
            }
            shutting_down(&ctx)
        }
        (false, "/PRESENTATION/ADVANCED/NWS_CERT_SSLTLS/TOP") => cert_page(&ctx),
        (false, "/PRESENTATION/ADVANCED/ADMIN_PASSWORDSET_CHANGE/TOP") => {
            admin_password_page(&ctx, None)
        }
        (true, "/PRESENTATION/ADVANCED/ADMIN_PASSWORDSET_CHANGE/SET") => admin_password_set(&ctx),
        _ => not_found(),
    }
}

// ---------------------------------------------------------------- page frame

fn vendor_name(spec: &ModelSpec) -> &'static str {
    match spec.vendor {
        Vendor::Epson => "EPSON",
        Vendor::Brother => "Brother",
        Vendor::Hp => "HP",
        Vendor::Canon => "Canon",
    }
}

/// The home page of another vendor's device: its own look, the vendor and model in
/// the title and heading.
fn other_vendor_home(ctx: &Ctx) -> Response {
    let spec = ctx.spec();
    let name = format!("{} {}", vendor_name(spec), spec.name);
    html(format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{n}</title></head>\
<body><div id=\"top\"><h1>{n}</h1><p>{}</p></div></body></html>\n",
        esc(ctx.l("title")),
        n = esc(&name)
    ))
}

fn render(ctx: &Ctx, page: &Page) -> Response {
    let spec = ctx.spec();
    let frame = mk::Frame {
        markup: ctx.markup,
        lang: ctx.lang,
        model: spec.name,
        vendor: vendor_name(spec),
        language_label: ctx.l("language"),
        change_label: ctx.l("change"),
    };
    html(mk::render(&frame, page))
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

fn token_hidden(ctx: &Ctx) -> Vec<(String, String)> {
    vec![("INPUTT_SETUPTOKEN".to_string(), token_of(ctx))]
}

fn token_ok(ctx: &Ctx) -> bool {
    let posted = field(&ctx.form, "INPUTT_SETUPTOKEN").unwrap_or("");
    !posted.is_empty() && posted == token_of(ctx)
}

fn stale(ctx: &Ctx) -> Response {
    let mut page = Page::new(ctx.l("title"));
    page.blocks.push(Block::Message {
        class: "error",
        text: ctx.l("stale_token").into(),
    });
    page.blocks.push(Block::Link {
        href: format!("{P}/PASSWORD/TOP"),
        text: ctx.l("login").into(),
    });
    render(ctx, &page)
}

fn title2(ctx: &Ctx, a: &str, b: &str) -> String {
    format!("{} > {}", ctx.l(a), ctx.l(b))
}

// ---------------------------------------------------------------- basic pages

fn bonjour(ctx: &Ctx) -> Response {
    let mut page = Page::new(ctx.l("title"));
    page.lang_form = false;
    page.blocks.push(Block::Link {
        href: format!("{P}/COMMON/TOP"),
        text: ctx.l("advanced").into(),
    });
    if ctx.captured() {
        page.script = format!("location.replace('{P}/COMMON/TOP');\n");
    } else {
        page.refresh = Some((0, format!("{P}/COMMON/TOP")));
    }
    render(ctx, &page)
}

fn basic_index(ctx: &Ctx) -> Response {
    let id = ctx.dev.identity();
    let mut page = Page::new(ctx.l("title"));
    page.blocks.push(Block::Section(Section::rows(vec![
        text_row(ctx.l("host"), &id.host_name),
        text_row(ctx.l("ip"), &id.ip.to_string()),
    ])));
    page.blocks.push(Block::Link {
        href: format!("{P}/COMMON/TOP"),
        text: ctx.l("advanced").into(),
    });
    render(ctx, &page)
}

/// The menu: plain links into the content frame.
fn menu_html(ctx: &Ctx, target: &str) -> String {
    let l = |k: &str| esc(ctx.l(k));
    let a = |path: &str, k: &str| {
        format!(
            "<li><a href=\"{P}/{path}\" target=\"{target}\">{}</a></li>",
            l(k)
        )
    };
    let mut out = String::from("<ul id=\"menu\">\n");
    let _ = writeln!(
        out,
        "<li>{}<ul>{}{}</ul></li>",
        l("tab_status"),
        a("INFO_PRTINFO/TOP", "product_status"),
        a("INFO_NWINFO/TOP", "network_status")
    );
    let _ = writeln!(
        out,
        "<li>{}<ul>{}{}<li>{}<ul>{}{}</ul></li></ul></li>",
        l("tab_network"),
        a("NW_BASIC/TOP", "nw_basic"),
        a("NW_SERVICE_PRTCL/TOP", "nw_protocol"),
        l("email_server"),
        a("NWS_MAIL_BASIC/TOP", "basic"),
        a("NWS_MAIL_CONNECTTEST/TOP", "connection_test")
    );
    let _ = writeln!(
        out,
        "<li>{}<ul>{}</ul></li>",
        l("tab_network_security"),
        a("NWS_CERT_SSLTLS/TOP", "ssl_tls")
    );
    if ctx.spec().fax {
        let _ = writeln!(
            out,
            "<li>{}<ul><li>{}<ul>{}</ul></li></ul></li>",
            l("tab_fax"),
            l("fax_server"),
            a("FAX_SERVER_MAIL/TOP", "email_server_settings")
        );
    }
    let _ = writeln!(
        out,
        "<li>{}<ul>{}</ul></li>",
        l("tab_device"),
        a("ADMIN_PASSWORDSET_CHANGE/TOP", "change_admin_pw")
    );
    let _ = writeln!(
        out,
        "<li>{}<ul>{}</ul></li>\n</ul>",
        l("tab_job"),
        a("INFO_JOBHISTORY/TOP", "job_status")
    );
    out
}

fn login_link(ctx: &Ctx, target: &str) -> String {
    if ctx.session.is_some() {
        format!(
            "<a href=\"{P}/COMMON/LOGOUT\" target=\"_top\">{}</a>",
            esc(ctx.l("logout"))
        )
    } else {
        format!(
            "<a href=\"{P}/PASSWORD/TOP\" target=\"{target}\">{}</a>",
            esc(ctx.l("login"))
        )
    }
}

fn common_top(mut ctx: Ctx, is_post: bool) -> Response {
    if is_post {
        if let Some(l) = field(&ctx.form, "SEL_LANGA").and_then(Lang::from_selanga) {
            ctx.dev.state().lang = l;
            ctx.lang = l;
        }
    }
    let model = ctx.spec().name;
    match ctx.markup {
        Markup::Captured => {
            // Newer business firmware: the model in h1#model_name, pages in the frame
            // named target_INFO.
            let frame = mk::Frame {
                markup: ctx.markup,
                lang: ctx.lang,
                model,
                vendor: vendor_name(ctx.spec()),
                language_label: ctx.l("language"),
                change_label: ctx.l("change"),
            };
            let mut out = mk::captured_head(ctx.lang, model, "");
            let _ = write!(
                out,
                "<BODY>\n<div class=\"header\">\n<h1 id=\"model_name\">{}</h1>\n<div class=\"login\">{}</div>\n{}</div>\n\
<div class=\"menu\">\n{}</div>\n<div class=\"contents\">\n\
<iframe name=\"target_INFO\" id=\"target_INFO\" src=\"{P}/INFO_PRTINFO/TOP\" title=\"{}\"></iframe>\n</div>\n</BODY>\n</HTML>\n",
                esc(model),
                login_link(&ctx, "target_INFO"),
                mk::captured_lang_form(&frame),
                menu_html(&ctx, "target_INFO"),
                esc(ctx.l("title"))
            );
            html(out)
        }
        Markup::Legacy => html(format!(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{} - {}</title></head>\n\
<frameset rows=\"90,*\">\n<frame name=\"header\" src=\"{P}/COMMON/HEADER\">\n\
<frameset cols=\"240,*\">\n<frame name=\"menu\" src=\"{P}/COMMON/MENU\">\n\
<frame name=\"contents\" src=\"{P}/INFO_PRTINFO/TOP\">\n</frameset>\n</frameset>\n</html>\n",
            esc(ctx.l("title")),
            esc(model)
        )),
    }
}

fn header_page(ctx: &Ctx) -> Response {
    let mut page = Page::new(ctx.l("title"));
    page.blocks.push(Block::Raw(format!(
        "<div id=\"login\">{}</div>\n",
        login_link(ctx, "contents")
    )));
    render(ctx, &page)
}

fn menu_page(ctx: &Ctx) -> Response {
    let mut page = Page::new(ctx.l("title"));
    page.lang_form = false;
    page.blocks.push(Block::Raw(menu_html(ctx, "contents")));
    render(ctx, &page)
}

fn logout(ctx: &Ctx) -> Response {
    if let Some(sid) = &ctx.session {
        ctx.dev.state().sessions.remove(sid);
    }
    redirect(&format!("{P}/COMMON/TOP"))
}

// ---------------------------------------------------------------- log-in

/// The administrator log-in form; shown in place of any protected page.
fn login_page(ctx: &Ctx, message: Option<(&'static str, &str)>) -> Response {
    let spec = ctx.spec();
    let mut page = Page::new(ctx.l("admin_login"));
    page.lang_form = false;
    if let Some((class, text)) = message {
        page.blocks.push(Block::Message {
            class,
            text: text.to_string(),
        });
    }
    let form = match ctx.family {
        Family::Business => {
            let mut hidden = vec![
                ("INPUTT_ACCSESSMETHOD".to_string(), "0".to_string()),
                ("INPUTT_DUMMY".to_string(), String::new()),
                ("access".to_string(), "https".to_string()),
            ];
            let mut rows = Vec::new();
            match spec.session_type {
                SessionType::Absent => {}
                SessionType::Hidden => hidden.push(("SEL_SESSIONTYPE".into(), "ADMIN".into())),
                SessionType::Select => rows.push(row(
                    ctx.l("session_type"),
                    Value::select(
                        "SEL_SESSIONTYPE",
                        &[
                            ("ADMIN", ctx.l("administrator")),
                            ("USER", ctx.l("general_user")),
                        ],
                        "ADMIN",
                    ),
                )),
            }
            // The factory-default administrator user name is blank.
            rows.push(row(
                ctx.l("user_name"),
                Value::input("INPUTT_USERNAME", "", "text", 20),
            ));
            rows.push(row(
                ctx.l("current_password"),
                Value::input("INPUTT_PASSWORD", "", "password", 20),
            ));
            let mut f = Form::post("login_form", format!("{P}/PASSWORD/SET"), hidden);
            f.sections.push(Section::rows(rows));
            f
        }
        Family::Consumer => {
            let hidden = vec![
                ("from".to_string(), "top".to_string()),
                ("trigger".to_string(), "set".to_string()),
                ("access".to_string(), "https".to_string()),
                ("dummy".to_string(), String::new()),
            ];
            let mut f = Form::post("login_form", "/PRESENTATION/PSWD".to_string(), hidden);
            f.sections.push(Section::rows(vec![row(
                ctx.l("current_password"),
                Value::input("session", "", "password", 20),
            )]));
            f
        }
    };
    page.blocks.push(Block::Form(form));
    page.footer.push(Button::new(
        ctx.l("ok"),
        "login_form",
        "btn_login",
        Call::Function("OnSetButton"),
    ));
    render(ctx, &page)
}

/// The fields a log-in post must carry, as the family's form sends them.
fn login_fields(spec: &ModelSpec) -> Vec<&'static str> {
    match spec.family {
        Family::Business => {
            let mut v = vec![
                "INPUTT_USERNAME",
                "INPUTT_PASSWORD",
                "INPUTT_ACCSESSMETHOD",
                "INPUTT_DUMMY",
                "access",
            ];
            if spec.session_type != SessionType::Absent {
                v.push("SEL_SESSIONTYPE");
            }
            v
        }
        Family::Consumer => vec!["session", "from", "trigger", "access", "dummy"],
    }
}

fn login(ctx: &Ctx) -> Response {
    let now = ctx.dev.inner.clock.unix();
    let spec = ctx.spec();
    let refused = if ctx.family == Family::Business {
        ctx.l("incorrect")
    } else {
        ctx.l("incorrect_pw")
    };
    // Like an embedded server, the device takes only a complete form.
    if login_fields(spec)
        .iter()
        .any(|f| field(&ctx.form, f).is_none())
    {
        return login_page(ctx, Some(("error", refused)));
    }
    let mut st = ctx.dev.state();
    if let Some(until) = st.locked_until {
        if until > now {
            drop(st);
            return login_page(ctx, Some(("error", ctx.l("try_later"))));
        }
        st.locked_until = None;
        st.failed_logins = 0;
    }
    let ok = match ctx.family {
        Family::Business => {
            field(&ctx.form, "INPUTT_USERNAME") == Some(st.admin_user.as_str())
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
        let msg = if locked { ctx.l("try_later") } else { refused };
        return login_page(ctx, Some(("error", msg)));
    }
    st.failed_logins = 0;
    let admin = spec.family == Family::Consumer
        || spec.session_type == SessionType::Absent
        || field(&ctx.form, "SEL_SESSIONTYPE") == Some("ADMIN");
    let sid = match ctx.family {
        Family::Business => new_token(),
        Family::Consumer => format!("session&{}", uuid::Uuid::new_v4()),
    };
    st.sessions.insert(
        sid.clone(),
        Session {
            setup_token: new_token(),
            last_seen: now,
            admin,
            draft: None,
            fax_draft: None,
        },
    );
    drop(st);
    let mut page = Page::new(ctx.l("admin_login"));
    page.blocks.push(Block::Message {
        class: "information",
        text: ctx
            .l(if admin { "logged_in" } else { "logged_in_user" })
            .into(),
    });
    page.blocks.push(Block::Link {
        href: format!("{P}/COMMON/TOP"),
        text: ctx.l("ok").into(),
    });
    let mut resp = render(ctx, &page);
    let cookie = format!("{COOKIE}={sid}; Path=/; HttpOnly");
    resp.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).expect("cookie"),
    );
    resp
}

// ---------------------------------------------------------------- status pages

fn product_status(ctx: &Ctx) -> Response {
    let (fw, panel) = {
        let st = ctx.dev.state();
        (st.firmware.clone(), st.panel_message.clone())
    };
    let mut rows = vec![text_row(
        ctx.l("printer_status"),
        panel.as_deref().unwrap_or(ctx.l("available")),
    )];
    if ctx.spec().scanner {
        rows.push(text_row(ctx.l("scanner_status"), ctx.l("available")));
    }
    rows.push(text_row(ctx.l("firmware"), &fw));
    let mut page = Page::new(ctx.l("product_status"));
    page.blocks.push(Block::Section(Section::rows(rows)));
    render(ctx, &page)
}

fn fmt_mac(mac: [u8; 6]) -> String {
    mac.iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// Network Status: one tab per interface. The interface the client came in on shows
/// the address it connected to; the other shows a documentation-range address.
fn network_status(ctx: &Ctx) -> Response {
    let id = ctx.dev.identity();
    let additional = ctx.dev.state().additional_network;
    let spec = ctx.spec();
    let other = format!("192.0.2.{}", 10 + ctx.dev.index() % 240);
    let here = id.ip.to_string();
    let mut extra_mac = id.mac;
    extra_mac[5] = extra_mac[5].wrapping_add(1);
    let pane = |ip: &str, mac: [u8; 6]| {
        vec![
            text_row(ctx.l("host"), &id.host_name),
            text_row(ctx.l("ip"), ip),
            text_row(ctx.l("mac"), &fmt_mac(mac)),
        ]
    };
    let mut tabs = Vec::new();
    if spec.additional_network_capable || additional {
        let (std_ip, add_ip) = if additional {
            (other.as_str(), here.as_str())
        } else {
            (here.as_str(), other.as_str())
        };
        tabs.push((ctx.l("wired_lan").to_string(), pane(std_ip, id.mac)));
        tabs.push((
            ctx.l("additional_network_tab").to_string(),
            pane(add_ip, extra_mac),
        ));
    } else {
        tabs.push((ctx.l("wired_lan").to_string(), pane(&here, id.mac)));
    }
    let mut page = Page::new(ctx.l("network_status"));
    page.blocks.push(Block::Tabs(tabs));
    render(ctx, &page)
}

// ---------------------------------------------------------------- network settings

fn nw_basic(ctx: &Ctx) -> Response {
    let id = ctx.dev.identity();
    let mut f = Form::post("input_form", format!("{P}/NW_BASIC/SET"), token_hidden(ctx));
    f.sections.push(Section::rows(vec![
        row(
            ctx.l("host"),
            Value::input("INPUTT_DEVICENAME", &id.host_name, "text", 53),
        ),
        row(
            ctx.l("ip_method"),
            Value::select(
                "SEL_IPADDRMETHOD",
                &[("AUTO", ctx.l("auto")), ("MANUAL", ctx.l("manual"))],
                "AUTO",
            ),
        ),
        text_row(ctx.l("ip"), &id.ip.to_string()),
    ]));
    let mut page = Page::new(title2(ctx, "tab_network", "nw_basic"));
    page.blocks.push(Block::Form(f));
    page.footer
        .push(Button::new(ctx.l("ok"), "input_form", "btn_ok", Call::ById));
    render(ctx, &page)
}

fn nw_protocol(ctx: &Ctx) -> Response {
    let id = ctx.dev.identity();
    let mut f = Form::post(
        "input_form",
        format!("{P}/NW_SERVICE_PRTCL/SET"),
        token_hidden(ctx),
    );
    f.sections.push(Section::rows(vec![row(
        ctx.l("bonjour_name"),
        Value::input("INPUTT_BONJOURNAME", &id.instance_name, "text", 63),
    )]));
    let mut page = Page::new(title2(ctx, "tab_network", "nw_protocol"));
    page.blocks.push(Block::Form(f));
    page.footer.push(Button::new(
        ctx.l("ok"),
        "input_form",
        "btn_ok",
        Call::Forms,
    ));
    render(ctx, &page)
}

fn cert_page(ctx: &Ctx) -> Response {
    let mut page = Page::new(ctx.l("ssl_tls"));
    page.blocks.push(Block::Section(Section::rows(vec![
        text_row(ctx.l("issuer"), ctx.l("self_signed")),
        text_row(ctx.l("host"), &ctx.dev.identity().host_name),
    ])));
    render(ctx, &page)
}

fn admin_password_page(ctx: &Ctx, message: Option<(&'static str, String)>) -> Response {
    let mut page = Page::new(ctx.l("change_admin_pw"));
    if let Some((class, text)) = message {
        page.blocks.push(Block::Message { class, text });
    }
    let mut f = Form::post(
        "input_form",
        format!("{P}/ADMIN_PASSWORDSET_CHANGE/SET"),
        token_hidden(ctx),
    );
    f.sections.push(Section::rows(vec![
        row(
            ctx.l("current_password"),
            Value::input("INPUTT_CURRENTPASSWORD", "", "password", 20),
        ),
        row(
            ctx.l("new_password"),
            Value::input("INPUTT_NEWPASSWORD", "", "password", 20),
        ),
        row(
            ctx.l("confirm_password"),
            Value::input("INPUTT_CONFIRMPASSWORD", "", "password", 20),
        ),
    ]));
    page.blocks.push(Block::Form(f));
    page.footer.push(Button::new(
        ctx.l("ok"),
        "input_form",
        "btn_ok",
        Call::DocName,
    ));
    render(ctx, &page)
}

fn admin_password_set(ctx: &Ctx) -> Response {
    if !token_ok(ctx) {
        return stale(ctx);
    }
    let get = |n| field(&ctx.form, n).unwrap_or("");
    let new = get("INPUTT_NEWPASSWORD");
    let ok = {
        let st = ctx.dev.state();
        get("INPUTT_CURRENTPASSWORD") == st.admin_password
            && !new.is_empty()
            && new.len() <= 20
            && new == get("INPUTT_CONFIRMPASSWORD")
    };
    if !ok {
        let msg = format!("{}: {}", ctx.l("invalid"), ctx.l("new_password"));
        return admin_password_page(ctx, Some(("error", msg)));
    }
    ctx.dev.state().admin_password = new.to_string();
    complete_page(
        ctx,
        ctx.l("change_admin_pw").to_string(),
        format!("{P}/ADMIN_PASSWORDSET_CHANGE/TOP"),
    )
}

fn complete_page(ctx: &Ctx, title: String, back: String) -> Response {
    let mut page = Page::new(title);
    page.blocks.push(Block::Message {
        class: "warning",
        text: ctx.l("setup_complete").into(),
    });
    page.blocks.push(Block::Link {
        href: back,
        text: ctx.l("back").into(),
    });
    render(ctx, &page)
}

fn shutting_down(ctx: &Ctx) -> Response {
    ctx.dev.restart();
    let mut page = Page::new(ctx.l("title"));
    page.lang_form = false;
    page.blocks.push(Block::Message {
        class: "warning",
        text: ctx.l("shutting_down").into(),
    });
    render(ctx, &page)
}

fn take_restart_fault(ctx: &Ctx) -> bool {
    let mut st = ctx.dev.state();
    std::mem::take(&mut st.faults.restart_on_next_save)
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
        (AuthMethod::Off.form_value(fam), ctx.l("off")),
        (AuthMethod::SmtpAuth.form_value(fam), "SMTP AUTH"),
        (AuthMethod::PopBeforeSmtp.form_value(fam), "POP before SMTP"),
    ];
    if ctx.dev.oauth2_available() {
        v.push((AuthMethod::OAuth2.form_value(fam), "OAuth2"));
    }
    v
}

fn service_label(svc: EmailService) -> &'static str {
    match svc {
        EmailService::ExchangeOnline => "Microsoft Exchange Online",
        EmailService::OutlookCom => "Outlook.com",
    }
}

fn service_select(ctx: &Ctx, selected: EmailService) -> Value {
    let fam = ctx.family;
    let opts: Vec<(&str, &str)> = [EmailService::ExchangeOnline, EmailService::OutlookCom]
        .into_iter()
        .map(|svc| (svc.form_value(fam), service_label(svc)))
        .collect();
    Value::select(s::name(fam, F::Service), &opts, selected.form_value(fam))
}

/// Reads the posted form over `base`; unknown values are errors naming the field.
fn read_mail_form(ctx: &Ctx, base: &MailSettings) -> Result<MailSettings, F> {
    let fam = ctx.family;
    let get = |f: F| field(&ctx.form, s::name(fam, f));
    let mut m = base.clone();
    if let Some(v) = get(F::AuthMethod) {
        m.auth_method = AuthMethod::from_form(fam, v).ok_or(F::AuthMethod)?;
        if m.auth_method == AuthMethod::OAuth2 && !ctx.dev.oauth2_available() {
            return Err(F::AuthMethod);
        }
    }
    if let Some(v) = get(F::Service) {
        m.email_service = EmailService::from_form(fam, v).ok_or(F::Service)?;
    }
    if let Some(v) = get(F::Account) {
        m.account = v.to_string();
    }
    // The password field is shown empty: empty keeps the stored password.
    if let Some(v) = get(F::Password).filter(|v| !v.is_empty()) {
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
        m.secure = Secure::from_form(fam, v).ok_or(F::Secure)?;
    }
    if let Some(v) = get(F::CertValidation) {
        m.cert_validation = bool::from_form(fam, v).ok_or(F::CertValidation)?;
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
    ctx.l(k)
}

fn invalid_msg(ctx: &Ctx, f: F) -> String {
    format!("{}: {}", ctx.l("invalid"), field_label(ctx, f))
}

/// The Secure Connection select (Email Server and Fax Server pages alike).
fn secure_select(ctx: &Ctx, name: &str, value: Secure) -> Value {
    let fam = ctx.family;
    Value::select(
        name,
        &[
            (Secure::None.form_value(fam), ctx.l("none")),
            (Secure::Starttls.form_value(fam), "STARTTLS"),
            (Secure::SslTls.form_value(fam), "SSL/TLS"),
        ],
        value.form_value(fam),
    )
}

fn mail_title(ctx: &Ctx) -> String {
    title2(ctx, "email_server", "basic")
}

fn mail_page(ctx: &Ctx, message: Option<(&'static str, String)>) -> Response {
    let fam = ctx.family;
    let m = draft(ctx);
    let l = |k: &str| ctx.l(k);
    let n = |f| s::name(fam, f);
    let oauth = ctx.dev.state().oauth.clone();
    let mut page = Page::new(mail_title(ctx));
    if let Some((class, text)) = message {
        page.blocks.push(Block::Message { class, text });
    }
    let mut form = Form::post(
        "input_form",
        format!("{P}/NWS_MAIL_BASIC/SET"),
        token_hidden(ctx),
    );
    form.sections.push(Section::rows(vec![row(
        l("auth_method"),
        Value::select(
            n(F::AuthMethod),
            &auth_options(ctx),
            m.auth_method.form_value(fam),
        ),
    )]));
    let oauth2 = ctx.dev.oauth2_available();
    if oauth2 {
        // The OAuth2 part (the page's script shows it when OAuth2 is chosen).
        form.sections.push(Section {
            id: Some("oauth2-service"),
            rows: vec![row(
                l("email_service"),
                service_select(ctx, m.email_service),
            )],
            notes: vec![l("other_services_warning").into()],
        });
        let signed_in = matches!(oauth, OAuthState::SignedIn { .. });
        let button = if signed_in {
            Button::new(l("sign_out"), "signout_form", "btn_signout", Call::Forms)
        } else {
            Button::new(l("sign_in"), "signin_form", "btn_signin", Call::DocName)
        };
        let status = if signed_in {
            l("signed_in")
        } else {
            l("signed_out")
        };
        let mut rows = vec![row(
            l("current_status"),
            Value::TextButton(status.into(), button),
        )];
        if let OAuthState::SignedIn { account, .. } = &oauth {
            rows.push(text_row(l("auth_account"), account));
        }
        let mut notes = Vec::new();
        if let OAuthState::Expired { .. } = &oauth {
            notes.push(l("signin_expired").to_string());
        }
        form.sections.push(Section {
            id: Some("oauth2-status"),
            rows,
            notes,
        });
    }
    form.sections.push(Section {
        id: Some("password-settings"),
        rows: vec![
            row(
                l("auth_account"),
                Value::input(n(F::Account), &m.account, "text", 255),
            ),
            row(
                l("auth_password"),
                Value::input(n(F::Password), "", "password", 20),
            ),
        ],
        notes: Vec::new(),
    });
    let mut notes = vec![l("ca_note").to_string()];
    // The guide's note, as plain text, wherever OAuth2 is offered or an additional
    // interface exists: it mentions the additional network on every such device, so
    // the mention says nothing about how this device is reached.
    if oauth2 || ctx.spec().additional_network_capable {
        notes.push(l("additional_note").to_string());
    }
    form.sections.push(Section {
        id: Some("server-settings"),
        rows: vec![
            row(
                l("sender"),
                Value::input(n(F::Sender), &m.sender, "text", 255),
            ),
            row(
                l("smtp_server"),
                Value::input(n(F::SmtpServer), &m.smtp_server, "text", 255),
            ),
            row(
                l("smtp_port"),
                Value::input(n(F::SmtpPort), &m.smtp_port.to_string(), "text", 5),
            ),
            row(l("secure"), secure_select(ctx, n(F::Secure), m.secure)),
            row(
                l("cert_validation"),
                Value::select(
                    n(F::CertValidation),
                    &[
                        (true.form_value(fam), l("enable")),
                        (false.form_value(fam), l("disable")),
                    ],
                    m.cert_validation.form_value(fam),
                ),
            ),
            row(
                l("pop3_server"),
                Value::input(n(F::Pop3Server), &m.pop3_server, "text", 255),
            ),
            row(
                l("pop3_port"),
                Value::input(n(F::Pop3Port), &m.pop3_port.to_string(), "text", 5),
            ),
        ],
        notes,
    });
    page.blocks.push(Block::Form(form));
    if oauth2 && ctx.captured() {
        // Sign In / Sign Out submit a small form of their own.
        let signed_in = matches!(oauth, OAuthState::SignedIn { .. });
        page.blocks.push(Block::Form(if signed_in {
            Form::post(
                "signout_form",
                format!("{P}/NWS_MAIL_SIGNOUT/SET"),
                token_hidden(ctx),
            )
        } else {
            Form::post(
                "signin_form",
                format!("{P}/NWS_MAIL_SIGNIN/TOP"),
                token_hidden(ctx),
            )
        }));
    }
    page.footer
        .push(Button::new(l("ok"), "input_form", "btn_ok", Call::ById));
    // For people: hide the parts that do not apply to the chosen method.
    let oauth_value = AuthMethod::OAuth2.form_value(fam);
    page.script = format!(
        "function updateAuth() {{\n  var s = document.getElementById('{a}'); if (!s) {{ return; }}\n  var o = (s.value == '{oauth_value}');\n\
  var ids = ['oauth2-service', 'oauth2-status'];\n  for (var i = 0; i < ids.length; i++) {{ var x = document.getElementById(ids[i]); if (x) {{ x.style.display = o ? '' : 'none'; }} }}\n\
  var y = document.getElementById('password-settings'); if (y) {{ y.style.display = o ? 'none' : ''; }}\n}}\n\
window.onload = function() {{ var s = document.getElementById('{a}'); if (s) {{ s.onchange = updateAuth; }} updateAuth(); }};\n",
        a = n(F::AuthMethod)
    );
    render(ctx, &page)
}

fn additional_network_refusal(ctx: &Ctx) -> Option<Response> {
    let additional = ctx.dev.state().additional_network;
    additional.then(|| {
        mail_page(
            ctx,
            Some(("error", ctx.l("oauth_unsupported_network").to_string())),
        )
    })
}

/// OK on Email Server > Basic (and, on the legacy layout, Sign In / Sign Out, which
/// post the same form with their button's name).
fn mail_set(ctx: &Ctx) -> Response {
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

    if pressed("btn_signout") {
        sign_out(ctx);
        return mail_page(ctx, None);
    }
    if pressed("btn_signin") {
        if m.auth_method != AuthMethod::OAuth2 {
            return mail_page(ctx, Some(("error", invalid_msg(ctx, F::AuthMethod))));
        }
        return signin_page(ctx, Some(m.email_service));
    }
    if m.auth_method == AuthMethod::OAuth2 {
        if let Some(r) = additional_network_refusal(ctx) {
            return r;
        }
    }
    match ctx.spec().save_style {
        SaveStyle::Immediate => apply_mail(ctx, m),
        SaveStyle::Confirm => confirm_page(ctx, &m),
    }
}

fn confirm_page(ctx: &Ctx, m: &MailSettings) -> Response {
    let fam = ctx.family;
    let l = |k: &str| ctx.l(k);
    let n = |f| s::name(fam, f);
    let auth_label = match m.auth_method {
        AuthMethod::Off => l("off"),
        AuthMethod::SmtpAuth => "SMTP AUTH",
        AuthMethod::PopBeforeSmtp => "POP before SMTP",
        AuthMethod::OAuth2 => "OAuth2",
    };
    let mut rows = vec![text_row(l("auth_method"), auth_label)];
    if m.auth_method == AuthMethod::OAuth2 {
        rows.push(text_row(l("email_service"), service_label(m.email_service)));
    }
    rows.push(text_row(l("sender"), &m.sender));
    rows.push(text_row(l("smtp_server"), &m.smtp_server));
    rows.push(text_row(l("smtp_port"), &m.smtp_port.to_string()));
    let mut hidden = token_hidden(ctx);
    for (f, v) in [
        (F::AuthMethod, m.auth_method.form_value(fam).to_string()),
        (F::Service, m.email_service.form_value(fam).to_string()),
        (F::Account, m.account.clone()),
        (F::Password, m.password.clone()),
        (F::Sender, m.sender.clone()),
        (F::SmtpServer, m.smtp_server.clone()),
        (F::SmtpPort, m.smtp_port.to_string()),
        (F::Secure, m.secure.form_value(fam).to_string()),
        (
            F::CertValidation,
            m.cert_validation.form_value(fam).to_string(),
        ),
        (F::Pop3Server, m.pop3_server.clone()),
        (F::Pop3Port, m.pop3_port.to_string()),
    ] {
        hidden.push((n(f).to_string(), v));
    }
    let mut page = Page::new(mail_title(ctx));
    page.blocks.push(Block::Note(l("confirm_title").into()));
    page.blocks.push(Block::Section(Section::rows(rows)));
    page.blocks.push(Block::Form(Form::post(
        "confirm_form",
        format!("{P}/NWS_MAIL_BASIC/CONFIRM"),
        hidden,
    )));
    page.footer.push(Button::new(
        l("ok"),
        "confirm_form",
        "btn_confirm",
        Call::Forms,
    ));
    render(ctx, &page)
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
    apply_mail(ctx, m)
}

/// Stores the settings; with OAuth2 and a sign-in to the chosen service, the tokens
/// become the ones mail uses.
fn apply_mail(ctx: &Ctx, m: MailSettings) -> Response {
    if take_restart_fault(ctx) {
        return shutting_down(ctx);
    }
    {
        let mut st = ctx.dev.state();
        st.committed = match (&m.auth_method, &st.oauth) {
            (
                AuthMethod::OAuth2,
                OAuthState::SignedIn {
                    account,
                    tokens,
                    service,
                },
            ) if *service == m.email_service => Some((account.clone(), tokens.clone())),
            _ => None,
        };
        if m.auth_method != AuthMethod::OAuth2 || st.committed.is_some() {
            st.panel_message = None;
        }
        st.stored = m;
    }
    set_draft(ctx, None);
    complete_page(ctx, mail_title(ctx), format!("{P}/NWS_MAIL_BASIC/TOP"))
}

fn sign_out(ctx: &Ctx) {
    let mut st = ctx.dev.state();
    st.oauth = OAuthState::SignedOut;
    st.committed = None;
}

fn signout(ctx: &Ctx) -> Response {
    if !token_ok(ctx) {
        return stale(ctx);
    }
    sign_out(ctx);
    mail_page(ctx, None)
}

/// The sign-in page: the warning, the Email service select and "Sign in with
/// Microsoft".
fn signin_page(ctx: &Ctx, service: Option<EmailService>) -> Response {
    if !ctx.dev.oauth2_available() {
        return mail_page(ctx, Some(("error", invalid_msg(ctx, F::AuthMethod))));
    }
    if let Some(r) = additional_network_refusal(ctx) {
        return r;
    }
    let service = service.unwrap_or_else(|| draft(ctx).email_service);
    let mut page = Page::new(title2(ctx, "email_server", "sign_in"));
    page.blocks
        .push(Block::Note(ctx.l("other_services_warning").into()));
    let mut f = Form::post(
        "input_form",
        format!("{P}/NWS_MAIL_SIGNIN/SET"),
        token_hidden(ctx),
    );
    f.sections.push(Section::rows(vec![row(
        ctx.l("email_service"),
        service_select(ctx, service),
    )]));
    page.blocks.push(Block::Form(f));
    page.footer.push(Button::new(
        ctx.l("sign_in_ms"),
        "input_form",
        "btn_msft",
        Call::DocName,
    ));
    render(ctx, &page)
}

/// "Sign in with Microsoft": the device starts its device-code sign-in for the chosen
/// service and shows the code.
async fn signin_start(ctx: &Ctx) -> Response {
    if !token_ok(ctx) {
        return stale(ctx);
    }
    if !ctx.dev.oauth2_available() {
        return mail_page(ctx, Some(("error", invalid_msg(ctx, F::AuthMethod))));
    }
    if let Some(r) = additional_network_refusal(ctx) {
        return r;
    }
    let mut m = draft(ctx);
    if let Some(v) = field(&ctx.form, s::name(ctx.family, F::Service)) {
        match EmailService::from_form(ctx.family, v) {
            Some(svc) => m.email_service = svc,
            None => return signin_page(ctx, None),
        }
    }
    let service = m.email_service;
    set_draft(ctx, Some(m));
    {
        // Any other email service signed in is signed out automatically.
        let mut st = ctx.dev.state();
        if let OAuthState::SignedIn { service: svc, .. } = &st.oauth {
            if *svc != service {
                st.oauth = OAuthState::SignedOut;
                st.committed = None;
            }
        }
    }
    match mail::start_sign_in(&ctx.dev, service).await {
        Ok(()) => oauth_page(ctx),
        Err(e) => mail_page(
            ctx,
            Some(("error", format!("{} {e}", ctx.l("signin_failed")))),
        ),
    }
}

/// The sign-in status sub-page: the code and URL while the device polls, then the
/// result.
fn oauth_page(ctx: &Ctx) -> Response {
    let l = |k: &str| ctx.l(k);
    let oauth = ctx.dev.state().oauth.clone();
    let mut page = Page::new(title2(ctx, "email_server", "sign_in_ms"));
    let status_row = |key: &str| text_row(l("current_status"), l(key));
    match &oauth {
        OAuthState::Pending {
            user_code,
            verification_uri,
            ..
        } => {
            let prompt = l("device_code_prompt")
                .replace("{url}", verification_uri)
                .replace("{code}", user_code);
            page.blocks.push(Block::Note(prompt));
            page.blocks.push(Block::Section(Section::rows(vec![
                text_row(l("auth_code"), user_code),
                row(l("verification_url"), Value::Link(verification_uri.clone())),
                status_row("signed_out"),
            ])));
            page.blocks.push(Block::Note(
                l(if ctx.captured() {
                    "waiting_refresh"
                } else {
                    "waiting"
                })
                .into(),
            ));
            if !ctx.captured() {
                page.refresh = Some((5, format!("{P}/NWS_MAIL_OAUTH/TOP")));
            }
        }
        OAuthState::SignedIn { account, .. } => {
            page.blocks.push(Block::Section(Section::rows(vec![
                status_row("signed_in"),
                text_row(l("auth_account"), account),
            ])));
        }
        OAuthState::Failed { description, .. } => {
            page.blocks.push(Block::Message {
                class: "error",
                text: format!("{} {description}", l("signin_failed")),
            });
            page.blocks
                .push(Block::Section(Section::rows(vec![status_row(
                    "signed_out",
                )])));
        }
        OAuthState::Expired { .. } => {
            page.blocks.push(Block::Message {
                class: "error",
                text: l("signin_expired").into(),
            });
            page.blocks
                .push(Block::Section(Section::rows(vec![status_row(
                    "signed_out",
                )])));
        }
        OAuthState::SignedOut => {
            page.blocks
                .push(Block::Section(Section::rows(vec![status_row(
                    "signed_out",
                )])));
        }
    }
    if ctx.captured() {
        let tm = ctx.dev.inner.clock.now().timestamp_millis().to_string();
        page.blocks.push(Block::Form(Form {
            id: "refresh_form",
            method: "get",
            action: format!("{P}/NWS_MAIL_OAUTH/TOP"),
            hidden: vec![("tm".into(), tm)],
            sections: Vec::new(),
        }));
        page.blocks.push(Block::Form(Form {
            id: "back_form",
            method: "get",
            action: format!("{P}/NWS_MAIL_BASIC/TOP"),
            hidden: Vec::new(),
            sections: Vec::new(),
        }));
        page.footer.push(Button::new(
            l("reload"),
            "refresh_form",
            "btn_refresh",
            Call::DocName,
        ));
        page.footer
            .push(Button::new(l("back"), "back_form", "btn_back", Call::ById));
    } else {
        page.blocks.push(Block::Link {
            href: format!("{P}/NWS_MAIL_OAUTH/TOP"),
            text: l("reload").into(),
        });
        page.blocks.push(Block::Link {
            href: format!("{P}/NWS_MAIL_BASIC/TOP"),
            text: l("back").into(),
        });
    }
    render(ctx, &page)
}

/// Email Server > Connection Test: the stored server, a Start button (a script
/// button outside the form, as on every page), and after a test its result message
/// in the page's language (`div.warning` for success, `div.error` for a failure),
/// followed by the server's own reply (ASSUMED: the manuals list the messages, not
/// whether the reply is quoted).
fn conn_test_page(ctx: &Ctx, result: Option<Result<(), (TestFailure, String)>>) -> Response {
    let mut page = Page::new(title2(ctx, "email_server", "connection_test"));
    match result {
        None => {}
        Some(Ok(())) => page.blocks.push(Block::Message {
            class: "warning",
            text: ctx.l("test_ok").into(),
        }),
        Some(Err((kind, detail))) => {
            page.blocks.push(Block::Message {
                class: "error",
                text: ctx.l(kind.label()).into(),
            });
            page.blocks.push(Block::Note(format!(
                "{}\u{a0}: {detail}",
                ctx.l("server_response")
            )));
        }
    }
    let server = ctx.dev.state().stored.smtp_server.clone();
    let mut f = Form::post(
        "input_form",
        format!("{P}/NWS_MAIL_CONNECTTEST/SET"),
        token_hidden(ctx),
    );
    f.sections
        .push(Section::rows(vec![text_row(ctx.l("smtp_server"), &server)]));
    page.blocks.push(Block::Form(f));
    page.footer.push(Button::new(
        ctx.l("start"),
        "input_form",
        "btn_start",
        Call::DocName,
    ));
    render(ctx, &page)
}

async fn conn_test(ctx: &Ctx) -> Response {
    if !token_ok(ctx) {
        return stale(ctx);
    }
    let outcome = ctx.dev.connection_test_outcome().await;
    conn_test_page(ctx, Some(outcome))
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

fn fax_title(ctx: &Ctx) -> String {
    format!(
        "{} > {} > {}",
        ctx.l("tab_fax"),
        ctx.l("fax_server"),
        ctx.l("email_server_settings")
    )
}

fn fax_page(ctx: &Ctx, message: Option<(&'static str, String)>) -> Response {
    let fam = ctx.family;
    let [na, nacc, nsend, nsrv, nport, nsec] = fax_names(fam);
    let m = fax_draft(ctx);
    let l = |k: &str| ctx.l(k);
    let mut page = Page::new(fax_title(ctx));
    if let Some((class, text)) = message {
        page.blocks.push(Block::Message { class, text });
    }
    let mut f = Form::post(
        "input_form",
        format!("{P}/FAX_SERVER_MAIL/SET"),
        token_hidden(ctx),
    );
    f.sections.push(Section::rows(vec![
        row(
            l("auth_method"),
            Value::select(na, &auth_options(ctx), m.auth_method.form_value(fam)),
        ),
        row(
            l("auth_account"),
            Value::input(nacc, &m.account, "text", 255),
        ),
        row(l("sender"), Value::input(nsend, &m.sender, "text", 255)),
        row(
            l("smtp_server"),
            Value::input(nsrv, &m.smtp_server, "text", 255),
        ),
        row(
            l("smtp_port"),
            Value::input(nport, &m.smtp_port.to_string(), "text", 5),
        ),
        row(l("secure"), secure_select(ctx, nsec, m.secure)),
    ]));
    page.blocks.push(Block::Form(f));
    page.footer
        .push(Button::new(l("ok"), "input_form", "btn_ok", Call::Forms));
    render(ctx, &page)
}

fn read_fax_form(ctx: &Ctx) -> Result<super::FaxMailSettings, F> {
    let fam = ctx.family;
    let [na, nacc, nsend, nsrv, nport, nsec] = fax_names(fam);
    let mut m = fax_draft(ctx);
    if let Some(v) = field(&ctx.form, na) {
        m.auth_method = AuthMethod::from_form(fam, v).ok_or(F::AuthMethod)?;
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
        m.secure = Secure::from_form(fam, v).ok_or(F::Secure)?;
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

fn set_fax_draft(ctx: &Ctx, m: Option<super::FaxMailSettings>) {
    if let Some(sid) = &ctx.session {
        if let Some(s) = ctx.dev.state().sessions.get_mut(sid) {
            s.fax_draft = m;
        }
    }
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
            Some(("error", ctx.l("oauth_unsupported_network").to_string())),
        );
    }
    if ctx.spec().save_style == SaveStyle::Immediate {
        return apply_fax(ctx, m);
    }
    set_fax_draft(ctx, Some(m.clone()));
    let fam = ctx.family;
    let [na, nacc, nsend, nsrv, nport, nsec] = fax_names(fam);
    let l = |k: &str| ctx.l(k);
    let mut hidden = token_hidden(ctx);
    for (n, v) in [
        (na, m.auth_method.form_value(fam).to_string()),
        (nacc, m.account.clone()),
        (nsend, m.sender.clone()),
        (nsrv, m.smtp_server.clone()),
        (nport, m.smtp_port.to_string()),
        (nsec, m.secure.form_value(fam).to_string()),
    ] {
        hidden.push((n.to_string(), v));
    }
    let mut page = Page::new(fax_title(ctx));
    page.blocks.push(Block::Note(l("confirm_title").into()));
    page.blocks.push(Block::Section(Section::rows(vec![
        text_row(l("smtp_server"), &m.smtp_server),
        text_row(l("smtp_port"), &m.smtp_port.to_string()),
    ])));
    page.blocks.push(Block::Form(Form::post(
        "confirm_form",
        format!("{P}/FAX_SERVER_MAIL/CONFIRM"),
        hidden,
    )));
    page.footer.push(Button::new(
        l("ok"),
        "confirm_form",
        "btn_confirm",
        Call::ById,
    ));
    render(ctx, &page)
}

fn fax_confirm(ctx: &Ctx) -> Response {
    if !token_ok(ctx) {
        return stale(ctx);
    }
    match read_fax_form(ctx) {
        Ok(m) => apply_fax(ctx, m),
        Err(f) => fax_page(ctx, Some(("error", invalid_msg(ctx, f)))),
    }
}

fn apply_fax(ctx: &Ctx, m: super::FaxMailSettings) -> Response {
    if take_restart_fault(ctx) {
        return shutting_down(ctx);
    }
    ctx.dev.state().fax_stored = m;
    set_fax_draft(ctx, None);
    complete_page(ctx, fax_title(ctx), format!("{P}/FAX_SERVER_MAIL/TOP"))
}

// ---------------------------------------------------------------- Job history

fn job_history(ctx: &Ctx) -> Response {
    let l = |k: &str| ctx.l(k);
    let jobs = ctx.dev.state().jobs.clone();
    let mut page = Page::new(title2(ctx, "tab_job", "job_status"));
    if jobs.is_empty() {
        page.blocks.push(Block::Note(l("no_jobs").into()));
    }
    page.blocks.push(Block::Table {
        headers: [
            "receipt_no",
            "date_time",
            "job_type",
            "result",
            "pages",
            "to",
        ]
        .iter()
        .map(|k| l(k).to_string())
        .collect(),
        rows: jobs
            .iter()
            .rev()
            .map(|j| {
                vec![
                    j.receipt_no.to_string(),
                    j.at.format("%Y/%m/%d %H:%M:%S").to_string(),
                    job_kind(ctx, &j.kind),
                    job_result(ctx, j),
                    j.pages_text(),
                    j.to.clone(),
                ]
            })
            .collect(),
    });
    let mut f = Form::post(
        "export_form",
        format!("{P}/INFO_JOBHISTORY/OUTPUT.CSV"),
        token_hidden(ctx),
    );
    f.sections.push(Section::rows(vec![row(
        l("history_type"),
        Value::select("INPUTD_HISTORYTYPE", &[("ALL", l("all"))], "ALL"),
    )]));
    page.blocks.push(Block::Form(f));
    page.footer.push(Button::new(
        l("export_csv"),
        "export_form",
        "btn_export",
        Call::ById,
    ));
    render(ctx, &page)
}

/// The job type as the page shows it, in the page's language.
fn job_kind(ctx: &Ctx, kind: &str) -> String {
    match kind {
        "Scan to Email" => ctx.l("scan_to_email").to_string(),
        other => other.to_string(),
    }
}

/// The result as the page shows it: the guide's codes stay, the words are localised.
/// (The CSV export keeps Web Config's English column names and results.)
fn job_result(ctx: &Ctx, j: &mail::Job) -> String {
    match &j.result {
        mail::JobResult::Succeeded => ctx.l("succeeded").to_string(),
        mail::JobResult::Failed { code, detail } => {
            let first = detail.lines().next().unwrap_or("").trim();
            match code {
                Some(c) => format!("{} {c}: {first}", ctx.l("error")),
                None => format!("{}: {first}", ctx.l("error")),
            }
        }
    }
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The 13 columns of the job history export (from a capture of a large business
/// model; the Titled variant's names are ASSUMED to show that names vary).
fn csv_header(style: JobCsv) -> [&'static str; 13] {
    match style {
        JobCsv::Plain => [
            "Receipt No.",
            "Date/Time",
            "Completed",
            "Type",
            "Result",
            "Pages",
            "From",
            "To",
            "File Name",
            "Total Receipt Fax Data",
            "Reference Receipt No.",
            "Receipt Number for Sending",
            "Storage",
        ],
        JobCsv::Titled => [
            "Receipt Number",
            "Date and Time",
            "Completed",
            "Job Type",
            "Result",
            "Pages",
            "From",
            "To",
            "File Name",
            "Total Receipt Fax Data",
            "Reference Receipt Number",
            "Receipt Number for Sending",
            "Storage",
        ],
    }
}

fn job_csv(ctx: &Ctx) -> Response {
    if !token_ok(ctx) {
        return stale(ctx);
    }
    let style = ctx.spec().job_csv;
    let jobs = ctx.dev.state().jobs.clone();
    let mut out = String::new();
    if style == JobCsv::Titled {
        let _ = write!(
            out,
            "Job History,{},Exported {}\r\n",
            csv_cell(ctx.spec().name),
            ctx.dev.inner.clock.now().format("%Y/%m/%d %H:%M:%S")
        );
    }
    out.push_str(&csv_header(style).join(","));
    out.push_str("\r\n");
    for j in &jobs {
        let when = j.at.format("%Y/%m/%d %H:%M:%S").to_string();
        let cells = [
            j.receipt_no.to_string(),
            when.clone(),
            when,
            j.kind.clone(),
            j.result_text(),
            j.pages_text(),
            j.from.clone(),
            j.to.clone(),
            j.file_name.clone(),
            String::new(),
            String::new(),
            String::new(),
            "-".to_string(),
        ];
        out.push_str(
            &cells
                .iter()
                .map(|c| csv_cell(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
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
