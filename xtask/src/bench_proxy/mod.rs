//! `cargo xtask bench proxy`: the proxy's benchmark (issue 4; not a test).
//!
//! 1. builds `eiam-sync-proxy` and `eiam-emulator` in release and starts both on
//!    loopback ports (the proxy in front of the emulator, rate limit off, logs
//!    at `warn`); both are killed when the run ends, however it ends;
//! 2. sends the same request mix straight to the emulator (signed here with
//!    `acs3`, exactly as the proxy signs) and through the proxy, open loop at a
//!    fixed rate, in alternating blocks so the machine's noise hits both alike;
//! 3. saturates each route with 16, 32 and 64 closed-loop connections;
//! 4. prints the latencies, the added latency, errors, throughput, the proxy's
//!    peak RSS and the machine's noise with PASS/MISS against the targets, and
//!    writes `<target>/bench/proxy.{json,md}`. A MISS does not fail the command.
//!
//! The load generator runs optimised: a debug `cargo xtask` hands over to a
//! release build of itself (see [`run`]).

mod client;
mod load;
mod markdown;
mod mix;
mod report;
mod servers;
mod stats;

use crate::process;
use crate::workspace::Workspace;
use anyhow::{bail, Context, Result};
use client::{Connection, Endpoint, Outcome};
use load::OpenLoopPlan;
use mix::{Mix, Route};
use report::{CpuUse, Findings, RouteLatency};
use std::fs;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

/// What one run measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProxyBenchOptions {
    /// Seconds of open-loop load per route (60; 10 with `--quick`).
    pub seconds: u64,
    /// Requests per second of the open-loop phase (1,000).
    pub rate: u32,
    /// Shorter warm-up and closed-loop runs too.
    pub quick: bool,
}

impl Default for ProxyBenchOptions {
    fn default() -> Self {
        ProxyBenchOptions {
            seconds: 60,
            rate: 1000,
            quick: false,
        }
    }
}

impl ProxyBenchOptions {
    /// The `--quick` run: 10 s per route.
    pub fn quick() -> Self {
        ProxyBenchOptions {
            seconds: 10,
            quick: true,
            ..Self::default()
        }
    }

    /// The open-loop phase: blocks of 5 s (or a little less, so that a whole
    /// number of them fills `seconds`), 16 connections per route.
    fn plan(&self) -> OpenLoopPlan {
        let seconds = self.seconds.max(1);
        let blocks_per_route = u32::try_from(seconds.div_ceil(5)).unwrap_or(u32::MAX);
        OpenLoopPlan {
            rate: self.rate.max(1),
            block: Duration::from_secs_f64(seconds as f64 / f64::from(blocks_per_route)),
            blocks_per_route,
            warmup: Duration::from_secs(if self.quick { 1 } else { 3 }),
            connections: 16,
        }
    }

    /// Warm-up and measured window of each closed-loop run.
    fn saturation_windows(&self) -> (Duration, Duration) {
        if self.quick {
            (Duration::from_millis(500), Duration::from_millis(1500))
        } else {
            (Duration::from_secs(1), Duration::from_secs(4))
        }
    }
}

/// The flags of `cargo xtask bench proxy`.
#[derive(Debug, Clone, clap::Args)]
pub struct ProxyBenchArgs {
    /// Seconds of fixed-rate load per route (default 60, or 10 with --quick).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub seconds: Option<u64>,
    /// Requests per second of the fixed-rate phase.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub rate: u32,
    /// A short run: 10 s per route, shorter warm-up and saturation runs.
    #[arg(long)]
    pub quick: bool,
}

impl ProxyBenchArgs {
    /// The options these flags ask for; `quick` is `cargo xtask bench --quick`
    /// (given before `proxy`), which counts like `proxy --quick`.
    pub fn options(&self, quick: bool) -> ProxyBenchOptions {
        let base = if quick || self.quick {
            ProxyBenchOptions::quick()
        } else {
            ProxyBenchOptions::default()
        };
        ProxyBenchOptions {
            seconds: self.seconds.unwrap_or(base.seconds),
            rate: self.rate,
            ..base
        }
    }
}

/// Connection counts of the closed-loop runs.
const SATURATION_CONNECTIONS: [usize; 3] = [16, 32, 64];

/// Set in the environment of the optimised xtask that [`run`] hands over to.
const OPTIMISED_CHILD: &str = "XTASK_BENCH_PROXY_OPTIMISED";

/// Runs the benchmark and writes `<target>/bench/proxy.{json,md}`.
///
/// `cargo xtask` is a debug build, and a debug load generator spends more CPU
/// per request than the servers it measures (on the same CPUs), which doubled
/// the direct p50 and halved the direct throughput in trials. So a debug xtask
/// builds xtask in release and runs `bench proxy` there with the same options.
pub fn run(ws: &Workspace, options: ProxyBenchOptions) -> Result<()> {
    if cfg!(debug_assertions) && std::env::var_os(OPTIMISED_CHILD).is_none() {
        return run_optimised(ws, options);
    }
    let bin_dir = servers::build(ws)?;
    let out_dir = ws.target_dir.join("bench");
    fs::create_dir_all(&out_dir)
        .with_context(|| format!("could not create {}", out_dir.display()))?;
    let mut machine = servers::Machine::read();
    let emulator = servers::start_emulator(&bin_dir, &out_dir)?;
    let proxy = servers::start_proxy(&bin_dir, &out_dir, emulator.addr)?;
    let sampler = servers::RssSampler::start(proxy.pid());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("could not start the load generator's runtime")?;
    let endpoints = [
        Arc::new(Endpoint::new(Route::Direct, emulator.addr)),
        Arc::new(Endpoint::new(Route::Proxy, proxy.addr)),
    ];
    let fixtures = runtime.block_on(client::discover(&endpoints[0]))?;
    let mix = Arc::new(Mix::new(&fixtures)?);
    runtime
        .block_on(preflight(&endpoints, &mix))
        .with_context(|| {
            format!(
                "logs: {} and {}",
                emulator.log.display(),
                proxy.log.display()
            )
        })?;

    let plan = options.plan();
    println!(
        "bench proxy: open loop, {} req/s, {} s per route in blocks of {:.1} s …",
        plan.rate,
        options.seconds,
        plan.block.as_secs_f64()
    );
    let pids = [proxy.pid(), emulator.pid(), std::process::id()];
    let cpu_before = pids.map(servers::cpu_ticks);
    let machine_before = servers::machine_ticks();
    let records = load::open_loop(&runtime, &endpoints, &mix, &plan)?;
    let cpu_after = pids.map(servers::cpu_ticks);
    let machine_after = servers::machine_ticks();
    machine.others_busy_cpus = others_busy_cpus(
        machine.cpus,
        machine_before.zip(machine_after),
        &cpu_before,
        &cpu_after,
    );
    let route_seconds = plan.block.as_secs_f64() * f64::from(plan.blocks_per_route);
    let latency =
        Route::ALL.map(|route| RouteLatency::new(route, &records[route.index()], route_seconds));
    let (direct_count, proxy_count) = (records[0].len() as f64, records[1].len() as f64);
    let ticks = servers::ticks_per_second();
    let who = [
        ("proxy, per proxied request", proxy_count),
        ("emulator, per request", direct_count + proxy_count),
        ("load generator, per request", direct_count + proxy_count),
    ];
    let cpu = (0..3)
        .filter_map(|i| {
            let used = cpu_after[i]?.checked_sub(cpu_before[i]?)? as f64 / ticks;
            Some(CpuUse {
                who: who[i].0.to_owned(),
                seconds: used,
                micros_per_request: used * 1e6 / who[i].1.max(1.0),
            })
        })
        .collect();

    let (warmup, measure) = options.saturation_windows();
    let mut saturation = Vec::new();
    for connections in SATURATION_CONNECTIONS {
        for endpoint in &endpoints {
            let run = load::closed_loop(&runtime, endpoint, &mix, connections, warmup, measure)?;
            println!(
                "bench proxy: closed loop {} N={connections}: {:.0} req/s, {} errors",
                endpoint.route.label(),
                run.rate(),
                run.errors
            );
            saturation.push(run);
        }
    }
    let proxy_hwm_kb = servers::status_kb(proxy.pid(), "VmHWM");
    let proxy_rss = sampler.finish();
    machine.load_after = servers::load_average();
    drop(runtime);
    drop(proxy);
    drop(emulator);

    let findings = Findings {
        plan,
        seconds_per_route: route_seconds,
        mix: mix.shares(),
        latency,
        saturation,
        proxy_hwm_kb,
        proxy_rss,
        cpu,
        machine,
    };
    let markdown = findings.markdown();
    println!("\n{markdown}");
    let json_path = out_dir.join("proxy.json");
    let md_path = out_dir.join("proxy.md");
    let json_text = serde_json::to_string_pretty(&findings.json())?;
    fs::write(&json_path, json_text + "\n")
        .with_context(|| format!("could not write {}", json_path.display()))?;
    fs::write(&md_path, &markdown)
        .with_context(|| format!("could not write {}", md_path.display()))?;
    println!(
        "bench proxy: wrote {} and {}",
        json_path.display(),
        md_path.display()
    );
    Ok(())
}

/// CPUs kept busy on average by other work between two readings of the
/// machine's ticks, given the ticks of our own processes at the same moments.
fn others_busy_cpus(
    cpus: usize,
    machine: Option<((u64, u64), (u64, u64))>,
    ours_before: &[Option<u64>],
    ours_after: &[Option<u64>],
) -> Option<f64> {
    let ((busy_before, total_before), (busy_after, total_after)) = machine?;
    let ours: u64 = ours_before
        .iter()
        .zip(ours_after)
        .map(|(before, after)| Some(after.as_ref()?.saturating_sub(*before.as_ref()?)))
        .sum::<Option<u64>>()?;
    let total = total_after.checked_sub(total_before)?.max(1);
    let others = busy_after.checked_sub(busy_before)?.saturating_sub(ours);
    Some(others as f64 / total as f64 * cpus as f64)
}

/// Builds xtask (and the servers) in release and runs `xtask bench proxy`
/// with `options` there.
fn run_optimised(ws: &Workspace, options: ProxyBenchOptions) -> Result<()> {
    let exe = servers::build(ws)?.join(format!("xtask{}", std::env::consts::EXE_SUFFIX));
    let mut bench = Command::new(exe);
    bench
        .current_dir(&ws.root)
        .env(OPTIMISED_CHILD, "1")
        .args(["bench", "proxy", "--seconds"])
        .arg(options.seconds.to_string())
        .arg("--rate")
        .arg(options.rate.to_string());
    if options.quick {
        bench.arg("--quick");
    }
    process::run(&mut bench)
}

/// Sends every call of the mix once on each route and insists on 200: a
/// benchmark of refusals (a bad signature, a wrong ID) would measure nothing.
async fn preflight(endpoints: &[Arc<Endpoint>; 2], mix: &Mix) -> Result<()> {
    for endpoint in endpoints {
        let mut connection = Connection::open(endpoint.addr).await?;
        for call in mix.calls() {
            let (status, body) = connection.send(endpoint.request(call)?).await?;
            if let Some(kind) = Outcome::of(status, &body).error_kind() {
                bail!(
                    "pre-flight: {} {}?{} answered {kind}: {}",
                    endpoint.route.label(),
                    call.action,
                    call.query,
                    String::from_utf8_lossy(&body)
                );
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_and_plan() {
        let args = ProxyBenchArgs {
            seconds: None,
            rate: 1000,
            quick: false,
        };
        assert_eq!(args.options(false), ProxyBenchOptions::default());
        assert_eq!(args.options(true).seconds, 10);
        let plan = ProxyBenchOptions::default().plan();
        assert_eq!(
            (plan.blocks_per_route, plan.block),
            (12, Duration::from_secs(5))
        );
        let odd = ProxyBenchOptions {
            seconds: 7,
            ..ProxyBenchOptions::quick()
        }
        .plan();
        assert_eq!(
            (odd.blocks_per_route, odd.block),
            (2, Duration::from_millis(3500))
        );
    }

    #[test]
    fn others_load_excludes_our_processes() {
        let machine = Some(((100, 1000), (700, 2000)));
        let busy = others_busy_cpus(2, machine, &[Some(0), Some(10)], &[Some(200), Some(110)]);
        assert_eq!(busy, Some(0.6));
        assert_eq!(others_busy_cpus(2, machine, &[None], &[Some(1)]), None);
    }
}
