//! The `Authorization` header: formatting and strict parsing.

use crate::{VerifyError, ALGORITHM};
use std::fmt;

/// The longest access key id accepted (real ones, STS ones included, are far
/// shorter); bounds what an error message can echo.
const MAX_ACCESS_KEY_ID_LEN: usize = 256;

/// Hex digits in a signature: HMAC-SHA256 gives 32 bytes.
const SIGNATURE_HEX_LEN: usize = 64;

/// A parsed `Authorization` header.
///
/// Its `Debug` output hides the signature, so a parsed header can be logged.
#[derive(Clone, PartialEq, Eq)]
pub struct Authorization {
    /// The `Credential=` value: the access key id (an STS one when a token is used).
    pub access_key_id: String,
    /// The `SignedHeaders=` names (lower-case), in the order given.
    pub signed_headers: Vec<String>,
    /// The `Signature=` value: 64 hex digits, as received.
    pub signature: String,
}

impl fmt::Debug for Authorization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Authorization")
            .field("access_key_id", &self.access_key_id)
            .field("signed_headers", &self.signed_headers)
            .field("signature", &"<redacted>")
            .finish()
    }
}

/// Builds the header value
/// `ACS3-HMAC-SHA256 Credential=ID,SignedHeaders=a;b,Signature=hex`, exactly
/// as the official SDKs write it (no spaces after the commas).
pub fn format_authorization(access_key_id: &str, signed_headers: &str, signature: &str) -> String {
    format!("{ALGORITHM} Credential={access_key_id},SignedHeaders={signed_headers},Signature={signature}")
}

/// A refusal with a reason.
fn malformed(why: impl Into<String>) -> VerifyError {
    VerifyError::MalformedAuthorization(why.into())
}

/// Whether `byte` may appear in an HTTP header name (RFC 9110 `tchar`).
fn is_tchar(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte)
}

/// Checks the `Credential=` value: visible ASCII, no separators, bounded length.
fn parse_credential(value: &str) -> Result<String, VerifyError> {
    if value.is_empty() {
        return Err(malformed("Credential is empty"));
    }
    if value.len() > MAX_ACCESS_KEY_ID_LEN {
        return Err(malformed("Credential is too long"));
    }
    let valid = value
        .bytes()
        .all(|b| b.is_ascii_graphic() && !matches!(b, b',' | b';' | b'='));
    if !valid {
        return Err(malformed(
            "Credential must be an access key id (visible ASCII, no `,;=`)",
        ));
    }
    Ok(value.to_owned())
}

/// Splits `SignedHeaders=` on `;`; every name must be a non-empty, lower-case
/// HTTP token, as every SDK writes it (so the list has one spelling only).
fn parse_signed_headers(value: &str) -> Result<Vec<String>, VerifyError> {
    if value.is_empty() {
        return Err(malformed("SignedHeaders is empty"));
    }
    value
        .split(';')
        .map(|name| {
            if name.is_empty() {
                Err(malformed("SignedHeaders has an empty header name"))
            } else if !name.bytes().all(is_tchar) {
                Err(malformed("SignedHeaders has an invalid header name"))
            } else if name.bytes().any(|b| b.is_ascii_uppercase()) {
                Err(malformed("SignedHeaders names must be lower-case"))
            } else {
                Ok(name.to_owned())
            }
        })
        .collect()
}

/// Checks `Signature=`: exactly 64 hex digits (either case).
fn parse_signature(value: &str) -> Result<String, VerifyError> {
    if value.len() != SIGNATURE_HEX_LEN || !value.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(malformed("Signature must be 64 hexadecimal digits"));
    }
    Ok(value.to_owned())
}

/// Stores one `key=value` part, refusing a repeated key.
fn set_once<'v>(slot: &mut Option<&'v str>, key: &str, value: &'v str) -> Result<(), VerifyError> {
    if slot.replace(value).is_some() {
        return Err(malformed(format!("{key} appears twice")));
    }
    Ok(())
}

/// Parses `ACS3-HMAC-SHA256 Credential=ID,SignedHeaders=a;b,Signature=hex`.
///
/// Strict, so that a header has one reading only: exactly one space after
/// the algorithm; the three parts `Credential`, `SignedHeaders` and
/// `Signature`, each exactly once, in any order, separated by `,` (spaces
/// after a comma are tolerated, as some clients write them); nothing else.
/// Header names must be lower-case; the signature may be hex in either case.
///
/// # Errors
///
/// [`VerifyError::MalformedAuthorization`] saying which part is wrong; the
/// message never repeats the signature.
pub fn parse_authorization(value: &str) -> Result<Authorization, VerifyError> {
    let rest = value
        .strip_prefix(ALGORITHM)
        .ok_or_else(|| malformed(format!("must start with {ALGORITHM}")))?;
    let rest = rest
        .strip_prefix(' ')
        .ok_or_else(|| malformed(format!("expected one space after {ALGORITHM}")))?;
    let (mut credential, mut signed, mut signature) = (None, None, None);
    for (index, part) in rest.split(',').enumerate() {
        let part = if index == 0 {
            part
        } else {
            part.trim_start_matches(' ')
        };
        let (key, value) = part
            .split_once('=')
            .ok_or_else(|| malformed("expected key=value parts separated by commas"))?;
        match key {
            "Credential" => set_once(&mut credential, key, value)?,
            "SignedHeaders" => set_once(&mut signed, key, value)?,
            "Signature" => set_once(&mut signature, key, value)?,
            _ => {
                return Err(malformed(
                    "unknown part (expected Credential, SignedHeaders, Signature)",
                ))
            }
        }
    }
    let credential = credential.ok_or_else(|| malformed("Credential is missing"))?;
    let signed = signed.ok_or_else(|| malformed("SignedHeaders is missing"))?;
    let signature = signature.ok_or_else(|| malformed("Signature is missing"))?;
    Ok(Authorization {
        access_key_id: parse_credential(credential)?,
        signed_headers: parse_signed_headers(signed)?,
        signature: parse_signature(signature)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIG: &str = "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0";

    #[test]
    fn parses_the_sdk_form() {
        let value = format_authorization("AK", "host;x-acs-date", SIG);
        let parsed = parse_authorization(&value).expect("valid");
        assert_eq!(parsed.access_key_id, "AK");
        assert_eq!(parsed.signed_headers, vec!["host", "x-acs-date"]);
        assert_eq!(parsed.signature, SIG);
    }

    #[test]
    fn tolerates_spaces_after_commas_and_any_order() {
        let value =
            format!("ACS3-HMAC-SHA256 Signature={SIG},  Credential=STS.x, SignedHeaders=host");
        let parsed = parse_authorization(&value).expect("valid");
        assert_eq!(parsed.access_key_id, "STS.x");
        assert_eq!(parsed.signed_headers, vec!["host"]);
    }

    #[test]
    fn refuses_what_is_not_exactly_the_format() {
        let bad = [
            String::new(),
            "ACS3-HMAC-SHA256".to_owned(),
            format!("ACS3-HMAC-SHA1 Credential=AK,SignedHeaders=host,Signature={SIG}"),
            format!("ACS3-HMAC-SHA256  Credential=AK,SignedHeaders=host,Signature={SIG}"),
            format!("ACS3-HMAC-SHA256 Credential=AK ,SignedHeaders=host,Signature={SIG}"),
            format!("ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature={SIG}"),
            format!("ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=,Signature={SIG}"),
            format!("ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;;a,Signature={SIG}"),
            format!("ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=ho st,Signature={SIG}"),
            format!("ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=Host,Signature={SIG}"),
            format!("ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature={SIG}0"),
            format!("ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature={SIG},"),
            format!(
                "ACS3-HMAC-SHA256 Credential=AK,Credential=AK,SignedHeaders=host,Signature={SIG}"
            ),
            format!("ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature={SIG},Extra=1"),
            "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature=zz".to_owned(),
            "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host".to_owned(),
            format!("ACS3-HMAC-SHA256 Credential=A=K,SignedHeaders=host,Signature={SIG}"),
        ];
        for value in &bad {
            assert!(
                matches!(
                    parse_authorization(value),
                    Err(VerifyError::MalformedAuthorization(_))
                ),
                "accepted {value:?}"
            );
        }
    }

    #[test]
    fn errors_and_debug_never_show_the_signature() {
        let value = format!("ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=,Signature={SIG}");
        let error = parse_authorization(&value).expect_err("invalid");
        assert!(!error.to_string().contains(SIG));
        let parsed = parse_authorization(&format_authorization("AK", "host", SIG)).expect("valid");
        assert!(!format!("{parsed:?}").contains(SIG));
    }
}
