//! What the exports accept from JS: JSON text, UTF-8 bytes, or an already
//! parsed value, turned into UTF-8 bytes and read with the core parser.

use super::errors::parse_error_to_js;
use crate::model::MAX_SAFE_INTEGER;
use crate::parse::{self, too_large, ParseError, ParseErrorCode, ParseOptions, MAX_INPUT_BYTES};
use js_sys::{ArrayBuffer, JsString, Reflect, Uint8Array, JSON};
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

/// An input ready for the core parser.
pub(crate) struct Input {
    /// UTF-8 JSON (possibly invalid: the core reports `encoding`).
    pub bytes: Vec<u8>,
    /// Whether the caller gave text or bytes, so line and column mean something.
    pub has_positions: bool,
}

/// `ms` as a whole number of milliseconds from 0 to 2^53 - 1 (the instants
/// and durations JS passes as `number`), or `None`.
pub(crate) fn whole_ms(ms: f64) -> Option<u64> {
    let whole =
        ms.is_finite() && ms.fract() == 0.0 && (0.0..=MAX_SAFE_INTEGER as f64).contains(&ms);
    whole.then_some(ms as u64)
}

/// Reads a JS input. Bytes are copied straight into wasm memory, with no JS
/// string in between; objects are serialised with `JSON.stringify`. Inputs
/// over the size limit are refused before anything is copied, since wasm
/// memory, once grown, never shrinks.
pub(crate) fn read_input(value: &JsValue) -> Result<Input, ParseError> {
    if let Some(text) = value.dyn_ref::<JsString>() {
        return read_text(text, true);
    }
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        return read_bytes(bytes);
    }
    if let Some(buffer) = value.dyn_ref::<ArrayBuffer>() {
        return read_bytes(&Uint8Array::new(buffer));
    }
    if ArrayBuffer::is_view(value) {
        // Any other typed array or a DataView: the bytes it covers.
        let view: &js_sys::DataView = value.unchecked_ref();
        let bytes = Uint8Array::new_with_byte_offset_and_length(
            &view.buffer(),
            view.byte_offset() as u32,
            view.byte_length() as u32,
        );
        return read_bytes(&bytes);
    }
    if value.is_undefined() {
        return Err(type_error(
            "expected JSON text, UTF-8 bytes or a parsed object, found undefined",
        ));
    }
    match JSON::stringify(value) {
        Ok(text) if text.is_undefined() => Err(type_error(
            "the value has no JSON form (a function or a symbol)",
        )),
        Ok(text) => read_text(&text, false),
        Err(error) => {
            let reason = error
                .dyn_ref::<js_sys::Error>()
                .and_then(|e| e.message().as_string())
                .unwrap_or_else(|| "JSON.stringify failed".to_owned());
            Err(type_error(&format!(
                "the object cannot be read as JSON ({reason})"
            )))
        }
    }
}

/// A JS string as UTF-8. Its UTF-8 form is never shorter than its UTF-16
/// length, so a string longer than the limit is refused without copying it.
/// Lone surrogates become U+FFFD, as `TextEncoder` does.
fn read_text(text: &JsString, has_positions: bool) -> Result<Input, ParseError> {
    if text.length() as usize > MAX_INPUT_BYTES {
        return Err(too_large(text.length() as usize));
    }
    let bytes = String::from(text).into_bytes();
    Ok(Input {
        bytes,
        has_positions,
    })
}

fn read_bytes(bytes: &Uint8Array) -> Result<Input, ParseError> {
    if bytes.length() as usize > MAX_INPUT_BYTES {
        return Err(too_large(bytes.length() as usize));
    }
    Ok(Input {
        bytes: bytes.to_vec(),
        has_positions: true,
    })
}

fn type_error(detail: &str) -> ParseError {
    ParseError::new(ParseErrorCode::Type, String::new(), None, detail)
}

/// Reads `{ strict?: boolean }`; anything else means the defaults.
pub(crate) fn read_parse_options(options: Option<JsValue>) -> ParseOptions {
    let strict = options
        .filter(|o| o.is_object())
        .and_then(|o| Reflect::get(&o, &JsValue::from_str("strict")).ok())
        .is_some_and(|v| v.is_truthy());
    ParseOptions { strict }
}

/// Reads a JS value (object, JSON text or UTF-8 bytes) as `T` with the
/// library's lenient parser; failures become `EiamSyncParseError`s.
pub(crate) fn read<T: DeserializeOwned>(value: &JsValue) -> Result<T, JsValue> {
    let input = read_input(value).map_err(|e| parse_error_to_js(&e))?;
    parse::parse(&input.bytes, ParseOptions::default()).map_err(|e| {
        let e = if input.has_positions {
            e
        } else {
            e.without_position()
        };
        parse_error_to_js(&e)
    })
}

/// Reads an options object; `undefined` and `null` mean the defaults.
pub(crate) fn read_options<T: DeserializeOwned + Default>(
    options: Option<JsValue>,
) -> Result<T, JsValue> {
    match options {
        Some(value) if !value.is_undefined() && !value.is_null() => read(&value),
        _ => Ok(T::default()),
    }
}
