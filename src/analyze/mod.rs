//! Analysis of synchronization data: job summaries, streaming aggregation,
//! deletion thresholds, schedules and configuration diffs. Pure Rust, never
//! panics; times are UTC milliseconds and calendars use a fixed
//! `utc_offset_minutes` (no time-zone database). Every figure is defined in
//! the README ("Analysis").

mod aggregate;
/// Read the optional `bucket` and `utcOffsetMinutes` options (shared by every option type that has them).
#[cfg(feature = "reports")]
pub(crate) use aggregate::{opt_bucket, utc_offset};
mod buckets;
pub(crate) mod calendar;
pub mod cron;
mod diff;
mod percentile;
mod rollup;
mod schedule;
mod summary;
mod thresholds;

pub use aggregate::{
    summarize_jobs, ErrorCodeCount, FailingTarget, JobAggregator, JobsSummary, KeyCount,
    OutcomeCount, SummaryOptions, DEFAULT_TOP_N, MAX_UTC_OFFSET_MINUTES,
};
pub use buckets::{bucket_start, BucketSize, TimeBucket};
pub use diff::{
    diff_configurations, ChangeKind, ConfigChange, ConfigValue, Configuration, SyncConfiguration,
};
pub use percentile::{nearest_rank, DurationStats};
pub use rollup::{JobRef, TargetRollup};
pub use schedule::{next_scheduled_runs, ScheduleOptions, MAX_SCHEDULED_RUNS};
pub use summary::{
    job_duration_ms, summarize_job, Counts, Entity, ItemTotals, JobSummary, Operation,
    OperationCounts, Outcome,
};
pub use thresholds::{
    check_deletion_thresholds, EntityThreshold, ThresholdReport, ThresholdStatus,
};
