//! The checked configuration: command-line values validated against each
//! other, including the start-up rule (no non-loopback listener without caller
//! authentication) and the upstream rule (https, or plain http to loopback).

use crate::cli::{Args, CredentialsSource};
use crate::security::BearerToken;
use axum::http::HeaderName;
use reqwest::Url;
use std::collections::BTreeSet;
use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

/// Why the proxy refuses to start; printed as is, then the process exits non-zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

/// Shorthand for a [`ConfigError`] result.
fn fail<T>(message: impl Into<String>) -> Result<T, ConfigError> {
    Err(ConfigError(message.into()))
}

/// Where requests are forwarded: configuration only, never the request.
#[derive(Debug, Clone)]
pub struct Upstream {
    /// `scheme://host[:port]/`, the URL every call is posted to (plus the query).
    pub base: Url,
    /// The `host` header value sent and signed (`host[:port]`).
    pub host: String,
}

/// How callers prove who they are. All configured checks must pass.
#[derive(Debug, Clone, Default)]
pub struct CallerAuth {
    /// The token callers send as `Authorization: Bearer <token>`.
    pub bearer: Option<BearerToken>,
    /// The header an authenticating gateway sets to the user's name.
    pub trusted_user_header: Option<HeaderName>,
}

/// What the credentials module is asked to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialsConfig {
    /// The chosen source; `None` means environment, then the profile file.
    pub source: Option<CredentialsSource>,
    /// Override of the CLI profile file path.
    pub profile_file: Option<PathBuf>,
    /// Override of the profile name.
    pub profile: Option<String>,
    /// Override of the ECS RAM role name.
    pub ecs_role_name: Option<String>,
    /// Base URL of the ECS instance metadata service.
    pub ecs_metadata_url: Url,
}

/// The proxy's whole configuration, checked.
#[derive(Debug, Clone)]
pub struct Config {
    /// The address to bind.
    pub listen: SocketAddr,
    /// Where calls go.
    pub upstream: Upstream,
    /// Operations callers may invoke (exact names).
    pub allowed_actions: BTreeSet<String>,
    /// InstanceIds callers may use; `None` allows any.
    pub allowed_instances: Option<BTreeSet<String>>,
    /// Browser origins allowed, exactly as browsers send them.
    pub allowed_origins: BTreeSet<String>,
    /// Whether CORS answers carry `Access-Control-Allow-Credentials: true`.
    pub allow_credentials: bool,
    /// Caller authentication.
    pub auth: CallerAuth,
    /// Largest body and largest path-plus-query, in bytes.
    pub max_request_bytes: usize,
    /// Upstream time-out.
    pub timeout: Duration,
    /// Requests per second per caller; 0 is off.
    pub rate_limit: u32,
    /// Credentials to load.
    pub credentials: CredentialsConfig,
    /// Things to warn about at every start (insecure choices that were allowed).
    pub warnings: Vec<String>,
}

/// Whether an action name has the only shape the proxy accepts: ASCII letters.
pub fn is_action_name(name: &str) -> bool {
    !name.is_empty() && name.len() <= 128 && name.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Whether a URL host is a loopback address (`127.0.0.0/8`, `::1`, `localhost`).
fn is_loopback_host(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// The `host[:port]` of a URL, as sent in the `host` header.
fn host_header(url: &Url) -> Option<String> {
    let host = match url.host()? {
        url::Host::Ipv6(ip) => format!("[{ip}]"),
        other => other.to_string(),
    };
    Some(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    })
}

/// Checks an upstream base URL: a bare `scheme://host[:port]`, https unless the
/// host is loopback.
///
/// # Errors
///
/// Anything else, with the reason.
pub fn parse_upstream(text: &str) -> Result<Upstream, ConfigError> {
    let Ok(base) = Url::parse(text) else {
        return fail(format!("--upstream-url {text:?} is not a URL"));
    };
    if !base.username().is_empty() || base.password().is_some() {
        return fail("--upstream-url must not carry a user name or password");
    }
    if !matches!(base.path(), "" | "/") || base.query().is_some() || base.fragment().is_some() {
        return fail("--upstream-url must be scheme://host[:port] with no path or query");
    }
    match base.scheme() {
        "https" => {}
        "http" if is_loopback_host(&base) => {}
        "http" => return fail(
            "--upstream-url may use plain http only to a loopback host (127.0.0.1, ::1, localhost)",
        ),
        other => return fail(format!("--upstream-url scheme {other:?} is not http(s)")),
    }
    let Some(host) = host_header(&base) else {
        return fail("--upstream-url has no host");
    };
    Ok(Upstream { base, host })
}

/// The real service endpoint of a region.
fn region_upstream(region: &str) -> Result<Upstream, ConfigError> {
    let valid = !region.is_empty()
        && region.len() <= 64
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !valid {
        return fail(format!(
            "--region {region:?} is not a region id (lower-case letters, digits and '-', e.g. cn-hangzhou)"
        ));
    }
    parse_upstream(&format!("https://eiam.{region}.aliyuncs.com"))
}

/// Checks one allowed origin: `scheme://host[:port]`, no wildcard, no path.
pub fn check_origin(origin: &str) -> Result<String, ConfigError> {
    if origin.contains('*') {
        return fail(format!(
            "--allow-origin {origin:?}: wildcards are refused; list each exact origin"
        ));
    }
    if origin == "null" {
        return fail("--allow-origin \"null\" is refused: any sandboxed page sends it");
    }
    let parsed = Url::parse(origin).ok();
    let serialised = parsed
        .as_ref()
        .filter(|url| matches!(url.scheme(), "http" | "https"))
        .map(|url| url.origin().ascii_serialization());
    match serialised {
        Some(exact) if exact.eq_ignore_ascii_case(origin) => Ok(exact),
        _ => fail(format!(
            "--allow-origin {origin:?} is not an origin: write scheme://host[:port] with no path or trailing slash"
        )),
    }
}

/// Reads and checks the bearer token file (trimmed, non-empty).
fn read_token(path: &PathBuf) -> Result<BearerToken, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|error| {
        ConfigError(format!(
            "--auth-token-file {}: cannot read it ({error})",
            path.display()
        ))
    })?;
    BearerToken::new(text.trim()).ok_or_else(|| {
        ConfigError(format!(
            "--auth-token-file {}: the file is empty",
            path.display()
        ))
    })
}

impl Config {
    /// Checks the command line and reads the token file.
    ///
    /// # Errors
    ///
    /// A [`ConfigError`] saying which flag is wrong and how to fix it.
    pub fn from_args(args: &Args) -> Result<Config, ConfigError> {
        let Ok(listen) = args.listen.parse::<SocketAddr>() else {
            return fail(format!(
                "--listen {:?} is not an IP address and port (e.g. 127.0.0.1:8787)",
                args.listen
            ));
        };
        let mut warnings = Vec::new();
        let upstream = match &args.upstream_url {
            Some(text) => {
                let upstream = parse_upstream(text)?;
                warnings.push(format!(
                    "--upstream-url overrides the real service: forwarding to {} (a test setting)",
                    upstream.base
                ));
                upstream
            }
            None => region_upstream(&args.region)?,
        };
        let mut allowed_actions = BTreeSet::new();
        for action in &args.allow_action {
            if !is_action_name(action) {
                return fail(format!(
                    "--allow-action {action:?} is not an operation name (ASCII letters only)"
                ));
            }
            allowed_actions.insert(action.clone());
        }
        let allowed_instances = if args.allow_instance.is_empty() {
            None
        } else {
            Some(args.allow_instance.iter().cloned().collect())
        };
        let mut allowed_origins = BTreeSet::new();
        for origin in &args.allow_origin {
            allowed_origins.insert(check_origin(origin)?);
        }
        let trusted_user_header = match &args.trusted_user_header {
            Some(name) => match HeaderName::from_bytes(name.trim().as_bytes()) {
                Ok(header) if !is_reserved_header(&header) => Some(header),
                _ => {
                    return fail(format!(
                        "--trusted-user-header {name:?} is not a usable header name"
                    ))
                }
            },
            None => None,
        };
        let bearer = args.auth_token_file.as_ref().map(read_token).transpose()?;
        let auth = CallerAuth {
            bearer,
            trusted_user_header,
        };
        let authenticated = auth.bearer.is_some() || auth.trusted_user_header.is_some();
        if !authenticated && !is_loopback(listen.ip()) {
            if args.insecure_no_auth {
                warnings.push(format!(
                    "--insecure-no-auth: listening on {listen} with no caller authentication; \
                     anyone who reaches this address can use the AccessKey"
                ));
            } else {
                return fail(format!(
                    "refusing to listen on non-loopback address {listen} without caller authentication: \
                     give --auth-token-file or --trusted-user-header (or --insecure-no-auth to accept the risk)"
                ));
            }
        }
        if args.max_request_bytes == 0 {
            return fail("--max-request-bytes must be at least 1");
        }
        if args.timeout_ms == 0 {
            return fail("--timeout-ms must be at least 1");
        }
        let Ok(ecs_metadata_url) = Url::parse(&args.ecs_metadata_url) else {
            return fail(format!(
                "--ecs-metadata-url {:?} is not a URL",
                args.ecs_metadata_url
            ));
        };
        Ok(Config {
            listen,
            upstream,
            allowed_actions,
            allowed_instances,
            allowed_origins,
            allow_credentials: args.allow_credentials,
            auth,
            max_request_bytes: args.max_request_bytes,
            timeout: Duration::from_millis(args.timeout_ms),
            rate_limit: args.rate_limit,
            credentials: CredentialsConfig {
                source: args.credentials,
                profile_file: args.profile_file.clone(),
                profile: args.profile.clone(),
                ecs_role_name: args.ecs_role_name.clone(),
                ecs_metadata_url,
            },
            warnings,
        })
    }
}

/// Whether an IP address only reaches this machine.
fn is_loopback(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback(),
        IpAddr::V6(v6) => {
            v6.is_loopback() || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
        }
    }
}

/// Headers that cannot serve as the trusted user header.
fn is_reserved_header(name: &HeaderName) -> bool {
    let name = name.as_str();
    matches!(
        name,
        "authorization" | "cookie" | "host" | "origin" | "content-type"
    ) || name.starts_with("x-acs-")
}

#[cfg(test)]
mod tests;
