//! Job rules: for each, a passing and a failing case, with the expected
//! issues written by hand from the input.

use super::common::{issue, issues, issues_with, report, with};
use eiam_sync::model::SynchronizationJob;
use eiam_sync::validate::ValidateOptions;
use serde_json::{json, Value};

fn job_issues(value: &Value) -> Vec<(String, String, String)> {
    issues::<SynchronizationJob>(value)
}

/// 2023-11-14T22:13:20Z, a plausible start time.
pub const START: u64 = 1_700_000_000_000;

/// A finished job with nothing wrong.
pub fn clean_job() -> Value {
    json!({
        "SynchronizationJobId": "sync_1",
        "TargetType": "identity_provider",
        "TargetId": "idp_1",
        "Direction": "ingress",
        "StartTime": START,
        "EndTime": START + 60_000,
        "TriggerType": "auto",
        "Status": "success",
        "Result": {
            "UserStatistics": { "Created": { "Total": 3, "Success": 3, "Failed": 0, "Skipped": 0 } }
        }
    })
}

#[test]
fn a_clean_job_has_no_issues() {
    assert_eq!(job_issues(&clean_job()), []);
}

#[test]
fn ids_empty_whitespace_and_prefix() {
    let job = with(clean_job(), "/SynchronizationJobId", json!(""));
    assert_eq!(
        job_issues(&job),
        [issue("SynchronizationJobId", "empty_id", "error")]
    );
    let job = with(clean_job(), "/SynchronizationJobId", json!("sync_1\n"));
    assert_eq!(
        job_issues(&job),
        [issue("SynchronizationJobId", "id_whitespace", "warning")]
    );
    let job = with(clean_job(), "/SynchronizationJobId", json!("job_1"));
    assert_eq!(
        job_issues(&job),
        [issue("SynchronizationJobId", "id_prefix", "warning")]
    );
    let job = with(clean_job(), "/TargetId", json!("app_1"));
    assert_eq!(
        job_issues(&job),
        [issue("TargetId", "id_prefix", "warning")]
    );
    let job = with(clean_job(), "/TargetId", json!(" "));
    assert_eq!(job_issues(&job), [issue("TargetId", "empty_id", "error")]);
}

#[test]
fn the_target_prefix_follows_the_target_type() {
    let app = with(clean_job(), "/TargetType", json!("application"));
    assert_eq!(
        job_issues(&with(app.clone(), "/TargetId", json!("app_1"))),
        []
    );
    let report = report::<SynchronizationJob>(&app, &ValidateOptions::default());
    assert_eq!(report.issues.len(), 1);
    assert_eq!(
        report.issues[0].message,
        "`TargetId` is \"idp_1\", which does not start with `app_`."
    );
    // No prefix is known for other target types.
    let user = with(clean_job(), "/TargetType", json!("user"));
    assert_eq!(job_issues(&with(user, "/TargetId", json!("u-42"))), []);
}

#[test]
fn missing_fields_are_warnings() {
    for field in ["TargetType", "TargetId", "Direction", "StartTime", "Status"] {
        let job = with(clean_job(), &format!("/{field}"), Value::Null);
        assert_eq!(
            job_issues(&job),
            [issue(field, "missing_field", "warning")],
            "{field}"
        );
    }
    // A pending job may not have started yet.
    let pending = with(clean_job(), "/Status", json!("pending"));
    let pending = with(
        with(pending, "/StartTime", Value::Null),
        "/EndTime",
        Value::Null,
    );
    assert_eq!(job_issues(&pending), []);
}

#[test]
fn finished_jobs_need_an_end_time_and_running_ones_do_not() {
    let job = with(clean_job(), "/EndTime", Value::Null);
    assert_eq!(
        job_issues(&job),
        [issue("EndTime", "missing_end_time", "warning")]
    );
    let message =
        &report::<SynchronizationJob>(&job, &ValidateOptions::default()).issues[0].message;
    assert_eq!(
        message,
        "`EndTime` is missing although the job has finished with status \"success\"."
    );
    for status in ["running", "pending", "suspending"] {
        let job = with(job.clone(), "/Status", json!(status));
        assert_eq!(job_issues(&job), [], "{status}");
    }
}

#[test]
fn end_before_start_only_for_finished_jobs() {
    let job = with(clean_job(), "/EndTime", json!(START - 1));
    assert_eq!(
        job_issues(&job),
        [issue("EndTime", "end_before_start", "error")]
    );
    let message =
        &report::<SynchronizationJob>(&job, &ValidateOptions::default()).issues[0].message;
    assert_eq!(
        message,
        "`EndTime` (1699999999999, 2023-11-14T22:13:19.999Z) is earlier than `StartTime` (1700000000000, 2023-11-14T22:13:20.000Z)."
    );
    assert_eq!(job_issues(&with(clean_job(), "/EndTime", json!(START))), []);
    let running = with(job, "/Status", json!("running"));
    assert_eq!(job_issues(&running), []);
}

#[test]
fn times_in_seconds_before_2015_and_in_the_future() {
    let job = with(clean_job(), "/StartTime", json!(1_700_000_000u64));
    assert_eq!(
        job_issues(&job),
        [issue("StartTime", "time_looks_like_seconds", "error")]
    );
    let job = with(clean_job(), "/StartTime", json!(1000));
    assert_eq!(
        job_issues(&job),
        [issue("StartTime", "time_before_2015", "error")]
    );

    let future = with(clean_job(), "/EndTime", json!(START + 86_400_001));
    let options = ValidateOptions {
        now_ms: Some(START),
        ..ValidateOptions::default()
    };
    assert_eq!(
        issues_with::<SynchronizationJob>(&future, &options),
        [issue("EndTime", "time_in_future", "warning")]
    );
    // Without `now_ms` the clock is never read, so nothing is in the future.
    assert_eq!(job_issues(&future), []);
    let tomorrow = with(clean_job(), "/EndTime", json!(START + 86_400_000));
    assert_eq!(issues_with::<SynchronizationJob>(&tomorrow, &options), []);
}

#[test]
fn counts_may_not_exceed_their_total() {
    let partial = with(clean_job(), "/Status", json!("partial_success"));
    let over = json!({ "Total": 3, "Success": 2, "Failed": 1, "Skipped": 1 });
    let job = with(partial.clone(), "/Result/UserStatistics/Created", over);
    assert_eq!(
        job_issues(&job),
        [issue(
            "Result.UserStatistics.Created",
            "counts_exceed_total",
            "warning"
        )]
    );
    let message =
        &report::<SynchronizationJob>(&job, &ValidateOptions::default()).issues[0].message;
    assert_eq!(
        message,
        "In `Result.UserStatistics.Created`, Success + Failed + Skipped is 4, more than Total 3."
    );
    let exact = json!({ "Total": 3, "Success": 1, "Failed": 1, "Skipped": 1 });
    assert_eq!(
        job_issues(&with(
            partial.clone(),
            "/Result/UserStatistics/Created",
            exact
        )),
        []
    );
    // Without a total there is nothing to exceed.
    let no_total = json!({ "Success": 9, "Failed": 9 });
    assert_eq!(
        job_issues(&with(partial, "/Result/UserStatistics/Created", no_total)),
        []
    );
}

#[test]
fn success_with_failures_counts_every_entity() {
    let job = with(
        clean_job(),
        "/Result/UserStatistics/Created/Failed",
        json!(1),
    );
    let job = with(job, "/Result/UserStatistics/Created/Success", json!(2));
    let job = with(
        job,
        "/Result/GroupStatistics",
        json!({ "Deleted": { "Failed": 2 } }),
    );
    assert_eq!(
        job_issues(&job),
        [issue("Status", "success_with_failures", "warning")]
    );
    let message =
        &report::<SynchronizationJob>(&job, &ValidateOptions::default()).issues[0].message;
    assert_eq!(message, "`Status` is success, but 3 items failed.");
}

#[test]
fn failure_needs_failed_items_or_an_error_code() {
    for status in ["failed", "partial_success"] {
        let job = with(clean_job(), "/Status", json!(status));
        assert_eq!(
            job_issues(&job),
            [issue("Status", "failure_without_failures", "warning")]
        );
        let with_code = with(job.clone(), "/Result/ErrorCode", json!("Internal"));
        let with_code = with(with_code, "/Result/ErrorMessage", json!("It broke."));
        assert_eq!(job_issues(&with_code), []);
        let with_failure = with(job, "/Result/UserStatistics/Created/Failed", json!(1));
        let with_failure = with(
            with_failure,
            "/Result/UserStatistics/Created/Success",
            json!(2),
        );
        assert_eq!(job_issues(&with_failure), []);
    }
    // A failed job without any result at all.
    let bare = with(
        with(clean_job(), "/Status", json!("failed")),
        "/Result",
        Value::Null,
    );
    assert_eq!(
        job_issues(&bare),
        [issue("Status", "failure_without_failures", "warning")]
    );
}

#[test]
fn error_code_and_message_come_in_pairs() {
    let job = with(clean_job(), "/Result/ErrorCode", json!("Throttling"));
    assert_eq!(
        job_issues(&job),
        [issue(
            "Result.ErrorCode",
            "error_code_without_message",
            "warning"
        )]
    );
    let job = with(clean_job(), "/Result/ErrorMessage", json!("Too fast."));
    assert_eq!(
        job_issues(&job),
        [issue(
            "Result.ErrorMessage",
            "message_without_error_code",
            "warning"
        )]
    );
    // Empty strings count as absent.
    let job = with(clean_job(), "/Result/ErrorCode", json!(""));
    assert_eq!(
        job_issues(&with(job, "/Result/ErrorMessage", json!(""))),
        []
    );
}

#[test]
fn unknown_enum_values_are_warnings_or_errors_when_strict() {
    let job = with(clean_job(), "/TriggerType", json!("scheduled"));
    assert_eq!(
        job_issues(&job),
        [issue("TriggerType", "unknown_enum_value", "warning")]
    );
    let strict = ValidateOptions {
        strict: true,
        ..ValidateOptions::default()
    };
    assert_eq!(
        issues_with::<SynchronizationJob>(&job, &strict),
        [issue("TriggerType", "unknown_enum_value", "error")]
    );
    let message = &report::<SynchronizationJob>(&job, &strict).issues[0].message;
    assert_eq!(
        message,
        "`TriggerType` is \"scheduled\", which is not one of the known values (auto, manual)."
    );
    assert_eq!(issues_with::<SynchronizationJob>(&clean_job(), &strict), []);
}

#[test]
fn issues_come_in_document_order() {
    let job = json!({
        "Result": { "ErrorMessage": "m", "UserStatistics": { "Same": { "Total": 0, "Skipped": 1 } } },
        "Status": "done",
        "EndTime": 5,
        "Direction": "sideways",
        "SynchronizationJobId": "x\t",
    });
    assert_eq!(
        job_issues(&job),
        [
            issue("SynchronizationJobId", "id_whitespace", "warning"),
            issue("SynchronizationJobId", "id_prefix", "warning"),
            issue("TargetType", "missing_field", "warning"),
            issue("TargetId", "missing_field", "warning"),
            issue("Direction", "unknown_enum_value", "warning"),
            issue("StartTime", "missing_field", "warning"),
            issue("EndTime", "time_before_2015", "error"),
            issue("Status", "unknown_enum_value", "warning"),
            issue(
                "Result.UserStatistics.Same",
                "counts_exceed_total",
                "warning"
            ),
            issue(
                "Result.ErrorMessage",
                "message_without_error_code",
                "warning"
            ),
        ]
    );
}
