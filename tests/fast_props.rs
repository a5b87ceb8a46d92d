//! Property tests of the fast scanner against the serde parser: random list
//! pages written in random but valid JSON styles (key order, whitespace,
//! escapes, a BOM) must be accepted, and give the value and the aggregation
//! the parser gives; the same pages with one hazard planted (`null`, an
//! unknown or repeated key, a number serde and `JSON.parse` read
//! differently, a lone surrogate, a wrong type, a missing required field,
//! invalid UTF-8, trailing text) must be declined, and the aggregator over
//! their bytes must still give exactly the parser's result or error.
#![cfg(not(target_arch = "wasm32"))]

mod fast_common;

use eiam_sync::analyze::{BucketSize, SummaryOptions};
use eiam_sync::model::{ListSynchronizationJobsResponse, MAX_SAFE_INTEGER};
use proptest::prelude::*;
use serde_json::{json, Value};

/// A JSON tree that can hold what `serde_json::Value` cannot: repeated
/// keys and raw bytes.
#[derive(Debug, Clone)]
enum Node {
    Object(Vec<(String, Node)>),
    Array(Vec<Node>),
    Text(String),
    Integer(u64),
    Raw(Vec<u8>),
}

fn node(value: &Value) -> Node {
    match value {
        Value::Object(map) => Node::Object(map.iter().map(|(k, v)| (k.clone(), node(v))).collect()),
        Value::Array(items) => Node::Array(items.iter().map(node).collect()),
        Value::String(text) => Node::Text(text.clone()),
        Value::Number(n) => Node::Integer(n.as_u64().expect("the model has non-negative integers")),
        other => Node::Raw(other.to_string().into_bytes()),
    }
}

/// xorshift64: the style choices of one rendering.
struct Style(u64);

impl Style {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn chance(&mut self, per_256: u64) -> bool {
        self.next() % 256 < per_256
    }
    fn space(&mut self, out: &mut Vec<u8>) {
        while self.chance(40) {
            out.push(b" \t\n\r"[(self.next() % 4) as usize]);
        }
    }
}

fn render_text(text: &str, style: &mut Style, out: &mut Vec<u8>) {
    out.push(b'"');
    for c in text.chars() {
        match c {
            '"' => out.extend_from_slice(b"\\\""),
            '\\' => out.extend_from_slice(b"\\\\"),
            '\n' if style.chance(128) => out.extend_from_slice(b"\\n"),
            c if (c as u32) < 0x20 || style.chance(20) => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.extend_from_slice(format!("\\u{unit:04x}").as_bytes());
                }
            }
            '/' if style.chance(128) => out.extend_from_slice(b"\\/"),
            c => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    out.push(b'"');
}

fn render(node: &Node, style: &mut Style, out: &mut Vec<u8>) {
    style.space(out);
    match node {
        Node::Object(members) => {
            let mut order: Vec<usize> = (0..members.len()).collect();
            if style.chance(64) {
                for i in (1..order.len()).rev() {
                    order.swap(i, (style.next() % (i as u64 + 1)) as usize);
                }
            }
            out.push(b'{');
            for (n, &i) in order.iter().enumerate() {
                if n > 0 {
                    out.push(b',');
                }
                let (key, value) = &members[i];
                style.space(out);
                out.push(b'"');
                out.extend_from_slice(key.as_bytes());
                out.push(b'"');
                style.space(out);
                out.push(b':');
                render(value, style, out);
            }
            style.space(out);
            out.push(b'}');
        }
        Node::Array(items) => {
            out.push(b'[');
            for (n, item) in items.iter().enumerate() {
                if n > 0 {
                    out.push(b',');
                }
                render(item, style, out);
            }
            style.space(out);
            out.push(b']');
        }
        Node::Text(text) => render_text(text, style, out),
        Node::Integer(n) => out.extend_from_slice(n.to_string().as_bytes()),
        Node::Raw(bytes) => out.extend_from_slice(bytes),
    }
    style.space(out);
}

/// What gets planted in a page (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hazard {
    None,
    Bom,
    Null,
    UnknownKey,
    RepeatedKey,
    OddNumber(&'static str),
    LoneSurrogate,
    WrongType,
    MissingId,
    InvalidUtf8,
    Trailing,
}

fn hazard() -> impl Strategy<Value = Hazard> {
    prop_oneof![
        6 => Just(Hazard::None),
        1 => Just(Hazard::Bom),
        1 => Just(Hazard::Null),
        1 => Just(Hazard::UnknownKey),
        1 => Just(Hazard::RepeatedKey),
        1 => prop::sample::select(vec!["-0", "1.0", "2e1", "01", "9007199254740992", "-3"])
            .prop_map(Hazard::OddNumber),
        1 => Just(Hazard::LoneSurrogate),
        1 => Just(Hazard::WrongType),
        1 => Just(Hazard::MissingId),
        1 => Just(Hazard::InvalidUtf8),
        1 => Just(Hazard::Trailing),
    ]
}

/// Calls `f` on every node, parents before children.
fn visit(node: &mut Node, f: &mut dyn FnMut(&mut Node)) {
    f(node);
    match node {
        Node::Object(members) => members.iter_mut().for_each(|(_, v)| visit(v, f)),
        Node::Array(items) => items.iter_mut().for_each(|v| visit(v, f)),
        _ => {}
    }
}

/// Whether `hazard` can be planted at `node`.
fn fits(hazard: Hazard, node: &Node) -> bool {
    match (hazard, node) {
        (Hazard::Null, Node::Integer(_) | Node::Text(_) | Node::Object(_)) => true,
        (Hazard::WrongType, Node::Integer(_) | Node::Text(_)) => true,
        (Hazard::UnknownKey | Hazard::RepeatedKey, Node::Object(m)) => !m.is_empty(),
        (Hazard::OddNumber(_), Node::Integer(_)) => true,
        (Hazard::LoneSurrogate | Hazard::InvalidUtf8, Node::Text(_)) => true,
        (Hazard::MissingId, Node::Object(m)) => m.iter().any(|(k, _)| k == "SynchronizationJobId"),
        _ => false,
    }
}

fn change(hazard: Hazard, node: &mut Node) {
    match (hazard, node) {
        (Hazard::Null, node) => *node = Node::Raw(b"null".to_vec()),
        (Hazard::WrongType, node @ Node::Integer(_)) => *node = Node::Text("1".into()),
        (Hazard::WrongType, node) => *node = Node::Integer(1),
        (Hazard::UnknownKey, Node::Object(m)) => m.push(("Unheard".into(), Node::Integer(1))),
        (Hazard::RepeatedKey, Node::Object(m)) => {
            let first = m[0].clone();
            m.push(first);
        }
        (Hazard::OddNumber(raw), node) => *node = Node::Raw(raw.as_bytes().to_vec()),
        (Hazard::LoneSurrogate, node) => *node = Node::Raw(br#""x\udc01""#.to_vec()),
        (Hazard::InvalidUtf8, node) => *node = Node::Raw(b"\"x\xC0\xAF\"".to_vec()),
        (Hazard::MissingId, Node::Object(m)) => m.retain(|(k, _)| k != "SynchronizationJobId"),
        _ => {}
    }
}

/// Plants `hazard` at one of the places it fits (`at` picks which); false
/// when it fits nowhere.
fn apply(root: &mut Node, hazard: Hazard, at: usize) -> bool {
    let mut count = 0;
    visit(root, &mut |node| count += usize::from(fits(hazard, node)));
    if count == 0 {
        return false;
    }
    let (target, mut index) = (at % count, 0);
    visit(root, &mut |node| {
        if fits(hazard, node) {
            if index == target {
                change(hazard, node);
            }
            index += 1;
        }
    });
    true
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec!["sync_a", "idp_1", "app_2", "sync_a\n", "é/ü", "🚀\"q\"\\", ""])
            .prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

fn count() -> impl Strategy<Value = Value> {
    prop_oneof![8 => (0u64..60).prop_map(Value::from), 1 => Just(Value::from(MAX_SAFE_INTEGER))]
}

fn statistics() -> impl Strategy<Value = Value> {
    let operation = prop::collection::btree_map(
        prop::sample::select(vec!["Total", "Success", "Failed", "Skipped"]),
        count(),
        0..4,
    );
    prop::collection::btree_map(
        prop::sample::select(vec![
            "Created", "Updated", "Binded", "Deleted", "Same", "Pushed", "Exported",
        ]),
        operation.prop_map(|m| json!(m)),
        0..7,
    )
    .prop_map(|m| json!(m))
}

fn job() -> impl Strategy<Value = Value> {
    let status = prop::sample::select(vec![
        "success",
        "failed",
        "partial_success",
        "running",
        "archived",
        "",
    ]);
    let enums = (
        prop::option::of(prop::sample::select(vec![
            "identity_provider",
            "application",
            "weird",
        ])),
        prop::option::of(prop::sample::select(vec!["ingress", "egress"])),
        prop::option::of(prop::sample::select(vec!["auto", "manual"])),
        prop::option::of(status),
    );
    let times = (
        prop::option::of(prop_oneof![0u64..10_000_000, Just(MAX_SAFE_INTEGER)]),
        prop::option::of(0u64..10_000_000),
    );
    let result = prop::option::of((
        prop::collection::btree_map(
            prop::sample::select(vec![
                "UserStatistics",
                "OrganizationalUnitStatistics",
                "GroupStatistics",
                "GroupMemberStatistics",
            ]),
            statistics(),
            0..4,
        ),
        prop::option::of(text()),
        prop::option::of(text()),
    ));
    (
        text(),
        prop::option::of(text()),
        enums,
        times,
        result,
        prop::option::of(text()),
    )
        .prop_map(
            |(
                id,
                target_id,
                (target_type, direction, trigger, status),
                (start, end),
                result,
                description,
            )| {
                let mut job = json!({ "SynchronizationJobId": id });
                let fields = [
                    ("TargetId", target_id.map(Value::from)),
                    ("TargetType", target_type.map(Value::from)),
                    ("Direction", direction.map(Value::from)),
                    ("TriggerType", trigger.map(Value::from)),
                    ("Status", status.map(Value::from)),
                    ("StartTime", start.map(Value::from)),
                    ("EndTime", end.map(Value::from)),
                    ("Description", description.map(Value::from)),
                    (
                        "Result",
                        result.map(|(stats, code, message)| {
                            let mut result = json!(stats);
                            if let Some(code) = code {
                                result["ErrorCode"] = code.into();
                            }
                            if let Some(message) = message {
                                result["ErrorMessage"] = message.into();
                            }
                            result
                        }),
                    ),
                ];
                for (key, value) in fields {
                    if let Some(value) = value {
                        job[key] = value;
                    }
                }
                job
            },
        )
}

fn page() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(job(), 0..6),
        prop::option::of(text()),
        prop::option::of(0u64..1000),
        prop::option::of(text()),
    )
        .prop_map(|(jobs, request_id, total, token)| {
            let mut page = json!({ "SynchronizationJobs": jobs });
            if let Some(r) = request_id {
                page["RequestId"] = r.into();
            }
            if let Some(t) = total {
                page["TotalCount"] = t.into();
            }
            if let Some(t) = token {
                page["NextToken"] = t.into();
            }
            page
        })
}

fn options() -> impl Strategy<Value = SummaryOptions> {
    (any::<bool>(), -1080i32..=1080, 0usize..4).prop_map(|(hourly, utc_offset_minutes, top_n)| {
        SummaryOptions {
            bucket: if hourly {
                BucketSize::Hour
            } else {
                BucketSize::Day
            },
            utc_offset_minutes,
            top_n,
        }
    })
}

/// `value` rendered in `style` with `hazard` planted near position `at`
/// (`trailing` is what a `Trailing` hazard appends); also whether the hazard
/// could be planted (a BOM or trailing text always can).
fn with_hazard(
    value: &Value,
    hazard: Hazard,
    at: usize,
    style: u64,
    trailing: &[u8],
) -> (Vec<u8>, bool) {
    let mut tree = node(value);
    let planted = match hazard {
        Hazard::None | Hazard::Bom | Hazard::Trailing => true,
        other => apply(&mut tree, other, at),
    };
    let mut body = Vec::new();
    if hazard == Hazard::Bom {
        body.extend_from_slice(b"\xEF\xBB\xBF");
    }
    render(&tree, &mut Style(style | 1), &mut body);
    if hazard == Hazard::Trailing {
        body.extend_from_slice(trailing);
    }
    (body, planted)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn clean_pages_are_accepted_and_planted_hazards_declined(
        page in page(),
        style in any::<u64>(),
        hazard in hazard(),
        at in 0usize..40,
        options in options(),
    ) {
        let (body, planted) = with_hazard(&page, hazard, at, style, b" 0");
        let accepted = fast_common::list(&body, options);
        match hazard {
            Hazard::None | Hazard::Bom => prop_assert!(accepted, "declined: {}", fast_common::lossy(&body)),
            _ if planted => prop_assert!(!accepted, "{hazard:?} accepted: {}", fast_common::lossy(&body)),
            _ => {}
        }
        if hazard == Hazard::None {
            // The parsed page, written by serde, is accepted too.
            let parsed: ListSynchronizationJobsResponse =
                eiam_sync::parse::list_synchronization_jobs(&body, fast_common::LENIENT).unwrap();
            prop_assert!(fast_common::list(&serde_json::to_vec(&parsed).unwrap(), options));
        }
    }

    #[test]
    fn single_jobs_are_accepted_clean_and_declined_with_a_hazard(
        job in job(),
        style in any::<u64>(),
        hazard in hazard(),
        at in 0usize..20,
    ) {
        let response = json!({ "RequestId": "r", "SynchronizationJob": job });
        let (body, planted) = with_hazard(&response, hazard, at, style, b"{}");
        let accepted = fast_common::get(&body);
        match hazard {
            Hazard::None | Hazard::Bom => prop_assert!(accepted, "declined: {}", fast_common::lossy(&body)),
            _ if planted => prop_assert!(!accepted, "{hazard:?} accepted: {}", fast_common::lossy(&body)),
            _ => {}
        }
    }
}
