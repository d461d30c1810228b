// A minimal XML writer: elements, attributes and text, always escaped. Enough for the schedule feed.

/** Characters XML 1.0 cannot carry at all, even escaped. */
// eslint-disable-next-line no-control-regex
const INVALID = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text or an attribute value. */
export function escapeXml(value: string): string {
  return value
    .replace(INVALID, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** An element: a name, attributes, and either text or child elements. */
export interface XmlElement {
  name: string;
  attrs?: Record<string, string | number>;
  children?: (XmlElement | null)[] | string | number;
}

/** Shorthand for building an element. */
export function el(
  name: string,
  attrsOrChildren?: XmlElement["attrs"] | XmlElement["children"],
  children?: XmlElement["children"],
): XmlElement {
  const isAttrs =
    attrsOrChildren !== undefined &&
    typeof attrsOrChildren === "object" &&
    !Array.isArray(attrsOrChildren);
  return isAttrs
    ? { name, attrs: attrsOrChildren as XmlElement["attrs"], children }
    : { name, children: attrsOrChildren as XmlElement["children"] };
}

function write(element: XmlElement, indent: string, out: string[]): void {
  const attrs = Object.entries(element.attrs ?? {})
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join("");
  const { children } = element;
  if (children === undefined || (Array.isArray(children) && !children.some(Boolean))) {
    out.push(`${indent}<${element.name}${attrs}/>`);
  } else if (!Array.isArray(children)) {
    out.push(`${indent}<${element.name}${attrs}>${escapeXml(String(children))}</${element.name}>`);
  } else {
    out.push(`${indent}<${element.name}${attrs}>`);
    for (const child of children) if (child) write(child, `${indent}  `, out);
    out.push(`${indent}</${element.name}>`);
  }
}

/** Serialises a document with an XML declaration, two-space indented, newline-terminated. */
export function renderXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, "", out);
  return `${out.join("\n")}\n`;
}
