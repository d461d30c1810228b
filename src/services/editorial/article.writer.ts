import type { EntityManager } from "typeorm";
import {
  Article,
  ArticleAuthor,
  ArticleCommunity,
  ArticleConference,
  ArticleKind,
  ArticlePerson,
  ArticleSession,
  ArticleStatus,
  ArticleTopic,
  Comment,
  Community,
  Conference,
  Person,
  Publication,
  Role,
  Session,
  Topic,
  Translation,
} from "../../../entities";
import type { RequestContext } from "../../core/context";
import { ConflictError } from "../../core/errors";
import { fromGlobalIdOf } from "../../core/global-id";
import { assertRole, assertUnscoped } from "./access";
import { given, Problems } from "./input";
import { mustFind, resolveRef, resolveRefs } from "./refs";
import { articlePublishedEvent, isPublicAt } from "./public-events";
import { chooseSlug } from "./slugs";
import { type Writer } from "./writer";
import { withFields } from "../../core/objects";

/** An article as an editor writes it. It starts as a DRAFT; publishing is a separate step. */
export interface ArticleFields {
  slug?: string | null;
  title: string;
  kind: ArticleKind;
  excerpt?: string;
  /** Markdown. */
  body?: string;
  publication: string;
  /** In byline order. */
  authors?: string[];
  topics?: string[];
  /** Coverage: what the article reports on. */
  conferences?: string[];
  sessions?: string[];
  people?: string[];
  communities?: string[];
}

export type ArticleChanges = Partial<ArticleFields> & { id: string; version: number };

type LinkSpec = {
  key: "authors" | "topics" | "conferences" | "sessions" | "people" | "communities";
  entity: typeof Person | typeof Topic | typeof Conference | typeof Session | typeof Community;
  type: "Person" | "Topic" | "Conference" | "Session" | "Community";
  link:
    | typeof ArticleAuthor
    | typeof ArticleTopic
    | typeof ArticleConference
    | typeof ArticleSession
    | typeof ArticlePerson
    | typeof ArticleCommunity;
  column: string;
};

const LINKS: LinkSpec[] = [
  { key: "authors", entity: Person, type: "Person", link: ArticleAuthor, column: "personId" },
  { key: "topics", entity: Topic, type: "Topic", link: ArticleTopic, column: "topicId" },
  {
    key: "conferences",
    entity: Conference,
    type: "Conference",
    link: ArticleConference,
    column: "conferenceId",
  },
  { key: "sessions", entity: Session, type: "Session", link: ArticleSession, column: "sessionId" },
  { key: "people", entity: Person, type: "Person", link: ArticlePerson, column: "personId" },
  {
    key: "communities",
    entity: Community,
    type: "Community",
    link: ArticleCommunity,
    column: "communityId",
  },
];

/** Instants are stored to the second (MySQL's DATETIME), so publication times are cut to it. */
const toSecond = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);

/**
 * Writes articles with their authors, topics and coverage in one transaction; publishes and
 * unpublishes them. EDITOR or ADMIN.
 */
export class ArticleWriter {
  constructor(private readonly writer: Writer) {}

  async create(
    ctx: RequestContext,
    input: ArticleFields,
    clientMutationId?: string | null,
  ): Promise<{ article: Article; replayed: boolean }> {
    assertRole(ctx, Role.EDITOR, "Creating an article");
    assertUnscoped(ctx, "Creating an article");
    const { id, replayed } = await this.writer.createOnce(
      ctx,
      "createArticle",
      clientMutationId,
      async manager => {
        const problems = new Problems(input);
        const slug = await chooseSlug({
          manager,
          kind: "Article",
          given: input.slug,
          source: input.title,
          problems,
        });
        const publicationId = await resolveRef(
          manager,
          Publication,
          "Publication",
          input.publication,
          "publication",
          problems,
        );
        const links = await this.resolveLinks(manager, input, problems);
        problems.throwIfAny();
        const result = await manager.insert(Article, {
          slug,
          title: input.title,
          kind: input.kind,
          excerpt: input.excerpt ?? "",
          body: input.body ?? "",
          status: ArticleStatus.DRAFT,
          publishedAt: null,
          publicationId,
        });
        const id = Number(result.identifiers[0].id);
        this.writer.reindexSearch(manager, "Article", id, true);
        await this.writeLinks(manager, id, links, { fresh: true });
        return id;
      },
    );
    const article = await mustFind(this.writer.dataSource.manager, Article, "Article", id);
    return { article, replayed };
  }

  async update(ctx: RequestContext, input: ArticleChanges): Promise<Article> {
    assertRole(ctx, Role.EDITOR, "Updating an article");
    assertUnscoped(ctx, "Updating an article");
    const id = fromGlobalIdOf("Article", input.id);
    await this.writer.transaction(async manager => {
      const current = await mustFind(manager, Article, "Article", id);
      const problems = new Problems(input);
      const values: Partial<Article> = given(input, ["title", "kind", "excerpt", "body"]);
      if (input.publication !== undefined) {
        values.publicationId = await resolveRef(
          manager,
          Publication,
          "Publication",
          input.publication,
          "publication",
          problems,
        );
      }
      if (input.slug != null) {
        values.slug = await chooseSlug({
          manager,
          kind: "Article",
          given: input.slug,
          problems,
          selfId: id,
        });
      }
      const links = await this.resolveLinks(manager, input, problems);
      if (current.status === ArticleStatus.PUBLISHED) {
        // A published article keeps what publishing required.
        if (values.body !== undefined && !values.body.trim()) {
          problems.add("body", "may not be emptied while the article is published");
        }
        if (links.authors && !links.authors.length) {
          problems.add("authors", "may not be emptied while the article is published");
        }
      }
      problems.throwIfAny();
      await this.writer.updateVersioned(manager, Article, "Article", id, input.version, values);
      await this.writeLinks(manager, id, links);
    });
    return mustFind(this.writer.dataSource.manager, Article, "Article", id);
  }

  /**
   * Publishes an article at `publishAt` (default: now; a future instant schedules it). It needs at
   * least one author and a non-empty body. With `version`, only that version is published.
   */
  async publish(
    ctx: RequestContext,
    globalId: string,
    publishAt: Date | null | undefined,
    version: number | null | undefined,
  ): Promise<Article> {
    assertRole(ctx, Role.EDITOR, "Publishing an article");
    assertUnscoped(ctx, "Publishing an article");
    const id = fromGlobalIdOf("Article", globalId);
    await this.writer.transaction(async manager => {
      const current = await mustFind(manager, Article, "Article", id);
      const problems = new Problems();
      const authors = await manager.getRepository(ArticleAuthor).countBy({ articleId: id });
      if (!authors) problems.add("authors", "an article needs at least one author to be published");
      if (!current.body.trim()) problems.add("body", "an article needs a body to be published");
      problems.throwIfAny();
      await this.writer.updateVersioned(
        manager,
        Article,
        "Article",
        id,
        version ?? current.version,
        {
          status: ArticleStatus.PUBLISHED,
          publishedAt: toSecond(publishAt ?? ctx.now),
        },
      );
      // Announced when it becomes public now. A future publishAt is a visibility rule, not a job:
      // nothing runs when that instant passes, so a scheduled article is not announced.
      const published = await mustFind(manager, Article, "Article", id);
      if (!isPublicAt(current, ctx.now) && isPublicAt(published, ctx.now)) {
        await this.writer.emit(manager, articlePublishedEvent(published));
      }
    });
    return mustFind(this.writer.dataSource.manager, Article, "Article", id);
  }

  /** Takes an article back to DRAFT: the public no longer sees it (its publishedAt is kept). */
  async unpublish(
    ctx: RequestContext,
    globalId: string,
    version: number | null | undefined,
  ): Promise<Article> {
    assertRole(ctx, Role.EDITOR, "Unpublishing an article");
    assertUnscoped(ctx, "Unpublishing an article");
    const id = fromGlobalIdOf("Article", globalId);
    await this.writer.transaction(async manager => {
      const current = await mustFind(manager, Article, "Article", id);
      await this.writer.updateVersioned(
        manager,
        Article,
        "Article",
        id,
        version ?? current.version,
        {
          status: ArticleStatus.DRAFT,
        },
      );
    });
    return mustFind(this.writer.dataSource.manager, Article, "Article", id);
  }

  /**
   * Deletes a draft with its author, topic and coverage rows and its comments. A PUBLISHED article
   * (readers and links point at it) is refused with CONFLICT: unpublish it first.
   */
  async delete(ctx: RequestContext, globalId: string): Promise<number> {
    assertRole(ctx, Role.EDITOR, "Deleting an article");
    assertUnscoped(ctx, "Deleting an article");
    const id = fromGlobalIdOf("Article", globalId);
    await this.writer.transaction(async manager => {
      const current = await mustFind(manager, Article, "Article", id);
      if (current.status === ArticleStatus.PUBLISHED) {
        throw new ConflictError("The article is published; unpublish it before deleting it", {
          status: current.status,
        });
      }
      const comments = await manager
        .getRepository(Comment)
        .find({ where: { articleId: id }, select: { id: true } });
      for (const spec of LINKS) await manager.delete(spec.link, { articleId: id });
      await manager.delete(Comment, { articleId: id });
      await manager.delete(Translation, { subjectType: "Article", subjectId: id });
      await manager.delete(Article, { id });
      this.writer.reindexSearch(manager, "Article", id);
      await this.writer.forgetReceipts(manager, "createArticle", [id]);
      await this.writer.forgetReceipts(
        manager,
        "postComment",
        comments.map(c => c.id),
      );
    });
    return id;
  }

  private async resolveLinks(
    manager: EntityManager,
    input: Partial<ArticleFields>,
    problems: Problems,
  ): Promise<Map<LinkSpec, number[]> & { authors?: number[] }> {
    const out = new Map<LinkSpec, number[]>() as Map<LinkSpec, number[]> & { authors?: number[] };
    for (const spec of LINKS) {
      const list = input[spec.key];
      if (list == null) continue;
      const ids = await resolveRefs(manager, spec.entity, spec.type, list, spec.key, problems);
      out.set(spec, ids);
      if (spec.key === "authors") out.authors = ids;
    }
    return out;
  }

  /**
   * Replaces each given link set. An article inserted in this transaction (`fresh`) has none to
   * delete, and skipping the DELETE skips its next-key lock (see the session writer's writeLinks).
   */
  private async writeLinks(
    manager: EntityManager,
    articleId: number,
    links: Map<LinkSpec, number[]>,
    { fresh = false }: { fresh?: boolean } = {},
  ): Promise<void> {
    for (const [spec, ids] of links) {
      if (!fresh) await manager.delete(spec.link, { articleId });
      if (!ids.length) continue;
      await manager.insert(
        spec.link,
        ids.map((target, i) =>
          withFields(
            { articleId, [spec.column]: target },
            spec.key === "authors" ? { position: i + 1 } : {},
          ),
        ),
      );
    }
  }
}

export interface TopicFields {
  slug?: string | null;
  name: string;
}

export interface PublicationFields {
  slug?: string | null;
  name: string;
  description?: string;
  community: string;
}

/** Writes topics and publications. EDITOR or ADMIN. */
export class TaxonomyWriter {
  constructor(private readonly writer: Writer) {}

  async createTopic(ctx: RequestContext, input: TopicFields): Promise<Topic> {
    assertRole(ctx, Role.EDITOR, "Creating a topic");
    assertUnscoped(ctx, "Creating a topic");
    const id = await this.writer.transaction(async manager => {
      const problems = new Problems(input);
      const slug = await chooseSlug({
        manager,
        kind: "Topic",
        given: input.slug,
        source: input.name,
        problems,
      });
      problems.throwIfAny();
      return Number((await manager.insert(Topic, { slug, name: input.name })).identifiers[0].id);
    });
    this.writer.references.drop("topics");
    return mustFind(this.writer.dataSource.manager, Topic, "Topic", id);
  }

  async updateTopic(
    ctx: RequestContext,
    input: Partial<TopicFields> & { id: string; version: number },
  ): Promise<Topic> {
    assertRole(ctx, Role.EDITOR, "Updating a topic");
    assertUnscoped(ctx, "Updating a topic");
    const id = fromGlobalIdOf("Topic", input.id);
    await this.writer.transaction(async manager => {
      await mustFind(manager, Topic, "Topic", id);
      const problems = new Problems(input);
      const values: Partial<Topic> = given(input, ["name"]);
      if (input.slug != null) {
        values.slug = await chooseSlug({
          manager,
          kind: "Topic",
          given: input.slug,
          problems,
          selfId: id,
        });
      }
      problems.throwIfAny();
      await this.writer.updateVersioned(manager, Topic, "Topic", id, input.version, values);
    });
    this.writer.references.drop("topics");
    return mustFind(this.writer.dataSource.manager, Topic, "Topic", id);
  }

  async createPublication(ctx: RequestContext, input: PublicationFields): Promise<Publication> {
    assertRole(ctx, Role.EDITOR, "Creating a publication");
    assertUnscoped(ctx, "Creating a publication");
    const id = await this.writer.transaction(async manager => {
      const problems = new Problems(input);
      const communityId = await resolveRef(
        manager,
        Community,
        "Community",
        input.community,
        "community",
        problems,
      );
      const slug = await chooseSlug({
        manager,
        kind: "Publication",
        given: input.slug,
        source: input.name,
        problems,
      });
      problems.throwIfAny();
      const result = await manager.insert(Publication, {
        slug,
        name: input.name,
        description: input.description ?? "",
        communityId,
      });
      return Number(result.identifiers[0].id);
    });
    this.writer.references.drop("publications");
    return mustFind(this.writer.dataSource.manager, Publication, "Publication", id);
  }

  async updatePublication(
    ctx: RequestContext,
    input: Partial<PublicationFields> & { id: string; version: number },
  ): Promise<Publication> {
    assertRole(ctx, Role.EDITOR, "Updating a publication");
    assertUnscoped(ctx, "Updating a publication");
    const id = fromGlobalIdOf("Publication", input.id);
    await this.writer.transaction(async manager => {
      await mustFind(manager, Publication, "Publication", id);
      const problems = new Problems(input);
      const values: Partial<Publication> = given(input, ["name", "description"]);
      if (input.community !== undefined) {
        values.communityId = await resolveRef(
          manager,
          Community,
          "Community",
          input.community,
          "community",
          problems,
        );
      }
      if (input.slug != null) {
        values.slug = await chooseSlug({
          manager,
          kind: "Publication",
          given: input.slug,
          problems,
          selfId: id,
        });
      }
      problems.throwIfAny();
      await this.writer.updateVersioned(
        manager,
        Publication,
        "Publication",
        id,
        input.version,
        values,
      );
    });
    this.writer.references.drop("publications");
    return mustFind(this.writer.dataSource.manager, Publication, "Publication", id);
  }
}
