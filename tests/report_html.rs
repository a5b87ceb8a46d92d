//! The job report: its tree, its HTML string, escaping, labels and locales.
//! Expected values are worked out by hand from the inputs.

mod report_support;

use eiam_sync::report::{
    job_report, job_report_html, labels_markdown_table, LabelKey, LabelOverrides, Labels,
    UtcFormatter,
};
use eiam_sync::validate::Locale;
use report_support::{job, parse_xml, seed_job, XmlElement, HOSTILE_JOB};
use std::collections::BTreeMap;

fn english() -> Labels {
    Labels::default()
}

fn html(json: &str) -> String {
    job_report_html(&job(json), &english(), &UtcFormatter)
}

/// The `<dd>` of the summary field `name`.
fn field<'a>(root: &'a XmlElement, name: &str) -> &'a XmlElement {
    let div = root
        .find_all("div")
        .into_iter()
        .find(|d| d.attribute("data-field") == Some(name))
        .unwrap_or_else(|| panic!("no field {name}"));
    div.find_all("dd")[0]
}

#[test]
fn hostile_strings_are_escaped_and_read_back_literally() {
    let markup = html(HOSTILE_JOB);
    // No markup from the data: every `<` of the data is escaped.
    assert!(!markup.contains("<img"), "{markup}");
    assert!(!markup.contains("<script"), "{markup}");
    assert!(markup.contains("sync_&lt;img src=x onerror=alert(1)&gt;"));
    assert!(markup.contains("idp_&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
    assert!(markup
        .contains("&lt;img src=x onerror=alert(4)&gt; &amp; &#39;single&#39; &quot;double&quot;"));
    // `javascript:` is harmless as text, and never reaches an attribute.
    assert!(markup.contains(">javascript:alert(3)</dd>"));
    assert!(!markup.contains("href"));

    let root = parse_xml(&markup).expect("well-formed");
    assert_eq!(
        root.find_all("h2")[0].text(),
        "Synchronization job sync_<img src=x onerror=alert(1)>"
    );
    assert_eq!(
        field(&root, "target").text(),
        "idp_\"><script>alert(2)</script>"
    );
    assert_eq!(field(&root, "description").text(), "javascript:alert(3)");
    let error = root
        .find_all("dd")
        .into_iter()
        .find(|d| d.attribute("class") == Some("eiam-report-error-message"))
        .expect("error message");
    assert_eq!(
        error.text(),
        "<img src=x onerror=alert(4)> & 'single' \"double\""
    );
    let code = root
        .find_all("dd")
        .into_iter()
        .find(|d| d.attribute("class") == Some("eiam-report-error-code"))
        .expect("error code");
    assert_eq!(code.text(), "=HYPERLINK(\"http://evil\")");
}

#[test]
fn hostile_enum_values_are_text_and_escaped_attribute_values() {
    let markup = html(
        r#"{"SynchronizationJobId":"s","Status":"\"><img src=x onerror=alert(5)>","Direction":"<b>in</b>"}"#,
    );
    let root = parse_xml(&markup).expect("well-formed");
    let status = field(&root, "status");
    assert_eq!(
        status.attribute("data-status"),
        Some("\"><img src=x onerror=alert(5)>")
    );
    assert_eq!(status.text(), "\"><img src=x onerror=alert(5)>");
    assert_eq!(field(&root, "direction").text(), "<b>in</b>");
    assert!(markup.contains("data-status=\"&quot;&gt;&lt;img src=x onerror=alert(5)&gt;\""));
}

#[test]
fn the_summary_shows_every_field_with_labels_and_formatted_values() {
    let root = parse_xml(&html(HOSTILE_JOB)).expect("well-formed");
    assert_eq!(root.name, "section");
    assert_eq!(root.attribute("class"), Some("eiam-report"));
    assert_eq!(root.attribute("lang"), Some("en"));
    assert_eq!(root.attribute("data-outcome"), Some("failed"));
    let names: Vec<String> = root.find_all("dt").iter().map(|d| d.text()).collect();
    assert_eq!(
        names,
        [
            "Status",
            "Target type",
            "Target",
            "Direction",
            "Trigger",
            "Started",
            "Duration",
            "Outcome",
            "Description",
            "Error code",
            "Error message"
        ]
    );
    assert_eq!(field(&root, "status").text(), "Failed");
    assert_eq!(
        field(&root, "status").attribute("data-status"),
        Some("failed")
    );
    assert_eq!(field(&root, "targetType").text(), "Identity provider");
    assert_eq!(field(&root, "direction").text(), "Inbound");
    assert_eq!(field(&root, "trigger").text(), "Manual");
    // 1767225600000 ms is 2026-01-01T00:00:00Z; 62 500 ms is 1 min 2 s (ms dropped).
    assert_eq!(field(&root, "start").text(), "2026-01-01 00:00:00 UTC");
    let time = root.find_all("time")[0];
    assert_eq!(time.attribute("datetime"), Some("2026-01-01T00:00:00.000Z"));
    assert_eq!(field(&root, "duration").text(), "1 min 2 s");
    assert_eq!(field(&root, "outcome").text(), "Failed");
}

#[test]
fn tables_have_captions_scoped_headers_and_the_seed_counts() {
    let root = parse_xml(&job_report_html(&seed_job(), &english(), &UtcFormatter)).unwrap();
    let tables = root.find_all("table");
    let entities: Vec<&str> = tables
        .iter()
        .filter_map(|t| t.attribute("data-entity"))
        .collect();
    assert_eq!(
        entities,
        ["users", "organizationalUnits", "groups", "groupMembers"]
    );
    let users = tables[0];
    assert_eq!(users.find_all("caption")[0].text(), "Users by operation");
    let headers: Vec<(Option<&str>, String)> = users
        .find_all("th")
        .iter()
        .map(|th| (th.attribute("scope"), th.text()))
        .collect();
    assert_eq!(
        headers[..5]
            .iter()
            .map(|h| h.1.as_str())
            .collect::<Vec<_>>(),
        ["Operation", "Total", "Succeeded", "Failed", "Skipped"]
    );
    assert!(headers[..5].iter().all(|h| h.0 == Some("col")));
    assert!(headers[5..].iter().all(|h| h.0 == Some("row")));
    // Seed 002: users have six operations at 3/1/1/1 and Exported 5/2/2/1.
    let rows = users.find_all("tr");
    let cells = |row: &XmlElement| -> Vec<String> {
        row.children
            .iter()
            .map(|c| match c {
                report_support::XmlNode::Element(e) => e.text(),
                report_support::XmlNode::Text(t) => t.clone(),
            })
            .collect()
    };
    assert_eq!(cells(rows[1]), ["Created", "3", "1", "1", "1"]);
    assert_eq!(cells(rows[7]), ["Exported", "5", "2", "2", "1"]);
    // The footer sums them: 6×3+5, 6×1+2, 6×1+2, 6×1+1.
    assert_eq!(cells(rows[8]), ["All operations", "23", "8", "8", "7"]);
    // Organizational units have no Exported row.
    assert_eq!(tables[1].find_all("tr").len(), 1 + 6 + 1);
}

#[test]
fn absent_values_and_missing_statistics_are_marked() {
    let markup = html(
        r#"{"SynchronizationJobId":"s","Result":{"GroupStatistics":{"Deleted":{"Total":4}}}}"#,
    );
    let root = parse_xml(&markup).unwrap();
    for name in [
        "status",
        "targetType",
        "target",
        "direction",
        "trigger",
        "start",
        "duration",
    ] {
        let dd = field(&root, name);
        assert_eq!(dd.text(), "—", "{name}");
        assert!(
            dd.attribute("class")
                .unwrap_or("")
                .contains("eiam-report-absent"),
            "{name}"
        );
    }
    assert_eq!(field(&root, "outcome").text(), "Unknown");
    let tables = root.find_all("table");
    assert_eq!(tables.len(), 1);
    let cells: Vec<String> = tables[0].find_all("td").iter().map(|t| t.text()).collect();
    // Deleted: Total 4, the rest absent; the footer counts absent as 0.
    assert_eq!(cells, ["4", "—", "—", "—", "4", "0", "0", "0"]);
    assert!(!markup.contains("eiam-report-error"));

    let bare = html(r#"{"SynchronizationJobId":"s"}"#);
    assert!(bare.contains("<p class=\"eiam-report-empty\">No statistics reported.</p>"));
    assert!(!bare.contains("<table"));
}

#[test]
fn unknown_enum_values_are_shown_verbatim() {
    let root = parse_xml(&html(
        r#"{"SynchronizationJobId":"s","Status":"archived","TargetType":"robot","TriggerType":"api"}"#,
    ))
    .unwrap();
    assert_eq!(field(&root, "status").text(), "archived");
    assert_eq!(field(&root, "targetType").text(), "robot");
    assert_eq!(field(&root, "trigger").text(), "api");
}

#[test]
fn locales_translate_labels_and_set_lang() {
    let zh = Labels::new(Locale::ZhCn, LabelOverrides::default());
    let root = parse_xml(&job_report_html(&job(HOSTILE_JOB), &zh, &UtcFormatter)).unwrap();
    assert_eq!(root.attribute("lang"), Some("zh-CN"));
    assert_eq!(field(&root, "status").text(), "失败");
    assert_eq!(root.find_all("caption")[0].text(), "账户（按操作）");
    assert_eq!(
        root.find_all("h2")[0].text(),
        "同步任务 sync_<img src=x onerror=alert(1)>"
    );

    let id = Labels::new(Locale::Id, LabelOverrides::default());
    let root = parse_xml(&job_report_html(&job(HOSTILE_JOB), &id, &UtcFormatter)).unwrap();
    assert_eq!(root.attribute("lang"), Some("id"));
    assert_eq!(field(&root, "direction").text(), "Masuk");
    assert_eq!(root.find_all("h3")[0].text(), "Item");
}

#[test]
fn overridden_labels_replace_defaults_and_are_escaped() {
    let mut map = BTreeMap::new();
    map.insert(LabelKey::StatusFailed, "<i>Broken</i>".to_owned());
    map.insert(LabelKey::ReportTitle, "Job «{jobId}» {unknown}".to_owned());
    let labels = Labels::new(Locale::Id, LabelOverrides(map));
    let markup = job_report_html(&job(HOSTILE_JOB), &labels, &UtcFormatter);
    let root = parse_xml(&markup).unwrap();
    assert_eq!(field(&root, "status").text(), "<i>Broken</i>");
    assert!(markup.contains("&lt;i&gt;Broken&lt;/i&gt;"));
    assert_eq!(
        root.find_all("h2")[0].text(),
        "Job «sync_<img src=x onerror=alert(1)>» {unknown}"
    );
    // Other labels keep the locale's defaults.
    assert_eq!(field(&root, "trigger").text(), "Manual");
    assert_eq!(root.find_all("dt")[0].text(), "Status");
}

#[test]
fn the_tree_and_the_html_string_carry_the_same_text() {
    let job = job(HOSTILE_JOB);
    let tree = job_report(&job, &english(), &UtcFormatter);
    let parsed = parse_xml(&job_report_html(&job, &english(), &UtcFormatter)).unwrap();
    assert_eq!(
        eiam_sync::report::node::Node::from(tree).text_content(),
        parsed.text()
    );
}

#[test]
fn control_characters_in_data_become_replacement_characters() {
    let markup = html("{\"SynchronizationJobId\":\"a\\u0001b\",\"Description\":\"x\\u0000y\\ny\"}");
    let root = parse_xml(&markup).expect("still well-formed XML");
    assert_eq!(field(&root, "description").text(), "x\u{fffd}y\ny");
}

#[test]
fn readme_has_the_label_table_exactly() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = labels_markdown_table();
    assert!(
        readme.contains(&table),
        "README.md must contain the label table of src/report/labels/table.rs exactly; paste this:\n{table}"
    );
}
