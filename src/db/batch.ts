import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { MAX_BATCH_KEYS } from "./statement-chunks";

/**
 * Loads the entities linked to many owners through a join table, in one statement per 500 owners:
 * `SELECT target.*, link.owner FROM target JOIN link … WHERE link.owner IN (…)`.
 * Returns each owner's targets in the order given by `orderBy` (on the link row, e.g. position).
 */
export async function loadLinked<T extends ObjectLiteral & { id: number }>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  link: { entity: Function; owner: string; target: string; orderBy?: string },
  ownerIds: readonly number[],
  narrow?: (qb: SelectQueryBuilder<T>) => void,
): Promise<Map<number, T[]>> {
  const result = new Map<number, T[]>(ownerIds.map(id => [id, []]));
  const unique = [...new Set(ownerIds)];
  // At most MAX_BATCH_KEYS owners per statement: callers outside DataLoader pass any number.
  for (let i = 0; i < unique.length; i += MAX_BATCH_KEYS) {
    const owners = unique.slice(i, i + MAX_BATCH_KEYS);
    for (const [owner, targets] of await loadLinkedChunk(
      dataSource,
      target,
      link,
      owners,
      narrow,
    )) {
      result.set(owner, targets);
    }
  }
  return result;
}

/** One statement of loadLinked, for at most MAX_BATCH_KEYS distinct owners. */
async function loadLinkedChunk<T extends ObjectLiteral & { id: number }>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  link: { entity: Function; owner: string; target: string; orderBy?: string },
  ownerIds: readonly number[],
  narrow?: (qb: SelectQueryBuilder<T>) => void,
): Promise<Map<number, T[]>> {
  const result = new Map<number, T[]>(ownerIds.map(id => [id, []]));
  const qb = dataSource
    .getRepository(target)
    .createQueryBuilder("t")
    .innerJoin(link.entity, "l", `l.${link.target} = t.id`)
    .addSelect(`l.${link.owner}`, "__owner")
    .where(`l.${link.owner} IN (:...ownerIds)`, { ownerIds })
    .orderBy(link.orderBy ? `l.${link.orderBy}` : "t.id", "ASC")
    .addOrderBy("t.id", "ASC");
  narrow?.(qb);
  const { raw, entities } = await qb.getRawAndEntities();
  const byId = new Map(entities.map(e => [e.id, e]));
  for (const row of raw as Record<string, unknown>[]) {
    const entity = byId.get(Number(row.t_id));
    if (entity) result.get(Number(row.__owner))?.push(entity);
  }
  return result;
}

/** Orders `rows` to match `keys` (DataLoader's contract); a missing key gets null. */
function alignById<T extends { id: number }>(keys: readonly number[], rows: T[]): (T | null)[] {
  const byId = new Map(rows.map(r => [r.id, r]));
  return keys.map(k => byId.get(k) ?? null);
}

/**
 * Rows by id in one statement, in the order of `ids` (DataLoader's contract): null where a row is
 * missing, or hidden by `narrow` (a visibility rule, say). No ids: no statement.
 */
export async function loadByIds<T extends ObjectLiteral & { id: number }>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  ids: readonly number[],
  narrow?: (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T>,
): Promise<(T | null)[]> {
  if (!ids.length) return [];
  const qb = dataSource
    .getRepository(entity)
    .createQueryBuilder("r")
    .whereInIds([...new Set(ids)]);
  return alignById(ids, await (narrow ? narrow(qb) : qb).getMany());
}

/**
 * The id of the record of kind `entity` with `slug`, or 0 when there is none: a filter on an unknown
 * slug then matches nothing (ids start at 1), which is what list filters promise.
 */
export async function idBySlugOrZero(
  dataSource: DataSource,
  entity: EntityTarget<ObjectLiteral & { id: number; slug: string }>,
  slug: string,
): Promise<number> {
  const row = await dataSource
    .getRepository(entity)
    .findOne({ where: { slug }, select: { id: true } });
  return row?.id ?? 0;
}
