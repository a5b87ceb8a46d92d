//! The report as Markdown (printed and written to `target/bench/browser.md`)
//! and as JSON (`browser.json`).

use super::*;

impl BrowserReport {
    /// The report as markdown (also what the terminal shows).
    pub fn markdown(&self) -> String {
        let facts = &self.results.facts;
        let fact = |name: &str| facts.get(name).cloned().unwrap_or(Value::Null);
        let mut md = String::new();
        let _ = writeln!(
            md,
            "## Browser benchmark (headless Chromium), `{}`\n",
            self.plan.entry.entry().specifier
        );
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
        let _ = writeln!(md, "\n### Package size (gzipped, best compression)\n");
        let _ = writeln!(md, "| entry | wasm + glue |");
        let _ = writeln!(md, "|---|---|");
        for (entry, size) in &self.package.0 {
            let _ = writeln!(md, "| `{}` | {} |", entry.specifier, size_text(*size));
        }
        let _ = writeln!(
            md,
            "\nThe {} budget applies to `{}`; the root entry adds the client and the reports.",
            kb(SIZE_BUDGET_BYTES),
            CORE_ENTRY.specifier
        );
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
            "entry": self.plan.entry.entry().specifier,
            "quick": self.plan.quick,
            "runs": self.plan.runs,
            "warmups": self.plan.warmups,
            "facts": self.results.facts,
            "sizes": sizes,
            "package": {
                "entries": self.package.0.iter().map(|(entry, size)| json!({
                    "entry": entry.specifier,
                    "wasmGzBytes": size.wasm_gz,
                    "glueGzBytes": size.glue_gz,
                    "totalGzBytes": size.total(),
                })).collect::<Vec<_>>(),
                "budgetGzBytes": SIZE_BUDGET_BYTES,
                "budgetEntry": CORE_ENTRY.specifier,
            },
            "targets": targets,
        });
        Ok(serde_json::to_string_pretty(&report)? + "\n")
    }
}
