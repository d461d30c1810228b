import pino from "pino";
import { Role } from "../../entities";
import { ANONYMOUS, LOCAL_OPERATOR } from "../../src/core/context";
import { parsePageArgs } from "../../src/db/pagination";
import { ArticleOrder } from "../../src/services/article.service";
import { reindexAll } from "../../src/db/search-index";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * A draft, an article scheduled for the future and a pending comment must be invisible through every
 * public path: root lists, node/nodes, counts, search, coverage lists and stats. Emails never appear.
 */
describe("public visibility", () => {
  let server: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer("read_visibility");
    const ds = server.db.dataSource;
    // A future article covering the git session, with a distinctive word for search.
    const future = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    await ds.getRepository("Article").insert({
      slug: "scheduled-git-deep-dive",
      title: "Scheduled zanzibarian git deep dive",
      kind: "FEATURE",
      excerpt: "Not yet.",
      body: "Zanzibarian secrets of git.",
      status: "PUBLISHED",
      publishedAt: future,
      publicationId: (
        await ds.query("SELECT id FROM publication WHERE slug = 'python-magazine'")
      )[0].id,
    });
    // The seeded draft gets the same coverage as the wrap-up, so every coverage path could leak it.
    const rows = await ds.query(
      "SELECT id, slug FROM article WHERE slug IN ('what-should-we-cover-next', 'scheduled-git-deep-dive')",
    );
    const git = (await ds.query("SELECT id FROM session WHERE slug = 'introduction-to-git'"))[0].id;
    const pyworks = (await ds.query("SELECT id FROM conference WHERE slug = 'pyworks-2008'"))[0].id;
    const jesse = (await ds.query("SELECT id FROM person WHERE slug = 'jesse-noller'"))[0].id;
    const php = (await ds.query("SELECT id FROM community WHERE slug = 'php'"))[0].id;
    for (const row of rows) {
      await ds.query("INSERT INTO article_session (article_id, session_id) VALUES (?, ?)", [
        row.id,
        git,
      ]);
      await ds.query("INSERT INTO article_conference (article_id, conference_id) VALUES (?, ?)", [
        row.id,
        pyworks,
      ]);
      await ds.query("INSERT INTO article_person (article_id, person_id) VALUES (?, ?)", [
        row.id,
        jesse,
      ]);
      await ds.query("INSERT INTO article_community (article_id, community_id) VALUES (?, ?)", [
        row.id,
        php,
      ]);
      await ds.query(
        "INSERT INTO article_author (article_id, person_id, position) VALUES (?, ?, 0)",
        [row.id, jesse],
      );
      ids[row.slug] = Buffer.from(`Article:${row.id}`).toString("base64url");
    }
    // Written around the API: indexed for search as `npm run search:reindex` would.
    await reindexAll(ds, work => ds.transaction(work));
    const pending = await ds.query("SELECT id FROM comment WHERE status = 'PENDING'");
    ids.pendingComment = Buffer.from(`Comment:${pending[0].id}`).toString("base64url");
  });
  afterAll(() => server.close());

  const HIDDEN = ["what-should-we-cover-next", "scheduled-git-deep-dive"];

  function expectNoHidden(value: unknown) {
    const text = JSON.stringify(value);
    for (const slug of HIDDEN) expect(text).not.toContain(slug);
    expect(text).not.toMatch(/zanzibarian/i);
    expect(text).not.toContain("Please explain sprints"); // the pending comment's body
    expect(text).not.toContain("@example.org");
  }

  it("hides drafts and scheduled articles from root lists and slugs", async () => {
    const res = await server.gql(`{
      articles(first: 100) { totalCount edges { node { slug } } }
      byTitle: articles(first: 100, orderBy: TITLE_ASC) { totalCount edges { node { slug } } }
      draft: article(slug: "what-should-we-cover-next") { slug }
      scheduled: article(slug: "scheduled-git-deep-dive") { slug }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.articles.totalCount).toBe(1);
    expect(res.data!.draft).toBeNull();
    expect(res.data!.scheduled).toBeNull();
    expectNoHidden(res.data);
  });

  it("hides them from node and nodes", async () => {
    const res = await server.gql(
      `query($a: ID!, $b: ID!, $c: ID!) {
      a: node(id: $a) { id } b: node(id: $b) { id } c: node(id: $c) { id }
      nodes(ids: [$a, $b, $c]) { id }
    }`,
      {
        a: ids["what-should-we-cover-next"],
        b: ids["scheduled-git-deep-dive"],
        c: ids.pendingComment,
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: null, c: null, nodes: [null, null, null] });
  });

  it("hides them from coverage lists, author lists, counts and stats", async () => {
    const res = await server.gql(`{
      session(slug: "introduction-to-git") { articles { totalCount edges { node { slug } } } }
      conference(slug: "pyworks-2008") { articles { totalCount edges { node { slug } } } }
      person(slug: "jesse-noller") { articles { totalCount edges { node { slug } } } }
      community(slug: "php") { articles { totalCount edges { node { slug } } } stats { articleCount } }
      publications { slug articles { totalCount edges { node { slug } } } }
      people(filter: { isAuthor: true }) { edges { node { slug } } }
      article(slug: "pyworks-2008-wrap-up") { commentCount comments { totalCount edges { node { authorName body } } } }
    }`);
    expect(res.errors).toBeUndefined();
    expectNoHidden(res.data);
    const d = res.data!;
    expect(d.session.articles.totalCount).toBe(1);
    expect(d.person.articles.totalCount).toBe(0);
    expect(d.community.stats.articleCount).toBe(d.community.articles.totalCount);
    expect(d.people.edges.map((e: any) => e.node.slug)).toEqual(["doug-hellmann"]);
    expect(d.article.commentCount).toBe(1);
    expect(d.article.comments.totalCount).toBe(1);
  });

  it("hides them from search", async () => {
    const res = await server.gql(`{
      a: search(query: "zanzibarian") { totalCount edges { node { __typename } } }
      b: search(query: "cover next", types: [ARTICLE]) { totalCount }
      c: search(query: "sprints") { edges { node { ... on Article { slug } } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.a.totalCount).toBe(0);
    expectNoHidden(res.data);
  });

  it("the public front page reuses its SQL text, with each request's instant", async () => {
    // The unfiltered public list has one form of SQL, written once and reused (PageMember.shape):
    // the scheduled article must still appear once its time has come, and not before.
    const scheduled = (
      await server.db.dataSource.query(
        "SELECT published_at FROM article WHERE slug = 'scheduled-git-deep-dive'",
      )
    )[0].published_at;
    const front = async (now: Date, after?: string) => {
      const ctx = { viewer: ANONYMOUS, now, log: pino({ level: "silent" }) };
      const pages = await server.app.services.articles.pages(
        ctx,
        [{ key: 0, filter: {} }],
        ArticleOrder.PUBLISHED_AT_DESC,
        parsePageArgs({ first: 1, after }),
      );
      return pages.get(0)!;
    };
    const later = new Date(new Date(scheduled).getTime() + 60_000);
    for (const now of [new Date(), later, new Date(), later]) {
      const first = await front(now);
      const second = await front(now, first.pageInfo.endCursor!);
      const slugs = [...first.nodes, ...second.nodes].map(a => a.slug);
      expect(slugs).toEqual(
        now === later
          ? ["scheduled-git-deep-dive", "pyworks-2008-wrap-up"]
          : ["pyworks-2008-wrap-up"],
      );
    }
  });

  it("shows editors drafts and scheduled articles in the same lists, paged in a total order", async () => {
    const ctx = { viewer: LOCAL_OPERATOR, now: new Date(), log: pino({ level: "silent" }) };
    const { token } = await server.app.services.tokens.create(ctx, {
      name: "vis",
      role: Role.EDITOR,
    });
    const editor = { authorization: `Bearer ${token}` };
    const all = await server.gql(
      `{ articles(first: 100) { totalCount edges { node { slug } } } }`,
      {},
      editor,
    );
    expect(all.errors).toBeUndefined();
    // Newest first: the unscheduled draft (as if far in the future), the scheduled one, the wrap-up.
    expect(all.data!.articles.edges.map((e: any) => e.node.slug)).toEqual([
      "what-should-we-cover-next",
      "scheduled-git-deep-dive",
      "pyworks-2008-wrap-up",
    ]);
    expect(all.data!.articles.totalCount).toBe(3);
    // Search shows editors the scheduled article the public does not find.
    const found = await server.gql(
      `{ search(query: "zanzibarian") { totalCount edges { node { ... on Article { slug } } } } }`,
      {},
      editor,
    );
    expect(found.data!.search.edges).toEqual([{ node: { slug: "scheduled-git-deep-dive" } }]);
    for (const orderBy of ["PUBLISHED_AT_DESC", "PUBLISHED_AT_ASC"]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 5; i++) {
        const page: any = await server.gql(
          `query($after: String) { articles(first: 1, after: $after, orderBy: ${orderBy}) { edges { node { slug } } pageInfo { hasNextPage endCursor } } }`,
          { after },
          editor,
        );
        expect(page.errors).toBeUndefined();
        seen.push(...page.data.articles.edges.map((e: any) => e.node.slug));
        if (!page.data.articles.pageInfo.hasNextPage) break;
        after = page.data.articles.pageInfo.endCursor;
      }
      expect([...seen].sort()).toEqual([...HIDDEN, "pyworks-2008-wrap-up"].sort());
    }
    const pending = await server.gql(
      `{ article(slug: "pyworks-2008-wrap-up") { commentCount } }`,
      {},
      editor,
    );
    expect(pending.data!.article.commentCount).toBe(2);
  });

  it("exposes no email field at all", async () => {
    const res = await server.gql(
      `{ article(slug: "pyworks-2008-wrap-up") { comments { edges { node { email } } } } }`,
    );
    expect(res.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
