//! The signature check every API request passes first: Signature V3 with the
//! emulator's key pair (through `acs3`), then the policy around it: the date
//! within 15 minutes of the real clock, a nonce never seen in the last 30
//! minutes, and the security token when one is configured.

use crate::clock::parse_acs_date;
use crate::errors::ApiError;
use axum::http::StatusCode;
use sha2::{Digest, Sha256};
use std::collections::{HashSet, VecDeque};
use std::sync::Mutex;

/// How far `x-acs-date` may be from the emulator's clock: 15 minutes.
pub const MAX_CLOCK_SKEW_MS: u64 = 15 * 60 * 1000;
/// How long a nonce is remembered: 30 minutes.
pub const NONCE_TTL_MS: u64 = 30 * 60 * 1000;
/// The most nonces remembered; beyond it the oldest are forgotten first.
pub const NONCE_CAPACITY: usize = 250_000;

/// The key pair and token requests must be signed with.
#[derive(Clone)]
pub struct Credentials {
    /// The AccessKey ID.
    pub access_key_id: String,
    /// The AccessKey secret.
    pub access_key_secret: String,
    /// The STS token requests must carry in `x-acs-security-token` (signed).
    pub security_token: Option<String>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("access_key_secret", &"<redacted>")
            .field(
                "security_token",
                &self.security_token.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

/// The parts of a received request the check reads.
#[derive(Debug, Clone, Copy)]
pub struct ReceivedRequest<'a> {
    /// The method as received.
    pub method: &'a str,
    /// The path as received (still percent-encoded).
    pub path: &'a str,
    /// The raw query string, without `?`.
    pub raw_query: &'a str,
    /// Every header (names lower-case).
    pub headers: &'a [(String, String)],
    /// The body.
    pub body: &'a [u8],
}

impl ReceivedRequest<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
    }

    fn count(&self, name: &str) -> usize {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .count()
    }
}

/// Remembers nonces for [`NONCE_TTL_MS`], in bounded memory (hashes only).
#[derive(Debug, Default)]
struct NonceMemory {
    seen: HashSet<u128>,
    order: VecDeque<(u64, u128)>,
}

impl NonceMemory {
    /// Records `nonce` at `now_ms`; `false` if it was already there.
    fn insert(&mut self, nonce: &str, now_ms: u64) -> bool {
        while let Some(&(at, hash)) = self.order.front() {
            if at + NONCE_TTL_MS > now_ms && self.order.len() < NONCE_CAPACITY {
                break;
            }
            self.order.pop_front();
            self.seen.remove(&hash);
        }
        let digest = Sha256::digest(nonce.as_bytes());
        let mut first = [0u8; 16];
        first.copy_from_slice(&digest[..16]);
        let hash = u128::from_be_bytes(first);
        if !self.seen.insert(hash) {
            return false;
        }
        self.order.push_back((now_ms, hash));
        true
    }
}

/// Checks signatures, dates, nonces and tokens.
#[derive(Debug)]
pub struct SignatureChecker {
    credentials: Credentials,
    nonces: Mutex<NonceMemory>,
}

fn incomplete(why: &str) -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "IncompleteSignature",
        format!("The request signature does not conform to Aliyun standards: {why}."),
    )
}

fn mismatch(message: String) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "SignatureDoesNotMatch", message)
}

fn map_verify_error(error: acs3::VerifyError) -> ApiError {
    use acs3::VerifyError as E;
    match error {
        E::UnknownAccessKeyId(id) => ApiError::new(
            StatusCode::NOT_FOUND,
            "InvalidAccessKeyId.NotFound",
            format!("Specified access key is not found: {id:?}."),
        ),
        E::SignatureMismatch { string_to_sign } => mismatch(format!(
            "Specified signature does not match our calculation. server string to sign is:{string_to_sign}"
        )),
        E::ContentSha256Mismatch => mismatch(
            "Specified signature does not match our calculation: x-acs-content-sha256 is not the SHA-256 of the body received."
                .to_owned(),
        ),
        E::MalformedAuthorization(why) => incomplete(&format!("malformed Authorization header ({why})")),
        E::UnsignedHeader(name) => incomplete(&format!("the header {name} must be listed in SignedHeaders")),
        E::MissingSignedHeader(name) => incomplete(&format!(
            "SignedHeaders names {name}, which the request does not carry"
        )),
        other => incomplete(&other.to_string()),
    }
}

impl SignatureChecker {
    /// A checker for these credentials.
    pub fn new(credentials: Credentials) -> Self {
        SignatureChecker {
            credentials,
            nonces: Mutex::new(NonceMemory::default()),
        }
    }

    /// Checks `request` at `now_ms` (the real clock). The nonce is recorded
    /// only when everything else passed, so a refused request never burns one.
    pub fn check(&self, request: &ReceivedRequest<'_>, now_ms: u64) -> Result<(), ApiError> {
        let authorization = match request.count("authorization") {
            0 => {
                return Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "MissingAuthorization",
                    "The request has no Authorization header; sign it with ACS3-HMAC-SHA256.",
                ))
            }
            1 => request.header("authorization").unwrap_or_default(),
            _ => {
                return Err(incomplete(
                    "the request has more than one Authorization header",
                ))
            }
        };
        let query = acs3::decode_query(request.raw_query).map_err(|e| {
            ApiError::invalid_parameter(e.key.as_deref().unwrap_or("query"), &e.message)
        })?;
        let payload_sha256 = acs3::sha256_hex(request.body);
        let signed = acs3::Request {
            method: request.method,
            path: request.path,
            query: &query,
            headers: request.headers,
            payload_sha256: &payload_sha256,
        };
        let credentials = &self.credentials;
        acs3::verify(&signed, authorization, |id| {
            (id == credentials.access_key_id).then(|| credentials.access_key_secret.clone())
        })
        .map_err(map_verify_error)?;

        for name in [
            "x-acs-date",
            "x-acs-signature-nonce",
            "x-acs-content-sha256",
        ] {
            match request.count(name) {
                0 => return Err(incomplete(&format!("the {name} header is missing"))),
                1 => {}
                _ => return Err(incomplete(&format!("the {name} header is repeated"))),
            }
        }
        let date = request.header("x-acs-date").unwrap_or_default();
        let Some(date_ms) = parse_acs_date(date) else {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "InvalidTimeStamp.Format",
                "Specified time stamp or date value is not well formatted: x-acs-date must look like 2023-10-26T10:22:32Z.",
            ));
        };
        if date_ms.abs_diff(now_ms) > MAX_CLOCK_SKEW_MS {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "InvalidTimeStamp.Expired",
                format!(
                    "Specified time stamp or date value is expired: x-acs-date {date} is more than 15 minutes from the server time {}.",
                    crate::clock::format_acs_date(now_ms)
                ),
            ));
        }

        let token = request.header("x-acs-security-token");
        match (&credentials.security_token, token) {
            (Some(expected), Some(sent)) if expected == sent => {}
            (None, None) => {}
            (Some(_), _) => {
                return Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "InvalidSecurityToken.Mismatch",
                    "The security token is missing or does not belong to this AccessKey.",
                ))
            }
            (None, Some(_)) => {
                return Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "InvalidSecurityToken.Mismatch",
                    "The request carries a security token, but this AccessKey is not an STS key.",
                ))
            }
        }

        let nonce = request.header("x-acs-signature-nonce").unwrap_or_default();
        if nonce.is_empty() {
            return Err(incomplete("the x-acs-signature-nonce header is empty"));
        }
        let fresh = self
            .nonces
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(nonce, now_ms);
        if !fresh {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "SignatureNonceUsed",
                "Specified signature nonce was used already.",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
