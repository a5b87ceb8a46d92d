//! The load generator's HTTP side: how one call of the mix becomes a
//! request on each route (signed straight to the emulator, or plain through
//! the proxy), and one keep-alive HTTP/1.1 connection.

use super::mix::{Call, Fixtures, Route};
use crate::children::{DEMO_KEY_ID, DEMO_KEY_SECRET};
use anyhow::{anyhow, bail, Context, Result};
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper::{Method, Request};
use hyper_util::rt::TokioIo;
use serde_json::Value;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};

/// The API version every call names (`x-acs-version`).
pub const API_VERSION: &str = "2021-12-01";

/// The request body type: every call of the RPC API has an empty body.
pub type Body = Empty<Bytes>;

/// `x-acs-date` for now: UTC, whole seconds (`2026-01-01T00:00:00Z`).
pub fn acs_date(now: time::OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    )
}

/// Where one route's requests go and how they are made.
#[derive(Debug)]
pub struct Endpoint {
    /// The route.
    pub route: Route,
    /// The listening address.
    pub addr: SocketAddr,
    host: String,
    nonce_prefix: String,
}

/// The number in the next signature nonce, shared by every endpoint of this process.
static NONCES: AtomicU64 = AtomicU64::new(0);

impl Endpoint {
    /// An endpoint for `route` at `addr`. Nonces are this process's id and a
    /// process-wide counter (the emulator is started afresh for each run, so
    /// they never repeat).
    pub fn new(route: Route, addr: SocketAddr) -> Self {
        Endpoint {
            route,
            addr,
            host: addr.to_string(),
            nonce_prefix: format!("xtask-bench-{}-", std::process::id()),
        }
    }

    /// The request for `call`: straight to the emulator it carries the headers
    /// the proxy would sign (fresh `x-acs-date` and nonce) and their signature;
    /// to the proxy it is `POST /{Action}?{query}` and nothing else.
    pub fn request(&self, call: &Call) -> Result<Request<Body>> {
        let builder = Request::builder()
            .method(Method::POST)
            .header("host", self.host.as_str());
        let request = match self.route {
            Route::Proxy => builder.uri(format!("/{}?{}", call.action, call.query)),
            Route::Direct => {
                let mut builder = builder.uri(format!("/?{}", call.query));
                for (name, value) in self.signed_headers(call) {
                    builder = builder.header(name, value);
                }
                builder
            }
        };
        request
            .body(Empty::new())
            .context("could not build a request")
    }

    fn signed_headers(&self, call: &Call) -> Vec<(String, String)> {
        let nonce = NONCES.fetch_add(1, Ordering::Relaxed);
        let mut headers = vec![
            ("host".to_owned(), self.host.clone()),
            ("x-acs-action".to_owned(), call.action.to_owned()),
            ("x-acs-version".to_owned(), API_VERSION.to_owned()),
            (
                "x-acs-date".to_owned(),
                acs_date(time::OffsetDateTime::now_utc()),
            ),
            (
                "x-acs-signature-nonce".to_owned(),
                format!("{}{nonce}", self.nonce_prefix),
            ),
            (
                "x-acs-content-sha256".to_owned(),
                acs3::EMPTY_BODY_SHA256.to_owned(),
            ),
        ];
        let signature = acs3::sign(
            &acs3::Request {
                method: "POST",
                path: "/",
                query: &call.params,
                headers: &headers,
                payload_sha256: acs3::EMPTY_BODY_SHA256,
            },
            DEMO_KEY_ID,
            DEMO_KEY_SECRET,
        );
        headers.push(("authorization".to_owned(), signature.authorization));
        // `host` is set by `request` already.
        headers.remove(0);
        headers
    }

    /// A plain `GET` of an introspection path (`/_emulator/catalog`).
    pub fn get(&self, path: &str) -> Result<Request<Body>> {
        Request::builder()
            .method(Method::GET)
            .uri(path)
            .header("host", self.host.as_str())
            .body(Empty::new())
            .context("could not build a request")
    }
}

/// What became of one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// 200.
    Ok,
    /// Any other status, with the body's `Code` when it has one.
    Status(u16, String),
    /// The connection failed (connect, write, read).
    Transport(String),
}

impl Outcome {
    /// The outcome of an answer.
    pub fn of(status: u16, body: &[u8]) -> Self {
        if status == 200 {
            return Outcome::Ok;
        }
        let code = serde_json::from_slice::<Value>(body)
            .ok()
            .and_then(|value| value.get("Code").and_then(Value::as_str).map(str::to_owned))
            .unwrap_or_default();
        Outcome::Status(status, code)
    }

    /// A short description of an error (`400 SignatureNonceUsed`), `None` for 200.
    pub fn error_kind(&self) -> Option<String> {
        match self {
            Outcome::Ok => None,
            Outcome::Status(status, code) => Some(format!("{status} {code}").trim().to_owned()),
            Outcome::Transport(message) => Some(format!("transport: {message}")),
        }
    }
}

/// One HTTP/1.1 keep-alive connection; one request at a time.
pub struct Connection {
    sender: SendRequest<Body>,
}

impl Connection {
    /// Connects (with `TCP_NODELAY`) and starts the connection's driver task
    /// on the current tokio runtime.
    pub async fn open(addr: SocketAddr) -> Result<Self> {
        let stream = tokio::net::TcpStream::connect(addr)
            .await
            .with_context(|| format!("could not connect to {addr}"))?;
        stream
            .set_nodelay(true)
            .context("could not set TCP_NODELAY")?;
        let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .context("HTTP/1.1 handshake failed")?;
        tokio::spawn(async move {
            // Ends with an error when the peer closes; the next send reports it.
            let _ = connection.await;
        });
        Ok(Connection { sender })
    }

    /// Sends `request` and reads the whole answer: its status and body.
    pub async fn send(&mut self, request: Request<Body>) -> Result<(u16, Bytes)> {
        self.sender.ready().await.context("connection closed")?;
        let response = self.sender.send_request(request).await?;
        let status = response.status().as_u16();
        let body = response.into_body().collect().await?.to_bytes();
        Ok((status, body))
    }

    /// Sends `request` and returns its body when the status is 200.
    pub async fn fetch(&mut self, request: Request<Body>) -> Result<Bytes> {
        let (status, body) = self.send(request).await?;
        if status != 200 {
            bail!("status {status}: {}", String::from_utf8_lossy(&body));
        }
        Ok(body)
    }
}

/// Reads the instance, its providers and real job IDs from the emulator:
/// `/_emulator/catalog`, then one signed `ListSynchronizationJobs` (100 jobs).
pub async fn discover(direct: &Endpoint) -> Result<Fixtures> {
    let mut connection = Connection::open(direct.addr).await?;
    let catalog = connection.fetch(direct.get("/_emulator/catalog")?).await?;
    let catalog: Value = serde_json::from_slice(&catalog).context("catalog is not JSON")?;
    let instance = catalog
        .pointer("/instances/0")
        .ok_or_else(|| anyhow!("the emulator's catalog lists no instance"))?;
    let instance_id = string_field(instance, "InstanceId")?;
    let provider_ids = strings(instance.get("IdentityProviders"));
    let list = Call::new(
        "ListSynchronizationJobs",
        &[("InstanceId", &instance_id), ("MaxResults", "100")],
    );
    let page = connection
        .fetch(direct.request(&list)?)
        .await
        .context("signed ListSynchronizationJobs straight to the emulator failed")?;
    let page: Value = serde_json::from_slice(&page).context("list answer is not JSON")?;
    let job_ids = page
        .get("SynchronizationJobs")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|job| job.get("SynchronizationJobId").and_then(Value::as_str))
        .map(str::to_owned)
        .collect();
    Ok(Fixtures {
        instance_id,
        job_ids,
        provider_ids,
    })
}

fn string_field(value: &Value, name: &str) -> Result<String> {
    value
        .get(name)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| anyhow!("no `{name}` in {value}"))
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench_proxy::mix::tests::fixtures;
    use crate::bench_proxy::mix::Mix;

    #[test]
    fn direct_requests_are_signed_and_proxy_requests_are_not() {
        let mix = Mix::new(&fixtures()).expect("fixtures suffice");
        let addr: SocketAddr = "127.0.0.1:9".parse().expect("address");
        let direct = Endpoint::new(Route::Direct, addr);
        let first = direct.request(mix.call(0)).expect("builds");
        let second = direct.request(mix.call(0)).expect("builds");
        assert_eq!(first.uri(), "/?InstanceId=idaas_x&MaxResults=20");
        assert_eq!(first.headers()["host"], "127.0.0.1:9");
        assert_ne!(
            first.headers()["x-acs-signature-nonce"],
            second.headers()["x-acs-signature-nonce"]
        );
        let authorization = first.headers()["authorization"].to_str().expect("ascii");
        assert!(authorization.starts_with("ACS3-HMAC-SHA256 Credential=emulator-access-key-id,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"), "{authorization}");
        let proxied = Endpoint::new(Route::Proxy, addr)
            .request(mix.call(0))
            .expect("builds");
        assert_eq!(
            proxied.uri(),
            "/ListSynchronizationJobs?InstanceId=idaas_x&MaxResults=20"
        );
        assert!(!proxied.headers().contains_key("authorization"));
    }

    #[test]
    fn acs_date_is_utc_whole_seconds() {
        let time = time::OffsetDateTime::from_unix_timestamp(1_767_225_600).expect("valid");
        assert_eq!(acs_date(time), "2026-01-01T00:00:00Z");
    }

    #[test]
    fn outcomes_name_the_error_code() {
        assert_eq!(Outcome::of(200, b"{}"), Outcome::Ok);
        let refused = Outcome::of(400, br#"{"Code":"SignatureNonceUsed"}"#);
        assert_eq!(
            refused.error_kind().as_deref(),
            Some("400 SignatureNonceUsed")
        );
        assert_eq!(
            Outcome::of(502, b"not json").error_kind().as_deref(),
            Some("502")
        );
    }
}
