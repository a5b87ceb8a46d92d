//! Push and pull configuration rules on scopes, deletion thresholds and the
//! LDAP settings (object classes, RDNs, RFC 4515 filters).

use super::common::{issue, report, with};
use super::config::{clean_pull, clean_push, pull_issues, push_issues};
use eiam_sync::model::{UdPullConfiguration, UdPushConfiguration};
use eiam_sync::validate::{Locale, ValidateOptions};
use serde_json::json;

#[test]
fn scopes_need_sources_and_a_target() {
    let push = with(
        clean_push(),
        "/UdSyncScopeConfigs/0/SourceScopes",
        json!([]),
    );
    assert_eq!(
        push_issues(&push),
        [issue(
            "UdSyncScopeConfigs[0].SourceScopes",
            "empty_source_scopes",
            "error"
        )]
    );
    let push = with(
        clean_push(),
        "/UdSyncScopeConfigs/0/SourceScopes",
        json!(["ou_1", ""]),
    );
    assert_eq!(
        push_issues(&push),
        [issue(
            "UdSyncScopeConfigs[0].SourceScopes[1]",
            "empty_id",
            "error"
        )]
    );
    let push = with(clean_push(), "/UdSyncScopeConfigs/0/TargetScope", json!(""));
    assert_eq!(
        push_issues(&push),
        [issue(
            "UdSyncScopeConfigs[0].TargetScope",
            "missing_target_scope",
            "error"
        )]
    );
    let pull = with(clean_pull(), "/UdSyncScopeConfig", json!({}));
    assert_eq!(
        pull_issues(&pull),
        [
            issue(
                "UdSyncScopeConfig.SourceScopes",
                "empty_source_scopes",
                "error"
            ),
            issue(
                "UdSyncScopeConfig.TargetScope",
                "missing_target_scope",
                "error"
            ),
        ]
    );
}

#[test]
fn thresholds_are_not_negative() {
    let pull = with(
        clean_pull(),
        "/PullProtectedRule/GroupDeletedThreshold",
        json!(-1),
    );
    assert_eq!(
        pull_issues(&pull),
        [issue(
            "PullProtectedRule.GroupDeletedThreshold",
            "negative_threshold",
            "error"
        )]
    );
    let pull = with(
        clean_pull(),
        "/PullProtectedRule/UserDeletedThreshold",
        json!(0),
    );
    assert_eq!(pull_issues(&pull), []);
}

#[test]
fn object_class_lists_and_attribute_names() {
    let push = with(
        clean_push(),
        "/LdapUdPushConfig/UserObjectClass",
        json!("user;top"),
    );
    assert_eq!(
        push_issues(&push),
        [issue(
            "LdapUdPushConfig.UserObjectClass",
            "invalid_object_class_list",
            "error"
        )]
    );
    let message =
        &report::<UdPushConfiguration>(&push, &ValidateOptions::default()).issues[0].message;
    assert_eq!(
        message,
        "`LdapUdPushConfig.UserObjectClass` is \"user;top\", which is not a comma-separated list of object classes (\"user;top\" is not a name or a numeric OID)."
    );
    let pull = with(
        clean_pull(),
        "/LdapUdPullConfig/GroupObjectClass",
        json!("group,"),
    );
    assert_eq!(
        pull_issues(&pull),
        [issue(
            "LdapUdPullConfig.GroupObjectClass",
            "invalid_object_class_list",
            "error"
        )]
    );
    let push = with(
        clean_push(),
        "/LdapUdPushConfig/OrganizationalUnitRdn",
        json!("o u"),
    );
    assert_eq!(
        push_issues(&push),
        [issue(
            "LdapUdPushConfig.OrganizationalUnitRdn",
            "invalid_rdn",
            "error"
        )]
    );
    let push = with(clean_push(), "/LdapUdPushConfig/UserRdn", json!("2.5.4.3"));
    assert_eq!(push_issues(&push), []);
    let pull = with(
        clean_pull(),
        "/LdapUdPullConfig/GroupMemberAttributeName",
        json!("member of"),
    );
    assert_eq!(
        pull_issues(&pull),
        [issue(
            "LdapUdPullConfig.GroupMemberAttributeName",
            "invalid_attribute_name",
            "error"
        )]
    );
}

#[test]
fn custom_filters_are_rfc_4515_with_a_position() {
    let filter = "(|(cn=test)(mail=test@test.com)";
    let pull = with(
        clean_pull(),
        "/LdapUdPullConfig/UserObjectClassCustomFilter",
        json!(filter),
    );
    let path = "LdapUdPullConfig.UserObjectClassCustomFilter";
    assert_eq!(
        pull_issues(&pull),
        [issue(path, "invalid_ldap_filter", "error")]
    );
    let messages: Vec<String> = Locale::ALL
        .into_iter()
        .map(|locale| {
            let options = ValidateOptions {
                locale,
                ..ValidateOptions::default()
            };
            report::<UdPullConfiguration>(&pull, &options).issues[0]
                .message
                .clone()
        })
        .collect();
    assert_eq!(
        messages,
        [
            "`LdapUdPullConfig.UserObjectClassCustomFilter` is not a valid LDAP filter (RFC 4515): the filter ends too early at character 32.",
            "`LdapUdPullConfig.UserObjectClassCustomFilter` 不是有效的 LDAP 过滤器（RFC 4515）：第 32 个字符处过滤器提前结束。",
            "`LdapUdPullConfig.UserObjectClassCustomFilter` bukan filter LDAP yang valid (RFC 4515): filter berakhir terlalu cepat pada karakter ke-32.",
        ]
    );
    let pull = with(
        clean_pull(),
        "/LdapUdPullConfig/GroupObjectClassCustomFilter",
        json!("(cn=a(b))"),
    );
    let report = report::<UdPullConfiguration>(&pull, &ValidateOptions::default());
    assert_eq!(
        report.issues[0].message,
        "`LdapUdPullConfig.GroupObjectClassCustomFilter` is not a valid LDAP filter (RFC 4515): this character must be written as a \\XX escape in a value at character 6."
    );
    // An empty filter means no extra filter.
    let pull = with(
        clean_pull(),
        "/LdapUdPullConfig/UserObjectClassCustomFilter",
        json!(""),
    );
    assert_eq!(pull_issues(&pull), []);
}
