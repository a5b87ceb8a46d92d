//! Push and pull configuration rules on owners, switches and schedules: for
//! each, a passing and a failing case, with the expected issues written by
//! hand from the input.

use super::common::{issue, issues, report, with};
use eiam_sync::model::{UdPullConfiguration, UdPushConfiguration};
use eiam_sync::validate::ValidateOptions;
use serde_json::{json, Value};

pub fn push_issues(value: &Value) -> Vec<(String, String, String)> {
    issues::<UdPushConfiguration>(value)
}

pub fn pull_issues(value: &Value) -> Vec<(String, String, String)> {
    issues::<UdPullConfiguration>(value)
}

pub fn clean_push() -> Value {
    json!({
        "InstanceId": "idaas_1",
        "IdentityProviderId": "idp_1",
        "IncrementalCallbackStatus": "enabled",
        "UdSyncScopeConfigs": [{ "SourceScopes": ["ou_1"], "TargetScope": "604352338" }],
        "LdapUdPushConfig": {
            "UserObjectClass": "user,top",
            "OrganizationUnitObjectClass": "ou,top",
            "UserRdn": "cn",
            "OrganizationalUnitRdn": "ou",
            "PasswordSyncStatus": "enabled"
        },
        "PeriodicSyncConfig": { "PeriodicSyncType": "cron", "PeriodicSyncCron": "0 45 1 * * ?" },
        "PeriodicSyncStatus": "enabled"
    })
}

pub fn clean_pull() -> Value {
    json!({
        "InstanceId": "idaas_1",
        "IdentityProviderId": "idp_1",
        "IncrementalCallbackStatus": "enabled",
        "PeriodicSyncStatus": "enabled",
        "GroupSyncStatus": "enabled",
        "UdSyncScopeConfig": { "SourceScopes": ["960"], "TargetScope": "ou_1" },
        "PullProtectedRule": {
            "UserDeletedThreshold": 30,
            "OrganizationalUnitDeletedThreshold": 0,
            "GroupDeletedThreshold": 10
        },
        "LdapUdPullConfig": {
            "UserObjectClass": "inetOrgPerson, top",
            "OrganizationUnitObjectClass": "organizationalUnit",
            "UserObjectClassCustomFilter": "(&(objectClass=user)(!(cn=admin*)))",
            "GroupObjectClass": "groupOfNames",
            "GroupMemberAttributeName": "member",
            "GroupObjectClassCustomFilter": "(cn:dn:2.4.6.8.10:=x)"
        },
        "PeriodicSyncConfig": { "PeriodicSyncType": "time", "PeriodicSyncTimes": [3, 15] }
    })
}

#[test]
fn clean_configurations_have_no_issues() {
    assert_eq!(push_issues(&clean_push()), []);
    assert_eq!(pull_issues(&clean_pull()), []);
    assert_eq!(push_issues(&json!({})), []);
    assert_eq!(pull_issues(&json!({})), []);
}

#[test]
fn owner_ids() {
    let push = with(clean_push(), "/InstanceId", json!("inst_1"));
    assert_eq!(
        push_issues(&push),
        [issue("InstanceId", "id_prefix", "warning")]
    );
    let push = with(clean_push(), "/InstanceId", json!(""));
    assert_eq!(
        push_issues(&push),
        [issue("InstanceId", "empty_id", "error")]
    );
    let pull = with(clean_pull(), "/IdentityProviderId", json!("idp_1\n"));
    assert_eq!(
        pull_issues(&pull),
        [issue("IdentityProviderId", "id_whitespace", "warning")]
    );
    let pull = with(clean_pull(), "/IdentityProviderId", json!("app_1"));
    assert_eq!(
        pull_issues(&pull),
        [issue("IdentityProviderId", "id_prefix", "warning")]
    );
}

#[test]
fn switches_are_enabled_or_disabled() {
    let push = with(clean_push(), "/IncrementalCallbackStatus", json!("on"));
    assert_eq!(
        push_issues(&push),
        [issue(
            "IncrementalCallbackStatus",
            "unknown_enum_value",
            "warning"
        )]
    );
    let push = with(
        clean_push(),
        "/LdapUdPushConfig/PasswordSyncStatus",
        json!("yes"),
    );
    assert_eq!(
        push_issues(&push),
        [issue(
            "LdapUdPushConfig.PasswordSyncStatus",
            "unknown_enum_value",
            "warning"
        )]
    );
    let pull = with(clean_pull(), "/GroupSyncStatus", json!("Enabled"));
    assert_eq!(
        pull_issues(&pull),
        [issue("GroupSyncStatus", "unknown_enum_value", "warning")]
    );
    let strict = ValidateOptions {
        strict: true,
        ..ValidateOptions::default()
    };
    let report = report::<UdPullConfiguration>(&pull, &strict);
    assert!(!report.valid);
    assert_eq!(report.issues[0].severity.as_str(), "error");
    assert_eq!(
        report.issues[0].message,
        "`GroupSyncStatus` is \"Enabled\", which is not one of the known values (enabled, disabled)."
    );
}

#[test]
fn enabled_periodic_sync_needs_a_schedule() {
    let push = with(clean_push(), "/PeriodicSyncConfig", Value::Null);
    assert_eq!(
        push_issues(&push),
        [issue(
            "PeriodicSyncStatus",
            "periodic_sync_without_schedule",
            "warning"
        )]
    );
    let off = with(push, "/PeriodicSyncStatus", json!("disabled"));
    assert_eq!(push_issues(&off), []);
    // Hours alone, without a type, are a schedule.
    let hours_only = with(
        clean_pull(),
        "/PeriodicSyncConfig",
        json!({ "PeriodicSyncTimes": "3,5" }),
    );
    assert_eq!(pull_issues(&hours_only), []);
    let nothing = with(
        clean_pull(),
        "/PeriodicSyncConfig",
        json!({ "PeriodicSyncCron": " " }),
    );
    assert_eq!(
        pull_issues(&nothing),
        [issue(
            "PeriodicSyncStatus",
            "periodic_sync_without_schedule",
            "warning"
        )]
    );
}

#[test]
fn the_chosen_schedule_field_must_be_present() {
    let cron = with(
        clean_push(),
        "/PeriodicSyncConfig/PeriodicSyncCron",
        Value::Null,
    );
    let cron = with(cron, "/PeriodicSyncConfig/PeriodicSyncTimes", json!([3]));
    assert_eq!(
        push_issues(&cron),
        [issue(
            "PeriodicSyncConfig.PeriodicSyncCron",
            "schedule_missing_cron",
            "error"
        )]
    );
    let time = with(
        clean_pull(),
        "/PeriodicSyncConfig/PeriodicSyncTimes",
        json!([]),
    );
    let time = with(
        time,
        "/PeriodicSyncConfig/PeriodicSyncCron",
        json!("0 45 1 * * ?"),
    );
    assert_eq!(
        pull_issues(&time),
        [issue(
            "PeriodicSyncConfig.PeriodicSyncTimes",
            "schedule_missing_hours",
            "error"
        )]
    );
}

#[test]
fn the_other_schedule_field_is_ignored() {
    // The documentation's cron example also carries hour 0; bad hours are ignored too.
    let push = with(
        clean_push(),
        "/PeriodicSyncConfig/PeriodicSyncTimes",
        json!([25, 25]),
    );
    assert_eq!(push_issues(&push), []);
    let pull = with(
        clean_pull(),
        "/PeriodicSyncConfig/PeriodicSyncCron",
        json!("not cron"),
    );
    assert_eq!(pull_issues(&pull), []);
}

#[test]
fn cron_expressions_are_quartz() {
    for good in [
        "0 45 1 * * ?",
        "0 0/30 8-18 ? * MON-FRI",
        "0 0 12 L * ? 2030",
        "0 15 10 ? * 6#3",
    ] {
        let push = with(
            clean_push(),
            "/PeriodicSyncConfig/PeriodicSyncCron",
            json!(good),
        );
        assert_eq!(push_issues(&push), [], "{good}");
    }
    for bad in ["0 45 1 * *", "0 45 25 * * ?", "every day", "0 45 1 * * * *"] {
        let push = with(
            clean_push(),
            "/PeriodicSyncConfig/PeriodicSyncCron",
            json!(bad),
        );
        assert_eq!(
            push_issues(&push),
            [issue(
                "PeriodicSyncConfig.PeriodicSyncCron",
                "invalid_cron",
                "error"
            )],
            "{bad}"
        );
    }
    // Without a type, a cron expression that is present is still checked.
    let untyped = with(
        clean_push(),
        "/PeriodicSyncConfig",
        json!({ "PeriodicSyncCron": "0 45 1 * *" }),
    );
    let report = report::<UdPushConfiguration>(&untyped, &ValidateOptions::default());
    assert_eq!(report.issues.len(), 1);
    assert!(report.issues[0]
        .message
        .starts_with("`PeriodicSyncConfig.PeriodicSyncCron` is \"0 45 1 * *\", which is not a valid Quartz cron expression: "));
}

#[test]
fn hours_are_within_a_day_and_unique() {
    let pull = with(
        clean_pull(),
        "/PeriodicSyncConfig/PeriodicSyncTimes",
        json!([3, 24, "3", 23, 0]),
    );
    assert_eq!(
        pull_issues(&pull),
        [
            issue(
                "PeriodicSyncConfig.PeriodicSyncTimes[1]",
                "periodic_sync_hour_range",
                "error"
            ),
            issue(
                "PeriodicSyncConfig.PeriodicSyncTimes[2]",
                "periodic_sync_hour_duplicate",
                "warning"
            ),
        ]
    );
    let pull = with(
        clean_pull(),
        "/PeriodicSyncConfig/PeriodicSyncTimes",
        json!("0,23"),
    );
    assert_eq!(pull_issues(&pull), []);
}
