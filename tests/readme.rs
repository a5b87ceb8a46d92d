//! README.md shows tables generated from the code; they must not drift.

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

#[test]
fn readme_has_the_validation_rule_table_exactly() {
    let table = eiam_sync::validate::rules_markdown_table();
    assert!(
        readme().contains(&table),
        "README.md must contain the rule table of src/validate/rules.rs exactly; \
         paste this in its place:\n{table}"
    );
}
