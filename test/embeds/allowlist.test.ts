import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { SPEAKERS_QUERY } from "../../embed/src/operations";
import { Role } from "../../entities";
import { loadConfig } from "../../src/core/config";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { loadRegisteredOperations, queryHash } from "../../src/server/persisted-queries";
import {
  GET_HEADERS,
  graphqlGetUrl,
  guardPage,
  launchChromium,
  partnerPage,
  rawGet,
  renderedSessions,
  settled,
  startEmbedServer,
  startPartnerSite,
} from "./helpers";

const PARTNER_QUERY = `query PartnerConferences { conferences { nodes { slug } } }`;
const ARBITRARY = `{ people(first: 100) { nodes { name bio } } }`;

describe("PERSISTED_QUERIES=allowlist", () => {
  let server: Awaited<ReturnType<typeof startEmbedServer>>;
  let partner: Awaited<ReturnType<typeof startPartnerSite>>;
  let browser: Browser;
  let token: string;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosstalk-pq-"));
    const file = path.join(dir, "persisted-queries.json");
    fs.writeFileSync(file, JSON.stringify({ [queryHash(PARTNER_QUERY)]: PARTNER_QUERY }));
    server = await startEmbedServer("embeds_allowlist", {
      persistedQueries: "allowlist",
      persistedQueriesFile: file,
    });
    const ctx = server.app.createContext(undefined, LOCAL_OPERATOR);
    token = (
      await server.app.services.tokens.create(ctx, {
        name: "e",
        role: Role.EDITOR,
        expiresAt: null,
      })
    ).token;
    partner = await startPartnerSite();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await partner?.close();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses an arbitrary anonymous query with a clear error, before running it", async () => {
    const get = await rawGet(graphqlGetUrl(server.url, { query: ARBITRARY }), GET_HEADERS);
    expect(get.status).toBe(403);
    const body = JSON.parse(get.body);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_ALLOWED");
    expect(body.errors[0].message).toMatch(/registered operations/);
    expect(get.headers["cache-control"]).toBe("no-store");

    const post = await server.gql(ARBITRARY);
    expect(post.status).toBe(403);
    expect(post.errors?.[0].extensions?.code).toBe("PERSISTED_QUERY_NOT_ALLOWED");

    // Nor can an anonymous client register it through the APQ handshake.
    const hash = queryHash(ARBITRARY);
    const register = await rawGet(
      graphqlGetUrl(server.url, { hash, query: ARBITRARY }),
      GET_HEADERS,
    );
    expect(register.status).toBe(403);
    const again = JSON.parse((await rawGet(graphqlGetUrl(server.url, { hash }), GET_HEADERS)).body);
    expect(again.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("runs the same query for a token holder", async () => {
    const res = await server.gql(ARBITRARY, {}, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data?.people.nodes.length).toBeGreaterThan(0);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("runs the embeds' operations and the partner file's, by hash or by text", async () => {
    const speakers = await rawGet(
      graphqlGetUrl(server.url, {
        hash: queryHash(SPEAKERS_QUERY),
        variables: { filter: { conference: "pyworks-2008", isSpeaker: true } },
      }),
      GET_HEADERS,
    );
    expect(speakers.status).toBe(200);
    expect(JSON.parse(speakers.body).data.people.nodes.length).toBeGreaterThan(0);

    const byHash = await rawGet(
      graphqlGetUrl(server.url, { hash: queryHash(PARTNER_QUERY) }),
      GET_HEADERS,
    );
    expect(JSON.parse(byHash.body).data.conferences.nodes.map((c: any) => c.slug)).toContain(
      "pyworks-2008",
    );
    const byText = await server.gql(PARTNER_QUERY);
    expect(byText.errors).toBeUndefined();
  });

  it("still renders the embed in the browser", async () => {
    partner.pages.set(
      "/allow.html",
      partnerPage(
        server.url,
        `<crosstalk-sessions conference="phpworks-2008" community="php"></crosstalk-sessions>`,
      ),
    );
    const page = await browser.newPage();
    const guard = guardPage(page);
    await page.goto(`${partner.url}/allow.html`);
    expect(await settled(page, "crosstalk-sessions")).toBe("ready");
    const slugs = (await renderedSessions(page, "crosstalk-sessions")).map(s => s.slug);
    expect(slugs).toEqual([
      "introduction-to-git",
      "database-administration",
      "designing-security-in",
    ]);
    expect(guard.problems).toEqual([]);
    await page.close();
  });

  it("reads the partner file as an object of hashes or an array of queries, and rejects a wrong hash", () => {
    const file = path.join(dir, "list.json");
    fs.writeFileSync(file, JSON.stringify([PARTNER_QUERY]));
    expect(loadRegisteredOperations(file).get(queryHash(PARTNER_QUERY))).toBe(PARTNER_QUERY);
    fs.writeFileSync(file, JSON.stringify({ ["0".repeat(64)]: PARTNER_QUERY }));
    expect(() => loadRegisteredOperations(file)).toThrow(/not the sha256/);
    expect(() => loadConfig({ PERSISTED_QUERIES: "strict" })).toThrow(/open or allowlist/);
    expect(loadConfig({ PERSISTED_QUERIES: "allowlist" }).persistedQueries).toBe("allowlist");
    expect(
      loadConfig({ EDITOR_ORIGINS: "https://a.example, http://b.example:8080" }).editorOrigins,
    ).toEqual(["https://a.example", "http://b.example:8080"]);
    expect(() => loadConfig({ EDITOR_ORIGINS: "https://a.example/path" })).toThrow(
      /EDITOR_ORIGINS/,
    );
  });
});
