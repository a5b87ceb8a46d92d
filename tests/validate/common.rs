//! Helpers shared by the validation tests: run a validator on JSON, list its
//! issues as `(path, code, severity)`, and edit inputs.

use eiam_sync::validate::{validate_json, Validate, ValidateOptions, ValidationReport};
use serde_json::Value;

/// The report of `T`'s validator on `value`.
pub fn report<T: Validate>(value: &Value, options: &ValidateOptions) -> ValidationReport {
    validate_json::<T>(value.to_string().as_bytes(), options)
}

/// `(path, code, severity)` of every issue, in report order; also checks that
/// `valid` is false exactly when there is an error.
pub fn issues_with<T: Validate>(
    value: &Value,
    options: &ValidateOptions,
) -> Vec<(String, String, String)> {
    let report = report::<T>(value, options);
    let has_error = report.issues.iter().any(|i| i.severity.as_str() == "error");
    assert_eq!(
        report.valid, !has_error,
        "valid is false exactly with an error"
    );
    report
        .issues
        .iter()
        .map(|i| {
            (
                i.path.clone(),
                i.code.as_str().to_owned(),
                i.severity.as_str().to_owned(),
            )
        })
        .collect()
}

/// [`issues_with`] the default options.
pub fn issues<T: Validate>(value: &Value) -> Vec<(String, String, String)> {
    issues_with::<T>(value, &ValidateOptions::default())
}

/// An expected issue.
pub fn issue(path: &str, code: &str, severity: &str) -> (String, String, String) {
    (path.to_owned(), code.to_owned(), severity.to_owned())
}

/// `base` with the field at JSON pointer `pointer` replaced (`null` = absent).
pub fn with(mut base: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = base
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("{pointer}"));
    target[key] = value;
    base
}
