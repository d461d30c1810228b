import type { EntityManager } from "typeorm";
import {
  ArticleSession,
  Community,
  Conference,
  Person,
  Role,
  Room,
  ScheduleChangeKind,
  Session,
  SessionAudience,
  SessionLink,
  SessionLinkKind,
  SessionKind,
  SessionLevel,
  SessionProgram,
  SessionSpeaker,
  SessionStatus,
  SessionTopic,
  SIDE_EVENT_KINDS,
  Topic,
  Track,
  Translation,
} from "../../../entities";
import { findOrCreateRoom, findOrCreateVenue } from "../../db/rooms";
import type { RequestContext } from "../../core/context";
import { ConflictError } from "../../core/errors";
import { fromGlobalIdOf } from "../../core/global-id";
import { dayBounds } from "../../core/time";
import { assertConferencesInScope, assertRole } from "./access";
import { given, Problems } from "./input";
import { mustFind, resolveRef, resolveRefs } from "./refs";
import { diffFields, type ScheduleLog, sessionLinks, sessionValues } from "./schedule-log";
import { chooseSlug } from "./slugs";
import { type Writer } from "./writer";
import { withFields } from "../../core/objects";

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
  /** The room record (global id); wins over `room` when both are given. null clears both. */
  roomRecord?: string | null;
  /** The track (global id) of one of the session's programs; null for none. */
  track?: string | null;
  /** Slides, video, code … in order; a list given replaces the whole list. */
  links?: SessionLinkFields[];
  doNotRecord?: boolean;
}

/** One link of a session, as an editor writes it. */
export interface SessionLinkFields {
  kind: SessionLinkKind;
  url: string;
  title?: string | null;
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
        const problems = new Problems(input);
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
        // Every check runs before the first write, so all problems come back in one error.
        const links = await this.resolveLinks(manager, input, problems);
        assertConferencesInScope(
          ctx,
          [hostConferenceId, ...(links.programs ?? [])].filter(id => id > 0),
          "Creating this session",
        );
        await checkSession(
          manager,
          withFields(input, { hostConferenceId, programs: links.programs ?? [] }),
          problems,
        );
        const placement = await resolvePlacement(manager, input, hostConferenceId, problems);
        checkMaterials(input.links, problems);
        await checkTrack(manager, placement.trackId, links.programs ?? [], problems);
        problems.throwIfAny();
        await this.schedule.lock(manager, [hostConferenceId, ...(links.programs ?? [])]);
        const result = await manager.insert(
          Session,
          withFields(
            {
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
              doNotRecord: input.doNotRecord ?? false,
            },
            placement,
          ),
        );
        const id = Number(result.identifiers[0].id);
        this.writer.reindexSearch(manager, "Session", id, true);
        await this.writeLinks(manager, id, input.startsAt, links, { fresh: true });
        await writeMaterials(manager, id, input.links);
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
      const problems = new Problems(input);
      const values: Partial<Session> = given(input, [
        "title",
        "abstract",
        "kind",
        "level",
        "startsAt",
        "endsAt",
        "room",
        "location",
        "doNotRecord",
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
      Object.assign(
        values,
        await resolvePlacement(
          manager,
          input,
          values.hostConferenceId ?? current.hostConferenceId,
          problems,
        ),
      );
      checkMaterials(input.links, problems);
      const merged = withFields(current, values);
      assertConferencesInScope(
        ctx,
        [current.hostConferenceId, ...before.programs, merged.hostConferenceId, ...programs].filter(
          c => c > 0,
        ),
        "Updating this session",
      );
      await checkSession(manager, withFields(merged, { programs }), problems);
      if (input.track !== undefined || links.programs) {
        await checkTrack(manager, merged.trackId, programs, problems);
      }
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
      await writeMaterials(manager, id, input.links);
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
      assertConferencesInScope(
        ctx,
        [current.hostConferenceId, ...(await this.programIds(manager, id))],
        "Deleting this session",
      );
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
      for (const link of [
        SessionProgram,
        SessionAudience,
        SessionSpeaker,
        SessionTopic,
        SessionLink,
      ]) {
        await manager.delete(link, { sessionId: id });
      }
      await manager.delete(Translation, { subjectType: "Session", subjectId: id });
      await manager.delete(Session, { id });
      this.writer.reindexSearch(manager, "Session", id);
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

  /** The conferences whose program a session is in. */
  private async programIds(manager: EntityManager, sessionId: number): Promise<number[]> {
    const rows = await manager
      .getRepository(SessionProgram)
      .find({ where: { sessionId }, select: { conferenceId: true } });
    return rows.map(p => p.conferenceId);
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
      assertConferencesInScope(
        ctx,
        [current.hostConferenceId, ...programs],
        "Cancelling this session",
      );
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
   * A session inserted in this transaction (`fresh`) has no links to delete: skipping the DELETE
   * also skips its next-key lock at the end of each link table's key, which every concurrent create
   * would contend for (on a Galera cluster, replicated creates from other nodes abort it).
   */
  private async writeLinks(
    manager: EntityManager,
    sessionId: number,
    startsAt: Date,
    links: SessionLinks,
    { fresh = false }: { fresh?: boolean } = {},
  ): Promise<void> {
    if (links.programs) {
      if (!fresh) await manager.delete(SessionProgram, { sessionId });
      await manager.insert(
        SessionProgram,
        links.programs.map(conferenceId => ({ sessionId, conferenceId, startsAt })),
      );
    }
    if (links.audiences) {
      if (!fresh) await manager.delete(SessionAudience, { sessionId });
      await manager.insert(
        SessionAudience,
        links.audiences.map(communityId => ({ sessionId, communityId, startsAt })),
      );
    }
    if (links.speakers) {
      if (!fresh) await manager.delete(SessionSpeaker, { sessionId });
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
      if (!fresh) await manager.delete(SessionTopic, { sessionId });
      if (links.topics.length) {
        await manager.insert(
          SessionTopic,
          links.topics.map(topicId => ({ sessionId, topicId })),
        );
      }
    }
  }
}

/** True for an absolute http(s) URL. */
function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * Where the session sits: its room (by reference, or by name, made at the host's venue when new)
 * with the name copied into `room`, and its track. Only what the input gives is returned.
 */
async function resolvePlacement(
  manager: EntityManager,
  input: Partial<SessionFields>,
  hostConferenceId: number,
  problems: Problems,
): Promise<Partial<Pick<Session, "room" | "roomId" | "trackId">>> {
  const out: Partial<Pick<Session, "room" | "roomId" | "trackId">> = {};
  if (input.track !== undefined) {
    out.trackId =
      input.track === null
        ? null
        : await resolveRef(manager, Track, "Track", input.track, "track", problems);
  }
  const byName = input.room != null && input.room.trim() !== "" && input.roomRecord == null;
  const host =
    hostConferenceId && (input.roomRecord != null || byName)
      ? await manager.findOneBy(Conference, { id: hostConferenceId })
      : null;
  if (input.roomRecord !== undefined && input.roomRecord !== null) {
    const roomId = await resolveRef(
      manager,
      Room,
      "Room",
      input.roomRecord,
      "roomRecord",
      problems,
    );
    const room = roomId ? await manager.findOneBy(Room, { id: roomId }) : null;
    if (room && host) {
      const venue = await findOrCreateVenue(manager, host);
      if (room.venueId !== venue.id) {
        problems.add("roomRecord", `must be a room at ${host.venueName}, the host's venue`);
      }
    }
    if (room) Object.assign(out, { roomId: room.id, room: room.name });
  } else if (input.roomRecord === null || input.room === null) {
    Object.assign(out, { roomId: null, room: null });
  } else if (input.room !== undefined) {
    if (!input.room.trim()) Object.assign(out, { roomId: null, room: null });
    else if (host) {
      const room = await findOrCreateRoom(manager, host, input.room);
      Object.assign(out, { roomId: room.id, room: room.name });
    }
  }
  return out;
}

/** A track must belong to one of the session's programs. */
async function checkTrack(
  manager: EntityManager,
  trackId: number | null | undefined,
  programs: number[],
  problems: Problems,
): Promise<void> {
  if (!trackId) return;
  const track = await manager.findOneBy(Track, { id: trackId });
  if (track && programs.length && !programs.includes(track.conferenceId)) {
    problems.add("track", "must be a track of one of the session's programs");
  }
}

/** Each link's URL must be absolute http(s). */
function checkMaterials(links: SessionLinkFields[] | undefined, problems: Problems): void {
  links?.forEach((l, i) => {
    if (!isHttpUrl(l.url)) problems.add(`links[${i}].url`, "must be an absolute http(s) URL");
  });
}

/** Replaces the session's links when a list is given (checked by checkMaterials). */
async function writeMaterials(
  manager: EntityManager,
  sessionId: number,
  links: SessionLinkFields[] | undefined,
): Promise<void> {
  if (!links) return;
  await manager.delete(SessionLink, { sessionId });
  if (links.length) {
    await manager.insert(
      SessionLink,
      links.map((l, i) => ({
        sessionId,
        position: i + 1,
        kind: l.kind,
        url: l.url,
        title: l.title ?? null,
      })),
    );
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
