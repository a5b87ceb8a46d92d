//! The report's node tree as DOM: `createElement`, `setAttribute` and
//! `createTextNode` only. Data reaches the page as text nodes and attribute
//! values, never through `innerHTML`, so no string in a job can become markup.

use crate::report::node::{Element, Node};
use wasm_bindgen::JsValue;
use web_sys::Document;

/// Builds the DOM of `element` (and its descendants) in `document`.
pub(crate) fn build(document: &Document, element: &Element) -> Result<web_sys::Element, JsValue> {
    let dom = document.create_element(element.tag)?;
    if !element.classes.is_empty() {
        dom.set_attribute("class", &element.classes.join(" "))?;
    }
    for (name, value) in &element.attributes {
        dom.set_attribute(name, value)?;
    }
    for child in &element.children {
        match child {
            Node::Text(text) => {
                dom.append_child(&document.create_text_node(text))?;
            }
            Node::Element(child) => {
                let child: web_sys::Node = build(document, child)?.into();
                dom.append_child(&child)?;
            }
        }
    }
    Ok(dom)
}
