//! Request rules: for each, a passing and a failing case, with the expected
//! issues written by hand from the input.

use super::common::{issue, issues, report, with};
use eiam_sync::model::{
    GetIdentityProviderUdPullConfigurationRequest, GetIdentityProviderUdPushConfigurationRequest,
    GetSynchronizationJobRequest, ListSynchronizationJobsRequest,
};
use eiam_sync::validate::ValidateOptions;
use serde_json::{json, Value};

fn list(value: &Value) -> Vec<(String, String, String)> {
    issues::<ListSynchronizationJobsRequest>(value)
}

#[test]
fn get_job_needs_both_ids() {
    let clean = json!({ "InstanceId": "idaas_1", "SynchronizationJobId": "sync_1" });
    assert_eq!(issues::<GetSynchronizationJobRequest>(&clean), []);
    assert_eq!(
        issues::<GetSynchronizationJobRequest>(&json!({})),
        [
            issue("InstanceId", "missing_parameter", "error"),
            issue("SynchronizationJobId", "missing_parameter", "error"),
        ]
    );
    let report = report::<GetSynchronizationJobRequest>(
        &json!({ "InstanceId": "idaas_1" }),
        &ValidateOptions::default(),
    );
    assert_eq!(
        report.issues[0].message,
        "`SynchronizationJobId` is required by GetSynchronizationJob but missing."
    );
    let odd = json!({ "InstanceId": "", "SynchronizationJobId": "job_1\n" });
    assert_eq!(
        issues::<GetSynchronizationJobRequest>(&odd),
        [
            issue("InstanceId", "empty_id", "error"),
            issue("SynchronizationJobId", "id_whitespace", "warning"),
            issue("SynchronizationJobId", "id_prefix", "warning"),
        ]
    );
}

#[test]
fn configuration_requests_need_instance_and_provider() {
    let clean = json!({ "InstanceId": "idaas_1", "IdentityProviderId": "idp_1" });
    assert_eq!(
        issues::<GetIdentityProviderUdPushConfigurationRequest>(&clean),
        []
    );
    assert_eq!(
        issues::<GetIdentityProviderUdPullConfigurationRequest>(&clean),
        []
    );
    let expected = [
        issue("InstanceId", "missing_parameter", "error"),
        issue("IdentityProviderId", "missing_parameter", "error"),
    ];
    assert_eq!(
        issues::<GetIdentityProviderUdPushConfigurationRequest>(&json!({})),
        expected
    );
    assert_eq!(
        issues::<GetIdentityProviderUdPullConfigurationRequest>(&json!({})),
        expected
    );
    let report = report::<GetIdentityProviderUdPullConfigurationRequest>(
        &json!({ "InstanceId": "idaas_1" }),
        &ValidateOptions::default(),
    );
    assert_eq!(
        report.issues[0].message,
        "`IdentityProviderId` is required by GetIdentityProviderUdPullConfiguration but missing."
    );
    let wrong = json!({ "InstanceId": "idaas_1", "IdentityProviderId": "app_1" });
    assert_eq!(
        issues::<GetIdentityProviderUdPushConfigurationRequest>(&wrong),
        [issue("IdentityProviderId", "id_prefix", "warning")]
    );
}

fn clean_list() -> Value {
    json!({
        "InstanceId": "idaas_1",
        "MaxResults": 20,
        "NextToken": "NTxxxexample",
        "TargetType": "identity_provider",
        "TargetIds": ["idp_1", "idp_2"],
        "StartTime": 1_649_830_226_000u64,
        "EndTime": 1_649_830_226_000u64,
        "Direction": "ingress",
        "Status": "running",
        "Filters": [{ "Key": "qps", "Values": [] }]
    })
}

#[test]
fn list_request_clean_and_minimal() {
    assert_eq!(list(&clean_list()), []);
    assert_eq!(list(&json!({ "InstanceId": "idaas_1" })), []);
    assert_eq!(
        list(&json!({ "InstanceId": "idaas_1", "PageNumber": 1, "PageSize": 100 })),
        []
    );
    assert_eq!(
        list(&json!({})),
        [issue("InstanceId", "missing_parameter", "error")]
    );
}

#[test]
fn page_sizes_are_within_1_to_100() {
    for (key, code) in [
        ("PageSize", "page_size_range"),
        ("MaxResults", "max_results_range"),
    ] {
        for good in [1, 100] {
            let request = json!({ "InstanceId": "idaas_1", key: good });
            assert_eq!(list(&request), [], "{key} {good}");
        }
        for bad in [0, 101] {
            let request = json!({ "InstanceId": "idaas_1", key: bad });
            assert_eq!(list(&request), [issue(key, code, "error")], "{key} {bad}");
        }
    }
    let request = json!({ "InstanceId": "idaas_1", "MaxResults": 500 });
    assert_eq!(
        report::<ListSynchronizationJobsRequest>(&request, &ValidateOptions::default()).issues[0]
            .message,
        "`MaxResults` is 500, outside 1 to 100."
    );
    let request = json!({ "InstanceId": "idaas_1", "PageNumber": 0 });
    assert_eq!(
        list(&request),
        [issue("PageNumber", "page_number_range", "error")]
    );
}

#[test]
fn both_paging_styles_are_a_warning() {
    let request = with(clean_list(), "/PageNumber", json!(2));
    let request = with(request, "/PageSize", json!(10));
    assert_eq!(
        list(&request),
        [
            issue("PageNumber", "both_paging_styles", "warning"),
            issue("PageSize", "both_paging_styles", "warning"),
        ]
    );
    let token_only = with(
        with(request.clone(), "/MaxResults", Value::Null),
        "/PageNumber",
        Value::Null,
    );
    assert_eq!(
        list(&token_only),
        [issue("PageSize", "both_paging_styles", "warning")]
    );
    let pages_only = with(
        with(request, "/MaxResults", Value::Null),
        "/NextToken",
        Value::Null,
    );
    assert_eq!(list(&pages_only), []);
}

#[test]
fn the_time_range_is_ordered_and_in_milliseconds() {
    let request = with(clean_list(), "/StartTime", json!(1_649_830_226_001u64));
    assert_eq!(
        list(&request),
        [issue("EndTime", "start_after_end", "error")]
    );
    let request = with(clean_list(), "/StartTime", json!(1_649_830_226u64));
    assert_eq!(
        list(&request),
        [issue("StartTime", "time_looks_like_seconds", "error")]
    );
    // A filter may reach back before 2015 or into the future.
    let request = with(
        with(clean_list(), "/StartTime", json!(0)),
        "/EndTime",
        json!(9_999_999_999_999u64),
    );
    assert_eq!(list(&request), []);
}

#[test]
fn target_ids_are_not_empty_and_match_the_target_type() {
    let request = with(
        clean_list(),
        "/TargetIds",
        json!(["idp_1", "", "app_2", " "]),
    );
    assert_eq!(
        list(&request),
        [
            issue("TargetIds[1]", "empty_target_id", "error"),
            issue("TargetIds[2]", "id_prefix", "warning"),
            issue("TargetIds[3]", "empty_target_id", "error"),
        ]
    );
    let untyped = with(
        with(request, "/TargetType", Value::Null),
        "/TargetIds",
        json!(["x"]),
    );
    assert_eq!(list(&untyped), []);
}

#[test]
fn filters_need_a_key() {
    let request = with(
        clean_list(),
        "/Filters",
        json!([{ "Key": "qps" }, { "Values": ["1"] }, { "Key": " " }]),
    );
    assert_eq!(
        list(&request),
        [
            issue("Filters[1].Key", "filter_without_key", "error"),
            issue("Filters[2].Key", "filter_without_key", "error"),
        ]
    );
}

#[test]
fn request_enums() {
    let request = with(clean_list(), "/Status", json!("done"));
    let request = with(request, "/Direction", json!("both"));
    assert_eq!(
        list(&request),
        [
            issue("Direction", "unknown_enum_value", "warning"),
            issue("Status", "unknown_enum_value", "warning"),
        ]
    );
}
