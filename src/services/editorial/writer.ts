import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { MutationReceipt } from "../../../entities";
import type { RequestContext } from "../../core/context";
import { ConflictError, NotFoundError } from "../../core/errors";
import type { NodeTypeName } from "../../core/global-id";
import { ReferenceCache } from "../reference-cache";

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

  constructor(
    readonly dataSource: DataSource,
    /** Reference data the writers drop after a commit that changes it. */
    readonly references: ReferenceCache = new ReferenceCache(),
  ) {}

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

/** Receipts are per mutation and per client: the token or account, else the anonymous caller's IP. */
export function receiptScope(ctx: RequestContext, mutation: string): string {
  const who =
    ctx.viewer.tokenId !== null
      ? `token:${ctx.viewer.tokenId}`
      : ctx.viewer.accountId !== undefined
        ? `account:${ctx.viewer.accountId}`
        : ctx.viewer.role !== null
          ? "local"
          : `ip:${ctx.clientIp ?? "unknown"}`;
  return `${mutation}|${who}`.slice(0, 120);
}
