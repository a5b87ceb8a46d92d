//! The proxy's checks of an incoming request must never panic, and must never
//! accept a target that is not exactly `/{Action}` with an allowed action.
//! Input layout: request target line, then `name: value` header lines.
#![no_main]
use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv4Addr};

use eiam_sync_proxy::config::CallerAuth;
use eiam_sync_proxy::security::{
    action_from_target, authenticate, check_origin, check_query, BearerToken,
};
use http::{HeaderMap, HeaderName, HeaderValue, Uri};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lines = text.split('\n');
    let target = lines.next().unwrap_or("");
    let mut headers = HeaderMap::new();
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.trim().as_bytes()),
            HeaderValue::from_str(value.trim()),
        ) {
            headers.append(name, value);
        }
    }

    let allowed: BTreeSet<String> = ["ListSynchronizationJobs".to_owned()].into();
    if let Ok(uri) = target.parse::<Uri>() {
        if let Ok(action) = action_from_target(&uri, &allowed) {
            assert!(allowed.contains(&action));
            assert_eq!(uri.path(), format!("/{action}"));
        }
        let instances: BTreeSet<String> = ["idaas_a".to_owned()].into();
        let _ = check_query(uri.query(), None);
        let _ = check_query(uri.query(), Some(&instances));
    }

    let origins: BTreeSet<String> = ["http://127.0.0.1:8080".to_owned()].into();
    let _ = check_origin(&headers, &origins);
    let auth = CallerAuth {
        bearer: BearerToken::new("token"),
        trusted_user_header: Some(HeaderName::from_static("x-forwarded-user")),
    };
    let _ = authenticate(&headers, &auth, IpAddr::V4(Ipv4Addr::LOCALHOST));
});
