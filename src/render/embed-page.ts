import { DateTime } from "luxon";
import { stringsFor, type EmbedStrings } from "../../embed/src/strings";
import { escapeHtml } from "./markdown";
import type { EmbedEntry, EmbedSessions } from "../services/embed.service";

// Pure formatting of the no-JavaScript embed (GET /embed/sessions): a complete, self-contained HTML
// document, usable in an iframe. Every piece of data passes through escapeHtml; nothing is trusted.

export interface EmbedHtmlOptions {
  layout: "list" | "grid";
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

function document(lang: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
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
  const zone = zoneOf(entry, options);
  const start = DateTime.fromJSDate(entry.session.startsAt, { zone }).setLocale(options.lang);
  const end = DateTime.fromJSDate(entry.session.endsAt, { zone }).setLocale(options.lang);
  return `${start.toFormat("ccc d LLL, HH:mm")}–${end.toFormat("HH:mm ZZZZ")}`;
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
    const day = DateTime.fromJSDate(e.session.startsAt, {
      zone: zoneOf(e, options),
    }).toISODate() as string;
    days.set(day, [...(days.get(day) ?? []), e]);
  }
  return [...days.values()]
    .map(dayEntries => {
      const first = dayEntries[0];
      const heading = DateTime.fromJSDate(first.session.startsAt, { zone: zoneOf(first, options) })
        .setLocale(options.lang)
        .toFormat("cccc d LLLL yyyy");
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
export function renderSessionsHtml(result: EmbedSessions, options: EmbedHtmlOptions): string {
  const t = stringsFor(options.lang);
  const title = embedTitle(result);
  const body = result.entries.length
    ? options.layout === "grid"
      ? grid(result.entries, options, t)
      : list(result.entries, options, t)
    : `<p class="status empty">${escapeHtml(t.empty)}</p>`;
  return document(options.lang, title, `<main class="crosstalk-sessions">\n${body}\n</main>`);
}

/** A friendly page for an embed that cannot be shown (unknown slug, bad filter, failure). */
export function renderEmbedMessage(lang: string, message: string): string {
  const t = stringsFor(lang);
  return document(
    lang,
    t.error,
    `<main class="crosstalk-sessions">\n<p class="status error" role="alert">${escapeHtml(t.error)} ${escapeHtml(message)}</p>\n</main>`,
  );
}
