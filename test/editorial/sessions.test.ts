import { Role } from "../../entities";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { bearer, codeOf, count, gid, issueToken } from "./helpers";

const CREATE = `mutation ($input: CreateSessionInput!) {
  createSession(input: $input) {
    replayed clientMutationId
    session { id slug title version startsAt kind hostConference { slug } programs { slug } audiences { slug } speakers { slug } topics { slug } }
  }
}`;
const UPDATE = `mutation ($input: UpdateSessionInput!) {
  updateSession(input: $input) { id title version startsAt speakers { slug } programs { slug } }
}`;

describe("editorial: sessions", () => {
  let server: TestServer;
  let editor: Record<string, string>;
  let ids: Record<string, string>;

  async function base(overrides: Record<string, unknown> = {}) {
    return {
      title: "Testing with pytest",
      kind: "TALK",
      startsAt: "2008-11-13T10:00:00-05:00",
      endsAt: "2008-11-13T11:00:00-05:00",
      hostConference: ids.pyworks,
      programs: [ids.pyworks, ids.phpworks],
      audiences: [ids.python, ids.php],
      speakers: [ids.brandon, ids.kevin],
      topics: [ids.git],
      ...overrides,
    };
  }

  beforeAll(async () => {
    server = await startTestServer("editorial_sessions");
    editor = bearer((await issueToken(server, Role.EDITOR)).token);
    ids = {
      pyworks: await gid(server, "conference", "pyworks-2008"),
      phpworks: await gid(server, "conference", "phpworks-2008"),
      pycon: await gid(server, "conference", "pycon-2009"),
      python: await gid(server, "community", "python"),
      php: await gid(server, "community", "php"),
      brandon: await gid(server, "person", "brandon-rhodes"),
      kevin: await gid(server, "person", "kevin-dangoor"),
      git: await gid(server, "topic", "git"),
    };
  });
  afterAll(() => server.close());

  it("creates a session with its programs, audiences, ordered speakers and topics", async () => {
    const res = await server.gql(CREATE, { input: await base() }, editor);
    expect(res.errors).toBeUndefined();
    const { session, replayed } = res.data!.createSession;
    expect(replayed).toBe(false);
    expect(session).toMatchObject({
      slug: "testing-with-pytest",
      version: 1,
      startsAt: "2008-11-13T10:00:00-05:00",
      hostConference: { slug: "pyworks-2008" },
      speakers: [{ slug: "brandon-rhodes" }, { slug: "kevin-dangoor" }],
      topics: [{ slug: "git" }],
    });
    expect(session.programs.map((p: any) => p.slug).sort()).toEqual([
      "phpworks-2008",
      "pyworks-2008",
    ]);
    // The program's denormalised start follows the session's.
    const rows = await server.db.dataSource.query(
      "SELECT sp.starts_at AS p, s.starts_at AS s FROM session_program sp JOIN session s ON s.id = sp.session_id WHERE s.slug = ?",
      ["testing-with-pytest"],
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(String(r.p)).toBe(String(r.s));

    // A second session with the same title gets a numbered slug; a given taken slug is CONFLICT.
    const again = await server.gql(CREATE, { input: await base() }, editor);
    expect(again.data!.createSession.session.slug).toBe("testing-with-pytest-2");
    const clash = await server.gql(
      CREATE,
      { input: await base({ slug: "testing-with-pytest" }) },
      editor,
    );
    expect(codeOf(clash)).toBe("CONFLICT");
    expect(clash.errors![0].extensions).toMatchObject({ field: "slug" });
  });

  it("lists every offending field", async () => {
    const res = await server.gql(
      CREATE,
      {
        input: await base({
          title: "",
          slug: "Not A Slug",
          programs: [],
          audiences: [],
        }),
      },
      editor,
    );
    expect(codeOf(res)).toBe("BAD_USER_INPUT");
    const fields = (res.errors![0].extensions!.fields as { field: string }[]).map(f => f.field);
    expect(fields).toEqual(expect.arrayContaining(["title", "slug", "programs", "audiences"]));
  });

  it.each([
    ["endsAt before startsAt", { endsAt: "2008-11-13T09:00:00-05:00" }, "endsAt"],
    ["the host not among the programs", { programs: [() => "phpworks"] }, "hostConference"],
    [
      "a talk outside the host's days",
      { startsAt: "2008-11-16T10:00:00-05:00", endsAt: "2008-11-16T11:00:00-05:00" },
      "startsAt",
    ],
    ["a speaker id of another type", { speakers: [() => "git"] }, "speakers[0]"],
    ["an id that is not one of ours", { topics: ["nonsense"] }, "topics[0]"],
  ])("refuses %s with BAD_USER_INPUT naming the field", async (_what, overrides, field) => {
    const resolved = Object.fromEntries(
      Object.entries(overrides).map(([k, v]) => [
        k,
        Array.isArray(v) ? v.map(x => (typeof x === "function" ? ids[x()] : x)) : v,
      ]),
    );
    const before = await count(server, "session");
    const res = await server.gql(CREATE, { input: await base(resolved) }, editor);
    expect(codeOf(res)).toBe("BAD_USER_INPUT");
    expect(res.errors![0].extensions!.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
    expect(await count(server, "session")).toBe(before);
  });

  it("lets a sprint fall outside the host conference's days", async () => {
    const res = await server.gql(
      CREATE,
      {
        input: await base({
          title: "After-conference sprint",
          kind: "SPRINT",
          startsAt: "2008-11-15T10:00:00-05:00",
          endsAt: "2008-11-15T18:00:00-05:00",
        }),
      },
      editor,
    );
    expect(res.errors).toBeUndefined();
  });

  it("stores nothing when one speaker id is unknown: no session row and no join rows", async () => {
    const tables = [
      "session",
      "session_program",
      "session_audience",
      "session_speaker",
      "session_topic",
    ];
    const before = await Promise.all(tables.map(t => count(server, t)));
    const missing = Buffer.from("Person:999999").toString("base64url");
    const res = await server.gql(
      CREATE,
      { input: await base({ title: "Doomed session", speakers: [ids.brandon, missing] }) },
      editor,
    );
    expect(codeOf(res)).toBe("BAD_USER_INPUT");
    expect(res.errors![0].extensions!.fields).toEqual([
      { field: "speakers[1]", message: "no Person has this id" },
    ]);
    expect(await Promise.all(tables.map(t => count(server, t)))).toEqual(before);
    expect(await count(server, "session", "title = ?", ["Doomed session"])).toBe(0);
  });

  it("returns the first result when createSession is retried with the same clientMutationId", async () => {
    const input = await base({ title: "Retried session", clientMutationId: "retry-1" });
    const first = await server.gql(CREATE, { input }, editor);
    const second = await server.gql(CREATE, { input }, editor);
    expect(first.errors).toBeUndefined();
    expect(second.data!.createSession).toMatchObject({
      replayed: true,
      clientMutationId: "retry-1",
    });
    expect(second.data!.createSession.session.id).toBe(first.data!.createSession.session.id);
    expect(await count(server, "session", "title = ?", ["Retried session"])).toBe(1);
    // Another token is another client: its retry key is its own.
    const other = bearer((await issueToken(server, Role.EDITOR, "other")).token);
    const third = await server.gql(CREATE, { input }, other);
    expect(third.data!.createSession.replayed).toBe(false);
  });

  it("of 20 concurrent updates from one version exactly one wins; the row holds its data", async () => {
    const created = await server.gql(
      CREATE,
      { input: await base({ title: "Contended session" }) },
      editor,
    );
    const { id, version } = created.data!.createSession.session;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        server.gql(UPDATE, { input: { id, version, title: `Contender ${i}` } }, editor),
      ),
    );
    const wins = results.filter(r => !r.errors);
    const conflicts = results.filter(r => codeOf(r) === "CONFLICT");
    expect(wins).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    for (const c of conflicts) expect(c.errors![0].extensions!.currentVersion).toBe(version + 1);
    const winner = wins[0].data!.updateSession;
    expect(winner.version).toBe(version + 1);
    const row = await server.db.dataSource.query(
      "SELECT title, version FROM session WHERE slug = ?",
      ["contended-session"],
    );
    expect(row[0].title).toBe(winner.title);
    expect(Number(row[0].version)).toBe(version + 1);
  });

  it("updates links and the program's copy of the start; the same request reads the new state", async () => {
    const created = await server.gql(
      CREATE,
      { input: await base({ title: "Moving session" }) },
      editor,
    );
    const { id, version } = created.data!.createSession.session;
    // Two aliased updates in one request: each payload must show its own state, not a cached one.
    const res = await server.gql(
      `mutation ($a: UpdateSessionInput!, $b: UpdateSessionInput!) {
        a: updateSession(input: $a) { version startsAt speakers { slug } topics { slug } }
        b: updateSession(input: $b) { version startsAt speakers { slug } topics { slug } }
      }`,
      {
        a: {
          id,
          version,
          startsAt: "2008-11-14T15:00:00-05:00",
          endsAt: "2008-11-14T16:00:00-05:00",
          speakers: [ids.kevin],
        },
        b: { id, version: version + 1, speakers: [ids.brandon, ids.kevin], topics: [] },
      },
      editor,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      a: {
        version: version + 1,
        startsAt: "2008-11-14T15:00:00-05:00",
        speakers: [{ slug: "kevin-dangoor" }],
        topics: [{ slug: "git" }],
      },
      b: {
        version: version + 2,
        startsAt: "2008-11-14T15:00:00-05:00",
        speakers: [{ slug: "brandon-rhodes" }, { slug: "kevin-dangoor" }],
        topics: [],
      },
    });
    const rows = await server.db.dataSource.query(
      "SELECT sp.starts_at AS p, s.starts_at AS s, s.version AS v FROM session_program sp JOIN session s ON s.id = sp.session_id WHERE s.slug = ?",
      ["moving-session"],
    );
    for (const r of rows) expect(String(r.p)).toBe(String(r.s));
    expect(Number(rows[0].v)).toBe(version + 2);
  });

  it("a stale version is CONFLICT and changes nothing", async () => {
    const created = await server.gql(
      CREATE,
      { input: await base({ title: "Stale session" }) },
      editor,
    );
    const { id } = created.data!.createSession.session;
    const res = await server.gql(UPDATE, { input: { id, version: 99, title: "x" } }, editor);
    expect(codeOf(res)).toBe("CONFLICT");
    expect(res.errors![0].extensions).toMatchObject({ currentVersion: 1, yourVersion: 99 });
    const unknown = Buffer.from("Session:999999").toString("base64url");
    expect(codeOf(await server.gql(UPDATE, { input: { id: unknown, version: 1 } }, editor))).toBe(
      "NOT_FOUND",
    );
  });

  it("deletes a session with its join rows; refuses while an article covers it", async () => {
    const created = await server.gql(
      CREATE,
      { input: await base({ title: "Short-lived" }) },
      editor,
    );
    const { id } = created.data!.createSession.session;
    const numeric = Number(Buffer.from(id, "base64url").toString().split(":")[1]);
    const del = `mutation ($id: ID!) { deleteSession(id: $id) { deletedId } }`;
    const res = await server.gql(del, { id }, editor);
    expect(res.data!.deleteSession.deletedId).toBe(id);
    for (const t of ["session_program", "session_audience", "session_speaker", "session_topic"]) {
      expect(await count(server, t, "session_id = ?", [numeric])).toBe(0);
    }
    expect(codeOf(await server.gql(del, { id }, editor))).toBe("NOT_FOUND");

    const [link] = await server.db.dataSource.query(
      "SELECT s.slug AS slug FROM article_session a JOIN session s ON s.id = a.session_id",
    );
    const covered = await gid(server, "session", link.slug);
    const before = await count(server, "session");
    const refused = await server.gql(del, { id: covered }, editor);
    expect(codeOf(refused)).toBe("CONFLICT");
    expect(await count(server, "session")).toBe(before);
  });

  it("never lets a <script> in a session title reach the schedule XML as markup", async () => {
    const res = await server.gql(
      CREATE,
      { input: await base({ title: `<script>alert("feed")</script>`, slug: "hostile-title" }) },
      editor,
    );
    expect(res.errors).toBeUndefined();
    // The frab XML is markup: the title must arrive escaped. (iCalendar is plain text, not markup.)
    const xml = await (await fetch(`${server.url}/schedule/pyworks-2008.xml`)).text();
    expect(xml).not.toMatch(/<script/i);
    expect(xml).toContain("&lt;script&gt;");
  });
});
