//! The shared Signature V3 test vectors (`tests/vectors.json`, a copy of
//! `../shared/vectors/acs3-hmac-sha256.json`), signed and verified.

use acs3::{canonical_request, default_signed_headers, sha256_hex, sign, verify, Request};
use serde_json::Value;

/// One vector with its inputs owned.
struct Vector {
    json: Value,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
}

impl Vector {
    fn str(&self, key: &str) -> &str {
        self.json
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("vector field {key} missing"))
    }

    fn request(&self) -> Request<'_> {
        Request {
            method: self.str("method"),
            path: self.str("path"),
            query: &self.query,
            headers: &self.headers,
            payload_sha256: self.str("payload_sha256"),
        }
    }
}

fn pairs(value: &Value) -> Vec<(String, String)> {
    value
        .as_array()
        .expect("a list of pairs")
        .iter()
        .map(|pair| {
            let pair = pair.as_array().expect("a pair");
            let text = |i: usize| pair.get(i).and_then(Value::as_str).expect("a string");
            (text(0).to_owned(), text(1).to_owned())
        })
        .collect()
}

fn vectors() -> Vec<Vector> {
    let file: Value =
        serde_json::from_str(include_str!("vectors.json")).expect("vectors.json is JSON");
    file["vectors"]
        .as_array()
        .expect("vectors")
        .iter()
        .map(|json| Vector {
            query: pairs(&json["query"]),
            headers: pairs(&json["headers"]),
            json: json.clone(),
        })
        .collect()
}

fn vector(prefix: &str) -> Vector {
    vectors()
        .into_iter()
        .find(|v| v.str("name").starts_with(prefix))
        .expect("vector present")
}

#[test]
fn there_are_two_vectors() {
    assert_eq!(vectors().len(), 2);
}

#[test]
fn vector_a_canonical_request_hash_and_authorization() {
    let v = vector("A:");
    let req = v.request();
    let canonical = canonical_request(&req, &default_signed_headers(&v.headers));
    assert_eq!(
        sha256_hex(canonical.as_bytes()),
        v.str("canonical_request_sha256")
    );
    let signed = sign(&req, v.str("access_key_id"), v.str("access_key_secret"));
    assert_eq!(signed.authorization, v.str("authorization"));
    assert_eq!(
        signed.signed_headers,
        "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version"
    );
}

#[test]
fn vector_b_canonical_request_and_authorization() {
    let v = vector("B:");
    let req = v.request();
    let canonical = canonical_request(&req, &default_signed_headers(&v.headers));
    assert_eq!(canonical, v.str("canonical_request"));
    let signed = sign(&req, v.str("access_key_id"), v.str("access_key_secret"));
    assert_eq!(signed.authorization, v.str("authorization"));
}

#[test]
fn both_vectors_verify_with_their_secret() {
    for v in vectors() {
        let secret = v.str("access_key_secret").to_owned();
        let id = v.str("access_key_id").to_owned();
        let verified = verify(&v.request(), v.str("authorization"), |asked| {
            (asked == id).then(|| secret.clone())
        })
        .unwrap_or_else(|e| panic!("{}: {e}", v.str("name")));
        assert_eq!(verified.access_key_id, id);
    }
}
