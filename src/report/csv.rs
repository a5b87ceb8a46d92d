//! `jobsToCsv`: jobs as RFC 4180 CSV (comma-separated, CRLF line ends, fields
//! with a comma, quote or line break in double quotes, quotes doubled).
//!
//! Cells that a spreadsheet would read as a formula (starting with `=`, `+`,
//! `-`, `@`, a tab or a carriage return) get a leading `'`, so a hostile
//! `ErrorMessage` such as `=HYPERLINK(...)` stays text. Column names are fixed
//! English identifiers (the wire names), not labels: a CSV is read by programs
//! as much as by people, and its columns must not change with the locale.

use super::format::iso_utc;
use super::names::{entity_name, operation_name, outcome_name};
use super::options::{CsvLayout, CsvOptions};
use crate::analyze::{job_duration_ms, Entity, Operation, Outcome};
use crate::model::{OperationCount, SynchronizationJob};

/// The per-job columns both layouts start with.
pub const JOB_COLUMNS: [&str; 13] = [
    "SynchronizationJobId",
    "Description",
    "TargetType",
    "TargetId",
    "Direction",
    "TriggerType",
    "Status",
    "Outcome",
    "StartTime",
    "EndTime",
    "DurationMs",
    "ErrorCode",
    "ErrorMessage",
];

/// The columns the long layout adds after [`JOB_COLUMNS`].
pub const LONG_COLUMNS: [&str; 6] = [
    "Entity",
    "Operation",
    "Total",
    "Success",
    "Failed",
    "Skipped",
];

/// The count names of the wide layout's `<entity>.<operation>.<count>` columns.
const COUNT_NAMES: [&str; 4] = ["total", "success", "failed", "skipped"];

/// Writes jobs as CSV text (with a leading U+FEFF when `options.bom`).
pub fn jobs_to_csv(jobs: &[SynchronizationJob], options: &CsvOptions) -> String {
    let mut out = String::new();
    if options.bom {
        out.push('\u{feff}');
    }
    match options.layout {
        CsvLayout::Long => write_long(jobs, &mut out),
        CsvLayout::Wide => write_wide(jobs, &mut out),
    }
    out
}

/// Appends one cell, neutralised and quoted as needed.
pub fn push_cell(cell: &str, out: &mut String) {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = cell.contains([',', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

fn push_row<S: AsRef<str>>(cells: &[S], out: &mut String) {
    for (index, cell) in cells.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        push_cell(cell.as_ref(), out);
    }
    out.push_str("\r\n");
}

fn text(value: Option<&str>) -> String {
    value.unwrap_or_default().to_owned()
}

fn number(value: Option<u64>) -> String {
    value.map(|n| n.to_string()).unwrap_or_default()
}

/// The [`JOB_COLUMNS`] cells of one job.
fn job_cells(job: &SynchronizationJob) -> Vec<String> {
    let result = job.result.as_ref();
    vec![
        job.synchronization_job_id.clone(),
        text(job.description.as_deref()),
        text(job.target_type.as_ref().map(|v| v.as_str())),
        text(job.target_id.as_deref()),
        text(job.direction.as_ref().map(|v| v.as_str())),
        text(job.trigger_type.as_ref().map(|v| v.as_str())),
        text(job.status.as_ref().map(|v| v.as_str())),
        outcome_name(Outcome::of_job(job)).to_owned(),
        job.start_time.map(iso_utc).unwrap_or_default(),
        job.end_time.map(iso_utc).unwrap_or_default(),
        number(job_duration_ms(job)),
        text(result.and_then(|r| r.error_code.as_deref())),
        text(result.and_then(|r| r.error_message.as_deref())),
    ]
}

/// The entity x operation counts a job reports, in entity then operation order.
fn reported(job: &SynchronizationJob) -> Vec<(Entity, Operation, &OperationCount)> {
    let Some(result) = &job.result else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entity in Entity::ALL {
        let Some(statistics) = entity.statistics(result) else {
            continue;
        };
        for operation in Operation::ALL {
            if let Some(count) = operation.count(statistics) {
                out.push((entity, operation, count));
            }
        }
    }
    out
}

fn count_cells(count: &OperationCount) -> [String; 4] {
    [count.total, count.success, count.failed, count.skipped].map(number)
}

/// One row per job x entity x operation it reports; a job that reports none
/// gets one row with the entity, operation and count cells empty.
fn write_long(jobs: &[SynchronizationJob], out: &mut String) {
    let header: Vec<&str> = JOB_COLUMNS.iter().chain(&LONG_COLUMNS).copied().collect();
    push_row(&header, out);
    for job in jobs {
        let prefix = job_cells(job);
        let rows = reported(job);
        if rows.is_empty() {
            let mut cells = prefix.clone();
            cells.resize(JOB_COLUMNS.len() + LONG_COLUMNS.len(), String::new());
            push_row(&cells, out);
        }
        for (entity, operation, count) in rows {
            let mut cells = prefix.clone();
            cells.push(entity_name(entity).to_owned());
            cells.push(operation_name(operation).to_owned());
            cells.extend(count_cells(count));
            push_row(&cells, out);
        }
    }
}

/// One row per job; after [`JOB_COLUMNS`], four columns
/// (`<entity>.<operation>.total|success|failed|skipped`) for each entity x
/// operation that at least one of the jobs reports, in entity then operation
/// order. A job that does not report a pair has those cells empty.
fn write_wide(jobs: &[SynchronizationJob], out: &mut String) {
    let mut present = [[false; 7]; 4];
    let reports: Vec<_> = jobs.iter().map(reported).collect();
    for (entity, operation, _) in reports.iter().flatten() {
        present[*entity as usize][*operation as usize] = true;
    }
    let pairs: Vec<(Entity, Operation)> = Entity::ALL
        .into_iter()
        .flat_map(|e| Operation::ALL.into_iter().map(move |o| (e, o)))
        .filter(|(e, o)| present[*e as usize][*o as usize])
        .collect();
    let mut header: Vec<String> = JOB_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    for (entity, operation) in &pairs {
        for count in COUNT_NAMES {
            header.push(format!(
                "{}.{}.{count}",
                entity_name(*entity),
                operation_name(*operation)
            ));
        }
    }
    push_row(&header, out);
    for (job, report) in jobs.iter().zip(&reports) {
        let mut cells = job_cells(job);
        for (entity, operation) in &pairs {
            match report
                .iter()
                .find(|(e, o, _)| e == entity && o == operation)
            {
                Some((_, _, count)) => cells.extend(count_cells(count)),
                None => cells.extend(std::iter::repeat_n(String::new(), 4)),
            }
        }
        push_row(&cells, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> String {
        let mut out = String::new();
        push_cell(text, &mut out);
        out
    }

    #[test]
    fn cells_are_quoted_and_neutralised() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("\rx"), "\"'\rx\"");
        assert_eq!(cell("=A1,B1"), "\"'=A1,B1\"");
        assert_eq!(cell(""), "");
    }
}
