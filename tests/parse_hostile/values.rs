//! Hostile values: huge and fractional numbers, lone surrogates, invalid UTF-8, a BOM, deep nesting, huge strings, duplicate keys, strict enums, syntax positions.

use super::*;

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
