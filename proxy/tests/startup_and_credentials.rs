//! The start-up rule, health endpoints, and the credential sources other than
//! the environment: the CLI profile file and an ECS metadata service served
//! on loopback.

mod harness;

use harness::metadata::{MetadataServer, METADATA_TOKEN};
use harness::{
    post, proxy_command, run_to_exit, start_proxy, Emulator, ProxyOptions, Running, TempDir,
    EMULATOR_ID, EMULATOR_SECRET,
};
use std::time::Duration;

/// The listening line's prefix.
const BANNER: &str = "eiam-sync-proxy listening on";

#[test]
fn a_non_loopback_listener_without_authentication_refuses_to_start() {
    let options = ProxyOptions::default().args(&["--listen", "0.0.0.0:0"]);
    let command = proxy_command(Some("http://127.0.0.1:9"), &options);
    let (status, stderr) = run_to_exit(command, Duration::from_secs(20));
    assert!(!status.success(), "it must exit non-zero");
    assert!(
        stderr.contains("refusing to listen on non-loopback address"),
        "{stderr}"
    );
    assert!(stderr.contains("--auth-token-file"), "{stderr}");
}

#[test]
fn insecure_no_auth_starts_and_warns() {
    let options = ProxyOptions::default().args(&["--listen", "0.0.0.0:0", "--insecure-no-auth"]);
    let command = proxy_command(Some("http://127.0.0.1:9"), &options);
    let mut child = command;
    child
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    // Started and killed at once: no traffic is sent to a non-loopback listener.
    let mut process = child.spawn().expect("spawn");
    let stdout = process.stdout.take().expect("stdout");
    let mut line = String::new();
    let _ = std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line);
    let _ = process.kill();
    let output = process.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        line.starts_with(&format!("{BANNER} http://0.0.0.0:")),
        "{line:?}"
    );
    assert!(stderr.contains("--insecure-no-auth"), "{stderr}");
    assert!(stderr.contains("WARN"), "{stderr}");
}

#[test]
fn a_wildcard_origin_refuses_to_start() {
    let options = ProxyOptions::default().args(&["--allow-origin", "*"]);
    let (status, stderr) = run_to_exit(
        proxy_command(Some("http://127.0.0.1:9"), &options),
        Duration::from_secs(20),
    );
    assert!(!status.success());
    assert!(stderr.contains("wildcard"), "{stderr}");
}

#[test]
fn no_credentials_anywhere_refuses_to_start() {
    let options = ProxyOptions::default().without_env_credentials();
    let (status, stderr) = run_to_exit(
        proxy_command(Some("http://127.0.0.1:9"), &options),
        Duration::from_secs(20),
    );
    assert!(!status.success());
    assert!(stderr.contains("ALIBABA_CLOUD_ACCESS_KEY_ID"), "{stderr}");
}

#[test]
fn health_and_readiness() {
    let proxy = start_proxy("http://127.0.0.1:9", ProxyOptions::default());
    for path in ["/healthz", "/readyz"] {
        let answer = harness::client()
            .get(format!("{}{path}", proxy.url))
            .send()
            .expect("sent");
        assert_eq!(answer.status().as_u16(), 200, "{path}");
    }
    let get_action = harness::client()
        .get(format!("{}/ListSynchronizationJobs", proxy.url))
        .send()
        .expect("sent");
    assert_eq!(get_action.status().as_u16(), 405);
}

/// A profile file with the emulator's key pair in an `AK` profile and an
/// `StsToken` profile.
fn profile_file(current: &str, sts_token: &str) -> String {
    format!(
        r#"{{
  "current": "{current}",
  "profiles": [
    {{"name": "default", "mode": "AK", "access_key_id": "wrong-id", "access_key_secret": "wrong"}},
    {{"name": "emulator", "mode": "AK", "access_key_id": "{EMULATOR_ID}",
      "access_key_secret": "{EMULATOR_SECRET}", "region_id": "cn-hangzhou"}},
    {{"name": "sts", "mode": "StsToken", "access_key_id": "{EMULATOR_ID}",
      "access_key_secret": "{EMULATOR_SECRET}", "sts_token": "{sts_token}"}}
  ],
  "meta_path": ""
}}"#
    )
}

#[test]
fn the_cli_profile_file_is_a_credentials_source() {
    let emulator = Emulator::start(&[]);
    let (instance, _, _) = emulator.first_instance();
    let target = format!("/ListSynchronizationJobs?InstanceId={instance}&MaxResults=1");
    let dir = TempDir::new();
    let file = dir.write("aliyun/config.json", &profile_file("emulator", "unused"));

    let explicit = start_proxy(
        emulator.url(),
        ProxyOptions::default().without_env_credentials().args(&[
            "--credentials",
            "profile",
            "--profile-file",
            &file.to_string_lossy(),
        ]),
    );
    assert_eq!(post(&explicit.url, &target, &[]).status, 200);

    // The default chain finds ~/.aliyun/config.json when the environment has no key.
    let home = TempDir::new();
    home.write(".aliyun/config.json", &profile_file("emulator", "unused"));
    let by_home = start_proxy(
        emulator.url(),
        ProxyOptions::default()
            .without_env_credentials()
            .env("HOME", &home.0.to_string_lossy()),
    );
    assert_eq!(post(&by_home.url, &target, &[]).status, 200);

    // ALIBABA_CLOUD_PROFILE picks another profile; a wrong one is refused upstream.
    let wrong = start_proxy(
        emulator.url(),
        ProxyOptions::default()
            .without_env_credentials()
            .env("ALIBABA_CLOUD_CONFIG_FILE", &file.to_string_lossy())
            .env("ALIBABA_CLOUD_PROFILE", "default"),
    );
    let refused = post(&wrong.url, &target, &[]);
    assert_eq!(
        refused.code(),
        "InvalidAccessKeyId.NotFound",
        "{}",
        refused.body
    );
}

#[test]
fn an_sts_token_profile_sends_its_token() {
    let token = "profile-sts-token";
    let emulator = Emulator::start(&["--security-token", token]);
    let (instance, _, _) = emulator.first_instance();
    let dir = TempDir::new();
    let file = dir.write("config.json", &profile_file("sts", token));
    let proxy = start_proxy(
        emulator.url(),
        ProxyOptions::default().without_env_credentials().args(&[
            "--credentials",
            "profile",
            "--profile-file",
            &file.to_string_lossy(),
        ]),
    );
    let answer = post(
        &proxy.url,
        &format!("/ListSynchronizationJobs?InstanceId={instance}"),
        &[],
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
}

/// A credentials document for the emulator's key pair, valid for six hours.
fn role_document(token: &str) -> String {
    let expiration = eiam_sync_proxy::upstream::acs_date(
        time::OffsetDateTime::now_utc() + time::Duration::hours(6),
    );
    format!(
        r#"{{"AccessKeyId":"{EMULATOR_ID}","AccessKeySecret":"{EMULATOR_SECRET}","Expiration":"{expiration}","SecurityToken":"{token}","LastUpdated":"2024-01-01T00:00:00Z","Code":"Success"}}"#
    )
}

#[test]
fn the_ecs_ram_role_is_read_from_the_metadata_service_when_asked() {
    let token = "ecs-role-sts-token";
    let emulator = Emulator::start(&["--security-token", token]);
    let (instance, _, _) = emulator.first_instance();
    let metadata = MetadataServer::start("EmulatorRole", role_document(token));

    // Named by ALIBABA_CLOUD_ECS_METADATA.
    let by_env = start_proxy(
        emulator.url(),
        ProxyOptions::default()
            .without_env_credentials()
            .env("ALIBABA_CLOUD_ECS_METADATA", "EmulatorRole")
            .args(&["--ecs-metadata-url", &metadata.url]),
    );
    let answer = post(
        &by_env.url,
        &format!("/ListSynchronizationJobs?InstanceId={instance}"),
        &[],
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    let hits = metadata.hits();
    let first = hits.first().expect("the token request");
    assert_eq!(
        (first.method.as_str(), first.path.as_str()),
        ("PUT", "/latest/api/token")
    );
    assert!(first.ttl.is_some());
    assert!(hits.iter().any(|hit| hit.path
        == "/latest/meta-data/ram/security-credentials/EmulatorRole"
        && hit.token.as_deref() == Some(METADATA_TOKEN)));
    let readiness = harness::client()
        .get(format!("{}/readyz", by_env.url))
        .send()
        .expect("readyz");
    assert_eq!(readiness.status().as_u16(), 200);

    // `--credentials ecs-ram-role` with the role discovered from the listing.
    let discovered = start_proxy(
        emulator.url(),
        ProxyOptions::default().without_env_credentials().args(&[
            "--credentials",
            "ecs-ram-role",
            "--ecs-metadata-url",
            &metadata.url,
        ]),
    );
    let answer = post(
        &discovered.url,
        &format!("/ListSynchronizationJobs?InstanceId={instance}"),
        &[],
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert!(metadata
        .hits()
        .iter()
        .any(|hit| hit.path == "/latest/meta-data/ram/security-credentials/"));
}

#[test]
fn the_metadata_service_is_not_used_unless_asked() {
    let metadata = MetadataServer::start("EmulatorRole", role_document("t"));
    let proxy: Running = start_proxy(
        "http://127.0.0.1:9",
        ProxyOptions::default().args(&["--ecs-metadata-url", &metadata.url]),
    );
    let _ = post(&proxy.url, "/ListSynchronizationJobs?InstanceId=x", &[]);
    drop(proxy);
    assert!(metadata.hits().is_empty(), "{:?}", metadata.hits());
}

#[test]
fn without_credentials_yet_readiness_fails_and_calls_get_503() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let metadata_url = format!("http://{}", closed.local_addr().expect("addr"));
    drop(closed);
    let proxy = start_proxy(
        "http://127.0.0.1:9",
        ProxyOptions::default()
            .without_env_credentials()
            .args(&[
                "--credentials",
                "ecs-ram-role",
                "--ecs-role-name",
                "SomeRole",
            ])
            .args(&["--ecs-metadata-url", &metadata_url]),
    );
    let readiness = harness::client()
        .get(format!("{}/readyz", proxy.url))
        .send()
        .expect("readyz");
    assert_eq!(readiness.status().as_u16(), 503);
    let answer = post(&proxy.url, "/ListSynchronizationJobs?InstanceId=x", &[]);
    assert_eq!(answer.status, 503, "{}", answer.body);
    assert_eq!(answer.code(), "Proxy.CredentialsUnavailable");
}

#[cfg(unix)]
#[test]
fn sigterm_shuts_down_gracefully() {
    let proxy = start_proxy("http://127.0.0.1:9", ProxyOptions::default());
    let status = std::process::Command::new("kill")
        .args(["-TERM", &proxy.pid().to_string()])
        .status()
        .expect("kill -TERM");
    assert!(status.success());
    let (status, stderr) = proxy.wait_for_exit(Duration::from_secs(10));
    assert!(status.success(), "{status:?}: {stderr}");
    assert!(stderr.contains("shutting down"), "{stderr}");
}
