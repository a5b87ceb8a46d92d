//! Sign → verify round trips and every refusal `verify` promises.

use acs3::{
    format_authorization, parse_authorization, sign, sign_with_headers, verify, Request,
    VerifyError, EMPTY_BODY_SHA256,
};

const ID: &str = "LTAI-test-id";
const SECRET: &str = "test-secret-value";

/// Query parameters or headers: `(name, value)` pairs.
type Pairs = Vec<(String, String)>;

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// The query and headers the proxy sends upstream.
fn upstream() -> (Pairs, Pairs) {
    let query = pairs(&[
        ("InstanceId", "idaas_abc"),
        ("Description", "é *~/&="),
        ("Empty", ""),
    ]);
    let headers = pairs(&[
        ("host", "eiam.cn-hangzhou.aliyuncs.com"),
        ("x-acs-action", "ListSynchronizationJobs"),
        ("x-acs-version", "2021-12-01"),
        ("x-acs-date", "2024-01-02T03:04:05Z"),
        ("x-acs-signature-nonce", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"),
        ("x-acs-content-sha256", EMPTY_BODY_SHA256),
        ("x-acs-security-token", "sts-token"),
    ]);
    (query, headers)
}

fn request<'a>(query: &'a [(String, String)], headers: &'a [(String, String)]) -> Request<'a> {
    Request {
        method: "POST",
        path: "/",
        query,
        headers,
        payload_sha256: EMPTY_BODY_SHA256,
    }
}

fn secret_for(id: &str) -> Option<String> {
    (id == ID).then(|| SECRET.to_owned())
}

fn signed_authorization() -> String {
    let (query, headers) = upstream();
    sign(&request(&query, &headers), ID, SECRET).authorization
}

#[test]
fn round_trip_verifies() {
    let (query, headers) = upstream();
    let authorization = signed_authorization();
    let verified = verify(&request(&query, &headers), &authorization, secret_for).expect("valid");
    assert_eq!(verified.access_key_id, ID);
    assert_eq!(
        verified.signed_headers,
        vec![
            "host",
            "x-acs-action",
            "x-acs-content-sha256",
            "x-acs-date",
            "x-acs-security-token",
            "x-acs-signature-nonce",
            "x-acs-version",
        ]
    );
}

#[test]
fn round_trip_through_the_wire_query_with_plus() {
    // The SDKs send a space as `+`; the verifier decodes it back to a space.
    let (query, headers) = upstream();
    let authorization = signed_authorization();
    let received =
        acs3::decode_query("Empty=&Description=%C3%A9+%2A~%2F%26%3D&InstanceId=idaas_abc")
            .expect("decodes");
    assert_eq!(received.len(), query.len());
    verify(&request(&received, &headers), &authorization, secret_for).expect("valid");
}

#[test]
fn header_case_order_and_whitespace_do_not_matter() {
    let (query, headers) = upstream();
    let authorization = signed_authorization();
    let mut received: Vec<(String, String)> = headers
        .iter()
        .rev()
        .map(|(k, v)| (k.to_ascii_uppercase(), format!("  {v} ")))
        .collect();
    received.push(("Accept".to_owned(), "application/json".to_owned()));
    verify(&request(&query, &received), &authorization, secret_for).expect("valid");
}

#[test]
fn wrong_secret_is_a_mismatch_carrying_the_string_to_sign() {
    let (query, headers) = upstream();
    let authorization = signed_authorization();
    let error = verify(&request(&query, &headers), &authorization, |_| {
        Some("another-secret".to_owned())
    })
    .expect_err("refused");
    match &error {
        VerifyError::SignatureMismatch { string_to_sign } => {
            assert!(string_to_sign.starts_with("ACS3-HMAC-SHA256\n"));
            assert_eq!(string_to_sign.len(), "ACS3-HMAC-SHA256\n".len() + 64);
        }
        other => panic!("unexpected {other:?}"),
    }
    let message = error.to_string();
    assert!(!message.contains("another-secret") && !message.contains(SECRET));
    let signature = parse_authorization(&authorization)
        .expect("valid")
        .signature;
    assert!(!message.contains(&signature));
}

#[test]
fn unknown_key_id_is_refused() {
    let (query, headers) = upstream();
    let authorization = signed_authorization().replace(ID, "LTAI-other");
    assert_eq!(
        verify(&request(&query, &headers), &authorization, secret_for),
        Err(VerifyError::UnknownAccessKeyId("LTAI-other".to_owned()))
    );
}

#[test]
fn tampered_query_value_is_a_mismatch() {
    let (mut query, headers) = upstream();
    let authorization = signed_authorization();
    query[0].1 = "idaas_other".to_owned();
    assert!(matches!(
        verify(&request(&query, &headers), &authorization, secret_for),
        Err(VerifyError::SignatureMismatch { .. })
    ));
}

#[test]
fn added_query_parameter_is_a_mismatch() {
    let (mut query, headers) = upstream();
    let authorization = signed_authorization();
    query.push(("InstanceId".to_owned(), "idaas_other".to_owned()));
    assert!(matches!(
        verify(&request(&query, &headers), &authorization, secret_for),
        Err(VerifyError::SignatureMismatch { .. })
    ));
}

#[test]
fn tampered_signed_header_is_a_mismatch() {
    let (query, mut headers) = upstream();
    let authorization = signed_authorization();
    headers[1].1 = "GetSynchronizationJob".to_owned();
    assert!(matches!(
        verify(&request(&query, &headers), &authorization, secret_for),
        Err(VerifyError::SignatureMismatch { .. })
    ));
}

#[test]
fn tampered_method_or_path_is_a_mismatch() {
    let (query, headers) = upstream();
    let authorization = signed_authorization();
    let mut req = request(&query, &headers);
    req.method = "GET";
    assert!(verify(&req, &authorization, secret_for).is_err());
    let mut req = request(&query, &headers);
    req.path = "/other";
    assert!(verify(&req, &authorization, secret_for).is_err());
}

#[test]
fn added_unsigned_acs_header_is_refused() {
    let (query, mut headers) = upstream();
    let authorization = signed_authorization();
    headers.push(("X-Acs-Extra".to_owned(), "1".to_owned()));
    assert_eq!(
        verify(&request(&query, &headers), &authorization, secret_for),
        Err(VerifyError::UnsignedHeader("x-acs-extra".to_owned()))
    );
}

#[test]
fn unsigned_host_is_refused() {
    let (query, headers) = upstream();
    let signed: Vec<String> = acs3::default_signed_headers(&headers)
        .into_iter()
        .filter(|name| name != "host")
        .collect();
    let authorization =
        sign_with_headers(&request(&query, &headers), &signed, ID, SECRET).authorization;
    assert_eq!(
        verify(&request(&query, &headers), &authorization, secret_for),
        Err(VerifyError::UnsignedHeader("host".to_owned()))
    );
}

#[test]
fn signed_header_missing_from_the_request_is_refused() {
    let (query, headers) = upstream();
    let parsed = parse_authorization(&signed_authorization()).expect("valid");
    let authorization = format_authorization(
        ID,
        &format!("content-type;{}", parsed.signed_headers.join(";")),
        &parsed.signature,
    );
    assert_eq!(
        verify(&request(&query, &headers), &authorization, secret_for),
        Err(VerifyError::MissingSignedHeader("content-type".to_owned()))
    );
}

#[test]
fn content_sha256_must_match_the_body() {
    let (query, headers) = upstream();
    let authorization = signed_authorization();
    let mut req = request(&query, &headers);
    let other = acs3::sha256_hex(b"a body");
    req.payload_sha256 = &other;
    assert_eq!(
        verify(&req, &authorization, secret_for),
        Err(VerifyError::ContentSha256Mismatch)
    );
}

#[test]
fn python_sdk_style_extra_signed_headers_are_accepted() {
    let (query, mut headers) = upstream();
    headers.extend(pairs(&[
        ("accept", "application/json"),
        ("user-agent", "AlibabaCloud (Linux) Python/3.12 TeaDSL/1"),
        ("x-acs-credentials-provider", "static_ak"),
    ]));
    let mut signed = acs3::default_signed_headers(&headers);
    signed.extend(["accept".to_owned(), "user-agent".to_owned()]);
    let req = request(&query, &headers);
    let authorization = sign_with_headers(&req, &signed, ID, SECRET).authorization;
    assert!(authorization.contains("SignedHeaders=accept;host;user-agent;x-acs-action;"));
    let verified = verify(&req, &authorization, secret_for).expect("valid");
    assert!(verified.signed_headers.contains(&"user-agent".to_owned()));

    // The extra signed headers really are covered.
    let mut changed = headers.clone();
    if let Some(agent) = changed.iter_mut().find(|(k, _)| k == "user-agent") {
        agent.1 = "curl/8".to_owned();
    }
    assert!(matches!(
        verify(&request(&query, &changed), &authorization, secret_for),
        Err(VerifyError::SignatureMismatch { .. })
    ));
}

#[test]
fn uppercase_signature_hex_is_accepted() {
    let (query, headers) = upstream();
    let parsed = parse_authorization(&signed_authorization()).expect("valid");
    let authorization = format_authorization(
        ID,
        &parsed.signed_headers.join(";"),
        &parsed.signature.to_ascii_uppercase(),
    );
    verify(&request(&query, &headers), &authorization, secret_for).expect("valid");
}

#[test]
fn malformed_authorizations_never_panic() {
    let (query, headers) = upstream();
    let req = request(&query, &headers);
    let valid = signed_authorization();
    let mut cut_points: Vec<usize> = valid.char_indices().map(|(i, _)| i).collect();
    cut_points.push(valid.len());
    for end in cut_points {
        let truncated = valid.get(..end).unwrap_or_default();
        let result = verify(&req, truncated, secret_for);
        if end < valid.len() {
            assert!(
                matches!(result, Err(VerifyError::MalformedAuthorization(_))),
                "accepted truncation at {end}"
            );
        } else {
            assert!(result.is_ok());
        }
        let tail = valid.get(end..).unwrap_or_default();
        assert!(verify(&req, tail, secret_for).is_err() || end == 0);
    }
}

#[test]
fn mutated_authorizations_never_panic_and_never_pass() {
    let (query, headers) = upstream();
    let req = request(&query, &headers);
    let valid = signed_authorization();
    let replacements = ['\0', ' ', ',', ';', '=', 'é', 'A', 'H', 'X', '0', 'f', '\n'];
    let signature_start = valid.find("Signature=").expect("present") + "Signature=".len();
    for (index, original) in valid.char_indices() {
        for &replacement in &replacements {
            if replacement == original {
                continue;
            }
            let mut mutated = String::with_capacity(valid.len() + 2);
            mutated.push_str(valid.get(..index).unwrap_or_default());
            mutated.push(replacement);
            mutated.push_str(valid.get(index + original.len_utf8()..).unwrap_or_default());
            let result = verify(&req, &mutated, secret_for);
            // A space after a comma is tolerated, and so is changing the case
            // of a hex digit of the signature; any other change is refused.
            let in_signature = index >= signature_start;
            let harmless = replacement == ' '
                && valid.get(..index).is_some_and(|s| s.ends_with(','))
                || (in_signature
                    && original.is_ascii_hexdigit()
                    && replacement.is_ascii_hexdigit()
                    && original.eq_ignore_ascii_case(&replacement));
            if !harmless {
                assert!(result.is_err(), "accepted {mutated:?}");
            }
        }
    }
}
