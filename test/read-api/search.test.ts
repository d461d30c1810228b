import { Role } from "../../entities";
import { reindexAll } from "../../src/db/search-index";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { bearer, gid, issueToken } from "../editorial/helpers";

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

  it("keeps the index in step with the editorial API, in the write's own transaction", async () => {
    const editor = bearer((await issueToken(server, Role.EDITOR)).token);
    const id = await gid(server, "session", "introduction-to-git");
    const read = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on Session { version } } }`,
      { id },
    );
    const version = read.data!.node.version;
    const updated = await server.gql(
      `mutation($input: UpdateSessionInput!) { updateSession(input: $input) { version } }`,
      { input: { id, version, title: "Quixotic version control" } },
      editor,
    );
    expect(updated.errors).toBeUndefined();
    const res = await server.gql(SEARCH, { q: "quixotic", types: ["SESSION"] });
    expect(found(res)).toEqual(["Session:introduction-to-git"]);
    // The old title's word is gone from the index, not only outranked.
    const old = await server.gql(SEARCH, { q: "introduction", types: ["SESSION"] });
    expect(found(old)).not.toContain("Session:introduction-to-git");

    const created = await server.gql(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      { input: { name: "Xanthippe Quillfeather", bio: "Writes about zymurgy." } },
      editor,
    );
    expect(created.errors).toBeUndefined();
    expect(found(await server.gql(SEARCH, { q: "zymurgy" }))).toHaveLength(1);
    const deleted = await server.gql(
      `mutation($id: ID!) { deletePerson(id: $id) { deletedId } }`,
      { id: created.data!.createPerson.id },
      editor,
    );
    expect(deleted.errors).toBeUndefined();
    expect(found(await server.gql(SEARCH, { q: "zymurgy" }))).toEqual([]);
  });

  it("indexes records created side by side, each in its own transaction", async () => {
    const editor = bearer((await issueToken(server, Role.EDITOR)).token);
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        server.gql(
          `mutation($input: CreatePersonInput!) { createPerson(input: $input) { slug } }`,
          { input: { name: `Parallel Writer ${i}`, bio: `Studies zyzzyva number${i}.` } },
          editor,
        ),
      ),
    );
    for (const res of created) expect(res.errors).toBeUndefined();
    const res = await server.gql(SEARCH, { q: "zyzzyva", first: 20 });
    expect(res.data!.search.totalCount).toBe(8);
    const one = await server.gql(SEARCH, { q: "zyzzyva number3" });
    expect(found(one)).toEqual([`Person:${created[3].data!.createPerson.slug}`]);
  });

  it("finds an article once it is published, and not after it is unpublished", async () => {
    const editor = bearer((await issueToken(server, Role.EDITOR)).token);
    const id = await gid(server, "article", "what-should-we-cover-next");
    const publicFinds = async () =>
      found(await server.gql(SEARCH, { q: "cover next", types: ["ARTICLE"] }));
    expect(await publicFinds()).toEqual([]);
    // Editors find the draft.
    const drafts = await server.gql(SEARCH, { q: "cover next", types: ["ARTICLE"] }, editor);
    expect(found(drafts)).toEqual(["Article:what-should-we-cover-next"]);
    const published = await server.gql(
      `mutation($id: ID!) { publishArticle(id: $id) { status } }`,
      { id },
      editor,
    );
    expect(published.errors).toBeUndefined();
    expect(await publicFinds()).toEqual(["Article:what-should-we-cover-next"]);
    const unpublished = await server.gql(
      `mutation($id: ID!) { unpublishArticle(id: $id) { status } }`,
      { id },
      editor,
    );
    expect(unpublished.errors).toBeUndefined();
    expect(await publicFinds()).toEqual([]);
  });

  it("picks up edits made around the API when the index is rebuilt", async () => {
    const ds = server.db.dataSource;
    await ds.query(
      "UPDATE person SET bio = 'Keeps bees and a quokka.' WHERE slug = 'brandon-rhodes'",
    );
    expect(found(await server.gql(SEARCH, { q: "quokka" }))).toEqual([]);
    // Rows of a record deleted around the API: counted, but never shown, until the rebuild.
    await ds.query(
      "INSERT INTO search_posting (kind, subject_id, term, weight_order, public_from) VALUES (2, 999999, 'ghostly', 1, '1970-01-01 00:00:00')",
    );
    const ghost = await server.gql(SEARCH, { q: "ghostly" });
    expect([ghost.data!.search.totalCount, found(ghost)]).toEqual([1, []]);
    const { records } = await reindexAll(ds, work => ds.transaction(work));
    expect(records).toBeGreaterThan(10);
    expect(found(await server.gql(SEARCH, { q: "quokka" }))).toEqual(["Person:brandon-rhodes"]);
    expect((await server.gql(SEARCH, { q: "ghostly" })).data!.search.totalCount).toBe(0);
  });

  it("reads its own index, never LIKE", async () => {
    const { sql } = await server.db.sql.count(() => server.gql(SEARCH, { q: "wsgi middleware" }));
    for (const statement of sql) expect(statement).not.toMatch(/\bLIKE\b/i);
    expect(sql.join("\n")).toMatch(/search_posting/);
  });
});
