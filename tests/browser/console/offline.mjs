// Offline files: each documentation example opens by file picker (and one by
// drag and drop) with no request to the proxy; broken files show clear states.

import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { assert, assertEqual, showView } from "./harness.mjs";

const ROOTS = {
  SynchronizationJob: "GetSynchronizationJob",
  SynchronizationJobs: "ListSynchronizationJobs",
  UdPushConfiguration: "GetIdentityProviderUdPushConfiguration",
  UdPullConfiguration: "GetIdentityProviderUdPullConfiguration",
};

/** Opens `path` through the file input and waits for its heading or a state. */
export async function openFile(page, path) {
  await showView(page, "offline");
  await page.setInputFiles("#offline-file", []);
  await page.setInputFiles("#offline-file", path);
  await page.waitForFunction(
    (name) =>
      document.querySelector("#offline-result .offline-heading")?.textContent.startsWith(name) ||
      document.querySelector("#offline-state [data-state]:not([data-state=empty])")?.textContent.includes(name),
    basename(path),
  );
}

/** Drops `path` on the drop zone, as a user dragging it from the desktop would. */
export async function dropFile(page, path) {
  await showView(page, "offline");
  const content = readFileSync(path, "utf8");
  const transfer = await page.evaluateHandle(
    ([name, text]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: "application/json" }));
      return data;
    },
    [basename(path), content],
  );
  await page.dispatchEvent("#drop-zone", "dragover", { dataTransfer: transfer });
  await page.dispatchEvent("#drop-zone", "drop", { dataTransfer: transfer });
  await page.waitForFunction((name) => document.querySelector("#offline-result .offline-heading")?.textContent.startsWith(name), basename(path));
}

async function checkShown(page, response, name, lib) {
  const root = Object.keys(ROOTS).find((key) => key in response);
  const operation = await page.getAttribute("#offline-result .offline-heading", "data-operation");
  assertEqual(operation, ROOTS[root], `${name}: operation`);
  if (root === "SynchronizationJob") {
    assert((await page.$$("#offline-result table.eiam-report-table")).length > 0, `${name}: report tables`);
    assert(await page.$("#offline-result figure.job-chart svg"), `${name}: chart`);
    const text = await page.textContent("#offline-result .job-report-dom");
    assert(text.includes(response.SynchronizationJob.SynchronizationJobId.trim()), `${name}: the job ID`);
  } else if (root === "SynchronizationJobs") {
    const rows = await page.$$eval("#offline-result tbody tr", (trs) => trs.length);
    assertEqual(rows, response.SynchronizationJobs.length, `${name}: rows`);
  } else {
    const kind = root === "UdPushConfiguration" ? "push" : "pull";
    const paths = await page.$$eval(`#offline-result .configuration-${kind} .field-row`, (els) => els.map((el) => el.dataset.path));
    assert(paths.includes("IdentityProviderId"), `${name}: fields shown`);
    // Every issue the package finds is shown, and nothing else.
    const validate = kind === "push" ? lib.validateUdPushConfiguration : lib.validateUdPullConfiguration;
    const expected = validate(response[root]).issues.map((issue) => `${issue.path} ${issue.code}`);
    const shown = await page.$$eval(`#offline-result .configuration-${kind} .issue`, (els) =>
      els.map((el) => `${el.dataset.path} ${el.dataset.code}`));
    assertEqual(shown.sort(), expected.sort(), `${name}: the configuration's issues`);
  }
}

export async function offlineChecks(checks, page, env, watcher, lib) {
  const seeds = readdirSync(env.seedsDir).filter((name) => name.endsWith(".example.json")).sort();
  assertEqual(seeds.length, 5, "the five documentation examples");
  const requestsBefore = watcher.requests.length;
  for (const name of seeds) {
    await checks.run(`offline: ${name} opens by file picker`, async () => {
      const path = join(env.seedsDir, name);
      await openFile(page, path);
      await checkShown(page, JSON.parse(readFileSync(path, "utf8")), name, lib);
    });
  }
  await checks.run("offline: a file dropped on the drop zone opens too", async () => {
    const path = join(env.seedsDir, seeds[0]);
    await dropFile(page, path);
    await checkShown(page, JSON.parse(readFileSync(path, "utf8")), seeds[0], lib);
  });
  await checks.run("offline: no request reached the proxy", async () => {
    const sent = watcher.requests.slice(requestsBefore).filter((url) => url.startsWith(env.proxy));
    assertEqual(sent, [], "requests to the proxy while reading files");
  });
  await checks.run("offline: a file that is not JSON shows where it breaks", async () => {
    const path = join(env.scratch, "broken.json");
    writeFileSync(path, '{\n  "SynchronizationJob": {\n    "SynchronizationJobId": "sync_x",\n  }\n}\n');
    await openFile(page, path);
    const state = await page.textContent("#offline-state [data-state=invalid-json]");
    assert(/line 4, column 3/.test(state), `position: ${state}`);
  });
  await checks.run("offline: JSON that is no response of the four operations says so", async () => {
    const path = join(env.scratch, "other.json");
    writeFileSync(path, '{"Users": []}');
    await openFile(page, path);
    assert(await page.$("#offline-state [data-state=unknown-file]"), "unknown-file state");
  });
  await checks.run("offline: a valid JSON file with a wrong field type shows the parse error's path", async () => {
    const path = join(env.scratch, "wrong-type.json");
    writeFileSync(path, '{"SynchronizationJobs": [{"SynchronizationJobId": 5}]}');
    await openFile(page, path);
    const state = await page.textContent("#offline-state [data-state=invalid-json]");
    assert(state.includes("SynchronizationJobs[0].SynchronizationJobId"), `path: ${state}`);
  });
}
