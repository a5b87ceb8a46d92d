//! The JSON path of a parse failure (`SynchronizationJobs[3].Status`), worked
//! out after the fact from where serde_json stopped.
//!
//! Recording the path while deserialising means wrapping the deserializer, and
//! every model type is then compiled a second time for the wrapper: about a
//! tenth of the wasm module. The failure position alone tells where the reader
//! was, because everything before it is well-formed JSON: this module rescans
//! that prefix, only on failure, and names the value being read there.
//!
//! The locations are those of a JSON path: the value of a key (`a.b`) or an
//! element (`a[2]`). A failure inside a value (a wrong type, a bad literal, an
//! unterminated string) is reported at that value; a failure between values (a
//! missing colon or comma, a bad key, input ending after a comma) at the
//! enclosing value.

use super::depth::string_end;

/// What kind of failure is being located; serde_json reports their positions
/// differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Failure {
    /// A value of the wrong type or out of range, a missing or duplicate field.
    /// The position is just past what was read (a scalar, or a closed object
    /// or array), or at the first byte of an object or array that was refused
    /// without being read.
    Data,
    /// An array refused as a whole ("invalid type: sequence"). serde_json may
    /// have opened it first and stopped at its first element, which is then
    /// not where the failure is.
    ArrayRefused,
    /// A required field that is `null`. The check runs once the value is
    /// read, so serde_json places it after the `null` or, when the field is
    /// the last of its object, after the object's `}`.
    NullRefused,
    /// Malformed JSON. The position is just past the offending byte.
    Syntax,
    /// The input ended early. The position is the end of the input.
    Eof,
}

/// Where the reader is inside an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum InObject {
    /// After `{` or `,`: a key comes next.
    KeyNext,
    /// After a key: a colon comes next.
    ColonNext,
    /// After the colon: the key's value comes next.
    ValueNext,
    /// After a value: a comma or `}` comes next.
    AfterValue,
}

/// Where the reader is inside an array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum InArray {
    /// After `[`: the first element or `]` comes next.
    Start,
    /// After a comma: an element comes next.
    ElementNext,
    /// After an element: a comma or `]` comes next.
    AfterValue,
}

/// One open object or array.
enum Frame {
    Object {
        /// The byte range of the last key's content (between the quotes).
        key: Option<(usize, usize)>,
        at: InObject,
    },
    Array {
        index: usize,
        at: InArray,
    },
}

/// How the scan ended.
enum Stop {
    /// At a byte that does not fit the grammar, or at the end of the prefix.
    Between,
    /// Inside a token (a string, number or literal) that runs up to the
    /// failure or is malformed: the failure is in that value.
    InToken,
}

/// The path of the value that failed at byte `offset` of `bytes` (serde_json's
/// position), in the grammar of [`crate::parse::ParseError::path`].
pub(super) fn path_at(bytes: &[u8], offset: usize, failure: Failure) -> String {
    // A syntax error's position is just past the byte it peeked at: scan up to
    // that byte and look at it, rather than take it as read.
    let limit = match failure {
        Failure::Syntax => offset.saturating_sub(1),
        Failure::Data | Failure::ArrayRefused | Failure::NullRefused | Failure::Eof => offset,
    }
    .min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut last_null = None;
    let nulls = (failure == Failure::NullRefused).then_some(&mut last_null);
    let (stop, at) = scan(bytes, limit, &mut stack, nulls);
    if let Some(end) = last_null {
        // The refused value is that `null`: locate it as a value just read.
        return path_at(bytes, end, Failure::Data);
    }
    let next = bytes[at..]
        .iter()
        .copied()
        .find(|b| !b.is_ascii_whitespace());
    let data = matches!(
        failure,
        Failure::Data | Failure::ArrayRefused | Failure::NullRefused
    );
    let into_top = match (stack.last(), stop) {
        (None, _) => false,
        (Some(Frame::Object { at, .. }), Stop::InToken) => *at != InObject::KeyNext,
        (Some(Frame::Array { .. }), Stop::InToken) => true,
        (Some(Frame::Object { at, .. }), Stop::Between) => match at {
            InObject::KeyNext | InObject::ColonNext => false,
            InObject::ValueNext => true,
            InObject::AfterValue => data,
        },
        (Some(Frame::Array { at, .. }), Stop::Between) => match at {
            InArray::AfterValue => data,
            // An array refused right after its `[` (unless the refused value is
            // its first element, an array not yet opened).
            InArray::Start if failure == Failure::ArrayRefused => next == Some(b'['),
            // An element has begun unless the array ends (or the input does)
            // where one should be.
            InArray::Start | InArray::ElementNext => data || !matches!(next, None | Some(b']')),
        },
    };
    render(bytes, &stack, into_top)
}

/// Follows the JSON structure of `bytes[..limit]`; returns how the scan ended
/// and the offset where it stopped. With `last_null`, also keeps the offset
/// just past the last `null` read.
fn scan(
    bytes: &[u8],
    limit: usize,
    stack: &mut Vec<Frame>,
    mut last_null: Option<&mut Option<usize>>,
) -> (Stop, usize) {
    let mut i = 0;
    while i < limit {
        let byte = bytes[i];
        match byte {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'"' => {
                let Some(close) = string_close(bytes, i + 1, limit) else {
                    return (Stop::InToken, i);
                };
                if let Some(Frame::Object { key, at }) = stack.last_mut() {
                    if *at == InObject::KeyNext {
                        *key = Some((i + 1, close));
                        *at = InObject::ColonNext;
                        i = close + 1;
                        continue;
                    }
                }
                if !value_fits(stack) {
                    return (Stop::Between, i);
                }
                value_done(stack);
                i = close + 1;
            }
            b'{' | b'[' if value_fits(stack) => {
                stack.push(if byte == b'{' {
                    Frame::Object {
                        key: None,
                        at: InObject::KeyNext,
                    }
                } else {
                    Frame::Array {
                        index: 0,
                        at: InArray::Start,
                    }
                });
                i += 1;
            }
            b'}' | b']' if closes(stack.last(), byte) => {
                stack.pop();
                value_done(stack);
                i += 1;
            }
            b':' => match stack.last_mut() {
                Some(Frame::Object { at, .. }) if *at == InObject::ColonNext => {
                    *at = InObject::ValueNext;
                    i += 1;
                }
                _ => return (Stop::Between, i),
            },
            b',' => match stack.last_mut() {
                Some(Frame::Object { at, .. }) if *at == InObject::AfterValue => {
                    *at = InObject::KeyNext;
                    i += 1;
                }
                Some(Frame::Array { index, at }) if *at == InArray::AfterValue => {
                    *index += 1;
                    *at = InArray::ElementNext;
                    i += 1;
                }
                _ => return (Stop::Between, i),
            },
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' if value_fits(stack) => {
                let end = if byte.is_ascii_digit() || byte == b'-' {
                    number_end(bytes, i, limit)
                } else {
                    literal_end(bytes, i, limit)
                };
                let Some(end) = end else {
                    return (Stop::InToken, i);
                };
                if let Some(last_null) = last_null.as_deref_mut().filter(|_| byte == b'n') {
                    *last_null = Some(end);
                }
                value_done(stack);
                i = end;
            }
            _ => return (Stop::Between, i),
        }
    }
    (Stop::Between, i)
}

/// Whether a value may start here.
fn value_fits(stack: &[Frame]) -> bool {
    match stack.last() {
        None => true,
        Some(Frame::Object { at, .. }) => *at == InObject::ValueNext,
        Some(Frame::Array { at, .. }) => *at != InArray::AfterValue,
    }
}

/// Records that a value was read completely in the innermost container.
fn value_done(stack: &mut [Frame]) {
    match stack.last_mut() {
        Some(Frame::Object { at, .. }) => *at = InObject::AfterValue,
        Some(Frame::Array { at, .. }) => *at = InArray::AfterValue,
        None => {}
    }
}

/// Whether `byte` closes `frame` at this point of its grammar.
fn closes(frame: Option<&Frame>, byte: u8) -> bool {
    match frame {
        // `{}` closes right after its brace; a `}` after a comma never gets
        // here, because serde_json fails at that byte.
        Some(Frame::Object { at, .. }) => {
            byte == b'}' && matches!(at, InObject::KeyNext | InObject::AfterValue)
        }
        Some(Frame::Array { at, .. }) => {
            byte == b']' && matches!(at, InArray::Start | InArray::AfterValue)
        }
        None => false,
    }
}

/// The offset of the quote closing a string whose content starts at `start`,
/// if it comes before `limit`.
fn string_close(bytes: &[u8], start: usize, limit: usize) -> Option<usize> {
    Some(string_end(&bytes[..limit], start)).filter(|end| *end < limit)
}

/// The end of the number starting at `start`, read as serde_json reads one
/// (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, stopping at the
/// first byte that cannot continue it); `None` when it is malformed or runs
/// into the failure at `limit`.
fn number_end(bytes: &[u8], start: usize, limit: usize) -> Option<usize> {
    let visible = &bytes[..limit];
    let at = |i: usize| visible.get(i).copied();
    let digits_from = |i: usize| {
        i + visible[i.min(limit)..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut i = start + usize::from(at(start) == Some(b'-'));
    match at(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => i = digits_from(i),
        _ => return None,
    }
    if at(i) == Some(b'.') {
        let end = digits_from(i + 1);
        if end == i + 1 {
            return None;
        }
        i = end;
    }
    if matches!(at(i), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(at(i + 1), Some(b'+' | b'-')));
        let end = digits_from(i + 1 + sign);
        if end == i + 1 + sign {
            return None;
        }
        i = end;
    }
    // Cut short by the failure: the byte there would have continued it.
    let continues = |b: &u8| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E');
    if i == limit && bytes.get(limit).is_some_and(continues) {
        return None;
    }
    Some(i)
}

/// The end of the literal (`true`, `false`, `null`) starting at `start`;
/// `None` when it is misspelt or runs into the failure at `limit`.
fn literal_end(bytes: &[u8], start: usize, limit: usize) -> Option<usize> {
    let literal: &[u8] = match bytes[start] {
        b't' => b"true",
        b'f' => b"false",
        _ => b"null",
    };
    let end = start + literal.len();
    (end <= limit && bytes.get(start..end) == Some(literal)).then_some(end)
}

/// Joins the open containers' current keys and indices; the innermost one's
/// only when `into_top` (the failure is in its current value).
fn render(bytes: &[u8], stack: &[Frame], into_top: bool) -> String {
    let depth = if into_top {
        stack.len()
    } else {
        stack.len().saturating_sub(1)
    };
    let mut path = String::new();
    for frame in &stack[..depth] {
        match frame {
            Frame::Array { index, .. } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            Frame::Object { key, .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                if let Some((start, end)) = *key {
                    path.push_str(&key_text(bytes, start, end));
                }
            }
        }
    }
    path
}

/// A key as the reader saw it: escapes decoded (`"Sta\u0074us"` is `Status`).
fn key_text(bytes: &[u8], start: usize, end: usize) -> String {
    let raw = &bytes[start..end];
    if !raw.contains(&b'\\') {
        return String::from_utf8_lossy(raw).into_owned();
    }
    // With the quotes, read by the same reader as the document (`from_str`
    // shares its code; `from_slice` would compile a second copy).
    std::str::from_utf8(&bytes[start - 1..=end])
        .ok()
        .and_then(|quoted| serde_json::from_str::<String>(quoted).ok())
        .unwrap_or_else(|| String::from_utf8_lossy(raw).into_owned())
}

#[cfg(test)]
mod tests;
