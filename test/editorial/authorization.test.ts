import { ArticleKind, Role, SessionKind } from "../../entities";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { toGlobalId } from "../../src/core/global-id";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { bearer, gid, issueToken, revokedToken, snapshot } from "./helpers";

type Needs = "ANYONE" | "EDITOR" | "ADMIN";
interface Case {
  name: string;
  needs: Needs;
  query: string;
  /** Fresh, valid variables for one call (may create the record the call works on). */
  vars: () => Promise<Record<string, unknown>>;
}

const CALLERS = ["anonymous", "bad token", "revoked token", "editor", "admin"] as const;
type Caller = (typeof CALLERS)[number];

/** What each caller must get: "ok" or an error code. */
function expected(needs: Needs, caller: Caller): string {
  if (caller === "bad token" || caller === "revoked token") return "UNAUTHENTICATED";
  if (needs === "ANYONE") return "ok";
  if (caller === "anonymous") return "UNAUTHENTICATED";
  if (needs === "ADMIN" && caller === "editor") return "FORBIDDEN";
  return "ok";
}

describe("editorial: the authorization matrix", () => {
  let server: TestServer;
  const headers: Record<Caller, Record<string, string>> = {} as never;
  let n = 0;
  const local = () => server.app.createContext(undefined, LOCAL_OPERATOR);
  const version = async (table: string, slug: string) =>
    Number(
      (await server.db.dataSource.query(`SELECT version FROM ${table} WHERE slug = ?`, [slug]))[0]
        .version,
    );
  const ids: Record<string, string> = {};

  async function freshSession() {
    const { session } = await server.app.services.editorial.sessions.create(local(), {
      title: `Disposable ${++n}`,
      kind: SessionKind.MEETUP,
      startsAt: new Date("2008-11-13T23:00:00Z"),
      endsAt: new Date("2008-11-14T00:00:00Z"),
      hostConference: ids.pyworks,
      programs: [ids.pyworks],
      audiences: [ids.python],
    });
    return toGlobalId("Session", session.id);
  }

  async function freshArticle(publish = false) {
    const { article } = await server.app.services.editorial.articles.create(local(), {
      title: `Disposable article ${++n}`,
      kind: ArticleKind.NEWS,
      body: "Body.",
      publication: ids.pymag,
      authors: [ids.doug],
    });
    const id = toGlobalId("Article", article.id);
    if (publish) await server.app.services.editorial.articles.publish(local(), id, null, null);
    return id;
  }

  const CASES: Case[] = [
    {
      name: "createConference",
      needs: "ADMIN",
      query: `mutation ($input: CreateConferenceInput!) { createConference(input: $input) { id } }`,
      vars: async () => ({
        input: {
          name: `Conf ${++n}`,
          edition: 2009,
          community: ids.python,
          organizer: "Someone",
          startsOn: "2009-01-01",
          endsOn: "2009-01-02",
          timezone: "Europe/Berlin",
          venue: { name: "Hall", city: "Berlin", country: "DE" },
        },
      }),
    },
    {
      name: "updateConference",
      needs: "ADMIN",
      query: `mutation ($input: UpdateConferenceInput!) { updateConference(input: $input) { id } }`,
      vars: async () => ({
        input: {
          id: ids.pycon,
          version: await version("conference", "pycon-2009"),
          attendance: n++,
        },
      }),
    },
    {
      name: "setColocated",
      needs: "ADMIN",
      query: `mutation ($c: [ID!]!) { setColocated(conferences: $c) { id } }`,
      vars: async () => ({ c: [ids.pyworks, ids.phpworks] }),
    },
    {
      name: "createCommunity",
      needs: "ADMIN",
      query: `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      vars: async () => ({ input: { name: `Community ${++n}` } }),
    },
    {
      name: "updateCommunity",
      needs: "ADMIN",
      query: `mutation ($input: UpdateCommunityInput!) { updateCommunity(input: $input) { id } }`,
      vars: async () => ({
        input: { id: ids.php, version: await version("community", "php"), description: `d${++n}` },
      }),
    },
    {
      name: "createSession",
      needs: "EDITOR",
      query: `mutation ($input: CreateSessionInput!) { createSession(input: $input) { session { id } } }`,
      vars: async () => ({
        input: {
          title: `Session ${++n}`,
          kind: "TALK",
          startsAt: "2008-11-13T10:00:00-05:00",
          endsAt: "2008-11-13T11:00:00-05:00",
          hostConference: ids.pyworks,
          programs: [ids.pyworks],
          audiences: [ids.python],
        },
      }),
    },
    {
      name: "updateSession",
      needs: "EDITOR",
      query: `mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { id } }`,
      vars: async () => ({
        input: {
          id: ids.keynote,
          version: await version("session", "growing-your-community"),
          room: `Room ${++n}`,
        },
      }),
    },
    {
      name: "deleteSession",
      needs: "EDITOR",
      query: `mutation ($id: ID!) { deleteSession(id: $id) { deletedId } }`,
      vars: async () => ({ id: await freshSession() }),
    },
    {
      name: "createPerson",
      needs: "EDITOR",
      query: `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      vars: async () => ({ input: { name: `Person ${++n}` } }),
    },
    {
      name: "updatePerson",
      needs: "EDITOR",
      query: `mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }`,
      vars: async () => ({
        input: { id: ids.jesse, version: await version("person", "jesse-noller"), bio: `b${++n}` },
      }),
    },
    {
      name: "deletePerson",
      needs: "EDITOR",
      query: `mutation ($id: ID!) { deletePerson(id: $id) { deletedId } }`,
      vars: async () => {
        const person = await server.app.services.editorial.people.create(local(), {
          name: `Short-lived ${++n}`,
        });
        return { id: toGlobalId("Person", person.id) };
      },
    },
    {
      name: "createArticle",
      needs: "EDITOR",
      query: `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`,
      vars: async () => ({
        input: { title: `Article ${++n}`, kind: "NEWS", publication: ids.pymag },
      }),
    },
    {
      name: "updateArticle",
      needs: "EDITOR",
      query: `mutation ($input: UpdateArticleInput!) { updateArticle(input: $input) { id } }`,
      vars: async () => ({
        input: {
          id: ids.editorial,
          version: await version("article", ids.editorialSlug),
          excerpt: `e${++n}`,
        },
      }),
    },
    {
      name: "publishArticle",
      needs: "EDITOR",
      query: `mutation ($id: ID!) { publishArticle(id: $id) { id } }`,
      vars: async () => ({ id: await freshArticle() }),
    },
    {
      name: "unpublishArticle",
      needs: "EDITOR",
      query: `mutation ($id: ID!) { unpublishArticle(id: $id) { id } }`,
      vars: async () => ({ id: await freshArticle(true) }),
    },
    {
      name: "deleteArticle",
      needs: "EDITOR",
      query: `mutation ($id: ID!) { deleteArticle(id: $id) { deletedId } }`,
      vars: async () => ({ id: await freshArticle() }),
    },
    {
      name: "createTopic",
      needs: "EDITOR",
      query: `mutation ($input: CreateTopicInput!) { createTopic(input: $input) { id } }`,
      vars: async () => ({ input: { name: `Topic ${++n}` } }),
    },
    {
      name: "updateTopic",
      needs: "EDITOR",
      query: `mutation ($input: UpdateTopicInput!) { updateTopic(input: $input) { id } }`,
      vars: async () => ({
        input: { id: ids.wsgi, version: await version("topic", "wsgi"), name: `WSGI ${++n}` },
      }),
    },
    {
      name: "createPublication",
      needs: "EDITOR",
      query: `mutation ($input: CreatePublicationInput!) { createPublication(input: $input) { id } }`,
      vars: async () => ({ input: { name: `Publication ${++n}`, community: ids.python } }),
    },
    {
      name: "updatePublication",
      needs: "EDITOR",
      query: `mutation ($input: UpdatePublicationInput!) { updatePublication(input: $input) { id } }`,
      vars: async () => ({
        input: {
          id: ids.phpa,
          version: await version("publication", "php-architect"),
          description: `d${++n}`,
        },
      }),
    },
    {
      name: "postComment",
      needs: "ANYONE",
      query: `mutation ($a: ID!) { postComment(articleId: $a, authorName: "R", body: "Hello") { comment { id } } }`,
      vars: async () => ({ a: ids.commentable }),
    },
    {
      name: "moderateComment",
      needs: "EDITOR",
      query: `mutation ($id: ID!, $s: CommentStatus!) { moderateComment(id: $id, status: $s) { id } }`,
      vars: async () => ({ id: ids.comment, s: n++ % 2 ? "APPROVED" : "REJECTED" }),
    },
    {
      name: "createApiToken",
      needs: "ADMIN",
      query: `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`,
      vars: async () => ({ input: { name: `t${++n}`, role: "EDITOR" } }),
    },
    {
      name: "revokeApiToken",
      needs: "ADMIN",
      query: `mutation ($id: ID!) { revokeApiToken(id: $id) { id } }`,
      vars: async () => {
        const { record } = await issueToken(server, Role.EDITOR, `to revoke ${++n}`);
        return { id: toGlobalId("ApiToken", record.id) };
      },
    },
    {
      name: "apiTokens (query)",
      needs: "ADMIN",
      query: `{ apiTokens { id } }`,
      vars: async () => ({}),
    },
  ];

  beforeAll(async () => {
    server = await startTestServer("editorial_authz", {
      config: { comments: { autoApprovePublications: [], perMinute: 0, perDay: 0 } },
    });
    headers.anonymous = {};
    headers["bad token"] = bearer(`ctk_${"B".repeat(43)}`);
    headers["revoked token"] = bearer(await revokedToken(server));
    headers.editor = bearer((await issueToken(server, Role.EDITOR)).token);
    headers.admin = bearer((await issueToken(server, Role.ADMIN)).token);
    const [draft] = await server.db.dataSource.query(
      "SELECT slug FROM article WHERE status = 'DRAFT'",
    );
    const [comment] = await server.db.dataSource.query("SELECT id FROM comment");
    Object.assign(ids, {
      pyworks: await gid(server, "conference", "pyworks-2008"),
      phpworks: await gid(server, "conference", "phpworks-2008"),
      pycon: await gid(server, "conference", "pycon-2009"),
      python: await gid(server, "community", "python"),
      php: await gid(server, "community", "php"),
      keynote: await gid(server, "session", "growing-your-community"),
      jesse: await gid(server, "person", "jesse-noller"),
      doug: await gid(server, "person", "doug-hellmann"),
      pymag: await gid(server, "publication", "python-magazine"),
      phpa: await gid(server, "publication", "php-architect"),
      wsgi: await gid(server, "topic", "wsgi"),
      editorial: await gid(server, "article", draft.slug),
      editorialSlug: draft.slug,
      comment: toGlobalId("Comment", Number(comment.id)),
    });
    ids.commentable = await freshArticle(true);
  });
  afterAll(() => server.close());

  const rows = CASES.flatMap(c => CALLERS.map(caller => [c.name, caller, c] as const));

  it.each(rows)("%s as %s", async (_name, caller, c) => {
    const want = expected(c.needs, caller);
    const vars = await c.vars();
    const before = want === "ok" ? null : await snapshot(server);
    const res = await server.gql(c.query, vars, headers[caller]);
    if (want === "ok") {
      expect(res.errors).toBeUndefined();
      expect(Object.values(res.data ?? {})[0]).toBeTruthy();
      return;
    }
    expect(res.errors?.[0]?.extensions?.code).toBe(want);
    expect(Object.values(res.data ?? {}).every(v => v === null)).toBe(true);
    // A refused call changes nothing at all.
    expect(await snapshot(server)).toEqual(before);
  });
});
