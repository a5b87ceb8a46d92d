//! Tests of the RPC query codec. Every expected encoding here is written by
//! hand from the rules (RFC 3986, arrays from 1, byte-ordered keys), never
//! copied from the code's output.

use super::*;
use crate::model::{
    GetIdentityProviderUdPullConfigurationRequest, GetIdentityProviderUdPushConfigurationRequest,
    GetSynchronizationJobRequest, JobFilter, JobStatus, ListSynchronizationJobsRequest,
    SyncDirection, TargetType, MAX_SAFE_INTEGER,
};

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

/// A small deterministic generator (xorshift), so generated cases are the same
/// on every run.
struct Generator(u64);

impl Generator {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn text(&mut self) -> String {
        const PIECES: &[&str] = &[
            "a", "Z", "0", "-", "_", ".", "~", " ", "*", "&", "=", "+", "%", "%2A", "/", "?", "#",
            "é", "中", "😀", "\n", "\u{0}", ".1", "Key",
        ];
        let len = self.below(6);
        (0..len)
            .map(|_| PIECES[self.below(PIECES.len() as u64) as usize])
            .collect()
    }
    fn opt_text(&mut self) -> Option<String> {
        (self.below(3) != 0).then(|| self.text())
    }
    fn opt_number(&mut self) -> Option<u64> {
        match self.below(4) {
            0 => None,
            1 => Some(self.below(10)),
            2 => Some(MAX_SAFE_INTEGER - self.below(3)),
            _ => Some(self.next() & MAX_SAFE_INTEGER),
        }
    }
    fn texts(&mut self) -> Option<Vec<String>> {
        (self.below(3) != 0).then(|| (0..1 + self.below(12)).map(|_| self.text()).collect())
    }
}

#[test]
fn generated_requests_round_trip() {
    let mut g = Generator(0x9E37_79B9_7F4A_7C15);
    for _ in 0..2000 {
        let request = ListSynchronizationJobsRequest {
            instance_id: g.opt_text(),
            page_number: g.opt_number(),
            page_size: g.opt_number(),
            next_token: g.opt_text(),
            max_results: g.opt_number(),
            target_type: g.opt_text().map(|t| TargetType::from_wire(&t)),
            target_ids: g.texts(),
            start_time: g.opt_number(),
            end_time: g.opt_number(),
            direction: g.opt_text().map(|t| SyncDirection::from_wire(&t)),
            status: g.opt_text().map(|t| JobStatus::from_wire(&t)),
            filters: (g.below(3) != 0).then(|| {
                (0..1 + g.below(11))
                    .map(|_| JobFilter {
                        key: Some(g.text()),
                        values: g.texts(),
                    })
                    .collect()
            }),
        };
        let query = query_of(&request);
        assert_eq!(
            request_of::<ListSynchronizationJobsRequest>(&query).unwrap(),
            request,
            "{query}"
        );

        let job = GetSynchronizationJobRequest {
            instance_id: g.opt_text(),
            synchronization_job_id: g.opt_text(),
        };
        assert_eq!(
            request_of::<GetSynchronizationJobRequest>(&query_of(&job)).unwrap(),
            job
        );

        let push = GetIdentityProviderUdPushConfigurationRequest {
            instance_id: g.opt_text(),
            identity_provider_id: g.opt_text(),
        };
        assert_eq!(
            request_of::<GetIdentityProviderUdPushConfigurationRequest>(&query_of(&push)).unwrap(),
            push
        );

        let pull = GetIdentityProviderUdPullConfigurationRequest {
            instance_id: g.opt_text(),
            identity_provider_id: g.opt_text(),
        };
        assert_eq!(
            request_of::<GetIdentityProviderUdPullConfigurationRequest>(&query_of(&pull)).unwrap(),
            pull
        );
    }
}

/// Decodes, and when that succeeds re-encodes and decodes again; the request
/// must come back equal.
fn check_round_trip<R: RpcRequest + PartialEq + fmt::Debug>(params: &[(String, String)]) {
    if let Ok(request) = R::from_params(params) {
        let query = encode_query(&request.to_params());
        assert_eq!(request_of::<R>(&query).unwrap(), request, "{query}");
    }
}

#[test]
fn generated_queries_never_panic_and_accepted_ones_round_trip() {
    const PIECES: &[&str] = &[
        "&",
        "=",
        "%",
        "%2",
        "%41",
        "%FF",
        "%C3%A9",
        "+",
        "TargetIds.",
        "Filters.",
        ".Key",
        ".Values.",
        "1",
        "2",
        "0",
        "01",
        "99999999999",
        "InstanceId",
        "PageSize",
        "Status",
        "IdentityProviderId",
        "SynchronizationJobId",
        "x",
        "é",
        "9007199254740992",
    ];
    let mut g = Generator(42);
    let mut accepted = 0;
    for _ in 0..20_000 {
        let query: String = (0..g.below(16))
            .map(|_| PIECES[g.below(PIECES.len() as u64) as usize])
            .collect();
        let Ok(params) = decode_query(&query) else {
            continue;
        };
        accepted += usize::from(ListSynchronizationJobsRequest::from_params(&params).is_ok());
        check_round_trip::<ListSynchronizationJobsRequest>(&params);
        check_round_trip::<GetSynchronizationJobRequest>(&params);
        check_round_trip::<GetIdentityProviderUdPushConfigurationRequest>(&params);
        check_round_trip::<GetIdentityProviderUdPullConfigurationRequest>(&params);
    }
    assert!(
        accepted > 1000,
        "only {accepted} generated queries were accepted"
    );
}
