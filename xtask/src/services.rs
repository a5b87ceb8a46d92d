//! The processes the client's tests talk to: one `eiam-emulator` +
//! `eiam-sync-proxy` pair per scenario (normal, each fault, throttling), all
//! on 127.0.0.1 with ephemeral ports, the proxy signing with the emulator's
//! demo keys. [`Services`] stops every process when dropped, so a step that
//! fails (or panics) leaves nothing running.
//!
//! The tests learn the addresses from one environment variable,
//! [`SERVICES_ENV`], holding JSON:
//! `{"normal":{"proxy":"http://127.0.0.1:p","emulator":"http://127.0.0.1:e"},...,"closed":"http://127.0.0.1:c"}`
//! (`closed`: a loopback port nothing listens on, for network failures).
//! The wasm tests read it at build time (`option_env!`), the Node suite at run time.

use crate::children::{proxy_command, scrubbed, ProcessGroup};
use crate::workspace::Workspace;
use anyhow::{bail, Context, Result};
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;

/// The environment variable the tests read the addresses from.
pub const SERVICES_ENV: &str = "EIAM_SYNC_TEST_SERVICES";

/// Jobs of the scenarios whose lists are compared with the normal one: the
/// same seed and size give the same data in every emulator.
const LIST_JOBS: &str = "1200";

/// One emulator + proxy pair.
struct Scenario {
    /// The key in the JSON.
    name: &'static str,
    /// Emulator flags besides `--listen` and `--log`.
    emulator: &'static [&'static str],
    /// The proxy's `--rate-limit` (`0`: off).
    proxy_rate_limit: &'static str,
}

const SCENARIOS: [Scenario; 8] = [
    // Every operation, listAll over 1,200 jobs, validation, non-retryable errors.
    Scenario {
        name: "normal",
        emulator: &["--jobs", LIST_JOBS],
        proxy_rate_limit: "0",
    },
    // 503 ServiceUnavailable on 30% of the calls.
    Scenario {
        name: "flaky",
        emulator: &["--jobs", LIST_JOBS, "--fail-rate", "0.3"],
        proxy_rate_limit: "0",
    },
    // 200 answers cut in half (a body that ends early: parse code `eof`).
    Scenario {
        name: "truncating",
        emulator: &["--jobs", LIST_JOBS, "--truncate-rate", "0.3"],
        proxy_rate_limit: "0",
    },
    // Connections reset mid-body (the proxy answers 502).
    Scenario {
        name: "resetting",
        emulator: &["--jobs", LIST_JOBS, "--reset-rate", "0.3"],
        proxy_rate_limit: "0",
    },
    // One request per wall-clock second; beyond it 429 Throttling.User with TimeLeft.
    Scenario {
        name: "throttled",
        emulator: &["--jobs", "50", "--throttle-rps", "1"],
        proxy_rate_limit: "0",
    },
    // Answers after 3 s, beyond the tests' per-attempt time-outs.
    Scenario {
        name: "slow",
        emulator: &["--jobs", "50", "--latency-ms", "3000"],
        proxy_rate_limit: "0",
    },
    // Every call fails (503): persistent failure.
    Scenario {
        name: "down",
        emulator: &["--jobs", "50", "--fail-rate", "1"],
        proxy_rate_limit: "0",
    },
    // The proxy's own limit, 1 request per second: 429 Throttling.Proxy with Retry-After.
    Scenario {
        name: "proxyLimited",
        emulator: &["--jobs", "50"],
        proxy_rate_limit: "1",
    },
];

/// The running pairs. Dropping it stops every process.
pub struct Services {
    json: String,
    processes: ProcessGroup,
}

impl Services {
    /// Starts every scenario's pair from the debug binaries (built by the
    /// `cargo build (binaries)` step). `allow_origin` is the browser test
    /// page's origin, added to each proxy's CORS list.
    pub fn start(ws: &Workspace, allow_origin: Option<&str>) -> Result<Services> {
        let (emulator_bin, proxy_bin) = binaries(ws)?;
        let mut services = Services {
            json: String::new(),
            processes: ProcessGroup::new(ws.target_dir.join("client-test-services"))?,
        };

        // All emulators first, then all proxies: the starts overlap.
        let mut pending = Vec::new();
        for scenario in &SCENARIOS {
            let mut cmd = scrubbed(&emulator_bin);
            cmd.args(["--listen", "127.0.0.1:0", "--log", "warn"])
                .args(scenario.emulator);
            let log = format!("{}-emulator.log", scenario.name);
            pending.push(services.processes.spawn(cmd, &log)?);
        }
        let mut emulators = Vec::new();
        for (scenario, stdout) in SCENARIOS.iter().zip(pending) {
            let what = format!("the {} emulator", scenario.name);
            emulators.push(services.processes.listening(&what, stdout)?);
        }
        let mut pending = Vec::new();
        for (scenario, emulator) in SCENARIOS.iter().zip(&emulators) {
            let mut cmd = proxy_command(&proxy_bin, *emulator, Some(scenario.proxy_rate_limit));
            if let Some(origin) = allow_origin {
                cmd.args(["--allow-origin", origin]);
            }
            let log = format!("{}-proxy.log", scenario.name);
            pending.push(services.processes.spawn(cmd, &log)?);
        }
        let mut entries = Vec::new();
        for ((scenario, stdout), emulator) in SCENARIOS.iter().zip(pending).zip(&emulators) {
            let proxy = services
                .processes
                .listening(&format!("the {} proxy", scenario.name), stdout)?;
            entries.push(format!(
                "\"{}\":{{\"proxy\":\"http://{proxy}\",\"emulator\":\"http://{emulator}\"}}",
                scenario.name
            ));
        }
        entries.push(format!("\"closed\":\"http://{}\"", closed_port_address()?));
        services.json = format!("{{{}}}", entries.join(","));
        println!(
            "started {} emulator + proxy pairs on 127.0.0.1 (logs in {})",
            SCENARIOS.len(),
            services.processes.logs().display()
        );
        Ok(services)
    }

    /// The JSON for [`SERVICES_ENV`].
    pub fn json(&self) -> &str {
        &self.json
    }
}

/// The debug binaries of the emulator and the proxy (built by `cargo build
/// --workspace --bins`, or by `demo` itself).
pub fn binaries(ws: &Workspace) -> Result<(PathBuf, PathBuf)> {
    let bin_dir = ws.target_dir.join("debug");
    let emulator_bin = bin_dir.join("eiam-emulator");
    let proxy_bin = bin_dir.join("eiam-sync-proxy");
    for bin in [&emulator_bin, &proxy_bin] {
        if !bin.is_file() {
            bail!(
                "{} is missing: run `cargo build --workspace --bins` first",
                bin.display()
            );
        }
    }
    Ok((emulator_bin, proxy_bin))
}

/// A free 127.0.0.1 address (the port is released again at once): for the
/// browser test page, whose origin the proxies must know before it exists.
pub fn free_loopback_address() -> Result<SocketAddr> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).context("could not bind 127.0.0.1:0")?;
    listener
        .local_addr()
        .context("could not read the bound address")
}

/// A loopback address nothing listens on (bound, then closed), for the
/// network-failure tests.
fn closed_port_address() -> Result<SocketAddr> {
    free_loopback_address()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scenario_the_tests_use_exists_once() {
        let names: Vec<&str> = SCENARIOS.iter().map(|s| s.name).collect();
        for used in [
            "normal",
            "flaky",
            "truncating",
            "resetting",
            "throttled",
            "slow",
            "down",
            "proxyLimited",
        ] {
            assert_eq!(names.iter().filter(|n| **n == used).count(), 1, "{used}");
        }
        assert!(!names.contains(&"closed"), "`closed` is not a pair");
    }

    #[test]
    fn list_scenarios_share_the_normal_data() {
        for name in ["normal", "flaky", "truncating", "resetting"] {
            let scenario = SCENARIOS.iter().find(|s| s.name == name).expect(name);
            assert_eq!(&scenario.emulator[..2], ["--jobs", LIST_JOBS], "{name}");
            assert!(
                !scenario.emulator.contains(&"--seed"),
                "{name}: the default seed"
            );
        }
    }
}
