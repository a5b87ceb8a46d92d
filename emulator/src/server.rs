//! The HTTP face: routing, the order of checks for an API request
//! (record → signature → method/path → version → action → faults → handler),
//! response headers, and the introspection endpoints.

use crate::clock;
use crate::errors::ApiError;
use crate::faults::{self, FaultConfig, FaultPlan, Throttle};
use crate::handlers::{Action, Service, API_VERSION};
use crate::hash::mix;
use crate::introspection::RequestLog;
use crate::signature::{Credentials, ReceivedRequest, SignatureChecker};
use axum::body::{to_bytes, Body};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::{Json, Router};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

/// The largest request body read (API bodies are empty).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The request id header.
pub const REQUEST_ID_HEADER: &str = "x-acs-request-id";
/// The rate-limit header.
pub const RATE_LIMIT_HEADER: &str = "x-ratelimit-user";

/// Everything a request needs.
#[derive(Debug)]
pub struct AppState {
    service: Service,
    checker: SignatureChecker,
    faults: FaultConfig,
    throttle: Option<Throttle>,
    log: RequestLog,
    host_id: String,
}

impl AppState {
    /// The state of an emulator serving `service` for `region`.
    pub fn new(
        service: Service,
        credentials: Credentials,
        faults: FaultConfig,
        region: &str,
    ) -> Self {
        AppState {
            service,
            checker: SignatureChecker::new(credentials),
            throttle: faults.throttle_rps.map(Throttle::new),
            faults,
            log: RequestLog::default(),
            host_id: format!("eiam.{region}.aliyuncs.com"),
        }
    }

    /// The request log (for tests in-process).
    pub fn log(&self) -> &RequestLog {
        &self.log
    }
}

/// The routes: `/healthz`, `/_emulator/*` and, for everything else, the API.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/_emulator/catalog", get(catalog))
        .route("/_emulator/requests", get(requests))
        .route("/_emulator", any(introspection_not_found))
        .route("/_emulator/{*rest}", any(introspection_not_found))
        .fallback(api)
        .with_state(state)
}

/// Introspection answers loopback callers only (and in-process callers,
/// which have no peer address).
fn from_loopback(request: &Request) -> bool {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .is_none_or(|ConnectInfo(peer)| peer.ip().is_loopback())
}

async fn catalog(State(state): State<Arc<AppState>>, request: Request) -> Response {
    if !from_loopback(&request) {
        return StatusCode::FORBIDDEN.into_response();
    }
    readable_by_any_page(Json(state.service.store.catalog()).into_response())
}

async fn requests(State(state): State<Arc<AppState>>, request: Request) -> Response {
    if !from_loopback(&request) {
        return StatusCode::FORBIDDEN.into_response();
    }
    readable_by_any_page(Json(state.log.snapshot()).into_response())
}

/// `Access-Control-Allow-Origin: *` on an introspection answer, so a test
/// page in a browser (another loopback origin) can read the catalog and the
/// request count. Harmless: these answers go to loopback callers only, hold
/// only demo data, and a page cannot send credentials with a wildcard.
fn readable_by_any_page(mut response: Response) -> Response {
    response.headers_mut().insert(
        axum::http::header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    response
}

async fn introspection_not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        "introspection endpoints: GET /_emulator/catalog, GET /_emulator/requests\n",
    )
        .into_response()
}

/// A request id shaped like the service's (`8-4-4-4-12` uppercase hex),
/// reproducible from (seed, n).
pub fn request_id(seed: u64, n: u64) -> String {
    let high = mix(&[seed, n, 0x7265_7169_6431]);
    let low = mix(&[seed, n, 0x7265_7169_6432]);
    format!(
        "{:08X}-{:04X}-{:04X}-{:04X}-{:012X}",
        high >> 32,
        (high >> 16) & 0xFFFF,
        high & 0xFFFF,
        low >> 48,
        low & 0xFFFF_FFFF_FFFF
    )
}

/// What the API part decided.
struct Outcome {
    result: Result<Vec<u8>, ApiError>,
    rate_header: Option<String>,
    plan: FaultPlan,
    action: Option<Action>,
}

async fn decide(
    state: &AppState,
    n: u64,
    received: &ReceivedRequest<'_>,
    request_id: &str,
) -> Outcome {
    let mut outcome = Outcome {
        result: Ok(Vec::new()),
        rate_header: None,
        plan: FaultPlan::default(),
        action: None,
    };
    if let Err(error) = state.checker.check(received, clock::now_ms()) {
        outcome.result = Err(error);
        return outcome;
    }
    let header = |name: &str| {
        received
            .headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    if received.method != "POST" {
        outcome.result = Err(ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "UnsupportedHTTPMethod",
            format!(
                "The HTTP method {} is not supported; RPC calls use POST /.",
                received.method
            ),
        ));
        return outcome;
    }
    if received.path != "/" {
        outcome.result = Err(ApiError::invalid_action(header("x-acs-action")));
        return outcome;
    }
    if header("x-acs-version") != Some(API_VERSION) {
        outcome.result = Err(ApiError::invalid_version(header("x-acs-version")));
        return outcome;
    }
    let Some(action) = header("x-acs-action").and_then(Action::from_name) else {
        outcome.result = Err(ApiError::invalid_action(header("x-acs-action")));
        return outcome;
    };
    outcome.action = Some(action);

    if let Some(latency) = state.faults.latency() {
        tokio::time::sleep(latency).await;
    }
    if let Some(throttle) = &state.throttle {
        let check = throttle.admit(clock::now_ms());
        if !check.allowed {
            let mut error = ApiError::throttled();
            if let Ok(value) = HeaderValue::from_str(&check.header) {
                error = error.with_header(HeaderName::from_static(RATE_LIMIT_HEADER), value);
            }
            outcome.result = Err(error);
            return outcome;
        }
        outcome.rate_header = Some(check.header);
    }
    outcome.plan = state.faults.plan(n);
    if outcome.plan.fail {
        outcome.result = Err(ApiError::service_unavailable());
        return outcome;
    }
    outcome.result = state.service.handle(action, received.raw_query, request_id);
    outcome
}

fn set(response: &mut Response, name: &'static str, value: &str) {
    if let Ok(value) = HeaderValue::from_str(value) {
        response
            .headers_mut()
            .insert(HeaderName::from_static(name), value);
    }
}

/// Every API request: any method and path outside `/healthz` and `/_emulator/*`.
async fn api(State(state): State<Arc<AppState>>, request: Request) -> Response {
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    let headers: Vec<(String, String)> = parts
        .headers
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_owned(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect();
    let path = parts.uri.path();
    let raw_query = parts.uri.query().unwrap_or("");
    let n = state
        .log
        .record(parts.method.as_str(), path, raw_query, &headers);
    let request_id = request_id(state.faults.seed, n);

    let outcome = match to_bytes(body, MAX_BODY_BYTES).await {
        Ok(body) => {
            let received = ReceivedRequest {
                method: parts.method.as_str(),
                path,
                raw_query,
                headers: &headers,
                body: &body,
            };
            decide(&state, n, &received, &request_id).await
        }
        Err(_) => Outcome {
            result: Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "RequestTooLarge",
                format!(
                    "The request body is larger than {MAX_BODY_BYTES} bytes, or could not be read."
                ),
            )),
            rate_header: None,
            plan: FaultPlan::default(),
            action: None,
        },
    };

    let (mut response, fault) = match outcome.result {
        Ok(body) if outcome.plan.reset => {
            let length = body.len();
            let mut response = Response::new(faults::resetting(body));
            response
                .headers_mut()
                .insert(CONTENT_LENGTH, HeaderValue::from(length));
            (response, "reset")
        }
        Ok(body) if outcome.plan.truncate => (
            Response::new(Body::from(faults::truncated(body))),
            "truncate",
        ),
        Ok(body) => (Response::new(Body::from(body)), ""),
        Err(error) => {
            let mut response = Response::new(Body::from(error.body(&request_id, &state.host_id)));
            *response.status_mut() = error.status;
            for (name, value) in error.headers {
                response.headers_mut().insert(name, value);
            }
            let fault = match error.code.as_str() {
                "ServiceUnavailable" => "fail",
                "Throttling.User" => "throttle",
                _ => "",
            };
            (response, fault)
        }
    };
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json;charset=utf-8"),
    );
    set(&mut response, REQUEST_ID_HEADER, &request_id);
    if let Some(rate) = &outcome.rate_header {
        set(&mut response, RATE_LIMIT_HEADER, rate);
    }
    tracing::info!(
        n,
        request_id = %request_id,
        action = outcome.action.map(Action::name).unwrap_or("-"),
        status = response.status().as_u16(),
        fault,
        latency_ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    response
}
