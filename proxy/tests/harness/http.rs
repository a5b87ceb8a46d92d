//! HTTP from the tests: a loopback-only blocking client, whole answers, and
//! raw requests for what a well-behaved client cannot send.

use serde_json::Value;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// A blocking HTTP client for loopback (no environment proxies).
pub fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(15))
        .build()
        .expect("client")
}

/// An answer, read whole.
#[derive(Debug)]
pub struct Answer {
    /// The status code.
    pub status: u16,
    /// The headers, names lower-case.
    pub headers: reqwest::header::HeaderMap,
    /// The body as text.
    pub body: String,
}

impl Answer {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("body is not JSON ({e}): {}", self.body))
    }

    /// The `Code` of an error body.
    pub fn code(&self) -> String {
        self.json()["Code"].as_str().unwrap_or_default().to_owned()
    }

    /// A header value as text.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    }
}

/// Sends `POST {base}{path_and_query}` with `headers` and an empty body.
pub fn post(base: &str, path_and_query: &str, headers: &[(&str, &str)]) -> Answer {
    let mut request = client().post(format!("{base}{path_and_query}"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().expect("request sent");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response.text().expect("body");
    Answer {
        status,
        headers,
        body,
    }
}

/// `GET url` as JSON.
pub fn get_json(url: &str) -> Value {
    let response = client().get(url).send().expect("GET sent");
    assert!(
        response.status().is_success(),
        "GET {url}: {}",
        response.status()
    );
    response.json_body()
}

/// Reads a blocking response body as JSON.
trait JsonBody {
    fn json_body(self) -> Value;
}

impl JsonBody for reqwest::blocking::Response {
    fn json_body(self) -> Value {
        let text = self.text().expect("body");
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
    }
}

/// Sends raw bytes to `addr` and returns the whole answer as text (the
/// request should carry `Connection: close`).
pub fn raw_request(addr: SocketAddr, request: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(15)))
        .expect("timeout");
    stream.write_all(request.as_bytes()).expect("write");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

/// The status code of a raw HTTP answer (0 when none).
pub fn raw_status(answer: &str) -> u16 {
    answer
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}
