//! The loopback HTTP server of `demo` and of the Vite app check: static files
//! from mounted directories (see `static_files`), a few generated JSON
//! documents, and a Content-Security-Policy on every HTML page.

use crate::static_files::{self, Mount, Refusal};
use anyhow::{anyhow, bail, Context, Result};
use std::fs::File;
use std::io::Read;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::thread;
use tiny_http::{Header, Method, Request, Response, Server};

/// How many ports after the requested one are tried when it is taken.
const PORT_ATTEMPTS: u16 = 20;
/// Request-handling threads (a browser fetches in parallel).
const WORKERS: usize = 4;

/// What the server answers with.
pub struct Site {
    /// Directories by URL prefix, `/` last.
    pub mounts: Vec<Mount>,
    /// Generated JSON documents by exact path (e.g. `/console-config.json`).
    pub documents: Vec<(&'static str, String)>,
    /// The `Content-Security-Policy` of HTML answers.
    pub csp: String,
}

/// A bound listener on 127.0.0.1, not yet answering.
pub struct Bound {
    server: Arc<Server>,
    /// The address it listens on.
    pub address: SocketAddr,
}

/// A server answering with its worker threads; [`Serving::stop`] ends it.
pub struct Serving {
    server: Arc<Server>,
    workers: Vec<thread::JoinHandle<()>>,
}

/// Binds 127.0.0.1 at `port` or one of the next ports (`0`: any free port).
pub fn bind(port: u16) -> Result<Bound> {
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
                    .context("the server is not listening on TCP")?;
                return Ok(Bound {
                    server: Arc::new(server),
                    address,
                });
            }
            Err(error) => errors.push(format!("{candidate}: {error}")),
        }
    }
    bail!("no free port on 127.0.0.1 ({})", errors.join("; "))
}

impl Bound {
    /// Starts answering with `site`.
    pub fn serve(self, site: Site, log_prefix: &'static str) -> Serving {
        let site = Arc::new(site);
        let workers = (0..WORKERS)
            .map(|_| {
                let server = Arc::clone(&self.server);
                let site = Arc::clone(&site);
                thread::spawn(move || {
                    for request in server.incoming_requests() {
                        respond(&site, request, log_prefix);
                    }
                })
            })
            .collect();
        Serving {
            server: self.server,
            workers,
        }
    }
}

impl Serving {
    /// Stops answering and joins the worker threads.
    pub fn stop(self) -> Result<()> {
        for _ in &self.workers {
            self.server.unblock();
        }
        for worker in self.workers {
            worker
                .join()
                .map_err(|_| anyhow!("a server thread panicked"))?;
        }
        Ok(())
    }
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn respond(site: &Site, request: Request, log_prefix: &str) {
    let method = request.method().clone();
    let target = request.url().to_owned();
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let status = if !matches!(method, Method::Get | Method::Head) {
        let mut response = text_response(405, "method not allowed\n");
        if let Some(allow) = header("Allow", "GET, HEAD") {
            response.add_header(allow);
        }
        finish(request, response)
    } else if let Some((_, json)) = site.documents.iter().find(|(p, _)| *p == path) {
        let mut response = Response::from_string(json.as_str());
        for header in [
            header("Content-Type", "application/json"),
            header("Cache-Control", "no-store"),
            header("X-Content-Type-Options", "nosniff"),
        ]
        .into_iter()
        .flatten()
        {
            response.add_header(header);
        }
        finish(request, response)
    } else {
        match static_files::resolve(&site.mounts, &target) {
            Ok(path) => match File::open(&path) {
                Ok(file) => finish(request, file_response(&path, file, &site.csp)),
                Err(_) => finish(request, text_response(404, "not found\n")),
            },
            Err(Refusal::BadPath) => finish(request, text_response(400, "bad path\n")),
            Err(Refusal::NotFound) => finish(request, text_response(404, "not found\n")),
        }
    };
    println!("{log_prefix}: {method} {target} {status}");
}

/// A short plain-text answer (`from_string` sets `text/plain; charset=UTF-8`).
fn text_response(status: u16, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string(body).with_status_code(status)
}

fn file_response(path: &Path, file: File, csp: &str) -> Response<File> {
    let content_type = static_files::content_type(path);
    // The length is known: send it rather than chunks, so clients see the size.
    let mut response = Response::from_file(file).with_chunked_threshold(usize::MAX);
    let mut headers = vec![
        header("Content-Type", content_type),
        header("X-Content-Type-Options", "nosniff"),
        header("Cache-Control", "no-store"),
    ];
    if content_type.starts_with("text/html") {
        headers.push(header("Content-Security-Policy", csp));
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
        eprintln!("server: could not answer: {error}");
    }
    status
}

/// The Content-Security-Policy of the console and the Vite app: scripts and
/// styles from the page's origin only (`'wasm-unsafe-eval'` to compile the
/// module, as README asks of users), images from the origin,
/// requests to the origin and `connect_extra` (the proxy), nothing else.
pub fn page_csp(connect_extra: Option<&str>) -> String {
    let connect = match connect_extra {
        Some(origin) => format!("'self' {origin}"),
        None => "'self'".to_owned(),
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self'; connect-src {connect}; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// A mount of `dir` (which must exist) at `prefix`.
pub fn mount(prefix: &'static str, dir: &Path) -> Result<Mount> {
    let dir = dir
        .canonicalize()
        .with_context(|| format!("{} is missing", dir.display()))?;
    Ok(Mount { prefix, dir })
}
