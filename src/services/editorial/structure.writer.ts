import { In, type EntityManager } from "typeorm";
import {
  Community,
  Conference,
  ConferenceSeries,
  Role,
  Room,
  ScheduleChangeKind,
  Session,
  SessionProgram,
  Track,
} from "../../../entities";
import { TRACK_SLUG_MAX_LENGTH } from "../../../entities/track";
import type { RequestContext } from "../../core/context";
import { ConflictError } from "../../core/errors";
import { fromGlobalIdOf } from "../../core/global-id";
import { SLUG_PATTERN, slugify } from "../../core/slug";
import { findOrCreateRoom, findOrCreateVenue } from "../../db/rooms";
import { assertRole } from "./access";
import { given, Problems } from "./input";
import { mustFind, resolveRef } from "./refs";
import { changeValue, type ScheduleLog } from "./schedule-log";
import { chooseSlug } from "./slugs";
import type { Writer } from "./writer";
import { withFields } from "../../core/objects";

/** A track colour: `#rrggbb`. */
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

export interface SeriesFields {
  slug?: string | null;
  name: string;
  /** Community global id. */
  community: string;
}

export interface TrackFields {
  /** Conference global id. */
  conference: string;
  name: string;
  slug?: string | null;
  color?: string | null;
}

export type TrackChanges = { id: string; version: number } & Partial<
  Pick<TrackFields, "name" | "color">
>;

export interface RoomFields {
  /** Conference global id: the room is made at this conference's venue. */
  conference: string;
  name: string;
  capacity?: number | null;
  position?: number | null;
}

export type RoomChanges = { id: string; version: number } & Partial<
  Pick<RoomFields, "name" | "capacity" | "position">
>;

/** A slug unique among `taken`, from `given` (checked) or made from `source`. */
function scopedSlug(
  given: string | null | undefined,
  source: string,
  taken: Set<string>,
  maxLength: number,
  problems: Problems,
): string {
  if (given != null) {
    if (!SLUG_PATTERN.test(given) || given.length > maxLength) {
      problems.add(
        "slug",
        `must be 1 to ${maxLength} lowercase letters, digits and single hyphens`,
      );
    } else if (taken.has(given)) {
      throw new ConflictError(`The slug "${given}" is taken here`, { field: "slug" });
    }
    return given;
  }
  const base = slugify(source, maxLength - 4) || "item";
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/**
 * Writes the program's structure: series (and which series a conference belongs to), tracks and
 * rooms. EDITOR or ADMIN; every write is one transaction.
 */
export class StructureWriter {
  constructor(
    private readonly writer: Writer,
    private readonly schedule: ScheduleLog,
  ) {}

  async createSeries(ctx: RequestContext, input: SeriesFields): Promise<ConferenceSeries> {
    assertRole(ctx, Role.EDITOR, "Creating a conference series");
    const id = await this.writer.transaction(async manager => {
      const problems = new Problems();
      if (!input.name.trim()) problems.add("name", "must not be empty");
      const communityId = await resolveRef(
        manager,
        Community,
        "Community",
        input.community,
        "community",
        problems,
      );
      const slug = await chooseSlug({
        manager,
        kind: "ConferenceSeries",
        given: input.slug,
        source: input.name,
        problems,
      });
      problems.throwIfAny();
      const result = await manager.insert(ConferenceSeries, {
        slug,
        name: input.name,
        communityId,
      });
      return Number(result.identifiers[0].id);
    });
    return mustFind(this.writer.dataSource.manager, ConferenceSeries, "ConferenceSeries", id);
  }

  /** Puts a conference in a series (or, with null, takes it out), if still at `version`. */
  async setConferenceSeries(
    ctx: RequestContext,
    conference: string,
    series: string | null,
    version: number,
  ): Promise<Conference> {
    assertRole(ctx, Role.EDITOR, "Setting a conference's series");
    const id = fromGlobalIdOf("Conference", conference, "conference");
    await this.writer.transaction(async manager => {
      await mustFind(manager, Conference, "Conference", id);
      const problems = new Problems();
      const seriesId =
        series === null
          ? null
          : await resolveRef(
              manager,
              ConferenceSeries,
              "ConferenceSeries",
              series,
              "series",
              problems,
            );
      problems.throwIfAny();
      await this.writer.updateVersioned(manager, Conference, "Conference", id, version, {
        seriesId,
      });
    });
    return mustFind(this.writer.dataSource.manager, Conference, "Conference", id);
  }

  async createTrack(ctx: RequestContext, input: TrackFields): Promise<Track> {
    assertRole(ctx, Role.EDITOR, "Creating a track");
    const id = await this.writer.transaction(async manager => {
      const problems = new Problems();
      if (!input.name.trim()) problems.add("name", "must not be empty");
      if (input.color != null && !COLOR_PATTERN.test(input.color)) {
        problems.add("color", "must be #rrggbb");
      }
      const conferenceId = await resolveRef(
        manager,
        Conference,
        "Conference",
        input.conference,
        "conference",
        problems,
      );
      const taken = new Set(
        (await manager.find(Track, { where: { conferenceId }, select: { slug: true } })).map(
          t => t.slug,
        ),
      );
      const slug = scopedSlug(input.slug, input.name, taken, TRACK_SLUG_MAX_LENGTH, problems);
      problems.throwIfAny();
      const result = await manager.insert(Track, {
        conferenceId,
        name: input.name,
        slug,
        color: input.color?.toLowerCase() ?? null,
      });
      return Number(result.identifiers[0].id);
    });
    return mustFind(this.writer.dataSource.manager, Track, "Track", id);
  }

  async updateTrack(ctx: RequestContext, input: TrackChanges): Promise<Track> {
    assertRole(ctx, Role.EDITOR, "Updating a track");
    const id = fromGlobalIdOf("Track", input.id);
    await this.writer.transaction(async manager => {
      await mustFind(manager, Track, "Track", id);
      const problems = new Problems();
      if (input.name !== undefined && !input.name.trim()) problems.add("name", "must not be empty");
      if (input.color != null && !COLOR_PATTERN.test(input.color)) {
        problems.add("color", "must be #rrggbb");
      }
      problems.throwIfAny();
      const values: Partial<Track> = given(input, ["name", "color"]);
      if (values.color) values.color = values.color.toLowerCase();
      await this.writer.updateVersioned(manager, Track, "Track", id, input.version, values);
    });
    return mustFind(this.writer.dataSource.manager, Track, "Track", id);
  }

  /** A room at the conference's venue (shared with conferences at the same venue). */
  async createRoom(ctx: RequestContext, input: RoomFields): Promise<Room> {
    assertRole(ctx, Role.EDITOR, "Creating a room");
    const id = await this.writer.transaction(async manager => {
      const problems = new Problems();
      if (!input.name.trim()) problems.add("name", "must not be empty");
      const conferenceId = await resolveRef(
        manager,
        Conference,
        "Conference",
        input.conference,
        "conference",
        problems,
      );
      problems.throwIfAny();
      const conference = await mustFind(manager, Conference, "Conference", conferenceId);
      const venue = await findOrCreateVenue(manager, conference);
      if (await manager.existsBy(Room, { venueId: venue.id, name: input.name })) {
        throw new ConflictError(`${conference.venueName} already has a room "${input.name}"`, {
          field: "name",
        });
      }
      const room = await findOrCreateRoom(manager, conference, input.name);
      const values: Partial<Room> = { capacity: input.capacity ?? null };
      if (input.position != null) values.position = input.position;
      await manager.update(Room, { id: room.id }, values);
      return room.id;
    });
    return mustFind(this.writer.dataSource.manager, Room, "Room", id);
  }

  /**
   * Changes a room; a new name is copied onto its sessions' `room`, each copy recorded as a schedule
   * change of that session in its programs (their programs show the room's name).
   */
  async updateRoom(ctx: RequestContext, input: RoomChanges): Promise<Room> {
    assertRole(ctx, Role.EDITOR, "Updating a room");
    const id = fromGlobalIdOf("Room", input.id);
    await this.writer.transaction(async manager => {
      const room = await mustFind(manager, Room, "Room", id);
      if (input.name !== undefined) {
        if (!input.name.trim()) {
          const problems = new Problems();
          problems.add("name", "must not be empty");
          problems.throwIfAny();
        }
        const clash = await manager.findOneBy(Room, { venueId: room.venueId, name: input.name });
        if (clash && clash.id !== id) {
          throw new ConflictError(`This venue already has a room "${input.name}"`, {
            field: "name",
          });
        }
      }
      const { position, ...rest } = given(input, ["name", "capacity", "position"]);
      const values: Partial<Room> = withFields(rest, position != null ? { position } : {});
      const renamed =
        input.name !== undefined ? await sessionsToRename(manager, id, input.name) : [];
      await this.schedule.lock(
        manager,
        renamed.flatMap(s => s.programs),
      );
      await this.writer.updateVersioned(manager, Room, "Room", id, input.version, values);
      if (input.name !== undefined) await renameSessions(manager, id, input.name);
      for (const session of renamed) {
        await this.schedule.record(
          manager,
          {
            conferenceIds: session.programs,
            subjectType: "Session",
            subjectId: session.id,
            kind: ScheduleChangeKind.UPDATED,
            fields: [
              {
                field: "room",
                oldValue: changeValue(session.room),
                newValue: changeValue(input.name),
              },
            ],
          },
          ctx.now,
        );
      }
    });
    return mustFind(this.writer.dataSource.manager, Room, "Room", id);
  }
}

/** The room's sessions whose `room` a rename to `name` changes, with their programs. */
async function sessionsToRename(manager: EntityManager, roomId: number, name: string) {
  const sessions = (
    await manager.find(Session, {
      where: { roomId },
      select: { id: true, room: true },
      order: { id: "ASC" },
    })
  ).filter(s => s.room !== name);
  const programs = sessions.length
    ? await manager.find(SessionProgram, { where: { sessionId: In(sessions.map(s => s.id)) } })
    : [];
  return sessions.map(s => ({
    id: s.id,
    room: s.room,
    programs: programs.filter(p => p.sessionId === s.id).map(p => p.conferenceId),
  }));
}

/** Keeps `session.room` (the name copy) in step with a renamed room, and bumps those sessions. */
async function renameSessions(manager: EntityManager, roomId: number, name: string) {
  await manager
    .createQueryBuilder()
    .update(Session)
    .set({ room: name, version: () => "version + 1" })
    .where("room_id = :roomId", { roomId })
    .execute();
}
