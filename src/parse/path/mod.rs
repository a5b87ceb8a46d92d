//! The JSON path of a parse failure (`SynchronizationJobs[3].Status`),
//! recorded while deserialising.
//!
//! It is recorded without wrapping every visitor: a [`Tracked`]
//! deserializer intercepts only the calls that can reach a nested value
//! (objects, arrays, options, newtypes, enum variants) and keeps the current
//! location in one reused string. The innermost place that sees an error
//! records the location there; outer places leave it alone. The locations are
//! those of a JSON path: the value of a key (`a.b`), an element (`a[2]`), an
//! enum variant's content (`a.Variant`); a failure between values (a missing
//! colon or comma, a bad key) is reported at the enclosing value.

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;

mod access;

use access::{TrackedEnum, TrackedMap, TrackedSeq};

/// The location being read and the one where the first error was seen.
#[derive(Default)]
struct PathState {
    current: RefCell<String>,
    failed_at: RefCell<Option<String>>,
}

/// One step into a value.
enum Step<'de> {
    /// Into the element with this index.
    Index(usize),
    /// Into the value of this key (or the content of this enum variant).
    Key(Cow<'de, str>),
    /// Nowhere new (a key that could not be read as a string).
    Stay,
}

impl PathState {
    /// Appends `step` to the current location; returns the length to restore.
    #[inline(never)]
    fn enter(&self, step: &Step<'_>) -> usize {
        let mut current = self.current.borrow_mut();
        let restore = current.len();
        match step {
            Step::Index(index) => {
                use std::fmt::Write;
                let _ = write!(current, "[{index}]");
            }
            Step::Key(key) => {
                if !current.is_empty() {
                    current.push('.');
                }
                current.push_str(key);
            }
            Step::Stay => {}
        }
        restore
    }

    fn leave(&self, restore: usize) {
        self.current.borrow_mut().truncate(restore);
    }

    /// Records the current location, unless a deeper one was recorded first.
    #[inline(never)]
    fn fail(&self) {
        let mut failed_at = self.failed_at.borrow_mut();
        if failed_at.is_none() {
            *failed_at = Some(self.current.borrow().clone());
        }
    }

    /// Records the location one step deeper.
    #[inline(never)]
    fn fail_at(&self, step: Step<'_>) {
        let restore = self.enter(&step);
        self.fail();
        self.leave(restore);
    }

    /// Ends a step entered with [`Self::enter`]; `failed` records the location first.
    #[inline(never)]
    fn end(&self, restore: usize, failed: bool) {
        if failed {
            self.fail();
        }
        self.leave(restore);
    }

    /// Where the first error was seen (`""`: the root).
    #[inline(never)]
    fn into_path(self) -> String {
        self.failed_at.into_inner().unwrap_or_default()
    }

    /// Records the current location if `result` is an error.
    fn check<T, E>(&self, result: Result<T, E>) -> Result<T, E> {
        if result.is_err() {
            self.fail();
        }
        result
    }
}

/// Deserializes a `T` from `d`; on failure also returns the path of the value
/// that failed, in the grammar of [`crate::parse::ParseError::path`] (`""`
/// for the root). The same paths as `serde_path_to_error` gives, without its
/// wrapper around every visitor and its string per key.
pub(super) fn deserialize_with_path<'de, T, D>(d: D) -> Result<T, (D::Error, String)>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    let state = PathState::default();
    T::deserialize(Tracked {
        inner: d,
        state: &state,
    })
    .map_err(|error| (error, state.into_path()))
}

/// A deserializer that keeps the path of what it reads.
struct Tracked<'s, D> {
    inner: D,
    state: &'s PathState,
}

/// A visitor that keeps the path of the nested values it is given.
struct Hook<'s, V> {
    inner: V,
    state: &'s PathState,
}

/// Forwards `deserialize_*` methods, unchanged or with the visitor hooked.
macro_rules! forward_plain {
    ($($method:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            self.inner.$method($($arg,)* visitor)
        }
    )*};
}

macro_rules! forward_hooked {
    ($($method:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            self.inner.$method($($arg,)* Hook { inner: visitor, state: self.state })
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Tracked<'_, D> {
    type Error = D::Error;

    forward_plain!(
        deserialize_bool(),
        deserialize_i8(),
        deserialize_i16(),
        deserialize_i32(),
        deserialize_i64(),
        deserialize_i128(),
        deserialize_u8(),
        deserialize_u16(),
        deserialize_u32(),
        deserialize_u64(),
        deserialize_u128(),
        deserialize_f32(),
        deserialize_f64(),
        deserialize_char(),
        deserialize_str(),
        deserialize_string(),
        deserialize_bytes(),
        deserialize_byte_buf(),
        deserialize_unit(),
        deserialize_unit_struct(name: &'static str),
        deserialize_identifier(),
        deserialize_ignored_any(),
    );

    forward_hooked!(
        deserialize_any(),
        deserialize_option(),
        deserialize_newtype_struct(name: &'static str),
        deserialize_seq(),
        deserialize_tuple(len: usize),
        deserialize_tuple_struct(name: &'static str, len: usize),
        deserialize_map(),
        deserialize_struct(name: &'static str, fields: &'static [&'static str]),
        deserialize_enum(name: &'static str, variants: &'static [&'static str]),
    );

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// Forwards `visit_*` methods that carry a plain value.
macro_rules! visit_plain {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.inner.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Hook<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.inner.expecting(f)
    }

    visit_plain!(
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_i128(i128),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_u128(u128),
        visit_f32(f32),
        visit_f64(f64),
        visit_char(char),
        visit_str(&str),
        visit_borrowed_str(&'de str),
        visit_string(String),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    );

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let state = self.state;
        self.inner.visit_some(Tracked { inner: d, state })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let state = self.state;
        self.inner.visit_newtype_struct(Tracked { inner: d, state })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        let state = self.state;
        self.inner.visit_seq(TrackedSeq {
            inner: seq,
            state,
            index: 0,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let state = self.state;
        self.inner.visit_map(TrackedMap {
            inner: map,
            state,
            key: None,
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        let state = self.state;
        self.inner.visit_enum(TrackedEnum { inner: data, state })
    }
}

/// A seed that reads its value one step deeper.
struct Deeper<'s, 'de, S> {
    seed: S,
    step: Step<'de>,
    state: &'s PathState,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Deeper<'_, 'de, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        let state = self.state;
        let restore = state.enter(&self.step);
        let result = self.seed.deserialize(Tracked { inner: d, state });
        state.end(restore, result.is_err());
        result
    }
}
