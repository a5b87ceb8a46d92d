// The report functions as a Node user gets them from the packed package: the
// string functions work, the errors are the package's typed errors, hostile
// strings come back escaped, and the custom element's snippet ships and loads.

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as eiam from "eiam-sync";
import { LIST_SEED, expectParseError } from "./fixtures.mjs";

const SEED_JOB = JSON.parse(LIST_SEED.text).SynchronizationJobs[0];

// 2026-01-01T00:00:00Z, 62.5 s; every string hostile.
const HOSTILE = {
  SynchronizationJobId: "sync_<img src=x onerror=alert(1)>",
  TargetType: "identity_provider",
  TargetId: 'idp_"><script>alert(2)</script>',
  Direction: "egress",
  TriggerType: "auto",
  Status: "partial_success",
  StartTime: 1767225600000,
  EndTime: 1767225662500,
  Description: "javascript:alert(3)",
  Result: {
    ErrorCode: "@SUM(1+1)*cmd|' /C calc'!A0",
    ErrorMessage: "<img src=x onerror=alert(4)>, \"quoted\"\nsecond line",
    GroupStatistics: { Deleted: { Total: 5, Success: 3, Failed: 1, Skipped: 1 } },
  },
};

test("importing the package loads the custom element snippet without touching HTMLElement", () => {
  assert.equal(typeof globalThis.HTMLElement, "undefined");
  const snippets = new URL("./node_modules/eiam-sync/snippets/", import.meta.url);
  assert.ok(existsSync(snippets), "snippets/ is in the package");
  const files = readdirSync(snippets, { recursive: true }).filter((f) => f.endsWith(".js"));
  assert.equal(files.length, 1, `one inline snippet: ${files}`);
  const source = readFileSync(new URL(files[0], snippets), "utf8");
  assert.match(source, /export function defineReportElementClass\(/);
  assert.throws(() => eiam.defineJobReportElement(), /customElements is not available/);
});

test("jobReportHtml escapes every hostile value and formats with Intl", () => {
  const html = eiam.jobReportHtml(HOSTILE, { timeZone: "Asia/Shanghai" });
  assert.ok(html.startsWith('<section class="eiam-report" lang="en" data-outcome="partially_failed">'));
  assert.doesNotMatch(html, /<img|<script/);
  assert.ok(html.includes("sync_&lt;img src=x onerror=alert(1)&gt;"));
  assert.ok(html.includes("idp_&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
  assert.ok(html.includes("<dd>Outbound</dd>") && html.includes("<dd>Automatic</dd>"));
  assert.ok(html.includes('<time datetime="2026-01-01T00:00:00.000Z">'));
  assert.match(html, /Jan 1, 2026, 08:00:00/);
  assert.ok(html.includes("<dd>1 min 2 sec</dd>"), html);
  // Group deletions 5/3/1/1, summed in the footer the same.
  assert.ok(html.includes('<tr data-operation="deleted"><th scope="row">Deleted</th><td>5</td><td>3</td><td>1</td><td>1</td></tr>'));
});

test("labels follow the locale and the overrides", () => {
  const zh = eiam.jobReportHtml(SEED_JOB, { locale: "zh-CN", timeZone: "UTC" });
  assert.ok(zh.includes("<caption>账户（按操作）</caption>"));
  const id = eiam.jobReportHtml(SEED_JOB, {
    locale: "id",
    timeZone: "UTC",
    labels: { "entity.users": "Akun <pengguna>", "table.caption": "{entity}!" },
  });
  assert.ok(id.includes("<caption>Akun &lt;pengguna&gt;!</caption>"));
  assert.ok(id.includes("<h3>Item</h3>"));
});

test("the errors are the package's typed errors", () => {
  expectParseError(() => eiam.jobReportHtml(42), { code: "type", path: "", line: null, column: null });
  expectParseError(() => eiam.jobChartSvg({ Status: "success" }), { code: "missing_field", path: "SynchronizationJobId" });
  expectParseError(() => eiam.jobsToCsv([HOSTILE, 5]), { code: "type", path: "[1]" });
  expectParseError(() => eiam.jobsTrendSvg({ jobCount: 3 }), { code: "missing_field", path: "timeBuckets" });
  expectParseError(() => eiam.jobsToCsv([], { bom: "yes" }), { code: "type", path: "bom" });
  expectParseError(() => eiam.jobReportHtml(HOSTILE, { labels: { "status.sucess": "x" } }), { code: "unknown_value" });
  assert.throws(() => eiam.jobReportHtml(HOSTILE, { timeZone: "Nowhere/Land" }), (error) => {
    assert.ok(error instanceof RangeError);
    assert.match(error.message, /options\.timeZone "Nowhere\/Land"/);
    return true;
  });
  assert.ok(eiam.isEiamSyncParseError((() => { try { eiam.jobChartSvg(null); } catch (e) { return e; } })()));
});

test("the charts are SVG with title, description and legend", () => {
  const svg = eiam.jobChartSvg(HOSTILE, { locale: "en", width: 500, idPrefix: "job-1" });
  assert.match(svg, /^<svg class="eiam-chart eiam-chart-job" xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="500"/);
  assert.ok(svg.includes('aria-labelledby="job-1-title job-1-desc"'));
  assert.ok(svg.includes('<title id="job-1-title">Items of synchronization job sync_&lt;img src=x onerror=alert(1)&gt;</title>'));
  assert.ok(svg.includes("Groups: 3 succeeded, 1 failed, 1 skipped."));
  assert.ok(svg.includes('<g class="eiam-chart-legend">'));
  assert.doesNotMatch(svg, /<img|<script/);

  const summary = eiam.summarizeJobs([HOSTILE, { ...HOSTILE, SynchronizationJobId: "b", Status: "success" }]);
  const trend = eiam.jobsTrendSvg(summary, { locale: "id" });
  assert.ok(trend.includes("Tugas dan tingkat keberhasilan per hari"));
  assert.ok(trend.includes("2 tugas dengan waktu mulai"), trend.slice(0, 800));
  assert.ok(trend.includes("(50%)"));
});

test("jobsToCsv writes RFC 4180 with neutralised formulas, a BOM on request and the wide layout", () => {
  const csv = eiam.jobsToCsv([HOSTILE], { bom: true });
  const lines = csv.split("\r\n");
  assert.equal(csv.charCodeAt(0), 0xfeff);
  assert.equal(lines[0].slice(1), "SynchronizationJobId,Description,TargetType,TargetId,Direction,TriggerType,Status,Outcome,StartTime,EndTime,DurationMs,ErrorCode,ErrorMessage,Entity,Operation,Total,Success,Failed,Skipped");
  assert.equal(
    lines.slice(1).join("\r\n"),
    'sync_<img src=x onerror=alert(1)>,javascript:alert(3),identity_provider,"idp_""><script>alert(2)</script>",egress,auto,partial_success,partially_failed,' +
      "2026-01-01T00:00:00.000Z,2026-01-01T00:01:02.500Z,62500,'@SUM(1+1)*cmd|' /C calc'!A0," +
      '"<img src=x onerror=alert(4)>, ""quoted""\nsecond line",groups,deleted,5,3,1,1\r\n',
  );
  const wide = eiam.jobsToCsv([SEED_JOB], { layout: "wide" }).split("\r\n");
  // 13 job columns + (7 + 6 + 6 + 6) pairs × 4 counts.
  assert.equal(wide[0].split(",").length, 13 + 25 * 4);
  assert.equal(wide.length, 3); // header, one job (its ID ends in a newline, quoted), and the final ""
});

test("formatDuration writes a duration as the reports do, and refuses what is not one", () => {
  // HOSTILE runs 62.5 s: one minute and two whole seconds.
  assert.equal(eiam.formatDuration(62_500), "1 min 2 sec");
  assert.equal(eiam.formatDuration(3_723_000, "en"), "1 hr 2 min 3 sec");
  assert.equal(eiam.formatDuration(250), "250 ms");
  const zh = eiam.formatDuration(62_500, "zh-CN");
  assert.equal(zh, "1分钟 2秒");
  assert.ok(eiam.jobReportHtml(HOSTILE, { locale: "zh-CN" }).includes(zh));
  for (const bad of [-1, 1.5, Number.NaN, Infinity, 2 ** 53]) {
    assert.throws(() => eiam.formatDuration(bad), { name: "RangeError" }, String(bad));
  }
  assert.throws(() => eiam.formatDuration(1000, "en-"), { name: "RangeError" });
});
