import type { AddressInfo } from "node:net";
import pino from "pino";
import type { DataSource } from "typeorm";
import { Role } from "../../entities";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { loadConfig, type AppConfig } from "../../src/core/config";
import { migrate, openDataSource } from "../../src/db/data-source";
import { seedDemoData } from "../../src/db/seed/seed";
import { createApp, type App } from "../../src/server/app";
import { FAULTS_ENABLED } from "../faults/private-mariadb";
import { PrivateReplicaPair } from "./private-replication";

/**
 * DATABASE_REPLICA_URLS on a real primary and replica: a private MariaDB pair of the test's own,
 * replicating by GTID. Runs in the MySQL pass only: it needs mariadbd (SQLite has no replicas).
 */
const describeReplicas = FAULTS_ENABLED ? describe : describe.skip;

const PROGRAM = `{
  conference(slug: "phpworks-2008") {
    name
    sessions(first: 50) { nodes { slug title speakers { name } } }
  }
}`;

describeReplicas("read replicas (DATABASE_REPLICA_URLS)", () => {
  const pair = new PrivateReplicaPair();
  let app: App | null = null;
  let dataSource: DataSource | null = null;
  let url = "";
  let editor = "";

  beforeAll(async () => {
    await pair.start();
    const setup = await openDataSource({ engine: "mysql", url: pair.primary.url, sqlitePath: "" });
    try {
      await migrate(setup);
      await seedDemoData(setup);
    } finally {
      await setup.destroy();
    }
    await pair.caughtUp();
    const config: AppConfig = {
      ...loadConfig({
        NODE_ENV: "test",
        DATABASE_URL: pair.primary.url,
        DATABASE_REPLICA_URLS: pair.replica.url,
        RESPONSE_CACHE: "false",
      }),
    };
    expect(config.database.replicaUrls).toEqual([pair.replica.url]);
    dataSource = await openDataSource(config.database);
    app = await createApp(config, dataSource, pino({ level: "silent" }));
    await new Promise<void>(resolve => app!.httpServer.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
    const ctx = app.createContext(undefined, LOCAL_OPERATOR);
    editor = (await app.services.tokens.create(ctx, { name: "replica test", role: Role.EDITOR }))
      .token;
    // The token is read on the replica: let it arrive, and let its first use (which records
    // lastUsedAt, a write) happen now rather than in the request under test.
    await pair.caughtUp();
    expect((await gql(`{ viewer { role } }`, editor)).data.viewer.role).toBe("EDITOR");
    await pair.caughtUp();
  }, 180_000);

  afterAll(async () => {
    await app?.apollo.stop().catch(() => undefined);
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
    await pair.destroy();
  }, 60_000);

  async function gql(query: string, token?: string) {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body as { data: any };
  }

  /** The server's count of SELECT statements (its own admin queries are SHOW, not counted). */
  async function selects(node: typeof pair.primary): Promise<number> {
    const rows = await node.query<{ Value: string }[]>("SHOW GLOBAL STATUS LIKE 'Com_select'");
    return Number(rows[0].Value);
  }

  it("sends an anonymous read's every statement to the replica", async () => {
    // A row changed on the replica only: the answer can only come from there.
    // (Not binary-logged, so the replica's GTID position stays the primary's.)
    await pair.replica.query(
      "SET SESSION sql_log_bin = 0; UPDATE crosstalk.conference SET name = 'Seen on the replica' WHERE slug = 'phpworks-2008'",
    );
    const before = { primary: await selects(pair.primary), replica: await selects(pair.replica) };
    const { data } = await gql(PROGRAM);
    const after = { primary: await selects(pair.primary), replica: await selects(pair.replica) };
    expect(data.conference.name).toBe("Seen on the replica");
    expect(data.conference.sessions.nodes.length).toBeGreaterThan(0);
    // The conference, its keyset page (raw SQL), the speakers' batch: all on the replica.
    expect(after.replica - before.replica).toBeGreaterThanOrEqual(3);
    expect(after.primary - before.primary).toBe(0);
    // The feeds read the replica too.
    const feedBefore = await selects(pair.primary);
    const feed = await fetch(`${url}/calendar/conference/phpworks-2008.ics`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain("BEGIN:VCALENDAR");
    expect((await selects(pair.primary)) - feedBefore).toBe(0);
    // Put it back as the primary has it.
    const [{ name }] = await pair.primary.query<{ name: string }[]>(
      "SELECT name FROM crosstalk.conference WHERE slug = 'phpworks-2008'",
    );
    await pair.replica.query(
      "SET SESSION sql_log_bin = 0; UPDATE crosstalk.conference SET name = ? WHERE slug = 'phpworks-2008'",
      [name],
    );
  });

  it("reads a request's own write from the primary while the replica lags", async () => {
    const { data: before } = await gql(`{ session(slug: "introduction-to-git") { id version } }`);
    await pair.replica.query("STOP SLAVE SQL_THREAD");
    try {
      const title = `git, once more ${Date.now()}`;
      const { data } = await gql(
        `mutation {
          updateSession(input: { id: "${before.session.id}", version: ${before.session.version}, title: "${title}" }) {
            title
            version
            programs { slug sessions(first: 50) { nodes { slug title } } }
          }
        }`,
        editor,
      );
      // The payload, a loader batch and a raw keyset page read after the write see it.
      expect(data.updateSession.title).toBe(title);
      expect(data.updateSession.version).toBe(before.session.version + 1);
      for (const program of data.updateSession.programs) {
        const row = program.sessions.nodes.find(
          (s: { slug: string }) => s.slug === "introduction-to-git",
        );
        expect(row?.title).toBe(title);
      }
      // Another request reads the replica, which has not applied the write yet.
      const lagging = await gql(`{ session(slug: "introduction-to-git") { title version } }`);
      expect(lagging.data.session.version).toBe(before.session.version);
      expect(lagging.data.session.title).not.toBe(title);
      await pair.replica.query("START SLAVE SQL_THREAD");
      await pair.caughtUp();
      const caught = await gql(`{ session(slug: "introduction-to-git") { title version } }`);
      expect(caught.data.session).toEqual({ title, version: before.session.version + 1 });
    } finally {
      await pair.replica.query("START SLAVE SQL_THREAD");
    }
  });

  it("checks bearer tokens on the primary: a revocation holds at once, whatever the lag", async () => {
    const ctx = app!.createContext(undefined, LOCAL_OPERATOR);
    const { token, record } = await app!.services.tokens.create(ctx, {
      name: "revoked while the replica lags",
      role: Role.EDITOR,
    });
    await pair.caughtUp();
    const ask = () =>
      fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: "{ viewer { role } }" }),
      });
    expect((await ask()).status).toBe(200);
    await pair.replica.query("STOP SLAVE SQL_THREAD");
    try {
      await pair.primary.query("UPDATE crosstalk.api_token SET revoked_at = NOW() WHERE id = ?", [
        record.id,
      ]);
      const [{ revoked }] = await pair.replica.query<{ revoked: unknown }[]>(
        "SELECT revoked_at AS revoked FROM crosstalk.api_token WHERE id = ?",
        [record.id],
      );
      expect(revoked).toBeNull(); // the replica still has it active
      expect((await ask()).status).toBe(401);
    } finally {
      await pair.replica.query("START SLAVE SQL_THREAD");
    }
  });

  it("reports each pool on /readyz and in /metrics", async () => {
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "ready",
      pools: { primary: "ok", replica0: "ok" },
    });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/crosstalk_db_pool_limit\{pool="primary"\} \d+/);
    expect(metrics).toMatch(/crosstalk_db_pool_limit\{pool="replica0"\} \d+/);
  });
});
