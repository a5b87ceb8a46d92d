//! Which failures are retried, and which count as throttling.

use super::*;

#[test]
fn the_retryable_codes_are_retried_whatever_their_status() {
    for code in [
        "Throttling",
        "Throttling.User",
        "Throttling.Api",
        "Throttling.Proxy",
        "ServiceUnavailable",
    ] {
        for status in [400, 429, 503] {
            assert!(api(code, status).is_retryable(), "{code} {status}");
        }
    }
}

#[test]
fn every_5xx_is_retried_and_no_other_4xx() {
    for status in [500, 502, 503, 504, 599] {
        assert!(api("InternalError", status).is_retryable(), "{status}");
        let html = AttemptFailure::Api(read_error_body(status, b"<html>bad gateway</html>", None));
        assert!(html.is_retryable(), "HttpError {status}");
    }
    for (code, status) in [
        ("EntityNotExists.SynchronizationJob", 404),
        ("InvalidParameter", 400),
        ("MissingParameter", 400),
        ("Forbidden.OriginNotAllowed", 403),
        ("Unauthorized", 401),
        ("RequestTooLarge", 413),
        ("Throttling.Concurrent", 429),
        ("throttling.user", 429),
        ("Proxy.MethodNotAllowed", 405),
    ] {
        assert!(!api(code, status).is_retryable(), "{code} {status}");
    }
    for status in [301, 400, 404, 429] {
        let html = AttemptFailure::Api(read_error_body(status, b"Too Many Requests", None));
        assert!(!html.is_retryable(), "HttpError {status}");
    }
}

#[test]
fn network_failures_time_outs_and_truncated_bodies_are_retried() {
    assert!(AttemptFailure::Network("Failed to fetch".to_owned()).is_retryable());
    assert!(AttemptFailure::Timeout.is_retryable());
    let half = &LIST_PAGE[..LIST_PAGE.len() / 2];
    let truncated = parse_failure(half);
    assert!(matches!(&truncated, AttemptFailure::Parse(e) if e.code == ParseErrorCode::Eof));
    assert!(truncated.is_retryable());
    assert!(
        parse_failure("").is_retryable(),
        "an empty 2xx body ends early too"
    );
}

#[test]
fn malformed_2xx_bodies_are_final() {
    for (body, code) in [
        ("{]", ParseErrorCode::Syntax),
        (r#"{"RequestId":"R"}"#, ParseErrorCode::MissingField),
        (
            r#"{"SynchronizationJobs":[{"SynchronizationJobId":7}]}"#,
            ParseErrorCode::Type,
        ),
    ] {
        let failure = parse_failure(body);
        assert!(
            matches!(&failure, AttemptFailure::Parse(e) if e.code == code),
            "{body}"
        );
        assert!(!failure.is_retryable(), "{body}");
    }
}

#[test]
fn only_throttling_codes_count_as_throttling() {
    assert!(api("Throttling.User", 429).is_throttling());
    assert!(api("Throttling.Proxy", 429).is_throttling());
    assert!(!api("ServiceUnavailable", 503).is_throttling());
    assert!(!AttemptFailure::Timeout.is_throttling());
}
