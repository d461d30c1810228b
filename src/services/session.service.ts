import type { DataSource, SelectQueryBuilder } from "typeorm";
import {
  Community,
  Conference,
  Person,
  Session,
  SessionAudience,
  SessionKind,
  SessionProgram,
  SessionSpeaker,
  SessionTopic,
  Topic,
} from "../../entities";
import type { RequestContext } from "../core/context";
import { BadUserInputError } from "../core/errors";
import { dayBounds } from "../core/time";
import { countMany, pageMany, type Page, type PageRequest, type SortKey } from "../db/pagination";
import { loadByIds, idBySlugOrZero, loadLinked } from "../db/batch";
import type { ColumnNeeds } from "../db/column-set";
import { placeholders } from "../db/plain-rows";
import { readRows } from "../db/read-rows";
import type { CommunityTree } from "./community.service";
import { ReferenceCache } from "./reference-cache";
import { withFields } from "../core/objects";

/**
 * Which sessions a list shows, with every slug already resolved to ids. Each set narrows the list;
 * within a set any id matches (a program list of [PyWorks, php|works] means "in either program").
 */
export interface SessionFilter {
  programIds?: number[];
  audienceIds?: number[];
  speakerIds?: number[];
  topicIds?: number[];
  kinds?: SessionKind[];
  room?: string;
  /** Only sessions in these tracks / room records. */
  trackIds?: number[];
  roomIds?: number[];
  /**
   * A calendar day in each session's own event zone: a session matches when it overlaps the day as
   * its host conference's zone counts it (one [from, to) per zone in use).
   */
  hostZoneDay?: { zone: string; from: Date; to: Date }[];
  from?: Date;
  to?: Date;
  /** true: only sessions whose audiences span more than one root community; false: only the others. */
  crossCommunity?: boolean;
  /** Session ids matched by full-text search, when the list is narrowed by text. */
  ids?: number[];
}

export enum SessionOrder {
  START_TIME_ASC = "START_TIME_ASC",
  START_TIME_DESC = "START_TIME_DESC",
  TITLE_ASC = "TITLE_ASC",
}

const SORTS: Record<SessionOrder, SortKey<Session>[]> = {
  [SessionOrder.START_TIME_ASC]: [
    { property: "startsAt", direction: "ASC" },
    { property: "id", direction: "ASC" },
  ],
  [SessionOrder.START_TIME_DESC]: [
    { property: "startsAt", direction: "DESC" },
    { property: "id", direction: "DESC" },
  ],
  [SessionOrder.TITLE_ASC]: [
    { property: "title", direction: "ASC" },
    { property: "id", direction: "ASC" },
  ],
};

/**
 * Link tables whose `(owner, starts_at, session_id)` index can drive a list in time order: each
 * copies the session's start. When every parent's filter names exactly one owner of such a link
 * (one program, one speaker, one community), `scoped` joins that link as `d` instead of EXISTS, and
 * the sort reads `d`'s copies of the start and id, so the page is an index range. Cursors are the
 * same values as SORTS' (startsAt, id).
 */
const DRIVERS = [
  { field: "programIds", entity: SessionProgram, owner: "conference_id" },
  { field: "speakerIds", entity: SessionSpeaker, owner: "person_id" },
  { field: "audienceIds", entity: SessionAudience, owner: "community_id" },
] as const;
type Driver = (typeof DRIVERS)[number];

const DRIVEN_SORTS: Partial<Record<SessionOrder, SortKey<Session>[]>> = {
  [SessionOrder.START_TIME_ASC]: [
    { property: "startsAt", direction: "ASC", sql: "d.starts_at" },
    { property: "id", direction: "ASC", sql: "d.session_id" },
  ],
  [SessionOrder.START_TIME_DESC]: [
    { property: "startsAt", direction: "DESC", sql: "d.starts_at" },
    { property: "id", direction: "DESC", sql: "d.session_id" },
  ],
};

/** The link that can drive every member's list in `order`, if any (see DRIVERS). */
function driverFor(filters: SessionFilter[], order: SessionOrder): Driver | undefined {
  if (!DRIVEN_SORTS[order]) return undefined;
  return DRIVERS.find(driver => filters.every(f => f[driver.field]?.length === 1));
}

/** Reads sessions and what hangs off them. Every list method serves many parents in one statement. */
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly references: ReferenceCache = new ReferenceCache(),
  ) {}

  private instant(value: Date): unknown {
    const column = this.dataSource.getMetadata(Session).findColumnWithPropertyPath("startsAt");
    return this.dataSource.driver.preparePersistentValue(value, column!);
  }

  /**
   * A query builder (alias `s`) narrowed by `filter`. With a `driver` (see DRIVERS), that filter is
   * an inner join on its link (alias `d`) rather than EXISTS, so that the link's index can drive.
   */
  scoped(filter: SessionFilter, tree: CommunityTree, driver?: Driver): SelectQueryBuilder<Session> {
    const qb = this.dataSource.getRepository(Session).createQueryBuilder("s");
    const exists = (table: string, column: string, ids: number[], name: string) => {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM ${table} ${name} WHERE ${name}.session_id = s.id AND ${name}.${column} IN (:...${name}))`,
        { [name]: ids.length ? ids : [0] },
      );
    };
    const driven = driver && filter[driver.field];
    if (driver && driven?.length === 1) {
      qb.innerJoin(driver.entity, "d", `d.session_id = s.id AND d.${driver.owner} = :driver`, {
        driver: driven[0],
      });
    }
    const unlessDriven = (field: Driver["field"]) =>
      driver?.field === field ? undefined : filter[field];
    const programIds = unlessDriven("programIds");
    const audienceIds = unlessDriven("audienceIds");
    const speakerIds = unlessDriven("speakerIds");
    if (programIds) exists("session_program", "conference_id", programIds, "fp");
    if (audienceIds) exists("session_audience", "community_id", audienceIds, "fa");
    if (speakerIds) exists("session_speaker", "person_id", speakerIds, "fs");
    if (filter.topicIds) exists("session_topic", "topic_id", filter.topicIds, "ft");
    if (filter.ids)
      qb.andWhere("s.id IN (:...fids)", { fids: filter.ids.length ? filter.ids : [0] });
    if (filter.kinds?.length) qb.andWhere("s.kind IN (:...kinds)", { kinds: filter.kinds });
    if (filter.room) qb.andWhere("s.room = :room", { room: filter.room });
    if (filter.trackIds) {
      qb.andWhere("s.track_id IN (:...trackIds)", {
        trackIds: filter.trackIds.length ? filter.trackIds : [0],
      });
    }
    if (filter.roomIds) {
      qb.andWhere("s.room_id IN (:...roomIds)", {
        roomIds: filter.roomIds.length ? filter.roomIds : [0],
      });
    }
    if (filter.hostZoneDay) {
      const arms = filter.hostZoneDay.map(
        (_d, i) =>
          `(s.host_conference_id IN (SELECT hz${i}.id FROM conference hz${i} WHERE hz${i}.timezone = :hzZone${i}) AND s.ends_at > :hzFrom${i} AND s.starts_at < :hzTo${i})`,
      );
      const params = Object.fromEntries(
        filter.hostZoneDay.flatMap((d, i) => [
          [`hzZone${i}`, d.zone],
          [`hzFrom${i}`, this.instant(d.from)],
          [`hzTo${i}`, this.instant(d.to)],
        ]),
      );
      qb.andWhere(arms.length ? `(${arms.join(" OR ")})` : "1 = 0", params);
    }
    // A session overlaps [from, to) when it ends after `from` and starts before `to`.
    if (filter.from) qb.andWhere("s.ends_at > :from", { from: this.instant(filter.from) });
    if (filter.to) qb.andWhere("s.starts_at < :to", { to: this.instant(filter.to) });
    if (filter.crossCommunity !== undefined) {
      qb.andWhere(tree.crossCommunitySql("s", filter.crossCommunity));
    }
    return qb;
  }

  /**
   * One page per parent, all in one statement. `members` pairs each parent key with its filter.
   */
  async pages<K>(
    ctx: RequestContext,
    tree: CommunityTree,
    members: { key: K; filter: SessionFilter }[],
    order: SessionOrder,
    page: PageRequest,
  ): Promise<Map<K, Page<Session>>> {
    const driver = driverFor(
      members.map(m => m.filter),
      order,
    );
    // Lists that only follow one link (a conference's program, a speaker's sessions) have one form.
    const shape =
      driver &&
      members.every(m =>
        Object.entries(m.filter).every(([name, value]) => name === driver.field || value == null),
      )
        ? `driven:${driver.field}`
        : undefined;
    const scoped = members.map(m => ({
      key: m.key,
      qb: this.scoped(m.filter, tree, driver),
      shape,
    }));
    const sort = (driver && DRIVEN_SORTS[order]) || SORTS[order];
    const needs = ctx.columnNeeds?.of?.(Session.name);
    return pageMany<Session, K>(this.dataSource, Session, "s", scoped, sort, page, needs);
  }

  /**
   * Turns a client's filter (without `day`, see `narrowToDay`) into ids. An unknown slug matches
   * nothing: an empty list, not an error.
   */
  async resolveFilter(
    spec: Omit<SessionFilterSpec, "day">,
    tree: CommunityTree,
    textMatches?: (text: string) => Promise<number[]>,
    trackIds?: (slug: string) => Promise<number[]>,
  ): Promise<SessionFilter> {
    const filter: SessionFilter = {};
    const idOf = (entity: typeof Conference | typeof Person | typeof Topic, slug: string) =>
      idBySlugOrZero(this.dataSource, entity, slug);
    if (spec.conference !== undefined)
      filter.programIds = [await idOf(Conference, spec.conference)];
    if (spec.community !== undefined) {
      const community = tree.bySlug(spec.community);
      filter.audienceIds = community ? tree.selfAndDescendantIds(community.id) : [];
    }
    if (spec.speaker !== undefined) filter.speakerIds = [await idOf(Person, spec.speaker)];
    if (spec.topic !== undefined) filter.topicIds = [await idOf(Topic, spec.topic)];
    if (spec.kinds) filter.kinds = spec.kinds;
    if (spec.room !== undefined) filter.room = spec.room;
    if (spec.track !== undefined && trackIds) filter.trackIds = await trackIds(spec.track);
    if (spec.crossCommunity !== undefined) filter.crossCommunity = spec.crossCommunity;
    filter.from = spec.from;
    filter.to = spec.to;
    if (spec.text !== undefined && textMatches) filter.ids = await textMatches(spec.text);
    return filter;
  }

  /** The time zone of a conference by slug (where `filter.day` falls), or undefined if unknown. */
  zoneOf(conferenceSlug: string): Promise<string | undefined> {
    // Held per process until a conference is written; an unknown slug is not kept.
    return this.references.get("zones", conferenceSlug, async () => {
      const conference = await this.dataSource
        .getRepository(Conference)
        .findOne({ where: { slug: conferenceSlug }, select: { id: true, timezone: true } });
      return conference?.timezone;
    });
  }

  /** Every time zone a conference uses (held until a conference is written). */
  zonesInUse(): Promise<string[]> {
    return this.references.get("zones", "*", async () => {
      const rows: { timezone: string }[] = await this.dataSource
        .getRepository(Conference)
        .createQueryBuilder("c")
        .select("DISTINCT c.timezone", "timezone")
        .getRawMany();
      return rows.map(r => r.timezone).sort();
    });
  }

  /**
   * The time zone of a conference by id (a session's host, for its times), held per process like
   * `zoneOf`, and returned as itself (no promise) once held. `load` reads a zone not held yet; the
   * caller batches it (with `zonesByIds`).
   */
  zoneOfId(
    conferenceId: number,
    load: (id: number) => Promise<string | undefined>,
  ): string | undefined | Promise<string | undefined> {
    return this.references.getNow("zones", `#${conferenceId}`, () => load(conferenceId));
  }

  /** Time zones of conferences by id, in one narrow statement. */
  async zonesByIds(ids: readonly number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows: { id: number | string; timezone: string }[] = await readRows(
      this.dataSource,
      `SELECT id, timezone FROM conference WHERE id IN (${unique.map(() => "?").join(", ")})`,
      unique,
    );
    return new Map(rows.map(row => [Number(row.id), row.timezone]));
  }

  /**
   * Narrows `filter` to calendar day `day` in `zone`: the listed conference's zone, else the zone of
   * the filter's conference. Without either, each session's day is counted in its own host
   * conference's zone (`zones`: every zone in use).
   */
  narrowToDay(
    filter: SessionFilter,
    day: string,
    zone: string | undefined,
    zones: string[] = [],
  ): SessionFilter {
    if (!zone) {
      return withFields(filter, {
        hostZoneDay: zones.map(z => withFields({ zone: z }, dayBounds(day, z))),
      });
    }
    return withinDay(filter, day, zone);
  }

  /**
   * Each conference's whole program, earliest first, in one statement. A program longer than `limit`
   * is refused (BAD_USER_INPUT) rather than silently cut short; page `sessions` instead.
   */
  async fullPrograms(
    ctx: RequestContext,
    tree: CommunityTree,
    conferenceIds: readonly number[],
    limit: number,
  ): Promise<Map<number, Session[]>> {
    const pages = await this.pages(
      ctx,
      tree,
      conferenceIds.map(id => ({ key: id, filter: { programIds: [id] } })),
      SessionOrder.START_TIME_ASC,
      { size: limit, backward: false, cursor: null },
    );
    const result = new Map<number, Session[]>();
    for (const id of conferenceIds) {
      const page = pages.get(id);
      if (page?.pageInfo.hasNextPage) {
        throw new BadUserInputError(
          `This program has more than ${limit} sessions; page through Conference.sessions instead of days`,
        );
      }
      result.set(id, page?.nodes ?? []);
    }
    return result;
  }

  /** Counts per member, in one statement. */
  counts<K>(
    tree: CommunityTree,
    members: { key: K; filter: SessionFilter }[],
  ): Promise<Map<K, number>> {
    return countMany(
      this.dataSource,
      members.map(m => ({ key: m.key, qb: this.scoped(m.filter, tree) })),
    );
  }

  async bySlug(slug: string): Promise<Session | null> {
    return this.dataSource.getRepository(Session).findOneBy({ slug });
  }

  byIds(ids: readonly number[]): Promise<(Session | null)[]> {
    return loadByIds(this.dataSource, Session, ids);
  }

  /** Speakers of each session, in billing order (with the deferrable columns `needs` names). */
  speakers(sessionIds: readonly number[], needs?: ColumnNeeds): Promise<Map<number, Person[]>> {
    return loadLinked(
      this.dataSource,
      Person,
      { entity: SessionSpeaker, owner: "sessionId", target: "personId", orderBy: "position" },
      sessionIds,
      [],
      needs,
    );
  }

  /** Conferences whose programs list each session, earliest first. */
  programs(sessionIds: readonly number[]): Promise<Map<number, Conference[]>> {
    return loadLinked(
      this.dataSource,
      Conference,
      { entity: SessionProgram, owner: "sessionId", target: "conferenceId" },
      sessionIds,
      ["startsOn"],
    );
  }

  /** Community ids each session is aimed at (resolved against the request's community tree). */
  async audienceIds(sessionIds: readonly number[]): Promise<Map<number, number[]>> {
    const result = new Map<number, number[]>(sessionIds.map(id => [id, []]));
    if (!sessionIds.length) return result;
    const ids = [...new Set(sessionIds)];
    const rows: { session_id: number | string; community_id: number | string }[] = await readRows(
      this.dataSource,
      `SELECT session_id, community_id FROM session_audience WHERE session_id IN (${placeholders(ids)}) ORDER BY community_id`,
      ids,
    );
    for (const row of rows) result.get(Number(row.session_id))?.push(Number(row.community_id));
    return result;
  }

  /** Topics of each session, by name. */
  topics(sessionIds: readonly number[]): Promise<Map<number, Topic[]>> {
    return loadLinked(
      this.dataSource,
      Topic,
      { entity: SessionTopic, owner: "sessionId", target: "topicId" },
      sessionIds,
      ["name"],
    );
  }
}

export type { Community };

/** Narrows `filter` to sessions overlapping calendar day `day` in `zone`. */
export function withinDay(filter: SessionFilter, day: string, zone: string): SessionFilter {
  const bounds = dayBounds(day, zone);
  return withFields(filter, {
    from: !filter.from || bounds.from > filter.from ? bounds.from : filter.from,
    to: !filter.to || bounds.to < filter.to ? bounds.to : filter.to,
  });
}

/** A session list filter as a client writes it: slugs and calendar days, not ids. */
export interface SessionFilterSpec {
  conference?: string;
  community?: string;
  kinds?: SessionKind[];
  topic?: string;
  speaker?: string;
  room?: string;
  /** A track slug (matches that track in any conference that has it). */
  track?: string;
  day?: string;
  from?: Date;
  to?: Date;
  crossCommunity?: boolean;
  text?: string;
}
