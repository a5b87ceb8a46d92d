//! What the two charts share: the SVG root with `<title>` and `<desc>`, the
//! colour-blind-safe series styles, the legend, and small layout helpers.
//!
//! Colours come from the Okabe–Ito palette, mid-tones that stay visible on
//! white and on black; failed and skipped items also carry a hatch and a dot
//! pattern, and every segment a thin outline, so no information depends on
//! colour alone. Text and axes use `currentColor`: an inline SVG follows the
//! page's text colour, in light and dark themes alike. Only presentation
//! attributes are used (no `<style>`, no `style=""`), so a strict
//! Content-Security-Policy (`style-src 'self'`) does not strip anything.

use super::node::Element;

/// The font size of chart text, in pixels.
pub const FONT_SIZE: f64 = 12.0;

/// Okabe–Ito blue: successful items or jobs.
pub const BLUE: &str = "#0072B2";
/// Okabe–Ito vermillion: failed items; the success-rate line.
pub const VERMILLION: &str = "#D55E00";
/// Okabe–Ito orange: skipped items.
pub const ORANGE: &str = "#E69F00";
/// Okabe–Ito sky blue: jobs (all of them).
pub const SKY_BLUE: &str = "#56B4E9";

/// One data series: its legend text and how its marks are painted.
pub struct Series {
    /// Legend text.
    pub label: String,
    /// The `fill` of its marks (a colour or a pattern reference).
    pub fill: String,
    /// A class name for styling (`eiam-chart-success`, ...).
    pub class: &'static str,
}

/// A coordinate or length with at most one decimal (`12`, `12.5`), written
/// with integer formatting only: `f64`'s `Display` would pull about 16 KB of
/// float-printing code into the module.
pub fn num(value: f64) -> String {
    let tenths = (value * 10.0).round();
    if !tenths.is_finite() {
        return "0".to_owned();
    }
    // Chart coordinates are small; the cast saturates on anything absurd.
    let tenths = tenths as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, fraction) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// A rough width of `text` at [`FONT_SIZE`], for layout: narrow for ASCII,
/// full width for other characters (CJK labels).
pub fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
        .sum::<f64>()
        * FONT_SIZE
}

/// The id prefix to use: the caller's, reduced to ASCII letters, digits, `-`
/// and `_` and starting with a letter; else one derived from `content` (FNV-1a),
/// so two different charts on a page do not share ids.
pub fn id_prefix(requested: Option<&str>, content: &str) -> String {
    if let Some(requested) = requested {
        let kept: String = requested
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        return match kept.chars().next() {
            Some(c) if c.is_ascii_alphabetic() => kept,
            _ => format!("eiam-{kept}"),
        };
    }
    let hash = content.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    format!("eiam-chart-{hash:08x}")
}

/// A text element in `currentColor`.
pub fn text(x: f64, y: f64, anchor: &'static str, content: &str) -> Element {
    Element::new("text")
        .attr("x", num(x))
        .attr("y", num(y))
        .attr("text-anchor", anchor)
        .attr("fill", "currentColor")
        .text(content)
}

/// A rectangle.
pub fn rect(x: f64, y: f64, width: f64, height: f64, fill: &str) -> Element {
    Element::new("rect")
        .attr("x", num(x))
        .attr("y", num(y))
        .attr("width", num(width.max(0.0)))
        .attr("height", num(height.max(0.0)))
        .attr("fill", fill)
}

/// A rectangle with the thin outline every data mark has.
pub fn outlined_rect(x: f64, y: f64, width: f64, height: f64, fill: &str) -> Element {
    rect(x, y, width, height, fill)
        .attr("stroke", "currentColor")
        .attr("stroke-width", "0.5")
}

/// The `<svg>` root: size, accessible name and description, font.
pub fn root(
    class: &'static str,
    width: f64,
    height: f64,
    prefix: &str,
    title: &str,
    desc: &str,
) -> Element {
    let (title_id, desc_id) = (format!("{prefix}-title"), format!("{prefix}-desc"));
    Element::new("svg")
        .class("eiam-chart")
        .class(class)
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("width", num(width))
        .attr("height", num(height))
        .attr("viewBox", format!("0 0 {} {}", num(width), num(height)))
        .attr("role", "img")
        .attr("aria-labelledby", format!("{title_id} {desc_id}"))
        .attr("font-family", "system-ui, sans-serif")
        .attr("font-size", num(FONT_SIZE))
        .child(Element::new("title").attr("id", title_id).text(title))
        .child(Element::new("desc").attr("id", desc_id).text(desc))
}

/// The hatch (failed) and dot (skipped) patterns, as `<defs>`; reference
/// them with [`pattern_fill`].
pub fn patterns(prefix: &str) -> Element {
    let hatch = Element::new("pattern")
        .attr("id", format!("{prefix}-failed"))
        .attr("width", "6")
        .attr("height", "6")
        .attr("patternUnits", "userSpaceOnUse")
        .attr("patternTransform", "rotate(45)")
        .child(rect(0.0, 0.0, 6.0, 6.0, VERMILLION))
        .child(rect(0.0, 0.0, 2.0, 6.0, "#ffffff").attr("fill-opacity", "0.55"));
    let dots = Element::new("pattern")
        .attr("id", format!("{prefix}-skipped"))
        .attr("width", "5")
        .attr("height", "5")
        .attr("patternUnits", "userSpaceOnUse")
        .child(rect(0.0, 0.0, 5.0, 5.0, ORANGE))
        .child(
            Element::new("circle")
                .attr("cx", "2.5")
                .attr("cy", "2.5")
                .attr("r", "1.1")
                .attr("fill", "#000000")
                .attr("fill-opacity", "0.5"),
        );
    Element::new("defs").child(hatch).child(dots)
}

/// `url(#<prefix>-<name>)`.
pub fn pattern_fill(prefix: &str, name: &str) -> String {
    format!("url(#{prefix}-{name})")
}

/// A legend of swatches and labels laid out in rows within `width`, starting
/// at `(x, y)`; returns it and the height it takes.
pub fn legend(series: &[Series], x: f64, y: f64, width: f64) -> (Element, f64) {
    const SWATCH: f64 = 12.0;
    const ROW: f64 = 20.0;
    let mut group = Element::new("g").class("eiam-chart-legend");
    let (mut cursor, mut row_top) = (x, y);
    for item in series {
        let item_width = SWATCH + 6.0 + text_width(&item.label) + 16.0;
        if cursor > x && cursor + item_width > x + width {
            cursor = x;
            row_top += ROW;
        }
        group = group.child(
            Element::new("g")
                .class(item.class)
                .child(outlined_rect(cursor, row_top, SWATCH, SWATCH, &item.fill))
                .child(text(
                    cursor + SWATCH + 6.0,
                    row_top + SWATCH - 1.5,
                    "start",
                    &item.label,
                )),
        );
        cursor += item_width;
    }
    (group, row_top - y + ROW)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_one_decimal() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.04), "12");
        assert_eq!(num(12.25), "12.3");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(-2.5), "-2.5");
        assert_eq!(num(0.5), "0.5");
    }

    #[test]
    fn id_prefixes_are_safe() {
        assert_eq!(id_prefix(Some("a\"><b"), ""), "ab");
        assert_eq!(id_prefix(Some("1x"), ""), "eiam-1x");
        assert_eq!(id_prefix(Some(""), ""), "eiam-");
        assert_ne!(id_prefix(None, "a"), id_prefix(None, "b"));
        assert!(id_prefix(None, "a").starts_with("eiam-chart-"));
    }
}
