import { CrosstalkElement } from "./base";
import { runOperation, hubUrl } from "./client";
import { fillUrl, h, safeUrl, validZone } from "./dom";
import { dayKey, formatDay, formatWhen, spansYears } from "./format";
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
  track?: { slug: string; name: string; color: string | null } | null;
  roomRecord?: { capacity: number | null } | null;
  links?: { kind: string; url: string; title: string | null }[];
  doNotRecord?: boolean;
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
    "track",
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
    for (const name of ["community", "topic", "speaker", "track", "day"]) {
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
    const view = new SessionView(
      this.strings,
      this.attr("session-url"),
      zone,
      this.shownLang,
      sessions,
    );
    return this.attr("layout") === "grid" ? view.grid(sessions) : view.list(sessions);
  }
}

/** Renders sessions as DOM; every piece of data goes in as text. */
class SessionView {
  /** Whether the sessions shown fall in more than one year: then every date carries its year. */
  private readonly withYear: boolean;

  constructor(
    private readonly t: EmbedStrings,
    private readonly urlTemplate: string | undefined,
    private readonly zone: string | undefined,
    private readonly lang: string,
    sessions: SessionData[],
  ) {
    this.withYear = spansYears(sessions.map(s => ({ at: s.startsAt, zone: this.zoneOf(s) })));
  }

  private zoneOf(s: SessionData): string {
    return this.zone ?? s.hostConference.timezone;
  }

  private when(s: SessionData): string {
    return formatWhen(s.startsAt, s.endsAt, this.zoneOf(s), this.lang, this.withYear);
  }

  /** The partner's URL for a session, or by default its calendar on the hub. */
  private href(slug: string): string | undefined {
    // The default is built with the slug already in place: a `{slug}` placeholder in a URL that
    // has been through `new URL` is percent-encoded and would no longer be found.
    if (!this.urlTemplate) return hubUrl(`/calendar/session/${encodeURIComponent(slug)}.ics`);
    return fillUrl(this.urlTemplate, slug, document.baseURI);
  }

  /** Track, capacity, links and the do-not-record note, when the session has them. */
  private extras(s: SessionData): HTMLElement[] {
    const out: HTMLElement[] = [];
    if (s.track) out.push(h("p", { part: "track" }, `${this.t.track}: ${s.track.name}`));
    if (s.roomRecord?.capacity != null && s.room) {
      out.push(h("p", { part: "capacity" }, `${s.room}: ${s.roomRecord.capacity} ${this.t.seats}`));
    }
    const links = (s.links ?? [])
      .map(l => ({ ...l, href: safeUrl(l.url, document.baseURI) }))
      .filter(l => l.href);
    if (links.length) {
      out.push(
        h(
          "p",
          { part: "links" },
          links.flatMap((l, i) => [
            i ? " · " : null,
            h(
              "a",
              { href: l.href, part: `material ${l.kind.toLowerCase()}`, rel: "noopener" },
              l.title ?? this.t.links[l.kind] ?? l.kind,
            ),
          ]),
        ),
      );
    }
    if (s.doNotRecord) out.push(h("p", { part: "do-not-record" }, this.t.doNotRecord));
    return out;
  }

  private card(s: SessionData): HTMLElement {
    const href = this.href(s.slug);
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
      this.extras(s),
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
      const key = dayKey(s.startsAt, this.zoneOf(s));
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
            formatDay(first.startsAt, this.zoneOf(first), this.lang),
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
