//! Reading the client's options from JS: the constructor's, and those of each
//! call. Wrong types are `TypeError`s (as `fetch` does), never defaults in
//! disguise: a typo'd option should not silently change behaviour.

use crate::client::{check_proxy_url, read_max_pages, read_timeout_ms, RetryPolicy};
use js_sys::{Function, Reflect, TypeError};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AbortSignal, RequestCredentials};

/// Where the headers of each request come from.
pub(crate) enum HeadersSource {
    /// No `headers` option.
    None,
    /// A `HeadersInit` value, sent as-is with every request.
    Fixed(JsValue),
    /// A function called before every request (its result may be a promise).
    Function(Function),
}

/// The checked constructor options.
pub(crate) struct ClientConfig {
    pub proxy_url: String,
    pub headers: HeadersSource,
    pub credentials: Option<RequestCredentials>,
    pub timeout_ms: u32,
    pub retry: RetryPolicy,
}

pub(crate) fn type_error(message: &str) -> JsValue {
    TypeError::new(&format!("eiam-sync: {message}")).into()
}

/// `object[key]`, or `undefined` (a throwing getter is an error).
fn get(object: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    Reflect::get(object, &JsValue::from_str(key))
}

fn is_absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// An optional number option: absent, or a number (anything else is a `TypeError`).
fn number(value: &JsValue, name: &str) -> Result<Option<f64>, JsValue> {
    if value.is_undefined() {
        return Ok(None);
    }
    value
        .as_f64()
        .map(Some)
        .ok_or_else(|| type_error(&format!("{name} must be a number")))
}

impl ClientConfig {
    /// Reads `{ proxyUrl, headers?, credentials?, timeoutMs?, retry? }`.
    pub(crate) fn read(options: &JsValue) -> Result<ClientConfig, JsValue> {
        if !options.is_object() {
            return Err(type_error(
                "new EiamSyncClient(options): options must be an object with a proxyUrl",
            ));
        }
        let proxy_url = get(options, "proxyUrl")?
            .as_string()
            .ok_or_else(|| type_error("proxyUrl must be a string"))?;
        check_proxy_url(&proxy_url).map_err(|message| type_error(&message))?;

        let headers = get(options, "headers")?;
        let headers = if is_absent(&headers) {
            HeadersSource::None
        } else if let Some(function) = headers.dyn_ref::<Function>() {
            HeadersSource::Function(function.clone())
        } else if headers.is_object() {
            HeadersSource::Fixed(headers)
        } else {
            return Err(type_error(
                "headers must be an object or a function returning one",
            ));
        };

        let credentials = get(options, "credentials")?;
        let credentials = if credentials.is_undefined() {
            None
        } else {
            let mode = credentials.as_string().unwrap_or_default();
            let mode = match mode.as_str() {
                "omit" => RequestCredentials::Omit,
                "same-origin" => RequestCredentials::SameOrigin,
                "include" => RequestCredentials::Include,
                _ => {
                    return Err(type_error(
                        "credentials must be \"omit\", \"same-origin\" or \"include\"",
                    ))
                }
            };
            Some(mode)
        };

        let timeout = number(&get(options, "timeoutMs")?, "timeoutMs")?;
        let timeout_ms = read_timeout_ms(timeout).map_err(|message| type_error(&message))?;

        let retry = get(options, "retry")?;
        let retry = if retry.is_undefined() {
            RetryPolicy::default()
        } else if retry.is_object() {
            RetryPolicy::from_options(
                number(&get(&retry, "maxAttempts")?, "retry.maxAttempts")?,
                number(&get(&retry, "baseDelayMs")?, "retry.baseDelayMs")?,
                number(&get(&retry, "maxDelayMs")?, "retry.maxDelayMs")?,
            )
            .map_err(|message| type_error(&message))?
        } else {
            return Err(type_error("retry must be an object"));
        };

        Ok(ClientConfig {
            proxy_url,
            headers,
            credentials,
            timeout_ms,
            retry,
        })
    }
}

/// The options every call takes (`{ signal? }`), plus those of
/// `listAllSynchronizationJobs` (`onProgress`, `maxPages`).
pub(crate) struct CallOptions {
    pub signal: Option<AbortSignal>,
    pub on_progress: Option<Function>,
    pub max_pages: Option<u32>,
}

impl CallOptions {
    /// Reads `{ signal?, onProgress?, maxPages? }` (the last two only when
    /// `paging`; otherwise they are ignored, as unknown keys are).
    pub(crate) fn read(options: Option<&JsValue>, paging: bool) -> Result<CallOptions, JsValue> {
        let none = CallOptions {
            signal: None,
            on_progress: None,
            max_pages: None,
        };
        let Some(options) = options.filter(|o| !is_absent(o)) else {
            return Ok(none);
        };
        if !options.is_object() {
            return Err(type_error("options must be an object"));
        }
        let signal = get(options, "signal")?;
        let signal = if is_absent(&signal) {
            None
        } else {
            Some(
                signal
                    .dyn_into::<AbortSignal>()
                    .map_err(|_| type_error("options.signal must be an AbortSignal"))?,
            )
        };
        if !paging {
            return Ok(CallOptions { signal, ..none });
        }
        let on_progress = get(options, "onProgress")?;
        let on_progress = if is_absent(&on_progress) {
            None
        } else {
            Some(
                on_progress
                    .dyn_into::<Function>()
                    .map_err(|_| type_error("options.onProgress must be a function"))?,
            )
        };
        let max_pages = number(&get(options, "maxPages")?, "options.maxPages")?;
        let max_pages = read_max_pages(max_pages).map_err(|message| type_error(&message))?;
        Ok(CallOptions {
            signal,
            on_progress,
            max_pages,
        })
    }
}
