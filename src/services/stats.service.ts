import type { DataSource } from "typeorm";
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

/** A share of a whole, 0 to 1 (0 when the whole is empty): cross-community sessions of all, say. */
export function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** Distinct speakers of one program for one root community. */
export interface SpeakersForCommunity {
  communityId: number;
  count: number;
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
    private readonly dataSource?: DataSource,
  ) {}

  /**
   * Per conference, the distinct people speaking in its program for each root community (by the
   * audiences of the sessions they speak at; someone speaking to two communities counts in both),
   * most first. One grouped statement for every conference asked for.
   */
  async speakersByRoot(
    tree: CommunityTree,
    conferenceIds: readonly number[],
  ): Promise<Map<number, SpeakersForCommunity[]>> {
    const out = new Map<number, SpeakersForCommunity[]>(conferenceIds.map(id => [id, []]));
    if (!conferenceIds.length || !this.dataSource) return out;
    const cases = tree.all
      .map(c => `WHEN ${Number(c.id)} THEN ${Number(tree.rootId(c.id))}`)
      .join(" ");
    const rows: { conference: unknown; root: unknown; n: unknown }[] = await this.dataSource.query(
      `SELECT x.conference AS conference, x.root AS root, COUNT(DISTINCT x.person) AS n FROM (
         SELECT sp.conference_id AS conference, ss.person_id AS person,
                CASE sa.community_id ${cases || "WHEN 0 THEN 0"} END AS root
           FROM session_program sp
           JOIN session_speaker ss ON ss.session_id = sp.session_id
           JOIN session_audience sa ON sa.session_id = sp.session_id
          WHERE sp.conference_id IN (${conferenceIds.map(() => "?").join(", ")})
       ) x GROUP BY x.conference, x.root`,
      [...conferenceIds],
    );
    for (const r of rows) {
      out.get(Number(r.conference))?.push({ communityId: Number(r.root), count: Number(r.n) });
    }
    for (const list of out.values())
      list.sort((a, b) => b.count - a.count || a.communityId - b.communityId);
    return out;
  }

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
