//! The browser benchmark's report: medians, ratios, targets with PASS/MISS,
//! and the package's gzipped size, as a markdown table (printed and written)
//! and as JSON.

use super::browser::{BrowserResults, Route, SizeResults};
use super::BenchPlan;
use crate::build::{gzipped_len, Entry, CORE_ENTRY, ENTRIES, GLUE_FILE, MODULE_FILE};
use anyhow::{Context, Result};
use serde_json::{json, Value};
use std::fmt::Write as _;
use std::path::Path;

/// Issue 3: (b)/(a) at most this at [`AGGREGATION_TARGET_JOBS`] jobs.
pub const AGGREGATION_TARGET: f64 = 0.5;
/// The size the aggregation target is set at.
pub const AGGREGATION_TARGET_JOBS: u64 = 10_000;
/// Issue 3: (c)/JSON.parse at most this.
pub const PARSE_TARGET: f64 = 1.5;
/// Issue 2: a module of the package (wasm + glue) at most this many gzipped
/// bytes (150 KB, KB = 1000 B as `cargo xtask build` prints it). It applies to
/// `eiam-sync/core`, the entry without the client and the reports (README
/// "Speed and size"); the root entry's size is reported beside it.
pub const SIZE_BUDGET_BYTES: u64 = 150_000;

/// The gzipped (best compression) size of one entry's wasm and JS glue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackageSize {
    pub wasm_gz: u64,
    pub glue_gz: u64,
}

impl PackageSize {
    /// Measures an entry directory's module and glue as `build` does.
    pub fn measure(dir: &Path) -> Result<Self> {
        let gz = |name: &str| -> Result<u64> {
            let path = dir.join(name);
            let bytes = std::fs::read(&path)
                .with_context(|| format!("could not read {}", path.display()))?;
            Ok(gzipped_len(&bytes)? as u64)
        };
        Ok(PackageSize {
            wasm_gz: gz(MODULE_FILE)?,
            glue_gz: gz(GLUE_FILE)?,
        })
    }

    pub fn total(&self) -> u64 {
        self.wasm_gz + self.glue_gz
    }
}

/// The size of each entry of the package ([`ENTRIES`]), root first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageSizes(pub Vec<(Entry, PackageSize)>);

impl PackageSizes {
    /// Measures every entry's directory of `pkg/`.
    pub fn measure(pkg: &Path) -> Result<Self> {
        ENTRIES
            .iter()
            .map(|entry| Ok((*entry, PackageSize::measure(&pkg.join(entry.subdir))?)))
            .collect::<Result<_>>()
            .map(PackageSizes)
    }

    /// The size of the entry the budget applies to, when it was measured.
    fn budget_entry(&self) -> Option<PackageSize> {
        self.0
            .iter()
            .find(|(entry, _)| *entry == CORE_ENTRY)
            .map(|(_, size)| *size)
    }
}

/// One target and how the run did against it.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub name: String,
    pub limit: String,
    /// The measured value, printed; `None` when it could not be measured.
    pub value: Option<String>,
    /// `Some(true)` PASS, `Some(false)` MISS, `None` not measured.
    pub met: Option<bool>,
    /// Why it was not measured.
    pub note: Option<String>,
}

impl Target {
    fn verdict(&self) -> &'static str {
        match self.met {
            Some(true) => "PASS",
            Some(false) => "**MISS**",
            None => "not measured",
        }
    }
}

/// The report of one browser run.
#[derive(Debug, Clone)]
pub struct BrowserReport {
    plan: BenchPlan,
    results: BrowserResults,
    package: PackageSizes,
}

/// `numerator / denominator` when both were timed.
fn ratio(numerator: &Route, denominator: &Route) -> Option<f64> {
    Some(numerator.median()? / denominator.median()?)
}

pub(super) fn with_thousands(n: u64) -> String {
    let digits = n.to_string();
    // The first group takes what is left over from groups of three.
    let first = match digits.len() % 3 {
        0 => 3,
        rest => rest,
    };
    let (head, tail) = digits.split_at(first.min(digits.len()));
    let mut out = head.to_owned();
    for group in tail.as_bytes().chunks(3) {
        out.push(',');
        out.push_str(&String::from_utf8_lossy(group));
    }
    out
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

/// `"140.0 KB (135.0 wasm + 5.0 glue)"`.
fn size_text(size: PackageSize) -> String {
    format!(
        "{} ({} wasm + {} glue)",
        kb(size.total()),
        kb(size.wasm_gz),
        kb(size.glue_gz)
    )
}

impl BrowserReport {
    pub fn new(plan: &BenchPlan, results: BrowserResults, package: PackageSizes) -> Self {
        BrowserReport {
            plan: plan.clone(),
            results,
            package,
        }
    }

    fn size(&self, jobs: u64) -> Option<&SizeResults> {
        self.results.sizes.iter().find(|size| size.jobs == jobs)
    }

    /// Every target of issue 3, measured or not.
    pub fn targets(&self) -> Vec<Target> {
        let mut targets = Vec::new();
        let aggregation_name = format!(
            "(b)/(a) at {} jobs",
            with_thousands(AGGREGATION_TARGET_JOBS)
        );
        let limit = format!("<= {AGGREGATION_TARGET}");
        targets.push(match self.size(AGGREGATION_TARGET_JOBS) {
            Some(size) => match ratio(&size.aggregator, &size.baseline) {
                Some(r) => Target {
                    name: aggregation_name,
                    limit,
                    value: Some(format!("{r:.2}")),
                    met: Some(r <= AGGREGATION_TARGET),
                    note: None,
                },
                None => Target {
                    name: aggregation_name,
                    limit,
                    value: None,
                    met: None,
                    note: Some("(b) unavailable: the package has no JobAggregator".to_owned()),
                },
            },
            None => Target {
                name: aggregation_name,
                limit,
                value: None,
                met: None,
                note: Some(format!(
                    "{} jobs not run (--quick)",
                    with_thousands(AGGREGATION_TARGET_JOBS)
                )),
            },
        });
        for size in &self.results.sizes {
            let name = format!("(c)/JSON.parse at {} jobs", with_thousands(size.jobs));
            let value = ratio(&size.parse, &size.json_parse);
            targets.push(Target {
                name,
                limit: format!("<= {PARSE_TARGET}"),
                value: value.map(|r| format!("{r:.2}")),
                met: value.map(|r| r <= PARSE_TARGET),
                note: None,
            });
        }
        let core = self.package.budget_entry();
        targets.push(Target {
            name: format!("{} gzipped (wasm + glue)", CORE_ENTRY.specifier),
            limit: format!("<= {}", kb(SIZE_BUDGET_BYTES)),
            value: core.map(size_text),
            met: core.map(|size| size.total() <= SIZE_BUDGET_BYTES),
            note: core.is_none().then(|| "not built".to_owned()),
        });
        targets
    }

    /// Checks that failed: the routes did not compute the same thing.
    pub fn disagreements(&self) -> Vec<String> {
        let mut out = Vec::new();
        for size in &self.results.sizes {
            let jobs = with_thousands(size.jobs);
            if size.aggregator_equal == Some(false) {
                out.push(format!(
                    "{jobs} jobs: JobAggregator's summary differs from the JS baseline's: {}",
                    size.aggregator_difference.as_deref().unwrap_or("?")
                ));
            }
            if size.parse_equal == Some(false) {
                out.push(format!(
                    "{jobs} jobs: parseListSynchronizationJobs differs from JSON.parse: {}",
                    size.parse_difference.as_deref().unwrap_or("?")
                ));
            }
        }
        out
    }
}

mod render;
#[cfg(test)]
mod tests;
