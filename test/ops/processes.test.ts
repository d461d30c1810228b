import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { PROJECT_ROOT } from "../../src/core/paths";
import { FAULTS_ENABLED, freePort } from "../faults/private-mariadb";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

/**
 * Several real Crosstalk processes (`node dist/src/server/main.js`, compiled once into a private
 * folder under dist/) on one MariaDB database and one Redis: what one process learns or writes, the
 * other knows at once; and a Redis that stops under load leaves both up and answering as the README
 * documents ("Operations: Redis"). MySQL pass only: SQLite is one process's embedded file.
 */
const describeProcesses = FAULTS_ENABLED ? describe : describe.skip;

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Polls `check` until it returns a value other than undefined (at most `ms`). */
async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

interface Proc {
  name: string;
  url: string;
  child: ChildProcess;
  stdout: () => string;
}

interface Answer {
  status: number;
  headers: { get(name: string): string | null };
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/**
 * One HTTP exchange on a connection of its own (no keep-alive pool, whose idle sockets the server
 * may close under a later request), within 20 s.
 */
function exchange(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Answer["headers"]; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? "GET", headers: options.headers, agent: false, timeout: 20_000 },
      res => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", chunk => (text += chunk));
        res.on("error", reject);
        res.on("end", () => {
          const raw = res.headers;
          resolve({
            status: res.statusCode ?? 0,
            headers: { get: name => (raw[name.toLowerCase()] as string | undefined) ?? null },
            text,
          });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer from ${url} within 20 s`)));
    req.on("error", reject);
    req.end(options.body);
  });
}

async function answer(url: string, options: Parameters<typeof exchange>[1]): Promise<Answer> {
  const res = await exchange(url, options);
  try {
    return { status: res.status, headers: res.headers, body: JSON.parse(res.text) };
  } catch {
    throw new Error(`${url}: ${res.status} ${res.text.slice(0, 200)}`);
  }
}

/** One client address per call site, so that budgets do not mix (TRUST_PROXY is loopback). */
let nextClient = 1;
const client = () => ({ "x-forwarded-for": `198.51.100.${nextClient++}` });

async function post(
  proc: Proc,
  query: string,
  headers: Record<string, string> = {},
  extensions?: unknown,
): Promise<Answer> {
  return answer(`${proc.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, extensions }),
  });
}

/** A GET by hash only (a persisted query), or of a query's text. */
async function get(
  proc: Proc,
  params: { query?: string; hash?: string },
  headers: Record<string, string> = {},
): Promise<Answer> {
  const search = new URLSearchParams();
  if (params.query) search.set("query", params.query);
  if (params.hash) {
    search.set(
      "extensions",
      JSON.stringify({ persistedQuery: { version: 1, sha256Hash: params.hash } }),
    );
  }
  return answer(`${proc.url}/graphql?${search}`, {
    headers: { "x-apollo-operation-name": "test", ...headers },
  });
}

const remaining = (a: Answer) =>
  Number(/;r=(\d+)/.exec(a.headers.get("ratelimit") ?? "")?.[1] ?? Number.NaN);

/** SQL statements a process has run, from its /metrics. */
async function statements(proc: Proc): Promise<number> {
  const { text } = await exchange(`${proc.url}/metrics`);
  let total = 0;
  for (const line of text.split("\n")) {
    const m = /^crosstalk_sql_statements_total(?:\{[^}]*\})? (\S+)$/.exec(line);
    if (m) total += Number(m[1]);
  }
  return total;
}

const TOPICS = `{ topics { slug name } }`;

describeProcesses("several Crosstalk processes on one MySQL and one Redis", () => {
  let buildDir = "";
  let tmp = "";
  let db: TestDatabase;
  let editor = "";
  const running: Proc[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crosstalk-processes-"));
    fs.mkdirSync(path.join(PROJECT_ROOT, "dist"), { recursive: true });
    buildDir = fs.mkdtempSync(path.join(PROJECT_ROOT, "dist", ".test-processes-"));
    const compile = new Promise<void>((resolve, reject) => {
      const tsc = spawn(
        process.execPath,
        [
          path.join(PROJECT_ROOT, "node_modules", "typescript", "bin", "tsc"),
          "-p",
          "tsconfig.build.json",
          "--outDir",
          path.join(buildDir, "dist"),
        ],
        { cwd: PROJECT_ROOT, stdio: "pipe" },
      );
      tsc.on("exit", code => (code === 0 ? resolve() : reject(new Error(`tsc exited ${code}`))));
    });
    const [, database] = await Promise.all([
      compile,
      createTestDatabase("processes", { seed: true }),
    ]);
    db = database;
    const token = spawnSync(
      process.execPath,
      [
        path.join(buildDir, "dist", "src", "cli", "create-token.js"),
        "--role",
        "editor",
        "--name",
        "processes test",
      ],
      {
        cwd: tmp,
        env: { PATH: process.env.PATH, DATABASE_URL: db.config.url },
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    if (token.status !== 0) throw new Error(`token:create failed: ${token.stderr}`);
    editor = token.stdout.trim();
  }, 240_000);

  afterAll(async () => {
    await Promise.all(running.map(stop));
    await db?.drop();
    if (buildDir) fs.rmSync(buildDir, { recursive: true, force: true });
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }, 60_000);

  const auth = () => ({ authorization: `Bearer ${editor}` });

  async function start(name: string, env: Record<string, string>): Promise<Proc> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [path.join(buildDir, "dist", "src", "server", "main.js")],
      {
        cwd: tmp,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: "production",
          HOST: "127.0.0.1",
          PORT: String(port),
          DATABASE_URL: db.config.url as string,
          MIGRATE_ON_START: "false",
          SEED_ON_START: "false",
          LOG_LEVEL: "info",
          ...env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout!.on("data", d => (out += d));
    child.stderr!.on("data", d => (out += d));
    const proc = { name, url: `http://127.0.0.1:${port}`, child, stdout: () => out };
    running.push(proc);
    await until(
      `${name} to serve`,
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited ${child.exitCode}: ${out}`);
        return out.includes("Crosstalk is serving") ? true : undefined;
      },
      60_000,
    );
    return proc;
  }

  async function stop(proc: Proc) {
    const { child } = proc;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise(resolve => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await gone;
    clearTimeout(timer);
  }

  const count = (proc: Proc, text: string) => proc.stdout().split(text).length - 1;

  describe("two processes, one truth", () => {
    const prefix = `crosstalk-test-${process.pid}-${Date.now()}:`;
    let a: Proc;
    let b: Proc;

    beforeAll(async () => {
      const env = {
        REDIS_URL,
        RATE_LIMIT_REDIS_PREFIX: `${prefix}rl:`,
        CACHE_REDIS_PREFIX: `${prefix}cache:`,
        RATE_LIMIT_POINTS: "100",
      };
      [a, b] = await Promise.all([start("A", env), start("B", env)]);
    }, 120_000);

    afterAll(async () => {
      await Promise.all([a, b].filter(Boolean).map(stop));
      // Every key this describe made, in the shared Redis.
      const redis = new Redis(REDIS_URL, { lazyConnect: true });
      try {
        await redis.connect();
        let cursor = "0";
        do {
          const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
          cursor = next;
          if (keys.length) await redis.del(...keys);
        } while (cursor !== "0");
      } finally {
        redis.disconnect();
      }
    }, 60_000);

    it("runs by hash on B a persisted query registered on A", async () => {
      const query = `query Shared${Date.now()} { topics { slug } }`;
      const hash = sha256(query);
      const before = await get(b, { hash }, client());
      expect(before.body.errors?.[0].extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
      const registered = await post(a, query, client(), {
        persistedQuery: { version: 1, sha256Hash: hash },
      });
      expect(registered.status).toBe(200);
      // Apollo stores the hash without holding the answer for it: allow the write a moment.
      const onB = await until("B to know the hash", async () => {
        const res = await get(b, { hash }, client());
        return res.body.errors ? undefined : res;
      });
      expect(onB.status).toBe(200);
      expect(onB.body.data?.topics.length).toBeGreaterThan(0);
    });

    it("shares one rate-limit budget", async () => {
      const who = client();
      const first = await post(a, TOPICS, who);
      expect(first.status).toBe(200);
      const cost = 100 - remaining(first);
      expect(cost).toBeGreaterThan(0);
      const second = await post(b, TOPICS, who);
      expect(remaining(second)).toBe(remaining(first) - cost);
      let refused: Answer | null = null;
      for (let i = 0; i < 100 / cost + 2 && !refused; i++) {
        const res = await post(b, TOPICS, who);
        if (res.status === 429) refused = res;
      }
      expect(refused?.body.errors?.[0].extensions?.code).toBe("RATE_LIMITED");
      const onA = await post(a, TOPICS, who);
      expect(onA.status).toBe(429);
      expect(Number(onA.headers.get("retry-after"))).toBeGreaterThan(0);
    });

    it("shows B a write made on A at once, through B's response cache", async () => {
      const query = `{ session(slug: "introduction-to-git") { id title version } }`;
      const who = client();
      await get(b, { query }, who);
      const cached = await get(b, { query }, who);
      expect(cached.headers.get("age")).not.toBeNull(); // served from the shared cache
      const { id, version } = cached.body.data!.session;
      const title = `git across processes ${Date.now()}`;
      const write = await post(
        a,
        `mutation { updateSession(input: { id: "${id}", version: ${version}, title: "${title}" }) { title } }`,
        auth(),
      );
      expect(write.body.errors).toBeUndefined();
      const after = await get(b, { query }, who);
      expect(after.body.data!.session).toMatchObject({ title, version: version + 1 });
    });

    it("drops B's reference data when A changes it", async () => {
      const who = client();
      await post(b, TOPICS, who);
      const before = await statements(b);
      const held = await post(b, TOPICS, who);
      expect(await statements(b)).toBe(before); // B holds the topics: no SQL
      const slug = `shared-topic-${Date.now()}`;
      const created = await post(
        a,
        `mutation { createTopic(input: { slug: "${slug}", name: "Shared ${slug}" }) { slug } }`,
        auth(),
      );
      expect(created.body.errors).toBeUndefined();
      const after = await post(b, TOPICS, who);
      const slugs = (r: Answer) => r.body.data!.topics.map((t: { slug: string }) => t.slug);
      expect(slugs(held)).not.toContain(slug);
      expect(slugs(after)).toContain(slug);
    });
  });

  describe("Redis stops under load", () => {
    let redisDir = "";
    let redisPort = 0;
    let redis: ChildProcess | null = null;
    let a: Proc;
    let b: Proc;

    async function startRedis() {
      const child = spawn(
        "redis-server",
        [
          "--port",
          String(redisPort),
          "--bind",
          "127.0.0.1",
          "--save",
          "",
          "--appendonly",
          "no",
          "--dir",
          redisDir,
        ],
        { stdio: "ignore" },
      );
      redis = child;
      await until("the private redis-server", async () => {
        if (child.exitCode !== null) throw new Error(`redis-server exited ${child.exitCode}`);
        const probe = new Redis(redisPort, "127.0.0.1", {
          lazyConnect: true,
          retryStrategy: () => null,
        });
        probe.on("error", () => undefined);
        try {
          await probe.connect();
          return (await probe.ping()) === "PONG" ? true : undefined;
        } catch {
          return undefined;
        } finally {
          probe.disconnect();
        }
      });
    }

    async function stopRedis() {
      const child = redis;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise(resolve => child.once("exit", resolve));
      child.kill("SIGTERM");
      await gone;
      redis = null;
    }

    beforeAll(async () => {
      redisDir = fs.mkdtempSync(path.join(os.tmpdir(), "crosstalk-redis-"));
      redisPort = await freePort();
      await startRedis();
      const env = { REDIS_URL: `redis://127.0.0.1:${redisPort}`, RATE_LIMIT_POINTS: "100" };
      [a, b] = await Promise.all([start("A", env), start("B", env)]);
    }, 120_000);

    afterAll(async () => {
      await Promise.all([a, b].filter(Boolean).map(stop));
      await stopRedis();
      if (redisDir) fs.rmSync(redisDir, { recursive: true, force: true });
    }, 60_000);

    it("keeps both processes up and answering as documented, and recovers", async () => {
      // A persisted query both processes have run before the outage.
      const known = `query Known${Date.now()} { topics { slug } }`;
      const knownHash = sha256(known);
      await post(a, known, client(), { persistedQuery: { version: 1, sha256Hash: knownHash } });
      await until("B to run the known hash", async () =>
        (await get(b, { hash: knownHash }, client())).body.errors ? undefined : true,
      );

      // Bounded load on loopback: 4 clients, one request at a time each, every one a new address.
      const failures: string[] = [];
      let answered = 0;
      let loading = true;
      const requests: ((p: Proc) => Promise<Answer>)[] = [
        p => get(p, { query: `{ conferences(first: 3) { nodes { slug } } }` }, client()),
        p =>
          post(p, `{ session(slug: "introduction-to-git") { title speakers { name } } }`, client()),
        p => get(p, { hash: knownHash }, client()),
        p => post(p, TOPICS, client()),
      ];
      const loops = [0, 1, 2, 3].map(async i => {
        for (let n = 0; loading; n++) {
          const proc = (i + n) % 2 ? a : b;
          try {
            const res = await requests[(i + n) % requests.length](proc);
            if (res.status !== 200 || res.body.errors) {
              failures.push(`${proc.name} ${res.status} ${JSON.stringify(res.body.errors)}`);
            }
            answered++;
          } catch (err) {
            failures.push(`${proc.name} ${(err as Error).message}`);
          }
        }
      });
      try {
        await until("load to run", async () => (answered >= 20 ? true : undefined));

        await stopRedis();
        await until("both processes to notice", async () =>
          count(a, "Redis unreachable") && count(b, "Redis unreachable") ? true : undefined,
        );
        const atOutage = answered;
        await until("load through the outage", async () =>
          answered >= atOutage + 20 ? true : undefined,
        );

        // Rate limits: counted in each process's memory, still enforced there.
        const who = client();
        let refused: Answer | null = null;
        for (let i = 0; i < 102 && !refused; i++) {
          const res = await post(a, TOPICS, who);
          if (res.status === 429) refused = res;
        }
        expect(refused?.body.errors?.[0].extensions?.code).toBe("RATE_LIMITED");
        expect((await post(b, TOPICS, who)).status).toBe(200); // B counts on its own

        // Response cache: bypassed; every GET runs.
        const query = `{ session(slug: "introduction-to-git") { title } }`;
        await get(b, { query }, client());
        expect((await get(b, { query }, client())).headers.get("age")).toBeNull();

        // Persisted queries: known hashes still run; a hash new to this process is asked for again.
        const fresh = `query Fresh${Date.now()} { topics { name } }`;
        const freshHash = sha256(fresh);
        await post(a, fresh, client(), { persistedQuery: { version: 1, sha256Hash: freshHash } });
        expect((await get(a, { hash: freshHash }, client())).body.errors).toBeUndefined();
        expect(
          (await get(b, { hash: freshHash }, client())).body.errors?.[0].extensions?.code,
        ).toBe("PERSISTED_QUERY_NOT_FOUND");

        // Reference data: not held while drops cannot travel, so a write on A shows on B at once.
        const slug = `outage-topic-${Date.now()}`;
        const created = await post(
          a,
          `mutation { createTopic(input: { slug: "${slug}", name: "During ${slug}" }) { slug } }`,
          auth(),
        );
        expect(created.body.errors).toBeUndefined();
        const topics = await post(b, TOPICS, client());
        expect(topics.body.data!.topics.map((t: { slug: string }) => t.slug)).toContain(slug);

        for (const p of [a, b]) {
          expect((await exchange(`${p.url}/healthz`)).status).toBe(200);
          expect((await exchange(`${p.url}/readyz`)).status).toBe(200);
        }

        await startRedis();
        await until("both processes to reconnect", async () =>
          count(a, "Redis is back") && count(b, "Redis is back") ? true : undefined,
        );
        const atReturn = answered;
        await until("load after the return", async () =>
          answered >= atReturn + 20 ? true : undefined,
        );
      } finally {
        loading = false;
        await Promise.all(loops);
      }
      expect(failures).toEqual([]);
      expect(a.child.exitCode).toBeNull();
      expect(b.child.exitCode).toBeNull();
      // One clear line per process for the outage, one for its end.
      for (const p of [a, b]) {
        expect(count(p, "Redis unreachable")).toBe(1);
        expect(count(p, "Redis is back")).toBe(1);
      }

      // Shared again: one budget across processes.
      const who = client();
      const first = await post(a, TOPICS, who);
      const cost = 100 - remaining(first);
      expect(remaining(await post(b, TOPICS, who))).toBe(remaining(first) - cost);
      // The response cache is used again.
      const query = `{ conferences(first: 2) { nodes { name } } }`;
      await get(b, { query }, client());
      expect((await get(b, { query }, client())).headers.get("age")).not.toBeNull();
      // A hash registered on A runs on B.
      const after = `query After${Date.now()} { topics { slug name } }`;
      const afterHash = sha256(after);
      await post(a, after, client(), { persistedQuery: { version: 1, sha256Hash: afterHash } });
      await until("B to run a hash registered on A after the outage", async () =>
        (await get(b, { hash: afterHash }, client())).body.errors ? undefined : true,
      );
      // Reference data is held again (B's second read runs no SQL), and A's drops reach B.
      await until("B to hold reference data again", async () => {
        await post(b, TOPICS, client());
        const before = await statements(b);
        await post(b, TOPICS, client());
        return (await statements(b)) === before ? true : undefined;
      });
      const slug = `after-topic-${Date.now()}`;
      await post(
        a,
        `mutation { createTopic(input: { slug: "${slug}", name: "After ${slug}" }) { slug } }`,
        auth(),
      );
      const topics = await post(b, TOPICS, client());
      expect(topics.body.data!.topics.map((t: { slug: string }) => t.slug)).toContain(slug);
    }, 180_000);
  });
});
