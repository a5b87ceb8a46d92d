//! Time buckets of jobs by start time: per hour or per day, in UTC or a fixed
//! offset. The state counts jobs per UTC minute, so it merges exactly and any
//! bucket size or offset (always whole minutes) can be applied at the end.

use super::calendar::{MS_PER_DAY, MS_PER_HOUR};
use super::summary::{add_saturating, ratio};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
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

/// Jobs and successful jobs started in one UTC minute.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct MinuteCounts {
    jobs: u64,
    successes: u64,
}

/// The mergeable state: counts per UTC minute of `StartTime`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct StartTimes {
    minutes: BTreeMap<i64, MinuteCounts>,
    without_start_time: u64,
}

impl StartTimes {
    /// Counts one job by its `StartTime` and whether its status is `success`.
    pub(crate) fn add(&mut self, start_time: Option<u64>, success: bool) {
        let Some(start) = start_time else {
            self.without_start_time = add_saturating(self.without_start_time, 1);
            return;
        };
        // Start times are at most 2^53 - 1, so the minute fits an i64.
        let minute = (start / 60_000) as i64;
        let counts = self.minutes.entry(minute).or_default();
        counts.jobs = add_saturating(counts.jobs, 1);
        if success {
            counts.successes = add_saturating(counts.successes, 1);
        }
    }

    /// Adds another state.
    pub(crate) fn merge(&mut self, other: &StartTimes) {
        for (minute, counts) in &other.minutes {
            let mine = self.minutes.entry(*minute).or_default();
            mine.jobs = add_saturating(mine.jobs, counts.jobs);
            mine.successes = add_saturating(mine.successes, counts.successes);
        }
        self.without_start_time = add_saturating(self.without_start_time, other.without_start_time);
    }

    /// Jobs without a `StartTime` (in no bucket).
    pub(crate) fn without_start_time(&self) -> u64 {
        self.without_start_time
    }

    /// The non-empty buckets, oldest first.
    pub(crate) fn buckets(&self, size: BucketSize, utc_offset_minutes: i32) -> Vec<TimeBucket> {
        let mut out: Vec<TimeBucket> = Vec::new();
        for (minute, counts) in &self.minutes {
            let start = bucket_start(minute * 60_000, size, utc_offset_minutes);
            match out.last_mut() {
                Some(last) if last.start == start => {
                    last.job_count = add_saturating(last.job_count, counts.jobs);
                    last.success_count = add_saturating(last.success_count, counts.successes);
                }
                _ => out.push(TimeBucket {
                    start,
                    job_count: counts.jobs,
                    success_count: counts.successes,
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
