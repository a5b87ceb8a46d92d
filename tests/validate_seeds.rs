//! The five documentation examples validate with exactly the issues their
//! quirks call for (written by hand from the files), in every mode.

use eiam_sync::model::{
    GetIdentityProviderUdPullConfigurationResponse, GetIdentityProviderUdPushConfigurationResponse,
    GetSynchronizationJobResponse,
};
use eiam_sync::parse::{self, ParseOptions};
use eiam_sync::validate::{
    validate_list_synchronization_jobs, validate_synchronization_job,
    validate_ud_pull_configuration, validate_ud_push_configuration, Locale, ValidateOptions,
    ValidationReport,
};

fn seed(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/seeds/{name}.example.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("read {path}: {e}"))
}

fn job_seed(name: &str) -> GetSynchronizationJobResponse {
    parse::get_synchronization_job(&seed(name), ParseOptions::default()).unwrap()
}

fn pairs(report: &ValidationReport) -> Vec<(&str, &str, &str)> {
    report
        .issues
        .iter()
        .map(|i| (i.path.as_str(), i.code.as_str(), i.severity.as_str()))
        .collect()
}

/// Every option combination the seeds must not care about (their times are
/// in 2022, so `now_ms` from then on changes nothing).
fn option_sets() -> Vec<ValidateOptions> {
    let mut sets = Vec::new();
    for locale in Locale::ALL {
        for strict in [false, true] {
            for now_ms in [None, Some(1_649_830_226_000), Some(1_900_000_000_000)] {
                sets.push(ValidateOptions {
                    locale,
                    now_ms,
                    strict,
                });
            }
        }
    }
    sets
}

/// Seeds 000 and 001: the IDs end in `\n`; user statistics have Total 10 with
/// Success, Failed and Skipped 10 each (30 > 10) for six operations; the other
/// entities have Total 30 (= 10 + 10 + 10, fine); a `running` job with an
/// `EndTime` and an `ErrorCode` with its message is fine.
#[test]
fn get_synchronization_job_examples() {
    let expected = [
        ("SynchronizationJobId", "id_whitespace", "warning"),
        ("TargetId", "id_whitespace", "warning"),
        (
            "Result.UserStatistics.Created",
            "counts_exceed_total",
            "warning",
        ),
        (
            "Result.UserStatistics.Updated",
            "counts_exceed_total",
            "warning",
        ),
        (
            "Result.UserStatistics.Binded",
            "counts_exceed_total",
            "warning",
        ),
        (
            "Result.UserStatistics.Deleted",
            "counts_exceed_total",
            "warning",
        ),
        (
            "Result.UserStatistics.Same",
            "counts_exceed_total",
            "warning",
        ),
        (
            "Result.UserStatistics.Pushed",
            "counts_exceed_total",
            "warning",
        ),
    ];
    for name in ["000_a37390e649ee0c38", "001_f0a481d175445d75"] {
        let job = job_seed(name).synchronization_job;
        for options in option_sets() {
            let report = validate_synchronization_job(&job, &options);
            assert!(report.valid, "{name} {options:?}");
            assert_eq!(pairs(&report), expected, "{name} {options:?}");
        }
        let report = validate_synchronization_job(&job, &ValidateOptions::default());
        assert_eq!(
            report.issues[2].message,
            "In `Result.UserStatistics.Created`, Success + Failed + Skipped is 30, more than Total 10."
        );
    }
}

/// With a `now_ms` before the job's times, both are more than a day ahead.
#[test]
fn the_job_example_seen_from_2020() {
    let job = job_seed("000_a37390e649ee0c38").synchronization_job;
    let options = ValidateOptions {
        now_ms: Some(1_577_836_800_000), // 2020-01-01
        ..ValidateOptions::default()
    };
    let report = validate_synchronization_job(&job, &options);
    let future: Vec<_> = pairs(&report)
        .into_iter()
        .filter(|(_, code, _)| *code == "time_in_future")
        .collect();
    assert_eq!(
        future,
        [
            ("StartTime", "time_in_future", "warning"),
            ("EndTime", "time_in_future", "warning")
        ]
    );
    assert_eq!(
        report.issues[2].message,
        "`StartTime` is 1649830226000 (2022-04-13T06:10:26.000Z), more than a day after the current time 2020-01-01T00:00:00.000Z."
    );
}

/// Seed 002: IDs end in `\n`; `success` although every operation of every
/// entity has Failed 1 (6 x 4 = 24) and users' Exported has Failed 2: 26 in
/// all. Totals are 3 = 1 + 1 + 1 and 5 = 2 + 2 + 1, fine; TotalCount 100 >= 1.
#[test]
fn list_example() {
    let response =
        parse::list_synchronization_jobs(&seed("002_d4e6738e55fed7fe"), ParseOptions::default())
            .unwrap();
    let expected = [
        (
            "SynchronizationJobs[0].SynchronizationJobId",
            "id_whitespace",
            "warning",
        ),
        (
            "SynchronizationJobs[0].TargetId",
            "id_whitespace",
            "warning",
        ),
        (
            "SynchronizationJobs[0].Status",
            "success_with_failures",
            "warning",
        ),
    ];
    for options in option_sets() {
        let report = validate_list_synchronization_jobs(&response, &options);
        assert!(report.valid);
        assert_eq!(pairs(&report), expected, "{options:?}");
    }
    let report = validate_list_synchronization_jobs(&response, &ValidateOptions::default());
    assert_eq!(
        report.issues[2].message,
        "`SynchronizationJobs[0].Status` is success, but 26 items failed."
    );
}

/// Seed 003: nothing to report (cron type with a valid expression, the
/// ignored hour `"3"`, periodic sync disabled).
#[test]
fn push_configuration_example() {
    let response: GetIdentityProviderUdPushConfigurationResponse =
        parse::parse(&seed("003_d72d94bc1cfa3e23"), ParseOptions::default()).unwrap();
    for options in option_sets() {
        let report = validate_ud_push_configuration(&response.ud_push_configuration, &options);
        assert_eq!(
            report,
            ValidationReport {
                valid: true,
                issues: vec![]
            }
        );
    }
}

/// Seed 004: only the provider ID's trailing `\n`. Its filters are valid
/// RFC 4515, `member` is a valid object class list, and the cron type makes
/// the hours `0` irrelevant.
#[test]
fn pull_configuration_example() {
    let response: GetIdentityProviderUdPullConfigurationResponse =
        parse::parse(&seed("004_e3c034491c40503c"), ParseOptions::default()).unwrap();
    for options in option_sets() {
        let report = validate_ud_pull_configuration(&response.ud_pull_configuration, &options);
        assert!(report.valid);
        assert_eq!(
            pairs(&report),
            [("IdentityProviderId", "id_whitespace", "warning")]
        );
    }
    let options = ValidateOptions {
        locale: Locale::Id,
        ..ValidateOptions::default()
    };
    let report = validate_ud_pull_configuration(&response.ud_pull_configuration, &options);
    assert_eq!(
        report.issues[0].message,
        "`IdentityProviderId` bernilai \"idp_my664lwkhpicbyzirog3xxxxx\\n\", yang mengandung spasi atau karakter kontrol."
    );
}
