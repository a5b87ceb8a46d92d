//! The processes under test: building them, starting the emulator and the
//! proxy on loopback ports, stopping them (a drop guard), and reading their
//! memory and CPU time from `/proc`.

use crate::children::{listening_on, proxy_command, scrubbed, spawn_logged};
use crate::process;
use crate::workspace::Workspace;
use anyhow::Result;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The proxy's package and binary name.
pub const PROXY: &str = "eiam-sync-proxy";
/// The emulator's package and binary name.
pub const EMULATOR: &str = "eiam-emulator";

/// `cargo`, without the variables `cargo run` (so `cargo xtask`) sets for
/// xtask itself. Build scripts that track them (`ring`'s tracks
/// `CARGO_PKG_NAME` and `CARGO_MANIFEST_DIR`) would otherwise see xtask's
/// values, and the release binaries would be rebuilt each time they are built
/// alternately from a shell and from here.
pub fn cargo() -> Command {
    let mut cmd = Command::new("cargo");
    for (key, _) in std::env::vars_os() {
        let text = key.to_string_lossy();
        if text.starts_with("CARGO_PKG_")
            || text.starts_with("CARGO_MANIFEST_")
            || [
                "CARGO_CRATE_NAME",
                "CARGO_BIN_NAME",
                "CARGO_PRIMARY_PACKAGE",
            ]
            .contains(&&*text)
        {
            cmd.env_remove(&key);
        }
    }
    cmd
}

/// Builds both binaries and xtask with the (speed-oriented) release profile
/// and returns the directory they are in.
///
/// Always the three together, so the features of their shared dependencies
/// are unified the same way each time: built apart, the shared crates would
/// be rebuilt at every switch between the two sets.
pub fn build(ws: &Workspace) -> Result<PathBuf> {
    let mut cmd = cargo();
    cmd.current_dir(&ws.root).args([
        "build",
        "--release",
        "-p",
        "xtask",
        "-p",
        PROXY,
        "-p",
        EMULATOR,
    ]);
    process::run(&mut cmd)?;
    Ok(ws.target_dir.join("release"))
}

/// A started server: killed (and reaped) when dropped.
pub struct Server {
    /// Where it listens.
    pub addr: SocketAddr,
    /// Its stderr (logs), for a look after a failure.
    pub log: PathBuf,
    child: Child,
}

impl Server {
    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the emulator: loopback, any free port, default demo keys, 500 jobs,
/// logs at `warn` into `<out_dir>/eiam-emulator.log`.
pub fn start_emulator(bin_dir: &Path, out_dir: &Path) -> Result<Server> {
    let mut cmd = scrubbed(&bin_dir.join(EMULATOR));
    cmd.args(["--listen", "127.0.0.1:0", "--jobs", "500", "--log", "warn"]);
    start(EMULATOR, cmd, out_dir)
}

/// Starts the proxy in front of the emulator at `upstream` as the other stacks
/// do ([`proxy_command`]), with the rate limit off.
pub fn start_proxy(bin_dir: &Path, out_dir: &Path, upstream: SocketAddr) -> Result<Server> {
    let cmd = proxy_command(&bin_dir.join(PROXY), upstream, Some("0"));
    start(PROXY, cmd, out_dir)
}

fn start(name: &'static str, mut cmd: Command, out_dir: &Path) -> Result<Server> {
    let log = out_dir.join(format!("{name}.log"));
    println!("$ {} 2> {}", process::describe(&cmd), log.display());
    let (child, stdout) = spawn_logged(&mut cmd, &log)?;
    // Built first, so the child is stopped (Drop) if it never says where it listens.
    let mut server = Server {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        log,
        child,
    };
    server.addr = listening_on(name, stdout, out_dir)?;
    println!(
        "bench proxy: {name} pid {} on {}",
        server.pid(),
        server.addr
    );
    Ok(server)
}

/// A field of `/proc/<pid>/status` in kB (`VmRSS`, `VmHWM`).
pub fn status_kb(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status_field_kb(&status, field)
}

fn status_field_kb(status: &str, field: &str) -> Option<u64> {
    status.lines().find_map(|line| {
        let value = line.strip_prefix(field)?.strip_prefix(':')?;
        value.trim().strip_suffix("kB")?.trim().parse().ok()
    })
}

/// User plus system CPU time of a process, in clock ticks (`/proc/<pid>/stat`).
pub fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat_cpu_ticks(&stat)
}

fn stat_cpu_ticks(stat: &str) -> Option<u64> {
    // The command name (field 2) may hold spaces; fields 14 and 15 follow its `)`.
    let (_, rest) = stat.rsplit_once(')')?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    Some(user + system)
}

/// Clock ticks per second (`getconf CLK_TCK`, 100 when it cannot be asked).
pub fn ticks_per_second() -> f64 {
    process::probe(Command::new("getconf").arg("CLK_TCK"))
        .and_then(|text| text.trim().parse::<f64>().ok())
        .filter(|ticks| *ticks > 0.0)
        .unwrap_or(100.0)
}

/// One `VmRSS` reading: seconds since the sampler started, and kB.
pub type RssSample = (f64, u64);

/// Samples a process's `VmRSS` every 100 ms on a thread of its own.
pub struct RssSampler {
    stop: Arc<AtomicBool>,
    thread: JoinHandle<Vec<RssSample>>,
}

impl RssSampler {
    /// Starts sampling `pid`.
    pub fn start(pid: u32) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let started = Instant::now();
        let flag = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let mut samples = Vec::new();
            while !flag.load(Ordering::Relaxed) {
                if let Some(kb) = status_kb(pid, "VmRSS") {
                    samples.push((started.elapsed().as_secs_f64(), kb));
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            samples
        });
        RssSampler { stop, thread }
    }

    /// Stops sampling and returns the series.
    pub fn finish(self) -> Vec<RssSample> {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.join().unwrap_or_default()
    }
}

/// What the machine is and how busy it was.
#[derive(Debug, Clone, Default)]
pub struct Machine {
    /// Logical CPUs available to this process.
    pub cpus: usize,
    /// `model name` of `/proc/cpuinfo`.
    pub cpu_model: String,
    /// The kernel release.
    pub kernel: String,
    /// `/proc/loadavg`'s first three fields before the run.
    pub load_before: String,
    /// The same after the run.
    pub load_after: String,
    /// CPUs kept busy on average by everything but the load generator, the
    /// proxy and the emulator during the open-loop phase (other programs, the
    /// kernel's own work, time stolen by a hypervisor).
    pub others_busy_cpus: Option<f64>,
}

impl Machine {
    /// Reads everything but `load_after`.
    pub fn read() -> Self {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu_model = cpuinfo
            .lines()
            .find_map(|line| line.strip_prefix("model name"))
            .and_then(|rest| rest.split_once(':'))
            .map(|(_, model)| model.trim().to_owned())
            .unwrap_or_else(|| "unknown".to_owned());
        Machine {
            cpus: std::thread::available_parallelism().map_or(1, usize::from),
            cpu_model,
            kernel: std::fs::read_to_string("/proc/sys/kernel/osrelease")
                .map(|text| text.trim().to_owned())
                .unwrap_or_default(),
            load_before: load_average(),
            load_after: String::new(),
            others_busy_cpus: None,
        }
    }
}

/// Busy and total clock ticks of all CPUs together, from `/proc/stat`.
pub fn machine_ticks() -> Option<(u64, u64)> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    cpu_line_ticks(stat.lines().next()?)
}

fn cpu_line_ticks(line: &str) -> Option<(u64, u64)> {
    let mut fields = line.split_whitespace();
    if fields.next()? != "cpu" {
        return None;
    }
    // user nice system idle iowait irq softirq steal
    let values: Vec<u64> = fields
        .take(8)
        .map(|v| v.parse().ok())
        .collect::<Option<_>>()?;
    let [user, nice, system, idle, iowait, irq, softirq, steal] = values[..] else {
        return None;
    };
    let busy = user + nice + system + irq + softirq + steal;
    Some((busy, busy + idle + iowait))
}

/// The 1, 5 and 15 minute load averages.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_proc_fields() {
        let status = "Name:\tx\nVmHWM:\t   12345 kB\nVmRSS:\t    2048 kB\n";
        assert_eq!(status_field_kb(status, "VmHWM"), Some(12345));
        assert_eq!(status_field_kb(status, "VmRSS"), Some(2048));
        assert_eq!(status_field_kb(status, "VmSwap"), None);
        let stat = "42 (a (b) c) S 1 42 42 0 -1 4194560 100 0 0 0 7 3 0 0 20 0 1 0 5 0";
        assert_eq!(stat_cpu_ticks(stat), Some(10));
        assert!(status_kb(std::process::id(), "VmRSS").is_some());
        assert_eq!(
            cpu_line_ticks("cpu  10 1 5 80 4 0 2 3 0 0"),
            Some((21, 105))
        );
        assert_eq!(cpu_line_ticks("cpu0 1 2 3 4 5 6 7 8"), None);
    }
}
