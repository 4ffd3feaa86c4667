//! The CLI's words come from the shared Fluent catalogues (`printoauth_core::i18n`,
//! also used by the app). The language follows `--lang`, else the environment
//! (LC_ALL, LC_MESSAGES, LANG), else English.

pub use printoauth_core::i18n::{supported, Arg, Catalogue as Tr};

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

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use printoauth_core::i18n::CATALOGUES;

    use super::*;

    fn ids(source: &str) -> BTreeSet<String> {
        printoauth_core::i18n::message_ids(source).unwrap_or_else(|e| panic!("{e}"))
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
    fn locale_strings_choose_a_language() {
        assert_eq!(choose(Some("mk")), "mk");
        assert_eq!(choose(Some("hi-IN")), "hi");
    }
}
