//! Canonicalisation edge cases. Every expected string is written by hand from
//! the specification (RFC 3986 unreserved set, UTF-8 bytes, byte order), not
//! taken from this crate's output.

use acs3::{canonical_headers, canonical_query, canonical_request, decode_query, Request};

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn names(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn reserved_and_utf8_characters_in_values() {
    // é = C3 A9; space %20; * %2A; ~ kept; / %2F; & %26; = %3D.
    let query = pairs(&[("v", "é *~/&=")]);
    assert_eq!(canonical_query(&query), "v=%C3%A9%20%2A~%2F%26%3D");
}

#[test]
fn unreserved_characters_stay() {
    let query = pairs(&[("Az09-_.~", "Az09-_.~")]);
    assert_eq!(canonical_query(&query), "Az09-_.~=Az09-_.~");
}

#[test]
fn reserved_characters_in_keys_are_encoded() {
    let query = pairs(&[("a b+c", "1")]);
    assert_eq!(canonical_query(&query), "a%20b%2Bc=1");
}

#[test]
fn keys_sort_by_encoded_bytes() {
    // Encoded: "A", "a%20b", "a-b", "aB", "a%C3%A9", "a~".
    // Byte order: 'A'(41) first; then after "a": '%'(25) < '-'(2D) < 'B'(42) < '~'(7E),
    // and "a%20b" < "a%C3%A9" because '2'(32) < 'C'(43).
    let query = pairs(&[
        ("a~", "6"),
        ("aB", "4"),
        ("aé", "5"),
        ("a-b", "3"),
        ("a b", "2"),
        ("A", "1"),
    ]);
    assert_eq!(
        canonical_query(&query),
        "A=1&a%20b=2&a%C3%A9=5&a-b=3&aB=4&a~=6"
    );
}

#[test]
fn empty_values_give_key_equals() {
    let query = pairs(&[("b", ""), ("a", "")]);
    assert_eq!(canonical_query(&query), "a=&b=");
}

#[test]
fn plus_and_percent_20_are_the_same_space() {
    let plus = decode_query("Name=a+b&Empty=&Bare").expect("decodes");
    let pct = decode_query("Name=a%20b&Empty=&Bare=").expect("decodes");
    assert_eq!(canonical_query(&plus), "Bare=&Empty=&Name=a%20b");
    assert_eq!(canonical_query(&pct), "Bare=&Empty=&Name=a%20b");
}

#[test]
fn an_encoded_plus_stays_a_plus() {
    let query = decode_query("k=a%2Bb").expect("decodes");
    assert_eq!(canonical_query(&query), "k=a%2Bb");
}

#[test]
fn lower_case_escapes_are_re_encoded_upper_case() {
    let query = decode_query("k=%c3%a9%2a").expect("decodes");
    assert_eq!(canonical_query(&query), "k=%C3%A9%2A");
}

#[test]
fn bad_escapes_are_refused_not_panicked_on() {
    for raw in ["k=%", "k=%4", "k=%zz", "%=1", "k=%FF"] {
        assert!(decode_query(raw).is_err(), "{raw}");
    }
}

#[test]
fn duplicate_header_names_merge_with_sorted_values() {
    let headers = pairs(&[
        ("X-Acs-Test", "https"),
        ("x-acs-test", "ftp"),
        ("x-acs-TEST", "http"),
    ]);
    let (block, list) = canonical_headers(&headers, &names(&["x-acs-test"]));
    assert_eq!(block, "x-acs-test:ftp,http,https\n");
    assert_eq!(list, "x-acs-test");
}

#[test]
fn header_values_are_trimmed_before_merging() {
    let headers = pairs(&[
        ("Host", "  example.com\t"),
        ("x-acs-b", " z "),
        ("x-acs-b", "a  "),
        ("x-acs-a", " inner  space "),
    ]);
    let (block, list) = canonical_headers(&headers, &names(&["x-acs-b", "HOST", "x-acs-a"]));
    assert_eq!(
        block,
        "host:example.com\nx-acs-a:inner  space\nx-acs-b:a,z\n"
    );
    assert_eq!(list, "host;x-acs-a;x-acs-b");
}

#[test]
fn only_named_headers_are_canonicalised() {
    let headers = pairs(&[("host", "h"), ("accept", "json"), ("x-acs-a", "1")]);
    let (block, list) = canonical_headers(&headers, &names(&["host"]));
    assert_eq!(block, "host:h\n");
    assert_eq!(list, "host");
}

#[test]
fn full_canonical_request_by_hand() {
    let query = pairs(&[("Name", "a b"), ("Id", "1")]);
    let headers = pairs(&[("Host", "eiam.example"), ("X-Acs-Action", "Get")]);
    let req = Request {
        method: "POST",
        path: "/",
        query: &query,
        headers: &headers,
        payload_sha256: acs3::EMPTY_BODY_SHA256,
    };
    let expected = format!(
        "POST\n/\nId=1&Name=a%20b\nhost:eiam.example\nx-acs-action:Get\n\nhost;x-acs-action\n{}",
        acs3::EMPTY_BODY_SHA256
    );
    assert_eq!(
        canonical_request(&req, &names(&["host", "x-acs-action"])),
        expected
    );
}
