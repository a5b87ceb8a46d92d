use super::{path_at, Failure};

/// The offset just past the first occurrence of `marker` in `text`.
fn after(text: &str, marker: &str) -> usize {
    text.find(marker).expect("marker in text") + marker.len()
}

/// The offset of the first byte of `marker` in `text`.
fn at(text: &str, marker: &str) -> usize {
    text.find(marker).expect("marker in text")
}

fn data(text: &str, offset: usize) -> String {
    path_at(text.as_bytes(), offset, Failure::Data)
}

/// serde_json reports a syntax error just past the byte it peeked at.
fn syntax_at(text: &str, offset: usize) -> String {
    path_at(text.as_bytes(), offset + 1, Failure::Syntax)
}

#[test]
fn a_wrong_value_is_named_by_its_key_or_index() {
    let text = r#"{"a":[1,{"b":true}]}"#;
    assert_eq!(data(text, after(text, "true")), "a[1].b");
    assert_eq!(data(text, after(text, "[1")), "a[0]");
    // An object refused before it is opened.
    let text = r#"{"a":{"b":1}}"#;
    assert_eq!(data(text, at(text, r#"{"b""#)), "a");
    let text = r#"{"a":[{"b":1}]}"#;
    assert_eq!(data(text, at(text, r#"{"b""#)), "a[0]");
}

#[test]
fn a_closed_object_is_named_by_where_it_sits() {
    // A missing field is reported once its object has closed.
    let text = r#"{"a":[{"b":1},{}]}"#;
    assert_eq!(data(text, after(text, "{}")), "a[1]");
    assert_eq!(data(text, after(text, "1}")), "a[0]");
    assert_eq!(data(text, text.len()), "");
}

#[test]
fn a_duplicate_key_is_reported_at_its_object() {
    // serde stops right after the second key, before its colon.
    let text = r#"{"a":{"k":1,"k":2}}"#;
    let second = text.rfind(r#""k""#).unwrap() + 3;
    assert_eq!(data(text, second), "a");
}

#[test]
fn escaped_keys_are_decoded() {
    let text = r#"{"Sta\u0074us":5}"#;
    assert_eq!(data(text, after(text, "5")), "Status");
    let text = r#"{"a\"b":{"c":0}}"#;
    assert_eq!(data(text, after(text, "0")), "a\"b.c");
}

#[test]
fn an_array_refused_as_a_whole_is_named_not_its_first_element() {
    let text = r#"{"a":[1,2]}"#;
    let offset = after(text, "[");
    assert_eq!(path_at(text.as_bytes(), offset, Failure::ArrayRefused), "a");
    assert_eq!(data(text, offset), "a[0]");
    // An element that is itself an array, refused before it is opened.
    let text = r#"{"a":[[1]]}"#;
    let offset = after(text, "[");
    assert_eq!(
        path_at(text.as_bytes(), offset, Failure::ArrayRefused),
        "a[0]"
    );
}

#[test]
fn malformed_values_are_reported_at_the_value() {
    for (text, bad) in [
        (r#"{"o":{"a":tru}}"#, "}"),
        (r#"{"o":{"a":12.}}"#, "}"),
        (r#"{"o":{"a":-}}"#, "}"),
        (r#"{"o":{"a":1e}}"#, "}"),
        (r#"{"o":{"a":01}}"#, "1"),
        (r#"{"o":{"a":}}"#, "}"),
        (r#"{"o":{"a":x}}"#, "x"),
    ] {
        assert_eq!(syntax_at(text, at(text, bad)), "o.a", "{text}");
    }
    // Inside a string: a bad escape.
    let text = r#"{"o":{"a":"x\q"}}"#;
    assert_eq!(syntax_at(text, at(text, "q")), "o.a");
}

#[test]
fn a_failure_between_values_is_reported_at_the_enclosing_value() {
    for (text, bad) in [
        (r#"{"o":{"a":1 2}}"#, "2"),
        (r#"{"o":{"a":1x}}"#, "x"),
        (r#"{"o":{"a":true"b"}}"#, r#""b"#),
        (r#"{"o":{"a" 1}}"#, "1"),
        (r#"{"o":{"a":1,}}"#, "}}"),
        (r#"{"o":{"a":1,2}}"#, "2"),
        (r#"{"o":[1]]}"#, "]]"),
        (r#"{"o":[1,]}"#, "]}"),
        (r#"{"o":{"a\q":1}}"#, "q"),
    ] {
        assert_eq!(syntax_at(text, at(text, bad)), "o", "{text}");
    }
    // A missing element is the element's failure.
    let text = r#"{"o":[1,,2]}"#;
    assert_eq!(syntax_at(text, at(text, ",2")), "o[1]");
}

#[test]
fn the_end_of_input_is_placed_by_what_was_expected_there() {
    for (text, path) in [
        (r#"{"o":{"a":"#, "o.a"),
        (r#"{"o":{"a":"unterminated"#, "o.a"),
        (r#"{"o":{"a":tr"#, "o.a"),
        (r#"{"o":{"a":1"#, "o"),
        (r#"{"o":{"a":1,"#, "o"),
        (r#"{"o":{"a""#, "o"),
        (r#"{"o":[1,"#, "o"),
        (r#"{"o":["#, "o"),
        ("", ""),
        ("  ", ""),
    ] {
        assert_eq!(
            path_at(text.as_bytes(), text.len(), Failure::Eof),
            path,
            "{text}"
        );
    }
}

#[test]
fn offsets_past_the_end_are_clamped() {
    assert_eq!(data(r#"{"a":1}"#, 999), "");
    assert_eq!(path_at(b"", 5, Failure::Syntax), "");
}

#[test]
fn a_required_null_is_found_even_after_its_object_closed() {
    let text = r#"{"a":[{"Id":null,"b":1},{"b":2,"Id":null}]}"#;
    let refused = |offset| path_at(text.as_bytes(), offset, Failure::NullRefused);
    // Reported at the comma after the null, or past the object's `}`.
    assert_eq!(refused(after(text, "null")), "a[0].Id");
    assert_eq!(refused(after(text, "null}")), "a[1].Id");
    assert_eq!(data(text, after(text, "null}")), "a[1]");
}

#[test]
fn any_bytes_and_any_offset_give_a_path_without_panicking() {
    // Deterministic pseudo-random inputs over JSON's structural bytes and a
    // few others, including a multi-byte character and a dangling escape.
    const ALPHABET: &[&[u8]] = &[
        b"{",
        b"}",
        b"[",
        b"]",
        b":",
        b",",
        b"\"",
        b"\\",
        b"\"k\"",
        b"1",
        b"-",
        b".",
        b"e",
        b"0",
        b"tr",
        b"null",
        b" ",
        b"\n",
        "é".as_bytes(),
        b"x",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound as u64) as usize
    };
    let failures = [
        Failure::Data,
        Failure::ArrayRefused,
        Failure::NullRefused,
        Failure::Syntax,
        Failure::Eof,
    ];
    for _ in 0..3_000 {
        let mut input = Vec::new();
        for _ in 0..next(24) {
            input.extend_from_slice(ALPHABET[next(ALPHABET.len())]);
        }
        for offset in 0..=input.len() + 1 {
            for failure in failures {
                let _ = path_at(&input, offset, failure);
            }
        }
    }
}
