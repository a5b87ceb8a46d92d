//! The opaque `NextToken` of ListSynchronizationJobs.
//!
//! A token is base64url (no padding) of 33 bytes: a version byte, the offset
//! of the next page (u64, big-endian), a digest of the request's filters and
//! a keyed checksum (HMAC-SHA256, truncated to 16 bytes) of all that. So a
//! client can neither forge an offset nor carry a token over to other filters;
//! either gives `InvalidParameter.NextToken`. The key comes from the seed and
//! the access key secret, so tokens stay valid across restarts of the same
//! configuration.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use eiam_sync::model::rpc::{encode_query, RpcRequest};
use eiam_sync::model::ListSynchronizationJobsRequest;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

const VERSION: u8 = 1;
const BODY_LEN: usize = 1 + 8 + 8;
const TAG_LEN: usize = 16;

/// The digest of a request's filters: everything but the paging parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilterDigest([u8; 8]);

/// Digests the filters of `request` (instance, target type and IDs, status,
/// direction, time range, dynamic filters), ignoring `NextToken`,
/// `MaxResults`, `PageNumber` and `PageSize`, which may change between pages.
pub fn filter_digest(request: &ListSynchronizationJobsRequest) -> FilterDigest {
    let filters = ListSynchronizationJobsRequest {
        next_token: None,
        max_results: None,
        page_number: None,
        page_size: None,
        ..request.clone()
    };
    let hash = Sha256::digest(encode_query(&filters.to_params()).as_bytes());
    let mut digest = [0u8; 8];
    digest.copy_from_slice(&hash[..8]);
    FilterDigest(digest)
}

/// Why a token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    /// Not a token this emulator writes (bad base64, length or version).
    Malformed,
    /// The checksum does not match: the token was altered or comes from an
    /// emulator with another seed or key.
    Tampered,
    /// The token was issued for other filters.
    OtherFilters,
}

impl TokenError {
    /// A sentence for the error message.
    pub fn describe(self) -> &'static str {
        match self {
            TokenError::Malformed => "it is not a token returned by this service",
            TokenError::Tampered => {
                "its checksum does not match (altered, or from another service)"
            }
            TokenError::OtherFilters => {
                "it was returned for different filters; repeat the first request's filters with it"
            }
        }
    }
}

/// Writes and checks tokens with one key.
#[derive(Clone)]
pub struct TokenCodec {
    key: [u8; 32],
}

impl std::fmt::Debug for TokenCodec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenCodec { key: <redacted> }")
    }
}

impl TokenCodec {
    /// A codec whose key derives from `seed` and `secret`.
    pub fn new(seed: u64, secret: &str) -> Self {
        let mut hasher = Sha256::new();
        hasher.update(b"eiam-emulator next-token key\0");
        hasher.update(seed.to_be_bytes());
        hasher.update(secret.as_bytes());
        TokenCodec {
            key: hasher.finalize().into(),
        }
    }

    fn mac(&self) -> HmacSha256 {
        // HMAC takes keys of any length; 32 bytes cannot be refused.
        <HmacSha256 as Mac>::new_from_slice(&self.key).unwrap_or_else(|_| unreachable!())
    }

    /// The token for the page starting at `offset` under `filters`.
    pub fn encode(&self, offset: u64, filters: FilterDigest) -> String {
        let mut bytes = Vec::with_capacity(BODY_LEN + TAG_LEN);
        bytes.push(VERSION);
        bytes.extend_from_slice(&offset.to_be_bytes());
        bytes.extend_from_slice(&filters.0);
        let mut mac = self.mac();
        mac.update(&bytes);
        let tag = mac.finalize().into_bytes();
        bytes.extend_from_slice(&tag[..TAG_LEN]);
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// The offset a token points at, if it is genuine and was issued for `filters`.
    pub fn decode(&self, token: &str, filters: FilterDigest) -> Result<u64, TokenError> {
        if token.len() > 64 {
            return Err(TokenError::Malformed);
        }
        let bytes = URL_SAFE_NO_PAD
            .decode(token.as_bytes())
            .map_err(|_| TokenError::Malformed)?;
        if bytes.len() != BODY_LEN + TAG_LEN || bytes.first() != Some(&VERSION) {
            return Err(TokenError::Malformed);
        }
        let (body, tag) = bytes.split_at(BODY_LEN);
        let mut mac = self.mac();
        mac.update(body);
        mac.verify_truncated_left(tag)
            .map_err(|_| TokenError::Tampered)?;
        let mut offset = [0u8; 8];
        offset.copy_from_slice(&body[1..9]);
        if body[9..17] != filters.0 {
            return Err(TokenError::OtherFilters);
        }
        Ok(u64::from_be_bytes(offset))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(status: Option<&str>) -> ListSynchronizationJobsRequest {
        ListSynchronizationJobsRequest {
            instance_id: Some("idaas_x".into()),
            status: status.map(eiam_sync::model::JobStatus::from_wire),
            ..Default::default()
        }
    }

    #[test]
    fn round_trips() {
        let codec = TokenCodec::new(1, "secret");
        let digest = filter_digest(&request(Some("success")));
        for offset in [0, 20, 12_345, u64::MAX] {
            let token = codec.encode(offset, digest);
            assert!(token
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            assert_eq!(codec.decode(&token, digest), Ok(offset));
        }
    }

    #[test]
    fn paging_parameters_do_not_change_the_digest() {
        let mut a = request(None);
        let b = a.clone();
        a.max_results = Some(50);
        a.next_token = Some("x".into());
        a.page_number = Some(3);
        assert_eq!(filter_digest(&a), filter_digest(&b));
        assert_ne!(filter_digest(&a), filter_digest(&request(Some("failed"))));
    }

    #[test]
    fn refuses_other_filters_tampering_and_garbage() {
        let codec = TokenCodec::new(1, "secret");
        let digest = filter_digest(&request(None));
        let token = codec.encode(40, digest);
        let other = filter_digest(&request(Some("failed")));
        assert_eq!(codec.decode(&token, other), Err(TokenError::OtherFilters));

        let mut bytes = URL_SAFE_NO_PAD.decode(&token).unwrap();
        bytes[8] ^= 1; // offset 40 -> 41
        let forged = URL_SAFE_NO_PAD.encode(&bytes);
        assert_eq!(codec.decode(&forged, digest), Err(TokenError::Tampered));

        let foreign = TokenCodec::new(2, "secret").encode(40, digest);
        assert_eq!(codec.decode(&foreign, digest), Err(TokenError::Tampered));

        for garbage in [
            "",
            "abc",
            "!!!!",
            &"A".repeat(500),
            &token[..token.len() - 1],
        ] {
            assert_eq!(
                codec.decode(garbage, digest),
                Err(TokenError::Malformed),
                "{garbage}"
            );
        }
    }
}
