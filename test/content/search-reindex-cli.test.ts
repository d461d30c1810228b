import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { PROJECT_ROOT } from "../../src/core/paths";
import { migrate, openDataSource } from "../../src/db/data-source";
import { seedDemoData } from "../../src/db/seed/seed";

const CLI = path.join(PROJECT_ROOT, "dist", "src", "cli", "reindex-search.js");

/** `npm run search:reindex` against one SQLite file, isolated from the caller's environment. */
describe("npm run search:reindex", () => {
  let dir: string;
  let sqlitePath: string;
  let ds: DataSource;

  beforeAll(async () => {
    execFileSync("npm", ["run", "build", "--silent"], { cwd: PROJECT_ROOT, stdio: "pipe" });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosstalk-test-reindex-"));
    sqlitePath = path.join(dir, "hub.sqlite");
    ds = await openDataSource({ engine: "sqlite", sqlitePath });
    await migrate(ds);
    await seedDemoData(ds);
  }, 180_000);
  afterAll(async () => {
    await ds.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const postings = async (term: string) =>
    (await ds.query("SELECT kind, subject_id FROM search_posting WHERE term = ?", [term])) as {
      kind: number;
      subject_id: number;
    }[];

  it("indexes what was written around the API, and drops what was deleted around it", async () => {
    expect((await postings("multiprocessing")).length).toBeGreaterThan(0);
    await ds.query("UPDATE person SET bio = 'Keeps a quokka.' WHERE slug = 'jesse-noller'");
    await ds.query(
      "INSERT INTO search_posting (kind, subject_id, term, weight_order, public_from) VALUES (2, 999999, 'ghost', 1, NULL), (1, 0, 'ghost', 1, NULL)",
    );
    // A person deleted around the API, between two that remain: its rows must go too.
    for (const slug of ["gone-person", "kept-person"]) {
      await ds.query("INSERT INTO person (slug, name, bio, links) VALUES (?, ?, '', '[]')", [
        slug,
        `Wombat ${slug}`,
      ]);
    }
    const [gone] = await ds.query("SELECT id FROM person WHERE slug = 'gone-person'");
    await ds.query(
      "INSERT INTO search_posting (kind, subject_id, term, weight_order, public_from) VALUES (2, ?, 'wombat', 1, NULL)",
      [gone.id],
    );
    await ds.query("DELETE FROM person WHERE id = ?", [gone.id]);
    expect(await postings("quokka")).toEqual([]);

    const run = spawnSync(process.execPath, [CLI], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      env: { PATH: process.env.PATH, NODE_ENV: "test", DATABASE_URL: "", SQLITE_PATH: sqlitePath },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^search index rebuilt: \d+ records, \d+ index rows, in [\d.]+ s$/m);

    const [jesse] = await ds.query("SELECT id FROM person WHERE slug = 'jesse-noller'");
    expect(await postings("quokka")).toEqual([{ kind: 2, subject_id: jesse.id }]);
    expect(await postings("ghost")).toEqual([]);
    const [kept] = await ds.query("SELECT id FROM person WHERE slug = 'kept-person'");
    expect(await postings("wombat")).toEqual([{ kind: 2, subject_id: kept.id }]);
    expect((await postings("multiprocessing")).length).toBeGreaterThan(0);
  });
});
