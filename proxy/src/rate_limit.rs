//! Per-caller rate limiting: a token bucket per caller key, refilled at
//! `rate` tokens a second, holding at most `rate` (the burst).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

/// Above this many tracked callers, buckets that have refilled are forgotten.
const PRUNE_ABOVE: usize = 10_000;

/// One caller's bucket.
#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

/// Token buckets keyed by caller. `rate == 0` lets everything through.
#[derive(Debug)]
pub struct RateLimiter {
    rate: u32,
    buckets: Mutex<HashMap<String, Bucket>>,
}

impl RateLimiter {
    /// A limiter allowing `rate` requests a second per caller (burst `rate`); 0 is off.
    pub fn new(rate: u32) -> Self {
        RateLimiter {
            rate,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token for `caller` at `now`.
    ///
    /// # Errors
    ///
    /// The whole seconds to wait (at least 1) when the bucket is empty.
    pub fn check(&self, caller: &str, now: Instant) -> Result<(), u64> {
        if self.rate == 0 {
            return Ok(());
        }
        let rate = f64::from(self.rate);
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if buckets.len() > PRUNE_ABOVE {
            buckets.retain(|_, bucket| {
                let idle = now.saturating_duration_since(bucket.updated).as_secs_f64();
                bucket.tokens + idle * rate < rate
            });
        }
        let bucket = buckets.entry(caller.to_owned()).or_insert(Bucket {
            tokens: rate,
            updated: now,
        });
        let elapsed = now.saturating_duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * rate).min(rate);
        bucket.updated = bucket.updated.max(now);
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = ((1.0 - bucket.tokens) / rate).ceil();
            // `wait` is in (0, 1] seconds for any rate >= 1: the cast cannot truncate.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let seconds = wait.max(1.0) as u64;
            Err(seconds)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn burst_then_refusal_then_refill() {
        let limiter = RateLimiter::new(2);
        let start = Instant::now();
        assert_eq!(limiter.check("a", start), Ok(()));
        assert_eq!(limiter.check("a", start), Ok(()));
        assert_eq!(limiter.check("a", start), Err(1));
        // Another caller has its own bucket.
        assert_eq!(limiter.check("b", start), Ok(()));
        // Half a second refills one token at 2/s.
        let later = start + Duration::from_millis(500);
        assert_eq!(limiter.check("a", later), Ok(()));
        assert_eq!(limiter.check("a", later), Err(1));
    }

    #[test]
    fn the_bucket_never_exceeds_the_burst() {
        let limiter = RateLimiter::new(3);
        let start = Instant::now();
        let much_later = start + Duration::from_secs(3600);
        for _ in 0..3 {
            assert_eq!(limiter.check("a", much_later), Ok(()));
        }
        assert!(limiter.check("a", much_later).is_err());
    }

    #[test]
    fn zero_switches_it_off() {
        let limiter = RateLimiter::new(0);
        let now = Instant::now();
        for _ in 0..1000 {
            assert_eq!(limiter.check("a", now), Ok(()));
        }
    }

    #[test]
    fn a_clock_going_backwards_does_not_panic() {
        let limiter = RateLimiter::new(1);
        let now = Instant::now();
        assert_eq!(limiter.check("a", now + Duration::from_secs(5)), Ok(()));
        assert!(limiter.check("a", now).is_err());
    }

    #[test]
    fn many_callers_are_pruned() {
        let limiter = RateLimiter::new(1);
        let now = Instant::now();
        for i in 0..=PRUNE_ABOVE {
            let _ = limiter.check(&format!("caller-{i}"), now);
        }
        let later = now + Duration::from_secs(10);
        assert_eq!(limiter.check("new", later), Ok(()));
        let tracked = limiter
            .buckets
            .lock()
            .map(|b| b.len())
            .unwrap_or(usize::MAX);
        assert!(tracked < PRUNE_ABOVE, "{tracked}");
    }
}
