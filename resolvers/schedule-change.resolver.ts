import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Conference, ScheduleChange, Session } from "../entities";
import { decodeOrNull } from "../src/core/global-id";
import { DateTimeScalar } from "../src/core/scalars";
import type { AppContext } from "../src/graphql/context";
import {
  ChangesArgs,
  ConferenceChangesArgs,
  ScheduleChangeConnection,
} from "./types/schedule-change";

/** The schedule change log: per conference, and across a co-located event. Public. */
@Resolver(_of => ScheduleChange)
export class ScheduleChangeResolver {
  @Query(_returns => ScheduleChangeConnection, {
    description:
      "Changes to the programs of several conferences (a co-located event, say), in the order they were written. A change to a combined session appears once per conference. To poll, pass the last endCursor as `after`.",
  })
  changes(@Args() args: ChangesArgs, @Ctx() ctx: AppContext) {
    return ctx.services.changes
      .conferenceIds(args.conferences)
      .then(ids => ctx.services.changes.ofConferences(ids, args.since, args));
  }

  @FieldResolver(_returns => ID, {
    description:
      "Global id of what changed: a Session, or the Conference itself (days, zone, venue, co-location). Kept after a session is deleted.",
  })
  subject(@Root() change: Pick<ScheduleChange, "subjectId">): string {
    return change.subjectId;
  }

  @FieldResolver(_returns => Session, {
    nullable: true,
    description:
      "The session as it is now (null when the subject is not a session, or was deleted).",
  })
  async session(
    @Root() change: Pick<ScheduleChange, "subjectId">,
    @Ctx() ctx: AppContext,
  ): Promise<Session | null> {
    const subject = decodeOrNull(change.subjectId);
    if (subject?.type !== "Session") return null;
    return ctx.loaders.sessionById.load(subject.id);
  }

  @FieldResolver(_returns => Conference, { description: "The conference whose program changed." })
  async conference(
    @Root() change: Pick<ScheduleChange, "conferenceId">,
    @Ctx() ctx: AppContext,
  ): Promise<Conference> {
    return (await ctx.loaders.conferenceById.load(change.conferenceId)) as Conference;
  }

  @FieldResolver(_returns => DateTimeScalar, { description: "When the change was written." })
  changedAt(@Root() change: Pick<ScheduleChange, "changedAt">): Date {
    return change.changedAt;
  }
}

/** `Conference.changes`. */
@Resolver(_of => Conference)
export class ConferenceChangesResolver {
  @FieldResolver(_returns => ScheduleChangeConnection, {
    description:
      "Changes to this conference's program, oldest first. `since` is a schedule version you saw: only later changes are listed.",
  })
  changes(
    @Root() conference: Pick<Conference, "id">,
    @Args() args: ConferenceChangesArgs,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.changes.ofConference(conference.id, args.since, args);
  }
}
