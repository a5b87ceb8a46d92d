//! Many jobs' figures: `summarize_jobs` and the streaming [`JobAggregator`]
//! (add jobs or raw list pages, merge aggregators, read the summary).
//! Jobs are never de-duplicated: aggregating the parts of a split and merging
//! gives exactly the summary of the whole, in any order.

use super::buckets::{BucketSize, StartTimes, TimeBucket};
use super::percentile::DurationStats;
use super::rollup::{TargetRollup, TargetState};
use super::summary::{add_saturating, job_duration_ms, ItemMatrix, ItemTotals, Outcome};
use crate::model::wire::{object_only, opt_signed, opt_unsigned, tagged};
use crate::model::{ListSynchronizationJobsResponse, SynchronizationJob};
use crate::parse::{self, ParseError, ParseOptions};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use tsify::Tsify;

/// The default of [`SummaryOptions::top_n`].
pub const DEFAULT_TOP_N: usize = 5;
/// The largest `|utc_offset_minutes|` accepted from options: 18 hours.
pub const MAX_UTC_OFFSET_MINUTES: i32 = 18 * 60;

/// How to summarize many jobs. In JS: `{ bucket?, utcOffsetMinutes?, topN? }`;
/// `null` or absent keys mean the defaults, other keys are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "camelCase", default)]
pub struct SummaryOptions {
    /// Bucket length of `timeBuckets`: `"hour"` or `"day"` (default).
    #[serde(deserialize_with = "opt_bucket")]
    #[tsify(optional)]
    pub bucket: BucketSize,
    /// The offset from UTC, in minutes, that bucket boundaries follow
    /// (default 0; at most 18 hours either way).
    #[serde(deserialize_with = "utc_offset")]
    #[tsify(optional)]
    pub utc_offset_minutes: i32,
    /// How many entries `topFailingTargets` and `topErrorCodes` list at most (default 5).
    #[serde(deserialize_with = "top_n")]
    #[tsify(optional)]
    pub top_n: usize,
}

impl Default for SummaryOptions {
    fn default() -> Self {
        SummaryOptions {
            bucket: BucketSize::Day,
            utc_offset_minutes: 0,
            top_n: DEFAULT_TOP_N,
        }
    }
}

object_only!(SummaryOptions);

fn opt_bucket<'de, D: Deserializer<'de>>(d: D) -> Result<BucketSize, D::Error> {
    Ok(Option::<BucketSize>::deserialize(d)?.unwrap_or_default())
}

/// `deserialize_with` for an optional `utcOffsetMinutes` (whole minutes, at
/// most 18 hours from UTC; `null` means 0).
pub(crate) fn utc_offset<'de, D: Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
    let minutes = opt_signed(d)?.unwrap_or(0);
    match i32::try_from(minutes) {
        Ok(m) if m.abs() <= MAX_UTC_OFFSET_MINUTES => Ok(m),
        _ => Err(tagged(
            "number_out_of_range",
            format_args!(
                "a UTC offset of {minutes} minutes is beyond ±{MAX_UTC_OFFSET_MINUTES} (18 hours)"
            ),
        )),
    }
}

fn top_n<'de, D: Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    Ok(opt_unsigned(d)?.map_or(DEFAULT_TOP_N, |n| usize::try_from(n).unwrap_or(usize::MAX)))
}

/// How many jobs had one value of a field (`null`: the field was absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct KeyCount {
    /// The value as on the wire, `null` for jobs without the field.
    #[tsify(type = "string | null")]
    pub key: Option<String>,
    /// How many jobs.
    pub count: u64,
}

/// How many jobs fell in one outcome class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeCount {
    /// The class.
    pub outcome: Outcome,
    /// How many jobs.
    pub count: u64,
}

/// A target among those with the most failing jobs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct FailingTarget {
    /// `TargetType`, `null` for jobs without one.
    #[tsify(type = "TargetType | null")]
    pub target_type: Option<String>,
    /// `TargetId`, `null` for jobs without one.
    #[tsify(type = "string | null")]
    pub target_id: Option<String>,
    /// Jobs with status `failed` or `partial_success`.
    pub failed_job_count: u64,
}

/// An error code among the most frequent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ErrorCodeCount {
    /// `Result.ErrorCode`, verbatim.
    pub error_code: String,
    /// How many jobs carry it.
    pub count: u64,
}

/// The figures of many jobs (see the README, "Analysis").
#[derive(Debug, Clone, PartialEq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct JobsSummary {
    /// How many jobs.
    pub job_count: u64,
    /// Jobs per `Status` value, sorted by value (`null` first).
    pub by_status: Vec<KeyCount>,
    /// Jobs per `Direction` value, sorted by value (`null` first).
    pub by_direction: Vec<KeyCount>,
    /// Jobs per `TriggerType` value, sorted by value (`null` first).
    pub by_trigger_type: Vec<KeyCount>,
    /// Jobs per `TargetType` value, sorted by value (`null` first).
    pub by_target_type: Vec<KeyCount>,
    /// Jobs per outcome class, all six classes in documentation order.
    pub by_outcome: Vec<OutcomeCount>,
    /// Item counts summed over every job, with rates.
    pub items: ItemTotals,
    /// One rollup per `(TargetType, TargetId)`, sorted by that pair (`null` first).
    pub targets: Vec<TargetRollup>,
    /// The bucket length used for `timeBuckets`.
    pub bucket: BucketSize,
    /// The UTC offset used for `timeBuckets`, in minutes.
    pub utc_offset_minutes: i32,
    /// Non-empty buckets of jobs by `StartTime`, oldest first.
    pub time_buckets: Vec<TimeBucket>,
    /// Jobs without `StartTime` (in no bucket).
    pub jobs_without_start_time: u64,
    /// Durations of the jobs that have one.
    pub durations: DurationStats,
    /// At most `topN` targets with failing jobs, most first (ties by target).
    pub top_failing_targets: Vec<FailingTarget>,
    /// At most `topN` error codes, most frequent first (ties by code).
    pub top_error_codes: Vec<ErrorCodeCount>,
}

type TargetKey = (Option<String>, Option<String>);

/// Streaming aggregation of jobs into a [`JobsSummary`]. Keeps exact state
/// (every duration, per-minute start counts, per-target streak state), so
/// `merge` is exact and associative and the summary never depends on how the
/// jobs were split or ordered.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JobAggregator {
    options: SummaryOptions,
    job_count: u64,
    by_status: BTreeMap<Option<String>, u64>,
    by_direction: BTreeMap<Option<String>, u64>,
    by_trigger_type: BTreeMap<Option<String>, u64>,
    by_target_type: BTreeMap<Option<String>, u64>,
    by_outcome: [u64; 6],
    items: ItemMatrix,
    targets: BTreeMap<TargetKey, TargetState>,
    start_times: StartTimes,
    durations: Vec<u64>,
    error_codes: BTreeMap<String, u64>,
}

fn bump<K: Ord>(map: &mut BTreeMap<K, u64>, key: K, by: u64) {
    let count = map.entry(key).or_insert(0);
    *count = add_saturating(*count, by);
}

fn merge_counts<K: Ord + Clone>(into: &mut BTreeMap<K, u64>, from: &BTreeMap<K, u64>) {
    for (key, count) in from {
        bump(into, key.clone(), *count);
    }
}

fn key_counts(map: &BTreeMap<Option<String>, u64>) -> Vec<KeyCount> {
    map.iter()
        .map(|(key, count)| KeyCount {
            key: key.clone(),
            count: *count,
        })
        .collect()
}

impl JobAggregator {
    /// An empty aggregator that will summarize with `options`.
    pub fn new(options: SummaryOptions) -> Self {
        JobAggregator {
            options,
            ..JobAggregator::default()
        }
    }

    /// The options given to [`Self::new`].
    pub fn options(&self) -> SummaryOptions {
        self.options
    }

    /// Adds one job.
    pub fn add_job(&mut self, job: &SynchronizationJob) {
        let mut matrix = ItemMatrix::default();
        matrix.add_job(job);
        let outcome = Outcome::classify(job.status.as_ref(), &matrix.totals().all);
        self.items.merge(&matrix);
        self.job_count = add_saturating(self.job_count, 1);
        let text = |v: Option<&str>| v.map(str::to_owned);
        bump(
            &mut self.by_status,
            text(job.status.as_ref().map(|v| v.as_str())),
            1,
        );
        bump(
            &mut self.by_direction,
            text(job.direction.as_ref().map(|v| v.as_str())),
            1,
        );
        bump(
            &mut self.by_trigger_type,
            text(job.trigger_type.as_ref().map(|v| v.as_str())),
            1,
        );
        let target_type = text(job.target_type.as_ref().map(|v| v.as_str()));
        bump(&mut self.by_target_type, target_type.clone(), 1);
        if let Some(slot) = Outcome::ALL
            .iter()
            .position(|o| *o == outcome)
            .and_then(|i| self.by_outcome.get_mut(i))
        {
            *slot = add_saturating(*slot, 1);
        }
        self.targets
            .entry((target_type, job.target_id.clone()))
            .or_default()
            .add(job);
        self.start_times.add(job);
        if let Some(duration) = job_duration_ms(job) {
            self.durations.push(duration);
        }
        if let Some(code) = job.result.as_ref().and_then(|r| r.error_code.as_deref()) {
            if !code.is_empty() {
                bump(&mut self.error_codes, code.to_owned(), 1);
            }
        }
    }

    /// Adds jobs, in any order.
    pub fn add_jobs(&mut self, jobs: &[SynchronizationJob]) {
        for job in jobs {
            self.add_job(job);
        }
    }

    /// Adds the jobs of one parsed ListSynchronizationJobs page.
    pub fn add_list_response(&mut self, response: &ListSynchronizationJobsResponse) {
        self.add_jobs(&response.synchronization_jobs);
    }

    /// Parses the raw bytes of one ListSynchronizationJobs page with the
    /// library's lenient parser and adds its jobs. On error nothing is added.
    pub fn add_list_response_bytes(&mut self, bytes: &[u8]) -> Result<(), ParseError> {
        let response = parse::list_synchronization_jobs(bytes, ParseOptions::default())?;
        self.add_list_response(&response);
        Ok(())
    }

    /// Adds everything `other` has seen; `other` is unchanged. The options of
    /// `self` stay (bucketing is applied only by [`Self::summary`]).
    pub fn merge(&mut self, other: &JobAggregator) {
        self.job_count = add_saturating(self.job_count, other.job_count);
        merge_counts(&mut self.by_status, &other.by_status);
        merge_counts(&mut self.by_direction, &other.by_direction);
        merge_counts(&mut self.by_trigger_type, &other.by_trigger_type);
        merge_counts(&mut self.by_target_type, &other.by_target_type);
        for (mine, theirs) in self.by_outcome.iter_mut().zip(other.by_outcome) {
            *mine = add_saturating(*mine, theirs);
        }
        self.items.merge(&other.items);
        for (key, state) in &other.targets {
            self.targets.entry(key.clone()).or_default().merge(state);
        }
        self.start_times.merge(&other.start_times);
        self.durations.extend_from_slice(&other.durations);
        merge_counts(&mut self.error_codes, &other.error_codes);
    }

    /// The summary of every job added so far.
    pub fn summary(&self) -> JobsSummary {
        let options = self.options;
        let targets: Vec<TargetRollup> = self
            .targets
            .iter()
            .map(|((kind, id), state)| state.rollup(kind.as_deref(), id.as_deref()))
            .collect();

        let mut failing: Vec<FailingTarget> = self
            .targets
            .iter()
            .filter(|(_, state)| state.failing_job_count() > 0)
            .map(|((kind, id), state)| FailingTarget {
                target_type: kind.clone(),
                target_id: id.clone(),
                failed_job_count: state.failing_job_count(),
            })
            .collect();
        // Stable sort: the map order (by target) breaks ties.
        failing.sort_by_key(|t| std::cmp::Reverse(t.failed_job_count));
        failing.truncate(options.top_n);

        let mut codes: Vec<ErrorCodeCount> = self
            .error_codes
            .iter()
            .map(|(code, count)| ErrorCodeCount {
                error_code: code.clone(),
                count: *count,
            })
            .collect();
        codes.sort_by_key(|c| std::cmp::Reverse(c.count));
        codes.truncate(options.top_n);

        let mut durations = self.durations.clone();
        JobsSummary {
            job_count: self.job_count,
            by_status: key_counts(&self.by_status),
            by_direction: key_counts(&self.by_direction),
            by_trigger_type: key_counts(&self.by_trigger_type),
            by_target_type: key_counts(&self.by_target_type),
            by_outcome: Outcome::ALL
                .iter()
                .zip(self.by_outcome)
                .map(|(outcome, count)| OutcomeCount {
                    outcome: *outcome,
                    count,
                })
                .collect(),
            items: self.items.totals(),
            targets,
            bucket: options.bucket,
            utc_offset_minutes: options.utc_offset_minutes,
            time_buckets: self
                .start_times
                .buckets(options.bucket, options.utc_offset_minutes),
            jobs_without_start_time: self.start_times.without_start_time(),
            durations: DurationStats::of(&mut durations),
            top_failing_targets: failing,
            top_error_codes: codes,
        }
    }
}

/// Summarizes many jobs at once; the same as a [`JobAggregator`] given them all.
pub fn summarize_jobs(jobs: &[SynchronizationJob], options: &SummaryOptions) -> JobsSummary {
    let mut aggregator = JobAggregator::new(*options);
    aggregator.add_jobs(jobs);
    aggregator.summary()
}
