import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { PROJECT_ROOT } from "../../src/core/paths";
import { migrate, openDataSource } from "../../src/db/data-source";

const CLI = path.join(PROJECT_ROOT, "dist", "src", "cli", "prune.js");

/** `npm run prune` against SQLite files of its own, isolated from the caller's environment. */
describe("npm run prune", () => {
  let dir: string;

  beforeAll(() => {
    execFileSync("npm", ["run", "build", "--silent"], { cwd: PROJECT_ROOT, stdio: "pipe" });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosstalk-test-prune-"));
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const prune = (sqlitePath: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [CLI], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "test",
        DATABASE_URL: "",
        SQLITE_PATH: sqlitePath,
        ...env,
      },
    });

  it("removes what is past its period, to the end, and says what went", async () => {
    const sqlitePath = path.join(dir, "hub.sqlite");
    const ds: DataSource = await openDataSource({ engine: "sqlite", sqlitePath });
    try {
      await migrate(ds);
      // 1,203 receipts, 8 days old: more than a pass of the server takes of a kind in one batch.
      for (let i = 0; i < 1203; i += 200) {
        const rows = Array.from({ length: Math.min(200, 1203 - i) }, (_, j) => i + j);
        await ds.query(
          `INSERT INTO mutation_receipt (scope, client_mutation_id, result_id, created_at) VALUES ${rows
            .map(() => "('createSession|token:1', ?, 1, datetime('now', '-8 days'))")
            .join(", ")}`,
          rows.map(n => `old-${n}`),
        );
      }
      await ds.query(
        "INSERT INTO mutation_receipt (scope, client_mutation_id, result_id) VALUES ('createSession|token:1', 'new', 1)",
      );

      const run = prune(sqlitePath, { RETENTION_SESSION_DAYS: "0" });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(
        /^mutationReceipts: 1203 removed \(older than 7 days, RETENTION_RECEIPT_DAYS\)$/m,
      );
      expect(run.stdout).toMatch(
        /^accountSessions: 0 removed \(kept forever, RETENTION_SESSION_DAYS\)$/m,
      );
      expect(run.stdout).toMatch(/^pruned in [\d.]+ s$/m);
      expect(await ds.query("SELECT client_mutation_id AS id FROM mutation_receipt")).toEqual([
        { id: "new" },
      ]);
    } finally {
      await ds.destroy();
    }
  });

  it("refuses a database with migrations pending, and a period that is not a number of days", () => {
    const fresh = path.join(dir, "fresh.sqlite");
    const pending = prune(fresh);
    expect(pending.status).toBe(1);
    expect(pending.stderr).toContain(
      `${fresh} has migrations pending: run \`npm run migrate\` first`,
    );

    const bad = prune(fresh, { RETENTION_OUTBOX_DAYS: "a week" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/RETENTION_OUTBOX_DAYS/);
  });
});
