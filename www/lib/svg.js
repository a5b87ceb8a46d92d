// Puts an SVG string from the package into the page without inserting markup:
// the string is parsed into a detached document (DOMParser never runs scripts),
// then rebuilt element by element from an allowlist, attributes set through
// the DOM and text as text nodes. Scripts, event handlers, foreign content,
// external references and inline styles (the page's CSP forbids them) are dropped.

import { h } from "./dom.js";

const SVG_NS = "http://www.w3.org/2000/svg";

const ELEMENTS = new Set([
  "svg", "g", "defs", "title", "desc", "rect", "line", "path", "polyline", "polygon",
  "circle", "ellipse", "text", "tspan", "pattern", "clipPath", "linearGradient", "stop", "marker", "use",
]);

function allowedAttribute(name, value) {
  const lower = name.toLowerCase();
  if (lower.startsWith("on") || lower === "style") return false;
  if (lower === "href" || lower === "xlink:href") return value.startsWith("#");
  return !/^\s*(javascript|data|vbscript):/i.test(value) && !/url\(\s*['"]?\s*(?!#)/i.test(value);
}

function rebuild(source) {
  if (source.nodeType === Node.TEXT_NODE) return document.createTextNode(source.data);
  if (source.nodeType !== Node.ELEMENT_NODE) return null;
  if (source.namespaceURI !== SVG_NS || !ELEMENTS.has(source.localName)) return null;
  const element = document.createElementNS(SVG_NS, source.localName);
  for (const attribute of source.attributes) {
    if (allowedAttribute(attribute.name, attribute.value)) {
      if (attribute.namespaceURI) element.setAttributeNS(attribute.namespaceURI, attribute.name, attribute.value);
      else element.setAttribute(attribute.name, attribute.value);
    }
  }
  for (const child of source.childNodes) {
    const copy = rebuild(child);
    if (copy) element.append(copy);
  }
  return element;
}

/**
 * An `<svg>` element rebuilt from `markup`, wrapped in a figure; when the markup
 * is not a well-formed SVG document, a paragraph saying so.
 */
export function svgFigure(markup, caption, className = "chart") {
  const parsed = new DOMParser().parseFromString(markup, "image/svg+xml");
  const root = parsed.documentElement;
  const svg = root && root.localName === "svg" && !parsed.querySelector("parsererror") ? rebuild(root) : null;
  if (!svg) return h("p", { class: "state state-error", "data-state": "error" }, `The ${caption} could not be drawn.`);
  if (!svg.hasAttribute("role")) svg.setAttribute("role", "img");
  return h("figure", { class: className }, svg, h("figcaption", {}, caption));
}
