//! The canonical request and the string to sign.
//!
//! Signer and verifier must produce these byte for byte as the official SDKs
//! do; see `TOOLCHAIN.md` ("Official SDK facts") and the shared test vectors.

use crate::{crypto::sha256_hex, Request, ALGORITHM};
use std::collections::BTreeMap;

/// The canonical query string: every key and value percent-encoded RFC 3986
/// style (space `%20`, `*` `%2A`, `~` kept, UTF-8 bytes as `%XX`), sorted by
/// encoded key and, for equal keys, by encoded value, joined as `k=v` by `&`;
/// an empty value gives `k=`. An empty query gives the empty string.
///
/// `query` holds decoded values. This is the workspace's RPC query encoder
/// (`eiam_sync::model::rpc::encode_query`), whose output is exactly this form,
/// so what the client sends and what is signed cannot drift apart.
pub fn canonical_query(query: &[(String, String)]) -> String {
    eiam_sync::model::rpc::encode_query(query)
}

/// Lower-cases, sorts and deduplicates header names: the order and spelling
/// of `SignedHeaders` and of the canonical header block.
pub(crate) fn normalise_names<'n>(names: impl Iterator<Item = &'n str>) -> Vec<String> {
    let mut names: Vec<String> = names.map(str::to_ascii_lowercase).collect();
    names.sort();
    names.dedup();
    names
}

/// The canonical header block and the `SignedHeaders` list for the headers
/// named in `signed`.
///
/// Returns (`name:value\n` for each signed name, `a;b;c`). Names are
/// lower-cased, sorted and deduplicated; each value is trimmed; a name that
/// occurs several times in `headers` (in any case) gives one line whose
/// trimmed values are sorted and joined by `,` (`x-acs-test:http,https`).
/// A signed name absent from `headers` gives `name:` (the verifier refuses
/// such a request before getting here).
pub fn canonical_headers(headers: &[(String, String)], signed: &[String]) -> (String, String) {
    let mut received: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (name, value) in headers {
        received
            .entry(name.to_ascii_lowercase())
            .or_default()
            .push(value.trim());
    }
    let names = normalise_names(signed.iter().map(String::as_str));
    let mut block = String::new();
    for name in &names {
        block.push_str(name);
        block.push(':');
        if let Some(values) = received.get_mut(name) {
            values.sort_unstable();
            block.push_str(&values.join(","));
        }
        block.push('\n');
    }
    (block, names.join(";"))
}

/// Whether a lower-case header name is one the signer must sign: `host`,
/// `content-type` and every `x-acs-*` header.
fn signed_by_default(lower_name: &str) -> bool {
    lower_name == "host" || lower_name == "content-type" || lower_name.starts_with("x-acs-")
}

/// The headers the signer signs, as the Go SDK does: `host`, `content-type`
/// and every `x-acs-*` header among `headers`, lower-cased, sorted and
/// deduplicated. Only headers present are named (vector B has no `host`).
pub fn default_signed_headers(headers: &[(String, String)]) -> Vec<String> {
    let mut names = normalise_names(headers.iter().map(|(name, _)| name.as_str()));
    names.retain(|name| signed_by_default(name));
    names
}

/// The canonical request of `req` signing the headers named in `signed`:
/// `METHOD\nPATH\nQUERY\nHEADERS\nSIGNED\nPAYLOADHASH`, where HEADERS is the
/// block of [`canonical_headers`] (each line ending in `\n`), the method and
/// path are used as given, and an empty path is `/`.
pub fn canonical_request(req: &Request<'_>, signed: &[String]) -> String {
    let path = if req.path.is_empty() { "/" } else { req.path };
    let query = canonical_query(req.query);
    let (header_block, signed_list) = canonical_headers(req.headers, signed);
    let mut out = String::with_capacity(
        req.method.len()
            + path.len()
            + query.len()
            + header_block.len()
            + signed_list.len()
            + req.payload_sha256.len()
            + 5,
    );
    for part in [req.method, path, &query] {
        out.push_str(part);
        out.push('\n');
    }
    out.push_str(&header_block);
    out.push('\n');
    out.push_str(&signed_list);
    out.push('\n');
    out.push_str(req.payload_sha256);
    out
}

/// The string to sign: `ACS3-HMAC-SHA256\n` followed by the lower-case hex
/// SHA-256 of the canonical request.
pub fn string_to_sign(canonical_request: &str) -> String {
    format!("{ALGORITHM}\n{}", sha256_hex(canonical_request.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn empty_query_is_empty() {
        assert_eq!(canonical_query(&[]), "");
    }

    #[test]
    fn equal_keys_sort_by_value() {
        assert_eq!(
            canonical_query(&pairs(&[("k", "2"), ("k", "1")])),
            "k=1&k=2"
        );
    }

    #[test]
    fn signed_names_are_normalised() {
        let headers = pairs(&[("B", "2"), ("a", "1")]);
        let signed = vec!["b".to_owned(), "A".to_owned(), "a".to_owned()];
        assert_eq!(
            canonical_headers(&headers, &signed),
            ("a:1\nb:2\n".to_owned(), "a;b".to_owned())
        );
    }

    #[test]
    fn absent_signed_header_gives_an_empty_value() {
        let (block, list) = canonical_headers(&[], &["host".to_owned()]);
        assert_eq!(block, "host:\n");
        assert_eq!(list, "host");
    }

    #[test]
    fn default_set_skips_other_headers() {
        let headers = pairs(&[
            ("Accept", "application/json"),
            ("Content-Type", "x"),
            ("Host", "h"),
            ("X-Acs-Date", "d"),
            ("x-acs-date", "d"),
            ("x-acsnot", "n"),
        ]);
        assert_eq!(
            default_signed_headers(&headers),
            vec!["content-type", "host", "x-acs-date"]
        );
    }

    #[test]
    fn string_to_sign_prefixes_the_algorithm() {
        assert_eq!(
            string_to_sign(""),
            format!("ACS3-HMAC-SHA256\n{}", crate::EMPTY_BODY_SHA256)
        );
    }
}
