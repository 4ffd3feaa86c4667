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
];
/// microsoft.com only for its device login page.
const DEVICE_LOGIN_HOSTS: &[&str] = &["microsoft.com", "www.microsoft.com"];

/// Whether the consent window may show `url`. `practice_origin` is the emulator's
/// `scheme://host:port` in practice mode.
pub fn allowed(url: &Url, practice_origin: Option<&str>) -> bool {
    if url.as_str() == "about:blank" {
        return true;
    }
    if let Some(origin) = practice_origin {
        if url.origin().ascii_serialization() == origin {
            return true;
        }
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
    DEVICE_LOGIN_HOSTS.contains(&host.as_str()) && {
        let p = url.path().to_ascii_lowercase();
        p == "/devicelogin" || p.starts_with("/devicelogin/")
    }
}

/// The origins the fill-in script may type the code into.
fn script_origins(practice_origin: Option<&str>) -> Vec<String> {
    let mut o: Vec<String> = SIGN_IN_HOSTS
        .iter()
        .chain(DEVICE_LOGIN_HOSTS)
        .map(|h| format!("https://{h}"))
        .collect();
    if let Some(p) = practice_origin {
        o.push(p.to_string());
    }
    o
}

/// The initialization script: on an allowed origin, takes the code from
/// `#printoauth-code=…`, removes it from the address, and types it into the code
/// field (found by id/name "otc", else by its label), retrying while the page builds
/// itself. It never submits: the administrator presses Next.
pub fn fill_script(practice_origin: Option<&str>) -> String {
    let origins = serde_json::to_string(&script_origins(practice_origin)).unwrap();
    format!(
        r#"(function () {{
  var allowed = {origins};
  if (allowed.indexOf(window.location.origin) < 0) return;
  var m = /(?:^#|&)printoauth-code=([A-Za-z0-9-]{{4,24}})/.exec(window.location.hash);
  if (!m) return;
  var code = m[1];
  try {{ history.replaceState(history.state, "", window.location.pathname + window.location.search); }} catch (e) {{}}
  function field() {{
    var el = document.getElementById("otc") || document.querySelector('input[name="otc"]');
    if (el) return el;
    var labels = document.querySelectorAll("label");
    for (var i = 0; i < labels.length; i++) {{
      if (/code/i.test(labels[i].textContent || "") && labels[i].control) return labels[i].control;
    }}
    return null;
  }}
  function fill() {{
    var el = field();
    if (!el) return false;
    el.value = code;
    el.dispatchEvent(new Event("input", {{ bubbles: true }}));
    el.dispatchEvent(new Event("change", {{ bubbles: true }}));
    el.focus();
    return true;
  }}
  function start() {{
    if (fill()) return;
    var tries = 0;
    var timer = setInterval(function () {{
      if (fill() || ++tries > 100) clearInterval(timer);
    }}, 100);
  }}
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}})();"#
    )
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
    practice_origin: Option<String>,
    /// Open the window by itself when a code arrives (the wizard's choice).
    auto_open: bool,
    /// The page to open once the window has left the previous one (see [`Consent::show`]).
    pending: Option<Url>,
}

/// The sign-in queue and its window.
pub struct Consent {
    data_dir: PathBuf,
    inner: Mutex<Inner>,
}

impl Consent {
    pub fn new(data_dir: PathBuf) -> Consent {
        Consent {
            data_dir,
            inner: Mutex::new(Inner::default()),
        }
    }

    pub fn set_practice_origin(&self, origin: Option<String>) {
        self.inner.lock().unwrap().practice_origin = origin;
    }

    pub fn practice_origin(&self) -> Option<String> {
        self.inner.lock().unwrap().practice_origin.clone()
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
        let practice = self.practice_origin();
        if !allowed(&url, practice.as_deref()) {
            eprintln!("printoauth: sign-in window refused to open {url}");
            return Err(AppError::new(ErrorCode::UrlNotAllowed).with("url", &w.verification_uri));
        }
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
        let practice_nav = practice.clone();
        let mut builder = WebviewWindowBuilder::new(app, LABEL, WebviewUrl::External(url))
            .title("printoauth — Microsoft sign-in")
            .inner_size(WIDTH, HEIGHT)
            .min_inner_size(360.0, 480.0);
        if let Some((x, y)) = sign_in_position(app) {
            builder = builder.position(x, y);
        }
        builder
            .data_directory(self.data_dir.clone())
            .initialization_script(fill_script(practice.as_deref()))
            .on_navigation(move |u| {
                let ok = allowed(u, practice_nav.as_deref());
                if !ok {
                    eprintln!("printoauth: sign-in window refused to open {u}");
                }
                ok
            })
            .on_page_load(|win, payload| {
                if payload.event() != tauri::webview::PageLoadEvent::Finished
                    || payload.url().as_str() != "about:blank"
                {
                    return;
                }
                let next = win
                    .try_state::<crate::state::AppState>()
                    .and_then(|s| s.consent.inner.lock().unwrap().pending.take());
                if let Some(u) = next {
                    let _ = win.navigate(u);
                }
            })
            .on_new_window(|u, _| {
                eprintln!("printoauth: sign-in window refused a new window for {u}");
                NewWindowResponse::Deny
            })
            .build()?;
        Ok(Some(w.device))
    }

    /// The batch is over: forget the queue, wipe the window's browsing data, close it.
    pub fn finish(&self, app: &AppHandle) {
        self.inner.lock().unwrap().queue.clear();
        if let Some(win) = app.get_webview_window(LABEL) {
            let _ = win.clear_all_browsing_data();
            let _ = win.close();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(u: &str) -> bool {
        allowed(&Url::parse(u).unwrap(), Some("http://127.0.0.1:43117"))
    }

    #[test]
    fn only_microsoft_sign_in_hosts_and_the_emulator() {
        assert!(ok("https://microsoft.com/devicelogin"));
        assert!(ok("https://www.microsoft.com/devicelogin"));
        assert!(ok(
            "https://login.microsoftonline.com/common/oauth2/deviceauth"
        ));
        assert!(ok("https://login.microsoft.com/device"));
        assert!(ok("https://login.live.com/oauth20_remoteconnect.srf"));
        assert!(ok("http://127.0.0.1:43117/devicelogin"));
        assert!(ok("about:blank"));

        assert!(
            !ok("https://microsoft.com/en-us/store"),
            "only the device login page"
        );
        assert!(!ok("http://login.microsoftonline.com/"), "https only");
        assert!(!ok("https://login.microsoftonline.com:8443/"));
        assert!(!ok("https://login.microsoftonline.com.evil.example/"));
        assert!(!ok("https://evil.example/login.microsoftonline.com"));
        assert!(!ok("https://user@login.microsoftonline.com/"));
        assert!(!ok("http://127.0.0.1:43118/"), "another port of loopback");
        assert!(
            !ok("http://localhost:43117/devicelogin"),
            "the exact origin only"
        );
        assert!(!ok("file:///etc/passwd"));
        assert!(
            !allowed(&Url::parse("http://127.0.0.1:43117/").unwrap(), None),
            "the emulator only in practice mode"
        );
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
        let s = fill_script(Some("http://127.0.0.1:43117"));
        assert!(s.contains(r#""https://login.microsoftonline.com""#));
        assert!(s.contains(r#""http://127.0.0.1:43117""#));
        assert!(s.contains("allowed.indexOf(window.location.origin) < 0) return"));
        assert!(
            !s.contains(".submit("),
            "never submits for the administrator"
        );
    }
}
