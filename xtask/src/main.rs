//! `cargo xtask <command>`: the project's automation (see `cargo xtask --help`).
//!
//! Each command lives in its own module; this file only parses the command line.

mod bench;
mod bench_proxy;
mod build;
mod children;
mod demo;
mod demo_stack;
mod fuzz;
mod http_get;
mod lockfile;
mod package_checks;
mod process;
mod services;
mod setup;
mod static_files;
mod static_server;
mod suite;
mod vite_app;
mod workspace;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};
use workspace::Workspace;

/// Project automation for eiam-sync.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Task,
}

#[derive(Debug, Subcommand)]
enum Task {
    /// Install what the other commands need: the wasm32 target, wasm-bindgen-cli
    /// matching Cargo.lock, Chromium and its driver, the npm dev tools.
    Setup,
    /// Build the npm package into pkg/ and print its gzipped size.
    Build(BuildArgs),
    /// Run every check CI runs, in order, stopping at the first failure.
    Test,
    /// Build, start the emulator and the proxy, and serve the console on 127.0.0.1.
    Demo(DemoArgs),
    /// Benchmark the package in headless Chromium and the native core (not a test).
    Bench(bench::BenchArgs),
    /// Run every cargo-fuzz target (on nightly) for a while and report crashes.
    Fuzz {
        /// Seconds per target.
        #[arg(default_value_t = 60)]
        seconds: u64,
    },
}

#[derive(Debug, Args)]
struct BuildArgs {
    /// Override the release profile's opt-level, to compare sizes.
    #[arg(long, alias = "profile-opt", value_parser = ["0", "1", "2", "3", "s", "z"])]
    opt_level: Option<String>,
    /// Ship wasm-bindgen's output without running wasm-opt.
    #[arg(long)]
    no_wasm_opt: bool,
}

#[derive(Debug, Args)]
struct DemoArgs {
    /// First port to try (the next ones are tried when it is taken); 0 picks a free one.
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Check the served files and run the browser tests of the console, then exit.
    #[arg(long)]
    check: bool,
    /// Use pkg/ and the binaries as they are, without building them first.
    #[arg(long)]
    no_build: bool,
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Task::Setup => setup::setup(),
        Task::Build(args) => {
            let options = build::BuildOptions {
                opt_level: args.opt_level,
                skip_wasm_opt: args.no_wasm_opt,
            };
            build::build(&Workspace::load()?, &options)
        }
        Task::Test => suite::test(),
        Task::Demo(args) => {
            let ws = Workspace::load()?;
            if !args.no_build {
                setup::setup()?;
                build::build(&ws, &build::BuildOptions::default())?;
                build::build_service_binaries(&ws)?;
            }
            let options = demo::DemoOptions {
                port: args.port,
                check: args.check,
            };
            demo::serve(&ws, &options)
        }
        Task::Bench(args) => bench::bench(&args),
        Task::Fuzz { seconds } => fuzz::fuzz(seconds),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn parses_the_documented_forms() {
        let cli = Cli::try_parse_from(["xtask", "build", "--profile-opt", "s", "--no-wasm-opt"])
            .expect("build flags parse");
        assert!(matches!(
            cli.command,
            Task::Build(BuildArgs { opt_level: Some(ref level), no_wasm_opt: true }) if level == "s"
        ));
        let cli = Cli::try_parse_from(["xtask", "fuzz", "5"]).expect("fuzz seconds parse");
        assert!(matches!(cli.command, Task::Fuzz { seconds: 5 }));
        assert!(Cli::try_parse_from(["xtask", "build", "--opt-level", "4"]).is_err());
    }
}
