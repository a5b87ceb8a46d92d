// Loads the Vite build of tests/vite-app (which imports the packed package)
// in Debian's headless Chromium: the report must render from the bundled
// module and its .wasm asset, and eiam-sync/core must answer from its own,
// with no console error or failed request.
//
//   node tests/browser/vite-app.mjs URL USER_DATA_DIR

import { launch, watch, assert, assertEqual, digits } from "./console/harness.mjs";
import { readFileSync } from "node:fs";

const [url, profile] = process.argv.slice(2);
if (!url || !profile || new URL(url).hostname !== "127.0.0.1") {
  console.error("usage: vite-app.mjs http://127.0.0.1:PORT/ USER_DATA_DIR");
  process.exit(2);
}
const served = JSON.parse(readFileSync(new URL("../vite-app/job.json", import.meta.url), "utf8")).SynchronizationJob;
const context = await launch(profile);
let failure;
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const watcher = watch(page, [new URL(url).origin]);
  const wasm = [];
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith(".wasm")) wasm.push({ path, status: response.status() });
  });
  await page.goto(url, { waitUntil: "domcontentloaded", timeout: 60_000 });
  await page.waitForSelector("body[data-rendered=true]", { timeout: 60_000 });
  // Two modules: the root entry's and eiam-sync/core's, each fetched once.
  assertEqual(wasm.map((w) => w.status), [200, 200], "the bundled .wasm assets");
  assert(wasm[0].path !== wasm[1].path, `two different .wasm assets: ${JSON.stringify(wasm)}`);
  const updated = await page.$$eval('#report table.eiam-report-table[data-entity="users"] tr[data-operation="updated"] td', (tds) => tds.map((td) => td.textContent));
  const counts = served.Result.UserStatistics.Updated;
  assertEqual(updated.map(digits), [counts.Total, counts.Success, counts.Failed, counts.Skipped].map(String), "users updated");
  assert((await page.textContent("#report")).includes(served.SynchronizationJobId), "the job ID");
  assert(Number(await page.getAttribute("#chart", "data-svg-length")) > 0, "the chart");
  // partial_success with failed items is `partially_failed`; EndTime - StartTime.
  const core = await page.$eval("#core", (element) => ({ ...element.dataset }));
  assertEqual(
    core,
    { outcome: "partially_failed", durationMs: String(served.EndTime - served.StartTime), valid: "true" },
    "eiam-sync/core's summary and validation",
  );
  if (watcher.problems.length > 0) throw new Error(watcher.problems.join("\n  "));
} catch (error) {
  failure = error;
} finally {
  await context.close();
}
if (failure) {
  console.error(`vite app: ${failure.message}`);
  process.exit(1);
}
console.log("vite app: the bundled package rendered the report in Chromium");
