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
        use Compare::{Inside, Whole};
        let switch = |v: &SwitchStatus| ConfigValue::Switch(v.clone());
        let text = |v: &String| ConfigValue::Text(v.clone());
        self.field(
            "GroupSyncStatus",
            b.group_sync_status.as_ref(),
            a.group_sync_status.as_ref(),
            switch,
            Whole,
        );
        self.field(
            "IdentityProviderId",
            b.identity_provider_id.as_ref(),
            a.identity_provider_id.as_ref(),
            text,
            Whole,
        );
        self.field(
            "IncrementalCallbackStatus",
            b.incremental_callback_status.as_ref(),
            a.incremental_callback_status.as_ref(),
            switch,
            Whole,
        );
        self.field(
            "InstanceId",
            b.instance_id.as_ref(),
            a.instance_id.as_ref(),
            text,
            Whole,
        );
        self.field(
            "LdapUdPullConfig",
            b.ldap_ud_pull_config.as_ref(),
            a.ldap_ud_pull_config.as_ref(),
            |v| ConfigValue::LdapUdPullConfig(v.clone()),
            Inside(Walk::ldap_pull),
        );
        self.field(
            "LdapUdPushConfig",
            b.ldap_ud_push_config.as_ref(),
            a.ldap_ud_push_config.as_ref(),
            |v| ConfigValue::LdapUdPushConfig(v.clone()),
            Inside(Walk::ldap_push),
        );
        self.field(
            "PeriodicSyncConfig",
            b.periodic_sync_config.as_ref(),
            a.periodic_sync_config.as_ref(),
            |v| ConfigValue::PeriodicSyncConfig(v.clone()),
            Inside(Walk::periodic),
        );
        self.field(
            "PeriodicSyncStatus",
            b.periodic_sync_status.as_ref(),
            a.periodic_sync_status.as_ref(),
            switch,
            Whole,
        );
        self.field(
            "PullProtectedRule",
            b.pull_protected_rule.as_ref(),
            a.pull_protected_rule.as_ref(),
            |v| ConfigValue::PullProtectedRule(v.clone()),
            Inside(Walk::protected_rule),
        );
        self.field(
            "UdSyncScopeConfig",
            b.ud_sync_scope_config.as_ref(),
            a.ud_sync_scope_config.as_ref(),
            |v| ConfigValue::Scope(v.clone()),
            Inside(Walk::scope),
        );
        self.field(
            "UdSyncScopeConfigs",
            b.ud_sync_scope_configs.as_ref(),
            a.ud_sync_scope_configs.as_ref(),
            |v| ConfigValue::Scopes(v.clone()),
            Inside(Walk::scopes),
        );
    }

    fn ldap_pull(&mut self, b: &LdapUdPullConfig, a: &LdapUdPullConfig) {
        let text = |v: &String| ConfigValue::Text(v.clone());
        self.field(
            "GroupMemberAttributeName",
            b.group_member_attribute_name.as_ref(),
            a.group_member_attribute_name.as_ref(),
            text,
            Compare::Whole,
        );
        self.field(
            "GroupObjectClass",
            b.group_object_class.as_ref(),
            a.group_object_class.as_ref(),
            text,
            Compare::Whole,
        );
        self.field(
            "GroupObjectClassCustomFilter",
            b.group_object_class_custom_filter.as_ref(),
            a.group_object_class_custom_filter.as_ref(),
            text,
            Compare::Whole,
        );
        self.field(
            "OrganizationUnitObjectClass",
            b.organization_unit_object_class.as_ref(),
            a.organization_unit_object_class.as_ref(),
            text,
            Compare::Whole,
        );
        self.field(
            "UserObjectClass",
            b.user_object_class.as_ref(),
            a.user_object_class.as_ref(),
            text,
            Compare::Whole,
        );
        self.field(
            "UserObjectClassCustomFilter",
            b.user_object_class_custom_filter.as_ref(),
            a.user_object_class_custom_filter.as_ref(),
            text,
            Compare::Whole,
        );
    }

    fn ldap_push(&mut self, b: &LdapUdPushConfig, a: &LdapUdPushConfig) {
        let text = |v: &String| ConfigValue::Text(v.clone());
        self.field(
            "OrganizationUnitObjectClass",
            b.organization_unit_object_class.as_ref(),
            a.organization_unit_object_class.as_ref(),
            text,
            Compare::Whole,
        );
        self.field(
            "OrganizationalUnitRdn",
            b.organizational_unit_rdn.as_ref(),
            a.organizational_unit_rdn.as_ref(),
            text,
            Compare::Whole,
        );
        self.field(
            "PasswordSyncStatus",
            b.password_sync_status.as_ref(),
            a.password_sync_status.as_ref(),
            |v| ConfigValue::Switch(v.clone()),
            Compare::Whole,
        );
        self.field(
            "UserObjectClass",
            b.user_object_class.as_ref(),
            a.user_object_class.as_ref(),
            text,
            Compare::Whole,
        );
        self.field(
            "UserRdn",
            b.user_rdn.as_ref(),
            a.user_rdn.as_ref(),
            text,
            Compare::Whole,
        );
    }

    fn periodic(&mut self, b: &PeriodicSyncConfig, a: &PeriodicSyncConfig) {
        self.field(
            "PeriodicSyncCron",
            b.periodic_sync_cron.as_ref(),
            a.periodic_sync_cron.as_ref(),
            |v| ConfigValue::Text(v.clone()),
            Compare::Whole,
        );
        self.field(
            "PeriodicSyncTimes",
            b.periodic_sync_times.as_ref(),
            a.periodic_sync_times.as_ref(),
            |v| ConfigValue::Hours(v.clone()),
            Compare::Whole,
        );
        self.field(
            "PeriodicSyncType",
            b.periodic_sync_type.as_ref(),
            a.periodic_sync_type.as_ref(),
            |v| ConfigValue::PeriodicSyncType(v.clone()),
            Compare::Whole,
        );
    }

    fn protected_rule(&mut self, b: &PullProtectedRule, a: &PullProtectedRule) {
        let number = |v: &i64| ConfigValue::Number(*v);
        self.field(
            "GroupDeletedThreshold",
            b.group_deleted_threshold.as_ref(),
            a.group_deleted_threshold.as_ref(),
            number,
            Compare::Whole,
        );
        self.field(
            "OrganizationalUnitDeletedThreshold",
            b.organizational_unit_deleted_threshold.as_ref(),
            a.organizational_unit_deleted_threshold.as_ref(),
            number,
            Compare::Whole,
        );
        self.field(
            "UserDeletedThreshold",
            b.user_deleted_threshold.as_ref(),
            a.user_deleted_threshold.as_ref(),
            number,
            Compare::Whole,
        );
    }

    fn scope(&mut self, b: &UdSyncScopeConfig, a: &UdSyncScopeConfig) {
        self.field(
            "SourceScopes",
            b.source_scopes.as_ref(),
            a.source_scopes.as_ref(),
            |v| ConfigValue::Texts(v.clone()),
            Compare::Inside(Walk::scope_set),
        );
        self.field(
            "TargetScope",
            b.target_scope.as_ref(),
            a.target_scope.as_ref(),
            |v| ConfigValue::Text(v.clone()),
            Compare::Whole,
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
