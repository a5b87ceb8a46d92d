//! When to try again, and after how long: exponential back-off with full
//! jitter, never shorter than what the answer asked for, capped by
//! `maxDelayMs` and `maxAttempts`.

use super::failure::AttemptFailure;
use super::headers::WaitHints;

/// The longest delay a timer takes (`setTimeout` holds a signed 32-bit
/// number of milliseconds, about 24.8 days).
pub const MAX_TIMER_MS: u32 = i32::MAX as u32;

/// The per-attempt time-out when `timeoutMs` is not given.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// The most attempts `maxAttempts` may ask for.
const MAX_ATTEMPTS_LIMIT: u32 = 100;

/// How the client retries (`retry: { maxAttempts, baseDelayMs, maxDelayMs }`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1 means no retry). Default 4.
    pub max_attempts: u32,
    /// The back-off ceiling before the first retry; it doubles for each
    /// further retry. Default 200 ms.
    pub base_delay_ms: u32,
    /// No wait is longer: neither the back-off nor a wait the answer asks
    /// for (an answer that asks for more is not retried). Default 20 s.
    pub max_delay_ms: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            base_delay_ms: 200,
            max_delay_ms: 20_000,
        }
    }
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryDecision {
    /// Wait this many milliseconds, then try again.
    RetryAfter(u32),
    /// Report the failure.
    GiveUp(GiveUpReason),
}

/// Why the client stops trying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GiveUpReason {
    /// The failure is final (a 4xx other than throttling, a malformed body).
    NotRetryable,
    /// `maxAttempts` attempts were made.
    AttemptsExhausted,
    /// The answer asks for a longer wait than `maxDelayMs` allows.
    WaitTooLong {
        /// The wait the answer asked for, in milliseconds.
        required_ms: u64,
    },
}

impl RetryPolicy {
    /// Builds a policy from the JS options (`None`: the default). Numbers must
    /// be finite; `maxAttempts` an integer in 1..=100; the delays integers in
    /// 0..=2^31-1.
    ///
    /// # Errors
    ///
    /// One sentence naming the bad option.
    pub fn from_options(
        max_attempts: Option<f64>,
        base_delay_ms: Option<f64>,
        max_delay_ms: Option<f64>,
    ) -> Result<Self, String> {
        let defaults = RetryPolicy::default();
        Ok(RetryPolicy {
            max_attempts: read_integer(
                "retry.maxAttempts",
                max_attempts,
                1,
                MAX_ATTEMPTS_LIMIT,
                defaults.max_attempts,
            )?,
            base_delay_ms: read_integer(
                "retry.baseDelayMs",
                base_delay_ms,
                0,
                MAX_TIMER_MS,
                defaults.base_delay_ms,
            )?,
            max_delay_ms: read_integer(
                "retry.maxDelayMs",
                max_delay_ms,
                0,
                MAX_TIMER_MS,
                defaults.max_delay_ms,
            )?,
        })
    }

    /// The back-off ceiling before retry number `retry` (1 for the first
    /// retry): `baseDelayMs * 2^(retry-1)`, at most `maxDelayMs`.
    pub fn backoff_ceiling_ms(&self, retry: u32) -> u32 {
        let exponent = retry.saturating_sub(1).min(31);
        let ceiling = u64::from(self.base_delay_ms) << exponent;
        u32::try_from(ceiling.min(u64::from(self.max_delay_ms))).unwrap_or(self.max_delay_ms)
    }

    /// Decides what follows the failure of attempt number `attempt` (from 1).
    ///
    /// A retryable failure before the last attempt waits a uniformly random
    /// time in `0..=ceiling` (full jitter, `random` in `[0, 1)`), raised to the
    /// floor the answer asked for ([`WaitHints::floor_ms`]); when that floor
    /// exceeds `maxDelayMs` the client gives up rather than wait longer than
    /// the caller allowed.
    pub fn decide(
        &self,
        attempt: u32,
        failure: &AttemptFailure,
        hints: &WaitHints,
        random: f64,
    ) -> RetryDecision {
        if !failure.is_retryable() {
            return RetryDecision::GiveUp(GiveUpReason::NotRetryable);
        }
        if attempt >= self.max_attempts {
            return RetryDecision::GiveUp(GiveUpReason::AttemptsExhausted);
        }
        let floor = hints.floor_ms(failure.is_throttling());
        if floor > u64::from(self.max_delay_ms) {
            return RetryDecision::GiveUp(GiveUpReason::WaitTooLong { required_ms: floor });
        }
        let ceiling = self.backoff_ceiling_ms(attempt);
        let random = if random.is_finite() {
            random.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let jitter = (random * (f64::from(ceiling) + 1.0))
            .floor()
            .min(f64::from(ceiling)) as u32;
        // `floor` is at most `max_delay_ms`, a u32, here.
        let floor = u32::try_from(floor).unwrap_or(self.max_delay_ms);
        RetryDecision::RetryAfter(jitter.max(floor))
    }
}

/// `timeoutMs`: an integer in 1..=2^31-1 (default 30 s).
///
/// # Errors
///
/// One sentence naming the bad option.
pub fn read_timeout_ms(value: Option<f64>) -> Result<u32, String> {
    read_integer("timeoutMs", value, 1, MAX_TIMER_MS, DEFAULT_TIMEOUT_MS)
}

/// `maxPages`: an integer of at least 1, or `None` for no limit.
///
/// # Errors
///
/// One sentence naming the bad option.
pub fn read_max_pages(value: Option<f64>) -> Result<Option<u32>, String> {
    match value {
        None => Ok(None),
        Some(_) => read_integer("maxPages", value, 1, u32::MAX, 1).map(Some),
    }
}

/// An integer option within `min..=max`, or `default` when absent.
fn read_integer(
    name: &str,
    value: Option<f64>,
    min: u32,
    max: u32,
    default: u32,
) -> Result<u32, String> {
    let Some(value) = value else {
        return Ok(default);
    };
    if !value.is_finite()
        || value.fract() != 0.0
        || value < f64::from(min)
        || value > f64::from(max)
    {
        return Err(format!(
            "{name} must be an integer from {min} to {max}, not {value}"
        ));
    }
    Ok(value as u32)
}
