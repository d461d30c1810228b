import type { RequestHandler } from "express";
import type { DataSource } from "typeorm";
import { clusterNodeUsable, readClusterView } from "../db/cluster-status";
import { pingPools } from "../db/replication";
import { withFields } from "../core/objects";

/** /readyz answers within this many milliseconds whatever the database does. */
export const READY_CHECK_TIMEOUT_MS = 1500;

/**
 * GET /readyz: 200 while the database answers a ping within READY_CHECK_TIMEOUT_MS, 503 when it does
 * not (unreachable, or hanging: the ping is raced against a timer) and from the moment shutdown
 * begins, so that load balancers stop sending traffic at once. With read replicas each pool is
 * pinged and listed in the answer (`pools`); readiness follows the primary, since reads fall back to
 * it when no replica answers. Behind a Galera cluster it also says what the node its connections
 * reach sees (`cluster`: node, state, status, size), and answers 503 while that node is out of the
 * primary component or not ready.
 */
export function readinessHandler(
  dataSource: DataSource,
  isStopping: () => boolean,
): RequestHandler {
  return async (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    if (isStopping()) {
      res.status(503).json({ status: "stopping", reason: "the server is shutting down" });
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${READY_CHECK_TIMEOUT_MS} ms`)),
        READY_CHECK_TIMEOUT_MS,
      );
    });
    // On a Galera node the cluster view is the node's wsrep status (null elsewhere).
    const ping = Promise.all([pingPools(dataSource), readClusterView(dataSource)]);
    ping.catch(() => undefined); // a late failure after the timer won is of no interest
    try {
      const [pools, cluster] = await Promise.race([ping, timeout]);
      const primary = pools.find(p => p.pool === "primary");
      if (!primary?.ok) throw new Error(primary?.error ?? "the primary did not answer");
      if (isStopping()) throw new Error("shutdown began during the check");
      const poolStates = Object.fromEntries(pools.map(p => [p.pool, p.ok ? "ok" : "unavailable"]));
      if (cluster && !clusterNodeUsable(cluster)) {
        res.status(503).json({
          status: "unavailable",
          reason: `the cluster node is not ready (${cluster.status}, ${cluster.state})`,
          database: dataSource.options.type,
          pools: poolStates,
          cluster,
        });
        return;
      }
      res.json(
        withFields(
          { status: "ready", database: dataSource.options.type, pools: poolStates },
          cluster ? { cluster } : {},
        ),
      );
    } catch (err) {
      if (isStopping()) {
        res.status(503).json({ status: "stopping", reason: "the server is shutting down" });
        return;
      }
      req.log.warn({ err }, "readiness check failed");
      res.status(503).json({ status: "unavailable", reason: "database did not answer" });
    } finally {
      clearTimeout(timer);
    }
  };
}
