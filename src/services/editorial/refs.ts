import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { NotFoundError } from "../../core/errors";
import { fromGlobalIdOf, type NodeTypeName } from "../../core/global-id";
import type { Problems } from "./input";

/** The row with this id, or NOT_FOUND. */
export async function mustFind<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  typeName: NodeTypeName,
  id: number,
): Promise<T> {
  const row = await manager.getRepository(entity).findOneBy({ id } as never);
  if (!row) throw new NotFoundError(typeName, id);
  return row;
}

/**
 * Decodes global ids of one type and checks that each exists, recording a problem for each that is
 * malformed, of another type, repeated or unknown. Returns the numeric ids in the given order.
 */
export async function resolveRefs(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  typeName: NodeTypeName,
  globalIds: readonly string[],
  field: string,
  problems: Problems,
): Promise<number[]> {
  const ids: number[] = [];
  globalIds.forEach((globalId, i) => {
    const name = `${field}[${i}]`;
    try {
      const id = fromGlobalIdOf(typeName, globalId, name);
      if (ids.includes(id)) problems.add(name, "is listed twice");
      else ids.push(id);
    } catch {
      problems.add(name, `must be a ${typeName} id`);
    }
  });
  if (!ids.length) return ids;
  const rows: { id: number }[] = await manager
    .getRepository(entity)
    .createQueryBuilder("r")
    .select("r.id", "id")
    .where("r.id IN (:...ids)", { ids })
    .getRawMany();
  const found = new Set(rows.map(r => Number(r.id)));
  globalIds.forEach((globalId, i) => {
    try {
      const id = fromGlobalIdOf(typeName, globalId);
      if (!found.has(id)) problems.add(`${field}[${i}]`, `no ${typeName} has this id`);
    } catch {
      // already reported
    }
  });
  return ids;
}

/** One reference (a single id field). */
export async function resolveRef(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  typeName: NodeTypeName,
  globalId: string,
  field: string,
  problems: Problems,
): Promise<number> {
  const problemsBefore = problems.list.length;
  const [id] = await resolveRefs(manager, entity, typeName, [globalId], field, problems);
  // Report a single field as `field`, not `field[0]`.
  for (const p of problems.list.slice(problemsBefore)) p.field = field;
  return id ?? 0;
}
