//! The proxy's own refusals, in the Alibaba Cloud error shape
//! `{"RequestId","HostId","Code","Message","Recommend"}` with the proxy's
//! request id, also sent as `x-acs-request-id`.
//!
//! Messages name what the caller sent wrong (an action, a query key); they
//! never carry a credential, a token, a signature or a header value.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;

/// The `HostId` of the proxy's own answers: tells them apart from the service's.
pub const HOST_ID: &str = "eiam-sync-proxy";

/// A refusal or failure the proxy answers itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The Alibaba-style error code (`Forbidden.ActionNotAllowed`).
    pub code: &'static str,
    /// One sentence for the caller.
    pub message: String,
    /// Seconds to wait before retrying (429 only): the `Retry-After` header.
    pub retry_after_seconds: Option<u64>,
}

impl ProxyError {
    /// A refusal with no `Retry-After`.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ProxyError {
            status,
            code,
            message: message.into(),
            retry_after_seconds: None,
        }
    }

    /// 400 `InvalidParameter`.
    pub fn invalid_parameter(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "InvalidParameter", message)
    }

    /// 401 `Unauthorized`.
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "Unauthorized", message)
    }

    /// 403 `Forbidden.OriginNotAllowed`.
    pub fn origin_not_allowed() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "Forbidden.OriginNotAllowed",
            "the request's Origin is not allowed to call this proxy",
        )
    }

    /// 403 `Forbidden.ActionNotAllowed`.
    pub fn action_not_allowed(action: &str) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "Forbidden.ActionNotAllowed",
            format!("the operation {action:?} is not allowed through this proxy"),
        )
    }

    /// 403 `Forbidden.InstanceNotAllowed`.
    pub fn instance_not_allowed(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "Forbidden.InstanceNotAllowed",
            message,
        )
    }

    /// 413 `RequestTooLarge` (the body).
    pub fn body_too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "RequestTooLarge",
            format!("the request body is larger than {limit} bytes (calls take an empty body)"),
        )
    }

    /// 414 `RequestTooLarge` (the path and query).
    pub fn uri_too_long(limit: usize) -> Self {
        Self::new(
            StatusCode::URI_TOO_LONG,
            "RequestTooLarge",
            format!("the request path and query are longer than {limit} bytes"),
        )
    }

    /// 429 `Throttling.Proxy` with `Retry-After`.
    pub fn throttled(retry_after_seconds: u64) -> Self {
        ProxyError {
            retry_after_seconds: Some(retry_after_seconds),
            ..Self::new(
                StatusCode::TOO_MANY_REQUESTS,
                "Throttling.Proxy",
                "too many requests from this caller; retry after the Retry-After delay",
            )
        }
    }

    /// 502 `Proxy.UpstreamUnavailable`.
    pub fn upstream_unavailable() -> Self {
        Self::new(
            StatusCode::BAD_GATEWAY,
            "Proxy.UpstreamUnavailable",
            "the service could not be reached or gave no usable answer",
        )
    }

    /// 504 `Proxy.UpstreamTimeout`.
    pub fn upstream_timeout() -> Self {
        Self::new(
            StatusCode::GATEWAY_TIMEOUT,
            "Proxy.UpstreamTimeout",
            "the service did not answer in time",
        )
    }

    /// 503 `Proxy.CredentialsUnavailable`: no valid AccessKey is loaded.
    pub fn credentials_unavailable() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "Proxy.CredentialsUnavailable",
            "the proxy has no valid credentials at the moment",
        )
    }

    /// 405 `Proxy.MethodNotAllowed`.
    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "Proxy.MethodNotAllowed",
            "use POST /{Action}?{parameters} (or GET /healthz, GET /readyz)",
        )
    }

    /// 500 `Proxy.InternalError`.
    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Proxy.InternalError",
            "the proxy failed to handle the request",
        )
    }

    /// What the caller can do about it.
    fn recommend(&self) -> &'static str {
        match self.code {
            "Forbidden.ActionNotAllowed" | "Forbidden.InstanceNotAllowed" => {
                "Ask the proxy's operator to allow it (--allow-action / --allow-instance)."
            }
            "Forbidden.OriginNotAllowed" => {
                "Ask the proxy's operator to add this page's origin (--allow-origin)."
            }
            "Unauthorized" => "Send the credentials the proxy's operator gave you.",
            "InvalidParameter" => {
                "Send POST /{Action}?{parameters}: one path segment of letters, each parameter once, no signature parameters."
            }
            "RequestTooLarge" => "Send an empty body and a shorter query.",
            "Throttling.Proxy" => "Wait for the Retry-After delay, then retry.",
            "Proxy.UpstreamTimeout" | "Proxy.UpstreamUnavailable" => "Retry later.",
            "Proxy.CredentialsUnavailable" => "Retry later; the operator should check the proxy's credentials.",
            _ => "",
        }
    }

    /// The JSON body, with `request_id`.
    pub fn body(&self, request_id: &str) -> String {
        serde_json::json!({
            "RequestId": request_id,
            "HostId": HOST_ID,
            "Code": self.code,
            "Message": self.message,
            "Recommend": self.recommend(),
        })
        .to_string()
    }

    /// The whole HTTP answer (CORS headers are added by the caller).
    pub fn into_response(self, request_id: &str) -> Response {
        let mut response = Response::new(axum::body::Body::from(self.body(request_id)));
        *response.status_mut() = self.status;
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json;charset=utf-8"),
        );
        if let Ok(value) = HeaderValue::from_str(request_id) {
            headers.insert(crate::upstream::REQUEST_ID_HEADER, value);
        }
        if let Some(seconds) = self.retry_after_seconds {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_has_the_alibaba_shape() {
        let body = ProxyError::action_not_allowed("DeleteUser").body("REQ-1");
        let value: serde_json::Value = serde_json::from_str(&body).expect("json");
        assert_eq!(value["RequestId"], "REQ-1");
        assert_eq!(value["HostId"], HOST_ID);
        assert_eq!(value["Code"], "Forbidden.ActionNotAllowed");
        assert!(value["Message"]
            .as_str()
            .is_some_and(|m| m.contains("DeleteUser")));
        assert!(value["Recommend"].is_string());
    }

    #[test]
    fn throttling_carries_retry_after_and_request_id() {
        let response = ProxyError::throttled(3).into_response("REQ-2");
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[header::RETRY_AFTER], "3");
        assert_eq!(response.headers()["x-acs-request-id"], "REQ-2");
    }
}
