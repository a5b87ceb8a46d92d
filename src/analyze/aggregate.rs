//! Many jobs' figures: `summarize_jobs` and the streaming [`JobAggregator`]
//! (add jobs or raw list pages, merge aggregators, read the summary).
//! Jobs are never de-duplicated: aggregating the parts of a split and merging
//! gives exactly the summary of the whole, in any order.

mod facts;
mod keyed;

use super::buckets::{BucketSize, StartTimes, TimeBucket};
use super::percentile::DurationStats;
use super::rollup::{JobKeyRef, TargetRollup, TargetState};
use super::summary::{add_saturating, ItemMatrix, ItemTotals, Outcome};
use crate::model::wire::{object_only, opt_signed_within, opt_unsigned};
use crate::model::{JobStatus, ListSynchronizationJobsResponse, SynchronizationJob};
use crate::parse::fast::{self, JobText};
use crate::parse::{self, ParseError, ParseOptions};
use facts::{JobFacts, PageFacts};
use keyed::OptKeyed;
use serde::{Deserialize, Deserializer, Serialize};
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

/// `deserialize_with` for an optional `bucket` (`null` means the default, days).
pub(crate) fn opt_bucket<'de, D: Deserializer<'de>>(d: D) -> Result<BucketSize, D::Error> {
    Ok(Option::<BucketSize>::deserialize(d)?.unwrap_or_default())
}

/// `deserialize_with` for an optional `utcOffsetMinutes` (whole minutes, at
/// most 18 hours from UTC; `null` means 0).
pub(crate) fn utc_offset<'de, D: Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
    let limit = i64::from(MAX_UTC_OFFSET_MINUTES);
    let minutes = opt_signed_within(d, limit, "a UTC offset in minutes of")?.unwrap_or(0);
    // Within ±1080, so it fits.
    Ok(i32::try_from(minutes).unwrap_or_default())
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

/// Streaming aggregation of jobs into a [`JobsSummary`]. Keeps exact state
/// (every duration and start minute, per-target streak state), so
/// `merge` is exact and associative and the summary never depends on how the
/// jobs were split or ordered.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JobAggregator {
    options: SummaryOptions,
    job_count: u64,
    by_status: OptKeyed<u64>,
    by_direction: OptKeyed<u64>,
    by_trigger_type: OptKeyed<u64>,
    by_target_type: OptKeyed<u64>,
    by_outcome: [u64; 6],
    items: ItemMatrix,
    /// Per `TargetType`, per `TargetId`.
    targets: OptKeyed<OptKeyed<TargetState>>,
    start_times: StartTimes,
    durations: Vec<u64>,
    /// Per `Result.ErrorCode`; the absent key is never used.
    error_codes: OptKeyed<u64>,
}

fn bump(counts: &mut OptKeyed<u64>, key: Option<&str>, by: u64) {
    counts.update(key, |count| *count = add_saturating(*count, by));
}

fn merge_counts(into: &mut OptKeyed<u64>, from: &OptKeyed<u64>) {
    for (key, count) in from.iter() {
        bump(into, key, *count);
    }
}

fn key_counts(counts: &OptKeyed<u64>) -> Vec<KeyCount> {
    counts
        .iter()
        .map(|(key, count)| KeyCount {
            key: key.map(str::to_owned),
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
        self.items.add_job(job);
        self.add_facts(&JobFacts::of(job));
    }

    /// Adds everything of one job but its item counts.
    fn add_facts(&mut self, job: &JobFacts<'_>) {
        let status = job.known_status();
        let outcome = Outcome::classify(status.as_ref(), &job.outcome_counts());
        self.job_count = add_saturating(self.job_count, 1);
        let status_text = job.text(JobText::Status);
        bump(&mut self.by_status, status_text, 1);
        bump(&mut self.by_direction, job.text(JobText::Direction), 1);
        bump(&mut self.by_trigger_type, job.text(JobText::TriggerType), 1);
        let target_type = job.text(JobText::TargetType);
        bump(&mut self.by_target_type, target_type, 1);
        if let Some(slot) = Outcome::ALL
            .iter()
            .position(|o| *o == outcome)
            .and_then(|i| self.by_outcome.get_mut(i))
        {
            *slot = add_saturating(*slot, 1);
        }
        let id = job.text(JobText::Id).unwrap_or_default();
        let key = JobKeyRef::new(job.start_time, id, job.end_time, status_text);
        self.targets.update(target_type, |ids| {
            ids.update(job.text(JobText::TargetId), |state| {
                state.add(key, status.as_ref());
            });
        });
        self.start_times
            .add(job.start_time, status == Some(JobStatus::Success));
        if let Some(duration) = job.duration_ms() {
            self.durations.push(duration);
        }
        if let Some(code) = job.text(JobText::ErrorCode) {
            if !code.is_empty() {
                bump(&mut self.error_codes, Some(code), 1);
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
    ///
    /// Typical pages are read by the fast scanner ([`crate::parse::fast`])
    /// straight into the aggregation, without building the jobs; whatever it
    /// declines goes through the parser, which adds the jobs or reports the
    /// error. Both give the same figures.
    pub fn add_list_response_bytes(&mut self, bytes: &[u8]) -> Result<(), ParseError> {
        let mut page = PageFacts::default();
        if fast::visit_list_synchronization_jobs(bytes, &mut page).is_some() {
            self.items.merge(&page.items);
            for job in &page.jobs {
                self.add_facts(job);
            }
            return Ok(());
        }
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
        for (target_type, ids) in other.targets.iter() {
            for (target_id, state) in ids.iter() {
                self.targets.update(target_type, |mine| {
                    mine.update(target_id, |mine| mine.merge(state));
                });
            }
        }
        self.start_times.merge(&other.start_times);
        self.durations.extend_from_slice(&other.durations);
        merge_counts(&mut self.error_codes, &other.error_codes);
    }

    /// The summary of every job added so far.
    pub fn summary(&self) -> JobsSummary {
        let options = self.options;
        let mut targets: Vec<TargetRollup> = Vec::new();
        let mut failing: Vec<FailingTarget> = Vec::new();
        for (kind, ids) in self.targets.iter() {
            for (id, state) in ids.iter() {
                targets.push(state.rollup(kind, id));
                if state.failing_job_count() > 0 {
                    failing.push(FailingTarget {
                        target_type: kind.map(str::to_owned),
                        target_id: id.map(str::to_owned),
                        failed_job_count: state.failing_job_count(),
                    });
                }
            }
        }
        // Ties go in target order (type, then ID; absent first), as the map
        // iterates. An unstable sort with the full order: one sort routine
        // fewer in the wasm module than a stable sort.
        failing.sort_unstable_by(|a, b| {
            (b.failed_job_count.cmp(&a.failed_job_count))
                .then_with(|| a.target_type.cmp(&b.target_type))
                .then_with(|| a.target_id.cmp(&b.target_id))
        });
        failing.truncate(options.top_n);

        let mut codes: Vec<ErrorCodeCount> = self
            .error_codes
            .iter()
            .filter_map(|(code, count)| {
                Some(ErrorCodeCount {
                    error_code: code?.to_owned(),
                    count: *count,
                })
            })
            .collect();
        codes.sort_unstable_by(|a, b| {
            (b.count.cmp(&a.count)).then_with(|| a.error_code.cmp(&b.error_code))
        });
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
