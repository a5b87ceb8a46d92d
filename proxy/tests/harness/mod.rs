//! Test harness: starts the real `eiam-emulator` and `eiam-sync-proxy`
//! binaries on ephemeral loopback ports, reads each one's "listening on" line
//! for its address, keeps its stderr for log checks, and kills it on drop.
//! Everything here talks to 127.0.0.1 only.

#![allow(dead_code, unused_imports)] // Each test file uses a different part of the harness.

pub mod http;
pub mod metadata;

pub use http::{client, get_json, post, raw_request, raw_status, Answer};

use serde_json::Value;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// The emulator's default key pair (its `--access-key-id` / `--access-key-secret` defaults).
pub const EMULATOR_ID: &str = "emulator-access-key-id";
/// See [`EMULATOR_ID`].
pub const EMULATOR_SECRET: &str = "emulator-access-key-secret";

/// How long a process may take to print its listening line.
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// The proxy binary under test.
pub fn proxy_binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_eiam-sync-proxy"))
}

/// The emulator binary, built into the same target directory.
pub fn emulator_binary() -> PathBuf {
    let path =
        proxy_binary().with_file_name(format!("eiam-emulator{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} is missing: run `cargo build -p eiam-emulator` first (`cargo xtask test` builds every workspace binary)",
        path.display()
    );
    path
}

/// A running child process, killed on drop.
pub struct Running {
    child: Child,
    /// `http://127.0.0.1:PORT`, from the listening line.
    pub url: String,
    /// The address of [`Running::url`].
    pub addr: SocketAddr,
    stderr: Arc<Mutex<String>>,
}

/// Starts collecting a pipe into a shared string.
fn collect(mut pipe: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let buffer = Arc::new(Mutex::new(String::new()));
    let sink = Arc::clone(&buffer);
    thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        while let Ok(n) = pipe.read(&mut chunk) {
            if n == 0 {
                break;
            }
            let text = String::from_utf8_lossy(chunk.get(..n).unwrap_or_default()).into_owned();
            sink.lock()
                .unwrap_or_else(|e| e.into_inner())
                .push_str(&text);
        }
    });
    buffer
}

impl Running {
    /// Spawns `command` and waits for the stdout line `<banner> http://ADDR`.
    pub fn spawn(mut command: Command, banner: &str) -> Running {
        command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {command:?}: {e}"));
        let stderr = collect(child.stderr.take().expect("stderr piped"));
        let stdout = child.stdout.take().expect("stdout piped");
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let _ = tx.send(line);
            let _ = std::io::copy(&mut reader, &mut std::io::sink());
        });
        let line: String = rx.recv_timeout(START_TIMEOUT).unwrap_or_default();
        let prefix = format!("{banner} http://");
        let Some(addr) = line.trim_end().strip_prefix(&prefix) else {
            let _ = child.kill();
            let _ = child.wait();
            thread::sleep(Duration::from_millis(100));
            let err = stderr.lock().map(|s| s.clone()).unwrap_or_default();
            panic!("{command:?} printed {line:?} instead of `{prefix}ADDR`; stderr:\n{err}");
        };
        let addr: SocketAddr = addr.parse().expect("listening address");
        assert!(addr.ip().is_loopback(), "{addr} is not loopback");
        Running {
            child,
            url: format!("http://{addr}"),
            addr,
            stderr,
        }
    }

    /// Everything the process wrote to stderr so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// The process id (to send it a signal).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits for the process to exit by itself; returns its status and stderr.
    pub fn wait_for_exit(mut self, limit: Duration) -> (ExitStatus, String) {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                thread::sleep(Duration::from_millis(100));
                return (status, self.stderr());
            }
            assert!(started.elapsed() < limit, "did not exit within {limit:?}");
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Kills the process and returns its whole stderr.
    pub fn stop(mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        thread::sleep(Duration::from_millis(200));
        self.stderr()
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs a command that is expected to exit by itself; returns its status and stderr.
pub fn run_to_exit(mut command: Command, limit: Duration) -> (ExitStatus, String) {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("spawn");
    let stderr = collect(child.stderr.take().expect("stderr piped"));
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            thread::sleep(Duration::from_millis(100));
            let text = stderr.lock().map(|s| s.clone()).unwrap_or_default();
            return (status, text);
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} did not exit within {limit:?}");
        }
        thread::sleep(Duration::from_millis(20));
    }
}

/// A running emulator.
pub struct Emulator {
    /// The process.
    pub process: Running,
}

impl Emulator {
    /// Starts an emulator with `args` added to `--listen 127.0.0.1:0`.
    pub fn start(args: &[&str]) -> Emulator {
        let mut command = Command::new(emulator_binary());
        command.args(["--listen", "127.0.0.1:0"]).args(args);
        command.env_remove("RUST_LOG");
        Emulator {
            process: Running::spawn(command, "eiam-emulator listening on"),
        }
    }

    /// Its base URL.
    pub fn url(&self) -> &str {
        &self.process.url
    }

    /// `GET /_emulator/catalog`.
    pub fn catalog(&self) -> Value {
        get_json(&format!("{}/_emulator/catalog", self.url()))
    }

    /// `GET /_emulator/requests`.
    pub fn requests(&self) -> Value {
        get_json(&format!("{}/_emulator/requests", self.url()))
    }

    /// How many API requests reached it.
    pub fn count(&self) -> u64 {
        self.requests()["count"].as_u64().expect("count")
    }

    /// The last API request that reached it.
    pub fn last_request(&self) -> Value {
        let requests = self.requests();
        requests["recent"]
            .as_array()
            .and_then(|recent| recent.last().cloned())
            .expect("at least one recorded request")
    }

    /// The first instance id, an identity provider id of it, and its job count.
    pub fn first_instance(&self) -> (String, String, u64) {
        let catalog = self.catalog();
        let instance = &catalog["instances"][0];
        let id = instance["InstanceId"]
            .as_str()
            .expect("InstanceId")
            .to_owned();
        let idp = &instance["IdentityProviders"][0];
        let idp = idp
            .as_str()
            .or_else(|| idp["IdentityProviderId"].as_str())
            .expect("an identity provider")
            .to_owned();
        let jobs = instance["JobCount"].as_u64().expect("JobCount");
        (id, idp, jobs)
    }
}

/// Recorded headers of an emulator request as a name → values map.
pub fn recorded_headers(request: &Value) -> HashMap<String, Vec<String>> {
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    for pair in request["headers"].as_array().expect("headers") {
        let name = pair[0].as_str().unwrap_or_default().to_ascii_lowercase();
        let value = pair[1].as_str().unwrap_or_default().to_owned();
        map.entry(name).or_default().push(value);
    }
    map
}

/// Options for starting a proxy.
#[derive(Default, Clone)]
pub struct ProxyOptions {
    /// Flags after `--listen` and `--upstream-url`.
    pub args: Vec<String>,
    /// Environment variables (the proxy otherwise sees no Alibaba Cloud or proxy variables).
    pub env: Vec<(String, String)>,
    /// Leave out the emulator's key pair from the environment.
    pub no_env_credentials: bool,
}

impl ProxyOptions {
    /// Adds flags.
    pub fn args(mut self, args: &[&str]) -> Self {
        self.args.extend(args.iter().map(|a| (*a).to_owned()));
        self
    }

    /// Adds an environment variable.
    pub fn env(mut self, name: &str, value: &str) -> Self {
        self.env.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Starts the proxy with no credentials in the environment.
    pub fn without_env_credentials(mut self) -> Self {
        self.no_env_credentials = true;
        self
    }
}

/// A directory for one test's files, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// A new empty directory.
    pub fn new() -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "eiam-sync-proxy-test-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("temp dir");
        TempDir(path)
    }

    /// Writes a file and returns its path.
    pub fn write(&self, relative: &str, content: &str) -> PathBuf {
        let path = self.0.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("parent dir");
        }
        std::fs::write(&path, content).expect("write");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The proxy command with a clean environment: no inherited Alibaba Cloud or
/// proxy settings, `HOME` pointing nowhere, then `options`.
pub fn proxy_command(upstream: Option<&str>, options: &ProxyOptions) -> Command {
    let mut command = Command::new(proxy_binary());
    for (name, _) in std::env::vars_os() {
        let text = name.to_string_lossy();
        if text.starts_with("ALIBABA_CLOUD_")
            || text.starts_with("EIAM_SYNC_PROXY_")
            || text.to_ascii_lowercase().ends_with("_proxy")
            || text == "RUST_LOG"
        {
            command.env_remove(&name);
        }
    }
    command.env("HOME", Path::new("/nonexistent-eiam-sync-proxy-test-home"));
    if !options.no_env_credentials {
        command
            .env("ALIBABA_CLOUD_ACCESS_KEY_ID", EMULATOR_ID)
            .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", EMULATOR_SECRET);
    }
    if !options.args.iter().any(|arg| arg == "--listen") {
        command.args(["--listen", "127.0.0.1:0"]);
    }
    if let Some(url) = upstream {
        command.args(["--upstream-url", url]);
    }
    command.args(&options.args);
    for (name, value) in &options.env {
        command.env(name, value);
    }
    command
}

/// Starts a proxy in front of `upstream`.
pub fn start_proxy(upstream: &str, options: ProxyOptions) -> Running {
    Running::spawn(
        proxy_command(Some(upstream), &options),
        "eiam-sync-proxy listening on",
    )
}
