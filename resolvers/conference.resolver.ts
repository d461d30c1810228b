import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Community, Conference } from "../entities";
import type { AppContext } from "../src/graphql/context";
import { parsePageArgs, type Page } from "../src/db/pagination";
import type { Person, Session } from "../entities";
import { programDays } from "../src/services/program-days";
import { chooseZone } from "../src/core/time";
import {
  ConferenceConnection,
  ConferenceDay,
  ConferenceStats,
  PersonConnection,
  SessionConnection,
  Venue,
} from "./types/conference.types";
import type { ConferenceCounts } from "../src/services/stats.service";
import { ArticleConnection, ArticleConnectionArgs } from "./types/article.types";
import { ConnectionArgs } from "./types/connection";
import { SessionConnectionArgs } from "./types/session.input";
import { ConferenceFilterInput } from "./types/conference.input";
import { NodeFields } from "./node-fields";
import { articlesOf, sessionsOf } from "./lists";

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
    const page = await ctx.services.conferences.page(
      ctx,
      ctx.services.conferences.resolveFilter(filter ?? {}, tree),
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
    const conference = await ctx.services.conferences.bySlug(slug);
    if (conference) ctx.loaders.conferenceById.prime(conference.id, conference);
    return conference;
  }

  @FieldResolver(_returns => Venue, { description: "Where the conference takes place." })
  venue(@Root() c: Pick<Conference, "venueName" | "venueCity" | "venueCountry">): Venue {
    return { name: c.venueName, city: c.venueCity, country: c.venueCountry };
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
  async colocatedWith(
    @Root() c: Pick<Conference, "id">,
    @Ctx() ctx: AppContext,
  ): Promise<Conference[]> {
    const ids = await ctx.loaders.colocatedIds.load(c.id);
    return (await ctx.loaders.conferenceById.loadMany(ids)).filter(
      (x): x is Conference => x instanceof Conference,
    );
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
  ) {
    ctx.loaders.conferenceById.prime(conference.id, conference);
    return sessionsOf(
      ctx,
      "Conference.sessions",
      args,
      conference.id,
      async (ids, base) => {
        const conferences = (await ctx.loaders.conferenceById.loadMany(ids)) as Conference[];
        const colocated = includeColocated
          ? ((await ctx.loaders.colocatedIds.loadMany(ids)) as number[][])
          : [];
        return ids.map((id, i) => {
          const scope = [id, ...(colocated[i] ?? [])];
          const programIds = base.programIds
            ? base.programIds.filter(p => scope.includes(p))
            : scope;
          return { filter: { ...base, programIds }, zone: conferences[i].timezone };
        });
      },
      includeColocated,
    );
  }

  @FieldResolver(_returns => [ConferenceDay], {
    description:
      "Each day of the conference in its time zone, with the program's sessions that day.",
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
    const zone = chooseZone(timezone, conference.timezone);
    const program = await ctx.loaders
      .keyed<Session[]>("Conference.days", {}, async ids =>
        ctx.services.sessions.fullPrograms(
          ctx,
          await ctx.loaders.communityTree(),
          ids,
          PROGRAM_DAY_LIMIT,
        ),
      )
      .load(conference.id);
    return programDays(conference, program, zone);
  }

  @FieldResolver(_returns => PersonConnection, {
    description: "People speaking in this conference's program, by name.",
  })
  speakers(
    @Root() conference: Pick<Conference, "id">,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: AppContext,
  ) {
    const page = parsePageArgs(args);
    return ctx.loaders
      .keyed<Page<Person>>("Conference.speakers", args, ids =>
        ctx.services.people.pages(
          ctx,
          ids.map(id => ({ key: id, filter: { speakingAtConferenceIds: [id] } })),
          page,
        ),
      )
      .load(conference.id);
  }

  @FieldResolver(_returns => ArticleConnection, {
    description: "Published articles covering this conference.",
  })
  articles(
    @Root() conference: Pick<Conference, "id">,
    @Args() args: ArticleConnectionArgs,
    @Ctx() ctx: AppContext,
  ) {
    return articlesOf(ctx, "Conference.articles", args, conference.id, id => ({
      conferenceIds: [id],
    }));
  }

  @FieldResolver(_returns => ConferenceStats, {
    description: "Counts for this conference's program.",
  })
  async stats(
    @Root() conference: Pick<Conference, "id" | "attendance">,
    @Ctx() ctx: AppContext,
  ): Promise<ConferenceStats> {
    const counts = await ctx.loaders
      .keyed<ConferenceCounts>("Conference.stats", {}, async ids =>
        ctx.services.stats.forConferences(ctx, await ctx.loaders.communityTree(), ids),
      )
      .load(conference.id);
    return { ...counts, attendance: conference.attendance };
  }
}

/** Most sessions `days` lays out per conference (as for feeds); larger programs must be paged. */
const PROGRAM_DAY_LIMIT = 2000;
