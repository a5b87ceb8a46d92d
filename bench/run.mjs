// Opens the benchmark page in Debian's headless Chromium through
// playwright-core, waits for its results and writes them as JSON.
// Started by `cargo xtask bench`, which serves the page on 127.0.0.1:
//
//   node bench/run.mjs --url URL --out FILE --user-data-dir DIR [--timeout-ms N]
//
// The profile directory is created fresh and removed afterwards. Exits
// non-zero (with the reason on stderr) when the page fails or times out.

import { rmSync, writeFileSync } from "node:fs";
import { launchFresh } from "../tests/browser/chromium.mjs";

function parseArguments(argv) {
  const options = { url: null, out: null, userDataDir: null, timeoutMs: 600_000 };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${name} needs a value`);
    if (name === "--url") options.url = value;
    else if (name === "--out") options.out = value;
    else if (name === "--user-data-dir") options.userDataDir = value;
    else if (name === "--timeout-ms") options.timeoutMs = Number(value);
    else throw new Error(`unknown argument ${name}`);
  }
  if (!options.url || !options.out || !options.userDataDir) {
    throw new Error("usage: run.mjs --url URL --out FILE --user-data-dir DIR [--timeout-ms N]");
  }
  const host = new URL(options.url).hostname;
  if (host !== "127.0.0.1") throw new Error(`the page must be on 127.0.0.1, not ${host}`);
  return options;
}

/** Rejects after `ms` with a message naming `what`. */
function deadline(ms, what) {
  let timer;
  const promise = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  // `--expose-gc` lets the page collect garbage between timed runs (never inside one).
  const context = await launchFresh(options.userDataDir, { args: ["--js-flags=--expose-gc"] });
  const pageErrors = [];
  try {
    // One page: the one the persistent context opens with.
    const page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (message) => console.log(`page: ${message.text()}`));
    page.on("pageerror", (error) => {
      pageErrors.push(error.message);
      console.error(`page error: ${error.message}`);
    });
    page.on("requestfailed", (request) => {
      console.error(`page: request failed: ${request.url()} (${request.failure()?.errorText})`);
    });
    await page.goto(options.url, { waitUntil: "load" });
    const limit = deadline(options.timeoutMs, "the benchmark page");
    try {
      const ready = page.waitForFunction(() => window.benchmark !== undefined, null, {
        timeout: options.timeoutMs,
      });
      await Promise.race([ready, limit.promise]);
      const results = await Promise.race([page.evaluate(() => window.benchmark), limit.promise]);
      results.facts.browserVersion = context.browser()?.version() ?? null;
      if (pageErrors.length > 0) results.facts.pageErrors = pageErrors;
      writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
    } finally {
      limit.cancel();
    }
  } finally {
    await context.close();
    rmSync(options.userDataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench/run.mjs: ${error.stack ?? error}`);
  process.exit(1);
});
