// The demo console's browser tests, run by `cargo xtask demo --check` (and so
// by `cargo xtask test`) against a real eiam-sync-proxy + eiam-emulator, in
// Debian's headless Chromium through playwright-core. The addresses come
// from EIAM_SYNC_CONSOLE_TEST (JSON, written by xtask/src/demo.rs, with the
// instance's identity providers from the emulator's catalog).

import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Checks, launch, watch } from "./console/harness.mjs";
import { dashboardChecks, jobDetailChecks, onlineChecks } from "./console/online.mjs";
import { providerChecks } from "./console/providers.mjs";
import { stateChecks } from "./console/states.mjs";
import { offlineChecks } from "./console/offline.mjs";
import { xssChecks } from "./console/xss.mjs";
import { axeChecks, keyboardChecks } from "./console/axe.mjs";

const env = JSON.parse(process.env.EIAM_SYNC_CONSOLE_TEST ?? "null");
if (!env) {
  console.error("EIAM_SYNC_CONSOLE_TEST is not set: run `cargo xtask demo --check`");
  process.exit(2);
}
for (const url of [env.page, env.proxy, env.emulator]) {
  if (new URL(url).hostname !== "127.0.0.1") {
    console.error(`${url} is not on 127.0.0.1`);
    process.exit(2);
  }
}
mkdirSync(env.screenshots, { recursive: true });
rmSync(env.scratch, { recursive: true, force: true });
mkdirSync(env.scratch, { recursive: true });

// The package as Node loads it: the expected validation reports.
const lib = await import(pathToFileURL(join(process.cwd(), "pkg", "node.js")).href);

const checks = new Checks();
const allowed = [new URL(env.page).origin, new URL(env.proxy).origin];

console.log("console: against the proxy and the emulator, under the page's CSP");
let context = await launch(env.profile);
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const watcher = watch(page, allowed);
  const { served } = await onlineChecks(checks, page, env, watcher);
  await page.screenshot({ path: `${env.screenshots}/console-jobs.png`, fullPage: false, clip: { x: 0, y: 0, width: 1280, height: 760 } });
  await jobDetailChecks(checks, page, env, served, lib);
  await dashboardChecks(checks, page, env, served);
  await providerChecks(checks, page, env, lib);
  await keyboardChecks(checks, page);
  await axeChecks(checks, page);
  await stateChecks(checks, page, env, watcher);
  await offlineChecks(checks, page, env, watcher, lib);
  await checks.run("no console error, page error, failed request or foreign request", async () => {
    if (watcher.problems.length > 0) throw new Error(watcher.problems.join("\n    "));
  });

} finally {
  await context.close();
}

console.log("console: hostile strings, with the CSP bypassed so an injection would run");
context = await launch(`${env.profile}-xss`, { bypassCSP: true });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const watcher = watch(page, allowed);
  await xssChecks(checks, page, env);
  await checks.run("XSS run: no console error, page error, failed request or foreign request", async () => {
    if (watcher.problems.length > 0) throw new Error(watcher.problems.join("\n    "));
  });
} finally {
  await context.close();
  rmSync(env.profile, { recursive: true, force: true });
  rmSync(`${env.profile}-xss`, { recursive: true, force: true });
}

console.log(`\nconsole: ${checks.passed.length} passed, ${checks.failed.length} failed; screenshots in ${env.screenshots}`);
if (checks.failed.length > 0) {
  for (const failure of checks.failed) console.error(`  FAILED ${failure}`);
  process.exit(1);
}
