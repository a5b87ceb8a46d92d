//! Validation: rules that say what is wrong in a parsed value and where.
//!
//! Parsing accepts everything the wire may carry (every field optional,
//! unknown enum values kept); validation then reports what a console should
//! point out, as [`ValidationIssue`]s with a path relative to the validated
//! value, a stable [`RuleCode`], a [`Severity`] and a one-sentence message in
//! the chosen [`Locale`]. Every rule is listed once, in the table of
//! `rules.rs` (see [`RULES`] and [`rules_markdown_table`]).
//!
//! Validation is pure: it never reads the clock (the future-time rule needs
//! [`ValidateOptions::now_ms`]) and never panics, whatever the data.

mod check;
mod config;
mod fields;
mod ids;
mod job;
pub mod ldap_filter;
pub mod ldap_names;
mod list;
mod messages;
mod request;
mod rules;
mod schedule;
mod table;
mod times;

/// The rule table macro, for the JS layer's TypeScript union of codes.
#[cfg_attr(not(target_arch = "wasm32"), allow(unused_imports))]
pub(crate) use rules::rule_table;
pub use table::{rules_markdown_table, Rule, RuleCode, RuleMessages, RULES};

use crate::model::{
    GetIdentityProviderUdPullConfigurationRequest, GetIdentityProviderUdPushConfigurationRequest,
    GetSynchronizationJobRequest, ListSynchronizationJobsRequest, ListSynchronizationJobsResponse,
    SynchronizationJob, UdPullConfiguration, UdPushConfiguration,
};
use crate::parse::{ParseError, ParseOptions};
use check::Checker;
use serde::de::DeserializeOwned;
use serde::Serialize;
use tsify::Tsify;

/// The language of issue messages.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    /// English (`en`), the default.
    #[default]
    En,
    /// Simplified Chinese (`zh-CN`).
    ZhCn,
    /// Indonesian (`id`).
    Id,
}

impl Locale {
    /// Every supported locale.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::ZhCn, Locale::Id];

    /// The BCP 47 tag (`"en"`, `"zh-CN"`, `"id"`).
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
            Locale::Id => "id",
        }
    }

    /// The locale of a BCP 47 tag, by its primary language, case-insensitively
    /// (`"zh-CN"`, `"zh"`, `"en-US"`, `"id-ID"`; `"in"` is the old code of
    /// Indonesian). `None` for any other language.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        let is = |code: &str| primary.eq_ignore_ascii_case(code);
        if is("en") {
            Some(Locale::En)
        } else if is("zh") {
            Some(Locale::ZhCn)
        } else if is("id") || is("in") {
            Some(Locale::Id)
        } else {
            None
        }
    }
}

/// How to validate.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ValidateOptions {
    /// The language of messages.
    pub locale: Locale,
    /// The current time in milliseconds since the epoch. Without it the
    /// `time_in_future` rule is skipped: validation never reads the clock.
    pub now_ms: Option<u64>,
    /// Report unknown enum values as errors instead of warnings.
    pub strict: bool,
}

/// How serious an issue is. Only errors make a report invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The value is wrong or contradicts itself; `valid` becomes false.
    Error,
    /// Suspicious or incomplete, but usable.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One breach of a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct ValidationIssue {
    /// Where, relative to the validated value: wire names joined by `.`, `[i]`
    /// for array indices, `""` for the value itself.
    pub path: String,
    /// Which rule (stable; see the README's rule table).
    #[tsify(type = "ValidationRuleCode")]
    pub code: RuleCode,
    /// How serious it is.
    pub severity: Severity,
    /// One sentence in the requested locale that names the path and the problem.
    pub message: String,
}

/// The outcome of a validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct ValidationReport {
    /// False exactly when some issue has severity `error`.
    pub valid: bool,
    /// Every issue, in the document order of the fields.
    pub issues: Vec<ValidationIssue>,
}

impl ValidationReport {
    /// A report of these issues; `valid` unless one of them is an error.
    pub fn from_issues(issues: Vec<ValidationIssue>) -> Self {
        let valid = !issues.iter().any(|i| i.severity == Severity::Error);
        ValidationReport { valid, issues }
    }

    /// The report for a value that could not even be read as `type_name`: one
    /// `invalid_shape` error at the parse error's path, its message quoted.
    pub fn from_parse_error(
        error: &ParseError,
        type_name: &str,
        options: &ValidateOptions,
    ) -> Self {
        let mut checker = Checker::new(options);
        checker.report(
            &error.path,
            RuleCode::InvalidShape,
            &[("expected", type_name), ("detail", &error.message)],
        );
        checker.finish()
    }
}

/// A value the validators know: the eight arguments of the `validate*` functions.
pub trait Validate: DeserializeOwned {
    /// The wire type's name, for the `invalid_shape` message (`"SynchronizationJob"`).
    const TYPE_NAME: &'static str;

    /// Checks every rule that applies to this value.
    fn validate(&self, options: &ValidateOptions) -> ValidationReport;
}

/// Parses UTF-8 JSON as `T` (leniently: unknown enum values are validation's
/// business) and validates it; a value without `T`'s shape gives a report
/// with one `invalid_shape` error instead. Never panics, never fails.
pub fn validate_json<T: Validate>(json: &[u8], options: &ValidateOptions) -> ValidationReport {
    match crate::parse::parse::<T>(json, ParseOptions { strict: false }) {
        Ok(value) => value.validate(options),
        Err(error) => ValidationReport::from_parse_error(&error, T::TYPE_NAME, options),
    }
}

/// Runs `check` on a fresh checker and returns its report.
fn run(options: &ValidateOptions, check: impl FnOnce(&mut Checker<'_>)) -> ValidationReport {
    let mut checker = Checker::new(options);
    check(&mut checker);
    checker.finish()
}

/// Validates one job (the `SynchronizationJob` object of a GetSynchronizationJob
/// response, or one element of a list page).
pub fn validate_synchronization_job(
    job: &SynchronizationJob,
    options: &ValidateOptions,
) -> ValidationReport {
    run(options, |c| job::check_job(c, job))
}

/// Validates one ListSynchronizationJobs page and each job on it.
pub fn validate_list_synchronization_jobs(
    response: &ListSynchronizationJobsResponse,
    options: &ValidateOptions,
) -> ValidationReport {
    run(options, |c| list::check_list(c, response))
}

/// Validates an outbound (push) configuration: the inner `UdPushConfiguration`.
pub fn validate_ud_push_configuration(
    config: &UdPushConfiguration,
    options: &ValidateOptions,
) -> ValidationReport {
    run(options, |c| config::check_push(c, config))
}

/// Validates an inbound (pull) configuration: the inner `UdPullConfiguration`.
pub fn validate_ud_pull_configuration(
    config: &UdPullConfiguration,
    options: &ValidateOptions,
) -> ValidationReport {
    run(options, |c| config::check_pull(c, config))
}

/// Validates the parameters of a ListSynchronizationJobs call.
pub fn validate_list_synchronization_jobs_request(
    request: &ListSynchronizationJobsRequest,
    options: &ValidateOptions,
) -> ValidationReport {
    run(options, |c| request::check_list_request(c, request))
}

/// Validates the parameters of a GetSynchronizationJob call.
pub fn validate_get_synchronization_job_request(
    request: &GetSynchronizationJobRequest,
    options: &ValidateOptions,
) -> ValidationReport {
    run(options, |c| request::check_get_job_request(c, request))
}

/// Validates the parameters of a GetIdentityProviderUdPushConfiguration call.
pub fn validate_get_identity_provider_ud_push_configuration_request(
    request: &GetIdentityProviderUdPushConfigurationRequest,
    options: &ValidateOptions,
) -> ValidationReport {
    run(options, |c| {
        request::check_provider_request(
            c,
            "GetIdentityProviderUdPushConfiguration",
            request.instance_id.as_deref(),
            request.identity_provider_id.as_deref(),
        )
    })
}

/// Validates the parameters of a GetIdentityProviderUdPullConfiguration call.
pub fn validate_get_identity_provider_ud_pull_configuration_request(
    request: &GetIdentityProviderUdPullConfigurationRequest,
    options: &ValidateOptions,
) -> ValidationReport {
    run(options, |c| {
        request::check_provider_request(
            c,
            "GetIdentityProviderUdPullConfiguration",
            request.instance_id.as_deref(),
            request.identity_provider_id.as_deref(),
        )
    })
}

/// Implements [`Validate`] for the eight arguments.
macro_rules! validate_impls {
    ($($ty:ident => $function:ident,)+) => {$(
        impl Validate for $ty {
            const TYPE_NAME: &'static str = stringify!($ty);
            fn validate(&self, options: &ValidateOptions) -> ValidationReport {
                $function(self, options)
            }
        }
    )+};
}

validate_impls! {
    SynchronizationJob => validate_synchronization_job,
    ListSynchronizationJobsResponse => validate_list_synchronization_jobs,
    UdPushConfiguration => validate_ud_push_configuration,
    UdPullConfiguration => validate_ud_pull_configuration,
    ListSynchronizationJobsRequest => validate_list_synchronization_jobs_request,
    GetSynchronizationJobRequest => validate_get_synchronization_job_request,
    GetIdentityProviderUdPushConfigurationRequest => validate_get_identity_provider_ud_push_configuration_request,
    GetIdentityProviderUdPullConfigurationRequest => validate_get_identity_provider_ud_pull_configuration_request,
}
