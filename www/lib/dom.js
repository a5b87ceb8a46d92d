// Building DOM from data without markup: every string becomes a text node or an
// attribute value set through the DOM, never HTML.

/** Creates an element; string and number children become text nodes. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") element.className = String(value);
    else if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

/** Appends children (nodes, strings, numbers, nested arrays); skips null and undefined. */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
  return parent;
}

/** Replaces the children of `parent`. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** Makes whitespace visible: IDs in the documentation end with a newline. */
export function visibleWhitespace(text) {
  return text
    .replace(/\n/g, "↵")
    .replace(/\r/g, "␍")
    .replace(/\t/g, "⇥")
    .replace(/[^\S ]/g, "␣");
}

/** An ID in a `<code>`, with a note when it has surrounding whitespace. */
export function identifier(value) {
  if (typeof value !== "string") return h("span", { class: "absent" }, "—");
  const code = h("code", { class: "id" }, visibleWhitespace(value));
  if (value.trim() === value) return code;
  return h("span", {}, code, " ", h("span", { class: "note" }, "(has surrounding whitespace)"));
}

/** A table with a caption, column headers and rows of cells (first cell a row header). */
export function table(caption, headers, rows, className = "data") {
  return h(
    "div",
    { class: "table-scroll" },
    h(
      "table",
      { class: className },
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, headers.map((header) => h("th", { scope: "col" }, header)))),
      h(
        "tbody",
        {},
        rows.map(([first, ...rest]) =>
          h("tr", {}, h("th", { scope: "row" }, first), rest.map((cell) => h("td", {}, cell))),
        ),
      ),
    ),
  );
}
