import { startTestServer, type TestServer } from "../helpers/test-server";

const SEARCH = `query ($q: String!, $first: Int, $after: String, $community: String) {
  search(query: $q, first: $first, after: $after, community: $community) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { __typename } }
    facets { byType { type count } byCommunity { community { slug parent { slug } } count } }
  }
}`;

describe("search facets", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("content_search_facets");
  });
  afterAll(() => server.close());

  it("counts the whole result set by type and by root community, with one statement", async () => {
    const q = "python";
    const first = await server.gql(SEARCH, { q, first: 2 });
    expect(first.errors).toBeUndefined();
    const { totalCount, facets } = first.data!.search;
    expect(totalCount).toBeGreaterThan(2);

    // By type: the counts of every page together.
    const seen: Record<string, number> = {};
    let after: string | null = null;
    do {
      const page: any = (await server.gql(SEARCH, { q, first: 3, after })).data!.search;
      for (const e of page.edges) seen[e.node.__typename] = (seen[e.node.__typename] ?? 0) + 1;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const TYPES = { SESSION: "Session", PERSON: "Person", ARTICLE: "Article" } as const;
    expect(
      Object.fromEntries(
        facets.byType.map((f: any) => [TYPES[f.type as keyof typeof TYPES], f.count]),
      ),
    ).toEqual(seen);

    // By root community: each count is what the community filter finds.
    expect(facets.byCommunity.length).toBeGreaterThanOrEqual(2);
    for (const f of facets.byCommunity) {
      expect(f.community.parent).toBeNull();
      const narrowed = await server.gql(SEARCH, { q, first: 1, community: f.community.slug });
      expect(narrowed.data!.search.totalCount).toBe(f.count);
    }

    // Facets cost one statement, whatever the page size.
    const plain = `query ($q: String!, $first: Int) { search(query: $q, first: $first) { totalCount } }`;
    const withFacets = `query ($q: String!, $first: Int) { search(query: $q, first: $first) { totalCount facets { byType { count } byCommunity { count } } } }`;
    const count = async (query: string, n: number) =>
      (await server.db.sql.count(() => server.gql(query, { q, first: n }))).statements;
    for (const n of [1, 50]) {
      expect(await count(withFacets, n)).toBe((await count(plain, n)) + 1);
    }
  });

  it("gives empty facets for a search that finds nothing", async () => {
    const res = await server.gql(SEARCH, { q: "zzzqqqxxy", first: 5 });
    expect(res.data!.search.facets).toEqual({ byType: [], byCommunity: [] });
  });
});
