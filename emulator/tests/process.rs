//! The process: its one stdout line, introspection, health, the loopback
//! rule and graceful shutdown.

mod common;

use common::{run_to_exit, Call, Emulator};

#[test]
fn introspection_counts_every_api_request() {
    let emulator = Emulator::start(&["--instances", "2", "--jobs", "30", "--applications", "1"]);
    let health = reqwest::blocking::get(format!("{}/healthz", emulator.base)).unwrap();
    assert_eq!(health.status(), 200);

    let catalog = emulator.get_json("/_emulator/catalog");
    let instances = catalog["instances"].as_array().unwrap();
    assert_eq!(instances.len(), 2);
    assert_eq!(catalog["JobCount"], 60);
    for instance in instances {
        assert_eq!(instance["JobCount"], 30);
        assert_eq!(instance["IdentityProviders"].as_array().unwrap().len(), 4);
        assert_eq!(instance["Applications"].as_array().unwrap().len(), 1);
    }
    assert_eq!(emulator.get_json("/_emulator/requests")["count"], 0);

    let client = emulator.client();
    let instance = instances[0]["InstanceId"].as_str().unwrap();
    assert_eq!(
        client
            .call(
                "ListSynchronizationJobs",
                &[("InstanceId", instance), ("Status", "failed")]
            )
            .status,
        200
    );
    let mut unsigned = Call::new("GetSynchronizationJob", &[("InstanceId", instance)]);
    unsigned.sign = false;
    assert_eq!(client.send(&unsigned).status, 400);

    let requests = emulator.get_json("/_emulator/requests");
    assert_eq!(requests["count"], 2, "refused requests count too");
    let recent = requests["recent"].as_array().unwrap();
    assert_eq!(recent.len(), 2);
    assert_eq!(recent[0]["action"], "ListSynchronizationJobs");
    assert_eq!(
        recent[0]["query"],
        format!("InstanceId={instance}&Status=failed")
    );
    assert_eq!(recent[0]["method"], "POST");
    let headers = recent[0]["headers"].as_array().unwrap();
    assert!(headers.iter().any(|h| h[0] == "authorization"));
    assert!(headers
        .iter()
        .any(|h| h[0] == "x-acs-version" && h[1] == "2021-12-01"));
    assert_eq!(recent[1]["action"], "GetSynchronizationJob");
    assert!(!recent[1]["headers"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h[0] == "authorization"));
}

#[test]
fn refuses_a_non_loopback_address() {
    let output = run_to_exit(&["--listen", "0.0.0.0:0"]);
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--allow-non-loopback"));
}

#[test]
fn refuses_bad_flags() {
    let output = run_to_exit(&["--fail-rate", "2"]);
    assert!(!output.status.success());
}

#[cfg(unix)]
#[test]
fn prints_one_line_and_stops_on_sigterm() {
    let emulator = Emulator::start(&[]);
    let (status, rest) = emulator.terminate();
    assert!(status.success(), "{status:?}");
    assert_eq!(rest, "", "exactly one line on stdout");
}

#[test]
fn introspection_is_readable_by_browser_test_pages() {
    let emulator = Emulator::start(&["--jobs", "1"]);
    for path in ["/_emulator/catalog", "/_emulator/requests"] {
        let response = reqwest::blocking::Client::new()
            .get(format!("{}{path}", emulator.base))
            .header("origin", "http://127.0.0.1:9")
            .send()
            .expect("GET");
        assert_eq!(response.status(), 200, "{path}");
        let allowed = response.headers().get("access-control-allow-origin");
        assert_eq!(allowed.and_then(|v| v.to_str().ok()), Some("*"), "{path}");
    }
}
