import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { Webhook } from "standardwebhooks";
import { Role } from "../../entities";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { PROJECT_ROOT } from "../../src/core/paths";
import { TokenService } from "../../src/services/token.service";
import { WebhookService } from "../../src/services/webhook.service";
import { freePort } from "../faults/private-mariadb";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { transpileServer } from "../helpers/transpile";
import { eventually, Receiver } from "./receiver";

interface Run {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * The dispatcher runs inside the server process. This test starts Crosstalk as `npm start` runs it
 * (compiled into a private directory, so that no other test rebuilds the files under its feet),
 * writes through it, SIGKILLs it while the delivery is in flight, and starts it again.
 */
describe("a webhook delivery survives the death of its process", () => {
  let db: TestDatabase;
  let receiver: Receiver;
  let buildDir = "";
  let tmp = "";
  const runs: Run[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crosstalk-hooks-restart-"));
    fs.mkdirSync(path.join(PROJECT_ROOT, "dist"), { recursive: true });
    buildDir = fs.mkdtempSync(path.join(PROJECT_ROOT, "dist", ".test-webhooks-"));
    transpileServer(path.join(buildDir, "dist"));
    db = await createTestDatabase("webhooks_restart", { seed: true });
    receiver = await new Receiver().start();
  }, 120_000);

  afterAll(async () => {
    for (const run of runs) if (run.child.exitCode === null) run.child.kill("SIGKILL");
    await Promise.all(runs.map(r => r.exited));
    await db?.drop();
    await receiver?.close();
    if (buildDir) fs.rmSync(buildDir, { recursive: true, force: true });
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function start(): Promise<Run> {
    const port = await freePort();
    const database =
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
          NODE_ENV: "test",
          LOG_LEVEL: "info",
          HOST: "127.0.0.1",
          PORT: String(port),
          MIGRATE_ON_START: "false",
          SEED_ON_START: "false",
          METRICS_ENABLED: "false",
          WEBHOOK_DISPATCH: "true",
          WEBHOOK_ALLOW_PRIVATE: "true", // the receiver is on loopback
          WEBHOOK_POLL_MS: "100",
          WEBHOOK_TIMEOUT_MS: "1000",
          WEBHOOK_LEASE_MS: "1500",
          ...database,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout!.on("data", d => (out += d));
    child.stderr!.on("data", d => (out += d));
    const exited = new Promise<number | null>(resolve => child.on("exit", code => resolve(code)));
    const run = { child, port, output: () => out, exited };
    runs.push(run);
    await eventually(async () => {
      if (child.exitCode !== null) throw new Error(`Crosstalk exited early:\n${out}`);
      const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
      return res?.status === 200;
    }, 60_000);
    return run;
  }

  const delivery = async () => {
    const rows: { status: string; attempts: number; lease_owner: string | null }[] =
      await db.dataSource.query("SELECT status, attempts, lease_owner FROM webhook_delivery");
    return rows;
  };

  it("is sent again after a restart and acknowledged once, with the same id", async () => {
    const log = pino({ level: "silent" });
    const ctx = { viewer: LOCAL_OPERATOR, now: new Date(), log };
    const { token } = await new TokenService(db.dataSource).create(ctx, {
      name: "editor",
      role: Role.EDITOR,
    });
    const { secret } = await new WebhookService(db.dataSource, {
      allowPrivateAddresses: true,
    }).create(ctx, { url: `${receiver.url}/restart`, events: ["schedule.changed"] });
    // The first attempt is held unanswered, so that the process dies with the delivery in flight.
    receiver.plan("/restart", (_r, index) => (index === 0 ? "hold" : 200));

    const first = await start();
    const gql = async (query: string, variables?: object) => {
      const res = await fetch(`http://127.0.0.1:${first.port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data?: any; errors?: unknown[] };
    };
    const read = await gql(`{ session(slug: "grok-tutorial") { id version } }`);
    const moved = await gql(
      `mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { version } }`,
      {
        input: {
          id: read.data.session.id,
          version: read.data.session.version,
          startsAt: "2008-11-12T14:00:00-05:00",
          endsAt: "2008-11-12T17:30:00-05:00",
        },
      },
    );
    expect(moved.errors).toBeUndefined(); // committed

    await receiver.until(() => receiver.at("/restart").length >= 1, 30_000, "the first attempt");
    first.child.kill("SIGKILL");
    await first.exited;
    expect(await delivery()).toEqual([
      expect.objectContaining({ status: "SENDING", attempts: 1, lease_owner: expect.any(String) }),
    ]);

    const second = await start();
    await eventually(async () => (await delivery())[0]?.status === "DELIVERED", 30_000);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    const attempts = receiver.at("/restart");
    expect(attempts.map(a => a.answered)).toEqual([null, 200]);
    expect(attempts[1].headers["webhook-id"]).toBe(attempts[0].headers["webhook-id"]);
    for (const attempt of attempts) {
      const body = new Webhook(secret).verify(attempt.body, {
        "webhook-id": attempt.headers["webhook-id"],
        "webhook-timestamp": attempt.headers["webhook-timestamp"],
        "webhook-signature": attempt.headers["webhook-signature"],
      }) as { type: string };
      expect(body.type).toBe("schedule.changed");
    }
    expect(await delivery()).toEqual([
      expect.objectContaining({ status: "DELIVERED", attempts: 2, lease_owner: null }),
    ]);
  }, 120_000);
});
