//! The two hash primitives of the signature: SHA-256 and HMAC-SHA256, in hex.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// HMAC with SHA-256, as Signature V3 uses it.
type HmacSha256 = Hmac<Sha256>;

/// Lower-case hex SHA-256 of `data`: the payload hash (`x-acs-content-sha256`)
/// and the hash of the canonical request in the string to sign.
pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// The raw HMAC-SHA256 of `message` under `key`.
///
/// HMAC accepts keys of any length (longer ones are hashed first), so the
/// key set-up cannot fail; `None` is only there to avoid a panic path.
pub(crate) fn hmac_sha256(key: &[u8], message: &[u8]) -> Option<[u8; 32]> {
    let mut mac = HmacSha256::new_from_slice(key).ok()?;
    mac.update(message);
    Some(mac.finalize().into_bytes().into())
}

/// Lower-case hex HMAC-SHA256 of `string_to_sign` keyed with the access key
/// secret: the `Signature=` part of the `Authorization` header.
///
/// The secret is used as the key bytes as-is (UTF-8), as the official SDKs do.
/// Returns an empty string only if HMAC refused the key, which it never does;
/// an empty signature is never accepted by [`crate::verify`].
pub fn signature(secret: &str, string_to_sign: &str) -> String {
    hmac_sha256(secret.as_bytes(), string_to_sign.as_bytes())
        .map(hex::encode)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_abc_matches_fips_180_2() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn hmac_matches_rfc_4231_case_2() {
        assert_eq!(
            signature("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn long_and_empty_keys_are_accepted() {
        let long = "k".repeat(1000);
        assert_eq!(signature(&long, "x").len(), 64);
        assert_eq!(signature("", "x").len(), 64);
    }
}
