//! The benchmark's static file server: `bench/` at `/` and `pkg/` at `/pkg/`,
//! on 127.0.0.1 and a port the system picks, with the path checks of
//! `static_files`. Pages are cross-origin isolated (COOP + COEP), which gives
//! them the finer `performance.now()` resolution.

use crate::static_files::{self, Mount, Refusal};
use anyhow::{anyhow, Context, Result};
use std::fs::File;
use std::io::Read;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use tiny_http::{Header, Method, Request, Response, Server};

/// Request-handling threads (the page loads a few modules in parallel).
const WORKERS: usize = 2;

/// A running server; [`BenchServer::stop`] ends it.
pub struct BenchServer {
    server: Arc<Server>,
    workers: Vec<JoinHandle<()>>,
    /// Where it listens.
    pub address: SocketAddr,
}

impl BenchServer {
    /// Serves `bench_dir` at `/` and `pkg_dir` at `/pkg/` on 127.0.0.1.
    pub fn start(bench_dir: &Path, pkg_dir: &Path) -> Result<Self> {
        let mount = |prefix: &'static str, dir: &Path| -> Result<Mount> {
            let dir = dir
                .canonicalize()
                .with_context(|| format!("{} is missing", dir.display()))?;
            Ok(Mount { prefix, dir })
        };
        let mounts = Arc::new(vec![mount("/pkg/", pkg_dir)?, mount("/", bench_dir)?]);
        let server = Server::http(("127.0.0.1", 0))
            .map_err(|error| anyhow!("could not listen on 127.0.0.1: {error}"))?;
        let address = server
            .server_addr()
            .to_ip()
            .context("the bench server is not listening on TCP")?;
        let server = Arc::new(server);
        let workers = (0..WORKERS)
            .map(|_| {
                let server = Arc::clone(&server);
                let mounts = Arc::clone(&mounts);
                thread::spawn(move || {
                    for request in server.incoming_requests() {
                        respond(&mounts, request);
                    }
                })
            })
            .collect();
        Ok(BenchServer {
            server,
            workers,
            address,
        })
    }

    /// Stops the workers and waits for them.
    pub fn stop(self) -> Result<()> {
        for _ in &self.workers {
            self.server.unblock();
        }
        for worker in self.workers {
            worker
                .join()
                .map_err(|_| anyhow!("a bench server thread panicked"))?;
        }
        Ok(())
    }
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn respond(mounts: &[Mount], request: Request) {
    let allowed = matches!(request.method(), Method::Get | Method::Head);
    let result = if !allowed {
        request.respond(Response::from_string("method not allowed\n").with_status_code(405))
    } else {
        match static_files::resolve(mounts, request.url()) {
            Ok(path) => match File::open(&path) {
                Ok(file) => request.respond(file_response(&path, file)),
                Err(_) => request.respond(text(404, "not found\n")),
            },
            Err(Refusal::BadPath) => request.respond(text(400, "bad path\n")),
            Err(Refusal::NotFound) => request.respond(text(404, "not found\n")),
        }
    };
    if let Err(error) = result {
        eprintln!("bench server: could not answer: {error}");
    }
}

fn text(status: u16, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string(body).with_status_code(status)
}

fn file_response(path: &Path, file: File) -> Response<impl Read> {
    let mut response = Response::from_file(file).with_chunked_threshold(usize::MAX);
    let headers = [
        header("Content-Type", static_files::content_type(path)),
        header("X-Content-Type-Options", "nosniff"),
        header("Cache-Control", "no-store"),
        header("Cross-Origin-Opener-Policy", "same-origin"),
        header("Cross-Origin-Embedder-Policy", "require-corp"),
    ];
    for header in headers.into_iter().flatten() {
        response.add_header(header);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::net::TcpStream;

    fn get(address: SocketAddr, path: &str) -> String {
        let mut stream = TcpStream::connect(address).expect("connect");
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
        )
        .expect("send");
        let mut answer = String::new();
        stream.read_to_string(&mut answer).expect("read");
        answer
    }

    #[test]
    fn serves_both_mounts_on_loopback_and_stops() {
        let base = std::env::temp_dir().join(format!("xtask-bench-server-{}", std::process::id()));
        let (bench, pkg) = (base.join("bench"), base.join("pkg"));
        std::fs::create_dir_all(&bench).expect("bench dir");
        std::fs::create_dir_all(&pkg).expect("pkg dir");
        std::fs::write(bench.join("index.html"), "<!doctype html>").expect("write");
        std::fs::write(pkg.join("index.js"), "export {};").expect("write");
        let server = BenchServer::start(&bench, &pkg).expect("start");
        assert!(server.address.ip().is_loopback());
        let page = get(server.address, "/");
        assert!(page.starts_with("HTTP/1.1 200"), "{page}");
        assert!(page.contains("Cross-Origin-Embedder-Policy: require-corp"));
        assert!(get(server.address, "/pkg/index.js").contains("text/javascript"));
        assert!(get(server.address, "/pkg/../index.html").starts_with("HTTP/1.1 400"));
        server.stop().expect("stop");
        std::fs::remove_dir_all(base).ok();
    }
}
