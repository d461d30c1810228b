import { Role } from "../../entities";
import { addProgramSessions } from "../../src/db/seed/bulk";
import { bearer, gid, issueToken } from "../editorial/helpers";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * Program, speaker and audience links carry a copy of their session's start, so that lists by
 * program, person or community read in index order. The copies must follow every write: the seed,
 * a created session, and a rescheduled one. Both engines, through HTTP.
 */
describe("link rows keep their session's start", () => {
  let server: TestServer;
  let editor: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer("link_start_times");
    editor = bearer((await issueToken(server, Role.EDITOR)).token);
    await addProgramSessions(server.db.dataSource, "phpworks-2008", 6, {
      prefix: "ls",
      speakers: ["brandon-rhodes"],
      audiences: ["php"],
    });
  });
  afterAll(() => server.close());

  /** Link rows whose copy differs from their session's start (none, when the writers keep them). */
  async function stale(): Promise<number> {
    let n = 0;
    for (const table of ["session_program", "session_speaker", "session_audience"]) {
      const [row] = await server.db.dataSource.query(
        `SELECT COUNT(*) AS n FROM ${table} l JOIN session s ON s.id = l.session_id
         WHERE l.starts_at <> s.starts_at`,
      );
      n += Number(row.n);
    }
    return n;
  }

  /** A person's and a community's sessions, checked to be in (startsAt, id) order. */
  async function lists() {
    const res = await server.gql(`{
      person(slug: "brandon-rhodes") { sessions(first: 100) { nodes { id slug startsAt } } }
      community(slug: "php") { sessions(first: 100) { nodes { id slug startsAt } } }
      desc: person(slug: "brandon-rhodes") {
        sessions(first: 100, orderBy: START_TIME_DESC) { nodes { slug } } }
    }`);
    expect(res.errors).toBeUndefined();
    const person = res.data!.person.sessions.nodes as { slug: string; startsAt: string }[];
    const community = res.data!.community.sessions.nodes as { slug: string; startsAt: string }[];
    for (const list of [person, community]) {
      const times = list.map(s => Date.parse(s.startsAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    const desc = res.data!.desc.sessions.nodes.map((s: { slug: string }) => s.slug);
    expect(desc).toEqual(person.map(s => s.slug).reverse());
    return { person: person.map(s => s.slug), community: community.map(s => s.slug) };
  }

  it("after the seed and the bulk load", async () => {
    expect(await stale()).toBe(0);
    const { person, community } = await lists();
    expect(person.filter(s => s.startsWith("ls-"))).toEqual(
      Array.from({ length: 6 }, (_, i) => `ls-session-${i}`),
    );
    expect(community).toEqual(expect.arrayContaining(person.filter(s => s.startsWith("ls-"))));
  });

  it("after a session is created and another rescheduled", async () => {
    const ids = {
      phpworks: await gid(server, "conference", "phpworks-2008"),
      php: await gid(server, "community", "php"),
      brandon: await gid(server, "person", "brandon-rhodes"),
      git: await gid(server, "topic", "git"),
    };
    const created = await server.gql(
      `mutation ($input: CreateSessionInput!) { createSession(input: $input) { session { slug } } }`,
      {
        input: {
          title: "An early start",
          kind: "TALK",
          startsAt: "2008-11-12T08:00:00-05:00",
          endsAt: "2008-11-12T08:30:00-05:00",
          hostConference: ids.phpworks,
          programs: [ids.phpworks],
          audiences: [ids.php],
          speakers: [ids.brandon],
          topics: [ids.git],
        },
      },
      editor,
    );
    expect(created.errors).toBeUndefined();
    const early = created.data!.createSession.session.slug as string;

    const [row] = await server.db.dataSource.query(
      "SELECT version FROM session WHERE slug = 'ls-session-0'",
    );
    const moved = await server.gql(
      `mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { startsAt } }`,
      {
        input: {
          id: await gid(server, "session", "ls-session-0"),
          version: Number(row.version),
          startsAt: "2008-11-14T15:00:00-05:00",
          endsAt: "2008-11-14T15:45:00-05:00",
        },
      },
      editor,
    );
    expect(moved.errors).toBeUndefined();

    expect(await stale()).toBe(0);
    const { person, community } = await lists();
    expect(person[0]).toBe(early);
    expect(person[person.length - 1]).toBe("ls-session-0");
    expect(community).toContain(early);
    expect(community.indexOf("ls-session-0")).toBeGreaterThan(community.indexOf("ls-session-5"));
  });
});
