use super::*;
use clap::Parser;

fn configure(extra: &[&str]) -> Result<Config, ConfigError> {
    let mut argv = vec!["eiam-sync-proxy"];
    argv.extend_from_slice(extra);
    let args = Args::try_parse_from(argv).map_err(|e| ConfigError(e.to_string()))?;
    Config::from_args(&args)
}

fn token_file(content: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!(
        "eiam-sync-proxy-config-test-{}-{}",
        std::process::id(),
        crate::ids::request_id()
    ));
    std::fs::write(&path, content).expect("temp file");
    path
}

#[test]
fn defaults_give_the_real_endpoint_and_the_four_actions() {
    let config = configure(&[]).expect("defaults are valid");
    assert_eq!(
        config.upstream.base.as_str(),
        "https://eiam.cn-hangzhou.aliyuncs.com/"
    );
    assert_eq!(config.upstream.host, "eiam.cn-hangzhou.aliyuncs.com");
    assert_eq!(config.allowed_actions.len(), 4);
    assert_eq!(config.allowed_instances, None);
    assert!(config.warnings.is_empty());
    assert_eq!(config.listen.to_string(), "127.0.0.1:8787");
}

#[test]
fn region_selects_the_endpoint_and_is_checked() {
    let config = configure(&["--region", "ap-southeast-1"]).expect("valid region");
    assert_eq!(config.upstream.host, "eiam.ap-southeast-1.aliyuncs.com");
    for bad in ["evil.com/x", "", "CN-HANGZHOU", "a.b"] {
        assert!(configure(&["--region", bad]).is_err(), "{bad}");
    }
}

#[test]
fn upstream_override_rules() {
    let loopback = configure(&["--upstream-url", "http://127.0.0.1:9797"]).expect("loopback http");
    assert_eq!(loopback.upstream.host, "127.0.0.1:9797");
    assert_eq!(loopback.warnings.len(), 1);
    assert!(configure(&["--upstream-url", "http://[::1]:9797"]).is_ok());
    assert!(configure(&["--upstream-url", "http://localhost:1"]).is_ok());
    assert!(configure(&["--upstream-url", "https://eiam.example.com"]).is_ok());
    for bad in [
        "http://10.0.0.1:9797",
        "http://example.com",
        "ftp://127.0.0.1",
        "http://127.0.0.1:9797/path",
        "http://127.0.0.1:9797/?a=b",
        "https://user:pw@example.com",
        "not a url",
    ] {
        assert!(configure(&["--upstream-url", bad]).is_err(), "{bad}");
    }
}

#[test]
fn origins_are_exact_and_never_wildcards() {
    let config = configure(&["--allow-origin", "https://Console.Example:8443"]).expect("valid");
    assert!(config
        .allowed_origins
        .contains("https://console.example:8443"));
    for bad in [
        "*",
        "https://*.example.com",
        "null",
        "https://console.example/",
        "https://console.example/app",
        "console.example",
        "file:///tmp",
    ] {
        assert!(configure(&["--allow-origin", bad]).is_err(), "{bad}");
    }
}

#[test]
fn actions_must_be_letters() {
    assert!(configure(&["--allow-action", "ListUsers"]).is_ok());
    assert!(configure(&["--allow-action", "../x"]).is_err());
    assert!(configure(&["--allow-action", ""]).is_err());
}

#[test]
fn non_loopback_needs_authentication() {
    let refused = configure(&["--listen", "0.0.0.0:0"]).expect_err("refused");
    assert!(refused.0.contains("refusing to listen"), "{refused}");
    assert!(configure(&["--listen", "[::]:0"]).is_err());
    let insecure = configure(&["--listen", "0.0.0.0:0", "--insecure-no-auth"]).expect("allowed");
    assert_eq!(insecure.warnings.len(), 1);
    let gateway = configure(&[
        "--listen",
        "0.0.0.0:0",
        "--trusted-user-header",
        "X-Forwarded-User",
    ])
    .expect("gateway auth");
    assert_eq!(
        gateway.auth.trusted_user_header.map(|h| h.to_string()),
        Some("x-forwarded-user".to_owned())
    );
    assert!(configure(&["--listen", "127.0.0.2:0"]).is_ok());
    assert!(configure(&["--listen", "[::1]:0"]).is_ok());
}

#[test]
fn token_file_is_read_and_trimmed() {
    let path = token_file("  s3cret\n");
    let path_text = path.to_string_lossy().into_owned();
    let config =
        configure(&["--listen", "0.0.0.0:0", "--auth-token-file", &path_text]).expect("ok");
    let token = config.auth.bearer.expect("token");
    assert!(token.matches(b"s3cret"));
    let empty = token_file(" \n");
    let empty_text = empty.to_string_lossy().into_owned();
    assert!(configure(&["--auth-token-file", &empty_text]).is_err());
    assert!(configure(&["--auth-token-file", "/nonexistent/token"]).is_err());
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_file(empty);
}

#[test]
fn trusted_header_cannot_be_a_reserved_one() {
    for bad in ["Authorization", "x-acs-action", "Host", "bad header"] {
        assert!(configure(&["--trusted-user-header", bad]).is_err(), "{bad}");
    }
}

#[test]
fn limits_must_be_positive() {
    assert!(configure(&["--max-request-bytes", "0"]).is_err());
    assert!(configure(&["--timeout-ms", "0"]).is_err());
    assert!(configure(&["--rate-limit", "0"]).is_ok());
}
