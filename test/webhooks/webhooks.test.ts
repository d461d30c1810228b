import { Webhook } from "standardwebhooks";
import { Role } from "../../entities";
import { DEFAULT_WEBHOOK_CONFIG } from "../../src/core/config";
import { bearer, codeOf, gid, issueToken } from "../editorial/helpers";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { eventually, Receiver, type Received } from "./receiver";

const CREATE = `mutation ($url: String!, $events: [WebhookEventType!]!, $conferences: [ID!]) {
  createWebhook(url: $url, events: $events, conferences: $conferences) { secret webhook { id url events status failing conferences { slug } } }
}`;
const DELIVERIES = `query ($id: ID!) { node(id: $id) { ... on WebhookEndpoint {
  failing consecutiveFailures status
  deliveries(first: 10) { id eventId eventType status attempts responseStatus lastError nextAttemptAt deliveredAt }
} } }`;
const MOVE = `mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { version } }`;

/** Verifies a delivery as a receiver would, with the standardwebhooks library; returns its body. */
function verified(secret: string, r: Received): { type: string; timestamp: string; data: any } {
  return new Webhook(secret).verify(r.body, {
    "webhook-id": r.headers["webhook-id"],
    "webhook-timestamp": r.headers["webhook-timestamp"],
    "webhook-signature": r.headers["webhook-signature"],
  }) as { type: string; timestamp: string; data: any };
}

describe("webhooks", () => {
  let server: TestServer;
  let receiver: Receiver;
  let admin: Record<string, string>;
  let editor: Record<string, string>;

  beforeAll(async () => {
    receiver = await new Receiver().start();
    server = await startTestServer("webhooks", {
      config: {
        webhooks: {
          ...DEFAULT_WEBHOOK_CONFIG,
          dispatch: true,
          allowPrivateAddresses: true, // the receiver is on loopback
          pollMs: 50,
          retryBaseMs: 300,
          retryMaxMs: 5000,
          timeoutMs: 3000,
          leaseMs: 10_000,
          maxAttempts: 4,
          failingAfter: 3,
        },
      },
    });
    admin = bearer((await issueToken(server, Role.ADMIN)).token);
    editor = bearer((await issueToken(server, Role.EDITOR)).token);
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  async function register(path: string, events: string[], conferences?: string[]) {
    const res = await server.gql(
      CREATE,
      { url: `${receiver.url}${path}`, events, conferences },
      admin,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createWebhook as { secret: string; webhook: { id: string } };
  }

  /** Moves a session by `minutes` through the API, as an editor would. */
  async function move(slug: string, minutes: number) {
    const read = await server.gql(
      `query ($slug: String!) { session(slug: $slug) { id version startsAt endsAt } }`,
      { slug },
    );
    const s = read.data!.session;
    const shift = (iso: string) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
    const res = await server.gql(
      MOVE,
      {
        input: {
          id: s.id,
          version: s.version,
          startsAt: shift(s.startsAt),
          endsAt: shift(s.endsAt),
        },
      },
      editor,
    );
    expect(res.errors).toBeUndefined();
  }

  /**
   * An endpoint and its deliveries once its newest delivery reaches `status`. Read again after that:
   * the endpoint and its deliveries are read by two statements, and the first may predate the commit.
   */
  async function settled(id: string, status: string, ms = 30_000) {
    const read = async () => (await server.gql(DELIVERIES, { id }, admin)).data!.node;
    await eventually(async () => (await read()).deliveries[0]?.status === status, ms);
    return read();
  }

  it("lets only admins manage endpoints, shows the secret once and refuses bad input", async () => {
    const anonymous = await server.gql(CREATE, {
      url: `${receiver.url}/x`,
      events: ["SCHEDULE_CHANGED"],
    });
    expect(codeOf(anonymous)).toBe("UNAUTHENTICATED");
    const byEditor = await server.gql(
      CREATE,
      { url: `${receiver.url}/x`, events: ["SCHEDULE_CHANGED"] },
      editor,
    );
    expect(codeOf(byEditor)).toBe("FORBIDDEN");
    expect(codeOf(await server.gql(`{ webhooks { id } }`, undefined, editor))).toBe("FORBIDDEN");

    const created = await register("/managed", ["SCHEDULE_CHANGED", "ARTICLE_PUBLISHED"]);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(created.secret.slice(6), "base64")).toHaveLength(32);
    const listed = await server.gql(
      `{ webhooks { id url events status failing } }`,
      undefined,
      admin,
    );
    expect(listed.data!.webhooks).toContainEqual({
      id: created.webhook.id,
      url: `${receiver.url}/managed`,
      events: ["SCHEDULE_CHANGED", "ARTICLE_PUBLISHED"],
      status: "ACTIVE",
      failing: false,
    });
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(6));
    // The endpoint is a Node for admins only.
    const asNode = `query ($id: ID!) { node(id: $id) { id } }`;
    expect((await server.gql(asNode, { id: created.webhook.id }, admin)).data!.node).toEqual({
      id: created.webhook.id,
    });
    expect((await server.gql(asNode, { id: created.webhook.id }, editor)).data!.node).toBeNull();

    const bad = await server.gql(
      CREATE,
      { url: "ftp://example.org/hook", events: ["SCHEDULE_CHANGED"] },
      admin,
    );
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");

    const updated = await server.gql(
      `mutation ($id: ID!, $events: [WebhookEventType!], $conferences: [ID!]) {
        updateWebhook(id: $id, events: $events, conferences: $conferences) { events conferences { slug } }
      }`,
      {
        id: created.webhook.id,
        events: ["COMMENT_APPROVED"],
        conferences: [await gid(server, "conference", "pycon-2009")],
      },
      admin,
    );
    expect(updated.data!.updateWebhook).toEqual({
      events: ["COMMENT_APPROVED"],
      conferences: [{ slug: "pycon-2009" }],
    });
    const deleted = await server.gql(
      `mutation ($id: ID!) { deleteWebhook(id: $id) }`,
      { id: created.webhook.id },
      admin,
    );
    expect(deleted.data!.deleteWebhook).toBe(created.webhook.id);
    expect((await server.gql(asNode, { id: created.webhook.id }, admin)).data!.node).toBeNull();
  });

  it("delivers a schedule change signed as Standard Webhooks says, only to endpoints of that event", async () => {
    const atl = await register(
      "/atlanta",
      ["SCHEDULE_CHANGED"],
      [await gid(server, "conference", "phpworks-2008")],
    );
    const chicago = await register(
      "/chicago",
      ["SCHEDULE_CHANGED"],
      [await gid(server, "conference", "pycon-2009")],
    );
    const articlesOnly = await register("/articles-only", ["ARTICLE_PUBLISHED"]);
    await move("database-administration", 30);
    await receiver.until(() => receiver.at("/atlanta").length >= 1, 20_000, "the delivery");
    const [delivery] = receiver.at("/atlanta");
    const body = verified(atl.secret, delivery);
    expect(body.type).toBe("schedule.changed");
    expect(body.data.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "startsAt" })]),
    );
    expect(body.data.conferences.map((c: { slug: string }) => c.slug).sort()).toEqual([
      "phpworks-2008",
      "pyworks-2008",
    ]);
    // The id is the event's, and the signature holds only for this endpoint's secret.
    const [row] = await server.db.dataSource.query(
      "SELECT event_id FROM outbox_event WHERE event_id = ?",
      [delivery.headers["webhook-id"]],
    );
    expect(row).toBeDefined();
    expect(() => verified(chicago.secret, delivery)).toThrow();
    expect(() =>
      verified(atl.secret, { ...delivery, body: delivery.body.replace("schedule", "schedulE") }),
    ).toThrow();

    const status = await eventually(async () => {
      const res = await server.gql(DELIVERIES, { id: atl.webhook.id }, admin);
      const [d] = res.data!.node.deliveries;
      return d?.status === "DELIVERED" ? d : null;
    });
    expect(status).toMatchObject({
      attempts: 1,
      responseStatus: 200,
      eventType: "SCHEDULE_CHANGED",
    });
    expect(status.eventId).toBe(delivery.headers["webhook-id"]);
    // Another event's endpoints got nothing (checked after the delivery above was recorded).
    expect(receiver.at("/chicago")).toHaveLength(0);
    expect(receiver.at("/articles-only")).toHaveLength(0);
    const none = await server.gql(DELIVERIES, { id: chicago.webhook.id }, admin);
    expect(none.data!.node.deliveries).toEqual([]);
    void articlesOnly;
  });

  it("retries a receiver that fails three times with increasing delays, then marks it delivered", async () => {
    receiver.plan("/flaky", (_r, index) => (index < 3 ? 500 : 204));
    const flaky = await register("/flaky", ["SCHEDULE_CHANGED"]);
    await move("grok-tutorial", 15);
    await receiver.until(() => receiver.at("/flaky").length >= 4, 30_000, "four attempts");
    const attempts = receiver.at("/flaky");
    // Every attempt is signed, and carries the same webhook-id (receivers deduplicate on it).
    for (const attempt of attempts)
      expect(verified(flaky.secret, attempt).type).toBe("schedule.changed");
    expect(new Set(attempts.map(a => a.headers["webhook-id"])).size).toBe(1);
    const gaps = attempts.slice(1).map((a, i) => a.at - attempts[i].at);
    // Delays are base·2^(n-1), half of it fixed and half jitter: at least 150, 300 and 600 ms.
    expect(gaps[0]).toBeGreaterThanOrEqual(150);
    expect(gaps[1]).toBeGreaterThanOrEqual(300);
    expect(gaps[2]).toBeGreaterThanOrEqual(600);
    expect(gaps[2]).toBeGreaterThan(gaps[0]);
    const done = await settled(flaky.webhook.id, "DELIVERED");
    expect(done.deliveries[0]).toMatchObject({ attempts: 4, responseStatus: 204, lastError: null });
    // Three failures in a row marked it failing; the success cleared that.
    expect(done).toMatchObject({ failing: false, consecutiveFailures: 0 });
  }, 40_000);

  it("gives up after the last attempt, marks the endpoint failing, and redelivers on request", async () => {
    let healthy = false;
    receiver.plan("/down", () =>
      healthy ? 200 : { status: 302, headers: { location: `${receiver.url}/elsewhere` } },
    );
    const down = await register("/down", ["SCHEDULE_CHANGED"]);
    await move("wsgi-middleware", 10);
    const failed = await settled(down.webhook.id, "FAILED");
    expect(failed).toMatchObject({ failing: true, consecutiveFailures: 4 });
    expect(failed.deliveries[0]).toMatchObject({
      attempts: 4,
      responseStatus: 302,
      nextAttemptAt: null,
    });
    expect(failed.deliveries[0].lastError).toMatch(/redirect/);
    // Redirects are not followed.
    expect(receiver.at("/elsewhere")).toHaveLength(0);

    healthy = true;
    const again = await server.gql(
      `mutation ($d: ID!) { redeliver(delivery: $d) { status attempts } }`,
      { d: failed.deliveries[0].id },
      admin,
    );
    expect(again.errors).toBeUndefined();
    const delivered = await settled(down.webhook.id, "DELIVERED");
    expect(delivered).toMatchObject({ failing: false, consecutiveFailures: 0 });
    expect(receiver.at("/down")).toHaveLength(5);
  }, 40_000);

  it("holds deliveries while an endpoint is paused and sends them when it resumes", async () => {
    const paused = await register("/paused", ["SCHEDULE_CHANGED"]);
    const watcher = await register("/watcher", ["SCHEDULE_CHANGED"]);
    await server.gql(
      `mutation ($id: ID!) { pauseWebhook(id: $id) { status } }`,
      { id: paused.webhook.id },
      admin,
    );
    await move("python-for-system-administrators", 5);
    // The other endpoint got the event, so the dispatcher has been through it.
    await receiver.until(() => receiver.at("/watcher").length >= 1);
    const waiting = await server.gql(DELIVERIES, { id: paused.webhook.id }, admin);
    expect(waiting.data!.node.deliveries.map((d: { status: string }) => d.status)).toEqual([
      "PENDING",
    ]);
    expect(receiver.at("/paused")).toHaveLength(0);
    await server.gql(
      `mutation ($id: ID!) { resumeWebhook(id: $id) { status } }`,
      { id: paused.webhook.id },
      admin,
    );
    await receiver.until(() => receiver.at("/paused").length >= 1);
    expect(verified(paused.secret, receiver.at("/paused")[0]).type).toBe("schedule.changed");
    void watcher;
  });

  it("never sends drafts or pending comments; publication and approval are delivered without private data", async () => {
    const all = await register("/editorial", [
      "ARTICLE_PUBLISHED",
      "COMMENT_APPROVED",
      "SCHEDULE_CHANGED",
    ]);
    const draft = await gid(server, "article", "what-should-we-cover-next");
    const edited = await server.gql(
      `mutation ($input: UpdateArticleInput!) { updateArticle(input: $input) { version } }`,
      {
        input: {
          id: draft,
          version: (
            await server.gql(
              `query ($id: ID!) { node(id: $id) { ... on Article { version } } }`,
              { id: draft },
              editor,
            )
          ).data!.node.version,
          title: "Unpublished plans ZQX",
        },
      },
      editor,
    );
    expect(edited.errors).toBeUndefined();
    const wrapUp = await gid(server, "article", "pyworks-2008-wrap-up");
    const posted = await server.gql(
      `mutation ($a: ID!) { postComment(articleId: $a, authorName: "Reader", email: "reader.hidden@example.org", body: "Pending words QJX") { comment { id status } } }`,
      { a: wrapUp },
    );
    expect(posted.data!.postComment.comment.status).toBe("PENDING");
    // A marker event after both: once it arrives, anything they emitted would have arrived first.
    await move("designing-security-in", 5);
    await receiver.until(() => receiver.at("/editorial").length >= 1);
    const early = receiver.at("/editorial").map(r => verified(all.secret, r));
    expect(early.map(e => e.type)).toEqual(["schedule.changed"]);

    await server.gql(
      `mutation ($id: ID!, $s: CommentStatus!) { moderateComment(id: $id, status: $s) { status } }`,
      { id: posted.data!.postComment.comment.id, s: "APPROVED" },
      editor,
    );
    await server.gql(
      `mutation ($id: ID!) { publishArticle(id: $id) { status } }`,
      { id: draft },
      editor,
    );
    await receiver.until(() => receiver.at("/editorial").length >= 3);
    const events = receiver.at("/editorial").map(r => verified(all.secret, r));
    const approved = events.find(e => e.type === "comment.approved")!;
    expect(approved.data.body).toBe("Pending words QJX");
    const published = events.find(e => e.type === "article.published")!;
    expect(published.data.title).toBe("Unpublished plans ZQX");
    const text = receiver
      .at("/editorial")
      .map(r => r.body)
      .join("\n");
    expect(text).not.toContain("reader.hidden@example.org");
    // The draft's body never leaves, even once published (the event carries the excerpt).
    expect(text).not.toContain("As a print magazine we plan columns");
  });
});
