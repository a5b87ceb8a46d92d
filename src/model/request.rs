//! The request parameters of the four operations, with the names the API and
//! official SDKs use. Every field is optional in the type, as in the official
//! models; the request validators say which ones an operation needs.

use super::enums::{JobStatus, SyncDirection, TargetType};
use super::wire::{object_only, opt_unsigned};
use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// A dynamic filter of ListSynchronizationJobs: a key and the values it may take.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct JobFilter {
    /// The filter's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The values to match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

/// The parameters of ListSynchronizationJobs.
///
/// Two paging styles exist: `MaxResults` + `NextToken` (recommended), or
/// `PageNumber` + `PageSize`. When `MaxResults` or `NextToken` is given, the
/// service ignores `PageNumber` and `PageSize`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct ListSynchronizationJobsRequest {
    /// The IDaaS instance (`idaas_...`); required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// The page to return, from 1 (page-number style).
    #[serde(
        default,
        deserialize_with = "opt_unsigned",
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// Jobs per page, at most 100 (page-number style; default 20).
    #[serde(
        default,
        deserialize_with = "opt_unsigned",
        skip_serializing_if = "Option::is_none"
    )]
    pub page_size: Option<u64>,
    /// The token from the previous page's response (token style).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// Jobs per page, at most 100 (token style; default 20).
    #[serde(
        default,
        deserialize_with = "opt_unsigned",
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<u64>,
    /// Only jobs with this kind of target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "TargetType")]
    pub target_type: Option<TargetType>,
    /// Only jobs with one of these targets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_ids: Option<Vec<String>>,
    /// Only jobs that started at or after this time (milliseconds since the epoch).
    #[serde(
        default,
        deserialize_with = "opt_unsigned",
        skip_serializing_if = "Option::is_none"
    )]
    pub start_time: Option<u64>,
    /// Only jobs that started at or before this time (milliseconds since the epoch).
    #[serde(
        default,
        deserialize_with = "opt_unsigned",
        skip_serializing_if = "Option::is_none"
    )]
    pub end_time: Option<u64>,
    /// Only jobs in this direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "SyncDirection")]
    pub direction: Option<SyncDirection>,
    /// Only jobs in this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "JobStatus")]
    pub status: Option<JobStatus>,
    /// Dynamic filters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filters: Option<Vec<JobFilter>>,
}

/// The parameters of GetSynchronizationJob.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct GetSynchronizationJobRequest {
    /// The IDaaS instance (`idaas_...`); required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// The job (`sync_...`); required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synchronization_job_id: Option<String>,
}

/// The parameters of GetIdentityProviderUdPushConfiguration.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct GetIdentityProviderUdPushConfigurationRequest {
    /// The IDaaS instance (`idaas_...`); required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// The identity provider (`idp_...`); required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_provider_id: Option<String>,
}

/// The parameters of GetIdentityProviderUdPullConfiguration.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct GetIdentityProviderUdPullConfigurationRequest {
    /// The IDaaS instance (`idaas_...`); required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// The identity provider (`idp_...`); required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_provider_id: Option<String>,
}

object_only!(
    JobFilter,
    ListSynchronizationJobsRequest,
    GetSynchronizationJobRequest,
    GetIdentityProviderUdPushConfigurationRequest,
    GetIdentityProviderUdPullConfigurationRequest,
);
