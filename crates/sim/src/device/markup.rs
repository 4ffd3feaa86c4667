//! How a Web Config page is written out. The page handlers describe a page (title,
//! sections of label/value rows, forms, buttons) and one of two renderers writes it:
//!
//! - [`Markup::Captured`] follows HTML saved off real devices (the reference's "What
//!   real Web Config pages look like"): HTML 4.01 strict doctype, `meta name=Author
//!   content="SEIKO EPSON"`, the model name only in `<title>`, the page title in
//!   `div.header-main`, content in `div.section > dl.values` with `dt.key > span.key`
//!   ("Label&nbsp;:") and `dd.value` (`div.preserve-white-space` for read-only
//!   values, the control on settings pages), no `label[for]`, upper- and lower-case
//!   tags mixed; buttons are `<button type="button" class="button">` in
//!   `div.footer > ul.buttons > li.button`, OUTSIDE the forms, whose onclick submits a
//!   form by id (spelt in the three ways scripts do) or calls a function of the
//!   page's script that does; tabs are `ul.tabs > li.tab[onclick="showDiv(this)"]` over
//!   `div.tabbed-pane` blocks. The class names and structure are from captures; the
//!   ids of forms other than `input_form`, `confirm_form` and `refresh_form` are
//!   ASSUMED.
//! - [`Markup::Legacy`] is an older table layout (ASSUMED, kept deliberately
//!   different): `th > label[for]` rows, `<input type=submit>` inside each form, the
//!   vendor and model in an `h1`, a meta refresh where the page updates itself.

use std::fmt::Write as _;

use crate::config::Lang;
use crate::html::esc;
use crate::models::Markup;

/// How a script button's onclick reaches its form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Call {
    /// `document.getElementById('X').submit()`
    ById,
    /// `document.X.submit()`
    DocName,
    /// `document.forms['X'].submit()`
    Forms,
    /// `NAME()`, a function of the page's script that submits the form.
    Function(&'static str),
}

#[derive(Clone, Debug)]
pub(crate) struct Button {
    pub label: String,
    /// The id (and name) of the form the button submits.
    pub form: String,
    /// The name the legacy markup's submit input carries: the handler tells the
    /// buttons of one form apart by it.
    pub name: &'static str,
    pub call: Call,
}

impl Button {
    pub fn new(label: &str, form: &str, name: &'static str, call: Call) -> Self {
        Self {
            label: label.to_string(),
            form: form.to_string(),
            name,
            call,
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) enum Value {
    /// A read-only value.
    Text(String),
    Input {
        name: String,
        value: String,
        kind: &'static str,
        maxlen: usize,
    },
    Select {
        name: String,
        options: Vec<(String, String)>,
        selected: String,
    },
    /// A read-only value with a button beside it (Current Status and Sign In).
    TextButton(String, Button),
    /// A link, e.g. the verification URL.
    Link(String),
}

impl Value {
    pub fn input(name: &str, value: &str, kind: &'static str, maxlen: usize) -> Self {
        Value::Input {
            name: name.to_string(),
            value: value.to_string(),
            kind,
            maxlen,
        }
    }

    pub fn select(name: &str, options: &[(&str, &str)], selected: &str) -> Self {
        Value::Select {
            name: name.to_string(),
            options: options
                .iter()
                .map(|(v, l)| (v.to_string(), l.to_string()))
                .collect(),
            selected: selected.to_string(),
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Row {
    pub label: String,
    pub value: Value,
}

pub(crate) fn row(label: &str, value: Value) -> Row {
    Row {
        label: label.to_string(),
        value,
    }
}

pub(crate) fn text_row(label: &str, value: &str) -> Row {
    row(label, Value::Text(value.to_string()))
}

/// A group of rows with notes after them.
#[derive(Clone, Debug, Default)]
pub(crate) struct Section {
    pub id: Option<&'static str>,
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
}

impl Section {
    pub fn rows(rows: Vec<Row>) -> Self {
        Self {
            rows,
            ..Default::default()
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Form {
    pub id: &'static str,
    pub method: &'static str,
    pub action: String,
    pub hidden: Vec<(String, String)>,
    pub sections: Vec<Section>,
}

impl Form {
    pub fn post(id: &'static str, action: String, hidden: Vec<(String, String)>) -> Self {
        Self {
            id,
            method: "post",
            action,
            hidden,
            sections: Vec::new(),
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) enum Block {
    /// A message box: class "warning" for results ("Setup complete."), "error" for
    /// refusals, "information" otherwise.
    Message {
        class: &'static str,
        text: String,
    },
    Note(String),
    Section(Section),
    Form(Form),
    /// One tab per interface, each with its rows.
    Tabs(Vec<(String, Vec<Row>)>),
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Link {
        href: String,
        text: String,
    },
    /// Markup written by the handler (menus, frames), already escaped.
    Raw(String),
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Page {
    pub title: String,
    pub blocks: Vec<Block>,
    /// Buttons at the end of the page (captured) or inside their form (legacy).
    pub footer: Vec<Button>,
    /// Extra script for the page's head.
    pub script: String,
    /// Legacy markup only: reload after this many seconds.
    pub refresh: Option<(u32, String)>,
    /// Carry the small language form posting `SEL_LANGA` to `COMMON/TOP`.
    pub lang_form: bool,
}

impl Page {
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            lang_form: true,
            ..Default::default()
        }
    }
}

/// What the frame of every page needs to know.
pub(crate) struct Frame<'a> {
    pub markup: Markup,
    pub lang: Lang,
    pub model: &'a str,
    pub vendor: &'a str,
    /// The language form's label.
    pub language_label: &'a str,
    /// The legacy language form's submit button.
    pub change_label: &'a str,
}

pub(crate) const LANG_ACTION: &str = "/PRESENTATION/ADVANCED/COMMON/TOP";

/// The onclick text of a captured script button.
pub(crate) fn onclick(b: &Button) -> String {
    let call = match b.call {
        Call::ById => format!("document.getElementById('{}').submit();", b.form),
        Call::DocName => format!("document.{}.submit();", b.form),
        Call::Forms => format!("document.forms['{}'].submit();", b.form),
        Call::Function(f) => format!("{f}();"),
    };
    format!("{call} return false;")
}

fn functions(page: &Page) -> String {
    let mut out = String::new();
    let mut buttons: Vec<&Button> = page.footer.iter().collect();
    for b in all_inline_buttons(page) {
        buttons.push(b);
    }
    let mut seen = Vec::new();
    for b in buttons {
        if let Call::Function(f) = b.call {
            if seen.contains(&f) {
                continue;
            }
            seen.push(f);
            let _ = write!(
                out,
                "function {f}() {{\n  var f = document.getElementById('{}');\n  if (f) {{ f.submit(); }}\n}}\n",
                b.form
            );
        }
    }
    out
}

fn all_inline_buttons(page: &Page) -> Vec<&Button> {
    let mut out = Vec::new();
    for b in &page.blocks {
        let sections: Vec<&Section> = match b {
            Block::Section(s) => vec![s],
            Block::Form(f) => f.sections.iter().collect(),
            _ => vec![],
        };
        for s in sections {
            for r in &s.rows {
                if let Value::TextButton(_, btn) = &r.value {
                    out.push(btn);
                }
            }
        }
    }
    out
}

/// Writes the page in the frame's markup.
pub(crate) fn render(frame: &Frame, page: &Page) -> String {
    match frame.markup {
        Markup::Captured => captured(frame, page),
        Markup::Legacy => legacy(frame, page),
    }
}

// ---------------------------------------------------------------- captured markup

const DOCTYPE_STRICT: &str =
    "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\">";

/// The head every captured page shares (upper-case tags, as on the devices).
pub(crate) fn captured_head(lang: Lang, model: &str, script: &str) -> String {
    let mut out = format!(
        "{DOCTYPE_STRICT}\n<HTML lang=\"{}\">\n<HEAD>\n\
<META http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n\
<META http-equiv=\"Content-Style-Type\" content=\"text/css\">\n\
<META http-equiv=\"Content-Script-Type\" content=\"text/javascript\">\n\
<meta name=\"Author\" content=\"SEIKO EPSON\">\n\
<meta name=\"Copyright\" content=\"Copyright(C) SEIKO EPSON CORPORATION\">\n\
<TITLE>{}</TITLE>\n\
<link rel=\"stylesheet\" type=\"text/css\" href=\"/PRESENTATION/ADVANCED/COMMON/CSS/STYLE.CSS\">\n",
        lang.code(),
        esc(model)
    );
    if !script.is_empty() {
        let _ = write!(
            out,
            "<SCRIPT type=\"text/javascript\">\n<!--\n{script}// -->\n</SCRIPT>\n"
        );
    }
    out.push_str("</HEAD>\n");
    out
}

fn lang_select(frame: &Frame, onchange: Option<&str>) -> String {
    let mut out = String::from("<select name=\"SEL_LANGA\" id=\"SEL_LANGA\"");
    if let Some(js) = onchange {
        let _ = write!(out, " onchange=\"{js}\"");
    }
    out.push('>');
    for l in Lang::ALL {
        let sel = if l == frame.lang {
            " selected=\"selected\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<option value=\"{}\"{sel}>{}</option>",
            l.selanga(),
            esc(l.native_name())
        );
    }
    out.push_str("</select>");
    out
}

/// The captured markup's small language form (a select that submits on change).
pub(crate) fn captured_lang_form(frame: &Frame) -> String {
    format!(
        "<div class=\"language\"><FORM id=\"lang_form\" name=\"lang_form\" method=\"post\" action=\"{LANG_ACTION}\" target=\"_top\">\
<span class=\"language-label\">{}</span> {}</FORM></div>\n",
        esc(frame.language_label),
        lang_select(
            frame,
            Some("document.getElementById('lang_form').submit();")
        )
    )
}

/// A select's options: `<tag value="v">label</tag>`, the chosen one with `selected`
/// (the layouts write the tag and the attribute differently).
fn option_tags(
    out: &mut String,
    options: &[(String, String)],
    chosen: &str,
    (tag, selected): (&str, &str),
) {
    for (v, l) in options {
        let sel = if v == chosen { selected } else { "" };
        let _ = write!(out, "<{tag} value=\"{}\"{sel}>{}</{tag}>", esc(v), esc(l));
    }
}

/// A table's cells after its opening `<tr>`: the headers (`<th>`), `head_end`, then
/// each row's cells (`<td>`) between `row_open` and `row_close`.
fn table_cells(
    out: &mut String,
    headers: &[String],
    rows: &[Vec<String>],
    (head_end, row_open, row_close): (&str, &str, &str),
) {
    for h in headers {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str(head_end);
    for r in rows {
        out.push_str(row_open);
        for c in r {
            let _ = write!(out, "<td>{}</td>", esc(c));
        }
        out.push_str(row_close);
    }
}

/// How a layout spells a value's markup.
struct Dialect {
    /// Read-only text (and a link) as the layout wraps it.
    wrap: fn(String) -> String,
    /// A control's `name` and `id` attributes, in the layout's order.
    name_id: fn(&str) -> String,
    /// What a text input carries after its `maxlength`.
    input_extra: &'static str,
    /// The select's tag and the option's, and how the chosen option is marked.
    select: (&'static str, &'static str, &'static str),
    /// Text next to a button.
    text_button: fn(&str, &Button) -> String,
}

const CAPTURED: Dialect = Dialect {
    wrap: |t| format!("<div class=\"preserve-white-space\">{t}</div>"),
    name_id: |n| format!("name=\"{n}\" id=\"{n}\""),
    input_extra: " class=\"text\"",
    select: ("SELECT", "OPTION", " selected=\"selected\""),
    text_button: |t, b| {
        format!(
            "<div class=\"preserve-white-space inline\">{}</div> {}",
            esc(t),
            c_button(b)
        )
    },
};

const LEGACY: Dialect = Dialect {
    wrap: |t| t,
    name_id: |n| format!("id=\"{n}\" name=\"{n}\""),
    input_extra: "",
    select: ("select", "option", " selected"),
    text_button: |t, b| format!("{} {}", esc(t), l_submit(b)),
};

/// A row's value in dialect `d`.
fn value(v: &Value, d: &Dialect) -> String {
    match v {
        Value::Text(t) => (d.wrap)(esc(t)),
        Value::Link(u) => (d.wrap)(format!("<a href=\"{0}\" target=\"_blank\">{0}</a>", esc(u))),
        Value::Input {
            name,
            value,
            kind,
            maxlen,
        } => format!(
            "<input type=\"{kind}\" {} value=\"{}\" maxlength=\"{maxlen}\"{}>",
            (d.name_id)(&esc(name)),
            esc(value),
            d.input_extra
        ),
        Value::Select {
            name,
            options,
            selected,
        } => {
            let (select, option, chosen) = d.select;
            let mut out = format!("<{select} {}>", (d.name_id)(&esc(name)));
            option_tags(&mut out, options, selected, (option, chosen));
            let _ = write!(out, "</{select}>");
            out
        }
        Value::TextButton(t, b) => (d.text_button)(t, b),
    }
}

fn c_value(v: &Value) -> String {
    value(v, &CAPTURED)
}

fn c_button(b: &Button) -> String {
    // Script in an attribute is written as the devices write it: single quotes raw.
    let js = onclick(b).replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<button type=\"button\" class=\"button\" onclick=\"{js}\">{}</button>",
        esc(&b.label)
    )
}

fn c_section(s: &Section) -> String {
    let mut out = String::from("<div class=\"section\"");
    if let Some(id) = s.id {
        let _ = write!(out, " id=\"{id}\"");
    }
    out.push_str(">\n");
    if !s.rows.is_empty() {
        out.push_str("<dl class=\"values\">\n");
        for r in &s.rows {
            let _ = writeln!(
                out,
                "<dt class=\"key\"><span class=\"key\">{}&nbsp;:</span></dt>\n<dd class=\"value\">{}</dd>",
                esc(&r.label),
                c_value(&r.value)
            );
        }
        out.push_str("</dl>\n");
    }
    for n in &s.notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(n));
    }
    out.push_str("</div>\n");
    out
}

fn hidden_input(upper: bool, name: &str, value: &str) -> String {
    if upper {
        format!(
            "<INPUT type=\"hidden\" name=\"{}\" value=\"{}\">",
            esc(name),
            esc(value)
        )
    } else {
        format!(
            "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
            esc(name),
            esc(value)
        )
    }
}

/// The blocks both layouts write alike: a message and a note (any other block is the
/// layout's own).
fn shared_block(b: &Block, out: &mut String) {
    match b {
        Block::Message { class, text } => {
            let _ = writeln!(out, "<div class=\"{class}\">{}</div>", esc(text));
        }
        Block::Note(t) => {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(t));
        }
        _ => {}
    }
}

/// A form: its hidden fields and sections (its buttons are in the footer, outside it).
fn c_form(f: &Form) -> String {
    let mut out = format!(
        "<FORM id=\"{id}\" name=\"{id}\" method=\"{}\" action=\"{}\">\n",
        f.method,
        esc(&f.action),
        id = f.id
    );
    for (n, v) in &f.hidden {
        out.push_str(&hidden_input(true, n, v));
        out.push('\n');
    }
    for s in &f.sections {
        out.push_str(&c_section(s));
    }
    out.push_str("</FORM>\n");
    out
}

fn c_block(b: &Block, out: &mut String) {
    match b {
        Block::Message { .. } | Block::Note(_) => shared_block(b, out),
        Block::Section(s) => out.push_str(&c_section(s)),
        Block::Form(f) => out.push_str(&c_form(f)),
        Block::Tabs(tabs) => {
            out.push_str("<ul class=\"tabs\">\n");
            for (i, (name, _)) in tabs.iter().enumerate() {
                let class = if i == 0 { "tab selected" } else { "tab" };
                let _ = writeln!(
                    out,
                    "<li class=\"{class}\" id=\"tab{i}\" onclick=\"showDiv(this)\">{}</li>",
                    esc(name)
                );
            }
            out.push_str("</ul>\n");
            for (i, (_, rows)) in tabs.iter().enumerate() {
                let _ = writeln!(out, "<div class=\"tabbed-pane\" id=\"tab{i}-pane\">");
                out.push_str(&c_section(&Section::rows(rows.clone())));
                out.push_str("</div>\n");
            }
        }
        Block::Table { headers, rows } => {
            out.push_str("<div class=\"section\">\n<table class=\"list\">\n<tr>");
            table_cells(out, headers, rows, ("</tr>\n", "<TR>", "</TR>\n"));
            out.push_str("</table>\n</div>\n");
        }
        Block::Link { href, text } => {
            let _ = writeln!(
                out,
                "<p class=\"link\"><a href=\"{}\">{}</a></p>",
                esc(href),
                esc(text)
            );
        }
        Block::Raw(html) => out.push_str(html),
    }
}

const SHOW_DIV: &str = "function showDiv(tab) {
  var tabs = document.getElementsByTagName('li');
  for (var i = 0; i < tabs.length; i++) {
    if (tabs[i].className.indexOf('tab') != 0) { continue; }
    var pane = document.getElementById(tabs[i].id + '-pane');
    var on = (tabs[i] == tab);
    tabs[i].className = on ? 'tab selected' : 'tab';
    if (pane) { pane.style.display = on ? 'block' : 'none'; }
  }
}
";

fn captured(frame: &Frame, page: &Page) -> String {
    let mut script = functions(page);
    let has_tabs = page.blocks.iter().any(|b| matches!(b, Block::Tabs(_)));
    if has_tabs {
        script.push_str(SHOW_DIV);
        script.push_str(
            "window.onload = function() { var t = document.getElementById('tab0'); if (t) { showDiv(t); } };\n",
        );
    }
    script.push_str(&page.script);
    let mut out = captured_head(frame.lang, frame.model, &script);
    out.push_str("<BODY>\n<div class=\"header\">\n");
    let _ = writeln!(out, "<div class=\"header-main\">{}</div>", esc(&page.title));
    if page.lang_form {
        out.push_str(&captured_lang_form(frame));
    }
    out.push_str("</div>\n<div class=\"contents\">\n");
    for b in &page.blocks {
        c_block(b, &mut out);
    }
    out.push_str("</div>\n");
    if !page.footer.is_empty() {
        out.push_str("<div class=\"footer\">\n<ul class=\"buttons\">\n");
        for b in &page.footer {
            let _ = writeln!(out, "<li class=\"button\">{}</li>", c_button(b));
        }
        out.push_str("</ul>\n</div>\n");
    }
    out.push_str("</BODY>\n</HTML>\n");
    out
}

// ---------------------------------------------------------------- legacy markup

fn l_value(v: &Value) -> String {
    value(v, &LEGACY)
}

/// A form: its hidden fields, sections and, inside it, the submit inputs of the
/// `footer` buttons that belong to it.
fn l_form(f: &Form, footer: &[Button]) -> String {
    let mut out = format!(
        "<form method=\"{}\" action=\"{}\" id=\"{}\">\n",
        f.method,
        esc(&f.action),
        f.id
    );
    for (n, v) in &f.hidden {
        out.push_str(&hidden_input(false, n, v));
    }
    for s in &f.sections {
        out.push_str(&l_section(s));
    }
    let buttons: Vec<String> = footer
        .iter()
        .filter(|b| b.form == f.id)
        .map(l_submit)
        .collect();
    if !buttons.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", buttons.join(" "));
    }
    out.push_str("</form>\n");
    out
}

fn l_submit(b: &Button) -> String {
    format!(
        "<input type=\"submit\" name=\"{}\" value=\"{}\">",
        esc(b.name),
        esc(&b.label)
    )
}

fn l_rows(rows: &[Row]) -> String {
    let mut out = String::new();
    for r in rows {
        let id = match &r.value {
            Value::Input { name, .. } | Value::Select { name, .. } => Some(name.as_str()),
            _ => None,
        };
        match id {
            Some(id) => {
                let _ = writeln!(
                    out,
                    "<tr><th><label for=\"{}\">{}</label></th><td>{}</td></tr>",
                    esc(id),
                    esc(&r.label),
                    l_value(&r.value)
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "<tr><th>{}</th><td>{}</td></tr>",
                    esc(&r.label),
                    l_value(&r.value)
                );
            }
        }
    }
    out
}

fn l_section(s: &Section) -> String {
    let mut out = String::new();
    if !s.rows.is_empty() {
        out.push_str("<table");
        if let Some(id) = s.id {
            let _ = write!(out, " id=\"{id}\"");
        }
        out.push_str(">\n");
        out.push_str(&l_rows(&s.rows));
        out.push_str("</table>\n");
    }
    for n in &s.notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(n));
    }
    out
}

fn legacy(frame: &Frame, page: &Page) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">",
        frame.lang.code()
    );
    if let Some((secs, url)) = &page.refresh {
        let _ = write!(
            out,
            "<meta http-equiv=\"refresh\" content=\"{secs}; url={}\">",
            esc(url)
        );
    }
    let _ = write!(
        out,
        "<title>{} - {}</title></head><body>\n<div id=\"pageheader\"><h1>{} {}</h1>",
        esc(&page.title),
        esc(frame.model),
        esc(frame.vendor),
        esc(frame.model)
    );
    if page.lang_form {
        let _ = write!(
            out,
            "<form method=\"post\" action=\"{LANG_ACTION}\" target=\"_top\" id=\"lang_form\"><label for=\"SEL_LANGA\">{}</label> {} <input type=\"submit\" name=\"btn_lang\" value=\"{}\"></form>",
            esc(frame.language_label),
            lang_select(frame, None),
            esc(frame.change_label)
        );
    }
    let _ = write!(
        out,
        "</div>\n<div id=\"contents\">\n<h2>{}</h2>\n",
        esc(&page.title)
    );
    for b in &page.blocks {
        match b {
            Block::Message { .. } | Block::Note(_) => shared_block(b, &mut out),
            Block::Section(s) => out.push_str(&l_section(s)),
            Block::Form(f) => out.push_str(&l_form(f, &page.footer)),
            Block::Tabs(tabs) => {
                for (name, rows) in tabs {
                    let _ = writeln!(
                        out,
                        "<h3>{}</h3>\n<table>\n{}</table>",
                        esc(name),
                        l_rows(rows)
                    );
                }
            }
            Block::Table { headers, rows } => {
                out.push_str("<table id=\"jobhistory\"><tr>");
                table_cells(&mut out, headers, rows, ("</tr>", "<tr>", "</tr>"));
                out.push_str("</table>\n");
            }
            Block::Link { href, text } => {
                let _ = writeln!(out, "<p><a href=\"{}\">{}</a></p>", esc(href), esc(text));
            }
            Block::Raw(html) => out.push_str(html),
        }
    }
    if !page.script.is_empty() {
        let _ = writeln!(out, "<script>{}</script>", page.script);
    }
    out.push_str("</div>\n</body></html>\n");
    out
}
