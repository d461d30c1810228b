import { dateIn, daysBetween } from "../core/time";

/** One calendar day of a program, in some zone, with the sessions that start on it. */
export interface ProgramDay<T> {
  date: string;
  sessions: T[];
}

/**
 * Lays a program out by day in `zone`: the conference's own days, plus any day on which one of its
 * sessions starts (side events such as a sprint the weekend after), so no session is ever dropped.
 * Each session belongs to the day it starts on. Shared by `Conference.days` and the frab schedule.
 */
export function programDays<T extends { startsAt: Date }>(
  conference: { startsOn: string; endsOn: string },
  sessions: T[],
  zone: string,
): ProgramDay<T>[] {
  const dates = new Set(daysBetween(conference.startsOn, conference.endsOn));
  const byDate = new Map<string, T[]>();
  for (const session of [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    const date = dateIn(session.startsAt, zone);
    dates.add(date);
    byDate.set(date, [...(byDate.get(date) ?? []), session]);
  }
  return [...dates].sort().map(date => ({ date, sessions: byDate.get(date) ?? [] }));
}
