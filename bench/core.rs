//! Criterion benches of the native core on the benchmark's generated
//! ListSynchronizationJobs pages (the same bytes the browser benchmark times):
//!
//! - `parse_list_page/eiam_sync`: `eiam_sync::parse::list_synchronization_jobs`
//!   on every page;
//! - `parse_list_page/serde_json_value`: `serde_json::from_slice::<Value>` on
//!   every page, the untyped reference (what `JSON.parse` is to the browser);
//! - `parse_list_page/fast_scan`: `eiam_sync::parse::fast::list_synchronization_jobs`
//!   on every page, the validating scan of `parseListSynchronizationJobs`;
//! - `aggregate/job_aggregator_bytes`: a `JobAggregator` fed every page's
//!   bytes, then `summary()` (the fast scanner's route);
//! - `aggregate/job_aggregator_parsed`: the same through the serde parser
//!   (`add_list_response` of each parsed page), the route the scanner replaces.
//!
//! The pages come from `bench/generate.mjs --out DIR` (`cargo xtask bench`
//! writes them to `<target>/bench/pages/<jobs>/page-NNN.json` and sets
//! `EIAM_SYNC_BENCH_PAGES`); `EIAM_SYNC_BENCH_JOBS` (e.g. `1000,10000`) picks
//! the sizes, default every size found. Run it with `cargo xtask bench`.
//!
//! The file is in `bench/`, not `benches/`, so Cargo never picks it up on its
//! own: only the `[[bench]]` entry in Cargo.toml (with `path`) declares it,
//! next to its criterion dev-dependency.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
    use eiam_sync::analyze::{JobAggregator, SummaryOptions};
    use eiam_sync::parse::{self, ParseOptions};
    use std::hint::black_box;
    use std::path::{Path, PathBuf};
    use std::time::Duration;

    /// The pages of one size.
    struct Dataset {
        jobs: usize,
        pages: Vec<Vec<u8>>,
    }

    impl Dataset {
        fn bytes(&self) -> u64 {
            self.pages.iter().map(|page| page.len() as u64).sum()
        }
    }

    /// Reads `<dir>/<jobs>/page-*.json` for each size, in page order.
    fn load(dir: &Path, wanted: Option<&[usize]>) -> Result<Vec<Dataset>, String> {
        let mut sizes: Vec<usize> = std::fs::read_dir(dir)
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse().ok())
            .filter(|jobs| wanted.is_none_or(|wanted| wanted.contains(jobs)))
            .collect();
        sizes.sort_unstable();
        let mut datasets = Vec::new();
        for jobs in sizes {
            let size_dir = dir.join(jobs.to_string());
            let mut files: Vec<PathBuf> = std::fs::read_dir(&size_dir)
                .map_err(|e| format!("cannot read {}: {e}", size_dir.display()))?
                .filter_map(|entry| Some(entry.ok()?.path()))
                .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
                .collect();
            files.sort();
            let pages = files
                .iter()
                .map(|file| {
                    std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))
                })
                .collect::<Result<Vec<_>, _>>()?;
            if !pages.is_empty() {
                datasets.push(Dataset { jobs, pages });
            }
        }
        Ok(datasets)
    }

    /// Checks the parser accepts every page and counts what it read.
    fn check(dataset: &Dataset) -> Result<(), String> {
        let mut jobs = 0;
        for (index, page) in dataset.pages.iter().enumerate() {
            let response = parse::list_synchronization_jobs(page, ParseOptions::default())
                .map_err(|e| format!("page {index} of {} jobs: {e:?}", dataset.jobs))?;
            jobs += response.synchronization_jobs.len();
            // The benches must time the fast route, not a silent fallback.
            if parse::fast::list_synchronization_jobs(page, ParseOptions::default()).is_none() {
                return Err(format!(
                    "page {index} of {} jobs: the fast scanner declines it",
                    dataset.jobs
                ));
            }
        }
        if jobs != dataset.jobs {
            return Err(format!("read {jobs} jobs, expected {}", dataset.jobs));
        }
        Ok(())
    }

    fn configure(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
        // Whole datasets per iteration (milliseconds each): few, flat samples.
        group
            .sampling_mode(SamplingMode::Flat)
            .sample_size(20)
            .warm_up_time(Duration::from_secs(2))
            .measurement_time(Duration::from_secs(8));
    }

    fn parse_pages(c: &mut Criterion, datasets: &[Dataset]) {
        let mut group = c.benchmark_group("parse_list_page");
        configure(&mut group);
        for dataset in datasets {
            group.throughput(Throughput::Bytes(dataset.bytes()));
            group.bench_with_input(
                BenchmarkId::new("eiam_sync", dataset.jobs),
                dataset,
                |b, dataset| {
                    b.iter(|| {
                        for page in &dataset.pages {
                            let response = parse::list_synchronization_jobs(
                                black_box(page),
                                ParseOptions::default(),
                            );
                            black_box(response.is_ok());
                        }
                    });
                },
            );
            group.bench_with_input(
                BenchmarkId::new("serde_json_value", dataset.jobs),
                dataset,
                |b, dataset| {
                    b.iter(|| {
                        for page in &dataset.pages {
                            let value =
                                serde_json::from_slice::<serde_json::Value>(black_box(page));
                            black_box(value.is_ok());
                        }
                    });
                },
            );
            group.bench_with_input(
                BenchmarkId::new("fast_scan", dataset.jobs),
                dataset,
                |b, dataset| {
                    b.iter(|| {
                        for page in &dataset.pages {
                            let body = parse::fast::list_synchronization_jobs(
                                black_box(page),
                                ParseOptions::default(),
                            );
                            black_box(body.is_some());
                        }
                    });
                },
            );
        }
        group.finish();
    }

    fn aggregate_pages(c: &mut Criterion, datasets: &[Dataset]) {
        let mut group = c.benchmark_group("aggregate");
        configure(&mut group);
        for dataset in datasets {
            group.throughput(Throughput::Bytes(dataset.bytes()));
            group.bench_with_input(
                BenchmarkId::new("job_aggregator_bytes", dataset.jobs),
                dataset,
                |b, dataset| {
                    b.iter(|| {
                        let mut aggregator = JobAggregator::new(SummaryOptions::default());
                        for page in &dataset.pages {
                            black_box(aggregator.add_list_response_bytes(black_box(page)).is_ok());
                        }
                        black_box(aggregator.summary())
                    });
                },
            );
            group.bench_with_input(
                BenchmarkId::new("job_aggregator_parsed", dataset.jobs),
                dataset,
                |b, dataset| {
                    b.iter(|| {
                        let mut aggregator = JobAggregator::new(SummaryOptions::default());
                        for page in &dataset.pages {
                            if let Ok(response) = parse::list_synchronization_jobs(
                                black_box(page),
                                ParseOptions::default(),
                            ) {
                                aggregator.add_list_response(&response);
                            }
                        }
                        black_box(aggregator.summary())
                    });
                },
            );
        }
        group.finish();
    }

    pub fn main() {
        let Some(dir) = std::env::var_os("EIAM_SYNC_BENCH_PAGES") else {
            eprintln!(
                "bench/core.rs: no pages to read. Run `cargo xtask bench`, or \
                 `node bench/generate.mjs --out DIR` and set EIAM_SYNC_BENCH_PAGES=DIR."
            );
            // `cargo bench` passes `--bench`; without it this is `cargo test
            // --all-targets` checking that the bench runs: nothing to check.
            let benchmarking = std::env::args().any(|arg| arg == "--bench");
            std::process::exit(if benchmarking { 2 } else { 0 });
        };
        let wanted: Option<Vec<usize>> = std::env::var("EIAM_SYNC_BENCH_JOBS").ok().map(|list| {
            list.split(',')
                .filter_map(|jobs| jobs.trim().parse().ok())
                .collect()
        });
        let datasets = match load(Path::new(&dir), wanted.as_deref()) {
            Ok(datasets) if !datasets.is_empty() => datasets,
            Ok(_) => {
                eprintln!(
                    "bench/core.rs: no pages under {}",
                    Path::new(&dir).display()
                );
                std::process::exit(2);
            }
            Err(error) => {
                eprintln!("bench/core.rs: {error}");
                std::process::exit(2);
            }
        };
        for dataset in &datasets {
            if let Err(error) = check(dataset) {
                eprintln!("bench/core.rs: the parser refuses the benchmark pages: {error}");
                std::process::exit(1);
            }
        }
        let mut criterion = Criterion::default().configure_from_args();
        parse_pages(&mut criterion, &datasets);
        aggregate_pages(&mut criterion, &datasets);
        criterion.final_summary();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

/// Nothing to measure on wasm32: the browser benchmark (`cargo xtask bench`) covers it.
#[cfg(target_arch = "wasm32")]
fn main() {}
