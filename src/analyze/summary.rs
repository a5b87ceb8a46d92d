//! One job's figures: counts per entity and operation, totals, rates,
//! duration and an outcome class (defined in the README, "Analysis").

use crate::model::{
    EntityStatistics, JobStatus, OperationCount, SyncDirection, SynchronizationJob,
    SynchronizationJobResult, TargetType, TriggerType, MAX_SAFE_INTEGER,
};
use serde::Serialize;
use tsify::Tsify;

/// Adds two counts, saturating at 2^53 - 1 so every figure stays an exact
/// JavaScript number.
pub(crate) fn add_saturating(a: u64, b: u64) -> u64 {
    a.saturating_add(b).min(MAX_SAFE_INTEGER)
}

/// Item counts of one operation (or a sum of several): absent wire values count as 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    /// Sum of `Total`.
    pub total: u64,
    /// Sum of `Success`.
    pub success: u64,
    /// Sum of `Failed`.
    pub failed: u64,
    /// Sum of `Skipped`.
    pub skipped: u64,
}

impl Counts {
    /// The counts of one wire `OperationCount` (absent values are 0).
    pub fn of(count: &OperationCount) -> Self {
        Counts {
            total: count.total.unwrap_or(0),
            success: count.success.unwrap_or(0),
            failed: count.failed.unwrap_or(0),
            skipped: count.skipped.unwrap_or(0),
        }
    }

    /// Adds `other` field by field (saturating at 2^53 - 1).
    pub fn add(&mut self, other: &Counts) {
        self.total = add_saturating(self.total, other.total);
        self.success = add_saturating(self.success, other.success);
        self.failed = add_saturating(self.failed, other.failed);
        self.skipped = add_saturating(self.skipped, other.skipped);
    }

    /// `max(total, success + failed + skipped)`: the denominator of the rates.
    pub fn rate_denominator(&self) -> u64 {
        let parts = add_saturating(add_saturating(self.success, self.failed), self.skipped);
        self.total.max(parts)
    }

    /// `success / rate_denominator()`, `None` when the denominator is 0.
    pub fn success_rate(&self) -> Option<f64> {
        ratio(self.success, self.rate_denominator())
    }

    /// `failed / rate_denominator()`, `None` when the denominator is 0.
    pub fn failure_rate(&self) -> Option<f64> {
        ratio(self.failed, self.rate_denominator())
    }
}

/// `part / whole`, `None` for a zero `whole` (never NaN).
pub(crate) fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole != 0).then(|| part as f64 / whole as f64)
}

/// The four kinds of entity a job reports on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    /// `UserStatistics`.
    Users,
    /// `OrganizationalUnitStatistics`.
    OrganizationalUnits,
    /// `GroupStatistics`.
    Groups,
    /// `GroupMemberStatistics`.
    GroupMembers,
}

impl Entity {
    /// Every entity, in wire order.
    pub const ALL: [Entity; 4] = [
        Entity::Users,
        Entity::OrganizationalUnits,
        Entity::Groups,
        Entity::GroupMembers,
    ];

    /// This entity's statistics in a job result.
    pub fn statistics(self, result: &SynchronizationJobResult) -> Option<&EntityStatistics> {
        match self {
            Entity::Users => result.user_statistics.as_ref(),
            Entity::OrganizationalUnits => result.organizational_unit_statistics.as_ref(),
            Entity::Groups => result.group_statistics.as_ref(),
            Entity::GroupMembers => result.group_member_statistics.as_ref(),
        }
    }
}

/// The seven operations a job reports per entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// `Created`.
    Created,
    /// `Updated`.
    Updated,
    /// `Binded`.
    Binded,
    /// `Deleted`.
    Deleted,
    /// `Same`.
    Same,
    /// `Pushed`.
    Pushed,
    /// `Exported`.
    Exported,
}

impl Operation {
    /// Every operation, in wire order.
    pub const ALL: [Operation; 7] = [
        Operation::Created,
        Operation::Updated,
        Operation::Binded,
        Operation::Deleted,
        Operation::Same,
        Operation::Pushed,
        Operation::Exported,
    ];

    /// This operation's counts in an entity's statistics.
    pub fn count(self, statistics: &EntityStatistics) -> Option<&OperationCount> {
        match self {
            Operation::Created => statistics.created.as_ref(),
            Operation::Updated => statistics.updated.as_ref(),
            Operation::Binded => statistics.binded.as_ref(),
            Operation::Deleted => statistics.deleted.as_ref(),
            Operation::Same => statistics.same.as_ref(),
            Operation::Pushed => statistics.pushed.as_ref(),
            Operation::Exported => statistics.exported.as_ref(),
        }
    }
}

/// Counts per operation, each a [`Counts`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct OperationCounts {
    /// `Created`.
    pub created: Counts,
    /// `Updated`.
    pub updated: Counts,
    /// `Binded`.
    pub binded: Counts,
    /// `Deleted`.
    pub deleted: Counts,
    /// `Same`.
    pub same: Counts,
    /// `Pushed`.
    pub pushed: Counts,
    /// `Exported`.
    pub exported: Counts,
    /// The sum of the seven operations.
    pub total: Counts,
}

impl OperationCounts {
    fn from_row(row: &[Counts; 7]) -> Self {
        let [created, updated, binded, deleted, same, pushed, exported] = *row;
        let mut total = Counts::default();
        for counts in row {
            total.add(counts);
        }
        OperationCounts {
            created,
            updated,
            binded,
            deleted,
            same,
            pushed,
            exported,
            total,
        }
    }
}

/// Counts per entity x operation, the exact mergeable state behind [`ItemTotals`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ItemMatrix([[Counts; 7]; 4]);

impl ItemMatrix {
    /// Adds one job's statistics.
    pub(crate) fn add_job(&mut self, job: &SynchronizationJob) {
        let Some(result) = &job.result else { return };
        for (row, entity) in self.0.iter_mut().zip(Entity::ALL) {
            let Some(statistics) = entity.statistics(result) else {
                continue;
            };
            for (cell, operation) in row.iter_mut().zip(Operation::ALL) {
                if let Some(count) = operation.count(statistics) {
                    cell.add(&Counts::of(count));
                }
            }
        }
    }

    /// Adds `counts` to one cell: indices into [`Entity::ALL`] and
    /// [`Operation::ALL`] (out of range: nothing is added).
    pub(crate) fn add_counts(&mut self, entity: usize, operation: usize, counts: &Counts) {
        if let Some(cell) = self
            .0
            .get_mut(entity)
            .and_then(|row| row.get_mut(operation))
        {
            cell.add(counts);
        }
    }

    /// Adds another matrix cell by cell.
    pub(crate) fn merge(&mut self, other: &ItemMatrix) {
        for (row, other_row) in self.0.iter_mut().zip(&other.0) {
            for (cell, other_cell) in row.iter_mut().zip(other_row) {
                cell.add(other_cell);
            }
        }
    }

    /// The published figures.
    pub(crate) fn totals(&self) -> ItemTotals {
        let [users, organizational_units, groups, group_members] =
            self.0.map(|row| OperationCounts::from_row(&row));
        let mut by_operation_row = [Counts::default(); 7];
        for row in &self.0 {
            for (sum, cell) in by_operation_row.iter_mut().zip(row) {
                sum.add(cell);
            }
        }
        let by_operation = OperationCounts::from_row(&by_operation_row);
        let all = by_operation.total;
        ItemTotals {
            users,
            organizational_units,
            groups,
            group_members,
            by_operation,
            all,
            success_rate: all.success_rate(),
            failure_rate: all.failure_rate(),
        }
    }
}

/// Item counts of one job or many: per entity x operation, per operation,
/// overall, and the overall rates.
#[derive(Debug, Clone, PartialEq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ItemTotals {
    /// `UserStatistics` per operation, with their sum.
    pub users: OperationCounts,
    /// `OrganizationalUnitStatistics` per operation, with their sum.
    pub organizational_units: OperationCounts,
    /// `GroupStatistics` per operation, with their sum.
    pub groups: OperationCounts,
    /// `GroupMemberStatistics` per operation, with their sum.
    pub group_members: OperationCounts,
    /// Each operation summed over the four entities.
    pub by_operation: OperationCounts,
    /// Everything summed.
    pub all: Counts,
    /// `all.success / max(all.total, all.success + all.failed + all.skipped)`;
    /// `null` when that denominator is 0.
    #[tsify(type = "number | null")]
    pub success_rate: Option<f64>,
    /// `all.failed / max(all.total, all.success + all.failed + all.skipped)`;
    /// `null` when that denominator is 0.
    #[tsify(type = "number | null")]
    pub failure_rate: Option<f64>,
}

/// A job's outcome class, a closed set (see the README, "Analysis").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// `Status` is `success`, no item failed and none was skipped.
    Succeeded,
    /// `Status` is `success`, no item failed, some were skipped.
    SucceededWithSkips,
    /// `Status` is `partial_success`, or `success` with failed items.
    PartiallyFailed,
    /// `Status` is `failed`.
    Failed,
    /// `Status` is `pending`, `running` or `suspending`.
    InProgress,
    /// `Status` is absent or a value this version does not know.
    Unknown,
}

impl Outcome {
    /// Every class, in documentation order.
    pub const ALL: [Outcome; 6] = [
        Outcome::Succeeded,
        Outcome::SucceededWithSkips,
        Outcome::PartiallyFailed,
        Outcome::Failed,
        Outcome::InProgress,
        Outcome::Unknown,
    ];

    /// The class of a job whose items sum to `all`.
    pub fn classify(status: Option<&JobStatus>, all: &Counts) -> Outcome {
        match status {
            Some(JobStatus::Success) if all.failed > 0 => Outcome::PartiallyFailed,
            Some(JobStatus::Success) if all.skipped > 0 => Outcome::SucceededWithSkips,
            Some(JobStatus::Success) => Outcome::Succeeded,
            Some(JobStatus::PartialSuccess) => Outcome::PartiallyFailed,
            Some(JobStatus::Failed) => Outcome::Failed,
            Some(JobStatus::Pending | JobStatus::Running | JobStatus::Suspending) => {
                Outcome::InProgress
            }
            Some(JobStatus::Other(_)) | None => Outcome::Unknown,
        }
    }

    /// The class of one job.
    pub fn of_job(job: &SynchronizationJob) -> Outcome {
        let mut matrix = ItemMatrix::default();
        matrix.add_job(job);
        Outcome::classify(job.status.as_ref(), &matrix.totals().all)
    }
}

/// `EndTime - StartTime` in milliseconds, when both are present and
/// `EndTime >= StartTime`.
pub fn job_duration_ms(job: &SynchronizationJob) -> Option<u64> {
    let (start, end) = (job.start_time?, job.end_time?);
    end.checked_sub(start)
}

/// The figures of one job (see the README, "Analysis").
#[derive(Debug, Clone, PartialEq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct JobSummary {
    /// The job's ID, verbatim.
    pub synchronization_job_id: String,
    /// The job's `TargetType`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(type = "TargetType")]
    pub target_type: Option<TargetType>,
    /// The job's `TargetId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_id: Option<String>,
    /// The job's `Direction`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(type = "SyncDirection")]
    pub direction: Option<SyncDirection>,
    /// The job's `TriggerType`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(type = "TriggerType")]
    pub trigger_type: Option<TriggerType>,
    /// The job's `Status`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(type = "JobStatus")]
    pub status: Option<JobStatus>,
    /// The job's `StartTime` (UTC ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<u64>,
    /// The job's `EndTime` (UTC ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_time: Option<u64>,
    /// `EndTime - StartTime` when both are present and `EndTime >= StartTime`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<u64>,
    /// The outcome class.
    pub outcome: Outcome,
    /// Item counts, totals and rates.
    pub items: ItemTotals,
    /// `Result.ErrorCode`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// `Result.ErrorMessage`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
}

/// Summarizes one job. Never panics; absent values count as 0.
pub fn summarize_job(job: &SynchronizationJob) -> JobSummary {
    let mut matrix = ItemMatrix::default();
    matrix.add_job(job);
    let items = matrix.totals();
    let result = job.result.as_ref();
    JobSummary {
        synchronization_job_id: job.synchronization_job_id.clone(),
        target_type: job.target_type.clone(),
        target_id: job.target_id.clone(),
        direction: job.direction.clone(),
        trigger_type: job.trigger_type.clone(),
        status: job.status.clone(),
        start_time: job.start_time,
        end_time: job.end_time,
        duration_ms: job_duration_ms(job),
        outcome: Outcome::classify(job.status.as_ref(), &items.all),
        items,
        error_code: result.and_then(|r| r.error_code.clone()),
        error_message: result.and_then(|r| r.error_message.clone()),
    }
}
