//! The Markdown form of the report (printed, and written to `proxy.md`).

use super::load::Saturation;
use super::mix::Route;
use super::report::Findings;
use super::stats::{diff_ms, ms, Spread, Summary};
use std::fmt::Write as _;

/// Picks one figure of a summary (a table row).
type Pick = fn(&Summary) -> u64;

impl Findings {
    /// The report as Markdown (what is printed and written to `proxy.md`).
    pub fn markdown(&self) -> String {
        let (d, p) = (self.direct(), self.proxied());
        let mut out = String::from("## eiam-sync-proxy benchmark (`cargo xtask bench proxy`)\n\n");
        let mix: Vec<String> = self.mix.iter().map(|(a, n)| format!("{n} {a}")).collect();
        let _ = writeln!(
            out,
            "Open loop at {} requests/s, {} s per route in {} alternating blocks of {:.1} s \
             (direct, proxy, proxy, direct, …) after {:.1} s of warm-up each; {} keep-alive \
             connections per route; latency from each request's scheduled start to the end of \
             its answer (\"from send\": from the moment a connection took it, so without the \
             \"start lag\": the load generator's own lateness or a wait for a free connection). \
             Mix per 100 calls: {}.\n",
            self.plan.rate,
            self.seconds_per_route,
            self.plan.blocks_per_route * 2,
            self.plan.block.as_secs_f64(),
            self.plan.warmup.as_secs_f64(),
            self.plan.connections,
            mix.join(", ")
        );
        out.push_str("| | direct | via proxy | added (via − direct) |\n|---|---:|---:|---:|\n");
        let rows: [(&str, Pick); 5] = [
            ("p50 latency (ms)", |s| s.p50),
            ("p90 latency (ms)", |s| s.p90),
            ("p99 latency (ms)", |s| s.p99),
            ("p99.9 latency (ms)", |s| s.p999),
            ("max latency (ms)", |s| s.max),
        ];
        let service: [(&str, Pick); 2] = [
            ("p50 from send (ms)", |s| s.p50),
            ("p99 from send (ms)", |s| s.p99),
        ];
        let table = rows
            .iter()
            .map(|&(name, pick)| (name, pick(&d.latency), pick(&p.latency)))
            .chain(
                service
                    .iter()
                    .map(|&(name, pick)| (name, pick(&d.service), pick(&p.service))),
            );
        for (name, a, b) in table {
            let _ = writeln!(
                out,
                "| {name} | {:.3} | {:.3} | {:+.3} |",
                ms(a),
                ms(b),
                diff_ms(a, b)
            );
        }
        let _ = writeln!(
            out,
            "| requests | {} | {} | |",
            d.latency.count, p.latency.count
        );
        let _ = writeln!(
            out,
            "| errors (non-200 + transport) | {} | {} | |",
            d.errors, p.errors
        );
        let _ = writeln!(
            out,
            "| achieved rate (req/s) | {:.1} | {:.1} | |",
            d.achieved_rate, p.achieved_rate
        );
        let _ = writeln!(
            out,
            "| start lag p99 / max (ms) | {:.3} / {:.3} | {:.3} / {:.3} | |",
            ms(d.start_lag.p99),
            ms(d.start_lag.max),
            ms(p.start_lag.p99),
            ms(p.start_lag.max)
        );
        let best = |route| {
            self.best_rate(route)
                .map(|run| format!("{:.0} (N={})", run.rate(), run.connections))
                .unwrap_or_else(|| "-".to_owned())
        };
        let _ = writeln!(
            out,
            "| max throughput (req/s, best N) | {} | {} | |",
            best(Route::Direct),
            best(Route::Proxy)
        );
        let sampled = self.proxy_rss.iter().map(|&(_, kb)| kb).max().unwrap_or(0);
        let _ = writeln!(
            out,
            "| proxy peak RSS (MB) | | {:.1} (VmHWM; sampled VmRSS max {:.1}) | |",
            self.proxy_hwm_kb.unwrap_or(0) as f64 * 1024.0 / 1e6,
            sampled as f64 * 1024.0 / 1e6
        );
        out.push_str(
            "\nAdded latency = the percentile of the via-proxy distribution minus the same \
             percentile of the direct distribution (not a per-request difference).",
        );
        let pairs = self.pair_added_ms();
        if !pairs.is_empty() {
            let median = |pick: fn(&(f64, f64)) -> f64| {
                let mut values: Vec<f64> = pairs.iter().map(pick).collect();
                values.sort_by(f64::total_cmp);
                let (low, high) = (values[0], values[values.len() - 1]);
                (values[(values.len() - 1) / 2], low, high)
            };
            let (m50, l50, h50) = median(|pair| pair.0);
            let (m99, l99, h99) = median(|pair| pair.1);
            let _ = write!(
                out,
                " The same per pair of adjacent blocks ({} pairs): added p50 median {m50:+.3} ms \
                 ({l50:+.3} to {h50:+.3}), added p99 median {m99:+.3} ms ({l99:+.3} to {h99:+.3}).",
                pairs.len()
            );
        }
        out.push_str("\n\n");
        out.push_str("| target | figure | |\n|---|---:|---|\n");
        for verdict in self.verdicts() {
            let mark = if verdict.pass { "PASS" } else { "MISS" };
            let _ = writeln!(out, "| {} | {} | {mark} |", verdict.name, verdict.value);
        }
        out.push_str(
            "\nClosed loop (each connection sends its next request when the last is answered):\n\n",
        );
        out.push_str("| connections | direct (req/s) | via proxy (req/s) | errors direct / proxy |\n|---:|---:|---:|---:|\n");
        let mut counts: Vec<usize> = self.saturation.iter().map(|s| s.connections).collect();
        counts.dedup();
        for n in counts {
            let find = |route| {
                self.saturation
                    .iter()
                    .find(|s| s.connections == n && s.route == route)
            };
            let (a, b) = (find(Route::Direct), find(Route::Proxy));
            let _ = writeln!(
                out,
                "| {n} | {:.0} | {:.0} | {} / {} |",
                a.map_or(0.0, Saturation::rate),
                b.map_or(0.0, Saturation::rate),
                a.map_or(0, |s| s.errors),
                b.map_or(0, |s| s.errors)
            );
        }
        out.push_str("\nCPU during the open-loop phase: ");
        let cpu: Vec<String> = self
            .cpu
            .iter()
            .map(|c| {
                format!(
                    "{} {:.1} µs/request ({:.2} s)",
                    c.who, c.micros_per_request, c.seconds
                )
            })
            .collect();
        out.push_str(&cpu.join("; "));
        let m = &self.machine;
        let (ds, ps) = (Spread::of(&d.block_p50s), Spread::of(&p.block_p50s));
        let _ = write!(
            out,
            ".\n\nMachine: {} CPUs ({}), Linux {}, load average {} before, {} after (the load \
             generator, proxy and emulator share these CPUs{}). Noise: p50 of the direct blocks \
             {:.3}–{:.3} ms (spread {:.0} % of their median), of the proxy blocks {:.3}–{:.3} ms \
             (spread {:.0} %).\n",
            m.cpus,
            m.cpu_model,
            m.kernel,
            m.load_before,
            m.load_after,
            m.others_busy_cpus
                .map(|busy| format!(
                    "; other work kept {busy:.2} of them busy on average during the open loop"
                ))
                .unwrap_or_default(),
            ms(ds.min),
            ms(ds.max),
            ds.relative() * 100.0,
            ms(ps.min),
            ms(ps.max),
            ps.relative() * 100.0
        );
        for route in [d, p] {
            if !route.error_kinds.is_empty() {
                let kinds: Vec<String> = route
                    .error_kinds
                    .iter()
                    .take(5)
                    .map(|(k, n)| format!("{n} × {k}"))
                    .collect();
                let _ = writeln!(
                    out,
                    "\nErrors {}: {}.",
                    route.route.label(),
                    kinds.join("; ")
                );
            }
        }
        out
    }
}
