use super::super::browser::RouteStats;
use super::super::BenchEntry;
use super::*;
use crate::build::ROOT_ENTRY;

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
        entry: BenchEntry::Core,
    };
    let results = BrowserResults {
        facts: json!({ "userAgent": "HeadlessChrome" }),
        sizes,
    };
    let package = PackageSizes(vec![
        (
            ROOT_ENTRY,
            PackageSize {
                wasm_gz: 190_000,
                glue_gz: 10_000,
            },
        ),
        (
            CORE_ENTRY,
            PackageSize {
                wasm_gz: 100_000,
                glue_gz: 10_000,
            },
        ),
    ]);
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
    assert!(md.contains("(headless Chromium), `eiam-sync/core`"), "{md}");
    assert!(md.contains("**MISS**"), "{md}");
    assert!(md.contains("| 10,000 | 100 | 19,000,000 |"), "{md}");
    let json: Value = serde_json::from_str(&report.json_text().expect("json")).expect("valid");
    assert_eq!(json["sizes"][1]["ratios"]["b_over_a"], json!(0.4));
    assert!(
        md.contains("| `eiam-sync` | 200.0 KB (190.0 KB wasm + 10.0 KB glue) |"),
        "{md}"
    );
    assert!(
        md.contains("| eiam-sync/core gzipped (wasm + glue) | <= 150.0 KB | 110.0 KB"),
        "{md}"
    );
    assert_eq!(
        json["package"]["entries"][0]["totalGzBytes"],
        json!(200_000)
    );
    assert_eq!(
        json["package"]["entries"][1]["entry"],
        json!("eiam-sync/core")
    );
    assert_eq!(
        json["package"]["entries"][1]["totalGzBytes"],
        json!(110_000)
    );
}

#[test]
fn judges_the_budget_on_core_alone() {
    let mut over = report(vec![size(1_000, 10.0, timed(4.0), 12.0, 10.0)], true);
    over.package.0[1].1.wasm_gz = 146_001;
    let size_target = over.targets().pop().expect("the size target");
    assert_eq!(size_target.name, "eiam-sync/core gzipped (wasm + glue)");
    // 146,001 + 10,000 > 150,000.
    assert_eq!(size_target.met, Some(false));
    let mut within = over.clone();
    within.package.0[1].1.wasm_gz = 140_000;
    within.package.0[0].1.wasm_gz = 500_000;
    assert_eq!(within.targets().pop().expect("size").met, Some(true));
    // A package without the core entry: the budget is not measured, not met.
    within.package.0.truncate(1);
    let missing = within.targets().pop().expect("size");
    assert_eq!(
        (missing.met, missing.note.as_deref()),
        (None, Some("not built"))
    );
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
