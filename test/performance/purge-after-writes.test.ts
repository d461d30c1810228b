import { Role } from "../../entities";
import { bearer, gid, issueToken } from "../editorial/helpers";
import { GET_HEADERS, graphqlGetUrl, rawGet } from "../embeds/helpers";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * Writes whose effects reach records they do not return: each case caches an anonymous GET (with
 * the CSRF preflight header, so the response cache answers it), writes, and expects the same GET to
 * answer fresh.
 */
describe("response cache purges after writes that change other records", () => {
  let server: TestServer;
  let admin: Record<string, string>;
  let editor: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer("purge_writes");
    admin = bearer((await issueToken(server, Role.ADMIN)).token);
    editor = bearer((await issueToken(server, Role.EDITOR)).token);
  });
  afterAll(() => server.close());

  /** An anonymous GET through real HTTP, with the statements it ran (0 for a cache hit). */
  async function get(query: string, variables: Record<string, unknown> = {}) {
    const url = graphqlGetUrl(server.url, { query, variables });
    const { result, statements } = await server.db.sql.count(() => rawGet(url, GET_HEADERS));
    expect(result.status).toBe(200);
    const body = JSON.parse(result.body);
    expect(body.errors).toBeUndefined();
    return { data: body.data, statements };
  }

  /** GETs twice and checks the second answer came from the cache. */
  async function cached(query: string, variables: Record<string, unknown> = {}) {
    const first = await get(query, variables);
    const second = await get(query, variables);
    expect(second.statements).toBe(0);
    expect(second.data).toEqual(first.data);
    return first.data;
  }

  async function write(query: string, variables: Record<string, unknown>, as = editor) {
    const res = await server.gql(query, variables, as);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }

  /** A session hosted by `conference`, held in a room record. */
  async function sessionWithRoom(conference: string) {
    const res = await write(
      `query($slug: String!) { conference(slug: $slug) { sessions(first: 100) { nodes { slug room roomRecord { id version name } hostConference { slug } } } } }`,
      { slug: conference },
    );
    const session = res.conference.sessions.nodes.find(
      (s: any) => s.roomRecord !== null && s.hostConference.slug === conference,
    );
    expect(session).toBeDefined();
    return session;
  }

  it("renaming a room refreshes cached answers that read only the sessions' room, as a schedule change", async () => {
    const session = await sessionWithRoom("pyworks-2008");
    const SESSION = `query R($slug: String!) { session(slug: $slug) { slug room } }`;
    const PROGRAM = `query V { conference(slug: "pyworks-2008") { scheduleVersion } }`;
    expect((await cached(SESSION, { slug: session.slug })).session.room).toBe(session.room);
    const { scheduleVersion } = (await cached(PROGRAM)).conference;

    const name = `${session.roomRecord.name} (renamed)`;
    await write(`mutation($input: UpdateRoomInput!) { updateRoom(input: $input) { name } }`, {
      input: { id: session.roomRecord.id, version: session.roomRecord.version, name },
    });

    const after = await get(SESSION, { slug: session.slug });
    expect(after.statements).toBeGreaterThan(0);
    expect(after.data.session.room).toBe(name);
    // The program's schedule moved on, and its change list says what changed.
    expect((await get(PROGRAM)).data.conference.scheduleVersion).toBeGreaterThan(scheduleVersion);
    const changes = await get(
      `query C($since: Int!) { conference(slug: "pyworks-2008") { changes(since: $since) { nodes { fields { field oldValue newValue } } } } }`,
      { since: scheduleVersion },
    );
    expect(changes.data.conference.changes.nodes).toContainEqual({
      fields: [{ field: "room", oldValue: session.room, newValue: name }],
    });
  });

  /** A session of `conference`, whose host conference's series fields a cached answer reads. */
  const EDITIONS = `query E($slug: String!) { session(slug: $slug) { hostConference { slug previousEdition { slug } nextEdition { slug } } } }`;

  it("a new edition of a series refreshes a cached nextEdition: null", async () => {
    const session = await sessionWithRoom("pyworks-2008");
    const before = await cached(EDITIONS, { slug: session.slug });
    expect(before.session.hostConference).toEqual({
      slug: "pyworks-2008",
      previousEdition: null,
      nextEdition: null,
    });
    const series = await write(`{ series(slug: "pyworks") { id } }`, {});
    const created = await write(
      `mutation($input: CreateConferenceInput!) { createConference(input: $input) { slug } }`,
      {
        input: {
          name: "PyWorks 2009",
          edition: 2009,
          community: await gid(server, "community", "python"),
          organizer: "MTA",
          startsOn: "2009-11-17",
          endsOn: "2009-11-19",
          timezone: "America/New_York",
          venue: { name: "Hyatt Regency Atlanta", city: "Atlanta", country: "US" },
          series: series.series.id,
        },
      },
      admin,
    );
    const after = await get(EDITIONS, { slug: session.slug });
    expect(after.data.session.hostConference.nextEdition).toEqual({
      slug: created.createConference.slug,
    });
  });

  it("putting a conference into a series refreshes its neighbours' cached editions", async () => {
    const session = await sessionWithRoom("phpworks-2008");
    const SERIES = `query S($slug: String!) { session(slug: $slug) { hostConference { slug nextEdition { slug } } } }`;
    const made = await write(
      `mutation($c: ID!) { createConferenceSeries(input: { name: "php|works purge", community: $c }) { id } }`,
      { c: await gid(server, "community", "php") },
    );
    const seriesId = made.createConferenceSeries.id;
    const setSeries = `mutation($conference: ID!, $series: ID, $version: Int!) {
      setConferenceSeries(conference: $conference, series: $series, version: $version) { slug }
    }`;
    const host = await write(`{ conference(slug: "phpworks-2008") { id version } }`, {});
    await write(setSeries, {
      conference: host.conference.id,
      series: seriesId,
      version: host.conference.version,
    });
    expect((await cached(SERIES, { slug: session.slug })).session.hostConference).toEqual({
      nextEdition: null,
      slug: "phpworks-2008",
    });

    // A later conference, outside any series, then put into this one.
    const later = await write(
      `mutation($input: CreateConferenceInput!) { createConference(input: $input) { id slug version } }`,
      {
        input: {
          name: "php|works 2009",
          edition: 2009,
          community: await gid(server, "community", "php"),
          organizer: "MTA",
          startsOn: "2009-11-10",
          endsOn: "2009-11-12",
          timezone: "America/New_York",
          venue: { name: "Hyatt Regency Atlanta", city: "Atlanta", country: "US" },
        },
      },
      admin,
    );
    const { id, slug, version } = later.createConference;
    // Cached again while the new conference is in no series.
    await cached(SERIES, { slug: session.slug });
    await write(setSeries, { conference: id, series: seriesId, version });
    const after = await get(SERIES, { slug: session.slug });
    expect(after.statements).toBeGreaterThan(0);
    expect(after.data.session.hostConference).toEqual({
      nextEdition: { slug },
      slug: "phpworks-2008",
    });
  });
});
