//! Deletion thresholds: how close an inbound job came to the limits of the
//! identity provider's `PullProtectedRule` (the service stops a job whose
//! deletions exceed a threshold).

use super::summary::ratio;
use crate::model::{SyncDirection, SynchronizationJob, UdPullConfiguration};
use serde::Serialize;
use tsify::Tsify;

/// How one entity's deletions compare with its threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdStatus {
    /// The job is `egress`: thresholds protect inbound jobs only.
    NotApplicable,
    /// No threshold, or a threshold of 0 or less.
    NotConfigured,
    /// Deletions below 80% of the threshold.
    Ok,
    /// Deletions at least 80% of the threshold, and not above it.
    Near,
    /// Deletions above the threshold.
    Exceeded,
}

/// One entity's line of a [`ThresholdReport`].
#[derive(Debug, Clone, PartialEq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct EntityThreshold {
    /// The configured threshold, as configured (even when 0 or negative).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<i64>,
    /// The job's `Deleted.Total` for this entity (0 when absent).
    pub deleted: u64,
    /// `deleted / threshold` when the threshold is positive, else `null`.
    #[tsify(type = "number | null")]
    pub ratio: Option<f64>,
    /// The comparison.
    pub status: ThresholdStatus,
}

/// A job's deletions against a pull configuration's `PullProtectedRule`.
#[derive(Debug, Clone, PartialEq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ThresholdReport {
    /// Users: `UserDeletedThreshold` against `UserStatistics.Deleted.Total`.
    pub users: EntityThreshold,
    /// Organizational units: `OrganizationalUnitDeletedThreshold` against
    /// `OrganizationalUnitStatistics.Deleted.Total`.
    pub organizational_units: EntityThreshold,
    /// Groups: `GroupDeletedThreshold` against `GroupStatistics.Deleted.Total`.
    pub groups: EntityThreshold,
    /// The most severe of the three, in the order `exceeded` > `near` > `ok` >
    /// `not_configured` > `not_applicable`.
    pub status: ThresholdStatus,
}

fn compare(threshold: Option<i64>, deleted: u64, applicable: bool) -> EntityThreshold {
    let positive = threshold
        .and_then(|t| u64::try_from(t).ok())
        .filter(|t| *t > 0);
    let status = match positive {
        _ if !applicable => ThresholdStatus::NotApplicable,
        None => ThresholdStatus::NotConfigured,
        Some(t) if deleted > t => ThresholdStatus::Exceeded,
        // deleted >= 0.8 * t, in integers.
        Some(t) if u128::from(deleted) * 5 >= u128::from(t) * 4 => ThresholdStatus::Near,
        Some(_) => ThresholdStatus::Ok,
    };
    EntityThreshold {
        threshold,
        deleted,
        ratio: positive.and_then(|t| ratio(deleted, t)),
        status,
    }
}

/// Compares a job's deletions with the thresholds of a pull configuration.
/// A job whose `Direction` is `egress` gives `not_applicable` everywhere; any
/// other job (including one without `Direction`) is compared.
pub fn check_deletion_thresholds(
    job: &SynchronizationJob,
    configuration: &UdPullConfiguration,
) -> ThresholdReport {
    let applicable = job.direction != Some(SyncDirection::Egress);
    let rule = configuration
        .pull_protected_rule
        .clone()
        .unwrap_or_default();
    let result = job.result.as_ref();
    let deleted = |stats: Option<&crate::model::EntityStatistics>| {
        stats
            .and_then(|s| s.deleted.as_ref())
            .and_then(|d| d.total)
            .unwrap_or(0)
    };
    let users = compare(
        rule.user_deleted_threshold,
        deleted(result.and_then(|r| r.user_statistics.as_ref())),
        applicable,
    );
    let organizational_units = compare(
        rule.organizational_unit_deleted_threshold,
        deleted(result.and_then(|r| r.organizational_unit_statistics.as_ref())),
        applicable,
    );
    let groups = compare(
        rule.group_deleted_threshold,
        deleted(result.and_then(|r| r.group_statistics.as_ref())),
        applicable,
    );
    let status = users
        .status
        .max(organizational_units.status)
        .max(groups.status);
    ThresholdReport {
        users,
        organizational_units,
        groups,
        status,
    }
}
