import { startTestServer, type TestServer } from "../helpers/test-server";

const SEARCH = `query($q: String!, $types: [SearchType!], $community: String, $first: Int, $after: String) {
  search(query: $q, types: $types, community: $community, first: $first, after: $after) {
    totalCount
    edges { cursor score node { __typename ... on Session { slug } ... on Person { slug } ... on Article { slug } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const found = (res: any) =>
  res.data.search.edges.map((e: any) => `${e.node.__typename}:${e.node.slug}`);

describe("search over sessions, people and articles", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("read_search");
  });
  afterAll(() => server.close());

  it('finds the git session and the article that covers it for "git"', async () => {
    const res = await server.gql(SEARCH, { q: "git" });
    expect(res.errors).toBeUndefined();
    expect(found(res)).toEqual(
      expect.arrayContaining(["Session:introduction-to-git", "Article:pyworks-2008-wrap-up"]),
    );
    const scores = res.data!.search.edges.map((e: any) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("narrows by type and by community", async () => {
    const sessions = await server.gql(SEARCH, { q: "git", types: ["SESSION"] });
    expect(found(sessions)).toEqual(["Session:introduction-to-git"]);
    const grok = await server.gql(SEARCH, { q: "grok", types: ["SESSION"], community: "php" });
    expect(found(grok)).toEqual([]);
    const grokPython = await server.gql(SEARCH, {
      q: "grok",
      types: ["SESSION"],
      community: "python",
    });
    expect(found(grokPython)).toEqual(["Session:grok-tutorial"]);
    const people = await server.gql(SEARCH, { q: "TurboGears", types: ["PERSON"] });
    expect(found(people).sort()).toEqual(["Person:kevin-dangoor", "Person:mark-ramm"]);
  });

  it.each([
    "a",
    "c++",
    "\"'); DROP TABLE session; --",
    "*",
    '+-><()~*"@',
    "   ",
    "git*",
    "NEAR(git)",
    "ab",
  ])("handles %j without an error", async q => {
    const res = await server.gql(SEARCH, { q });
    expect(res.errors).toBeUndefined();
    expect(Array.isArray(res.data!.search.edges)).toBe(true);
  });

  it("matches prefixes and several words together", async () => {
    const res = await server.gql(SEARCH, { q: "multiproc standard", types: ["SESSION"] });
    expect(found(res)).toEqual(["Session:multiprocessing-in-the-standard-library"]);
  });

  it("pages through results with cursors, each exactly once", async () => {
    const all = await server.gql(SEARCH, { q: "python", first: 100 });
    const expected = found(all);
    expect(expected.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const res: any = await server.gql(SEARCH, { q: "python", first: 2, after });
      seen.push(...found(res));
      if (!res.data.search.pageInfo.hasNextPage) break;
      after = res.data.search.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect(all.data!.search.totalCount).toBe(expected.length);
  });

  it("keeps the index in step with edits", async () => {
    await server.db.dataSource.query(
      "UPDATE session SET title = 'Quixotic version control' WHERE slug = 'introduction-to-git'",
    );
    const res = await server.gql(SEARCH, { q: "quixotic", types: ["SESSION"] });
    expect(found(res)).toEqual(["Session:introduction-to-git"]);
  });

  it("never uses LIKE for search", async () => {
    const { sql } = await server.db.sql.count(() => server.gql(SEARCH, { q: "wsgi middleware" }));
    for (const statement of sql) expect(statement).not.toMatch(/\bLIKE\b/i);
    expect(sql.join("\n")).toMatch(/MATCH/);
  });
});
