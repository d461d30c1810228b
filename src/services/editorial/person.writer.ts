import {
  Article,
  ArticleStatus,
  ArticleAuthor,
  ArticlePerson,
  Person,
  Role,
  Session,
  SessionSpeaker,
} from "../../../entities";
import type { PersonLink } from "../../../entities/person";
import type { RequestContext } from "../../core/context";
import { ConflictError } from "../../core/errors";
import { fromGlobalIdOf } from "../../core/global-id";
import { assertRole, assertUnscoped } from "./access";
import { given, Problems } from "./input";
import { mustFind } from "./refs";
import { chooseSlug } from "./slugs";
import { type Writer } from "./writer";
import { isSqlite } from "../../db/engine";

export interface PersonFields {
  slug?: string | null;
  name: string;
  bio?: string;
  affiliation?: string | null;
  links?: PersonLink[];
}

export type PersonChanges = Partial<PersonFields> & { id: string; version: number };

/** Writes people. EDITOR or ADMIN. */
export class PersonWriter {
  constructor(private readonly writer: Writer) {}

  async create(ctx: RequestContext, input: PersonFields): Promise<Person> {
    assertRole(ctx, Role.EDITOR, "Creating a person");
    const id = await this.writer.transaction(async manager => {
      const problems = new Problems(input);
      const slug = await chooseSlug({
        manager,
        kind: "Person",
        given: input.slug,
        source: input.name,
        problems,
      });
      problems.throwIfAny();
      const result = await manager.insert(Person, {
        slug,
        name: input.name,
        bio: input.bio ?? "",
        affiliation: input.affiliation ?? null,
        links: (input.links ?? []).map(l => ({ label: l.label, url: l.url })),
      });
      const id = Number(result.identifiers[0].id);
      this.writer.reindexSearch(manager, "Person", id, true);
      return id;
    });
    return mustFind(this.writer.dataSource.manager, Person, "Person", id);
  }

  async update(ctx: RequestContext, input: PersonChanges): Promise<Person> {
    assertRole(ctx, Role.EDITOR, "Updating a person");
    assertUnscoped(ctx, "Updating a person");
    const id = fromGlobalIdOf("Person", input.id);
    await this.writer.transaction(async manager => {
      await mustFind(manager, Person, "Person", id);
      const problems = new Problems(input);
      const values: Partial<Person> = given(input, ["name", "bio", "affiliation"]);
      if (input.links != null)
        values.links = input.links.map(l => ({ label: l.label, url: l.url }));
      if (input.slug != null) {
        values.slug = await chooseSlug({
          manager,
          kind: "Person",
          given: input.slug,
          problems,
          selfId: id,
        });
      }
      problems.throwIfAny();
      await this.writer.updateVersioned(manager, Person, "Person", id, input.version, values);
    });
    return mustFind(this.writer.dataSource.manager, Person, "Person", id);
  }

  /**
   * Deletes a person. While they speak at a session, author an article or are the subject of one,
   * the delete is refused (CONFLICT, with the counts) unless `detach` is true: then they are removed
   * from those sessions and articles first (whose versions go up), all in one transaction.
   */
  async delete(ctx: RequestContext, globalId: string, detach: boolean): Promise<number> {
    assertRole(ctx, Role.EDITOR, "Deleting a person");
    assertUnscoped(ctx, "Deleting a person");
    const id = fromGlobalIdOf("Person", globalId);
    await this.writer.transaction(async manager => {
      await mustFind(manager, Person, "Person", id);
      const speaks = await manager.getRepository(SessionSpeaker).findBy({ personId: id });
      const authors = await manager.getRepository(ArticleAuthor).findBy({ personId: id });
      const subject = await manager.getRepository(ArticlePerson).findBy({ personId: id });
      if (speaks.length + authors.length + subject.length > 0) {
        if (!detach) {
          throw new ConflictError(
            `This person speaks at ${speaks.length} session(s), wrote ${authors.length} article(s) and is the subject of ${subject.length}; pass detach: true to remove them from those first`,
            { sessions: speaks.length, authored: authors.length, subjectOf: subject.length },
          );
        }
        // Published articles must keep an author: detaching their only author is refused. On MySQL
        // the articles are locked first, so a publish racing this delete waits and then sees the
        // bumped version (SQLite runs editorial transactions one at a time anyway).
        if (!isSqlite(manager)) {
          await manager
            .getRepository(Article)
            .createQueryBuilder("a")
            .select("a.id")
            .where("a.id IN (:...ids)", { ids: [0, ...authors.map(a => a.articleId)] })
            .setLock("pessimistic_write")
            .getMany();
        }
        const orphaned = await manager
          .getRepository(Article)
          .createQueryBuilder("a")
          .where("a.status = :published", { published: ArticleStatus.PUBLISHED })
          .andWhere(
            "EXISTS (SELECT 1 FROM article_author me WHERE me.article_id = a.id AND me.person_id = :id)",
            { id },
          )
          .andWhere(
            "NOT EXISTS (SELECT 1 FROM article_author other WHERE other.article_id = a.id AND other.person_id <> :id)",
            { id },
          )
          .select("a.slug", "slug")
          .getRawMany<{ slug: string }>();
        if (orphaned.length) {
          throw new ConflictError(
            `This person is the only author of ${orphaned.length} published article(s) (${orphaned.map(o => o.slug).join(", ")}); add another author or unpublish them first`,
            { soleAuthorOf: orphaned.map(o => o.slug) },
          );
        }
        await manager.delete(SessionSpeaker, { personId: id });
        await manager.delete(ArticleAuthor, { personId: id });
        await manager.delete(ArticlePerson, { personId: id });
        await this.writer.touch(
          manager,
          Session,
          speaks.map(s => s.sessionId),
        );
        await this.writer.touch(manager, Article, [
          ...new Set([...authors, ...subject].map(a => a.articleId)),
        ]);
      }
      await manager.delete(Person, { id });
      this.writer.reindexSearch(manager, "Person", id);
    });
    return id;
  }
}
