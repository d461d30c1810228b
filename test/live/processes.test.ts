import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import pino from "pino";
import { Role } from "../../entities";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { toGlobalId } from "../../src/core/global-id";
import { PROJECT_ROOT } from "../../src/core/paths";
import { TokenService } from "../../src/services/token.service";
import { freePort } from "../faults/private-mariadb";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../helpers/test-db";
import { collect, until, wsClient } from "./helpers";

const REDIS_URL = "redis://127.0.0.1:6379";

interface Proc {
  child: ChildProcess;
  port: number;
  url: string;
  out: () => string;
  exited: Promise<number | null>;
}

/**
 * Real Crosstalk processes (dist/src/server/main.js, compiled into a private directory) sharing one
 * database and one Redis: an event committed through one reaches subscribers of another.
 */
describe(`committed events across processes through Redis on ${TEST_ENGINE} (acceptance 3)`, () => {
  const prefix = `crosstalk:test:live:${process.pid}:`;
  let buildDir = "";
  let tmp = "";
  let db: TestDatabase;
  let redis: Redis;
  let editor = "";
  const procs: Proc[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crosstalk-live-proc-"));
    fs.mkdirSync(path.join(PROJECT_ROOT, "dist"), { recursive: true });
    buildDir = fs.mkdtempSync(path.join(PROJECT_ROOT, "dist", ".test-live-"));
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
    const database = createTestDatabase("live_processes", { seed: true }).then(async created => {
      db = created;
      const tokens = new TokenService(db.dataSource);
      const ctx = { viewer: LOCAL_OPERATOR, now: new Date(), log: pino({ level: "silent" }) };
      editor = (await tokens.create(ctx, { name: "processes", role: Role.EDITOR })).token;
    });
    redis = new Redis(REDIS_URL);
    await Promise.all([compile, database]);
  }, 180_000);

  afterAll(async () => {
    for (const p of procs) p.child.kill("SIGKILL");
    await Promise.all(procs.map(p => p.exited));
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await db?.drop();
    if (buildDir) fs.rmSync(buildDir, { recursive: true, force: true });
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function start(name: string, redisUrl: string): Promise<Proc> {
    const port = await freePort();
    const dbEnv: Record<string, string> =
      db.config.engine === "mysql"
        ? { DATABASE_URL: db.config.url as string }
        : { SQLITE_PATH: db.config.sqlitePath };
    const child = spawn(
      process.execPath,
      [path.join(buildDir, "dist", "src", "server", "main.js")],
      {
        cwd: tmp, // no .env here
        env: {
          PATH: process.env.PATH,
          NODE_ENV: "production",
          HOST: "127.0.0.1",
          PORT: String(port),
          LOG_LEVEL: "debug",
          MIGRATE_ON_START: "false",
          SEED_ON_START: "false",
          METRICS_ENABLED: "false",
          REDIS_URL: redisUrl,
          EVENTS_REDIS_CHANNEL: `${prefix}events`,
          CACHE_REDIS_PREFIX: `${prefix}cache:`,
          RATE_LIMIT_REDIS_PREFIX: `${prefix}rl:`,
          ...dbEnv,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout!.on("data", d => (out += d));
    child.stderr!.on("data", d => (out += d));
    const exited = new Promise<number | null>(resolve => child.on("exit", code => resolve(code)));
    const proc = { child, port, url: `http://127.0.0.1:${port}`, out: () => out, exited };
    procs.push(proc);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await fetch(`${proc.url}/readyz`).catch(() => null);
      if (res?.status === 200) return proc;
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`${name} did not become ready:\n${out.slice(-3000)}`);
      }
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }

  /** Waits until `proc` has logged its n-th started subscription (it is then on the bus). */
  const started = (proc: Proc, n: number) =>
    until(
      () => (proc.out().match(/"msg":"subscription started"/g) ?? []).length >= n,
      20_000,
      "the subscription to start",
    );

  const gitId = async () => {
    const rows: { id: number }[] = await db.dataSource.query(
      `SELECT id FROM session WHERE slug = 'introduction-to-git'`,
    );
    return toGlobalId("Session", Number(rows[0].id));
  };

  async function moveRoom(proc: Proc, room: string) {
    const rows: { id: number; version: number }[] = await db.dataSource.query(
      `SELECT id, version FROM session WHERE slug = 'introduction-to-git'`,
    );
    const res = await fetch(`${proc.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${editor}` },
      body: JSON.stringify({
        query: `mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { room } }`,
        variables: {
          input: { id: toGlobalId("Session", Number(rows[0].id)), version: rows[0].version, room },
        },
      }),
    });
    const body = (await res.json()) as { errors?: unknown[]; data?: any };
    expect(body.errors).toBeUndefined();
    expect(body.data.updateSession.room).toBe(room);
  }

  const SUBSCRIPTION = `subscription { scheduleChanged(conference: "phpworks-2008") { kind subject session { room } fields { field oldValue newValue } } }`;

  it("a subscriber on process B receives a change written through process A", async () => {
    const [a, b] = await Promise.all([start("A", REDIS_URL), start("B", REDIS_URL)]);
    const onB = wsClient(b.url);
    const onA = wsClient(a.url);
    try {
      const subB = collect(onB, SUBSCRIPTION);
      const subA = collect(onA, SUBSCRIPTION);
      await Promise.all([started(b, 1), started(a, 1)]);
      await moveRoom(a, "Salon B");
      await subB.waitFor(1, 10_000);
      await subA.waitFor(1, 10_000);
      expect(subB.results[0].data.scheduleChanged).toEqual({
        kind: "UPDATED",
        subject: await gitId(),
        session: { room: "Salon B" },
        fields: [{ field: "room", oldValue: "Ballroom", newValue: "Salon B" }],
      });
      // Once each: A's own subscriber is not served twice (directly and back through Redis).
      await moveRoom(b, "Salon C");
      await subA.waitFor(2, 10_000);
      await subB.waitFor(2, 10_000);
      expect(subA.results.map(r => r.data.scheduleChanged.session.room)).toEqual([
        "Salon B",
        "Salon C",
      ]);
      expect(subA.results).toHaveLength(2);
      expect(subB.results).toHaveLength(2);

      // SIGTERM with a subscriber connected: the socket is closed (1001), and B exits cleanly.
      b.child.kill("SIGTERM");
      await subB.ended(20_000);
      expect((subB.error as { code?: number } | undefined)?.code ?? 1001).toBe(1001);
      const code = await b.exited;
      if (code !== 0)
        console.log(
          b
            .out()
            .split("\n")
            .filter(l => !l.includes('"level":20'))
            .slice(-15)
            .join("\n"),
        );
      expect(code).toBe(0);
    } finally {
      await Promise.all([onA.dispose(), onB.dispose()]);
    }
  }, 120_000);

  it("without Redis a process logs the outage, keeps serving, and its own subscribers still get its events", async () => {
    const c = await start("C", "redis://127.0.0.1:1");
    const client = wsClient(c.url);
    try {
      const sub = collect(client, SUBSCRIPTION);
      await started(c, 1);
      await moveRoom(c, "Salon D");
      await sub.waitFor(1, 10_000);
      expect(sub.results[0].data.scheduleChanged.session.room).toBe("Salon D");
      await until(() => /event bus: cannot reach Redis/.test(c.out()), 10_000, "the outage log");
      expect(c.child.exitCode).toBeNull();
      expect((await fetch(`${c.url}/readyz`)).status).toBe(200);
    } finally {
      await client.dispose();
    }
  }, 120_000);
});
