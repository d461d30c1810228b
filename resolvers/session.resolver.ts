import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { ArticleConnection, ArticleConnectionArgs } from "./types/article";
import { SessionConnection } from "./types/session";
import { SessionConnectionArgs } from "./types/session";
import {
  Community,
  Conference,
  Person,
  Room,
  Session,
  SessionLink,
  Topic,
  Track,
} from "../entities";
import type { AppContext } from "../src/graphql/context";
import { chooseZone, formatInstant } from "../src/core/time";
import { andThenBoth, type MaybePromise } from "../src/core/maybe-promise";
import { DateTimeScalar } from "../src/core/scalars";
import { NodeFields } from "./node-fields";
import type { CommunityTree } from "../src/services/community.service";

const TIMEZONE_ARG = {
  nullable: true,
  description: "IANA zone to express the time in. Defaults to the host conference's zone.",
} as const;

/** `instant` in `timezone` if given, else in the host's zone (UTC when it has none). */
function formatInZone(
  instant: Date,
  timezone: string | null,
  hostZone: string | undefined,
): string {
  return formatInstant(instant, chooseZone(timezone, hostZone ?? "UTC"));
}

const communitiesOf = (ids: readonly number[], tree: CommunityTree): Community[] =>
  tree.getAll(ids);
const spansCommunities = (ids: readonly number[], tree: CommunityTree): boolean =>
  tree.isCrossCommunity(ids);

@Resolver(_of => Session)
export class SessionResolver extends NodeFields(Session, "Session") {
  @Query(_returns => SessionConnection, {
    description: "Sessions across every conference, filtered and sorted.",
  })
  sessions(
    @Args() args: SessionConnectionArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.loaders.sessionPage({ kind: "all" }, args, 0, info);
  }

  @Query(_returns => Session, { nullable: true, description: "One session by slug, or null." })
  session(
    @Arg("slug", { description: "The session's slug." }) slug: string,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.sessions.bySlug(slug);
  }

  /**
   * `instant` with the offset of `timezone`, else of the host conference's zone (held per process:
   * no statement, and no promise, once known).
   */
  private inZone(
    instant: Date,
    timezone: string | null,
    session: Pick<Session, "hostConferenceId">,
    ctx: AppContext,
  ): MaybePromise<string> {
    // Known (the usual case): formatted now, with no function made for later.
    const zone = ctx.loaders.zoneOf(session.hostConferenceId);
    return zone instanceof Promise
      ? zone.then(known => formatInZone(instant, timezone, known))
      : formatInZone(instant, timezone, zone);
  }

  @FieldResolver(_returns => DateTimeScalar, {
    description: "When the session starts, with the zone's offset.",
  })
  startsAt(
    @Root() session: Pick<Session, "id" | "hostConferenceId" | "startsAt">,
    @Arg("timezone", _type => String, TIMEZONE_ARG) timezone: string | null,
    @Ctx() ctx: AppContext,
  ): MaybePromise<string> {
    return this.inZone(session.startsAt, timezone, session, ctx);
  }

  @FieldResolver(_returns => DateTimeScalar, {
    description: "When the session ends, with the zone's offset.",
  })
  endsAt(
    @Root() session: Pick<Session, "id" | "hostConferenceId" | "endsAt">,
    @Arg("timezone", _type => String, TIMEZONE_ARG) timezone: string | null,
    @Ctx() ctx: AppContext,
  ): MaybePromise<string> {
    return this.inZone(session.endsAt, timezone, session, ctx);
  }

  @FieldResolver(_returns => Conference, { description: "The conference that hosts the session." })
  async hostConference(
    @Root() session: Pick<Session, "id" | "hostConferenceId">,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.loaders.hostOf(session);
  }

  @FieldResolver(_returns => [Conference], {
    description:
      "Every conference whose program lists this session (a combined session has several).",
  })
  programs(@Root() session: Pick<Session, "id">, @Ctx() ctx: AppContext): Promise<Conference[]> {
    return ctx.loaders.programsBySessionId.load(session.id);
  }

  @FieldResolver(_returns => [Community], {
    description: "The communities the session is aimed at.",
  })
  audiences(
    @Root() session: Pick<Session, "id">,
    @Ctx() ctx: AppContext,
  ): MaybePromise<Community[]> {
    return andThenBoth(
      ctx.loaders.audienceIdsBySessionId.now(session.id),
      ctx.loaders.communityTreeNow(),
      communitiesOf,
    );
  }

  @FieldResolver(_returns => Boolean, {
    description: "True when the audiences span more than one root community (e.g. Python and PHP).",
  })
  isCrossCommunity(
    @Root() session: Pick<Session, "id">,
    @Ctx() ctx: AppContext,
  ): MaybePromise<boolean> {
    return andThenBoth(
      ctx.loaders.audienceIdsBySessionId.now(session.id),
      ctx.loaders.communityTreeNow(),
      spansCommunities,
    );
  }

  @FieldResolver(_returns => [Person], { description: "The speakers, in billing order." })
  speakers(@Root() session: Pick<Session, "id">, @Ctx() ctx: AppContext): MaybePromise<Person[]> {
    return ctx.loaders.speakersBySessionId.now(session.id);
  }

  @FieldResolver(_returns => Room, {
    nullable: true,
    description:
      "The room record at the venue (capacity, guid); `room` is its name. Null off site or when unset.",
  })
  roomRecord(
    @Root() session: Pick<Session, "roomId">,
    @Ctx() ctx: AppContext,
  ): Promise<Room | null> | null {
    return session.roomId ? ctx.loaders.roomById.load(session.roomId) : null;
  }

  @FieldResolver(_returns => Track, { nullable: true, description: "The session's track, if any." })
  track(
    @Root() session: Pick<Session, "trackId">,
    @Ctx() ctx: AppContext,
  ): Promise<Track | null> | null {
    return session.trackId ? ctx.loaders.trackById.load(session.trackId) : null;
  }

  @FieldResolver(_returns => [SessionLink], {
    description: "Published material: slides, video, code, in order.",
  })
  links(@Root() session: Pick<Session, "id">, @Ctx() ctx: AppContext): Promise<SessionLink[]> {
    return ctx.loaders.linksBySessionId.load(session.id);
  }

  @FieldResolver(_returns => [Topic], { description: "The session's topics, by name." })
  topics(@Root() session: Pick<Session, "id">, @Ctx() ctx: AppContext): Promise<Topic[]> {
    return ctx.loaders.topicsBySessionId.load(session.id);
  }

  @FieldResolver(_returns => ArticleConnection, {
    description: "Published articles covering this session.",
  })
  articles(
    @Root() session: Pick<Session, "id">,
    @Args() args: ArticleConnectionArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.loaders.articlePage("session", args, session.id, info);
  }
}
