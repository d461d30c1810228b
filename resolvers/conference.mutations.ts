import { Arg, Authorized, Ctx, ID, Mutation, Resolver, UseMiddleware } from "type-graphql";
import { Community, Conference, Role } from "../entities";
import type { AppContext } from "../src/graphql/context";
import { RefreshLoaders } from "../src/graphql/refresh-loaders";
import { CreateCommunityInput, UpdateCommunityInput } from "./types/community";
import { CreateConferenceInput, UpdateConferenceInput } from "./types/conference";

/** Conference and community mutations: ADMIN only. */
@Resolver()
@UseMiddleware(RefreshLoaders)
export class ConferenceMutations {
  @Authorized(Role.ADMIN)
  @Mutation(_returns => Conference, { description: "Creates a conference edition. ADMIN only." })
  async createConference(
    @Arg("input", _type => CreateConferenceInput, { description: "The new conference." })
    input: CreateConferenceInput,
    @Ctx() ctx: AppContext,
  ): Promise<Conference> {
    const conference = await ctx.services.editorial.conferences.createConference(ctx, input);
    return conference;
  }

  @Authorized(Role.ADMIN)
  @Mutation(_returns => Conference, {
    description:
      "Changes a conference if it is still at the version you read (else CONFLICT with extensions.currentVersion). ADMIN only.",
  })
  async updateConference(
    @Arg("input", _type => UpdateConferenceInput, { description: "The changes." })
    input: UpdateConferenceInput,
    @Ctx() ctx: AppContext,
  ): Promise<Conference> {
    // The same object goes on: its format problems wait on it for the writer (one round).
    const changes = Object.assign(input, { venue: input.venue ?? undefined });
    const conference = await ctx.services.editorial.conferences.updateConference(ctx, changes);
    return conference;
  }

  @Authorized(Role.ADMIN)
  @Mutation(_returns => [Conference], {
    description:
      "Makes the given conferences one co-located event: afterwards each lists exactly the others in colocatedWith (symmetric). Co-locations they had with conferences outside the list are removed on both sides; a single conference leaves its event. ADMIN only.",
  })
  async setColocated(
    @Arg("conferences", _type => [ID], {
      description: "The conferences of the event (global ids, at least one).",
    })
    conferences: string[],
    @Ctx() ctx: AppContext,
  ): Promise<Conference[]> {
    const result = await ctx.services.editorial.conferences.setColocated(ctx, conferences);
    return result;
  }

  @Authorized(Role.ADMIN)
  @Mutation(_returns => Community, { description: "Creates a community. ADMIN only." })
  async createCommunity(
    @Arg("input", _type => CreateCommunityInput, { description: "The new community." })
    input: CreateCommunityInput,
    @Ctx() ctx: AppContext,
  ): Promise<Community> {
    const community = await ctx.services.editorial.conferences.createCommunity(ctx, input);
    return community;
  }

  @Authorized(Role.ADMIN)
  @Mutation(_returns => Community, {
    description:
      "Changes a community if it is still at the version you read. A new parent may not create a cycle (BAD_USER_INPUT). ADMIN only.",
  })
  async updateCommunity(
    @Arg("input", _type => UpdateCommunityInput, { description: "The changes." })
    input: UpdateCommunityInput,
    @Ctx() ctx: AppContext,
  ): Promise<Community> {
    const community = await ctx.services.editorial.conferences.updateCommunity(ctx, input);
    return community;
  }
}
