//! The DOM report exports in headless Chromium (only there: Node has no DOM):
//! `renderJobReport` and the custom element show hostile strings literally and
//! execute nothing; the HTML and SVG strings, inserted as markup the way a
//! console would, do not either.

use crate::wasm_common::report::{parse, HOSTILE_JOB};
use eiam_sync::js::{define_job_report_element, job_chart_svg, job_report_html, render_job_report};
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Document, Element};

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("Reflect.get")
}

fn document() -> Document {
    get(&js_sys::global(), "document").unchecked_into()
}

/// A fresh `<div>` attached to the page.
fn container() -> Element {
    let document = document();
    let div = document.create_element("div").unwrap();
    let body: Element = get(&document, "body").unchecked_into();
    body.append_child(&div).unwrap();
    div
}

/// Waits for a timer, so an image error or a script would have run.
async fn settle() {
    let promise = Promise::new(&mut |resolve, _| {
        let set_timeout: Function = get(&js_sys::global(), "setTimeout").unchecked_into();
        set_timeout
            .call2(&JsValue::NULL, &resolve, &JsValue::from(100))
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

fn assert_nothing_ran(root: &Element) {
    assert!(
        get(&js_sys::global(), "eiamPwned").is_undefined(),
        "a hostile string executed"
    );
    assert!(root
        .query_selector("img, script, a, svg[onload], [onerror]")
        .unwrap()
        .is_none());
}

fn text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

fn assert_literal_text(root: &Element) {
    let text = text(root);
    for expected in [
        "sync_<img src=x onerror=globalThis.eiamPwned=1>",
        "idp_\"><script>globalThis.eiamPwned=2</script>",
        "javascript:globalThis.eiamPwned=3",
        "<img src=x onerror=globalThis.eiamPwned=4><svg onload=globalThis.eiamPwned=5>",
        "=HYPERLINK(\"javascript:alert(1)\")",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not shown literally in {text:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn render_job_report_shows_hostile_strings_as_text() {
    let div = container();
    div.set_text_content(Some("previous content"));
    let root: Element = render_job_report(div.clone().into(), parse(HOSTILE_JOB), None)
        .unwrap()
        .unchecked_into();
    settle().await;
    assert_nothing_ran(&div);
    assert_literal_text(&div);
    assert!(!text(&div).contains("previous content"));
    assert_eq!(root.class_name(), "eiam-report");
    assert_eq!(div.child_element_count(), 1);
    // Semantic structure: scoped headers and a caption per table.
    assert_eq!(
        div.query_selector("table caption")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Users by operation")
    );
    assert!(div.query_selector("th[scope=col]").unwrap().is_some());
    assert!(div.query_selector("th[scope=row]").unwrap().is_some());
    let status = div.query_selector(".eiam-report-status").unwrap().unwrap();
    assert_eq!(
        status.get_attribute("data-status").as_deref(),
        Some("failed")
    );
}

#[wasm_bindgen_test]
async fn the_dom_and_the_html_string_are_the_same_markup() {
    let rendered = container();
    render_job_report(
        rendered.clone().into(),
        parse(HOSTILE_JOB),
        Some(parse(r#"{"timeZone":"UTC"}"#)),
    )
    .unwrap();
    let inserted = container();
    // How a console inserts server-rendered markup.
    inserted.set_inner_html(
        &job_report_html(parse(HOSTILE_JOB), Some(parse(r#"{"timeZone":"UTC"}"#))).unwrap(),
    );
    settle().await;
    assert_nothing_ran(&inserted);
    assert_literal_text(&inserted);
    let a = rendered.first_element_child().unwrap();
    let b = inserted.first_element_child().unwrap();
    assert!(
        a.is_equal_node(Some(&b)),
        "{}\n!=\n{}",
        a.outer_html(),
        b.outer_html()
    );
}

#[wasm_bindgen_test]
async fn the_chart_svg_inserted_as_markup_runs_nothing() {
    let div = container();
    div.set_inner_html(&job_chart_svg(parse(HOSTILE_JOB), None).unwrap());
    settle().await;
    assert_nothing_ran(&div);
    let svg = div.first_element_child().unwrap();
    assert_eq!(
        svg.namespace_uri().as_deref(),
        Some("http://www.w3.org/2000/svg")
    );
    let title = svg.query_selector("title").unwrap().unwrap();
    assert_eq!(
        title.text_content().as_deref(),
        Some("Items of synchronization job sync_<img src=x onerror=globalThis.eiamPwned=1>")
    );
}

#[wasm_bindgen_test]
fn render_job_report_checks_its_container_and_job() {
    let error = render_job_report(JsValue::from_str("#app"), parse(HOSTILE_JOB), None).unwrap_err();
    assert!(error.is_instance_of::<js_sys::TypeError>());
    let div = container();
    div.set_text_content(Some("kept"));
    let error = render_job_report(div.clone().into(), parse("{}"), None).unwrap_err();
    assert_eq!(
        get(&error, "name").as_string().as_deref(),
        Some("EiamSyncParseError")
    );
    assert_eq!(
        text(&div),
        "kept",
        "a failed render leaves the container alone"
    );
}

#[wasm_bindgen_test]
async fn the_custom_element_renders_its_job_property() {
    let class = define_job_report_element(None).unwrap();
    // Defining again returns the same class.
    assert_eq!(
        define_job_report_element(Some("eiam-sync-job-report".into())).unwrap(),
        class
    );
    let element = document().create_element("eiam-sync-job-report").unwrap();
    let prototype = get(&class, "prototype");
    assert_eq!(
        JsValue::from(js_sys::Object::get_prototype_of(&element)),
        prototype
    );
    Reflect::set(&element, &"options".into(), &parse(r#"{"locale":"zh-CN"}"#)).unwrap();
    Reflect::set(&element, &"job".into(), &parse(HOSTILE_JOB)).unwrap();
    // Not rendered until connected.
    assert_eq!(element.child_element_count(), 0);
    container().append_child(&element).unwrap();
    settle().await;
    assert_nothing_ran(&element);
    assert_literal_text(&element);
    assert_eq!(
        element
            .query_selector(".eiam-report-status")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("失败")
    );
    // A new job renders again; null empties it.
    Reflect::set(
        &element,
        &"job".into(),
        &parse(r#"{"SynchronizationJobId":"second"}"#),
    )
    .unwrap();
    assert!(text(&element).contains("second"));
    assert!(!text(&element).contains("sync_<img"));
    Reflect::set(&element, &"job".into(), &JsValue::NULL).unwrap();
    assert_eq!(element.child_element_count(), 0);
}

#[wasm_bindgen_test]
fn the_custom_element_reports_a_bad_job_with_an_event() {
    define_job_report_element(Some("eiam-test-event-report".into())).unwrap();
    let element = document().create_element("eiam-test-event-report").unwrap();
    container().append_child(&element).unwrap();
    let seen = js_sys::Array::new();
    let record = wasm_bindgen::closure::Closure::<dyn Fn(JsValue)>::new({
        let seen = seen.clone();
        move |event: JsValue| {
            seen.push(&get(&event, "detail"));
        }
    });
    element
        .add_event_listener_with_callback("eiam-sync-report-error", record.as_ref().unchecked_ref())
        .unwrap();
    Reflect::set(&element, &"job".into(), &parse(HOSTILE_JOB)).unwrap();
    assert_eq!(element.child_element_count(), 1);
    Reflect::set(&element, &"job".into(), &parse(r#"{"Status":"failed"}"#)).unwrap();
    assert_eq!(element.child_element_count(), 0);
    assert_eq!(seen.length(), 1);
    let detail = seen.get(0);
    assert_eq!(
        get(&detail, "name").as_string().as_deref(),
        Some("EiamSyncParseError")
    );
    assert_eq!(
        get(&detail, "code").as_string().as_deref(),
        Some("missing_field")
    );
}

#[wasm_bindgen_test]
fn a_job_set_before_the_element_is_defined_is_rendered_on_upgrade() {
    let element = document().create_element("eiam-test-late-report").unwrap();
    Reflect::set(
        &element,
        &"job".into(),
        &parse(r#"{"SynchronizationJobId":"early"}"#),
    )
    .unwrap();
    container().append_child(&element).unwrap();
    assert_eq!(element.child_element_count(), 0);
    define_job_report_element(Some("eiam-test-late-report".into())).unwrap();
    assert!(text(&element).contains("early"), "{}", element.outer_html());
}

#[wasm_bindgen_test]
fn invalid_or_taken_element_names_are_refused() {
    assert!(define_job_report_element(Some("no-uppercase-ALLOWED".into())).is_err());
    assert!(define_job_report_element(Some("nodash".into())).is_err());
    let other = Function::new_no_args("return class extends HTMLElement {}")
        .call0(&JsValue::NULL)
        .unwrap();
    let registry = get(&js_sys::global(), "customElements");
    let define: Function = get(&registry, "define").unchecked_into();
    define
        .call2(&registry, &"eiam-test-taken".into(), &other)
        .unwrap();
    let error = define_job_report_element(Some("eiam-test-taken".into())).unwrap_err();
    let message: String = error.dyn_ref::<js_sys::Error>().unwrap().message().into();
    assert!(message.contains("already taken"), "{message}");
}
