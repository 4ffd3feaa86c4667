//! The embedded sign-in window.
//!
//! When a device shows its code, this window opens the device's verification page with
//! the code already typed into the code field; the administrator signs in and consents
//! on behalf of the organisation. Devices waiting at the same time queue: the same
//! window (and its sign-in session) serves one after the other, so the administrator
//! signs in once per batch.
//!
//! The window is a remote page and is treated as one:
//! - it may navigate only to Microsoft's sign-in hosts ([`allowed`]) or, in practice
//!   mode, the emulator's origin; anything else is refused and logged;
//! - it opens no other windows;
//! - no capability names it, so it cannot invoke any command;
//! - the code is filled in by an initialization script that first checks the page's
//!   origin against the same list, and takes the code from the URL's fragment, which
//!   never reaches a server;
//! - its browsing data lives in this app run's private folder, wiped when the batch
//!   ends (see [`crate::session`]).

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Mutex;

use tauri::webview::NewWindowResponse;
use tauri::{AppHandle, Manager, WebviewUrl, WebviewWindowBuilder};
use url::Url;

use crate::error::{AppError, ErrorCode};

pub const LABEL: &str = "consent";
const WIDTH: f64 = 520.0;
const HEIGHT: f64 = 700.0;

/// Where the sign-in window goes: beside the main window (right, else left) when the
/// screen has room, so the progress and the sign-in are seen together; otherwise
/// against the screen's right edge, over the main window's right side, leaving its
/// left side (the devices' progress, the code, "Copy the code") in view.
fn sign_in_position(app: &AppHandle) -> Option<(f64, f64)> {
    let main = app.get_webview_window("main")?;
    let scale = main.scale_factor().ok()?;
    let pos = main.outer_position().ok()?.to_logical::<f64>(scale);
    let size = main.outer_size().ok()?.to_logical::<f64>(scale);
    let monitor = main.current_monitor().ok()??;
    let mpos = monitor.position().to_logical::<f64>(scale);
    let msize = monitor.size().to_logical::<f64>(scale);
    Some(place_sign_in(
        (pos.x, pos.y, size.width, size.height),
        (mpos.x, mpos.y, msize.width, msize.height),
        (WIDTH, HEIGHT),
    ))
}

/// The pure part of [`sign_in_position`]: rectangles as (x, y, width, height).
pub fn place_sign_in(
    main: (f64, f64, f64, f64),
    screen: (f64, f64, f64, f64),
    window: (f64, f64),
) -> (f64, f64) {
    const GAP: f64 = 8.0;
    let y = main
        .1
        .max(screen.1)
        .min(screen.1 + screen.3 - window.1)
        .max(screen.1);
    let right = main.0 + main.2 + GAP;
    if right + window.0 <= screen.0 + screen.2 {
        return (right, y);
    }
    let left = main.0 - GAP - window.0;
    if left >= screen.0 {
        return (left, y);
    }
    ((screen.0 + screen.2 - window.0).max(screen.0), y)
}

/// Microsoft's sign-in hosts, any path.
const SIGN_IN_HOSTS: &[&str] = &[
    "login.microsoftonline.com",
    "login.microsoft.com",
    "login.live.com",
    "account.live.com",
];
/// microsoft.com only for its code pages: /devicelogin (work accounts) and /link
/// (personal accounts).
const CODE_PAGE_HOSTS: &[&str] = &["microsoft.com", "www.microsoft.com"];
const CODE_PAGE_PATHS: &[&str] = &["/devicelogin", "/link"];
/// Domains that are Microsoft's own: a page of theirs outside the sign-in (terms,
/// privacy) is refused without a word; any other host is where a federated
/// organisation's sign-in continues.
const MICROSOFT_DOMAINS: &[&str] = &[
    "microsoft.com",
    "microsoftonline.com",
    "live.com",
    "office.com",
    "office365.com",
    "microsoft365.com",
    "windows.net",
    "azure.com",
    "msauth.net",
    "msftauth.net",
    "aka.ms",
];
/// The address the notice's "Continue in my browser" button leads to. No page is
/// ever loaded from it: the window's navigation handler takes it (with the notice's
/// one-time number) and opens the system browser. `.invalid` names nothing.
const CONTINUE_HOST: &str = "printoauth.invalid";
const CONTINUE_PATH: &str = "/continue-in-browser/";

/// A host the practice emulator stands in for, and its loopback origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PracticeHost {
    /// The real host name ("login.live.com", or a federated domain's own provider).
    pub host: String,
    /// `scheme://host:port` on loopback.
    pub origin: String,
    /// One of Microsoft's sign-in hosts (the window may show it).
    pub microsoft: bool,
}

fn origin_of(url: &Url) -> String {
    url.origin().ascii_serialization()
}

/// Whether the sign-in window may show `url`: Microsoft's sign-in hosts (any path on
/// login.microsoftonline.com, login.microsoft.com, login.live.com, account.live.com;
/// only the code pages on microsoft.com and www.microsoft.com), over HTTPS on the
/// default port without user info; in practice mode also exactly the emulator's
/// origins that stand for those hosts, and nothing else.
pub fn allowed(url: &Url, practice: &[PracticeHost]) -> bool {
    if url.as_str() == "about:blank" {
        return true;
    }
    let origin = origin_of(url);
    if practice.iter().any(|p| p.microsoft && p.origin == origin) {
        return true;
    }
    if url.scheme() != "https" || url.port().is_some_and(|p| p != 443) {
        return false;
    }
    if !url.username().is_empty() || url.password().is_some() {
        return false;
    }
    let Some(host) = url.host_str().map(|h| h.to_ascii_lowercase()) else {
        return false;
    };
    if SIGN_IN_HOSTS.contains(&host.as_str()) {
        return true;
    }
    CODE_PAGE_HOSTS.contains(&host.as_str()) && {
        let p = url.path().to_ascii_lowercase();
        CODE_PAGE_PATHS
            .iter()
            .any(|c| p == *c || p.starts_with(&format!("{c}/")))
    }
}

/// For a navigation [`allowed`] refused: the host where the sign-in continues when
/// it leaves Microsoft (a federated organisation's own sign-in page), to name in the
/// notice; `None` for Microsoft's own other pages and for anything but http(s),
/// which are refused without a word.
pub fn leaves_for(url: &Url, practice: &[PracticeHost]) -> Option<String> {
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let host = url.host_str()?.to_ascii_lowercase();
    if host == CONTINUE_HOST {
        return None;
    }
    let origin = origin_of(url);
    if let Some(p) = practice.iter().find(|p| p.origin == origin) {
        return (!p.microsoft).then(|| p.host.clone());
    }
    let microsoft = MICROSOFT_DOMAINS
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")));
    if microsoft {
        return None;
    }
    Some(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    })
}

/// The origins the fill-in script may type the code into.
fn script_origins(practice: &[PracticeHost]) -> Vec<String> {
    let mut o: Vec<String> = SIGN_IN_HOSTS
        .iter()
        .chain(CODE_PAGE_HOSTS)
        .map(|h| format!("https://{h}"))
        .collect();
    for p in practice.iter().filter(|p| p.microsoft) {
        if !o.contains(&p.origin) {
            o.push(p.origin.clone());
        }
    }
    o
}

/// The initialization script: on an allowed origin, takes the code from
/// `#printoauth-code=…`, removes it from the address, and puts it into the code
/// field (found by id/name "otc", else by its label, aria-label or placeholder) the
/// way typing does: through the input's own value setter (so a page built by script,
/// which tracks the value itself, registers it), then `input` and `change` events.
/// Retries while the page builds itself. It never submits: the person presses Next.
pub fn fill_script(practice: &[PracticeHost]) -> String {
    let origins = serde_json::to_string(&script_origins(practice)).unwrap();
    format!(
        r#"(function () {{
  var allowed = {origins};
  if (allowed.indexOf(window.location.origin) < 0) return;
  var m = /(?:^#|&)printoauth-code=([A-Za-z0-9-]{{4,24}})/.exec(window.location.hash);
  if (!m) return;
  var code = m[1];
  try {{ history.replaceState(history.state, "", window.location.pathname + window.location.search); }} catch (e) {{}}
  var CODE = /\b(code|otc)\b/i;
  function usable(el) {{
    return el && el.tagName === "INPUT" && !el.disabled && el.type !== "hidden" && el.type !== "password";
  }}
  function field() {{
    var el = document.getElementById("otc") || document.querySelector('input[name="otc"]');
    if (usable(el)) return el;
    var labels = document.querySelectorAll("label");
    for (var i = 0; i < labels.length; i++) {{
      if (CODE.test(labels[i].textContent || "") && usable(labels[i].control)) return labels[i].control;
    }}
    var inputs = document.querySelectorAll("input");
    for (var j = 0; j < inputs.length; j++) {{
      var a = (inputs[j].getAttribute("aria-label") || "") + " " + (inputs[j].getAttribute("placeholder") || "");
      if (CODE.test(a) && usable(inputs[j])) return inputs[j];
    }}
    return null;
  }}
  function fill() {{
    var el = field();
    if (!el) return false;
    if (el.value === code) return true;
    var setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    setter.call(el, code);
    el.dispatchEvent(new Event("input", {{ bubbles: true }}));
    el.dispatchEvent(new Event("change", {{ bubbles: true }}));
    el.focus();
    return true;
  }}
  function start() {{
    if (fill()) return;
    var tries = 0;
    var timer = setInterval(function () {{
      if (fill() || ++tries > 150) clearInterval(timer);
    }}, 100);
  }}
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}})();"#
    )
}

/// The texts of the notice the window shows when the sign-in leaves Microsoft's
/// pages, in the user's language (the UI sends them; `{host}` and `{code}` are filled
/// here).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SignInTexts {
    /// The language tag, for the page's `lang`.
    pub lang: String,
    pub title: String,
    /// Names `{host}`.
    pub body: String,
    /// Names `{code}`: the code is in the clipboard.
    pub copied: String,
    /// Names `{code}`: copying failed, the code to type.
    pub not_copied: String,
    pub button: String,
    /// After the button: the page is open in the browser.
    pub opened: String,
}

impl Default for SignInTexts {
    fn default() -> Self {
        SignInTexts {
            lang: "en".into(),
            title: "The sign-in continues in your browser".into(),
            body: "Your organisation signs in on its own sign-in page, {host}. This window opens only Microsoft's sign-in pages, so it does not open that page.".into(),
            copied: "The code {code} is copied: paste it on Microsoft's page in your browser, then sign in as usual.".into(),
            not_copied: "Enter the code {code} on Microsoft's page in your browser, then sign in as usual.".into(),
            button: "Continue in my browser".into(),
            opened: "The sign-in page is open in your browser.".into(),
        }
    }
}

/// The sign-in left Microsoft's pages for `host`; what the window shows meanwhile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub host: String,
    /// One-time number in the button's address.
    pub nonce: String,
    pub user_code: String,
    /// What the button opens: the device's verification page.
    pub verification_uri: String,
    pub copied: bool,
}

/// The notice as a script that replaces the (blank) page's content. Everything from
/// outside is escaped; the page has no script of its own.
pub fn notice_script(n: &Notice, t: &SignInTexts) -> String {
    let e = |s: &str| escape_html(s);
    let fill = |s: &str| {
        e(s).replace(
            "{host}",
            &format!("<b id=\"notice-host\">{}</b>", e(&n.host)),
        )
        .replace(
            "{code}",
            &format!("<b id=\"notice-code\">{}</b>", e(&n.user_code)),
        )
    };
    let code_line = if n.copied { &t.copied } else { &t.not_copied };
    let html = format!(
        r#"<head><meta charset="utf-8"><title>{title}</title><style>
body{{font-family:system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1b1f24}}
main{{max-width:420px;margin:48px auto;background:#fff;padding:28px 32px;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15)}}
h1{{font-size:20px;margin-top:0}} p{{line-height:1.45}}
#continue-in-browser{{display:inline-block;margin-top:12px;padding:10px 18px;background:#0b62c4;color:#fff;border-radius:6px;text-decoration:none;font-weight:600}}
#continue-in-browser:focus{{outline:3px solid #f5b700;outline-offset:2px}}
#notice-opened{{color:#1a7f37}}
</style></head><body><main id="sign-in-elsewhere" data-host="{host_attr}">
<h1>{title}</h1>
<p id="notice-body">{body}</p>
<p id="notice-code-line" data-copied="{copied}">{code_line}</p>
<a id="continue-in-browser" role="button" href="https://{CONTINUE_HOST}{CONTINUE_PATH}{nonce}">{button}</a>
<p id="notice-opened" role="status" hidden>{opened}</p>
</main></body>"#,
        title = e(&t.title),
        host_attr = e(&n.host),
        body = fill(&t.body),
        copied = n.copied,
        code_line = fill(code_line),
        nonce = e(&n.nonce),
        button = e(&t.button),
        opened = e(&t.opened),
    );
    format!(
        "(function () {{ document.documentElement.lang = {lang}; document.documentElement.innerHTML = {html}; document.title = {title}; var b = document.getElementById('continue-in-browser'); if (b) b.focus(); }})();",
        lang = serde_json::to_string(&t.lang).unwrap(),
        html = serde_json::to_string(&html).unwrap(),
        title = serde_json::to_string(&t.title).unwrap(),
    )
}

/// Shows the notice's "opened in your browser" line.
const OPENED_SCRIPT: &str =
    "(function () { var o = document.getElementById('notice-opened'); if (o) o.hidden = false; })();";

fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The one-time number of a "Continue in my browser" address, if `url` is one.
pub fn continue_nonce(url: &Url) -> Option<String> {
    if url.scheme() != "https" || url.host_str() != Some(CONTINUE_HOST) {
        return None;
    }
    url.path()
        .strip_prefix(CONTINUE_PATH)
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric()))
        .map(str::to_string)
}

/// The page to open for a code.
pub fn page_for(verification_uri: &str, user_code: &str) -> Result<Url, AppError> {
    let mut u = Url::parse(verification_uri)
        .map_err(|_| AppError::new(ErrorCode::UrlNotAllowed).with("url", verification_uri))?;
    let code: String = user_code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    u.set_fragment(Some(&format!("printoauth-code={code}")));
    Ok(u)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub device: String,
    pub user_code: String,
    pub verification_uri: String,
}

#[derive(Default)]
struct Inner {
    queue: VecDeque<Waiting>,
    /// Practice mode: the emulator's hosts and origins.
    practice: Vec<PracticeHost>,
    /// Open the window by itself when a code arrives (the wizard's choice).
    auto_open: bool,
    /// The page to open once the window has left the previous one (see [`Consent::show`]).
    pending: Option<Url>,
    /// The sign-in left Microsoft's pages: what the window shows instead.
    notice: Option<Notice>,
    /// The notice's texts in the user's language.
    texts: SignInTexts,
}

/// The sign-in queue and its window.
pub struct Consent {
    data_dir: PathBuf,
    inner: Mutex<Inner>,
    /// The system clipboard, opened on first use and kept: on X11 the app serves what
    /// it copied only while its clipboard lives.
    clipboard: Mutex<Option<arboard::Clipboard>>,
}

impl Consent {
    pub fn new(data_dir: PathBuf) -> Consent {
        Consent {
            data_dir,
            inner: Mutex::new(Inner::default()),
            clipboard: Mutex::new(None),
        }
    }

    pub fn set_practice(&self, hosts: Vec<PracticeHost>) {
        self.inner.lock().unwrap().practice = hosts;
    }

    pub fn practice(&self) -> Vec<PracticeHost> {
        self.inner.lock().unwrap().practice.clone()
    }

    pub fn set_texts(&self, texts: SignInTexts) {
        self.inner.lock().unwrap().texts = texts;
    }

    pub fn set_auto_open(&self, on: bool) {
        self.inner.lock().unwrap().auto_open = on;
    }

    /// A device shows a code: queue it; show it when it is first in line.
    pub fn enqueue(&self, app: &AppHandle, w: Waiting) -> Result<(), AppError> {
        let (first, auto) = {
            let mut i = self.inner.lock().unwrap();
            i.queue.retain(|q| q.device != w.device);
            i.queue.push_back(w);
            (i.queue.len() == 1, i.auto_open)
        };
        if first && auto {
            self.show(app)?;
        }
        Ok(())
    }

    /// The device no longer waits (signed in, failed, cancelled): the next one's code
    /// is shown in the same window.
    pub fn done(&self, app: &AppHandle, device: &str) -> Result<(), AppError> {
        let (was_first, next) = {
            let mut i = self.inner.lock().unwrap();
            let was_first = i.queue.front().is_some_and(|q| q.device == device);
            i.queue.retain(|q| q.device != device);
            (was_first, i.queue.front().cloned())
        };
        if was_first && next.is_some() && app.get_webview_window(LABEL).is_some() {
            self.show(app)?;
        }
        Ok(())
    }

    /// The device whose code is shown now.
    pub fn current(&self) -> Option<Waiting> {
        self.inner.lock().unwrap().queue.front().cloned()
    }

    /// Opens (or navigates) the window on the first waiting code.
    pub fn show(&self, app: &AppHandle) -> Result<Option<String>, AppError> {
        let Some(w) = self.current() else {
            return Ok(None);
        };
        let url = page_for(&w.verification_uri, &w.user_code)?;
        let practice = self.practice();
        if !allowed(&url, &practice) {
            eprintln!("printoauth: sign-in window refused to open {url}");
            return Err(AppError::new(ErrorCode::UrlNotAllowed).with("url", &w.verification_uri));
        }
        self.inner.lock().unwrap().notice = None;
        if let Some(win) = app.get_webview_window(LABEL) {
            // The next code's page often differs from the page shown only in its
            // fragment, which a browser treats as a jump within the page (no load, so
            // no code typed in). Go through about:blank: a real load follows.
            self.inner.lock().unwrap().pending = Some(url);
            win.navigate(Url::parse("about:blank").expect("valid"))?;
            let _ = win.show();
            let _ = win.set_focus();
            return Ok(Some(w.device));
        }
        let nav_app = app.clone();
        let mut builder = WebviewWindowBuilder::new(app, LABEL, WebviewUrl::External(url))
            .title("printoauth — Microsoft sign-in")
            .inner_size(WIDTH, HEIGHT)
            .min_inner_size(360.0, 480.0);
        if let Some((x, y)) = sign_in_position(app) {
            builder = builder.position(x, y);
        }
        builder
            .data_directory(self.data_dir.clone())
            .initialization_script(fill_script(&practice))
            .on_navigation(move |u| on_navigation(&nav_app, u))
            .on_page_load(|win, payload| {
                if payload.event() != tauri::webview::PageLoadEvent::Finished
                    || payload.url().as_str() != "about:blank"
                {
                    return;
                }
                let Some(state) = win.try_state::<crate::state::AppState>() else {
                    return;
                };
                let (next, notice) = {
                    let mut i = state.consent.inner.lock().unwrap();
                    let next = i.pending.take();
                    let notice = match (&next, &i.notice) {
                        (None, Some(n)) => Some(notice_script(n, &i.texts)),
                        _ => None,
                    };
                    (next, notice)
                };
                if let Some(u) = next {
                    let _ = win.navigate(u);
                } else if let Some(script) = notice {
                    let _ = win.eval(&script);
                }
            })
            .on_new_window(|u, _| {
                eprintln!("printoauth: sign-in window refused a new window for {u}");
                NewWindowResponse::Deny
            })
            .build()?;
        Ok(Some(w.device))
    }

    /// The sign-in is leaving Microsoft's pages for `host` (a federated organisation's
    /// own sign-in page): copy the code to the clipboard and show, instead of a blank
    /// refusal, a notice that names the host and offers the system browser.
    fn leave(&self, app: &AppHandle, host: String) {
        let Some(w) = self.current() else {
            return;
        };
        let copied = self.copy_to_clipboard(&w.user_code);
        let nonce = uuid::Uuid::new_v4().simple().to_string();
        eprintln!("printoauth: the sign-in continues at {host}, which the sign-in window does not open; offering the browser");
        {
            let mut i = self.inner.lock().unwrap();
            i.pending = None;
            i.notice = Some(Notice {
                host,
                nonce,
                user_code: w.user_code.clone(),
                verification_uri: w.verification_uri.clone(),
                copied,
            });
        }
        // Not from inside the navigation decision: the notice page loads afterwards.
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            if let Some(win) = app.get_webview_window(LABEL) {
                let _ = win.navigate(Url::parse("about:blank").expect("valid"));
            }
        });
    }

    /// Puts `text` on the system clipboard; whether it worked.
    fn copy_to_clipboard(&self, text: &str) -> bool {
        let mut slot = self.clipboard.lock().unwrap();
        if slot.is_none() {
            match arboard::Clipboard::new() {
                Ok(c) => *slot = Some(c),
                Err(e) => {
                    eprintln!("printoauth: no clipboard: {e}");
                    return false;
                }
            }
        }
        match slot.as_mut().map(|c| c.set_text(text)) {
            Some(Ok(())) => true,
            Some(Err(e)) => {
                eprintln!("printoauth: could not copy the code to the clipboard: {e}");
                false
            }
            None => false,
        }
    }

    /// "Continue in my browser" on the notice: the device's verification page goes to
    /// the system browser (the same opener as "Open in my browser instead"). Not the
    /// refused address: that one carries the window's own sign-in state (and was
    /// chosen by a remote page); Microsoft's page sends the browser on to the
    /// organisation's sign-in with the browser's own session, and the code is in the
    /// clipboard.
    fn continue_in_browser(&self, app: &AppHandle, nonce: &str) {
        let target = {
            let i = self.inner.lock().unwrap();
            i.notice
                .as_ref()
                .filter(|n| n.nonce == nonce)
                .map(|n| n.verification_uri.clone())
        };
        let Some(target) = target else {
            eprintln!("printoauth: sign-in window: a stale or unknown 'continue in browser' link");
            return;
        };
        match crate::commands::open_verification_page(&self.practice(), &target) {
            Ok(()) => {
                if let Some(win) = app.get_webview_window(LABEL) {
                    let _ = win.eval(OPENED_SCRIPT);
                }
            }
            Err(e) => eprintln!("printoauth: could not open the browser: {e:?}"),
        }
    }

    /// The batch is over: forget the queue, wipe the window's browsing data, close it.
    pub fn finish(&self, app: &AppHandle) {
        {
            let mut i = self.inner.lock().unwrap();
            i.queue.clear();
            i.notice = None;
            i.pending = None;
        }
        if let Some(win) = app.get_webview_window(LABEL) {
            let _ = win.clear_all_browsing_data();
            let _ = win.close();
        }
    }
}

/// The window's navigation handler: Microsoft's sign-in pages load; the notice's
/// button is taken here (never loaded); leaving for another host shows the notice;
/// anything else is refused.
fn on_navigation(app: &AppHandle, u: &Url) -> bool {
    let Some(state) = app.try_state::<crate::state::AppState>() else {
        return false;
    };
    let consent = &state.consent;
    if let Some(nonce) = continue_nonce(u) {
        consent.continue_in_browser(app, &nonce);
        return false;
    }
    let practice = consent.practice();
    if allowed(u, &practice) {
        return true;
    }
    eprintln!("printoauth: sign-in window refused to open {u}");
    if let Some(host) = leaves_for(u, &practice) {
        consent.leave(app, host);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The practice emulator's hosts: two Microsoft stand-ins and a federated
    /// domain's identity provider.
    fn practice() -> Vec<PracticeHost> {
        vec![
            PracticeHost {
                host: "login.microsoftonline.com".into(),
                origin: "http://127.0.0.1:43117".into(),
                microsoft: true,
            },
            PracticeHost {
                host: "login.live.com".into(),
                origin: "http://127.0.0.1:43200".into(),
                microsoft: true,
            },
            PracticeHost {
                host: "fs.contoso.example".into(),
                origin: "http://127.0.0.1:43300".into(),
                microsoft: false,
            },
        ]
    }

    fn ok(u: &str) -> bool {
        allowed(&Url::parse(u).unwrap(), &practice())
    }

    fn leaves(u: &str) -> Option<String> {
        leaves_for(&Url::parse(u).unwrap(), &practice())
    }

    #[test]
    fn only_microsoft_sign_in_hosts_and_the_emulators_stand_ins() {
        for u in [
            "https://microsoft.com/devicelogin",
            "https://www.microsoft.com/devicelogin",
            "https://www.microsoft.com/link",
            "https://microsoft.com/link",
            "https://login.microsoftonline.com/common/oauth2/deviceauth",
            "https://login.microsoftonline.com/login.srf",
            "https://login.microsoft.com/device",
            "https://login.live.com/oauth20_remoteconnect.srf",
            "https://login.live.com/ppsecure/post.srf",
            "https://account.live.com/App/Confirm?mkt=en-US",
            "https://account.live.com/Consent/Update",
            "https://LOGIN.MICROSOFTONLINE.COM/common/",
            "http://127.0.0.1:43117/devicelogin",
            "http://127.0.0.1:43200/oauth20_remoteconnect.srf?flow=x",
            "about:blank",
        ] {
            assert!(ok(u), "{u} is allowed");
        }
        for (u, why) in [
            (
                "https://microsoft.com/en-us/store",
                "only the code pages of microsoft.com",
            ),
            ("https://www.microsoft.com/linked", "not /link"),
            ("https://account.microsoft.com/", "not a sign-in host"),
            ("https://live.com/", "not a sign-in host"),
            ("http://login.microsoftonline.com/", "https only"),
            (
                "https://login.microsoftonline.com:8443/",
                "default port only",
            ),
            (
                "https://login.microsoftonline.com.evil.example/",
                "look-alike",
            ),
            ("https://login.live.com.evil.example/", "look-alike"),
            (
                "https://account.live.com.evil.example/App/Confirm",
                "look-alike",
            ),
            ("https://evil-login.microsoftonline.com/", "another host"),
            ("https://www.microsoft.com.evil.example/link", "look-alike"),
            (
                "https://evil.example/login.microsoftonline.com",
                "the host, not the path",
            ),
            ("https://user@login.microsoftonline.com/", "no user info"),
            (
                "https://login.microsoftonline.com@evil.example/",
                "user info",
            ),
            ("http://127.0.0.1:43118/", "another port of loopback"),
            (
                "http://127.0.0.1:43300/adfs/ls/",
                "the identity provider's stand-in",
            ),
            (
                "http://localhost:43117/devicelogin",
                "the exact origin only",
            ),
            ("file:///etc/passwd", "no files"),
        ] {
            assert!(!ok(u), "{u}: {why}");
        }
        assert!(
            !allowed(&Url::parse("http://127.0.0.1:43117/").unwrap(), &[]),
            "the emulator only in practice mode"
        );
    }

    #[test]
    fn leaving_microsoft_names_the_host_and_microsofts_other_pages_are_refused_quietly() {
        // A federated organisation's identity provider (real, and its practice stand-in).
        assert_eq!(
            leaves("https://fs.fabrikam.example/adfs/ls/?wa=wsignin1.0"),
            Some("fs.fabrikam.example".into())
        );
        assert_eq!(
            leaves("https://fabrikam.okta.com/app/office365/sso/wsfed/passive"),
            Some("fabrikam.okta.com".into())
        );
        assert_eq!(
            leaves("http://127.0.0.1:43300/adfs/ls/?wctx=1"),
            Some("fs.contoso.example".into()),
            "the practice stand-in is named by the host it stands for"
        );
        assert_eq!(
            leaves("https://login.microsoftonline.com.evil.example/"),
            Some("login.microsoftonline.com.evil.example".into())
        );
        assert_eq!(leaves("http://127.0.0.1:9/x"), Some("127.0.0.1:9".into()));
        // Microsoft's own other pages, and anything that is not a web page: no notice.
        for u in [
            "https://www.microsoft.com/en-us/servicesagreement/",
            "https://privacy.microsoft.com/",
            "https://go.microsoft.com/fwlink/?LinkID=1",
            "https://account.live.com.x.live.com/",
            "https://aka.ms/smtp_auth_disabled",
            "file:///etc/passwd",
            "mailto:a@b.example",
            "https://printoauth.invalid/continue-in-browser/abc",
        ] {
            assert_eq!(leaves(u), None, "{u}");
        }
    }

    #[test]
    fn the_continue_link_is_taken_only_with_its_number() {
        let n = continue_nonce(
            &Url::parse("https://printoauth.invalid/continue-in-browser/0a1b2c").unwrap(),
        );
        assert_eq!(n.as_deref(), Some("0a1b2c"));
        for u in [
            "http://printoauth.invalid/continue-in-browser/0a1b2c",
            "https://printoauth.invalid/continue-in-browser/",
            "https://printoauth.invalid/other/0a1b2c",
            "https://printoauth.invalid.evil.example/continue-in-browser/0a1b2c",
            "https://printoauth.invalid/continue-in-browser/a%22b",
        ] {
            assert_eq!(continue_nonce(&Url::parse(u).unwrap()), None, "{u}");
        }
        assert!(!ok("https://printoauth.invalid/continue-in-browser/0a1b2c"));
    }

    #[test]
    fn the_notice_names_the_host_and_the_code_escaped_and_has_no_script() {
        let n = Notice {
            host: "fs.<b>contoso</b>.example".into(),
            nonce: "0a1b2c".into(),
            user_code: "ABCD-EFGH".into(),
            verification_uri: "https://microsoft.com/devicelogin".into(),
            copied: true,
        };
        let t = SignInTexts::default();
        let js = notice_script(&n, &t);
        assert!(js.contains("fs.&lt;b&gt;contoso&lt;/b&gt;.example"), "{js}");
        assert!(!js.contains("<b>contoso</b>"));
        assert!(js.contains("ABCD-EFGH"));
        assert!(js.contains("https://printoauth.invalid/continue-in-browser/0a1b2c"));
        assert!(js.contains("Continue in my browser"));
        assert!(js.contains(r#"data-copied=\"true\""#), "{js}");
        // The page it writes has no script of its own.
        assert!(!js.contains("<script"));
        let lt = SignInTexts {
            lang: "lt".into(),
            title: "Prisijungimas tęsiamas jūsų naršyklėje".into(),
            body: "Jūsų organizacija prisijungia savo prisijungimo puslapyje {host}.".into(),
            ..SignInTexts::default()
        };
        let js = notice_script(&Notice { copied: false, ..n }, &lt);
        assert!(js.contains("Prisijungimas tęsiamas jūsų naršyklėje"));
        assert!(
            js.contains(r#"lang = \"lt\""#) || js.contains(r#"lang = "lt""#),
            "{js}"
        );
        assert!(js.contains("Enter the code"), "the not-copied line: {js}");
    }

    #[test]
    fn placed_beside_the_main_window_when_there_is_room_else_at_the_right_edge() {
        let screen = (0.0, 0.0, 2560.0, 1440.0);
        // Right of a centred main window.
        assert_eq!(
            place_sign_in((730.0, 340.0, 1100.0, 760.0), screen, (520.0, 700.0)),
            (1838.0, 340.0)
        );
        // No room on the right: left.
        assert_eq!(
            place_sign_in((1400.0, 100.0, 1100.0, 760.0), screen, (520.0, 700.0)),
            (872.0, 100.0)
        );
        // No room beside (a small screen): at the screen's right edge, over the
        // main window's right side.
        assert_eq!(
            place_sign_in(
                (90.0, 132.0, 1100.0, 760.0),
                (0.0, 0.0, 1280.0, 1024.0),
                (520.0, 700.0)
            ),
            (760.0, 132.0)
        );
        // A screen narrower than the sign-in window: its left edge.
        assert_eq!(
            place_sign_in(
                (0.0, 0.0, 480.0, 600.0),
                (100.0, 0.0, 480.0, 800.0),
                (520.0, 700.0)
            ),
            (100.0, 0.0)
        );
    }

    #[test]
    fn code_goes_in_the_fragment() {
        let u = page_for("https://microsoft.com/devicelogin", "ABCD-EFGH<script>").unwrap();
        assert_eq!(
            u.as_str(),
            "https://microsoft.com/devicelogin#printoauth-code=ABCD-EFGHscript"
        );
    }

    #[test]
    fn fill_script_is_guarded_by_the_allowed_origins() {
        let s = fill_script(&practice());
        for o in [
            "https://login.microsoftonline.com",
            "https://login.live.com",
            "https://www.microsoft.com",
            "http://127.0.0.1:43117",
            "http://127.0.0.1:43200",
        ] {
            assert!(s.contains(&format!(r#""{o}""#)), "{o}");
        }
        assert!(
            !s.contains("43300"),
            "never on the identity provider's page"
        );
        assert!(s.contains("allowed.indexOf(window.location.origin) < 0) return"));
        // The value goes through the input's own setter, then input and change events.
        assert!(s.contains(
            r#"Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set"#
        ));
        assert!(s.contains(r#"new Event("input""#) && s.contains(r#"new Event("change""#));
        assert!(
            s.contains(r#"getAttribute("aria-label")"#)
                && s.contains(r#"getAttribute("placeholder")"#)
        );
        assert!(
            !s.contains(".submit("),
            "never submits for the administrator"
        );
    }
}
