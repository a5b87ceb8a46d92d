//! Rust values -> plain JS values for every export's result: plain objects
//! (not `Map`s), absent fields absent, numbers as numbers.

use serde::Serialize;
use wasm_bindgen::JsValue;

/// Converts an output value; a failure (never expected: every number is a
/// safe integer, every key a string) surfaces as a JS `Error`.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| JsValue::from(js_sys::Error::new(&error.to_string())))
}
