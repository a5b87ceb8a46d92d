#![cfg(target_arch = "wasm32")]
//! The binding tests of `wasm_common`, in headless Chromium, plus the DOM
//! tests that need a browser (`wasm_common/report_dom.rs`).

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod wasm_common;

#[path = "wasm_common/report_dom.rs"]
mod report_dom;
