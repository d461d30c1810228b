import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { DEFAULT_QUERY_LIMITS, loadConfig } from "../../src/core/config";
import { PROJECT_ROOT } from "../../src/core/paths";
import { queryHash } from "../../src/server/persisted-queries";
import { TEST_ENGINE } from "../helpers/test-db";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { parsePrometheusText, samples, seriesCount, total } from "../helpers/prometheus-text";

const DURATION = "crosstalk_graphql_request_duration_seconds";
const SEARCH = fs.readFileSync(path.join(PROJECT_ROOT, "examples", "search.graphql"), "utf8");
const CAP = 50;

/**
 * One scrape, as Prometheus makes it, on a connection of its own: a pooled keep-alive connection
 * left idle past the server's keep-alive timeout (the long loops below) may be closed under it.
 */
async function scrape(url: string) {
  const { status, type, text } = await new Promise<{ status: number; type: string; text: string }>(
    (resolve, reject) => {
      const req = http.get(`${url}/metrics`, { agent: false }, res => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", chunk => (text += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"] ?? "", text }),
        );
      });
      req.on("error", reject);
    },
  );
  expect(status).toBe(200);
  expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(text);
}

/** A GraphQL response body, loosely typed. */
type Body = { data?: any; errors?: { extensions?: Record<string, unknown> }[] };

async function postJson(url: string, body: unknown): Promise<Body> {
  return (await (await post(url, body)).json()) as Body;
}

function post(url: string, body: unknown) {
  return fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("/metrics on the main port", () => {
  let server: TestServer;
  beforeAll(async () => {
    const defaults = loadConfig({ NODE_ENV: "test" });
    server = await startTestServer("ops_metrics", {
      config: {
        limits: { ...DEFAULT_QUERY_LIMITS, maxAliases: 3 },
        metrics: { ...defaults.metrics, operationNameCap: CAP },
      },
    });
  });
  afterAll(() => server.close());

  it("shows request, error, SQL, pool, cache and HTTP series after a few requests", async () => {
    const search = await server.gql(SEARCH);
    expect(search.errors).toBeUndefined();
    expect((await server.gql("{ __typename }")).status).toBe(200);
    expect((await server.gql("query Broken { __typename ")).status).toBe(400);
    const aliases = await server.gql("{ a: __typename b: __typename c: __typename d: __typename }");
    expect(aliases.errors?.[0].extensions?.code).toBe("QUERY_TOO_MANY_ALIASES");
    // A persisted query: unknown hash (miss), then registered with its text, then by hash (hit).
    const query = "query PersistedProbe { __typename }";
    const apq = { persistedQuery: { version: 1, sha256Hash: queryHash(query) } };
    expect((await postJson(server.url, { extensions: apq })).errors?.[0].extensions?.code).toBe(
      "PERSISTED_QUERY_NOT_FOUND",
    );
    expect((await post(server.url, { query, extensions: apq })).status).toBe(200);
    expect((await postJson(server.url, { extensions: apq })).data.__typename).toBe("Query");

    const m = await scrape(server.url);

    // Requests by operation name and outcome.
    expect(total(m, `${DURATION}_count`, { operation: "Search", outcome: "ok" })).toBe(1);
    expect(
      total(m, `${DURATION}_count`, { operation: "anonymous", outcome: "ok" }),
    ).toBeGreaterThan(0);
    expect(total(m, `${DURATION}_count`, { outcome: "error" })).toBeGreaterThan(0);
    expect(total(m, `${DURATION}_count`, { outcome: "refused" })).toBeGreaterThan(0);
    const searchSeconds = total(m, `${DURATION}_sum`, { operation: "Search", outcome: "ok" });
    expect(searchSeconds).toBeGreaterThan(0);
    expect(searchSeconds).toBeLessThan(10);

    // Errors by code, refusals by query limits.
    expect(total(m, "crosstalk_graphql_errors_total", { code: "GRAPHQL_PARSE_FAILED" })).toBe(1);
    expect(total(m, "crosstalk_graphql_errors_total", { code: "QUERY_TOO_MANY_ALIASES" })).toBe(1);
    expect(
      total(m, "crosstalk_query_limit_refusals_total", { code: "QUERY_TOO_MANY_ALIASES" }),
    ).toBe(1);

    // SQL statements and their durations: one duration per successful statement.
    const selects = total(m, "crosstalk_sql_statements_total", { verb: "select", outcome: "ok" });
    expect(selects).toBeGreaterThan(0);
    expect(total(m, "crosstalk_sql_statement_duration_seconds_count", { verb: "select" })).toBe(
      selects,
    );
    const sqlSeconds = total(m, "crosstalk_sql_statement_duration_seconds_sum", { verb: "select" });
    expect(sqlSeconds).toBeGreaterThanOrEqual(0);
    expect(sqlSeconds).toBeLessThan(searchSeconds * 10 + 10);

    // The pool: its limit, connections in use and idle, and its queue.
    const limit = total(m, "crosstalk_db_pool_limit", { pool: "primary" });
    expect(limit).toBe(TEST_ENGINE === "mysql" ? (server.db.config.limits?.poolSize ?? 10) : 1);
    const inUse = total(m, "crosstalk_db_pool_connections", { pool: "primary", state: "in_use" });
    const idle = total(m, "crosstalk_db_pool_connections", { pool: "primary", state: "idle" });
    expect(idle).toBeGreaterThanOrEqual(1);
    expect(inUse + idle).toBeLessThanOrEqual(limit);
    expect(samples(m, "crosstalk_db_pool_queue", { pool: "primary" })).toEqual([
      expect.objectContaining({ value: 0 }),
    ]);

    // How operations ran: POSTs compiled (GRAPHQL_COMPILE_AFTER=1 under test); the persisted
    // query, whose response may be cached, by graphql-js.
    const runs = (mode: string) => total(m, "crosstalk_graphql_executions_total", { mode });
    expect(runs("compiled")).toBe(server.app.compiled.runs.compiled);
    expect(runs("compiled")).toBeGreaterThanOrEqual(2);
    expect(runs("interpreted")).toBeGreaterThanOrEqual(1);
    expect(total(m, "crosstalk_graphql_compiled_operations", {})).toBe(server.app.compiled.size);
    expect(server.app.compiled.size).toBeGreaterThanOrEqual(2);

    // Persisted-query cache lookups.
    const pq = { cache: "persisted_queries" };
    expect(total(m, "crosstalk_cache_lookups_total", { ...pq, result: "miss" })).toBe(1);
    expect(total(m, "crosstalk_cache_lookups_total", { ...pq, result: "hit" })).toBe(1);

    // HTTP requests by route class and status (this scrape itself is counted once it is answered).
    expect(
      total(m, "crosstalk_http_requests_total", { route: "graphql", status: "200" }),
    ).toBeGreaterThanOrEqual(4);
    expect(
      total(m, "crosstalk_http_requests_total", { route: "graphql", status: "400" }),
    ).toBeGreaterThanOrEqual(2);

    // prom-client's default process metrics.
    expect(total(m, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect(total(m, "nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
  });

  it("keeps 10,000 distinct operation names under a fixed number of series", async () => {
    const before = await scrape(server.url);
    const beforeSeries = seriesCount(before);
    const beforeOther = total(before, `${DURATION}_count`, { operation: "other" });
    const unique = `m${Date.now().toString(36)}`;
    const N = 10_000;
    // Plain node:http on 8 keep-alive connections: lighter than fetch for this many requests.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const send = (body: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          `${server.url}/graphql`,
          {
            method: "POST",
            agent,
            headers: { "content-type": "application/json", "content-length": body.length },
          },
          res => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    // The first OVER_HTTP names over real HTTP (well past the cap), the rest through Apollo's own
    // request pipeline (the same plugins, without the sockets), so the test stays fast.
    const OVER_HTTP = 300;
    const query = (i: number) => `query ${unique}_${i} { __typename }`;
    let next = 0;
    const statuses = new Map<number, number>();
    const worker = async () => {
      while (next < OVER_HTTP) {
        const status = await send(JSON.stringify({ query: query(next++) }));
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    try {
      await Promise.all(Array.from({ length: 8 }, worker));
    } finally {
      agent.destroy();
    }
    expect([...statuses]).toEqual([[200, OVER_HTTP]]);
    let failed = 0;
    for (let i = OVER_HTTP; i < N; i++) {
      const res = await server.app.apollo.executeOperation(
        { query: query(i) },
        { contextValue: server.app.createContext() },
      );
      if (res.body.kind !== "single" || res.body.singleResult.errors) failed++;
    }
    expect(failed).toBe(0);

    const after = await scrape(server.url);
    const names = new Set(samples(after, `${DURATION}_count`).map(s => s.labels.operation));
    const fresh = [...names].filter(n => n.startsWith(unique));
    // At most CAP new names become labels (fewer if the first test took some slots); the rest are other.
    expect(fresh.length).toBeLessThanOrEqual(CAP);
    expect(
      total(after, `${DURATION}_count`, { operation: "other" }) - beforeOther,
    ).toBeGreaterThanOrEqual(N - CAP);
    // Each new label value adds one histogram series (11 buckets, +Inf, sum, count); allow a few
    // more for new status codes or SQL kinds.
    expect(seriesCount(after) - beforeSeries).toBeLessThanOrEqual((CAP + 1) * 14 + 20);
  }, 300_000);
});

describe("/metrics on its own port, with rate-limit refusals", () => {
  let server: TestServer;
  let metricsUrl: string;
  beforeAll(async () => {
    const defaults = loadConfig({ NODE_ENV: "test" });
    server = await startTestServer("ops_metrics_port", {
      seed: false,
      config: {
        rateLimit: { ...defaults.rateLimit, points: 3, windowSeconds: 60, routeCost: 2 },
        metrics: { ...defaults.metrics, port: 1 },
      },
    });
    const listener = server.app.metricsServer;
    if (!listener) throw new Error("METRICS_PORT set, yet no metrics listener");
    await new Promise<void>(resolve => listener.listen(0, "127.0.0.1", resolve));
    metricsUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it("serves /metrics only on the metrics port, counting this app's refusals alone", async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${metricsUrl}/graphql`)).status).toBe(404);

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await server.gql("{ __typename }")).status);
    expect(statuses).toContain(429);
    const refused = statuses.filter(s => s === 429).length;
    expect((await fetch(`${server.url}/calendar/conference/none.ics`)).status).toBe(429);

    const m = await scrape(metricsUrl);
    expect(total(m, "crosstalk_rate_limit_refusals_total", { limit: "budget" })).toBe(refused);
    expect(total(m, "crosstalk_rate_limit_refusals_total", { limit: "route" })).toBe(1);
    expect(total(m, "crosstalk_graphql_errors_total", { code: "RATE_LIMITED" })).toBe(refused);
    expect(total(m, `${DURATION}_count`, { operation: "anonymous", outcome: "refused" })).toBe(
      refused,
    );
    // This app's registry only: the other server's Search requests are not here.
    expect(samples(m, `${DURATION}_count`, { operation: "Search" })).toEqual([]);
    expect(total(m, "crosstalk_http_requests_total", { route: "feed", status: "429" })).toBe(1);
  });
});

describe("metrics configuration", () => {
  it("defaults to the main port, on, with 200 run-time operation names", () => {
    expect(loadConfig({ HOST: "10.0.0.5" }).metrics).toEqual({
      enabled: true,
      port: 0,
      host: "10.0.0.5",
      operationNameCap: 200,
    });
    expect(
      loadConfig({ METRICS_ENABLED: "false", METRICS_PORT: "9464", METRICS_HOST: "127.0.0.1" })
        .metrics,
    ).toMatchObject({ enabled: false, port: 9464, host: "127.0.0.1" });
  });

  it("refuses a metrics port equal to PORT, and bad values", () => {
    expect(() => loadConfig({ PORT: "4000", METRICS_PORT: "4000" })).toThrow(
      /METRICS_PORT \(4000\) must differ from PORT/,
    );
    expect(() => loadConfig({ METRICS_PORT: "70000" })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ METRICS_ENABLED: "maybe" })).toThrow(/METRICS_ENABLED/);
    expect(() => loadConfig({ METRICS_OPERATION_NAMES: "-1" })).toThrow(/METRICS_OPERATION_NAMES/);
  });
});
