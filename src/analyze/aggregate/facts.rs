//! What the aggregator needs of one job, borrowed either from a parsed
//! [`SynchronizationJob`] or straight from the bytes of a list page by the
//! fast scanner ([`crate::parse::fast`]): both routes then share one
//! aggregation path, so they cannot drift apart.

use super::super::summary::{add_saturating, Counts, Entity, ItemMatrix, Operation};
use crate::model::{JobStatus, SynchronizationJob};
use crate::parse::fast::{JobText, JobVisitor, RawString};
use std::borrow::Cow;

/// The fields of one job that the aggregation reads.
#[derive(Debug, Clone, Default)]
pub(crate) struct JobFacts<'a> {
    /// The text fields, indexed by [`JobText`] (`Id` is always there).
    texts: [Option<Cow<'a, str>>; 7],
    pub start_time: Option<u64>,
    pub end_time: Option<u64>,
    /// `Failed` summed over every operation count (saturating at 2^53 - 1).
    pub failed: u64,
    /// `Skipped` summed over every operation count (saturating at 2^53 - 1).
    pub skipped: u64,
}

fn borrowed<T: AsRef<str>>(value: Option<&T>) -> Option<Cow<'_, str>> {
    value.map(|v| Cow::Borrowed(v.as_ref()))
}

impl<'a> JobFacts<'a> {
    /// The facts of a parsed job.
    pub(crate) fn of(job: &'a SynchronizationJob) -> Self {
        let (mut failed, mut skipped) = (0, 0);
        let result = job.result.as_ref();
        for statistics in Entity::ALL
            .iter()
            .filter_map(|entity| entity.statistics(result?))
        {
            for count in Operation::ALL
                .iter()
                .filter_map(|operation| operation.count(statistics))
            {
                failed = add_saturating(failed, count.failed.unwrap_or(0));
                skipped = add_saturating(skipped, count.skipped.unwrap_or(0));
            }
        }
        fn text(value: Option<&str>) -> Option<Cow<'_, str>> {
            value.map(Cow::Borrowed)
        }
        JobFacts {
            texts: [
                Some(Cow::Borrowed(&job.synchronization_job_id)),
                text(job.target_type.as_ref().map(|v| v.as_str())),
                borrowed(job.target_id.as_ref()),
                text(job.direction.as_ref().map(|v| v.as_str())),
                text(job.trigger_type.as_ref().map(|v| v.as_str())),
                text(job.status.as_ref().map(|v| v.as_str())),
                borrowed(result.and_then(|r| r.error_code.as_ref())),
            ],
            start_time: job.start_time,
            end_time: job.end_time,
            failed,
            skipped,
        }
    }

    /// A text field, `None` when the job does not have it.
    pub(crate) fn text(&self, field: JobText) -> Option<&str> {
        self.texts.get(field as usize)?.as_deref()
    }

    /// The status when it is a documented one; `None` for an absent or an
    /// unknown status, which every figure treats alike (neither succeeded
    /// nor failed, outcome `unknown`).
    pub(crate) fn known_status(&self) -> Option<JobStatus> {
        const KNOWN: [JobStatus; 6] = [
            JobStatus::Pending,
            JobStatus::Running,
            JobStatus::Failed,
            JobStatus::PartialSuccess,
            JobStatus::Success,
            JobStatus::Suspending,
        ];
        let status = self.text(JobText::Status)?;
        KNOWN.into_iter().find(|known| known.as_str() == status)
    }

    /// The part of the job's item totals its outcome depends on.
    pub(crate) fn outcome_counts(&self) -> Counts {
        Counts {
            failed: self.failed,
            skipped: self.skipped,
            ..Counts::default()
        }
    }

    /// `EndTime - StartTime` when both are present and `EndTime >= StartTime`.
    pub(crate) fn duration_ms(&self) -> Option<u64> {
        self.end_time?.checked_sub(self.start_time?)
    }
}

/// The jobs of one list page read by the fast scanner, and their item
/// counts, kept apart until the whole page is accepted.
#[derive(Debug, Default)]
pub(crate) struct PageFacts<'a> {
    pub jobs: Vec<JobFacts<'a>>,
    pub items: ItemMatrix,
    current: JobFacts<'a>,
}

impl<'a> JobVisitor<'a> for PageFacts<'a> {
    fn begin_job(&mut self) {
        self.current = JobFacts::default();
    }

    fn text(&mut self, field: JobText, value: RawString<'a>) -> Option<()> {
        *self.current.texts.get_mut(field as usize)? = Some(value.value()?);
        Some(())
    }

    fn start_time(&mut self, ms: u64) {
        self.current.start_time = Some(ms);
    }

    fn end_time(&mut self, ms: u64) {
        self.current.end_time = Some(ms);
    }

    fn counts(&mut self, entity: usize, operation: usize, counts: [u64; 4]) {
        let [total, success, failed, skipped] = counts;
        let counts = Counts {
            total,
            success,
            failed,
            skipped,
        };
        self.items.add_counts(entity, operation, &counts);
        self.current.failed = add_saturating(self.current.failed, failed);
        self.current.skipped = add_saturating(self.current.skipped, skipped);
    }

    fn end_job(&mut self) {
        self.jobs.push(std::mem::take(&mut self.current));
    }
}
