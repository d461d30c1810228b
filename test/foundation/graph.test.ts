import { startTestServer, type TestServer } from "../helpers/test-server";

describe("the conference graph over HTTP", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("graph");
  });
  afterAll(() => server.close());

  it("lists the demo conferences", async () => {
    const res = await server.gql(
      `{ conferences { edges { node { slug name timezone venue { city } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const slugs = res.data!.conferences.edges.map((e: any) => e.node.slug);
    // Earliest first; the two Atlanta conferences share a start date and then sort by id.
    expect(slugs).toEqual(["pyworks-2008", "phpworks-2008", "pycon-2009"]);
    expect(res.data!.conferences.edges[0].node.venue.city).toBe("Atlanta");
  });

  it("stores the git introduction once, in both programs and both audiences", async () => {
    const res = await server.gql(`{
      session(slug: "introduction-to-git") {
        id title isCrossCommunity
        programs { slug }
        audiences { slug }
        hostConference { slug }
        startsAt endsAt
      }
    }`);
    expect(res.errors).toBeUndefined();
    const git = res.data!.session;
    expect(git.programs.map((c: any) => c.slug).sort()).toEqual(["phpworks-2008", "pyworks-2008"]);
    expect(git.audiences.map((c: any) => c.slug).sort()).toEqual(["php", "python"]);
    expect(git.isCrossCommunity).toBe(true);
    expect(git.startsAt).toBe("2008-11-12T10:30:00-05:00");

    // The same row (same global id) is in each conference's program.
    const programs = await server.gql(`{
      py: conference(slug: "pyworks-2008") { sessions(first: 100) { edges { node { id slug } } } }
      php: conference(slug: "phpworks-2008") { sessions(first: 100) { edges { node { id slug } } } }
    }`);
    expect(programs.errors).toBeUndefined();
    for (const side of ["py", "php"]) {
      const ids = programs.data![side].sessions.edges.filter(
        (e: any) => e.node.slug === "introduction-to-git",
      );
      expect(ids).toHaveLength(1);
      expect(ids[0].node.id).toBe(git.id);
    }
    const rows = await server.db.dataSource.query(
      "SELECT COUNT(*) AS n FROM session WHERE slug = 'introduction-to-git'",
    );
    expect(Number(rows[0].n)).toBe(1);
  });

  it("makes co-location symmetric", async () => {
    const res = await server.gql(`{
      py: conference(slug: "pyworks-2008") { colocatedWith { slug } }
      php: conference(slug: "phpworks-2008") { colocatedWith { slug } }
      pycon: conference(slug: "pycon-2009") { colocatedWith { slug } attendance }
    }`);
    expect(res.data).toEqual({
      py: { colocatedWith: [{ slug: "phpworks-2008" }] },
      php: { colocatedWith: [{ slug: "pyworks-2008" }] },
      pycon: { colocatedWith: [], attendance: 950 },
    });
  });

  it("serves the community forest with children", async () => {
    const res = await server.gql(`{ communities { slug children { slug parent { slug } } } }`);
    expect(res.data!.communities).toEqual([
      { slug: "php", children: [] },
      {
        slug: "python",
        children: [
          { slug: "turbogears", parent: { slug: "python" } },
          { slug: "zope", parent: { slug: "python" } },
        ],
      },
    ]);
  });

  it("returns null for an unknown slug", async () => {
    const res = await server.gql(`{ conference(slug: "nope") { slug } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ conference: null });
  });

  it("answers /healthz and /readyz", async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });

  it("hides internal errors behind a stable code", async () => {
    const res = await server.gql(
      `{ session(slug: "introduction-to-git") { startsAt(timezone: "Mars/Olympus") } }`,
    );
    expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0].message).toMatch(/IANA/);
  });
});

describe("the landing page", () => {
  it("is the Apollo Sandbox in development and absent in production", async () => {
    const dev = await startTestServer("graph_landing_dev", {
      seed: false,
      config: { landingPage: true },
    });
    const prod = await startTestServer("graph_landing_prod", {
      seed: false,
      config: { landingPage: false, introspection: false },
    });
    try {
      const html = await fetch(`${dev.url}/graphql`, { headers: { accept: "text/html" } });
      expect(html.status).toBe(200);
      expect(await html.text()).toMatch(/sandbox/i);
      const none = await fetch(`${prod.url}/graphql`, { headers: { accept: "text/html" } });
      expect(await none.text()).not.toMatch(/sandbox/i);
      const introspection = await prod.gql(`{ __schema { queryType { name } } }`);
      expect(introspection.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    } finally {
      await dev.close();
      await prod.close();
    }
  });
});
