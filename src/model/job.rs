//! Synchronization jobs, as GetSynchronizationJob and ListSynchronizationJobs
//! return them.

use super::enums::{JobStatus, SyncDirection, TargetType, TriggerType};
use super::wire::{object_only, opt_unsigned, required};
use serde::Deserialize;
use serde::Serialize;
use tsify::Tsify;

/// Item counts of one kind of operation (for example "created") in a job.
/// The service does not promise `Success + Failed + Skipped <= Total`
/// (its own examples break it); validation warns about that.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct OperationCount {
    /// How many items this operation covered.
    #[serde(
        default,
        deserialize_with = "opt_unsigned",
        skip_serializing_if = "Option::is_none"
    )]
    pub total: Option<u64>,
    /// How many items the operation applied successfully.
    #[serde(
        default,
        deserialize_with = "opt_unsigned",
        skip_serializing_if = "Option::is_none"
    )]
    pub success: Option<u64>,
    /// How many items the operation failed on.
    #[serde(
        default,
        deserialize_with = "opt_unsigned",
        skip_serializing_if = "Option::is_none"
    )]
    pub failed: Option<u64>,
    /// How many items the operation skipped (for example out of scope).
    #[serde(
        default,
        deserialize_with = "opt_unsigned",
        skip_serializing_if = "Option::is_none"
    )]
    pub skipped: Option<u64>,
}

/// What a job did to one kind of entity (users, organizational units, groups
/// or group members), by operation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct EntityStatistics {
    /// Entities newly created in the target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<OperationCount>,
    /// Entities whose attributes were updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<OperationCount>,
    /// Entities bound to an existing counterpart (the API spells it "Binded").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binded: Option<OperationCount>,
    /// Entities deleted from the target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<OperationCount>,
    /// Entities found identical on both sides, left unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same: Option<OperationCount>,
    /// Entities pushed (notified) to the other side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pushed: Option<OperationCount>,
    /// Entities exported. Official models carry it on user statistics of list
    /// responses; it is accepted on every entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported: Option<OperationCount>,
}

/// The outcome of a job: statistics per entity and, when it went wrong, the
/// error the service recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct SynchronizationJobResult {
    /// What happened to users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_statistics: Option<EntityStatistics>,
    /// What happened to organizational units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organizational_unit_statistics: Option<EntityStatistics>,
    /// What happened to groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_statistics: Option<EntityStatistics>,
    /// What happened to group memberships.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_member_statistics: Option<EntityStatistics>,
    /// The service's error code when the job failed in part or whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// The service's human-readable error message, paired with `ErrorCode`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
}

/// One synchronization job: a run that moved users, organizational units,
/// groups and memberships between IDaaS and an identity provider or application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct SynchronizationJob {
    /// The job's ID (`sync_...`). The only field a job must have. Kept verbatim,
    /// trailing whitespace included.
    #[serde(deserialize_with = "required")]
    pub synchronization_job_id: String,
    /// What the job synchronizes with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "TargetType")]
    pub target_type: Option<TargetType>,
    /// The ID of that target (`idp_...` for identity providers, `app_...` for applications).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_id: Option<String>,
    /// Inbound (`ingress`) or outbound (`egress`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "SyncDirection")]
    pub direction: Option<SyncDirection>,
    /// When the job started, in milliseconds since the Unix epoch (UTC).
    #[serde(
        default,
        deserialize_with = "opt_unsigned",
        skip_serializing_if = "Option::is_none"
    )]
    pub start_time: Option<u64>,
    /// When the job ended, in milliseconds since the Unix epoch (UTC); absent
    /// while it is pending or running.
    #[serde(
        default,
        deserialize_with = "opt_unsigned",
        skip_serializing_if = "Option::is_none"
    )]
    pub end_time: Option<u64>,
    /// Started automatically or by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "TriggerType")]
    pub trigger_type: Option<TriggerType>,
    /// The job's state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "JobStatus")]
    pub status: Option<JobStatus>,
    /// Statistics and error; absent until the job has produced any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<SynchronizationJobResult>,
    /// A free-text description of the job (list responses carry it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The body of a GetSynchronizationJob response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct GetSynchronizationJobResponse {
    /// The service's ID of this request, for support tickets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// The job asked for.
    #[serde(deserialize_with = "required")]
    pub synchronization_job: SynchronizationJob,
}

/// The body of a ListSynchronizationJobs response: one page of jobs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct ListSynchronizationJobsResponse {
    /// The service's ID of this request, for support tickets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// How many jobs match the request across all pages.
    #[serde(
        default,
        deserialize_with = "opt_unsigned",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u64>,
    /// Pass it back as `NextToken` for the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// The jobs on this page.
    #[serde(deserialize_with = "required")]
    pub synchronization_jobs: Vec<SynchronizationJob>,
}

object_only!(
    OperationCount,
    EntityStatistics,
    SynchronizationJobResult,
    SynchronizationJob,
    GetSynchronizationJobResponse,
    ListSynchronizationJobsResponse,
);
