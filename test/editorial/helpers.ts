import { Role } from "../../entities";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { toGlobalId, type NodeTypeName } from "../../src/core/global-id";
import type { TestServer } from "../helpers/test-server";

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Issues a token through the service, as the CLI does. */
export async function issueToken(server: TestServer, role: Role, name = `${role} for tests`) {
  const ctx = server.app.createContext(undefined, LOCAL_OPERATOR);
  return server.app.services.tokens.create(ctx, { name, role });
}

/** Issues a token and revokes it at once. */
export async function revokedToken(server: TestServer): Promise<string> {
  const ctx = server.app.createContext(undefined, LOCAL_OPERATOR);
  const { token, record } = await issueToken(server, Role.EDITOR, "revoked");
  await server.app.services.tokens.revoke(ctx, record.id);
  return token;
}

const TABLES: Record<string, NodeTypeName> = {
  conference: "Conference",
  community: "Community",
  session: "Session",
  person: "Person",
  publication: "Publication",
  article: "Article",
  topic: "Topic",
  comment: "Comment",
};

/** The global id of a record by slug (or, for comments, by numeric id). */
export async function gid(server: TestServer, table: string, slug: string): Promise<string> {
  const rows: { id: number }[] = await server.db.dataSource.query(
    `SELECT id FROM ${table} WHERE slug = ?`,
    [slug],
  );
  if (!rows.length) throw new Error(`no ${table} ${slug}`);
  return toGlobalId(TABLES[table], Number(rows[0].id));
}

/** Every table's rows (api_token's last use aside), to prove a refused call changed nothing. */
export async function snapshot(server: TestServer): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const meta of server.db.dataSource.entityMetadatas) {
    const rows: Record<string, unknown>[] = await server.db.dataSource.query(
      `SELECT * FROM ${meta.tableName}`,
    );
    out[meta.tableName] = rows
      .map(({ last_used_at: _used, ...rest }) => JSON.stringify(rest))
      .sort();
  }
  return out;
}

/** Row count of a table. */
export async function count(
  server: TestServer,
  table: string,
  where = "1 = 1",
  params: unknown[] = [],
) {
  const rows: { n: unknown }[] = await server.db.dataSource.query(
    `SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return Number(rows[0].n);
}

/** The first error's code, if any. */
export const codeOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  res.errors?.[0]?.extensions?.code;

/**
 * Creates a TALK (with a fresh unlimited EDITOR token) hosted by the conference `host` in the
 * `programs` (slugs), for the php community; its global id and slug.
 */
export async function createSessionIn(
  server: TestServer,
  title: string,
  host: string,
  programs: string[],
): Promise<{ slug: string; id: string }> {
  const editor = bearer((await issueToken(server, Role.EDITOR)).token);
  const res = await server.gql(
    `mutation ($input: CreateSessionInput!) { createSession(input: $input) { session { id slug } } }`,
    {
      input: {
        title,
        kind: "TALK",
        startsAt: "2008-11-13T10:00:00-05:00",
        endsAt: "2008-11-13T11:00:00-05:00",
        hostConference: await gid(server, "conference", host),
        programs: await Promise.all(programs.map(p => gid(server, "conference", p))),
        audiences: [await gid(server, "community", "php")],
      },
    },
    editor,
  );
  if (res.errors) throw new Error(`createSession failed: ${JSON.stringify(res.errors)}`);
  return res.data!.createSession.session as { slug: string; id: string };
}
