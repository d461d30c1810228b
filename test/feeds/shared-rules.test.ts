import { startTestServer, type TestServer } from "../helpers/test-server";
import { get, parseCalendar } from "./helpers";

// Feeds, embeds and GraphQL read their lists through the same service methods, and the feed and
// embed routes share one query-parameter helper and the configured cache lifetime.
describe("rules shared by GraphQL, feeds and embeds", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("shared_rules", { config: { cacheMaxAge: 17 } });
  });
  afterAll(() => server.close());

  const feedSlugs = (text: string) =>
    parseCalendar(text)
      .events.map(e =>
        String(e.component.getFirstPropertyValue("url")).replace(/^.*\/session\/(.*)\.ics$/, "$1"),
      )
      .sort();
  const embedSlugs = (html: string) =>
    [...html.matchAll(/\/calendar\/session\/([a-z0-9-]+)\.ics/g)].map(m => m[1]).sort();
  const programSlugs = async (slug: string, includeColocated: boolean) => {
    const res = await server.gql<{ conference: { sessions: { nodes: { slug: string }[] } } }>(
      `query ($slug: String!, $wide: Boolean!) {
        conference(slug: $slug) { sessions(first: 100, includeColocated: $wide) { nodes { slug } } }
      }`,
      { slug, wide: includeColocated },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.conference.sessions.nodes.map(n => n.slug).sort();
  };

  it("lists the same program in GraphQL, the feed and the embed, co-location included", async () => {
    const own = await programSlugs("phpworks-2008", false);
    const event = await programSlugs("phpworks-2008", true);
    expect(event.length).toBeGreaterThan(own.length);

    const feed = await get(server, "/calendar/conference/phpworks-2008.ics");
    expect(feedSlugs(feed.body)).toEqual(own);

    const wide = await get(server, "/embed/sessions?conference=phpworks-2008");
    expect(wide.status).toBe(200);
    expect(embedSlugs(wide.body)).toEqual(event);
    const narrow = await get(
      server,
      "/embed/sessions?conference=phpworks-2008&include-colocated=false",
    );
    expect(embedSlugs(narrow.body)).toEqual(own);
  });

  it("sends the configured CACHE_MAX_AGE on feeds and embeds", async () => {
    for (const path of [
      "/calendar/conference/pyworks-2008.ics",
      "/schedule/pyworks-2008.xml",
      "/embed/sessions?conference=pyworks-2008",
    ]) {
      const res = await get(server, path);
      expect([path, res.status]).toEqual([path, 200]);
      expect([path, res.headers.get("cache-control")]).toEqual([path, "public, max-age=17"]);
    }
  });

  it("refuses a repeated query parameter the same way on feeds and embeds", async () => {
    const message = 'Query parameter "conference" must be given once, as a plain value';
    const feed = await get(
      server,
      "/calendar/community/python.ics?conference=pyworks-2008&conference=phpworks-2008",
    );
    expect(feed.status).toBe(400);
    expect(feed.body).toContain(message);
    const embed = await get(
      server,
      "/embed/sessions?conference=pyworks-2008&conference=phpworks-2008",
    );
    expect(embed.status).toBe(400);
    expect(embed.body).toContain(message.replace(/"/g, "&quot;"));
  });

  it("trims feed query values and still refuses a blank one", async () => {
    const trimmed = await get(
      server,
      "/calendar/community/python.ics?conference=%20pyworks-2008%20",
    );
    expect(trimmed.status).toBe(200);
    const plain = await get(server, "/calendar/community/python.ics?conference=pyworks-2008");
    expect(feedSlugs(trimmed.body)).toEqual(feedSlugs(plain.body));
    expect(feedSlugs(plain.body).length).toBeGreaterThan(0);

    const blank = await get(server, "/calendar/community/python.ics?conference=");
    expect(blank.status).toBe(400);
  });
});
