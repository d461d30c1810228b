import type { Community, Conference, Person, SessionKind, Topic } from "../../entities";
import { BadUserInputError } from "../core/errors";
import type { CommunityService } from "./community.service";
import type { ConferenceService } from "./conference.service";
import type { FeedEntry, FeedService } from "./feed.service";
import type { ListingService, SessionParent } from "./listing.service";
import { requireBySlug } from "./lookup";
import type { PersonService } from "./person.service";
import type { SessionFilter, SessionService } from "./session.service";
import type { TopicService } from "./topic.service";
import type { StructureService } from "./structure.service";
import type { RequestContext } from "../core/context";
import { withFields } from "../core/objects";

/** The most sessions one embed shows (the GraphQL page limit, so both embeds agree). */
export const EMBED_SESSION_LIMIT = 100;

/** What an embed asks for, as the partner wrote it: slugs and a calendar day, not ids. */
export interface EmbedSessionsSpec {
  conference?: string;
  community?: string;
  kinds?: SessionKind[];
  topic?: string;
  speaker?: string;
  /** A track slug (with a conference: that conference's track; else any conference's). */
  track?: string;
  /** A calendar day (YYYY-MM-DD): in the conference's zone, else in each session's own. */
  day?: string;
  /** Widen a conference's program to the conferences co-located with it. */
  includeColocated?: boolean;
  limit?: number;
}

/** A session as an embed shows it: the feed entry plus the root communities of its audiences. */
export interface EmbedEntry extends FeedEntry {
  /** Distinct root communities of the audiences, by name (Python, PHP). */
  audienceRoots: Community[];
  /** True when the audiences span more than one root community. */
  crossCommunity: boolean;
}

/** The sessions an embed lists and what they were chosen by. */
export interface EmbedSessions {
  conference: Conference | null;
  community: Community | null;
  speaker: Person | null;
  topic: Topic | null;
  entries: EmbedEntry[];
}

/** The speakers an embed lists and what they were chosen by. */
export interface EmbedSpeakers {
  conference: Conference | null;
  community: Community | null;
  people: Person[];
}

/** Services the embed service reads through. */
export interface EmbedDependencies {
  communities: CommunityService;
  conferences: ConferenceService;
  people: PersonService;
  sessions: SessionService;
  topics: TopicService;
  listings: ListingService;
  feeds: FeedService;
  structure: StructureService;
}

/**
 * Gathers the sessions behind the server-rendered embed (GET /embed/sessions): the same filters as
 * `<crosstalk-sessions>`, but an unknown slug is reported (NOT_FOUND) instead of matching nothing, so
 * a partner sees their typo. A fixed number of statements whatever the list's length.
 */
export class EmbedService {
  constructor(private readonly deps: EmbedDependencies) {}

  async sessions(spec: EmbedSessionsSpec): Promise<EmbedSessions> {
    const { conference: conferenceSlug, community: communitySlug, speaker: speakerSlug } = spec;
    if (!conferenceSlug && !communitySlug && !speakerSlug && !spec.topic) {
      throw new BadUserInputError("Say which sessions to show: give a conference or a community", [
        { field: "conference", message: "give conference, community, speaker or topic" },
      ]);
    }
    const limit = spec.limit ?? EMBED_SESSION_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > EMBED_SESSION_LIMIT) {
      throw new BadUserInputError(`limit must be between 1 and ${EMBED_SESSION_LIMIT}`, [
        { field: "limit", message: `must be between 1 and ${EMBED_SESSION_LIMIT}` },
      ]);
    }
    const tree = await this.deps.communities.tree();
    const found = <T>(
      kind: string,
      slug: string | undefined,
      load: (s: string) => Promise<T | null> | T | null,
    ) => (slug === undefined ? null : requireBySlug(kind, slug, load));
    const [conference, speaker, topic, community] = await Promise.all([
      found("Conference", conferenceSlug, s => this.deps.conferences.bySlug(s)),
      found("Person", speakerSlug, s => this.deps.people.bySlug(s)),
      found("Topic", spec.topic, s => this.deps.topics.bySlug(s)),
      found("Community", communitySlug, s => tree.bySlug(s)),
    ]);

    // The subjects are loaded already (to report unknown slugs), so the filter is built from them,
    // then narrowed to the conference's program (widened by co-location) as GraphQL lists it.
    const base: SessionFilter = {
      audienceIds: community ? tree.selfAndDescendantIds(community.id) : undefined,
      speakerIds: speaker ? [speaker.id] : undefined,
      topicIds: topic ? [topic.id] : undefined,
      kinds: spec.kinds,
      trackIds:
        spec.track === undefined ? undefined : await this.deps.structure.trackIdsBySlug(spec.track),
    };
    const parent: SessionParent = conference
      ? { kind: "conference", includeColocated: spec.includeColocated }
      : { kind: "all" };
    const [scope] = await this.deps.listings.sessionScopes(
      tree,
      parent,
      [conference?.id ?? 0],
      base,
      {
        conferences: async () => (conference ? [conference] : []),
        colocatedIds: ids => this.deps.conferences.colocatedIds(ids),
      },
    );
    const filter =
      spec.day === undefined
        ? scope.filter
        : this.deps.sessions.narrowToDay(
            scope.filter,
            spec.day,
            scope.zone,
            scope.zone ? [] : await this.deps.sessions.zonesInUse(),
          );
    const rows = await this.deps.sessions
      .scoped(filter, tree)
      .orderBy("s.startsAt", "ASC")
      .addOrderBy("s.id", "ASC")
      .limit(limit)
      .getMany();
    const entries = (await this.deps.feeds.hydrate(rows, tree)).map(entry => {
      const audienceIds = entry.audiences.map(a => a.id);
      return withFields(entry, {
        audienceRoots: tree.audienceRoots(audienceIds),
        crossCommunity: tree.isCrossCommunity(audienceIds),
      });
    });
    return { conference, community, speaker, topic, entries };
  }

  /**
   * The speakers of a conference's program or of a community's sessions (or both), by name, for
   * GET /embed/speakers. An unknown slug is NOT_FOUND, as for sessions.
   */
  async speakers(
    ctx: RequestContext,
    spec: { conference?: string; community?: string; limit?: number },
  ): Promise<EmbedSpeakers> {
    if (!spec.conference && !spec.community) {
      throw new BadUserInputError("Say whose speakers to show: give a conference or a community", [
        { field: "conference", message: "give conference or community" },
      ]);
    }
    const limit = spec.limit ?? EMBED_SESSION_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > EMBED_SESSION_LIMIT) {
      throw new BadUserInputError(`limit must be between 1 and ${EMBED_SESSION_LIMIT}`, [
        { field: "limit", message: `must be between 1 and ${EMBED_SESSION_LIMIT}` },
      ]);
    }
    const tree = await this.deps.communities.tree();
    const conference = spec.conference
      ? await requireBySlug("Conference", spec.conference, s => this.deps.conferences.bySlug(s))
      : null;
    const community = spec.community
      ? await requireBySlug("Community", spec.community, s => tree.bySlug(s))
      : null;
    const people = await this.deps.people
      .scoped(ctx, {
        isSpeaker: true,
        speakingAtConferenceIds: conference ? [conference.id] : undefined,
        speakingForCommunityIds: community ? tree.selfAndDescendantIds(community.id) : undefined,
      })
      .orderBy("p.name", "ASC")
      .addOrderBy("p.id", "ASC")
      .limit(limit)
      .getMany();
    return { conference, community, people };
  }
}
