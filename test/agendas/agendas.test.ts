import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { Role } from "../../entities";
import { createLogger } from "../../src/core/logger";
import { bearer, codeOf, gid, issueToken } from "../editorial/helpers";
import { get, parseCalendar } from "../feeds/helpers";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** Collects every log line the server writes. */
class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

const AGENDA = `sessions { slug startsAt hostConference { slug } }
  clashes { first { slug startsAt } second { slug startsAt endsAt } overlapMinutes }`;

describe("personal agendas", () => {
  let server: TestServer;
  const logs = new Capture();
  let ipCounter = 0;
  beforeAll(async () => {
    server = await startTestServer("agendas", {
      config: { publicUrl: "https://ct.example", agendas: { perHour: 3 } },
      log: createLogger({ logLevel: "info" }, logs),
    });
  });
  afterAll(() => server.close());

  /** Each test creates from its own client address (trust proxy is loopback), so limits stay apart. */
  const fromNewClient = () => ({ "x-forwarded-for": `198.51.100.${++ipCounter}` });

  async function createAgenda(): Promise<string> {
    const res = await server.gql(
      `mutation { createAgenda { secret agenda { sessions { slug } } } }`,
      undefined,
      fromNewClient(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createAgenda.agenda.sessions).toEqual([]);
    return res.data!.createAgenda.secret;
  }

  async function add(secret: string, slug: string) {
    const res = await server.gql(
      `mutation ($a: String!, $s: ID!) { addToAgenda(agenda: $a, session: $s) { sessions { slug } } }`,
      { a: secret, s: await gid(server, "session", slug) },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.addToAgenda.sessions.map((s: { slug: string }) => s.slug) as string[];
  }

  it("creates an agenda with a 256-bit secret and stores only its hash", async () => {
    const secret = await createAgenda();
    expect(secret).toMatch(/^cta_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret.slice(4), "base64url")).toHaveLength(32);
    const rows: { secret_hash: string }[] =
      await server.db.dataSource.query("SELECT * FROM agenda");
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(secret.slice(4, 24));
    const hash = createHash("sha256").update(secret).digest("hex");
    expect(rows.map(r => r.secret_hash)).toContain(hash);
    // Two agendas never share a secret.
    expect(await createAgenda()).not.toBe(secret);
  });

  it("reports the clash of overlapping sessions from PyWorks 2008 and php|works 2008", async () => {
    const secret = await createAgenda();
    await add(secret, "grok-tutorial"); // PyWorks 2008, 13:30–17:00
    await add(secret, "introduction-to-git"); // combined, 10:30–12:00
    const slugs = await add(secret, "database-administration"); // php|works 2008, 13:30–17:00
    expect(slugs[0]).toBe("introduction-to-git");
    expect(slugs.slice(1).sort()).toEqual(["database-administration", "grok-tutorial"]);
    // Adding again changes nothing.
    expect(await add(secret, "grok-tutorial")).toEqual(slugs);

    const res = await server.gql(`query ($s: String!) { agenda(secret: $s) { ${AGENDA} } }`, {
      s: secret,
    });
    expect(res.errors).toBeUndefined();
    const agenda = res.data!.agenda;
    expect(
      agenda.sessions.map((s: { hostConference: { slug: string } }) => s.hostConference.slug),
    ).toEqual(expect.arrayContaining(["pyworks-2008", "phpworks-2008"]));
    expect(agenda.clashes).toHaveLength(1);
    const [clash] = agenda.clashes;
    expect([clash.first.slug, clash.second.slug].sort()).toEqual([
      "database-administration",
      "grok-tutorial",
    ]);
    expect(clash.overlapMinutes).toBe(210);
    // Times are in the event's own zone (Atlanta, EST in November).
    expect(clash.first.startsAt).toBe("2008-11-12T13:30:00-05:00");
    expect(clash.second.endsAt).toBe("2008-11-12T17:00:00-05:00");

    // A cancelled session clashes with nothing (it stays on the agenda, marked cancelled).
    const { token } = await issueToken(server, Role.EDITOR);
    const cancelled = await server.gql(
      `mutation ($id: ID!) { cancelSession(id: $id) { status } }`,
      { id: await gid(server, "session", "grok-tutorial") },
      bearer(token),
    );
    expect(cancelled.errors).toBeUndefined();
    const after = await server.gql(
      `query ($s: String!) { agenda(secret: $s) { sessions { slug status } clashes { overlapMinutes } } }`,
      { s: secret },
    );
    expect(after.data!.agenda.clashes).toEqual([]);
    expect(after.data!.agenda.sessions).toContainEqual({
      slug: "grok-tutorial",
      status: "CANCELLED",
    });

    // Removing one takes it off the agenda.
    const removed = await server.gql(
      `mutation ($a: String!, $s: ID!) { removeFromAgenda(agenda: $a, session: $s) { clashes { overlapMinutes } sessions { slug } } }`,
      { a: secret, s: await gid(server, "session", "grok-tutorial") },
    );
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeFromAgenda.clashes).toEqual([]);
    expect(removed.data!.removeFromAgenda.sessions).toHaveLength(2);
  });

  it("gives each session's times in its own event's zone (PyCon 2009 in Chicago)", async () => {
    const secret = await createAgenda();
    await add(secret, "pycon-2009-open-spaces");
    await add(secret, "wsgi-middleware");
    const res = await server.gql(`query ($s: String!) { agenda(secret: $s) { ${AGENDA} } }`, {
      s: secret,
    });
    expect(res.data!.agenda.clashes).toEqual([]);
    expect(res.data!.agenda.sessions[1].startsAt).toMatch(/^2009-03-27T13:00:00-05:00$/);
  });

  it("serves the agenda as iCalendar with the session feeds' UIDs, and SEQUENCE rises after a move", async () => {
    const secret = await createAgenda();
    await add(secret, "database-administration");
    await add(secret, "grok-tutorial");
    const first = await get(server, `/calendar/agenda/${secret}.ics`);
    expect(first.status).toBe(200);
    expect(first.type).toBe("text/calendar; charset=utf-8");
    expect(first.headers.get("cache-control")).toBe("private, no-store");
    const { events } = parseCalendar(first.body);
    expect(events).toHaveLength(2);

    const single = parseCalendar(
      (await get(server, "/calendar/session/database-administration.ics")).body,
    );
    const uid = single.events[0].uid;
    const event = events.find(e => e.uid === uid)!;
    expect(event).toBeDefined();
    const before = Number(event.component.getFirstPropertyValue("sequence"));
    expect(before).toBe(Number(single.events[0].component.getFirstPropertyValue("sequence")));

    // An editor moves the session by an hour.
    const { token } = await issueToken(server, Role.EDITOR);
    const read = await server.gql(`{ session(slug: "database-administration") { id version } }`);
    const moved = await server.gql(
      `mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { version } }`,
      {
        input: {
          id: read.data!.session.id,
          version: read.data!.session.version,
          startsAt: "2008-11-12T14:30:00-05:00",
          endsAt: "2008-11-12T18:00:00-05:00",
        },
      },
      bearer(token),
    );
    expect(moved.errors).toBeUndefined();

    const after = parseCalendar((await get(server, `/calendar/agenda/${secret}.ics`)).body);
    const movedEvent = after.events.find(e => e.uid === uid)!;
    expect(Number(movedEvent.component.getFirstPropertyValue("sequence"))).toBeGreaterThan(before);
    expect(movedEvent.startDate.toUnixTime()).toBe(Date.UTC(2008, 10, 12, 19, 30) / 1000);
    // A GET query that names the agenda carries the secret in its query string.
    const viaGet = await fetch(
      `${server.url}/graphql?${new URLSearchParams({
        query: `{ agenda(secret: "${secret}") { sessions { slug } } }`,
      })}`,
      { headers: { "apollo-require-preflight": "true" } },
    );
    expect(viaGet.status).toBe(200);
    // The secret never reaches a log line: the request log redacts it from the URL, and does not
    // repeat the URL's query string as a parsed `query` object.
    expect(logs.text).toContain("/calendar/agenda/cta_[redacted].ics");
    expect(logs.text).toContain("cta_[redacted]%22");
    expect(logs.text).not.toContain(secret.slice(4));
  });

  it("answers an unknown or malformed secret with null, NOT_FOUND or 404", async () => {
    const unknown = `cta_${"A".repeat(43)}`;
    const query = await server.gql(`{ agenda(secret: "${unknown}") { sessions { slug } } }`);
    expect(query.data).toEqual({ agenda: null });
    expect((await server.gql(`{ agenda(secret: "nonsense") { sessions { slug } } }`)).data).toEqual(
      { agenda: null },
    );
    const add = await server.gql(
      `mutation ($s: ID!) { addToAgenda(agenda: "${unknown}", session: $s) { sessions { slug } } }`,
      { s: await gid(server, "session", "grok-tutorial") },
    );
    expect(codeOf(add)).toBe("NOT_FOUND");
    expect(add.errors![0].message).not.toContain(unknown);
    const ics = await get(server, `/calendar/agenda/${unknown}.ics`);
    expect(ics.status).toBe(404);
    expect(ics.headers.get("cache-control")).toBe("private, no-store");
  });

  it("is never cached: a GET of an agenda is no-store and is not served from the response cache", async () => {
    const secret = await createAgenda();
    await add(secret, "grok-tutorial");
    const url = `${server.url}/graphql?query=${encodeURIComponent(
      `query ($s: String!) { agenda(secret: $s) { sessions { slug } } }`,
    )}&variables=${encodeURIComponent(JSON.stringify({ s: secret }))}`;
    const headers = { "apollo-require-preflight": "true" };
    const one = await fetch(url, { headers });
    expect(one.status).toBe(200);
    expect(one.headers.get("cache-control")).toBe("no-store");
    expect(await one.json()).toEqual({
      data: { agenda: { sessions: [{ slug: "grok-tutorial" }] } },
    });
    const two = await fetch(url, { headers });
    expect(two.headers.get("cache-control")).toBe("no-store");
    expect(two.headers.get("age")).toBeNull();
    // A public query on the same path is cached, so the check above is not vacuous.
    const publicUrl = `${server.url}/graphql?query=${encodeURIComponent(`{ session(slug: "grok-tutorial") { title } }`)}`;
    await fetch(publicUrl, { headers });
    const cached = await fetch(publicUrl, { headers });
    expect(cached.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    expect(cached.headers.get("age")).not.toBeNull();
  });

  it("is not a Node, has no id and cannot be listed", async () => {
    const res = await server.gql(
      `{ __type(name: "Agenda") { interfaces { name } fields { name } } __schema { queryType { fields { name type { name ofType { name } } } } } }`,
    );
    const type = res.data!.__type;
    expect(type.interfaces).toEqual([]);
    expect(type.fields.map((f: { name: string }) => f.name).sort()).toEqual([
      "clashes",
      "sessions",
    ]);
    const returningAgenda = res.data!.__schema.queryType.fields.filter(
      (f: { type: { name: string | null; ofType: { name: string } | null } }) =>
        f.type.name === "Agenda" || f.type.ofType?.name === "Agenda",
    );
    expect(returningAgenda.map((f: { name: string }) => f.name)).toEqual(["agenda"]);
  });

  it("limits how many agendas one client creates per hour", async () => {
    const client = { "x-forwarded-for": "203.0.113.200" };
    const batch = await server.gql(
      `mutation { a: createAgenda { secret } b: createAgenda { secret } }`,
      undefined,
      client,
    );
    expect(batch.errors).toBeUndefined();
    const again = await server.gql(
      `mutation { a: createAgenda { secret } b: createAgenda { secret } }`,
      undefined,
      client,
    );
    expect(again.status).toBe(429);
    expect(codeOf(again)).toBe("RATE_LIMITED");
    expect(again.headers.get("retry-after")).toMatch(/^\d+$/);
    const third = await server.gql(`mutation { createAgenda { secret } }`, undefined, client);
    expect(third.errors).toBeUndefined();
    const fourth = await server.gql(`mutation { createAgenda { secret } }`, undefined, client);
    expect(codeOf(fourth)).toBe("RATE_LIMITED");
    // Another client is not affected.
    const other = await server.gql(
      `mutation { createAgenda { secret } }`,
      undefined,
      fromNewClient(),
    );
    expect(other.errors).toBeUndefined();
  });
});
