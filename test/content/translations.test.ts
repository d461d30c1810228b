import { Role } from "../../entities";
import { addProgramSessions } from "../../src/db/seed/bulk";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { bearer, codeOf, gid, issueToken } from "../editorial/helpers";

const SET_SESSION = `mutation ($input: SetSessionTranslationInput!) {
  setSessionTranslation(input: $input) { version translations { field locale text } }
}`;
const SET_ARTICLE = `mutation ($input: SetArticleTranslationInput!) {
  setArticleTranslation(input: $input) { version translations { field locale text } }
}`;

describe("translations", () => {
  let server: TestServer;
  let editor: Record<string, string>;
  let git: { id: string; slug: string };
  let other: string;

  async function sessionVersion(slug: string): Promise<number> {
    const res = await server.gql(`query ($s: String!) { session(slug: $s) { version } }`, {
      s: slug,
    });
    return res.data!.session.version;
  }

  beforeAll(async () => {
    server = await startTestServer("content_translations");
    editor = bearer((await issueToken(server, Role.EDITOR)).token);
    git = { slug: "introduction-to-git", id: await gid(server, "session", "introduction-to-git") };
    const rows: { slug: string }[] = await server.db.dataSource.query(
      "SELECT slug FROM session WHERE slug <> ? ORDER BY id LIMIT 1",
      [git.slug],
    );
    other = rows[0].slug;
    const version = await sessionVersion(git.slug);
    const res = await server.gql(
      SET_SESSION,
      {
        input: {
          id: git.id,
          version,
          locale: "de",
          title: "Einführung in Git",
          abstract: "Versionsverwaltung mit Zweigen und Zusammenführungen",
        },
      },
      editor,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.setSessionTranslation.version).toBe(version + 1);
  });
  afterAll(() => server.close());

  it("gives the German title where one exists, and the original, marked, where none does", async () => {
    const query = `query ($a: String!, $b: String!) {
      a: session(slug: $a) { title plain: title(locale: "de") localizedTitle(locale: "de-AT") { text locale translated }
        abstract(locale: "de") translations { field locale } }
      b: session(slug: $b) { title german: title(locale: "de") localizedTitle(locale: "de") { text locale translated } }
    }`;
    const res = await server.gql(query, { a: git.slug, b: other });
    expect(res.errors).toBeUndefined();
    const { a, b } = res.data!;
    expect(a.title).toBe("An Introduction to git");
    expect(a.plain).toBe("Einführung in Git");
    expect(a.localizedTitle).toEqual({ text: "Einführung in Git", locale: "de", translated: true });
    expect(a.abstract).toBe("Versionsverwaltung mit Zweigen und Zusammenführungen");
    expect(a.translations).toEqual([
      { field: "abstract", locale: "de" },
      { field: "title", locale: "de" },
    ]);
    expect(b.german).toBe(b.title);
    expect(b.localizedTitle).toEqual({ text: b.title, locale: null, translated: false });
  });

  it("takes the default language from Accept-Language, and says so in Vary", async () => {
    const res = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent(`{ session(slug: "${git.slug}") { title localizedTitle { locale } } }`)}`,
      {
        headers: {
          "accept-language": "fr;q=0.9, de-CH, en;q=0.5",
          "apollo-require-preflight": "1",
        },
      },
    );
    const body = (await res.json()) as any;
    expect(body.data.session).toEqual({
      title: "Einführung in Git",
      localizedTitle: { locale: "de" },
    });
    expect(res.headers.get("vary")).toMatch(/Accept-Language/);
    // The same GET in English (a response-cache hit would be the German one) gets the original.
    const english = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent(`{ session(slug: "${git.slug}") { title localizedTitle { locale } } }`)}`,
      { headers: { "accept-language": "en", "apollo-require-preflight": "1" } },
    );
    expect(((await english.json()) as any).data.session.title).toBe("An Introduction to git");
  });

  it("finds the German word through search", async () => {
    const res = await server.gql(
      `{ search(query: "Zusammenführungen", types: [SESSION]) { totalCount edges { node { ... on Session { slug } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.search.edges.map((e: any) => e.node.slug)).toEqual([git.slug]);
    const prefix = await server.gql(`{ search(query: "Einführung") { totalCount } }`);
    expect(prefix.data!.search.totalCount).toBeGreaterThanOrEqual(1);
  });

  it("checks translations like the originals, in one round, and versions them", async () => {
    const version = await sessionVersion(git.slug);
    const bad = await server.gql(
      SET_SESSION,
      { input: { id: git.id, version, locale: "not a locale", title: "x".repeat(301) } },
      editor,
    );
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
    const fields = (bad.errors![0].extensions!.fields as { field: string }[]).map(f => f.field);
    expect([...new Set(fields)].sort()).toEqual(["locale", "title"]);
    const stale = await server.gql(
      SET_SESSION,
      { input: { id: git.id, version: version - 1, locale: "fr", title: "Introduction à Git" } },
      editor,
    );
    expect(codeOf(stale)).toBe("CONFLICT");
    expect(await sessionVersion(git.slug)).toBe(version);
    const anonymous = await server.gql(SET_SESSION, {
      input: { id: git.id, version, locale: "fr", title: "Introduction à Git" },
    });
    expect(codeOf(anonymous)).toBe("UNAUTHENTICATED");
    // French is added, then removed again with null.
    const added = await server.gql(
      SET_SESSION,
      { input: { id: git.id, version, locale: "fr", title: "Introduction à Git" } },
      editor,
    );
    expect(added.data!.setSessionTranslation.translations).toHaveLength(3);
    const removed = await server.gql(
      SET_SESSION,
      { input: { id: git.id, version: version + 1, locale: "fr", title: null } },
      editor,
    );
    expect(removed.data!.setSessionTranslation).toMatchObject({ version: version + 2 });
    expect(removed.data!.setSessionTranslation.translations).toHaveLength(2);
  });

  it("translates article titles, excerpts and bodies", async () => {
    const slug: string = (
      await server.db.dataSource.query(
        "SELECT slug FROM article WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1",
      )
    )[0].slug;
    const id = await gid(server, "article", slug);
    const read = await server.gql(`query ($s: String!) { article(slug: $s) { version title } }`, {
      s: slug,
    });
    const { version, title } = read.data!.article;
    const res = await server.gql(
      SET_ARTICLE,
      {
        input: {
          id,
          version,
          locale: "it",
          title: "Cronaca della conferenza",
          excerpt: "In breve",
          body: "Un **resoconto** dettagliato",
        },
      },
      editor,
    );
    expect(res.errors).toBeUndefined();
    const out = await server.gql(
      `query ($s: String!) { article(slug: $s) { title t: title(locale: "it") excerpt(locale: "it")
         bodyHtml(locale: "it") localizedBody(locale: "it") { locale translated } localizedExcerpt(locale: "de") { translated } } }`,
      { s: slug },
    );
    expect(out.data!.article).toEqual({
      title,
      t: "Cronaca della conferenza",
      excerpt: "In breve",
      bodyHtml: expect.stringContaining("<strong>resoconto</strong>"),
      localizedBody: { locale: "it", translated: true },
      localizedExcerpt: { translated: false },
    });
    const found = await server.gql(`{ search(query: "resoconto dettagliato") { totalCount } }`);
    expect(found.data!.search.totalCount).toBe(1);
    const badLocale = await server.gql(`{ article(slug: "${slug}") { title(locale: "x!") } }`);
    expect(codeOf(badLocale)).toBe("BAD_USER_INPUT");
  });

  it("reads translations of a whole list in one statement", async () => {
    await addProgramSessions(server.db.dataSource, "phpworks-2008", 40);
    const query = `query ($n: Int!) { conference(slug: "phpworks-2008") {
      sessions(first: $n) { edges { node { slug title(locale: "de") localizedAbstract(locale: "de") { translated } } } } } }`;
    const count = async (n: number) => {
      const { result, statements } = await server.db.sql.count(() => server.gql(query, { n }));
      expect(result.errors).toBeUndefined();
      return statements;
    };
    const small = await count(2);
    const large = await count(40);
    expect(large).toBe(small);
    const plain = await server.db.sql.count(() =>
      server.gql(
        `query { conference(slug: "phpworks-2008") { sessions(first: 40) { edges { node { title } } } } }`,
      ),
    );
    // Without a language asked for, titles cost no statement at all.
    expect(plain.statements).toBe(small - 1);
  });

  it("deletes a session's translations with the session", async () => {
    const created = await server.gql(
      `mutation ($input: CreateSessionInput!) { createSession(input: $input) { session { id version } } }`,
      {
        input: {
          title: "Short-lived",
          kind: "TALK",
          startsAt: "2008-11-13T10:00:00-05:00",
          endsAt: "2008-11-13T11:00:00-05:00",
          hostConference: await gid(server, "conference", "pyworks-2008"),
          programs: [await gid(server, "conference", "pyworks-2008")],
          audiences: [await gid(server, "community", "python")],
        },
      },
      editor,
    );
    const { id, version } = created.data!.createSession.session;
    const set = await server.gql(
      SET_SESSION,
      { input: { id, version, locale: "de", title: "Kurzlebig" } },
      editor,
    );
    expect(set.errors).toBeUndefined();
    const removed = await server.gql(
      `mutation ($id: ID!) { deleteSession(id: $id) { deletedId } }`,
      { id },
      editor,
    );
    expect(removed.errors).toBeUndefined();
    const left = await server.db.dataSource.query(
      "SELECT COUNT(*) AS n FROM translation WHERE text = 'Kurzlebig'",
    );
    expect(Number(left[0].n)).toBe(0);
    const search = await server.gql(`{ search(query: "Kurzlebig") { totalCount } }`);
    expect(search.data!.search.totalCount).toBe(0);
  });
});
