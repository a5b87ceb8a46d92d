//! Child processes that print `... listening on http://ADDR` as their first
//! stdout line (the emulator and the proxy): start them with a scrubbed
//! environment and stderr into a log file, learn their address, and stop
//! every one of them when the [`ProcessGroup`] is dropped, so a step that
//! fails (or panics, or is interrupted) leaves nothing running.

use crate::process;
use anyhow::{anyhow, bail, Context, Result};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// How long a process may take to print its listening line.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// Environment variables that would change what the processes do.
const SCRUBBED_PREFIXES: [&str; 4] = [
    "EIAM_EMULATOR_",
    "EIAM_SYNC_PROXY_",
    "ALIBABA_CLOUD_",
    "RUST_LOG",
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

/// Processes started together; dropping the group stops them, last started first.
pub struct ProcessGroup {
    processes: Vec<Running>,
    logs: PathBuf,
    own_process_group: bool,
}

impl ProcessGroup {
    /// An empty group whose processes log (stderr) into files under `logs`.
    pub fn new(logs: PathBuf) -> Result<Self> {
        std::fs::create_dir_all(&logs)
            .with_context(|| format!("could not create {}", logs.display()))?;
        Ok(ProcessGroup {
            processes: Vec::new(),
            logs,
            own_process_group: false,
        })
    }

    /// Starts later processes in a process group of their own (Unix), so a
    /// Ctrl-C in the terminal does not reach them: for a caller that handles
    /// Ctrl-C and stops them itself. Otherwise they share ours, and die with
    /// it when it is interrupted.
    pub fn set_own_process_group(&mut self, own: bool) {
        self.own_process_group = own;
    }

    /// The directory of the log files.
    pub fn logs(&self) -> &Path {
        &self.logs
    }

    /// Starts `cmd` with stderr into `<logs>/<log_name>`; returns its stdout,
    /// to pass to [`ProcessGroup::listening`].
    pub fn spawn(&mut self, mut cmd: Command, log_name: &str) -> Result<ChildStdout> {
        #[cfg(unix)]
        if self.own_process_group {
            use std::os::unix::process::CommandExt;
            cmd.process_group(0);
        }
        let (child, stdout) = spawn_logged(&mut cmd, &self.logs.join(log_name))?;
        self.processes.push(Running { child });
        Ok(stdout)
    }

    /// Waits for the `... listening on http://ADDR` line and returns ADDR
    /// (which must be a loopback address); then keeps draining stdout so the
    /// process never blocks on it.
    pub fn listening(&self, what: &str, stdout: ChildStdout) -> Result<SocketAddr> {
        listening_on(what, stdout, &self.logs)
    }

    /// Whether every process is still running; names the first that is not.
    pub fn check_alive(&mut self) -> Result<()> {
        for running in &mut self.processes {
            if let Some(status) = running.child.try_wait()? {
                bail!(
                    "a child process (pid {}) exited ({status}); see the logs in {}",
                    running.child.id(),
                    self.logs.display()
                );
            }
        }
        Ok(())
    }
}

impl Drop for ProcessGroup {
    fn drop(&mut self) {
        while let Some(running) = self.processes.pop() {
            drop(running);
        }
    }
}

/// Starts `cmd` with no stdin, stdout piped and stderr into the file `log`;
/// returns the child and its stdout.
pub fn spawn_logged(cmd: &mut Command, log: &Path) -> Result<(Child, ChildStdout)> {
    let stderr =
        File::create(log).with_context(|| format!("could not create {}", log.display()))?;
    let line = process::describe(cmd);
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .with_context(|| format!("could not start `{line}`"))?;
    let stdout = child.stdout.take();
    let stdout = stdout.ok_or_else(|| anyhow!("`{line}` has no stdout"))?;
    Ok((child, stdout))
}

/// Waits for `what`'s `... listening on http://ADDR` line on `stdout` and
/// returns ADDR (which must be a loopback address); then keeps draining
/// stdout so the process never blocks on it. `logs` is named in the error.
pub fn listening_on(what: &str, stdout: ChildStdout, logs: &Path) -> Result<SocketAddr> {
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
                logs.display()
            )
        })?;
    let address = listening_address(&first)
        .ok_or_else(|| anyhow!("{what} printed an unexpected first line: {first:?}"))?;
    if !address.ip().is_loopback() {
        bail!("{what} listens on {address}, not on loopback");
    }
    Ok(address)
}

/// The address of a `... listening on http://127.0.0.1:PORT` line.
pub fn listening_address(line: &str) -> Option<SocketAddr> {
    let (_, address) = line.trim().rsplit_once(" listening on http://")?;
    address.trim_end_matches('/').parse().ok()
}

/// A command for `program` without the variables that would change what
/// the emulator and the proxy do.
pub fn scrubbed(program: &Path) -> Command {
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

/// The emulator's demo AccessKey ID (its default; never a real key), which
/// the proxies sign with and the benchmark's direct calls use.
pub const DEMO_KEY_ID: &str = "emulator-access-key-id";
/// The emulator's demo AccessKey secret (its default; never a real secret).
pub const DEMO_KEY_SECRET: &str = "emulator-access-key-secret";

/// The proxy in front of the emulator at `upstream`, as every stack here runs
/// it: loopback on any free port, the demo keys from the environment, logs at
/// `warn`, and `--rate-limit` when given (else the proxy's own default).
/// Callers add what differs (`--allow-origin`).
pub fn proxy_command(proxy_bin: &Path, upstream: SocketAddr, rate_limit: Option<&str>) -> Command {
    let mut cmd = scrubbed(proxy_bin);
    cmd.args(["--listen", "127.0.0.1:0", "--credentials", "env"]);
    if let Some(rate_limit) = rate_limit {
        cmd.args(["--rate-limit", rate_limit]);
    }
    cmd.arg("--upstream-url")
        .arg(format!("http://{upstream}"))
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", DEMO_KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", DEMO_KEY_SECRET)
        .env("RUST_LOG", "warn");
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_listening_line() {
        assert_eq!(
            listening_address("eiam-sync-proxy listening on http://127.0.0.1:41601\n"),
            Some(SocketAddr::from(([127, 0, 0, 1], 41601)))
        );
        assert_eq!(listening_address("something else"), None);
    }
}
