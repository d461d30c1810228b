/** Attributes of an element built by `h`; `part` sets the ::part() name. */
type Attrs = Record<string, string | undefined>;
type Child = Node | string | null | undefined | false;

/**
 * Builds an element. Children that are strings become Text nodes, so data is never parsed as HTML;
 * there is no innerHTML anywhere in the embeds.
 */
export function h(tag: string, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) el.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) el.append(child);
  }
  return el;
}

/** A URL from a partner's template (`https://partner.example/s/{slug}`); only http(s) URLs pass. */
export function fillUrl(template: string, slug: string, base: string): string | undefined {
  try {
    const url = new URL(template.split("{slug}").join(encodeURIComponent(slug)), base);
    return /^https?:$/.test(url.protocol) ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** A valid IANA zone name, or undefined. */
export function validZone(zone: string | null | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/** An absolute http(s) URL, or undefined for anything else (a javascript: link, say). */
export function safeUrl(url: string, base: string): string | undefined {
  try {
    const parsed = new URL(url, base);
    return /^https?:$/.test(parsed.protocol) ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}
