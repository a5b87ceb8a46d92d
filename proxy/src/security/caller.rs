//! Who may call: the browser origin check (the CSRF defence) and caller
//! authentication (a bearer token or a trusted gateway's user header).

use crate::config::CallerAuth;
use crate::error::ProxyError;
use axum::http::{header, HeaderMap, HeaderValue};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::fmt;
use std::net::IpAddr;
use subtle::ConstantTimeEq;

/// The callers' shared secret, kept only as its SHA-256 so it can be compared
/// in constant time whatever the presented length. `Debug` shows nothing of it.
#[derive(Clone)]
pub struct BearerToken {
    digest: [u8; 32],
}

impl BearerToken {
    /// Wraps a token; `None` when it is empty.
    pub fn new(token: &str) -> Option<Self> {
        if token.is_empty() {
            return None;
        }
        Some(BearerToken {
            digest: Sha256::digest(token.as_bytes()).into(),
        })
    }

    /// Whether `presented` is the token, in time independent of where they differ.
    pub fn matches(&self, presented: &[u8]) -> bool {
        let digest: [u8; 32] = Sha256::digest(presented).into();
        bool::from(self.digest.ct_eq(&digest))
    }
}

impl fmt::Debug for BearerToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BearerToken(<redacted>)")
    }
}

/// The caller of one request, as far as the proxy knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// The rate-limit key: the gateway's user name, else the peer address.
    pub key: String,
    /// What the log line shows (never a token).
    pub shown: String,
}

/// The longest trusted-user value kept (longer ones are cut, for the log).
const MAX_USER_CHARS: usize = 256;

/// Checks the `Origin` header: absent is fine (not a browser's cross-origin
/// call); present, it must be one allowed origin, exactly. Returns the value
/// to echo in `Access-Control-Allow-Origin`.
///
/// # Errors
///
/// 403 `Forbidden.OriginNotAllowed` for any other origin, or several `Origin` headers.
pub fn check_origin(
    headers: &HeaderMap,
    allowed: &BTreeSet<String>,
) -> Result<Option<HeaderValue>, ProxyError> {
    let mut values = headers.get_all(header::ORIGIN).iter();
    let Some(origin) = values.next() else {
        return Ok(None);
    };
    if values.next().is_some() {
        return Err(ProxyError::origin_not_allowed());
    }
    match origin.to_str() {
        Ok(text) if allowed.contains(text) => Ok(Some(origin.clone())),
        _ => Err(ProxyError::origin_not_allowed()),
    }
}

/// Reads the single `Authorization: Bearer <token>` header.
fn bearer_token(headers: &HeaderMap) -> Option<&[u8]> {
    let mut values = headers.get_all(header::AUTHORIZATION).iter();
    let value = values.next()?;
    if values.next().is_some() {
        return None;
    }
    let bytes = value.as_bytes();
    let scheme = bytes.get(..7)?;
    if !scheme.eq_ignore_ascii_case(b"bearer ") {
        return None;
    }
    let token = bytes.get(7..)?.trim_ascii();
    (!token.is_empty()).then_some(token)
}

/// Authenticates a caller by every configured means: the bearer token
/// (compared in constant time) and the trusted gateway's user header (present,
/// single, non-empty). With neither configured every caller is accepted and
/// known by its address.
///
/// # Errors
///
/// 401 `Unauthorized`, saying which credential is missing or wrong, never
/// echoing what was sent.
pub fn authenticate(
    headers: &HeaderMap,
    auth: &CallerAuth,
    peer: IpAddr,
) -> Result<Caller, ProxyError> {
    if let Some(expected) = &auth.bearer {
        match bearer_token(headers) {
            Some(token) if expected.matches(token) => {}
            Some(_) => return Err(ProxyError::unauthorized("the bearer token is wrong")),
            None => {
                return Err(ProxyError::unauthorized(
                    "send Authorization: Bearer <token>",
                ))
            }
        }
    }
    if let Some(name) = &auth.trusted_user_header {
        let mut values = headers.get_all(name).iter();
        let user = match (values.next(), values.next()) {
            (Some(value), None) => String::from_utf8_lossy(value.as_bytes()).trim().to_owned(),
            _ => String::new(),
        };
        if user.is_empty() {
            return Err(ProxyError::unauthorized(format!(
                "the authenticating gateway's {name} header is missing"
            )));
        }
        let shown: String = user.chars().take(MAX_USER_CHARS).collect();
        return Ok(Caller {
            key: format!("user:{user}"),
            shown,
        });
    }
    Ok(Caller {
        key: format!("ip:{peer}"),
        shown: peer.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderName;
    use std::net::Ipv4Addr;

    const PEER: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(
                HeaderName::from_bytes(name.as_bytes()).expect("name"),
                HeaderValue::from_str(value).expect("value"),
            );
        }
        map
    }

    fn origins(list: &[&str]) -> BTreeSet<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn token_compare() {
        let token = BearerToken::new("s3cret-token").expect("non-empty");
        assert!(token.matches(b"s3cret-token"));
        assert!(!token.matches(b"s3cret-tokeN"));
        assert!(!token.matches(b"s3cret-token "));
        assert!(!token.matches(b""));
        assert!(BearerToken::new("").is_none());
        assert!(!format!("{token:?}").contains("s3cret"));
    }

    #[test]
    fn origin_absent_is_accepted_and_exact_match_is_echoed() {
        let allowed = origins(&["https://console.example"]);
        assert_eq!(check_origin(&headers(&[]), &allowed), Ok(None));
        let echoed = check_origin(&headers(&[("origin", "https://console.example")]), &allowed);
        assert_eq!(
            echoed.ok().flatten().as_ref().map(HeaderValue::as_bytes),
            Some(&b"https://console.example"[..])
        );
    }

    #[test]
    fn foreign_similar_or_repeated_origins_are_refused() {
        let allowed = origins(&["https://console.example"]);
        for hostile in [
            "https://evil.example",
            "https://console.example.evil.example",
            "https://console.example/",
            "http://console.example",
            "null",
            "HTTPS://CONSOLE.EXAMPLE",
        ] {
            let result = check_origin(&headers(&[("origin", hostile)]), &allowed);
            assert_eq!(result, Err(ProxyError::origin_not_allowed()), "{hostile}");
        }
        let twice = headers(&[
            ("origin", "https://console.example"),
            ("origin", "https://evil.example"),
        ]);
        assert!(check_origin(&twice, &allowed).is_err());
    }

    #[test]
    fn bearer_authentication() {
        let auth = CallerAuth {
            bearer: BearerToken::new("tok"),
            trusted_user_header: None,
        };
        let ok = authenticate(&headers(&[("authorization", "Bearer tok")]), &auth, PEER);
        assert_eq!(ok.map(|c| c.shown), Ok("127.0.0.1".to_owned()));
        assert!(authenticate(&headers(&[("authorization", "bearer tok")]), &auth, PEER).is_ok());
        for bad in [
            &[][..],
            &[("authorization", "Bearer nope")][..],
            &[("authorization", "Basic dG9r")][..],
            &[("authorization", "Bearer ")][..],
            &[
                ("authorization", "Bearer tok"),
                ("authorization", "Bearer tok"),
            ][..],
        ] {
            let refused = authenticate(&headers(bad), &auth, PEER);
            assert_eq!(refused.map_err(|e| e.code), Err("Unauthorized"), "{bad:?}");
        }
    }

    #[test]
    fn refusal_never_echoes_the_presented_token() {
        let auth = CallerAuth {
            bearer: BearerToken::new("tok"),
            trusted_user_header: None,
        };
        let refused = authenticate(&headers(&[("authorization", "Bearer LEAKME")]), &auth, PEER);
        assert!(refused.is_err_and(|e| !e.message.contains("LEAKME")));
    }

    #[test]
    fn trusted_user_header() {
        let auth = CallerAuth {
            bearer: None,
            trusted_user_header: Some(HeaderName::from_static("x-forwarded-user")),
        };
        let caller = authenticate(&headers(&[("x-forwarded-user", "alice")]), &auth, PEER);
        assert_eq!(
            caller,
            Ok(Caller {
                key: "user:alice".to_owned(),
                shown: "alice".to_owned()
            })
        );
        assert!(authenticate(&headers(&[]), &auth, PEER).is_err());
        assert!(authenticate(&headers(&[("x-forwarded-user", "  ")]), &auth, PEER).is_err());
    }

    #[test]
    fn no_authentication_configured_keys_by_address() {
        let caller = authenticate(&headers(&[]), &CallerAuth::default(), PEER);
        assert_eq!(caller.map(|c| c.key), Ok("ip:127.0.0.1".to_owned()));
    }
}
