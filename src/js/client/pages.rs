//! `client.pages(request)`: the pages of ListSynchronizationJobs as an async
//! iterable. wasm-bindgen exports a class whose `[Symbol.asyncIterator]`
//! method (a computed-key `js_name`, supported since wasm-bindgen 0.2.1xx)
//! returns an iterator over the same walk, so `for await` works directly.

use super::call::{execute, read_request, to_js};
use super::options::{CallOptions, ClientConfig};
use crate::client::{encode_call, PageCursor, PagingStyle};
use crate::model::rpc::RpcRequest;
use crate::model::ListSynchronizationJobsRequest;
use crate::parse::{self, ParseOptions};
use js_sys::{Object, Promise, Reflect};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::AbortSignal;

/// The walk shared by an iterable and the iterators it hands out.
struct Walk {
    config: Rc<ClientConfig>,
    signal: Option<AbortSignal>,
    cursor: RefCell<Option<PageCursor>>,
    /// A bad request or bad options: the first `next()` rejects with it.
    error: RefCell<Option<JsValue>>,
    /// No more pages: finished, failed, or `return()` was called.
    closed: Cell<bool>,
    /// The latest `next()`, which the following one waits for (one page at a time).
    tail: RefCell<Option<Promise>>,
}

/// `{ value, done }`.
fn iteration(value: &JsValue, done: bool) -> JsValue {
    let result = Object::new();
    let _ = Reflect::set(&result, &JsValue::from_str("value"), value);
    let _ = Reflect::set(
        &result,
        &JsValue::from_str("done"),
        &JsValue::from_bool(done),
    );
    result.into()
}

impl Walk {
    /// Fetches the next page, or says the walk is over.
    async fn step(&self) -> Result<JsValue, JsValue> {
        let done = || Ok(iteration(&JsValue::UNDEFINED, true));
        if self.closed.get() {
            return done();
        }
        if let Some(error) = self.error.borrow_mut().take() {
            self.closed.set(true);
            return Err(error);
        }
        let url = {
            let cursor = self.cursor.borrow();
            let next = cursor.as_ref().and_then(PageCursor::next_request);
            next.map(|request| encode_call(&self.config.proxy_url, request).url)
        };
        let Some(url) = url else {
            self.closed.set(true);
            return done();
        };
        let action = ListSynchronizationJobsRequest::ACTION;
        let mut page = None;
        let mut accept = |body: &[u8]| {
            let parsed = parse::list_synchronization_jobs(body, ParseOptions::default())?;
            let value = to_js(&parsed);
            page = Some(parsed);
            Ok(value)
        };
        let signal = self.signal.as_ref();
        match execute(&self.config, action, &url, signal, &mut accept).await {
            Ok(value) => {
                if let (Some(cursor), Some(page)) = (self.cursor.borrow_mut().as_mut(), &page) {
                    cursor.advance(page);
                }
                Ok(iteration(&value, false))
            }
            Err(error) => {
                self.closed.set(true);
                Err(error)
            }
        }
    }
}

/// The pages of a ListSynchronizationJobs request, fetched one at a time as
/// a `for await` loop asks for them (`client.pages(request)`).
#[wasm_bindgen]
pub struct SynchronizationJobPages {
    walk: Rc<Walk>,
}

impl SynchronizationJobPages {
    /// A walk over `request`'s pages; a bad request or bad options reject
    /// the first `next()`.
    pub(crate) fn start(
        config: Rc<ClientConfig>,
        request: &JsValue,
        options: Option<JsValue>,
    ) -> SynchronizationJobPages {
        let action = ListSynchronizationJobsRequest::ACTION;
        let mut signal = None;
        let checked = CallOptions::read(options.as_ref(), false).and_then(|options| {
            signal = options.signal;
            read_request::<ListSynchronizationJobsRequest>(action, request)
        });
        let (cursor, error) = match checked {
            Ok(request) => (Some(PageCursor::new(request, None)), None),
            Err(error) => (None, Some(error)),
        };
        SynchronizationJobPages {
            walk: Rc::new(Walk {
                config,
                signal,
                cursor: RefCell::new(cursor),
                error: RefCell::new(error),
                closed: Cell::new(false),
                tail: RefCell::new(None),
            }),
        }
    }
}

#[wasm_bindgen]
impl SynchronizationJobPages {
    /// The next page (`{ value: page, done: false }`), or `{ done: true }`
    /// after the last one. Rejects as the client's calls do; the walk then ends.
    #[wasm_bindgen(
        unchecked_return_type = "Promise<IteratorResult<ListSynchronizationJobsResponse, undefined>>"
    )]
    pub fn next(&self) -> Promise {
        let previous = self.walk.tail.borrow_mut().take();
        let walk = self.walk.clone();
        let next = future_to_promise(async move {
            if let Some(previous) = previous {
                // Its outcome went to its own caller; this one only waits for it.
                let _ = JsFuture::from(previous).await;
            }
            walk.step().await
        });
        *self.walk.tail.borrow_mut() = Some(next.clone());
        next
    }

    /// Ends the walk (`break` in a `for await` loop calls it).
    #[wasm_bindgen(
        js_name = "return",
        unchecked_return_type = "Promise<IteratorResult<ListSynchronizationJobsResponse, undefined>>"
    )]
    pub fn finish(&self) -> Promise {
        self.walk.closed.set(true);
        Promise::resolve(&iteration(&JsValue::UNDEFINED, true))
    }

    /// The iterator of a `for await` loop: this same walk.
    #[wasm_bindgen(js_name = "[Symbol.asyncIterator]")]
    pub fn async_iterator(&self) -> SynchronizationJobPages {
        SynchronizationJobPages {
            walk: self.walk.clone(),
        }
    }

    /// In token style, the `NextToken` of the next page not yet fetched:
    /// after leaving a loop early, pass it as `NextToken` to resume.
    /// `undefined` once the last page was fetched.
    #[wasm_bindgen(getter, js_name = nextToken)]
    pub fn next_token(&self) -> Option<String> {
        let cursor = self.walk.cursor.borrow();
        let cursor = cursor
            .as_ref()
            .filter(|c| c.style() == PagingStyle::Token)?;
        cursor.next_request()?.next_token.clone()
    }
}
