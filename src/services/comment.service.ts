import type { DataSource, SelectQueryBuilder } from "typeorm";
import { Comment, CommentStatus } from "../../entities";
import type { RequestContext } from "../core/context";
import { loadByIds } from "../db/batch";
import { countMany, pageMany, type Page, type PageRequest } from "../db/pagination";

/**
 * Reads reader comments. The public sees only APPROVED comments (on articles it can see; callers
 * reach comments only through visible articles); editors see every status. Emails never leave here.
 */
export class CommentService {
  constructor(private readonly dataSource: DataSource) {}

  /** The comment visibility rule on a query over alias `alias`: the public sees APPROVED ones. */
  private visible(
    ctx: RequestContext,
    qb: SelectQueryBuilder<Comment>,
    alias: string,
  ): SelectQueryBuilder<Comment> {
    if (ctx.viewer.canSeeUnpublished) return qb;
    return qb.andWhere(`${alias}.status = :approved`, { approved: CommentStatus.APPROVED });
  }

  scoped(ctx: RequestContext, articleId: number): SelectQueryBuilder<Comment> {
    const qb = this.dataSource
      .getRepository(Comment)
      .createQueryBuilder("cm")
      .where("cm.article_id = :articleId", { articleId });
    return this.visible(ctx, qb, "cm");
  }

  /** Oldest first; one statement for any number of articles. */
  pages(
    ctx: RequestContext,
    articleIds: readonly number[],
    page: PageRequest,
  ): Promise<Map<number, Page<Comment>>> {
    const members = articleIds.map(id => ({ key: id, qb: this.scoped(ctx, id) }));
    return pageMany<Comment, number>(
      this.dataSource,
      Comment,
      "cm",
      members,
      [{ property: "id", direction: "ASC" }],
      page,
    );
  }

  /**
   * Comments of one status across every article, oldest first (by id, on ix_comment_status): the
   * moderation queue. Editors only; the resolver checks the role, this returns nothing to others.
   */
  async byStatus(
    ctx: RequestContext,
    status: CommentStatus,
    page: PageRequest,
  ): Promise<Page<Comment>> {
    const qb = this.dataSource
      .getRepository(Comment)
      .createQueryBuilder("cm")
      .where("cm.status = :status", { status });
    if (!ctx.viewer.canSeeUnpublished) qb.andWhere("1 = 0");
    const pages = await pageMany<Comment, number>(
      this.dataSource,
      Comment,
      "cm",
      [{ key: 0, qb }],
      [{ property: "id", direction: "ASC" }],
      page,
    );
    return pages.get(0)!;
  }

  counts(ctx: RequestContext, articleIds: readonly number[]): Promise<Map<number, number>> {
    return countMany(
      this.dataSource,
      articleIds.map(id => ({ key: id, qb: this.scoped(ctx, id) })),
    );
  }

  /** Comments by id, null where missing or not visible (the article's visibility is checked by the caller). */
  byIds(ctx: RequestContext, ids: readonly number[]): Promise<(Comment | null)[]> {
    return loadByIds(this.dataSource, Comment, ids, qb => this.visible(ctx, qb, "r"));
  }
}
