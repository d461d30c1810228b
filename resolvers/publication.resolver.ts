import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { Community, Publication } from "../entities";
import type { AppContext } from "../src/graphql/context";
import { ArticleConnection, ArticleConnectionArgs } from "./types/article";
import { NodeFields } from "./node-fields";

@Resolver(_of => Publication)
export class PublicationResolver extends NodeFields(Publication, "Publication") {
  @Query(_returns => [Publication], { description: "Every publication, by name." })
  publications(@Ctx() ctx: AppContext): Promise<Publication[]> {
    return ctx.loaders.publications();
  }

  @FieldResolver(_returns => Community, { description: "The community the publication serves." })
  async community(
    @Root() publication: Pick<Publication, "communityId">,
    @Ctx() ctx: AppContext,
  ): Promise<Community> {
    return (await ctx.loaders.communityTree()).get(publication.communityId) as Community;
  }

  @FieldResolver(_returns => ArticleConnection, {
    description: "Published articles in this publication.",
  })
  articles(
    @Root() publication: Pick<Publication, "id">,
    @Args() args: ArticleConnectionArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.loaders.articlePage("publication", args, publication.id, info);
  }
}
