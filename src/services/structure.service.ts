import type { DataSource } from "typeorm";
import {
  Conference,
  ConferenceSeries,
  Room,
  SessionLink,
  Track,
  VenueRecord,
} from "../../entities";
import { loadByIds } from "../db/batch";
import { pageMany, type Page, type PageRequest } from "../db/pagination";

/** The place a conference's venue columns name (see VenueRecord). */
export type VenuePlace = Pick<Conference, "venueName" | "venueCity" | "venueCountry">;

/** The key of a venue by place, as stored (country upper case). */
export function placeKey(p: VenuePlace): string {
  return JSON.stringify([p.venueName, p.venueCity, p.venueCountry.toUpperCase()]);
}

/** Groups rows by a numeric owner, keeping the statement's order; every key gets a list. */
function groupBy<T>(keys: readonly number[], rows: T[], owner: (row: T) => number) {
  const result = new Map<number, T[]>(keys.map(k => [k, []]));
  for (const row of rows) result.get(owner(row))?.push(row);
  return result;
}

/**
 * Reads the program's structure: series and their editions, tracks, venues and rooms, and the
 * materials (links) of sessions. Every method serves many parents in one statement.
 */
export class StructureService {
  constructor(private readonly dataSource: DataSource) {}

  seriesBySlug(slug: string): Promise<ConferenceSeries | null> {
    return this.dataSource.getRepository(ConferenceSeries).findOneBy({ slug });
  }

  /** One page of every series, oldest first (primary-key order, so a page reads only the page). */
  async seriesPage(page: PageRequest): Promise<Page<ConferenceSeries>> {
    const qb = this.dataSource.getRepository(ConferenceSeries).createQueryBuilder("s");
    const pages = await pageMany(
      this.dataSource,
      ConferenceSeries,
      "s",
      [{ key: 0, qb }],
      [{ property: "id", direction: "ASC" }],
      page,
    );
    return pages.get(0) as Page<ConferenceSeries>;
  }

  seriesByIds(ids: readonly number[]): Promise<(ConferenceSeries | null)[]> {
    return loadByIds(this.dataSource, ConferenceSeries, ids);
  }

  /** Each series' editions, earliest first (by first day, then id). */
  async editions(seriesIds: readonly number[]): Promise<Map<number, Conference[]>> {
    const unique = [...new Set(seriesIds)];
    const rows = unique.length
      ? await this.dataSource
          .getRepository(Conference)
          .createQueryBuilder("c")
          .where("c.series_id IN (:...ids)", { ids: unique })
          .orderBy("c.series_id", "ASC")
          .addOrderBy("c.starts_on", "ASC")
          .addOrderBy("c.id", "ASC")
          .getMany()
      : [];
    return groupBy(seriesIds, rows, c => c.seriesId as number);
  }

  trackByIds(ids: readonly number[]): Promise<(Track | null)[]> {
    return loadByIds(this.dataSource, Track, ids);
  }

  /** Each conference's tracks, by name. */
  async tracks(conferenceIds: readonly number[]): Promise<Map<number, Track[]>> {
    const unique = [...new Set(conferenceIds)];
    const rows = unique.length
      ? await this.dataSource
          .getRepository(Track)
          .createQueryBuilder("t")
          .where("t.conference_id IN (:...ids)", { ids: unique })
          .orderBy("t.name", "ASC")
          .addOrderBy("t.id", "ASC")
          .getMany()
      : [];
    return groupBy(conferenceIds, rows, t => t.conferenceId);
  }

  /** The ids of the tracks with this slug (one per conference that has it); [0] when none. */
  async trackIdsBySlug(slug: string): Promise<number[]> {
    const rows = await this.dataSource
      .getRepository(Track)
      .find({ where: { slug }, select: { id: true } });
    return rows.length ? rows.map(r => r.id) : [0];
  }

  roomByIds(ids: readonly number[]): Promise<(Room | null)[]> {
    return loadByIds(this.dataSource, Room, ids);
  }

  /** The rooms at each conference's venue, in the venue's order (position, then id). */
  async roomsAt(conferences: readonly VenuePlace[]): Promise<Room[][]> {
    if (!conferences.length) return [];
    const qb = this.dataSource.getRepository(VenueRecord).createQueryBuilder("v");
    const places = [...new Map(conferences.map(c => [placeKey(c), c])).values()];
    places.forEach((p, i) =>
      qb.orWhere(`(v.name = :n${i} AND v.city = :c${i} AND v.country = :k${i})`, {
        [`n${i}`]: p.venueName,
        [`c${i}`]: p.venueCity,
        [`k${i}`]: p.venueCountry.toUpperCase(),
      }),
    );
    const venues = await qb.getMany();
    const rooms = venues.length
      ? await this.dataSource
          .getRepository(Room)
          .createQueryBuilder("r")
          .where("r.venue_id IN (:...ids)", { ids: venues.map(v => v.id) })
          .orderBy("r.position", "ASC")
          .addOrderBy("r.id", "ASC")
          .getMany()
      : [];
    const byPlace = new Map(
      venues.map(v => [
        placeKey({ venueName: v.name, venueCity: v.city, venueCountry: v.country }),
        rooms.filter(r => r.venueId === v.id),
      ]),
    );
    return conferences.map(c => byPlace.get(placeKey(c)) ?? []);
  }

  /**
   * For each conference, how many program sessions each track has, the sessions without a track as
   * `trackId: null`: one GROUP BY statement. Tracks without sessions are listed with 0.
   */
  async sessionsPerTrack(
    conferenceIds: readonly number[],
  ): Promise<Map<number, { trackId: number | null; count: number }[]>> {
    const unique = [...new Set(conferenceIds)];
    const result = new Map<number, { trackId: number | null; count: number }[]>(
      conferenceIds.map(id => [id, []]),
    );
    if (!unique.length) return result;
    const [rows, tracks] = await Promise.all([
      this.dataSource
        .createQueryBuilder()
        .select("sp.conference_id", "conferenceId")
        .addSelect("s.track_id", "trackId")
        .addSelect("COUNT(*)", "n")
        .from("session_program", "sp")
        .innerJoin("session", "s", "s.id = sp.session_id")
        .where("sp.conference_id IN (:...ids)", { ids: unique })
        .groupBy("sp.conference_id")
        .addGroupBy("s.track_id")
        .getRawMany<{ conferenceId: number; trackId: number | null; n: number | string }>(),
      this.tracks(unique),
    ]);
    for (const id of unique) {
      const counted = rows.filter(r => Number(r.conferenceId) === id);
      const countOf = (trackId: number | null) =>
        Number(
          counted.find(r => (r.trackId == null ? null : Number(r.trackId)) === trackId)?.n ?? 0,
        );
      // The conference's own tracks, then any other conference's track its program borrows.
      const own = (tracks.get(id) ?? []).map(t => t.id);
      const borrowed = counted
        .map(r => (r.trackId == null ? null : Number(r.trackId)))
        .filter((t): t is number => t !== null && !own.includes(t));
      const list: { trackId: number | null; count: number }[] = [...own, ...borrowed].map(
        trackId => ({ trackId, count: countOf(trackId) }),
      );
      const none = countOf(null);
      if (none) list.push({ trackId: null, count: none });
      result.set(id, list);
    }
    return result;
  }

  /** Each session's links, in order. */
  async links(sessionIds: readonly number[]): Promise<Map<number, SessionLink[]>> {
    const unique = [...new Set(sessionIds)];
    const rows = unique.length
      ? await this.dataSource
          .getRepository(SessionLink)
          .createQueryBuilder("l")
          .where("l.session_id IN (:...ids)", { ids: unique })
          .orderBy("l.session_id", "ASC")
          .addOrderBy("l.position", "ASC")
          .getMany()
      : [];
    return groupBy(sessionIds, rows, l => l.sessionId);
  }
}
