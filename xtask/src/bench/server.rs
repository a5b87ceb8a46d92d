//! The benchmark's static file server: `bench/` at `/` and `pkg/` at `/pkg/`,
//! on 127.0.0.1 and a port the system picks, with the path checks of
//! `static_files` (the server of [`crate::static_server`], quiet). Pages are
//! cross-origin isolated (COOP + COEP), which gives them the finer
//! `performance.now()` resolution.

use crate::static_server::{self, Serving, Site};
use anyhow::Result;
use std::net::SocketAddr;
use std::path::Path;

/// A running server; [`BenchServer::stop`] ends it.
pub struct BenchServer {
    serving: Serving,
    /// Where it listens.
    pub address: SocketAddr,
}

impl BenchServer {
    /// Serves `bench_dir` at `/` and `pkg_dir` at `/pkg/` on 127.0.0.1.
    pub fn start(bench_dir: &Path, pkg_dir: &Path) -> Result<Self> {
        let site = Site {
            mounts: vec![
                static_server::mount("/pkg/", pkg_dir)?,
                static_server::mount("/", bench_dir)?,
            ],
            documents: Vec::new(),
            csp: None,
            cross_origin_isolated: true,
        };
        let bound = static_server::bind(0)?;
        let address = bound.address;
        let serving = bound.serve(site, None)?;
        Ok(BenchServer { serving, address })
    }

    /// Stops the server and waits for it.
    pub fn stop(self) -> Result<()> {
        self.serving.stop()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
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
        answer.to_ascii_lowercase()
    }

    #[test]
    fn serves_both_mounts_on_loopback_isolated_and_stops() {
        let base = std::env::temp_dir().join(format!("xtask-bench-server-{}", std::process::id()));
        let (bench, pkg) = (base.join("bench"), base.join("pkg"));
        std::fs::create_dir_all(&bench).expect("bench dir");
        std::fs::create_dir_all(&pkg).expect("pkg dir");
        std::fs::write(bench.join("index.html"), "<!doctype html>").expect("write");
        std::fs::write(pkg.join("index.js"), "export {};").expect("write");
        let server = BenchServer::start(&bench, &pkg).expect("start");
        assert!(server.address.ip().is_loopback());
        let page = get(server.address, "/");
        assert!(page.starts_with("http/1.1 200"), "{page}");
        assert!(
            page.contains("cross-origin-embedder-policy: require-corp"),
            "{page}"
        );
        assert!(
            page.contains("cross-origin-opener-policy: same-origin"),
            "{page}"
        );
        assert!(!page.contains("content-security-policy"), "{page}");
        assert!(get(server.address, "/pkg/index.js").contains("text/javascript"));
        assert!(get(server.address, "/pkg/../index.html").starts_with("http/1.1 400"));
        let post = {
            let mut stream = TcpStream::connect(server.address).expect("connect");
            write!(
                stream,
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            )
            .expect("send");
            let mut answer = String::new();
            stream.read_to_string(&mut answer).expect("read");
            answer.to_ascii_lowercase()
        };
        assert!(post.starts_with("http/1.1 405"), "{post}");
        assert!(post.contains("allow: get, head"), "{post}");
        let address = server.address;
        server.stop().expect("stop");
        assert!(
            TcpStream::connect(address).is_err(),
            "still listening after stop"
        );
        std::fs::remove_dir_all(base).ok();
    }
}
