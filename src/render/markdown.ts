import type MarkdownIt from "markdown-it";
import type sanitizeHtml from "sanitize-html";

/** The Markdown parser and the sanitiser, with the policy an article body is rendered under. */
interface Renderer {
  markdown: { render(source: string): string };
  sanitize: typeof sanitizeHtml;
  policy: sanitizeHtml.IOptions;
}

let renderer: Renderer | null = null;

/**
 * Loads markdown-it and sanitize-html on the first article body rendered, not at start: together with
 * postcss they hold megabytes of heap, which a process that serves schedules, feeds and front pages
 * never needs.
 */
function loadRenderer(): Renderer {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
  const MarkdownItClass = require("markdown-it") as typeof MarkdownIt;
  const sanitize = require("sanitize-html") as typeof sanitizeHtml;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return {
    // Raw HTML in Markdown is escaped by the parser (html: false), and the output is sanitised as well.
    markdown: new MarkdownItClass({ html: false, linkify: true, typographer: false }),
    sanitize,
    // Tags and attributes an article body may use once rendered. No scripts, styles, frames or handlers.
    policy: {
      allowedTags: [...sanitize.defaults.allowedTags, "img", "h1", "h2"],
      allowedAttributes: {
        a: ["href", "title", "rel"],
        img: ["src", "alt", "title"],
        code: ["class"],
        th: ["align"],
        td: ["align"],
      },
      allowedSchemes: ["http", "https", "mailto"],
      allowProtocolRelative: false,
      transformTags: { a: sanitize.simpleTransform("a", { rel: "nofollow noopener" }) },
    },
  };
}

/** Renders Markdown to HTML that is safe to insert into a page: raw HTML in the source is sanitised. */
export function renderMarkdown(source: string): string {
  renderer ??= loadRenderer();
  return renderer.sanitize(renderer.markdown.render(source), renderer.policy);
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
