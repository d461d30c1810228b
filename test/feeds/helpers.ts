import ICAL from "ical.js";
import type { TestServer } from "../helpers/test-server";

export interface Fetched {
  status: number;
  type: string;
  body: string;
  headers: Headers;
}

/** GETs a path from the test server. */
export async function get(server: TestServer, path: string): Promise<Fetched> {
  const res = await fetch(`${server.url}${path}`);
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    body: await res.text(),
    headers: res.headers,
  };
}

/** Parses iCalendar text with ical.js (throws on malformed input) and registers its time zones. */
export function parseCalendar(text: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  const events = calendar.getAllSubcomponents("vevent").map(v => new ICAL.Event(v));
  return { calendar, events };
}

/** The event for a session slug, by its URL (which ends in /calendar/session/<slug>.ics). */
export function eventFor(events: ICAL.Event[], slug: string): ICAL.Event | undefined {
  return events.find(e =>
    String(e.component.getFirstPropertyValue("url")).endsWith(`/session/${slug}.ics`),
  );
}
