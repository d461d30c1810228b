import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

// Raw HTML in Markdown is escaped by the parser (html: false), and the output is sanitised as well.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** Tags and attributes an article body may use once rendered. No scripts, styles, frames or handlers. */
const POLICY: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "h1", "h2"],
  allowedAttributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "title"],
    code: ["class"],
    th: ["align"],
    td: ["align"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener" }) },
};

/** Renders Markdown to HTML that is safe to insert into a page: raw HTML in the source is sanitised. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), POLICY);
}

/** Escapes text for an HTML text node or quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
