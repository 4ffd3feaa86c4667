#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| printoauth_core::fuzzing::smtp_reply(data));
