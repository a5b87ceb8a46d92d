//! `cargo xtask demo`: the console in `www/` against a real proxy and emulator.
//! Starts the emulator (a seeded month plus `xtask/demo-data.json`) and the
//! proxy (see `demo_stack`), serves `www/` at `/`, `pkg/` at `/pkg/`, the seed
//! examples at `/seeds/` and the connection settings at `/console-config.json`
//! on 127.0.0.1, prints the URL, and stops everything on Ctrl-C. With
//! `--check`, fetches a few URLs once, runs the browser tests
//! (`tests/browser/console.mjs`) against it all, and exits.

use crate::demo_stack::{self, DemoStack, StackOptions};
use crate::http_get::http_get;
use crate::static_server::{self, Site};
use crate::workspace::Workspace;
use anyhow::{bail, Context, Result};
use serde_json::json;
use std::net::SocketAddr;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// How the demo runs.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    /// The first port to try; `0` lets the system pick a free one.
    pub port: u16,
    /// Run the checks and the browser tests, then stop, instead of serving.
    pub check: bool,
}

/// The environment variable the browser tests read their addresses from.
const CONSOLE_TEST_ENV: &str = "EIAM_SYNC_CONSOLE_TEST";

/// Serves the console (or checks it, with `options.check`). `pkg/` and the
/// emulator and proxy binaries must be built.
pub fn serve(ws: &Workspace, options: &DemoOptions) -> Result<()> {
    // The page's origin must be known before the proxy starts (its CORS list).
    let bound = static_server::bind(options.port)?;
    let address = bound.address;
    let stop = Arc::new(AtomicBool::new(false));
    if !options.check {
        let flag = Arc::clone(&stop);
        ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))
            .context("could not install the Ctrl-C handler")?;
    }
    let mut stack = DemoStack::start(
        ws,
        &StackOptions {
            page_origin: format!("http://{address}"),
            // The browser tests make bursts of calls; a demo keeps the proxy's default.
            rate_limit: options.check.then_some("0"),
            own_process_group: !options.check,
        },
    )?;
    let site = Site {
        mounts: vec![
            static_server::mount("/pkg/", &ws.pkg_dir())?,
            static_server::mount("/seeds/", &ws.path("tests/fixtures/seeds"))?,
            static_server::mount("/", &ws.path("www"))?,
        ],
        documents: vec![("/console-config.json", stack.console_config())],
        csp: Some(static_server::page_csp(Some(&format!(
            "http://{}",
            stack.proxy
        )))),
        cross_origin_isolated: false,
    };
    let serving = bound.serve(site, Some("demo"))?;
    println!("\neiam-sync console: http://{address}/\n");
    let result = if options.check {
        check(address).and_then(|()| check_in_browser(ws, address, &stack))
    } else {
        println!("demo: serving until Ctrl-C");
        wait_for_stop(&stop, &mut stack)
    };
    serving.stop()?;
    drop(stack);
    if result.is_ok() && options.check {
        println!("demo: all checks passed");
    } else if result.is_ok() {
        println!("demo: stopped the server, the proxy and the emulator");
    }
    result
}

/// Waits for Ctrl-C; fails at once when the emulator or the proxy exits.
fn wait_for_stop(stop: &AtomicBool, stack: &mut DemoStack) -> Result<()> {
    while !stop.load(Ordering::SeqCst) {
        stack.check_alive()?;
        std::thread::sleep(Duration::from_millis(200));
    }
    Ok(())
}

/// Runs the console's browser tests (playwright-core, Debian chromium) with
/// the addresses in [`CONSOLE_TEST_ENV`]. Screenshots go to `<target>/screenshots/`.
fn check_in_browser(ws: &Workspace, address: SocketAddr, stack: &DemoStack) -> Result<()> {
    let settings = json!({
        "page": format!("http://{address}/"),
        "proxy": format!("http://{}", stack.proxy),
        "emulator": format!("http://{}", stack.emulator),
        "instanceId": stack.instance_id,
        "identityProviders": stack.identity_providers,
        "jobCount": stack.job_count,
        "dataFile": demo_stack::data_file(ws)?,
        "seedsDir": ws.path("tests/fixtures/seeds"),
        "screenshots": ws.target_dir.join("screenshots"),
        "profile": ws.target_dir.join("chromium-console-profile"),
        "scratch": ws.target_dir.join("console-test-files"),
    });
    crate::process::run(
        Command::new("node")
            .current_dir(&ws.root)
            .arg("tests/browser/console.mjs")
            .env(CONSOLE_TEST_ENV, settings.to_string()),
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
    expect("/views/jobs.js", 200, Some("text/javascript")),
    expect("/style.css", 200, Some("text/css")),
    expect("/favicon.svg", 200, Some("image/svg+xml")),
    expect("/console-config.json", 200, Some("application/json")),
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
