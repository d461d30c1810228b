import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { Person } from "../entities";
import type { AppContext } from "../src/graphql/context";
import { parsePageArgs, type Page } from "../src/db/pagination";
import { ArticleConnection, ArticleConnectionArgs } from "./types/article";
import { PersonConnection } from "./types/person";
import { SessionConnection } from "./types/session";
import { ConnectionArgs } from "./types/connection";
import { PersonFilterInput } from "./types/person";
import { SessionConnectionArgs } from "./types/session";
import { NodeFields } from "./node-fields";

@Resolver(_of => Person)
export class PersonResolver extends NodeFields(Person, "Person") {
  @Query(_returns => PersonConnection, { description: "People (speakers and authors), by name." })
  async people(
    @Args() args: ConnectionArgs,
    @Arg("filter", _type => PersonFilterInput, { nullable: true, description: "Narrows the list." })
    filter: PersonFilterInput | null,
    @Ctx() ctx: AppContext,
  ): Promise<Page<Person>> {
    const tree = await ctx.loaders.communityTree();
    return ctx.services.listings.people(ctx, tree, filter ?? {}, parsePageArgs(args));
  }

  @Query(_returns => Person, { nullable: true, description: "One person by slug, or null." })
  person(
    @Arg("slug", { description: "The person's slug, e.g. `brandon-rhodes`." }) slug: string,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.people.bySlug(slug);
  }

  @FieldResolver(_returns => SessionConnection, {
    description: "Sessions this person speaks at, across all conferences.",
  })
  sessions(
    @Root() person: Pick<Person, "id">,
    @Args() args: SessionConnectionArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.loaders.sessionPage({ kind: "speaker" }, args, person.id, info);
  }

  @FieldResolver(_returns => ArticleConnection, {
    description: "Published articles this person wrote.",
  })
  articles(
    @Root() person: Pick<Person, "id">,
    @Args() args: ArticleConnectionArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.loaders.articlePage("author", args, person.id, info);
  }

  @FieldResolver(_returns => ArticleConnection, {
    description:
      "Articles that cover this person (interviews, profiles, reports naming them), newest first by default: published ones for anonymous callers, drafts too for editors.",
  })
  articlesAbout(
    @Root() person: Pick<Person, "id">,
    @Args() args: ArticleConnectionArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.loaders.articlePage("person", args, person.id, info);
  }
}
