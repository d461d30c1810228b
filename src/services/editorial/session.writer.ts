import type { EntityManager } from "typeorm";
import {
  ArticleSession,
  Community,
  Conference,
  Person,
  Role,
  ScheduleChangeKind,
  Session,
  SessionAudience,
  SessionKind,
  SessionLevel,
  SessionProgram,
  SessionSpeaker,
  SessionStatus,
  SessionTopic,
  SIDE_EVENT_KINDS,
  Topic,
} from "../../../entities";
import type { RequestContext } from "../../core/context";
import { ConflictError } from "../../core/errors";
import { fromGlobalIdOf } from "../../core/global-id";
import { dayBounds } from "../../core/time";
import { assertRole } from "./access";
import { given, Problems } from "./input";
import { mustFind, resolveRef, resolveRefs } from "./refs";
import { diffFields, type ScheduleLog, sessionLinks, sessionValues } from "./schedule-log";
import { chooseSlug } from "./slugs";
import { type Writer } from "./writer";

/** A session as an editor writes it. References are global ids; lists are set as a whole. */
export interface SessionFields {
  slug?: string | null;
  title: string;
  abstract?: string;
  kind: SessionKind;
  level?: SessionLevel;
  startsAt: Date;
  endsAt: Date;
  room?: string | null;
  location?: string | null;
  hostConference: string;
  programs: string[];
  audiences: string[];
  /** In billing order. */
  speakers?: string[];
  topics?: string[];
}

export type SessionChanges = Partial<SessionFields> & { id: string; version: number };

/** What a session's links resolve to. */
interface SessionLinks {
  programs?: number[];
  audiences?: number[];
  speakers?: number[];
  topics?: number[];
}

/**
 * Writes sessions with their programs, audiences, speakers and topics, always in one transaction.
 * EDITOR or ADMIN.
 */
export class SessionWriter {
  constructor(
    private readonly writer: Writer,
    private readonly schedule: ScheduleLog,
  ) {}

  async create(
    ctx: RequestContext,
    input: SessionFields,
    clientMutationId?: string | null,
  ): Promise<{ session: Session; replayed: boolean }> {
    assertRole(ctx, Role.EDITOR, "Creating a session");
    const { id, replayed } = await this.writer.createOnce(
      ctx,
      "createSession",
      clientMutationId,
      async manager => {
        // The row goes in first and the links after it; any failure below rolls all of it back.
        const problems = new Problems();
        const slug = await chooseSlug({
          manager,
          kind: "Session",
          given: input.slug,
          source: input.title,
          problems,
        });
        const hostConferenceId = await resolveRef(
          manager,
          Conference,
          "Conference",
          input.hostConference,
          "hostConference",
          problems,
        );
        const links = await this.resolveLinks(manager, input, problems);
        problems.throwIfAny();
        await this.schedule.lock(manager, [hostConferenceId, ...(links.programs ?? [])]);
        const result = await manager.insert(Session, {
          slug,
          title: input.title,
          abstract: input.abstract ?? "",
          kind: input.kind,
          level: input.level ?? SessionLevel.ALL,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          room: input.room ?? null,
          location: input.location ?? null,
          hostConferenceId,
        });
        const id = Number(result.identifiers[0].id);
        await checkSession(
          manager,
          { ...input, hostConferenceId, programs: links.programs ?? [] },
          problems,
        );
        problems.throwIfAny();
        await this.writeLinks(manager, id, input.startsAt, links);
        const created = await mustFind(manager, Session, "Session", id);
        await this.schedule.record(
          manager,
          {
            conferenceIds: links.programs ?? [],
            subjectType: "Session",
            subjectId: id,
            kind: ScheduleChangeKind.CREATED,
            fields: diffFields({}, await sessionValues(manager, created)),
          },
          ctx.now,
        );
        return id;
      },
    );
    const session = await mustFind(this.writer.dataSource.manager, Session, "Session", id);
    return { session, replayed };
  }

  async update(ctx: RequestContext, input: SessionChanges): Promise<Session> {
    assertRole(ctx, Role.EDITOR, "Updating a session");
    const id = fromGlobalIdOf("Session", input.id);
    await this.writer.transaction(async manager => {
      const current = await mustFind(manager, Session, "Session", id);
      const problems = new Problems();
      const values: Partial<Session> = given(input, [
        "title",
        "abstract",
        "kind",
        "level",
        "startsAt",
        "endsAt",
        "room",
        "location",
      ]);
      if (input.hostConference !== undefined) {
        values.hostConferenceId = await resolveRef(
          manager,
          Conference,
          "Conference",
          input.hostConference,
          "hostConference",
          problems,
        );
      }
      if (input.slug != null) {
        values.slug = await chooseSlug({
          manager,
          kind: "Session",
          given: input.slug,
          problems,
          selfId: id,
        });
      }
      const links = await this.resolveLinks(manager, input, problems);
      const before = await sessionLinks(manager, id);
      const programs = links.programs ?? before.programs;
      const merged = { ...current, ...values };
      await checkSession(manager, { ...merged, programs }, problems);
      problems.throwIfAny();
      const conferenceIds = [...new Set([...before.programs, ...programs])];
      await this.schedule.lock(manager, conferenceIds);
      const oldValues = await sessionValues(manager, current);
      // The version check comes first: a stale writer stops here, before touching any link row.
      await this.writer.updateVersioned(manager, Session, "Session", id, input.version, values);
      const startsAtChanged = merged.startsAt.getTime() !== current.startsAt.getTime();
      if (startsAtChanged && !links.programs) links.programs = programs;
      await this.writeLinks(manager, id, merged.startsAt, links);
      if (startsAtChanged) await this.copyStartToLinks(manager, id, merged.startsAt);
      const updated = await mustFind(manager, Session, "Session", id);
      await this.schedule.record(
        manager,
        {
          conferenceIds,
          subjectType: "Session",
          subjectId: id,
          kind: ScheduleChangeKind.UPDATED,
          fields: diffFields(oldValues, await sessionValues(manager, updated)),
        },
        ctx.now,
      );
    });
    return mustFind(this.writer.dataSource.manager, Session, "Session", id);
  }

  /**
   * Deletes a session with its program, audience, speaker and topic rows. Refused (CONFLICT) while an
   * article covers it: remove the session from those articles first.
   */
  async delete(ctx: RequestContext, globalId: string): Promise<number> {
    assertRole(ctx, Role.EDITOR, "Deleting a session");
    const id = fromGlobalIdOf("Session", globalId);
    await this.writer.transaction(async manager => {
      const current = await mustFind(manager, Session, "Session", id);
      const covering = await manager.getRepository(ArticleSession).countBy({ sessionId: id });
      if (covering) {
        throw new ConflictError(
          `${covering} article(s) cover this session; remove it from them before deleting it`,
          { articles: covering },
        );
      }
      const { programs } = await sessionLinks(manager, id);
      await this.schedule.lock(manager, programs);
      const oldValues = await sessionValues(manager, current);
      for (const link of [SessionProgram, SessionAudience, SessionSpeaker, SessionTopic]) {
        await manager.delete(link, { sessionId: id });
      }
      await manager.delete(Session, { id });
      await this.writer.forgetReceipts(manager, "createSession", [id]);
      await this.schedule.record(
        manager,
        {
          conferenceIds: programs,
          subjectType: "Session",
          subjectId: id,
          kind: ScheduleChangeKind.DELETED,
          fields: diffFields(oldValues, {}),
        },
        ctx.now,
      );
    });
    return id;
  }

  /**
   * Cancels a session: it stays in its programs, marked CANCELLED, and each program's schedule
   * version rises. With `version`, only that version is cancelled. Cancelling a cancelled session
   * changes nothing.
   */
  async cancel(
    ctx: RequestContext,
    globalId: string,
    version: number | null | undefined,
  ): Promise<Session> {
    assertRole(ctx, Role.EDITOR, "Cancelling a session");
    const id = fromGlobalIdOf("Session", globalId);
    await this.writer.transaction(async manager => {
      const current = await mustFind(manager, Session, "Session", id);
      const expected = version ?? current.version;
      if (current.status === SessionStatus.CANCELLED && expected === current.version) return;
      const { programs } = await sessionLinks(manager, id);
      await this.schedule.lock(manager, programs);
      await this.writer.updateVersioned(manager, Session, "Session", id, expected, {
        status: SessionStatus.CANCELLED,
      });
      await this.schedule.record(
        manager,
        {
          conferenceIds: programs,
          subjectType: "Session",
          subjectId: id,
          kind: ScheduleChangeKind.CANCELLED,
          fields: [
            { field: "status", oldValue: current.status, newValue: SessionStatus.CANCELLED },
          ],
        },
        ctx.now,
      );
    });
    return mustFind(this.writer.dataSource.manager, Session, "Session", id);
  }

  /** Resolves the link lists that were given (absent lists stay undefined: unchanged). */
  private async resolveLinks(
    manager: EntityManager,
    input: Partial<SessionFields>,
    problems: Problems,
  ): Promise<SessionLinks> {
    const links: SessionLinks = {};
    if (input.programs !== undefined) {
      if (!input.programs.length) problems.add("programs", "must list at least one conference");
      links.programs = await resolveRefs(
        manager,
        Conference,
        "Conference",
        input.programs,
        "programs",
        problems,
      );
    }
    if (input.audiences !== undefined) {
      if (!input.audiences.length) problems.add("audiences", "must list at least one community");
      links.audiences = await resolveRefs(
        manager,
        Community,
        "Community",
        input.audiences,
        "audiences",
        problems,
      );
    }
    if (input.speakers !== undefined) {
      links.speakers = await resolveRefs(
        manager,
        Person,
        "Person",
        input.speakers,
        "speakers",
        problems,
      );
    }
    if (input.topics !== undefined) {
      links.topics = await resolveRefs(manager, Topic, "Topic", input.topics, "topics", problems);
    }
    return links;
  }

  /** Sets the copy of the session's start on its audience and speaker rows (see links.ts). */
  private async copyStartToLinks(
    manager: EntityManager,
    sessionId: number,
    startsAt: Date,
  ): Promise<void> {
    await manager.update(SessionAudience, { sessionId }, { startsAt });
    await manager.update(SessionSpeaker, { sessionId }, { startsAt });
  }

  /**
   * Replaces each given link set. Program, audience and speaker rows carry a copy of the session's
   * start, so that lists of sessions by program, community or speaker read in index order.
   */
  private async writeLinks(
    manager: EntityManager,
    sessionId: number,
    startsAt: Date,
    links: SessionLinks,
  ): Promise<void> {
    if (links.programs) {
      await manager.delete(SessionProgram, { sessionId });
      await manager.insert(
        SessionProgram,
        links.programs.map(conferenceId => ({ sessionId, conferenceId, startsAt })),
      );
    }
    if (links.audiences) {
      await manager.delete(SessionAudience, { sessionId });
      await manager.insert(
        SessionAudience,
        links.audiences.map(communityId => ({ sessionId, communityId, startsAt })),
      );
    }
    if (links.speakers) {
      await manager.delete(SessionSpeaker, { sessionId });
      if (links.speakers.length) {
        await manager.insert(
          SessionSpeaker,
          links.speakers.map((personId, i) => ({
            sessionId,
            personId,
            position: i + 1,
            startsAt,
          })),
        );
      }
    }
    if (links.topics) {
      await manager.delete(SessionTopic, { sessionId });
      if (links.topics.length) {
        await manager.insert(
          SessionTopic,
          links.topics.map(topicId => ({ sessionId, topicId })),
        );
      }
    }
  }
}

/**
 * The rules across a session's fields: it ends after it starts; the host is one of its programs; and
 * unless it is a side event (sprint, meetup, social) it falls within the host conference's days in
 * the host's time zone.
 */
async function checkSession(
  manager: EntityManager,
  s: Pick<Session, "startsAt" | "endsAt" | "kind" | "hostConferenceId"> & { programs: number[] },
  problems: Problems,
): Promise<void> {
  if (!(s.startsAt.getTime() < s.endsAt.getTime())) {
    problems.add("endsAt", "must be after startsAt");
  }
  if (!s.hostConferenceId) return; // already reported
  if (s.programs.length && !s.programs.includes(s.hostConferenceId)) {
    problems.add("hostConference", "must be one of the session's programs");
  }
  if (SIDE_EVENT_KINDS.includes(s.kind)) return;
  const host = await manager.getRepository(Conference).findOneBy({ id: s.hostConferenceId });
  if (!host) return;
  const from = dayBounds(host.startsOn, host.timezone).from;
  const to = dayBounds(host.endsOn, host.timezone).to;
  if (s.startsAt < from || s.endsAt > to) {
    problems.add(
      "startsAt",
      `a ${s.kind} must take place within ${host.name}'s days (${host.startsOn} to ${host.endsOn}, ${host.timezone}); only SPRINT, MEETUP and SOCIAL sessions may fall outside them`,
    );
  }
}
