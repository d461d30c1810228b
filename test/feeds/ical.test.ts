import { Role } from "../../entities";
import { bearer, issueToken } from "../editorial/helpers";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { eventFor, get, parseCalendar } from "./helpers";

describe("iCalendar feeds", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("feeds_ical", { config: { publicUrl: "https://ct.example" } });
  });
  afterAll(() => server.close());

  const slugsOf = (text: string) =>
    parseCalendar(text).events.map(e =>
      String(e.component.getFirstPropertyValue("url")).replace(/^.*\/session\/(.*)\.ics$/, "$1"),
    );

  it("serves a conference's program, combined sessions included", async () => {
    const py = await get(server, "/calendar/conference/pyworks-2008.ics");
    expect(py.status).toBe(200);
    expect(py.type).toBe("text/calendar; charset=utf-8");
    expect(py.headers.get("cache-control")).toBe("public, max-age=60");
    const pySlugs = slugsOf(py.body);
    expect(pySlugs).toEqual(expect.arrayContaining(["introduction-to-git", "grok-tutorial"]));
    expect(pySlugs).toContain("turbogears-sprint");

    const php = slugsOf((await get(server, "/calendar/conference/phpworks-2008.ics")).body);
    expect(php).toContain("introduction-to-git");
    expect(php).not.toContain("grok-tutorial");
  });

  it("writes the git introduction with TZID times, a VTIMEZONE and its details", async () => {
    const { body } = await get(server, "/calendar/conference/pyworks-2008.ics");
    const { calendar, events } = parseCalendar(body);
    const zones = calendar.getAllSubcomponents("vtimezone");
    expect(zones.map(z => z.getFirstPropertyValue("tzid"))).toEqual(["America/New_York"]);

    const git = eventFor(events, "introduction-to-git")!;
    expect(git).toBeDefined();
    expect(git.summary).toBe("An Introduction to git");
    expect(git.component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe(
      "America/New_York",
    );
    expect(git.startDate.zone.tzid).toBe("America/New_York");
    expect(git.startDate.toString()).toBe("2008-11-12T10:30:00");
    // The VTIMEZONE must say what the IANA database says: 10:30 EST is 15:30 UTC.
    expect(git.startDate.toUnixTime()).toBe(Date.UTC(2008, 10, 12, 15, 30) / 1000);
    expect(git.endDate.toUnixTime()).toBe(Date.UTC(2008, 10, 12, 17, 0) / 1000);
    expect(git.uid).toMatch(/^session-\d+@crosstalk$/);
    expect(git.location).toBe("Ballroom, Crowne Plaza Atlanta Ravinia, Atlanta");
    expect(git.description).toContain("distributed version control");
    expect(git.description).toContain("Programs: PyWorks 2008, php|works 2008");
    expect(git.component.getFirstProperty("categories")!.getValues()).toEqual(["PHP", "Python"]);
    expect(git.component.getFirstPropertyValue("url")).toBe(
      "https://ct.example/calendar/session/introduction-to-git.ics",
    );
    expect(git.component.getFirstPropertyValue("sequence")).toBe(0);
    expect(git.component.getFirstPropertyValue("dtstamp")).toBeTruthy();

    const sprint = eventFor(events, "turbogears-sprint")!;
    expect(sprint.location).toBe("Atlanta");
    const grok = eventFor(events, "grok-tutorial")!;
    expect(grok.description).toContain("Speakers: Brandon Rhodes");
  });

  it("converts correctly across a DST change (PyCon 2009 in Chicago, after March 8)", async () => {
    const { events } = parseCalendar(
      (await get(server, "/calendar/conference/pycon-2009.ics")).body,
    );
    const open = eventFor(events, "pycon-2009-open-spaces")!;
    expect(open.startDate.toString()).toBe("2009-03-27T13:00:00");
    // CDT is UTC-5.
    expect(open.startDate.toUnixTime()).toBe(Date.UTC(2009, 2, 27, 18, 0) / 1000);
  });

  it("keeps UIDs stable across fetches and raises SEQUENCE when a session changes", async () => {
    const first = parseCalendar((await get(server, "/calendar/session/wsgi-middleware.ics")).body);
    const again = parseCalendar((await get(server, "/calendar/session/wsgi-middleware.ics")).body);
    expect(first.events).toHaveLength(1);
    expect(again.events[0].uid).toBe(first.events[0].uid);
    const before = Number(first.events[0].component.getFirstPropertyValue("sequence"));

    await server.db.dataSource.query(
      "UPDATE session SET title = ?, version = version + 1 WHERE slug = ?",
      ["WSGI Middleware, revised", "wsgi-middleware"],
    );
    const after = parseCalendar((await get(server, "/calendar/session/wsgi-middleware.ics")).body);
    expect(after.events[0].uid).toBe(first.events[0].uid);
    expect(Number(after.events[0].component.getFirstPropertyValue("sequence"))).toBe(before + 1);
    expect(after.events[0].summary).toBe("WSGI Middleware, revised");

    // The same UID appears in the conference feed.
    const { events } = parseCalendar(
      (await get(server, "/calendar/conference/pyworks-2008.ics")).body,
    );
    expect(events.filter(e => e.uid === first.events[0].uid)).toHaveLength(1);
  });

  it("raises SEQUENCE when an editor updates the session, or an admin moves its host's venue", async () => {
    const sequence = async () => {
      const { events } = parseCalendar(
        (await get(server, "/calendar/session/grok-tutorial.ics")).body,
      );
      return {
        seq: Number(events[0].component.getFirstPropertyValue("sequence")),
        event: events[0],
      };
    };
    const start = await sequence();
    const { token: editor } = await issueToken(server, Role.EDITOR);
    const { token: admin } = await issueToken(server, Role.ADMIN);
    const session = await server.gql(
      `{ session(slug: "grok-tutorial") { id version } conference(slug: "pyworks-2008") { id version } }`,
    );
    const edited = await server.gql(
      `mutation($input: UpdateSessionInput!) { updateSession(input: $input) { version } }`,
      {
        input: {
          id: session.data!.session.id,
          version: session.data!.session.version,
          title: "Grok, revised",
        },
      },
      bearer(editor),
    );
    expect(edited.errors).toBeUndefined();
    const afterSession = await sequence();
    expect(afterSession.seq).toBe(start.seq + 1);
    expect(afterSession.event.summary).toBe("Grok, revised");

    const moved = await server.gql(
      `mutation($input: UpdateConferenceInput!) { updateConference(input: $input) { version } }`,
      {
        input: {
          id: session.data!.conference.id,
          version: session.data!.conference.version,
          venue: { name: "Georgia World Congress Center", city: "Atlanta", country: "US" },
        },
      },
      bearer(admin),
    );
    expect(moved.errors).toBeUndefined();
    const afterVenue = await sequence();
    expect(afterVenue.seq).toBe(afterSession.seq + 1);
    expect(afterVenue.event.location).toContain("Georgia World Congress Center");
  });

  it("serves community feeds including descendant communities, optionally narrowed", async () => {
    const python = slugsOf((await get(server, "/calendar/community/python.ics")).body);
    // turbogears and zope are below python, so their sessions are included.
    expect(python).toEqual(
      expect.arrayContaining(["grok-tutorial", "turbogears-sprint", "pycon-2009-open-spaces"]),
    );
    expect(python).not.toContain("database-administration-nope");

    const narrowed = slugsOf(
      (await get(server, "/calendar/community/python.ics?conference=pycon-2009")).body,
    );
    expect(narrowed).toEqual(["pycon-2009-open-spaces"]);

    const zope = slugsOf((await get(server, "/calendar/community/zope.ics")).body);
    expect(zope).toEqual(["grok-tutorial"]);

    const php = slugsOf((await get(server, "/calendar/community/php.ics")).body);
    expect(php).toContain("introduction-to-git");
    expect(php).not.toContain("grok-tutorial");
  });

  it("serves a person's sessions", async () => {
    const res = await get(server, "/calendar/person/brandon-rhodes.ics");
    expect(res.status).toBe(200);
    expect(slugsOf(res.body)).toEqual(["grok-tutorial"]);
  });

  it("answers unknown slugs with a plain-text 404 and bad query values with a 400", async () => {
    for (const [path, text] of [
      ["/calendar/conference/nope.ics", 'Conference "nope"'],
      ["/calendar/community/nope.ics", 'Community "nope"'],
      ["/calendar/community/python.ics?conference=nope", 'Conference "nope"'],
      ["/calendar/person/nope.ics", 'Person "nope"'],
      ["/calendar/session/nope.ics", 'Session "nope"'],
      ["/schedule/nope.xml", 'Conference "nope"'],
      ["/schedule/nope.json", 'Conference "nope"'],
      ["/calendar/conference/pyworks-2008.txt", "No feed"],
    ]) {
      const res = await get(server, path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.type).toBe("text/plain; charset=utf-8");
      expect(res.body).toContain(text);
      expect(res.body).not.toContain("BEGIN:VCALENDAR");
    }
    for (const path of [
      "/calendar/community/python.ics?conference=a&conference=b",
      "/calendar/community/python.ics?conference=",
    ]) {
      const res = await get(server, path);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.type).toBe("text/plain; charset=utf-8");
    }
  });

  it("folds lines at 75 octets and ends every line with CRLF", async () => {
    // A long multi-byte title forces folds in the middle of UTF-8 text.
    await server.db.dataSource.query("UPDATE session SET title = ? WHERE slug = ?", [
      "Désktop Äpplications — ".repeat(8) + "in Python 🐍",
      "desktop-applications-in-python",
    ]);
    for (const path of [
      "/calendar/conference/pyworks-2008.ics",
      "/calendar/community/python.ics",
      "/calendar/person/brandon-rhodes.ics",
      "/calendar/session/desktop-applications-in-python.ics",
    ]) {
      const { body } = await get(server, path);
      expect(body.endsWith("\r\n")).toBe(true);
      expect(body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      for (const line of body.slice(0, -2).split("\r\n")) {
        expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      }
      parseCalendar(body);
    }
    const { events } = parseCalendar(
      (await get(server, "/calendar/session/desktop-applications-in-python.ics")).body,
    );
    expect(events[0].summary).toBe("Désktop Äpplications — ".repeat(8) + "in Python 🐍");
  });

  it("escapes hostile text per RFC 5545", async () => {
    const title = "<img src=x onerror=alert(1)>; a, b \\ c\nnext";
    await server.db.dataSource.query("UPDATE session SET title = ? WHERE slug = ?", [
      title,
      "documenting-with-sphinx",
    ]);
    const { body } = await get(server, "/calendar/session/documenting-with-sphinx.ics");
    expect(body).toContain("SUMMARY:<img src=x onerror=alert(1)>\\; a\\, b \\\\ c\\nnext");
    const { events } = parseCalendar(body);
    expect(events[0].summary).toBe(title);
  });
});
