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

/// Where nesting went past [`MAX_DEPTH`].
pub(crate) struct TooDeep {
    /// Byte offset of the opening bracket one level too deep.
    pub offset: usize,
    /// Path of that value in the parse error grammar.
    pub path: String,
}

enum Frame {
    Array { index: usize },
    Object { key: Option<(usize, usize)> },
}

/// Scans `bytes` (which may be malformed: syntax is the parser's job) and
/// reports the first array or object nested deeper than [`MAX_DEPTH`].
pub(crate) fn check_depth(bytes: &[u8]) -> Result<(), TooDeep> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'"' => {
                let start = i + 1;
                let end = string_end(bytes, start);
                if expecting_key {
                    if let Some(Frame::Object { key }) = stack.last_mut() {
                        *key = Some((start, end));
                    }
                    expecting_key = false;
                }
                i = end + 1;
                continue;
            }
            b'[' | b'{' => {
                if stack.len() == MAX_DEPTH {
                    return Err(TooDeep {
                        offset: i,
                        path: render(bytes, &stack),
                    });
                }
                if byte == b'[' {
                    stack.push(Frame::Array { index: 0 });
                } else {
                    stack.push(Frame::Object { key: None });
                }
                expecting_key = byte == b'{';
            }
            b']' | b'}' => {
                stack.pop();
                expecting_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { .. }) => expecting_key = true,
                None => {}
            },
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

fn render(bytes: &[u8], stack: &[Frame]) -> String {
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            Frame::Object { key } => {
                let name = key
                    .and_then(|(start, end)| bytes.get(start..end))
                    .map(String::from_utf8_lossy)
                    .unwrap_or_default();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&name);
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_up_to_the_limit_passes_and_one_more_fails_with_its_path() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(check_depth(ok.as_bytes()).is_ok());
        let deep = format!(r#"{{"a":1,"b\"[":[0,{}]}}"#, "[".repeat(MAX_DEPTH));
        let error = check_depth(deep.as_bytes()).unwrap_err();
        let expected_path = format!("b\\\"[[1]{}", "[0]".repeat(MAX_DEPTH - 2));
        assert_eq!(error.path, expected_path);
        assert_eq!(&deep[error.offset..error.offset + 1], "[");
    }

    #[test]
    fn brackets_inside_strings_do_not_count() {
        let text = format!(r#"{{"k":"{}"}}"#, "[{".repeat(1000));
        assert!(check_depth(text.as_bytes()).is_ok());
        assert!(check_depth(b"\"unterminated [[[").is_ok());
    }
}
