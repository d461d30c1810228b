import { DateTime } from "luxon";
import { SessionStatus, type Conference } from "../../entities";
import type { FeedEntry } from "../services/feed.service";
import { programDays } from "../services/program-days";
import { dayBounds, formatInstant } from "../core/time";
import { sessionGuid } from "./feed-ids";
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
}

export interface ScheduleDay {
  /** 1-based. */
  index: number;
  /** YYYY-MM-DD in the conference's zone. */
  date: string;
  /** Start and end of the calendar day, ISO 8601 with offset. */
  start: string;
  end: string;
  rooms: { name: string; events: ScheduleEvent[] }[];
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
  rooms: string[];
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

  const rooms = [...new Set(entries.map(roomOf))].sort((a, b) =>
    a === UNKNOWN_ROOM ? 1 : b === UNKNOWN_ROOM ? -1 : a.localeCompare(b),
  );

  const days: ScheduleDay[] = program.map(({ date, sessions }, i) => {
    const bounds = dayBounds(date, zone);
    const todays = sessions.map(s => s.entry);
    return {
      index: i + 1,
      date,
      start: formatInstant(bounds.from, zone),
      end: formatInstant(bounds.to, zone),
      rooms: rooms
        .map(name => ({
          name,
          events: todays.filter(e => roomOf(e) === name).map(e => toEvent(e, zone)),
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
      acronym: conference.slug,
      start: sortedDates[0] ?? conference.startsOn,
      end: sortedDates[sortedDates.length - 1] ?? conference.endsOn,
      days: days.length,
      timeslotDuration: "00:15",
      timeZoneName: zone,
      baseUrl: `${options.publicUrl}/`,
    },
    rooms,
    days,
  };
}

function toEvent(entry: FeedEntry, zone: string): ScheduleEvent {
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
    track: entry.topics[0]?.name ?? "",
    type: session.kind.toLowerCase(),
    language: "en",
    abstract: session.abstract,
    // The abstract is printed already; the description says which programs list the session.
    description: entry.programs.length
      ? `Programs: ${entry.programs.map(c => c.name).join(", ")}`
      : "",
    persons: entry.speakers.map(p => ({ id: p.id, name: p.name })),
  };
}

/** The schedule as frab XML. */
export function renderScheduleXml(schedule: Schedule): string {
  const c = schedule.conference;
  const event = (e: ScheduleEvent): XmlElement =>
    el("event", { id: e.id, guid: e.guid }, [
      el("date", e.date),
      el("start", e.start),
      el("duration", e.duration),
      el("room", e.room),
      el("slug", e.slug),
      el("title", e.title),
      el("subtitle", e.subtitle),
      el("track", e.track),
      el("type", e.type),
      el("language", e.language),
      el("abstract", e.abstract),
      el("description", e.description),
      { name: "persons", children: e.persons.map(p => el("person", { id: p.id }, p.name)) },
      el("links"),
      el("attachments"),
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
      ]),
      ...schedule.days.map(day =>
        el("day", { index: day.index, date: day.date, start: day.start, end: day.end }, [
          ...day.rooms.map(room => el("room", { name: room.name }, room.events.map(event))),
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
        rooms: schedule.rooms.map(name => ({ name })),
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
                links: [],
                attachments: [],
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
