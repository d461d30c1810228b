import { dateIn, daysBetween } from "../core/time";

/** One calendar day of a program, in some zone, with its sessions. */
export interface ProgramDay<T> {
  date: string;
  sessions: T[];
}

/**
 * Lays a program out by day in `zone`: the conference's own days, plus any day a session touches
 * outside them (side events such as a sprint the weekend after), so no session is ever dropped.
 *
 * By default each session belongs to the day it starts on (the frab schedule lists every event
 * once). With `spanning`, a session that runs over several days (a multi-day sprint) adds each of
 * them and is listed on each (`Conference.days`). A session ending exactly at midnight does not
 * touch the next day.
 */
export function programDays<T extends { startsAt: Date; endsAt?: Date }>(
  conference: { startsOn: string; endsOn: string },
  sessions: T[],
  zone: string,
  options: { spanning?: boolean } = {},
): ProgramDay<T>[] {
  const dates = new Set(daysBetween(conference.startsOn, conference.endsOn));
  const byDate = new Map<string, T[]>();
  for (const session of [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    const first = dateIn(session.startsAt, zone);
    const last =
      options.spanning && session.endsAt && session.endsAt > session.startsAt
        ? dateIn(new Date(session.endsAt.getTime() - 1), zone)
        : first;
    for (const date of daysBetween(first, last < first ? first : last)) {
      dates.add(date);
      byDate.set(date, [...(byDate.get(date) ?? []), session]);
    }
  }
  return [...dates].sort().map(date => ({ date, sessions: byDate.get(date) ?? [] }));
}
