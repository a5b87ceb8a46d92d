//! A stand-in ECS instance metadata service on 127.0.0.1: hardened mode
//! (a session token first), one RAM role, and a record of what was asked.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// The session token the stand-in hands out.
pub const METADATA_TOKEN: &str = "metadata-session-token-1";

/// One request the stand-in received: method, path, and its token-related headers.
#[derive(Debug, Clone)]
pub struct MetadataHit {
    /// `PUT` or `GET`.
    pub method: String,
    /// The path.
    pub path: String,
    /// The `X-aliyun-ecs-metadata-token-ttl-seconds` value.
    pub ttl: Option<String>,
    /// The `X-aliyun-ecs-metadata-token` value.
    pub token: Option<String>,
}

/// The running stand-in.
pub struct MetadataServer {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    addr: SocketAddr,
    hits: Arc<Mutex<Vec<MetadataHit>>>,
    stop: Arc<AtomicBool>,
}

impl MetadataServer {
    /// Serves `role` whose credentials document is `document`.
    pub fn start(role: &str, document: String) -> MetadataServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind metadata");
        let addr = listener.local_addr().expect("addr");
        let hits = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (role, thread_hits, thread_stop) =
            (role.to_owned(), Arc::clone(&hits), Arc::clone(&stop));
        thread::spawn(move || {
            for stream in listener.incoming() {
                if thread_stop.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    serve(stream, &role, &document, &thread_hits);
                }
            }
        });
        MetadataServer {
            url: format!("http://{addr}"),
            addr,
            hits,
            stop,
        }
    }

    /// Every request received so far.
    pub fn hits(&self) -> Vec<MetadataHit> {
        self.hits.lock().map(|h| h.clone()).unwrap_or_default()
    }
}

impl Drop for MetadataServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
    }
}

/// Answers one connection (one request; `Connection: close`).
fn serve(stream: TcpStream, role: &str, document: &str, hits: &Mutex<Vec<MetadataHit>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    let (mut ttl, mut token, mut length) = (None, None, 0usize);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).is_err() || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            let value = value.trim().to_owned();
            match name.trim().to_ascii_lowercase().as_str() {
                "x-aliyun-ecs-metadata-token-ttl-seconds" => ttl = Some(value),
                "x-aliyun-ecs-metadata-token" => token = Some(value),
                "content-length" => length = value.parse().unwrap_or(0),
                _ => {}
            }
        }
    }
    if length > 0 {
        let mut body = vec![0u8; length];
        let _ = std::io::Read::read_exact(&mut reader, &mut body);
    }
    let listing = "/latest/meta-data/ram/security-credentials/";
    let (status, body) = match (method.as_str(), path.as_str()) {
        ("PUT", "/latest/api/token") if ttl.is_some() => ("200 OK", METADATA_TOKEN.to_owned()),
        ("PUT", "/latest/api/token") => ("400 Bad Request", String::new()),
        (_, _) if token.as_deref() != Some(METADATA_TOKEN) => ("401 Unauthorized", String::new()),
        ("GET", p) if p == listing => ("200 OK", role.to_owned()),
        ("GET", p) if p.strip_prefix(listing) == Some(role) => ("200 OK", document.to_owned()),
        _ => ("404 Not Found", String::new()),
    };
    if let Ok(mut all) = hits.lock() {
        all.push(MetadataHit {
            method,
            path,
            ttl,
            token,
        });
    }
    let mut stream = stream;
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.flush();
}
