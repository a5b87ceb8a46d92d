//! Counts, item totals, target rollups, time buckets and durations of the history.

use super::*;

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
