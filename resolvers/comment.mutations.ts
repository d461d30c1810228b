import { carryDeferredProblems } from "../src/core/input-problems";
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Resolver,
  Root,
  UseMiddleware,
} from "type-graphql";
import { Article, Comment, CommentStatus, Role } from "../entities";
import type { AppContext } from "../src/graphql/context";
import { RefreshLoaders } from "../src/graphql/refresh-loaders";
import { escapeHtml } from "../src/render/markdown";
import { PostCommentArgs, PostCommentPayload } from "./types/comment";
import { withFields } from "../src/core/objects";

/** Reader comments: anyone may post; editors moderate. */
@Resolver()
@UseMiddleware(RefreshLoaders)
export class CommentMutations {
  @Mutation(_returns => PostCommentPayload, {
    // Nullable so that one refused call (say, RATE_LIMITED) does not stop the aliased calls after it.
    nullable: true,
    description:
      "Posts a comment on a published article; no token needed. Null (with an error) when refused. It stays PENDING until an editor approves it (unless its publication is set to auto-approve). Each client IP may post a limited number per minute and per day; beyond that, RATE_LIMITED with extensions.retryAfterSeconds.",
  })
  async postComment(
    @Args() args: PostCommentArgs,
    @Ctx() ctx: AppContext,
  ): Promise<PostCommentPayload | null> {
    const { clientMutationId, articleId, ...rest } = args;
    const input = withFields({ article: articleId }, rest);
    // Format problems travel with the input, so the writer sends them with its own in one error.
    carryDeferredProblems(args, input);
    const { comment, replayed } = await ctx.services.editorial.comments.post(
      ctx,
      input,
      clientMutationId,
    );
    return { comment, replayed, clientMutationId: clientMutationId ?? null };
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => Comment, {
    description:
      "Sets a comment's moderation status; only APPROVED comments are shown to readers. EDITOR.",
  })
  async moderateComment(
    @Arg("id", _type => ID, { description: "The comment's global id." }) id: string,
    @Arg("status", _type => CommentStatus, { description: "The new status." })
    status: CommentStatus,
    @Arg("version", _type => Int, {
      nullable: true,
      description: "The version you read; when given, a newer version makes this CONFLICT.",
    })
    version: number | null,
    @Ctx() ctx: AppContext,
  ): Promise<Comment> {
    const comment = await ctx.services.editorial.comments.moderate(ctx, id, status, version);
    return comment;
  }
}

/** Moderation and rendering fields of Comment. */
@Resolver(_of => Comment)
export class CommentEditorialFields {
  @FieldResolver(_returns => CommentStatus, {
    description: "Where the comment stands in moderation. Readers only ever see APPROVED ones.",
  })
  status(@Root() comment: Pick<Comment, "status">): CommentStatus {
    return comment.status;
  }

  @FieldResolver(_returns => Article, {
    nullable: true,
    description: "The article the comment is on (null if the viewer may not see it).",
  })
  article(
    @Root() comment: Pick<Comment, "articleId">,
    @Ctx() ctx: AppContext,
  ): Promise<Article | null> {
    return ctx.loaders.articleById.load(comment.articleId);
  }

  @FieldResolver(_returns => String, {
    description:
      "The comment as HTML: the plain text escaped, blank lines as paragraphs, line breaks as <br>. Never contains the reader's markup.",
  })
  bodyHtml(@Root() comment: Pick<Comment, "body">): string {
    return renderPlainText(comment.body);
  }
}

/** Plain text to safe HTML: everything escaped; paragraphs and line breaks kept. */
export function renderPlainText(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map(p => p.trim())
    .filter(Boolean)
    .map(p => `<p>${escapeHtml(p).replace(/\r?\n/g, "<br>")}</p>`)
    .join("\n");
}
