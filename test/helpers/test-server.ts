import type { AddressInfo } from "node:net";
import pino, { type Logger } from "pino";
import { loadConfig, type AppConfig, type DatabaseLimits } from "../../src/core/config";
import { createApp, type App } from "../../src/server/app";
import { createTestDatabase, type TestDatabase } from "./test-db";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  db: TestDatabase;
  app: App;
  url: string;
  /** POSTs an operation to /graphql over real HTTP. */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** A real Crosstalk HTTP server on an ephemeral port over a fresh, migrated (and seeded) database. */
export async function startTestServer(
  name: string,
  options: {
    seed?: boolean;
    config?: Partial<AppConfig>;
    /** The server's logger (silent by default). */
    log?: Logger;
    /** Pool and statement limits of the test database's connection. */
    limits?: DatabaseLimits;
  } = {},
): Promise<TestServer> {
  const db = await createTestDatabase(name, { seed: options.seed ?? true, limits: options.limits });
  const config = { ...loadConfig({ NODE_ENV: "test" }), database: db.config, ...options.config };
  const app = await createApp(
    config,
    db.dataSource,
    options.log ?? pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
  );
  await new Promise<void>(resolve => app.httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = app.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    db,
    app,
    url,
    async gql(query, variables, headers) {
      const res = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: any[] };
      return { status: res.status, headers: res.headers, data: body.data, errors: body.errors };
    },
    async close() {
      await app.apollo.stop();
      await db.drop();
    },
  };
}
