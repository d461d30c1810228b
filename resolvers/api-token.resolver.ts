import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from "type-graphql";
import { ApiToken, Conference, Role } from "../entities";
import type { AppContext } from "../src/graphql/context";
import { RefreshLoaders } from "../src/graphql/refresh-loaders";
import { fromGlobalIdOf } from "../src/core/global-id";
import { CreateApiTokenInput, CreatedApiToken } from "./types/api-token";
import { scopeConferences, withConferenceIds } from "./types/scope";
import { NodeFields } from "./node-fields";

@Resolver(_of => ApiToken)
export class ApiTokenResolver extends NodeFields(ApiToken, "ApiToken") {
  @Authorized(Role.ADMIN)
  @Query(_returns => [ApiToken], {
    description: "Every API token, revoked and expired ones included, oldest first. ADMIN only.",
  })
  apiTokens(@Ctx() ctx: AppContext): Promise<ApiToken[]> {
    return ctx.services.tokens.list(ctx);
  }

  @Authorized(Role.ADMIN)
  @UseMiddleware(RefreshLoaders)
  @Mutation(_returns => CreatedApiToken, {
    description: "Creates an API token and returns its secret, once. ADMIN only.",
  })
  async createApiToken(
    @Arg("input", _type => CreateApiTokenInput, { description: "The token to create." })
    input: CreateApiTokenInput,
    @Ctx() ctx: AppContext,
  ): Promise<CreatedApiToken> {
    const { token, record } = await ctx.services.tokens.create(ctx, withConferenceIds(input));
    return { token, apiToken: record };
  }

  @FieldResolver(_returns => [Conference], {
    nullable: true,
    description:
      "The conferences the token is limited to; null when it may write for every conference.",
  })
  async conferences(
    @Root() token: Pick<ApiToken, "conferenceScope">,
    @Ctx() ctx: AppContext,
  ): Promise<Conference[] | null> {
    return scopeConferences(token.conferenceScope, ctx);
  }

  @Authorized(Role.ADMIN)
  @UseMiddleware(RefreshLoaders)
  @Mutation(_returns => ApiToken, {
    description:
      "Revokes an API token at once. Revoking it again changes nothing. ADMIN only (an admin may revoke their own token).",
  })
  revokeApiToken(
    @Arg("id", _type => ID, { description: "The token's global id." }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<ApiToken> {
    return ctx.services.tokens.revoke(ctx, fromGlobalIdOf("ApiToken", id));
  }
}
