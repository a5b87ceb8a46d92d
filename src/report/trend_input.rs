//! What `jobsTrendSvg` reads from a `JobsSummary`: its `timeBuckets`, `bucket`
//! and `utcOffsetMinutes`, and nothing else, so a summary from
//! `summarizeJobs`, a `JobAggregator`, or one saved as JSON all work.

use crate::analyze::{BucketSize, JobsSummary};
use crate::model::wire::{object_only, opt_unsigned};
use serde::{Deserialize, Deserializer, Serialize};

/// The part of a `JobsSummary` a trend chart draws.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase")]
pub struct TrendInput {
    /// Non-empty buckets, any order (the chart places them by `start`).
    #[serde(deserialize_with = "crate::model::wire::required")]
    pub time_buckets: Vec<TrendBucket>,
    /// The buckets' length (default `day`).
    #[serde(default, deserialize_with = "crate::analyze::opt_bucket")]
    pub bucket: BucketSize,
    /// The UTC offset the buckets were cut in, in minutes (default 0).
    #[serde(default, deserialize_with = "crate::analyze::utc_offset")]
    pub utc_offset_minutes: i32,
}

/// One bucket: when it starts and how many jobs, and successful jobs, it holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase")]
pub struct TrendBucket {
    /// The bucket's first instant, UTC milliseconds.
    #[serde(deserialize_with = "crate::model::wire::required_signed")]
    pub start: i64,
    /// Jobs in the bucket.
    #[serde(default, deserialize_with = "zero_if_absent")]
    pub job_count: u64,
    /// Of those, jobs with `Status` `success` (more than `jobCount` is drawn as `jobCount`).
    #[serde(default, deserialize_with = "zero_if_absent")]
    pub success_count: u64,
}

object_only!(TrendInput, TrendBucket);

fn zero_if_absent<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    Ok(opt_unsigned(d)?.unwrap_or(0))
}

impl From<&JobsSummary> for TrendInput {
    fn from(summary: &JobsSummary) -> Self {
        TrendInput {
            time_buckets: summary
                .time_buckets
                .iter()
                .map(|b| TrendBucket {
                    start: b.start,
                    job_count: b.job_count,
                    success_count: b.success_count,
                })
                .collect(),
            bucket: summary.bucket,
            utc_offset_minutes: summary.utc_offset_minutes,
        }
    }
}
