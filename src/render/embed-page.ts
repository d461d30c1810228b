import { createHash } from "node:crypto";
import { dayKey, formatDay, formatWhen, spansYears } from "../../embed/src/format";
import { resolveLang, stringsFor, type EmbedStrings } from "../../embed/src/strings";
import { escapeHtml } from "./markdown";
import type { EmbedEntry, EmbedSessions, EmbedSpeakers } from "../services/embed.service";

// Pure formatting of the no-JavaScript embed (GET /embed/sessions): a complete, self-contained HTML
// document, usable in an iframe. Every piece of data passes through escapeHtml; nothing is trusted.

export interface EmbedHtmlOptions {
  layout: "list" | "grid";
  /** Set per render: whether the list spans years (then dates carry the year). */
  withYear?: boolean;
  /** An IANA zone, or null for each session's own (the host conference's) zone. */
  timezone: string | null;
  lang: string;
  /** The partner's canonical session URL, with `{slug}`; defaults to the session's .ics on the hub. */
  sessionUrl: string | null;
  publicUrl: string;
}

/** Same look as the web component: the custom properties partners set apply here too. */
const STYLE = `
body { margin: 0; padding: 0.5em; font: var(--crosstalk-font, 15px/1.4 system-ui, sans-serif);
  color: var(--crosstalk-color, #222); background: var(--crosstalk-background, transparent); }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75em; }
.session { padding: 0.6em 0.8em; border: 1px solid rgba(127,127,127,.35); border-radius: 6px; }
.title { font-weight: 600; margin: 0 0 0.2em; font-size: 1.05em; }
.title a { color: #2456a6; text-decoration: none; }
.meta, .speakers, .audiences { color: #555; font-size: 0.92em; margin: 0.1em 0; }
.marker { display: inline-block; margin: 0.3em 0 0; padding: 0.1em 0.5em; border-radius: 999px;
  font-size: 0.85em; font-weight: 600; color: #fff; background: #2456a6; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(14em, 1fr)); gap: 0.75em; }
.room-heading { font-size: 1em; margin: 0 0 0.4em; color: #555; }
.status { color: #555; font-style: italic; }
.track, .capacity, .links, .do-not-record { color: #555; font-size: 0.92em; margin: 0.1em 0; }
.links a { color: #2456a6; }
.speaker-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.4em; }
.affiliation { color: #555; }
.error { color: #a12; }
`;

/** A partner URL template filled with a slug; only http(s) results are used. */
function sessionHref(options: EmbedHtmlOptions, slug: string): string {
  const fallback = `${options.publicUrl}/calendar/session/${encodeURIComponent(slug)}.ics`;
  if (!options.sessionUrl) return fallback;
  try {
    const url = new URL(options.sessionUrl.split("{slug}").join(encodeURIComponent(slug)));
    return /^https?:$/.test(url.protocol) ? url.toString() : fallback;
  } catch {
    return fallback;
  }
}

/**
 * The page's one script (allowed by its hash in the page's CSP): it reports the document's height
 * to the embedding page (`postMessage({ type: "crosstalk:height", height })`, on load and on every
 * resize) so the partner can size the iframe, and prints the language note, if any, to the console.
 * It reads nothing from the page but its own height and a data attribute; it never writes the DOM.
 */
export const EMBED_PAGE_SCRIPT =
  '(function(){var d=document.documentElement,n=d.getAttribute("data-crosstalk-note");' +
  "if(n)console.info(n);" +
  'function s(){if(parent!==window)parent.postMessage({type:"crosstalk:height",height:Math.ceil(d.scrollHeight)},"*")}' +
  's();addEventListener("load",s);if(window.ResizeObserver)new ResizeObserver(s).observe(d)})();';

/** The CSP source that allows EMBED_PAGE_SCRIPT, and nothing else. */
export const EMBED_PAGE_SCRIPT_SRC = `'sha256-${createHash("sha256").update(EMBED_PAGE_SCRIPT).digest("base64")}'`;

function document(lang: string, title: string, body: string, note: string | null = null): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}"${note ? ` data-crosstalk-note="${escapeHtml(note)}"` : ""}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<base target="_top">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
<script>${EMBED_PAGE_SCRIPT}</script>
</body>
</html>
`;
}

/** The heading: "php|works 2008 · PHP". */
export function embedTitle(result: EmbedSessions): string {
  const parts = [
    result.conference?.name,
    result.community?.name,
    result.speaker?.name,
    result.topic?.name,
  ];
  return parts.filter(Boolean).join(" · ") || "Sessions";
}

function zoneOf(entry: EmbedEntry, options: EmbedHtmlOptions): string {
  return options.timezone ?? entry.host.timezone;
}

function when(entry: EmbedEntry, options: EmbedHtmlOptions): string {
  const { startsAt, endsAt } = entry.session;
  return formatWhen(startsAt, endsAt, zoneOf(entry, options), options.lang, options.withYear);
}

/** Track, room capacity, materials and the do-not-record note, when the session has them. */
function extras(entry: EmbedEntry, t: EmbedStrings): string[] {
  const { session } = entry;
  const lines: string[] = [];
  if (entry.track) {
    lines.push(`<p class="track">${escapeHtml(`${t.track}: ${entry.track.name}`)}</p>`);
  }
  if (entry.room?.capacity != null) {
    lines.push(
      `<p class="capacity">${escapeHtml(`${entry.room.name}: ${entry.room.capacity} ${t.seats}`)}</p>`,
    );
  }
  const links = entry.links.filter(l => /^https?:\/\//i.test(l.url));
  if (links.length) {
    const anchors = links.map(
      l =>
        `<a class="material ${escapeHtml(l.kind.toLowerCase())}" href="${escapeHtml(l.url)}" rel="noopener">${escapeHtml(l.title ?? t.links[l.kind] ?? l.kind)}</a>`,
    );
    lines.push(`<p class="links">${anchors.join(" · ")}</p>`);
  }
  if (session.doNotRecord) lines.push(`<p class="do-not-record">${escapeHtml(t.doNotRecord)}</p>`);
  return lines;
}

function card(entry: EmbedEntry, options: EmbedHtmlOptions, t: EmbedStrings): string {
  const { session } = entry;
  const place = session.room ?? session.location;
  const lines = [
    `<h3 class="title"><a href="${escapeHtml(sessionHref(options, session.slug))}">${escapeHtml(session.title)}</a></h3>`,
    `<p class="meta"><time datetime="${escapeHtml(session.startsAt.toISOString())}">${escapeHtml(when(entry, options))}</time>${
      place ? ` · <span class="room">${escapeHtml(place)}</span>` : ""
    }</p>`,
  ];
  if (entry.speakers.length) {
    lines.push(`<p class="speakers">${escapeHtml(t.list(entry.speakers.map(p => p.name)))}</p>`);
  }
  if (entry.audiences.length) {
    const names = entry.audiences.map(a => a.name);
    lines.push(`<p class="audiences">${escapeHtml(`${t.audiences}: ${t.list(names)}`)}</p>`);
  }
  lines.push(...extras(entry, t));
  if (entry.crossCommunity) {
    const roots = entry.audienceRoots.map(c => c.name);
    lines.push(`<p class="marker">${escapeHtml(t.forCommunities(roots))}</p>`);
  }
  const cls = entry.crossCommunity ? "session cross-community" : "session";
  return `<li class="${cls}" data-slug="${escapeHtml(session.slug)}">\n${lines.join("\n")}\n</li>`;
}

function list(entries: EmbedEntry[], options: EmbedHtmlOptions, t: EmbedStrings): string {
  return `<ul class="list">\n${entries.map(e => card(e, options, t)).join("\n")}\n</ul>`;
}

/** One section per calendar day (in the display zone), one column per room, in start order. */
function grid(entries: EmbedEntry[], options: EmbedHtmlOptions, t: EmbedStrings): string {
  const days = new Map<string, EmbedEntry[]>();
  for (const e of entries) {
    const day = dayKey(e.session.startsAt, zoneOf(e, options));
    days.set(day, [...(days.get(day) ?? []), e]);
  }
  return [...days.values()]
    .map(dayEntries => {
      const first = dayEntries[0];
      const heading = formatDay(first.session.startsAt, zoneOf(first, options), options.lang);
      const rooms = new Map<string, EmbedEntry[]>();
      for (const e of dayEntries) {
        const room = e.session.room ?? e.session.location ?? "—";
        rooms.set(room, [...(rooms.get(room) ?? []), e]);
      }
      const columns = [...rooms]
        .map(
          ([room, roomEntries]) =>
            `<div class="room-column" data-room="${escapeHtml(room)}">\n<h3 class="room-heading">${escapeHtml(room)}</h3>\n${list(roomEntries, options, t)}\n</div>`,
        )
        .join("\n");
      return `<section class="day">\n<h2 class="day-heading">${escapeHtml(heading)}</h2>\n<div class="grid">\n${columns}\n</div>\n</section>`;
    })
    .join("\n");
}

/** The sessions as a complete HTML document; an empty list says so. */
export function renderSessionsHtml(result: EmbedSessions, requested: EmbedHtmlOptions): string {
  const { lang, note } = resolveLang(requested.lang);
  const withYear = spansYears(
    result.entries.map(e => ({ at: e.session.startsAt, zone: zoneOf(e, requested) })),
  );
  const options = { ...requested, lang, withYear };
  const t = stringsFor(lang);
  const title = embedTitle(result);
  const body = result.entries.length
    ? options.layout === "grid"
      ? grid(result.entries, options, t)
      : list(result.entries, options, t)
    : `<p class="status empty">${escapeHtml(t.empty)}</p>`;
  return document(lang, title, `<main class="crosstalk-sessions">\n${body}\n</main>`, note);
}

/** The speakers as a complete HTML document (GET /embed/speakers); an empty list says so. */
export function renderSpeakersHtml(
  result: EmbedSpeakers,
  requested: { lang: string; personUrl: string | null },
): string {
  const { lang, note } = resolveLang(requested.lang);
  const t = stringsFor(lang);
  const title =
    [result.conference?.name, result.community?.name].filter(Boolean).join(" · ") || t.speakers;
  const href = (slug: string) => {
    if (!requested.personUrl) return null;
    try {
      const url = new URL(requested.personUrl.split("{slug}").join(encodeURIComponent(slug)));
      return /^https?:$/.test(url.protocol) ? url.toString() : null;
    } catch {
      return null;
    }
  };
  const items = result.people.map(p => {
    const link = href(p.slug);
    const name = link
      ? `<a class="name" href="${escapeHtml(link)}">${escapeHtml(p.name)}</a>`
      : `<span class="name">${escapeHtml(p.name)}</span>`;
    const affiliation = p.affiliation
      ? `<span class="affiliation"> · ${escapeHtml(p.affiliation)}</span>`
      : "";
    return `<li class="speaker" data-slug="${escapeHtml(p.slug)}">${name}${affiliation}</li>`;
  });
  const body = items.length
    ? `<ul class="speaker-list">\n${items.join("\n")}\n</ul>`
    : `<p class="status empty">${escapeHtml(t.noSpeakers)}</p>`;
  return document(
    lang,
    `${t.speakers}: ${title}`,
    `<main class="crosstalk-speakers">\n${body}\n</main>`,
    note,
  );
}

/** A friendly page for an embed that cannot be shown (unknown slug, bad filter, failure). */
export function renderEmbedMessage(requestedLang: string, message: string): string {
  const { lang } = resolveLang(requestedLang);
  const t = stringsFor(lang);
  return document(
    lang,
    t.error,
    `<main class="crosstalk-sessions">\n<p class="status error" role="alert">${escapeHtml(t.error)} ${escapeHtml(message)}</p>\n</main>`,
  );
}
