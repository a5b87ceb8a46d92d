//! Verifying a signed request: what the emulator does to every call.

use crate::canonical::normalise_names;
use crate::crypto::hmac_sha256;
use crate::{canonical_request, parse_authorization, string_to_sign, Request, VerifyError};
use subtle::ConstantTimeEq;

/// What a successful [`verify`] established about the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedRequest {
    /// The access key id whose secret produced the signature.
    pub access_key_id: String,
    /// The headers the signature covers, lower-cased, sorted, deduplicated.
    pub signed_headers: Vec<String>,
}

/// Whether a lower-case header name must be covered by every signature:
/// `host` (so a request cannot be replayed to another endpoint) and every
/// `x-acs-*` header (action, version, date, nonce, token, ...).
fn must_be_signed(lower_name: &str) -> bool {
    lower_name == "host" || lower_name.starts_with("x-acs-")
}

/// Checks which headers the signature covers: every `host`/`x-acs-*` header
/// present must be named, and every named header must be present.
fn check_coverage(req: &Request<'_>, signed: &[String]) -> Result<(), VerifyError> {
    let present = normalise_names(req.headers.iter().map(|(name, _)| name.as_str()));
    if let Some(unsigned) = present
        .iter()
        .find(|name| must_be_signed(name) && signed.binary_search(name).is_err())
    {
        return Err(VerifyError::UnsignedHeader(unsigned.clone()));
    }
    if let Some(missing) = signed
        .iter()
        .find(|name| present.binary_search(name).is_err())
    {
        return Err(VerifyError::MissingSignedHeader(missing.clone()));
    }
    Ok(())
}

/// Checks that every `x-acs-content-sha256` value is the hash of the body the
/// verifier received (hex, either case), so the header cannot vouch for
/// another body.
fn check_content_sha256(req: &Request<'_>) -> Result<(), VerifyError> {
    let mismatch = req.headers.iter().any(|(name, value)| {
        name.eq_ignore_ascii_case("x-acs-content-sha256")
            && !value.trim().eq_ignore_ascii_case(req.payload_sha256)
    });
    if mismatch {
        return Err(VerifyError::ContentSha256Mismatch);
    }
    Ok(())
}

/// Verifies the `Authorization` header value `authorization` of `req`.
///
/// Parses the header ([`parse_authorization`]), looks the secret up with
/// `secret_for(access_key_id)`, canonicalises exactly the headers the header's
/// `SignedHeaders` names (official SDKs differ: the Python SDK also signs
/// `accept`, `user-agent` and `x-acs-credentials-provider`), and compares
/// the signature in constant time. `req.query` must hold the decoded query
/// ([`crate::decode_query`] reads `+` as a space, as the SDKs send it), and
/// `req.payload_sha256` the hash of the body actually received.
///
/// Dates and nonces are the caller's to check: they are policy, not signature.
///
/// # Errors
///
/// In the order checked: [`VerifyError::MalformedAuthorization`],
/// [`VerifyError::UnknownAccessKeyId`], [`VerifyError::UnsignedHeader`] (a
/// `host` or `x-acs-*` header present but not signed),
/// [`VerifyError::MissingSignedHeader`], [`VerifyError::ContentSha256Mismatch`],
/// [`VerifyError::SignatureMismatch`] (with the verifier's string to sign).
pub fn verify(
    req: &Request<'_>,
    authorization: &str,
    secret_for: impl Fn(&str) -> Option<String>,
) -> Result<VerifiedRequest, VerifyError> {
    let parsed = parse_authorization(authorization)?;
    let secret = secret_for(&parsed.access_key_id)
        .ok_or_else(|| VerifyError::UnknownAccessKeyId(parsed.access_key_id.clone()))?;
    let signed = normalise_names(parsed.signed_headers.iter().map(String::as_str));
    check_coverage(req, &signed)?;
    check_content_sha256(req)?;

    let to_sign = string_to_sign(&canonical_request(req, &signed));
    let expected = hmac_sha256(secret.as_bytes(), to_sign.as_bytes());
    let received = hex::decode(&parsed.signature).ok();
    let matches = match (expected, received) {
        (Some(expected), Some(received)) => {
            bool::from(expected.as_slice().ct_eq(received.as_slice()))
        }
        _ => false,
    };
    if !matches {
        return Err(VerifyError::SignatureMismatch {
            string_to_sign: to_sign,
        });
    }
    Ok(VerifiedRequest {
        access_key_id: parsed.access_key_id,
        signed_headers: signed,
    })
}
