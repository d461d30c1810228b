import http from "node:http";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { DEFAULT_ACCOUNT_CONFIG } from "../../src/core/config";
import { Role } from "../../entities";
import { toGlobalId } from "../../src/core/global-id";
import { startTestServer, type TestServer } from "../helpers/test-server";

// Acceptance point 7 of the Studio (issue 14) and the server side of point 1, over real HTTP.

const ADMIN_EMAIL = "admin@studio.test";
const ADMIN_PASSWORD = "correct horse battery staple";
const CSRF = { "apollo-require-preflight": "true" };

const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { account { id email role displayName } expiresAt }
}`;
const ME = `{ me { email role } viewer { role } }`;
const CREATE_TOKEN = `mutation ($name: String!) {
  createApiToken(input: { name: $name, role: EDITOR }) { token apiToken { id name } }
}`;
const REVOKE_TOKEN = `mutation ($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`;
const INVITE = `mutation ($input: InviteAccountInput!) {
  inviteAccount(input: $input) { inviteToken invitePath account { id email role inviteExpiresAt } }
}`;
const ACCEPT = `mutation ($token: String!, $password: String!) {
  acceptInvite(token: $token, password: $password) { account { email role } }
}`;
const QUEUE = `query ($status: CommentStatus!, $first: Int, $after: String) {
  comments(status: $status, first: $first, after: $after) {
    nodes { id authorName status article { slug } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
}

/** POSTs an operation with raw headers (node:http, so Host and Set-Cookie are what they are). */
function post(
  server: TestServer,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const url = new URL(`${server.url}/graphql`);
  const payload = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          ...headers,
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on("data", c => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** The session cookie a response sets (name=value), or null. */
function sessionCookie(answer: Answer): { pair: string; attributes: string } | null {
  const line = (answer.headers["set-cookie"] ?? []).find(c => c.startsWith("crosstalk_session="));
  if (!line) return null;
  const [pair, ...rest] = line.split(";").map(s => s.trim());
  return { pair, attributes: rest.join("; ") };
}

/** Each test signs in from its own client address (the server trusts loopback's X-Forwarded-For). */
let nextIp = 1;
const freshIp = () => `198.51.100.${nextIp++}`;

describe("Studio accounts: sign-in, session cookie, CSRF, invitations", () => {
  let server: TestServer;

  async function signIn(email: string, password: string, ip = freshIp()) {
    return post(server, SIGN_IN, { email, password }, { "x-forwarded-for": ip });
  }

  async function adminCookie(): Promise<string> {
    const answer = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(answer.body.errors).toBeUndefined();
    return sessionCookie(answer)!.pair;
  }

  beforeAll(async () => {
    server = await startTestServer("studio_accounts", {
      config: {
        accounts: { ...DEFAULT_ACCOUNT_CONFIG, signInPerMinute: 4, lockoutAfter: 3 },
      },
    });
    await server.app.services.accounts.create(server.app.createContext(undefined, LOCAL_OPERATOR), {
      email: ADMIN_EMAIL,
      displayName: "First admin",
      role: Role.ADMIN,
      password: ADMIN_PASSWORD,
    });
  });
  afterAll(() => server.close());

  it("stores only a salted scrypt hash of the password", async () => {
    const [row] = await server.db.dataSource.query(
      "SELECT password_hash AS h FROM account WHERE email = ?",
      [ADMIN_EMAIL],
    );
    expect(row.h).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(row.h).not.toContain(ADMIN_PASSWORD);
  });

  it("signs in with an HttpOnly, SameSite=Strict cookie, Secure outside localhost", async () => {
    const local = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(local.body.errors).toBeUndefined();
    expect(local.body.data.signIn.account).toMatchObject({ email: ADMIN_EMAIL, role: "ADMIN" });
    const cookie = sessionCookie(local)!;
    expect(cookie.pair).toMatch(/^crosstalk_session=cts_[\w-]{43}$/);
    expect(cookie.attributes).toMatch(/HttpOnly/);
    expect(cookie.attributes).toMatch(/SameSite=Strict/);
    expect(cookie.attributes).toMatch(/Path=\//);
    expect(cookie.attributes).not.toMatch(/Secure/);
    expect(local.headers["cache-control"]).toMatch(/no-store/);

    const remote = await post(
      server,
      SIGN_IN,
      { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      { host: "studio.example.org", "x-forwarded-for": freshIp() },
    );
    expect(sessionCookie(remote)!.attributes).toMatch(/Secure/);

    // Only a hash of the cookie's secret is stored.
    const secret = cookie.pair.split("=")[1];
    const rows: { session_hash: string }[] = await server.db.dataSource.query(
      "SELECT session_hash FROM account_session",
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.map(r => r.session_hash).join()).not.toContain(secret);
  });

  it("refuses a wrong password and an unknown email alike, without a cookie", async () => {
    for (const [email, password] of [
      [ADMIN_EMAIL, "not the password at all"],
      ["nobody@studio.test", ADMIN_PASSWORD],
    ]) {
      const answer = await signIn(email, password);
      expect(answer.body.data).toBeNull();
      expect(answer.body.errors?.[0].extensions).toMatchObject({
        code: "UNAUTHENTICATED",
        fields: [{ field: "password" }],
      });
      expect(sessionCookie(answer)).toBeNull();
    }
    // A failure below the lockout threshold is forgotten after a success.
    await adminCookie();
    const [row] = await server.db.dataSource.query(
      "SELECT failed_sign_ins AS n FROM account WHERE email = ?",
      [ADMIN_EMAIL],
    );
    expect(Number(row.n)).toBe(0);
  });

  it("rate-limits sign-in attempts per client, even with the right password", async () => {
    const ip = freshIp();
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const answer = await signIn("nobody@studio.test", "guess number " + i, ip);
      codes.push(answer.body.errors![0].extensions!.code);
    }
    expect(codes).toEqual(Array(4).fill("UNAUTHENTICATED"));
    const refused = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD, ip);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: "RATE_LIMITED" });
    expect(refused.body.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(sessionCookie(refused)).toBeNull();
    // Another client is not affected.
    expect(sessionCookie(await signIn(ADMIN_EMAIL, ADMIN_PASSWORD))).not.toBeNull();
  });

  it("locks an account after repeated wrong passwords, from any client", async () => {
    const email = "locked@studio.test";
    const password = "a perfectly good password";
    await server.app.services.accounts.create(server.app.createContext(undefined, LOCAL_OPERATOR), {
      email,
      displayName: "Soon locked",
      role: Role.EDITOR,
      password,
    });
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      codes.push((await signIn(email, `wrong ${i} wrong wrong`)).body.errors![0].extensions!.code);
    }
    expect(codes).toEqual(["UNAUTHENTICATED", "UNAUTHENTICATED", "RATE_LIMITED"]);
    const right = await signIn(email, password);
    expect(right.body.errors?.[0].extensions).toMatchObject({
      code: "RATE_LIMITED",
      fields: [{ field: "password" }],
    });
    expect(right.body.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(sessionCookie(right)).toBeNull();
  });

  it("honours the cookie only with the CSRF-prevention header: without it nothing mutates", async () => {
    const cookie = await adminCookie();
    const withHeader = await post(server, ME, {}, { cookie, ...CSRF });
    expect(withHeader.body.data).toEqual({
      me: { email: ADMIN_EMAIL, role: "ADMIN" },
      viewer: { role: "ADMIN" },
    });

    const before = await server.db.dataSource.query("SELECT COUNT(*) AS n FROM api_token");
    const forged = await post(server, CREATE_TOKEN, { name: "forged" }, { cookie });
    expect(forged.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(forged.body.data).toBeNull();
    const read = await post(server, ME, {}, { cookie });
    expect(read.body.data).toEqual({ me: null, viewer: { role: null } });
    const after = await server.db.dataSource.query("SELECT COUNT(*) AS n FROM api_token");
    expect(Number(after[0].n)).toBe(Number(before[0].n));

    // With the header, an admin manages API tokens through GraphQL.
    const created = await post(
      server,
      CREATE_TOKEN,
      { name: "from the studio" },
      { cookie, ...CSRF },
    );
    expect(created.body.errors).toBeUndefined();
    const token = created.body.data.createApiToken;
    expect(token.token).toMatch(/^ctk_/);
    const revoked = await post(
      server,
      REVOKE_TOKEN,
      { id: token.apiToken.id },
      { cookie, ...CSRF },
    );
    expect(revoked.body.data.revokeApiToken.revokedAt).not.toBeNull();
  });

  it("refuses a signed-out session and clears its cookie", async () => {
    const cookie = await adminCookie();
    const out = await post(server, `mutation { signOut }`, {}, { cookie, ...CSRF });
    expect(out.body.data).toEqual({ signOut: true });
    expect(sessionCookie(out)).toMatchObject({ pair: "crosstalk_session=" });
    expect(sessionCookie(out)!.attributes).toMatch(/Max-Age=0/);

    const stale = await post(server, ME, {}, { cookie, ...CSRF });
    expect(stale.status).toBe(401);
    expect(stale.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(sessionCookie(stale)!.attributes).toMatch(/Max-Age=0/);
    const mutate = await post(
      server,
      CREATE_TOKEN,
      { name: "after sign-out" },
      { cookie, ...CSRF },
    );
    expect(mutate.status).toBe(401);
    expect(mutate.body.data).toBeUndefined();
  });

  it("lets an admin invite an editor, who signs in through the one-time link", async () => {
    const admin = await adminCookie();
    const invited = await post(
      server,
      INVITE,
      { input: { email: "Editor@Studio.test", displayName: "New editor", role: "EDITOR" } },
      { cookie: admin, ...CSRF },
    );
    expect(invited.body.errors).toBeUndefined();
    const { inviteToken, invitePath, account } = invited.body.data.inviteAccount;
    expect(account).toMatchObject({ email: "editor@studio.test", role: "EDITOR" });
    expect(invitePath).toBe(`/studio/#/invite/${inviteToken}`);
    // Not signed in yet: no password to sign in with.
    expect((await signIn("editor@studio.test", "")).body.errors?.[0].extensions?.code).toBe(
      "UNAUTHENTICATED",
    );

    const short = await post(server, ACCEPT, { token: inviteToken, password: "short" });
    expect(short.body.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ field: "password" }],
    });
    const accepted = await post(server, ACCEPT, {
      token: inviteToken,
      password: "the editor's own passphrase",
    });
    expect(accepted.body.errors).toBeUndefined();
    const editor = sessionCookie(accepted)!.pair;
    expect((await post(server, ME, {}, { cookie: editor, ...CSRF })).body.data.me).toEqual({
      email: "editor@studio.test",
      role: "EDITOR",
    });
    const again = await post(server, ACCEPT, {
      token: inviteToken,
      password: "another passphrase",
    });
    expect(again.body.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ field: "token" }],
    });
    // The password set through the link signs in; an editor may not invite.
    expect(
      sessionCookie(await signIn("editor@studio.test", "the editor's own passphrase")),
    ).not.toBeNull();
    const forbidden = await post(
      server,
      INVITE,
      { input: { email: "x@studio.test", displayName: "X", role: "ADMIN" } },
      { cookie: editor, ...CSRF },
    );
    expect(forbidden.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");

    // Disabling the account ends its sessions at once.
    await post(
      server,
      `mutation ($id: ID!) { disableAccount(id: $id) { disabledAt } }`,
      { id: account.id },
      { cookie: admin, ...CSRF },
    );
    expect((await post(server, ME, {}, { cookie: editor, ...CSRF })).status).toBe(401);
  });

  it("lists comments by status across articles, oldest first, for editors only", async () => {
    const admin = await adminCookie();
    const anonymous = await post(server, QUEUE, { status: "PENDING" });
    expect(anonymous.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");

    // Two more pending comments, on another article.
    const slug = "what-should-we-cover-next";
    const published = await server.db.dataSource.query(
      "SELECT id FROM article WHERE status = 'PUBLISHED' AND slug <> ? ORDER BY id LIMIT 1",
      [slug],
    );
    const articleId = Number(published[0].id);
    for (const name of ["Reader one", "Reader two"]) {
      await server.app.services.editorial.comments.post(
        { ...server.app.createContext(), clientIp: freshIp() },
        { article: toGlobalId("Article", articleId), authorName: name, body: "Hello" },
      );
    }
    const first = await post(
      server,
      QUEUE,
      { status: "PENDING", first: 2 },
      { cookie: admin, ...CSRF },
    );
    expect(first.body.errors).toBeUndefined();
    const page1 = first.body.data.comments;
    expect(page1.nodes.map((n: { authorName: string }) => n.authorName)).toEqual([
      "A PHP developer",
      "Reader one",
    ]);
    expect(page1.nodes.every((n: { status: string }) => n.status === "PENDING")).toBe(true);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await post(
      server,
      QUEUE,
      { status: "PENDING", first: 2, after: page1.pageInfo.endCursor },
      { cookie: admin, ...CSRF },
    );
    expect(
      second.body.data.comments.nodes.map((n: { authorName: string }) => n.authorName),
    ).toEqual(["Reader two"]);
    expect(second.body.data.comments.pageInfo.hasNextPage).toBe(false);
  });
});
