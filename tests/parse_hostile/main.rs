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

mod shape;
mod values;
