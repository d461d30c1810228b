import type { Community, Conference, Person, SessionKind, Topic } from "../../entities";
import { BadUserInputError, NotFoundError } from "../core/errors";
import type { CommunityService } from "./community.service";
import type { ConferenceService } from "./conference.service";
import { FeedService, type FeedEntry } from "./feed.service";
import type { PersonService } from "./person.service";
import type { SessionFilter, SessionService } from "./session.service";
import type { TopicService } from "./topic.service";

/** The most sessions one embed shows (the GraphQL page limit, so both embeds agree). */
export const EMBED_SESSION_LIMIT = 100;

/** What an embed asks for, as the partner wrote it: slugs and a calendar day, not ids. */
export interface EmbedSessionsSpec {
  conference?: string;
  community?: string;
  kinds?: SessionKind[];
  topic?: string;
  speaker?: string;
  /** A calendar day (YYYY-MM-DD) in the conference's zone; needs `conference`. */
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

/** Services the embed service reads through. */
export interface EmbedDependencies {
  communities: CommunityService;
  conferences: ConferenceService;
  people: PersonService;
  sessions: SessionService;
  topics: TopicService;
}

/**
 * Gathers the sessions behind the server-rendered embed (GET /embed/sessions): the same filters as
 * `<crosstalk-sessions>`, but an unknown slug is reported (NOT_FOUND) instead of matching nothing, so
 * a partner sees their typo. A fixed number of statements whatever the list's length.
 */
export class EmbedService {
  private readonly feeds: FeedService;

  constructor(private readonly deps: EmbedDependencies) {
    this.feeds = new FeedService(deps);
  }

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
    const found = async <T>(
      what: string,
      slug: string | undefined,
      load: (s: string) => Promise<T | null>,
    ) => {
      if (slug === undefined) return null;
      const value = await load(slug);
      if (!value) throw new NotFoundError(what, slug);
      return value;
    };
    const [conference, speaker, topic] = await Promise.all([
      found("Conference", conferenceSlug, s => this.deps.conferences.bySlug(s)),
      found("Person", speakerSlug, s => this.deps.people.bySlug(s)),
      found("Topic", spec.topic, s => this.deps.topics.bySlug(s)),
    ]);
    const community = await found("Community", communitySlug, async s => tree.bySlug(s));

    // The subjects are loaded already (to report unknown slugs), so the filter is built from them.
    let filter: SessionFilter = {
      audienceIds: community ? tree.selfAndDescendantIds(community.id) : undefined,
      speakerIds: speaker ? [speaker.id] : undefined,
      topicIds: topic ? [topic.id] : undefined,
      kinds: spec.kinds,
    };
    if (spec.day !== undefined) {
      filter = this.deps.sessions.narrowToDay(filter, spec.day, conference?.timezone);
    }
    if (conference) {
      const [colocated] = spec.includeColocated
        ? await this.deps.conferences.colocatedIds([conference.id])
        : [[]];
      filter.programIds = [conference.id, ...colocated];
    }
    const rows = await this.deps.sessions
      .scoped(filter, tree)
      .orderBy("s.startsAt", "ASC")
      .addOrderBy("s.id", "ASC")
      .limit(limit)
      .getMany();
    const entries = (await this.feeds.hydrate(rows, tree)).map(entry => {
      const audienceRoots = tree.audienceRoots(entry.audiences.map(a => a.id));
      return { ...entry, audienceRoots, crossCommunity: audienceRoots.length > 1 };
    });
    return { conference, community, speaker, topic, entries };
  }
}
