//! `cargo xtask test`: every check CI runs, in order, stopping at the first
//! failure; each step is announced before it runs, and a recap with wall times
//! ends the run (also after a failure).

use crate::build::{self, BuildOptions};
use crate::demo::{self, DemoOptions};
use crate::package_checks;
use crate::process::{self, find_program};
use crate::services::{self, Services, SERVICES_ENV};
use crate::setup::{self, CHROMEDRIVER};
use crate::vite_app;
use crate::workspace::{Workspace, LIBRARY_PACKAGE, WASM_TARGET};
use anyhow::{Context, Result};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// What a step did, for the recap.
pub enum Outcome {
    /// The step ran and passed.
    Passed,
}

/// Per-test time-out for the browser tests (the runner's default is 20 s).
const BROWSER_TEST_TIMEOUT_SECONDS: &str = "60";

/// Runs the whole suite.
pub fn test() -> Result<()> {
    let mut recap = Recap::default();
    recap.step("setup", || setup::setup().map(|()| Outcome::Passed))?;
    let ws = Workspace::load()?;
    println!("target directory: {}", ws.target_dir.display());

    recap.step("cargo fmt --check", || {
        cargo(&ws, &["fmt", "--all", "--", "--check"])
    })?;
    recap.step("cargo clippy (native)", || {
        clippy(&ws, &["--workspace", "--all-targets"])
    })?;
    let wasm_library = ["-p", LIBRARY_PACKAGE, "--target", WASM_TARGET];
    recap.step("cargo clippy (wasm32)", || {
        clippy(&ws, &[&wasm_library[..], &["--all-targets"]].concat())
    })?;
    // `eiam-sync/core`'s module: the library without the client and the reports.
    recap.step("cargo clippy (wasm32, core entry)", || {
        let core = ["--lib", "--no-default-features"];
        clippy(&ws, &[&wasm_library[..], &core].concat())
    })?;
    // Every public item carries a doc comment; broken links or markup fail.
    recap.step("cargo doc (warnings denied)", || {
        process::run(
            Command::new("cargo")
                .current_dir(&ws.root)
                .args(["doc", "--workspace", "--no-deps"])
                .env("RUSTDOCFLAGS", "-D warnings"),
        )?;
        Ok(Outcome::Passed)
    })?;
    // The proxy's tests start the emulator binary as a real process.
    recap.step("cargo build (binaries)", || {
        build::build_service_binaries(&ws).map(|()| Outcome::Passed)
    })?;
    recap.step("cargo test (native)", || {
        cargo(&ws, &["test", "--workspace"])
    })?;
    // The client's tests talk to real emulator + proxy pairs, started for
    // each step and stopped when it ends (`Services` is dropped), pass or fail.
    recap.step("wasm tests in Node", || {
        let services = Services::start(&ws, None)?;
        wasm_tests(&ws, "wasm_node", None, WasmBuild::Full(&services))
    })?;
    // The same binding tests, less the client's and the reports', on the
    // `eiam-sync/core` build (no services: its client tests are not built).
    recap.step("wasm tests in Node (core build)", || {
        wasm_tests(&ws, "wasm_node", None, WasmBuild::Core)
    })?;
    recap.step("wasm tests in headless Chromium", || {
        // The runner's page gets a fixed address so the proxies can allow its origin.
        let page = services::free_loopback_address()?;
        let services = Services::start(&ws, Some(&format!("http://{page}")))?;
        wasm_tests(&ws, "wasm_browser", Some(page), WasmBuild::Full(&services))
    })?;
    recap.step("wasm client tests in a Chromium Web Worker", || {
        let page = services::free_loopback_address()?;
        let services = Services::start(&ws, Some(&format!("http://{page}")))?;
        wasm_tests(&ws, "client_worker", Some(page), WasmBuild::Full(&services))
    })?;
    recap.step("build pkg/", || {
        build::build(&ws, &BuildOptions::default()).map(|()| Outcome::Passed)
    })?;

    let mut tarball = PathBuf::new();
    recap.step("npm pack", || {
        tarball = package_checks::pack(&ws)?;
        Ok(Outcome::Passed)
    })?;
    recap.step("tarball holds each entry's .wasm", || {
        package_checks::check_modules(&tarball)
    })?;
    recap.step("publint", || package_checks::publint(&ws, &tarball))?;
    recap.step("attw", || package_checks::attw(&ws, &tarball))?;
    recap.step("install tarball into tests/package", || {
        package_checks::install_into_consumer(&ws, &tarball)
    })?;
    recap.step("tsc (tests/package)", || {
        package_checks::typecheck_consumer(&ws)
    })?;
    recap.step("node --test (tests/package)", || {
        let services = Services::start(&ws, None)?;
        // Node's test runner passes its environment on to the test files.
        std::env::set_var(SERVICES_ENV, services.json());
        let outcome = package_checks::node_tests(&ws);
        std::env::remove_var(SERVICES_ENV);
        outcome
    })?;
    recap.step("Vite app with the package, in Chromium", || {
        vite_app::check(&ws, &tarball)
    })?;
    recap.step("demo --check (console browser tests)", || {
        let options = DemoOptions {
            port: 0,
            check: true,
        };
        demo::serve(&ws, &options).map(|()| Outcome::Passed)
    })?;

    recap.print();
    println!("\nall checks passed");
    Ok(())
}

/// `cargo clippy <selection> -- -D warnings`: any lint fails the step.
fn clippy(ws: &Workspace, selection: &[&str]) -> Result<Outcome> {
    let mut args = vec!["clippy"];
    args.extend_from_slice(selection);
    args.extend_from_slice(&["--", "-D", "warnings"]);
    cargo(ws, &args)
}

fn cargo(ws: &Workspace, args: &[&str]) -> Result<Outcome> {
    process::run(Command::new("cargo").current_dir(&ws.root).args(args))?;
    Ok(Outcome::Passed)
}

/// Which build of the library a wasm test target runs on.
enum WasmBuild<'a> {
    /// Default features, with the services the client's tests call.
    Full(&'a Services),
    /// `--no-default-features`, as `eiam-sync/core` is built: no client (so no
    /// services) and no reports.
    Core,
}

/// Runs one wasm-bindgen test target of the library with `wasm-bindgen-test-runner`,
/// in Node or (with the page's `browser` address, for tests configured
/// `run_in_browser`) headless Chromium. The services' addresses are compiled
/// into the tests (a browser page cannot read the environment).
fn wasm_tests(
    ws: &Workspace,
    test: &str,
    browser: Option<SocketAddr>,
    build: WasmBuild,
) -> Result<Outcome> {
    if !ws.has_library_test(test) {
        anyhow::bail!("the `{test}` test target is missing (tests/{test}.rs)");
    }
    let runner = find_program("wasm-bindgen-test-runner")
        .context("wasm-bindgen-test-runner is not installed: run `cargo xtask setup`")?;
    let mut cmd = Command::new("cargo");
    cmd.current_dir(&ws.root)
        .args(["test", "-p", LIBRARY_PACKAGE, "--target", WASM_TARGET])
        .args(["--test", test])
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", runner);
    match build {
        WasmBuild::Full(services) => cmd.env(SERVICES_ENV, services.json()),
        WasmBuild::Core => cmd.arg("--no-default-features").env_remove(SERVICES_ENV),
    };
    if let Some(page) = browser {
        cmd.env("CHROMEDRIVER", CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_TIMEOUT", BROWSER_TEST_TIMEOUT_SECONDS)
            .env("WASM_BINDGEN_TEST_ADDRESS", page.to_string());
    }
    process::run(&mut cmd)?;
    Ok(Outcome::Passed)
}

struct StepRecord {
    name: &'static str,
    elapsed: Duration,
    result: String,
}

/// The steps run so far, with their outcome and wall time.
#[derive(Default)]
struct Recap {
    records: Vec<StepRecord>,
    started: Option<Instant>,
}

impl Recap {
    /// Announces and runs one step; on failure prints the recap and returns an
    /// error naming the step.
    fn step(&mut self, name: &'static str, run: impl FnOnce() -> Result<Outcome>) -> Result<()> {
        self.started.get_or_insert_with(Instant::now);
        println!("\n==> [{}] {name}", self.records.len() + 1);
        let start = Instant::now();
        let result = run();
        let elapsed = start.elapsed();
        match result {
            Ok(outcome) => {
                let result = match outcome {
                    Outcome::Passed => "passed".to_owned(),
                };
                self.records.push(StepRecord {
                    name,
                    elapsed,
                    result,
                });
                Ok(())
            }
            Err(error) => {
                self.records.push(StepRecord {
                    name,
                    elapsed,
                    result: "FAILED".to_owned(),
                });
                self.print();
                Err(error.context(format!("step `{name}` failed")))
            }
        }
    }

    fn print(&self) {
        let width = self
            .records
            .iter()
            .map(|record| record.name.len())
            .max()
            .unwrap_or(0);
        println!("\nrecap:");
        for (index, record) in self.records.iter().enumerate() {
            println!(
                "  {:>2}. {:<width$}  {:>7.1} s  {}",
                index + 1,
                record.name,
                record.elapsed.as_secs_f64(),
                record.result
            );
        }
        if let Some(started) = self.started {
            println!("  total {:.1} s", started.elapsed().as_secs_f64());
        }
    }
}
