//! The CLI speaks its users' languages: `--lang hi` prints Hindi, `--lang lt` picks
//! the right plural form for 1, 2, 5 and 21 devices (CLDR: one, few, few, one), and `--json` stays the same in
//! every language.

use std::process::Command;

use printoauth_sim::config::WorldConfig;
use printoauth_sim::world::World;
use printoauth_testkit::practice::WorldFile;

const CLI: &str = env!("CARGO_BIN_EXE_printoauth");

async fn world_file(n: usize) -> (World, WorldFile) {
    let w = World::start(WorldConfig::with_epson_devices(n))
        .await
        .unwrap();
    let file = WorldFile::write(&w, &n.to_string());
    (w, file)
}

fn discover(file: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(CLI)
        .args(args)
        .arg("--world")
        .arg(file)
        .arg("discover")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("PRINTOAUTH_LANG")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn is_devanagari(c: char) -> bool {
    ('\u{0900}'..='\u{097F}').contains(&c)
}

#[tokio::test(flavor = "multi_thread")]
async fn hindi_lithuanian_plurals_and_neutral_json() {
    // The count line with its number replaced, to compare plural forms.
    let mut lt_forms = Vec::new();
    for n in [1usize, 2, 5, 21] {
        let (w, file) = world_file(n).await;
        let text = discover(&file.path, &["--lang", "lt"]);
        let last = text.lines().last().unwrap().to_string();
        assert!(last.contains(&n.to_string()), "{last}");
        assert!(!last.contains("device"), "not English: {last}");
        lt_forms.push(last.replace(&n.to_string(), "#"));
        if n == 2 {
            let hi = discover(&file.path, &["--lang", "hi"]);
            assert!(hi.chars().any(is_devanagari), "{hi}");
            assert!(
                !hi.contains("VENDOR") && !hi.contains("devices found"),
                "{hi}"
            );
            // The language comes from the environment when there is no --lang.
            let out = Command::new(CLI)
                .arg("--world")
                .arg(&file.path)
                .arg("discover")
                .env("LANG", "hi_IN.UTF-8")
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .env_remove("PRINTOAUTH_LANG")
                .output()
                .unwrap();
            assert_eq!(String::from_utf8(out.stdout).unwrap(), hi);
            // JSON is the same in every language.
            assert_eq!(
                discover(&file.path, &["--lang", "hi", "--json"]),
                discover(&file.path, &["--lang", "en", "--json"])
            );
        }
        w.stop();
    }
    // CLDR for Lithuanian: 1 and 21 are "one" (įrenginys), 2 and 5 are "few"
    // (įrenginiai); 10..20 would be "other".
    assert_eq!(lt_forms[0], lt_forms[3], "{lt_forms:?}");
    assert_eq!(lt_forms[1], lt_forms[2], "{lt_forms:?}");
    assert_ne!(lt_forms[0], lt_forms[1], "{lt_forms:?}");
    assert!(
        lt_forms[0].contains("įrenginys") && lt_forms[1].contains("įrenginiai"),
        "{lt_forms:?}"
    );
}

/// The message of `id` in a catalogue, with `{ $method }` filled in.
fn message(lang: &str, id: &str, method: &str) -> String {
    let path = format!("{}/../../i18n/{lang}.ftl", env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(path).unwrap();
    let line = src
        .lines()
        .find(|l| l.starts_with(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("{id} not in {lang}.ftl"));
    line[id.len() + 3..].replace("{ $method }", method)
}

#[tokio::test(flavor = "multi_thread")]
async fn troubleshootings_causes_and_fixes_are_words_in_the_users_language() {
    let w = World::start(WorldConfig::practice()).await.unwrap();
    let file = WorldFile::write(&w, "ts");
    for lang in ["en", "lt", "hi"] {
        let out = Command::new(CLI)
            .args(["--lang", lang, "--world"])
            .arg(&file.path)
            .args(["troubleshoot", "0"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains(&message(lang, "cause-still-on-basic-auth", "smtp-auth")),
            "{lang}: {text}"
        );
        assert!(
            text.contains(&message(lang, "fix-configure", "")),
            "{lang}: {text}"
        );
        assert!(
            !text.contains("still-on-basic-auth"),
            "{lang}: a raw code: {text}"
        );
    }
    w.stop();
}
