//! Differences between two synchronization configurations, field by field,
//! with paths in the grammar of parse errors (`UdSyncScopeConfigs[0].TargetScope`).
//!
//! The walk is written over the typed model, one line per field in wire-name
//! order, rather than over a generic JSON tree: the tree, its map and its
//! serializer cost about 6 KB of the gzipped wasm module for this one function.

use crate::model::wire::object_only;
use crate::model::{
    LdapUdPullConfig, LdapUdPushConfig, PeriodicSyncConfig, PeriodicSyncType, PullProtectedRule,
    SwitchStatus, UdPullConfiguration, UdPushConfiguration, UdSyncScopeConfig,
};
use serde::{Deserialize, Serialize};
use tsify::Tsify;

mod walk;

/// What happened at a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Present only after (for `SourceScopes`: a scope joined the set).
    Added,
    /// Present only before (for `SourceScopes`: a scope left the set).
    Removed,
    /// Present on both sides with different values.
    Changed,
}

/// One difference.
#[derive(Debug, Clone, PartialEq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ConfigChange {
    /// Wire names joined by `.`, `[i]` for array indices.
    pub path: String,
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// The value before (absent for `added`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(type = "unknown")]
    pub before: Option<ConfigValue>,
    /// The value after (absent for `removed`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(type = "unknown")]
    pub after: Option<ConfigValue>,
}

/// The wire value of a configuration field, as a change reports it: it
/// serialises exactly as the field does (a string, a number, a list of hours,
/// an object).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ConfigValue {
    /// An ID, a cron expression, an LDAP setting or one source scope.
    Text(String),
    /// A threshold.
    Number(i64),
    /// `enabled` or `disabled` (or an unknown value, kept).
    Switch(SwitchStatus),
    /// `cron` or `time` (or an unknown value, kept).
    PeriodicSyncType(PeriodicSyncType),
    /// `PeriodicSyncTimes` (hours).
    Hours(Vec<u64>),
    /// A whole `SourceScopes` list.
    Texts(Vec<String>),
    /// A synchronization scope.
    Scope(UdSyncScopeConfig),
    /// A whole `UdSyncScopeConfigs` list.
    Scopes(Vec<UdSyncScopeConfig>),
    /// A whole `PullProtectedRule`.
    PullProtectedRule(PullProtectedRule),
    /// A whole `LdapUdPullConfig`.
    LdapUdPullConfig(LdapUdPullConfig),
    /// A whole `LdapUdPushConfig`.
    LdapUdPushConfig(LdapUdPushConfig),
    /// A whole `PeriodicSyncConfig`.
    PeriodicSyncConfig(PeriodicSyncConfig),
}

/// Either kind of synchronization configuration: every field of
/// `UdPushConfiguration` and of `UdPullConfiguration`, all optional. The JS
/// `diffConfigurations` reads its arguments as this, so it accepts both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "PascalCase")]
pub struct SyncConfiguration {
    /// `InstanceId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// `IdentityProviderId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_provider_id: Option<String>,
    /// `IncrementalCallbackStatus`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incremental_callback_status: Option<SwitchStatus>,
    /// `PeriodicSyncStatus`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periodic_sync_status: Option<SwitchStatus>,
    /// `GroupSyncStatus` (pull).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_sync_status: Option<SwitchStatus>,
    /// `UdSyncScopeConfig` (pull).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ud_sync_scope_config: Option<UdSyncScopeConfig>,
    /// `UdSyncScopeConfigs` (push).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ud_sync_scope_configs: Option<Vec<UdSyncScopeConfig>>,
    /// `PullProtectedRule` (pull).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pull_protected_rule: Option<PullProtectedRule>,
    /// `LdapUdPullConfig` (pull).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ldap_ud_pull_config: Option<LdapUdPullConfig>,
    /// `LdapUdPushConfig` (push).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ldap_ud_push_config: Option<LdapUdPushConfig>,
    /// `PeriodicSyncConfig`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periodic_sync_config: Option<PeriodicSyncConfig>,
}

object_only!(SyncConfiguration);

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::model::UdPushConfiguration {}
    impl Sealed for crate::model::UdPullConfiguration {}
    impl Sealed for super::SyncConfiguration {}
}

/// A configuration [`diff_configurations`] compares: [`UdPushConfiguration`],
/// [`UdPullConfiguration`] or [`SyncConfiguration`].
pub trait Configuration: sealed::Sealed {
    /// The same fields as a [`SyncConfiguration`].
    fn to_sync_configuration(&self) -> SyncConfiguration;
}

impl Configuration for SyncConfiguration {
    fn to_sync_configuration(&self) -> SyncConfiguration {
        self.clone()
    }
}

impl Configuration for UdPushConfiguration {
    fn to_sync_configuration(&self) -> SyncConfiguration {
        SyncConfiguration {
            instance_id: self.instance_id.clone(),
            identity_provider_id: self.identity_provider_id.clone(),
            incremental_callback_status: self.incremental_callback_status.clone(),
            periodic_sync_status: self.periodic_sync_status.clone(),
            ud_sync_scope_configs: self.ud_sync_scope_configs.clone(),
            ldap_ud_push_config: self.ldap_ud_push_config.clone(),
            periodic_sync_config: self.periodic_sync_config.clone(),
            ..SyncConfiguration::default()
        }
    }
}

impl Configuration for UdPullConfiguration {
    fn to_sync_configuration(&self) -> SyncConfiguration {
        SyncConfiguration {
            instance_id: self.instance_id.clone(),
            identity_provider_id: self.identity_provider_id.clone(),
            incremental_callback_status: self.incremental_callback_status.clone(),
            periodic_sync_status: self.periodic_sync_status.clone(),
            group_sync_status: self.group_sync_status.clone(),
            ud_sync_scope_config: self.ud_sync_scope_config.clone(),
            pull_protected_rule: self.pull_protected_rule.clone(),
            ldap_ud_pull_config: self.ldap_ud_pull_config.clone(),
            periodic_sync_config: self.periodic_sync_config.clone(),
            ..SyncConfiguration::default()
        }
    }
}

/// The differences from `before` to `after`, over their wire form (absent
/// fields are absent; `PeriodicSyncTimes` already normalised to a list of hours):
/// - objects are compared key by key in key order; a key on one side only is
///   `added` or `removed` with its whole value;
/// - `SourceScopes` is a set: each scope that joined is `added` (with `after`),
///   each that left is `removed` (with `before`), at the `SourceScopes` path;
///   order and repeats do not matter;
/// - arrays of objects (`UdSyncScopeConfigs`) are compared index by index;
///   other arrays and scalars are `changed` as a whole.
pub fn diff_configurations<T: Configuration>(before: &T, after: &T) -> Vec<ConfigChange> {
    walk::changes(
        &before.to_sync_configuration(),
        &after.to_sync_configuration(),
    )
}
