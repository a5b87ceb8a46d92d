//! Fuzzes the GetIdentityProviderUdPushConfiguration response parser with arbitrary
//! bytes: it must return `Ok` or `Err` and never panic, in lenient mode and
//! (when lenient parsing succeeds) in strict mode.
//!
//! `cargo xtask fuzz` passes `tests/fixtures/seeds/` (the `*.example.json`
//! response bodies) as the seed corpus of the parse targets.

#![no_main]

use eiam_sync::parse::{self, ParseOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if parse::get_identity_provider_ud_push_configuration(data, ParseOptions::default()).is_ok() {
        let _ =
            parse::get_identity_provider_ud_push_configuration(data, ParseOptions { strict: true });
    }
});
