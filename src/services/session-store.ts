import type { Redis } from "ioredis";
import type { DataSource } from "typeorm";
import { AccountSession } from "../../entities";
import { ServiceUnavailableError } from "../core/errors";
import { readPrimary } from "../db/replication";
import { withFields } from "../core/objects";

/** A live Studio session, as a store knows it. */
export interface StoredSession {
  /** The session's id: what `Viewer.sessionId` carries and sign-out ends. */
  sessionId: number;
  accountId: number;
}

/**
 * Where Studio sessions live: the database, or Redis when REDIS_URL is set (`createSessionStore`
 * chooses). A session is known by the SHA-256 of its cookie's secret; the secret itself is never
 * stored. Every method may throw ServiceUnavailableError when the store cannot be reached.
 */
export interface SessionStore {
  /** Records a new session until `expiresAt`; returns its id. */
  open(accountId: number, sessionHash: string, expiresAt: Date): Promise<number>;
  /** The live session with this hash at `now`, or null (unknown, ended or expired). */
  find(sessionHash: string, now: Date): Promise<StoredSession | null>;
  /** Ends one session; true when it was live. */
  end(session: StoredSession, now: Date): Promise<boolean>;
  /** Ends every session of an account; returns how many were live. */
  endAll(accountId: number, now: Date): Promise<number>;
}

/** Where sessions go in Redis: the shared connection and the prefix of every key. */
export interface RedisSessionOptions {
  redis: Redis;
  /** SESSION_REDIS_PREFIX, e.g. `crosstalk:sessions:`. */
  prefix: string;
}

/** The one choice of session store: Redis when given, the database otherwise. */
export function createSessionStore(
  dataSource: DataSource,
  redis: RedisSessionOptions | null | undefined,
): SessionStore {
  return redis
    ? new RedisSessionStore(redis.redis, redis.prefix)
    : new DatabaseSessionStore(dataSource);
}

/** Sessions as rows of `account_session`; ended ones keep their row with `revokedAt` set. */
export class DatabaseSessionStore implements SessionStore {
  constructor(private readonly dataSource: DataSource) {}

  private get rows() {
    return this.dataSource.getRepository(AccountSession);
  }

  async open(accountId: number, sessionHash: string, expiresAt: Date): Promise<number> {
    const saved = await this.rows.save(
      this.rows.create({ accountId, sessionHash, expiresAt, revokedAt: null }),
    );
    return saved.id;
  }

  async find(sessionHash: string, now: Date): Promise<StoredSession | null> {
    // From the primary even with read replicas: an ended session must fail at once.
    const row = await readPrimary(this.dataSource, manager =>
      manager.getRepository(AccountSession).findOneBy({ sessionHash }),
    );
    if (!row || row.revokedAt || row.expiresAt.getTime() <= now.getTime()) return null;
    return { sessionId: row.id, accountId: row.accountId };
  }

  async end(session: StoredSession, now: Date): Promise<boolean> {
    return (await this.revoke("id = :id", { id: session.sessionId }, now)) > 0;
  }

  endAll(accountId: number, now: Date): Promise<number> {
    return this.revoke("account_id = :accountId", { accountId }, now);
  }

  /** Marks the live sessions `where` names as revoked; returns how many there were. */
  private async revoke(where: string, params: Record<string, number>, now: Date) {
    const result = await this.rows
      .createQueryBuilder()
      .update()
      .set({ revokedAt: now })
      .where(`${where} AND revoked_at IS NULL AND expires_at > :now`, withFields(params, { now }))
      .execute();
    return result.affected ?? 0;
  }
}

/** What a session key holds. */
interface RedisSessionValue {
  accountId: number;
  sessionId: number;
  /** Epoch ms; the key's TTL ends it too. */
  expiresAt: number;
}

/**
 * Sessions in Redis. `<prefix>s:<hash>` holds the session (JSON) and expires with it (PXAT);
 * `<prefix>a:<accountId>` is the account's index, a hash of session id → session hash, so that all
 * of an account's sessions can be ended; it lives as long as the account's latest session.
 * `<prefix>seq` numbers the sessions. Ending a session deletes its key: nothing of it remains.
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private sessionKey(hash: string) {
    return `${this.prefix}s:${hash}`;
  }

  private indexKey(accountId: number) {
    return `${this.prefix}a:${accountId}`;
  }

  open(accountId: number, sessionHash: string, expiresAt: Date): Promise<number> {
    return this.guard(async () => {
      const sessionId = await this.redis.incr(`${this.prefix}seq`);
      const value: RedisSessionValue = { accountId, sessionId, expiresAt: expiresAt.getTime() };
      const index = this.indexKey(accountId);
      await this.redis
        .multi()
        .set(this.sessionKey(sessionHash), JSON.stringify(value), "PXAT", expiresAt.getTime())
        .hset(index, String(sessionId), sessionHash)
        // A fresh index gets this expiry (NX); an existing one keeps the later of the two (GT).
        .pexpireat(index, expiresAt.getTime(), "NX")
        .pexpireat(index, expiresAt.getTime(), "GT")
        .exec()
        .then(failedIn);
      await this.prune(accountId);
      return sessionId;
    });
  }

  find(sessionHash: string, now: Date): Promise<StoredSession | null> {
    return this.guard(async () => {
      const raw = await this.redis.get(this.sessionKey(sessionHash));
      if (raw === null) return null;
      const value = JSON.parse(raw) as RedisSessionValue;
      if (value.expiresAt <= now.getTime()) return null;
      return { sessionId: value.sessionId, accountId: value.accountId };
    });
  }

  end(session: StoredSession): Promise<boolean> {
    return this.guard(async () => {
      const index = this.indexKey(session.accountId);
      const hash = await this.redis.hget(index, String(session.sessionId));
      if (hash === null) return false;
      const [deleted] = failedIn(
        await this.redis
          .multi()
          .del(this.sessionKey(hash))
          .hdel(index, String(session.sessionId))
          .exec(),
      );
      return deleted === 1;
    });
  }

  endAll(accountId: number): Promise<number> {
    return this.guard(async () => {
      const index = this.indexKey(accountId);
      const hashes = await this.redis.hvals(index);
      const pipeline = this.redis.multi();
      for (const hash of hashes) pipeline.del(this.sessionKey(hash));
      pipeline.del(index);
      const results = failedIn(await pipeline.exec());
      return results.slice(0, hashes.length).filter(n => n === 1).length;
    });
  }

  /** Drops from an account's index the sessions whose keys have expired. */
  private async prune(accountId: number): Promise<void> {
    const index = this.indexKey(accountId);
    const entries = Object.entries(await this.redis.hgetall(index));
    if (entries.length < 2) return;
    const pipeline = this.redis.pipeline();
    for (const [, hash] of entries) pipeline.exists(this.sessionKey(hash));
    const alive = failedIn(await pipeline.exec());
    const gone = entries.filter((_, i) => alive[i] === 0).map(([id]) => id);
    if (gone.length) await this.redis.hdel(index, ...gone);
  }

  /** Runs Redis work; an unreachable Redis becomes a 503 SERVICE_UNAVAILABLE for the client. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch {
      // The connection reports the outage itself (once); the request gets a clear 503.
      throw new ServiceUnavailableError(
        "Studio sessions cannot be checked now: their store (Redis) is unreachable; try again shortly",
        5,
      );
    }
  }
}

/** The replies of a MULTI or pipeline, or the first command's error thrown. */
function failedIn(results: [Error | null, unknown][] | null): unknown[] {
  if (!results) throw new Error("Redis discarded the transaction");
  for (const [err] of results) if (err) throw err;
  return results.map(([, value]) => value);
}
