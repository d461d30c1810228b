import type { RequestContext } from "../core/context";
import type { ArticleService } from "./article.service";
import type { CommunityTree } from "./community.service";
import type { ConferenceService } from "./conference.service";
import type { PersonService } from "./person.service";
import type { SessionService } from "./session.service";

/** Counts describing a conference's program. */
export interface ConferenceCounts {
  sessionCount: number;
  crossCommunitySessionCount: number;
  speakerCount: number;
}

/** Counts describing a community and everything below it. */
export interface CommunityCounts extends ConferenceCounts {
  conferenceCount: number;
  articleCount: number;
}

/**
 * What the stats count, for many parents at once: one COUNT statement per figure, whatever the
 * number of parents. Articles are counted with the viewer's visibility, like the lists.
 */
export class StatsService {
  constructor(
    private readonly sessions: SessionService,
    private readonly people: PersonService,
    private readonly conferences: ConferenceService,
    private readonly articles: ArticleService,
  ) {}

  async forConferences(
    ctx: RequestContext,
    tree: CommunityTree,
    ids: readonly number[],
  ): Promise<Map<number, ConferenceCounts>> {
    const program = (crossCommunity?: boolean) =>
      ids.map(id => ({ key: id, filter: { programIds: [id], crossCommunity } }));
    const [sessions, cross, speakers] = await Promise.all([
      this.sessions.counts(tree, program()),
      this.sessions.counts(tree, program(true)),
      this.people.counts(
        ctx,
        ids.map(id => ({ key: id, filter: { speakingAtConferenceIds: [id] } })),
      ),
    ]);
    return new Map(
      ids.map(id => [
        id,
        {
          sessionCount: sessions.get(id) ?? 0,
          crossCommunitySessionCount: cross.get(id) ?? 0,
          speakerCount: speakers.get(id) ?? 0,
        },
      ]),
    );
  }

  async forCommunities(
    ctx: RequestContext,
    tree: CommunityTree,
    ids: readonly number[],
  ): Promise<Map<number, CommunityCounts>> {
    const scope = (id: number) => tree.selfAndDescendantIds(id);
    const each = <F>(filter: (id: number) => F) => ids.map(id => ({ key: id, filter: filter(id) }));
    const [sessions, cross, conferences, articles, speakers] = await Promise.all([
      this.sessions.counts(
        tree,
        each(id => ({ audienceIds: scope(id) })),
      ),
      this.sessions.counts(
        tree,
        each(id => ({ audienceIds: scope(id), crossCommunity: true })),
      ),
      this.conferences.counts(each(id => ({ communityIds: scope(id) }))),
      this.articles.counts(
        ctx,
        each(id => ({ communityIds: scope(id) })),
      ),
      this.people.counts(
        ctx,
        each(id => ({ speakingForCommunityIds: scope(id) })),
      ),
    ]);
    return new Map(
      ids.map(id => [
        id,
        {
          sessionCount: sessions.get(id) ?? 0,
          crossCommunitySessionCount: cross.get(id) ?? 0,
          conferenceCount: conferences.get(id) ?? 0,
          articleCount: articles.get(id) ?? 0,
          speakerCount: speakers.get(id) ?? 0,
        },
      ]),
    );
  }
}
