//! A DOM-free document tree: what the reports build, what `src/js/` turns into
//! DOM nodes and what [`super::html`] serialises. Tag and attribute names are
//! `&'static str` chosen by this crate, so data can only ever be text or an
//! attribute value, never markup.

/// One node of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element with its children.
    Element(Element),
    /// A text node (data or label text), unescaped.
    Text(String),
}

/// An element: a fixed tag name, attributes whose values may be data, class
/// names from this crate, and children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// The tag name (`"table"`, `"rect"`); never data.
    pub tag: &'static str,
    /// Attributes in output order, class excluded; values are unescaped.
    pub attributes: Vec<(&'static str, String)>,
    /// Class names, all documented constants (README, "Reports").
    pub classes: Vec<&'static str>,
    /// Child nodes in order.
    pub children: Vec<Node>,
}

/// Replaces the characters XML 1.0 forbids (C0 controls other than tab, line
/// feed and carriage return; U+FFFE, U+FFFF) with U+FFFD, so the same text is
/// valid in HTML, in standalone SVG and in the DOM.
pub fn clean_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
            _ => c,
        })
        .collect()
}

impl Node {
    /// A text node; characters XML cannot hold become U+FFFD.
    pub fn text(text: &str) -> Node {
        Node::Text(clean_text(text))
    }

    /// The text of this node and its descendants, concatenated (like DOM `textContent`).
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    fn push_text(&self, out: &mut String) {
        match self {
            Node::Text(text) => out.push_str(text),
            Node::Element(element) => {
                for child in &element.children {
                    child.push_text(out);
                }
            }
        }
    }
}

impl Element {
    /// An empty element.
    pub fn new(tag: &'static str) -> Self {
        Element {
            tag,
            attributes: Vec::new(),
            classes: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Adds a class name.
    pub fn class(mut self, name: &'static str) -> Self {
        self.classes.push(name);
        self
    }

    /// Adds an attribute (its value cleaned like text).
    pub fn attr(mut self, name: &'static str, value: impl AsRef<str>) -> Self {
        self.attributes.push((name, clean_text(value.as_ref())));
        self
    }

    /// Adds a child element.
    pub fn child(mut self, child: Element) -> Self {
        self.children.push(Node::Element(child));
        self
    }

    /// Adds a text child.
    pub fn text(mut self, text: &str) -> Self {
        self.children.push(Node::text(text));
        self
    }

    /// Adds child elements.
    pub fn children(mut self, children: impl IntoIterator<Item = Element>) -> Self {
        self.children
            .extend(children.into_iter().map(Node::Element));
        self
    }

    /// The value of an attribute (`"class"` gives the class names joined by spaces).
    pub fn attribute(&self, name: &str) -> Option<String> {
        if name == "class" {
            return (!self.classes.is_empty()).then(|| self.classes.join(" "));
        }
        self.attributes
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.clone())
    }
}

impl From<Element> for Node {
    fn from(element: Element) -> Node {
        Node::Element(element)
    }
}
