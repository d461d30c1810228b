import type { DataSource } from "typeorm";
import { Conference, ScheduleChange } from "../../entities";
import { BadUserInputError } from "../core/errors";
import {
  decodeCursor,
  encodeCursor,
  MAX_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
  Page,
} from "../db/page-args";

/** The most conferences one root `changes` list may follow. */
export const MAX_CHANGE_CONFERENCES = 20;

/** Forward paging of a change list: `first` and `after` only (changes are read oldest first). */
export interface ChangePageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * Reads the schedule change log. Every page is a keyset read on `(conference_id, schedule_version)`:
 * one conference's changes in version order. A list over several conferences reads each one's next
 * page and merges them in write order; its cursor holds the version reached in each conference, so
 * a change that committed late (with an older id) is still found on the next poll.
 */
export class ScheduleChangeService {
  constructor(private readonly dataSource: DataSource) {}

  /** `conferenceId`'s changes after version `since` (0 or null: all of them), oldest first. */
  async ofConference(
    conferenceId: number,
    since: number | null | undefined,
    args: ChangePageArgs,
  ): Promise<Page<ScheduleChange>> {
    const size = pageSize(args.first);
    let from = Math.max(0, since ?? 0);
    if (args.after != null) {
      const [version] = decodeCursor(args.after, "after");
      if (!Number.isInteger(version)) throw badCursor();
      from = Math.max(from, version as number);
    }
    const rows = await this.after(conferenceId, from, size + 1);
    const edges = rows
      .slice(0, size)
      .map(node => ({ cursor: encodeCursor([node.scheduleVersion]), node }));
    return new Page(
      edges,
      {
        hasNextPage: rows.length > size,
        hasPreviousPage: from > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      () =>
        this.dataSource
          .getRepository(ScheduleChange)
          .createQueryBuilder("sc")
          .where("sc.conference_id = :conferenceId AND sc.schedule_version > :from", {
            conferenceId,
            from: Math.max(0, since ?? 0),
          })
          .getCount(),
    );
  }

  /**
   * The changes of several conferences (a co-located event) after the instant `since` (null: all),
   * in the order they were written. A combined session's change appears once per conference.
   */
  async ofConferences(
    conferenceIds: number[],
    since: Date | null | undefined,
    args: ChangePageArgs,
  ): Promise<Page<ScheduleChange>> {
    const ids = [...new Set(conferenceIds)].sort((a, b) => a - b);
    if (ids.length > MAX_CHANGE_CONFERENCES) {
      throw new BadUserInputError(`conferences: at most ${MAX_CHANGE_CONFERENCES}`, [
        { field: "conferences", message: `must list at most ${MAX_CHANGE_CONFERENCES}` },
      ]);
    }
    const size = pageSize(args.first);
    const reached = new Map<number, number>();
    for (const id of ids) reached.set(id, since ? await this.versionBefore(id, since) : 0);
    const start = new Map(reached);
    if (args.after != null) {
      const vector = decodeCursor(args.after, "after");
      for (const entry of vector) {
        if (!Array.isArray(entry) || !entry.every(Number.isInteger)) throw badCursor();
        const [id, version] = entry as number[];
        if (reached.has(id)) reached.set(id, Math.max(reached.get(id)!, version));
      }
    }
    // Each conference's next size+1 changes: its share of the page is a prefix of them.
    const candidates = (
      await Promise.all(ids.map(id => this.after(id, reached.get(id)!, size + 1)))
    ).flat();
    candidates.sort((a, b) => a.id - b.id);
    const position = new Map(reached);
    const edges = candidates.slice(0, size).map(node => {
      position.set(node.conferenceId, node.scheduleVersion);
      return { cursor: encodeCursor([...position.entries()]), node };
    });
    return new Page(
      edges,
      {
        hasNextPage: candidates.length > size,
        hasPreviousPage: false,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      async () => {
        if (!ids.length) return 0;
        const qb = this.dataSource.getRepository(ScheduleChange).createQueryBuilder("sc");
        ids.forEach((id, i) =>
          qb.orWhere(`(sc.conference_id = :c${i} AND sc.schedule_version > :v${i})`, {
            [`c${i}`]: id,
            [`v${i}`]: start.get(id),
          }),
        );
        return qb.getCount();
      },
    );
  }

  /** A conference's latest `limit` changes, newest first (the Atom feed). */
  latest(conferenceId: number, limit: number): Promise<ScheduleChange[]> {
    return this.dataSource
      .getRepository(ScheduleChange)
      .createQueryBuilder("sc")
      .where("sc.conference_id = :conferenceId", { conferenceId })
      .orderBy("sc.schedule_version", "DESC")
      .limit(limit)
      .getMany();
  }

  /** Conference ids for slugs; unknown slugs match nothing. */
  async conferenceIds(slugs: string[]): Promise<number[]> {
    if (!slugs.length) return [];
    const rows = await this.dataSource
      .getRepository(Conference)
      .createQueryBuilder("c")
      .select("c.id")
      .where("c.slug IN (:...slugs)", { slugs })
      .getMany();
    return rows.map(r => r.id);
  }

  private after(conferenceId: number, version: number, limit: number) {
    return this.dataSource
      .getRepository(ScheduleChange)
      .createQueryBuilder("sc")
      .where("sc.conference_id = :conferenceId AND sc.schedule_version > :version", {
        conferenceId,
        version,
      })
      .orderBy("sc.schedule_version", "ASC")
      .limit(limit)
      .getMany();
  }

  /** The version a conference had at `since`: one less than its first change after it. */
  private async versionBefore(conferenceId: number, since: Date): Promise<number> {
    const column = this.dataSource
      .getMetadata(ScheduleChange)
      .findColumnWithPropertyPath("changedAt")!;
    const first = await this.dataSource
      .getRepository(ScheduleChange)
      .createQueryBuilder("sc")
      .where("sc.conference_id = :conferenceId AND sc.changed_at > :since", {
        conferenceId,
        since: this.dataSource.driver.preparePersistentValue(since, column),
      })
      .orderBy("sc.changed_at", "ASC")
      .addOrderBy("sc.schedule_version", "ASC")
      .limit(1)
      .getOne();
    if (first) return first.scheduleVersion - 1;
    const conference = await this.dataSource
      .getRepository(Conference)
      .findOne({ where: { id: conferenceId }, select: { id: true, scheduleVersion: true } });
    return conference?.scheduleVersion ?? 0;
  }
}

function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new BadUserInputError(
      `Invalid pagination: first must be between 0 and ${MAX_PAGE_SIZE}`,
      [{ field: "first", message: `must be between 0 and ${MAX_PAGE_SIZE}` }],
    );
  }
  return size;
}

const badCursor = () =>
  new BadUserInputError("after: not a cursor from this list", [
    { field: "after", message: "is not a valid cursor" },
  ]);
