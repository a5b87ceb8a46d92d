//! Signing and forwarding: builds the upstream request from scratch (nothing
//! of the caller's headers is sent), signs it with signature V3 and posts it
//! to the configured endpoint; brings back the status, the body and a few
//! named headers unchanged.

use crate::config::Upstream;
use crate::credentials::Credentials;
use crate::error::ProxyError;
use axum::body::Bytes;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use eiam_sync::model::rpc::encode_query;
use reqwest::Client;
use std::time::Duration;

/// The API version of every call.
pub const API_VERSION: &str = "2021-12-01";

/// The request id header (the service's, and the proxy's on its own answers).
pub const REQUEST_ID_HEADER: &str = "x-acs-request-id";

/// Upstream answer headers passed back to the caller (the rest are dropped).
pub const FORWARDED_HEADERS: [&str; 5] = [
    "content-type",
    "x-ratelimit-user-api",
    "x-ratelimit-user",
    "x-acs-request-id",
    "retry-after",
];

/// The largest upstream answer the proxy relays.
const MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;

/// `x-acs-date` for a time: UTC, whole seconds, `2023-10-26T10:22:32Z`.
pub fn acs_date(time: time::OffsetDateTime) -> String {
    let utc = time.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        utc.year(),
        u8::from(utc.month()),
        utc.day(),
        utc.hour(),
        utc.minute(),
        utc.second()
    )
}

/// A signed upstream request, ready to send.
#[derive(Debug, Clone)]
pub struct SignedRequest {
    /// `base/?canonical-query`.
    pub url: String,
    /// Every header to send, `authorization` last (its `Debug` is not redacted:
    /// never log a `SignedRequest`).
    pub headers: Vec<(String, String)>,
}

/// Builds and signs the upstream request for `action` with decoded `params`.
///
/// The query sent is the canonical encoding of the parameters
/// ([`encode_query`]), which is exactly the canonical query that is signed.
pub fn sign_request(
    upstream: &Upstream,
    action: &str,
    params: &[(String, String)],
    credentials: &Credentials,
    date: &str,
    nonce: &str,
) -> SignedRequest {
    let mut headers = vec![
        ("host".to_owned(), upstream.host.clone()),
        ("x-acs-action".to_owned(), action.to_owned()),
        ("x-acs-version".to_owned(), API_VERSION.to_owned()),
        ("x-acs-date".to_owned(), date.to_owned()),
        ("x-acs-signature-nonce".to_owned(), nonce.to_owned()),
        (
            "x-acs-content-sha256".to_owned(),
            acs3::EMPTY_BODY_SHA256.to_owned(),
        ),
    ];
    if let Some(token) = credentials.security_token() {
        headers.push(("x-acs-security-token".to_owned(), token.to_owned()));
    }
    let signature = acs3::sign(
        &acs3::Request {
            method: "POST",
            path: "/",
            query: params,
            headers: &headers,
            payload_sha256: acs3::EMPTY_BODY_SHA256,
        },
        credentials.access_key_id(),
        credentials.access_key_secret(),
    );
    headers.push(("authorization".to_owned(), signature.authorization));
    let query = encode_query(params);
    let mut url = upstream.base.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    if !query.is_empty() {
        url.push('?');
        url.push_str(&query);
    }
    SignedRequest { url, headers }
}

/// What the upstream answered.
#[derive(Debug)]
pub struct UpstreamAnswer {
    /// Its status.
    pub status: StatusCode,
    /// The headers of [`FORWARDED_HEADERS`] it sent.
    pub headers: Vec<(HeaderName, HeaderValue)>,
    /// Its body, whole.
    pub body: Bytes,
}

impl UpstreamAnswer {
    /// The service's request id, if it sent one.
    pub fn request_id(&self) -> Option<&str> {
        self.headers
            .iter()
            .find(|(name, _)| name.as_str() == REQUEST_ID_HEADER)
            .and_then(|(_, value)| value.to_str().ok())
    }
}

/// The upstream HTTP client and where it posts.
#[derive(Debug, Clone)]
pub struct Forwarder {
    client: Client,
    upstream: Upstream,
}

impl Forwarder {
    /// A client with the time-out `timeout` for the whole exchange, no
    /// redirects, no environment proxies, https only unless the upstream is
    /// a loopback http override.
    ///
    /// # Errors
    ///
    /// The TLS client cannot be set up.
    pub fn new(upstream: Upstream, timeout: Duration) -> Result<Self, String> {
        let client = Client::builder()
            .use_rustls_tls()
            .https_only(upstream.base.scheme() == "https")
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(timeout.min(Duration::from_secs(5)))
            .timeout(timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            .build()
            .map_err(|error| format!("cannot build the upstream HTTP client: {error}"))?;
        Ok(Forwarder { client, upstream })
    }

    /// The upstream.
    pub fn upstream(&self) -> &Upstream {
        &self.upstream
    }

    /// Signs and sends one call, and reads the whole answer.
    ///
    /// # Errors
    ///
    /// 504 `Proxy.UpstreamTimeout` when the time-out passes, 502
    /// `Proxy.UpstreamUnavailable` when the service cannot be reached or its
    /// answer cannot be read, 500 when no nonce can be drawn.
    pub async fn forward(
        &self,
        action: &str,
        params: &[(String, String)],
        credentials: &Credentials,
    ) -> Result<UpstreamAnswer, ProxyError> {
        let nonce = crate::ids::signature_nonce().map_err(|_| ProxyError::internal())?;
        let date = acs_date(time::OffsetDateTime::now_utc());
        let signed = sign_request(&self.upstream, action, params, credentials, &date, &nonce);
        let mut request = self.client.post(&signed.url);
        for (name, value) in &signed.headers {
            request = request.header(name.as_str(), value.as_str());
        }
        let mut response = request.send().await.map_err(|error| {
            let refusal = classify(&error);
            tracing::warn!(action, error = %describe(error), "upstream request failed");
            refusal
        })?;
        let status = response.status();
        let headers = FORWARDED_HEADERS
            .iter()
            .flat_map(|name| {
                response
                    .headers()
                    .get_all(*name)
                    .iter()
                    .map(|value| (HeaderName::from_static(name), value.clone()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let body = read_body(&mut response, action).await?;
        Ok(UpstreamAnswer {
            status,
            headers,
            body,
        })
    }
}

/// Reads a whole answer body of at most [`MAX_RESPONSE_BYTES`]. A body that
/// arrives in one chunk (the usual case on a keep-alive connection) is passed
/// on without a copy; a longer one is gathered into a buffer sized from
/// `Content-Length`, so it is not regrown on every chunk.
async fn read_body(response: &mut reqwest::Response, action: &str) -> Result<Bytes, ProxyError> {
    let too_large = || {
        tracing::warn!(action, "upstream answer larger than the relay limit");
        ProxyError::upstream_unavailable()
    };
    let expected = response.content_length().unwrap_or(0);
    if expected > MAX_RESPONSE_BYTES as u64 {
        return Err(too_large());
    }
    let mut first: Option<Bytes> = None;
    let mut gathered: Vec<u8> = Vec::new();
    loop {
        let chunk = match response.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break,
            Err(error) => {
                let refusal = classify(&error);
                tracing::warn!(action, error = %describe(error), "upstream answer cut");
                return Err(refusal);
            }
        };
        let held = first.as_ref().map_or(0, Bytes::len) + gathered.len();
        if held + chunk.len() > MAX_RESPONSE_BYTES {
            return Err(too_large());
        }
        match first.take() {
            None if gathered.is_empty() => first = Some(chunk),
            earlier => {
                if let Some(earlier) = earlier {
                    let capacity = (expected as usize).max(earlier.len() + chunk.len());
                    gathered.reserve_exact(capacity);
                    gathered.extend_from_slice(&earlier);
                }
                gathered.extend_from_slice(&chunk);
            }
        }
    }
    Ok(match first {
        Some(only) => only,
        None => Bytes::from(gathered),
    })
}

/// An HTTP client error and its causes, in one line, without the URL (whose
/// query is the caller's parameters; the log line has the action).
fn describe(error: reqwest::Error) -> String {
    let error = error.without_url();
    let mut text = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// 504 for a time-out, 502 for anything else.
fn classify(error: &reqwest::Error) -> ProxyError {
    if error.is_timeout() {
        ProxyError::upstream_timeout()
    } else {
        ProxyError::upstream_unavailable()
    }
}

#[cfg(test)]
mod tests;
