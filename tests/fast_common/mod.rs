//! The differential check shared by the fast scanner's tests: both routes
//! on one body, and what must hold between them.

pub mod ordered;

use eiam_sync::analyze::{JobAggregator, SummaryOptions};
use eiam_sync::parse::{self, fast, ParseOptions};
use ordered::Ordered;
use serde::Serialize;

pub const LENIENT: ParseOptions = ParseOptions { strict: false };
pub const STRICT: ParseOptions = ParseOptions { strict: true };

/// Checks what an accepted body must give: the value `JSON.parse` reads
/// from its text put in the model's key order is exactly (key order
/// included) the parser's value as serde writes it.
pub fn engine_reads_the_parser_value<T: Serialize>(
    accepted: &fast::Accepted,
    parsed: &T,
    body: &[u8],
) {
    let mut copy = body.to_vec();
    let text = accepted
        .in_model_order(&mut copy)
        .expect("the objects to reorder fit the input");
    let engine = Ordered::read(text).expect("the text in model order is JSON");
    let expected = Ordered::read(&serde_json::to_vec(parsed).unwrap()).unwrap();
    assert_eq!(engine, expected, "{}", lossy(body));
}

/// Runs both routes on a ListSynchronizationJobs body in both modes and
/// checks: fast acceptance implies serde acceptance and the same value from
/// a generic JSON parser (`JSON.parse`'s stand-in); the aggregator over the
/// bytes (fast route first) gives the result and summary of the aggregator
/// over the parsed page. Returns whether the fast scanner accepted leniently.
pub fn list(body: &[u8], summary: SummaryOptions) -> bool {
    for options in [STRICT, LENIENT] {
        let serde = parse::list_synchronization_jobs(body, options);
        if let Some(accepted) = fast::list_synchronization_jobs(body, options) {
            let parsed = serde
                .unwrap_or_else(|e| panic!("fast accepted, serde refused: {e}: {}", lossy(body)));
            engine_reads_the_parser_value(&accepted, &parsed, body);
        }
    }
    let mut fast_route = JobAggregator::new(summary);
    let fast_result = fast_route.add_list_response_bytes(body);
    let mut serde_route = JobAggregator::new(summary);
    let serde_result = parse::list_synchronization_jobs(body, LENIENT)
        .map(|response| serde_route.add_list_response(&response));
    assert_eq!(fast_result, serde_result, "{}", lossy(body));
    assert_eq!(
        fast_route.summary(),
        serde_route.summary(),
        "{}",
        lossy(body)
    );
    fast::list_synchronization_jobs(body, LENIENT).is_some()
}

/// The same for a GetSynchronizationJob body (no aggregation).
pub fn get(body: &[u8]) -> bool {
    for options in [STRICT, LENIENT] {
        let serde = parse::get_synchronization_job(body, options);
        if let Some(accepted) = fast::get_synchronization_job(body, options) {
            let parsed = serde
                .unwrap_or_else(|e| panic!("fast accepted, serde refused: {e}: {}", lossy(body)));
            engine_reads_the_parser_value(&accepted, &parsed, body);
        }
    }
    fast::get_synchronization_job(body, LENIENT).is_some()
}

/// The start of a body, for messages.
pub fn lossy(body: &[u8]) -> String {
    String::from_utf8_lossy(body).chars().take(300).collect()
}
