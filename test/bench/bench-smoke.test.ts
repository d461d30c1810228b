import type { AddressInfo } from "node:net";
import mysql from "mysql2/promise";
import pino from "pino";
import { generateDataset, type Dataset } from "../../bench/data/generate";
import { SCALES } from "../../bench/data/scale";
import { createCeiling, type Ceiling } from "../../bench/ceiling/server";
import { compareAll, post, walkCursors } from "../../bench/compare";
import { DOCUMENTS, operations, type Cursors } from "../../bench/operations";
import { loadConfig } from "../../src/core/config";
import { createApp, type App } from "../../src/server/app";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../helpers/test-db";

// The benchmark's ceiling must answer exactly what Crosstalk answers, or its ratios mean nothing.
// MySQL only: the ceiling is mysql2 and hand-written MySQL. No timing here.
const mysqlOnly = TEST_ENGINE === "mysql" ? describe : describe.skip;

mysqlOnly("bench: the hand-written ceiling answers byte-identical JSON", () => {
  const scale = SCALES.small;
  let db: TestDatabase;
  let app: App;
  let ceiling: Ceiling;
  let data: Dataset;
  let crosstalk: string;
  let hand: string;

  beforeAll(async () => {
    db = await createTestDatabase("bench_smoke");
    if (db.config.engine !== "mysql") throw new Error("MySQL only");
    const pool = mysql.createPool({ uri: db.config.url as string, connectionLimit: 2 });
    try {
      data = await generateDataset(pool, scale);
    } finally {
      await pool.end();
    }
    app = await createApp(
      { ...loadConfig({ NODE_ENV: "production" }), database: db.config },
      db.dataSource,
      pino({ level: "silent" }),
    );
    await new Promise<void>(resolve => app.httpServer.listen(0, "127.0.0.1", resolve));
    crosstalk = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
    ceiling = await createCeiling(db.config.url as string);
    await new Promise<void>(resolve => ceiling.server.listen(0, "127.0.0.1", resolve));
    hand = `http://127.0.0.1:${(ceiling.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await ceiling?.close();
    await app?.apollo.stop();
    await db?.drop();
  });

  it("for every measured operation, deep cursors included", async () => {
    const [mine, theirs]: Cursors[] = await Promise.all([
      walkCursors(crosstalk, scale, data),
      walkCursors(hand, scale, data),
    ]);
    const ops = operations(scale, data);
    const sizes = await compareAll(
      { base: crosstalk, cursors: mine },
      { base: hand, cursors: theirs },
      ops,
    );
    expect(sizes.map(s => s.name)).toEqual(ops.map(o => o.name));
    // Every document the bench sends is among those compared (walks only feed cursors).
    const sent = new Set(ops.flatMap(o => o.requests(mine).map(r => r.operationName)));
    expect([...sent].sort()).toEqual(
      Object.keys(DOCUMENTS)
        .filter(n => !n.endsWith("Walk"))
        .sort(),
    );
  });

  it("compares answers that hold data, not empty pages", async () => {
    const [mine] = await Promise.all([walkCursors(crosstalk, scale, data)]);
    const json = async (request: Parameters<typeof post>[1]) =>
      JSON.parse((await post(crosstalk, request)).text).data;
    const ops = operations(scale, data);
    const byName = new Map(ops.map(o => [o.name, o.requests(mine)[0]]));
    const deep = await json(byName.get("program page, deep cursor")!);
    expect(deep.conference.sessions.nodes.length).toBeGreaterThan(0);
    expect(deep.conference.sessions.pageInfo.hasPreviousPage).toBe(true);
    const last = await json(byName.get(`articles page ${scale.articlePages[2]}`)!);
    expect(last.articles.nodes).toHaveLength(scale.articlePageSize);
    const rare = await json(byName.get("search, rare word")!);
    const common = await json(byName.get("search, common word")!);
    const none = await json(byName.get("search, no match")!);
    expect(rare.search.totalCount).toBeGreaterThan(0);
    expect(common.search.totalCount).toBeGreaterThan(rare.search.totalCount);
    expect(none.search.totalCount).toBe(0);
    const session = await json(byName.get("session page (3 levels)")!);
    expect(session.session.speakers).toHaveLength(3);
    expect(session.session.programs.length).toBeGreaterThan(1);
  });

  it("refuses a document it does not know, so it cannot pass for Crosstalk by accident", async () => {
    const res = await fetch(`${hand}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        operationName: "ProgramPage",
        query: "{ __typename }",
        variables: {},
      }),
    });
    expect(res.status).toBe(400);
  });
});
