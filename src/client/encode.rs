//! A request as the proxy expects it: `POST {proxyUrl}/{Action}?{query}`,
//! with an empty body and every parameter in the query (DESIGN "Proxy protocol").

use crate::model::rpc::{encode_query, RpcRequest};

/// One call, ready for the transport.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodedCall {
    /// The operation (`ListSynchronizationJobs`): the last path segment.
    pub action: &'static str,
    /// `{proxyUrl}/{Action}?{query}`; no `?` when there are no parameters.
    pub url: String,
}

/// Encodes `request` for the proxy at `proxy_url`.
///
/// The query is [`RpcRequest::to_params`] through [`encode_query`]: the
/// parameter names and values the official SDKs send (`TargetIds.1`,
/// `Filters.1.Values.1`), sorted by key, RFC 3986 percent-encoded (a space is
/// `%20`, `*` is `%2A`). Trailing slashes of `proxy_url` are dropped, so
/// `https://host/eiam/` and `https://host/eiam` give the same URL.
pub fn encode_call<R: RpcRequest>(proxy_url: &str, request: &R) -> EncodedCall {
    let base = proxy_url.trim_end_matches('/');
    let query = encode_query(&request.to_params());
    let mut url = String::with_capacity(base.len() + R::ACTION.len() + query.len() + 2);
    url.push_str(base);
    url.push('/');
    url.push_str(R::ACTION);
    if !query.is_empty() {
        url.push('?');
        url.push_str(&query);
    }
    EncodedCall {
        action: R::ACTION,
        url,
    }
}

/// Checks a `proxyUrl` option: a non-empty absolute or relative URL without a
/// query, a fragment, whitespace or control characters (the client appends
/// `/{Action}?{query}` to it).
///
/// # Errors
///
/// One sentence saying what is wrong.
pub fn check_proxy_url(proxy_url: &str) -> Result<(), String> {
    if proxy_url.trim().is_empty() {
        return Err("proxyUrl must be a non-empty URL".to_owned());
    }
    if proxy_url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control())
    {
        return Err("proxyUrl must not contain whitespace or control characters".to_owned());
    }
    if proxy_url.contains(['?', '#']) {
        return Err(
            "proxyUrl must not have a query or a fragment: the client appends /{Action}?{parameters}"
                .to_owned(),
        );
    }
    Ok(())
}
