//! The browser half: serve the page, let `bench/run.mjs` drive headless
//! Chromium through it, and read back the page's results.

use super::server::BenchServer;
use super::BenchPlan;
use crate::process;
use crate::setup::CHROMIUM;
use crate::workspace::Workspace;
use anyhow::{bail, Context, Result};
use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::Command;

/// How long the page may take, generation and every run included.
const PAGE_TIMEOUT_MS: u64 = 20 * 60 * 1000;

/// Timings of one route, in milliseconds.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteStats {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    /// Every timed run, in the order they ran.
    pub samples: Vec<f64>,
}

/// A route's outcome: timed, or not available in this build of the package.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    Timed(RouteStats),
    Unavailable(String),
}

impl Route {
    pub fn median(&self) -> Option<f64> {
        match self {
            Route::Timed(stats) => Some(stats.median),
            Route::Unavailable(_) => None,
        }
    }
}

/// Results for one dataset size.
#[derive(Debug, Clone, PartialEq)]
pub struct SizeResults {
    pub jobs: u64,
    pub pages: u64,
    pub bytes: u64,
    /// (a) TextDecoder + JSON.parse + plain JS aggregation.
    pub baseline: Route,
    /// (b) JobAggregator over the bytes.
    pub aggregator: Route,
    /// (c) parseListSynchronizationJobs over the bytes.
    pub parse: Route,
    /// TextDecoder + JSON.parse alone, the reference of (c).
    pub json_parse: Route,
    /// Whether (b)'s summary deep-equals (a)'s; `None` when (b) is unavailable.
    pub aggregator_equal: Option<bool>,
    /// Where they first differ.
    pub aggregator_difference: Option<String>,
    /// Whether (c)'s objects deep-equal JSON.parse's.
    pub parse_equal: Option<bool>,
    /// Where they first differ.
    pub parse_difference: Option<String>,
}

/// Everything the page reported.
#[derive(Debug, Clone)]
pub struct BrowserResults {
    /// Facts about the run (browser, timer resolution, runs): no timings.
    pub facts: Value,
    pub sizes: Vec<SizeResults>,
}

/// Serves the page, runs it in headless Chromium and returns its results.
pub fn run(ws: &Workspace, plan: &BenchPlan, out_dir: &Path) -> Result<BrowserResults> {
    if !Path::new(CHROMIUM).exists() {
        bail!("{CHROMIUM} is missing: run `cargo xtask setup`");
    }
    if !ws.path("node_modules/playwright-core").is_dir() {
        bail!("node_modules/playwright-core is missing: run `cargo xtask setup` (npm ci)");
    }
    let raw_path = out_dir.join("browser-raw.json");
    if raw_path.exists() {
        fs::remove_file(&raw_path)
            .with_context(|| format!("could not remove {}", raw_path.display()))?;
    }
    let server = BenchServer::start(&ws.path("bench"), &ws.pkg_dir())?;
    let sizes: Vec<String> = plan.sizes.iter().map(u64::to_string).collect();
    // The page imports the entry's browser file from the served `pkg/`.
    let entry = plan.entry.entry();
    let module = Path::new("/pkg").join(entry.subdir).join("index.js");
    let url = format!(
        "http://{}/?sizes={}&runs={}&warmups={}&entry={}&module={}",
        server.address,
        sizes.join(","),
        plan.runs,
        plan.warmups,
        entry.specifier,
        module.display()
    );
    println!("bench: page {url}");
    let load_before = load_average();
    let outcome = process::run(
        Command::new("node")
            .current_dir(&ws.root)
            .arg(ws.path("bench/run.mjs"))
            .arg("--url")
            .arg(&url)
            .arg("--out")
            .arg(&raw_path)
            .arg("--user-data-dir")
            .arg(out_dir.join("chromium-profile"))
            .arg("--timeout-ms")
            .arg(PAGE_TIMEOUT_MS.to_string()),
    );
    server.stop()?;
    outcome?;
    let text = fs::read_to_string(&raw_path)
        .with_context(|| format!("could not read {}", raw_path.display()))?;
    let value: Value = serde_json::from_str(&text)
        .with_context(|| format!("{} is not JSON", raw_path.display()))?;
    let mut results = read_results(&value)?;
    if let Value::Object(facts) = &mut results.facts {
        // Not timings: what else the machine was doing, to judge the noise.
        facts.insert("loadAverageBefore".to_owned(), load_before.into());
        facts.insert("loadAverageAfter".to_owned(), load_average().into());
        facts.insert(
            "cpus".to_owned(),
            std::thread::available_parallelism()
                .map(|n| n.get())
                .ok()
                .into(),
        );
    }
    Ok(results)
}

/// The 1, 5 and 15 minute load averages of the machine (Linux), as text.
fn load_average() -> Option<String> {
    let text = fs::read_to_string("/proc/loadavg").ok()?;
    let fields: Vec<&str> = text.split_whitespace().take(3).collect();
    (fields.len() == 3).then(|| fields.join(" "))
}

/// Reads the page's JSON (see `bench/harness.mjs`).
pub fn read_results(value: &Value) -> Result<BrowserResults> {
    let facts = value.get("facts").cloned().unwrap_or(Value::Null);
    let sizes = value
        .get("sizes")
        .and_then(Value::as_array)
        .context("the page's results have no `sizes`")?
        .iter()
        .map(read_size)
        .collect::<Result<Vec<_>>>()?;
    Ok(BrowserResults { facts, sizes })
}

fn read_size(size: &Value) -> Result<SizeResults> {
    let number = |name: &str| {
        size.get(name)
            .and_then(Value::as_u64)
            .with_context(|| format!("a size has no `{name}`"))
    };
    let routes = size.get("routes").context("a size has no `routes`")?;
    let route = |name: &str| -> Result<Route> {
        let route = routes
            .get(name)
            .with_context(|| format!("a size has no route `{name}`"))?;
        if let Some(reason) = route.get("unavailable").and_then(Value::as_str) {
            return Ok(Route::Unavailable(reason.to_owned()));
        }
        let float = |key: &str| {
            route
                .get(key)
                .and_then(Value::as_f64)
                .with_context(|| format!("route `{name}` has no `{key}`"))
        };
        let samples = route
            .get("samples")
            .and_then(Value::as_array)
            .map(|samples| samples.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default();
        Ok(Route::Timed(RouteStats {
            median: float("median")?,
            min: float("min")?,
            max: float("max")?,
            samples,
        }))
    };
    let checks = size.get("checks");
    let check = |name: &str| checks.and_then(|c| c.get(name)).and_then(Value::as_bool);
    let note = |name: &str| {
        checks
            .and_then(|c| c.get(name))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    Ok(SizeResults {
        jobs: number("jobs")?,
        pages: number("pages")?,
        bytes: number("bytes")?,
        baseline: route("a")?,
        aggregator: route("b")?,
        parse: route("c")?,
        json_parse: route("jsonParse")?,
        aggregator_equal: check("aggregatorEqualsBaseline"),
        aggregator_difference: note("aggregatorDifference"),
        parse_equal: check("parseEqualsJsonParse"),
        parse_difference: note("parseDifference"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_timed_and_unavailable_routes() {
        let timed = serde_json::json!({ "median": 2.0, "min": 1.0, "max": 3.0, "samples": [1.0, 2.0, 3.0] });
        let value = serde_json::json!({
            "facts": { "runs": 3 },
            "sizes": [{
                "jobs": 1000, "pages": 10, "bytes": 1234,
                "checks": { "parseEqualsJsonParse": false, "parseDifference": "x: 1 vs 2" },
                "routes": { "a": timed, "b": { "unavailable": "no JobAggregator" }, "c": timed, "jsonParse": timed }
            }]
        });
        let results = read_results(&value).expect("complete results");
        let size = &results.sizes[0];
        assert_eq!((size.jobs, size.pages, size.bytes), (1000, 10, 1234));
        assert_eq!(size.baseline.median(), Some(2.0));
        assert_eq!(
            size.aggregator,
            Route::Unavailable("no JobAggregator".to_owned())
        );
        assert_eq!(size.aggregator_equal, None);
        assert_eq!(size.parse_equal, Some(false));
        assert_eq!(size.parse_difference.as_deref(), Some("x: 1 vs 2"));
        assert!(read_results(&serde_json::json!({})).is_err());
    }
}
