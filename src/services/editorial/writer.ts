import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { MutationReceipt, OutboxEvent } from "../../../entities";
import type { RequestContext } from "../../core/context";
import { ConflictError, NotFoundError } from "../../core/errors";
import type { CommittedListener, DomainEvent } from "../../core/events";
import type { NodeTypeName } from "../../core/global-id";
import { isDeadlock } from "../../db/driver-errors";
import {
  indexedProperties,
  isSearchKind,
  reindexRecords,
  type SearchKind,
} from "../../db/search-index";
import { ReferenceCache } from "../reference-cache";
import { isSqlite } from "../../db/engine";
import { withFields } from "../../core/objects";

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
 * How often a write rolled back as a deadlock or a failed certification is tried in all, and the
 * upper bound of the first pause in ms (doubled each time; the pause is drawn at random below it, so
 * that the writers that collided do not collide again in step).
 */
export const WRITE_RETRY = { attempts: 6, firstPauseMs: 20 };

/** The pause before retry number `attempt` (1-based): full jitter under an exponential bound. */
export function retryPauseMs(attempt: number): number {
  return Math.random() * WRITE_RETRY.firstPauseMs * 2 ** (attempt - 1);
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
  /** The events emitted inside each open transaction, keyed by its manager. */
  private readonly pending = new WeakMap<EntityManager, DomainEvent[]>();
  /**
   * The records whose searchable text each open transaction changed, keyed by its manager: by kind,
   * each id with whether the transaction created it.
   */
  private readonly searchChanges = new WeakMap<
    EntityManager,
    Map<SearchKind, Map<number, boolean>>
  >();
  private readonly listeners: CommittedListener[] = [];
  /** Where a listener's exception goes (it never fails the write that already committed). */
  listenerError: (err: unknown) => void = err => console.error("committed-event listener", err);

  constructor(
    readonly dataSource: DataSource,
    /** Reference data the writers drop after a commit that changes it. */
    readonly references: ReferenceCache = new ReferenceCache(),
  ) {}

  /**
   * Runs `work` in one transaction. A stale version found inside becomes CONFLICT with the row's
   * current version (read after the rollback, so MySQL's snapshot does not hide the winner's write).
   *
   * A transaction the server rolled back as a deadlock (1213) — on a Galera cluster also a write that
   * failed certification against another node's commit — is run again, whole, up to
   * WRITE_RETRY.attempts times in all with a short jittered pause; `work` must therefore do nothing
   * outside the manager it is given. Still failing, it ends as CONFLICT, never as an internal error.
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(work);
      } catch (err) {
        if (!isDeadlock(err)) throw err;
        if (attempt >= WRITE_RETRY.attempts) {
          throw new ConflictError(
            "Concurrent writes to the same records kept conflicting with this one, so it was not stored; try again",
            { reason: "WRITE_CONFLICT", attempts: attempt },
          );
        }
        await new Promise(resolve => setTimeout(resolve, retryPauseMs(attempt)));
      }
    }
  }

  /**
   * One attempt of `transaction`: the version and slug checks mapped to CONFLICT. Its domain events
   * are collected afresh and published only once this attempt has committed.
   */
  private async attempt<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    let events: DomainEvent[] = [];
    const tracked = async (manager: EntityManager) => {
      events = [];
      this.pending.set(manager, events);
      const changed = new Map<SearchKind, Map<number, boolean>>();
      this.searchChanges.set(manager, changed);
      const result = await work(manager);
      // The search index commits (or rolls back) with the text it indexes.
      for (const [kind, ids] of changed) {
        for (const created of [true, false]) {
          const some = [...ids].filter(([, c]) => c === created).map(([id]) => id);
          if (some.length) await reindexRecords(manager, kind, some, created);
        }
      }
      return result;
    };
    try {
      let result: T;
      if (!isSqlite(this.dataSource)) {
        result = await this.dataSource.transaction(tracked);
      } else {
        const run = this.queue.then(() => this.dataSource.transaction(tracked));
        this.queue = run.catch(() => undefined);
        result = await run;
      }
      // Committed: only now do the events leave the process's write path.
      this.publish(events);
      return result;
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
   * Records a domain event as part of the transaction `manager` belongs to: its outbox row commits
   * or rolls back with the write, and the listeners hear of it only after the commit.
   */
  async emit(manager: EntityManager, event: DomainEvent): Promise<void> {
    const events = this.pending.get(manager);
    if (!events) throw new Error("Writer.emit needs the manager of a Writer.transaction");
    await manager.insert(OutboxEvent, {
      eventId: event.id,
      type: event.type,
      conferenceIds: event.conferenceIds,
      payload: JSON.stringify(event),
    });
    events.push(event);
  }

  /**
   * Records that the searchable text of a session, person or article (or a translation of it, or
   * whether the public sees it) was created, changed or deleted in the transaction `manager`
   * belongs to: its search index rows are rewritten from what the transaction holds just before it
   * commits (see src/db/search-index.ts). `created`: the transaction inserted the record.
   */
  reindexSearch(manager: EntityManager, kind: SearchKind, id: number, created = false): void {
    const changed = this.searchChanges.get(manager);
    if (!changed) throw new Error("Writer.reindexSearch needs the manager of a Writer.transaction");
    let ids = changed.get(kind);
    if (!ids) changed.set(kind, (ids = new Map()));
    ids.set(id, created || (ids.get(id) ?? false));
  }

  /** Registers a listener for the events of every committed transaction (in emit order). */
  onCommitted(listener: CommittedListener): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  private publish(events: DomainEvent[]): void {
    if (!events.length) return;
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch (err) {
        this.listenerError(err);
      }
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
      .set(withFields(values, { version: () => "version + 1" }) as never)
      .where("id = :id AND version = :version", { id, version })
      .execute();
    if (result.affected !== 1) throw new StaleVersion(entity, typeName, id, version);
    if (isSearchKind(typeName) && indexedProperties(typeName).some(f => f in values)) {
      this.reindexSearch(manager, typeName, id);
    }
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
