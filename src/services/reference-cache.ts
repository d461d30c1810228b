import { keepValue, valueNow } from "../core/maybe-promise";

/** The reference data a process keeps between requests: small, read everywhere, rarely written. */
export type ReferenceKind = "communities" | "publications" | "topics" | "zones";

/** At most this many keys per kind (conference slugs for zones); past it the kind starts afresh. */
const MAX_KEYS_PER_KIND = 10_000;

/**
 * Reference data cached per process (the community tree, publications, topics, conferences' time
 * zones). A read keeps the promise of its load, so concurrent readers share one statement and a
 * failed load is forgotten. The editorial writers call `drop` after their transaction commits; a
 * listener (the server's Redis bus, when REDIS_URL is set) passes the drop to every other process,
 * which applies it with `dropLocal`.
 */
export class ReferenceCache {
  private readonly held = new Map<ReferenceKind, Map<string, Promise<unknown>>>();
  private readonly listeners: ((kinds: ReferenceKind[]) => void)[] = [];
  private holding = true;

  /**
   * Turns holding on or off. Off (the processes' drop channel is down, so another process's write
   * could not reach this one): everything held is dropped and every read loads afresh until it is
   * turned on again.
   */
  hold(on: boolean): void {
    this.holding = on;
    if (!on) this.held.clear();
  }

  /**
   * Like `get`, but a value already loaded comes back as itself, not as a promise: a field resolved
   * for every row of a page (a session's times need its host's zone) then costs no promise.
   */
  getNow<T>(kind: ReferenceKind, key: string, load: () => Promise<T>): T | Promise<T> {
    const found = this.holding
      ? (this.held.get(kind)?.get(key) as Promise<T> | undefined)
      : undefined;
    return found !== undefined ? valueNow(found) : this.get(kind, key, load);
  }

  /** The cached value of `kind`/`key`, loaded once by `load`. `undefined` results are not kept. */
  get<T>(kind: ReferenceKind, key: string, load: () => Promise<T>): Promise<T> {
    if (!this.holding) return load();
    let entries = this.held.get(kind);
    if (!entries) {
      entries = new Map();
      this.held.set(kind, entries);
    }
    const found = entries.get(key) as Promise<T> | undefined;
    if (found) return found;
    if (entries.size >= MAX_KEYS_PER_KIND) entries.clear();
    const map = entries;
    const loading = load().then(
      value => {
        if (value === undefined && map.get(key) === loading) map.delete(key);
        else keepValue(loading, value);
        return value;
      },
      (err: unknown) => {
        if (map.get(key) === loading) map.delete(key);
        throw err;
      },
    );
    map.set(key, loading);
    return loading;
  }

  /** Drops `kinds` here and tells the listeners (other processes). Call after the write commits. */
  drop(...kinds: ReferenceKind[]): void {
    this.dropLocal(kinds);
    for (const listener of this.listeners) listener(kinds);
  }

  /** Drops `kinds` in this process only (a drop received from another process). */
  dropLocal(kinds: readonly ReferenceKind[]): void {
    // A new map, not clear(): a load in flight from before the write cannot re-enter it.
    for (const kind of kinds) this.held.delete(kind);
  }

  /** Called with the kinds of every local `drop`; returns a function that removes the listener. */
  onDrop(listener: (kinds: ReferenceKind[]) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }
}

/** Every kind, for validating a drop received from elsewhere. */
export const REFERENCE_KINDS: readonly ReferenceKind[] = [
  "communities",
  "publications",
  "topics",
  "zones",
];
