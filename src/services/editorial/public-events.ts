import { publicSince, type Article, type Comment } from "../../../entities";
import { domainEvent, type DomainEvent } from "../../core/events";
import { toGlobalId } from "../../core/global-id";

/** Whether the public sees `article` at `now` (the rule of article-visibility.ts, on one row). */
export function isPublicAt(article: Pick<Article, "status" | "publishedAt">, now: Date): boolean {
  const since = publicSince(article.status, article.publishedAt);
  return since !== null && since.getTime() <= now.getTime();
}

/** `article.published`: the public fields of an article that has just become public. */
export function articlePublishedEvent(
  article: Pick<
    Article,
    "id" | "slug" | "title" | "kind" | "excerpt" | "publishedAt" | "publicationId"
  >,
): DomainEvent {
  return domainEvent("article.published", {
    publicationId: article.publicationId,
    data: {
      article: toGlobalId("Article", article.id),
      slug: article.slug,
      title: article.title,
      kind: article.kind,
      excerpt: article.excerpt,
      publishedAt: article.publishedAt?.toISOString() ?? null,
      publication: toGlobalId("Publication", article.publicationId),
    },
  });
}

/** `comment.approved`: a comment that has just become public, on a public article. Never its email. */
export function commentApprovedEvent(
  comment: Pick<Comment, "id" | "authorName" | "body" | "createdAt">,
  article: Pick<Article, "id" | "publicationId">,
): DomainEvent {
  return domainEvent("comment.approved", {
    publicationId: article.publicationId,
    data: {
      comment: toGlobalId("Comment", comment.id),
      article: toGlobalId("Article", article.id),
      publication: toGlobalId("Publication", article.publicationId),
      authorName: comment.authorName,
      body: comment.body,
      createdAt: comment.createdAt.toISOString(),
    },
  });
}
