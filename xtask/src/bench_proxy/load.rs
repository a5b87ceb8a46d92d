//! The load: a fixed-rate open-loop schedule in alternating blocks (latency),
//! and closed-loop saturation with N connections (throughput).
//!
//! Open loop: a pacer thread builds (and, for the direct route, signs) request
//! `k` ahead of time, sleeps until its scheduled time `t0 + k / rate` and hands
//! it to the route's connection workers. A worker takes the next request when
//! it is free, so a slow answer delays nothing but itself, unless every
//! connection is busy; then the request starts late. Latency is measured from
//! the scheduled time to the end of the answer's body, so such waits count
//! (no coordinated omission).

use super::client::{Body, Connection, Endpoint, Outcome};
use super::mix::{Mix, Route};
use anyhow::{anyhow, Context, Result};
use hyper::Request;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::runtime::Runtime;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};
use tokio::sync::Mutex;

/// The shape of the open-loop phase.
#[derive(Debug, Clone)]
pub struct OpenLoopPlan {
    /// Requests per second on the route of the current block.
    pub rate: u32,
    /// Length of one block.
    pub block: Duration,
    /// Blocks per route (each route gets `blocks_per_route × block` of load).
    pub blocks_per_route: u32,
    /// Unrecorded load on each route before the first block.
    pub warmup: Duration,
    /// Connections per route.
    pub connections: usize,
}

impl OpenLoopPlan {
    /// The route of measured block `index`: direct, proxy, proxy, direct, and
    /// again (ABBA), so a steady drift of the machine favours neither route.
    pub fn route_of(index: u32) -> Route {
        match index % 4 {
            0 | 3 => Route::Direct,
            _ => Route::Proxy,
        }
    }

    /// The measured blocks in order.
    pub fn blocks(&self) -> Vec<Route> {
        (0..self.blocks_per_route * 2).map(Self::route_of).collect()
    }
}

/// One measured request.
#[derive(Debug, Clone)]
pub struct Record {
    /// Index of its block in [`OpenLoopPlan::blocks`].
    pub block: u32,
    /// From the scheduled time to the end of the answer.
    pub latency_ns: u64,
    /// From the scheduled time to the moment a connection took it: the
    /// generator's own lateness plus any wait for a free connection.
    pub start_lag_ns: u64,
    /// What came back.
    pub outcome: Outcome,
}

/// A scheduled request on its way to a worker.
struct Job {
    block: Option<u32>,
    scheduled: Instant,
    request: Request<Body>,
}

/// Runs the open-loop phase; returns the records of each route (by [`Route::index`]).
pub fn open_loop(
    runtime: &Runtime,
    endpoints: &[Arc<Endpoint>; 2],
    mix: &Arc<Mix>,
    plan: &OpenLoopPlan,
) -> Result<[Vec<Record>; 2]> {
    runtime.block_on(async {
        let mut senders = Vec::new();
        let mut workers = Vec::new();
        for endpoint in endpoints {
            let (sender, receiver) = unbounded_channel::<Job>();
            let receiver = Arc::new(Mutex::new(receiver));
            for _ in 0..plan.connections {
                let connection = Connection::open(endpoint.addr).await?;
                let route = endpoint.route;
                let worker =
                    open_loop_worker(connection, Arc::clone(endpoint), Arc::clone(&receiver));
                workers.push((route, tokio::spawn(worker)));
            }
            senders.push(sender);
        }
        let pacer = {
            let (endpoints, mix, plan) = (endpoints.clone(), Arc::clone(mix), plan.clone());
            std::thread::spawn(move || pace(&plan, &endpoints, &mix, &senders))
        };
        let mut records: [Vec<Record>; 2] = [Vec::new(), Vec::new()];
        for (route, worker) in workers {
            records[route.index()].extend(worker.await.context("a load worker panicked")?);
        }
        pacer
            .join()
            .map_err(|_| anyhow!("the pacer thread panicked"))??;
        Ok(records)
    })
}

/// Sends the warm-up and then the measured blocks at `plan.rate`.
fn pace(
    plan: &OpenLoopPlan,
    endpoints: &[Arc<Endpoint>; 2],
    mix: &Mix,
    senders: &[UnboundedSender<Job>],
) -> Result<()> {
    let mut phases: Vec<(Option<u32>, Route, Duration)> = Route::ALL
        .iter()
        .map(|&route| (None, route, plan.warmup))
        .collect();
    phases.extend(
        plan.blocks()
            .into_iter()
            .zip(0..)
            .map(|(route, index)| (Some(index), route, plan.block)),
    );
    let interval_ns = 1e9 / f64::from(plan.rate.max(1));
    let mut phase_start = Instant::now() + Duration::from_millis(20);
    let mut k: u64 = 0;
    for (block, route, length) in phases {
        let count = (length.as_secs_f64() * f64::from(plan.rate)).round() as u64;
        for j in 0..count {
            let request = endpoints[route.index()].request(mix.call(k))?;
            k += 1;
            let scheduled = phase_start + Duration::from_nanos((j as f64 * interval_ns) as u64);
            let now = Instant::now();
            if scheduled > now {
                std::thread::sleep(scheduled - now);
            }
            let job = Job {
                block,
                scheduled,
                request,
            };
            senders[route.index()]
                .send(job)
                .map_err(|_| anyhow!("every {} worker stopped", route.label()))?;
        }
        phase_start += length;
    }
    Ok(())
}

async fn open_loop_worker(
    connection: Connection,
    endpoint: Arc<Endpoint>,
    jobs: Arc<Mutex<UnboundedReceiver<Job>>>,
) -> Vec<Record> {
    let mut connection = Some(connection);
    let mut records = Vec::new();
    loop {
        let job = jobs.lock().await.recv().await;
        let Some(job) = job else { break };
        let taken = Instant::now();
        let outcome = exchange(&mut connection, &endpoint, job.request).await;
        let done = Instant::now();
        if let Some(block) = job.block {
            records.push(Record {
                block,
                latency_ns: nanos(done.saturating_duration_since(job.scheduled)),
                start_lag_ns: nanos(taken.saturating_duration_since(job.scheduled)),
                outcome,
            });
        }
    }
    records
}

/// Sends one request, reconnecting first when the last exchange broke the connection.
async fn exchange(
    connection: &mut Option<Connection>,
    endpoint: &Endpoint,
    request: Request<Body>,
) -> Outcome {
    let live = match connection {
        Some(live) => live,
        None => match Connection::open(endpoint.addr).await {
            Ok(fresh) => connection.insert(fresh),
            Err(error) => return Outcome::Transport(format!("{error:#}")),
        },
    };
    match live.send(request).await {
        Ok((status, body)) => Outcome::of(status, &body),
        Err(error) => {
            *connection = None;
            Outcome::Transport(format!("{error:#}"))
        }
    }
}

fn nanos(duration: Duration) -> u64 {
    u64::try_from(duration.as_nanos()).unwrap_or(u64::MAX)
}

/// One closed-loop measurement.
#[derive(Debug, Clone)]
pub struct Saturation {
    /// The route.
    pub route: Route,
    /// Concurrent connections, each sending its next request as soon as the
    /// last one is answered.
    pub connections: usize,
    /// 200 answers that ended inside the measured window.
    pub completed: u64,
    /// Other answers and transport errors inside the window.
    pub errors: u64,
    /// The measured window.
    pub seconds: f64,
}

impl Saturation {
    /// Successful requests per second.
    pub fn rate(&self) -> f64 {
        if self.seconds > 0.0 {
            self.completed as f64 / self.seconds
        } else {
            0.0
        }
    }
}

/// Saturates `endpoint` with `connections` closed loops: `warmup` unmeasured,
/// then `measure` counted. Direct requests are signed inside the loop (that is
/// the load generator's cost, as a client's would be).
pub fn closed_loop(
    runtime: &Runtime,
    endpoint: &Arc<Endpoint>,
    mix: &Arc<Mix>,
    connections: usize,
    warmup: Duration,
    measure: Duration,
) -> Result<Saturation> {
    runtime.block_on(async {
        let next = Arc::new(AtomicU64::new(0));
        let mut opened = Vec::with_capacity(connections);
        for _ in 0..connections {
            opened.push(Connection::open(endpoint.addr).await?);
        }
        let start = Instant::now() + warmup;
        let end = start + measure;
        let workers: Vec<_> = opened
            .into_iter()
            .map(|connection| {
                let (endpoint, mix, next) =
                    (Arc::clone(endpoint), Arc::clone(mix), Arc::clone(&next));
                tokio::spawn(async move {
                    let mut connection = Some(connection);
                    let (mut completed, mut errors) = (0u64, 0u64);
                    while Instant::now() < end {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        let request = endpoint.request(mix.call(k))?;
                        let outcome = exchange(&mut connection, &endpoint, request).await;
                        let done = Instant::now();
                        if done >= start && done < end {
                            match outcome {
                                Outcome::Ok => completed += 1,
                                _ => errors += 1,
                            }
                        }
                    }
                    anyhow::Ok((completed, errors))
                })
            })
            .collect();
        let mut saturation = Saturation {
            route: endpoint.route,
            connections,
            completed: 0,
            errors: 0,
            seconds: measure.as_secs_f64(),
        };
        for worker in workers {
            let (completed, errors) = worker.await.context("a load worker panicked")??;
            saturation.completed += completed;
            saturation.errors += errors;
        }
        Ok(saturation)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_alternate_abba() {
        let plan = OpenLoopPlan {
            rate: 1000,
            block: Duration::from_secs(5),
            blocks_per_route: 3,
            warmup: Duration::from_secs(1),
            connections: 4,
        };
        use Route::{Direct as D, Proxy as P};
        assert_eq!(plan.blocks(), vec![D, P, P, D, D, P]);
    }
}
