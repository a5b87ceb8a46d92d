//! Job and list-page rules: for each, a passing and a failing case, with the
//! expected issues written by hand from the input.

use eiam_sync::model::{ListSynchronizationJobsResponse, SynchronizationJob};
use eiam_sync::validate::{validate_json, Locale, Validate, ValidateOptions, ValidationReport};
use serde_json::{json, Value};

fn report<T: Validate>(value: &Value, options: &ValidateOptions) -> ValidationReport {
    validate_json::<T>(value.to_string().as_bytes(), options)
}

/// `(path, code, severity)` of every issue, in report order.
fn issues_with<T: Validate>(
    value: &Value,
    options: &ValidateOptions,
) -> Vec<(String, String, String)> {
    let report = report::<T>(value, options);
    let has_error = report.issues.iter().any(|i| i.severity.as_str() == "error");
    assert_eq!(
        report.valid, !has_error,
        "valid is false exactly with an error"
    );
    report
        .issues
        .iter()
        .map(|i| {
            (
                i.path.clone(),
                i.code.as_str().to_owned(),
                i.severity.as_str().to_owned(),
            )
        })
        .collect()
}

fn job_issues(value: &Value) -> Vec<(String, String, String)> {
    issues_with::<SynchronizationJob>(value, &ValidateOptions::default())
}

fn list_issues(value: &Value) -> Vec<(String, String, String)> {
    issues_with::<ListSynchronizationJobsResponse>(value, &ValidateOptions::default())
}

fn issue(path: &str, code: &str, severity: &str) -> (String, String, String) {
    (path.to_owned(), code.to_owned(), severity.to_owned())
}

/// 2023-11-14T22:13:20Z, a plausible start time.
const START: u64 = 1_700_000_000_000;

/// A finished job with nothing wrong.
fn clean_job() -> Value {
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

/// `base` with the field at JSON pointer `pointer` replaced (`null` = absent).
fn with(mut base: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = base
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("{pointer}"));
    target[key] = value;
    base
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

fn clean_page() -> Value {
    let mut second = clean_job();
    second["SynchronizationJobId"] = json!("sync_2");
    json!({
        "RequestId": "0441BD79-92F3-53AA-8657-F8CE4A2B912A",
        "TotalCount": 2,
        "NextToken": "NTxxxexample",
        "SynchronizationJobs": [clean_job(), second]
    })
}

#[test]
fn a_clean_page_has_no_issues() {
    assert_eq!(list_issues(&clean_page()), []);
    let last = with(clean_page(), "/NextToken", Value::Null);
    assert_eq!(list_issues(&last), []);
}

#[test]
fn a_page_needs_a_request_id() {
    let page = with(clean_page(), "/RequestId", Value::Null);
    assert_eq!(
        list_issues(&page),
        [issue("RequestId", "missing_request_id", "warning")]
    );
}

#[test]
fn total_count_may_not_be_below_the_page() {
    let page = with(clean_page(), "/TotalCount", json!(1));
    assert_eq!(
        list_issues(&page),
        [issue("TotalCount", "total_count_below_page", "error")]
    );
    let message = &report::<ListSynchronizationJobsResponse>(&page, &ValidateOptions::default())
        .issues[0]
        .message;
    assert_eq!(
        message,
        "`TotalCount` is 1, fewer than the 2 jobs on this page."
    );
    assert_eq!(
        list_issues(&with(clean_page(), "/TotalCount", json!(200))),
        []
    );
}

#[test]
fn duplicate_job_ids_on_a_page() {
    let page = with(
        clean_page(),
        "/SynchronizationJobs/1/SynchronizationJobId",
        json!("sync_1"),
    );
    let path = "SynchronizationJobs[1].SynchronizationJobId";
    assert_eq!(
        list_issues(&page),
        [issue(path, "duplicate_job_id", "error")]
    );
    let message = &report::<ListSynchronizationJobsResponse>(&page, &ValidateOptions::default())
        .issues[0]
        .message;
    assert_eq!(
        message,
        "`SynchronizationJobs[1].SynchronizationJobId` is \"sync_1\", the same ID as `SynchronizationJobs[0].SynchronizationJobId`."
    );
}

#[test]
fn next_token_with_an_empty_page() {
    let page =
        json!({ "RequestId": "r", "TotalCount": 0, "NextToken": "t", "SynchronizationJobs": [] });
    assert_eq!(
        list_issues(&page),
        [issue("NextToken", "next_token_on_empty_page", "warning")]
    );
    let last = json!({ "RequestId": "r", "TotalCount": 0, "SynchronizationJobs": [] });
    assert_eq!(list_issues(&last), []);
}

#[test]
fn job_issues_are_reported_under_their_index() {
    let page = with(
        clean_page(),
        "/SynchronizationJobs/1/TargetId",
        json!("idp_2\n"),
    );
    let page = with(page, "/SynchronizationJobs/0/Status", json!("failed"));
    assert_eq!(
        list_issues(&page),
        [
            issue(
                "SynchronizationJobs[0].Status",
                "failure_without_failures",
                "warning"
            ),
            issue(
                "SynchronizationJobs[1].TargetId",
                "id_whitespace",
                "warning"
            ),
        ]
    );
}

#[test]
fn messages_follow_the_locale() {
    let job = with(clean_job(), "/SynchronizationJobId", json!("sync_1\n"));
    let messages: Vec<String> = [Locale::En, Locale::ZhCn, Locale::Id]
        .into_iter()
        .map(|locale| {
            let options = ValidateOptions {
                locale,
                ..ValidateOptions::default()
            };
            report::<SynchronizationJob>(&job, &options).issues[0]
                .message
                .clone()
        })
        .collect();
    assert_eq!(
        messages,
        [
            "`SynchronizationJobId` is \"sync_1\\n\", which contains whitespace or control characters.",
            "`SynchronizationJobId` 的值 \"sync_1\\n\" 包含空白或控制字符。",
            "`SynchronizationJobId` bernilai \"sync_1\\n\", yang mengandung spasi atau karakter kontrol.",
        ]
    );
}
