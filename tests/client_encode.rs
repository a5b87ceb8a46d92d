//! The client's request encoding: `POST {proxyUrl}/{Action}?{query}`. Every
//! expected URL is written by hand from the rules (RPC names, arrays from 1,
//! keys in byte order, RFC 3986 percent-encoding), never copied from output.

use eiam_sync::client::{check_proxy_url, encode_call};
use eiam_sync::model::{
    GetIdentityProviderUdPullConfigurationRequest, GetIdentityProviderUdPushConfigurationRequest,
    GetSynchronizationJobRequest, JobFilter, JobStatus, ListSynchronizationJobsRequest,
    SyncDirection, TargetType,
};

const PROXY: &str = "https://console.example.com/eiam-proxy";

fn s(text: &str) -> Option<String> {
    Some(text.to_owned())
}

#[test]
fn get_synchronization_job() {
    let request = GetSynchronizationJobRequest {
        instance_id: s("idaas_ue2jvisn35ea5lmthk267xxxxx"),
        synchronization_job_id: s("sync_0000347vjovtcf41li0fgsd98gn24q9njxxxxx"),
    };
    let call = encode_call(PROXY, &request);
    assert_eq!(call.action, "GetSynchronizationJob");
    assert_eq!(
        call.url,
        "https://console.example.com/eiam-proxy/GetSynchronizationJob\
         ?InstanceId=idaas_ue2jvisn35ea5lmthk267xxxxx\
         &SynchronizationJobId=sync_0000347vjovtcf41li0fgsd98gn24q9njxxxxx"
    );
}

#[test]
fn the_two_configuration_operations() {
    let push = GetIdentityProviderUdPushConfigurationRequest {
        instance_id: s("idaas_1"),
        identity_provider_id: s("idp_2"),
    };
    let pull = GetIdentityProviderUdPullConfigurationRequest {
        instance_id: s("idaas_1"),
        identity_provider_id: s("idp_2"),
    };
    assert_eq!(
        encode_call("http://127.0.0.1:8787", &push).url,
        "http://127.0.0.1:8787/GetIdentityProviderUdPushConfiguration?IdentityProviderId=idp_2&InstanceId=idaas_1"
    );
    assert_eq!(
        encode_call("http://127.0.0.1:8787", &pull).url,
        "http://127.0.0.1:8787/GetIdentityProviderUdPullConfiguration?IdentityProviderId=idp_2&InstanceId=idaas_1"
    );
}

#[test]
fn trailing_slashes_and_relative_proxy_urls() {
    let request = GetSynchronizationJobRequest {
        instance_id: s("idaas_1"),
        synchronization_job_id: s("sync_2"),
    };
    let expected =
        "https://h/p/GetSynchronizationJob?InstanceId=idaas_1&SynchronizationJobId=sync_2";
    assert_eq!(encode_call("https://h/p/", &request).url, expected);
    assert_eq!(encode_call("https://h/p//", &request).url, expected);
    assert_eq!(
        encode_call("/eiam", &request).url,
        "/eiam/GetSynchronizationJob?InstanceId=idaas_1&SynchronizationJobId=sync_2"
    );
    assert_eq!(
        encode_call("/", &request).url,
        "/GetSynchronizationJob?InstanceId=idaas_1&SynchronizationJobId=sync_2"
    );
}

#[test]
fn an_empty_request_has_no_query() {
    let call = encode_call(PROXY, &GetSynchronizationJobRequest::default());
    assert_eq!(
        call.url,
        "https://console.example.com/eiam-proxy/GetSynchronizationJob"
    );
}

#[test]
fn list_with_every_parameter_sorted_and_percent_encoded() {
    let request = ListSynchronizationJobsRequest {
        instance_id: s("idaas_1"),
        page_number: None,
        page_size: None,
        next_token: s("a+b/c="),
        max_results: Some(50),
        target_type: Some(TargetType::IdentityProvider),
        target_ids: Some(vec!["idp_a".to_owned(), "idp b*~".to_owned()]),
        start_time: Some(1_700_000_000_000),
        end_time: Some(1_700_086_400_000),
        direction: Some(SyncDirection::Ingress),
        status: Some(JobStatus::PartialSuccess),
        filters: Some(vec![JobFilter {
            key: s("TriggerType"),
            values: Some(vec!["manual".to_owned(), "中".to_owned()]),
        }]),
    };
    let call = encode_call(PROXY, &request);
    assert_eq!(call.action, "ListSynchronizationJobs");
    let expected = [
        "https://console.example.com/eiam-proxy/ListSynchronizationJobs?",
        "Direction=ingress",
        "&EndTime=1700086400000",
        "&Filters.1.Key=TriggerType",
        "&Filters.1.Values.1=manual",
        "&Filters.1.Values.2=%E4%B8%AD",
        "&InstanceId=idaas_1",
        "&MaxResults=50",
        "&NextToken=a%2Bb%2Fc%3D",
        "&StartTime=1700000000000",
        "&Status=partial_success",
        "&TargetIds.1=idp_a",
        "&TargetIds.2=idp%20b%2A~",
        "&TargetType=identity_provider",
    ]
    .concat();
    assert_eq!(call.url, expected);
}

#[test]
fn page_number_style_and_byte_ordered_indexes() {
    let ids: Vec<String> = (1..=11).map(|i| format!("idp_{i}")).collect();
    let request = ListSynchronizationJobsRequest {
        instance_id: s("idaas_1"),
        page_number: Some(3),
        page_size: Some(100),
        target_ids: Some(ids),
        ..ListSynchronizationJobsRequest::default()
    };
    // Byte order: `TargetIds.1` < `TargetIds.10` < `TargetIds.11` < `TargetIds.2`.
    let expected = [
        "/p/ListSynchronizationJobs?InstanceId=idaas_1&PageNumber=3&PageSize=100",
        "&TargetIds.1=idp_1&TargetIds.10=idp_10&TargetIds.11=idp_11",
        "&TargetIds.2=idp_2&TargetIds.3=idp_3&TargetIds.4=idp_4&TargetIds.5=idp_5",
        "&TargetIds.6=idp_6&TargetIds.7=idp_7&TargetIds.8=idp_8&TargetIds.9=idp_9",
    ]
    .concat();
    assert_eq!(encode_call("/p", &request).url, expected);
}

#[test]
fn unknown_enum_values_are_sent_as_given() {
    let request = ListSynchronizationJobsRequest {
        instance_id: s("idaas_1"),
        status: Some(JobStatus::Other("new state".to_owned())),
        ..ListSynchronizationJobsRequest::default()
    };
    assert_eq!(
        encode_call("/p", &request).url,
        "/p/ListSynchronizationJobs?InstanceId=idaas_1&Status=new%20state"
    );
}

#[test]
fn proxy_url_checks() {
    for good in [
        "https://console.example.com/eiam-proxy",
        "http://127.0.0.1:8787",
        "/eiam-proxy",
        "/",
    ] {
        assert_eq!(check_proxy_url(good), Ok(()), "{good}");
    }
    for (bad, needle) in [
        ("", "non-empty"),
        ("   ", "non-empty"),
        ("https://h/p?x=1", "query"),
        ("https://h/p#top", "fragment"),
        ("https://h/a b", "whitespace"),
        ("https://h/p\n", "whitespace"),
    ] {
        let error = check_proxy_url(bad).expect_err(bad);
        assert!(error.contains(needle), "{bad:?}: {error}");
    }
}
