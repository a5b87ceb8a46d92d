//! What a failed attempt means: the Alibaba Cloud error body reader and the
//! retryable classes of DESIGN "Errors from the service".

use crate::parse::{ParseError, ParseErrorCode};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// The error codes worth another attempt (DESIGN "Errors from the service").
pub const RETRYABLE_CODES: [&str; 5] = [
    "Throttling",
    "Throttling.User",
    "Throttling.Api",
    "Throttling.Proxy",
    "ServiceUnavailable",
];

/// The `code` of an error answer whose body is not an Alibaba Cloud error.
pub const HTTP_ERROR_CODE: &str = "HttpError";

/// How much of a body that is not an error object is quoted in the message.
const EXCERPT_CHARS: usize = 120;

/// Whether `code` is one of the throttling codes (the ones whose
/// `x-ratelimit-*` `TimeLeft` must be waited out before the next attempt).
pub fn is_throttling_code(code: &str) -> bool {
    RETRYABLE_CODES[..4].contains(&code)
}

/// Whether an error answer is retryable: a code of [`RETRYABLE_CODES`], or
/// any HTTP 5xx. Every other 4xx (and 3xx) is final.
pub fn is_retryable_api_error(code: &str, http_status: u16) -> bool {
    RETRYABLE_CODES.contains(&code) || (500..=599).contains(&http_status)
}

/// An error answer of the service or the proxy, as the client reports it
/// (`EiamSyncApiError`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiFailure {
    /// The body's `Code`, or [`HTTP_ERROR_CODE`] when the body is not an
    /// Alibaba Cloud error.
    pub code: String,
    /// The body's `Message`, or a sentence naming the status.
    pub message: String,
    /// The body's `RequestId`, else the `x-acs-request-id` header, else `""`.
    pub request_id: String,
    /// The HTTP status.
    pub http_status: u16,
    /// The body's `Recommend` (a diagnosis link), when present.
    pub recommend: Option<String>,
    /// Whether another attempt may succeed ([`is_retryable_api_error`]).
    pub retryable: bool,
}

/// Reads the answer of a failed call: an Alibaba Cloud error body
/// (`{"RequestId","HostId","Code","Message","Recommend"}`) gives its code and
/// message; anything else (HTML from a gateway, an empty body, JSON without a
/// string `Code`) gives `code: "HttpError"` with the status and the start of
/// the body in the message. Never fails.
pub fn read_error_body(
    http_status: u16,
    body: &[u8],
    header_request_id: Option<&str>,
) -> ApiFailure {
    let object = std::str::from_utf8(body)
        .ok()
        .and_then(|text| serde_json::from_str::<ErrorBody>(text).ok())
        .unwrap_or_default();
    let field = |value: &Option<String>| value.clone().filter(|v| !v.is_empty());
    let header_id = header_request_id
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(str::to_owned);
    match field(&object.code) {
        Some(code) => {
            let message = field(&object.message)
                .unwrap_or_else(|| format!("the service answered HTTP {http_status} {code}"));
            let request_id = field(&object.request_id).or(header_id).unwrap_or_default();
            ApiFailure {
                retryable: is_retryable_api_error(&code, http_status),
                code,
                message,
                request_id,
                http_status,
                recommend: field(&object.recommend),
            }
        }
        None => ApiFailure {
            code: HTTP_ERROR_CODE.to_owned(),
            message: http_error_message(http_status, body),
            request_id: header_id.unwrap_or_default(),
            http_status,
            recommend: None,
            retryable: is_retryable_api_error(HTTP_ERROR_CODE, http_status),
        },
    }
}

/// The parts of an Alibaba Cloud error body the client reports. A part that
/// is not a string counts as absent; other keys are ignored.
#[derive(Debug, Default, Deserialize)]
struct ErrorBody {
    #[serde(rename = "Code", default, deserialize_with = "string_only")]
    code: Option<String>,
    #[serde(rename = "Message", default, deserialize_with = "string_only")]
    message: Option<String>,
    #[serde(rename = "RequestId", default, deserialize_with = "string_only")]
    request_id: Option<String>,
    #[serde(rename = "Recommend", default, deserialize_with = "string_only")]
    recommend: Option<String>,
}

/// A string, or `None` for a value of any other type (which is skipped).
fn string_only<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    struct StringOnly;
    impl<'de> Visitor<'de> for StringOnly {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
            Ok(Some(value.to_owned()))
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(None)
        }
    }
    deserializer.deserialize_any(StringOnly)
}

/// `HTTP 502: the body is not an Alibaba Cloud error (starts "<html>...")`.
fn http_error_message(http_status: u16, body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.is_empty() {
        return format!("HTTP {http_status} with an empty body (not an Alibaba Cloud error)");
    }
    let mut excerpt: String = text
        .chars()
        .take(EXCERPT_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().nth(EXCERPT_CHARS).is_some() {
        excerpt.push('…');
    }
    format!("HTTP {http_status} with a body that is not an Alibaba Cloud error: {excerpt:?}")
}

/// Why one attempt failed, as far as retrying is concerned. (An abort is
/// never a failure to retry: it ends the call at once.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttemptFailure {
    /// The service or the proxy answered with an error.
    Api(ApiFailure),
    /// A 2xx answer whose body is not a valid response.
    Parse(ParseError),
    /// The request did not complete (connection refused or reset, DNS, CORS).
    Network(String),
    /// No complete answer within the per-attempt time-out.
    Timeout,
}

impl AttemptFailure {
    /// Whether another attempt may succeed: the retryable codes, HTTP 5xx,
    /// network failures, time-outs, and a body that ends early (`eof`).
    pub fn is_retryable(&self) -> bool {
        match self {
            AttemptFailure::Api(api) => api.retryable,
            AttemptFailure::Parse(error) => error.code == ParseErrorCode::Eof,
            AttemptFailure::Network(_) | AttemptFailure::Timeout => true,
        }
    }

    /// Whether the service said "too many requests" (a throttling code).
    pub fn is_throttling(&self) -> bool {
        matches!(self, AttemptFailure::Api(api) if is_throttling_code(&api.code))
    }
}
