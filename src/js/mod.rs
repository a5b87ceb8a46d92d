//! The WebAssembly binding layer: the only code that knows JavaScript. It
//! converts inputs, calls the pure core and names things for JS; it holds no
//! logic of its own.

mod errors;
mod input;
mod output;
mod parse;

pub use errors::{is_eiam_sync_error, is_eiam_sync_parse_error};
pub use parse::{
    parse_get_identity_provider_ud_pull_configuration,
    parse_get_identity_provider_ud_push_configuration, parse_get_synchronization_job,
    parse_list_synchronization_jobs,
};
mod validate;
pub use validate::*;
mod analyze;
pub use analyze::*;
#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
pub use client::*;
#[cfg(feature = "reports")]
mod report;
#[cfg(feature = "reports")]
pub use report::*;
