/**
 * Values worked out from two keys (a zone and an instant, a type and an id), held for the life of
 * the process so that a value asked for again costs two Map lookups and no new string. At most
 * `max` are held in all; the one past it starts the memory afresh, which keeps the bound without
 * the bookkeeping of an LRU on a path that runs for every field of every page.
 */
export class HeldValues<A, B, V> {
  private readonly held = new Map<A, Map<B, V>>();
  private count = 0;

  constructor(private readonly max: number) {}

  /** The value for (`a`, `b`): held, else `compute(a, b)`, then held. */
  get(a: A, b: B, compute: (a: A, b: B) => V): V {
    let inner = this.held.get(a);
    const known = inner?.get(b);
    if (known !== undefined) return known;
    const value = compute(a, b);
    if (this.count >= this.max) {
      this.held.clear();
      this.count = 0;
      inner = undefined;
    }
    if (!inner) this.held.set(a, (inner = new Map()));
    inner.set(b, value);
    this.count += 1;
    return value;
  }
}
