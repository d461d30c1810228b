import v8 from "node:v8";
import { ApolloServer, HeaderMap } from "@apollo/server";
import type {
  GatewayGraphQLRequestContext,
  GatewayInterface,
} from "@apollo/server-gateway-interface";
import { buildSchema } from "graphql";
import { packageModule } from "../../src/server/package-internals";
import {
  gatewayRequestContext,
  installGatewayRequestContext,
} from "../../src/server/gateway-request-context";

// %HasFastProperties tells an object V8 keeps in dictionary mode (see gatewayRequestContext).
v8.setFlagsFromString("--allow-natives-syntax");
const hasFastProperties = new Function("o", "return %HasFastProperties(o)") as (
  o: object,
) => boolean;

const schema = buildSchema("type Query { hello(n: Int): String }");

/** An Apollo Server whose gateway hands each request context to `execute`. */
async function serverWith(execute: (rc: GatewayGraphQLRequestContext) => void) {
  const gateway: GatewayInterface = {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "type Query { hello(n: Int): String }" });
      return () => {};
    },
    async load() {
      return {
        executor: async rc => {
          execute(rc);
          return { data: { hello: "world" } };
        },
      };
    },
    async stop() {},
  };
  const server = new ApolloServer({ gateway });
  await server.start();
  return server;
}

describe("the request context Apollo Server hands a gateway", () => {
  it("is built by Crosstalk's builder once installed", () => {
    expect(installGatewayRequestContext()).toBe(true);
    const builder = packageModule<{ makeGatewayGraphQLRequestContext: unknown }>(
      "@apollo/server",
      "utils/makeGatewayGraphQLRequestContext.js",
    );
    expect(builder?.makeGatewayGraphQLRequestContext).toBe(gatewayRequestContext);
  });

  it("carries the request, and writes the status and headers through to the answer", async () => {
    installGatewayRequestContext();
    let seen: GatewayGraphQLRequestContext | undefined;
    const server = await serverWith(rc => {
      seen = rc;
      rc.response!.http!.status = 203;
      rc.response!.http!.headers.set("x-from-gateway", "yes");
      rc.response!.http!.headers.append("x-from-gateway", "twice");
    });
    try {
      const contextValue = { marker: "context" };
      const headers = new HeaderMap([
        ["content-type", "application/json"],
        ["x-asked", "1"],
      ]);
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: "POST",
          headers,
          search: "a=1",
          body: {
            query: "query Q($n: Int) { hello(n: $n) }",
            operationName: "Q",
            variables: { n: 2 },
          },
        },
        context: async () => contextValue,
      });
      expect(response.status).toBe(203);
      expect(response.headers.get("x-from-gateway")).toBe("yes, twice");
      expect(response.body.kind === "complete" && JSON.parse(response.body.string)).toEqual({
        data: { hello: "world" },
      });
      const rc = seen!;
      expect(rc.request).toEqual({
        query: "query Q($n: Int) { hello(n: $n) }",
        operationName: "Q",
        variables: { n: 2 },
        http: expect.objectContaining({
          method: "POST",
          url: "https://unknown-url.invalid/?a=1",
        }),
      });
      expect(rc.request.http!.headers.get("x-asked")).toBe("1");
      expect(rc.request.http!.headers.get("absent")).toBeNull();
      expect([...rc.request.http!.headers]).toEqual([
        ["content-type", "application/json"],
        ["x-asked", "1"],
      ]);
      expect(rc.context).toEqual(contextValue);
      expect(rc.operationName).toBe("Q");
      expect(rc.operation.operation).toBe("query");
      expect(rc.queryHash).toMatch(/^[0-9a-f]{64}$/);
      expect(rc.source).toBe("query Q($n: Int) { hello(n: $n) }");
      expect(rc.response!.http!.status).toBe(203);
    } finally {
      await server.stop();
    }
  });

  it("keeps its response head out of dictionary mode, where an accessor literal goes", async () => {
    installGatewayRequestContext();
    const heads: object[] = [];
    const server = await serverWith(rc => heads.push(rc.response!.http!));
    try {
      await server.executeOperation({ query: "{ hello }" });
      await server.executeOperation({ query: "{ hello }" });
    } finally {
      await server.stop();
    }
    expect(heads).toHaveLength(2);
    for (const head of heads) expect(hasFastProperties(head)).toBe(true);
    // What Apollo's own builder makes: a getter and a setter in an object literal.
    let status = 200;
    const literal = {
      get status() {
        return status;
      },
      set status(value: number) {
        status = value;
      },
    };
    expect(hasFastProperties(literal)).toBe(false);
  });
});
