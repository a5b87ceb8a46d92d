//! `parseGetSynchronizationJob` and its three siblings.

use super::errors::parse_error_to_js;
use super::input::{read_input, read_parse_options};
use super::output::to_js;
use crate::model::{
    GetIdentityProviderUdPullConfigurationResponse, GetIdentityProviderUdPushConfigurationResponse,
    GetSynchronizationJobResponse, ListSynchronizationJobsResponse,
};
use crate::parse::fast::Accepted;
use crate::parse::{self, ParseError, ParseOptions};
use js_sys::JsString;
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The platform's `TextDecoder` (UTF-8, BOM skipped, never throws).
    #[wasm_bindgen(js_name = TextDecoder)]
    type Utf8Decoder;

    #[wasm_bindgen(constructor, js_class = TextDecoder, catch)]
    fn new() -> Result<Utf8Decoder, JsValue>;

    /// Decodes a view of wasm memory (no copy on the way in).
    #[wasm_bindgen(method, js_class = TextDecoder)]
    fn decode(this: &Utf8Decoder, bytes: &[u8]) -> JsString;

    /// `JSON.parse`.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsString) -> Result<JsValue, JsValue>;
}

/// `JSON.parse` of UTF-8 JSON text held in wasm memory; `None` if the
/// engine cannot (which the fast scanner's acceptance rules out).
fn parse_in_engine(text: &[u8]) -> Option<JsValue> {
    let text = DECODER.with(|decoder| decoder.as_ref().map(|d| d.decode(text)))?;
    json_parse(&text).ok()
}

thread_local! {
    /// One decoder for every call (it keeps no state between `decode`s),
    /// rather than a new JS object per page parsed.
    static DECODER: Option<Utf8Decoder> = Utf8Decoder::new().ok();
}

/// A fast route for a response type: the scan of [`parse::fast`].
type FastScan = fn(&[u8], ParseOptions) -> Option<Accepted>;

/// Runs one core parser on a JS input and converts the result to a plain JS
/// object (absent fields are absent keys, numbers are numbers).
///
/// With a `fast` scan, an input it accepts is put in the model's key order
/// (in place, in wasm) and becomes JS objects through the engine's
/// `JSON.parse`: the very value the core parser gives (see [`parse::fast`]);
/// anything it declines, and every error, goes through the core parser.
fn parse_js<T>(
    input: &JsValue,
    options: Option<JsValue>,
    parse: fn(&[u8], ParseOptions) -> Result<T, ParseError>,
    fast: Option<FastScan>,
) -> Result<Ts<T>, JsValue>
where
    T: Serialize + Tsify,
{
    let options = read_parse_options(options);
    let mut input = read_input(input).map_err(|e| parse_error_to_js(&e))?;
    if let Some(accepted) = fast.and_then(|scan| scan(&input.bytes, options)) {
        let value = accepted
            .in_model_order(&mut input.bytes)
            .and_then(parse_in_engine);
        if let Some(value) = value {
            return Ok(Ts::new_unchecked(value));
        }
    }
    let value = parse(&input.bytes, options).map_err(|e| {
        let e = if input.has_positions {
            e
        } else {
            e.without_position()
        };
        parse_error_to_js(&e)
    })?;
    // Serialising the model cannot fail: every number is a safe integer and
    // every map key a string. A failure would still surface as a JS error.
    Ok(Ts::new_unchecked(to_js(&value)?))
}

/// Reads a GetSynchronizationJob response from JSON text, UTF-8 bytes or a
/// parsed object. Throws `EiamSyncParseError` when it is not one.
#[wasm_bindgen(js_name = parseGetSynchronizationJob)]
pub fn parse_get_synchronization_job(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions")] options: Option<JsValue>,
) -> Result<Ts<GetSynchronizationJobResponse>, JsValue> {
    parse_js(
        &input,
        options,
        parse::get_synchronization_job,
        Some(parse::fast::get_synchronization_job),
    )
}

/// Reads one page of a ListSynchronizationJobs response from JSON text, UTF-8
/// bytes or a parsed object. Throws `EiamSyncParseError` when it is not one.
#[wasm_bindgen(js_name = parseListSynchronizationJobs)]
pub fn parse_list_synchronization_jobs(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions")] options: Option<JsValue>,
) -> Result<Ts<ListSynchronizationJobsResponse>, JsValue> {
    parse_js(
        &input,
        options,
        parse::list_synchronization_jobs,
        Some(parse::fast::list_synchronization_jobs),
    )
}

/// Reads a GetIdentityProviderUdPushConfiguration response from JSON text,
/// UTF-8 bytes or a parsed object. Throws `EiamSyncParseError` when it is not one.
#[wasm_bindgen(js_name = parseGetIdentityProviderUdPushConfiguration)]
pub fn parse_get_identity_provider_ud_push_configuration(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions")] options: Option<JsValue>,
) -> Result<Ts<GetIdentityProviderUdPushConfigurationResponse>, JsValue> {
    parse_js(
        &input,
        options,
        parse::get_identity_provider_ud_push_configuration,
        None,
    )
}

/// Reads a GetIdentityProviderUdPullConfiguration response from JSON text,
/// UTF-8 bytes or a parsed object. Throws `EiamSyncParseError` when it is not one.
#[wasm_bindgen(js_name = parseGetIdentityProviderUdPullConfiguration)]
pub fn parse_get_identity_provider_ud_pull_configuration(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions")] options: Option<JsValue>,
) -> Result<Ts<GetIdentityProviderUdPullConfigurationResponse>, JsValue> {
    parse_js(
        &input,
        options,
        parse::get_identity_provider_ud_pull_configuration,
        None,
    )
}
