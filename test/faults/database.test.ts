import type { AddressInfo } from "node:net";
import pino from "pino";
import type { DataSource } from "typeorm";
import { loadConfig, type DatabaseConfig } from "../../src/core/config";
import { migrate, openDataSource } from "../../src/db/data-source";
import { seedDemoData } from "../../src/db/seed/seed";
import { createApp, type App } from "../../src/server/app";
import { FAULTS_ENABLED, PrivateMariaDb } from "./private-mariadb";

const describeFaults = FAULTS_ENABLED ? describe : describe.skip;
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const BUDGET_MS = 1500;
const READ = `{ conferences(first: 2) { nodes { slug } } }`;

describeFaults("a private MariaDB that is killed and frozen under load", () => {
  const db = new PrivateMariaDb();
  let dataSource: DataSource;
  let app: App;
  let url: string;
  let articleId: string;

  beforeAll(async () => {
    await db.init();
    const config: DatabaseConfig = {
      engine: "mysql",
      url: db.url,
      sqlitePath: "",
      limits: {
        statementTimeoutMs: 1000,
        connectTimeoutMs: 1000,
        poolSize: 5,
        queueLimit: 50,
        preparedStatements: 0,
      },
    };
    dataSource = await openDataSource(config);
    await migrate(dataSource);
    await seedDemoData(dataSource);
    app = await createApp(
      {
        ...loadConfig({ NODE_ENV: "test" }),
        database: config,
        requestTimeoutMs: BUDGET_MS,
        comments: { autoApprovePublications: [], perMinute: 0, perDay: 0 },
      },
      dataSource,
      pino({ level: "silent" }),
    );
    await new Promise<void>(resolve => app.httpServer.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
    const res = await gql(`{ articles(first: 1) { nodes { id } } }`);
    articleId = res.body.data.articles.nodes[0].id;
  }, 90_000);

  afterAll(async () => {
    await app?.apollo.stop();
    await dataSource?.destroy().catch(() => undefined);
    await db.destroy();
  });

  async function gql(query: string, variables?: Record<string, unknown>) {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  it("loses no acknowledged write across 4 kills, and answers within 5 s of each return", async () => {
    const acknowledged: string[] = [];
    let stop = false;
    let sent = 0;
    const writer = async (w: number) => {
      for (let n = 0; !stop && n < 10_000; n++) {
        const body = `fault-write-${w}-${n}`;
        sent++;
        try {
          const res = await gql(
            `mutation ($a: ID!, $b: String!) { postComment(articleId: $a, authorName: "Load", body: $b) { comment { id } } }`,
            { a: articleId, b: body },
          );
          if (res.status === 200 && !res.body.errors && res.body.data?.postComment?.comment?.id) {
            acknowledged.push(body);
          }
        } catch {
          // no answer: not acknowledged
        }
        await sleep(5);
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    const recoveries: number[] = [];
    try {
      for (let cycle = 0; cycle < 4; cycle++) {
        await sleep(600);
        await db.kill();
        await sleep(300);
        await db.start();
        const back = Date.now();
        let ok = false;
        while (!ok && Date.now() - back < 8000) {
          const res = await gql(READ).catch(() => null);
          ok = res?.status === 200 && !res.body.errors;
          if (!ok) await sleep(100);
        }
        recoveries.push(Date.now() - back);
      }
      await sleep(300);
    } finally {
      stop = true;
      await Promise.all(writers);
    }
    expect(acknowledged.length).toBeGreaterThan(20);
    expect(sent).toBeGreaterThan(acknowledged.length); // some writes did fail during the outages
    for (const ms of recoveries) expect(ms).toBeLessThan(5000);
    const rows: { body: string }[] = await dataSource.query(
      "SELECT body FROM comment WHERE body LIKE 'fault-write-%'",
    );
    const stored = new Set(rows.map(r => r.body));
    expect(acknowledged.filter(b => !stored.has(b))).toEqual([]);
  }, 120_000);

  it("fails requests within the budget and /readyz within 2 s while frozen, then recovers", async () => {
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    db.signal("SIGSTOP");
    try {
      const started = Date.now();
      const answers = await Promise.all([0, 1, 2].map(() => gql(READ)));
      const elapsed = Date.now() - started;
      expect(elapsed).toBeLessThan(BUDGET_MS + 1000);
      for (const a of answers) {
        expect(a.status).toBe(503);
        expect(["TIMEOUT", "SERVICE_UNAVAILABLE"]).toContain(a.body.errors[0].extensions.code);
      }
      const readyStarted = Date.now();
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(503);
      expect(Date.now() - readyStarted).toBeLessThan(2000);
    } finally {
      db.signal("SIGCONT");
    }
    let status = 0;
    const back = Date.now();
    while (status !== 200 && Date.now() - back < 10_000) {
      status = (await fetch(`${url}/readyz`)).status;
      if (status !== 200) await sleep(100);
    }
    expect(status).toBe(200);
    const res = await gql(READ);
    expect(res.status).toBe(200);
    expect(res.body.data.conferences.nodes).toHaveLength(2);
  }, 60_000);
});
