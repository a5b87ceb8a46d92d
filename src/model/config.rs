//! Identity-provider synchronization configurations: outbound (push, IDaaS to
//! the provider) and inbound (pull, provider to IDaaS).

use super::enums::{PeriodicSyncType, SwitchStatus};
use super::wire::{object_only, opt_periodic_sync_times, opt_signed, required};
use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// Which source nodes are synchronized into which target node.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct UdSyncScopeConfig {
    /// The source nodes (organizational units or department IDs) to synchronize.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_scopes: Option<Vec<String>>,
    /// The node they are synchronized into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_scope: Option<String>,
}

/// When a periodic check runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct PeriodicSyncConfig {
    /// `cron` uses `PeriodicSyncCron`; `time` uses `PeriodicSyncTimes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "PeriodicSyncType")]
    pub periodic_sync_type: Option<PeriodicSyncType>,
    /// A Quartz cron expression with seconds, e.g. `0 45 1 * * ?` (01:45:00 daily).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periodic_sync_cron: Option<String>,
    /// Hour slots: `3` means once between 03:00 and 04:00. The service sends an
    /// integer, an array of integers or numeric strings, or `"3,5"`; all are
    /// read as a list of hours.
    #[serde(
        default,
        deserialize_with = "opt_periodic_sync_times",
        skip_serializing_if = "Option::is_none"
    )]
    pub periodic_sync_times: Option<Vec<u64>>,
}

/// LDAP details of an outbound synchronization.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct LdapUdPushConfig {
    /// Object classes of user entries, comma-separated (e.g. `user,top`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_object_class: Option<String>,
    /// Object classes of organizational-unit entries, comma-separated (e.g. `ou,top`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_unit_object_class: Option<String>,
    /// The attribute naming user entries (their RDN, e.g. `cn`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_rdn: Option<String>,
    /// The attribute naming organizational-unit entries (e.g. `ou`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organizational_unit_rdn: Option<String>,
    /// Whether passwords are pushed too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "SwitchStatus")]
    pub password_sync_status: Option<SwitchStatus>,
}

/// An identity provider's outbound synchronization configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct UdPushConfiguration {
    /// The IDaaS instance (`idaas_...`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// The identity provider (`idp_...`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_provider_id: Option<String>,
    /// Whether incremental callbacks from the provider are processed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "SwitchStatus")]
    pub incremental_callback_status: Option<SwitchStatus>,
    /// What is pushed where; outbound configurations may have several scopes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ud_sync_scope_configs: Option<Vec<UdSyncScopeConfig>>,
    /// LDAP details, for LDAP providers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ldap_ud_push_config: Option<LdapUdPushConfig>,
    /// The schedule of the periodic check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periodic_sync_config: Option<PeriodicSyncConfig>,
    /// Whether the periodic check runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "SwitchStatus")]
    pub periodic_sync_status: Option<SwitchStatus>,
}

/// Deletion thresholds that stop an inbound job: when a job would delete more
/// entities of a kind than its threshold, the service terminates it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct PullProtectedRule {
    /// The most users one job may delete.
    #[serde(
        default,
        deserialize_with = "opt_signed",
        skip_serializing_if = "Option::is_none"
    )]
    pub user_deleted_threshold: Option<i64>,
    /// The most organizational units one job may delete.
    #[serde(
        default,
        deserialize_with = "opt_signed",
        skip_serializing_if = "Option::is_none"
    )]
    pub organizational_unit_deleted_threshold: Option<i64>,
    /// The most groups one job may delete.
    #[serde(
        default,
        deserialize_with = "opt_signed",
        skip_serializing_if = "Option::is_none"
    )]
    pub group_deleted_threshold: Option<i64>,
}

/// LDAP details of an inbound synchronization.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct LdapUdPullConfig {
    /// Object classes of user entries, comma-separated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_object_class: Option<String>,
    /// Object classes of organizational-unit entries, comma-separated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_unit_object_class: Option<String>,
    /// An RFC 4515 LDAP filter that further selects user entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_object_class_custom_filter: Option<String>,
    /// Object classes of group entries, comma-separated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_object_class: Option<String>,
    /// The attribute of a group entry that lists its members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_member_attribute_name: Option<String>,
    /// An RFC 4515 LDAP filter that further selects group entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_object_class_custom_filter: Option<String>,
}

/// An identity provider's inbound synchronization configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct UdPullConfiguration {
    /// The IDaaS instance (`idaas_...`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// The identity provider (`idp_...`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_provider_id: Option<String>,
    /// Whether incremental callbacks from the provider are processed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "SwitchStatus")]
    pub incremental_callback_status: Option<SwitchStatus>,
    /// Whether IDaaS periodically compares itself with the provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "SwitchStatus")]
    pub periodic_sync_status: Option<SwitchStatus>,
    /// Whether groups are synchronized.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "SwitchStatus")]
    pub group_sync_status: Option<SwitchStatus>,
    /// What is pulled where; inbound configurations have a single scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ud_sync_scope_config: Option<UdSyncScopeConfig>,
    /// Deletion thresholds that protect IDaaS from a runaway inbound job.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pull_protected_rule: Option<PullProtectedRule>,
    /// LDAP details, for LDAP providers; absent for the others.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ldap_ud_pull_config: Option<LdapUdPullConfig>,
    /// The schedule of the periodic check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periodic_sync_config: Option<PeriodicSyncConfig>,
}

/// The body of a GetIdentityProviderUdPushConfiguration response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct GetIdentityProviderUdPushConfigurationResponse {
    /// The service's ID of this request, for support tickets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// The outbound configuration.
    #[serde(deserialize_with = "required")]
    pub ud_push_configuration: UdPushConfiguration,
}

/// The body of a GetIdentityProviderUdPullConfiguration response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct GetIdentityProviderUdPullConfigurationResponse {
    /// The service's ID of this request, for support tickets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// The inbound configuration.
    #[serde(deserialize_with = "required")]
    pub ud_pull_configuration: UdPullConfiguration,
}

object_only!(
    UdSyncScopeConfig,
    PeriodicSyncConfig,
    LdapUdPushConfig,
    UdPushConfiguration,
    PullProtectedRule,
    LdapUdPullConfig,
    UdPullConfiguration,
    GetIdentityProviderUdPushConfigurationResponse,
    GetIdentityProviderUdPullConfigurationResponse,
);
