//! The error body reader: every field, fallbacks, and bodies that are not Alibaba Cloud errors.

use super::*;

#[test]
fn an_alibaba_error_body_gives_every_field() {
    let body = br#"{"RequestId":"0441BD79-92F3-53AA-8657-F8CE4A2B912A","HostId":"eiam.cn-hangzhou.aliyuncs.com","Code":"Throttling.User","Message":"Request was denied due to user flow control.","Recommend":"https://api.aliyun.com/troubleshoot?q=Throttling.User"}"#;
    let failure = read_error_body(429, body, Some("HEADER-ID"));
    assert_eq!(
        failure,
        ApiFailure {
            code: "Throttling.User".to_owned(),
            message: "Request was denied due to user flow control.".to_owned(),
            request_id: "0441BD79-92F3-53AA-8657-F8CE4A2B912A".to_owned(),
            http_status: 429,
            recommend: Some("https://api.aliyun.com/troubleshoot?q=Throttling.User".to_owned()),
            retryable: true,
        }
    );
}

#[test]
fn missing_parts_of_an_error_body_have_fallbacks() {
    let failure = read_error_body(
        404,
        br#"{"Code":"EntityNotExists.Instance"}"#,
        Some(" H-1 "),
    );
    assert_eq!(failure.code, "EntityNotExists.Instance");
    assert_eq!(
        failure.request_id, "H-1",
        "the x-acs-request-id header, trimmed"
    );
    assert_eq!(
        failure.message,
        "the service answered HTTP 404 EntityNotExists.Instance"
    );
    assert_eq!(failure.recommend, None);
    assert!(!failure.retryable);
    let failure = read_error_body(
        400,
        br#"{"Code":"InvalidParameter","Message":"","Recommend":""}"#,
        None,
    );
    assert_eq!(failure.request_id, "");
    assert_eq!(failure.recommend, None);
}

#[test]
fn a_body_that_is_not_an_error_object_is_an_http_error() {
    let html = read_error_body(
        502,
        b"<html><body>502 Bad Gateway</body></html>\n",
        Some("gw-1"),
    );
    assert_eq!(html.code, "HttpError");
    assert_eq!(html.http_status, 502);
    assert_eq!(html.request_id, "gw-1");
    assert!(html.retryable);
    assert_eq!(
        html.message,
        "HTTP 502 with a body that is not an Alibaba Cloud error: \"<html><body>502 Bad Gateway</body></html>\""
    );
    let empty = read_error_body(404, b"", None);
    assert_eq!(empty.code, "HttpError");
    assert_eq!(
        empty.message,
        "HTTP 404 with an empty body (not an Alibaba Cloud error)"
    );
    assert!(!empty.retryable);
    for body in [
        &br#"{"Code":7}"#[..],
        br#"{"Code":""}"#,
        b"[]",
        b"null",
        b"\xff\xfe",
    ] {
        assert_eq!(
            read_error_body(400, body, None).code,
            "HttpError",
            "{body:?}"
        );
    }
    let long = "x".repeat(500);
    let message = read_error_body(500, long.as_bytes(), None).message;
    assert!(message.ends_with("…\""), "{message}");
    assert!(message.len() < 250, "{message}");
}
