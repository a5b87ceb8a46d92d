//! List-page rules: for each, a passing and a failing case, with the
//! expected issues written by hand from the input.

use super::common::{issue, issues, report, with};
use super::job::clean_job;
use eiam_sync::model::{ListSynchronizationJobsResponse, SynchronizationJob};
use eiam_sync::validate::{Locale, ValidateOptions};
use serde_json::{json, Value};

fn list_issues(value: &Value) -> Vec<(String, String, String)> {
    issues::<ListSynchronizationJobsResponse>(value)
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
