//! What the parse functions accept from JS: JSON text, UTF-8 bytes, or an
//! already parsed value, turned into UTF-8 bytes for the core parser.

use crate::parse::{ParseError, ParseErrorCode, ParseOptions};
use js_sys::{ArrayBuffer, Reflect, Uint8Array, JSON};
use wasm_bindgen::{JsCast, JsValue};

/// An input ready for the core parser.
pub(crate) struct Input {
    /// UTF-8 JSON (possibly invalid: the core reports `encoding`).
    pub bytes: Vec<u8>,
    /// Whether the caller gave text or bytes, so line and column mean something.
    pub has_positions: bool,
}

/// Reads a JS input. Bytes are copied straight into wasm memory, with no JS
/// string in between; objects are serialised with `JSON.stringify`.
pub(crate) fn read_input(value: &JsValue) -> Result<Input, ParseError> {
    if let Some(text) = value.as_string() {
        return Ok(Input {
            bytes: text.into_bytes(),
            has_positions: true,
        });
    }
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        return Ok(Input {
            bytes: bytes.to_vec(),
            has_positions: true,
        });
    }
    if let Some(buffer) = value.dyn_ref::<ArrayBuffer>() {
        return Ok(Input {
            bytes: Uint8Array::new(buffer).to_vec(),
            has_positions: true,
        });
    }
    if value.is_undefined() {
        return Err(type_error(
            "expected JSON text, UTF-8 bytes or a parsed object, found undefined",
        ));
    }
    match JSON::stringify(value) {
        Ok(text) => match text.as_string() {
            Some(text) => Ok(Input {
                bytes: text.into_bytes(),
                has_positions: false,
            }),
            None => Err(type_error(
                "the value has no JSON form (a function or a symbol)",
            )),
        },
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
