//! The RPC query codec: the four request types to and from the query string of
//! an RPC-style call (`POST /?InstanceId=...&TargetIds.1=...`).
//!
//! The client, the proxy and the emulator must agree byte for byte with the
//! official SDKs, because the query is part of what Signature V3 signs and
//! because the proxy forwards it unchanged. So this module writes exactly what
//! the official SDKs send (arrays flattened from 1, keys sorted, RFC 3986
//! percent-encoding) and reads it back strictly: a query that this module
//! accepts has one meaning only (no repeated keys, no unknown keys, no gaps
//! or leading zeros in array indexes, no numbers JavaScript would round).
//!
//! Decoding never panics and allocates only in proportion to its input, so it
//! is safe to run on anything a browser or the internet sends.

#[cfg(doc)]
use super::{JobFilter, MAX_SAFE_INTEGER};
use std::fmt;

mod encoding;
mod requests;
#[cfg(test)]
mod tests;

pub use encoding::{decode_query, encode_query, percent_decode, percent_encode};

/// A query that cannot be decoded into a request.
///
/// Returned by [`percent_decode`], [`decode_query`] and
/// [`RpcRequest::from_params`]; the proxy turns it into an `InvalidParameter`
/// (400) answer, so the message says what is wrong in terms a caller can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RpcError {
    /// The offending parameter (decoded when possible; the raw text when the
    /// name itself could not be decoded). `None` only from [`percent_decode`],
    /// which does not know which parameter it is reading.
    pub key: Option<String>,
    /// What is wrong, in one sentence.
    pub message: String,
}

impl RpcError {
    /// An error about the parameter `key`.
    fn at(key: &str, message: impl Into<String>) -> Self {
        RpcError {
            key: Some(key.to_owned()),
            message: message.into(),
        }
    }
}

impl fmt::Display for RpcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.key {
            Some(key) => write!(f, "query parameter {key:?}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for RpcError {}

/// A request type that travels as RPC query parameters.
///
/// `to_params` and `from_params` are inverses: for every request `r` whose
/// numbers are at most [`MAX_SAFE_INTEGER`],
/// `R::from_params(&r.to_params())` gives back `r`, except that an empty list
/// (or an empty [`JobFilter`]) sends nothing, as in the official SDKs, and so
/// reads back as absent.
pub trait RpcRequest: Sized {
    /// The operation name: the `x-acs-action` header upstream and the last
    /// path segment of a proxy URL (`POST {proxyUrl}/{ACTION}?...`).
    const ACTION: &'static str;

    /// Flattens the request as the official SDKs do: absent fields omitted,
    /// arrays numbered from 1 (`TargetIds.1`, `Filters.1.Values.2`), numbers in
    /// decimal, enums by their wire string; sorted by key (byte order).
    fn to_params(&self) -> Vec<(String, String)>;

    /// Reads decoded query parameters (from [`decode_query`]) back into the
    /// request, in any order. Refuses repeated keys, keys this operation does
    /// not have, array indexes that are not `1, 2, 3, ...` (decimal, no leading
    /// zeros, no gaps) and numbers that are not plain decimal integers up to
    /// [`MAX_SAFE_INTEGER`]. Unknown enum strings are kept
    /// (`from_wire`), as in responses.
    ///
    /// # Errors
    ///
    /// An [`RpcError`] naming the first offending parameter found.
    fn from_params(params: &[(String, String)]) -> Result<Self, RpcError>;
}
