import pino from "pino";
import { Role } from "../../entities";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { startTestServer, type TestServer } from "../helpers/test-server";

describe("node(id) and nodes(ids)", () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer("read_node");
    const ctx = { viewer: LOCAL_OPERATOR, now: new Date(), log: pino({ level: "silent" }) };
    admin = (await server.app.services.tokens.create(ctx, { name: "node test", role: Role.ADMIN }))
      .token;
  });
  afterAll(() => server.close());

  it("round-trips every public type", async () => {
    const res = await server.gql(`{
      conference(slug: "pyworks-2008") { id __typename }
      community(slug: "zope") { id __typename }
      session(slug: "grok-tutorial") { id __typename }
      person(slug: "brandon-rhodes") { id __typename }
      publications { id __typename }
      article(slug: "pyworks-2008-wrap-up") { id __typename comments { edges { node { id __typename } } } }
      topics { id __typename }
    }`);
    expect(res.errors).toBeUndefined();
    const d = res.data!;
    const objects = [
      d.conference,
      d.community,
      d.session,
      d.person,
      d.publications[0],
      d.article,
      d.article.comments.edges[0].node,
      d.topics[0],
    ].map(({ id, __typename }: any) => ({ id, __typename }));
    expect(new Set(objects.map(o => o.__typename)).size).toBe(8);
    for (const o of objects) {
      const again = await server.gql(`query($id: ID!) { node(id: $id) { id __typename } }`, {
        id: o.id,
      });
      expect(again.errors).toBeUndefined();
      expect(again.data!.node).toEqual(o);
    }
    const many = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`, {
      ids: objects.map(o => o.id),
    });
    expect(many.data!.nodes).toEqual(objects);
  });

  it("round-trips API tokens for admins only", async () => {
    const list = await server.gql(
      `{ apiTokens { id __typename } }`,
      {},
      { authorization: `Bearer ${admin}` },
    );
    expect(list.errors).toBeUndefined();
    const token = list.data!.apiTokens[0];
    const asAdmin = await server.gql(
      `query($id: ID!) { node(id: $id) { id __typename } }`,
      { id: token.id },
      { authorization: `Bearer ${admin}` },
    );
    expect(asAdmin.data!.node).toEqual(token);
    const anonymous = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, {
      id: token.id,
    });
    expect(anonymous.data!.node).toBeNull();
  });

  it("fetches fields through the interface with fragments", async () => {
    const id = (await server.gql(`{ session(slug: "introduction-to-git") { id } }`)).data!.session
      .id;
    const res = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on Session { slug programs { slug } } } }`,
      { id },
    );
    expect(res.data!.node.slug).toBe("introduction-to-git");
  });

  it("returns null for an unknown id of a known type, and BAD_USER_INPUT for a malformed one", async () => {
    const unknown = Buffer.from("Session:999999").toString("base64url");
    const res = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: unknown });
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toBeNull();
    for (const bad of [
      "nope",
      Buffer.from("Spaceship:1").toString("base64url"),
      Buffer.from("Session:abc").toString("base64url"),
    ]) {
      const r = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: bad });
      expect(r.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});
