// The console's states for what goes wrong: throttled (with the wait),
// proxy unreachable, an answer that is not valid JSON, a request that breaks
// a rule, and an empty list. The proxy's answers are replaced in the browser
// (Playwright routes) for the first three; the failures are expected ones.

import { assert, assertEqual, showView } from "./harness.mjs";

async function stateAfterLoad(page) {
  await page.click("#jobs-load");
  const state = await page.waitForSelector("#jobs-state [data-state]:not([data-state=loading])", { timeout: 30_000 });
  return { kind: await state.getAttribute("data-state"), text: await state.textContent() };
}

export async function stateChecks(checks, page, env, watcher) {
  const list = `${env.proxy}/ListSynchronizationJobs`;
  const cors = { "access-control-allow-origin": new URL(env.page).origin, "access-control-expose-headers": "x-ratelimit-user, x-acs-request-id" };
  await showView(page, "jobs");
  watcher.expectFailure("/ListSynchronizationJobs");

  await checks.run("throttled: the wait the service asked for is shown", async () => {
    await page.route(`${list}*`, (route) =>
      route.fulfill({
        status: 429,
        headers: { ...cors, "content-type": "application/json", "x-ratelimit-user": `Limit:1,Remain:0,TimeLeft:7000,Reset:${Date.now() + 7000}` },
        body: JSON.stringify({ RequestId: "0E3B9A4F-0000-4000-8000-000000000001", Code: "Throttling.User", Message: "Request was denied due to user flow control." }),
      }),
    );
    const state = await stateAfterLoad(page);
    assertEqual(state.kind, "throttled", "state");
    assert(/wait [67] s/.test(state.text), `the wait is shown: ${state.text}`);
    await page.unroute(`${list}*`);
  });

  await checks.run("proxy unreachable: said so, naming the proxy", async () => {
    await page.route(`${list}*`, (route) => route.abort("connectionrefused"));
    const state = await stateAfterLoad(page);
    assertEqual(state.kind, "unreachable", "state");
    assert(state.text.includes(env.proxy), `names the proxy: ${state.text}`);
    await page.unroute(`${list}*`);
  });

  await checks.run("an answer that is not valid JSON: the parse error and where", async () => {
    await page.route(`${list}*`, (route) =>
      route.fulfill({ status: 200, headers: { ...cors, "content-type": "application/json" }, body: '{"SynchronizationJobs": [}' }),
    );
    const state = await stateAfterLoad(page);
    assertEqual(state.kind, "invalid-json", "state");
    assert(/syntax/.test(state.text) && /line 1, column/.test(state.text), `code and position: ${state.text}`);
    await page.unroute(`${list}*`);
  });
  watcher.clearExpected();

  await checks.run("a request that breaks a rule is not sent and says why", async () => {
    await page.fill("#filter-start", "2025-12-20T00:00:00");
    await page.fill("#filter-end", "2025-12-10T00:00:00");
    const state = await stateAfterLoad(page);
    assertEqual(state.kind, "validation", "state");
    assert(state.text.includes("StartTime"), `names the field: ${state.text}`);
    await page.fill("#filter-start", "");
    await page.fill("#filter-end", "");
  });

  await checks.run("an empty list says so", async () => {
    await page.fill("#filter-target-id", "idp_nothingsynchronizeshere000");
    const state = await stateAfterLoad(page);
    assertEqual(state.kind, "empty", "state");
    await page.fill("#filter-target-id", "");
  });

  await checks.run("a time range narrows the list to jobs started within it", async () => {
    await page.fill("#filter-start", "2025-12-20T00:00:00");
    await page.fill("#filter-end", "2025-12-21T00:00:00");
    await page.click("#jobs-load");
    await page.waitForSelector("#jobs-count");
    await page.waitForFunction(() => !document.querySelector("#jobs-list")?.hasAttribute("aria-busy"));
    const times = await page.$$eval("#jobs-list tbody time", (els) => els.map((el) => Date.parse(el.getAttribute("datetime"))));
    assert(times.length > 0, "some jobs that day");
    assert(times.every((t) => t >= Date.UTC(2025, 11, 20) && t <= Date.UTC(2025, 11, 21)), "all within the range");
    await page.fill("#filter-start", "");
    await page.fill("#filter-end", "");
  });
}
