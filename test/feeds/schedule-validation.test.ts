import { startTestServer, type TestServer } from "../helpers/test-server";
import { scheduleJsonValidator, scheduleXmlErrors } from "../helpers/c3voc";
import { get } from "./helpers";

// The schedule feeds of every demo conference against the c3voc validators: the schedule JSON schema
// and the schedule XML XSD (both vendored in test/fixtures/c3voc), with 0 errors.
const CONFERENCES = ["pyworks-2008", "phpworks-2008", "pycon-2009"];

describe("schedule feeds against the c3voc validators", () => {
  let server: TestServer;
  const validateJson = scheduleJsonValidator();
  beforeAll(async () => {
    server = await startTestServer("feeds_c3voc", { config: { publicUrl: "https://ct.example" } });
  });
  afterAll(() => server.close());

  it("checks something: the schema refuses a schedule without a conference", () => {
    expect(validateJson({ schedule: { version: "1" } }).length).toBeGreaterThan(0);
  });

  it.each(CONFERENCES)("%s.json validates against the schedule JSON schema", async slug => {
    const res = await get(server, `/schedule/${slug}.json`);
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.body);
    expect(validateJson(doc)).toEqual([]);
    // Something was validated: the conference has days with events.
    const events: any[] = doc.schedule.conference.days.flatMap((d: any) =>
      Object.values(d.rooms).flat(),
    );
    expect(events.length).toBeGreaterThan(0);
    // What the schema asks beyond frab's shape is there, and it would catch its absence.
    for (const breakIt of [
      (d: any) => (d.schedule.conference.acronym = slug),
      (d: any) => delete d.schedule.conference.rooms[0].guid,
      (d: any) => {
        const day = d.schedule.conference.days.find((x: any) => Object.keys(x.rooms).length);
        delete Object.values<any[]>(day.rooms)[0][0].url;
      },
    ]) {
      const broken = structuredClone(doc);
      breakIt(broken);
      expect(validateJson(broken).length).toBeGreaterThan(0);
    }
  });

  it("the XSD check fails on a broken schedule", async () => {
    expect(
      (await scheduleXmlErrors("<schedule><version>1</version></schedule>")).length,
    ).toBeGreaterThan(0);
  });

  it.each(CONFERENCES)(
    "%s.xml validates against schedule.xml.xsd",
    async slug => {
      const res = await get(server, `/schedule/${slug}.xml`);
      expect(res.status).toBe(200);
      expect(await scheduleXmlErrors(res.body)).toEqual([]);
    },
    30_000,
  );
});
