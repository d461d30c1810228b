import type { EntityManager } from "typeorm";
import {
  Community,
  Conference,
  ConferenceColocation,
  ConferenceSeries,
  Role,
  ScheduleChangeKind,
  Session,
  SIDE_EVENT_KINDS,
} from "../../../entities";
import { dayBounds } from "../../core/time";
import type { RequestContext } from "../../core/context";
import { BadUserInputError } from "../../core/errors";
import { fromGlobalIdOf } from "../../core/global-id";
import { IANAZone } from "luxon";
import { assertConferencesInScope, assertRole, assertUnscoped } from "./access";
import { given, Problems } from "./input";
import { mustFind, resolveRef, resolveRefs } from "./refs";
import {
  changeValue,
  diffFields,
  idList,
  type FieldValues,
  type ScheduleLog,
} from "./schedule-log";
import { chooseSlug } from "./slugs";
import { type Writer } from "./writer";
import { isSqlite } from "../../db/engine";
import { withFields } from "../../core/objects";

export interface VenueFields {
  name: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** A conference as an editor writes it; references are global ids. */
export interface ConferenceFields {
  slug?: string | null;
  name: string;
  edition: number;
  community: string;
  organizer: string;
  startsOn: string;
  endsOn: string;
  timezone: string;
  venue: VenueFields;
  attendance?: number | null;
  description?: string;
  /** The series (global id) this conference is an edition of; null or absent for none. */
  series?: string | null;
}

export type ConferenceChanges = Partial<ConferenceFields> & { id: string; version: number };

export interface CommunityFields {
  slug?: string | null;
  name: string;
  description?: string;
  /** The parent community's global id; null or absent for a root. */
  parent?: string | null;
}

export type CommunityChanges = Partial<CommunityFields> & { id: string; version: number };

/**
 * Writes conferences, their co-location and communities. ADMIN only, checked here as well as in the
 * schema.
 */
export class ConferenceWriter {
  constructor(
    private readonly writer: Writer,
    private readonly schedule: ScheduleLog,
  ) {}

  async createConference(ctx: RequestContext, input: ConferenceFields): Promise<Conference> {
    assertRole(ctx, Role.ADMIN, "Creating a conference");
    assertUnscoped(ctx, "Creating a conference");
    const id = await this.writer.transaction(async manager => {
      const problems = new Problems(input);
      const communityId = await resolveRef(
        manager,
        Community,
        "Community",
        input.community,
        "community",
        problems,
      );
      checkConference(input, problems);
      const seriesId =
        input.series != null
          ? await resolveRef(
              manager,
              ConferenceSeries,
              "ConferenceSeries",
              input.series,
              "series",
              problems,
            )
          : null;
      const slug = await chooseSlug({
        manager,
        kind: "Conference",
        given: input.slug,
        source: input.name,
        problems,
      });
      problems.throwIfAny();
      const result = await manager.insert(Conference, {
        slug,
        name: input.name,
        edition: input.edition,
        communityId,
        organizer: input.organizer,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        timezone: input.timezone,
        venueName: input.venue.name,
        venueCity: input.venue.city,
        venueCountry: input.venue.country.toUpperCase(),
        attendance: input.attendance ?? null,
        description: input.description ?? "",
        seriesId,
      });
      return Number(result.identifiers[0].id);
    });
    this.writer.references.drop("zones");
    return mustFind(this.writer.dataSource.manager, Conference, "Conference", id);
  }

  async updateConference(ctx: RequestContext, input: ConferenceChanges): Promise<Conference> {
    assertRole(ctx, Role.ADMIN, "Updating a conference");
    assertConferencesInScope(
      ctx,
      [fromGlobalIdOf("Conference", input.id)],
      "Updating this conference",
    );
    const id = fromGlobalIdOf("Conference", input.id);
    await this.writer.transaction(async manager => {
      const current = await mustFind(manager, Conference, "Conference", id);
      const problems = new Problems(input);
      const values: Partial<Conference> = given(input, [
        "name",
        "edition",
        "organizer",
        "startsOn",
        "endsOn",
        "timezone",
        "attendance",
        "description",
      ]);
      if (input.community !== undefined) {
        values.communityId = await resolveRef(
          manager,
          Community,
          "Community",
          input.community ?? "",
          "community",
          problems,
        );
      }
      if (input.series !== undefined) {
        values.seriesId =
          input.series === null
            ? null
            : await resolveRef(
                manager,
                ConferenceSeries,
                "ConferenceSeries",
                input.series,
                "series",
                problems,
              );
      }
      if (input.venue) {
        values.venueName = input.venue.name;
        values.venueCity = input.venue.city;
        values.venueCountry = input.venue.country.toUpperCase();
      }
      checkConference(withFields(current, values), problems);
      if (!problems.list.length)
        await checkHostedSessionsFit(manager, withFields(current, values), problems);
      if (input.slug != null) {
        values.slug = await chooseSlug({
          manager,
          kind: "Conference",
          given: input.slug,
          problems,
          selfId: id,
        });
      }
      problems.throwIfAny();
      await this.writer.updateVersioned(
        manager,
        Conference,
        "Conference",
        id,
        input.version,
        values,
      );
      await this.schedule.record(
        manager,
        {
          conferenceIds: [id],
          subjectType: "Conference",
          subjectId: id,
          kind: ScheduleChangeKind.UPDATED,
          fields: diffFields(programValues(current), programValues(withFields(current, values))),
        },
        ctx.now,
      );
    });
    this.writer.references.drop("zones");
    return mustFind(this.writer.dataSource.manager, Conference, "Conference", id);
  }

  /**
   * Makes the given conferences one co-located event: afterwards each lists exactly the others.
   * Co-locations any of them had with conferences outside the set are removed (on both sides);
   * co-locations among conferences outside the set are untouched. A single conference leaves its
   * event. Returns the set in the order given.
   */
  async setColocated(ctx: RequestContext, globalIds: string[]): Promise<Conference[]> {
    assertRole(ctx, Role.ADMIN, "Setting co-location");
    assertUnscoped(ctx, "Setting co-location");
    if (!globalIds.length) {
      throw new BadUserInputError("conferences: give at least one conference", [
        { field: "conferences", message: "must list at least one conference" },
      ]);
    }
    const ids = await this.writer.transaction(async manager => {
      const problems = new Problems();
      const ids = await resolveRefs(
        manager,
        Conference,
        "Conference",
        globalIds,
        "conferences",
        problems,
      );
      problems.throwIfAny();
      const before = await colocations(manager);
      // Every program this may change, locked before the writes (see ScheduleLog.lock).
      await this.schedule.lock(manager, [...ids, ...ids.flatMap(id => before.get(id) ?? [])]);
      await manager
        .createQueryBuilder()
        .delete()
        .from(ConferenceColocation)
        .where("conference_id IN (:...ids) OR colocated_id IN (:...ids)", { ids })
        .execute();
      const rows = ids.flatMap(a =>
        ids.filter(b => b !== a).map(b => ({ conferenceId: a, colocatedId: b })),
      );
      if (rows.length) await manager.insert(ConferenceColocation, rows);
      const after = await colocations(manager);
      const touched = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a - b);
      for (const conferenceId of touched) {
        const fields = diffFields(
          { colocatedWith: idList("Conference", before.get(conferenceId) ?? []) },
          { colocatedWith: idList("Conference", after.get(conferenceId) ?? []) },
        );
        await this.schedule.record(
          manager,
          {
            conferenceIds: [conferenceId],
            subjectType: "Conference",
            subjectId: conferenceId,
            kind: ScheduleChangeKind.UPDATED,
            fields,
          },
          ctx.now,
        );
      }
      return ids;
    });
    const rows = await this.writer.dataSource
      .getRepository(Conference)
      .createQueryBuilder("c")
      .whereInIds(ids)
      .getMany();
    return ids.map(id => rows.find(r => r.id === id) as Conference);
  }

  async createCommunity(ctx: RequestContext, input: CommunityFields): Promise<Community> {
    assertRole(ctx, Role.ADMIN, "Creating a community");
    assertUnscoped(ctx, "Creating a community");
    const id = await this.writer.transaction(async manager => {
      const problems = new Problems(input);
      const parentId =
        input.parent != null
          ? await resolveRef(manager, Community, "Community", input.parent, "parent", problems)
          : null;
      const slug = await chooseSlug({
        manager,
        kind: "Community",
        given: input.slug,
        source: input.name,
        problems,
      });
      problems.throwIfAny();
      const result = await manager.insert(Community, {
        slug,
        name: input.name,
        description: input.description ?? "",
        parentId,
      });
      return Number(result.identifiers[0].id);
    });
    this.writer.references.drop("communities");
    return mustFind(this.writer.dataSource.manager, Community, "Community", id);
  }

  /** Updates a community. A new parent may not be the community itself or one below it (a cycle). */
  async updateCommunity(ctx: RequestContext, input: CommunityChanges): Promise<Community> {
    assertRole(ctx, Role.ADMIN, "Updating a community");
    assertUnscoped(ctx, "Updating a community");
    const id = fromGlobalIdOf("Community", input.id);
    await this.writer.transaction(async manager => {
      await mustFind(manager, Community, "Community", id);
      const problems = new Problems(input);
      const values: Partial<Community> = given(input, ["name", "description"]);
      if (input.parent !== undefined) {
        values.parentId =
          input.parent === null
            ? null
            : await resolveRef(manager, Community, "Community", input.parent, "parent", problems);
        if (values.parentId != null && (await wouldCycle(manager, id, values.parentId))) {
          problems.add("parent", "would make a cycle: it is this community or one below it");
        }
      }
      if (input.slug != null) {
        values.slug = await chooseSlug({
          manager,
          kind: "Community",
          given: input.slug,
          problems,
          selfId: id,
        });
      }
      problems.throwIfAny();
      await this.writer.updateVersioned(manager, Community, "Community", id, input.version, values);
    });
    this.writer.references.drop("communities");
    return mustFind(this.writer.dataSource.manager, Community, "Community", id);
  }
}

/** A conference's fields that its program shows: days, time zone, venue. */
function programValues(
  c: Pick<
    Conference,
    "startsOn" | "endsOn" | "timezone" | "venueName" | "venueCity" | "venueCountry"
  >,
): FieldValues {
  return {
    startsOn: changeValue(c.startsOn),
    endsOn: changeValue(c.endsOn),
    timezone: changeValue(c.timezone),
    "venue.name": changeValue(c.venueName),
    "venue.city": changeValue(c.venueCity),
    "venue.country": changeValue(c.venueCountry),
  };
}

/** Every conference's co-located conferences. */
async function colocations(manager: EntityManager): Promise<Map<number, number[]>> {
  const rows = await manager.getRepository(ConferenceColocation).find();
  const out = new Map<number, number[]>();
  for (const r of rows)
    out.set(r.conferenceId, [...(out.get(r.conferenceId) ?? []), r.colocatedId]);
  return out;
}

/**
 * Whether making `parentId` the parent of `id` closes a loop. Reads every community (a short list);
 * on MySQL the rows are locked, so two concurrent re-parentings cannot each pass and together loop.
 */
async function wouldCycle(manager: EntityManager, id: number, parentId: number): Promise<boolean> {
  const qb = manager
    .getRepository(Community)
    .createQueryBuilder("c")
    .select(["c.id", "c.parentId"]);
  if (!isSqlite(manager)) qb.setLock("pessimistic_write");
  const parents = new Map((await qb.getMany()).map(c => [c.id, c.parentId]));
  const seen = new Set<number>();
  for (let at: number | null = parentId; at != null; at = parents.get(at) ?? null) {
    if (at === id || seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}

/** The rules a conference's own fields must satisfy. */
function checkConference(
  c: Pick<ConferenceFields, "startsOn" | "endsOn" | "timezone">,
  problems: Problems,
): void {
  if (c.startsOn && c.endsOn && c.startsOn > c.endsOn) {
    problems.add("endsOn", "must be on or after startsOn");
  }
  if (c.timezone !== undefined && !IANAZone.isValidZone(c.timezone)) {
    problems.add("timezone", "must be an IANA time zone name such as America/New_York");
  }
}

/**
 * A conference's days may move only if the sessions it hosts still fit: every hosted session that is
 * not a side event (SPRINT, MEETUP, SOCIAL) must stay within the new days in the (new) time zone.
 */
async function checkHostedSessionsFit(
  manager: EntityManager,
  conference: Pick<Conference, "id" | "startsOn" | "endsOn" | "timezone">,
  problems: Problems,
): Promise<void> {
  const from = dayBounds(conference.startsOn, conference.timezone).from;
  const to = dayBounds(conference.endsOn, conference.timezone).to;
  const outside = await manager
    .getRepository(Session)
    .createQueryBuilder("s")
    .select("s.slug", "slug")
    .where("s.host_conference_id = :id", { id: conference.id })
    .andWhere("s.kind NOT IN (:...side)", { side: [...SIDE_EVENT_KINDS] })
    .andWhere("(s.starts_at < :from OR s.ends_at > :to)", {
      from: manager.connection.driver.preparePersistentValue(from, startsAtColumn(manager)),
      to: manager.connection.driver.preparePersistentValue(to, startsAtColumn(manager)),
    })
    .orderBy("s.starts_at")
    .getRawMany<{ slug: string }>();
  if (outside.length) {
    problems.add(
      "startsOn",
      `the new days leave ${outside.length} hosted session(s) outside them (${outside
        .slice(0, 5)
        .map(o => o.slug)
        .join(", ")}${outside.length > 5 ? ", …" : ""}); move those sessions first`,
    );
  }
}

function startsAtColumn(manager: EntityManager) {
  return manager.connection.getMetadata(Session).findColumnWithPropertyPath("startsAt")!;
}
