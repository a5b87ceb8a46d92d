//! A nesting-depth check over the raw JSON, before parsing.
//!
//! serde_json skips unknown fields without recursion, so without this check a
//! value nested thousands deep under an unknown key would be accepted quietly,
//! and one in a typed position would only be a type error. Refusing anything
//! deeper than [`MAX_DEPTH`] wherever it is keeps the rule simple and the
//! error precise (`too_deep` with the path of the offending value).

/// The deepest nesting of arrays and objects accepted. Real responses nest
/// about 6 levels.
pub const MAX_DEPTH: usize = 128;

/// Scans `bytes` (which may be malformed: syntax is the parser's job) for the
/// first array or object nested deeper than [`MAX_DEPTH`], and returns the
/// byte offset of its opening bracket. Only depth is tracked: the path is
/// worked out by the same locator every other parse error uses, on this
/// rare failure only.
pub(crate) fn check_depth(bytes: &[u8]) -> Result<(), usize> {
    let mut depth = 0;
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'"' => i = string_end(bytes, i + 1),
            b'[' | b'{' if depth == MAX_DEPTH => return Err(i),
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// The offset of the closing quote of a string whose content starts at
/// `start` (or the end of input for an unterminated string).
pub(super) fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'"' => return i,
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_up_to_the_limit_passes_and_one_more_fails_at_its_bracket() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(check_depth(ok.as_bytes()).is_ok());
        let deep = format!(r#"{{"a":1,"b\"[":[0,{}]}}"#, "[".repeat(MAX_DEPTH));
        let offset = check_depth(deep.as_bytes()).unwrap_err();
        // `{` and the key's array are two levels; the 127th `[` of the run is one too many.
        assert_eq!(offset, deep.find("[0,").unwrap() + 3 + MAX_DEPTH - 2);
        assert_eq!(&deep[offset..offset + 1], "[");
    }

    #[test]
    fn the_parse_error_names_the_path_with_the_key_decoded() {
        let deep = format!(r#"{{"a":1,"b\"[":[0,{}]}}"#, "[".repeat(MAX_DEPTH));
        let error = super::super::parse::<serde::de::IgnoredAny>(
            deep.as_bytes(),
            super::super::ParseOptions::default(),
        )
        .unwrap_err();
        assert_eq!(error.code, super::super::ParseErrorCode::TooDeep);
        // The escaped key `b\"[` is the wire name `b"[`, as in every other error path.
        let expected_path = format!("b\"[[1]{}", "[0]".repeat(MAX_DEPTH - 2));
        assert_eq!(error.path, expected_path);
    }

    #[test]
    fn brackets_inside_strings_do_not_count() {
        let text = format!(r#"{{"k":"{}"}}"#, "[{".repeat(1000));
        assert!(check_depth(text.as_bytes()).is_ok());
        assert!(check_depth(b"\"unterminated [[[").is_ok());
    }
}
