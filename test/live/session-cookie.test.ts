import { Role } from "../../entities";
import { DEFAULT_ACCOUNT_CONFIG } from "../../src/core/config";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { bearer, gid, issueToken } from "../editorial/helpers";
import { TEST_ENGINE } from "../helpers/test-db";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { collect, until, wsClient, type Received } from "./helpers";

// Subscriptions signed in with the Studio's session cookie (sent by the browser on the WebSocket
// upgrade), accepted only from the hub's own origin; bearer tokens keep working and win.

const EDITOR = {
  email: "live-editor@studio.test",
  password: "a live editor's passphrase",
  displayName: "Liv Editor",
  role: Role.EDITOR,
};
const CSRF = { "apollo-require-preflight": "true" };
const SCHEDULE = `subscription ($slug: String!) {
  scheduleChanged(conference: $slug) { scheduleVersion kind session { slug room } }
}`;
/** Anonymous subscribers get NOT_FOUND for a draft article; an editor may subscribe to it. */
const DRAFT_COMMENTS = `subscription ($a: ID!) { commentApproved(article: $a) { body } }`;

describe(`subscriptions signed in with the Studio session cookie on ${TEST_ENGINE}`, () => {
  let server: TestServer;
  let subscribed: jest.SpyInstance;
  let ownOrigin: string;

  beforeAll(async () => {
    server = await startTestServer("live_session_cookie", {
      config: { accounts: { ...DEFAULT_ACCOUNT_CONFIG, signInPerMinute: 1000 } },
    });
    ownOrigin = server.url;
    await server.app.services.accounts.create(
      server.app.createContext(undefined, LOCAL_OPERATOR),
      EDITOR,
    );
    subscribed = jest.spyOn(server.app.events, "subscribe");
  });
  afterAll(() => server.close());

  /** Signs in over HTTP as the Studio does and returns the `crosstalk_session=…` pair. */
  async function signIn(): Promise<string> {
    const res = await server.gql(
      `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { expiresAt } }`,
      { email: EDITOR.email, password: EDITOR.password },
      CSRF,
    );
    expect(res.errors).toBeUndefined();
    const pair = res.headers
      .getSetCookie()
      .map(c => c.split(";")[0])
      .find(c => /^crosstalk_session=cts_/.test(c));
    expect(pair).toBeDefined();
    return pair!;
  }

  /** Waits until `n` subscriptions in all have reached the bus. */
  const listening = (n: number) =>
    until(() => subscribed.mock.calls.length >= n, 10_000, "subscribe");

  /** How the server closed a connection that it refused: graphql-ws's code and our reason. */
  async function closedWith(sub: Received): Promise<{ code: number; reason: string }> {
    await sub.ended();
    const event = sub.error as { code?: number; reason?: string };
    return { code: event.code ?? 0, reason: String(event.reason ?? "") };
  }

  it("a cookie from the hub's own origin signs the connection in, and it receives a change written through the Studio's API", async () => {
    const cookie = await signIn();
    const client = wsClient(server.url, undefined, { cookie, origin: ownOrigin });
    try {
      const before = subscribed.mock.calls.length;
      const changes = collect(client, SCHEDULE, { slug: "phpworks-2008" });
      // Signed in: an editor may follow a draft article's comments (anonymous gets NOT_FOUND).
      const draft = collect(client, DRAFT_COMMENTS, {
        a: await gid(server, "article", "what-should-we-cover-next"),
      });
      await listening(before + 2);
      expect(draft.error).toBeUndefined();
      expect(draft.results).toEqual([]);

      // The same cookie (with the CSRF header) moves a session over HTTP: the socket hears of it.
      const id = await gid(server, "session", "introduction-to-git");
      const read = await server.gql(
        `query ($id: ID!) { node(id: $id) { ... on Session { version } } }`,
        { id },
      );
      const moved = await server.gql(
        `mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { version } }`,
        { input: { id, version: read.data!.node.version, room: "Cookie Hall" } },
        { cookie, ...CSRF },
      );
      expect(moved.errors).toBeUndefined();
      await changes.waitFor(1);
      expect(changes.results[0].data.scheduleChanged).toMatchObject({
        kind: "UPDATED",
        session: { slug: "introduction-to-git", room: "Cookie Hall" },
      });
    } finally {
      await client.dispose();
    }
  });

  it("refuses the cookie from another origin, or with no Origin at all, with ORIGIN_NOT_ALLOWED", async () => {
    const cookie = await signIn();
    const port = new URL(server.url).port;
    const refused: Record<string, string>[] = [
      { cookie, origin: "https://evil.example" },
      // Same host name, another port: another origin.
      { cookie, origin: `http://127.0.0.1:${Number(port) + 1}` },
      { cookie, origin: "null" },
      { cookie },
    ];
    for (const headers of refused) {
      const client = wsClient(server.url, undefined, headers);
      try {
        const sub = collect(client, SCHEDULE, { slug: "phpworks-2008" });
        const closed = await closedWith(sub);
        expect(closed.code).toBe(4403);
        expect(closed.reason).toMatch(/^ORIGIN_NOT_ALLOWED: /);
        expect(sub.results).toEqual([]);
      } finally {
        await client.dispose();
      }
    }
    // Without the cookie, a foreign page's anonymous subscription is served as before.
    const anonymous = wsClient(server.url, undefined, { origin: "https://evil.example" });
    try {
      const before = subscribed.mock.calls.length;
      const sub = collect(anonymous, SCHEDULE, { slug: "phpworks-2008" });
      await listening(before + 1);
      expect(sub.error).toBeUndefined();
    } finally {
      await anonymous.dispose();
    }
  });

  it("a bearer token in connectionParams still works, and wins over a cookie from anywhere", async () => {
    const { token } = await issueToken(server, Role.EDITOR, "live cookie test");
    const cookie = await signIn();
    const draftId = await gid(server, "article", "what-should-we-cover-next");
    for (const headers of [undefined, { cookie, origin: "https://evil.example" }]) {
      const client = wsClient(server.url, bearer(token), headers);
      try {
        const before = subscribed.mock.calls.length;
        const sub = collect(client, DRAFT_COMMENTS, { a: draftId });
        await listening(before + 1);
        expect(sub.error).toBeUndefined();
      } finally {
        await client.dispose();
      }
    }
  });

  it("refuses a signed-out or revoked session when connecting, and closes a connection whose session ended at its next subscription", async () => {
    // Signed out, then connecting with the old cookie.
    const signedOut = await signIn();
    const out = await server.gql(`mutation { signOut }`, {}, { cookie: signedOut, ...CSRF });
    expect(out.data).toEqual({ signOut: true });
    // Revoked by the account's own "end every session", then connecting.
    const revoked = await signIn();
    const me = await server.gql(`{ me { id } }`, {}, { cookie: revoked, ...CSRF });
    const ended = await server.gql(
      `mutation ($id: ID!) { revokeAccountSessions(id: $id) }`,
      { id: me.data!.me.id },
      { cookie: revoked, ...CSRF },
    );
    expect(ended.data!.revokeAccountSessions).toBeGreaterThanOrEqual(1);
    for (const cookie of [signedOut, revoked]) {
      const client = wsClient(server.url, undefined, { cookie, origin: ownOrigin });
      try {
        const closed = await closedWith(collect(client, SCHEDULE, { slug: "phpworks-2008" }));
        expect(closed).toEqual({ code: 4403, reason: expect.stringMatching(/^UNAUTHENTICATED: /) });
      } finally {
        await client.dispose();
      }
    }

    // Connected and subscribed, then signed out elsewhere: the next subscription is refused and
    // the connection closes, ending the one that was running too.
    const cookie = await signIn();
    const client = wsClient(server.url, undefined, { cookie, origin: ownOrigin });
    try {
      const before = subscribed.mock.calls.length;
      const running = collect(client, SCHEDULE, { slug: "phpworks-2008" });
      await listening(before + 1);
      const signOut = await server.gql(`mutation { signOut }`, {}, { cookie, ...CSRF });
      expect(signOut.data).toEqual({ signOut: true });
      const next = collect(client, SCHEDULE, { slug: "pyworks-2008" });
      expect(await closedWith(next)).toEqual({
        code: 4403,
        reason: expect.stringMatching(/^UNAUTHENTICATED: The session has ended/),
      });
      expect((await closedWith(running)).code).toBe(4403);
      expect(subscribed.mock.calls.length).toBe(before + 1);
    } finally {
      await client.dispose();
    }
  });
});
