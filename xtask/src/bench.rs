//! `cargo xtask bench`: the performance benchmark of issue 3 (not a test).
//!
//! 1. builds the package (unless `--no-build`);
//! 2. serves `pkg/` and `bench/` on 127.0.0.1 and opens `bench/index.html` in
//!    Debian's headless Chromium through `bench/run.mjs` (playwright-core); the
//!    page generates the ListSynchronizationJobs pages (`bench/generate.mjs`),
//!    checks that the routes agree and times them alternately;
//! 3. prints the medians, ratios and targets, with the package's gzipped size,
//!    and writes them to `<target>/bench/browser.{json,md}`;
//! 4. runs the criterion benches of the native core (`bench/core.rs`) on the
//!    same pages and writes their medians to `<target>/bench/native.md`.
//!
//! A missed target is printed as MISS and does not fail the command; routes
//! that disagree do (a benchmark of different work means nothing).
//! `cargo xtask bench proxy` is reserved for the proxy benchmark (issue 4).

mod browser;
mod native;
mod report;
mod server;

use crate::build::{self, BuildOptions, Entry, CORE_ENTRY, ROOT_ENTRY};
use crate::workspace::Workspace;
use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};
use std::fs;
use std::path::PathBuf;

/// The command line of `cargo xtask bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    #[command(subcommand)]
    pub suite: Option<BenchSuite>,
    /// A fast smoke run: 1,000 jobs only, fewer runs, criterion's --quick.
    #[arg(long)]
    pub quick: bool,
    /// Timed runs per route in the browser (default 21, or 5 with --quick).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub runs: Option<u32>,
    /// Benchmark pkg/ as it is, without building it first.
    #[arg(long)]
    pub no_build: bool,
    /// Skip the native criterion benches.
    #[arg(long)]
    pub no_native: bool,
    /// The package entry the browser benchmark imports: `root` (`eiam-sync`) or
    /// `core` (`eiam-sync/core`, built without the client and the reports).
    #[arg(long, value_enum, default_value_t = BenchEntry::Root)]
    pub entry: BenchEntry,
}

/// Which entry's module the browser benchmark times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BenchEntry {
    /// `eiam-sync`: `pkg/index.js`.
    Root,
    /// `eiam-sync/core`: `pkg/core/index.js`.
    Core,
}

impl BenchEntry {
    /// The package entry it names.
    pub fn entry(self) -> &'static Entry {
        match self {
            BenchEntry::Root => &ROOT_ENTRY,
            BenchEntry::Core => &CORE_ENTRY,
        }
    }
}

/// Other benchmarks than the default (the package's, in a browser and native).
#[derive(Debug, Subcommand)]
pub enum BenchSuite {
    /// Latency and throughput of eiam-sync-proxy against the emulator (issue 4).
    Proxy(crate::bench_proxy::ProxyBenchArgs),
}

/// What one run measures.
#[derive(Debug, Clone)]
pub struct BenchPlan {
    /// Job counts of the generated datasets.
    pub sizes: Vec<u64>,
    /// Timed runs per route.
    pub runs: u32,
    /// Untimed runs per route before them.
    pub warmups: u32,
    /// Criterion's `--quick`.
    pub quick: bool,
    /// The entry the browser page imports.
    pub entry: BenchEntry,
}

/// The dataset sizes of a full run and of `--quick`.
const FULL_SIZES: [u64; 2] = [1_000, 10_000];
const QUICK_SIZES: [u64; 1] = [1_000];

impl BenchPlan {
    fn from_args(args: &BenchArgs) -> Self {
        let (sizes, runs, warmups) = if args.quick {
            (QUICK_SIZES.to_vec(), 5, 1)
        } else {
            (FULL_SIZES.to_vec(), 21, 3)
        };
        BenchPlan {
            sizes,
            runs: args.runs.unwrap_or(runs),
            warmups,
            quick: args.quick,
            entry: args.entry,
        }
    }
}

/// Runs `cargo xtask bench [--quick] [proxy]`.
pub fn bench(args: &BenchArgs) -> Result<()> {
    if let Some(BenchSuite::Proxy(proxy)) = &args.suite {
        return crate::bench_proxy::run(&Workspace::load()?, proxy.options(args.quick));
    }
    let plan = BenchPlan::from_args(args);
    let ws = Workspace::load()?;
    if !args.no_build {
        build::build(&ws, &BuildOptions::default())?;
    }
    let out_dir = bench_dir(&ws);
    fs::create_dir_all(&out_dir)
        .with_context(|| format!("could not create {}", out_dir.display()))?;

    let results = browser::run(&ws, &plan, &out_dir)?;
    let package = report::PackageSizes::measure(&ws.pkg_dir())?;
    let browser_report = report::BrowserReport::new(&plan, results, package);
    let markdown = browser_report.markdown();
    println!("\n{markdown}");
    let json_path = out_dir.join("browser.json");
    let md_path = out_dir.join("browser.md");
    write(&json_path, &browser_report.json_text()?)?;
    write(&md_path, &markdown)?;
    println!(
        "bench: wrote {} and {}",
        json_path.display(),
        md_path.display()
    );

    if args.no_native {
        println!("bench: native benches skipped (--no-native)");
    } else {
        native::run(&ws, &plan, &out_dir)?;
    }

    let disagreements = browser_report.disagreements();
    if !disagreements.is_empty() {
        bail!(
            "the routes disagree, so the timings compare different work:\n  {}",
            disagreements.join("\n  ")
        );
    }
    Ok(())
}

/// `<target>/bench/`, where every result goes.
fn bench_dir(ws: &Workspace) -> PathBuf {
    ws.target_dir.join("bench")
}

fn write(path: &std::path::Path, text: &str) -> Result<()> {
    fs::write(path, text).with_context(|| format!("could not write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(quick: bool, runs: Option<u32>) -> BenchArgs {
        BenchArgs {
            suite: None,
            quick,
            runs,
            no_build: false,
            no_native: false,
            entry: BenchEntry::Root,
        }
    }

    #[test]
    fn quick_runs_the_small_size_only() {
        let plan = BenchPlan::from_args(&args(true, None));
        assert_eq!(plan.sizes, vec![1_000]);
        assert!(plan.quick);
        let plan = BenchPlan::from_args(&args(false, Some(30)));
        assert_eq!(plan.sizes, vec![1_000, 10_000]);
        assert_eq!(plan.runs, 30);
        assert!(plan.runs >= 15 && plan.warmups >= 3);
        assert!(BenchPlan::from_args(&args(false, None)).runs >= 15);
    }

    #[test]
    fn parses_the_command_line() {
        use clap::Parser;
        let cli = crate::Cli::try_parse_from(["xtask", "bench", "--quick", "--runs", "7"])
            .expect("bench flags parse");
        assert!(matches!(
            cli.command,
            crate::Task::Bench(BenchArgs {
                quick: true,
                runs: Some(7),
                suite: None,
                entry: BenchEntry::Root,
                ..
            })
        ));
        let cli = crate::Cli::try_parse_from(["xtask", "bench", "--entry", "core"])
            .expect("--entry core parses");
        assert!(matches!(
            cli.command,
            crate::Task::Bench(BenchArgs {
                entry: BenchEntry::Core,
                ..
            })
        ));
        assert!(crate::Cli::try_parse_from(["xtask", "bench", "--entry", "manual"]).is_err());
        let cli = crate::Cli::try_parse_from(["xtask", "bench", "proxy"]).expect("proxy parses");
        assert!(matches!(
            cli.command,
            crate::Task::Bench(BenchArgs {
                suite: Some(BenchSuite::Proxy(_)),
                ..
            })
        ));
        assert!(crate::Cli::try_parse_from(["xtask", "bench", "--runs", "0"]).is_err());
    }
}
