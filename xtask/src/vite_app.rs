//! The bundler check: `tests/vite-app/` installs the packed package, Vite
//! builds it, and the build is loaded in headless Chromium from a loopback
//! server under the same CSP as the console (`tests/browser/vite-app.mjs`).

use crate::package_checks;
use crate::process;
use crate::static_server::{self, Site};
use crate::suite::Outcome;
use crate::workspace::Workspace;
use anyhow::Result;
use std::path::Path;
use std::process::Command;

/// The app's directory.
const APP_DIR: &str = "tests/vite-app";

/// Installs `tarball` into the app, builds it with Vite into
/// `<target>/vite-app-dist`, serves that on 127.0.0.1 and loads it in Chromium.
pub fn check(ws: &Workspace, tarball: &Path) -> Result<Outcome> {
    let app = ws.path(APP_DIR);
    package_checks::install_tarball(&app, tarball)?;
    let dist = ws.target_dir.join("vite-app-dist");
    process::run(
        Command::new(ws.npm_bin("vite"))
            .current_dir(&app)
            .args(["build", "--emptyOutDir", "--logLevel", "warn", "--outDir"])
            .arg(&dist),
    )?;
    let bound = static_server::bind(0)?;
    let url = format!("http://{}/", bound.address);
    let serving = bound.serve(
        Site {
            mounts: vec![static_server::mount("/", &dist)?],
            documents: Vec::new(),
            csp: Some(static_server::page_csp(None)),
            cross_origin_isolated: false,
        },
        Some("vite app"),
    )?;
    let result = process::run(
        Command::new("node")
            .current_dir(&ws.root)
            .arg("tests/browser/vite-app.mjs")
            .arg(&url)
            .arg(ws.target_dir.join("chromium-vite-profile")),
    );
    serving.stop()?;
    result?;
    Ok(Outcome::Passed)
}
