import { DateTime, IANAZone } from "luxon";
import { BadUserInputError } from "./errors";
import { HeldValues } from "./held-values";

/** Throws BAD_USER_INPUT unless `zone` is a valid IANA time-zone name. */
export function assertZone(zone: string, field = "timezone"): string {
  if (!IANAZone.isValidZone(zone)) {
    throw new BadUserInputError(
      `${field}: "${zone}" is not an IANA time zone such as America/New_York`,
      [{ field, message: "must be an IANA time zone name" }],
    );
  }
  return zone;
}

/** The zone a field formats in: the client's choice if given (validated), else the event's own. */
export function chooseZone(requested: string | null | undefined, eventZone: string): string {
  return requested == null ? eventZone : assertZone(requested);
}

/** Zone name → instant (epoch ms) → its text: a program's instants recur on every page listing them. */
const formatted = new HeldValues<string, number, string>(50_000);

/**
 * ISO-8601 with an explicit offset in `zone`, e.g. 2008-11-12T09:00:00-05:00 (ms only if any).
 * Each instant is formatted once per zone and process (up to 50,000 held, then the memory starts
 * afresh): a page of sessions then costs two Map lookups per instant, and no new strings.
 */
export function formatInstant(instant: Date, zone: string): string {
  return formatted.get(zone, instant.getTime(), formatNow);
}

function formatNow(zone: string, ms: number): string {
  const offset = ianaOffset(zone, ms);
  if (offset === null) return luxonInstant(new Date(ms), zone);
  const local = new Date(ms + offset * 60_000);
  const year = local.getUTCFullYear();
  if (year < 1000 || year > 9999) return luxonInstant(new Date(ms), zone);
  const millis = local.getUTCMilliseconds();
  const abs = Math.abs(offset);
  return (
    `${year}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}` +
    `T${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}` +
    (millis === 0 ? "" : `.${String(millis).padStart(3, "0")}`) +
    `${offset < 0 ? "-" : "+"}${pad2(Math.trunc(abs / 60))}:${pad2(Math.trunc(abs % 60))}`
  );
}

function luxonInstant(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true }) as string;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

const HOUR_MS = 3_600_000;
/** Zone name → its IANA zone, or null for names luxon reads otherwise ("UTC", "utc+3", invalid). */
const ianaZones = new Map<string, IANAZone | null>();
/** `zone|hour` → the zone's offset in minutes throughout that UTC hour, or null if it changes in it. */
const hourOffsets = new Map<string, number | null>();
const MAX_CACHED = 50_000;

/**
 * The UTC offset (minutes) of an IANA zone at `ms`, without asking Intl again for an hour already
 * seen: an hour whose start and end have the same offset is taken to keep it throughout (no zone
 * changes twice within an hour), and an hour with a transition in it is asked about per instant.
 * Null when `zone` is not a valid IANA name (luxon then formats it its own way).
 */
function ianaOffset(zone: string, ms: number): number | null {
  let iana = ianaZones.get(zone);
  if (iana === undefined) {
    const lowered = zone.toLowerCase();
    iana =
      lowered !== "utc" && lowered !== "gmt" && !/^utc[+-]/.test(lowered)
        ? IANAZone.isValidZone(zone)
          ? IANAZone.create(zone)
          : null
        : null;
    if (ianaZones.size >= 1000) ianaZones.clear();
    ianaZones.set(zone, iana);
  }
  if (!iana) return null;
  const hour = Math.floor(ms / HOUR_MS);
  const key = `${zone}|${hour}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    const start = iana.offset(hour * HOUR_MS);
    offset = iana.offset((hour + 1) * HOUR_MS - 1) === start ? start : null;
    if (hourOffsets.size >= MAX_CACHED) hourOffsets.clear();
    hourOffsets.set(key, offset);
  }
  return offset ?? iana.offset(ms);
}

/** The calendar date (YYYY-MM-DD) of an instant in `zone`. */
export function dateIn(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() as string;
}

/** True for a real calendar date written YYYY-MM-DD (2008-02-31 is not one). */
export function isCalendarDate(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && DateTime.fromISO(day, { zone: "utc" }).isValid;
}

/** [start, end) of a calendar day in `zone`, as instants. */
export function dayBounds(day: string, zone: string): { from: Date; to: Date } {
  if (!isCalendarDate(day)) {
    throw new BadUserInputError(`"${day}" is not a calendar date such as 2008-11-12`, [
      { field: "day", message: "must be a real date written YYYY-MM-DD" },
    ]);
  }
  const start = DateTime.fromISO(day, { zone }).startOf("day");
  return { from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate() };
}

/** Every calendar day from `startsOn` to `endsOn` inclusive. */
export function daysBetween(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  let d = DateTime.fromISO(startsOn, { zone: "utc" });
  const end = DateTime.fromISO(endsOn, { zone: "utc" });
  while (d <= end && days.length < 366) {
    days.push(d.toISODate() as string);
    d = d.plus({ days: 1 });
  }
  return days;
}
