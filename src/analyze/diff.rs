//! Differences between two synchronization configurations, field by field,
//! with paths in the grammar of parse errors (`UdSyncScopeConfigs[0].TargetScope`).

use crate::model::wire::object_only;
use crate::model::{
    LdapUdPullConfig, LdapUdPushConfig, PeriodicSyncConfig, PullProtectedRule, SwitchStatus,
    UdPullConfiguration, UdPushConfiguration, UdSyncScopeConfig,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use tsify::Tsify;

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
    pub before: Option<Value>,
    /// The value after (absent for `removed`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(type = "unknown")]
    pub after: Option<Value>,
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
pub trait Configuration: Serialize + sealed::Sealed {}
impl Configuration for UdPushConfiguration {}
impl Configuration for UdPullConfiguration {}
impl Configuration for SyncConfiguration {}

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
    let mut changes = Vec::new();
    // The model's serialisation cannot fail (string keys, safe integers only).
    if let (Ok(b), Ok(a)) = (serde_json::to_value(before), serde_json::to_value(after)) {
        diff_value(&mut String::new(), "", &b, &a, &mut changes);
    }
    changes
}

fn diff_value(
    path: &mut String,
    key: &str,
    before: &Value,
    after: &Value,
    out: &mut Vec<ConfigChange>,
) {
    if before == after {
        return;
    }
    match (before, after) {
        (Value::Object(b), Value::Object(a)) => diff_objects(path, b, a, out),
        (Value::Array(b), Value::Array(a)) if key == "SourceScopes" => diff_set(path, b, a, out),
        (Value::Array(b), Value::Array(a)) if b.iter().chain(a).all(Value::is_object) => {
            diff_arrays(path, b, a, out)
        }
        _ => out.push(change(path, ChangeKind::Changed, Some(before), Some(after))),
    }
}

fn change(
    path: &str,
    kind: ChangeKind,
    before: Option<&Value>,
    after: Option<&Value>,
) -> ConfigChange {
    ConfigChange {
        path: path.to_owned(),
        kind,
        before: before.cloned(),
        after: after.cloned(),
    }
}

fn diff_objects(
    path: &mut String,
    before: &Map<String, Value>,
    after: &Map<String, Value>,
    out: &mut Vec<ConfigChange>,
) {
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort_unstable();
    keys.dedup();
    for key in keys {
        let length = path.len();
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
        match (before.get(key), after.get(key)) {
            (Some(b), Some(a)) => diff_value(path, key, b, a, out),
            (Some(b), None) => out.push(change(path, ChangeKind::Removed, Some(b), None)),
            (None, Some(a)) => out.push(change(path, ChangeKind::Added, None, Some(a))),
            (None, None) => {}
        }
        path.truncate(length);
    }
}

fn diff_arrays(path: &mut String, before: &[Value], after: &[Value], out: &mut Vec<ConfigChange>) {
    for index in 0..before.len().max(after.len()) {
        let length = path.len();
        path.push_str(&format!("[{index}]"));
        match (before.get(index), after.get(index)) {
            (Some(b), Some(a)) => diff_value(path, "", b, a, out),
            (Some(b), None) => out.push(change(path, ChangeKind::Removed, Some(b), None)),
            (None, Some(a)) => out.push(change(path, ChangeKind::Added, None, Some(a))),
            (None, None) => {}
        }
        path.truncate(length);
    }
}

/// Set difference of scope lists, in a stable order: removed scopes in their
/// order before, then added scopes in their order after (each once).
fn diff_set(path: &str, before: &[Value], after: &[Value], out: &mut Vec<ConfigChange>) {
    let mut seen: Vec<&Value> = Vec::new();
    for scope in before {
        if !after.contains(scope) && !seen.contains(&scope) {
            seen.push(scope);
            out.push(change(path, ChangeKind::Removed, Some(scope), None));
        }
    }
    for scope in after {
        if !before.contains(scope) && !seen.contains(&scope) {
            seen.push(scope);
            out.push(change(path, ChangeKind::Added, None, Some(scope)));
        }
    }
}
