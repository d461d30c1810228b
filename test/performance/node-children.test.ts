import {
  parse,
  type FieldNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from "graphql";
import pino from "pino";
import { ANONYMOUS, type RequestContext } from "../../src/core/context";
import { createLoaders } from "../../src/graphql/loaders";
import { connectionNodeFields } from "../../src/graphql/node-selection";
import { createServices, type Services } from "../../src/services";
import { SessionOrder } from "../../src/services/session.service";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** The `info` graphql-js gives the resolver of the operation's first root field. */
function infoOf(document: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const operation = parsed.definitions.find(
    d => d.kind === "OperationDefinition",
  ) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    parsed.definitions.flatMap(d => (d.kind === "FragmentDefinition" ? [[d.name.value, d]] : [])),
  );
  const field = operation.selectionSet.selections[0] as FieldNode;
  return { fieldNodes: [field], fragments } as unknown as GraphQLResolveInfo;
}

describe("the fields a connection's nodes are asked for", () => {
  it("reads `nodes` and `edges { node }`, through inline and named fragments", () => {
    const info = infoOf(`{
      sessions(first: 5) {
        pageInfo { hasNextPage }
        totalCount
        nodes { title speakers { name } }
        edges { cursor node { ...More ... on Session { isCrossCommunity } } }
      }
    }
    fragment More on Session { audiences { slug } ...More }`);
    expect([...connectionNodeFields(info)].sort()).toEqual([
      "audiences",
      "isCrossCommunity",
      "speakers",
      "title",
    ]);
  });

  it("is empty when no node is selected, and worked out once per field of a document", () => {
    const info = infoOf(`{ sessions { totalCount pageInfo { endCursor } edges { cursor } } }`);
    const first = connectionNodeFields(info);
    expect(first.size).toBe(0);
    expect(connectionNodeFields(info)).toBe(first);
  });
});

describe("a page loads its nodes' child lists with it", () => {
  let server: TestServer;
  let services: Services;
  const ctx: RequestContext = {
    viewer: ANONYMOUS,
    now: new Date(),
    log: pino({ level: "silent" }),
  };

  beforeAll(async () => {
    server = await startTestServer("node_children");
    services = createServices(server.db.dataSource);
  });
  afterAll(() => server.close());

  const sessionsInfo = (nodeSelection: string) =>
    infoOf(`{ conference(slug: "phpworks-2008") { sessions { nodes { ${nodeSelection} } } } }`);

  /** The `sessions` field under `conference`: what Conference.sessions is given. */
  function conferenceSessionsInfo(nodeSelection: string): GraphQLResolveInfo {
    const outer = sessionsInfo(nodeSelection);
    const sessions = outer.fieldNodes[0].selectionSet!.selections[0] as FieldNode;
    return { ...outer, fieldNodes: [sessions] } as GraphQLResolveInfo;
  }

  async function conferenceId(): Promise<number> {
    const conference = await services.conferences.bySlug("phpworks-2008");
    return conference!.id;
  }

  async function pageOf(nodeSelection: string) {
    const loaders = createLoaders(services, ctx);
    const id = await conferenceId();
    await loaders.communityTree();
    const { result: page, statements } = await server.db.sql.count(() =>
      loaders.sessionPage(
        { kind: "conference", includeColocated: false },
        { first: 10, orderBy: SessionOrder.START_TIME_ASC },
        id,
        conferenceSessionsInfo(nodeSelection),
      ),
    );
    expect(page.edges.length).toBeGreaterThan(1);
    return { loaders, page, statements };
  }

  it("then answers each node's speakers and audiences at once, in one statement per list", async () => {
    const bare = await pageOf("title room");
    const { loaders, page, statements } = await pageOf(
      "title speakers { name } audiences { slug }",
    );
    expect(statements).toBe(bare.statements + 2);
    for (const { node } of page.edges) {
      const speakers = loaders.speakersBySessionId.now(node.id);
      const audienceIds = loaders.audienceIdsBySessionId.now(node.id);
      expect(speakers).not.toBeInstanceOf(Promise);
      expect(audienceIds).not.toBeInstanceOf(Promise);
      const alone = await services.sessions.speakers([node.id]);
      expect(speakers).toEqual(alone.get(node.id) ?? []);
    }
    expect(loaders.communityTreeNow()).not.toBeInstanceOf(Promise);
  });

  it("loads the lists of several parents' pages together: one statement per list, not per page", async () => {
    const ids = await Promise.all(
      ["phpworks-2008", "pyworks-2008"].map(
        async slug => (await services.conferences.bySlug(slug))!.id,
      ),
    );
    async function pages(nodeSelection: string) {
      const loaders = createLoaders(services, ctx);
      await loaders.communityTree();
      const { result, statements } = await server.db.sql.count(() =>
        Promise.all(
          ids.map(id =>
            loaders.sessionPage(
              { kind: "conference", includeColocated: false },
              { first: 10, orderBy: SessionOrder.START_TIME_ASC },
              id,
              conferenceSessionsInfo(nodeSelection),
            ),
          ),
        ),
      );
      return { loaders, result, statements };
    }
    const bare = await pages("title");
    const { loaders, result, statements } = await pages(
      "title speakers { name } audiences { slug }",
    );
    expect(result.every(page => page.edges.length > 1)).toBe(true);
    expect(statements).toBe(bare.statements + 2);
    for (const page of result) {
      for (const { node } of page.edges) {
        expect(loaders.speakersBySessionId.now(node.id)).not.toBeInstanceOf(Promise);
        expect(loaders.audienceIdsBySessionId.now(node.id)).not.toBeInstanceOf(Promise);
      }
    }
    // Keys already answered cost nothing more, through `settle` or `load`.
    const again = await server.db.sql.count(async () => {
      await loaders.speakersBySessionId.settle(result[0].edges.map(e => e.node.id));
      return loaders.speakersBySessionId.load(result[1].edges[0].node.id);
    });
    expect(again.statements).toBe(0);
    expect(again.result).toEqual(
      await services.sessions
        .speakers([result[1].edges[0].node.id])
        .then(m => m.get(result[1].edges[0].node.id) ?? []),
    );
  });

  it("loads nothing more when the nodes' selection reads no child list", async () => {
    const { loaders, page } = await pageOf("title room");
    expect(loaders.speakersBySessionId.now(page.edges[0].node.id)).toBeInstanceOf(Promise);
    expect(loaders.audienceIdsBySessionId.now(page.edges[0].node.id)).toBeInstanceOf(Promise);
  });

  it("leaves a child list that fails to its field, which then fails where it belongs", async () => {
    const failing: Services = {
      ...services,
      sessions: Object.assign(
        Object.create(Object.getPrototypeOf(services.sessions)),
        services.sessions,
        {
          speakers: () => Promise.reject(new Error("speakers unavailable")),
        },
      ),
    };
    const loaders = createLoaders(failing, ctx);
    const id = await conferenceId();
    const page = await loaders.sessionPage(
      { kind: "conference", includeColocated: false },
      { first: 3, orderBy: SessionOrder.START_TIME_ASC },
      id,
      conferenceSessionsInfo("speakers { name }"),
    );
    expect(page.edges.length).toBe(3);
    const speakers = loaders.speakersBySessionId.now(page.edges[0].node.id);
    await expect(speakers).rejects.toThrow("speakers unavailable");
  });

  it("over HTTP, each node's lists are what the session answers when asked alone", async () => {
    const query = `{ conference(slug: "phpworks-2008") { sessions(first: 50) {
      nodes { title isCrossCommunity speakers { slug } audiences { slug } }
      edges { node { slug speakers { name } } } } } }`;
    const plain = await server.gql(query);
    expect(plain.errors).toBeUndefined();
    const nodes = (plain.data as any).conference.sessions.nodes as any[];
    expect(nodes.length).toBeGreaterThan(0);
    // Each list equals what the session itself answers when asked alone.
    for (const node of nodes.slice(0, 5)) {
      const slug = (
        await server.gql(
          `{ session(slug: "${String(
            ((plain.data as any).conference.sessions.edges as any[])[nodes.indexOf(node)].node.slug,
          )}") { title isCrossCommunity speakers { slug } audiences { slug } } }`,
        )
      ).data as any;
      expect(slug.session).toEqual(node);
    }
  });
});
