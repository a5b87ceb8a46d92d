// A bundler user's code: import the package by name (Vite resolves it from
// node_modules and copies the .wasm it finds through `new URL(..., import.meta.url)`),
// parse a response and render its report. No init call.
import { jobChartSvg, parseGetSynchronizationJob, renderJobReport } from "eiam-sync";
import responseText from "./job.json?raw";

const { SynchronizationJob: job } = parseGetSynchronizationJob(responseText);
renderJobReport(document.getElementById("report"), job, { locale: "en", timeZone: "UTC" });
// The chart as text here: this app only checks that the function is reachable.
document.getElementById("chart").dataset.svgLength = String(jobChartSvg(job).length);
document.body.dataset.rendered = "true";
