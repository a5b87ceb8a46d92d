//! The [`Checker`] every validator writes into: it tracks the current path,
//! turns a rule code and its arguments into a localized issue, and collects
//! the issues in the order they are found (document order of the fields).

use super::{RuleCode, Severity, ValidateOptions, ValidationIssue, ValidationReport};
use crate::template::fill;

/// Collects issues under a moving path.
pub(crate) struct Checker<'o> {
    options: &'o ValidateOptions,
    path: String,
    issues: Vec<ValidationIssue>,
}

impl<'o> Checker<'o> {
    /// An empty checker at the argument itself (path `""`).
    pub(crate) fn new(options: &'o ValidateOptions) -> Self {
        Checker {
            options,
            path: String::new(),
            issues: Vec::new(),
        }
    }

    /// The options of this run.
    pub(crate) fn options(&self) -> &ValidateOptions {
        self.options
    }

    /// Runs `check` with `field` (a key such as `Result`, or `[3]`, or
    /// `Key[3]`) appended to the path, then restores the path.
    pub(crate) fn at(&mut self, field: &str, check: impl FnOnce(&mut Self)) {
        let saved = self.path.len();
        push_segment(&mut self.path, field);
        check(self);
        self.path.truncate(saved);
    }

    /// The full path of `field` below the current one (`""` for the current one).
    pub(crate) fn path_of(&self, field: &str) -> String {
        let mut path = self.path.clone();
        push_segment(&mut path, field);
        path
    }

    /// Records a breach of `code` at `field` with its default severity.
    /// `args` fill the message; `{field}` is always the issue's path.
    pub(crate) fn report(&mut self, field: &str, code: RuleCode, args: &[(&str, &str)]) {
        let severity = code.severity();
        self.report_as(field, code, severity, args);
    }

    /// Like [`Self::report`], with an explicit severity.
    pub(crate) fn report_as(
        &mut self,
        field: &str,
        code: RuleCode,
        severity: Severity,
        args: &[(&str, &str)],
    ) {
        let path = self.path_of(field);
        let template = code.message(self.options.locale);
        let mut all: Vec<(&str, &str)> = Vec::with_capacity(args.len() + 1);
        all.push(("field", &path));
        all.extend_from_slice(args);
        let message = fill(template, &all);
        self.issues.push(ValidationIssue {
            path,
            code,
            severity,
            message,
        });
    }

    /// The report: `valid` is false exactly when an issue is an error.
    pub(crate) fn finish(self) -> ValidationReport {
        ValidationReport::from_issues(self.issues)
    }
}

/// Appends a path segment: `.` before a key unless the path is empty, nothing
/// before an index (`[3]`).
fn push_segment(path: &mut String, field: &str) {
    if field.is_empty() {
        return;
    }
    if !path.is_empty() && !field.starts_with('[') {
        path.push('.');
    }
    path.push_str(field);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_keys_with_dots_and_indices_without() {
        let options = ValidateOptions::default();
        let mut checker = Checker::new(&options);
        assert_eq!(checker.path_of(""), "");
        assert_eq!(checker.path_of("A"), "A");
        checker.at("Jobs", |c| {
            c.at("[2]", |c| {
                assert_eq!(c.path_of("Result"), "Jobs[2].Result");
                assert_eq!(c.path_of(""), "Jobs[2]");
                c.report(
                    "Times[1]",
                    RuleCode::PeriodicSyncHourRange,
                    &[("value", "24")],
                );
            });
            assert_eq!(c.path_of(""), "Jobs");
        });
        let report = checker.finish();
        assert!(!report.valid);
        assert_eq!(report.issues[0].path, "Jobs[2].Times[1]");
        assert_eq!(
            report.issues[0].message,
            "`Jobs[2].Times[1]` is 24, outside the hours 0 to 23."
        );
    }
}
