import net from "node:net";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { loadConfig } from "../../src/core/config";
import { openDataSource } from "../../src/db/data-source";
import { createApp, type App } from "../../src/server/app";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../helpers/test-db";

/** A TCP relay to the database that the test can cut and restore, to make the database unreachable. */
class CuttableProxy {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async open(port = 0): Promise<void> {
    this.server = net.createServer(client => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>(resolve => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>(resolve => this.server!.close(() => resolve()));
  }
}

// Reachability is a network property: it is tested against the MySQL engine, through a relay.
const describeOnMysql = TEST_ENGINE === "mysql" ? describe : describe.skip;

describeOnMysql("/readyz follows the database without a restart", () => {
  let db: TestDatabase;
  let proxy: CuttableProxy;
  let app: App;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase("readiness", { seed: false });
    const target = new URL(db.config.url as string);
    proxy = new CuttableProxy(target.hostname, Number(target.port || 3306));
    await proxy.open();
    target.host = `127.0.0.1:${proxy.port}`;
    const dataSource = await openDataSource({ ...db.config, url: target.toString() });
    app = await createApp(loadConfig({ NODE_ENV: "test" }), dataSource, pino({ level: "silent" }));
    await new Promise<void>(resolve => app.httpServer.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.apollo.stop();
    await app.services.dataSource.destroy().catch(() => undefined);
    await proxy.cut().catch(() => undefined);
    await db.drop();
  });

  it("is ready, then unavailable while the database is unreachable, then ready again", async () => {
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    const port = proxy.port;
    await proxy.cut();
    const down = await fetch(`${url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: "unavailable" });

    await proxy.open(port);
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = (await fetch(`${url}/readyz`)).status;
      if (status !== 200) await new Promise(r => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });
});
