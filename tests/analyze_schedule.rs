//! `next_scheduled_runs`: run times worked out by hand.

use eiam_sync::analyze::{next_scheduled_runs, MAX_SCHEDULED_RUNS};
use eiam_sync::model::{PeriodicSyncConfig, UdPullConfiguration};
use eiam_sync::parse::{self, ParseOptions};
use serde_json::{json, Value};

/// 2026-01-01T00:00:00Z.
const T0: u64 = 1_767_225_600_000;
const MIN: u64 = 60_000;
const HOUR: u64 = 60 * MIN;
const DAY: u64 = 24 * HOUR;

fn config(value: Value) -> PeriodicSyncConfig {
    parse::parse(value.to_string().as_bytes(), ParseOptions::default()).unwrap()
}

#[test]
fn seed_cron_daily_at_01_45() {
    let path = format!(
        "{}/tests/fixtures/seeds/004_e3c034491c40503c.example.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let response: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let pull: UdPullConfiguration = parse::parse(
        response["UdPullConfiguration"].to_string().as_bytes(),
        ParseOptions::default(),
    )
    .unwrap();
    let periodic = pull.periodic_sync_config.unwrap();
    let first = T0 + HOUR + 45 * MIN;
    assert_eq!(
        next_scheduled_runs(&periodic, T0, 3, 0),
        vec![first, first + DAY, first + 2 * DAY]
    );
    // Strictly after: from the fire time itself, the next day.
    assert_eq!(
        next_scheduled_runs(&periodic, first, 1, 0),
        vec![first + DAY]
    );
    // UTC+8: 01:45 local is 17:45Z the day before; T0 is 08:00 local.
    assert_eq!(
        next_scheduled_runs(&periodic, T0, 2, 480),
        vec![T0 + 17 * HOUR + 45 * MIN, T0 + DAY + 17 * HOUR + 45 * MIN]
    );
}

#[test]
fn hour_slots() {
    let times = config(json!({"PeriodicSyncType": "time", "PeriodicSyncTimes": [5, 3, 3, 24]}));
    // Slots 3 and 5 (24 ignored, 3 once), from 04:00Z.
    assert_eq!(
        next_scheduled_runs(&times, T0 + 4 * HOUR, 3, 0),
        vec![T0 + 5 * HOUR, T0 + DAY + 3 * HOUR, T0 + DAY + 5 * HOUR]
    );
    // Exactly at a slot: strictly after.
    assert_eq!(
        next_scheduled_runs(&times, T0 + 5 * HOUR, 1, 0),
        vec![T0 + DAY + 3 * HOUR]
    );
    // UTC-1: 03:00 local is 04:00Z.
    assert_eq!(
        next_scheduled_runs(&times, T0, 2, -60),
        vec![T0 + 4 * HOUR, T0 + 6 * HOUR]
    );
    // The comma-string shape; the cron expression is ignored for type time.
    let comma = config(
        json!({"PeriodicSyncType": "time", "PeriodicSyncTimes": "3,5", "PeriodicSyncCron": "0 0 0 * * ?"}),
    );
    assert_eq!(next_scheduled_runs(&comma, T0, 1, 0), vec![T0 + 3 * HOUR]);
}

#[test]
fn choosing_the_rule_without_a_type() {
    // Hours without a cron expression.
    let hours = config(json!({"PeriodicSyncTimes": 0}));
    assert_eq!(
        next_scheduled_runs(&hours, T0, 2, 0),
        vec![T0 + DAY, T0 + 2 * DAY]
    );
    // A cron expression wins when there is one.
    let both = config(json!({"PeriodicSyncCron": "0 30 * * * ?", "PeriodicSyncTimes": [7]}));
    assert_eq!(
        next_scheduled_runs(&both, T0, 2, 0),
        vec![T0 + 30 * MIN, T0 + 90 * MIN]
    );
    // Unknown type: same rule.
    let other = config(json!({"PeriodicSyncType": "weekly", "PeriodicSyncCron": "0 30 * * * ?"}));
    assert_eq!(next_scheduled_runs(&other, T0, 1, 0), vec![T0 + 30 * MIN]);
}

#[test]
fn nothing_to_run() {
    for value in [
        json!({}),
        json!({"PeriodicSyncType": "cron", "PeriodicSyncCron": "0 45 1 * *"}),
        json!({"PeriodicSyncType": "cron", "PeriodicSyncCron": "0 0 0 ? * ?"}),
        json!({"PeriodicSyncType": "cron", "PeriodicSyncTimes": [3]}),
        json!({"PeriodicSyncType": "time", "PeriodicSyncCron": "0 45 1 * * ?"}),
        json!({"PeriodicSyncType": "time", "PeriodicSyncTimes": []}),
        json!({"PeriodicSyncType": "time", "PeriodicSyncTimes": [24, 99]}),
        json!({"PeriodicSyncCron": "not cron"}),
    ] {
        assert_eq!(
            next_scheduled_runs(&config(value.clone()), T0, 5, 0),
            Vec::<u64>::new(),
            "{value}"
        );
    }
    let daily = config(json!({"PeriodicSyncType": "cron", "PeriodicSyncCron": "0 45 1 * * ?"}));
    assert!(next_scheduled_runs(&daily, T0, 0, 0).is_empty());
}

#[test]
fn count_is_capped_and_2099_ends_everything() {
    let every_second = config(json!({"PeriodicSyncCron": "* * * * * ?"}));
    let runs = next_scheduled_runs(&every_second, T0, 5000, 0);
    assert_eq!(runs.len(), MAX_SCHEDULED_RUNS);
    assert_eq!(runs.first(), Some(&(T0 + 1000)));
    assert_eq!(runs.last(), Some(&(T0 + 1000 * 1000)));
    assert!(runs.windows(2).all(|w| w[0] < w[1]));

    // 2099-12-31T00:00:00Z: 47481 days after 1970-01-01 (130 x 365 + 32 leap days - 1).
    let last_day = 4_102_358_400_000;
    let daily = config(json!({"PeriodicSyncCron": "0 0 23 * * ?"}));
    assert_eq!(
        next_scheduled_runs(&daily, last_day, 5, 0),
        vec![last_day + 23 * HOUR]
    );
    let hours = config(json!({"PeriodicSyncTimes": [23]}));
    assert_eq!(
        next_scheduled_runs(&hours, last_day, 5, 0),
        vec![last_day + 23 * HOUR]
    );
    assert!(next_scheduled_runs(&hours, u64::MAX, 5, 0).is_empty());
    assert!(next_scheduled_runs(&daily, u64::MAX, 5, 0).is_empty());
}
