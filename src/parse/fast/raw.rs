//! String literals the scanner has validated, and their values.

use std::borrow::Cow;

/// A string literal of the input, already validated.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawString<'a> {
    /// The literal, quotes included.
    quoted: &'a [u8],
    /// Whether the literal contains a backslash escape.
    escaped: bool,
}

impl<'a> RawString<'a> {
    /// A literal (quotes included) the scanner has validated.
    pub(super) fn new(quoted: &'a [u8], escaped: bool) -> Self {
        RawString { quoted, escaped }
    }

    /// The bytes between the quotes, escapes not decoded.
    pub(crate) fn content(&self) -> &'a [u8] {
        let end = self.quoted.len().saturating_sub(1);
        self.quoted.get(1..end).unwrap_or_default()
    }

    /// Whether the literal contains a backslash escape.
    pub(crate) fn is_escaped(&self) -> bool {
        self.escaped
    }

    /// The string's value: borrowed when it has no escapes, decoded when it
    /// has some. `None` only for content the scanner would not have accepted.
    pub(crate) fn value(&self) -> Option<Cow<'a, str>> {
        if self.escaped {
            unescape(self.content()).map(Cow::Owned)
        } else {
            std::str::from_utf8(self.content()).ok().map(Cow::Borrowed)
        }
    }
}

/// Decodes the escapes of validated string content (JSON's rules: the
/// two-character escapes, `\uXXXX`, surrogate pairs).
fn unescape(content: &[u8]) -> Option<String> {
    let mut out = Vec::with_capacity(content.len());
    let mut rest = content;
    while let Some((&byte, tail)) = rest.split_first() {
        rest = tail;
        if byte != b'\\' {
            out.push(byte);
            continue;
        }
        let (&kind, tail) = rest.split_first()?;
        rest = tail;
        let decoded = match kind {
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = hex4(&mut rest)?;
                let code = if (0xD800..0xDC00).contains(&unit) {
                    rest = rest.strip_prefix(b"\\u")?;
                    let trail = hex4(&mut rest).filter(|t| (0xDC00..0xE000).contains(t))?;
                    0x10000 + ((unit - 0xD800) << 10) + (trail - 0xDC00)
                } else {
                    unit
                };
                char::from_u32(code)?
            }
            other => char::from(other),
        };
        out.extend_from_slice(decoded.encode_utf8(&mut [0; 4]).as_bytes());
    }
    String::from_utf8(out).ok()
}

/// Reads four hex digits off the front of `rest`.
fn hex4(rest: &mut &[u8]) -> Option<u32> {
    let (digits, tail) = rest.split_at_checked(4)?;
    *rest = tail;
    digits
        .iter()
        .try_fold(0, |unit, &digit| Some(unit * 16 + hex_digit(digit)?))
}

/// The value of a hex digit.
pub(super) fn hex_digit(byte: u8) -> Option<u32> {
    char::from(byte).to_digit(16)
}
