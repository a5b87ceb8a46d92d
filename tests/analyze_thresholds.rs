//! `check_deletion_thresholds`: passing and failing cases, worked out by hand.

use eiam_sync::analyze::{check_deletion_thresholds, ThresholdStatus};
use eiam_sync::model::{SynchronizationJob, UdPullConfiguration};
use eiam_sync::parse::{self, ParseOptions};
use serde_json::{json, Value};

fn read<T: serde::de::DeserializeOwned>(value: &Value) -> T {
    parse::parse(value.to_string().as_bytes(), ParseOptions::default()).unwrap()
}

fn seed(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/seeds/{name}.example.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Seed 004: users 30, organizational units 10, groups 10.
fn seed_config() -> UdPullConfiguration {
    read(&seed("004_e3c034491c40503c")["UdPullConfiguration"])
}

fn deleting(direction: Option<&str>, users: u64, ous: u64, groups: u64) -> SynchronizationJob {
    let mut job = json!({
        "SynchronizationJobId": "sync_1",
        "Result": {
            "UserStatistics": {"Deleted": {"Total": users}},
            "OrganizationalUnitStatistics": {"Deleted": {"Total": ous}},
            "GroupStatistics": {"Deleted": {"Total": groups}}
        }
    });
    if let Some(direction) = direction {
        job["Direction"] = json!(direction);
    }
    read(&job)
}

#[test]
fn seed_jobs_against_seed_thresholds() {
    let config = seed_config();
    // Seed 000: users 10 of 30 (ok), OUs 30 of 10, groups 30 of 10 (exceeded).
    let job: SynchronizationJob = read(&seed("000_a37390e649ee0c38")["SynchronizationJob"]);
    let report = check_deletion_thresholds(&job, &config);
    assert_eq!(report.users.threshold, Some(30));
    assert_eq!(report.users.deleted, 10);
    assert_eq!(report.users.ratio, Some(10.0 / 30.0));
    assert_eq!(report.users.status, ThresholdStatus::Ok);
    assert_eq!(report.organizational_units.deleted, 30);
    assert_eq!(report.organizational_units.ratio, Some(3.0));
    assert_eq!(
        report.organizational_units.status,
        ThresholdStatus::Exceeded
    );
    assert_eq!(report.groups.status, ThresholdStatus::Exceeded);
    assert_eq!(report.status, ThresholdStatus::Exceeded);

    // Seed 002: 3 of each: 3/30, 3/10, 3/10, all ok.
    let job: SynchronizationJob = read(&seed("002_d4e6738e55fed7fe")["SynchronizationJobs"][0]);
    let report = check_deletion_thresholds(&job, &config);
    assert_eq!(report.users.ratio, Some(0.1));
    assert_eq!(report.groups.ratio, Some(0.3));
    assert_eq!(report.status, ThresholdStatus::Ok);
}

#[test]
fn near_starts_at_eighty_percent_exceeded_above_the_threshold() {
    let config = seed_config();
    let status = |users: u64| {
        check_deletion_thresholds(&deleting(Some("ingress"), users, 0, 0), &config)
            .users
            .status
    };
    // 80% of 30 is 24.
    assert_eq!(status(0), ThresholdStatus::Ok);
    assert_eq!(status(23), ThresholdStatus::Ok);
    assert_eq!(status(24), ThresholdStatus::Near);
    assert_eq!(status(30), ThresholdStatus::Near);
    assert_eq!(status(31), ThresholdStatus::Exceeded);
    // OUs and groups (10): 8 is near, 7 ok, 11 exceeded.
    let report = check_deletion_thresholds(&deleting(None, 0, 8, 7), &config);
    assert_eq!(report.organizational_units.status, ThresholdStatus::Near);
    assert_eq!(report.groups.status, ThresholdStatus::Ok);
    assert_eq!(report.status, ThresholdStatus::Near);
}

#[test]
fn missing_zero_or_negative_threshold_is_not_configured() {
    let config: UdPullConfiguration = read(&json!({
        "PullProtectedRule": {"UserDeletedThreshold": 0, "GroupDeletedThreshold": -5}
    }));
    let report = check_deletion_thresholds(&deleting(Some("ingress"), 100, 100, 100), &config);
    assert_eq!(report.users.threshold, Some(0));
    assert_eq!(report.users.ratio, None);
    assert_eq!(report.users.status, ThresholdStatus::NotConfigured);
    assert_eq!(report.organizational_units.threshold, None);
    assert_eq!(
        report.organizational_units.status,
        ThresholdStatus::NotConfigured
    );
    assert_eq!(report.groups.threshold, Some(-5));
    assert_eq!(report.groups.status, ThresholdStatus::NotConfigured);
    assert_eq!(report.status, ThresholdStatus::NotConfigured);

    let no_rule = UdPullConfiguration::default();
    let report = check_deletion_thresholds(&deleting(None, 1, 1, 1), &no_rule);
    assert_eq!(report.status, ThresholdStatus::NotConfigured);
    let json = serde_json::to_value(&report).unwrap();
    assert!(json["users"].get("threshold").is_none());
    assert_eq!(json["users"]["ratio"], Value::Null);
    assert_eq!(json["users"]["status"], "not_configured");
}

#[test]
fn egress_jobs_are_not_applicable() {
    let report =
        check_deletion_thresholds(&deleting(Some("egress"), 100, 100, 100), &seed_config());
    for entity in [&report.users, &report.organizational_units, &report.groups] {
        assert_eq!(entity.status, ThresholdStatus::NotApplicable);
        assert_eq!(entity.deleted, 100);
    }
    assert_eq!(report.status, ThresholdStatus::NotApplicable);
    assert_eq!(
        serde_json::to_value(&report).unwrap()["status"],
        "not_applicable"
    );
}

#[test]
fn absent_deletions_count_as_zero() {
    let job: SynchronizationJob =
        read(&json!({"SynchronizationJobId": "sync_1", "Status": "pending"}));
    let report = check_deletion_thresholds(&job, &seed_config());
    assert_eq!(report.users.deleted, 0);
    assert_eq!(report.users.ratio, Some(0.0));
    assert_eq!(report.status, ThresholdStatus::Ok);
}
