import { readClusterView } from "../../src/db/cluster-status";
import { classifyDatabaseError } from "../../src/server/request-budget";
import { TEST_ENGINE } from "../helpers/test-db";
import { startTestServer, type TestServer } from "../helpers/test-server";

const itOnMysql = TEST_ENGINE === "mysql" ? it : it.skip;

/**
 * What a client is told when a Galera cluster misbehaves, outside the cluster test (test/cluster/):
 * the errors a node sends are raised here by the real server with SIGNAL, and a single server (not
 * a cluster node) keeps its plain /readyz.
 */
describe("cluster errors and readiness on a single server", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer("cluster_errors", { seed: false });
  });

  afterAll(async () => {
    await server.close();
  });

  /** The driver error the server sends for SIGNAL with this errno. */
  async function serverError(errno: number, message: string): Promise<unknown> {
    return server.db.dataSource
      .query(`SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = ${errno}, MESSAGE_TEXT = '${message}'`)
      .then(
        () => new Error("SIGNAL did not fail"),
        (err: unknown) => err,
      );
  }

  itOnMysql("a failed certification (1213) outside the writer is CONFLICT", async () => {
    const err = await serverError(1213, "Deadlock found when trying to get lock");
    expect(classifyDatabaseError(err)?.extensions).toMatchObject({
      code: "CONFLICT",
      reason: "WRITE_CONFLICT",
    });
  });

  itOnMysql("a node outside the primary component (1047) is SERVICE_UNAVAILABLE", async () => {
    const err = await serverError(1047, "WSREP has not yet prepared node for application use");
    const known = classifyDatabaseError(err);
    expect(known?.extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 2 });
    expect(known?.message).not.toMatch(/WSREP/);
  });

  it("/readyz on a server that is not a cluster node has no cluster view", async () => {
    expect(await readClusterView(server.db.dataSource)).toBeNull();
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: "ready" });
    expect(body).not.toHaveProperty("cluster");
  });
});
