import { XMLParser } from "fast-xml-parser";
import { CONFERENCE_SESSIONS_QUERY } from "../../embed/src/operations";
import { Role } from "../../entities";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { queryHash } from "../../src/server/persisted-queries";
import { EMBED_PAGE_SCRIPT, EMBED_PAGE_SCRIPT_SRC } from "../../src/render/embed-page";
import { GET_HEADERS, graphqlGetUrl, rawGet, startEmbedServer } from "./helpers";

const EDITOR_ORIGIN = "https://editor.example";
const PUBLIC_QUERY = `{ conference(slug: "pyworks-2008") { name sessions(first: 3) { nodes { title } } } }`;

describe("embeds over HTTP: bundle, fallback, caching, CORS, persisted queries", () => {
  let server: Awaited<ReturnType<typeof startEmbedServer>>;
  let token: string;

  beforeAll(async () => {
    server = await startEmbedServer("embeds_http", { editorOrigins: [EDITOR_ORIGIN] });
    const ctx = server.app.createContext(undefined, LOCAL_OPERATOR);
    token = (
      await server.app.services.tokens.create(ctx, {
        name: "editor",
        role: Role.EDITOR,
        expiresAt: null,
      })
    ).token;
  });
  afterAll(() => server.close());

  describe("the bundle", () => {
    it("serves a short-lived loader that imports the immutable, content-hashed file", async () => {
      const loader = await rawGet(`${server.url}/embed/crosstalk.js`);
      expect(loader.status).toBe(200);
      expect(loader.headers["content-type"]).toBe("text/javascript; charset=utf-8");
      expect(loader.headers["cache-control"]).toBe("public, max-age=300");
      expect(loader.headers["access-control-allow-origin"]).toBe("*");
      expect(loader.body).toBe(`export * from "./${server.bundle}";\n`);
      expect(server.bundle).toMatch(/^crosstalk\.[A-Z0-9]+\.js$/);

      const bundle = await rawGet(`${server.url}/embed/${server.bundle}`);
      expect(bundle.status).toBe(200);
      expect(bundle.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(bundle.headers["access-control-allow-origin"]).toBe("*");
      expect(bundle.body).toContain("crosstalk-sessions");
      expect(bundle.body).not.toMatch(/innerHTML/);
      expect(Buffer.byteLength(bundle.body)).toBeLessThan(20_000);

      expect((await rawGet(`${server.url}/embed/crosstalk.OLDHASH.js`)).status).toBe(404);
      expect((await rawGet(`${server.url}/embed/nothing`)).status).toBe(404);
    });
  });

  describe("the no-JavaScript fallback", () => {
    it("renders php|works' PHP sessions as a complete HTML document, with the marker", async () => {
      const res = await rawGet(
        `${server.url}/embed/sessions?conference=phpworks-2008&community=php`,
      );
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(res.headers["cache-control"]).toBe("public, max-age=60");
      expect(res.headers["content-security-policy"]).toContain("default-src 'none'");
      expect(res.body).toMatch(/^<!doctype html>/);
      // One script, the page's own auto-height one, allowed by its hash and by nothing broader.
      expect(res.body.match(/<script/gi)).toHaveLength(1);
      expect(res.body).toContain(`<script>${EMBED_PAGE_SCRIPT}</script>`);
      expect(res.headers["content-security-policy"]).toContain(
        `script-src ${EMBED_PAGE_SCRIPT_SRC};`,
      );
      for (const slug of [
        "introduction-to-git",
        "database-administration",
        "designing-security-in",
      ]) {
        expect(res.body).toContain(`data-slug="${slug}"`);
      }
      expect(res.body).not.toContain("grok-tutorial");
      expect(res.body.match(/<p class="marker">For PHP and Python<\/p>/g)).toHaveLength(3);
      // The same time format as the component shows in English.
      expect(res.body).toContain("Wed, Nov 12, 10:30 AM–12:00 PM EST");
      expect(res.body).toContain("<title>php|works 2008 · PHP</title>");
    });

    it("applies kind, day, layout, timezone, limit, include-colocated and a session URL template", async () => {
      const res = await rawGet(
        `${server.url}/embed/sessions?conference=phpworks-2008&community=python&include-colocated=true` +
          `&kind=tutorial&day=2008-11-12&layout=grid&timezone=UTC&limit=5` +
          `&session-url=${encodeURIComponent("https://partner.example/s/{slug}")}`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toContain('data-slug="grok-tutorial"');
      expect(res.body).toContain('data-slug="database-administration"');
      expect(res.body).not.toContain('data-slug="introduction-to-git"');
      expect(res.body).toContain('<section class="day">');
      expect(res.body).toContain('data-room="Room B"');
      expect(res.body).toContain('href="https://partner.example/s/grok-tutorial"');
      expect(res.body).toMatch(/6:30 PM–10:00 PM UTC/);

      const bare = await rawGet(
        `${server.url}/embed/sessions?conference=phpworks-2008&community=python&include-colocated`,
      );
      expect(bare.body).toContain('data-slug="grok-tutorial"');
      // The whole co-located event is the default.
      const byDefault = await rawGet(
        `${server.url}/embed/sessions?conference=phpworks-2008&community=python`,
      );
      expect(byDefault.body).toContain('data-slug="grok-tutorial"');
      const off = await rawGet(
        `${server.url}/embed/sessions?conference=phpworks-2008&community=python&include-colocated=false`,
      );
      expect(off.body).not.toContain('data-slug="grok-tutorial"');
    });

    it("answers an unknown slug with a friendly 404 page and a bad filter with 400", async () => {
      const unknown = await rawGet(`${server.url}/embed/sessions?conference=no-such-thing`);
      expect(unknown.status).toBe(404);
      expect(unknown.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(unknown.body).toContain("Conference &quot;no-such-thing&quot; does not exist");
      for (const query of [
        "conference=phpworks-2008&kind=lecture",
        "conference=phpworks-2008&day=tomorrow",
        "conference=phpworks-2008&day=2008-02-31",
        "conference=phpworks-2008&limit=1000",
        "conference=phpworks-2008&layout=table",
        "conference=phpworks-2008&include-colocated=perhaps",
        "conference=phpworks-2008&timezone=Mars/Base",
        "conference=phpworks-2008&session-url=javascript:alert(1)",
        "",
      ]) {
        const res = await rawGet(`${server.url}/embed/sessions?${query}`);
        expect([query, res.status]).toEqual([query, 400]);
        expect(res.body).toContain('role="alert"');
      }
    });
  });

  describe("caching", () => {
    it("sends public Cache-Control and an ETag on anonymous GETs; If-None-Match gets 304", async () => {
      const graphql = graphqlGetUrl(server.url, { query: PUBLIC_QUERY });
      for (const [url, cacheControl] of [
        [graphql, "public, max-age=60"],
        [
          `${server.url}/embed/sessions?conference=phpworks-2008&community=php`,
          "public, max-age=60",
        ],
        [`${server.url}/calendar/conference/phpworks-2008.ics`, "public, max-age=60"],
        [`${server.url}/schedule/phpworks-2008.xml`, "public, max-age=60"],
      ]) {
        const first = await rawGet(url, GET_HEADERS);
        expect([url, first.status, first.headers["cache-control"]]).toEqual([
          url,
          200,
          cacheControl,
        ]);
        const etag = first.headers.etag as string;
        expect(etag).toBeTruthy();
        const again = await rawGet(url, { ...GET_HEADERS, "if-none-match": etag });
        expect([url, again.status, again.body]).toEqual([url, 304, ""]);
        const changed = await rawGet(url, { ...GET_HEADERS, "if-none-match": 'W/"other"' });
        expect(changed.status).toBe(200);
      }
    });

    it("changes the ETag when the data changes", async () => {
      const url = `${server.url}/embed/sessions?conference=phpworks-2008&community=php`;
      const before = await rawGet(url);
      await server.db.dataSource.query("UPDATE session SET room = ? WHERE slug = ?", [
        "Room C",
        "designing-security-in",
      ]);
      try {
        const after = await rawGet(url, { "if-none-match": before.headers.etag as string });
        expect(after.status).toBe(200);
        expect(after.body).toContain("Room C");
      } finally {
        await server.db.dataSource.query("UPDATE session SET room = ? WHERE slug = ?", [
          "Ballroom",
          "designing-security-in",
        ]);
      }
    });

    it("never lets a response to a token-bearing request be cached", async () => {
      const url = graphqlGetUrl(server.url, { query: PUBLIC_QUERY });
      const res = await rawGet(url, { ...GET_HEADERS, authorization: `Bearer ${token}` });
      expect(res.status).toBe(200);
      expect(res.headers["cache-control"]).toBe("private, no-store");
      const post = await server.gql(PUBLIC_QUERY, {}, { authorization: `Bearer ${token}` });
      expect(post.headers.get("cache-control")).toBe("private, no-store");
      const bad = await server.gql(PUBLIC_QUERY, {}, { authorization: "Bearer nope" });
      expect(bad.status).toBe(401);
      expect(bad.headers.get("cache-control")).toBe("private, no-store");
      // Public answers say they vary with Authorization, so no shared cache reuses them for a token.
      const anonymous = await rawGet(url, GET_HEADERS);
      expect(anonymous.headers.vary).toContain("Authorization");
    });

    it("keeps POSTs, mutations and viewer-dependent fields out of caches", async () => {
      expect((await server.gql(PUBLIC_QUERY)).headers.get("cache-control")).toBe("no-store");
      const viewer = await rawGet(
        graphqlGetUrl(server.url, { query: "{ viewer { role } }" }),
        GET_HEADERS,
      );
      expect(viewer.status).toBe(200);
      // Viewer carries @CacheHint({ scope: "PRIVATE" }).
      expect(viewer.headers["cache-control"]).toBe("no-store");
      // The policy is read from the document: a hinted field inside fragments counts as well.
      for (const query of [
        "query A { ...Who } fragment Who on Query { viewer { role } }",
        "query B { ... on Query { viewer { role } } conferences(first: 1) { nodes { slug } } }",
      ]) {
        const hidden = await rawGet(graphqlGetUrl(server.url, { query }), GET_HEADERS);
        expect(hidden.status).toBe(200);
        expect(hidden.headers["cache-control"]).toBe("no-store");
      }
      const plain = await rawGet(
        graphqlGetUrl(server.url, {
          query:
            "query C { ...Q } fragment Q on Query { conferences(first: 1) { nodes { slug } } }",
        }),
        GET_HEADERS,
      );
      expect(plain.headers["cache-control"]).toMatch(/^public, max-age=\d+$/);
    });
  });

  describe("CORS", () => {
    it("lets any origin read anonymously, without credentials", async () => {
      const res = await rawGet(graphqlGetUrl(server.url, { query: PUBLIC_QUERY }), {
        ...GET_HEADERS,
        origin: "https://partner.example",
      });
      expect(res.headers["access-control-allow-origin"]).toBe("*");
      expect(res.headers["access-control-allow-credentials"]).toBeUndefined();
      const preflight = await fetch(`${server.url}/graphql`, {
        method: "OPTIONS",
        headers: {
          origin: "https://partner.example",
          "access-control-request-method": "GET",
          "access-control-request-headers": "x-apollo-operation-name",
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
      expect(preflight.headers.get("access-control-allow-headers")).toContain(
        "x-apollo-operation-name",
      );
      expect(preflight.headers.get("access-control-allow-headers")).not.toContain("authorization");
    });

    it("allows Authorization only from the configured editor origins", async () => {
      const ask = (origin: string) =>
        fetch(`${server.url}/graphql`, {
          method: "OPTIONS",
          headers: {
            origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "authorization, content-type",
          },
        });
      const editor = await ask(EDITOR_ORIGIN);
      expect(editor.headers.get("access-control-allow-origin")).toBe(EDITOR_ORIGIN);
      expect(editor.headers.get("access-control-allow-headers")).toContain("authorization");
      expect(editor.headers.get("vary")).toContain("Origin");
      const stranger = await ask("https://partner.example");
      expect(stranger.headers.get("access-control-allow-origin")).toBeNull();

      const actual = await server.gql(
        "{ viewer { role } }",
        {},
        { authorization: `Bearer ${token}`, origin: "https://partner.example" },
      );
      expect(actual.headers.get("access-control-allow-origin")).toBeNull();
      const fromEditor = await server.gql(
        "{ viewer { role } }",
        {},
        { authorization: `Bearer ${token}`, origin: EDITOR_ORIGIN },
      );
      expect(fromEditor.data).toEqual({ viewer: { role: "EDITOR" } });
      expect(fromEditor.headers.get("access-control-allow-origin")).toBe(EDITOR_ORIGIN);
    });
  });

  describe("automatic persisted queries over GET", () => {
    it("answers the embeds' operations by hash at once, and registers others in the handshake", async () => {
      const variables = { conference: "phpworks-2008", filter: { community: "php" }, first: 10 };
      const byHash = await rawGet(
        graphqlGetUrl(server.url, {
          hash: queryHash(CONFERENCE_SESSIONS_QUERY),
          variables,
          operationName: "CrosstalkConferenceSessions",
        }),
        GET_HEADERS,
      );
      expect(byHash.status).toBe(200);
      expect(byHash.headers["cache-control"]).toBe("public, max-age=60");
      const nodes = JSON.parse(byHash.body).data.conference.sessions.nodes;
      expect(nodes.map((n: any) => n.slug)).toEqual([
        "introduction-to-git",
        "database-administration",
        "designing-security-in",
      ]);
      expect(nodes.every((n: any) => n.isCrossCommunity)).toBe(true);

      const query = `{ conference(slug: "pycon-2009") { name } }`;
      const hash = queryHash(query);
      const miss = JSON.parse(
        (await rawGet(graphqlGetUrl(server.url, { hash }), GET_HEADERS)).body,
      );
      expect(miss.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
      const register = await rawGet(graphqlGetUrl(server.url, { hash, query }), GET_HEADERS);
      expect(JSON.parse(register.body).data).toEqual({ conference: { name: "PyCon 2009" } });
      const hit = await rawGet(graphqlGetUrl(server.url, { hash }), GET_HEADERS);
      expect(JSON.parse(hit.body).data).toEqual({ conference: { name: "PyCon 2009" } });
    });
  });

  it("keeps the schedule XML well-formed with a hostile title (escaping shared with feeds)", async () => {
    await server.db.dataSource.query("UPDATE session SET title = ? WHERE slug = ?", [
      "<img src=x onerror=alert(1)>",
      "introduction-to-git",
    ]);
    try {
      const xml = (await rawGet(`${server.url}/schedule/phpworks-2008.xml`)).body;
      expect(xml).not.toContain("<img");
      expect(() => new XMLParser().parse(xml)).not.toThrow();
      const html = (await rawGet(`${server.url}/embed/sessions?conference=phpworks-2008`)).body;
      expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
      expect(html).not.toContain("<img");
    } finally {
      await server.db.dataSource.query("UPDATE session SET title = ? WHERE slug = ?", [
        "An Introduction to git",
        "introduction-to-git",
      ]);
    }
  });
});
