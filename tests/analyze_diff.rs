//! `diff_configurations`: changes worked out by hand from the inputs.

use eiam_sync::analyze::{diff_configurations, ChangeKind, Configuration, SyncConfiguration};
use eiam_sync::model::{UdPullConfiguration, UdPushConfiguration};
use eiam_sync::parse::{self, ParseOptions};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

fn read<T: DeserializeOwned>(value: &Value) -> T {
    parse::parse(value.to_string().as_bytes(), ParseOptions::default()).unwrap()
}

fn seed(name: &str, root: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/seeds/{name}.example.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let value: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    value[root].clone()
}

/// A change as the JS side receives it: its serialised form.
fn change(path: &str, kind: ChangeKind, before: Option<Value>, after: Option<Value>) -> Value {
    let mut change = json!({"path": path, "kind": kind});
    if let Some(before) = before {
        change["before"] = before;
    }
    if let Some(after) = after {
        change["after"] = after;
    }
    change
}

/// The changes from `before` to `after`, serialised.
fn changes<T: Configuration>(before: &T, after: &T) -> Vec<Value> {
    diff_configurations(before, after)
        .iter()
        .map(|change| serde_json::to_value(change).unwrap())
        .collect()
}

#[test]
fn identical_configurations_have_no_changes() {
    let pull = seed("004_e3c034491c40503c", "UdPullConfiguration");
    let a: UdPullConfiguration = read(&pull);
    assert!(diff_configurations(&a, &a.clone()).is_empty());
    let push: UdPushConfiguration = read(&seed("003_d72d94bc1cfa3e23", "UdPushConfiguration"));
    assert!(diff_configurations(&push, &push.clone()).is_empty());
}

#[test]
fn pull_configuration_changes() {
    let before = seed("004_e3c034491c40503c", "UdPullConfiguration");
    let mut after = before.clone();
    after["PullProtectedRule"]["UserDeletedThreshold"] = json!(50);
    after["UdSyncScopeConfig"]["SourceScopes"] = json!(["961", "962"]);
    after.as_object_mut().unwrap().remove("LdapUdPullConfig");
    after["GroupSyncStatus"] = json!("disabled");
    // Same hours in another wire shape: no change.
    after["PeriodicSyncConfig"]["PeriodicSyncTimes"] = json!(["0"]);
    let changes = changes(
        &read::<UdPullConfiguration>(&before),
        &read::<UdPullConfiguration>(&after),
    );
    assert_eq!(
        changes,
        vec![
            change(
                "GroupSyncStatus",
                ChangeKind::Changed,
                Some(json!("enabled")),
                Some(json!("disabled"))
            ),
            change(
                "LdapUdPullConfig",
                ChangeKind::Removed,
                Some(before["LdapUdPullConfig"].clone()),
                None
            ),
            change(
                "PullProtectedRule.UserDeletedThreshold",
                ChangeKind::Changed,
                Some(json!(30)),
                Some(json!(50))
            ),
            change(
                "UdSyncScopeConfig.SourceScopes",
                ChangeKind::Removed,
                Some(json!("960")),
                None
            ),
            change(
                "UdSyncScopeConfig.SourceScopes",
                ChangeKind::Added,
                None,
                Some(json!("961"))
            ),
            change(
                "UdSyncScopeConfig.SourceScopes",
                ChangeKind::Added,
                None,
                Some(json!("962"))
            ),
        ]
    );
}

#[test]
fn source_scopes_are_a_set() {
    let a: UdPullConfiguration = read(&json!({"UdSyncScopeConfig": {"SourceScopes": ["a", "b"]}}));
    let b: UdPullConfiguration =
        read(&json!({"UdSyncScopeConfig": {"SourceScopes": ["b", "a", "a"]}}));
    assert!(diff_configurations(&a, &b).is_empty());
    // Absent on one side: the whole list is added.
    let none: UdPullConfiguration = read(&json!({"UdSyncScopeConfig": {}}));
    assert_eq!(
        changes(&none, &a),
        vec![change(
            "UdSyncScopeConfig.SourceScopes",
            ChangeKind::Added,
            None,
            Some(json!(["a", "b"]))
        )]
    );
}

#[test]
fn push_scopes_compare_by_index() {
    let before = seed("003_d72d94bc1cfa3e23", "UdPushConfiguration");
    let mut after = before.clone();
    after["UdSyncScopeConfigs"][0]["TargetScope"] = json!("604352339");
    after["UdSyncScopeConfigs"]
        .as_array_mut()
        .unwrap()
        .push(json!({"SourceScopes": ["ou_2"], "TargetScope": "1"}));
    after["PeriodicSyncConfig"]["PeriodicSyncTimes"] = json!("3,5");
    let changes = changes(
        &read::<UdPushConfiguration>(&before),
        &read::<UdPushConfiguration>(&after),
    );
    assert_eq!(
        changes,
        vec![
            change(
                "PeriodicSyncConfig.PeriodicSyncTimes",
                ChangeKind::Changed,
                Some(json!([3])),
                Some(json!([3, 5]))
            ),
            change(
                "UdSyncScopeConfigs[0].TargetScope",
                ChangeKind::Changed,
                Some(json!("604352338")),
                Some(json!("604352339"))
            ),
            change(
                "UdSyncScopeConfigs[1]",
                ChangeKind::Added,
                None,
                Some(json!({"SourceScopes": ["ou_2"], "TargetScope": "1"}))
            ),
        ]
    );
}

#[test]
fn null_is_absent_and_output_omits_missing_sides() {
    let a: SyncConfiguration = read(&json!({"GroupSyncStatus": null, "InstanceId": "idaas_1"}));
    let b: SyncConfiguration = read(&json!({"PeriodicSyncStatus": "enabled"}));
    let changes = diff_configurations(&a, &b);
    assert_eq!(
        changes
            .iter()
            .map(|c| serde_json::to_value(c).unwrap())
            .collect::<Vec<_>>(),
        vec![
            change(
                "InstanceId",
                ChangeKind::Removed,
                Some(json!("idaas_1")),
                None
            ),
            change(
                "PeriodicSyncStatus",
                ChangeKind::Added,
                None,
                Some(json!("enabled"))
            ),
        ]
    );
    let json = serde_json::to_value(&changes).unwrap();
    assert_eq!(
        json[0],
        json!({"path": "InstanceId", "kind": "removed", "before": "idaas_1"})
    );
    assert_eq!(
        json[1],
        json!({"path": "PeriodicSyncStatus", "kind": "added", "after": "enabled"})
    );
}

#[test]
fn push_and_pull_read_as_one_shape() {
    let push: SyncConfiguration = read(&seed("003_d72d94bc1cfa3e23", "UdPushConfiguration"));
    let pull: SyncConfiguration = read(&seed("004_e3c034491c40503c", "UdPullConfiguration"));
    let changes = diff_configurations(&push, &pull);
    let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
    assert!(paths.contains(&"LdapUdPushConfig"));
    assert!(paths.contains(&"UdSyncScopeConfigs"));
    assert!(paths.contains(&"PullProtectedRule"));
    assert!(paths.contains(&"InstanceId"));
}

#[test]
fn nested_fields_come_in_key_order_and_push_ldap_fields_are_compared() {
    let before = seed("004_e3c034491c40503c", "UdPullConfiguration");
    let mut after = before.clone();
    after["LdapUdPullConfig"]["UserObjectClass"] = json!("person,top");
    after["LdapUdPullConfig"]["GroupMemberAttributeName"] = json!("member");
    after["PeriodicSyncConfig"]["PeriodicSyncType"] = json!("time");
    after["PullProtectedRule"]
        .as_object_mut()
        .unwrap()
        .remove("GroupDeletedThreshold");
    // Keys in byte order: GroupMember... < UserObjectClass; LdapUdPullConfig <
    // PeriodicSyncConfig < PullProtectedRule.
    assert_eq!(
        changes(
            &read::<UdPullConfiguration>(&before),
            &read::<UdPullConfiguration>(&after)
        ),
        vec![
            change(
                "LdapUdPullConfig.GroupMemberAttributeName",
                ChangeKind::Changed,
                Some(json!("group")),
                Some(json!("member"))
            ),
            change(
                "LdapUdPullConfig.UserObjectClass",
                ChangeKind::Changed,
                Some(json!("ou,top")),
                Some(json!("person,top"))
            ),
            change(
                "PeriodicSyncConfig.PeriodicSyncType",
                ChangeKind::Changed,
                Some(json!("cron")),
                Some(json!("time"))
            ),
            change(
                "PullProtectedRule.GroupDeletedThreshold",
                ChangeKind::Removed,
                Some(json!(10)),
                None
            ),
        ]
    );

    let push = json!({"LdapUdPushConfig": {"UserRdn": "cn", "PasswordSyncStatus": "enabled"}});
    let mut changed = push.clone();
    changed["LdapUdPushConfig"]["UserRdn"] = json!("uid");
    changed["LdapUdPushConfig"]["OrganizationalUnitRdn"] = json!("ou");
    assert_eq!(
        changes(
            &read::<UdPushConfiguration>(&push),
            &read::<UdPushConfiguration>(&changed)
        ),
        vec![
            change(
                "LdapUdPushConfig.OrganizationalUnitRdn",
                ChangeKind::Added,
                None,
                Some(json!("ou"))
            ),
            change(
                "LdapUdPushConfig.UserRdn",
                ChangeKind::Changed,
                Some(json!("cn")),
                Some(json!("uid"))
            ),
        ]
    );
}
