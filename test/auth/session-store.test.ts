import { createHash, randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { deleteRedisKeys, TEST_REDIS_URL } from "../helpers/redis";
import pino from "pino";
import { Role } from "../../entities";
import { DEFAULT_ACCOUNT_CONFIG, loadConfig } from "../../src/core/config";
import { LOCAL_OPERATOR, type RequestContext, type Viewer } from "../../src/core/context";
import { connectRedis } from "../../src/server/rate-limit";
import { AccountService } from "../../src/services/account.service";
import { createSessionStore, type SessionStore } from "../../src/services/session-store";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { bearer, issueToken } from "../editorial/helpers";

// Studio sessions live in the database, or in Redis when REDIS_URL is set (issue 14). The same tests
// run over both stores; the Redis one writes under a key prefix of its own, deleted afterwards.

const REDIS_URL = TEST_REDIS_URL;
const PASSWORD = "a long enough passphrase";
const CSRF = { "apollo-require-preflight": "true" };
const log = pino({ level: "silent" });
const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
/** At least `seconds` from now, to the second (MySQL keeps session instants to the second). */
const wholeSecondsFromNow = (seconds: number) =>
  new Date(Math.ceil(Date.now() / 1000) * 1000 + seconds * 1000);

describe.each(["database", "Redis"] as const)("Studio sessions, %s store", kind => {
  let db: TestDatabase;
  let redis: Redis | null = null;
  const prefix = `crosstalk_test:sessions:${randomUUID()}:`;
  let store: SessionStore;
  let accounts: AccountService;
  let nextEmail = 1;

  const ctx = (viewer: Viewer = LOCAL_OPERATOR, now = new Date()): RequestContext => ({
    viewer,
    now,
    log,
  });

  /** A new account with a password; its id. */
  async function account(role = Role.EDITOR): Promise<{ id: number; email: string }> {
    const email = `person${nextEmail++}@sessions.test`;
    const { account } = await accounts.create(ctx(), {
      email,
      displayName: email,
      role,
      password: PASSWORD,
    });
    return { id: account.id, email };
  }

  async function signIn(email: string): Promise<string> {
    return (await accounts.signIn(ctx(), email, PASSWORD)).sessionSecret;
  }

  beforeAll(async () => {
    db = await createTestDatabase(`auth_session_store_${kind.toLowerCase()}`, { seed: false });
    redis = kind === "Redis" ? new Redis(REDIS_URL) : null;
    store = createSessionStore(db.dataSource, redis ? { redis, prefix } : null);
    accounts = new AccountService(db.dataSource, store, {
      ...DEFAULT_ACCOUNT_CONFIG,
      sessionTtlHours: 1,
    });
  });
  afterAll(async () => {
    await deleteRedisKeys(prefix);
    redis?.disconnect();
    await db.drop();
  });

  it("signs in to a session that holds until it expires, then is gone", async () => {
    const { id, email } = await account();
    const secret = await signIn(email);
    const now = new Date();
    expect(await accounts.authenticate(secret, now)).toMatchObject({
      role: "EDITOR",
      accountId: id,
      sessionId: expect.any(Number),
      scope: null,
    });
    // An hour later (SESSION_TTL_HOURS=1) it has expired.
    expect(await accounts.authenticate(secret, new Date(now.getTime() + 3601_000))).toBeNull();

    const rows = await db.dataSource.query("SELECT session_hash FROM account_session");
    if (redis) {
      // In Redis, and only there: the key expires with the session.
      expect(rows).toEqual([]);
      const ttl = await redis.pttl(`${prefix}s:${sha256(secret)}`);
      expect(ttl).toBeGreaterThan(3500_000);
      expect(ttl).toBeLessThanOrEqual(3600_000);
    } else {
      expect(rows.map((r: { session_hash: string }) => r.session_hash)).toContain(sha256(secret));
    }

    // A session that expires for real: not found once its time has passed.
    const hash = sha256(`short-${randomUUID()}`);
    const soon = wholeSecondsFromNow(2);
    await store.open(id, hash, soon);
    expect(await store.find(hash, new Date())).toMatchObject({ accountId: id });
    await sleep(soon.getTime() - Date.now() + 200);
    expect(await store.find(hash, new Date())).toBeNull();
    if (redis) expect(await redis.exists(`${prefix}s:${hash}`)).toBe(0);
  });

  it("signs out one session and leaves the account's others", async () => {
    const { email } = await account();
    const [first, second] = [await signIn(email), await signIn(email)];
    const viewer = (await accounts.authenticate(first, new Date()))!;
    expect(await accounts.signOut(ctx(viewer))).toBe(true);
    expect(await accounts.authenticate(first, new Date())).toBeNull();
    expect(await accounts.authenticate(second, new Date())).not.toBeNull();
    // Signing out twice ends nothing more; a malformed secret is refused without a lookup.
    expect(
      await store.end({ sessionId: viewer.sessionId!, accountId: viewer.accountId! }, new Date()),
    ).toBe(false);
    expect(await accounts.authenticate("cts_not-a-secret", new Date())).toBeNull();
  });

  it("revokes all of an account's sessions, and disabling an account ends its sessions", async () => {
    const admin = await account(Role.ADMIN);
    const adminViewer = (await accounts.authenticate(await signIn(admin.email), new Date()))!;
    const a = await account();
    const b = await account();
    const aSessions = [await signIn(a.email), await signIn(a.email)];
    const bSession = await signIn(b.email);

    expect(await accounts.revokeSessions(ctx(adminViewer), a.id)).toBe(2);
    for (const secret of aSessions)
      expect(await accounts.authenticate(secret, new Date())).toBeNull();
    expect(await accounts.authenticate(bSession, new Date())).not.toBeNull();
    expect(await accounts.revokeSessions(ctx(adminViewer), a.id)).toBe(0);
    if (redis) expect(await redis.exists(`${prefix}a:${a.id}`)).toBe(0);

    // Its holder may end their own sessions.
    const bViewer = (await accounts.authenticate(bSession, new Date()))!;
    const bOther = await signIn(b.email);
    expect(await accounts.revokeSessions(ctx(bViewer), b.id)).toBe(2);
    expect(await accounts.authenticate(bOther, new Date())).toBeNull();

    const c = await account();
    const cSession = await signIn(c.email);
    await accounts.disable(ctx(adminViewer), c.id);
    expect(await accounts.authenticate(cSession, new Date())).toBeNull();
    // The admin's own session is untouched by all this.
    expect(await accounts.authenticate(await signIn(admin.email), new Date())).not.toBeNull();
  });

  it("keeps an account's index to its live sessions", async () => {
    const { id } = await account();
    const hashes = [sha256(randomUUID()), sha256(randomUUID())];
    const soon = wholeSecondsFromNow(2);
    await store.open(id, hashes[0], soon);
    await sleep(soon.getTime() - Date.now() + 200);
    await store.open(id, hashes[1], wholeSecondsFromNow(60));
    expect(await store.endAll(id, new Date())).toBe(1);
    if (redis) expect(await redis.exists(`${prefix}a:${id}`)).toBe(0);
  });
});

describe("Studio sessions when Redis cannot be reached", () => {
  it("fails each session operation with SERVICE_UNAVAILABLE instead of crashing", async () => {
    const db = await createTestDatabase("auth_session_store_outage", { seed: false });
    const unreachable = connectRedis("redis://127.0.0.1:1", log, () => false, null);
    try {
      const store = createSessionStore(db.dataSource, { redis: unreachable, prefix: "never:" });
      const accounts = new AccountService(db.dataSource, store, DEFAULT_ACCOUNT_CONFIG);
      const secret = `cts_${"a".repeat(43)}`;
      await expect(accounts.authenticate(secret, new Date())).rejects.toMatchObject({
        extensions: { code: "SERVICE_UNAVAILABLE", http: { status: 503 } },
      });
      for (const attempt of [
        () => store.open(1, sha256("x"), new Date(Date.now() + 60_000)),
        () => store.end({ sessionId: 1, accountId: 1 }, new Date()),
        () => store.endAll(1, new Date()),
      ]) {
        await expect(attempt()).rejects.toMatchObject({
          extensions: { code: "SERVICE_UNAVAILABLE" },
        });
      }
    } finally {
      unreachable.disconnect();
      await db.drop();
    }
  });
});

describe("Studio sessions over HTTP with REDIS_URL", () => {
  const prefix = `crosstalk_test:http:${randomUUID()}:`;
  const base = loadConfig({ NODE_ENV: "test" });

  async function serverWith(name: string, redisUrl: string): Promise<TestServer> {
    const server = await startTestServer(name, {
      seed: false,
      config: {
        rateLimit: { ...base.rateLimit, redisUrl, redisPrefix: `${prefix}rl:` },
        responseCache: { ...base.responseCache, redisPrefix: `${prefix}cache:` },
        accounts: { ...base.accounts, redisPrefix: `${prefix}sessions:` },
      },
    });
    await server.app.services.accounts.create(server.app.createContext(undefined, LOCAL_OPERATOR), {
      email: "admin@sessions.test",
      displayName: "Admin",
      role: Role.ADMIN,
      password: PASSWORD,
    });
    return server;
  }

  afterAll(() => deleteRedisKeys(prefix));

  it("keeps sessions in Redis: sign-in, requests, sign-out", async () => {
    const server = await serverWith("auth_sessions_redis_http", REDIS_URL);
    try {
      const signed = await server.gql(
        `mutation { signIn(email: "admin@sessions.test", password: "${PASSWORD}") { expiresAt } }`,
      );
      expect(signed.errors).toBeUndefined();
      const pair = signed.headers.getSetCookie()[0].split(";")[0];
      const cookie = { cookie: pair, ...CSRF };
      expect((await server.gql(`{ me { email } }`, {}, cookie)).data).toEqual({
        me: { email: "admin@sessions.test" },
      });
      expect(await server.db.dataSource.query("SELECT id FROM account_session")).toEqual([]);
      const redis = new Redis(REDIS_URL);
      try {
        expect(await redis.keys(`${prefix}sessions:s:*`)).toHaveLength(1);
      } finally {
        redis.disconnect();
      }
      expect((await server.gql(`mutation { signOut }`, {}, cookie)).data).toEqual({
        signOut: true,
      });
      const after = await server.gql(`{ me { email } }`, {}, cookie);
      expect(after.status).toBe(401);
      expect(after.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    } finally {
      await server.close();
    }
  });

  it("answers cookie requests 503 while Redis is away; anonymous and token requests still work", async () => {
    const server = await serverWith("auth_sessions_redis_down", "redis://127.0.0.1:1");
    try {
      const cookie = { cookie: `crosstalk_session=cts_${"b".repeat(43)}`, ...CSRF };
      const refused = await server.gql(`{ me { email } }`, {}, cookie);
      expect(refused.status).toBe(503);
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: "SERVICE_UNAVAILABLE",
        retryAfterSeconds: expect.any(Number),
      });
      expect(refused.errors?.[0].message).toMatch(/sessions/i);
      const signIn = await server.gql(
        `mutation { signIn(email: "admin@sessions.test", password: "${PASSWORD}") { expiresAt } }`,
      );
      expect(signIn.errors?.[0].extensions?.code).toBe("SERVICE_UNAVAILABLE");

      const anonymous = await server.gql(`{ viewer { role } }`);
      expect(anonymous.status).toBe(200);
      expect(anonymous.data).toEqual({ viewer: { role: null } });
      // Without the CSRF header the cookie is ignored, so the request is anonymous and answered.
      const noCsrf = await server.gql(`{ viewer { role } }`, {}, { cookie: cookie.cookie });
      expect(noCsrf.data).toEqual({ viewer: { role: null } });
      const token = bearer((await issueToken(server, Role.EDITOR)).token);
      const withToken = await server.gql(`{ viewer { role } }`, {}, token);
      expect(withToken.data).toEqual({ viewer: { role: "EDITOR" } });
    } finally {
      await server.close();
    }
  });
});
