import { CrosstalkElement } from "./base";
import { runOperation, hubUrl } from "./client";
import { fillUrl, h, validZone } from "./dom";
import type { EmbedStrings } from "./strings";

interface CommunityRef {
  slug: string;
  name: string;
  parent?: CommunityRef | null;
}

interface SessionData {
  slug: string;
  title: string;
  kind: string;
  room: string | null;
  location: string | null;
  startsAt: string;
  endsAt: string;
  isCrossCommunity: boolean;
  hostConference: { slug: string; name: string; timezone: string };
  speakers: { slug: string; name: string }[];
  audiences: CommunityRef[];
}

type Connection = { nodes: SessionData[] };

const KINDS = /^[A-Z_]+$/;

/** The root community of an audience (Zope → Python). */
function rootOf(community: CommunityRef): CommunityRef {
  let c = community;
  while (c.parent) c = c.parent;
  return c;
}

/** Names of the distinct root communities of a session's audiences, by name. */
export function rootNames(audiences: CommunityRef[]): string[] {
  const names = new Map<string, string>();
  for (const a of audiences) {
    const root = rootOf(a);
    names.set(root.slug, root.name);
  }
  return [...names.values()].sort((a, b) => a.localeCompare(b));
}

/**
 * `<crosstalk-sessions>`: a conference's or community's sessions, filtered by attributes, rendered
 * as a list or as a grid by day and room inside a shadow root.
 */
export class CrosstalkSessions extends CrosstalkElement {
  static observedAttributes = [
    "conference",
    "community",
    "kind",
    "topic",
    "speaker",
    "day",
    "include-colocated",
    "layout",
    "limit",
    "timezone",
    "lang",
    "session-url",
    "endpoint",
  ];

  protected async load(signal: AbortSignal): Promise<Node | null> {
    const conference = this.attr("conference");
    const kinds = this.attr("kind")
      ?.split(",")
      .map(k => k.trim().toUpperCase().replace(/-/g, "_"))
      .filter(k => KINDS.test(k));
    const filter: Record<string, unknown> = {};
    for (const name of ["community", "topic", "speaker", "day"]) {
      const value = this.attr(name);
      if (value) filter[name] = value;
    }
    if (kinds?.length) filter.kinds = kinds;
    const limit = Math.min(Math.max(Number(this.attr("limit") ?? 100) || 100, 1), 100);
    const zoneChoice = this.attr("timezone") ?? "event";
    const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const zone =
      zoneChoice === "event"
        ? undefined
        : zoneChoice === "viewer"
          ? viewerZone
          : validZone(zoneChoice);
    if (zoneChoice !== "event" && !zone) throw new Error(`Unknown time zone "${zoneChoice}"`);
    const variables = { filter, first: limit, timezone: zone ?? null };

    let sessions: SessionData[];
    if (conference) {
      const data = await runOperation<{ conference: { sessions: Connection } | null }>(
        this.endpoint,
        "CrosstalkConferenceSessions",
        {
          ...variables,
          conference,
          // The whole co-located event unless include-colocated="false".
          includeColocated: this.getAttribute("include-colocated") !== "false",
        },
        signal,
      );
      if (!data.conference) return null;
      sessions = data.conference.sessions.nodes;
    } else {
      const data = await runOperation<{ sessions: Connection }>(
        this.endpoint,
        "CrosstalkSessions",
        variables,
        signal,
      );
      sessions = data.sessions.nodes;
    }
    if (!sessions.length) return null;
    const view = new SessionView(this.strings, this.attr("session-url"), zone, this.attr("lang"));
    return this.attr("layout") === "grid" ? view.grid(sessions) : view.list(sessions);
  }
}

/** Renders sessions as DOM; every piece of data goes in as text. */
class SessionView {
  constructor(
    private readonly t: EmbedStrings,
    private readonly urlTemplate: string | undefined,
    private readonly zone: string | undefined,
    private readonly lang: string | undefined,
  ) {}

  private zoneOf(s: SessionData): string {
    return this.zone ?? s.hostConference.timezone;
  }

  private format(iso: string, zone: string, options: Intl.DateTimeFormatOptions): string {
    return new Intl.DateTimeFormat(this.lang ?? "en", { timeZone: zone, ...options }).format(
      new Date(iso),
    );
  }

  private dayKey(s: SessionData): string {
    return this.format(s.startsAt, this.zoneOf(s), {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
  }

  private when(s: SessionData): string {
    const zone = this.zoneOf(s);
    const start = this.format(s.startsAt, zone, {
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "numeric",
      minute: "2-digit",
    });
    const end = this.format(s.endsAt, zone, {
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
    });
    return `${start}–${end}`;
  }

  private card(s: SessionData): HTMLElement {
    const href = fillUrl(
      this.urlTemplate ?? hubUrl("/calendar/session/{slug}.ics"),
      s.slug,
      document.baseURI,
    );
    const place = s.room ?? s.location;
    const roots = rootNames(s.audiences);
    return h(
      "li",
      { part: s.isCrossCommunity ? "session cross-community" : "session", "data-slug": s.slug },
      h("h3", { part: "title" }, href ? h("a", { href, part: "link" }, s.title) : s.title),
      h(
        "p",
        { part: "meta" },
        h("time", { part: "time", datetime: s.startsAt }, this.when(s)),
        place ? " · " : null,
        place ? h("span", { part: "room" }, place) : null,
      ),
      s.speakers.length
        ? h("p", { part: "speakers" }, this.t.list(s.speakers.map(p => p.name)))
        : null,
      s.audiences.length
        ? h(
            "p",
            { part: "audiences" },
            `${this.t.audiences}: ${this.t.list(s.audiences.map(a => a.name).sort())}`,
          )
        : null,
      s.isCrossCommunity ? h("p", { part: "marker" }, this.t.forCommunities(roots)) : null,
    );
  }

  list(sessions: SessionData[]): HTMLElement {
    return h(
      "ul",
      { part: "list" },
      sessions.map(s => this.card(s)),
    );
  }

  /** One section per day (in the display zone), one column per room, sessions in start order. */
  grid(sessions: SessionData[]): HTMLElement {
    const days = new Map<string, SessionData[]>();
    for (const s of sessions) {
      const key = this.dayKey(s);
      days.set(key, [...(days.get(key) ?? []), s]);
    }
    return h(
      "div",
      { part: "days" },
      [...days.values()].map(daySessions => {
        const first = daySessions[0];
        const rooms = new Map<string, SessionData[]>();
        for (const s of daySessions) {
          const room = s.room ?? s.location ?? "—";
          rooms.set(room, [...(rooms.get(room) ?? []), s]);
        }
        return h(
          "section",
          { part: "day" },
          h(
            "h2",
            { part: "day-heading" },
            this.format(first.startsAt, this.zoneOf(first), {
              weekday: "long",
              day: "numeric",
              month: "long",
              year: "numeric",
            }),
          ),
          h(
            "div",
            { part: "grid" },
            [...rooms].map(([room, list]) =>
              h(
                "div",
                { part: "room-column", "data-room": room },
                h("h3", { part: "room-heading" }, room),
                h(
                  "ul",
                  { part: "list" },
                  list.map(s => this.card(s)),
                ),
              ),
            ),
          ),
        );
      }),
    );
  }
}
