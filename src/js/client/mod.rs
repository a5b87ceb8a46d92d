//! `EiamSyncClient`: the four operations through the signing proxy, with
//! validation before the network, retries, time-outs, cancellation and
//! pagination. The policy is `crate::client`; this module only reads JS
//! options, runs the transport and converts results.

mod call;
mod errors;
mod options;
mod pages;
mod transport;

pub(crate) use errors::CLIENT_ERROR_NAMES;
pub use errors::{
    is_eiam_sync_api_error, is_eiam_sync_network_error, is_eiam_sync_timeout_error,
    is_eiam_sync_validation_error,
};
pub use pages::SynchronizationJobPages;

use crate::client::{encode_call, EncodedCall, JobCollector, PageCursor};
use crate::model::rpc::RpcRequest;
use crate::model::{
    GetIdentityProviderUdPullConfigurationRequest, GetIdentityProviderUdPushConfigurationRequest,
    GetSynchronizationJobRequest, ListSynchronizationJobsRequest,
};
use crate::parse::{self, ParseError, ParseOptions};
use crate::validate::Validate;
use call::{execute, read_request, to_js, Accept};
use js_sys::Promise;
use options::{type_error, CallOptions, ClientConfig};
use serde::Serialize;
use std::rc::Rc;
use transport::abort_reason;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

#[wasm_bindgen(typescript_custom_section)]
const CLIENT_TYPES: &'static str = r#"
/** Headers sent with every request to the proxy (e.g. `{ Authorization: "Bearer ..." }`). */
export type EiamSyncHeaders = Record<string, string> | [string, string][] | Headers;

/** Options of `new EiamSyncClient(...)`. */
export interface EiamSyncClientOptions {
  /** The proxy's base URL (absolute, or relative to the page); calls go to `POST {proxyUrl}/{Action}?{parameters}`. */
  proxyUrl: string;
  /** Headers for every request, or a function (sync or async) called before every request, e.g. to refresh a token. */
  headers?: EiamSyncHeaders | (() => EiamSyncHeaders | PromiseLike<EiamSyncHeaders>);
  /** The fetch credentials mode, for cookies to the proxy (default: fetch's, `"same-origin"`). */
  credentials?: "omit" | "same-origin" | "include";
  /** Time-out of each attempt (headers and body), in milliseconds. Default 30000. */
  timeoutMs?: number;
  /** How failures of a retryable kind are retried. */
  retry?: EiamSyncRetryOptions;
}

/**
 * Retries of throttling (`Throttling`, `Throttling.User`, `Throttling.Api`, `Throttling.Proxy`),
 * `ServiceUnavailable`, HTTP 5xx, network failures, time-outs and bodies that end early:
 * exponential back-off with full jitter, never shorter than the `TimeLeft` of
 * `x-ratelimit-user-api`/`x-ratelimit-user` or a `Retry-After`.
 */
export interface EiamSyncRetryOptions {
  /** Attempts in all, the first included (1: no retry). Default 4. */
  maxAttempts?: number;
  /** Back-off ceiling before the first retry, doubled for each further one. Default 200. */
  baseDelayMs?: number;
  /** No wait is longer; an answer asking for a longer wait is not retried. Default 20000. */
  maxDelayMs?: number;
}

/** Options of each call. */
export interface EiamSyncCallOptions {
  /** Aborts the call, also during a back-off wait; the call rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/** What `onProgress` receives after each page. */
export interface ListAllProgress {
  /** Pages fetched so far. */
  pagesFetched: number;
  /** Distinct jobs collected so far. */
  jobsFetched: number;
  /** The latest page's `TotalCount`, or `jobsFetched` when the service sent none. */
  totalCount: number;
}

/** Options of `listAllSynchronizationJobs`. */
export interface ListAllSynchronizationJobsOptions extends EiamSyncCallOptions {
  /** Called after each page. A throw rejects the call with that error. */
  onProgress?: (progress: ListAllProgress) => void;
  /** Stop after this many pages; the result then says where to resume. */
  maxPages?: number;
}

/** What `listAllSynchronizationJobs` resolves to. */
export interface ListAllSynchronizationJobsResult {
  /** Every job once (by `SynchronizationJobId`), in the order of the pages. */
  jobs: SynchronizationJob[];
  /** The last page's `TotalCount`, or the number of jobs when the service sent none. */
  totalCount: number;
  /** Set when `maxPages` stopped early (token style): pass it as `NextToken` to resume. */
  nextToken?: string;
  /** Set when `maxPages` stopped early (page-number style): pass it as `PageNumber` to resume. */
  nextPageNumber?: number;
}
"#;

/// The client. Cheap to keep: it holds only its options.
#[wasm_bindgen]
pub struct EiamSyncClient {
    config: Rc<ClientConfig>,
}

/// One of the four operations: the request checked and encoded now (a
/// failure becomes the rejection), the call run by [`run`].
fn single<R, T>(
    config: &Rc<ClientConfig>,
    request: &JsValue,
    options: Option<JsValue>,
    parse: fn(&[u8], ParseOptions) -> Result<T, ParseError>,
) -> Promise
where
    R: RpcRequest + Validate,
    T: Serialize + 'static,
{
    let prepared = CallOptions::read(options.as_ref(), false).and_then(|options| {
        if let Some(reason) = abort_reason(options.signal.as_ref()) {
            return Err(reason);
        }
        let request: R = read_request(R::ACTION, request)?;
        Ok((encode_call(&config.proxy_url, &request), options.signal))
    });
    let accept: Box<Accept<'static>> = Box::new(move |body: &[u8]| {
        parse(body, ParseOptions::default()).map(|value| to_js(&value))
    });
    future_to_promise(run(config.clone(), prepared, accept))
}

/// Runs a prepared call (one state machine for the four operations).
async fn run(
    config: Rc<ClientConfig>,
    prepared: Result<(EncodedCall, Option<AbortSignal>), JsValue>,
    mut accept: Box<Accept<'static>>,
) -> Result<JsValue, JsValue> {
    let (call, signal) = prepared?;
    execute(
        &config,
        call.action,
        &call.url,
        signal.as_ref(),
        &mut *accept,
    )
    .await
}

/// `listAllSynchronizationJobs`.
async fn list_all(
    config: Rc<ClientConfig>,
    request: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = CallOptions::read(options.as_ref(), true)?;
    let signal = options.signal.as_ref();
    if let Some(reason) = abort_reason(signal) {
        return Err(reason);
    }
    let action = ListSynchronizationJobsRequest::ACTION;
    let request: ListSynchronizationJobsRequest = read_request(action, &request)?;
    let mut cursor = PageCursor::new(request, options.max_pages);
    let mut collector = JobCollector::new();
    while let Some(next) = cursor.next_request() {
        let call = encode_call(&config.proxy_url, next);
        let mut page = None;
        let mut accept = |body: &[u8]| {
            page = Some(parse::list_synchronization_jobs(
                body,
                ParseOptions::default(),
            )?);
            Ok(Ok(JsValue::UNDEFINED))
        };
        execute(&config, action, &call.url, signal, &mut accept).await?;
        let Some(page) = page else {
            return Err(type_error("internal error: an accepted page was not kept"));
        };
        cursor.advance(&page);
        collector.add_page(page);
        if let Some(on_progress) = &options.on_progress {
            let progress = to_js(&collector.progress(&cursor))?;
            on_progress.call1(&JsValue::UNDEFINED, &progress)?;
        }
    }
    to_js(&collector.finish(&cursor))
}

#[wasm_bindgen]
impl EiamSyncClient {
    /// A client of the signing proxy at `options.proxyUrl`. Throws a
    /// `TypeError` when an option has the wrong type or range.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "EiamSyncClientOptions")] options: JsValue,
    ) -> Result<EiamSyncClient, JsValue> {
        Ok(EiamSyncClient {
            config: Rc::new(ClientConfig::read(&options)?),
        })
    }

    /// GetSynchronizationJob: one job. Rejects with `EiamSyncValidationError`
    /// (nothing sent), `EiamSyncApiError`, `EiamSyncNetworkError`,
    /// `EiamSyncTimeoutError`, `EiamSyncParseError`, or `signal.reason`.
    #[wasm_bindgen(
        js_name = getSynchronizationJob,
        unchecked_return_type = "Promise<GetSynchronizationJobResponse>"
    )]
    pub fn get_synchronization_job(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GetSynchronizationJobRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "EiamSyncCallOptions")] options: Option<
            JsValue,
        >,
    ) -> Promise {
        single::<GetSynchronizationJobRequest, _>(
            &self.config,
            &request,
            options,
            parse::get_synchronization_job,
        )
    }

    /// ListSynchronizationJobs: one page, as asked for.
    #[wasm_bindgen(
        js_name = listSynchronizationJobs,
        unchecked_return_type = "Promise<ListSynchronizationJobsResponse>"
    )]
    pub fn list_synchronization_jobs(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ListSynchronizationJobsRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "EiamSyncCallOptions")] options: Option<
            JsValue,
        >,
    ) -> Promise {
        single::<ListSynchronizationJobsRequest, _>(
            &self.config,
            &request,
            options,
            parse::list_synchronization_jobs,
        )
    }

    /// GetIdentityProviderUdPushConfiguration: a provider's outbound configuration.
    #[wasm_bindgen(
        js_name = getIdentityProviderUdPushConfiguration,
        unchecked_return_type = "Promise<GetIdentityProviderUdPushConfigurationResponse>"
    )]
    pub fn get_identity_provider_ud_push_configuration(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GetIdentityProviderUdPushConfigurationRequest")]
        request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "EiamSyncCallOptions")] options: Option<
            JsValue,
        >,
    ) -> Promise {
        single::<GetIdentityProviderUdPushConfigurationRequest, _>(
            &self.config,
            &request,
            options,
            parse::get_identity_provider_ud_push_configuration,
        )
    }

    /// GetIdentityProviderUdPullConfiguration: a provider's inbound configuration.
    #[wasm_bindgen(
        js_name = getIdentityProviderUdPullConfiguration,
        unchecked_return_type = "Promise<GetIdentityProviderUdPullConfigurationResponse>"
    )]
    pub fn get_identity_provider_ud_pull_configuration(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GetIdentityProviderUdPullConfigurationRequest")]
        request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "EiamSyncCallOptions")] options: Option<
            JsValue,
        >,
    ) -> Promise {
        single::<GetIdentityProviderUdPullConfigurationRequest, _>(
            &self.config,
            &request,
            options,
            parse::get_identity_provider_ud_pull_configuration,
        )
    }

    /// Every job matching `request`, following `NextToken` (or `PageNumber`
    /// when the request uses that style), each job once even when a page was
    /// retried. With no paging parameter, pages of `MaxResults: 100`.
    #[wasm_bindgen(
        js_name = listAllSynchronizationJobs,
        unchecked_return_type = "Promise<ListAllSynchronizationJobsResult>"
    )]
    pub fn list_all_synchronization_jobs(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ListSynchronizationJobsRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ListAllSynchronizationJobsOptions")]
        options: Option<JsValue>,
    ) -> Promise {
        future_to_promise(list_all(self.config.clone(), request, options))
    }

    /// The pages of `request` as an async iterable: `for await (const page of
    /// client.pages(request)) { ... }`. Each page is a whole
    /// `ListSynchronizationJobsResponse`; pages are fetched one at a time, as
    /// the loop asks, with the same paging, retries and errors as
    /// `listAllSynchronizationJobs`.
    pub fn pages(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ListSynchronizationJobsRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "EiamSyncCallOptions")] options: Option<
            JsValue,
        >,
    ) -> SynchronizationJobPages {
        SynchronizationJobPages::start(self.config.clone(), &request, options)
    }
}
