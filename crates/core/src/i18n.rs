//! The words of every front end: the Fluent catalogues in `i18n/` (one per language,
//! shared by the app's UI, the app's Rust side and the CLI). A message missing from a
//! catalogue falls back to English, never to a raw key. Isolation marks are off: the
//! text goes to terminals, files and PDFs, where they would show as stray characters.

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

/// One language's catalogue, with English behind it for any message it lacks.
pub struct Catalogue {
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

/// The ids of a catalogue's messages (terms left out); an error naming what does not
/// parse.
pub fn message_ids(source: &str) -> Result<std::collections::BTreeSet<String>, String> {
    let res = FluentResource::try_new(source.to_string())
        .map_err(|(_, errors)| format!("the catalogue does not parse: {errors:?}"))?;
    Ok(res
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect())
}

impl Catalogue {
    pub fn new(lang: &str) -> Catalogue {
        let (lang, source) = CATALOGUES
            .iter()
            .find(|(l, _)| *l == lang)
            .copied()
            .unwrap_or(CATALOGUES[0]);
        Catalogue {
            lang,
            bundle: bundle(lang, source),
            english: bundle("en", CATALOGUES[0].1),
        }
    }

    /// The language's tag ("en", "hi").
    pub fn lang(&self) -> &'static str {
        self.lang
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

impl Catalogue {
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
impl crate::report::Words for Catalogue {
    fn text(&self, id: &str, args: &[(&str, String)]) -> String {
        let args: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (*k, Arg::from(v))).collect();
        self.t(id, &args)
    }
    fn coded(&self, family: &str, value: &serde_json::Value) -> Option<String> {
        Catalogue::coded(self, family, value)
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

    use super::*;

    fn ids(source: &str) -> BTreeSet<String> {
        message_ids(source).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn every_catalogue_has_every_message_and_no_other() {
        let english = ids(CATALOGUES[0].1);
        assert!(!english.is_empty());
        for (lang, source) in CATALOGUES {
            let these = ids(source);
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
    fn lithuanian_and_belarusian_plurals_follow_cldr() {
        // The message with its number replaced, so forms can be compared.
        let form = |c: &Catalogue, n: usize| {
            c.t("cli-devices-found", &[("count", Arg::from(n))])
                .replace(&n.to_string(), "#")
        };
        let lt = Catalogue::new("lt");
        // CLDR: 1 and 21 are "one"; 2..9 (and 22..29) "few"; 10..20 "other".
        assert_eq!(form(&lt, 1), form(&lt, 21));
        assert_eq!(form(&lt, 2), form(&lt, 5));
        assert_ne!(form(&lt, 1), form(&lt, 2));
        assert_ne!(form(&lt, 5), form(&lt, 11));
        assert_ne!(form(&lt, 1), form(&lt, 11));
        assert_eq!(form(&lt, 11), form(&lt, 20));
        let be = Catalogue::new("be");
        // 1 and 21 are "one"; 3 is "few"; 5 is "many".
        assert_eq!(form(&be, 1), form(&be, 21));
        assert_ne!(form(&be, 3), form(&be, 5));
        assert_ne!(form(&be, 1), form(&be, 3));
    }

    #[test]
    fn locale_strings_name_a_language_and_unknown_ones_fall_back_to_english() {
        assert_eq!(supported("lt_LT.UTF-8"), Some("lt"));
        assert_eq!(supported("hi-IN"), Some("hi"));
        assert_eq!(supported("fr_FR"), None);
        assert_eq!(Catalogue::new("xx").lang(), "en");
        assert_eq!(Catalogue::new("xx").t("cli-yes", &[]), "yes");
    }

    #[test]
    fn coded_values_take_their_params_and_lack_of_a_message_is_none() {
        let en = Catalogue::new("en");
        let v = serde_json::json!({"code": "no-such-code-anywhere", "params": {}});
        assert_eq!(en.coded("error", &v), None);
        assert_eq!(en.coded("error", &serde_json::json!({"params": {}})), None);
    }
}
