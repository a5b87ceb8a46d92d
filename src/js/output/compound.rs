//! The arrays, objects and map keys of the JSON writer in [`super`].

use super::{Done, Error, Json};
use serde::ser::{self, Serialize};

/// An array or object being written; `wrapped` closes the `{ "Variant": ...}`
/// around it too.
pub(crate) struct Compound<'a> {
    json: &'a mut Json,
    first: bool,
    close: u8,
    wrapped: bool,
}

impl<'a> Compound<'a> {
    pub(super) fn open(json: &'a mut Json, open: u8, close: u8, wrapped: bool) -> Self {
        json.byte(open);
        Compound {
            json,
            first: true,
            close,
            wrapped,
        }
    }

    fn comma(&mut self) {
        if !self.first {
            self.json.byte(b',');
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.comma();
        value.serialize(&mut *self.json)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Done {
        self.comma();
        self.json.string(key);
        self.json.byte(b':');
        value.serialize(&mut *self.json)
    }

    fn close(self) -> Done {
        self.json.byte(self.close);
        if self.wrapped {
            self.json.byte(b'}');
        }
        Ok(())
    }
}

/// serde's four sequence-like traits, each writing elements the same way.
macro_rules! sequence_like {
    ($($trait:ident::$method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                self.element(value)
            }
            fn end(self) -> Done {
                self.close()
            }
        }
    )*};
}

sequence_like!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        self.comma();
        key.serialize(KeyOnly(&mut *self.json))?;
        self.json.byte(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut *self.json)
    }
    fn end(self) -> Done {
        self.close()
    }
}

/// serde's two struct-like traits, each writing fields the same way.
macro_rules! struct_like {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Done {
                self.field(key, value)
            }
            fn end(self) -> Done {
                self.close()
            }
        }
    )*};
}

struct_like!(SerializeStruct, SerializeStructVariant);

/// Writes a map key, which must be a string (as serde-wasm-bindgen required
/// for plain-object maps).
struct KeyOnly<'a>(&'a mut Json);

fn key_error() -> Error {
    Error::new("Map key is not a string and cannot be an object key")
}

impl ser::Serializer for KeyOnly<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Done {
        self.0.string(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        self.0.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Done {
        self.0.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Done {
        value.serialize(self)
    }
    fn serialize_bool(self, _v: bool) -> Done {
        Err(key_error())
    }
    fn serialize_i8(self, _v: i8) -> Done {
        Err(key_error())
    }
    fn serialize_i16(self, _v: i16) -> Done {
        Err(key_error())
    }
    fn serialize_i32(self, _v: i32) -> Done {
        Err(key_error())
    }
    fn serialize_i64(self, _v: i64) -> Done {
        Err(key_error())
    }
    fn serialize_u8(self, _v: u8) -> Done {
        Err(key_error())
    }
    fn serialize_u16(self, _v: u16) -> Done {
        Err(key_error())
    }
    fn serialize_u32(self, _v: u32) -> Done {
        Err(key_error())
    }
    fn serialize_u64(self, _v: u64) -> Done {
        Err(key_error())
    }
    fn serialize_f32(self, _v: f32) -> Done {
        Err(key_error())
    }
    fn serialize_f64(self, _v: f64) -> Done {
        Err(key_error())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Done {
        Err(key_error())
    }
    fn serialize_none(self) -> Done {
        Err(key_error())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Done {
        Err(key_error())
    }
    fn serialize_unit(self) -> Done {
        Err(key_error())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        Err(key_error())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Done {
        Err(key_error())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_error())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_error())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_error())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_error())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_error())
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(key_error())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_error())
    }
}
