#![cfg(target_arch = "wasm32")]
//! The client's binding tests (`wasm_common/client/`) in a dedicated Web
//! Worker of headless Chromium: no `window`, the worker's own `fetch`,
//! `setTimeout` and `AbortController`, found through `globalThis`.

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_dedicated_worker);

#[path = "wasm_common/client/mod.rs"]
mod client;
