//! Rules on single fields that every validator shares: enumerations with an
//! unknown value, and absent fields.

use super::check::Checker;
use super::messages::quote;
use super::{RuleCode, Severity};
use crate::model::{
    JobStatus, PeriodicSyncType, SwitchStatus, SyncDirection, TargetType, TriggerType,
};

/// A wire enumeration: known values plus a catch-all for any other string.
pub(crate) trait WireEnum {
    /// The values the API documents.
    const KNOWN: &'static [&'static str];
    /// The value as sent.
    fn wire(&self) -> &str;
    /// Whether the value is one of [`Self::KNOWN`].
    fn known(&self) -> bool;
}

macro_rules! wire_enums {
    ($($ty:ident),+) => {$(
        impl WireEnum for $ty {
            const KNOWN: &'static [&'static str] = $ty::KNOWN;
            fn wire(&self) -> &str {
                self.as_str()
            }
            fn known(&self) -> bool {
                self.is_known()
            }
        }
    )+};
}

wire_enums!(
    JobStatus,
    SyncDirection,
    TriggerType,
    TargetType,
    SwitchStatus,
    PeriodicSyncType
);

/// `unknown_enum_value` for a value outside the documented set: a warning,
/// or an error with `strict`.
pub(crate) fn check_enum<E: WireEnum>(checker: &mut Checker<'_>, field: &str, value: Option<&E>) {
    let Some(value) = value else { return };
    if value.known() {
        return;
    }
    let severity = if checker.options().strict {
        Severity::Error
    } else {
        Severity::Warning
    };
    let expected = E::KNOWN.join(", ");
    checker.report_as(
        field,
        RuleCode::UnknownEnumValue,
        severity,
        &[("value", &quote(value.wire())), ("expected", &expected)],
    );
}

/// `missing_field` when `present` is false.
pub(crate) fn require(checker: &mut Checker<'_>, field: &str, present: bool) {
    if !present {
        checker.report(field, RuleCode::MissingField, &[]);
    }
}

/// A string that is absent or empty counts as not given.
pub(crate) fn given(value: Option<&String>) -> Option<&str> {
    value.map(String::as_str).filter(|s| !s.is_empty())
}
