//! The browser benchmark's report: medians, ratios, targets with PASS/MISS,
//! and the package's gzipped size, as a markdown table (printed and written)
//! and as JSON.

use super::browser::{BrowserResults, Route, SizeResults};
use super::BenchPlan;
use crate::build::gzipped_len;
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
/// Issue 2: the package (wasm + glue) at most this many gzipped bytes
/// (150 KB, KB = 1000 B as `cargo xtask build` prints it).
pub const SIZE_BUDGET_BYTES: u64 = 150_000;

/// The gzipped (best compression) size of the package's wasm and JS glue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackageSize {
    pub wasm_gz: u64,
    pub glue_gz: u64,
}

impl PackageSize {
    /// Measures `pkg/eiam_sync_bg.wasm` and `pkg/eiam_sync.js` as `build` does.
    pub fn measure(pkg: &Path) -> Result<Self> {
        let gz = |name: &str| -> Result<u64> {
            let path = pkg.join(name);
            let bytes = std::fs::read(&path)
                .with_context(|| format!("could not read {}", path.display()))?;
            Ok(gzipped_len(&bytes)? as u64)
        };
        Ok(PackageSize {
            wasm_gz: gz("eiam_sync_bg.wasm")?,
            glue_gz: gz("eiam_sync.js")?,
        })
    }

    pub fn total(&self) -> u64 {
        self.wasm_gz + self.glue_gz
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
    package: PackageSize,
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

impl BrowserReport {
    pub fn new(plan: &BenchPlan, results: BrowserResults, package: PackageSize) -> Self {
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
        let total = self.package.total();
        targets.push(Target {
            name: "package gzipped (wasm + glue)".to_owned(),
            limit: format!("<= {}", kb(SIZE_BUDGET_BYTES)),
            value: Some(format!(
                "{} ({} wasm + {} glue)",
                kb(total),
                kb(self.package.wasm_gz),
                kb(self.package.glue_gz)
            )),
            met: Some(total <= SIZE_BUDGET_BYTES),
            note: None,
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

    /// The report as markdown (also what the terminal shows).
    pub fn markdown(&self) -> String {
        let facts = &self.results.facts;
        let fact = |name: &str| facts.get(name).cloned().unwrap_or(Value::Null);
        let mut md = String::new();
        let _ = writeln!(md, "## Browser benchmark (headless Chromium)\n");
        let _ = writeln!(
            md,
            "{} timed runs per route after {} warm-up run(s), alternating on the same bytes \
             (a, b, a, b, ... and c, JSON.parse, c, ...); garbage collected before each run: {}; \
             timer resolution {} ms (cross-origin isolated: {}).{}\n",
            self.plan.runs,
            self.plan.warmups,
            fact("gcBetweenRuns"),
            fact("timerResolutionMs")
                .as_f64()
                .map_or_else(|| "?".to_owned(), |ms| format!("{ms:.3}")),
            fact("crossOriginIsolated"),
            if self.plan.quick {
                " **Quick run: indicative only.**"
            } else {
                ""
            }
        );
        if let Some(agent) = facts.get("userAgent").and_then(Value::as_str) {
            let _ = writeln!(md, "Browser: `{agent}`\n");
        }
        if let Some(before) = facts.get("loadAverageBefore").and_then(Value::as_str) {
            let _ = writeln!(
                md,
                "Machine: {} CPUs; load average (1, 5, 15 min) {before} before the run, {} after: \
                 a load near or above the CPU count means other work competed with the timings.\n",
                fact("cpus"),
                facts
                    .get("loadAverageAfter")
                    .and_then(Value::as_str)
                    .unwrap_or("?")
            );
        }
        let _ = writeln!(
            md,
            "| jobs | pages | bytes | route | median ms | min ms | max ms | ratio |"
        );
        let _ = writeln!(md, "|---:|---:|---:|---|---:|---:|---:|---|");
        for size in &self.results.sizes {
            let rows: [(&str, &Route, String); 4] = [
                (
                    "(a) JS: TextDecoder + JSON.parse + aggregate",
                    &size.baseline,
                    String::new(),
                ),
                (
                    "(b) JobAggregator: add(bytes) per page, summary()",
                    &size.aggregator,
                    ratio(&size.aggregator, &size.baseline)
                        .map(|r| format!("(b)/(a) = {r:.2}"))
                        .unwrap_or_default(),
                ),
                (
                    "(c) parseListSynchronizationJobs(bytes) per page",
                    &size.parse,
                    ratio(&size.parse, &size.json_parse)
                        .map(|r| format!("(c)/JSON.parse = {r:.2}"))
                        .unwrap_or_default(),
                ),
                (
                    "JSON.parse(TextDecoder) per page",
                    &size.json_parse,
                    String::new(),
                ),
            ];
            for (index, (name, route, ratio_text)) in rows.iter().enumerate() {
                let (jobs, pages, bytes) = if index == 0 {
                    (
                        with_thousands(size.jobs),
                        size.pages.to_string(),
                        with_thousands(size.bytes),
                    )
                } else {
                    Default::default()
                };
                let timings = match route {
                    Route::Timed(stats) => {
                        format!("{:.2} | {:.2} | {:.2}", stats.median, stats.min, stats.max)
                    }
                    Route::Unavailable(reason) => format!("unavailable ({reason}) | | "),
                };
                let _ = writeln!(
                    md,
                    "| {jobs} | {pages} | {bytes} | {name} | {timings} | {ratio_text} |"
                );
            }
        }
        let _ = writeln!(md, "\n### Targets\n");
        let _ = writeln!(md, "| target | limit | measured | verdict |");
        let _ = writeln!(md, "|---|---|---|---|");
        for target in self.targets() {
            let measured = target
                .value
                .clone()
                .or(target.note.clone())
                .unwrap_or_default();
            let _ = writeln!(
                md,
                "| {} | {} | {measured} | {} |",
                target.name,
                target.limit,
                target.verdict()
            );
        }
        let misses: Vec<String> = self
            .targets()
            .into_iter()
            .filter(|t| t.met == Some(false))
            .map(|t| t.name)
            .collect();
        if !misses.is_empty() {
            let _ = writeln!(
                md,
                "\nMISSED (a benchmark: reported, not failed): {}",
                misses.join("; ")
            );
        }
        let disagreements = self.disagreements();
        if disagreements.is_empty() {
            let checked: Vec<&str> = [
                self.results
                    .sizes
                    .iter()
                    .any(|s| s.aggregator_equal.is_some())
                    .then_some("(b)'s summary deep-equals (a)'s"),
                self.results
                    .sizes
                    .iter()
                    .any(|s| s.parse_equal.is_some())
                    .then_some("(c)'s objects deep-equal JSON.parse's"),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !checked.is_empty() {
                let _ = writeln!(
                    md,
                    "\nChecked before timing, at every size: {}.",
                    checked.join("; ")
                );
            }
        } else {
            let _ = writeln!(md, "\n**ROUTES DISAGREE**:");
            for line in disagreements {
                let _ = writeln!(md, "- {line}");
            }
        }
        md
    }

    /// The report as JSON: facts, per-size timings and ratios, targets, size.
    pub fn json_text(&self) -> Result<String> {
        let route_json = |route: &Route| match route {
            Route::Timed(stats) => json!({
                "medianMs": stats.median,
                "minMs": stats.min,
                "maxMs": stats.max,
                "samplesMs": stats.samples,
            }),
            Route::Unavailable(reason) => json!({ "unavailable": reason }),
        };
        let sizes: Vec<Value> = self
            .results
            .sizes
            .iter()
            .map(|size| {
                json!({
                    "jobs": size.jobs,
                    "pages": size.pages,
                    "bytes": size.bytes,
                    "routes": {
                        "a_jsBaseline": route_json(&size.baseline),
                        "b_jobAggregator": route_json(&size.aggregator),
                        "c_parseListSynchronizationJobs": route_json(&size.parse),
                        "jsonParse": route_json(&size.json_parse),
                    },
                    "ratios": {
                        "b_over_a": ratio(&size.aggregator, &size.baseline),
                        "c_over_jsonParse": ratio(&size.parse, &size.json_parse),
                    },
                    "checks": {
                        "aggregatorEqualsBaseline": size.aggregator_equal,
                        "aggregatorDifference": size.aggregator_difference,
                        "parseEqualsJsonParse": size.parse_equal,
                        "parseDifference": size.parse_difference,
                    },
                })
            })
            .collect();
        let targets: Vec<Value> = self
            .targets()
            .iter()
            .map(|t| {
                json!({
                    "target": t.name,
                    "limit": t.limit,
                    "measured": t.value,
                    "met": t.met,
                    "note": t.note,
                })
            })
            .collect();
        let report = json!({
            "quick": self.plan.quick,
            "runs": self.plan.runs,
            "warmups": self.plan.warmups,
            "facts": self.results.facts,
            "sizes": sizes,
            "package": {
                "wasmGzBytes": self.package.wasm_gz,
                "glueGzBytes": self.package.glue_gz,
                "totalGzBytes": self.package.total(),
                "budgetGzBytes": SIZE_BUDGET_BYTES,
            },
            "targets": targets,
        });
        Ok(serde_json::to_string_pretty(&report)? + "\n")
    }
}

#[cfg(test)]
mod tests {
    use super::super::browser::RouteStats;
    use super::*;

    fn timed(median: f64) -> Route {
        Route::Timed(RouteStats {
            median,
            min: median,
            max: median,
            samples: vec![median],
        })
    }

    fn size(jobs: u64, a: f64, b: Route, c: f64, json_parse: f64) -> SizeResults {
        SizeResults {
            jobs,
            pages: jobs / 100,
            bytes: jobs * 1900,
            baseline: timed(a),
            aggregator: b,
            parse: timed(c),
            json_parse: timed(json_parse),
            aggregator_equal: Some(true),
            aggregator_difference: None,
            parse_equal: Some(true),
            parse_difference: None,
        }
    }

    fn report(sizes: Vec<SizeResults>, quick: bool) -> BrowserReport {
        let plan = BenchPlan {
            sizes: sizes.iter().map(|s| s.jobs).collect(),
            runs: 15,
            warmups: 3,
            quick,
        };
        let results = BrowserResults {
            facts: json!({ "userAgent": "HeadlessChrome" }),
            sizes,
        };
        let package = PackageSize {
            wasm_gz: 100_000,
            glue_gz: 10_000,
        };
        BrowserReport::new(&plan, results, package)
    }

    #[test]
    fn judges_each_target() {
        let report = report(
            vec![
                size(1_000, 10.0, timed(8.0), 20.0, 10.0),
                size(10_000, 100.0, timed(40.0), 140.0, 100.0),
            ],
            false,
        );
        let targets = report.targets();
        let met: Vec<Option<bool>> = targets.iter().map(|t| t.met).collect();
        // (b)/(a) 0.4 at 10,000; (c) 2.0 at 1,000 and 1.4 at 10,000; 110 KB.
        assert_eq!(met, vec![Some(true), Some(false), Some(true), Some(true)]);
        let md = report.markdown();
        assert!(md.contains("(b)/(a) = 0.40"), "{md}");
        assert!(md.contains("**MISS**"), "{md}");
        assert!(md.contains("| 10,000 | 100 | 19,000,000 |"), "{md}");
        let json: Value = serde_json::from_str(&report.json_text().expect("json")).expect("valid");
        assert_eq!(json["sizes"][1]["ratios"]["b_over_a"], json!(0.4));
        assert_eq!(json["package"]["totalGzBytes"], json!(110_000));
    }

    #[test]
    fn says_what_was_not_measured() {
        let unavailable = Route::Unavailable("no JobAggregator".to_owned());
        let report = report(vec![size(1_000, 10.0, unavailable, 12.0, 10.0)], true);
        let first = &report.targets()[0];
        assert_eq!(first.met, None);
        assert!(first.note.as_deref().unwrap_or("").contains("--quick"));
        assert!(report.markdown().contains("unavailable (no JobAggregator)"));
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(with_thousands(0), "0");
        assert_eq!(with_thousands(999), "999");
        assert_eq!(with_thousands(1_000), "1,000");
        assert_eq!(with_thousands(19_240_255), "19,240,255");
    }
}
