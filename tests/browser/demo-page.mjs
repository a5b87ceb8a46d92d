// Loads the demo page in Debian's headless Chromium (playwright-core) and checks
// that the package's browser entry works as a user gets it: an ES module import
// with top-level await, under the page's CSP ('wasm-unsafe-eval'), parsing the
// five documentation examples and showing a parse error for bad input, with no
// console error, page error or failed request. Run by `cargo xtask demo --check`:
//
//   node tests/browser/demo-page.mjs URL SCREENSHOT_PATH USER_DATA_DIR

import { chromium } from "playwright-core";
import { mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";

const [url, screenshot, userDataDir] = process.argv.slice(2);
if (!url || !screenshot || !userDataDir) {
  console.error("usage: demo-page.mjs URL SCREENSHOT_PATH USER_DATA_DIR");
  process.exit(2);
}
if (new URL(url).hostname !== "127.0.0.1") {
  console.error(`the page must be on 127.0.0.1, not ${url}`);
  process.exit(2);
}

rmSync(userDataDir, { recursive: true, force: true });
mkdirSync(userDataDir, { recursive: true });
mkdirSync(dirname(screenshot), { recursive: true });

const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const problems = [];
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    if (new URL(response.url()).origin !== new URL(url).origin) {
      problems.push(`request to another origin: ${response.url()}`);
    }
  });

  await page.goto(url);
  await page.getByText("Parsed 5 documentation examples.").waitFor({ timeout: 30_000 });
  const examples = await page.locator("#examples .parse-error").count();
  if (examples !== 0) problems.push(`${examples} documentation example(s) failed to parse`);
  // The job ID of the first example, whitespace made visible, comes from the wasm parse.
  const body = await page.locator("#examples").innerText();
  if (!body.includes("sync_0000347vjovtcf41li0fgsd98gn24q9nj9xxxxx")) {
    problems.push("the first example's job ID is not shown");
  }

  // A truncated response shows a parse error with its code and position.
  await page.locator("#operation").selectOption("ListSynchronizationJobs");
  await page.locator("#response-json").fill('{"SynchronizationJobs": [{"SynchronizationJobId": 5}]}');
  await page.locator("#try-form button[type=submit]").click();
  const error = page.locator("#try-result .parse-error");
  await error.waitFor({ timeout: 10_000 });
  const errorText = await error.innerText();
  for (const expected of ["type", "SynchronizationJobs[0].SynchronizationJobId"]) {
    if (!errorText.includes(expected)) problems.push(`the parse error does not show ${expected}: ${errorText}`);
  }
  await page.screenshot({ path: screenshot, fullPage: true });
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`demo page: ${problems.length} problem(s)`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`demo page: parsed the 5 examples and showed a parse error in Chromium; screenshot ${screenshot}`);
