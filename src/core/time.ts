import { DateTime, IANAZone } from "luxon";
import { BadUserInputError } from "./errors";

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

/** ISO-8601 with an explicit offset in `zone`, e.g. 2008-11-12T09:00:00.000-05:00. */
export function formatInstant(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true }) as string;
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
