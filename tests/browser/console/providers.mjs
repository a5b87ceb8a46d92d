// The Identity providers view: the seeded invalid configurations show their
// validation issues at the right fields; schedules and diffs are shown.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { assert, assertEqual, showView } from "./harness.mjs";
import { openFile } from "./offline.mjs";
import { callProxy } from "./proxy.mjs";

export const INVALID_PROVIDER = "idp_demoinvalidldapconfig00000";

/** The deliberate mistakes of xtask/demo-data.json, by kind: path -> code. */
const SEEDED_ISSUES = {
  pull: {
    "UdSyncScopeConfig.SourceScopes": "empty_source_scopes",
    "PullProtectedRule.GroupDeletedThreshold": "negative_threshold",
    "LdapUdPullConfig.UserObjectClassCustomFilter": "invalid_ldap_filter",
    "PeriodicSyncConfig.PeriodicSyncCron": "invalid_cron",
  },
  push: {
    "UdSyncScopeConfigs[0].TargetScope": "missing_target_scope",
    "LdapUdPushConfig.UserObjectClass": "invalid_object_class_list",
    "LdapUdPushConfig.UserRdn": "invalid_rdn",
  },
};

/** Issue codes shown at each field row of a configuration section: path -> codes. */
export async function issuesByField(page, section) {
  return page.$$eval(`${section} .field-row`, (rows) =>
    Object.fromEntries(rows.map((row) => [row.dataset.path, [...row.querySelectorAll(".issue")].map((li) => li.dataset.code)])),
  );
}

/** Loads a provider in the view. */
export async function loadProvider(page, id) {
  await showView(page, "providers");
  await page.fill("#provider-id", id);
  await page.click('#provider-form button[type="submit"]');
  // The view empties its detail at once, so this waits for the new answer.
  await page.waitForFunction(() => document.querySelectorAll("#provider-detail .configuration").length === 2, null, { timeout: 20_000 });
}

export async function providerChecks(checks, page, env, lib) {
  // A provider the emulator generated (not one seeded by the demo data file).
  const generated = env.identityProviders.find((id) => id.startsWith("idp_") && !id.includes("demo") && !id.includes("<"));
  await checks.run("the seeded invalid configurations show their issues at the right fields", async () => {
    await loadProvider(page, INVALID_PROVIDER);
    for (const kind of ["push", "pull"]) {
      const action = kind === "push" ? "GetIdentityProviderUdPushConfiguration" : "GetIdentityProviderUdPullConfiguration";
      const root = kind === "push" ? "UdPushConfiguration" : "UdPullConfiguration";
      const served = (await callProxy(env.proxy, action, { InstanceId: env.instanceId, IdentityProviderId: INVALID_PROVIDER }))[root];
      const validate = kind === "push" ? lib.validateUdPushConfiguration : lib.validateUdPullConfiguration;
      const report = validate(served, { locale: "en" });
      assert(!report.valid, `${kind}: the seeded configuration is invalid`);
      const shown = await issuesByField(page, `#provider-detail .configuration-${kind}`);
      for (const [path, code] of Object.entries(SEEDED_ISSUES[kind])) {
        assert(shown[path]?.includes(code), `${kind}: ${code} at ${path} (shown: ${JSON.stringify(shown)})`);
      }
      for (const issue of report.issues.filter((i) => i.path !== "")) {
        assert(shown[issue.path]?.includes(issue.code), `${kind}: ${issue.code} at ${issue.path}`);
      }
      const total = Object.values(shown).flat().length;
      const general = await page.$$eval(`#provider-detail .configuration-${kind} > .issue-list .issue`, (items) => items.length);
      assertEqual(total + general, report.issues.length, `${kind}: every issue shown once`);
    }
    await page.$eval("#provider-detail", (el) => el.scrollIntoView());
    await page.screenshot({ path: `${env.screenshots}/console-configuration.png`, fullPage: false, clip: { x: 0, y: 0, width: 1280, height: 760 } });
  });

  await checks.run("a valid cron schedule lists its next five runs; the invalid one none", async () => {
    const runs = await page.$$eval("#provider-detail .configuration-pull .schedule li", (items) => items.length);
    assertEqual(runs, 0, "no runs for an invalid cron");
    await loadProvider(page, generated);
    const kinds = await page.$$eval("#provider-detail .configuration .schedule", (sections) => sections.map((s) => s.querySelectorAll("li").length));
    assert(kinds.some((count) => count === 5), `five runs listed: ${kinds}`);
    // Each configuration's runs are in order (the two lists are separate schedules).
    const schedules = await page.$$eval("#provider-detail .configuration .schedule", (sections) =>
      sections.map((s) => [...s.querySelectorAll("time")].map((el) => Date.parse(el.getAttribute("datetime")))));
    for (const times of schedules) {
      assert(times.every((t, i) => Number.isFinite(t) && (i === 0 || t > times[i - 1])), `runs in order: ${times}`);
    }
  });

  await checks.run("loading a configuration again compares it with the previous version", async () => {
    await loadProvider(page, generated);
    const notes = await page.$$eval("#provider-detail .diff", (sections) => sections.map((s) => s.textContent));
    assertEqual(notes.length, 2, "a comparison per configuration");
    assert(notes.every((text) => text.includes("No changes.")), `no changes: ${notes}`);
  });

  await checks.run("a saved version opened offline lists what changed since the proxy's, field by field", async () => {
    await loadProvider(page, generated);
    const served = (await callProxy(env.proxy, "GetIdentityProviderUdPushConfiguration", { InstanceId: env.instanceId, IdentityProviderId: generated }))
      .UdPushConfiguration;
    assert(["enabled", "disabled"].includes(served.IncrementalCallbackStatus), "the served push configuration has IncrementalCallbackStatus");
    assert(Array.isArray(served.UdSyncScopeConfigs?.[0]?.SourceScopes), "the served push configuration has a scope");
    // Two edits, whose changes are known by hand: a switch flipped, a scope added.
    const edited = structuredClone(served);
    edited.IncrementalCallbackStatus = served.IncrementalCallbackStatus === "enabled" ? "disabled" : "enabled";
    edited.UdSyncScopeConfigs[0].SourceScopes.push("ou_addedbytheconsoletest000");
    const path = join(env.scratch, "edited-push.json");
    writeFileSync(path, JSON.stringify({ RequestId: "edited", UdPushConfiguration: edited }));
    await openFile(page, path);
    const rows = await page.$$eval("#offline-result .configuration-push .diff tbody tr", (trs) =>
      trs.map((tr) => [...tr.children].map((cell) => cell.textContent)),
    );
    assertEqual(
      rows,
      [
        ["IncrementalCallbackStatus", "changed", JSON.stringify(served.IncrementalCallbackStatus), JSON.stringify(edited.IncrementalCallbackStatus)],
        ["UdSyncScopeConfigs[0].SourceScopes", "added", "—", JSON.stringify("ou_addedbytheconsoletest000")],
      ],
      "the changes listed",
    );
  });
}
