import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import { Article, ArticleKind, Comment, Publication } from "../../entities";
import { ArticleOrder } from "../../src/services/article.service";
import { Connection, ConnectionArgs } from "./connection";

registerEnumType(ArticleOrder, {
  name: "ArticleOrder",
  description: "How an article list is sorted. Every order ends with the id, so paging is stable.",
  valuesConfig: {
    PUBLISHED_AT_DESC: { description: "Newest first (the default)." },
    PUBLISHED_AT_ASC: { description: "Oldest first." },
    TITLE_ASC: { description: "By title, A to Z." },
  },
});

export const ArticleConnection = Connection(Article, "Article", "articles");
export const CommentConnection = Connection(Comment, "Comment", "comments");
export const PublicationConnection = Connection(Publication, "Publication", "publications");

@InputType({ description: "Narrows an article list. Given fields combine with AND." })
export class ArticleFilterInput {
  @Field({ nullable: true, description: "Only articles in this publication (by slug)." })
  publication?: string;

  @Field(_type => [ArticleKind], { nullable: true, description: "Only articles of these kinds." })
  kinds?: ArticleKind[];

  @Field({
    nullable: true,
    description:
      "Only articles about this community (by slug) or one below it: articles covering it, or published by a publication serving it.",
  })
  community?: string;

  @Field({ nullable: true, description: "Only articles with this topic (by slug)." })
  topic?: string;

  @Field({ nullable: true, description: "Only articles this person wrote (by slug)." })
  author?: string;

  @Field({ nullable: true, description: "Only articles covering this conference (by slug)." })
  conference?: string;

  @Field({ nullable: true, description: "Only articles covering this session (by slug)." })
  session?: string;

  @Field({ nullable: true, description: "Only articles matching these words (full-text search)." })
  text?: string;
}

/** Arguments of every article connection below another object: paging and an order. */
@ArgsType()
export class ArticleConnectionArgs extends ConnectionArgs {
  @Field(_type => ArticleOrder, {
    defaultValue: ArticleOrder.PUBLISHED_AT_DESC,
    description: "Sort order.",
  })
  orderBy!: ArticleOrder;
}
