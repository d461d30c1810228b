import { ArrayMaxSize, IsEmail, IsEnum, IsOptional, Length, MaxLength } from "class-validator";
import { ArgsType, Field, ID, InputType, ObjectType } from "type-graphql";
import { Article, ArticleKind, Comment } from "../../entities";
import { SLUG_MAX_LENGTH } from "../../src/core/slug";
import { CLIENT_MUTATION_ID, ClientMutationIdLength, Present, SlugRule } from "./editorial.types";
import { VersionedChanges } from "./versioned.input";

const GENERATED_SLUG = (from: string, max: number) =>
  ({
    nullable: true,
    description: `URL-safe unique key (at most ${max} lowercase letters, digits and single hyphens). Generated from the ${from} when omitted (with -2, -3, … if taken); a taken slug given here is CONFLICT.`,
  }) as const;

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

@InputType({ description: "A new topic." })
export class CreateTopicInput {
  @Field(_type => String, GENERATED_SLUG("name", SLUG_MAX_LENGTH.Topic))
  @SlugRule("Topic")
  slug?: string | null;

  @Field({ description: "Display name (1 to 200 characters)." })
  @Length(1, 200)
  name!: string;
}

@InputType({ description: "Changes to a topic; `version` must be the version you read." })
export class UpdateTopicInput extends VersionedChanges {
  @Field(_type => String, { nullable: true, description: "New slug." })
  @SlugRule("Topic")
  slug?: string | null;

  @Field({ nullable: true, description: "Display name (1 to 200 characters)." })
  @Present()
  @Length(1, 200)
  name?: string;
}

@InputType({ description: "A new publication." })
export class CreatePublicationInput {
  @Field(_type => String, GENERATED_SLUG("name", SLUG_MAX_LENGTH.Publication))
  @SlugRule("Publication")
  slug?: string | null;

  @Field({ description: "Display name (1 to 200 characters)." })
  @Length(1, 200)
  name!: string;

  @Field({ nullable: true, description: "What it covers. Default: empty." })
  @IsOptional()
  @MaxLength(20000)
  description?: string;

  @Field(_type => ID, { description: "The community it serves." })
  community!: string;
}

@InputType({ description: "Changes to a publication; `version` must be the version you read." })
export class UpdatePublicationInput extends VersionedChanges {
  @Field(_type => String, { nullable: true, description: "New slug." })
  @SlugRule("Publication")
  slug?: string | null;

  @Field({ nullable: true, description: "Display name (1 to 200 characters)." })
  @Present()
  @Length(1, 200)
  name?: string;

  @Field({ nullable: true, description: "What it covers." })
  @Present()
  @MaxLength(20000)
  description?: string;

  @Field(_type => ID, { nullable: true, description: "The community it serves." })
  @Present()
  @Length(1, 64)
  community?: string;
}

@ArgsType()
export class PostCommentArgs {
  @Field(_type => ID, { description: "The article (it must be published)." })
  articleId!: string;

  @Field({ description: "The name to show (1 to 100 characters)." })
  @Length(1, 100)
  authorName!: string;

  @Field(_type => String, {
    nullable: true,
    description: "Your email, for the editors only; it is never shown to anyone.",
  })
  @IsOptional()
  @MaxLength(254)
  @IsEmail()
  email?: string | null;

  @Field({
    description:
      "The comment, plain text (1 to 5000 characters). Markup is not interpreted: it is shown as typed.",
  })
  @Length(1, 5000)
  body!: string;

  @Field(_type => String, CLIENT_MUTATION_ID)
  @IsOptional()
  @ClientMutationIdLength()
  clientMutationId?: string | null;
}

@ObjectType({ description: "The result of postComment." })
export class PostCommentPayload {
  @Field(_type => Comment, {
    description: "Your comment (PENDING until an editor approves it, unless auto-approved).",
  })
  comment!: Comment;

  @Field(_type => String, { nullable: true, description: "The clientMutationId you sent." })
  clientMutationId!: string | null;

  @Field({
    description:
      "True when this was a repeat of an earlier clientMutationId and nothing new was made.",
  })
  replayed!: boolean;
}
