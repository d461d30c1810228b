import { Ctx, Float, FieldResolver, Resolver, Root } from "type-graphql";
import type { AppContext } from "../src/graphql/context";
import { share } from "../src/services/stats.service";
import { CommunityStats } from "./types/community";
import { ConferenceStats } from "./types/conference";
import { CommunityCount } from "./types/stats";

const CROSS_SHARE = {
  description:
    "crossCommunitySessionCount as a share of sessionCount, from 0 to 1 (0 when there are no sessions).",
} as const;

/** Shares and breakdowns of a conference's stats. */
@Resolver(_of => ConferenceStats)
export class ConferenceStatsFields {
  @FieldResolver(_returns => Float, CROSS_SHARE)
  crossCommunityShare(
    @Root() stats: Pick<ConferenceStats, "crossCommunitySessionCount" | "sessionCount">,
  ): number {
    return share(stats.crossCommunitySessionCount, stats.sessionCount);
  }

  @FieldResolver(_returns => [CommunityCount], {
    description:
      "Distinct speakers in the program per root community their sessions are aimed at, most first; someone speaking to two communities counts under both.",
  })
  async speakersByCommunity(
    @Root() stats: Pick<ConferenceStats, "conferenceId">,
    @Ctx() ctx: AppContext,
  ): Promise<CommunityCount[]> {
    const [rows, tree] = await Promise.all([
      ctx.loaders.speakersByRootOfConference.load(stats.conferenceId),
      ctx.loaders.communityTree(),
    ]);
    return rows.flatMap(r => {
      const community = tree.get(r.communityId);
      return community ? [{ community, count: r.count }] : [];
    });
  }
}

/** Shares of a community's stats. */
@Resolver(_of => CommunityStats)
export class CommunityStatsFields {
  @FieldResolver(_returns => Float, CROSS_SHARE)
  crossCommunityShare(
    @Root() stats: Pick<CommunityStats, "crossCommunitySessionCount" | "sessionCount">,
  ): number {
    return share(stats.crossCommunitySessionCount, stats.sessionCount);
  }
}
