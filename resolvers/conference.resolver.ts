import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { Community, Conference, ConferenceSeries, Room, Track } from "../entities";
import type { AppContext } from "../src/graphql/context";
import { DerivedFrom } from "../src/graphql/cache-hint";
import { parsePageArgs } from "../src/db/pagination";
import { programDays } from "../src/services/program-days";
import { chooseZone } from "../src/core/time";
import {
  ConferenceConnection,
  ConferenceDay,
  ConferenceStats,
  TrackSessionCount,
  Venue,
} from "./types/conference";
import { PersonConnection } from "./types/person";
import { SessionConnection } from "./types/session";
import { ArticleConnection, ArticleConnectionArgs } from "./types/article";
import { ConnectionArgs } from "./types/connection";
import { SessionConnectionArgs } from "./types/session";
import { ConferenceFilterInput } from "./types/conference";
import { NodeFields } from "./node-fields";
import { withFields } from "../src/core/objects";

@Resolver(_of => Conference)
export class ConferenceResolver extends NodeFields(Conference, "Conference") {
  @Query(_returns => ConferenceConnection, { description: "Conferences, earliest first." })
  async conferences(
    @Args() args: ConnectionArgs,
    @Arg("filter", _type => ConferenceFilterInput, {
      nullable: true,
      description: "Narrows the list.",
    })
    filter: ConferenceFilterInput | null,
    @Ctx() ctx: AppContext,
  ) {
    const tree = await ctx.loaders.communityTree();
    const page = await ctx.services.listings.conferences(
      ctx,
      tree,
      filter ?? {},
      parsePageArgs(args),
    );
    for (const c of page.nodes) ctx.loaders.conferenceById.prime(c.id, c);
    return page;
  }

  @Query(_returns => Conference, {
    nullable: true,
    description: "One conference by slug, or null.",
  })
  async conference(
    @Arg("slug", { description: "The conference's slug, e.g. `pyworks-2008`." }) slug: string,
    @Ctx() ctx: AppContext,
  ): Promise<Conference | null> {
    const conference = await ctx.services.conferences.bySlug(
      slug,
      ctx.columnNeeds?.of?.("Conference"),
    );
    if (conference) ctx.loaders.conferenceById.prime(conference.id, conference);
    return conference;
  }

  @FieldResolver(_returns => Venue, { description: "Where the conference takes place." })
  venue(@Root() c: Pick<Conference, "venueName" | "venueCity" | "venueCountry">): Venue {
    return { name: c.venueName, city: c.venueCity, country: c.venueCountry };
  }

  @FieldResolver(_returns => ConferenceSeries, {
    nullable: true,
    description: "The series this conference is an edition of, if any.",
  })
  async series(
    @Root() c: Pick<Conference, "seriesId">,
    @Ctx() ctx: AppContext,
  ): Promise<ConferenceSeries | null> {
    return c.seriesId ? ctx.loaders.seriesById.load(c.seriesId) : null;
  }

  /** This edition's neighbour in its series, `step` places away, or null. */
  private async edition(c: Pick<Conference, "id" | "seriesId">, step: number, ctx: AppContext) {
    if (!c.seriesId) return null;
    const editions = await ctx.loaders.editionsBySeriesId.load(c.seriesId);
    const at = editions.findIndex(e => e.id === c.id);
    return at < 0 ? null : (editions[at + step] ?? null);
  }

  @FieldResolver(_returns => Conference, {
    nullable: true,
    description: "The series' edition before this one (by first day), or null.",
  })
  @DerivedFrom("Conference")
  previousEdition(@Root() c: Pick<Conference, "id" | "seriesId">, @Ctx() ctx: AppContext) {
    return this.edition(c, -1, ctx);
  }

  @FieldResolver(_returns => Conference, {
    nullable: true,
    description: "The series' edition after this one (by first day), or null.",
  })
  @DerivedFrom("Conference")
  nextEdition(@Root() c: Pick<Conference, "id" | "seriesId">, @Ctx() ctx: AppContext) {
    return this.edition(c, 1, ctx);
  }

  @FieldResolver(_returns => [Track], { description: "The program's tracks, by name." })
  tracks(@Root() c: Pick<Conference, "id">, @Ctx() ctx: AppContext): Promise<Track[]> {
    return ctx.loaders.tracksByConferenceId.load(c.id);
  }

  @FieldResolver(_returns => [Room], {
    description:
      "The rooms of the conference's venue, in the venue's order (shared with conferences at the same venue).",
  })
  rooms(@Root() c: Conference, @Ctx() ctx: AppContext): Promise<Room[]> {
    ctx.loaders.conferenceById.prime(c.id, c);
    return ctx.loaders.roomsByConferenceId.load(c.id);
  }

  @FieldResolver(_returns => Community, { description: "The community the conference serves." })
  async community(
    @Root() c: Pick<Conference, "communityId">,
    @Ctx() ctx: AppContext,
  ): Promise<Community> {
    return (await ctx.loaders.communityTree()).get(c.communityId) as Community;
  }

  @FieldResolver(_returns => [Conference], {
    description: "Conferences run as one event with this one (symmetric: each lists the other).",
  })
  colocatedWith(@Root() c: Pick<Conference, "id">, @Ctx() ctx: AppContext): Promise<Conference[]> {
    return ctx.loaders.colocatedWith(c.id);
  }

  @FieldResolver(_returns => SessionConnection, {
    description:
      "This conference's program: every session whose programs include it, combined sessions among them. `filter.day` is a day in this conference's zone.",
  })
  sessions(
    @Root() conference: Conference,
    @Args() args: SessionConnectionArgs,
    @Arg("includeColocated", {
      defaultValue: false,
      description: "Widen to the programs of co-located conferences (the whole event).",
    })
    includeColocated: boolean,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    ctx.loaders.conferenceById.prime(conference.id, conference);
    return ctx.loaders.sessionPage(
      { kind: "conference", includeColocated },
      args,
      conference.id,
      info,
    );
  }

  @FieldResolver(_returns => [ConferenceDay], {
    description:
      "Each day of the conference in its time zone, plus every other day a program session touches (a sprint running into the weekend), with the sessions that overlap that day.",
  })
  async days(
    @Root() conference: Conference,
    @Arg("timezone", _type => String, {
      nullable: true,
      description: "IANA zone whose calendar days to use. Defaults to the conference's zone.",
    })
    timezone: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<ConferenceDay[]> {
    const program = await ctx.loaders.programOf.load(conference.id);
    return programDays(conference, program, chooseZone(timezone, conference.timezone), {
      spanning: true,
    });
  }

  @FieldResolver(_returns => PersonConnection, {
    description: "People speaking in this conference's program, by name.",
  })
  speakers(
    @Root() conference: Pick<Conference, "id">,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.loaders.speakersOf(args).load(conference.id);
  }

  @FieldResolver(_returns => ArticleConnection, {
    description: "Published articles covering this conference.",
  })
  articles(
    @Root() conference: Pick<Conference, "id">,
    @Args() args: ArticleConnectionArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.loaders.articlePage("conference", args, conference.id, info);
  }

  @FieldResolver(_returns => ConferenceStats, {
    description: "Counts for this conference's program.",
  })
  async stats(
    @Root() conference: Pick<Conference, "id" | "attendance">,
    @Ctx() ctx: AppContext,
  ): Promise<ConferenceStats> {
    const counts = await ctx.loaders.conferenceStats.load(conference.id);
    return withFields(counts, { attendance: conference.attendance, conferenceId: conference.id });
  }
}

@Resolver(_of => ConferenceStats)
export class ConferenceStatsResolver {
  @FieldResolver(_returns => [TrackSessionCount], {
    description:
      "Program sessions per track: the conference's tracks by name (0 when empty), then the sessions without a track.",
  })
  async sessionsPerTrack(
    @Root() stats: Pick<ConferenceStats, "conferenceId">,
    @Ctx() ctx: AppContext,
  ): Promise<TrackSessionCount[]> {
    if (!stats.conferenceId) return [];
    const counts = await ctx.loaders.sessionsPerTrackByConferenceId.load(stats.conferenceId);
    const tracks = await ctx.loaders.trackById.loadMany(
      counts.flatMap(c => (c.trackId === null ? [] : [c.trackId])),
    );
    const byId = new Map(
      tracks.filter((t): t is Track => t !== null && !(t instanceof Error)).map(t => [t.id, t]),
    );
    return counts.map(c => ({
      track: c.trackId === null ? null : (byId.get(c.trackId) ?? null),
      sessionCount: c.count,
    }));
  }
}
