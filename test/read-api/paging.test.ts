import { startTestServer, type TestServer } from "../helpers/test-server";

const PAGE = `query Page($first: Int, $after: String, $last: Int, $before: String, $orderBy: SessionOrder) {
  sessions(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount
    edges { cursor node { slug } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe("Relay pagination with keyset cursors", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("read_paging");
  });
  afterAll(() => server.close());

  async function all(orderBy: string): Promise<string[]> {
    const res = await server.gql(PAGE, { first: 100, orderBy });
    expect(res.errors).toBeUndefined();
    return res.data!.sessions.edges.map((e: any) => e.node.slug);
  }

  it.each(["START_TIME_ASC", "START_TIME_DESC", "TITLE_ASC"])(
    "pages through every session 7 at a time, forwards and backwards, in %s order",
    async orderBy => {
      const expected = await all(orderBy);
      expect(expected.length).toBeGreaterThan(14);

      const forwards: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 10; guard++) {
        const res: any = await server.gql(PAGE, { first: 7, after, orderBy });
        expect(res.errors).toBeUndefined();
        const { edges, pageInfo, totalCount } = res.data.sessions;
        expect(totalCount).toBe(expected.length);
        forwards.push(...edges.map((e: any) => e.node.slug));
        expect(pageInfo.hasPreviousPage).toBe(after !== null);
        if (!pageInfo.hasNextPage) break;
        after = pageInfo.endCursor;
      }
      expect(forwards).toEqual(expected);

      const backwards: string[] = [];
      let before: string | null = null;
      for (let guard = 0; guard < 10; guard++) {
        const res: any = await server.gql(PAGE, { last: 7, before, orderBy });
        expect(res.errors).toBeUndefined();
        const { edges, pageInfo } = res.data.sessions;
        backwards.unshift(...edges.map((e: any) => e.node.slug));
        if (!pageInfo.hasPreviousPage) break;
        before = pageInfo.startCursor;
      }
      expect(backwards).toEqual(expected);
    },
  );

  it("answers first: 0 with no edges but the truth about the next page", async () => {
    const res = await server.gql(
      `{ sessions(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.sessions.edges).toEqual([]);
    expect(res.data!.sessions.pageInfo.hasNextPage).toBe(true);
  });

  it("defaults to 20 and accepts 100", async () => {
    const res = await server.gql(
      `{ sessions { edges { node { slug } } } conferences(first: 100) { edges { node { slug } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.sessions.edges.length).toBeLessThanOrEqual(20);
  });

  it.each([
    ["first: 101", /first must be between 0 and 100/],
    ["last: 101", /last must be between 0 and 100/],
    ["first: -1", /first must be between 0 and 100/],
    ["first: 2, last: 2", /either first or last/],
    [`after: "not-a-cursor"`, /not a cursor/],
    [
      `after: "${Buffer.from('["c1",[1]]').toString("base64url")}"`,
      /does not belong to this sort order/,
    ],
  ])("refuses %s with BAD_USER_INPUT", async (args, message) => {
    const res = await server.gql(`{ sessions(${args}) { edges { node { slug } } } }`);
    expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0].message).toMatch(message);
  });

  it("pages nested connections per parent, consistently with the root list", async () => {
    const res = await server.gql(`{
      communities {
        slug
        sessions(first: 2) { edges { node { slug } } pageInfo { hasNextPage endCursor } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const python = res.data!.communities.find((c: any) => c.slug === "python");
    expect(python.sessions.edges).toHaveLength(2);
    expect(python.sessions.pageInfo.hasNextPage).toBe(true);
    const next = await server.gql(
      `query($after: String) { community(slug: "python") { sessions(first: 2, after: $after) { edges { node { slug } } } } }`,
      { after: python.sessions.pageInfo.endCursor },
    );
    const all = await server.gql(
      `{ community(slug: "python") { sessions(first: 4) { edges { node { slug } } } } }`,
    );
    const slugs = (c: any) => c.edges.map((e: any) => e.node.slug);
    expect([...slugs(python.sessions), ...slugs(next.data!.community.sessions)]).toEqual(
      slugs(all.data!.community.sessions),
    );
  });

  it("uses no OFFSET in any statement of a paged read", async () => {
    const { sql } = await server.db.sql.count(() =>
      server.gql(
        `{ sessions(first: 3, after: null) { edges { cursor node { slug speakers { slug } } } } }`,
      ),
    );
    expect(sql.length).toBeGreaterThan(0);
    for (const statement of sql) expect(statement).not.toMatch(/\bOFFSET\b/i);
  });
});
