use super::*;
use crate::config::parse_upstream;

fn upstream() -> Upstream {
    parse_upstream("http://127.0.0.1:9797").expect("loopback upstream")
}

fn params(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn header<'a>(signed: &'a SignedRequest, name: &str) -> Option<&'a str> {
    signed
        .headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

#[test]
fn date_format() {
    let time = time::OffsetDateTime::from_unix_timestamp(1_698_315_752).expect("time");
    assert_eq!(acs_date(time), "2023-10-26T10:22:32Z");
}

#[test]
fn signed_request_verifies_and_sends_the_canonical_query() {
    let credentials = Credentials::new("AKID", "SECRET", None, None);
    let query = params(&[("InstanceId", "idaas_1"), ("TargetIds.1", "a b*~")]);
    let signed = sign_request(
        &upstream(),
        "ListSynchronizationJobs",
        &query,
        &credentials,
        "2023-10-26T10:22:32Z",
        "nonce-1",
    );
    assert_eq!(
        signed.url,
        "http://127.0.0.1:9797/?InstanceId=idaas_1&TargetIds.1=a%20b%2A~"
    );
    assert_eq!(header(&signed, "host"), Some("127.0.0.1:9797"));
    assert_eq!(
        header(&signed, "x-acs-action"),
        Some("ListSynchronizationJobs")
    );
    assert_eq!(header(&signed, "x-acs-version"), Some(API_VERSION));
    assert_eq!(header(&signed, "x-acs-security-token"), None);
    let authorization = header(&signed, "authorization").expect("signed");
    assert!(authorization.starts_with("ACS3-HMAC-SHA256 Credential=AKID,"));
    assert!(authorization.contains(
        "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
    ));

    // What the emulator does: decode the sent query and verify.
    let sent_query = signed
        .url
        .split_once('?')
        .map(|(_, q)| q)
        .unwrap_or_default();
    let decoded = acs3::decode_query(sent_query).expect("decodes");
    let received: Vec<(String, String)> = signed
        .headers
        .iter()
        .filter(|(n, _)| n != "authorization")
        .cloned()
        .collect();
    let request = acs3::Request {
        method: "POST",
        path: "/",
        query: &decoded,
        headers: &received,
        payload_sha256: acs3::EMPTY_BODY_SHA256,
    };
    let verified = acs3::verify(&request, authorization, |id| {
        (id == "AKID").then(|| "SECRET".to_owned())
    });
    assert!(verified.is_ok(), "{verified:?}");
    let wrong = acs3::verify(&request, authorization, |_| Some("OTHER".to_owned()));
    assert!(wrong.is_err());
}

#[test]
fn the_sts_token_is_sent_and_signed() {
    let credentials = Credentials::new("STS.ID", "SECRET", Some("TOKEN"), None);
    let signed = sign_request(
        &upstream(),
        "GetSynchronizationJob",
        &[],
        &credentials,
        "d",
        "n",
    );
    assert_eq!(signed.url, "http://127.0.0.1:9797/");
    assert_eq!(header(&signed, "x-acs-security-token"), Some("TOKEN"));
    let authorization = header(&signed, "authorization").unwrap_or_default();
    assert!(
        authorization.contains("x-acs-security-token"),
        "{authorization}"
    );
}

#[test]
fn the_real_endpoint_host_has_no_port() {
    let real = parse_upstream("https://eiam.cn-hangzhou.aliyuncs.com").expect("https");
    let credentials = Credentials::new("i", "s", None, None);
    let signed = sign_request(&real, "GetSynchronizationJob", &[], &credentials, "d", "n");
    assert_eq!(
        header(&signed, "host"),
        Some("eiam.cn-hangzhou.aliyuncs.com")
    );
    assert_eq!(signed.url, "https://eiam.cn-hangzhou.aliyuncs.com/");
}
