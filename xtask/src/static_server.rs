//! The loopback HTTP server of `demo` and of the Vite app check: static files
//! from mounted directories (see `static_files`), a few generated JSON
//! documents, and a Content-Security-Policy on every HTML page.
//!
//! HTTP is axum's (on hyper), on a runtime thread of its own, so a browser's
//! parallel module requests are all answered however busy the machine is
//! (tiny_http, used before, left some of them unanswered under load). GET and
//! HEAD only, whole files in memory.

use crate::static_files::{self, Mount, Refusal};
use anyhow::{anyhow, bail, Context, Result};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::sync::Arc;
use std::thread;

/// How many ports after the requested one are tried when it is taken.
const PORT_ATTEMPTS: u16 = 20;

/// What the server answers with.
pub struct Site {
    /// Directories by URL prefix, `/` last.
    pub mounts: Vec<Mount>,
    /// Generated JSON documents by exact path (e.g. `/console-config.json`).
    pub documents: Vec<(&'static str, String)>,
    /// The `Content-Security-Policy` of HTML answers, if any.
    pub csp: Option<String>,
    /// Whether pages are cross-origin isolated (COOP + COEP on every file),
    /// which gives them the finer `performance.now()` resolution.
    pub cross_origin_isolated: bool,
}

/// A bound listener on 127.0.0.1, not yet answering.
pub struct Bound {
    listener: TcpListener,
    /// The address it listens on.
    pub address: SocketAddr,
}

/// A server answering on its own thread; [`Serving::stop`] ends it.
pub struct Serving {
    stop: tokio::sync::oneshot::Sender<()>,
    thread: thread::JoinHandle<Result<()>>,
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
    /// Starts answering with `site`; with a `log_prefix`, each request is
    /// logged as `<log_prefix>: GET /path 200`.
    pub fn serve(self, site: Site, log_prefix: Option<&'static str>) -> Result<Serving> {
        self.listener
            .set_nonblocking(true)
            .context("could not make the listener non-blocking")?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .context("could not start the server's runtime")?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let site = Arc::new(site);
        let app = axum::Router::new().fallback(move |method: Method, uri: Uri| {
            let site = Arc::clone(&site);
            async move { respond(&site, &method, &uri, log_prefix) }
        });
        let listener = self.listener;
        let thread = thread::spawn(move || {
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener)
                    .context("could not hand the listener to the runtime")?;
                axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    })
                    .await
                    .context("the server failed")
            })
        });
        Ok(Serving { stop, thread })
    }
}

impl Serving {
    /// Stops accepting connections, lets answers in progress finish, and
    /// joins the server's thread.
    pub fn stop(self) -> Result<()> {
        let _ = self.stop.send(());
        self.thread
            .join()
            .map_err(|_| anyhow!("the server's thread panicked"))?
    }
}

/// Answers one request and logs it.
fn respond(site: &Site, method: &Method, uri: &Uri, log_prefix: Option<&str>) -> Response {
    let target = uri
        .path_and_query()
        .map_or_else(|| uri.path().to_owned(), |p| p.as_str().to_owned());
    let answer = if method == Method::GET || method == Method::HEAD {
        answer_for(site, &target)
    } else {
        let mut answer = Answer::text(405, "method not allowed\n");
        answer.headers.push((header::ALLOW, "GET, HEAD".to_owned()));
        answer
    };
    if let Some(prefix) = log_prefix {
        println!("{prefix}: {method} {target} {}", answer.status);
    }
    answer.into_response()
}

/// An answer before it is written.
struct Answer {
    status: u16,
    headers: Vec<(HeaderName, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn text(status: u16, body: &str) -> Answer {
        Answer {
            status,
            headers: vec![(header::CONTENT_TYPE, "text/plain; charset=utf-8".to_owned())],
            body: body.as_bytes().to_vec(),
        }
    }
}

impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, self.body).into_response();
        let headers = response.headers_mut();
        for (name, value) in self.headers {
            if let Ok(value) = HeaderValue::from_str(&value) {
                headers.insert(name, value);
            }
        }
        response
    }
}

fn answer_for(site: &Site, target: &str) -> Answer {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    if let Some((_, json)) = site.documents.iter().find(|(p, _)| *p == path) {
        return Answer {
            status: 200,
            headers: vec![
                (header::CONTENT_TYPE, "application/json".to_owned()),
                (header::CACHE_CONTROL, "no-store".to_owned()),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
            ],
            body: json.as_bytes().to_vec(),
        };
    }
    match static_files::resolve(&site.mounts, target) {
        Ok(file) => match std::fs::read(&file) {
            Ok(body) => file_answer(site, &file, body),
            Err(_) => Answer::text(404, "not found\n"),
        },
        Err(Refusal::BadPath) => Answer::text(400, "bad path\n"),
        Err(Refusal::NotFound) => Answer::text(404, "not found\n"),
    }
}

fn file_answer(site: &Site, path: &Path, body: Vec<u8>) -> Answer {
    let content_type = static_files::content_type(path);
    let mut headers = vec![
        (header::CONTENT_TYPE, content_type.to_owned()),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        (header::CACHE_CONTROL, "no-store".to_owned()),
    ];
    if let (Some(csp), true) = (&site.csp, content_type.starts_with("text/html")) {
        headers.push((header::CONTENT_SECURITY_POLICY, csp.clone()));
    }
    if site.cross_origin_isolated {
        headers.push((
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin".to_owned(),
        ));
        headers.push((
            HeaderName::from_static("cross-origin-embedder-policy"),
            "require-corp".to_owned(),
        ));
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
