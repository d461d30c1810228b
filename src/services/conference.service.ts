import type { DataSource } from "typeorm";
import { Conference, ConferenceColocation } from "../../entities";
import type { RequestContext } from "../core/context";
import { countMany, pageMany, type Page, type PageRequest } from "../db/pagination";
import { loadByIds } from "../db/batch";
import type { ColumnNeeds } from "../db/column-set";
import { selectEntities } from "../db/plain-rows";
import type { CommunityTree } from "./community.service";

/** Which conferences a list shows. Ids are resolved by the caller. */
export interface ConferenceFilter {
  communityIds?: number[];
  year?: number;
  /** Words that must each appear in the name (case-insensitive). */
  nameWords?: string[];
}

/** The words of a name query: runs of letters and digits, lower-cased, at most eight. */
export function nameWords(text: string): string[] {
  return [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, 8);
}

/** Reads conferences and their co-location. */
export class ConferenceService {
  constructor(private readonly dataSource: DataSource) {}

  private scoped(filter: ConferenceFilter) {
    const qb = this.dataSource.getRepository(Conference).createQueryBuilder("c");
    if (filter.communityIds)
      qb.andWhere("c.community_id IN (:...communityIds)", {
        communityIds: filter.communityIds.length ? filter.communityIds : [0],
      });
    if (filter.year != null) qb.andWhere("c.edition = :year", { year: filter.year });
    // Conferences number in the hundreds at most, so a substring match on the name is enough.
    filter.nameWords?.forEach((word, i) =>
      qb.andWhere(`LOWER(c.name) LIKE :name${i}`, { [`name${i}`]: `%${word}%` }),
    );
    return qb;
  }

  /** Resolves a client's filter (slugs) against the community tree. Unknown slugs match nothing. */
  resolveFilter(
    spec: { community?: string; year?: number; text?: string },
    tree: CommunityTree,
  ): ConferenceFilter {
    const filter: ConferenceFilter = { year: spec.year };
    if (spec.text !== undefined) filter.nameWords = nameWords(spec.text);
    if (spec.community !== undefined) {
      const community = tree.bySlug(spec.community);
      filter.communityIds = community ? tree.selfAndDescendantIds(community.id) : [];
    }
    return filter;
  }

  /** Pages of conferences, earliest first: one statement for any number of parents. */
  pages<K>(
    ctx: RequestContext,
    members: { key: K; filter: ConferenceFilter }[],
    page: PageRequest,
  ): Promise<Map<K, Page<Conference>>> {
    const scoped = members.map(m => ({ key: m.key, qb: this.scoped(m.filter) }));
    return pageMany<Conference, K>(
      this.dataSource,
      Conference,
      "c",
      scoped,
      [
        { property: "startsOn", direction: "ASC" },
        { property: "id", direction: "ASC" },
      ],
      page,
      ctx.columnNeeds?.of?.(Conference.name),
    );
  }

  /** One page of conferences (the root list). */
  async page(
    ctx: RequestContext,
    filter: ConferenceFilter,
    page: PageRequest,
  ): Promise<Page<Conference>> {
    return (await this.pages(ctx, [{ key: 0, filter }], page)).get(0) as Page<Conference>;
  }

  counts<K>(members: { key: K; filter: ConferenceFilter }[]): Promise<Map<K, number>> {
    return countMany(
      this.dataSource,
      members.map(m => ({ key: m.key, qb: this.scoped(m.filter) })),
    );
  }

  /** The conference with `slug`, with the deferrable columns `needs` names (see column-set.ts). */
  async bySlug(slug: string, needs?: ColumnNeeds): Promise<Conference | null> {
    const [found] = await selectEntities(
      this.dataSource,
      Conference,
      "WHERE t.slug = ? LIMIT 1",
      [slug],
      needs,
    );
    return found ?? null;
  }

  byIds(ids: readonly number[]): Promise<(Conference | null)[]> {
    return loadByIds(this.dataSource, Conference, ids);
  }

  /** For each conference, the ids of the conferences co-located with it (symmetric by storage). */
  async colocatedIds(ids: readonly number[]): Promise<number[][]> {
    const rows = ids.length
      ? await this.dataSource
          .getRepository(ConferenceColocation)
          .createQueryBuilder("cc")
          .where("cc.conference_id IN (:...ids)", { ids })
          .orderBy("cc.colocated_id")
          .getMany()
      : [];
    return ids.map(id => rows.filter(r => r.conferenceId === id).map(r => r.colocatedId));
  }
}
