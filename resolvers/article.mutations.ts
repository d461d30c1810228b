import {
  Arg,
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
import { Article, ArticleStatus, Publication, Role, Topic } from "../entities";
import type { AppContext } from "../src/graphql/context";
import { RefreshLoaders } from "../src/graphql/refresh-loaders";
import { toGlobalId } from "../src/core/global-id";
import { DateTimeScalar } from "../src/core/scalars";
import { CreateArticleInput, CreateArticlePayload, UpdateArticleInput } from "./types/article";
import { CreatePublicationInput, UpdatePublicationInput } from "./types/publication";
import { CreateTopicInput, UpdateTopicInput } from "./types/topic";
import { DeletePayload } from "./types/editorial";

const VERSION_ARG = {
  nullable: true,
  description: "The version you read; when given, a newer version makes this CONFLICT.",
} as const;

/** Article, topic and publication mutations: EDITOR or ADMIN. */
@Resolver()
@UseMiddleware(RefreshLoaders)
export class ArticleMutations {
  @Authorized(Role.EDITOR)
  @Mutation(_returns => CreateArticlePayload, {
    description:
      "Creates a DRAFT article with its authors, topics and coverage in one transaction. EDITOR.",
  })
  async createArticle(
    @Arg("input", _type => CreateArticleInput, { description: "The new article." })
    input: CreateArticleInput,
    @Ctx() ctx: AppContext,
  ): Promise<CreateArticlePayload> {
    // The input itself goes on: its format problems wait on it for the writer (one round).
    const { clientMutationId } = input;
    const { article, replayed } = await ctx.services.editorial.articles.create(
      ctx,
      input,
      clientMutationId,
    );
    return { article, replayed, clientMutationId: clientMutationId ?? null };
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => Article, {
    description:
      "Changes an article if it is still at the version you read (else CONFLICT with extensions.currentVersion). EDITOR.",
  })
  async updateArticle(
    @Arg("input", _type => UpdateArticleInput, { description: "The changes." })
    input: UpdateArticleInput,
    @Ctx() ctx: AppContext,
  ): Promise<Article> {
    const article = await ctx.services.editorial.articles.update(ctx, input);
    return article;
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => Article, {
    description:
      "Publishes an article now, or at publishAt (a future instant schedules it). Needs at least one author and a body. EDITOR.",
  })
  async publishArticle(
    @Arg("id", _type => ID, { description: "The article's global id." }) id: string,
    @Arg("publishAt", _type => DateTimeScalar, {
      nullable: true,
      description: "When it goes public. Default: now.",
    })
    publishAt: Date | null,
    @Arg("version", _type => Int, VERSION_ARG) version: number | null,
    @Ctx() ctx: AppContext,
  ): Promise<Article> {
    const article = await ctx.services.editorial.articles.publish(ctx, id, publishAt, version);
    return article;
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => Article, {
    description: "Takes an article back to DRAFT; the public no longer sees it. EDITOR.",
  })
  async unpublishArticle(
    @Arg("id", _type => ID, { description: "The article's global id." }) id: string,
    @Arg("version", _type => Int, VERSION_ARG) version: number | null,
    @Ctx() ctx: AppContext,
  ): Promise<Article> {
    const article = await ctx.services.editorial.articles.unpublish(ctx, id, version);
    return article;
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => DeletePayload, {
    description:
      "Deletes a draft article with its links and comments. CONFLICT while it is published (unpublish first). EDITOR.",
  })
  async deleteArticle(
    @Arg("id", _type => ID, { description: "The article's global id." }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<DeletePayload> {
    const deleted = await ctx.services.editorial.articles.delete(ctx, id);
    return { deletedId: toGlobalId("Article", deleted) };
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => Topic, { description: "Creates a topic. EDITOR." })
  async createTopic(
    @Arg("input", _type => CreateTopicInput, { description: "The new topic." })
    input: CreateTopicInput,
    @Ctx() ctx: AppContext,
  ): Promise<Topic> {
    const topic = await ctx.services.editorial.taxonomy.createTopic(ctx, input);
    return topic;
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => Topic, {
    description: "Changes a topic if still at the version you read. EDITOR.",
  })
  async updateTopic(
    @Arg("input", _type => UpdateTopicInput, { description: "The changes." })
    input: UpdateTopicInput,
    @Ctx() ctx: AppContext,
  ): Promise<Topic> {
    const topic = await ctx.services.editorial.taxonomy.updateTopic(ctx, input);
    return topic;
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => Publication, { description: "Creates a publication. EDITOR." })
  async createPublication(
    @Arg("input", _type => CreatePublicationInput, { description: "The new publication." })
    input: CreatePublicationInput,
    @Ctx() ctx: AppContext,
  ): Promise<Publication> {
    const publication = await ctx.services.editorial.taxonomy.createPublication(ctx, input);
    return publication;
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => Publication, {
    description: "Changes a publication if still at the version you read. EDITOR.",
  })
  async updatePublication(
    @Arg("input", _type => UpdatePublicationInput, { description: "The changes." })
    input: UpdatePublicationInput,
    @Ctx() ctx: AppContext,
  ): Promise<Publication> {
    const publication = await ctx.services.editorial.taxonomy.updatePublication(ctx, input);
    return publication;
  }
}

/** Editorial fields of Article. */
@Resolver(_of => Article)
export class ArticleEditorialFields {
  @FieldResolver(_returns => ArticleStatus, {
    description:
      "DRAFT or PUBLISHED. The public sees only published articles whose publishedAt has passed.",
  })
  status(@Root() article: Pick<Article, "status">): ArticleStatus {
    return article.status;
  }
}
