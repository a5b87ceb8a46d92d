//! What the `fast_*` targets check of every input the fast scanner accepts.

use eiam_sync::parse::fast::Accepted;
use eiam_sync::parse::ParseError;
use serde::Serialize;

/// The order-keeping JSON model shared with the tests (`JSON.parse`'s stand-in).
#[path = "../../../tests/fast_common/ordered.rs"]
mod ordered;
use ordered::Ordered;

/// For an input the scanner accepted: the serde parser accepts it too, and a
/// generic JSON parser keeping key order reads the text, once put in the
/// model's key order, as exactly the serde value re-serialised.
pub fn check_accepted<T: Serialize>(
    data: &[u8],
    accepted: &Accepted,
    parsed: Result<T, ParseError>,
) {
    let parsed = parsed.expect("the fast scanner accepted what the parser refuses");
    let mut copy = data.to_vec();
    let text = accepted
        .in_model_order(&mut copy)
        .expect("the reorders fit");
    let engine = Ordered::read(text).expect("the text in model order is JSON");
    let written = serde_json::to_vec(&parsed).expect("the model serialises");
    let expected = Ordered::read(&written).expect("serde writes JSON");
    assert_eq!(
        engine, expected,
        "JSON.parse of the text in model order differs"
    );
}
