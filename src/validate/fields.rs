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
    /// The values the API documents, joined by `", "`.
    const KNOWN_LIST: &'static str;
    /// The value as sent.
    fn wire(&self) -> &str;
    /// Whether the value is one the API documents.
    fn known(&self) -> bool;
}

macro_rules! wire_enums {
    ($($ty:ident),+) => {$(
        impl WireEnum for $ty {
            const KNOWN_LIST: &'static str = $ty::KNOWN_LIST;
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
    if let Some(value) = value.filter(|v| !v.known()) {
        unknown_enum_value(checker, field, value.wire(), E::KNOWN_LIST);
    }
}

/// The `unknown_enum_value` issue (the non-generic part of [`check_enum`]).
fn unknown_enum_value(checker: &mut Checker<'_>, field: &str, value: &str, known: &str) {
    let severity = if checker.options().strict {
        Severity::Error
    } else {
        Severity::Warning
    };
    checker.report_as(
        field,
        RuleCode::UnknownEnumValue,
        severity,
        &[("value", &quote(value)), ("expected", known)],
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
