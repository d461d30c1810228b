import { OneRoundInput } from "../../src/core/input-problems";
import { ArgsType, Field, InputType, registerEnumType, ID, ObjectType } from "type-graphql";
import { Article, ArticleKind } from "../../entities";
import { ArticleOrder } from "../../src/services/article.service";
import { Connection, ConnectionArgs } from "./connection";
import { ArrayMaxSize, IsEnum, IsOptional, Length, MaxLength } from "class-validator";
import { SLUG_MAX_LENGTH } from "../../src/core/slug";
import {
  CLIENT_MUTATION_ID,
  ClientMutationIdLength,
  Present,
  SlugRule,
  VersionedChanges,
  GENERATED_SLUG,
} from "./editorial";

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

@OneRoundInput()
@InputType({
  description:
    "A new article, stored as a DRAFT with its authors, topics and coverage (all or nothing). Publish it with publishArticle.",
})
export class CreateArticleInput {
  @Field(_type => String, GENERATED_SLUG("title", SLUG_MAX_LENGTH.Article))
  @SlugRule("Article")
  slug?: string | null;

  @Field({ description: "Headline (1 to 300 characters)." })
  @Length(1, 300)
  title!: string;

  @Field(_type => ArticleKind, { description: "The editorial form." })
  @IsEnum(ArticleKind)
  kind!: ArticleKind;

  @Field({ nullable: true, description: "Short summary (plain text). Default: empty." })
  @IsOptional()
  @MaxLength(2000)
  excerpt?: string;

  @Field({
    nullable: true,
    description: "Body in Markdown. Raw HTML is never passed through. Default: empty.",
  })
  @IsOptional()
  @MaxLength(200000)
  body?: string;

  @Field(_type => ID, { description: "The publication it appears in." })
  publication!: string;

  @Field(_type => [ID], { nullable: true, description: "Authors (people), in byline order." })
  @IsOptional()
  @ArrayMaxSize(20)
  authors?: string[];

  @Field(_type => [ID], { nullable: true, description: "Topics." })
  @IsOptional()
  @ArrayMaxSize(50)
  topics?: string[];

  @Field(_type => [ID], { nullable: true, description: "Conferences the article covers." })
  @IsOptional()
  @ArrayMaxSize(50)
  conferences?: string[];

  @Field(_type => [ID], { nullable: true, description: "Sessions the article covers." })
  @IsOptional()
  @ArrayMaxSize(200)
  sessions?: string[];

  @Field(_type => [ID], { nullable: true, description: "People the article is about." })
  @IsOptional()
  @ArrayMaxSize(100)
  people?: string[];

  @Field(_type => [ID], { nullable: true, description: "Communities the article is about." })
  @IsOptional()
  @ArrayMaxSize(50)
  communities?: string[];

  @Field(_type => String, CLIENT_MUTATION_ID)
  @IsOptional()
  @ClientMutationIdLength()
  clientMutationId?: string | null;
}

@OneRoundInput()
@InputType({
  description:
    "Changes to an article. Omitted fields stay as they are; a list given replaces the whole list. `version` must be the version you read.",
})
export class UpdateArticleInput extends VersionedChanges {
  @Field(_type => String, { nullable: true, description: "New slug (format as for create)." })
  @SlugRule("Article")
  slug?: string | null;

  @Field({ nullable: true, description: "Headline (1 to 300 characters)." })
  @Present()
  @Length(1, 300)
  title?: string;

  @Field(_type => ArticleKind, { nullable: true, description: "The editorial form." })
  @Present()
  @IsEnum(ArticleKind)
  kind?: ArticleKind;

  @Field({ nullable: true, description: "Short summary (plain text)." })
  @Present()
  @MaxLength(2000)
  excerpt?: string;

  @Field({
    nullable: true,
    description: "Body in Markdown; may not be emptied while published.",
  })
  @Present()
  @MaxLength(200000)
  body?: string;

  @Field(_type => ID, { nullable: true, description: "The publication it appears in." })
  @Present()
  @Length(1, 64)
  publication?: string;

  @Field(_type => [ID], {
    nullable: true,
    description: "Replaces the authors (byline order); may not be emptied while published.",
  })
  @Present()
  @ArrayMaxSize(20)
  authors?: string[];

  @Field(_type => [ID], { nullable: true, description: "Replaces the topics." })
  @Present()
  @ArrayMaxSize(50)
  topics?: string[];

  @Field(_type => [ID], { nullable: true, description: "Replaces the conferences covered." })
  @Present()
  @ArrayMaxSize(50)
  conferences?: string[];

  @Field(_type => [ID], { nullable: true, description: "Replaces the sessions covered." })
  @Present()
  @ArrayMaxSize(200)
  sessions?: string[];

  @Field(_type => [ID], { nullable: true, description: "Replaces the people covered." })
  @Present()
  @ArrayMaxSize(100)
  people?: string[];

  @Field(_type => [ID], { nullable: true, description: "Replaces the communities covered." })
  @Present()
  @ArrayMaxSize(50)
  communities?: string[];
}

@ObjectType({ description: "The result of createArticle." })
export class CreateArticlePayload {
  @Field(_type => Article, { description: "The article created (or, on a repeat, created first)." })
  article!: Article;

  @Field(_type => String, { nullable: true, description: "The clientMutationId you sent." })
  clientMutationId!: string | null;

  @Field({
    description:
      "True when this was a repeat of an earlier clientMutationId and nothing new was made.",
  })
  replayed!: boolean;
}
