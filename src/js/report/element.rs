//! `defineJobReportElement`: a custom element whose `job` property renders a
//! report. wasm-bindgen cannot declare `class ... extends HTMLElement`, so the
//! class lives in a small inline JS snippet (shipped in the package's
//! `snippets/`); it touches `HTMLElement` only when called, so importing the
//! package in Node still works.

use super::render_job_report;
use js_sys::Function;
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function defineReportElementClass(tagName, render) {
  const registry = globalThis.customElements;
  if (registry === undefined || typeof HTMLElement === "undefined") {
    throw new Error("defineJobReportElement needs a browser: customElements is not available here");
  }
  const existing = registry.get(tagName);
  if (existing !== undefined) {
    if (existing.eiamSyncJobReport === true) return existing;
    throw new Error(`the custom element name ${JSON.stringify(tagName)} is already taken by another element`);
  }
  class JobReportElement extends HTMLElement {
    static eiamSyncJobReport = true;
    #job = undefined;
    #options = undefined;
    constructor() {
      super();
      // Values set before the element was defined are own properties that
      // would hide the accessors: move them behind the accessors.
      for (const key of ["job", "options"]) {
        if (Object.prototype.hasOwnProperty.call(this, key)) {
          const value = this[key];
          delete this[key];
          this[key] = value;
        }
      }
    }
    get job() { return this.#job; }
    set job(value) { this.#job = value; this.#update(); }
    get options() { return this.#options; }
    set options(value) { this.#options = value; this.#update(); }
    connectedCallback() { this.#update(); }
    #update() {
      if (!this.isConnected) return;
      if (this.#job === undefined || this.#job === null) {
        this.replaceChildren();
        return;
      }
      try {
        render(this, this.#job, this.#options);
      } catch (error) {
        this.replaceChildren();
        this.dispatchEvent(new CustomEvent("eiam-sync-report-error", { detail: error, bubbles: true }));
      }
    }
  }
  registry.define(tagName, JobReportElement);
  return JobReportElement;
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = defineReportElementClass)]
    fn define_element(tag_name: &str, render: &Function) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// `renderJobReport` as a JS function, made once and shared by every
    /// element class (it lives as long as the module).
    static RENDER: OnceCell<Function> = const { OnceCell::new() };
}

fn render_function() -> Function {
    RENDER.with(|cell| {
        cell.get_or_init(|| {
            let render = Closure::<dyn Fn(JsValue, JsValue, JsValue) -> Result<(), JsValue>>::new(
                |element: JsValue, job: JsValue, options: JsValue| {
                    render_job_report(element, job, Some(options)).map(drop)
                },
            );
            render.into_js_value().unchecked_into()
        })
        .clone()
    })
}

/// Registers the custom element `tagName` (default `eiam-sync-job-report`):
/// set its `job` property (and optionally `options`, as for
/// `renderJobReport`) and it shows the report, in the light DOM so the
/// page's CSS applies. A job that cannot be read empties the element and
/// dispatches an `eiam-sync-report-error` event whose `detail` is the error.
/// Returns the element class; calling it again with the same name returns
/// the same class. Throws where `customElements` does not exist (Node), and
/// for an invalid or already taken name.
#[wasm_bindgen(
    js_name = defineJobReportElement,
    unchecked_return_type = "JobReportElementConstructor"
)]
pub fn define_job_report_element(
    #[wasm_bindgen(js_name = tagName)] tag_name: Option<String>,
) -> Result<JsValue, JsValue> {
    let tag_name = tag_name.as_deref().unwrap_or(DEFAULT_TAG_NAME);
    define_element(tag_name, &render_function())
}

/// The element name used when none is given.
pub const DEFAULT_TAG_NAME: &str = "eiam-sync-job-report";
