import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { MutationReceipt, Role } from "../../../entities";
import { roleIncludes } from "../../core/roles";
import type { RequestContext } from "../../core/context";
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  type FieldProblem,
} from "../../core/errors";
import { fromGlobalIdOf, type NodeTypeName } from "../../core/global-id";

/** The one slug shape every kind uses: lowercase words of letters and digits joined by hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The service-side role check (the GraphQL layer checks first; this is the backstop, so a service
 * called from anywhere still refuses). Anonymous: UNAUTHENTICATED; too small a role: FORBIDDEN.
 */
export function assertRole(ctx: RequestContext, role: Role, what: string): void {
  if (ctx.viewer.role === null) throw new UnauthenticatedError(`${what} needs a bearer token`);
  if (!roleIncludes(ctx.viewer.role, role)) {
    throw new ForbiddenError(`${what} needs the ${role} role; your token is ${ctx.viewer.role}`);
  }
}

/** Collects every problem with an input, then fails once with all of them (BAD_USER_INPUT). */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  throwIfAny(): void {
    if (this.list.length) {
      throw new BadUserInputError(
        `Invalid input: ${this.list.map(p => `${p.field} ${p.message}`).join("; ")}`,
        this.list,
      );
    }
  }
}

/** Turns a title or name into a slug: ASCII-folded, lowercased, runs of anything else to one hyphen. */
export function slugify(text: string, maxLength: number): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, maxLength).replace(/-+$/g, "");
}

/** A write whose row changed (or vanished) since the client read it; see Writer.transaction. */
class StaleVersion extends Error {
  constructor(
    readonly entity: EntityTarget<ObjectLiteral>,
    readonly typeName: string,
    readonly id: number,
    readonly expected: number,
  ) {
    super(`${typeName} ${id} is not at version ${expected}`);
  }
}

/** True when `err` is a unique-index violation on either engine (optionally of one named index). */
export function isUniqueViolation(err: unknown, index?: string): boolean {
  const e = err as { driverError?: { code?: string; message?: string }; code?: string };
  const code = e?.driverError?.code ?? e?.code;
  const unique = code === "ER_DUP_ENTRY" || code === "SQLITE_CONSTRAINT_UNIQUE";
  if (!unique || !index) return unique;
  // MySQL names the index (uq_mutation_receipt); SQLite names the columns (mutation_receipt.scope).
  return String(e?.driverError?.message ?? (err as Error).message ?? "").includes(index);
}

/**
 * Runs writes. Every multi-row write goes through `transaction`, using only the manager it is given.
 *
 * On SQLite, TypeORM's better-sqlite3 driver shares one connection, so two overlapping
 * `dataSource.transaction` calls would nest as savepoints of one transaction. The writer therefore
 * queues its transactions one after another on SQLite (MySQL runs them concurrently, each on its own
 * pooled connection, and row locks order them).
 */
export class Writer {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one transaction. A stale version found inside becomes CONFLICT with the row's
   * current version (read after the rollback, so MySQL's snapshot does not hide the winner's write).
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      if (this.dataSource.options.type !== "better-sqlite3") {
        return await this.dataSource.transaction(work);
      }
      const run = this.queue.then(() => this.dataSource.transaction(work));
      this.queue = run.catch(() => undefined);
      return await run;
    } catch (err) {
      if (err instanceof StaleVersion) {
        const row = await this.dataSource
          .getRepository(err.entity)
          .findOne({ where: { id: err.id }, select: { id: true, version: true } });
        if (!row) throw new NotFoundError(err.typeName, err.id);
        throw new ConflictError(
          `${err.typeName} was changed by someone else: you sent version ${err.expected}, it is now at ${row.version}. Read it again and reapply your change.`,
          { currentVersion: row.version, yourVersion: err.expected },
        );
      }
      if (isUniqueViolation(err) && !isUniqueViolation(err, "mutation_receipt")) {
        // Two writers took the same slug at the same moment; the checks before the insert passed.
        throw new ConflictError(
          "Another record with the same slug was written at the same moment; try again",
          { field: "slug" },
        );
      }
      throw err;
    }
  }

  /**
   * The optimistic-lock write: `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`,
   * with the affected-row count checked (TypeORM fills `affected` on both better-sqlite3 and mysql2).
   */
  async updateVersioned<T extends ObjectLiteral>(
    manager: EntityManager,
    entity: EntityTarget<T>,
    typeName: NodeTypeName,
    id: number,
    version: number,
    values: Record<string, unknown>,
  ): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(entity)
      .set({ ...values, version: () => "version + 1" } as never)
      .where("id = :id AND version = :version", { id, version })
      .execute();
    if (result.affected !== 1) throw new StaleVersion(entity, typeName, id, version);
  }

  /** Bumps the version of rows whose links changed under them (e.g. a person detached). */
  async touch(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, ids: number[]) {
    if (!ids.length) return;
    await manager
      .createQueryBuilder()
      .update(entity)
      .set({ version: () => "version + 1" })
      .where("id IN (:...ids)", { ids })
      .execute();
  }

  /**
   * A create that may be retried: with a `clientMutationId`, the first attempt records its result in
   * `mutation_receipt` (same transaction) and every repeat returns that result. `before` runs only
   * for a first attempt (the comment rate limit), inside the transaction.
   */
  async createOnce(
    ctx: RequestContext,
    mutation: string,
    clientMutationId: string | null | undefined,
    create: (manager: EntityManager) => Promise<number>,
    before?: () => void,
  ): Promise<{ id: number; replayed: boolean }> {
    if (!clientMutationId) {
      before?.();
      return { id: await this.transaction(create), replayed: false };
    }
    const scope = receiptScope(ctx, mutation);
    const find = (manager: EntityManager) =>
      manager.getRepository(MutationReceipt).findOneBy({ scope, clientMutationId });
    try {
      return await this.transaction(async manager => {
        const receipt = await find(manager);
        if (receipt) return { id: receipt.resultId, replayed: true };
        before?.();
        const id = await create(manager);
        await manager.insert(MutationReceipt, { scope, clientMutationId, resultId: id });
        return { id, replayed: false };
      });
    } catch (err) {
      // Two first attempts at once: the loser hits a unique index (the receipt's, or a slug the
      // winner took, reported as a CONFLICT); either way the winner's receipt is the answer.
      if (isUniqueViolation(err) || err instanceof ConflictError) {
        const receipt = await find(this.dataSource.manager);
        if (receipt) return { id: receipt.resultId, replayed: true };
      }
      throw err;
    }
  }

  /** Forgets the receipts that point at a deleted row, so a retry does not return a ghost. */
  async forgetReceipts(manager: EntityManager, mutation: string, resultIds: number[]) {
    if (!resultIds.length) return;
    await manager
      .createQueryBuilder()
      .delete()
      .from(MutationReceipt)
      .where("scope LIKE :scope AND result_id IN (:...resultIds)", {
        scope: `${mutation}|%`,
        resultIds,
      })
      .execute();
  }
}

/** Receipts are per mutation and per client: the token, else the anonymous caller's IP. */
export function receiptScope(ctx: RequestContext, mutation: string): string {
  const who =
    ctx.viewer.tokenId !== null
      ? `token:${ctx.viewer.tokenId}`
      : ctx.viewer.role !== null
        ? "local"
        : `ip:${ctx.clientIp ?? "unknown"}`;
  return `${mutation}|${who}`.slice(0, 120);
}

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

/**
 * The slug to store: the one given (checked for format and, excluding `selfId`, uniqueness —
 * a taken slug is CONFLICT), or one made from `source`, with `-2`, `-3`, … added when taken.
 */
export async function chooseSlug(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  kind: string,
  given: string | null | undefined,
  source: string,
  maxLength: number,
  problems: Problems,
  selfId?: number,
): Promise<string> {
  const repo = manager.getRepository(entity);
  if (given != null) {
    if (!SLUG_PATTERN.test(given) || given.length > maxLength) {
      problems.add(
        "slug",
        `must be 1 to ${maxLength} lowercase letters, digits and single hyphens (e.g. intro-to-git)`,
      );
      return given;
    }
    const clash = await repo
      .createQueryBuilder("r")
      .select("r.id", "id")
      .where("r.slug = :slug", { slug: given })
      .getRawOne<{ id: number }>();
    if (clash && Number(clash.id) !== selfId) {
      throw new ConflictError(`Another ${kind} already has the slug "${given}"`, {
        field: "slug",
      });
    }
    return given;
  }
  const base = slugify(source, maxLength - 4) || kind.toLowerCase();
  const taken = new Set(
    (
      await repo
        .createQueryBuilder("r")
        .select("r.slug", "slug")
        .where("r.slug = :base OR r.slug LIKE :like", { base, like: `${base}-%` })
        .getRawMany<{ slug: string }>()
    ).map(r => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

/** Copies the keys of `input` that were given (not undefined). */
export function given<T extends object, K extends keyof T>(
  input: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (input[key] !== undefined) out[key] = input[key];
  return out;
}

export { Role };
