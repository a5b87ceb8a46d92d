//! `cargo xtask fuzz [seconds]`: runs every cargo-fuzz target for a fixed time
//! on nightly, then prints a table of executions and crashes.

use crate::process::{self, probe};
use crate::workspace::repository_root;
use anyhow::{bail, Context, Result};
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// How one target's run ended.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    /// Ran for the whole time without a failing input.
    Clean,
    /// libFuzzer found an input that crashes (panics, aborts, leaks, times out).
    Crashed,
    /// The run failed without fuzzing (e.g. the target does not build).
    Error,
}

struct TargetRun {
    target: String,
    seconds: f64,
    executions: Option<u64>,
    verdict: Verdict,
    artifacts: Vec<String>,
}

/// Fuzzes every target in `fuzz/fuzz_targets/` for `seconds` each; fails if any
/// target crashed or could not run.
pub fn fuzz(seconds: u64) -> Result<()> {
    let fuzz_dir = repository_root().join("fuzz");
    ensure_tools()?;
    let targets = list_targets(&fuzz_dir.join("fuzz_targets"))?;
    if targets.is_empty() {
        bail!("no fuzz targets in {}/fuzz_targets", fuzz_dir.display());
    }
    let seeds = repository_root()
        .join("tests")
        .join("fixtures")
        .join("seeds");
    let mut runs = Vec::new();
    for target in targets {
        runs.push(run_target(&fuzz_dir, &target, &seeds, seconds)?);
    }
    print_table(&runs);
    let failed: Vec<&str> = runs
        .iter()
        .filter(|run| run.verdict != Verdict::Clean)
        .map(|run| run.target.as_str())
        .collect();
    if !failed.is_empty() {
        bail!("fuzzing failed for {}", failed.join(", "));
    }
    Ok(())
}

fn ensure_tools() -> Result<()> {
    if probe(Command::new("rustup").args(["run", "nightly", "rustc", "--version"])).is_none() {
        process::run(Command::new("rustup").args([
            "toolchain",
            "install",
            "nightly",
            "--profile",
            "minimal",
        ]))?;
    }
    if probe(Command::new("cargo").args(["+nightly", "fuzz", "--version"])).is_none() {
        let install = |locked: bool| {
            let mut cmd = Command::new("cargo");
            cmd.args(["install", "cargo-fuzz"]);
            if locked {
                cmd.arg("--locked");
            }
            process::run(&mut cmd)
        };
        if let Err(error) = install(true) {
            println!("fuzz: `--locked` install of cargo-fuzz failed ({error:#}); retrying without");
            install(false)?;
        }
    }
    Ok(())
}

/// The stems of `*.rs` files in `dir`, sorted: cargo-fuzz names targets after them.
fn list_targets(dir: &Path) -> Result<Vec<String>> {
    let mut targets = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("could not read {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|extension| extension == "rs") {
            if let Some(stem) = path.file_stem().and_then(|stem| stem.to_str()) {
                targets.push(stem.to_owned());
            }
        }
    }
    targets.sort();
    Ok(targets)
}

fn run_target(fuzz_dir: &Path, target: &str, seeds: &Path, seconds: u64) -> Result<TargetRun> {
    println!("\n==> fuzz {target} for {seconds} s");
    let corpus = PathBuf::from("corpus").join(target);
    fs::create_dir_all(fuzz_dir.join(&corpus))
        .with_context(|| format!("could not create fuzz/{}", corpus.display()))?;
    let mut cmd = Command::new("cargo");
    cmd.current_dir(fuzz_dir)
        .args(["+nightly", "fuzz", "run", target])
        .arg(&corpus);
    if target.starts_with("parse_") || target.starts_with("fast_") {
        // Read-only seeds after the writable corpus: libFuzzer writes new inputs
        // only to the first directory.
        cmd.arg(seeds);
    }
    cmd.arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg("-print_final_stats=1")
        .stderr(Stdio::piped());
    println!("$ {}", process::describe(&cmd));

    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .with_context(|| format!("could not start cargo fuzz for {target}"))?;
    let mut executions = None;
    let mut artifacts = Vec::new();
    if let Some(stderr) = child.stderr.take() {
        // libFuzzer reports on stderr: pass every line through, keep what we need.
        for line in BufReader::new(stderr).lines() {
            let line = line.unwrap_or_default();
            eprintln!("{line}");
            if let Some(count) = executed_units(&line) {
                executions = Some(count);
            }
            if let Some((_, artifact)) = line.split_once("Test unit written to ") {
                artifacts.push(artifact.trim().to_owned());
            }
        }
    }
    let status = child.wait()?;
    let verdict = if status.success() {
        Verdict::Clean
    } else if executions.is_some() || !artifacts.is_empty() {
        Verdict::Crashed
    } else {
        Verdict::Error
    };
    Ok(TargetRun {
        target: target.to_owned(),
        seconds: start.elapsed().as_secs_f64(),
        executions,
        verdict,
        artifacts,
    })
}

/// The count in libFuzzer's `stat::number_of_executed_units: N` line.
fn executed_units(line: &str) -> Option<u64> {
    line.trim()
        .strip_prefix("stat::number_of_executed_units:")?
        .trim()
        .parse()
        .ok()
}

fn print_table(runs: &[TargetRun]) {
    let width = runs
        .iter()
        .map(|run| run.target.len())
        .max()
        .unwrap_or(0)
        .max("target".len());
    println!(
        "\n{:<width$}  {:>8}  {:>12}  crashed",
        "target", "seconds", "executions"
    );
    for run in runs {
        let executions = run
            .executions
            .map_or_else(|| "-".to_owned(), |count| count.to_string());
        let crashed = match run.verdict {
            Verdict::Clean => "no",
            Verdict::Crashed => "yes",
            Verdict::Error => "error (did not fuzz)",
        };
        println!(
            "{:<width$}  {:>8.1}  {:>12}  {crashed}",
            run.target, run.seconds, executions
        );
        for artifact in &run.artifacts {
            println!("{:<width$}  failing input: {artifact}", "");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_final_execution_count() {
        assert_eq!(
            executed_units("stat::number_of_executed_units: 123456"),
            Some(123_456)
        );
        assert_eq!(executed_units("stat::peak_rss_mb: 40"), None);
        assert_eq!(executed_units("#2048 pulse cov: 10"), None);
    }
}
