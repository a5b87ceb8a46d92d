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

use crate::process;
use crate::workspace::Workspace;
use anyhow::{anyhow, bail, Context, Result};
use std::fs::{self, File};
use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The environment variable the tests read the addresses from.
pub const SERVICES_ENV: &str = "EIAM_SYNC_TEST_SERVICES";

/// The emulator's demo key pair (its defaults; never a real key).
const DEMO_KEY_ID: &str = "emulator-access-key-id";
const DEMO_KEY_SECRET: &str = "emulator-access-key-secret";

/// How long a process may take to print its listening line.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// Jobs of the scenarios whose lists are compared with the normal one: the
/// same seed and size give the same data in every emulator.
const LIST_JOBS: &str = "1200";

/// Environment variables that would change what the processes do.
const SCRUBBED_PREFIXES: [&str; 4] = [
    "EIAM_EMULATOR_",
    "EIAM_SYNC_PROXY_",
    "ALIBABA_CLOUD_",
    "RUST_LOG",
];

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

/// A started process, killed and reaped on drop.
struct Running {
    child: Child,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The running pairs. Dropping it stops every process.
pub struct Services {
    json: String,
    /// Emulators and proxies, stopped in reverse order of start on drop.
    processes: Vec<Running>,
    logs: PathBuf,
}

impl Services {
    /// Starts every scenario's pair from the debug binaries (built by the
    /// `cargo build (binaries)` step). `allow_origin` is the browser test
    /// page's origin, added to each proxy's CORS list.
    pub fn start(ws: &Workspace, allow_origin: Option<&str>) -> Result<Services> {
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
        let logs = ws.target_dir.join("client-test-services");
        fs::create_dir_all(&logs)
            .with_context(|| format!("could not create {}", logs.display()))?;
        let mut services = Services {
            json: String::new(),
            processes: Vec::new(),
            logs,
        };

        // All emulators first, then all proxies: the starts overlap.
        let mut pending = Vec::new();
        for scenario in &SCENARIOS {
            let mut cmd = scrubbed(&emulator_bin);
            cmd.args(["--listen", "127.0.0.1:0", "--log", "warn"])
                .args(scenario.emulator);
            let log = services
                .logs
                .join(format!("{}-emulator.log", scenario.name));
            pending.push(services.spawn(cmd, &log)?);
        }
        let mut emulators = Vec::new();
        for (scenario, stdout) in SCENARIOS.iter().zip(pending) {
            let what = format!("the {} emulator", scenario.name);
            emulators.push(services.listening(&what, stdout)?);
        }
        let mut pending = Vec::new();
        for (scenario, emulator) in SCENARIOS.iter().zip(&emulators) {
            let mut cmd = scrubbed(&proxy_bin);
            cmd.args(["--listen", "127.0.0.1:0", "--credentials", "env"])
                .args(["--rate-limit", scenario.proxy_rate_limit])
                .arg("--upstream-url")
                .arg(format!("http://{emulator}"))
                .env("ALIBABA_CLOUD_ACCESS_KEY_ID", DEMO_KEY_ID)
                .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", DEMO_KEY_SECRET)
                .env("RUST_LOG", "warn");
            if let Some(origin) = allow_origin {
                cmd.args(["--allow-origin", origin]);
            }
            let log = services.logs.join(format!("{}-proxy.log", scenario.name));
            pending.push(services.spawn(cmd, &log)?);
        }
        let mut entries = Vec::new();
        for ((scenario, stdout), emulator) in SCENARIOS.iter().zip(pending).zip(&emulators) {
            let proxy = services.listening(&format!("the {} proxy", scenario.name), stdout)?;
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
            services.logs.display()
        );
        Ok(services)
    }

    /// The JSON for [`SERVICES_ENV`].
    pub fn json(&self) -> &str {
        &self.json
    }

    /// Starts `cmd` with stderr into `log`; returns its stdout.
    fn spawn(&mut self, mut cmd: Command, log: &Path) -> Result<ChildStdout> {
        let stderr =
            File::create(log).with_context(|| format!("could not create {}", log.display()))?;
        let line = process::describe(&cmd);
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .with_context(|| format!("could not start `{line}`"))?;
        let stdout = child.stdout.take();
        self.processes.push(Running { child });
        stdout.ok_or_else(|| anyhow!("`{line}` has no stdout"))
    }

    /// Waits for the `... listening on http://ADDR` line and returns ADDR;
    /// then keeps draining stdout so the process never blocks on it.
    fn listening(&self, what: &str, stdout: ChildStdout) -> Result<SocketAddr> {
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            let _ = sender.send(lines.next().and_then(Result::ok));
            for _ in lines {}
        });
        let first = receiver
            .recv_timeout(START_TIMEOUT)
            .ok()
            .flatten()
            .ok_or_else(|| {
                anyhow!(
                    "{what} did not print its address; see the logs in {}",
                    self.logs.display()
                )
            })?;
        let address = first
            .split_once(" listening on http://")
            .and_then(|(_, address)| address.trim().parse::<SocketAddr>().ok())
            .ok_or_else(|| anyhow!("{what} printed an unexpected first line: {first:?}"))?;
        if !address.ip().is_loopback() {
            bail!("{what} listens on {address}, not on loopback");
        }
        Ok(address)
    }
}

impl Drop for Services {
    fn drop(&mut self) {
        while let Some(running) = self.processes.pop() {
            drop(running);
        }
    }
}

/// A command for `program` without the [`SCRUBBED_PREFIXES`] variables.
fn scrubbed(program: &Path) -> Command {
    let mut cmd = Command::new(program);
    for (key, _) in std::env::vars_os() {
        let name = key.to_string_lossy();
        if SCRUBBED_PREFIXES
            .iter()
            .any(|prefix| name.starts_with(prefix))
        {
            cmd.env_remove(&key);
        }
    }
    cmd
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
