//! The loopback HTTP server of `demo` and of the Vite app check: static files
//! from mounted directories (see `static_files`), a few generated JSON
//! documents, and a Content-Security-Policy on every HTML page.
//!
//! Deliberately tiny: one thread per connection, one request per connection
//! (`Connection: close`), GET and HEAD only, whole files in memory. (tiny_http,
//! used before, left some of a browser's parallel module requests unanswered
//! when the machine was busy.)

use crate::static_files::{self, Mount, Refusal};
use anyhow::{anyhow, bail, Context, Result};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

/// How many ports after the requested one are tried when it is taken.
const PORT_ATTEMPTS: u16 = 20;
/// The largest request head read (request line and headers).
const MAX_HEAD_BYTES: usize = 16 * 1024;
/// How long a client may take to send its request head.
const READ_TIMEOUT: Duration = Duration::from_secs(10);

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
    listener: TcpListener,
    /// The address it listens on.
    pub address: SocketAddr,
}

/// A server answering on its accept thread; [`Serving::stop`] ends it.
pub struct Serving {
    stop: Arc<AtomicBool>,
    address: SocketAddr,
    accept: thread::JoinHandle<()>,
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
        match TcpListener::bind(("127.0.0.1", candidate)) {
            Ok(listener) => {
                let address = listener
                    .local_addr()
                    .context("could not read the bound address")?;
                return Ok(Bound { listener, address });
            }
            Err(error) => errors.push(format!("{candidate}: {error}")),
        }
    }
    bail!("no free port on 127.0.0.1 ({})", errors.join("; "))
}

impl Bound {
    /// Starts answering with `site`; each request is logged as `<log_prefix>: GET /path 200`.
    pub fn serve(self, site: Site, log_prefix: &'static str) -> Serving {
        let site = Arc::new(site);
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let listener = self.listener;
        let accept = thread::spawn(move || {
            for stream in listener.incoming() {
                if flag.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let site = Arc::clone(&site);
                thread::spawn(move || handle(&site, stream, log_prefix));
            }
        });
        Serving {
            stop,
            address: self.address,
            accept,
        }
    }
}

impl Serving {
    /// Stops accepting connections and joins the accept thread.
    pub fn stop(self) -> Result<()> {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept; the loop then sees the flag.
        let _ = TcpStream::connect_timeout(&self.address, Duration::from_secs(1));
        self.accept
            .join()
            .map_err(|_| anyhow!("the server's accept thread panicked"))
    }
}

/// An answer before it is written.
struct Answer {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn text(status: u16, body: &str) -> Answer {
        Answer {
            status,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".to_owned())],
            body: body.as_bytes().to_vec(),
        }
    }
}

/// Reads one request head; `None` when the client sent no complete head.
fn read_head(stream: &mut TcpStream) -> Option<String> {
    stream.set_read_timeout(Some(READ_TIMEOUT)).ok()?;
    let mut head = Vec::new();
    let mut buffer = [0_u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let read = stream.read(&mut buffer).ok()?;
        if read == 0 || head.len() > MAX_HEAD_BYTES {
            return None;
        }
        head.extend_from_slice(buffer.get(..read)?);
    }
    String::from_utf8(head).ok()
}

fn handle(site: &Site, mut stream: TcpStream, log_prefix: &str) {
    let Some(head) = read_head(&mut stream) else {
        return;
    };
    let mut words = head.lines().next().unwrap_or_default().split_whitespace();
    let (method, target) = (
        words.next().unwrap_or_default(),
        words.next().unwrap_or("/"),
    );
    let answer = if method == "GET" || method == "HEAD" {
        answer_for(site, target)
    } else {
        let mut answer = Answer::text(405, "method not allowed\n");
        answer.headers.push(("Allow", "GET, HEAD".to_owned()));
        answer
    };
    println!("{log_prefix}: {method} {target} {}", answer.status);
    let mut out = format!("HTTP/1.1 {} {}\r\n", answer.status, reason(answer.status));
    for (name, value) in &answer.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        answer.body.len()
    ));
    let mut bytes = out.into_bytes();
    if method != "HEAD" {
        bytes.extend_from_slice(&answer.body);
    }
    if let Err(error) = stream.write_all(&bytes).and_then(|()| stream.flush()) {
        eprintln!("{log_prefix}: could not answer {target}: {error}");
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Internal Server Error",
    }
}

fn answer_for(site: &Site, target: &str) -> Answer {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    if let Some((_, json)) = site.documents.iter().find(|(p, _)| *p == path) {
        return Answer {
            status: 200,
            headers: vec![
                ("Content-Type", "application/json".to_owned()),
                ("Cache-Control", "no-store".to_owned()),
                ("X-Content-Type-Options", "nosniff".to_owned()),
            ],
            body: json.as_bytes().to_vec(),
        };
    }
    match static_files::resolve(&site.mounts, target) {
        Ok(file) => match std::fs::read(&file) {
            Ok(body) => file_answer(&file, body, &site.csp),
            Err(_) => Answer::text(404, "not found\n"),
        },
        Err(Refusal::BadPath) => Answer::text(400, "bad path\n"),
        Err(Refusal::NotFound) => Answer::text(404, "not found\n"),
    }
}

fn file_answer(path: &Path, body: Vec<u8>, csp: &str) -> Answer {
    let content_type = static_files::content_type(path);
    let mut headers = vec![
        ("Content-Type", content_type.to_owned()),
        ("X-Content-Type-Options", "nosniff".to_owned()),
        ("Cache-Control", "no-store".to_owned()),
    ];
    if content_type.starts_with("text/html") {
        headers.push(("Content-Security-Policy", csp.to_owned()));
    }
    Answer {
        status: 200,
        headers,
        body,
    }
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
