//! Command-line flags; each has an `EIAM_EMULATOR_*` environment variable.

use crate::faults::FaultConfig;
use crate::generate::{GeneratorOptions, DEFAULT_NOW_MS};
use crate::signature::Credentials;
use clap::Parser;
use std::net::SocketAddr;
use std::path::PathBuf;

/// The demo AccessKey ID. Demo only: the emulator is a loopback test double.
pub const DEMO_ACCESS_KEY_ID: &str = "emulator-access-key-id";
/// The demo AccessKey secret. Demo only, never a real credential.
pub const DEMO_ACCESS_KEY_SECRET: &str = "emulator-access-key-secret";

/// A local stand-in for the Alibaba Cloud IDaaS (eiam 2021-12-01)
/// synchronization API, for demos and tests.
#[derive(Parser, Clone)]
#[command(name = "eiam-emulator", version, about, long_about = None)]
pub struct Cli {
    /// Address to listen on (port 0 picks a free port; the chosen address is
    /// printed on stdout as `eiam-emulator listening on http://ADDR`).
    #[arg(long, env = "EIAM_EMULATOR_LISTEN", default_value = "127.0.0.1:9797")]
    pub listen: SocketAddr,

    /// Allow a non-loopback listen address (the emulator uses demo keys: don't).
    #[arg(long, env = "EIAM_EMULATOR_ALLOW_NON_LOOPBACK")]
    pub allow_non_loopback: bool,

    /// Region in the error bodies' HostId (`eiam.<region>.aliyuncs.com`).
    #[arg(long, env = "EIAM_EMULATOR_REGION", default_value = "cn-hangzhou", value_parser = region)]
    pub region: String,

    /// AccessKey ID requests must be signed with (demo value by default).
    #[arg(long, env = "EIAM_EMULATOR_ACCESS_KEY_ID", default_value = DEMO_ACCESS_KEY_ID)]
    pub access_key_id: String,

    /// AccessKey secret requests must be signed with (demo value by default).
    #[arg(long, env = "EIAM_EMULATOR_ACCESS_KEY_SECRET", default_value = DEMO_ACCESS_KEY_SECRET, hide_env_values = true)]
    pub access_key_secret: String,

    /// Require this STS token in a signed `x-acs-security-token` header
    /// (without it, requests must not carry one).
    #[arg(long, env = "EIAM_EMULATOR_SECURITY_TOKEN", hide_env_values = true)]
    pub security_token: Option<String>,

    /// Seed of the generated data, request ids and fault rolls.
    #[arg(long, env = "EIAM_EMULATOR_SEED", default_value_t = 1)]
    pub seed: u64,

    /// "Now" of the generated data in epoch milliseconds (default 2026-01-01T00:00:00Z).
    #[arg(long, env = "EIAM_EMULATOR_NOW_MS", default_value_t = DEFAULT_NOW_MS)]
    pub now_ms: u64,

    /// Jobs per instance.
    #[arg(long, env = "EIAM_EMULATOR_JOBS", default_value_t = 500,
          value_parser = clap::value_parser!(u64).range(0..=1_000_000))]
    pub jobs: u64,

    /// IDaaS instances.
    #[arg(long, env = "EIAM_EMULATOR_INSTANCES", default_value_t = 1,
          value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub instances: u64,

    /// Identity providers per instance (each has a push and a pull configuration).
    #[arg(long, env = "EIAM_EMULATOR_IDENTITY_PROVIDERS", default_value_t = 4,
          value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub identity_providers: u64,

    /// Applications per instance.
    #[arg(long, env = "EIAM_EMULATOR_APPLICATIONS", default_value_t = 3,
          value_parser = clap::value_parser!(u64).range(0..=1000))]
    pub applications: u64,

    /// JSON file of extra jobs and configurations (see README).
    #[arg(long, env = "EIAM_EMULATOR_DATA_FILE")]
    pub data_file: Option<PathBuf>,

    /// Milliseconds to sleep before answering each API request.
    #[arg(long, env = "EIAM_EMULATOR_LATENCY_MS", default_value_t = 0,
          value_parser = clap::value_parser!(u64).range(0..=600_000))]
    pub latency_ms: u64,

    /// Share (0..1) of API requests answered 503 ServiceUnavailable.
    #[arg(long, env = "EIAM_EMULATOR_FAIL_RATE", default_value_t = 0.0, value_parser = rate)]
    pub fail_rate: f64,

    /// Requests allowed per wall-clock second; more get 429 Throttling.User.
    #[arg(long, env = "EIAM_EMULATOR_THROTTLE_RPS",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub throttle_rps: Option<u32>,

    /// Share (0..1) of 200 answers whose JSON body is cut in half.
    #[arg(long, env = "EIAM_EMULATOR_TRUNCATE_RATE", default_value_t = 0.0, value_parser = rate)]
    pub truncate_rate: f64,

    /// Share (0..1) of 200 answers whose connection is reset mid-body.
    #[arg(long, env = "EIAM_EMULATOR_RESET_RATE", default_value_t = 0.0, value_parser = rate)]
    pub reset_rate: f64,

    /// Log filter (tracing-subscriber syntax: `info`, `debug`, `eiam_emulator=debug`).
    #[arg(long, env = "EIAM_EMULATOR_LOG", default_value = "info")]
    pub log: String,
}

/// A share between 0 and 1.
fn rate(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .parse()
        .map_err(|_| format!("{text:?} is not a number"))?;
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{value} is not between 0 and 1"))
    }
}

/// A region ID: lowercase letters, digits and hyphens.
fn region(text: &str) -> Result<String, String> {
    let valid = !text.is_empty()
        && text.len() <= 64
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if valid {
        Ok(text.to_owned())
    } else {
        Err(format!("{text:?} is not a region ID like cn-hangzhou"))
    }
}

fn size(value: u64) -> usize {
    usize::try_from(value).unwrap_or(usize::MAX)
}

impl Cli {
    /// The generator options these flags ask for.
    pub fn generator_options(&self) -> GeneratorOptions {
        GeneratorOptions {
            seed: self.seed,
            now_ms: self.now_ms,
            instances: size(self.instances),
            jobs_per_instance: size(self.jobs),
            identity_providers: size(self.identity_providers),
            applications: size(self.applications),
        }
    }

    /// The fault options these flags ask for.
    pub fn fault_config(&self) -> FaultConfig {
        FaultConfig {
            seed: self.seed,
            latency_ms: self.latency_ms,
            fail_rate: self.fail_rate,
            throttle_rps: self.throttle_rps,
            truncate_rate: self.truncate_rate,
            reset_rate: self.reset_rate,
        }
    }

    /// The key pair and token requests must be signed with.
    pub fn credentials(&self) -> Credentials {
        Credentials {
            access_key_id: self.access_key_id.clone(),
            access_key_secret: self.access_key_secret.clone(),
            security_token: self.security_token.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let cli = Cli::try_parse_from(["eiam-emulator"]).unwrap();
        assert_eq!(cli.listen.to_string(), "127.0.0.1:9797");
        assert_eq!(cli.generator_options(), GeneratorOptions::default());
        assert_eq!(cli.access_key_id, DEMO_ACCESS_KEY_ID);
        assert_eq!(cli.fault_config().throttle_rps, None);
    }

    #[test]
    fn refuses_bad_values() {
        for args in [
            &["x", "--fail-rate", "1.5"][..],
            &["x", "--reset-rate", "nan"],
            &["x", "--region", "cn hangzhou"],
            &["x", "--instances", "0"],
            &["x", "--throttle-rps", "0"],
            &["x", "--listen", "localhost:80"],
        ] {
            assert!(Cli::try_parse_from(args).is_err(), "{args:?}");
        }
    }
}
