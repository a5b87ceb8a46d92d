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

// ------------------------------------------------------------ error bodies

#[test]
fn an_alibaba_error_body_gives_every_field() {
    let body = br#"{"RequestId":"0441BD79-92F3-53AA-8657-F8CE4A2B912A","HostId":"eiam.cn-hangzhou.aliyuncs.com","Code":"Throttling.User","Message":"Request was denied due to user flow control.","Recommend":"https://api.aliyun.com/troubleshoot?q=Throttling.User"}"#;
    let failure = read_error_body(429, body, Some("HEADER-ID"));
    assert_eq!(
        failure,
        ApiFailure {
            code: "Throttling.User".to_owned(),
            message: "Request was denied due to user flow control.".to_owned(),
            request_id: "0441BD79-92F3-53AA-8657-F8CE4A2B912A".to_owned(),
            http_status: 429,
            recommend: Some("https://api.aliyun.com/troubleshoot?q=Throttling.User".to_owned()),
            retryable: true,
        }
    );
}

#[test]
fn missing_parts_of_an_error_body_have_fallbacks() {
    let failure = read_error_body(
        404,
        br#"{"Code":"EntityNotExists.Instance"}"#,
        Some(" H-1 "),
    );
    assert_eq!(failure.code, "EntityNotExists.Instance");
    assert_eq!(
        failure.request_id, "H-1",
        "the x-acs-request-id header, trimmed"
    );
    assert_eq!(
        failure.message,
        "the service answered HTTP 404 EntityNotExists.Instance"
    );
    assert_eq!(failure.recommend, None);
    assert!(!failure.retryable);
    let failure = read_error_body(
        400,
        br#"{"Code":"InvalidParameter","Message":"","Recommend":""}"#,
        None,
    );
    assert_eq!(failure.request_id, "");
    assert_eq!(failure.recommend, None);
}

#[test]
fn a_body_that_is_not_an_error_object_is_an_http_error() {
    let html = read_error_body(
        502,
        b"<html><body>502 Bad Gateway</body></html>\n",
        Some("gw-1"),
    );
    assert_eq!(html.code, "HttpError");
    assert_eq!(html.http_status, 502);
    assert_eq!(html.request_id, "gw-1");
    assert!(html.retryable);
    assert_eq!(
        html.message,
        "HTTP 502 with a body that is not an Alibaba Cloud error: \"<html><body>502 Bad Gateway</body></html>\""
    );
    let empty = read_error_body(404, b"", None);
    assert_eq!(empty.code, "HttpError");
    assert_eq!(
        empty.message,
        "HTTP 404 with an empty body (not an Alibaba Cloud error)"
    );
    assert!(!empty.retryable);
    for body in [
        &br#"{"Code":7}"#[..],
        br#"{"Code":""}"#,
        b"[]",
        b"null",
        b"\xff\xfe",
    ] {
        assert_eq!(
            read_error_body(400, body, None).code,
            "HttpError",
            "{body:?}"
        );
    }
    let long = "x".repeat(500);
    let message = read_error_body(500, long.as_bytes(), None).message;
    assert!(message.ends_with("…\""), "{message}");
    assert!(message.len() < 250, "{message}");
}

// ------------------------------------------------------------ headers

#[test]
fn rate_limit_headers() {
    assert_eq!(
        parse_rate_limit("Limit:10,Remain:0,TimeLeft:734,Reset:1767225601000"),
        Some(RateLimit {
            limit: Some(10),
            remain: Some(0),
            time_left_ms: Some(734),
            reset: Some(1_767_225_601_000),
        })
    );
    assert_eq!(
        parse_rate_limit(" timeleft : 12.2 , Other:x, remain:3"),
        Some(RateLimit {
            limit: None,
            remain: Some(3),
            time_left_ms: Some(13),
            reset: None,
        })
    );
    for bad in ["", "garbage", "TimeLeft:-5", "TimeLeft:abc", "Unknown:5"] {
        assert_eq!(parse_rate_limit(bad), None, "{bad:?}");
    }
}

#[test]
fn retry_after_in_seconds_and_as_a_date() {
    assert_eq!(parse_retry_after("1", 0.0), Some(1000));
    assert_eq!(parse_retry_after(" 120 ", 0.0), Some(120_000));
    assert_eq!(parse_retry_after("0", 0.0), Some(0));
    assert_eq!(parse_retry_after("1.5", 0.0), Some(1500));
    assert_eq!(parse_retry_after("1.0001", 0.0), Some(1001), "rounded up");
    assert_eq!(parse_retry_after("12.", 0.0), Some(12_000));
    assert_eq!(
        parse_retry_after("99999999999999999999999", 0.0),
        Some(2_147_483_647),
        "clamped to the longest timer"
    );
    // 1994-11-06T08:49:37Z is 784111777 s after the epoch.
    let date = "Sun, 06 Nov 1994 08:49:37 GMT";
    assert_eq!(
        parse_retry_after(date, 784_111_777_000.0 - 2500.0),
        Some(2500)
    );
    assert_eq!(
        parse_retry_after(date, 784_111_777_000.0 + 1.0),
        Some(0),
        "a past date"
    );
    // 2026-01-01T00:00:00Z is 1767225600 s after the epoch (a leap-year span).
    assert_eq!(
        parse_retry_after("Thu, 01 Jan 2026 00:00:01 GMT", 1_767_225_600_000.0),
        Some(1000)
    );
    assert_eq!(
        parse_retry_after("Thu, 29 Feb 2024 12:00:00 GMT", 1_709_208_000_000.0 - 10.0),
        Some(10)
    );
    for bad in [
        "",
        "soon",
        "-1",
        "1e3",
        ".5",
        "1.2.3",
        "1 000",
        "Sun, 06 Nov 1994 08:49:37 PST",
        "Sun, 32 Nov 1994 08:49:37 GMT",
    ] {
        assert_eq!(parse_retry_after(bad, 0.0), None, "{bad:?}");
    }
}

#[test]
fn the_wait_floor_comes_from_retry_after_and_time_left() {
    let hints = WaitHints::from_headers(
        Some("Limit:100,Remain:40,TimeLeft:300,Reset:1"),
        Some("Limit:10,Remain:0,TimeLeft:700,Reset:1"),
        None,
        0.0,
    );
    assert_eq!(hints.floor_ms(false), 700, "Remain:0 asks for its TimeLeft");
    assert_eq!(
        hints.floor_ms(true),
        700,
        "a throttling error: every TimeLeft"
    );
    let remaining =
        WaitHints::from_headers(None, Some("Limit:10,Remain:4,TimeLeft:900"), None, 0.0);
    assert_eq!(
        remaining.floor_ms(false),
        0,
        "quota left: no wait asked for"
    );
    assert_eq!(remaining.floor_ms(true), 900);
    let retry_after = WaitHints::from_headers(None, None, Some("2"), 0.0);
    assert_eq!(retry_after.floor_ms(false), 2000);
    assert_eq!(WaitHints::default().floor_ms(true), 0);
}

// ------------------------------------------------------------ back-off

/// A deterministic sequence of numbers in [0, 1), for the bound checks.
fn randoms(count: usize) -> Vec<f64> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    (0..count)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        })
        .chain([0.0, 0.999_999_999])
        .collect()
}

#[test]
fn defaults() {
    assert_eq!(
        RetryPolicy::default(),
        RetryPolicy {
            max_attempts: 4,
            base_delay_ms: 200,
            max_delay_ms: 20_000,
        }
    );
    assert_eq!(
        RetryPolicy::from_options(None, None, None),
        Ok(RetryPolicy::default())
    );
    assert_eq!(read_timeout_ms(None), Ok(30_000));
    assert_eq!(read_max_pages(None), Ok(None));
}

#[test]
fn the_ceiling_doubles_up_to_the_cap() {
    let policy = RetryPolicy {
        max_attempts: 40,
        base_delay_ms: 200,
        max_delay_ms: 5000,
    };
    let ceilings: Vec<u32> = (1..=7)
        .map(|retry| policy.backoff_ceiling_ms(retry))
        .collect();
    assert_eq!(ceilings, [200, 400, 800, 1600, 3200, 5000, 5000]);
    assert_eq!(policy.backoff_ceiling_ms(39), 5000, "no overflow");
    let huge = RetryPolicy {
        max_attempts: 100,
        base_delay_ms: i32::MAX as u32,
        max_delay_ms: i32::MAX as u32,
    };
    assert_eq!(huge.backoff_ceiling_ms(100), i32::MAX as u32);
}

#[test]
fn full_jitter_stays_within_zero_and_the_ceiling() {
    let policy = RetryPolicy {
        max_attempts: 10,
        base_delay_ms: 100,
        max_delay_ms: 1000,
    };
    let failure = api("ServiceUnavailable", 503);
    for attempt in 1..10 {
        let ceiling = policy.backoff_ceiling_ms(attempt);
        let mut seen_low = false;
        let mut seen_high = false;
        for random in randoms(2000) {
            match policy.decide(attempt, &failure, &WaitHints::default(), random) {
                RetryDecision::RetryAfter(delay) => {
                    assert!(delay <= ceiling, "attempt {attempt}: {delay} > {ceiling}");
                    seen_low |= delay < ceiling / 4;
                    seen_high |= delay > ceiling * 3 / 4;
                }
                other => panic!("attempt {attempt}: {other:?}"),
            }
        }
        assert!(
            seen_low && seen_high,
            "attempt {attempt}: the jitter spans the range"
        );
    }
    let decide = |random| policy.decide(1, &failure, &WaitHints::default(), random);
    assert_eq!(decide(0.0), RetryDecision::RetryAfter(0));
    assert_eq!(decide(0.999_999_999), RetryDecision::RetryAfter(100));
    assert_eq!(decide(f64::NAN), RetryDecision::RetryAfter(0));
    assert_eq!(decide(7.0), RetryDecision::RetryAfter(100), "clamped");
}

#[test]
fn never_shorter_than_time_left_or_retry_after() {
    let policy = RetryPolicy {
        max_attempts: 5,
        base_delay_ms: 100,
        max_delay_ms: 5000,
    };
    let throttled = api("Throttling.User", 429);
    let hints = WaitHints::from_headers(
        None,
        Some("Limit:1,Remain:0,TimeLeft:734,Reset:9"),
        None,
        0.0,
    );
    for random in randoms(500) {
        match policy.decide(1, &throttled, &hints, random) {
            RetryDecision::RetryAfter(delay) => {
                assert_eq!(delay, 734, "the floor beats a ceiling of 100")
            }
            other => panic!("{other:?}"),
        }
        match policy.decide(4, &throttled, &hints, random) {
            RetryDecision::RetryAfter(delay) => assert!((734..=800).contains(&delay), "{delay}"),
            other => panic!("{other:?}"),
        }
    }
    let proxy = api("Throttling.Proxy", 429);
    let hints = WaitHints::from_headers(None, None, Some("1"), 0.0);
    for random in randoms(200) {
        assert_eq!(
            policy.decide(1, &proxy, &hints, random),
            RetryDecision::RetryAfter(1000)
        );
    }
}

#[test]
fn a_wait_longer_than_max_delay_is_not_taken() {
    let policy = RetryPolicy {
        max_attempts: 5,
        base_delay_ms: 100,
        max_delay_ms: 500,
    };
    let hints = WaitHints::from_headers(None, Some("Remain:0,TimeLeft:734"), None, 0.0);
    assert_eq!(
        policy.decide(1, &api("Throttling.User", 429), &hints, 0.5),
        RetryDecision::GiveUp(GiveUpReason::WaitTooLong { required_ms: 734 })
    );
    let exact = WaitHints::from_headers(None, None, Some("0.5"), 0.0);
    assert_eq!(
        policy.decide(1, &api("Throttling.Proxy", 429), &exact, 0.0),
        RetryDecision::RetryAfter(500)
    );
}

#[test]
fn attempts_are_capped_and_final_failures_never_wait() {
    let policy = RetryPolicy {
        max_attempts: 3,
        base_delay_ms: 10,
        max_delay_ms: 100,
    };
    let none = WaitHints::default();
    assert!(matches!(
        policy.decide(1, &AttemptFailure::Timeout, &none, 0.5),
        RetryDecision::RetryAfter(_)
    ));
    assert!(matches!(
        policy.decide(2, &AttemptFailure::Timeout, &none, 0.5),
        RetryDecision::RetryAfter(_)
    ));
    assert_eq!(
        policy.decide(3, &AttemptFailure::Timeout, &none, 0.5),
        RetryDecision::GiveUp(GiveUpReason::AttemptsExhausted)
    );
    assert_eq!(
        policy.decide(
            1,
            &api("EntityNotExists.SynchronizationJob", 404),
            &none,
            0.5
        ),
        RetryDecision::GiveUp(GiveUpReason::NotRetryable)
    );
    assert_eq!(
        policy.decide(1, &parse_failure("{]"), &none, 0.5),
        RetryDecision::GiveUp(GiveUpReason::NotRetryable)
    );
    let once = RetryPolicy {
        max_attempts: 1,
        ..policy
    };
    assert_eq!(
        once.decide(1, &AttemptFailure::Network("x".to_owned()), &none, 0.5),
        RetryDecision::GiveUp(GiveUpReason::AttemptsExhausted)
    );
}

#[test]
fn option_checks() {
    assert_eq!(
        RetryPolicy::from_options(Some(1.0), Some(0.0), Some(0.0)),
        Ok(RetryPolicy {
            max_attempts: 1,
            base_delay_ms: 0,
            max_delay_ms: 0,
        })
    );
    assert_eq!(
        RetryPolicy::from_options(Some(100.0), Some(2_147_483_647.0), Some(2_147_483_647.0))
            .map(|p| p.max_attempts),
        Ok(100)
    );
    for (attempts, base, max, needle) in [
        (Some(0.0), None, None, "retry.maxAttempts"),
        (Some(101.0), None, None, "retry.maxAttempts"),
        (Some(2.5), None, None, "retry.maxAttempts"),
        (Some(f64::NAN), None, None, "retry.maxAttempts"),
        (None, Some(-1.0), None, "retry.baseDelayMs"),
        (None, None, Some(f64::INFINITY), "retry.maxDelayMs"),
        (None, None, Some(2_147_483_648.0), "retry.maxDelayMs"),
    ] {
        let error = RetryPolicy::from_options(attempts, base, max).expect_err(needle);
        assert!(error.starts_with(needle), "{error}");
    }
    assert_eq!(read_timeout_ms(Some(250.0)), Ok(250));
    assert!(read_timeout_ms(Some(0.0)).is_err());
    assert!(read_timeout_ms(Some(1.5)).is_err());
    assert_eq!(read_max_pages(Some(3.0)), Ok(Some(3)));
    assert!(read_max_pages(Some(0.0)).is_err());
    assert!(read_max_pages(Some(-2.0)).is_err());
}
