//! `cargo xtask setup`: installs what the other commands need. Idempotent, and
//! quick when everything is already there; prints one line per step.

use crate::lockfile;
use crate::process::{self, find_program, probe};
use crate::workspace::{repository_root, WASM_TARGET};
use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

/// Where Debian's `chromium` package puts the browser.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Where Debian's `chromium-driver` package puts the WebDriver server.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The oldest Node major version the package supports (and the tests need).
const NODE_MIN_MAJOR: u32 = 20;
/// How many times `apt-get install` is tried before giving up.
const APT_ATTEMPTS: u32 = 3;

/// What a setup step found.
enum Status {
    AlreadyThere(String),
    Installed(String),
}

/// Runs every setup step in order; stops at the first that cannot be completed.
pub fn setup() -> Result<()> {
    let root = repository_root();
    report("rust target", rust_target()?);
    report(
        "wasm-bindgen-cli",
        wasm_bindgen_cli(&root.join("Cargo.lock"))?,
    );
    report("chromium", chromium()?);
    report("node", node_version()?);
    report("npm packages", npm_packages(&root)?);
    Ok(())
}

fn report(step: &str, status: Status) {
    match status {
        Status::AlreadyThere(detail) => println!("setup: {step}: ok ({detail})"),
        Status::Installed(detail) => println!("setup: {step}: installed ({detail})"),
    }
}

fn rust_target() -> Result<Status> {
    let installed =
        probe(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        return Ok(Status::AlreadyThere(WASM_TARGET.to_owned()));
    }
    process::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    Ok(Status::Installed(WASM_TARGET.to_owned()))
}

/// The version a tool prints for `--version` as `<name> <version>`, if it runs.
fn tool_version(tool: &str) -> Option<String> {
    let program = find_program(tool)?;
    let output = probe(Command::new(program).arg("--version"))?;
    output.split_whitespace().nth(1).map(str::to_owned)
}

fn wasm_bindgen_cli(lock_path: &Path) -> Result<Status> {
    let wanted = lockfile::locked_version(lock_path, "wasm-bindgen")?;
    let bindgen = tool_version("wasm-bindgen");
    let runner = tool_version("wasm-bindgen-test-runner");
    if bindgen.as_deref() == Some(wanted.as_str()) && runner.as_deref() == Some(wanted.as_str()) {
        return Ok(Status::AlreadyThere(wanted));
    }
    println!(
        "setup: wasm-bindgen-cli: Cargo.lock wants {wanted}, found wasm-bindgen {} and \
         wasm-bindgen-test-runner {}; installing (takes a few minutes)",
        bindgen.as_deref().unwrap_or("none"),
        runner.as_deref().unwrap_or("none"),
    );
    let install = |locked: bool| {
        let mut cmd = Command::new("cargo");
        cmd.args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &wanted,
            "--force",
        ]);
        if locked {
            cmd.arg("--locked");
        }
        process::run(&mut cmd)
    };
    if let Err(error) = install(true) {
        // The CLI's own lock can name a crate version the registry no longer serves.
        println!("setup: wasm-bindgen-cli: `--locked` install failed ({error:#}); retrying without `--locked`");
        install(false)?;
    }
    for tool in ["wasm-bindgen", "wasm-bindgen-test-runner"] {
        let found = tool_version(tool);
        if found.as_deref() != Some(wanted.as_str()) {
            bail!(
                "after installing, `{tool} --version` gives {} instead of {wanted}: is {} on PATH?",
                found.as_deref().unwrap_or("nothing"),
                process::cargo_bin_dir().display()
            );
        }
    }
    Ok(Status::Installed(wanted))
}

fn chromium() -> Result<Status> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(Status::AlreadyThere(format!("{CHROMIUM}, {CHROMEDRIVER}")));
    }
    let apt = |args: &[&str]| {
        let mut cmd = if is_root() {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        process::run(&mut cmd)
    };
    apt(&["update"])?;
    let mut attempt = 1;
    while let Err(error) = apt(&["install", "-y", "chromium", "chromium-driver"]) {
        if attempt == APT_ATTEMPTS {
            return Err(error.context(format!("apt-get install failed {APT_ATTEMPTS} times")));
        }
        println!("setup: chromium: attempt {attempt} failed ({error:#}); repairing and retrying");
        // A half-finished install leaves broken dependencies; repair before retrying.
        if let Err(repair) = apt(&["--fix-broken", "install", "-y"]) {
            println!("setup: chromium: repair failed too ({repair:#})");
        }
        attempt += 1;
    }
    for path in [CHROMIUM, CHROMEDRIVER] {
        if !Path::new(path).exists() {
            bail!("apt-get installed chromium but {path} is missing");
        }
    }
    Ok(Status::Installed(format!("{CHROMIUM}, {CHROMEDRIVER}")))
}

fn is_root() -> bool {
    probe(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

fn node_version() -> Result<Status> {
    let version = probe(Command::new("node").arg("--version"))
        .context("`node --version` failed: install Node.js 20 or newer")?;
    let version = version.trim().to_owned();
    let major: u32 = version
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|major| major.parse().ok())
        .with_context(|| format!("cannot read the Node.js version `{version}`"))?;
    if major < NODE_MIN_MAJOR {
        bail!("Node.js {version} is too old: the package and its tests need {NODE_MIN_MAJOR} or newer");
    }
    Ok(Status::AlreadyThere(version))
}

fn npm_packages(root: &Path) -> Result<Status> {
    let lock = root.join("package-lock.json");
    let installed = root.join("node_modules").join(".package-lock.json");
    let lock_time = modified(&lock).with_context(|| format!("{} is missing", lock.display()))?;
    if modified(&installed).is_some_and(|installed_time| installed_time >= lock_time) {
        return Ok(Status::AlreadyThere(
            "node_modules matches package-lock.json".to_owned(),
        ));
    }
    process::run(Command::new("npm").arg("ci").current_dir(root))?;
    Ok(Status::Installed("npm ci".to_owned()))
}

fn modified(path: &Path) -> Option<SystemTime> {
    path.metadata().and_then(|meta| meta.modified()).ok()
}
