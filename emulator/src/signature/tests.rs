use super::*;
use crate::clock::format_acs_date;

const NOW: u64 = 1_767_225_600_000;

fn credentials(token: Option<&str>) -> Credentials {
    Credentials {
        access_key_id: "ak".into(),
        access_key_secret: "secret".into(),
        security_token: token.map(str::to_owned),
    }
}

/// Headers of a request signed with `secret`, dated `date_ms`.
fn signed_headers(
    query: &str,
    nonce: &str,
    date_ms: u64,
    key_id: &str,
    secret: &str,
    extra: &[(&str, &str)],
) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = vec![
        ("host".into(), "127.0.0.1:9797".into()),
        ("x-acs-action".into(), "ListSynchronizationJobs".into()),
        ("x-acs-version".into(), "2021-12-01".into()),
        ("x-acs-date".into(), format_acs_date(date_ms)),
        ("x-acs-signature-nonce".into(), nonce.into()),
        (
            "x-acs-content-sha256".into(),
            acs3::EMPTY_BODY_SHA256.into(),
        ),
    ];
    headers.extend(extra.iter().map(|(n, v)| (n.to_string(), v.to_string())));
    let decoded = acs3::decode_query(query).unwrap();
    let request = acs3::Request {
        method: "POST",
        path: "/",
        query: &decoded,
        headers: &headers,
        payload_sha256: acs3::EMPTY_BODY_SHA256,
    };
    let signature = acs3::sign(&request, key_id, secret);
    headers.push(("authorization".into(), signature.authorization));
    headers
}

fn check(
    checker: &SignatureChecker,
    query: &str,
    headers: &[(String, String)],
) -> Result<(), ApiError> {
    checker.check(
        &ReceivedRequest {
            method: "POST",
            path: "/",
            raw_query: query,
            headers,
            body: b"",
        },
        NOW,
    )
}

fn code(result: Result<(), ApiError>) -> (u16, String) {
    let error = result.unwrap_err();
    (error.status.as_u16(), error.code)
}

#[test]
fn accepts_a_signed_request_once() {
    let checker = SignatureChecker::new(credentials(None));
    let query = "InstanceId=idaas_x&TargetIds.1=a%20b";
    let headers = signed_headers(query, "n1", NOW, "ak", "secret", &[]);
    check(&checker, query, &headers).unwrap();
    assert_eq!(
        code(check(&checker, query, &headers)),
        (400, "SignatureNonceUsed".into())
    );
}

#[test]
fn accepts_plus_for_space_and_extra_signed_headers() {
    let checker = SignatureChecker::new(credentials(None));
    let headers = signed_headers("InstanceId=a%20b", "n1", NOW, "ak", "secret", &[]);
    check(&checker, "InstanceId=a+b", &headers).unwrap();
}

#[test]
fn refuses_each_kind_of_bad_request() {
    let checker = SignatureChecker::new(credentials(None));
    let q = "InstanceId=idaas_x";
    type Case<'a> = (Vec<(String, String)>, &'a str, (u16, &'a str));
    let cases: Vec<Case> = vec![
        (
            signed_headers(q, "a", NOW, "ak", "wrong", &[]),
            q,
            (400, "SignatureDoesNotMatch"),
        ),
        (
            signed_headers(q, "b", NOW, "other", "secret", &[]),
            q,
            (404, "InvalidAccessKeyId.NotFound"),
        ),
        (
            signed_headers(q, "c", NOW - 16 * 60_000, "ak", "secret", &[]),
            q,
            (400, "InvalidTimeStamp.Expired"),
        ),
        (
            signed_headers(q, "d", NOW + 16 * 60_000, "ak", "secret", &[]),
            q,
            (400, "InvalidTimeStamp.Expired"),
        ),
        (
            signed_headers(q, "e", NOW, "ak", "secret", &[]),
            "InstanceId=idaas_y",
            (400, "SignatureDoesNotMatch"),
        ),
        (
            signed_headers(
                q,
                "f",
                NOW,
                "ak",
                "secret",
                &[("x-acs-security-token", "t")],
            ),
            q,
            (400, "InvalidSecurityToken.Mismatch"),
        ),
    ];
    for (headers, query, expected) in cases {
        assert_eq!(
            code(check(&checker, query, &headers)),
            (expected.0, expected.1.to_owned())
        );
    }
    // Within 15 minutes either way is fine.
    check(
        &checker,
        q,
        &signed_headers(q, "g", NOW - 14 * 60_000, "ak", "secret", &[]),
    )
    .unwrap();

    let mut unsigned = signed_headers(q, "h", NOW, "ak", "secret", &[]);
    unsigned.push(("x-acs-extra".into(), "1".into()));
    assert_eq!(
        code(check(&checker, q, &unsigned)),
        (400, "IncompleteSignature".into())
    );

    let mut missing = signed_headers(q, "i", NOW, "ak", "secret", &[]);
    missing.retain(|(n, _)| n != "authorization");
    assert_eq!(
        code(check(&checker, q, &missing)),
        (400, "MissingAuthorization".into())
    );

    let mut garbage = signed_headers(q, "j", NOW, "ak", "secret", &[]);
    garbage.retain(|(n, _)| n != "authorization");
    garbage.push(("authorization".into(), "Bearer xyz".into()));
    assert_eq!(
        code(check(&checker, q, &garbage)),
        (400, "IncompleteSignature".into())
    );

    let mut no_date = signed_headers(q, "k", NOW, "ak", "secret", &[]);
    no_date.retain(|(n, _)| n != "x-acs-date");
    // Dropping a signed header is caught by the signature check itself.
    assert_eq!(
        code(check(&checker, q, &no_date)),
        (400, "IncompleteSignature".into())
    );
}

#[test]
fn a_refused_request_does_not_burn_its_nonce() {
    let checker = SignatureChecker::new(credentials(None));
    let q = "InstanceId=idaas_x";
    let bad = signed_headers(q, "same", NOW, "ak", "wrong", &[]);
    assert!(check(&checker, q, &bad).is_err());
    check(
        &checker,
        q,
        &signed_headers(q, "same", NOW, "ak", "secret", &[]),
    )
    .unwrap();
}

#[test]
fn requires_the_configured_security_token() {
    let checker = SignatureChecker::new(credentials(Some("sts-token")));
    let q = "InstanceId=idaas_x";
    let without = signed_headers(q, "a", NOW, "ak", "secret", &[]);
    assert_eq!(
        code(check(&checker, q, &without)),
        (400, "InvalidSecurityToken.Mismatch".into())
    );
    let wrong = signed_headers(
        q,
        "b",
        NOW,
        "ak",
        "secret",
        &[("x-acs-security-token", "other")],
    );
    assert_eq!(
        code(check(&checker, q, &wrong)),
        (400, "InvalidSecurityToken.Mismatch".into())
    );
    let right = signed_headers(
        q,
        "c",
        NOW,
        "ak",
        "secret",
        &[("x-acs-security-token", "sts-token")],
    );
    check(&checker, q, &right).unwrap();
}

#[test]
fn nonce_memory_forgets_after_thirty_minutes_and_stays_bounded() {
    let mut memory = NonceMemory::default();
    assert!(memory.insert("n", 0));
    assert!(!memory.insert("n", NONCE_TTL_MS - 1));
    assert!(memory.insert("n", NONCE_TTL_MS + 1));
    for i in 0..(NONCE_CAPACITY + 10) {
        memory.insert(&i.to_string(), NONCE_TTL_MS + 2);
    }
    assert!(memory.order.len() <= NONCE_CAPACITY);
    assert_eq!(memory.order.len(), memory.seen.len());
}
