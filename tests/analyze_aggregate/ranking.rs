//! Top failing targets and error codes, their ties, and failure streaks in job order.

use super::*;

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
