import { Role } from "../../entities";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { bearer, codeOf, createSessionIn, gid, issueToken, snapshot } from "../editorial/helpers";

const UPDATE = `mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { title version } }`;

describe("scoped tokens", () => {
  let server: TestServer;
  let phpOnly: Record<string, string>;
  let readOnly: Record<string, string>;
  let admin: Record<string, string>;
  /** Sessions by shape: only php|works 2008, only PyWorks 2008, and combined. */
  let sessions: Record<"php" | "py" | "both", { slug: string; id: string }>;
  let ids: Record<string, number>;

  const sessionWith = (title: string, host: string, programs: string[]) =>
    createSessionIn(server, title, host, programs);

  async function versionOf(slug: string): Promise<number> {
    const res = await server.gql(`query ($slug: String!) { session(slug: $slug) { version } }`, {
      slug,
    });
    return res.data!.session.version;
  }

  beforeAll(async () => {
    server = await startTestServer("content_scoped_tokens");
    const idOf = async (slug: string) =>
      Number(
        (await server.db.dataSource.query("SELECT id FROM conference WHERE slug = ?", [slug]))[0]
          .id,
      );
    ids = { php: await idOf("phpworks-2008"), py: await idOf("pyworks-2008") };
    const ctx = server.app.createContext(undefined, LOCAL_OPERATOR);
    phpOnly = bearer(
      (
        await server.app.services.tokens.create(ctx, {
          name: "php|works desk",
          role: Role.EDITOR,
          conferenceIds: [ids.php],
        })
      ).token,
    );
    readOnly = bearer(
      (
        await server.app.services.tokens.create(ctx, {
          name: "reviewer",
          role: Role.ADMIN,
          readOnly: true,
        })
      ).token,
    );
    admin = bearer((await issueToken(server, Role.ADMIN)).token);
    sessions = {
      php: await sessionWith("PHP only", "phpworks-2008", ["phpworks-2008"]),
      py: await sessionWith("Python only", "pyworks-2008", ["pyworks-2008"]),
      both: await sessionWith("Combined", "phpworks-2008", ["phpworks-2008", "pyworks-2008"]),
    };
  });
  afterAll(() => server.close());

  it("lets a token scoped to php|works 2008 edit its sessions", async () => {
    const version = await versionOf(sessions.php.slug);
    const res = await server.gql(
      UPDATE,
      { input: { id: sessions.php.id, version, title: "Edited by the php|works desk" } },
      phpOnly,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateSession).toEqual({
      title: "Edited by the php|works desk",
      version: version + 1,
    });
  });

  it("refuses PyWorks 2008's sessions and combined ones with FORBIDDEN, writing nothing", async () => {
    const before = await snapshot(server);
    for (const target of [sessions.py, sessions.both]) {
      const res = await server.gql(
        UPDATE,
        { input: { id: target.id, version: await versionOf(target.slug), title: "Hijacked" } },
        phpOnly,
      );
      expect(codeOf(res)).toBe("FORBIDDEN");
      const removed = await server.gql(
        `mutation ($id: ID!) { deleteSession(id: $id) { deletedId } }`,
        { id: target.id },
        phpOnly,
      );
      expect(codeOf(removed)).toBe("FORBIDDEN");
    }
    // Moving its own session into PyWorks' program is touching PyWorks too.
    const moved = await server.gql(
      UPDATE,
      {
        input: {
          id: sessions.php.id,
          version: await versionOf(sessions.php.slug),
          programs: [
            await gid(server, "conference", "phpworks-2008"),
            await gid(server, "conference", "pyworks-2008"),
          ],
        },
      },
      phpOnly,
    );
    expect(codeOf(moved)).toBe("FORBIDDEN");
    const created = await server.gql(
      `mutation ($input: CreateSessionInput!) { createSession(input: $input) { session { id } } }`,
      {
        input: {
          title: "Sneaky combined session",
          kind: "TALK",
          startsAt: "2008-11-13T10:00:00-05:00",
          endsAt: "2008-11-13T11:00:00-05:00",
          hostConference: await gid(server, "conference", "phpworks-2008"),
          programs: [
            await gid(server, "conference", "phpworks-2008"),
            await gid(server, "conference", "pyworks-2008"),
          ],
          audiences: [await gid(server, "community", "php")],
        },
      },
      phpOnly,
    );
    expect(codeOf(created)).toBe("FORBIDDEN");
    // Writes that belong to no conference are outside its scope too.
    const publication: string = (await server.gql(`{ publications { id } }`)).data!.publications[0]
      .id;
    const article = await server.gql(
      `mutation ($p: ID!) { createArticle(input: { title: "Off scope", kind: NEWS, publication: $p }) { article { id } } }`,
      { p: publication },
      phpOnly,
    );
    expect(codeOf(article)).toBe("FORBIDDEN");
    expect(await snapshot(server)).toEqual(before);
  });

  it("lets a read-only token read unpublished material but write nothing", async () => {
    const before = await snapshot(server);
    const drafts = await server.gql(`{ articles(first: 50) { totalCount } }`, {}, readOnly);
    expect(drafts.errors).toBeUndefined();
    const anonymous = await server.gql(`{ articles(first: 50) { totalCount } }`);
    expect(drafts.data!.articles.totalCount).toBeGreaterThan(
      anonymous.data?.articles?.totalCount ?? 0,
    );
    const res = await server.gql(
      UPDATE,
      { input: { id: sessions.php.id, version: await versionOf(sessions.php.slug), title: "No" } },
      readOnly,
    );
    expect(codeOf(res)).toBe("FORBIDDEN");
    const token = await server.gql(
      `mutation { createApiToken(input: { name: "wider", role: ADMIN }) { token } }`,
      {},
      readOnly,
    );
    expect(codeOf(token)).toBe("FORBIDDEN");
    expect(await snapshot(server)).toEqual(before);
  });

  it("issues scoped tokens through the admin API and shows their scope", async () => {
    const php = await gid(server, "conference", "phpworks-2008");
    const res = await server.gql(
      `mutation ($c: [ID!]) { createApiToken(input: { name: "desk", role: EDITOR, conferences: $c, readOnly: false }) {
         token apiToken { readOnly conferences { slug } } } }`,
      { c: [php] },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createApiToken.apiToken).toEqual({
      readOnly: false,
      conferences: [{ slug: "phpworks-2008" }],
    });
    const desk = bearer(res.data!.createApiToken.token);
    const refused = await server.gql(
      UPDATE,
      { input: { id: sessions.py.id, version: await versionOf(sessions.py.slug), title: "x" } },
      desk,
    );
    expect(codeOf(refused)).toBe("FORBIDDEN");
    const listed = await server.gql(
      `{ apiTokens { name readOnly conferences { slug } } }`,
      {},
      admin,
    );
    expect(listed.data!.apiTokens).toEqual(
      expect.arrayContaining([
        { name: "reviewer", readOnly: true, conferences: null },
        { name: "php|works desk", readOnly: false, conferences: [{ slug: "phpworks-2008" }] },
      ]),
    );
    const unknown = await server.gql(
      `mutation ($c: [ID!]) { createApiToken(input: { name: "x", role: EDITOR, conferences: $c }) { token } }`,
      { c: [] },
      admin,
    );
    expect(codeOf(unknown)).toBe("BAD_USER_INPUT");
  });
});
