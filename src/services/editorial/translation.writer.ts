import type { EntityManager } from "typeorm";
import { Article, Role, Session, SessionProgram, Translation } from "../../../entities";
import { TRANSLATED_FIELDS, type TranslatedKind } from "../../../entities";
import type { RequestContext } from "../../core/context";
import { fromGlobalIdOf } from "../../core/global-id";
import { LOCALE_MESSAGE, normalizeLocale } from "../../core/locale";
import { assertConferencesInScope, assertRole, assertUnscoped } from "./access";
import { Problems } from "./input";
import { mustFind } from "./refs";
import { type Writer } from "./writer";
import { withFields } from "../../core/objects";

/**
 * One locale's translations of a session's or an article's fields: a string sets a field's
 * translation, null removes it, absent leaves it. `version` is the subject's version.
 */
export interface TranslationChanges {
  id: string;
  version: number;
  locale: string;
  title?: string | null;
  abstract?: string | null;
  excerpt?: string | null;
  body?: string | null;
}

/**
 * Writes translations. A translation is part of its subject: writing one bumps the subject's version
 * (so it is refused as CONFLICT when the client read an older one), follows the subject's write rules
 * (EDITOR; a session's conferences must be in a scoped token's scope, an article needs an unscoped
 * token) and the subject's field rules, checked by the input's format rules in the same round.
 */
export class TranslationWriter {
  constructor(private readonly writer: Writer) {}

  async setSession(ctx: RequestContext, input: TranslationChanges): Promise<Session> {
    assertRole(ctx, Role.EDITOR, "Translating a session");
    const id = fromGlobalIdOf("Session", input.id);
    await this.writer.transaction(async manager => {
      const current = await mustFind(manager, Session, "Session", id);
      const programs = await manager
        .getRepository(SessionProgram)
        .find({ where: { sessionId: id }, select: { conferenceId: true } });
      assertConferencesInScope(
        ctx,
        [current.hostConferenceId, ...programs.map(p => p.conferenceId)],
        "Translating this session",
      );
      await this.write(manager, "Session", id, input);
    });
    return mustFind(this.writer.dataSource.manager, Session, "Session", id);
  }

  async setArticle(ctx: RequestContext, input: TranslationChanges): Promise<Article> {
    assertRole(ctx, Role.EDITOR, "Translating an article");
    assertUnscoped(ctx, "Translating an article");
    const id = fromGlobalIdOf("Article", input.id);
    await this.writer.transaction(async manager => {
      await mustFind(manager, Article, "Article", id);
      await this.write(manager, "Article", id, input);
    });
    return mustFind(this.writer.dataSource.manager, Article, "Article", id);
  }

  private async write(
    manager: EntityManager,
    kind: TranslatedKind,
    subjectId: number,
    input: TranslationChanges,
  ): Promise<void> {
    const problems = new Problems(input);
    const locale = normalizeLocale(input.locale);
    if (!locale && !problems.has("locale")) problems.add("locale", LOCALE_MESSAGE);
    const fields: readonly string[] = TRANSLATED_FIELDS[kind];
    const changes = fields.filter(f => input[f as keyof TranslationChanges] !== undefined);
    if (!changes.length) problems.add("input", `must set or remove one of ${fields.join(", ")}`);
    for (const field of changes) {
      const text = input[field as keyof TranslationChanges];
      if (typeof text === "string" && !text.trim() && !problems.has(field)) {
        problems.add(field, "must not be blank (send null to remove the translation)");
      }
    }
    problems.throwIfAny();
    // The version check comes first: a stale writer stops here, before any translation row.
    const entity = kind === "Session" ? Session : Article;
    await this.writer.updateVersioned(manager, entity, kind, subjectId, input.version, {});
    this.writer.reindexSearch(manager, kind, subjectId);
    const repo = manager.getRepository(Translation);
    for (const field of changes) {
      const text = input[field as keyof TranslationChanges] as string | null;
      const key = { subjectType: kind, subjectId, field, locale: locale! };
      if (text === null) {
        await repo.delete(key);
        continue;
      }
      const existing = await repo.findOne({ where: key, select: { id: true } });
      if (existing) await repo.update({ id: existing.id }, { text });
      else await repo.insert(withFields(key, { text }));
    }
  }
}
