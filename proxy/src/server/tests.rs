use super::*;
use crate::cli::Args;
use crate::credentials::{Credentials, Source};
use clap::Parser;
use std::net::Ipv4Addr;

/// A state whose upstream is a port nobody listens on (nothing is ever sent
/// anywhere else).
async fn state(extra: &[&str]) -> AppState {
    let mut argv = vec!["eiam-sync-proxy", "--upstream-url", "http://127.0.0.1:9"];
    argv.extend_from_slice(extra);
    let config = Config::from_args(&Args::try_parse_from(argv).expect("args")).expect("config");
    let credentials =
        CredentialStore::new(Source::Env(Credentials::new("id", "secret", None, None)));
    credentials.refresh().await.expect("env credentials");
    AppState {
        forwarder: Forwarder::new(config.upstream.clone(), config.timeout).expect("client"),
        limiter: RateLimiter::new(0),
        credentials,
        config,
    }
}

async fn status_of(state: &AppState, method: &str, target: &str, headers: &[(&str, &[u8])]) -> u16 {
    let mut builder = axum::http::Request::builder().method(method).uri(target);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let request = builder.body(Body::empty()).expect("request");
    let peer = IpAddr::V4(Ipv4Addr::LOCALHOST);
    handle_request(state, peer, request).await.status().as_u16()
}

/// Method, target, headers, expected status.
type Case = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static [u8])],
    u16,
);

#[tokio::test]
async fn hostile_requests_get_refusals_not_panics() {
    let state = state(&[
        "--allow-origin",
        "https://ok.example",
        "--allow-instance",
        "idaas_a",
    ])
    .await;
    let cases: &[Case] = &[
        (
            "POST",
            "http://evil.example/GetSynchronizationJob?InstanceId=idaas_a",
            &[],
            400,
        ),
        (
            "POST",
            "/GetSynchronizationJob/../x?InstanceId=idaas_a",
            &[],
            400,
        ),
        ("POST", "/GetSynchronizationJob?InstanceId=%FF", &[], 400),
        (
            "POST",
            "/GetSynchronizationJob?InstanceId=idaas_a&Action=x",
            &[],
            400,
        ),
        (
            "POST",
            "/GetSynchronizationJob?InstanceId=idaas_b",
            &[],
            403,
        ),
        (
            "POST",
            "/GetSynchronizationJob?InstanceId=idaas_a",
            &[("origin", b"https://evil.example")],
            403,
        ),
        (
            "POST",
            "/GetSynchronizationJob?InstanceId=idaas_a",
            &[("origin", b"\xff\xfe")],
            403,
        ),
        (
            "POST",
            "/GetSynchronizationJob?InstanceId=idaas_a",
            &[("content-length", b"99999999999999999999")],
            413,
        ),
        (
            "POST",
            "/GetSynchronizationJob?InstanceId=idaas_a",
            &[("content-length", b"12x")],
            400,
        ),
        ("DELETE", "/GetSynchronizationJob", &[], 405),
        ("GET", "/healthz", &[], 200),
        ("GET", "/readyz", &[], 200),
        (
            "OPTIONS",
            "/anything",
            &[("origin", b"https://ok.example")],
            204,
        ),
        (
            "POST",
            "/GetSynchronizationJob?InstanceId=idaas_a",
            &[("authorization", b"\xff")],
            502,
        ),
    ];
    for (method, target, headers, expected) in cases {
        let status = status_of(&state, method, target, headers).await;
        assert_eq!(status, *expected, "{method} {target} {headers:?}");
    }
}

#[test]
fn logged_values_cannot_forge_lines() {
    assert_eq!(loggable(None), "-");
    assert_eq!(loggable(Some("alice")), "alice");
    assert_eq!(loggable(Some("a\nstatus=200\r")), "a\\nstatus=200\\r");
    let long = "x".repeat(500);
    assert_eq!(loggable(Some(&long)).chars().count(), MAX_LOGGED_CHARS + 1);
}
