// A bundler user's code: import the package by name (Vite resolves it from
// node_modules and copies the .wasm it finds through `new URL(..., import.meta.url)`),
// parse a response and render its report. No init call. The same page also
// imports `eiam-sync/core`, whose own .wasm Vite must copy and load as well.
import { jobChartSvg, parseGetSynchronizationJob, renderJobReport } from "eiam-sync";
import { summarizeJob, validateSynchronizationJob } from "eiam-sync/core";
import responseText from "./job.json?raw";

const { SynchronizationJob: job } = parseGetSynchronizationJob(responseText);
renderJobReport(document.getElementById("report"), job, { locale: "en", timeZone: "UTC" });
// The chart as text here: this app only checks that the function is reachable.
document.getElementById("chart").dataset.svgLength = String(jobChartSvg(job).length);
// Core's answers, for the check to compare with the job's own figures.
const summary = summarizeJob(job);
const core = document.getElementById("core");
core.dataset.outcome = summary.outcome;
core.dataset.durationMs = String(summary.durationMs);
core.dataset.valid = String(validateSynchronizationJob(job).valid);
document.body.dataset.rendered = "true";
