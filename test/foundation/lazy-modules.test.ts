import { startTestServer, type TestServer } from "../helpers/test-server";

// Records which of the optional libraries the server loads, and when: a factory runs only when a module
// first requires the library. The record lives on globalThis, because the factories run while this file's
// imports load, before its own constants exist.
interface LazyModules {
  crosstalkLazyModules?: string[];
}
function mockLoad(name: string): unknown {
  ((globalThis as LazyModules).crosstalkLazyModules ??= []).push(name);
  return jest.requireActual(name);
}
const loaded = () => [...((globalThis as LazyModules).crosstalkLazyModules ?? [])].sort();
jest.mock("ioredis", () => mockLoad("ioredis"));
jest.mock("markdown-it", () => mockLoad("markdown-it"));
jest.mock("sanitize-html", () => mockLoad("sanitize-html"));

/**
 * A process loads Redis's client only when REDIS_URL is set, and the Markdown renderer only when it first
 * renders an article body: together about 2.5 MB of live heap that a process without Redis, serving schedules
 * and front pages, never needs (issue 10's peak-RSS target).
 */
describe("libraries loaded on first use", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("lazy_modules");
  });
  afterAll(() => server.close());

  it("serves schedules and article lists without loading ioredis or the Markdown renderer", async () => {
    const res = await server.gql(
      `{ conference(slug: "phpworks-2008") { sessions(first: 5) { nodes { title } } }
         articles(first: 5) { nodes { title } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.articles.nodes.length).toBeGreaterThan(0);
    expect(loaded()).toEqual([]);
  });

  it("loads the renderer with the first article body, and renders it", async () => {
    const res = await server.gql(`{ article(slug: "pyworks-2008-wrap-up") { bodyHtml } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.article.bodyHtml).toContain("<h2>One event, two conferences</h2>");
    expect(loaded()).toEqual(["markdown-it", "sanitize-html"]);
  });
});
