//! The parts of an HTTP request that Signature V3 covers.

use std::fmt;

/// Header names whose values [`Request`]'s `Debug` hides: they carry a
/// signature, a session token or caller credentials.
const REDACTED_HEADERS: &[&str] = &[
    "authorization",
    "cookie",
    "proxy-authorization",
    "x-acs-security-token",
];

/// A request as the signer builds it or the verifier receives it.
///
/// Borrowed, so the proxy and the emulator describe their own request types
/// without copying them. The `Debug` output hides the values of
/// `authorization`, `cookie`, `proxy-authorization` and `x-acs-security-token`
/// headers, so a request can be logged.
#[derive(Clone, Copy)]
pub struct Request<'a> {
    /// The HTTP method as sent (`POST`); used verbatim, not upper-cased.
    pub method: &'a str,
    /// The request path as sent, already percent-encoded (`/` for RPC calls);
    /// an empty path canonicalises as `/`.
    pub path: &'a str,
    /// The query parameters, decoded (see [`crate::decode_query`]), in any
    /// order, repeated keys allowed; the canonical form re-encodes and sorts them.
    pub query: &'a [(String, String)],
    /// The headers as sent or received: names in any case, names possibly
    /// repeated, values untrimmed.
    pub headers: &'a [(String, String)],
    /// Lower-case hex SHA-256 of the body ([`crate::EMPTY_BODY_SHA256`] for RPC).
    pub payload_sha256: &'a str,
}

impl fmt::Debug for Request<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(name, value)| {
                let hidden = REDACTED_HEADERS
                    .iter()
                    .any(|secret| name.eq_ignore_ascii_case(secret));
                (name.as_str(), if hidden { "<redacted>" } else { value })
            })
            .collect();
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &headers)
            .field("payload_sha256", &self.payload_sha256)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_credentials_and_signatures() {
        let headers = vec![
            (
                "Authorization".to_owned(),
                "ACS3-HMAC-SHA256 sig-SECRET".to_owned(),
            ),
            ("x-acs-security-token".to_owned(), "token-SECRET".to_owned()),
            ("Cookie".to_owned(), "session=SECRET".to_owned()),
            ("x-acs-action".to_owned(), "ListThings".to_owned()),
        ];
        let request = Request {
            method: "POST",
            path: "/",
            query: &[],
            headers: &headers,
            payload_sha256: crate::EMPTY_BODY_SHA256,
        };
        let shown = format!("{request:?}");
        assert!(!shown.contains("SECRET"), "{shown}");
        assert!(shown.contains("ListThings"), "{shown}");
        assert!(shown.contains("<redacted>"), "{shown}");
    }
}
