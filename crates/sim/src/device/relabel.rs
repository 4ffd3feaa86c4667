//! A page printoauth cannot read, and what a person does on it by hand.
//!
//! The `relabel` fault ([`super::DeviceFaults::relabel`]) rewrites every HTML answer
//! of the device after the page is made: visible text equal to the first string of a
//! pair is shown as the second, as on firmware that words a button or a label
//! differently. It works on the finished response, not on the page templates, so it
//! holds whatever the page markup is: text between tags (the label may end in a space
//! or no-break space and a colon, which is kept) and the visible value of
//! `<input type=submit|button|reset>` buttons. Scripts, styles, comments and other
//! attributes are left alone; form field names do not change, so a person's
//! browser (or any client that presses the relabelled button) still works.
//!
//! [`Device::sign_in_by_hand`] is what a person does on the Email Server page when a
//! client cannot: choose OAuth2, press Sign In, then "Sign in with Microsoft", so the
//! device starts its own sign-in and shows a code. The control API offers it to tests.

use axum::body::Body;
use axum::http::header;
use axum::response::Response;
use axum::Router;

use super::settings::EmailService;
use super::{mail, Device, OAuthState};
use crate::html::esc;

/// The largest page rewritten (anything larger passes unchanged).
const MAX_PAGE: usize = 8 * 1024 * 1024;

/// Wraps the device's pages with the relabelling layer.
pub(crate) fn layer(router: Router, dev: Device) -> Router {
    router.layer(axum::middleware::map_response(move |resp: Response| {
        let dev = dev.clone();
        async move { apply(&dev, resp).await }
    }))
}

async fn apply(dev: &Device, resp: Response) -> Response {
    let pairs = dev.state().faults.relabel.clone();
    if pairs.is_empty() {
        return resp;
    }
    let is_html = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().contains("text/html"));
    if !is_html {
        return resp;
    }
    let (mut parts, body) = resp.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_PAGE).await {
        Ok(b) => b,
        Err(_) => {
            parts.headers.remove(header::CONTENT_LENGTH);
            return Response::from_parts(parts, Body::empty());
        }
    };
    let out = match std::str::from_utf8(&bytes) {
        Ok(html) => relabel(html, &pairs).into_bytes(),
        Err(_) => bytes.to_vec(),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(out))
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}'
}

/// Decodes the character references pages use (named basics and numeric ones).
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[..rest.len().min(12)].find(';');
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "nbsp" => Some('\u{a0}'),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Text for HTML with no-break spaces written as `&nbsp;`.
fn encode(s: &str) -> String {
    esc(s).replace('\u{a0}', "&nbsp;")
}

/// The replacement of a piece of visible text, if a pair matches it: the whole text
/// (trimmed), or the text before a trailing colon (kept with its spaces).
fn replacement(raw: &str, pairs: &[(String, String)]) -> Option<String> {
    let text = decode(raw);
    let lead_len = text.len() - text.trim_start_matches(is_space).len();
    let trail_len = text.len() - text.trim_end_matches(is_space).len();
    if lead_len == text.len() {
        return None;
    }
    let (lead, core, trail) = (
        &text[..lead_len],
        &text[lead_len..text.len() - trail_len],
        &text[text.len() - trail_len..],
    );
    // "Label :" / "Label&nbsp;:" -> ("Label", " :").
    let (label, suffix) = match core.strip_suffix(':') {
        Some(before) => {
            let label = before.trim_end_matches(is_space);
            (label, &core[label.len()..])
        }
        None => (core, ""),
    };
    let to = pairs
        .iter()
        .find(|(from, _)| from == core)
        .map(|(_, to)| (to.as_str(), ""))
        .or_else(|| {
            (!suffix.is_empty() && !label.is_empty())
                .then(|| pairs.iter().find(|(from, _)| from == label))
                .flatten()
                .map(|(_, to)| (to.as_str(), suffix))
        })?;
    Some(format!(
        "{}{}{}{}",
        encode(lead),
        encode(to.0),
        encode(to.1),
        encode(trail)
    ))
}

/// The end of the tag starting at `start` (just past its `>`), quotes respected.
fn tag_end(html: &str, start: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (i, &b) in html.as_bytes().iter().enumerate().skip(start + 1) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i + 1,
            None => {}
        }
    }
    html.len()
}

/// The lower-case name of the tag `<name ...>` (empty for `</…`, `<!…`).
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Byte range of attribute `name`'s value inside `tag` (quotes excluded).
fn attr_range(tag: &str, name: &str) -> Option<(usize, usize)> {
    let lower = tag.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut i = 1 + tag_name(tag).len() + 1;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !b" \t\r\n=>/".contains(&bytes[i]) {
            i += 1;
        }
        let attr = &lower[start..i];
        if attr.is_empty() {
            return None;
        }
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] != b'=' {
            continue;
        }
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let (vs, ve) = match bytes.get(i) {
            Some(&q) if q == b'"' || q == b'\'' => {
                let end = lower[i + 1..].find(q as char).map(|e| i + 1 + e)?;
                (i + 1, end)
            }
            _ => {
                let end = lower[i..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .map(|e| i + e)
                    .unwrap_or(lower.len());
                (i, end)
            }
        };
        if attr == name {
            return Some((vs, ve));
        }
        i = ve + 1;
    }
    None
}

/// An `<input>` button with its visible value relabelled, if a pair matches.
fn relabel_button(tag: &str, pairs: &[(String, String)]) -> Option<String> {
    let ty = attr_range(tag, "type")
        .map(|(a, b)| tag[a..b].to_ascii_lowercase())
        .unwrap_or_default();
    if !matches!(ty.as_str(), "submit" | "button" | "reset") {
        return None;
    }
    let (a, b) = attr_range(tag, "value")?;
    let value = decode(&tag[a..b]);
    let to = pairs.iter().find(|(from, _)| *from == value.trim())?;
    let quoted = matches!(tag.as_bytes().get(a.wrapping_sub(1)), Some(b'"' | b'\''));
    let new = if quoted {
        esc(&to.1)
    } else {
        format!("\"{}\"", esc(&to.1))
    };
    Some(format!("{}{}{}", &tag[..a], new, &tag[b..]))
}

/// `html` with every visible text equal to a pair's first shown as its second.
pub(crate) fn relabel(html: &str, pairs: &[(String, String)]) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut i = 0;
    while i < html.len() {
        let next = html[i..].find('<').map(|p| i + p).unwrap_or(html.len());
        if next > i {
            let text = &html[i..next];
            match replacement(text, pairs) {
                Some(r) => out.push_str(&r),
                None => out.push_str(text),
            }
        }
        if next >= html.len() {
            break;
        }
        if html[next..].starts_with("<!--") {
            let end = html[next..]
                .find("-->")
                .map(|e| next + e + 3)
                .unwrap_or(html.len());
            out.push_str(&html[next..end]);
            i = end;
            continue;
        }
        let end = tag_end(html, next);
        let tag = &html[next..end];
        let name = tag_name(tag);
        match name.as_str() {
            "script" | "style" => {
                // Copied as they are, up to and including the closing tag.
                let close = format!("</{name}");
                let body_end = html[end..]
                    .to_ascii_lowercase()
                    .find(&close)
                    .map(|e| end + e)
                    .unwrap_or(html.len());
                let close_end = if body_end < html.len() {
                    tag_end(html, body_end)
                } else {
                    body_end
                };
                out.push_str(&html[next..close_end]);
                i = close_end;
                continue;
            }
            "input" => match relabel_button(tag, pairs) {
                Some(t) => out.push_str(&t),
                None => out.push_str(tag),
            },
            _ => out.push_str(tag),
        }
        i = end;
    }
    out
}

impl Device {
    /// What a person does on the Email Server page instead of a client: OAuth2 and
    /// `service` chosen, Sign In, then "Sign in with Microsoft". The device starts its
    /// own sign-in (it shows a code and polls the sign-in service, as when the buttons
    /// are pressed) and its sign-in state comes back. Refused as the page refuses it:
    /// without OAuth2 firmware, or through the additional network interface.
    pub async fn sign_in_by_hand(&self, service: EmailService) -> Result<OAuthState, String> {
        if !self.oauth2_available() {
            return Err("this device's firmware does not offer OAuth2".into());
        }
        if self.state().additional_network {
            return Err("OAuth2 is not available on the additional network interface".into());
        }
        {
            // Any other email service signed in is signed out automatically.
            let mut st = self.state();
            if let OAuthState::SignedIn { service: s, .. } = &st.oauth {
                if *s != service {
                    st.oauth = OAuthState::SignedOut;
                }
            }
        }
        mail::start_sign_in(self, service).await?;
        Ok(self.state().oauth.clone())
    }

    /// What the device issued to administrator sessions: the session cookie values
    /// and the setup tokens of its forms (for tests that check a client keeps them
    /// out of what it writes down).
    pub fn session_secrets(&self) -> (Vec<String>, Vec<String>) {
        let st = self.state();
        (
            st.sessions.keys().cloned().collect(),
            st.sessions
                .values()
                .map(|s| s.setup_token.clone())
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn relabels_text_buttons_and_labels_with_colons() {
        let p = pairs(&[
            ("Sign In", "Connect account"),
            ("Current Status", "Connection"),
        ]);
        let html = "<div><input type=\"submit\" name=\"btn_signin\" value=\"Sign In\">\
<button type=\"button\" class=\"button\" onclick=\"x(); return false;\"> Sign In </button>\
<span class=\"key\">Current Status&nbsp;:</span><th>Current Status</th>\
<td>Sign In now</td><input type=\"text\" name=\"a\" value=\"Sign In\"></div>";
        let r = relabel(html, &p);
        assert!(
            r.contains("name=\"btn_signin\" value=\"Connect account\""),
            "{r}"
        );
        assert!(r.contains("> Connect account </button>"), "{r}");
        assert!(
            r.contains("<span class=\"key\">Connection&nbsp;:</span>"),
            "{r}"
        );
        assert!(r.contains("<th>Connection</th>"), "{r}");
        // Only whole texts, and only buttons' values.
        assert!(r.contains("<td>Sign In now</td>"), "{r}");
        assert!(r.contains("name=\"a\" value=\"Sign In\""), "{r}");
        assert!(!r.contains(">Sign In<") && !r.contains("\"Sign In\">\n"));
    }

    #[test]
    fn leaves_scripts_comments_and_unmatched_pages_alone() {
        let p = pairs(&[("OK", "Apply now")]);
        let html = "<script>var a = '<b>OK</b>';</script><!-- OK --><style>p{}</style>\
<p>OK</p><INPUT TYPE=submit VALUE=OK name=b>";
        let r = relabel(html, &p);
        assert!(r.starts_with("<script>var a = '<b>OK</b>';</script><!-- OK --><style>p{}</style>"));
        assert!(r.contains("<p>Apply now</p>"), "{r}");
        assert!(r.contains("VALUE=\"Apply now\" name=b>"), "{r}");
        let plain = "<p>Nothing &amp; more</p>";
        assert_eq!(relabel(plain, &p), plain);
    }

    #[test]
    fn matches_text_with_character_references() {
        let p = pairs(&[("Sender's Email Address", "From")]);
        let r = relabel("<dt>Sender&#39;s Email Address :</dt>", &p);
        assert_eq!(r, "<dt>From :</dt>");
    }
}
