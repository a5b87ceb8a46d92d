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

#[test]
fn counts_by_field_and_outcome() {
    let s = summarize_jobs(&history(), &SummaryOptions::default());
    assert_eq!(s.job_count, 7);
    assert_eq!(
        s.by_status,
        key_counts(&[
            (None, 1),
            (Some("failed"), 2),
            (Some("partial_success"), 1),
            (Some("running"), 1),
            (Some("success"), 2)
        ])
    );
    assert_eq!(
        s.by_direction,
        key_counts(&[(None, 1), (Some("egress"), 2), (Some("ingress"), 4)])
    );
    assert_eq!(
        s.by_trigger_type,
        key_counts(&[(None, 1), (Some("auto"), 4), (Some("manual"), 2)])
    );
    assert_eq!(
        s.by_target_type,
        key_counts(&[
            (None, 1),
            (Some("application"), 2),
            (Some("identity_provider"), 4)
        ])
    );
    let outcomes: Vec<(Outcome, u64)> = s.by_outcome.iter().map(|o| (o.outcome, o.count)).collect();
    assert_eq!(
        outcomes,
        vec![
            (Outcome::Succeeded, 1),
            (Outcome::SucceededWithSkips, 1),
            (Outcome::PartiallyFailed, 1),
            (Outcome::Failed, 2),
            (Outcome::InProgress, 1),
            (Outcome::Unknown, 1),
        ]
    );
}

#[test]
fn item_totals_across_jobs() {
    let s = summarize_jobs(&history(), &SummaryOptions::default());
    assert_eq!(s.items.users.created, counts(9, 6, 3, 0));
    assert_eq!(s.items.users.pushed, counts(10, 8, 0, 2));
    assert_eq!(s.items.users.total, counts(19, 14, 3, 2));
    assert_eq!(s.items.groups.updated, counts(2, 1, 1, 0));
    assert_eq!(s.items.organizational_units.deleted, counts(1, 0, 1, 0));
    assert_eq!(s.items.by_operation.created, counts(9, 6, 3, 0));
    assert_eq!(s.items.all, counts(22, 15, 5, 2));
    assert_eq!(s.items.success_rate, Some(15.0 / 22.0));
    assert_eq!(s.items.failure_rate, Some(5.0 / 22.0));
}

#[test]
fn target_rollups() {
    let s = summarize_jobs(&history(), &SummaryOptions::default());
    assert_eq!(s.targets.len(), 3);
    let none = &s.targets[0];
    assert_eq!(
        (none.target_type.as_deref(), none.target_id.as_deref()),
        (None, None)
    );
    assert_eq!(
        (none.job_count, none.failed_job_count, none.failure_streak),
        (1, 0, 0)
    );
    assert_eq!(
        none.last_run.as_ref().unwrap().synchronization_job_id,
        "sync_c1"
    );
    assert!(none.last_success.is_none());

    let app = &s.targets[1];
    assert_eq!(app.target_id.as_deref(), Some("app_B"));
    assert_eq!(
        (app.job_count, app.failed_job_count, app.failure_streak),
        (2, 1, 0)
    );
    assert_eq!(
        app.last_run.as_ref().unwrap().synchronization_job_id,
        "sync_b2"
    );
    assert_eq!(
        app.last_success.as_ref().unwrap().synchronization_job_id,
        "sync_b2"
    );

    let idp = &s.targets[2];
    assert_eq!(idp.target_type.as_deref(), Some("identity_provider"));
    assert_eq!((idp.job_count, idp.failed_job_count), (4, 2));
    // After the success J1: J2 failed and J3 partial; J4 running is neutral.
    assert_eq!(idp.failure_streak, 2);
    let last = idp.last_run.as_ref().unwrap();
    assert_eq!(last.synchronization_job_id, "sync_a4");
    assert_eq!(last.start_time, Some(T0 + 26 * HOUR));
    assert_eq!(last.end_time, None);
    assert_eq!(last.status.as_deref(), Some("running"));
    let success = idp.last_success.as_ref().unwrap();
    assert_eq!(success.synchronization_job_id, "sync_a1");
    assert_eq!(success.end_time, Some(T0 + HOUR + 60_000));
}

#[test]
fn day_buckets_in_utc_and_in_an_offset() {
    let s = summarize_jobs(&history(), &SummaryOptions::default());
    assert_eq!(s.bucket, BucketSize::Day);
    let t0 = T0 as i64;
    let h = HOUR as i64;
    // Jan 1: J5, J1, J2, J6 (J1, J6 succeed); Jan 2: J3, J4.
    assert_eq!(
        s.time_buckets,
        vec![bucket(t0, 4, 2), bucket(t0 + 24 * h, 2, 0)]
    );
    assert_eq!(s.jobs_without_start_time, 1);

    // UTC+1: J6 (23:30Z) is 00:30 on Jan 2 local. Local days start at 23:00Z.
    let options = SummaryOptions {
        utc_offset_minutes: 60,
        ..SummaryOptions::default()
    };
    let s = summarize_jobs(&history(), &options);
    assert_eq!(
        s.time_buckets,
        vec![bucket(t0 - h, 3, 1), bucket(t0 + 23 * h, 3, 1)]
    );
    assert_eq!(s.utc_offset_minutes, 60);
}

#[test]
fn hour_buckets_in_a_half_hour_offset() {
    // UTC+5:30: local hours begin at xx:30Z.
    let options = SummaryOptions {
        bucket: BucketSize::Hour,
        utc_offset_minutes: 330,
        ..SummaryOptions::default()
    };
    let s = summarize_jobs(&history(), &options);
    let t0 = T0 as i64;
    let m = MIN as i64;
    assert_eq!(
        s.time_buckets,
        vec![
            bucket(t0 + 30 * m, 2, 1),               // J5 00:30Z, J1 01:00Z
            bucket(t0 + 90 * m, 1, 0),               // J2 02:00Z
            bucket(t0 + 23 * 60 * m + 30 * m, 1, 1), // J6 23:30Z
            bucket(t0 + 24 * 60 * m + 30 * m, 1, 0), // J3 Jan 2 01:00Z
            bucket(t0 + 25 * 60 * m + 30 * m, 1, 0), // J4 Jan 2 02:00Z
        ]
    );
    // UTC hours.
    let options = SummaryOptions {
        bucket: BucketSize::Hour,
        ..SummaryOptions::default()
    };
    let s = summarize_jobs(&history(), &options);
    let starts: Vec<i64> = s.time_buckets.iter().map(|b| b.start).collect();
    let h = HOUR as i64;
    assert_eq!(
        starts,
        vec![
            t0,
            t0 + h,
            t0 + 2 * h,
            t0 + 23 * h,
            t0 + 25 * h,
            t0 + 26 * h
        ]
    );
}

#[test]
fn durations_by_nearest_rank() {
    let s = summarize_jobs(&history(), &SummaryOptions::default());
    // 30 s, 60 s, 90 s, 120 s, 600 s: p50 rank 3, p95 rank 5.
    assert_eq!(s.durations.count, 5);
    assert_eq!(s.durations.p50_ms, Some(90_000));
    assert_eq!(s.durations.p95_ms, Some(600_000));
    assert_eq!(s.durations.max_ms, Some(600_000));

    let empty = summarize_jobs(&[], &SummaryOptions::default());
    assert_eq!(empty.durations.count, 0);
    assert_eq!(empty.durations.p50_ms, None);
    let json = serde_json::to_value(&empty).unwrap();
    assert!(json["durations"].get("p95Ms").is_none());
    assert_eq!(json["items"]["successRate"], Value::Null);
    assert_eq!(json["timeBuckets"], json!([]));
}

#[test]
fn top_failing_targets_and_error_codes() {
    let s = summarize_jobs(&history(), &SummaryOptions::default());
    let targets: Vec<(Option<&str>, u64)> = s
        .top_failing_targets
        .iter()
        .map(|t| (t.target_id.as_deref(), t.failed_job_count))
        .collect();
    assert_eq!(targets, vec![(Some("idp_A"), 2), (Some("app_B"), 1)]);
    let codes: Vec<(&str, u64)> = s
        .top_error_codes
        .iter()
        .map(|c| (c.error_code.as_str(), c.count))
        .collect();
    assert_eq!(codes, vec![("Timeout", 2), ("Forbidden", 1)]);

    let options = SummaryOptions {
        top_n: 1,
        ..SummaryOptions::default()
    };
    let s = summarize_jobs(&history(), &options);
    assert_eq!(s.top_failing_targets.len(), 1);
    assert_eq!(s.top_error_codes[0].error_code, "Timeout");
    let options = SummaryOptions {
        top_n: 0,
        ..SummaryOptions::default()
    };
    assert!(summarize_jobs(&history(), &options)
        .top_error_codes
        .is_empty());
}

#[test]
fn ties_are_broken_by_target_and_code() {
    let failed = |id: &str, target: &str, code: &str| {
        job(
            json!({"SynchronizationJobId": id, "TargetType": "application", "TargetId": target,
                   "Status": "failed", "Result": {"ErrorCode": code}}),
        )
    };
    let jobs = vec![
        failed("sync_1", "app_Z", "Zeta"),
        failed("sync_2", "app_A", "Alpha"),
        failed("sync_3", "app_M", ""),
    ];
    let s = summarize_jobs(&jobs, &SummaryOptions::default());
    let targets: Vec<&str> = s
        .top_failing_targets
        .iter()
        .filter_map(|t| t.target_id.as_deref())
        .collect();
    assert_eq!(targets, vec!["app_A", "app_M", "app_Z"]);
    // The empty code is not counted.
    let codes: Vec<&str> = s
        .top_error_codes
        .iter()
        .map(|c| c.error_code.as_str())
        .collect();
    assert_eq!(codes, vec!["Alpha", "Zeta"]);
}

#[test]
fn failure_streak_follows_job_order_not_arrival_order() {
    let at = |id: &str, status: &str, start: u64| {
        job(
            json!({"SynchronizationJobId": id, "TargetType": "identity_provider",
                   "TargetId": "idp_S", "Status": status, "StartTime": start}),
        )
    };
    // failed, success, failed, failed, partial_success, running: streak 3.
    let jobs = vec![
        at("sync_1", "failed", 1_000),
        at("sync_2", "success", 2_000),
        at("sync_3", "failed", 3_000),
        at("sync_4", "failed", 4_000),
        at("sync_5", "partial_success", 5_000),
        at("sync_6", "running", 6_000),
    ];
    let forward = summarize_jobs(&jobs, &SummaryOptions::default());
    assert_eq!(forward.targets[0].failure_streak, 3);
    assert_eq!(
        forward.targets[0]
            .last_run
            .as_ref()
            .unwrap()
            .synchronization_job_id,
        "sync_6"
    );
    let reversed: Vec<_> = jobs.iter().rev().cloned().collect();
    assert_eq!(
        summarize_jobs(&reversed, &SummaryOptions::default()),
        forward
    );

    // A later success ends the streak: 0.
    let mut ended = jobs.clone();
    ended.push(at("sync_7", "success", 7_000));
    assert_eq!(
        summarize_jobs(&ended, &SummaryOptions::default()).targets[0].failure_streak,
        0
    );

    // Same start time: the ID decides; sync_b (failed) is after sync_a (success).
    let tie = vec![
        at("sync_b", "failed", 9_000),
        at("sync_a", "success", 9_000),
    ];
    let s = summarize_jobs(&tie, &SummaryOptions::default());
    assert_eq!(s.targets[0].failure_streak, 1);
    assert_eq!(
        s.targets[0]
            .last_run
            .as_ref()
            .unwrap()
            .synchronization_job_id,
        "sync_b"
    );
    assert_eq!(
        s.targets[0]
            .last_success
            .as_ref()
            .unwrap()
            .synchronization_job_id,
        "sync_a"
    );

    // No success at all: every failing job counts; no start time is oldest.
    let never = vec![
        at("sync_1", "failed", 5),
        job(json!({"SynchronizationJobId": "sync_0",
        "TargetType": "identity_provider", "TargetId": "idp_S", "Status": "failed"})),
    ];
    let s = summarize_jobs(&never, &SummaryOptions::default());
    assert_eq!(s.targets[0].failure_streak, 2);
    assert_eq!(
        s.targets[0]
            .last_run
            .as_ref()
            .unwrap()
            .synchronization_job_id,
        "sync_1"
    );
}

#[test]
fn split_and_merge_equal_the_whole_and_other_is_unchanged() {
    let jobs = history();
    let whole = summarize_jobs(&jobs, &SummaryOptions::default());
    for split in 0..=jobs.len() {
        let (left, right) = jobs.split_at(split);
        let mut a = JobAggregator::new(SummaryOptions::default());
        a.add_jobs(right);
        let mut b = JobAggregator::new(SummaryOptions::default());
        b.add_jobs(left);
        let b_before = b.clone();
        a.merge(&b);
        assert_eq!(a.summary(), whole, "split at {split}");
        assert_eq!(b, b_before);
    }
    // No de-duplication: merging with itself doubles every count.
    let mut a = JobAggregator::new(SummaryOptions::default());
    a.add_jobs(&jobs);
    let copy = a.clone();
    a.merge(&copy);
    let doubled = a.summary();
    assert_eq!(doubled.job_count, 14);
    assert_eq!(doubled.items.all, counts(44, 30, 10, 4));
    assert_eq!(doubled.targets[2].failure_streak, 4);
    assert_eq!(doubled.durations.count, 10);
}

#[test]
fn merge_keeps_the_receivers_options() {
    let mut hourly = JobAggregator::new(SummaryOptions {
        bucket: BucketSize::Hour,
        ..SummaryOptions::default()
    });
    let mut daily = JobAggregator::new(SummaryOptions::default());
    daily.add_jobs(&history());
    hourly.merge(&daily);
    assert_eq!(hourly.summary().bucket, BucketSize::Hour);
    assert_eq!(hourly.summary().time_buckets.len(), 6);
}

#[test]
fn list_page_bytes() {
    let path = format!(
        "{}/tests/fixtures/seeds/002_d4e6738e55fed7fe.example.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(path).unwrap();
    let mut from_bytes = JobAggregator::new(SummaryOptions::default());
    from_bytes.add_list_response_bytes(&bytes).unwrap();
    from_bytes.add_list_response_bytes(&bytes).unwrap();
    let page: ListSynchronizationJobsResponse =
        parse::list_synchronization_jobs(&bytes, ParseOptions::default()).unwrap();
    let mut jobs = page.synchronization_jobs.clone();
    jobs.extend(page.synchronization_jobs.clone());
    assert_eq!(
        from_bytes.summary(),
        summarize_jobs(&jobs, &SummaryOptions::default())
    );
    assert_eq!(from_bytes.summary().job_count, 2);

    // A bad page adds nothing.
    let before = from_bytes.clone();
    let error = from_bytes
        .add_list_response_bytes(&bytes[..bytes.len() - 10])
        .unwrap_err();
    assert_eq!(error.code, ParseErrorCode::Eof);
    let error = from_bytes
        .add_list_response_bytes(
            br#"{"SynchronizationJobs":[{"SynchronizationJobId":"s"},{"Status":"failed"}]}"#,
        )
        .unwrap_err();
    assert_eq!(error.code, ParseErrorCode::MissingField);
    assert_eq!(error.path, "SynchronizationJobs[1].SynchronizationJobId");
    assert_eq!(from_bytes, before);
}

#[test]
fn options_read_from_json() {
    let read =
        |text: &str| parse::parse::<SummaryOptions>(text.as_bytes(), ParseOptions::default());
    assert_eq!(read("{}").unwrap(), SummaryOptions::default());
    assert_eq!(
        read(r#"{"bucket":"hour","utcOffsetMinutes":-300,"topN":3,"other":1}"#).unwrap(),
        SummaryOptions {
            bucket: BucketSize::Hour,
            utc_offset_minutes: -300,
            top_n: 3
        }
    );
    assert_eq!(
        read(r#"{"bucket":null,"utcOffsetMinutes":null,"topN":null}"#).unwrap(),
        SummaryOptions::default()
    );
    let e = read(r#"{"bucket":"week"}"#).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ParseErrorCode::Type, "bucket"));
    let e = read(r#"{"utcOffsetMinutes":1081}"#).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ParseErrorCode::NumberOutOfRange, "utcOffsetMinutes")
    );
    assert!(read(r#"{"utcOffsetMinutes":-1080}"#).is_ok());
    let e = read(r#"{"utcOffsetMinutes":1.5}"#).unwrap_err();
    assert_eq!(e.code, ParseErrorCode::Type);
    let e = read(r#"{"topN":-1}"#).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ParseErrorCode::Type, "topN"));
    assert_eq!(read("[]").unwrap_err().code, ParseErrorCode::Type);
}
