//! Differential fuzzing of the fast scanner of ListSynchronizationJobs
//! bodies (`eiam_sync::parse::fast`) against the serde parser, on arbitrary
//! bytes, in both modes:
//!
//! - fast acceptance implies serde acceptance, and a generic JSON parser
//!   keeping key order (standing in for `JSON.parse`) reads the accepted
//!   text, once put in the model's key order, as exactly the serde value
//!   re-serialised, key order included;
//! - the aggregator over the raw bytes (fast route first) gives the same
//!   result (`Ok`, or the same error) and the same summary as the aggregator
//!   over the serde-parsed page.
//!
//! `cargo xtask fuzz` passes `tests/fixtures/seeds/` as seed corpus; small
//! generated pages (`node bench/generate.mjs --jobs 3 --out DIR`) help too.

#![no_main]

use eiam_sync::analyze::{JobAggregator, SummaryOptions};
use eiam_sync::parse::{self, fast, ParseOptions};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    for strict in [false, true] {
        let options = ParseOptions { strict };
        if let Some(accepted) = fast::list_synchronization_jobs(data, options) {
            common::check_accepted(
                data,
                &accepted,
                parse::list_synchronization_jobs(data, options),
            );
        }
    }
    let options = SummaryOptions::default();
    let mut fast_route = JobAggregator::new(options);
    let fast_result = fast_route.add_list_response_bytes(data);
    let mut serde_route = JobAggregator::new(options);
    let serde_result = parse::list_synchronization_jobs(data, ParseOptions::default())
        .map(|response| serde_route.add_list_response(&response));
    assert_eq!(fast_result, serde_result);
    assert_eq!(fast_route.summary(), serde_route.summary());
});
