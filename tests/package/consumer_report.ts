// Compiled with `tsc --strict` against the installed package: every report
// export and type, used the way a console developer would.

import {
  defineJobReportElement,
  formatDuration,
  jobChartSvg,
  jobReportHtml,
  jobsToCsv,
  jobsTrendSvg,
  renderJobReport,
  summarizeJobs,
  type ChartOptions,
  type CsvLayout,
  type CsvOptions,
  type JobReportElement,
  type JobReportElementConstructor,
  type JobReportOptions,
  type ReportLabelKey,
  type SynchronizationJob,
} from "eiam-sync";

const labels: Partial<Record<ReportLabelKey, string>> = {
  "report.title": "Job {jobId}",
  "status.partial_success": "Partly done",
  "count.skipped": "Skipped",
};
const reportOptions: JobReportOptions = { locale: "zh-CN", timeZone: "Asia/Shanghai", labels };
const chartOptions: ChartOptions = { locale: "id", labels, width: 480, idPrefix: "chart-1" };
const layout: CsvLayout = "wide";
const csvOptions: CsvOptions = { layout, bom: true };

// @ts-expect-error: label keys are a closed set.
const badLabels: JobReportOptions = { labels: { "status.sucess": "x" } };
// @ts-expect-error: only the three supported locales.
const badLocale: ChartOptions = { locale: "fr" };
// @ts-expect-error: the layouts are "long" and "wide".
const badLayout: CsvOptions = { layout: "tall" };
// @ts-expect-error: only the three supported locales.
const badDurationLocale = formatDuration(1000, "fr");
void badLabels;
void badLocale;
void badLayout;
void badDurationLocale;

export function render(container: Element, job: SynchronizationJob): HTMLElement {
  const root: HTMLElement = renderJobReport(container, job, reportOptions);
  root.classList.add("selected");
  return root;
}

export function strings(jobs: SynchronizationJob[]): string[] {
  const first = jobs[0];
  const out: string[] = [];
  if (first !== undefined) {
    out.push(jobReportHtml(first), jobReportHtml(first, reportOptions), jobChartSvg(first, chartOptions));
  }
  out.push(jobsTrendSvg(summarizeJobs(jobs), chartOptions), jobsToCsv(jobs), jobsToCsv(jobs, csvOptions));
  out.push(formatDuration(62_500), formatDuration(62_500, "zh-CN"));
  return out;
}

export function element(job: SynchronizationJob): JobReportElement {
  const constructor: JobReportElementConstructor = defineJobReportElement();
  defineJobReportElement("my-job-report");
  const byName: JobReportElement = document.createElement("eiam-sync-job-report");
  const built: JobReportElement = new constructor();
  built.options = reportOptions;
  built.job = job;
  byName.job = null;
  byName.addEventListener("eiam-sync-report-error", (event) => {
    const detail: unknown = event.detail;
    console.error(detail);
  });
  return built;
}
