//! Inputs of the wrong shape: empty, scalars, truncations, wrong types at every level, nulls, missing fields.

use super::*;

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
