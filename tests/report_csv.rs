//! `jobs_to_csv`: RFC 4180 output, the long and wide layouts, the BOM and
//! formula neutralisation, with the expected text written out by hand.

mod report_support;

use eiam_sync::model::SynchronizationJob;
use eiam_sync::report::{jobs_to_csv, CsvLayout, CsvOptions, JOB_COLUMNS, LONG_COLUMNS};
use report_support::{job, seed_job, HOSTILE_JOB};

const HEADER_LONG: &str = "SynchronizationJobId,Description,TargetType,TargetId,Direction,TriggerType,Status,Outcome,StartTime,EndTime,DurationMs,ErrorCode,ErrorMessage,Entity,Operation,Total,Success,Failed,Skipped\r\n";

fn jobs(json: &[&str]) -> Vec<SynchronizationJob> {
    json.iter().map(|j| job(j)).collect()
}

/// Splits RFC 4180 text into records of fields (a test-side reader).
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "a record ends with CRLF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the text ends with CRLF"
    );
    records
}

#[test]
fn the_long_layout_has_one_row_per_reported_count() {
    let csv = jobs_to_csv(&jobs(&[HOSTILE_JOB]), &CsvOptions::default());
    let expected = String::from(HEADER_LONG)
        + "sync_<img src=x onerror=alert(1)>,javascript:alert(3),identity_provider,"
        + "\"idp_\"\"><script>alert(2)</script>\",ingress,manual,failed,failed,"
        + "2026-01-01T00:00:00.000Z,2026-01-01T00:01:02.500Z,62500,"
        + "\"'=HYPERLINK(\"\"http://evil\"\")\","
        + "\"<img src=x onerror=alert(4)> & 'single' \"\"double\"\"\","
        + "users,created,2,1,1,\r\n";
    assert_eq!(csv, expected);
    // The header has the documented columns.
    assert_eq!(JOB_COLUMNS.len() + LONG_COLUMNS.len(), 19);
}

#[test]
fn a_job_without_statistics_keeps_one_row() {
    let csv = jobs_to_csv(
        &jobs(&[r#"{"SynchronizationJobId":"s"}"#]),
        &CsvOptions::default(),
    );
    assert_eq!(csv, format!("{HEADER_LONG}s,,,,,,,unknown,,,,,,,,,,,\r\n"));
}

#[test]
fn the_seed_gives_one_row_per_entity_and_operation() {
    let records = read_csv(&jobs_to_csv(&[seed_job()], &CsvOptions::default()));
    // Users: 7 operations; organizational units, groups, members: 6 each.
    assert_eq!(records.len(), 1 + 7 + 6 + 6 + 6);
    assert!(records.iter().all(|r| r.len() == 19));
    assert_eq!(
        records[1][0],
        "sync_0000347vjovtcf41li0fgsd98gn24q9njxxxxx\n"
    );
    assert_eq!(records[7][13..], ["users", "exported", "5", "2", "2", "1"]);
    assert_eq!(
        records[25][13..],
        ["groupMembers", "pushed", "3", "1", "1", "1"]
    );
}

#[test]
fn the_wide_layout_has_columns_for_the_pairs_present() {
    let input = jobs(&[
        r#"{"SynchronizationJobId":"a","Result":{"GroupStatistics":{"Deleted":{"Total":4,"Failed":1}}}}"#,
        r#"{"SynchronizationJobId":"b","Result":{"UserStatistics":{"Created":{"Total":1,"Success":1}}}}"#,
        r#"{"SynchronizationJobId":"c"}"#,
    ]);
    let options = CsvOptions {
        layout: CsvLayout::Wide,
        bom: false,
    };
    let csv = jobs_to_csv(&input, &options);
    let job_header = JOB_COLUMNS.join(",");
    let expected = format!(
        "{job_header},users.created.total,users.created.success,users.created.failed,users.created.skipped,\
         groups.deleted.total,groups.deleted.success,groups.deleted.failed,groups.deleted.skipped\r\n\
         a,,,,,,,unknown,,,,,,,,,,4,,1,\r\n\
         b,,,,,,,unknown,,,,,,1,1,,,,,,\r\n\
         c,,,,,,,unknown,,,,,,,,,,,,,\r\n"
    );
    assert_eq!(csv, expected);
}

#[test]
fn a_bom_is_added_only_on_request() {
    let input = jobs(&[r#"{"SynchronizationJobId":"s"}"#]);
    let with = jobs_to_csv(
        &input,
        &CsvOptions {
            bom: true,
            ..CsvOptions::default()
        },
    );
    assert!(with.starts_with("\u{feff}SynchronizationJobId,"));
    assert_eq!(&with.as_bytes()[..3], b"\xEF\xBB\xBF");
    assert!(!jobs_to_csv(&input, &CsvOptions::default()).starts_with('\u{feff}'));
    let wide = jobs_to_csv(
        &input,
        &CsvOptions {
            bom: true,
            layout: CsvLayout::Wide,
        },
    );
    assert!(wide.starts_with("\u{feff}SynchronizationJobId,"));
}

#[test]
fn every_formula_trigger_is_neutralised_in_every_column() {
    for trigger in ["=", "+", "-", "@", "\t", "\r"] {
        let value = format!("{trigger}cmd|' /C calc'!A0");
        let json = format!(
            r#"{{"SynchronizationJobId":{0},"Description":{0},"TargetId":{0},"Status":{0},"Result":{{"ErrorCode":{0},"ErrorMessage":{0}}}}}"#,
            serde_json::to_string(&value).unwrap()
        );
        let records = read_csv(&jobs_to_csv(&jobs(&[&json]), &CsvOptions::default()));
        let row = &records[1];
        for index in [0, 1, 3, 6, 11, 12] {
            assert_eq!(
                row[index],
                format!("'{value}"),
                "column {} for {trigger:?}",
                JOB_COLUMNS[index]
            );
        }
    }
    // Only leading characters count.
    let records = read_csv(&jobs_to_csv(
        &jobs(&[r#"{"SynchronizationJobId":"a=b-c"}"#]),
        &CsvOptions::default(),
    ));
    assert_eq!(records[1][0], "a=b-c");
}

#[test]
fn fields_with_commas_quotes_and_line_breaks_round_trip() {
    let value = "a,b \"c\"\nd\r\ne";
    let json = format!(
        r#"{{"SynchronizationJobId":{}}}"#,
        serde_json::to_string(value).unwrap()
    );
    let csv = jobs_to_csv(&jobs(&[&json]), &CsvOptions::default());
    assert!(csv.contains("\"a,b \"\"c\"\"\nd\r\ne\""));
    assert_eq!(read_csv(&csv)[1][0], value);
}
