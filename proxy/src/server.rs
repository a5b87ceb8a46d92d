//! The request pipeline, in the order the checks run:
//!
//! 1. `Origin` not on the list → 403 (before anything else: the CSRF defence);
//! 2. path plus query over the limit → 414, a declared body over it → 413;
//! 3. `OPTIONS` preflight → 204; `GET /healthz`, `GET /readyz`; only `POST` otherwise;
//! 4. caller authentication → 401; per-caller rate limit → 429;
//! 5. the action from the single path segment → 400/403; the query rules → 400/403;
//! 6. the body (must be empty) → 413/400;
//! 7. sign and forward; relay status, body and a few headers.
//!
//! Every answer gets CORS headers when its `Origin` is allowed, and one log
//! line records the request id, caller, action, instance, status and latency.

use crate::config::{is_action_name, Config};
use crate::credentials::CredentialStore;
use crate::error::ProxyError;
use crate::rate_limit::RateLimiter;
use crate::security::{action_from_target, authenticate, check_origin, check_query};
use crate::upstream::Forwarder;
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::Response;
use axum::Router;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

/// Response headers a browser page may read (`Access-Control-Expose-Headers`).
pub const EXPOSED_HEADERS: &str =
    "x-ratelimit-user-api, x-ratelimit-user, x-acs-request-id, retry-after";

/// How long a browser may cache a preflight answer, in seconds.
const PREFLIGHT_MAX_AGE: &str = "600";

/// Everything a request needs, shared by all of them.
#[derive(Debug)]
pub struct AppState {
    /// The checked configuration.
    pub config: Config,
    /// The cached credentials.
    pub credentials: Arc<CredentialStore>,
    /// The upstream client.
    pub forwarder: Forwarder,
    /// The per-caller rate limiter.
    pub limiter: RateLimiter,
}

/// What the log line of a request says (filled in as the checks pass).
#[derive(Debug, Default)]
struct Record {
    caller: Option<String>,
    action: Option<String>,
    instance: Option<String>,
    code: Option<&'static str>,
    upstream_request_id: Option<String>,
}

/// The router: one handler for every method and path, so routing is ours.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new().fallback(entry).with_state(state)
}

/// The axum entry point.
async fn entry(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
) -> Response {
    handle_request(&state, peer.ip(), request).await
}

/// Handles one request from `peer` completely (also the entry point for fuzzing).
pub async fn handle_request(state: &AppState, peer: IpAddr, request: Request) -> Response {
    let started = Instant::now();
    let request_id = crate::ids::request_id();
    let method = request.method().clone();
    let mut record = Record::default();
    let mut response = match check_origin(request.headers(), &state.config.allowed_origins) {
        Err(refusal) => {
            record.code = Some(refusal.code);
            refusal.into_response(&request_id)
        }
        Ok(origin) => {
            let mut response =
                match process(state, peer, request, origin.is_some(), &mut record).await {
                    Ok(response) => response,
                    Err(refusal) => {
                        record.code = Some(refusal.code);
                        refusal.into_response(&request_id)
                    }
                };
            if let Some(origin) = origin {
                add_cors(
                    response.headers_mut(),
                    origin,
                    state.config.allow_credentials,
                );
            }
            response
        }
    };
    response
        .headers_mut()
        .append(header::VARY, HeaderValue::from_static("origin"));
    let latency_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    tracing::info!(
        target: "eiam_sync_proxy::access",
        request_id = %request_id,
        method = %method,
        caller = %loggable(record.caller.as_deref()),
        action = %loggable(record.action.as_deref()),
        instance = %loggable(record.instance.as_deref()),
        status = response.status().as_u16(),
        code = %record.code.unwrap_or("-"),
        upstream_request_id = %loggable(record.upstream_request_id.as_deref()),
        latency_ms,
        "request"
    );
    response
}

/// The longest caller-supplied value written to a log line, in characters.
const MAX_LOGGED_CHARS: usize = 128;

/// A caller-supplied value made safe for a log line: `-` when absent, control
/// characters escaped (no forged lines), cut at [`MAX_LOGGED_CHARS`].
fn loggable(value: Option<&str>) -> String {
    let Some(value) = value else {
        return "-".to_owned();
    };
    let mut out = String::with_capacity(value.len().min(MAX_LOGGED_CHARS));
    for (index, c) in value.chars().enumerate() {
        if index == MAX_LOGGED_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// The CORS headers for an allowed origin.
fn add_cors(headers: &mut HeaderMap, origin: HeaderValue, allow_credentials: bool) {
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static(EXPOSED_HEADERS),
    );
    if allow_credentials {
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
            HeaderValue::from_static("true"),
        );
    }
}

/// A small JSON answer.
fn json(status: StatusCode, body: &'static str) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// The preflight answer (the origin was already checked).
fn preflight(state: &AppState, has_origin: bool) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::NO_CONTENT;
    let headers = response.headers_mut();
    headers.insert(header::ALLOW, HeaderValue::from_static("POST, OPTIONS"));
    if has_origin {
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("POST"),
        );
        let mut allowed = String::from("content-type, authorization");
        if let Some(name) = &state.config.auth.trusted_user_header {
            allowed.push_str(", ");
            allowed.push_str(name.as_str());
        }
        if let Ok(value) = HeaderValue::from_str(&allowed) {
            headers.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, value);
        }
        headers.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static(PREFLIGHT_MAX_AGE),
        );
    }
    response
}

/// Refuses a declared body length over `limit` (413) or unreadable (400),
/// before any of the body is read.
fn check_content_length(headers: &HeaderMap, limit: usize) -> Result<(), ProxyError> {
    for value in headers.get_all(header::CONTENT_LENGTH) {
        let text = value.to_str().unwrap_or_default().trim();
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ProxyError::invalid_parameter(
                "the Content-Length header is not a number",
            ));
        }
        let too_large = text
            .parse::<u64>()
            .map_or(true, |length| length > limit as u64);
        if too_large {
            return Err(ProxyError::body_too_large(limit));
        }
    }
    Ok(())
}

/// Steps 2 to 7 of the pipeline.
async fn process(
    state: &AppState,
    peer: IpAddr,
    request: Request,
    has_origin: bool,
    record: &mut Record,
) -> Result<Response, ProxyError> {
    let config = &state.config;
    let limit = config.max_request_bytes;
    let (parts, body) = request.into_parts();
    let target_length = parts
        .uri
        .path_and_query()
        .map_or(parts.uri.path().len(), |pq| pq.as_str().len());
    if target_length > limit {
        return Err(ProxyError::uri_too_long(limit));
    }
    check_content_length(&parts.headers, limit)?;
    match (&parts.method, parts.uri.path()) {
        (&Method::OPTIONS, _) => return Ok(preflight(state, has_origin)),
        (&Method::GET, "/healthz") => return Ok(json(StatusCode::OK, r#"{"Status":"ok"}"#)),
        (&Method::GET, "/readyz") => {
            return Ok(if state.credentials.current().is_some() {
                json(StatusCode::OK, r#"{"Status":"ready"}"#)
            } else {
                json(
                    StatusCode::SERVICE_UNAVAILABLE,
                    r#"{"Status":"no credentials loaded"}"#,
                )
            })
        }
        (&Method::POST, _) => {}
        _ => return Err(ProxyError::method_not_allowed()),
    }

    let caller = authenticate(&parts.headers, &config.auth, peer)?;
    record.caller = Some(caller.shown.clone());
    if let Err(seconds) = state.limiter.check(&caller.key, Instant::now()) {
        return Err(ProxyError::throttled(seconds));
    }
    record.action = parts
        .uri
        .path()
        .strip_prefix('/')
        .filter(|name| is_action_name(name))
        .map(str::to_owned);
    let action = action_from_target(&parts.uri, &config.allowed_actions)?;
    let query = check_query(parts.uri.query(), config.allowed_instances.as_ref())?;
    record.instance.clone_from(&query.instance);

    let bytes: Bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| ProxyError::body_too_large(limit))?;
    if !bytes.is_empty() {
        return Err(ProxyError::invalid_parameter(
            "the body must be empty: send every parameter in the query string",
        ));
    }

    let credentials = state
        .credentials
        .current()
        .ok_or_else(ProxyError::credentials_unavailable)?;
    let answer = state
        .forwarder
        .forward(&action, &query.params, &credentials)
        .await?;
    record.upstream_request_id = answer.request_id().map(str::to_owned);
    let mut response = Response::new(Body::from(answer.body));
    *response.status_mut() = answer.status;
    let headers = response.headers_mut();
    for (name, value) in answer.headers {
        headers.append(name, value);
    }
    Ok(response)
}

#[cfg(test)]
mod tests;
