//! `eiam-emulator`: serves the generated data on a loopback port until
//! SIGTERM or Ctrl-C. Prints one line on stdout once listening; logs go to
//! stderr.

use clap::Parser;
use eiam_emulator::cli::Cli;
use eiam_emulator::datafile::DataFile;
use eiam_emulator::generate::generate;
use eiam_emulator::handlers::Service;
use eiam_emulator::server::{router, AppState};
use eiam_emulator::store::Store;
use eiam_emulator::token::TokenCodec;
use std::io::{IsTerminal, Write};
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let filter = EnvFilter::try_new(&cli.log).unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("eiam-emulator: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("eiam-emulator: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    if !cli.listen.ip().is_loopback() && !cli.allow_non_loopback {
        return Err(format!(
            "refusing to listen on the non-loopback address {}: the emulator is a test double \
             with demo keys; pass --allow-non-loopback if you really mean it",
            cli.listen
        ));
    }
    if !cli.listen.ip().is_loopback() {
        tracing::warn!(listen = %cli.listen, "listening on a non-loopback address with --allow-non-loopback");
    }

    let mut store = Store::from_dataset(generate(&cli.generator_options()));
    if let Some(path) = &cli.data_file {
        let file =
            DataFile::load(path).map_err(|e| format!("data file {}: {e}", path.display()))?;
        store
            .add_data_file(file)
            .map_err(|e| format!("data file {}: {e}", path.display()))?;
    }
    let service = Service {
        store,
        tokens: TokenCodec::new(cli.seed, &cli.access_key_secret),
    };
    let state = Arc::new(AppState::new(
        service,
        cli.credentials(),
        cli.fault_config(),
        &cli.region,
    ));

    let listener = tokio::net::TcpListener::bind(cli.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", cli.listen))?;
    let shutdown = shutdown_signal()?;
    let local = listener
        .local_addr()
        .map_err(|e| format!("cannot read the listening address: {e}"))?;
    {
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "eiam-emulator listening on http://{local}");
        let _ = stdout.flush();
    }
    tracing::info!(listen = %local, access_key_id = %cli.access_key_id, seed = cli.seed, "serving");

    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
    .map_err(|e| format!("server error: {e}"))?;
    tracing::info!("stopped");
    Ok(())
}

/// Installs the SIGTERM and Ctrl-C handlers now (so a signal sent right
/// after the "listening" line is not lost) and resolves on either.
#[cfg(unix)]
fn shutdown_signal() -> Result<impl std::future::Future<Output = ()>, String> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut terminate =
        signal(SignalKind::terminate()).map_err(|e| format!("cannot handle SIGTERM: {e}"))?;
    let mut interrupt =
        signal(SignalKind::interrupt()).map_err(|e| format!("cannot handle SIGINT: {e}"))?;
    Ok(async move {
        tokio::select! {
            _ = terminate.recv() => {},
            _ = interrupt.recv() => {},
        }
    })
}

/// Resolves on Ctrl-C.
#[cfg(not(unix))]
fn shutdown_signal() -> Result<impl std::future::Future<Output = ()>, String> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}
