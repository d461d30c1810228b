import { Role } from "../../entities";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { bearer, gid, issueToken } from "../editorial/helpers";

const ABOUT = `query ($slug: String!, $first: Int, $after: String) {
  person(slug: $slug) {
    articlesAbout(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { slug people { slug } } }
    }
  }
}`;

describe("Person.articlesAbout", () => {
  let server: TestServer;
  let editor: Record<string, string>;

  /** Every page of a person's articlesAbout, one article a page. */
  async function allPages(slug: string, headers: Record<string, string> = {}) {
    const slugs: string[] = [];
    let after: string | null = null;
    let total: number;
    do {
      const res: any = await server.gql(ABOUT, { slug, first: 1, after }, headers);
      expect(res.errors).toBeUndefined();
      const list = res.data.person.articlesAbout;
      total = list.totalCount;
      for (const e of list.edges) {
        expect(e.node.people.map((p: any) => p.slug)).toContain(slug);
        slugs.push(e.node.slug);
      }
      after = list.pageInfo.hasNextPage ? list.pageInfo.endCursor : null;
    } while (after);
    expect(slugs).toHaveLength(total);
    return slugs;
  }

  beforeAll(async () => {
    server = await startTestServer("content_articles_about");
    editor = bearer((await issueToken(server, Role.EDITOR)).token);
    const publication: string = (await server.gql(`{ publications { id } }`)).data!.publications[0]
      .id;
    const kevin = await gid(server, "person", "kevin-dangoor");
    const author = await gid(server, "person", "brandon-rhodes");
    // Three more articles about Kevin: two published at different instants, one left a draft.
    for (const [title, publishAt] of [
      ["Kevin on TurboGears", "2009-01-10T12:00:00Z"],
      ["Kevin at PyCon", "2009-03-27T12:00:00Z"],
      ["Kevin, unpublished", null],
    ] as const) {
      const res = await server.gql(
        `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`,
        {
          input: {
            title,
            kind: "INTERVIEW",
            publication,
            body: "Text.",
            authors: [author],
            people: [kevin],
          },
        },
        editor,
      );
      expect(res.errors).toBeUndefined();
      if (publishAt) {
        const published = await server.gql(
          `mutation ($id: ID!, $at: DateTime) { publishArticle(id: $id, publishAt: $at) { status } }`,
          { id: res.data!.createArticle.article.id, at: publishAt },
          editor,
        );
        expect(published.errors).toBeUndefined();
      }
    }
  });
  afterAll(() => server.close());

  it("lists the published articles covering a person, newest first, page by page", async () => {
    const slugs = await allPages("kevin-dangoor");
    const expected: { slug: string }[] = await server.db.dataSource.query(
      `SELECT a.slug AS slug FROM article a JOIN article_person ap ON ap.article_id = a.id
        JOIN person p ON p.id = ap.person_id
       WHERE p.slug = 'kevin-dangoor' AND a.status = 'PUBLISHED'
       ORDER BY a.published_at DESC, a.id DESC`,
    );
    expect(slugs).toEqual(expected.map(r => r.slug));
    expect(slugs.slice(0, 2)).toEqual(["kevin-at-pycon", "kevin-on-turbogears"]);
    expect(slugs).not.toContain("kevin-unpublished");
  });

  it("shows drafts to editors only", async () => {
    expect(await allPages("kevin-dangoor", editor)).toContain("kevin-unpublished");
  });

  it("reads the lists of many people in the same number of statements as of one", async () => {
    const query = `query ($n: Int!) { people(first: $n) { edges { node { slug
      articlesAbout(first: 2) { totalCount edges { node { slug } } } } } } }`;
    const count = async (n: number) => {
      const { result, statements } = await server.db.sql.count(() => server.gql(query, { n }));
      expect(result.errors).toBeUndefined();
      return statements;
    };
    expect(await count(20)).toBe(await count(1));
  });
});
