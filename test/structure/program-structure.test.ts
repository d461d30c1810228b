import { XMLParser } from "fast-xml-parser";
import { Role } from "../../entities";
import { bearer, codeOf, gid, issueToken } from "../editorial/helpers";
import { get, parseCalendar } from "../feeds/helpers";
import { scheduleJsonValidator, scheduleXmlErrors } from "../helpers/c3voc";
import { startTestServer, type TestServer } from "../helpers/test-server";

describe("series, tracks, rooms and materials", () => {
  let server: TestServer;
  let admin: Record<string, string>;
  let editor: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer("program_structure", {
      config: { publicUrl: "https://ct.example" },
    });
    admin = bearer((await issueToken(server, Role.ADMIN)).token);
    editor = bearer((await issueToken(server, Role.EDITOR)).token);
  });
  afterAll(() => server.close());

  it("links PyWorks 2008 to a PyWorks 2009 created through the API (AP1)", async () => {
    const series = await server.gql(`{ series(slug: "pyworks") { id name editions { slug } } }`);
    expect(series.data!.series).toMatchObject({
      name: "PyWorks",
      editions: [{ slug: "pyworks-2008" }],
    });
    const created = await server.gql(
      `mutation($input: CreateConferenceInput!) { createConference(input: $input) { slug series { slug } } }`,
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
          series: series.data!.series.id,
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const slug = created.data!.createConference.slug;
    expect(created.data!.createConference.series).toEqual({ slug: "pyworks" });
    const res = await server.gql(
      `query($next: String!) {
        first: conference(slug: "pyworks-2008") { previousEdition { slug } nextEdition { slug } }
        next: conference(slug: $next) { previousEdition { slug } nextEdition { slug } }
        series(slug: "pyworks") { editions { slug } }
      }`,
      { next: slug },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      first: { previousEdition: null, nextEdition: { slug } },
      next: { previousEdition: { slug: "pyworks-2008" }, nextEdition: null },
      series: { editions: [{ slug: "pyworks-2008" }, { slug }] },
    });
  });

  it("lets an editor create a series and put a conference in it; anonymous callers may not", async () => {
    const made = await server.gql(
      `mutation($c: ID!) { createConferenceSeries(input: { name: "php|works", community: $c }) { id slug } }`,
      { c: await gid(server, "community", "php") },
      editor,
    );
    expect(made.errors).toBeUndefined();
    expect(made.data!.createConferenceSeries.slug).toBe("php-works");
    const php = await server.gql(`{ conference(slug: "phpworks-2008") { id version } }`);
    const vars = {
      conference: php.data!.conference.id,
      series: made.data!.createConferenceSeries.id,
      version: php.data!.conference.version,
    };
    const op = `mutation($conference: ID!, $series: ID, $version: Int!) {
      setConferenceSeries(conference: $conference, series: $series, version: $version) { series { slug } version }
    }`;
    expect(codeOf(await server.gql(op, vars))).toBe("UNAUTHENTICATED");
    const set = await server.gql(op, vars, editor);
    expect(set.errors).toBeUndefined();
    expect(set.data!.setConferenceSeries.series).toEqual({ slug: "php-works" });
    // A stale version is refused.
    expect(codeOf(await server.gql(op, vars, editor))).toBe("CONFLICT");
  });

  it("lists every series in keyset pages, oldest first, for a client to pick one", async () => {
    const made = await server.gql(
      `mutation($c: ID!) { createConferenceSeries(input: { name: "Listed Series", community: $c }) { id } }`,
      { c: await gid(server, "community", "python") },
      editor,
    );
    expect(made.errors).toBeUndefined();
    const op = `query($after: String) {
      conferenceSeries(first: 1, after: $after) {
        nodes { id slug } pageInfo { hasNextPage endCursor } totalCount
      }
    }`;
    const seen: { id: string; slug: string }[] = [];
    let after: string | null = null;
    let total: number;
    for (;;) {
      const res = await server.gql(op, { after });
      expect(res.errors).toBeUndefined();
      const page: {
        nodes: { id: string; slug: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        totalCount: number;
      } = res.data!.conferenceSeries;
      expect(page.nodes.length).toBeLessThanOrEqual(1);
      seen.push(...page.nodes);
      total = page.totalCount;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(seen.map(s => s.slug)).toContain("pyworks");
    // Oldest first: the series made just now comes last.
    expect(seen[seen.length - 1].id).toBe(made.data!.createConferenceSeries.id);
  });

  it("shows a session's room with capacity, track, slides and video links and doNotRecord everywhere (AP2)", async () => {
    const pyworks = await gid(server, "conference", "pyworks-2008");
    const room = await server.gql(
      `mutation($c: ID!) { createRoom(input: { conference: $c, name: "Dogwood Room", capacity: 120 }) { id name slug guid capacity } }`,
      { c: pyworks },
      editor,
    );
    expect(room.errors).toBeUndefined();
    const track = await server.gql(
      `mutation($c: ID!) { createTrack(input: { conference: $c, name: "Web", color: "#3366CC" }) { id slug color } }`,
      { c: pyworks },
      editor,
    );
    expect(track.data!.createTrack).toMatchObject({ slug: "web", color: "#3366cc" });
    const links = [
      { kind: "SLIDES", url: "https://slides.example/wsgi.pdf", title: "The slides" },
      { kind: "VIDEO", url: "https://video.example/wsgi", title: null },
    ];
    const created = await server.gql(
      `mutation($input: CreateSessionInput!) { createSession(input: $input) { session { slug room } } }`,
      {
        input: {
          title: "Web Application Deployment",
          kind: "TALK",
          startsAt: "2008-11-13T14:00:00-05:00",
          endsAt: "2008-11-13T15:00:00-05:00",
          hostConference: pyworks,
          programs: [pyworks],
          audiences: [await gid(server, "community", "python")],
          speakers: [await gid(server, "person", "mark-ramm")],
          roomRecord: room.data!.createRoom.id,
          track: track.data!.createTrack.id,
          links,
          doNotRecord: true,
        },
      },
      editor,
    );
    expect(created.errors).toBeUndefined();
    const { slug } = created.data!.createSession.session;
    const { guid } = room.data!.createRoom;

    // GraphQL: `room` stays the name; the record, track and materials sit beside it.
    const read = await server.gql(
      `query($slug: String!) {
        session(slug: $slug) {
          room doNotRecord
          roomRecord { name capacity guid }
          track { name slug color }
          links { kind url title }
        }
        conference(slug: "pyworks-2008") {
          rooms { name capacity }
          tracks { slug }
          web: sessions(filter: { track: "web" }) { nodes { slug } }
          stats { sessionsPerTrack { track { slug } sessionCount } }
        }
      }`,
      { slug },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.session).toEqual({
      room: "Dogwood Room",
      doNotRecord: true,
      roomRecord: { name: "Dogwood Room", capacity: 120, guid },
      track: { name: "Web", slug: "web", color: "#3366cc" },
      links,
    });
    const conference = read.data!.conference;
    expect(conference.rooms).toContainEqual({ name: "Dogwood Room", capacity: 120 });
    expect(conference.rooms.map((r: any) => r.name)).toEqual(
      expect.arrayContaining(["Ballroom", "Room A"]),
    );
    expect(conference.tracks).toEqual([{ slug: "web" }]);
    expect(conference.web.nodes).toEqual([{ slug }]);
    expect(conference.stats.sessionsPerTrack[0]).toEqual({
      track: { slug: "web" },
      sessionCount: 1,
    });

    // iCalendar: the track, capacity, materials (ATTACH and description) and the note.
    const ics = await get(server, `/calendar/session/${slug}.ics`);
    const [event] = parseCalendar(ics.body).events;
    expect(event.location).toBe("Dogwood Room, Crowne Plaza Atlanta Ravinia, Atlanta");
    expect(event.component.getAllProperties("attach").map(p => p.getFirstValue())).toEqual(
      links.map(l => l.url),
    );
    expect(event.description).toContain("Track: Web");
    expect(event.description).toContain("Room: Dogwood Room (120 seats)");
    expect(event.description).toContain("Slides: The slides <https://slides.example/wsgi.pdf>");
    expect(event.description).toContain("Video: <https://video.example/wsgi>");
    expect(event.description).toContain("Not recorded");

    // frab XML: track, room guid, recording opt-out, links and the slides as an attachment.
    const xml = (await get(server, "/schedule/pyworks-2008.xml")).body;
    expect(await scheduleXmlErrors(xml)).toEqual([]);
    const schedule = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@",
      parseTagValue: false,
      isArray: (_name, jpath) =>
        [
          "schedule.day",
          "schedule.day.room",
          "schedule.day.room.event",
          "schedule.day.room.event.links.link",
          "schedule.day.room.event.attachments.attachment",
          "schedule.conference.track",
        ].includes(String(jpath)),
    }).parse(xml).schedule;
    expect(schedule.conference.track).toEqual([
      { "@name": "Web", "@slug": "web", "@color": "#3366cc" },
    ]);
    const placed = schedule.day
      .flatMap((d: any) => d.room ?? [])
      .find((r: any) => r.event?.some((e: any) => e.title === "Web Application Deployment"));
    expect(placed["@guid"]).toBe(guid);
    const xmlEvent = placed.event.find((e: any) => e.title === "Web Application Deployment");
    // "web-…" does not fit the XSD's event slug shape, so the (optional) slug is left out.
    expect(xmlEvent.slug).toBeUndefined();
    expect(xmlEvent).toMatchObject({
      room: "Dogwood Room",
      track: "Web",
      recording: { optout: "true" },
    });
    expect(xmlEvent.links.link).toEqual([
      { "@href": links[0].url, "@type": "slides", "#text": "The slides" },
      { "@href": links[1].url, "@type": "media", "#text": "video" },
    ]);
    expect(xmlEvent.attachments.attachment).toEqual([
      { "@href": links[0].url, "@type": "slides", "#text": "The slides" },
    ]);

    // frab JSON: the same, and valid against the c3voc schema.
    const json = JSON.parse((await get(server, "/schedule/pyworks-2008.json")).body);
    expect(scheduleJsonValidator()(json)).toEqual([]);
    expect(json.schedule.conference.rooms).toContainEqual({
      name: "Dogwood Room",
      guid,
      slug: "dogwood-room",
      capacity: 120,
    });
    expect(json.schedule.conference.tracks).toEqual([
      { name: "Web", slug: "web", color: "#3366cc" },
    ]);
    const jsonEvent = json.schedule.conference.days
      .flatMap((d: any) => Object.values<any[]>(d.rooms).flat())
      .find((e: any) => e.slug === slug);
    expect(jsonEvent).toMatchObject({
      room: "Dogwood Room",
      track: "Web",
      do_not_record: true,
      url: `https://ct.example/calendar/session/${slug}.ics`,
      links: [
        { url: links[0].url, type: "slides", title: "The slides" },
        { url: links[1].url, type: "media", title: "video" },
      ],
      attachments: [{ url: links[0].url, type: "slides", title: "The slides" }],
    });

    // The embed (server-rendered), filtered by track: only this session, with all of it shown.
    const embed = await get(server, "/embed/sessions?conference=pyworks-2008&track=web");
    expect(embed.status).toBe(200);
    expect(embed.body.match(/data-slug="/g)).toHaveLength(1);
    expect(embed.body).toContain(`data-slug="${slug}"`);
    expect(embed.body).toContain('<p class="track">Track: Web</p>');
    expect(embed.body).toContain('<p class="capacity">Dogwood Room: 120 seats</p>');
    expect(embed.body).toContain(`href="${links[0].url}"`);
    expect(embed.body).toContain(`href="${links[1].url}"`);
    expect(embed.body).toContain('<p class="do-not-record">Not recorded</p>');

    // The conference feeds narrowed to the track: iCal and the schedule.
    const webIcs = parseCalendar(
      (await get(server, "/calendar/conference/pyworks-2008.ics?track=web")).body,
    );
    expect(webIcs.events.map(e => e.summary)).toEqual(["Web Application Deployment"]);
    const webJson = JSON.parse((await get(server, "/schedule/pyworks-2008.json?track=web")).body);
    expect(
      webJson.schedule.conference.days.flatMap((d: any) =>
        Object.values<any[]>(d.rooms)
          .flat()
          .map(e => e.slug),
      ),
    ).toEqual([slug]);
    expect((await get(server, "/calendar/conference/pyworks-2008.ics?track=nope")).status).toBe(
      404,
    );
  });

  it("sets a room by name (making the record at the host's venue) and keeps the name on rename", async () => {
    const session = await server.gql(`{ session(slug: "wsgi-middleware") { id version room } }`);
    const moved = await server.gql(
      `mutation($id: ID!, $v: Int!) { updateSession(input: { id: $id, version: $v, room: "Magnolia Room" }) { room roomRecord { id name } version } }`,
      { id: session.data!.session.id, v: session.data!.session.version },
      editor,
    );
    expect(moved.errors).toBeUndefined();
    const record = moved.data!.updateSession.roomRecord;
    expect(record.name).toBe("Magnolia Room");
    const room = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on Room { version sessions { nodes { slug } } } } }`,
      {
        id: record.id,
      },
    );
    expect(room.data!.node.sessions.nodes).toEqual([{ slug: "wsgi-middleware" }]);
    const renamed = await server.gql(
      `mutation($id: ID!, $v: Int!) { updateRoom(input: { id: $id, version: $v, name: "Magnolia Hall", capacity: 40 }) { name capacity } }`,
      { id: record.id, v: room.data!.node.version },
      editor,
    );
    expect(renamed.data!.updateRoom).toEqual({ name: "Magnolia Hall", capacity: 40 });
    const after = await server.gql(
      `{ session(slug: "wsgi-middleware") { room roomRecord { name } } }`,
    );
    expect(after.data!.session).toEqual({
      room: "Magnolia Hall",
      roomRecord: { name: "Magnolia Hall" },
    });
    // A room of another venue is refused.
    const pyconRoom = await server.gql(
      `mutation($c: ID!) { createRoom(input: { conference: $c, name: "Grand Ballroom" }) { id } }`,
      { c: await gid(server, "conference", "pycon-2009") },
      editor,
    );
    const current = await server.gql(`{ session(slug: "wsgi-middleware") { id version } }`);
    const wrong = await server.gql(
      `mutation($id: ID!, $v: Int!, $r: ID) { updateSession(input: { id: $id, version: $v, roomRecord: $r }) { room } }`,
      {
        id: current.data!.session.id,
        v: current.data!.session.version,
        r: pyconRoom.data!.createRoom.id,
      },
      editor,
    );
    expect(codeOf(wrong)).toBe("BAD_USER_INPUT");
    expect(wrong.errors![0].extensions!.fields).toContainEqual({
      field: "roomRecord",
      message: expect.stringContaining("host's venue"),
    });
  });
});
