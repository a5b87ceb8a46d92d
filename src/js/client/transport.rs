//! One HTTP attempt and the waits between attempts, over the globals every
//! host has (a page's main thread, a Web Worker, Node >= 20): `fetch`,
//! `setTimeout`, `clearTimeout`, `AbortController`, found through
//! `globalThis` when used (so a `fetch` installed later is the one called).
//!
//! Aborts are mapped here, by us, and never thrown through: the caller's
//! `AbortSignal` aborts our own per-attempt controller, and whatever the
//! reason (an `Error`, a string, `undefined` -> the default `AbortError`) the
//! call rejects with `signal.reason`, exactly as `fetch` does.
//!
//! Every listener and timer is owned by a guard that removes it on drop, so
//! nothing fires into freed Rust closures after an attempt or a wait ends.

use js_sys::{Function, Promise, Reflect, TypeError, Uint8Array};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, RequestCredentials, RequestInit, Response};

/// A global function (`fetch`, `setTimeout`, ...), looked up when needed.
fn global_function(name: &str) -> Result<Function, JsValue> {
    let value = Reflect::get(&js_sys::global(), &JsValue::from_str(name))?;
    value.dyn_into::<Function>().map_err(|_| {
        TypeError::new(&format!(
            "eiam-sync: the global `{name}` is not a function in this environment"
        ))
        .into()
    })
}

/// A pending `setTimeout`, cleared on drop.
struct Timer {
    handle: JsValue,
    /// The Rust callback, kept alive while the timer may fire.
    _callback: Option<Closure<dyn FnMut()>>,
}

impl Timer {
    /// Calls `callback` (a JS function) after `ms` milliseconds.
    fn start(callback: &JsValue, ms: u32) -> Result<Timer, JsValue> {
        let set_timeout = global_function("setTimeout")?;
        let handle = set_timeout.call2(&js_sys::global(), callback, &JsValue::from(ms))?;
        Ok(Timer {
            handle,
            _callback: None,
        })
    }

    /// Runs `callback` after `ms` milliseconds.
    fn start_closure(callback: Closure<dyn FnMut()>, ms: u32) -> Result<Timer, JsValue> {
        let mut timer = Timer::start(callback.as_ref(), ms)?;
        timer._callback = Some(callback);
        Ok(timer)
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Ok(clear_timeout) = global_function("clearTimeout") {
            let _ = clear_timeout.call1(&js_sys::global(), &self.handle);
        }
    }
}

/// An `abort` listener on the caller's signal, removed on drop.
struct AbortListener {
    signal: AbortSignal,
    callback: Closure<dyn FnMut()>,
}

impl AbortListener {
    fn add(signal: &AbortSignal, callback: Closure<dyn FnMut()>) -> Result<Self, JsValue> {
        signal.add_event_listener_with_callback("abort", callback.as_ref().unchecked_ref())?;
        Ok(AbortListener {
            signal: signal.clone(),
            callback,
        })
    }
}

impl Drop for AbortListener {
    fn drop(&mut self) {
        let _ = self
            .signal
            .remove_event_listener_with_callback("abort", self.callback.as_ref().unchecked_ref());
    }
}

/// Why waiting on something ended early.
pub(crate) enum Interrupted {
    /// The caller's signal aborted: reject with this, its `reason`.
    Aborted(JsValue),
    /// The awaited promise rejected, or the host lacks a needed global.
    Failed(JsValue),
}

/// The caller's `signal.reason` when it has aborted.
pub(crate) fn abort_reason(signal: Option<&AbortSignal>) -> Option<JsValue> {
    signal.filter(|s| s.aborted()).map(AbortSignal::reason)
}

/// Awaits `promise`, or stops as soon as `signal` aborts (the promise is
/// left to settle unobserved... by us: its outcome no longer matters).
pub(crate) async fn until_aborted(
    promise: Promise,
    signal: Option<&AbortSignal>,
) -> Result<JsValue, Interrupted> {
    if let Some(reason) = abort_reason(signal) {
        return Err(Interrupted::Aborted(reason));
    }
    let Some(signal) = signal else {
        return JsFuture::from(promise).await.map_err(Interrupted::Failed);
    };
    let mut listener = None;
    let mut setup_error = None;
    let aborted = Promise::new(&mut |_resolve, reject: Function| {
        // Settles with a marker, so a rejection of `promise` is told apart.
        let marker = signal.clone();
        let callback = Closure::<dyn FnMut()>::new(move || {
            let _ = reject.call1(&JsValue::UNDEFINED, &marker);
        });
        match AbortListener::add(signal, callback) {
            Ok(added) => listener = Some(added),
            Err(error) => setup_error = Some(error),
        }
    });
    if let Some(error) = setup_error {
        return Err(Interrupted::Failed(error));
    }
    let race = Promise::race(&js_sys::Array::of2(&promise, &aborted));
    let outcome = JsFuture::from(race).await;
    drop(listener);
    match outcome {
        Ok(value) => Ok(value),
        Err(_) if signal.aborted() => Err(Interrupted::Aborted(signal.reason())),
        Err(error) => Err(Interrupted::Failed(error)),
    }
}

/// Waits `ms` milliseconds, or less if `signal` aborts (the timer is cleared).
pub(crate) async fn sleep(ms: u32, signal: Option<&AbortSignal>) -> Result<(), Interrupted> {
    let mut timer = None;
    let mut setup_error = None;
    let elapsed = Promise::new(
        &mut |resolve: Function, _reject| match Timer::start(&resolve, ms) {
            Ok(started) => timer = Some(started),
            Err(error) => setup_error = Some(error),
        },
    );
    if let Some(error) = setup_error {
        return Err(Interrupted::Failed(error));
    }
    let outcome = until_aborted(elapsed, signal).await;
    drop(timer);
    outcome.map(|_| ())
}

/// A complete HTTP answer.
pub(crate) struct HttpAnswer {
    pub status: u16,
    pub body: Vec<u8>,
    pub rate_limit_user_api: Option<String>,
    pub rate_limit_user: Option<String>,
    pub retry_after: Option<String>,
    pub request_id: Option<String>,
}

/// Why an attempt produced no answer.
pub(crate) enum AttemptError {
    /// The caller's signal aborted: reject with this, its `reason`.
    Aborted(JsValue),
    /// No complete answer within the time-out.
    Timeout,
    /// `fetch` (or reading the body) rejected with this.
    Network(JsValue),
    /// The host lacks `fetch`, `setTimeout` or `AbortController`.
    Unsupported(JsValue),
}

/// What one attempt sends.
pub(crate) struct AttemptRequest<'a> {
    pub url: &'a str,
    /// A `HeadersInit` value, or `undefined`.
    pub headers: &'a JsValue,
    pub credentials: Option<RequestCredentials>,
    pub timeout_ms: u32,
}

/// `POST url` with an empty body, reading the whole answer as bytes, within
/// `timeout_ms` (headers and body) and until `signal` aborts.
pub(crate) async fn attempt(
    request: &AttemptRequest<'_>,
    signal: Option<&AbortSignal>,
) -> Result<HttpAnswer, AttemptError> {
    if let Some(reason) = abort_reason(signal) {
        return Err(AttemptError::Aborted(reason));
    }
    let fetch = global_function("fetch").map_err(AttemptError::Unsupported)?;
    let controller = AbortController::new().map_err(AttemptError::Unsupported)?;
    let timed_out = Rc::new(Cell::new(false));
    let _timer = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        let on_timeout = Closure::<dyn FnMut()>::new(move || {
            timed_out.set(true);
            controller.abort();
        });
        Timer::start_closure(on_timeout, request.timeout_ms).map_err(AttemptError::Unsupported)?
    };
    let _listener = match signal {
        Some(signal) => {
            let controller = controller.clone();
            let caller = signal.clone();
            let on_abort = Closure::<dyn FnMut()>::new(move || {
                controller.abort_with_reason(&caller.reason());
            });
            Some(AbortListener::add(signal, on_abort).map_err(AttemptError::Unsupported)?)
        }
        None => None,
    };
    let classify = |error: JsValue| match abort_reason(signal) {
        Some(reason) => AttemptError::Aborted(reason),
        None if timed_out.get() => AttemptError::Timeout,
        None => AttemptError::Network(error),
    };

    let init = RequestInit::new();
    init.set_method("POST");
    init.set_signal(Some(&controller.signal()));
    if !request.headers.is_undefined() && !request.headers.is_null() {
        init.set_headers(request.headers);
    }
    if let Some(credentials) = request.credentials {
        init.set_credentials(credentials);
    }
    let pending = fetch
        .call2(&js_sys::global(), &JsValue::from_str(request.url), &init)
        .map_err(classify)?;
    let response: Response = JsFuture::from(Promise::resolve(&pending))
        .await
        .map_err(classify)?
        .unchecked_into();
    let headers = response.headers();
    let header = |name: &str| headers.get(name).ok().flatten();
    let rate_limit_user_api = header("x-ratelimit-user-api");
    let rate_limit_user = header("x-ratelimit-user");
    let retry_after = header("retry-after");
    let request_id = header("x-acs-request-id");
    let status = response.status();
    let reading = response.array_buffer().map_err(classify)?;
    let buffer = JsFuture::from(reading).await.map_err(classify)?;
    let body = Uint8Array::new(&buffer).to_vec();
    Ok(HttpAnswer {
        status,
        body,
        rate_limit_user_api,
        rate_limit_user,
        retry_after,
        request_id,
    })
}
