//! Time buckets of jobs by start time: per hour or per day, in UTC or a fixed
//! offset. The state keeps each job's UTC start minute, so it merges exactly
//! and any bucket size or offset (always whole minutes) can be applied at the end.

use super::calendar::{MS_PER_DAY, MS_PER_HOUR};
use super::summary::{add_saturating, ratio};
use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// The length of a time bucket.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum BucketSize {
    /// One hour (in the chosen offset).
    Hour,
    /// One calendar day (midnight to midnight in the chosen offset).
    #[default]
    Day,
}

impl BucketSize {
    fn ms(self) -> i64 {
        match self {
            BucketSize::Hour => MS_PER_HOUR,
            BucketSize::Day => MS_PER_DAY,
        }
    }
}

/// The start of the bucket holding `time_ms`, in UTC milliseconds.
pub fn bucket_start(time_ms: i64, size: BucketSize, utc_offset_minutes: i32) -> i64 {
    let offset = i64::from(utc_offset_minutes) * 60_000;
    let local = time_ms + offset;
    local.div_euclid(size.ms()) * size.ms() - offset
}

/// The mergeable state: one entry per job with a `StartTime`, its UTC minute
/// shifted left by one with the low bit set for a `success` status.
///
/// A flat list rather than a map of counts per minute: adding is a push
/// (amortised O(1) however many minutes there are), merging is an append, and
/// [`Self::buckets`] sorts a copy once with the `u64` sort the duration
/// percentiles already use, so the wasm module carries no ordered-map code for
/// it. Start times are at most 2^53 - 1 ms, so a minute needs 38 bits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct StartTimes {
    minutes: Vec<u64>,
    without_start_time: u64,
}

impl StartTimes {
    /// Counts one job by its `StartTime` and whether its status is `success`.
    pub(crate) fn add(&mut self, start_time: Option<u64>, success: bool) {
        let Some(start) = start_time else {
            self.without_start_time = add_saturating(self.without_start_time, 1);
            return;
        };
        self.minutes
            .push((start / 60_000) << 1 | u64::from(success));
    }

    /// Adds another state.
    pub(crate) fn merge(&mut self, other: &StartTimes) {
        self.minutes.extend_from_slice(&other.minutes);
        self.without_start_time = add_saturating(self.without_start_time, other.without_start_time);
    }

    /// Jobs without a `StartTime` (in no bucket).
    pub(crate) fn without_start_time(&self) -> u64 {
        self.without_start_time
    }

    /// The non-empty buckets, oldest first.
    pub(crate) fn buckets(&self, size: BucketSize, utc_offset_minutes: i32) -> Vec<TimeBucket> {
        let mut minutes = self.minutes.clone();
        // Sorted by minute, a bucket's jobs are adjacent: bucket starts only grow.
        minutes.sort_unstable();
        let mut out: Vec<TimeBucket> = Vec::new();
        for packed in minutes {
            // The minute fits 38 bits, so the cast and the product cannot overflow.
            let start = bucket_start((packed >> 1) as i64 * 60_000, size, utc_offset_minutes);
            let success = packed & 1;
            match out.last_mut() {
                Some(last) if last.start == start => {
                    last.job_count = add_saturating(last.job_count, 1);
                    last.success_count = add_saturating(last.success_count, success);
                }
                _ => out.push(TimeBucket {
                    start,
                    job_count: 1,
                    success_count: success,
                    success_rate: None,
                }),
            }
        }
        for bucket in &mut out {
            bucket.success_rate = ratio(bucket.success_count, bucket.job_count);
        }
        out
    }
}

/// The jobs that started in one bucket.
#[derive(Debug, Clone, PartialEq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TimeBucket {
    /// The bucket's first instant, in UTC milliseconds (may be negative for a
    /// bucket that begins before 1970 in UTC).
    pub start: i64,
    /// Jobs whose `StartTime` falls in `[start, start + size)`.
    pub job_count: u64,
    /// Of those, the jobs with `Status` `success`.
    pub success_count: u64,
    /// `successCount / jobCount` (`null` if `jobCount` is 0, which does not happen
    /// for a listed bucket).
    #[tsify(type = "number | null")]
    pub success_rate: Option<f64>,
}
