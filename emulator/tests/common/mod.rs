//! Test harness: starts the real `eiam-emulator` binary on an ephemeral
//! loopback port and calls it with requests signed by `acs3`, as the proxy
//! and the official SDKs do.

#![allow(dead_code)] // each test file uses a different part of the harness

use eiam_emulator::clock::{format_acs_date, now_ms};
use eiam_sync::model::rpc::encode_query;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::Duration;

pub const KEY_ID: &str = "emulator-access-key-id";
pub const SECRET: &str = "emulator-access-key-secret";

/// A running emulator, killed when dropped (so a failing test leaves none behind).
pub struct Emulator {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// `127.0.0.1:PORT`
    pub host: String,
    stdout: Option<BufReader<std::process::ChildStdout>>,
}

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_eiam-emulator"))
}

impl Emulator {
    /// Starts the emulator with `args` (plus `--listen 127.0.0.1:0`) and waits
    /// for its `listening on` line.
    pub fn start(args: &[&str]) -> Emulator {
        let mut child = binary()
            .args(["--listen", "127.0.0.1:0", "--log", "warn"])
            .args(args)
            .env_remove("EIAM_EMULATOR_SECURITY_TOKEN")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn eiam-emulator");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let _ = tx.send((line, reader));
        });
        let mut emulator = Emulator {
            child,
            base: String::new(),
            host: String::new(),
            stdout: None,
        };
        let (line, reader) = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("the emulator printed its address in time");
        let address = line
            .strip_prefix("eiam-emulator listening on http://")
            .and_then(|rest| rest.strip_suffix('\n'))
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"));
        emulator.host = address.to_owned();
        emulator.base = format!("http://{address}");
        emulator.stdout = Some(reader);
        emulator
    }

    /// A client signing with the default demo key pair.
    pub fn client(&self) -> Client {
        Client::new(&self.base, &self.host)
    }

    /// GET on an unsigned path (`/_emulator/catalog`, `/healthz`).
    pub fn get_json(&self, path: &str) -> serde_json::Value {
        let response = reqwest::blocking::get(format!("{}{path}", self.base)).expect("GET");
        assert_eq!(response.status(), 200, "{path}");
        response.json().expect("JSON")
    }

    /// The catalog's first instance ID and its identity providers.
    pub fn first_instance(&self) -> (String, Vec<String>) {
        let catalog = self.get_json("/_emulator/catalog");
        let instance = &catalog["instances"][0];
        let id = instance["InstanceId"].as_str().unwrap().to_owned();
        let providers = instance["IdentityProviders"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
        (id, providers)
    }

    /// Sends SIGTERM and waits; returns the exit status and the rest of stdout.
    #[cfg(unix)]
    pub fn terminate(mut self) -> (std::process::ExitStatus, String) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill -TERM");
        assert!(status.success());
        let exit = self.child.wait().expect("wait");
        let mut rest = String::new();
        if let Some(mut reader) = self.stdout.take() {
            let _ = std::io::Read::read_to_string(&mut reader, &mut rest);
        }
        (exit, rest)
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the binary to completion (for start-up failures), with a time limit.
pub fn run_to_exit(args: &[&str]) -> Output {
    let mut child = binary()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    for _ in 0..600 {
        if child.try_wait().expect("try_wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    panic!("the emulator did not exit within 60 s (args {args:?})");
}

/// A response, read whole (or the read error).
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Result<Vec<u8>, String>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn bytes(&self) -> &[u8] {
        self.body.as_deref().expect("a complete body")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(self.bytes())
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(self.bytes())))
    }

    /// Checks an error answer: status, code, the service's body shape and the
    /// request id header. Returns the message.
    pub fn expect_error(&self, status: u16, code: &str) -> String {
        let body = self.json();
        assert_eq!(
            (self.status, body["Code"].as_str()),
            (status, Some(code)),
            "{body}"
        );
        let request_id = body["RequestId"].as_str().expect("RequestId");
        assert_eq!(self.header("x-acs-request-id"), Some(request_id));
        assert_eq!(body["HostId"], "eiam.cn-hangzhou.aliyuncs.com");
        assert!(body["Recommend"].as_str().is_some_and(|r| !r.is_empty()));
        body["Message"].as_str().expect("Message").to_owned()
    }
}

/// One request to send; every field can be spoiled by a test.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: String,
    pub path: String,
    pub action: Option<String>,
    pub version: Option<String>,
    /// The raw query string sent (the signature uses its decoded form).
    pub query: String,
    pub date_ms: u64,
    pub nonce: Option<String>,
    pub key_id: String,
    pub secret: String,
    /// Extra headers, sent and signed (unless `unsigned_extra`).
    pub extra: Vec<(String, String)>,
    /// Extra headers sent but not signed.
    pub unsigned_extra: Vec<(String, String)>,
    pub sign: bool,
}

static NONCES: AtomicU64 = AtomicU64::new(0);

/// A nonce no other call of this test process uses.
pub fn fresh_nonce() -> String {
    format!(
        "{}-{}-{}",
        std::process::id(),
        NONCES.fetch_add(1, Ordering::SeqCst),
        now_ms()
    )
}

impl Call {
    pub fn new(action: &str, params: &[(&str, &str)]) -> Call {
        let params: Vec<(String, String)> = params
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Call {
            method: "POST".into(),
            path: "/".into(),
            action: Some(action.into()),
            version: Some("2021-12-01".into()),
            query: encode_query(&params),
            date_ms: now_ms(),
            nonce: Some(fresh_nonce()),
            key_id: KEY_ID.into(),
            secret: SECRET.into(),
            extra: Vec::new(),
            unsigned_extra: Vec::new(),
            sign: true,
        }
    }
}

/// A blocking client that signs like the proxy.
pub struct Client {
    http: reqwest::blocking::Client,
    base: String,
    host: String,
}

impl Client {
    pub fn new(base: &str, host: &str) -> Client {
        Client {
            http: reqwest::blocking::Client::builder()
                .timeout(Duration::from_secs(30))
                .build()
                .expect("client"),
            base: base.to_owned(),
            host: host.to_owned(),
        }
    }

    /// Signs and sends `call`.
    pub fn send(&self, call: &Call) -> Reply {
        let mut headers: Vec<(String, String)> = vec![("host".into(), self.host.clone())];
        if let Some(action) = &call.action {
            headers.push(("x-acs-action".into(), action.clone()));
        }
        if let Some(version) = &call.version {
            headers.push(("x-acs-version".into(), version.clone()));
        }
        headers.push(("x-acs-date".into(), format_acs_date(call.date_ms)));
        if let Some(nonce) = &call.nonce {
            headers.push(("x-acs-signature-nonce".into(), nonce.clone()));
        }
        headers.push((
            "x-acs-content-sha256".into(),
            acs3::EMPTY_BODY_SHA256.into(),
        ));
        headers.extend(call.extra.iter().cloned());
        if call.sign {
            let decoded = acs3::decode_query(&call.query).expect("decodable query");
            let request = acs3::Request {
                method: &call.method,
                path: &call.path,
                query: &decoded,
                headers: &headers,
                payload_sha256: acs3::EMPTY_BODY_SHA256,
            };
            let signature = acs3::sign(&request, &call.key_id, &call.secret);
            headers.push(("authorization".into(), signature.authorization));
        }
        headers.extend(call.unsigned_extra.iter().cloned());

        let mut url = format!("{}{}", self.base, call.path);
        if !call.query.is_empty() {
            url.push('?');
            url.push_str(&call.query);
        }
        let method = reqwest::Method::from_bytes(call.method.as_bytes()).expect("method");
        let mut request = self.http.request(method, url);
        for (name, value) in &headers {
            request = request.header(name, value);
        }
        let response = request.send().expect("the request was answered");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response
            .bytes()
            .map(|b| b.to_vec())
            .map_err(|e| format!("{e:?}"));
        Reply {
            status,
            headers,
            body,
        }
    }

    /// Calls `action` with `params`, signed and valid.
    pub fn call(&self, action: &str, params: &[(&str, &str)]) -> Reply {
        self.send(&Call::new(action, params))
    }
}
