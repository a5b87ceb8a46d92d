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

/// Serves one canned HTTP answer on a loopback port to the first connection,
/// written in `pieces` with a pause between them, and returns the port.
async fn one_answer(pieces: Vec<Vec<u8>>) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a loopback port");
    let port = listener.local_addr().expect("local address").port();
    tokio::spawn(async move {
        let Ok((mut socket, _)) = listener.accept().await else {
            return;
        };
        // Read the request head (the body is empty: every call is a bare POST).
        let mut head = Vec::new();
        let mut buffer = [0u8; 1024];
        while !head.windows(4).any(|w| w == b"\r\n\r\n") {
            match socket.read(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(n) => head.extend_from_slice(buffer.get(..n).unwrap_or_default()),
            }
        }
        for piece in pieces {
            if socket.write_all(&piece).await.is_err() {
                return;
            }
            let _ = socket.flush().await;
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    });
    port
}

async fn forward_to(port: u16) -> Result<UpstreamAnswer, ProxyError> {
    let upstream = parse_upstream(&format!("http://127.0.0.1:{port}")).expect("loopback upstream");
    let forwarder = Forwarder::new(upstream, Duration::from_secs(5)).expect("client");
    let credentials = Credentials::new("AKID", "SECRET", None, None);
    forwarder
        .forward(
            "GetSynchronizationJob",
            &params(&[("InstanceId", "idaas_1")]),
            &credentials,
        )
        .await
}

#[tokio::test]
async fn a_body_in_many_chunks_is_read_whole() {
    let pieces = vec![
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            .to_vec(),
        b"5\r\n{\"a\":\r\n".to_vec(),
        b"3\r\n123\r\n".to_vec(),
        b"1\r\n}\r\n0\r\n\r\n".to_vec(),
    ];
    let answer = forward_to(one_answer(pieces).await)
        .await
        .expect("an answer");
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(&answer.body[..], b"{\"a\":123}");
}

#[tokio::test]
async fn a_body_in_one_piece_is_read_whole() {
    let pieces = vec![b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}".to_vec()];
    let answer = forward_to(one_answer(pieces).await)
        .await
        .expect("an answer");
    assert_eq!(&answer.body[..], b"{}");
}

#[tokio::test]
async fn a_declared_length_over_the_relay_limit_is_refused_before_reading() {
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n{{",
        MAX_RESPONSE_BYTES + 1
    );
    let error = forward_to(one_answer(vec![head.into_bytes()]).await)
        .await
        .expect_err("refused");
    assert_eq!(error.status, StatusCode::BAD_GATEWAY);
    assert_eq!(error.code, ProxyError::upstream_unavailable().code);
}

#[tokio::test]
async fn a_chunked_body_growing_past_the_relay_limit_is_refused() {
    let mut pieces = vec![b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec()];
    let block = vec![b' '; 4 * 1024 * 1024];
    for _ in 0..=(MAX_RESPONSE_BYTES / block.len()) {
        let mut chunk = format!("{:x}\r\n", block.len()).into_bytes();
        chunk.extend_from_slice(&block);
        chunk.extend_from_slice(b"\r\n");
        pieces.push(chunk);
    }
    pieces.push(b"0\r\n\r\n".to_vec());
    let error = forward_to(one_answer(pieces).await)
        .await
        .expect_err("refused");
    assert_eq!(error.status, StatusCode::BAD_GATEWAY);
}
