import { DateTime, IANAZone } from "luxon";
import { SessionStatus } from "../../entities";
import type { FeedEntry } from "../services/feed.service";
import { sessionUid, sessionUrl } from "./feed-ids";

// An RFC 5545 writer for what Crosstalk publishes: VEVENTs with TZID times and the VTIMEZONEs they
// use. Hand-written because the rules that matter (stable UID, SEQUENCE from the row's version,
// VTIMEZONE built from the IANA database) are few and easy to test, and no library did all three.

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return (
    value
      // CONTROL characters other than HTAB are not allowed in TEXT; newlines become \n below.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n")
  );
}

/**
 * Folds one content line so that no physical line exceeds 75 octets (RFC 5545 §3.1), never splitting
 * a UTF-8 sequence; continuation lines start with a space. Returns the lines joined by CRLF.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > limit) {
      parts.push(current);
      current = " ";
      octets = 1;
      limit = MAX_OCTETS;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** UTC form: 20081112T153000Z. */
function utcStamp(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: "utc" }).toFormat("yyyyMMdd'T'HHmmss'Z'");
}

/** Local form in `zone`: 20081112T103000 (used with TZID). */
function localStamp(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyyMMdd'T'HHmmss");
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

interface Observance {
  daylight: boolean;
  /** The transition instant, in ms. */
  at: number;
  from: number;
  to: number;
  name: string;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The offset transitions of `zone` from the start of the year before `from` to the end of the year of
 * `to`, read from the IANA database through luxon. The first observance covers the scan's start, so
 * every instant in the range falls under one of them.
 */
export function observances(zone: string, from: Date, to: Date): Observance[] {
  const tz = IANAZone.create(zone);
  const start = DateTime.fromJSDate(from, { zone }).minus({ years: 1 }).startOf("year").toMillis();
  const end = DateTime.fromJSDate(to, { zone }).endOf("year").toMillis();
  const describe = (ms: number, fromOffset: number): Observance => {
    const dt = DateTime.fromMillis(ms, { zone });
    return {
      daylight: dt.isInDST,
      at: ms,
      from: fromOffset,
      to: tz.offset(ms),
      name: tz.offsetName(ms, { format: "short", locale: "en-US" }) ?? formatOffset(tz.offset(ms)),
    };
  };
  const result = [describe(start, tz.offset(start))];
  for (let day = start; day < end; day += DAY) {
    const before = tz.offset(day);
    if (tz.offset(day + DAY) === before) continue;
    // Binary search, to the minute, for the first instant with the new offset.
    let lo = Math.floor(day / MINUTE);
    let hi = Math.floor((day + DAY) / MINUTE);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (tz.offset(mid * MINUTE) === before) lo = mid;
      else hi = mid;
    }
    result.push(describe(hi * MINUTE, before));
  }
  return result;
}

/** A VTIMEZONE for `zone` valid for every instant between `from` and `to`. */
export function vtimezone(zone: string, from: Date, to: Date): string[] {
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  for (const o of observances(zone, from, to)) {
    const kind = o.daylight ? "DAYLIGHT" : "STANDARD";
    // DTSTART of an observance is the local time of the transition in the offset before it.
    const local = DateTime.fromMillis(o.at + o.from * MINUTE, { zone: "utc" }).toFormat(
      "yyyyMMdd'T'HHmmss",
    );
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${local}`,
      `TZOFFSETFROM:${formatOffset(o.from)}`,
      `TZOFFSETTO:${formatOffset(o.to)}`,
      `TZNAME:${escapeText(o.name)}`,
      `END:${kind}`,
    );
  }
  lines.push("END:VTIMEZONE");
  return lines;
}

/** Where a session happens: its room at the venue, its off-site location, or just the venue. */
export function locationOf(entry: FeedEntry): string {
  const { session, host } = entry;
  if (session.location) return session.location;
  const venue = `${host.venueName}, ${host.venueCity}`;
  return session.room ? `${session.room}, ${venue}` : venue;
}

/** How a link's kind is named in the description. */
const LINK_LABELS: Record<string, string> = {
  SLIDES: "Slides",
  VIDEO: "Video",
  CODE: "Code",
  OTHER: "Link",
};

/**
 * The plain-text description: abstract, speakers, the programs that list the session, then its
 * track, room capacity, materials (one line each) and a do-not-record note when these are set.
 */
export function describe(entry: FeedEntry): string {
  const parts = [entry.session.abstract.trim()];
  if (entry.speakers.length) {
    parts.push(`Speakers: ${entry.speakers.map(p => p.name).join(", ")}`);
  }
  if (entry.programs.length) {
    parts.push(`Programs: ${entry.programs.map(c => c.name).join(", ")}`);
  }
  const facts: string[] = [];
  if (entry.track) facts.push(`Track: ${entry.track.name}`);
  if (entry.room?.capacity != null) {
    facts.push(`Room: ${entry.room.name} (${entry.room.capacity} seats)`);
  }
  for (const link of entry.links) {
    const label = LINK_LABELS[link.kind] ?? "Link";
    facts.push(`${label}: ${link.title ? `${link.title} ` : ""}<${link.url}>`);
  }
  if (entry.session.doNotRecord) facts.push("Not recorded: the speakers asked not to be.");
  if (facts.length) parts.push(facts.join("\n"));
  return parts.filter(Boolean).join("\n\n");
}

export interface CalendarOptions {
  /** The calendar's display name (X-WR-CALNAME). */
  name: string;
  /** Base of the links written into URL properties. */
  publicUrl: string;
}

/**
 * An event's revision number. It goes up whenever the session changes, and also when its host
 * conference does (the venue, and so the LOCATION, or the zone come from there): both versions only
 * ever increase, so their sum does too.
 */
export function sequenceOf({ session, host }: Pick<FeedEntry, "session" | "host">): number {
  return Math.max(0, session.version - 1) + Math.max(0, host.version - 1);
}

/** When the event as published last changed: the later of the session's and its host's change. */
function lastChange({ session, host }: Pick<FeedEntry, "session" | "host">): Date {
  return host.updatedAt > session.updatedAt ? host.updatedAt : session.updatedAt;
}

/**
 * Renders sessions as an iCalendar object. Output depends only on the data: DTSTAMP is the event's
 * last change, so two fetches of an unchanged feed are byte-identical.
 */
export function renderCalendar(entries: FeedEntry[], options: CalendarOptions): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Crosstalk//Session feeds//EN",
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  const ranges = new Map<string, { from: Date; to: Date }>();
  for (const { session, host } of entries) {
    const range = ranges.get(host.timezone);
    ranges.set(host.timezone, {
      from: range && range.from < session.startsAt ? range.from : session.startsAt,
      to: range && range.to > session.endsAt ? range.to : session.endsAt,
    });
  }
  for (const [zone, range] of [...ranges].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(...vtimezone(zone, range.from, range.to));
  }
  for (const entry of entries) {
    const { session, host } = entry;
    const zone = host.timezone;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${sessionUid(session.id)}`,
      `SEQUENCE:${sequenceOf(entry)}`,
      `DTSTAMP:${utcStamp(lastChange(entry))}`,
      `CREATED:${utcStamp(session.createdAt)}`,
      `LAST-MODIFIED:${utcStamp(lastChange(entry))}`,
      `DTSTART;TZID=${zone}:${localStamp(session.startsAt, zone)}`,
      `DTEND;TZID=${zone}:${localStamp(session.endsAt, zone)}`,
      `SUMMARY:${escapeText(session.title)}`,
      `DESCRIPTION:${escapeText(describe(entry))}`,
      `LOCATION:${escapeText(locationOf(entry))}`,
      `URL:${sessionUrl(options.publicUrl, session.slug)}`,
    );
    // Each link as an attachment by URI (RFC 5545 §3.8.1.1); the description names them too.
    for (const link of entry.links) lines.push(`ATTACH:${link.url}`);
    if (entry.track) lines.push(`X-CROSSTALK-TRACK:${escapeText(entry.track.name)}`);
    if (entry.session.doNotRecord) lines.push("X-CROSSTALK-DO-NOT-RECORD:TRUE");
    if (session.status === SessionStatus.CANCELLED) lines.push("STATUS:CANCELLED");
    if (entry.audiences.length) {
      lines.push(`CATEGORIES:${entry.audiences.map(c => escapeText(c.name)).join(",")}`);
    }
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
