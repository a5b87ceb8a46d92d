//! Serialises a [`Node`] tree to markup: HTML for `jobReportHtml`, and XML for
//! the SVG charts (the same rules work for both: every element is written with
//! an explicit end tag, and every text and attribute value is escaped).

use super::node::{Element, Node};

/// Escapes `& < > " '` so a value is inert both as text and inside a quoted
/// attribute, in HTML and in XML.
pub fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// The markup of a tree.
pub fn to_markup(node: &Node) -> String {
    let mut out = String::new();
    write_node(node, &mut out);
    out
}

/// The markup of one element and its descendants.
pub fn element_markup(element: &Element) -> String {
    let mut out = String::new();
    write_element(element, &mut out);
    out
}

fn write_node(node: &Node, out: &mut String) {
    match node {
        Node::Text(text) => escape(text, out),
        Node::Element(element) => write_element(element, out),
    }
}

fn write_element(element: &Element, out: &mut String) {
    out.push('<');
    out.push_str(element.tag);
    if !element.classes.is_empty() {
        out.push_str(" class=\"");
        out.push_str(&element.classes.join(" "));
        out.push('"');
    }
    for (name, value) in &element.attributes {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape(value, out);
        out.push('"');
    }
    out.push('>');
    for child in &element.children {
        write_node(child, out);
    }
    out.push_str("</");
    out.push_str(element.tag);
    out.push('>');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let tree = Element::new("p")
            .class("a")
            .attr("title", "\"x\" & 'y'")
            .text("<b>&amp;</b>");
        assert_eq!(
            element_markup(&tree),
            "<p class=\"a\" title=\"&quot;x&quot; &amp; &#39;y&#39;\">&lt;b&gt;&amp;amp;&lt;/b&gt;</p>"
        );
    }

    #[test]
    fn control_characters_become_replacement_characters() {
        let tree = Element::new("p")
            .attr("data-x", "a\u{1}b")
            .text("c\u{0}d\te\u{ffff}");
        assert_eq!(
            element_markup(&tree),
            "<p data-x=\"a\u{fffd}b\">c\u{fffd}d\te\u{fffd}</p>"
        );
    }
}
