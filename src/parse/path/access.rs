//! The sequence, map and enum accessors of the path tracker in [`super`]:
//! each step into an element, member or variant goes one level deeper.

use super::{Deeper, Hook, PathState, Step};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use std::borrow::Cow;
use std::fmt;

/// Array elements, each at its index.
pub(super) struct TrackedSeq<'s, A> {
    pub(super) inner: A,
    pub(super) state: &'s PathState,
    pub(super) index: usize,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for TrackedSeq<'_, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let step = Step::Index(self.index);
        self.index += 1;
        let state = self.state;
        state.check(self.inner.next_element_seed(Deeper { seed, step, state }))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// Object members, each value at its key.
pub(super) struct TrackedMap<'s, 'de, A> {
    pub(super) inner: A,
    pub(super) state: &'s PathState,
    /// The key just read, for the value that follows.
    pub(super) key: Option<Cow<'de, str>>,
}

impl<'de, A: MapAccess<'de>> TrackedMap<'_, 'de, A> {
    #[inline(never)]
    fn read_key(&mut self) -> Result<Option<Cow<'de, str>>, A::Error> {
        self.state.check(self.inner.next_key_seed(KeySeed))
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for TrackedMap<'_, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        // Keys are read as strings (all the model's keys are) and then handed
        // to `seed` (a field name's visitor), so this is the only place that
        // reads a key.
        let Some(key) = self.read_key()? else {
            return Ok(None);
        };
        match seed.deserialize(de::value::StrDeserializer::<A::Error>::new(&key)) {
            Ok(value) => {
                self.key = Some(key);
                Ok(Some(value))
            }
            Err(error) => {
                self.state.fail_at(Step::Key(key));
                Err(error)
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        let step = self.key.take().map_or(Step::Stay, Step::Key);
        let state = self.state;
        state.check(self.inner.next_value_seed(Deeper { seed, step, state }))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// Reads an object key as a string, borrowed from the input when it can be.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_identifier(KeySeed)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v))
    }
}

/// An enum: its variant's content is one step deeper, at the variant's name.
pub(super) struct TrackedEnum<'s, A> {
    pub(super) inner: A,
    pub(super) state: &'s PathState,
}

impl<'de, 's, A: EnumAccess<'de>> EnumAccess<'de> for TrackedEnum<'s, A> {
    type Error = A::Error;
    type Variant = TrackedVariant<'s, 'de, A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), A::Error> {
        let mut name = None;
        let (value, inner) = self.inner.variant_seed(CaptureName {
            seed,
            name: &mut name,
        })?;
        let step = name.map_or(Step::Stay, Step::Key);
        Ok((
            value,
            TrackedVariant {
                inner,
                step,
                state: self.state,
            },
        ))
    }
}

pub(super) struct TrackedVariant<'s, 'de, A> {
    inner: A,
    step: Step<'de>,
    state: &'s PathState,
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for TrackedVariant<'_, 'de, A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        let restore = self.state.enter(&self.step);
        let result = self.inner.unit_variant();
        self.state.end(restore, result.is_err());
        result
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        let state = self.state;
        let restore = state.enter(&self.step);
        let result = self.inner.newtype_variant_seed(Deeper {
            seed,
            step: Step::Stay,
            state,
        });
        state.end(restore, result.is_err());
        result
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let state = self.state;
        let restore = state.enter(&self.step);
        let result = self.inner.tuple_variant(
            len,
            Hook {
                inner: visitor,
                state,
            },
        );
        state.end(restore, result.is_err());
        result
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let state = self.state;
        let restore = state.enter(&self.step);
        let result = self.inner.struct_variant(
            fields,
            Hook {
                inner: visitor,
                state,
            },
        );
        state.end(restore, result.is_err());
        result
    }
}

/// A variant seed that also keeps the variant's name when it is a string.
struct CaptureName<'n, 'de, S> {
    seed: S,
    name: &'n mut Option<Cow<'de, str>>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for CaptureName<'_, 'de, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.seed.deserialize(CaptureNameDe {
            inner: d,
            name: self.name,
        })
    }
}

/// The deserializer of a variant name: hands the name to the variant's
/// visitor and keeps a copy.
struct CaptureNameDe<'n, 'de, D> {
    inner: D,
    name: &'n mut Option<Cow<'de, str>>,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for CaptureNameDe<'_, 'de, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_any(CaptureNameVisitor {
            inner: visitor,
            name: self.name,
        })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_identifier(CaptureNameVisitor {
            inner: visitor,
            name: self.name,
        })
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_str(CaptureNameVisitor {
            inner: visitor,
            name: self.name,
        })
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_string(CaptureNameVisitor {
            inner: visitor,
            name: self.name,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes
        byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum ignored_any
    }
}

struct CaptureNameVisitor<'n, 'de, V> {
    inner: V,
    name: &'n mut Option<Cow<'de, str>>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for CaptureNameVisitor<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.inner.expecting(f)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        *self.name = Some(Cow::Owned(v.to_owned()));
        self.inner.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        *self.name = Some(Cow::Borrowed(v));
        self.inner.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        *self.name = Some(Cow::Owned(v.clone()));
        self.inner.visit_string(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<V::Value, E> {
        *self.name = Some(Cow::Owned(v.to_string()));
        self.inner.visit_u64(v)
    }
}
