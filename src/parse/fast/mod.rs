//! A fast, schema-aware, validating scanner of job responses, sound but
//! conservative: it either **accepts** an input, and then the input is
//! certainly one the serde parser ([`super::list_synchronization_jobs`],
//! [`super::get_synchronization_job`]) reads without error, and a generic
//! JSON parser (`JSON.parse`) reads the same text as exactly the value the
//! serde parser produces (same keys, same strings, same numbers); or it
//! **declines**, and the caller uses the serde parser, which gives the value
//! or the precise error. Errors are never produced here.
//!
//! It declines whatever the serde parser and `JSON.parse` could read
//! differently, and a little more: an unknown key (serde drops it, `JSON.parse`
//! keeps it), a repeated key, `null` (absent for serde, a value for
//! `JSON.parse`), a number that is not a plain non-negative integer of at
//! most 2^53 - 1 (`-0`, `1.0`, `1e3`), escapes of lone surrogates, a key with
//! escapes, an unknown enum value in strict mode, invalid UTF-8, trailing
//! text, inputs over [`super::MAX_INPUT_BYTES`]. One leading UTF-8 BOM is
//! skipped, as the serde parser skips it. Keys may come in any order: the
//! scanner lists the objects whose order differs from the model's, and
//! [`Accepted::in_model_order`] rewrites them in place before `JSON.parse`,
//! so even the key order of the result is the parser's.
//!
//! No allocation per field; strings are skipped eight bytes at a time.

mod cursor;
mod key;
mod raw;
mod schema;
mod walk;

pub(crate) use raw::RawString;
pub use walk::Reorder;
pub(crate) use walk::{JobText, JobVisitor};

use super::{ParseOptions, MAX_INPUT_BYTES};
use walk::{Reorders, Walker};

/// An input the scanner accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    /// Where the JSON text starts in the input (after a BOM).
    pub start: usize,
    /// The objects whose keys the text writes in another order than the
    /// serde model does (the service writes `ErrorMessage` before
    /// `ErrorCode`; the model has them the other way), children first.
    pub reorder: Vec<Reorder>,
}

impl Accepted {
    /// The JSON text of `input` (the input this was accepted from).
    pub fn text<'a>(&self, input: &'a [u8]) -> &'a [u8] {
        input.get(self.start..).unwrap_or_default()
    }

    /// Puts every object of [`Self::reorder`] in the model's key order, in
    /// place (each keeps its length: whitespace fills in), and returns the
    /// text: `JSON.parse` of it is the parser's value, key order included.
    /// `None` if `input` is not the input this was accepted from.
    pub fn in_model_order<'a>(&self, input: &'a mut [u8]) -> Option<&'a [u8]> {
        let text = input.get_mut(self.start..)?;
        for object in &self.reorder {
            object.apply(text)?;
        }
        Some(text)
    }
}

/// The input without its BOM (and the BOM's length), if it is not too large
/// to parse.
fn body(input: &[u8]) -> Option<(&[u8], usize)> {
    if input.len() > MAX_INPUT_BYTES {
        return None;
    }
    Some(match input.strip_prefix(b"\xEF\xBB\xBF") {
        Some(text) => (text, 3),
        None => (input, 0),
    })
}

/// Scans a ListSynchronizationJobs response body; `None` means "use
/// [`super::list_synchronization_jobs`]".
pub fn list_synchronization_jobs(input: &[u8], options: ParseOptions) -> Option<Accepted> {
    scan(input, options, |walker| walker.list_response())
}

/// Scans a GetSynchronizationJob response body, like
/// [`list_synchronization_jobs`]; `None` means "use
/// [`super::get_synchronization_job`]".
pub fn get_synchronization_job(input: &[u8], options: ParseOptions) -> Option<Accepted> {
    scan(input, options, |walker| walker.get_response())
}

/// Runs one response walk over the whole input and collects its reorders.
fn scan<'a>(
    input: &'a [u8],
    options: ParseOptions,
    response: impl FnOnce(&mut Walker<'a, '_>) -> Option<()>,
) -> Option<Accepted> {
    let (text, start) = body(input)?;
    let mut reorders = Reorders::default();
    let mut walker = Walker::new(text, options.strict, &mut reorders);
    response(&mut walker)?;
    walker.finish()?;
    Some(Accepted {
        start,
        reorder: reorders.0,
    })
}

/// Scans a ListSynchronizationJobs response body leniently, reporting every
/// job's fields to `visitor`; `Some` when the scan accepts (what the visitor
/// saw means nothing otherwise).
pub(crate) fn visit_list_synchronization_jobs<'a>(
    input: &'a [u8],
    visitor: &mut dyn JobVisitor<'a>,
) -> Option<()> {
    let (text, _) = body(input)?;
    let mut walker = Walker::new(text, false, visitor);
    walker.list_response()?;
    walker.finish()
}
