//! Deterministic pseudo-random inputs through every entry point: nothing
//! panics, and sign → verify holds whenever the headers are well formed.
//! (The cargo-fuzz target does the same with coverage guidance.)

use acs3::{
    canonical_request, decode_query, default_signed_headers, parse_authorization, sign, verify,
    Request, EMPTY_BODY_SHA256,
};

/// xorshift64*: a tiny deterministic generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    fn text(&mut self, alphabet: &[&str], max: usize) -> String {
        let len = self.below(max + 1);
        (0..len)
            .map(|_| alphabet[self.below(alphabet.len())])
            .collect()
    }
}

const QUERY: &[&str] = &[
    "a", "Z", "1", "=", "&", "+", "%", "%2", "%20", "%C3%A9", "%FF", "é", "~", "*", " ", ".",
];
const NAMES: &[&str] = &[
    "host",
    "x-acs-",
    "X-ACS-",
    "a",
    "T",
    "-",
    "content-type",
    ";",
    ",",
];
const VALUES: &[&str] = &["v", " ", "\t", ",", ";", "é", "=", "\u{a0}", "x"];
const AUTH: &[&str] = &[
    "ACS3-HMAC-SHA256 ",
    "Credential=",
    "SignedHeaders=",
    "Signature=",
    "host",
    ";",
    ",",
    " ",
    "=",
    "0123456789abcdef",
    "é",
];

fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

#[test]
fn random_inputs_never_panic_and_round_trip() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut round_trips = 0;
    for _ in 0..3000 {
        let query = decode_query(&rng.text(QUERY, 12)).unwrap_or_default();
        let headers: Vec<(String, String)> = (0..rng.below(5))
            .map(|_| (rng.text(NAMES, 3), rng.text(VALUES, 4)))
            .collect();
        let req = Request {
            method: "POST",
            path: "/",
            query: &query,
            headers: &headers,
            payload_sha256: EMPTY_BODY_SHA256,
        };
        let _ = canonical_request(&req, &default_signed_headers(&headers));
        let garbage = rng.text(AUTH, 8);
        let _ = parse_authorization(&garbage);
        let _ = verify(&req, &garbage, |_| Some("s".to_owned()));

        let signed = sign(&req, "id", "s");
        let well_formed = default_signed_headers(&headers).iter().all(|n| is_token(n))
            && !headers
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case("x-acs-content-sha256"));
        let result = verify(&req, &signed.authorization, |_| Some("s".to_owned()));
        if well_formed && !default_signed_headers(&headers).is_empty() {
            assert!(result.is_ok(), "{req:?}: {result:?}");
            round_trips += 1;
        }
    }
    assert!(
        round_trips > 100,
        "only {round_trips} round trips exercised"
    );
}
