//! The field-by-field walk of [`super::diff_configurations`].

use super::{ChangeKind, ConfigChange, ConfigValue, SyncConfiguration};
use crate::model::{
    LdapUdPullConfig, LdapUdPushConfig, PeriodicSyncConfig, PullProtectedRule, SwitchStatus,
    UdSyncScopeConfig,
};

/// The changes from `before` to `after`, in wire-name order.
pub(super) fn changes(before: &SyncConfiguration, after: &SyncConfiguration) -> Vec<ConfigChange> {
    let mut walk = Walk {
        path: String::new(),
        out: Vec::new(),
    };
    walk.configuration(before, after);
    walk.out
}

/// Compares fields one per line: `"WireName": field, how a value is shown,
/// how two values are compared;`, in the order given (wire-name order).
macro_rules! fields {
    ($walk:ident, $b:ident, $a:ident; $($name:literal: $field:ident, $value:expr, $compare:expr;)*) => {{
        #[allow(unused_imports)]
        use Compare::{Inside, Whole};
        $($walk.field($name, $b.$field.as_ref(), $a.$field.as_ref(), $value, $compare);)*
    }};
}

// `&String`: the field's type, as `Walk::field` passes it.
#[allow(clippy::ptr_arg)]
fn text(value: &String) -> ConfigValue {
    ConfigValue::Text(value.clone())
}

fn switch(value: &SwitchStatus) -> ConfigValue {
    ConfigValue::Switch(value.clone())
}

fn number(value: &i64) -> ConfigValue {
    ConfigValue::Number(*value)
}

/// Where the walk is and what it found.
struct Walk {
    path: String,
    out: Vec<ConfigChange>,
}

/// How a field's values are compared once both sides have one.
enum Compare<T> {
    /// Different values are one `changed`.
    Whole,
    /// Different values are compared inside.
    Inside(fn(&mut Walk, &T, &T)),
}

impl Walk {
    /// Compares one field: present on one side only is `added` or `removed`,
    /// on both sides and different is `changed` or compared inside.
    fn field<T: PartialEq>(
        &mut self,
        name: &str,
        before: Option<&T>,
        after: Option<&T>,
        value: fn(&T) -> ConfigValue,
        compare: Compare<T>,
    ) {
        if before == after {
            return;
        }
        let length = self.path.len();
        if !name.starts_with('[') && !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(name);
        match (before, after, compare) {
            (Some(b), Some(a), Compare::Inside(inside)) => inside(self, b, a),
            (b, a, _) => {
                let kind = match (b, a) {
                    (Some(_), Some(_)) => ChangeKind::Changed,
                    (Some(_), None) => ChangeKind::Removed,
                    _ => ChangeKind::Added,
                };
                self.push(kind, b.map(value), a.map(value));
            }
        }
        self.path.truncate(length);
    }

    fn push(&mut self, kind: ChangeKind, before: Option<ConfigValue>, after: Option<ConfigValue>) {
        self.out.push(ConfigChange {
            path: self.path.clone(),
            kind,
            before,
            after,
        });
    }

    /// The fields of either kind of configuration, in wire-name order.
    fn configuration(&mut self, b: &SyncConfiguration, a: &SyncConfiguration) {
        fields!(self, b, a;
            "GroupSyncStatus": group_sync_status, switch, Whole;
            "IdentityProviderId": identity_provider_id, text, Whole;
            "IncrementalCallbackStatus": incremental_callback_status, switch, Whole;
            "InstanceId": instance_id, text, Whole;
            "LdapUdPullConfig": ldap_ud_pull_config,
                |v| ConfigValue::LdapUdPullConfig(v.clone()), Inside(Walk::ldap_pull);
            "LdapUdPushConfig": ldap_ud_push_config,
                |v| ConfigValue::LdapUdPushConfig(v.clone()), Inside(Walk::ldap_push);
            "PeriodicSyncConfig": periodic_sync_config,
                |v| ConfigValue::PeriodicSyncConfig(v.clone()), Inside(Walk::periodic);
            "PeriodicSyncStatus": periodic_sync_status, switch, Whole;
            "PullProtectedRule": pull_protected_rule,
                |v| ConfigValue::PullProtectedRule(v.clone()), Inside(Walk::protected_rule);
            "UdSyncScopeConfig": ud_sync_scope_config,
                |v| ConfigValue::Scope(v.clone()), Inside(Walk::scope);
            "UdSyncScopeConfigs": ud_sync_scope_configs,
                |v| ConfigValue::Scopes(v.clone()), Inside(Walk::scopes);
        );
    }

    fn ldap_pull(&mut self, b: &LdapUdPullConfig, a: &LdapUdPullConfig) {
        fields!(self, b, a;
            "GroupMemberAttributeName": group_member_attribute_name, text, Whole;
            "GroupObjectClass": group_object_class, text, Whole;
            "GroupObjectClassCustomFilter": group_object_class_custom_filter, text, Whole;
            "OrganizationUnitObjectClass": organization_unit_object_class, text, Whole;
            "UserObjectClass": user_object_class, text, Whole;
            "UserObjectClassCustomFilter": user_object_class_custom_filter, text, Whole;
        );
    }

    fn ldap_push(&mut self, b: &LdapUdPushConfig, a: &LdapUdPushConfig) {
        fields!(self, b, a;
            "OrganizationUnitObjectClass": organization_unit_object_class, text, Whole;
            "OrganizationalUnitRdn": organizational_unit_rdn, text, Whole;
            "PasswordSyncStatus": password_sync_status, switch, Whole;
            "UserObjectClass": user_object_class, text, Whole;
            "UserRdn": user_rdn, text, Whole;
        );
    }

    fn periodic(&mut self, b: &PeriodicSyncConfig, a: &PeriodicSyncConfig) {
        fields!(self, b, a;
            "PeriodicSyncCron": periodic_sync_cron, text, Whole;
            "PeriodicSyncTimes": periodic_sync_times, |v| ConfigValue::Hours(v.clone()), Whole;
            "PeriodicSyncType": periodic_sync_type,
                |v| ConfigValue::PeriodicSyncType(v.clone()), Whole;
        );
    }

    fn protected_rule(&mut self, b: &PullProtectedRule, a: &PullProtectedRule) {
        fields!(self, b, a;
            "GroupDeletedThreshold": group_deleted_threshold, number, Whole;
            "OrganizationalUnitDeletedThreshold": organizational_unit_deleted_threshold,
                number, Whole;
            "UserDeletedThreshold": user_deleted_threshold, number, Whole;
        );
    }

    fn scope(&mut self, b: &UdSyncScopeConfig, a: &UdSyncScopeConfig) {
        fields!(self, b, a;
            "SourceScopes": source_scopes,
                |v| ConfigValue::Texts(v.clone()), Inside(Walk::scope_set);
            "TargetScope": target_scope, text, Whole;
        );
    }

    /// `UdSyncScopeConfigs`, index by index.
    // `&Vec`: the field's type, as `Compare::Inside` passes it.
    #[allow(clippy::ptr_arg)]
    fn scopes(&mut self, b: &Vec<UdSyncScopeConfig>, a: &Vec<UdSyncScopeConfig>) {
        for index in 0..b.len().max(a.len()) {
            let value = |v: &UdSyncScopeConfig| ConfigValue::Scope(v.clone());
            self.field(
                &format!("[{index}]"),
                b.get(index),
                a.get(index),
                value,
                Compare::Inside(Walk::scope),
            );
        }
    }

    /// Set difference of scope lists, in a stable order: removed scopes in
    /// their order before, then added scopes in their order after (each once).
    #[allow(clippy::ptr_arg)]
    fn scope_set(&mut self, before: &Vec<String>, after: &Vec<String>) {
        let mut seen: Vec<&String> = Vec::new();
        for scope in before {
            if !after.contains(scope) && !seen.contains(&scope) {
                seen.push(scope);
                self.push(
                    ChangeKind::Removed,
                    Some(ConfigValue::Text(scope.clone())),
                    None,
                );
            }
        }
        for scope in after {
            if !before.contains(scope) && !seen.contains(&scope) {
                seen.push(scope);
                self.push(
                    ChangeKind::Added,
                    None,
                    Some(ConfigValue::Text(scope.clone())),
                );
            }
        }
    }
}
