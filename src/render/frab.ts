import { DateTime } from "luxon";
import { SessionStatus, type Conference } from "../../entities";
import type { FeedEntry } from "../services/feed.service";
import { programDays } from "../services/program-days";
import { dayBounds, formatInstant } from "../core/time";
import { SessionLinkKind, type SessionLink } from "../../entities";
import { placeGuid, sessionGuid, sessionUrl } from "./feed-ids";
import { el, renderXml, type XmlElement } from "./xml";

// The frab/pentabarf schedule format (XML and its JSON twin), read by conference apps such as
// Giggity, ConfClerk and the c3voc tooling.

/** Room name used when a session has neither a room nor a location. */
export const UNKNOWN_ROOM = "TBA";

export interface ScheduleEvent {
  id: number;
  guid: string;
  /** Start, ISO 8601 with the conference's offset. */
  date: string;
  /** Local start time, HH:MM. */
  start: string;
  /** HH:MM (hours may exceed 24 for multi-day side events). */
  duration: string;
  room: string;
  slug: string;
  title: string;
  subtitle: string;
  track: string;
  type: string;
  language: string;
  abstract: string;
  description: string;
  persons: { id: number; name: string }[];
  /** Where the event can be fetched on its own (its calendar). */
  url: string;
  /** The speakers asked not to be recorded. */
  doNotRecord: boolean;
  /** Every link of the session, in order. */
  links: ScheduleLink[];
  /** The links that are files to take away (the slides). */
  attachments: ScheduleLink[];
}

/** A link or attachment, with the c3voc reference type. */
export interface ScheduleLink {
  url: string;
  title: string;
  type: string;
}

/** A room of the grid: a room record's name, guid and capacity, or an off-site place or TBA. */
export interface ScheduleRoom {
  name: string;
  guid: string;
  slug?: string;
  capacity?: number | null;
}

/** A track of the conference, as schedule apps colour it. */
export interface ScheduleTrack {
  name: string;
  slug: string;
  color: string | null;
}

export interface ScheduleDay {
  /** 1-based. */
  index: number;
  /** YYYY-MM-DD in the conference's zone. */
  date: string;
  /** Start and end of the calendar day, ISO 8601 with offset. */
  start: string;
  end: string;
  rooms: { name: string; guid: string; events: ScheduleEvent[] }[];
}

export interface Schedule {
  version: string;
  conference: {
    title: string;
    acronym: string;
    start: string;
    end: string;
    days: number;
    timeslotDuration: string;
    timeZoneName: string;
    baseUrl: string;
  };
  rooms: ScheduleRoom[];
  tracks: ScheduleTrack[];
  days: ScheduleDay[];
}

function hhmm(totalMinutes: number): string {
  const minutes = Math.max(0, Math.round(totalMinutes));
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Where a session sits on the grid: its room, else its off-site location, else TBA. */
export function roomOf(entry: FeedEntry): string {
  return entry.session.room || entry.session.location || UNKNOWN_ROOM;
}

/** The c3voc reference type of each link kind. */
const LINK_TYPES: Record<SessionLinkKind, string> = {
  [SessionLinkKind.SLIDES]: "slides",
  [SessionLinkKind.VIDEO]: "media",
  [SessionLinkKind.CODE]: "web",
  [SessionLinkKind.OTHER]: "related",
};

function scheduleLink(link: SessionLink): ScheduleLink {
  return {
    url: link.url,
    title: link.title ?? link.kind.toLowerCase(),
    type: LINK_TYPES[link.kind],
  };
}

/**
 * The conference's acronym as the c3voc schema wants it (letters, digits and underscores, with an
 * optional `-2008-xx` tail): the slug with its hyphens written as underscores.
 */
export function scheduleAcronym(slug: string): string {
  return slug.replace(/-/g, "_");
}

/**
 * The grid's rooms: every room record used, with its guid and capacity, in the venue's order, then
 * off-site places, then TBA (each with a guid derived from the conference and the name).
 */
function scheduleRooms(conferenceId: number, entries: FeedEntry[]): ScheduleRoom[] {
  const records = new Map<string, ScheduleRoom & { position: number }>();
  const places = new Set<string>();
  for (const e of entries) {
    const name = roomOf(e);
    if (e.room && e.room.name === name) {
      records.set(name, {
        name,
        guid: e.room.guid,
        slug: e.room.slug,
        capacity: e.room.capacity,
        position: e.room.position,
      });
    } else places.add(name);
  }
  const rooms = [...records.values()]
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
    .map(({ position: _position, ...room }) => room);
  const others = [...places]
    .filter(name => !records.has(name))
    .sort((a, b) => (a === UNKNOWN_ROOM ? 1 : b === UNKNOWN_ROOM ? -1 : a.localeCompare(b)))
    .map(name => ({ name, guid: placeGuid(conferenceId, name) }));
  return [...rooms, ...others];
}

/**
 * Lays a conference's program out as frab days and rooms. Days are the conference's own, in its zone,
 * plus any day on which a program session starts outside them (side events), so nothing is dropped.
 */
export function buildSchedule(
  conference: Conference,
  entries: FeedEntry[],
  options: { publicUrl: string },
): Schedule {
  const zone = conference.timezone;
  const program = programDays(
    conference,
    entries.map(e => ({ startsAt: e.session.startsAt, entry: e })),
    zone,
  );
  const sortedDates = program.map(d => d.date);

  const rooms = scheduleRooms(conference.id, entries);
  const tracks = new Map<number, ScheduleTrack>();
  for (const e of entries) {
    if (e.track)
      tracks.set(e.track.id, { name: e.track.name, slug: e.track.slug, color: e.track.color });
  }

  const days: ScheduleDay[] = program.map(({ date, sessions }, i) => {
    const bounds = dayBounds(date, zone);
    const todays = sessions.map(s => s.entry);
    return {
      index: i + 1,
      date,
      start: formatInstant(bounds.from, zone),
      end: formatInstant(bounds.to, zone),
      rooms: rooms
        .map(room => ({
          name: room.name,
          guid: room.guid,
          events: todays
            .filter(e => roomOf(e) === room.name)
            .map(e => toEvent(e, zone, options.publicUrl)),
        }))
        .filter(r => r.events.length),
    };
  });

  // The conference's schedule version: it rises with every change to what the program shows.
  const version = String(conference.scheduleVersion);

  return {
    version,
    conference: {
      title: conference.name,
      acronym: scheduleAcronym(conference.slug),
      start: sortedDates[0] ?? conference.startsOn,
      end: sortedDates[sortedDates.length - 1] ?? conference.endsOn,
      days: days.length,
      timeslotDuration: "00:15",
      timeZoneName: zone,
      baseUrl: `${options.publicUrl}/`,
    },
    rooms,
    tracks: [...tracks.values()].sort((a, b) => a.name.localeCompare(b.name)),
    days,
  };
}

function toEvent(entry: FeedEntry, zone: string, publicUrl: string): ScheduleEvent {
  const { session } = entry;
  const start = DateTime.fromJSDate(session.startsAt, { zone });
  const minutes = (session.endsAt.getTime() - session.startsAt.getTime()) / 60_000;
  return {
    id: session.id,
    guid: sessionGuid(session.id),
    date: formatInstant(session.startsAt, zone),
    start: start.toFormat("HH:mm"),
    duration: hhmm(minutes),
    room: roomOf(entry),
    slug: session.slug,
    // frab has no status; a cancelled session keeps its slot and says so in its title.
    title:
      session.status === SessionStatus.CANCELLED ? `Cancelled: ${session.title}` : session.title,
    subtitle: "",
    // The session's track; without one, its first topic (as before tracks existed).
    track: entry.track?.name ?? entry.topics[0]?.name ?? "",
    type: session.kind.toLowerCase(),
    language: "en",
    abstract: session.abstract,
    // The abstract is printed already; the description says which programs list the session.
    description: entry.programs.length
      ? `Programs: ${entry.programs.map(c => c.name).join(", ")}`
      : "",
    persons: entry.speakers.map(p => ({ id: p.id, name: p.name })),
    url: sessionUrl(publicUrl, session.slug),
    doNotRecord: session.doNotRecord,
    links: entry.links.map(scheduleLink),
    attachments: entry.links.filter(l => l.kind === SessionLinkKind.SLIDES).map(scheduleLink),
  };
}

/** The XSD's event slug shape (`voc-slug-new`); other slugs are left out of the XML (optional). */
const XSD_EVENT_SLUG = /^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$/;

/** The schedule as frab XML. */
export function renderScheduleXml(schedule: Schedule): string {
  const c = schedule.conference;
  const event = (e: ScheduleEvent): XmlElement =>
    el("event", { id: e.id, guid: e.guid }, [
      el("date", e.date),
      el("start", e.start),
      el("duration", e.duration),
      el("room", e.room),
      ...(XSD_EVENT_SLUG.test(e.slug) ? [el("slug", e.slug)] : []),
      el("title", e.title),
      el("subtitle", e.subtitle),
      el("track", e.track),
      el("type", e.type),
      el("language", e.language),
      el("abstract", e.abstract),
      el("description", e.description),
      { name: "persons", children: e.persons.map(p => el("person", { id: p.id }, p.name)) },
      el("url", e.url),
      el("recording", [el("license", ""), el("optout", e.doNotRecord ? "true" : "false")]),
      {
        name: "links",
        children: e.links.map(l => el("link", { href: l.url, type: l.type }, l.title)),
      },
      {
        name: "attachments",
        children: e.attachments.map(l => el("attachment", { href: l.url, type: l.type }, l.title)),
      },
    ]);
  return renderXml(
    el("schedule", [
      el("version", schedule.version),
      el("conference", [
        el("title", c.title),
        el("acronym", c.acronym),
        el("start", c.start),
        el("end", c.end),
        el("days", c.days),
        el("timeslot_duration", c.timeslotDuration),
        el("time_zone_name", c.timeZoneName),
        el("base_url", c.baseUrl),
        ...schedule.tracks.map(t =>
          el("track", { name: t.name, slug: t.slug, ...(t.color ? { color: t.color } : {}) }),
        ),
      ]),
      ...schedule.days.map(day =>
        el("day", { index: day.index, date: day.date, start: day.start, end: day.end }, [
          ...day.rooms.map(room =>
            el("room", { name: room.name, guid: room.guid }, room.events.map(event)),
          ),
        ]),
      ),
    ]),
  );
}

/** The schedule in frab's JSON shape. */
export function scheduleJson(schedule: Schedule): unknown {
  const c = schedule.conference;
  return {
    schedule: {
      version: schedule.version,
      base_url: c.baseUrl,
      conference: {
        acronym: c.acronym,
        title: c.title,
        start: c.start,
        end: c.end,
        daysCount: c.days,
        timeslot_duration: c.timeslotDuration,
        time_zone_name: c.timeZoneName,
        rooms: schedule.rooms.map(r => ({
          name: r.name,
          guid: r.guid,
          ...(r.slug ? { slug: r.slug } : {}),
          ...(r.capacity != null ? { capacity: r.capacity } : {}),
        })),
        tracks: schedule.tracks.map(t => ({
          name: t.name,
          slug: t.slug,
          ...(t.color ? { color: t.color } : {}),
        })),
        days: schedule.days.map(day => ({
          index: day.index,
          date: day.date,
          day_start: day.start,
          day_end: day.end,
          rooms: Object.fromEntries(
            day.rooms.map(room => [
              room.name,
              room.events.map(e => ({
                id: e.id,
                guid: e.guid,
                date: e.date,
                start: e.start,
                duration: e.duration,
                room: e.room,
                slug: e.slug,
                title: e.title,
                subtitle: e.subtitle,
                track: e.track,
                type: e.type,
                language: e.language,
                abstract: e.abstract,
                description: e.description,
                persons: e.persons.map(p => ({ id: p.id, public_name: p.name })),
                url: e.url,
                do_not_record: e.doNotRecord,
                links: e.links,
                attachments: e.attachments,
              })),
            ]),
          ),
        })),
      },
    },
  };
}

/** JSON text safe to inline anywhere: `<`, `>` and `&` are written as \u escapes. */
export function renderScheduleJson(schedule: Schedule): string {
  return `${JSON.stringify(scheduleJson(schedule), null, 2)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")}\n`;
}
