import { Role } from "../../entities";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { bearer, codeOf, count, gid, issueToken } from "./helpers";

const CREATE = `mutation ($input: CreateArticleInput!) {
  createArticle(input: $input) { replayed article { id slug version status title authors { slug } topics { slug } sessions { slug } } }
}`;
const PUBLISH = `mutation ($id: ID!, $at: DateTime) { publishArticle(id: $id, publishAt: $at) { id status version publishedAt } }`;
const UNPUBLISH = `mutation ($id: ID!) { unpublishArticle(id: $id) { status } }`;
const DELETE = `mutation ($id: ID!) { deleteArticle(id: $id) { deletedId } }`;

describe("editorial: articles, people, topics and publications", () => {
  let server: TestServer;
  let editor: Record<string, string>;
  let ids: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer("editorial_articles");
    editor = bearer((await issueToken(server, Role.EDITOR)).token);
    ids = {
      pymag: await gid(server, "publication", "python-magazine"),
      doug: await gid(server, "person", "doug-hellmann"),
      git: await gid(server, "topic", "git"),
      gitSession: await gid(server, "session", "introduction-to-git"),
      python: await gid(server, "community", "python"),
    };
  });
  afterAll(() => server.close());

  const input = (extra: Record<string, unknown> = {}) => ({
    title: "Sprinting in Atlanta",
    kind: "FEATURE",
    publication: ids.pymag,
    ...extra,
  });

  it("creates a draft, publishes it only with an author and a body, and shows it to the public", async () => {
    const created = await server.gql(CREATE, { input: input() }, editor);
    expect(created.errors).toBeUndefined();
    const { article } = created.data!.createArticle;
    expect(article).toMatchObject({ slug: "sprinting-in-atlanta", status: "DRAFT", version: 1 });
    expect((await server.gql(`{ article(slug: "sprinting-in-atlanta") { id } }`)).data).toEqual({
      article: null,
    });

    const refused = await server.gql(PUBLISH, { id: article.id }, editor);
    expect(codeOf(refused)).toBe("BAD_USER_INPUT");
    expect((refused.errors![0].extensions!.fields as any[]).map(f => f.field).sort()).toEqual([
      "authors",
      "body",
    ]);

    const updated = await server.gql(
      `mutation ($input: UpdateArticleInput!) { updateArticle(input: $input) { version authors { slug } topics { slug } sessions { slug } } }`,
      {
        input: {
          id: article.id,
          version: 1,
          body: "We sprinted. *Hard.*",
          authors: [ids.doug],
          topics: [ids.git],
          sessions: [ids.gitSession],
        },
      },
      editor,
    );
    expect(updated.data!.updateArticle).toEqual({
      version: 2,
      authors: [{ slug: "doug-hellmann" }],
      topics: [{ slug: "git" }],
      sessions: [{ slug: "introduction-to-git" }],
    });
    const published = await server.gql(PUBLISH, { id: article.id }, editor);
    expect(published.data!.publishArticle).toMatchObject({ status: "PUBLISHED", version: 3 });
    const pub = await server.gql(`{ article(slug: "sprinting-in-atlanta") { title bodyHtml } }`);
    expect(pub.data!.article.bodyHtml).toContain("<em>Hard.</em>");

    // A published article keeps its authors and body; it cannot be deleted until unpublished.
    const empty = await server.gql(
      `mutation ($input: UpdateArticleInput!) { updateArticle(input: $input) { version } }`,
      { input: { id: article.id, version: 3, authors: [] } },
      editor,
    );
    expect(codeOf(empty)).toBe("BAD_USER_INPUT");
    expect(codeOf(await server.gql(DELETE, { id: article.id }, editor))).toBe("CONFLICT");
    expect(
      (await server.gql(UNPUBLISH, { id: article.id }, editor)).data!.unpublishArticle,
    ).toEqual({
      status: "DRAFT",
    });
    const numeric = Number(Buffer.from(article.id, "base64url").toString().split(":")[1]);
    expect(
      (await server.gql(DELETE, { id: article.id }, editor)).data!.deleteArticle.deletedId,
    ).toBe(article.id);
    for (const t of ["article_author", "article_topic", "article_session", "comment"]) {
      expect(await count(server, t, "article_id = ?", [numeric])).toBe(0);
    }
  });

  it("schedules an article: invisible to the public until publishAt", async () => {
    const created = await server.gql(
      CREATE,
      { input: input({ title: "From the future", body: "Soon.", authors: [ids.doug] }) },
      editor,
    );
    const id = created.data!.createArticle.article.id;
    const res = await server.gql(PUBLISH, { id, at: "2999-01-01T00:00:00Z" }, editor);
    expect(res.data!.publishArticle.publishedAt).toBe("2999-01-01T00:00:00Z");
    expect(
      (await server.gql(`{ article(slug: "from-the-future") { id } }`)).data!.article,
    ).toBeNull();
  });

  it("never lets a <script> in Markdown reach bodyHtml as markup", async () => {
    const created = await server.gql(
      CREATE,
      {
        input: input({
          title: "Hostile markdown",
          body: `Hi <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[x](javascript:alert(3))`,
          authors: [ids.doug],
        }),
      },
      editor,
    );
    const id = created.data!.createArticle.article.id;
    await server.gql(PUBLISH, { id }, editor);
    const res = await server.gql(`{ article(slug: "hostile-markdown") { bodyHtml } }`);
    const html = res.data!.article.bodyHtml as string;
    // Tags arrive as escaped text at most: no element, attribute or javascript: link survives.
    expect(html).not.toMatch(/<script|<img|<[^>]*\sonerror|href="javascript:/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("returns the first article when createArticle is retried with the same clientMutationId", async () => {
    const vars = { input: input({ title: "Once only", clientMutationId: "article-once" }) };
    const a = await server.gql(CREATE, vars, editor);
    const b = await server.gql(CREATE, vars, editor);
    expect(b.data!.createArticle.replayed).toBe(true);
    expect(b.data!.createArticle.article.id).toBe(a.data!.createArticle.article.id);
    expect(await count(server, "article", "title = ?", ["Once only"])).toBe(1);
  });

  it("refuses to delete a person who speaks or writes unless asked to detach", async () => {
    const del = `mutation ($id: ID!, $detach: Boolean) { deletePerson(id: $id, detach: $detach) { deletedId } }`;
    const speaker = await gid(server, "person", "brandon-rhodes");
    const before = await count(server, "person");
    const refused = await server.gql(del, { id: speaker }, editor);
    expect(codeOf(refused)).toBe("CONFLICT");
    expect(refused.errors![0].extensions!.sessions).toBeGreaterThan(0);
    expect(await count(server, "person")).toBe(before);

    const detached = await server.gql(del, { id: speaker, detach: true }, editor);
    expect(detached.errors).toBeUndefined();
    expect(await count(server, "person")).toBe(before - 1);
    expect(await count(server, "session_speaker", "person_id NOT IN (SELECT id FROM person)")).toBe(
      0,
    );
  });

  it("refuses to detach the only author of a published article", async () => {
    const del = `mutation ($id: ID!) { deletePerson(id: $id, detach: true) { deletedId } }`;
    const author = await gid(server, "person", "doug-hellmann");
    const refused = await server.gql(del, { id: author }, editor);
    expect(codeOf(refused)).toBe("CONFLICT");
    expect(refused.errors![0].extensions!.soleAuthorOf).toContain("pyworks-2008-wrap-up");
    expect(
      await count(
        server,
        "article_author",
        "person_id = (SELECT id FROM person WHERE slug = 'doug-hellmann')",
      ),
    ).toBeGreaterThan(0);
  });

  it("creates and updates people, topics and publications with generated slugs", async () => {
    const person = await server.gql(
      `mutation { createPerson(input: { name: "Zoë Ångström", links: [{ label: "Site", url: "https://example.org" }] }) { id slug version } }`,
      {},
      editor,
    );
    expect(person.data!.createPerson).toMatchObject({ slug: "zoe-angstrom", version: 1 });
    const badLink = await server.gql(
      `mutation { createPerson(input: { name: "X", links: [{ label: "Site", url: "javascript:alert(1)" }] }) { id } }`,
      {},
      editor,
    );
    expect(codeOf(badLink)).toBe("BAD_USER_INPUT");
    const upd = await server.gql(
      `mutation ($id: ID!) { updatePerson(input: { id: $id, version: 1, bio: "Physicist." }) { bio version } }`,
      { id: person.data!.createPerson.id },
      editor,
    );
    expect(upd.data!.updatePerson).toEqual({ bio: "Physicist.", version: 2 });

    const topic = await server.gql(
      `mutation { createTopic(input: { name: "Git" }) { id slug } }`,
      {},
      editor,
    );
    expect(topic.data!.createTopic.slug).toBe("git-2");
    const taken = await server.gql(
      `mutation { createTopic(input: { name: "Git", slug: "git" }) { id } }`,
      {},
      editor,
    );
    expect(codeOf(taken)).toBe("CONFLICT");
    const renamed = await server.gql(
      `mutation ($id: ID!) { updateTopic(input: { id: $id, version: 1, name: "Git (again)", slug: "git-again" }) { slug name version } }`,
      { id: topic.data!.createTopic.id },
      editor,
    );
    expect(renamed.data!.updateTopic).toEqual({
      slug: "git-again",
      name: "Git (again)",
      version: 2,
    });

    const publication = await server.gql(
      `mutation ($c: ID!) { createPublication(input: { name: "Zope Quarterly", community: $c }) { id slug community { slug } } }`,
      { c: ids.python },
      editor,
    );
    expect(publication.data!.createPublication).toMatchObject({
      slug: "zope-quarterly",
      community: { slug: "python" },
    });
    const stale = await server.gql(
      `mutation ($id: ID!) { updatePublication(input: { id: $id, version: 7, name: "Z" }) { id } }`,
      { id: publication.data!.createPublication.id },
      editor,
    );
    expect(codeOf(stale)).toBe("CONFLICT");
    expect(stale.errors![0].extensions!.currentVersion).toBe(1);
  });
});
