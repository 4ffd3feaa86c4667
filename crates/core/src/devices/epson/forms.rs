//! Reading Web Config pages by their visible structure: forms with their hidden
//! inputs, controls found by their `<label>` or row header text, select options by
//! their text, buttons by their visible value, menu links by their labels, and
//! read-only rows ("Current Status" → "Signed in"). Also the redacted copy of a
//! page for bug reports.
//!
//! Pages are parsed once into plain data ([`Page`]) so nothing borrowed from the
//! HTML parser crosses an `await`.

use std::collections::HashMap;

use scraper::{ElementRef, Html, Selector};
use url::Url;

/// One control of a form.
#[derive(Debug, Clone)]
pub(crate) struct Field {
    pub name: String,
    pub kind: FieldKind,
    /// Current value (selected option's value for a select).
    pub value: String,
    /// The label text, or the row header text.
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FieldKind {
    Hidden,
    Text,
    Password,
    /// (value, text, selected)
    Select(Vec<(String, String, bool)>),
    Checkbox {
        checked: bool,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct Button {
    pub name: Option<String>,
    pub value: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Form {
    pub action: Url,
    pub fields: Vec<Field>,
    pub buttons: Vec<Button>,
}

#[derive(Debug, Clone)]
pub(crate) struct Link {
    pub text: String,
    pub href: Url,
    /// The labels of the menu entries around the link, outermost first.
    pub path: Vec<String>,
}

/// A page, parsed.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    pub url: Url,
    pub status: u16,
    pub html: String,
    pub forms: Vec<Form>,
    pub links: Vec<Link>,
    /// (src, name) of frames.
    pub frames: Vec<(Url, String)>,
    /// Texts of `.error` elements.
    pub errors: Vec<String>,
    /// Texts of `.warning` elements.
    pub warnings: Vec<String>,
    /// Read-only rows: header text → value text.
    pub rows: Vec<(String, String)>,
    /// Text blocks (paragraphs, divs without children blocks) for message search.
    pub texts: Vec<String>,
    pub meta_refresh: Option<Url>,
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

/// Collapses whitespace, trims, drops a trailing colon.
pub(crate) fn norm(s: &str) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .trim_end_matches([':', '：'])
        .trim()
        .replace(['\u{2019}', '\u{2018}', '`'], "'")
}

/// Case-insensitive comparison after [`norm`].
pub(crate) fn same(a: &str, b: &str) -> bool {
    norm(a).to_lowercase() == norm(b).to_lowercase()
}

pub(crate) fn contains_ci(hay: &str, needle: &str) -> bool {
    norm(hay)
        .to_lowercase()
        .contains(&norm(needle).to_lowercase())
}

fn text_of(e: &ElementRef) -> String {
    norm(&e.text().collect::<String>())
}

/// The element's own text (direct text children only).
fn own_text(e: &ElementRef) -> String {
    norm(
        &e.children()
            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
            .collect::<String>(),
    )
}

impl Page {
    pub fn parse(url: Url, status: u16, html: String) -> Page {
        let doc = Html::parse_document(&html);
        // label[for] → text
        let mut labels: HashMap<String, String> = HashMap::new();
        for l in doc.select(&sel("label[for]")) {
            if let Some(f) = l.value().attr("for") {
                labels.entry(f.to_string()).or_insert_with(|| text_of(&l));
            }
        }
        let row_header = |e: &ElementRef| -> Option<String> {
            // A wrapping <label>, else the <th> of the enclosing row.
            for a in e.ancestors().filter_map(ElementRef::wrap) {
                match a.value().name() {
                    "label" => return Some(text_of(&a)),
                    "tr" => {
                        return a
                            .select(&sel("th"))
                            .next()
                            .map(|th| text_of(&th))
                            .filter(|t| !t.is_empty())
                    }
                    "form" => return None,
                    _ => {}
                }
            }
            None
        };
        let resolve = |href: &str| url.join(href.trim()).ok();

        let mut forms = Vec::new();
        for f in doc.select(&sel("form")) {
            let action = match f.value().attr("action") {
                Some(a) if !a.trim().is_empty() => match resolve(a) {
                    Some(u) => u,
                    None => continue,
                },
                _ => url.clone(),
            };
            let mut fields = Vec::new();
            let mut buttons = Vec::new();
            for c in f.select(&sel("input, select, textarea, button")) {
                let v = c.value();
                let name = v.attr("name").map(str::to_string);
                let label = v
                    .attr("id")
                    .and_then(|i| labels.get(i).cloned())
                    .or_else(|| row_header(&c));
                match v.name() {
                    "input" => {
                        let ty = v.attr("type").unwrap_or("text").to_ascii_lowercase();
                        let value = v.attr("value").unwrap_or("").to_string();
                        match ty.as_str() {
                            "submit" | "button" | "image" => buttons.push(Button { name, value }),
                            "reset" | "file" => {}
                            _ => {
                                let Some(name) = name else { continue };
                                let kind = match ty.as_str() {
                                    "hidden" => FieldKind::Hidden,
                                    "password" => FieldKind::Password,
                                    "checkbox" | "radio" => FieldKind::Checkbox {
                                        checked: v.attr("checked").is_some(),
                                    },
                                    _ => FieldKind::Text,
                                };
                                let value = if matches!(kind, FieldKind::Checkbox { .. })
                                    && v.attr("value").is_none()
                                {
                                    "on".to_string()
                                } else {
                                    value
                                };
                                fields.push(Field {
                                    name,
                                    kind,
                                    value,
                                    label,
                                });
                            }
                        }
                    }
                    "button" => {
                        let ty = v.attr("type").unwrap_or("submit").to_ascii_lowercase();
                        if ty == "submit" {
                            buttons.push(Button {
                                name,
                                value: v
                                    .attr("value")
                                    .map(norm)
                                    .filter(|s| !s.is_empty())
                                    .unwrap_or_else(|| text_of(&c)),
                            });
                        }
                    }
                    "select" => {
                        let Some(name) = name else { continue };
                        let mut options = Vec::new();
                        for o in c.select(&sel("option")) {
                            let text = text_of(&o);
                            let value = o
                                .value()
                                .attr("value")
                                .map(str::to_string)
                                .unwrap_or_else(|| text.clone());
                            options.push((value, text, o.value().attr("selected").is_some()));
                        }
                        let value = options
                            .iter()
                            .find(|o| o.2)
                            .or(options.first())
                            .map(|o| o.0.clone())
                            .unwrap_or_default();
                        fields.push(Field {
                            name,
                            kind: FieldKind::Select(options),
                            value,
                            label,
                        });
                    }
                    "textarea" => {
                        let Some(name) = name else { continue };
                        fields.push(Field {
                            name,
                            kind: FieldKind::Text,
                            value: c.text().collect(),
                            label,
                        });
                    }
                    _ => {}
                }
            }
            forms.push(Form {
                action,
                fields,
                buttons,
            });
        }

        let mut links = Vec::new();
        for a in doc.select(&sel("a[href]")) {
            let Some(href) = a.value().attr("href").and_then(resolve) else {
                continue;
            };
            let mut path: Vec<String> = a
                .ancestors()
                .filter_map(ElementRef::wrap)
                .filter(|e| e.value().name() == "li")
                .skip(1)
                .map(|li| own_text(&li))
                .filter(|t| !t.is_empty())
                .collect();
            path.reverse();
            links.push(Link {
                text: text_of(&a),
                href,
                path,
            });
        }

        let frames = doc
            .select(&sel("frame[src], iframe[src]"))
            .filter_map(|f| {
                let src = resolve(f.value().attr("src")?)?;
                Some((src, f.value().attr("name").unwrap_or("").to_string()))
            })
            .collect();

        let class_texts = |class: &str| -> Vec<String> {
            doc.select(&sel(&format!(".{class}")))
                .map(|e| text_of(&e))
                .filter(|t| !t.is_empty())
                .collect()
        };
        let errors = class_texts("error");
        let warnings = class_texts("warning");

        let mut rows = Vec::new();
        for tr in doc.select(&sel("tr")) {
            let th = tr.select(&sel("th")).next();
            let td = tr.select(&sel("td")).next();
            if let (Some(th), Some(td)) = (th, td) {
                rows.push((text_of(&th), text_of(&td)));
            }
        }

        let texts = doc
            .select(&sel("p, div, span, td, li, strong, b"))
            .map(|e| text_of(&e))
            .filter(|t| !t.is_empty())
            .collect();

        let meta_refresh = doc
            .select(&sel("meta[http-equiv]"))
            .filter(|m| {
                m.value()
                    .attr("http-equiv")
                    .is_some_and(|h| h.eq_ignore_ascii_case("refresh"))
            })
            .filter_map(|m| m.value().attr("content").map(str::to_string))
            .find_map(|c| {
                let lower = c.to_ascii_lowercase();
                let i = lower.find("url=")?;
                resolve(c[i + 4..].trim().trim_matches(['\'', '"']))
            });

        Page {
            url,
            status,
            html,
            forms,
            links,
            frames,
            errors,
            warnings,
            rows,
            texts,
            meta_refresh,
        }
    }

    /// The first form with a field labelled like `label`.
    pub fn form_with_label(&self, labels: &[&str]) -> Option<&Form> {
        self.forms
            .iter()
            .find(|f| labels.iter().any(|l| f.field_by_label(l, &[]).is_some()))
    }

    /// The first form with a button whose visible value is one of `values`.
    pub fn form_with_button(&self, values: &[&str]) -> Option<(&Form, &Button)> {
        self.forms
            .iter()
            .find_map(|f| f.button(values).map(|b| (f, b)))
    }

    /// The value text of the first non-empty row whose header is one of `labels`.
    pub fn row(&self, labels: &[&str]) -> Option<String> {
        labels.iter().find_map(|l| {
            self.rows
                .iter()
                .find(|(h, v)| same(h, l) && !v.is_empty())
                .map(|(_, v)| v.clone())
        })
    }

    /// The first text block containing `needle` (case-insensitive), the shortest
    /// such block (the most specific element).
    pub fn text_containing(&self, needle: &str) -> Option<String> {
        self.texts
            .iter()
            .filter(|t| contains_ci(t, needle))
            .min_by_key(|t| t.len())
            .cloned()
    }

    /// A log-in form: a password input and at most a user name besides, no selects.
    pub fn login_form(&self) -> Option<&Form> {
        self.forms.iter().find(|f| {
            let visible: Vec<_> = f
                .fields
                .iter()
                .filter(|x| x.kind != FieldKind::Hidden)
                .collect();
            visible.iter().any(|x| x.kind == FieldKind::Password)
                && visible.len() <= 2
                && visible
                    .iter()
                    .all(|x| matches!(x.kind, FieldKind::Password | FieldKind::Text))
        })
    }
}

/// A menu link labelled `text` inside a menu entry labelled `parent` (when given).
pub(crate) fn menu_link<'a>(
    links: &'a [Link],
    parent: Option<&str>,
    text: &str,
) -> Option<&'a Link> {
    links.iter().find(|l| {
        same(&l.text, text) && parent.is_none_or(|p| l.path.last().is_some_and(|x| same(x, p)))
    })
}

impl Form {
    /// The field labelled `label` (exact, case-insensitive), else the first whose
    /// label contains it and none of `exclude`.
    pub fn field_by_label(&self, label: &str, exclude: &[&str]) -> Option<&Field> {
        let labelled = || self.fields.iter().filter(|f| f.label.is_some());
        labelled()
            .find(|f| same(f.label.as_deref().unwrap_or(""), label))
            .or_else(|| {
                labelled().find(|f| {
                    let l = f.label.as_deref().unwrap_or("");
                    contains_ci(l, label) && !exclude.iter().any(|x| contains_ci(l, x))
                })
            })
    }

    pub fn button(&self, values: &[&str]) -> Option<&Button> {
        values
            .iter()
            .find_map(|v| self.buttons.iter().find(|b| same(&b.value, v)))
    }

    /// The form's data as a browser submits it when `button` is clicked, with
    /// `overrides` (field name → value) applied.
    pub fn submission(
        &self,
        button: Option<&Button>,
        overrides: &[(String, String)],
    ) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for f in &self.fields {
            if let Some((_, v)) = overrides.iter().find(|(k, _)| *k == f.name) {
                if !out.iter().any(|(k, _)| *k == f.name) {
                    out.push((f.name.clone(), v.clone()));
                }
                continue;
            }
            if let FieldKind::Checkbox { checked } = f.kind {
                if !checked {
                    continue;
                }
            }
            out.push((f.name.clone(), f.value.clone()));
        }
        for (k, v) in overrides {
            if !out.iter().any(|(n, _)| n == k) {
                out.push((k.clone(), v.clone()));
            }
        }
        if let Some(b) = button {
            if let Some(n) = &b.name {
                out.push((n.clone(), b.value.clone()));
            }
        }
        out
    }
}

impl Field {
    /// The option values and texts of a select.
    pub fn options(&self) -> &[(String, String, bool)] {
        match &self.kind {
            FieldKind::Select(o) => o,
            _ => &[],
        }
    }

    /// The value of the option whose text is one of `texts`.
    pub fn option_value(&self, texts: &[&str]) -> Option<String> {
        texts.iter().find_map(|t| {
            self.options()
                .iter()
                .find(|o| same(&o.1, t))
                .map(|o| o.0.clone())
        })
    }

    /// The text of the selected option (or the value of a text input).
    pub fn shown(&self) -> String {
        match &self.kind {
            FieldKind::Select(o) => o
                .iter()
                .find(|x| x.0 == self.value)
                .map(|x| x.1.clone())
                .unwrap_or_default(),
            _ => self.value.clone(),
        }
    }
}

const REDACTED: &str = "[redacted]";

/// A copy of `html` safe to attach to a bug report: values of password inputs,
/// hidden inputs that look like tokens or carry sensitive names, and every string in
/// `secrets` are replaced; scripts are kept (they show structure), length is capped.
pub(crate) fn redact(html: &str, secrets: &[String]) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let Some(i) = find_ci(rest, "<input") else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..i]);
        let tag_end = rest[i..].find('>').map(|e| i + e + 1).unwrap_or(rest.len());
        out.push_str(&redact_input_tag(&rest[i..tag_end]));
        rest = &rest[tag_end..];
    }
    for s in secrets {
        if s.len() >= 4 {
            out = out.replace(s.as_str(), REDACTED);
            let enc: String = url::form_urlencoded::byte_serialize(s.as_bytes()).collect();
            if enc != *s {
                out = out.replace(enc.as_str(), REDACTED);
            }
        }
    }
    const CAP: usize = 64 * 1024;
    if out.len() > CAP {
        let mut cut = CAP;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
        out.push_str("\n<!-- truncated -->");
    }
    out
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.to_ascii_lowercase().find(needle)
}

fn attr_of(tag: &str, name: &str) -> Option<(usize, usize)> {
    // Returns the byte range of the attribute's value (without quotes).
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(name) {
        let start = from + p;
        from = start + name.len();
        let before_ok = start > 0 && lower.as_bytes()[start - 1].is_ascii_whitespace();
        let after = lower[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let eq = lower.len() - after.len();
        let val = &tag[eq + 1..];
        let ws = val.len() - val.trim_start().len();
        let vstart = eq + 1 + ws;
        let q = tag[vstart..].chars().next()?;
        if q == '"' || q == '\'' {
            let end = tag[vstart + 1..].find(q)? + vstart + 1;
            return Some((vstart + 1, end));
        }
        let end = tag[vstart..]
            .find(|c: char| c.is_whitespace() || c == '>')
            .map(|e| vstart + e)
            .unwrap_or(tag.len());
        return Some((vstart, end));
    }
    None
}

fn redact_input_tag(tag: &str) -> String {
    let get = |n: &str| attr_of(tag, n).map(|(a, b)| tag[a..b].to_string());
    let ty = get("type").unwrap_or_default().to_ascii_lowercase();
    let name = get("name").unwrap_or_default().to_ascii_lowercase();
    let Some((a, b)) = attr_of(tag, "value") else {
        return tag.to_string();
    };
    let value = &tag[a..b];
    let sensitive_name = [
        "pass", "pswd", "pwd", "token", "session", "secret", "key", "cookie",
    ]
    .iter()
    .any(|s| name.contains(s));
    let tokenish = value.len() >= 16
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_=+/.".contains(c));
    if !value.is_empty() && (ty == "password" || sensitive_name || (ty == "hidden" && tokenish)) {
        format!("{}{}{}", &tag[..a], REDACTED, &tag[b..])
    } else {
        tag.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_passwords_tokens_and_secrets() {
        let html = r#"<form><input type="hidden" name="INPUTT_SETUPTOKEN" value="8C0AD164F4DC40CF9D1E9F9601758B19"><input type="hidden" name="X" value="AUTHPASS"><input type="password" name="p" value="hunter22"><input type="text" name="INPUTT_AUTHPASSWORD" value="abc"><input type="hidden" name="from" value="top"></form><p>pw epson-practice</p>"#;
        let r = redact(html, &["epson-practice".into()]);
        assert!(!r.contains("8C0AD164"), "{r}");
        assert!(!r.contains("hunter22"));
        assert!(!r.contains("\"abc\""));
        assert!(!r.contains("epson-practice"));
        assert!(r.contains("value=\"top\""));
        assert!(r.contains("value=\"AUTHPASS\""));
    }

    #[test]
    fn labels_rows_menus_and_submission() {
        let html = r#"<ul><li>Network<ul><li>Email Server<ul><li><a href="/X/TOP">Basic</a></li></ul></li></ul></li></ul>
        <form action="/X/SET"><input type="hidden" name="T" value="1"><table>
        <tr><th><label for="a">Authentication Method</label></th><td><select id="a" name="A"><option value="0">Off</option><option value="3">OAuth2</option></select></td></tr>
        <tr><th>Port Number</th><td><input name="P" value="25"></td></tr></table>
        <input type="submit" name="ok" value="OK"><input type="submit" name="x" value="Sign In"></form>"#;
        let p = Page::parse(Url::parse("http://h/a/b").unwrap(), 200, html.to_string());
        let l = menu_link(&p.links, Some("Email Server"), "Basic").unwrap();
        assert_eq!(l.href.as_str(), "http://h/X/TOP");
        let f = p.form_with_label(&["Authentication Method"]).unwrap();
        let a = f.field_by_label("authentication method", &[]).unwrap();
        assert_eq!(a.option_value(&["OAuth2"]).as_deref(), Some("3"));
        assert_eq!(f.field_by_label("Port Number", &[]).unwrap().name, "P");
        let s = f.submission(f.button(&["Sign In"]), &[("A".into(), "3".into())]);
        assert_eq!(
            s,
            vec![
                ("T".to_string(), "1".to_string()),
                ("A".into(), "3".into()),
                ("P".into(), "25".into()),
                ("x".into(), "Sign In".into())
            ]
        );
    }
}
