//! Reading Web Config pages by their role, never by one markup: controls are found
//! by their label — a definition-list pair (`dt` → `dd`, as real devices show
//! them, "Label&nbsp;:" with the trailing space and colon stripped), `label[for]`, a
//! wrapping `<label>`, a table row header, an `aria-label` or `title` — select
//! options by their text, buttons by their visible text wherever they are: submit
//! buttons inside a form, and script buttons outside any form whose `onclick`
//! submits a form by id or name (`getElementById('X')`, `document.X`,
//! `forms['X']`, `forms[0]`, or a page function whose body does so), else the
//! page's only form. Menu links by their labels, read-only pairs ("Current
//! Status" → "Signed in"), tabbed panes (one per network interface) and the
//! redacted copy of a page for bug reports.
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
    /// The label text (definition term, label, row header, aria-label).
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

/// A button that submits a form.
#[derive(Debug, Clone)]
pub(crate) struct Button {
    /// The name a browser sends with the form (submit buttons inside the form only;
    /// script buttons send nothing of their own).
    pub name: Option<String>,
    /// The visible text (or the value of an input button).
    pub value: String,
    /// A script button (`type=button` / `onclick`), possibly outside the form.
    #[allow(dead_code)] // read by tests; describes the page
    pub script: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Post,
}

#[derive(Debug, Clone)]
pub(crate) struct Form {
    #[allow(dead_code)] // read by tests; describes the page
    pub id: Option<String>,
    pub method: Method,
    pub action: Url,
    pub fields: Vec<Field>,
    /// Every button that submits this form, inside it or not.
    pub buttons: Vec<Button>,
}

#[derive(Debug, Clone)]
pub(crate) struct Link {
    pub text: String,
    pub href: Url,
    /// The labels of the menu entries around the link, outermost first.
    pub path: Vec<String>,
}

/// One pane of a tabbed page (e.g. one network interface of Network Status).
#[derive(Debug, Clone)]
pub(crate) struct Tab {
    pub title: String,
    /// Read-only pairs inside the pane.
    pub rows: Vec<(String, String)>,
}

/// A page, parsed.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    pub url: Url,
    pub status: u16,
    pub html: String,
    /// `<title>` text (the model name on real devices).
    pub title: String,
    pub forms: Vec<Form>,
    pub links: Vec<Link>,
    /// (src, name) of frames.
    pub frames: Vec<(Url, String)>,
    /// Texts of `.error` elements.
    pub errors: Vec<String>,
    /// Texts of `.warning` elements.
    pub warnings: Vec<String>,
    /// Read-only pairs: label → value text (definition lists and table rows).
    pub rows: Vec<(String, String)>,
    /// Tabbed panes, in order.
    pub tabs: Vec<Tab>,
    /// Text blocks (paragraphs, divs, cells…) for message search.
    pub texts: Vec<String>,
    pub meta_refresh: Option<Url>,
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

/// Collapses whitespace (NBSP included), trims, drops a trailing colon (ASCII or
/// full-width) with the spaces before it: "IP Address&nbsp;:" → "IP Address".
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

/// Elements whose text is not read as a value: controls and scripts.
fn is_control_like(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "button" | "select" | "option" | "textarea" | "noscript"
    )
}

/// The text a person reads as the element's value: without the text of buttons,
/// selects and scripts inside it ("Signed out [Sign In]" → "Signed out").
fn visible_text(e: &ElementRef) -> String {
    let mut out = String::new();
    for node in e.descendants() {
        let Some(t) = node.value().as_text() else {
            continue;
        };
        let hidden = node
            .ancestors()
            .take_while(|a| a.id() != e.id())
            .filter_map(ElementRef::wrap)
            .any(|a| is_control_like(a.value().name()));
        if !hidden && !is_control_like(e.value().name()) {
            out.push_str(t);
            out.push(' ');
        }
    }
    norm(&out)
}

/// The label of a menu entry: its text without nested lists.
fn entry_label(li: &ElementRef) -> String {
    let mut out = String::new();
    for c in li.children() {
        if let Some(t) = c.value().as_text() {
            out.push_str(t);
        } else if let Some(e) = ElementRef::wrap(c) {
            if !matches!(e.value().name(), "ul" | "ol") {
                out.push_str(&visible_text(&e));
            }
        }
        out.push(' ');
    }
    norm(&out)
}

/// The `dt` that labels a `dd` (the nearest preceding element sibling).
fn dt_of<'a>(dd: &ElementRef<'a>) -> Option<ElementRef<'a>> {
    let mut sib = dd.prev_sibling();
    while let Some(s) = sib {
        if let Some(e) = ElementRef::wrap(s) {
            return (e.value().name() == "dt").then_some(e);
        }
        sib = s.prev_sibling();
    }
    None
}

/// The label a person sees for control `c`.
fn label_of(c: &ElementRef, by_for: &HashMap<String, String>) -> Option<String> {
    if let Some(t) = c.value().attr("id").and_then(|i| by_for.get(i)) {
        return Some(t.clone());
    }
    for a in c.ancestors().filter_map(ElementRef::wrap) {
        match a.value().name() {
            "label" => return Some(visible_text(&a)).filter(|t| !t.is_empty()),
            "dd" => {
                if let Some(t) = dt_of(&a).map(|dt| visible_text(&dt)) {
                    if !t.is_empty() {
                        return Some(t);
                    }
                }
                break;
            }
            "td" => {
                // The row's header cell, else the cell before this one.
                let tr = a
                    .ancestors()
                    .filter_map(ElementRef::wrap)
                    .find(|x| x.value().name() == "tr");
                if let Some(tr) = tr {
                    if let Some(th) = tr.select(&sel("th")).next() {
                        let t = visible_text(&th);
                        if !t.is_empty() {
                            return Some(t);
                        }
                    }
                }
                let mut sib = a.prev_sibling();
                while let Some(s) = sib {
                    if let Some(e) = ElementRef::wrap(s) {
                        if e.value().name() == "td" {
                            let t = visible_text(&e);
                            if !t.is_empty() {
                                return Some(t);
                            }
                        }
                        break;
                    }
                    sib = s.prev_sibling();
                }
                break;
            }
            "form" | "body" => break,
            _ => {}
        }
    }
    c.value()
        .attr("aria-label")
        .or_else(|| c.value().attr("title"))
        .map(norm)
        .filter(|t| !t.is_empty())
}

/// Identifiers and quoted strings of a script, in order.
fn js_tokens(js: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = js.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\'' || c == '"' {
            let mut s = String::new();
            for (_, d) in chars.by_ref() {
                if d == c {
                    break;
                }
                s.push(d);
            }
            out.push(s.trim_start_matches('#').to_string());
        } else if c.is_alphanumeric() || c == '_' || c == '$' {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() || d == '_' || d == '$' {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(js[i..end].to_string());
        }
    }
    out
}

/// The body of `function name(...) { ... }` in the page's scripts.
fn function_body<'a>(scripts: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(p) = scripts[from..].find("function") {
        let at = from + p + "function".len();
        from = at;
        let rest = scripts[at..].trim_start();
        if !rest.starts_with(name) {
            continue;
        }
        let after = rest[name.len()..].trim_start();
        if !after.starts_with('(') {
            continue;
        }
        let open = scripts.len() - after.len() + after.find('{')?;
        let mut depth = 0usize;
        for (i, ch) in scripts[open..].char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(&scripts[open + 1..open + i]);
                    }
                }
                _ => {}
            }
        }
        return Some(&scripts[open + 1..]);
    }
    None
}

/// Which form (index) a script submits: the first token naming a form's id or
/// name, `forms[N]`, or — one level deep — a page function that does.
fn form_named_by(
    js: &str,
    ids: &[(Option<String>, Option<String>)],
    scripts: &str,
) -> Option<usize> {
    fn direct(js: &str, ids: &[(Option<String>, Option<String>)]) -> Option<usize> {
        let toks = js_tokens(js);
        for (k, t) in toks.iter().enumerate() {
            if let Some(i) = ids
                .iter()
                .position(|(id, name)| id.as_deref() == Some(t) || name.as_deref() == Some(t))
            {
                return Some(i);
            }
            if t == "forms" {
                if let Some(n) = toks.get(k + 1).and_then(|n| n.parse::<usize>().ok()) {
                    if n < ids.len() && js.contains(&format!("forms[{n}]")) {
                        return Some(n);
                    }
                }
            }
        }
        None
    }
    if let Some(i) = direct(js, ids) {
        return Some(i);
    }
    for t in js_tokens(js) {
        if let Some(body) = function_body(scripts, &t) {
            if let Some(i) = direct(body, ids) {
                return Some(i);
            }
        }
    }
    None
}

/// A form whose only visible control picks the UI language.
fn is_language_form(f: &Form) -> bool {
    let visible: Vec<_> = f
        .fields
        .iter()
        .filter(|x| x.kind != FieldKind::Hidden)
        .collect();
    visible.len() == 1
        && (visible[0].name.eq_ignore_ascii_case("SEL_LANGA")
            || visible[0].options().iter().any(|o| same(&o.1, "English"))
                && visible[0].options().len() > 1)
}

impl Page {
    pub fn parse(url: Url, status: u16, html: String) -> Page {
        let doc = Html::parse_document(&html);
        let mut by_for: HashMap<String, String> = HashMap::new();
        for l in doc.select(&sel("label[for]")) {
            if let Some(f) = l.value().attr("for") {
                by_for
                    .entry(f.to_string())
                    .or_insert_with(|| visible_text(&l));
            }
        }
        let resolve = |href: &str| url.join(href.trim()).ok();
        let scripts: String = doc
            .select(&sel("script"))
            .map(|s| s.text().collect::<String>())
            .collect::<Vec<_>>()
            .join("\n");

        let form_els: Vec<ElementRef> = doc.select(&sel("form")).collect();
        let mut forms = Vec::new();
        // Buttons waiting for their form: (script text, element text, fallback form).
        let mut pending: Vec<(String, String, Option<usize>)> = Vec::new();
        for (fi, f) in form_els.iter().enumerate() {
            let action = match f.value().attr("action") {
                Some(a) if !a.trim().is_empty() => resolve(a).unwrap_or_else(|| url.clone()),
                _ => url.clone(),
            };
            let method = match f.value().attr("method") {
                Some(m) if m.eq_ignore_ascii_case("post") => Method::Post,
                Some(_) => Method::Get,
                // Web Config's forms post; a form without a method is read as a post.
                None => Method::Post,
            };
            let mut fields = Vec::new();
            let mut buttons = Vec::new();
            for c in f.select(&sel("input, select, textarea, button")) {
                let v = c.value();
                let name = v.attr("name").map(str::to_string);
                match v.name() {
                    "input" => {
                        let ty = v.attr("type").unwrap_or("text").to_ascii_lowercase();
                        let value = v.attr("value").unwrap_or("").to_string();
                        match ty.as_str() {
                            "submit" | "image" => buttons.push(Button {
                                name,
                                value: norm(&value),
                                script: false,
                            }),
                            "button" => pending.push((
                                v.attr("onclick").unwrap_or("").to_string(),
                                norm(&value),
                                Some(fi),
                            )),
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
                                let label = if kind == FieldKind::Hidden {
                                    None
                                } else {
                                    label_of(&c, &by_for)
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
                        let text = v
                            .attr("value")
                            .map(norm)
                            .filter(|s| !s.is_empty())
                            .unwrap_or_else(|| text_of(&c));
                        match ty.as_str() {
                            "submit" => buttons.push(Button {
                                name,
                                value: text,
                                script: false,
                            }),
                            "button" => pending.push((
                                v.attr("onclick").unwrap_or("").to_string(),
                                text_of(&c),
                                Some(fi),
                            )),
                            _ => {}
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
                            label: label_of(&c, &by_for),
                        });
                    }
                    "textarea" => {
                        let Some(name) = name else { continue };
                        fields.push(Field {
                            name,
                            kind: FieldKind::Text,
                            value: c.text().collect(),
                            label: label_of(&c, &by_for),
                        });
                    }
                    _ => {}
                }
            }
            forms.push(Form {
                id: f
                    .value()
                    .attr("id")
                    .map(str::to_string)
                    .filter(|s| !s.is_empty()),
                method,
                action,
                fields,
                buttons,
            });
        }
        let names: Vec<(Option<String>, Option<String>)> = form_els
            .iter()
            .map(|f| {
                (
                    f.value().attr("id").map(str::to_string),
                    f.value().attr("name").map(str::to_string),
                )
            })
            .collect();

        // Buttons outside every form: script buttons (and HTML5 `form=` buttons).
        for b in doc.select(&sel("button, input[type=button], input[type=submit], input[type=image], a[onclick], a[href^='javascript:']")) {
            if b.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().name() == "form")
            {
                continue;
            }
            let v = b.value();
            let text = match v.name() {
                "input" => norm(v.attr("value").unwrap_or("")),
                _ => v
                    .attr("value")
                    .filter(|_| v.name() == "button")
                    .map(norm)
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| text_of(&b)),
            };
            if let Some(target) = v.attr("form") {
                if let Some(i) = names.iter().position(|(id, _)| id.as_deref() == Some(target)) {
                    forms[i].buttons.push(Button {
                        name: None,
                        value: text,
                        script: true,
                    });
                    continue;
                }
            }
            let js = format!(
                "{} {}",
                v.attr("onclick").unwrap_or(""),
                v.attr("href")
                    .filter(|h| h.trim_start().to_ascii_lowercase().starts_with("javascript:"))
                    .unwrap_or("")
            );
            // Links may only submit a form they name; buttons fall back to the page's form.
            let fallback = if v.name() == "a" { None } else { Some(usize::MAX) };
            pending.push((js, text, fallback));
        }
        let non_language: Vec<usize> = (0..forms.len())
            .filter(|&i| !is_language_form(&forms[i]))
            .collect();
        for (js, text, fallback) in pending {
            let target = form_named_by(&js, &names, &scripts).or(match fallback {
                Some(usize::MAX) if forms.len() == 1 => Some(0),
                Some(usize::MAX) if non_language.len() == 1 => Some(non_language[0]),
                Some(usize::MAX) => None,
                other => other,
            });
            if let Some(i) = target {
                if !text.is_empty() {
                    forms[i].buttons.push(Button {
                        name: None,
                        value: text,
                        script: true,
                    });
                }
            }
        }

        let mut links = Vec::new();
        let link_path = |a: &ElementRef| -> Vec<String> {
            let mut path: Vec<String> = a
                .ancestors()
                .filter_map(ElementRef::wrap)
                .filter(|e| e.value().name() == "li")
                .map(|li| entry_label(&li))
                .filter(|t| !t.is_empty())
                .collect();
            // The entry holding the link itself is the link's own label.
            if !path.is_empty()
                && a.ancestors()
                    .filter_map(ElementRef::wrap)
                    .find(|e| e.value().name() == "li")
                    .is_some_and(|li| entry_label(&li) == text_of(a))
            {
                path.remove(0);
            }
            path.reverse();
            path
        };
        for a in doc.select(&sel("a[href]")) {
            let raw = a.value().attr("href").unwrap_or("");
            if raw
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("javascript:")
            {
                // A script link that opens a page by its path.
                let target = js_tokens(raw)
                    .into_iter()
                    .find(|t| t.starts_with('/') && t.len() > 1);
                if let Some(href) = target.as_deref().and_then(resolve) {
                    links.push(Link {
                        text: text_of(&a),
                        href,
                        path: link_path(&a),
                    });
                }
                continue;
            }
            let Some(href) = resolve(raw) else {
                continue;
            };
            links.push(Link {
                text: text_of(&a),
                href,
                path: link_path(&a),
            });
        }
        // Menu entries that open a page by script ("location='/PRESENTATION/…'").
        for e in doc.select(&sel("[onclick]")) {
            let js = e.value().attr("onclick").unwrap_or("");
            let target = js_tokens(js).into_iter().find(|t| {
                t.starts_with('/') && t.len() > 1
                    || t.starts_with("http://")
                    || t.starts_with("https://")
            });
            if let Some(href) = target.as_deref().and_then(resolve) {
                links.push(Link {
                    text: text_of(&e),
                    href,
                    path: link_path(&e),
                });
            }
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
                .map(|e| visible_text(&e))
                .filter(|t| !t.is_empty())
                .collect()
        };
        let errors = class_texts("error");
        let warnings = class_texts("warning");

        let rows_in = |root: ElementRef| -> Vec<(String, String)> {
            let mut rows = Vec::new();
            for tr in root.select(&sel("tr")) {
                let th = tr.select(&sel("th")).next();
                let td = tr.select(&sel("td")).next();
                if let (Some(th), Some(td)) = (th, td) {
                    rows.push((visible_text(&th), visible_text(&td)));
                } else {
                    let cells: Vec<_> = tr.select(&sel("td")).collect();
                    if cells.len() == 2 {
                        rows.push((visible_text(&cells[0]), visible_text(&cells[1])));
                    }
                }
            }
            for dd in root.select(&sel("dd")) {
                if let Some(dt) = dt_of(&dd) {
                    rows.push((visible_text(&dt), visible_text(&dd)));
                }
            }
            rows
        };
        let rows = rows_in(doc.root_element());

        let titles: Vec<String> = doc
            .select(&sel("ul.tabs > li, li.tab, .tabs > .tab"))
            .map(|t| visible_text(&t))
            .collect::<Vec<_>>();
        let mut seen = std::collections::HashSet::new();
        let titles: Vec<String> = titles
            .into_iter()
            .filter(|t| seen.insert(t.clone()))
            .collect();
        let panes: Vec<ElementRef> = doc
            .select(&sel(".tabbed-pane, .tab-pane, .tabpane"))
            .collect();
        let tabs = if !titles.is_empty() && titles.len() == panes.len() {
            titles
                .into_iter()
                .zip(panes)
                .map(|(title, pane)| Tab {
                    title,
                    rows: rows_in(pane),
                })
                .collect()
        } else {
            Vec::new()
        };

        let texts = doc
            .select(&sel(
                "p, div, span, td, th, li, strong, b, dd, dt, h1, h2, h3, h4, label",
            ))
            .map(|e| visible_text(&e))
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
        let title = doc
            .select(&sel("title"))
            .next()
            .map(|t| text_of(&t))
            .unwrap_or_default();

        Page {
            url,
            status,
            html,
            title,
            forms,
            links,
            frames,
            errors,
            warnings,
            rows,
            tabs,
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

    /// The first form with a button whose visible text is one of `values` (in the
    /// order of `values`), wherever the button is on the page.
    pub fn form_with_button(&self, values: &[&str]) -> Option<(&Form, &Button)> {
        values.iter().find_map(|v| {
            self.forms
                .iter()
                .find_map(|f| f.button(&[v]).map(|b| (f, b)))
        })
    }

    /// The value text of the first non-empty row whose label is one of `labels`.
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

    /// A log-in form: a password input and at most a user name and a session-type
    /// choice besides.
    pub fn login_form(&self) -> Option<&Form> {
        self.forms.iter().find(|f| {
            let visible: Vec<_> = f
                .fields
                .iter()
                .filter(|x| x.kind != FieldKind::Hidden)
                .collect();
            let selects = visible
                .iter()
                .filter(|x| matches!(x.kind, FieldKind::Select(_)))
                .count();
            visible.iter().any(|x| x.kind == FieldKind::Password)
                && visible.len() <= 3
                && selects <= 1
                && visible.iter().all(|x| {
                    matches!(
                        x.kind,
                        FieldKind::Password | FieldKind::Text | FieldKind::Select(_)
                    )
                })
        })
    }
}

/// A menu link labelled `text` inside a menu entry labelled `parent` (when given):
/// the innermost entry first, else any entry around it.
pub(crate) fn menu_link<'a>(
    links: &'a [Link],
    parent: Option<&str>,
    text: &str,
) -> Option<&'a Link> {
    let named = || links.iter().filter(|l| same(&l.text, text));
    match parent {
        None => named().next(),
        Some(p) => named()
            .find(|l| l.path.last().is_some_and(|x| same(x, p)))
            .or_else(|| named().find(|l| l.path.iter().any(|x| same(x, p)))),
    }
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

    /// A settings page as real devices write it: definition lists, labels ending in
    /// "&nbsp;:", script buttons outside the forms, a language form beside.
    const CAPTURED: &str = r#"<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">
<HTML><HEAD><META name="Author" content="SEIKO EPSON"><TITLE>AM-C6000 Series</TITLE>
<SCRIPT type="text/javascript">
function OnSetButton() { var f = document.getElementById('login'); f.submit(); }
function showDiv(t) { }
</SCRIPT></HEAD><BODY>
<div class="header-main">Email Server &gt; Basic</div>
<form method="post" action="/PRESENTATION/ADVANCED/COMMON/TOP" id="lang_form"><select name="SEL_LANGA"><option value="1" selected>English</option><option value="2">Français</option><option value="4">Deutsch</option></select></form>
<form method="post" action="/X/SET" id="input_form">
<input type="hidden" name="INPUTT_SETUPTOKEN" value="ABC">
<div class="section"><dl class="values">
<dt class="key"><span class="key">Authentication Method&nbsp;:</span></dt>
<dd class="value"><select name="SEL_A"><option value="0">Off</option><option value="4" selected>OAuth2</option></select></dd>
<dt class="key"><span class="key">Current Status&nbsp;:</span></dt>
<dd class="value"><div class="preserve-white-space">Signed out</div> <button type="button" class="button" onclick="document.signin_form.submit(); return false;">Sign In</button></dd>
<DT class="key"><SPAN class="key">Sender's Email Address&nbsp;:</SPAN></DT>
<DD class="value"><INPUT type="text" name="INPUTT_FROM" value="a@b.example"></DD>
<dt class="key"><span class="key">Méthode d'authentification :</span></dt>
<dd class="value"><input type="text" name="INPUTT_FR" value=""></dd>
</dl></div></form>
<form method="post" action="/X/SIGNIN" name="signin_form"><input type="hidden" name="INPUTT_SETUPTOKEN" value="ABC"></form>
<form method="get" action="/X/TOP" id="refresh_form"><input type="hidden" name="tm" value="1"></form>
<div class="footer"><ul class="buttons">
<li class="button"><button type="button" class="button" onclick="document.getElementById('input_form').submit(); return false;">OK</button></li>
<li class="button"><button type="button" class="button" onclick="document.forms['refresh_form'].submit(); return false;">Refresh</button></li>
</ul></div>
</BODY></HTML>"#;

    #[test]
    fn definition_lists_and_script_buttons_outside_forms() {
        let p = Page::parse(
            Url::parse("https://h/X/TOP").unwrap(),
            200,
            CAPTURED.to_string(),
        );
        assert_eq!(p.title, "AM-C6000 Series");
        let f = p.form_with_label(&["Authentication Method"]).unwrap();
        assert_eq!(f.id.as_deref(), Some("input_form"));
        let a = f.field_by_label("Authentication Method", &[]).unwrap();
        assert_eq!(a.name, "SEL_A");
        assert_eq!(a.shown(), "OAuth2");
        assert_eq!(
            f.field_by_label("Sender's Email Address", &[])
                .unwrap()
                .name,
            "INPUTT_FROM"
        );
        // A space (not only NBSP) before the colon, as other languages write it.
        assert_eq!(
            f.field_by_label("Méthode d'authentification", &[])
                .unwrap()
                .name,
            "INPUTT_FR"
        );
        // The footer's OK submits input_form, without a name of its own.
        let ok = f.button(&["OK"]).unwrap();
        assert!(ok.script && ok.name.is_none());
        // "Sign In" submits the other form its onclick names.
        let (sf, _) = p.form_with_button(&["Sign In"]).unwrap();
        assert_eq!(sf.action.path(), "/X/SIGNIN");
        let (rf, _) = p.form_with_button(&["Refresh"]).unwrap();
        assert_eq!(rf.method, Method::Get);
        // Read-only value without the button's text.
        assert_eq!(p.row(&["Current Status"]).as_deref(), Some("Signed out"));
        // The submission is every field of the form as a browser sends it.
        let sub = f.submission(Some(ok), &[("SEL_A".into(), "0".into())]);
        assert_eq!(
            sub,
            vec![
                ("INPUTT_SETUPTOKEN".to_string(), "ABC".to_string()),
                ("SEL_A".into(), "0".into()),
                ("INPUTT_FROM".into(), "a@b.example".into()),
                ("INPUTT_FR".into(), "".into()),
            ]
        );
    }

    #[test]
    fn log_in_by_a_page_function_with_a_session_type_choice() {
        let html = r#"<html><head><title>WF-C5890 Series</title><script>
        function OnSetButton(){ document.getElementById('login').submit(); }</script></head><body>
        <form method="post" action="/PRESENTATION/ADVANCED/COMMON/TOP"><select name="SEL_LANGA"><option value="1">English</option><option value="4">Deutsch</option></select></form>
        <form method="post" action="/PRESENTATION/ADVANCED/PASSWORD/SET" id="login">
        <dl class="values"><dt class="key"><span class="key">User Name&nbsp;:</span></dt><dd class="value"><input type="text" name="INPUTT_USERNAME" value=""></dd>
        <dt class="key"><span class="key">Current password&nbsp;:</span></dt><dd class="value"><input type="password" name="INPUTT_PASSWORD"></dd>
        <dt class="key"><span class="key">Session Type&nbsp;:</span></dt><dd class="value"><select name="SEL_SESSIONTYPE"><option value="USER">General User</option><option value="ADMIN">Administrator</option></select></dd></dl>
        <input type="hidden" name="INPUTT_ACCSESSMETHOD" value="0"><input type="hidden" name="INPUTT_DUMMY" value=""></form>
        <div class="footer"><ul class="buttons"><li class="button"><button type="button" class="button" onclick="OnSetButton(); return false;">OK</button></li></ul></div>
        </body></html>"#;
        let p = Page::parse(
            Url::parse("https://h/PRESENTATION/ADVANCED/NWS/TOP").unwrap(),
            200,
            html.to_string(),
        );
        let f = p.login_form().unwrap();
        assert_eq!(f.action.path(), "/PRESENTATION/ADVANCED/PASSWORD/SET");
        assert_eq!(f.buttons.len(), 1);
        assert_eq!(f.buttons[0].value, "OK");
        assert_eq!(
            f.field_by_label("Session Type", &[]).unwrap().name,
            "SEL_SESSIONTYPE"
        );
        // Without a page function naming it, a button goes to the page's only
        // non-language form.
        let html2 = html.replace("document.getElementById('login').submit();", "go();");
        let p2 = Page::parse(p.url.clone(), 200, html2);
        assert_eq!(p2.login_form().unwrap().buttons.len(), 1);
    }

    #[test]
    fn tabbed_panes_and_menus_by_script() {
        let html = r#"<html><body>
        <ul class="menu"><li><span>Network</span><ul><li><span>Email Server</span><ul>
          <li onclick="top.target_INFO.location.href='/PRESENTATION/ADVANCED/NWS_MAIL_BASIC/TOP';">Basic</li></ul></li></ul></li></ul>
        <ul class="tabs"><li class="tab" onclick="showDiv(this)">Wired LAN</li><li class="tab" onclick="showDiv(this)">Additional Network</li></ul>
        <div class="tabbed-pane"><dl class="values"><dt class="key"><span class="key">IP Address&nbsp;:</span></dt><dd class="value"><div class="preserve-white-space">192.0.2.10</div></dd></dl></div>
        <div class="tabbed-pane" style="display:none"><dl class="values"><dt class="key"><span class="key">IP Address&nbsp;:</span></dt><dd class="value"><div class="preserve-white-space">10.1.2.3</div></dd></dl></div>
        <p>Note: the additional network does not support OAuth 2.0.</p>
        </body></html>"#;
        let p = Page::parse(Url::parse("https://h/S").unwrap(), 200, html.to_string());
        assert_eq!(p.tabs.len(), 2);
        assert_eq!(p.tabs[1].title, "Additional Network");
        assert_eq!(
            p.tabs[1].rows,
            vec![("IP Address".to_string(), "10.1.2.3".to_string())]
        );
        let l = menu_link(&p.links, Some("Email Server"), "Basic").unwrap();
        assert_eq!(l.href.path(), "/PRESENTATION/ADVANCED/NWS_MAIL_BASIC/TOP");
        assert_eq!(
            l.path,
            vec!["Network".to_string(), "Email Server".to_string()]
        );
    }
}
