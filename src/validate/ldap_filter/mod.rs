//! A recognizer for the string form of LDAP search filters, RFC 4515 §3:
//!
//! ```text
//! filter     = "(" filtercomp ")"
//! filtercomp = and / or / not / item
//! and = "&" 1*filter     or = "|" 1*filter     not = "!" filter
//! item       = simple / present / substring / extensible
//! simple     = attr ( "=" / "~=" / ">=" / "<=" ) assertionvalue
//! present    = attr "=*"
//! substring  = attr "=" [initial] "*" *(assertionvalue "*") [final]
//! extensible = attr [":dn"] [":" matchingrule] ":=" assertionvalue
//!            / [":dn"] ":" matchingrule ":=" assertionvalue
//! attr       = oid *( ";" option )      ; RFC 4512 attribute description
//! assertionvalue: any character but NUL, "(", ")", "*", "\", which are
//! written "\" HEX HEX
//! ```
//!
//! No whitespace is allowed between tokens. Nesting deeper than
//! [`MAX_FILTER_DEPTH`] is refused, so hostile input cannot exhaust the stack.
//! Errors carry the 1-based character position of the problem.

use super::ldap_names::is_oid;
use super::Locale;

/// How deeply filters may nest (`(&(|(!(...))))`): far beyond any real one.
pub const MAX_FILTER_DEPTH: usize = 64;

/// Why a filter is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterErrorKind {
    /// The text ends inside a filter.
    UnexpectedEnd,
    /// A `(` was expected.
    ExpectedOpen,
    /// A `)` was expected.
    ExpectedClose,
    /// `&` or `|` without a filter after it (`(&)`).
    EmptyFilterList,
    /// Not an attribute description (`oid *(";" option)`).
    InvalidAttribute,
    /// No `=`, `~=`, `>=`, `<=` or `:=` after the attribute.
    MissingOperator,
    /// A `\` not followed by two hexadecimal digits.
    InvalidEscape,
    /// NUL, `(`, or a `*` where no substring is possible, unescaped in a value.
    UnescapedCharacter,
    /// After `:` in an extensible match, neither `dn` nor a matching rule oid.
    InvalidMatchingRule,
    /// An extensible match with neither an attribute nor a matching rule.
    MissingMatchingRule,
    /// Nesting deeper than [`MAX_FILTER_DEPTH`].
    TooDeep,
    /// Text after the closing parenthesis of the filter.
    TrailingCharacters,
}

impl FilterErrorKind {
    /// A short phrase for the `{detail}` of the `invalid_ldap_filter` message.
    pub fn describe(self, locale: Locale) -> &'static str {
        use FilterErrorKind::*;
        let [en, zh_cn, id] = match self {
            UnexpectedEnd => [
                "the filter ends too early",
                "过滤器提前结束",
                "filter berakhir terlalu cepat",
            ],
            ExpectedOpen => ["expected \"(\"", "应为“(”", "seharusnya \"(\""],
            ExpectedClose => ["expected \")\"", "应为“)”", "seharusnya \")\""],
            EmptyFilterList => [
                "\"&\" or \"|\" needs at least one filter",
                "“&”或“|”后至少需要一个过滤器",
                "\"&\" atau \"|\" memerlukan setidaknya satu filter",
            ],
            InvalidAttribute => [
                "expected an attribute name or numeric OID, with optional \";\" options",
                "应为属性名称或数字 OID（可带“;”选项）",
                "seharusnya nama atribut atau OID numerik, dengan opsi \";\" opsional",
            ],
            MissingOperator => [
                "expected \"=\", \"~=\", \">=\", \"<=\" or \":=\"",
                "应为“=”、“~=”、“>=”、“<=”或“:=”",
                "seharusnya \"=\", \"~=\", \">=\", \"<=\" atau \":=\"",
            ],
            InvalidEscape => [
                "\"\\\" must be followed by two hexadecimal digits",
                "“\\”后必须跟两个十六进制数字",
                "\"\\\" harus diikuti dua digit heksadesimal",
            ],
            UnescapedCharacter => [
                "this character must be written as a \\XX escape in a value",
                "值中的此字符必须写成 \\XX 转义",
                "karakter ini harus ditulis sebagai escape \\XX dalam nilai",
            ],
            InvalidMatchingRule => [
                "expected \"dn\" or a matching rule name or OID",
                "应为“dn”或匹配规则名称或 OID",
                "seharusnya \"dn\" atau nama atau OID aturan pencocokan",
            ],
            MissingMatchingRule => [
                "an extensible match without an attribute needs a matching rule",
                "没有属性的扩展匹配需要匹配规则",
                "pencocokan extensible tanpa atribut memerlukan aturan pencocokan",
            ],
            TooDeep => [
                "filters are nested more than 64 levels deep",
                "过滤器嵌套超过 64 层",
                "filter bersarang lebih dari 64 tingkat",
            ],
            TrailingCharacters => [
                "unexpected text after the filter",
                "过滤器之后有多余的内容",
                "ada teks tak terduga setelah filter",
            ],
        };
        match locale {
            Locale::En => en,
            Locale::ZhCn => zh_cn,
            Locale::Id => id,
        }
    }
}

/// A filter that is not valid: why, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilterError {
    /// Why.
    pub kind: FilterErrorKind,
    /// The 1-based position, in characters, of the problem (one past the last
    /// character when the text ends too early).
    pub position: usize,
}

/// Checks that `text` is one RFC 4515 filter, nothing before or after it.
pub fn check_filter(text: &str) -> Result<(), FilterError> {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        pos: 0,
    };
    parser.filter(1)?;
    if parser.pos < parser.bytes.len() {
        return Err(parser.error(FilterErrorKind::TrailingCharacters));
    }
    Ok(())
}

struct Parser<'a> {
    bytes: &'a [u8],
    /// Byte offset of the next unread byte.
    pos: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    /// An error at the current byte, its position counted in characters.
    fn error(&self, kind: FilterErrorKind) -> FilterError {
        self.error_at(kind, self.pos)
    }

    fn error_at(&self, kind: FilterErrorKind, offset: usize) -> FilterError {
        let before = self.bytes.get(..offset).unwrap_or(self.bytes);
        // Count the bytes that start a UTF-8 character.
        let chars = before.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        FilterError {
            kind,
            position: chars + 1,
        }
    }

    /// Consumes `byte` or fails with `kind` (or `UnexpectedEnd` at the end).
    fn expect(&mut self, byte: u8, kind: FilterErrorKind) -> Result<(), FilterError> {
        match self.peek() {
            Some(b) if b == byte => {
                self.pos += 1;
                Ok(())
            }
            Some(_) => Err(self.error(kind)),
            None => Err(self.error(FilterErrorKind::UnexpectedEnd)),
        }
    }

    /// `"(" filtercomp ")"` at nesting `depth` (1 for the outermost).
    fn filter(&mut self, depth: usize) -> Result<(), FilterError> {
        if depth > MAX_FILTER_DEPTH {
            return Err(self.error(FilterErrorKind::TooDeep));
        }
        self.expect(b'(', FilterErrorKind::ExpectedOpen)?;
        match self.peek() {
            Some(b'&' | b'|') => {
                self.pos += 1;
                self.filter_list(depth)?;
            }
            Some(b'!') => {
                self.pos += 1;
                self.filter(depth + 1)?;
            }
            _ => self.item()?,
        }
        self.expect(b')', FilterErrorKind::ExpectedClose)
    }

    /// `1*filter`, the operands of `&` and `|`.
    fn filter_list(&mut self, depth: usize) -> Result<(), FilterError> {
        match self.peek() {
            Some(b'(') => {}
            Some(b')') => return Err(self.error(FilterErrorKind::EmptyFilterList)),
            Some(_) => return Err(self.error(FilterErrorKind::ExpectedOpen)),
            None => return Err(self.error(FilterErrorKind::UnexpectedEnd)),
        }
        while self.peek() == Some(b'(') {
            self.filter(depth + 1)?;
        }
        Ok(())
    }

    /// `simple / present / substring / extensible`.
    fn item(&mut self) -> Result<(), FilterError> {
        let start = self.pos;
        let has_attribute = self.peek() != Some(b':');
        if has_attribute {
            self.attribute_description()?;
        }
        match self.peek() {
            Some(b'=') => {
                self.pos += 1;
                // Equality, presence (`=*`) or substrings: values between `*`s.
                self.value(true)
            }
            Some(b'~' | b'>' | b'<') => {
                self.pos += 1;
                self.expect(b'=', FilterErrorKind::MissingOperator)?;
                self.value(false)
            }
            Some(b':') => self.extensible(start, has_attribute),
            Some(_) => Err(self.error(FilterErrorKind::MissingOperator)),
            None => Err(self.error(FilterErrorKind::UnexpectedEnd)),
        }
    }

    /// The longest run of `keychar`s and dots: a candidate `oid` or option.
    fn word(&mut self) -> &'a str {
        let bytes = self.bytes;
        let start = self.pos;
        while matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        {
            self.pos += 1;
        }
        // Only ASCII bytes were consumed, so this is always valid UTF-8.
        std::str::from_utf8(bytes.get(start..self.pos).unwrap_or_default()).unwrap_or("")
    }

    /// `oid *( ";" option )` with `option = 1*keychar`.
    fn attribute_description(&mut self) -> Result<(), FilterError> {
        let start = self.pos;
        if !is_oid(self.word()) {
            return Err(self.error_at(FilterErrorKind::InvalidAttribute, start));
        }
        while self.peek() == Some(b';') {
            self.pos += 1;
            let option_start = self.pos;
            let option = self.word();
            if option.is_empty() || option.contains('.') {
                return Err(self.error_at(FilterErrorKind::InvalidAttribute, option_start));
            }
        }
        Ok(())
    }

    /// `[":dn"] [":" matchingrule] ":=" assertionvalue`, at the first `:`.
    fn extensible(&mut self, start: usize, has_attribute: bool) -> Result<(), FilterError> {
        let mut dn = false;
        let mut rule = false;
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(b':'), Some(b'=')) => {
                    self.pos += 2;
                    break;
                }
                (Some(b':'), _) if !rule => {
                    self.pos += 1;
                    let word_start = self.pos;
                    let word = self.word();
                    if !is_oid(word) {
                        return Err(self.error_at(FilterErrorKind::InvalidMatchingRule, word_start));
                    }
                    if word.eq_ignore_ascii_case("dn") && !dn {
                        dn = true;
                    } else {
                        rule = true;
                    }
                }
                (None, _) => return Err(self.error(FilterErrorKind::UnexpectedEnd)),
                _ => return Err(self.error(FilterErrorKind::MissingOperator)),
            }
        }
        if !has_attribute && !rule {
            return Err(self.error_at(FilterErrorKind::MissingMatchingRule, start));
        }
        self.value(false)
    }

    /// An assertion value up to the closing `)`; with `substrings`, unescaped
    /// `*`s separate its parts.
    fn value(&mut self, substrings: bool) -> Result<(), FilterError> {
        loop {
            match self.peek() {
                None | Some(b')') => return Ok(()),
                Some(b'*') if substrings => self.pos += 1,
                Some(b'\\') => {
                    let hex = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_hexdigit());
                    if !(hex(self.peek_at(1)) && hex(self.peek_at(2))) {
                        return Err(self.error(FilterErrorKind::InvalidEscape));
                    }
                    self.pos += 3;
                }
                Some(0 | b'(' | b'*') => {
                    return Err(self.error(FilterErrorKind::UnescapedCharacter))
                }
                Some(_) => self.pos += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests;
