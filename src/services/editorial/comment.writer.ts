import { Article, Comment, CommentStatus, Publication, Role } from "../../../entities";
import type { CommentConfig } from "../../core/config";
import type { RequestContext } from "../../core/context";
import { ConflictError, NotFoundError } from "../../core/errors";
import { fromGlobalIdOf } from "../../core/global-id";
import { wherePublic } from "../article-visibility";
import { assertRole, assertUnscoped } from "./access";
import { Problems } from "./input";
import { commentApprovedEvent, isPublicAt } from "./public-events";
import { mustFind } from "./refs";
import { type Writer } from "./writer";

export interface CommentFields {
  article: string;
  authorName: string;
  email?: string | null;
  body: string;
}

/**
 * Takes reader comments and their moderation. Anyone may comment on an article the public can see;
 * the comment is PENDING unless its publication is configured for auto-approval. How many comments a
 * client may post is counted per request, before it runs, by `RateLimits.takeComments` (so a batch
 * of aliased calls is allowed or refused whole).
 */
export class CommentWriter {
  constructor(
    private readonly writer: Writer,
    private readonly config: CommentConfig,
  ) {}

  async post(
    ctx: RequestContext,
    input: CommentFields,
    clientMutationId?: string | null,
  ): Promise<{ comment: Comment; replayed: boolean }> {
    const articleId = fromGlobalIdOf("Article", input.article, "articleId");
    const problems = new Problems(input);
    const authorName = input.authorName.trim();
    const body = input.body.trim();
    if (!authorName) problems.add("authorName", "must not be blank");
    if (!body) problems.add("body", "must not be blank");
    problems.throwIfAny();
    const { id, replayed } = await this.writer.createOnce(
      ctx,
      "postComment",
      clientMutationId,
      async manager => {
        // Comments go only on articles the public can see, whoever is asking; drafts stay hidden.
        const article = await wherePublic(
          manager.getRepository(Article).createQueryBuilder("a").where("a.id = :articleId", {
            articleId,
          }),
          "a",
          ctx.now,
        ).getOne();
        if (!article) throw new NotFoundError("Article", input.article);
        const publication = await manager
          .getRepository(Publication)
          .findOneBy({ id: article.publicationId });
        const status =
          publication && this.config.autoApprovePublications.includes(publication.slug)
            ? CommentStatus.APPROVED
            : CommentStatus.PENDING;
        const result = await manager.insert(Comment, {
          articleId,
          authorName,
          email: input.email?.trim() || null,
          body,
          status,
        });
        const id = Number(result.identifiers[0].id);
        if (status === CommentStatus.APPROVED) {
          const comment = await mustFind(manager, Comment, "Comment", id);
          await this.writer.emit(manager, commentApprovedEvent(comment, article));
        }
        return id;
      },
    );
    const comment = await mustFind(this.writer.dataSource.manager, Comment, "Comment", id);
    // A replay returns the first result only to whoever sent the same comment: another reader reusing
    // the id (anonymous receipts are scoped by IP) must not be shown someone else's pending comment.
    if (
      replayed &&
      (comment.articleId !== articleId ||
        comment.authorName !== authorName ||
        comment.body !== body)
    ) {
      throw new ConflictError(
        "This clientMutationId was already used for a different comment; use a new id for a new comment",
        { field: "clientMutationId" },
      );
    }
    return { comment, replayed };
  }

  /** Sets a comment's moderation status. EDITOR or ADMIN. With `version`, only that version. */
  async moderate(
    ctx: RequestContext,
    globalId: string,
    status: CommentStatus,
    version: number | null | undefined,
  ): Promise<Comment> {
    assertRole(ctx, Role.EDITOR, "Moderating a comment");
    assertUnscoped(ctx, "Moderating a comment");
    const id = fromGlobalIdOf("Comment", globalId);
    await this.writer.transaction(async manager => {
      const current = await mustFind(manager, Comment, "Comment", id);
      await this.writer.updateVersioned(
        manager,
        Comment,
        "Comment",
        id,
        version ?? current.version,
        {
          status,
        },
      );
      // Announced when it becomes public: newly approved, on an article the public can see.
      if (status === CommentStatus.APPROVED && current.status !== CommentStatus.APPROVED) {
        const article = await manager.getRepository(Article).findOneBy({ id: current.articleId });
        if (article && isPublicAt(article, ctx.now)) {
          await this.writer.emit(manager, commentApprovedEvent(current, article));
        }
      }
    });
    return mustFind(this.writer.dataSource.manager, Comment, "Comment", id);
  }
}
