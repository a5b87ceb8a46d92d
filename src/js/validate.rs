//! `validateSynchronizationJob` and its seven siblings: each reads its
//! argument with `JSON.stringify` and the core parser (so a value without the
//! type's shape gets the same path-aware explanation as a parse error), runs
//! the core validator and returns the report as a plain object. They never
//! throw on data; options of the wrong type mean the defaults.

use crate::model::{
    GetIdentityProviderUdPullConfigurationRequest, GetIdentityProviderUdPushConfigurationRequest,
    GetSynchronizationJobRequest, ListSynchronizationJobsRequest, ListSynchronizationJobsResponse,
    SynchronizationJob, UdPullConfiguration, UdPushConfiguration, MAX_SAFE_INTEGER,
};
use crate::parse::{self, too_large, ParseError, ParseErrorCode, ParseOptions, MAX_INPUT_BYTES};
use crate::validate::{rule_table, Locale, Validate, ValidateOptions, ValidationReport};
use js_sys::{JsString, Reflect, JSON};
use tsify::Ts;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const VALIDATE_OPTIONS: &'static str = r#"
/** Options of the validate functions. Values of the wrong type mean the default. */
export interface ValidateOptions {
  /** The language of issue messages. Default `"en"`. */
  locale?: "en" | "zh-CN" | "id";
  /**
   * The current time in milliseconds since the epoch. Only with it are times
   * more than a day ahead reported (`time_in_future`): validation never reads the clock.
   */
  nowMs?: number;
  /** Report unknown enum values as errors instead of warnings. Default `false`. */
  strict?: boolean;
}
"#;

/// The lower-case name of a severity in the rule table.
macro_rules! severity_name {
    (Error) => {
        "error"
    };
    (Warning) => {
        "warning"
    };
}

/// Declares the TypeScript union of every rule code, from the rule table.
macro_rules! ts_rule_codes {
    ($(
        $variant:ident {
            code: $code:literal, severity: $severity:ident,
            meaning: $meaning:literal,
            $($messages:tt)*
        }
    )+) => {
        #[wasm_bindgen(typescript_custom_section)]
        const RULE_CODES: &'static str = concat!(
            "\n/**\n * The stable code of a validation rule, with its default severity:\n",
            $( " * - `\"", $code, "\"` (", severity_name!($severity), "): ", $meaning, "\n", )+
            " */\nexport type ValidationRuleCode =",
            $( "\n  | \"", $code, "\"", )+
            ";\n"
        );
    };
}

rule_table!(ts_rule_codes);

/// Reads `{ locale?, nowMs?, strict? }`; anything missing or of the wrong
/// type (or a getter that throws) means the default.
fn read_validate_options(options: Option<JsValue>) -> ValidateOptions {
    let Some(options) = options.filter(JsValue::is_object) else {
        return ValidateOptions::default();
    };
    let get = |key: &str| Reflect::get(&options, &JsValue::from_str(key)).ok();
    let locale = get("locale")
        .and_then(|v| v.as_string())
        .and_then(|tag| Locale::from_tag(&tag))
        .unwrap_or_default();
    let now_ms = get("nowMs")
        .and_then(|v| v.as_f64())
        .filter(|n| n.is_finite() && *n >= 0.0 && *n <= MAX_SAFE_INTEGER as f64)
        .map(|n| n.floor() as u64);
    let strict = get("strict").and_then(|v| v.as_bool()) == Some(true);
    ValidateOptions {
        locale,
        now_ms,
        strict,
    }
}

fn shape_error(detail: &str) -> ParseError {
    ParseError::new(ParseErrorCode::Type, String::new(), None, detail)
}

/// The JSON form of a JS value, as `JSON.stringify` gives it.
fn to_json(value: &JsValue) -> Result<Vec<u8>, ParseError> {
    if value.is_undefined() {
        return Err(shape_error("expected an object, found undefined"));
    }
    let text = match JSON::stringify(value) {
        Ok(text) => text,
        Err(error) => {
            let reason = error
                .dyn_ref::<js_sys::Error>()
                .and_then(|e| e.message().as_string())
                .unwrap_or_else(|| "JSON.stringify failed".to_owned());
            let detail = format!("the value cannot be read as JSON ({reason})");
            return Err(shape_error(&detail));
        }
    };
    let text: &JsValue = text.as_ref();
    let Some(text) = text.dyn_ref::<JsString>() else {
        return Err(shape_error(
            "the value has no JSON form (a function or a symbol)",
        ));
    };
    if text.length() as usize > MAX_INPUT_BYTES {
        return Err(too_large(text.length() as usize));
    }
    Ok(String::from(text).into_bytes())
}

/// Validates a JS value as a `T`; a value without `T`'s shape gives a report
/// with one `invalid_shape` error.
fn validate_js<T: Validate>(value: &JsValue, options: Option<JsValue>) -> Ts<ValidationReport> {
    let options = read_validate_options(options);
    let parsed = to_json(value).and_then(|json| {
        parse::parse::<T>(&json, ParseOptions { strict: false })
            // Line and column of our own serialisation would mean nothing to the caller.
            .map_err(ParseError::without_position)
    });
    let report = match parsed {
        Ok(value) => value.validate(&options),
        Err(error) => ValidationReport::from_parse_error(&error, T::TYPE_NAME, &options),
    };
    // A report holds only strings, booleans and arrays: serialising it cannot
    // fail. Should it ever, `null` is returned rather than a throw.
    let js = super::output::to_js(&report).unwrap_or(JsValue::NULL);
    Ts::new_unchecked(js)
}

/// Validates one synchronization job (the `SynchronizationJob` of a
/// GetSynchronizationJob response, or an element of a list page).
#[wasm_bindgen(js_name = validateSynchronizationJob)]
pub fn validate_synchronization_job(
    #[wasm_bindgen(unchecked_param_type = "SynchronizationJob")] job: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Ts<ValidationReport> {
    validate_js::<SynchronizationJob>(&job, options)
}

/// Validates a ListSynchronizationJobs page and every job on it.
#[wasm_bindgen(js_name = validateListSynchronizationJobs)]
pub fn validate_list_synchronization_jobs(
    #[wasm_bindgen(unchecked_param_type = "ListSynchronizationJobsResponse")] response: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Ts<ValidationReport> {
    validate_js::<ListSynchronizationJobsResponse>(&response, options)
}

/// Validates an outbound configuration (the inner `UdPushConfiguration`).
#[wasm_bindgen(js_name = validateUdPushConfiguration)]
pub fn validate_ud_push_configuration(
    #[wasm_bindgen(unchecked_param_type = "UdPushConfiguration")] config: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Ts<ValidationReport> {
    validate_js::<UdPushConfiguration>(&config, options)
}

/// Validates an inbound configuration (the inner `UdPullConfiguration`).
#[wasm_bindgen(js_name = validateUdPullConfiguration)]
pub fn validate_ud_pull_configuration(
    #[wasm_bindgen(unchecked_param_type = "UdPullConfiguration")] config: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Ts<ValidationReport> {
    validate_js::<UdPullConfiguration>(&config, options)
}

/// Validates the parameters of a ListSynchronizationJobs call.
#[wasm_bindgen(js_name = validateListSynchronizationJobsRequest)]
pub fn validate_list_synchronization_jobs_request(
    #[wasm_bindgen(unchecked_param_type = "ListSynchronizationJobsRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Ts<ValidationReport> {
    validate_js::<ListSynchronizationJobsRequest>(&request, options)
}

/// Validates the parameters of a GetSynchronizationJob call.
#[wasm_bindgen(js_name = validateGetSynchronizationJobRequest)]
pub fn validate_get_synchronization_job_request(
    #[wasm_bindgen(unchecked_param_type = "GetSynchronizationJobRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Ts<ValidationReport> {
    validate_js::<GetSynchronizationJobRequest>(&request, options)
}

/// Validates the parameters of a GetIdentityProviderUdPushConfiguration call.
#[wasm_bindgen(js_name = validateGetIdentityProviderUdPushConfigurationRequest)]
pub fn validate_get_identity_provider_ud_push_configuration_request(
    #[wasm_bindgen(unchecked_param_type = "GetIdentityProviderUdPushConfigurationRequest")]
    request: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Ts<ValidationReport> {
    validate_js::<GetIdentityProviderUdPushConfigurationRequest>(&request, options)
}

/// Validates the parameters of a GetIdentityProviderUdPullConfiguration call.
#[wasm_bindgen(js_name = validateGetIdentityProviderUdPullConfigurationRequest)]
pub fn validate_get_identity_provider_ud_pull_configuration_request(
    #[wasm_bindgen(unchecked_param_type = "GetIdentityProviderUdPullConfigurationRequest")]
    request: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Ts<ValidationReport> {
    validate_js::<GetIdentityProviderUdPullConfigurationRequest>(&request, options)
}
