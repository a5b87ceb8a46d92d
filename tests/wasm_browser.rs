#![cfg(target_arch = "wasm32")]
//! The binding tests of `wasm_common`, in headless Chromium.

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod wasm_common;
