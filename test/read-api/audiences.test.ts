import { startTestServer, type TestServer } from "../helpers/test-server";

const COMBINED = ["introduction-to-git", "database-administration", "designing-security-in"];
const slugs = (connection: any) => connection.edges.map((e: any) => e.node.slug);

describe("the graph from each audience's side", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("read_audiences");
  });
  afterAll(() => server.close());

  it("community(php) lists the combined sessions and not the Grok tutorial", async () => {
    const res = await server.gql(
      `{ community(slug: "php") { sessions(first: 100) { edges { node { slug isCrossCommunity } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const list = slugs(res.data!.community.sessions);
    expect(list).toEqual(expect.arrayContaining(COMBINED));
    expect(list).not.toContain("grok-tutorial");
    expect(res.data!.community.sessions.edges.every((e: any) => e.node.isCrossCommunity)).toBe(
      true,
    );
  });

  it("community(python) rolls up Zope/Grok and TurboGears", async () => {
    const res = await server.gql(`{
      community(slug: "python") { sessions(first: 100) { totalCount edges { node { slug audiences { slug } } } } stats { sessionCount crossCommunitySessionCount } }
      zope: community(slug: "zope") { sessions { edges { node { slug } } } parent { slug } }
    }`);
    expect(res.errors).toBeUndefined();
    const list = slugs(res.data!.community.sessions);
    expect(list).toEqual(
      expect.arrayContaining([...COMBINED, "grok-tutorial", "turbogears-sprint"]),
    );
    const grok = res.data!.community.sessions.edges.find(
      (e: any) => e.node.slug === "grok-tutorial",
    );
    expect(grok.node.audiences).toEqual([{ slug: "zope" }]);
    expect(slugs(res.data!.zope.sessions)).toEqual(["grok-tutorial"]);
    expect(res.data!.community.stats.sessionCount).toBe(res.data!.community.sessions.totalCount);
    expect(res.data!.community.stats.crossCommunitySessionCount).toBe(3);
  });

  it("conference(phpworks-2008) is its program; includeColocated widens it to the whole event", async () => {
    const res = await server.gql(`{
      conference(slug: "phpworks-2008") {
        own: sessions(first: 100) { edges { node { slug programs { slug } } } }
        all: sessions(first: 100, includeColocated: true) { edges { node { slug } } }
        stats { sessionCount crossCommunitySessionCount speakerCount attendance }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const own = res.data!.conference.own.edges.map((e: any) => e.node);
    expect(own.map((s: any) => s.slug).sort()).toEqual([...COMBINED].sort());
    for (const s of own)
      expect(s.programs.map((p: any) => p.slug).sort()).toEqual(["phpworks-2008", "pyworks-2008"]);
    expect(own.map((s: any) => s.slug)).not.toContain("grok-tutorial");
    expect(slugs(res.data!.conference.all)).toContain("grok-tutorial");
    expect(res.data!.conference.stats).toEqual({
      sessionCount: 3,
      crossCommunitySessionCount: 3,
      speakerCount: 0,
      attendance: null,
    });
  });

  it("filters sessions by kind, topic, speaker, day, cross-community and text", async () => {
    const q = async (filter: string) => {
      const res = await server.gql(
        `{ sessions(first: 100, filter: ${filter}) { edges { node { slug } } } }`,
      );
      expect(res.errors).toBeUndefined();
      return slugs(res.data!.sessions);
    };
    expect(await q(`{ kinds: [KEYNOTE] }`)).toEqual(["growing-your-community"]);
    expect(await q(`{ topic: "git" }`)).toEqual(["introduction-to-git"]);
    expect(await q(`{ speaker: "brandon-rhodes" }`)).toEqual(["grok-tutorial"]);
    expect(await q(`{ conference: "pyworks-2008", day: "2008-11-14" }`)).toEqual([
      "python-web-frameworks-tour",
      "desktop-applications-in-python",
      "documenting-with-sphinx",
      "artificial-intelligence-with-python",
    ]);
    expect((await q(`{ crossCommunity: true }`)).sort()).toEqual([...COMBINED].sort());
    expect(await q(`{ text: "multiprocessing" }`)).toEqual([
      "multiprocessing-in-the-standard-library",
    ]);
    expect(await q(`{ community: "no-such-community" }`)).toEqual([]);
    expect(await q(`{ room: "Room B" }`)).toEqual(["database-administration"]);
    expect(await q(`{ from: "2008-11-15T00:00:00-05:00" }`)).toEqual([
      "turbogears-sprint",
      "pycon-2009-open-spaces",
    ]);
  });

  it("reads filter.day in the listed conference's zone, else in each session's own zone", async () => {
    const res = await server.gql(`{
      conference(slug: "pyworks-2008") { sessions(filter: { day: "2008-11-12" }) { edges { node { slug } } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(slugs(res.data!.conference.sessions)).toEqual([
      "growing-your-community",
      "introduction-to-git",
      "grok-tutorial",
      "database-administration",
    ]);
    const impossible = await server.gql(
      `query($day: Date) { conference(slug: "pyworks-2008") { sessions(filter: { day: $day }) { edges { node { slug } } } } }`,
      { day: "2008-02-31" },
    );
    expect(impossible.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(impossible.errors?.[0].message).toMatch(/YYYY-MM-DD/);
    // Without a conference, each session's day is counted in its host conference's zone: the same
    // sessions as the two Atlanta programs of that day together, and a sprint on every day it runs.
    const byDay = async (day: string) => {
      const all = await server.gql(
        `query($day: Date) { sessions(first: 100, filter: { day: $day }) { edges { node { slug } } } }`,
        { day },
      );
      expect(all.errors).toBeUndefined();
      return slugs(all.data!.sessions).sort();
    };
    const program = async (conference: string, day: string) => {
      const res = await server.gql(
        `query($c: String!, $day: Date) { conference(slug: $c) { sessions(first: 100, filter: { day: $day }) { edges { node { slug } } } } }`,
        { c: conference, day },
      );
      return slugs(res.data!.conference.sessions);
    };
    const atlanta = [
      ...new Set([
        ...(await program("pyworks-2008", "2008-11-12")),
        ...(await program("phpworks-2008", "2008-11-12")),
      ]),
    ].sort();
    expect(atlanta.length).toBeGreaterThan(0);
    expect(await byDay("2008-11-12")).toEqual(atlanta);
    expect(await byDay("2008-11-16")).toEqual(["turbogears-sprint"]);
    expect(await byDay("2008-11-17")).toEqual([]);
  });

  it("expresses times in the event's zone or a requested one, and rejects unknown zones", async () => {
    const res = await server.gql(`{
      session(slug: "growing-your-community") { startsAt endsAt utc: startsAt(timezone: "UTC") tokyo: startsAt(timezone: "Asia/Tokyo") }
      conference(slug: "pyworks-2008") { startsOn endsOn days { date sessions { slug } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.session).toEqual({
      startsAt: "2008-11-12T09:00:00-05:00",
      endsAt: "2008-11-12T10:00:00-05:00",
      utc: "2008-11-12T14:00:00Z",
      tokyo: "2008-11-12T23:00:00+09:00",
    });
    const days = res.data!.conference.days;
    // The three conference days, plus the weekend the TurboGears sprint runs over (Saturday 10:00
    // to Sunday 17:00): it is listed on both days.
    expect(days.map((d: any) => d.date)).toEqual([
      "2008-11-12",
      "2008-11-13",
      "2008-11-14",
      "2008-11-15",
      "2008-11-16",
    ]);
    expect(days[0].sessions.map((s: any) => s.slug)).toContain("grok-tutorial");
    expect(days[3].sessions.map((s: any) => s.slug)).toEqual(["turbogears-sprint"]);
    expect(days[4].sessions.map((s: any) => s.slug)).toEqual(["turbogears-sprint"]);
    const all = days.flatMap((d: any) => d.sessions.map((s: any) => s.slug));
    expect(all.filter((slug: string) => slug !== "turbogears-sprint")).toHaveLength(
      new Set(all).size - 1,
    );

    // In another zone every program session still appears, each on every day it touches.
    const tokyo = await server.gql(`{
      conference(slug: "pyworks-2008") { stats { sessionCount } days(timezone: "Asia/Tokyo") { date sessions { slug } } }
    }`);
    const inTokyo = tokyo.data!.conference.days.flatMap((d: any) =>
      d.sessions.map((s: any) => s.slug),
    );
    expect(new Set(inTokyo).size).toBe(tokyo.data!.conference.stats.sessionCount);
    const bad = await server.gql(
      `{ conference(slug: "pyworks-2008") { days(timezone: "Nowhere/Special") { date } } }`,
    );
    expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("serves people, publications, topics and articles with their links", async () => {
    const res = await server.gql(`{
      person(slug: "brandon-rhodes") { name sessions { edges { node { slug } } } }
      author: person(slug: "doug-hellmann") { articles { edges { node { slug } } } }
      publications { slug community { slug } articles { totalCount } }
      topics { slug }
      article(slug: "pyworks-2008-wrap-up") {
        title kind publishedAt authors { slug } publication { slug } topics { slug }
        conferences { slug } sessions { slug } people { slug } communities { slug }
        commentCount comments { edges { node { authorName body } } }
      }
      conference(slug: "pyworks-2008") { speakers { edges { node { slug } } } articles { edges { node { slug } } } }
      session(slug: "introduction-to-git") { articles { edges { node { slug } } } }
    }`);
    expect(res.errors).toBeUndefined();
    const d = res.data!;
    expect(slugs(d.person.sessions)).toEqual(["grok-tutorial"]);
    expect(slugs(d.author.articles)).toEqual(["pyworks-2008-wrap-up"]);
    expect(d.publications).toEqual([
      { slug: "php-architect", community: { slug: "php" }, articles: { totalCount: 0 } },
      { slug: "python-magazine", community: { slug: "python" }, articles: { totalCount: 1 } },
    ]);
    expect(d.topics.map((t: any) => t.slug)).toContain("wsgi");
    expect(d.article.authors).toEqual([{ slug: "doug-hellmann" }]);
    expect(d.article.publishedAt).toBe("2008-11-24T14:00:00Z");
    expect(d.article.conferences.map((c: any) => c.slug)).toEqual([
      "pyworks-2008",
      "phpworks-2008",
      "pycon-2009",
    ]);
    expect(d.article.sessions.map((s: any) => s.slug)).toContain("introduction-to-git");
    expect(d.article.communities.map((c: any) => c.slug).sort()).toEqual([
      "php",
      "python",
      "turbogears",
      "zope",
    ]);
    expect(d.article.commentCount).toBe(1);
    expect(d.article.comments.edges).toHaveLength(1);
    expect(slugs(d.conference.speakers)).toEqual([
      "brandon-rhodes",
      "jesse-noller",
      "kevin-dangoor",
      "mark-ramm",
    ]);
    expect(slugs(d.conference.articles)).toEqual(["pyworks-2008-wrap-up"]);
    expect(slugs(d.session.articles)).toEqual(["pyworks-2008-wrap-up"]);
  });

  it("renders article Markdown to sanitised HTML", async () => {
    const res = await server.gql(`{ article(slug: "pyworks-2008-wrap-up") { bodyHtml } }`);
    expect(res.data!.article.bodyHtml).toContain("<h2>One event, two conferences</h2>");
    expect(res.data!.article.bodyHtml).toContain("<code>multiprocessing</code>");
  });
});
