//! The bounds of the back-off: defaults, the doubling ceiling, full jitter, floors, caps and option checks.

use super::*;

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
