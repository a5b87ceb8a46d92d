//! `summarize_job`: expectations worked out by hand from the inputs.

use eiam_sync::analyze::{summarize_job, Counts, Outcome};
use eiam_sync::model::SynchronizationJob;
use eiam_sync::parse::{self, ParseOptions};
use serde_json::{json, Value};

fn seed(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/seeds/{name}.example.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    serde_json::from_slice(&bytes).unwrap()
}

fn job(value: Value) -> SynchronizationJob {
    parse::parse(value.to_string().as_bytes(), ParseOptions::default()).unwrap()
}

fn counts(total: u64, success: u64, failed: u64, skipped: u64) -> Counts {
    Counts {
        total,
        success,
        failed,
        skipped,
    }
}

#[test]
fn list_seed_job() {
    // Seed 002: every operation of every entity is {3,1,1,1}; users also have
    // Exported {5,2,2,1}; OUs, groups and members have no Exported.
    let job = job(seed("002_d4e6738e55fed7fe")["SynchronizationJobs"][0].clone());
    let s = summarize_job(&job);
    let three = counts(3, 1, 1, 1);
    assert_eq!(s.items.users.created, three);
    assert_eq!(s.items.users.exported, counts(5, 2, 2, 1));
    // 6 x {3,1,1,1} + {5,2,2,1}
    assert_eq!(s.items.users.total, counts(23, 8, 8, 7));
    assert_eq!(s.items.organizational_units.exported, Counts::default());
    assert_eq!(s.items.organizational_units.total, counts(18, 6, 6, 6));
    assert_eq!(s.items.groups.total, counts(18, 6, 6, 6));
    assert_eq!(s.items.group_members.total, counts(18, 6, 6, 6));
    // 4 entities x {3,1,1,1}
    assert_eq!(s.items.by_operation.deleted, counts(12, 4, 4, 4));
    assert_eq!(s.items.by_operation.exported, counts(5, 2, 2, 1));
    assert_eq!(s.items.all, counts(77, 26, 26, 25));
    assert_eq!(s.items.by_operation.total, s.items.all);
    // Denominator max(77, 26 + 26 + 25 = 77) = 77.
    assert_eq!(s.items.success_rate, Some(26.0 / 77.0));
    assert_eq!(s.items.failure_rate, Some(26.0 / 77.0));
    // Status success with failed items.
    assert_eq!(s.outcome, Outcome::PartiallyFailed);
    assert_eq!(s.duration_ms, Some(0));
    assert_eq!(s.error_code.as_deref(), Some("MissingParameter.Username"));
    assert_eq!(
        s.error_message.as_deref(),
        Some("The specified parameter Username is required!")
    );
    assert_eq!(
        s.synchronization_job_id,
        "sync_0000347vjovtcf41li0fgsd98gn24q9njxxxxx\n"
    );
}

#[test]
fn get_seed_job_parts_exceed_totals() {
    // Seed 000: users 6 x {10,10,10,10}; OUs, groups, members 6 x {30,10,10,10}.
    let job = job(seed("000_a37390e649ee0c38")["SynchronizationJob"].clone());
    let s = summarize_job(&job);
    assert_eq!(s.items.users.total, counts(60, 60, 60, 60));
    assert_eq!(s.items.group_members.total, counts(180, 60, 60, 60));
    assert_eq!(s.items.all, counts(600, 240, 240, 240));
    // Denominator max(600, 720) = 720: both rates 240 / 720 = 1/3.
    assert_eq!(s.items.success_rate, Some(240.0 / 720.0));
    assert_eq!(s.items.failure_rate, Some(240.0 / 720.0));
    assert_eq!(s.outcome, Outcome::InProgress);
}

#[test]
fn zero_denominator_gives_none_not_nan() {
    let s = summarize_job(&job(json!({"SynchronizationJobId": "sync_1"})));
    assert_eq!(s.items.all, Counts::default());
    assert_eq!(s.items.success_rate, None);
    assert_eq!(s.items.failure_rate, None);
    assert_eq!(s.outcome, Outcome::Unknown);
    assert_eq!(s.duration_ms, None);
    let text = serde_json::to_value(&s).unwrap();
    assert_eq!(text["items"]["successRate"], Value::Null);
    assert!(text.get("durationMs").is_none());
    assert!(text.get("status").is_none());

    // Present but all zero.
    let s = summarize_job(&job(json!({
        "SynchronizationJobId": "sync_1",
        "Result": {"UserStatistics": {"Created": {"Total": 0, "Success": 0}}}
    })));
    assert_eq!(s.items.success_rate, None);
}

#[test]
fn rate_denominator_is_total_when_larger() {
    let s = summarize_job(&job(json!({
        "SynchronizationJobId": "sync_1",
        "Status": "success",
        "Result": {"GroupStatistics": {"Same": {"Total": 8, "Success": 2, "Skipped": 2}}}
    })));
    // max(8, 4) = 8
    assert_eq!(s.items.success_rate, Some(0.25));
    assert_eq!(s.items.failure_rate, Some(0.0));
    assert_eq!(s.outcome, Outcome::SucceededWithSkips);
}

#[test]
fn outcome_classes() {
    let with = |status: Option<&str>, failed: u64, skipped: u64| {
        let mut value = json!({
            "SynchronizationJobId": "sync_1",
            "Result": {"UserStatistics": {"Updated": {"Total": 5, "Success": 1, "Failed": failed, "Skipped": skipped}}}
        });
        if let Some(status) = status {
            value["Status"] = json!(status);
        }
        summarize_job(&job(value)).outcome
    };
    assert_eq!(with(Some("success"), 0, 0), Outcome::Succeeded);
    assert_eq!(with(Some("success"), 0, 1), Outcome::SucceededWithSkips);
    assert_eq!(with(Some("success"), 1, 0), Outcome::PartiallyFailed);
    assert_eq!(with(Some("success"), 1, 1), Outcome::PartiallyFailed);
    assert_eq!(
        with(Some("partial_success"), 0, 0),
        Outcome::PartiallyFailed
    );
    assert_eq!(with(Some("failed"), 0, 0), Outcome::Failed);
    assert_eq!(with(Some("pending"), 1, 0), Outcome::InProgress);
    assert_eq!(with(Some("running"), 0, 0), Outcome::InProgress);
    assert_eq!(with(Some("suspending"), 0, 0), Outcome::InProgress);
    assert_eq!(with(Some("archived"), 0, 0), Outcome::Unknown);
    assert_eq!(with(None, 0, 0), Outcome::Unknown);
}

#[test]
fn duration_needs_both_times_in_order() {
    let with = |start: Option<u64>, end: Option<u64>| {
        let mut value = json!({"SynchronizationJobId": "sync_1"});
        if let Some(start) = start {
            value["StartTime"] = json!(start);
        }
        if let Some(end) = end {
            value["EndTime"] = json!(end);
        }
        summarize_job(&job(value)).duration_ms
    };
    assert_eq!(with(Some(1_000), Some(61_000)), Some(60_000));
    assert_eq!(with(Some(61_000), Some(1_000)), None);
    assert_eq!(with(Some(1_000), None), None);
    assert_eq!(with(None, Some(1_000)), None);
}

#[test]
fn output_is_camel_case_with_wire_values() {
    let s = summarize_job(&job(json!({
        "SynchronizationJobId": "sync_1",
        "TargetType": "application",
        "TargetId": "app_1",
        "Direction": "egress",
        "TriggerType": "manual",
        "Status": "success",
        "StartTime": 10,
        "EndTime": 20,
    })));
    let v = serde_json::to_value(&s).unwrap();
    assert_eq!(v["synchronizationJobId"], "sync_1");
    assert_eq!(v["targetType"], "application");
    assert_eq!(v["direction"], "egress");
    assert_eq!(v["triggerType"], "manual");
    assert_eq!(v["status"], "success");
    assert_eq!(v["durationMs"], 10);
    assert_eq!(v["outcome"], "succeeded");
    assert_eq!(v["items"]["organizationalUnits"]["created"]["total"], 0);
    assert_eq!(v["items"]["groupMembers"]["total"]["failed"], 0);
    assert_eq!(v["items"]["byOperation"]["exported"]["skipped"], 0);
}

#[test]
fn sums_saturate_at_the_safe_integer_limit() {
    let max = (1u64 << 53) - 1;
    let s = summarize_job(&job(json!({
        "SynchronizationJobId": "sync_1",
        "Result": {
            "UserStatistics": {"Created": {"Total": max, "Success": max}},
            "GroupStatistics": {"Created": {"Total": max, "Success": max}}
        }
    })));
    assert_eq!(s.items.all.total, max);
    assert_eq!(s.items.success_rate, Some(1.0));
}
