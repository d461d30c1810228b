import type { SelectQueryBuilder } from "typeorm";
import { Article, ArticleStatus } from "../../entities";
import type { RequestContext } from "../core/context";

/**
 * The one visibility rule for articles, on a query over alias `alias`: the public sees an article
 * only when it is PUBLISHED and its publishedAt has passed by `now`.
 */
export function wherePublic<T extends object>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  now: Date,
): SelectQueryBuilder<T> {
  const column = qb.connection.getMetadata(Article).findColumnWithPropertyPath("publishedAt");
  return qb
    .andWhere(`${alias}.status = :__published`, { __published: ArticleStatus.PUBLISHED })
    .andWhere(`${alias}.published_at IS NOT NULL AND ${alias}.published_at <= :__now`, {
      __now: qb.connection.driver.preparePersistentValue(now, column!),
    });
}

/** The rule for `ctx`'s viewer: editors and admins see drafts and scheduled articles too. */
export function whereArticleVisible<T extends object>(
  ctx: RequestContext,
  qb: SelectQueryBuilder<T>,
  alias: string,
): SelectQueryBuilder<T> {
  return ctx.viewer.canSeeUnpublished ? qb : wherePublic(qb, alias, ctx.now);
}
