use super::*;
use reqwest::Url;
use std::collections::HashMap;

fn config(source: Option<CredentialsSource>) -> CredentialsConfig {
    CredentialsConfig {
        source,
        profile_file: None,
        profile: None,
        ecs_role_name: None,
        ecs_metadata_url: Url::parse("http://127.0.0.1:9").expect("url"),
    }
}

fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    move |key| map.get(key).cloned()
}

#[test]
fn debug_redacts_the_secret_and_token() {
    let credentials = Credentials::new("AKID", "the-SECRET", Some("the-TOKEN"), None);
    let shown = format!("{credentials:?}");
    assert!(shown.contains("AKID"), "{shown}");
    assert!(!shown.contains("SECRET"), "{shown}");
    assert!(!shown.contains("TOKEN"), "{shown}");
}

#[test]
fn environment_comes_first_by_default() {
    let env = env_of(&[
        (ENV_ID, "id"),
        (ENV_SECRET, "secret"),
        (ENV_TOKEN, "token"),
        ("HOME", "/nonexistent"),
    ]);
    let source = Source::resolve(&config(None), &env).expect("resolves");
    match source {
        Source::Env(credentials) => {
            assert_eq!(credentials.security_token(), Some("token"));
        }
        other => panic!("expected env, got {other:?}"),
    }
}

#[test]
fn half_an_environment_pair_is_an_error() {
    let env = env_of(&[(ENV_ID, "id")]);
    assert!(Source::resolve(&config(None), &env).is_err());
}

#[test]
fn nothing_configured_is_a_clear_error() {
    let env = env_of(&[("HOME", "/nonexistent-home-for-test")]);
    let error = Source::resolve(&config(None), &env).expect_err("no source");
    assert!(error.0.contains(ENV_ID), "{error}");
}

#[test]
fn ecs_only_when_asked() {
    let env = env_of(&[(ENV_ECS_ROLE, "MyRole"), ("HOME", "/nonexistent")]);
    let source = Source::resolve(&config(None), &env).expect("resolves");
    assert!(matches!(source, Source::EcsRamRole(_)), "{source:?}");
    let explicit = Source::resolve(&config(Some(CredentialsSource::EcsRamRole)), &env_of(&[]));
    assert!(matches!(explicit, Ok(Source::EcsRamRole(_))));
}

#[test]
fn profile_path_and_name_overrides() {
    let env = env_of(&[
        (ENV_CONFIG_FILE, "/etc/aliyun.json"),
        (ENV_PROFILE, "work"),
        ("HOME", "/home/op"),
    ]);
    let source = Source::resolve(&config(Some(CredentialsSource::Profile)), &env);
    match source {
        Ok(Source::Profile { path, name }) => {
            assert_eq!(path, PathBuf::from("/etc/aliyun.json"));
            assert_eq!(name.as_deref(), Some("work"));
        }
        other => panic!("expected a profile, got {other:?}"),
    }
    let home_only = env_of(&[("HOME", "/home/op")]);
    match Source::resolve(&config(Some(CredentialsSource::Profile)), &home_only) {
        Ok(Source::Profile { path, name }) => {
            assert_eq!(path, PathBuf::from("/home/op/.aliyun/config.json"));
            assert_eq!(name, None);
        }
        other => panic!("expected a profile, got {other:?}"),
    }
}

#[test]
fn refresh_ahead_of_expiry() {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
    let hour = refresh_delay(Some(now + Duration::from_secs(3600)), now);
    assert_eq!(hour, Duration::from_secs(3600 - 300));
    let short = refresh_delay(Some(now + Duration::from_secs(120)), now);
    assert_eq!(short, Duration::from_secs(60));
    let past = refresh_delay(Some(now - Duration::from_secs(10)), now);
    assert_eq!(past, Duration::from_secs(1));
}

#[test]
fn expired_credentials_are_not_usable() {
    let now = SystemTime::now();
    let fresh = Credentials::new("i", "s", Some("t"), Some(now + Duration::from_secs(3600)));
    let stale = Credentials::new("i", "s", Some("t"), Some(now + Duration::from_secs(30)));
    assert!(fresh.is_usable_at(now));
    assert!(!stale.is_usable_at(now));
    assert!(Credentials::new("i", "s", None, None).is_usable_at(now));
}
