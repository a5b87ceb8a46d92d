//! Per-target rollups: job counts, last run, last success and the current
//! failure streak, kept in a state that merges exactly and associatively
//! whatever order the jobs arrive in.

use super::summary::add_saturating;
use crate::model::JobStatus;
use serde::Serialize;
use tsify::Tsify;

/// Orders jobs of a target from oldest to latest: by `StartTime` (absent
/// first), then `SynchronizationJobId`, then `EndTime` (absent first), then
/// `Status` (absent first). Jobs equal on all four are indistinguishable in
/// every figure that uses this order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JobKey {
    start_time: Option<u64>,
    id: String,
    end_time: Option<u64>,
    status: Option<String>,
}

/// A [`JobKey`] borrowed from a job, so comparing costs no allocation.
/// Ordered like [`JobKey`] (the fields in the same order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct JobKeyRef<'a> {
    start_time: Option<u64>,
    id: &'a str,
    end_time: Option<u64>,
    status: Option<&'a str>,
}

impl<'a> JobKeyRef<'a> {
    /// The key of a job with these fields (`status` as on the wire).
    pub(crate) fn new(
        start_time: Option<u64>,
        id: &'a str,
        end_time: Option<u64>,
        status: Option<&'a str>,
    ) -> Self {
        JobKeyRef {
            start_time,
            id,
            end_time,
            status,
        }
    }

    fn to_owned_key(self) -> JobKey {
        JobKey {
            start_time: self.start_time,
            id: self.id.to_owned(),
            end_time: self.end_time,
            status: self.status.map(str::to_owned),
        }
    }
}

impl JobKey {
    fn as_ref(&self) -> JobKeyRef<'_> {
        JobKeyRef::new(
            self.start_time,
            &self.id,
            self.end_time,
            self.status.as_deref(),
        )
    }

    fn to_ref(&self) -> JobRef {
        JobRef {
            synchronization_job_id: self.id.clone(),
            start_time: self.start_time,
            end_time: self.end_time,
            status: self.status.clone(),
        }
    }
}

impl PartialOrd for JobKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for JobKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_ref().cmp(&other.as_ref())
    }
}

/// Whether a status extends a failure streak.
pub(crate) fn is_failing(status: Option<&JobStatus>) -> bool {
    matches!(status, Some(JobStatus::Failed | JobStatus::PartialSuccess))
}

/// The mergeable state of one target.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TargetState {
    job_count: u64,
    failing_job_count: u64,
    last_run: Option<JobKey>,
    last_success: Option<JobKey>,
    /// The failing jobs later than `last_success`: the current streak.
    streak: Vec<JobKey>,
}

impl TargetState {
    /// Adds one job of this target, given its key and its status (`None`
    /// for an absent or unknown status: neither succeeds nor fails).
    pub(crate) fn add(&mut self, key: JobKeyRef<'_>, status: Option<&JobStatus>) {
        self.job_count = add_saturating(self.job_count, 1);
        let failing = is_failing(status);
        if failing {
            self.failing_job_count = add_saturating(self.failing_job_count, 1);
        }
        let after_success = || self.last_success.as_ref().is_none_or(|s| key > s.as_ref());
        if status == Some(&JobStatus::Success) {
            if after_success() {
                self.streak.retain(|k| k.as_ref() > key);
                self.last_success = Some(key.to_owned_key());
            }
        } else if failing && after_success() {
            self.streak.push(key.to_owned_key());
        }
        if self.last_run.as_ref().is_none_or(|r| key > r.as_ref()) {
            self.last_run = Some(key.to_owned_key());
        }
    }

    /// Adds another state of the same target.
    pub(crate) fn merge(&mut self, other: &TargetState) {
        self.job_count = add_saturating(self.job_count, other.job_count);
        self.failing_job_count = add_saturating(self.failing_job_count, other.failing_job_count);
        if other.last_run > self.last_run {
            self.last_run.clone_from(&other.last_run);
        }
        if other.last_success > self.last_success {
            self.last_success.clone_from(&other.last_success);
        }
        self.streak.extend(other.streak.iter().cloned());
        if let Some(success) = &self.last_success {
            self.streak.retain(|k| k > success);
        }
    }

    /// The number of jobs with status `failed` or `partial_success`.
    pub(crate) fn failing_job_count(&self) -> u64 {
        self.failing_job_count
    }

    /// The published rollup.
    pub(crate) fn rollup(
        &self,
        target_type: Option<&str>,
        target_id: Option<&str>,
    ) -> TargetRollup {
        TargetRollup {
            target_type: target_type.map(str::to_owned),
            target_id: target_id.map(str::to_owned),
            job_count: self.job_count,
            failed_job_count: self.failing_job_count,
            last_run: self.last_run.as_ref().map(JobKey::to_ref),
            last_success: self.last_success.as_ref().map(JobKey::to_ref),
            failure_streak: self.streak.len() as u64,
        }
    }
}

/// A job as the rollups name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct JobRef {
    /// The job's ID, verbatim.
    pub synchronization_job_id: String,
    /// Its `StartTime` (UTC ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<u64>,
    /// Its `EndTime` (UTC ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_time: Option<u64>,
    /// Its `Status`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(type = "JobStatus")]
    pub status: Option<String>,
}

/// The figures of one target: the jobs with one `(TargetType, TargetId)` pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TargetRollup {
    /// `TargetType`, `null` for jobs without one.
    #[tsify(type = "TargetType | null")]
    pub target_type: Option<String>,
    /// `TargetId`, `null` for jobs without one.
    #[tsify(type = "string | null")]
    pub target_id: Option<String>,
    /// How many jobs.
    pub job_count: u64,
    /// How many of them have status `failed` or `partial_success`.
    pub failed_job_count: u64,
    /// The latest job (latest by start time, then ID; see the README, "Analysis").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_run: Option<JobRef>,
    /// The latest job with status `success`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_success: Option<JobRef>,
    /// How many jobs with status `failed` or `partial_success` are later than
    /// `lastSuccess` (all of them when there is none).
    pub failure_streak: u64,
}
