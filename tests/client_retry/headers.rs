//! The headers that ask for a wait: rate-limit TimeLeft and Retry-After.

use super::*;

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
