import { Role } from "../../entities";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { bearer, count, gid, issueToken } from "../editorial/helpers";

/** The problems of a BAD_USER_INPUT error, by field. */
function fieldsOf(res: { errors?: { extensions?: Record<string, unknown> }[] }): string[] {
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
  const fields = res.errors![0].extensions!.fields as { field: string; message: string }[];
  return [...new Set(fields.map(f => f.field))].sort();
}

describe("one round of validation", () => {
  let server: TestServer;
  let editor: Record<string, string>;
  let admin: Record<string, string>;
  let ids: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer("content_validation");
    editor = bearer((await issueToken(server, Role.EDITOR)).token);
    admin = bearer((await issueToken(server, Role.ADMIN)).token);
    ids = {
      pyworks: await gid(server, "conference", "pyworks-2008"),
      python: await gid(server, "community", "python"),
      session: await gid(server, "session", "introduction-to-git"),
    };
  });
  afterAll(() => server.close());

  it("reports a bad slug format and an end before the start of a new session in one error", async () => {
    const before = await count(server, "session");
    const res = await server.gql(
      `mutation ($input: CreateSessionInput!) { createSession(input: $input) { session { id } } }`,
      {
        input: {
          title: "Two problems",
          slug: "Not A Slug!",
          kind: "TALK",
          startsAt: "2008-11-13T11:00:00-05:00",
          endsAt: "2008-11-13T10:00:00-05:00",
          hostConference: ids.pyworks,
          programs: [ids.pyworks],
          audiences: [ids.python],
        },
      },
      editor,
    );
    expect(fieldsOf(res)).toEqual(["endsAt", "slug"]);
    expect(res.errors![0].message).toMatch(
      /slug .*; .*endsAt must be after startsAt|endsAt .*slug/,
    );
    expect(await count(server, "session")).toBe(before);
  });

  it("does the same for a session update and a new conference", async () => {
    const version = (await server.gql(`{ session(slug: "introduction-to-git") { version } }`)).data!
      .session.version;
    const update = await server.gql(
      `mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { id } }`,
      {
        input: {
          id: ids.session,
          version,
          slug: "-bad-",
          title: "x".repeat(400),
          startsAt: "2008-11-13T11:00:00-05:00",
          endsAt: "2008-11-13T10:00:00-05:00",
        },
      },
      editor,
    );
    expect(fieldsOf(update)).toEqual(["endsAt", "slug", "title"]);
    const after = await server.gql(`{ session(slug: "introduction-to-git") { version } }`);
    expect(after.data!.session.version).toBe(version);

    const conference = await server.gql(
      `mutation ($input: CreateConferenceInput!) { createConference(input: $input) { id } }`,
      {
        input: {
          name: "Broken Conf",
          slug: "Broken Conf",
          edition: 2010,
          community: ids.python,
          organizer: "Nobody",
          startsOn: "2010-05-03",
          endsOn: "2010-05-01",
          timezone: "Mars/Olympus",
          venue: { name: "Hall", city: "Atlanta", country: "US" },
        },
      },
      admin,
    );
    expect(fieldsOf(conference)).toEqual(["endsOn", "slug", "timezone"]);
    expect(await count(server, "conference", "name = ?", ["Broken Conf"])).toBe(0);
  });

  it("still refuses bad input of other mutations at once", async () => {
    const res = await server.gql(
      `mutation { createApiToken(input: { name: "", role: EDITOR }) { token } }`,
      {},
      admin,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
