//! The four operations over HTTP, with filters and both paging styles.

mod common;

use common::{Call, Emulator};
use eiam_sync::model::SynchronizationJob;
use eiam_sync::parse::{self, ParseOptions};
use serde_json::Value;
use std::collections::HashSet;

const STRICT: ParseOptions = ParseOptions { strict: true };

/// Every job of the instance, by walking token pages of 100.
fn all_jobs(emulator: &Emulator, instance: &str) -> Vec<SynchronizationJob> {
    walk_tokens(emulator, &[("InstanceId", instance)], "100").0
}

/// Walks token-style pages; returns the jobs and every page's TotalCount.
fn walk_tokens(
    emulator: &Emulator,
    params: &[(&str, &str)],
    max_results: &str,
) -> (Vec<SynchronizationJob>, Vec<u64>) {
    let client = emulator.client();
    let mut jobs = Vec::new();
    let mut totals = Vec::new();
    let mut token: Option<String> = None;
    for _ in 0..1000 {
        let mut query: Vec<(&str, &str)> = params.to_vec();
        query.push(("MaxResults", max_results));
        if let Some(token) = &token {
            query.push(("NextToken", token));
        }
        let reply = client.call("ListSynchronizationJobs", &query);
        assert_eq!(
            reply.status,
            200,
            "{}",
            String::from_utf8_lossy(reply.bytes())
        );
        let page = parse::list_synchronization_jobs(reply.bytes(), STRICT).unwrap();
        assert_eq!(page.request_id.as_deref(), reply.header("x-acs-request-id"));
        totals.push(page.total_count.unwrap());
        jobs.extend(page.synchronization_jobs);
        match page.next_token {
            Some(next) => token = Some(next),
            None => return (jobs, totals),
        }
    }
    panic!("paging never ended");
}

#[test]
fn serves_the_four_operations() {
    let emulator = Emulator::start(&[]);
    let client = emulator.client();
    let (instance, providers) = emulator.first_instance();
    assert_eq!(providers.len(), 4);

    let reply = client.call("ListSynchronizationJobs", &[("InstanceId", &instance)]);
    assert_eq!(reply.status, 200);
    let page = parse::list_synchronization_jobs(reply.bytes(), STRICT).unwrap();
    assert_eq!(page.synchronization_jobs.len(), 20, "default page size");
    assert_eq!(page.total_count, Some(500));
    assert_eq!(page.next_token, None, "page-number style has no token");
    assert_eq!(
        reply.header("content-type"),
        Some("application/json;charset=utf-8")
    );

    for listed in page.synchronization_jobs.iter().take(5) {
        let reply = client.call(
            "GetSynchronizationJob",
            &[
                ("InstanceId", &instance),
                ("SynchronizationJobId", &listed.synchronization_job_id),
            ],
        );
        assert_eq!(reply.status, 200);
        let job = parse::get_synchronization_job(reply.bytes(), STRICT).unwrap();
        assert_eq!(&job.synchronization_job, listed);
        assert_eq!(job.request_id.as_deref(), reply.header("x-acs-request-id"));
    }

    let mut shapes = HashSet::new();
    for provider in &providers {
        let params = [
            ("InstanceId", instance.as_str()),
            ("IdentityProviderId", provider.as_str()),
        ];
        let push = client.call("GetIdentityProviderUdPushConfiguration", &params);
        assert_eq!(push.status, 200);
        let parsed =
            parse::get_identity_provider_ud_push_configuration(push.bytes(), STRICT).unwrap();
        assert_eq!(
            parsed.ud_push_configuration.identity_provider_id.as_ref(),
            Some(provider)
        );
        shapes.insert(shape(&push.json()["UdPushConfiguration"]));

        let pull = client.call("GetIdentityProviderUdPullConfiguration", &params);
        assert_eq!(pull.status, 200);
        let parsed =
            parse::get_identity_provider_ud_pull_configuration(pull.bytes(), STRICT).unwrap();
        assert_eq!(
            parsed.ud_pull_configuration.instance_id.as_ref(),
            Some(&instance)
        );
        shapes.insert(shape(&pull.json()["UdPullConfiguration"]));
    }
    let expected: HashSet<&str> =
        ["integer", "integer array", "string array", "comma string"].into();
    assert_eq!(shapes, expected);
}

fn shape(configuration: &Value) -> &'static str {
    match &configuration["PeriodicSyncConfig"]["PeriodicSyncTimes"] {
        Value::Number(_) => "integer",
        Value::String(_) => "comma string",
        Value::Array(items) if items.iter().all(Value::is_string) => "string array",
        Value::Array(_) => "integer array",
        other => panic!("unexpected PeriodicSyncTimes {other}"),
    }
}

#[test]
fn both_paging_styles_walk_the_whole_set() {
    let emulator = Emulator::start(&["--jobs", "237"]);
    let (instance, _) = emulator.first_instance();

    let (by_token, totals) = walk_tokens(&emulator, &[("InstanceId", &instance)], "17");
    assert_eq!(by_token.len(), 237);
    assert!(totals.iter().all(|&t| t == 237));
    assert_eq!(totals.len(), 237usize.div_ceil(17));
    let ids: HashSet<_> = by_token
        .iter()
        .map(|j| j.synchronization_job_id.clone())
        .collect();
    assert_eq!(ids.len(), 237, "no duplicates");
    let starts: Vec<u64> = by_token.iter().map(|j| j.start_time.unwrap()).collect();
    assert!(starts.windows(2).all(|w| w[0] >= w[1]), "newest first");

    let client = emulator.client();
    let mut by_number = Vec::new();
    for page in 1.. {
        let number = page.to_string();
        let reply = client.call(
            "ListSynchronizationJobs",
            &[
                ("InstanceId", &instance),
                ("PageSize", "50"),
                ("PageNumber", &number),
            ],
        );
        let parsed = parse::list_synchronization_jobs(reply.bytes(), STRICT).unwrap();
        assert_eq!(parsed.total_count, Some(237));
        assert_eq!(parsed.next_token, None);
        if parsed.synchronization_jobs.is_empty() {
            assert_eq!(page, 6);
            break;
        }
        by_number.extend(parsed.synchronization_jobs);
    }
    assert_eq!(by_number, by_token, "same jobs, same order");
}

#[test]
fn token_style_wins_and_page_sizes_are_checked() {
    let emulator = Emulator::start(&[]);
    let client = emulator.client();
    let (instance, _) = emulator.first_instance();
    let list = |params: &[(&str, &str)]| {
        let mut query = vec![("InstanceId", instance.as_str())];
        query.extend_from_slice(params);
        client.call("ListSynchronizationJobs", &query)
    };

    let first = parse::list_synchronization_jobs(list(&[]).bytes(), STRICT).unwrap();
    // MaxResults present: PageSize and PageNumber are ignored.
    let reply = list(&[("MaxResults", "5"), ("PageSize", "50"), ("PageNumber", "3")]);
    let page = parse::list_synchronization_jobs(reply.bytes(), STRICT).unwrap();
    assert_eq!(
        page.synchronization_jobs[..],
        first.synchronization_jobs[..5]
    );
    assert!(page.next_token.is_some());
    // An empty NextToken is the first page, token style.
    let reply = list(&[("NextToken", ""), ("PageNumber", "4")]);
    let page = parse::list_synchronization_jobs(reply.bytes(), STRICT).unwrap();
    assert_eq!(page.synchronization_jobs, first.synchronization_jobs);
    assert!(page.next_token.is_some());

    let reply = list(&[("MaxResults", "100")]);
    assert_eq!(reply.status, 200);
    for (params, name) in [
        (&[("MaxResults", "101")][..], "MaxResults"),
        (&[("MaxResults", "0")], "MaxResults"),
        (&[("PageSize", "0")], "PageSize"),
        (&[("PageSize", "1000")], "PageSize"),
        (&[("PageNumber", "0")], "PageNumber"),
        (&[("PageSize", "ten")], "PageSize"),
        (&[("Status", "exploded")], "Status"),
        (&[("Bogus", "1")], "Bogus"),
    ] {
        let message = list(params).expect_error(400, "InvalidParameter");
        assert!(message.contains(name), "{message}");
    }
    // Ignored in token style, so not checked either.
    assert_eq!(
        list(&[("MaxResults", "3"), ("PageSize", "1000")]).status,
        200
    );
}

#[test]
fn next_tokens_are_checked() {
    let emulator = Emulator::start(&[]);
    let client = emulator.client();
    let (instance, _) = emulator.first_instance();
    let reply = client.call(
        "ListSynchronizationJobs",
        &[
            ("InstanceId", &instance),
            ("MaxResults", "10"),
            ("Status", "success"),
        ],
    );
    let token = parse::list_synchronization_jobs(reply.bytes(), STRICT)
        .unwrap()
        .next_token
        .unwrap();

    let mut tampered = token.clone().into_bytes();
    tampered[5] = if tampered[5] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(tampered).unwrap();
    for (status_filter, token) in [
        ("success", tampered.as_str()),
        ("failed", &token),
        ("success", "garbage"),
    ] {
        let reply = client.call(
            "ListSynchronizationJobs",
            &[
                ("InstanceId", &instance),
                ("NextToken", token),
                ("Status", status_filter),
            ],
        );
        reply.expect_error(400, "InvalidParameter.NextToken");
    }
    // The genuine token with the same filters works, with another page size too.
    let reply = client.call(
        "ListSynchronizationJobs",
        &[
            ("InstanceId", &instance),
            ("NextToken", &token),
            ("Status", "success"),
            ("MaxResults", "3"),
        ],
    );
    assert_eq!(reply.status, 200);
}

#[test]
fn filters_select_and_count() {
    let emulator = Emulator::start(&[]);
    let (instance, providers) = emulator.first_instance();
    let everything = all_jobs(&emulator, &instance);
    assert_eq!(everything.len(), 500);
    let middle = everything[250].start_time.unwrap();
    let later = everything[100].start_time.unwrap();
    let middle_text = middle.to_string();
    let later_text = later.to_string();

    type Check = Box<dyn Fn(&SynchronizationJob) -> bool>;
    let p0 = providers[0].clone();
    let p1 = providers[1].clone();
    let cases: Vec<(Vec<(&str, &str)>, Check)> = vec![
        (
            vec![("Status", "failed")],
            Box::new(|j| j.status.as_ref().unwrap().as_str() == "failed"),
        ),
        (
            vec![("Direction", "ingress")],
            Box::new(|j| j.direction.as_ref().unwrap().as_str() == "ingress"),
        ),
        (
            vec![("TargetType", "application")],
            Box::new(|j| j.target_type.as_ref().unwrap().as_str() == "application"),
        ),
        (
            vec![
                ("TargetIds.1", &providers[0]),
                ("TargetIds.2", &providers[1]),
            ],
            Box::new(move |j| {
                let t = j.target_id.as_ref().unwrap();
                *t == p0 || *t == p1
            }),
        ),
        (
            vec![("StartTime", &middle_text)],
            Box::new(move |j| j.start_time.unwrap() >= middle),
        ),
        (
            vec![("EndTime", &middle_text)],
            Box::new(move |j| j.start_time.unwrap() <= middle),
        ),
        (
            vec![
                ("StartTime", &middle_text),
                ("EndTime", &later_text),
                ("Direction", "egress"),
            ],
            Box::new(move |j| {
                let s = j.start_time.unwrap();
                s >= middle && s <= later && j.direction.as_ref().unwrap().as_str() == "egress"
            }),
        ),
        (
            vec![("Status", "running"), ("TargetType", "user")],
            Box::new(|_| false),
        ),
    ];
    for (filters, keep) in cases {
        let expected: Vec<SynchronizationJob> =
            everything.iter().filter(|j| keep(j)).cloned().collect();
        let mut params = vec![("InstanceId", instance.as_str())];
        params.extend(filters.iter().copied());
        let (jobs, totals) = walk_tokens(&emulator, &params, "30");
        assert_eq!(jobs, expected, "{filters:?}");
        assert!(
            totals.iter().all(|&t| t as usize == expected.len()),
            "{filters:?}"
        );
        let selects_nothing = filters.contains(&("TargetType", "user"));
        assert_eq!(expected.is_empty(), selects_nothing, "{filters:?}");
    }
}

#[test]
fn honours_a_security_token() {
    let emulator = Emulator::start(&["--security-token", "sts-token-value"]);
    let client = emulator.client();
    let (instance, _) = emulator.first_instance();
    let params = [("InstanceId", instance.as_str())];

    let plain = Call::new("ListSynchronizationJobs", &params);
    client
        .send(&plain)
        .expect_error(400, "InvalidSecurityToken.Mismatch");

    let mut signed = Call::new("ListSynchronizationJobs", &params);
    signed
        .extra
        .push(("x-acs-security-token".into(), "sts-token-value".into()));
    assert_eq!(client.send(&signed).status, 200);

    let mut unsigned = Call::new("ListSynchronizationJobs", &params);
    unsigned
        .unsigned_extra
        .push(("x-acs-security-token".into(), "sts-token-value".into()));
    let message = client
        .send(&unsigned)
        .expect_error(400, "IncompleteSignature");
    assert!(message.contains("x-acs-security-token"), "{message}");
}
