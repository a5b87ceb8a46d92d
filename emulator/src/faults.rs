//! Faults for client tests: latency, 503s, throttling, truncated bodies and
//! connections reset mid-response.
//!
//! Each random fault is decided by a hash of (seed, n, fault), where n is the
//! number of the request in this process (from 1). The same run is therefore
//! reproducible, and a retry (a later n) gets a fresh roll. Throttling is not
//! random: it counts requests in the current wall-clock second.

use crate::hash::{mix, unit_interval};
use axum::body::{Body, Bytes};
use std::sync::Mutex;
use std::time::Duration;

/// A random fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// 503 `ServiceUnavailable`.
    Fail,
    /// A 200 whose body is cut in half (with a matching Content-Length).
    Truncate,
    /// A 200 whose connection closes after part of the body.
    Reset,
}

impl Fault {
    fn salt(self) -> u64 {
        match self {
            Fault::Fail => 0x6661_696C,
            Fault::Truncate => 0x7472_756E,
            Fault::Reset => 0x7265_7365,
        }
    }
}

/// The roll of `fault` for request `n`: a number in `[0, 1)`.
pub fn roll(seed: u64, n: u64, fault: Fault) -> f64 {
    unit_interval(mix(&[seed, n, fault.salt()]))
}

/// Whether `fault` hits request `n` at `rate` (0 never, 1 always).
pub fn decides(seed: u64, n: u64, fault: Fault, rate: f64) -> bool {
    rate > 0.0 && roll(seed, n, fault) < rate
}

/// The fault options.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FaultConfig {
    /// The seed of the rolls.
    pub seed: u64,
    /// Sleep this long before answering each API request.
    pub latency_ms: u64,
    /// Share of requests answered 503 `ServiceUnavailable`.
    pub fail_rate: f64,
    /// Requests allowed per wall-clock second (`None`: unlimited).
    pub throttle_rps: Option<u32>,
    /// Share of 200s whose body is cut in half.
    pub truncate_rate: f64,
    /// Share of 200s whose connection is reset mid-body.
    pub reset_rate: f64,
}

/// The random faults decided for one request.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FaultPlan {
    /// Answer 503.
    pub fail: bool,
    /// Cut a 200 body in half.
    pub truncate: bool,
    /// Reset the connection during a 200 body (wins over `truncate`).
    pub reset: bool,
}

impl FaultConfig {
    /// The faults of request `n`.
    pub fn plan(&self, n: u64) -> FaultPlan {
        FaultPlan {
            fail: decides(self.seed, n, Fault::Fail, self.fail_rate),
            truncate: decides(self.seed, n, Fault::Truncate, self.truncate_rate),
            reset: decides(self.seed, n, Fault::Reset, self.reset_rate),
        }
    }

    /// The latency to add.
    pub fn latency(&self) -> Option<Duration> {
        (self.latency_ms > 0).then(|| Duration::from_millis(self.latency_ms))
    }
}

/// The outcome of the rate check for one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateCheck {
    /// Whether the request may proceed.
    pub allowed: bool,
    /// The `x-ratelimit-user` value: `Limit:n,Remain:r,TimeLeft:ms,Reset:epoch-ms`.
    pub header: String,
}

/// Counts requests per wall-clock second.
#[derive(Debug)]
pub struct Throttle {
    limit: u32,
    window: Mutex<(u64, u32)>,
}

impl Throttle {
    /// Allows `limit` requests per second.
    pub fn new(limit: u32) -> Self {
        Throttle {
            limit,
            window: Mutex::new((0, 0)),
        }
    }

    /// Counts one request at `now_ms` and says whether it is within the limit.
    pub fn admit(&self, now_ms: u64) -> RateCheck {
        let second = now_ms / 1000;
        let count = {
            let mut window = self.window.lock().unwrap_or_else(|e| e.into_inner());
            if window.0 != second {
                *window = (second, 0);
            }
            window.1 = window.1.saturating_add(1);
            window.1
        };
        let allowed = count <= self.limit;
        let remain = if allowed { self.limit - count } else { 0 };
        let time_left = 1000 - now_ms % 1000;
        let reset = (second + 1) * 1000;
        RateCheck {
            allowed,
            header: format!(
                "Limit:{},Remain:{remain},TimeLeft:{time_left},Reset:{reset}",
                self.limit
            ),
        }
    }
}

/// The first half of `body` (the truncation fault).
pub fn truncated(mut body: Vec<u8>) -> Vec<u8> {
    body.truncate(body.len() / 2);
    body
}

/// A body that sends the first half of `body`, waits a moment so it reaches
/// the wire, then fails: hyper then aborts the connection, short of the
/// Content-Length the caller announced.
pub fn resetting(body: Vec<u8>) -> Body {
    let half = Bytes::from(truncated(body));
    let stream = futures_util::stream::unfold(0u8, move |step| {
        let half = half.clone();
        async move {
            match step {
                0 => Some((Ok(half), 1)),
                1 => {
                    tokio::time::sleep(Duration::from_millis(30)).await;
                    Some((
                        Err(std::io::Error::new(
                            std::io::ErrorKind::ConnectionReset,
                            "emulated connection reset",
                        )),
                        2,
                    ))
                }
                _ => None,
            }
        }
    });
    Body::from_stream(stream)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_zero_and_one_are_never_and_always() {
        for n in 1..1000 {
            assert!(!decides(7, n, Fault::Fail, 0.0));
            assert!(decides(7, n, Fault::Fail, 1.0));
        }
    }

    #[test]
    fn decisions_are_reproducible_and_near_the_rate() {
        let config = FaultConfig {
            seed: 42,
            fail_rate: 0.3,
            ..FaultConfig::default()
        };
        let first: Vec<bool> = (1..=10_000).map(|n| config.plan(n).fail).collect();
        let again: Vec<bool> = (1..=10_000).map(|n| config.plan(n).fail).collect();
        assert_eq!(first, again);
        let hits = first.iter().filter(|&&hit| hit).count();
        assert!((2_700..3_300).contains(&hits), "{hits}");
        let other_seed: Vec<bool> = (1..=10_000)
            .map(|n| decides(43, n, Fault::Fail, 0.3))
            .collect();
        assert_ne!(first, other_seed);
    }

    #[test]
    fn faults_roll_independently() {
        let same = (1..=1000)
            .filter(|&n| decides(1, n, Fault::Fail, 0.5) == decides(1, n, Fault::Truncate, 0.5))
            .count();
        assert!((400..600).contains(&same), "{same}");
    }

    #[test]
    fn throttle_counts_per_second() {
        let throttle = Throttle::new(2);
        let a = throttle.admit(5_000_250);
        assert!(a.allowed);
        assert_eq!(a.header, "Limit:2,Remain:1,TimeLeft:750,Reset:5001000");
        assert!(throttle.admit(5_000_900).allowed);
        let refused = throttle.admit(5_000_999);
        assert!(!refused.allowed);
        assert_eq!(refused.header, "Limit:2,Remain:0,TimeLeft:1,Reset:5001000");
        assert!(throttle.admit(5_001_000).allowed);
    }

    #[test]
    fn truncation_halves() {
        assert_eq!(truncated(b"0123456789".to_vec()), b"01234");
        assert_eq!(truncated(Vec::new()), b"");
    }
}
