//! The figures of one run, the targets, and their Markdown and JSON forms.

use super::load::{OpenLoopPlan, Record, Saturation};
use super::mix::Route;
use super::servers::{Machine, RssSample};
use super::stats::{diff_ms, ms, Spread, Summary};
use serde_json::{json, Value};

/// Added p50 latency target (ms).
pub const ADDED_P50_MS: f64 = 0.3;
/// Added p99 latency target (ms).
pub const ADDED_P99_MS: f64 = 2.0;
/// Peak RSS target: 30 MB, counted as 30,000,000 bytes.
pub const RSS_LIMIT_KB: u64 = 30_000_000 / 1024;

/// The open-loop figures of one route.
#[derive(Debug, Clone)]
pub struct RouteLatency {
    /// The route.
    pub route: Route,
    /// Latency from the scheduled start to the end of the answer.
    pub latency: Summary,
    /// Scheduled start to the moment a connection took the request.
    pub start_lag: Summary,
    /// From the moment a connection took the request to the end of the answer
    /// (the latency without the load generator's own lateness).
    pub service: Summary,
    /// Non-200 answers plus transport errors.
    pub errors: u64,
    /// Errors by kind (`400 SignatureNonceUsed`, `transport: ...`), most frequent first.
    pub error_kinds: Vec<(String, u64)>,
    /// Requests answered per second of this route's blocks.
    pub achieved_rate: f64,
    /// The median latency of each of this route's blocks (ns), in order.
    pub block_p50s: Vec<u64>,
    /// The 99th percentile of each of this route's blocks (ns), in order.
    pub block_p99s: Vec<u64>,
}

impl RouteLatency {
    /// Summarises one route's records; `seconds` is the length of its blocks together.
    pub fn new(route: Route, records: &[Record], seconds: f64) -> Self {
        let mut latencies: Vec<u64> = records.iter().map(|r| r.latency_ns).collect();
        let mut lags: Vec<u64> = records.iter().map(|r| r.start_lag_ns).collect();
        let mut service: Vec<u64> = records
            .iter()
            .map(|r| r.latency_ns.saturating_sub(r.start_lag_ns))
            .collect();
        let mut error_kinds: Vec<(String, u64)> = Vec::new();
        for kind in records.iter().filter_map(|r| r.outcome.error_kind()) {
            match error_kinds.iter_mut().find(|(known, _)| *known == kind) {
                Some((_, count)) => *count += 1,
                None => error_kinds.push((kind, 1)),
            }
        }
        error_kinds.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
        let mut blocks: Vec<u32> = records.iter().map(|r| r.block).collect();
        blocks.sort_unstable();
        blocks.dedup();
        let (block_p50s, block_p99s) = blocks
            .iter()
            .map(|&block| {
                let mut within: Vec<u64> = records
                    .iter()
                    .filter(|r| r.block == block)
                    .map(|r| r.latency_ns)
                    .collect();
                let summary = Summary::of(&mut within);
                (summary.p50, summary.p99)
            })
            .unzip();
        RouteLatency {
            route,
            latency: Summary::of(&mut latencies),
            start_lag: Summary::of(&mut lags),
            service: Summary::of(&mut service),
            errors: error_kinds.iter().map(|(_, count)| count).sum(),
            error_kinds,
            achieved_rate: if seconds > 0.0 {
                records.len() as f64 / seconds
            } else {
                0.0
            },
            block_p50s,
            block_p99s,
        }
    }

    fn json(&self) -> Value {
        let spread = Spread::of(&self.block_p50s);
        json!({
            "latency": self.latency.json_ms(),
            "start_lag": self.start_lag.json_ms(),
            "from_send": self.service.json_ms(),
            "errors": self.errors,
            "error_kinds": self.error_kinds.iter().map(|(kind, n)| json!({"kind": kind, "count": n})).collect::<Vec<_>>(),
            "achieved_rate": self.achieved_rate,
            "block_p50_ms": self.block_p50s.iter().map(|&v| ms(v)).collect::<Vec<_>>(),
            "block_p50_relative_spread": spread.relative(),
            "block_p99_ms": self.block_p99s.iter().map(|&v| ms(v)).collect::<Vec<_>>(),
        })
    }
}

/// CPU time a process used during the open-loop phase, per request it handled.
#[derive(Debug, Clone)]
pub struct CpuUse {
    /// Which process, and per what.
    pub who: String,
    /// CPU seconds (user + system) during the phase.
    pub seconds: f64,
    /// Microseconds of CPU per request.
    pub micros_per_request: f64,
}

/// Everything one run found.
#[derive(Debug, Clone)]
pub struct Findings {
    /// The open-loop phase's shape.
    pub plan: OpenLoopPlan,
    /// Seconds of open-loop load per route.
    pub seconds_per_route: f64,
    /// Calls per cycle of the mix, by action.
    pub mix: Vec<(&'static str, usize)>,
    /// Open-loop figures by [`Route::index`].
    pub latency: [RouteLatency; 2],
    /// Closed-loop runs.
    pub saturation: Vec<Saturation>,
    /// The proxy's `VmHWM` at the end (kB).
    pub proxy_hwm_kb: Option<u64>,
    /// The proxy's `VmRSS` every 100 ms.
    pub proxy_rss: Vec<RssSample>,
    /// CPU use during the open-loop phase.
    pub cpu: Vec<CpuUse>,
    /// The machine.
    pub machine: Machine,
}

/// A target and whether it was met.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// What is measured, with its limit.
    pub name: String,
    /// The figure.
    pub value: String,
    /// Met or not.
    pub pass: bool,
}

impl Findings {
    /// The direct route's open-loop figures.
    pub fn direct(&self) -> &RouteLatency {
        &self.latency[Route::Direct.index()]
    }

    /// The proxy route's open-loop figures.
    pub fn proxied(&self) -> &RouteLatency {
        &self.latency[Route::Proxy.index()]
    }

    /// Added latency at p50 and p99 (ms): the percentile of the proxied
    /// distribution minus the same percentile of the direct one.
    pub fn added_ms(&self) -> (f64, f64) {
        let (d, p) = (&self.direct().latency, &self.proxied().latency);
        (diff_ms(d.p50, p.p50), diff_ms(d.p99, p.p99))
    }

    /// Added p50 and p99 of each pair of adjacent blocks (one direct, one
    /// through the proxy, in the order they ran), in ms: a view of the added
    /// latency that one disturbed block cannot skew much.
    pub fn pair_added_ms(&self) -> Vec<(f64, f64)> {
        let (d, p) = (self.direct(), self.proxied());
        d.block_p50s
            .iter()
            .zip(&d.block_p99s)
            .zip(p.block_p50s.iter().zip(&p.block_p99s))
            .map(|((&d50, &d99), (&p50, &p99))| (diff_ms(d50, p50), diff_ms(d99, p99)))
            .collect()
    }

    /// The proxy's peak RSS: `VmHWM`, or the largest sample when it is larger or missing.
    pub fn peak_rss_kb(&self) -> u64 {
        let sampled = self.proxy_rss.iter().map(|&(_, kb)| kb).max().unwrap_or(0);
        self.proxy_hwm_kb.unwrap_or(0).max(sampled)
    }

    /// The best closed-loop rate of a route and the connections it took.
    pub fn best_rate(&self, route: Route) -> Option<&Saturation> {
        self.saturation
            .iter()
            .filter(|run| run.route == route)
            .max_by(|a, b| a.rate().total_cmp(&b.rate()))
    }

    /// The four targets of the issue.
    pub fn verdicts(&self) -> Vec<Verdict> {
        let (p50, p99) = self.added_ms();
        let errors = self.direct().errors + self.proxied().errors;
        let rss = self.peak_rss_kb();
        vec![
            Verdict {
                name: format!("added p50 ≤ {ADDED_P50_MS} ms"),
                value: format!("{p50:.3} ms"),
                pass: p50 <= ADDED_P50_MS,
            },
            Verdict {
                name: format!("added p99 ≤ {ADDED_P99_MS} ms"),
                value: format!("{p99:.3} ms"),
                pass: p99 <= ADDED_P99_MS,
            },
            Verdict {
                name: "proxy peak RSS ≤ 30 MB".to_owned(),
                value: format!("{:.1} MB", rss as f64 * 1024.0 / 1e6),
                pass: rss <= RSS_LIMIT_KB,
            },
            Verdict {
                name: format!("zero errors over {} s per route", self.seconds_per_route),
                value: errors.to_string(),
                pass: errors == 0,
            },
        ]
    }

    /// The report as JSON (`proxy.json`).
    pub fn json(&self) -> Value {
        let (p50, p99) = self.added_ms();
        json!({
            "open_loop": {
                "rate": self.plan.rate,
                "seconds_per_route": self.seconds_per_route,
                "block_seconds": self.plan.block.as_secs_f64(),
                "blocks": self.plan.blocks().iter().map(|r| r.label()).collect::<Vec<_>>(),
                "warmup_seconds": self.plan.warmup.as_secs_f64(),
                "connections_per_route": self.plan.connections,
                "mix": self.mix.iter().map(|(a, n)| json!({"action": a, "per_100": n})).collect::<Vec<_>>(),
                "direct": self.direct().json(),
                "via_proxy": self.proxied().json(),
                "added_ms": { "p50": p50, "p99": p99, "method": "percentile of via-proxy minus the same percentile of direct" },
                "added_ms_per_block_pair": self.pair_added_ms().iter().map(|(p50, p99)| json!({"p50": p50, "p99": p99})).collect::<Vec<_>>(),
            },
            "closed_loop": self.saturation.iter().map(|s| json!({
                "route": s.route.label(), "connections": s.connections, "completed": s.completed,
                "errors": s.errors, "seconds": s.seconds, "rate": s.rate(),
            })).collect::<Vec<_>>(),
            "proxy_memory": {
                "vm_hwm_kb": self.proxy_hwm_kb,
                "peak_kb": self.peak_rss_kb(),
                "vm_rss_samples": self.proxy_rss.iter().map(|&(t, kb)| json!([t, kb])).collect::<Vec<_>>(),
            },
            "cpu": self.cpu.iter().map(|c| json!({"who": c.who, "seconds": c.seconds, "us_per_request": c.micros_per_request})).collect::<Vec<_>>(),
            "machine": {
                "cpus": self.machine.cpus, "cpu_model": self.machine.cpu_model, "kernel": self.machine.kernel,
                "load_before": self.machine.load_before, "load_after": self.machine.load_after,
                "others_busy_cpus_open_loop": self.machine.others_busy_cpus,
            },
            "targets": self.verdicts().iter().map(|v| json!({"target": v.name, "value": v.value, "pass": v.pass})).collect::<Vec<_>>(),
        })
    }
}
