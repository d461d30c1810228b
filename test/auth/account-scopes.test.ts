import { Role } from "../../entities";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { codeOf, createSessionIn, gid } from "../editorial/helpers";

// Studio accounts carry the same scopes as API tokens (issue 14): given when inviting, changed by an
// admin, and enforced on every request of the account's sessions by the tokens' own checks.

const CSRF = { "apollo-require-preflight": "true" };
const PASSWORD = "a long enough passphrase";
const UPDATE = `mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { title version } }`;
const INVITE = `mutation ($input: InviteAccountInput!) {
  inviteAccount(input: $input) { inviteToken account { id email readOnly conferences { slug } } }
}`;
const SET_SCOPE = `mutation ($id: ID!, $scope: AccountScopeInput!) {
  setAccountScope(id: $id, scope: $scope) { id readOnly conferences { slug } }
}`;

describe("scoped Studio accounts", () => {
  let server: TestServer;
  let adminCookie: Record<string, string>;
  let sessions: Record<"php" | "py" | "both", { slug: string; id: string }>;

  const ctx = () => server.app.createContext(undefined, LOCAL_OPERATOR);
  const cookieOf = (secret: string) => ({ cookie: `crosstalk_session=${secret}`, ...CSRF });

  const sessionWith = (title: string, host: string, programs: string[]) =>
    createSessionIn(server, title, host, programs);

  /** Renames a session as `headers`; the error code, or null when it was written. */
  async function rename(
    target: { slug: string; id: string },
    title: string,
    headers: Record<string, string>,
  ): Promise<string | null> {
    const current = await server.gql(
      `query ($slug: String!) { session(slug: $slug) { version } }`,
      {
        slug: target.slug,
      },
    );
    const res = await server.gql(
      UPDATE,
      { input: { id: target.id, version: current.data!.session.version, title } },
      headers,
    );
    if (res.errors) return codeOf(res) as string;
    expect(res.data!.updateSession.title).toBe(title);
    return null;
  }

  /** Invites an account through the API as the admin, accepts it, and returns its cookie. */
  async function invited(email: string, scope: Record<string, unknown>) {
    const res = await server.gql(
      INVITE,
      { input: { email, displayName: email, role: "EDITOR", ...scope } },
      adminCookie,
    );
    expect(res.errors).toBeUndefined();
    const { inviteToken, account } = res.data!.inviteAccount;
    const signed = await server.app.services.accounts.acceptInvite(ctx(), inviteToken, PASSWORD);
    return { account, cookie: cookieOf(signed.sessionSecret) };
  }

  beforeAll(async () => {
    server = await startTestServer("auth_account_scopes");
    await server.app.services.accounts.create(ctx(), {
      email: "admin@scopes.test",
      displayName: "Admin",
      role: Role.ADMIN,
      password: PASSWORD,
    });
    const admin = await server.app.services.accounts.signIn(ctx(), "admin@scopes.test", PASSWORD);
    adminCookie = cookieOf(admin.sessionSecret);
    sessions = {
      php: await sessionWith("PHP only", "phpworks-2008", ["phpworks-2008"]),
      py: await sessionWith("Python only", "pyworks-2008", ["pyworks-2008"]),
      both: await sessionWith("Combined", "phpworks-2008", ["phpworks-2008", "pyworks-2008"]),
    };
  });
  afterAll(() => server.close());

  it("invites an account limited to one conference, which edits only that conference's sessions", async () => {
    const php = await gid(server, "conference", "phpworks-2008");
    const { account, cookie } = await invited("php-desk@scopes.test", { conferences: [php] });
    expect(account).toMatchObject({ readOnly: false, conferences: [{ slug: "phpworks-2008" }] });

    expect(await rename(sessions.php, "Edited by the php|works desk", cookie)).toBeNull();
    expect(await rename(sessions.py, "Hijacked", cookie)).toBe("FORBIDDEN");
    expect(await rename(sessions.both, "Hijacked", cookie)).toBe("FORBIDDEN");
    // Writes that belong to no conference are outside its scope too.
    const topic = await server.gql(
      `mutation { createTopic(input: { name: "Scoped topic" }) { id } }`,
      {},
      cookie,
    );
    expect(codeOf(topic)).toBe("FORBIDDEN");
    // Nothing was written by the refused attempts.
    const titles = await server.db.dataSource.query(
      "SELECT title FROM session WHERE title = 'Hijacked'",
    );
    expect(titles).toEqual([]);
  });

  it("lets a read-only account read unpublished material but write nothing", async () => {
    const { account, cookie } = await invited("reviewer@scopes.test", { readOnly: true });
    expect(account).toMatchObject({ readOnly: true, conferences: null });
    const me = await server.gql(`{ me { email readOnly } viewer { role } }`, {}, cookie);
    expect(me.data).toEqual({
      me: { email: "reviewer@scopes.test", readOnly: true },
      viewer: { role: "EDITOR" },
    });
    expect(await rename(sessions.php, "Written by a reviewer", cookie)).toBe("FORBIDDEN");
  });

  it("applies an admin's change of scope to a live session at its next request", async () => {
    const { account, cookie } = await invited("moving-desk@scopes.test", {
      conferences: [await gid(server, "conference", "phpworks-2008")],
    });
    expect(await rename(sessions.py, "Not yet", cookie)).toBe("FORBIDDEN");

    const py = await gid(server, "conference", "pyworks-2008");
    const narrowed = await server.gql(
      SET_SCOPE,
      { id: account.id, scope: { conferences: [py] } },
      adminCookie,
    );
    expect(narrowed.errors).toBeUndefined();
    expect(narrowed.data!.setAccountScope).toMatchObject({
      readOnly: false,
      conferences: [{ slug: "pyworks-2008" }],
    });
    // The same cookie, its next request: the new scope holds.
    expect(await rename(sessions.py, "Now the PyWorks desk", cookie)).toBeNull();
    expect(await rename(sessions.php, "No longer", cookie)).toBe("FORBIDDEN");

    await server.gql(SET_SCOPE, { id: account.id, scope: { readOnly: true } }, adminCookie);
    expect(await rename(sessions.py, "Read-only now", cookie)).toBe("FORBIDDEN");

    // An empty scope gives full rights back.
    const cleared = await server.gql(SET_SCOPE, { id: account.id, scope: {} }, adminCookie);
    expect(cleared.data!.setAccountScope).toMatchObject({ readOnly: false, conferences: null });
    expect(await rename(sessions.both, "Combined, edited in full", cookie)).toBeNull();
  });

  it("checks a scope like a token's, and keeps scoped admins from managing accounts", async () => {
    const bad = await server.gql(
      INVITE,
      {
        input: {
          email: "nowhere@scopes.test",
          displayName: "Nowhere",
          role: "EDITOR",
          conferences: [],
        },
      },
      adminCookie,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ field: "conferences" }],
    });

    await server.app.services.accounts.create(ctx(), {
      email: "scoped-admin@scopes.test",
      displayName: "Scoped admin",
      role: Role.ADMIN,
      password: PASSWORD,
      conferenceIds: [
        Number(
          (
            await server.db.dataSource.query("SELECT id FROM conference WHERE slug = ?", [
              "phpworks-2008",
            ])
          )[0].id,
        ),
      ],
    });
    const scopedAdmin = cookieOf(
      (await server.app.services.accounts.signIn(ctx(), "scoped-admin@scopes.test", PASSWORD))
        .sessionSecret,
    );
    const invite = await server.gql(
      INVITE,
      { input: { email: "wider@scopes.test", displayName: "Wider", role: "ADMIN" } },
      scopedAdmin,
    );
    expect(codeOf(invite)).toBe("FORBIDDEN");
    const me = await server.gql(`{ me { id } }`, {}, scopedAdmin);
    const widen = await server.gql(SET_SCOPE, { id: me.data!.me.id, scope: {} }, scopedAdmin);
    expect(codeOf(widen)).toBe("FORBIDDEN");
    expect(codeOf(await server.gql(`{ accounts { id } }`, {}, scopedAdmin))).toBe("FORBIDDEN");
    // An unscoped admin does not change its own scope either.
    const own = await server.gql(`{ me { id } }`, {}, adminCookie);
    const self = await server.gql(
      SET_SCOPE,
      { id: own.data!.me.id, scope: { readOnly: true } },
      adminCookie,
    );
    expect(self.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ field: "id" }],
    });
  });
});
