//! The rule table itself: every code has a message in every locale with the
//! same placeholders, every rule can be triggered (one failing sample each,
//! written by hand), messages never leak a placeholder, and values that do
//! not have the type's shape give one `invalid_shape` error.

use eiam_sync::model::{
    GetSynchronizationJobRequest, ListSynchronizationJobsRequest, ListSynchronizationJobsResponse,
    SynchronizationJob, UdPullConfiguration, UdPushConfiguration,
};
use eiam_sync::validate::{
    rules_markdown_table, validate_json, Locale, RuleCode, Validate, ValidateOptions,
    ValidationReport, RULES,
};
use std::collections::BTreeSet;

/// The `{name}`s of a template.
fn placeholders(template: &str) -> BTreeSet<&str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect()
}

#[test]
fn every_rule_has_a_meaning_and_a_message_in_each_locale() {
    assert!(RULES.len() >= 40);
    for rule in RULES {
        let code = rule.code.as_str();
        assert!(
            !rule.meaning.is_empty() && !rule.meaning.contains('\n'),
            "{code}"
        );
        let en = placeholders(rule.messages.en);
        for locale in Locale::ALL {
            let template = rule.messages.get(locale);
            assert!(!template.trim().is_empty(), "{code} {locale:?}");
            assert_eq!(
                placeholders(template),
                en,
                "{code} {locale:?}: same placeholders as en"
            );
            let ending = if locale == Locale::ZhCn { '。' } else { '.' };
            assert!(
                template.ends_with(ending),
                "{code} {locale:?}: one sentence"
            );
        }
        if rule.code != RuleCode::InvalidShape {
            assert!(en.contains("field"), "{code}: the message names the path");
        }
    }
}

#[test]
fn the_markdown_table_lists_every_code_and_severity() {
    let table = rules_markdown_table();
    let rows: Vec<&str> = table.lines().skip(2).collect();
    assert_eq!(rows.len(), RULES.len());
    for (row, rule) in rows.iter().zip(RULES) {
        let prefix = format!("| `{}` | {}", rule.code.as_str(), rule.severity.as_str());
        assert!(row.starts_with(&prefix), "{row}");
        assert!(row.ends_with(&format!("{} |", rule.meaning)), "{row}");
    }
}

fn run<T: Validate>(json: &str, options: &ValidateOptions) -> ValidationReport {
    validate_json::<T>(json.as_bytes(), options)
}

type Sample = fn(&ValidateOptions) -> ValidationReport;

/// One input per rule that breaks it (and maybe others).
const FAILING: &[(&str, Sample)] = &[
    ("invalid_shape", |o| run::<SynchronizationJob>("[]", o)),
    ("unknown_enum_value", |o| {
        run::<SynchronizationJob>(r#"{"SynchronizationJobId":"sync_1","Status":"x"}"#, o)
    }),
    ("empty_id", |o| {
        run::<SynchronizationJob>(r#"{"SynchronizationJobId":""}"#, o)
    }),
    ("id_whitespace", |o| {
        run::<SynchronizationJob>(r#"{"SynchronizationJobId":"sync_1\n"}"#, o)
    }),
    ("id_prefix", |o| {
        run::<SynchronizationJob>(r#"{"SynchronizationJobId":"1"}"#, o)
    }),
    ("missing_request_id", |o| {
        run::<ListSynchronizationJobsResponse>(r#"{"SynchronizationJobs":[]}"#, o)
    }),
    ("missing_field", |o| {
        run::<SynchronizationJob>(r#"{"SynchronizationJobId":"sync_1"}"#, o)
    }),
    ("missing_end_time", |o| {
        run::<SynchronizationJob>(r#"{"SynchronizationJobId":"sync_1","Status":"success"}"#, o)
    }),
    ("time_before_2015", |o| {
        run::<SynchronizationJob>(r#"{"SynchronizationJobId":"sync_1","StartTime":0}"#, o)
    }),
    ("time_looks_like_seconds", |o| {
        run::<SynchronizationJob>(
            r#"{"SynchronizationJobId":"sync_1","StartTime":1649830226}"#,
            o,
        )
    }),
    ("time_in_future", |o| {
        let o = ValidateOptions {
            now_ms: Some(1_500_000_000_000),
            ..*o
        };
        run::<SynchronizationJob>(
            r#"{"SynchronizationJobId":"sync_1","StartTime":1649830226000}"#,
            &o,
        )
    }),
    ("end_before_start", |o| {
        run::<SynchronizationJob>(
            r#"{"SynchronizationJobId":"s","Status":"failed","StartTime":1649830226001,"EndTime":1649830226000}"#,
            o,
        )
    }),
    ("counts_exceed_total", |o| {
        run::<SynchronizationJob>(
            r#"{"SynchronizationJobId":"s","Result":{"GroupStatistics":{"Pushed":{"Total":1,"Skipped":2}}}}"#,
            o,
        )
    }),
    ("success_with_failures", |o| {
        run::<SynchronizationJob>(
            r#"{"SynchronizationJobId":"s","Status":"success","Result":{"UserStatistics":{"Deleted":{"Failed":1}}}}"#,
            o,
        )
    }),
    ("failure_without_failures", |o| {
        run::<SynchronizationJob>(
            r#"{"SynchronizationJobId":"s","Status":"partial_success"}"#,
            o,
        )
    }),
    ("error_code_without_message", |o| {
        run::<SynchronizationJob>(
            r#"{"SynchronizationJobId":"s","Result":{"ErrorCode":"E"}}"#,
            o,
        )
    }),
    ("message_without_error_code", |o| {
        run::<SynchronizationJob>(
            r#"{"SynchronizationJobId":"s","Result":{"ErrorMessage":"M"}}"#,
            o,
        )
    }),
    ("total_count_below_page", |o| {
        run::<ListSynchronizationJobsResponse>(
            r#"{"TotalCount":0,"SynchronizationJobs":[{"SynchronizationJobId":"s"}]}"#,
            o,
        )
    }),
    ("duplicate_job_id", |o| {
        run::<ListSynchronizationJobsResponse>(
            r#"{"SynchronizationJobs":[{"SynchronizationJobId":"s"},{"SynchronizationJobId":"s"}]}"#,
            o,
        )
    }),
    ("next_token_on_empty_page", |o| {
        run::<ListSynchronizationJobsResponse>(r#"{"NextToken":"t","SynchronizationJobs":[]}"#, o)
    }),
    ("periodic_sync_without_schedule", |o| {
        run::<UdPushConfiguration>(r#"{"PeriodicSyncStatus":"enabled"}"#, o)
    }),
    ("schedule_missing_cron", |o| {
        run::<UdPushConfiguration>(r#"{"PeriodicSyncConfig":{"PeriodicSyncType":"cron"}}"#, o)
    }),
    ("schedule_missing_hours", |o| {
        run::<UdPushConfiguration>(r#"{"PeriodicSyncConfig":{"PeriodicSyncType":"time"}}"#, o)
    }),
    ("invalid_cron", |o| {
        run::<UdPushConfiguration>(r#"{"PeriodicSyncConfig":{"PeriodicSyncCron":"* * *"}}"#, o)
    }),
    ("periodic_sync_hour_range", |o| {
        run::<UdPullConfiguration>(r#"{"PeriodicSyncConfig":{"PeriodicSyncTimes":[24]}}"#, o)
    }),
    ("periodic_sync_hour_duplicate", |o| {
        run::<UdPullConfiguration>(r#"{"PeriodicSyncConfig":{"PeriodicSyncTimes":"5,5"}}"#, o)
    }),
    ("invalid_object_class_list", |o| {
        run::<UdPullConfiguration>(r#"{"LdapUdPullConfig":{"UserObjectClass":"a,,b"}}"#, o)
    }),
    ("invalid_rdn", |o| {
        run::<UdPushConfiguration>(r#"{"LdapUdPushConfig":{"UserRdn":"cn=x"}}"#, o)
    }),
    ("invalid_attribute_name", |o| {
        run::<UdPullConfiguration>(r#"{"LdapUdPullConfig":{"GroupMemberAttributeName":""}}"#, o)
    }),
    ("invalid_ldap_filter", |o| {
        run::<UdPullConfiguration>(
            r#"{"LdapUdPullConfig":{"GroupObjectClassCustomFilter":"cn=x"}}"#,
            o,
        )
    }),
    ("negative_threshold", |o| {
        run::<UdPullConfiguration>(r#"{"PullProtectedRule":{"UserDeletedThreshold":-5}}"#, o)
    }),
    ("empty_source_scopes", |o| {
        run::<UdPullConfiguration>(r#"{"UdSyncScopeConfig":{"TargetScope":"t"}}"#, o)
    }),
    ("missing_target_scope", |o| {
        run::<UdPushConfiguration>(r#"{"UdSyncScopeConfigs":[{"SourceScopes":["s"]}]}"#, o)
    }),
    ("missing_parameter", |o| {
        run::<GetSynchronizationJobRequest>("{}", o)
    }),
    ("page_number_range", |o| {
        run::<ListSynchronizationJobsRequest>(r#"{"PageNumber":0}"#, o)
    }),
    ("page_size_range", |o| {
        run::<ListSynchronizationJobsRequest>(r#"{"PageSize":0}"#, o)
    }),
    ("max_results_range", |o| {
        run::<ListSynchronizationJobsRequest>(r#"{"MaxResults":101}"#, o)
    }),
    ("both_paging_styles", |o| {
        run::<ListSynchronizationJobsRequest>(r#"{"PageSize":5,"NextToken":"t"}"#, o)
    }),
    ("start_after_end", |o| {
        run::<ListSynchronizationJobsRequest>(r#"{"StartTime":2,"EndTime":1}"#, o)
    }),
    ("empty_target_id", |o| {
        run::<ListSynchronizationJobsRequest>(r#"{"TargetIds":[""]}"#, o)
    }),
    ("filter_without_key", |o| {
        run::<ListSynchronizationJobsRequest>(r#"{"Filters":[{}]}"#, o)
    }),
];

#[test]
fn every_rule_is_triggered_by_its_sample_and_messages_are_complete() {
    let mut covered = BTreeSet::new();
    for &(code, sample) in FAILING {
        for locale in Locale::ALL {
            for strict in [false, true] {
                let options = ValidateOptions {
                    locale,
                    strict,
                    now_ms: None,
                };
                let report = sample(&options);
                let hit = report.issues.iter().find(|i| i.code.as_str() == code);
                let hit = hit.unwrap_or_else(|| panic!("{code} not reported: {report:?}"));
                let expected = match (hit.code, strict) {
                    (RuleCode::UnknownEnumValue, true) => "error",
                    _ => hit.code.rule().severity.as_str(),
                };
                assert_eq!(hit.severity.as_str(), expected, "{code}");
                for issue in &report.issues {
                    assert!(
                        !issue.message.contains("{"),
                        "unfilled placeholder: {}",
                        issue.message
                    );
                    if issue.code != RuleCode::InvalidShape {
                        assert!(
                            issue.message.contains(&format!("`{}`", issue.path)),
                            "{}",
                            issue.message
                        );
                    }
                }
            }
        }
        covered.insert(code);
    }
    let all: BTreeSet<&str> = RULES.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(covered, all, "one failing sample per rule");
}

#[test]
fn a_value_without_the_type_shape_is_one_invalid_shape_error() {
    let options = ValidateOptions::default();
    let cases: [(&str, &str); 6] = [
        ("null", ""),
        ("5", ""),
        ("{}", "SynchronizationJobId"),
        (
            r#"{"SynchronizationJobId":"s","Result":{"UserStatistics":{"Created":{"Total":-1}}}}"#,
            "Result.UserStatistics.Created.Total",
        ),
        (
            r#"{"SynchronizationJobId":"s","StartTime":"yesterday"}"#,
            "StartTime",
        ),
        ("{", ""),
    ];
    for (json, path) in cases {
        let report = run::<SynchronizationJob>(json, &options);
        assert!(!report.valid, "{json}");
        assert_eq!(report.issues.len(), 1, "{json}");
        let issue = &report.issues[0];
        assert_eq!(issue.code, RuleCode::InvalidShape, "{json}");
        assert_eq!(issue.path, path, "{json}");
        assert!(
            issue
                .message
                .starts_with("The value cannot be read as SynchronizationJob: "),
            "{}",
            issue.message
        );
    }
    let report = run::<SynchronizationJob>(
        "{}",
        &ValidateOptions {
            locale: Locale::ZhCn,
            ..options
        },
    );
    assert_eq!(
        report.issues[0].message,
        "该值无法读取为 SynchronizationJob：missing_field: a required field is absent at `SynchronizationJobId` (line 1, column 2)。"
    );
}

#[test]
fn locales_from_tags() {
    assert_eq!(Locale::from_tag("en"), Some(Locale::En));
    assert_eq!(Locale::from_tag("en-US"), Some(Locale::En));
    assert_eq!(Locale::from_tag("zh-CN"), Some(Locale::ZhCn));
    assert_eq!(Locale::from_tag("zh_cn"), Some(Locale::ZhCn));
    assert_eq!(Locale::from_tag("ID"), Some(Locale::Id));
    assert_eq!(Locale::from_tag("in"), Some(Locale::Id));
    assert_eq!(Locale::from_tag("fr"), None);
    assert_eq!(Locale::from_tag(""), None);
    for locale in Locale::ALL {
        assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
    }
}
