import { XMLParser, XMLValidator } from "fast-xml-parser";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { get } from "./helpers";

const EVENT_CHILDREN = [
  "date",
  "start",
  "duration",
  "room",
  "slug",
  "title",
  "subtitle",
  "track",
  "type",
  "language",
  "abstract",
  "description",
  "persons",
  "links",
  "attachments",
];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const GUID_ANY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HOSTILE = "<img src=x onerror=alert(1)>";

const ARRAYS = new Set([
  "schedule.day",
  "schedule.day.room",
  "schedule.day.room.event",
  "schedule.day.room.event.persons.person",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
});

describe("frab schedule feeds", () => {
  let server: TestServer;
  let programSize: number;
  beforeAll(async () => {
    server = await startTestServer("feeds_schedule", {
      config: { publicUrl: "https://ct.example" },
    });
    await server.db.dataSource.query("UPDATE session SET title = ? WHERE slug = ?", [
      HOSTILE,
      "documenting-with-sphinx",
    ]);
    const rows = await server.db.dataSource.query(
      "SELECT COUNT(*) AS n FROM session_program sp JOIN conference c ON c.id = sp.conference_id WHERE c.slug = 'pyworks-2008'",
    );
    programSize = Number(rows[0].n);
  });
  afterAll(() => server.close());

  describe("XML", () => {
    let xml: string;
    let schedule: any;
    beforeAll(async () => {
      const res = await get(server, "/schedule/pyworks-2008.xml");
      expect(res.status).toBe(200);
      expect(res.type).toBe("application/xml; charset=utf-8");
      xml = res.body;
      schedule = parser.parse(xml).schedule;
    });

    const allEvents = () =>
      schedule.day.flatMap((day: any) =>
        (day.room ?? []).flatMap((room: any) => room.event.map((e: any) => ({ day, room, e }))),
      );

    it("is well-formed", () => {
      expect(XMLValidator.validate(xml)).toBe(true);
    });

    it("has schedule → conference, day, room, event with every required child", () => {
      expect(typeof schedule.version).toBe("string");
      expect(schedule.version.length).toBeGreaterThan(0);
      expect(schedule.conference).toMatchObject({
        title: "PyWorks 2008",
        acronym: "pyworks_2008",
        start: "2008-11-12",
        time_zone_name: "America/New_York",
        base_url: "https://ct.example/",
        timeslot_duration: "00:15",
      });
      expect(Number(schedule.conference.days)).toBe(schedule.day.length);
      schedule.day.forEach((day: any, i: number) => {
        expect(Number(day["@index"])).toBe(i + 1);
        expect(day["@date"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(day["@start"]).toBe(`${day["@date"]}T00:00:00-05:00`);
        expect(day["@end"]).toMatch(/T00:00:00-05:00$/);
      });
      const events = allEvents();
      // Every program session appears exactly once, side events included.
      expect(events).toHaveLength(programSize);
      for (const { day, room, e } of events) {
        expect(room["@name"]).toBeTruthy();
        expect(e["@id"]).toMatch(/^\d+$/);
        expect(e["@guid"]).toMatch(GUID);
        expect(EVENT_CHILDREN.filter(child => !(child in e))).toEqual([]);
        expect(e.room).toBe(room["@name"]);
        expect(e.date.startsWith(day["@date"])).toBe(true);
        expect(e.start).toMatch(/^\d{2}:\d{2}$/);
        expect(e.duration).toMatch(/^\d{2,}:\d{2}$/);
        expect(e.language).toBe("en");
      }
      const guids = events.map(({ e }: any) => e["@guid"]);
      expect(new Set(guids).size).toBe(guids.length);
    });

    it("puts the git introduction on 2008-11-12 and the sprint on a day of its own", () => {
      const events = allEvents();
      const git = events.find(({ e }: any) => e.slug === "introduction-to-git");
      expect(git.day["@date"]).toBe("2008-11-12");
      expect(git.e).toMatchObject({
        start: "10:30",
        duration: "01:30",
        room: "Ballroom",
        title: "An Introduction to git",
        track: "git",
        type: "talk",
        date: "2008-11-12T10:30:00-05:00",
      });
      const grok = events.find(({ e }: any) => e.slug === "grok-tutorial");
      expect(grok.e.persons.person).toEqual([
        { "@id": expect.any(String), "#text": "Brandon Rhodes" },
      ]);
      const sprint = events.find(({ e }: any) => e.slug === "turbogears-sprint");
      expect(sprint.day["@date"]).toBe("2008-11-15");
      expect(sprint.e.room).toBe("Atlanta");
      expect(sprint.e.duration).toBe("31:00");
      const meetup = events.find(({ e }: any) => e.slug === "atlanta-python-user-group-meeting");
      expect(meetup.e.room).toBe("Off site: the Atlanta Python user group's meeting place");
    });

    it("carries hostile titles as text", () => {
      expect(xml).not.toContain("<img");
      expect(xml).toContain("&lt;img src=x onerror=alert(1)&gt;");
      const sphinx = allEvents().find(({ e }: any) => e.slug === "documenting-with-sphinx");
      // The parser decodes the entities: the title is the original text, and no element hides in it.
      expect(sphinx.e.title).toBe(HOSTILE);
      expect(JSON.stringify(sphinx.e)).not.toContain('"img"');
    });
  });

  describe("JSON", () => {
    let body: string;
    let schedule: any;
    beforeAll(async () => {
      const res = await get(server, "/schedule/pyworks-2008.json");
      expect(res.status).toBe(200);
      expect(res.type).toBe("application/json; charset=utf-8");
      body = res.body;
      schedule = JSON.parse(body).schedule;
    });

    it("has the frab JSON shape", () => {
      expect(typeof schedule.version).toBe("string");
      const conference = schedule.conference;
      expect(conference).toMatchObject({
        acronym: "pyworks_2008",
        title: "PyWorks 2008",
        start: "2008-11-12",
        end: "2008-11-15",
        daysCount: 4,
        timeslot_duration: "00:15",
        time_zone_name: "America/New_York",
      });
      expect(conference.rooms).toEqual(
        expect.arrayContaining(
          ["Ballroom", "Room A", "Atlanta"].map(name =>
            expect.objectContaining({ name, guid: expect.stringMatching(GUID_ANY) }),
          ),
        ),
      );
      expect(conference.days.map((d: any) => d.date)).toEqual([
        "2008-11-12",
        "2008-11-13",
        "2008-11-14",
        "2008-11-15",
      ]);
      let count = 0;
      conference.days.forEach((day: any, i: number) => {
        expect(day).toMatchObject({ index: i + 1 });
        expect(day.day_start).toBe(`${day.date}T00:00:00-05:00`);
        expect(typeof day.day_end).toBe("string");
        for (const [room, events] of Object.entries<any[]>(day.rooms)) {
          for (const e of events) {
            count += 1;
            expect(e.room).toBe(room);
            expect(Object.keys(e)).toEqual(
              expect.arrayContaining([
                "id",
                "guid",
                "date",
                "start",
                "duration",
                "room",
                "slug",
                "title",
                "subtitle",
                "track",
                "type",
                "language",
                "abstract",
                "description",
                "persons",
                "links",
              ]),
            );
            expect(typeof e.id).toBe("number");
            expect(e.guid).toMatch(GUID);
            expect(e.date.startsWith(day.date)).toBe(true);
            expect(e.links).toEqual([]);
            for (const p of e.persons) expect(Object.keys(p).sort()).toEqual(["id", "public_name"]);
          }
        }
      });
      expect(count).toBe(programSize);
      const git = conference.days[0].rooms.Ballroom.find(
        (e: any) => e.slug === "introduction-to-git",
      );
      expect(git).toMatchObject({
        start: "10:30",
        duration: "01:30",
        date: "2008-11-12T10:30:00-05:00",
      });
    });

    it("matches the XML's ids and guids", async () => {
      const xml = parser.parse((await get(server, "/schedule/pyworks-2008.xml")).body).schedule;
      const fromXml = xml.day
        .flatMap((d: any) => (d.room ?? []).flatMap((r: any) => r.event))
        .map((e: any) => `${e["@id"]} ${e["@guid"]}`)
        .sort();
      const fromJson = schedule.conference.days
        .flatMap((d: any) => Object.values<any[]>(d.rooms).flat())
        .map((e: any) => `${e.id} ${e.guid}`)
        .sort();
      expect(fromJson).toEqual(fromXml);
    });

    it("carries hostile titles as a JSON string, with < and > escaped", () => {
      expect(body).not.toContain("<img");
      const sphinx = schedule.conference.days
        .flatMap((d: any) => Object.values<any[]>(d.rooms).flat())
        .find((e: any) => e.slug === "documenting-with-sphinx");
      expect(sphinx.title).toBe(HOSTILE);
    });
  });

  it("lists a combined session in the other conference's schedule too", async () => {
    const php = JSON.parse((await get(server, "/schedule/phpworks-2008.json")).body);
    const slugs = php.schedule.conference.days.flatMap((d: any) =>
      Object.values<any[]>(d.rooms)
        .flat()
        .map((e: any) => e.slug),
    );
    expect(slugs).toContain("introduction-to-git");
    expect(slugs).not.toContain("grok-tutorial");
    expect(php.schedule.conference.daysCount).toBe(3);
  });
});
