//! Canonicalisation, signing and verification of signature V3 must never
//! panic, whatever the query, headers and Authorization header look like.
//! Input layout: query line, Authorization line, then `name:value` header lines.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.splitn(3, '\n');
    let raw_query = parts.next().unwrap_or("");
    let authorization = parts.next().unwrap_or("");
    let raw_headers = parts.next().unwrap_or("");
    let query = acs3::decode_query(raw_query).unwrap_or_default();
    let headers: Vec<(String, String)> = raw_headers
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .collect();
    let request = acs3::Request {
        method: "POST",
        path: "/",
        query: &query,
        headers: &headers,
        payload_sha256: acs3::EMPTY_BODY_SHA256,
    };
    let _ = acs3::canonical_request(&request, &acs3::default_signed_headers(&headers));
    let _ = acs3::verify(&request, authorization, |_| Some("secret".to_owned()));
    let _ = acs3::sign(&request, "id", "secret");
});
