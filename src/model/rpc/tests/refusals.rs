//! What the codec refuses, and how its errors name the parameter.

use super::*;

#[test]
fn refuses_gaps_in_indexes() {
    type L = ListSynchronizationJobsRequest;
    assert_refused::<L>(
        &[("TargetIds.1", "a"), ("TargetIds.3", "b")],
        "TargetIds.3",
        "TargetIds.2 is missing",
    );
    assert_refused::<L>(
        &[("TargetIds.2", "a")],
        "TargetIds.2",
        "TargetIds.1 is missing",
    );
    assert_refused::<L>(
        &[("TargetIds.99999999999", "x")],
        "TargetIds.99999999999",
        "not contiguous",
    );
    assert_refused::<L>(
        &[("Filters.2.Key", "k")],
        "Filters.2",
        "Filters.1 is missing",
    );
    assert_refused::<L>(
        &[("Filters.1.Key", "k"), ("Filters.3.Values.1", "v")],
        "Filters.3",
        "Filters.2 is missing",
    );
    assert_refused::<L>(
        &[("Filters.1.Values.1", "a"), ("Filters.1.Values.3", "c")],
        "Filters.1.Values.3",
        "Filters.1.Values.2 is missing",
    );
}

#[test]
fn refuses_bad_indexes() {
    type L = ListSynchronizationJobsRequest;
    assert_refused::<L>(&[("TargetIds.0", "a")], "TargetIds.0", "start at 1");
    assert_refused::<L>(&[("Filters.0.Key", "a")], "Filters.0.Key", "start at 1");
    assert_refused::<L>(
        &[("Filters.1.Values.0", "a")],
        "Filters.1.Values.0",
        "start at 1",
    );
    assert_refused::<L>(&[("TargetIds.01", "a")], "TargetIds.01", "leading zeros");
    assert_refused::<L>(
        &[("Filters.01.Key", "a")],
        "Filters.01.Key",
        "leading zeros",
    );
    assert_refused::<L>(&[("TargetIds.", "a")], "TargetIds.", "decimal");
    assert_refused::<L>(&[("TargetIds.-1", "a")], "TargetIds.-1", "decimal");
    assert_refused::<L>(&[("TargetIds.+1", "a")], "TargetIds.+1", "decimal");
    assert_refused::<L>(&[("TargetIds.1a", "a")], "TargetIds.1a", "decimal");
    assert_refused::<L>(
        &[("TargetIds.99999999999999999999999", "a")],
        "TargetIds.99999999999999999999999",
        "too large",
    );
}

#[test]
fn refuses_repeated_keys() {
    assert_refused::<ListSynchronizationJobsRequest>(
        &[
            ("InstanceId", "a"),
            ("TargetIds.1", "x"),
            ("InstanceId", "a"),
        ],
        "InstanceId",
        "repeated",
    );
    assert_refused::<ListSynchronizationJobsRequest>(
        &[("TargetIds.1", "x"), ("TargetIds.1", "y")],
        "TargetIds.1",
        "repeated",
    );
    assert_refused::<GetSynchronizationJobRequest>(
        &[("SynchronizationJobId", "a"), ("SynchronizationJobId", "b")],
        "SynchronizationJobId",
        "repeated",
    );
    let error = request_of::<GetIdentityProviderUdPushConfigurationRequest>(
        "InstanceId=a&IdentityProviderId=b&InstanceId=c",
    )
    .unwrap_err();
    assert_eq!(error.key.as_deref(), Some("InstanceId"));
}

#[test]
fn refuses_unknown_keys() {
    type L = ListSynchronizationJobsRequest;
    for key in [
        "Action",
        "Version",
        "Signature",
        "instanceid",
        "TargetIds",
        "Filters.1",
        "Filters.1.Values",
        "Filters.1.Other",
        "Filters.x",
        "TargetId.1",
        "SynchronizationJobId",
        "",
    ] {
        assert_refused::<L>(&[("InstanceId", "a"), (key, "v")], key, "no such parameter");
    }
    assert_refused::<GetSynchronizationJobRequest>(
        &[("PageNumber", "1")],
        "PageNumber",
        "no such parameter",
    );
    assert_refused::<GetSynchronizationJobRequest>(
        &[("IdentityProviderId", "x")],
        "IdentityProviderId",
        "no such parameter",
    );
    assert_refused::<GetIdentityProviderUdPushConfigurationRequest>(
        &[("SynchronizationJobId", "x")],
        "SynchronizationJobId",
        "no such parameter",
    );
    assert_refused::<GetIdentityProviderUdPullConfigurationRequest>(
        &[("AccessKeyId", "x")],
        "AccessKeyId",
        "no such parameter",
    );
}

#[test]
fn refuses_bad_numbers() {
    type L = ListSynchronizationJobsRequest;
    for bad in [
        "", "-1", "+1", "1.0", "1e3", " 1", "1 ", "0x10", "١", "1_000", "NaN",
    ] {
        assert_refused::<L>(
            &[("PageSize", bad)],
            "PageSize",
            "plain non-negative decimal integer",
        );
    }
    assert_refused::<L>(&[("MaxResults", "050")], "MaxResults", "leading zeros");
    assert_refused::<L>(&[("StartTime", "00")], "StartTime", "leading zeros");
    assert_refused::<L>(&[("EndTime", "9007199254740992")], "EndTime", "2^53 - 1");
    assert_refused::<L>(
        &[("PageNumber", "18446744073709551615")],
        "PageNumber",
        "2^53 - 1",
    );
    assert_refused::<L>(
        &[("PageNumber", "18446744073709551616")],
        "PageNumber",
        "too large",
    );
    let ok: L = request_of("EndTime=9007199254740991&StartTime=0").unwrap();
    assert_eq!(ok.end_time, Some(9_007_199_254_740_991));
    assert_eq!(ok.start_time, Some(0));
}

#[test]
fn error_display_names_the_parameter() {
    let error = request_of::<ListSynchronizationJobsRequest>("PageSize=ten").unwrap_err();
    assert_eq!(
        error.to_string(),
        "query parameter \"PageSize\": the value must be a plain non-negative decimal integer, \
         found \"ten\""
    );
    let long = "9".repeat(100);
    let error =
        ListSynchronizationJobsRequest::from_params(&pairs(&[("PageSize", &format!("x{long}"))]))
            .unwrap_err();
    assert!(
        error.message.len() < 150,
        "untrusted text is cut short: {error}"
    );
}
