//! eiam-sync: typed, validated access to Alibaba Cloud IDaaS (`eiam`,
//! 2021-12-01) synchronization jobs and identity-provider sync configurations.
//!
//! The core (`model`, `parse`) is plain Rust, tested natively; `js` is the thin
//! WebAssembly binding layer that only converts and names things.
//!
//! Cargo features, both on by default: `client` (the browser client's policy
//! and bindings) and `reports` (HTML, DOM, SVG and CSV reports). Without them
//! the crate builds the npm package's `eiam-sync/core` module: parsing,
//! validation and analysis.

pub mod analyze;
#[cfg(feature = "client")]
pub mod client;
pub mod model;
pub mod parse;
#[cfg(feature = "reports")]
pub mod report;
mod template;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod js;
