//! `eiam-sync-proxy`: the signing proxy between a browser console and Alibaba
//! Cloud IDaaS (eiam 2021-12-01).
//!
//! Callers send `POST /{Action}?{parameters}` with an empty body; the proxy
//! checks who is calling and what, signs the call with signature V3 using
//! credentials only it holds, forwards it to the configured endpoint and
//! relays the answer. See `README.md` beside this crate for operators.
//!
//! Modules, one job each: [`cli`] (flags), [`config`] (checked
//! configuration), [`credentials`] (loading and refreshing the AccessKey),
//! [`security`] (origin, caller authentication, action and query rules),
//! [`rate_limit`], [`upstream`] (sign and forward), [`error`] (refusals in the
//! service's error shape), [`server`] (the request pipeline), [`logging`].

#![deny(missing_docs)]

pub mod cli;
pub mod config;
pub mod credentials;
pub mod error;
pub mod ids;
pub mod logging;
pub mod rate_limit;
pub mod security;
pub mod server;
pub mod upstream;

use clap::Parser;
use config::Config;
use credentials::{CredentialStore, Source};
use std::io::Write as _;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

/// Exit code for a configuration the proxy refuses.
const EXIT_CONFIG: u8 = 2;
/// Exit code for a failure while running (cannot bind, server error).
const EXIT_RUNTIME: u8 = 1;

/// Reads an environment variable; unset, empty or not UTF-8 is `None`.
fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

/// Parses the command line, starts the server, and runs until SIGTERM or Ctrl-C.
pub fn run() -> ExitCode {
    let args = cli::Args::parse();
    logging::init(args.log_format);
    let config = match Config::from_args(&args) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("eiam-sync-proxy: {error}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("eiam-sync-proxy: cannot start the async runtime: {error}");
            return ExitCode::from(EXIT_RUNTIME);
        }
    };
    runtime.block_on(serve(config))
}

/// Loads credentials, binds, prints the listening line and serves.
async fn serve(config: Config) -> ExitCode {
    for warning in &config.warnings {
        tracing::warn!("{warning}");
    }
    let source = match Source::resolve(&config.credentials, &env_var) {
        Ok(source) => source,
        Err(error) => {
            eprintln!("eiam-sync-proxy: {error}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    let store = CredentialStore::new(source);
    let first_refresh = match store.refresh().await {
        Ok(next) => {
            tracing::info!(source = %store.source().describe(), "credentials loaded");
            next
        }
        Err(message) => match store.source() {
            Source::EcsRamRole(_) => {
                tracing::warn!(error = %message, "ECS RAM role credentials not available yet; retrying in the background");
                Some(std::time::Duration::from_secs(5))
            }
            _ => {
                eprintln!("eiam-sync-proxy: {message}");
                return ExitCode::from(EXIT_CONFIG);
            }
        },
    };
    tokio::spawn(Arc::clone(&store).refresh_forever(first_refresh));

    let forwarder = match upstream::Forwarder::new(config.upstream.clone(), config.timeout) {
        Ok(forwarder) => forwarder,
        Err(message) => {
            eprintln!("eiam-sync-proxy: {message}");
            return ExitCode::from(EXIT_RUNTIME);
        }
    };
    let listener = match tokio::net::TcpListener::bind(config.listen).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!(
                "eiam-sync-proxy: cannot listen on {}: {error}",
                config.listen
            );
            return ExitCode::from(EXIT_RUNTIME);
        }
    };
    let address = listener.local_addr().unwrap_or(config.listen);
    tracing::info!(
        listen = %address,
        upstream = %config.upstream.base,
        actions = ?config.allowed_actions,
        origins = ?config.allowed_origins,
        rate_limit = config.rate_limit,
        "eiam-sync-proxy started"
    );
    let state = Arc::new(server::AppState {
        limiter: rate_limit::RateLimiter::new(config.rate_limit),
        config,
        credentials: store,
        forwarder,
    });
    let shutdown = shutdown_signal();
    {
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "eiam-sync-proxy listening on http://{address}");
        let _ = stdout.flush();
    }
    let app = server::router(state).into_make_service_with_connect_info::<SocketAddr>();
    match axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
    {
        Ok(()) => {
            tracing::info!("eiam-sync-proxy stopped");
            ExitCode::SUCCESS
        }
        Err(error) => {
            tracing::error!(error = %error, "server failed");
            ExitCode::from(EXIT_RUNTIME)
        }
    }
}

/// Resolves on SIGTERM or Ctrl-C (SIGINT). The handlers are installed when
/// this is called, not when the future is first polled, so a signal sent right
/// after the listening line is printed already shuts down gracefully.
#[cfg(unix)]
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    use tokio::signal::unix::{signal, SignalKind};
    let terminate = signal(SignalKind::terminate());
    let interrupt = signal(SignalKind::interrupt());
    async move {
        let wait = |installed: std::io::Result<tokio::signal::unix::Signal>| async move {
            match installed {
                Ok(mut signal) => {
                    signal.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            () = wait(terminate) => {},
            () = wait(interrupt) => {},
        }
        tracing::info!("shutting down: finishing requests in flight");
    }
}

/// Resolves on Ctrl-C.
#[cfg(not(unix))]
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    async {
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutting down: finishing requests in flight");
    }
}
