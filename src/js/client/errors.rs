//! The client's error objects (`EiamSyncApiError`, `EiamSyncNetworkError`,
//! `EiamSyncTimeoutError`, `EiamSyncValidationError`): plain `Error`s with a
//! `name` and own data properties, like `EiamSyncParseError`; their
//! TypeScript declarations and one guard per name.

use crate::client::ApiFailure;
use crate::validate::ValidationIssue;
use js_sys::{Error, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const CLIENT_ERROR_TYPES: &'static str = r#"
/** The service or the proxy answered with an error (after any retries). */
export interface EiamSyncApiError extends Error {
  name: "EiamSyncApiError";
  /** The body's `Code` (`"Throttling.User"`, `"EntityNotExists.SynchronizationJob"`), or `"HttpError"` when the body is not an Alibaba Cloud error. */
  code: string;
  /** The body's `RequestId`, else the `x-acs-request-id` header, else `""`. */
  requestId: string;
  /** The HTTP status of the last answer. */
  httpStatus: number;
  /** Whether the failure is of a retryable kind (throttling, `ServiceUnavailable`, 5xx): the client retried it as allowed, and a later call may succeed. */
  retryable: boolean;
  /** The body's `Recommend` (a diagnosis link), when present. */
  recommend?: string;
  /** The wait the last answer asked for before another attempt (`Retry-After`, or the `TimeLeft` of an `x-ratelimit-*` header on a throttling error), in milliseconds, when it asked for one: e.g. longer than `retry.maxDelayMs`, so the client did not wait. */
  retryAfterMs?: number;
}

/** The request did not complete: the proxy is unreachable, the connection was reset, or CORS refused it (after any retries). */
export interface EiamSyncNetworkError extends Error {
  name: "EiamSyncNetworkError";
  /** The error `fetch` rejected with (usually a `TypeError`). */
  cause: unknown;
}

/** No complete answer arrived within `timeoutMs`, on every attempt. */
export interface EiamSyncTimeoutError extends Error {
  name: "EiamSyncTimeoutError";
  /** The per-attempt time-out, in milliseconds. */
  timeoutMs: number;
}

/** The request broke a rule of severity `error`; nothing was sent. */
export interface EiamSyncValidationError extends Error {
  name: "EiamSyncValidationError";
  /** The broken rules (severity `error`), in field order. */
  issues: ValidationIssue[];
}
"#;

/// `name` of [`api_error`].
pub(crate) const API_ERROR_NAME: &str = "EiamSyncApiError";
/// `name` of [`network_error`].
pub(crate) const NETWORK_ERROR_NAME: &str = "EiamSyncNetworkError";
/// `name` of [`timeout_error`].
pub(crate) const TIMEOUT_ERROR_NAME: &str = "EiamSyncTimeoutError";
/// `name` of [`validation_error`].
pub(crate) const VALIDATION_ERROR_NAME: &str = "EiamSyncValidationError";

/// The names of the client's errors, for `isEiamSyncError` (src/js/errors.rs).
pub(crate) const CLIENT_ERROR_NAMES: [&str; 4] = [
    API_ERROR_NAME,
    NETWORK_ERROR_NAME,
    TIMEOUT_ERROR_NAME,
    VALIDATION_ERROR_NAME,
];

/// A fresh `Error` with this name and message.
fn named(name: &str, message: &str) -> Error {
    let error = Error::new(message);
    error.set_name(name);
    error
}

/// Sets an own property of an error we just created (cannot fail on it).
fn set(target: &Error, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// `EiamSyncApiError` for an error answer; `retry_after_ms` is the wait the
/// answer asked for, when it asked for one.
pub(crate) fn api_error(failure: &ApiFailure, retry_after_ms: Option<u64>) -> JsValue {
    let error = named(API_ERROR_NAME, &failure.message);
    set(&error, "code", &JsValue::from_str(&failure.code));
    set(&error, "requestId", &JsValue::from_str(&failure.request_id));
    set(&error, "httpStatus", &JsValue::from(failure.http_status));
    set(&error, "retryable", &JsValue::from_bool(failure.retryable));
    if let Some(recommend) = &failure.recommend {
        set(&error, "recommend", &JsValue::from_str(recommend));
    }
    if let Some(wait) = retry_after_ms {
        // At most MAX_WAIT_MS (a day): exact as a JS number.
        set(&error, "retryAfterMs", &JsValue::from(wait as f64));
    }
    error.into()
}

/// `EiamSyncNetworkError`, with the error `fetch` rejected with as `cause`.
pub(crate) fn network_error(action: &str, attempts: u32, cause: &JsValue) -> JsValue {
    let detail = cause
        .dyn_ref::<Error>()
        .and_then(|e| e.message().as_string())
        .or_else(|| cause.as_string())
        .unwrap_or_else(|| "fetch failed".to_owned());
    let message = format!(
        "{action}: the request to the proxy failed ({detail}) after {attempts} attempt{}",
        plural(attempts)
    );
    let error = named(NETWORK_ERROR_NAME, &message);
    set(&error, "cause", cause);
    error.into()
}

/// `EiamSyncTimeoutError`.
pub(crate) fn timeout_error(action: &str, attempts: u32, timeout_ms: u32) -> JsValue {
    let message = format!(
        "{action}: no complete answer within {timeout_ms} ms, {attempts} attempt{}",
        plural(attempts)
    );
    let error = named(TIMEOUT_ERROR_NAME, &message);
    set(&error, "timeoutMs", &JsValue::from(timeout_ms));
    error.into()
}

/// `EiamSyncValidationError` listing `issues` (already serialised).
pub(crate) fn validation_error(
    action: &str,
    issues: &[ValidationIssue],
    issues_js: &JsValue,
) -> JsValue {
    let first = issues
        .first()
        .map_or("the request is not valid", |i| i.message.as_str());
    let more = match issues.len() {
        0 | 1 => String::new(),
        n => format!(" (and {} more issue{})", n - 1, plural((n - 1) as u32)),
    };
    let message = format!("{action}: the request was not sent: {first}{more}");
    let error = named(VALIDATION_ERROR_NAME, &message);
    set(&error, "issues", issues_js);
    error.into()
}

fn plural(count: u32) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

/// The `name` of `value` when it is an `Error` instance.
fn error_name(value: &JsValue) -> Option<String> {
    value.dyn_ref::<Error>().and_then(|e| e.name().as_string())
}

/// Narrows `unknown` to an `EiamSyncApiError` (tests `instanceof Error` and `name`).
#[wasm_bindgen(js_name = isEiamSyncApiError, unchecked_return_type = "e is EiamSyncApiError")]
pub fn is_eiam_sync_api_error(
    #[wasm_bindgen(unchecked_param_type = "unknown")] e: JsValue,
) -> bool {
    error_name(&e).is_some_and(|name| name == API_ERROR_NAME)
}

/// Narrows `unknown` to an `EiamSyncNetworkError`.
#[wasm_bindgen(
    js_name = isEiamSyncNetworkError,
    unchecked_return_type = "e is EiamSyncNetworkError"
)]
pub fn is_eiam_sync_network_error(
    #[wasm_bindgen(unchecked_param_type = "unknown")] e: JsValue,
) -> bool {
    error_name(&e).is_some_and(|name| name == NETWORK_ERROR_NAME)
}

/// Narrows `unknown` to an `EiamSyncTimeoutError`.
#[wasm_bindgen(
    js_name = isEiamSyncTimeoutError,
    unchecked_return_type = "e is EiamSyncTimeoutError"
)]
pub fn is_eiam_sync_timeout_error(
    #[wasm_bindgen(unchecked_param_type = "unknown")] e: JsValue,
) -> bool {
    error_name(&e).is_some_and(|name| name == TIMEOUT_ERROR_NAME)
}

/// Narrows `unknown` to an `EiamSyncValidationError`.
#[wasm_bindgen(
    js_name = isEiamSyncValidationError,
    unchecked_return_type = "e is EiamSyncValidationError"
)]
pub fn is_eiam_sync_validation_error(
    #[wasm_bindgen(unchecked_param_type = "unknown")] e: JsValue,
) -> bool {
    error_name(&e).is_some_and(|name| name == VALIDATION_ERROR_NAME)
}
