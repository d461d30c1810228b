import { Role } from "../../entities";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { bearer, codeOf, gid, issueToken } from "./helpers";

const CREATE_CONFERENCE = `mutation ($input: CreateConferenceInput!) { createConference(input: $input) { id slug version timezone venue { country } } }`;
const COLOCATE = `mutation ($ids: [ID!]!) { setColocated(conferences: $ids) { slug colocatedWith { slug } } }`;
const COLOCATED = `{ conferences(first: 100) { nodes { slug colocatedWith { slug } } } }`;

describe("editorial: conferences and communities", () => {
  let server: TestServer;
  let admin: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer("editorial_conferences");
    admin = bearer((await issueToken(server, Role.ADMIN)).token);
  });
  afterAll(() => server.close());

  const conference = async (extra: Record<string, unknown> = {}) => ({
    name: "DjangoCon 2008",
    edition: 2008,
    community: await gid(server, "community", "python"),
    organizer: "DSF",
    startsOn: "2008-09-06",
    endsOn: "2008-09-07",
    timezone: "America/Los_Angeles",
    venue: { name: "Googleplex", city: "Mountain View", country: "us" },
    ...extra,
  });

  it("creates a conference and validates its dates and time zone", async () => {
    const res = await server.gql(CREATE_CONFERENCE, { input: await conference() }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.createConference).toMatchObject({
      slug: "djangocon-2008",
      version: 1,
      venue: { country: "US" },
    });
    const bad = await server.gql(
      CREATE_CONFERENCE,
      {
        input: await conference({
          name: "Broken",
          timezone: "Mars/Olympus",
          startsOn: "2008-09-08",
          venue: { name: "", city: "X", country: "USA" },
        }),
      },
      admin,
    );
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
    const fields = (bad.errors![0].extensions!.fields as any[]).map(f => f.field);
    expect(fields).toEqual(expect.arrayContaining(["venue.name", "venue.country"]));
    const semantic = await server.gql(
      CREATE_CONFERENCE,
      {
        input: await conference({
          name: "Broken",
          timezone: "Mars/Olympus",
          startsOn: "2008-09-08",
        }),
      },
      admin,
    );
    expect((semantic.errors![0].extensions!.fields as any[]).map(f => f.field).sort()).toEqual([
      "endsOn",
      "timezone",
    ]);

    const upd = await server.gql(
      `mutation ($input: UpdateConferenceInput!) { updateConference(input: $input) { attendance version } }`,
      { input: { id: res.data!.createConference.id, version: 1, attendance: 220 } },
      admin,
    );
    expect(upd.data!.updateConference).toEqual({ attendance: 220, version: 2 });
  });

  it("refuses to move a conference's days away from the sessions it hosts", async () => {
    const id = await gid(server, "conference", "phpworks-2008");
    const current = await server.gql(`{ conference(slug: "phpworks-2008") { version } }`);
    const version = current.data!.conference.version;
    const moved = await server.gql(
      `mutation ($input: UpdateConferenceInput!) { updateConference(input: $input) { version } }`,
      { input: { id, version, startsOn: "2008-11-13", endsOn: "2008-11-14" } },
      admin,
    );
    expect(moved.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    expect(moved.errors![0].message).toMatch(/database-administration/);
    const after = await server.gql(`{ conference(slug: "phpworks-2008") { startsOn version } }`);
    expect(after.data!.conference).toEqual({ startsOn: "2008-11-12", version });
  });

  it("a new time zone shows in its sessions' times at once (zones held per process are dropped)", async () => {
    const slug = "phpworks-2008";
    const read = `{ conference(slug: "${slug}") { version timezone sessions(first: 3) { nodes { startsAt } } } }`;
    const before = (await server.gql(read)).data!.conference;
    expect(before.timezone).toBe("America/New_York");
    const updated = await server.gql(
      `mutation ($input: UpdateConferenceInput!) { updateConference(input: $input) { version } }`,
      {
        input: {
          id: await gid(server, "conference", slug),
          version: before.version,
          timezone: "America/Chicago",
        },
      },
      admin,
    );
    expect(updated.errors).toBeUndefined();
    const after = (await server.gql(read)).data!.conference;
    const instants = (c: { sessions: { nodes: { startsAt: string }[] } }) =>
      c.sessions.nodes.map(n => Date.parse(n.startsAt));
    expect(instants(after)).toEqual(instants(before));
    // Sessions it hosts move to the new offset (a combined session hosted elsewhere keeps its own).
    const chicago = (c: { sessions: { nodes: { startsAt: string }[] } }) =>
      c.sessions.nodes.filter(n => n.startsAt.endsWith("-06:00")).length;
    expect(chicago(before)).toBe(0);
    expect(chicago(after)).toBeGreaterThan(0);
    await server.gql(
      `mutation ($input: UpdateConferenceInput!) { updateConference(input: $input) { version } }`,
      {
        input: {
          id: await gid(server, "conference", slug),
          version: updated.data!.updateConference.version,
          timezone: "America/New_York",
        },
      },
      admin,
    );
  });

  it("setColocated makes the set mutually co-located and drops their other co-locations", async () => {
    const py = await gid(server, "conference", "pyworks-2008");
    const php = await gid(server, "conference", "phpworks-2008");
    const pycon = await gid(server, "conference", "pycon-2009");
    const res = await server.gql(COLOCATE, { ids: [pycon, py] }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.setColocated).toEqual([
      { slug: "pycon-2009", colocatedWith: [{ slug: "pyworks-2008" }] },
      { slug: "pyworks-2008", colocatedWith: [{ slug: "pycon-2009" }] },
    ]);
    const all = (await server.gql(COLOCATED)).data!.conferences.nodes;
    const of = (slug: string) =>
      all.find((c: any) => c.slug === slug).colocatedWith.map((c: any) => c.slug);
    expect(of("phpworks-2008")).toEqual([]); // its link to PyWorks went, on both sides
    // A single conference leaves its event; back to the demo's pairing.
    await server.gql(COLOCATE, { ids: [pycon] }, admin);
    await server.gql(COLOCATE, { ids: [py, php] }, admin);
    const again = (await server.gql(COLOCATED)).data!.conferences.nodes;
    expect(again.find((c: any) => c.slug === "pycon-2009").colocatedWith).toEqual([]);
    const rows = await server.db.dataSource.query(
      "SELECT COUNT(*) AS n FROM conference_colocation a WHERE NOT EXISTS (SELECT 1 FROM conference_colocation b WHERE b.conference_id = a.colocated_id AND b.colocated_id = a.conference_id)",
    );
    expect(Number(rows[0].n)).toBe(0);
    expect(codeOf(await server.gql(COLOCATE, { ids: [] }, admin))).toBe("BAD_USER_INPUT");
  });

  it("refuses a community parent change that would make a cycle", async () => {
    const python = await gid(server, "community", "python");
    const zope = await gid(server, "community", "zope");
    const [{ version }] = await server.db.dataSource.query(
      "SELECT version FROM community WHERE slug = 'python'",
    );
    const update = `mutation ($input: UpdateCommunityInput!) { updateCommunity(input: $input) { slug parent { slug } version } }`;
    const cycle = await server.gql(
      update,
      { input: { id: python, version: Number(version), parent: zope } },
      admin,
    );
    expect(codeOf(cycle)).toBe("BAD_USER_INPUT");
    expect(cycle.errors![0].extensions!.fields).toEqual([
      expect.objectContaining({ field: "parent" }),
    ]);
    const self = await server.gql(
      update,
      { input: { id: python, version: Number(version), parent: python } },
      admin,
    );
    expect(codeOf(self)).toBe("BAD_USER_INPUT");

    const created = await server.gql(
      `mutation ($p: ID!) { createCommunity(input: { name: "Grok", parent: $p }) { id slug parent { slug } } }`,
      { p: zope },
      admin,
    );
    expect(created.data!.createCommunity).toMatchObject({ slug: "grok", parent: { slug: "zope" } });
    const moved = await server.gql(
      update,
      { input: { id: created.data!.createCommunity.id, version: 1, parent: null } },
      admin,
    );
    expect(moved.data!.updateCommunity).toEqual({ slug: "grok", parent: null, version: 2 });
  });
});
