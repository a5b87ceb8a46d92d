//! The byte-level reader of the fast scanner: whitespace, punctuation,
//! strings (escapes, control characters and UTF-8 checked), keys and plain
//! integers. Every method returns `None` to decline: on anything that is not
//! valid JSON, and on valid JSON the scanner does not handle (`null`, numbers
//! with a sign, a fraction or an exponent, escapes of lone surrogates, keys
//! with escapes or non-ASCII characters).

use super::key::Key;
use super::raw::{hex_digit, RawString};
use crate::model::MAX_SAFE_INTEGER;

/// A position in the input, always at or before its end.
pub(crate) struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// Eight copies of `byte` in a word.
const fn splat(byte: u8) -> u64 {
    (byte as u64) * 0x0101_0101_0101_0101
}

const LOW_BITS: u64 = splat(0x01);
const HIGH_BITS: u64 = splat(0x80);

/// A word with the high bit set in (at least) the lowest byte of `word`
/// that is zero, and in no byte below it.
#[inline(always)]
fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(LOW_BITS) & !word & HIGH_BITS
}

/// The high bit set in the lowest byte of `word` that ends plain string
/// content (a quote, a backslash, a control character or a non-ASCII byte),
/// and in no byte below it; 0 when all eight bytes are plain.
#[inline(always)]
fn special_bytes(word: u64) -> u64 {
    let quote = zero_bytes(word ^ splat(b'"'));
    let backslash = zero_bytes(word ^ splat(b'\\'));
    let control = word.wrapping_sub(splat(0x20)) & !word & HIGH_BITS;
    quote | backslash | control | (word & HIGH_BITS)
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `bytes`.
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Cursor { bytes, pos: 0 }
    }

    /// The offset of the next byte.
    #[inline(always)]
    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Skips JSON whitespace (space, tab, line feed, carriage return).
    #[inline(always)]
    pub(crate) fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// Skips whitespace and returns the next byte without consuming it.
    #[inline(always)]
    pub(crate) fn peek_token(&mut self) -> Option<u8> {
        self.skip_whitespace();
        self.peek()
    }

    /// Skips whitespace and consumes `byte`, or declines.
    #[inline(always)]
    pub(crate) fn eat(&mut self, byte: u8) -> Option<()> {
        if self.peek_token()? == byte {
            self.pos += 1;
            Some(())
        } else {
            None
        }
    }

    /// Consumes `byte` if it comes next, without skipping whitespace.
    #[inline(always)]
    pub(crate) fn eat_close(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.pos += usize::from(found);
        found
    }

    /// Skips whitespace and consumes the next byte.
    #[inline(always)]
    pub(crate) fn next_token(&mut self) -> Option<u8> {
        let byte = self.peek_token()?;
        self.pos += 1;
        Some(byte)
    }

    /// Whether only whitespace is left.
    pub(crate) fn at_end(&mut self) -> bool {
        self.skip_whitespace();
        self.pos >= self.bytes.len()
    }

    /// Consumes the head of the member `key` written compactly: `,"Name":`,
    /// or `"Name":` right after the `{` of its object when it is the
    /// `first` member. `false` changes nothing (the caller reads the member
    /// the general way).
    #[inline(always)]
    pub(crate) fn eat_member(&mut self, key: &Key, first: bool) -> bool {
        // A first member's head starts one byte early, on the `{`.
        let Some(start) = self.pos.checked_sub(usize::from(first)) else {
            return false;
        };
        let Some(window) = self.bytes.get(start..) else {
            return false;
        };
        match key.head_len(window, first) {
            Some(len) => {
                self.pos = start + len;
                true
            }
            None => false,
        }
    }

    /// Reads an object key: a string of printable ASCII without escapes
    /// (every known key is one; anything else would be unknown anyway).
    /// Returns its content.
    #[inline(always)]
    pub(crate) fn key(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        let start = self.pos;
        loop {
            match self.peek()? {
                b'"' => break,
                b'\\' => return None,
                0x20..=0x7E => self.pos += 1,
                _ => return None,
            }
        }
        let key = self.bytes.get(start..self.pos)?;
        self.pos += 1;
        Some(key)
    }

    /// Reads a string value (whitespace first): any valid JSON string whose
    /// escapes do not encode a lone surrogate.
    pub(crate) fn string(&mut self) -> Option<RawString<'a>> {
        self.eat(b'"')?;
        let open = self.pos - 1;
        let mut escaped = false;
        let mut non_ascii = false;
        loop {
            self.skip_plain();
            match self.peek()? {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    self.escape()?;
                }
                0x80.. => {
                    non_ascii = true;
                    self.pos += 1;
                    while let Some(0x80..) = self.peek() {
                        self.pos += 1;
                    }
                }
                // A control character: JSON requires an escape.
                _ => return None,
            }
        }
        self.pos += 1;
        let quoted = self.bytes.get(open..self.pos)?;
        if non_ascii {
            // The quotes are ASCII, so the content is exactly the bytes of
            // the characters: valid UTF-8 here is valid UTF-8 of the input.
            std::str::from_utf8(quoted).ok()?;
        }
        Some(RawString::new(quoted, escaped))
    }

    /// Advances over bytes that need no attention inside a string, eight at
    /// a time while it can.
    #[inline(always)]
    fn skip_plain(&mut self) {
        while let Some(chunk) = self.bytes.get(self.pos..self.pos + 8) {
            let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
                return;
            };
            let special = special_bytes(u64::from_le_bytes(chunk));
            if special != 0 {
                self.pos += (special.trailing_zeros() / 8) as usize;
                return;
            }
            self.pos += 8;
        }
        while let Some(0x20..=0x7F) = self.peek() {
            if matches!(self.peek(), Some(b'"' | b'\\')) {
                return;
            }
            self.pos += 1;
        }
    }

    /// Reads one escape sequence (the cursor is at its backslash); a `\u`
    /// escape of a lead surrogate must be followed by one of a trail surrogate.
    fn escape(&mut self) -> Option<()> {
        match *self.bytes.get(self.pos + 1)? {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {
                self.pos += 2;
                Some(())
            }
            b'u' => match self.unicode_escape()? {
                0xD800..=0xDBFF => match self.unicode_escape()? {
                    0xDC00..=0xDFFF => Some(()),
                    _ => None,
                },
                0xDC00..=0xDFFF => None,
                _ => Some(()),
            },
            _ => None,
        }
    }

    /// Reads `\uXXXX` and returns the code unit.
    fn unicode_escape(&mut self) -> Option<u32> {
        let sequence = self.bytes.get(self.pos..self.pos + 6)?;
        if sequence.get(..2)? != b"\\u" {
            return None;
        }
        let mut unit = 0;
        for &byte in sequence.get(2..)? {
            unit = unit * 16 + hex_digit(byte)?;
        }
        self.pos += 6;
        Some(unit)
    }

    /// [`Self::integer`] as a call, for the integers read once a job or less.
    #[inline(never)]
    pub(crate) fn outlined_integer(&mut self) -> Option<u64> {
        self.integer()
    }

    /// Reads (whitespace first) a plain non-negative integer of at most
    /// 2^53 - 1: digits only, no sign, fraction or exponent, no leading zero.
    #[inline(always)]
    pub(crate) fn integer(&mut self) -> Option<u64> {
        let first = self.peek_token()?;
        let mut value = u64::from(first.checked_sub(b'0').filter(|d| *d <= 9)?);
        self.pos += 1;
        if value != 0 {
            while let Some(digit @ b'0'..=b'9') = self.peek() {
                value = value * 10 + u64::from(digit - b'0');
                if value > MAX_SAFE_INTEGER {
                    return None;
                }
                self.pos += 1;
            }
        }
        match self.peek() {
            Some(b'0'..=b'9' | b'.' | b'e' | b'E') => None,
            _ => Some(value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn string(text: &str) -> Option<String> {
        let mut cursor = Cursor::new(text.as_bytes());
        let raw = cursor.string()?;
        cursor.at_end().then_some(())?;
        raw.value().map(Cow::into_owned)
    }

    #[test]
    fn strings_are_read_whole_and_decoded_like_serde_json() {
        let cases = [
            r#""""#,
            r#""abc""#,
            r#""a fairly long string with no escapes at all""#,
            r#""tab\tnew\nline \"quoted\" \\ \/ \b\f\r""#,
            r#""\u00e9\u4e2d\ud83d\ude80""#,
            "\"同步任务 · sincronisasi ✓ 🚀 and more text after it\"",
            r#""12345678\"12345678""#,
        ];
        for case in cases {
            let expected: String = serde_json::from_str(case).unwrap();
            assert_eq!(string(case).as_deref(), Some(expected.as_str()), "{case}");
        }
    }

    #[test]
    fn strings_serde_json_refuses_or_reads_lossily_are_declined() {
        let cases: [&[u8]; 10] = [
            b"\"abc",
            b"\"tab\tinside\"",
            b"\"new\nline in a longer string\"",
            br#""\x""#,
            br#""\u12""#,
            br#""\ud800""#,
            br#""\ud800\u0041""#,
            br#""\udc00\ud800""#,
            b"\"\xC3\x28 invalid UTF-8\"",
            b"\"\xED\xA0\x80 a surrogate in UTF-8\"",
        ];
        for case in cases {
            let mut cursor = Cursor::new(case);
            assert!(
                cursor.string().is_none(),
                "{}",
                String::from_utf8_lossy(case)
            );
        }
    }

    #[test]
    fn integers_are_plain_and_safe() {
        let accepted = [("0", 0), ("7", 7), (" 1649830226000", 1_649_830_226_000)];
        for (text, value) in accepted {
            assert_eq!(
                Cursor::new(text.as_bytes()).integer(),
                Some(value),
                "{text}"
            );
        }
        let max = MAX_SAFE_INTEGER.to_string();
        assert_eq!(
            Cursor::new(max.as_bytes()).integer(),
            Some(MAX_SAFE_INTEGER)
        );
        let over = (MAX_SAFE_INTEGER + 1).to_string();
        for text in [
            "-0", "-1", "01", "00", "1.0", "1e3", "3E2", "0.5", &over, "", "x",
        ] {
            assert_eq!(Cursor::new(text.as_bytes()).integer(), None, "{text}");
        }
    }

    #[test]
    fn special_bytes_finds_the_first_one() {
        for (text, first) in [
            (*b"abcdefgh", 8),
            (*b"abc\"efgh", 3),
            (*b"\\bcdefgh", 0),
            (*b"abcdefg\x1f", 7),
            (*b"ab\xC3\xA9efgh", 2),
            (*b"a\x7f\x20cd\"\"\"", 5),
        ] {
            let special = special_bytes(u64::from_le_bytes(text));
            let found = if special == 0 {
                8
            } else {
                special.trailing_zeros() / 8
            };
            assert_eq!(found, first, "{}", String::from_utf8_lossy(&text));
        }
    }
}
