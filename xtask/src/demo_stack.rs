//! The services behind `cargo xtask demo`: an `eiam-emulator` with a seeded
//! month of jobs plus `xtask/demo-data.json` (deliberately invalid
//! configurations, a job over its deletion thresholds, and hostile strings
//! for the XSS tests), and an `eiam-sync-proxy` that signs with the
//! emulator's demo keys and allows only the console's origin. Everything
//! listens on 127.0.0.1; dropping the [`DemoStack`] stops both.

use crate::children::{proxy_command, scrubbed, ProcessGroup};
use crate::http_get::http_get;
use crate::services;
use crate::workspace::Workspace;
use anyhow::{bail, Context, Result};
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::path::PathBuf;

/// The data file added to the generated month, relative to the repository.
pub const DEMO_DATA_FILE: &str = "xtask/demo-data.json";
/// Seed of the generated data (the data file names this seed's instance).
const SEED: &str = "1";
/// Generated jobs: a month of a mid-sized tenant.
const JOBS: &str = "500";

/// The running emulator and proxy, and what the console needs to know.
pub struct DemoStack {
    processes: ProcessGroup,
    /// The proxy's address (the console's `proxyUrl`).
    pub proxy: SocketAddr,
    /// The emulator's address (the tests read its catalog; the page never calls it).
    pub emulator: SocketAddr,
    /// The one instance the emulator serves.
    pub instance_id: String,
    /// Its identity providers, generated and from the data file.
    pub identity_providers: Vec<String>,
    /// Its jobs, generated and from the data file.
    pub job_count: u64,
}

/// How the stack is started.
pub struct StackOptions {
    /// The console's origin (`http://127.0.0.1:port`), the only one the proxy allows.
    pub page_origin: String,
    /// The proxy's `--rate-limit` (requests per second per caller; `0` is
    /// off); `None` keeps the proxy's default.
    pub rate_limit: Option<&'static str>,
    /// Start the processes in their own process group, so that a Ctrl-C in the
    /// terminal reaches only `demo`, which then stops them itself.
    pub own_process_group: bool,
}

impl DemoStack {
    /// Starts the emulator, reads its catalog, then starts the proxy in front of it.
    pub fn start(ws: &Workspace, options: &StackOptions) -> Result<DemoStack> {
        let (emulator_bin, proxy_bin) = services::binaries(ws)?;
        let data_file = data_file(ws)?;
        let mut processes = ProcessGroup::new(ws.target_dir.join("demo-services"))?;
        processes.set_own_process_group(options.own_process_group);

        let mut cmd = scrubbed(&emulator_bin);
        cmd.args(["--listen", "127.0.0.1:0", "--log", "warn"])
            .args(["--seed", SEED, "--jobs", JOBS])
            .arg("--data-file")
            .arg(&data_file);
        let stdout = processes.spawn(cmd, "emulator.log")?;
        let emulator = processes.listening("the emulator", stdout)?;
        let (instance_id, identity_providers, job_count) = catalog(emulator)?;

        let mut cmd = proxy_command(&proxy_bin, emulator, options.rate_limit);
        cmd.args(["--allow-origin", &options.page_origin]);
        let stdout = processes.spawn(cmd, "proxy.log")?;
        let proxy = processes.listening("the proxy", stdout)?;
        println!(
            "demo: emulator http://{emulator} ({job_count} jobs in {instance_id}), proxy http://{proxy} (logs in {})",
            processes.logs().display()
        );
        Ok(DemoStack {
            processes,
            proxy,
            emulator,
            instance_id,
            identity_providers,
            job_count,
        })
    }

    /// The JSON the console reads from `/console-config.json`.
    pub fn console_config(&self) -> String {
        json!({
            "proxyUrl": format!("http://{}", self.proxy),
            "instanceId": self.instance_id,
            "identityProviders": self.identity_providers,
        })
        .to_string()
    }

    /// Fails when the emulator or the proxy has exited.
    pub fn check_alive(&mut self) -> Result<()> {
        self.processes.check_alive()
    }
}

/// The data file's absolute path.
pub fn data_file(ws: &Workspace) -> Result<PathBuf> {
    let path = ws.path(DEMO_DATA_FILE);
    path.canonicalize()
        .with_context(|| format!("{} is missing", path.display()))
}

/// The instance, its identity providers and its job count, from
/// `/_emulator/catalog`. There must be exactly one instance: a second one
/// means the data file names an instance the seed does not generate.
fn catalog(emulator: SocketAddr) -> Result<(String, Vec<String>, u64)> {
    let answer = http_get(emulator, "/_emulator/catalog").context("GET /_emulator/catalog")?;
    if answer.status != 200 {
        bail!("the emulator's catalog answered HTTP {}", answer.status);
    }
    let catalog: Value = serde_json::from_slice(&answer.body).context("the catalog is not JSON")?;
    let instances = catalog["instances"]
        .as_array()
        .context("the catalog has no instances")?;
    let [instance] = instances.as_slice() else {
        bail!(
            "the emulator serves {} instances, expected 1: does {DEMO_DATA_FILE} name the instance of seed {SEED}?",
            instances.len()
        );
    };
    let id = instance["InstanceId"]
        .as_str()
        .context("the catalog's instance has no InstanceId")?;
    let providers = instance["IdentityProviders"]
        .as_array()
        .context("the catalog's instance has no IdentityProviders")?
        .iter()
        .filter_map(|p| p.as_str().map(str::to_owned))
        .collect();
    let jobs = instance["JobCount"]
        .as_u64()
        .context("the catalog's instance has no JobCount")?;
    Ok((id.to_owned(), providers, jobs))
}
