import { randomUUID } from "node:crypto";
import net, { type AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { Redis } from "ioredis";
import { deleteRedisKeys, TEST_REDIS_URL } from "../helpers/redis";
import pino from "pino";
import { Role } from "../../entities";
import { loadConfig, type AppConfig } from "../../src/core/config";
import { createApp, type App } from "../../src/server/app";
import { bearer, issueToken } from "../editorial/helpers";
import { startTestServer, type TestServer } from "../helpers/test-server";

const REDIS_URL = TEST_REDIS_URL;

/** Costs 10 × (1 + 1) = 20: ten sessions, each in `nodes`. */
const TWENTY = `{ sessions(first: 10) { nodes { title } } }`;

interface Sent {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
}

async function send(url: string, query: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Sent["body"] };
}

/** The r and t of a RateLimit header. */
function remaining(sent: Sent): { r: number; t: number } {
  const m = /^"default";r=(\d+);t=(\d+)$/.exec(sent.headers.get("ratelimit") ?? "");
  if (!m) throw new Error(`no RateLimit header: ${sent.headers.get("ratelimit")}`);
  return { r: Number(m[1]), t: Number(m[2]) };
}

const from = (ip: string) => ({ "x-forwarded-for": ip });

/** A second app over the same database: another process, as far as the budget can tell. */
async function secondApp(
  config: AppConfig,
  server: TestServer,
): Promise<{ app: App; url: string }> {
  const app = await createApp(config, server.db.dataSource, pino({ level: "silent" }));
  await new Promise<void>(resolve => app.httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = app.httpServer.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}

describe("rate limits: a per-client budget counted in query cost", () => {
  let server: TestServer;
  const budget = {
    points: 50,
    windowSeconds: 60,
    routeCost: 20,
    redisUrl: null,
    redisPrefix: "unused:",
  };

  beforeAll(async () => {
    server = await startTestServer("security_rate_limits", { config: { rateLimit: budget } });
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers every request with the IETF RateLimit-Policy and RateLimit headers", async () => {
    const ok = await send(server.url, TWENTY, from("192.0.2.1"));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("ratelimit-policy")).toBe('"default";q=50;w=60');
    expect(remaining(ok).r).toBe(30);
    expect(remaining(ok).t).toBeGreaterThan(0);
    expect(remaining(ok).t).toBeLessThanOrEqual(60);
    // A refused document has its headers too (and costs 1).
    const refused = await send(server.url, `{ nope }`, from("192.0.2.1"));
    expect(refused.status).toBe(400);
    expect(remaining(refused).r).toBe(29);
  });

  it("gives the headers to answers refused before the limits run: bad token, CSRF, content type, body", async () => {
    const ip = "192.0.2.9";
    expect(remaining(await send(server.url, TWENTY, from(ip))).r).toBe(30);
    const refusals = [
      // An unknown token: 401 from the context, before any plugin.
      fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { ...from(ip), "content-type": "application/json", authorization: "Bearer nope" },
        body: JSON.stringify({ query: "{ __typename }" }),
      }),
      // A simple cross-site GET without a preflight header: Apollo's CSRF refusal.
      fetch(`${server.url}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
        headers: from(ip),
      }),
      // A body the API does not take, and one that is not JSON.
      fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { ...from(ip), "content-type": "text/plain" },
        body: "{ __typename }",
      }),
      fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { ...from(ip), "content-type": "application/json" },
        body: "{ not json",
      }),
    ];
    const answers = await Promise.all(refusals);
    expect(answers.map(a => a.status)).toEqual([401, 400, 415, 400]);
    for (const answer of answers) {
      expect(answer.headers.get("ratelimit-policy")).toBe('"default";q=50;w=60');
      // Read, not spent: what the client had left.
      expect(answer.headers.get("ratelimit")).toMatch(/^"default";r=30;t=\d+$/);
    }
  });

  it("refuses with 429, RATE_LIMITED and Retry-After once the budget is spent, before any SQL", async () => {
    const ip = from("192.0.2.2");
    expect(remaining(await send(server.url, TWENTY, ip)).r).toBe(30);
    expect(remaining(await send(server.url, TWENTY, ip)).r).toBe(10);
    const before = server.db.sql.statements;
    const refused = await send(server.url, TWENTY, ip);
    expect(server.db.sql.statements - before).toBe(0);
    expect(refused.status).toBe(429);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors![0].extensions).toMatchObject({
      code: "RATE_LIMITED",
      cost: 20,
      remaining: 10,
      limit: 50,
    });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.errors![0].extensions!.retryAfterSeconds).toBe(retryAfter);
    // Refused whole, it spent nothing: what still fits runs.
    const small = await send(server.url, `{ sessions(first: 4) { nodes { title } } }`, ip);
    expect(small.status).toBe(200);
    expect(remaining(small).r).toBe(2);
  });

  it("refuses a document costing more than a whole window at once", async () => {
    const big = await send(
      server.url,
      `{ sessions(first: 30) { nodes { title } } }`,
      from("192.0.2.3"),
    );
    expect(big.status).toBe(429);
    expect(remaining(big).r).toBe(50);
  });

  it("feeds and the no-JS embed spend the same budget, with the same headers and 429", async () => {
    const ip = from("192.0.2.5");
    const feed = (p: string) => fetch(`${server.url}${p}`, { headers: ip });
    const first = await feed("/calendar/conference/pyworks-2008.ics");
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-policy")).toBe('"default";q=50;w=60');
    expect(first.headers.get("ratelimit")).toMatch(/^"default";r=30;t=\d+$/);
    expect((await feed("/schedule/pyworks-2008.json")).status).toBe(200);
    const before = server.db.sql.statements;
    const refused = await feed("/embed/sessions?conference=pyworks-2008");
    expect(server.db.sql.statements - before).toBe(0);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe("RATE_LIMITED");
    // The GraphQL endpoint shares the budget: 10 points are left.
    expect((await send(server.url, TWENTY, ip)).status).toBe(429);
  });

  it("counts a token holder by token, not by address", async () => {
    const editor = bearer((await issueToken(server, Role.EDITOR)).token);
    const ip = from("192.0.2.4");
    await send(server.url, TWENTY, ip);
    await send(server.url, TWENTY, ip);
    expect((await send(server.url, TWENTY, ip)).status).toBe(429);
    const withToken = await send(server.url, TWENTY, { ...ip, ...editor });
    expect(withToken.status).toBe(200);
    expect(remaining(withToken).r).toBe(30);
  });
});

describe("rate limits in Redis", () => {
  let server: TestServer;
  let other: { app: App; url: string } | null = null;
  const prefix = `crosstalk-test:${randomUUID()}:`;
  const rateLimit = {
    points: 50,
    windowSeconds: 60,
    routeCost: 20,
    redisUrl: REDIS_URL,
    redisPrefix: prefix,
  };

  beforeAll(async () => {
    server = await startTestServer("security_rate_limits_redis", { config: { rateLimit } });
  });
  afterAll(async () => {
    await other?.app.apollo.stop();
    await server.close();
    await deleteRedisKeys(prefix);
  });

  it("two app instances share one budget", async () => {
    const config = { ...loadConfig({ NODE_ENV: "test" }), database: server.db.config, rateLimit };
    other = await secondApp(config, server);
    const ip = from("198.51.100.77");
    expect(remaining(await send(server.url, TWENTY, ip)).r).toBe(30);
    expect(remaining(await send(other.url, TWENTY, ip)).r).toBe(10);
    const refused = await send(server.url, TWENTY, ip);
    expect(refused.status).toBe(429);
    const refusedThere = await send(other.url, TWENTY, ip);
    expect(refusedThere.status).toBe(429);
    // The counters are Redis keys under the configured prefix.
    const redis = new Redis(REDIS_URL);
    try {
      expect((await redis.keys(`${prefix}*`)).length).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });

  it("keeps answering, and limiting in memory, when Redis cannot be reached", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const config: AppConfig = {
      ...loadConfig({ NODE_ENV: "test" }),
      database: server.db.config,
      // Nothing listens on port 1.
      rateLimit: { ...rateLimit, redisUrl: "redis://127.0.0.1:1" },
    };
    const app = await createApp(config, server.db.dataSource, pino({ level: "warn" }, sink));
    await new Promise<void>(resolve => app.httpServer.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
    try {
      const ip = from("198.51.100.78");
      const first = await send(url, TWENTY, ip);
      expect(first.status).toBe(200);
      expect(remaining(first).r).toBe(30);
      expect((await send(url, TWENTY, ip)).status).toBe(200);
      expect((await send(url, TWENTY, ip)).status).toBe(429);
      const outage = lines.filter(l => l.includes("Redis unreachable"));
      expect(outage).toHaveLength(1);
      expect(outage[0]).not.toContain("redis://");
    } finally {
      await app.apollo.stop();
    }
  });

  it("survives Redis going away mid-run: logs it once and limits in memory", async () => {
    // A TCP proxy in front of Redis, to cut the app off from it without touching Redis.
    const sockets = new Set<net.Socket>();
    const target = new URL(REDIS_URL);
    const proxy = net.createServer(client => {
      const upstream = net.connect(Number(target.port || 6379), target.hostname);
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on("error", drop).on("close", drop);
      upstream.on("error", drop).on("close", drop);
    });
    await new Promise<void>(resolve => proxy.listen(0, "127.0.0.1", resolve));
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const config: AppConfig = {
      ...loadConfig({ NODE_ENV: "test" }),
      database: server.db.config,
      rateLimit: {
        ...rateLimit,
        redisUrl: `redis://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      },
    };
    const app = await createApp(config, server.db.dataSource, pino({ level: "info" }, sink));
    await new Promise<void>(resolve => app.httpServer.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
    try {
      const ip = from("198.51.100.79");
      // Through Redis: the budget is the shared one, already visible to the main server.
      expect(remaining(await send(url, TWENTY, ip)).r).toBe(30);
      expect(remaining(await send(server.url, TWENTY, ip)).r).toBe(10);
      // Redis goes away.
      await new Promise<void>(resolve => {
        proxy.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await send(url, TWENTY, ip));
      // In memory now: a fresh per-process budget of 50, still enforced.
      expect(answers.map(a => a.status)).toEqual([200, 200, 429, 429]);
      for (const a of answers)
        expect(a.headers.get("ratelimit-policy")).toBe('"default";q=50;w=60');
      expect(lines.filter(l => l.includes("Redis unreachable"))).toHaveLength(1);
    } finally {
      await app.apollo.stop();
    }
  });
});
