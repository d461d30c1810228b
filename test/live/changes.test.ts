import { Role } from "../../entities";
import { toGlobalId } from "../../src/core/global-id";
import { bearer, gid, issueToken } from "../editorial/helpers";
import { TEST_ENGINE } from "../helpers/test-db";
import { startTestServer, type TestServer } from "../helpers/test-server";

const VERSIONS = `{
  py: conference(slug: "pyworks-2008") { scheduleVersion }
  php: conference(slug: "phpworks-2008") { scheduleVersion }
  pycon: conference(slug: "pycon-2009") { scheduleVersion }
}`;
const CHANGES = `query ($slug: String!, $since: Int, $first: Int, $after: String) {
  conference(slug: $slug) {
    scheduleVersion
    changes(since: $since, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        scheduleVersion kind subject changedAt
        conference { slug }
        session { slug status startsAt }
        fields { field oldValue newValue }
      }
    }
  }
}`;
const ROOT = `query ($slugs: [String!]!, $since: DateTime, $first: Int, $after: String) {
  changes(conferences: $slugs, since: $since, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { scheduleVersion kind subject conference { slug } fields { field newValue } }
  }
}`;
const MOVE = `mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { version } }`;

describe(`schedule versions and changes on ${TEST_ENGINE}`, () => {
  let server: TestServer;
  let editor: Record<string, string>;
  let admin: Record<string, string>;
  let git: string;

  beforeAll(async () => {
    server = await startTestServer("live_changes");
    editor = bearer((await issueToken(server, Role.EDITOR)).token);
    admin = bearer((await issueToken(server, Role.ADMIN)).token);
    git = await gid(server, "session", "introduction-to-git");
  });
  afterAll(() => server.close());

  async function versions() {
    const res = await server.gql(VERSIONS);
    expect(res.errors).toBeUndefined();
    return {
      py: res.data!.py.scheduleVersion as number,
      php: res.data!.php.scheduleVersion as number,
      pycon: res.data!.pycon.scheduleVersion as number,
    };
  }

  async function sessionVersion(id: string): Promise<number> {
    const res = await server.gql(
      `query ($id: ID!) { node(id: $id) { ... on Session { version } } }`,
      {
        id,
      },
    );
    return res.data!.node.version;
  }

  it("moving a combined session raises both programs' versions, and changes(since:) returns the move (acceptance 1)", async () => {
    const before = await versions();
    const res = await server.gql(
      MOVE,
      {
        input: {
          id: git,
          version: await sessionVersion(git),
          startsAt: "2008-11-12T14:00:00-05:00",
          endsAt: "2008-11-12T15:30:00-05:00",
        },
      },
      editor,
    );
    expect(res.errors).toBeUndefined();
    const after = await versions();
    expect(after).toEqual({ py: before.py + 1, php: before.php + 1, pycon: before.pycon });

    for (const slug of ["phpworks-2008", "pyworks-2008"]) {
      const since = slug === "phpworks-2008" ? before.php : before.py;
      const list = await server.gql(CHANGES, { slug, since });
      expect(list.errors).toBeUndefined();
      const { nodes, totalCount } = list.data!.conference.changes;
      expect(totalCount).toBe(1);
      expect(nodes).toEqual([
        expect.objectContaining({
          scheduleVersion: since + 1,
          kind: "UPDATED",
          subject: git,
          conference: { slug },
          session: {
            slug: "introduction-to-git",
            status: "SCHEDULED",
            startsAt: "2008-11-12T14:00:00-05:00",
          },
        }),
      ]);
      const fields = Object.fromEntries(
        (nodes[0].fields as { field: string }[]).map(f => [f.field, f]),
      );
      expect(Object.keys(fields).sort()).toEqual(["endsAt", "startsAt"]);
      expect(fields.startsAt).toEqual({
        field: "startsAt",
        oldValue: "2008-11-12T15:30:00.000Z",
        newValue: "2008-11-12T19:00:00.000Z",
      });
    }
  });

  it("records create, cancel and delete, keeping the deleted subject's id; an update that changes nothing records nothing", async () => {
    const ids = {
      py: await gid(server, "conference", "pyworks-2008"),
      python: await gid(server, "community", "python"),
    };
    const before = await versions();
    const created = await server.gql(
      `mutation ($input: CreateSessionInput!) { createSession(input: $input) { session { id version } } }`,
      {
        input: {
          title: "Lightning talks",
          kind: "TALK",
          startsAt: "2008-11-13T16:00:00-05:00",
          endsAt: "2008-11-13T17:00:00-05:00",
          hostConference: ids.py,
          programs: [ids.py],
          audiences: [ids.python],
        },
      },
      editor,
    );
    expect(created.errors).toBeUndefined();
    const { id, version } = created.data!.createSession.session;
    const same = await server.gql(
      MOVE,
      { input: { id, version, title: "Lightning talks" } },
      editor,
    );
    expect(same.errors).toBeUndefined();
    const cancelled = await server.gql(
      `mutation ($id: ID!) { cancelSession(id: $id) { status version } }`,
      { id },
      editor,
    );
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelSession.status).toBe("CANCELLED");
    // Twice: nothing more changes.
    const again = await server.gql(
      `mutation ($id: ID!) { cancelSession(id: $id) { status } }`,
      { id },
      editor,
    );
    expect(again.errors).toBeUndefined();
    // Still listed in its program, marked cancelled.
    const program = await server.gql(
      `{ conference(slug: "pyworks-2008") { sessions(first: 100) { nodes { id status } } } }`,
    );
    expect(program.data!.conference.sessions.nodes).toContainEqual({ id, status: "CANCELLED" });
    const deleted = await server.gql(
      `mutation ($id: ID!) { deleteSession(id: $id) { deletedId } }`,
      { id },
      editor,
    );
    expect(deleted.errors).toBeUndefined();

    expect(await versions()).toEqual({ ...before, py: before.py + 3 });
    const list = await server.gql(CHANGES, { slug: "pyworks-2008", since: before.py });
    const nodes = list.data!.conference.changes.nodes as {
      kind: string;
      subject: string;
      session: unknown;
      scheduleVersion: number;
      fields: { field: string; oldValue: string | null; newValue: string | null }[];
    }[];
    expect(nodes.map(n => [n.scheduleVersion, n.kind, n.subject, n.session])).toEqual([
      [before.py + 1, "CREATED", id, null],
      [before.py + 2, "CANCELLED", id, null],
      [before.py + 3, "DELETED", id, null],
    ]);
    expect(nodes[0].fields).toContainEqual({
      field: "title",
      oldValue: null,
      newValue: "Lightning talks",
    });
    expect(nodes[1].fields).toEqual([
      { field: "status", oldValue: "SCHEDULED", newValue: "CANCELLED" },
    ]);
    expect(nodes[2].fields).toContainEqual({
      field: "title",
      oldValue: "Lightning talks",
      newValue: null,
    });
  });

  it("records a conference's new days and co-location as changes to that conference", async () => {
    const before = await versions();
    const conf = await server.gql(
      `{ conference(slug: "pycon-2009") { id version startsOn endsOn } }`,
    );
    const { id, version } = conf.data!.conference;
    const res = await server.gql(
      `mutation ($input: UpdateConferenceInput!) { updateConference(input: $input) { version } }`,
      { input: { id, version, venue: { name: "Hyatt Regency", city: "Chicago", country: "US" } } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const list = await server.gql(CHANGES, { slug: "pycon-2009", since: before.pycon });
    expect(list.data!.conference.changes.nodes).toEqual([
      expect.objectContaining({ kind: "UPDATED", subject: id, session: null }),
    ]);
    // Co-location: pycon joins the 2008 event, then leaves it; all three programs change each time.
    const py = await gid(server, "conference", "pyworks-2008");
    const php = await gid(server, "conference", "phpworks-2008");
    const join = await server.gql(
      `mutation ($c: [ID!]!) { setColocated(conferences: $c) { slug } }`,
      { c: [py, php, id] },
      admin,
    );
    expect(join.errors).toBeUndefined();
    const leave = await server.gql(
      `mutation ($c: [ID!]!) { setColocated(conferences: $c) { slug } }`,
      { c: [py, php] },
      admin,
    );
    expect(leave.errors).toBeUndefined();
    const after = await versions();
    expect(after).toEqual({ py: before.py + 2, php: before.php + 2, pycon: before.pycon + 3 });
  });

  it("pages a co-located event's changes in write order with a cursor that resumes where it stopped", async () => {
    const all: { kind: string; conference: { slug: string }; scheduleVersion: number }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const res: any = await server.gql(ROOT, {
        slugs: ["phpworks-2008", "pyworks-2008", "no-such-conference"],
        first: 2,
        after,
      });
      expect(res.errors).toBeUndefined();
      all.push(...res.data.changes.nodes);
      if (!res.data.changes.pageInfo.hasNextPage) {
        after = res.data.changes.pageInfo.endCursor;
        break;
      }
      after = res.data.changes.pageInfo.endCursor;
    }
    const v = await versions();
    // Every change of both programs, each once, in version order per conference.
    const of = (slug: string) =>
      all.filter(n => n.conference.slug === slug).map(n => n.scheduleVersion);
    expect(of("pyworks-2008")).toEqual(Array.from({ length: v.py }, (_, i) => i + 1));
    expect(of("phpworks-2008")).toEqual(Array.from({ length: v.php }, (_, i) => i + 1));
    // Polling with the last cursor finds the next change, and only it.
    const res = await server.gql(
      MOVE,
      { input: { id: git, version: await sessionVersion(git), room: "Salon B" } },
      editor,
    );
    expect(res.errors).toBeUndefined();
    const next = await server.gql(ROOT, { slugs: ["phpworks-2008", "pyworks-2008"], after });
    // One change, once per program (rows of one write come in conference order).
    expect(next.data!.changes.nodes).toHaveLength(2);
    expect(next.data!.changes.nodes).toEqual(
      expect.arrayContaining([
        {
          scheduleVersion: v.php + 1,
          kind: "UPDATED",
          subject: git,
          conference: { slug: "phpworks-2008" },
          fields: [{ field: "room", newValue: "Salon B" }],
        },
        {
          scheduleVersion: v.py + 1,
          kind: "UPDATED",
          subject: git,
          conference: { slug: "pyworks-2008" },
          fields: [{ field: "room", newValue: "Salon B" }],
        },
      ]),
    );
    // since: an instant after every change lists nothing.
    const later = await server.gql(ROOT, {
      slugs: ["phpworks-2008"],
      since: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(later.data!.changes.nodes).toEqual([]);
    const bad = await server.gql(ROOT, { slugs: ["phpworks-2008"], after: "nonsense" });
    expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("purges a cached anonymous answer's scheduleVersion when a session in the program changes", async () => {
    const query = encodeURIComponent(`{ conference(slug: "phpworks-2008") { scheduleVersion } }`);
    const get = async () => {
      const res = await fetch(`${server.url}/graphql?query=${query}`, {
        headers: { "apollo-require-preflight": "true" },
      });
      return { age: res.headers.get("age"), body: (await res.json()) as any };
    };
    const first = await get();
    const cached = await get();
    expect(cached.age).not.toBeNull(); // served from the response cache
    const version = first.body.data.conference.scheduleVersion as number;
    const res = await server.gql(
      MOVE,
      { input: { id: git, version: await sessionVersion(git), room: "Salon C" } },
      editor,
    );
    expect(res.errors).toBeUndefined();
    const fresh = await get();
    expect(fresh.body.data.conference.scheduleVersion).toBe(version + 1);
  });

  it("never lists drafts or pending comments: article and comment writes leave the change lists alone (acceptance 6)", async () => {
    const before = await versions();
    const php = await gid(server, "conference", "phpworks-2008");
    const draft = await server.gql(
      `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`,
      {
        input: {
          title: "Draft about php|works",
          kind: "NEWS",
          publication: await gid(server, "publication", "python-magazine"),
          body: "Unpublished.",
          conferences: [php],
        },
      },
      editor,
    );
    expect(draft.errors).toBeUndefined();
    const comment = await server.gql(
      `mutation ($a: ID!) { postComment(articleId: $a, authorName: "Bo", body: "Pending") { comment { status } } }`,
      { a: await gid(server, "article", "pyworks-2008-wrap-up") },
    );
    expect(comment.data!.postComment.comment.status).toBe("PENDING");
    expect(await versions()).toEqual(before);
    const all = await server.gql(ROOT, {
      slugs: ["phpworks-2008", "pyworks-2008", "pycon-2009"],
      first: 100,
    });
    expect(JSON.stringify(all.data)).not.toMatch(/Draft about|Pending|Article|Comment/);
  });

  it("concurrent writes to one program each get their own version: no gap, no repeat, no deadlock", async () => {
    const before = await versions();
    const rows: { id: number; version: number }[] = await server.db.dataSource.query(
      `SELECT s.id, s.version FROM session s JOIN session_program sp ON sp.session_id = s.id
       JOIN conference c ON c.id = sp.conference_id WHERE c.slug = 'pyworks-2008' ORDER BY s.id LIMIT 5`,
    );
    const results = await Promise.all(
      rows.map((r, i) =>
        server.gql(
          MOVE,
          {
            input: {
              id: toGlobalId("Session", Number(r.id)),
              version: r.version,
              room: `Room ${i}`,
            },
          },
          editor,
        ),
      ),
    );
    expect(results.map(r => r.errors)).toEqual(rows.map(() => undefined));
    const after = await versions();
    expect(after.py).toBe(before.py + rows.length);
    const list = await server.gql(CHANGES, { slug: "pyworks-2008", since: before.py });
    expect(
      list.data!.conference.changes.nodes.map(
        (n: { scheduleVersion: number }) => n.scheduleVersion,
      ),
    ).toEqual(rows.map((_, i) => before.py + i + 1));
  });
});
