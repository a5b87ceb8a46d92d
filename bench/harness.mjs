// The in-page part of `cargo xtask bench`: generates the pages, checks that
// the routes agree, then times them alternately on the same bytes and leaves
// the results in `window.benchmark` (a promise of plain JSON) for run.mjs.
//
// URL parameters: `sizes` (job counts, comma-separated), `runs` (timed runs
// per route), `warmups` (untimed runs per route first), `seed`.
//
// Routes, per size:
//   a         TextDecoder + JSON.parse per page, aggregation in plain JS (baseline.mjs)
//   b         new JobAggregator(); add(bytes) per page; summary(); free()
//   c         parseListSynchronizationJobs(bytes) per page
//   jsonParse TextDecoder + JSON.parse per page, nothing else (the reference of c)
// a and b alternate (a, b, a, b, ...), and so do c and jsonParse.

import { baselineSummary } from "./baseline.mjs";
import { DEFAULT_SEED, generatePages, totalBytes } from "./generate.mjs";

const log = (line) => {
  console.log(line);
  const element = document.getElementById("log");
  if (element) element.textContent += `${line}\n`;
};

function integerParameter(params, name, fallback) {
  const value = params.get(name);
  if (value === null) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`bad ${name}=${value}`);
  return number;
}

/** The package entry to time: its specifier and the served browser file that loads it. */
function entryParameter(params) {
  const specifier = params.get("entry") ?? "eiam-sync";
  const module = params.get("module") ?? "/pkg/index.js";
  if (!/^\/pkg\/([a-z]+\/)?index\.js$/.test(module)) throw new Error(`bad module=${module}`);
  return { specifier, module };
}

function readParameters() {
  const params = new URL(window.location.href).searchParams;
  const sizes = (params.get("sizes") ?? "1000,10000").split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`bad sizes=${params.get("sizes")}`);
  return {
    sizes,
    runs: Math.max(1, integerParameter(params, "runs", 15)),
    warmups: integerParameter(params, "warmups", 3),
    seed: integerParameter(params, "seed", DEFAULT_SEED),
    entry: entryParameter(params),
  };
}

/** Objects with their keys sorted, recursively, so key order does not matter. */
function normalise(value) {
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value).sort()) out[key] = normalise(value[key]);
    return out;
  }
  return value;
}

/** The first path where two JSON-like values differ, or null when they are deep-equal. */
function firstDifference(left, right, path = "") {
  if (Object.is(left, right)) return null;
  const kind = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  if (kind(left) !== kind(right)) {
    return `${path || "(root)"}: ${JSON.stringify(left)} vs ${JSON.stringify(right)}`;
  }
  if (kind(left) === "array") {
    if (left.length !== right.length) return `${path}.length: ${left.length} vs ${right.length}`;
    for (let i = 0; i < left.length; i += 1) {
      const found = firstDifference(left[i], right[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (kind(left) === "object") {
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
    for (const key of keys) {
      if (!(key in left)) return `${path}.${key}: missing vs ${JSON.stringify(right[key])}`;
      if (!(key in right)) return `${path}.${key}: ${JSON.stringify(left[key])} vs missing`;
      const found = firstDifference(left[key], right[key], path ? `${path}.${key}` : key);
      if (found) return found;
    }
    return null;
  }
  return `${path || "(root)"}: ${JSON.stringify(left)} vs ${JSON.stringify(right)}`;
}

/** The smallest step `performance.now()` shows here, in ms (a fact, not a timing). */
function timerResolution() {
  let smallest = Infinity;
  for (let sample = 0; sample < 20; sample += 1) {
    const first = performance.now();
    let next = performance.now();
    while (next === first) next = performance.now();
    smallest = Math.min(smallest, next - first);
  }
  return smallest;
}

/** Median (mean of the middle two for an even count), min and max of some samples. */
function statistics(samples) {
  const sorted = [...samples].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], samples };
}

// Results go here so no engine can prove the work unused.
let sink = 0;

const collect = globalThis.gc ?? (() => {});

/** Runs each route once per round, in order, `warmups + runs` rounds; times the last `runs`. */
function alternate(routes, warmups, runs) {
  const samples = routes.map(() => []);
  for (let round = 0; round < warmups + runs; round += 1) {
    routes.forEach((route, index) => {
      collect(); // outside the timing: every run starts from a collected heap
      const start = performance.now();
      sink ^= route();
      const elapsed = performance.now() - start;
      if (round >= warmups) samples[index].push(elapsed);
    });
  }
  return samples.map(statistics);
}

async function main() {
  const parameters = readParameters();
  const eiam = await import(parameters.entry.module);
  const aggregatorAvailable = typeof eiam.JobAggregator === "function";
  const facts = {
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    timerResolutionMs: timerResolution(),
    gcBetweenRuns: typeof globalThis.gc === "function",
    seed: parameters.seed,
    entry: parameters.entry.specifier,
    runs: parameters.runs,
    warmups: parameters.warmups,
    jobAggregator: aggregatorAvailable ? "available" : "unavailable",
  };
  log(`bench: ${JSON.stringify(facts)}`);

  const decoder = new TextDecoder();
  const jsonParse = (pages) => {
    let jobs = 0;
    for (const bytes of pages) jobs += JSON.parse(decoder.decode(bytes)).SynchronizationJobs.length;
    return jobs;
  };
  const wasmParse = (pages) => {
    let jobs = 0;
    for (const bytes of pages) jobs += eiam.parseListSynchronizationJobs(bytes).SynchronizationJobs.length;
    return jobs;
  };
  const aggregate = (pages) => {
    const aggregator = new eiam.JobAggregator();
    try {
      for (const bytes of pages) aggregator.add(bytes);
      return aggregator.summary();
    } finally {
      aggregator.free();
    }
  };

  const sizes = [];
  for (const jobCount of parameters.sizes) {
    const generationStart = performance.now();
    const pages = generatePages(jobCount, parameters.seed);
    const generationMs = performance.now() - generationStart;
    const size = {
      jobs: jobCount,
      pages: pages.length,
      bytes: totalBytes(pages),
      generationMs,
      checks: {},
      routes: {},
    };
    log(`bench: ${jobCount} jobs in ${pages.length} pages, ${size.bytes} bytes`);

    // Before timing: the routes must compute the same thing.
    const baseline = baselineSummary(pages);
    if (baseline.jobCount !== jobCount) throw new Error(`baseline counted ${baseline.jobCount} jobs`);
    if (aggregatorAvailable) {
      const difference = firstDifference(normalise(baseline), normalise(aggregate(pages)));
      size.checks.aggregatorEqualsBaseline = difference === null;
      if (difference) size.checks.aggregatorDifference = `(a) vs (b) at ${difference}`;
    }
    const parsedByWasm = pages.map((bytes) => eiam.parseListSynchronizationJobs(bytes));
    const parsedByJson = pages.map((bytes) => JSON.parse(decoder.decode(bytes)));
    const parseDifference = firstDifference(normalise(parsedByJson), normalise(parsedByWasm));
    size.checks.parseEqualsJsonParse = parseDifference === null;
    if (parseDifference) size.checks.parseDifference = `JSON.parse vs (c) at ${parseDifference}`;
    log(`bench: checks ${JSON.stringify(size.checks)}`);

    const { warmups, runs } = parameters;
    if (aggregatorAvailable) {
      const [a, b] = alternate(
        [() => baselineSummary(pages).jobCount, () => aggregate(pages).jobCount],
        warmups,
        runs,
      );
      size.routes.a = a;
      size.routes.b = b;
    } else {
      [size.routes.a] = alternate([() => baselineSummary(pages).jobCount], warmups, runs);
      size.routes.b = { unavailable: "the package exports no JobAggregator" };
    }
    const [c, json] = alternate([() => wasmParse(pages), () => jsonParse(pages)], warmups, runs);
    size.routes.c = c;
    size.routes.jsonParse = json;
    log(
      `bench: ${jobCount} jobs: medians a ${medianText(size.routes.a)} b ${medianText(size.routes.b)} ` +
        `c ${medianText(size.routes.c)} JSON.parse ${medianText(size.routes.jsonParse)}`,
    );
    sizes.push(size);
  }
  return { facts, sizes, sink };
}

/** A median for the log line. */
function medianText(route) {
  return route.median === undefined ? "unavailable" : `${route.median.toFixed(2)} ms`;
}

window.benchmark = main();
// A rejection is read by run.mjs through page.evaluate; keep the console quiet about it.
window.benchmark.catch(() => {});
