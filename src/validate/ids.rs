//! ID rules: empty IDs are errors; whitespace or control characters (the
//! documentation's examples end in `\n`) and a missing kind prefix are warnings.

use super::check::Checker;
use super::messages::quote;
use super::RuleCode;
use crate::model::TargetType;

/// The prefix of IDaaS instance IDs.
pub(crate) const INSTANCE_PREFIX: &str = "idaas_";
/// The prefix of synchronization job IDs.
pub(crate) const JOB_PREFIX: &str = "sync_";
/// The prefix of identity provider IDs.
pub(crate) const IDENTITY_PROVIDER_PREFIX: &str = "idp_";
/// The prefix of application IDs.
pub(crate) const APPLICATION_PREFIX: &str = "app_";

/// The prefix a target ID has for this target type: `idp_` for identity
/// providers, `app_` for applications; none is known for the other types.
pub(crate) fn target_prefix(target_type: Option<&TargetType>) -> Option<&'static str> {
    match target_type {
        Some(TargetType::IdentityProvider) => Some(IDENTITY_PROVIDER_PREFIX),
        Some(TargetType::Application) => Some(APPLICATION_PREFIX),
        _ => None,
    }
}

/// Checks one ID at `field`. An ID that is empty or only whitespace gets
/// `empty` (an error) and nothing else; otherwise whitespace or control
/// characters anywhere give `id_whitespace`, and a value whose trimmed form
/// lacks `prefix` gives `id_prefix` (so a trailing newline is reported once).
pub(crate) fn check_id(
    checker: &mut Checker<'_>,
    field: &str,
    value: &str,
    prefix: Option<&str>,
    empty: RuleCode,
) {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        checker.report(field, empty, &[("value", &quote(value))]);
        return;
    }
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        checker.report(field, RuleCode::IdWhitespace, &[("value", &quote(value))]);
    }
    if let Some(prefix) = prefix {
        if !trimmed.starts_with(prefix) {
            checker.report(
                field,
                RuleCode::IdPrefix,
                &[("value", &quote(value)), ("expected", prefix)],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::ValidateOptions;

    fn codes(value: &str, prefix: Option<&str>) -> Vec<&'static str> {
        let options = ValidateOptions::default();
        let mut checker = Checker::new(&options);
        check_id(&mut checker, "Id", value, prefix, RuleCode::EmptyId);
        let report = checker.finish();
        report.issues.iter().map(|i| i.code.as_str()).collect()
    }

    #[test]
    fn clean_ids_pass() {
        assert!(codes("sync_abc", Some(JOB_PREFIX)).is_empty());
        assert!(codes("anything", None).is_empty());
    }

    #[test]
    fn each_problem_is_named_once() {
        assert_eq!(codes("", Some(JOB_PREFIX)), ["empty_id"]);
        assert_eq!(codes(" \n", Some(JOB_PREFIX)), ["empty_id"]);
        assert_eq!(codes("sync_abc\n", Some(JOB_PREFIX)), ["id_whitespace"]);
        assert_eq!(codes("sync_a\u{7}b", Some(JOB_PREFIX)), ["id_whitespace"]);
        assert_eq!(codes("sync_a b", Some(JOB_PREFIX)), ["id_whitespace"]);
        assert_eq!(codes("job_abc", Some(JOB_PREFIX)), ["id_prefix"]);
        assert_eq!(codes("SYNC_abc", Some(JOB_PREFIX)), ["id_prefix"]);
        assert_eq!(
            codes("job_abc\n", Some(JOB_PREFIX)),
            ["id_whitespace", "id_prefix"]
        );
    }

    #[test]
    fn target_prefixes_follow_the_target_type() {
        let idp = TargetType::IdentityProvider;
        assert_eq!(target_prefix(Some(&idp)), Some("idp_"));
        assert_eq!(target_prefix(Some(&TargetType::Application)), Some("app_"));
        assert_eq!(target_prefix(Some(&TargetType::User)), None);
        assert_eq!(target_prefix(Some(&TargetType::Other("x".into()))), None);
        assert_eq!(target_prefix(None), None);
    }
}
