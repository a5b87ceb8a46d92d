//! The package's error objects: plain `Error`s with a `name` users can test
//! and the fields DESIGN.md lists, plus their TypeScript declarations and guards.

use crate::parse::ParseError;
use js_sys::{Error, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const ERROR_TYPES: &'static str = r#"
/**
 * Why an input could not be read as a response:
 * - `syntax`: not JSON (a stray character, a missing comma, trailing text);
 * - `eof`: the input ended before the JSON value did (empty or truncated);
 * - `encoding`: the bytes are not valid UTF-8;
 * - `type`: a value has the wrong JSON type, or a count is negative or fractional;
 * - `missing_field`: a required field is absent or `null`;
 * - `unknown_value`: an enum value outside the known set (strict mode only);
 * - `number_out_of_range`: an integer beyond 2^53 - 1;
 * - `too_deep`: nesting deeper than 128 levels;
 * - `too_large`: the input is larger than 64 MiB;
 * - `duplicate_key`: an object names the same known field twice.
 */
export type ParseErrorCode =
  | "syntax" | "eof" | "encoding" | "type" | "missing_field" | "unknown_value"
  | "number_out_of_range" | "too_deep" | "too_large" | "duplicate_key";

/** Options of the parse functions. */
export interface ParseOptions {
  /** Reject enum values outside the documented set (`unknown_value`). Default `false`. */
  strict?: boolean;
}

/** Thrown by the parse functions when an input is not a valid response. */
export interface EiamSyncParseError extends Error {
  name: "EiamSyncParseError";
  /** What kind of failure. */
  code: ParseErrorCode;
  /** Where: wire names joined by `.`, `[i]` for indices, `""` for the root; for `missing_field` it ends with the missing key. */
  path: string;
  /** 1-based line in the input text; `null` for object input or when no position applies. */
  line: number | null;
  /** 1-based column (Unicode characters) in the input text; `null` for object input or when no position applies. */
  column: number | null;
}
"#;

#[cfg(feature = "client")]
#[wasm_bindgen(typescript_custom_section)]
const ERROR_UNION: &'static str = r#"
/** Every error this package throws or rejects with. */
export type EiamSyncError =
  | EiamSyncParseError
  | EiamSyncApiError
  | EiamSyncNetworkError
  | EiamSyncTimeoutError
  | EiamSyncValidationError;
"#;

/// The `core` entry has no client, so its only error is the parse error.
#[cfg(not(feature = "client"))]
#[wasm_bindgen(typescript_custom_section)]
const ERROR_UNION: &'static str = r#"
/** Every error this entry throws. */
export type EiamSyncError = EiamSyncParseError;
"#;

/// The `name` of parse errors.
pub(crate) const PARSE_ERROR_NAME: &str = "EiamSyncParseError";

/// The names of the client's errors, when the client is built in.
#[cfg(feature = "client")]
use super::client::CLIENT_ERROR_NAMES;
#[cfg(not(feature = "client"))]
const CLIENT_ERROR_NAMES: [&str; 0] = [];

/// Every error name this package uses; `isEiamSyncError` accepts these.
const ERROR_NAMES: &[&str] = &[PARSE_ERROR_NAME];

/// Builds the JS `EiamSyncParseError` for a core [`ParseError`].
pub(crate) fn parse_error_to_js(error: &ParseError) -> JsValue {
    let js = Error::new(&error.message);
    js.set_name(PARSE_ERROR_NAME);
    let position = |p: Option<u32>| p.map_or(JsValue::NULL, JsValue::from);
    set(&js, "code", &JsValue::from_str(error.code.as_str()));
    set(&js, "path", &JsValue::from_str(&error.path));
    set(&js, "line", &position(error.line));
    set(&js, "column", &position(error.column));
    js.into()
}

/// Sets a property on an object we just created; cannot fail for a plain `Error`.
fn set(target: &Error, key: &str, value: &JsValue) {
    // Reflect.set only fails on frozen or exotic objects; a fresh Error is neither.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// The `name` property of `value` when it is an `Error` instance.
fn error_name(value: &JsValue) -> Option<String> {
    value.dyn_ref::<Error>().and_then(|e| e.name().as_string())
}

/// Narrows `unknown` to any error of this package (tests `instanceof Error` and `name`).
#[wasm_bindgen(js_name = isEiamSyncError, unchecked_return_type = "e is EiamSyncError")]
pub fn is_eiam_sync_error(#[wasm_bindgen(unchecked_param_type = "unknown")] e: JsValue) -> bool {
    error_name(&e).is_some_and(|name| {
        ERROR_NAMES.contains(&name.as_str()) || CLIENT_ERROR_NAMES.contains(&name.as_str())
    })
}

/// Narrows `unknown` to an `EiamSyncParseError`.
#[wasm_bindgen(
    js_name = isEiamSyncParseError,
    unchecked_return_type = "e is EiamSyncParseError"
)]
pub fn is_eiam_sync_parse_error(
    #[wasm_bindgen(unchecked_param_type = "unknown")] e: JsValue,
) -> bool {
    error_name(&e).is_some_and(|name| name == PARSE_ERROR_NAME)
}
