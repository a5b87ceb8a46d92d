// Times the report functions on one job in Node: 2,000 calls each, 7 rounds,
// the median round's time per call. What README's "Dates, durations and
// numbers" quotes; run after `cargo xtask build`:
//
//   node bench/reports.mjs [PKG_DIR]      (default: pkg/)

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const pkg = pathToFileURL(resolve(process.argv[2] ?? "pkg")).href;
const m = await import(`${pkg}/node.js`);
const seedFile = new URL("../tests/fixtures/seeds/000_a37390e649ee0c38.example.json", import.meta.url);
const seed = JSON.parse(readFileSync(seedFile, "utf8"));
const job = m.parseGetSynchronizationJob(JSON.stringify(seed)).SynchronizationJob;
const N = 2000;
function time(f) {
  const rounds = [];
  for (let r = 0; r < 7; r++) {
    const t = performance.now();
    for (let i = 0; i < N; i++) f();
    rounds.push((performance.now() - t) / N * 1000);
  }
  rounds.sort((a, b) => a - b);
  return rounds[3].toFixed(1);
}
console.log("jobReportHtml en+tz µs/call", time(() => m.jobReportHtml(job, { locale: "en", timeZone: "Asia/Shanghai" })));
console.log("jobReportHtml zh-CN µs/call", time(() => m.jobReportHtml(job, { locale: "zh-CN" })));
console.log("jobChartSvg µs/call", time(() => m.jobChartSvg(job, { locale: "en" })));
// A page that shows each job's report in a chosen zone and its chart (runtime zone).
console.log("jobReportHtml tz + jobChartSvg, alternating, µs/pair", time(() => {
  m.jobReportHtml(job, { locale: "en", timeZone: "Asia/Shanghai" });
  m.jobChartSvg(job, { locale: "en" });
}));
