import type { DataSource, SelectQueryBuilder } from "typeorm";
import {
  Article,
  ArticleAuthor,
  ArticleCommunity,
  ArticleConference,
  ArticleKind,
  ArticlePerson,
  ArticleSession,
  ArticleTopic,
  Conference,
  Person,
  Publication,
  Session,
  Topic,
} from "../../entities";
import type { RequestContext } from "../core/context";
import { countMany, pageMany, type Page, type PageRequest, type SortKey } from "../db/pagination";
import { idBySlugOrZero, loadByIds, loadLinked } from "../db/batch";
import type { ColumnNeeds } from "../db/column-set";
import { whereArticleVisible } from "./article-visibility";
import type { CommunityTree } from "./community.service";
import { ReferenceCache } from "./reference-cache";

/** Which articles a list shows; every slug already resolved to ids. Sets combine with AND. */
export interface ArticleFilter {
  publicationIds?: number[];
  kinds?: ArticleKind[];
  /** Articles that cover one of these communities, or whose publication serves one. */
  communityIds?: number[];
  topicIds?: number[];
  authorIds?: number[];
  /** Articles covering one of these conferences / sessions / people. */
  conferenceIds?: number[];
  sessionIds?: number[];
  personIds?: number[];
  ids?: number[];
}

/** An article filter as a client writes it: slugs and words. */
export interface ArticleFilterSpec {
  publication?: string;
  kinds?: ArticleKind[];
  community?: string;
  topic?: string;
  author?: string;
  conference?: string;
  session?: string;
  text?: string;
}

export enum ArticleOrder {
  PUBLISHED_AT_DESC = "PUBLISHED_AT_DESC",
  PUBLISHED_AT_ASC = "PUBLISHED_AT_ASC",
  TITLE_ASC = "TITLE_ASC",
}

/** Unscheduled drafts (no publishedAt, seen only by editors) sort as if dated in the far future. */
const UNSCHEDULED = new Date("9999-12-31T23:59:59Z");

const SORTS: Record<ArticleOrder, SortKey<Article>[]> = {
  [ArticleOrder.PUBLISHED_AT_DESC]: [
    { property: "publishedAt", direction: "DESC", nullsAs: UNSCHEDULED },
    { property: "id", direction: "DESC" },
  ],
  [ArticleOrder.PUBLISHED_AT_ASC]: [
    { property: "publishedAt", direction: "ASC", nullsAs: UNSCHEDULED },
    { property: "id", direction: "ASC" },
  ],
  [ArticleOrder.TITLE_ASC]: [
    { property: "title", direction: "ASC" },
    { property: "id", direction: "ASC" },
  ],
};

/**
 * The sort for `ctx`'s viewer. The public sees only published articles, whose publishedAt is never
 * NULL, so their listings sort on the plain column, which `ix_article_published (status,
 * published_at, id)` serves in index order. Editors also see unscheduled drafts, which sort as
 * UNSCHEDULED. Cursors hold the same values either way.
 */
function sortFor(ctx: RequestContext, order: ArticleOrder): SortKey<Article>[] {
  if (ctx.viewer.canSeeUnpublished) return SORTS[order];
  return SORTS[order].map(({ nullsAs: _nullsAs, ...key }) => key);
}

/**
 * Reads articles, each query narrowed by the viewer's visibility (see article-visibility.ts).
 */
export class ArticleService {
  constructor(private readonly dataSource: DataSource) {}

  scoped(ctx: RequestContext, filter: ArticleFilter): SelectQueryBuilder<Article> {
    const qb = whereArticleVisible(
      ctx,
      this.dataSource.getRepository(Article).createQueryBuilder("a"),
      "a",
    );
    const exists = (table: string, column: string, ids: number[], name: string) => {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM ${table} ${name} WHERE ${name}.article_id = a.id AND ${name}.${column} IN (:...${name}))`,
        { [name]: ids.length ? ids : [0] },
      );
    };
    if (filter.publicationIds) {
      qb.andWhere("a.publication_id IN (:...pubIds)", {
        pubIds: filter.publicationIds.length ? filter.publicationIds : [0],
      });
    }
    if (filter.kinds?.length) qb.andWhere("a.kind IN (:...kinds)", { kinds: filter.kinds });
    if (filter.communityIds) {
      const ids = filter.communityIds.length ? filter.communityIds : [0];
      qb.andWhere(
        `(EXISTS (SELECT 1 FROM article_community fc WHERE fc.article_id = a.id AND fc.community_id IN (:...fcIds))
          OR EXISTS (SELECT 1 FROM publication fpub WHERE fpub.id = a.publication_id AND fpub.community_id IN (:...fcIds)))`,
        { fcIds: ids },
      );
    }
    if (filter.topicIds) exists("article_topic", "topic_id", filter.topicIds, "ft");
    if (filter.authorIds) exists("article_author", "person_id", filter.authorIds, "fau");
    if (filter.conferenceIds)
      exists("article_conference", "conference_id", filter.conferenceIds, "fco");
    if (filter.sessionIds) exists("article_session", "session_id", filter.sessionIds, "fse");
    if (filter.personIds) exists("article_person", "person_id", filter.personIds, "fpe");
    if (filter.ids)
      qb.andWhere("a.id IN (:...aids)", { aids: filter.ids.length ? filter.ids : [0] });
    return qb;
  }

  /** Turns a client's filter into ids. Unknown slugs match nothing. */
  async resolveFilter(
    spec: ArticleFilterSpec,
    tree: CommunityTree,
    textMatches: (text: string) => Promise<number[]>,
  ): Promise<ArticleFilter> {
    const idOf = (
      entity:
        typeof Publication | typeof Topic | typeof Person | typeof Conference | typeof Session,
      slug: string,
    ) => idBySlugOrZero(this.dataSource, entity, slug);
    const filter: ArticleFilter = {};
    if (spec.publication !== undefined)
      filter.publicationIds = [await idOf(Publication, spec.publication)];
    if (spec.kinds) filter.kinds = spec.kinds;
    if (spec.community !== undefined) {
      const community = tree.bySlug(spec.community);
      filter.communityIds = community ? tree.selfAndDescendantIds(community.id) : [];
    }
    if (spec.topic !== undefined) filter.topicIds = [await idOf(Topic, spec.topic)];
    if (spec.author !== undefined) filter.authorIds = [await idOf(Person, spec.author)];
    if (spec.conference !== undefined)
      filter.conferenceIds = [await idOf(Conference, spec.conference)];
    if (spec.session !== undefined) filter.sessionIds = [await idOf(Session, spec.session)];
    if (spec.text !== undefined) filter.ids = await textMatches(spec.text);
    return filter;
  }

  /** One page per parent, in one statement. */
  async pages<K>(
    ctx: RequestContext,
    members: { key: K; filter: ArticleFilter }[],
    order: ArticleOrder,
    page: PageRequest,
  ): Promise<Map<K, Page<Article>>> {
    // The public list in publishing order, unfiltered (the magazine's front page), is a range of
    // ix_article_published from now: forced, see PageMember.index. Filters may be served better by
    // other indexes, and editors see drafts (NULL instants) too: the optimizer chooses for those.
    const index =
      !ctx.viewer.canSeeUnpublished &&
      order !== ArticleOrder.TITLE_ASC &&
      members.every(m => Object.values(m.filter).every(v => v === undefined))
        ? "ix_article_published"
        : undefined;
    // That list has one form of SQL (only the instant and the cursor change): its text is reused.
    const shape = index && "public, unfiltered";
    const scoped = members.map(m => ({
      key: m.key,
      qb: this.scoped(ctx, m.filter),
      index,
      shape,
    }));
    const needs = ctx.columnNeeds?.of?.(Article.name);
    const sort = sortFor(ctx, order);
    return pageMany<Article, K>(this.dataSource, Article, "a", scoped, sort, page, needs);
  }

  /** Counts of visible articles per member, in one statement. */
  counts<K>(
    ctx: RequestContext,
    members: { key: K; filter: ArticleFilter }[],
  ): Promise<Map<K, number>> {
    return countMany(
      this.dataSource,
      members.map(m => ({ key: m.key, qb: this.scoped(ctx, m.filter) })),
    );
  }

  async bySlug(ctx: RequestContext, slug: string): Promise<Article | null> {
    return this.scoped(ctx, {}).andWhere("a.slug = :slug", { slug }).getOne();
  }

  /** Articles by id, null where missing or not visible to the viewer. */
  byIds(ctx: RequestContext, ids: readonly number[]): Promise<(Article | null)[]> {
    return loadByIds(this.dataSource, Article, ids, qb => whereArticleVisible(ctx, qb, "r"));
  }

  /** Authors of each article, in byline order (with the deferrable columns `needs` names). */
  authors(articleIds: readonly number[], needs?: ColumnNeeds): Promise<Map<number, Person[]>> {
    return loadLinked(
      this.dataSource,
      Person,
      { entity: ArticleAuthor, owner: "articleId", target: "personId", orderBy: "position" },
      articleIds,
      [],
      needs,
    );
  }

  topics(articleIds: readonly number[]): Promise<Map<number, Topic[]>> {
    return loadLinked(
      this.dataSource,
      Topic,
      { entity: ArticleTopic, owner: "articleId", target: "topicId" },
      articleIds,
      ["name"],
    );
  }

  coveredConferences(articleIds: readonly number[]): Promise<Map<number, Conference[]>> {
    return loadLinked(
      this.dataSource,
      Conference,
      { entity: ArticleConference, owner: "articleId", target: "conferenceId" },
      articleIds,
      ["startsOn"],
    );
  }

  coveredSessions(articleIds: readonly number[]): Promise<Map<number, Session[]>> {
    return loadLinked(
      this.dataSource,
      Session,
      { entity: ArticleSession, owner: "articleId", target: "sessionId" },
      articleIds,
      ["startsAt"],
    );
  }

  coveredPeople(articleIds: readonly number[]): Promise<Map<number, Person[]>> {
    return loadLinked(
      this.dataSource,
      Person,
      { entity: ArticlePerson, owner: "articleId", target: "personId" },
      articleIds,
      ["name"],
    );
  }

  async coveredCommunityIds(articleIds: readonly number[]): Promise<Map<number, number[]>> {
    const result = new Map<number, number[]>(articleIds.map(id => [id, []]));
    if (!articleIds.length) return result;
    const rows = await this.dataSource
      .getRepository(ArticleCommunity)
      .createQueryBuilder("ac")
      .where("ac.article_id IN (:...ids)", { ids: [...new Set(articleIds)] })
      .getMany();
    for (const row of rows) result.get(row.articleId)?.push(row.communityId);
    return result;
  }
}

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || 0;

/** Reads publications. */
export class PublicationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly references: ReferenceCache = new ReferenceCache(),
  ) {}

  /**
   * Every publication, by name (compared the same way on every engine); held by the process until a
   * publication is written. Do not modify the list.
   */
  all(): Promise<Publication[]> {
    return this.references.get("publications", "all", async () => {
      const rows = await this.dataSource.getRepository(Publication).find({ order: { id: "ASC" } });
      return rows.sort(byName);
    });
  }

  byIds(ids: readonly number[]): Promise<(Publication | null)[]> {
    return loadByIds(this.dataSource, Publication, ids);
  }
}
