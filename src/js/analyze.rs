//! The analysis exports: `summarizeJob`, `summarizeJobs`, `class JobAggregator`,
//! `checkDeletionThresholds`, `nextScheduledRuns`, `diffConfigurations`.
//! Inputs go through `JSON.stringify` (objects) or straight in (bytes, text)
//! and the library's parser, so bad input throws a path-aware
//! `EiamSyncParseError`; outputs are plain JS objects.

use super::errors::parse_error_to_js;
use super::input::{read, read_input, read_options, whole_ms};
use super::output::to_js;
use crate::analyze::{
    self, ConfigChange, JobSummary, JobsSummary, ScheduleOptions, SummaryOptions,
    SyncConfiguration, ThresholdReport,
};
use crate::model::{ListSynchronizationJobsResponse, SynchronizationJob, UdPullConfiguration};
use js_sys::{Array, ArrayBuffer, RangeError};
use std::cell::RefCell;
use tsify::Ts;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const DISPOSE_SYMBOL: &'static str = r#"
declare global {
  /**
   * `Symbol.dispose` (ES2026 explicit resource management), declared as
   * `@types/node` does, so `JobAggregator`'s `[Symbol.dispose]` type-checks
   * without `lib: ["esnext.disposable"]`. Runtimes without it simply lack the method.
   */
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
}
"#;

fn range_error(message: &str) -> JsValue {
    RangeError::new(message).into()
}

/// Summarizes one job: counts per entity and operation, totals, rates,
/// duration and outcome. Throws `EiamSyncParseError` when `job` is not a job.
#[wasm_bindgen(js_name = summarizeJob)]
pub fn summarize_job(
    #[wasm_bindgen(unchecked_param_type = "SynchronizationJob")] job: JsValue,
) -> Result<Ts<JobSummary>, JsValue> {
    let job: SynchronizationJob = read(&job)?;
    Ok(Ts::new_unchecked(to_js(&analyze::summarize_job(&job))?))
}

/// Summarizes many jobs (no de-duplication). Throws `EiamSyncParseError`
/// when `jobs` is not an array of jobs or `options` is malformed.
#[wasm_bindgen(js_name = summarizeJobs)]
pub fn summarize_jobs(
    #[wasm_bindgen(unchecked_param_type = "SynchronizationJob[]")] jobs: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SummaryOptions")] options: Option<JsValue>,
) -> Result<Ts<JobsSummary>, JsValue> {
    let options: SummaryOptions = read_options(options)?;
    let jobs: Vec<SynchronizationJob> = read(&jobs)?;
    Ok(Ts::new_unchecked(to_js(&analyze::summarize_jobs(
        &jobs, &options,
    ))?))
}

/// Streaming aggregation of jobs into a `JobsSummary`: add job arrays, list
/// responses or raw list pages, merge aggregators, read the summary at any time.
#[wasm_bindgen(js_name = JobAggregator)]
pub struct JsJobAggregator {
    inner: RefCell<analyze::JobAggregator>,
}

fn busy() -> JsValue {
    js_sys::Error::new("JobAggregator is in use by another call").into()
}

#[wasm_bindgen(js_class = JobAggregator)]
impl JsJobAggregator {
    /// An empty aggregator; `options` (`{ bucket?, utcOffsetMinutes?, topN? }`)
    /// apply to every `summary()`. Throws `EiamSyncParseError` on malformed options.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "SummaryOptions")] options: Option<JsValue>,
    ) -> Result<JsJobAggregator, JsValue> {
        let options: SummaryOptions = read_options(options)?;
        Ok(JsJobAggregator {
            inner: RefCell::new(analyze::JobAggregator::new(options)),
        })
    }

    /// Adds jobs: an array of jobs, a parsed ListSynchronizationJobs response,
    /// or the raw bytes (`Uint8Array`, `ArrayBuffer`) or text of one page.
    /// Bytes are parsed inside WebAssembly without building JS objects. On a
    /// parse failure it throws `EiamSyncParseError` and adds nothing.
    pub fn add(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "SynchronizationJob[] | ListSynchronizationJobsResponse | Uint8Array | ArrayBuffer | string"
        )]
        input: JsValue,
    ) -> Result<(), JsValue> {
        enum Batch {
            Jobs(Vec<SynchronizationJob>),
            Page(ListSynchronizationJobsResponse),
            Raw(Vec<u8>),
        }
        let is_raw = input.is_string()
            || ArrayBuffer::is_view(&input)
            || input.is_instance_of::<ArrayBuffer>();
        let batch = if Array::is_array(&input) {
            Batch::Jobs(read(&input)?)
        } else if is_raw {
            Batch::Raw(read_input(&input).map_err(|e| parse_error_to_js(&e))?.bytes)
        } else {
            Batch::Page(read(&input)?)
        };
        let mut inner = self.inner.try_borrow_mut().map_err(|_| busy())?;
        match batch {
            Batch::Jobs(jobs) => inner.add_jobs(&jobs),
            Batch::Page(page) => inner.add_list_response(&page),
            // The fast scanner reads typical pages straight into the
            // aggregation; the parser reads the rest (and adds nothing on error).
            Batch::Raw(bytes) => inner
                .add_list_response_bytes(&bytes)
                .map_err(|e| parse_error_to_js(&e))?,
        }
        Ok(())
    }

    /// Adds everything `other` has seen; `other` stays usable and unchanged.
    /// `a.merge(a)` counts `a`'s jobs twice, like adding them again.
    pub fn merge(&self, other: &JsJobAggregator) -> Result<(), JsValue> {
        if std::ptr::eq(self, other) {
            let snapshot = self.inner.try_borrow().map_err(|_| busy())?.clone();
            self.inner
                .try_borrow_mut()
                .map_err(|_| busy())?
                .merge(&snapshot);
            return Ok(());
        }
        let theirs = other.inner.try_borrow().map_err(|_| busy())?;
        self.inner
            .try_borrow_mut()
            .map_err(|_| busy())?
            .merge(&theirs);
        Ok(())
    }

    /// The summary of every job added so far.
    pub fn summary(&self) -> Result<Ts<JobsSummary>, JsValue> {
        let summary = self.inner.try_borrow().map_err(|_| busy())?.summary();
        Ok(Ts::new_unchecked(to_js(&summary)?))
    }
}

/// Compares a job's deletions with a pull configuration's `PullProtectedRule`.
/// Throws `EiamSyncParseError` when an argument is malformed.
#[wasm_bindgen(js_name = checkDeletionThresholds)]
pub fn check_deletion_thresholds(
    #[wasm_bindgen(unchecked_param_type = "SynchronizationJob")] job: JsValue,
    #[wasm_bindgen(js_name = pullConfiguration, unchecked_param_type = "UdPullConfiguration")]
    pull_configuration: JsValue,
) -> Result<Ts<ThresholdReport>, JsValue> {
    let job: SynchronizationJob = read(&job)?;
    let configuration: UdPullConfiguration = read(&pull_configuration)?;
    Ok(Ts::new_unchecked(to_js(
        &analyze::check_deletion_thresholds(&job, &configuration),
    )?))
}

/// The next `count` (at most 1000) run times, UTC milliseconds, strictly after
/// `fromMs`; empty when the schedule is missing or invalid. Throws a
/// `RangeError` for a `fromMs` that is not a non-negative safe integer or a
/// `count` that is not a non-negative integer.
#[wasm_bindgen(js_name = nextScheduledRuns, unchecked_return_type = "number[]")]
pub fn next_scheduled_runs(
    #[wasm_bindgen(js_name = periodicSyncConfig, unchecked_param_type = "PeriodicSyncConfig")]
    periodic_sync_config: JsValue,
    #[wasm_bindgen(js_name = fromMs)] from_ms: f64,
    count: f64,
    #[wasm_bindgen(unchecked_optional_param_type = "ScheduleOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let Some(from_ms) = whole_ms(from_ms) else {
        return Err(range_error(
            "fromMs must be a non-negative integer number of milliseconds",
        ));
    };
    if !(count.is_finite() && count.fract() == 0.0 && count >= 0.0) {
        return Err(range_error("count must be a non-negative integer"));
    }
    let options: ScheduleOptions = read_options(options)?;
    let config = read(&periodic_sync_config)?;
    let count = count.min(analyze::MAX_SCHEDULED_RUNS as f64) as usize;
    let runs = analyze::next_scheduled_runs(&config, from_ms, count, options.utc_offset_minutes);
    to_js(&runs)
}

/// The differences between two push or pull configurations (the inner
/// `UdPushConfiguration` / `UdPullConfiguration` objects). Throws
/// `EiamSyncParseError` when an argument is malformed.
#[wasm_bindgen(js_name = diffConfigurations, unchecked_return_type = "ConfigChange[]")]
pub fn diff_configurations(
    #[wasm_bindgen(unchecked_param_type = "UdPushConfiguration | UdPullConfiguration")]
    before: JsValue,
    #[wasm_bindgen(unchecked_param_type = "UdPushConfiguration | UdPullConfiguration")]
    after: JsValue,
) -> Result<JsValue, JsValue> {
    let before: SyncConfiguration = read(&before)?;
    let after: SyncConfiguration = read(&after)?;
    let changes: Vec<ConfigChange> = analyze::diff_configurations(&before, &after);
    to_js(&changes)
}
