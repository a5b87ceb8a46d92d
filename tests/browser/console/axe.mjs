// Accessibility: axe-core (npm) run inside the page on each view, in the light
// and the dark colour scheme; serious and critical violations fail.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { showView } from "./harness.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The serious and critical violations on the page as it is now. */
async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

export async function axeChecks(checks, page) {
  for (const scheme of ["light", "dark"]) {
    for (const view of ["jobs", "job", "providers", "dashboard", "offline"]) {
      await checks.run(`axe: ${view} view, ${scheme} scheme: no serious or critical violation`, async () => {
        await page.emulateMedia({ colorScheme: scheme });
        await showView(page, view);
        const found = await violations(page);
        if (found.length > 0) throw new Error(found.join("\n    "));
      });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** The view tabs work from the keyboard (arrow keys, Home, End). */
export async function keyboardChecks(checks, page) {
  await checks.run("the view tabs work with the arrow keys, Home and End", async () => {
    await showView(page, "jobs");
    await page.focus("#tab-jobs");
    await page.keyboard.press("ArrowRight");
    const state = () => page.evaluate(() => ({
      focused: document.activeElement.id,
      selected: document.querySelector('[role=tab][aria-selected=true]').id,
      visible: [...document.querySelectorAll('[role=tabpanel]')].filter((p) => !p.hidden).map((p) => p.id),
    }));
    let now = await state();
    if (now.focused !== "tab-job" || now.selected !== "tab-job" || now.visible.join() !== "panel-job") throw new Error(JSON.stringify(now));
    await page.keyboard.press("End");
    now = await state();
    if (now.selected !== "tab-offline" || now.visible.join() !== "panel-offline") throw new Error(JSON.stringify(now));
    await page.keyboard.press("Home");
    now = await state();
    if (now.selected !== "tab-jobs") throw new Error(JSON.stringify(now));
  });
}
