import type { DataSource, SelectQueryBuilder } from "typeorm";
import { Article, ArticleStatus } from "../../entities";
import type { RequestContext } from "../core/context";

/**
 * The one visibility rule for articles, on a query over alias `alias`: the public sees an article
 * only when it is PUBLISHED and its publishedAt has passed by `now` (`publicSince` in code).
 */
export function wherePublic<T extends object>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  now: Date,
): SelectQueryBuilder<T> {
  return qb
    .andWhere(`${alias}.status = :__published`, { __published: ArticleStatus.PUBLISHED })
    .andWhere(`${alias}.published_at IS NOT NULL AND ${alias}.published_at <= :__now`, {
      __now: storedInstant(qb.connection, now),
    });
}

/** `instant` as the engine stores `published_at`, to compare with it in SQL. */
export function storedInstant(dataSource: DataSource, instant: Date): unknown {
  const column = dataSource.getMetadata(Article).findColumnWithPropertyPath("publishedAt");
  return dataSource.driver.preparePersistentValue(instant, column!);
}

/**
 * The instant by which an article must be public for `ctx`'s viewer to see it, or null when the
 * viewer sees drafts and scheduled articles too (editors and admins).
 */
export function publicCutoff(ctx: RequestContext): Date | null {
  return ctx.viewer.canSeeUnpublished ? null : ctx.now;
}

/** The rule for `ctx`'s viewer: editors and admins see drafts and scheduled articles too. */
export function whereArticleVisible<T extends object>(
  ctx: RequestContext,
  qb: SelectQueryBuilder<T>,
  alias: string,
): SelectQueryBuilder<T> {
  const cutoff = publicCutoff(ctx);
  return cutoff ? wherePublic(qb, alias, cutoff) : qb;
}
