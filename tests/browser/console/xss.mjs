// Hostile strings from xtask/demo-data.json (<img onerror>, <script>,
// javascript: in ErrorMessage, Description, IDs and LDAP filters) must show
// literally, as text, in the DOM report, the server-rendering HTML, the SVG
// chart, the custom element, the list, the configuration view and the
// dashboard, online and through offline files, and nothing may run. These
// checks run with the page's CSP bypassed, so an injection would execute and
// set the page global `__xssFired` instead of being stopped by the policy.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { assert, assertEqual, openConsole, showView } from "./harness.mjs";
import { callProxy } from "./proxy.mjs";
import { openFile } from "./offline.mjs";
import { loadProvider } from "./providers.mjs";

/** Nothing ran and no markup from data became elements. */
async function assertInert(page, where) {
  const found = await page.evaluate(() => ({
    fired: window.__xssFired,
    injected: [...document.querySelectorAll("main img, main script, main iframe, main object, main embed, [onerror], [onload], a[href^='javascript:' i]")].map((el) => el.outerHTML.slice(0, 80)),
  }));
  assertEqual(found.fired, undefined, `${where}: window.__xssFired`);
  assertEqual(found.injected, [], `${where}: elements made from data`);
}

/** Each string appears, character for character, in the text of `selector`. */
async function assertLiteral(page, selector, strings, where) {
  const text = await page.$eval(selector, (el) => (el.shadowRoot ? el.shadowRoot.textContent : "") + el.textContent);
  for (const string of strings) assert(text.includes(string), `${where}: ${JSON.stringify(string)} shown literally`);
}

/** The four renderings of one job inside `scope`. */
async function assertJobRenderings(page, scope, job, where) {
  const literal = [job.SynchronizationJobId, job.Result.ErrorMessage, job.Result.ErrorCode, job.Description];
  await page.waitForSelector(`${scope} .job-report-dom table`);
  await assertLiteral(page, `${scope} .job-report-dom`, literal, `${where}, DOM report`);
  const html = await page.$eval(`${scope} .html-source`, (el) => {
    const parsed = new DOMParser().parseFromString(el.textContent, "text/html");
    return {
      source: el.textContent,
      text: parsed.body.textContent,
      elements: [...parsed.querySelectorAll("img, script, svg, iframe, [onerror], [onload]")].length,
    };
  });
  assertEqual(html.elements, 0, `${where}, HTML string: elements made from data`);
  for (const string of literal) assert(html.text.includes(string), `${where}, HTML string: ${JSON.stringify(string)} as text`);
  assert(html.source.includes("&lt;script&gt;"), `${where}, HTML string escapes <script>`);
  // The same string inserted as markup, as the console (and a server-rendered page) does.
  const rendered = await page.$eval(`${scope} .html-rendered`, (el) => ({
    text: el.textContent,
    elements: el.querySelectorAll("img, script, svg, iframe, a[href], [onerror], [onload]").length,
    tables: el.querySelectorAll("table.eiam-report-table").length,
  }));
  assertEqual(rendered.elements, 0, `${where}, inserted HTML string: elements made from data`);
  assert(rendered.tables > 0, `${where}, inserted HTML string: the report's tables`);
  for (const string of literal) assert(rendered.text.includes(string), `${where}, inserted HTML string: ${JSON.stringify(string)} as text`);
  const chart = await page.$eval(`${scope} figure.job-chart svg`, (svg) => ({
    text: svg.textContent,
    foreign: svg.querySelectorAll("script, foreignObject, [onload], [onerror]").length,
  }));
  assertEqual(chart.foreign, 0, `${where}, SVG: foreign elements`);
  const raw = await page.evaluate(async (value) => {
    const lib = await import("/pkg/index.js");
    const markup = lib.jobChartSvg(value);
    const parsed = new DOMParser().parseFromString(markup, "image/svg+xml");
    return { text: parsed.documentElement.textContent, scripts: parsed.querySelectorAll("script, [onload], [onerror]").length, error: !!parsed.querySelector("parsererror") };
  }, job);
  assertEqual([raw.error, raw.scripts], [false, 0], `${where}, SVG string: well-formed, no script`);
  for (const string of literal.filter((s) => raw.text.includes(s))) {
    assert(chart.text.includes(string), `${where}, SVG: ${JSON.stringify(string)} as text`);
  }
  assert(literal.some((s) => raw.text.includes(s)), `${where}, SVG: the job's hostile strings are in its text`);
  await page.$eval(`${scope} details.custom-element`, (details) => { details.open = true; });
  await assertLiteral(page, `${scope} eiam-sync-job-report`, literal, `${where}, custom element`);
  await assertInert(page, where);
}

export async function xssChecks(checks, page, env) {
  const job = (await callProxy(env.proxy, "ListSynchronizationJobs", { InstanceId: env.instanceId, MaxResults: 100 }))
    .SynchronizationJobs.find((candidate) => candidate.SynchronizationJobId.includes("<script>"));
  const provider = job.TargetId;
  const served = await callProxy(env.proxy, "GetSynchronizationJob", { InstanceId: env.instanceId, SynchronizationJobId: job.SynchronizationJobId });
  const pull = await callProxy(env.proxy, "GetIdentityProviderUdPullConfiguration", { InstanceId: env.instanceId, IdentityProviderId: provider });
  const filter = pull.UdPullConfiguration.LdapUdPullConfig.UserObjectClassCustomFilter;

  await checks.run("XSS: the hostile job shows literally in the list", async () => {
    await openConsole(page, env.page);
    await page.selectOption("#page-size", "100");
    await page.click("#jobs-load-all");
    await page.waitForFunction(() => /^Done/.test(document.getElementById("jobs-progress-text").textContent), null, { timeout: 60_000 });
    const row = `#jobs-list tr[data-job-id="${job.SynchronizationJobId.replace(/"/g, '\\"')}"]`;
    await assertLiteral(page, row, [job.SynchronizationJobId, job.TargetId, job.Result.ErrorCode], "list row");
    await assertInert(page, "list");
  });

  await checks.run("XSS: report, HTML string, SVG and custom element show it as text (online)", async () => {
    await page.click(`#jobs-list tr[data-job-id="${job.SynchronizationJobId.replace(/"/g, '\\"')}"] button`);
    await page.waitForSelector("#job-detail .thresholds [data-status]", { timeout: 20_000 });
    await assertJobRenderings(page, "#job-detail", served.SynchronizationJob, "job detail");
  });

  await checks.run("XSS: the hostile configuration shows its LDAP filter and scopes literally", async () => {
    await loadProvider(page, provider);
    await assertLiteral(page, "#provider-detail .configuration-pull", [filter, provider, pull.UdPullConfiguration.UdSyncScopeConfig.TargetScope], "pull configuration");
    await assertLiteral(page, "#provider-detail .provider-heading", [provider], "provider heading");
    await assertInert(page, "configuration");
  });

  await checks.run("XSS: the same through offline files", async () => {
    const jobFile = join(env.scratch, "hostile-job.json");
    writeFileSync(jobFile, JSON.stringify(served));
    await openFile(page, jobFile);
    await assertJobRenderings(page, "#offline-result", served.SynchronizationJob, "offline job");
    const pullFile = join(env.scratch, "hostile-pull.json");
    writeFileSync(pullFile, JSON.stringify(pull));
    await openFile(page, pullFile);
    await assertLiteral(page, "#offline-result .configuration-pull", [filter, provider], "offline pull configuration");
    const listFile = join(env.scratch, "hostile-list.json");
    writeFileSync(listFile, JSON.stringify({ RequestId: "offline", TotalCount: 1, SynchronizationJobs: [served.SynchronizationJob] }));
    await openFile(page, listFile);
    await assertLiteral(page, "#offline-result tbody", [job.SynchronizationJobId, job.TargetId], "offline list");
    await assertInert(page, "offline");
    // The list file is now the console's job set: the dashboard summarises it.
    await showView(page, "dashboard");
    await page.waitForSelector("#dashboard .trend-chart svg");
    await assertLiteral(page, "#dashboard table.error-codes", [job.Result.ErrorCode], "dashboard error codes");
    await assertInert(page, "dashboard");
  });
}
