//! Alibaba Cloud signature V3 (ACS3-HMAC-SHA256).
//!
//! The signing proxy signs its upstream requests with [`sign`]; the emulator
//! checks them with [`verify`]. Both build the same canonical request, so the
//! algorithm lives here once:
//!
//! ```text
//! canonical request = METHOD \n PATH \n QUERY \n HEADERS \n SIGNED;HEADERS \n hex(sha256(body))
//! string to sign    = "ACS3-HMAC-SHA256\n" + hex(sha256(canonical request))
//! signature         = hex(HMAC-SHA256(secret, string to sign))
//! Authorization     = "ACS3-HMAC-SHA256 Credential=ID,SignedHeaders=a;b,Signature=hex"
//! ```
//!
//! Nothing here panics on any input, and no secret, signature or
//! `Authorization` value is ever printed by a `Debug` or `Display`
//! implementation of this crate, so values can be logged freely.

#![warn(missing_docs)]
// The no-panic promise, enforced outside tests.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable
    )
)]

mod authorization;
mod canonical;
mod crypto;
mod error;
mod request;
mod sign;
mod verify;

pub use authorization::{format_authorization, parse_authorization, Authorization};
pub use canonical::{
    canonical_headers, canonical_query, canonical_request, default_signed_headers, string_to_sign,
};
pub use crypto::{sha256_hex, signature};
pub use error::VerifyError;
pub use request::Request;
pub use sign::{sign, sign_with_headers, Signature};
pub use verify::{verify, VerifiedRequest};

/// Splits a received query string into decoded `(key, value)` pairs for
/// [`Request::query`], `+` read as a space as the official SDKs send it.
///
/// This is the workspace's one RPC query decoder (from `eiam-sync`), re-exported
/// so a verifier decodes exactly as the client library encodes.
pub use eiam_sync::model::rpc::decode_query;

/// Why [`decode_query`] refused a query string (a bad `%` escape, or bytes
/// that are not UTF-8 once decoded); names the parameter.
pub use eiam_sync::model::rpc::RpcError as QueryError;

/// The algorithm name: the first word of the `Authorization` header and the
/// first line of the string to sign.
pub const ALGORITHM: &str = "ACS3-HMAC-SHA256";

/// Hex SHA-256 of the empty payload: the `x-acs-content-sha256` and payload
/// hash of every RPC call, whose parameters travel in the query string.
pub const EMPTY_BODY_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_body_constant_is_the_hash_of_nothing() {
        assert_eq!(sha256_hex(b""), EMPTY_BODY_SHA256);
    }
}
