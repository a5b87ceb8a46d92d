//! The Alibaba Cloud CLI profile file (`~/.aliyun/config.json`): profiles in
//! `AK` and `StsToken` mode.
//!
//! Error messages name the file, the profile and the field, never a value:
//! even a JSON syntax error reports only its line and column, because the
//! parser's own message may quote the text around it.

use super::Credentials;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file, as far as the proxy reads it (other fields are ignored).
#[derive(Deserialize)]
struct ProfileFile {
    #[serde(default)]
    current: Option<String>,
    #[serde(default)]
    profiles: Vec<Profile>,
}

/// One profile.
#[derive(Deserialize)]
struct Profile {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    mode: Option<String>,
    #[serde(default)]
    access_key_id: Option<String>,
    #[serde(default)]
    access_key_secret: Option<String>,
    #[serde(default)]
    sts_token: Option<String>,
}

/// The default file: `$HOME/.aliyun/config.json`.
pub fn default_path(home: Option<&str>) -> Option<PathBuf> {
    home.filter(|h| !h.is_empty())
        .map(|home| Path::new(home).join(".aliyun").join("config.json"))
}

/// A present, non-blank string field.
fn field<'a>(value: &'a Option<String>, name: &str, profile: &str) -> Result<&'a str, String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| format!("profile {profile:?} has no {name}"))
}

/// Reads the credentials of profile `wanted` (else the file's `current`, else
/// `default`) from the text of a profile file.
///
/// # Errors
///
/// Unreadable JSON (line and column only), a missing profile or field, or a
/// mode other than `AK` and `StsToken`.
pub fn parse(text: &str, wanted: Option<&str>) -> Result<Credentials, String> {
    let file: ProfileFile = serde_json::from_str(text).map_err(|error| {
        format!(
            "not a valid profile file (JSON error at line {}, column {})",
            error.line(),
            error.column()
        )
    })?;
    let name = wanted
        .or(file.current.as_deref().filter(|c| !c.is_empty()))
        .unwrap_or("default");
    let profile = file
        .profiles
        .iter()
        .find(|p| p.name.as_deref() == Some(name))
        .ok_or_else(|| format!("no profile named {name:?}"))?;
    let mode = profile.mode.as_deref().unwrap_or("AK");
    let id = field(&profile.access_key_id, "access_key_id", name)?;
    let secret = field(&profile.access_key_secret, "access_key_secret", name)?;
    match mode {
        "AK" => Ok(Credentials::new(id, secret, None, None)),
        "StsToken" => {
            let token = field(&profile.sts_token, "sts_token", name)?;
            Ok(Credentials::new(id, secret, Some(token), None))
        }
        other => Err(format!(
            "profile {name:?} uses mode {other:?}; eiam-sync-proxy reads AK and StsToken profiles \
             (for an ECS RAM role use --credentials ecs-ram-role)"
        )),
    }
}

/// Reads `path` and [`parse`]s it.
///
/// # Errors
///
/// The file cannot be read, or [`parse`] refuses it; the message names the file.
pub fn load(path: &Path, wanted: Option<&str>) -> Result<Credentials, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read profile file {}: {error}", path.display()))?;
    parse(&text, wanted).map_err(|message| format!("profile file {}: {message}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"{
        "current": "work",
        "profiles": [
            {"name": "default", "mode": "AK", "access_key_id": "AKID-default",
             "access_key_secret": "SECRET-default", "region_id": "cn-hangzhou"},
            {"name": "work", "mode": "StsToken", "access_key_id": "STS.AKID",
             "access_key_secret": "SECRET-work", "sts_token": "TOKEN-work"},
            {"name": "role", "mode": "RamRoleArn", "access_key_id": "a",
             "access_key_secret": "b", "ram_role_arn": "acs:ram::1:role/x"},
            {"name": "broken", "mode": "AK", "access_key_id": "", "access_key_secret": "s"}
        ],
        "meta_path": ""
    }"#;

    #[test]
    fn current_profile_in_sts_mode() {
        let credentials = parse(FILE, None).expect("current profile");
        assert_eq!(credentials.access_key_id(), "STS.AKID");
        assert_eq!(credentials.access_key_secret(), "SECRET-work");
        assert_eq!(credentials.security_token(), Some("TOKEN-work"));
    }

    #[test]
    fn named_profile_in_ak_mode() {
        let credentials = parse(FILE, Some("default")).expect("named profile");
        assert_eq!(credentials.access_key_id(), "AKID-default");
        assert_eq!(credentials.security_token(), None);
    }

    #[test]
    fn refusals_say_why_without_values() {
        let unknown = parse(FILE, Some("nope")).expect_err("absent");
        assert!(unknown.contains("no profile named"), "{unknown}");
        let mode = parse(FILE, Some("role")).expect_err("mode");
        assert!(mode.contains("RamRoleArn"), "{mode}");
        let empty = parse(FILE, Some("broken")).expect_err("empty id");
        assert!(empty.contains("access_key_id"), "{empty}");
        let syntax =
            parse(r#"{"profiles": [{"access_key_secret": "SECRET-x" "#, None).expect_err("syntax");
        assert!(!syntax.contains("SECRET"), "{syntax}");
        let wrong_type =
            parse(r#"{"current": "SECRET-y"", "profiles": 3}"#, None).expect_err("type");
        assert!(!wrong_type.contains("SECRET"), "{wrong_type}");
    }

    #[test]
    fn default_profile_when_no_current() {
        let text =
            r#"{"profiles":[{"name":"default","access_key_id":"i","access_key_secret":"s"}]}"#;
        assert_eq!(
            parse(text, None).map(|c| c.access_key_id().to_owned()),
            Ok("i".into())
        );
    }

    #[test]
    fn default_path_is_under_home() {
        assert_eq!(
            default_path(Some("/home/op")),
            Some(PathBuf::from("/home/op/.aliyun/config.json"))
        );
        assert_eq!(default_path(None), None);
    }
}
