//! Hostile input: every failure is a `ParseError` with the right code and path,
//! never a panic. Expectations are written by hand from the inputs.

use eiam_sync::parse::{self, ParseError, ParseErrorCode, ParseOptions, MAX_INPUT_BYTES};
use serde_json::Value;

const LENIENT: ParseOptions = ParseOptions { strict: false };
const SEEDS: [&str; 5] = [
    "000_a37390e649ee0c38",
    "001_f0a481d175445d75",
    "002_d4e6738e55fed7fe",
    "003_d72d94bc1cfa3e23",
    "004_e3c034491c40503c",
];

fn seed(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/seeds/{name}.example.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(path).unwrap()
}

/// The parser of the operation a seed belongs to, discarding the value.
fn parser_for(name: &str) -> fn(&[u8], ParseOptions) -> Result<(), ParseError> {
    match &name[..3] {
        "000" | "001" => |b, o| parse::get_synchronization_job(b, o).map(drop),
        "002" => |b, o| parse::list_synchronization_jobs(b, o).map(drop),
        "003" => |b, o| parse::get_identity_provider_ud_push_configuration(b, o).map(drop),
        _ => |b, o| parse::get_identity_provider_ud_pull_configuration(b, o).map(drop),
    }
}

fn list_error(body: &str) -> ParseError {
    parse::list_synchronization_jobs(body.as_bytes(), LENIENT).unwrap_err()
}

fn assert_error(error: &ParseError, code: ParseErrorCode, path: &str) {
    assert_eq!(
        (error.code, error.path.as_str()),
        (code, path),
        "{}",
        error.message
    );
    assert!(error.message.contains(code.as_str()), "{}", error.message);
}

#[test]
fn empty_and_blank_input_end_early() {
    for body in ["", "   ", "\n\n"] {
        assert_error(&list_error(body), ParseErrorCode::Eof, "");
    }
    assert_eq!(list_error("").line, Some(1));
    assert_eq!(list_error("").column, Some(1));
}

#[test]
fn null_and_scalars_at_the_root_are_type_errors() {
    for body in [
        "null",
        "5",
        "\"x\"",
        "true",
        "[]",
        "[{\"SynchronizationJobs\":[]}]",
    ] {
        assert_error(&list_error(body), ParseErrorCode::Type, "");
    }
}

#[test]
fn every_truncation_of_every_seed_is_eof_or_syntax() {
    for name in SEEDS {
        let bytes = seed(name);
        let parse = parser_for(name);
        for cut in 0..bytes.len() {
            let prefix = &bytes[..cut];
            // A cut can leave a complete value only when nothing but
            // whitespace was cut off.
            if prefix.iter().rev().find(|b| !b.is_ascii_whitespace()) == Some(&b'}')
                && bytes[cut..].iter().all(u8::is_ascii_whitespace)
            {
                continue;
            }
            let error = parse(prefix, LENIENT).unwrap_err();
            assert!(
                matches!(error.code, ParseErrorCode::Eof | ParseErrorCode::Syntax),
                "{name} cut at {cut}: {}",
                error.message
            );
        }
    }
}

/// Every value in a JSON tree with its path in the parse error grammar.
fn walk(value: &Value, path: String, out: &mut Vec<(String, Value)>) {
    out.push((path.clone(), value.clone()));
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let child_path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                walk(child, child_path, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                walk(child, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// A copy of `root` with the value at `path` replaced.
fn replace(root: &Value, path: &str, replacement: &Value) -> Value {
    let mut copy = root.clone();
    let pointer = to_pointer(path);
    *copy.pointer_mut(&pointer).unwrap() = replacement.clone();
    copy
}

fn to_pointer(path: &str) -> String {
    let mut pointer = String::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, indexes) = part
            .split_once('[')
            .map_or((part, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            pointer.push('/');
            pointer.push_str(key);
        }
        for index in indexes.split('[').filter(|s| !s.is_empty()) {
            pointer.push('/');
            pointer.push_str(index.trim_end_matches(']'));
        }
    }
    pointer
}

/// A value of another JSON type than `value`, never null.
fn other_types(value: &Value) -> Vec<Value> {
    let all = [
        Value::Bool(true),
        Value::from(7),
        Value::from("text"),
        Value::Array(vec![]),
        serde_json::json!({}),
    ];
    all.into_iter()
        .filter(|candidate| std::mem::discriminant(candidate) != std::mem::discriminant(value))
        .collect()
}

/// Whether a replacement of another type at `path` is still valid:
/// `PeriodicSyncTimes` is an integer or an array, its items integers or
/// numeric strings.
fn accepted_anyway(path: &str, replacement: &Value) -> bool {
    let is_hours = path.ends_with("PeriodicSyncTimes");
    let is_hour_item = path.contains("PeriodicSyncTimes[");
    (is_hours && (replacement.is_number() || replacement.is_array()))
        || (is_hour_item && replacement.is_number())
}

#[test]
fn a_wrong_type_at_every_level_is_reported_at_its_path() {
    let mut checked = 0;
    for name in SEEDS {
        let root: Value = serde_json::from_slice(&seed(name)).unwrap();
        let parse = parser_for(name);
        let mut values = Vec::new();
        walk(&root, String::new(), &mut values);
        for (path, value) in values.iter().filter(|(p, _)| !p.is_empty()) {
            for replacement in other_types(value) {
                let mutated = serde_json::to_vec(&replace(&root, path, &replacement)).unwrap();
                let result = parse(&mutated, LENIENT);
                if accepted_anyway(path, &replacement) {
                    assert!(result.is_ok(), "{name}: {path} = {replacement} refused");
                    continue;
                }
                let error = result.expect_err(&format!("{name}: {path} = {replacement} parsed"));
                assert_error(&error, ParseErrorCode::Type, path);
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "only {checked} mutations checked");
}

#[test]
fn null_is_absent_except_where_a_field_is_required() {
    for name in SEEDS {
        let root: Value = serde_json::from_slice(&seed(name)).unwrap();
        let parse = parser_for(name);
        let mut values = Vec::new();
        walk(&root, String::new(), &mut values);
        for (path, _) in values.iter().filter(|(p, _)| !p.is_empty()) {
            let mutated = serde_json::to_vec(&replace(&root, path, &Value::Null)).unwrap();
            let required = matches!(
                path.as_str(),
                "SynchronizationJob"
                    | "SynchronizationJobs"
                    | "UdPushConfiguration"
                    | "UdPullConfiguration"
            ) || path.ends_with("SynchronizationJobId");
            let in_array = path.ends_with(']');
            match parse(&mutated, LENIENT) {
                Ok(()) => assert!(!required && !in_array, "{name}: {path} = null parsed"),
                Err(error) if required => assert_error(&error, ParseErrorCode::MissingField, path),
                Err(error) => {
                    assert!(in_array, "{name}: {path} = null: {}", error.message);
                    assert_error(&error, ParseErrorCode::Type, path);
                }
            }
        }
    }
}

#[test]
fn missing_required_fields_name_the_missing_key() {
    assert_error(
        &list_error("{}"),
        ParseErrorCode::MissingField,
        "SynchronizationJobs",
    );
    assert_error(
        &list_error(
            r#"{"SynchronizationJobs":[{"SynchronizationJobId":"sync_a"},{"Status":"running"}]}"#,
        ),
        ParseErrorCode::MissingField,
        "SynchronizationJobs[1].SynchronizationJobId",
    );
    let error = parse::get_synchronization_job(b"{\"RequestId\":\"r\"}", LENIENT).unwrap_err();
    assert_error(&error, ParseErrorCode::MissingField, "SynchronizationJob");
    let error = parse::get_identity_provider_ud_push_configuration(b"{}", LENIENT).unwrap_err();
    assert_error(&error, ParseErrorCode::MissingField, "UdPushConfiguration");
    let error = parse::get_identity_provider_ud_pull_configuration(
        b"{\"UdPullConfiguration\":null}",
        LENIENT,
    )
    .unwrap_err();
    assert_error(&error, ParseErrorCode::MissingField, "UdPullConfiguration");
}

fn job_with(field: &str, value: &str) -> String {
    format!(r#"{{"SynchronizationJobs":[{{"SynchronizationJobId":"sync_a","{field}":{value}}}]}}"#)
}

fn count_with(value: &str) -> String {
    format!(
        r#"{{"SynchronizationJobs":[{{"SynchronizationJobId":"sync_a","Result":{{"GroupStatistics":{{"Deleted":{{"Failed":{value}}}}}}}}}]}}"#
    )
}

#[test]
fn integers_beyond_two_to_the_53_are_out_of_range() {
    const COUNT: &str = "SynchronizationJobs[0].Result.GroupStatistics.Deleted.Failed";
    for value in [
        "9007199254740992",
        "9007199254740993",
        "18446744073709551615",
        "18446744073709551616",
        "1e300",
    ] {
        assert_error(
            &list_error(&count_with(value)),
            ParseErrorCode::NumberOutOfRange,
            COUNT,
        );
        assert_error(
            &list_error(&job_with("StartTime", value)),
            ParseErrorCode::NumberOutOfRange,
            "SynchronizationJobs[0].StartTime",
        );
    }
    assert_error(
        &list_error(r#"{"TotalCount":9007199254740993,"SynchronizationJobs":[]}"#),
        ParseErrorCode::NumberOutOfRange,
        "TotalCount",
    );
    // The largest safe integer itself is fine.
    let ok = parse::list_synchronization_jobs(count_with("9007199254740991").as_bytes(), LENIENT)
        .unwrap();
    let job = &ok.synchronization_jobs[0];
    let failed = job
        .result
        .as_ref()
        .unwrap()
        .group_statistics
        .as_ref()
        .unwrap()
        .deleted
        .as_ref()
        .unwrap()
        .failed;
    assert_eq!(failed, Some(9_007_199_254_740_991));
}

#[test]
fn numbers_too_large_for_a_float_are_out_of_range_too() {
    assert_error(
        &list_error(&job_with("StartTime", "1e400")),
        ParseErrorCode::NumberOutOfRange,
        "SynchronizationJobs[0].StartTime",
    );
}

#[test]
fn a_cut_inside_a_key_points_at_the_enclosing_object() {
    assert_error(
        &list_error(r#"{"SynchronizationJobs":[],}"#),
        ParseErrorCode::Syntax,
        "",
    );
    assert_error(
        &list_error(r#"{"SynchronizationJobs":[{"SynchronizationJobId":"a","#),
        ParseErrorCode::Eof,
        "SynchronizationJobs[0]",
    );
}

#[test]
fn escapes_of_lone_surrogates_are_encoding_errors() {
    // JSON.stringify writes a lone surrogate of a JS string this way.
    for escape in [
        r#""\ud800""#,
        r#""\ud800x""#,
        r#""\ud800\u0041""#,
        r#""\udc00""#,
    ] {
        assert_error(
            &list_error(&job_with("Description", escape)),
            ParseErrorCode::Encoding,
            "SynchronizationJobs[0].Description",
        );
    }
}

#[test]
fn negative_and_fractional_counts_are_type_errors() {
    const COUNT: &str = "SynchronizationJobs[0].Result.GroupStatistics.Deleted.Failed";
    for value in ["-1", "1.5", "-0.5", "\"3\"", "true"] {
        assert_error(&list_error(&count_with(value)), ParseErrorCode::Type, COUNT);
    }
    assert_error(
        &list_error(&job_with("EndTime", "-1649830226000")),
        ParseErrorCode::Type,
        "SynchronizationJobs[0].EndTime",
    );
    // Whole numbers written with a fraction or exponent are still integers.
    assert!(parse::list_synchronization_jobs(count_with("3.0").as_bytes(), LENIENT).is_ok());
    assert!(parse::list_synchronization_jobs(count_with("1e3").as_bytes(), LENIENT).is_ok());
    // Thresholds may be negative at parse time; validation reports them.
    let body = br#"{"UdPullConfiguration":{"PullProtectedRule":{"UserDeletedThreshold":-5}}}"#;
    let config = parse::get_identity_provider_ud_pull_configuration(body, LENIENT).unwrap();
    assert_eq!(
        config
            .ud_pull_configuration
            .pull_protected_rule
            .unwrap()
            .user_deleted_threshold,
        Some(-5)
    );
}

#[test]
fn invalid_utf8_is_an_encoding_error_with_its_position() {
    let mut body = br#"{"SynchronizationJobs":[{"SynchronizationJobId":"sync_"#.to_vec();
    body.extend_from_slice(&[0xFF, 0xFE]);
    body.extend_from_slice(br#""}]}"#);
    let error = parse::list_synchronization_jobs(&body, LENIENT).unwrap_err();
    assert_error(&error, ParseErrorCode::Encoding, "");
    assert_eq!((error.line, error.column), (Some(1), Some(55)));
    // A truncated multi-byte character too.
    let error = parse::list_synchronization_jobs(&[b'{', b'\n', 0xE4, 0xB8], LENIENT).unwrap_err();
    assert_eq!(
        (error.code, error.line, error.column),
        (ParseErrorCode::Encoding, Some(2), Some(1))
    );
}

#[test]
fn a_utf8_bom_is_accepted() {
    let mut body = b"\xEF\xBB\xBF".to_vec();
    body.extend_from_slice(&seed("002_d4e6738e55fed7fe"));
    assert_eq!(
        parse::list_synchronization_jobs(&body, LENIENT)
            .unwrap()
            .total_count,
        Some(100)
    );
}

#[test]
fn deep_nesting_is_too_deep_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(1000), "]".repeat(1000));
    let body = format!(r#"{{"Extra":{deep},"SynchronizationJobs":[]}}"#);
    // The path leads to the first value one level too deep: "Extra" is
    // level 2 (inside the root object), so 127 more arrays fit.
    let expected = format!("Extra{}", "[0]".repeat(127));
    let error = list_error(&body);
    assert_error(&error, ParseErrorCode::TooDeep, &expected);
    assert_eq!((error.line, error.column), (Some(1), Some(137)));
    let deep_objects = format!("{}1{}", r#"{"a":"#.repeat(1000), "}".repeat(1000));
    let body = format!(r#"{{"SynchronizationJobs":[],"Extra":{deep_objects}}}"#);
    assert_error(
        &list_error(&body),
        ParseErrorCode::TooDeep,
        &format!("Extra{}", ".a".repeat(127)),
    );
    // At the root and at typed positions alike.
    assert_error(
        &list_error(&deep),
        ParseErrorCode::TooDeep,
        &"[0]".repeat(128),
    );
    let body = format!(r#"{{"SynchronizationJobs":{deep}}}"#);
    assert_error(
        &list_error(&body),
        ParseErrorCode::TooDeep,
        &format!("SynchronizationJobs{}", "[0]".repeat(127)),
    );
}

#[test]
fn a_ten_megabyte_string_parses_and_oversized_input_is_refused() {
    let description = "d".repeat(10 * 1024 * 1024);
    let body = job_with("Description", &format!("\"{description}\""));
    let parsed = parse::list_synchronization_jobs(body.as_bytes(), LENIENT).unwrap();
    assert_eq!(
        parsed.synchronization_jobs[0]
            .description
            .as_ref()
            .map(String::len),
        Some(description.len())
    );

    let mut huge = vec![b' '; MAX_INPUT_BYTES + 1];
    huge[..2].copy_from_slice(b"{}");
    let error = parse::list_synchronization_jobs(&huge, LENIENT).unwrap_err();
    assert_error(&error, ParseErrorCode::TooLarge, "");
    assert_eq!(error.line, None);
}

#[test]
fn duplicate_known_keys_are_refused() {
    assert_error(
        &list_error(r#"{"SynchronizationJobs":[],"SynchronizationJobs":[]}"#),
        ParseErrorCode::DuplicateKey,
        "SynchronizationJobs",
    );
    assert_error(
        &list_error(&job_with("Status", r#""failed","Status":"success""#)),
        ParseErrorCode::DuplicateKey,
        "SynchronizationJobs[0].Status",
    );
    // Unknown keys are ignored, duplicated or not.
    assert!(parse::list_synchronization_jobs(
        br#"{"X":1,"X":2,"SynchronizationJobs":[]}"#,
        LENIENT
    )
    .is_ok());
}

#[test]
fn strict_mode_rejects_unknown_enum_values_and_nothing_else() {
    let body = job_with("Status", "\"archived\"");
    let lenient = parse::list_synchronization_jobs(body.as_bytes(), LENIENT).unwrap();
    assert_eq!(
        lenient.synchronization_jobs[0]
            .status
            .as_ref()
            .map(|s| s.as_str()),
        Some("archived")
    );
    let error = parse::list_synchronization_jobs(body.as_bytes(), ParseOptions { strict: true })
        .unwrap_err();
    assert_error(
        &error,
        ParseErrorCode::UnknownValue,
        "SynchronizationJobs[0].Status",
    );
    assert!(error.message.contains("archived"));
    // Unknown fields stay fine in strict mode.
    let body = job_with("Brand-new", "{\"x\":[1,2]}");
    assert!(
        parse::list_synchronization_jobs(body.as_bytes(), ParseOptions { strict: true }).is_ok()
    );
    // Strictness does not leak into the next lenient parse on the same thread.
    let body = job_with("Direction", "\"sideways\"");
    assert!(parse::list_synchronization_jobs(body.as_bytes(), LENIENT).is_ok());
}

#[test]
fn syntax_errors_carry_line_and_character_column() {
    let error = list_error(
        "{\n  \"SynchronizationJobs\": [\n    {\"SynchronizationJobId\": \"é\" \"x\"}\n  ]\n}",
    );
    assert_eq!(error.code, ParseErrorCode::Syntax);
    assert_eq!(error.line, Some(3));
    // The stray `"x"` starts at character 34 of line 3 (é is one character).
    assert_eq!(error.column, Some(34));
    assert_error(
        &list_error(r#"{"SynchronizationJobs":[]} trailing"#),
        ParseErrorCode::Syntax,
        "",
    );
}
