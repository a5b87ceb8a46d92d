//! Signing a request: what the proxy does to every upstream call.

use crate::canonical::normalise_names;
use crate::{
    canonical_request, default_signed_headers, format_authorization, signature, string_to_sign,
    Request,
};
use std::fmt;

/// The result of signing a request.
///
/// `Debug` hides `signature` and `authorization`: a signature is a bearer
/// credential for this request, so it must never reach a log.
#[derive(Clone, PartialEq, Eq)]
pub struct Signature {
    /// The whole `Authorization` header value to send.
    pub authorization: String,
    /// The `SignedHeaders` list (`host;x-acs-action;...`).
    pub signed_headers: String,
    /// The hex HMAC-SHA256 signature.
    pub signature: String,
}

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signature")
            .field("authorization", &"<redacted>")
            .field("signed_headers", &self.signed_headers)
            .field("signature", &"<redacted>")
            .finish()
    }
}

/// Signs `req` as the Go SDK does: the headers signed are those of
/// [`default_signed_headers`] (`host`, `content-type`, every `x-acs-*`).
///
/// The caller adds every header it will send (including `x-acs-date`,
/// `x-acs-signature-nonce`, `x-acs-content-sha256` and any
/// `x-acs-security-token`) before signing, then sends
/// [`Signature::authorization`] as the `Authorization` header.
///
/// Header names must be HTTP tokens and at least one header must be signed
/// (real requests always carry `host`); otherwise the `Authorization` built
/// is one that [`crate::verify`] refuses as malformed.
pub fn sign(req: &Request<'_>, access_key_id: &str, access_key_secret: &str) -> Signature {
    let signed = default_signed_headers(req.headers);
    sign_with_headers(req, &signed, access_key_id, access_key_secret)
}

/// Signs `req` covering exactly the headers named in `signed` (lower-cased,
/// sorted and deduplicated first), as SDKs that sign more than the default set
/// do (the Python SDK also signs `accept` and `user-agent`).
pub fn sign_with_headers(
    req: &Request<'_>,
    signed: &[String],
    access_key_id: &str,
    access_key_secret: &str,
) -> Signature {
    let signed_headers = normalise_names(signed.iter().map(String::as_str)).join(";");
    let to_sign = string_to_sign(&canonical_request(req, signed));
    let signature = signature(access_key_secret, &to_sign);
    Signature {
        authorization: format_authorization(access_key_id, &signed_headers, &signature),
        signed_headers,
        signature,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_signature() {
        let headers = vec![("host".to_owned(), "example".to_owned())];
        let request = Request {
            method: "POST",
            path: "/",
            query: &[],
            headers: &headers,
            payload_sha256: crate::EMPTY_BODY_SHA256,
        };
        let signed = sign(&request, "AK", "secret");
        let shown = format!("{signed:?}");
        assert!(!shown.contains(&signed.signature), "{shown}");
        assert!(!shown.contains("Credential"), "{shown}");
        assert!(shown.contains("host"), "{shown}");
    }
}
