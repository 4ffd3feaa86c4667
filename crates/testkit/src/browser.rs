//! A small test-side "browser" over reqwest and a plain HTML parser (scraper): it reads
//! pages the way a person's browser would, finds a button by its text, works out the
//! form the button submits (a script button's onclick naming a form by id, by
//! `document.X` or `document.forms['X']`, or calling a function of the page's script
//! that does; a submit input's enclosing form), and submits that form's fields.
//! Written independently of the emulator's code, from the reference's description of
//! the pages.

use std::time::Duration;

use scraper::{ElementRef, Html, Selector};

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .danger_accept_invalid_certs(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

pub fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// Collapses white space (NBSP kept) and trims.
pub fn text_of(e: ElementRef) -> String {
    e.text()
        .collect::<String>()
        .split([' ', '\n', '\t', '\r'])
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A label as compared: without the trailing NBSP/space and colon.
pub fn bare_label(s: &str) -> String {
    s.trim_end()
        .trim_end_matches(':')
        .trim_end_matches(['\u{a0}', ' '])
        .to_string()
}

pub struct Doc {
    pub url: String,
    pub status: u16,
    pub body: String,
    pub html: Html,
    /// The Set-Cookie header of the answer, if any.
    pub set_cookie: Option<String>,
}

#[derive(Debug, Clone)]
pub struct FormData {
    pub id: String,
    pub method: String,
    pub action: String,
    pub fields: Vec<(String, String)>,
}

impl FormData {
    pub fn set(&mut self, name: &str, value: &str) {
        match self.fields.iter_mut().find(|(k, _)| k == name) {
            Some(f) => f.1 = value.to_string(),
            None => self.fields.push((name.to_string(), value.to_string())),
        }
    }
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    pub fn remove(&mut self, name: &str) {
        self.fields.retain(|(k, _)| k != name);
    }
}

/// Where a button leads: the form it submits, plus its own name=value (submit inputs).
#[derive(Debug, Clone)]
pub struct Pressed {
    pub form: FormData,
    pub extra: Option<(String, String)>,
}

impl Doc {
    pub fn parse(url: String, status: u16, body: String) -> Self {
        let html = Html::parse_document(&body);
        Self {
            url,
            status,
            body,
            html,
            set_cookie: None,
        }
    }

    async fn from_response(url: String, r: reqwest::Response) -> Self {
        let status = r.status().as_u16();
        let set_cookie = r
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let mut d = Doc::parse(url, status, r.text().await.unwrap());
        d.set_cookie = set_cookie;
        d
    }

    /// The name of the control in the row labelled `label`.
    pub fn control_name(&self, label: &str) -> Option<String> {
        for dt in self.select("dt") {
            if bare_label(&text_of(dt)) != label {
                continue;
            }
            let dd = dt
                .next_siblings()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().name() == "dd")?;
            if let Some(c) = dd.select(&sel("select, input")).next() {
                return c.value().attr("name").map(str::to_string);
            }
        }
        for tr in self.select("tr") {
            let (Some(th), Some(td)) = (tr.select(&sel("th")).next(), tr.select(&sel("td")).next())
            else {
                continue;
            };
            if bare_label(&text_of(th)) == label {
                if let Some(c) = td.select(&sel("select, input")).next() {
                    return c.value().attr("name").map(str::to_string);
                }
            }
        }
        None
    }

    /// The value of the option shown as `text` in the select named `name`.
    pub fn option_value(&self, name: &str, text: &str) -> Option<String> {
        let s = self
            .select("select")
            .into_iter()
            .find(|s| s.value().attr("name") == Some(name))?;
        s.select(&sel("option"))
            .find(|o| text_of(*o) == text)
            .and_then(|o| o.value().attr("value").map(str::to_string))
    }

    /// (name, value) choosing the option `text` in the select labelled `label`.
    pub fn choose(&self, label: &str, text: &str) -> (String, String) {
        let name = self
            .control_name(label)
            .unwrap_or_else(|| panic!("no control labelled {label:?} in {}", self.body));
        let value = self
            .option_value(&name, text)
            .unwrap_or_else(|| panic!("no option {text:?} in {name}: {}", self.body));
        (name, value)
    }

    pub fn select<'a>(&'a self, s: &str) -> Vec<ElementRef<'a>> {
        self.html.select(&sel(s)).collect()
    }

    pub fn title(&self) -> String {
        self.select("title")
            .first()
            .map(|e| text_of(*e))
            .unwrap_or_default()
    }

    /// The page title shown on the page (div.header-main, else h2).
    pub fn heading(&self) -> String {
        self.select("div.header-main, h2")
            .first()
            .map(|e| text_of(*e))
            .unwrap_or_default()
    }

    /// Label/value pairs: `dl.values` pairs, else table rows `th`/`td`.
    pub fn values(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for dl in self.select("dl.values") {
            let mut label = None;
            for child in dl.children().filter_map(ElementRef::wrap) {
                match child.value().name() {
                    "dt" => label = Some(bare_label(&text_of(child))),
                    "dd" => {
                        if let Some(l) = label.take() {
                            out.push((l, value_text(child)));
                        }
                    }
                    _ => {}
                }
            }
        }
        for tr in self.select("tr") {
            let th = tr.select(&sel("th")).next();
            let td = tr.select(&sel("td")).next();
            if let (Some(th), Some(td)) = (th, td) {
                out.push((bare_label(&text_of(th)), value_text(td)));
            }
        }
        out
    }

    pub fn value(&self, label: &str) -> Option<String> {
        self.values()
            .into_iter()
            .find(|(l, _)| l == label)
            .map(|(_, v)| v)
    }

    pub fn message(&self, class: &str) -> Option<String> {
        self.select(&format!("div.{class}"))
            .first()
            .map(|e| text_of(*e))
    }

    pub fn has_form(&self, id: &str) -> bool {
        !self.select(&format!("form#{id}")).is_empty()
    }

    pub fn form(&self, id: &str) -> FormData {
        let f = self
            .select(&format!("form#{id}"))
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no form#{id} in {}", self.body));
        read_form(f)
    }

    /// The only form of the page, or the one with the given id.
    pub fn forms(&self) -> Vec<FormData> {
        self.select("form").into_iter().map(read_form).collect()
    }

    /// Finds the button labelled `label` and the form it submits.
    pub fn button(&self, label: &str) -> Pressed {
        for b in self.select("button") {
            if text_of(b) != label {
                continue;
            }
            let onclick = b.value().attr("onclick").unwrap_or("");
            let id = form_named_in(onclick)
                .or_else(|| {
                    function_called(onclick).and_then(|f| {
                        let body = self.function_body(&f)?;
                        form_named_in(&body)
                    })
                })
                .unwrap_or_else(|| panic!("button {label:?} names no form: {onclick:?}"));
            let f = self
                .select("form")
                .into_iter()
                .find(|f| f.value().id() == Some(&id) || f.value().attr("name") == Some(&id))
                .unwrap_or_else(|| panic!("button {label:?} names a missing form {id:?}"));
            return Pressed {
                form: read_form(f),
                extra: None,
            };
        }
        for i in self.select("input[type=submit]") {
            if i.value().attr("value") != Some(label) {
                continue;
            }
            let form = i
                .ancestors()
                .filter_map(ElementRef::wrap)
                .find(|a| a.value().name() == "form")
                .expect("submit input outside a form");
            let extra = i
                .value()
                .attr("name")
                .map(|n| (n.to_string(), label.to_string()));
            return Pressed {
                form: read_form(form),
                extra,
            };
        }
        panic!("no button {label:?} in {}", self.body)
    }

    pub fn has_button(&self, label: &str) -> bool {
        self.select("button").iter().any(|b| text_of(*b) == label)
            || self
                .select("input[type=submit]")
                .iter()
                .any(|i| i.value().attr("value") == Some(label))
    }

    /// The body of `function name(...) { ... }` in the page's scripts.
    pub fn function_body(&self, name: &str) -> Option<String> {
        let scripts: String = self
            .select("script")
            .iter()
            .map(|s| s.text().collect::<String>())
            .collect();
        let start = scripts.find(&format!("function {name}"))?;
        let open = scripts[start..].find('{')? + start;
        let mut depth = 0;
        for (i, c) in scripts[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(scripts[open..open + i + 1].to_string());
                    }
                }
                _ => {}
            }
        }
        None
    }
}

fn value_text(e: ElementRef) -> String {
    // A control's value when there is one, else the text.
    if let Some(sel_el) = e.select(&sel("select")).next() {
        return selected_option(sel_el)
            .map(|o| text_of(o))
            .unwrap_or_default();
    }
    if let Some(i) = e
        .select(&sel("input"))
        .find(|i| i.value().attr("type") != Some("submit"))
    {
        return i.value().attr("value").unwrap_or("").to_string();
    }
    let mut t = String::new();
    for d in e.select(&sel("div.preserve-white-space")) {
        if !t.is_empty() {
            t.push(' ');
        }
        t.push_str(&text_of(d));
    }
    if t.is_empty() {
        text_of(e)
    } else {
        t
    }
}

fn selected_option(select: ElementRef) -> Option<ElementRef> {
    let opts: Vec<_> = select.select(&sel("option")).collect();
    opts.iter()
        .find(|o| o.value().attr("selected").is_some())
        .or(opts.first())
        .copied()
}

/// The fields a browser submits for this form.
pub fn read_form(f: ElementRef) -> FormData {
    let mut fields = Vec::new();
    for e in f.select(&sel("input, select, textarea")) {
        let Some(name) = e.value().attr("name") else {
            continue;
        };
        match e.value().name() {
            "input" => {
                let ty = e
                    .value()
                    .attr("type")
                    .unwrap_or("text")
                    .to_ascii_lowercase();
                if ["submit", "button", "reset", "image"].contains(&ty.as_str()) {
                    continue;
                }
                if (ty == "checkbox" || ty == "radio") && e.value().attr("checked").is_none() {
                    continue;
                }
                fields.push((
                    name.to_string(),
                    e.value().attr("value").unwrap_or("").to_string(),
                ));
            }
            "select" => {
                let v = selected_option(e)
                    .map(|o| {
                        o.value()
                            .attr("value")
                            .map(str::to_string)
                            .unwrap_or_else(|| text_of(o))
                    })
                    .unwrap_or_default();
                fields.push((name.to_string(), v));
            }
            _ => fields.push((name.to_string(), e.text().collect())),
        }
    }
    FormData {
        id: f.value().id().unwrap_or("").to_string(),
        method: f
            .value()
            .attr("method")
            .unwrap_or("get")
            .to_ascii_lowercase(),
        action: f.value().attr("action").unwrap_or("").to_string(),
        fields,
    }
}

/// The form id a piece of script submits: getElementById('X'), document.X.submit,
/// document.forms['X'] / document.forms["X"].
pub fn form_named_in(js: &str) -> Option<String> {
    let quoted = |s: &str| -> Option<String> {
        let q = s.chars().next()?;
        if q != '\'' && q != '"' {
            return None;
        }
        let end = s[1..].find(q)? + 1;
        Some(s[1..end].to_string())
    };
    if let Some(i) = js.find("getElementById(") {
        return quoted(&js[i + 15..]);
    }
    if let Some(i) = js.find("document.forms[") {
        return quoted(&js[i + 15..]);
    }
    if let Some(i) = js.find("document.") {
        let rest = &js[i + 9..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if rest[name.len()..].starts_with(".submit") {
            return Some(name);
        }
    }
    None
}

/// `Name();` at the start of an onclick: the function it calls.
pub fn function_called(js: &str) -> Option<String> {
    let name: String = js
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty() && js.trim()[name.len()..].starts_with("()")).then_some(name)
}

pub struct Browser {
    pub c: reqwest::Client,
    pub base: String,
}

impl Browser {
    pub fn new(base: &str) -> Self {
        Self {
            c: client(),
            base: base.trim_end_matches('/').to_string(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{path}", self.base)
        }
    }

    pub async fn get(&self, path: &str) -> Doc {
        let url = self.url(path);
        let r = self.c.get(&url).send().await.unwrap();
        Doc::from_response(url, r).await
    }

    pub async fn post(&self, path: &str, form: &[(String, String)]) -> Doc {
        let url = self.url(path);
        let r = self.c.post(&url).form(form).send().await.unwrap();
        Doc::from_response(url, r).await
    }

    /// What the button labelled `label` on `doc` downloads: its form posted, the answer's
    /// text (a CSV export, say).
    pub async fn download(&self, doc: &Doc, label: &str) -> String {
        let form = doc.button(label).form;
        let r = self.c.post(self.url(&form.action)).form(&form.fields);
        r.send().await.unwrap().text().await.unwrap()
    }

    /// Submits `form` as a browser does (GET: the fields in the query).
    pub async fn submit(&self, form: &FormData) -> Doc {
        if form.method == "get" {
            let q: String = form_urlencoded::Serializer::new(String::new())
                .extend_pairs(form.fields.iter())
                .finish();
            let url = format!("{}?{q}", self.url(&form.action));
            let r = self.c.get(&url).send().await.unwrap();
            Doc::from_response(url, r).await
        } else {
            self.post(&form.action, &form.fields).await
        }
    }

    /// Presses the button labelled `label`, first setting those of `values` that are
    /// controls of its form (as a person can only change what the form holds).
    pub async fn press(&self, doc: &Doc, label: &str, values: &[(String, String)]) -> Doc {
        let Pressed { mut form, extra } = doc.button(label);
        for (k, v) in values {
            if form.get(k).is_some() {
                form.set(k, v);
            }
        }
        if let Some((k, v)) = extra {
            form.fields.push((k, v));
        }
        self.submit(&form).await
    }
}
