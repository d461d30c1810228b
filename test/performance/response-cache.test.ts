import pino from "pino";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { Role } from "../../entities";
import { loadConfig } from "../../src/core/config";
import { createApp, type App } from "../../src/server/app";
import { MemoryResponseStore } from "../../src/server/response-store";
import { bearer, issueToken } from "../editorial/helpers";
import { GET_HEADERS, graphqlGetUrl, rawGet } from "../embeds/helpers";
import { startTestServer, type TestServer } from "../helpers/test-server";

const SESSION = `query S($slug: String!) { session(slug: $slug) { id title version speakers { name } } }`;
const PERSON = `query P($slug: String!) { person(slug: $slug) { name } }`;
const PROGRAM = `query Program { conference(slug: "phpworks-2008") { sessions(first: 50) { edges { node { slug title } } } } }`;
const UPDATE = `mutation U($input: UpdateSessionInput!) { updateSession(input: $input) { title version } }`;

const SLUG = "designing-security-in";

describe("response cache (in process)", () => {
  let server: TestServer;
  let editor: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer("response_cache");
    editor = bearer((await issueToken(server, Role.EDITOR)).token);
  });
  afterAll(() => server.close());

  /** A GET through real HTTP, with the statements it ran. */
  async function get(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
    base = server.url,
  ) {
    const url = graphqlGetUrl(base, { query, variables });
    const { result, statements } = await server.db.sql.count(() =>
      rawGet(url, { ...GET_HEADERS, ...headers }),
    );
    const body = result.body ? JSON.parse(result.body) : null;
    return { ...result, statements, data: body?.data, errors: body?.errors };
  }

  async function retitle(title: string) {
    const current = await get(SESSION, { slug: SLUG }, editor);
    const res = await server.gql(
      UPDATE,
      { input: { id: current.data.session.id, version: current.data.session.version, title } },
      editor,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.updateSession;
  }

  it("answers a repeated anonymous GET from the cache with 0 statements, and a 304 likewise", async () => {
    const first = await get(PROGRAM);
    expect(first.status).toBe(200);
    expect(first.statements).toBeGreaterThan(0);
    const second = await get(PROGRAM);
    expect(second.statements).toBe(0);
    expect(second.body).toBe(first.body);
    expect(second.headers["cache-control"]).toMatch(/^public, max-age=\d+$/);
    expect(Number(second.headers["age"])).toBeGreaterThanOrEqual(0);
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const conditional = await get(PROGRAM, {}, { "if-none-match": etag });
    expect(conditional.status).toBe(304);
    expect(conditional.statements).toBe(0);
  });

  it("answers a hit before Apollo: same bytes and headers as the miss, counted in /metrics", async () => {
    const metric = async (pattern: RegExp) => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      const line = text.split("\n").find(l => pattern.test(l));
      return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
    };
    const hits = /^crosstalk_cache_lookups_total\{cache="responses",result="hit"\}/;
    const misses = /^crosstalk_cache_lookups_total\{cache="responses",result="miss"\}/;
    const executed = /^crosstalk_graphql_request_duration_seconds_count\{operation="Fresh"/;
    const query = `query Fresh { conference(slug: "pyworks-2008") { name sessions(first: 3) { nodes { slug startsAt } } } }`;
    const before = { hits: await metric(hits), misses: await metric(misses) };
    const miss = await get(query);
    expect(miss.statements).toBeGreaterThan(0);
    expect(await metric(misses)).toBe(before.misses + 1);
    const ran = await metric(executed);
    const hit = await get(query);
    expect(hit.statements).toBe(0);
    expect(await metric(hits)).toBe(before.hits + 1);
    // Apollo never saw the hit: no operation was timed.
    expect(await metric(executed)).toBe(ran);
    expect(hit.body).toBe(miss.body);
    for (const name of ["content-type", "vary", "etag"]) {
      expect(hit.headers[name]).toBe(miss.headers[name]);
    }
    expect(hit.headers["cache-control"]).toMatch(/^public, max-age=\d+$/);
    // Revalidating with the miss's ETag, and with a list holding it, gets a 304; no-cache does not.
    const etag = miss.headers.etag as string;
    expect((await get(query, {}, { "if-none-match": etag })).status).toBe(304);
    expect((await get(query, {}, { "if-none-match": `"other", ${etag}` })).status).toBe(304);
    expect((await get(query, {}, { "if-none-match": '"other"' })).status).toBe(200);
    const noCache = await get(query, {}, { "if-none-match": etag, "cache-control": "no-cache" });
    expect(noCache.status).toBe(200);
    expect(noCache.statements).toBe(0);
    // Without Apollo's CSRF preflight header, Apollo answers (and refuses) as before.
    const url = graphqlGetUrl(server.url, { query, variables: {} });
    expect((await rawGet(url, {})).status).toBe(400);
  });

  it("keys on the variables: another slug is another entry", async () => {
    await get(PERSON, { slug: "brandon-rhodes" });
    const other = await get(PERSON, { slug: "kevin-dangoor" });
    expect(other.statements).toBeGreaterThan(0);
    expect(other.data.person.name).not.toBe(
      (await get(PERSON, { slug: "brandon-rhodes" })).data.person.name,
    );
  });

  it("a mutation drops exactly the entries that read what it wrote; an unrelated entry stays", async () => {
    const original = (await get(SESSION, { slug: SLUG })).data.session.title as string;
    await get(PROGRAM);
    await get(PERSON, { slug: "brandon-rhodes" });
    expect((await get(SESSION, { slug: SLUG })).statements).toBe(0);
    expect((await get(PROGRAM)).statements).toBe(0);

    await retitle("Designing Security In, cached");
    try {
      const session = await get(SESSION, { slug: SLUG });
      expect(session.statements).toBeGreaterThan(0);
      expect(session.data.session.title).toBe("Designing Security In, cached");
      const program = await get(PROGRAM);
      expect(program.statements).toBeGreaterThan(0);
      expect(program.body).toContain("Designing Security In, cached");
      const person = await get(PERSON, { slug: "brandon-rhodes" });
      expect(person.statements).toBe(0);
    } finally {
      await retitle(original);
    }
  });

  it("derived counts are tagged with the lists they count: a new speaker drops a cached stats entry", async () => {
    const STATS = `query Stats { conference(slug: "pyworks-2008") { stats { speakerCount } } }`;
    const before = await get(STATS);
    expect((await get(STATS)).statements).toBe(0);
    const created = await server.gql(
      `mutation P($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      { input: { name: "Stats Newcomer" } },
      editor,
    );
    expect(created.errors).toBeUndefined();
    const session = (
      await server.gql(
        `{ conference(slug: "pyworks-2008") { sessions(first: 1) { nodes { id version speakers { id } } } } }`,
      )
    ).data!.conference.sessions.nodes[0];
    // The mutation names a session and people only: no conference, so only the stats' own tags
    // (Person:list, Session:list) can reach the cached conference entry.
    const res = await server.gql(
      `mutation S($input: UpdateSessionInput!) { updateSession(input: $input) { version } }`,
      {
        input: {
          id: session.id,
          version: session.version,
          speakers: [
            ...session.speakers.map((p: { id: string }) => p.id),
            created.data!.createPerson.id,
          ],
        },
      },
      editor,
    );
    expect(res.errors).toBeUndefined();
    const after = await get(STATS);
    expect(after.statements).toBeGreaterThan(0);
    expect(after.data.conference.stats.speakerCount).toBe(
      before.data.conference.stats.speakerCount + 1,
    );
  });

  it("tags an object whose selected fields are all plain properties: renaming it drops the entry", async () => {
    // `hostConference` is one object, not a list: only its own fields (`name`, a plain property
    // with no resolver of its own) can tag the entry with the conference.
    const HOST = `query H($slug: String!) { session(slug: $slug) { slug hostConference { name } } }`;
    const admin = bearer((await issueToken(server, Role.ADMIN)).token);
    const first = await get(HOST, { slug: SLUG });
    const original = first.data.session.hostConference.name as string;
    expect((await get(HOST, { slug: SLUG })).statements).toBe(0);
    const host = (
      await server.gql(
        `query C($slug: String!) { session(slug: $slug) { hostConference { id version } } }`,
        { slug: SLUG },
      )
    ).data!.session.hostConference as { id: string; version: number };
    const rename = async (name: string, version: number) => {
      const res = await server.gql(
        `mutation R($input: UpdateConferenceInput!) { updateConference(input: $input) { version } }`,
        { input: { id: host.id, version, name } },
        admin,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.updateConference.version as number;
    };
    const version = await rename(`${original}, renamed`, host.version);
    try {
      const after = await get(HOST, { slug: SLUG });
      expect(after.statements).toBeGreaterThan(0);
      expect(after.data.session.hostConference.name).toBe(`${original}, renamed`);
    } finally {
      await rename(original, version);
    }
  });

  it("never serves or stores an authenticated request", async () => {
    await get(PROGRAM);
    expect((await get(PROGRAM)).statements).toBe(0);
    const authed = await get(PROGRAM, {}, editor);
    expect(authed.status).toBe(200);
    expect(authed.statements).toBeGreaterThan(0);
    expect(authed.headers["cache-control"]).toBe("private, no-store");
    expect((await get(PROGRAM, {}, editor)).statements).toBeGreaterThan(0);
    const withCookie = await get(PROGRAM, {}, { cookie: "session=1" });
    expect(withCookie.statements).toBeGreaterThan(0);
  });

  it("does not cache POSTs that are not persisted queries", async () => {
    await server.gql(PERSON, { slug: "brandon-rhodes" });
    const again = await server.db.sql.count(() => server.gql(PERSON, { slug: "brandon-rhodes" }));
    expect(again.statements).toBeGreaterThan(0);
  });

  it("drops the community tree on updateCommunity: the next read shows the write", async () => {
    const q = `query { community(slug: "php") { id name version } communities { name } }`;
    const before = await server.gql(q);
    const { id, version, name } = before.data!.community;
    const res = await server.gql(
      `mutation C($input: UpdateCommunityInput!) { updateCommunity(input: $input) { name } }`,
      { input: { id, version, name: "PHP, renamed" } },
      bearer((await issueToken(server, Role.ADMIN)).token),
    );
    expect(res.errors).toBeUndefined();
    const after = await server.gql(q);
    expect(after.data!.communities.map((c: { name: string }) => c.name)).toContain("PHP, renamed");
    expect(after.data!.communities.map((c: { name: string }) => c.name)).not.toContain(name);
  });
});

const REDIS_URL = "redis://127.0.0.1:6379";

describe("response cache in Redis: two processes share it", () => {
  const prefix = `crosstalk:test:${process.pid}:${Date.now()}:`;
  let server: TestServer;
  let second: App;
  let secondUrl: string;
  let redis: Redis;
  let editor: Record<string, string>;
  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    const options = {
      REDIS_URL,
      CACHE_REDIS_PREFIX: prefix,
      RATE_LIMIT_REDIS_PREFIX: `${prefix}rl:`,
    };
    const env = loadConfig({ NODE_ENV: "test", ...options });
    server = await startTestServer("response_cache_redis", {
      config: { rateLimit: env.rateLimit, responseCache: env.responseCache },
    });
    second = await createApp(
      { ...env, database: server.db.config },
      server.db.dataSource,
      pino({ level: "silent" }),
    );
    await new Promise<void>(resolve => second.httpServer.listen(0, "127.0.0.1", resolve));
    secondUrl = `http://127.0.0.1:${(second.httpServer.address() as AddressInfo).port}`;
    editor = bearer((await issueToken(server, Role.EDITOR)).token);
  });
  afterAll(async () => {
    await second.apollo.stop();
    await server.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  async function get(base: string, query: string, variables: Record<string, unknown> = {}) {
    const url = graphqlGetUrl(base, { query, variables });
    const { result, statements } = await server.db.sql.count(() => rawGet(url, GET_HEADERS));
    return { ...result, statements, data: JSON.parse(result.body).data };
  }

  it("an entry stored by one process is a hit in the other; a write through one drops it in both", async () => {
    const first = await get(server.url, SESSION, { slug: SLUG });
    expect(first.statements).toBeGreaterThan(0);
    expect((await get(secondUrl, SESSION, { slug: SLUG })).statements).toBe(0);
    expect((await redis.keys(`${prefix}e:*`)).length).toBeGreaterThan(0);

    const { id, version, title } = first.data.session;
    const res = await fetch(`${secondUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...editor },
      body: JSON.stringify({
        query: UPDATE,
        variables: { input: { id, version, title: "Shared" } },
      }),
    });
    expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    const after = await get(server.url, SESSION, { slug: SLUG });
    expect(after.statements).toBeGreaterThan(0);
    expect(after.data.session.title).toBe("Shared");
    await server.gql(UPDATE, { input: { id, version: after.data.session.version, title } }, editor);
  });

  it("a reference-data drop in one process reaches the other over pub/sub", async () => {
    const q = `query { community(slug: "python") { id name version } communities { name } }`;
    const before = await fetch(`${secondUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: q }),
    }).then(r => r.json() as Promise<{ data: any }>);
    const { id, version } = before.data.community;
    const res = await server.gql(
      `mutation C($input: UpdateCommunityInput!) { updateCommunity(input: $input) { name } }`,
      { input: { id, version, name: "Python, renamed" } },
      bearer((await issueToken(server, Role.ADMIN)).token),
    );
    expect(res.errors).toBeUndefined();
    let names: string[] = [];
    for (let i = 0; i < 50; i++) {
      const after = await fetch(`${secondUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: q }),
      }).then(r => r.json() as Promise<{ data: any }>);
      names = after.data.communities.map((c: { name: string }) => c.name);
      if (names.includes("Python, renamed")) break;
      await new Promise(resolve => setTimeout(resolve, 20));
    }
    expect(names).toContain("Python, renamed");
  });
});

describe("in-process response store", () => {
  it("is bounded by bytes as well as entries: large bodies evict older ones", async () => {
    const store = new MemoryResponseStore(1000, 10_000);
    const now = Date.now();
    const entry = (n: number) => ({ body: "x".repeat(n), storedAt: now, expiresAt: now + 60_000 });
    for (let i = 0; i < 10; i++) await store.set(`k${i}`, entry(1500), ["Session:list"], "0");
    // 3,000 bytes each (UTF-16) under a 10,000-byte bound: the three newest stay.
    expect(store.size).toBe(3);
    expect(await store.get("k0")).toBeNull();
    expect(await store.get("k9")).not.toBeNull();
    // A purge still finds what is left through its tags.
    await store.purge(["Session:list"]);
    expect(store.size).toBe(0);
    for (let i = 0; i < 20; i++) await store.set(`s${i}`, entry(10), ["Person:1"], "1");
    expect(store.size).toBe(20);
  });
});
