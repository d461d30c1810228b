import type { EntityManager } from "typeorm";
import {
  Conference,
  ScheduleChange,
  ScheduleChangeKind,
  SessionAudience,
  SessionProgram,
  SessionSpeaker,
  SessionTopic,
  type ScheduleFieldChange,
  type Session,
} from "../../../entities";
import { domainEvent } from "../../core/events";
import { toGlobalId, type NodeTypeName } from "../../core/global-id";
import type { Writer } from "./writer";
import { isSqlite } from "../../db/engine";
import { withFields } from "../../core/objects";

/** Longest text a change keeps of a field's old or new value. */
export const CHANGE_TEXT_LIMIT = 500;

/** A record's program-visible fields as text, by API field name (see ScheduleFieldChange). */
export type FieldValues = Record<string, string | null>;

/** One change to record: the subject, what happened, and the programs it shows in. */
export interface ChangeInput {
  /** Every conference whose program shows the change (a combined session's programs, old and new). */
  conferenceIds: number[];
  subjectType: NodeTypeName;
  subjectId: number;
  kind: ScheduleChangeKind;
  fields: ScheduleFieldChange[];
}

/** A value as a change stores it: instants in UTC ISO, texts cut at CHANGE_TEXT_LIMIT. */
export function changeValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  return text.length > CHANGE_TEXT_LIMIT ? `${text.slice(0, CHANGE_TEXT_LIMIT - 1)}…` : text;
}

/** A list of record ids as a change stores it: a JSON array of global ids. */
export function idList(type: NodeTypeName, ids: number[], keepOrder = false): string {
  const ordered = keepOrder ? ids : [...ids].sort((a, b) => a - b);
  return JSON.stringify(ordered.map(id => toGlobalId(type, id)));
}

/** The fields whose values differ between `before` and `after` (a key missing from either is null). */
export function diffFields(before: FieldValues, after: FieldValues): ScheduleFieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter(k => (before[k] ?? null) !== (after[k] ?? null))
    .map(field => ({ field, oldValue: before[field] ?? null, newValue: after[field] ?? null }));
}

/** A session's program-visible fields, its links included, as a change records them. */
export async function sessionValues(
  manager: EntityManager,
  session: Session,
  hostConferenceId = session.hostConferenceId,
): Promise<FieldValues> {
  const links = await sessionLinks(manager, session.id);
  return withFields(sessionOwnValues(session, hostConferenceId), {
    programs: idList("Conference", links.programs),
    audiences: idList("Community", links.audiences),
    speakers: idList("Person", links.speakers, true),
    topics: idList("Topic", links.topics),
  });
}

/** A session's own columns as a change records them. */
export function sessionOwnValues(
  s: Pick<
    Session,
    | "slug"
    | "title"
    | "abstract"
    | "kind"
    | "level"
    | "startsAt"
    | "endsAt"
    | "room"
    | "location"
    | "status"
  >,
  hostConferenceId: number,
): FieldValues {
  return {
    slug: changeValue(s.slug),
    title: changeValue(s.title),
    abstract: changeValue(s.abstract || null),
    kind: changeValue(s.kind),
    level: changeValue(s.level),
    status: changeValue(s.status),
    startsAt: changeValue(s.startsAt),
    endsAt: changeValue(s.endsAt),
    room: changeValue(s.room),
    location: changeValue(s.location),
    hostConference: toGlobalId("Conference", hostConferenceId),
  };
}

/** A session's link ids (speakers in billing order). */
export async function sessionLinks(manager: EntityManager, sessionId: number) {
  const [programs, audiences, speakers, topics] = await Promise.all([
    manager.getRepository(SessionProgram).find({ where: { sessionId } }),
    manager.getRepository(SessionAudience).find({ where: { sessionId } }),
    manager
      .getRepository(SessionSpeaker)
      .find({ where: { sessionId }, order: { position: "ASC" } }),
    manager.getRepository(SessionTopic).find({ where: { sessionId } }),
  ]);
  return {
    programs: programs.map(p => p.conferenceId),
    audiences: audiences.map(a => a.communityId),
    speakers: speakers.map(s => s.personId),
    topics: topics.map(t => t.topicId),
  };
}

/**
 * Records schedule changes: raises each affected conference's schedule version by one, writes one
 * `schedule_change` row per conference, and emits `schedule.changed` (and `session.cancelled` for a
 * cancel) through the writer's outbox, all in the caller's transaction.
 *
 * Call `lock` with the conferences a write may touch before the write's own inserts and updates: on
 * MySQL it takes the conference rows' write locks first, so two writers to one program queue there
 * instead of deadlocking when each holds a foreign-key read lock on the conference and wants to
 * raise its version.
 */
export class ScheduleLog {
  constructor(private readonly writer: Writer) {}

  async lock(manager: EntityManager, conferenceIds: number[]): Promise<void> {
    const ids = [...new Set(conferenceIds)].sort((a, b) => a - b);
    if (!ids.length || isSqlite(manager)) return;
    await manager
      .getRepository(Conference)
      .createQueryBuilder("c")
      .select("c.id")
      .where("c.id IN (:...ids)", { ids })
      .orderBy("c.id")
      .setLock("pessimistic_write")
      .getMany();
  }

  /** Records one change; returns nothing when it changes no field (an update that kept everything). */
  async record(manager: EntityManager, change: ChangeInput, now = new Date()): Promise<void> {
    const ids = [...new Set(change.conferenceIds)].sort((a, b) => a - b);
    if (!ids.length) return;
    if (change.kind === ScheduleChangeKind.UPDATED && !change.fields.length) return;
    await this.lock(manager, ids);
    // A raw UPDATE: the conference's own optimistic-lock version and updatedAt stay as they are.
    const q = (name: string) => manager.connection.driver.escape(name);
    await manager.query(
      `UPDATE ${q("conference")} SET ${q("schedule_version")} = ${q("schedule_version")} + 1 WHERE ${q("id")} IN (${ids.map(() => "?").join(", ")})`,
      ids,
    );
    const versions = await manager.getRepository(Conference).find({
      where: ids.map(id => ({ id })),
      select: { id: true, slug: true, scheduleVersion: true },
    });
    const changedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
    const subject = toGlobalId(change.subjectType, change.subjectId);
    const rows = versions
      .sort((a, b) => a.id - b.id)
      .map(c => ({
        conferenceId: c.id,
        scheduleVersion: c.scheduleVersion,
        subjectId: subject,
        kind: change.kind,
        fields: change.fields,
        changedAt,
      }));
    await manager.insert(ScheduleChange, rows);
    const data = {
      subject,
      subjectType: change.subjectType,
      kind: change.kind,
      changedAt: changedAt.toISOString(),
      fields: change.fields,
      conferences: versions.map(c => ({
        id: toGlobalId("Conference", c.id),
        slug: c.slug,
        scheduleVersion: c.scheduleVersion,
      })),
    };
    await this.writer.emit(
      manager,
      domainEvent("schedule.changed", { conferenceIds: ids, data, occurredAt: changedAt }),
    );
    if (change.kind === ScheduleChangeKind.CANCELLED) {
      await this.writer.emit(
        manager,
        domainEvent("session.cancelled", {
          conferenceIds: ids,
          occurredAt: changedAt,
          data: { session: subject, conferences: data.conferences, changedAt: data.changedAt },
        }),
      );
    }
  }
}
