//! `parseGetSynchronizationJob` and its three siblings.

use super::errors::parse_error_to_js;
use super::input::{read_input, read_parse_options};
use crate::model::{
    GetIdentityProviderUdPullConfigurationResponse, GetIdentityProviderUdPushConfigurationResponse,
    GetSynchronizationJobResponse, ListSynchronizationJobsResponse,
};
use crate::parse::{self, ParseError, ParseOptions};
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// Runs one core parser on a JS input and converts the result to a plain JS
/// object (absent fields are absent keys, numbers are numbers).
fn parse_js<T>(
    input: &JsValue,
    options: Option<JsValue>,
    parse: fn(&[u8], ParseOptions) -> Result<T, ParseError>,
) -> Result<Ts<T>, JsValue>
where
    T: Serialize + Tsify,
{
    let options = read_parse_options(options);
    let input = read_input(input).map_err(|e| parse_error_to_js(&e))?;
    let value = parse(&input.bytes, options).map_err(|e| {
        let e = if input.has_positions {
            e
        } else {
            e.without_position()
        };
        parse_error_to_js(&e)
    })?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    // Serialising the model cannot fail: every number is a safe integer and
    // every map key a string. A failure would still surface as a JS error.
    let js = value
        .serialize(&serializer)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    Ok(Ts::new_unchecked(js))
}

/// Reads a GetSynchronizationJob response from JSON text, UTF-8 bytes or a
/// parsed object. Throws `EiamSyncParseError` when it is not one.
#[wasm_bindgen(js_name = parseGetSynchronizationJob)]
pub fn parse_get_synchronization_job(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions")] options: Option<JsValue>,
) -> Result<Ts<GetSynchronizationJobResponse>, JsValue> {
    parse_js(&input, options, parse::get_synchronization_job)
}

/// Reads one page of a ListSynchronizationJobs response from JSON text, UTF-8
/// bytes or a parsed object. Throws `EiamSyncParseError` when it is not one.
#[wasm_bindgen(js_name = parseListSynchronizationJobs)]
pub fn parse_list_synchronization_jobs(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions")] options: Option<JsValue>,
) -> Result<Ts<ListSynchronizationJobsResponse>, JsValue> {
    parse_js(&input, options, parse::list_synchronization_jobs)
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
    )
}
