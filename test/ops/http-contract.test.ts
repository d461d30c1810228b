import { Role } from "../../entities";
import { issueToken, bearer } from "../editorial/helpers";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** Every refusal is a JSON GraphQL error with a code, whatever went wrong with the request. */
describe("errors in the contract's shape", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("ops_contract", { config: { feedMaxSessions: 3 } });
  });
  afterAll(() => server.close());

  const post = (body: string | Blob, headers: Record<string, string>) =>
    fetch(`${server.url}/graphql`, { method: "POST", body, headers });

  async function expectGraphQLError(res: Response, status: number, code: string) {
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as { errors: { message: string; extensions: any }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe(code);
    expect(body.errors[0].message.length).toBeGreaterThan(10);
    return body.errors[0];
  }

  it("answers a body over the limit with 413 PAYLOAD_TOO_LARGE", async () => {
    const query = `{ __typename }${" ".repeat(1_100_000)}`;
    const error = await expectGraphQLError(
      await post(JSON.stringify({ query }), { "content-type": "application/json" }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    expect(error.extensions.limit).toBe(1024 * 1024);
  });

  it("answers malformed JSON with 400 BAD_REQUEST", async () => {
    await expectGraphQLError(
      await post('{"query": "{ __typename }"', { "content-type": "application/json" }),
      400,
      "BAD_REQUEST",
    );
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])(
    "answers a %s POST with 415 UNSUPPORTED_MEDIA_TYPE",
    async type => {
      await expectGraphQLError(
        await post('{"query":"{ __typename }"}', { "content-type": type }),
        415,
        "UNSUPPORTED_MEDIA_TYPE",
      );
    },
  );

  it("answers a POST without a content type with 415", async () => {
    await expectGraphQLError(
      await post(new Blob(['{"query":"{ __typename }"}']), {}),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
  });

  it("still answers JSON POSTs, with or without a charset", async () => {
    const res = await post('{"query":"{ __typename }"}', {
      "content-type": "application/json; charset=utf-8",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("gives an anonymous POST its whole head, and no ETag (a POST is never conditional)", async () => {
    const res = await post('{"query":"{ conferences(first: 2) { nodes { slug name } } }"}', {
      "content-type": "application/json",
      "x-request-id": "head-check-1",
    });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(JSON.parse(text).data.conferences.nodes).toHaveLength(2);
    expect(text.endsWith("}\n")).toBe(true);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      "content-type": "application/json; charset=utf-8",
      "content-length": String(Buffer.byteLength(text)),
      "cache-control": "no-store",
      vary: "Authorization, Cookie, Accept-Language",
      "x-request-id": "head-check-1",
      "access-control-allow-origin": "*",
      "access-control-expose-headers": "ETag",
    });
    expect(res.headers.get("etag")).toBeNull();
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("gives a GET its ETag, and a 304 to a request that names it", async () => {
    // A query no other test sends, with a fresh variable: never answered from the response cache.
    const url = `${server.url}/graphql?query=${encodeURIComponent(
      "query ($n: Int) { conferences(first: $n) { nodes { slug } } }",
    )}&variables=${encodeURIComponent(JSON.stringify({ n: 3 }))}`;
    const first = await fetch(url, { headers: { "apollo-require-preflight": "1" } });
    const text = await first.text();
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"[0-9a-f]+-/);
    expect(first.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    // fetch would add `Cache-Control: no-cache` to a conditional request that sends none.
    const conditional = await fetch(url, {
      headers: {
        "apollo-require-preflight": "1",
        "if-none-match": etag as string,
        "cache-control": "max-age=0",
      },
    });
    expect(conditional.status).toBe(304);

    // A GET with a token is never cached at the server: its 304 is Express's, from Apollo's answer.
    const { token } = await issueToken(server, Role.EDITOR);
    const signed = { "apollo-require-preflight": "1", ...bearer(token) };
    const private1 = await fetch(url, { headers: signed });
    expect(private1.headers.get("cache-control")).toBe("private, no-store");
    const privateTag = private1.headers.get("etag") as string;
    expect(privateTag).toMatch(/^W\/"[0-9a-f]+-/);
    const private2 = await fetch(url, {
      headers: { ...signed, "if-none-match": privateTag, "cache-control": "max-age=0" },
    });
    expect(private2.status).toBe(304);
  });

  it("refuses a cursor from another connection as BAD_USER_INPUT", async () => {
    const people = await server.gql(`{ people(first: 1) { pageInfo { endCursor } } }`);
    const cursor = people.data!.people.pageInfo.endCursor as string;
    const res = await server.gql(
      `query ($c: String) { sessions(first: 1, after: $c) { nodes { slug } } }`,
      {
        c: cursor,
      },
    );
    expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses a feed over the size limit with 422 and says how to narrow it", async () => {
    const community = await fetch(`${server.url}/calendar/community/python.ics`);
    expect(community.status).toBe(422);
    expect(community.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await community.text()).toMatch(/more than 3 sessions.*\?conference=/s);

    const conference = await fetch(`${server.url}/schedule/pyworks-2008.json`);
    expect(conference.status).toBe(422);
    expect(await conference.text()).toMatch(/narrow|conference=/);

    // The narrowed feed is within the limit.
    const session = await fetch(`${server.url}/calendar/session/${await aSessionSlug()}.ics`);
    expect(session.status).toBe(200);
  });

  async function aSessionSlug(): Promise<string> {
    const res = await server.gql(`{ sessions(first: 1) { nodes { slug } } }`);
    return res.data!.sessions.nodes[0].slug;
  }
});

describe("a database that cannot be reached", () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer("ops_db_down");
    token = (await issueToken(server, Role.EDITOR)).token;
  });
  afterAll(() => server.close());

  it("gives a request with a token the same masked error as one without", async () => {
    await server.db.dataSource.destroy();
    const query = `{ conferences(first: 1) { nodes { slug } } }`;
    const anonymous = await server.gql(query);
    const withToken = await server.gql(query, undefined, bearer(token));
    const shape = (r: typeof anonymous) => ({
      data: r.data?.conferences ?? null,
      errors: r.errors?.map(e => ({ message: e.message, code: e.extensions?.code })),
    });
    expect(anonymous.errors).toBeDefined();
    expect(shape(withToken)).toEqual(shape(anonymous));
    for (const r of [anonymous, withToken]) {
      expect(JSON.stringify(r.errors)).not.toMatch(/typeorm|connection|sqlite|mysql|token/i);
    }
  });
});
