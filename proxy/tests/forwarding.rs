//! Proxy → emulator, both real processes on loopback: the four operations
//! with the emulator's signature check passing, filters, both paging styles,
//! a wrong key pair, and an STS token.

mod harness;

use eiam_sync::parse::{self, ParseOptions};
use harness::{post, recorded_headers, start_proxy, Emulator, ProxyOptions};
use std::collections::BTreeSet;

/// The ids of a list page's jobs.
fn job_ids(page: &serde_json::Value) -> Vec<String> {
    page["SynchronizationJobs"]
        .as_array()
        .expect("SynchronizationJobs")
        .iter()
        .map(|job| job["SynchronizationJobId"].as_str().expect("id").to_owned())
        .collect()
}

#[test]
fn all_four_operations_pass_the_emulators_signature_check() {
    let emulator = Emulator::start(&[]);
    let proxy = start_proxy(emulator.url(), ProxyOptions::default());
    let (instance, idp, jobs) = emulator.first_instance();
    assert!(jobs > 0, "the emulator has jobs");

    let list = post(
        &proxy.url,
        &format!("/ListSynchronizationJobs?InstanceId={instance}&MaxResults=100"),
        &[],
    );
    assert_eq!(list.status, 200, "{}", list.body);
    let parsed = parse::list_synchronization_jobs(list.body.as_bytes(), ParseOptions::default())
        .expect("the list parses");
    assert_eq!(
        parsed.total_count,
        Some(jobs),
        "TotalCount matches the catalog"
    );
    let first = parsed
        .synchronization_jobs
        .first()
        .expect("a job")
        .synchronization_job_id
        .clone();
    assert!(
        list.header("x-acs-request-id").is_some(),
        "request id relayed"
    );
    assert!(list
        .header("content-type")
        .is_some_and(|t| t.contains("json")));

    let recorded = emulator.last_request();
    assert_eq!(recorded["action"], "ListSynchronizationJobs");
    let headers = recorded_headers(&recorded);
    let authorization = &headers["authorization"][0];
    assert!(authorization.starts_with("ACS3-HMAC-SHA256 Credential=emulator-access-key-id,"));
    assert_eq!(headers["x-acs-version"], ["2021-12-01"]);
    assert_eq!(headers["host"], [emulator.process.addr.to_string()]);
    assert_eq!(
        headers["x-acs-content-sha256"],
        ["e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"]
    );
    let date = &headers["x-acs-date"][0];
    assert!(date.len() == 20 && date.ends_with('Z'), "{date}");

    let job = post(
        &proxy.url,
        &format!("/GetSynchronizationJob?InstanceId={instance}&SynchronizationJobId={first}"),
        &[],
    );
    assert_eq!(job.status, 200, "{}", job.body);
    let parsed = parse::get_synchronization_job(job.body.as_bytes(), ParseOptions::default())
        .expect("the job parses");
    assert_eq!(parsed.synchronization_job.synchronization_job_id, first);

    for action in [
        "GetIdentityProviderUdPushConfiguration",
        "GetIdentityProviderUdPullConfiguration",
    ] {
        let answer = post(
            &proxy.url,
            &format!("/{action}?InstanceId={instance}&IdentityProviderId={idp}"),
            &[],
        );
        assert_eq!(answer.status, 200, "{action}: {}", answer.body);
        let ok = if action.contains("Push") {
            parse::get_identity_provider_ud_push_configuration(
                answer.body.as_bytes(),
                ParseOptions::default(),
            )
            .is_ok()
        } else {
            parse::get_identity_provider_ud_pull_configuration(
                answer.body.as_bytes(),
                ParseOptions::default(),
            )
            .is_ok()
        };
        assert!(ok, "{action} parses: {}", answer.body);
    }

    let nonces: BTreeSet<String> = emulator.requests()["recent"]
        .as_array()
        .expect("recent")
        .iter()
        .map(|r| recorded_headers(r)["x-acs-signature-nonce"][0].clone())
        .collect();
    assert_eq!(nonces.len(), 4, "a fresh nonce per request");
}

#[test]
fn filters_and_plus_as_space_pass_through() {
    let emulator = Emulator::start(&[]);
    let proxy = start_proxy(emulator.url(), ProxyOptions::default());
    let (instance, idp, jobs) = emulator.first_instance();

    let by_status = post(
        &proxy.url,
        &format!("/ListSynchronizationJobs?InstanceId={instance}&Status=success&PageSize=100"),
        &[],
    )
    .json();
    for job in by_status["SynchronizationJobs"].as_array().expect("jobs") {
        assert_eq!(job["Status"], "success");
    }
    let success_total = by_status["TotalCount"].as_u64().expect("TotalCount");
    assert!(success_total <= jobs);

    let by_target = post(
        &proxy.url,
        &format!(
            "/ListSynchronizationJobs?InstanceId={instance}&TargetType=identity_provider&TargetIds.1={idp}&Direction=ingress&PageSize=100"
        ),
        &[],
    )
    .json();
    for job in by_target["SynchronizationJobs"].as_array().expect("jobs") {
        assert_eq!(job["TargetId"], idp.as_str());
        assert_eq!(job["Direction"], "ingress");
    }

    // `+` is a space and `%2B` a plus: the proxy re-encodes both canonically.
    let spaced = post(
        &proxy.url,
        &format!("/ListSynchronizationJobs?InstanceId={instance}&Status=no+such%2Bstatus"),
        &[],
    );
    let forwarded = emulator.last_request();
    assert_eq!(
        forwarded["query"].as_str().expect("query"),
        format!("InstanceId={instance}&Status=no%20such%2Bstatus")
    );
    assert!(
        spaced.status == 200 || spaced.status == 400,
        "{}",
        spaced.body
    );
}

#[test]
fn both_paging_styles_cover_every_job_once() {
    let emulator = Emulator::start(&[]);
    let proxy = start_proxy(
        emulator.url(),
        ProxyOptions::default().args(&["--rate-limit", "0"]),
    );
    let (instance, _, jobs) = emulator.first_instance();

    let mut by_token = Vec::new();
    let mut next: Option<String> = None;
    for _ in 0..1000 {
        let mut query = format!("/ListSynchronizationJobs?InstanceId={instance}&MaxResults=7");
        if let Some(token) = &next {
            query.push_str("&NextToken=");
            query.push_str(&eiam_sync::model::rpc::percent_encode(token));
        }
        let page = post(&proxy.url, &query, &[]);
        assert_eq!(page.status, 200, "{}", page.body);
        let page = page.json();
        by_token.extend(job_ids(&page));
        next = page["NextToken"]
            .as_str()
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
        if next.is_none() {
            break;
        }
    }
    let unique: BTreeSet<&String> = by_token.iter().collect();
    assert_eq!(unique.len(), by_token.len(), "no job twice");
    assert_eq!(by_token.len() as u64, jobs, "every job once");

    let mut by_number = Vec::new();
    for number in 1..=1000 {
        let page = post(
            &proxy.url,
            &format!(
                "/ListSynchronizationJobs?InstanceId={instance}&PageNumber={number}&PageSize=9"
            ),
            &[],
        )
        .json();
        let ids = job_ids(&page);
        if ids.is_empty() {
            break;
        }
        by_number.extend(ids);
    }
    let by_token_set: BTreeSet<String> = by_token.into_iter().collect();
    let by_number_set: BTreeSet<String> = by_number.into_iter().collect();
    assert_eq!(by_token_set, by_number_set);
}

#[test]
fn an_emulator_with_another_key_pair_refuses_and_the_answer_comes_back_unchanged() {
    let other_id = Emulator::start(&[
        "--access-key-id",
        "other-id",
        "--access-key-secret",
        "other-secret",
    ]);
    let proxy = start_proxy(other_id.url(), ProxyOptions::default());
    let (instance, _, _) = other_id.first_instance();
    let answer = post(
        &proxy.url,
        &format!("/ListSynchronizationJobs?InstanceId={instance}"),
        &[],
    );
    assert!(answer.status >= 400, "{}", answer.body);
    assert_eq!(
        answer.code(),
        "InvalidAccessKeyId.NotFound",
        "{}",
        answer.body
    );
    assert_ne!(
        answer.json()["HostId"],
        "eiam-sync-proxy",
        "the service's own answer"
    );
    assert_eq!(
        answer.header("x-acs-request-id").as_deref(),
        answer.json()["RequestId"].as_str()
    );

    let other_secret = Emulator::start(&["--access-key-secret", "other-secret"]);
    let proxy = start_proxy(other_secret.url(), ProxyOptions::default());
    let answer = post(
        &proxy.url,
        &format!("/ListSynchronizationJobs?InstanceId={instance}"),
        &[],
    );
    assert!(answer.status >= 400, "{}", answer.body);
    assert_eq!(answer.code(), "SignatureDoesNotMatch", "{}", answer.body);
}

#[test]
fn an_sts_token_is_sent_and_signed() {
    let token = "sts-token-for-the-emulator";
    let emulator = Emulator::start(&["--security-token", token]);
    let (instance, _, _) = emulator.first_instance();

    let without = start_proxy(emulator.url(), ProxyOptions::default());
    let refused = post(
        &without.url,
        &format!("/ListSynchronizationJobs?InstanceId={instance}"),
        &[],
    );
    assert!(
        refused.status >= 400,
        "the emulator insists on the token: {}",
        refused.body
    );

    let with = start_proxy(
        emulator.url(),
        ProxyOptions::default().env("ALIBABA_CLOUD_SECURITY_TOKEN", token),
    );
    let answer = post(
        &with.url,
        &format!("/ListSynchronizationJobs?InstanceId={instance}"),
        &[],
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    let headers = recorded_headers(&emulator.last_request());
    assert_eq!(headers["x-acs-security-token"], [token]);
    assert!(headers["authorization"][0].contains("x-acs-security-token"));
}

#[test]
fn the_services_throttling_answer_and_rate_limit_headers_come_back() {
    let emulator = Emulator::start(&["--throttle-rps", "1"]);
    let proxy = start_proxy(
        emulator.url(),
        ProxyOptions::default().args(&[
            "--rate-limit",
            "0",
            "--allow-origin",
            "http://127.0.0.1:8080",
        ]),
    );
    let (instance, _, _) = emulator.first_instance();
    let path = format!("/ListSynchronizationJobs?InstanceId={instance}&MaxResults=1");
    let answers: Vec<_> = (0..4)
        .map(|_| post(&proxy.url, &path, &[("origin", "http://127.0.0.1:8080")]))
        .collect();
    let throttled = answers
        .iter()
        .find(|a| a.status != 200)
        .expect("the emulator throttles a burst over 1 request/s");
    assert_eq!(throttled.code(), "Throttling.User", "{}", throttled.body);
    let limit = throttled
        .header("x-ratelimit-user")
        .expect("x-ratelimit-user relayed");
    assert!(limit.contains("TimeLeft:"), "{limit}");
    assert!(throttled
        .header("access-control-expose-headers")
        .is_some_and(|h| h.contains("x-ratelimit-user")));
}
