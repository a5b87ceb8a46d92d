//! The AccessKey the proxy signs with: loaded from one source, cached, and
//! refreshed in the background before it expires. Never printed: the `Debug`
//! of [`Credentials`] hides the secret and the token.
//!
//! Sources, as the official SDKs name them: the environment
//! (`ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET`,
//! optionally `ALIBABA_CLOUD_SECURITY_TOKEN`), the CLI profile file
//! ([`profile`]), and the ECS RAM role ([`ecs`], only when asked for).

pub mod ecs;
pub mod profile;

use crate::cli::CredentialsSource;
use crate::config::{ConfigError, CredentialsConfig};
use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

/// An AccessKey pair, with an STS token and its expiry when temporary.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    access_key_id: String,
    access_key_secret: String,
    security_token: Option<String>,
    expires_at: Option<SystemTime>,
}

impl Credentials {
    /// Credentials from their parts (values trimmed; an empty token is none).
    pub fn new(
        access_key_id: &str,
        access_key_secret: &str,
        security_token: Option<&str>,
        expires_at: Option<SystemTime>,
    ) -> Self {
        Credentials {
            access_key_id: access_key_id.trim().to_owned(),
            access_key_secret: access_key_secret.trim().to_owned(),
            security_token: security_token
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned),
            expires_at,
        }
    }

    /// The AccessKey id (sent in `Authorization`'s `Credential`).
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// The AccessKey secret (only ever used as the HMAC key).
    pub fn access_key_secret(&self) -> &str {
        &self.access_key_secret
    }

    /// The STS token, sent and signed as `x-acs-security-token`.
    pub fn security_token(&self) -> Option<&str> {
        self.security_token.as_deref()
    }

    /// When temporary credentials stop working.
    pub fn expires_at(&self) -> Option<SystemTime> {
        self.expires_at
    }

    /// Whether they are still usable at `now` (a minute of margin).
    pub fn is_usable_at(&self, now: SystemTime) -> bool {
        self.expires_at
            .is_none_or(|expiry| now + Duration::from_secs(60) < expiry)
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("access_key_secret", &"<redacted>")
            .field(
                "security_token",
                &self.security_token.as_ref().map(|_| "<redacted>"),
            )
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// Environment variable names.
const ENV_ID: &str = "ALIBABA_CLOUD_ACCESS_KEY_ID";
const ENV_SECRET: &str = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
const ENV_TOKEN: &str = "ALIBABA_CLOUD_SECURITY_TOKEN";
const ENV_PROFILE: &str = "ALIBABA_CLOUD_PROFILE";
const ENV_CONFIG_FILE: &str = "ALIBABA_CLOUD_CONFIG_FILE";
const ENV_ECS_ROLE: &str = "ALIBABA_CLOUD_ECS_METADATA";

/// How often a profile file is read again (an StsToken profile gets rotated).
const PROFILE_REREAD: Duration = Duration::from_secs(60);
/// How long before expiry temporary credentials are replaced.
const REFRESH_MARGIN: Duration = Duration::from_secs(5 * 60);
/// Wait after a failed refresh.
const RETRY_AFTER_FAILURE: Duration = Duration::from_secs(10);

/// The one source the proxy reads, resolved from configuration and environment.
#[derive(Debug, Clone)]
pub enum Source {
    /// Fixed credentials from the environment.
    Env(Credentials),
    /// A profile of the CLI profile file, read again every minute.
    Profile {
        /// The file.
        path: PathBuf,
        /// The profile (`None`: the file's `current`).
        name: Option<String>,
    },
    /// The ECS RAM role.
    EcsRamRole(ecs::MetadataClient),
}

/// Reads credentials from the environment, if the id and secret are both set.
fn from_env(env: &dyn Fn(&str) -> Option<String>) -> Result<Option<Credentials>, ConfigError> {
    match (env(ENV_ID), env(ENV_SECRET)) {
        (Some(id), Some(secret)) => Ok(Some(Credentials::new(
            &id,
            &secret,
            env(ENV_TOKEN).as_deref(),
            None,
        ))),
        (None, None) => Ok(None),
        _ => Err(ConfigError(format!(
            "set both {ENV_ID} and {ENV_SECRET}, or neither"
        ))),
    }
}

impl Source {
    /// Picks the source: `--credentials` when given; otherwise the environment,
    /// then the ECS RAM role when `ALIBABA_CLOUD_ECS_METADATA` names one, then
    /// the profile file. `env` reads an environment variable (empty is unset).
    ///
    /// # Errors
    ///
    /// The chosen source cannot be used, or no source is configured at all.
    pub fn resolve(
        config: &CredentialsConfig,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Source, ConfigError> {
        let profile_path = || {
            config
                .profile_file
                .clone()
                .or_else(|| env(ENV_CONFIG_FILE).map(PathBuf::from))
                .or_else(|| profile::default_path(env("HOME").as_deref()))
        };
        let profile_source = || match profile_path() {
            Some(path) => Ok(Source::Profile {
                path,
                name: config.profile.clone().or_else(|| env(ENV_PROFILE)),
            }),
            None => Err(ConfigError(
                "no profile file: set HOME, ALIBABA_CLOUD_CONFIG_FILE or --profile-file".into(),
            )),
        };
        let ecs_source = |role: Option<String>| {
            ecs::MetadataClient::new(config.ecs_metadata_url.clone(), role)
                .map(Source::EcsRamRole)
                .map_err(|message| ConfigError(format!("ECS RAM role: {message}")))
        };
        match config.source {
            Some(CredentialsSource::Env) => match from_env(env)? {
                Some(credentials) => Ok(Source::Env(credentials)),
                None => Err(ConfigError(format!(
                    "--credentials env: {ENV_ID} and {ENV_SECRET} are not set"
                ))),
            },
            Some(CredentialsSource::Profile) => profile_source(),
            Some(CredentialsSource::EcsRamRole) => {
                ecs_source(config.ecs_role_name.clone().or_else(|| env(ENV_ECS_ROLE)))
            }
            None => {
                if let Some(credentials) = from_env(env)? {
                    return Ok(Source::Env(credentials));
                }
                if let Some(role) = config.ecs_role_name.clone().or_else(|| env(ENV_ECS_ROLE)) {
                    return ecs_source(Some(role));
                }
                match profile_path() {
                    Some(path) if path.exists() => profile_source(),
                    _ => Err(ConfigError(format!(
                        "no credentials: set {ENV_ID} and {ENV_SECRET}, configure a CLI profile \
                         (~/.aliyun/config.json), or use --credentials ecs-ram-role on ECS"
                    ))),
                }
            }
        }
    }

    /// A short name for logs.
    pub fn describe(&self) -> String {
        match self {
            Source::Env(_) => "environment".to_owned(),
            Source::Profile { path, name } => format!(
                "profile {} of {}",
                name.as_deref().unwrap_or("(current)"),
                path.display()
            ),
            Source::EcsRamRole(_) => "ECS RAM role".to_owned(),
        }
    }

    /// Loads credentials now.
    ///
    /// # Errors
    ///
    /// What went wrong, without any secret.
    pub async fn load(&self) -> Result<Credentials, String> {
        match self {
            Source::Env(credentials) => Ok(credentials.clone()),
            Source::Profile { path, name } => profile::load(path, name.as_deref()),
            Source::EcsRamRole(client) => client.fetch().await,
        }
    }

    /// How long to keep `credentials` before loading again; `None`: forever.
    pub fn refresh_after(&self, credentials: &Credentials, now: SystemTime) -> Option<Duration> {
        match self {
            Source::Env(_) => None,
            Source::Profile { .. } => Some(PROFILE_REREAD),
            Source::EcsRamRole(_) => Some(refresh_delay(credentials.expires_at(), now)),
        }
    }
}

/// The wait before replacing credentials that expire at `expires_at`:
/// `REFRESH_MARGIN` ahead of expiry, or half the remaining life when that is
/// shorter, and never less than a second.
pub fn refresh_delay(expires_at: Option<SystemTime>, now: SystemTime) -> Duration {
    let Some(expiry) = expires_at else {
        return PROFILE_REREAD;
    };
    let remaining = expiry.duration_since(now).unwrap_or_default();
    let wait = if remaining > REFRESH_MARGIN * 2 {
        remaining.saturating_sub(REFRESH_MARGIN)
    } else {
        remaining / 2
    };
    wait.max(Duration::from_secs(1))
}

/// The cached credentials, shared by all requests.
#[derive(Debug)]
pub struct CredentialStore {
    source: Source,
    current: RwLock<Option<Arc<Credentials>>>,
}

impl CredentialStore {
    /// A store that has loaded nothing yet.
    pub fn new(source: Source) -> Arc<Self> {
        Arc::new(CredentialStore {
            source,
            current: RwLock::new(None),
        })
    }

    /// The source.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The current credentials, when loaded and not expired.
    pub fn current(&self) -> Option<Arc<Credentials>> {
        let guard = self
            .current
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        guard
            .as_ref()
            .filter(|c| c.is_usable_at(SystemTime::now()))
            .cloned()
    }

    /// Replaces the cached credentials.
    fn store(&self, credentials: Credentials) {
        let mut guard = self
            .current
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *guard = Some(Arc::new(credentials));
    }

    /// Loads once and caches; returns when to load again.
    ///
    /// # Errors
    ///
    /// The load failed (the old credentials, if any, stay).
    pub async fn refresh(&self) -> Result<Option<Duration>, String> {
        let credentials = self.source.load().await?;
        let next = self.source.refresh_after(&credentials, SystemTime::now());
        self.store(credentials);
        Ok(next)
    }

    /// Keeps the credentials fresh until the process ends, starting after `first_wait`.
    pub async fn refresh_forever(self: Arc<Self>, first_wait: Option<Duration>) {
        let mut wait = first_wait;
        while let Some(delay) = wait {
            tokio::time::sleep(delay).await;
            wait = match self.refresh().await {
                Ok(next) => {
                    tracing::debug!(source = %self.source.describe(), "credentials refreshed");
                    next
                }
                Err(message) => {
                    tracing::warn!(source = %self.source.describe(), error = %message, "credentials refresh failed; retrying");
                    Some(RETRY_AFTER_FAILURE)
                }
            };
        }
    }
}

#[cfg(test)]
mod tests;
