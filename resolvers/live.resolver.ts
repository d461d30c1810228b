import { Arg, Ctx, ID, Resolver, Root, Subscription } from "type-graphql";
import { Article, Comment, ScheduleChange, type ScheduleChangeKind } from "../entities";
import type { ScheduleFieldChange } from "../entities";
import { NotFoundError } from "../src/core/errors";
import type { DomainEvent } from "../src/core/events";
import { decodeOrNull, fromGlobalIdOf, toGlobalId } from "../src/core/global-id";
import type { AppContext } from "../src/graphql/context";
import { eventStream } from "../src/graphql/event-stream";
import { freshEventState } from "../src/graphql/refresh-loaders";
import { withFields } from "../src/core/objects";

/** What a `schedule.changed` event carries (see ScheduleLog.record). */
interface ScheduleChangedData {
  subject: string;
  kind: ScheduleChangeKind;
  changedAt: string;
  fields: ScheduleFieldChange[];
  conferences: { id: string; slug: string; scheduleVersion: number }[];
}

const streamError = (ctx: AppContext) => (err: unknown) =>
  ctx.log.error({ err }, "a subscription could not read an event's record; the event was skipped");

/**
 * Subscriptions over WebSocket (graphql-ws, on /graphql). Each yields what committed writes
 * announce, after they commit; an anonymous subscriber sees what an anonymous query would.
 */
@Resolver()
export class LiveSubscriptions {
  @Subscription(_returns => ScheduleChange, {
    description:
      "Each change to a conference's program as it commits, with the session as it now is. With `includeColocated`, the programs of the conferences co-located with it (at the time you subscribe) too; a change to a combined session then arrives once per program.",
    subscribe: async ({ args, context }) => {
      const ctx = context as AppContext;
      const slug = String(args.conference);
      const conference = await ctx.services.conferences.bySlug(slug);
      if (!conference) throw new NotFoundError("Conference", slug);
      const ids = new Set([conference.id]);
      if (args.includeColocated) {
        for (const id of (await ctx.services.conferences.colocatedIds([conference.id]))[0]) {
          ids.add(id);
        }
      }
      return eventStream(ctx.events, event => scheduleChanges(event, ids), streamError(ctx));
    },
  })
  scheduleChanged(
    @Root() change: ScheduleChange,
    @Arg("conference", { description: "The conference's slug, e.g. `phpworks-2008`." })
    _conference: string,
    @Arg("includeColocated", {
      defaultValue: false,
      description: "Also the programs of the conferences co-located with it.",
    })
    _includeColocated: boolean,
    @Ctx() ctx: AppContext,
  ): ScheduleChange {
    freshEventState(ctx);
    return change;
  }

  @Subscription(_returns => Comment, {
    description:
      "Each comment on an article as it is approved (or posted already approved). The article must be one you can see.",
    subscribe: async ({ args, context }) => {
      const ctx = context as AppContext;
      const articleId = fromGlobalIdOf("Article", String(args.article), "article");
      const [article] = await ctx.services.articles.byIds(ctx, [articleId]);
      if (!article) throw new NotFoundError("Article", String(args.article));
      const gid = toGlobalId("Article", articleId);
      return eventStream(
        ctx.events,
        async event => {
          if (event.type !== "comment.approved" || event.data.article !== gid) return [];
          const id = decodeOrNull(String(event.data.comment))?.id;
          if (id === undefined) return [];
          const [comment] = await ctx.services.comments.byIds(
            withFields(ctx, { now: new Date() }),
            [id],
          );
          return comment ? [comment] : [];
        },
        streamError(ctx),
      );
    },
  })
  commentApproved(
    @Root() comment: Comment,
    @Arg("article", _type => ID, { description: "The article's global id." }) _article: string,
    @Ctx() ctx: AppContext,
  ): Comment {
    freshEventState(ctx);
    return comment;
  }

  @Subscription(_returns => Article, {
    description:
      "Each article of a publication as it becomes public. An article scheduled for later is not announced when its time comes.",
    subscribe: async ({ args, context }) => {
      const ctx = context as AppContext;
      const slug = String(args.publication);
      const publication = (await ctx.services.publications.all()).find(p => p.slug === slug);
      if (!publication) throw new NotFoundError("Publication", slug);
      return eventStream(
        ctx.events,
        async event => {
          if (event.type !== "article.published" || event.publicationId !== publication.id) {
            return [];
          }
          const id = decodeOrNull(String(event.data.article))?.id;
          if (id === undefined) return [];
          const [article] = await ctx.services.articles.byIds(
            withFields(ctx, { now: new Date() }),
            [id],
          );
          return article ? [article] : [];
        },
        streamError(ctx),
      );
    },
  })
  articlePublished(
    @Root() article: Article,
    @Arg("publication", { description: "The publication's slug, e.g. `python-magazine`." })
    _publication: string,
    @Ctx() ctx: AppContext,
  ): Article {
    freshEventState(ctx);
    return article;
  }
}

/** The changes a `schedule.changed` event made to the subscribed programs, one per program. */
function scheduleChanges(event: DomainEvent, conferenceIds: Set<number>): ScheduleChange[] {
  if (event.type !== "schedule.changed") return [];
  const data = event.data as unknown as ScheduleChangedData;
  return data.conferences.flatMap(c => {
    const conferenceId = decodeOrNull(c.id)?.id;
    if (conferenceId === undefined || !conferenceIds.has(conferenceId)) return [];
    const change = new ScheduleChange();
    Object.assign(change, {
      conferenceId,
      scheduleVersion: c.scheduleVersion,
      subjectId: data.subject,
      kind: data.kind,
      fields: data.fields,
      changedAt: new Date(data.changedAt),
    });
    return [change];
  });
}
