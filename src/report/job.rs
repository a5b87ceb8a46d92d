//! The job report as a node tree: a heading, a summary list (status, target,
//! direction, trigger, start, duration, outcome, description), one table per
//! entity with a row per operation, and the error when there is one.
//! `renderJobReport` turns the tree into DOM; `jobReportHtml` serialises it.
//! Class names are listed in the README ("Reports"); the markup carries no
//! colours or styles, so it reads well without a stylesheet, light or dark.

use super::format::{iso_utc, ReportFormatter};
use super::labels::{LabelKey, Labels};
use super::names;
use super::node::Element;
use crate::analyze::{summarize_job, Counts, Entity, JobSummary, Operation};
use crate::model::{OperationCount, SynchronizationJob};

/// The root element's class.
pub const CLASS_ROOT: &str = "eiam-report";

/// Builds the report of one job. Never panics; absent values show as
/// `report.notAvailable`.
pub fn job_report(
    job: &SynchronizationJob,
    labels: &Labels,
    formatter: &dyn ReportFormatter,
) -> Element {
    let summary = summarize_job(job);
    let title = labels.fill(
        LabelKey::ReportTitle,
        &[("jobId", &job.synchronization_job_id)],
    );
    let mut root = Element::new("section")
        .class(CLASS_ROOT)
        .attr("lang", labels.locale().tag())
        .attr("data-outcome", names::outcome_name(summary.outcome))
        .child(Element::new("h2").class("eiam-report-title").text(&title))
        .child(summary_list(job, &summary, labels, formatter))
        .child(statistics(job, &summary, labels, formatter));
    if let Some(error) = error_block(&summary, labels) {
        root = root.child(error);
    }
    root
}

/// One `<div><dt>name</dt><dd>value</dd></div>` of the summary list.
fn field(name: &'static str, labels: &Labels, key: LabelKey, value: Element) -> Element {
    Element::new("div")
        .class("eiam-report-field")
        .attr("data-field", name)
        .child(Element::new("dt").text(labels.get(key)))
        .child(value)
}

/// A `<dd>` with `text`, or the "not available" marker when there is none.
fn value_or_absent(text: Option<String>, labels: &Labels) -> Element {
    match text {
        Some(text) => Element::new("dd").text(&text),
        None => Element::new("dd")
            .class("eiam-report-absent")
            .text(labels.get(LabelKey::NotAvailable)),
    }
}

fn summary_list(
    job: &SynchronizationJob,
    summary: &JobSummary,
    labels: &Labels,
    formatter: &dyn ReportFormatter,
) -> Element {
    let mut status = value_or_absent(
        job.status.as_ref().map(|s| names::status(labels, s)),
        labels,
    )
    .class("eiam-report-status");
    if let Some(value) = &job.status {
        status = status.attr("data-status", value.as_str());
    }
    let target_id = match &job.target_id {
        Some(id) => Element::new("dd").child(Element::new("code").class("eiam-report-id").text(id)),
        None => value_or_absent(None, labels),
    };
    let start = match job.start_time {
        Some(ms) => Element::new("dd").child(
            Element::new("time")
                .attr("datetime", iso_utc(ms))
                .text(&formatter.date_time(ms)),
        ),
        None => value_or_absent(None, labels),
    };
    let outcome = Element::new("dd")
        .class("eiam-report-outcome")
        .attr("data-outcome", names::outcome_name(summary.outcome))
        .text(labels.get(names::outcome_key(summary.outcome)));
    let fields = [
        field("status", labels, LabelKey::FieldStatus, status),
        field(
            "targetType",
            labels,
            LabelKey::FieldTargetType,
            value_or_absent(
                job.target_type
                    .as_ref()
                    .map(|t| names::target_type(labels, t)),
                labels,
            ),
        ),
        field("target", labels, LabelKey::FieldTarget, target_id),
        field(
            "direction",
            labels,
            LabelKey::FieldDirection,
            value_or_absent(
                job.direction.as_ref().map(|d| names::direction(labels, d)),
                labels,
            ),
        ),
        field(
            "trigger",
            labels,
            LabelKey::FieldTrigger,
            value_or_absent(
                job.trigger_type.as_ref().map(|t| names::trigger(labels, t)),
                labels,
            ),
        ),
        field("start", labels, LabelKey::FieldStart, start),
        field(
            "duration",
            labels,
            LabelKey::FieldDuration,
            value_or_absent(summary.duration_ms.map(|ms| formatter.duration(ms)), labels),
        ),
        field("outcome", labels, LabelKey::FieldOutcome, outcome),
    ];
    let mut list = Element::new("dl")
        .class("eiam-report-summary")
        .children(fields);
    if let Some(description) = &job.description {
        list = list.child(field(
            "description",
            labels,
            LabelKey::FieldDescription,
            Element::new("dd")
                .class("eiam-report-description")
                .text(description),
        ));
    }
    list
}

/// The statistics section: a table per entity that reports any operation.
fn statistics(
    job: &SynchronizationJob,
    summary: &JobSummary,
    labels: &Labels,
    formatter: &dyn ReportFormatter,
) -> Element {
    let section = Element::new("section")
        .class("eiam-report-statistics")
        .child(Element::new("h3").text(labels.get(LabelKey::ReportStatistics)));
    let totals = [
        &summary.items.users,
        &summary.items.organizational_units,
        &summary.items.groups,
        &summary.items.group_members,
    ];
    let mut tables = Vec::new();
    if let Some(result) = &job.result {
        for (entity, total) in Entity::ALL.into_iter().zip(totals) {
            let rows: Vec<(Operation, &OperationCount)> = entity
                .statistics(result)
                .map(|stats| {
                    Operation::ALL
                        .into_iter()
                        .filter_map(|op| op.count(stats).map(|count| (op, count)))
                        .collect()
                })
                .unwrap_or_default();
            if !rows.is_empty() {
                tables.push(entity_table(entity, &rows, &total.total, labels, formatter));
            }
        }
    }
    if tables.is_empty() {
        return section.child(
            Element::new("p")
                .class("eiam-report-empty")
                .text(labels.get(LabelKey::ReportNoStatistics)),
        );
    }
    section.children(tables)
}

/// The four count cells of a row, absent wire values marked as such.
fn count_cells(
    counts: [Option<u64>; 4],
    labels: &Labels,
    formatter: &dyn ReportFormatter,
) -> Vec<Element> {
    counts
        .into_iter()
        .map(|count| match count {
            Some(n) => Element::new("td").text(&formatter.count(n)),
            None => Element::new("td")
                .class("eiam-report-absent")
                .text(labels.get(LabelKey::NotAvailable)),
        })
        .collect()
}

fn entity_table(
    entity: Entity,
    rows: &[(Operation, &OperationCount)],
    total: &Counts,
    labels: &Labels,
    formatter: &dyn ReportFormatter,
) -> Element {
    let entity_label = labels.get(names::entity_key(entity));
    let caption = labels.fill(LabelKey::TableCaption, &[("entity", entity_label)]);
    let header = [
        LabelKey::TableOperation,
        LabelKey::CountTotal,
        LabelKey::CountSuccess,
        LabelKey::CountFailed,
        LabelKey::CountSkipped,
    ]
    .map(|key| {
        Element::new("th")
            .attr("scope", "col")
            .text(labels.get(key))
    });
    let body = rows.iter().map(|(operation, count)| {
        Element::new("tr")
            .attr("data-operation", names::operation_name(*operation))
            .child(
                Element::new("th")
                    .attr("scope", "row")
                    .text(labels.get(names::operation_key(*operation))),
            )
            .children(count_cells(
                [count.total, count.success, count.failed, count.skipped],
                labels,
                formatter,
            ))
    });
    let footer = Element::new("tr")
        .child(
            Element::new("th")
                .attr("scope", "row")
                .text(labels.get(LabelKey::TableAllOperations)),
        )
        .children(count_cells(
            [total.total, total.success, total.failed, total.skipped].map(Some),
            labels,
            formatter,
        ));
    Element::new("table")
        .class("eiam-report-table")
        .attr("data-entity", names::entity_name(entity))
        .child(Element::new("caption").text(&caption))
        .child(Element::new("thead").child(Element::new("tr").children(header)))
        .child(Element::new("tbody").children(body))
        .child(Element::new("tfoot").child(footer))
}

/// The error code and message, when the job carries either.
fn error_block(summary: &JobSummary, labels: &Labels) -> Option<Element> {
    if summary.error_code.is_none() && summary.error_message.is_none() {
        return None;
    }
    let mut list = Element::new("dl");
    if let Some(code) = &summary.error_code {
        list = list.child(
            Element::new("div")
                .child(Element::new("dt").text(labels.get(LabelKey::FieldErrorCode)))
                .child(
                    Element::new("dd")
                        .class("eiam-report-error-code")
                        .child(Element::new("code").text(code)),
                ),
        );
    }
    if let Some(message) = &summary.error_message {
        list = list.child(
            Element::new("div")
                .child(Element::new("dt").text(labels.get(LabelKey::FieldErrorMessage)))
                .child(
                    Element::new("dd")
                        .class("eiam-report-error-message")
                        .text(message),
                ),
        );
    }
    Some(
        Element::new("section")
            .class("eiam-report-error")
            .child(Element::new("h3").text(labels.get(LabelKey::ReportError)))
            .child(list),
    )
}
