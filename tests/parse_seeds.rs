//! The five documentation examples parse, keep their quirks verbatim, and the
//! four wire shapes of `PeriodicSyncTimes` all read as a list of hours.

use eiam_sync::model::{JobStatus, PeriodicSyncType, SwitchStatus, SyncDirection, TargetType};
use eiam_sync::parse::{self, ParseOptions};

fn seed(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/seeds/{name}.example.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("read {path}: {e}"))
}

const LENIENT: ParseOptions = ParseOptions { strict: false };
const STRICT: ParseOptions = ParseOptions { strict: true };

#[test]
fn get_synchronization_job_examples_parse_with_ids_verbatim() {
    for name in ["000_a37390e649ee0c38", "001_f0a481d175445d75"] {
        for options in [LENIENT, STRICT] {
            let response = parse::get_synchronization_job(&seed(name), options).unwrap();
            let job = &response.synchronization_job;
            assert_eq!(
                response.request_id.as_deref(),
                Some("0441BD79-92F3-53AA-8657-F8CE4A2B912A")
            );
            assert_eq!(
                job.synchronization_job_id,
                "sync_0000347vjovtcf41li0fgsd98gn24q9nj9xxxxx\n"
            );
            assert_eq!(
                job.target_id.as_deref(),
                Some("idp_my664lwkhpicbyzirog3nxxxxx\n")
            );
            assert_eq!(job.target_type, Some(TargetType::IdentityProvider));
            assert_eq!(job.direction, Some(SyncDirection::Ingress));
            assert_eq!(job.status, Some(JobStatus::Running));
            assert_eq!(job.start_time, Some(1_649_830_226_000));
            let result = job.result.as_ref().unwrap();
            assert_eq!(result.error_code.as_deref(), Some("ErrorCodeNotFound"));
            let users = result.user_statistics.as_ref().unwrap();
            assert_eq!(users.created.as_ref().unwrap().total, Some(10));
            assert_eq!(users.exported, None);
            let ous = result.organizational_unit_statistics.as_ref().unwrap();
            assert_eq!(ous.pushed.as_ref().unwrap().total, Some(30));
            assert_eq!(ous.pushed.as_ref().unwrap().skipped, Some(10));
        }
    }
}

#[test]
fn list_example_parses_with_description_and_exported() {
    let response = parse::list_synchronization_jobs(&seed("002_d4e6738e55fed7fe"), STRICT).unwrap();
    assert_eq!(response.total_count, Some(100));
    assert_eq!(response.next_token.as_deref(), Some("NTxxxexample"));
    assert_eq!(response.synchronization_jobs.len(), 1);
    let job = &response.synchronization_jobs[0];
    assert_eq!(
        job.synchronization_job_id,
        "sync_0000347vjovtcf41li0fgsd98gn24q9njxxxxx\n"
    );
    assert_eq!(job.status, Some(JobStatus::Success));
    assert!(job.description.is_some());
    let users = job
        .result
        .as_ref()
        .unwrap()
        .user_statistics
        .as_ref()
        .unwrap();
    let exported = users.exported.as_ref().unwrap();
    assert_eq!(
        (
            exported.total,
            exported.success,
            exported.failed,
            exported.skipped
        ),
        (Some(5), Some(2), Some(2), Some(1))
    );
}

#[test]
fn push_configuration_example_parses() {
    let response =
        parse::get_identity_provider_ud_push_configuration(&seed("003_d72d94bc1cfa3e23"), STRICT)
            .unwrap();
    let config = &response.ud_push_configuration;
    assert_eq!(
        config.instance_id.as_deref(),
        Some("idaas_7vdv3olzk36gymwtlaq6fixxxx")
    );
    assert_eq!(
        config.incremental_callback_status,
        Some(SwitchStatus::Enabled)
    );
    assert_eq!(config.periodic_sync_status, Some(SwitchStatus::Disabled));
    let scopes = config.ud_sync_scope_configs.as_ref().unwrap();
    assert_eq!(scopes.len(), 1);
    assert_eq!(
        scopes[0].source_scopes.as_deref(),
        Some(&["ou_12121xxxx".to_owned()][..])
    );
    assert_eq!(scopes[0].target_scope.as_deref(), Some("604352338"));
    let ldap = config.ldap_ud_push_config.as_ref().unwrap();
    assert_eq!(ldap.user_object_class.as_deref(), Some("user,top"));
    assert_eq!(ldap.password_sync_status, Some(SwitchStatus::Enabled));
    let periodic = config.periodic_sync_config.as_ref().unwrap();
    assert_eq!(periodic.periodic_sync_type, Some(PeriodicSyncType::Cron));
    assert_eq!(periodic.periodic_sync_cron.as_deref(), Some("0 45 1 * * ?"));
    assert_eq!(periodic.periodic_sync_times, Some(vec![3]));
}

#[test]
fn pull_configuration_example_parses() {
    let response =
        parse::get_identity_provider_ud_pull_configuration(&seed("004_e3c034491c40503c"), STRICT)
            .unwrap();
    let config = &response.ud_pull_configuration;
    assert_eq!(
        config.identity_provider_id.as_deref(),
        Some("idp_my664lwkhpicbyzirog3xxxxx\n")
    );
    assert_eq!(config.group_sync_status, Some(SwitchStatus::Enabled));
    let scope = config.ud_sync_scope_config.as_ref().unwrap();
    assert_eq!(
        scope.source_scopes.as_deref(),
        Some(&["960".to_owned()][..])
    );
    let rule = config.pull_protected_rule.as_ref().unwrap();
    assert_eq!(
        (
            rule.user_deleted_threshold,
            rule.organizational_unit_deleted_threshold,
            rule.group_deleted_threshold
        ),
        (Some(30), Some(10), Some(10))
    );
    let ldap = config.ldap_ud_pull_config.as_ref().unwrap();
    assert_eq!(
        ldap.user_object_class_custom_filter.as_deref(),
        Some("(|(cn=test)(mail=test@test.com))")
    );
    assert_eq!(
        config
            .periodic_sync_config
            .as_ref()
            .unwrap()
            .periodic_sync_times,
        Some(vec![0])
    );
}

fn hours(json_value: &str) -> Result<Option<Vec<u64>>, parse::ParseError> {
    let body = format!(
        r#"{{"UdPullConfiguration":{{"PeriodicSyncConfig":{{"PeriodicSyncType":"time","PeriodicSyncTimes":{json_value}}}}}}}"#
    );
    parse::get_identity_provider_ud_pull_configuration(body.as_bytes(), LENIENT).map(|r| {
        r.ud_pull_configuration
            .periodic_sync_config
            .unwrap()
            .periodic_sync_times
    })
}

#[test]
fn periodic_sync_times_accepts_every_wire_shape() {
    assert_eq!(hours("0").unwrap(), Some(vec![0]));
    assert_eq!(hours("[3,5]").unwrap(), Some(vec![3, 5]));
    assert_eq!(hours(r#"["3"]"#).unwrap(), Some(vec![3]));
    assert_eq!(hours(r#""3,5""#).unwrap(), Some(vec![3, 5]));
    assert_eq!(hours(r#"" 3 , 5 ""#).unwrap(), Some(vec![3, 5]));
    assert_eq!(hours(r#"["3", 5]"#).unwrap(), Some(vec![3, 5]));
    assert_eq!(hours("[]").unwrap(), Some(vec![]));
    assert_eq!(hours(r#""""#).unwrap(), Some(vec![]));
    assert_eq!(hours("null").unwrap(), None);
}

#[test]
fn periodic_sync_times_rejects_what_is_not_hours() {
    for (value, code, path) in [
        (
            r#""3,x""#,
            "type",
            "UdPullConfiguration.PeriodicSyncConfig.PeriodicSyncTimes",
        ),
        (
            r#"["3", "-1"]"#,
            "type",
            "UdPullConfiguration.PeriodicSyncConfig.PeriodicSyncTimes[1]",
        ),
        (
            "[1.5]",
            "type",
            "UdPullConfiguration.PeriodicSyncConfig.PeriodicSyncTimes[0]",
        ),
        (
            "[null]",
            "type",
            "UdPullConfiguration.PeriodicSyncConfig.PeriodicSyncTimes[0]",
        ),
        (
            "-3",
            "type",
            "UdPullConfiguration.PeriodicSyncConfig.PeriodicSyncTimes",
        ),
        (
            "true",
            "type",
            "UdPullConfiguration.PeriodicSyncConfig.PeriodicSyncTimes",
        ),
        (
            r#"{"a":1}"#,
            "type",
            "UdPullConfiguration.PeriodicSyncConfig.PeriodicSyncTimes",
        ),
        (
            "9007199254740992",
            "number_out_of_range",
            "UdPullConfiguration.PeriodicSyncConfig.PeriodicSyncTimes",
        ),
        (
            r#"["99999999999999999999"]"#,
            "number_out_of_range",
            "UdPullConfiguration.PeriodicSyncConfig.PeriodicSyncTimes[0]",
        ),
    ] {
        let error = hours(value).unwrap_err();
        assert_eq!(
            (error.code.as_str(), error.path.as_str()),
            (code, path),
            "{value}: {error}"
        );
    }
}
