import type {
  Community,
  Conference,
  Person,
  Room,
  Session,
  SessionLink,
  Topic,
  Track,
} from "../../entities";
import { BadUserInputError } from "../core/errors";
import type { CommunityService, CommunityTree } from "./community.service";
import type { ConferenceService } from "./conference.service";
import type { ListingService, SessionParent } from "./listing.service";
import { requireBySlug } from "./lookup";
import type { PersonService } from "./person.service";
import type { SessionFilter, SessionService } from "./session.service";
import type { StructureService } from "./structure.service";

/** The most sessions one feed lists. A larger feed is refused, never silently cut short. */
export const FEED_SESSION_LIMIT = 2000;

/** A feed would list more than FEED_SESSION_LIMIT sessions. */
export class FeedTooLargeError extends Error {
  override name = "FeedTooLargeError";
  constructor(readonly limit: number) {
    super(`This feed would list more than ${limit} sessions; narrow it down`);
  }
}

/** One session with everything a feed prints about it. */
export interface FeedEntry {
  session: Session;
  /** The conference hosting the session: its time zone and venue apply. */
  host: Conference;
  /** In billing order. */
  speakers: Person[];
  /** By name. */
  topics: Topic[];
  /** The communities the session is aimed at, by name. */
  audiences: Community[];
  /** The conferences whose programs list it, earliest first. */
  programs: Conference[];
  /** The session's track, if it has one. */
  track: Track | null;
  /** The room record, if the session is in one (`session.room` is its name). */
  room: Room | null;
  /** Slides, video, code: in order. */
  links: SessionLink[];
}

/** What a feed is of (for its title) and its sessions in start order. */
export interface Feed {
  title: string;
  entries: FeedEntry[];
}

/** Services the feed service reads through. */
export interface FeedDependencies {
  communities: CommunityService;
  conferences: ConferenceService;
  people: PersonService;
  sessions: SessionService;
  listings: ListingService;
  structure: StructureService;
}

/**
 * Gathers the sessions behind the read-only feeds (iCalendar, frab schedule). Every feed costs a fixed
 * number of statements: the subject, the community tree, the sessions, then speakers, topics,
 * audiences and programs for all sessions at once.
 */
export class FeedService {
  /** `limit`: the most sessions one feed may list (FEED_MAX_SESSIONS). */
  constructor(
    private readonly deps: FeedDependencies,
    private readonly limit = FEED_SESSION_LIMIT,
  ) {}

  private conference(slug: string): Promise<Conference> {
    return requireBySlug("Conference", slug, s => this.deps.conferences.bySlug(s));
  }

  /**
   * A conference's program: every session its program lists, combined sessions included; with
   * `trackSlug`, only that track's (one of the conference's tracks, else NOT_FOUND).
   */
  async conferenceFeed(
    slug: string,
    trackSlug?: string,
  ): Promise<Feed & { conference: Conference }> {
    const conference = await this.conference(slug);
    const tree = await this.deps.communities.tree();
    if (trackSlug === undefined) {
      const entries = await this.entries(tree, { kind: "conference" }, conference, {});
      return { title: conference.name, conference, entries };
    }
    const tracks = (await this.deps.structure.tracks([conference.id])).get(conference.id) ?? [];
    const track = await requireBySlug(
      "Track",
      trackSlug,
      s => tracks.find(t => t.slug === s) ?? null,
    );
    const entries = await this.entries(tree, { kind: "conference" }, conference, {
      trackIds: [track.id],
    });
    return { title: `${conference.name}: ${track.name}`, conference, entries };
  }

  /**
   * Sessions aimed at a community or any community below it, optionally narrowed to one conference's
   * program.
   */
  async communityFeed(slug: string, conferenceSlug?: string): Promise<Feed> {
    if (conferenceSlug !== undefined && !conferenceSlug) {
      throw new BadUserInputError("conference must be a conference slug", [
        { field: "conference", message: "must not be empty" },
      ]);
    }
    const tree = await this.deps.communities.tree();
    const community = await requireBySlug("Community", slug, s => tree.bySlug(s));
    if (conferenceSlug === undefined) {
      const entries = await this.entries(tree, { kind: "community" }, community, {});
      return { title: community.name, entries };
    }
    const conference = await this.conference(conferenceSlug);
    const entries = await this.entries(tree, { kind: "community" }, community, {
      programIds: [conference.id],
    });
    return { title: `${community.name} at ${conference.name}`, entries };
  }

  /** The sessions a person speaks at. */
  async personFeed(slug: string): Promise<Feed> {
    const person = await requireBySlug("Person", slug, s => this.deps.people.bySlug(s));
    const tree = await this.deps.communities.tree();
    return {
      title: person.name,
      entries: await this.entries(tree, { kind: "speaker" }, person, {}),
    };
  }

  /** One session. */
  async sessionFeed(slug: string): Promise<Feed> {
    const session = await requireBySlug("Session", slug, s => this.deps.sessions.bySlug(s));
    const tree = await this.deps.communities.tree();
    return { title: session.title, entries: await this.hydrate([session], tree) };
  }

  /** Every session matching `filter`, in start order; refuses more than `limit`. One statement. */
  async sessionsForFeed(
    filter: SessionFilter,
    tree: CommunityTree,
    limit = this.limit,
  ): Promise<Session[]> {
    const rows = await this.deps.sessions
      .scoped(filter, tree)
      .orderBy("s.startsAt", "ASC")
      .addOrderBy("s.id", "ASC")
      .limit(limit + 1)
      .getMany();
    if (rows.length > limit) throw new FeedTooLargeError(limit);
    return rows;
  }

  /** The sessions of one parent (as GraphQL lists them), narrowed by `base`, with what hangs off them. */
  private async entries(
    tree: CommunityTree,
    parent: SessionParent,
    subject: { id: number } & Partial<Pick<Conference, "timezone">>,
    base: SessionFilter,
  ): Promise<FeedEntry[]> {
    const [scope] = await this.deps.listings.sessionScopes(tree, parent, [subject.id], base, {
      conferences: async () => [{ id: subject.id, timezone: subject.timezone ?? "UTC" }],
      colocatedIds: ids => this.deps.conferences.colocatedIds(ids),
    });
    return this.hydrate(await this.sessionsForFeed(scope.filter, tree), tree);
  }

  /** Loads what hangs off `sessions`, one statement per relation whatever their number. */
  async hydrate(sessions: Session[], tree: CommunityTree): Promise<FeedEntry[]> {
    if (!sessions.length) return [];
    const ids = sessions.map(s => s.id);
    const { sessions: service } = this.deps;
    const { structure } = this.deps;
    const idsOf = (pick: (s: Session) => number | null) =>
      [...new Set(sessions.map(pick))].filter((id): id is number => id != null);
    const [speakers, topics, audienceIds, programs, links, tracks, rooms] = await Promise.all([
      service.speakers(ids),
      service.topics(ids),
      service.audienceIds(ids),
      service.programs(ids),
      structure.links(ids),
      structure.trackByIds(idsOf(s => s.trackId)),
      structure.roomByIds(idsOf(s => s.roomId)),
    ]);
    const trackById = new Map(tracks.filter(t => t !== null).map(t => [t.id, t]));
    const roomById = new Map(rooms.filter(r => r !== null).map(r => [r.id, r]));
    // The host is always one of the session's programs; fetch any that is not (a data error).
    const hosts = new Map<number, Conference>();
    for (const list of programs.values()) for (const c of list) hosts.set(c.id, c);
    const missing = [...new Set(sessions.map(s => s.hostConferenceId))].filter(
      id => !hosts.has(id),
    );
    if (missing.length) {
      for (const c of await this.deps.conferences.byIds(missing)) if (c) hosts.set(c.id, c);
    }
    return sessions.map(session => {
      const host = hosts.get(session.hostConferenceId);
      if (!host) throw new Error(`Session ${session.id} has no host conference`);
      return {
        session,
        host,
        speakers: speakers.get(session.id) ?? [],
        topics: topics.get(session.id) ?? [],
        audiences: tree
          .getAll(audienceIds.get(session.id) ?? [])
          .sort((a, b) => a.name.localeCompare(b.name)),
        programs: programs.get(session.id) ?? [],
        track: (session.trackId && trackById.get(session.trackId)) || null,
        room: (session.roomId && roomById.get(session.roomId)) || null,
        links: links.get(session.id) ?? [],
      };
    });
  }
}
