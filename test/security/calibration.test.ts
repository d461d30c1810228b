import { getIntrospectionQuery, parse, visit } from "graphql";
import { DEFAULT_QUERY_LIMITS, loadConfig } from "../../src/core/config";
import { measureCost } from "../../src/graphql/cost";
import { countTokens, documentDepth } from "../../src/graphql/limits";
import { getSchema } from "../../src/server/schema";
import { Role } from "../../entities";
import { bearer, issueToken } from "../editorial/helpers";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { realOperations } from "./operations";

/**
 * What each operation of real use needs, as measured by the limits (cost with its variables, depth,
 * aliases, tokens). A change to the cost model or to an operation shows here first; every figure
 * must stay at most half its limit (the standard introspection query, for development, fits).
 */
const FIGURES: Record<string, { cost: number; depth: number; aliases: number; tokens: number }> = {
  "examples/article-page.graphql": { cost: 117, depth: 4, aliases: 0, tokens: 107 },
  "examples/community-view.graphql": { cost: 343, depth: 6, aliases: 0, tokens: 120 },
  "examples/program-by-day.graphql": { cost: 8012, depth: 5, aliases: 0, tokens: 87 },
  "examples/search.graphql": { cost: 90, depth: 5, aliases: 0, tokens: 100 },
  "examples/session-page.graphql": { cost: 43, depth: 5, aliases: 0, tokens: 101 },
  "examples/speaker-page.graphql": { cost: 226, depth: 5, aliases: 0, tokens: 71 },
  "embed CrosstalkConferenceSessions": { cost: 3001, depth: 7, aliases: 0, tokens: 125 },
  "embed CrosstalkSessions": { cost: 3000, depth: 6, aliases: 0, tokens: 97 },
  "embed CrosstalkSpeakers": { cost: 200, depth: 3, aliases: 0, tokens: 33 },
  "README block 1": { cost: 126, depth: 5, aliases: 0, tokens: 38 },
  "README block 2": { cost: 12, depth: 4, aliases: 0, tokens: 62 },
  "README block 3": { cost: 346, depth: 5, aliases: 0, tokens: 42 },
  "README block 4": { cost: 65, depth: 6, aliases: 0, tokens: 50 },
  "README block 5": { cost: 60, depth: 4, aliases: 0, tokens: 33 },
};

const limits = DEFAULT_QUERY_LIMITS;

function aliasesOf(query: string): number {
  let n = 0;
  visit(parse(query), { Field: node => void (node.alias && (n += 1)) });
  return n;
}

describe("limits are calibrated on real use", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer("security_calibration");
  });
  afterAll(async () => {
    await server.close();
  });

  it("the defaults are the configuration's defaults", () => {
    expect(loadConfig({ NODE_ENV: "production" }).limits).toEqual(DEFAULT_QUERY_LIMITS);
  });

  it("lists every real operation and the figures it needs, each at most half its limit", async () => {
    const schema = await getSchema();
    const operations = realOperations();
    expect(operations.map(o => o.name).sort()).toEqual(Object.keys(FIGURES).sort());
    for (const op of operations) {
      const measured = {
        cost: measureCost(schema, parse(op.query), op.variables, undefined, limits),
        depth: documentDepth(parse(op.query)),
        aliases: aliasesOf(op.query),
        tokens: countTokens(op.query),
      };
      expect({ [op.name]: measured }).toEqual({ [op.name]: FIGURES[op.name] });
      expect(measured.cost * 2).toBeLessThanOrEqual(limits.maxCost);
      expect(measured.depth * 2).toBeLessThanOrEqual(limits.maxDepth);
      expect(measured.aliases * 2).toBeLessThanOrEqual(limits.maxAliases);
      expect(measured.tokens * 2).toBeLessThanOrEqual(limits.maxTokens);
    }
  });

  it("the standard introspection query fits, for development tools", () => {
    const query = getIntrospectionQuery();
    expect(documentDepth(parse(query))).toBeLessThanOrEqual(limits.maxDepth);
    expect(countTokens(query)).toBeLessThanOrEqual(limits.maxTokens);
  });

  it("every real operation runs over HTTP under the default limits", async () => {
    // The README's mutation example needs an editor; reads are sent as anonymous clients send them.
    const editor = bearer((await issueToken(server, Role.EDITOR)).token);
    for (const op of realOperations()) {
      const mutation = /^\s*mutation\b/.test(op.query);
      const res = await server.gql(op.query, op.variables, mutation ? editor : {});
      expect({ [op.name]: res.errors }).toEqual({ [op.name]: undefined });
      expect(res.status).toBe(200);
      expect(res.data).toBeDefined();
    }
  });
});
