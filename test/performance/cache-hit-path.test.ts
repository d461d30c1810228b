import { Writable } from "node:stream";
import pino from "pino";
import { GET_HEADERS, graphqlGetUrl, rawGet } from "../embeds/helpers";
import { startTestServer, type TestServer } from "../helpers/test-server";

const PROGRAM = `query Program { conference(slug: "phpworks-2008") { name sessions(first: 5) { nodes { slug title } } } }`;
const TITLE = `query T { session(slug: "designing-security-in") { title localizedTitle { locale } } }`;

/** A GET through real HTTP, with the statements it ran. */
async function get(server: TestServer, query: string, headers: Record<string, string> = {}) {
  const url = graphqlGetUrl(server.url, { query, variables: {} });
  const { result, statements } = await server.db.sql.count(() =>
    rawGet(url, { ...GET_HEADERS, ...headers }),
  );
  return { ...result, statements };
}

/** The value of one /metrics line, 0 when absent. */
async function metric(server: TestServer, pattern: RegExp): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text.split("\n").find(l => pattern.test(l));
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
}

describe("a response-cache hit answered in front of Express (no access log to write)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("cache_hit_front", {
      config: { cacheMaxAge: 2 },
      log: pino({ level: "warn" }),
    });
  });
  afterAll(() => server.close());

  it("carries what the middleware would have added: CORS, a request id, the request count", async () => {
    const miss = await get(server, PROGRAM);
    expect(miss.statements).toBeGreaterThan(0);
    const answered = /^crosstalk_http_requests_total\{route="graphql",status="200"\}/;
    const revalidated = /^crosstalk_http_requests_total\{route="graphql",status="304"\}/;
    const before = { ok: await metric(server, answered), not: await metric(server, revalidated) };
    const hit = await get(server, PROGRAM, { "x-request-id": "trace-42.a" });
    expect(hit.statements).toBe(0);
    expect(hit.body).toBe(miss.body);
    // As before Apollo: no rate-limit headers (a hit is not counted against a budget).
    const names = (headers: object) =>
      Object.keys(headers)
        .filter(name => !name.startsWith("ratelimit") && name !== "age")
        .sort();
    expect(names(hit.headers)).toEqual(names(miss.headers));
    for (const name of ["access-control-allow-origin", "access-control-expose-headers", "vary"]) {
      expect(hit.headers[name]).toBe(miss.headers[name]);
    }
    expect(hit.headers["x-request-id"]).toBe("trace-42.a");
    // A request id that does not look like one is replaced, as pino-http's would be.
    const other = await get(server, PROGRAM, { "x-request-id": "no spaces allowed" });
    expect(other.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const conditional = await get(server, PROGRAM, {
      "if-none-match": miss.headers.etag as string,
    });
    expect(conditional.status).toBe(304);
    expect(conditional.headers["access-control-allow-origin"]).toBe("*");
    expect(await metric(server, answered)).toBe(before.ok + 2);
    expect(await metric(server, revalidated)).toBe(before.not + 1);
  });

  it("keys the remembered URL with Accept-Language: each language hits its own entry", async () => {
    const german = { "accept-language": "de" };
    const english = { "accept-language": "en" };
    const de = await get(server, TITLE, german);
    const en = await get(server, TITLE, english);
    expect(en.statements).toBeGreaterThan(0);
    for (let i = 0; i < 2; i++) {
      const deHit = await get(server, TITLE, german);
      const enHit = await get(server, TITLE, english);
      expect([deHit.statements, enHit.statements]).toEqual([0, 0]);
      expect(deHit.body).toBe(de.body);
      expect(enHit.body).toBe(en.body);
    }
  });

  it("never serves an entry past its max-age", async () => {
    const query = `query Expiring { conference(slug: "pyworks-2008") { name } }`;
    expect((await get(server, query)).statements).toBeGreaterThan(0);
    const hit = await get(server, query);
    expect(hit.statements).toBe(0);
    const maxAge = Number(/max-age=(\d+)/.exec(hit.headers["cache-control"] as string)?.[1]);
    expect(maxAge).toBeLessThanOrEqual(2);
    await new Promise(r => setTimeout(r, 2100));
    const expired = await get(server, query);
    expect(expired.statements).toBeGreaterThan(0);
    expect(expired.headers["cache-control"]).toBe("public, max-age=2");
  });

  it("leaves a request with a cookie or a token to Express and Apollo", async () => {
    await get(server, PROGRAM);
    expect((await get(server, PROGRAM)).statements).toBe(0);
    const cookie = await get(server, PROGRAM, { cookie: "theme=dark" });
    expect(cookie.statements).toBeGreaterThan(0);
    // A token that does not even parse is refused without a statement; never answered from the cache.
    const token = await get(server, PROGRAM, { authorization: "Bearer nonsense" });
    expect(token.headers["cache-control"]).toBe("private, no-store");
    expect(token.body).not.toContain("php|works 2008");
  });
});

describe("a response-cache hit at LOG_LEVEL=info", () => {
  let server: TestServer;
  const lines: {
    msg?: string;
    req?: { id?: string; url?: string };
    res?: { statusCode?: number };
  }[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString("utf8").split("\n"))
          if (line) lines.push(JSON.parse(line));
        done();
      },
    });
    server = await startTestServer("cache_hit_logged", { log: pino({ level: "info" }, sink) });
  });
  afterAll(() => server.close());

  it("is served from the cache and still written to the access log", async () => {
    const miss = await get(server, PROGRAM);
    expect(miss.statements).toBeGreaterThan(0);
    const hit = await get(server, PROGRAM, { "x-request-id": "logged-hit-1" });
    expect(hit.statements).toBe(0);
    expect(hit.body).toBe(miss.body);
    const conditional = await get(server, PROGRAM, {
      "if-none-match": miss.headers.etag as string,
      "x-request-id": "logged-hit-2",
    });
    expect(conditional.status).toBe(304);
    const logged = (id: string) =>
      lines.find(l => l.msg === "request completed" && l.req?.id === id)?.res?.statusCode;
    expect(logged("logged-hit-1")).toBe(200);
    expect(logged("logged-hit-2")).toBe(304);
  });
});
