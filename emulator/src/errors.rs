//! The service's error answers: a code, an HTTP status and a message, sent as
//! `{"RequestId","HostId","Code","Message","Recommend"}` like every Alibaba
//! Cloud API error.

use axum::http::{HeaderName, HeaderValue, StatusCode};
use serde::Serialize;

/// An error answer, before the request id and host are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The service's error code (`EntityNotExists.SynchronizationJob`).
    pub code: String,
    /// One human sentence (or two) about what is wrong.
    pub message: String,
    /// Extra response headers (the rate-limit header of `Throttling.User`).
    pub headers: Vec<(HeaderName, HeaderValue)>,
}

/// The JSON body of an error answer, field for field as the service sends it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ErrorBody<'a> {
    /// The request's id, also in the `x-acs-request-id` header.
    pub request_id: &'a str,
    /// The endpoint that answered (`eiam.cn-hangzhou.aliyuncs.com`).
    pub host_id: &'a str,
    /// The error code.
    pub code: &'a str,
    /// The message.
    pub message: &'a str,
    /// Where to read about the error.
    pub recommend: String,
}

/// Shows at most 128 characters of caller-supplied text inside a message.
fn shown(text: &str) -> String {
    const LIMIT: usize = 128;
    let mut out: String = text.chars().take(LIMIT).collect();
    if text.chars().nth(LIMIT).is_some() {
        out.push('…');
    }
    out
}

impl ApiError {
    /// An error with this status, code and message.
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code: code.to_owned(),
            message: message.into(),
            headers: Vec::new(),
        }
    }

    /// Adds a response header.
    pub fn with_header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    /// `MissingParameter` (400): a required parameter is absent.
    pub fn missing_parameter(name: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "MissingParameter",
            format!(
                "The input parameter {name} that is mandatory for processing this request is not supplied."
            ),
        )
    }

    /// `InvalidParameter` (400): a parameter has a value the operation refuses.
    pub fn invalid_parameter(name: &str, why: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "InvalidParameter",
            format!("The parameter {} is invalid: {why}", shown(name)),
        )
    }

    /// `InvalidParameter.NextToken` (400): a token this emulator did not issue
    /// for these filters.
    pub fn invalid_next_token(why: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "InvalidParameter.NextToken",
            format!("The parameter NextToken is invalid: {why}"),
        )
    }

    /// `EntityNotExists.<kind>` (404): no such instance, job or provider.
    pub fn entity_not_exists(kind: &str, what: &str, id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            &format!("EntityNotExists.{kind}"),
            format!("The specified {what} {:?} does not exist.", shown(id)),
        )
    }

    /// `InvalidAction.NotFound` (404): not one of the four operations.
    pub fn invalid_action(action: Option<&str>) -> Self {
        let detail = match action {
            Some(action) => format!("the action {:?} is not served", shown(action)),
            None => "no x-acs-action header".to_owned(),
        };
        Self::new(
            StatusCode::NOT_FOUND,
            "InvalidAction.NotFound",
            format!("Specified api is not found, please check your url and method ({detail})."),
        )
    }

    /// `InvalidVersion` (400): `x-acs-version` is not `2021-12-01`.
    pub fn invalid_version(version: Option<&str>) -> Self {
        let found = match version {
            Some(v) => format!("{:?}", shown(v)),
            None => "no x-acs-version header".to_owned(),
        };
        Self::new(
            StatusCode::BAD_REQUEST,
            "InvalidVersion",
            format!(
                "Specified parameter Version is not valid: expected \"2021-12-01\", found {found}."
            ),
        )
    }

    /// `ServiceUnavailable` (503): the fail-rate fault.
    pub fn service_unavailable() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "ServiceUnavailable",
            "The request has failed due to a temporary failure of the server.",
        )
    }

    /// `Throttling.User` (429): more requests this second than `--throttle-rps`.
    pub fn throttled() -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "Throttling.User",
            "Request was denied due to user flow control.",
        )
    }

    /// Writes the JSON body for this error.
    pub fn body(&self, request_id: &str, host_id: &str) -> Vec<u8> {
        let body = ErrorBody {
            request_id,
            host_id,
            code: &self.code,
            message: &self.message,
            recommend: format!(
                "https://api.aliyun.com/troubleshoot?q={}&product=Eiam&requestId={request_id}",
                self.code
            ),
        };
        // Serialising plain strings cannot fail; an empty body would still be
        // an answer the client reports as `HttpError`.
        serde_json::to_vec(&body).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_has_the_service_shape() {
        let error = ApiError::entity_not_exists("SynchronizationJob", "job", "sync_<b>\"x\"");
        let body: serde_json::Value =
            serde_json::from_slice(&error.body("REQ-1", "eiam.cn-hangzhou.aliyuncs.com")).unwrap();
        assert_eq!(body["RequestId"], "REQ-1");
        assert_eq!(body["HostId"], "eiam.cn-hangzhou.aliyuncs.com");
        assert_eq!(body["Code"], "EntityNotExists.SynchronizationJob");
        assert!(body["Message"].as_str().unwrap().contains("sync_<b>"));
        assert!(body["Recommend"].as_str().unwrap().contains("REQ-1"));
        assert_eq!(error.status, StatusCode::NOT_FOUND);
    }

    #[test]
    fn long_caller_text_is_shortened() {
        let long = "x".repeat(10_000);
        let error = ApiError::invalid_action(Some(&long));
        assert!(error.message.len() < 400);
    }
}
