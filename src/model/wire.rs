//! Building blocks shared by every wire type: object-only structs, safe
//! integers, the tolerant `PeriodicSyncTimes` shapes and error tagging.
//!
//! Errors raised here carry a parse error code (see [`crate::parse::ParseErrorCode`])
//! inside the serde message, so the parser can classify them without a second
//! error channel.

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// The largest integer a JavaScript `number` holds exactly (2^53 - 1). Larger
/// values would be silently rounded in the browser, so they are refused.
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// Separates a code tag from the human message inside a serde custom error.
const TAG: char = '\u{0}';

/// The message of the `missing_field` error for a required field that is
/// `null`; the parser recognises it to place the error at that `null`.
pub(crate) const NULL_REQUIRED: &str = "the field is null; it is required";

/// A serde error whose message carries a machine-readable parse error code.
pub(crate) fn tagged<E: de::Error>(code: &str, message: impl fmt::Display) -> E {
    E::custom(format_args!("{TAG}{code}{TAG}{message}"))
}

/// Splits a message made by [`tagged`] into `(code, message)`.
pub(crate) fn untag(message: &str) -> Option<(&str, &str)> {
    let rest = message.strip_prefix(TAG)?;
    rest.split_once(TAG)
}

/// Implements `Deserialize`/`Serialize` for a struct declared with
/// `#[serde(remote = "Self")]` so that only a JSON object is accepted.
///
/// serde's derived struct visitor also accepts an array (fields by position),
/// which would turn `"SynchronizationJob": ["x"]` into a job; the API never
/// sends that, so it must be a type error.
macro_rules! object_only {
    ($($ty:ident),* $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct ObjectVisitor;
                impl<'de> serde::de::Visitor<'de> for ObjectVisitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str(concat!("an object (", stringify!($ty), ")"))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<$ty, A::Error> {
                        $ty::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    }
                }
                deserializer.deserialize_map(ObjectVisitor)
            }
        }
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $ty::serialize(self, serializer)
            }
        }
    )*};
}
pub(crate) use object_only;

/// Checks an unsigned integer against [`MAX_SAFE_INTEGER`].
fn safe_u64<E: de::Error>(v: u64) -> Result<u64, E> {
    if v > MAX_SAFE_INTEGER {
        Err(tagged(
            "number_out_of_range",
            format_args!(
                "the integer {v} is larger than 2^53 - 1 and would lose precision in JavaScript"
            ),
        ))
    } else {
        Ok(v)
    }
}

/// Accepts a float only when it is a whole number within the safe range.
fn whole_f64<E: de::Error>(v: f64, allow_negative: bool) -> Result<i64, E> {
    if !v.is_finite() || v.fract() != 0.0 {
        return Err(tagged(
            "type",
            format_args!("expected an integer, found the fractional number {v}"),
        ));
    }
    if v.abs() > MAX_SAFE_INTEGER as f64 {
        return Err(tagged(
            "number_out_of_range",
            format_args!("the number {v} is beyond 2^53 - 1 and cannot be represented exactly"),
        ));
    }
    if v < 0.0 && !allow_negative {
        return Err(tagged(
            "type",
            format_args!("expected a non-negative integer, found {v}"),
        ));
    }
    Ok(v as i64)
}

/// Visitor for a non-negative safe integer (counts, timestamps, page sizes).
struct UnsignedVisitor;

impl<'de> Visitor<'de> for UnsignedVisitor {
    type Value = u64;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a non-negative integer")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
        safe_u64(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
        match u64::try_from(v) {
            Ok(v) => safe_u64(v),
            Err(_) => Err(tagged(
                "type",
                format_args!("expected a non-negative integer, found {v}"),
            )),
        }
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u64, E> {
        whole_f64(v, false).map(|v| v as u64)
    }
}

/// Visitor for a signed safe integer (thresholds, which validation checks).
struct SignedVisitor;

impl<'de> Visitor<'de> for SignedVisitor {
    type Value = i64;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an integer")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
        safe_u64(v).map(|v| v as i64)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
        if v.unsigned_abs() > MAX_SAFE_INTEGER {
            Err(tagged(
                "number_out_of_range",
                format_args!("the integer {v} is beyond ±(2^53 - 1)"),
            ))
        } else {
            Ok(v)
        }
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<i64, E> {
        whole_f64(v, true)
    }
}

/// Optional wrapper so `null` reads as absent for any inner visitor.
struct Nullable<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for Nullable<V> {
    type Value = Option<V::Value>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(f)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self.0).map(Some)
    }
}

/// `deserialize_with` for an optional non-negative safe integer.
pub(crate) fn opt_unsigned<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    d.deserialize_option(Nullable(UnsignedVisitor))
}

/// `deserialize_with` for an optional signed safe integer.
pub(crate) fn opt_signed<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    d.deserialize_option(Nullable(SignedVisitor))
}

/// `deserialize_with` for a required signed safe integer, `null` counting as
/// absent (as [`required`]). Only a report input has one.
#[cfg(feature = "reports")]
pub(crate) fn required_signed<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    opt_signed(d)?.ok_or_else(null_required)
}

/// `deserialize_with` helper for an optional signed safe integer within
/// `-limit..=limit`; `unit` names it in the error (with `unit` "a UTC offset
/// in minutes of": "a UTC offset in minutes of 1081 is beyond ±1080"). The bound is checked inside the visitor: an
/// error raised after serde_json has returned the value would be placed at the
/// end of the enclosing object, and its path would miss the field.
pub(crate) fn opt_signed_within<'de, D: Deserializer<'de>>(
    d: D,
    limit: i64,
    unit: &'static str,
) -> Result<Option<i64>, D::Error> {
    d.deserialize_option(Nullable(WithinVisitor { limit, unit }))
}

/// Visitor for a signed safe integer within `-limit..=limit`.
struct WithinVisitor {
    limit: i64,
    unit: &'static str,
}

impl WithinVisitor {
    fn check<E: de::Error>(&self, v: Result<i64, E>) -> Result<i64, E> {
        let v = v?;
        if v.unsigned_abs() > self.limit.unsigned_abs() {
            return Err(tagged(
                "number_out_of_range",
                format_args!("{} {v} is beyond ±{}", self.unit, self.limit),
            ));
        }
        Ok(v)
    }
}

impl<'de> Visitor<'de> for WithinVisitor {
    type Value = i64;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an integer")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
        self.check(SignedVisitor.visit_u64(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
        self.check(SignedVisitor.visit_i64(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<i64, E> {
        self.check(SignedVisitor.visit_f64(v))
    }
}

/// `deserialize_with` for a required field where `null` counts as absent: both
/// report `missing_field` at the field's own path.
pub(crate) fn required<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d)?.ok_or_else(null_required)
}

/// The `missing_field` error of a required field that is absent or `null`.
fn null_required<E: de::Error>() -> E {
    tagged("missing_field", NULL_REQUIRED)
}

/// `deserialize_with` for `PeriodicSyncTimes`, which the service sends as an
/// integer (`0`), an integer array (`[3,5]`), an array of numeric strings
/// (`["3"]`) or a comma-separated string (`"3,5"`); all become `Vec<u64>`.
pub(crate) fn opt_periodic_sync_times<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<u64>>, D::Error> {
    d.deserialize_option(Nullable(HoursVisitor))
}

struct HoursVisitor;

fn hour_from_str<E: de::Error>(text: &str) -> Result<u64, E> {
    let trimmed = text.trim();
    if trimmed.is_empty() || !trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return Err(tagged(
            "type",
            format_args!("expected a whole number of hours, found the string {text:?}"),
        ));
    }
    match trimmed.parse::<u64>() {
        Ok(v) => safe_u64(v),
        Err(_) => Err(tagged(
            "number_out_of_range",
            format_args!("the number {trimmed} is too large"),
        )),
    }
}

impl<'de> Visitor<'de> for HoursVisitor {
    type Value = Vec<u64>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("hours as an integer, an array of integers or numeric strings, or a comma-separated string")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Vec<u64>, E> {
        UnsignedVisitor.visit_u64(v).map(|v| vec![v])
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Vec<u64>, E> {
        UnsignedVisitor.visit_i64(v).map(|v| vec![v])
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Vec<u64>, E> {
        UnsignedVisitor.visit_f64(v).map(|v| vec![v])
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<u64>, E> {
        if v.trim().is_empty() {
            return Ok(Vec::new());
        }
        v.split(',').map(hour_from_str).collect()
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u64>, A::Error> {
        let mut hours = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(24));
        while let Some(HourItem(h)) = seq.next_element()? {
            hours.push(h);
        }
        Ok(hours)
    }
}

/// One element of a `PeriodicSyncTimes` array: an integer or a numeric string.
struct HourItem(u64);

impl<'de> Deserialize<'de> for HourItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = u64;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an hour as an integer or a numeric string")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
                UnsignedVisitor.visit_u64(v)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
                UnsignedVisitor.visit_i64(v)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<u64, E> {
                UnsignedVisitor.visit_f64(v)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<u64, E> {
                hour_from_str(v)
            }
        }
        d.deserialize_any(ItemVisitor).map(HourItem)
    }
}
