//! The CLI's words come from the shared Fluent catalogues in `i18n/` (one per
//! language, also used by the app's UI). The language follows `--lang`, else the
//! environment (LC_ALL, LC_MESSAGES, LANG), else English; a message missing from a
//! catalogue falls back to English, never to a raw key.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The languages printoauth speaks, with their catalogues.
pub const CATALOGUES: &[(&str, &str)] = &[
    ("en", include_str!("../../../i18n/en.ftl")),
    ("uz", include_str!("../../../i18n/uz.ftl")),
    ("lt", include_str!("../../../i18n/lt.ftl")),
    ("be", include_str!("../../../i18n/be.ftl")),
    ("hi", include_str!("../../../i18n/hi.ftl")),
    ("mk", include_str!("../../../i18n/mk.ftl")),
];

pub struct Tr {
    lang: &'static str,
    bundle: FluentBundle<FluentResource>,
    english: FluentBundle<FluentResource>,
}

fn bundle(lang: &str, source: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.parse().expect("language id");
    let mut b = FluentBundle::new(vec![id]);
    // Terminals show the isolation marks as stray characters.
    b.set_use_isolating(false);
    let res = FluentResource::try_new(source.to_string()).unwrap_or_else(|(res, _errors)| res);
    b.add_resource(res).expect("one resource per bundle");
    b
}

/// The supported language a locale string ("lt_LT.UTF-8", "hi-IN", "mk") names.
pub fn supported(locale: &str) -> Option<&'static str> {
    let primary = locale
        .split(['_', '-', '.', '@'])
        .next()?
        .to_ascii_lowercase();
    CATALOGUES.iter().map(|(l, _)| *l).find(|l| *l == primary)
}

/// The language to use: `--lang`, else the OS locale, else English.
pub fn choose(flag: Option<&str>) -> &'static str {
    if let Some(l) = flag.and_then(supported) {
        return l;
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            if !v.is_empty() {
                return supported(&v).unwrap_or("en");
            }
        }
    }
    "en"
}

impl Tr {
    pub fn new(lang: &str) -> Tr {
        let (lang, source) = CATALOGUES
            .iter()
            .find(|(l, _)| *l == lang)
            .copied()
            .unwrap_or(CATALOGUES[0]);
        Tr {
            lang,
            bundle: bundle(lang, source),
            english: bundle("en", CATALOGUES[0].1),
        }
    }

    /// The message `id` with `args` (strings or numbers).
    pub fn t(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Str(s) => fargs.set(*k, FluentValue::from(s.clone())),
                Arg::Num(n) => fargs.set(*k, FluentValue::from(*n)),
            }
        }
        for b in [&self.bundle, &self.english] {
            if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let s = b.format_pattern(pattern, Some(&fargs), &mut errors);
                if errors.is_empty() {
                    return s.into_owned();
                }
            }
        }
        // Only reachable when English itself lacks the message, which a test forbids.
        format!("[{id}]")
    }
}

impl Tr {
    /// A `{code, params}` value of the engine (error, cause, fix) in
    /// words: the catalogue's `<family>-<code>` message with the params as arguments.
    /// `None` when no catalogue has it or it needs a value the params lack.
    pub fn coded(&self, family: &str, v: &serde_json::Value) -> Option<String> {
        let code = v.get("code")?.as_str()?;
        let id = format!("{family}-{code}");
        let mut fargs = FluentArgs::new();
        if let Some(p) = v.get("params").and_then(|p| p.as_object()) {
            for (k, val) in p {
                match val {
                    serde_json::Value::String(s) => {
                        fargs.set(k.clone(), FluentValue::from(s.clone()))
                    }
                    serde_json::Value::Number(n) => {
                        fargs.set(k.clone(), FluentValue::from(n.as_f64().unwrap_or_default()))
                    }
                    serde_json::Value::Bool(b) => {
                        fargs.set(k.clone(), FluentValue::from(b.to_string()))
                    }
                    serde_json::Value::Array(items) => fargs.set(
                        k.clone(),
                        FluentValue::from(
                            items
                                .iter()
                                .map(|i| {
                                    i.as_str()
                                        .map(str::to_string)
                                        .unwrap_or_else(|| i.to_string())
                                })
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                    ),
                    _ => {}
                }
            }
        }
        for b in [&self.bundle, &self.english] {
            if let Some(pattern) = b.get_message(&id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let s = b.format_pattern(pattern, Some(&fargs), &mut errors);
                if errors.is_empty() {
                    return Some(s.into_owned());
                }
            }
        }
        None
    }
}

/// The customer report's words (`report-…`, `fix-…`, `error-…`, `step-…`, `change-…`).
impl printoauth_core::report::Words for Tr {
    fn text(&self, id: &str, args: &[(&str, String)]) -> String {
        let args: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (*k, Arg::from(v))).collect();
        self.t(id, &args)
    }
    fn coded(&self, family: &str, value: &serde_json::Value) -> Option<String> {
        Tr::coded(self, family, value)
    }
    fn lang(&self) -> String {
        self.lang.to_string()
    }
}

pub enum Arg {
    Str(String),
    Num(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Str(s.clone())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Num(n as i64)
    }
}
impl From<u16> for Arg {
    fn from(n: u16) -> Arg {
        Arg::Num(n as i64)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use fluent_bundle::FluentResource;
    use fluent_syntax::ast;

    use super::*;

    fn ids(source: &str) -> BTreeSet<String> {
        let res = match FluentResource::try_new(source.to_string()) {
            Ok(r) => r,
            Err((_, errors)) => panic!("catalogue does not parse: {errors:?}"),
        };
        res.entries()
            .filter_map(|e| match e {
                ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    /// Every source file of the CLI, to find the message ids the code uses.
    fn cli_sources() -> String {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The ids compared across catalogues: all of them (the CLI's and the app's); which
    /// of the app's ids the code uses is checked by ui/src/catalogue.test.ts.
    fn compared_ids(source: &str) -> BTreeSet<String> {
        ids(source)
    }

    #[test]
    fn every_catalogue_has_every_message_and_no_other() {
        let english = compared_ids(CATALOGUES[0].1);
        assert!(!english.is_empty());
        for (lang, source) in CATALOGUES {
            let these = compared_ids(source);
            let missing: Vec<_> = english.difference(&these).collect();
            let extra: Vec<_> = these.difference(&english).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{lang} has messages English lacks: {extra:?}"
            );
        }
    }

    #[test]
    fn every_message_is_used_and_every_used_message_exists() {
        // Only `cli-` ids: the rest of en.ftl is the app's, checked against the UI's
        // code and the codes the Rust types export (ui/src/bindings/codes.json) by
        // ui/src/catalogue.test.ts.
        let english = ids(CATALOGUES[0].1);
        let code = cli_sources();
        let cli_ids: BTreeSet<String> = english
            .iter()
            .filter(|id| id.starts_with("cli-"))
            .cloned()
            .collect();
        // The CLI's own error codes are looked up as `cli-error-<code>`.
        let built = |id: &str| {
            id.strip_prefix("cli-error-")
                .is_some_and(|c| crate::error::CliError::CODES.contains(&c))
        };
        let unused: Vec<_> = cli_ids
            .iter()
            .filter(|id| !code.contains(&format!("\"{id}\"")) && !built(id))
            .collect();
        for c in crate::error::CliError::CODES {
            assert!(
                english.contains(&format!("cli-error-{c}")),
                "no message for the CLI's error {c}"
            );
        }
        assert!(unused.is_empty(), "messages the CLI never uses: {unused:?}");
        let mut used = BTreeSet::new();
        for part in code.split('"').skip(1).step_by(2) {
            if part.len() > 4
                && part.starts_with("cli-")
                && !part.ends_with('-')
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                used.insert(part.to_string());
            }
        }
        let undefined: Vec<_> = used.difference(&english).collect();
        assert!(
            undefined.is_empty(),
            "the CLI uses messages no catalogue has: {undefined:?}"
        );
    }

    #[test]
    fn every_message_formats_in_every_language_without_raw_keys() {
        // The CLI's messages, with the CLI's arguments (the app's messages take
        // other ones; the UI's tests format those).
        let english: BTreeSet<String> = ids(CATALOGUES[0].1)
            .into_iter()
            .filter(|id| id.starts_with("cli-"))
            .collect();
        let args: Vec<(&str, Arg)> = [
            "device",
            "model",
            "firmware",
            "available",
            "method",
            "status",
            "account",
            "sender",
            "server",
            "message",
            "step",
            "url",
            "code",
            "error",
            "from",
            "to",
            "cause",
            "fix",
            "command",
            "password",
            "what",
            "file",
            "address",
            "variable",
            "detail",
            "fingerprint",
            "time",
            "result",
            "reason",
            "alternative",
            "id",
            "devices",
            "run",
        ]
        .into_iter()
        .map(|k| (k, Arg::from("x")))
        .chain([
            ("count", Arg::Num(3)),
            ("done", Arg::Num(2)),
            ("total", Arg::Num(3)),
            ("port", Arg::Num(587)),
            ("oauth2", Arg::Num(1)),
            ("possible", Arg::Num(1)),
            ("cannot", Arg::Num(1)),
            ("unknown", Arg::Num(0)),
            ("finished", Arg::Num(1)),
            ("attention", Arg::Num(1)),
            ("sign_in", Arg::Num(1)),
        ])
        .collect();
        for (lang, _) in CATALOGUES {
            let tr = Tr::new(lang);
            for id in &english {
                let s = tr.t(id, &args);
                assert!(
                    !s.contains(&format!("[{id}]")) && !s.is_empty(),
                    "{lang} {id}: {s:?}"
                );
            }
        }
    }

    #[test]
    fn lithuanian_and_belarusian_plurals_follow_cldr() {
        // The message with its number replaced, so forms can be compared.
        let form = |tr: &Tr, n: usize| {
            tr.t("cli-devices-found", &[("count", Arg::from(n))])
                .replace(&n.to_string(), "#")
        };
        let lt = Tr::new("lt");
        // CLDR: 1 and 21 are "one"; 2..9 (and 22..29) "few"; 10..20 "other".
        assert_eq!(form(&lt, 1), form(&lt, 21));
        assert_eq!(form(&lt, 2), form(&lt, 5));
        assert_ne!(form(&lt, 1), form(&lt, 2));
        assert_ne!(form(&lt, 5), form(&lt, 11));
        assert_ne!(form(&lt, 1), form(&lt, 11));
        assert_eq!(form(&lt, 11), form(&lt, 20));
        let be = Tr::new("be");
        // 1 and 21 are "one"; 3 is "few"; 5 is "many".
        assert_eq!(form(&be, 1), form(&be, 21));
        assert_ne!(form(&be, 3), form(&be, 5));
        assert_ne!(form(&be, 1), form(&be, 3));
    }

    #[test]
    fn locale_strings_choose_a_language() {
        assert_eq!(supported("lt_LT.UTF-8"), Some("lt"));
        assert_eq!(supported("hi-IN"), Some("hi"));
        assert_eq!(supported("fr_FR"), None);
        assert_eq!(choose(Some("mk")), "mk");
        assert_eq!(Tr::new("xx").t("cli-yes", &[]), "yes");
    }
}
