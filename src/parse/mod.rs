//! Text or bytes -> model, with errors that carry a code, a JSON path and a
//! position. Parsing never panics, whatever the input: every failure is a
//! [`ParseError`].
//!
//! Lenient by default: unknown enum values are kept, unknown fields ignored,
//! `null` read as absent. Strict mode rejects unknown enum values, and nothing
//! else. Duplicate known fields are always an error (`duplicate_key`): two
//! values for one field are ambiguous, and JSON parsers disagree on which wins,
//! so a proxy and a console could read different things from the same bytes.

mod depth;
mod error;
pub mod fast;
mod locate;
mod position;

pub use depth::MAX_DEPTH;
pub use error::{ParseError, ParseErrorCode};

use crate::model::enums::StrictGuard;
use crate::model::wire::{untag, NULL_REQUIRED};
use crate::model::{
    GetIdentityProviderUdPullConfigurationResponse, GetIdentityProviderUdPushConfigurationResponse,
    GetSynchronizationJobResponse, ListSynchronizationJobsResponse,
};
use serde::de::DeserializeOwned;
use serde_json::error::Category;

/// The largest input accepted, in bytes (64 MiB): far above any real page
/// (100 jobs are about 150 KB) and small enough to keep a page's memory sane.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// How strictly to read.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ParseOptions {
    /// Reject enum values outside the documented set (`unknown_value`).
    pub strict: bool,
}

/// Reads a GetSynchronizationJob response body.
pub fn get_synchronization_job(
    input: &[u8],
    options: ParseOptions,
) -> Result<GetSynchronizationJobResponse, ParseError> {
    parse(input, options)
}

/// Reads a ListSynchronizationJobs response body (one page).
pub fn list_synchronization_jobs(
    input: &[u8],
    options: ParseOptions,
) -> Result<ListSynchronizationJobsResponse, ParseError> {
    parse(input, options)
}

/// Reads a GetIdentityProviderUdPushConfiguration response body.
pub fn get_identity_provider_ud_push_configuration(
    input: &[u8],
    options: ParseOptions,
) -> Result<GetIdentityProviderUdPushConfigurationResponse, ParseError> {
    parse(input, options)
}

/// Reads a GetIdentityProviderUdPullConfiguration response body.
pub fn get_identity_provider_ud_pull_configuration(
    input: &[u8],
    options: ParseOptions,
) -> Result<GetIdentityProviderUdPullConfigurationResponse, ParseError> {
    parse(input, options)
}

/// Reads any model type from UTF-8 JSON bytes (a leading BOM is skipped).
pub fn parse<T: DeserializeOwned>(input: &[u8], options: ParseOptions) -> Result<T, ParseError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(too_large(input.len()));
    }
    let bytes = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let detail = format!("the input is not valid UTF-8 (bad byte at offset {offset})");
        let position = position::line_column_of_offset(bytes, offset);
        ParseError::new(
            ParseErrorCode::Encoding,
            String::new(),
            Some(position),
            &detail,
        )
    })?;

    if let Err(offset) = depth::check_depth(bytes) {
        let detail = format!("arrays or objects are nested more than {MAX_DEPTH} levels deep");
        let position = position::line_column_of_offset(bytes, offset);
        return Err(ParseError::new(
            ParseErrorCode::TooDeep,
            locate::path_at(bytes, offset, locate::Failure::Data),
            Some(position),
            &detail,
        ));
    }

    let _strict = StrictGuard::set(options.strict);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(&mut deserializer).map_err(|e| classify(&e, bytes, true))?;
    deserializer.end().map_err(|e| classify(&e, bytes, false))?;
    Ok(value)
}

/// The `too_large` error for an input of at least `length` bytes; the JS
/// binding uses it to refuse oversized input before copying it into wasm.
pub fn too_large(length: usize) -> ParseError {
    let detail =
        format!("the input is at least {length} bytes, more than the limit of {MAX_INPUT_BYTES}");
    ParseError::new(ParseErrorCode::TooLarge, String::new(), None, &detail)
}

/// Maps a serde_json error to a [`ParseError`]; `in_value` says whether it
/// happened inside the root value (rather than after it), so has a path.
fn classify(error: &serde_json::Error, text: &[u8], in_value: bool) -> ParseError {
    let offset = position::offset_of(text, error.line(), error.column());
    let position = Some(position::character_position(
        text,
        error.line(),
        error.column(),
    ));
    let full = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);

    let failure = match error.classify() {
        Category::Data if message.starts_with("invalid type: sequence") => {
            locate::Failure::ArrayRefused
        }
        Category::Data if message.ends_with(NULL_REQUIRED) => locate::Failure::NullRefused,
        Category::Data => locate::Failure::Data,
        Category::Eof => locate::Failure::Eof,
        Category::Syntax | Category::Io => locate::Failure::Syntax,
    };
    let mut path = if in_value {
        locate::path_at(text, offset, failure)
    } else {
        String::new()
    };

    let (code, detail) = match error.classify() {
        Category::Eof => (ParseErrorCode::Eof, message),
        Category::Syntax if message == "recursion limit exceeded" => (
            ParseErrorCode::TooDeep,
            "arrays or objects are nested too deeply",
        ),
        Category::Syntax if message == "number out of range" => (
            ParseErrorCode::NumberOutOfRange,
            "the number is too large to represent",
        ),
        // An escape such as "\ud800" names no Unicode character (serde_json
        // reports a lead surrogate without its trail as an "end of hex escape").
        Category::Syntax
            if message.contains("surrogate")
                || message.contains("unicode")
                || message == "unexpected end of hex escape" =>
        {
            (ParseErrorCode::Encoding, message)
        }
        Category::Syntax | Category::Io => (ParseErrorCode::Syntax, message),
        Category::Data => {
            if let Some((code, detail)) = untag(message) {
                let code = ParseErrorCode::from_str_code(code).unwrap_or(ParseErrorCode::Type);
                (code, detail)
            } else if let Some(field) = quoted_field(message, "missing field `") {
                push_key(&mut path, field);
                (ParseErrorCode::MissingField, "a required field is absent")
            } else if let Some(field) = quoted_field(message, "duplicate field `") {
                push_key(&mut path, field);
                (
                    ParseErrorCode::DuplicateKey,
                    "the field appears more than once",
                )
            } else {
                (ParseErrorCode::Type, message)
            }
        }
    };
    ParseError::new(code, path, position, detail)
}

/// The name in a serde message such as "missing field `Total`".
fn quoted_field<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    message.strip_prefix(prefix)?.strip_suffix('`')
}

/// Appends `key` to a path in the grammar of [`ParseError::path`].
fn push_key(out: &mut String, key: &str) {
    if !out.is_empty() {
        out.push('.');
    }
    out.push_str(key);
}
