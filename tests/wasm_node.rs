#![cfg(target_arch = "wasm32")]
//! The binding tests of `wasm_common`, in Node (wasm-bindgen-test's default).

mod wasm_common;
