// The browser tests' plumbing: Debian's headless Chromium through
// playwright-core, a watch on every page for console errors, page errors,
// failed requests and requests to any origin but the page's and the proxy's,
// and named checks that are counted and reported together.

import { launchFresh } from "../chromium.mjs";

/** Starts Chromium with a fresh profile; returns the browser context. */
export async function launch(profileDir, contextOptions = {}) {
  return launchFresh(profileDir, {
    acceptDownloads: true,
    timezoneId: "UTC",
    locale: "en-US",
    viewport: { width: 1280, height: 900 },
    ...contextOptions,
  });
}

/** The results of named checks. */
export class Checks {
  constructor() {
    this.passed = [];
    this.failed = [];
  }

  /** Runs one check; a throw is a failure with its message, and the run goes on. */
  async run(name, body) {
    try {
      await body();
      this.passed.push(name);
      console.log(`  ok   ${name}`);
    } catch (error) {
      this.failed.push(`${name}: ${error?.stack ?? error}`);
      console.log(`  FAIL ${name}: ${error?.message ?? error}`);
    }
  }
}

/** Throws with `message` unless `condition` holds. */
export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Throws unless `actual` equals `expected` (compared as JSON). */
export function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/**
 * Watches a page: console errors, page errors, failed requests, HTTP errors and
 * requests to other origins are recorded as problems, except for requests the
 * test fails on purpose (`expectFailure(urlPart)` marks them).
 */
export function watch(page, allowedOrigins) {
  const problems = [];
  const requests = [];
  const expected = new Set();
  const isExpected = (url) => [...expected].some((part) => url.includes(part));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    // Chromium logs a deliberately failed or refused fetch as a console error
    // too, located at the resource's URL: only those of expected URLs pass.
    const failedLoad = /Failed to load resource|net::ERR_FAILED|status of 4\d\d|status of 5\d\d/.test(text);
    if (failedLoad && isExpected(message.location().url)) return;
    problems.push(`console error: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    if (!isExpected(request.url())) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on("request", (request) => {
    requests.push(request.url());
    const url = new URL(request.url());
    if (url.protocol === "blob:" || url.protocol === "data:") return;
    if (!allowedOrigins.includes(url.origin)) problems.push(`request to another origin: ${request.url()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && !isExpected(response.url())) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return {
    problems,
    requests,
    expectFailure: (urlPart) => expected.add(urlPart),
    clearExpected: () => expected.clear(),
  };
}

/** Waits until the console has loaded the package and its settings. */
export async function openConsole(page, url) {
  // Generous: the machine may be busy with builds when the suite runs.
  await page.goto(url, { waitUntil: "domcontentloaded", timeout: 90_000 });
  await page.waitForSelector("body[data-ready=true]", { timeout: 90_000 });
}

/** Clicks a view tab and waits for its panel. */
export async function showView(page, name) {
  await page.click(`#tab-${name}`);
  await page.waitForSelector(`#panel-${name}:not([hidden])`);
}

/** Text with digit-group separators removed, for comparing counts. */
export function digits(text) {
  return text.replace(/[^\d]/g, "");
}
