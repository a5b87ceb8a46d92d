//! The native half: write the generated pages to `<target>/bench/pages/`, run
//! the criterion benches of `bench/core.rs` on them, and copy the medians
//! criterion wrote under `<target>/criterion/` into `<target>/bench/native.md`.

use super::report::with_thousands;
use super::BenchPlan;
use crate::process;
use crate::workspace::{Workspace, LIBRARY_PACKAGE};
use anyhow::{Context, Result};
use serde_json::Value;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// The bench target in the root package (`[[bench]] name = "core"`).
const BENCH_TARGET: &str = "core";
/// The criterion groups `bench/core.rs` defines.
const GROUPS: [&str; 2] = ["parse_list_page", "aggregate"];

/// One benchmark criterion measured.
#[derive(Debug, Clone, PartialEq)]
pub struct NativeResult {
    pub group: String,
    pub function: String,
    /// The parameter: the job count.
    pub jobs: String,
    /// Median time of one iteration (all pages of the dataset), in nanoseconds.
    pub median_ns: f64,
    /// Bytes per iteration, when the bench declared them.
    pub bytes: Option<u64>,
}

/// Runs the native benches and writes `native.md`; skips them, saying how to
/// enable them, when the root Cargo.toml has no `core` bench target yet.
pub fn run(ws: &Workspace, plan: &BenchPlan, out_dir: &Path) -> Result<()> {
    if !has_bench_target(ws) {
        println!(
            "\nbench: native benches skipped: the root Cargo.toml declares no `{BENCH_TARGET}` \
             bench target yet. Add this line to its \
             [target.'cfg(not(target_arch = \"wasm32\"))'.dev-dependencies] table:\n\n\
             criterion = {{ version = \"0.7\", default-features = false, features = [\"cargo_bench_support\"] }}\n\n\
             and this table:\n\n\
             [[bench]]\nname = \"core\"\npath = \"bench/core.rs\"\nharness = false\n"
        );
        return Ok(());
    }
    let pages_dir = out_dir.join("pages");
    let sizes: Vec<String> = plan.sizes.iter().map(u64::to_string).collect();
    let sizes = sizes.join(",");
    process::run(
        Command::new("node")
            .current_dir(&ws.root)
            .arg(ws.path("bench/generate.mjs"))
            .args(["--jobs", &sizes, "--out"])
            .arg(&pages_dir),
    )?;

    let started = SystemTime::now();
    let mut cmd = Command::new("cargo");
    cmd.current_dir(&ws.root)
        .args(["bench", "-p", LIBRARY_PACKAGE, "--bench", BENCH_TARGET])
        .env("EIAM_SYNC_BENCH_PAGES", &pages_dir)
        .env("EIAM_SYNC_BENCH_JOBS", &sizes);
    if plan.quick {
        cmd.args(["--", "--quick"]);
    }
    process::run(&mut cmd)?;

    let criterion_dir = ws.target_dir.join("criterion");
    let results = read_criterion(&criterion_dir, started)?;
    let markdown = markdown(&results, plan.quick);
    println!("\n{markdown}");
    let path = out_dir.join("native.md");
    fs::write(&path, &markdown).with_context(|| format!("could not write {}", path.display()))?;
    println!("bench: wrote {}", path.display());
    Ok(())
}

/// Whether `cargo metadata` lists the `core` bench of the library package.
fn has_bench_target(ws: &Workspace) -> bool {
    let output = process::probe(Command::new("cargo").current_dir(&ws.root).args([
        "metadata",
        "--format-version",
        "1",
        "--no-deps",
    ]));
    let Some(metadata) = output.and_then(|text| serde_json::from_str::<Value>(&text).ok()) else {
        return false;
    };
    metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|package| package["name"] == LIBRARY_PACKAGE)
        .flat_map(|package| package["targets"].as_array().into_iter().flatten())
        .any(|target| {
            target["name"] == BENCH_TARGET
                && target["kind"]
                    .as_array()
                    .is_some_and(|kinds| kinds.iter().any(|kind| kind == "bench"))
        })
}

/// The results criterion wrote at or after `since` for the groups of `bench/core.rs`:
/// `<criterion>/<group>/<function>/<jobs>/new/{benchmark,estimates}.json`.
pub fn read_criterion(criterion_dir: &Path, since: SystemTime) -> Result<Vec<NativeResult>> {
    let mut results = Vec::new();
    for group in GROUPS {
        for function_dir in subdirectories(&criterion_dir.join(group)) {
            for parameter_dir in subdirectories(&function_dir) {
                let new = parameter_dir.join("new");
                let estimates_path = new.join("estimates.json");
                let fresh = estimates_path
                    .metadata()
                    .and_then(|meta| meta.modified())
                    .is_ok_and(|modified| modified >= since);
                if !fresh {
                    continue;
                }
                let estimates = read_json(&estimates_path)?;
                let benchmark = read_json(&new.join("benchmark.json"))?;
                let text = |value: &Value, fallback: &Path| {
                    value.as_str().map(str::to_owned).unwrap_or_else(|| {
                        fallback
                            .file_name()
                            .unwrap_or_default()
                            .to_string_lossy()
                            .into_owned()
                    })
                };
                results.push(NativeResult {
                    group: group.to_owned(),
                    function: text(&benchmark["function_id"], &function_dir),
                    jobs: text(&benchmark["value_str"], &parameter_dir),
                    median_ns: estimates["median"]["point_estimate"]
                        .as_f64()
                        .with_context(|| format!("{} has no median", estimates_path.display()))?,
                    bytes: benchmark["throughput"]["Bytes"].as_u64(),
                });
            }
        }
    }
    // By size, then in the order `bench/core.rs` runs them.
    results.sort_by_key(|r| {
        let group = GROUPS.iter().position(|g| *g == r.group);
        (r.jobs.parse::<u64>().unwrap_or(u64::MAX), group)
    });
    Ok(results)
}

fn subdirectories(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn read_json(path: &Path) -> Result<Value> {
    let text =
        fs::read_to_string(path).with_context(|| format!("could not read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} is not JSON", path.display()))
}

/// The medians as a markdown table, with the parser's time against serde_json's `Value`.
pub fn markdown(results: &[NativeResult], quick: bool) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "## Native benches (criterion, `bench/core.rs`)\n");
    let _ = writeln!(
        md,
        "Medians of one iteration over every page of the dataset, from criterion's \
         estimates; Cargo's `bench` profile (it inherits `release`).{}\n",
        if quick {
            " **Quick run (criterion --quick).**"
        } else {
            ""
        }
    );
    if results.is_empty() {
        let _ = writeln!(md, "No results: criterion wrote nothing in this run.");
        return md;
    }
    let _ = writeln!(
        md,
        "| jobs | benchmark | median ms | MB/s | vs serde_json Value |"
    );
    let _ = writeln!(md, "|---:|---|---:|---:|---:|");
    for result in results {
        let reference = results.iter().find(|other| {
            other.jobs == result.jobs
                && other.group == "parse_list_page"
                && other.function == "serde_json_value"
        });
        let versus = reference
            .map(|reference| format!("{:.2}", result.median_ns / reference.median_ns))
            .unwrap_or_default();
        let throughput = result
            .bytes
            .map(|bytes| format!("{:.1}", bytes as f64 / result.median_ns * 1e3))
            .unwrap_or_default();
        let _ = writeln!(
            md,
            "| {} | {}/{} | {:.2} | {throughput} | {versus} |",
            result
                .jobs
                .parse()
                .map_or_else(|_| result.jobs.clone(), with_thousands),
            result.group,
            result.function,
            result.median_ns / 1e6
        );
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fresh_criterion_results() {
        let base = std::env::temp_dir().join(format!("xtask-bench-native-{}", std::process::id()));
        let write = |function: &str, median: f64| {
            let new = base
                .join("parse_list_page")
                .join(function)
                .join("1000")
                .join("new");
            fs::create_dir_all(&new).expect("dirs");
            let benchmark = serde_json::json!({
                "group_id": "parse_list_page", "function_id": function,
                "value_str": "1000", "throughput": { "Bytes": 2_000_000 }
            });
            let estimates = serde_json::json!({ "median": { "point_estimate": median } });
            fs::write(new.join("benchmark.json"), benchmark.to_string()).expect("write");
            fs::write(new.join("estimates.json"), estimates.to_string()).expect("write");
        };
        let before = SystemTime::now() - std::time::Duration::from_secs(5);
        write("eiam_sync", 20e6);
        write("serde_json_value", 10e6);
        let results = read_criterion(&base, before).expect("results");
        assert_eq!(results.len(), 2);
        assert_eq!(results[0].function, "eiam_sync");
        let md = markdown(&results, false);
        // 2 MB in 20 ms = 100 MB/s; twice serde_json's time.
        assert!(
            md.contains("| 1,000 | parse_list_page/eiam_sync | 20.00 | 100.0 | 2.00 |"),
            "{md}"
        );
        let later = SystemTime::now() + std::time::Duration::from_secs(60);
        assert!(read_criterion(&base, later).expect("none").is_empty());
        fs::remove_dir_all(base).ok();
    }
}
