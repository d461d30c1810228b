import { ApolloClient, gql, InMemoryCache } from "@apollo/client";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import WebSocket from "ws";
import { Role, ScheduleChangeKind } from "../../entities";
import { ScheduleLog } from "../../src/services/editorial/schedule-log";
import { bearer, gid, issueToken, revokedToken } from "../editorial/helpers";
import { TEST_ENGINE } from "../helpers/test-db";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { collect, refusalCode, until, wsClient } from "./helpers";

const SCHEDULE = `subscription ($slug: String!, $colocated: Boolean) {
  scheduleChanged(conference: $slug, includeColocated: $colocated) {
    scheduleVersion kind subject
    conference { slug scheduleVersion }
    session { slug room startsAt status }
    fields { field oldValue newValue }
  }
}`;
const UPDATE = `mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { version } }`;

describe(`subscriptions over graphql-ws on ${TEST_ENGINE}`, () => {
  let server: TestServer;
  let editor: string;
  let subscribed: jest.SpyInstance;

  beforeAll(async () => {
    server = await startTestServer("live_subscriptions", {
      config: {
        live: {
          maxSubscriptionsPerConnection: 3,
          maxConnectionsPerClient: 4,
          keepAliveMs: 1000,
          recheckMs: 60_000,
          redisChannel: "unused",
        },
      },
    });
    editor = (await issueToken(server, Role.EDITOR)).token;
    // Every subscription's stream subscribes to the bus: the tests wait for that before writing.
    subscribed = jest.spyOn(server.app.events, "subscribe");
  });
  afterAll(() => server.close());

  /** Waits until `n` subscriptions in all have reached the bus. */
  const listening = (n: number) =>
    until(() => subscribed.mock.calls.length >= n, 10_000, "subscribe");

  async function move(slug: string, values: Record<string, unknown>) {
    const id = await gid(server, "session", slug);
    const read = await server.gql(
      `query ($id: ID!) { node(id: $id) { ... on Session { version } } }`,
      {
        id,
      },
    );
    const res = await server.gql(
      UPDATE,
      { input: { id, version: read.data!.node.version, ...values } },
      bearer(editor),
    );
    expect(res.errors).toBeUndefined();
    return Date.now();
  }

  it("a graphql-ws client receives a change to its program within 1 s, and nothing for a rolled-back write or another event's change (acceptance 2)", async () => {
    const client = wsClient(server.url);
    try {
      const before = subscribed.mock.calls.length;
      const sub = collect(client, SCHEDULE, { slug: "phpworks-2008" });
      await listening(before + 1);

      // A write that rolls back after recording its change: no event.
      const { writer } = server.app.services.editorial;
      const log = new ScheduleLog(writer);
      const php = Number(
        (
          await server.db.dataSource.query(`SELECT id FROM conference WHERE slug = 'phpworks-2008'`)
        )[0].id,
      );
      await expect(
        writer.transaction(async manager => {
          await log.record(manager, {
            conferenceIds: [php],
            subjectType: "Conference",
            subjectId: php,
            kind: ScheduleChangeKind.UPDATED,
            fields: [{ field: "timezone", oldValue: "America/New_York", newValue: "UTC" }],
          });
          throw new Error("rolled back on purpose");
        }),
      ).rejects.toThrow("rolled back on purpose");
      // A refused write (stale version): no event either.
      const git = await gid(server, "session", "introduction-to-git");
      const stale = await server.gql(
        UPDATE,
        { input: { id: git, version: 999, room: "Nowhere" } },
        bearer(editor),
      );
      expect(stale.errors?.[0].extensions?.code).toBe("CONFLICT");
      // A change to another event's program (PyCon 2009): not for this subscriber.
      const pycon = await server.db.dataSource.query(
        `SELECT s.slug FROM session s JOIN conference c ON c.id = s.host_conference_id WHERE c.slug = 'pycon-2009' ORDER BY s.id LIMIT 1`,
      );
      await move(pycon[0].slug, { room: "Grand Ballroom" });

      // Then the combined session moves: this is the first thing the subscriber gets.
      const wrote = await move("introduction-to-git", {
        startsAt: "2008-11-12T13:00:00-05:00",
        endsAt: "2008-11-12T14:30:00-05:00",
      });
      await sub.waitFor(1, 5000);
      expect(sub.times[0] - wrote).toBeLessThanOrEqual(1000);
      expect(sub.results).toHaveLength(1);
      const change = sub.results[0].data.scheduleChanged;
      expect(change).toMatchObject({
        kind: "UPDATED",
        subject: git,
        conference: { slug: "phpworks-2008" },
        session: {
          slug: "introduction-to-git",
          startsAt: "2008-11-12T13:00:00-05:00",
          status: "SCHEDULED",
        },
      });
      expect(change.scheduleVersion).toBe(change.conference.scheduleVersion);
      expect(change.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        "endsAt",
        "startsAt",
      ]);
      sub.dispose();
    } finally {
      await client.dispose();
    }
  });

  it("Apollo Client's GraphQLWsLink receives the change within 1 s (acceptance 2)", async () => {
    const ws = wsClient(server.url);
    const apollo = new ApolloClient({ link: new GraphQLWsLink(ws), cache: new InMemoryCache() });
    const got: { data?: any; at: number }[] = [];
    try {
      const before = subscribed.mock.calls.length;
      const subscription = apollo
        .subscribe({ query: gql(SCHEDULE), variables: { slug: "phpworks-2008", colocated: true } })
        .subscribe({ next: result => got.push({ data: result.data, at: Date.now() }) });
      await listening(before + 1);
      const wrote = await move("introduction-to-git", { room: "Salon A" });
      // With includeColocated, the combined session's change arrives once per program.
      await until(() => got.length >= 2, 5000, "two changes");
      expect(got[0].at - wrote).toBeLessThanOrEqual(1000);
      expect(got.map(g => g.data.scheduleChanged.conference.slug).sort()).toEqual([
        "phpworks-2008",
        "pyworks-2008",
      ]);
      expect(got[0].data.scheduleChanged.session.room).toBe("Salon A");
      subscription.unsubscribe();
    } finally {
      apollo.stop();
      await ws.dispose();
    }
  });

  it("anonymous subscribers get articles and comments only as they become public (acceptance 6)", async () => {
    const client = wsClient(server.url);
    try {
      const before = subscribed.mock.calls.length;
      const articles = collect(
        client,
        `subscription { articlePublished(publication: "python-magazine") { slug title status } }`,
      );
      const wrapUp = await gid(server, "article", "pyworks-2008-wrap-up");
      const comments = collect(
        client,
        `subscription ($a: ID!) { commentApproved(article: $a) { body authorName status } }`,
        { a: wrapUp },
      );
      await listening(before + 2);

      // A draft on a draft article is not even subscribable for the anonymous.
      const draft = await gid(server, "article", "what-should-we-cover-next");
      const refused = collect(
        client,
        `subscription ($a: ID!) { commentApproved(article: $a) { body } }`,
        { a: draft },
      );
      expect(await refusalCode(refused)).toBe("NOT_FOUND");

      // A new draft, and a draft scheduled for later: nothing.
      const created = await server.gql(
        `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`,
        {
          input: {
            title: "Secret plans",
            kind: "NEWS",
            publication: await gid(server, "publication", "python-magazine"),
            body: "Not yet.",
            authors: [await gid(server, "person", "doug-hellmann")],
          },
        },
        bearer(editor),
      );
      expect(created.errors).toBeUndefined();
      const scheduled = await server.gql(
        `mutation ($id: ID!, $at: DateTime) { publishArticle(id: $id, publishAt: $at) { status } }`,
        { id: created.data!.createArticle.article.id, at: "2099-01-01T00:00:00Z" },
        bearer(editor),
      );
      expect(scheduled.errors).toBeUndefined();
      // A pending comment: nothing.
      const posted = await server.gql(
        `mutation ($a: ID!) { postComment(articleId: $a, authorName: "Ann", body: "Great week") { comment { id status } } }`,
        { a: wrapUp },
      );
      expect(posted.data!.postComment.comment.status).toBe("PENDING");

      // Publishing now and approving: each announced once, to the anonymous too.
      const published = await server.gql(
        `mutation ($id: ID!) { publishArticle(id: $id) { status } }`,
        { id: draft },
        bearer(editor),
      );
      expect(published.errors).toBeUndefined();
      const approved = await server.gql(
        `mutation ($id: ID!) { moderateComment(id: $id, status: APPROVED) { status } }`,
        { id: posted.data!.postComment.comment.id },
        bearer(editor),
      );
      expect(approved.errors).toBeUndefined();
      await articles.waitFor(1);
      await comments.waitFor(1);
      expect(articles.results.map(r => r.data?.articlePublished)).toEqual([
        {
          slug: "what-should-we-cover-next",
          title: "What Should We Cover Next?",
          status: "PUBLISHED",
        },
      ]);
      expect(comments.results.map(r => r.data?.commentApproved)).toEqual([
        { body: "Great week", authorName: "Ann", status: "APPROVED" },
      ]);
      // The outbox holds exactly what was announced: no draft, no pending comment.
      const outbox: { type: string; payload: string }[] = await server.db.dataSource.query(
        `SELECT type, payload FROM outbox_event WHERE type IN ('article.published', 'comment.approved') ORDER BY id`,
      );
      expect(outbox.map(o => o.type)).toEqual(["article.published", "comment.approved"]);
      expect(outbox.map(o => o.payload).join()).not.toMatch(/Secret plans|Not yet/);
      expect(outbox[1].payload).not.toContain("email");
    } finally {
      await client.dispose();
    }
  });

  it("authenticates from connectionParams like HTTP: a bad or revoked token is refused", async () => {
    const good = wsClient(server.url, { authorization: `Bearer ${editor}` });
    const before = subscribed.mock.calls.length;
    const ok = collect(good, SCHEDULE, { slug: "pyworks-2008" });
    await listening(before + 1);
    expect(ok.error).toBeUndefined();
    ok.dispose();
    await good.dispose();

    for (const authorization of [
      "Bearer ctk_nope",
      `Bearer ${await revokedToken(server)}`,
      "Basic x",
    ]) {
      const bad = wsClient(server.url, { authorization });
      const sub = collect(bad, SCHEDULE, { slug: "pyworks-2008" });
      await sub.ended();
      expect((sub.error as { code?: number }).code).toBe(4403);
      await bad.dispose();
    }
  });

  it("holds subscription documents to the query limits, and refuses queries over the socket", async () => {
    const client = wsClient(server.url);
    try {
      const deep = `subscription { scheduleChanged(conference: "phpworks-2008") { session { programs { colocatedWith { colocatedWith { colocatedWith { colocatedWith { colocatedWith { colocatedWith { colocatedWith { colocatedWith { colocatedWith { colocatedWith { colocatedWith { colocatedWith { slug } } } } } } } } } } } } } } } }`;
      const costly = `subscription { scheduleChanged(conference: "phpworks-2008") { conference { sessions(first: 100) { nodes { articles(first: 100) { nodes { comments(first: 100) { nodes { body } } } } } } } } }`;
      const cases: [string, string][] = [
        [deep, "QUERY_TOO_DEEP"],
        [costly, "QUERY_TOO_COMPLEX"],
        [`{ conference(slug: "phpworks-2008") { name } }`, "BAD_USER_INPUT"],
        [`subscription { scheduleChanged(conference: "no-such") { kind } }`, "NOT_FOUND"],
      ];
      for (const [query, code] of cases) {
        expect(await refusalCode(collect(client, query))).toBe(code);
      }
    } finally {
      await client.dispose();
    }
  });

  it("caps subscriptions per connection and connections per client, and pings to keep connections alive", async () => {
    const client = wsClient(server.url);
    try {
      const before = subscribed.mock.calls.length;
      const subs = [1, 2, 3].map(() => collect(client, SCHEDULE, { slug: "pyworks-2008" }));
      await listening(before + 3);
      const fourth = collect(client, SCHEDULE, { slug: "pyworks-2008" });
      expect(await refusalCode(fourth)).toBe("TOO_MANY_SUBSCRIPTIONS");
      // Completing one frees its place.
      subs[0].dispose();
      const again = collect(client, SCHEDULE, { slug: "pyworks-2008" });
      await until(
        () => subscribed.mock.calls.length >= before + 4 || again.error !== undefined,
        10_000,
        "a place",
      );
      expect(again.error).toBeUndefined();
    } finally {
      await client.dispose();
    }

    // Four raw connections are allowed; the fifth upgrade is refused with 429.
    const url = `${server.url.replace(/^http/, "ws")}/graphql`;
    const open = await Promise.all(
      [1, 2, 3, 4].map(
        () =>
          new Promise<WebSocket>((resolve, reject) => {
            const ws = new WebSocket(url, "graphql-transport-ws");
            ws.once("open", () => resolve(ws));
            ws.once("error", reject);
          }),
      ),
    );
    try {
      const status = await new Promise<number>(resolve => {
        const ws = new WebSocket(url, "graphql-transport-ws");
        ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        ws.once("open", () => resolve(101));
      });
      expect(status).toBe(429);
      // Keep-alive: the server pings an idle connection (every second here).
      await new Promise<void>(resolve => open[0].once("ping", () => resolve()));
    } finally {
      for (const ws of open) ws.terminate();
    }
  });
});

describe(`subscriptions with PERSISTED_QUERIES=allowlist on ${TEST_ENGINE}`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("live_subscriptions_allowlist", {
      seed: false,
      config: { persistedQueries: "allowlist" },
    });
  });
  afterAll(() => server.close());

  it("refuses an anonymous subscription whose document is not registered, as HTTP does", async () => {
    const anonymous = wsClient(server.url);
    const editor = wsClient(server.url, {
      authorization: `Bearer ${(await issueToken(server, Role.EDITOR)).token}`,
    });
    try {
      expect(await refusalCode(collect(anonymous, SCHEDULE, { slug: "pyworks-2008" }))).toBe(
        "PERSISTED_QUERY_NOT_ALLOWED",
      );
      // A token's holder is not held to the list (the conference does not exist in this database).
      expect(await refusalCode(collect(editor, SCHEDULE, { slug: "pyworks-2008" }))).toBe(
        "NOT_FOUND",
      );
    } finally {
      await Promise.all([anonymous.dispose(), editor.dispose()]);
    }
  });
});
