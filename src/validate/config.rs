//! The rules of identity-provider synchronization configurations: outbound
//! (`UdPushConfiguration`) and inbound (`UdPullConfiguration`).

use super::check::Checker;
use super::fields::{check_enum, given};
use super::ids::{check_id, IDENTITY_PROVIDER_PREFIX, INSTANCE_PREFIX};
use super::ldap_filter::check_filter;
use super::ldap_names::{invalid_object_class, is_oid};
use super::messages::quote;
use super::schedule::{check_periodic_status, check_schedule};
use super::RuleCode;
use crate::model::{
    LdapUdPullConfig, LdapUdPushConfig, PullProtectedRule, SwitchStatus, UdPullConfiguration,
    UdPushConfiguration, UdSyncScopeConfig,
};

/// Checks an outbound configuration in document order.
pub(crate) fn check_push(checker: &mut Checker<'_>, config: &UdPushConfiguration) {
    check_owner_and_callback(
        checker,
        config.instance_id.as_ref(),
        config.identity_provider_id.as_ref(),
        config.incremental_callback_status.as_ref(),
    );
    if let Some(scopes) = &config.ud_sync_scope_configs {
        checker.at("UdSyncScopeConfigs", |c| {
            for (index, scope) in scopes.iter().enumerate() {
                c.at(&format!("[{index}]"), |c| check_scope(c, scope));
            }
        });
    }
    if let Some(ldap) = &config.ldap_ud_push_config {
        checker.at("LdapUdPushConfig", |c| check_ldap_push(c, ldap));
    }
    if let Some(schedule) = &config.periodic_sync_config {
        checker.at("PeriodicSyncConfig", |c| check_schedule(c, schedule));
    }
    check_periodic_status(
        checker,
        config.periodic_sync_status.as_ref(),
        config.periodic_sync_config.as_ref(),
    );
}

/// Checks an inbound configuration in document order.
pub(crate) fn check_pull(checker: &mut Checker<'_>, config: &UdPullConfiguration) {
    check_owner_and_callback(
        checker,
        config.instance_id.as_ref(),
        config.identity_provider_id.as_ref(),
        config.incremental_callback_status.as_ref(),
    );
    check_periodic_status(
        checker,
        config.periodic_sync_status.as_ref(),
        config.periodic_sync_config.as_ref(),
    );
    check_enum(
        checker,
        "GroupSyncStatus",
        config.group_sync_status.as_ref(),
    );
    if let Some(scope) = &config.ud_sync_scope_config {
        checker.at("UdSyncScopeConfig", |c| check_scope(c, scope));
    }
    if let Some(rule) = &config.pull_protected_rule {
        checker.at("PullProtectedRule", |c| check_thresholds(c, rule));
    }
    if let Some(ldap) = &config.ldap_ud_pull_config {
        checker.at("LdapUdPullConfig", |c| check_ldap_pull(c, ldap));
    }
    if let Some(schedule) = &config.periodic_sync_config {
        checker.at("PeriodicSyncConfig", |c| check_schedule(c, schedule));
    }
}

/// The fields both kinds of configuration start with: `InstanceId` and
/// `IdentityProviderId` when present (not empty, no whitespace, the right
/// prefixes), then `IncrementalCallbackStatus`.
fn check_owner_and_callback(
    checker: &mut Checker<'_>,
    instance_id: Option<&String>,
    identity_provider_id: Option<&String>,
    incremental_callback_status: Option<&SwitchStatus>,
) {
    if let Some(id) = instance_id {
        check_id(
            checker,
            "InstanceId",
            id,
            Some(INSTANCE_PREFIX),
            RuleCode::EmptyId,
        );
    }
    if let Some(id) = identity_provider_id {
        let prefix = Some(IDENTITY_PROVIDER_PREFIX);
        check_id(checker, "IdentityProviderId", id, prefix, RuleCode::EmptyId);
    }
    check_enum(
        checker,
        "IncrementalCallbackStatus",
        incremental_callback_status,
    );
}

/// A scope: some non-empty source entries and a target.
fn check_scope(checker: &mut Checker<'_>, scope: &UdSyncScopeConfig) {
    match scope.source_scopes.as_deref() {
        None | Some([]) => checker.report("SourceScopes", RuleCode::EmptySourceScopes, &[]),
        Some(sources) => {
            for (index, source) in sources.iter().enumerate() {
                if source.trim().is_empty() {
                    let field = format!("SourceScopes[{index}]");
                    checker.report(&field, RuleCode::EmptyId, &[]);
                }
            }
        }
    }
    if scope
        .target_scope
        .as_deref()
        .is_none_or(|t| t.trim().is_empty())
    {
        checker.report("TargetScope", RuleCode::MissingTargetScope, &[]);
    }
}

/// Deletion thresholds are never negative.
fn check_thresholds(checker: &mut Checker<'_>, rule: &PullProtectedRule) {
    let thresholds = [
        ("UserDeletedThreshold", rule.user_deleted_threshold),
        (
            "OrganizationalUnitDeletedThreshold",
            rule.organizational_unit_deleted_threshold,
        ),
        ("GroupDeletedThreshold", rule.group_deleted_threshold),
    ];
    for (field, threshold) in thresholds {
        if let Some(value) = threshold.filter(|&v| v < 0) {
            let value = value.to_string();
            checker.report(field, RuleCode::NegativeThreshold, &[("value", &value)]);
        }
    }
}

/// A comma-separated object class list, when present.
fn check_object_classes(checker: &mut Checker<'_>, field: &str, list: Option<&String>) {
    let Some(list) = list else { return };
    if let Some(entry) = invalid_object_class(list) {
        checker.report(
            field,
            RuleCode::InvalidObjectClassList,
            &[("value", &quote(list)), ("detail", &quote(entry))],
        );
    }
}

/// A single attribute type name (`oid`), when present.
fn check_attribute(checker: &mut Checker<'_>, field: &str, name: Option<&String>, code: RuleCode) {
    let Some(name) = name else { return };
    if !is_oid(name) {
        checker.report(field, code, &[("value", &quote(name))]);
    }
}

/// An RFC 4515 filter, when present and not empty (empty means no filter).
fn check_custom_filter(checker: &mut Checker<'_>, field: &str, filter: Option<&String>) {
    let Some(filter) = given(filter) else { return };
    if let Err(error) = check_filter(filter) {
        let detail = error.kind.describe(checker.options().locale);
        checker.report(
            field,
            RuleCode::InvalidLdapFilter,
            &[
                ("value", &quote(filter)),
                ("detail", detail),
                ("position", &error.position.to_string()),
            ],
        );
    }
}

fn check_ldap_push(checker: &mut Checker<'_>, ldap: &LdapUdPushConfig) {
    let rdn = RuleCode::InvalidRdn;
    check_object_classes(checker, "UserObjectClass", ldap.user_object_class.as_ref());
    check_object_classes(
        checker,
        "OrganizationUnitObjectClass",
        ldap.organization_unit_object_class.as_ref(),
    );
    check_attribute(checker, "UserRdn", ldap.user_rdn.as_ref(), rdn);
    check_attribute(
        checker,
        "OrganizationalUnitRdn",
        ldap.organizational_unit_rdn.as_ref(),
        rdn,
    );
    check_enum(
        checker,
        "PasswordSyncStatus",
        ldap.password_sync_status.as_ref(),
    );
}

fn check_ldap_pull(checker: &mut Checker<'_>, ldap: &LdapUdPullConfig) {
    check_object_classes(checker, "UserObjectClass", ldap.user_object_class.as_ref());
    check_object_classes(
        checker,
        "OrganizationUnitObjectClass",
        ldap.organization_unit_object_class.as_ref(),
    );
    check_custom_filter(
        checker,
        "UserObjectClassCustomFilter",
        ldap.user_object_class_custom_filter.as_ref(),
    );
    check_object_classes(
        checker,
        "GroupObjectClass",
        ldap.group_object_class.as_ref(),
    );
    check_attribute(
        checker,
        "GroupMemberAttributeName",
        ldap.group_member_attribute_name.as_ref(),
        RuleCode::InvalidAttributeName,
    );
    check_custom_filter(
        checker,
        "GroupObjectClassCustomFilter",
        ldap.group_object_class_custom_filter.as_ref(),
    );
}
