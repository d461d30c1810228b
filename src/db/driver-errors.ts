/**
 * True when the server rolled the transaction back as a deadlock victim: InnoDB's ER_LOCK_DEADLOCK
 * (1213), which is also what a Galera node answers when the write set failed certification or was
 * aborted by another node's commit. The whole transaction may be run again.
 */
export function isDeadlock(err: unknown): boolean {
  const e = err as {
    driverError?: { errno?: number; code?: string };
    errno?: number;
    code?: string;
  };
  const errno = e?.driverError?.errno ?? e?.errno;
  const code = e?.driverError?.code ?? e?.code;
  return errno === 1213 || code === "ER_LOCK_DEADLOCK";
}
