//! The parse error: a closed set of codes, a JSON path and a position, so a
//! console can say exactly what is wrong and where.

use std::fmt;

/// Why an input could not be read as a response. The set is closed: the JS
/// `EiamSyncParseError.code` is always one of these strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParseErrorCode {
    /// Not JSON: a stray character, a missing comma, trailing text.
    Syntax,
    /// The input ended before the JSON value did (empty or truncated).
    Eof,
    /// The bytes are not valid UTF-8.
    Encoding,
    /// A value has the wrong JSON type, or a count is negative or fractional.
    Type,
    /// A required field is absent or `null`.
    MissingField,
    /// An enum value outside the known set, in strict mode only.
    UnknownValue,
    /// An integer beyond 2^53 - 1, which JavaScript cannot hold exactly.
    NumberOutOfRange,
    /// Arrays or objects nested deeper than the parser allows (128 levels).
    TooDeep,
    /// The input is larger than [`super::MAX_INPUT_BYTES`].
    TooLarge,
    /// An object names the same known field twice.
    DuplicateKey,
}

impl ParseErrorCode {
    /// Every code, in documentation order.
    pub const ALL: [ParseErrorCode; 10] = [
        ParseErrorCode::Syntax,
        ParseErrorCode::Eof,
        ParseErrorCode::Encoding,
        ParseErrorCode::Type,
        ParseErrorCode::MissingField,
        ParseErrorCode::UnknownValue,
        ParseErrorCode::NumberOutOfRange,
        ParseErrorCode::TooDeep,
        ParseErrorCode::TooLarge,
        ParseErrorCode::DuplicateKey,
    ];

    /// The stable string form used in JS (`"missing_field"`).
    pub fn as_str(self) -> &'static str {
        match self {
            ParseErrorCode::Syntax => "syntax",
            ParseErrorCode::Eof => "eof",
            ParseErrorCode::Encoding => "encoding",
            ParseErrorCode::Type => "type",
            ParseErrorCode::MissingField => "missing_field",
            ParseErrorCode::UnknownValue => "unknown_value",
            ParseErrorCode::NumberOutOfRange => "number_out_of_range",
            ParseErrorCode::TooDeep => "too_deep",
            ParseErrorCode::TooLarge => "too_large",
            ParseErrorCode::DuplicateKey => "duplicate_key",
        }
    }

    /// The code with this string form, if any.
    pub fn from_str_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == code)
    }
}

impl fmt::Display for ParseErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failure to read an input as a response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// What kind of failure.
    pub code: ParseErrorCode,
    /// Where: wire names joined by `.`, `[i]` for array indices, `""` for the
    /// root. For `missing_field` the path ends with the missing key.
    pub path: String,
    /// 1-based line of the failure in the input text, when there is one.
    pub line: Option<u32>,
    /// 1-based column (in Unicode characters) of the failure, when there is one.
    pub column: Option<u32>,
    /// One sentence that says all of the above for a person.
    pub message: String,
    /// The message without code, location and position.
    detail: String,
}

impl ParseError {
    /// Builds an error and its one-sentence message from a short detail.
    pub fn new(
        code: ParseErrorCode,
        path: String,
        position: Option<(u32, u32)>,
        detail: &str,
    ) -> Self {
        let message = Self::sentence(code, &path, position, detail);
        ParseError {
            code,
            path,
            line: position.map(|p| p.0),
            column: position.map(|p| p.1),
            message,
            detail: detail.to_owned(),
        }
    }

    /// The same error without line and column: for input that was not text
    /// (a JS object serialised by the binding), where positions mean nothing.
    pub fn without_position(self) -> Self {
        Self::new(self.code, self.path, None, &self.detail)
    }

    fn sentence(
        code: ParseErrorCode,
        path: &str,
        position: Option<(u32, u32)>,
        detail: &str,
    ) -> String {
        let location = if path.is_empty() {
            "the root".to_owned()
        } else {
            format!("`{path}`")
        };
        match position {
            Some((line, column)) => {
                format!("{code}: {detail} at {location} (line {line}, column {column})")
            }
            None => format!("{code}: {detail} at {location}"),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}
