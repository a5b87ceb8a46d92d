//! Rust values -> plain JS values, for every export's result.
//!
//! The value is written as compact JSON text inside wasm by the small serde
//! serializer below and read by the engine's own `JSON.parse`: one string
//! crosses the boundary instead of one JS call per field. The result is what
//! `serde_wasm_bindgen::Serializer::json_compatible()` gave: plain objects,
//! `null` for `None` and `()`, absent keys for skipped fields, numbers as
//! numbers, unit variants as strings, other variants as `{ "Variant": ... }`,
//! and an error for an integer beyond ±(2^53 - 1) or a map key that is not a
//! string.

use js_sys::JSON;
use serde::ser::{self, Serialize};
use std::fmt;
use wasm_bindgen::JsValue;

mod compound;

use compound::Compound;

/// A plain JS value (objects, arrays, strings, numbers, booleans, `null`) of
/// `value`. Fails, with a JS `Error`, only for what JSON cannot carry exactly.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let mut json = Json(Vec::with_capacity(1024));
    if let Err(Error(message)) = value.serialize(&mut json) {
        return Err(js_sys::Error::new(&message).into());
    }
    // Only whole UTF-8 strings and ASCII are ever written: this cannot fail.
    let text = String::from_utf8(json.0).unwrap_or_default();
    JSON::parse(&text)
}

/// The largest integer a JS number holds exactly (2^53 - 1).
const MAX_SAFE: u64 = (1 << 53) - 1;

/// A serialisation failure; the message is what serde-wasm-bindgen's error
/// gave as `String(error)`.
#[derive(Debug)]
pub(crate) struct Error(String);

impl Error {
    fn new(message: impl fmt::Display) -> Self {
        Error(format!("Error: {message}"))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error::new(message)
    }
}

/// Compact JSON written into a byte buffer (always valid UTF-8).
struct Json(Vec<u8>);

impl Json {
    fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    fn raw(&mut self, text: &str) {
        self.0.extend_from_slice(text.as_bytes());
    }

    /// A JSON string: `"`, `\` and control characters escaped.
    fn string(&mut self, text: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let bytes = text.as_bytes();
        self.byte(b'"');
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if b >= 0x20 && b != b'"' && b != b'\\' {
                continue;
            }
            self.0
                .extend_from_slice(bytes.get(start..i).unwrap_or_default());
            start = i + 1;
            let short = match b {
                b'"' => b'"',
                b'\\' => b'\\',
                b'\n' => b'n',
                b'\r' => b'r',
                b'\t' => b't',
                0x08 => b'b',
                0x0c => b'f',
                _ => 0,
            };
            if short != 0 {
                self.0.extend_from_slice(&[b'\\', short]);
            } else {
                let hex = |n: u8| HEX.get(usize::from(n & 15)).copied().unwrap_or(b'0');
                self.0
                    .extend_from_slice(&[b'\\', b'u', b'0', b'0', hex(b >> 4), hex(b)]);
            }
        }
        self.0
            .extend_from_slice(bytes.get(start..).unwrap_or_default());
        self.byte(b'"');
    }

    fn unsigned(&mut self, mut v: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            if let Some(d) = digits.get_mut(at) {
                *d = b'0' + (v % 10) as u8;
            }
            v /= 10;
            if v == 0 || at == 0 {
                break;
            }
        }
        self.0
            .extend_from_slice(digits.get(at..).unwrap_or_default());
    }

    fn safe_unsigned(&mut self, v: u64) -> Result<(), Error> {
        if v > MAX_SAFE {
            return Err(Error::new(format_args!(
                "{v} can't be represented as a JavaScript number"
            )));
        }
        self.unsigned(v);
        Ok(())
    }

    fn safe_signed(&mut self, v: i64) -> Result<(), Error> {
        if v.unsigned_abs() > MAX_SAFE {
            return Err(Error::new(format_args!(
                "{v} can't be represented as a JavaScript number"
            )));
        }
        if v < 0 {
            self.byte(b'-');
        }
        self.unsigned(v.unsigned_abs());
        Ok(())
    }

    fn float(&mut self, v: f64) {
        if v.is_finite() {
            // Rust prints the shortest digits that read back as the same
            // double, never with an exponent: valid JSON, exact after parsing.
            use std::io::Write;
            let _ = write!(self.0, "{v}");
        } else {
            // JSON has no NaN or infinity; no output of this package holds one.
            self.raw("null");
        }
    }
}

type Done = Result<(), Error>;

impl<'a> ser::Serializer for &'a mut Json {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Done {
        self.raw(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.safe_signed(v.into())
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.safe_signed(v.into())
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.safe_signed(v.into())
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.safe_signed(v)
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.safe_unsigned(v.into())
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.safe_unsigned(v.into())
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.safe_unsigned(v.into())
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.safe_unsigned(v)
    }
    fn serialize_f32(self, v: f32) -> Done {
        self.float(v.into());
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Done {
        self.float(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        // An array of numbers, as serde-wasm-bindgen's `json_compatible` gives.
        let mut seq = ser::Serializer::serialize_seq(self, Some(v.len()))?;
        for b in v {
            ser::SerializeSeq::serialize_element(&mut seq, b)?;
        }
        ser::SerializeSeq::end(seq)
    }
    fn serialize_none(self) -> Done {
        self.raw("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.raw("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Done {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        self.byte(b'{');
        self.string(variant);
        self.byte(b':');
        value.serialize(&mut *self)?;
        self.byte(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self, b'[', b']', false))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.byte(b'{');
        self.string(variant);
        self.byte(b':');
        Ok(Compound::open(self, b'[', b']', true))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self, b'{', b'}', false))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self, b'{', b'}', false))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.byte(b'{');
        self.string(variant);
        self.byte(b':');
        Ok(Compound::open(self, b'{', b'}', true))
    }
}
