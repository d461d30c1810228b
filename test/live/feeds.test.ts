import { XMLParser } from "fast-xml-parser";
import { Role } from "../../entities";
import { bearer, gid, issueToken } from "../editorial/helpers";
import { eventFor, get, parseCalendar } from "../feeds/helpers";
import { TEST_ENGINE } from "../helpers/test-db";
import { startTestServer, type TestServer } from "../helpers/test-server";

describe(`cancelled sessions and the changes feed on ${TEST_ENGINE}`, () => {
  let server: TestServer;
  let editor: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer("live_feeds");
    editor = bearer((await issueToken(server, Role.EDITOR)).token);
  });
  afterAll(() => server.close());

  const scheduleVersion = async (slug: string) =>
    (
      await server.gql(`query ($slug: String!) { conference(slug: $slug) { scheduleVersion } }`, {
        slug,
      })
    ).data!.conference.scheduleVersion as number;

  it("marks a cancelled session in iCalendar and frab, keeps it listed, and versions the schedule", async () => {
    const git = await gid(server, "session", "introduction-to-git");
    const before = parseCalendar(
      (await get(server, "/calendar/conference/phpworks-2008.ics")).body,
    );
    const old = eventFor(before.events, "introduction-to-git")!;
    expect(old.component.getFirstPropertyValue("status")).toBeNull();

    const res = await server.gql(
      `mutation ($id: ID!) { cancelSession(id: $id) { status } }`,
      { id: git },
      editor,
    );
    expect(res.errors).toBeUndefined();

    for (const path of [
      "/calendar/conference/phpworks-2008.ics",
      "/calendar/session/introduction-to-git.ics",
    ]) {
      const { events } = parseCalendar((await get(server, path)).body);
      const event = eventFor(events, "introduction-to-git")!;
      expect(event).toBeDefined();
      expect(event.component.getFirstPropertyValue("status")).toBe("CANCELLED");
      expect(event.sequence).toBeGreaterThan(old.sequence);
      expect(event.uid).toBe(old.uid);
    }
    const version = await scheduleVersion("phpworks-2008");
    expect(version).toBeGreaterThan(0);

    const json = JSON.parse((await get(server, "/schedule/phpworks-2008.json")).body);
    expect(json.schedule.version).toBe(String(version));
    const titles = json.schedule.conference.days
      .flatMap((d: any) => Object.values(d.rooms).flat())
      .map((e: any) => e.title);
    expect(titles).toContain("Cancelled: An Introduction to git");

    const xml = new XMLParser().parse((await get(server, "/schedule/phpworks-2008.xml")).body);
    expect(String(xml.schedule.version)).toBe(String(version));
    // PyWorks lists the combined session too: its version is its own.
    const py = JSON.parse((await get(server, "/schedule/pyworks-2008.json")).body);
    expect(py.schedule.version).toBe(String(await scheduleVersion("pyworks-2008")));
  });

  it("serves an Atom feed of a conference's changes beside the other feeds", async () => {
    const feed = await get(server, "/schedule/phpworks-2008/changes.atom");
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^application\/atom\+xml/);
    expect(feed.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    const atom = new XMLParser({ ignoreAttributes: false }).parse(feed.body).feed;
    expect(atom["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    const entries = [atom.entry].flat();
    expect(entries.length).toBe(await scheduleVersion("phpworks-2008"));
    expect(entries[0].title).toBe("An Introduction to git cancelled");
    expect(entries[0].category["@_term"]).toBe("CANCELLED");
    expect(entries[0].content["#text"]).toBe("status: SCHEDULED → CANCELLED");
    expect(new Date(atom.updated).getTime()).toBe(new Date(entries[0].updated).getTime());
    expect((await get(server, "/schedule/no-such-conference/changes.atom")).status).toBe(404);
  });
});
