import type { DataSource } from "typeorm";

/** A Galera cluster as the node behind this process's connections sees it (wsrep status). */
export interface ClusterView {
  /** `wsrep_node_name` of the node that answered. */
  node: string;
  /** `wsrep_local_state_comment`: Synced, Donor/Desynced, Joining, Joined, … */
  state: string;
  /** `wsrep_cluster_status`: Primary while the node is in the quorum; non-Primary or Disconnected when not. */
  status: string;
  /** `wsrep_cluster_size`: the nodes in the component this node belongs to. */
  size: number;
  /** `wsrep_ready`: the node accepts queries. */
  ready: boolean;
}

/**
 * Reads the wsrep status of the node a pooled connection reaches. Null on a server that is not a
 * Galera node (SQLite, MySQL, MariaDB with `wsrep_on` off): readiness is then the plain ping.
 * Both statements are answered even by a node that has left the primary component.
 */
export async function readClusterView(dataSource: DataSource): Promise<ClusterView | null> {
  if (dataSource.options.type !== "mariadb") return null;
  let node: { wsrepOn: number | string; nodeName: string } | undefined;
  try {
    [node] = await dataSource.query("SELECT @@wsrep_on AS wsrepOn, @@wsrep_node_name AS nodeName");
  } catch (err) {
    // A MariaDB built without wsrep has no such variables (ER_UNKNOWN_SYSTEM_VARIABLE).
    if ((err as { driverError?: { errno?: number } }).driverError?.errno === 1193) return null;
    throw err;
  }
  if (!node || Number(node.wsrepOn) !== 1) return null;
  const rows = (await dataSource.query(
    "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_cluster_status', 'wsrep_cluster_size', 'wsrep_local_state_comment')",
  )) as { Variable_name: string; Value: string }[];
  const status = new Map(rows.map(r => [r.Variable_name.toLowerCase(), r.Value]));
  return {
    node: node.nodeName,
    state: status.get("wsrep_local_state_comment") ?? "unknown",
    status: status.get("wsrep_cluster_status") ?? "unknown",
    size: Number(status.get("wsrep_cluster_size") ?? 0),
    ready: status.get("wsrep_ready") === "ON",
  };
}

/** Whether a node may take requests: ready, and in the primary component. */
export function clusterNodeUsable(view: ClusterView): boolean {
  return view.ready && view.status === "Primary";
}
