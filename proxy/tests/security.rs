//! The proxy's security rules, each its own test, against a real emulator
//! whose request log proves what did (not) reach the upstream.

mod harness;

use harness::{
    post, raw_request, raw_status, recorded_headers, start_proxy, Emulator, ProxyOptions, TempDir,
};

/// A valid call for the emulator's first instance and identity provider.
fn push_config_target(emulator: &Emulator) -> String {
    let (instance, idp, _) = emulator.first_instance();
    format!(
        "/GetIdentityProviderUdPushConfiguration?InstanceId={instance}&IdentityProviderId={idp}"
    )
}

#[test]
fn a_non_allowlisted_action_is_refused_and_never_reaches_the_upstream() {
    let emulator = Emulator::start(&[]);
    let proxy = start_proxy(
        emulator.url(),
        ProxyOptions::default().args(&["--allow-action", "GetSynchronizationJob"]),
    );
    let (instance, _, _) = emulator.first_instance();
    let before = emulator.count();
    for path in [
        format!("/ListSynchronizationJobs?InstanceId={instance}"),
        format!("/DeleteUser?InstanceId={instance}&UserId=u1"),
    ] {
        let answer = post(&proxy.url, &path, &[]);
        assert_eq!(answer.status, 403, "{path}: {}", answer.body);
        assert_eq!(answer.code(), "Forbidden.ActionNotAllowed");
        let body = answer.json();
        assert_eq!(body["HostId"], "eiam-sync-proxy");
        assert_eq!(
            answer.header("x-acs-request-id").as_deref(),
            body["RequestId"].as_str()
        );
        assert!(body["Recommend"].is_string() && body["Message"].is_string());
    }
    assert_eq!(emulator.count(), before, "nothing reached the upstream");
}

#[test]
fn a_hostile_host_header_cannot_change_the_upstream() {
    let emulator = Emulator::start(&[]);
    let proxy = start_proxy(emulator.url(), ProxyOptions::default());
    let target = push_config_target(&emulator);
    let answer = raw_request(
        proxy.addr,
        &format!("POST {target} HTTP/1.1\r\nHost: evil.example\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    );
    assert_eq!(raw_status(&answer), 200, "{answer}");
    let headers = recorded_headers(&emulator.last_request());
    assert_eq!(headers["host"], [emulator.process.addr.to_string()]);

    let before = emulator.count();
    let twice = raw_request(
        proxy.addr,
        &format!(
            "POST {target} HTTP/1.1\r\nHost: evil.example\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            proxy.addr
        ),
    );
    let status = raw_status(&twice);
    if status == 200 {
        let headers = recorded_headers(&emulator.last_request());
        assert_eq!(headers["host"], [emulator.process.addr.to_string()]);
    } else {
        assert!((400..500).contains(&status), "{twice}");
        assert_eq!(emulator.count(), before);
    }
}

#[test]
fn an_absolute_form_target_is_refused() {
    let emulator = Emulator::start(&[]);
    let proxy = start_proxy(emulator.url(), ProxyOptions::default());
    let target = push_config_target(&emulator);
    let before = emulator.count();
    for absolute in [
        format!("http://evil.example{target}"),
        format!("http://{}{target}", emulator.process.addr),
        format!("http://{}{target}", proxy.addr),
    ] {
        let answer = raw_request(
            proxy.addr,
            &format!("POST {absolute} HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", proxy.addr),
        );
        assert_eq!(raw_status(&answer), 400, "{absolute}: {answer}");
        assert!(answer.contains("InvalidParameter"), "{answer}");
    }
    assert_eq!(emulator.count(), before);
}

#[test]
fn dot_segments_and_encoded_slashes_or_dots_are_refused() {
    let emulator = Emulator::start(&[]);
    let proxy = start_proxy(emulator.url(), ProxyOptions::default());
    let (instance, idp, _) = emulator.first_instance();
    let query = format!("InstanceId={instance}&IdentityProviderId={idp}");
    let before = emulator.count();
    for path in [
        "/../GetIdentityProviderUdPushConfiguration",
        "/x/../GetIdentityProviderUdPushConfiguration",
        "/GetIdentityProviderUdPushConfiguration/..",
        "/GetIdentityProviderUdPushConfiguration/../DeleteUser",
        "/%2E%2E/GetIdentityProviderUdPushConfiguration",
        "/%2e%2e%2fGetIdentityProviderUdPushConfiguration",
        "/Get%2FIdentityProviderUdPushConfiguration",
        "/GetIdentityProviderUdPushConfiguration%2F..%2FDeleteUser",
        "/GetIdentityProviderUdPushConfiguration%2E",
        "//GetIdentityProviderUdPushConfiguration",
        "/./GetIdentityProviderUdPushConfiguration",
    ] {
        let answer = raw_request(
            proxy.addr,
            &format!("POST {path}?{query} HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", proxy.addr),
        );
        assert_eq!(raw_status(&answer), 400, "{path}: {answer}");
        assert!(answer.contains("InvalidParameter"), "{answer}");
    }
    assert_eq!(emulator.count(), before, "nothing reached the upstream");
}

#[test]
fn client_acs_authorization_and_cookie_headers_never_reach_the_upstream() {
    let emulator = Emulator::start(&[]);
    let proxy = start_proxy(emulator.url(), ProxyOptions::default());
    let target = push_config_target(&emulator);
    let answer = post(
        &proxy.url,
        &target,
        &[
            ("x-acs-action", "DeleteUser"),
            ("x-acs-version", "1999-01-01"),
            ("x-acs-security-token", "client-token"),
            ("x-acs-custom", "client-custom"),
            ("authorization", "Bearer client-authorization"),
            ("cookie", "session=client-cookie"),
            ("x-forwarded-host", "client-forwarded.example"),
            ("user-agent", "client-agent"),
        ],
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    let recorded = emulator.last_request();
    assert_eq!(recorded["action"], "GetIdentityProviderUdPushConfiguration");
    let headers = recorded_headers(&recorded);
    assert_eq!(headers["x-acs-version"], ["2021-12-01"]);
    assert!(headers["authorization"][0].starts_with("ACS3-HMAC-SHA256 "));
    for name in [
        "cookie",
        "x-acs-custom",
        "x-acs-security-token",
        "x-forwarded-host",
    ] {
        assert!(!headers.contains_key(name), "{name} was forwarded");
    }
    for (name, values) in &headers {
        for value in values {
            assert!(
                !value.contains("client-"),
                "{name}: {value} came from the client"
            );
        }
    }
}

#[test]
fn reserved_and_repeated_query_keys_are_refused() {
    let emulator = Emulator::start(&[]);
    let allowed_instance = emulator.first_instance().0;
    let proxy = start_proxy(
        emulator.url(),
        ProxyOptions::default().args(&["--allow-instance", &allowed_instance]),
    );
    let before = emulator.count();
    let base = format!("/ListSynchronizationJobs?InstanceId={allowed_instance}");
    for extra in [
        "&Action=DeleteUser",
        "&action=DeleteUser",
        "&Version=2017-01-01",
        "&Signature=abc",
        "&SignatureNonce=1",
        "&signaturemethod=x",
        "&AccessKeyId=x",
        "&SecurityToken=x",
        "&Timestamp=2020-01-01T00:00:00Z",
        "&Format=XML",
        "&InstanceId=idaas_other",
        &format!("&InstanceId={allowed_instance}"),
        "&PageSize=1&PageSize=2",
        "&instanceid=idaas_other",
    ] {
        let answer = post(&proxy.url, &format!("{base}{extra}"), &[]);
        assert_eq!(answer.status, 400, "{extra}: {}", answer.body);
        assert_eq!(answer.code(), "InvalidParameter", "{extra}");
    }
    let other = post(
        &proxy.url,
        "/ListSynchronizationJobs?InstanceId=idaas_other",
        &[],
    );
    assert_eq!(other.status, 403);
    assert_eq!(other.code(), "Forbidden.InstanceNotAllowed");
    assert_eq!(emulator.count(), before, "nothing reached the upstream");
}

#[test]
fn a_foreign_origin_is_refused_an_allowed_one_gets_cors_and_preflight_is_answered() {
    let emulator = Emulator::start(&[]);
    let allowed = "http://console.localhost:5173";
    let proxy = start_proxy(
        emulator.url(),
        ProxyOptions::default().args(&[
            "--allow-origin",
            allowed,
            "--allow-credentials",
            "--trusted-user-header",
            "X-Forwarded-User",
        ]),
    );
    let target = push_config_target(&emulator);
    let user = ("x-forwarded-user", "alice");
    let before = emulator.count();
    let foreign = post(
        &proxy.url,
        &target,
        &[("origin", "https://evil.example"), user],
    );
    assert_eq!(foreign.status, 403);
    assert_eq!(foreign.code(), "Forbidden.OriginNotAllowed");
    assert!(foreign.header("access-control-allow-origin").is_none());
    // Refused before anything else: even an unauthenticated call gets this answer.
    let anonymous = post(&proxy.url, &target, &[("origin", "https://evil.example")]);
    assert_eq!(anonymous.code(), "Forbidden.OriginNotAllowed");
    assert_eq!(emulator.count(), before);

    let ok = post(&proxy.url, &target, &[("origin", allowed), user]);
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(
        ok.header("access-control-allow-origin").as_deref(),
        Some(allowed)
    );
    assert_eq!(
        ok.header("access-control-allow-credentials").as_deref(),
        Some("true")
    );
    assert!(ok
        .header("vary")
        .is_some_and(|v| v.to_ascii_lowercase().contains("origin")));
    let exposed = ok
        .header("access-control-expose-headers")
        .unwrap_or_default();
    for name in [
        "x-ratelimit-user-api",
        "x-ratelimit-user",
        "x-acs-request-id",
    ] {
        assert!(exposed.contains(name), "{exposed}");
    }

    let preflight = harness::client()
        .request(reqwest::Method::OPTIONS, format!("{}{target}", proxy.url))
        .header("origin", allowed)
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization, x-forwarded-user",
        )
        .send()
        .expect("preflight");
    assert_eq!(preflight.status().as_u16(), 204);
    let header = |name: &str| {
        preflight
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    assert_eq!(header("access-control-allow-origin"), allowed);
    assert!(header("access-control-allow-methods").contains("post"));
    assert!(header("access-control-allow-headers").contains("authorization"));
    assert!(header("access-control-allow-headers").contains("x-forwarded-user"));
    assert!(!header("access-control-max-age").is_empty());

    let foreign_preflight = harness::client()
        .request(reqwest::Method::OPTIONS, format!("{}{target}", proxy.url))
        .header("origin", "https://evil.example")
        .header("access-control-request-method", "POST")
        .send()
        .expect("preflight");
    assert_eq!(foreign_preflight.status().as_u16(), 403);
}

#[test]
fn a_missing_or_wrong_bearer_token_is_refused() {
    let emulator = Emulator::start(&[]);
    let dir = TempDir::new();
    let token_file = dir.write("token", "the-right-token\n");
    let proxy = start_proxy(
        emulator.url(),
        ProxyOptions::default().args(&["--auth-token-file", &token_file.to_string_lossy()]),
    );
    let target = push_config_target(&emulator);
    let before = emulator.count();
    for headers in [
        &[][..],
        &[("authorization", "Bearer the-wrong-token")][..],
        &[("authorization", "the-right-token")][..],
        &[("authorization", "Basic dGhlLXJpZ2h0LXRva2Vu")][..],
    ] {
        let answer = post(&proxy.url, &target, headers);
        assert_eq!(answer.status, 401, "{headers:?}: {}", answer.body);
        assert_eq!(answer.code(), "Unauthorized");
        assert!(!answer.body.contains("token-"), "{}", answer.body);
    }
    assert_eq!(emulator.count(), before);
    let ok = post(
        &proxy.url,
        &target,
        &[("authorization", "Bearer the-right-token")],
    );
    assert_eq!(ok.status, 200, "{}", ok.body);
    let headers = recorded_headers(&emulator.last_request());
    assert!(headers["authorization"][0].starts_with("ACS3-HMAC-SHA256 "));
}
