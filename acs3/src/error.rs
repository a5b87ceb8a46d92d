//! Why a signature was refused.

use std::fmt;

/// Why [`crate::verify`] (or [`crate::parse_authorization`]) refused a request.
///
/// The emulator maps these to the service's error codes
/// (`SignatureDoesNotMatch`, `InvalidAccessKeyId.NotFound`, ...). No variant
/// holds a secret or a received signature, so the messages are safe to log
/// and to send back to the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum VerifyError {
    /// The `Authorization` value is not
    /// `ACS3-HMAC-SHA256 Credential=ID,SignedHeaders=a;b,Signature=hex`;
    /// the text says which part is wrong (without echoing the signature).
    MalformedAuthorization(String),
    /// No secret is known for this access key id.
    UnknownAccessKeyId(String),
    /// A header that must be signed (`host`, any `x-acs-*`) is present but
    /// not named in `SignedHeaders`; holds the lower-cased name.
    UnsignedHeader(String),
    /// `SignedHeaders` names a header the request does not carry; holds the
    /// lower-cased name.
    MissingSignedHeader(String),
    /// `x-acs-content-sha256` differs from the hash of the body received.
    ContentSha256Mismatch,
    /// The signature is not the one the secret gives for this request. Holds
    /// the verifier's string to sign (no secret in it), which the real service
    /// also returns so a client can compare it with its own.
    SignatureMismatch {
        /// `ACS3-HMAC-SHA256\n<hex sha256 of the canonical request>`.
        string_to_sign: String,
    },
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyError::MalformedAuthorization(why) => {
                write!(f, "malformed Authorization header: {why}")
            }
            VerifyError::UnknownAccessKeyId(id) => {
                write!(f, "the access key id {id:?} is not known")
            }
            VerifyError::UnsignedHeader(name) => {
                write!(f, "the header {name:?} must be listed in SignedHeaders")
            }
            VerifyError::MissingSignedHeader(name) => write!(
                f,
                "SignedHeaders names {name:?} but the request has no such header"
            ),
            VerifyError::ContentSha256Mismatch => {
                f.write_str("x-acs-content-sha256 does not match the SHA-256 of the body")
            }
            VerifyError::SignatureMismatch { string_to_sign } => write!(
                f,
                "the request signature does not match; server string to sign is: {string_to_sign:?}"
            ),
        }
    }
}

impl std::error::Error for VerifyError {}
