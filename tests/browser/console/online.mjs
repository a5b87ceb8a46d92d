// The console against the proxy and the emulator: the list, "load all",
// sorting, a job's report against what the emulator served, the charts, the
// deletion-threshold check, the CSV download.

import { readFileSync } from "node:fs";
import { assert, assertEqual, digits, openConsole, showView } from "./harness.mjs";
import { callProxy } from "./proxy.mjs";
import { neutralised, parseCsv } from "./csv.mjs";

const ENTITIES = {
  UserStatistics: "users",
  OrganizationalUnitStatistics: "organizationalUnits",
  GroupStatistics: "groups",
  GroupMemberStatistics: "groupMembers",
};

/** Every job of the instance, newest first, fetched page by page from Node. */
export async function allJobs(env) {
  const jobs = [];
  let token;
  do {
    const page = await callProxy(env.proxy, "ListSynchronizationJobs", {
      InstanceId: env.instanceId,
      MaxResults: 100,
      ...(token ? { NextToken: token } : {}),
    });
    jobs.push(...page.SynchronizationJobs);
    token = page.NextToken;
  } while (token);
  return jobs;
}

const duration = (job) =>
  typeof job.StartTime === "number" && typeof job.EndTime === "number" && job.EndTime >= job.StartTime
    ? job.EndTime - job.StartTime
    : undefined;

/** The job IDs of the rows of the jobs table, in order. */
export async function rowIds(page, scope = "#jobs-list") {
  return page.$$eval(`${scope} tbody tr`, (rows) => rows.map((row) => row.dataset.jobId));
}

/** Checks the report tables of `#job-detail` against the job the emulator served. */
export async function checkReportNumbers(page, served, scope) {
  let compared = 0;
  for (const [group, entity] of Object.entries(ENTITIES)) {
    for (const [operation, counts] of Object.entries(served.Result?.[group] ?? {})) {
      const selector = `${scope} .job-report-dom table.eiam-report-table[data-entity="${entity}"] tr[data-operation="${operation.toLowerCase()}"] td`;
      const cells = await page.$$eval(selector, (tds) => tds.map((td) => td.textContent));
      assertEqual(
        cells.map(digits),
        [counts.Total, counts.Success, counts.Failed, counts.Skipped].map((n) => (n === undefined ? "" : String(n))),
        `${group}.${operation} in the report`,
      );
      compared += 1;
    }
  }
  return compared;
}

export async function onlineChecks(checks, page, env, watcher) {
  const expectedTotal = env.jobCount;
  const served = await allJobs(env);

  await checks.run("the console loads with the demo's proxy and instance", async () => {
    await openConsole(page, env.page);
    assertEqual(await page.inputValue("#proxy-url"), env.proxy, "proxy URL");
    assertEqual(await page.inputValue("#instance-id"), env.instanceId, "instance ID");
    assertEqual(served.length, expectedTotal, "jobs the emulator serves");
  });

  await checks.run("the first page shows the emulator's job count and its newest 20 jobs", async () => {
    await page.click("#jobs-load");
    const count = await page.waitForSelector("#jobs-count");
    assertEqual(Number(await count.getAttribute("data-total")), expectedTotal, "TotalCount shown");
    assertEqual(await rowIds(page), served.slice(0, 20).map((job) => job.SynchronizationJobId), "first page rows");
  });

  await checks.run("a status filter is sent and its TotalCount shown", async () => {
    await page.selectOption("#filter-status", "failed");
    await page.click("#jobs-load");
    await page.waitForFunction(() => document.querySelector("#jobs-list tbody tr .status")?.textContent === "failed");
    const failed = served.filter((job) => job.Status === "failed");
    const total = Number(await page.getAttribute("#jobs-count", "data-total"));
    assertEqual(total, failed.length, "failed jobs");
    const statuses = await page.$$eval("#jobs-list tbody tr .status", (cells) => cells.map((c) => c.textContent));
    assert(statuses.every((status) => status === "failed"), `only failed rows: ${statuses}`);
    await page.selectOption("#filter-status", "");
  });

  await checks.run("the next page follows NextToken", async () => {
    await page.click("#jobs-load");
    await page.waitForFunction((id) => document.querySelector("#jobs-list tbody tr")?.dataset.jobId === id, served[0].SynchronizationJobId);
    await page.click("#jobs-next");
    await page.waitForFunction((id) => document.querySelector("#jobs-list tbody tr")?.dataset.jobId === id, served[20].SynchronizationJobId);
    assertEqual(await rowIds(page), served.slice(20, 40).map((job) => job.SynchronizationJobId), "second page rows");
  });

  await checks.run('"load all" ends with the progress bar at 100% and every job listed', async () => {
    await page.selectOption("#page-size", "100");
    await page.click("#jobs-load-all");
    await page.waitForFunction(() => /^Done/.test(document.getElementById("jobs-progress-text").textContent), null, { timeout: 60_000 });
    const { value, max } = await page.$eval("#jobs-progress", (p) => ({ value: p.value, max: p.max }));
    assertEqual([value, max], [expectedTotal, expectedTotal], "progress value and max");
    assertEqual((await rowIds(page)).length, expectedTotal, "rows");
  });

  await checks.run("sorting by duration orders the loaded jobs longest first", async () => {
    await page.selectOption("#sort-by", "duration-desc");
    const byId = new Map(served.map((job) => [job.SynchronizationJobId, duration(job)]));
    const shown = (await rowIds(page)).map((id) => byId.get(id));
    const known = shown.filter((d) => d !== undefined);
    assert(known.every((d, i) => i === 0 || known[i - 1] >= d), "durations do not increase");
    assert(shown.slice(known.length).every((d) => d === undefined), "jobs without a duration come last");
    assertEqual(known[0], Math.max(...served.map(duration).filter((d) => d !== undefined)), "longest first");
    await page.selectOption("#sort-by", "start-desc");
  });

  await checks.run("the CSV download has one record per job, entity and operation, as served", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#jobs-csv")]);
    const text = readFileSync(await download.path(), "utf8");
    assert(text.startsWith("\uFEFF"), "starts with a UTF-8 BOM");
    const [header, ...records] = parseCsv(text.slice(1));
    const column = (name) => {
      const index = header.indexOf(name);
      assert(index >= 0, `column ${name} in ${header}`);
      return index;
    };
    const [id, entity, operation, total, success, failed, skipped, message] = [
      "SynchronizationJobId", "Entity", "Operation", "Total", "Success", "Failed", "Skipped", "ErrorMessage",
    ].map(column);
    const got = records.map((r) => [r[id], r[entity], r[operation], r[total], r[success], r[failed], r[skipped]].join("|")).sort();
    const expected = [];
    for (const job of served) {
      const before = expected.length;
      for (const [group, name] of Object.entries(ENTITIES)) {
        for (const [op, counts] of Object.entries(job.Result?.[group] ?? {})) {
          const cells = [counts.Total, counts.Success, counts.Failed, counts.Skipped].map((n) => (n === undefined ? "" : String(n)));
          expected.push([neutralised(job.SynchronizationJobId), name, op.toLowerCase(), ...cells].join("|"));
        }
      }
      if (expected.length === before) expected.push([neutralised(job.SynchronizationJobId), "", "", "", "", "", ""].join("|"));
    }
    assertEqual(got.length, expected.length, "records");
    assertEqual(got, expected.sort(), "records by job, entity and operation");
    const messages = new Set(served.map((job) => neutralised(job.Result?.ErrorMessage ?? "")));
    assert(records.every((r) => messages.has(r[message])), "error messages as served");
  });

  return { served, watcher };
}

export async function jobDetailChecks(checks, page, env, served, lib) {
  const thresholdJob = served.find((job) => job.SynchronizationJobId === "sync_demodeletionthresholdexceeded00000000");
  const generated = served.find((job) => job.Result?.UserStatistics && !job.SynchronizationJobId.includes("demo") && !job.SynchronizationJobId.includes("<"));

  await checks.run("a job's report shows the numbers the emulator served", async () => {
    await page.click(`#jobs-list tr[data-job-id="${generated.SynchronizationJobId}"] button`);
    await page.waitForSelector("#job-detail table.eiam-report-table");
    const { SynchronizationJob: job } = await callProxy(env.proxy, "GetSynchronizationJob", {
      InstanceId: env.instanceId,
      SynchronizationJobId: generated.SynchronizationJobId,
    });
    const compared = await checkReportNumbers(page, job, "#job-detail");
    assert(compared > 0, "some statistics compared");
    const text = await page.textContent("#job-detail .job-report-dom");
    assert(text.includes(job.SynchronizationJobId), "the report names the job");
  });

  await checks.run("the job's chart is drawn with a title, a description and bars", async () => {
    const chart = await page.waitForSelector("#job-detail figure.job-chart svg");
    assert(await chart.$("title"), "title");
    assert(await chart.$("desc"), "desc");
    assert((await chart.$$("rect")).length > 0, "bars");
  });

  await checks.run("a job over its thresholds shows them exceeded against the pull configuration", async () => {
    await page.fill("#job-id", thresholdJob.SynchronizationJobId);
    await page.click('#job-form button[type="submit"]');
    const status = await page.waitForSelector("#job-detail .thresholds [data-status]", { timeout: 20_000 });
    assertEqual(await status.getAttribute("data-status"), "exceeded", "overall threshold status");
    const { SynchronizationJob: job } = await callProxy(env.proxy, "GetSynchronizationJob", {
      InstanceId: env.instanceId,
      SynchronizationJobId: thresholdJob.SynchronizationJobId,
    });
    await checkReportNumbers(page, job, "#job-detail");
    // The list (the console's formatting) and the report (the package's) write
    // the job's duration the same way.
    const listed = await page.$eval(`#jobs-list tr[data-job-id="${thresholdJob.SynchronizationJobId}"] td.num`, (td) => td.textContent);
    const reported = await page.$eval('#job-detail .job-report-dom .eiam-report-field[data-field="duration"] dd', (dd) => dd.textContent);
    assert(listed !== "—", `the job has a duration: ${listed}`);
    assertEqual(listed, reported, "the duration in the list and in the report");
    const users = await page.$$eval("#job-detail .thresholds tbody tr:first-child td", (tds) => tds.map((td) => td.textContent));
    assertEqual([digits(users[0]), digits(users[1])], ["30", String(job.Result.UserStatistics.Deleted.Total)], "users: threshold and deleted");
    // The validation section lists exactly the package's issues for the job.
    assert(await page.$('#job-detail section.issues[aria-label="Validation"]'), "the validation section");
    const issues = await page.$$eval('#job-detail section.issues[aria-label="Validation"] li.issue', (items) => items.map((li) => li.dataset.code));
    assertEqual(issues, lib.validateSynchronizationJob(job).issues.map((issue) => issue.code), "the job's validation issues");
  });

  await checks.run("the job detail screenshot", async () => {
    await page.$eval("#job-detail", (el) => el.scrollIntoView());
    await page.screenshot({ path: `${env.screenshots}/console-job-report.png`, fullPage: false, clip: { x: 0, y: 0, width: 1280, height: 760 } });
  });
}

/** The dashboard's numbers against the jobs the emulator served. */
export async function dashboardChecks(checks, page, env, served) {
  await checks.run("the dashboard summarises every job: counts, p50/p95, trend, failing targets, error codes", async () => {
    await showView(page, "dashboard");
    await page.waitForSelector("#dashboard .trend-chart svg");
    assertEqual(digits(await page.textContent("#card-jobs .card-value")), String(served.length), "job count");
    const byStatus = new Map();
    for (const job of served) byStatus.set(job.Status, (byStatus.get(job.Status) ?? 0) + 1);
    const rows = await page.$$eval("#dashboard table.status-counts tbody tr", (trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent]));
    assertEqual(rows.length, byStatus.size, "statuses");
    for (const [status, count] of rows) assertEqual(Number(digits(count)), byStatus.get(status), `jobs ${status}`);
    const durations = served.map(duration).filter((d) => d !== undefined).sort((a, b) => a - b);
    const rank = (p) => durations[Math.max(1, Math.ceil((p / 100) * durations.length)) - 1];
    assertEqual(Number(await page.getAttribute("#card-p50", "data-ms")), rank(50), "p50");
    assertEqual(Number(await page.getAttribute("#card-p95", "data-ms")), rank(95), "p95");
    const codes = new Map();
    for (const job of served) {
      const code = job.Result?.ErrorCode;
      if (code) codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    const top = Math.max(...codes.values());
    const shown = await page.$$eval("#dashboard table.error-codes tbody tr", (trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent]));
    assertEqual(Number(digits(shown[0][1])), top, "the commonest error code's count");
    assertEqual(codes.get(shown[0][0]), top, "the commonest error code");
    assert((await page.$$("#dashboard table.failing-targets tbody tr")).length > 0, "failing targets listed");
    await page.screenshot({ path: `${env.screenshots}/console-dashboard.png`, fullPage: false, clip: { x: 0, y: 0, width: 1280, height: 760 } });
  });
}
