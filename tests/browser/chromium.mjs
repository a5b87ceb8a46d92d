// Debian's headless Chromium, started the one way every browser check here
// starts it: the console tests, the Vite app and the benchmark (bench/run.mjs).

import { chromium } from "playwright-core";
import { mkdirSync, rmSync } from "node:fs";

const CHROMIUM = "/usr/bin/chromium";

// Without the networking flags Chromium keeps calling home on a closed network.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Starts Chromium with a fresh profile in `profileDir` (removed and created
 * again first); returns the persistent browser context. `args` are added to
 * the flags; the other options go to Playwright's context.
 */
export async function launchFresh(profileDir, { args = [], ...contextOptions } = {}) {
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
    ...contextOptions,
  });
}
