//! One operation from request to result: read and validate the request,
//! encode it, run attempts with the retry policy, parse the body in wasm.

use super::errors::{api_error, network_error, timeout_error, validation_error};
use super::options::{type_error, ClientConfig, HeadersSource};
use super::transport::{self, abort_reason, AttemptError, AttemptRequest, HttpAnswer, Interrupted};
use crate::client::{read_error_body, AttemptFailure, RetryDecision, WaitHints};
use crate::js::errors::parse_error_to_js;
use crate::parse::{self, ParseError, ParseOptions, MAX_INPUT_BYTES};
use crate::validate::{Severity, Validate, ValidateOptions, ValidationIssue, ValidationReport};
use js_sys::{Function, JsString, Promise, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

/// A Rust value as the plain JS object the parse functions return.
pub(crate) use crate::js::output::to_js;

/// The JSON text of a request object, as `JSON.stringify` gives it.
fn request_json(value: &JsValue) -> Result<Vec<u8>, ParseError> {
    let shape = |detail: &str| {
        ParseError::new(
            crate::parse::ParseErrorCode::Type,
            String::new(),
            None,
            detail,
        )
    };
    if value.is_undefined() || value.is_null() || !value.is_object() {
        return Err(shape("expected the request object"));
    }
    let text = JSON::stringify(value).map_err(|error| {
        let reason = error
            .dyn_ref::<js_sys::Error>()
            .and_then(|e| e.message().as_string())
            .unwrap_or_else(|| "JSON.stringify failed".to_owned());
        shape(&format!("the request cannot be read as JSON ({reason})"))
    })?;
    let text: &JsValue = text.as_ref();
    let Some(text) = text.dyn_ref::<JsString>() else {
        return Err(shape("the request has no JSON form"));
    };
    if text.length() as usize > MAX_INPUT_BYTES {
        return Err(crate::parse::too_large(text.length() as usize));
    }
    Ok(String::from(text).into_bytes())
}

/// Reads a request and checks it with the request rules: a request that
/// breaks a rule of severity `error` (or is not a request at all) is an
/// `EiamSyncValidationError`, and nothing is sent.
pub(crate) fn read_request<R: Validate>(action: &str, value: &JsValue) -> Result<R, JsValue> {
    let options = ValidateOptions::default();
    let parsed = request_json(value).and_then(|json| {
        parse::parse::<R>(&json, ParseOptions { strict: false })
            .map_err(ParseError::without_position)
    });
    let (request, report) = match parsed {
        Ok(request) => {
            let report = request.validate(&options);
            (Some(request), report)
        }
        Err(error) => (
            None,
            ValidationReport::from_parse_error(&error, R::TYPE_NAME, &options),
        ),
    };
    let errors: Vec<ValidationIssue> = report
        .issues
        .into_iter()
        .filter(|issue| issue.severity == Severity::Error)
        .collect();
    match request {
        Some(request) if errors.is_empty() => Ok(request),
        _ => Err(validation_error(action, &errors, &to_js(&errors)?)),
    }
}

/// Maps an interrupted wait to the rejection: the abort reason as-is.
fn interrupted(error: Interrupted) -> JsValue {
    match error {
        Interrupted::Aborted(reason) | Interrupted::Failed(reason) => reason,
    }
}

/// The headers of one request: the fixed object, or what the function
/// returns (awaited when it is a promise). A function that throws or rejects
/// fails the call with that error.
async fn request_headers(
    source: &HeadersSource,
    signal: Option<&AbortSignal>,
) -> Result<JsValue, JsValue> {
    let produced = match source {
        HeadersSource::None => return Ok(JsValue::UNDEFINED),
        HeadersSource::Fixed(headers) => return Ok(headers.clone()),
        HeadersSource::Function(function) => function.call0(&JsValue::UNDEFINED)?,
    };
    let headers = if produced.has_type::<Promise>() || is_thenable(&produced) {
        transport::until_aborted(Promise::resolve(&produced), signal)
            .await
            .map_err(interrupted)?
    } else {
        produced
    };
    if headers.is_undefined() || headers.is_null() || headers.is_object() {
        Ok(headers)
    } else {
        Err(type_error(
            "the headers function must return an object (or a promise of one)",
        ))
    }
}

/// Whether `value` has a callable `then`.
fn is_thenable(value: &JsValue) -> bool {
    value.is_object()
        && js_sys::Reflect::get(value, &JsValue::from_str("then"))
            .is_ok_and(|then| then.is_instance_of::<Function>())
}

/// What a 2xx body became: the value to resolve with (or, should converting
/// it to JS fail, the error to reject with).
pub(crate) type Accepted = Result<JsValue, JsValue>;

/// Reads a 2xx body. A `ParseError` fails the attempt (retried when `eof`).
pub(crate) type Accept<'a> = dyn FnMut(&[u8]) -> Result<Accepted, ParseError> + 'a;

/// Runs one call to `url` until `accept` takes a 2xx body, the call fails
/// for good, or `signal` aborts. Not generic, so the retry loop exists once
/// in the module whatever the operation.
pub(crate) async fn execute(
    config: &ClientConfig,
    action: &str,
    url: &str,
    signal: Option<&AbortSignal>,
    accept: &mut Accept<'_>,
) -> Result<JsValue, JsValue> {
    let mut attempt: u32 = 0;
    loop {
        attempt += 1;
        if let Some(reason) = abort_reason(signal) {
            return Err(reason);
        }
        let headers = request_headers(&config.headers, signal).await?;
        let request = AttemptRequest {
            url,
            headers: &headers,
            credentials: config.credentials,
            timeout_ms: config.timeout_ms,
        };
        let mut network_cause = JsValue::UNDEFINED;
        let (failure, hints) = match transport::attempt(&request, signal).await {
            Ok(answer) if (200..300).contains(&answer.status) => match accept(&answer.body) {
                Ok(accepted) => return accepted,
                Err(error) => (AttemptFailure::Parse(error), hints_of(&answer)),
            },
            Ok(answer) => {
                let failure =
                    read_error_body(answer.status, &answer.body, answer.request_id.as_deref());
                (AttemptFailure::Api(failure), hints_of(&answer))
            }
            Err(AttemptError::Aborted(reason)) => return Err(reason),
            Err(AttemptError::Unsupported(error)) => return Err(error),
            Err(AttemptError::Timeout) => (AttemptFailure::Timeout, WaitHints::default()),
            Err(AttemptError::Network(cause)) => {
                let message = cause
                    .dyn_ref::<js_sys::Error>()
                    .and_then(|e| e.message().as_string())
                    .unwrap_or_default();
                network_cause = cause;
                (AttemptFailure::Network(message), WaitHints::default())
            }
        };
        match config
            .retry
            .decide(attempt, &failure, &hints, js_sys::Math::random())
        {
            RetryDecision::RetryAfter(delay_ms) => {
                transport::sleep(delay_ms, signal)
                    .await
                    .map_err(interrupted)?;
            }
            RetryDecision::GiveUp(_) => {
                // The wait the answer asked for, so a console can say when to come back.
                let wait_ms = Some(hints.floor_ms(failure.is_throttling())).filter(|ms| *ms > 0);
                return Err(match failure {
                    AttemptFailure::Api(api) => api_error(&api, wait_ms),
                    AttemptFailure::Parse(error) => parse_error_to_js(&error),
                    AttemptFailure::Network(_) => network_error(action, attempt, &network_cause),
                    AttemptFailure::Timeout => timeout_error(action, attempt, config.timeout_ms),
                });
            }
        }
    }
}

/// The waits an answer asked for.
fn hints_of(answer: &HttpAnswer) -> WaitHints {
    WaitHints::from_headers(
        answer.rate_limit_user_api.as_deref(),
        answer.rate_limit_user.as_deref(),
        answer.retry_after.as_deref(),
        js_sys::Date::now(),
    )
}
