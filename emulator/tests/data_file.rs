//! `--data-file`: hostile strings come back verbatim; bad files stop start-up
//! with the JSON path at fault.

mod common;

use common::{run_to_exit, Emulator};
use eiam_sync::parse::{self, ParseOptions};
use serde_json::{json, Value};
use std::path::PathBuf;

/// A file in the temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &str) -> TempFile {
        let path =
            std::env::temp_dir().join(format!("eiam-emulator-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn hostile_job() -> Value {
    json!({
        "SynchronizationJobId": "sync_<img src=x onerror=alert(1)>",
        "TargetType": "identity_provider",
        "TargetId": "idp_\"><script>alert(2)</script>",
        "Direction": "ingress",
        "StartTime": 1767225000000u64,
        "EndTime": 1767225060000u64,
        "TriggerType": "manual",
        "Status": "partial_success",
        "Description": "<script>alert(3)</script>",
        "Result": {
            "UserStatistics": {"Created": {"Total": 3, "Success": 1, "Failed": 1, "Skipped": 1}},
            "ErrorCode": "javascript:alert(4)",
            "ErrorMessage": "<img src=x onerror=alert(5)> javascript:alert(6)"
        }
    })
}

#[test]
fn a_data_file_job_comes_back_verbatim() {
    let probe = Emulator::start(&[]);
    let (instance, _) = probe.first_instance();
    drop(probe);

    let file = TempFile::new(
        "hostile.json",
        &json!({
            "jobs": [
                {"InstanceId": instance, "Job": hostile_job()},
                {"InstanceId": "idaas_<b>new</b>", "Job": {"SynchronizationJobId": "sync_only"}}
            ],
            "pullConfigurations": [{
                "InstanceId": instance,
                "IdentityProviderId": "idp_<svg onload=alert(7)>",
                "LdapUdPullConfig": {"UserObjectClassCustomFilter": "(&(cn=*)(description=<script>))"},
                "PeriodicSyncConfig": {"PeriodicSyncType": "time", "PeriodicSyncTimes": "3,5"}
            }]
        })
        .to_string(),
    );
    let emulator = Emulator::start(&["--data-file", file.path()]);
    let client = emulator.client();

    let reply = client.call(
        "GetSynchronizationJob",
        &[
            ("InstanceId", &instance),
            ("SynchronizationJobId", "sync_<img src=x onerror=alert(1)>"),
        ],
    );
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["SynchronizationJob"], hostile_job());
    parse::get_synchronization_job(reply.bytes(), ParseOptions { strict: true }).unwrap();

    let reply = client.call(
        "ListSynchronizationJobs",
        &[
            ("InstanceId", &instance),
            ("MaxResults", "100"),
            ("Status", "partial_success"),
        ],
    );
    let body = reply.json();
    assert!(body["SynchronizationJobs"]
        .as_array()
        .unwrap()
        .contains(&hostile_job()));

    let reply = client.call(
        "GetIdentityProviderUdPullConfiguration",
        &[
            ("InstanceId", &instance),
            ("IdentityProviderId", "idp_<svg onload=alert(7)>"),
        ],
    );
    assert_eq!(reply.status, 200);
    let pull =
        parse::get_identity_provider_ud_pull_configuration(reply.bytes(), ParseOptions::default())
            .unwrap()
            .ud_pull_configuration;
    assert_eq!(
        pull.periodic_sync_config.unwrap().periodic_sync_times,
        Some(vec![3, 5])
    );

    let catalog = emulator.get_json("/_emulator/catalog");
    let instances = catalog["instances"].as_array().unwrap();
    assert_eq!(instances.len(), 2);
    assert_eq!(instances[0]["JobCount"], 501);
    assert_eq!(instances[1]["InstanceId"], "idaas_<b>new</b>");
    assert_eq!(instances[1]["JobCount"], 1);
    assert_eq!(catalog["JobCount"], 502);
    let providers = instances[0]["IdentityProviders"].as_array().unwrap();
    assert!(providers.contains(&json!("idp_<svg onload=alert(7)>")));
}

#[test]
fn a_bad_data_file_stops_start_up_naming_the_path() {
    let file = TempFile::new(
        "bad.json",
        r#"{"jobs": [{"InstanceId": "i", "Job": {"SynchronizationJobId": "s", "StartTime": "yesterday"}}]}"#,
    );
    let output = run_to_exit(&["--listen", "127.0.0.1:0", "--data-file", file.path()]);
    assert!(!output.status.success());
    assert!(
        output.stdout.is_empty(),
        "never announced a listening address"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("jobs[0].Job.StartTime"), "{stderr}");

    let output = run_to_exit(&[
        "--listen",
        "127.0.0.1:0",
        "--data-file",
        "/nonexistent/eiam.json",
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent/eiam.json"));
}
