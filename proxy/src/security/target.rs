//! What may be called: the action from the request target (one path segment
//! of letters, nothing else), and the query rules (decodable, no reserved or
//! repeated keys, an allowed instance).

use crate::config::is_action_name;
use crate::error::ProxyError;
use axum::http::Uri;
use eiam_sync::model::rpc::decode_query;
use std::collections::{BTreeSet, HashSet};

/// The query parameter that names the IDaaS instance.
pub const INSTANCE_KEY: &str = "InstanceId";

/// Query keys that belong to the signature or to routing, refused
/// case-insensitively (`Signature` also as a prefix).
const RESERVED_KEYS: [&str; 6] = [
    "action",
    "version",
    "accesskeyid",
    "securitytoken",
    "timestamp",
    "format",
];

/// Reads the action from the request target.
///
/// Only the origin form `/{Action}` is accepted, where `{Action}` is ASCII
/// letters exactly as sent (no decoding, so `%2F`, `%2E`, `..`, extra
/// segments and empty segments are all refused); an absolute-form target
/// (`POST http://host/...`) is refused too, so nothing in the request can
/// name another upstream.
///
/// # Errors
///
/// 400 `InvalidParameter` for any other shape; 403
/// `Forbidden.ActionNotAllowed` for a well-formed action not in `allowed`.
pub fn action_from_target(uri: &Uri, allowed: &BTreeSet<String>) -> Result<String, ProxyError> {
    if uri.scheme().is_some() || uri.authority().is_some() {
        return Err(ProxyError::invalid_parameter(
            "absolute-form request targets are not accepted; send POST /{Action}?{parameters}",
        ));
    }
    let action = uri.path().strip_prefix('/').unwrap_or_default();
    if !is_action_name(action) {
        return Err(ProxyError::invalid_parameter(
            "the path must be /{Action}: one segment of ASCII letters",
        ));
    }
    if !allowed.contains(action) {
        return Err(ProxyError::action_not_allowed(action));
    }
    Ok(action.to_owned())
}

/// The decoded parameters of an accepted query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedQuery {
    /// Decoded `(key, value)` pairs, in the order received.
    pub params: Vec<(String, String)>,
    /// The `InstanceId` value, when present.
    pub instance: Option<String>,
}

/// Whether a decoded key is reserved for the signature or routing.
fn is_reserved(key: &str) -> bool {
    let lower = key.to_ascii_lowercase();
    RESERVED_KEYS.contains(&lower.as_str()) || lower.starts_with("signature")
}

/// Decodes and checks the query (`+` read as a space, as the SDKs send it).
///
/// Refused: a badly encoded key or value, an empty key, a reserved key in any
/// case, a key given twice, a key spelt like `InstanceId` in another case
/// (it could be read as the instance by a lenient server), and, when
/// `allowed_instances` is set, a missing or other `InstanceId`.
///
/// # Errors
///
/// 400 `InvalidParameter`, or 403 `Forbidden.InstanceNotAllowed`.
pub fn check_query(
    raw: Option<&str>,
    allowed_instances: Option<&BTreeSet<String>>,
) -> Result<CheckedQuery, ProxyError> {
    let params = decode_query(raw.unwrap_or_default())
        .map_err(|error| ProxyError::invalid_parameter(error.to_string()))?;
    let mut seen = HashSet::with_capacity(params.len());
    let mut instance = None;
    for (key, value) in &params {
        if key.is_empty() {
            return Err(ProxyError::invalid_parameter(
                "a query parameter has an empty name",
            ));
        }
        if is_reserved(key) {
            return Err(ProxyError::invalid_parameter(format!(
                "query parameter {key:?} is reserved for the proxy's signature and may not be sent"
            )));
        }
        if !seen.insert(key.as_str()) {
            return Err(ProxyError::invalid_parameter(format!(
                "query parameter {key:?} is repeated: each key may appear only once"
            )));
        }
        if key == INSTANCE_KEY {
            instance = Some(value.clone());
        } else if key.eq_ignore_ascii_case(INSTANCE_KEY) {
            return Err(ProxyError::invalid_parameter(format!(
                "query parameter {key:?}: write it as {INSTANCE_KEY:?}"
            )));
        }
    }
    if let Some(allowed) = allowed_instances {
        match &instance {
            Some(id) if allowed.contains(id) => {}
            Some(id) => {
                return Err(ProxyError::instance_not_allowed(format!(
                    "the instance {id:?} is not allowed through this proxy"
                )))
            }
            None => {
                return Err(ProxyError::instance_not_allowed(
                    "this proxy serves only some instances: send InstanceId",
                ))
            }
        }
    }
    Ok(CheckedQuery { params, instance })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed() -> BTreeSet<String> {
        crate::cli::DEFAULT_ACTIONS.map(String::from).into()
    }

    fn action(target: &str) -> Result<String, &'static str> {
        let uri: Uri = target.parse().map_err(|_| "unparsable")?;
        action_from_target(&uri, &allowed()).map_err(|e| e.code)
    }

    #[test]
    fn the_action_is_the_single_path_segment() {
        assert_eq!(
            action("/ListSynchronizationJobs?InstanceId=x"),
            Ok("ListSynchronizationJobs".to_owned())
        );
        assert_eq!(
            action("/GetSynchronizationJob"),
            Ok("GetSynchronizationJob".to_owned())
        );
    }

    #[test]
    fn hostile_targets_are_refused() {
        for target in [
            "/",
            "/../GetSynchronizationJob",
            "/GetSynchronizationJob/..",
            "/GetSynchronizationJob/",
            "//GetSynchronizationJob",
            "/Get%53ynchronizationJob",
            "/x%2FGetSynchronizationJob",
            "/%2E%2E/GetSynchronizationJob",
            "/GetSynchronizationJob;x",
            "/api/GetSynchronizationJob",
            "http://evil.example/GetSynchronizationJob",
            "//evil.example/GetSynchronizationJob",
            "*",
        ] {
            let result = action(target);
            assert!(
                matches!(result, Err("InvalidParameter") | Err("unparsable")),
                "{target}: {result:?}"
            );
        }
    }

    #[test]
    fn unlisted_actions_are_forbidden() {
        assert_eq!(action("/DeleteUser"), Err("Forbidden.ActionNotAllowed"));
        assert_eq!(
            action("/getsynchronizationjob"),
            Err("Forbidden.ActionNotAllowed")
        );
    }

    fn query(raw: &str) -> Result<CheckedQuery, &'static str> {
        check_query(Some(raw), None).map_err(|e| e.code)
    }

    #[test]
    fn ordinary_queries_decode() {
        let checked = query("InstanceId=idaas_1&TargetIds.1=a+b&Status=%E6%88%90").expect("ok");
        assert_eq!(checked.instance.as_deref(), Some("idaas_1"));
        assert_eq!(
            checked.params[1],
            ("TargetIds.1".to_owned(), "a b".to_owned())
        );
        assert_eq!(checked.params[2].1, "成");
        assert_eq!(query("").map(|q| q.params.len()), Ok(0));
    }

    #[test]
    fn reserved_keys_are_refused_in_any_case() {
        for raw in [
            "Action=DeleteUser",
            "action=x",
            "Version=2017",
            "Signature=abc",
            "SignatureMethod=HMAC",
            "signaturenonce=1",
            "AccessKeyId=x",
            "SecurityToken=x",
            "Timestamp=x",
            "FORMAT=xml",
            "%41ction=x",
        ] {
            assert_eq!(query(raw).map(|_| ()), Err("InvalidParameter"), "{raw}");
        }
    }

    #[test]
    fn repeated_empty_and_badly_encoded_keys_are_refused() {
        for raw in [
            "InstanceId=a&InstanceId=b",
            "InstanceId=a&Instance%49d=b",
            "instanceid=b",
            "=x",
            "InstanceId=%zz",
            "InstanceId=%FF",
        ] {
            assert_eq!(query(raw).map(|_| ()), Err("InvalidParameter"), "{raw}");
        }
    }

    #[test]
    fn instance_allowlist() {
        let list: BTreeSet<String> = ["idaas_ok".to_owned()].into();
        let check = |raw: &str| {
            check_query(Some(raw), Some(&list))
                .map(|_| ())
                .map_err(|e| e.code)
        };
        assert_eq!(check("InstanceId=idaas_ok"), Ok(()));
        assert_eq!(
            check("InstanceId=idaas_other"),
            Err("Forbidden.InstanceNotAllowed")
        );
        assert_eq!(check("PageSize=10"), Err("Forbidden.InstanceNotAllowed"));
        assert_eq!(
            check("InstanceId=idaas_ok&InstanceId=idaas_other"),
            Err("InvalidParameter")
        );
    }
}
