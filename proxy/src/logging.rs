//! Log set-up: everything to stderr, the level from `RUST_LOG` (default
//! `info`), and only this crate's events below `warn`.
//!
//! HTTP libraries log raw headers at their most verbose levels, and headers
//! carry the `Authorization` signature, the STS token and the callers' bearer
//! token. So whatever `RUST_LOG` says, events from other crates pass only at
//! `warn` and `error`; this crate never logs a header value, a credential or
//! a signature at any level.

use crate::cli::LogFormat;
use std::io::IsTerminal;
use tracing::{Level, Metadata};
use tracing_subscriber::filter::{filter_fn, EnvFilter};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::Layer;

/// The target prefix of this crate's own events.
const OWN_TARGET: &str = "eiam_sync_proxy";

/// Whether an event may be written at all, whatever `RUST_LOG` asks for.
pub fn is_safe_to_log(metadata: &Metadata<'_>) -> bool {
    metadata.target().starts_with(OWN_TARGET) || *metadata.level() <= Level::WARN
}

/// Installs the global subscriber (once; later calls do nothing).
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let ansi = std::io::stderr().is_terminal();
    let layer = match format {
        LogFormat::Text => tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_ansi(ansi)
            .boxed(),
        LogFormat::Json => tracing_subscriber::fmt::layer()
            .json()
            .flatten_event(true)
            .with_writer(std::io::stderr)
            .boxed(),
    };
    let _ = tracing_subscriber::registry()
        .with(
            layer
                .with_filter(filter_fn(is_safe_to_log))
                .with_filter(filter),
        )
        .try_init();
}
