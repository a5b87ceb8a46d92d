//! Shared by the `report_*` tests: a small XML well-formedness check (the
//! charts must parse as standalone SVG, the HTML as balanced markup), text
//! extraction with entities decoded, and the jobs the tests use.

#![allow(dead_code)]

use eiam_sync::model::SynchronizationJob;
use eiam_sync::parse::{self, ParseOptions};

/// A job whose every string field is hostile (2026-01-01T00:00:00Z, 62.5 s).
pub const HOSTILE_JOB: &str = r#"{
  "SynchronizationJobId": "sync_<img src=x onerror=alert(1)>",
  "TargetType": "identity_provider",
  "TargetId": "idp_\"><script>alert(2)</script>",
  "Direction": "ingress",
  "TriggerType": "manual",
  "Status": "failed",
  "StartTime": 1767225600000,
  "EndTime": 1767225662500,
  "Description": "javascript:alert(3)",
  "Result": {
    "ErrorCode": "=HYPERLINK(\"http://evil\")",
    "ErrorMessage": "<img src=x onerror=alert(4)> & 'single' \"double\"",
    "UserStatistics": { "Created": { "Total": 2, "Success": 1, "Failed": 1 } }
  }
}"#;

/// The list response of seed 002 (one job, every statistic present).
pub const SEED_002: &str = include_str!("../fixtures/seeds/002_d4e6738e55fed7fe.example.json");

/// Reads a job from JSON with the library's parser.
pub fn job(json: &str) -> SynchronizationJob {
    parse::parse(json.as_bytes(), ParseOptions::default()).expect("test job parses")
}

/// The first job of seed 002.
pub fn seed_job() -> SynchronizationJob {
    parse::list_synchronization_jobs(SEED_002.as_bytes(), ParseOptions::default())
        .expect("seed 002 parses")
        .synchronization_jobs
        .remove(0)
}

/// Decodes the five entities the serialiser writes (and numeric ones).
fn decode_entity(entity: &str) -> Result<char, String> {
    match entity {
        "amp" => Ok('&'),
        "lt" => Ok('<'),
        "gt" => Ok('>'),
        "quot" => Ok('"'),
        "apos" => Ok('\''),
        _ => entity
            .strip_prefix('#')
            .and_then(|n| n.parse::<u32>().ok())
            .and_then(char::from_u32)
            .ok_or_else(|| format!("unknown entity &{entity};")),
    }
}

/// Reads character data up to `stop`, decoding entities; raw `<` and `&`
/// without an entity are errors, as are characters XML 1.0 forbids.
fn chars_until(input: &str, stop: char) -> Result<(String, &str), String> {
    let mut out = String::new();
    let mut rest = input;
    loop {
        let Some(c) = rest.chars().next() else {
            return Err(format!("unterminated data, expected {stop:?}"));
        };
        if c == stop {
            return Ok((out, rest));
        }
        rest = &rest[c.len_utf8()..];
        match c {
            '<' => return Err("raw '<' in character data".into()),
            '&' => {
                let end = rest.find(';').ok_or("'&' without ';'")?;
                out.push(decode_entity(&rest[..end])?);
                rest = &rest[end + 1..];
            }
            '\u{0}'..='\u{8}'
            | '\u{b}'
            | '\u{c}'
            | '\u{e}'..='\u{1f}'
            | '\u{fffe}'
            | '\u{ffff}' => {
                return Err(format!("character {c:?} is not allowed in XML"));
            }
            _ => out.push(c),
        }
    }
}

/// One element of a parsed document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlElement {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<XmlNode>,
}

/// A parsed node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XmlNode {
    Element(XmlElement),
    Text(String),
}

impl XmlElement {
    /// The decoded value of an attribute.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every descendant element (depth first, self included) named `name`.
    pub fn find_all(&self, name: &str) -> Vec<&XmlElement> {
        let mut out = Vec::new();
        if self.name == name {
            out.push(self);
        }
        for child in &self.children {
            if let XmlNode::Element(e) = child {
                out.extend(e.find_all(name));
            }
        }
        out
    }

    /// The decoded text of this element and its descendants.
    pub fn text(&self) -> String {
        self.children
            .iter()
            .map(|c| match c {
                XmlNode::Text(t) => t.clone(),
                XmlNode::Element(e) => e.text(),
            })
            .collect()
    }
}

fn name_end(input: &str) -> usize {
    input
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':' || c == '_'))
        .unwrap_or(input.len())
}

fn element(input: &str) -> Result<(XmlElement, &str), String> {
    let rest = input.strip_prefix('<').ok_or("expected '<'")?;
    let end = name_end(rest);
    if end == 0 {
        return Err(format!("bad tag name at {:?}", &rest[..rest.len().min(20)]));
    }
    let name = rest[..end].to_owned();
    let mut rest = &rest[end..];
    let mut attributes: Vec<(String, String)> = Vec::new();
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("/>") {
            let e = XmlElement {
                name,
                attributes,
                children: Vec::new(),
            };
            return Ok((e, after));
        }
        if let Some(after) = rest.strip_prefix('>') {
            rest = after;
            break;
        }
        let end = name_end(rest);
        if end == 0 {
            return Err(format!(
                "bad attribute in <{name}> at {:?}",
                &rest[..rest.len().min(20)]
            ));
        }
        let attribute = rest[..end].to_owned();
        rest = rest[end..]
            .strip_prefix("=\"")
            .ok_or("attribute without =\"")?;
        let (value, after) = chars_until(rest, '"')?;
        if attributes.iter().any(|(n, _)| *n == attribute) {
            return Err(format!("duplicate attribute {attribute}"));
        }
        attributes.push((attribute, value));
        rest = &after[1..];
    }
    let mut children = Vec::new();
    loop {
        if let Some(after) = rest.strip_prefix("</") {
            let after = after
                .strip_prefix(name.as_str())
                .ok_or(format!("mismatched end tag for <{name}>"))?;
            let after = after
                .strip_prefix('>')
                .ok_or(format!("bad end tag for <{name}>"))?;
            return Ok((
                XmlElement {
                    name,
                    attributes,
                    children,
                },
                after,
            ));
        }
        if rest.starts_with('<') {
            let (child, after) = element(rest)?;
            children.push(XmlNode::Element(child));
            rest = after;
        } else {
            let (text, after) = chars_until(rest, '<')?;
            children.push(XmlNode::Text(text));
            rest = after;
        }
    }
}

/// Parses a document of exactly one root element (no prolog, comments or
/// CDATA: the serialiser writes none), or says what is wrong.
pub fn parse_xml(input: &str) -> Result<XmlElement, String> {
    let (root, rest) = element(input)?;
    if !rest.is_empty() {
        return Err(format!(
            "text after the root element: {:?}",
            &rest[..rest.len().min(40)]
        ));
    }
    Ok(root)
}

#[test]
fn the_xml_check_rejects_what_it_must() {
    assert!(parse_xml("<a><b x=\"1\">t&amp;</b></a>").is_ok());
    assert!(parse_xml("<a><b></a>").is_err());
    assert!(parse_xml("<a>x<y</a>").is_err());
    assert!(parse_xml("<a>&bogus;</a>").is_err());
    assert!(parse_xml("<a x=\"1\" x=\"2\"></a>").is_err());
    assert!(parse_xml("<a>\u{1}</a>").is_err());
    assert!(parse_xml("<a></a><b></b>").is_err());
    assert_eq!(parse_xml("<a>&lt;&#39;</a>").unwrap().text(), "<'");
}
