//! Differential fuzzing of the fast scanner of GetSynchronizationJob bodies
//! (`eiam_sync::parse::fast`) against the serde parser, on arbitrary bytes,
//! in both modes: fast acceptance implies serde acceptance, and a generic
//! JSON parser keeping key order (standing in for `JSON.parse`) reads the
//! accepted text, once put in the model's key order, as exactly the serde
//! value re-serialised, key order included.

#![no_main]

use eiam_sync::parse::{self, fast, ParseOptions};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    for strict in [false, true] {
        let options = ParseOptions { strict };
        if let Some(accepted) = fast::get_synchronization_job(data, options) {
            common::check_accepted(
                data,
                &accepted,
                parse::get_synchronization_job(data, options),
            );
        }
    }
});
