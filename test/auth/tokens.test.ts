import { hashToken } from "../../src/services/token.service";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { Role } from "../../entities";
import { startTestServer, type TestServer } from "../helpers/test-server";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const CREATE = `mutation ($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    token
    apiToken { id name role tokenPrefix expiresAt revokedAt lastUsedAt createdAt }
  }
}`;
const REVOKE = `mutation ($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`;
const LIST = `{ apiTokens { id name role tokenPrefix revokedAt } }`;
const VIEWER = `{ viewer { role } }`;

describe("API tokens and roles over HTTP", () => {
  let server: TestServer;
  let admin: string;
  let editor: string;

  /** Issues a token straight through the service, as the CLI does. */
  async function issue(role: Role, name: string, expiresAt: Date | null = null) {
    const ctx = server.app.createContext(undefined, LOCAL_OPERATOR);
    return server.app.services.tokens.create(ctx, { name, role, expiresAt });
  }

  async function tokenRows(): Promise<Record<string, unknown>[]> {
    return server.db.dataSource.query("SELECT * FROM api_token ORDER BY id");
  }

  beforeAll(async () => {
    server = await startTestServer("auth_tokens", { seed: false });
    admin = (await issue(Role.ADMIN, "test admin")).token;
    editor = (await issue(Role.EDITOR, "test editor")).token;
  });
  afterAll(() => server.close());

  it("answers anonymously when no token is sent", async () => {
    const res = await server.gql(VIEWER);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ viewer: { role: null } });
  });

  it("tells a token's holder their role", async () => {
    expect((await server.gql(VIEWER, {}, bearer(admin))).data).toEqual({
      viewer: { role: "ADMIN" },
    });
    expect((await server.gql(VIEWER, {}, bearer(editor))).data).toEqual({
      viewer: { role: "EDITOR" },
    });
  });

  it.each([
    ["an unknown token", `Bearer ctk_${"A".repeat(43)}`],
    ["a token of the wrong shape", "Bearer not-a-token"],
    ["another scheme", "Basic YWRtaW46YWRtaW4="],
    ["a bare token without the scheme", `ctk_${"A".repeat(43)}`],
    ["an empty bearer", "Bearer "],
  ])("fails the whole request with UNAUTHENTICATED for %s", async (_what, header) => {
    const res = await server.gql(VIEWER, {}, { authorization: header });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toEqual({ code: "UNAUTHENTICATED" });
  });

  it("asks anonymous callers of admin fields to authenticate", async () => {
    const res = await server.gql(LIST);
    expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data).toBeNull();
    const create = await server.gql(CREATE, { input: { name: "x", role: "ADMIN" } });
    expect(create.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("forbids an editor to list, create or revoke tokens, and changes nothing", async () => {
    const before = await tokenRows();
    const adminId = (await server.gql(LIST, {}, bearer(admin))).data!.apiTokens[0].id;

    const list = await server.gql(LIST, {}, bearer(editor));
    expect(list.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(list.data).toBeNull();

    const create = await server.gql(
      CREATE,
      { input: { name: "sneaky", role: "ADMIN" } },
      bearer(editor),
    );
    expect(create.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(create.data).toBeNull();

    const revoke = await server.gql(REVOKE, { id: adminId }, bearer(editor));
    expect(revoke.errors?.[0].extensions?.code).toBe("FORBIDDEN");

    const after = await tokenRows();
    // The editor's own lastUsedAt may have been recorded; nothing else may differ.
    const strip = (rows: Record<string, unknown>[]) =>
      rows.map(({ last_used_at: _used, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
    expect((await server.gql(VIEWER, {}, bearer(admin))).data).toEqual({
      viewer: { role: "ADMIN" },
    });
  });

  it("lets an admin create a token, shown once and stored only as a hash", async () => {
    const res = await server.gql(
      CREATE,
      { input: { name: "  Deploy bot  ", role: "EDITOR", expiresAt: "2099-01-01T00:00:00Z" } },
      bearer(admin),
    );
    expect(res.errors).toBeUndefined();
    const { token, apiToken } = res.data!.createApiToken;
    expect(token).toMatch(/^ctk_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({
      name: "Deploy bot",
      role: "EDITOR",
      tokenPrefix: token.slice(0, 12),
      expiresAt: "2099-01-01T00:00:00.000Z",
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(apiToken).not.toHaveProperty("tokenHash");

    const rows = await tokenRows();
    const row = rows.find(r => r.name === "Deploy bot")!;
    expect(row.token_hash).toBe(hashToken(token));
    for (const r of rows) {
      for (const value of Object.values(r)) expect(String(value)).not.toContain(token);
    }

    // The token works, and no query hands the secret (or its hash) out again.
    expect((await server.gql(VIEWER, {}, bearer(token))).data).toEqual({
      viewer: { role: "EDITOR" },
    });
    const list = await server.gql(LIST, {}, bearer(admin));
    expect(list.errors).toBeUndefined();
    expect(JSON.stringify(list.data)).not.toContain(token);
    expect(JSON.stringify(list.data)).not.toContain(hashToken(token));
    expect(list.data!.apiTokens.map((t: any) => t.name)).toContain("Deploy bot");
  });

  it("rejects bad input with BAD_USER_INPUT and the offending fields", async () => {
    const res = await server.gql(
      CREATE,
      { input: { name: "", role: "EDITOR", expiresAt: "2001-01-01T00:00:00Z" } },
      bearer(admin),
    );
    expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const fields = (res.errors![0].extensions!.fields as { field: string }[]).map(f => f.field);
    expect(fields).toEqual(expect.arrayContaining(["name", "expiresAt"]));
  });

  it("revokes a token at once, idempotently", async () => {
    const { token, record } = await issue(Role.EDITOR, "to revoke");
    expect((await server.gql(VIEWER, {}, bearer(token))).data).toEqual({
      viewer: { role: "EDITOR" },
    });
    const id = (await server.gql(LIST, {}, bearer(admin))).data!.apiTokens.find(
      (t: any) => t.name === "to revoke",
    ).id;

    const first = await server.gql(REVOKE, { id }, bearer(admin));
    expect(first.errors).toBeUndefined();
    expect(first.data!.revokeApiToken.revokedAt).toEqual(expect.any(String));

    const after = await server.gql(VIEWER, {}, bearer(token));
    expect(after.status).toBe(401);
    expect(after.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");

    const again = await server.gql(REVOKE, { id }, bearer(admin));
    expect(again.errors).toBeUndefined();
    expect(again.data!.revokeApiToken.revokedAt).toBe(first.data!.revokeApiToken.revokedAt);
    expect(record.id).toBeGreaterThan(0);
  });

  it("answers NOT_FOUND for an unknown token id and BAD_USER_INPUT for another type's id", async () => {
    const unknown = Buffer.from("ApiToken:999999").toString("base64url");
    const res = await server.gql(REVOKE, { id: unknown }, bearer(admin));
    expect(res.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    const other = Buffer.from("Topic:1").toString("base64url");
    expect(
      (await server.gql(REVOKE, { id: other }, bearer(admin))).errors?.[0].extensions?.code,
    ).toBe("BAD_USER_INPUT");
  });

  it("refuses an expired token", async () => {
    const { token, record } = await issue(
      Role.ADMIN,
      "soon expired",
      new Date(Date.now() + 3600e3),
    );
    expect((await server.gql(VIEWER, {}, bearer(token))).data).toEqual({
      viewer: { role: "ADMIN" },
    });
    await server.db.dataSource.query("UPDATE api_token SET expires_at = ? WHERE id = ?", [
      "2001-01-01 00:00:00",
      record.id,
    ]);
    const res = await server.gql(VIEWER, {}, bearer(token));
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("records use at most once a minute, without counting it as an edit", async () => {
    const { token, record } = await issue(Role.EDITOR, "usage");
    const t0 = new Date("2030-01-01T00:00:00Z");
    const tokens = server.app.services.tokens;
    expect((await tokens.authenticate(token, t0))?.lastUsedAt).toEqual(t0);
    await tokens.authenticate(token, new Date(t0.getTime() + 30_000));
    const [row] = await server.db.dataSource.query(
      "SELECT version, last_used_at FROM api_token WHERE id = ?",
      [record.id],
    );
    expect(Number(row.version)).toBe(record.version);
    const stored = await tokens.authenticate(token, new Date(t0.getTime() + 30_000));
    expect(stored?.lastUsedAt?.toISOString()).toBe(t0.toISOString());
    const later = new Date(t0.getTime() + 61_000);
    expect((await tokens.authenticate(token, later))?.lastUsedAt).toEqual(later);
  });
});
