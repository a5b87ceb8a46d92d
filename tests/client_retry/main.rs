//! The client's retry policy: which failures are retried, the error body
//! reader, the headers that ask for a wait, and the bounds of the back-off.

use eiam_sync::client::{
    parse_rate_limit, parse_retry_after, read_error_body, read_max_pages, read_timeout_ms,
    ApiFailure, AttemptFailure, GiveUpReason, RateLimit, RetryDecision, RetryPolicy, WaitHints,
};
use eiam_sync::parse::{self, ParseErrorCode, ParseOptions};

fn api(code: &str, status: u16) -> AttemptFailure {
    let body = format!(r#"{{"RequestId":"R","Code":"{code}","Message":"m"}}"#);
    AttemptFailure::Api(read_error_body(status, body.as_bytes(), None))
}

fn parse_failure(body: &str) -> AttemptFailure {
    let error = parse::list_synchronization_jobs(body.as_bytes(), ParseOptions::default())
        .expect_err("the body is not a valid response");
    AttemptFailure::Parse(error)
}

const LIST_PAGE: &str =
    r#"{"RequestId":"R","TotalCount":1,"SynchronizationJobs":[{"SynchronizationJobId":"sync_1"}]}"#;

// ------------------------------------------------------------ classes

mod backoff;
mod bodies;
mod classes;
mod headers;
