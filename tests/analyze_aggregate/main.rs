//! `summarize_jobs` and `JobAggregator` over a small hand-made history whose
//! figures are worked out by hand below.

use eiam_sync::analyze::{
    summarize_jobs, BucketSize, Counts, JobAggregator, KeyCount, Outcome, SummaryOptions,
    TimeBucket,
};
use eiam_sync::model::{ListSynchronizationJobsResponse, SynchronizationJob};
use eiam_sync::parse::{self, ParseErrorCode, ParseOptions};
use serde_json::{json, Value};

/// 2026-01-01T00:00:00Z.
const T0: u64 = 1_767_225_600_000;
const MIN: u64 = 60_000;
const HOUR: u64 = 60 * MIN;

fn job(value: Value) -> SynchronizationJob {
    parse::parse(value.to_string().as_bytes(), ParseOptions::default()).unwrap()
}

/// Seven jobs:
/// - J1 idp_A success, T0+1h, 60 s, users created {5,5,0,0}
/// - J2 idp_A failed, T0+2h, 120 s, users created {4,1,3,0}, Timeout
/// - J3 idp_A partial_success (manual), T0+25h, 30 s, groups updated {2,1,1,0}, Timeout
/// - J4 idp_A running, T0+26h, no end
/// - J5 app_B egress failed, T0+30m, 600 s, OUs deleted {1,0,1,0}, Forbidden
/// - J6 app_B egress success (manual), T0+23h30m, 90 s, users pushed {10,8,0,2}
/// - J7 nothing but an ID
fn history() -> Vec<SynchronizationJob> {
    let idp =
        |id: &str, trigger: &str, status: &str, start: u64, end: Option<u64>, result: Value| {
            let mut j = json!({
                "SynchronizationJobId": id, "TargetType": "identity_provider", "TargetId": "idp_A",
                "Direction": "ingress", "TriggerType": trigger, "Status": status,
                "StartTime": start, "Result": result
            });
            if let Some(end) = end {
                j["EndTime"] = json!(end);
            }
            job(j)
        };
    let app = |id: &str, trigger: &str, status: &str, start: u64, end: u64, result: Value| {
        job(json!({
            "SynchronizationJobId": id, "TargetType": "application", "TargetId": "app_B",
            "Direction": "egress", "TriggerType": trigger, "Status": status,
            "StartTime": start, "EndTime": end, "Result": result
        }))
    };
    vec![
        idp(
            "sync_a1",
            "auto",
            "success",
            T0 + HOUR,
            Some(T0 + HOUR + 60_000),
            json!({"UserStatistics": {"Created": {"Total": 5, "Success": 5}}}),
        ),
        idp(
            "sync_a2",
            "auto",
            "failed",
            T0 + 2 * HOUR,
            Some(T0 + 2 * HOUR + 120_000),
            json!({"UserStatistics": {"Created": {"Total": 4, "Success": 1, "Failed": 3}}, "ErrorCode": "Timeout"}),
        ),
        idp(
            "sync_a3",
            "manual",
            "partial_success",
            T0 + 25 * HOUR,
            Some(T0 + 25 * HOUR + 30_000),
            json!({"GroupStatistics": {"Updated": {"Total": 2, "Success": 1, "Failed": 1}}, "ErrorCode": "Timeout"}),
        ),
        idp(
            "sync_a4",
            "auto",
            "running",
            T0 + 26 * HOUR,
            None,
            json!({}),
        ),
        app(
            "sync_b1",
            "auto",
            "failed",
            T0 + 30 * MIN,
            T0 + 30 * MIN + 600_000,
            json!({"OrganizationalUnitStatistics": {"Deleted": {"Total": 1, "Failed": 1}}, "ErrorCode": "Forbidden"}),
        ),
        app(
            "sync_b2",
            "manual",
            "success",
            T0 + 23 * HOUR + 30 * MIN,
            T0 + 23 * HOUR + 30 * MIN + 90_000,
            json!({"UserStatistics": {"Pushed": {"Total": 10, "Success": 8, "Skipped": 2}}}),
        ),
        job(json!({"SynchronizationJobId": "sync_c1"})),
    ]
}

fn key_counts(entries: &[(Option<&str>, u64)]) -> Vec<KeyCount> {
    entries
        .iter()
        .map(|(key, count)| KeyCount {
            key: key.map(str::to_owned),
            count: *count,
        })
        .collect()
}

fn counts(total: u64, success: u64, failed: u64, skipped: u64) -> Counts {
    Counts {
        total,
        success,
        failed,
        skipped,
    }
}

fn bucket(start: i64, job_count: u64, success_count: u64) -> TimeBucket {
    TimeBucket {
        start,
        job_count,
        success_count,
        success_rate: Some(success_count as f64 / job_count as f64),
    }
}

mod figures;
mod inputs;
mod ranking;
