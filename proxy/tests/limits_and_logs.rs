//! Size, rate and time limits, upstream failures, and what the logs (at the
//! most verbose level) never contain.

mod harness;

use harness::{post, start_proxy, Emulator, ProxyOptions, TempDir};
use std::net::TcpListener;
use std::time::{Duration, Instant};

#[test]
fn an_oversized_body_gets_413_and_any_body_400() {
    let emulator = Emulator::start(&[]);
    let proxy = start_proxy(
        emulator.url(),
        ProxyOptions::default().args(&["--max-request-bytes", "1024"]),
    );
    let (instance, _, _) = emulator.first_instance();
    let url = format!(
        "{}/ListSynchronizationJobs?InstanceId={instance}",
        proxy.url
    );
    let before = emulator.count();
    let big = harness::client()
        .post(&url)
        .body("x".repeat(4096))
        .send()
        .expect("sent");
    assert_eq!(big.status().as_u16(), 413);
    let body: serde_json::Value = serde_json::from_str(&big.text().expect("body")).expect("json");
    assert_eq!(body["Code"], "RequestTooLarge");

    let small = harness::client()
        .post(&url)
        .body("InstanceId=x")
        .send()
        .expect("sent");
    assert_eq!(small.status().as_u16(), 400);
    assert_eq!(emulator.count(), before);
}

#[test]
fn an_overlong_query_gets_414() {
    let emulator = Emulator::start(&[]);
    let proxy = start_proxy(
        emulator.url(),
        ProxyOptions::default().args(&["--max-request-bytes", "1024"]),
    );
    let before = emulator.count();
    let long = "a".repeat(2000);
    let answer = post(
        &proxy.url,
        &format!("/ListSynchronizationJobs?InstanceId={long}"),
        &[],
    );
    assert_eq!(answer.status, 414, "{}", answer.body);
    assert_eq!(answer.code(), "RequestTooLarge");
    assert_eq!(emulator.count(), before);
}

#[test]
fn a_burst_over_the_rate_gets_429_with_retry_after() {
    let emulator = Emulator::start(&[]);
    let proxy = start_proxy(
        emulator.url(),
        ProxyOptions::default().args(&["--rate-limit", "2"]),
    );
    let (instance, _, _) = emulator.first_instance();
    let path = format!("/ListSynchronizationJobs?InstanceId={instance}&MaxResults=1");
    let answers: Vec<_> = (0..6).map(|_| post(&proxy.url, &path, &[])).collect();
    let ok = answers.iter().filter(|a| a.status == 200).count();
    let throttled: Vec<_> = answers.iter().filter(|a| a.status == 429).collect();
    assert!((1..=3).contains(&ok), "burst of 2 (plus refill): {ok}");
    let first = throttled.first().expect("a 429");
    assert_eq!(first.code(), "Throttling.Proxy");
    let retry_after: u64 = first
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .expect("Retry-After seconds");
    assert!(retry_after >= 1);
}

#[test]
fn an_upstream_slower_than_the_timeout_gets_504() {
    let emulator = Emulator::start(&["--latency-ms", "2000"]);
    let proxy = start_proxy(
        emulator.url(),
        ProxyOptions::default().args(&["--timeout-ms", "200"]),
    );
    let started = Instant::now();
    let answer = post(&proxy.url, "/ListSynchronizationJobs?InstanceId=x", &[]);
    assert_eq!(answer.status, 504, "{}", answer.body);
    assert_eq!(answer.code(), "Proxy.UpstreamTimeout");
    assert!(started.elapsed() < Duration::from_millis(1800));
}

#[test]
fn an_unreachable_upstream_gets_502() {
    let closed = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    let proxy = start_proxy(&format!("http://127.0.0.1:{port}"), ProxyOptions::default());
    let answer = post(&proxy.url, "/ListSynchronizationJobs?InstanceId=x", &[]);
    assert_eq!(answer.status, 502, "{}", answer.body);
    assert_eq!(answer.code(), "Proxy.UpstreamUnavailable");
    assert!(answer.json()["RequestId"]
        .as_str()
        .is_some_and(|id| id.len() == 36));
}

#[test]
fn trace_logs_contain_no_secret_token_or_signature() {
    const STS_TOKEN: &str = "sts-token-never-logged-7Q";
    const BEARER: &str = "bearer-token-never-logged-9Z";
    const WRONG_BEARER: &str = "wrong-bearer-never-logged-3K";
    let emulator = Emulator::start(&["--security-token", STS_TOKEN]);
    let dir = TempDir::new();
    let token_file = dir.write("token", BEARER);
    let proxy = start_proxy(
        emulator.url(),
        ProxyOptions::default()
            .env("RUST_LOG", "trace")
            .env("ALIBABA_CLOUD_SECURITY_TOKEN", STS_TOKEN)
            .args(&["--auth-token-file", &token_file.to_string_lossy()]),
    );
    let (instance, idp, _) = emulator.first_instance();
    let bearer = format!("Bearer {BEARER}");
    let ok = post(
        &proxy.url,
        &format!("/GetIdentityProviderUdPullConfiguration?InstanceId={instance}&IdentityProviderId={idp}"),
        &[("authorization", &bearer), ("cookie", "session=cookie-never-logged")],
    );
    assert_eq!(ok.status, 200, "{}", ok.body);
    let wrong = format!("Bearer {WRONG_BEARER}");
    assert_eq!(
        post(
            &proxy.url,
            "/ListSynchronizationJobs",
            &[("authorization", &wrong)]
        )
        .status,
        401
    );
    let refused = post(
        &proxy.url,
        "/DeleteUser?Signature=abc",
        &[("authorization", &bearer)],
    );
    assert_eq!(refused.status, 403);
    let signature = harness::recorded_headers(&emulator.last_request())["authorization"][0].clone();
    let signature_hex = signature
        .rsplit("Signature=")
        .next()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(signature_hex.len(), 64, "{signature}");

    let logs = proxy.stop();
    assert!(logs.contains("request_id"), "one line per request:\n{logs}");
    assert!(
        logs.contains("GetIdentityProviderUdPullConfiguration"),
        "{logs}"
    );
    for secret in [
        harness::EMULATOR_SECRET,
        STS_TOKEN,
        BEARER,
        WRONG_BEARER,
        "cookie-never-logged",
        "Signature=",
        signature_hex.as_str(),
        "ACS3-HMAC-SHA256",
    ] {
        assert!(
            !logs.contains(secret),
            "the logs contain {secret:?}:\n{logs}"
        );
    }
    let lines = logs.lines().filter(|l| l.contains("request_id")).count();
    assert!(lines >= 3, "a line per request:\n{logs}");
}
