import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import {
  Article,
  Community,
  Conference,
  Person,
  Publication,
  Session,
  Topic,
  type Comment,
} from "../entities";
import type { AppContext } from "../src/graphql/context";
import { renderMarkdown } from "../src/render/markdown";
import { parsePageArgs, type Page } from "../src/db/pagination";
import { DateTimeScalar } from "../src/core/scalars";
import { ArticleOrder } from "../src/services/article.service";
import { chooseZone, formatInstant } from "../src/core/time";
import { ArticleConnection, ArticleFilterInput } from "./types/article";
import { CommentConnection } from "./types/comment";
import { ConnectionArgs } from "./types/connection";
import { NodeFields } from "./node-fields";
import { LOCALE_ARG } from "./types/translation";
import { Reads } from "../src/graphql/selected-columns";
import { localize } from "../src/graphql/translations";
import { connectionNodeFields } from "../src/graphql/node-selection";
import { andThen, type MaybePromise } from "../src/core/maybe-promise";

@Resolver(_of => Article)
export class ArticleResolver extends NodeFields(Article, "Article") {
  @Query(_returns => ArticleConnection, {
    description: "Published articles, newest first by default.",
  })
  async articles(
    @Args() args: ConnectionArgs,
    @Arg("filter", _type => ArticleFilterInput, {
      nullable: true,
      description: "Narrows the list.",
    })
    filter: ArticleFilterInput | null,
    @Arg("orderBy", _type => ArticleOrder, {
      defaultValue: ArticleOrder.PUBLISHED_AT_DESC,
      description: "Sort order.",
    })
    orderBy: ArticleOrder,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Article>> {
    const tree = await ctx.loaders.communityTree();
    const page = ctx.services.listings.articles(
      ctx,
      tree,
      filter ?? {},
      orderBy,
      parsePageArgs(args),
    );
    return ctx.loaders.withNodeChildren("Article", connectionNodeFields(info), page);
  }

  @Query(_returns => Article, {
    nullable: true,
    description: "One published article by slug, or null.",
  })
  article(
    @Arg("slug", { description: "The article's slug." }) slug: string,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.articles.bySlug(ctx, slug);
  }

  @FieldResolver(_returns => String, {
    description:
      "The body rendered from Markdown to HTML and sanitised: safe to insert into a page. Translated like `body`.",
  })
  @Reads(Article, "body")
  async bodyHtml(
    @Root() article: Pick<Article, "id" | "body">,
    @Arg("locale", _type => String, LOCALE_ARG) locale: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<string> {
    const body = await localize(
      ctx,
      ctx.loaders.translationsByArticleId,
      article.id,
      article.body,
      "body",
      locale,
    );
    return renderMarkdown(body.text);
  }

  @FieldResolver(_returns => DateTimeScalar, {
    nullable: true,
    description: "When the article was (or, for editors, will be) published.",
  })
  async publishedAt(
    @Root() article: Pick<Article, "publishedAt">,
    @Arg("timezone", _type => String, {
      nullable: true,
      description: "IANA zone to express the time in. Defaults to UTC.",
    })
    timezone: string | null,
  ): Promise<string | null> {
    return article.publishedAt
      ? formatInstant(article.publishedAt, chooseZone(timezone, "UTC"))
      : null;
  }

  @FieldResolver(_returns => [Person], { description: "The authors, in byline order." })
  authors(@Root() article: Pick<Article, "id">, @Ctx() ctx: AppContext): MaybePromise<Person[]> {
    return ctx.loaders.authorsByArticleId.now(article.id);
  }

  @FieldResolver(_returns => Publication, { description: "Where the article appears." })
  publication(
    @Root() article: Pick<Article, "publicationId">,
    @Ctx() ctx: AppContext,
  ): MaybePromise<Publication> {
    return andThen(
      ctx.loaders.publicationsAtOnce(),
      all => all.find(p => p.id === article.publicationId) as Publication,
    );
  }

  @FieldResolver(_returns => [Topic], { description: "The article's topics, by name." })
  topics(@Root() article: Pick<Article, "id">, @Ctx() ctx: AppContext): Promise<Topic[]> {
    return ctx.loaders.topicsByArticleId.load(article.id);
  }

  @FieldResolver(_returns => [Conference], { description: "Conferences the article covers." })
  conferences(@Root() article: Pick<Article, "id">, @Ctx() ctx: AppContext): Promise<Conference[]> {
    return ctx.loaders.conferencesByArticleId.load(article.id);
  }

  @FieldResolver(_returns => [Session], {
    description: "Sessions the article covers, in time order.",
  })
  sessions(@Root() article: Pick<Article, "id">, @Ctx() ctx: AppContext): Promise<Session[]> {
    return ctx.loaders.sessionsByArticleId.load(article.id);
  }

  @FieldResolver(_returns => [Person], { description: "People the article is about, by name." })
  people(@Root() article: Pick<Article, "id">, @Ctx() ctx: AppContext): Promise<Person[]> {
    return ctx.loaders.peopleByArticleId.load(article.id);
  }

  @FieldResolver(_returns => [Community], { description: "Communities the article is about." })
  async communities(
    @Root() article: Pick<Article, "id">,
    @Ctx() ctx: AppContext,
  ): Promise<Community[]> {
    const [ids, tree] = await Promise.all([
      ctx.loaders.communityIdsByArticleId.load(article.id),
      ctx.loaders.communityTree(),
    ]);
    return tree.all.filter(c => ids.includes(c.id));
  }

  @FieldResolver(_returns => CommentConnection, {
    description: "Approved reader comments, oldest first.",
  })
  comments(
    @Root() article: Pick<Article, "id">,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: AppContext,
  ): Promise<Page<Comment>> {
    return ctx.loaders.commentsOf(args).load(article.id);
  }

  @FieldResolver(_returns => Int, { description: "How many approved comments the article has." })
  commentCount(@Root() article: Pick<Article, "id">, @Ctx() ctx: AppContext): Promise<number> {
    return ctx.loaders.commentCountByArticleId.load(article.id);
  }
}
