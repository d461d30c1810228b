import { Role } from "../../entities";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { bearer, gid, issueToken } from "./helpers";

const DESCENDANTS = `{ communities { slug descendants { slug parent { slug } } } }`;

describe("Community.descendants: the whole subtree for pickers and lists", () => {
  let server: TestServer;
  let admin: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer("community_descendants");
    admin = bearer((await issueToken(server, Role.ADMIN)).token);
  });
  afterAll(() => server.close());

  it("lists every community below each root, depth-first, each level by name", async () => {
    const create = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
    const grok = await server.gql(
      create,
      { input: { name: "Grok", parent: await gid(server, "community", "zope") } },
      admin,
    );
    expect(grok.errors).toBeUndefined();
    const deeper = await server.gql(
      create,
      { input: { name: "Grok Admin UI", parent: grok.data!.createCommunity.id } },
      admin,
    );
    expect(deeper.errors).toBeUndefined();
    // A sibling of Zope's branch sorting before it, to show the order is per level, not global.
    await server.gql(
      create,
      { input: { name: "Django", parent: await gid(server, "community", "python") } },
      admin,
    );

    const res = await server.gql(DESCENDANTS);
    expect(res.errors).toBeUndefined();
    expect(res.data!.communities).toEqual([
      { slug: "php", descendants: [] },
      {
        slug: "python",
        descendants: [
          { slug: "django", parent: { slug: "python" } },
          { slug: "turbogears", parent: { slug: "python" } },
          { slug: "zope", parent: { slug: "python" } },
          { slug: "grok", parent: { slug: "zope" } },
          { slug: "grok-admin-ui", parent: { slug: "grok" } },
        ],
      },
    ]);
  });
});
