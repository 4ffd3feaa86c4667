//! The seed corpora cover what each target reads, and every seed goes through its
//! target (uninstrumented) without a panic.

use printoauth_core::fuzzing;
use printoauth_fuzz_seeds::{generate, TARGETS};

fn run(target: &str, input: &[u8]) {
    match target {
        "txt_records" => fuzzing::txt_records(input),
        "web_page" => fuzzing::web_page(input),
        "sign_in_sentence" => fuzzing::sign_in_sentence(input),
        "job_history" => fuzzing::job_history(input),
        "oauth_error" => fuzzing::oauth_error(input),
        "smtp_reply" => fuzzing::smtp_reply(input),
        other => panic!("no target {other}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_seed_goes_through_its_target() {
    let seeds = generate().await.expect("the world answers");
    for t in TARGETS {
        assert!(seeds.count(t) > 0, "no seed for {t}");
        for input in seeds.inputs(t) {
            run(t, input);
        }
    }
    let has = |t: &str, needle: &str| {
        seeds
            .inputs(t)
            .any(|i| String::from_utf8_lossy(i).contains(needle))
    };
    // What each corpus must hold for the fuzzer to start from the real thing.
    assert!(has("txt_records", "usb_MDL="), "Epson TXT records");
    assert!(has("txt_records", "\n-"), "a goodbye");
    assert!(
        has("web_page", "Authentication Method"),
        "Email Server > Basic"
    );
    assert!(
        has("web_page", "enter the code"),
        "the page showing the code"
    );
    assert!(
        has("web_page", "INPUTT_SETUPTOKEN"),
        "a form with its setup token"
    );
    assert!(has("job_history", "Result"), "a job history export");
    assert!(
        has("sign_in_sentence", "enter the code"),
        "the sign-in sentence"
    );
    assert!(has("sign_in_sentence", "Signed in"), "the signed-in status");
    assert!(has("oauth_error", "AADSTS70016"), "authorization pending");
    assert!(has("oauth_error", "AADSTS70020"), "expired");
    assert!(has("oauth_error", "AADSTS65004"), "declined");
    assert!(has("smtp_reply", "250-"), "a multi-line reply");
    assert!(has("smtp_reply", "5.7.139"), "SMTP AUTH disabled");
    assert!(has("smtp_reply", "5.7.57"), "not authenticated");
}

/// The entry points take anything: a few inputs no seed has.
#[test]
fn the_targets_take_anything() {
    for t in TARGETS {
        for input in [
            &b""[..],
            b"\xff\xfe\x00",
            b"@\n-\n=\n",
            b"<form><input name=a type=password value=Practice-Admin-1></form>",
            b"\"\"\"\r\n,,,\r",
            b"{\"error\":\"x\",\"error_description\":\"AADSTS99999999999\"}",
            b"535-5.7.139 a\r\n535 5.7.139 b\r\n",
        ] {
            run(t, input);
        }
    }
}
