import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { Community, Conference, ConferenceSeries, Room, Track } from "../entities";
import type { AppContext } from "../src/graphql/context";
import { NodeFields } from "./node-fields";
import { SessionConnection, SessionConnectionArgs } from "./types/session";
import { ConnectionArgs } from "./types/connection";
import { ConferenceSeriesConnection } from "./types/structure";
import { parsePageArgs } from "../src/db/pagination";

@Resolver(_of => ConferenceSeries)
export class ConferenceSeriesResolver extends NodeFields(ConferenceSeries, "ConferenceSeries") {
  @Query(_returns => ConferenceSeries, {
    nullable: true,
    description: "One conference series by slug (e.g. `pyworks`), or null.",
  })
  series(
    @Arg("slug", { description: "The series' slug." }) slug: string,
    @Ctx() ctx: AppContext,
  ): Promise<ConferenceSeries | null> {
    return ctx.services.structure.seriesBySlug(slug);
  }

  @Query(_returns => ConferenceSeriesConnection, {
    description: "Every conference series, oldest first (to pick one for an edition).",
  })
  conferenceSeries(@Args() args: ConnectionArgs, @Ctx() ctx: AppContext) {
    return ctx.services.structure.seriesPage(parsePageArgs(args));
  }

  @FieldResolver(_returns => [Conference], {
    description: "The editions, earliest first (by first day).",
  })
  editions(
    @Root() series: Pick<ConferenceSeries, "id">,
    @Ctx() ctx: AppContext,
  ): Promise<Conference[]> {
    return ctx.loaders.editionsBySeriesId.load(series.id);
  }

  @FieldResolver(_returns => Community, { description: "The community the series serves." })
  async community(
    @Root() series: Pick<ConferenceSeries, "communityId">,
    @Ctx() ctx: AppContext,
  ): Promise<Community> {
    return (await ctx.loaders.communityTree()).get(series.communityId) as Community;
  }
}

@Resolver(_of => Track)
export class TrackResolver extends NodeFields(Track, "Track") {
  @FieldResolver(_returns => Conference, { description: "The conference the track belongs to." })
  async conference(
    @Root() track: Pick<Track, "conferenceId">,
    @Ctx() ctx: AppContext,
  ): Promise<Conference> {
    return (await ctx.loaders.conferenceById.load(track.conferenceId)) as Conference;
  }

  @FieldResolver(_returns => SessionConnection, { description: "The track's sessions." })
  sessions(
    @Root() track: Pick<Track, "id">,
    @Args() args: SessionConnectionArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.loaders.sessionPage({ kind: "track" }, args, track.id, info);
  }
}

@Resolver(_of => Room)
export class RoomResolver extends NodeFields(Room, "Room") {
  @FieldResolver(_returns => SessionConnection, {
    description: "The sessions in this room, across every conference held at its venue.",
  })
  sessions(
    @Root() room: Pick<Room, "id">,
    @Args() args: SessionConnectionArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.loaders.sessionPage({ kind: "room" }, args, room.id, info);
  }
}
