//! `cargo xtask demo`: serves `www/` at `/`, `pkg/` at `/pkg/` and the seed
//! examples at `/seeds/` on 127.0.0.1 until Ctrl-C; with `--check`, fetches a few
//! URLs once over loopback, checks the answers, and exits.

use crate::static_files::{self, Mount, Refusal};
use crate::workspace::Workspace;
use anyhow::{anyhow, bail, Context, Result};
use std::fs::File;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::thread;
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response, Server};

/// How the demo server runs.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    /// The first port to try; `0` lets the system pick a free one.
    pub port: u16,
    /// Fetch the key URLs once, check them, and stop instead of serving.
    pub check: bool,
}

/// How many ports after the requested one are tried when it is taken.
const PORT_ATTEMPTS: u16 = 20;
/// Request-handling threads when serving a browser (it fetches in parallel).
const WORKERS: usize = 4;
/// The page's Content-Security-Policy: the one README asks of users, so the demo
/// proves the package works under it.
const PAGE_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; \
    base-uri 'none'; frame-ancestors 'none'";

/// Serves the demo (or checks it, with `options.check`). `pkg/` must be built.
pub fn serve(ws: &Workspace, options: &DemoOptions) -> Result<()> {
    let mounts = Arc::new(mounts(ws)?);
    let (server, address) = bind(options.port)?;
    let server = Arc::new(server);
    println!("eiam-sync demo: http://{address}/");
    if options.check {
        let workers: Vec<_> = (0..WORKERS)
            .map(|_| spawn_worker(Arc::clone(&server), Arc::clone(&mounts)))
            .collect();
        let result = check(address).and_then(|()| check_in_browser(ws, address));
        for _ in &workers {
            server.unblock();
        }
        for worker in workers {
            worker
                .join()
                .map_err(|_| anyhow!("the demo server thread panicked"))?;
        }
        result?;
        println!("demo: all checks passed");
        return Ok(());
    }
    println!("demo: serving until Ctrl-C");
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| spawn_worker(Arc::clone(&server), Arc::clone(&mounts)))
        .collect();
    for worker in workers {
        worker
            .join()
            .map_err(|_| anyhow!("a demo server thread panicked"))?;
    }
    Ok(())
}

fn mounts(ws: &Workspace) -> Result<Vec<Mount>> {
    let mount = |prefix: &'static str, relative: &str| -> Result<Mount> {
        let dir = ws.path(relative);
        let dir = dir
            .canonicalize()
            .with_context(|| format!("{} is missing", dir.display()))?;
        Ok(Mount { prefix, dir })
    };
    Ok(vec![
        mount("/pkg/", "pkg")?,
        mount("/seeds/", "tests/fixtures/seeds")?,
        mount("/", "www")?,
    ])
}

fn bind(port: u16) -> Result<(Server, SocketAddr)> {
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(PORT_ATTEMPTS - 1)
    };
    let mut errors = Vec::new();
    for candidate in port..=last {
        match Server::http(("127.0.0.1", candidate)) {
            Ok(server) => {
                let address = server
                    .server_addr()
                    .to_ip()
                    .context("the demo server is not listening on TCP")?;
                return Ok((server, address));
            }
            Err(error) => errors.push(format!("{candidate}: {error}")),
        }
    }
    bail!("no free port on 127.0.0.1 ({})", errors.join("; "))
}

fn spawn_worker(server: Arc<Server>, mounts: Arc<Vec<Mount>>) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        for request in server.incoming_requests() {
            respond(&mounts, request);
        }
    })
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn respond(mounts: &[Mount], request: Request) {
    let method = request.method().clone();
    let target = request.url().to_owned();
    let status = if !matches!(method, Method::Get | Method::Head) {
        let mut response = text_response(405, "method not allowed\n");
        if let Some(allow) = header("Allow", "GET, HEAD") {
            response.add_header(allow);
        }
        finish(request, response)
    } else {
        match static_files::resolve(mounts, &target) {
            Ok(path) => match File::open(&path) {
                Ok(file) => finish(request, file_response(&path, file)),
                Err(_) => finish(request, text_response(404, "not found\n")),
            },
            Err(Refusal::BadPath) => finish(request, text_response(400, "bad path\n")),
            Err(Refusal::NotFound) => finish(request, text_response(404, "not found\n")),
        }
    };
    println!("demo: {method} {target} {status}");
}

/// A short plain-text answer (`from_string` sets `text/plain; charset=UTF-8`).
fn text_response(status: u16, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string(body).with_status_code(status)
}

fn file_response(path: &Path, file: File) -> Response<File> {
    let content_type = static_files::content_type(path);
    // The length is known: send it rather than chunks, so clients see the size.
    let mut response = Response::from_file(file).with_chunked_threshold(usize::MAX);
    let mut headers = vec![
        header("Content-Type", content_type),
        header("X-Content-Type-Options", "nosniff"),
        header("Cache-Control", "no-store"),
    ];
    if content_type.starts_with("text/html") {
        headers.push(header("Content-Security-Policy", PAGE_CSP));
    }
    for header in headers.into_iter().flatten() {
        response.add_header(header);
    }
    response
}

/// Sends the response and returns its status code, for the log line.
fn finish<R: Read>(request: Request, response: Response<R>) -> u16 {
    let status = response.status_code().0;
    if let Err(error) = request.respond(response) {
        eprintln!("demo: could not answer: {error}");
    }
    status
}

/// Loads the page in headless Chromium (`tests/browser/demo-page.mjs`, through
/// playwright-core): the package's browser entry must parse the examples with
/// no console error or failed request. Leaves a screenshot under the target dir.
fn check_in_browser(ws: &Workspace, address: SocketAddr) -> Result<()> {
    let screenshot = ws.target_dir.join("screenshots").join("demo.png");
    let profile = ws.target_dir.join("chromium-demo-profile");
    crate::process::run(
        std::process::Command::new("node")
            .current_dir(&ws.root)
            .arg("tests/browser/demo-page.mjs")
            .arg(format!("http://{address}/"))
            .arg(&screenshot)
            .arg(&profile),
    )
}

/// One expectation of `--check`: a path and what must come back.
struct Expectation {
    path: &'static str,
    status: u16,
    content_type: Option<&'static str>,
}

const fn expect(
    path: &'static str,
    status: u16,
    content_type: Option<&'static str>,
) -> Expectation {
    Expectation {
        path,
        status,
        content_type,
    }
}

const EXPECTATIONS: &[Expectation] = &[
    expect("/", 200, Some("text/html")),
    expect("/app.js", 200, Some("text/javascript")),
    expect("/style.css", 200, Some("text/css")),
    expect("/favicon.svg", 200, Some("image/svg+xml")),
    expect("/pkg/index.js", 200, Some("text/javascript")),
    expect("/pkg/eiam_sync.js", 200, Some("text/javascript")),
    expect("/pkg/eiam_sync_bg.wasm", 200, Some("application/wasm")),
    expect(
        "/seeds/000_a37390e649ee0c38.example.json",
        200,
        Some("application/json"),
    ),
    expect("/no-such-file.js", 404, None),
    expect("/pkg/../Cargo.toml", 400, None),
    expect("/%2e%2e/Cargo.toml", 400, None),
    expect("/seeds/..%2f..%2fCargo.toml", 400, None),
];

fn check(address: SocketAddr) -> Result<()> {
    let mut failures = Vec::new();
    for expectation in EXPECTATIONS {
        let answer = http_get(address, expectation.path)
            .with_context(|| format!("GET {} failed", expectation.path))?;
        let type_ok = expectation.content_type.is_none_or(|wanted| {
            answer
                .content_type
                .as_deref()
                .is_some_and(|got| got.split(';').next().unwrap_or_default().trim() == wanted)
        });
        let wasm_ok = !expectation.path.ends_with(".wasm") || answer.body.starts_with(b"\0asm");
        let verdict = if answer.status == expectation.status && type_ok && wasm_ok {
            "ok"
        } else {
            failures.push(expectation.path);
            "FAILED"
        };
        println!(
            "demo check: GET {} -> {} {} ({} bytes): {verdict}",
            expectation.path,
            answer.status,
            answer.content_type.as_deref().unwrap_or("-"),
            answer.body.len()
        );
    }
    if !failures.is_empty() {
        bail!("demo check failed for {}", failures.join(", "));
    }
    Ok(())
}

/// What `http_get` read back.
struct Answer {
    status: u16,
    content_type: Option<String>,
    body: Vec<u8>,
}

/// A minimal HTTP/1.1 GET over a plain TCP connection (`Connection: close`).
fn http_get(address: SocketAddr, path: &str) -> Result<Answer> {
    let mut stream = TcpStream::connect_timeout(&address, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let split = raw
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .context("the answer has no end of headers")?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let body = raw[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .context("the answer has no status line")?;
    let content_type = lines
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-type"))
        .map(|(_, value)| value.trim().to_owned());
    Ok(Answer {
        status,
        content_type,
        body,
    })
}
