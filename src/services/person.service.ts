import type { DataSource, SelectQueryBuilder } from "typeorm";
import { Conference, Person } from "../../entities";
import type { RequestContext } from "../core/context";
import { countMany, pageMany, type Page, type PageRequest } from "../db/pagination";
import { loadByIds, idBySlugOrZero } from "../db/batch";
import { whereArticleVisible } from "./article-visibility";
import type { CommunityTree } from "./community.service";

/** Which people a list shows; ids resolved by the caller. Sets combine with AND. */
export interface PersonFilter {
  /** People speaking at a session in one of these programs. */
  speakingAtConferenceIds?: number[];
  /** People speaking at a session for one of these communities. */
  speakingForCommunityIds?: number[];
  /** People who speak anywhere (true) or never (false). */
  isSpeaker?: boolean;
  /** People who author a visible article (true). */
  isAuthor?: boolean;
  ids?: number[];
}

/** A people filter as a client writes it: slugs and words. */
export interface PersonFilterSpec {
  conference?: string;
  community?: string;
  isSpeaker?: boolean;
  isAuthor?: boolean;
  text?: string;
}

/** Reads people (speakers and authors alike). */
export class PersonService {
  constructor(private readonly dataSource: DataSource) {}

  scoped(ctx: RequestContext, filter: PersonFilter): SelectQueryBuilder<Person> {
    const qb = this.dataSource.getRepository(Person).createQueryBuilder("p");
    if (filter.speakingAtConferenceIds) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM session_speaker fss JOIN session_program fsp ON fsp.session_id = fss.session_id
          WHERE fss.person_id = p.id AND fsp.conference_id IN (:...fspIds))`,
        { fspIds: filter.speakingAtConferenceIds.length ? filter.speakingAtConferenceIds : [0] },
      );
    }
    if (filter.speakingForCommunityIds) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM session_speaker fcs JOIN session_audience fca ON fca.session_id = fcs.session_id
          WHERE fcs.person_id = p.id AND fca.community_id IN (:...fcaIds))`,
        { fcaIds: filter.speakingForCommunityIds.length ? filter.speakingForCommunityIds : [0] },
      );
    }
    if (filter.isSpeaker !== undefined) {
      qb.andWhere(
        `${filter.isSpeaker ? "" : "NOT "}EXISTS (SELECT 1 FROM session_speaker xs WHERE xs.person_id = p.id)`,
      );
    }
    if (filter.isAuthor) {
      const articles = whereArticleVisible(
        ctx,
        this.dataSource.createQueryBuilder().select("1").from("article", "xa"),
        "xa",
      )
        .innerJoin("article_author", "xaa", "xaa.article_id = xa.id")
        .andWhere("xaa.person_id = p.id");
      qb.andWhere(`EXISTS (${articles.getQuery()})`, articles.getParameters());
    }
    if (filter.ids)
      qb.andWhere("p.id IN (:...pids)", { pids: filter.ids.length ? filter.ids : [0] });
    return qb;
  }

  /** By name, one statement for any number of parents. */
  pages<K>(
    ctx: RequestContext,
    members: { key: K; filter: PersonFilter }[],
    page: PageRequest,
  ): Promise<Map<K, Page<Person>>> {
    const scoped = members.map(m => ({ key: m.key, qb: this.scoped(ctx, m.filter) }));
    return pageMany<Person, K>(
      this.dataSource,
      Person,
      "p",
      scoped,
      [
        { property: "name", direction: "ASC" },
        { property: "id", direction: "ASC" },
      ],
      page,
      ctx.columnNeeds?.of?.(Person.name),
    );
  }

  counts<K>(
    ctx: RequestContext,
    members: { key: K; filter: PersonFilter }[],
  ): Promise<Map<K, number>> {
    return countMany(
      this.dataSource,
      members.map(m => ({ key: m.key, qb: this.scoped(ctx, m.filter) })),
    );
  }

  /** Turns a client's filter into ids. Unknown slugs match nothing. */
  async resolveFilter(
    spec: PersonFilterSpec,
    tree: CommunityTree,
    textMatches: (text: string) => Promise<number[]>,
  ): Promise<PersonFilter> {
    const filter: PersonFilter = {
      isSpeaker: spec.isSpeaker,
      isAuthor: spec.isAuthor || undefined,
    };
    if (spec.conference !== undefined) {
      filter.speakingAtConferenceIds = [
        await idBySlugOrZero(this.dataSource, Conference, spec.conference),
      ];
    }
    if (spec.community !== undefined) {
      const community = tree.bySlug(spec.community);
      filter.speakingForCommunityIds = community ? tree.selfAndDescendantIds(community.id) : [];
    }
    if (spec.text !== undefined) filter.ids = await textMatches(spec.text);
    return filter;
  }

  bySlug(slug: string): Promise<Person | null> {
    return this.dataSource.getRepository(Person).findOneBy({ slug });
  }

  byIds(ids: readonly number[]): Promise<(Person | null)[]> {
    return loadByIds(this.dataSource, Person, ids);
  }
}
