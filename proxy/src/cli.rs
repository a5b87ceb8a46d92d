//! The command line: every flag, each also readable from an
//! `EIAM_SYNC_PROXY_*` environment variable. Checking the values against each
//! other happens in [`crate::config`].

use clap::{Parser, ValueEnum};
use std::path::PathBuf;

/// The four read operations of the library: the default `--allow-action` list.
pub const DEFAULT_ACTIONS: [&str; 4] = [
    "GetSynchronizationJob",
    "ListSynchronizationJobs",
    "GetIdentityProviderUdPushConfiguration",
    "GetIdentityProviderUdPullConfiguration",
];

/// Where the proxy takes its AccessKey from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CredentialsSource {
    /// `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and
    /// optionally `ALIBABA_CLOUD_SECURITY_TOKEN`.
    Env,
    /// The Alibaba Cloud CLI profile file (`~/.aliyun/config.json`).
    Profile,
    /// The RAM role of this ECS instance, through the instance metadata service.
    EcsRamRole,
}

/// How log lines are written to stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// `key=value` text.
    Text,
    /// One JSON object per line.
    Json,
}

/// eiam-sync-proxy: signs browser calls to Alibaba Cloud IDaaS (eiam 2021-12-01)
/// with signature V3 and forwards them, so the browser never holds an AccessKey.
///
/// Callers send `POST /{Action}?{parameters}` with an empty body.
#[derive(Debug, Clone, Parser)]
#[command(name = "eiam-sync-proxy", version, about, long_about = None)]
pub struct Args {
    /// Address to listen on (an IP literal and a port; port 0 picks a free one).
    #[arg(long, env = "EIAM_SYNC_PROXY_LISTEN", default_value = "127.0.0.1:8787")]
    pub listen: String,

    /// Region of the IDaaS endpoint: the upstream is `https://eiam.<region>.aliyuncs.com`.
    #[arg(long, env = "EIAM_SYNC_PROXY_REGION", default_value = "cn-hangzhou")]
    pub region: String,

    /// An operation callers may invoke (repeatable; default: the four read operations).
    #[arg(
        long = "allow-action",
        env = "EIAM_SYNC_PROXY_ALLOW_ACTION",
        value_delimiter = ',',
        default_values_t = DEFAULT_ACTIONS.map(String::from)
    )]
    pub allow_action: Vec<String>,

    /// An IDaaS InstanceId callers may use (repeatable; default: any instance).
    #[arg(
        long = "allow-instance",
        env = "EIAM_SYNC_PROXY_ALLOW_INSTANCE",
        value_delimiter = ','
    )]
    pub allow_instance: Vec<String>,

    /// A browser origin allowed to call the proxy, exactly as browsers send it
    /// (`https://console.example.com`); repeatable; no wildcard.
    #[arg(
        long = "allow-origin",
        env = "EIAM_SYNC_PROXY_ALLOW_ORIGIN",
        value_delimiter = ','
    )]
    pub allow_origin: Vec<String>,

    /// Send `Access-Control-Allow-Credentials: true` to allowed origins.
    #[arg(long, env = "EIAM_SYNC_PROXY_ALLOW_CREDENTIALS")]
    pub allow_credentials: bool,

    /// A file holding the token callers must send as `Authorization: Bearer <token>`.
    #[arg(long, env = "EIAM_SYNC_PROXY_AUTH_TOKEN_FILE")]
    pub auth_token_file: Option<PathBuf>,

    /// A header set by an authenticating gateway in front of the proxy
    /// (e.g. `X-Forwarded-User` from oauth2-proxy): it must be present and is
    /// logged as the caller.
    #[arg(long, env = "EIAM_SYNC_PROXY_TRUSTED_USER_HEADER")]
    pub trusted_user_header: Option<String>,

    /// Start on a non-loopback address without caller authentication (a warning is logged).
    #[arg(long, env = "EIAM_SYNC_PROXY_INSECURE_NO_AUTH")]
    pub insecure_no_auth: bool,

    /// Largest request body and largest path-plus-query, in bytes.
    #[arg(
        long,
        env = "EIAM_SYNC_PROXY_MAX_REQUEST_BYTES",
        default_value_t = 16384
    )]
    pub max_request_bytes: usize,

    /// Upstream time-out in milliseconds (connect, send, and read the whole answer).
    #[arg(long, env = "EIAM_SYNC_PROXY_TIMEOUT_MS", default_value_t = 10_000)]
    pub timeout_ms: u64,

    /// Requests per second allowed per caller, with a burst of the same size; 0 switches it off.
    #[arg(long, env = "EIAM_SYNC_PROXY_RATE_LIMIT", default_value_t = 20)]
    pub rate_limit: u32,

    /// Test override of the upstream base URL; plain http only to a loopback host.
    #[arg(long, env = "EIAM_SYNC_PROXY_UPSTREAM_URL")]
    pub upstream_url: Option<String>,

    /// Credentials source (default: environment, then the CLI profile file; the
    /// ECS RAM role when `ALIBABA_CLOUD_ECS_METADATA` names one).
    #[arg(long, env = "EIAM_SYNC_PROXY_CREDENTIALS", value_enum)]
    pub credentials: Option<CredentialsSource>,

    /// The CLI profile file (default: `ALIBABA_CLOUD_CONFIG_FILE`, else `~/.aliyun/config.json`).
    #[arg(long, env = "EIAM_SYNC_PROXY_PROFILE_FILE")]
    pub profile_file: Option<PathBuf>,

    /// The profile to use (default: `ALIBABA_CLOUD_PROFILE`, else the file's `current`).
    #[arg(long, env = "EIAM_SYNC_PROXY_PROFILE")]
    pub profile: Option<String>,

    /// The ECS RAM role name (default: `ALIBABA_CLOUD_ECS_METADATA`, else asked of the metadata service).
    #[arg(long, env = "EIAM_SYNC_PROXY_ECS_ROLE_NAME")]
    pub ecs_role_name: Option<String>,

    /// Base URL of the ECS instance metadata service (used only for the ECS RAM role).
    #[arg(
        long,
        env = "EIAM_SYNC_PROXY_ECS_METADATA_URL",
        default_value = "http://100.100.100.200"
    )]
    pub ecs_metadata_url: String,

    /// Log line format on stderr (the level comes from `RUST_LOG`, default `info`).
    #[arg(
        long,
        env = "EIAM_SYNC_PROXY_LOG_FORMAT",
        value_enum,
        default_value = "text"
    )]
    pub log_format: LogFormat,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_definition_is_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn defaults_match_the_documented_ones() {
        let args = Args::try_parse_from(["eiam-sync-proxy"]).expect("defaults parse");
        assert_eq!(args.listen, "127.0.0.1:8787");
        assert_eq!(args.region, "cn-hangzhou");
        assert_eq!(args.allow_action, DEFAULT_ACTIONS.map(String::from));
        assert_eq!(args.max_request_bytes, 16384);
        assert_eq!(args.timeout_ms, 10_000);
        assert_eq!(args.rate_limit, 20);
        assert_eq!(args.credentials, None);
    }

    #[test]
    fn repeated_flags_accumulate() {
        let args = Args::try_parse_from([
            "eiam-sync-proxy",
            "--allow-action",
            "GetSynchronizationJob",
            "--allow-origin",
            "https://a.example",
            "--allow-origin",
            "https://b.example",
            "--credentials",
            "ecs-ram-role",
        ])
        .expect("parses");
        assert_eq!(args.allow_action, ["GetSynchronizationJob"]);
        assert_eq!(
            args.allow_origin,
            ["https://a.example", "https://b.example"]
        );
        assert_eq!(args.credentials, Some(CredentialsSource::EcsRamRole));
    }
}
