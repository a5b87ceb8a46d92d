//! Differential fuzzing of the fast scanner of GetSynchronizationJob bodies
//! (`eiam_sync::parse::fast`) against the serde parser, on arbitrary bytes,
//! in both modes: fast acceptance implies serde acceptance, and a generic
//! JSON parser keeping key order (standing in for `JSON.parse`) reads the
//! accepted text, once put in the model's key order, as exactly the serde
//! value re-serialised, key order included.

#![no_main]

use eiam_sync::parse::{self, fast, ParseOptions};
use libfuzzer_sys::fuzz_target;

/// The order-keeping JSON model shared with the tests (`JSON.parse`'s stand-in).
#[path = "../../tests/fast_common/ordered.rs"]
mod ordered;
use ordered::Ordered;

fuzz_target!(|data: &[u8]| {
    for strict in [false, true] {
        let options = ParseOptions { strict };
        if let Some(accepted) = fast::get_synchronization_job(data, options) {
            let parsed = parse::get_synchronization_job(data, options)
                .expect("the fast scanner accepted what the parser refuses");
            let mut copy = data.to_vec();
            let text = accepted
                .in_model_order(&mut copy)
                .expect("the reorders fit");
            let engine = Ordered::read(text).expect("the text in model order is JSON");
            let written = serde_json::to_vec(&parsed).expect("the model serialises");
            let expected = Ordered::read(&written).expect("serde writes JSON");
            assert_eq!(
                engine, expected,
                "JSON.parse of the text in model order differs"
            );
        }
    }
});
