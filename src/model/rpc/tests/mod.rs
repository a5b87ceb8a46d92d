//! Tests of the RPC query codec. Every expected encoding here is written by
//! hand from the rules (RFC 3986, arrays from 1, byte-ordered keys), never
//! copied from the code's output.

use super::*;
use crate::model::{
    GetIdentityProviderUdPullConfigurationRequest, GetIdentityProviderUdPushConfigurationRequest,
    GetSynchronizationJobRequest, JobFilter, JobStatus, ListSynchronizationJobsRequest,
    SyncDirection, TargetType, MAX_SAFE_INTEGER,
};

mod generated;
mod refusals;

/// Owned pairs from string literals.
fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// `to_params` + `encode_query`.
fn query_of<R: RpcRequest>(request: &R) -> String {
    encode_query(&request.to_params())
}

/// `decode_query` + `from_params`.
fn request_of<R: RpcRequest>(query: &str) -> Result<R, RpcError> {
    R::from_params(&decode_query(query)?)
}

/// Asserts that `from_params` refuses `items`, blaming `key`, with a message
/// containing `needle`.
fn assert_refused<R: RpcRequest + fmt::Debug>(items: &[(&str, &str)], key: &str, needle: &str) {
    match R::from_params(&pairs(items)) {
        Ok(request) => panic!("{items:?} was accepted as {request:?}"),
        Err(error) => {
            assert_eq!(error.key.as_deref(), Some(key), "{error}");
            assert!(error.message.contains(needle), "{error:?} lacks {needle:?}");
            assert!(error.to_string().contains(key), "{error}");
        }
    }
}

fn strs(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn full_list_request() -> ListSynchronizationJobsRequest {
    ListSynchronizationJobsRequest {
        instance_id: Some("idaas_ 中 *~&=+%".to_owned()),
        page_number: Some(2),
        page_size: Some(20),
        next_token: Some("NT+/=".to_owned()),
        max_results: Some(MAX_SAFE_INTEGER),
        target_type: Some(TargetType::IdentityProvider),
        target_ids: Some(strs(&["idp_1", "", "a b", "😀", "%2A", "x&y=z"])),
        start_time: Some(0),
        end_time: Some(1_700_000_000_000),
        direction: Some(SyncDirection::Other("sideways".to_owned())),
        status: Some(JobStatus::PartialSuccess),
        filters: Some(vec![
            JobFilter {
                key: Some("name*".to_owned()),
                values: Some(strs(&["", "~", "+", "a=b&c", "100%"])),
            },
            JobFilter {
                key: None,
                values: Some(strs(&["only values"])),
            },
            JobFilter {
                key: Some("only key".to_owned()),
                values: None,
            },
        ]),
    }
}

#[test]
fn percent_encode_follows_rfc_3986() {
    assert_eq!(percent_encode("AZaz09-_.~"), "AZaz09-_.~");
    assert_eq!(percent_encode("a b"), "a%20b");
    assert_eq!(percent_encode("*"), "%2A");
    assert_eq!(percent_encode("&=+%/?#"), "%26%3D%2B%25%2F%3F%23");
    assert_eq!(percent_encode("é"), "%C3%A9");
    assert_eq!(percent_encode("中"), "%E4%B8%AD");
    assert_eq!(percent_encode("😀"), "%F0%9F%98%80");
    assert_eq!(percent_encode("\n\u{7f}"), "%0A%7F");
    assert_eq!(percent_encode(""), "");
}

#[test]
fn percent_decode_reads_escapes_and_plus() {
    assert_eq!(percent_decode("a+b%20c").unwrap(), "a b c");
    assert_eq!(percent_decode("%2a%2A").unwrap(), "**");
    assert_eq!(percent_decode("%e4%b8%AD").unwrap(), "中");
    assert_eq!(percent_decode("%2B").unwrap(), "+");
    assert_eq!(percent_decode("~*é").unwrap(), "~*é");
    assert_eq!(percent_decode("").unwrap(), "");
}

#[test]
fn percent_decode_refuses_bad_escapes() {
    for bad in ["%", "%2", "a%", "%G1", "%2G", "%%41", "%-1", "%é9"] {
        let error = percent_decode(bad).unwrap_err();
        assert_eq!(error.key, None);
        assert!(error.message.contains("percent escape"), "{bad}: {error}");
    }
}

#[test]
fn percent_decode_refuses_invalid_utf8() {
    for bad in ["%FF", "%C3", "%C3%28", "a%E4%B8", "%ED%A0%80"] {
        let error = percent_decode(bad).unwrap_err();
        assert!(error.message.contains("UTF-8"), "{bad}: {error}");
    }
}

#[test]
fn encode_query_sorts_and_writes_empty_values() {
    let params = pairs(&[("b", "1"), ("a", ""), ("c d", "x y"), ("a b", "*")]);
    assert_eq!(encode_query(&params), "a=&a%20b=%2A&b=1&c%20d=x%20y");
    assert_eq!(encode_query(&[]), "");
}

#[test]
fn decode_query_splits_pairs() {
    assert_eq!(decode_query("").unwrap(), pairs(&[]));
    assert_eq!(decode_query("a").unwrap(), pairs(&[("a", "")]));
    assert_eq!(decode_query("a=").unwrap(), pairs(&[("a", "")]));
    assert_eq!(decode_query("a=b=c").unwrap(), pairs(&[("a", "b=c")]));
    assert_eq!(decode_query("=v").unwrap(), pairs(&[("", "v")]));
    assert_eq!(
        decode_query("b=2&&a=1&").unwrap(),
        pairs(&[("b", "2"), ("a", "1")]),
        "empty pieces are skipped and order is kept"
    );
    assert_eq!(
        decode_query("k=1&k=2").unwrap(),
        pairs(&[("k", "1"), ("k", "2")]),
        "repeats are left to from_params"
    );
    assert_eq!(
        decode_query("Instance%49d=a+b%2Bc").unwrap(),
        pairs(&[("InstanceId", "a b+c")])
    );
}

#[test]
fn decode_query_names_the_badly_encoded_parameter() {
    let error = decode_query("InstanceId=ok&NextToken=%zz").unwrap_err();
    assert_eq!(error.key.as_deref(), Some("NextToken"));
    assert!(error.message.contains("value"), "{error}");

    let error = decode_query("Next%Token=1").unwrap_err();
    assert_eq!(error.key.as_deref(), Some("Next%Token"));
    assert!(error.message.contains("name"), "{error}");

    let error = decode_query("InstanceId=%C3%28").unwrap_err();
    assert_eq!(error.key.as_deref(), Some("InstanceId"));
    assert!(error.message.contains("UTF-8"), "{error}");
}

#[test]
fn list_request_encodes_exactly() {
    let request = ListSynchronizationJobsRequest {
        instance_id: Some("idaas_x".to_owned()),
        max_results: Some(50),
        target_ids: Some(strs(&["idp_1", "idp_2"])),
        filters: Some(vec![JobFilter {
            key: Some("k".to_owned()),
            values: Some(strs(&["a b", "*"])),
        }]),
        ..Default::default()
    };
    let expected = "Filters.1.Key=k&Filters.1.Values.1=a%20b&Filters.1.Values.2=%2A\
                    &InstanceId=idaas_x&MaxResults=50&TargetIds.1=idp_1&TargetIds.2=idp_2";
    assert_eq!(query_of(&request), expected);
    assert_eq!(
        request_of::<ListSynchronizationJobsRequest>(expected).unwrap(),
        request
    );
}

#[test]
fn list_request_with_every_field_encodes_exactly() {
    let request = ListSynchronizationJobsRequest {
        instance_id: Some("idaas_abc".to_owned()),
        page_number: Some(2),
        page_size: Some(20),
        next_token: Some("NTxxx".to_owned()),
        max_results: Some(100),
        target_type: Some(TargetType::IdentityProvider),
        target_ids: Some(strs(&["idp_1"])),
        start_time: Some(1_700_000_000_000),
        end_time: Some(1_700_000_001_000),
        direction: Some(SyncDirection::Ingress),
        status: Some(JobStatus::PartialSuccess),
        filters: Some(vec![JobFilter {
            key: Some("name".to_owned()),
            values: Some(strs(&["x"])),
        }]),
    };
    let expected = "Direction=ingress&EndTime=1700000001000&Filters.1.Key=name\
                    &Filters.1.Values.1=x&InstanceId=idaas_abc&MaxResults=100&NextToken=NTxxx\
                    &PageNumber=2&PageSize=20&StartTime=1700000000000&Status=partial_success\
                    &TargetIds.1=idp_1&TargetType=identity_provider";
    assert_eq!(query_of(&request), expected);
    assert_eq!(
        request_of::<ListSynchronizationJobsRequest>(expected).unwrap(),
        request
    );
}

#[test]
fn list_params_are_in_key_byte_order() {
    let ids: Vec<String> = (1..=11).map(|i| format!("t{i}")).collect();
    let request = ListSynchronizationJobsRequest {
        target_ids: Some(ids.clone()),
        ..Default::default()
    };
    let keys: Vec<String> = request.to_params().into_iter().map(|(k, _)| k).collect();
    let expected = [
        "TargetIds.1",
        "TargetIds.10",
        "TargetIds.11",
        "TargetIds.2",
        "TargetIds.3",
        "TargetIds.4",
        "TargetIds.5",
        "TargetIds.6",
        "TargetIds.7",
        "TargetIds.8",
        "TargetIds.9",
    ];
    assert_eq!(keys, expected);
    let back = ListSynchronizationJobsRequest::from_params(&request.to_params()).unwrap();
    assert_eq!(back.target_ids, Some(ids));
}

#[test]
fn list_request_round_trips_with_every_field_and_awkward_text() {
    let request = full_list_request();
    let query = query_of(&request);
    assert!(!query.contains(' ') && !query.contains('*') && !query.contains('+'));
    assert_eq!(
        request_of::<ListSynchronizationJobsRequest>(&query).unwrap(),
        request
    );
    assert_eq!(
        ListSynchronizationJobsRequest::from_params(&request.to_params()).unwrap(),
        request
    );
}

#[test]
fn list_request_reads_pairs_in_any_order() {
    let request = full_list_request();
    let mut params = request.to_params();
    params.reverse();
    assert_eq!(
        ListSynchronizationJobsRequest::from_params(&params).unwrap(),
        request
    );
    // A fixed shuffle: every third pair first.
    let mut shuffled: Vec<_> = params.iter().step_by(3).cloned().collect();
    shuffled.extend(params.iter().skip(1).step_by(3).cloned());
    shuffled.extend(params.iter().skip(2).step_by(3).cloned());
    assert_eq!(shuffled.len(), params.len());
    assert_eq!(
        ListSynchronizationJobsRequest::from_params(&shuffled).unwrap(),
        request
    );
}

#[test]
fn empty_lists_and_filters_send_nothing_and_later_filters_move_up() {
    let request = ListSynchronizationJobsRequest {
        target_ids: Some(Vec::new()),
        filters: Some(vec![
            JobFilter::default(),
            JobFilter {
                key: Some("k".to_owned()),
                values: Some(Vec::new()),
            },
        ]),
        ..Default::default()
    };
    assert_eq!(query_of(&request), "Filters.1.Key=k");
    let back = request_of::<ListSynchronizationJobsRequest>("Filters.1.Key=k").unwrap();
    assert_eq!(back.target_ids, None);
    assert_eq!(
        back.filters,
        Some(vec![JobFilter {
            key: Some("k".to_owned()),
            values: None
        }])
    );
    assert_eq!(query_of(&ListSynchronizationJobsRequest::default()), "");
    assert_eq!(
        request_of::<ListSynchronizationJobsRequest>("").unwrap(),
        ListSynchronizationJobsRequest::default()
    );
}

#[test]
fn unknown_enum_values_are_kept() {
    let request: ListSynchronizationJobsRequest =
        request_of("Status=weird&Direction=&TargetType=Identity_Provider").unwrap();
    assert_eq!(request.status, Some(JobStatus::Other("weird".to_owned())));
    assert_eq!(request.direction, Some(SyncDirection::Other(String::new())));
    assert_eq!(
        request.target_type,
        Some(TargetType::Other("Identity_Provider".to_owned()))
    );
    assert_eq!(
        query_of(&request),
        "Direction=&Status=weird&TargetType=Identity_Provider"
    );
}

#[test]
fn get_synchronization_job_encodes_exactly_and_round_trips() {
    let request = GetSynchronizationJobRequest {
        instance_id: Some("idaas x".to_owned()),
        synchronization_job_id: Some("a*b~c&d=e+f%g/é".to_owned()),
    };
    let expected = "InstanceId=idaas%20x&SynchronizationJobId=a%2Ab~c%26d%3De%2Bf%25g%2F%C3%A9";
    assert_eq!(query_of(&request), expected);
    assert_eq!(
        request_of::<GetSynchronizationJobRequest>(expected).unwrap(),
        request
    );
    // The official SDKs send a space as `+`.
    assert_eq!(
        request_of::<GetSynchronizationJobRequest>(
            "SynchronizationJobId=a%2Ab~c%26d%3De%2Bf%25g%2F%C3%A9&InstanceId=idaas+x"
        )
        .unwrap(),
        request
    );
    assert_eq!(
        GetSynchronizationJobRequest::ACTION,
        "GetSynchronizationJob"
    );
}

#[test]
fn push_configuration_encodes_exactly_and_round_trips() {
    let request = GetIdentityProviderUdPushConfigurationRequest {
        instance_id: Some("idaas_1".to_owned()),
        identity_provider_id: Some("idp_中 ~*".to_owned()),
    };
    let expected = "IdentityProviderId=idp_%E4%B8%AD%20~%2A&InstanceId=idaas_1";
    assert_eq!(query_of(&request), expected);
    assert_eq!(
        request_of::<GetIdentityProviderUdPushConfigurationRequest>(expected).unwrap(),
        request
    );
    assert_eq!(
        GetIdentityProviderUdPushConfigurationRequest::ACTION,
        "GetIdentityProviderUdPushConfiguration"
    );
}

#[test]
fn pull_configuration_encodes_exactly_and_round_trips() {
    let request = GetIdentityProviderUdPullConfigurationRequest {
        instance_id: Some("😀&=+%".to_owned()),
        identity_provider_id: Some(String::new()),
    };
    let expected = "IdentityProviderId=&InstanceId=%F0%9F%98%80%26%3D%2B%25";
    assert_eq!(query_of(&request), expected);
    assert_eq!(
        request_of::<GetIdentityProviderUdPullConfigurationRequest>(expected).unwrap(),
        request
    );
    assert_eq!(
        GetIdentityProviderUdPullConfigurationRequest::ACTION,
        "GetIdentityProviderUdPullConfiguration"
    );
    assert_eq!(
        ListSynchronizationJobsRequest::ACTION,
        "ListSynchronizationJobs"
    );
}
